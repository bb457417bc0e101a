# Accounts: who speaks for the party, and whether an account's reach is its own (seed S05-S10).
#
# One function per rule, each over an account document and its environment, returning a set of reasons
#   {"rule": "ACC-00n", "status": "fail" | "needs_review", "path": [...], "message": key, "params": {...}}
# (plus "trace" for a reason reached through a reference), where `path` points into the account. The
# environment is what the engine hands the judged document, so an ad or a campaign can judge the account
# that publishes it by the same rules:
#   env := {"vendors": input.related.vendor, "accounts": input.related.account, "names": input.names}
# (`env_of(input)` builds it). An empty set means the account is clean on every fact the rule needs.
package ethiq.lib.accounts

import data.ethiq.lib.facts

env_of(inp) := {
	"vendors": _object(object.get(inp, ["related", "vendor"], {})),
	"accounts": _object(object.get(inp, ["related", "account"], {})),
	"names": _object(object.get(inp, "names", {})),
}

_object(x) := x if is_object(x)

_object(x) := {} if not is_object(x)

# --- party names ---------------------------------------------------------------------------------------

# Normal forms of the party's and its sub-entities' legal names and aliases (engine/names.py). Without an
# index nothing is the party's: every party-name test then fails closed.
default party_names := {}

party_names := names if {
	names := data.ethiq.index.party_names
	is_object(names)
}

# Abbreviations such as "(L)": they are not names, so they never match a normal form (which strips the
# punctuation that makes them recognisable); they are matched on the raw text as whole tokens.
default short_marks := []

short_marks := marks if {
	marks := data.ethiq.context.party.short_marks
	is_array(marks)
}

# The engine's normal form of a raw string of this document or a related one (input.names).
norm(env, s) := n if {
	is_string(s)
	n := env.names[s].norm
	is_string(n)
	n != ""
}

# The engine normalised the string, so a party-name test on it means something.
indexed(env, s) if norm(env, s)

# The whole string is a name of the party or a sub-entity.
is_party_name(env, s) if party_names[norm(env, s)] == true

# The string contains a party name as whole words ("anställd på liberalerna" does, "ungliberalerna" and
# "liberalernas" do not): padding both sides with spaces keeps a word from matching inside another.
mentions_party(env, s) if {
	text := concat("", [" ", norm(env, s), " "])
	some alias, listed in party_names
	listed == true
	alias != ""
	contains(text, concat("", [" ", alias, " "]))
}

# A short mark as a token of its own ("Riksdagsledamot (L)"), never as letters inside a word.
has_short_mark(s) if {
	is_string(s)
	some mark in short_marks
	is_string(mark)
	mark != ""
	regex.match(concat("", [`(^|[^\p{L}\p{N}])`, _escape(mark), `($|[^\p{L}\p{N}])`]), s)
}

# The mark's letters as the first part of a hyphenated compound ("L-politiker", "L-kandidat"), which
# Swedish writes without the parentheses; "SL-kort" or a bare "L" do not count.
has_short_mark(s) if {
	is_string(s)
	some mark in short_marks
	is_string(mark)
	letters := trim(mark, "()[] ")
	letters != ""
	regex.match(concat("", [`(^|[^\p{L}\p{N}-])`, _escape(letters), `-\p{L}`]), s)
}

# Rego has no regex.escape: backslash every metacharacter so a mark is matched literally.
_escape(s) := regex.replace(s, `([\\.+*?()|\[\]{}^$-])`, `\${1}`)

# The text states a party affiliation: a party name as whole words, or a short mark as a token.
names_affiliation(env, s) if mentions_party(env, s)

names_affiliation(_, s) if has_short_mark(s)

# The account presents itself as the party's: its display name is a party name, or its bio names one.
named_for_party(acc, env) if is_party_name(env, facts.value(acc, "display_name", null))

named_for_party(acc, env) if mentions_party(env, facts.value(acc, "bio_text", null))

# --- ACC-001: party accounts speak in the party's own name --------------------------------------------

party_types := {"party_page", "party_profile", "local_branch_page", "ad_account", "business_portfolio"}

speaks_for_party(acc) if facts.value(acc, ["owner", "kind"], null) == "party"

speaks_for_party(acc) if facts.value(acc, "account_type", null) in party_types

acc001(acc, env) := _acc001(acc, env) if {
	speaks_for_party(acc)
} else := {r |
	# A known personal type is judged by ACC-002 and ACC-003; an unknown type may be a party page.
	facts.is_unknown(acc, "account_type")
	r := reason("ACC-001", "needs_review", ["account_type"], "scope_unknown", {})
}

_acc001(acc, env) := set() if {
	named_for_party(acc, env)
} else := fails if {
	fails := _acc001_fails(acc, env)
	count(fails) > 0
} else := _acc001_reviews(acc, env)

# Both texts are known and neither names the party. An explicitly empty bio is known: it names nobody.
_acc001_fails(acc, env) := {r |
	name := facts.value(acc, "display_name", null)
	indexed(env, name)
	_known_text(env, facts.value(acc, "bio_text", null))
	r := reason("ACC-001", "fail", ["display_name"], "not_party_name", {"display_name": name})
}

_known_text(env, s) if indexed(env, s)

_known_text(_, s) if {
	is_string(s)
	trim_space(s) == ""
}

_acc001_reviews(acc, env) := union({
	_text_missing("ACC-001", acc, "display_name", "display_name_missing"),
	_text_missing("ACC-001", acc, "bio_text", "bio_missing"),
	_text_unindexed("ACC-001", acc, env, ["display_name"]),
	_text_unindexed("ACC-001", acc, env, ["bio_text"]),
})

# A missing, null, non-string or blank text is an unknown fact (an explicitly empty bio is known, above).
_text_missing(rule, acc, field, message) := {r |
	not _present_text(facts.value(acc, field, null))
	not _empty_text(facts.value(acc, field, null), field)
	r := reason(rule, "needs_review", [field], message, {})
}

_present_text(s) if {
	is_string(s)
	trim_space(s) != ""
}

_empty_text(s, "bio_text") if {
	is_string(s)
	trim_space(s) == ""
}

# The engine normalises every name-bearing string; one it missed is unchecked, which must not read as clean.
_text_unindexed(rule, acc, env, path) := {r |
	value := facts.value(acc, path, null)
	_present_text(value)
	not indexed(env, value)
	r := reason(rule, "needs_review", path, "name_unindexed", {"value": value})
}

# Account types that advertise or administer but have no audience of followers (ACC-007's scope): an ad
# account (Meta, a Google Ads account, a DSP seat) and a business portfolio.
followerless_types := {"ad_account", "business_portfolio"}

has_followers(acc) if not facts.value(acc, "account_type", null) in followerless_types

# --- ACC-002: no fake accounts or invented persons ----------------------------------------------------

personal_types := {"member_personal", "official_personal", "candidate_profile", "employee_personal"}

# A personal account, or one whose type nobody stated (it may be personal).
_maybe_personal(acc) if facts.value(acc, "account_type", null) in personal_types

_maybe_personal(acc) if facts.is_unknown(acc, "account_type")

_organisation_owners := {"party", "vendor"}

acc002(acc) := fails if {
	fails := _acc002_fails(acc)
	count(fails) > 0
} else := _acc002_reviews(acc)

_acc002_fails(acc) := _fake_persona(acc) | _run_by_organisation(acc)

_acc002_reviews(acc) := union({_persona_unknown(acc), _owner_unknown(acc), _type_unknown(acc), _image_signals(acc)})

_fake_persona(acc) := {r |
	persona := facts.value(acc, "persona", null)
	persona in {"fabricated", "impersonated"}
	r := reason("ACC-002", "fail", ["persona"], concat("_", ["persona", persona]), {})
}

# A personal account the party or a vendor runs is a person's voice only if it is a real, verified person's
# own account; otherwise it is an invented person (the catalog: `real_identity_verified != true` fails).
_run_by_organisation(acc) := {r |
	owner := facts.value(acc, ["owner", "kind"], null)
	owner in _organisation_owners
	account_type := facts.value(acc, "account_type", null)
	account_type in personal_types
	some r in _person_checks(acc, {"owner": owner, "account_type": account_type})
}

_person_checks(acc, params) := {reason("ACC-002", "fail", ["owner", "person_ref"], "no_real_person", params)} if {
	not facts.is_set_string(acc, ["owner", "person_ref"])
} else := {r |
	not facts.is_true(acc, ["owner", "real_identity_verified"])
	person := acc.owner.person_ref
	r := reason("ACC-002", "fail", ["owner", "real_identity_verified"], "identity_unverified", object.union(params, {"person": person}))
}

_persona_unknown(acc) := {r |
	facts.is_unknown(acc, "persona")
	r := reason("ACC-002", "needs_review", ["persona"], "persona_unknown", {})
}

_owner_unknown(acc) := {r |
	account_type := facts.value(acc, "account_type", null)
	account_type in personal_types
	facts.is_unknown(acc, ["owner", "kind"])
	r := reason("ACC-002", "needs_review", ["owner", "kind"], "owner_unknown", {"account_type": account_type})
}

_type_unknown(acc) := {r |
	owner := facts.value(acc, ["owner", "kind"], null)
	owner in _organisation_owners
	facts.is_unknown(acc, "account_type")
	r := reason("ACC-002", "needs_review", ["account_type"], "type_unknown", {"owner": owner})
}

# AI-generated, stock or copied pictures are signals of an invented person (DISARM T0145), not proof.
_image_signals(acc) := {r |
	_maybe_personal(acc)
	some signal in ["ai_generated", "stock", "copied"]
	facts.is_true(acc, ["profile_image", signal])
	r := reason("ACC-002", "needs_review", ["profile_image", signal], "image_signal", {"signal": signal})
}

# --- ACC-003: officials and employees state their affiliation -----------------------------------------

holder_roles := {"elected_official", "candidate", "employee"}

_holder_types := {"candidate_profile", "official_personal", "employee_personal"}

_in_profile := ["affiliation_disclosed", "in_profile"]

_text := ["affiliation_disclosed", "text"]

# Parody accounts are exempt; a missing persona is not parody.
acc003(acc, env) := set() if {
	facts.value(acc, "persona", null) == "parody"
} else := _acc003(acc, env) if {
	facts.value(acc, "role_of_holder", null) in holder_roles
} else := {r |
	# The account type says the holder is a candidate, an official or an employee: the role must be known.
	facts.is_unknown(acc, "role_of_holder")
	account_type := facts.value(acc, "account_type", null)
	account_type in _holder_types
	r := reason("ACC-003", "needs_review", ["role_of_holder"], "role_unknown", {"account_type": account_type})
}

_acc003(acc, env) := fails if {
	fails := _acc003_fails(acc, env)
	count(fails) > 0
} else := _acc003_reviews(acc, env)

_acc003_fails(acc, env) := {r |
	facts.is_false(acc, _in_profile)
	r := reason("ACC-003", "fail", _in_profile, "not_in_profile", {"role": acc.role_of_holder})
} | {r |
	places := facts.value(acc, _places, null)
	is_array(places)
	count({p | some p in places; p in profile_places}) == 0
	r := reason("ACC-003", "fail", _places, "outside_profile", {"places": _places_text(places)})
} | {r |
	_affiliation_disclosed(acc)
	text := facts.value(acc, _text, null)
	_present_text(text)
	indexed(env, text)
	not names_affiliation(env, text)
	r := reason("ACC-003", "fail", _text, "text_without_party", {"text": text})
}

# Where the affiliation is stated. The seed asks for it in the profile: the bio, the name or the header; a
# pinned post is a post, not the profile, so a disclosure there alone does not count.
_places := ["affiliation_disclosed", "places"]

profile_places := {"bio", "display_name", "header"}

_places_text(places) := concat(", ", [sprintf("%v", [p]) | some p in places]) if count(places) > 0

_places_text(places) := "nowhere" if count(places) == 0

# Stated in the profile: the flag says so, or, when the flag is unknown, a place in the profile is named.
_affiliation_disclosed(acc) if facts.is_true(acc, _in_profile)

_affiliation_disclosed(acc) if {
	facts.is_unknown(acc, _in_profile)
	some p in facts.value(acc, _places, [])
	p in profile_places
}

_acc003_reviews(acc, env) := {r |
	facts.is_unknown(acc, _in_profile)
	not _affiliation_disclosed(acc)
	r := reason("ACC-003", "needs_review", _in_profile, "disclosure_unknown", {})
} | {r |
	# The disclosing text is not given: the bio, which is the profile, may show it instead.
	_affiliation_disclosed(acc)
	not _present_text(facts.value(acc, _text, null))
	not names_affiliation(env, facts.value(acc, "bio_text", null))
	r := reason("ACC-003", "needs_review", _text, "text_missing", {})
} | {r |
	_affiliation_disclosed(acc)
	text := facts.value(acc, _text, null)
	_present_text(text)
	not indexed(env, text)
	not has_short_mark(text)
	r := reason("ACC-003", "needs_review", _text, "name_unindexed", {"value": text})
}

# --- ACC-004: no bought followers or interactions -----------------------------------------------------

_purchases := ["purchased_followers", "purchased_engagement"]

bought_origins := {"purchased", "rented", "bulk_created", "compromised"}

_vendor_ids := ["commerce", "engagement_vendor_ids"]

_sells := ["services_declared", "sells_followers_or_engagement"]

# Ads with follow or like objectives are not bought followers (S10: "annonsera smart"): they are recorded
# in growth_explanations as paid_campaign, and no field here describes them.
acc004(acc, env) := fails if {
	fails := _acc004_fails(acc, env)
	count(fails) > 0
} else := _acc004_reviews(acc, env)

_acc004_fails(acc, env) := {r |
	some field in _purchases
	facts.is_true(acc, ["commerce", field])
	r := reason("ACC-004", "fail", ["commerce", field], field, {})
} | {r |
	origin := facts.value(acc, ["commerce", "asset_origin"], null)
	origin in bought_origins
	r := reason("ACC-004", "fail", ["commerce", "asset_origin"], "asset_origin", {"origin": origin})
} | {r |
	some ref in _engagement_vendors(acc, env)
	roles := facts.value(ref.vendor, "roles", [])
	is_array(roles)
	"engagement_seller" in roles
	r := traced(reason("ACC-004", "fail", ref.path, "vendor_engagement_seller", {"vendor": ref.id}), [_id(acc), ref.id])
} | {r |
	some ref in _engagement_vendors(acc, env)
	facts.is_true(ref.vendor, _sells)
	r := traced(reason("ACC-004", "fail", ref.path, "vendor_sells_engagement", {"vendor": ref.id}), [_id(acc), ref.id])
}

_acc004_reviews(acc, env) := {r |
	some field in _purchases
	facts.is_unknown(acc, ["commerce", field])
	r := reason("ACC-004", "needs_review", ["commerce", field], concat("_", [field, "unknown"]), {})
} | {r |
	facts.is_unknown(acc, ["commerce", "asset_origin"])
	r := reason("ACC-004", "needs_review", ["commerce", "asset_origin"], "asset_origin_unknown", {})
} | {r |
	# A vendor the run does not hold cannot be cleared of selling engagement.
	some i, id in _strings(facts.value(acc, _vendor_ids, []))
	not facts.has_key(env.vendors, id)
	r := traced(reason("ACC-004", "needs_review", array.concat(_vendor_ids, [i]), "vendor_missing", {"vendor": id}), [_id(acc), id])
} | {r |
	some ref in _engagement_vendors(acc, env)
	facts.is_unknown(ref.vendor, _sells)
	r := traced(reason("ACC-004", "needs_review", ref.path, "vendor_unknown", {"vendor": ref.id}), [_id(acc), ref.id])
}

# The engagement vendors the run holds, with where the account names them.
_engagement_vendors(acc, env) := {ref |
	some i, id in _strings(facts.value(acc, _vendor_ids, []))
	vendor := env.vendors[id]
	ref := {"id": id, "path": array.concat(_vendor_ids, [i]), "vendor": vendor}
}

# --- ACC-005: no bots or engagement-inflating automation ----------------------------------------------

inflating_functions := {
	"auto_like", "auto_follow", "auto_unfollow", "auto_comment", "auto_repost",
	"engagement_pod", "follow_train", "chatbot_undisclosed",
}

_tools := ["automation", "tools"]

# An account states its tools, an empty list included: an account nobody has described may run a bot.
acc005(acc) := fails if {
	fails := _acc005_fails(acc)
	count(fails) > 0
} else := _acc005_reviews(acc)

_acc005_fails(acc) := {r |
	some i, tool in _array(facts.value(acc, _tools, null))
	function := facts.value(tool, "function", null)
	function in inflating_functions
	path := array.concat(_tools, [i, "function"])
	r := reason("ACC-005", "fail", path, "inflating_tool", {"tool": _tool_name(tool, i), "function": function})
}

_acc005_reviews(acc) := {r |
	not is_array(facts.value(acc, _tools, null))
	r := reason("ACC-005", "needs_review", _tools, "tools_unknown", {})
} | {r |
	some i, tool in _array(facts.value(acc, _tools, null))
	facts.is_unknown(tool, "function")
	r := reason("ACC-005", "needs_review", array.concat(_tools, [i]), "function_unknown", {"tool": _tool_name(tool, i)})
}

_tool_name(tool, i) := name if {
	name := facts.value(tool, "name", null)
	_present_text(name)
} else := sprintf("#%d", [i])

# --- ACC-006: no undisclosed networks of party-run accounts -------------------------------------------

_operated_by := ["network", "operated_by"]

_disclosed := ["network", "disclosed_as_party_account"]

_linked := ["network", "linked_account_ids"]

# Who runs the account: "party" (the party, a sub-entity or "party"), "vendor" (a vendor the run holds),
# "holder" (the person the account belongs to), "other" (anyone else: a person, or a vendor id the run does
# not hold) or "unknown".
operator_kind(acc, env) := "unknown" if {
	not facts.is_set_string(acc, _operated_by)
} else := "party" if {
	lower(trim_space(acc.network.operated_by)) == "party"
} else := "party" if {
	is_party_name(env, acc.network.operated_by)
} else := "vendor" if {
	facts.has_key(env.vendors, acc.network.operated_by)
} else := "holder" if {
	facts.is_set_string(acc, ["owner", "person_ref"])
	lower(trim_space(acc.owner.person_ref)) == lower(trim_space(acc.network.operated_by))
} else := "other"

# Whether the account shows the party as its operator. The flag decides when stated; when it is not, an
# account whose name or bio names the party shows it.
disclosure(acc, env) := "disclosed" if {
	facts.is_true(acc, _disclosed)
} else := "undisclosed" if {
	facts.is_false(acc, _disclosed)
} else := "disclosed" if {
	named_for_party(acc, env)
} else := "unknown"

_party_side := {"party", "vendor"}

acc006(acc, env) := fails if {
	fails := _acc006_fails(acc, env)
	count(fails) > 0
} else := _acc006_reviews(acc, env)

_acc006_fails(acc, env) := {r |
	operator_kind(acc, env) in _party_side
	disclosure(acc, env) == "undisclosed"
	r := reason("ACC-006", "fail", _disclosed, "undisclosed", {"operator": acc.network.operated_by})
} | {r |
	some link in _linked_accounts(acc, env)
	operator_kind(link.account, env) in _party_side
	disclosure(link.account, env) == "undisclosed"
	params := {"account": link.id, "operator": link.account.network.operated_by}
	r := traced(reason("ACC-006", "fail", link.path, "linked_undisclosed", params), [_id(acc), link.id])
}

_acc006_reviews(acc, env) := {r |
	operator_kind(acc, env) in _party_side
	disclosure(acc, env) == "unknown"
	r := reason("ACC-006", "needs_review", _disclosed, "disclosure_unknown", {"operator": acc.network.operated_by})
} | {r |
	operator_kind(acc, env) == "unknown"
	disclosure(acc, env) != "disclosed"
	r := reason("ACC-006", "needs_review", _operated_by, "operator_unknown", {})
} | {r |
	operator_kind(acc, env) == "other"
	disclosure(acc, env) != "disclosed"
	r := reason("ACC-006", "needs_review", _operated_by, "operator_unclassified", {"operator": acc.network.operated_by})
} | {r |
	some i, id in _strings(facts.value(acc, _linked, []))
	not facts.has_key(env.accounts, id)
	r := traced(reason("ACC-006", "needs_review", array.concat(_linked, [i]), "linked_missing", {"account": id}), [_id(acc), id])
} | {r |
	some link in _linked_accounts(acc, env)
	operator_kind(link.account, env) in _party_side
	disclosure(link.account, env) == "unknown"
	params := {"account": link.id, "operator": link.account.network.operated_by}
	r := traced(reason("ACC-006", "needs_review", link.path, "linked_disclosure_unknown", params), [_id(acc), link.id])
} | {r |
	some link in _linked_accounts(acc, env)
	operator_kind(link.account, env) in {"unknown", "other"}
	disclosure(link.account, env) != "disclosed"
	r := traced(reason("ACC-006", "needs_review", link.path, "linked_operator_unknown", {"account": link.id}), [_id(acc), link.id])
}

# The accounts this one names as run together with it, as the run holds them. Only direct links: a linked
# account's own links are judged when that account is, and it is a document of the same run.
_linked_accounts(acc, env) := {link |
	some i, id in _strings(facts.value(acc, _linked, []))
	account := env.accounts[id]
	link := {"id": id, "path": array.concat(_linked, [i]), "account": account}
}

# --- ACC-007: anomalous follower growth ---------------------------------------------------------------
#
# The history is sorted by date. Two counts one day apart give a 24-hour gain, in percent of the earlier
# count (a count of 0 is taken as 1, so growth from nothing is a spike rather than a division by zero).
# Counts further apart (a gap) give only the total gain over the gap: when it exceeds the threshold, a
# 24-hour spike inside the gap cannot be ruled out, which needs review; when it does not, no single day
# can have exceeded it (a fall and a rise inside the gap are not visible in any history). Counts on the
# same day are not a gain. Every gain above the threshold is judged, not only the largest: an explained
# spike must not hide an unexplained one. An explanation counts when dated within 3 days of the day of
# the gain (for a gap: of any day inside it).

_history := ["metrics", "follower_history"]

_explanation_days := 3

default spike_threshold := null

spike_threshold := t if {
	t := data.ethiq.context.thresholds.max_follower_spike_pct_24h
	is_number(t)
}

acc007(acc) := {reason("ACC-007", "needs_review", [], "threshold_missing", {})} if {
	spike_threshold == null
} else := fails if {
	fails := _acc007_fails(acc)
	count(fails) > 0
} else := _acc007_reviews(acc)

_acc007_fails(acc) := {r |
	some gain in _gains(acc)
	gain.days == 1
	gain.pct > spike_threshold
	not _explained(acc, gain.to_day - _explanation_days, gain.to_day + _explanation_days)
	r := reason("ACC-007", "fail", array.concat(_history, [gain.index]), "spike", _gain_params(gain))
}

_acc007_reviews(acc) := {r |
	count(_points(acc)) < 2
	r := reason("ACC-007", "needs_review", _history, "history_missing", {})
} | {r |
	some i, entry in _array(facts.value(acc, _history, null))
	not _point(entry)
	r := reason("ACC-007", "needs_review", array.concat(_history, [i]), "entry_invalid", {})
} | {r |
	some gain in _gains(acc)
	gain.days > 1
	gain.pct > spike_threshold
	not _explained(acc, (gain.from_day + 1) - _explanation_days, gain.to_day + _explanation_days)
	params := object.union(_gain_params(gain), {"days": gain.days})
	r := reason("ACC-007", "needs_review", array.concat(_history, [gain.index]), "gap_spike", params)
}

# [day number, index, count, date] of every usable history entry, in date order.
_points(acc) := sort([[day, i, entry.count, entry.date] |
	some i, entry in _array(facts.value(acc, _history, null))
	_point(entry)
	day := day_number(entry.date)
])

_point(entry) if {
	day_number(facts.value(entry, "date", null))
	count := facts.value(entry, "count", null)
	is_number(count)
	count >= 0
}

# The gain between each pair of neighbouring counts.
_gains(acc) := {gain |
	points := _points(acc)
	count(points) >= 2
	some k in numbers.range(1, count(points) - 1)
	before := points[k - 1]
	after := points[k]
	days := after[0] - before[0]
	days > 0
	gain := {
		"days": days,
		"index": after[1],
		"from_day": before[0],
		"to_day": after[0],
		"from": before[2],
		"to": after[2],
		"from_date": before[3],
		"to_date": after[3],
		"pct": ((after[2] - before[2]) * 100) / max([before[2], 1]),
	}
}

_gain_params(gain) := {
	"from_date": gain.from_date,
	"to_date": gain.to_date,
	"from": gain.from,
	"to": gain.to,
	"pct": one_decimal(gain.pct),
	"threshold": spike_threshold,
}

# A number with one decimal, rounded half away from zero: "300.0", "54.5". Not sprintf("%.1f"), which prints
# a whole number as "300" on regorus and "%!f(int64=300)" on OPA: the digits are computed.
one_decimal(x) := sprintf("%s%d.%d", [_minus(x, tenths), whole, tenths - (whole * 10)]) if {
	tenths := round(abs(x) * 10)
	whole := floor(tenths / 10)
}

_minus(x, tenths) := "-" if {
	x < 0
	tenths > 0
} else := ""

_explained(acc, first, last) if {
	some explanation in _array(facts.value(acc, "growth_explanations", null))
	day := day_number(facts.value(explanation, "date", null))
	day >= first
	day <= last
}

# Days since 1970-01-01 of a YYYY-MM-DD date, by arithmetic (H. Hinnant's days_from_civil): the time
# built-ins raise an error, not undefined, on an impossible date, and an error would stop the whole run.
day_number(date) := n if {
	is_string(date)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, date)
	year := _int(substring(date, 0, 4))
	month := _int(substring(date, 5, 2))
	day := _int(substring(date, 8, 2))
	month >= 1
	month <= 12
	day >= 1
	day <= 31
	y := year - _january_or_february(month)
	era := floor(y / 400)
	year_of_era := y - (era * 400)
	day_of_year := (floor(((153 * ((month + 9) % 12)) + 2) / 5) + day) - 1
	day_of_era := (((year_of_era * 365) + floor(year_of_era / 4)) - floor(year_of_era / 100)) + day_of_year
	n := ((era * 146097) + day_of_era) - 719468
}

_january_or_february(month) := 1 if month <= 2

_january_or_february(month) := 0 if month > 2

# to_number rejects leading zeros in regorus ("08"), so strip them first.
_int(digits) := 0 if {
	trim_left(digits, "0") == ""
} else := to_number(trim_left(digits, "0"))

# --- ACC-008: platform identity matches the party -----------------------------------------------------

_disclaimer := ["platform_verification", "disclaimer_name"]

acc008(acc, env) := {r |
	facts.value(acc, _disclaimer, null) == "unknown"
	r := reason("ACC-008", "needs_review", _disclaimer, "disclaimer_unknown", {})
} | {r |
	name := facts.value(acc, _disclaimer, null)
	facts.is_set_string(acc, _disclaimer)
	indexed(env, name)
	not is_party_name(env, name)
	r := reason("ACC-008", "fail", _disclaimer, "disclaimer_not_party", {"name": name})
} | _disclaimer_unindexed(acc, env)

_disclaimer_unindexed(acc, env) := {r |
	facts.is_set_string(acc, _disclaimer)
	some r in _text_unindexed("ACC-008", acc, env, _disclaimer)
}

# --- helpers -------------------------------------------------------------------------------------------

_array(x) := x if is_array(x)

_array(x) := [] if not is_array(x)

# The strings of a list, by index (a non-list is none).
_strings(values) := {i: v |
	some i, v in _array(values)
	is_string(v)
	v != ""
}

reason(rule, status, path, message, params) := {
	"rule": rule,
	"status": status,
	"path": path,
	"message": message,
	"params": params,
}

# The account's id for a trace; a document without one still yields its reasons (dropping them would pass).
_id(acc) := facts.value(acc, "id", "?")

# A reason reached through a reference reports the ids along it.
traced(r, trace) := object.union(r, {"trace": trace})
