# Rules on the platforms' own JSON, for every kind that carries it (audiences, ads). The tests live in
# ethiq.lib.native; `input.derived.native` is the engine's reading of the native JSON.
#
# NAT is a family of its own, as REF is: the catalog numbers rules per kind, and these two judge whatever
# kind holds native JSON, the same way for each.
package ethiq.rules.all

import data.ethiq.lib.native

_native := object.get(input, ["derived", "native"], {})

# METADATA
# title: The hand-written projection matches the native spec
# description: >-
#   A document that carries the platform's own JSON is judged on what that JSON says. A normalized projection
#   (or a platform field) written by hand beside it must say the same: a criterion, a value or an audience it
#   leaves out, adds or changes would let the checked copy drift from what is uploaded, and a gate that
#   trusts such a copy lets through what it should stop.
# custom:
#   id: NAT-001
#   severity: block
#   title_sv: Den handskrivna projektionen stämmer med plattformens specifikation
#   description_sv: >-
#     Ett dokument som innehåller plattformens egen JSON bedöms utifrån vad den JSON:en säger. En normaliserad
#     projektion (eller ett plattformsfält) som skrivits för hand bredvid den måste säga samma sak: ett
#     kriterium, ett värde eller en målgrupp som den utelämnar, lägger till eller ändrar gör att den granskade
#     kopian kan glida isär från det som laddas upp, och en kontroll som litar på en sådan kopia släpper igenom
#     det den borde stoppa.
#   sources:
#     - seed: S14
#     - regulation: GDPR Art. 5(2)
#       note: "Accountability: the controller must be able to demonstrate what targeting it used."
#     - regulation: TTPA Art. 19(1)(b)
#       note: Reg. (EU) 2024/900 requires records of the targeting techniques and parameters actually used.
#   verification: "TTPA Art. 19(1)(b): the substance is from secondary sources [S]; the point letter is from memory [M]."
#   remediation:
#     en: Remove the hand-written normalized (ethiq derives it from the native spec), or make it say exactly what the native spec says.
#     sv: Ta bort den handskrivna normalized (ethiq härleder den från plattformens specifikation), eller se till att den säger exakt det som specifikationen säger.
#   messages:
#     missing:
#       en: "The native {platform} spec sets {native} (derived as {view}), which the hand-written normalized leaves out."
#       sv: "Plattformens specifikation ({platform}) anger {native} (härlett som {view}), som den handskrivna normalized utelämnar."
#     extra:
#       en: "The hand-written {declared} states something the native {platform} spec does not have."
#       sv: "Den handskrivna {declared} anger något som plattformens specifikation ({platform}) inte innehåller."
#     different:
#       en: "The hand-written {declared} differs from what the native {platform} spec sets at {native}."
#       sv: "Den handskrivna {declared} skiljer sig från det som plattformens specifikation ({platform}) anger vid {native}."
#   non_waivable: false
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in native.mismatch_reasons(_native)
}

# METADATA
# title: Every native key is understood
# description: >-
#   A key, value or criterion type in the platform's own JSON that ethiq does not understand may be targeting:
#   an option added after ethiq was written, a misspelt field, or a construct it does not expand. It is never
#   skipped; a person must check what it does.
# custom:
#   id: NAT-002
#   severity: block
#   title_sv: Varje fält i plattformens specifikation förstås
#   description_sv: >-
#     Ett fält, ett värde eller en kriterietyp i plattformens egen JSON som ethiq inte förstår kan vara
#     målgruppsstyrning: ett alternativ som tillkommit efter att ethiq skrevs, ett felstavat fält eller en
#     konstruktion som ethiq inte bryter ned. Det hoppas aldrig över; en person måste kontrollera vad det gör.
#   sources:
#     - seed: S14
#     - seed: S00
#   remediation:
#     en: Check what the key does on the platform. Remove it, or rewrite the targeting with the keys ethiq reads (docs/documents.md, Platform adapters).
#     sv: Kontrollera vad fältet gör hos plattformen. Ta bort det, eller skriv om målgruppsstyrningen med de fält som ethiq läser (docs/documents.md, Platform adapters).
#   messages:
#     unknown_key:
#       en: "The {platform} JSON has the key {key} at {native}, which ethiq does not know: it may be targeting."
#       sv: "JSON:en för {platform} har fältet {key} vid {native}, som ethiq inte känner till: det kan vara målgruppsstyrning."
#     unknown_value:
#       en: "The {platform} JSON has the value {key} at {native}, which ethiq does not know."
#       sv: "JSON:en för {platform} har värdet {key} vid {native}, som ethiq inte känner till."
#     unreadable:
#       en: "The {platform} JSON at {native} ({key}) has a value of the wrong type or range, or one that contradicts another, so it cannot be read."
#       sv: "JSON:en för {platform} vid {native} ({key}) har ett värde av fel typ eller storlek, eller ett som motsäger ett annat, så det går inte att läsa."
#     unsupported:
#       en: "The {platform} JSON uses {key} at {native}, which ethiq does not expand, so whom it reaches is not known."
#       sv: "JSON:en för {platform} använder {key} vid {native}, som ethiq inte bryter ned, så det är okänt vilka den når."
#     no_adapter:
#       en: "ethiq has no adapter for {platform}, so the native JSON at {native} cannot be read."
#       sv: "ethiq har ingen adapter för {platform}, så den plattformsspecifika JSON:en vid {native} går inte att läsa."
#   non_waivable: false
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in native.unknown_reasons(_native)
}
