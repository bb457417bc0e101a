# The TTPA pack: the duties of Reg. (EU) 2024/900 (applying in full from 10 October 2025), and AD-012 (AI
# media, disclosed), added with it. As in the other libraries, every function returns a set of reasons
#   {"rule", "status": "fail" | "needs_review", "path", "message", "params"}
# plus "severity" for a rule whose severity depends on the case (CMP-003, CMP-005); `path` points into the
# judged document.
#
#   ad007(ad)                      the political ad carries the TTPA label (Art. 11)
#   ad008(ad, names)               its transparency notice states every Art. 12(1) item
#   ad009(ad, related)             its targeting disclosure states every Art. 19(1)(c) item
#   ad010(ad, related, names)      its political classification is consistent with the platform declarations
#   ad012(ad)                      AI-generated or manipulated media is disclosed
#   ad013(ad)                      no third-country payer in the three months before an election (Art. 5(2))
#   aud007(aud)                    a political audience sets its minimum age (Art. 18(2))
#   dat013(ds, dependents, related) explicit consent, given separately for political advertising (Art. 18(1)(b))
#   dat014(ds, dependents, related) collected by the party from the data subject (Art. 18(1)(a))
#   cmp001/cmp002/cmp003(campaign, related, as_of)  the Art. 19 duties of a campaign that targets political ads
#   cmp005(campaign, related)      the members and newsletter exemption holds only where its conditions do
#
# A rule about political ads applies to paid ads (TTPA Art. 1(2): without payment there is no political
# advertisement), so never to an organic public post; when it is unknown whether the ad is political, it
# gives ONE needs_review at that fact, and only when the ad would not pass as a political ad (ads library).
package ethiq.lib.ttpa

import data.ethiq.lib.accounts
import data.ethiq.lib.ads
import data.ethiq.lib.audiences
import data.ethiq.lib.data_sources
import data.ethiq.lib.facts

# --- political ads ------------------------------------------------------------------------------------------

# Every ad except an organic public post is placed for payment or as the party's own dissemination.
advertisement(ad) if facts.value(ad, "visibility", null) != "organic_public"

_for_political(rule, ad, reasons) := set() if {
	not advertisement(ad)
} else := reasons if {
	ads.political(ad) == "yes"
} else := {r |
	count(reasons) > 0
	fields := concat(", ", sort({_dotted(x.path) | some x in reasons}))
	r := reason(rule, "needs_review", ads.political_path, "political_unknown", {"fields": fields})
} if {
	ads.political(ad) == "unknown"
} else := set()

# --- AD-007: the TTPA label ----------------------------------------------------------------------------------

_label := ["political", "label_present"]

ad007(ad) := _for_political("AD-007", ad, _ad007(ad))

_ad007(ad) := {reason("AD-007", "fail", _label, "label_missing", {})} if {
	facts.is_false(ad, _label)
} else := {reason("AD-007", "needs_review", _label, "label_unknown", {})} if {
	facts.is_unknown(ad, _label)
} else := set()

# --- AD-008: the transparency notice ----------------------------------------------------------------------------

_notice := ["political", "transparency_notice"]

# The Art. 12(1) items every notice states, each with its point letter and the test of its value.
notice_items := [
	{"path": ["sponsor", "name"], "point": "a", "test": "text"},
	{"path": ["sponsor", "email"], "point": "a", "test": "text"},
	{"path": ["period", "from"], "point": "c", "test": "text"},
	{"path": ["period", "to"], "point": "c", "test": "text"},
	{"path": ["amounts", "total"], "point": "d", "test": "number"},
	{"path": ["amounts", "in_kind_value"], "point": "d", "test": "number"},
	{"path": ["funding_origin", "public_or_private"], "point": "e", "test": "text"},
	{"path": ["funding_origin", "inside_eu"], "point": "e", "test": "known"},
	{"path": ["methodology"], "point": "f", "test": "text"},
]

# Where the ad is linked to elections, the notice names the linked processes (point g).
_linked_item := {"path": ["linked_processes"], "point": "g", "test": "list"}

# Where someone other than the sponsor pays, the notice identifies the payer too (point b).
_payer_items := [
	{"path": ["payer", "name"], "point": "b", "test": "text"},
	{"path": ["payer", "email"], "point": "b", "test": "text"},
]

ad008(ad, names) := _for_political("AD-008", ad, _ad008(ad, names))

_ad008(ad, names) := {reason("AD-008", "fail", _notice, "notice_missing", {})} if {
	not is_object(facts.value(ad, _notice, null))
} else := {r |
	some item in _required_items(ad, names)
	not _stated(ad.political.transparency_notice, item)
	path := array.concat(_notice, item.path)
	r := reason("AD-008", "fail", path, "item_missing", {"field": _dotted(path), "point": item.point})
} | _payer_unknown(ad)

_required_items(ad, names) := array.concat(array.concat(notice_items, _linked(ad)), _payer(ad, names))

_linked(ad) := [_linked_item] if {
	count(_array(facts.value(ad, ["political", "election_ids"], []))) > 0
} else := []

_payer(ad, names) := _payer_items if {
	payer_differs(ad, names)
} else := []

# The payer is someone else than the sponsor: both named, and not the same name in normal form (or, for a
# name the engine did not normalise, not the same text).
payer_differs(ad, names) if {
	payer := facts.value(ad, ["sender", "payer_legal_name"], null)
	sponsor := facts.value(ad, ["sender", "sponsor_legal_name"], null)
	facts.is_set_string(ad, ["sender", "payer_legal_name"])
	facts.is_set_string(ad, ["sender", "sponsor_legal_name"])
	_same_name(names, payer, sponsor) == false
}

_same_name(names, a, b) := names[a].norm == names[b].norm if {
	is_string(names[a].norm)
	is_string(names[b].norm)
} else := lower(trim_space(a)) == lower(trim_space(b))

# Nobody says who pays: the notice may owe the payer's identity, unless it gives one anyway.
_payer_unknown(ad) := {r |
	not facts.is_set_string(ad, ["sender", "payer_legal_name"])
	notice := ad.political.transparency_notice
	not _stated(notice, _payer_items[0])
	r := reason("AD-008", "needs_review", ["sender", "payer_legal_name"], "payer_unknown", {})
}

_stated(obj, item) if {
	item.test == "text"
	facts.is_set_string(obj, item.path)
}

_stated(obj, item) if {
	item.test == "number"
	is_number(facts.value(obj, item.path, null))
}

_stated(obj, item) if {
	item.test == "known"
	facts.value(obj, item.path, null) in {true, false}
}

_stated(obj, item) if {
	item.test == "list"
	count(_array(facts.value(obj, item.path, null))) > 0
}

# --- AD-009: the targeting disclosure ----------------------------------------------------------------------------

_disclosure := ["political", "targeting_disclosure"]

_info_present := ["political", "targeting_info_present"]

# The Art. 19(1)(c) items of the disclosure (reach is informational: it is known only after delivery).
disclosure_items := [
	{"path": ["groups_and_parameters"], "test": "text"},
	{"path": ["personal_data_categories"], "test": "list"},
	{"path": ["logic_incl_exclusion"], "test": "text"},
	{"path": ["ai_used"], "test": "known"},
	{"path": ["policy_url"], "test": "text"},
]

ad009(ad, related) := _for_political("AD-009", ad, _ad009(ad, related))

_ad009(ad, related) := _disclosure_gaps(ad) if {
	targeting(ad, related) == "yes"
} else := {r |
	count(_disclosure_gaps(ad)) > 0
	fields := concat(", ", sort({_dotted(x.path) | some x in _disclosure_gaps(ad)}))
	r := reason("AD-009", "needs_review", ["audience_ids"], "targeting_unknown", {"fields": fields})
} if {
	targeting(ad, related) == "unknown"
} else := set()

_disclosure_gaps(ad) := _info_link(ad) | _disclosure_items(ad)

_info_link(ad) := {reason("AD-009", "fail", _info_present, "info_not_linked", {})} if {
	facts.is_false(ad, _info_present)
} else := {reason("AD-009", "needs_review", _info_present, "info_link_unknown", {})} if {
	facts.is_unknown(ad, _info_present)
} else := set()

_disclosure_items(ad) := {reason("AD-009", "fail", _disclosure, "disclosure_missing", {})} if {
	not is_object(facts.value(ad, _disclosure, null))
} else := {r |
	some item in disclosure_items
	not _stated(ad.political.targeting_disclosure, item)
	path := array.concat(_disclosure, item.path)
	r := reason("AD-009", "fail", path, "item_missing", {"field": _dotted(path)})
}

# Whether the ad is targeted with personal data: "yes" when one of its audiences uses personal data,
# "unknown" when it names none, or one is missing from the run or cannot be told, else "no".
targeting(ad, related) := "yes" if {
	some id in _array(facts.value(ad, "audience_ids", []))
	uses_personal_data(object.get(related, ["audience", id], null)) == "yes"
} else := "unknown" if {
	count(_array(facts.value(ad, "audience_ids", []))) == 0
} else := "unknown" if {
	some id in _array(facts.value(ad, "audience_ids", []))
	uses_personal_data(object.get(related, ["audience", id], null)) == "unknown"
} else := "no"

# catalog uses_pd(aud): a custom audience, a lookalike or any criterion (interests, behaviours, engagement
# and the like are personal data), or platform expansion (AUD-008's test, defaults included). Geo and age
# alone are not. A missing audience, or an expansion switch nobody can tell, is "unknown".
uses_personal_data(aud) := "unknown" if {
	not is_object(aud)
} else := "yes" if {
	some list in ["include", "exclude", "custom_audiences", "excluded_custom_audiences"]
	count(audiences.normalized_list(aud, list)) > 0
} else := "yes" if {
	some r in audiences.aud008(aud)
	r.status == "fail"
} else := "unknown" if {
	some r in audiences.aud008(aud)
	r.status == "needs_review"
} else := "no"

# --- AD-010: the political classification is consistent -------------------------------------------------------

_non_political_reason := ["political", "non_political_reason"]

_meta_categories := ["political", "platform_declarations", "meta_special_ad_categories"]

_google_flag := ["political", "platform_declarations", "google_contains_eu_political_advertising"]

# The TTPA exceptions a party's own paid ad can plausibly claim; "editorial" (Art. 1(2)) and "purely
# private" describe content that a party's paid ad is not, so they need a human check.
accepted_reasons := {"purely_commercial", "recruitment"}

doubtful_reasons := {"editorial", "purely_private"}

ad010(ad, related, names) := set() if {
	not advertisement(ad)
} else := _declarations(ad, related, names) | _undeclared(ad, names)

# "yes" when the sponsor or the "Paid for by" name is the party's, "no" when the sponsor is someone else,
# else "unknown" (a party's own campaign repository: an unnamed sponsor is the party until shown otherwise).
party_sponsor(ad, names) := "yes" if {
	some field in ["sponsor_legal_name", "paid_for_by"]
	ads.is_party_name(names, facts.value(ad, ["sender", field], null))
} else := "no" if {
	sponsor := facts.value(ad, ["sender", "sponsor_legal_name"], null)
	accounts.indexed({"names": names}, sponsor)
} else := "unknown"

_election_linked(ad) if count(_array(facts.value(ad, ["political", "election_ids"], []))) > 0

# The ad is political by its declaration, or because the party sponsors it for an election.
_political_in_fact(ad, _) if ads.political(ad) == "yes"

_political_in_fact(ad, names) if {
	party_sponsor(ad, names) != "no"
	_election_linked(ad)
}

# A declaration of "not political" to the platform, for a political ad, is circumvention: it fails.
_declarations(ad, related, names) := _ad_declaration(ad) | _audience_declarations(ad, related) if {
	_political_in_fact(ad, names)
} else := set()

_ad_declaration(ad) := {reason("AD-010", "fail", _meta_categories, "meta_not_political", {"categories": _listed(ad, _meta_categories)})} if {
	ad.platform == "meta"
	is_array(facts.value(ad, _meta_categories, null))
	not "ISSUES_ELECTIONS_POLITICS" in ad.political.platform_declarations.meta_special_ad_categories
} else := {reason("AD-010", "needs_review", _meta_categories, "meta_declaration_missing", {})} if {
	ad.platform == "meta"
	not is_array(facts.value(ad, _meta_categories, null))
} else := {reason("AD-010", "fail", _google_flag, "google_not_political", {})} if {
	ad.platform == "google_ads"
	facts.value(ad, _google_flag, null) == "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING"
} else := {reason("AD-010", "needs_review", _google_flag, "google_declaration_missing", {"value": facts.value(ad, _google_flag, "missing")})} if {
	ad.platform == "google_ads"
	facts.value(ad, _google_flag, null) != "CONTAINS_EU_POLITICAL_ADVERTISING"
} else := set()

# The audiences the ad runs on must not be declared non-political either.
_audience_declarations(ad, related) := {r |
	some i, id in _array(facts.value(ad, "audience_ids", []))
	aud := object.get(related, ["audience", id], null)
	is_object(aud)
	some message in _audience_contradictions(aud)
	r := reason("AD-010", "fail", ["audience_ids", i], message, {"audience": id})
}

_audience_contradictions(aud) := {m |
	facts.is_false(aud, ["political", "is_political_advertising"])
	m := "audience_not_political"
} | {m |
	categories := facts.value(aud, ["political", "meta_special_ad_categories"], null)
	is_array(categories)
	not "ISSUES_ELECTIONS_POLITICS" in categories
	m := "audience_meta_not_political"
} | {m |
	facts.value(aud, ["political", "google_contains_eu_political_advertising"], null) == "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING"
	m := "audience_google_not_political"
}

# A party's paid ad is political unless it says why not (the sponsor's self-declaration under TTPA).
_undeclared(ad, names) := set() if {
	party_sponsor(ad, names) == "no"
} else := {reason("AD-010", "needs_review", ads.political_path, "political_undeclared", {})} if {
	ads.political(ad) == "unknown"
} else := _exemption(ad) if {
	ads.political(ad) == "no"
} else := set()

_exemption(ad) := {reason("AD-010", "needs_review", _non_political_reason, "reason_missing", {})} if {
	not facts.is_set_string(ad, _non_political_reason)
} else := {reason("AD-010", "fail", ["political", "election_ids"], "election_linked", {"reason": ad.political.non_political_reason})} if {
	_election_linked(ad)
} else := {reason("AD-010", "needs_review", _non_political_reason, "reason_doubtful", {"reason": ad.political.non_political_reason})} if {
	not ad.political.non_political_reason in accepted_reasons
} else := set()

_listed(obj, path) := concat(", ", [sprintf("%v", [x]) | some x in _array(facts.value(obj, path, []))]) if {
	count(_array(facts.value(obj, path, []))) > 0
} else := "none"

# --- AD-012: AI-generated or manipulated media is disclosed ---------------------------------------------------

_ai := ["creative", "ai_generated_media"]

_ai_disclosure := ["creative", "ai_disclosure_present"]

_authorization := ["political", "platform_declarations", "meta_authorization_category"]

ad012(ad) := set() if {
	facts.is_true(ad, _ai_disclosure)
} else := {reason("AD-012", "fail", _ai_disclosure, "undisclosed", {"evidence": _dotted(_ai_evidence(ad))})} if {
	_ai_evidence(ad)
} else := {reason("AD-012", "needs_review", _ai, "ai_unknown", {})} if {
	facts.is_unknown(ad, _ai)
} else := set()

# Where the ad says it holds such media: its own flag, or Meta's authorization for digitally created media.
_ai_evidence(ad) := _ai if {
	facts.is_true(ad, _ai)
} else := _authorization if {
	facts.value(ad, _authorization, null) == "POLITICAL_WITH_DIGITALLY_CREATED_MEDIA"
}

# --- AD-013: no third-country payer in the three months before an election -----------------------------------

_payer_country := ["sender", "payer_country"]

_inside_eu := ["political", "transparency_notice", "funding_origin", "inside_eu"]

ad013(ad) := _for_political("AD-013", ad, _ad013(ad))

# "third" with the path that says so, "eu" (an EU payer and funds declared from inside the EU), or "unknown"
# with the path of the fact that is missing: an EU payer may still spend funds from outside the EU.
_payer_origin(ad) := {"origin": "third", "path": _payer_country} if {
	facts.is_set_string(ad, _payer_country)
	not ad.sender.payer_country in ads.eu_member_states
} else := {"origin": "third", "path": _inside_eu} if {
	facts.is_false(ad, _inside_eu)
} else := {"origin": "eu"} if {
	facts.is_set_string(ad, _payer_country)
	facts.is_true(ad, _inside_eu)
} else := {"origin": "unknown", "path": _inside_eu, "message": "funding_unknown"} if {
	facts.is_set_string(ad, _payer_country)
} else := {"origin": "unknown", "path": _payer_country, "message": "payer_unknown"}

_ad013(ad) := _ad013_by(ad, _payer_origin(ad), {hit.overlap | some hit in _windows(ad)})

_ad013_by(ad, payer, overlaps) := {r |
	some hit in _windows(ad)
	hit.overlap == "yes"
	r := reason("AD-013", "fail", payer.path, "third_country_payer", _window_params(ad, hit))
} if {
	payer.origin == "third"
	"yes" in overlaps
} else := {reason("AD-013", "needs_review", ["schedule", "start"], "window_unknown", {"elections": _election_list(ad)})} if {
	payer.origin == "third"
	"unknown" in overlaps
} else := {reason("AD-013", "needs_review", payer.path, payer.message, {"elections": _election_list(ad)})} if {
	payer.origin == "unknown"
	count(overlaps - {"no"}) > 0
} else := set()

_window_params(ad, hit) := {
	"country": facts.value(ad, _payer_country, "outside the EU"),
	"election": hit.id,
	"from": hit.from,
	"date": hit.date,
}

_election_list(ad) := concat(", ", sort({hit.id | some hit in _windows(ad); hit.overlap != "no"}))

# The elections the ad is linked to, else every election the context knows (the fail-closed reading).
_elections(ad) := [e |
	some e in audiences.elections
	facts.value(e, "id", null) in _array(facts.value(ad, ["political", "election_ids"], []))
] if {
	_election_linked(ad)
} else := audiences.elections

# One entry per election: whether the schedule overlaps [election day - 3 months, election day].
_windows(ad) := {hit |
	some e in _elections(ad)
	hit := _window(ad, e)
} | {hit |
	# An election the ad names but the context does not know cannot be placed in time.
	some id in _array(facts.value(ad, ["political", "election_ids"], []))
	not id in {e.id | some e in audiences.elections}
	hit := {"id": id, "overlap": "unknown"}
}

_window(ad, e) := {"id": e.id, "overlap": _overlap(ad, months_before(e.date, 3), e.date), "from": months_before(e.date, 3), "date": e.date} if {
	accounts.day_number(facts.value(e, "date", ""))
} else := {"id": facts.value(e, "id", "unknown"), "overlap": "unknown"}

# Days compared as written (a date-time by its own calendar day). An open end runs on; no start is unknown.
_overlap(ad, from, to) := "unknown" if {
	not is_day(facts.value(ad, ["schedule", "start"], null))
} else := "no" if {
	_day(ad.schedule.start) > to
} else := "no" if {
	end := _day(facts.value(ad, ["schedule", "end"], null))
	accounts.day_number(end)
	end < from
} else := "yes"

_day(value) := substring(value, 0, 10) if is_string(value)

# A date or date-time whose day is a real calendar day. (`not is_day(v)` rather than `not
# accounts.day_number(_day(v))`: OPA makes a negated expression undefined, not true, when a call nested in it
# is undefined, and regorus does not; a named predicate means the same on both.)
is_day(value) if accounts.day_number(_day(value))

# The date `n` months before a YYYY-MM-DD date, clamped to the month's last day (31 May - 3 months is
# 28 or 29 February).
months_before(date, n) := sprintf("%04d-%02d-%02d", [year, month, min([day, _days_in_month(year, month)])]) if {
	months := ((_digits(substring(date, 0, 4), 10000) * 12) + _digits(substring(date, 5, 2), 100)) - (1 + n)
	year := (months - (months % 12)) / 12
	month := (months % 12) + 1
	day := _digits(substring(date, 8, 2), 100)
}

# The number written with leading zeros ("09"), which to_number does not take: "109" - 100.
_digits(text, base) := to_number(concat("", ["1", text])) - base

_days_in_month(year, month) := accounts.day_number(_first_of(year, month + 1)) - accounts.day_number(_first_of(year, month)) if {
	month < 12
} else := 31

_first_of(year, month) := sprintf("%04d-%02d-01", [year, month])

# --- AUD-007: an explicit minimum age ----------------------------------------------------------------------------

_age_min := ["normalized", "age_min"]

aud007(aud) := set() if {
	is_number(facts.value(aud, _age_min, null))
} else := {reason("AUD-007", "fail", _age_min, "age_min_missing", {})} if {
	audiences.political_status(aud) == "true"
} else := {reason("AUD-007", "needs_review", ["political", "is_political_advertising"], "political_unknown", {})} if {
	audiences.political_status(aud) == "unknown"
} else := set()

# --- DAT-013 and DAT-014: the data behind political targeting ---------------------------------------------------

# Whether the source feeds political advertising: declared for it (purposes), or reached by a document that
# is political (input.dependents). "unknown" when only dependents whose political flag is unknown reach it.
data_scope(ds, dependents) := "yes" if {
	"political_advertising" in _array(facts.value(ds, "purposes", []))
} else := "yes" if {
	some d in dependents
	d.political == true
} else := "unknown" if {
	some d in dependents
	not object.get(d, "political", "unknown") in {true, false}
} else := "no"

# The dependents of input.dependents whose political flag is unknown, as "kind id" for the message.
_unknown_dependents(dependents) := concat(", ", sort({sprintf("%v %v", [object.get(d, "kind", "document"), object.get(d, "id", "?")]) |
	some d in dependents
	not object.get(d, "political", "unknown") in {true, false}
}))

# Art. 18 is about targeting that processes personal data. A source bound to an ad platform (a customer
# list, a pixel, engagement, a lookalike seed, the platform's own taxonomy) is delivered to individuals by the
# platform, whatever the party itself sees; any other source is personal data unless it is aggregated or
# anonymous (and not shown otherwise by a hash, as DAT-003 reads it): an aggregate a vendor delivers is not
# personal data (GDPR Recital 26). Unknown counts as personal.
personal_data(ds) if not data_sources.effective_identifiability(ds) in {"aggregated", "anonymous"}

personal_data(ds) if facts.is_set_string(ds, ["platform_binding", "mechanism"])

# In scope: personal data that feeds, or may feed, political advertising. The rules below ask this first,
# so that a source out of scope costs no reasons (a function's arguments are evaluated before its body).
_data_in_scope(ds, dependents) if {
	personal_data(ds)
	data_scope(ds, dependents) != "no"
}

# In scope: the rule's reasons. Reached only by dependents of unknown politics: one needs_review, and only
# when the source would not meet the condition anyway, so that the unknowns cannot flood the report.
_data_rule(rule, scope, dependents, reasons) := reasons if {
	scope == "yes"
} else := {reason(rule, "needs_review", ["purposes"], "dependents_unknown", {"dependents": _unknown_dependents(dependents)}) |
	count(reasons) > 0
}

# input.dependents as a list of objects; absent means none.
dependents_of(inp) := [d | some d in _array(object.get(inp, "dependents", [])); is_object(d)]

_consent := ["legal_basis", "consent"]

dat013(ds, dependents) := set() if {
	not _data_in_scope(ds, dependents)
} else := _data_rule("DAT-013", data_scope(ds, dependents), dependents, _settle(_dat013(ds, "fail"), _dat013(ds, "needs_review")))

_dat013(ds, status) := {r |
	some field in ["explicit", "separate_for_political_advertising"]
	path := array.concat(_consent, [field])
	_consent_status(ds, path) == status
	r := reason("DAT-013", status, path, sprintf("%s_%s", [field, status]), {})
}

_consent_status(ds, path) := "fail" if facts.is_false(ds, path)

_consent_status(ds, path) := "needs_review" if facts.is_unknown(ds, path)

_collected_by := ["collection", "collected_by"]

_from_subject := ["collection", "collected_from_data_subject"]

dat014(ds, dependents) := set() if {
	not _data_in_scope(ds, dependents)
} else := _data_rule("DAT-014", data_scope(ds, dependents), dependents, _dat014(ds))

# Platform-native data (the platform's interests) is collected by the platform, not the party: whether a
# party may rely on it under Art. 18(1)(a) is open, so it needs review unless counsel has decided.
_dat014(ds) := set() if {
	facts.value(ds, "origin", null) == "platform_native"
	object.get(audiences.context, ["interpretations", "ttpa_18_1_a_platform_native_interests"], null) == "allowed_with_memo"
} else := {reason("DAT-014", "needs_review", ["origin"], "platform_native", {})} if {
	facts.value(ds, "origin", null) == "platform_native"
} else := _settle(_collection_fails(ds), _collection_reviews(ds))

_collection_fails(ds) := {r |
	facts.is_set_string(ds, _collected_by)
	ds.collection.collected_by != "party"
	r := reason("DAT-014", "fail", _collected_by, "collected_by_other", {"collector": ds.collection.collected_by})
} | {r |
	facts.is_false(ds, _from_subject)
	r := reason("DAT-014", "fail", _from_subject, "not_from_subject", {})
}

_collection_reviews(ds) := {r |
	facts.is_unknown(ds, _collected_by)
	r := reason("DAT-014", "needs_review", _collected_by, "collector_unknown", {})
} | {r |
	facts.is_unknown(ds, _from_subject)
	r := reason("DAT-014", "needs_review", _from_subject, "subject_unknown", {})
}

# --- CMP-001, CMP-002, CMP-003: the Art. 19 duties of a campaign that targets political ads ---------------------

_policy_url := ["ttpa", "internal_policy_url"]

_policy_published := ["ttpa", "internal_policy_published_at"]

# Whether the campaign targets political advertising with personal data: "yes", "unknown" or "no", from its
# ads (political, paid, on an audience that uses personal data) and its own audiences (political, using
# personal data). An ad or audience the run does not hold cannot be cleared.
campaign_targeting(campaign, related) := "yes" if {
	"yes" in _targeting_signals(campaign, related)
} else := "unknown" if {
	"unknown" in _targeting_signals(campaign, related)
} else := "no"

_targeting_signals(campaign, related) := {s |
	some id in _array(facts.value(campaign, "ad_ids", []))
	s := _ad_signal(object.get(related, ["ad", id], null), related)
} | {s |
	some id in _array(facts.value(campaign, "audience_ids", []))
	s := _audience_signal(object.get(related, ["audience", id], null))
}

_ad_signal(ad, related) := "unknown" if {
	not is_object(ad)
} else := "no" if {
	not advertisement(ad)
} else := "no" if {
	ads.political(ad) == "no"
} else := "no" if {
	targeting(ad, related) == "no"
} else := "yes" if {
	ads.political(ad) == "yes"
	targeting(ad, related) == "yes"
} else := "unknown"

_audience_signal(aud) := "unknown" if {
	not is_object(aud)
} else := "no" if {
	audiences.political_status(aud) == "false"
} else := "no" if {
	uses_personal_data(aud) == "no"
} else := "yes" if {
	audiences.political_status(aud) == "true"
	uses_personal_data(aud) == "yes"
} else := "unknown"

# In scope: the rule's reasons; scope unknown: one needs_review, only where the duty is not met anyway.
_for_targeting(rule, campaign, related, reasons) := reasons if {
	campaign_targeting(campaign, related) == "yes"
} else := {object.union(reason(rule, "needs_review", ["ad_ids"], "targeting_unknown", {"fields": fields}), {"severity": "block"}) |
	blocking := [x | some x in reasons; object.get(x, "severity", "block") == "block"]
	count(blocking) > 0
	fields := concat(", ", sort({_dotted(x.path) | some x in blocking}))
} if {
	campaign_targeting(campaign, related) == "unknown"
} else := set()

cmp001(campaign, related) := _for_targeting("CMP-001", campaign, related, _cmp001(campaign, related))

_cmp001(campaign, related) := {reason("CMP-001", "fail", _policy_url, "policy_missing", {})} if {
	not facts.is_set_string(campaign, _policy_url)
} else := {reason("CMP-001", "needs_review", _policy_published, "published_unknown", {})} if {
	not is_day(facts.value(campaign, _policy_published, null))
} else := {reason("CMP-001", "fail", _policy_published, "published_late", {"published": campaign.ttpa.internal_policy_published_at, "start": min(starts)})} if {
	starts := _political_starts(campaign, related)
	count(starts) > 0
	_day(campaign.ttpa.internal_policy_published_at) > min(starts)
} else := set()

# The start days of the campaign's ads that are, or may be, political.
_political_starts(campaign, related) := {day |
	some id in _array(facts.value(campaign, "ad_ids", []))
	ad := object.get(related, ["ad", id], null)
	is_object(ad)
	advertisement(ad)
	ads.political(ad) != "no"
	day := _day(facts.value(ad, ["schedule", "start"], null))
	accounts.day_number(day)
}

_records := ["ttpa", "records_ref"]

cmp002(campaign, related) := _for_targeting("CMP-002", campaign, related, {r |
	not facts.is_set_string(campaign, _records)
	r := reason("CMP-002", "fail", _records, "records_missing", {})
})

_assessment := ["ttpa", "risk_assessment", "date"]

# The risk assessment is yearly: missing blocks, older than the threshold (default 365 days) warns.
default max_assessment_age_days := 365

max_assessment_age_days := days if {
	days := audiences.context.thresholds.risk_assessment_max_age_days
	is_number(days)
}

cmp003(campaign, related, as_of) := _for_targeting("CMP-003", campaign, related, _cmp003(campaign, as_of))

_cmp003(campaign, as_of) := {object.union(reason("CMP-003", "fail", _assessment, "assessment_missing", {}), {"severity": "block"})} if {
	not accounts.day_number(facts.value(campaign, _assessment, null))
} else := {object.union(reason("CMP-003", "fail", _assessment, "assessment_stale", {"date": campaign.ttpa.risk_assessment.date, "as_of": _day(as_of), "days": age, "max_days": max_assessment_age_days}), {"severity": "warn"}) |
	age := accounts.day_number(_day(as_of)) - accounts.day_number(campaign.ttpa.risk_assessment.date)
	age > max_assessment_age_days
}

# --- CMP-005: the members and newsletter exemption ---------------------------------------------------------------

# The channels the exemption is about: the party's own mailings to members and subscribers.
mailing_channels := {"email_newsletter", "member_mailing", "sms"}

member_scopes := {"members", "former_members", "subscribers"}

# Lists handed to a platform to be matched for ads (an e-mail or SMS list is sent, not matched).
_upload_mechanisms := {"customer_list", "lookalike_seed"}

cmp005(campaign, related) := set() if {
	count({c | some c in _array(facts.value(campaign, "channels", [])); c in mailing_channels}) == 0
} else := {object.union(reason("CMP-005", "needs_review", ["data_source_ids"], "sources_missing", {}), {"severity": "warn"})} if {
	count(_mailing_sources(campaign, related)) == 0
} else := _source_conditions(campaign, related) | _selection(campaign, related)

# The sources a mailing can be sent from: lists of people, and sources the run does not hold (which cannot be
# cleared). A campaign's aggregates, and the platform-side data of its paid channels (engagement, pixel,
# the platform's taxonomy), hold nobody to send to, so the exemption is not about them.
_mailing_sources(campaign, related) := {[i, id] |
	some i, id in _array(facts.value(campaign, "data_source_ids", []))
	ds := object.get(related, ["data_source", id], null)
	_mailing_source(ds)
}

_mailing_source(ds) if not is_object(ds)

_mailing_source(ds) if {
	is_object(ds)
	not data_sources.effective_identifiability(ds) in {"aggregated", "anonymous"}
	not facts.value(ds, ["platform_binding", "mechanism"], null) in _platform_side
}

_platform_side := {"engagement", "pixel", "platform_taxonomy"}

_source_conditions(campaign, related) := {r |
	some [i, id] in _mailing_sources(campaign, related)
	ds := object.get(related, ["data_source", id], null)
	some r in _source_condition(ds, ["data_source_ids", i], id)
}

# Recipients outside members and subscribers: SMS or e-mail to non-members (IMY, Oct 2025) warns; the
# other lost conditions are advisory (TTPA applies in full, and its rules judge the sources).
_source_condition(ds, path, id) := {_warn(path, "needs_review", "source_unknown", {"source": id})} if {
	not is_object(ds)
} else := {r |
	some r in (_scope_condition(ds, path, id) | _collector_condition(ds, path, id))
} | {_info(path, "fail", "platform_upload", {"source": id}) |
	facts.value(ds, ["platform_binding", "mechanism"], null) in _upload_mechanisms
	not facts.value(ds, ["platform_binding", "platform"], null) in {"email", "sms"}
} | {_info(path, "fail", "source_segments", {"source": id}) |
	count(_array(facts.value(ds, "segments", []))) > 0
}

_scope_condition(ds, path, id) := {_warn(path, "needs_review", "scope_unknown", {"source": id})} if {
	facts.is_unknown(ds, "subject_scope")
} else := {_warn(path, "fail", "non_members", {"source": id, "scope": ds.subject_scope})} if {
	not ds.subject_scope in member_scopes
} else := set()

_collector_condition(ds, path, id) := {_info(path, "needs_review", "collector_unknown", {"source": id})} if {
	facts.is_unknown(ds, _collected_by)
} else := {_info(path, "fail", "not_collected_by_party", {"source": id, "collector": ds.collection.collected_by})} if {
	ds.collection.collected_by != "party"
} else := set()

# A selection beyond the subscription: the campaign's e-mail and SMS audiences narrow the recipients by
# criteria (its audiences on ad platforms serve its paid channels).
_selection(campaign, related) := {_info(["audience_ids", i], "fail", "selection", {"audience": id}) |
	some i, id in _array(facts.value(campaign, "audience_ids", []))
	aud := object.get(related, ["audience", id], null)
	is_object(aud)
	audiences.platform_of(aud) in {"email", "sms"}
	some list in ["include", "exclude"]
	count(audiences.normalized_list(aud, list)) > 0
}

_warn(path, status, message, params) := object.union(reason("CMP-005", status, path, message, params), {"severity": "warn"})

_info(path, status, message, params) := object.union(reason("CMP-005", status, path, message, params), {"severity": "info"})

# --- helpers -----------------------------------------------------------------------------------------------------

# A fail settles a rule: report the "cannot check" reasons only when nothing failed.
_settle(fails, _) := fails if count(fails) > 0

_settle(fails, reviews) := reviews if count(fails) == 0

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
