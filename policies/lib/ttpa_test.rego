package ethiq.lib.ttpa_test

import data.ethiq.lib.ttpa

# --- fixtures: a political Meta ad with every TTPA item, on an audience that uses personal data ------------

_notice := {
	"sponsor": {"name": "Liberalerna", "email": "info@liberalerna.se"},
	"period": {"from": "2026-08-20", "to": "2026-09-12"},
	"amounts": {"currency": "SEK", "total": 25000, "in_kind_value": 0},
	"funding_origin": {"public_or_private": "private", "inside_eu": true},
	"methodology": "Invoiced media cost per ad set.",
	"linked_processes": ["Riksdagsvalet 2026"],
}

_disclosure := {
	"groups_and_parameters": "Adults 18+ in Stockholm county interested in public transport.",
	"personal_data_categories": ["location", "interests"],
	"logic_incl_exclusion": "Included: interest in public transport; excluded: none.",
	"ai_used": false,
	"policy_url": "https://www.liberalerna.se/integritet/riktad-politisk-reklam",
}

_ad := {
	"kind": "ad",
	"id": "ad_1",
	"platform": "meta",
	"audience_ids": ["aud_1"],
	"visibility": "ad_only_unpublished",
	"creative": {"ai_generated_media": false},
	"sender": {"sponsor_legal_name": "Liberalerna", "paid_for_by": "Liberalerna", "payer_legal_name": "Liberalerna", "payer_country": "SE"},
	"political": {
		"is_political_advertisement": true,
		"election_ids": ["SE-RIKSDAG-2026"],
		"label_present": true,
		"transparency_notice": _notice,
		"targeting_info_present": true,
		"targeting_disclosure": _disclosure,
		"platform_declarations": {"meta_special_ad_categories": ["ISSUES_ELECTIONS_POLITICS"]},
	},
	"schedule": {"start": "2026-08-20T08:00:00+02:00", "end": "2026-09-12"},
}

_aud := {
	"kind": "audience",
	"id": "aud_1",
	"platform": "meta",
	"normalized": {
		"geo": {"countries": ["SE"]},
		"age_min": 18,
		"include": [{"type": "interest", "platform_id": "1", "name": "Public transport"}],
		"expansion": {"meta_advantage_audience": 0},
	},
	"political": {"is_political_advertising": true, "meta_special_ad_categories": ["ISSUES_ELECTIONS_POLITICS"]},
}

_related := {"audience": {"aud_1": _aud}}

_names := {
	"Liberalerna": {"norm": "liberalerna"},
	"Acme Consulting LLC": {"norm": "acme consulting"},
	"Liberalerna Stockholm": {"norm": "liberalerna stockholm"},
}

_index := {"party_names": {"liberalerna": true, "liberalerna stockholm": true}}

_context := {"elections": [
	{"id": "SE-RIKSDAG-2026", "country": "SE", "date": "2026-09-13", "voting_age": 18},
	{"id": "SE-RIKSDAG-2030", "country": "SE", "date": "2030-09-08", "voting_age": 18},
]}

# Replaces the value at a path (json.patch adds missing parents' leaves only; parents must exist).
_put(doc, path, value) := json.patch(doc, [{"op": "add", "path": path, "value": value}])

_drop(doc, path) := json.remove(doc, [path])

_of(reasons) := {[r.status, r.path, r.message] | some r in reasons}

_rules(reasons) := {[r.rule, r.status, r.path, r.message] | some r in reasons}

_unknown_political(ad) := _put(ad, "/political/is_political_advertisement", "unknown")

_non_political(ad) := _put(ad, "/political/is_political_advertisement", false)

_organic(ad) := _put(ad, "/visibility", "organic_public")

# --- AD-007 ----------------------------------------------------------------------------------------------------

test_ad_007_label_present_passes if {
	ttpa.ad007(_ad) == set()
}

test_ad_007_label_false_fails if {
	_of(ttpa.ad007(_put(_ad, "/political/label_present", false))) == {["fail", ["political", "label_present"], "label_missing"]}
}

test_ad_007_label_missing_needs_review if {
	_of(ttpa.ad007(_drop(_ad, "political/label_present"))) == {["needs_review", ["political", "label_present"], "label_unknown"]}
}

test_ad_007_label_unknown_needs_review if {
	_of(ttpa.ad007(_put(_ad, "/political/label_present", "unknown"))) == {["needs_review", ["political", "label_present"], "label_unknown"]}
}

test_ad_007_non_political_ad_passes if {
	ttpa.ad007(_non_political(_put(_ad, "/political/label_present", false))) == set()
}

test_ad_007_organic_post_passes if {
	ttpa.ad007(_organic(_put(_ad, "/political/label_present", false))) == set()
}

test_ad_007_unknown_political_without_label_needs_review_at_the_flag if {
	reasons := ttpa.ad007(_unknown_political(_put(_ad, "/political/label_present", false)))
	_rules(reasons) == {["AD-007", "needs_review", ["political", "is_political_advertisement"], "political_unknown"]}
	[r | some r in reasons][0].params == {"fields": "political.label_present"}
}

test_ad_007_unknown_political_with_label_passes if {
	ttpa.ad007(_unknown_political(_ad)) == set()
}

# --- AD-008 ----------------------------------------------------------------------------------------------------

test_ad_008_complete_notice_passes if {
	ttpa.ad008(_ad, _names) == set()
}

test_ad_008_notice_missing_fails if {
	_of(ttpa.ad008(_drop(_ad, "political/transparency_notice"), _names)) == {["fail", ["political", "transparency_notice"], "notice_missing"]}
}

# Every Art. 12(1) item, one at a time.
test_ad_008_each_item_missing_fails if {
	every item in ttpa.notice_items {
		path := concat("/", array.concat(["political", "transparency_notice"], item.path))
		reasons := ttpa.ad008(_drop(_ad, path), _names)
		_of(reasons) == {["fail", array.concat(["political", "transparency_notice"], item.path), "item_missing"]}
		[r | some r in reasons][0].params.point == item.point
	}
}

# The point letter of Art. 12(1) each item's message cites, written out here: a letter changed in the
# library fails this test.
_notice_points := [
	[["sponsor", "name"], "a"],
	[["sponsor", "email"], "a"],
	[["period", "from"], "c"],
	[["period", "to"], "c"],
	[["amounts", "total"], "d"],
	[["amounts", "in_kind_value"], "d"],
	[["funding_origin", "public_or_private"], "e"],
	[["funding_origin", "inside_eu"], "e"],
	[["methodology"], "f"],
]

test_ad_008_each_item_cites_its_point if {
	{item.path | some item in ttpa.notice_items} == {pair[0] | some pair in _notice_points}
	every pair in _notice_points {
		reasons := ttpa.ad008(_drop(_ad, concat("/", array.concat(["political", "transparency_notice"], pair[0]))), _names)
		{r.params | some r in reasons} == {{"field": concat(".", array.concat(["political", "transparency_notice"], pair[0])), "point": pair[1]}}
	}
}

test_ad_008_empty_strings_and_unknown_fail if {
	ad := _put(_put(_ad, "/political/transparency_notice/sponsor/email", ""), "/political/transparency_notice/funding_origin/inside_eu", "unknown")
	_of(ttpa.ad008(ad, _names)) == {
		["fail", ["political", "transparency_notice", "sponsor", "email"], "item_missing"],
		["fail", ["political", "transparency_notice", "funding_origin", "inside_eu"], "item_missing"],
	}
}

test_ad_008_amounts_as_text_fail if {
	_of(ttpa.ad008(_put(_ad, "/political/transparency_notice/amounts/total", "25000"), _names)) == {["fail", ["political", "transparency_notice", "amounts", "total"], "item_missing"]}
}

test_ad_008_funds_from_outside_eu_are_stated if {
	ttpa.ad008(_put(_ad, "/political/transparency_notice/funding_origin/inside_eu", false), _names) == set()
}

test_ad_008_linked_processes_needed_when_linked_to_elections if {
	ad := _drop(_ad, "political/transparency_notice/linked_processes")
	_of(ttpa.ad008(ad, _names)) == {["fail", ["political", "transparency_notice", "linked_processes"], "item_missing"]}
	_of(ttpa.ad008(_put(ad, "/political/transparency_notice/linked_processes", []), _names)) == {["fail", ["political", "transparency_notice", "linked_processes"], "item_missing"]}
}

test_ad_008_linked_processes_and_payer_cite_their_points if {
	linked := ttpa.ad008(_drop(_ad, "political/transparency_notice/linked_processes"), _names)
	{r.params | some r in linked} == {{"field": "political.transparency_notice.linked_processes", "point": "g"}}
	payer := ttpa.ad008(_put(_ad, "/sender/payer_legal_name", "Acme Consulting LLC"), _names)
	{r.params | some r in payer} == {
		{"field": "political.transparency_notice.payer.name", "point": "b"},
		{"field": "political.transparency_notice.payer.email", "point": "b"},
	}
}

test_ad_008_linked_processes_not_needed_without_elections if {
	ad := _drop(_drop(_ad, "political/transparency_notice/linked_processes"), "political/election_ids")
	ttpa.ad008(ad, _names) == set()
}

# A name the engine did not normalise is compared as text, whichever of the two it is.
test_payer_differs_when_only_one_name_was_normalised if {
	ad := _put(_ad, "/sender/payer_legal_name", "Acme Consulting LLC")
	ttpa.payer_differs(ad, {"Liberalerna": {"norm": "liberalerna"}})
	ttpa.payer_differs(ad, {"Acme Consulting LLC": {"norm": "acme consulting"}})
	not ttpa.payer_differs(_put(_ad, "/sender/payer_legal_name", " liberalerna"), {"Liberalerna": {"norm": "liberalerna"}})
}

test_ad_008_other_payer_must_be_identified if {
	ad := _put(_ad, "/sender/payer_legal_name", "Acme Consulting LLC")
	_of(ttpa.ad008(ad, _names)) == {
		["fail", ["political", "transparency_notice", "payer", "name"], "item_missing"],
		["fail", ["political", "transparency_notice", "payer", "email"], "item_missing"],
	}
	ttpa.ad008(_put(ad, "/political/transparency_notice/payer", {"name": "Acme Consulting LLC", "email": "billing@acme.example"}), _names) == set()
}

test_ad_008_same_payer_in_another_spelling_needs_no_payer if {
	names := object.union(_names, {"LIBERALERNA": {"norm": "liberalerna"}})
	ttpa.ad008(_put(_ad, "/sender/payer_legal_name", "LIBERALERNA"), names) == set()
}

test_ad_008_unnormalised_payer_compared_as_text if {
	ttpa.ad008(_put(_ad, "/sender/payer_legal_name", " liberalerna "), {}) == set()
	count(ttpa.ad008(_put(_ad, "/sender/payer_legal_name", "Somebody Else"), {})) == 2
}

test_ad_008_payer_unknown_needs_review if {
	_of(ttpa.ad008(_drop(_ad, "sender/payer_legal_name"), _names)) == {["needs_review", ["sender", "payer_legal_name"], "payer_unknown"]}
}

test_ad_008_payer_unknown_but_notice_names_a_payer_passes if {
	ad := _put(_drop(_ad, "sender/payer_legal_name"), "/political/transparency_notice/payer", {"name": "Liberalerna", "email": "info@liberalerna.se"})
	ttpa.ad008(ad, _names) == set()
}

test_ad_008_non_political_and_organic_pass if {
	ttpa.ad008(_non_political(_drop(_ad, "political/transparency_notice")), _names) == set()
	ttpa.ad008(_organic(_drop(_ad, "political/transparency_notice")), _names) == set()
}

test_ad_008_unknown_political_without_notice_needs_review if {
	reasons := ttpa.ad008(_unknown_political(_drop(_ad, "political/transparency_notice")), _names)
	_rules(reasons) == {["AD-008", "needs_review", ["political", "is_political_advertisement"], "political_unknown"]}
}

# --- AD-009 ----------------------------------------------------------------------------------------------------

test_ad_009_complete_disclosure_passes if {
	ttpa.ad009(_ad, _related) == set()
}

test_ad_009_disclosure_missing_fails if {
	_of(ttpa.ad009(_drop(_ad, "political/targeting_disclosure"), _related)) == {["fail", ["political", "targeting_disclosure"], "disclosure_missing"]}
}

test_ad_009_each_item_missing_fails if {
	every item in ttpa.disclosure_items {
		path := array.concat(["political", "targeting_disclosure"], item.path)
		_of(ttpa.ad009(_drop(_ad, concat("/", path)), _related)) == {["fail", path, "item_missing"]}
	}
}

test_ad_009_ai_used_unknown_and_empty_categories_fail if {
	ad := _put(_put(_ad, "/political/targeting_disclosure/ai_used", "unknown"), "/political/targeting_disclosure/personal_data_categories", [])
	_of(ttpa.ad009(ad, _related)) == {
		["fail", ["political", "targeting_disclosure", "ai_used"], "item_missing"],
		["fail", ["political", "targeting_disclosure", "personal_data_categories"], "item_missing"],
	}
}

test_ad_009_link_false_fails_and_unknown_needs_review if {
	_of(ttpa.ad009(_put(_ad, "/political/targeting_info_present", false), _related)) == {["fail", ["political", "targeting_info_present"], "info_not_linked"]}
	_of(ttpa.ad009(_drop(_ad, "political/targeting_info_present"), _related)) == {["needs_review", ["political", "targeting_info_present"], "info_link_unknown"]}
	_rules(ttpa.ad009(_put(_ad, "/political/targeting_info_present", false), _related)) == {["AD-009", "fail", ["political", "targeting_info_present"], "info_not_linked"]}
	_rules(ttpa.ad009(_drop(_ad, "political/targeting_info_present"), _related)) == {["AD-009", "needs_review", ["political", "targeting_info_present"], "info_link_unknown"]}
}

# Geo and age alone are not targeting with personal data.
test_ad_009_geo_and_age_only_passes if {
	aud := _put(_aud, "/normalized", {"geo": {"countries": ["SE"]}, "age_min": 18, "expansion": {"meta_advantage_audience": 0}})
	ttpa.ad009(_drop(_ad, "political/targeting_disclosure"), {"audience": {"aud_1": aud}}) == set()
}

# Each way an audience uses personal data makes the ad targeted.
test_ad_009_each_personal_data_use_is_targeting if {
	base := {"geo": {"countries": ["SE"]}, "age_min": 18, "expansion": {"meta_advantage_audience": 0}}
	uses := [
		{"include": [{"type": "interest"}]},
		{"exclude": [{"type": "behavior"}]},
		{"custom_audiences": [{"subtype": "engagement"}]},
		{"excluded_custom_audiences": [{"subtype": "customer_list"}]},
		{"expansion": {"meta_advantage_audience": 1}},
	]
	every use in uses {
		aud := _put(_aud, "/normalized", object.union(base, use))
		ttpa.uses_personal_data(aud) == "yes"
		_of(ttpa.ad009(_drop(_ad, "political/targeting_disclosure"), {"audience": {"aud_1": aud}})) == {["fail", ["political", "targeting_disclosure"], "disclosure_missing"]}
	}
}

test_ad_009_unresolved_audience_needs_review_when_incomplete if {
	_of(ttpa.ad009(_drop(_ad, "political/targeting_disclosure"), {})) == {["needs_review", ["audience_ids"], "targeting_unknown"]}
	ttpa.ad009(_ad, {}) == set()
}

test_ad_009_no_audience_needs_review_when_incomplete if {
	_of(ttpa.ad009(_drop(_drop(_ad, "political/targeting_disclosure"), "audience_ids"), _related)) == {["needs_review", ["audience_ids"], "targeting_unknown"]}
}

test_ad_009_expansion_unset_on_meta_is_unknown if {
	aud := _drop(_aud, "normalized/expansion")
	aud2 := _put(aud, "/normalized", {"geo": {"countries": ["SE"]}, "age_min": 18})
	ttpa.uses_personal_data(aud2) == "unknown"
}

test_ad_009_unknown_political_without_disclosure_needs_review if {
	reasons := ttpa.ad009(_unknown_political(_drop(_ad, "political/targeting_disclosure")), _related)
	_rules(reasons) == {["AD-009", "needs_review", ["political", "is_political_advertisement"], "political_unknown"]}
	ttpa.ad009(_unknown_political(_ad), _related) == set()
}

test_ad_009_non_political_passes if {
	ttpa.ad009(_non_political(_drop(_ad, "political/targeting_disclosure")), _related) == set()
}

# --- AD-010 ----------------------------------------------------------------------------------------------------

_ad010(ad) := reasons if {
	reasons := ttpa.ad010(ad, _related, _names) with data.ethiq.index as _index
}

test_ad_010_consistent_declarations_pass if {
	_ad010(_ad) == set()
}

test_ad_010_meta_without_political_category_fails if {
	_of(_ad010(_put(_ad, "/political/platform_declarations/meta_special_ad_categories", ["HOUSING"]))) == {["fail", ["political", "platform_declarations", "meta_special_ad_categories"], "meta_not_political"]}
}

test_ad_010_meta_empty_categories_fail if {
	reasons := _ad010(_put(_ad, "/political/platform_declarations/meta_special_ad_categories", []))
	_of(reasons) == {["fail", ["political", "platform_declarations", "meta_special_ad_categories"], "meta_not_political"]}
	[r | some r in reasons][0].params == {"categories": "none"}
}

test_ad_010_meta_declaration_missing_needs_review if {
	_of(_ad010(_drop(_ad, "political/platform_declarations"))) == {["needs_review", ["political", "platform_declarations", "meta_special_ad_categories"], "meta_declaration_missing"]}
}

_google(value) := _put(_put(_ad, "/platform", "google_ads"), "/political/platform_declarations", {"google_contains_eu_political_advertising": value})

test_ad_010_google_does_not_contain_fails if {
	_of(_ad010(_google("DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING"))) == {["fail", ["political", "platform_declarations", "google_contains_eu_political_advertising"], "google_not_political"]}
}

test_ad_010_google_contains_passes if {
	_ad010(_google("CONTAINS_EU_POLITICAL_ADVERTISING")) == set()
}

test_ad_010_google_unspecified_or_unknown_needs_review if {
	every value in ["UNSPECIFIED", "UNKNOWN"] {
		_of(_ad010(_google(value))) == {["needs_review", ["political", "platform_declarations", "google_contains_eu_political_advertising"], "google_declaration_missing"]}
	}
}

test_ad_010_other_platforms_have_no_declaration_to_check if {
	_ad010(_drop(_put(_ad, "/platform", "linkedin"), "political/platform_declarations")) == set()
}

test_ad_010_audience_declared_non_political_fails if {
	aud := _put(_put(_put(_aud, "/political/is_political_advertising", false), "/political/meta_special_ad_categories", []), "/political/google_contains_eu_political_advertising", "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING")
	reasons := ttpa.ad010(_ad, {"audience": {"aud_1": aud}}, _names) with data.ethiq.index as _index
	_of(reasons) == {
		["fail", ["audience_ids", 0], "audience_not_political"],
		["fail", ["audience_ids", 0], "audience_meta_not_political"],
		["fail", ["audience_ids", 0], "audience_google_not_political"],
	}
}

# A party's election ad declared non-political, and declared so to Meta too: circumvention fails.
test_ad_010_party_election_ad_declared_not_political_to_meta_fails if {
	ad := _put(_put(_non_political(_ad), "/political/non_political_reason", "purely_commercial"), "/political/platform_declarations/meta_special_ad_categories", [])
	_of(_ad010(ad)) == {
		["fail", ["political", "platform_declarations", "meta_special_ad_categories"], "meta_not_political"],
		["fail", ["political", "election_ids"], "election_linked"],
	}
}

test_ad_010_party_ad_non_political_without_reason_needs_review if {
	ad := _drop(_non_political(_ad), "political/election_ids")
	_of(_ad010(ad)) == {["needs_review", ["political", "non_political_reason"], "reason_missing"]}
}

# The members are written out here, not taken from the library, so dropping or renaming one there fails.
test_ad_010_each_accepted_reason_passes if {
	every reason in ["purely_commercial", "recruitment"] {
		ad := _put(_drop(_non_political(_ad), "political/election_ids"), "/political/non_political_reason", reason)
		_ad010(ad) == set()
	}
}

test_ad_010_each_doubtful_reason_needs_review if {
	every reason in ["editorial", "purely_private"] {
		ad := _put(_drop(_non_political(_ad), "political/election_ids"), "/political/non_political_reason", reason)
		_rules(_ad010(ad)) == {["AD-010", "needs_review", ["political", "non_political_reason"], "reason_doubtful"]}
	}
}

test_ad_010_unknown_political_party_ad_needs_review if {
	_of(_ad010(_drop(_unknown_political(_ad), "political/election_ids"))) == {["needs_review", ["political", "is_political_advertisement"], "political_undeclared"]}
}

test_ad_010_other_sponsor_non_political_passes if {
	ad := _put(_drop(_non_political(_ad), "sender/paid_for_by"), "/sender/sponsor_legal_name", "Acme Consulting LLC")
	_ad010(ad) == set()
}

test_ad_010_unnamed_sponsor_counts_as_the_party if {
	ad := _drop(_drop(_non_political(_ad), "political/election_ids"), "sender")
	_of(_ad010(ad)) == {["needs_review", ["political", "non_political_reason"], "reason_missing"]}
}

test_ad_010_organic_post_passes if {
	_ad010(_organic(_put(_non_political(_ad), "/political/platform_declarations/meta_special_ad_categories", []))) == set()
}

# --- AD-012 ----------------------------------------------------------------------------------------------------

test_ad_012_no_ai_media_passes if {
	ttpa.ad012(_ad) == set()
}

test_ad_012_undisclosed_ai_media_fails if {
	reasons := ttpa.ad012(_put(_ad, "/creative/ai_generated_media", true))
	_of(reasons) == {["fail", ["creative", "ai_disclosure_present"], "undisclosed"]}
	[r | some r in reasons][0].params == {"evidence": "creative.ai_generated_media"}
}

test_ad_012_disclosure_false_or_unknown_fails if {
	every value in [false, "unknown"] {
		ad := _put(_put(_ad, "/creative/ai_generated_media", true), "/creative/ai_disclosure_present", value)
		_of(ttpa.ad012(ad)) == {["fail", ["creative", "ai_disclosure_present"], "undisclosed"]}
	}
}

test_ad_012_disclosed_ai_media_passes if {
	ttpa.ad012(_put(_put(_ad, "/creative/ai_generated_media", true), "/creative/ai_disclosure_present", true)) == set()
}

test_ad_012_meta_digitally_created_media_counts if {
	ad := _put(_ad, "/political/platform_declarations/meta_authorization_category", "POLITICAL_WITH_DIGITALLY_CREATED_MEDIA")
	reasons := ttpa.ad012(ad)
	_of(reasons) == {["fail", ["creative", "ai_disclosure_present"], "undisclosed"]}
	[r | some r in reasons][0].params == {"evidence": "political.platform_declarations.meta_authorization_category"}
	ttpa.ad012(_put(_ad, "/political/platform_declarations/meta_authorization_category", "POLITICAL")) == set()
}

test_ad_012_unknown_needs_review if {
	_of(ttpa.ad012(_drop(_ad, "creative/ai_generated_media"))) == {["needs_review", ["creative", "ai_generated_media"], "ai_unknown"]}
	_of(ttpa.ad012(_put(_ad, "/creative/ai_generated_media", "unknown"))) == {["needs_review", ["creative", "ai_generated_media"], "ai_unknown"]}
}

test_ad_012_applies_to_organic_posts if {
	_of(ttpa.ad012(_organic(_put(_ad, "/creative/ai_generated_media", true)))) == {["fail", ["creative", "ai_disclosure_present"], "undisclosed"]}
}

# --- AD-013 ----------------------------------------------------------------------------------------------------

_ad013(ad) := reasons if {
	reasons := ttpa.ad013(ad) with data.ethiq.context as _context
}

_us_paid := _put(_ad, "/sender/payer_country", "US")

test_ad_013_eu_payer_passes if {
	_ad013(_ad) == set()
}

test_ad_013_third_country_payer_in_window_fails if {
	reasons := _ad013(_us_paid)
	_of(reasons) == {["fail", ["sender", "payer_country"], "third_country_payer"]}
	[r | some r in reasons][0].params == {"country": "US", "election": "SE-RIKSDAG-2026", "from": "2026-06-13", "date": "2026-09-13"}
}

# One day each side of the window: election day is inside, the day after is not; the window opens three
# calendar months before.
test_ad_013_window_boundaries if {
	on_day := _put(_put(_us_paid, "/schedule", {"start": "2026-09-13", "end": "2026-09-20"}), "/political/election_ids", ["SE-RIKSDAG-2026"])
	count(_ad013(on_day)) == 1
	after := _put(on_day, "/schedule", {"start": "2026-09-14", "end": "2026-09-20"})
	_ad013(after) == set()
	opens := _put(on_day, "/schedule", {"start": "2026-05-01", "end": "2026-06-13"})
	count(_ad013(opens)) == 1
	before := _put(on_day, "/schedule", {"start": "2026-05-01", "end": "2026-06-12"})
	_ad013(before) == set()
}

test_ad_013_open_end_runs_into_the_window if {
	count(_ad013(_put(_us_paid, "/schedule", {"start": "2026-01-10"}))) == 1
}

test_ad_013_funds_from_outside_eu_fail if {
	ad := _put(_ad, "/political/transparency_notice/funding_origin/inside_eu", false)
	_of(_ad013(ad)) == {["fail", ["political", "transparency_notice", "funding_origin", "inside_eu"], "third_country_payer"]}
}

test_ad_013_each_eu_member_state_is_not_a_third_country if {
	every country in ["AT", "DE", "FI", "SE"] {
		_ad013(_put(_ad, "/sender/payer_country", country)) == set()
	}
	count(_ad013(_put(_ad, "/sender/payer_country", "NO"))) == 1
	count(_ad013(_put(_ad, "/sender/payer_country", "GB"))) == 1
}

test_ad_013_payer_unknown_in_window_needs_review if {
	reasons := _ad013(_drop(_ad, "sender/payer_country"))
	_of(reasons) == {["needs_review", ["sender", "payer_country"], "payer_unknown"]}
	[r | some r in reasons][0].params == {"elections": "SE-RIKSDAG-2026"}
}

test_ad_013_payer_unknown_outside_window_passes if {
	_ad013(_put(_drop(_ad, "sender/payer_country"), "/schedule", {"start": "2025-11-01", "end": "2025-12-01"})) == set()
}

test_ad_013_start_missing_needs_review if {
	_of(_ad013(_drop(_us_paid, "schedule"))) == {["needs_review", ["schedule", "start"], "window_unknown"]}
}

test_ad_013_election_not_in_context_needs_review if {
	ad := _put(_put(_us_paid, "/political/election_ids", ["SE-EU-2029"]), "/schedule", {"start": "2029-05-01"})
	_of(_ad013(ad)) == {["needs_review", ["schedule", "start"], "window_unknown"]}
	{object.keys(r.params) | some r in _ad013(ad)} == {{"elections"}}
}

# The message lists the elections whose window may overlap, not those it clearly misses.
test_ad_013_window_unknown_lists_only_the_open_elections if {
	ad := _put(_put(_us_paid, "/political/election_ids", ["SE-RIKSDAG-2026", "SE-EU-2029"]), "/schedule", {"start": "2029-05-01"})
	_of(_ad013(ad)) == {["needs_review", ["schedule", "start"], "window_unknown"]}
	{r.params | some r in _ad013(ad)} == {{"elections": "SE-EU-2029"}}
}

# Without elections named, every election in the context counts (here: the 2030 one).
test_ad_013_unnamed_election_uses_every_context_election if {
	ad := _put(_drop(_us_paid, "political/election_ids"), "/schedule", {"start": "2030-07-01", "end": "2030-07-31"})
	reasons := _ad013(ad)
	[r | some r in reasons][0].params.election == "SE-RIKSDAG-2030"
}

test_ad_013_months_before_clamps_to_the_month_end if {
	ttpa.months_before("2026-09-13", 3) == "2026-06-13"
	ttpa.months_before("2026-05-31", 3) == "2026-02-28"
	ttpa.months_before("2024-05-31", 3) == "2024-02-29"
	ttpa.months_before("2026-02-15", 3) == "2025-11-15"
	ttpa.months_before("2026-03-31", 3) == "2025-12-31"
}

test_ad_013_unknown_political_us_payer_needs_review if {
	reasons := _ad013(_unknown_political(_us_paid))
	_of(reasons) == {["needs_review", ["political", "is_political_advertisement"], "political_unknown"]}
	[r | some r in reasons][0].params == {"fields": "sender.payer_country"}
	_ad013(_unknown_political(_ad)) == set()
}

test_ad_013_organic_post_passes if {
	_ad013(_organic(_us_paid)) == set()
}

test_ad_013_non_political_passes if {
	_ad013(_non_political(_us_paid)) == set()
}

# --- AUD-007 ---------------------------------------------------------------------------------------------------

test_aud_007_age_min_set_passes if {
	ttpa.aud007(_aud) == set()
}

test_aud_007_political_without_age_min_fails if {
	_of(ttpa.aud007(_drop(_aud, "normalized/age_min"))) == {["fail", ["normalized", "age_min"], "age_min_missing"]}
	_of(ttpa.aud007(_put(_aud, "/normalized/age_min", null))) == {["fail", ["normalized", "age_min"], "age_min_missing"]}
}

test_aud_007_unknown_political_without_age_min_needs_review if {
	aud := _drop(_drop(_aud, "normalized/age_min"), "political/is_political_advertising")
	_of(ttpa.aud007(aud)) == {["needs_review", ["political", "is_political_advertising"], "political_unknown"]}
}

test_aud_007_non_political_passes if {
	ttpa.aud007(_put(_drop(_aud, "normalized/age_min"), "/political/is_political_advertising", false)) == set()
}

test_aud_007_age_min_zero_is_explicit if {
	ttpa.aud007(_put(_aud, "/normalized/age_min", 0)) == set()
}

# --- DAT-013, DAT-014 ------------------------------------------------------------------------------------------

_ds := {
	"kind": "data_source",
	"id": "ds_1",
	"origin": "first_party_direct",
	"collection": {"method": "newsletter_signup", "collected_by": "party", "collected_from_data_subject": true},
	"legal_basis": {"art6": "a", "consent": {"explicit": true, "separate_for_political_advertising": true}},
	"purposes": ["political_advertising"],
}

_not_declared := _put(_ds, "/purposes", ["newsletter"])

_dep(political) := [{"kind": "audience", "id": "aud_1", "relation": "custom_audience", "political": political}]

test_dat_013_explicit_separate_consent_passes if {
	ttpa.dat013(_ds, []) == set()
}

test_dat_013_each_consent_fact_false_fails if {
	_of(ttpa.dat013(_put(_ds, "/legal_basis/consent/explicit", false), [])) == {["fail", ["legal_basis", "consent", "explicit"], "explicit_fail"]}
	_of(ttpa.dat013(_put(_ds, "/legal_basis/consent/separate_for_political_advertising", false), [])) == {["fail", ["legal_basis", "consent", "separate_for_political_advertising"], "separate_for_political_advertising_fail"]}
}

test_dat_013_unknown_consent_needs_review if {
	_of(ttpa.dat013(_drop(_ds, "legal_basis/consent"), [])) == {
		["needs_review", ["legal_basis", "consent", "explicit"], "explicit_needs_review"],
		["needs_review", ["legal_basis", "consent", "separate_for_political_advertising"], "separate_for_political_advertising_needs_review"],
	}
}

test_dat_013_fail_settles_the_rule if {
	ds := _put(_ds, "/legal_basis/consent", {"explicit": false})
	_of(ttpa.dat013(ds, [])) == {["fail", ["legal_basis", "consent", "explicit"], "explicit_fail"]}
}

test_dat_013_not_for_political_advertising_passes if {
	ttpa.dat013(_drop(_not_declared, "legal_basis/consent"), []) == set()
	ttpa.dat013(_drop(_not_declared, "legal_basis/consent"), _dep(false)) == set()
}

test_dat_013_political_dependent_brings_it_in_scope if {
	_of(ttpa.dat013(_put(_not_declared, "/legal_basis/consent/explicit", false), _dep(true))) == {["fail", ["legal_basis", "consent", "explicit"], "explicit_fail"]}
}

test_dat_013_unknown_dependent_needs_one_review if {
	ds := _put(_not_declared, "/legal_basis/consent/explicit", false)
	deps := array.concat(_dep("unknown"), [{"kind": "ad", "id": "ad_9", "relation": "audience"}])
	reasons := ttpa.dat013(ds, deps)
	_of(reasons) == {["needs_review", ["purposes"], "dependents_unknown"]}
	[r | some r in reasons][0].params == {"dependents": "ad ad_9, audience aud_1"}
}

test_dat_013_unknown_dependent_with_good_consent_passes if {
	ttpa.dat013(_not_declared, _dep("unknown")) == set()
}

# Aggregated or anonymous data is not personal data: Art. 18 does not reach it, unless a hash or a
# customer-list upload shows it is pseudonymous after all, or a platform delivers the ads with it.
test_dat_013_dat_014_aggregated_data_is_out_of_scope if {
	ds := object.union(_put(_put(_ds, "/legal_basis/consent/explicit", false), "/collection/collected_by", "ven_survey"), {"identifiability": "aggregated", "k_min": 500})
	ttpa.dat013(ds, []) == set()
	ttpa.dat014(ds, []) == set()
	anonymous := object.union(ds, {"identifiability": "anonymous"})
	ttpa.dat013(anonymous, []) == set()
	hashed := object.union(ds, {"lineage": {"derived_from": [], "transformations": ["hash"]}})
	_of(ttpa.dat013(hashed, [])) == {["fail", ["legal_basis", "consent", "explicit"], "explicit_fail"]}
	_of(ttpa.dat014(hashed, [])) == {["fail", ["collection", "collected_by"], "collected_by_other"]}
	pseudonymous := object.union(ds, {"identifiability": "pseudonymous"})
	count(ttpa.dat013(pseudonymous, [])) == 1
	every mechanism in ["customer_list", "pixel", "engagement", "lookalike_seed", "platform_taxonomy"] {
		bound := object.union(ds, {"platform_binding": {"platform": "meta", "mechanism": mechanism}})
		_of(ttpa.dat013(bound, [])) == {["fail", ["legal_basis", "consent", "explicit"], "explicit_fail"]}
	}
}

test_dat_013_dependents_absent_means_none if {
	ttpa.dependents_of({}) == []
	ttpa.dependents_of({"dependents": [1, {"kind": "ad", "id": "a", "political": true}]}) == [{"kind": "ad", "id": "a", "political": true}]
}

test_dat_014_collected_by_the_party_from_the_subject_passes if {
	ttpa.dat014(_ds, []) == set()
}

test_dat_014_vendor_collector_fails if {
	reasons := ttpa.dat014(_put(_ds, "/collection/collected_by", "ven_broker"), [])
	_of(reasons) == {["fail", ["collection", "collected_by"], "collected_by_other"]}
	[r | some r in reasons][0].params == {"collector": "ven_broker"}
}

test_dat_014_not_from_subject_fails if {
	_of(ttpa.dat014(_put(_ds, "/collection/collected_from_data_subject", false), [])) == {["fail", ["collection", "collected_from_data_subject"], "not_from_subject"]}
}

test_dat_014_unknowns_need_review if {
	ds := _put(_put(_ds, "/collection/collected_by", "unknown"), "/collection/collected_from_data_subject", "unknown")
	_of(ttpa.dat014(ds, [])) == {
		["needs_review", ["collection", "collected_by"], "collector_unknown"],
		["needs_review", ["collection", "collected_from_data_subject"], "subject_unknown"],
	}
}

test_dat_014_platform_native_needs_review if {
	_of(ttpa.dat014(_put(_ds, "/origin", "platform_native"), [])) == {["needs_review", ["origin"], "platform_native"]}
}

test_dat_014_platform_native_with_memo_passes if {
	ctx := {"interpretations": {"ttpa_18_1_a_platform_native_interests": "allowed_with_memo"}}
	ttpa.dat014(_put(_ds, "/origin", "platform_native"), []) == set() with data.ethiq.context as ctx
	ctx2 := {"interpretations": {"ttpa_18_1_a_platform_native_interests": "disallowed"}}
	count(ttpa.dat014(_put(_ds, "/origin", "platform_native"), [])) == 1 with data.ethiq.context as ctx2
}

test_dat_014_out_of_scope_passes if {
	ttpa.dat014(_put(_not_declared, "/collection/collected_by", "ven_broker"), []) == set()
}

test_dat_014_unknown_dependent_needs_review if {
	_of(ttpa.dat014(_put(_not_declared, "/collection/collected_by", "ven_broker"), _dep("unknown"))) == {["needs_review", ["purposes"], "dependents_unknown"]}
}

# --- CMP-001, CMP-002, CMP-003 -----------------------------------------------------------------------------------

_campaign := {
	"kind": "campaign",
	"id": "cmp_1",
	"ad_ids": ["ad_1"],
	"ttpa": {
		"internal_policy_url": "https://www.liberalerna.se/integritet/riktad-politisk-reklam",
		"internal_policy_published_at": "2026-06-01",
		"records_ref": "dms://ttpa/records/2026",
		"risk_assessment": {"date": "2026-05-15"},
	},
}

_graph := {"ad": {"ad_1": _ad}, "audience": {"aud_1": _aud}}

test_cmp_001_policy_published_before_first_ad_passes if {
	ttpa.cmp001(_campaign, _graph) == set()
}

test_cmp_001_policy_missing_fails if {
	_of(ttpa.cmp001(_drop(_campaign, "ttpa/internal_policy_url"), _graph)) == {["fail", ["ttpa", "internal_policy_url"], "policy_missing"]}
}

test_cmp_001_publication_date_missing_needs_review if {
	_of(ttpa.cmp001(_drop(_campaign, "ttpa/internal_policy_published_at"), _graph)) == {["needs_review", ["ttpa", "internal_policy_published_at"], "published_unknown"]}
}

# One day each side of the first ad's start (2026-08-20).
test_cmp_001_publication_day_boundaries if {
	ttpa.cmp001(_put(_campaign, "/ttpa/internal_policy_published_at", "2026-08-20"), _graph) == set()
	reasons := ttpa.cmp001(_put(_campaign, "/ttpa/internal_policy_published_at", "2026-08-21"), _graph)
	_of(reasons) == {["fail", ["ttpa", "internal_policy_published_at"], "published_late"]}
	[r | some r in reasons][0].params == {"published": "2026-08-21", "start": "2026-08-20"}
}

test_cmp_001_no_political_targeting_passes if {
	graph := {"ad": {"ad_1": _non_political(_ad)}, "audience": {"aud_1": _aud}}
	ttpa.cmp001(_drop(_campaign, "ttpa/internal_policy_url"), graph) == set()
	geo_only := {"ad": {"ad_1": _ad}, "audience": {"aud_1": _put(_aud, "/normalized", {"geo": {"countries": ["SE"]}, "expansion": {"meta_advantage_audience": 0}})}}
	ttpa.cmp001(_drop(_campaign, "ttpa/internal_policy_url"), geo_only) == set()
	organic := {"ad": {"ad_1": _organic(_ad)}, "audience": {"aud_1": _aud}}
	ttpa.cmp001(_drop(_campaign, "ttpa/internal_policy_url"), organic) == set()
}

test_cmp_001_political_audience_of_the_campaign_counts if {
	campaign := _put(_drop(_drop(_campaign, "ad_ids"), "ttpa/internal_policy_url"), "/audience_ids", ["aud_1"])
	_of(ttpa.cmp001(campaign, _graph)) == {["fail", ["ttpa", "internal_policy_url"], "policy_missing"]}
}

test_cmp_001_unresolved_ad_needs_review_when_policy_missing if {
	reasons := ttpa.cmp001(_drop(_campaign, "ttpa/internal_policy_url"), {})
	_of(reasons) == {["needs_review", ["ad_ids"], "targeting_unknown"]}
	ttpa.cmp001(_campaign, {}) == set()
}

# A political ad whose targeting cannot be told (its audience is not in the run, or it names none) leaves
# the campaign's scope unknown: reviewed, not failed.
test_cmp_001_political_ad_of_unknown_targeting_needs_review if {
	policy_missing := _drop(_campaign, "ttpa/internal_policy_url")
	_of(ttpa.cmp001(policy_missing, {"ad": {"ad_1": _ad}})) == {["needs_review", ["ad_ids"], "targeting_unknown"]}
	_of(ttpa.cmp001(policy_missing, {"ad": {"ad_1": _drop(_ad, "audience_ids")}, "audience": {"aud_1": _aud}})) == {["needs_review", ["ad_ids"], "targeting_unknown"]}
}

# A political audience of the campaign whose use of personal data cannot be told (Meta, no criteria, the
# expansion switch unset) leaves the scope unknown: reviewed, not failed; geo and age alone are out of scope.
test_cmp_001_political_audience_of_unknown_personal_data_needs_review if {
	campaign := _put(_drop(_drop(_campaign, "ad_ids"), "ttpa/internal_policy_url"), "/audience_ids", ["aud_1"])
	unknown := _put(_aud, "/normalized", {"geo": {"countries": ["SE"]}, "age_min": 18})
	_of(ttpa.cmp001(campaign, {"audience": {"aud_1": unknown}})) == {["needs_review", ["ad_ids"], "targeting_unknown"]}
	geo_only := _put(_aud, "/normalized", {"geo": {"countries": ["SE"]}, "age_min": 18, "expansion": {"meta_advantage_audience": 0}})
	ttpa.cmp001(campaign, {"audience": {"aud_1": geo_only}}) == set()
}

test_cmp_001_unresolved_audience_needs_review_when_policy_missing if {
	campaign := _put(_drop(_drop(_campaign, "ad_ids"), "ttpa/internal_policy_url"), "/audience_ids", ["aud_gone"])
	_of(ttpa.cmp001(campaign, _graph)) == {["needs_review", ["ad_ids"], "targeting_unknown"]}
	non_political := {"audience": {"aud_1": _put(_aud, "/political/is_political_advertising", false)}}
	ttpa.cmp001(_put(campaign, "/audience_ids", ["aud_1"]), non_political) == set()
	unknown := {"audience": {"aud_1": _drop(_aud, "political/is_political_advertising")}}
	_of(ttpa.cmp001(_put(campaign, "/audience_ids", ["aud_1"]), unknown)) == {["needs_review", ["ad_ids"], "targeting_unknown"]}
}

test_cmp_001_unknown_political_ad_needs_review if {
	graph := {"ad": {"ad_1": _unknown_political(_ad)}, "audience": {"aud_1": _aud}}
	_of(ttpa.cmp001(_drop(_campaign, "ttpa/internal_policy_url"), graph)) == {["needs_review", ["ad_ids"], "targeting_unknown"]}
}

test_cmp_002_records_kept_passes if {
	ttpa.cmp002(_campaign, _graph) == set()
}

test_cmp_002_records_missing_fails if {
	_of(ttpa.cmp002(_drop(_campaign, "ttpa/records_ref"), _graph)) == {["fail", ["ttpa", "records_ref"], "records_missing"]}
	_of(ttpa.cmp002(_put(_campaign, "/ttpa/records_ref", ""), _graph)) == {["fail", ["ttpa", "records_ref"], "records_missing"]}
}

test_cmp_002_no_political_targeting_passes if {
	ttpa.cmp002(_drop(_campaign, "ttpa/records_ref"), {"ad": {"ad_1": _non_political(_ad)}}) == set()
}

_cmp003(campaign, as_of) := {[r.severity, r.status, r.path, r.message] | some r in ttpa.cmp003(campaign, _graph, as_of)}

test_cmp_003_current_assessment_passes if {
	ttpa.cmp003(_campaign, _graph, "2026-11-23") == set()
}

test_cmp_003_missing_assessment_blocks if {
	_cmp003(_drop(_campaign, "ttpa/risk_assessment"), "2026-11-23") == {["block", "fail", ["ttpa", "risk_assessment", "date"], "assessment_missing"]}
}

# 365 days after 2026-05-15 is 2027-05-15: still current; the day after, stale.
test_cmp_003_threshold_boundaries if {
	ttpa.cmp003(_campaign, _graph, "2027-05-15") == set()
	_cmp003(_campaign, "2027-05-16") == {["warn", "fail", ["ttpa", "risk_assessment", "date"], "assessment_stale"]}
}

test_cmp_003_context_threshold if {
	ctx := {"thresholds": {"risk_assessment_max_age_days": 100}}
	_cmp003(_campaign, "2026-08-24") == {["warn", "fail", ["ttpa", "risk_assessment", "date"], "assessment_stale"]} with data.ethiq.context as ctx
	ttpa.cmp003(_campaign, _graph, "2026-08-23") == set() with data.ethiq.context as ctx
}

test_cmp_003_no_political_targeting_passes if {
	ttpa.cmp003(_drop(_campaign, "ttpa/risk_assessment"), {"ad": {"ad_1": _non_political(_ad)}}, "2026-11-23") == set()
}

test_cmp_003_unknown_targeting_reviews_only_the_blocking_part if {
	ttpa.cmp003(_campaign, {}, "2028-01-01") == set()
	{[r.severity, r.message] | some r in ttpa.cmp003(_drop(_campaign, "ttpa/risk_assessment"), {}, "2026-11-23")} == {["block", "targeting_unknown"]}
}

# --- CMP-005 ---------------------------------------------------------------------------------------------------

_members := {
	"kind": "data_source",
	"id": "ds_members",
	"collection": {"collected_by": "party"},
	"subject_scope": "members",
}

_mailing := {"kind": "campaign", "id": "cmp_mail", "channels": ["email_newsletter"], "data_source_ids": ["ds_members"]}

_cmp005(campaign, sources) := {[r.severity, r.status, r.path, r.message] | some r in ttpa.cmp005(campaign, {"data_source": sources})}

test_cmp_005_members_newsletter_is_exempt if {
	ttpa.cmp005(_mailing, {"data_source": {"ds_members": _members}}) == set()
}

test_cmp_005_each_member_scope_is_exempt if {
	every scope in ["members", "former_members", "subscribers"] { # written out: a member dropped from the library fails
		_cmp005(_mailing, {"ds_members": _put(_members, "/subject_scope", scope)}) == set()
	}
}

test_cmp_005_each_mailing_channel_is_judged if {
	every channel in ["email_newsletter", "member_mailing", "sms"] { # written out, as above
		campaign := _put(_mailing, "/channels", [channel])
		_cmp005(campaign, {"ds_members": _put(_members, "/subject_scope", "voters_general")}) == {["warn", "fail", ["data_source_ids", 0], "non_members"]}
	}
}

test_cmp_005_paid_channels_only_are_out_of_scope if {
	_cmp005(_put(_mailing, "/channels", ["paid_social", "organic"]), {"ds_members": _put(_members, "/subject_scope", "voters_general")}) == set()
}

test_cmp_005_scope_unknown_needs_review if {
	_cmp005(_mailing, {"ds_members": _drop(_members, "subject_scope")}) == {["warn", "needs_review", ["data_source_ids", 0], "scope_unknown"]}
}

test_cmp_005_source_unresolved_needs_review if {
	_cmp005(_mailing, {}) == {["warn", "needs_review", ["data_source_ids", 0], "source_unknown"]}
}

test_cmp_005_no_sources_needs_review if {
	_cmp005(_drop(_mailing, "data_source_ids"), {}) == {["warn", "needs_review", ["data_source_ids"], "sources_missing"]}
}

test_cmp_005_vendor_collected_loses_the_exemption if {
	_cmp005(_mailing, {"ds_members": _put(_members, "/collection/collected_by", "ven_x")}) == {["info", "fail", ["data_source_ids", 0], "not_collected_by_party"]}
	_cmp005(_mailing, {"ds_members": _drop(_members, "collection")}) == {["info", "needs_review", ["data_source_ids", 0], "collector_unknown"]}
}

test_cmp_005_each_upload_mechanism_loses_the_exemption if {
	every mechanism in ["customer_list", "lookalike_seed"] {
		ds := _put(_members, "/platform_binding", {"platform": "meta", "mechanism": mechanism})
		_cmp005(_mailing, {"ds_members": ds}) == {["info", "fail", ["data_source_ids", 0], "platform_upload"]}
	}
	_cmp005(_mailing, {"ds_members": _put(_members, "/platform_binding", {"platform": "email", "mechanism": "customer_list"})}) == set()
	pixel := _put(_members, "/platform_binding", {"platform": "meta", "mechanism": "pixel"})
	_cmp005(_mailing, {"ds_members": pixel}) == {["warn", "needs_review", ["data_source_ids"], "sources_missing"]}
}

test_cmp_005_segments_lose_the_exemption if {
	_cmp005(_mailing, {"ds_members": _put(_members, "/segments", [{"type": "interest"}])}) == {["info", "fail", ["data_source_ids", 0], "source_segments"]}
}

test_cmp_005_selecting_audience_loses_the_exemption if {
	campaign := _put(_mailing, "/audience_ids", ["aud_1"])
	every platform in ["email", "sms"] {
		mail_aud := _put(_aud, "/platform", platform)
		reasons := ttpa.cmp005(campaign, {"data_source": {"ds_members": _members}, "audience": {"aud_1": mail_aud}})
		{[r.severity, r.path, r.message] | some r in reasons} == {["info", ["audience_ids", 0], "selection"]}
	}
	plain := {"data_source": {"ds_members": _members}, "audience": {"aud_1": _put(_put(_aud, "/platform", "email"), "/normalized", {"geo": {"countries": ["SE"]}})}}
	ttpa.cmp005(campaign, plain) == set()
}

# A mixed campaign: its paid channels' audiences and platform-side data are not the mailing's.
_mixed := object.union(_mailing, {"channels": ["paid_social", "email_newsletter"], "audience_ids": ["aud_1"], "data_source_ids": ["ds_members", "ds_engagers", "ds_cells"]})

_engagers := {"kind": "data_source", "id": "ds_engagers", "subject_scope": "page_engagers", "identifiability": "pseudonymous", "platform_binding": {"platform": "meta", "mechanism": "engagement"}}

_mixed_graph(engagers) := {
	"data_source": {"ds_members": _members, "ds_engagers": engagers, "ds_cells": {"kind": "data_source", "id": "ds_cells", "subject_scope": "voters_general", "identifiability": "aggregated", "collection": {"collected_by": "ven_x"}}},
	"audience": {"aud_1": _aud},
}

test_cmp_005_paid_channel_audiences_and_sources_are_not_the_mailing if {
	every mechanism in ["engagement", "pixel", "platform_taxonomy"] {
		ttpa.cmp005(_mixed, _mixed_graph(_put(_engagers, "/platform_binding/mechanism", mechanism))) == set()
	}
	reasons := ttpa.cmp005(_mixed, _mixed_graph(_put(_engagers, "/platform_binding/mechanism", "customer_list")))
	{[r.severity, r.status, r.path, r.message] | some r in reasons} == {
		["warn", "fail", ["data_source_ids", 1], "non_members"],
		["info", "needs_review", ["data_source_ids", 1], "collector_unknown"],
		["info", "fail", ["data_source_ids", 1], "platform_upload"],
	}
}

# Each lost condition names what its message shows (CMP-005's templates: {source}, {scope}, {collector}).
_cmp005_params(sources) := {[r.message, r.params] | some r in ttpa.cmp005(_mailing, {"data_source": sources})}

test_cmp_005_lost_conditions_carry_their_message_parameters if {
	_cmp005_params({}) == {["source_unknown", {"source": "ds_members"}]}
	_cmp005_params({"ds_members": _drop(_members, "subject_scope")}) == {["scope_unknown", {"source": "ds_members"}]}
	_cmp005_params({"ds_members": _put(_members, "/subject_scope", "voters_general")}) == {["non_members", {"source": "ds_members", "scope": "voters_general"}]}
	_cmp005_params({"ds_members": _drop(_members, "collection")}) == {["collector_unknown", {"source": "ds_members"}]}
	_cmp005_params({"ds_members": _put(_members, "/collection/collected_by", "ven_x")}) == {["not_collected_by_party", {"source": "ds_members", "collector": "ven_x"}]}
	_cmp005_params({"ds_members": _put(_members, "/platform_binding", {"platform": "meta", "mechanism": "customer_list"})}) == {["platform_upload", {"source": "ds_members"}]}
	_cmp005_params({"ds_members": _put(_members, "/segments", [{"type": "interest"}])}) == {["source_segments", {"source": "ds_members"}]}
}

test_cmp_005_only_aggregates_leave_no_mailing_list if {
	cells := {"kind": "data_source", "id": "ds_members", "subject_scope": "voters_general", "identifiability": "aggregated"}
	_cmp005(_mailing, {"ds_members": cells}) == {["warn", "needs_review", ["data_source_ids"], "sources_missing"]}
}

# An EU payer does not vouch for the funds: without the notice's funding origin the ad is reviewed.
test_ad_013_funding_origin_unknown_in_window_needs_review if {
	every ad in [_drop(_ad, "political/transparency_notice/funding_origin/inside_eu"), _put(_ad, "/political/transparency_notice/funding_origin/inside_eu", "unknown")] {
		_of(_ad013(ad)) == {["needs_review", ["political", "transparency_notice", "funding_origin", "inside_eu"], "funding_unknown"]}
	}
}
