# Vendors: who the party may contract.
package ethiq.rules.vendor

import data.ethiq.lib.facts

# METADATA
# title: Cambridge Analytica and related entities, direct match
# description: >-
#   A vendor whose registry id, name, alias, trade name or domain matches Cambridge Analytica or a related
#   entity on the blocklist must not be contracted. A near match of a name, or a match of a blocklist entry
#   marked for review, needs a human check.
# custom:
#   id: VEN-001
#   severity: block
#   title_sv: Cambridge Analytica och närstående bolag, direkt träff
#   description_sv: >-
#     En leverantör vars registreringsnummer, namn, alias, handelsnamn eller domän stämmer med Cambridge
#     Analytica eller ett närstående bolag i spärrlistan får inte anlitas. En nära träff på ett namn, eller
#     en träff på en post i spärrlistan som är markerad för granskning, kräver en manuell kontroll.
#   sources:
#     - seed: S17
#   remediation:
#     en: Do not contract the vendor, and record the decision. For a review finding, check the vendor's identity and ownership and record the outcome.
#     sv: Anlita inte leverantören och dokumentera beslutet. Vid en granskningsträff, kontrollera leverantörens identitet och ägare och dokumentera resultatet.
#   messages:
#     blocked_registry_id:
#       en: "The registry id {value} belongs to {canonical} (blocklist entry {entry}): Cambridge Analytica or a related entity."
#       sv: "Registreringsnumret {value} tillhör {canonical} (post {entry} i spärrlistan): Cambridge Analytica eller ett närstående bolag."
#     blocked_name:
#       en: "The name {value} is a name of {canonical} (blocklist entry {entry}): Cambridge Analytica or a related entity."
#       sv: "Namnet {value} är ett namn på {canonical} (post {entry} i spärrlistan): Cambridge Analytica eller ett närstående bolag."
#     blocked_domain:
#       en: "The domain {value} belongs to {canonical} (blocklist entry {entry}): Cambridge Analytica or a related entity."
#       sv: "Domänen {value} tillhör {canonical} (post {entry} i spärrlistan): Cambridge Analytica eller ett närstående bolag."
#     review_registry_id:
#       en: "The registry id {value} belongs to {canonical} (blocklist entry {entry}), an entry that needs human review: check whether the vendor is that entity."
#       sv: "Registreringsnumret {value} tillhör {canonical} (post {entry} i spärrlistan), en post som kräver manuell granskning: kontrollera om leverantören är samma bolag."
#     review_domain:
#       en: "The domain {value} belongs to {canonical} (blocklist entry {entry}), an entry that needs human review: check whether the vendor is that entity."
#       sv: "Domänen {value} tillhör {canonical} (post {entry} i spärrlistan), en post som kräver manuell granskning: kontrollera om leverantören är samma bolag."
#     review_name:
#       en: "The name {value} matches {canonical} (blocklist entry {entry}), an entry that needs human review: check whether the vendor is that entity."
#       sv: "Namnet {value} stämmer med {canonical} (post {entry} i spärrlistan), en post som kräver manuell granskning: kontrollera om leverantören är samma bolag."
#     near_name:
#       en: "The name {value} nearly matches {canonical} (blocklist entry {entry}): check whether the vendor is that entity."
#       sv: "Namnet {value} liknar {canonical} (post {entry} i spärrlistan): kontrollera om leverantören är samma bolag."
#     name_unindexed:
#       en: "The name {value} was not normalised by the engine, so it cannot be checked against the blocklist."
#       sv: "Namnet {value} har inte normaliserats av motorn, så det går inte att jämföra med spärrlistan."
#   non_waivable: true
deny contains finding if {
	some finding in _ven001
}

# METADATA
# title: No psychographic profiling
# description: >-
#   A vendor must not offer psychographic profiling. A data, analytics, survey, consultancy or media vendor
#   that has not declared whether it does needs a human check.
# custom:
#   id: VEN-009
#   severity: block
#   title_sv: Ingen psykografisk profilering
#   description_sv: >-
#     En leverantör får inte erbjuda psykografisk profilering. En leverantör av data, analys,
#     undersökningspaneler, konsulttjänster eller medieköp som inte har uppgett om den gör det kräver en
#     manuell kontroll.
#   sources:
#     - seed: S15
#   remediation:
#     en: Exclude the vendor, or get a contractual exclusion of psychographic profiling and record the vendor's declaration.
#     sv: Välj bort leverantören, eller avtala bort psykografisk profilering och dokumentera leverantörens försäkran.
#   messages:
#     psychographic_profiling:
#       en: "The vendor declares that it offers psychographic profiling."
#       sv: "Leverantören uppger att den erbjuder psykografisk profilering."
#     profiling_unknown:
#       en: "The vendor has the roles {roles} but has not declared whether it does psychographic profiling."
#       sv: "Leverantören har rollerna {roles} men har inte uppgett om den utför psykografisk profilering."
#     profiling_and_roles_unknown:
#       en: "The vendor has declared neither its roles nor whether it does psychographic profiling."
#       sv: "Leverantören har varken angett sina roller eller uppgett om den utför psykografisk profilering."
#   non_waivable: false
deny contains finding if {
	some finding in _ven009
}

_hit(rule, status, path, message, params) := {
	"rule": rule,
	"status": status,
	"path": path,
	"message": message,
	"params": params,
}

# --- VEN-001 -------------------------------------------------------------------------------------------

# A fail settles the rule: review findings are reported only for a vendor nothing failed on.
_ven001 := fails if {
	fails := {h | some h in _ven001_hits; h.status == "fail"}
	count(fails) > 0
} else := _ven001_hits

# Every name-bearing string of the vendor with its path. The engine has normalised each one into
# input.names (NFKC, case fold, confusables, legal forms), so the rules compare normal forms only.
_names contains {"path": ["legal_name"], "value": name} if {
	name := input.document.legal_name
	is_string(name)
}

_names contains {"path": [field, i], "value": name} if {
	some field in ["aliases", "trade_names"]
	some i, name in _strings(field)
}

# Registry ids and domains as the index keys them (engine/names.py normalises the blocklist side the same
# way; Rego has no NFKC or punycode, so a fullwidth or IDNA-encoded id is the engine's to fold).
registry_key(id) := regex.replace(upper(id), `\s+`, "")

# Lower case; no scheme, path, query, fragment, user info, port, final dot or "www.".
domain_key(domain) := trim_prefix(trim_suffix(_without_port(_host(lower(trim_space(domain)))), "."), "www.")

_host(s) := _last(split(regex.split(`[/?#]`, _last(split(s, "://")))[0], "@"))

_without_port(host) := regex.replace(host, `:[0-9]+$`, "")

_last(parts) := parts[count(parts) - 1]

# An index table, or an empty one when the context has none (no blocklist means nothing to match).
_table(name) := table if {
	table := data.ethiq.index[name]
} else := {}

_canonical(entry) := name if {
	name := data.ethiq.context.blocklists.vendors[entry].canonical_name
} else := entry

# A near hit is an entry id, or an object naming one.
_entry_id(near) := near if is_string(near)

_entry_id(near) := near.id if is_object(near)

_entry_hit(status, path, message, value, entry) := _hit("VEN-001", status, path, message, {
	"value": value,
	"entry": entry,
	"canonical": _canonical(entry),
})

# Registry ids and domains of entries marked `match_policy: review` go to review; the others fail.
_match_policies := [
	{
		"status": "fail",
		"registry_ids": "blocked_registry_ids", "registry_message": "blocked_registry_id",
		"domains": "blocked_domains", "domain_message": "blocked_domain",
	},
	{
		"status": "needs_review",
		"registry_ids": "review_registry_ids", "registry_message": "review_registry_id",
		"domains": "review_domains", "domain_message": "review_domain",
	},
]

_ven001_hits contains hit if {
	some policy in _match_policies
	some i, id in _strings("registry_ids")
	entry := _table(policy.registry_ids)[registry_key(id)]
	hit := _entry_hit(policy.status, ["registry_ids", i], policy.registry_message, id, entry)
}

_ven001_hits contains hit if {
	some policy in _match_policies
	some i, domain in _strings("domains")
	some entry in _domain_entries(policy.domains, domain_key(domain))
	hit := _entry_hit(policy.status, ["domains", i], policy.domain_message, domain, entry)
}

_ven001_hits contains hit if {
	some name in _names
	entry := _table("blocked_names")[input.names[name.value].norm]
	hit := _entry_hit("fail", name.path, "blocked_name", name.value, entry)
}

# A name whose normal form is an entry marked `match_policy: review` (e.g. a single-source successor).
_ven001_hits contains hit if {
	some name in _names
	not _table("blocked_names")[input.names[name.value].norm]
	entry := _table("review_names")[input.names[name.value].norm]
	hit := _entry_hit("needs_review", name.path, "review_name", name.value, entry)
}

# Similar is not the same ("Cambridge Analytics Nordic AB"): a near hit is never a fail on its own.
_ven001_hits contains hit if {
	some name in _names
	not _exact_name(name.value)
	some near in input.names[name.value].near.vendors
	entry := _entry_id(near)
	hit := _entry_hit("needs_review", name.path, "near_name", name.value, entry)
}

# The engine indexes every name; a name it missed is unchecked, which must not read as clean.
_ven001_hits contains hit if {
	some name in _names
	not _indexed(name.value)
	hit := _hit("VEN-001", "needs_review", name.path, "name_unindexed", {"value": name.value})
}

_exact_name(value) if _table("blocked_names")[input.names[value].norm]

_exact_name(value) if _table("review_names")[input.names[value].norm]

_indexed(value) if is_string(input.names[value].norm)

# The strings of a list field, by index.
_strings(field) := {i: v |
	values := facts.value(input.document, field, [])
	is_array(values)
	some i, v in values
	is_string(v)
}

# The entry of the domain itself or of any parent domain: a subdomain is run by the same registrant.
_domain_entries(table, key) := {entry |
	some blocked, entry in _table(table)
	_same_or_subdomain(key, blocked)
}

_same_or_subdomain(key, blocked) if key == blocked

_same_or_subdomain(key, blocked) if endswith(key, concat("", [".", blocked]))

# --- VEN-009 -------------------------------------------------------------------------------------------

_profiling := ["services_declared", "psychographic_profiling"]

# Roles whose business is data about people: an undeclared profiling service is plausible for them.
data_roles := {"data_analytics", "data_broker", "dmp", "cdp", "survey_panel", "consultancy", "media_agency"}

_ven009 contains hit if {
	facts.is_true(input.document, _profiling)
	hit := _hit("VEN-009", "fail", _profiling, "psychographic_profiling", {})
}

_ven009 contains hit if {
	facts.is_unknown(input.document, _profiling)
	roles := facts.value(input.document, "roles", [])
	is_array(roles)
	matched := {role | some role in roles; role in data_roles}
	count(matched) > 0
	hit := _hit("VEN-009", "needs_review", _profiling, "profiling_unknown", {"roles": concat(", ", sort(matched))})
}

_ven009 contains hit if {
	facts.is_unknown(input.document, _profiling)
	facts.is_unknown(input.document, "roles")
	hit := _hit("VEN-009", "needs_review", _profiling, "profiling_and_roles_unknown", {})
}
