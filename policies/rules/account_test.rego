package ethiq.rules.account_test

import data.ethiq.rules.account

# --- fixtures: the index and context as the engine derives them from the bundled party ----------------

_index := {"party_names": {"liberalerna": true, "folkpartiet liberalerna": true, "liberal party of sweden": true}}

_context := {"party": {"short_marks": ["(L)"]}, "thresholds": {"max_follower_spike_pct_24h": 50}}

_no_near := {"vendors": [], "people": []}

# What engine/names.py makes of each string (checked against normalize_name).
_norms := {
	"Anna Andersson": "anna andersson",
	"Riksdagskandidat (L) i Stockholms län.": "riksdagskandidat li stockholms lan",
	"Riksdagskandidat (L)": "riksdagskandidat l",
	"Riksdagskandidat i Stockholm": "riksdagskandidat i stockholm",
	"Liberalerna": "liberalerna",
	"Liberalerna på Facebook.": "liberalerna pa facebook",
	"Anställd på Liberalerna": "anstalld pa liberalerna",
	"Ungliberalerna i Lund": "ungliberalerna i lund",
	"Sverige framåt": "sverige framat",
	"Folkpartiet liberalerna": "folkpartiet liberalerna",
	"Vi är Liberalerna i Lund.": "vi ar liberalerna i lund",
	"För ett friare Sverige.": "for ett friare sverige",
	"(L) i Lund": "li lund",
	"L-politiker i Malmö": "l politiker i malmo",
	"Åker SL-kort varje dag": "aker sl kort varje dag",
	"Erik Svensson": "erik svensson",
	"Fria röster": "fria roster",
	"Nordic Reach AB": "nordic reach",
	"party": "party",
	"ven_reach": "ven reach",
}

_names := {raw: {"norm": norm, "near": _no_near} | some raw, norm in _norms}

# A candidate's own account, run by her, that passes every rule.
_candidate := {
	"kind": "account",
	"id": "acc_anna",
	"platform": "x",
	"display_name": "Anna Andersson",
	"bio_text": "Riksdagskandidat (L) i Stockholms län.",
	"account_type": "candidate_profile",
	"owner": {"kind": "person", "person_ref": "Anna Andersson", "real_identity_verified": true},
	"role_of_holder": "candidate",
	"persona": "authentic",
	"affiliation_disclosed": {"in_profile": true, "text": "Riksdagskandidat (L)"},
	"metrics": {"follower_history": [{"date": "2026-08-01", "count": 3900}, {"date": "2026-08-02", "count": 4210}]},
	"commerce": {"purchased_followers": false, "purchased_engagement": false, "asset_origin": "created"},
	"automation": {"tools": [{"name": "Buffer", "function": "scheduling"}]},
	"network": {"operated_by": "Anna Andersson", "disclosed_as_party_account": false},
}

# The party's own page, with an engagement vendor (a media agency) and a linked local page.
_page := {
	"kind": "account",
	"id": "acc_page",
	"platform": "facebook",
	"display_name": "Liberalerna",
	"bio_text": "Liberalerna på Facebook.",
	"account_type": "party_page",
	"owner": {"kind": "party"},
	"persona": "authentic",
	"metrics": {"follower_history": [{"date": "2026-08-01", "count": 50000}, {"date": "2026-08-02", "count": 50400}]},
	"commerce": {
		"purchased_followers": false,
		"purchased_engagement": false,
		"asset_origin": "created",
		"engagement_vendor_ids": ["ven_reach"],
	},
	"automation": {"tools": []},
	"network": {"operated_by": "party", "disclosed_as_party_account": true, "linked_account_ids": ["acc_lund"]},
	"platform_verification": {"meta_siep_authorized": true, "disclaimer_name": "Liberalerna"},
}

_lund := {
	"kind": "account",
	"id": "acc_lund",
	"display_name": "Fria röster",
	"bio_text": "Vi är Liberalerna i Lund.",
	"account_type": "local_branch_page",
	"owner": {"kind": "party"},
	"persona": "authentic",
	"network": {"operated_by": "party", "disclosed_as_party_account": true},
}

_reach := {
	"kind": "vendor",
	"id": "ven_reach",
	"legal_name": "Nordic Reach AB",
	"roles": ["media_agency"],
	"services_declared": {"sells_followers_or_engagement": false},
}

_related := {"vendor": {"ven_reach": _reach}, "account": {"acc_lund": _lund}}

# `doc` with one top-level field replaced wholesale (object.union would merge nested objects instead).
_set(doc, key, value) := object.union(object.remove(doc, [key]), {key: value})

_without(doc, key) := object.remove(doc, [key])

_input(doc, related) := {"kind": "account", "as_of": "2026-11-23", "document": doc, "related": related, "names": _names}

_deny_with(doc, related) := findings if {
	findings := account.deny with input as _input(doc, related)
		with data.ethiq.index as _index
		with data.ethiq.context as _context
}

_warn_with(doc, related) := findings if {
	findings := account.warn with input as _input(doc, related)
		with data.ethiq.index as _index
		with data.ethiq.context as _context
}

_deny(doc) := _deny_with(doc, _related)

_warn(doc) := _warn_with(doc, _related)

# The findings of one rule as [status, path, message] triples: exact, so a wrong path or status fails.
_of(findings, rule) := {[f.status, f.path, f.message] | some f in findings; f.rule == rule}

_only(findings, rule) := {f | some f in findings; f.rule == rule}

# --- the clean accounts ----------------------------------------------------------------------------

test_acc_clean_candidate_has_no_finding if {
	count(_deny(_candidate)) == 0
	count(_warn(_candidate)) == 0
}

test_acc_clean_party_page_has_no_finding if {
	count(_deny(_page)) == 0
	count(_warn(_page)) == 0
}

# --- ACC-001 -------------------------------------------------------------------------------------------

_anon_page := object.union(_page, {"display_name": "Sverige framåt", "bio_text": "För ett friare Sverige."})

test_acc_001_display_name_not_party_fails if {
	findings := _deny(_anon_page)
	_of(findings, "ACC-001") == {["fail", ["display_name"], "not_party_name"]}
	some f in _only(findings, "ACC-001")
	f.params == {"display_name": "Sverige framåt"}
}

test_acc_001_bio_naming_party_passes if {
	count(_of(_deny(object.union(_anon_page, {"bio_text": "Vi är Liberalerna i Lund."})), "ACC-001")) == 0
}

test_acc_001_alias_as_display_name_passes if {
	count(_of(_deny(object.union(_anon_page, {"display_name": "Folkpartiet liberalerna"})), "ACC-001")) == 0
}

# The party name inside a word, or the short mark alone, is not the party's own name.
test_acc_001_name_inside_a_word_or_short_mark_fails if {
	every bio in ["Ungliberalerna i Lund", "(L) i Lund"] {
		_of(_deny(object.union(_anon_page, {"bio_text": bio})), "ACC-001") == {["fail", ["display_name"], "not_party_name"]}
	}
}

test_acc_001_explicitly_empty_bio_fails if {
	_of(_deny(object.union(_anon_page, {"bio_text": ""})), "ACC-001") == {["fail", ["display_name"], "not_party_name"]}
}

# Owned by the party, so it speaks for the party whatever its type.
test_acc_001_party_owned_personal_type_fails if {
	doc := object.union(_anon_page, {"account_type": "member_personal"})
	_of(_deny(doc), "ACC-001") == {["fail", ["display_name"], "not_party_name"]}
}

test_acc_001_every_party_type_applies if {
	every account_type in ["party_page", "party_profile", "local_branch_page", "ad_account", "business_portfolio"] {
		doc := object.union(_anon_page, {"account_type": account_type, "owner": {"kind": "vendor"}})
		_of(_deny(doc), "ACC-001") == {["fail", ["display_name"], "not_party_name"]}
	}
}

test_acc_001_personal_account_not_applicable if {
	doc := object.union(_candidate, {"bio_text": "För ett friare Sverige."})
	count(_of(_deny(doc), "ACC-001")) == 0
}

test_acc_001_bio_missing_needs_review if {
	_of(_deny(_without(_anon_page, "bio_text")), "ACC-001") == {["needs_review", ["bio_text"], "bio_missing"]}
}

test_acc_001_display_name_missing_needs_review if {
	_of(_deny(_without(_anon_page, "display_name")), "ACC-001") == {["needs_review", ["display_name"], "display_name_missing"]}
}

# An empty bio is known (it names nobody); only the missing display name is unknown.
test_acc_001_empty_bio_is_not_missing if {
	doc := _set(_without(_anon_page, "display_name"), "bio_text", "")
	_of(_deny(doc), "ACC-001") == {["needs_review", ["display_name"], "display_name_missing"]}
}

test_acc_001_name_unindexed_needs_review if {
	findings := _deny(object.union(_anon_page, {"display_name": "Ett namn motorn inte såg"}))
	_of(findings, "ACC-001") == {["needs_review", ["display_name"], "name_unindexed"]}
}

test_acc_001_type_unknown_needs_review if {
	doc := object.union(_without(_anon_page, "account_type"), {"owner": {"kind": "person"}})
	_of(_deny(doc), "ACC-001") == {["needs_review", ["account_type"], "scope_unknown"]}
}

# --- ACC-002 -------------------------------------------------------------------------------------------

test_acc_002_fabricated_or_impersonated_persona_fails if {
	every persona in ["fabricated", "impersonated"] {
		findings := _deny(_set(_candidate, "persona", persona))
		_of(findings, "ACC-002") == {["fail", ["persona"], concat("_", ["persona", persona])]}
	}
}

test_acc_002_parody_persona_passes if {
	count(_of(_deny(_set(_candidate, "persona", "parody")), "ACC-002")) == 0
}

test_acc_002_party_run_personal_account_without_person_fails if {
	every account_type in ["member_personal", "official_personal", "candidate_profile", "employee_personal"] {
		doc := _set(_set(_candidate, "owner", {"kind": "party"}), "account_type", account_type)
		findings := _deny(doc)
		_of(findings, "ACC-002") == {["fail", ["owner", "person_ref"], "no_real_person"]}
		some f in _only(findings, "ACC-002")
		f.params == {"owner": "party", "account_type": account_type}
	}
}

test_acc_002_vendor_run_personal_account_unverified_fails if {
	every verified in [false, "unknown", null] {
		doc := _set(_candidate, "owner", {"kind": "vendor", "person_ref": "Erik Svensson", "real_identity_verified": verified})
		_of(_deny(doc), "ACC-002") == {["fail", ["owner", "real_identity_verified"], "identity_unverified"]}
	}
}

test_acc_002_party_run_verified_person_passes if {
	doc := _set(_candidate, "owner", {"kind": "party", "person_ref": "Anna Andersson", "real_identity_verified": true})
	count(_of(_deny(doc), "ACC-002")) == 0
}

test_acc_002_persona_unknown_needs_review if {
	_of(_deny(_without(_candidate, "persona")), "ACC-002") == {["needs_review", ["persona"], "persona_unknown"]}
}

test_acc_002_personal_account_owner_unknown_needs_review if {
	findings := _deny(_without(_candidate, "owner"))
	_of(findings, "ACC-002") == {["needs_review", ["owner", "kind"], "owner_unknown"]}
	some f in _only(findings, "ACC-002")
	f.params == {"account_type": "candidate_profile"}
}

test_acc_002_organisation_account_type_unknown_needs_review if {
	doc := _without(_set(_candidate, "owner", {"kind": "vendor"}), "account_type")
	_of(_deny(doc), "ACC-002") == {["needs_review", ["account_type"], "type_unknown"]}
}

test_acc_002_image_signal_needs_review if {
	every signal in ["ai_generated", "stock", "copied"] {
		findings := _deny(_set(_candidate, "profile_image", {signal: true}))
		_of(findings, "ACC-002") == {["needs_review", ["profile_image", signal], "image_signal"]}
	}
}

test_acc_002_image_signal_on_party_page_is_not_a_person if {
	count(_of(_deny(_set(_page, "profile_image", {"stock": true})), "ACC-002")) == 0
}

# A fail settles the rule: nobody is asked to review a picture of an account that is already fake.
test_acc_002_fail_suppresses_review if {
	doc := object.union(_candidate, {"persona": "fabricated", "profile_image": {"ai_generated": true}})
	_of(_deny(doc), "ACC-002") == {["fail", ["persona"], "persona_fabricated"]}
}

# --- ACC-003 -------------------------------------------------------------------------------------------

_employee := object.union(_candidate, {"account_type": "employee_personal", "role_of_holder": "employee"})

test_acc_003_is_a_warning if {
	doc := _set(_candidate, "affiliation_disclosed", {"in_profile": false})
	count(_of(_deny(doc), "ACC-003")) == 0
	count(_of(_warn(doc), "ACC-003")) == 1
}

test_acc_003_party_name_or_short_mark_passes if {
	every text in ["Riksdagskandidat (L)", "Anställd på Liberalerna", "L-politiker i Malmö"] {
		count(_of(_warn(_set(_employee, "affiliation_disclosed", {"in_profile": true, "text": text})), "ACC-003")) == 0
	}
}

test_acc_003_not_in_profile_fails if {
	every role in ["elected_official", "candidate", "employee"] {
		doc := object.union(_candidate, {"role_of_holder": role, "affiliation_disclosed": {"in_profile": false}})
		findings := _warn(doc)
		_of(findings, "ACC-003") == {["fail", ["affiliation_disclosed", "in_profile"], "not_in_profile"]}
		some f in _only(findings, "ACC-003")
		f.params == {"role": role}
	}
}

test_acc_003_text_without_party_fails if {
	every text in ["Riksdagskandidat i Stockholm", "Ungliberalerna i Lund", "Åker SL-kort varje dag"] {
		doc := _set(_candidate, "affiliation_disclosed", {"in_profile": true, "text": text})
		_of(_warn(doc), "ACC-003") == {["fail", ["affiliation_disclosed", "text"], "text_without_party"]}
	}
}

test_acc_003_disclosure_unknown_needs_review if {
	every disclosed in [{"in_profile": "unknown"}, {"text": "Riksdagskandidat (L)"}] {
		doc := _set(_candidate, "affiliation_disclosed", disclosed)
		_of(_warn(doc), "ACC-003") == {["needs_review", ["affiliation_disclosed", "in_profile"], "disclosure_unknown"]}
	}
	_of(_warn(_without(_candidate, "affiliation_disclosed")), "ACC-003") == {[
		"needs_review",
		["affiliation_disclosed", "in_profile"], "disclosure_unknown",
	]}
}

# Where the disclosure appears: the profile's places count, a pinned post alone does not.
test_acc_003_each_profile_place_passes if {
	every place in ["bio", "display_name", "header"] {
		doc := _set(_candidate, "affiliation_disclosed", {"in_profile": true, "text": "Riksdagskandidat (L)", "places": [place, "pinned_post"]})
		count(_of(_warn(doc), "ACC-003")) == 0
	}
}

test_acc_003_pinned_post_only_fails if {
	doc := _set(_candidate, "affiliation_disclosed", {"in_profile": true, "text": "Riksdagskandidat (L)", "places": ["pinned_post"]})
	findings := _warn(doc)
	_of(findings, "ACC-003") == {["fail", ["affiliation_disclosed", "places"], "outside_profile"]}
	some f in _only(findings, "ACC-003")
	f.params == {"places": "pinned_post"}
}

test_acc_003_no_place_fails if {
	doc := _set(_candidate, "affiliation_disclosed", {"in_profile": true, "text": "Riksdagskandidat (L)", "places": []})
	_of(_warn(doc), "ACC-003") == {["fail", ["affiliation_disclosed", "places"], "outside_profile"]}
}

test_acc_003_profile_place_settles_an_unknown_flag if {
	doc := _set(_candidate, "affiliation_disclosed", {"in_profile": "unknown", "text": "Riksdagskandidat (L)", "places": ["bio"]})
	count(_of(_warn(doc), "ACC-003")) == 0
	doc2 := _set(_candidate, "affiliation_disclosed", {"in_profile": "unknown", "text": "Riksdagskandidat i Stockholm", "places": ["header"]})
	_of(_warn(doc2), "ACC-003") == {["fail", ["affiliation_disclosed", "text"], "text_without_party"]}
}

# The bio is the profile: when it shows the affiliation, the missing text is not a gap.
test_acc_003_text_missing_but_bio_shows_it_passes if {
	doc := _set(_candidate, "affiliation_disclosed", {"in_profile": true})
	count(_of(_warn(doc), "ACC-003")) == 0
}

test_acc_003_text_missing_needs_review if {
	doc := _set(_set(_candidate, "affiliation_disclosed", {"in_profile": true}), "bio_text", "För ett friare Sverige.")
	_of(_warn(doc), "ACC-003") == {["needs_review", ["affiliation_disclosed", "text"], "text_missing"]}
}

test_acc_003_text_unindexed_needs_review if {
	doc := _set(_candidate, "affiliation_disclosed", {"in_profile": true, "text": "Okänd text"})
	_of(_warn(doc), "ACC-003") == {["needs_review", ["affiliation_disclosed", "text"], "name_unindexed"]}
}

test_acc_003_parody_and_other_roles_are_exempt if {
	parody := object.union(_candidate, {"persona": "parody", "affiliation_disclosed": {"in_profile": false}})
	count(_of(_warn(parody), "ACC-003")) == 0
	member := object.union(_candidate, {"role_of_holder": "member", "affiliation_disclosed": {"in_profile": false}})
	count(_of(_warn(member), "ACC-003")) == 0
}

test_acc_003_role_unknown_on_holder_account_needs_review if {
	doc := _set(_without(_candidate, "role_of_holder"), "affiliation_disclosed", {"in_profile": false})
	_of(_warn(doc), "ACC-003") == {["needs_review", ["role_of_holder"], "role_unknown"]}
	member := _set(_without(_candidate, "role_of_holder"), "account_type", "member_personal")
	count(_of(_warn(member), "ACC-003")) == 0
}

# --- ACC-004 -------------------------------------------------------------------------------------------

_commerce(doc, fields) := _set(doc, "commerce", object.union(doc.commerce, fields))

test_acc_004_purchased_followers_or_engagement_fails if {
	every field in ["purchased_followers", "purchased_engagement"] {
		findings := _deny(_commerce(_candidate, {field: true}))
		_of(findings, "ACC-004") == {["fail", ["commerce", field], field]}
	}
}

test_acc_004_bought_asset_fails if {
	every origin in ["purchased", "rented", "bulk_created", "compromised"] {
		findings := _deny(_commerce(_candidate, {"asset_origin": origin}))
		_of(findings, "ACC-004") == {["fail", ["commerce", "asset_origin"], "asset_origin"]}
		some f in _only(findings, "ACC-004")
		f.params == {"origin": origin}
	}
}

test_acc_004_own_asset_passes if {
	every origin in ["created", "pre_existing"] {
		count(_of(_deny(_commerce(_candidate, {"asset_origin": origin})), "ACC-004")) == 0
	}
}

test_acc_004_engagement_seller_vendor_fails if {
	seller := object.union(_reach, {"roles": ["media_agency", "engagement_seller"]})
	findings := _deny_with(_page, {"vendor": {"ven_reach": seller}, "account": {"acc_lund": _lund}})
	_of(findings, "ACC-004") == {["fail", ["commerce", "engagement_vendor_ids", 0], "vendor_engagement_seller"]}
	some f in _only(findings, "ACC-004")
	f.trace == ["acc_page", "ven_reach"]
	f.params == {"vendor": "ven_reach"}
}

test_acc_004_vendor_selling_engagement_fails if {
	seller := _set(_reach, "services_declared", {"sells_followers_or_engagement": true})
	findings := _deny_with(_page, {"vendor": {"ven_reach": seller}, "account": {"acc_lund": _lund}})
	_of(findings, "ACC-004") == {["fail", ["commerce", "engagement_vendor_ids", 0], "vendor_sells_engagement"]}
}

test_acc_004_vendor_missing_needs_review if {
	findings := _deny_with(_page, {"account": {"acc_lund": _lund}})
	_of(findings, "ACC-004") == {["needs_review", ["commerce", "engagement_vendor_ids", 0], "vendor_missing"]}
	some f in _only(findings, "ACC-004")
	f.trace == ["acc_page", "ven_reach"]
}

test_acc_004_vendor_undeclared_needs_review if {
	vague := object.remove(_reach, ["services_declared"])
	findings := _deny_with(_page, {"vendor": {"ven_reach": vague}, "account": {"acc_lund": _lund}})
	_of(findings, "ACC-004") == {["needs_review", ["commerce", "engagement_vendor_ids", 0], "vendor_unknown"]}
}

test_acc_004_purchases_unknown_need_review if {
	doc := _set(_candidate, "commerce", {"purchased_followers": "unknown"})
	_of(_deny(doc), "ACC-004") == {
		["needs_review", ["commerce", "purchased_followers"], "purchased_followers_unknown"],
		["needs_review", ["commerce", "purchased_engagement"], "purchased_engagement_unknown"],
		["needs_review", ["commerce", "asset_origin"], "asset_origin_unknown"],
	}
}

# S10: ads with follow objectives are the smart ads the seed asks for, recorded as growth explanations.
test_acc_004_paid_campaign_passes if {
	doc := _set(_candidate, "growth_explanations", [{"date": "2026-08-02", "reason": "paid_campaign", "ref": "cmp_follow"}])
	count(_of(_deny(doc), "ACC-004")) == 0
}

# --- ACC-005 -------------------------------------------------------------------------------------------

test_acc_005_inflating_tool_fails if {
	every function in ["auto_like", "auto_follow", "auto_unfollow", "auto_comment", "auto_repost", "engagement_pod", "follow_train", "chatbot_undisclosed"] {
		tools := [{"name": "Buffer", "function": "scheduling"}, {"name": "Booster", "function": function}]
		findings := _deny(_set(_candidate, "automation", {"tools": tools}))
		_of(findings, "ACC-005") == {["fail", ["automation", "tools", 1, "function"], "inflating_tool"]}
		some f in _only(findings, "ACC-005")
		f.params == {"tool": "Booster", "function": function}
	}
}

test_acc_005_schedulers_analytics_and_disclosed_bots_pass if {
	tools := [{"function": "scheduling"}, {"function": "analytics"}, {"name": "Servicebot", "function": "chatbot_disclosed"}]
	count(_of(_deny(_set(_candidate, "automation", {"tools": tools})), "ACC-005")) == 0
	count(_of(_deny(_set(_candidate, "automation", {"tools": []})), "ACC-005")) == 0
}

test_acc_005_tools_unknown_needs_review if {
	every automation in [null, {}, {"tools": "unknown"}] {
		_of(_deny(_set(_candidate, "automation", automation)), "ACC-005") == {["needs_review", ["automation", "tools"], "tools_unknown"]}
	}
}

test_acc_005_function_unknown_needs_review if {
	findings := _deny(_set(_candidate, "automation", {"tools": [{"name": "Mystery"}]}))
	_of(findings, "ACC-005") == {["needs_review", ["automation", "tools", 0], "function_unknown"]}
	some f in _only(findings, "ACC-005")
	f.params == {"tool": "Mystery"}
}

# --- ACC-006 -------------------------------------------------------------------------------------------

# A "grassroots" account the party runs without saying so.
_sock := object.union(_candidate, {
	"display_name": "Erik Svensson",
	"bio_text": "För ett friare Sverige.",
	"owner": {"kind": "person", "person_ref": "Erik Svensson", "real_identity_verified": true},
	"role_of_holder": "member",
	"account_type": "member_personal",
	"affiliation_disclosed": {"in_profile": false},
	"network": {"operated_by": "party", "disclosed_as_party_account": false},
})

_network(doc, fields) := _set(doc, "network", object.union(doc.network, fields))

test_acc_006_party_run_undisclosed_fails if {
	every operator in ["party", "Liberalerna", "ven_reach"] {
		findings := _deny(_network(_sock, {"operated_by": operator}))
		_of(findings, "ACC-006") == {["fail", ["network", "disclosed_as_party_account"], "undisclosed"]}
		some f in _only(findings, "ACC-006")
		f.params == {"operator": operator}
	}
}

test_acc_006_party_run_disclosed_passes if {
	count(_of(_deny(_network(_sock, {"disclosed_as_party_account": true})), "ACC-006")) == 0
}

test_acc_006_holder_run_passes if {
	count(_of(_deny(_network(_sock, {"operated_by": "Erik Svensson"})), "ACC-006")) == 0
}

# Without the flag, an account whose name or bio names the party shows it; otherwise nobody knows.
test_acc_006_disclosure_unknown_needs_review if {
	doc := _set(_sock, "network", {"operated_by": "party"})
	_of(_deny(doc), "ACC-006") == {["needs_review", ["network", "disclosed_as_party_account"], "disclosure_unknown"]}
	named := object.union(doc, {"bio_text": "Anställd på Liberalerna"})
	count(_of(_deny(named), "ACC-006")) == 0
}

test_acc_006_operator_unknown_needs_review if {
	_of(_deny(_set(_sock, "network", {})), "ACC-006") == {["needs_review", ["network", "operated_by"], "operator_unknown"]}
}

test_acc_006_operator_unclassified_needs_review if {
	findings := _deny(_network(_sock, {"operated_by": "ven_elsewhere"}))
	_of(findings, "ACC-006") == {["needs_review", ["network", "operated_by"], "operator_unclassified"]}
}

test_acc_006_linked_undisclosed_fails if {
	sock := _set(_sock, "id", "acc_lund")
	findings := _deny_with(_page, {"vendor": {"ven_reach": _reach}, "account": {"acc_lund": sock}})
	_of(findings, "ACC-006") == {["fail", ["network", "linked_account_ids", 0], "linked_undisclosed"]}
	some f in _only(findings, "ACC-006")
	f.trace == ["acc_page", "acc_lund"]
	f.params == {"account": "acc_lund", "operator": "party"}
}

test_acc_006_linked_missing_needs_review if {
	findings := _deny_with(_page, {"vendor": {"ven_reach": _reach}})
	_of(findings, "ACC-006") == {["needs_review", ["network", "linked_account_ids", 0], "linked_missing"]}
}

test_acc_006_linked_unclear_needs_review if {
	unclear := _set(_lund, "bio_text", "För ett friare Sverige.")
	every network in [{}, {"operated_by": "party"}] {
		linked := _set(unclear, "network", network)
		findings := _deny_with(_page, {"vendor": {"ven_reach": _reach}, "account": {"acc_lund": linked}})
		count(_of(findings, "ACC-006")) == 1
		some f in _only(findings, "ACC-006")
		f.status == "needs_review"
		f.path == ["network", "linked_account_ids", 0]
		f.message in {"linked_operator_unknown", "linked_disclosure_unknown"}
	}
}

# --- ACC-007 -------------------------------------------------------------------------------------------

_history(doc, points) := _set(doc, "metrics", {"follower_history": [{"date": d, "count": c} | some [d, c] in points]})

test_acc_007_is_a_warning if {
	doc := _history(_candidate, [["2026-08-01", 1000], ["2026-08-02", 2000]])
	count(_of(_deny(doc), "ACC-007")) == 0
	count(_of(_warn(doc), "ACC-007")) == 1
}

test_acc_007_spike_fails if {
	doc := _history(_candidate, [["2026-08-01", 1000], ["2026-08-02", 1100], ["2026-08-03", 1700]])
	findings := _warn(doc)
	_of(findings, "ACC-007") == {["fail", ["metrics", "follower_history", 2], "spike"]}
	some f in _only(findings, "ACC-007")
	f.params == {"from": 1100, "to": 1700, "from_date": "2026-08-02", "to_date": "2026-08-03", "pct": "54.5", "threshold": 50}
}

# Accounts without followers are out of scope: no history is needed, and a history is not judged.
test_acc_007_each_followerless_type_is_not_applicable if {
	every account_type in ["ad_account", "business_portfolio"] {
		doc := object.union(_without(_page, "metrics"), {"account_type": account_type})
		count(_of(_warn(doc), "ACC-007")) == 0
		spike := _history(object.union(_page, {"account_type": account_type}), [["2026-08-01", 1000], ["2026-08-02", 2000]])
		count(_of(_warn(spike), "ACC-007")) == 0
	}
}

test_acc_007_page_without_history_needs_review if {
	_of(_warn(_without(_page, "metrics")), "ACC-007") == {["needs_review", ["metrics", "follower_history"], "history_missing"]}
}

# Exceeds, not reaches: exactly the threshold passes.
test_acc_007_gain_at_threshold_passes if {
	count(_of(_warn(_history(_candidate, [["2026-08-01", 1000], ["2026-08-02", 1500]])), "ACC-007")) == 0
}

test_acc_007_unsorted_history_is_sorted if {
	doc := _history(_candidate, [["2026-08-03", 3000], ["2026-08-01", 1000], ["2026-08-02", 1100]])
	_of(_warn(doc), "ACC-007") == {["fail", ["metrics", "follower_history", 0], "spike"]}
}

test_acc_007_growth_from_zero_is_a_spike if {
	doc := _history(_candidate, [["2026-08-01", 0], ["2026-08-02", 400]])
	_of(_warn(doc), "ACC-007") == {["fail", ["metrics", "follower_history", 1], "spike"]}
}

test_acc_007_explanation_within_three_days_passes if {
	every date in ["2026-07-31", "2026-08-03", "2026-08-06"] {
		doc := _set(
			_history(_candidate, [["2026-08-02", 1000], ["2026-08-03", 2000]]),
			"growth_explanations", [{"date": date, "reason": "media_event"}],
		)
		count(_of(_warn(doc), "ACC-007")) == 0
	}
}

test_acc_007_explanation_four_days_away_fails if {
	every date in ["2026-07-30", "2026-08-07"] {
		doc := _set(
			_history(_candidate, [["2026-08-02", 1000], ["2026-08-03", 2000]]),
			"growth_explanations", [{"date": date, "reason": "paid_campaign"}],
		)
		_of(_warn(doc), "ACC-007") == {["fail", ["metrics", "follower_history", 1], "spike"]}
	}
}

# Every unexplained spike counts, not only the largest.
test_acc_007_explained_largest_spike_does_not_hide_another if {
	points := [["2026-08-01", 1000], ["2026-08-02", 3000], ["2026-08-20", 3000], ["2026-08-21", 4800]]
	doc := _set(_history(_candidate, points), "growth_explanations", [{"date": "2026-08-02", "reason": "viral_post"}])
	_of(_warn(doc), "ACC-007") == {["fail", ["metrics", "follower_history", 3], "spike"]}
}

test_acc_007_gap_with_large_gain_needs_review if {
	doc := _history(_candidate, [["2026-08-01", 1000], ["2026-08-05", 2000]])
	findings := _warn(doc)
	_of(findings, "ACC-007") == {["needs_review", ["metrics", "follower_history", 1], "gap_spike"]}
	some f in _only(findings, "ACC-007")
	f.params.days == 4
}

test_acc_007_gap_with_small_gain_passes if {
	count(_of(_warn(_history(_candidate, [["2026-08-01", 1000], ["2026-08-08", 1400]])), "ACC-007")) == 0
}

test_acc_007_same_day_counts_are_not_a_gain if {
	count(_of(_warn(_history(_candidate, [["2026-08-01", 1000], ["2026-08-01", 1900], ["2026-08-02", 1950]])), "ACC-007")) == 0
}

test_acc_007_history_missing_needs_review if {
	every metrics in [{}, {"follower_history": []}, {"follower_history": [{"date": "2026-08-01", "count": 10}]}] {
		doc := _set(_candidate, "metrics", metrics)
		_of(_warn(doc), "ACC-007") == {["needs_review", ["metrics", "follower_history"], "history_missing"]}
	}
}

test_acc_007_invalid_entry_needs_review if {
	history := [{"date": "2026-08-01", "count": 10}, {"date": "2026-02-31x", "count": 10}, {"date": "2026-08-02", "count": 11}]
	doc := _set(_candidate, "metrics", {"follower_history": history})
	_of(_warn(doc), "ACC-007") == {["needs_review", ["metrics", "follower_history", 1], "entry_invalid"]}
}

test_acc_007_threshold_missing_needs_review if {
	findings := account.warn with input as _input(_candidate, _related)
		with data.ethiq.index as _index
		with data.ethiq.context as {"party": {"short_marks": ["(L)"]}}
	_of(findings, "ACC-007") == {["needs_review", [], "threshold_missing"]}
}

# --- ACC-008 -------------------------------------------------------------------------------------------

_disclaimer(doc, name) := _set(doc, "platform_verification", {"meta_siep_authorized": true, "disclaimer_name": name})

test_acc_008_is_a_warning if {
	doc := _disclaimer(_page, "Anna Andersson")
	count(_of(_deny(doc), "ACC-008")) == 0
	count(_of(_warn(doc), "ACC-008")) == 1
}

test_acc_008_party_disclaimer_passes if {
	every name in ["Liberalerna", "Folkpartiet liberalerna"] {
		count(_of(_warn(_disclaimer(_page, name)), "ACC-008")) == 0
	}
}

test_acc_008_other_disclaimer_fails if {
	every name in ["Anna Andersson", "Nordic Reach AB", "Vi är Liberalerna i Lund."] {
		findings := _warn(_disclaimer(_page, name))
		_of(findings, "ACC-008") == {["fail", ["platform_verification", "disclaimer_name"], "disclaimer_not_party"]}
	}
}

test_acc_008_no_disclaimer_passes if {
	count(_of(_warn(_without(_page, "platform_verification")), "ACC-008")) == 0
	count(_of(_warn(_set(_page, "platform_verification", {"meta_siep_authorized": false})), "ACC-008")) == 0
}

test_acc_008_disclaimer_unknown_needs_review if {
	_of(_warn(_disclaimer(_page, "unknown")), "ACC-008") == {[
		"needs_review",
		["platform_verification", "disclaimer_name"], "disclaimer_unknown",
	]}
	_of(_warn(_disclaimer(_page, "Ett namn motorn inte såg")), "ACC-008") == {[
		"needs_review",
		["platform_verification", "disclaimer_name"], "name_unindexed",
	]}
}

# --- the environment ---------------------------------------------------------------------------------

# Without the party index nothing is the party's: the party page fails closed instead of passing.
test_acc_without_party_index_fails_closed if {
	findings := account.deny with input as _input(_page, _related)
		with data.ethiq.index as {}
		with data.ethiq.context as _context
	_of(findings, "ACC-001") == {["fail", ["display_name"], "not_party_name"]}
}
