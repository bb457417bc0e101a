package ethiq.lib.sources_test

import data.ethiq.lib.sources

# --- fixtures ------------------------------------------------------------------------------------------

_context := {"taxonomies": {"psychographic_data_categories": ["user.inferred.personality", "user.inferred.psychographic"]}}

# A source that passes both rules: collected by the party itself on a web form, no personality data.
_clean := {
	"kind": "data_source",
	"id": "ds_clean",
	"vendor_id": null,
	"origin": "first_party_direct",
	"collection": {"method": "web_form", "collected_by": "party"},
	"data_categories": ["user.contact.email", "user.demographic.age_range"],
}

_vendors := {
	"ven_apps": {"kind": "vendor", "id": "ven_apps", "roles": ["app_developer", "data_broker"]},
	"ven_media": {"kind": "vendor", "id": "ven_media", "roles": ["media_agency"]},
	"ven_vague": {"kind": "vendor", "id": "ven_vague", "roles": "unknown"},
}

# `ds` with one top-level field replaced wholesale (object.union would merge nested objects instead).
_set(ds, key, value) := object.union(object.remove(ds, [key]), {key: value})

# The reasons of one rule as [status, path, message] triples: exact, so a wrong path or status fails.
_of(reasons, rule) := {[r.status, r.path, r.message] | some r in reasons; r.rule == rule}

_banned(ds) := reasons if {
	reasons := sources.banned(ds, _vendors) with data.ethiq.context as _context
}

# --- clean ---------------------------------------------------------------------------------------------

test_banned_clean_source_passes if {
	count(_banned(_clean)) == 0
}

test_banned_clean_source_with_clean_vendor_passes if {
	count(_banned(object.union(_clean, {"vendor_id": "ven_media"}))) == 0
}

# --- DAT-005 -------------------------------------------------------------------------------------------

test_dat005_every_app_method_fails if {
	every method in ["quiz_app", "personality_test", "social_login_app"] {
		reasons := _banned(object.union(_clean, {"collection": {"method": method}}))
		_of(reasons, "DAT-005") == {["fail", ["collection", "method"], "app_method"]}
		some r in reasons
		r.params == {"method": method}
	}
}

test_dat005_app_origin_fails if {
	every origin in ["quiz_app", "app_developer"] {
		reasons := _banned(object.union(_clean, {"origin": origin}))
		_of(reasons, "DAT-005") == {["fail", ["origin"], "app_origin"]}
	}
}

test_dat005_platform_app_id_fails if {
	reasons := _banned(object.union(_clean, {"collection": {"method": "web_form", "platform_app_id": "1234567890"}}))
	_of(reasons, "DAT-005") == {["fail", ["collection", "platform_app_id"], "platform_app"]}
}

test_dat005_empty_platform_app_id_passes if {
	every app_id in ["", null] {
		count(_banned(object.union(_clean, {"collection": {"method": "web_form", "platform_app_id": app_id}}))) == 0
	}
}

test_dat005_app_developer_vendor_fails if {
	reasons := _banned(object.union(_clean, {"vendor_id": "ven_apps"}))
	_of(reasons, "DAT-005") == {["fail", ["vendor_id"], "app_developer_vendor"]}
}

# An app developer that collected the data for the party makes it app-developer data too.
test_dat005_app_developer_collector_fails if {
	ds := object.union(_clean, {"collection": {"method": "web_form", "collected_by": "ven_apps"}})
	_of(_banned(ds), "DAT-005") == {["fail", ["collection", "collected_by"], "app_developer_vendor"]}
}

test_dat005_collector_missing_needs_review if {
	ds := object.union(_clean, {"collection": {"method": "web_form", "collected_by": "ven_gone"}})
	_of(_banned(ds), "DAT-005") == {["needs_review", ["collection", "collected_by"], "vendor_missing"]}
}

# "party" is not a vendor reference.
test_dat005_party_collector_passes if {
	ds := object.union(_clean, {"collection": {"method": "web_form", "collected_by": "party"}})
	_of(_banned(ds), "DAT-005") == set()
}

# T09: the party's own quiz app. A clean declared origin does not clear the method.
test_dat005_t09_first_party_origin_quiz_method_fails if {
	ds := object.union(_clean, {"origin": "first_party_direct", "collection": {"method": "quiz_app", "collected_by": "party"}})
	_of(_banned(ds), "DAT-005") == {["fail", ["collection", "method"], "app_method"]}
}

# Every condition that holds is reported, each at its own path.
test_dat005_several_conditions_all_reported if {
	ds := object.union(_clean, {
		"origin": "quiz_app",
		"vendor_id": "ven_apps",
		"collection": {"method": "quiz_app", "platform_app_id": "42"},
	})
	_of(_banned(ds), "DAT-005") == {
		["fail", ["collection", "method"], "app_method"],
		["fail", ["origin"], "app_origin"],
		["fail", ["collection", "platform_app_id"], "platform_app"],
		["fail", ["vendor_id"], "app_developer_vendor"],
	}
}

test_dat005_method_unknown_needs_review if {
	every collection in [{}, {"method": null}, {"method": "unknown"}] {
		reasons := _banned(_set(_clean, "collection", collection))
		_of(reasons, "DAT-005") == {["needs_review", ["collection", "method"], "method_unknown"]}
	}
}

test_dat005_collection_missing_needs_review if {
	reasons := _banned(object.remove(_clean, ["collection"]))
	_of(reasons, "DAT-005") == {["needs_review", ["collection", "method"], "method_unknown"]}
}

test_dat005_platform_app_unknown_needs_review if {
	ds := object.union(_clean, {"collection": {"platform_app_id": "unknown"}})
	_of(_banned(ds), "DAT-005") == {["needs_review", ["collection", "platform_app_id"], "platform_app_unknown"]}
}

test_dat005_vendor_declared_unknown_needs_review if {
	ds := object.union(_clean, {"vendor_id": "unknown", "collection": {"collected_by": "unknown"}})
	_of(_banned(ds), "DAT-005") == {
		["needs_review", ["vendor_id"], "vendor_unknown"],
		["needs_review", ["collection", "collected_by"], "vendor_unknown"],
	}
}

test_dat005_vendor_missing_needs_review if {
	reasons := _banned(object.union(_clean, {"vendor_id": "ven_gone"}))
	_of(reasons, "DAT-005") == {["needs_review", ["vendor_id"], "vendor_missing"]}
	some r in reasons
	r.params == {"vendor": "ven_gone"}
}

test_dat005_vendor_roles_unknown_needs_review if {
	reasons := _banned(object.union(_clean, {"vendor_id": "ven_vague"}))
	_of(reasons, "DAT-005") == {["needs_review", ["vendor_id"], "vendor_roles_unknown"]}
}

# A fail settles DAT-005: the unknown vendor is not also sent to review.
test_dat005_fail_suppresses_review if {
	ds := object.union(_clean, {"vendor_id": "ven_gone", "collection": {"method": "quiz_app"}})
	_of(_banned(ds), "DAT-005") == {["fail", ["collection", "method"], "app_method"]}
}

# --- DAT-006 -------------------------------------------------------------------------------------------

test_dat006_personality_category_fails if {
	ds := object.union(_clean, {"data_categories": ["user.contact.email", "user.inferred.personality"]})
	reasons := _banned(ds)
	_of(reasons, "DAT-006") == {["fail", ["data_categories", 1], "psychographic_category"]}
	some r in reasons
	r.params == {"category": "user.inferred.personality"}
}

test_dat006_psychographic_category_fails if {
	ds := object.union(_clean, {"data_categories": ["user.inferred.psychographic"]})
	_of(_banned(ds), "DAT-006") == {["fail", ["data_categories", 0], "psychographic_category"]}
}

test_dat006_subcategory_fails if {
	ds := object.union(_clean, {"data_categories": ["user.inferred.personality.ocean"]})
	_of(_banned(ds), "DAT-006") == {["fail", ["data_categories", 0], "psychographic_category"]}
}

# Only the key or a key below it: a longer sibling name or a parent key is not personality data.
test_dat006_similar_keys_pass if {
	ds := object.union(_clean, {"data_categories": ["user.inferred.personality_free", "user.inferred", "user.inferred.political_leaning"]})
	_of(_banned(ds), "DAT-006") == set()
}

# The list is data: the context decides which categories count.
test_dat006_context_taxonomy_decides if {
	ds := object.union(_clean, {"data_categories": ["user.inferred.personality", "custom.mindset"]})
	context := {"taxonomies": {"psychographic_data_categories": ["custom.mindset"]}}
	reasons := sources.banned(ds, _vendors) with data.ethiq.context as context
	_of(reasons, "DAT-006") == {["fail", ["data_categories", 1], "psychographic_category"]}
}

# Without the taxonomy in the context the catalog's own key still counts: the rule is never switched off.
test_dat006_default_taxonomy_without_context if {
	ds := object.union(_clean, {"data_categories": ["user.inferred.personality"]})
	reasons := sources.banned(ds, _vendors) with data.ethiq.context as {}
	_of(reasons, "DAT-006") == {["fail", ["data_categories", 0], "psychographic_category"]}
}

test_dat006_psychographic_segment_fails if {
	ds := object.union(_clean, {"segments": [
		{"type": "interest", "name": "Public transport", "source": "platform_taxonomy"},
		{"type": "psychographic_segment", "name": "OCEAN High-N", "source": "vendor"},
	]})
	reasons := _banned(ds)
	_of(reasons, "DAT-006") == {["fail", ["segments", 1], "psychographic_segment"]}
	some r in reasons
	r.params == {"segment": "OCEAN High-N"}
}

# T02: the platform interest "Personality" is keyed on its type, not its name, and passes.
test_dat006_t02_interest_named_personality_passes if {
	ds := object.union(_clean, {"segments": [{"type": "interest", "name": "Personality", "source": "platform_taxonomy"}]})
	count(_banned(ds)) == 0
}

test_dat006_categories_unknown_needs_review if {
	every categories in [null, "unknown"] {
		reasons := _banned(object.union(_clean, {"data_categories": categories}))
		_of(reasons, "DAT-006") == {["needs_review", ["data_categories"], "categories_unknown"]}
	}
}

test_dat006_categories_missing_needs_review if {
	reasons := _banned(object.remove(_clean, ["data_categories"]))
	_of(reasons, "DAT-006") == {["needs_review", ["data_categories"], "categories_unknown"]}
}

test_dat006_empty_categories_pass if {
	count(_banned(object.union(_clean, {"data_categories": []}))) == 0
}

# A psychographic segment settles DAT-006 even when the categories are not declared.
test_dat006_segment_fail_suppresses_review if {
	ds := object.union(object.remove(_clean, ["data_categories"]), {"segments": [{"type": "psychographic_segment"}]})
	_of(_banned(ds), "DAT-006") == {["fail", ["segments", 0], "psychographic_segment"]}
}

# The two rules are independent: one source can fail both.
test_banned_reports_both_rules if {
	ds := object.union(_clean, {"collection": {"method": "quiz_app"}, "data_categories": ["user.inferred.personality"]})
	reasons := _banned(ds)
	_of(reasons, "DAT-005") == {["fail", ["collection", "method"], "app_method"]}
	_of(reasons, "DAT-006") == {["fail", ["data_categories", 0], "psychographic_category"]}
}

# A malformed document is unknown, never an error and never a pass.
test_banned_non_object_source_needs_review if {
	reasons := _banned("not a document")
	_of(reasons, "DAT-005") == {["needs_review", ["collection", "method"], "method_unknown"]}
	_of(reasons, "DAT-006") == {["needs_review", ["data_categories"], "categories_unknown"]}
}
