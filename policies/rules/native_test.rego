package ethiq.rules.all_test

import data.ethiq.rules.all

test_nat_001_and_nat_002_read_the_derived_native_input if {
	findings := all.deny with input as {"derived": {"native": {
		"platform": "meta",
		"unknown": [{"path": ["native_spec", "foo"], "key": "foo", "reason": "unknown_key"}],
		"declared_mismatch": [{"view_path": ["normalized", "include", 0], "native_path": ["native_spec", "flexible_spec", 0, "interests", 0], "declared_path": null, "what": "missing"}],
	}}}
	findings == {
		{"rule": "NAT-001", "status": "fail", "path": ["native_spec", "flexible_spec", 0, "interests", 0], "message": "missing", "params": {
			"view": "$.normalized.include[0]", "native": "$.native_spec.flexible_spec[0].interests[0]", "declared": "-", "platform": "meta",
		}},
		{"rule": "NAT-002", "status": "needs_review", "path": ["native_spec", "foo"], "message": "unknown_key", "params": {
			"key": "foo", "native": "$.native_spec.foo", "platform": "meta",
		}},
	}
}

test_nat_rules_are_silent_without_native_json if {
	count(all.deny) == 0 with input as {"document": {"kind": "vendor"}}
	count(all.deny) == 0 with input as {"derived": {"native": {"platform": "meta", "unknown": [], "declared_mismatch": []}}}
}
