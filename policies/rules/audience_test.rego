package ethiq.rules.audience_test

import data.ethiq.rules.audience

# --- fixtures ------------------------------------------------------------------------------------------

_context := {"taxonomies": {"psychographic_data_categories": ["user.inferred.personality", "user.inferred.psychographic"]}}

# T01: the lookalike's own seed audience is platform-native, but the seed was built from a quiz app.
_ca_seed := {
	"kind": "data_source",
	"id": "ca_seed",
	"origin": "platform_native",
	"vendor_id": null,
	"collection": {"method": "page_engagement", "collected_by": "party"},
	"data_categories": ["user.behavior.media_consumption"],
	"lineage": {"derived_from": ["ds_quiz"], "transformations": ["lookalike_seed"]},
}

_ds_quiz := {
	"kind": "data_source",
	"id": "ds_quiz",
	"origin": "first_party_direct",
	"vendor_id": null,
	"collection": {"method": "quiz_app", "collected_by": "party"},
	"data_categories": ["user.contact.email"],
}

_ds_clean := {
	"kind": "data_source",
	"id": "ds_members_opt_in",
	"origin": "first_party_direct",
	"vendor_id": "ven_mail",
	"collection": {"method": "web_form", "collected_by": "party"},
	"data_categories": ["user.contact.email"],
}

_lookalike_via := ["normalized", "custom_audiences", 0, "lookalike", "origin_ref"]

_t01_links := [
	{"kind": "data_source", "id": "ca_seed", "via": _lookalike_via, "chain": ["aud_x", "ca_seed"], "relation": "lookalike_seed"},
	{"kind": "data_source", "id": "ds_quiz", "via": _lookalike_via, "chain": ["aud_x", "ca_seed", "ds_quiz"], "relation": "lookalike_seed"},
]

_audience := {
	"kind": "audience",
	"id": "aud_x",
	"platform": "meta",
	"normalized": {"custom_audiences": [{"subtype": "lookalike", "lookalike": {"origin_ref": "ca_seed", "ratio": 0.01}}]},
}

_input(sources, links, unresolved) := {
	"kind": "audience",
	"as_of": "2026-05-01",
	"document": _audience,
	"related": {"data_source": sources, "vendor": {"ven_mail": {"kind": "vendor", "id": "ven_mail", "roles": ["media_agency"]}}},
	"links": links,
	"unresolved": unresolved,
	"names": {},
}

_deny(sources, links, unresolved) := findings if {
	findings := audience.deny with input as _input(sources, links, unresolved) with data.ethiq.context as _context
}

_t01_sources := {"ca_seed": _ca_seed, "ds_quiz": _ds_quiz}

_of(findings) := {[f.status, f.path, f.trace, f.message] | some f in findings; f.rule == "AUD-013"}

# --- AUD-013 -------------------------------------------------------------------------------------------

# T01: a lookalike seeded from a quiz-app list fails at the lookalike, with the whole route as trace.
test_aud013_t01_lookalike_of_quiz_seed_fails if {
	findings := _deny(_t01_sources, _t01_links, [])
	_of(findings) == {["fail", _lookalike_via, ["aud_x", "ca_seed", "ds_quiz"], "app_data"]}
	some f in findings
	f.params == {
		"source": "ds_quiz",
		"chain": "aud_x → ca_seed → ds_quiz",
		"reason_rule": "DAT-005",
		"reason": "app_method",
		"field": "collection.method",
		"method": "quiz_app",
	}
}

test_aud013_clean_sources_pass if {
	links := [{"kind": "data_source", "id": "ds_members_opt_in", "via": ["normalized", "custom_audiences", 0, "ref"], "chain": ["aud_x", "ds_members_opt_in"]}]
	count(_deny({"ds_members_opt_in": _ds_clean}, links, [])) == 0
}

test_aud013_no_sources_pass if {
	count(_deny({}, [], [])) == 0
}

# A banned source used only to exclude people still counts: excluding by such data is using it.
test_aud013_excluded_custom_audience_fails if {
	via := ["normalized", "excluded_custom_audiences", 0, "ref"]
	links := [{"kind": "data_source", "id": "ds_quiz", "via": via, "chain": ["aud_x", "ds_quiz"], "relation": "excluded_custom_audience"}]
	_of(_deny({"ds_quiz": _ds_quiz}, links, [])) == {["fail", via, ["aud_x", "ds_quiz"], "app_data"]}
}

test_aud013_psychographic_source_fails if {
	ds := object.union(_ds_clean, {"data_categories": ["user.contact.email", "user.inferred.personality.ocean"]})
	via := ["normalized", "custom_audiences", 0, "data_source_ids", 0]
	links := [{"kind": "data_source", "id": "ds_members_opt_in", "via": via, "chain": ["aud_x", "ds_members_opt_in"]}]
	findings := _deny({"ds_members_opt_in": ds}, links, [])
	_of(findings) == {["fail", via, ["aud_x", "ds_members_opt_in"], "psychographic_data"]}
	some f in findings
	f.params.reason_rule == "DAT-006"
	f.params.field == "data_categories.1"
	f.params.category == "user.inferred.personality.ocean"
}

# One finding per route: the same banned source reached twice is reported at both places.
test_aud013_each_route_reported if {
	other := ["normalized", "excluded_custom_audiences", 0, "ref"]
	links := array.concat(_t01_links, [{"kind": "data_source", "id": "ds_quiz", "via": other, "chain": ["aud_x", "ds_quiz"]}])
	_of(_deny(_t01_sources, links, [])) == {
		["fail", _lookalike_via, ["aud_x", "ca_seed", "ds_quiz"], "app_data"],
		["fail", other, ["aud_x", "ds_quiz"], "app_data"],
	}
}

# An upstream source whose collection method is not declared cannot be cleared.
test_aud013_unknown_method_upstream_needs_review if {
	sources := {"ca_seed": _ca_seed, "ds_quiz": object.remove(_ds_quiz, ["collection"])}
	findings := _deny(sources, _t01_links, [])
	_of(findings) == {["needs_review", _lookalike_via, ["aud_x", "ca_seed", "ds_quiz"], "app_data_unchecked"]}
	some f in findings
	f.params.field == "collection.method"
}

test_aud013_unknown_categories_upstream_needs_review if {
	sources := {"ca_seed": _ca_seed, "ds_quiz": object.union(object.remove(_ds_quiz, ["data_categories"]), {"collection": {"method": "web_form"}})}
	_of(_deny(sources, _t01_links, [])) == {["needs_review", _lookalike_via, ["aud_x", "ca_seed", "ds_quiz"], "psychographic_data_unchecked"]}
}

# The source's vendor is not in the run: the app-developer role cannot be checked.
test_aud013_source_vendor_missing_needs_review if {
	ds := object.union(_ds_clean, {"vendor_id": "ven_gone"})
	via := ["normalized", "custom_audiences", 0, "ref"]
	links := [{"kind": "data_source", "id": "ds_members_opt_in", "via": via, "chain": ["aud_x", "ds_members_opt_in"]}]
	findings := _deny({"ds_members_opt_in": ds}, links, [])
	_of(findings) == {["needs_review", via, ["aud_x", "ds_members_opt_in"], "app_data_unchecked"]}
}

# A reference to a data source the run does not hold is unknown, never a pass.
test_aud013_unresolved_source_needs_review if {
	via := ["normalized", "custom_audiences", 1, "data_source_ids", 0]
	unresolved := [
		{"kind": "data_source", "id": "ds_gone", "via": via, "chain": ["aud_x", "ds_gone"]},
		{"kind": "vendor", "id": "ven_gone", "via": ["vendor_id"], "chain": ["aud_x", "ven_gone"]},
	]
	findings := _deny({}, [], unresolved)
	_of(findings) == {["needs_review", via, ["aud_x", "ds_gone"], "unresolved"]}
	some f in findings
	f.params == {"source": "ds_gone", "chain": "aud_x → ds_gone"}
}

# A link whose document is missing from `related` is treated like an unresolved reference.
test_aud013_link_without_document_needs_review if {
	_of(_deny({"ca_seed": _ca_seed}, _t01_links, [])) == {["needs_review", _lookalike_via, ["aud_x", "ca_seed", "ds_quiz"], "unresolved"]}
}
