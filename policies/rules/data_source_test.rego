package ethiq.rules.data_source_test

import data.ethiq.rules.data_source

# The libs' own tests cover every condition (ethiq.lib.data_sources_test, ethiq.lib.sources_test); these
# prove the rules' wiring: ids, statuses, paths, the deny/warn split, and the documents taken from
# input.related.

_context := {
	"taxonomies": {"psychographic_data_categories": ["user.inferred.personality", "user.inferred.psychographic"]},
	"thresholds": {"k_min_vendor_aggregate": 100},
}

# Clean against every rule: a mail vendor's aggregate of the party's newsletter sign-ups.
_clean := {
	"kind": "data_source",
	"id": "ds_newsletter",
	"vendor_id": "ven_mail",
	"origin": "first_party_direct",
	"collection": {"method": "newsletter_signup", "collected_by": "party", "collected_from_data_subject": true},
	"subject_scope": "subscribers",
	"data_categories": ["user.contact.email"],
	"inferred_special_categories": [],
	"identifiability": "aggregated",
	"k_min": 500,
	"legal_basis": {"art6": "a", "art9": "none", "consent": {"explicit": true, "separate_for_political_advertising": true}},
	"purposes": ["political_advertising"],
	"contains_minors": "no",
	"lineage": {"derived_from": [], "transformations": ["aggregate"]},
	"ropa_ref": "dms://ropa/newsletter",
	"retention_days": 365,
}

_mail_vendor := {"ven_mail": {"kind": "vendor", "id": "ven_mail", "legal_name": "Mail AB", "roles": ["media_agency"]}}

# The engine's normal form of every vendor name in the run (none near a blocklist entry).
_names(vendors) := {name: {"norm": lower(name), "near": {"vendors": [], "people": []}} |
	some v in vendors
	name := v.legal_name
}

_input(ds, vendors) := _input_with(ds, vendors, {})

_input_with(ds, vendors, sources) := {
	"kind": "data_source",
	"as_of": "2026-05-01",
	"document": ds,
	"related": {"vendor": vendors, "data_source": sources},
	"links": [],
	"unresolved": [],
	"names": _names(vendors),
}

_deny(ds, vendors) := findings if {
	run := _input(ds, vendors)
	findings := data_source.deny with input as run with data.ethiq.context as _context
}

_deny_with(ds, sources) := findings if {
	run := _input_with(ds, _mail_vendor, sources)
	findings := data_source.deny with input as run with data.ethiq.context as _context
}

_warn(ds) := findings if {
	run := _input(ds, _mail_vendor)
	findings := data_source.warn with input as run with data.ethiq.context as _context
}

_of(findings, rule) := {[f.status, f.path, f.message] | some f in findings; f.rule == rule}

# `ds` with one top-level field replaced wholesale (object.union would merge nested objects instead).
_set(ds, key, value) := object.union(object.remove(ds, [key]), {key: value})

test_clean_source_has_no_finding if {
	count(_deny(_clean, _mail_vendor)) == 0
	count(_warn(_clean)) == 0
}

# --- DAT-001 ------------------------------------------------------------------------------------------------

test_dat_001_art6_missing_fails if {
	ds := _set(_clean, "legal_basis", {"art9": "none"})
	_of(_deny(ds, _mail_vendor), "DAT-001") == {["fail", ["legal_basis", "art6"], "art6_missing"]}
}

test_dat_001_art6_stated_passes if {
	_of(_deny(_clean, _mail_vendor), "DAT-001") == set()
}

# --- DAT-002 ------------------------------------------------------------------------------------------------

test_dat_002_political_opinion_category_fails if {
	ds := _set(_clean, "data_categories", ["user.demographic.political_opinion"])
	_of(_deny(ds, _mail_vendor), "DAT-002") == {["fail", ["legal_basis", "art9"], "no_art9_condition"]}
}

# T13: the member register uploaded as a Custom Audience relies on Art. 9(2)(d).
test_dat_002_t13_member_register_upload_fails if {
	ds := object.union(_set(_set(_clean, "subject_scope", "members"), "legal_basis", {"art6": "f", "art9": "2d"}), {
		"vendor_id": null,
		"identifiability": "identified",
		"platform_binding": {"platform": "meta", "mechanism": "customer_list", "built_with_platform_tool": true},
	})
	findings := _deny(ds, {})
	_of(findings, "DAT-002") == {["fail", ["platform_binding", "mechanism"], "art9_2d_disclosure"]}
	_of(findings, "DAT-003") == {["fail", ["identifiability"], "individual_level"]}
}

test_dat_002_categories_unknown_needs_review if {
	ds := object.remove(_clean, ["data_categories"])
	_of(_deny(ds, _mail_vendor), "DAT-002") == {["needs_review", ["data_categories"], "special_categories_unknown"]}
}

# --- DAT-003 ------------------------------------------------------------------------------------------------

test_dat_003_identified_for_political_ads_fails if {
	ds := object.union(_clean, {"vendor_id": null, "identifiability": "identified"})
	_of(_deny(ds, {}), "DAT-003") == {["fail", ["identifiability"], "individual_level"]}
}

# T12: a hashed e-mail Custom Audience labelled "anonymised" is pseudonymous, and the label inconsistent.
test_dat_003_t12_hashed_anonymous_custom_audience_fails if {
	ds := object.union(_clean, {
		"vendor_id": null,
		"identifiability": "anonymous",
		"lineage": {"derived_from": [], "transformations": ["hash"]},
		"platform_binding": {"platform": "meta", "mechanism": "customer_list", "built_with_platform_tool": true},
	})
	findings := _deny(ds, {})
	_of(findings, "DAT-003") == {["fail", ["identifiability"], "declared_inconsistent"]}
	some f in findings
	f.rule == "DAT-003"
	f.params == {"declared": "anonymous", "evidence": "customer_list, hash"}
}

test_dat_003_identifiability_unknown_needs_review if {
	ds := object.remove(_clean, ["identifiability"])
	_of(_deny(ds, _mail_vendor), "DAT-003") == {["needs_review", ["identifiability"], "identifiability_unknown"]}
}

# --- DAT-004 ------------------------------------------------------------------------------------------------

test_dat_004_vendor_pseudonymous_fails if {
	ds := _set(_clean, "identifiability", "pseudonymous")
	_of(_deny(ds, _mail_vendor), "DAT-004") == {["fail", ["identifiability"], "not_aggregated"]}
}

test_dat_004_small_cells_fail if {
	_of(_deny(_set(_clean, "k_min", 10), _mail_vendor), "DAT-004") == {["fail", ["k_min"], "k_min_below"]}
}

test_dat_004_k_min_unknown_needs_review if {
	_of(_deny(object.remove(_clean, ["k_min"]), _mail_vendor), "DAT-004") == {["needs_review", ["k_min"], "k_min_unknown"]}
}

# --- DAT-005 ------------------------------------------------------------------------------------------------

test_dat_005_quiz_method_fails if {
	findings := _deny(object.union(_clean, {"collection": {"method": "quiz_app"}}), _mail_vendor)
	_of(findings, "DAT-005") == {["fail", ["collection", "method"], "app_method"]}
	_of(findings, "DAT-006") == set()
}

test_dat_005_app_origin_fails if {
	findings := _deny(object.union(_clean, {"origin": "app_developer"}), _mail_vendor)
	_of(findings, "DAT-005") == {["fail", ["origin"], "app_origin"]}
}

test_dat_005_platform_app_id_fails if {
	findings := _deny(object.union(_clean, {"collection": {"platform_app_id": "fb_app_1"}}), _mail_vendor)
	_of(findings, "DAT-005") == {["fail", ["collection", "platform_app_id"], "platform_app"]}
}

# The vendor's roles come from input.related.vendor.
test_dat_005_app_developer_vendor_fails if {
	vendors := {"ven_mail": object.union(_mail_vendor.ven_mail, {"roles": ["app_developer"]})}
	findings := _deny(_clean, vendors)
	_of(findings, "DAT-005") == {["fail", ["vendor_id"], "app_developer_vendor"]}
}

# T09: "Vilken liberal är du?", the party's own quiz app, declared first-party.
test_dat_005_t09_first_party_quiz_app_fails if {
	ds := object.union(_clean, {"origin": "first_party_direct", "collection": {"method": "quiz_app", "collected_by": "party"}})
	findings := _deny(ds, _mail_vendor)
	_of(findings, "DAT-005") == {["fail", ["collection", "method"], "app_method"]}
}

test_dat_005_method_unknown_needs_review if {
	ds := object.union(_clean, {"collection": {"method": "unknown"}})
	_of(_deny(ds, _mail_vendor), "DAT-005") == {["needs_review", ["collection", "method"], "method_unknown"]}
}

# The vendor is not in the run (input.related has no vendors at all): fail closed.
test_dat_005_vendor_not_in_run_needs_review if {
	findings := data_source.deny with input as object.remove(_input(_clean, {}), ["related"]) with data.ethiq.context as _context
	_of(findings, "DAT-005") == {["needs_review", ["vendor_id"], "vendor_missing"]}
}

# --- DAT-006 ------------------------------------------------------------------------------------------------

test_dat_006_personality_category_fails if {
	ds := _set(_clean, "data_categories", ["user.contact.email", "user.inferred.personality"])
	findings := _deny(ds, _mail_vendor)
	_of(findings, "DAT-006") == {["fail", ["data_categories", 1], "psychographic_category"]}
	_of(findings, "DAT-005") == set()
}

test_dat_006_psychographic_segment_fails if {
	ds := object.union(_clean, {"segments": [{"type": "psychographic_segment", "name": "OCEAN High-N", "source": "vendor"}]})
	_of(_deny(ds, _mail_vendor), "DAT-006") == {["fail", ["segments", 0], "psychographic_segment"]}
}

# T02: an interest called "Personality" is not a psychographic segment.
test_dat_006_t02_interest_named_personality_passes if {
	ds := object.union(_clean, {"segments": [{"type": "interest", "name": "Personality", "source": "platform_taxonomy"}]})
	count(_deny(ds, _mail_vendor)) == 0
}

test_dat_006_categories_unknown_needs_review if {
	ds := object.remove(_clean, ["data_categories"])
	_of(_deny(ds, _mail_vendor), "DAT-006") == {["needs_review", ["data_categories"], "categories_unknown"]}
}

# The document model's example source (§10.3): a quiz "first_party_direct" with personality scores.
test_dat_005_dat_006_document_model_example_fails_both if {
	ds := {
		"kind": "data_source", "id": "ds_quiz_2026", "vendor_id": "ven_fun_apps", "origin": "first_party_direct",
		"collection": {"method": "quiz_app", "collected_by": "ven_fun_apps", "platform_app_id": "<fb_app_id>"},
		"data_categories": ["user.contact.email", "user.inferred.personality"],
		"identifiability": "pseudonymous",
		"legal_basis": {"art6": "a", "art9": "none", "consent": {"explicit": false}},
		"purposes": ["political_advertising"],
		"lineage": {"derived_from": [], "transformations": ["hash"]},
	}
	findings := _deny(ds, {"ven_fun_apps": {"kind": "vendor", "id": "ven_fun_apps", "legal_name": "Fun Apps AB", "roles": ["app_developer"]}})
	_of(findings, "DAT-005") == {
		["fail", ["collection", "method"], "app_method"],
		["fail", ["collection", "platform_app_id"], "platform_app"],
		["fail", ["vendor_id"], "app_developer_vendor"],
		["fail", ["collection", "collected_by"], "app_developer_vendor"],
	}
	_of(findings, "DAT-006") == {["fail", ["data_categories", 1], "psychographic_category"]}
	_of(findings, "DAT-003") == {["fail", ["identifiability"], "individual_level"]}
	_of(findings, "DAT-004") == {["fail", ["identifiability"], "not_aggregated"]}
}

# --- DAT-007 ------------------------------------------------------------------------------------------------

# T01, the data-source half: the platform-native seed of a lookalike, built from the quiz list.
test_dat_007_t01_seed_from_quiz_fails_with_path if {
	quiz := object.union(_clean, {"id": "ds_quiz", "collection": {"method": "quiz_app"}})
	seed := object.union(_clean, {"id": "ca_seed", "origin": "platform_native", "lineage": {"derived_from": ["ds_quiz"], "transformations": ["lookalike_seed"]}})
	findings := _deny_with(seed, {"ds_quiz": quiz})
	_of(findings, "DAT-007") == {["fail", ["lineage", "derived_from", 0], "tainted_ancestor"]}
	some f in findings
	f.rule == "DAT-007"
	f.trace == ["ca_seed", "ds_quiz"]
	f.params.chain == "ca_seed → ds_quiz"
}

test_dat_007_clean_ancestor_passes if {
	parent := object.union(_clean, {"id": "ds_parent"})
	ds := object.union(_clean, {"lineage": {"derived_from": ["ds_parent"]}})
	_of(_deny_with(ds, {"ds_parent": parent}), "DAT-007") == set()
}

test_dat_007_unresolved_ancestor_needs_review if {
	ds := object.union(_clean, {"lineage": {"derived_from": ["ds_gone"]}})
	_of(_deny_with(ds, {}), "DAT-007") == {["needs_review", ["lineage", "derived_from", 0], "ancestor_unresolved"]}
}

# --- DAT-008 ------------------------------------------------------------------------------------------------

test_dat_008_voter_file_fails if {
	_of(_deny(_set(_clean, "origin", "voter_file"), _mail_vendor), "DAT-008") == {["fail", ["origin"], "bought_origin"]}
}

test_dat_008_origin_unknown_needs_review if {
	_of(_deny(object.remove(_clean, ["origin"]), _mail_vendor), "DAT-008") == {["needs_review", ["origin"], "origin_unknown"]}
}

# --- DAT-009 ------------------------------------------------------------------------------------------------

test_dat_009_not_built_with_platform_tool_fails if {
	ds := object.union(_clean, {"platform_binding": {"platform": "meta", "mechanism": "platform_taxonomy", "built_with_platform_tool": false}})
	_of(_deny(ds, _mail_vendor), "DAT-009") == {["fail", ["platform_binding", "built_with_platform_tool"], "not_platform_tool"]}
}

test_dat_009_tool_unknown_needs_review if {
	ds := object.union(_clean, {"platform_binding": {"platform": "linkedin", "mechanism": "platform_taxonomy"}})
	_of(_deny(ds, _mail_vendor), "DAT-009") == {["needs_review", ["platform_binding", "built_with_platform_tool"], "platform_tool_unknown"]}
}

# --- DAT-010 ------------------------------------------------------------------------------------------------

test_dat_010_minors_fail if {
	_of(_deny(_set(_clean, "contains_minors", "yes"), _mail_vendor), "DAT-010") == {["fail", ["contains_minors"], "minors"]}
}

test_dat_010_minors_possible_needs_review if {
	_of(_deny(_set(_clean, "contains_minors", "possible"), _mail_vendor), "DAT-010") == {["needs_review", ["contains_minors"], "minors_possible"]}
}

# --- DAT-011 and DAT-012: warn, never deny -------------------------------------------------------------------

test_dat_011_no_dpia_warns if {
	ds := _set(_clean, "inferred_special_categories", ["political_opinions"])
	ds2 := _set(ds, "legal_basis", {"art6": "a", "art9": "2a"})
	_of(_warn(ds2), "DAT-011") == {["fail", ["dpia_ref"], "dpia_missing"]}
	_of(_deny(ds2, _mail_vendor), "DAT-011") == set()
}

test_dat_011_categories_unknown_needs_review if {
	ds := object.remove(_clean, ["data_categories"])
	_of(_warn(ds), "DAT-011") == {["needs_review", ["dpia_ref"], "special_categories_unknown"]}
}

test_dat_012_ropa_and_retention_missing_warn if {
	ds := object.remove(_clean, ["ropa_ref", "retention_days"])
	_of(_warn(ds), "DAT-012") == {["fail", ["ropa_ref"], "ropa_missing"], ["fail", ["retention_days"], "retention_missing"]}
	count(_deny(ds, _mail_vendor)) == 0
}

# Every finding is complete: the engine renders it from these fields.
test_dat_005_findings_are_complete if {
	findings := _deny(object.union(_clean, {"collection": {"method": "quiz_app"}}), _mail_vendor)
	count(findings) == 1
	every f in findings {
		object.keys(f) == {"rule", "status", "path", "message", "params"}
		f.params == {"method": "quiz_app"}
	}
}

# --- DAT-013, DAT-014: wiring, and the dependents route (conditions: ethiq.lib.ttpa_test) ------------------

_deny_dependents(ds, dependents) := findings if {
	run := object.union(_input(ds, _mail_vendor), {"dependents": dependents})
	findings := data_source.deny with input as run with data.ethiq.context as _context
}

# Personal data (Art. 18 does not reach aggregates): the clean source, but pseudonymous.
_personal := object.union(_clean, {"identifiability": "pseudonymous"})

_newsletter_only := object.union(object.remove(_personal, ["purposes"]), {"purposes": ["newsletter"]})

_no_consent(ds) := object.union(object.remove(ds, ["legal_basis"]), {"legal_basis": {"art6": "a", "art9": "none", "consent": {"explicit": false, "separate_for_political_advertising": true}}})

test_dat_013_dat_014_vendor_aggregate_is_not_personal_data if {
	ds := _no_consent(object.union(_clean, {"collection": {"collected_by": "ven_mail"}}))
	_of(_deny(ds, _mail_vendor), "DAT-013") == set()
	_of(_deny(ds, _mail_vendor), "DAT-014") == set()
}

test_dat_013_consent_not_explicit_is_a_deny if {
	_of(_deny(_no_consent(_personal), _mail_vendor), "DAT-013") == {["fail", ["legal_basis", "consent", "explicit"], "explicit_fail"]}
}

test_dat_013_political_audience_dependent_is_in_scope if {
	deps := [{"kind": "audience", "id": "aud_x", "relation": "custom_audience", "political": true}]
	_of(_deny_dependents(_no_consent(_newsletter_only), deps), "DAT-013") == {["fail", ["legal_basis", "consent", "explicit"], "explicit_fail"]}
	_of(_deny_dependents(_no_consent(_newsletter_only), []), "DAT-013") == set()
	_of(_deny(_no_consent(_newsletter_only), _mail_vendor), "DAT-013") == set()
}

test_dat_013_unknown_dependent_is_one_review if {
	deps := [
		{"kind": "audience", "id": "aud_x", "relation": "custom_audience", "political": "unknown"},
		{"kind": "ad", "id": "ad_x", "relation": "audience"},
	]
	_of(_deny_dependents(_no_consent(_newsletter_only), deps), "DAT-013") == {["needs_review", ["purposes"], "dependents_unknown"]}
}

test_dat_014_vendor_collector_is_a_deny if {
	ds := object.union(_personal, {"collection": {"collected_by": "ven_mail"}})
	_of(_deny(ds, _mail_vendor), "DAT-014") == {["fail", ["collection", "collected_by"], "collected_by_other"]}
}

test_dat_014_political_ad_dependent_is_in_scope if {
	ds := object.union(_newsletter_only, {"collection": {"collected_from_data_subject": false}})
	deps := [{"kind": "ad", "id": "ad_x", "relation": "audience", "political": true}]
	_of(_deny_dependents(ds, deps), "DAT-014") == {["fail", ["collection", "collected_from_data_subject"], "not_from_subject"]}
	_of(_deny_dependents(ds, [object.union(deps[0], {"political": false})]), "DAT-014") == set()
}
