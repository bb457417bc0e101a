# Campaigns (catalog §11.6): the vendor and data gate (CMP-004), the declared election context (CMP-006) and
# the evidence behind the campaign's own assertions (CMP-007).
#
# Every function returns a set of reasons, each
#   {"rule", "status": "fail" | "needs_review", "path" (into the campaign), "message", "params"}
# plus "trace" for a reason reached through the graph (CMP-004).
#
#   cmp004(inp)                    every vendor and data source the campaign names passes every blocking rule
#                                  of its kind (ethiq.lib.vendors / ethiq.lib.data_sources block_reasons);
#                                  `inp` is the engine's input (related, links, unresolved)
#   cmp006(campaign, related, names)  a political campaign names its elections, and the context knows each
#                                  one's date and voting age
#   cmp007(campaign)               each asserted duty (see `assertions`) has an evidence entry
package ethiq.lib.campaigns

import data.ethiq.lib.accounts
import data.ethiq.lib.data_sources
import data.ethiq.lib.facts
import data.ethiq.lib.vendors

# --- CMP-004: vendor and data gate ------------------------------------------------------------------------

# The member lists this gate covers, and the kind each names. Audiences and ads are judged as documents of
# their own (and an audience reaches its sources through AUD-013 and DAT-007); the catalog gates vendors and
# data sources.
_members := {"vendor_ids": "vendor", "data_source_ids": "data_source"}

# A member named directly by the campaign: its route starts at one of the lists and has one step. Deeper
# routes (a vendor's parent, a source's ancestor) are the member's own rules' business, which its
# block_reasons already include.
_direct(link) if {
	_members[link.via[0]] == link.kind
	count(link.chain) == 2
}

cmp004(inp) := union({_member_reasons(inp), _unresolved_members(inp), _unrelated_members(inp)})

# One reason per member: fail when any blocking rule fails on it, else needs_review when any cannot be checked.
_member_reasons(inp) := {r |
	some link in _array(object.get(inp, "links", []))
	_direct(link)
	doc := object.get(inp, ["related", link.kind, link.id], null)
	is_object(doc)
	inner := _block_reasons(link.kind, doc, object.get(inp, "related", {}))
	count(inner) > 0
	r := _gate_reason(link, inner)
}

_block_reasons("vendor", doc, related) := vendors.block_reasons(doc, related)

_block_reasons("data_source", doc, related) := data_sources.block_reasons(doc, related)

_gate_reason(link, inner) := _route_reason(link, "fail", _gate_messages[link.kind].fail, _summary(inner, "fail")) if {
	some x in inner
	x.status == "fail"
} else := _route_reason(link, "needs_review", _gate_messages[link.kind].needs_review, _summary(inner, "needs_review"))

_gate_messages := {
	"vendor": {"fail": "vendor_blocked", "needs_review": "vendor_unchecked"},
	"data_source": {"fail": "source_blocked", "needs_review": "source_unchecked"},
}

# "VEN-007 (gdpr.dpa_signed), VEN-012 (gdpr.transfer_mechanism)": the rules and fields behind the status.
_summary(inner, status) := {"rules": concat(", ", sort({item |
	some x in inner
	x.status == status
	item := sprintf("%s (%s)", [x.rule, _dotted(x.path)])
}))}

# A member the run does not hold cannot be cleared: never a pass.
_unresolved_members(inp) := {r |
	some link in _array(object.get(inp, "unresolved", []))
	_direct(link)
	r := _route_reason(link, "needs_review", "unresolved", {})
}

# A route whose document the engine did not put into `related` (should not happen): the same unknown.
_unrelated_members(inp) := {r |
	some link in _array(object.get(inp, "links", []))
	_direct(link)
	not is_object(object.get(inp, ["related", link.kind, link.id], null))
	r := _route_reason(link, "needs_review", "unresolved", {})
}

# A graph reason points at the route's start in the campaign and reports the route as its trace.
_route_reason(link, status, message, params) := object.union(
	reason("CMP-004", status, facts.value(link, "via", []), message, object.union(params, {
		"member": link.id,
		"chain": concat(" → ", [sprintf("%v", [id]) | some id in chain]),
	})),
	{"trace": chain},
) if {
	chain := facts.value(link, "chain", [link.id])
}

# --- CMP-006: election context is declared ------------------------------------------------------------------

# Paid channels: the ones where a party's message is political advertising (TTPA), unlike its own mailings.
paid_channels := {"paid_social", "search", "display", "video"}

# "yes" when the campaign names an election, uses a paid channel with the party (or a sub-entity) as
# sponsor, or holds an ad declared political; "unknown" when a fact that would tell is missing; else "no".
political(campaign, related, names) := "yes" if {
	count(_array(facts.value(campaign, "election_ids", []))) > 0
} else := "yes" if {
	_paid(campaign)
	_party_sponsor(campaign, names)
} else := "yes" if {
	some ad in _campaign_ads(campaign, related)
	facts.is_true(ad, ["political", "is_political_advertisement"])
} else := "unknown" if {
	count(_political_gaps(campaign, related, names)) > 0
} else := "no"

_paid(campaign) if {
	some channel in _array(facts.value(campaign, "channels", []))
	channel in paid_channels
}

# Sponsor names the engine normalised (sponsor_legal_name, sponsor_entity) that are the party's.
_party_sponsor(campaign, names) if {
	some field in _sponsor_fields
	accounts.is_party_name({"names": names}, facts.value(campaign, field, null))
}

_sponsor_fields := ["sponsor_legal_name", "sponsor_entity"]

_campaign_ads(campaign, related) := [ad |
	some id in _array(facts.value(campaign, "ad_ids", []))
	ad := object.get(related, ["ad", id], null)
	is_object(ad)
]

# Why a campaign that names no election cannot be told non-political.
_political_gaps(campaign, related, names) := union({
	{r |
		facts.is_unknown(campaign, "channels")
		r := reason("CMP-006", "needs_review", ["channels"], "channels_unknown", {})
	},
	{r |
		_paid(campaign)
		not _sponsor_known(campaign, names)
		r := reason("CMP-006", "needs_review", ["sponsor_legal_name"], "sponsor_unknown", {})
	},
	{r |
		some i, id in _array(facts.value(campaign, "ad_ids", []))
		ad := object.get(related, ["ad", id], null)
		is_object(ad)
		facts.is_unknown(ad, ["political", "is_political_advertisement"])
		r := reason("CMP-006", "needs_review", ["ad_ids", i], "ad_political_unknown", {"ad": id})
	},
})

_sponsor_known(campaign, names) if {
	some field in _sponsor_fields
	accounts.indexed({"names": names}, facts.value(campaign, field, null))
}

cmp006(campaign, related, names) := _election_reasons(campaign) if {
	political(campaign, related, names) == "yes"
} else := _political_gaps(campaign, related, names) if {
	political(campaign, related, names) == "unknown"
} else := set()

_election_reasons(campaign) := {reason("CMP-006", "fail", ["election_ids"], "no_elections", {})} if {
	count(_array(facts.value(campaign, "election_ids", []))) == 0
} else := {r |
	some i, id in facts.value(campaign, "election_ids", [])
	some r in _election_gaps(i, id)
}

default _elections := []

_elections := data.ethiq.context.elections

# The elections the context declares under an id (a list: the context may repeat one by mistake; every
# entry with the id must then be complete).
_declared(id) := [e | some e in _array(_elections); facts.value(e, "id", null) == id]

_election_gaps(i, id) := {reason("CMP-006", "fail", ["election_ids", i], "election_unknown", {"election": id})} if {
	count(_declared(id)) == 0
} else := {r |
	some e in _declared(id)
	some field, message in {"voting_age": "voting_age_missing", "date": "date_missing"}
	not _present(e, field)
	r := reason("CMP-006", "fail", ["election_ids", i], message, {"election": id})
}

_present(e, "voting_age") if is_number(facts.value(e, "voting_age", null))

_present(e, "date") if facts.is_set_string(e, "date")

# --- CMP-007: accountability evidence ------------------------------------------------------------------------

# What a campaign asserts that someone must be able to show (GDPR Art. 5(2)): each entry is the asserted
# value's path, and what backs it. An evidence entry backs an assertion when its `ref` is the assertion's
# reference (the declaration, the records, the published policy, the assessment's URL); an assessment
# without a URL is backed by a memo, file or attestation dated the day of the assessment.
#   ttpa.sponsor_declaration_ref  the sponsor's declaration (an attestation)
#   ttpa.records_ref              the targeting records kept under TTPA Art. 19(1)(b)
#   ttpa.internal_policy_url      the published internal targeting policy (TTPA Art. 19(1)(a))
#   ttpa.risk_assessment          the annual risk assessment (its date, and URL when given)
assertions := [
	{"path": ["ttpa", "sponsor_declaration_ref"], "what": "sponsor_declaration"},
	{"path": ["ttpa", "records_ref"], "what": "targeting_records"},
	{"path": ["ttpa", "internal_policy_url"], "what": "internal_policy"},
	{"path": ["ttpa", "risk_assessment"], "what": "risk_assessment"},
]

_dated_evidence_types := {"memo", "file", "attestation"}

cmp007(campaign) := {r |
	some assertion in assertions
	_asserted(campaign, assertion.path)
	not _backed(campaign, assertion.path)
	r := reason("CMP-007", "fail", assertion.path, "evidence_missing", {
		"assertion": assertion.what,
		"field": _dotted(assertion.path),
	})
}

# A reference or URL that is set; an assessment that gives a date or a URL.
_asserted(campaign, ["ttpa", "risk_assessment"]) if {
	assessment := facts.value(campaign, ["ttpa", "risk_assessment"], null)
	is_object(assessment)
	some field in ["date", "url"]
	facts.is_set_string(assessment, field)
}

_asserted(campaign, path) if {
	path != ["ttpa", "risk_assessment"]
	facts.is_set_string(campaign, path)
}

_evidence(campaign) := [e | some e in _array(facts.value(campaign, "evidence", [])); is_object(e)]

_backed(campaign, path) if {
	path != ["ttpa", "risk_assessment"]
	some e in _evidence(campaign)
	facts.value(e, "ref", null) == facts.value(campaign, path, null)
}

_backed(campaign, ["ttpa", "risk_assessment"]) if {
	url := facts.value(campaign, ["ttpa", "risk_assessment", "url"], null)
	is_string(url)
	some e in _evidence(campaign)
	facts.value(e, "ref", null) == url
}

_backed(campaign, ["ttpa", "risk_assessment"]) if {
	day := facts.value(campaign, ["ttpa", "risk_assessment", "date"], null)
	is_string(day)
	some e in _evidence(campaign)
	facts.value(e, "type", null) in _dated_evidence_types
	facts.value(e, "date", null) == day
}

# --- helpers --------------------------------------------------------------------------------------------------

_array(value) := value if is_array(value)

_array(value) := [] if not is_array(value)

_dotted(path) := concat(".", [sprintf("%v", [key]) | some key in path])

reason(rule, status, path, message, params) := {
	"rule": rule,
	"status": status,
	"path": path,
	"message": message,
	"params": params,
}
