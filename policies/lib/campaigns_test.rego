package ethiq.lib.campaigns_test

import data.ethiq.lib.campaigns

_names := {"Liberalerna": {"norm": "liberalerna"}, "Kampanjbyrån AB": {"norm": "kampanjbyran"}}

_index := {"party_names": {"liberalerna": true}}

_political(campaign, related) := v if {
	v := campaigns.political(campaign, related, _names) with data.ethiq.index as _index
}

test_political_by_election if {
	_political({"election_ids": ["SE-RIKSDAG-2026"]}, {}) == "yes"
}

test_political_by_paid_channel_and_party_sponsor if {
	_political({"channels": ["search"], "sponsor_legal_name": "Liberalerna"}, {}) == "yes"
	_political({"channels": ["video"], "sponsor_entity": "Liberalerna"}, {}) == "yes"
}

test_political_by_political_ad if {
	related := {"ad": {"ad_1": {"political": {"is_political_advertisement": true}}}}
	_political({"channels": ["organic"], "ad_ids": ["ad_1"]}, related) == "yes"
}

test_not_political if {
	_political({"channels": ["email_newsletter"], "sponsor_legal_name": "Liberalerna"}, {}) == "no"
	_political({"channels": ["paid_social"], "sponsor_legal_name": "Kampanjbyrån AB"}, {}) == "no"
	related := {"ad": {"ad_1": {"political": {"is_political_advertisement": false}}}}
	_political({"channels": ["organic"], "ad_ids": ["ad_1"]}, related) == "no"
}

test_political_unknown if {
	_political({}, {}) == "unknown"
	_political({"channels": ["display"]}, {}) == "unknown"
	_political({"channels": ["display"], "sponsor_legal_name": "Okänd sponsor"}, {}) == "unknown"
	_political({"channels": ["organic"], "ad_ids": ["ad_1"]}, {"ad": {"ad_1": {}}}) == "unknown"
}

test_assertions_cover_the_campaigns_duties if {
	{concat(".", a.path) | some a in campaigns.assertions} == {
		"ttpa.sponsor_declaration_ref",
		"ttpa.records_ref",
		"ttpa.internal_policy_url",
		"ttpa.risk_assessment",
	}
}

test_cmp_007_unknown_values_are_not_assertions if {
	campaigns.cmp007({"ttpa": {"records_ref": "unknown", "risk_assessment": {}}}) == set()
}

# An assessment given by date only is not backed by evidence that has no reference: a missing URL matches nothing.
test_cmp_007_assessment_without_url_is_not_backed_by_unreferenced_evidence if {
	campaign := {"ttpa": {"risk_assessment": {"date": "2026-05-01"}}, "evidence": [{"type": "screenshot"}]}
	{[r.status, r.path, r.message] | some r in campaigns.cmp007(campaign)} == {
		["fail", ["ttpa", "risk_assessment"], "evidence_missing"],
	}
}

test_cmp_004_ignores_other_lists if {
	link := {"kind": "audience", "id": "aud_x", "via": ["audience_ids", 0], "chain": ["cmp", "aud_x"]}
	campaigns.cmp004({"links": [], "unresolved": [link], "related": {}}) == set()
}
