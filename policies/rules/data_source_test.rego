package ethiq.rules.data_source_test

import data.ethiq.rules.data_source

# The lib's own tests cover every condition; these prove the rules' wiring: ids, statuses, paths and the
# vendors taken from input.related.

_context := {"taxonomies": {"psychographic_data_categories": ["user.inferred.personality", "user.inferred.psychographic"]}}

_clean := {
	"kind": "data_source",
	"id": "ds_newsletter",
	"vendor_id": "ven_mail",
	"origin": "first_party_direct",
	"collection": {"method": "newsletter_signup", "collected_by": "party", "collected_from_data_subject": true},
	"data_categories": ["user.contact.email"],
}

_input(ds, vendors) := {
	"kind": "data_source",
	"as_of": "2026-05-01",
	"document": ds,
	"related": {"vendor": vendors},
	"links": [],
	"unresolved": [],
	"names": {},
}

_mail_vendor := {"ven_mail": {"kind": "vendor", "id": "ven_mail", "roles": ["media_agency"]}}

_deny(ds, vendors) := findings if {
	findings := data_source.deny with input as _input(ds, vendors) with data.ethiq.context as _context
}

_of(findings, rule) := {[f.status, f.path, f.message] | some f in findings; f.rule == rule}

test_dat005_clean_source_passes if {
	count(_deny(_clean, _mail_vendor)) == 0
}

test_dat006_clean_source_passes if {
	_of(_deny(_clean, _mail_vendor), "DAT-006") == set()
}

test_dat005_quiz_method_fails if {
	findings := _deny(object.union(_clean, {"collection": {"method": "quiz_app"}}), _mail_vendor)
	_of(findings, "DAT-005") == {["fail", ["collection", "method"], "app_method"]}
	_of(findings, "DAT-006") == set()
}

test_dat005_app_origin_fails if {
	findings := _deny(object.union(_clean, {"origin": "app_developer"}), _mail_vendor)
	_of(findings, "DAT-005") == {["fail", ["origin"], "app_origin"]}
}

test_dat005_platform_app_id_fails if {
	findings := _deny(object.union(_clean, {"collection": {"platform_app_id": "fb_app_1"}}), _mail_vendor)
	_of(findings, "DAT-005") == {["fail", ["collection", "platform_app_id"], "platform_app"]}
}

# The vendor's roles come from input.related.vendor.
test_dat005_app_developer_vendor_fails if {
	vendors := {"ven_mail": {"kind": "vendor", "id": "ven_mail", "roles": ["app_developer"]}}
	findings := _deny(_clean, vendors)
	_of(findings, "DAT-005") == {["fail", ["vendor_id"], "app_developer_vendor"]}
}

# T09: "Vilken liberal är du?", the party's own quiz app, declared first-party.
test_dat005_t09_first_party_quiz_app_fails if {
	ds := object.union(_clean, {"origin": "first_party_direct", "collection": {"method": "quiz_app", "collected_by": "party"}})
	findings := _deny(ds, _mail_vendor)
	_of(findings, "DAT-005") == {["fail", ["collection", "method"], "app_method"]}
}

test_dat005_method_unknown_needs_review if {
	ds := object.union(_clean, {"collection": {"method": "unknown"}})
	_of(_deny(ds, _mail_vendor), "DAT-005") == {["needs_review", ["collection", "method"], "method_unknown"]}
}

# The vendor is not in the run (input.related has no vendors at all): fail closed.
test_dat005_vendor_not_in_run_needs_review if {
	findings := data_source.deny with input as object.remove(_input(_clean, {}), ["related"]) with data.ethiq.context as _context
	_of(findings, "DAT-005") == {["needs_review", ["vendor_id"], "vendor_missing"]}
}

test_dat006_personality_category_fails if {
	ds := object.union(_clean, {"data_categories": ["user.contact.email", "user.inferred.personality"]})
	findings := _deny(ds, _mail_vendor)
	_of(findings, "DAT-006") == {["fail", ["data_categories", 1], "psychographic_category"]}
	_of(findings, "DAT-005") == set()
}

test_dat006_psychographic_segment_fails if {
	ds := object.union(_clean, {"segments": [{"type": "psychographic_segment", "name": "OCEAN High-N", "source": "vendor"}]})
	_of(_deny(ds, _mail_vendor), "DAT-006") == {["fail", ["segments", 0], "psychographic_segment"]}
}

# T02: an interest called "Personality" is not a psychographic segment.
test_dat006_t02_interest_named_personality_passes if {
	ds := object.union(_clean, {"segments": [{"type": "interest", "name": "Personality", "source": "platform_taxonomy"}]})
	count(_deny(ds, _mail_vendor)) == 0
}

test_dat006_categories_unknown_needs_review if {
	ds := object.remove(_clean, ["data_categories"])
	_of(_deny(ds, _mail_vendor), "DAT-006") == {["needs_review", ["data_categories"], "categories_unknown"]}
}

# The document model's example source (§10.3): a quiz "first_party_direct" with personality scores.
test_dat005_dat006_document_model_example_fails_both if {
	ds := {
		"kind": "data_source", "id": "ds_quiz_2026", "vendor_id": "ven_fun_apps", "origin": "first_party_direct",
		"collection": {"method": "quiz_app", "collected_by": "ven_fun_apps", "platform_app_id": "<fb_app_id>"},
		"data_categories": ["user.contact.email", "user.inferred.personality"],
	}
	findings := _deny(ds, {"ven_fun_apps": {"kind": "vendor", "id": "ven_fun_apps", "roles": ["app_developer"]}})
	_of(findings, "DAT-005") == {
		["fail", ["collection", "method"], "app_method"],
		["fail", ["collection", "platform_app_id"], "platform_app"],
		["fail", ["vendor_id"], "app_developer_vendor"],
		["fail", ["collection", "collected_by"], "app_developer_vendor"],
	}
	_of(findings, "DAT-006") == {["fail", ["data_categories", 1], "psychographic_category"]}
}

# Every finding is complete: the engine renders it from these fields.
test_dat005_findings_are_complete if {
	findings := _deny(object.union(_clean, {"collection": {"method": "quiz_app"}}), _mail_vendor)
	count(findings) == 1
	every f in findings {
		object.keys(f) == {"rule", "status", "path", "message", "params"}
		f.params == {"method": "quiz_app"}
	}
}
