# Rules that judge every kind of document.
package ethiq.rules.all

# METADATA
# title: References name documents of the run
# description: >-
#   A reference (vendor_id, lineage.derived_from, a custom audience's data_source_ids, audience_ids, ...)
#   that names no document of the run cannot be checked. The rules that depend on what it names give their
#   own blocking needs_review; this rule makes every unresolved reference visible, so none passes silently.
# custom:
#   id: REF-001
#   severity: warn
#   title_sv: Referenser pekar på dokument i körningen
#   description_sv: >-
#     En referens (vendor_id, lineage.derived_from, en anpassad målgrupps data_source_ids, audience_ids ...)
#     som inte pekar på något dokument i körningen kan inte kontrolleras. Reglerna som beror på det den
#     pekar på ger själva ett blockerande needs_review; den här regeln gör varje olöst referens synlig, så
#     att ingen passerar i tysthet.
#   sources:
#     - seed: S00
#     - regulation: GDPR Art. 5(2)
#       note: "Accountability: the controller must be able to show where data and services come from."
#   remediation:
#     en: Add the referenced document to the checked paths, or correct the id.
#     sv: Lägg till det refererade dokumentet bland de kontrollerade sökvägarna, eller rätta id:t.
#   messages:
#     default:
#       en: "The reference to the {target_kind} {target} does not resolve: no such document is in the run."
#       sv: "Referensen till {target_kind} {target} går inte att lösa upp: inget sådant dokument finns i körningen."
#   effective_from: "2018-03-22"
warn contains finding if {
	some ref in input.unresolved
	count(ref.chain) == 2 # a reference of this document; deeper ones are reported on the document that holds them
	finding := {
		"rule": "REF-001",
		"status": "needs_review",
		"path": ref.via,
		"params": {"target_kind": ref.kind, "target": ref.id},
		"trace": ref.chain,
	}
}
