package ethiq.lib.audiences_test

import data.ethiq.lib.audiences

# The helpers the audience rules share, and the defaults a thin context falls back on. The rules' own
# conditions are tested through the judging package (policies/rules/audience_test.rego).

_elections := [
	{"id": "SE-RIKSDAG-2026", "country": "SE", "voting_age": 18},
	{"id": "DE-EP-2024", "country": "DE", "voting_age": 16},
	{"id": "DE-BT-2029", "country": "DE", "voting_age": 18},
]

# --- political_status -----------------------------------------------------------------------------------

test_aud005_political_status_true if {
	audiences.political_status({"political": {"is_political_advertising": true}}) == "true"
}

test_aud005_political_status_false if {
	audiences.political_status({"political": {"is_political_advertising": false}}) == "false"
}

# Missing, null and "unknown" are all unknown: never read as "not political".
test_aud005_political_status_unknown if {
	audiences.political_status({"political": {"is_political_advertising": "unknown"}}) == "unknown"
	audiences.political_status({"political": {"is_political_advertising": null}}) == "unknown"
	audiences.political_status({"political": {}}) == "unknown"
	audiences.political_status({}) == "unknown"
	audiences.political_status({"political": {"is_political_advertising": "yes"}}) == "unknown"
}

test_aud005_ttpa_applies_from_its_date if {
	audiences.ttpa_applies("2025-10-10")
	audiences.ttpa_applies("2026-11-23")
	not audiences.ttpa_applies("2025-10-09")
	not audiences.ttpa_applies(null)
}

# --- thresholds and floors ------------------------------------------------------------------------------

test_aud001_thresholds_from_context if {
	audiences.threshold("min_audience_size") == 5000 with data.ethiq.context as {"thresholds": {"min_audience_size": 5000}}
}

test_aud001_threshold_defaults_for_thin_context if {
	audiences.threshold("min_audience_size") == 1000 with data.ethiq.context as {}
	audiences.threshold("min_seed_size") == 1000 with data.ethiq.context as {}
	audiences.threshold("geo_min_radius_km") == 5 with data.ethiq.context as {}
	audiences.threshold("min_justification_chars") == 40 with data.ethiq.context as {}
}

test_aud001_platform_floor_defaults_to_catalog_table if {
	audiences.platform_floor("linkedin") == 300 with data.ethiq.context as {}
	audiences.platform_floor("tiktok") == 1000 with data.ethiq.context as {}
}

# A platform without a floor of its own has only the policy floor.
test_aud001_platform_without_floor if {
	audiences.platform_floor("email") == 0 with data.ethiq.context as {"platform_floors": {"meta": 100}}
	audiences.min_audience_size({"platform": "email"}) == 1000 with data.ethiq.context as {"platform_floors": {"meta": 100}}
}

test_aud001_floor_is_the_higher_of_the_two if {
	ctx := {"thresholds": {"min_audience_size": 200}, "platform_floors": {"tiktok": 1000}}
	audiences.min_audience_size({"platform": "tiktok"}) == 1000 with data.ethiq.context as ctx
	audiences.min_audience_size({"platform": "meta"}) == 200 with data.ethiq.context as ctx
}

# --- the Art. 9 test of a criterion -----------------------------------------------------------------------

_statuses(reasons) := {[r.status, r.message] | some r in reasons}

# A fail settles the criterion: its name's suspicion is not reported on top.
test_aud002_fail_settles_the_criterion if {
	c := {"type": "interest", "name": "Religion", "art9": ["religious_or_philosophical_beliefs"]}
	reasons := audiences.art9_reasons("AUD-002", c, 0, ["normalized", "include", 0], "meta") with data.ethiq.context as {}
	_statuses(reasons) == {["fail", "art9_declared"]}
}

# Without patterns in the context, the catalog's own example still triggers a review.
test_aud002_default_patterns_for_thin_context if {
	c := {"type": "interest", "name": "Religion", "art9": []}
	reasons := audiences.art9_reasons("AUD-002", c, 0, ["normalized", "include", 0], "meta") with data.ethiq.context as {}
	_statuses(reasons) == {["needs_review", "name_pattern"]}
}

test_aud002_context_patterns_replace_defaults if {
	c := {"type": "interest", "name": "Religion", "art9": []}
	ctx := {"sensitive_criteria_map": {"name_patterns": [{"pattern": "(?i)opera", "art9": ["health"]}]}}
	reasons := audiences.art9_reasons("AUD-002", c, 0, ["normalized", "include", 0], "meta") with data.ethiq.context as ctx
	reasons == set()
}

# The id map is per platform: a Meta id means nothing on LinkedIn.
test_aud002_map_is_per_platform if {
	ctx := {"sensitive_criteria_map": {"criteria": {"meta": {"123": ["health"]}}, "name_patterns": []}}
	c := {"type": "interest", "platform_id": "123", "name": "x", "art9": []}
	_statuses(audiences.art9_reasons("AUD-002", c, 0, [], "meta")) == {["fail", "art9_mapped"]} with data.ethiq.context as ctx
	audiences.art9_reasons("AUD-002", c, 0, [], "linkedin") == set() with data.ethiq.context as ctx
}

# The message names the platform and the platform's id of the mapped criterion.
test_aud002_mapped_names_platform_and_id if {
	ctx := {"sensitive_criteria_map": {"criteria": {"meta": {"123": ["health"]}}, "name_patterns": []}}
	c := {"type": "interest", "platform_id": "123", "name": "x", "art9": []}
	some r in audiences.art9_reasons("AUD-002", c, 0, [], "meta") with data.ethiq.context as ctx
	r.params.platform == "meta"
	r.params.id == "123"
}

# Name patterns that are not a list are no patterns: the defaults stay on rather than the check going off.
test_aud002_context_patterns_not_a_list_keep_defaults if {
	c := {"type": "interest", "name": "Religion", "art9": []}
	every junk in ["(?i)opera", {"pattern": "(?i)opera"}, 5] {
		ctx := {"sensitive_criteria_map": {"name_patterns": junk}}
		reasons := audiences.art9_reasons("AUD-002", c, 0, ["normalized", "include", 0], "meta") with data.ethiq.context as ctx
		_statuses(reasons) == {["needs_review", "name_pattern"]}
	}
}

# input.name_patterns: the engine's answer for a name replaces regex.match (the engine matched it once per
# run); a name it gave no answer for is matched here.
_two_patterns := {"sensitive_criteria_map": {"name_patterns": [
	{"pattern": "(?i)religi", "art9": ["religious_or_philosophical_beliefs"]},
	{"pattern": "(?i)health", "art9": ["health"]},
]}}

_pattern_reasons(name, inp) := reasons if {
	c := {"type": "interest", "name": name, "art9": []}
	reasons := audiences.art9_reasons("AUD-002", c, 0, ["normalized", "include", 0], "meta") with data.ethiq.context as _two_patterns
		with input as inp
}

test_aud002_name_patterns_from_the_engine_are_the_hits if {
	reasons := _pattern_reasons("Gardening", {"name_patterns": {"Gardening": ["(?i)health"]}})
	{r.params.categories | some r in reasons} == {["health"]}
}

test_aud002_name_patterns_from_the_engine_no_hit_is_no_hit if {
	_pattern_reasons("Religion", {"name_patterns": {"Religion": []}}) == set()
}

test_aud002_name_patterns_without_an_answer_match_here if {
	{r.params.categories | some r in _pattern_reasons("Religion", {})} == {["religious_or_philosophical_beliefs"]}
	{r.params.categories | some r in _pattern_reasons("Religion", {"name_patterns": {"Other": []}})} == {["religious_or_philosophical_beliefs"]}
	{r.params.categories | some r in _pattern_reasons("Religion", {"name_patterns": {"Religion": "junk"}})} == {["religious_or_philosophical_beliefs"]}
	_pattern_reasons("Gardening", {}) == set()
}

# A hit on a pattern the context does not hold is no hit.
test_aud002_name_patterns_only_the_contexts_patterns if {
	_pattern_reasons("Gardening", {"name_patterns": {"Gardening": ["(?i)garden"]}}) == set()
}

# --- spec_nodes -----------------------------------------------------------------------------------------

test_aud009_spec_nodes_reach_eight_levels if {
	spec := {"a": [{"b": {"c": [{"d": {"politics": 1}}]}}]}
	paths := {n[0] | some n in audiences.spec_nodes(spec)}
	["a", 0, "b", "c", 0, "d", "politics"] in paths
}

test_aud009_spec_nodes_of_non_object if {
	audiences.spec_nodes([1, 2]) == set()
	audiences.spec_nodes("x") == set()
}

test_aud009_meta_audience_without_an_object_spec_has_no_legacy_field if {
	audiences.aud009({"platform": "meta"}) == set()
	audiences.aud009({"platform": "meta", "native_spec": ["politics"]}) == set()
	audiences.aud009({"platform": "meta", "native_spec": "politics"}) == set()
	count(audiences.aud009({"platform": "meta", "native_spec": {"politics": [1]}})) == 1
}

# --- countries and elections (AUD-006) ------------------------------------------------------------------

test_aud006_countries_from_geo if {
	audiences.countries({"normalized": {"geo": {"countries": ["SE", "FI"]}}}) == {"SE", "FI"}
}

test_aud006_countries_from_elections_without_geo if {
	doc := {"political": {"election_ids": ["DE-EP-2024"]}}
	audiences.countries(doc) == {"DE"} with data.ethiq.context as {"elections": _elections}
}

test_aud006_named_elections_decide if {
	doc := {"political": {"election_ids": ["DE-EP-2024"]}}
	[e.id | some e in audiences.elections_in(doc, "DE")] == ["DE-EP-2024"] with data.ethiq.context as {"elections": _elections}
}

test_aud006_all_elections_of_the_country_without_named_ones if {
	ids := {e.id | some e in audiences.elections_in({}, "DE")} with data.ethiq.context as {"elections": _elections}
	ids == {"DE-EP-2024", "DE-BT-2029"}
}

# A named election elsewhere does not hide the elections of a targeted country.
test_aud006_named_election_of_another_country if {
	doc := {"political": {"election_ids": ["SE-RIKSDAG-2026"]}}
	ids := {e.id | some e in audiences.elections_in(doc, "DE")} with data.ethiq.context as {"elections": _elections}
	ids == {"DE-EP-2024", "DE-BT-2029"}
}
