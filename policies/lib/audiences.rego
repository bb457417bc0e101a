# Audiences (targeting configurations): the tests behind AUD-001 to AUD-012, as functions over one audience
# document, so that whatever is built on an audience (an ad, a campaign) can judge it by the same rules.
#
# Every function returns a set of reasons
#   {"rule", "status": "fail" | "needs_review", "path": [...], "message": key, "params": {...}}
# plus "severity": "block" | "warn" for the rules whose severity depends on the case (AUD-005, AUD-006) and
# "trace" for a reason reached through the graph. `path` points into the audience; an empty set means the
# audience is clean on every fact the rule needs. Thresholds, maps and elections come from
# data.ethiq.context; a default below is used only where a context may lack the value, and is the
# catalog's own value, so that a thin context never switches a rule off.
package ethiq.lib.audiences

import data.ethiq.lib.facts
import data.ethiq.lib.data_sources

# --- context -----------------------------------------------------------------------------------------

default context := {}

context := data.ethiq.context if is_object(data.ethiq.context)

# The catalog's defaults (rule-catalog §11.4, document-model §10.1), for a context that lacks a threshold.
_threshold_defaults := {
	"min_audience_size": 1000,
	"min_seed_size": 1000,
	"geo_min_radius_km": 5,
	"min_justification_chars": 40,
}

threshold(name) := value if {
	value := object.get(context, ["thresholds", name], null)
	is_number(value)
} else := _threshold_defaults[name]

# The catalog's platform_floor table, used only when the context has no platform_floors at all.
_platform_floor_defaults := {"meta": 100, "google_ads": 100, "linkedin": 300, "x": 100, "tiktok": 1000}

platform_floors := floors if {
	floors := object.get(context, "platform_floors", null)
	is_object(floors)
} else := _platform_floor_defaults

# A platform without a floor of its own (email, sms, dsp) has only the policy floor.
platform_floor(platform) := floor if {
	floor := platform_floors[platform]
	is_number(floor)
} else := 0

# TTPA (Reg. (EU) 2024/900) applies in full from 10 October 2025 [V: Commission TTPA page, UODO]. The
# context has no field for regulation dates yet, so the date is named here once.
ttpa_applies_from := "2025-10-10"

ttpa_applies(as_of) if {
	is_string(as_of)
	substring(as_of, 0, 10) >= ttpa_applies_from
}

# --- shared facts --------------------------------------------------------------------------------------

# Whether the audience serves political advertising: "true", "false" or "unknown" (missing counts as
# unknown, so that a blocking branch applies until the party says otherwise).
political_status(aud) := "true" if {
	facts.is_true(aud, ["political", "is_political_advertising"])
} else := "false" if {
	facts.is_false(aud, ["political", "is_political_advertising"])
} else := "unknown"

platform_of(aud) := p if {
	p := facts.value(aud, "platform", null)
	is_string(p)
} else := ""

# The audience's list at normalized.<name>, or [] when it is absent or malformed.
normalized_list(aud, name) := list if {
	list := facts.value(aud, ["normalized", name], [])
	is_array(list)
} else := []

# Both custom-audience lists, each entry with its path.
custom_audience_entries(aud) := {{"path": ["normalized", name, i], "entry": ca, "list": name} |
	some name in ["custom_audiences", "excluded_custom_audiences"]
	some i, ca in normalized_list(aud, name)
}

is_lookalike(ca) if facts.value(ca, "subtype", null) == "lookalike"

is_lookalike(ca) if is_object(facts.value(ca, "lookalike", null))

_prefix(path, prefix) if {
	is_array(path)
	count(path) >= count(prefix)
	array.slice(path, 0, count(prefix)) == prefix
}

# --- the Art. 9 test of a criterion (AUD-002, AUD-003) -------------------------------------------------

# criterion id -> Art. 9 categories for one platform, from the context's sensitive_criteria_map.
criteria_map(platform) := m if {
	m := object.get(context, ["sensitive_criteria_map", "criteria", platform], {})
	is_object(m)
} else := {}

# Name patterns that only raise a suspicion. Without any in the context, keep the catalog's own example
# ("a name containing religion") and the other Art. 9 words rather than switch the check off.
default name_patterns := [
	{"pattern": `(?i)religi`, "art9": ["religious_or_philosophical_beliefs"]},
	{"pattern": `(?i)health|medical|disease`, "art9": ["health"]},
	{"pattern": `(?i)sexual|\blgbt|\bgay\b|lesbian`, "art9": ["sex_life_or_sexual_orientation"]},
	{"pattern": `(?i)ethnic|\brace\b`, "art9": ["racial_or_ethnic_origin"]},
	{"pattern": `(?i)trade union|labou?r union`, "art9": ["trade_union_membership"]},
	{"pattern": `(?i)politic`, "art9": ["political_opinions"]},
]

name_patterns := patterns if {
	patterns := context.sensitive_criteria_map.name_patterns
	is_array(patterns)
}

_declared_art9(criterion) := cats if {
	cats := facts.value(criterion, "art9", null)
	is_array(cats)
}

_mapped(criterion, platform) := cats if {
	pid := facts.value(criterion, "platform_id", null)
	is_string(pid)
	cats := criteria_map(platform)[pid]
	is_array(cats)
}

# The criterion's id is in the platform's map: someone has classified it (an empty list means "not
# sensitive", and clears a name-pattern suspicion too).
_classified(criterion, platform) if _mapped(criterion, platform)

_pattern_hits(criterion) := {{"pattern": p.pattern, "art9": object.get(p, "art9", [])} |
	name := facts.value(criterion, "name", null)
	is_string(name)
	some p in _patterns_matching(name)
}

# The name patterns `name` matches: as the engine matched them (input.name_patterns: for each name it could
# judge, the context's patterns it matches, each distinct name once per run), else by regex.match here.
_patterns_matching(name) := [p |
	some p in name_patterns
	is_string(p.pattern)
	p.pattern in hits
] if {
	hits := input.name_patterns[name]
	is_array(hits)
} else := [p |
	some p in name_patterns
	is_string(p.pattern)
	regex.match(p.pattern, name)
]

_label(criterion, i) := name if {
	name := facts.value(criterion, "name", null)
	is_string(name)
} else := id if {
	id := facts.value(criterion, "platform_id", null)
	is_string(id)
} else := sprintf("#%d", [i])

# The Art. 9 reasons of one criterion at `path`. A fail settles it; a suspicion or an unclassified
# criterion is reported only when nothing failed.
art9_reasons(rule, criterion, i, path, platform) := fails if {
	fails := _art9_fails(rule, criterion, i, path, platform)
	count(fails) > 0
} else := reviews if {
	reviews := _art9_pattern_reviews(rule, criterion, i, path, platform)
	count(reviews) > 0
} else := _art9_unknown(rule, criterion, i, path, platform)

_art9_fails(rule, criterion, i, path, platform) := {r |
	cats := _declared_art9(criterion)
	count(cats) > 0
	r := reason(rule, "fail", array.concat(path, ["art9"]), "art9_declared", {"criterion": _label(criterion, i), "categories": cats})
} | {r |
	cats := _mapped(criterion, platform)
	count(cats) > 0
	r := reason(rule, "fail", array.concat(path, ["platform_id"]), "art9_mapped", {
		"criterion": _label(criterion, i),
		"categories": cats,
		"platform": platform,
		"id": criterion.platform_id,
	})
} | {r |
	facts.value(criterion, "type", null) == "political_affiliation"
	r := reason(rule, "fail", array.concat(path, ["type"]), "political_affiliation", {"criterion": _label(criterion, i)})
}

# A display name is never proof: it can only ask a human to look (T02, T15).
_art9_pattern_reviews(rule, criterion, i, path, platform) := {r |
	not _classified(criterion, platform)
	hits := _pattern_hits(criterion)
	count(hits) > 0
	cats := sort({c | some h in hits; some c in h.art9})
	r := reason(rule, "needs_review", array.concat(path, ["name"]), "name_pattern", {"criterion": _label(criterion, i), "categories": cats})
}

# Neither declared (art9) nor classified by id: nobody has said what the criterion reveals.
_art9_unknown(rule, criterion, i, path, platform) := {r |
	not _declared_art9(criterion)
	not _classified(criterion, platform)
	r := reason(rule, "needs_review", path, "art9_unknown", {"criterion": _label(criterion, i)})
}

_criteria_art9(rule, aud, list) := {r |
	platform := platform_of(aud)
	some i, criterion in normalized_list(aud, list)
	some r in art9_reasons(rule, criterion, i, ["normalized", list, i], platform)
}

# --- what audiences inherit from their data sources (AUD-003, AUD-005) ------------------------------------

# SC(ds), the Art. 9 categories of a source, and every blocking reason of a source (AUD-005:
# data_sources.block_statuses) are the data-source rules' own (ethiq.lib.data_sources), so an audience
# judges its sources exactly as they are judged.
special_categories(ds) := data_sources.special_categories(ds)

# Non-empty when a field that could add a category is left unsaid: an empty SC is then not a known empty.
special_categories_unknown(ds) if count(data_sources.special_categories_unknown(ds)) > 0

# --- AUD-001: minimum audience size ------------------------------------------------------------------------

min_audience_size(aud) := max([threshold("min_audience_size"), platform_floor(platform_of(aud))])

aud001(aud, related) := _size_reasons(aud) | _seed_reasons(aud, related)

_size_params(aud, extra) := object.union(extra, {
	"floor": min_audience_size(aud),
	"policy_floor": threshold("min_audience_size"),
	"platform_floor": platform_floor(platform_of(aud)),
	"platform": platform_of(aud),
})

_size_reasons(aud) := {r |
	lower := facts.value(aud, ["estimated_size", "lower"], null)
	is_number(lower)
	lower < min_audience_size(aud)
	r := reason("AUD-001", "fail", ["estimated_size", "lower"], "below_floor", _size_params(aud, {"lower": lower}))
} | _size_without_lower(aud)

# Only the upper bound: below the floor it already fails (the lower bound is smaller still); else unknown.
_size_without_lower(aud) := {r |
	not is_number(facts.value(aud, ["estimated_size", "lower"], null))
	upper := facts.value(aud, ["estimated_size", "upper"], null)
	is_number(upper)
	status := _upper_status(upper, min_audience_size(aud))
	message := {"fail": "upper_below_floor", "needs_review": "only_upper"}[status]
	r := reason("AUD-001", status, ["estimated_size", "upper"], message, _size_params(aud, {"upper": upper}))
} | {r |
	not is_number(facts.value(aud, ["estimated_size", "lower"], null))
	not is_number(facts.value(aud, ["estimated_size", "upper"], null))
	r := reason("AUD-001", "needs_review", ["estimated_size"], "size_unknown", _size_params(aud, {}))
}

_upper_status(upper, floor) := "fail" if upper < floor

_upper_status(upper, floor) := "needs_review" if upper >= floor

# Each lookalike's seed: the matched record count of the data source it was built from.
_seed_reasons(aud, related) := {r |
	some e in custom_audience_entries(aud)
	is_lookalike(e.entry)
	some r in _seed_reason(e, related)
}

# A seed that is not in `related` (an unresolved reference) cannot be measured.
_seed_reason(e, related) := {r |
	not facts.is_set_string(e.entry, ["lookalike", "origin_ref"])
	r := reason("AUD-001", "needs_review", e.path, "seed_missing", {"min_seed": threshold("min_seed_size")})
} | {r |
	ref := _origin_ref(e.entry)
	ds := object.get(related, ["data_source", ref], null)
	is_object(ds)
	n := facts.value(ds, "record_count", null)
	is_number(n)
	n < threshold("min_seed_size")
	params := {"source": ref, "record_count": n, "min_seed": threshold("min_seed_size")}
	r := reason("AUD-001", "fail", _origin_path(e), "seed_too_small", params)
} | {r |
	ref := _origin_ref(e.entry)
	ds := object.get(related, ["data_source", ref], null)
	is_object(ds)
	not is_number(facts.value(ds, "record_count", null))
	r := reason("AUD-001", "needs_review", _origin_path(e), "seed_size_unknown", {"source": ref, "min_seed": threshold("min_seed_size")})
} | {r |
	ref := _origin_ref(e.entry)
	not is_object(object.get(related, ["data_source", ref], null))
	r := reason("AUD-001", "needs_review", _origin_path(e), "seed_unresolved", {"source": ref, "min_seed": threshold("min_seed_size")})
}

_origin_ref(ca) := ref if {
	facts.is_set_string(ca, ["lookalike", "origin_ref"])
	ref := ca.lookalike.origin_ref
}

_origin_path(e) := array.concat(e.path, ["lookalike", "origin_ref"])

# --- AUD-002 / AUD-003: no Art. 9 criteria, included or excluded ------------------------------------------

aud002(aud) := _criteria_art9("AUD-002", aud, "include") | _consented_categories(aud)

# Consent recorded for special categories says the targeting uses them, and it does not make that allowed:
# TTPA Art. 18(1)(c) and DSA Art. 26(3) ban profiling with special categories whatever GDPR Art. 9(2)(a)
# would permit.
_consented_categories(aud) := {r |
	cats := facts.value(aud, ["consent", "special_categories"], [])
	is_array(cats)
	count(cats) > 0
	r := reason("AUD-002", "fail", ["consent", "special_categories"], "consent_no_cure", {"categories": cats})
}

aud003(aud, related, links, unresolved) := (_criteria_art9("AUD-003", aud, "exclude") | _excluded_sources(related, links)) | (_excluded_unresolved(unresolved) | _excluded_without_source(aud))

_excluded_prefix := ["normalized", "excluded_custom_audiences"]

# An excluded custom audience built, at any depth, on a source with special categories: excluding people
# by their religion or health is profiling on it too.
_excluded_sources(related, links) := {r |
	some link in links
	link.kind == "data_source"
	_prefix(link.via, _excluded_prefix)
	ds := object.get(related, ["data_source", link.id], null)
	some r in _excluded_source_reason(ds, link)
}

_excluded_source_reason(ds, link) := {r |
	is_object(ds)
	cats := sort(special_categories(ds))
	count(cats) > 0
	r := route_reason("AUD-003", "fail", link, "excluded_special_categories", {"categories": cats})
} | {r |
	is_object(ds)
	count(special_categories(ds)) == 0
	special_categories_unknown(ds)
	r := route_reason("AUD-003", "needs_review", link, "excluded_categories_unknown", {})
} | {r |
	not is_object(ds)
	r := route_reason("AUD-003", "needs_review", link, "excluded_source_unresolved", {})
}

_excluded_unresolved(unresolved) := {r |
	some link in unresolved
	link.kind == "data_source"
	_prefix(link.via, _excluded_prefix)
	r := route_reason("AUD-003", "needs_review", link, "excluded_source_unresolved", {})
}

# An excluded custom audience that names no data source cannot be cleared of special categories.
_excluded_without_source(aud) := {r |
	some i, ca in normalized_list(aud, "excluded_custom_audiences")
	not _names_a_source(ca)
	label := object.get(ca, "ref", sprintf("#%d", [i]))
	r := reason("AUD-003", "needs_review", ["normalized", "excluded_custom_audiences", i], "excluded_source_undeclared", {"audience": label})
}

_names_a_source(ca) if {
	ids := facts.value(ca, "data_source_ids", [])
	is_array(ids)
	count(ids) > 0
}

_names_a_source(ca) if facts.is_set_string(ca, ["lookalike", "origin_ref"])

# --- AUD-004: no psychographic or imported vendor segments -------------------------------------------------

banned_criterion_types := {"psychographic_segment", "vendor_segment"}

aud004(aud) := {r |
	some list in ["include", "exclude"]
	some i, criterion in normalized_list(aud, list)
	some r in _aud004_criterion(criterion, i, ["normalized", list, i])
}

# Type first, then who defined it; the display name never decides (T02: the platform interest
# "Personality" is not a psychographic segment).
_aud004_criterion(criterion, i, path) := {reason("AUD-004", "fail", array.concat(path, ["type"]), "segment_type", params)} if {
	type := facts.value(criterion, "type", null)
	type in banned_criterion_types
	params := {"criterion": _label(criterion, i), "type": type}
} else := {reason("AUD-004", "fail", array.concat(path, ["source"]), "vendor_source", {"criterion": _label(criterion, i)})} if {
	facts.value(criterion, "source", null) == "vendor"
} else := {reason("AUD-004", "needs_review", path, "source_unknown", {"criterion": _label(criterion, i)})} if {
	facts.is_unknown(criterion, "source")
} else := set()

# --- AUD-005: lookalikes -------------------------------------------------------------------------------

# A lookalike reaches people whose data the party never collected. It blocks when its seed, or any source
# upstream of the seed, has a blocking reason; for political advertising (from TTPA's date) every
# lookalike blocks (TTPA 18(1)(a)); otherwise it needs a sign-off (warn).
aud005(aud, related, links, unresolved, as_of) := {r |
	some e in custom_audience_entries(aud)
	is_lookalike(e.entry)
	some r in _lookalike_reasons(aud, e, related, links, unresolved, as_of)
}

_lookalike_reasons(aud, e, related, links, unresolved, as_of) := blocks if {
	blocks := _lookalike_blocks(aud, e, related, links, unresolved, as_of)
	count(blocks) > 0
} else := {object.union(reason("AUD-005", "fail", e.path, "lookalike", {"audience": _ca_label(e)}), {"severity": "warn"})}

_lookalike_blocks(aud, e, related, links, unresolved, as_of) := (_tainted(e, related, links) | _seed_unchecked(e, related, links, unresolved)) | _political_lookalike(aud, e, as_of)

_ca_label(e) := label if {
	label := facts.value(e.entry, "ref", null)
	is_string(label)
} else := label if {
	label := _origin_ref(e.entry)
} else := sprintf("#%d", [e.path[2]])

# Routes through the lookalike's seed: the seed itself and every source upstream of it.
_seed_links(e, links) := {link |
	some link in links
	link.kind == "data_source"
	link.via == _origin_path(e)
}

_tainted(e, related, links) := _tainted_links(_seed_links(e, links), related)

# Each source of the seed's lineage judged by every blocking rule of data sources, its lineage judged once
# for all of them (data_sources.block_statuses), not once per source.
_tainted_links(seed_links, related) := {r |
	statuses := data_sources.block_statuses({link.id | some link in seed_links}, related)
	some link in seed_links
	inherited := statuses[link.id]
	count(inherited) > 0
	status := _worst({s | some [_, s] in inherited})
	rules := concat(", ", sort({rule | some [rule, s] in inherited; s == status}))
	message := {"fail": "tainted_seed", "needs_review": "seed_unchecked"}[status]
	r := object.union(route_reason("AUD-005", status, link, message, {"rules": rules}), {"severity": "block"})
}

_worst(statuses) := "fail" if "fail" in statuses

_worst(statuses) := "needs_review" if not "fail" in statuses

# A seed that is not named, not in the run, or whose document is missing cannot be cleared.
_seed_unchecked(e, related, links, unresolved) := {r |
	not facts.is_set_string(e.entry, ["lookalike", "origin_ref"])
	r := object.union(reason("AUD-005", "needs_review", e.path, "seed_missing", {"audience": _ca_label(e)}), {"severity": "block"})
} | {r |
	some link in unresolved
	link.kind == "data_source"
	link.via == _origin_path(e)
	r := object.union(route_reason("AUD-005", "needs_review", link, "seed_unresolved", {}), {"severity": "block"})
} | {r |
	some link in _seed_links(e, links)
	not is_object(object.get(related, ["data_source", link.id], null))
	r := object.union(route_reason("AUD-005", "needs_review", link, "seed_unresolved", {}), {"severity": "block"})
}

_political_lookalike(aud, e, as_of) := {r |
	ttpa_applies(as_of)
	status := {"true": "fail", "unknown": "needs_review"}[political_status(aud)]
	message := {"fail": "political_lookalike", "needs_review": "political_unknown"}[status]
	r := object.union(reason("AUD-005", status, e.path, message, {"audience": _ca_label(e)}), {"severity": "block"})
}

# --- AUD-006: age floor vs voting age ------------------------------------------------------------------

elections := list if {
	list := context.elections
	is_array(list)
} else := []

_election_ids(aud) := ids if {
	ids := facts.value(aud, ["political", "election_ids"], [])
	is_array(ids)
} else := []

_named_elections(aud) := [e |
	some e in elections
	e.id in _election_ids(aud)
]

# The countries whose voting age applies: the targeted countries, else the named elections' countries.
countries(aud) := cs if {
	geo := facts.value(aud, ["normalized", "geo", "countries"], [])
	is_array(geo)
	count(geo) > 0
	cs := {c | some c in geo; is_string(c)}
} else := {c | some e in _named_elections(aud); c := e.country; is_string(c)}

# The elections that set the voting age in `country`: the audience's own elections there, else every
# election the context knows there. Several elections: the highest voting age (the fail-closed choice).
elections_in(aud, country) := named if {
	named := [e | some e in _named_elections(aud); object.get(e, "country", null) == country]
	count(named) > 0
} else := [e | some e in elections; object.get(e, "country", null) == country]

# TTPA 18(2) is about political advertising: a declared non-political audience is out of scope, an
# undeclared one is in (fail closed).
aud006(aud) := set() if {
	political_status(aud) == "false"
} else := reasons if {
	age_min := facts.value(aud, ["normalized", "age_min"], null)
	is_number(age_min)
	reasons := _unknown_elections(aud) | _voting_age_reasons(aud, age_min)
} else := _unknown_elections(aud) # no minimum age at all: AUD-007 reports it, once

_block_reasons(reasons) := {object.union(r, {"severity": "block"}) | some r in reasons}

_unknown_elections(aud) := _block_reasons({r |
	ids := facts.value(aud, ["political", "election_ids"], [])
	is_array(ids)
	some i, id in ids
	not id in {e.id | some e in elections}
	r := reason("AUD-006", "needs_review", ["political", "election_ids", i], "election_unknown", {"election": id})
})

_voting_age_reasons(aud, age_min) := _block_reasons({reason("AUD-006", "needs_review", ["normalized", "geo"], "countries_unknown", {})}) if {
	count(countries(aud)) == 0
} else := {r |
	some country in countries(aud)
	some r in _country_reasons(aud, country, age_min)
}

_country_reasons(aud, country, age_min) := reasons if {
	pool := elections_in(aud, country)
	ages := [e.voting_age | some e in pool; is_number(object.get(e, "voting_age", null))]
	reasons := _country_check(country, age_min, pool, ages)
}

# No known voting age: nothing to compare against. An election without one is unknown too, but the others
# are still compared.
_country_check(country, age_min, pool, ages) := _block_reasons({r}) if {
	count(ages) == 0
	r := reason("AUD-006", "needs_review", ["normalized", "age_min"], "voting_age_unknown", {"country": country})
} else := _missing_ages(country, pool) | _compare(country, age_min, pool, max(ages))

_missing_ages(country, pool) := _block_reasons({r |
	some e in pool
	not is_number(object.get(e, "voting_age", null))
	r := reason("AUD-006", "needs_review", ["normalized", "age_min"], "voting_age_missing", {"country": country, "election": e.id})
})

_compare(country, age_min, pool, va) := {r |
	age_min < va
	decisive := [e | some e in pool; object.get(e, "voting_age", null) == va]
	params := {
		"age_min": age_min,
		"voting_age": va,
		"country": country,
		"election": decisive[0].id,
		"age_reference": object.get(decisive[0], "age_reference", "unknown"),
	}
	r := _age_reason(age_min, va, decisive, params)
}

# TTPA 18(2) bans targeting people at least one year under the voting age. A floor within that year needs a
# sign-off, but only where the voting age is counted at a date by which someone under it while targeted can
# be a voter (T07: 17 in Sweden, 18 by election day). Without such a reference the margin is not
# established, and a floor under the voting age blocks (T08: 15 in Austria, voting age 16).
_age_reason(age_min, va, decisive, params) := object.union(reason("AUD-006", "fail", ["normalized", "age_min"], "below_voting_age", params), {"severity": "block"}) if {
	age_min < va - 1
} else := object.union(reason("AUD-006", "fail", ["normalized", "age_min"], "near_voting_age", params), {"severity": "warn"}) if {
	every e in decisive {
		object.get(e, "age_reference", null) in margin_references
	}
} else := object.union(reason("AUD-006", "fail", ["normalized", "age_min"], "under_voting_age", params), {"severity": "block"})

# Age references under which a person under the voting age during the campaign can vote on the day.
margin_references := {"on_election_day", "by_end_of_year"}

# --- AUD-008: platform expansion features -------------------------------------------------------------

aud008(aud) := {r |
	some check in _expansion_checks
	facts.value(aud, check.path, null) == check.on
	r := reason("AUD-008", "fail", check.path, "expansion_on", {"feature": check.feature})
} | _meta_expansion_unset(aud)

_expansion_checks := [
	{"path": ["normalized", "expansion", "meta_advantage_audience"], "on": 1, "feature": "Meta Advantage+ audience"},
	{"path": ["native_spec", "targeting_automation", "advantage_audience"], "on": 1, "feature": "Meta Advantage+ audience"},
	{"path": ["normalized", "expansion", "linkedin_audience_expansion"], "on": true, "feature": "LinkedIn audience expansion"},
	{"path": ["normalized", "expansion", "google_optimized_targeting"], "on": true, "feature": "Google optimized targeting"},
]

# From Marketing API v23.0 Advantage+ audience is on unless set to 0 [V], so on Meta "not set" is not "off":
# it is on for an ad set created with v23.0 or later, off for one created with an older version or before
# v23.0 was released, and unknown otherwise. The other platforms' switches are checked only where declared
# unknown.
_meta_expansion_unset(aud) := {r |
	_meta_unset(aud)
	meta_default(aud) == "on"
	r := reason("AUD-008", "fail", ["normalized", "expansion"], "meta_expansion_default_on", {
		"feature": "Meta Advantage+ audience",
		"api_version": _default_on.api_version,
	})
} | {r |
	_meta_unset(aud)
	meta_default(aud) == "unknown"
	r := reason("AUD-008", "needs_review", ["normalized", "expansion"], "meta_expansion_unset", {"feature": "Meta Advantage+ audience"})
} | {r |
	some check in array.slice(_expansion_checks, 2, 4)
	facts.value(aud, check.path, null) == "unknown"
	r := reason("AUD-008", "needs_review", check.path, "expansion_unknown", {"feature": check.feature})
}

_meta_unset(aud) if {
	platform_of(aud) == "meta"
	facts.is_unknown(aud, ["normalized", "expansion", "meta_advantage_audience"])
	not facts.value(aud, ["native_spec", "targeting_automation", "advantage_audience"], null) in {0, 1}
}

# The API version from which Meta's default is on, and the day it was released: the context's
# platform_timeline.meta.advantage_audience_default_on, else the research's v23.0 [V], released 29 May
# 2025 [M].
_default_on := object.union({"api_version": "v23.0", "released": "2025-05-29"}, object.get(context, ["platform_timeline", "meta", "advantage_audience_default_on"], {}))

# "on", "off" or "unknown": the default that applied when the ad set was created.
meta_default(aud) := "on" if {
	api_number(facts.value(aud, ["platform_object", "api_version"], null)) >= api_number(_default_on.api_version)
} else := "off" if {
	api_number(facts.value(aud, ["platform_object", "api_version"], null)) < api_number(_default_on.api_version)
} else := "off" if {
	created := facts.value(aud, ["platform_object", "created_at"], null)
	is_string(created)
	substring(created, 0, 10) < _default_on.released
} else := "unknown"

# "v23.0" -> 23000: major and minor in one number, so versions compare as numbers.
api_number(version) := (_int(parts[1]) * 1000) + _int(parts[2]) if {
	is_string(version)
	parts := regex.find_all_string_submatch_n(`^v?([0-9]+)\.([0-9]+)$`, version, 1)[0]
}

# to_number rejects leading zeros ("01").
_int(digits) := to_number(regex.replace(digits, `^0+([0-9])`, "$1"))

# --- AUD-009: removed or legacy Meta targeting ---------------------------------------------------------

# The fields the catalog names; the context's meta_removed_2022 adds removed option ids (and field names).
legacy_meta_fields := {"political_views", "politics", "ethnic_affinity"}

meta_removed := {sprintf("%v", [x]) | some x in object.get(context, ["sensitive_criteria_map", "meta_removed_2022"], [])}

# Only a Meta audience's raw spec is read. Without a native_spec there is no raw spec to carry a legacy
# field: the normalized projection is judged by AUD-002/AUD-003 (a political_affiliation criterion or an
# Art. 9 category there fails on its own).
aud009(aud) := _legacy_fields(nodes) | _removed_ids(nodes) if {
	platform_of(aud) == "meta"
	nodes := spec_nodes(aud.native_spec) # walked once for both tests; no nodes unless it is an object
} else := set()

# Every [path, value] inside a platform spec, down to a fixed depth. Rego has no recursion and regorus's
# compiler no `walk`, so the levels are spelled out; Meta's targeting spec nests options four levels deep
# (flexible_spec[i].interests[j].id), and eight leaves room for wrappers around it.
spec_nodes(spec) := union({l1, l2, l3, l4, l5, l6, l7, l8}) if {
	l1 := {[[k], v] | is_object(spec); some k, v in spec}
	l2 := _deeper(l1)
	l3 := _deeper(l2)
	l4 := _deeper(l3)
	l5 := _deeper(l4)
	l6 := _deeper(l5)
	l7 := _deeper(l6)
	l8 := _deeper(l7)
}

_deeper(nodes) := {[array.concat(node[0], [k]), v] |
	some node in nodes
	_is_collection(node[1])
	some k, v in node[1]
}

_is_collection(x) if is_object(x)

_is_collection(x) if is_array(x)

# The field names a Meta spec must not carry, united once per evaluation rather than once per node.
_legacy_keys := legacy_meta_fields | meta_removed

_legacy_fields(nodes) := {r |
	some node in nodes
	p := node[0]
	key := p[count(p) - 1]
	is_string(key)
	key in _legacy_keys
	r := reason("AUD-009", "fail", array.concat(["native_spec"], p), "legacy_field", {"field": key})
}

# An option id is the value of an "id" key, or an element of a list of ids.
_removed_ids(nodes) := {r |
	some node in nodes
	p := node[0]
	v := node[1]
	_id_position(p)
	not _is_collection(v)
	id := sprintf("%v", [v])
	id in meta_removed
	r := reason("AUD-009", "fail", array.concat(["native_spec"], p), "removed_option", {"id": id})
}

_id_position(p) if p[count(p) - 1] == "id"

_id_position(p) if is_number(p[count(p) - 1])

# --- AUD-010: platform-flagged audience ----------------------------------------------------------------

# Meta's operation_status 471: the audience suggests health conditions or financial status [V].
flagged_status_code := 471

aud010(aud) := {r |
	some e in custom_audience_entries(aud)
	code := facts.value(e.entry, ["platform_status", "meta_operation_status_code"], null)
	code == flagged_status_code
	r := reason("AUD-010", "fail", array.concat(e.path, ["platform_status", "meta_operation_status_code"]), "flagged", {"audience": _ca_label(e), "code": code})
} | {r |
	platform_of(aud) == "meta"
	some e in custom_audience_entries(aud)
	not is_number(facts.value(e.entry, ["platform_status", "meta_operation_status_code"], null))
	r := reason("AUD-010", "needs_review", e.path, "status_unknown", {"audience": _ca_label(e)})
}

# --- AUD-011: documented trade-off --------------------------------------------------------------------

aud011(aud) := {reason("AUD-011", "fail", ["justification"], "missing", {"min": threshold("min_justification_chars")}) |
	not is_string(facts.value(aud, "justification", null))
} | {r |
	text := facts.value(aud, "justification", null)
	is_string(text)
	length := count(trim_space(text))
	length < threshold("min_justification_chars")
	r := reason("AUD-011", "fail", ["justification"], "too_short", {"length": length, "min": threshold("min_justification_chars")})
}

# --- AUD-012: hyper-local microtargeting --------------------------------------------------------------

# Person-level selection that a small area would narrow to a handful of people.
_selects_people(aud) if count(normalized_list(aud, "include")) > 0

_selects_people(aud) if count(normalized_list(aud, "custom_audiences")) > 0

aud012(aud) := set() if {
	not _selects_people(aud)
} else := {r |
	some list in ["cities", "custom_locations"]
	places := facts.value(aud, ["normalized", "geo", list], [])
	is_array(places)
	some i, place in places
	radius := facts.value(place, "radius_km", null)
	is_number(radius)
	radius < threshold("geo_min_radius_km")
	params := {"place": _place_label(place, i), "radius": radius, "min_radius": threshold("geo_min_radius_km")}
	r := reason("AUD-012", "fail", ["normalized", "geo", list, i, "radius_km"], "small_radius", params)
} | {r |
	codes := facts.value(aud, ["normalized", "geo", "postal_codes"], [])
	is_array(codes)
	count(codes) > 0
	r := reason("AUD-012", "fail", ["normalized", "geo", "postal_codes"], "postal_codes", {"count": count(codes)})
}

_place_label(place, i) := name if {
	name := facts.value(place, "name", null)
	is_string(name)
} else := sprintf("#%d", [i])

# --- reasons ---------------------------------------------------------------------------------------------

reason(rule, status, path, message, params) := {
	"rule": rule,
	"status": status,
	"path": path,
	"message": message,
	"params": params,
}

# A reason reached through the graph points at the route's start and reports the route. A link without
# `via` or `chain` still yields its reason (at the document root): dropping it would pass.
route_reason(rule, status, link, message, params) := object.union(
	reason(rule, status, facts.value(link, "via", []), message, object.union(params, {
		"source": link.id,
		"chain": concat(" → ", [sprintf("%v", [id]) | some id in _chain(link)]),
	})),
	{"trace": _chain(link)},
)

_chain(link) := facts.value(link, "chain", [link.id])
