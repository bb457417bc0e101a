# Audiences (targeting configurations): what an audience may be built on, whom it may reach, and how.
# The tests live in ethiq.lib.audiences (AUD-001 to AUD-012) and ethiq.lib.sources (AUD-013), so that an
# ad or a campaign judges its audiences by the same rules; this package turns their reasons into findings.
package ethiq.rules.audience

import data.ethiq.lib.audiences
import data.ethiq.lib.facts
import data.ethiq.lib.sources
import data.ethiq.lib.ttpa

_related := object.get(input, "related", {})

_links := object.get(input, "links", [])

_unresolved := object.get(input, "unresolved", [])

_as_of := object.get(input, "as_of", "")

# A reason becomes a finding; the severity key of a mixed rule's reason has chosen its set already.
_finding(r) := {
	"rule": r.rule,
	"status": r.status,
	"path": r.path,
	"message": r.message,
	"params": r.params,
	"trace": object.get(r, "trace", []),
}

# METADATA
# title: Minimum audience size
# description: >-
#   The lower bound of the audience's size estimate, for the final audience after every include, exclude and
#   geo intersection, must reach the policy floor and never fall below the platform's own floor. A lookalike's
#   seed must reach the smallest seed size. Platform floors are serving limits, not anonymity: only groups
#   this large are "handled in groups".
# custom:
#   id: AUD-001
#   severity: block
#   title_sv: Minsta målgruppsstorlek
#   description_sv: >-
#     Den nedre gränsen för målgruppens uppskattade storlek, för den slutliga målgruppen efter alla
#     inkluderingar, exkluderingar och geografiska avgränsningar, måste nå policyns miniminivå och får aldrig
#     understiga plattformens egen miniminivå. En lookalike-målgrupps källmålgrupp måste nå den minsta tillåtna
#     storleken. Plattformarnas miniminivåer är gränser för annonsvisning, inte anonymitet: bara så stora
#     grupper hanteras "i grupp".
#   sources:
#     - seed: S13
#     - seed: P3
#   remediation:
#     en: Broaden the geography or the criteria, or merge audiences, and get a new estimate for the final audience. Seed a lookalike only from a large enough source.
#     sv: Vidga geografin eller kriterierna, eller slå ihop målgrupper, och ta fram en ny uppskattning för den slutliga målgruppen. Bygg bara lookalike-målgrupper på en tillräckligt stor källa.
#   messages:
#     below_floor:
#       en: >-
#         The estimate's lower bound is {lower} people, below the floor of {floor} (the policy's floor is
#         {policy_floor}; the platform {platform} requires {platform_floor}).
#       sv: >-
#         Uppskattningens nedre gräns är {lower} personer, under miniminivån {floor} (policyns miniminivå är
#         {policy_floor}; plattformen {platform} kräver {platform_floor}).
#     upper_below_floor:
#       en: "Only the estimate's upper bound is given, {upper} people, and even that is below the floor of {floor}."
#       sv: "Bara uppskattningens övre gräns anges, {upper} personer, och redan den ligger under miniminivån {floor}."
#     only_upper:
#       en: >-
#         Only the estimate's upper bound ({upper}) is given: the lower bound for the final audience decides
#         whether it reaches the floor of {floor}.
#       sv: >-
#         Bara uppskattningens övre gräns ({upper}) anges: det är den nedre gränsen för den slutliga målgruppen
#         som avgör om miniminivån {floor} nås.
#     size_unknown:
#       en: >-
#         The audience has no size estimate: the lower bound of the estimate for the final audience must be at
#         least {floor}.
#       sv: >-
#         Målgruppen saknar storleksuppskattning: den nedre gränsen för den slutliga målgruppen måste vara minst
#         {floor}.
#     seed_too_small:
#       en: "The lookalike's seed {source} holds {record_count} people, fewer than the smallest seed of {min_seed}."
#       sv: "Lookalike-målgruppens källa {source} innehåller {record_count} personer, färre än den minsta tillåtna källan på {min_seed}."
#     seed_size_unknown:
#       en: "The number of people in the lookalike's seed {source} (record_count) is not given, so it cannot be checked against the smallest seed of {min_seed}."
#       sv: "Antalet personer i lookalike-målgruppens källa {source} (record_count) anges inte, så det går inte att kontrollera mot den minsta tillåtna källan på {min_seed}."
#     seed_unresolved:
#       en: "The lookalike's seed {source} is not among the documents checked, so its size cannot be checked against {min_seed}."
#       sv: "Lookalike-målgruppens källa {source} finns inte bland de granskade dokumenten, så dess storlek går inte att kontrollera mot {min_seed}."
#     seed_missing:
#       en: "The lookalike names no seed (lookalike.origin_ref), so the seed's size cannot be checked against {min_seed}."
#       sv: "Lookalike-målgruppen anger ingen källa (lookalike.origin_ref), så källans storlek går inte att kontrollera mot {min_seed}."
#   non_waivable: false
#   effective_from: "2018-03-22"
deny contains finding if {
	some r in audiences.aud001(input.document, _related)
	finding := _finding(r)
}

# METADATA
# title: No special-category criteria in the include list
# description: >-
#   A targeting criterion must not reveal a special category of personal data (GDPR Art. 9(1)): declared in
#   its art9, found by its platform id in the sensitive-criteria map, or a political-affiliation criterion.
#   Consent does not cure this: consent recorded on the audience for special categories
#   (consent.special_categories) says the targeting uses them, and fails too. A name that only suggests such
#   a category, or a criterion that nobody has classified, needs a human check.
# custom:
#   id: AUD-002
#   severity: block
#   title_sv: Inga kriterier med känsliga personuppgifter i inkluderingen
#   description_sv: >-
#     Ett målgruppskriterium får inte avslöja en särskild kategori av personuppgifter (GDPR art. 9.1): angiven
#     i kriteriets art9, funnen via plattformens id i kartan över känsliga kriterier, eller ett kriterium för
#     politisk tillhörighet. Samtycke läker inte detta: samtycke som har registrerats för målgruppen för
#     särskilda kategorier (consent.special_categories) visar att målgruppsinriktningen använder dem, och
#     underkänns också. Ett namn som bara antyder en sådan kategori, eller ett kriterium som ingen har
#     klassificerat, kräver en manuell kontroll.
#   sources:
#     - seed: S15
#     - regulation: TTPA Art. 18(1)(c)
#       note: Reg. (EU) 2024/900 bans targeting that involves profiling with special categories of personal data, even with consent.
#     - regulation: DSA Art. 26(3)
#     - regulation: GDPR Art. 9(1)
#   verification: "TTPA Art. 18(1)(c): the substance is from secondary sources [S]; the wording and point letter are from memory [M]."
#   remediation:
#     en: Remove the criterion. For a name-pattern or unclassified criterion, check what it reveals and record it in art9 or in the sensitive-criteria map.
#     sv: Ta bort kriteriet. För ett kriterium som fångats av ett namnmönster eller saknar klassificering, kontrollera vad det avslöjar och ange det i art9 eller i kartan över känsliga kriterier.
#   messages:
#     art9_declared:
#       en: "The criterion {criterion} reveals special categories of personal data ({categories}): targeting on them is banned."
#       sv: "Kriteriet {criterion} avslöjar särskilda kategorier av personuppgifter ({categories}): att rikta reklam utifrån dem är förbjudet."
#     art9_mapped:
#       en: "The criterion {criterion} ({platform} id {id}) reveals special categories of personal data ({categories}) according to the sensitive-criteria map."
#       sv: "Kriteriet {criterion} ({platform}-id {id}) avslöjar enligt kartan över känsliga kriterier särskilda kategorier av personuppgifter ({categories})."
#     political_affiliation:
#       en: "The criterion {criterion} targets political affiliation, which reveals political opinions."
#       sv: "Kriteriet {criterion} riktar in sig på politisk tillhörighet, som avslöjar politiska åsikter."
#     name_pattern:
#       en: "The name of the criterion {criterion} suggests special categories of personal data ({categories}): check what it reveals."
#       sv: "Namnet på kriteriet {criterion} tyder på särskilda kategorier av personuppgifter ({categories}): kontrollera vad kriteriet avslöjar."
#     art9_unknown:
#       en: "The criterion {criterion} declares no special categories (art9) and its id is not in the sensitive-criteria map, so it cannot be cleared."
#       sv: "Kriteriet {criterion} anger inga särskilda kategorier (art9) och dess id finns inte i kartan över känsliga kriterier, så det går inte att godkänna."
#     consent_no_cure:
#       en: "Consent was collected to target with special categories of personal data ({categories}): targeting on them is banned whatever the consent."
#       sv: "Samtycke har samlats in för att rikta reklam utifrån särskilda kategorier av personuppgifter ({categories}): det är förbjudet oavsett samtycke."
#   non_waivable: false
#   effective_from: "2018-03-22"
deny contains finding if {
	some r in audiences.aud002(input.document)
	finding := _finding(r)
}

# METADATA
# title: No special-category criteria in the exclusions
# description: >-
#   Excluding people by a special category of personal data is profiling on it too (negative targeting). The
#   test of AUD-002 applies to every exclusion criterion, and an excluded custom audience must not rest, at any
#   depth, on a data source that holds or reveals special categories.
# custom:
#   id: AUD-003
#   severity: block
#   title_sv: Inga kriterier med känsliga personuppgifter i exkluderingen
#   description_sv: >-
#     Att exkludera personer utifrån en särskild kategori av personuppgifter är också profilering på den
#     (negativ målgruppsstyrning). Testet i AUD-002 gäller varje exkluderingskriterium, och en exkluderad
#     anpassad målgrupp får inte, hur långt bak som helst, bygga på en datakälla som innehåller eller avslöjar
#     särskilda kategorier av personuppgifter.
#   sources:
#     - seed: S15
#     - regulation: TTPA Art. 18(1)(c)
#       note: Reg. (EU) 2024/900 bans targeting that involves profiling with special categories of personal data, even with consent.
#     - regulation: DSA Art. 26(3)
#     - regulation: GDPR Art. 9(1)
#   verification: "TTPA Art. 18(1)(c): the substance is from secondary sources [S]; the wording and point letter are from memory [M]."
#   remediation:
#     en: Remove the exclusion. For a name-pattern or unclassified criterion, or an undeclared source, check what it reveals and record it.
#     sv: Ta bort exkluderingen. För ett kriterium som fångats av ett namnmönster eller saknar klassificering, eller en källa som inte är beskriven, kontrollera vad den avslöjar och dokumentera det.
#   messages:
#     art9_declared:
#       en: "The excluded criterion {criterion} reveals special categories of personal data ({categories}): excluding people by them is banned."
#       sv: "Det exkluderade kriteriet {criterion} avslöjar särskilda kategorier av personuppgifter ({categories}): att exkludera personer utifrån dem är förbjudet."
#     art9_mapped:
#       en: "The excluded criterion {criterion} ({platform} id {id}) reveals special categories of personal data ({categories}) according to the sensitive-criteria map."
#       sv: "Det exkluderade kriteriet {criterion} ({platform}-id {id}) avslöjar enligt kartan över känsliga kriterier särskilda kategorier av personuppgifter ({categories})."
#     political_affiliation:
#       en: "The excluded criterion {criterion} is political affiliation, which reveals political opinions."
#       sv: "Det exkluderade kriteriet {criterion} gäller politisk tillhörighet, som avslöjar politiska åsikter."
#     name_pattern:
#       en: "The name of the excluded criterion {criterion} suggests special categories of personal data ({categories}): check what it reveals."
#       sv: "Namnet på det exkluderade kriteriet {criterion} tyder på särskilda kategorier av personuppgifter ({categories}): kontrollera vad kriteriet avslöjar."
#     art9_unknown:
#       en: "The excluded criterion {criterion} declares no special categories (art9) and its id is not in the sensitive-criteria map, so it cannot be cleared."
#       sv: "Det exkluderade kriteriet {criterion} anger inga särskilda kategorier (art9) och dess id finns inte i kartan över känsliga kriterier, så det går inte att godkänna."
#     excluded_special_categories:
#       en: >-
#         The audience excludes people by the data source {source} (chain: {chain}), which holds or reveals
#         special categories of personal data ({categories}).
#       sv: >-
#         Målgruppen exkluderar personer med hjälp av datakällan {source} (kedja: {chain}), som innehåller eller
#         avslöjar särskilda kategorier av personuppgifter ({categories}).
#     excluded_categories_unknown:
#       en: >-
#         The audience excludes people by the data source {source} (chain: {chain}), whose special categories
#         cannot be determined: its data categories or subject scope are not declared.
#       sv: >-
#         Målgruppen exkluderar personer med hjälp av datakällan {source} (kedja: {chain}), och det går inte att
#         avgöra om den innehåller särskilda kategorier av personuppgifter: dess datakategorier eller
#         personkrets är inte angivna.
#     excluded_source_unresolved:
#       en: "The audience excludes people by the data source {source} (chain: {chain}), which is not among the documents checked, so it cannot be cleared."
#       sv: "Målgruppen exkluderar personer med hjälp av datakällan {source} (kedja: {chain}), som inte finns bland de granskade dokumenten, så den går inte att godkänna."
#     excluded_source_undeclared:
#       en: "The excluded custom audience {audience} names no data source, so it cannot be cleared of special categories of personal data."
#       sv: "Den exkluderade anpassade målgruppen {audience} anger ingen datakälla, så det går inte att utesluta att den bygger på särskilda kategorier av personuppgifter."
#   non_waivable: false
#   effective_from: "2018-03-22"
deny contains finding if {
	some r in audiences.aud003(input.document, _related, _links, _unresolved)
	finding := _finding(r)
}

# METADATA
# title: No psychographic or imported vendor segments
# description: >-
#   A criterion must not be a psychographic segment or a vendor segment, nor be defined by a vendor: only
#   the platform's own targeting options, built with its own tools, may be used. The type and the source
#   decide, never the display name.
# custom:
#   id: AUD-004
#   severity: block
#   title_sv: Inga psykografiska eller importerade leverantörssegment
#   description_sv: >-
#     Ett kriterium får inte vara ett psykografiskt segment eller ett leverantörssegment, och inte heller vara
#     definierat av en leverantör: bara plattformens egna målgruppsalternativ, byggda med dess egna verktyg,
#     får användas. Typen och källan avgör, aldrig visningsnamnet.
#   sources:
#     - seed: S14
#     - seed: S15
#   remediation:
#     en: Remove the segment and use the platform's own targeting options only.
#     sv: Ta bort segmentet och använd bara plattformens egna målgruppsalternativ.
#   messages:
#     segment_type:
#       en: "The criterion {criterion} is of the type {type}: psychographic and imported vendor segments are banned."
#       sv: "Kriteriet {criterion} är av typen {type}: psykografiska segment och importerade leverantörssegment är förbjudna."
#     vendor_source:
#       en: "The criterion {criterion} was defined by a vendor: only the platform's own targeting options may be used."
#       sv: "Kriteriet {criterion} är definierat av en leverantör: bara plattformens egna målgruppsalternativ får användas."
#     source_unknown:
#       en: "It is not declared who defined the criterion {criterion} (source), so it cannot be cleared of being an imported vendor segment."
#       sv: "Det är inte angivet vem som har definierat kriteriet {criterion} (source), så det går inte att utesluta att det är ett importerat leverantörssegment."
#   non_waivable: true
#   effective_from: "2018-03-22"
deny contains finding if {
	some r in audiences.aud004(input.document)
	finding := _finding(r)
}

# METADATA
# title: Lookalikes
# description: >-
#   A lookalike reaches people whose data the party never collected, by their likeness to a seed. It must not
#   be built on a seed that, at any depth of its lineage, fails a data-source rule. For political advertising
#   (from 10 October 2025) every lookalike is banned, and an audience not declared political or not counts as
#   political until declared. Any other lookalike needs a documented sign-off.
# custom:
#   id: AUD-005
#   severity: [block, warn]
#   title_sv: Lookalike-målgrupper
#   description_sv: >-
#     En lookalike-målgrupp når personer vars data partiet aldrig har samlat in, utifrån hur lika de är en
#     källmålgrupp. Den får inte byggas på en källa som, hur långt bak i härledningen som helst, bryter mot en
#     regel för datakällor. För politisk reklam (från den 10 oktober 2025) är varje lookalike-målgrupp
#     förbjuden, och en målgrupp som inte är angiven som politisk eller icke-politisk räknas som politisk tills
#     den anges. Andra lookalike-målgrupper kräver ett dokumenterat godkännande.
#   sources:
#     - seed: S13
#     - seed: S14
#     - seed: S15
#     - regulation: TTPA Art. 18(1)(a)
#       note: Reg. (EU) 2024/900 allows targeting for political advertising only with personal data the controller collected from the data subject.
#   verification: "TTPA Art. 18(1)(a): the substance is from secondary sources [S]; the wording is from memory [M]."
#   remediation:
#     en: Drop the lookalike. For a non-political audience, record a named sign-off in the evidence if you keep it.
#     sv: Ta bort lookalike-målgruppen. För en icke-politisk målgrupp, dokumentera ett namngivet godkännande i evidence om den behålls.
#   messages:
#     tainted_seed:
#       en: >-
#         The lookalike is built on the data source {source} (chain: {chain}), which fails the data-source rules
#         {rules}: a lookalike inherits its seed's data.
#       sv: >-
#         Lookalike-målgruppen bygger på datakällan {source} (kedja: {chain}), som bryter mot reglerna för
#         datakällor {rules}: en lookalike-målgrupp ärver källmålgruppens data.
#     seed_unchecked:
#       en: >-
#         The lookalike is built on the data source {source} (chain: {chain}), which cannot be cleared under the
#         data-source rules {rules}.
#       sv: >-
#         Lookalike-målgruppen bygger på datakällan {source} (kedja: {chain}), som inte går att godkänna enligt
#         reglerna för datakällor {rules}.
#     seed_unresolved:
#       en: "The lookalike is built on the data source {source} (chain: {chain}), which is not among the documents checked, so it cannot be cleared."
#       sv: "Lookalike-målgruppen bygger på datakällan {source} (kedja: {chain}), som inte finns bland de granskade dokumenten, så den går inte att godkänna."
#     seed_missing:
#       en: "The lookalike {audience} names no seed (lookalike.origin_ref), so the data it is built on cannot be cleared."
#       sv: "Lookalike-målgruppen {audience} anger ingen källa (lookalike.origin_ref), så det går inte att godkänna den data den bygger på."
#     political_lookalike:
#       en: "The lookalike {audience} serves political advertising: it targets people whose personal data the party never collected from them."
#       sv: "Lookalike-målgruppen {audience} används för politisk reklam: den riktar sig till personer vars personuppgifter partiet aldrig har samlat in från dem."
#     political_unknown:
#       en: "The lookalike {audience} is in an audience not declared political or non-political: for political advertising a lookalike is banned."
#       sv: "Lookalike-målgruppen {audience} ingår i en målgrupp som inte är angiven som politisk eller icke-politisk: för politisk reklam är lookalike-målgrupper förbjudna."
#     lookalike:
#       en: "The lookalike {audience} reaches people whose data the party never collected: it needs a documented sign-off."
#       sv: "Lookalike-målgruppen {audience} når personer vars data partiet aldrig har samlat in: den kräver ett dokumenterat godkännande."
#   non_waivable: false
#   effective_from: "2018-03-22"
deny contains finding if {
	some r in audiences.aud005(input.document, _related, _links, _unresolved, _as_of)
	r.severity == "block"
	finding := _finding(r)
}

warn contains finding if {
	some r in audiences.aud005(input.document, _related, _links, _unresolved, _as_of)
	r.severity == "warn"
	finding := _finding(r)
}

# METADATA
# title: Minimum age against the voting age
# description: >-
#   For each targeted country (or each election's country) the minimum age is compared with the voting age of
#   the audience's elections there, else of every election the context knows there (the highest one). A
#   minimum age that reaches people at least one year under the voting age is banned. One under the voting
#   age by less than a year needs a sign-off where the voting age is reached by election day or by the end of
#   the year, so that such people may vote; with any other or no age reference it is banned too. A declared
#   non-political audience is out of scope.
# custom:
#   id: AUD-006
#   severity: [block, warn]
#   title_sv: Minimiålder jämfört med rösträttsåldern
#   description_sv: >-
#     För varje land som målgruppen riktar sig till (eller varje valets land) jämförs minimiåldern med
#     rösträttsåldern i målgruppens val där, annars i alla val där som policykontexten känner till (den högsta).
#     En minimiålder som når personer som är minst ett år under rösträttsåldern är förbjuden. En som ligger
#     mindre än ett år under rösträttsåldern kräver ett godkännande om rösträttsåldern ska vara uppnådd senast
#     på valdagen eller vid årets slut, så att sådana personer kan få rösta; med en annan eller ingen
#     åldersreferens är den också förbjuden. En målgrupp som är angiven som icke-politisk omfattas inte.
#   sources:
#     - regulation: TTPA Art. 18(2)
#       note: Reg. (EU) 2024/900 bans targeting political ads at people known to be at least one year under the voting age.
#     - seed: S00
#   verification: "TTPA Art. 18(2): the substance is from secondary sources [S]; the paragraph number is from memory [M]. Voting ages outside Sweden are from memory [M] (research §9)."
#   remediation:
#     en: Raise age_min to the voting age, or document why first-time voters are targeted. Platforms do not profile minors anyway (DSA Art. 28(2)).
#     sv: Höj age_min till rösträttsåldern, eller dokumentera varför förstagångsväljare ska nås. Plattformarna profilerar ändå inte minderåriga (DSA art. 28.2).
#   messages:
#     below_voting_age:
#       en: >-
#         The minimum age {age_min} reaches people at least one year under the voting age {voting_age} in
#         {country} (election {election}).
#       sv: >-
#         Minimiåldern {age_min} når personer som är minst ett år under rösträttsåldern {voting_age} i {country}
#         (val {election}).
#     near_voting_age:
#       en: >-
#         The minimum age {age_min} is under the voting age {voting_age} in {country} (election {election},
#         age reference {age_reference}), by less than a year: it needs a documented sign-off.
#       sv: >-
#         Minimiåldern {age_min} ligger under rösträttsåldern {voting_age} i {country} (val {election},
#         åldersreferens {age_reference}), men mindre än ett år under: den kräver ett dokumenterat godkännande.
#     under_voting_age:
#       en: >-
#         The minimum age {age_min} is under the voting age {voting_age} in {country} (election {election}), and
#         the policy context does not say that the age is counted by election day or by the end of the year, so
#         people under the voting age now may not be voters on the day.
#       sv: >-
#         Minimiåldern {age_min} ligger under rösträttsåldern {voting_age} i {country} (val {election}), och
#         policykontexten anger inte att åldern räknas senast på valdagen eller vid årets slut, så personer som
#         nu är under rösträttsåldern kanske inte får rösta på valdagen.
#     election_unknown:
#       en: "The election {election} is not in the policy context, so its voting age is unknown."
#       sv: "Valet {election} finns inte i policykontexten, så dess rösträttsålder är okänd."
#     countries_unknown:
#       en: "Neither the targeted countries nor the countries of the elections are known, so the voting age cannot be determined."
#       sv: "Varken länderna som målgruppen riktar sig till eller valens länder är kända, så rösträttsåldern går inte att avgöra."
#     voting_age_unknown:
#       en: "No voting age is known for {country}: add its elections to the policy context."
#       sv: "Ingen rösträttsålder är känd för {country}: lägg till landets val i policykontexten."
#     voting_age_missing:
#       en: "The election {election} in {country} has no voting age in the policy context."
#       sv: "Valet {election} i {country} saknar rösträttsålder i policykontexten."
#   non_waivable: false
#   effective_from: "2025-10-10"
deny contains finding if {
	some r in audiences.aud006(input.document)
	r.severity == "block"
	finding := _finding(r)
}

warn contains finding if {
	some r in audiences.aud006(input.document)
	r.severity == "warn"
	finding := _finding(r)
}

# METADATA
# title: Explicit minimum age
# description: >-
#   An audience that serves political advertising must set its minimum age explicitly
#   (normalized.age_min): without it the platform's default decides who is reached, and AUD-006 cannot
#   compare it with the voting age. A political audience without one fails; one whose political use is not
#   declared and that has no minimum age needs a human check. A declared non-political audience is out of
#   scope. On Meta the minimum age is one of the few settings that stay binding under Advantage+ audience.
# custom:
#   id: AUD-007
#   severity: block
#   title_sv: Uttrycklig minimiålder
#   description_sv: >-
#     En målgrupp som används för politisk reklam måste ange sin minimiålder uttryckligen
#     (normalized.age_min): utan den avgör plattformens standardvärde vilka som nås, och AUD-006 kan inte
#     jämföra den med rösträttsåldern. En politisk målgrupp utan minimiålder underkänns; en målgrupp där det
#     inte är angivet om den används politiskt och som saknar minimiålder kräver en manuell kontroll. En
#     målgrupp som är angiven som icke-politisk omfattas inte. Hos Meta är minimiåldern en av få
#     inställningar som fortsätter att gälla med Advantage+ audience.
#   sources:
#     - regulation: TTPA Art. 18(2)
#       note: Reg. (EU) 2024/900 bans targeting political ads at people known to be at least one year under the voting age; without an explicit minimum age that cannot be ruled out.
#   verification: "TTPA Art. 18(2): the substance is from secondary sources [S]; the paragraph number is from memory [M]."
#   remediation:
#     en: Set normalized.age_min explicitly (and in the platform's spec), at least at the voting age.
#     sv: Ange normalized.age_min uttryckligen (och i plattformens specifikation), minst på rösträttsåldern.
#   messages:
#     age_min_missing:
#       en: "The audience serves political advertising and sets no minimum age (normalized.age_min)."
#       sv: "Målgruppen används för politisk reklam och anger ingen minimiålder (normalized.age_min)."
#     political_unknown:
#       en: "The audience sets no minimum age and does not say whether it serves political advertising (political.is_political_advertising)."
#       sv: "Målgruppen anger ingen minimiålder och anger inte om den används för politisk reklam (political.is_political_advertising)."
#   effective_from: "2025-10-10"
deny contains finding if {
	some r in ttpa.aud007(input.document)
	finding := _finding(r)
}

# METADATA
# title: Platform expansion features
# description: >-
#   Meta Advantage+ audience, LinkedIn audience expansion and Google optimized targeting let the platform reach
#   people beyond the criteria. On Meta only location, minimum age, language and custom-audience exclusions
#   still bind; a maximum age or excluded interests do not. On Meta an unset switch is on for an ad set
#   created with Marketing API v23.0 or later (platform_object.api_version), off for one created with an
#   older version or before v23.0 was released (platform_object.created_at), and otherwise needs a sign-off.
# custom:
#   id: AUD-008
#   severity: warn
#   title_sv: Plattformarnas utvidgningsfunktioner
#   description_sv: >-
#     Meta Advantage+ audience, LinkedIn audience expansion och Google optimized targeting låter plattformen nå
#     personer utanför kriterierna. Hos Meta gäller då bara plats, minimiålder, språk och exkluderade anpassade
#     målgrupper; en maxålder eller exkluderade intressen gör det inte. Hos Meta är en inställning som inte är
#     angiven påslagen för en annonsgrupp som skapades med Marketing API v23.0 eller senare
#     (platform_object.api_version), avslagen för en som skapades med en äldre version eller innan v23.0
#     släpptes (platform_object.created_at), och kräver annars ett godkännande.
#   sources:
#     - regulation: TTPA Art. 19(1)(c)
#       note: Reg. (EU) 2024/900 requires the targeting information to disclose ad-delivery techniques and AI use.
#     - seed: S00
#   verification: "TTPA Art. 19(1)(c): the substance is from secondary sources [S]; the point letter is from memory [M]. That the minimum age stays binding under Advantage+ is partly verified [P]. The v23.0 default is verified [V]; v23.0's release day (29 May 2025) is from memory [M]."
#   remediation:
#     en: Turn the expansion off, or disclose the optimisation in the TTPA Art. 19 information. Do not rely on age_max or excluded interests.
#     sv: Stäng av utvidgningen, eller redovisa optimeringen i informationen enligt TTPA art. 19. Förlita dig inte på age_max eller exkluderade intressen.
#   messages:
#     expansion_on:
#       en: >-
#         {feature} is on: the platform widens the audience beyond the criteria. On Meta only location, minimum
#         age, language and custom-audience exclusions bind.
#       sv: >-
#         Funktionen {feature} är påslagen: plattformen vidgar målgruppen utanför kriterierna. Hos Meta gäller
#         bara plats, minimiålder, språk och exkluderade anpassade målgrupper.
#     meta_expansion_unset:
#       en: >-
#         {feature} is not set: since Marketing API v23.0 it is on unless set to 0, and then only location,
#         minimum age, language and custom-audience exclusions bind.
#       sv: >-
#         Funktionen {feature} är inte inställd: sedan Marketing API v23.0 är den påslagen om den inte sätts
#         till 0, och då gäller bara plats, minimiålder, språk och exkluderade anpassade målgrupper.
#     meta_expansion_default_on:
#       en: >-
#         {feature} is not set, and the ad set was created with Marketing API {api_version} or later, where it is
#         on unless set to 0: only location, minimum age, language and custom-audience exclusions bind.
#       sv: >-
#         Funktionen {feature} är inte inställd, och annonsgruppen skapades med Marketing API {api_version} eller
#         senare, där den är påslagen om den inte sätts till 0: bara plats, minimiålder, språk och exkluderade
#         anpassade målgrupper gäller.
#     expansion_unknown:
#       en: "Whether {feature} is on is declared unknown: it may widen the audience beyond the criteria."
#       sv: "Det är angivet som okänt om funktionen {feature} är påslagen: den kan vidga målgruppen utanför kriterierna."
#   non_waivable: false
#   effective_from: "2018-03-22"
warn contains finding if {
	some r in audiences.aud008(input.document)
	finding := _finding(r)
}

# METADATA
# title: Removed or legacy Meta targeting
# description: >-
#   A Meta targeting spec must not use the legacy fields political_views, politics or ethnic_affinity, nor any
#   detailed-targeting option that Meta removed as sensitive from 19 January 2022 (health, race or ethnicity,
#   political affiliation, religion, sexual orientation).
# custom:
#   id: AUD-009
#   severity: block
#   title_sv: Borttagen eller föråldrad målgruppsstyrning hos Meta
#   description_sv: >-
#     En målgruppsspecifikation hos Meta får inte använda de föråldrade fälten political_views, politics eller
#     ethnic_affinity, och inte heller något av de detaljerade målgruppsalternativ som Meta tog bort som
#     känsliga från den 19 januari 2022 (hälsa, ras eller etnicitet, politisk tillhörighet, religion, sexuell
#     läggning).
#   sources:
#     - seed: S14
#     - regulation: Meta removal of sensitive detailed-targeting options (19 January 2022)
#       note: Platform rules, which S14 requires the party to follow; no new ads from 19 Jan 2022, fully enforced 17 Mar 2022.
#       url: https://www.politico.com/news/2021/11/09/facebook-meta-ad-restrictions-520462
#   remediation:
#     en: Rebuild the targeting with the options Meta currently offers, and remove the legacy fields.
#     sv: Bygg om målgruppsstyrningen med de alternativ som Meta erbjuder i dag, och ta bort de föråldrade fälten.
#   messages:
#     legacy_field:
#       en: "The Meta targeting spec uses the field {field}, a legacy sensitive targeting field that Meta has removed."
#       sv: "Metas målgruppsspecifikation använder fältet {field}, ett föråldrat fält för känslig målgruppsstyrning som Meta har tagit bort."
#     removed_option:
#       en: "The Meta targeting spec uses the option {id}, which Meta removed in 2022 as a sensitive targeting option."
#       sv: "Metas målgruppsspecifikation använder alternativet {id}, som Meta tog bort 2022 som ett känsligt målgruppsalternativ."
#   non_waivable: false
#   effective_from: "2022-01-19"
deny contains finding if {
	some r in audiences.aud009(input.document)
	finding := _finding(r)
}

# METADATA
# title: Platform-flagged audience
# description: >-
#   Since 2 September 2025 Meta flags custom and lookalike audiences that suggest health conditions or
#   financial status (operation status 471). Such an audience must not be used.
# custom:
#   id: AUD-010
#   severity: block
#   title_sv: Målgrupp som flaggats av plattformen
#   description_sv: >-
#     Sedan den 2 september 2025 flaggar Meta anpassade målgrupper och lookalike-målgrupper som antyder
#     hälsotillstånd eller ekonomisk situation (driftstatus 471). En sådan målgrupp får inte användas.
#   sources:
#     - seed: S14
#     - regulation: Meta custom audience operation_status 471 (from 2 September 2025)
#       note: Meta flags custom audiences that suggest health conditions or financial status; the ad set shows WITH_ISSUES.
#       url: https://developers.facebook.com/docs/marketing-api/reference/custom-audience
#   remediation:
#     en: Replace the audience with one that does not suggest health conditions or financial status.
#     sv: Ersätt målgruppen med en som inte antyder hälsotillstånd eller ekonomisk situation.
#   messages:
#     flagged:
#       en: "Meta flags the custom audience {audience} with operation status {code}: it suggests health conditions or financial status."
#       sv: "Meta flaggar den anpassade målgruppen {audience} med driftstatus {code}: den antyder hälsotillstånd eller ekonomisk situation."
#     status_unknown:
#       en: "The Meta operation status of the custom audience {audience} is not recorded, so it cannot be cleared of Meta's flag 471."
#       sv: "Metas driftstatus för den anpassade målgruppen {audience} är inte registrerad, så det går inte att utesluta att Meta har flaggat den (471)."
#   non_waivable: false
#   effective_from: "2025-09-02"
deny contains finding if {
	some r in audiences.aud010(input.document)
	finding := _finding(r)
}

# METADATA
# title: Documented trade-off
# description: >-
#   Every targeting decision weighs effectiveness against integrity: the audience must say why each criterion
#   is needed and what it reveals, in more than a few words.
# custom:
#   id: AUD-011
#   severity: warn
#   title_sv: Dokumenterad avvägning
#   description_sv: >-
#     Varje beslut om målgruppsstyrning väger effektivitet mot integritet: målgruppen måste ange varför varje
#     kriterium behövs och vad det avslöjar, med mer än några få ord.
#   sources:
#     - seed: S00
#     - seed: P1
#     - regulation: GDPR Art. 5(2)
#       note: Accountability; the controller must be able to demonstrate compliance.
#   remediation:
#     en: Write why each criterion is needed and what it reveals about the people reached.
#     sv: Skriv varför varje kriterium behövs och vad det avslöjar om de personer som nås.
#   messages:
#     missing:
#       en: "The audience has no justification: write why each criterion is needed and what it reveals (at least {min} characters)."
#       sv: "Målgruppen saknar motivering: skriv varför varje kriterium behövs och vad det avslöjar (minst {min} tecken)."
#     too_short:
#       en: "The justification is {length} characters long, trivially short (at least {min}): say why each criterion is needed and what it reveals."
#       sv: "Motiveringen är {length} tecken lång, alltför kort (minst {min}): skriv varför varje kriterium behövs och vad det avslöjar."
#   non_waivable: false
#   effective_from: "2018-03-22"
warn contains finding if {
	some r in audiences.aud011(input.document)
	finding := _finding(r)
}

# METADATA
# title: Hyper-local microtargeting
# description: >-
#   A radius under the geographic minimum, or postal-code targeting, combined with interests or custom
#   audiences narrows an audience to a few households: people are then close to handled one by one.
# custom:
#   id: AUD-012
#   severity: warn
#   title_sv: Hyperlokal mikromålgruppsstyrning
#   description_sv: >-
#     En radie under den geografiska miniminivån, eller målgruppsstyrning på postnummer, i kombination med
#     intressen eller anpassade målgrupper smalnar av en målgrupp till några få hushåll: då hanteras personer
#     nästan en och en.
#   sources:
#     - seed: S13
#   remediation:
#     en: Widen the geography, or drop the interests and custom audiences from the hyper-local audience.
#     sv: Vidga geografin, eller ta bort intressena och de anpassade målgrupperna från den hyperlokala målgruppen.
#   messages:
#     small_radius:
#       en: "The audience targets {place} with a radius of {radius} km, under {min_radius} km, combined with interests or custom audiences."
#       sv: "Målgruppen riktar sig till {place} med en radie på {radius} km, under {min_radius} km, i kombination med intressen eller anpassade målgrupper."
#     postal_codes:
#       en: "The audience targets {count} postal codes combined with interests or custom audiences."
#       sv: "Målgruppen riktar sig till {count} postnummer i kombination med intressen eller anpassade målgrupper."
#   non_waivable: false
#   effective_from: "2018-03-22"
warn contains finding if {
	some r in audiences.aud012(input.document)
	finding := _finding(r)
}

# METADATA
# title: No audience built on banned data
# description: >-
#   A custom audience, an excluded custom audience or a lookalike must not rest on a data source that, at
#   any depth of its lineage, fails DAT-005 (quiz-app or app-developer data) or DAT-006 (psychographic or
#   personality data). A lookalike inherits its seed's data, and excluding people by such data uses it too.
# custom:
#   id: AUD-013
#   severity: block
#   title_sv: Ingen målgrupp byggd på förbjuden data
#   description_sv: >-
#     En anpassad målgrupp, en exkluderad anpassad målgrupp eller en lookalike-målgrupp får inte vila på en
#     datakälla som, hur långt bak i härledningen som helst, bryter mot DAT-005 (data från quizappar eller
#     apputvecklare) eller DAT-006 (psykografisk data eller personlighetsdata). En lookalike-målgrupp ärver
#     sin källmålgrupps data, och att exkludera personer med hjälp av sådan data är också att använda den.
#   sources:
#     - seed: S15
#   remediation:
#     en: Remove the audience, or the custom audience or lookalike that leads to the banned source, and rebuild it from clean sources.
#     sv: Ta bort målgruppen, eller den anpassade målgrupp eller lookalike-målgrupp som leder till den förbjudna källan, och bygg om den från tillåtna källor.
#   messages:
#     app_data:
#       en: >-
#         The audience is built on the data source {source} (chain: {chain}), which holds quiz-app or
#         app-developer data ({reason_rule}, at {field}).
#       sv: >-
#         Målgruppen bygger på datakällan {source} (kedja: {chain}), som innehåller data från quizappar eller
#         apputvecklare ({reason_rule}, vid {field}).
#     psychographic_data:
#       en: >-
#         The audience is built on the data source {source} (chain: {chain}), which holds personality or
#         psychographic data ({reason_rule}, at {field}).
#       sv: >-
#         Målgruppen bygger på datakällan {source} (kedja: {chain}), som innehåller personlighetsdata eller
#         psykografisk data ({reason_rule}, vid {field}).
#     app_data_unchecked:
#       en: >-
#         The audience is built on the data source {source} (chain: {chain}), which cannot be cleared of quiz-app
#         or app-developer data: {field} is missing or unknown, or names a document that was not checked
#         ({reason_rule}).
#       sv: >-
#         Målgruppen bygger på datakällan {source} (kedja: {chain}), och det går inte att utesluta att den
#         innehåller data från quizappar eller apputvecklare: {field} saknas eller är okänt, eller pekar på ett
#         dokument som inte har granskats ({reason_rule}).
#     psychographic_data_unchecked:
#       en: >-
#         The audience is built on the data source {source} (chain: {chain}), which cannot be cleared of
#         personality or psychographic data: {field} is missing or unknown ({reason_rule}).
#       sv: >-
#         Målgruppen bygger på datakällan {source} (kedja: {chain}), och det går inte att utesluta att den
#         innehåller personlighetsdata eller psykografisk data: {field} saknas eller är okänt ({reason_rule}).
#     unresolved:
#       en: >-
#         The audience refers to the data source {source} (chain: {chain}), which is not among the documents
#         checked, so it cannot be cleared of quiz-app or psychographic data.
#       sv: >-
#         Målgruppen hänvisar till datakällan {source} (kedja: {chain}), som inte finns bland de granskade
#         dokumenten, så det går inte att utesluta att den innehåller data från quizappar eller psykografisk data.
#   non_waivable: true
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in _aud013
}

# One message per inner rule and status; the inner reason's own key and field travel in the params.
_messages := {
	"DAT-005": {"fail": "app_data", "needs_review": "app_data_unchecked"},
	"DAT-006": {"fail": "psychographic_data", "needs_review": "psychographic_data_unchecked"},
}

_vendors := object.get(input, ["related", "vendor"], {})

_related_sources := object.get(input, ["related", "data_source"], {})

# Every route from this audience to a data source, at any depth: the engine has walked custom audiences,
# excluded custom audiences, lookalike origins and lineage, so an exclusion-only use is a route too.
_source_links contains link if {
	some link in object.get(input, "links", [])
	link.kind == "data_source"
}

_aud013 contains finding if {
	some link in _source_links
	ds := _related_sources[link.id]
	some reason in sources.banned(ds, _vendors)
	params := {
		"reason_rule": reason.rule,
		"reason": reason.message,
		"field": _dotted(reason.path),
	}
	finding := _route_finding(link, reason.status, _messages[reason.rule][reason.status], object.union(reason.params, params))
}

# A reference the run cannot follow is an unknown fact: never a pass.
_aud013 contains finding if {
	some link in object.get(input, "unresolved", [])
	link.kind == "data_source"
	finding := _route_finding(link, "needs_review", "unresolved", {})
}

# A link whose document the engine did not put into `related` (should not happen): the same unknown.
_aud013 contains finding if {
	some link in _source_links
	not facts.has_key(_related_sources, link.id)
	finding := _route_finding(link, "needs_review", "unresolved", {})
}

# A finding reached through the graph points at the route's start in this document and reports the route.
# A link without `via` or `chain` still yields its finding (at the document root): dropping it would pass.
_route_finding(link, status, message, params) := {
	"rule": "AUD-013",
	"status": status,
	"path": via,
	"trace": chain,
	"message": message,
	"params": object.union(params, {"source": link.id, "chain": concat(" → ", [sprintf("%v", [id]) | some id in chain])}),
} if {
	via := facts.value(link, "via", [])
	chain := facts.value(link, "chain", [link.id])
}

_dotted(path) := concat(".", [sprintf("%v", [key]) | some key in path])
