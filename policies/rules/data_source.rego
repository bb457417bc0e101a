# Data sources: what a source may hold, whatever audience it later feeds (seed S15).
# The test itself lives in ethiq.lib.sources, so that audiences judge their sources by the same rule.
package ethiq.rules.data_source

import data.ethiq.lib.sources

# METADATA
# title: No quiz-app or app-developer data
# description: >-
#   A data source must not hold data collected through a quiz app, a personality test or a social-login
#   app, data whose declared origin is a quiz app or an app developer, data tied to a platform app id, or
#   data supplied or collected by a vendor that develops apps. The collection method decides, whatever
#   origin is declared.
# custom:
#   id: DAT-005
#   severity: block
#   title_sv: Ingen data från quizappar eller apputvecklare
#   description_sv: >-
#     En datakälla får inte innehålla data som samlats in via en quizapp, ett personlighetstest eller en
#     app med social inloggning, data vars angivna ursprung är en quizapp eller en apputvecklare, data som
#     är knuten till ett app-id på en plattform eller data som levererats eller samlats in av en leverantör
#     som utvecklar appar.
#     Insamlingsmetoden avgör, oavsett vilket ursprung som anges.
#   sources:
#     - seed: S15
#   remediation:
#     en: Stop using the source, delete it and every audience or source derived from it, and rebuild from data the party collected itself without an app.
#     sv: Sluta använda källan, radera den och alla målgrupper och källor som härletts ur den, och bygg om med data som partiet självt har samlat in utan app.
#   messages:
#     app_method:
#       en: "The data was collected with the method {method}: quiz, personality-test and social-login apps are banned data sources."
#       sv: "Datan samlades in med metoden {method}: quizappar, personlighetstester och appar med social inloggning är förbjudna datakällor."
#     app_origin:
#       en: "The declared origin of the data is {origin}: data from quiz apps and app developers is banned."
#       sv: "Datans angivna ursprung är {origin}: data från quizappar och apputvecklare är förbjuden."
#     platform_app:
#       en: "The data is tied to the platform app {app_id}: data collected through apps on a platform is banned."
#       sv: "Datan är knuten till plattformsappen {app_id}: data som samlats in via appar på en plattform är förbjuden."
#     app_developer_vendor:
#       en: "The data comes from the vendor {vendor}, which is an app developer: data bought from app developers is banned."
#       sv: "Datan kommer från leverantören {vendor}, som är en apputvecklare: data som köps in från apputvecklare är förbjuden."
#     method_unknown:
#       en: "The collection method is missing or unknown, so the source cannot be cleared of quiz-app or app data."
#       sv: "Insamlingsmetoden saknas eller är okänd, så det går inte att utesluta att källan innehåller data från quizappar eller andra appar."
#     platform_app_unknown:
#       en: "Whether the data came through a platform app is declared unknown, so the source cannot be cleared of app data."
#       sv: "Det är angivet som okänt om datan kom via en plattformsapp, så det går inte att utesluta att källan innehåller appdata."
#     vendor_unknown:
#       en: "The vendor that supplied or collected the data is declared unknown, so it cannot be cleared of being an app developer."
#       sv: "Leverantören som levererade eller samlade in datan är angiven som okänd, så det går inte att utesluta att den är en apputvecklare."
#     vendor_missing:
#       en: "The vendor {vendor} is not among the documents checked, so it cannot be cleared of being an app developer."
#       sv: "Leverantören {vendor} finns inte bland de granskade dokumenten, så det går inte att utesluta att den är en apputvecklare."
#     vendor_roles_unknown:
#       en: "The roles of the vendor {vendor} are missing or unknown, so it cannot be cleared of being an app developer."
#       sv: "Leverantören {vendor} saknar angivna roller, så det går inte att utesluta att den är en apputvecklare."
#   non_waivable: true
deny contains finding if {
	some finding in _reasons("DAT-005")
}

# METADATA
# title: No psychographic or personality data
# description: >-
#   A data source must not hold personality or psychographic data, such as OCEAN scores, nor segments
#   built as psychographic segments. That is the data psychographic targeting runs on. Segments are judged
#   by their type, never by their display name.
# custom:
#   id: DAT-006
#   severity: block
#   title_sv: Ingen psykografisk data eller personlighetsdata
#   description_sv: >-
#     En datakälla får inte innehålla personlighetsdata eller psykografisk data, till exempel OCEAN-poäng,
#     och inte heller segment som byggts som psykografiska segment. Det är sådan data som psykografisk
#     targeting bygger på. Segment bedöms efter sin typ, aldrig efter sitt visningsnamn.
#   sources:
#     - seed: S15
#     - regulation: GDPR Art. 9(1)
#       note: Personality profiles built to predict political behaviour can reveal political opinions, a special category.
#     - regulation: TTPA Art. 18(1)(c)
#       note: Reg. (EU) 2024/900 bans profiling with special categories of personal data for political advertising.
#   verification: "TTPA Art. 18(1)(c): the substance is from secondary sources [S]; the wording and point letter are from memory [M]."
#   remediation:
#     en: Remove the personality or psychographic categories and segments from the source and delete the stored scores.
#     sv: Ta bort personlighetskategorierna och de psykografiska segmenten ur källan och radera de lagrade poängen.
#   messages:
#     psychographic_category:
#       en: "The data categories include {category}: personality or psychographic data."
#       sv: "Datakategorierna innehåller {category}: personlighetsdata eller psykografisk data."
#     psychographic_segment:
#       en: "The segment {segment} is a psychographic segment."
#       sv: "Segmentet {segment} är ett psykografiskt segment."
#     categories_unknown:
#       en: "The data categories are missing or unknown, so the source cannot be cleared of personality or psychographic data."
#       sv: "Datakategorierna saknas eller är okända, så det går inte att utesluta att källan innehåller personlighetsdata eller psykografisk data."
#   non_waivable: true
deny contains finding if {
	some finding in _reasons("DAT-006")
}

# The reasons of one rule: each METADATA block above annotates the rule that emits its own id.
_reasons(rule_id) := {r |
	some r in sources.banned(input.document, object.get(input, ["related", "vendor"], {}))
	r.rule == rule_id
}
