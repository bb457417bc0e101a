package ethiq.lib.data_sources_test

import data.ethiq.lib.data_sources

# --- fixtures ------------------------------------------------------------------------------------------

_context := {
	"taxonomies": {"psychographic_data_categories": ["user.inferred.personality", "user.inferred.psychographic"]},
	"thresholds": {"k_min_vendor_aggregate": 100},
}

# A source clean against every rule: the party's own newsletter list, never uploaded, every fact stated.
_clean := {
	"kind": "data_source",
	"id": "ds_clean",
	"vendor_id": null,
	"origin": "first_party_direct",
	"collection": {"method": "newsletter_signup", "collected_by": "party", "collected_from_data_subject": true},
	"subject_scope": "subscribers",
	"data_categories": ["user.contact.email"],
	"inferred_special_categories": [],
	"identifiability": "identified",
	"legal_basis": {"art6": "a", "art9": "none"},
	"purposes": ["newsletter"],
	"contains_minors": "no",
	"lineage": {"derived_from": [], "transformations": []},
	"dpia_ref": "dms://dpia/newsletter",
	"ropa_ref": "dms://ropa/newsletter",
	"retention_days": 730,
}

# A vendor's aggregate, clean: grouped at the vendor above the minimum cell size.
_aggregate := object.union(_clean, {
	"id": "ds_aggregate",
	"vendor_id": "ven_ok",
	"collection": {"method": "survey", "collected_by": "ven_ok"},
	"identifiability": "aggregated",
	"k_min": 250,
	"purposes": ["political_advertising"],
})

_vendors := {
	"ven_ok": {"kind": "vendor", "id": "ven_ok", "legal_name": "Nordic Insight AB", "roles": ["research"]},
	"ven_scl": {"kind": "vendor", "id": "ven_scl", "legal_name": "Nordic Data AB", "roles": ["research"], "registry_ids": ["GB-COH:05514098"]},
	"ven_maybe": {"kind": "vendor", "id": "ven_maybe", "legal_name": "Maybe AB", "roles": ["research"], "registry_ids": ["GB-XX:1"]},
}

# The index tables VEN-001 matches registry ids against: one blocked entry, one to review.
_index := {"blocked_registry_ids": {"GB-COH:05514098": "scl_group"}, "review_registry_ids": {"GB-XX:1": "dynamo_recoveries"}}

_related(sources) := {"vendor": _vendors, "data_source": sources}

# The engine's normal forms of the vendors' names (none near a blocklist entry).
_names := {name: {"norm": lower(name), "near": {"vendors": [], "people": []}} |
	some v in _vendors
	name := v.legal_name
}

# `ds` with one top-level field replaced wholesale (object.union would merge nested objects instead).
_set(ds, key, value) := object.union(object.remove(ds, [key]), {key: value})

_block(ds, sources) := reasons if {
	related := _related(sources)
	run := {"names": _names}
	reasons := data_sources.block_reasons(ds, related) with data.ethiq.context as _context with data.ethiq.index as _index with input as run
}

_warn(ds) := reasons if {
	reasons := data_sources.warn_reasons(ds, _related({})) with data.ethiq.context as _context
}

# The reasons of one rule as [status, path, message] triples: exact, so a wrong path or status fails.
_of(reasons, rule) := {[r.status, r.path, r.message] | some r in reasons; r.rule == rule}

_only(reasons, rule) := {r | some r in reasons; r.rule == rule}

# The one element of a set of one.
_one(reasons) := r if {
	count(reasons) == 1
	some r in reasons
}

# --- the clean sources ------------------------------------------------------------------------------------

test_clean_source_has_no_reason if {
	count(_block(_clean, {})) == 0
	count(_warn(_clean)) == 0
}

test_clean_vendor_aggregate_has_no_reason if {
	count(_block(_aggregate, {})) == 0
}

# --- DAT-001 ------------------------------------------------------------------------------------------------

test_dat_001_art6_missing_fails if {
	ds := _set(_clean, "legal_basis", {"art9": "none"})
	_of(_block(ds, {}), "DAT-001") == {["fail", ["legal_basis", "art6"], "art6_missing"]}
}

test_dat_001_no_legal_basis_fails if {
	_of(_block(object.remove(_clean, ["legal_basis"]), {}), "DAT-001") == {["fail", ["legal_basis", "art6"], "art6_missing"]}
}

test_dat_001_art6_stated_passes if {
	_of(_block(_clean, {}), "DAT-001") == set()
}

# --- DAT-002 ------------------------------------------------------------------------------------------------

test_dat_002_health_category_without_condition_fails if {
	ds := _set(_clean, "data_categories", ["user.contact.email", "user.health_and_medical.condition"])
	reasons := _only(_block(ds, {}), "DAT-002")
	_of(reasons, "DAT-002") == {["fail", ["legal_basis", "art9"], "no_art9_condition"]}
	r := _one(reasons)
	r.params.categories == "health"
}

test_dat_002_inferred_category_without_condition_fails if {
	ds := _set(_clean, "inferred_special_categories", ["religious_or_philosophical_beliefs"])
	_of(_block(ds, {}), "DAT-002") == {["fail", ["legal_basis", "art9"], "no_art9_condition"]}
}

# A party's member register reveals political opinions, with or without a column for them.
test_dat_002_members_reveal_political_opinions if {
	ds := _set(_clean, "subject_scope", "members")
	reasons := _only(_block(ds, {}), "DAT-002")
	_of(reasons, "DAT-002") == {["fail", ["legal_basis", "art9"], "no_art9_condition"]}
	r := _one(reasons)
	r.params.categories == "political_opinions"
}

# A vendor's list of its own customers' donors is not the party's: no political opinion from the scope alone.
test_dat_002_vendor_donor_list_scope_adds_nothing if {
	ds := object.union(_aggregate, {"subject_scope": "donors"})
	_of(_block(ds, {}), "DAT-002") == set()
}

# T13: the member register uploaded as a Custom Audience under Art. 9(2)(d).
test_dat_002_t13_art9_2d_customer_list_fails if {
	ds := object.union(_set(_clean, "subject_scope", "members"), {
		"legal_basis": {"art6": "f", "art9": "2d"},
		"platform_binding": {"platform": "meta", "mechanism": "customer_list", "built_with_platform_tool": true},
	})
	_of(_block(ds, {}), "DAT-002") == {["fail", ["platform_binding", "mechanism"], "art9_2d_disclosure"]}
}

test_dat_002_art9_2d_lookalike_seed_fails if {
	ds := object.union(_clean, {
		"legal_basis": {"art6": "f", "art9": "2d"},
		"platform_binding": {"platform": "meta", "mechanism": "lookalike_seed", "built_with_platform_tool": true},
	})
	_of(_block(ds, {}), "DAT-002") == {["fail", ["platform_binding", "mechanism"], "art9_2d_disclosure"]}
}

# Art. 9(2)(d) for member communication, never uploaded: the condition fits.
test_dat_002_art9_2d_member_mail_passes if {
	ds := object.union(_set(_clean, "subject_scope", "members"), {"legal_basis": {"art6": "f", "art9": "2d"}, "purposes": ["member_communication"]})
	_of(_block(ds, {}), "DAT-002") == set()
}

test_dat_002_explicit_consent_passes if {
	ds := object.union(_set(_clean, "subject_scope", "members"), {"legal_basis": {"art6": "a", "art9": "2a"}})
	_of(_block(ds, {}), "DAT-002") == set()
}

test_dat_002_art9_missing_needs_review if {
	ds := _set(_set(_clean, "subject_scope", "members"), "legal_basis", {"art6": "a"})
	_of(_block(ds, {}), "DAT-002") == {["needs_review", ["legal_basis", "art9"], "art9_missing"]}
}

test_dat_002_categories_unknown_needs_review if {
	ds := object.remove(_clean, ["data_categories"])
	_of(_block(ds, {}), "DAT-002") == {["needs_review", ["data_categories"], "special_categories_unknown"]}
}

# A claimed Art. 9(2) condition settles the open question of categories: each condition written out here.
test_dat_002_categories_unknown_with_an_art9_condition_passes if {
	every condition in ["2a", "2d", "2e", "2g"] {
		ds := object.union(object.remove(_clean, ["data_categories"]), {"legal_basis": {"art6": "a", "art9": condition}})
		_of(_block(ds, {}), "DAT-002") == set()
	}
}

# inferred_special_categories supplements the data categories: absent, it adds nothing.
test_dat_002_no_inferred_categories_passes if {
	ds := object.remove(_clean, ["inferred_special_categories"])
	_of(_block(ds, {}), "DAT-002") == set()
}

test_dat_002_scope_unknown_needs_review if {
	ds := object.remove(_clean, ["subject_scope"])
	_of(_block(ds, {}), "DAT-002") == {["needs_review", ["subject_scope"], "special_categories_unknown"]}
}

test_dat_002_2d_mechanism_unknown_needs_review if {
	ds := object.union(_clean, {"legal_basis": {"art6": "f", "art9": "2d"}, "platform_binding": {"platform": "meta", "built_with_platform_tool": true}})
	_of(_block(ds, {}), "DAT-002") == {["needs_review", ["platform_binding", "mechanism"], "mechanism_unknown"]}
}

# A fail settles the rule: no review reason beside it.
test_dat_002_fail_suppresses_review if {
	ds := object.remove(object.union(_set(_clean, "subject_scope", "members"), {"legal_basis": {"art9": "none"}}), ["data_categories"])
	_of(_block(ds, {}), "DAT-002") == {["fail", ["legal_basis", "art9"], "no_art9_condition"]}
}

# The context's map adds keys and keeps the defaults.
test_dat_002_context_map_adds_a_key if {
	ctx := object.union(_context, {"sensitive_criteria_map": {"data_categories": {"user.custom.church_member": ["religious_or_philosophical_beliefs"]}}})
	ds := _set(_clean, "data_categories", ["user.custom.church_member", "user.demographic.political_opinion"])
	reasons := data_sources.block_reasons(ds, _related({})) with data.ethiq.context as ctx with data.ethiq.index as _index
	r := _one(_only(reasons, "DAT-002"))
	r.params.categories == "political_opinions, religious_or_philosophical_beliefs"
}

test_sc_prefix_is_never_a_substring if {
	data_sources.art9_of_category("user.biometric_free") == set() with data.ethiq.context as _context
	data_sources.art9_of_category("user.biometric.face") == {"biometric_identification"} with data.ethiq.context as _context
}

# --- DAT-003 ------------------------------------------------------------------------------------------------

test_dat_003_identified_for_political_ads_fails if {
	ds := _set(_clean, "purposes", ["political_advertising"])
	reasons := _only(_block(ds, {}), "DAT-003")
	_of(reasons, "DAT-003") == {["fail", ["identifiability"], "individual_level"]}
	r := _one(reasons)
	r.params == {"identifiability": "identified"}
}

test_dat_003_pseudonymous_for_political_ads_fails if {
	ds := object.union(_clean, {"identifiability": "pseudonymous", "purposes": ["newsletter", "political_advertising"]})
	_of(_block(ds, {}), "DAT-003") == {["fail", ["identifiability"], "individual_level"]}
}

# Uploaded as a customer list to an ad platform: targeting, whatever the declared purposes.
test_dat_003_customer_list_upload_fails if {
	ds := object.union(_clean, {
		"identifiability": "pseudonymous",
		"platform_binding": {"platform": "meta", "mechanism": "customer_list", "built_with_platform_tool": true},
	})
	reasons := _block(ds, {})
	_of(reasons, "DAT-003") == {["fail", ["platform_binding", "mechanism"], "uploaded_list"]}
	{r.params | some r in reasons; r.rule == "DAT-003"} == {{"identifiability": "pseudonymous", "platform": "meta"}}
	unnamed := json.remove(ds, ["platform_binding/platform"])
	{r.params | some r in _block(unnamed, {}); r.rule == "DAT-003"} == {{"identifiability": "pseudonymous", "platform": "?"}}
}

# T12: declared anonymous, hashed, uploaded as a customer list: pseudonymous, and the declaration is flagged.
test_dat_003_t12_hashed_anonymous_fails_inconsistent if {
	ds := object.union(_clean, {
		"identifiability": "anonymous",
		"purposes": ["political_advertising"],
		"lineage": {"derived_from": [], "transformations": ["hash"]},
		"platform_binding": {"platform": "meta", "mechanism": "customer_list", "built_with_platform_tool": true},
	})
	reasons := _only(_block(ds, {}), "DAT-003")
	_of(reasons, "DAT-003") == {["fail", ["identifiability"], "declared_inconsistent"]}
	r := _one(reasons)
	r.params == {"declared": "anonymous", "evidence": "customer_list, hash"}
	data_sources.effective_identifiability(ds) == "pseudonymous"
}

test_dat_003_hash_alone_reclassifies if {
	ds := object.union(_clean, {
		"identifiability": "aggregated",
		"purposes": ["political_advertising"],
		"lineage": {"derived_from": [], "transformations": ["hash", "match"]},
	})
	reasons := _only(_block(ds, {}), "DAT-003")
	_of(reasons, "DAT-003") == {["fail", ["identifiability"], "declared_inconsistent"]}
	r := _one(reasons)
	r.params.evidence == "hash"
}

# Hashed, matched and then aggregated, not uploaded: a real aggregate (the seed's own pattern, S13).
test_dat_003_hash_then_aggregate_passes if {
	ds := object.union(_aggregate, {"lineage": {"derived_from": [], "transformations": ["hash", "match", "aggregate"]}})
	_of(_block(ds, {}), "DAT-003") == set()
	_of(_block(ds, {}), "DAT-004") == set()
}

test_dat_003_aggregated_for_political_ads_passes if {
	_of(_block(_aggregate, {}), "DAT-003") == set()
}

# Newsletter only: not applicable, even identified.
test_dat_003_newsletter_only_not_applicable if {
	_of(_block(_clean, {}), "DAT-003") == set()
}

test_dat_003_e_mail_list_to_email_platform_not_applicable if {
	ds := object.union(_clean, {"platform_binding": {"platform": "email", "mechanism": "customer_list"}})
	_of(_block(ds, {}), "DAT-003") == set()
}

test_dat_003_identifiability_unknown_needs_review if {
	ds := _set(object.remove(_clean, ["identifiability"]), "purposes", ["political_advertising"])
	_of(_block(ds, {}), "DAT-003") == {["needs_review", ["identifiability"], "identifiability_unknown"]}
}

test_dat_003_purposes_unknown_needs_review if {
	ds := object.remove(_clean, ["purposes"])
	_of(_block(ds, {}), "DAT-003") == {["needs_review", ["purposes"], "purposes_unknown"]}
}

test_dat_003_empty_purposes_needs_review if {
	ds := _set(_clean, "purposes", [])
	_of(_block(ds, {}), "DAT-003") == {["needs_review", ["purposes"], "purposes_unknown"]}
}

# --- DAT-004 ------------------------------------------------------------------------------------------------

test_dat_004_vendor_identified_data_fails if {
	ds := _set(_aggregate, "identifiability", "identified")
	reasons := _only(_block(ds, {}), "DAT-004")
	_of(reasons, "DAT-004") == {["fail", ["identifiability"], "not_aggregated"]}
}

# Collected by a vendor, even when no vendor_id supplies it.
test_dat_004_collected_by_vendor_pseudonymous_fails if {
	ds := object.union(_clean, {"identifiability": "pseudonymous", "collection": {"collected_by": "ven_ok"}})
	_of(_block(ds, {}), "DAT-004") == {["fail", ["identifiability"], "not_aggregated"]}
}

test_dat_004_small_cells_fail if {
	ds := _set(_aggregate, "k_min", 20)
	reasons := _only(_block(ds, {}), "DAT-004")
	_of(reasons, "DAT-004") == {["fail", ["k_min"], "k_min_below"]}
	r := _one(reasons)
	r.params == {"k_min": 20, "threshold": 100}
}

# The threshold comes from the context.
test_dat_004_threshold_from_context if {
	ctx := object.union(_context, {"thresholds": {"k_min_vendor_aggregate": 500}})
	reasons := data_sources.block_reasons(_aggregate, _related({})) with data.ethiq.context as ctx with data.ethiq.index as _index
	_of(reasons, "DAT-004") == {["fail", ["k_min"], "k_min_below"]}
}

test_dat_004_hashed_anonymous_vendor_data_inconsistent if {
	ds := object.union(_aggregate, {"identifiability": "anonymous", "lineage": {"derived_from": [], "transformations": ["hash"]}})
	_of(_block(ds, {}), "DAT-004") == {["fail", ["identifiability"], "declared_inconsistent"]}
}

test_dat_004_party_internal_not_applicable if {
	_of(_block(_clean, {}), "DAT-004") == set()
}

test_dat_004_k_min_unknown_needs_review if {
	ds := object.remove(_aggregate, ["k_min"])
	_of(_block(ds, {}), "DAT-004") == {["needs_review", ["k_min"], "k_min_unknown"]}
}

_vendors_with_k(k) := object.union(_vendors, {"ven_ok": object.union(_vendors.ven_ok, {"data_handling": {"delivers_data_at": "aggregate", "k_min": k}})})

_block_with_vendors(ds, vendors) := reasons if {
	reasons := data_sources.block_reasons(ds, {"vendor": vendors, "data_source": {}}) with data.ethiq.context as _context with data.ethiq.index as _index with input as {"names": _names}
}

# A vendor delivering aggregates of 5 people fails the source it supplies, whatever the source says of
# itself; one cell each side of the threshold (100).
test_dat_004_vendor_k_min_below_fails if {
	ds := object.remove(_aggregate, ["k_min"])
	reasons := _block_with_vendors(ds, _vendors_with_k(5))
	_of(reasons, "DAT-004") == {["fail", ["vendor_id"], "vendor_k_min_below"]}
	some r in _only(reasons, "DAT-004")
	r.params == {"vendor": "ven_ok", "k_min": 5, "threshold": 100}
	_of(_block_with_vendors(ds, _vendors_with_k(99)), "DAT-004") == {["fail", ["vendor_id"], "vendor_k_min_below"]}
}

test_dat_004_vendor_k_min_at_threshold_answers_a_silent_source if {
	ds := object.remove(_aggregate, ["k_min"])
	_of(_block_with_vendors(ds, _vendors_with_k(100)), "DAT-004") == set()
}

test_dat_004_vendor_k_min_below_fails_even_when_the_source_claims_more if {
	_of(_block_with_vendors(_aggregate, _vendors_with_k(5)), "DAT-004") == {["fail", ["vendor_id"], "vendor_k_min_below"]}
}

test_dat_004_collecting_vendor_k_min_counts if {
	ds := object.union(object.remove(_aggregate, ["k_min"]), {"vendor_id": null})
	_of(_block_with_vendors(ds, _vendors_with_k(5)), "DAT-004") == {["fail", ["collection", "collected_by"], "vendor_k_min_below"]}
}

test_dat_004_identifiability_unknown_needs_review if {
	ds := object.remove(_aggregate, ["identifiability"])
	_of(_block(ds, {}), "DAT-004") == {["needs_review", ["identifiability"], "identifiability_unknown"]}
}

# The party's own list of unknown identifiability is no vendor's delivery: DAT-004 does not ask (DAT-003 does).
test_dat_004_identifiability_unknown_of_the_partys_own_list_is_not_its_question if {
	ds := object.remove(_clean, ["identifiability"])
	_of(_block(ds, {}), "DAT-004") == set()
}

# vendor_id absent is not vendor_id null: the schema reads it as unknown.
test_dat_004_vendor_absent_needs_review if {
	ds := object.remove(_clean, ["vendor_id"])
	_of(_block(ds, {}), "DAT-004") == {["needs_review", ["vendor_id"], "vendor_unknown"]}
}

test_dat_004_vendor_absent_but_aggregated_passes if {
	ds := object.union(object.remove(_clean, ["vendor_id"]), {"identifiability": "aggregated", "k_min": 500})
	_of(_block(ds, {}), "DAT-004") == set()
}

# Only a source de-identified as a vendor would deliver it is cleared by its cell size: an identified or
# pseudonymous one with a large k_min still needs its vendor named (each side of the identifiability test).
test_dat_004_vendor_absent_individual_level_with_large_k_min_needs_review if {
	every level in ["identified", "pseudonymous"] {
		ds := object.union(object.remove(_clean, ["vendor_id"]), {"identifiability": level, "k_min": 500})
		_of(_block(ds, {}), "DAT-004") == {["needs_review", ["vendor_id"], "vendor_unknown"]}
	}
	every level in ["aggregated", "anonymous"] {
		ds := object.union(object.remove(_clean, ["vendor_id"]), {"identifiability": level, "k_min": 500})
		_of(_block(ds, {}), "DAT-004") == set()
	}
}

# A k_min that is not a number clears nothing (in Rego a string sorts above every number).
test_dat_004_vendor_absent_k_min_not_a_number_needs_review if {
	every k in ["500", [500], {"k": 500}, true] {
		ds := object.union(object.remove(_clean, ["vendor_id"]), {"identifiability": "aggregated", "k_min": k})
		["needs_review", ["vendor_id"], "vendor_unknown"] in _of(_block(ds, {}), "DAT-004")
	}
}

# --- DAT-005 and DAT-006 through the lib (their own tests are in sources_test) ------------------------------

test_dat_005_through_block_reasons if {
	ds := object.union(_clean, {"collection": {"method": "quiz_app"}})
	_of(_block(ds, {}), "DAT-005") == {["fail", ["collection", "method"], "app_method"]}
}

test_dat_006_through_block_reasons if {
	ds := _set(_clean, "data_categories", ["user.inferred.personality.ocean"])
	_of(_block(ds, {}), "DAT-006") == {["fail", ["data_categories", 0], "psychographic_category"]}
}

# --- DAT-007 ------------------------------------------------------------------------------------------------

_quiz := object.union(_clean, {"id": "ds_quiz", "collection": {"method": "quiz_app"}})

# T01: a platform-native lookalike seed built from the party's quiz list.
_seed := object.union(_clean, {
	"id": "ca_seed",
	"origin": "platform_native",
	"collection": {"method": "page_engagement"},
	"lineage": {"derived_from": ["ds_quiz"], "transformations": ["lookalike_seed"]},
})

test_dat_007_t01_seed_from_quiz_fails_with_path if {
	reasons := _only(_block(_seed, {"ds_quiz": _quiz}), "DAT-007")
	_of(reasons, "DAT-007") == {["fail", ["lineage", "derived_from", 0], "tainted_ancestor"]}
	r := _one(reasons)
	r.trace == ["ca_seed", "ds_quiz"]
	r.params == {"ancestor": "ds_quiz", "chain": "ca_seed → ds_quiz", "reason_rule": "DAT-005", "field": "collection.method"}
}

# Two steps up, through a clean intermediate; the path names every step.
test_dat_007_grandparent_taint_fails if {
	middle := object.union(_clean, {"id": "ds_middle", "lineage": {"derived_from": ["ds_quiz"]}})
	ds := object.union(_clean, {"lineage": {"derived_from": ["ds_other", "ds_middle"]}})
	other := object.union(_clean, {"id": "ds_other"})
	reasons := _only(_block(ds, {"ds_middle": middle, "ds_quiz": _quiz, "ds_other": other}), "DAT-007")
	_of(reasons, "DAT-007") == {["fail", ["lineage", "derived_from", 1], "tainted_ancestor"]}
	r := _one(reasons)
	r.trace == ["ds_clean", "ds_middle", "ds_quiz"]
	r.params.chain == "ds_clean → ds_middle → ds_quiz"
}

test_dat_007_psychographic_ancestor_fails if {
	ocean := object.union(_clean, {"id": "ds_ocean", "data_categories": ["user.inferred.personality"]})
	ds := object.union(_clean, {"lineage": {"derived_from": ["ds_ocean"]}})
	reasons := _only(_block(ds, {"ds_ocean": ocean}), "DAT-007")
	r := _one(reasons)
	r.params.reason_rule == "DAT-006"
	r.status == "fail"
}

test_dat_007_bought_ancestor_fails if {
	broker := object.union(_clean, {"id": "ds_broker", "origin": "third_party_broker"})
	ds := object.union(_clean, {"lineage": {"derived_from": ["ds_broker"]}})
	reasons := _only(_block(ds, {"ds_broker": broker}), "DAT-007")
	r := _one(reasons)
	r.params.reason_rule == "DAT-008"
	r.path == ["lineage", "derived_from", 0]
}

# Only DAT-005, DAT-006 and DAT-008 taint: an ancestor missing its retention period does not.
test_dat_007_other_ancestor_faults_do_not_taint if {
	sloppy := object.remove(object.union(_clean, {"id": "ds_sloppy"}), ["retention_days", "legal_basis"])
	ds := object.union(_clean, {"lineage": {"derived_from": ["ds_sloppy"]}})
	_of(_block(ds, {"ds_sloppy": sloppy}), "DAT-007") == set()
}

# The source's own vendor is a Cambridge Analytica company (VEN-001 through its registry id).
test_dat_007_own_vendor_cambridge_analytica_fails if {
	ds := object.union(_aggregate, {"vendor_id": "ven_scl", "collection": {"collected_by": "party"}})
	reasons := _only(_block(ds, {}), "DAT-007")
	_of(reasons, "DAT-007") == {["fail", ["vendor_id"], "cambridge_analytica_vendor"]}
	r := _one(reasons)
	r.trace == ["ds_aggregate", "ven_scl"]
	r.params.reason_rule == "VEN-001"
}

test_dat_007_ancestor_vendor_cambridge_analytica_fails if {
	parent := object.union(_aggregate, {"id": "ds_parent", "vendor_id": "ven_scl", "collection": {"collected_by": "ven_scl"}})
	ds := object.union(_clean, {"lineage": {"derived_from": ["ds_parent"]}})
	reasons := _only(_block(ds, {"ds_parent": parent}), "DAT-007")
	_of(reasons, "DAT-007") == {["fail", ["lineage", "derived_from", 0], "cambridge_analytica_vendor"]}
	{r.params.chain | some r in reasons} == {"ds_clean → ds_parent → ven_scl"}
}

test_dat_007_vendor_to_review_needs_review if {
	ds := object.union(_aggregate, {"vendor_id": "ven_maybe", "collection": {"collected_by": "party"}})
	_of(_block(ds, {}), "DAT-007") == {["needs_review", ["vendor_id"], "vendor_unchecked"]}
}

test_dat_007_clean_lineage_passes if {
	ds := object.union(_clean, {"lineage": {"derived_from": ["ds_aggregate"]}})
	_of(_block(ds, {"ds_aggregate": _aggregate}), "DAT-007") == set()
}

test_dat_007_unresolved_ancestor_needs_review if {
	ds := object.union(_clean, {"lineage": {"derived_from": ["ds_gone"]}})
	reasons := _only(_block(ds, {}), "DAT-007")
	_of(reasons, "DAT-007") == {["needs_review", ["lineage", "derived_from", 0], "ancestor_unresolved"]}
	r := _one(reasons)
	r.trace == ["ds_clean", "ds_gone"]
}

test_dat_007_ancestor_unchecked_needs_review if {
	vague := object.remove(object.union(_clean, {"id": "ds_vague"}), ["origin"])
	ds := object.union(_clean, {"lineage": {"derived_from": ["ds_vague"]}})
	reasons := _only(_block(ds, {"ds_vague": vague}), "DAT-007")
	_of(reasons, "DAT-007") == {["needs_review", ["lineage", "derived_from", 0], "ancestor_unchecked"]}
}

test_dat_007_lineage_unknown_needs_review if {
	ds := object.remove(_clean, ["lineage"])
	_of(_block(ds, {}), "DAT-007") == {["needs_review", ["lineage", "derived_from"], "lineage_unknown"]}
}

test_dat_007_ancestor_lineage_unknown_needs_review if {
	parent := object.remove(object.union(_clean, {"id": "ds_parent"}), ["lineage"])
	ds := object.union(_clean, {"lineage": {"derived_from": ["ds_parent"]}})
	_of(_block(ds, {"ds_parent": parent}), "DAT-007") == {["needs_review", ["lineage", "derived_from", 0], "ancestor_lineage_unknown"]}
}

# A cycle ends: each source once per route, and the taint is still found.
test_dat_007_cycle_terminates if {
	a := object.union(_clean, {"id": "ds_a", "lineage": {"derived_from": ["ds_b"]}})
	b := object.union(_clean, {"id": "ds_b", "lineage": {"derived_from": ["ds_a", "ds_quiz"]}})
	reasons := _only(_block(a, {"ds_a": a, "ds_b": b, "ds_quiz": _quiz}), "DAT-007")
	{r.params.chain | some r in reasons} == {"ds_a → ds_b → ds_quiz"}
}

# A cycle that hangs off the spanning tree: its members are still judged, on a shortened route.
test_dat_007_cycle_off_the_tree_still_judged if {
	r := object.union(_clean, {"id": "ds_r", "lineage": {"derived_from": ["ds_z"]}})
	z := object.union(_clean, {"id": "ds_z", "lineage": {"derived_from": ["ds_c"]}})
	c := object.union(_quiz, {"id": "ds_c", "lineage": {"derived_from": ["ds_d"]}})
	d := object.union(_clean, {"id": "ds_d", "lineage": {"derived_from": ["ds_c", "ds_z"]}})
	reasons := _only(_block(r, {"ds_z": z, "ds_c": c, "ds_d": d}), "DAT-007")
	{[x.params.ancestor, x.params.chain] | some x in reasons} == {["ds_c", "ds_r → ds_c"]}
}

# A wide, merging lineage: one route per ancestor, not one per path (which would be exponential).
test_dat_007_merging_lineage_one_route_per_ancestor if {
	sources := {sprintf("ds_%d", [i]): object.union(_clean, {"id": sprintf("ds_%d", [i]), "lineage": {"derived_from": _two_up(i)}}) |
		some i in numbers.range(1, 30)
	}
	ds := object.union(_clean, {"id": "ds_0", "lineage": {"derived_from": _two_up(0)}})
	routes := data_sources.ancestor_routes(ds, {"data_source": sources})
	count(routes) == 30
	{route[0] | some route in routes} == object.keys(sources)
}

_two_up(i) := [sprintf("ds_%d", [j]) | some j in [i + 1, i + 2]; j <= 30]

# A fail settles the rule.
test_dat_007_fail_suppresses_review if {
	ds := object.union(_clean, {"lineage": {"derived_from": ["ds_quiz", "ds_gone"]}})
	_of(_block(ds, {"ds_quiz": _quiz}), "DAT-007") == {["fail", ["lineage", "derived_from", 0], "tainted_ancestor"]}
}

# --- DAT-008 ------------------------------------------------------------------------------------------------

test_dat_008_broker_origin_fails if {
	_of(_block(_set(_clean, "origin", "voter_file"), {}), "DAT-008") == {["fail", ["origin"], "bought_origin"]}
}

test_dat_008_purchase_method_fails if {
	ds := object.union(_clean, {"collection": {"method": "purchase"}})
	_of(_block(ds, {}), "DAT-008") == {["fail", ["collection", "method"], "bought_method"]}
}

test_dat_008_meta_partner_provided_fails if {
	ds := object.union(_aggregate, {"platform_binding": {"platform": "meta", "mechanism": "platform_taxonomy", "meta_customer_file_source": "BOTH_USER_AND_PARTNER_PROVIDED", "built_with_platform_tool": true}})
	_of(_block(ds, {}), "DAT-008") == {["fail", ["platform_binding", "meta_customer_file_source"], "meta_partner_data"]}
}

test_dat_008_google_voter_file_fails if {
	ds := object.union(_aggregate, {"platform_binding": {"platform": "google_ads", "google_data_source_type": "THIRD_PARTY_VOTER_FILE", "built_with_platform_tool": true}})
	_of(_block(ds, {}), "DAT-008") == {["fail", ["platform_binding", "google_data_source_type"], "google_third_party"]}
}

test_dat_008_first_party_passes if {
	ds := object.union(_aggregate, {"platform_binding": {"platform": "google_ads", "google_data_source_type": "FIRST_PARTY", "built_with_platform_tool": true}})
	_of(_block(ds, {}), "DAT-008") == set()
}

# Every member of each set the rule reads, named here rather than taken from the library, so dropping one
# from the library fails a test; and the values that must not fire.
test_dat_008_every_bought_origin_fails if {
	every origin in ["third_party_broker", "voter_file", "scraped", "public_register"] {
		_of(_block(_set(_clean, "origin", origin), {}), "DAT-008") == {["fail", ["origin"], "bought_origin"]}
	}
}

test_dat_008_every_bought_method_fails if {
	every method in ["purchase", "data_exchange", "scraping"] {
		ds := object.union(_clean, {"collection": {"method": method}})
		_of(_block(ds, {}), "DAT-008") == {["fail", ["collection", "method"], "bought_method"]}
	}
}

test_dat_008_every_meta_partner_source_fails if {
	every source in ["PARTNER_PROVIDED_ONLY", "BOTH_USER_AND_PARTNER_PROVIDED"] {
		binding := {"platform": "meta", "mechanism": "platform_taxonomy", "meta_customer_file_source": source, "built_with_platform_tool": true}
		ds := object.union(_aggregate, {"platform_binding": binding})
		_of(_block(ds, {}), "DAT-008") == {["fail", ["platform_binding", "meta_customer_file_source"], "meta_partner_data"]}
	}
}

test_dat_008_meta_user_provided_passes if {
	binding := {"platform": "meta", "mechanism": "platform_taxonomy", "meta_customer_file_source": "USER_PROVIDED_ONLY", "built_with_platform_tool": true}
	_of(_block(object.union(_aggregate, {"platform_binding": binding}), {}), "DAT-008") == set()
}

test_dat_008_every_google_third_party_type_fails if {
	every value in ["THIRD_PARTY_CREDIT_BUREAU", "THIRD_PARTY_VOTER_FILE", "THIRD_PARTY_PARTNER_DATA"] {
		binding := {"platform": "google_ads", "google_data_source_type": value, "built_with_platform_tool": true}
		ds := object.union(_aggregate, {"platform_binding": binding})
		_of(_block(ds, {}), "DAT-008") == {["fail", ["platform_binding", "google_data_source_type"], "google_third_party"]}
	}
}

test_dat_008_origin_unknown_needs_review if {
	_of(_block(object.remove(_clean, ["origin"]), {}), "DAT-008") == {["needs_review", ["origin"], "origin_unknown"]}
}

test_dat_008_method_unknown_needs_review if {
	ds := _set(_clean, "collection", {"collected_by": "party"})
	_of(_block(ds, {}), "DAT-008") == {["needs_review", ["collection", "method"], "method_unknown"]}
}

test_dat_008_second_party_needs_review if {
	_of(_block(_set(_clean, "origin", "second_party"), {}), "DAT-008") == {["needs_review", ["origin"], "second_party_origin"]}
}

# --- DAT-009 ------------------------------------------------------------------------------------------------

test_dat_009_dmp_import_on_linkedin_fails if {
	ds := object.union(_aggregate, {"platform_binding": {"platform": "linkedin", "mechanism": "platform_taxonomy", "built_with_platform_tool": false}})
	_of(_block(ds, {}), "DAT-009") == {["fail", ["platform_binding", "built_with_platform_tool"], "not_platform_tool"]}
}

# Each network seed S14 names, named here: dropping or renaming one in the library fails this test.
test_dat_009_every_seed_network_fails_without_its_tools if {
	every platform in ["meta", "google_ads", "linkedin"] {
		ds := object.union(_aggregate, {"platform_binding": {"platform": platform, "mechanism": "platform_taxonomy", "built_with_platform_tool": false}})
		_of(_block(ds, {}), "DAT-009") == {["fail", ["platform_binding", "built_with_platform_tool"], "not_platform_tool"]}
	}
}

test_dat_009_every_seed_network_reviews_an_unknown_tool if {
	every platform in ["meta", "google_ads", "linkedin"] {
		ds := object.union(_aggregate, {"platform_binding": {"platform": platform, "mechanism": "platform_taxonomy", "built_with_platform_tool": "unknown"}})
		_of(_block(ds, {}), "DAT-009") == {["needs_review", ["platform_binding", "built_with_platform_tool"], "platform_tool_unknown"]}
	}
}

test_dat_009_built_in_platform_passes if {
	ds := object.union(_aggregate, {"platform_binding": {"platform": "meta", "mechanism": "platform_taxonomy", "built_with_platform_tool": true}})
	_of(_block(ds, {}), "DAT-009") == set()
}

# A network the seed does not name (S14: Facebook, Instagram, LinkedIn, YouTube).
test_dat_009_other_platform_not_applicable if {
	ds := object.union(_aggregate, {"platform_binding": {"platform": "dsp", "built_with_platform_tool": false}})
	_of(_block(ds, {}), "DAT-009") == set()
}

test_dat_009_tool_unknown_needs_review if {
	ds := object.union(_aggregate, {"platform_binding": {"platform": "meta", "built_with_platform_tool": "unknown"}})
	_of(_block(ds, {}), "DAT-009") == {["needs_review", ["platform_binding", "built_with_platform_tool"], "platform_tool_unknown"]}
}

test_dat_009_platform_unknown_needs_review if {
	ds := object.union(_aggregate, {"platform_binding": {"mechanism": "platform_taxonomy", "built_with_platform_tool": false}})
	_of(_block(ds, {}), "DAT-009") == {["needs_review", ["platform_binding", "platform"], "platform_unknown"]}
}

# Built with the platform's own tool: whichever platform that was, the source is the platform's own.
test_dat_009_platform_unknown_but_built_with_its_tool_passes if {
	ds := object.union(_aggregate, {"platform_binding": {"mechanism": "platform_taxonomy", "built_with_platform_tool": true}})
	_of(_block(ds, {}), "DAT-009") == set()
}

# --- DAT-010 ------------------------------------------------------------------------------------------------

test_dat_010_minors_in_political_ads_fail if {
	ds := _set(_aggregate, "contains_minors", "yes")
	_of(_block(ds, {}), "DAT-010") == {["fail", ["contains_minors"], "minors"]}
}

test_dat_010_young_age_known_fails if {
	ds := object.union(_aggregate, {"min_age_known": 16})
	reasons := _only(_block(ds, {}), "DAT-010")
	_of(reasons, "DAT-010") == {["fail", ["min_age_known"], "minor_age_known"]}
}

test_dat_010_minors_possible_needs_review if {
	ds := _set(_aggregate, "contains_minors", "possible")
	_of(_block(ds, {}), "DAT-010") == {["needs_review", ["contains_minors"], "minors_possible"]}
}

test_dat_010_minors_unknown_needs_review if {
	ds := object.remove(_aggregate, ["contains_minors"])
	_of(_block(ds, {}), "DAT-010") == {["needs_review", ["contains_minors"], "minors_unknown"]}
}

test_dat_010_minors_purposes_unknown_needs_review if {
	ds := object.remove(_set(_clean, "contains_minors", "yes"), ["purposes"])
	_of(_block(ds, {}), "DAT-010") == {["needs_review", ["purposes"], "purposes_unknown"]}
}

# Uploaded as a customer list, so used for ads whatever its purposes say: possible minors are that review
# alone, not also the review of a source whose purposes are unknown.
test_dat_010_uploaded_list_without_purposes_reviews_minors_only if {
	uploaded := object.union(_clean, {"platform_binding": {"platform": "meta", "mechanism": "customer_list"}})
	ds := object.remove(_set(uploaded, "contains_minors", "possible"), ["purposes"])
	_of(_block(ds, {}), "DAT-010") == {["needs_review", ["contains_minors"], "minors_possible"]}
}

# Not used for ads: a youth newsletter may hold minors.
test_dat_010_newsletter_with_minors_passes if {
	ds := _set(_clean, "contains_minors", "yes")
	_of(_block(ds, {}), "DAT-010") == set()
}

# --- DAT-011 (warn) -----------------------------------------------------------------------------------------

test_dat_011_special_categories_without_dpia_fails if {
	ds := object.remove(object.union(_set(_clean, "subject_scope", "members"), {"legal_basis": {"art9": "2d"}}), ["dpia_ref"])
	reasons := _warn(ds)
	_of(reasons, "DAT-011") == {["fail", ["dpia_ref"], "dpia_missing"]}
}

test_dat_011_no_special_categories_passes if {
	_of(_warn(object.remove(_clean, ["dpia_ref"])), "DAT-011") == set()
}

test_dat_011_with_dpia_passes if {
	_of(_warn(_set(_clean, "subject_scope", "members")), "DAT-011") == set()
}

test_dat_011_categories_unknown_needs_review if {
	ds := object.remove(_clean, ["dpia_ref", "data_categories", "subject_scope"])
	reasons := _warn(ds)
	_of(reasons, "DAT-011") == {["needs_review", ["dpia_ref"], "special_categories_unknown"]}
	r := _one(_only(reasons, "DAT-011"))
	r.params.fields == "data_categories, subject_scope"
}

# --- DAT-012 (warn) -----------------------------------------------------------------------------------------

test_dat_012_ropa_missing_fails if {
	_of(_warn(object.remove(_clean, ["ropa_ref"])), "DAT-012") == {["fail", ["ropa_ref"], "ropa_missing"]}
}

test_dat_012_retention_missing_fails if {
	_of(_warn(object.remove(_clean, ["retention_days"])), "DAT-012") == {["fail", ["retention_days"], "retention_missing"]}
}

test_dat_012_complete_record_passes if {
	_of(_warn(_clean), "DAT-012") == set()
}

# --- the contract -------------------------------------------------------------------------------------------

# Only block rules in block_reasons, only warn rules in warn_reasons; every reason is complete.
test_block_and_warn_reasons_split_by_severity if {
	ds := {"kind": "data_source", "id": "ds_empty"}
	block := _block(ds, {})
	warn := data_sources.warn_reasons(ds, {}) with data.ethiq.context as _context
	{r.rule | some r in block} == {"DAT-001", "DAT-002", "DAT-003", "DAT-004", "DAT-005", "DAT-006", "DAT-007", "DAT-008"}
	{r.rule | some r in warn} == {"DAT-011", "DAT-012"}
	every r in block | warn {
		{"rule", "status", "path", "message", "params"} - object.keys(r) == set()
		r.status in {"fail", "needs_review"}
	}
}

# --- the engine's facts: input.lineage and input.ancestry give what the whole lineage gives ------------------

_middle := object.union(_clean, {"id": "ds_middle", "lineage": {"derived_from": ["ds_quiz"]}})

_other := object.union(_clean, {"id": "ds_other"})

_grandchild := object.union(_clean, {"lineage": {"derived_from": ["ds_other", "ds_middle"]}})

_chain_sources := {"ds_middle": _middle, "ds_quiz": _quiz, "ds_other": _other}

# The counts and derived-into lists the engine hands over in input.lineage (each count includes the source).
_lineage_facts := {
	"ds_clean": {"upstream": 4, "derived_into": []},
	"ds_middle": {"upstream": 2, "derived_into": ["ds_clean"]},
	"ds_other": {"upstream": 1, "derived_into": ["ds_clean"]},
	"ds_quiz": {"upstream": 1, "derived_into": ["ds_middle"]},
}

test_dat_007_routes_from_the_engines_lineage_facts_are_the_routes_found_alone if {
	run := {"names": _names, "lineage": _lineage_facts}
	given := data_sources.block_reasons(_grandchild, _related(_chain_sources)) with data.ethiq.context as _context
		with data.ethiq.index as _index
		with input as run
	alone := _block(_grandchild, _chain_sources)
	_only(given, "DAT-007") == _only(alone, "DAT-007")
	_one(_only(given, "DAT-007")).trace == ["ds_clean", "ds_middle", "ds_quiz"]
}

# own_lineage_of_input, the entry point the engine evaluates once per source: the quiz source taints.
test_own_lineage_of_input_is_the_sources_own_part if {
	own := data_sources.own_lineage_of_input with input as {"document": _quiz, "related": _related({})}
		with data.ethiq.context as _context
	count(own.taint) > 0
	own.unresolved == set()
	own.lineage_unknown == false
}

# With input.ancestry (each ancestor that adds anything: its route and its own_lineage), the judged source's
# DAT-007 is the one its whole lineage gives.
test_dat_007_from_the_ancestry_is_the_dat_007_of_the_whole_lineage if {
	own := data_sources.own_lineage_of_input with input as {"document": _quiz, "related": _related({})}
		with data.ethiq.context as _context
	inp := {
		"document": _grandchild,
		"related": _related({"ds_middle": _middle, "ds_other": _other}),
		"ancestry": {"ds_quiz": {"own": own, "route": ["ds_clean", "ds_middle", "ds_quiz"]}},
		"names": _names,
	}
	given := data_sources.judged_block_reasons(inp) with data.ethiq.context as _context
		with data.ethiq.index as _index
		with input as inp
	_only(given, "DAT-007") == _only(_block(_grandchild, _chain_sources), "DAT-007")
}

# Without the ancestry, judged_block_reasons judges the whole lineage in `related`.
test_judged_block_reasons_without_ancestry_reads_related if {
	inp := {"document": _grandchild, "related": _related(_chain_sources), "names": _names}
	given := data_sources.judged_block_reasons(inp) with data.ethiq.context as _context
		with data.ethiq.index as _index
		with input as inp
	_only(given, "DAT-007") == _only(_block(_grandchild, _chain_sources), "DAT-007")
}

# --- block_statuses: each source's rules and statuses, its lineage judged once for all (AUD-005) -------------

# What block_reasons gives each source of `sources` (its whole lineage in `related`), as [rule, status].
_pairs_alone(sources) := {id: {[r.rule, r.status] | some r in _block(ds, sources)} | some id, ds in sources}

# block_statuses of every source, without the engine's input.lineage and with it.
_statuses(sources, run) := _statuses_of(object.keys(sources), sources, run)

_statuses_of(ids, sources, run) := statuses if {
	statuses := data_sources.block_statuses(ids, _related(sources)) with data.ethiq.context as _context
		with data.ethiq.index as _index
		with input as run
}

# The engine's derived_into of each source (only derived_into is read here; the counts are not).
_derived_facts(sources) := {x: {"upstream": 1, "derived_into": [y | some y, d in sources; x in d.lineage.derived_from; y != x]} |
	some x, _ in sources
}

_agrees(sources) if {
	_statuses(sources, {"names": _names}) == _pairs_alone(sources)
	_statuses(sources, {"names": _names, "lineage": _derived_facts(sources)}) == _pairs_alone(sources)
}

# Right facts are used (their order shows it: found here, the lists are in id order).
test_block_statuses_right_lineage_facts_are_used if {
	into := _derived_into_with({"a": {"derived_into": ["c", "b"]}, "b": {"derived_into": []}, "c": {"derived_into": []}})
	into.a == ["c", "b"]
	_derived_into_with(null).a == ["b", "c"]
}

_derived_into_with(facts) := into if {
	into := data_sources._derived_into({"a": [], "b": ["a"], "c": ["a"]}, {"a", "b", "c"}) with input as {"lineage": facts}
}

# The engine's derived_into decides nothing: one that misses an edge, or adds one, is not used.
test_block_statuses_wrong_lineage_facts_are_not_used if {
	sources := object.union(_chain_sources, {"ds_clean": _grandchild})
	facts := _derived_facts(sources)
	missing := object.union(facts, {"ds_quiz": {"upstream": 1, "derived_into": []}})
	extra := object.union(facts, {"ds_quiz": {"upstream": 1, "derived_into": ["ds_middle", "ds_other"]}})
	partial := object.remove(facts, ["ds_middle"])
	_statuses(sources, {"names": _names, "lineage": missing}) == _pairs_alone(sources)
	_statuses(sources, {"names": _names, "lineage": extra}) == _pairs_alone(sources)
	_statuses(sources, {"names": _names, "lineage": partial}) == _pairs_alone(sources)
	_statuses(sources, {"names": _names, "lineage": facts}) == _pairs_alone(sources)
}

test_block_statuses_chain_below_a_quiz_source_fail_dat_007 if {
	sources := object.union(_chain_sources, {"ds_clean": _grandchild})
	_agrees(sources)
	statuses := _statuses(sources, {"names": _names})
	["DAT-007", "fail"] in statuses.ds_clean
	["DAT-007", "fail"] in statuses.ds_middle
	not ["DAT-007", "fail"] in statuses.ds_quiz
	statuses.ds_other == set()
}

# The tainted source of a cycle is not its own ancestor: its taint reaches the rest of the cycle, not itself.
test_block_statuses_cycle_member_is_not_its_own_ancestor if {
	r := object.union(_clean, {"id": "ds_r", "lineage": {"derived_from": ["ds_z"]}})
	z := object.union(_clean, {"id": "ds_z", "lineage": {"derived_from": ["ds_c"]}})
	c := object.union(_quiz, {"id": "ds_c", "lineage": {"derived_from": ["ds_d"]}})
	d := object.union(_clean, {"id": "ds_d", "lineage": {"derived_from": ["ds_c", "ds_z"]}})
	sources := {"ds_r": r, "ds_z": z, "ds_c": c, "ds_d": d}
	_agrees(sources)
	statuses := _statuses(sources, {"names": _names})
	not ["DAT-007", "fail"] in statuses.ds_c
	["DAT-007", "fail"] in statuses.ds_d
	["DAT-007", "fail"] in statuses.ds_r
}

# Two tainted sources deriving from each other taint each other.
test_block_statuses_two_tainted_sources_in_a_cycle_taint_each_other if {
	a := object.union(_quiz, {"id": "ds_a", "lineage": {"derived_from": ["ds_b"]}})
	b := object.union(_quiz, {"id": "ds_b", "lineage": {"derived_from": ["ds_a"]}})
	sources := {"ds_a": a, "ds_b": b}
	_agrees(sources)
	statuses := _statuses(sources, {"names": _names})
	["DAT-007", "fail"] in statuses.ds_a
	["DAT-007", "fail"] in statuses.ds_b
}

# What a source says of itself (its vendor, its unresolved parent, its unsaid lineage) and what an ancestor
# passes down (an unchecked one, one with an unsaid lineage, one whose vendor is to review or is blocked).
test_block_statuses_own_and_inherited_reviews_and_fails if {
	vague := object.remove(object.union(_clean, {"id": "ds_vague"}), ["origin"])
	unsaid := object.remove(object.union(_clean, {"id": "ds_unsaid"}), ["lineage"])
	maybe := object.union(_aggregate, {"id": "ds_maybe", "vendor_id": "ven_maybe", "collection": {"collected_by": "party"}})
	scl := object.union(_aggregate, {"id": "ds_scl", "vendor_id": "ven_scl", "collection": {"collected_by": "ven_scl"}})
	gone := object.union(_clean, {"id": "ds_gone_parent", "lineage": {"derived_from": ["ds_gone"]}})
	below_review := object.union(_clean, {"id": "ds_r1", "lineage": {"derived_from": ["ds_vague", "ds_unsaid", "ds_maybe", "ds_gone_parent"]}})
	below_fail := object.union(_clean, {"id": "ds_f1", "lineage": {"derived_from": ["ds_r1", "ds_scl"]}})
	sources := {
		"ds_vague": vague, "ds_unsaid": unsaid, "ds_maybe": maybe, "ds_scl": scl, "ds_gone_parent": gone,
		"ds_r1": below_review, "ds_f1": below_fail,
	}
	_agrees(sources)
	statuses := _statuses(sources, {"names": _names})
	["DAT-007", "needs_review"] in statuses.ds_r1
	["DAT-007", "fail"] in statuses.ds_f1
	not ["DAT-007", "needs_review"] in statuses.ds_f1
	["DAT-007", "fail"] in statuses.ds_scl
	["DAT-007", "needs_review"] in statuses.ds_maybe
	["DAT-007", "needs_review"] in statuses.ds_unsaid
	["DAT-007", "needs_review"] in statuses.ds_gone_parent
	not ["DAT-007", "needs_review"] in statuses.ds_vague
}

# Only the ids asked for, and only those naming a source of `related`.
test_block_statuses_only_for_named_sources if {
	object.keys(_statuses_of({"ds_quiz", "ds_gone"}, _chain_sources, {"names": _names})) == {"ds_quiz"}
}

# An ancestor hangs under the first source input.lineage lists as derived from it (the engine's order), not
# under any other one that qualifies: the route a finding shows is the engine's.
test_tree_hangs_an_ancestor_under_the_first_source_the_engine_lists if {
	g := {"d": ["b", "c"], "b": ["a"], "c": ["a"], "a": []}
	first_c := data_sources._tree(g, "d") with input as {"lineage": {"a": {"derived_into": ["c", "b"]}}}
	first_c.up.a == ["c"]
	first_b := data_sources._tree(g, "d") with input as {"lineage": {"a": {"derived_into": ["b", "c"]}}}
	first_b.up.a == ["b"]
}
