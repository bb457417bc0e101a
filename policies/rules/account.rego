# Accounts: who speaks for the party on social media, and whether its reach is earned (seed S05-S10).
# The tests themselves live in ethiq.lib.accounts, so that ads and campaigns judge the accounts they use by
# the same rules; this package only turns their reasons into findings.
package ethiq.rules.account

import data.ethiq.lib.accounts

# METADATA
# title: Party accounts speak in the party's own name
# description: >-
#   An account the party owns, and any party page, party profile, local branch page, ad account or business
#   portfolio, carries the party's name: its display name is a name of the party or a sub-entity, or its bio
#   names one as whole words. The party always communicates in its own name and is clear that it is the sender.
# custom:
#   id: ACC-001
#   severity: block
#   effective_from: "2018-03-22"
#   title_sv: Partiets konton talar i partiets eget namn
#   description_sv: >-
#     Ett konto som partiet äger, och varje partisida, partiprofil, sida för en lokalförening, annonskonto
#     eller företagsportfölj, bär partiets namn: visningsnamnet är partiets eller en av dess föreningars
#     namn, eller så nämner profiltexten ett sådant namn som hela ord. Partiet kommunicerar alltid i eget namn
#     och är tydligt med att det är avsändaren.
#   sources:
#     - seed: S05
#     - seed: P2
#   verification: >-
#     The party aliases "Liberal Party of Sweden" and "Folkpartiet liberalerna" in the bundled context are
#     from memory [M]; the bundled context lists no sub-entities, so local associations must be added [U].
#   remediation:
#     en: Name the account, or its bio, after Liberalerna or the local association, or stop operating it.
#     sv: Ge kontot, eller dess profiltext, Liberalernas eller lokalföreningens namn, eller sluta driva kontot.
#   messages:
#     not_party_name:
#       en: "The display name \"{display_name}\" is not a name of the party or a sub-entity, and the bio names neither."
#       sv: "Visningsnamnet \"{display_name}\" är inte partiets eller någon av dess föreningars namn, och profiltexten nämner inget av dem."
#     display_name_missing:
#       en: "The display name is missing and the bio does not name the party, so the account cannot be shown to speak in the party's name."
#       sv: "Visningsnamnet saknas och profiltexten nämner inte partiet, så det går inte att visa att kontot talar i partiets namn."
#     bio_missing:
#       en: "The bio is missing and the display name is not a name of the party, so the account cannot be shown to speak in the party's name."
#       sv: "Profiltexten saknas och visningsnamnet är inte partiets namn, så det går inte att visa att kontot talar i partiets namn."
#     name_unindexed:
#       en: "The text \"{value}\" was not normalised by the engine, so it cannot be compared with the party's names."
#       sv: "Texten \"{value}\" har inte normaliserats av motorn, så den går inte att jämföra med partiets namn."
#     scope_unknown:
#       en: "The account type is missing and the party is not stated as owner, so it cannot be told whether the account speaks for the party."
#       sv: "Kontotypen saknas och partiet är inte angivet som ägare, så det går inte att avgöra om kontot talar för partiet."
#   non_waivable: false
deny contains finding if {
	some finding in accounts.acc001(input.document, _env)
}

# METADATA
# title: No fake accounts or invented persons
# description: >-
#   An account is not a fabricated persona nor an impersonation. A personal account (member, official,
#   candidate or employee) that the party or a vendor runs belongs to a named real person whose identity is
#   verified. An AI-generated, stock or copied profile picture on a personal account needs a human check.
# custom:
#   id: ACC-002
#   severity: block
#   effective_from: "2018-03-22"
#   title_sv: Inga fejkade konton eller påhittade personer
#   description_sv: >-
#     Ett konto är inte en påhittad persona och utger sig inte för att vara någon annan. Ett personligt konto
#     (medlem, förtroendevald, kandidat eller anställd) som partiet eller en leverantör driver tillhör en
#     namngiven verklig person vars identitet är kontrollerad. En AI-genererad, kopierad eller från en
#     bildbank hämtad profilbild på ett personligt konto kräver en manuell kontroll.
#   sources:
#     - seed: S07
#     - regulation: Meta Community Standards, Inauthentic Behavior
#       note: Meta does not allow people to misrepresent themselves or to use fake accounts.
#       url: https://transparency.meta.com/policies/community-standards/inauthentic-behavior/
#     - regulation: DISARM T0143.002 Fabricated Persona, T0143.003 Impersonated Persona
#     - regulation: DISARM T0145.002, T0145.007 AI-generated and stock-image account imagery
#       note: Signals only, hence needs_review.
#   remediation:
#     en: Close the account. Personal accounts must be run by the real person themselves; party speech goes through party pages.
#     sv: Stäng kontot. Personliga konton ska drivas av personen själv; partiet talar genom partiets egna sidor.
#   messages:
#     persona_fabricated:
#       en: "The account is a fabricated persona: a person who does not exist."
#       sv: "Kontot är en påhittad persona: en person som inte finns."
#     persona_impersonated:
#       en: "The account impersonates a real person or organisation."
#       sv: "Kontot utger sig för att vara en verklig person eller organisation."
#     no_real_person:
#       en: "This personal account ({account_type}, owner kind {owner}) names no real person as its holder."
#       sv: "Det här personliga kontot ({account_type}, ägartyp {owner}) anger ingen verklig person som innehavare."
#     identity_unverified:
#       en: "This personal account ({account_type}, owner kind {owner}) is held in the name of {person}, whose real identity has not been verified."
#       sv: "Det här personliga kontot ({account_type}, ägartyp {owner}) står i namnet {person}, vars verkliga identitet inte har kontrollerats."
#     persona_unknown:
#       en: "Whether the persona is authentic is missing or unknown, so the account cannot be cleared of being fake."
#       sv: "Det saknas uppgift om huruvida personan är äkta, så det går inte att utesluta att kontot är fejkat."
#     owner_unknown:
#       en: "This personal account ({account_type}) does not state who owns it, so it cannot be cleared of being run by the party or a vendor under an invented person."
#       sv: "Det här personliga kontot ({account_type}) anger inte vem som äger det, så det går inte att utesluta att partiet eller en leverantör driver det i en påhittad persons namn."
#     type_unknown:
#       en: "The account (owner kind {owner}) does not state its type, so it cannot be told whether it is a personal account that must belong to a verified real person."
#       sv: "Kontot (ägartyp {owner}) anger inte sin kontotyp, så det går inte att avgöra om det är ett personligt konto som måste tillhöra en verklig person med kontrollerad identitet."
#     image_signal:
#       en: "The profile picture is marked {signal} (AI-generated, stock or copied), a sign of an invented person: check who holds the account."
#       sv: "Profilbilden är markerad som {signal} (AI-genererad, bildbanksbild eller kopierad), vilket tyder på en påhittad person: kontrollera vem som innehar kontot."
#   non_waivable: true
deny contains finding if {
	some finding in accounts.acc002(input.document)
}

# METADATA
# title: Officials and employees state their affiliation
# description: >-
#   The profile of an elected official, a candidate or an employee states the party affiliation, with a name
#   of the party or a sub-entity, or the party's short mark such as "(L)" as a token of its own. A pinned post
#   is not the profile: where affiliation_disclosed.places names only places outside the profile (the bio,
#   the display name or the header), it fails; a profile place there counts as disclosure when in_profile is
#   unknown. Parody accounts are exempt.
# custom:
#   id: ACC-003
#   severity: warn
#   effective_from: "2018-03-22"
#   title_sv: Förtroendevalda och anställda anger sin partitillhörighet
#   description_sv: >-
#     Profilen för en förtroendevald, en kandidat eller en anställd anger partitillhörigheten, med partiets
#     eller en av dess föreningars namn, eller med partiets förkortning, till exempel "(L)", som ett eget ord.
#     Ett fäst inlägg räknas inte som profilen: när affiliation_disclosed.places bara anger platser utanför
#     profilen (presentationen, visningsnamnet eller sidhuvudet) underkänns kontot; en plats i profilen räknas
#     som att tillhörigheten anges när in_profile är okänt. Parodikonton är undantagna.
#   sources:
#     - seed: S06
#   verification: >-
#     The short mark "(L)" and the party aliases other than the legal name in the bundled context are from
#     memory [M].
#   remediation:
#     en: Add e.g. "Riksdagsledamot (L)" or "Anställd på Liberalerna" to the profile bio or header. A pinned post is not the profile.
#     sv: Lägg till exempelvis "Riksdagsledamot (L)" eller "Anställd på Liberalerna" i profiltexten eller sidhuvudet. Ett fäst inlägg räknas inte som profilen.
#   messages:
#     not_in_profile:
#       en: "The holder's role is {role}, but the profile does not state the party affiliation."
#       sv: "Innehavarens roll är {role}, men profilen anger inte partitillhörigheten."
#     outside_profile:
#       en: "The affiliation is stated only in {places}, not in the profile (bio, display name or header): a pinned post is not the profile."
#       sv: "Partitillhörigheten anges bara i {places}, inte i profilen (presentation, visningsnamn eller sidhuvud): ett fäst inlägg räknas inte som profilen."
#     text_without_party:
#       en: "The affiliation text \"{text}\" names neither the party nor its short mark."
#       sv: "Texten som ska ange partitillhörigheten, \"{text}\", nämner varken partiet eller dess förkortning."
#     disclosure_unknown:
#       en: "Whether the profile states the party affiliation is missing or unknown."
#       sv: "Det saknas uppgift om huruvida profilen anger partitillhörigheten."
#     text_missing:
#       en: "The profile is said to state the affiliation, but the text is not given and the bio names neither the party nor its short mark."
#       sv: "Profilen uppges ange partitillhörigheten, men texten saknas och profiltexten nämner varken partiet eller dess förkortning."
#     role_unknown:
#       en: "The account is a {account_type}, but the holder's role is missing or unknown, so it cannot be told whether the affiliation must be stated."
#       sv: "Kontot är av typen {account_type}, men innehavarens roll saknas eller är okänd, så det går inte att avgöra om partitillhörigheten måste anges."
#     name_unindexed:
#       en: "The text \"{value}\" was not normalised by the engine, so it cannot be compared with the party's names."
#       sv: "Texten \"{value}\" har inte normaliserats av motorn, så den går inte att jämföra med partiets namn."
#   non_waivable: false
warn contains finding if {
	some finding in accounts.acc003(input.document, _env)
}

# METADATA
# title: No bought followers or interactions
# description: >-
#   The party buys no followers, likes, shares, views or comments, and holds no account that was bought,
#   rented, bulk-created or taken over. No engagement vendor of the account sells followers or engagement.
#   Platform ads with follow or like objectives are not bought followers: the party earns its followers with
#   good content and smart ads, and records such campaigns in growth_explanations as paid_campaign.
# custom:
#   id: ACC-004
#   severity: block
#   effective_from: "2018-03-22"
#   title_sv: Inga köpta följare eller interaktioner
#   description_sv: >-
#     Partiet köper inga följare, gillamarkeringar, delningar, visningar eller kommentarer, och innehar inga
#     konton som har köpts, hyrts, massregistrerats eller tagits över. Ingen leverantör av engagemangstjänster
#     till kontot säljer följare eller interaktioner. Annonser med mål som följare eller gillamarkeringar är
#     inte köpta följare: partiet förtjänar sina följare genom bra innehåll och smart annonsering, och för in
#     sådana kampanjer i growth_explanations som paid_campaign.
#   sources:
#     - seed: S08
#     - seed: S10
#     - regulation: Meta Community Standards, Spam
#       note: Prohibits "selling, buying or exchanging for engagement, such as likes, shares, views, follows, clicks", and buying or selling accounts or Pages.
#     - regulation: DISARM T0150.006 Purchased Asset, T0150.007 Rented Asset, T0150.008 Bulk-Created Asset
#   remediation:
#     en: End the service, ask the platform to purge the purchased followers, and document both.
#     sv: Avsluta tjänsten, be plattformen att rensa bort de köpta följarna och dokumentera båda åtgärderna.
#   messages:
#     purchased_followers:
#       en: "Followers were bought for the account."
#       sv: "Följare har köpts till kontot."
#     purchased_engagement:
#       en: "Likes, shares, views or comments were bought for the account."
#       sv: "Gillamarkeringar, delningar, visningar eller kommentarer har köpts till kontot."
#     asset_origin:
#       en: "The account's origin is {origin}: an account that was bought, rented, bulk-created or taken over is not the party's own."
#       sv: "Kontots ursprung är {origin}: ett konto som har köpts, hyrts, massregistrerats eller tagits över är inte partiets eget."
#     vendor_engagement_seller:
#       en: "The engagement vendor {vendor} has the role engagement_seller: it sells followers or engagement."
#       sv: "Engagemangsleverantören {vendor} har rollen engagement_seller: den säljer följare eller interaktioner."
#     vendor_sells_engagement:
#       en: "The engagement vendor {vendor} declares that it sells followers or engagement."
#       sv: "Engagemangsleverantören {vendor} uppger att den säljer följare eller interaktioner."
#     purchased_followers_unknown:
#       en: "Whether followers were bought is missing or unknown."
#       sv: "Det saknas uppgift om huruvida följare har köpts."
#     purchased_engagement_unknown:
#       en: "Whether likes, shares, views or comments were bought is missing or unknown."
#       sv: "Det saknas uppgift om huruvida gillamarkeringar, delningar, visningar eller kommentarer har köpts."
#     asset_origin_unknown:
#       en: "How the party came to hold the account is missing or unknown, so it cannot be cleared of being bought, rented or taken over."
#       sv: "Det saknas uppgift om hur partiet fick kontot, så det går inte att utesluta att det har köpts, hyrts eller tagits över."
#     vendor_missing:
#       en: "The engagement vendor {vendor} is not among the documents checked, so it cannot be cleared of selling followers or engagement."
#       sv: "Engagemangsleverantören {vendor} finns inte bland de granskade dokumenten, så det går inte att utesluta att den säljer följare eller interaktioner."
#     vendor_unknown:
#       en: "The engagement vendor {vendor} has not declared whether it sells followers or engagement."
#       sv: "Engagemangsleverantören {vendor} har inte uppgett om den säljer följare eller interaktioner."
#   non_waivable: true
deny contains finding if {
	some finding in accounts.acc004(input.document, _env)
}

# METADATA
# title: No bots or engagement-inflating automation
# description: >-
#   No tool on the account likes, follows, unfollows, comments or reposts automatically, takes part in
#   engagement pods or follow trains, or runs a chatbot that does not say it is one. Publishing schedulers,
#   analytics and disclosed service bots are allowed. The account states its tools: an empty list says there
#   are none.
# custom:
#   id: ACC-005
#   severity: block
#   effective_from: "2018-03-22"
#   title_sv: Inga bottar eller automatisering som blåser upp interaktionerna
#   description_sv: >-
#     Inget verktyg på kontot gillar, följer, slutar följa, kommenterar eller delar vidare automatiskt, deltar
#     i engagemangsgrupper (engagement pods) eller följarkedjor (follow trains), eller kör en chattbot som inte
#     säger att den är en bot. Schemaläggning av inlägg, analysverktyg och öppet redovisade servicebottar är
#     tillåtna. Kontot anger sina verktyg: en tom lista betyder att det inte finns några.
#   sources:
#     - seed: S09
#     - regulation: DISARM T0146.007 Automated Account Asset
#     - regulation: DISARM T0049.003 Bots Amplify via Automated Forwarding and Reposting
#     - regulation: DISARM T0092.002 Use Follow Trains
#   remediation:
#     en: Remove the tool; keep only publishing schedulers and disclosed service bots.
#     sv: Ta bort verktyget; behåll bara verktyg för schemalagd publicering och öppet redovisade servicebottar.
#   messages:
#     inflating_tool:
#       en: "The tool {tool} does {function}: automation that makes the account look more engaged than it is."
#       sv: "Verktyget {tool} utför {function}: automatisering som ger intryck av fler interaktioner än kontot faktiskt har."
#     tools_unknown:
#       en: "The account's automation tools are not stated (an empty list says there are none), so it cannot be cleared of bots."
#       sv: "Kontots automatiseringsverktyg är inte angivna (en tom lista betyder att det inte finns några), så det går inte att utesluta bottar."
#     function_unknown:
#       en: "What the tool {tool} does is not stated, so it cannot be cleared of inflating interactions."
#       sv: "Det är inte angivet vad verktyget {tool} gör, så det går inte att utesluta att det blåser upp interaktionerna."
#   non_waivable: true
deny contains finding if {
	some finding in accounts.acc005(input.document)
}

# METADATA
# title: No undisclosed networks of party-run accounts
# description: >-
#   An account that the party, a sub-entity or a vendor of the party operates discloses that the party runs
#   it, and so does every account listed as run together with it. An account run by its own holder is not a
#   party account. When the disclosure flag is not stated, an account whose display name or bio names the
#   party discloses it.
# custom:
#   id: ACC-006
#   severity: block
#   effective_from: "2018-03-22"
#   title_sv: Inga dolda nätverk av konton som partiet driver
#   description_sv: >-
#     Ett konto som partiet, en av dess föreningar eller en leverantör till partiet driver visar öppet att
#     partiet står bakom det, och detsamma gäller varje konto som anges drivas tillsammans med det. Ett konto
#     som innehavaren själv driver är inte ett partikonto. När uppgiften om öppenhet saknas räcker det att
#     kontots visningsnamn eller profiltext nämner partiet.
#   sources:
#     - seed: S05
#     - seed: S07
#     - regulation: Meta Community Standards, Inauthentic Behavior (Coordinated Inauthentic Behavior)
#       note: Coordinated efforts to manipulate public debate for a strategic goal, in which fake accounts are central.
#       url: https://transparency.meta.com/policies/community-standards/inauthentic-behavior/
#   verification: >-
#     The party aliases "Liberal Party of Sweden" and "Folkpartiet liberalerna" in the bundled context are
#     from memory [M].
#   remediation:
#     en: Disclose the party as operator in each account's bio, or close the account.
#     sv: Ange i varje kontos profiltext att partiet driver kontot, eller stäng kontot.
#   messages:
#     undisclosed:
#       en: "The account is run for the party (by {operator}) but does not disclose it."
#       sv: "Kontot drivs för partiets räkning (av {operator}) men visar inte öppet att partiet står bakom det."
#     linked_undisclosed:
#       en: "The linked account {account} is run for the party (by {operator}) but does not disclose it."
#       sv: "Det länkade kontot {account} drivs för partiets räkning (av {operator}) men visar inte öppet att partiet står bakom det."
#     disclosure_unknown:
#       en: "The account is run for the party (by {operator}), but whether it discloses that is missing or unknown, and neither its name nor its bio names the party."
#       sv: >-
#         Kontot drivs för partiets räkning (av {operator}), men det saknas uppgift om huruvida kontot öppet visar
#         att partiet står bakom det, och varken namnet eller profiltexten nämner partiet.
#     operator_unknown:
#       en: "Who operates the account is missing or unknown and the account does not show the party as its operator, so it cannot be cleared of being an undisclosed party account."
#       sv: "Det saknas uppgift om vem som driver kontot och kontot visar inte partiet som avsändare, så det går inte att utesluta att det är ett dolt partikonto."
#     operator_unclassified:
#       en: "The account is operated by {operator}, who is neither the party, a vendor among the documents checked, nor the account's holder: check whether it is run for the party."
#       sv: "Kontot drivs av {operator}, som varken är partiet, en leverantör bland de granskade dokumenten eller kontots innehavare: kontrollera om det drivs för partiets räkning."
#     linked_missing:
#       en: "The linked account {account} is not among the documents checked, so it cannot be cleared of being an undisclosed party account."
#       sv: "Det länkade kontot {account} finns inte bland de granskade dokumenten, så det går inte att utesluta att det är ett dolt partikonto."
#     linked_disclosure_unknown:
#       en: "The linked account {account} is run for the party (by {operator}), but whether it discloses that is missing or unknown."
#       sv: "Det länkade kontot {account} drivs för partiets räkning (av {operator}), men det saknas uppgift om huruvida kontot öppet visar att partiet står bakom det."
#     linked_operator_unknown:
#       en: "Who operates the linked account {account} is unknown or unclear, and it does not show the party as its operator."
#       sv: "Det är okänt eller oklart vem som driver det länkade kontot {account}, och kontot visar inte partiet som avsändare."
#   non_waivable: false
deny contains finding if {
	some finding in accounts.acc006(input.document, _env)
}

# METADATA
# title: Anomalous follower growth
# description: >-
#   A 24-hour gain in followers above thresholds.max_follower_spike_pct_24h percent, with no growth
#   explanation dated within 3 days, is a sign of bought or botted followers and needs a named sign-off.
#   Counts more than a day apart whose total gain is above the threshold cannot rule out such a spike and
#   need review. Every gain above the threshold is judged, not only the largest. Accounts that have no
#   followers (ad accounts, including a Google Ads account or a DSP seat, and business portfolios) are out of
#   scope.
# custom:
#   id: ACC-007
#   severity: warn
#   effective_from: "2018-03-22"
#   title_sv: Onormal följartillväxt
#   description_sv: >-
#     En ökning av antalet följare under ett dygn med mer än thresholds.max_follower_spike_pct_24h procent,
#     utan någon förklaring till tillväxten daterad inom 3 dagar, tyder på köpta följare eller bottar och
#     kräver ett namngivet godkännande. Mätpunkter med mer än ett dygns mellanrum vars sammanlagda ökning
#     överstiger tröskelvärdet kan inte utesluta en sådan topp och kräver granskning. Varje ökning över
#     tröskelvärdet bedöms, inte bara den största. Konton som inte har några följare (annonskonton, även ett
#     Google Ads-konto eller en DSP-plats, och affärsportföljer) omfattas inte.
#   sources:
#     - seed: S08
#     - seed: S09
#     - regulation: Cresci et al. 2015, "Fame for sale" (arXiv:1509.04098)
#       note: Detection signals for bought followers; the threshold itself is the project's policy default.
#       url: https://arxiv.org/abs/1509.04098
#   remediation:
#     en: Investigate for bought or botted followers by sampling the new followers' creation dates and avatars. If the growth is legitimate, record it in growth_explanations.
#     sv: Undersök om följarna är köpta eller bottar genom stickprov på de nya följarnas registreringsdatum och profilbilder. Om tillväxten är legitim, för in den i growth_explanations.
#   messages:
#     spike:
#       en: >-
#         Followers grew from {from} on {from_date} to {to} on {to_date}: {pct}% in 24 hours, above the threshold
#         of {threshold}%, with no growth explanation within 3 days.
#       sv: >-
#         Antalet följare ökade från {from} den {from_date} till {to} den {to_date}: {pct} % på ett dygn, över
#         tröskelvärdet {threshold} %, utan någon förklaring till tillväxten inom 3 dagar.
#     gap_spike:
#       en: >-
#         Followers grew from {from} on {from_date} to {to} on {to_date}, {pct}% over {days} days with no count in
#         between: a 24-hour gain above {threshold}% cannot be ruled out, and no growth explanation falls within
#         3 days.
#       sv: >-
#         Antalet följare ökade från {from} den {from_date} till {to} den {to_date}, {pct} % på {days} dagar utan
#         mätpunkter däremellan: en ökning på över {threshold} % under ett enskilt dygn kan inte uteslutas, och
#         ingen förklaring till tillväxten ligger inom 3 dagar.
#     history_missing:
#       en: "The follower history has fewer than two dated counts, so the growth cannot be checked."
#       sv: "Följarhistoriken har färre än två daterade mätpunkter, så tillväxten går inte att kontrollera."
#     entry_invalid:
#       en: "This follower-history entry has no valid date or count."
#       sv: "Den här posten i följarhistoriken saknar giltigt datum eller antal."
#     threshold_missing:
#       en: "The policy context sets no thresholds.max_follower_spike_pct_24h, so the growth cannot be checked."
#       sv: "Policykontexten anger inget värde för thresholds.max_follower_spike_pct_24h, så tillväxten går inte att kontrollera."
#   non_waivable: false
warn contains finding if {
	accounts.has_followers(input.document)
	some finding in accounts.acc007(input.document)
}

# METADATA
# title: Platform identity matches the party
# description: >-
#   The "Paid for by" disclaimer name registered on the platform, when set, is a name of the party or a
#   sub-entity, so that the platform shows the party as the sender.
# custom:
#   id: ACC-008
#   severity: warn
#   effective_from: "2018-03-22"
#   title_sv: Plattformsidentiteten stämmer med partiet
#   description_sv: >-
#     Avsändarnamnet som är registrerat hos plattformen för märkningen "Paid for by" är, när det är angivet,
#     partiets eller en av dess föreningars namn, så att plattformen visar partiet som avsändare.
#   sources:
#     - seed: S05
#     - regulation: Meta advertising standards, ads about social issues, elections or politics ("Paid for by" disclaimer)
#       url: https://transparency.meta.com/en-gb/policies/ad-standards/SIEP-advertising/SIEP
#     - regulation: DSA Art. 26(1)(b)–(c)
#       url: https://overview.legal/laws/dsa/art-26
#   verification: >-
#     The party aliases "Liberal Party of Sweden" and "Folkpartiet liberalerna" in the bundled context are
#     from memory [M].
#   remediation:
#     en: Align the disclaimer, or the DSA beneficiary and payor, with the party's legal name.
#     sv: Anpassa avsändarnamnet, eller DSA-uppgifterna om förmånstagare och betalare, till partiets juridiska namn.
#   messages:
#     disclaimer_not_party:
#       en: "The platform disclaimer name \"{name}\" is not a name of the party or a sub-entity."
#       sv: "Avsändarnamnet \"{name}\" hos plattformen är inte partiets eller någon av dess föreningars namn."
#     disclaimer_unknown:
#       en: "The platform disclaimer name is declared unknown."
#       sv: "Avsändarnamnet hos plattformen är angivet som okänt."
#     name_unindexed:
#       en: "The text \"{value}\" was not normalised by the engine, so it cannot be compared with the party's names."
#       sv: "Texten \"{value}\" har inte normaliserats av motorn, så den går inte att jämföra med partiets namn."
#   non_waivable: false
warn contains finding if {
	some finding in accounts.acc008(input.document, _env)
}

# The related vendors and accounts and the normalised names, as the engine built them for this document.
_env := accounts.env_of(input)
