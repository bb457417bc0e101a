package ethiq.rules.all_test

import data.ethiq.rules.all

test_ref_001_direct_unresolved_reference if {
	findings := all.warn with input as {"unresolved": [{"kind": "vendor", "id": "ven_gone", "via": ["vendor_id"], "chain": ["ds_x", "ven_gone"]}]}
	findings == {{
		"rule": "REF-001", "status": "needs_review", "path": ["vendor_id"],
		"params": {"target_kind": "vendor", "target": "ven_gone"}, "trace": ["ds_x", "ven_gone"],
	}}
}

test_ref_001_deeper_unresolved_reference_is_left_to_its_holder if {
	count(all.warn) == 0 with input as {"unresolved": [{"kind": "vendor", "id": "v", "via": ["lineage", "derived_from", 0], "chain": ["ds_x", "ds_y", "v"]}]}
}

test_ref_001_resolved_references_pass if {
	count(all.warn) == 0 with input as {"unresolved": []}
}
