package ethiq.rules.vendor_test

import data.ethiq.rules.vendor

# --- fixtures: the index and context as the engine derives them from a CA blocklist ---------------------

_index := {
	"blocked_names": {
		"cambridge analytica": "ca_llc",
		"scl elections": "scl_elections",
		"scl group": "scl_group",
		"scl": "scl_group",
		"emerdata": "emerdata",
	},
	"review_names": {"dynamo recoveries": "dynamo"},
	"blocked_registry_ids": {"GB-COH:05514098": "scl_group", "GB-COH:09017451": "emerdata"},
	"blocked_domains": {"cambridgeanalytica.org": "ca_llc"},
	"review_registry_ids": {"GB-COH:99999999": "dynamo"},
	"review_domains": {"dynamo.example": "dynamo"},
	"party_names": {"liberalerna": true},
	"people_names": {"alexander nix": "alexander_nix", "alexander james ashburner nix": "alexander_nix"},
}

_context := {
	"blocklists": {
		"vendors": {
			"ca_llc": {"canonical_name": "Cambridge Analytica LLC"},
			"scl_elections": {"canonical_name": "SCL Elections Ltd"},
			"scl_group": {"canonical_name": "SCL Group Ltd"},
			"dynamo": {"canonical_name": "Dynamo Recoveries Limited"},
			"emerdata": {"canonical_name": "Emerdata Limited"},
		},
		"people": {"alexander_nix": {"name": "Alexander Nix"}},
	},
	"thresholds": {"k_min_vendor_aggregate": 100, "edaa_self_certification_months": 6, "edaa_seal_overdue_months": 8},
}

_no_near := {"vendors": [], "people": []}

# What the engine's normaliser puts into input.names (NFKC, case fold, confusables, legal forms).
_names := {
	"Nordic Reach AB": {"norm": "nordic reach", "near": _no_near},
	"Nordic Reach": {"norm": "nordic reach", "near": _no_near},
	"CAMBRIDGE ANALYTICA LLC": {"norm": "cambridge analytica", "near": _no_near},
	"Cambridge-Analytica, L.L.C.": {"norm": "cambridge analytica", "near": _no_near},
	"Cаmbridge Analytica": {"norm": "cambridge analytica", "near": _no_near},
	"ＳＣＬ Elections Ltd": {"norm": "scl elections", "near": _no_near},
	"S.C.L. Group Limited": {"norm": "scl group", "near": _no_near},
	"scl   elections": {"norm": "scl elections", "near": _no_near},
	"SCL Health": {"norm": "scl health", "near": _no_near},
	"Cambridge University Press": {"norm": "cambridge university press", "near": _no_near},
	"Cambridge Analytics Nordic AB": {"norm": "cambridge analytics nordic", "near": {"vendors": ["ca_llc"], "people": []}},
	"Dynamo Recoveries Limited": {"norm": "dynamo recoveries", "near": _no_near},
	"EMERDATA LIMITED": {"norm": "emerdata", "near": _no_near},
	"Emerdata": {"norm": "emerdata", "near": _no_near},
	"Nordic Holding AB": {"norm": "nordic holding", "near": _no_near},
	"Sub Processor AB": {"norm": "sub processor", "near": _no_near},
	"Deep Sub AB": {"norm": "deep sub", "near": _no_near},
	"Emerdata Nordic Holdings": {"norm": "emerdata nordic holdings", "near": {"vendors": ["emerdata"], "people": []}},
	"Karin Lund": {"norm": "karin lund", "near": _no_near},
	"Alexander Nix": {"norm": "alexander nix", "near": _no_near},
	"A. Nix": {"norm": "a nix", "near": {"vendors": [], "people": ["alexander_nix"]}},
	"Christopher Wylie": {"norm": "christopher wylie", "near": _no_near},
}

_as_of := "2026-11-23"

# A media agency buying programmatic media that passes every vendor rule.
_clean := {
	"kind": "vendor",
	"id": "ven_nordic",
	"legal_name": "Nordic Reach AB",
	"aliases": ["Nordic Reach"],
	"registry_ids": ["SE-BV:559000-0000"],
	"domains": ["nordicreach.example"],
	"parent_chain": [{"legal_name": "Nordic Holding AB", "registry_id": "SE-BV:556000-1111", "ownership_pct": 100}],
	"key_people": [{"name": "Karin Lund", "role": "CEO"}],
	"roles": ["media_agency"],
	"evidence": [{"type": "attestation", "ref": "dms://vendors/nordic/ca-attestation.pdf", "date": "2026-02-01"}],
	"attestations": {"no_cambridge_analytica_services": {"signed": true, "date": "2026-02-01"}},
	"edaa": {
		"status": "trust_seal",
		"joined_at": "2024-03-01",
		"self_certified_at": "2024-08-01",
		"seal_issued_at": "2025-10-15",
		"seal_expires_at": "2027-10-15",
	},
	"gdpr": {"role": "processor", "dpa_signed": true, "transfers_outside_eea": false},
	"data_handling": {"delivers_data_at": "aggregate", "de_identification": "aggregated", "k_min": 100},
	"services_declared": {
		"psychographic_profiling": false,
		"sells_followers_or_engagement": false,
		"bot_or_automation_engagement": false,
		"buys_app_or_quiz_data": false,
		"uses_voter_files": false,
		"programmatic_buying": true,
	},
}

_set(doc, key, value) := object.union(object.remove(doc, [key]), {key: value})

# Set a nested value, e.g. _put(doc, ["edaa", "status"], "none").
_put(doc, [key], value) := _set(doc, key, value)

_put(doc, [key, sub], value) := _set(doc, key, _set(object.get(doc, key, {}), sub, value))

# Remove a nested value.
_drop(doc, [key]) := object.remove(doc, [key])

_drop(doc, [key, sub]) := _set(doc, key, object.remove(object.get(doc, key, {}), [sub]))

_input(doc, related, as_of) := {"kind": "vendor", "as_of": as_of, "document": doc, "related": related, "names": _names}

_deny(doc) := _deny_in(doc, {}, _as_of)

_deny_in(doc, related, as_of) := findings if {
	findings := vendor.deny with input as _input(doc, related, as_of)
		with data.ethiq.index as _index
		with data.ethiq.context as _context
}

_warn(doc) := _warn_at(doc, _as_of)

_warn_at(doc, as_of) := findings if {
	findings := vendor.warn with input as _input(doc, {}, as_of)
		with data.ethiq.index as _index
		with data.ethiq.context as _context
}

_of(findings, rule) := {[f.status, f.path, f.message] | some f in findings; f.rule == rule}

_rules(findings) := {f.rule | some f in findings}

# --- VEN-001 -------------------------------------------------------------------------------------------

# The clean vendor passes every rule, blocking and warning.
test_ven_clean_vendor_passes_every_rule if {
	count(_deny(_clean)) == 0
	count(_warn(_clean)) == 0
}

test_ven_001_registry_id_fails if {
	findings := _deny(_set(_clean, "registry_ids", ["SE-BV:559000-0000", "GB-COH:05514098"]))
	_of(findings, "VEN-001") == {["fail", ["registry_ids", 1], "blocked_registry_id"]}
	some f in findings
	f.params == {"value": "GB-COH:05514098", "entry": "scl_group", "canonical": "SCL Group Ltd"}
}

# Registry ids are compared upper-cased without whitespace.
test_ven_001_registry_id_case_and_spaces_fail if {
	every id in ["gb-coh: 0551 4098", "GB-COH:\t05514098 "] {
		_of(_deny(_set(_clean, "registry_ids", [id])), "VEN-001") == {["fail", ["registry_ids", 0], "blocked_registry_id"]}
	}
}

test_ven_001_review_registry_id_needs_review if {
	findings := _deny(_set(_clean, "registry_ids", ["GB-COH:99999999"]))
	_of(findings, "VEN-001") == {["needs_review", ["registry_ids", 0], "review_registry_id"]}
}

test_ven_001_review_domain_needs_review if {
	findings := _deny(_set(_clean, "domains", ["www.dynamo.example"]))
	_of(findings, "VEN-001") == {["needs_review", ["domains", 0], "review_domain"]}
}

test_ven_001_legal_name_fails if {
	findings := _deny(_set(_clean, "legal_name", "CAMBRIDGE ANALYTICA LLC"))
	_of(findings, "VEN-001") == {["fail", ["legal_name"], "blocked_name"]}
	some f in findings
	f.params == {"value": "CAMBRIDGE ANALYTICA LLC", "entry": "ca_llc", "canonical": "Cambridge Analytica LLC"}
}

test_ven_001_alias_fails_at_its_index if {
	findings := _deny(_set(_clean, "aliases", ["Nordic Reach", "Cambridge-Analytica, L.L.C."]))
	_of(findings, "VEN-001") == {["fail", ["aliases", 1], "blocked_name"]}
}

test_ven_001_trade_name_fails if {
	findings := _deny(object.union(_clean, {"trade_names": ["S.C.L. Group Limited"]}))
	_of(findings, "VEN-001") == {["fail", ["trade_names", 0], "blocked_name"]}
}

# T11: case, punctuation, Cyrillic "а", fullwidth letters, dotted acronyms and spacing all fail.
test_ven_001_t11_unicode_and_case_variants_fail if {
	variants := [
		"CAMBRIDGE ANALYTICA LLC",
		"Cambridge-Analytica, L.L.C.",
		"Cаmbridge Analytica",
		"ＳＣＬ Elections Ltd",
		"S.C.L. Group Limited",
		"scl   elections",
	]
	every name in variants {
		_of(_deny(_set(_clean, "legal_name", name)), "VEN-001") == {["fail", ["legal_name"], "blocked_name"]}
	}
}

# T11: unrelated names sharing a word do not fail.
test_ven_001_t11_false_positives_pass if {
	every name in ["SCL Health", "Cambridge University Press"] {
		_of(_deny(_set(_clean, "legal_name", name)), "VEN-001") == set()
	}
}

# T11: a made-up near name goes to review, never to an automatic fail.
test_ven_001_t11_near_name_needs_review if {
	findings := _deny(_set(_clean, "legal_name", "Cambridge Analytics Nordic AB"))
	_of(findings, "VEN-001") == {["needs_review", ["legal_name"], "near_name"]}
	some f in findings
	f.params == {"value": "Cambridge Analytics Nordic AB", "entry": "ca_llc", "canonical": "Cambridge Analytica LLC"}
}

# The engine may report a near hit as an object naming the entry.
test_ven_001_near_hit_object_needs_review if {
	names := object.union(_names, {"Cambridge Analytics Nordic AB": {"near": {"vendors": [{"id": "ca_llc", "score": 0.93}]}}})
	findings := vendor.deny with input as {"kind": "vendor", "document": _set(_clean, "legal_name", "Cambridge Analytics Nordic AB"), "names": names}
		with data.ethiq.index as _index
		with data.ethiq.context as _context
	_of(findings, "VEN-001") == {["needs_review", ["legal_name"], "near_name"]}
}

test_ven_001_review_entry_needs_review if {
	findings := _deny(_set(_clean, "legal_name", "Dynamo Recoveries Limited"))
	_of(findings, "VEN-001") == {["needs_review", ["legal_name"], "review_name"]}
}

test_ven_001_domain_fails if {
	findings := _deny(_set(_clean, "domains", ["nordicreach.example", "cambridgeanalytica.org"]))
	_of(findings, "VEN-001") == {["fail", ["domains", 1], "blocked_domain"]}
}

# Domains are compared lower-cased, without "www.", a trailing dot, a scheme or a path.
test_ven_001_domain_variants_fail if {
	variants := [
		"WWW.CambridgeAnalytica.org.",
		"https://www.cambridgeanalytica.org/about",
		" cambridgeanalytica.org ",
		"http://user@cambridgeanalytica.org:8080?x=1",
		"cambridgeanalytica.org#top",
	]
	every domain in variants {
		_of(_deny(_set(_clean, "domains", [domain])), "VEN-001") == {["fail", ["domains", 0], "blocked_domain"]}
	}
}

# A subdomain is run by the registrant of its parent domain.
test_ven_001_subdomain_fails if {
	_of(_deny(_set(_clean, "domains", ["uk.cambridgeanalytica.org"])), "VEN-001") == {["fail", ["domains", 0], "blocked_domain"]}
}

test_ven_001_domain_with_same_ending_passes if {
	_of(_deny(_set(_clean, "domains", ["notcambridgeanalytica.org"])), "VEN-001") == set()
}

# A name the engine did not normalise is unchecked: fail closed.
test_ven_001_unindexed_name_needs_review if {
	findings := _deny(_set(_clean, "aliases", ["Nordic Reach", "Brand New Name"]))
	_of(findings, "VEN-001") == {["needs_review", ["aliases", 1], "name_unindexed"]}
}

# A fail settles the rule: the near name is not also sent to review.
test_ven_001_fail_suppresses_review if {
	doc := object.union(_clean, {"legal_name": "Cambridge Analytics Nordic AB", "registry_ids": ["GB-COH:05514098"]})
	_of(_deny(doc), "VEN-001") == {["fail", ["registry_ids", 0], "blocked_registry_id"]}
}

test_ven_001_every_hit_reported if {
	doc := object.union(_clean, {
		"legal_name": "SCL Elections Ltd",
		"registry_ids": ["GB-COH:05514098"],
		"domains": ["cambridgeanalytica.org"],
	})
	names := object.union(_names, {"SCL Elections Ltd": {"norm": "scl elections", "near": _no_near}})
	findings := vendor.deny with input as {"kind": "vendor", "document": doc, "names": names}
		with data.ethiq.index as _index
		with data.ethiq.context as _context
	_of(findings, "VEN-001") == {
		["fail", ["legal_name"], "blocked_name"],
		["fail", ["registry_ids", 0], "blocked_registry_id"],
		["fail", ["domains", 0], "blocked_domain"],
	}
}

# Without a blocklist entry in the context the entry id stands in for the canonical name.
test_ven_001_canonical_falls_back_to_entry if {
	findings := vendor.deny with input as {"kind": "vendor", "document": _set(_clean, "legal_name", "SCL Health"), "names": _names}
		with data.ethiq.index as {"blocked_names": {"scl health": "some_entry"}}
		with data.ethiq.context as {}
	some f in findings
	f.rule == "VEN-001"
	f.params.canonical == "some_entry"
}

# An exact review hit settles the name: its near hits on other entries are not reported as well.
test_ven_001_review_name_suppresses_near if {
	names := object.union(_names, {"Dynamo Recoveries Limited": {"near": {"vendors": ["ca_llc"], "people": []}}})
	findings := vendor.deny with input as {"kind": "vendor", "document": _set(_clean, "legal_name", "Dynamo Recoveries Limited"), "names": names}
		with data.ethiq.index as _index
		with data.ethiq.context as _context
	_of(findings, "VEN-001") == {["needs_review", ["legal_name"], "review_name"]}
}

# --- VEN-009 -------------------------------------------------------------------------------------------

_profiling := ["services_declared", "psychographic_profiling"]

test_ven_009_declared_profiling_fails if {
	findings := _deny(_set(_clean, "services_declared", {"psychographic_profiling": true}))
	_of(findings, "VEN-009") == {["fail", _profiling, "psychographic_profiling"]}
}

test_ven_009_declared_no_profiling_passes if {
	_of(_deny(_clean), "VEN-009") == set()
}

test_ven_009_unknown_for_data_role_needs_review if {
	every services in [{}, {"psychographic_profiling": null}, {"psychographic_profiling": "unknown"}] {
		doc := _set(_set(_clean, "services_declared", services), "roles", ["creative_agency", "dmp", "data_analytics"])
		findings := _deny(doc)
		_of(findings, "VEN-009") == {["needs_review", _profiling, "profiling_unknown"]}
		some f in findings
		f.params == {"roles": "data_analytics, dmp"}
	}
}

test_ven_009_services_missing_for_data_role_needs_review if {
	_of(_deny(object.remove(_clean, ["services_declared"])), "VEN-009") == {["needs_review", _profiling, "profiling_unknown"]}
}

# Outside the data roles an undeclared service is not a finding: a print shop need not declare it.
test_ven_009_unknown_for_creative_agency_passes if {
	doc := _set(_set(_clean, "services_declared", {}), "roles", ["creative_agency"])
	_of(_deny(doc), "VEN-009") == set()
}

test_ven_009_unknown_roles_needs_review if {
	every roles in [null, "unknown"] {
		doc := _set(_set(_clean, "services_declared", {"psychographic_profiling": "unknown"}), "roles", roles)
		_of(_deny(doc), "VEN-009") == {["needs_review", _profiling, "profiling_and_roles_unknown"]}
	}
}

test_ven_009_roles_missing_needs_review if {
	doc := object.remove(_set(_clean, "services_declared", {}), ["roles"])
	_of(_deny(doc), "VEN-009") == {["needs_review", _profiling, "profiling_and_roles_unknown"]}
}

# A declaration settles it whatever the roles.
test_ven_009_declared_profiling_fails_without_roles if {
	doc := object.remove(_set(_clean, "services_declared", {"psychographic_profiling": true}), ["roles"])
	_of(_deny(doc), "VEN-009") == {["fail", _profiling, "psychographic_profiling"]}
}

# --- VEN-002 -------------------------------------------------------------------------------------------

_emerdata_parent := [{"legal_name": "EMERDATA LIMITED", "country": "GB", "ownership_pct": 100}]

# T03: a clean name owned by Emerdata fails through its parent chain.
test_ven_002_t03_emerdata_parent_fails if {
	findings := _deny(_set(_set(_clean, "legal_name", "Nordic Insight AB"), "parent_chain", _emerdata_parent))
	_of(findings, "VEN-002") == {["fail", ["parent_chain", 0, "legal_name"], "blocked_name"]}
	_of(findings, "VEN-001") == {["needs_review", ["legal_name"], "name_unindexed"]}
	some f in findings
	f.rule == "VEN-002"
	f.params == {"value": "EMERDATA LIMITED", "entry": "emerdata", "canonical": "Emerdata Limited", "at": "parent_chain.0"}
}

test_ven_002_ultimate_parent_registry_id_fails if {
	doc := _set(_clean, "ultimate_parent", {"legal_name": "Nordic Holding AB", "registry_id": "GB-COH:09017451"})
	_of(_deny(doc), "VEN-002") == {["fail", ["ultimate_parent", "registry_id"], "blocked_registry_id"]}
}

test_ven_002_predecessor_domain_fails if {
	doc := _set(_clean, "predecessors", [{"legal_name": "Nordic Holding AB"}, {"legal_name": "Sub Processor AB", "domains": ["uk.cambridgeanalytica.org"]}])
	_of(_deny(doc), "VEN-002") == {["fail", ["predecessors", 1, "domains", 0], "blocked_domain"]}
}

test_ven_002_successor_alias_fails if {
	doc := _set(_clean, "successors", [{"legal_name": "Nordic Holding AB", "aliases": ["Emerdata"]}])
	_of(_deny(doc), "VEN-002") == {["fail", ["successors", 0, "aliases", 0], "blocked_name"]}
}

test_ven_002_near_name_in_chain_needs_review if {
	doc := _set(_clean, "parent_chain", [{"legal_name": "Emerdata Nordic Holdings"}])
	_of(_deny(doc), "VEN-002") == {["needs_review", ["parent_chain", 0, "legal_name"], "near_name"]}
}

test_ven_002_review_entry_in_chain_needs_review if {
	doc := _set(_clean, "predecessors", [{"legal_name": "Dynamo Recoveries Limited"}])
	_of(_deny(doc), "VEN-002") == {["needs_review", ["predecessors", 0, "legal_name"], "review_name"]}
}

# An owner with no name, registry id, domain or vendor document cannot be checked: unknown, not clean.
test_ven_002_unidentified_owner_needs_review if {
	doc := _set(_clean, "parent_chain", [{"country": "GB", "ownership_pct": 60}])
	_of(_deny(doc), "VEN-002") == {["needs_review", ["parent_chain", 0], "entity_unidentified"]}
}

test_ven_002_clean_chain_passes if {
	_of(_deny(_clean), "VEN-002") == set()
}

_sub := {"kind": "vendor", "id": "ven_sub", "legal_name": "Sub Processor AB"}

_deep := {"kind": "vendor", "id": "ven_deep", "legal_name": "Deep Sub AB"}

_ca := {"kind": "vendor", "id": "ven_ca", "legal_name": "CAMBRIDGE ANALYTICA LLC"}

_of_trace(findings, rule) := {[f.status, f.path, f.message, object.get(f, "trace", [])] | some f in findings; f.rule == rule}

test_ven_002_sub_processor_fails_with_trace if {
	doc := _set(_clean, "sub_processor_ids", ["ven_ca"])
	findings := _deny_in(doc, {"vendor": {"ven_ca": _ca}}, _as_of)
	_of_trace(findings, "VEN-002") == {["fail", ["sub_processor_ids", 0], "linked_blocked", ["ven_nordic", "ven_ca"]]}
	some f in findings
	f.rule == "VEN-002"
	f.params.vendor == "ven_ca"
	f.params.entry == "ca_llc"
	f.params.chain == "ven_nordic → ven_ca"
}

# Recursion: the sub-processor's sub-processor is owned by Emerdata.
test_ven_002_sub_sub_processor_chain_fails if {
	doc := _set(_clean, "sub_processor_ids", ["ven_sub"])
	sub := _set(_sub, "sub_processor_ids", ["ven_deep"])
	deep := _set(_deep, "parent_chain", _emerdata_parent)
	findings := _deny_in(doc, {"vendor": {"ven_sub": sub, "ven_deep": deep}}, _as_of)
	_of_trace(findings, "VEN-002") == {["fail", ["sub_processor_ids", 0], "linked_blocked", ["ven_nordic", "ven_sub", "ven_deep"]]}
	some f in findings
	f.params.at == "parent_chain.0.legal_name"
}

# An owner described by its own vendor document is judged through it.
test_ven_002_parent_vendor_document_fails if {
	doc := _set(_clean, "parent_chain", [{"legal_name": "Nordic Holding AB", "vendor_id": "ven_ca"}])
	findings := _deny_in(doc, {"vendor": {"ven_ca": _ca}}, _as_of)
	_of(findings, "VEN-002") == {["fail", ["parent_chain", 0, "vendor_id"], "linked_blocked"]}
}

# A cycle of sub-processors terminates, and a clean cycle passes.
test_ven_002_cycle_terminates_and_passes if {
	doc := _set(_clean, "sub_processor_ids", ["ven_sub"])
	sub := _set(_sub, "sub_processor_ids", ["ven_deep", "ven_nordic"])
	deep := _set(_deep, "sub_processor_ids", ["ven_sub", "ven_nordic"])
	findings := _deny_in(doc, {"vendor": {"ven_sub": sub, "ven_deep": deep}}, _as_of)
	_of(findings, "VEN-002") == set()
}

# The vendor itself, reached again through a cycle, is VEN-001's finding, not VEN-002's.
test_ven_002_cycle_back_to_self_not_reported if {
	doc := _set(_set(_clean, "legal_name", "CAMBRIDGE ANALYTICA LLC"), "sub_processor_ids", ["ven_sub"])
	sub := _set(_sub, "sub_processor_ids", ["ven_nordic"])
	findings := _deny_in(doc, {"vendor": {"ven_sub": sub}}, _as_of)
	_of(findings, "VEN-002") == set()
	_of(findings, "VEN-001") == {["fail", ["legal_name"], "blocked_name"]}
}

test_ven_002_missing_sub_processor_needs_review if {
	doc := _set(_clean, "sub_processor_ids", ["ven_gone"])
	findings := _deny_in(doc, {}, _as_of)
	_of_trace(findings, "VEN-002") == {["needs_review", ["sub_processor_ids", 0], "linked_missing", ["ven_nordic", "ven_gone"]]}
}

test_ven_002_missing_deep_sub_processor_needs_review if {
	doc := _set(_clean, "sub_processor_ids", ["ven_sub"])
	sub := _set(_sub, "sub_processor_ids", ["ven_gone"])
	findings := _deny_in(doc, {"vendor": {"ven_sub": sub}}, _as_of)
	_of_trace(findings, "VEN-002") == {["needs_review", ["sub_processor_ids", 0], "linked_missing", ["ven_nordic", "ven_sub", "ven_gone"]]}
}

test_ven_002_near_name_of_sub_processor_needs_review if {
	doc := _set(_clean, "sub_processor_ids", ["ven_sub"])
	sub := _set(_sub, "legal_name", "Cambridge Analytics Nordic AB")
	findings := _deny_in(doc, {"vendor": {"ven_sub": sub}}, _as_of)
	_of(findings, "VEN-002") == {["needs_review", ["sub_processor_ids", 0], "linked_review"]}
}

# A sub-processor whose owner nobody can identify: what it cannot check is shown, and no blocklist entry is
# named (the parameters the linked_unchecked message and the finding's identity carry, each written out).
test_ven_002_unidentified_owner_of_sub_processor_is_unchecked if {
	doc := _set(_clean, "sub_processor_ids", ["ven_sub"])
	sub := _set(_sub, "parent_chain", [{"role": "owner"}])
	findings := _deny_in(doc, {"vendor": {"ven_sub": sub}}, _as_of)
	_of(findings, "VEN-002") == {["needs_review", ["sub_processor_ids", 0], "linked_unchecked"]}
	{f.params | some f in findings; f.rule == "VEN-002"} == {{
		"vendor": "ven_sub",
		"chain": "ven_nordic → ven_sub",
		"at": "parent_chain.0",
		"value": "",
		"entry": "",
		"canonical": "",
	}}
}

# A fail settles the rule: the missing sub-processor is not also sent to review.
test_ven_002_fail_suppresses_review if {
	doc := _set(_set(_clean, "parent_chain", _emerdata_parent), "sub_processor_ids", ["ven_gone"])
	_of(_deny(doc), "VEN-002") == {["fail", ["parent_chain", 0, "legal_name"], "blocked_name"]}
}

# --- VEN-003 -------------------------------------------------------------------------------------------

_people(names) := _set(_clean, "key_people", [{"name": n, "role": "adviser"} | some n in names])

test_ven_003_listed_person_needs_review if {
	doc := _people(["Karin Lund", "Alexander Nix"])
	_of(_warn(doc), "VEN-003") == {["needs_review", ["key_people", 1, "name"], "person_match"]}
	some f in _warn(doc)
	f.params == {"value": "Alexander Nix", "person": "alexander_nix", "canonical": "Alexander Nix"}
}

# Names alone never block.
test_ven_003_never_blocks if {
	not "VEN-003" in _rules(_deny(_people(["Alexander Nix"])))
}

test_ven_003_near_person_needs_review if {
	_of(_warn(_people(["A. Nix"])), "VEN-003") == {["needs_review", ["key_people", 0, "name"], "person_near"]}
}

# Christopher Wylie exposed the company: he is not on the list, and naming him is not a finding.
test_ven_003_christopher_wylie_passes if {
	doc := _people(["Christopher Wylie"])
	_of(_warn(doc), "VEN-003") == set()
	count(_deny(doc)) == 0
}

test_ven_003_unindexed_name_needs_review if {
	_of(_warn(_people(["Someone Unnormalised"])), "VEN-003") == {["needs_review", ["key_people", 0, "name"], "name_unindexed"]}
}

test_ven_003_no_key_people_passes if {
	_of(_warn(object.remove(_clean, ["key_people"])), "VEN-003") == set()
}

# --- VEN-004 -------------------------------------------------------------------------------------------

_signed := ["attestations", "no_cambridge_analytica_services", "signed"]

test_ven_004_not_signed_fails if {
	doc := _put(_clean, ["attestations", "no_cambridge_analytica_services"], {"signed": false})
	findings := _deny(doc)
	_of(findings, "VEN-004") == {["fail", _signed, "not_signed"]}
	some f in findings
	f.params == {"roles": "media_agency"}
}

test_ven_004_signed_without_evidence_fails if {
	_of(_deny(object.remove(_clean, ["evidence"])), "VEN-004") == {["fail", ["evidence"], "no_evidence"]}
}

test_ven_004_evidence_of_other_type_fails if {
	doc := _set(_clean, "evidence", [{"type": "contract", "ref": "dms://contract.pdf"}])
	_of(_deny(doc), "VEN-004") == {["fail", ["evidence"], "no_evidence"]}
}

test_ven_004_missing_attestation_needs_review if {
	every doc in [object.remove(_clean, ["attestations"]), _put(_clean, ["attestations", "no_cambridge_analytica_services"], {"signed": "unknown"})] {
		_of(_deny(doc), "VEN-004") == {["needs_review", _signed, "signed_unknown"]}
	}
}

test_ven_004_signed_with_evidence_passes if {
	_of(_deny(_clean), "VEN-004") == set()
}

# Outside the roles that buy media or handle data the attestation is not required.
test_ven_004_creative_agency_not_applicable if {
	doc := object.remove(_set(_clean, "roles", ["creative_agency"]), ["attestations"])
	_of(_deny(doc), "VEN-004") == set()
}

test_ven_004_roles_unknown_needs_review if {
	doc := object.remove(object.remove(_clean, ["roles"]), ["attestations"])
	_of(_deny(doc), "VEN-004") == {["needs_review", ["roles"], "roles_unknown"]}
}

test_ven_004_roles_unknown_but_attested_passes if {
	_of(_deny(object.remove(_clean, ["roles"])), "VEN-004") == set()
}

# --- VEN-005 -------------------------------------------------------------------------------------------

_status := ["edaa", "status"]

_dsp := _set(_clean, "roles", ["dsp"])

test_ven_005_dsp_outside_edaa_fails if {
	every status in ["none", "withdrawn"] {
		findings := _deny(_set(_dsp, "edaa", {"status": status}))
		_of(findings, "VEN-005") == {["fail", _status, "not_participating"]}
		some f in findings
		f.params == {"roles": "dsp", "status": status}
	}
}

# Every role of the OBA programme's scope, written out here: dropping or renaming one in the library fails.
test_ven_005_each_oba_role_outside_edaa_fails if {
	every role in ["ad_network", "dsp", "ssp", "dmp", "cdp", "data_broker", "data_analytics"] {
		findings := _deny(_set(_set(_clean, "roles", [role]), "edaa", {"status": "none"}))
		_of(findings, "VEN-005") == {["fail", _status, "not_participating"]}
		{f.params | some f in findings; f.rule == "VEN-005"} == {{"roles": role, "status": "none"}}
	}
}

test_ven_005_programmatic_media_agency_outside_edaa_fails if {
	_of(_deny(_set(_clean, "edaa", {"status": "none"})), "VEN-005") == {["fail", _status, "not_participating"]}
}

test_ven_005_status_unknown_needs_review if {
	every doc in [object.remove(_dsp, ["edaa"]), _set(_dsp, "edaa", {"joined_at": "2026-01-01"})] {
		_of(_deny(doc), "VEN-005") == {["needs_review", _status, "status_unknown"]}
	}
}

test_ven_005_participating_passes if {
	every status in ["joined", "self_certified", "trust_seal"] {
		_of(_deny(_set(_dsp, "edaa", {"status": status, "joined_at": "2026-10-01"})), "VEN-005") == set()
	}
}

# T10 variant: a pure creative agency without EDAA is outside the programme's scope: no finding.
test_ven_005_t10_creative_agency_not_applicable if {
	doc := object.remove(_set(_clean, "roles", ["creative_agency"]), ["edaa"])
	_of(_deny(doc), "VEN-005") == set()
}

test_ven_005_media_agency_without_programmatic_not_applicable if {
	doc := _put(_set(_clean, "edaa", {"status": "none"}), ["services_declared", "programmatic_buying"], false)
	_of(_deny(doc), "VEN-005") == set()
}

test_ven_005_media_agency_programmatic_unknown_needs_review if {
	doc := _drop(_set(_clean, "edaa", {"status": "none"}), ["services_declared", "programmatic_buying"])
	_of(_deny(doc), "VEN-005") == {["needs_review", ["services_declared", "programmatic_buying"], "programmatic_unknown"]}
}

test_ven_005_roles_unknown_needs_review if {
	doc := object.remove(object.remove(_clean, ["roles"]), ["edaa"])
	_of(_deny(doc), "VEN-005") == {["needs_review", ["roles"], "roles_unknown"]}
}

# --- VEN-006 -------------------------------------------------------------------------------------------

_seal(expires) := _set(_dsp, "edaa", {"status": "trust_seal", "seal_issued_at": "2024-01-10", "seal_expires_at": expires})

# T10: the status says trust_seal, but the seal expired before as_of.
test_ven_006_t10_seal_expired_fails if {
	findings := _deny(_seal("2026-01-10"))
	_of(findings, "VEN-006") == {["fail", ["edaa", "seal_expires_at"], "seal_expired"]}
	some f in findings
	f.params == {"expires": "2026-01-10", "as_of": "2026-11-23"}
}

test_ven_006_seal_valid_on_as_of_passes if {
	every expires in ["2026-11-23", "2027-10-15"] {
		_of(_deny(_seal(expires)), "VEN-006") == set()
	}
}

test_ven_006_seal_expiry_unknown_needs_review if {
	every doc in [_set(_dsp, "edaa", {"status": "trust_seal"}), _seal("2026-02-30")] {
		_of(_deny(doc), "VEN-006") == {["needs_review", ["edaa", "seal_expires_at"], "seal_expiry_unknown"]}
	}
}

_joined(status, date) := _set(_dsp, "edaa", {"status": status, "joined_at": date})

# T10 variant: joined 7 months ago and still not self-certified.
test_ven_006_t10_joined_seven_months_ago_fails if {
	findings := _deny(_joined("joined", "2026-04-23"))
	_of(findings, "VEN-006") == {["fail", _status, "self_certification_overdue"]}
	some f in findings
	f.params == {"joined": "2026-04-23", "due": "2026-10-23", "months": 6, "as_of": "2026-11-23"}
}

test_ven_006_joined_within_six_months_passes if {
	every joined in ["2026-05-23", "2026-06-01"] {
		_of(_deny(_joined("joined", joined)), "VEN-006") == set()
	}
}

# 31 May + 6 months is 30 November: due that day, overdue the next.
test_ven_006_month_end_is_clamped if {
	_of(_deny_in(_joined("joined", "2026-05-31"), {}, "2026-11-30"), "VEN-006") == set()
	_of(_deny_in(_joined("joined", "2026-05-31"), {}, "2026-12-01"), "VEN-006") == {["fail", _status, "self_certification_overdue"]}
}

test_ven_006_joined_date_unknown_needs_review if {
	doc := _set(_dsp, "edaa", {"status": "joined"})
	_of(_deny(doc), "VEN-006") == {["needs_review", ["edaa", "joined_at"], "joined_unknown"]}
}

test_ven_006_as_of_unknown_needs_review if {
	_of(_deny_in(_seal("2026-01-10"), {}, null), "VEN-006") == {["needs_review", [], "as_of_unknown"]}
}

# The deadlines come from the context.
test_ven_006_months_from_context if {
	findings := vendor.deny with input as _input(_joined("joined", "2026-04-23"), {}, _as_of)
		with data.ethiq.index as _index
		with data.ethiq.context as object.union(_context, {"thresholds": {"edaa_self_certification_months": 12}})
	_of(findings, "VEN-006") == set()
}

# T10 variant: self-certified, 9 months after joining, no seal yet: a warning, not a block.
test_ven_006_t10_self_certified_nine_months_warns if {
	doc := _joined("self_certified", "2026-02-23")
	_of(_warn(doc), "VEN-006") == {["fail", _status, "seal_overdue"]}
	_of(_deny(doc), "VEN-006") == set()
}

test_ven_006_self_certified_within_eight_months_passes if {
	_of(_warn(_joined("self_certified", "2026-03-23")), "VEN-006") == set()
}

test_ven_006_self_certified_joined_unknown_needs_review if {
	doc := _set(_dsp, "edaa", {"status": "self_certified", "self_certified_at": "2026-01-01"})
	_of(_warn(doc), "VEN-006") == {["needs_review", ["edaa", "joined_at"], "joined_unknown"]}
}

# Outside the EDAA programme's scope the seal's currency is not judged.
test_ven_006_creative_agency_not_applicable if {
	doc := _set(_seal("2026-01-10"), "roles", ["creative_agency"])
	_of(_deny(doc), "VEN-006") == set()
}

# --- VEN-007 -------------------------------------------------------------------------------------------

test_ven_007_processor_without_dpa_fails if {
	every role in ["processor", "sub_processor"] {
		findings := _deny(_set(_clean, "gdpr", {"role": role, "dpa_signed": false, "transfers_outside_eea": false}))
		_of(findings, "VEN-007") == {["fail", ["gdpr", "dpa_signed"], "dpa_missing"]}
		some f in findings
		f.params == {"role": role}
	}
}

test_ven_007_dpa_unknown_needs_review if {
	every gdpr in [{"role": "processor"}, {"role": "processor", "dpa_signed": "unknown"}] {
		_of(_deny(_set(_clean, "gdpr", gdpr)), "VEN-007") == {["needs_review", ["gdpr", "dpa_signed"], "dpa_unknown"]}
	}
}

test_ven_007_joint_controller_without_arrangement_fails if {
	doc := _set(_clean, "gdpr", {"role": "joint_controller", "art26_arrangement": false})
	_of(_deny(doc), "VEN-007") == {["fail", ["gdpr", "art26_arrangement"], "art26_missing"]}
}

test_ven_007_joint_controller_arrangement_unknown_needs_review if {
	doc := _set(_clean, "gdpr", {"role": "joint_controller", "dpa_signed": true})
	_of(_deny(doc), "VEN-007") == {["needs_review", ["gdpr", "art26_arrangement"], "art26_unknown"]}
}

test_ven_007_contract_in_place_passes if {
	every gdpr in [{"role": "processor", "dpa_signed": true}, {"role": "joint_controller", "art26_arrangement": true}, {"role": "controller"}] {
		_of(_deny(_set(_clean, "gdpr", gdpr)), "VEN-007") == set()
	}
}

test_ven_007_role_unknown_needs_review if {
	every doc in [object.remove(_clean, ["gdpr"]), _set(_clean, "gdpr", {"dpa_signed": true})] {
		_of(_deny(doc), "VEN-007") == {["needs_review", ["gdpr", "role"], "role_unknown"]}
	}
}

# --- VEN-008 -------------------------------------------------------------------------------------------

_handling(h) := _set(_clean, "data_handling", h)

test_ven_008_individual_data_fails if {
	every g in ["individual", "pseudonymous_individual"] {
		findings := _deny(_handling({"delivers_data_at": g, "de_identification": "anonymised", "k_min": 100}))
		_of(findings, "VEN-008") == {["fail", ["data_handling", "delivers_data_at"], "individual_data"]}
	}
}

test_ven_008_not_de_identified_fails if {
	every m in ["none", "pseudonymised"] {
		findings := _deny(_handling({"delivers_data_at": "aggregate", "de_identification": m, "k_min": 100}))
		_of(findings, "VEN-008") == {["fail", ["data_handling", "de_identification"], "not_de_identified"]}
	}
}

test_ven_008_small_cells_fail if {
	findings := _deny(_handling({"delivers_data_at": "aggregate", "de_identification": "aggregated", "k_min": 50}))
	_of(findings, "VEN-008") == {["fail", ["data_handling", "k_min"], "cell_too_small"]}
	some f in findings
	f.params == {"k_min": 50, "threshold": 100}
}

test_ven_008_threshold_from_context if {
	findings := vendor.deny with input as _input(_handling({"delivers_data_at": "aggregate", "de_identification": "aggregated", "k_min": 50}), {}, _as_of)
		with data.ethiq.index as _index
		with data.ethiq.context as object.union(_context, {"thresholds": {"k_min_vendor_aggregate": 50}})
	_of(findings, "VEN-008") == set()
}

test_ven_008_every_fail_reported if {
	findings := _deny(_handling({"delivers_data_at": "individual", "de_identification": "none", "k_min": 1}))
	_of(findings, "VEN-008") == {
		["fail", ["data_handling", "delivers_data_at"], "individual_data"],
		["fail", ["data_handling", "de_identification"], "not_de_identified"],
		["fail", ["data_handling", "k_min"], "cell_too_small"],
	}
}

test_ven_008_handling_unknown_needs_review if {
	_of(_deny(object.remove(_clean, ["data_handling"])), "VEN-008") == {
		["needs_review", ["data_handling", "delivers_data_at"], "granularity_unknown"],
		["needs_review", ["data_handling", "de_identification"], "de_identification_unknown"],
		["needs_review", ["data_handling", "k_min"], "k_min_unknown"],
	}
}

test_ven_008_aggregate_without_cell_size_needs_review if {
	doc := _handling({"delivers_data_at": "aggregate", "de_identification": "anonymised"})
	_of(_deny(doc), "VEN-008") == {["needs_review", ["data_handling", "k_min"], "k_min_unknown"]}
}

test_ven_008_no_personal_data_passes if {
	_of(_deny(_handling({"delivers_data_at": "none"})), "VEN-008") == set()
}

# A fail settles the rule.
test_ven_008_fail_suppresses_review if {
	doc := _handling({"delivers_data_at": "individual"})
	_of(_deny(doc), "VEN-008") == {["fail", ["data_handling", "delivers_data_at"], "individual_data"]}
}

# --- VEN-010 -------------------------------------------------------------------------------------------

_sells := ["services_declared", "sells_followers_or_engagement"]

_bots := ["services_declared", "bot_or_automation_engagement"]

test_ven_010_engagement_seller_role_fails if {
	_of(_deny(_set(_clean, "roles", ["media_agency", "engagement_seller"])), "VEN-010") == {["fail", ["roles", 1], "engagement_seller_role"]}
}

test_ven_010_sells_engagement_fails if {
	_of(_deny(_put(_clean, _sells, true)), "VEN-010") == {["fail", _sells, "sells_engagement"]}
}

test_ven_010_bots_fail if {
	_of(_deny(_put(_clean, _bots, true)), "VEN-010") == {["fail", _bots, "bot_engagement"]}
}

test_ven_010_declared_none_passes if {
	_of(_deny(_clean), "VEN-010") == set()
}

test_ven_010_unknown_for_influencer_network_needs_review if {
	doc := _drop(_put(_set(_clean, "roles", ["influencer_network"]), _sells, "unknown"), _bots)
	findings := _deny(doc)
	_of(findings, "VEN-010") == {
		["needs_review", _sells, "sells_engagement_unknown"],
		["needs_review", _bots, "bot_engagement_unknown"],
	}
	some f in findings
	f.rule == "VEN-010"
	f.params == {"roles": "influencer_network"}
}

# Every role for which selling engagement is plausible, written out: an undeclared service is reviewed for each.
test_ven_010_unknown_is_reviewed_for_every_engagement_role if {
	every role in ["media_agency", "ad_network", "consultancy", "influencer_network", "automation_tool"] {
		doc := _drop(_put(_set(_clean, "roles", [role]), _sells, "unknown"), _bots)
		_of(_deny(doc), "VEN-010") == {
			["needs_review", _sells, "sells_engagement_unknown"],
			["needs_review", _bots, "bot_engagement_unknown"],
		}
	}
}

test_ven_010_unknown_for_creative_agency_passes if {
	doc := _drop(_drop(_set(_clean, "roles", ["creative_agency"]), _sells), _bots)
	_of(_deny(doc), "VEN-010") == set()
}

test_ven_010_roles_unknown_needs_review if {
	doc := _drop(object.remove(_clean, ["roles"]), _bots)
	_of(_deny(doc), "VEN-010") == {["needs_review", _bots, "roles_unknown"]}
}

# --- VEN-011 -------------------------------------------------------------------------------------------

_app_data := ["services_declared", "buys_app_or_quiz_data"]

_voter := ["services_declared", "uses_voter_files"]

test_ven_011_app_developer_or_broker_role_fails if {
	every role in ["app_developer", "data_broker"] {
		findings := _deny(_set(_clean, "roles", ["media_agency", role]))
		_of(findings, "VEN-011") == {["fail", ["roles", 1], "data_supplier_role"]}
		some f in findings
		f.rule == "VEN-011"
		f.params == {"role": role}
	}
}

test_ven_011_buys_app_data_fails if {
	_of(_deny(_put(_clean, _app_data, true)), "VEN-011") == {["fail", _app_data, "buys_app_data"]}
}

test_ven_011_voter_files_fail if {
	_of(_deny(_put(_clean, _voter, true)), "VEN-011") == {["fail", _voter, "voter_files"]}
}

test_ven_011_declared_none_passes if {
	_of(_deny(_clean), "VEN-011") == set()
}

test_ven_011_unknown_for_data_role_needs_review if {
	doc := _drop(_put(_set(_clean, "roles", ["data_analytics"]), _app_data, "unknown"), _voter)
	_of(_deny(doc), "VEN-011") == {
		["needs_review", _app_data, "buys_app_data_unknown"],
		["needs_review", _voter, "voter_files_unknown"],
	}
}

test_ven_011_unknown_for_creative_agency_passes if {
	doc := _drop(_drop(_set(_clean, "roles", ["creative_agency"]), _app_data), _voter)
	_of(_deny(doc), "VEN-011") == set()
}

test_ven_011_roles_unknown_needs_review if {
	_of(_deny(object.remove(_clean, ["roles"])), "VEN-011") == {["needs_review", ["roles"], "roles_unknown"]}
}

# A fail settles the rule.
test_ven_011_fail_suppresses_review if {
	doc := _drop(_set(_clean, "roles", ["data_broker"]), _voter)
	_of(_deny(doc), "VEN-011") == {["fail", ["roles", 0], "data_supplier_role"]}
}

# --- VEN-012 -------------------------------------------------------------------------------------------

_gdpr(extra) := _set(_clean, "gdpr", object.union({"role": "processor", "dpa_signed": true}, extra))

test_ven_012_transfer_without_mechanism_fails if {
	every extra in [{"transfers_outside_eea": true, "transfer_mechanism": "none"}, {"transfers_outside_eea": true}] {
		_of(_deny(_gdpr(extra)), "VEN-012") == {["fail", ["gdpr", "transfer_mechanism"], "no_transfer_mechanism"]}
	}
}

test_ven_012_transfer_with_mechanism_passes if {
	every mechanism in ["adequacy", "dpf", "scc", "bcr"] {
		_of(_deny(_gdpr({"transfers_outside_eea": true, "transfer_mechanism": mechanism})), "VEN-012") == set()
	}
}

test_ven_012_no_transfer_passes if {
	_of(_deny(_clean), "VEN-012") == set()
}

test_ven_012_transfers_unknown_needs_review if {
	every extra in [{}, {"transfers_outside_eea": "unknown"}] {
		_of(_deny(_gdpr(extra)), "VEN-012") == {["needs_review", ["gdpr", "transfers_outside_eea"], "transfers_unknown"]}
	}
}
