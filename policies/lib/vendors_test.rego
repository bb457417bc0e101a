package ethiq.lib.vendors_test

import data.ethiq.lib.vendors

# The library as other kinds call it: on a vendor that is not input.document (a campaign's vendor, a data
# source's supplier), with the vendors of input.related.

_index := {
	"blocked_names": {"cambridge analytica": "ca_llc", "emerdata": "emerdata"},
	"review_names": {},
	"people_names": {"alexander nix": "alexander_nix"},
}

_context := {
	"blocklists": {"vendors": {"ca_llc": {"canonical_name": "Cambridge Analytica LLC"}, "emerdata": {"canonical_name": "Emerdata Limited"}}},
	"thresholds": {"k_min_vendor_aggregate": 100, "edaa_self_certification_months": 6, "edaa_seal_overdue_months": 8},
}

_no_near := {"vendors": [], "people": []}

_names := {
	"Clean Media AB": {"norm": "clean media", "near": _no_near},
	"Sub AB": {"norm": "sub", "near": _no_near},
	"EMERDATA LIMITED": {"norm": "emerdata", "near": _no_near},
	"Cambridge Analytica": {"norm": "cambridge analytica", "near": _no_near},
	"Alexander Nix": {"norm": "alexander nix", "near": _no_near},
}

_clean := {
	"kind": "vendor",
	"id": "ven_clean",
	"legal_name": "Clean Media AB",
	"roles": ["dsp"],
	"evidence": [{"type": "attestation", "ref": "dms://att.pdf"}],
	"attestations": {"no_cambridge_analytica_services": {"signed": true}},
	"edaa": {"status": "trust_seal", "seal_expires_at": "2027-01-01"},
	"gdpr": {"role": "processor", "dpa_signed": true, "transfers_outside_eea": false},
	"data_handling": {"delivers_data_at": "aggregate", "de_identification": "anonymised", "k_min": 200},
	"services_declared": {
		"psychographic_profiling": false,
		"sells_followers_or_engagement": false,
		"bot_or_automation_engagement": false,
		"buys_app_or_quiz_data": false,
		"uses_voter_files": false,
	},
}

_sub := {"kind": "vendor", "id": "ven_sub", "legal_name": "Sub AB", "parent_chain": [{"legal_name": "EMERDATA LIMITED"}]}

_input := {"kind": "campaign", "as_of": "2026-11-23", "document": {"kind": "campaign", "id": "cmp"}, "names": _names}

_short(reasons) := {[r.rule, r.status, r.path, r.message] | some r in reasons}

test_ca_reasons_clean_vendor_is_empty if {
	reasons := vendors.ca_reasons(_clean, {}) with input as _input with data.ethiq.index as _index with data.ethiq.context as _context
	reasons == set()
}

test_ca_reasons_direct_and_chain if {
	doc := object.union(_clean, {"legal_name": "Cambridge Analytica", "sub_processor_ids": ["ven_sub"]})
	reasons := vendors.ca_reasons(doc, {"ven_sub": _sub}) with input as _input
		with data.ethiq.index as _index
		with data.ethiq.context as _context
	_short(reasons) == {
		["VEN-001", "fail", ["legal_name"], "blocked_name"],
		["VEN-002", "fail", ["sub_processor_ids", 0], "linked_blocked"],
	}
	some r in reasons
	r.rule == "VEN-002"
	r.trace == ["ven_clean", "ven_sub"]
	r.params.vendor == "ven_sub"
}

test_ca_reasons_missing_vendor_needs_review if {
	doc := object.union(_clean, {"sub_processor_ids": ["ven_sub"]})
	reasons := vendors.ca_reasons(doc, {}) with input as _input with data.ethiq.index as _index with data.ethiq.context as _context
	_short(reasons) == {["VEN-002", "needs_review", ["sub_processor_ids", 0], "linked_missing"]}
}

# `vendors` may hold the vendor itself (a campaign's related vendors): it is not its own sub-processor.
test_ca_reasons_self_in_vendors_terminates if {
	doc := object.union(_clean, {"sub_processor_ids": ["ven_sub"]})
	sub := {"kind": "vendor", "id": "ven_sub", "legal_name": "Sub AB", "sub_processor_ids": ["ven_clean"]}
	reasons := vendors.ca_reasons(doc, {"ven_clean": doc, "ven_sub": sub}) with input as _input
		with data.ethiq.index as _index
		with data.ethiq.context as _context
	reasons == set()
}

test_block_reasons_clean_vendor_is_empty if {
	reasons := vendors.block_reasons(_clean, {"vendor": {}}) with input as _input
		with data.ethiq.index as _index
		with data.ethiq.context as _context
	reasons == set()
}

# Every block rule contributes; the warn-only parts (VEN-003, VEN-006's overdue seal) do not.
test_block_reasons_every_block_rule if {
	doc := {
		"kind": "vendor",
		"id": "ven_bad",
		"legal_name": "Cambridge Analytica",
		"parent_chain": [{"legal_name": "EMERDATA LIMITED"}],
		"key_people": [{"name": "Alexander Nix"}],
		"roles": ["dsp", "engagement_seller", "data_broker"],
		"attestations": {"no_cambridge_analytica_services": {"signed": false}},
		"edaa": {"status": "withdrawn"},
		"gdpr": {"role": "processor", "dpa_signed": false, "transfers_outside_eea": true, "transfer_mechanism": "none"},
		"data_handling": {"delivers_data_at": "individual", "de_identification": "none", "k_min": 1},
		"services_declared": {"psychographic_profiling": true},
	}
	reasons := vendors.block_reasons(doc, {}) with input as _input with data.ethiq.index as _index with data.ethiq.context as _context
	{r.rule | some r in reasons} == {
		"VEN-001", "VEN-002", "VEN-004", "VEN-005", "VEN-007", "VEN-008", "VEN-009", "VEN-010", "VEN-011", "VEN-012",
	}
	every r in reasons {
		r.status == "fail"
	}
}

test_block_reasons_expired_seal_and_warn_split if {
	expired := object.union(_clean, {"edaa": {"status": "trust_seal", "seal_expires_at": "2026-01-10"}})
	reasons := vendors.block_reasons(expired, {}) with input as _input with data.ethiq.index as _index with data.ethiq.context as _context
	_short(reasons) == {["VEN-006", "fail", ["edaa", "seal_expires_at"], "seal_expired"]}
	overdue := object.union(_clean, {"edaa": {"status": "self_certified", "joined_at": "2026-01-01"}})
	block := vendors.block_reasons(overdue, {}) with input as _input with data.ethiq.index as _index with data.ethiq.context as _context
	block == set()
	warn := vendors.warn_reasons(overdue) with input as _input with data.ethiq.index as _index with data.ethiq.context as _context
	_short(warn) == {["VEN-006", "fail", ["edaa", "status"], "seal_overdue"]}
}

test_add_months_calendar if {
	vendors.add_months("2026-04-23", 6) == "2026-10-23"
	vendors.add_months("2025-08-31", 6) == "2026-02-28"
	vendors.add_months("2023-08-31", 6) == "2024-02-29"
	vendors.add_months("2026-05-31", 6) == "2026-11-30"
	vendors.add_months("2026-12-15", 1) == "2027-01-15"
	vendors.add_months("2026-03-05", 8) == "2026-11-05"
	vendors.add_months("2025-11-30", 14) == "2027-01-30"
}

# An impossible date is no date: no error, no deadline.
test_add_months_invalid_date_undefined if {
	not vendors.add_months("2026-02-30", 6)
	not vendors.add_months("2026-13-01", 6)
	not vendors.add_months("26-1-1", 6)
	not vendors.add_months("2026-01-00", 6)
	not vendors.add_months(null, 6)
}

test_days_in_month if {
	vendors.days_in_month(2024, 2) == 29
	vendors.days_in_month(2100, 2) == 28
	vendors.days_in_month(2000, 2) == 29
	vendors.days_in_month(2026, 4) == 30
	vendors.days_in_month(2026, 12) == 31
}

test_settle_keeps_only_fails if {
	fail := {"rule": "X", "status": "fail"}
	review := {"rule": "X", "status": "needs_review"}
	vendors.settle({fail, review}) == {fail}
	vendors.settle({review}) == {review}
}
