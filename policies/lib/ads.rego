# Ads and posts (catalog §11.5): the human content review (AD-001..AD-003), the party as the sender
# (AD-004), dark posts and their public counterpart (AD-005, AD-006) and the platforms' own rules on
# political ads (AD-011).
#
# Every function returns a set of reasons, each
#   {"rule", "status": "fail" | "needs_review", "path" (into the ad), "message", "params"}
# so that the judging package only turns them into findings, and a campaign can judge its ads the same way.
#
#   ad001(ad)                                  personal attacks flagged by the reviewer; no review at all
#   ad002_block(ad) / ad002_warn(ad)           misleading content / unsourced, unverified claims
#   ad003_warn(ad) / ad003_info(ad)            opponent focus / mixed focus
#   ad004(ad, related, names)                  sender fields and publishing account are the party's
#   ad005(ad, index)                           a dark post's public counterpart exists and came first
#   ad006(ad, index, derived)                  a dark post says what the public post says
#   ad011(ad, related, timeline)               the platform accepts political ads in the EU on the start date
#
# `related` is input.related, `names` input.names, `index` the context's public_post_index, `derived`
# input.derived (facts the engine computes because Rego cannot: the normalised-text hash) and `timeline`
# the context's platform_timeline.
#
# "The party" is the account library's (ethiq.lib.accounts): the same normal-form test of names against
# data.ethiq.index.party_names, and ACC-001 itself for the publishing account.
#
# Rules that apply only to political ads, or only to dark posts, fail closed when that is unknown: if the
# ad would not pass as a political ad (or as a dark post), the rule gives ONE needs_review at the unknown
# fact, naming the fields that would fail; if it would pass either way, the unknown does not matter.
package ethiq.lib.ads

import data.ethiq.lib.accounts
import data.ethiq.lib.facts

# --- shared facts ----------------------------------------------------------------------------------------

political_path := ["political", "is_political_advertisement"]

# "yes", "no" or "unknown": the sponsor's TTPA self-declaration, a tri-state fact.
political(ad) := "yes" if {
	facts.is_true(ad, political_path)
} else := "no" if {
	facts.is_false(ad, political_path)
} else := "unknown"

# Whether the ad is a dark post (seed P4, P6): an ad-only post, or a boosted post that is itself unpublished
# (T05: an object_story_id does not make the promoted post public). "yes", "no", or the unknown fact's name.
dark(ad) := "yes" if {
	facts.value(ad, "visibility", null) == "ad_only_unpublished"
} else := "yes" if {
	facts.value(ad, "visibility", null) == "boosted_existing_post"
	facts.is_false(ad, _post_published_path)
} else := "published_unknown" if {
	facts.value(ad, "visibility", null) == "boosted_existing_post"
	facts.is_unknown(ad, _post_published_path)
} else := "visibility_unknown" if {
	facts.is_unknown(ad, "visibility")
} else := "no"

_post_published_path := ["platform_refs", "post_is_published"]

# Where each unknown applicability fact sits in the ad, for the single needs_review it gives.
_unknown_at := {
	"political_unknown": political_path,
	"published_unknown": _post_published_path,
	"visibility_unknown": ["visibility"],
}

# One needs_review at the unknown fact, only when the rule's own checks would not pass.
_as_unknown(rule, unknown, reasons) := {r |
	count(reasons) > 0
	fields := concat(", ", sort({_dotted(x.path) | some x in reasons}))
	r := reason(rule, "needs_review", _unknown_at[unknown], unknown, {"fields": fields})
}

# --- AD-001: good tone, no personal attacks (human review flags, never text classification) --------------

_attack_flags := {"personal_attack", "insult", "dehumanising"}

ad001(ad) := fails if {
	fails := {r |
		some i, flag in _flags(ad)
		flag in _attack_flags
		r := reason("AD-001", "fail", ["content_review", "flags", i], "attack_flag", {"flag": flag})
	}
	count(fails) > 0
} else := _review_gaps(ad, "AD-001")

# The flags a reviewer recorded, by index; none when there is no review.
_flags(ad) := {i: flag |
	flags := facts.value(ad, ["content_review", "flags"], [])
	is_array(flags)
	some i, flag in flags
}

# A political ad, or one nobody has declared non-political, needs a human review: a named reviewer and the
# list of flags they found (empty when none). Without it, tone and truth are unchecked, which is no pass.
_review_gaps(ad, rule) := gaps if {
	political(ad) != "no"
	gaps := _missing_review(ad, rule) | _missing_reviewer(ad, rule) | _missing_flags(ad, rule)
} else := set()

_missing_review(ad, rule) := {r |
	not is_object(facts.value(ad, "content_review", null))
	r := reason(rule, "needs_review", ["content_review"], "review_missing", {})
}

_missing_reviewer(ad, rule) := {r |
	is_object(facts.value(ad, "content_review", null))
	not facts.is_set_string(ad, ["content_review", "reviewer"])
	r := reason(rule, "needs_review", ["content_review", "reviewer"], "reviewer_missing", {})
}

_missing_flags(ad, rule) := {r |
	is_object(facts.value(ad, "content_review", null))
	not is_array(facts.value(ad, ["content_review", "flags"], null))
	r := reason(rule, "needs_review", ["content_review", "flags"], "flags_missing", {})
}

# --- AD-002: fact-based, truthful --------------------------------------------------------------------------

# Blocking part: the reviewer found the ad misleading; an unreviewed political ad cannot be cleared of it.
ad002_block(ad) := fails if {
	fails := {r |
		some i, flag in _flags(ad)
		flag == "misleading"
		r := reason("AD-002", "fail", ["content_review", "flags", i], "misleading", {})
	}
	count(fails) > 0
} else := _review_gaps(ad, "AD-002")

# Warning part: a factual claim with neither a source nor a check against one, or the reviewer's own flag.
ad002_warn(ad) := _unsourced_claims(ad) | _unsourced_flags(ad)

_unsourced_claims(ad) := {r |
	claims := facts.value(ad, ["content_review", "fact_claims"], [])
	is_array(claims)
	some i, claim in claims
	not facts.is_set_string(claim, "source_url")
	not facts.is_true(claim, "verified")
	text := facts.value(claim, "claim", sprintf("#%d", [i]))
	r := reason("AD-002", "fail", ["content_review", "fact_claims", i], "claim_unsourced", {"claim": text})
}

_unsourced_flags(ad) := {r |
	some i, flag in _flags(ad)
	flag == "unsourced_claim"
	r := reason("AD-002", "fail", ["content_review", "flags", i], "unsourced_flag", {})
}

# --- AD-003: focus on our own message -----------------------------------------------------------------------

ad003_warn(ad) := _opponent_focus(ad) | _opponent_flags(ad) | _focus_unknown(ad)

ad003_info(ad) := {r |
	facts.value(ad, ["content_review", "message_focus"], null) == "mixed"
	r := reason("AD-003", "fail", ["content_review", "message_focus"], "mixed_focus", {})
}

_opponent_focus(ad) := {r |
	facts.value(ad, ["content_review", "message_focus"], null) == "opponent"
	r := reason("AD-003", "fail", ["content_review", "message_focus"], "opponent_focus", {})
}

_opponent_flags(ad) := {r |
	some i, flag in _flags(ad)
	flag == "opponent_focus"
	r := reason("AD-003", "fail", ["content_review", "flags", i], "opponent_flag", {})
}

# A review of a political ad that does not say whose message it is about leaves the focus unchecked.
# (No review at all is AD-001's finding, not repeated here.)
_focus_unknown(ad) := {r |
	political(ad) != "no"
	is_object(facts.value(ad, "content_review", null))
	facts.is_unknown(ad, ["content_review", "message_focus"])
	r := reason("AD-003", "needs_review", ["content_review", "message_focus"], "focus_unknown", {})
}

# --- AD-004: the party is clearly the sender ----------------------------------------------------------------

ad004(ad, related, names) := _ad004(ad, related, names) if {
	political(ad) == "yes"
} else := _as_unknown("AD-004", "political_unknown", _ad004(ad, related, names)) if {
	political(ad) == "unknown"
} else := set()

_ad004(ad, related, names) := union({
	_sender_names(ad, names),
	_dsa_names(ad, names),
	_account(ad, related, names),
})

# The sponsor and the "Paid for by" disclaimer must be the party or one of its sub-entities (PARTY).
_sender_names(ad, names) := {r |
	some field in ["sponsor_legal_name", "paid_for_by"]
	r := _party_field(ad, ["sender", field], names)
}

_party_field(ad, path, names) := reason("AD-004", "needs_review", path, "sender_missing", {"field": _dotted(path)}) if {
	not facts.is_set_string(ad, path)
} else := reason("AD-004", "needs_review", path, "name_unindexed", {"value": value}) if {
	value := facts.value(ad, path, null)
	not _indexed(names, value)
} else := reason("AD-004", "fail", path, "sender_not_party", {"field": _dotted(path), "value": value}) if {
	value := facts.value(ad, path, null)
	not is_party_name(names, value)
}

# Meta's DSA beneficiary and payor, where given, must each be the sponsor or the payer (by normal form).
_dsa_names(ad, names) := {r |
	some field in ["meta_dsa_beneficiary", "meta_dsa_payor"]
	path := ["sender", field]
	facts.is_set_string(ad, path)
	value := facts.value(ad, path, null)
	r := _dsa_reason(ad, path, value, names)
}

_dsa_reason(ad, path, value, names) := reason("AD-004", "needs_review", path, "name_unindexed", {"value": value}) if {
	not _indexed(names, value)
} else := reason("AD-004", "fail", path, "dsa_mismatch", {"field": _dotted(path), "value": value}) if {
	payers := _sponsor_or_payer_norms(ad, names)
	count(payers) > 0 # with neither named, sender_missing already asks for the sponsor
	not names[value].norm in payers
}

_sponsor_or_payer_norms(ad, names) := {norm |
	some field in ["sponsor_legal_name", "payer_legal_name"]
	facts.is_set_string(ad, ["sender", field])
	norm := names[ad.sender[field]].norm
	is_string(norm)
}

# The publishing account must be a party account that speaks in the party's name (the ACC-001 condition).
_account(ad, related, names) := {reason("AD-004", "needs_review", ["account_id"], "account_missing", {})} if {
	not facts.is_set_string(ad, "account_id")
} else := {reason("AD-004", "needs_review", ["account_id"], "account_unresolved", {"account": ad.account_id})} if {
	not is_object(object.get(related, ["account", ad.account_id], null))
} else := _account_reasons(related.account[ad.account_id], ad.account_id, _env(related, names))

# The environment the account library judges an account in (accounts.env_of, from our arguments).
_env(related, names) := {
	"vendors": object.get(related, "vendor", {}),
	"accounts": object.get(related, "account", {}),
	"names": names,
}

# "yes" when the owner is the party or the type is a party type (ACC-001's scope, from the account library);
# "no" when both are known and neither is; else "unknown".
party_account(acc) := "yes" if {
	accounts.speaks_for_party(acc)
} else := "no" if {
	facts.is_known(acc, ["owner", "kind"])
	facts.is_known(acc, "account_type")
} else := "unknown"

# ACC-001's own test decides whether the account speaks in the party's name: named for the party passes,
# an ACC-001 fail fails, anything else (a missing or unnormalised name or bio) is a review.
_account_reasons(acc, id, env) := {reason("AD-004", "fail", ["account_id"], "account_not_party", {
	"account": id,
	"account_type": facts.value(acc, "account_type", "unknown"),
})} if {
	party_account(acc) == "no"
} else := {reason("AD-004", "needs_review", ["account_id"], "account_kind_unknown", {"account": id})} if {
	party_account(acc) == "unknown"
} else := set() if {
	accounts.named_for_party(acc, env)
} else := {reason("AD-004", "fail", ["account_id"], "account_not_named", {
	"account": id,
	"display_name": facts.value(acc, "display_name", ""),
})} if {
	some r in accounts.acc001(acc, env)
	r.status == "fail"
} else := {reason("AD-004", "needs_review", ["account_id"], "account_name_unknown", {"account": id})}

# --- PARTY: names in their normal form (engine/names.py) against data.ethiq.index.party_names -------------
# The account library's tests, so that an ad's sender and an account's name mean the same by "the party".

_indexed(names, value) if accounts.indexed({"names": names}, value)

is_party_name(names, value) if accounts.is_party_name({"names": names}, value)

# --- AD-005: dark posts have a public counterpart that was published first ------------------------------------

ad005(ad, index) := _ad005(ad, index) if {
	dark(ad) == "yes"
} else := _as_unknown("AD-005", dark(ad), _ad005(ad, index)) if {
	dark(ad) != "no"
} else := set()

_ad005(ad, index) := {reason("AD-005", "fail", ["public_counterpart", "post_id"], "counterpart_missing", {})} if {
	not facts.is_set_string(ad, ["public_counterpart", "post_id"])
} else := _not_indexed(ad, index) if {
	count(counterparts(ad, index)) == 0
} else := {reason("AD-005", "needs_review", ["schedule", "start"], "start_missing", {})} if {
	not facts.is_set_string(ad, ["schedule", "start"])
} else := _publication_order(ad, index)

# An empty index is an export nobody made, not proof that the post is missing: needs_review, still blocking.
_not_indexed(ad, index) := {r |
	count(_array(index)) == 0
	r := reason("AD-005", "needs_review", ["public_counterpart", "post_id"], "index_empty", {"post_id": ad.public_counterpart.post_id})
} | {r |
	count(_array(index)) > 0
	r := reason("AD-005", "fail", ["public_counterpart", "post_id"], "counterpart_not_indexed", {"post_id": ad.public_counterpart.post_id})
}

# The index entries that are the declared counterpart: same post id, and same platform where both give one.
counterparts(ad, index) := [entry |
	post_id := facts.value(ad, ["public_counterpart", "post_id"], null)
	is_string(post_id)
	some entry in _array(index)
	facts.value(entry, "post_id", null) == post_id
	_same_platform(facts.value(ad, ["public_counterpart", "platform"], null), facts.value(entry, "platform", null))
]

_same_platform(declared, _) if declared == null

_same_platform(_, indexed) if indexed == null

_same_platform(declared, indexed) if declared == indexed

# The index is the ground truth for the publication time; the ad's own claim is used only when it has none.
# One counterpart published in time is enough; an order that cannot be told (a date against the same day)
# or a missing time is a review; only a counterpart certainly published after the start fails.
_publication_order(ad, index) := set() if {
	"ok" in _verdicts(ad, index)
} else := {reason("AD-005", "needs_review", _published_path(ad), "published_order_unknown", _order_params(ad, index))} if {
	"undetermined" in _verdicts(ad, index)
} else := {reason("AD-005", "needs_review", _published_path(ad), "published_missing", {"post_id": ad.public_counterpart.post_id})} if {
	"missing" in _verdicts(ad, index)
} else := {reason("AD-005", "fail", _published_path(ad), "published_after_start", _order_params(ad, index))}

_verdicts(ad, index) := {verdict |
	some entry in counterparts(ad, index)
	verdict := _published_verdict(ad, entry)
}

_published_verdict(ad, entry) := not_after(_published(ad, entry), ad.schedule.start) if {
	_published(ad, entry)
} else := "missing"

_published(ad, entry) := entry.published_at if {
	facts.is_set_string(entry, "published_at")
} else := ad.public_counterpart.published_at if {
	facts.is_set_string(ad, ["public_counterpart", "published_at"])
}

_published_path(ad) := ["public_counterpart", "published_at"] if {
	facts.is_set_string(ad, ["public_counterpart", "published_at"])
} else := ["public_counterpart", "post_id"]

_order_params(ad, index) := {
	"post_id": ad.public_counterpart.post_id,
	"published_at": concat(", ", sort({p | some entry in counterparts(ad, index); p := _published(ad, entry)})),
	"start": ad.schedule.start,
}

# --- AD-006: the dark post says what the public post says -------------------------------------------------------

ad006(ad, index, derived) := _ad006(ad, index, derived) if {
	dark(ad) == "yes"
} else := _as_unknown("AD-006", dark(ad), _ad006(ad, index, derived)) if {
	dark(ad) != "no"
} else := set()

_equivalence_path := ["public_counterpart", "equivalence"]

_ad006(ad, index, derived) := {reason("AD-006", "fail", _equivalence_path, "not_equivalent", {})} if {
	facts.value(ad, _equivalence_path, null) == "none"
} else := {reason("AD-006", "needs_review", _equivalence_path, "equivalence_missing", {})} if {
	not facts.value(ad, _equivalence_path, null) in {"identical", "approved_variant"}
} else := {reason("AD-006", "fail", ["public_counterpart", "approved_by"], "variant_unapproved", {})} if {
	facts.value(ad, _equivalence_path, null) == "approved_variant"
	not facts.is_set_string(ad, ["public_counterpart", "approved_by"])
} else := set() if {
	facts.value(ad, _equivalence_path, null) == "approved_variant"
} else := _identical(ad, index, derived)

# "identical" is never taken on trust when the engine could hash the ad's text (input.derived): that hash must
# be the public post's. Only an ad without text falls back to the declared hash, which must then equal the
# index's (the ground truth) rather than just be present.
_identical(ad, index, derived) := _derived_identical(ad, index, derived.creative_text_sha256) if {
	is_string(object.get(derived, "creative_text_sha256", null))
} else := _declared_identical(ad, index)

_derived_identical(ad, index, text_hash) := {reason("AD-006", "needs_review", ["public_counterpart", "post_id"], "counterpart_hash_missing", {})} if {
	count(_counterpart_hashes(ad, index)) == 0
} else := {reason("AD-006", "fail", ["creative", "text"], "text_differs", {"post_id": facts.value(ad, ["public_counterpart", "post_id"], "")})} if {
	not text_hash in _counterpart_hashes(ad, index)
} else := set()

# The public post's hash: the index's (ground truth), else the one the ad declares for it.
_counterpart_hashes(ad, index) := hashes if {
	hashes := _indexed_hashes(ad, index)
	count(hashes) > 0
} else := {ad.public_counterpart.content_sha256} if {
	facts.is_set_string(ad, ["public_counterpart", "content_sha256"])
} else := set()

_indexed_hashes(ad, index) := {h |
	some entry in counterparts(ad, index)
	h := facts.value(entry, "content_sha256", null)
	is_string(h)
}

_declared_identical(ad, index) := {reason("AD-006", "needs_review", ["public_counterpart", "content_sha256"], "hash_missing", {})} if {
	not facts.is_set_string(ad, ["public_counterpart", "content_sha256"])
} else := {reason("AD-006", "needs_review", ["public_counterpart", "post_id"], "index_hash_missing", {})} if {
	count(_indexed_hashes(ad, index)) == 0
} else := {reason("AD-006", "fail", ["public_counterpart", "content_sha256"], "hash_mismatch", {})} if {
	not ad.public_counterpart.content_sha256 in _indexed_hashes(ad, index)
} else := set()

# --- AD-011: the platform accepts political ads in the EU on the start date ----------------------------------

# An organic public post is not advertising: no platform's advertiser rules, and no ban on political ads,
# apply to it (TTPA Art. 1(2): without payment there is no political advertisement).
ad011(ad, related, timeline) := set() if {
	facts.value(ad, "visibility", null) == "organic_public"
} else := _ad011(ad, related, timeline) if {
	political(ad) == "yes"
} else := _as_unknown("AD-011", "political_unknown", _ad011(ad, related, timeline)) if {
	political(ad) == "unknown"
} else := set()

# The party's own delivery channels follow no platform's advertiser rules (seed S14 is about the networks).
own_channels := {"email", "sms"}

# The 27 EU member states. The context has no such list; a context key `eu_member_states` overrides it.
default eu_member_states := {
	"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
	"IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}

eu_member_states := {c | some c in data.ethiq.context.eu_member_states} if is_array(data.ethiq.context.eu_member_states)

# A platform that stops the ad fails it only where the ad reaches the EU; a platform whose stance cannot be
# told, or an ad whose reach cannot be told, is a review. A platform that accepts the ad settles it.
_ad011(ad, related, timeline) := set() if {
	platform_verdict(ad, timeline).verdict == "allowed"
} else := set() if {
	_eu_verdict(ad, related) == "no"
} else := {object.union(v.reason, {"params": object.union(v.reason.params, {"countries": _eu_countries(ad, related)})})} if {
	v := platform_verdict(ad, timeline)
	v.verdict == "banned"
	_eu_verdict(ad, related) == "yes"
} else := _eu_gaps(ad, related) if {
	platform_verdict(ad, timeline).verdict == "banned"
} else := {platform_verdict(ad, timeline).reason}

# {"verdict": "allowed" | "banned" | "undetermined", "reason": the reason when not allowed}.
platform_verdict(ad, timeline) := {"verdict": "allowed"} if {
	facts.value(ad, "platform", null) in own_channels
} else := _undetermined(["platform"], "timeline_missing", {"platform": ad.platform}) if {
	not is_object(_timeline_entry(ad, timeline))
} else := _banned(["platform"], "platform_bans", {"platform": ad.platform}) if {
	facts.is_false(_timeline_entry(ad, timeline), "political_ads_allowed")
} else := _undetermined(["schedule", "start"], "start_missing", _cutoff_params(ad, timeline)) if {
	_cutoff(ad, timeline)
	not facts.is_set_string(ad, ["schedule", "start"])
} else := _banned(["schedule", "start"], "platform_ended", _cutoff_params(ad, timeline)) if {
	at_or_after(ad.schedule.start, _cutoff(ad, timeline)) == "yes"
} else := _undetermined(["schedule", "start"], "start_near_cutoff", _cutoff_params(ad, timeline)) if {
	at_or_after(ad.schedule.start, _cutoff(ad, timeline)) == "undetermined"
} else := {"verdict": "allowed"} if {
	_cutoff(ad, timeline) # started before the platform stopped political ads
} else := {"verdict": "allowed"} if {
	facts.is_true(_timeline_entry(ad, timeline), "political_ads_allowed")
} else := _undetermined(["platform"], "timeline_unknown", {"platform": ad.platform})

_timeline_entry(ad, timeline) := object.get(timeline, facts.value(ad, "platform", ""), null)

_cutoff(ad, timeline) := cutoff if {
	cutoff := facts.value(_timeline_entry(ad, timeline), "eu_political_ads_allowed_until", null)
	is_string(cutoff)
}

_cutoff_params(ad, timeline) := {
	"platform": ad.platform,
	"cutoff": _cutoff(ad, timeline),
	"start": facts.value(ad, ["schedule", "start"], "unknown"),
}

_banned(path, message, params) := {"verdict": "banned", "reason": reason("AD-011", "fail", path, message, params)}

_undetermined(path, message, params) := {"verdict": "undetermined", "reason": reason("AD-011", "needs_review", path, message, params)}

# Where the ad is delivered: the countries of its audiences (and of their cities). "yes" when one is in the
# EU, else "unknown" when an audience is missing, unresolved or names no country, else "no".
_eu_verdict(ad, related) := "yes" if {
	count(_eu_hits(ad, related)) > 0
} else := "unknown" if {
	count(_eu_gaps(ad, related)) > 0
} else := "no"

_eu_hits(ad, related) := {country |
	some id in _audience_ids(ad)
	some country in audience_countries(object.get(related, ["audience", id], {}))
	country in eu_member_states
}

_eu_countries(ad, related) := concat(", ", sort(_eu_hits(ad, related)))

_audience_ids(ad) := {i: id |
	ids := facts.value(ad, "audience_ids", [])
	is_array(ids)
	some i, id in ids
}

audience_countries(aud) := {c | some c in _array(facts.value(aud, ["normalized", "geo", "countries"], []))} | {c |
	some city in _array(facts.value(aud, ["normalized", "geo", "cities"], []))
	c := facts.value(city, "country", null)
	is_string(c)
}

_eu_gaps(ad, related) := {reason("AD-011", "needs_review", ["audience_ids"], "audience_missing", {})} if {
	count(_audience_ids(ad)) == 0
} else := {r |
	some i, id in _audience_ids(ad)
	not is_object(object.get(related, ["audience", id], null))
	r := reason("AD-011", "needs_review", ["audience_ids", i], "audience_unresolved", {"audience": id})
} | {r |
	some i, id in _audience_ids(ad)
	aud := object.get(related, ["audience", id], null)
	is_object(aud)
	count(audience_countries(aud)) == 0
	r := reason("AD-011", "needs_review", ["audience_ids", i], "audience_countries_unknown", {"audience": id})
}

# --- instants: dates and RFC 3339 date-times with offsets -------------------------------------------------------
#
# A date-time is one instant. A date is a whole day, read in the offset of the value it is compared with (the
# party's own clock), or in UTC when both are dates. So "2025-10-06" against 18:00+02:00 that day cannot be
# ordered, and gives a review rather than a guess.

_day_ns := ((24 * 60) * 60) * 1000000000

is_date(value) if regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, value)

# One spelling of a date-time, which time.parse_rfc3339_ns reads alike on every engine: the schema accepts
# what RFC 3339 allows ("t" or a space for "T", "z" for "Z", and here no seconds: "18:00+02:00"); OPA's
# parser takes only "T", "Z" and seconds, and regorus is more lenient. Upper case is safe: the pattern leaves
# no other letter.
_rfc3339(value) := regex.replace(
	regex.replace(upper(value), `^([0-9]{4}-[0-9]{2}-[0-9]{2}) `, "${1}T"),
	`^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2})([Z+-].*)$`,
	"${1}:00${2}",
)

_offset(value) := "Z" if {
	is_date(value)
} else := matches[0][1] if {
	matches := regex.find_all_string_submatch_n(`([Zz]|[+-][0-9]{2}:[0-9]{2})$`, value, 1)
	count(matches) > 0
} else := "Z"

# [first, last] instant (ns) of `value`, a date read in the offset of `other`.
span(value, other) := [first, (first + _day_ns) - 1] if {
	is_date(value)
	first := time.parse_rfc3339_ns(_rfc3339(concat("", [value, "T00:00:00", _offset(other)])))
} else := [t, t] if {
	t := time.parse_rfc3339_ns(_rfc3339(value))
}

# Whether `a` is no later than `b`: "ok", "after", or "undetermined" when their spans overlap.
not_after(a, b) := "ok" if {
	span(a, b)[1] <= span(b, a)[0]
} else := "after" if {
	span(a, b)[0] > span(b, a)[1]
} else := "undetermined"

# Whether `start` is at or after the instant `cutoff` begins (a date cutoff: the start of that day).
at_or_after(start, cutoff) := "yes" if {
	span(start, cutoff)[0] >= span(cutoff, start)[0]
} else := "no" if {
	span(start, cutoff)[1] < span(cutoff, start)[0]
} else := "undetermined"

# --- helpers ---------------------------------------------------------------------------------------------------

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
