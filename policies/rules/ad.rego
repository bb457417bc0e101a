# Ads and posts: tone and truth (from a human review, never from text classification), the party as the
# sender, dark posts and their public counterpart, and the platforms' own rules on political ads.
# The logic lives in ethiq.lib.ads, so that a campaign can judge its ads by the same rules.
package ethiq.rules.ad

import data.ethiq.lib.ads
import data.ethiq.lib.ttpa

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

# --- the TTPA pack (Reg. (EU) 2024/900): ethiq.lib.ttpa --------------------------------------------------

# METADATA
# title: TTPA label
# description: >-
#   A political advertisement must carry the TTPA label: a statement that it is political advertising, the
#   sponsor (and the entity controlling it), the election or process it is linked to, and the transparency
#   notice or where to find it. political.label_present false fails; missing or "unknown" needs a human
#   check. An organic public post is not advertising (no payment); an ad whose political status is unknown
#   and that has no label needs a human check.
# custom:
#   id: AD-007
#   severity: block
#   title_sv: TTPA-märkning
#   description_sv: >-
#     En politisk annons måste bära märkningen enligt TTPA: att den är politisk reklam, sponsorn (och den
#     enhet som kontrollerar sponsorn), det val eller den process den är kopplad till, och
#     transparensmeddelandet eller var det finns. political.label_present false underkänns; saknas värdet
#     eller är det "unknown" krävs en manuell kontroll. Ett organiskt offentligt inlägg är ingen reklam
#     (ingen betalning); en annons där det är okänt om den är politisk och som saknar märkning kräver en
#     manuell kontroll.
#   sources:
#     - regulation: TTPA Art. 11(1)(a)-(c), (e)
#       note: "Each political advertisement is made available with a statement that it is a political advertisement, the sponsor's identity, the linked election or process, and the transparency notice or where to retrieve it (Reg. (EU) 2024/900; format in Implementing Reg. (EU) 2025/1410)."
#   remediation:
#     en: Add the Art. 11 label, using the template of Implementing Reg. (EU) 2025/1410, and set political.label_present to true.
#     sv: Lägg till märkningen enligt art. 11 med mallen i genomförandeförordning (EU) 2025/1410 och sätt political.label_present till true.
#   messages:
#     label_missing:
#       en: "The political ad carries no TTPA label (political.label_present is false)."
#       sv: "Den politiska annonsen saknar märkning enligt TTPA (political.label_present är false)."
#     label_unknown:
#       en: "The ad does not say whether it carries the TTPA label (political.label_present)."
#       sv: "Annonsen anger inte om den bär märkningen enligt TTPA (political.label_present)."
#     political_unknown:
#       en: "Whether the ad is political is not declared, and as a political ad it would not pass this rule (at {fields})."
#       sv: "Det är inte angivet om annonsen är politisk, och som politisk annons skulle den inte klara regeln (vid {fields})."
#   effective_from: "2025-10-10"
deny contains finding if {
	some finding in ttpa.ad007(_ad)
}

# METADATA
# title: TTPA transparency notice
# description: >-
#   A political advertisement comes with a transparency notice stating the sponsor's name and e-mail (a);
#   the payer's, when someone other than the sponsor pays (b); the period (c); the amounts spent and the
#   value of benefits in kind, 0 when none (d); whether the funds are public or private and from inside or
#   outside the EU (e); how the amounts were calculated (f); and, when the ad is linked to elections, the
#   linked processes (g). Each missing item fails. When nobody says who pays and the notice names no payer,
#   a human checks whether a payer is owed.
# custom:
#   id: AD-008
#   severity: block
#   title_sv: TTPA-transparensmeddelande
#   description_sv: >-
#     En politisk annons åtföljs av ett transparensmeddelande som anger sponsorns namn och e-postadress (a);
#     betalarens, när någon annan än sponsorn betalar (b); perioden (c); de belopp som lagts ut och värdet av
#     förmåner in natura, 0 om inga (d); om medlen är offentliga eller privata och kommer inifrån eller
#     utanför EU (e); hur beloppen har beräknats (f); och, när annonsen är kopplad till val, de processer
#     den är kopplad till (g). Varje uppgift som saknas underkänns. När ingen anger vem som betalar och
#     meddelandet inte nämner någon betalare kontrollerar en person om en betalare ska anges.
#   sources:
#     - regulation: TTPA Art. 12(1)(a)-(g)
#       note: "The transparency notice includes the sponsor's identity and contact, the payer's if different, the period, the amounts and benefits, their public or private and EU or non-EU origin, the calculation methodology, and the linked elections or processes (Reg. (EU) 2024/900)."
#   remediation:
#     en: Complete political.transparency_notice with every Art. 12(1) item, using the template of Implementing Reg. (EU) 2025/1410.
#     sv: Komplettera political.transparency_notice med alla uppgifter enligt art. 12.1, med mallen i genomförandeförordning (EU) 2025/1410.
#   messages:
#     notice_missing:
#       en: "The political ad has no transparency notice (political.transparency_notice)."
#       sv: "Den politiska annonsen saknar transparensmeddelande (political.transparency_notice)."
#     item_missing:
#       en: "The transparency notice does not state {field} (TTPA Art. 12(1)({point}))."
#       sv: "Transparensmeddelandet anger inte {field} (TTPA art. 12.1 {point})."
#     payer_unknown:
#       en: "The ad does not name its payer (sender.payer_legal_name) and the notice names none, so whether the notice owes the payer's identity cannot be told."
#       sv: "Annonsen anger inte vem som betalar (sender.payer_legal_name) och meddelandet nämner ingen betalare, så det går inte att avgöra om meddelandet ska ange betalarens identitet."
#     political_unknown:
#       en: "Whether the ad is political is not declared, and as a political ad it would not pass this rule (at {fields})."
#       sv: "Det är inte angivet om annonsen är politisk, och som politisk annons skulle den inte klara regeln (vid {fields})."
#   effective_from: "2025-10-10"
deny contains finding if {
	some finding in ttpa.ad008(_ad, _names)
}

# METADATA
# title: TTPA targeting disclosure
# description: >-
#   A political ad targeted with personal data (one of its audiences uses a custom audience, a lookalike,
#   any criterion, or platform expansion) links to the targeting information and discloses the groups and
#   parameters, the categories of personal data, the logic including exclusions, whether AI was used, and
#   the party's targeting policy. A missing item or a missing link fails; an unknown link needs a human
#   check. An ad that names no audience, or whose audience is not among the documents checked, needs a
#   human check when its disclosure is incomplete. Geo and age alone are not targeting with personal data.
# custom:
#   id: AD-009
#   severity: block
#   title_sv: TTPA-information om målgruppsinriktning
#   description_sv: >-
#     En politisk annons som riktas med personuppgifter (en av dess målgrupper använder en anpassad målgrupp,
#     en lookalike, något kriterium eller plattformens utvidgning) länkar till informationen om
#     målgruppsinriktningen och redovisar grupperna och parametrarna, kategorierna av personuppgifter,
#     logiken inklusive exkluderingar, om AI användes, och partiets policy för målgruppsinriktning. En
#     uppgift eller länk som saknas underkänns; en okänd länk kräver en manuell kontroll. En annons som inte
#     anger någon målgrupp, eller vars målgrupp inte finns bland de granskade dokumenten, kräver en manuell
#     kontroll när redovisningen är ofullständig. Bara geografi och ålder räknas inte som inriktning med
#     personuppgifter.
#   sources:
#     - regulation: TTPA Art. 19(1)(c)
#       note: "Together with the ad, the controller provides the groups targeted and the parameters, the categories of personal data, the targeting logic including inclusion and exclusion, any AI use, and a link to its internal policy (Reg. (EU) 2024/900)."
#   verification: "TTPA Art. 19(1)(c): the substance is from secondary sources [S]; the point letter is from memory [M]."
#   remediation:
#     en: Generate political.targeting_disclosure from the audience's native_spec, with every item, and link it from the ad (political.targeting_info_present).
#     sv: Ta fram political.targeting_disclosure ur målgruppens native_spec, med alla uppgifter, och länka till den från annonsen (political.targeting_info_present).
#   messages:
#     info_not_linked:
#       en: "The political ad does not link to its targeting information (political.targeting_info_present is false)."
#       sv: "Den politiska annonsen länkar inte till informationen om målgruppsinriktningen (political.targeting_info_present är false)."
#     info_link_unknown:
#       en: "The ad does not say whether it links to its targeting information (political.targeting_info_present)."
#       sv: "Annonsen anger inte om den länkar till informationen om målgruppsinriktningen (political.targeting_info_present)."
#     disclosure_missing:
#       en: "The political ad is targeted with personal data and has no targeting disclosure (political.targeting_disclosure)."
#       sv: "Den politiska annonsen riktas med personuppgifter och saknar redovisning av målgruppsinriktningen (political.targeting_disclosure)."
#     item_missing:
#       en: "The targeting disclosure does not state {field}."
#       sv: "Redovisningen av målgruppsinriktningen anger inte {field}."
#     targeting_unknown:
#       en: "Whether the ad is targeted with personal data cannot be told from its audiences, and as a targeted ad it would not pass this rule (at {fields})."
#       sv: "Det går inte att avgöra utifrån annonsens målgrupper om den riktas med personuppgifter, och som riktad annons skulle den inte klara regeln (vid {fields})."
#     political_unknown:
#       en: "Whether the ad is political is not declared, and as a political ad it would not pass this rule (at {fields})."
#       sv: "Det är inte angivet om annonsen är politisk, och som politisk annons skulle den inte klara regeln (vid {fields})."
#   effective_from: "2025-10-10"
deny contains finding if {
	some finding in ttpa.ad009(_ad, _related)
}

# METADATA
# title: Political classification is consistent
# description: >-
#   A political ad, or a party's ad linked to an election, must be declared political to the platform as
#   well: on Meta with the special ad category ISSUES_ELECTIONS_POLITICS (an empty list declares nothing),
#   on Google Ads as CONTAINS_EU_POLITICAL_ADVERTISING, and its audiences must not be declared
#   non-political. Declaring it "not political" is circumvention of the platforms' bans and fails; a missing
#   platform declaration needs a human check. A party's paid ad defaults to political: declaring it
#   non-political needs a reason (non_political_reason), and without one it needs a human check. The
#   reasons purely_commercial and recruitment are accepted; editorial and purely_private describe content
#   a party's paid ad is not, so they need a human check; a non-political declaration of an ad linked to an
#   election fails. An ad whose political status is not declared at all needs a human check. Decision: the
#   catalog fails a missing reason and reviews a given one; here a missing reason is a review and an
#   accepted reason passes, because the sponsor's reasoned self-declaration is what TTPA asks for, while the
#   election link, a doubtful reason and the platform declarations are judged by structure.
# custom:
#   id: AD-010
#   severity: block
#   title_sv: Den politiska klassificeringen är konsekvent
#   description_sv: >-
#     En politisk annons, eller en partiannons som är kopplad till ett val, måste också anges som politisk
#     hos plattformen: hos Meta med specialkategorin ISSUES_ELECTIONS_POLITICS (en tom lista anger ingenting),
#     hos Google Ads som CONTAINS_EU_POLITICAL_ADVERTISING, och dess målgrupper får inte anges som icke-politiska.
#     Att ange den som "inte politisk" är ett sätt att kringgå plattformarnas förbud och underkänns; en
#     plattformsdeklaration som saknas kräver en manuell kontroll. En betald partiannons är politisk om inget
#     annat anges: att ange den som icke-politisk kräver ett skäl (non_political_reason), och utan skäl krävs
#     en manuell kontroll. Skälen purely_commercial och recruitment godtas; editorial och purely_private
#     beskriver innehåll som en betald partiannons inte är, så de kräver en manuell kontroll; en annons som
#     är kopplad till ett val och anges som icke-politisk underkänns. En annons där det inte alls anges om
#     den är politisk kräver en manuell kontroll. Beslut: katalogen underkänner ett saknat skäl och granskar
#     ett angivet; här granskas ett saknat skäl och ett godtaget skäl passerar, eftersom sponsorns motiverade
#     egendeklaration är vad TTPA kräver, medan valkopplingen, ett tveksamt skäl och plattformsdeklarationerna
#     bedöms utifrån strukturen.
#   sources:
#     - regulation: TTPA Art. 7(1)
#       note: "Sponsors declare whether their advertisement is political advertising: a system of truthful self-declaration (Reg. (EU) 2024/900; Commission guidelines C/2025/5514)."
#     - regulation: Meta special_ad_categories ISSUES_ELECTIONS_POLITICS
#       note: Meta ads about social issues, elections or politics are declared with this special ad category.
#     - regulation: Google Ads contains_eu_political_advertising
#       note: Google Ads campaigns declare EU political advertising with CONTAINS_EU_POLITICAL_ADVERTISING.
#     - seed: S14
#   verification: "TTPA Art. 7(1) as the self-declaration article is from memory [M]; the self-declaration regime is from secondary sources [S]. The Meta and Google enums are verified [V]."
#   remediation:
#     en: Declare the ad correctly, to ethiq and to the platform. Never mis-declare a political ad to get past a platform's ban; give non_political_reason when a party ad is truly not political.
#     sv: Deklarera annonsen korrekt, både i ethiq och hos plattformen. Deklarera aldrig en politisk annons felaktigt för att komma förbi en plattforms förbud; ange non_political_reason när en partiannons verkligen inte är politisk.
#   messages:
#     meta_not_political:
#       en: "The ad is political but is declared to Meta without ISSUES_ELECTIONS_POLITICS (special ad categories: {categories}): that circumvents the platform's rules."
#       sv: "Annonsen är politisk men är deklarerad hos Meta utan ISSUES_ELECTIONS_POLITICS (specialkategorier: {categories}): det kringgår plattformens regler."
#     meta_declaration_missing:
#       en: "The ad is political and runs on Meta, but its special ad categories are not given (political.platform_declarations.meta_special_ad_categories)."
#       sv: "Annonsen är politisk och visas hos Meta, men dess specialkategorier anges inte (political.platform_declarations.meta_special_ad_categories)."
#     google_not_political:
#       en: "The ad is political but is declared to Google Ads as DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING: that circumvents the platform's rules."
#       sv: "Annonsen är politisk men är deklarerad hos Google Ads som DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING: det kringgår plattformens regler."
#     google_declaration_missing:
#       en: "The ad is political and runs on Google Ads, but its EU political advertising declaration is {value}, not CONTAINS_EU_POLITICAL_ADVERTISING."
#       sv: "Annonsen är politisk och visas hos Google Ads, men dess deklaration om politisk reklam i EU är {value}, inte CONTAINS_EU_POLITICAL_ADVERTISING."
#     audience_not_political:
#       en: "The ad is political but runs on the audience {audience}, which is declared not to serve political advertising."
#       sv: "Annonsen är politisk men visas för målgruppen {audience}, som anges inte användas för politisk reklam."
#     audience_meta_not_political:
#       en: "The ad is political but runs on the audience {audience}, declared to Meta without ISSUES_ELECTIONS_POLITICS."
#       sv: "Annonsen är politisk men visas för målgruppen {audience}, som är deklarerad hos Meta utan ISSUES_ELECTIONS_POLITICS."
#     audience_google_not_political:
#       en: "The ad is political but runs on the audience {audience}, declared to Google Ads as DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING."
#       sv: "Annonsen är politisk men visas för målgruppen {audience}, som är deklarerad hos Google Ads som DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING."
#     political_undeclared:
#       en: "The party's paid ad does not declare whether it is political advertising (political.is_political_advertisement); a party's ad is political unless it says why not."
#       sv: "Partiets betalda annons anger inte om den är politisk reklam (political.is_political_advertisement); en partiannons är politisk om den inte anger varför inte."
#     reason_missing:
#       en: "The party's paid ad is declared non-political without a reason (political.non_political_reason)."
#       sv: "Partiets betalda annons anges som icke-politisk utan skäl (political.non_political_reason)."
#     reason_doubtful:
#       en: "The party's paid ad is declared non-political as {reason}, which a party's paid ad is not: a person must confirm it."
#       sv: "Partiets betalda annons anges som icke-politisk med skälet {reason}, vilket en betald partiannons inte är: en person måste bekräfta det."
#     election_linked:
#       en: "The ad is declared non-political ({reason}) but is linked to elections (political.election_ids): an ad linked to an election is political advertising."
#       sv: "Annonsen anges som icke-politisk ({reason}) men är kopplad till val (political.election_ids): en annons som är kopplad till ett val är politisk reklam."
#   effective_from: "2025-10-10"
deny contains finding if {
	some finding in ttpa.ad010(_ad, _related, _names)
}

# METADATA
# title: AI-generated or manipulated media is disclosed
# description: >-
#   What the party publishes is truthful: media generated or manipulated with AI is labelled as such. An ad
#   that holds such media (creative.ai_generated_media, or Meta's authorization category for digitally
#   created media) without ai_disclosure_present true warns; an ad that does not say whether it holds such
#   media needs a sign-off. Applies to every ad and post, political or not.
# custom:
#   id: AD-012
#   severity: warn
#   title_sv: AI-genererad eller manipulerad media redovisas
#   description_sv: >-
#     Det partiet publicerar ska vara sanningsenligt: media som har skapats eller manipulerats med AI märks
#     som sådan. En annons som innehåller sådan media (creative.ai_generated_media, eller Metas
#     auktoriseringskategori för digitalt skapad media) utan att ai_disclosure_present är true ger en
#     varning; en annons som inte anger om den innehåller sådan media kräver ett godkännande. Gäller alla
#     annonser och inlägg, politiska eller inte.
#   sources:
#     - seed: S03
#     - regulation: EU AI Act Art. 50(4)
#       note: Deployers of AI systems that generate or manipulate image, audio or video content constituting a deep fake disclose that the content has been artificially generated or manipulated.
#   verification: "The AI Act Art. 50 transparency obligations apply from 2 August 2026 [M], the catalog's effective date for this rule; the article's paragraph is from memory [M]. The Swedish Psychological Defence Agency's warnings about AI and deepfakes before the 2026 election are verified [V]."
#   remediation:
#     en: Label the content as AI-generated or manipulated, and set creative.ai_disclosure_present to true.
#     sv: Märk innehållet som AI-genererat eller manipulerat, och sätt creative.ai_disclosure_present till true.
#   messages:
#     undisclosed:
#       en: "The ad holds AI-generated or manipulated media ({evidence}) and does not disclose it (creative.ai_disclosure_present)."
#       sv: "Annonsen innehåller AI-genererad eller manipulerad media ({evidence}) och redovisar det inte (creative.ai_disclosure_present)."
#     ai_unknown:
#       en: "The ad does not say whether it holds AI-generated or manipulated media (creative.ai_generated_media)."
#       sv: "Annonsen anger inte om den innehåller AI-genererad eller manipulerad media (creative.ai_generated_media)."
#   effective_from: "2026-08-02"
warn contains finding if {
	some finding in ttpa.ad012(_ad)
}

# METADATA
# title: No third-country payer before an election
# description: >-
#   In the three months before an election, up to and including election day, no political advertising may
#   be provided for a sponsor from outside the EU. The ad's payer is from a third country when
#   sender.payer_country is not an EU member state, or when its transparency notice says the funds come from
#   outside the EU. The window is counted from each election the ad names (else every election in the policy
#   context), in calendar months (31 May minus three months is the end of February), and the ad's
#   schedule overlaps it when it starts on or before election day and does not end before the window opens
#   (an ad without an end runs on). A missing start, an election the context does not know, or an unknown
#   payer where the schedule may overlap needs a human check. Decision: the catalog names the payer; the
#   article speaks of sponsors from third countries, and the funding origin of the notice is read too.
# custom:
#   id: AD-013
#   severity: block
#   title_sv: Ingen betalare från tredjeland före ett val
#   description_sv: >-
#     Under de tre månaderna före ett val, till och med valdagen, får ingen politisk reklam tillhandahållas
#     för en sponsor utanför EU. Annonsens betalare kommer från ett tredjeland när sender.payer_country inte
#     är en EU-medlemsstat, eller när transparensmeddelandet anger att medlen kommer från utanför EU.
#     Perioden räknas från varje val som annonsen anger (annars alla val i policykontexten), i
#     kalendermånader (31 maj minus tre månader är slutet av februari), och annonsens schema överlappar den
#     när annonsen startar senast på valdagen och inte slutar innan perioden börjar (en annons utan slut
#     fortsätter). En starttid som saknas, ett val som kontexten inte känner till eller en okänd betalare där
#     schemat kan överlappa kräver en manuell kontroll. Beslut: katalogen nämner betalaren; artikeln talar
#     om sponsorer från tredjeländer, och meddelandets uppgift om medlens ursprung läses också.
#   sources:
#     - regulation: TTPA Art. 5(2)
#       note: "In the three months before an election or referendum, providers of political advertising services may not provide them to sponsors from third countries (Reg. (EU) 2024/900)."
#   verification: "TTPA Art. 5(2)'s three-month window is from secondary sources [S]. The EU member states are context data (eu_member_states) [M]."
#   remediation:
#     en: Refuse the funding from outside the EU, or do not run the ad in the three months before the election.
#     sv: Tacka nej till finansieringen utanför EU, eller visa inte annonsen under de tre månaderna före valet.
#   messages:
#     third_country_payer:
#       en: "The ad is paid from {country}, outside the EU, and runs in the three months before the election {election} ({from} to {date})."
#       sv: "Annonsen betalas från {country}, utanför EU, och visas under de tre månaderna före valet {election} ({from} till {date})."
#     window_unknown:
#       en: "The ad is paid from outside the EU, and whether it runs in the three months before {elections} cannot be told: give schedule.start, and the election in the policy context."
#       sv: "Annonsen betalas från utanför EU, och det går inte att avgöra om den visas under de tre månaderna före {elections}: ange schedule.start, och valet i policykontexten."
#     payer_unknown:
#       en: "The ad may run in the three months before {elections}, and the payer's country is not given (sender.payer_country)."
#       sv: "Annonsen kan visas under de tre månaderna före {elections}, och betalarens land anges inte (sender.payer_country)."
#     funding_unknown:
#       en: "The ad may run in the three months before {elections}, and the transparency notice does not say whether the funds come from inside the EU (political.transparency_notice.funding_origin.inside_eu)."
#       sv: "Annonsen kan visas under de tre månaderna före {elections}, och insynsmeddelandet anger inte om medlen kommer från EU (political.transparency_notice.funding_origin.inside_eu)."
#     political_unknown:
#       en: "Whether the ad is political is not declared, and as a political ad it would not pass this rule (at {fields})."
#       sv: "Det är inte angivet om annonsen är politisk, och som politisk annons skulle den inte klara regeln (vid {fields})."
#   effective_from: "2025-10-10"
deny contains finding if {
	some finding in ttpa.ad013(_ad)
}
