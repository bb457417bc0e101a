package ethiq.lib.ads_test

import data.ethiq.lib.ads

# --- instants ----------------------------------------------------------------------------------------------

# Every spelling the schema accepts ("t" or a space for "T", "z" for "Z", no seconds) is the same instant,
# read by time.parse_rfc3339_ns on every engine (OPA's parser takes only "T", "Z" and seconds).
test_span_of_a_date_time_is_one_instant if {
	ads.span("2025-10-06T18:00:00+02:00", "2025-10-06") == [1759766400000000000, 1759766400000000000]
	every value in [
		"2025-10-06T16:00:00Z", "2025-10-06 18:00:00+02:00", "2025-10-06t16:00:00z", "2025-10-06 18:00+02:00",
		"2025-10-06T16:00:00.000Z",
	] {
		ads.span(value, "x") == [1759766400000000000, 1759766400000000000]
	}
}

test_span_reads_times_without_seconds if {
	ads.span("2025-10-06T18:00+02:00", "x") == ads.span("2025-10-06T18:00:00+02:00", "x")
}

test_span_of_a_date_is_the_day_in_the_other_offset if {
	[first, last] := ads.span("2025-10-06", "2025-10-06T18:00:00+02:00")
	first == time.parse_rfc3339_ns("2025-10-06T00:00:00+02:00")
	last == time.parse_rfc3339_ns("2025-10-07T00:00:00+02:00") - 1
	ads.span("2025-10-06", "2025-10-06t18:00:00z") == ads.span("2025-10-06", "2025-10-06T18:00:00Z")
}

test_span_of_two_dates_is_in_utc if {
	[first, _] := ads.span("2025-10-06", "2025-10-07")
	first == time.parse_rfc3339_ns("2025-10-06T00:00:00Z")
}

test_not_after_orders_instants if {
	ads.not_after("2025-08-18T09:00:00+02:00", "2025-08-20T08:00:00+02:00") == "ok"
	ads.not_after("2025-08-20T08:00:00+02:00", "2025-08-20T06:00:00Z") == "ok" # the same instant
	ads.not_after("2025-08-21T09:00:00+02:00", "2025-08-20T08:00:00+02:00") == "after"
}

test_not_after_with_dates if {
	ads.not_after("2025-08-19", "2025-08-20") == "ok"
	ads.not_after("2025-08-20", "2025-08-20") == "undetermined"
	ads.not_after("2025-08-21", "2025-08-20") == "after"
	ads.not_after("2025-08-20", "2025-08-20T08:00:00+02:00") == "undetermined"
	ads.not_after("2025-08-19", "2025-08-20T00:00:00+02:00") == "ok"
}

test_at_or_after_a_cutoff if {
	ads.at_or_after("2025-10-06T18:00:00+02:00", "2025-10-06T18:00:00+02:00") == "yes"
	ads.at_or_after("2025-10-06T17:59:59+02:00", "2025-10-06T18:00:00+02:00") == "no"
	ads.at_or_after("2025-10-06", "2025-10-06T18:00:00+02:00") == "undetermined"
	ads.at_or_after("2025-10-01", "2025-10-01") == "yes"
	ads.at_or_after("2025-09-30", "2025-10-01") == "no"
	ads.at_or_after("2025-10-01T00:00:00+02:00", "2025-10-01") == "yes"
}

# --- dark posts and political status -----------------------------------------------------------------------

test_dark_status if {
	ads.dark({"visibility": "ad_only_unpublished"}) == "yes"
	ads.dark({"visibility": "boosted_existing_post", "platform_refs": {"post_is_published": false}}) == "yes"
	ads.dark({"visibility": "boosted_existing_post", "platform_refs": {"post_is_published": true}}) == "no"
	ads.dark({"visibility": "boosted_existing_post"}) == "published_unknown"
	ads.dark({"visibility": "organic_public"}) == "no"
	ads.dark({}) == "visibility_unknown"
}

test_political_status if {
	ads.political({"political": {"is_political_advertisement": true}}) == "yes"
	ads.political({"political": {"is_political_advertisement": false}}) == "no"
	ads.political({"political": {"is_political_advertisement": "unknown"}}) == "unknown"
	ads.political({}) == "unknown"
}

# --- PARTY names ---------------------------------------------------------------------------------------------

_names := {
	"Liberalerna": {"norm": "liberalerna"},
	"Liberalerna i Stockholm": {"norm": "liberalerna i stockholm"},
}

_index := {"party_names": {"liberalerna": true, "liberal party of sweden": true}}

test_party_name_is_an_exact_normal_form if {
	ads.is_party_name(_names, "Liberalerna") with data.ethiq.index as _index
	not ads.is_party_name(_names, "Liberalerna i Stockholm") with data.ethiq.index as _index
	not ads.is_party_name(_names, "Okänt namn") with data.ethiq.index as _index
}

test_party_account if {
	ads.party_account({"owner": {"kind": "party"}, "account_type": "candidate_profile"}) == "yes"
	ads.party_account({"owner": {"kind": "person"}, "account_type": "local_branch_page"}) == "yes"
	ads.party_account({"owner": {"kind": "person"}, "account_type": "candidate_profile"}) == "no"
	ads.party_account({"owner": {"kind": "person"}}) == "unknown"
}

# --- audiences ---------------------------------------------------------------------------------------------------

test_audience_countries_include_cities if {
	aud := {"normalized": {"geo": {"countries": ["SE"], "cities": [{"name": "Helsinki", "country": "FI"}, {"name": "x"}]}}}
	ads.audience_countries(aud) == {"SE", "FI"}
	ads.audience_countries({}) == set()
}

test_eu_member_states_default_and_override if {
	"SE" in ads.eu_member_states
	not "NO" in ads.eu_member_states
	count(ads.eu_member_states) == 27
	ads.eu_member_states == {"SE"} with data.ethiq.context.eu_member_states as ["SE"]
}
