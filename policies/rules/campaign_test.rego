package ethiq.rules.campaign_test

import data.ethiq.rules.campaign

# --- fixtures ----------------------------------------------------------------------------------------------

_clean := {
	"kind": "campaign",
	"id": "cmp_2026",
	"sponsor_legal_name": "Liberalerna",
	"election_ids": ["SE-RIKSDAG-2026"],
	"vendor_ids": ["ven_ok"],
	"data_source_ids": ["ds_ok"],
	"channels": ["paid_social", "email_newsletter"],
	"ttpa": {
		"internal_policy_url": "https://www.liberalerna.se/integritet/riktad-politisk-reklam",
		"records_ref": "dms://ttpa/records/2026",
		"risk_assessment": {"date": "2026-05-15"},
		"sponsor_declaration_ref": "dms://ttpa/sponsor-declaration-2026",
	},
	"evidence": [
		{"type": "url", "ref": "https://www.liberalerna.se/integritet/riktad-politisk-reklam", "date": "2026-06-01"},
		{"type": "file", "ref": "dms://ttpa/records/2026"},
		{"type": "memo", "ref": "dms://ttpa/risk-assessment-2026.pdf", "date": "2026-05-15"},
		{"type": "attestation", "ref": "dms://ttpa/sponsor-declaration-2026", "date": "2026-06-01"},
	],
}

# The member documents say which reasons the mocked libraries give for them: the gate's own logic is tested
# here, the vendor and data-source rules in their own tests.
_reasons_of(doc, _) := {r | some r in object.get(doc, "x-reasons", [])}

_ven_fail := {"rule": "VEN-007", "status": "fail", "path": ["gdpr", "dpa_signed"], "message": "dpa_missing", "params": {}}

_ven_review := {"rule": "VEN-009", "status": "needs_review", "path": ["services_declared", "psychographic_profiling"], "message": "unknown", "params": {}}

_dat_fail := {"rule": "DAT-001", "status": "fail", "path": ["legal_basis", "art6"], "message": "art6_missing", "params": {}}

_related(vendor_reasons, source_reasons) := {
	"vendor": {"ven_ok": {"kind": "vendor", "id": "ven_ok", "x-reasons": vendor_reasons}},
	"data_source": {"ds_ok": {
		"kind": "data_source",
		"id": "ds_ok",
		"subject_scope": "subscribers",
		"collection": {"collected_by": "party"},
		"x-reasons": source_reasons,
	}},
}

_links := [
	{"kind": "vendor", "id": "ven_ok", "via": ["vendor_ids", 0], "chain": ["cmp_2026", "ven_ok"], "relation": "campaign_vendor"},
	{"kind": "data_source", "id": "ds_ok", "via": ["data_source_ids", 0], "chain": ["cmp_2026", "ds_ok"], "relation": "campaign_data_source"},
]

_names := {
	"Liberalerna": {"norm": "liberalerna"},
	"Kampanjbyrån AB": {"norm": "kampanjbyran"},
}

_index := {"party_names": {"liberalerna": true}}

_context := {"elections": [
	{"id": "SE-RIKSDAG-2026", "country": "SE", "date": "2026-09-13", "voting_age": 18},
	{"id": "SE-NO-AGE", "country": "SE", "date": "2026-09-13"},
	{"id": "SE-NO-DATE", "country": "SE", "voting_age": 18},
]}

_input(doc, related, links, unresolved) := {
	"kind": "campaign",
	"as_of": "2026-11-23",
	"document": doc,
	"related": related,
	"links": links,
	"unresolved": unresolved,
	"names": _names,
}

_deny_graph(doc, related, links, unresolved) := findings if {
	findings := campaign.deny with input as _input(doc, related, links, unresolved)
		with data.ethiq.context as _context
		with data.ethiq.index as _index
		with data.ethiq.lib.vendors.block_reasons as _reasons_of
		with data.ethiq.lib.data_sources.block_reasons as _reasons_of
}

_deny(doc) := _deny_graph(doc, _related([], []), _links, [])

_warn(doc) := findings if {
	findings := campaign.warn with input as _input(doc, _related([], []), _links, [])
		with data.ethiq.context as _context
		with data.ethiq.index as _index
}

_of(findings, rule) := {[f.status, f.path, f.message] | some f in findings; f.rule == rule}

_set(doc, patch) := object.union(doc, patch)

test_clean_campaign_has_no_finding if {
	count(_deny(_clean)) == 0
	count(_warn(_clean)) == 0
}

# --- CMP-004 ---------------------------------------------------------------------------------------------

test_cmp_004_clean_members_pass if {
	_of(_deny(_clean), "CMP-004") == set()
}

test_cmp_004_failing_vendor_fails if {
	findings := _deny_graph(_clean, _related([_ven_fail, _ven_review], []), _links, [])
	_of(findings, "CMP-004") == {["fail", ["vendor_ids", 0], "vendor_blocked"]}
	some f in findings
	f.rule == "CMP-004"
	f.trace == ["cmp_2026", "ven_ok"]
	f.params.rules == "VEN-007 (gdpr.dpa_signed)"
	f.params.member == "ven_ok"
}

test_cmp_004_unchecked_vendor_needs_review if {
	findings := _deny_graph(_clean, _related([_ven_review], []), _links, [])
	_of(findings, "CMP-004") == {["needs_review", ["vendor_ids", 0], "vendor_unchecked"]}
}

test_cmp_004_failing_data_source_fails if {
	findings := _deny_graph(_clean, _related([], [_dat_fail]), _links, [])
	_of(findings, "CMP-004") == {["fail", ["data_source_ids", 0], "source_blocked"]}
}

test_cmp_004_unresolved_member_needs_review if {
	gone := {"kind": "vendor", "id": "ven_gone", "via": ["vendor_ids", 1], "chain": ["cmp_2026", "ven_gone"]}
	doc := _set(_clean, {"vendor_ids": ["ven_ok", "ven_gone"]})
	findings := _deny_graph(doc, _related([], []), _links, [gone])
	_of(findings, "CMP-004") == {["needs_review", ["vendor_ids", 1], "unresolved"]}
}

test_cmp_004_member_missing_from_related_needs_review if {
	findings := _deny_graph(_clean, {"data_source": _related([], []).data_source}, _links, [])
	_of(findings, "CMP-004") == {["needs_review", ["vendor_ids", 0], "unresolved"]}
}

test_cmp_004_deeper_routes_are_the_members_own if {
	# A vendor reached through a data source's vendor_id is judged inside the source's own reasons.
	deep := {"kind": "vendor", "id": "ven_deep", "via": ["data_source_ids", 0], "chain": ["cmp_2026", "ds_ok", "ven_deep"]}
	related := object.union(_related([], []), {"vendor": {"ven_deep": {"kind": "vendor", "id": "ven_deep", "x-reasons": [_ven_fail]}}})
	findings := _deny_graph(_clean, related, array.concat(_links, [deep]), [])
	_of(findings, "CMP-004") == set()
}

# --- CMP-006 ---------------------------------------------------------------------------------------------

test_cmp_006_declared_election_passes if {
	_of(_deny(_clean), "CMP-006") == set()
}

test_cmp_006_paid_party_campaign_without_election_fails if {
	_of(_deny(json.remove(_clean, ["election_ids"])), "CMP-006") == {["fail", ["election_ids"], "no_elections"]}
	_of(_deny(_set(_clean, {"election_ids": []})), "CMP-006") == {["fail", ["election_ids"], "no_elections"]}
}

test_cmp_006_campaign_with_political_ad_without_election_fails if {
	doc := _set(json.remove(_clean, ["election_ids"]), {"channels": ["organic"], "ad_ids": ["ad_1"]})
	related := object.union(_related([], []), {"ad": {"ad_1": {"kind": "ad", "id": "ad_1", "political": {"is_political_advertisement": true}}}})
	_of(_deny_graph(doc, related, _links, []), "CMP-006") == {["fail", ["election_ids"], "no_elections"]}
}

test_cmp_006_unknown_election_fails if {
	doc := _set(_clean, {"election_ids": ["SE-RIKSDAG-2026", "SE-EU-2029"]})
	_of(_deny(doc), "CMP-006") == {["fail", ["election_ids", 1], "election_unknown"]}
}

test_cmp_006_election_without_voting_age_or_date_fails if {
	doc := _set(_clean, {"election_ids": ["SE-NO-AGE", "SE-NO-DATE"]})
	_of(_deny(doc), "CMP-006") == {
		["fail", ["election_ids", 0], "voting_age_missing"],
		["fail", ["election_ids", 1], "date_missing"],
	}
}

test_cmp_006_newsletter_without_election_passes if {
	doc := _set(json.remove(_clean, ["election_ids"]), {"channels": ["email_newsletter", "member_mailing"]})
	_of(_deny(doc), "CMP-006") == set()
}

test_cmp_006_non_party_sponsor_without_election_passes if {
	doc := _set(json.remove(_clean, ["election_ids"]), {"sponsor_legal_name": "Kampanjbyrån AB"})
	_of(_deny(doc), "CMP-006") == set()
}

test_cmp_006_channels_unknown_needs_review if {
	doc := json.remove(_clean, ["election_ids", "channels"])
	_of(_deny(doc), "CMP-006") == {["needs_review", ["channels"], "channels_unknown"]}
}

test_cmp_006_paid_channel_with_unknown_sponsor_needs_review if {
	doc := json.remove(_clean, ["election_ids", "sponsor_legal_name"])
	_of(_deny(doc), "CMP-006") == {["needs_review", ["sponsor_legal_name"], "sponsor_unknown"]}
}

test_cmp_006_ad_of_unknown_classification_needs_review if {
	doc := _set(json.remove(_clean, ["election_ids"]), {"channels": ["organic"], "ad_ids": ["ad_1"]})
	related := object.union(_related([], []), {"ad": {"ad_1": {"kind": "ad", "id": "ad_1"}}})
	_of(_deny_graph(doc, related, _links, []), "CMP-006") == {["needs_review", ["ad_ids", 0], "ad_political_unknown"]}
}

# --- CMP-007 ---------------------------------------------------------------------------------------------

test_cmp_007_backed_assertions_pass if {
	_of(_warn(_clean), "CMP-007") == set()
}

test_cmp_007_unbacked_assertions_warn if {
	_of(_warn(json.remove(_clean, ["evidence"])), "CMP-007") == {
		["fail", ["ttpa", "sponsor_declaration_ref"], "evidence_missing"],
		["fail", ["ttpa", "records_ref"], "evidence_missing"],
		["fail", ["ttpa", "internal_policy_url"], "evidence_missing"],
		["fail", ["ttpa", "risk_assessment"], "evidence_missing"],
	}
}

test_cmp_007_evidence_must_name_the_reference if {
	doc := _set(_clean, {"ttpa": {"records_ref": "dms://ttpa/records/2026-v2"}})
	_of(_warn(doc), "CMP-007") == {["fail", ["ttpa", "records_ref"], "evidence_missing"]}
}

test_cmp_007_risk_assessment_backed_by_its_url if {
	doc := _set(_clean, {
		"ttpa": {"risk_assessment": {"date": "2026-05-16", "url": "https://intra.liberalerna.se/ttpa/risk-2026"}},
		"evidence": array.concat(_clean.evidence, [{"type": "url", "ref": "https://intra.liberalerna.se/ttpa/risk-2026"}]),
	})
	_of(_warn(doc), "CMP-007") == set()
}

test_cmp_007_risk_assessment_on_another_day_warns if {
	doc := _set(_clean, {"ttpa": {"risk_assessment": {"date": "2026-05-16"}}})
	_of(_warn(doc), "CMP-007") == {["fail", ["ttpa", "risk_assessment"], "evidence_missing"]}
}

test_cmp_007_nothing_asserted_passes if {
	doc := json.remove(_clean, ["ttpa", "evidence"])
	_of(_warn(doc), "CMP-007") == set()
	_of(_warn(_set(doc, {"ttpa": {"records_ref": ""}})), "CMP-007") == set()
}

# --- CMP-001, CMP-002, CMP-003, CMP-005: wiring (conditions: ethiq.lib.ttpa_test) ----------------------------

_targeted := {
	"ad": {"ad_1": {
		"kind": "ad",
		"id": "ad_1",
		"platform": "meta",
		"audience_ids": ["aud_1"],
		"political": {"is_political_advertisement": true},
		"schedule": {"start": "2026-08-20"},
	}},
	"audience": {"aud_1": {"kind": "audience", "id": "aud_1", "platform": "meta", "normalized": {"include": [{"type": "interest"}]}}},
}

_run_targeted(doc) := {"deny": d, "warn": w} if {
	related := object.union(_related([], []), _targeted)
	d := campaign.deny with input as _input(doc, related, _links, []) with data.ethiq.context as _context
		with data.ethiq.index as _index
		with data.ethiq.lib.vendors.block_reasons as _reasons_of
		with data.ethiq.lib.data_sources.block_reasons as _reasons_of
	w := campaign.warn with input as _input(doc, related, _links, []) with data.ethiq.context as _context
		with data.ethiq.index as _index
		with data.ethiq.lib.vendors.block_reasons as _reasons_of
		with data.ethiq.lib.data_sources.block_reasons as _reasons_of
}

_targeting_campaign := object.union(_clean, {"ad_ids": ["ad_1"], "ttpa": {"internal_policy_published_at": "2026-06-01"}})

test_cmp_001_to_003_targeting_campaign_with_its_duties_passes if {
	r := _run_targeted(_targeting_campaign)
	count({f | some f in r.deny; f.rule in {"CMP-001", "CMP-002", "CMP-003"}}) == 0
	count({f | some f in r.warn; f.rule == "CMP-003"}) == 0
}

test_cmp_001_to_003_duties_missing_are_denies if {
	doc := json.remove(_targeting_campaign, ["ttpa"])
	r := _run_targeted(doc)
	_of(r.deny, "CMP-001") == {["fail", ["ttpa", "internal_policy_url"], "policy_missing"]}
	_of(r.deny, "CMP-002") == {["fail", ["ttpa", "records_ref"], "records_missing"]}
	_of(r.deny, "CMP-003") == {["fail", ["ttpa", "risk_assessment", "date"], "assessment_missing"]}
}

test_cmp_003_stale_assessment_is_a_warning if {
	doc := json.patch(_targeting_campaign, [{"op": "replace", "path": "/ttpa/risk_assessment", "value": {"date": "2025-11-01"}}])
	r := _run_targeted(doc)
	_of(r.warn, "CMP-003") == {["fail", ["ttpa", "risk_assessment", "date"], "assessment_stale"]}
	_of(r.deny, "CMP-003") == set()
}

test_cmp_005_sms_to_non_members_is_a_warning if {
	doc := object.union(_clean, {"channels": ["sms"]})
	related := json.patch(_related([], []), [{"op": "replace", "path": "/data_source/ds_ok/subject_scope", "value": "voters_general"}])
	findings := campaign.warn with input as _input(doc, related, _links, []) with data.ethiq.context as _context
		with data.ethiq.index as _index
		with data.ethiq.lib.vendors.block_reasons as _reasons_of
		with data.ethiq.lib.data_sources.block_reasons as _reasons_of
	_of(findings, "CMP-005") == {["fail", ["data_source_ids", 0], "non_members"]}
}

test_cmp_005_vendor_collected_source_is_advice if {
	doc := object.union(_clean, {"channels": ["member_mailing"]})
	related := json.patch(_related([], []), [{"op": "replace", "path": "/data_source/ds_ok/collection/collected_by", "value": "ven_ok"}])
	findings := campaign.info with input as _input(doc, related, _links, []) with data.ethiq.context as _context
		with data.ethiq.index as _index
		with data.ethiq.lib.vendors.block_reasons as _reasons_of
		with data.ethiq.lib.data_sources.block_reasons as _reasons_of
	_of(findings, "CMP-005") == {["fail", ["data_source_ids", 0], "not_collected_by_party"]}
}
