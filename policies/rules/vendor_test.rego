package ethiq.rules.vendor_test

import data.ethiq.rules.vendor

# --- fixtures: the index and context as the engine derives them from a CA blocklist ---------------------

_index := {
	"blocked_names": {
		"cambridge analytica": "ca_llc",
		"scl elections": "scl_elections",
		"scl group": "scl_group",
		"scl": "scl_group",
	},
	"review_names": {"dynamo recoveries": "dynamo"},
	"blocked_registry_ids": {"GB-COH:05514098": "scl_group"},
	"blocked_domains": {"cambridgeanalytica.org": "ca_llc"},
	"review_registry_ids": {"GB-COH:99999999": "dynamo"},
	"review_domains": {"dynamo.example": "dynamo"},
	"party_names": {"liberalerna": true},
}

_context := {"blocklists": {"vendors": {
	"ca_llc": {"canonical_name": "Cambridge Analytica LLC"},
	"scl_elections": {"canonical_name": "SCL Elections Ltd"},
	"scl_group": {"canonical_name": "SCL Group Ltd"},
	"dynamo": {"canonical_name": "Dynamo Recoveries Limited"},
}}}

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
}

# A vendor that passes both rules.
_clean := {
	"kind": "vendor",
	"id": "ven_nordic",
	"legal_name": "Nordic Reach AB",
	"aliases": ["Nordic Reach"],
	"registry_ids": ["SE-BV:559000-0000"],
	"domains": ["nordicreach.example"],
	"roles": ["media_agency"],
	"services_declared": {"psychographic_profiling": false},
}

_set(doc, key, value) := object.union(object.remove(doc, [key]), {key: value})

_deny(doc) := findings if {
	findings := vendor.deny with input as {"kind": "vendor", "document": doc, "related": {}, "names": _names}
		with data.ethiq.index as _index
		with data.ethiq.context as _context
}

_of(findings, rule) := {[f.status, f.path, f.message] | some f in findings; f.rule == rule}

# --- VEN-001 -------------------------------------------------------------------------------------------

test_ven001_clean_vendor_passes if {
	count(_deny(_clean)) == 0
}

test_ven001_registry_id_fails if {
	findings := _deny(_set(_clean, "registry_ids", ["SE-BV:559000-0000", "GB-COH:05514098"]))
	_of(findings, "VEN-001") == {["fail", ["registry_ids", 1], "blocked_registry_id"]}
	some f in findings
	f.params == {"value": "GB-COH:05514098", "entry": "scl_group", "canonical": "SCL Group Ltd"}
}

# Registry ids are compared upper-cased without whitespace.
test_ven001_registry_id_case_and_spaces_fail if {
	every id in ["gb-coh: 0551 4098", "GB-COH:\t05514098 "] {
		_of(_deny(_set(_clean, "registry_ids", [id])), "VEN-001") == {["fail", ["registry_ids", 0], "blocked_registry_id"]}
	}
}

test_ven001_review_registry_id_needs_review if {
	findings := _deny(_set(_clean, "registry_ids", ["GB-COH:99999999"]))
	_of(findings, "VEN-001") == {["needs_review", ["registry_ids", 0], "review_registry_id"]}
}

test_ven001_review_domain_needs_review if {
	findings := _deny(_set(_clean, "domains", ["www.dynamo.example"]))
	_of(findings, "VEN-001") == {["needs_review", ["domains", 0], "review_domain"]}
}

test_ven001_legal_name_fails if {
	findings := _deny(_set(_clean, "legal_name", "CAMBRIDGE ANALYTICA LLC"))
	_of(findings, "VEN-001") == {["fail", ["legal_name"], "blocked_name"]}
	some f in findings
	f.params == {"value": "CAMBRIDGE ANALYTICA LLC", "entry": "ca_llc", "canonical": "Cambridge Analytica LLC"}
}

test_ven001_alias_fails_at_its_index if {
	findings := _deny(_set(_clean, "aliases", ["Nordic Reach", "Cambridge-Analytica, L.L.C."]))
	_of(findings, "VEN-001") == {["fail", ["aliases", 1], "blocked_name"]}
}

test_ven001_trade_name_fails if {
	findings := _deny(object.union(_clean, {"trade_names": ["S.C.L. Group Limited"]}))
	_of(findings, "VEN-001") == {["fail", ["trade_names", 0], "blocked_name"]}
}

# T11: case, punctuation, Cyrillic "а", fullwidth letters, dotted acronyms and spacing all fail.
test_ven001_t11_unicode_and_case_variants_fail if {
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
test_ven001_t11_false_positives_pass if {
	every name in ["SCL Health", "Cambridge University Press"] {
		_of(_deny(_set(_clean, "legal_name", name)), "VEN-001") == set()
	}
}

# T11: a made-up near name goes to review, never to an automatic fail.
test_ven001_t11_near_name_needs_review if {
	findings := _deny(_set(_clean, "legal_name", "Cambridge Analytics Nordic AB"))
	_of(findings, "VEN-001") == {["needs_review", ["legal_name"], "near_name"]}
	some f in findings
	f.params == {"value": "Cambridge Analytics Nordic AB", "entry": "ca_llc", "canonical": "Cambridge Analytica LLC"}
}

# The engine may report a near hit as an object naming the entry.
test_ven001_near_hit_object_needs_review if {
	names := object.union(_names, {"Cambridge Analytics Nordic AB": {"near": {"vendors": [{"id": "ca_llc", "score": 0.93}]}}})
	findings := vendor.deny with input as {"kind": "vendor", "document": _set(_clean, "legal_name", "Cambridge Analytics Nordic AB"), "names": names}
		with data.ethiq.index as _index
		with data.ethiq.context as _context
	_of(findings, "VEN-001") == {["needs_review", ["legal_name"], "near_name"]}
}

test_ven001_review_entry_needs_review if {
	findings := _deny(_set(_clean, "legal_name", "Dynamo Recoveries Limited"))
	_of(findings, "VEN-001") == {["needs_review", ["legal_name"], "review_name"]}
}

test_ven001_domain_fails if {
	findings := _deny(_set(_clean, "domains", ["nordicreach.example", "cambridgeanalytica.org"]))
	_of(findings, "VEN-001") == {["fail", ["domains", 1], "blocked_domain"]}
}

# Domains are compared lower-cased, without "www.", a trailing dot, a scheme or a path.
test_ven001_domain_variants_fail if {
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
test_ven001_subdomain_fails if {
	_of(_deny(_set(_clean, "domains", ["uk.cambridgeanalytica.org"])), "VEN-001") == {["fail", ["domains", 0], "blocked_domain"]}
}

test_ven001_domain_with_same_ending_passes if {
	_of(_deny(_set(_clean, "domains", ["notcambridgeanalytica.org"])), "VEN-001") == set()
}

# A name the engine did not normalise is unchecked: fail closed.
test_ven001_unindexed_name_needs_review if {
	findings := _deny(_set(_clean, "aliases", ["Nordic Reach", "Brand New Name"]))
	_of(findings, "VEN-001") == {["needs_review", ["aliases", 1], "name_unindexed"]}
}

# A fail settles the rule: the near name is not also sent to review.
test_ven001_fail_suppresses_review if {
	doc := object.union(_clean, {"legal_name": "Cambridge Analytics Nordic AB", "registry_ids": ["GB-COH:05514098"]})
	_of(_deny(doc), "VEN-001") == {["fail", ["registry_ids", 0], "blocked_registry_id"]}
}

test_ven001_every_hit_reported if {
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
test_ven001_canonical_falls_back_to_entry if {
	findings := vendor.deny with input as {"kind": "vendor", "document": _set(_clean, "legal_name", "SCL Health"), "names": _names}
		with data.ethiq.index as {"blocked_names": {"scl health": "some_entry"}}
		with data.ethiq.context as {}
	some f in findings
	f.rule == "VEN-001"
	f.params.canonical == "some_entry"
}

# An exact review hit settles the name: its near hits on other entries are not reported as well.
test_ven001_review_name_suppresses_near if {
	names := object.union(_names, {"Dynamo Recoveries Limited": {"near": {"vendors": ["ca_llc"], "people": []}}})
	findings := vendor.deny with input as {"kind": "vendor", "document": _set(_clean, "legal_name", "Dynamo Recoveries Limited"), "names": names}
		with data.ethiq.index as _index
		with data.ethiq.context as _context
	_of(findings, "VEN-001") == {["needs_review", ["legal_name"], "review_name"]}
}

# --- VEN-009 -------------------------------------------------------------------------------------------

_profiling := ["services_declared", "psychographic_profiling"]

test_ven009_declared_profiling_fails if {
	findings := _deny(_set(_clean, "services_declared", {"psychographic_profiling": true}))
	_of(findings, "VEN-009") == {["fail", _profiling, "psychographic_profiling"]}
}

test_ven009_declared_no_profiling_passes if {
	_of(_deny(_clean), "VEN-009") == set()
}

test_ven009_unknown_for_data_role_needs_review if {
	every services in [{}, {"psychographic_profiling": null}, {"psychographic_profiling": "unknown"}] {
		doc := _set(_set(_clean, "services_declared", services), "roles", ["creative_agency", "dmp", "data_analytics"])
		findings := _deny(doc)
		_of(findings, "VEN-009") == {["needs_review", _profiling, "profiling_unknown"]}
		some f in findings
		f.params == {"roles": "data_analytics, dmp"}
	}
}

test_ven009_services_missing_for_data_role_needs_review if {
	_of(_deny(object.remove(_clean, ["services_declared"])), "VEN-009") == {["needs_review", _profiling, "profiling_unknown"]}
}

# Outside the data roles an undeclared service is not a finding: a print shop need not declare it.
test_ven009_unknown_for_creative_agency_passes if {
	doc := _set(_set(_clean, "services_declared", {}), "roles", ["creative_agency"])
	_of(_deny(doc), "VEN-009") == set()
}

test_ven009_unknown_roles_needs_review if {
	every roles in [null, "unknown"] {
		doc := _set(_set(_clean, "services_declared", {"psychographic_profiling": "unknown"}), "roles", roles)
		_of(_deny(doc), "VEN-009") == {["needs_review", _profiling, "profiling_and_roles_unknown"]}
	}
}

test_ven009_roles_missing_needs_review if {
	doc := object.remove(_set(_clean, "services_declared", {}), ["roles"])
	_of(_deny(doc), "VEN-009") == {["needs_review", _profiling, "profiling_and_roles_unknown"]}
}

# A declaration settles it whatever the roles.
test_ven009_declared_profiling_fails_without_roles if {
	doc := object.remove(_set(_clean, "services_declared", {"psychographic_profiling": true}), ["roles"])
	_of(_deny(doc), "VEN-009") == {["fail", _profiling, "psychographic_profiling"]}
}
