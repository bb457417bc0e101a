package ethiq.lib.native_test

import data.ethiq.lib.native

test_json_path_quotes_keys_that_are_not_identifiers if {
	native.json_path(["native_spec", "flexible_spec", 1, "interests", 0]) == "$.native_spec.flexible_spec[1].interests[0]"
	native.json_path(["native_spec", "targetingCriteria", "exclude", "or", "urn:li:adTargetingFacet:groups", 0]) == `$.native_spec.targetingCriteria.exclude.or["urn:li:adTargetingFacet:groups"][0]`
	native.json_path([]) == "$"
	native.json_path(null) == "$"
}

test_nat_001_mismatch_points_at_the_native_value_else_the_stated_one if {
	nat := {"platform": "meta", "declared_mismatch": [
		{"view_path": ["normalized", "include", 1], "native_path": ["native_spec", "flexible_spec", 0, "interests", 1], "declared_path": null, "what": "missing"},
		{"view_path": ["normalized", "age_min"], "native_path": ["native_spec", "age_min"], "declared_path": ["normalized", "age_min"], "what": "different"},
		{"view_path": ["normalized", "exclude", 0], "native_path": null, "declared_path": ["normalized", "exclude", 0], "what": "extra"},
	]}
	native.mismatch_reasons(nat) == {
		{"rule": "NAT-001", "status": "fail", "path": ["native_spec", "flexible_spec", 0, "interests", 1], "message": "missing", "params": {
			"view": "$.normalized.include[1]", "native": "$.native_spec.flexible_spec[0].interests[1]", "declared": "-", "platform": "meta",
		}},
		{"rule": "NAT-001", "status": "fail", "path": ["native_spec", "age_min"], "message": "different", "params": {
			"view": "$.normalized.age_min", "native": "$.native_spec.age_min", "declared": "$.normalized.age_min", "platform": "meta",
		}},
		{"rule": "NAT-001", "status": "fail", "path": ["normalized", "exclude", 0], "message": "extra", "params": {
			"view": "$.normalized.exclude[0]", "native": "-", "declared": "$.normalized.exclude[0]", "platform": "meta",
		}},
	}
}

test_a_malformed_mismatch_still_fails if {
	native.mismatch_reasons({"declared_mismatch": [{"what": "odd"}, {"view_path": ["political"], "what": 3}]}) == {
		{"rule": "NAT-001", "status": "fail", "path": [], "message": "different", "params": {"view": "-", "native": "-", "declared": "-", "platform": "unknown"}},
		{"rule": "NAT-001", "status": "fail", "path": ["political"], "message": "different", "params": {"view": "$.political", "native": "-", "declared": "-", "platform": "unknown"}},
	}
}

test_no_mismatch_without_native_input if {
	native.mismatch_reasons({}) == set()
	native.mismatch_reasons({"declared_mismatch": "not a list"}) == set()
}

test_nat_002_every_unknown_native_key_needs_review_at_its_path if {
	nat := {"platform": "google_ads", "unknown": [
		{"path": ["native_spec", "ad_group_criteria", 2, "life_event"], "key": "life_event", "reason": "unknown_key"},
		{"path": ["native_objects", "user_lists", 0, "logical_user_list"], "key": "logical_user_list", "reason": "unsupported"},
		{"path": null, "key": 7, "reason": "something new"},
	]}
	native.unknown_reasons(nat) == {
		{"rule": "NAT-002", "status": "needs_review", "path": ["native_spec", "ad_group_criteria", 2, "life_event"], "message": "unknown_key", "params": {
			"key": "life_event", "native": "$.native_spec.ad_group_criteria[2].life_event", "platform": "google_ads",
		}},
		{"rule": "NAT-002", "status": "needs_review", "path": ["native_objects", "user_lists", 0, "logical_user_list"], "message": "unsupported", "params": {
			"key": "logical_user_list", "native": "$.native_objects.user_lists[0].logical_user_list", "platform": "google_ads",
		}},
		{"rule": "NAT-002", "status": "needs_review", "path": [], "message": "unknown_key", "params": {"key": "7", "native": "$", "platform": "google_ads"}},
	}
}

# --- AUD-014 ---------------------------------------------------------------------------------------------

_voter_list := {"ref": "customers/1/userLists/9", "subtype": "customer_list", "list_source": "third_party_voter_file"}

test_aud_014_third_party_list_fails_included_or_excluded if {
	aud := {"platform": "google_ads", "normalized": {
		"custom_audiences": [_voter_list, {"ref": "customers/1/userLists/3", "subtype": "customer_list", "list_source": "first_party"}],
		"excluded_custom_audiences": [{"subtype": "lookalike", "list_source": "third_party_partner"}],
	}}
	native.aud014(aud, null) == {
		{"rule": "AUD-014", "status": "fail", "path": ["normalized", "custom_audiences", 0, "list_source"], "message": "third_party_list", "params": {
			"audience": "customers/1/userLists/9", "source": "third_party_voter_file",
		}},
		{"rule": "AUD-014", "status": "fail", "path": ["normalized", "excluded_custom_audiences", 0, "list_source"], "message": "third_party_list", "params": {
			"audience": "#0", "source": "third_party_partner",
		}},
	}
}

test_aud_014_customer_list_without_source_needs_review_only_when_read_from_native if {
	aud := {"platform": "meta", "normalized": {"custom_audiences": [{"ref": "23", "subtype": "customer_list"}, {"ref": "24", "subtype": "website"}]}}
	native.aud014(aud, {"platform": "meta", "unknown": [], "declared_mismatch": []}) == {{
		"rule": "AUD-014", "status": "needs_review", "path": ["normalized", "custom_audiences", 0], "message": "list_source_unknown", "params": {"audience": "23"},
	}}
	native.aud014(aud, null) == set()
}

test_aud_014_an_undescribed_list_needs_review_where_the_platform_has_an_object_for_it if {
	aud := {"platform": "google_ads", "normalized": {"excluded_custom_audiences": [{"ref": "customers/1/userLists/5"}]}}
	native.aud014(aud, {"platform": "google_ads"}) == {{
		"rule": "AUD-014", "status": "needs_review", "path": ["normalized", "excluded_custom_audiences", 0], "message": "list_source_unknown",
		"params": {"audience": "customers/1/userLists/5"},
	}}
	native.aud014(object.union(aud, {"platform": "linkedin"}), {"platform": "linkedin"}) == set()
}

# --- AUD-015 ---------------------------------------------------------------------------------------------

test_aud_015_denied_signal_fails if {
	aud := {"platform": "google_ads", "normalized": {"custom_audiences": [{
		"ref": "customers/1/userLists/3", "subtype": "customer_list", "consent": {"ad_user_data": true, "ad_personalization": false},
	}]}}
	native.aud015(aud, {"platform": "google_ads"}) == {{
		"rule": "AUD-015", "status": "fail", "path": ["normalized", "custom_audiences", 0, "consent", "ad_personalization"], "message": "consent_denied",
		"params": {"audience": "customers/1/userLists/3", "signal": "ad_personalization"},
	}}
}

test_aud_015_google_customer_list_without_signals_needs_review if {
	aud := {"platform": "google_ads", "normalized": {"custom_audiences": [{"ref": "L", "subtype": "customer_list", "consent": {"ad_user_data": "unknown"}}]}}
	native.aud015(aud, {"platform": "google_ads"}) == {
		{"rule": "AUD-015", "status": "needs_review", "path": ["normalized", "custom_audiences", 0], "message": "consent_unknown", "params": {"audience": "L", "signal": "ad_user_data"}},
		{"rule": "AUD-015", "status": "needs_review", "path": ["normalized", "custom_audiences", 0], "message": "consent_unknown", "params": {"audience": "L", "signal": "ad_personalization"}},
	}
	native.aud015(object.union(aud, {"platform": "meta"}), {"platform": "meta"}) == native.aud015(aud, null)
	count(native.aud015(aud, null)) == 2
}

test_aud_015_no_signal_needed_where_none_is_stated_or_expected if {
	aud := {"platform": "meta", "normalized": {"custom_audiences": [{"ref": "L", "subtype": "customer_list"}]}}
	native.aud015(aud, {"platform": "meta"}) == set()
	native.aud015(object.union(aud, {"platform": "google_ads"}), null) == set()
	count(native.aud015(object.union(aud, {"platform": "google_ads"}), {"platform": "google_ads"})) == 2
}

# --- AUD-016 ---------------------------------------------------------------------------------------------

_group := {"type": "group", "platform_id": "urn:li:group:4711", "source": "platform_taxonomy"}

test_aud_016_group_in_the_eu_fails_included_or_excluded if {
	aud := {"platform": "linkedin", "normalized": {"geo": {"countries": ["US", "SE", "DE"]}, "include": [{"type": "skill", "platform_id": "urn:li:skill:1"}, _group], "exclude": [{"type": "group"}]}}
	native.aud016(aud) == {
		{"rule": "AUD-016", "status": "fail", "path": ["normalized", "include", 1], "message": "eu_group", "params": {"criterion": "urn:li:group:4711", "countries": "DE, SE"}},
		{"rule": "AUD-016", "status": "fail", "path": ["normalized", "exclude", 0], "message": "eu_group", "params": {"criterion": "#0", "countries": "DE, SE"}},
	}
}

test_aud_016_group_with_unknown_countries_needs_review if {
	aud := {"platform": "linkedin", "normalized": {"geo": {"regions": ["urn:li:geo:105117694"]}, "include": [_group]}}
	native.aud016(aud) == {{"rule": "AUD-016", "status": "needs_review", "path": ["normalized", "include", 0], "message": "countries_unknown", "params": {"criterion": "urn:li:group:4711"}}}
}

test_aud_016_group_outside_the_eu_or_on_another_platform_passes if {
	native.aud016({"platform": "linkedin", "normalized": {"geo": {"countries": ["US"]}, "include": [_group]}}) == set()
	native.aud016({"platform": "meta", "normalized": {"geo": {"countries": ["SE"]}, "include": [_group]}}) == set()
}

test_aud_016_election_countries_count_when_the_geo_is_unknown if {
	aud := {"platform": "linkedin", "political": {"election_ids": ["SE-RIKSDAG-2026"]}, "normalized": {"include": [_group]}}
	reasons := native.aud016(aud) with data.ethiq.context as {"elections": [{"id": "SE-RIKSDAG-2026", "country": "SE", "voting_age": 18}]}
	reasons == {{"rule": "AUD-016", "status": "fail", "path": ["normalized", "include", 0], "message": "eu_group", "params": {"criterion": "urn:li:group:4711", "countries": "SE"}}}
}
