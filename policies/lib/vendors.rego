# The vendor tests (rules VEN-001 to VEN-012), as functions over a vendor document, so that every kind that
# relies on a vendor (a campaign's gate CMP-004, a data source's lineage DAT-007) judges it by the same rule.
#
# Every function returns a set of reasons, each
#   {"rule": "VEN-0xx", "status": "fail" | "needs_review", "path": [...], "message": key, "params": {...}}
# where `path` points into the vendor document. A reason reached through another vendor (VEN-002 through a
# sub-processor or an owner's vendor document) also carries `trace`: the vendor ids along the route.
#
# Entry points (keep their signatures: other kinds call them):
#   ca_reasons(vendor, vendors)    VEN-001 and VEN-002: Cambridge Analytica, directly or through the chain.
#                                  `vendors` maps vendor id -> vendor document (input.related.vendor).
#   block_reasons(vendor, related) every reason of every block-severity vendor rule (related = input.related).
#   warn_reasons(vendor)           the reasons of the warn-severity parts (VEN-003, VEN-006's overdue seal).
#
# Names are compared in the normal form the engine puts in input.names (for the judged document and every
# related one) against the tables in data.ethiq.index; dates come from the documents and input.as_of.
package ethiq.lib.vendors

import data.ethiq.lib.facts

ca_reasons(vendor, vendors) := ven001(vendor) | ven002(vendor, vendors)

block_reasons(vendor, related) := union({
	ca_reasons(vendor, _vendors(related)),
	ven004(vendor),
	ven005(vendor),
	ven006(vendor),
	ven007(vendor),
	ven008(vendor),
	ven009(vendor),
	ven010(vendor),
	ven011(vendor),
	ven012(vendor),
})

warn_reasons(vendor) := ven003(vendor) | ven006_warn(vendor)

_vendors(related) := vendors if {
	vendors := facts.value(related, "vendor", {})
	is_object(vendors)
} else := {}

# --- shared helpers ------------------------------------------------------------------------------------

reason(rule, status, path, message, params) := {
	"rule": rule,
	"status": status,
	"path": path,
	"message": message,
	"params": params,
}

# A fail settles a rule: its "cannot check" reasons are reported only when nothing failed, so a reviewer is
# not asked to clear what is already blocked.
settle(reasons) := fails if {
	fails := {r | some r in reasons; r.status == "fail"}
	count(fails) > 0
} else := reasons

# The array at `key`, or an empty one (a missing list has nothing to match; rules that need the list check
# for it being unknown separately).
_list(obj, key) := v if {
	v := facts.value(obj, key, [])
	is_array(v)
} else := []

# The roles a vendor declares, or undefined when they are unknown.
_roles(vendor) := {role | some role in _list(vendor, "roles")} if facts.is_known(vendor, "roles")

_roles_unknown(vendor) if facts.is_unknown(vendor, "roles")

_roles_unknown(vendor) if not is_array(facts.value(vendor, "roles", []))

_roles_text(roles) := concat(", ", sort([r | some r in roles]))

# The roles of `vendor` in `scope`, or undefined when none is.
_roles_in(vendor, scope) := matched if {
	matched := _roles(vendor) & scope
	count(matched) > 0
}

_dotted(path) := concat(".", [sprintf("%v", [key]) | some key in path])

# --- VEN-001: Cambridge Analytica and related entities, direct match ------------------------------------

ven001(vendor) := settle(_identity_hits("VEN-001", vendor, []))

# An index table, or an empty one when the context has none (no blocklist means nothing to match).
_table(name) := table if {
	table := data.ethiq.index[name]
} else := {}

_canonical(entry) := name if {
	name := data.ethiq.context.blocklists.vendors[entry].canonical_name
} else := entry

# Registry ids and domains as the index keys them (engine/names.py normalises the blocklist side the same
# way; Rego has no NFKC or punycode, so a fullwidth or IDNA-encoded id is the engine's to fold).
registry_key(id) := regex.replace(upper(id), `\s+`, "")

# Lower case; no scheme, path, query, fragment, user info, port, final dot or "www.".
domain_key(domain) := trim_prefix(trim_suffix(_without_port(_host(lower(trim_space(domain)))), "."), "www.")

_host(s) := _last(split(regex.split(`[/?#]`, _last(split(s, "://")))[0], "@"))

_without_port(host) := regex.replace(host, `:[0-9]+$`, "")

_last(parts) := parts[count(parts) - 1]

# A near hit is an entry id, or an object naming one.
_entry_id(near) := near if is_string(near)

_entry_id(near) := near.id if is_object(near)

_entry_hit(rule, status, path, message, value, entry) := reason(rule, status, path, message, {
	"value": value,
	"entry": entry,
	"canonical": _canonical(entry),
})

# Every match of a vendor or of an entity in its chain, with paths below `prefix`. A vendor has
# `registry_ids`, an entity `registry_id`; both may have names and domains.
_identity_hits(rule, subject, prefix) := union({
	_name_hits(rule, subject, prefix),
	_registry_hits(rule, subject, prefix),
	_domain_hits(rule, subject, prefix),
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

_registry_refs(subject) := {{"path": ["registry_ids", i], "value": id} |
	some i, id in _list(subject, "registry_ids")
	is_string(id)
} | {{"path": ["registry_id"], "value": id} |
	id := facts.value(subject, "registry_id", null)
	is_string(id)
}

_registry_hits(rule, subject, prefix) := {hit |
	some policy in _match_policies
	some ref in _registry_refs(subject)
	entry := _table(policy.registry_ids)[registry_key(ref.value)]
	hit := _entry_hit(rule, policy.status, array.concat(prefix, ref.path), policy.registry_message, ref.value, entry)
}

_domain_hits(rule, subject, prefix) := {hit |
	some policy in _match_policies
	some i, domain in _list(subject, "domains")
	is_string(domain)
	some entry in _domain_entries(policy.domains, domain_key(domain))
	hit := _entry_hit(rule, policy.status, array.concat(prefix, ["domains", i]), policy.domain_message, domain, entry)
}

# The entry of the domain itself or of any parent domain: a subdomain is run by the same registrant.
_domain_entries(table, key) := {entry |
	some blocked, entry in _table(table)
	_same_or_subdomain(key, blocked)
}

_same_or_subdomain(key, blocked) if key == blocked

_same_or_subdomain(key, blocked) if endswith(key, concat("", [".", blocked]))

# Every name-bearing string with its path. The engine has normalised each one into input.names (NFKC, case
# fold, confusables, legal forms), so the rules compare normal forms only.
_name_refs(subject) := {{"path": ["legal_name"], "value": name} |
	name := facts.value(subject, "legal_name", null)
	is_string(name)
} | {{"path": [field, i], "value": name} |
	some field in ["aliases", "trade_names"]
	some i, name in _list(subject, field)
	is_string(name)
}

_norm(value) := input.names[value].norm

_name_hits(rule, subject, prefix) := {hit |
	some ref in _name_refs(subject)
	some hit in _one_name_hits(rule, ref.value, array.concat(prefix, ref.path))
}

_one_name_hits(rule, value, path) := {hit |
	entry := _table("blocked_names")[_norm(value)]
	hit := _entry_hit(rule, "fail", path, "blocked_name", value, entry)
} | {hit |
	# A name whose normal form is an entry marked `match_policy: review` (e.g. a single-source successor).
	not _table("blocked_names")[_norm(value)]
	entry := _table("review_names")[_norm(value)]
	hit := _entry_hit(rule, "needs_review", path, "review_name", value, entry)
} | {hit |
	# Similar is not the same ("Cambridge Analytics Nordic AB"): a near hit is never a fail on its own.
	not _exact_name(value)
	some near in _near(value, "vendors")
	hit := _entry_hit(rule, "needs_review", path, "near_name", value, _entry_id(near))
} | {hit |
	# The engine indexes every name; a name it missed is unchecked, which must not read as clean.
	not _indexed(value)
	hit := reason(rule, "needs_review", path, "name_unindexed", {"value": value})
}

_near(value, list) := near if {
	near := input.names[value].near[list]
	is_array(near)
} else := []

_exact_name(value) if _table("blocked_names")[_norm(value)]

_exact_name(value) if _table("review_names")[_norm(value)]

_indexed(value) if is_string(_norm(value))

# --- VEN-002: Cambridge Analytica through the corporate chain -------------------------------------------

ven002(vendor, vendors) := settle(_chain_hits(vendor) | _linked_hits(vendor, vendors))

_entity_fields := ["parent_chain", "predecessors", "successors"]

# Owners, the ultimate owner, predecessors and successors, each with its path in the vendor.
_entities(vendor) := {{"path": [field, i], "entity": entity} |
	some field in _entity_fields
	some i, entity in _list(vendor, field)
} | {{"path": ["ultimate_parent"], "entity": entity} |
	entity := facts.value(vendor, "ultimate_parent", null)
	entity != null
}

# The VEN-001 matcher on every entity of the vendor's own chain (one vendor, no recursion).
_chain_hits(vendor) := {hit |
	some item in _entities(vendor)
	some hit in _entity_hits(item.path, item.entity)
}

_entity_hits(path, entity) := {_with_at(hit, path) | some hit in _identity_hits("VEN-002", entity, path)} if {
	_identified(entity)
} else := {reason("VEN-002", "needs_review", path, "entity_unidentified", {"at": _dotted(path)})}

_with_at(hit, path) := object.union(hit, {"params": object.union(hit.params, {"at": _dotted(path)})})

# An entity is identified by a name, a registry id, a domain, or the vendor document describing it. One with
# none of them is an owner or predecessor nobody can check: that is unknown, not clean.
_identified(entity) if facts.is_set_string(entity, "legal_name")

_identified(entity) if facts.is_set_string(entity, "registry_id")

_identified(entity) if facts.is_set_string(entity, "vendor_id")

_identified(entity) if {
	some field in ["aliases", "domains"]
	some value in _list(entity, field)
	is_string(value)
}

# The vendors a vendor points to: its sub-processors and the vendor documents of its chain's entities.
_refs(vendor) := {{"path": ["sub_processor_ids", i], "id": id} |
	some i, id in _list(vendor, "sub_processor_ids")
	is_string(id)
	id != ""
} | {{"path": array.concat(item.path, ["vendor_id"]), "id": id} |
	some item in _entities(vendor)
	facts.is_set_string(item.entity, "vendor_id")
	id := item.entity.vendor_id
}

_self(vendor) := facts.value(vendor, "id", "")

# The vendor document of an id: the judged vendor itself, one in `vendors`, or nothing (missing).
_doc(id, vendor, _) := vendor if id == _self(vendor)

_doc(id, vendor, vendors) := vendors[id] if {
	id != _self(vendor)
	is_object(vendors)
	is_object(vendors[id])
}

# Vendor id -> the ids it points to, over every vendor reachable from `vendor`. Ids missing from `vendors`
# are nodes without edges, so reachability still reaches them and they are reported as missing.
_graph(vendor, vendors) := {id: sort([ref.id | some ref in _refs(_doc_or_empty(id, vendor, vendors))]) |
	some id in _graph_ids(vendor, vendors)
}

_graph_ids(vendor, vendors) := ({_self(vendor)} | {r.id | some r in _refs(vendor)}) | {id |
	is_object(vendors)
	some doc in vendors
	some r in _refs(doc)
	id := r.id
} | {id |
	is_object(vendors)
	some id, _ in vendors
}

_doc_or_empty(id, vendor, vendors) := doc if {
	doc := _doc(id, vendor, vendors)
} else := {}

# graph.reachable and graph.reachable_paths stop at a node already visited, so a cycle of sub-processors
# (A -> B -> A) terminates; the vendor itself is judged by VEN-001 and the chain rules, not again here.
_linked_hits(vendor, vendors) := {hit |
	g := _graph(vendor, vendors)
	some ref in _refs(vendor)
	paths := graph.reachable_paths(g, [ref.id])
	some target in graph.reachable(g, [ref.id])
	target != _self(vendor)
	trace := array.concat([_self(vendor)], _route(paths, target))
	some hit in _target_hits(ref.path, target, trace, vendors)
}

# The shortest route (then the first in sort order) from the reference to `target`.
_route(paths, target) := min({r | some r in routes; count(r) == shortest}) if {
	routes := {array.slice(p, 0, i + 1) | some p in paths; some i, id in p; id == target}
	shortest := min({count(r) | some r in routes})
}

_trace_text(trace) := concat(" → ", [sprintf("%v", [id]) | some id in trace])

_target_hits(path, target, trace, vendors) := {hit |
	some direct in ven001(vendors[target]) | _chain_hits(vendors[target])
	hit := _linked_hit(path, target, trace, direct)
} if {
	is_object(vendors)
	is_object(vendors[target])
} else := {object.union(
	reason("VEN-002", "needs_review", path, "linked_missing", {"vendor": target, "chain": _trace_text(trace)}),
	{"trace": trace},
)}

_linked_hit(path, target, trace, direct) := object.union(reason("VEN-002", direct.status, path, _linked_message(direct), {
	"vendor": target,
	"chain": _trace_text(trace),
	"at": _dotted(direct.path),
	"value": object.get(direct.params, "value", ""),
	"entry": object.get(direct.params, "entry", ""),
	"canonical": object.get(direct.params, "canonical", ""),
}), {"trace": trace})

_linked_message(direct) := "linked_blocked" if {
	direct.status == "fail"
} else := "linked_review" if {
	_ = direct.params.entry
} else := "linked_unchecked"

# --- VEN-003: key people overlap (review only) ---------------------------------------------------------

ven003(vendor) := {hit |
	some i, person in _list(vendor, "key_people")
	name := facts.value(person, "name", null)
	is_string(name)
	some hit in _person_hits(name, ["key_people", i, "name"])
}

_person_canonical(id) := name if {
	name := data.ethiq.context.blocklists.people[id].name
} else := id

_person_hit(path, message, value, person) := reason("VEN-003", "needs_review", path, message, {
	"value": value,
	"person": person,
	"canonical": _person_canonical(person),
})

# Names collide (David Wilkinson is a common name), so even an exact hit is only a question for a human.
_person_hits(value, path) := {hit |
	person := _table("people_names")[_norm(value)]
	hit := _person_hit(path, "person_match", value, person)
} | {hit |
	not _table("people_names")[_norm(value)]
	some near in _near(value, "people")
	hit := _person_hit(path, "person_near", value, _entry_id(near))
} | {hit |
	not _indexed(value)
	hit := reason("VEN-003", "needs_review", path, "name_unindexed", {"value": value})
}

# --- VEN-004: signed non-use of Cambridge Analytica's services ------------------------------------------

# Vendors that buy media or handle data for the party: the ones through which CA's services would come.
ca_attestation_roles := {
	"media_agency", "ad_network", "dsp", "ssp", "dmp", "cdp",
	"data_broker", "data_analytics", "consultancy", "survey_panel",
}

_attestation := ["attestations", "no_cambridge_analytica_services"]

_signed := array.concat(_attestation, ["signed"])

ven004(vendor) := settle(_ven004_in_scope(vendor)) if {
	_roles_in(vendor, ca_attestation_roles)
} else := _ven004_roles_unknown(vendor) if {
	_roles_unknown(vendor)
} else := set()

_ven004_in_scope(vendor) := {hit |
	facts.is_false(vendor, _signed)
	hit := reason("VEN-004", "fail", _signed, "not_signed", {"roles": _roles_text(_roles_in(vendor, ca_attestation_roles))})
} | {hit |
	facts.is_unknown(vendor, _signed)
	hit := reason("VEN-004", "needs_review", _signed, "signed_unknown", {"roles": _roles_text(_roles_in(vendor, ca_attestation_roles))})
} | {hit |
	facts.is_true(vendor, _signed)
	not _has_attestation_evidence(vendor)
	hit := reason("VEN-004", "fail", ["evidence"], "no_evidence", {})
}

# Whether the vendor must attest cannot be told; an attestation on file settles it either way.
_ven004_roles_unknown(vendor) := {hit |
	not _attested(vendor)
	hit := reason("VEN-004", "needs_review", ["roles"], "roles_unknown", {})
}

_attested(vendor) if {
	facts.is_true(vendor, _signed)
	_has_attestation_evidence(vendor)
}

_has_attestation_evidence(vendor) if {
	some item in _list(vendor, "evidence")
	facts.value(item, "type", null) == "attestation"
	facts.is_set_string(item, "ref")
}

# --- VEN-005: EDAA programme participation -------------------------------------------------------------

# Roles that run or feed online behavioural advertising: the EDAA / IAB Europe OBA programme's scope.
oba_roles := {"ad_network", "dsp", "ssp", "dmp", "cdp", "data_broker", "data_analytics"}

edaa_participating := {"joined", "self_certified", "trust_seal"}

edaa_not_participating := {"none", "withdrawn"}

_edaa_status := ["edaa", "status"]

_programmatic := ["services_declared", "programmatic_buying"]

# The status as the rules read it: a participating or non-participating stage, or "unknown".
_status(vendor) := s if {
	s := facts.value(vendor, _edaa_status, null)
	s in (edaa_participating | edaa_not_participating)
} else := "unknown"

# In scope: an OBA role, or a media agency that buys programmatic media.
_oba_scope(vendor) := roles if {
	roles := _roles_in(vendor, oba_roles)
} else := {"media_agency"} if {
	"media_agency" in _roles(vendor)
	facts.is_true(vendor, _programmatic)
}

ven005(vendor) := set() if {
	_status(vendor) in edaa_participating
} else := _ven005_in_scope(vendor, _oba_scope(vendor)) if {
	_oba_scope(vendor)
} else := {reason("VEN-005", "needs_review", ["roles"], "roles_unknown", {"status": _status(vendor)})} if {
	_roles_unknown(vendor)
} else := {reason("VEN-005", "needs_review", _programmatic, "programmatic_unknown", {"status": _status(vendor)})} if {
	"media_agency" in _roles(vendor)
	facts.is_unknown(vendor, _programmatic)
} else := set()

_ven005_in_scope(vendor, roles) := {reason("VEN-005", "fail", _edaa_status, "not_participating", {
	"roles": _roles_text(roles),
	"status": _status(vendor),
})} if {
	_status(vendor) in edaa_not_participating
} else := {reason("VEN-005", "needs_review", _edaa_status, "status_unknown", {"roles": _roles_text(roles)})}

# --- VEN-006: EDAA status is current --------------------------------------------------------------------

# The deadlines come from the context; without them the EDAA FAQ's own figures (6 and 8 months) apply.
default self_certification_months := 6

self_certification_months := data.ethiq.context.thresholds.edaa_self_certification_months

default seal_overdue_months := 8

seal_overdue_months := data.ethiq.context.thresholds.edaa_seal_overdue_months

_as_of := substring(input.as_of, 0, 10) if {
	is_string(input.as_of)
	_date_parts(substring(input.as_of, 0, 10))
}

_seal_expires := ["edaa", "seal_expires_at"]

_joined := ["edaa", "joined_at"]

ven006(vendor) := set() if {
	_outside_oba_scope(vendor)
} else := _seal_hits(vendor) if {
	_status(vendor) == "trust_seal"
} else := _self_certification_hits(vendor) if {
	_status(vendor) == "joined"
} else := set()

# Warn part: self-certified, but the seal is overdue.
ven006_warn(vendor) := set() if {
	_outside_oba_scope(vendor)
} else := _seal_overdue_hits(vendor) if {
	_status(vendor) == "self_certified"
} else := set()

# EDAA's programme covers cross-site behavioural advertising: a vendor known to be outside VEN-005's scope
# (a pure creative agency) need not keep a seal current, whatever it declares. Unknown roles, or a media
# agency that has not said whether it buys programmatic, stay in scope.
_outside_oba_scope(vendor) if {
	not _roles_unknown(vendor)
	not _oba_scope(vendor)
	not _maybe_programmatic(vendor)
}

_maybe_programmatic(vendor) if {
	"media_agency" in _roles(vendor)
	not facts.is_false(vendor, _programmatic)
}

_seal_hits(vendor) := {reason("VEN-006", "fail", _seal_expires, "seal_expired", {"expires": expires, "as_of": _as_of})} if {
	expires := _date(vendor, _seal_expires)
	expires < _as_of
} else := set() if {
	_date(vendor, _seal_expires)
	_as_of
} else := {reason("VEN-006", "needs_review", _seal_expires, "seal_expiry_unknown", {})} if {
	not _date(vendor, _seal_expires)
} else := {reason("VEN-006", "needs_review", [], "as_of_unknown", {})}

_self_certification_hits(vendor) := _deadline_hits(vendor, "fail", self_certification_months, "self_certification_overdue")

_seal_overdue_hits(vendor) := _deadline_hits(vendor, "fail", seal_overdue_months, "seal_overdue")

# `as_of` after joined_at + `months` (end-of-month clamped: 31 August + 6 months is 28 February).
_deadline_hits(vendor, status, months, message) := {reason("VEN-006", status, _edaa_status, message, {
	"joined": joined,
	"due": due,
	"months": months,
	"as_of": _as_of,
})} if {
	joined := _date(vendor, _joined)
	due := add_months(joined, months)
	_as_of > due
} else := set() if {
	_date(vendor, _joined)
	_as_of
} else := {reason("VEN-006", "needs_review", _joined, "joined_unknown", {"status": _status(vendor)})} if {
	not _date(vendor, _joined)
} else := {reason("VEN-006", "needs_review", [], "as_of_unknown", {})}

# A valid ISO date at `path`, or undefined.
_date(obj, path) := d if {
	d := facts.value(obj, path, null)
	_date_parts(d)
}

# [year, month, day] of a valid YYYY-MM-DD date, or undefined. Rego's time.parse_ns raises an error on an
# impossible date (2025-02-30), which would abort the whole evaluation, so dates are checked here first.
_date_parts(d) := [y, m, day] if {
	is_string(d)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, d)
	y := _int(substring(d, 0, 4))
	m := _int(substring(d, 5, 2))
	day := _int(substring(d, 8, 2))
	m >= 1
	m <= 12
	day >= 1
	day <= days_in_month(y, m)
}

# regorus's to_number rejects a leading zero ("08"), so strip it; the regex has made these digit strings.
_int(digits) := 0 if {
	trim_left(digits, "0") == ""
} else := to_number(trim_left(digits, "0"))

# Calendar arithmetic on the date string itself, so it is the same on every Rego engine (Go's AddDate rolls
# 31 August + 6 months over to 3 March; regorus clamps to 28 February). Clamping gives the earlier deadline,
# which is the fail-closed one.
add_months(d, n) := sprintf("%04d-%02d-%02d", [y, m, min([day, days_in_month(y, m)])]) if {
	[y0, m0, day] := _date_parts(d)
	total := ((y0 * 12) + m0) - 1 + n
	y := floor(total / 12)
	m := (total - (y * 12)) + 1
}

days_in_month(y, 2) := 29 if _leap(y)

days_in_month(y, 2) := 28 if not _leap(y)

days_in_month(_, m) := 30 if m in {4, 6, 9, 11}

days_in_month(_, m) := 31 if m in {1, 3, 5, 7, 8, 10, 12}

_leap(y) if {
	y % 4 == 0
	y % 100 != 0
}

_leap(y) if y % 400 == 0

# --- VEN-007: GDPR contract matches the vendor's role --------------------------------------------------

_gdpr_role := ["gdpr", "role"]

_dpa := ["gdpr", "dpa_signed"]

_art26 := ["gdpr", "art26_arrangement"]

ven007(vendor) := settle(_contract_hits(vendor, role, _dpa, "dpa")) if {
	role := facts.value(vendor, _gdpr_role, null)
	role in {"processor", "sub_processor"}
} else := settle(_contract_hits(vendor, "joint_controller", _art26, "art26")) if {
	facts.value(vendor, _gdpr_role, null) == "joint_controller"
} else := {reason("VEN-007", "needs_review", _gdpr_role, "role_unknown", {})} if {
	# A controller needs neither contract from the party; any other value is not a role the rule can judge.
	facts.value(vendor, _gdpr_role, null) != "controller"
} else := set()

_contract_hits(vendor, role, path, what) := {reason("VEN-007", "fail", path, concat("_", [what, "missing"]), {"role": role})} if {
	facts.is_false(vendor, path)
} else := {reason("VEN-007", "needs_review", path, concat("_", [what, "unknown"]), {"role": role})} if {
	facts.is_unknown(vendor, path)
} else := set()

# --- VEN-008: data handled only in de-identified groups ------------------------------------------------

_granularity := ["data_handling", "delivers_data_at"]

_de_identification := ["data_handling", "de_identification"]

_k_min := ["data_handling", "k_min"]

# The smallest cell a vendor may deliver; documents.md gives 100 as the default.
default k_min_vendor_aggregate := 100

k_min_vendor_aggregate := data.ethiq.context.thresholds.k_min_vendor_aggregate

ven008(vendor) := set() if {
	facts.value(vendor, _granularity, null) == "none"
} else := settle(union({
	_individual_data(vendor),
	_not_de_identified(vendor),
	_cell_too_small(vendor),
	_handling_unknown(vendor),
}))

_individual_data(vendor) := {reason("VEN-008", "fail", _granularity, "individual_data", {"granularity": g}) |
	g := facts.value(vendor, _granularity, null)
	g in {"individual", "pseudonymous_individual"}
}

_not_de_identified(vendor) := {reason("VEN-008", "fail", _de_identification, "not_de_identified", {"method": m}) |
	m := facts.value(vendor, _de_identification, null)
	m in {"none", "pseudonymised"}
}

_cell_too_small(vendor) := {reason("VEN-008", "fail", _k_min, "cell_too_small", {"k_min": k, "threshold": k_min_vendor_aggregate}) |
	k := facts.value(vendor, _k_min, null)
	is_number(k)
	k < k_min_vendor_aggregate
}

# Aggregates without a smallest cell size can be a table of ones.
_handling_unknown(vendor) := {reason("VEN-008", "needs_review", _granularity, "granularity_unknown", {}) |
	facts.is_unknown(vendor, _granularity)
} | {reason("VEN-008", "needs_review", _de_identification, "de_identification_unknown", {}) |
	facts.is_unknown(vendor, _de_identification)
} | {reason("VEN-008", "needs_review", _k_min, "k_min_unknown", {}) |
	facts.value(vendor, _granularity, null) in {"aggregate", null, "unknown"}
	not is_number(facts.value(vendor, _k_min, null))
}

# --- VEN-009: no psychographic profiling ---------------------------------------------------------------

_profiling := ["services_declared", "psychographic_profiling"]

# Roles whose business is data about people: an undeclared profiling service is plausible for them.
data_roles := {"data_analytics", "data_broker", "dmp", "cdp", "survey_panel", "consultancy", "media_agency"}

ven009(vendor) := {reason("VEN-009", "fail", _profiling, "psychographic_profiling", {})} if {
	facts.is_true(vendor, _profiling)
} else := {reason("VEN-009", "needs_review", _profiling, "profiling_unknown", {"roles": _roles_text(roles)})} if {
	facts.is_unknown(vendor, _profiling)
	roles := _roles_in(vendor, data_roles)
} else := {reason("VEN-009", "needs_review", _profiling, "profiling_and_roles_unknown", {})} if {
	facts.is_unknown(vendor, _profiling)
	_roles_unknown(vendor)
} else := set()

# --- VEN-010: no engagement selling or bots ------------------------------------------------------------

# Roles for which selling engagement or running bots is a plausible service, so a missing declaration
# needs a human check. engagement_seller itself fails outright.
engagement_roles := {"media_agency", "ad_network", "consultancy", "influencer_network", "automation_tool"}

_engagement_services := {
	"sells_followers_or_engagement": "sells_engagement",
	"bot_or_automation_engagement": "bot_engagement",
}

ven010(vendor) := settle(_engagement_fails(vendor) | _engagement_unknown(vendor))

_engagement_fails(vendor) := {reason("VEN-010", "fail", ["roles", i], "engagement_seller_role", {}) |
	some i, role in _list(vendor, "roles")
	role == "engagement_seller"
} | {reason("VEN-010", "fail", ["services_declared", service], message, {}) |
	some service, message in _engagement_services
	facts.is_true(vendor, ["services_declared", service])
}

_engagement_unknown(vendor) := {hit |
	some service, message in _engagement_services
	path := ["services_declared", service]
	facts.is_unknown(vendor, path)
	some hit in _engagement_unknown_hit(vendor, path, concat("_", [message, "unknown"]))
}

_engagement_unknown_hit(vendor, path, message) := {reason("VEN-010", "needs_review", path, message, {"roles": _roles_text(roles)})} if {
	roles := _roles_in(vendor, engagement_roles)
} else := {reason("VEN-010", "needs_review", path, "roles_unknown", {"service": path[1]})} if {
	_roles_unknown(vendor)
} else := set()

# --- VEN-011: no app-developer, quiz, broker or voter-file data ----------------------------------------

# The catalog fails an app developer or data broker that supplies a data source used by an audience. A
# vendor document does not see which audiences use which sources (the graph runs from audiences to sources
# to vendors, never back), so the role alone decides: under the seed the party does not contract such a
# vendor for data, and one contracted for anything else needs that recorded as a waiver.
data_supplier_roles := {"app_developer", "data_broker"}

_data_services := {
	"buys_app_or_quiz_data": "buys_app_data",
	"uses_voter_files": "voter_files",
}

ven011(vendor) := settle(_ven011_fails(vendor) | _ven011_unknown(vendor))

_ven011_fails(vendor) := {reason("VEN-011", "fail", ["roles", i], "data_supplier_role", {"role": role}) |
	some i, role in _list(vendor, "roles")
	role in data_supplier_roles
} | {reason("VEN-011", "fail", ["services_declared", service], message, {}) |
	some service, message in _data_services
	facts.is_true(vendor, ["services_declared", service])
}

_ven011_unknown(vendor) := {reason("VEN-011", "needs_review", ["roles"], "roles_unknown", {}) |
	_roles_unknown(vendor)
} | {reason("VEN-011", "needs_review", path, concat("_", [message, "unknown"]), {"roles": _roles_text(roles)}) |
	some service, message in _data_services
	path := ["services_declared", service]
	facts.is_unknown(vendor, path)
	roles := _roles_in(vendor, data_roles)
}

# --- VEN-012: transfers outside the EEA ----------------------------------------------------------------

_transfers := ["gdpr", "transfers_outside_eea"]

_mechanism := ["gdpr", "transfer_mechanism"]

ven012(vendor) := {reason("VEN-012", "fail", _mechanism, "no_transfer_mechanism", {})} if {
	facts.is_true(vendor, _transfers)
	facts.value(vendor, _mechanism, null) in {"none", null, "unknown"}
} else := {reason("VEN-012", "needs_review", _transfers, "transfers_unknown", {})} if {
	facts.is_unknown(vendor, _transfers)
} else := set()
