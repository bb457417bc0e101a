package ethiq.lib.accounts_test

import data.ethiq.lib.accounts

# --- fixtures: the index and context as the engine derives them from the bundled party ----------------

_index := {"party_names": {"liberalerna": true, "folkpartiet liberalerna": true, "liberal party of sweden": true}}

_context := {"party": {"short_marks": ["(L)"]}, "thresholds": {"max_follower_spike_pct_24h": 50}}

_no_near := {"vendors": [], "people": []}

# What engine/names.py makes of each string (checked against normalize_name).
_names := {
	"Liberalerna": {"norm": "liberalerna", "near": _no_near},
	"Anställd på Liberalerna": {"norm": "anstalld pa liberalerna", "near": _no_near},
	"Ungliberalerna i Lund": {"norm": "ungliberalerna i lund", "near": _no_near},
	"Liberalernas officiella sida.": {"norm": "liberalernas officiella sida", "near": _no_near},
	"Folkpartiet liberalerna": {"norm": "folkpartiet liberalerna", "near": _no_near},
	"Liberalerna Lund": {"norm": "liberalerna lund", "near": _no_near},
	"Anna Andersson": {"norm": "anna andersson", "near": _no_near},
}

_env := {"vendors": {"ven_reach": {"kind": "vendor", "id": "ven_reach"}}, "accounts": {}, "names": _names}

# --- env_of --------------------------------------------------------------------------------------------

test_env_of_reads_the_input if {
	inp := {"related": {"vendor": {"v": {}}, "account": {"a": {}}}, "names": {"x": {"norm": "x"}}}
	accounts.env_of(inp) == {"vendors": {"v": {}}, "accounts": {"a": {}}, "names": {"x": {"norm": "x"}}}
}

test_env_of_missing_parts_are_empty if {
	accounts.env_of({}) == {"vendors": {}, "accounts": {}, "names": {}}
	accounts.env_of({"related": {"vendor": "junk"}, "names": null}) == {"vendors": {}, "accounts": {}, "names": {}}
}

# --- party names -----------------------------------------------------------------------------------------

test_is_party_name_exact_normal_form if {
	accounts.is_party_name(_env, "Liberalerna") with data.ethiq.index as _index
	accounts.is_party_name(_env, "Folkpartiet liberalerna") with data.ethiq.index as _index
	not accounts.is_party_name(_env, "Liberalerna Lund") with data.ethiq.index as _index
}

# A string the engine did not normalise is not a party name, and neither is anything without an index.
test_is_party_name_needs_the_index_and_the_names if {
	not accounts.is_party_name(_env, "LIBERALERNA") with data.ethiq.index as _index
	not accounts.is_party_name(_env, "Liberalerna") with data.ethiq.index as {}
}

test_mentions_party_whole_words_only if {
	accounts.mentions_party(_env, "Anställd på Liberalerna") with data.ethiq.index as _index
	accounts.mentions_party(_env, "Liberalerna Lund") with data.ethiq.index as _index
	not accounts.mentions_party(_env, "Ungliberalerna i Lund") with data.ethiq.index as _index
	not accounts.mentions_party(_env, "Liberalernas officiella sida.") with data.ethiq.index as _index
}

test_has_short_mark_as_a_token if {
	every text in ["Riksdagskandidat (L)", "(L)", "Kommunalråd (L), Lund", "Riksdagsledamot för (L)."] {
		accounts.has_short_mark(text) with data.ethiq.context as _context
	}
}

test_has_short_mark_as_a_compound if {
	every text in ["L-politiker i Malmö", "Stolt L-kandidat", "Jag är (L)-politiker"] {
		accounts.has_short_mark(text) with data.ethiq.context as _context
	}
}

# Never a bare letter: initials, other parties' compounds and letters inside words do not count.
test_has_short_mark_never_a_bare_letter if {
	every text in ["Anna L Andersson", "Åker SL-kort varje dag", "L", "Lund", "x(L)y", "(l)", "XL-storlek"] {
		not accounts.has_short_mark(text) with data.ethiq.context as _context
	}
}

# A value that is not text has no mark, and is no engine error (a regex over a number would be).
test_has_short_mark_takes_only_strings if {
	every value in [5, ["L-politiker"], {"bio": "Riksdagskandidat (L)"}, null, true] {
		not accounts.has_short_mark(value) with data.ethiq.context as _context
	}
}

test_has_short_mark_without_marks_matches_nothing if {
	not accounts.has_short_mark("Riksdagskandidat (L)") with data.ethiq.context as {}
}

# Regex metacharacters in a mark are literal.
test_has_short_mark_escapes_the_mark if {
	accounts.has_short_mark("Ledamot [L.] i Lund") with data.ethiq.context as {"party": {"short_marks": ["[L.]"]}}
	not accounts.has_short_mark("Ledamot [LX] i Lund") with data.ethiq.context as {"party": {"short_marks": ["[L.]"]}}
}

# --- ACC-006: who runs an account --------------------------------------------------------------------

_op(operated_by) := {"owner": {"kind": "person", "person_ref": "Anna Andersson"}, "network": {"operated_by": operated_by}}

test_operator_kind if {
	accounts.operator_kind(_op("party"), _env) == "party" with data.ethiq.index as _index
	accounts.operator_kind(_op(" Party "), _env) == "party" with data.ethiq.index as _index
	accounts.operator_kind(_op("Liberalerna"), _env) == "party" with data.ethiq.index as _index
	accounts.operator_kind(_op("ven_reach"), _env) == "vendor" with data.ethiq.index as _index
	accounts.operator_kind(_op("anna andersson"), _env) == "holder" with data.ethiq.index as _index
	accounts.operator_kind(_op("ven_elsewhere"), _env) == "other" with data.ethiq.index as _index
	accounts.operator_kind(_op("unknown"), _env) == "unknown" with data.ethiq.index as _index
	accounts.operator_kind({}, _env) == "unknown" with data.ethiq.index as _index
}

test_disclosure if {
	accounts.disclosure({"network": {"disclosed_as_party_account": true}}, _env) == "disclosed" with data.ethiq.index as _index
	accounts.disclosure({"network": {"disclosed_as_party_account": false}, "display_name": "Liberalerna"}, _env) == "undisclosed"
		with data.ethiq.index as _index
	accounts.disclosure({"display_name": "Liberalerna"}, _env) == "disclosed" with data.ethiq.index as _index
	accounts.disclosure({"bio_text": "Anställd på Liberalerna"}, _env) == "disclosed" with data.ethiq.index as _index
	accounts.disclosure({"network": {"disclosed_as_party_account": "unknown"}}, _env) == "unknown" with data.ethiq.index as _index
}

# --- ACC-007: day numbers ------------------------------------------------------------------------------

test_one_decimal_prints_one_digit_after_the_point if {
	accounts.one_decimal(300) == "300.0"
	accounts.one_decimal(1100 / 3) == "366.7"
	accounts.one_decimal(54.54) == "54.5"
	accounts.one_decimal(2.25) == "2.3"
	accounts.one_decimal(0.04) == "0.0"
	accounts.one_decimal(-12.36) == "-12.4"
	accounts.one_decimal(-0.04) == "0.0"
}

test_day_number_matches_the_calendar if {
	accounts.day_number("1970-01-01") == 0
	accounts.day_number("2000-03-01") == 11017
	accounts.day_number("2024-03-01") - accounts.day_number("2024-02-28") == 2
	accounts.day_number("2026-03-01") - accounts.day_number("2026-02-28") == 1
	accounts.day_number("2027-01-01") - accounts.day_number("2026-12-31") == 1
}

# An impossible date is undefined, never an error that would stop the run.
test_day_number_rejects_malformed_dates if {
	every date in ["2026-13-01", "2026-00-10", "2026-01-32", "26-01-01", "2026-1-1", "", 20260101, null] {
		not accounts.day_number(date)
	}
}

# --- reasons -------------------------------------------------------------------------------------------

test_traced_adds_the_route if {
	r := accounts.traced(accounts.reason("ACC-004", "fail", ["a"], "m", {}), ["x", "y"])
	r == {"rule": "ACC-004", "status": "fail", "path": ["a"], "message": "m", "params": {}, "trace": ["x", "y"]}
}

# A document without an id still gets its graph reasons: a missing id must never drop a finding.
test_reasons_without_id_keep_their_trace if {
	acc := {"commerce": {"purchased_followers": false, "purchased_engagement": false, "asset_origin": "created", "engagement_vendor_ids": ["ven_gone"]}}
	reasons := accounts.acc004(acc, _env)
	reasons == {{
		"rule": "ACC-004", "status": "needs_review", "path": ["commerce", "engagement_vendor_ids", 0],
		"message": "vendor_missing", "params": {"vendor": "ven_gone"}, "trace": ["?", "ven_gone"],
	}}
}
