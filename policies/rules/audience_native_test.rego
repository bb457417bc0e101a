package ethiq.rules.audience_test

import data.ethiq.rules.audience

_native_input(doc) := {"kind": "audience", "as_of": "2026-05-01", "document": doc, "derived": {"native": {"platform": doc.platform, "unknown": [], "declared_mismatch": []}}}

test_aud_014_voter_file_user_list_blocks if {
	doc := {"kind": "audience", "id": "aud_g", "platform": "google_ads", "normalized": {"custom_audiences": [
		{"ref": "customers/1/userLists/9", "subtype": "customer_list", "list_source": "third_party_voter_file", "consent": {"ad_user_data": true, "ad_personalization": true}},
	]}}
	found := {[f.rule, f.status, f.path] | some f in audience.deny; f.rule in {"AUD-014", "AUD-015", "AUD-016"}} with input as _native_input(doc)
	found == {["AUD-014", "fail", ["normalized", "custom_audiences", 0, "list_source"]]}
}

test_aud_015_denied_consent_blocks if {
	doc := {"kind": "audience", "id": "aud_g", "platform": "google_ads", "normalized": {"custom_audiences": [
		{"ref": "L", "subtype": "customer_list", "list_source": "first_party", "consent": {"ad_user_data": false, "ad_personalization": true}},
	]}}
	found := {[f.rule, f.status, f.path] | some f in audience.deny; f.rule in {"AUD-014", "AUD-015", "AUD-016"}} with input as _native_input(doc)
	found == {["AUD-015", "fail", ["normalized", "custom_audiences", 0, "consent", "ad_user_data"]]}
}

test_aud_016_linkedin_group_in_sweden_blocks if {
	doc := {"kind": "audience", "id": "aud_l", "platform": "linkedin", "normalized": {"geo": {"countries": ["SE"]}, "include": [{"type": "group", "platform_id": "urn:li:group:1"}]}}
	found := {[f.rule, f.status, f.path] | some f in audience.deny; f.rule in {"AUD-014", "AUD-015", "AUD-016"}} with input as _native_input(doc)
	found == {["AUD-016", "fail", ["normalized", "include", 0]]}
}
