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
	_of(_deny({"ds_members_opt_in": _ds_clean}, links, [])) == set()
}

test_aud013_no_sources_pass if {
	_of(_deny({}, [], [])) == set()
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

# === AUD-001 to AUD-012 ====================================================================================
#
# The judging package's wiring, per rule: the id, the set (deny or warn), the status and the path of each
# condition, a passing case and an unknown-fact case. A fixed context keeps the tests independent of the
# bundled data.

_ctx := {
	"thresholds": {"min_audience_size": 1000, "min_seed_size": 1000, "geo_min_radius_km": 5, "min_justification_chars": 40},
	"platform_floors": {"meta": 100, "google_ads": 100, "linkedin": 300, "x": 100, "tiktok": 1000},
	"elections": [
		{"id": "SE-RIKSDAG-2026", "type": "riksdag", "country": "SE", "voting_age": 18, "age_reference": "on_election_day"},
		{"id": "AT-NR-2029", "type": "national", "country": "AT", "voting_age": 16},
		{"id": "DE-EP-2024", "type": "ep", "country": "DE", "voting_age": 16, "age_reference": "on_election_day"},
		{"id": "DE-BT-2029", "type": "national", "country": "DE", "voting_age": 18, "age_reference": "on_election_day"},
		{"id": "GR-NAT-2027", "type": "national", "country": "GR", "voting_age": 17, "age_reference": "by_end_of_year"},
		{"id": "MT-NAT-2027", "type": "national", "country": "MT"},
	],
	"sensitive_criteria_map": {
		"criteria": {"meta": {"6003111": ["religious_or_philosophical_beliefs"], "6003222": []}},
		"name_patterns": [
			{"pattern": `(?i)\breligi|\bislam`, "art9": ["religious_or_philosophical_beliefs"]},
			{"pattern": `(?i)\blgbt`, "art9": ["sex_life_or_sexual_orientation"]},
		],
		"meta_removed_2022": ["political_views", "politics", "ethnic_affinity", "6003999"],
		"data_categories": {"user.demographic.religious_belief": ["religious_or_philosophical_beliefs"], "user.health_and_medical": ["health"]},
	},
	"taxonomies": {"psychographic_data_categories": ["user.inferred.personality", "user.inferred.psychographic"]},
}

_interest := {"type": "interest", "platform_id": "6003001", "name": "Public transport", "source": "platform_taxonomy", "art9": []}

# A clean political Meta audience: no rule has anything to say about it.
_aud := {
	"kind": "audience",
	"id": "aud_a",
	"platform": "meta",
	"native_spec": {
		"geo_locations": {"countries": ["SE"]},
		"age_min": 18,
		"flexible_spec": [{"interests": [{"id": "6003001", "name": "Public transport"}]}],
		"targeting_automation": {"advantage_audience": 0},
	},
	"normalized": {
		"geo": {"countries": ["SE"]},
		"age_min": 18,
		"include": [_interest],
		"exclude": [],
		"custom_audiences": [],
		"excluded_custom_audiences": [],
		"expansion": {"meta_advantage_audience": 0},
	},
	"estimated_size": {"lower": 180000, "upper": 212000, "source": "platform_estimate"},
	"political": {"is_political_advertising": true, "election_ids": ["SE-RIKSDAG-2026"]},
	"justification": "Pendlare i Stockholms län: kollektivtrafik är valets fråga för dem; intresset avslöjar inget känsligt.",
}

# A data source that passes every blocking data-source rule: a lookalike seed or exclusion built on it is clean.
_ds_ok := {
	"kind": "data_source",
	"id": "ds_ok",
	"vendor_id": null,
	"origin": "first_party_observed",
	"collection": {"method": "page_engagement", "collected_by": "party", "collected_from_data_subject": true},
	"subject_scope": "page_engagers",
	"data_categories": ["user.behavior.media_consumption"],
	"inferred_special_categories": [],
	"identifiability": "aggregated",
	"record_count": 25000,
	"legal_basis": {"art6": "f", "art9": "none"},
	"purposes": ["political_advertising"],
	"contains_minors": "no",
	"lineage": {"derived_from": [], "transformations": []},
	"platform_binding": {"platform": "meta", "mechanism": "engagement", "built_with_platform_tool": true},
}

_with(doc, path, value) := json.patch(doc, [{"op": "add", "path": path, "value": value}])

_without(doc, path) := json.patch(doc, [{"op": "remove", "path": path}])

_in(doc, related, links, unresolved, as_of) := {
	"kind": "audience",
	"as_of": as_of,
	"document": doc,
	"related": related,
	"links": links,
	"unresolved": unresolved,
	"names": {},
}

_run(doc, related, links, unresolved, as_of) := {"deny": d, "warn": w} if {
	d := audience.deny with input as _in(doc, related, links, unresolved, as_of) with data.ethiq.context as _ctx
	w := audience.warn with input as _in(doc, related, links, unresolved, as_of) with data.ethiq.context as _ctx
}

_deny_of(doc) := _run(doc, {}, [], [], "2026-11-23").deny

_warn_of(doc) := _run(doc, {}, [], [], "2026-11-23").warn

# [status, path, message] of one rule's findings.
_rule(findings, rule) := {[f.status, f.path, f.message] | some f in findings; f.rule == rule}

_params(findings, rule, message) := f.params if {
	some f in findings
	f.rule == rule
	f.message == message
}

test_aud_clean_audience_has_no_findings if {
	r := _run(_aud, {}, [], [], "2026-11-23")
	r.deny == set()
	r.warn == set()
}

# --- AUD-001 ------------------------------------------------------------------------------------------------

# T06: an audience of 90 is under both the Meta floor (100) and the policy floor (1,000).
test_aud001_t06_ninety_fails if {
	findings := _deny_of(_with(_aud, "/estimated_size", {"lower": 90, "upper": 110}))
	_rule(findings, "AUD-001") == {["fail", ["estimated_size", "lower"], "below_floor"]}
	_params(findings, "AUD-001", "below_floor") == {"lower": 90, "floor": 1000, "policy_floor": 1000, "platform_floor": 100, "platform": "meta"}
}

# T06 variant: the lower bound decides, whatever the upper bound.
test_aud001_t06_lower_bound_decides if {
	findings := _deny_of(_with(_aud, "/estimated_size", {"lower": 900, "upper": 1200}))
	_rule(findings, "AUD-001") == {["fail", ["estimated_size", "lower"], "below_floor"]}
}

test_aud001_at_floor_passes if {
	_rule(_deny_of(_with(_aud, "/estimated_size", {"lower": 1000, "upper": 1200})), "AUD-001") == set()
}

# The platform floor wins where it is higher than the policy floor (LinkedIn: 300).
test_aud001_platform_floor_above_policy_floor if {
	doc := _with(_with(_aud, "/platform", "linkedin"), "/estimated_size", {"lower": 250})
	findings := audience.deny with input as _in(doc, {}, [], [], "2026-11-23")
		with data.ethiq.context as object.union(_ctx, {"thresholds": {"min_audience_size": 100}})
	_rule(findings, "AUD-001") == {["fail", ["estimated_size", "lower"], "below_floor"]}
	_params(findings, "AUD-001", "below_floor").floor == 300
}

# T06 variant: only the upper bound is known.
test_aud001_t06_only_upper_needs_review if {
	_rule(_deny_of(_with(_aud, "/estimated_size", {"upper": 5000})), "AUD-001") == {["needs_review", ["estimated_size", "upper"], "only_upper"]}
}

test_aud001_upper_below_floor_fails if {
	_rule(_deny_of(_with(_aud, "/estimated_size", {"upper": 800})), "AUD-001") == {["fail", ["estimated_size", "upper"], "upper_below_floor"]}
}

test_aud001_size_missing_needs_review if {
	_rule(_deny_of(_without(_aud, "/estimated_size")), "AUD-001") == {["needs_review", ["estimated_size"], "size_unknown"]}
}

_lookalike := {"ref": "23850001", "subtype": "lookalike", "lookalike": {"origin_ref": "ds_ok", "ratio": 0.01, "country": "SE"}, "platform_status": {"meta_operation_status_code": 200}}

_seed_via := ["normalized", "custom_audiences", 0, "lookalike", "origin_ref"]

_seed_links(id) := [{"kind": "data_source", "id": id, "via": _seed_via, "chain": ["aud_a", id], "relation": "lookalike_seed"}]

# Non-political, so that AUD-005 only warns and the seed's size is what is tested.
_lookalike_aud := _with(_with(_aud, "/normalized/custom_audiences", [_lookalike]), "/political/is_political_advertising", false)

test_aud001_seed_too_small_fails if {
	ds := object.union(_ds_ok, {"record_count": 500})
	findings := _run(_lookalike_aud, {"data_source": {"ds_ok": ds}}, _seed_links("ds_ok"), [], "2026-11-23").deny
	_rule(findings, "AUD-001") == {["fail", _seed_via, "seed_too_small"]}
	_params(findings, "AUD-001", "seed_too_small") == {"source": "ds_ok", "record_count": 500, "min_seed": 1000}
}

test_aud001_seed_large_enough_passes if {
	findings := _run(_lookalike_aud, {"data_source": {"ds_ok": _ds_ok}}, _seed_links("ds_ok"), [], "2026-11-23").deny
	_rule(findings, "AUD-001") == set()
}

test_aud001_seed_size_unknown_needs_review if {
	ds := object.remove(_ds_ok, ["record_count"])
	findings := _run(_lookalike_aud, {"data_source": {"ds_ok": ds}}, _seed_links("ds_ok"), [], "2026-11-23").deny
	_rule(findings, "AUD-001") == {["needs_review", _seed_via, "seed_size_unknown"]}
}

test_aud001_seed_unresolved_needs_review if {
	unresolved := [{"kind": "data_source", "id": "ds_ok", "via": _seed_via, "chain": ["aud_a", "ds_ok"]}]
	findings := _run(_lookalike_aud, {}, [], unresolved, "2026-11-23").deny
	_rule(findings, "AUD-001") == {["needs_review", _seed_via, "seed_unresolved"]}
}

test_aud001_seed_not_named_needs_review if {
	doc := _with(_lookalike_aud, "/normalized/custom_audiences/0/lookalike", {"ratio": 0.01})
	_rule(_deny_of(doc), "AUD-001") == {["needs_review", ["normalized", "custom_audiences", 0], "seed_missing"]}
}

# A context without thresholds or floors keeps the catalog's values instead of switching the rule off.
test_aud001_thin_context_keeps_catalog_floor if {
	doc := _with(_aud, "/estimated_size", {"lower": 900})
	findings := audience.deny with input as _in(doc, {}, [], [], "2026-11-23") with data.ethiq.context as {}
	_rule(findings, "AUD-001") == {["fail", ["estimated_size", "lower"], "below_floor"]}
}

# --- AUD-002 ------------------------------------------------------------------------------------------------

_include(criterion) := _with(_aud, "/normalized/include", [_interest, criterion])

# Consent never clears a special category (TTPA 18(1)(c), DSA 26(3)): consent recorded for one says the
# targeting uses it.
test_aud002_consent_for_special_categories_fails if {
	doc := _with(_aud, "/consent", {"special_categories": ["health"], "record_ref": "dms://consent/2026"})
	_rule(_deny_of(doc), "AUD-002") == {["fail", ["consent", "special_categories"], "consent_no_cure"]}
}

test_aud002_consent_without_special_categories_passes if {
	_rule(_deny_of(_with(_aud, "/consent", {"special_categories": [], "record_ref": "dms://consent/2026"})), "AUD-002") == set()
	_rule(_deny_of(_with(_aud, "/consent", {"record_ref": "dms://consent/2026"})), "AUD-002") == set()
}

# Consent does not cure a criterion that reveals a special category either.
test_aud002_consent_does_not_cure_a_sensitive_criterion if {
	c := object.union(_interest, {"art9": ["health"]})
	doc := _with(_with(_aud, "/normalized/include", [c]), "/consent", {"special_categories": ["health"]})
	_rule(_deny_of(doc), "AUD-002") == {
		["fail", ["normalized", "include", 0, "art9"], "art9_declared"],
		["fail", ["consent", "special_categories"], "consent_no_cure"],
	}
}

test_aud002_declared_art9_fails if {
	c := object.union(_interest, {"platform_id": "6003555", "name": "Catholic Church", "art9": ["religious_or_philosophical_beliefs"]})
	findings := _deny_of(_include(c))
	_rule(findings, "AUD-002") == {["fail", ["normalized", "include", 1, "art9"], "art9_declared"]}
	_params(findings, "AUD-002", "art9_declared") == {"criterion": "Catholic Church", "categories": ["religious_or_philosophical_beliefs"]}
}

# The map decides by id, whatever the criterion declares or is called.
test_aud002_mapped_id_fails if {
	c := object.union(_interest, {"platform_id": "6003111", "name": "Weekend activities"})
	_rule(_deny_of(_include(c)), "AUD-002") == {["fail", ["normalized", "include", 1, "platform_id"], "art9_mapped"]}
}

test_aud002_political_affiliation_fails if {
	c := object.union(_interest, {"type": "political_affiliation", "platform_id": "6003556", "name": "Likely liberal"})
	_rule(_deny_of(_include(c)), "AUD-002") == {["fail", ["normalized", "include", 1, "type"], "political_affiliation"]}
}

# A name pattern only asks for a review, even when the criterion declares no category.
test_aud002_name_pattern_needs_review if {
	c := object.union(_interest, {"platform_id": "6003557", "name": "Religion and spirituality"})
	_rule(_deny_of(_include(c)), "AUD-002") == {["needs_review", ["normalized", "include", 1, "name"], "name_pattern"]}
}

# An id the map lists as not sensitive clears the name suspicion.
test_aud002_reviewed_id_clears_name_pattern if {
	c := object.union(_interest, {"platform_id": "6003222", "name": "Religion (history of)"})
	_rule(_deny_of(_include(c)), "AUD-002") == set()
}

test_aud002_unclassified_criterion_needs_review if {
	c := object.remove(object.union(_interest, {"platform_id": "6003558", "name": "Cycling"}), ["art9"])
	_rule(_deny_of(_include(c)), "AUD-002") == {["needs_review", ["normalized", "include", 1], "art9_unknown"]}
}

# T02: the platform interest "Personality" is not an Art. 9 criterion, whatever its name suggests.
test_aud002_t02_personality_interest_passes if {
	c := object.union(_interest, {"platform_id": "6003559", "name": "Personality"})
	findings := _deny_of(_include(c))
	_rule(findings, "AUD-002") == set()
	_rule(findings, "AUD-004") == set()
}

test_aud002_exclusions_are_aud003s if {
	c := object.union(_interest, {"name": "Islam", "art9": ["religious_or_philosophical_beliefs"]})
	findings := _deny_of(_with(_aud, "/normalized/exclude", [c]))
	_rule(findings, "AUD-002") == set()
	count(_rule(findings, "AUD-003")) == 1
}

# --- AUD-003 ------------------------------------------------------------------------------------------------

# T15: a religion interest hidden in the exclusions.
test_aud003_t15_islam_excluded_fails if {
	c := object.union(_interest, {"platform_id": "6003560", "name": "Islam", "art9": ["religious_or_philosophical_beliefs"]})
	findings := _deny_of(_with(_aud, "/normalized/exclude", [c]))
	_rule(findings, "AUD-003") == {["fail", ["normalized", "exclude", 0, "art9"], "art9_declared"]}
}

test_aud003_t15_lgbt_name_only_needs_review if {
	c := object.remove(object.union(_interest, {"platform_id": "6003561", "name": "LGBT community"}), ["art9"])
	_rule(_deny_of(_with(_aud, "/normalized/exclude", [c])), "AUD-003") == {["needs_review", ["normalized", "exclude", 0, "name"], "name_pattern"]}
}

test_aud003_mapped_exclusion_fails if {
	c := object.union(_interest, {"platform_id": "6003111", "name": "Sunday activities"})
	_rule(_deny_of(_with(_aud, "/normalized/exclude", [c])), "AUD-003") == {["fail", ["normalized", "exclude", 0, "platform_id"], "art9_mapped"]}
}

test_aud003_unclassified_exclusion_needs_review if {
	c := object.remove(_interest, ["art9"])
	_rule(_deny_of(_with(_aud, "/normalized/exclude", [c])), "AUD-003") == {["needs_review", ["normalized", "exclude", 0], "art9_unknown"]}
}

_excl_via := ["normalized", "excluded_custom_audiences", 0, "data_source_ids", 0]

_excl_ca := {"ref": "23850002", "subtype": "customer_list", "data_source_ids": ["ds_x"], "platform_status": {"meta_operation_status_code": 200}}

_excl_aud := _with(_aud, "/normalized/excluded_custom_audiences", [_excl_ca])

_excl_links := [{"kind": "data_source", "id": "ds_x", "via": _excl_via, "chain": ["aud_a", "ds_x"], "relation": "excluded_custom_audience"}]

_excl_run(ds) := _run(_excl_aud, {"data_source": {"ds_x": object.union(ds, {"id": "ds_x"})}}, _excl_links, [], "2026-11-23").deny

# Excluding people by a list that reveals their religion profiles them on it.
test_aud003_excluded_source_with_special_categories_fails if {
	findings := _excl_run(object.union(_ds_ok, {"data_categories": ["user.contact.email", "user.demographic.religious_belief"]}))
	_rule(findings, "AUD-003") == {["fail", _excl_via, "excluded_special_categories"]}
	some f in findings
	f.rule == "AUD-003"
	f.trace == ["aud_a", "ds_x"]
	f.params.categories == ["religious_or_philosophical_beliefs"]
}

# A membership list reveals political opinions without any column for them.
test_aud003_excluded_member_list_fails if {
	findings := _excl_run(object.union(_ds_ok, {"subject_scope": "members"}))
	_rule(findings, "AUD-003") == {["fail", _excl_via, "excluded_special_categories"]}
}

test_aud003_excluded_clean_source_passes if {
	_rule(_excl_run(_ds_ok), "AUD-003") == set()
}

test_aud003_excluded_source_categories_unknown_needs_review if {
	findings := _excl_run(object.remove(_ds_ok, ["data_categories"]))
	_rule(findings, "AUD-003") == {["needs_review", _excl_via, "excluded_categories_unknown"]}
}

# The source is upstream of the excluded list: the route is reported with its whole chain.
test_aud003_excluded_ancestor_with_special_categories_fails if {
	ds_x := object.union(_ds_ok, {"id": "ds_x", "lineage": {"derived_from": ["ds_health"], "transformations": []}})
	ds_health := object.union(_ds_ok, {"id": "ds_health", "data_categories": ["user.health_and_medical.condition"]})
	links := array.concat(_excl_links, [{"kind": "data_source", "id": "ds_health", "via": _excl_via, "chain": ["aud_a", "ds_x", "ds_health"]}])
	findings := _run(_excl_aud, {"data_source": {"ds_x": ds_x, "ds_health": ds_health}}, links, [], "2026-11-23").deny
	_rule(findings, "AUD-003") == {["fail", _excl_via, "excluded_special_categories"]}
	some f in findings
	f.rule == "AUD-003"
	f.trace == ["aud_a", "ds_x", "ds_health"]
}

test_aud003_excluded_source_unresolved_needs_review if {
	unresolved := [{"kind": "data_source", "id": "ds_x", "via": _excl_via, "chain": ["aud_a", "ds_x"]}]
	findings := _run(_excl_aud, {}, [], unresolved, "2026-11-23").deny
	_rule(findings, "AUD-003") == {["needs_review", _excl_via, "excluded_source_unresolved"]}
}

test_aud003_excluded_audience_without_source_needs_review if {
	doc := _with(_aud, "/normalized/excluded_custom_audiences", [{"ref": "23850003", "subtype": "website", "platform_status": {"meta_operation_status_code": 200}}])
	_rule(_deny_of(doc), "AUD-003") == {["needs_review", ["normalized", "excluded_custom_audiences", 0], "excluded_source_undeclared"]}
}

# --- AUD-004 ------------------------------------------------------------------------------------------------

# T02: the vendor's OCEAN segment fails on its type, whatever its name.
test_aud004_t02_psychographic_segment_fails if {
	c := {"type": "psychographic_segment", "name": "OCEAN High-N", "source": "vendor", "art9": []}
	findings := _deny_of(_include(c))
	_rule(findings, "AUD-004") == {["fail", ["normalized", "include", 1, "type"], "segment_type"]}
	_params(findings, "AUD-004", "segment_type") == {"criterion": "OCEAN High-N", "type": "psychographic_segment"}
}

test_aud004_vendor_segment_fails if {
	c := {"type": "vendor_segment", "name": "Urban progressives", "source": "vendor", "art9": []}
	_rule(_deny_of(_include(c)), "AUD-004") == {["fail", ["normalized", "include", 1, "type"], "segment_type"]}
}

test_aud004_vendor_defined_interest_fails if {
	c := object.union(_interest, {"source": "vendor"})
	_rule(_deny_of(_include(c)), "AUD-004") == {["fail", ["normalized", "include", 1, "source"], "vendor_source"]}
}

# Excluding by a vendor's segment uses it too.
test_aud004_excluded_vendor_segment_fails if {
	c := {"type": "psychographic_segment", "name": "Low openness", "source": "vendor", "art9": []}
	_rule(_deny_of(_with(_aud, "/normalized/exclude", [c])), "AUD-004") == {["fail", ["normalized", "exclude", 0, "type"], "segment_type"]}
}

test_aud004_source_unknown_needs_review if {
	c := object.remove(_interest, ["source"])
	_rule(_deny_of(_include(c)), "AUD-004") == {["needs_review", ["normalized", "include", 1], "source_unknown"]}
}

test_aud004_platform_interest_passes if {
	_rule(_deny_of(_aud), "AUD-004") == set()
}

# --- AUD-005 ------------------------------------------------------------------------------------------------

_political_lookalike_aud := _with(_aud, "/normalized/custom_audiences", [_lookalike])

_ca_seed_ok := object.union(_ds_ok, {"id": "ca_seed", "lineage": {"derived_from": ["ds_quiz"], "transformations": ["lookalike_seed"]}})

_quiz := object.union(_ds_ok, {"id": "ds_quiz", "origin": "first_party_direct", "collection": {"method": "quiz_app", "collected_by": "party", "collected_from_data_subject": true}})

_t01_doc(political) := _with(_with(_aud, "/normalized/custom_audiences", [object.union(_lookalike, {"lookalike": {"origin_ref": "ca_seed"}})]), "/political/is_political_advertising", political)

_t01_seed_links := [
	{"kind": "data_source", "id": "ca_seed", "via": _seed_via, "chain": ["aud_a", "ca_seed"], "relation": "lookalike_seed"},
	{"kind": "data_source", "id": "ds_quiz", "via": _seed_via, "chain": ["aud_a", "ca_seed", "ds_quiz"], "relation": "lookalike_seed"},
]

_t01_related := {"data_source": {"ca_seed": _ca_seed_ok, "ds_quiz": _quiz}}

# T01: the seed is platform-native, but it was built from a quiz app: both routes fail, and for political
# advertising the lookalike fails on its own too.
test_aud005_t01_political_lookalike_of_quiz_seed_fails if {
	r := _run(_t01_doc(true), _t01_related, _t01_seed_links, [], "2026-11-23")
	_rule(r.deny, "AUD-005") == {
		["fail", _seed_via, "tainted_seed"],
		["fail", ["normalized", "custom_audiences", 0], "political_lookalike"],
	}
	{f.trace | some f in r.deny; f.rule == "AUD-005"; f.message == "tainted_seed"} == {["aud_a", "ca_seed"], ["aud_a", "ca_seed", "ds_quiz"]}
	some f in r.deny
	f.message == "tainted_seed"
	f.params.source == "ds_quiz"
	f.params.rules == "DAT-005"
	_rule(r.warn, "AUD-005") == set()
}

# T01, non-political: the taint still blocks; no sign-off can clear it.
test_aud005_t01_tainted_seed_blocks_without_politics if {
	r := _run(_t01_doc(false), _t01_related, _t01_seed_links, [], "2026-11-23")
	_rule(r.deny, "AUD-005") == {["fail", _seed_via, "tainted_seed"]}
	_rule(r.warn, "AUD-005") == set()
}

test_aud005_political_clean_lookalike_fails if {
	r := _run(_political_lookalike_aud, {"data_source": {"ds_ok": _ds_ok}}, _seed_links("ds_ok"), [], "2026-11-23")
	_rule(r.deny, "AUD-005") == {["fail", ["normalized", "custom_audiences", 0], "political_lookalike"]}
}

# Undeclared: political until the party says otherwise.
test_aud005_political_unknown_needs_review if {
	doc := _without(_political_lookalike_aud, "/political/is_political_advertising")
	r := _run(doc, {"data_source": {"ds_ok": _ds_ok}}, _seed_links("ds_ok"), [], "2026-11-23")
	_rule(r.deny, "AUD-005") == {["needs_review", ["normalized", "custom_audiences", 0], "political_unknown"]}
}

test_aud005_non_political_clean_lookalike_warns if {
	r := _run(_lookalike_aud, {"data_source": {"ds_ok": _ds_ok}}, _seed_links("ds_ok"), [], "2026-11-23")
	_rule(r.deny, "AUD-005") == set()
	_rule(r.warn, "AUD-005") == {["fail", ["normalized", "custom_audiences", 0], "lookalike"]}
}

# Before TTPA applied, a political lookalike on a clean seed needed a sign-off, not a block.
test_aud005_political_before_ttpa_warns if {
	r := _run(_political_lookalike_aud, {"data_source": {"ds_ok": _ds_ok}}, _seed_links("ds_ok"), [], "2025-10-09")
	_rule(r.deny, "AUD-005") == set()
	_rule(r.warn, "AUD-005") == {["fail", ["normalized", "custom_audiences", 0], "lookalike"]}
}

test_aud005_seed_unresolved_needs_review if {
	unresolved := [{"kind": "data_source", "id": "ds_ok", "via": _seed_via, "chain": ["aud_a", "ds_ok"]}]
	r := _run(_lookalike_aud, {}, [], unresolved, "2026-11-23")
	_rule(r.deny, "AUD-005") == {["needs_review", _seed_via, "seed_unresolved"]}
	_rule(r.warn, "AUD-005") == set()
}

test_aud005_seed_not_named_needs_review if {
	doc := _with(_lookalike_aud, "/normalized/custom_audiences/0/lookalike", {"ratio": 0.01})
	_rule(_deny_of(doc), "AUD-005") == {["needs_review", ["normalized", "custom_audiences", 0], "seed_missing"]}
}

# A seed that cannot be cleared under a data-source rule (its collection method is unknown).
test_aud005_seed_unchecked_needs_review if {
	ds := object.union(_ds_ok, {"collection": {"method": "unknown", "collected_by": "party", "collected_from_data_subject": true}})
	r := _run(_lookalike_aud, {"data_source": {"ds_ok": ds}}, _seed_links("ds_ok"), [], "2026-11-23")
	_rule(r.deny, "AUD-005") == {["needs_review", _seed_via, "seed_unchecked"]}
}

test_aud005_no_lookalike_passes if {
	r := _run(_aud, {}, [], [], "2026-11-23")
	_rule(r.deny, "AUD-005") == set()
	_rule(r.warn, "AUD-005") == set()
}

# --- AUD-006 ------------------------------------------------------------------------------------------------

_aged(doc, age) := _with(doc, "/normalized/age_min", age)

_at := _with(_with(_aud, "/normalized/geo/countries", ["AT"]), "/political/election_ids", ["AT-NR-2029"])

# T07: 17 in Sweden is under the voting age by less than a year: a sign-off, not a TTPA fail.
test_aud006_t07_seventeen_in_sweden_warns if {
	r := _run(_aged(_aud, 17), {}, [], [], "2026-11-23")
	_rule(r.deny, "AUD-006") == set()
	_rule(r.warn, "AUD-006") == {["fail", ["normalized", "age_min"], "near_voting_age"]}
	_params(r.warn, "AUD-006", "near_voting_age") == {
		"age_min": 17,
		"voting_age": 18,
		"country": "SE",
		"election": "SE-RIKSDAG-2026",
		"age_reference": "on_election_day",
	}
}

test_aud006_t07_sixteen_in_sweden_fails if {
	r := _run(_aged(_aud, 16), {}, [], [], "2026-11-23")
	_rule(r.deny, "AUD-006") == {["fail", ["normalized", "age_min"], "below_voting_age"]}
	_rule(r.warn, "AUD-006") == set()
}

test_aud006_voting_age_passes if {
	r := _run(_aud, {}, [], [], "2026-11-23")
	_rule(r.deny, "AUD-006") == set()
	_rule(r.warn, "AUD-006") == set()
}

# T08: Austria votes at 16.
test_aud006_t08_austria_sixteen_passes if {
	r := _run(_aged(_at, 16), {}, [], [], "2026-11-23")
	_rule(r.deny, "AUD-006") == set()
	_rule(r.warn, "AUD-006") == set()
}

# T08: 15 in Austria. The research gives Austria's voting age without the date it is counted at, so the
# margin of T07 is not established: a floor under the voting age blocks.
test_aud006_t08_austria_fifteen_fails if {
	r := _run(_aged(_at, 15), {}, [], [], "2026-11-23")
	_rule(r.deny, "AUD-006") == {["fail", ["normalized", "age_min"], "under_voting_age"]}
	_rule(r.warn, "AUD-006") == set()
	_params(r.deny, "AUD-006", "under_voting_age").age_reference == "unknown"
}

# With the voting age counted on election day, the same floor is within the margin: a sign-off.
test_aud006_margin_needs_a_voting_day_reference if {
	ctx := object.union(_ctx, {"elections": [{"id": "AT-NR-2029", "country": "AT", "voting_age": 16, "age_reference": "on_election_day"}]})
	doc := _aged(_at, 15)
	findings := audience.warn with input as _in(doc, {}, [], [], "2026-11-23") with data.ethiq.context as ctx
	_rule(findings, "AUD-006") == {["fail", ["normalized", "age_min"], "near_voting_age"]}
}

test_aud006_on_ad_date_reference_blocks if {
	ctx := object.union(_ctx, {"elections": [{"id": "AT-NR-2029", "country": "AT", "voting_age": 16, "age_reference": "on_ad_date"}]})
	findings := audience.deny with input as _in(_aged(_at, 15), {}, [], [], "2026-11-23") with data.ethiq.context as ctx
	_rule(findings, "AUD-006") == {["fail", ["normalized", "age_min"], "under_voting_age"]}
}

test_aud006_t08_austria_fourteen_fails if {
	_rule(_deny_of(_aged(_at, 14)), "AUD-006") == {["fail", ["normalized", "age_min"], "below_voting_age"]}
}

# T08: the EP election in Germany votes at 16; without an election the strictest German voting age applies.
test_aud006_t08_germany_ep_sixteen_passes if {
	doc := _with(_with(_aged(_aud, 16), "/normalized/geo/countries", ["DE"]), "/political/election_ids", ["DE-EP-2024"])
	_rule(_deny_of(doc), "AUD-006") == set()
	_rule(_warn_of(doc), "AUD-006") == set()
}

test_aud006_no_election_takes_highest_voting_age if {
	doc := _without(_with(_aged(_aud, 16), "/normalized/geo/countries", ["DE"]), "/political/election_ids")
	findings := _deny_of(doc)
	_rule(findings, "AUD-006") == {["fail", ["normalized", "age_min"], "below_voting_age"]}
	_params(findings, "AUD-006", "below_voting_age").election == "DE-BT-2029"
}

# Each targeted country is compared with its own voting age.
test_aud006_each_country_compared if {
	doc := _with(_with(_aged(_aud, 16), "/normalized/geo/countries", ["AT", "SE"]), "/political/election_ids", ["AT-NR-2029", "SE-RIKSDAG-2026"])
	findings := _deny_of(doc)
	_rule(findings, "AUD-006") == {["fail", ["normalized", "age_min"], "below_voting_age"]}
	_params(findings, "AUD-006", "below_voting_age").country == "SE"
}

# No countries in the geo: the elections' countries.
test_aud006_election_country_when_no_geo if {
	doc := _without(_aged(_aud, 16), "/normalized/geo")
	_rule(_deny_of(doc), "AUD-006") == {["fail", ["normalized", "age_min"], "below_voting_age"]}
}

test_aud006_no_countries_needs_review if {
	doc := _without(_without(_aud, "/normalized/geo"), "/political/election_ids")
	_rule(_deny_of(doc), "AUD-006") == {["needs_review", ["normalized", "geo"], "countries_unknown"]}
}

# A missing minimum age is AUD-007's finding, reported once.
test_aud006_age_min_unset_is_left_to_aud007 if {
	_rule(_deny_of(_aged(_aud, null)), "AUD-006") == set()
	_rule(_deny_of(_aged(_aud, null)), "AUD-007") == {["fail", ["normalized", "age_min"], "age_min_missing"]}
}

test_aud007_political_audience_with_age_min_passes if {
	_rule(_deny_of(_aud), "AUD-007") == set()
}

test_aud007_unknown_political_without_age_min_needs_review if {
	doc := _without(_aged(_aud, null), "/political/is_political_advertising")
	_rule(_deny_of(doc), "AUD-007") == {["needs_review", ["political", "is_political_advertising"], "political_unknown"]}
}

test_aud006_unknown_election_needs_review if {
	doc := _with(_aud, "/political/election_ids", ["SE-RIKSDAG-2026", "XX-NONE-2026"])
	_rule(_deny_of(doc), "AUD-006") == {["needs_review", ["political", "election_ids", 1], "election_unknown"]}
}

test_aud006_country_without_elections_needs_review if {
	doc := _with(_aud, "/normalized/geo/countries", ["SE", "NO"])
	findings := _deny_of(doc)
	_rule(findings, "AUD-006") == {["needs_review", ["normalized", "age_min"], "voting_age_unknown"]}
	_params(findings, "AUD-006", "voting_age_unknown") == {"country": "NO"}
}

test_aud006_election_without_voting_age_needs_review if {
	doc := _with(_with(_aud, "/normalized/geo/countries", ["MT"]), "/political/election_ids", ["MT-NAT-2027"])
	_rule(_deny_of(doc), "AUD-006") == {["needs_review", ["normalized", "age_min"], "voting_age_unknown"]}
}

# Greece counts the voting age (17) by the end of the year: 16 is within a year of it.
test_aud006_greece_sixteen_warns if {
	doc := _with(_with(_aged(_aud, 16), "/normalized/geo/countries", ["GR"]), "/political/election_ids", ["GR-NAT-2027"])
	_rule(_warn_of(doc), "AUD-006") == {["fail", ["normalized", "age_min"], "near_voting_age"]}
}

test_aud006_non_political_out_of_scope if {
	doc := _with(_aged(_aud, 13), "/political/is_political_advertising", false)
	_rule(_deny_of(doc), "AUD-006") == set()
	_rule(_warn_of(doc), "AUD-006") == set()
}

test_aud006_political_unknown_in_scope if {
	doc := _without(_aged(_aud, 16), "/political/is_political_advertising")
	_rule(_deny_of(doc), "AUD-006") == {["fail", ["normalized", "age_min"], "below_voting_age"]}
}

# --- AUD-008 ------------------------------------------------------------------------------------------------

test_aud008_meta_advantage_on_warns if {
	doc := _with(_aud, "/normalized/expansion/meta_advantage_audience", 1)
	_rule(_warn_of(doc), "AUD-008") == {["fail", ["normalized", "expansion", "meta_advantage_audience"], "expansion_on"]}
	_rule(_deny_of(doc), "AUD-008") == set()
}

test_aud008_native_advantage_on_warns if {
	doc := _with(_aud, "/native_spec/targeting_automation/advantage_audience", 1)
	_rule(_warn_of(doc), "AUD-008") == {["fail", ["native_spec", "targeting_automation", "advantage_audience"], "expansion_on"]}
}

test_aud008_linkedin_expansion_warns if {
	doc := _with(_with(_aud, "/platform", "linkedin"), "/normalized/expansion", {"linkedin_audience_expansion": true})
	_rule(_warn_of(doc), "AUD-008") == {["fail", ["normalized", "expansion", "linkedin_audience_expansion"], "expansion_on"]}
}

test_aud008_google_optimized_targeting_warns if {
	doc := _with(_with(_aud, "/platform", "google_ads"), "/normalized/expansion", {"google_optimized_targeting": true})
	_rule(_warn_of(doc), "AUD-008") == {["fail", ["normalized", "expansion", "google_optimized_targeting"], "expansion_on"]}
}

# Meta turns Advantage+ audience on by default: not set is not off.
test_aud008_meta_unset_needs_review if {
	doc := _without(_without(_aud, "/normalized/expansion"), "/native_spec/targeting_automation")
	_rule(_warn_of(doc), "AUD-008") == {["needs_review", ["normalized", "expansion"], "meta_expansion_unset"]}
}

_unset_meta := _without(_without(_aud, "/normalized/expansion"), "/native_spec/targeting_automation")

# An ad set created with v23.0 or later: Advantage+ audience is on by default. One version below: off.
test_aud008_meta_unset_on_from_api_v23 if {
	doc := _with(_unset_meta, "/platform_object", {"api_version": "v23.0"})
	_rule(_warn_of(doc), "AUD-008") == {["fail", ["normalized", "expansion"], "meta_expansion_default_on"]}
	_rule(_warn_of(_with(_unset_meta, "/platform_object", {"api_version": "24.0"})), "AUD-008") == {["fail", ["normalized", "expansion"], "meta_expansion_default_on"]}
}

test_aud008_meta_unset_off_before_api_v23 if {
	_rule(_warn_of(_with(_unset_meta, "/platform_object", {"api_version": "v22.9"})), "AUD-008") == set()
	_rule(_warn_of(_with(_unset_meta, "/platform_object", {"api_version": "v22.0", "created_at": "2026-01-10"})), "AUD-008") == set()
}

# Created the day before v23.0's release: an older version, so off; created that day or later, the version
# decides, and without one it needs a sign-off.
test_aud008_meta_unset_creation_day_boundaries if {
	_rule(_warn_of(_with(_unset_meta, "/platform_object", {"created_at": "2025-05-28"})), "AUD-008") == set()
	_rule(_warn_of(_with(_unset_meta, "/platform_object", {"created_at": "2025-05-29T10:00:00+02:00"})), "AUD-008") == {["needs_review", ["normalized", "expansion"], "meta_expansion_unset"]}
}

test_aud008_meta_default_from_the_context if {
	ctx := object.union(_ctx, {"platform_timeline": {"meta": {"advantage_audience_default_on": {"api_version": "v24.0", "released": "2025-10-01"}}}})
	doc := _with(_unset_meta, "/platform_object", {"api_version": "v23.0"})
	w := audience.warn with input as _in(doc, {}, [], [], "2026-11-23") with data.ethiq.context as ctx
	_rule(w, "AUD-008") == set()
	doc2 := _with(_unset_meta, "/platform_object", {"created_at": "2025-09-30"})
	w2 := audience.warn with input as _in(doc2, {}, [], [], "2026-11-23") with data.ethiq.context as ctx
	_rule(w2, "AUD-008") == set()
}

test_aud008_explicit_setting_beats_the_default if {
	doc := _with(_aud, "/platform_object", {"api_version": "v23.0"})
	_rule(_warn_of(doc), "AUD-008") == set()
}

test_aud008_declared_unknown_needs_review if {
	doc := _with(_with(_aud, "/platform", "linkedin"), "/normalized/expansion", {"linkedin_audience_expansion": "unknown"})
	_rule(_warn_of(doc), "AUD-008") == {["needs_review", ["normalized", "expansion", "linkedin_audience_expansion"], "expansion_unknown"]}
}

test_aud008_expansion_off_passes if {
	_rule(_warn_of(_aud), "AUD-008") == set()
}

# --- AUD-009 ------------------------------------------------------------------------------------------------

test_aud009_political_views_fails if {
	doc := _with(_aud, "/native_spec/political_views", [{"id": "6003000", "name": "Liberal"}])
	_rule(_deny_of(doc), "AUD-009") == {["fail", ["native_spec", "political_views"], "legacy_field"]}
}

test_aud009_nested_ethnic_affinity_fails if {
	doc := _with(_aud, "/native_spec/flexible_spec/0/ethnic_affinity", [{"id": "6018797036783", "name": "x"}])
	_rule(_deny_of(doc), "AUD-009") == {["fail", ["native_spec", "flexible_spec", 0, "ethnic_affinity"], "legacy_field"]}
}

test_aud009_politics_in_exclusions_fails if {
	doc := _with(_aud, "/native_spec/exclusions", {"politics": [{"id": "6003001"}]})
	_rule(_deny_of(doc), "AUD-009") == {["fail", ["native_spec", "exclusions", "politics"], "legacy_field"]}
}

# An option id from the context's list of options Meta removed in 2022.
test_aud009_removed_option_id_fails if {
	doc := _with(_aud, "/native_spec/flexible_spec/0/interests/0/id", "6003999")
	findings := _deny_of(doc)
	_rule(findings, "AUD-009") == {["fail", ["native_spec", "flexible_spec", 0, "interests", 0, "id"], "removed_option"]}
	_params(findings, "AUD-009", "removed_option") == {"id": "6003999"}
}

# No raw spec, nothing to carry a legacy field: the normalized criteria are AUD-002's and AUD-003's.
test_aud009_without_native_spec_passes if {
	_rule(_deny_of(_without(_aud, "/native_spec")), "AUD-009") == set()
}

test_aud009_other_platforms_not_checked if {
	doc := _with(_with(_aud, "/platform", "linkedin"), "/native_spec/politics", [1])
	_rule(_deny_of(doc), "AUD-009") == set()
}

test_aud009_current_spec_passes if {
	_rule(_deny_of(_aud), "AUD-009") == set()
}

# --- AUD-010 ------------------------------------------------------------------------------------------------

_flagged := {"ref": "23850004", "subtype": "customer_list", "data_source_ids": ["ds_ok"], "platform_status": {"meta_operation_status_code": 471}}

test_aud010_flagged_custom_audience_fails if {
	findings := _deny_of(_with(_aud, "/normalized/custom_audiences", [_flagged]))
	_rule(findings, "AUD-010") == {["fail", ["normalized", "custom_audiences", 0, "platform_status", "meta_operation_status_code"], "flagged"]}
	_params(findings, "AUD-010", "flagged") == {"audience": "23850004", "code": 471}
}

test_aud010_flagged_exclusion_fails if {
	findings := _deny_of(_with(_aud, "/normalized/excluded_custom_audiences", [_flagged]))
	_rule(findings, "AUD-010") == {["fail", ["normalized", "excluded_custom_audiences", 0, "platform_status", "meta_operation_status_code"], "flagged"]}
}

test_aud010_status_unknown_needs_review if {
	doc := _with(_aud, "/normalized/custom_audiences", [object.remove(_flagged, ["platform_status"])])
	_rule(_deny_of(doc), "AUD-010") == {["needs_review", ["normalized", "custom_audiences", 0], "status_unknown"]}
}

test_aud010_unflagged_passes if {
	doc := _with(_aud, "/normalized/custom_audiences", [object.union(_flagged, {"platform_status": {"meta_operation_status_code": 200}})])
	_rule(_deny_of(doc), "AUD-010") == set()
}

# --- AUD-011 ------------------------------------------------------------------------------------------------

test_aud011_missing_warns if {
	findings := _warn_of(_without(_aud, "/justification"))
	_rule(findings, "AUD-011") == {["fail", ["justification"], "missing"]}
}

test_aud011_trivially_short_warns if {
	findings := _warn_of(_with(_aud, "/justification", "  Bra målgrupp.  "))
	_rule(findings, "AUD-011") == {["fail", ["justification"], "too_short"]}
	_params(findings, "AUD-011", "too_short") == {"length": 13, "min": 40}
}

test_aud011_empty_warns if {
	_rule(_warn_of(_with(_aud, "/justification", "")), "AUD-011") == {["fail", ["justification"], "too_short"]}
}

test_aud011_documented_passes if {
	_rule(_warn_of(_aud), "AUD-011") == set()
}

# --- AUD-012 ------------------------------------------------------------------------------------------------

test_aud012_small_city_radius_with_interests_warns if {
	doc := _with(_aud, "/normalized/geo/cities", [{"name": "Sigtuna", "radius_km": 2}])
	findings := _warn_of(doc)
	_rule(findings, "AUD-012") == {["fail", ["normalized", "geo", "cities", 0, "radius_km"], "small_radius"]}
	_params(findings, "AUD-012", "small_radius") == {"place": "Sigtuna", "radius": 2, "min_radius": 5}
}

test_aud012_pin_with_custom_audience_warns if {
	doc := _with(_with(_without(_aud, "/normalized/include"), "/normalized/geo/custom_locations", [{"latitude": 59.3, "longitude": 18.1, "radius_km": 1}]), "/normalized/custom_audiences", [_lookalike])
	_rule(_warn_of(doc), "AUD-012") == {["fail", ["normalized", "geo", "custom_locations", 0, "radius_km"], "small_radius"]}
}

test_aud012_postal_codes_with_interests_warn if {
	doc := _with(_aud, "/normalized/geo/postal_codes", ["11122", "11123"])
	_rule(_warn_of(doc), "AUD-012") == {["fail", ["normalized", "geo", "postal_codes"], "postal_codes"]}
}

# One postal code is already an area of a few streets; an empty list targets no postal area at all.
test_aud012_one_postal_code_warns_and_none_passes if {
	one := _warn_of(_with(_aud, "/normalized/geo/postal_codes", ["11122"]))
	_rule(one, "AUD-012") == {["fail", ["normalized", "geo", "postal_codes"], "postal_codes"]}
	_params(one, "AUD-012", "postal_codes") == {"count": 1}
	_rule(_warn_of(_with(_aud, "/normalized/geo/postal_codes", [])), "AUD-012") == set()
}

# Location alone, however small, selects nobody by their traits.
test_aud012_location_only_passes if {
	doc := _with(_without(_aud, "/normalized/include"), "/normalized/geo/cities", [{"name": "Sigtuna", "radius_km": 2}])
	_rule(_warn_of(doc), "AUD-012") == set()
}

test_aud012_wide_radius_passes if {
	doc := _with(_aud, "/normalized/geo/cities", [{"name": "Uppsala", "radius_km": 25}])
	_rule(_warn_of(doc), "AUD-012") == set()
}


# --- further conditions -----------------------------------------------------------------------------------

# One of the country's elections has no voting age: unknown, while the others are still compared.
test_aud006_one_election_without_voting_age_needs_review if {
	ctx := object.union(_ctx, {"elections": [{"id": "MT-NAT-2027", "country": "MT"}, {"id": "MT-EP-2029", "country": "MT", "voting_age": 16}]})
	doc := _without(_with(_aged(_aud, 14), "/normalized/geo/countries", ["MT"]), "/political/election_ids")
	findings := audience.deny with input as _in(doc, {}, [], [], "2026-11-23") with data.ethiq.context as ctx
	_rule(findings, "AUD-006") == {
		["needs_review", ["normalized", "age_min"], "voting_age_missing"],
		["fail", ["normalized", "age_min"], "below_voting_age"],
	}
}

# A link whose document is missing from `related` is as unknown as an unresolved reference.
test_aud003_excluded_link_without_document_needs_review if {
	findings := _run(_excl_aud, {}, _excl_links, [], "2026-11-23").deny
	_rule(findings, "AUD-003") == {["needs_review", _excl_via, "excluded_source_unresolved"]}
}

# A criterion without a name is named by its platform id in the message.
test_aud002_criterion_named_by_id if {
	c := object.remove(object.union(_interest, {"platform_id": "6003111"}), ["name"])
	_params(_deny_of(_include(c)), "AUD-002", "art9_mapped").criterion == "6003111"
}
