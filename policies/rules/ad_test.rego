package ethiq.rules.ad_test

import data.ethiq.rules.ad

# --- fixtures: a clean political dark post on Meta before Meta stopped political ads in the EU ------------

_text := "Fler avgångar och lägre priser i kollektivtrafiken. Det är Liberalernas besked till Stockholmspendlarna."

# sha256 of _text in the engine's normal form (ethiq.engine.derived.content_sha256).
_hash := "9a053b04ace23e70c95d65f48925463b2c95c885818bb02d9b320f8044fb4c63"

_other_hash := "0000000000000000000000000000000000000000000000000000000000000000"

_clean := {
	"kind": "ad",
	"id": "ad_dark",
	"platform": "meta",
	"account_id": "acc_fb",
	"audience_ids": ["aud_se"],
	"visibility": "ad_only_unpublished",
	"public_counterpart": {
		"post_id": "100_1",
		"published_at": "2025-08-18T09:00:00+02:00",
		"content_sha256": _hash,
		"equivalence": "identical",
	},
	"creative": {"text": _text, "ai_generated_media": false},
	"sender": {
		"paid_for_by": "Liberalerna",
		"sponsor_legal_name": "Liberalerna",
		"payer_legal_name": "Liberalerna",
		"payer_country": "SE",
		"meta_dsa_beneficiary": "Liberalerna",
		"meta_dsa_payor": "Liberalerna",
	},
	"political": {
		"is_political_advertisement": true,
		"label_present": true,
		"transparency_notice": _notice,
		"targeting_info_present": true,
		"targeting_disclosure": _disclosure,
		"platform_declarations": {"meta_special_ad_categories": ["ISSUES_ELECTIONS_POLITICS"]},
	},
	"content_review": {"reviewer": "Kommunikationsavdelningen", "flags": [], "message_focus": "own", "fact_claims": []},
	"schedule": {"start": "2025-08-20T08:00:00+02:00"},
}

# A complete TTPA Art. 12(1) transparency notice and Art. 19(1)(c) targeting disclosure.
_notice := {
	"sponsor": {"name": "Liberalerna", "email": "info@liberalerna.se"},
	"period": {"from": "2025-08-20", "to": "2025-09-12"},
	"amounts": {"currency": "SEK", "total": 25000, "in_kind_value": 0},
	"funding_origin": {"public_or_private": "private", "inside_eu": true},
	"methodology": "Invoiced media cost per ad set, from the platform's billing report.",
}

_disclosure := {
	"groups_and_parameters": "Adults 18+ in Stockholm county interested in public transport.",
	"personal_data_categories": ["location", "interests"],
	"logic_incl_exclusion": "Included: interest in public transport; excluded: none.",
	"ai_used": false,
	"policy_url": "https://www.liberalerna.se/integritet/riktad-politisk-reklam",
}

_party_account := {
	"kind": "account",
	"id": "acc_fb",
	"platform": "facebook",
	"display_name": "Liberalerna",
	"account_type": "party_page",
	"owner": {"kind": "party"},
}

_related := {
	"account": {"acc_fb": _party_account},
	"audience": {"aud_se": {"kind": "audience", "id": "aud_se", "platform": "meta", "normalized": {"geo": {"countries": ["SE"]}}}},
}

_names := {
	"Liberalerna": {"norm": "liberalerna"},
	"Liberalerna Stockholm": {"norm": "liberalerna stockholm"},
	"Moderaterna": {"norm": "moderaterna"},
	"Kampanjbyrån AB": {"norm": "kampanjbyran"},
	"Stockholmsnytt": {"norm": "stockholmsnytt"},
	"Officiellt konto för Liberalerna i Stockholm": {"norm": "officiellt konto for liberalerna i stockholm"},
	"Liberalernas vänner": {"norm": "liberalernas vanner"},
}

_index := {"party_names": {"liberalerna": true, "liberal party of sweden": true, "liberalerna stockholm": true}}

_post := {
	"platform": "facebook",
	"post_id": "100_1",
	"published_at": "2025-08-18T09:00:00+02:00",
	"content_sha256": _hash,
}

_context := {
	"public_post_index": [_post],
	"platform_timeline": {
		"meta": {"eu_political_ads_allowed_until": "2025-10-06T18:00:00+02:00"},
		"google_ads": {"eu_political_ads_allowed_until": "2025-10-01"},
		"linkedin": {"political_ads_allowed": false},
	},
}

_input(doc, related) := {
	"kind": "ad",
	"as_of": "2026-11-23",
	"document": doc,
	"related": related,
	"links": [],
	"unresolved": [],
	"names": _names,
	"derived": {"creative_text_sha256": _hash},
}

_deny_in(doc, related, context) := findings if {
	findings := ad.deny with input as _input(doc, related) with data.ethiq.context as context with data.ethiq.index as _index
}

_deny(doc) := _deny_in(doc, _related, _context)

_with_posts(posts) := object.union(_context, {"public_post_index": posts})

_warn(doc) := findings if {
	findings := ad.warn with input as _input(doc, _related) with data.ethiq.context as _context with data.ethiq.index as _index
}

_info(doc) := findings if {
	findings := ad.info with input as _input(doc, _related) with data.ethiq.context as _context with data.ethiq.index as _index
}

_of(findings, rule) := {[f.status, f.path, f.message] | some f in findings; f.rule == rule}

_set(doc, patch) := object.union(doc, patch)

_without(doc, paths) := json.remove(doc, paths)

_nonpolitical(doc) := _set(doc, {"political": {"is_political_advertisement": false}})

_unknown_political(doc) := _set(doc, {"political": {"is_political_advertisement": "unknown"}})

test_clean_ad_has_no_finding if {
	count(_deny(_clean)) == 0
	count(_warn(_clean)) == 0
	count(_info(_clean)) == 0
}

# --- AD-001 --------------------------------------------------------------------------------------------

test_ad_001_personal_attack_fails if {
	doc := _set(_clean, {"content_review": {"flags": ["personal_attack"]}})
	_of(_deny(doc), "AD-001") == {["fail", ["content_review", "flags", 0], "attack_flag"]}
}

test_ad_001_insult_and_dehumanising_fail if {
	doc := _set(_clean, {"content_review": {"flags": ["opponent_focus", "insult", "dehumanising"]}})
	_of(_deny(doc), "AD-001") == {
		["fail", ["content_review", "flags", 1], "attack_flag"],
		["fail", ["content_review", "flags", 2], "attack_flag"],
	}
}

test_ad_001_attack_in_non_political_ad_fails if {
	doc := _nonpolitical(_set(_clean, {"content_review": {"flags": ["insult"]}}))
	_of(_deny(doc), "AD-001") == {["fail", ["content_review", "flags", 0], "attack_flag"]}
}

test_ad_001_other_flags_pass if {
	doc := _set(_clean, {"content_review": {"flags": ["misleading", "unsourced_claim"]}})
	_of(_deny(doc), "AD-001") == set()
}

test_ad_001_political_ad_without_review_needs_review if {
	_of(_deny(_without(_clean, ["content_review"])), "AD-001") == {["needs_review", ["content_review"], "review_missing"]}
}

test_ad_001_unknown_political_without_review_needs_review if {
	doc := _unknown_political(_without(_clean, ["content_review"]))
	_of(_deny(doc), "AD-001") == {["needs_review", ["content_review"], "review_missing"]}
}

test_ad_001_missing_political_block_needs_review if {
	doc := _without(_clean, ["content_review", "political"])
	_of(_deny(doc), "AD-001") == {["needs_review", ["content_review"], "review_missing"]}
}

test_ad_001_non_political_without_review_passes if {
	_of(_deny(_nonpolitical(_without(_clean, ["content_review"]))), "AD-001") == set()
}

test_ad_001_reviewer_missing_needs_review if {
	doc := _without(_clean, ["content_review/reviewer"])
	_of(_deny(doc), "AD-001") == {["needs_review", ["content_review", "reviewer"], "reviewer_missing"]}
}

test_ad_001_flags_missing_needs_review if {
	doc := _without(_clean, ["content_review/flags"])
	_of(_deny(doc), "AD-001") == {["needs_review", ["content_review", "flags"], "flags_missing"]}
}

# --- AD-002 --------------------------------------------------------------------------------------------

test_ad_002_clean_passes if {
	_of(_deny(_clean), "AD-002") == set()
	_of(_warn(_clean), "AD-002") == set()
}

test_ad_002_misleading_blocks if {
	doc := _set(_clean, {"content_review": {"flags": ["opponent_focus", "misleading"]}})
	_of(_deny(doc), "AD-002") == {["fail", ["content_review", "flags", 1], "misleading"]}
}

test_ad_002_misleading_in_non_political_ad_blocks if {
	doc := _nonpolitical(_set(_clean, {"content_review": {"flags": ["misleading"]}}))
	_of(_deny(doc), "AD-002") == {["fail", ["content_review", "flags", 0], "misleading"]}
}

test_ad_002_political_ad_without_review_needs_review if {
	_of(_deny(_without(_clean, ["content_review"])), "AD-002") == {["needs_review", ["content_review"], "review_missing"]}
}

test_ad_002_flags_missing_needs_review if {
	_of(_deny(_without(_clean, ["content_review/flags"])), "AD-002") == {["needs_review", ["content_review", "flags"], "flags_missing"]}
}

test_ad_002_unsourced_unverified_claim_warns if {
	claims := [
		{"claim": "Priserna har stigit med 40 procent.", "source_url": "https://sl.se/priser", "verified": true},
		{"claim": "Varannan pendlare är missnöjd.", "verified": false},
	]
	doc := _set(_clean, {"content_review": {"fact_claims": claims}})
	_of(_warn(doc), "AD-002") == {["fail", ["content_review", "fact_claims", 1], "claim_unsourced"]}
	_of(_deny(doc), "AD-002") == set()
}

test_ad_002_claim_with_unknown_check_and_no_source_warns if {
	doc := _set(_clean, {"content_review": {"fact_claims": [{"claim": "Köerna har halverats.", "verified": "unknown"}]}})
	_of(_warn(doc), "AD-002") == {["fail", ["content_review", "fact_claims", 0], "claim_unsourced"]}
}

test_ad_002_claim_with_source_or_check_passes if {
	claims := [
		{"claim": "A", "source_url": "https://scb.se/a", "verified": false},
		{"claim": "B", "verified": true},
	]
	_of(_warn(_set(_clean, {"content_review": {"fact_claims": claims}})), "AD-002") == set()
}

test_ad_002_unsourced_flag_warns if {
	doc := _set(_clean, {"content_review": {"flags": ["unsourced_claim"]}})
	_of(_warn(doc), "AD-002") == {["fail", ["content_review", "flags", 0], "unsourced_flag"]}
}

# --- AD-003 --------------------------------------------------------------------------------------------

test_ad_003_own_focus_passes if {
	_of(_warn(_clean), "AD-003") == set()
	_of(_info(_clean), "AD-003") == set()
}

test_ad_003_opponent_focus_warns if {
	doc := _set(_clean, {"content_review": {"message_focus": "opponent"}})
	_of(_warn(doc), "AD-003") == {["fail", ["content_review", "message_focus"], "opponent_focus"]}
	_of(_info(doc), "AD-003") == set()
}

test_ad_003_opponent_flag_warns if {
	doc := _set(_clean, {"content_review": {"flags": ["opponent_focus"]}})
	_of(_warn(doc), "AD-003") == {["fail", ["content_review", "flags", 0], "opponent_flag"]}
}

test_ad_003_mixed_focus_is_info if {
	doc := _set(_clean, {"content_review": {"message_focus": "mixed"}})
	_of(_info(doc), "AD-003") == {["fail", ["content_review", "message_focus"], "mixed_focus"]}
	_of(_warn(doc), "AD-003") == set()
}

test_ad_003_focus_unknown_needs_review if {
	doc := _without(_clean, ["content_review/message_focus"])
	_of(_warn(doc), "AD-003") == {["needs_review", ["content_review", "message_focus"], "focus_unknown"]}
}

test_ad_003_focus_unknown_in_non_political_ad_passes if {
	_of(_warn(_nonpolitical(_without(_clean, ["content_review/message_focus"]))), "AD-003") == set()
}

_with_account(acc) := object.union(json.remove(_related, ["account"]), {"account": {"acc_fb": acc}})

# --- AD-004 --------------------------------------------------------------------------------------------

test_ad_004_clean_passes if {
	_of(_deny(_clean), "AD-004") == set()
}

test_ad_004_sponsor_not_party_fails if {
	doc := _set(_clean, {"sender": {"sponsor_legal_name": "Kampanjbyrån AB", "meta_dsa_beneficiary": "Kampanjbyrån AB"}})
	_of(_deny(doc), "AD-004") == {["fail", ["sender", "sponsor_legal_name"], "sender_not_party"]}
}

test_ad_004_paid_for_by_not_party_fails if {
	doc := _set(_clean, {"sender": {"paid_for_by": "Moderaterna"}})
	_of(_deny(doc), "AD-004") == {["fail", ["sender", "paid_for_by"], "sender_not_party"]}
}

# The parameters each sender message names (AD-004's templates: {field}, {value}).
_ad004_params(doc) := {[f.message, f.params] | some f in _deny(doc); f.rule == "AD-004"}

test_ad_004_sender_findings_carry_their_message_parameters if {
	_ad004_params(_set(_clean, {"sender": {"paid_for_by": "Moderaterna"}})) == {["sender_not_party", {"field": "sender.paid_for_by", "value": "Moderaterna"}]}
	_ad004_params(_without(_clean, ["sender/paid_for_by"])) == {["sender_missing", {"field": "sender.paid_for_by"}]}
	_ad004_params(_set(_clean, {"sender": {"paid_for_by": "Liberalerna (L)"}})) == {["name_unindexed", {"value": "Liberalerna (L)"}]}
}

test_ad_004_sub_entity_sponsor_passes if {
	sender := {"sponsor_legal_name": "Liberalerna Stockholm", "paid_for_by": "Liberalerna Stockholm", "meta_dsa_beneficiary": "Liberalerna Stockholm"}
	_of(_deny(_set(_clean, {"sender": sender})), "AD-004") == set()
}

test_ad_004_sender_missing_needs_review if {
	doc := _without(_clean, ["sender/paid_for_by"])
	_of(_deny(doc), "AD-004") == {["needs_review", ["sender", "paid_for_by"], "sender_missing"]}
}

test_ad_004_unindexed_name_needs_review if {
	doc := _set(_clean, {"sender": {"paid_for_by": "Liberalerna (L)"}})
	_of(_deny(doc), "AD-004") == {["needs_review", ["sender", "paid_for_by"], "name_unindexed"]}
}

test_ad_004_dsa_beneficiary_mismatch_fails if {
	doc := _set(_clean, {"sender": {"meta_dsa_beneficiary": "Kampanjbyrån AB"}})
	_of(_deny(doc), "AD-004") == {["fail", ["sender", "meta_dsa_beneficiary"], "dsa_mismatch"]}
}

test_ad_004_dsa_payor_may_be_the_payer if {
	doc := _set(_clean, {"sender": {"payer_legal_name": "Liberalerna Stockholm", "meta_dsa_payor": "Liberalerna Stockholm"}})
	_of(_deny(doc), "AD-004") == set()
}

test_ad_004_dsa_payor_mismatch_fails if {
	doc := _set(_clean, {"sender": {"meta_dsa_payor": "Moderaterna"}})
	_of(_deny(doc), "AD-004") == {["fail", ["sender", "meta_dsa_payor"], "dsa_mismatch"]}
}

test_ad_004_dsa_name_unindexed_needs_review if {
	doc := _set(_clean, {"sender": {"meta_dsa_beneficiary": "Liberalerna (L)"}})
	_of(_deny(doc), "AD-004") == {["needs_review", ["sender", "meta_dsa_beneficiary"], "name_unindexed"]}
}

test_ad_004_account_missing_needs_review if {
	_of(_deny(_without(_clean, ["account_id"])), "AD-004") == {["needs_review", ["account_id"], "account_missing"]}
}

test_ad_004_account_unresolved_needs_review if {
	_of(_deny(_set(_clean, {"account_id": "acc_gone"})), "AD-004") == {["needs_review", ["account_id"], "account_unresolved"]}
}

test_ad_004_personal_account_fails if {
	acc := {"kind": "account", "id": "acc_fb", "display_name": "Liberalerna", "account_type": "candidate_profile", "owner": {"kind": "person"}}
	findings := _deny_in(_clean, _with_account(acc), _context)
	_of(findings, "AD-004") == {["fail", ["account_id"], "account_not_party"]}
}

test_ad_004_account_kind_unknown_needs_review if {
	acc := {"kind": "account", "id": "acc_fb", "display_name": "Liberalerna"}
	findings := _deny_in(_clean, _with_account(acc), _context)
	_of(findings, "AD-004") == {["needs_review", ["account_id"], "account_kind_unknown"]}
}

test_ad_004_party_account_not_named_fails if {
	acc := object.union(_party_account, {"display_name": "Stockholmsnytt", "bio_text": "Liberalernas vänner"})
	findings := _deny_in(_clean, _with_account(acc), _context)
	_of(findings, "AD-004") == {["fail", ["account_id"], "account_not_named"]}
}

test_ad_004_party_account_named_in_bio_passes if {
	acc := object.union(_party_account, {"display_name": "Stockholmsnytt", "bio_text": "Officiellt konto för Liberalerna i Stockholm"})
	findings := _deny_in(_clean, _with_account(acc), _context)
	_of(findings, "AD-004") == set()
}

test_ad_004_party_account_without_names_needs_review if {
	acc := json.remove(_party_account, ["display_name"])
	findings := _deny_in(_clean, _with_account(acc), _context)
	_of(findings, "AD-004") == {["needs_review", ["account_id"], "account_name_unknown"]}
}

test_ad_004_unknown_political_that_would_fail_needs_review if {
	doc := _unknown_political(_set(_clean, {"sender": {"paid_for_by": "Moderaterna"}}))
	findings := {f | some f in _deny(doc); f.rule == "AD-004"}
	_of(findings, "AD-004") == {["needs_review", ["political", "is_political_advertisement"], "political_unknown"]}
	some f in findings
	f.params.fields == "sender.paid_for_by"
}

test_ad_004_unknown_political_that_would_pass_passes if {
	_of(_deny(_unknown_political(_clean)), "AD-004") == set()
}

test_ad_004_non_political_ad_is_not_checked if {
	doc := _nonpolitical(_set(_clean, {"sender": {"paid_for_by": "Moderaterna"}}))
	_of(_deny(doc), "AD-004") == set()
}

# --- AD-005 --------------------------------------------------------------------------------------------

test_ad_005_clean_passes if {
	_of(_deny(_clean), "AD-005") == set()
}

test_ad_005_t04_counterpart_not_in_index_fails if {
	doc := _set(_clean, {"public_counterpart": {"post_id": "100_999"}})
	_of(_deny(doc), "AD-005") == {["fail", ["public_counterpart", "post_id"], "counterpart_not_indexed"]}
}

test_ad_005_t04_published_after_start_fails if {
	late := object.union(_post, {"published_at": "2025-08-21T09:00:00+02:00"})
	findings := _deny_in(_clean, _related, _with_posts([late]))
	_of(findings, "AD-005") == {["fail", ["public_counterpart", "published_at"], "published_after_start"]}
}

test_ad_005_instants_compare_across_offsets if {
	# 07:30 UTC is 09:30 in Stockholm, after the 08:00+02:00 start; 05:30 UTC is 07:30, before it.
	late := object.union(_post, {"published_at": "2025-08-20T07:30:00Z"})
	early := object.union(_post, {"published_at": "2025-08-20T05:30:00Z"})
	_of(_deny_in(_clean, _related, _with_posts([late])), "AD-005") == {["fail", ["public_counterpart", "published_at"], "published_after_start"]}
	_of(_deny_in(_clean, _related, _with_posts([early])), "AD-005") == set()
}

test_ad_005_index_time_overrides_the_ad_claim if {
	doc := _set(_clean, {"public_counterpart": {"published_at": "2025-08-25"}})
	_of(_deny(doc), "AD-005") == set()
}

test_ad_005_date_on_the_start_day_needs_review if {
	same_day := object.union(_post, {"published_at": "2025-08-20"})
	findings := _deny_in(_clean, _related, _with_posts([same_day]))
	_of(findings, "AD-005") == {["needs_review", ["public_counterpart", "published_at"], "published_order_unknown"]}
}

test_ad_005_date_before_the_start_day_passes if {
	day_before := object.union(_post, {"published_at": "2025-08-19"})
	_of(_deny_in(_clean, _related, _with_posts([day_before])), "AD-005") == set()
}

test_ad_005_time_without_seconds_is_read if {
	doc := _set(_clean, {"schedule": {"start": "2025-08-18T08:59+02:00"}})
	_of(_deny(doc), "AD-005") == {["fail", ["public_counterpart", "published_at"], "published_after_start"]}
}

test_ad_005_counterpart_missing_fails if {
	_of(_deny(_without(_clean, ["public_counterpart"])), "AD-005") == {["fail", ["public_counterpart", "post_id"], "counterpart_missing"]}
}

test_ad_005_empty_index_needs_review if {
	findings := _deny_in(_clean, _related, _with_posts([]))
	_of(findings, "AD-005") == {["needs_review", ["public_counterpart", "post_id"], "index_empty"]}
}

test_ad_005_start_missing_needs_review if {
	_of(_deny(_without(_clean, ["schedule"])), "AD-005") == {["needs_review", ["schedule", "start"], "start_missing"]}
}

test_ad_005_publication_time_missing_needs_review if {
	doc := _without(_clean, ["public_counterpart/published_at"])
	undated := json.remove(_post, ["published_at"])
	_of(_deny_in(doc, _related, _with_posts([undated])), "AD-005") == {["needs_review", ["public_counterpart", "post_id"], "published_missing"]}
}

test_ad_005_platform_must_match_where_given if {
	doc := _set(_clean, {"public_counterpart": {"platform": "instagram"}})
	_of(_deny(doc), "AD-005") == {["fail", ["public_counterpart", "post_id"], "counterpart_not_indexed"]}
	_of(_deny(_set(_clean, {"public_counterpart": {"platform": "facebook"}})), "AD-005") == set()
}

test_ad_005_t05_unpublished_boosted_post_is_a_dark_post if {
	doc := _without(
		_set(_clean, {"visibility": "boosted_existing_post", "platform_refs": {"object_story_id": "100_7", "post_is_published": false}}),
		["public_counterpart"],
	)
	_of(_deny(doc), "AD-005") == {["fail", ["public_counterpart", "post_id"], "counterpart_missing"]}
}

test_ad_005_published_boosted_post_passes if {
	doc := _without(
		_set(_clean, {"visibility": "boosted_existing_post", "platform_refs": {"object_story_id": "100_7", "post_is_published": true}}),
		["public_counterpart"],
	)
	_of(_deny(doc), "AD-005") == set()
}

test_ad_005_boosted_post_publication_unknown_needs_review if {
	doc := _without(
		_set(_clean, {"visibility": "boosted_existing_post", "platform_refs": {"object_story_id": "100_7", "post_is_published": "unknown"}}),
		["public_counterpart"],
	)
	_of(_deny(doc), "AD-005") == {["needs_review", ["platform_refs", "post_is_published"], "published_unknown"]}
}

test_ad_005_boosted_post_publication_unknown_with_counterpart_passes if {
	doc := _set(_clean, {"visibility": "boosted_existing_post", "platform_refs": {"object_story_id": "100_1"}})
	_of(_deny(doc), "AD-005") == set()
}

test_ad_005_organic_post_needs_no_counterpart if {
	doc := _without(_set(_clean, {"visibility": "organic_public"}), ["public_counterpart"])
	_of(_deny(doc), "AD-005") == set()
}

test_ad_005_visibility_unknown_needs_review if {
	doc := _without(_clean, ["visibility", "public_counterpart"])
	_of(_deny(doc), "AD-005") == {["needs_review", ["visibility"], "visibility_unknown"]}
}

# --- AD-006 --------------------------------------------------------------------------------------------

test_ad_006_clean_passes if {
	_of(_deny(_clean), "AD-006") == set()
}

test_ad_006_equivalence_none_fails if {
	doc := _set(_clean, {"public_counterpart": {"equivalence": "none"}})
	_of(_deny(doc), "AD-006") == {["fail", ["public_counterpart", "equivalence"], "not_equivalent"]}
}

test_ad_006_equivalence_missing_needs_review if {
	doc := _without(_clean, ["public_counterpart/equivalence"])
	_of(_deny(doc), "AD-006") == {["needs_review", ["public_counterpart", "equivalence"], "equivalence_missing"]}
}

test_ad_006_unapproved_variant_fails if {
	doc := _set(_clean, {"public_counterpart": {"equivalence": "approved_variant"}})
	_of(_deny(doc), "AD-006") == {["fail", ["public_counterpart", "approved_by"], "variant_unapproved"]}
}

test_ad_006_approved_variant_passes_with_other_text if {
	doc := _set(_clean, {"public_counterpart": {"equivalence": "approved_variant", "approved_by": "Presschef Eva Ek"}})
	findings := ad.deny with input as object.union(_input(doc, _related), {"derived": {"creative_text_sha256": _other_hash}})
		with data.ethiq.context as _context
		with data.ethiq.index as _index
	_of(findings, "AD-006") == set()
}

test_ad_006_declared_identical_with_other_text_fails if {
	findings := ad.deny with input as object.union(_input(_clean, _related), {"derived": {"creative_text_sha256": _other_hash}})
		with data.ethiq.context as _context
		with data.ethiq.index as _index
	_of(findings, "AD-006") == {["fail", ["creative", "text"], "text_differs"]}
}

test_ad_006_text_compared_with_declared_hash_when_index_has_none if {
	unhashed := json.remove(_post, ["content_sha256"])
	_of(_deny_in(_clean, _related, _with_posts([unhashed])), "AD-006") == set()
	doc := _set(_clean, {"public_counterpart": {"content_sha256": _other_hash}})
	_of(_deny_in(doc, _related, _with_posts([unhashed])), "AD-006") == {["fail", ["creative", "text"], "text_differs"]}
}

# Without a post id the message names none: the declared hash alone is compared.
test_ad_006_text_differs_without_post_id_names_no_post if {
	doc := _without(_set(_clean, {"public_counterpart": {"content_sha256": _other_hash}}), ["public_counterpart/post_id"])
	findings := _deny_in(doc, _related, _with_posts([]))
	_of(findings, "AD-006") == {["fail", ["creative", "text"], "text_differs"]}
	{f.params | some f in findings; f.rule == "AD-006"} == {{"post_id": ""}}
}

test_ad_006_no_public_hash_needs_review if {
	unhashed := json.remove(_post, ["content_sha256"])
	doc := _without(_clean, ["public_counterpart/content_sha256"])
	_of(_deny_in(doc, _related, _with_posts([unhashed])), "AD-006") == {["needs_review", ["public_counterpart", "post_id"], "counterpart_hash_missing"]}
}

# Without text to hash, the declared hash must equal the index's.
_no_text(doc) := findings if {
	findings := ad.deny with input as json.remove(_input(doc, _related), ["derived"])
		with data.ethiq.context as _context
		with data.ethiq.index as _index
}

test_ad_006_declared_hash_equal_to_index_passes if {
	_of(_no_text(_without(_clean, ["creative"])), "AD-006") == set()
}

test_ad_006_declared_hash_differs_from_index_fails if {
	doc := _set(_without(_clean, ["creative"]), {"public_counterpart": {"content_sha256": _other_hash}})
	_of(_no_text(doc), "AD-006") == {["fail", ["public_counterpart", "content_sha256"], "hash_mismatch"]}
}

test_ad_006_declared_hash_missing_needs_review if {
	doc := _without(_clean, ["creative", "public_counterpart/content_sha256"])
	_of(_no_text(doc), "AD-006") == {["needs_review", ["public_counterpart", "content_sha256"], "hash_missing"]}
}

test_ad_006_index_hash_missing_needs_review if {
	unhashed := json.remove(_post, ["content_sha256"])
	findings := ad.deny with input as json.remove(_input(_without(_clean, ["creative"]), _related), ["derived"])
		with data.ethiq.context as _with_posts([unhashed])
		with data.ethiq.index as _index
	_of(findings, "AD-006") == {["needs_review", ["public_counterpart", "post_id"], "index_hash_missing"]}
}

test_ad_006_organic_post_is_not_checked if {
	doc := _set(_clean, {"visibility": "organic_public", "public_counterpart": {"equivalence": "none"}})
	_of(_deny(doc), "AD-006") == set()
}

test_ad_006_boosted_post_publication_unknown_needs_review if {
	doc := _set(_clean, {"visibility": "boosted_existing_post", "public_counterpart": {"equivalence": "none"}})
	_of(_deny(doc), "AD-006") == {["needs_review", ["platform_refs", "post_is_published"], "published_unknown"]}
}

# --- AD-011 --------------------------------------------------------------------------------------------

_starting(doc, start) := _set(doc, {"schedule": {"start": start}})

test_ad_011_meta_before_cutoff_passes if {
	_of(_deny(_clean), "AD-011") == set()
	_of(_deny(_starting(_clean, "2025-10-06T17:59:59+02:00")), "AD-011") == set()
}

test_ad_011_meta_after_cutoff_fails if {
	findings := _deny(_starting(_clean, "2025-10-07T10:00:00+02:00"))
	_of(findings, "AD-011") == {["fail", ["schedule", "start"], "platform_ended"]}
	some f in findings
	f.rule == "AD-011"
	f.params.countries == "SE"
}

test_ad_011_meta_cutoff_is_an_instant if {
	_of(_deny(_starting(_clean, "2025-10-06T18:00:00+02:00")), "AD-011") == {["fail", ["schedule", "start"], "platform_ended"]}
	_of(_deny(_starting(_clean, "2025-10-06T16:00:00Z")), "AD-011") == {["fail", ["schedule", "start"], "platform_ended"]}
	_of(_deny(_starting(_clean, "2025-10-06T15:59:00Z")), "AD-011") == set()
}

test_ad_011_start_date_on_cutoff_day_needs_review if {
	_of(_deny(_starting(_clean, "2025-10-06")), "AD-011") == {["needs_review", ["schedule", "start"], "start_near_cutoff"]}
	_of(_deny(_starting(_clean, "2025-10-07")), "AD-011") == {["fail", ["schedule", "start"], "platform_ended"]}
	_of(_deny(_starting(_clean, "2025-10-05")), "AD-011") == set()
}

test_ad_011_google_date_cutoff_starts_the_day if {
	google := _set(_clean, {"platform": "google_ads"})
	_of(_deny(_starting(google, "2025-10-01T00:30:00+02:00")), "AD-011") == {["fail", ["schedule", "start"], "platform_ended"]}
	_of(_deny(_starting(google, "2025-10-01")), "AD-011") == {["fail", ["schedule", "start"], "platform_ended"]}
	_of(_deny(_starting(google, "2025-09-30T23:00:00+02:00")), "AD-011") == set()
}

test_ad_011_organic_post_is_not_advertising if {
	organic := _set(_starting(_clean, "2026-09-01"), {"visibility": "organic_public"})
	_of(_deny(organic), "AD-011") == set()
	_of(_deny(_set(organic, {"visibility": "ad_only_unpublished"})), "AD-011") == {["fail", ["schedule", "start"], "platform_ended"]}
}

test_ad_011_linkedin_fails_on_any_date if {
	linkedin := _set(_clean, {"platform": "linkedin"})
	_of(_deny(_starting(linkedin, "2019-05-01")), "AD-011") == {["fail", ["platform"], "platform_bans"]}
}

test_ad_011_outside_the_eu_passes if {
	related := object.union(_related, {"audience": {"aud_se": {"normalized": {"geo": {"countries": ["NO", "US"]}}}}})
	_of(_deny_in(_set(_clean, {"platform": "linkedin"}), related, _context), "AD-011") == set()
}

test_ad_011_city_country_counts if {
	related := object.union(_related, {"audience": {"aud_se": {"normalized": {"geo": {"countries": [], "cities": [{"name": "Malmö", "country": "SE"}]}}}}})
	_of(_deny_in(_set(_clean, {"platform": "linkedin"}), related, _context), "AD-011") == {["fail", ["platform"], "platform_bans"]}
}

test_ad_011_audience_missing_needs_review if {
	doc := _without(_starting(_clean, "2025-10-07T10:00:00+02:00"), ["audience_ids"])
	_of(_deny(doc), "AD-011") == {["needs_review", ["audience_ids"], "audience_missing"]}
}

test_ad_011_audience_unresolved_needs_review if {
	doc := _set(_starting(_clean, "2025-10-07T10:00:00+02:00"), {"audience_ids": ["aud_gone"]})
	_of(_deny(doc), "AD-011") == {["needs_review", ["audience_ids", 0], "audience_unresolved"]}
}

test_ad_011_audience_without_countries_needs_review if {
	related := object.union(_related, {"audience": {"aud_se": {"normalized": {"geo": {"regions": ["Stockholm"], "countries": []}}}}})
	doc := _starting(_clean, "2025-10-07T10:00:00+02:00")
	_of(_deny_in(doc, related, _context), "AD-011") == {["needs_review", ["audience_ids", 0], "audience_countries_unknown"]}
}

test_ad_011_start_missing_needs_review if {
	_of(_deny(_without(_clean, ["schedule"])), "AD-011") == {["needs_review", ["schedule", "start"], "start_missing"]}
}

test_ad_011_platform_without_timeline_needs_review if {
	_of(_deny(_set(_clean, {"platform": "tiktok"})), "AD-011") == {["needs_review", ["platform"], "timeline_missing"]}
}

test_ad_011_timeline_stance_unknown_needs_review if {
	context := object.union(_context, {"platform_timeline": {"x": {"political_ads_allowed": "unknown"}}})
	_of(_deny_in(_set(_clean, {"platform": "x"}), _related, context), "AD-011") == {["needs_review", ["platform"], "timeline_unknown"]}
	allowed := object.union(_context, {"platform_timeline": {"x": {"political_ads_allowed": true}}})
	_of(_deny_in(_set(_clean, {"platform": "x"}), _related, allowed), "AD-011") == set()
}

test_ad_011_own_channels_are_not_platforms if {
	every channel in ["email", "sms"] {
		_of(_deny(_set(_clean, {"platform": channel})), "AD-011") == set()
	}
}

test_ad_011_unknown_political_that_would_fail_needs_review if {
	doc := _unknown_political(_starting(_clean, "2025-10-07T10:00:00+02:00"))
	_of(_deny(doc), "AD-011") == {["needs_review", ["political", "is_political_advertisement"], "political_unknown"]}
}

test_ad_011_non_political_ad_passes if {
	_of(_deny(_nonpolitical(_starting(_clean, "2025-10-07T10:00:00+02:00"))), "AD-011") == set()
}

# --- the TTPA pack: wiring (conditions: ethiq.lib.ttpa_test) ------------------------------------------------

test_ad_007_label_false_is_a_deny if {
	doc := json.patch(_clean, [{"op": "replace", "path": "/political/label_present", "value": false}])
	_of(_deny(doc), "AD-007") == {["fail", ["political", "label_present"], "label_missing"]}
}

test_ad_008_notice_missing_is_a_deny if {
	_of(_deny(_without(_clean, ["political/transparency_notice"])), "AD-008") == {["fail", ["political", "transparency_notice"], "notice_missing"]}
}

test_ad_009_disclosure_missing_on_a_targeted_audience_is_a_deny if {
	related := json.patch(_related, [{"op": "add", "path": "/audience/aud_se/normalized/include", "value": [{"type": "interest", "name": "Public transport"}]}])
	_of(_deny_in(_without(_clean, ["political/targeting_disclosure"]), related, _context), "AD-009") == {["fail", ["political", "targeting_disclosure"], "disclosure_missing"]}
}

test_ad_010_meta_empty_categories_is_a_deny if {
	doc := json.patch(_clean, [{"op": "replace", "path": "/political/platform_declarations/meta_special_ad_categories", "value": []}])
	_of(_deny(doc), "AD-010") == {["fail", ["political", "platform_declarations", "meta_special_ad_categories"], "meta_not_political"]}
}

test_ad_010_non_political_party_ad_without_reason_is_a_review if {
	_of(_deny(_nonpolitical(_clean)), "AD-010") == {["needs_review", ["political", "non_political_reason"], "reason_missing"]}
}

test_ad_012_undisclosed_ai_media_is_a_warning if {
	doc := json.patch(_clean, [{"op": "replace", "path": "/creative/ai_generated_media", "value": true}])
	_of(_warn(doc), "AD-012") == {["fail", ["creative", "ai_disclosure_present"], "undisclosed"]}
	_of(_deny(doc), "AD-012") == set()
}

test_ad_013_us_payer_before_the_election_is_a_deny if {
	doc := json.patch(_clean, [
		{"op": "replace", "path": "/sender/payer_country", "value": "US"},
		{"op": "replace", "path": "/schedule/start", "value": "2026-08-01"},
	])
	context := object.union(_context, {"elections": [{"id": "SE-RIKSDAG-2026", "country": "SE", "date": "2026-09-13", "voting_age": 18}]})
	_of(_deny_in(doc, _related, context), "AD-013") == {["fail", ["sender", "payer_country"], "third_country_payer"]}
}
