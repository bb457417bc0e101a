# Audiences (targeting configurations): what an audience may be built on.
package ethiq.rules.audience

import data.ethiq.lib.facts
import data.ethiq.lib.sources

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
