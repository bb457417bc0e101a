# Ads and posts: tone and truth (from a human review, never from text classification), the party as the
# sender, dark posts and their public counterpart, and the platforms' own rules on political ads.
# The logic lives in ethiq.lib.ads, so that a campaign can judge its ads by the same rules.
package ethiq.rules.ad

import data.ethiq.lib.ads

_ad := input.document

_related := object.get(input, "related", {})

_names := object.get(input, "names", {})

_derived := object.get(input, "derived", {})

# Read by exact path: object.get over data.ethiq would evaluate this package too (recursion).
default _index := []

_index := data.ethiq.context.public_post_index

default _timeline := {}

_timeline := data.ethiq.context.platform_timeline

# METADATA
# title: Good tone, no personal attacks
# description: >-
#   An ad must not attack persons: a human reviewer's flag of a personal attack, an insult or dehumanising
#   language fails it. A political ad, or one not declared non-political, must have been reviewed by a named
#   reviewer who recorded the flags found (an empty list when none); without that review tone is unchecked.
#   No classifier decides this: the rule reads the reviewer's flags only.
# custom:
#   id: AD-001
#   severity: block
#   title_sv: God ton, inga personangrepp
#   description_sv: >-
#     En annons får inte angripa personer: om en mänsklig granskare har flaggat ett personangrepp, en
#     förolämpning eller avhumaniserande språk underkänns den. En politisk annons, eller en annons som inte
#     har angetts som opolitisk, måste ha granskats av en namngiven granskare som har registrerat vilka
#     flaggor som hittades (en tom lista om inga). Utan den granskningen är tonen okontrollerad. Ingen
#     klassificerare avgör detta: regeln läser bara granskarens flaggor.
#   sources:
#     - seed: S01
#     - seed: S02
#   remediation:
#     en: Rewrite the ad to criticise policies, not persons, and have it reviewed again; record the review in content_review.
#     sv: Skriv om annonsen så att den kritiserar politik och inte personer, och låt den granskas på nytt; registrera granskningen i content_review.
#   messages:
#     attack_flag:
#       en: "The content reviewer flagged the ad as {flag}: criticise policies, not persons."
#       sv: "Innehållsgranskaren flaggade annonsen som {flag}: kritisera politik, inte personer."
#     review_missing:
#       en: "The ad is political, or not declared non-political, and has no content review, so its tone is unchecked."
#       sv: "Annonsen är politisk, eller inte angiven som opolitisk, och saknar innehållsgranskning, så tonen är okontrollerad."
#     reviewer_missing:
#       en: "The content review names no reviewer: only a named human reviewer can clear the ad."
#       sv: "Innehållsgranskningen anger ingen granskare: bara en namngiven person kan godkänna annonsen."
#     flags_missing:
#       en: "The content review has no list of flags, so it does not say what the reviewer found; write an empty list when nothing was found."
#       sv: "Innehållsgranskningen saknar en lista med flaggor, så den säger inte vad granskaren hittade; skriv en tom lista om inget hittades."
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in ads.ad001(_ad)
}

# METADATA
# title: Fact-based and truthful
# description: >-
#   What the party publishes is fact-based and truthful. A reviewer's flag that the ad is misleading blocks
#   it; a political ad, or one not declared non-political, without a completed review cannot be cleared of
#   that. A factual claim with neither a source nor a check against one, or the reviewer's own flag of an
#   unsourced claim, is a warning that needs a sign-off.
# custom:
#   id: AD-002
#   severity: [block, warn]
#   title_sv: Faktabaserat och sanningsenligt
#   description_sv: >-
#     Det partiet publicerar ska vara faktabaserat och sanningsenligt. Om en granskare har flaggat annonsen
#     som vilseledande stoppas den; en politisk annons, eller en som inte har angetts som opolitisk, utan en
#     fullständig granskning kan inte frias från det. Ett faktapåstående som varken har en källa eller har
#     kontrollerats mot en källa, eller granskarens egen flagga för ett påstående utan källa, ger en varning
#     som kräver ett godkännande.
#   sources:
#     - seed: S03
#   remediation:
#     en: Remove or correct the misleading content; give each factual claim a source, or remove the claim.
#     sv: Ta bort eller rätta det vilseledande innehållet; ange en källa för varje faktapåstående eller ta bort påståendet.
#   messages:
#     misleading:
#       en: "The content reviewer flagged the ad as misleading."
#       sv: "Innehållsgranskaren flaggade annonsen som vilseledande."
#     review_missing:
#       en: "The ad is political, or not declared non-political, and has no content review, so it cannot be cleared of being misleading."
#       sv: "Annonsen är politisk, eller inte angiven som opolitisk, och saknar innehållsgranskning, så det går inte att utesluta att den är vilseledande."
#     reviewer_missing:
#       en: "The content review names no reviewer, so the ad cannot be cleared of being misleading."
#       sv: "Innehållsgranskningen anger ingen granskare, så det går inte att utesluta att annonsen är vilseledande."
#     flags_missing:
#       en: "The content review has no list of flags, so the ad cannot be cleared of being misleading; write an empty list when nothing was found."
#       sv: "Innehållsgranskningen saknar en lista med flaggor, så det går inte att utesluta att annonsen är vilseledande; skriv en tom lista om inget hittades."
#     claim_unsourced:
#       en: "The factual claim \"{claim}\" has no source and has not been verified."
#       sv: "Faktapåståendet \"{claim}\" saknar källa och har inte kontrollerats."
#     unsourced_flag:
#       en: "The content reviewer flagged a claim in the ad as unsourced."
#       sv: "Innehållsgranskaren flaggade ett påstående i annonsen som ett påstående utan källa."
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in ads.ad002_block(_ad)
}

warn contains finding if {
	some finding in ads.ad002_warn(_ad)
}

# METADATA
# title: Focus on our own message
# description: >-
#   The party focuses on its own message and how it wants to make Sweden better. An ad the reviewer judged to
#   be about the opponent, or flagged for opponent focus, is a warning; an ad with a mixed focus is advisory.
#   A review of a political ad that does not record the focus needs a human check.
# custom:
#   id: AD-003
#   severity: [warn, info]
#   title_sv: Fokus på vårt eget budskap
#   description_sv: >-
#     Partiet fokuserar på sitt eget budskap och på hur det vill göra Sverige bättre. En annons som
#     granskaren har bedömt handla om motståndaren, eller flaggat för motståndarfokus, ger en varning; en
#     annons med blandat fokus ger ett råd. En granskning av en politisk annons som inte anger fokus kräver en
#     manuell kontroll.
#   sources:
#     - seed: S04
#   remediation:
#     en: Lead with Liberalerna's own proposal; mention the opponent only in relation to it.
#     sv: Inled med Liberalernas eget förslag; nämn motståndaren bara i förhållande till det.
#   messages:
#     opponent_focus:
#       en: "The content reviewer judged the ad to be about the opponent rather than the party's own message."
#       sv: "Innehållsgranskaren bedömde att annonsen handlar om motståndaren snarare än om partiets eget budskap."
#     opponent_flag:
#       en: "The content reviewer flagged the ad for focusing on the opponent."
#       sv: "Innehållsgranskaren flaggade annonsen för att den fokuserar på motståndaren."
#     focus_unknown:
#       en: "The content review does not say whose message the ad is about."
#       sv: "Innehållsgranskningen anger inte vems budskap annonsen handlar om."
#     mixed_focus:
#       en: "The content reviewer judged the ad's focus to be mixed: consider leading with the party's own proposal."
#       sv: "Innehållsgranskaren bedömde att annonsens fokus är blandat: överväg att inleda med partiets eget förslag."
#   effective_from: "2018-03-22"
warn contains finding if {
	some finding in ads.ad003_warn(_ad)
}

info contains finding if {
	some finding in ads.ad003_info(_ad)
}

# METADATA
# title: The party is clearly the sender
# description: >-
#   A political ad must show the party as its sender. The sponsor's legal name and the "Paid for by"
#   disclaimer must be the party or one of its sub-entities (compared in normal form); Meta's DSA
#   beneficiary and payor, where given, must each be the sponsor or the payer; and the ad must run from a
#   party account that speaks in the party's own name (the ACC-001 condition: its display name is the
#   party's, or its bio names the party). A missing field or account needs a human check. When it is unknown
#   whether the ad is political, an ad that would not pass as a political ad needs a human check.
# custom:
#   id: AD-004
#   severity: block
#   title_sv: Partiet är tydligt avsändare
#   description_sv: >-
#     En politisk annons måste visa partiet som avsändare. Sponsorns juridiska namn och avsändarangivelsen
#     ("Paid for by") måste vara partiet eller en av dess delorganisationer (jämförda i normalform); Metas
#     DSA-förmånstagare och DSA-betalare måste, om de anges, vara sponsorn eller betalaren; och annonsen
#     måste publiceras från ett partikonto som talar i partiets eget namn (villkoret i ACC-001: kontots
#     visningsnamn är partiets, eller dess presentation nämner partiet). Ett fält eller konto som saknas
#     kräver en manuell kontroll. Om det är okänt om annonsen är politisk kräver en annons som inte skulle
#     klara regeln som politisk annons en manuell kontroll.
#   sources:
#     - seed: S05
#     - seed: P2
#     - regulation: TTPA Art. 11(1)(b)
#       note: The label must identify the sponsor (Reg. (EU) 2024/900).
#     - regulation: DSA Art. 26(1)(b)-(c)
#       note: Ads must show on whose behalf they are presented and who paid for them.
#   remediation:
#     en: >-
#       Correct the sender fields to Liberalerna's legal name (or the sub-entity's), align Meta's DSA
#       beneficiary and payor with the sponsor and payer, and publish from a party account named after the party.
#     sv: >-
#       Rätta avsändarfälten till Liberalernas juridiska namn (eller delorganisationens), anpassa Metas
#       DSA-förmånstagare och DSA-betalare efter sponsorn och betalaren, och publicera från ett partikonto som
#       bär partiets namn.
#   messages:
#     sender_missing:
#       en: "{field} is missing, so the ad does not show who the sender is."
#       sv: "{field} saknas, så annonsen visar inte vem avsändaren är."
#     sender_not_party:
#       en: "{field} is \"{value}\", which is not the party or one of its sub-entities."
#       sv: "{field} är \"{value}\", som inte är partiet eller någon av dess delorganisationer."
#     dsa_mismatch:
#       en: "{field} is \"{value}\", which is neither the sponsor nor the payer."
#       sv: "{field} är \"{value}\", som varken är sponsorn eller betalaren."
#     name_unindexed:
#       en: "The name \"{value}\" was not normalised by the engine, so it cannot be compared with the party's names."
#       sv: "Namnet \"{value}\" har inte normaliserats av motorn, så det går inte att jämföra med partiets namn."
#     account_missing:
#       en: "The ad names no account_id, so the publishing account cannot be checked."
#       sv: "Annonsen anger inget account_id, så det publicerande kontot går inte att kontrollera."
#     account_unresolved:
#       en: "The account {account} is not among the documents checked, so it cannot be confirmed as a party account."
#       sv: "Kontot {account} finns inte bland de granskade dokumenten, så det går inte att bekräfta att det är ett partikonto."
#     account_not_party:
#       en: "The account {account} ({account_type}) is not a party account: a political ad must run from the party's own account."
#       sv: "Kontot {account} ({account_type}) är inget partikonto: en politisk annons måste publiceras från partiets eget konto."
#     account_kind_unknown:
#       en: "The account {account} states neither its owner nor its type, so it cannot be confirmed as a party account."
#       sv: "Kontot {account} anger varken ägare eller kontotyp, så det går inte att bekräfta att det är ett partikonto."
#     account_name_unknown:
#       en: "The account {account} has no display name or bio that could be checked, so it cannot be confirmed to speak in the party's name."
#       sv: "Kontot {account} saknar ett visningsnamn eller en presentation som går att kontrollera, så det går inte att bekräfta att det talar i partiets namn."
#     account_not_named:
#       en: "The account {account} is shown as \"{display_name}\" and its bio does not name the party, so it does not speak in the party's own name."
#       sv: "Kontot {account} visas som \"{display_name}\" och dess presentation nämner inte partiet, så det talar inte i partiets eget namn."
#     political_unknown:
#       en: "Whether the ad is political is not declared, and as a political ad it would not pass this rule (at {fields})."
#       sv: "Det är inte angivet om annonsen är politisk, och som politisk annons skulle den inte klara regeln (vid {fields})."
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in ads.ad004(_ad, _related, _names)
}

# METADATA
# title: Dark posts have a public counterpart
# description: >-
#   Material shared as a dark post (an ad-only, unpublished post, or a boosted post that is itself
#   unpublished) is always a message the party has also communicated publicly. The ad must name its public
#   counterpart, the counterpart must be in the context's public-post index (same post id, and same
#   platform where both give one), and it must have been published no later than the ad starts (instants
#   compared; a date is the whole day). An empty index, a missing start or publication time, or an order
#   that cannot be told needs a human check; so does an ad whose dark-post status is unknown and that would
#   not pass as a dark post.
# custom:
#   id: AD-005
#   severity: block
#   title_sv: Dark posts har en offentlig motsvarighet
#   description_sv: >-
#     Material som delas som dark post (ett opublicerat inlägg som bara visas som annons, eller ett
#     sponsrat inlägg som självt är opublicerat) är alltid budskap som partiet också har kommunicerat
#     offentligt. Annonsen måste ange sin offentliga motsvarighet, motsvarigheten måste finnas i
#     kontextens register över publicerade inlägg (samma inläggs-id, och samma plattform när båda anger en),
#     och den måste ha publicerats senast när annonsen startar (tidpunkter jämförs; ett datum är hela dagen).
#     Ett tomt register, en starttid eller publiceringstid som saknas, eller en ordning som inte går att
#     avgöra kräver en manuell kontroll; det gör också en annons där det är okänt om den är en dark post och
#     som inte skulle klara regeln som dark post.
#   sources:
#     - seed: S16
#     - seed: P6
#     - seed: P4
#   remediation:
#     en: Publish the message on the party's public channel first, export it to the public-post index, and link the ad to it in public_counterpart.
#     sv: Publicera budskapet i partiets offentliga kanal först, för in det i registret över publicerade inlägg och koppla annonsen till det i public_counterpart.
#   messages:
#     counterpart_missing:
#       en: "The ad is a dark post but names no public counterpart (public_counterpart.post_id)."
#       sv: "Annonsen är en dark post men anger ingen offentlig motsvarighet (public_counterpart.post_id)."
#     counterpart_not_indexed:
#       en: "The public counterpart {post_id} is not in the public-post index: the message has not been published."
#       sv: "Den offentliga motsvarigheten {post_id} finns inte i registret över publicerade inlägg: budskapet har inte publicerats."
#     index_empty:
#       en: "The policy context's public-post index is empty, so the public counterpart {post_id} cannot be confirmed as published."
#       sv: "Policykontextens register över publicerade inlägg är tomt, så det går inte att bekräfta att den offentliga motsvarigheten {post_id} är publicerad."
#     start_missing:
#       en: "The ad has no schedule.start, so it cannot be confirmed that the public counterpart was published first."
#       sv: "Annonsen saknar schedule.start, så det går inte att bekräfta att den offentliga motsvarigheten publicerades först."
#     published_missing:
#       en: "Neither the public-post index nor the ad says when the public counterpart {post_id} was published."
#       sv: "Varken registret över publicerade inlägg eller annonsen anger när den offentliga motsvarigheten {post_id} publicerades."
#     published_order_unknown:
#       en: "The public counterpart {post_id} was published {published_at} and the ad starts {start}: which came first cannot be told; give both as date-times with offsets."
#       sv: "Den offentliga motsvarigheten {post_id} publicerades {published_at} och annonsen startar {start}: det går inte att avgöra vilket som kom först; ange båda som tidpunkter med tidszon."
#     published_after_start:
#       en: "The public counterpart {post_id} was published {published_at}, after the ad started {start}: the dark post came first."
#       sv: "Den offentliga motsvarigheten {post_id} publicerades {published_at}, efter att annonsen startade {start}: dark posten kom först."
#     published_unknown:
#       en: "Whether the boosted post is itself published is unknown, and as a dark post the ad would not pass this rule (at {fields})."
#       sv: "Det är okänt om det sponsrade inlägget självt är publicerat, och som dark post skulle annonsen inte klara regeln (vid {fields})."
#     visibility_unknown:
#       en: "The ad's visibility is not declared, and as a dark post it would not pass this rule (at {fields})."
#       sv: "Annonsens synlighet är inte angiven, och som dark post skulle den inte klara regeln (vid {fields})."
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in ads.ad005(_ad, _index)
}

# METADATA
# title: Dark-post content matches the public message
# description: >-
#   A dark post must say what the public post says. It fails when its equivalence is declared "none"; an
#   approved variant needs the name of who approved it; "identical" is not taken on trust: the engine's hash
#   of the ad's text (input.derived.creative_text_sha256: NFKC, case-folded, URL tracking parameters
#   removed, white space collapsed, sha256) must equal the public post's hash in the index. Only an ad
#   without text falls back to its declared hash, which must equal the index's. A missing hash or
#   equivalence needs a human check.
# custom:
#   id: AD-006
#   severity: block
#   title_sv: Dark postens innehåll stämmer med det offentliga budskapet
#   description_sv: >-
#     En dark post måste säga samma sak som det offentliga inlägget. Den underkänns om dess likhet anges
#     som "none"; en godkänd variant kräver namnet på den som godkände den; "identical" godtas inte på
#     deklarationen: motorns kontrollsumma av annonsens text (input.derived.creative_text_sha256: NFKC,
#     versaler och gemener likställda, URL-spårningsparametrar borttagna, blanktecken sammanslagna, sha256)
#     måste vara lika med det offentliga inläggets kontrollsumma i registret. Bara en annons utan text faller
#     tillbaka på sin angivna kontrollsumma, som då måste vara lika med registrets. En kontrollsumma eller
#     likhet som saknas kräver en manuell kontroll.
#   sources:
#     - seed: S16
#     - seed: P6
#   remediation:
#     en: Align the ad's text with the public post, or record who approved the variant in public_counterpart.approved_by.
#     sv: Anpassa annonsens text till det offentliga inlägget, eller ange vem som godkände varianten i public_counterpart.approved_by.
#   messages:
#     not_equivalent:
#       en: "The ad declares that it does not match its public counterpart (equivalence: none)."
#       sv: "Annonsen anger att den inte stämmer med sin offentliga motsvarighet (equivalence: none)."
#     equivalence_missing:
#       en: "The ad does not declare how it relates to its public counterpart (public_counterpart.equivalence)."
#       sv: "Annonsen anger inte hur den förhåller sig till sin offentliga motsvarighet (public_counterpart.equivalence)."
#     variant_unapproved:
#       en: "The ad is declared an approved variant of its public counterpart, but no approver is named."
#       sv: "Annonsen anges vara en godkänd variant av sin offentliga motsvarighet, men ingen som har godkänt den anges."
#     text_differs:
#       en: "The ad's text, normalised and hashed, differs from the public post {post_id}: it is not identical."
#       sv: "Annonsens text, normaliserad och hashad, skiljer sig från det offentliga inlägget {post_id}: den är inte identisk."
#     counterpart_hash_missing:
#       en: "Neither the public-post index nor the ad gives the public post's content hash, so the ad's text cannot be compared with it."
#       sv: "Varken registret över publicerade inlägg eller annonsen anger det offentliga inläggets kontrollsumma, så annonsens text går inte att jämföra med det."
#     hash_missing:
#       en: "The ad has no text for the engine to hash and declares no content hash, so \"identical\" cannot be checked."
#       sv: "Annonsen har ingen text som motorn kan hasha och anger ingen kontrollsumma, så \"identical\" går inte att kontrollera."
#     index_hash_missing:
#       en: "The public-post index gives no content hash for the counterpart, so the declared hash cannot be checked."
#       sv: "Registret över publicerade inlägg anger ingen kontrollsumma för motsvarigheten, så den angivna kontrollsumman går inte att kontrollera."
#     hash_mismatch:
#       en: "The declared content hash differs from the public post's hash in the index: the ad is not identical to it."
#       sv: "Den angivna kontrollsumman skiljer sig från det offentliga inläggets kontrollsumma i registret: annonsen är inte identisk med det."
#     published_unknown:
#       en: "Whether the boosted post is itself published is unknown, and as a dark post the ad would not pass this rule (at {fields})."
#       sv: "Det är okänt om det sponsrade inlägget självt är publicerat, och som dark post skulle annonsen inte klara regeln (vid {fields})."
#     visibility_unknown:
#       en: "The ad's visibility is not declared, and as a dark post it would not pass this rule (at {fields})."
#       sv: "Annonsens synlighet är inte angiven, och som dark post skulle den inte klara regeln (vid {fields})."
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in ads.ad006(_ad, _index, _derived)
}

# METADATA
# title: The platform accepts political ads on this date
# description: >-
#   All social-network data follows the networks' own rules. A political ad aimed at an EU country must run
#   on a platform that accepts political ads in the EU when the ad starts, read from the context's
#   platform_timeline: a platform that bans political ads (LinkedIn) fails on any date; one that stopped
#   them (Meta from 2025-10-06 18:00 CEST, Google Ads from October 2025) fails from that instant. The
#   countries come from the ad's audiences. A platform missing from the timeline, a missing start, a start
#   that cannot be placed before or after the cutoff, or an audience whose countries are unknown needs a
#   human check. The party's own e-mail and SMS channels are not platforms.
# custom:
#   id: AD-011
#   severity: block
#   title_sv: Plattformen tar emot politiska annonser vid den här tidpunkten
#   description_sv: >-
#     All data från sociala nätverk följer nätverkens egna regler. En politisk annons som riktas mot ett
#     EU-land måste visas på en plattform som tar emot politiska annonser i EU när annonsen startar, enligt
#     kontextens platform_timeline: en plattform som förbjuder politiska annonser (LinkedIn) underkänns
#     oavsett datum; en som har slutat ta emot dem (Meta från 2025-10-06 kl. 18.00 svensk sommartid, Google
#     Ads från oktober 2025) underkänns från den tidpunkten. Länderna hämtas från annonsens målgrupper. En
#     plattform som saknas i tidslinjen, en starttid som saknas, en starttid som inte går att placera före
#     eller efter brytpunkten, eller en målgrupp vars länder är okända kräver en manuell kontroll. Partiets
#     egna kanaler för e-post och sms är inga plattformar.
#   sources:
#     - seed: S14
#   verification: >-
#     The timeline is data: Meta's end of EU political ads is verified for early October 2025 [V], but the date
#     and the hour 18:00 CET come from secondary sources [S] and the exact hour is open [U]; Google's month is
#     verified [V] but the day is open [U]; LinkedIn's ban is verified [V].
#   remediation:
#     en: Use organic channels, the party's own media, or a platform that still accepts political ads in the EU; do not mis-declare the ad to get past the ban.
#     sv: Använd organiska kanaler, partiets egna medier eller en plattform som fortfarande tar emot politiska annonser i EU; deklarera aldrig annonsen felaktigt för att komma förbi förbudet.
#   messages:
#     platform_bans:
#       en: "{platform} does not accept political ads, and the ad targets {countries} in the EU."
#       sv: "{platform} tar inte emot politiska annonser, och annonsen riktas mot {countries} i EU."
#     platform_ended:
#       en: "{platform} stopped accepting political ads in the EU from {cutoff}; the ad starts {start} and targets {countries}."
#       sv: "{platform} slutade ta emot politiska annonser i EU från {cutoff}; annonsen startar {start} och riktas mot {countries}."
#     start_missing:
#       en: "The ad has no schedule.start, so it cannot be checked against the end of political ads on {platform} in the EU ({cutoff})."
#       sv: "Annonsen saknar schedule.start, så den går inte att kontrollera mot att {platform} slutade med politiska annonser i EU ({cutoff})."
#     start_near_cutoff:
#       en: "The ad starts {start}, which cannot be placed before or after the end of political ads on {platform} in the EU ({cutoff}); give the start as a date-time with an offset."
#       sv: "Annonsen startar {start}, vilket inte går att placera före eller efter att {platform} slutade med politiska annonser i EU ({cutoff}); ange starten som en tidpunkt med tidszon."
#     timeline_missing:
#       en: "The policy context has no platform_timeline entry for {platform}, so whether it accepts political ads in the EU is unknown."
#       sv: "Policykontexten har ingen post i platform_timeline för {platform}, så det är okänt om plattformen tar emot politiska annonser i EU."
#     timeline_unknown:
#       en: "The policy context does not say whether {platform} accepts political ads."
#       sv: "Policykontexten anger inte om {platform} tar emot politiska annonser."
#     audience_missing:
#       en: "The ad names no audience, so whether it targets an EU country is unknown."
#       sv: "Annonsen anger ingen målgrupp, så det är okänt om den riktas mot ett EU-land."
#     audience_unresolved:
#       en: "The audience {audience} is not among the documents checked, so whether the ad targets an EU country is unknown."
#       sv: "Målgruppen {audience} finns inte bland de granskade dokumenten, så det är okänt om annonsen riktas mot ett EU-land."
#     audience_countries_unknown:
#       en: "The audience {audience} names no country, so whether the ad targets an EU country is unknown."
#       sv: "Målgruppen {audience} anger inget land, så det är okänt om annonsen riktas mot ett EU-land."
#     political_unknown:
#       en: "Whether the ad is political is not declared, and as a political ad it would not pass this rule (at {fields})."
#       sv: "Det är inte angivet om annonsen är politisk, och som politisk annons skulle den inte klara regeln (vid {fields})."
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in ads.ad011(_ad, _related, _timeline)
}
