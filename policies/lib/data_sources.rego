# Every data-source rule (catalog §11.3) as a function of the source and the documents related to it, so that
# audiences (AUD-005: a lookalike whose seed's ancestors fail a DAT rule) and campaigns (CMP-004) judge a
# source by exactly the rules the source itself is judged by.
#
#   block_reasons(ds, related)  every reason of every block-severity data-source rule for `ds`
#   warn_reasons(ds, related)   the same for the warn-severity rules (DAT-011, DAT-012)
#
# `related` is input.related (kind -> id -> document) of whatever document is being judged: it must hold the
# source's ancestors and vendors, which it does whenever the source was reached through the graph. A reason
# is {"rule", "status": "fail" | "needs_review", "path" (into ds), "message", "params"}; DAT-007's reasons
# also carry "trace", the ids from ds to the tainted ancestor or vendor. Within one rule a fail settles the
# rule, so its "cannot check" reasons are only given when nothing failed.
package ethiq.lib.data_sources

import data.ethiq.lib.facts
import data.ethiq.lib.sources
import data.ethiq.lib.vendors

block_reasons(ds, related) := _block_reasons(ds, related, dat007(ds, related))

# block_reasons of the judged source (inp is the engine's input). Where the engine handed over the source's
# ancestry (input.ancestry, see dat007_given), `related` holds only the sources it is derived from directly,
# and DAT-007 reads the ancestors' own judgements from the ancestry.
judged_block_reasons(inp) := _block_reasons(inp.document, related, dat007_given(inp.document, related, inp.ancestry)) if {
	is_object(object.get(inp, "ancestry", null))
	related := object.get(inp, "related", {})
} else := block_reasons(inp.document, object.get(inp, "related", {}))

_block_reasons(ds, related, dat007_reasons) := union({
	dat001(ds),
	dat002(ds),
	dat003(ds),
	dat004(ds, _vendors(related)),
	sources.dat005(ds, _vendors(related)),
	sources.dat006(ds),
	dat007_reasons,
	dat008(ds),
	dat009(ds),
	dat010(ds),
})

warn_reasons(ds, _) := dat011(ds) | dat012(ds)

# The [rule, status] pairs of block_reasons(sources[id], related) for each id of `ids` that names a source
# of `related` (sources = related.data_source), for a judgement that needs only which rules fail or cannot
# be cleared on each source of a lineage (AUD-005: a lookalike's seed and every source upstream of it).
# block_reasons judges DAT-007 over each source's whole lineage, which over a lineage of n sources is n
# walks of up to n sources; here each source's own part (own_lineage) is judged once, and DAT-007's status
# for a source is the worst status its own part or an ancestor's part passes down, found by one walk
# downstream per status from the sources that pass it down.
block_statuses(ids, related) := {id: pairs |
	sources := _sources(related)
	lineage := {x: _parents(d) | some x, d in sources}
	judged := {x | some x in graph.reachable(lineage, [y | some y in ids; is_object(sources[y])]); is_object(sources[x])}
	own := {x: _own_statuses(sources[x], related) | some x in judged}
	derived_into := _derived_into(lineage, judged)
	down := {status: _passed_down(derived_into, judged, own, status) | some status in {"fail", "needs_review"}}
	some id in ids
	is_object(sources[id])
	pairs := own[id].pairs | _dat007_pair(lineage, own, down, id)
}

# A source's pairs but DAT-007's, what its own part of DAT-007 says of itself (`self`: its vendors, its
# unresolved parents, its unsaid lineage) and what it passes down to every source derived from it
# (`passed`: the same and its taint, DAT-005, DAT-006 and DAT-008).
_own_statuses(node, related) := {"pairs": pairs, "self": own_self, "passed": own_self | taint} if {
	pairs := {[r.rule, r.status] | some r in _block_reasons(node, related, set())}
	links := _own_links(node, related)
	own_self := ({entry[2].status | some entry in links.vendors} | {"needs_review" | count(links.unresolved) > 0}) | {"needs_review" | links.lineage_unknown}
	taint := {status | some [rule, status] in pairs; rule in _taint_rules}
}

# The sources strictly downstream of a source that passes `status` down (those derived from it, at any
# depth), by one walk over `derived_into`.
_passed_down(derived_into, judged, own, status) := graph.reachable(derived_into, [child |
	some x in judged
	status in own[x].passed
	some child in derived_into[x]
])

# id -> the sources among `judged` derived directly from it. Found here, that is one pass over `judged` per
# source; the engine's input.lineage lists them (derived_into), and is used when its edges are exactly the
# lineage's own (checked in one pass over the edges), so that a wrong or partial fact never decides.
_derived_into(lineage, judged) := given if {
	given := {x: [y | some y in input.lineage[x].derived_into; y in judged] | some x in judged}
	_edges(given) == {[x, y] | some y in judged; some x in lineage[y]; x in judged; x != y}
} else := {x: [y | some y in judged; x in lineage[y]; y != x] | some x in judged}

_edges(derived_into) := {[x, y] | some x, ys in derived_into; some y in ys; x != y}

# DAT-007's pair for the source `id`: the worst of what it says of itself and what its ancestors pass down
# (as dat007: a fail settles the rule). An ancestor is a source upstream of `id` other than `id` itself: a
# source that passes a status down and lies on a cycle through itself is judged the slow way, by its own
# walk upstream.
_dat007_pair(lineage, own, down, id) := {["DAT-007", status]} if {
	status := _dat007_status(lineage, own, down, id)
} else := set()

_dat007_status(lineage, own, down, id) := "fail" if {
	_inherits(lineage, own, down, id, "fail")
} else := "needs_review" if {
	_inherits(lineage, own, down, id, "needs_review")
}

_inherits(_, own, _, id, status) if status in own[id].self

_inherits(_, own, down, id, status) if {
	not status in own[id].passed
	id in down[status]
}

_inherits(lineage, own, _, id, status) if {
	status in own[id].passed
	some x in graph.reachable(lineage, lineage[id])
	x != id
	status in own[x].passed
}

_vendors(related) := facts.value(related, "vendor", {})

_sources(related) := facts.value(related, "data_source", {})

# A fail settles a rule: report the "cannot check" reasons only when nothing failed.
_settle(fails, _) := fails if count(fails) > 0

_settle(fails, reviews) := reviews if count(fails) == 0

# --- shared facts ----------------------------------------------------------------------------------------

_purposes(ds) := ps if {
	ps := facts.value(ds, "purposes", null)
	is_array(ps)
	count(ps) > 0
}

# An empty list states no use at all, which is no more an answer than a missing one.
purposes_unknown(ds) if not _purposes(ds)

# Platforms where an uploaded list is matched to accounts to show ads; e-mail and SMS lists are sent, not
# matched. A missing platform counts as an ad platform: the upload is the fact that matters.
_non_ad_platforms := {"email", "sms"}

# Lists of people handed to a platform: a customer list, or a list uploaded as a lookalike seed.
_upload_mechanisms := {"customer_list", "lookalike_seed"}

# The source is uploaded to an ad platform as a customer list: whatever its declared purposes say, each
# person on it is matched for ad targeting (T13: the member register as a Custom Audience).
uploaded_for_ads(ds) if {
	facts.value(ds, ["platform_binding", "mechanism"], null) == "customer_list"
	not facts.value(ds, ["platform_binding", "platform"], null) in _non_ad_platforms
}

# Used for (political) ads: declared so, or uploaded to an ad platform. A party's ads are political ads.
used_for_ads(ds) if "political_advertising" in _purposes(ds)

used_for_ads(ds) if uploaded_for_ads(ds)

# The source is the party's own: no vendor supplies it (vendor_id null, absent, empty or "unknown": the
# fail-closed reading here, since it adds categories), or the party collected it.
is_partys(ds) if not facts.is_set_string(ds, "vendor_id")

is_partys(ds) if facts.value(ds, ["collection", "collected_by"], null) == "party"

# --- SC(ds): the Art. 9 categories of a source (catalog §11.0) -------------------------------------------

# Fideslang keys (and ethiq's extensions) whose data is of an Art. 9(1) category, from document-model.md
# §10.8. Used, key by key, under whatever data.ethiq.context.sensitive_criteria_map.data_categories says,
# so a context can add or remap keys but a context that lacks the map does not switch the rule off.
_default_art9_map := {
	"user.demographic.race_ethnicity": ["racial_or_ethnic_origin"],
	"user.demographic.political_opinion": ["political_opinions"],
	"user.inferred.political_leaning": ["political_opinions"],
	"user.demographic.religious_belief": ["religious_or_philosophical_beliefs"],
	"user.demographic.trade_union_membership": ["trade_union_membership"],
	"user.health_and_medical": ["health"],
	"user.health_and_medical.genetic": ["genetic", "health"],
	"user.biometric": ["biometric_identification"],
	"user.demographic.sexual_orientation": ["sex_life_or_sexual_orientation"],
}

art9_map := object.union(_default_art9_map, _context_art9_map)

_context_art9_map := m if {
	m := data.ethiq.context.sensitive_criteria_map.data_categories
	is_object(m)
} else := {}

# The categories of one mapped key: a list, or a single category written as a string.
_mapped(listed) := {c | some c in art9_map[listed]; is_string(c)} if is_array(art9_map[listed])

_mapped(listed) := {art9_map[listed]} if is_string(art9_map[listed])

# A key counts when it is a mapped key or lies below one (user.health_and_medical.condition is health):
# the mapped keys it can be are its dotted prefixes, looked up directly rather than by a pass over the map.
art9_of_category(category) := {c |
	is_string(category)
	parts := split(category, ".")
	some k in numbers.range(1, count(parts))
	some c in _mapped(concat(".", array.slice(parts, 0, k)))
}

# Whom membership or giving reveals as sharing the party's opinions.
_opinion_scopes := {"members", "former_members", "donors"}

special_categories(ds) := (_sc_from_categories(ds) | _sc_inferred(ds)) | _sc_from_scope(ds)

_sc_from_categories(ds) := {c |
	categories := facts.value(ds, "data_categories", [])
	is_array(categories)
	some category in categories
	some c in art9_of_category(category)
}

_sc_inferred(ds) := {c |
	declared := facts.value(ds, "inferred_special_categories", [])
	is_array(declared)
	some c in declared
	is_string(c)
}

# A party's own list of members, former members or donors reveals their political opinions (T13).
_sc_from_scope(ds) := {"political_opinions"} if {
	facts.value(ds, "subject_scope", null) in _opinion_scopes
	is_partys(ds)
} else := set()

# The fields left unsaid that could add a category: while any is unknown, an empty SC is not a known empty.
# inferred_special_categories is a supplement to the data categories (what they reveal beyond their keys):
# absent, it adds nothing, as an empty list would.
special_categories_unknown(ds) := {["data_categories"] |
	not is_array(facts.value(ds, "data_categories", null))
} | _scope_unknown(ds)

_scope_unknown(ds) := {["subject_scope"]} if {
	facts.is_unknown(ds, "subject_scope")
	is_partys(ds)
} else := set()

_sorted_list(s) := concat(", ", sort([x | some x in s]))

# --- identifiability, with the T12 reclassification -------------------------------------------------------

_declared_deidentified := {"anonymous", "aggregated"}

# What makes a declared anonymous or aggregated source pseudonymous: a hash of each record (hashing does not
# change identifiability: Recital 26, WP29 05/2014), or an upload as a customer list, which the platform
# matches back to people one by one. A hash followed by aggregation can be a real aggregate, but never one
# uploaded as a customer list.
reidentifying_evidence(ds) := ev if {
	facts.value(ds, "identifiability", null) in _declared_deidentified
	ev := _hash_evidence(ds) | _list_evidence(ds)
	count(ev) > 0
} else := set()

_transformations(ds) := ts if {
	ts := facts.value(ds, ["lineage", "transformations"], [])
	is_array(ts)
} else := []

_hash_evidence(ds) := {"hash"} if {
	"hash" in _transformations(ds)
	_hash_kept(ds)
} else := set()

_hash_kept(ds) if not "aggregate" in _transformations(ds)

_hash_kept(ds) if facts.value(ds, ["platform_binding", "mechanism"], null) == "customer_list"

_list_evidence(ds) := {"customer_list"} if {
	facts.value(ds, ["platform_binding", "mechanism"], null) == "customer_list"
} else := set()

# The identifiability the rules judge: the declared one, or pseudonymous when the declaration contradicts
# the transformations or the mechanism. null when not declared.
effective_identifiability(ds) := "pseudonymous" if {
	count(reidentifying_evidence(ds)) > 0
} else := facts.value(ds, "identifiability", null)

identifiability_unknown(ds) if facts.is_unknown(ds, "identifiability")

_individual_level := {"identified", "pseudonymous"}

# --- DAT-001: Art. 6 legal basis --------------------------------------------------------------------------

# The catalog makes a missing basis a fail: the record of processing must state it, so its absence is
# itself the breach, not an unknown fact.
dat001(ds) := {r |
	not facts.is_set_string(ds, ["legal_basis", "art6"])
	r := reason("DAT-001", "fail", ["legal_basis", "art6"], "art6_missing", {})
}

# --- DAT-002: Art. 9 condition for special categories ------------------------------------------------------

_art9(ds) := facts.value(ds, ["legal_basis", "art9"], null)

# SC(ds) is computed once per rule and handed to the parts that need it (a function's value is not
# remembered between calls).
dat002(ds) := _dat002(ds, special_categories(ds))

_dat002(ds, categories) := _settle(_no_art9_condition(ds, categories) | _art9_2d_upload(ds), _dat002_reviews(ds, categories))

_no_art9_condition(ds, categories) := {r |
	count(categories) > 0
	_art9(ds) == "none"
	r := reason("DAT-002", "fail", ["legal_basis", "art9"], "no_art9_condition", {"categories": _sorted_list(categories)})
}

# Art. 9(2)(d) covers a body's processing of its own members' data, never a disclosure outside it without
# consent: uploading the list to a platform is such a disclosure (T13). A seed list is uploaded too.
_art9_2d_upload(ds) := {r |
	_art9(ds) == "2d"
	mechanism := facts.value(ds, ["platform_binding", "mechanism"], null)
	mechanism in _upload_mechanisms
	r := reason("DAT-002", "fail", ["platform_binding", "mechanism"], "art9_2d_disclosure", {"mechanism": mechanism})
}

_dat002_reviews(ds, categories) := (_art9_missing(ds, categories) | _sc_unknown_reviews(ds, categories)) | _art9_2d_mechanism_unknown(ds)

_art9_missing(ds, categories) := {r |
	count(categories) > 0
	facts.is_unknown(ds, ["legal_basis", "art9"])
	r := reason("DAT-002", "needs_review", ["legal_basis", "art9"], "art9_missing", {"categories": _sorted_list(categories)})
}

# No Art. 9 condition is claimed and no category is known: still unknown while a field that could add one is.
_sc_unknown_reviews(ds, categories) := {r |
	count(categories) == 0
	not _art9(ds) in {"2a", "2d", "2e", "2g"}
	some path in special_categories_unknown(ds)
	r := reason("DAT-002", "needs_review", path, "special_categories_unknown", {})
}

# A source bound to a platform by an unstated mechanism may be an uploaded list.
_art9_2d_mechanism_unknown(ds) := {r |
	_art9(ds) == "2d"
	is_object(facts.value(ds, "platform_binding", null))
	facts.is_unknown(ds, ["platform_binding", "mechanism"])
	r := reason("DAT-002", "needs_review", ["platform_binding", "mechanism"], "mechanism_unknown", {})
}

# --- DAT-003: never individual-level data for targeting ---------------------------------------------------

# Not applicable when the source only serves member communication and newsletters, and is not uploaded.
_communication_only := {"member_communication", "newsletter"}

dat003_not_applicable(ds) if {
	ps := _purposes(ds)
	every p in ps {
		p in _communication_only
	}
	not uploaded_for_ads(ds)
}

dat003(ds) := _settle(_dat003_fails(ds), _dat003_reviews(ds))

_dat003_fails(ds) := {r |
	used_for_ads(ds)
	effective_identifiability(ds) in _individual_level
	r := _dat003_fail(ds)
}

# T12: the declaration contradicts the processing, so say so rather than just "pseudonymous".
_dat003_fail(ds) := reason("DAT-003", "fail", ["identifiability"], "declared_inconsistent", {
	"declared": ds.identifiability,
	"evidence": _sorted_list(reidentifying_evidence(ds)),
}) if {
	count(reidentifying_evidence(ds)) > 0
} else := reason("DAT-003", "fail", ["platform_binding", "mechanism"], "uploaded_list", {
	"identifiability": ds.identifiability,
	"platform": facts.value(ds, ["platform_binding", "platform"], "?"),
}) if {
	not "political_advertising" in _purposes(ds)
} else := reason("DAT-003", "fail", ["identifiability"], "individual_level", {"identifiability": ds.identifiability})

_dat003_reviews(ds) := _identifiability_review(ds) | _purposes_review(ds)

# Whether the records identify people is unknown, and the source is or may be used for ads.
_identifiability_review(ds) := {r |
	not dat003_not_applicable(ds)
	identifiability_unknown(ds)
	r := reason("DAT-003", "needs_review", ["identifiability"], "identifiability_unknown", {})
}

_purposes_review(ds) := {r |
	purposes_unknown(ds)
	not uploaded_for_ads(ds)
	effective_identifiability(ds) in _individual_level
	r := reason("DAT-003", "needs_review", ["purposes"], "purposes_unknown", {"identifiability": effective_identifiability(ds)})
}

# --- DAT-004: de-identified and grouped at the vendor -----------------------------------------------------

# The vendors holding the data: the supplier (vendor_id) and the collector (collection.collected_by).
_held_by_vendor(ds) if facts.is_set_string(ds, "vendor_id")

_held_by_vendor(ds) if {
	facts.is_set_string(ds, ["collection", "collected_by"])
	ds.collection.collected_by != "party"
}

# vendor_id null means party-internal; absent or "unknown" means nobody has said (the schema's reading).
_vendor_unknown(ds) if not facts.has_key(ds, "vendor_id")

_vendor_unknown(ds) if facts.value(ds, "vendor_id", null) == "unknown"

_vendor_unknown(ds) if facts.value(ds, ["collection", "collected_by"], null) == "unknown"

# The smallest cell a vendor may deliver; the context sets it (policy: research §10.1).
default k_min_vendor_aggregate := 100

k_min_vendor_aggregate := data.ethiq.context.thresholds.k_min_vendor_aggregate

dat004(ds, vendors) := _settle(_dat004_fails(ds, vendors), _dat004_reviews(ds, vendors))

_dat004_fails(ds, vendors) := ({r |
	_held_by_vendor(ds)
	effective_identifiability(ds) in _individual_level
	r := _dat004_fail(ds)
} | _k_min_below(ds)) | _vendor_k_min_below(ds, vendors)

_dat004_fail(ds) := reason("DAT-004", "fail", ["identifiability"], "declared_inconsistent", {
	"declared": ds.identifiability,
	"evidence": _sorted_list(reidentifying_evidence(ds)),
}) if {
	count(reidentifying_evidence(ds)) > 0
} else := reason("DAT-004", "fail", ["identifiability"], "not_aggregated", {"identifiability": ds.identifiability})

_k_min_below(ds) := {r |
	_held_by_vendor(ds)
	effective_identifiability(ds) in _declared_deidentified
	k := facts.value(ds, "k_min", null)
	is_number(k)
	k < k_min_vendor_aggregate
	r := reason("DAT-004", "fail", ["k_min"], "k_min_below", {"k_min": k, "threshold": k_min_vendor_aggregate})
}

_dat004_reviews(ds, vendors) := (_dat004_identifiability_unknown(ds) | _k_min_unknown(ds, vendors)) | _dat004_vendor_unknown(ds)

_dat004_identifiability_unknown(ds) := {r |
	_held_by_vendor(ds)
	identifiability_unknown(ds)
	r := reason("DAT-004", "needs_review", ["identifiability"], "identifiability_unknown", {})
}

_k_min_unknown(ds, vendors) := {r |
	_held_by_vendor(ds)
	effective_identifiability(ds) in _declared_deidentified
	not is_number(facts.value(ds, "k_min", null))
	count(vendor_k_mins(ds, vendors)) == 0
	r := reason("DAT-004", "needs_review", ["k_min"], "k_min_unknown", {})
}

# The smallest cell each vendor holding the source delivers (its data_handling.k_min), where it says: the
# source's cells are no bigger than its vendor's, so a vendor's small k_min fails the source even when the
# source itself is silent, and a vendor's k_min at or above the threshold answers a silent source.
vendor_k_mins(ds, vendors) := {[_holder_path(ds, id), id, k] |
	some id in _holders(ds)
	k := facts.value(object.get(vendors, id, {}), ["data_handling", "k_min"], null)
	is_number(k)
}

# The vendors holding the source: its supplier and its collector (one entry when they are the same).
_holders(ds) := {ds.vendor_id | facts.is_set_string(ds, "vendor_id")} | {id |
	facts.is_set_string(ds, ["collection", "collected_by"])
	id := ds.collection.collected_by
	id != "party"
}

_holder_path(ds, id) := ["vendor_id"] if {
	facts.value(ds, "vendor_id", null) == id
} else := ["collection", "collected_by"]

_vendor_k_min_below(ds, vendors) := {r |
	some entry in vendor_k_mins(ds, vendors)
	entry[2] < k_min_vendor_aggregate
	r := reason("DAT-004", "fail", entry[0], "vendor_k_min_below", {"vendor": entry[1], "k_min": entry[2], "threshold": k_min_vendor_aggregate})
}

# Whether a vendor holds the data is unknown: only a source that would pass at a vendor is cleared.
_dat004_vendor_unknown(ds) := {r |
	not _held_by_vendor(ds)
	_vendor_unknown(ds)
	not _vendor_grade(ds)
	r := reason("DAT-004", "needs_review", ["vendor_id"], "vendor_unknown", {})
}

_vendor_grade(ds) if {
	effective_identifiability(ds) in _declared_deidentified
	k := facts.value(ds, "k_min", null)
	is_number(k)
	k >= k_min_vendor_aggregate
}

# --- DAT-007: lineage taint ----------------------------------------------------------------------------------

# The rules whose failure in an ancestor taints everything derived from it.
_taint_rules := {"DAT-005", "DAT-006", "DAT-008"}

_self_id(ds) := facts.value(ds, "id", "")

# Parents as declared: the ids in lineage.derived_from (anything else is not a reference).
_parents(d) := [p | some p in _derived_from(d); is_string(p)]

_derived_from(d) := l if {
	l := facts.value(d, ["lineage", "derived_from"], null)
	is_array(l)
} else := []

# The lineage graph over the related sources, with ds itself as the root whatever `related` holds for its id.
_lineage_graph(ds, related) := object.union({id: _parents(d) | some id, d in _sources(related)}, {_self_id(ds): _parents(ds)})

# Every ancestor once, with one route to it. Enumerating every route would be exponential in a lineage that
# branches and merges again, so the routes follow a spanning tree: each ancestor hangs under a source derived
# directly from it that has more sources upstream of it (without a cycle, every ancestor has one, and the
# tree reaches ds). An id that names no related source is not an ancestor here: _unresolved_ancestors
# reports it.
#
# The tree is {"root": ds's id, "up": source id -> [the source it hangs under] ([] for ds)}, over ds and every
# source reachable from it. A route (the chain of ids from ds) is spelled out only where a reason needs it,
# and the counts and the sources derived from each source come from the engine (input.lineage), so that a
# lineage of n sources costs about n steps, not one graph.reachable per ancestor.
lineage_tree(ds, related) := _tree(_lineage_graph(ds, related), _self_id(ds))

_tree(g, root) := {"root": root, "up": object.union(preds, {root: []})} if {
	reach := {x | some x in graph.reachable(g, [root]); facts.has_key(g, x)}
	preds := {a: [p] | some a in reach; a != root; p := _tree_parent(g, reach, a)}
}

# [ancestor id, chain of ids from ds] for every ancestor: every route spelled out.
ancestor_routes(ds, related) := {[id, route(tree, id)] |
	tree := lineage_tree(ds, related)
	some id, _ in tree.up
	id != tree.root
}

# The chain of ids from the root to `id` along the tree. Only a cycle can leave an ancestor off the tree
# (its tree parent hangs in the cycle): it is still judged, on a shortened route.
route(tree, id) := [id] if {
	id == tree.root
} else := _reversed(path) if {
	# Each source has one tree parent, so there is one path up from it: to the root, or into a cycle.
	some path in graph.reachable_paths(tree.up, [id])
	path[count(path) - 1] == tree.root
} else := [tree.root, id]

_reversed(list) := [list[(count(list) - 1) - i] | some i in numbers.range(0, count(list) - 1)]

# The source derived directly from `a` with the most sources upstream of it (ties: the smallest id). Inside
# a cycle every member has the same sources upstream: then any member derived from `a` will do. Each source
# has one parent in the tree, so its routes stay one per source even where the cycle closes.
_tree_parent(g, reach, a) := p if {
	# input.lineage lists the sources derived from `a` in that order: the first one in reach that is not
	# upstream of `a` is the one.
	derived_into := input.lineage[a].derived_into
	is_array(derived_into)
	p := [y | some y in derived_into; y in reach; y != a; _upstream(g, y) >= _upstream(g, a)][0]
} else := _best(candidates, g) if {
	candidates := {y | some y in reach; y != a; a in g[y]; _upstream(g, y) > _upstream(g, a)}
	count(candidates) > 0
} else := _best(candidates, g) if {
	candidates := {y | some y in reach; y != a; a in g[y]; _upstream(g, y) == _upstream(g, a)}
	count(candidates) > 0
}

# How many ids are reachable from x, itself included: the engine's count (input.lineage), or counted here.
_upstream(g, x) := n if {
	n := input.lineage[x].upstream
	is_number(n)
} else := count(graph.reachable(g, [x]))

_best(candidates, g) := min({y | some y in candidates; _upstream(g, y) == best}) if {
	best := max({_upstream(g, y) | some y in candidates})
}

_node(ds, related, id) := ds if id == _self_id(ds)

_node(ds, related, id) := _sources(related)[id] if id != _self_id(ds)

# A graph reason points at the route's first step in ds (the first entry naming it, should ds name a parent
# twice), and reports the route.
_via(ds, chain) := ["lineage", "derived_from", i] if {
	count(chain) > 1
	i := min({j | some j, p in _derived_from(ds); p == chain[1]})
} else := ["lineage", "derived_from"]

_chain_text(chain) := concat(" → ", [sprintf("%v", [id]) | some id in chain])

_graph_reason(status, path, chain, message, params) := object.union(
	reason("DAT-007", status, path, message, object.union(params, {"chain": _chain_text(chain)})),
	{"trace": chain},
)

# DAT-007 is the union, over ds and each of its ancestors, of what that source itself adds (own_lineage: its
# own taint, its vendors' Cambridge Analytica reasons, its unresolved parents, its unknown lineage), each
# told along the source's route from ds. The tree is computed once; a route is spelled out only for a source
# that adds something.
dat007(ds, related) := _settle(fails, reviews) if {
	tree := lineage_tree(ds, related)
	reasons := {r |
		some id, _ in tree.up
		own := own_lineage(_node(ds, related, id), related)
		_adds(ds, id, own)
		some r in _node_reasons(ds, id, own, route(tree, id))
	}
	fails := {r | some r in reasons; r.status == "fail"}
	reviews := {r | some r in reasons; r.status == "needs_review"}
}

# The same, for the judged source when the engine handed over its ancestry (input.ancestry): for each
# ancestor that adds anything, its route from ds and its own_lineage, judged by the engine once per run with
# the ancestor as the document. ds's own part is judged here, from `related`.
dat007_given(ds, related, ancestry) := _settle(fails, reviews) if {
	root := _self_id(ds)

	# ds's own taint is never a DAT-007 reason of ds (_ancestor_taint), and DAT-005, DAT-006 and DAT-008
	# judge it already: its own part is judged without it.
	own := object.union(_own_links(ds, related), {"taint": set()})
	reasons := _node_reasons(ds, root, own, [root]) | {r |
		some id, entry in ancestry
		id != root
		some r in _node_reasons(ds, id, entry.own, entry.route)
	}
	fails := {r | some r in reasons; r.status == "fail"}
	reviews := {r | some r in reasons; r.status == "needs_review"}
}

# What one source adds to the lineage of itself and of every source derived from it, judged on the source
# alone and the documents it names (`related`: its vendors, and the sources it is derived from directly):
#   taint            its reasons of the rules that taint descendants (DAT-005, DAT-006, DAT-008)
#   vendors          [path, vendor id, reason] for each Cambridge Analytica reason of a vendor it names
#   unresolved       the ids it is derived from that name no source (of `related`, nor itself)
#   lineage_unknown  whether it leaves unsaid what it was derived from
own_lineage(node, related) := object.union(_own_links(node, related), {"taint": _taint_reasons(node, related)})

# own_lineage but for the taint: what the source adds through what it names and what it leaves unsaid.
_own_links(node, related) := {
	"vendors": _own_vendor_taint(node, related),
	"unresolved": {parent |
		some parent in _parents(node)
		parent != _self_id(node)
		not facts.has_key(_sources(related), parent)
	},
	"lineage_unknown": _lineage_unsaid(node),
}

_lineage_unsaid(node) := false if {
	is_array(facts.value(node, ["lineage", "derived_from"], null))
} else := true

# The entry point the engine evaluates once per data source and run: own_lineage of input.document.
own_lineage_of_input := own_lineage(input.document, object.get(input, "related", {}))

_adds(ds, id, own) if {
	id != _self_id(ds)
	count(own.taint) > 0
}

_adds(_, _, own) if count(own.vendors) > 0

_adds(ds, _, own) if {
	some parent in own.unresolved
	parent != _self_id(ds)
}

_adds(_, _, own) if own.lineage_unknown

_node_reasons(ds, id, own, chain) := union({
	_ancestor_taint(ds, id, own, chain),
	_vendor_taint(ds, id, own, chain),
	_unresolved_ancestors(ds, own, chain),
	_lineage_unknown(ds, id, own, chain),
})

# An ancestor failing DAT-005, DAT-006 or DAT-008 (fail, or cannot be cleared: needs_review).
_ancestor_taint(ds, id, own, chain) := {r |
	id != _self_id(ds)
	some inner in own.taint
	r := _graph_reason(inner.status, _via(ds, chain), chain, _taint_messages[inner.status], {
		"ancestor": id,
		"reason_rule": inner.rule,
		"field": _dotted(inner.path),
	})
}

_taint_messages := {"fail": "tainted_ancestor", "needs_review": "ancestor_unchecked"}

_taint_reasons(ancestor, related) := {inner |
	some inner in sources.banned(ancestor, _vendors(related)) | dat008(ancestor)
	inner.rule in _taint_rules
}

# A vendor that supplied or collected this source or an ancestor, and fails the Cambridge Analytica rules.
_own_vendor_taint(node, related) := {[path, vendor_id, inner] |
	some path in _vendor_paths
	facts.is_set_string(node, path)
	vendor_id := facts.value(node, path, null)
	vendor_id != "party"
	vendor := _vendors(related)[vendor_id]
	some inner in vendors.ca_reasons(vendor, _vendors(related))
}

_vendor_taint(ds, id, own, chain) := {r |
	some entry in own.vendors
	[path, vendor_id, inner] := entry
	full := array.concat(chain, [vendor_id])
	r := _graph_reason(inner.status, _vendor_via(ds, chain, path), full, _vendor_messages[inner.status], {
		"vendor": vendor_id,
		"source": id,
		"reason_rule": inner.rule,
	})
}

_vendor_paths := [["vendor_id"], ["collection", "collected_by"]]

_vendor_messages := {"fail": "cambridge_analytica_vendor", "needs_review": "vendor_unchecked"}

# This source's own vendor is pointed at where it is named; an ancestor's at the first lineage step.
_vendor_via(ds, chain, path) := path if count(chain) == 1

_vendor_via(ds, chain, _) := _via(ds, chain) if count(chain) > 1

# A parent id that names no related source: the lineage cannot be cleared (input.unresolved).
_unresolved_ancestors(ds, own, chain) := {r |
	some parent in own.unresolved
	parent != _self_id(ds)
	full := array.concat(chain, [parent])
	r := _graph_reason("needs_review", _via(ds, full), full, "ancestor_unresolved", {"ancestor": parent})
}

# A source, or an ancestor, that does not say what it was derived from (derived_from: [] says "nothing").
_lineage_unknown(ds, id, own, chain) := {r |
	own.lineage_unknown
	r := _lineage_unknown_reason(ds, id, chain)
}

_lineage_unknown_reason(ds, id, chain) := reason("DAT-007", "needs_review", ["lineage", "derived_from"], "lineage_unknown", {}) if {
	id == _self_id(ds)
} else := _graph_reason("needs_review", _via(ds, chain), chain, "ancestor_lineage_unknown", {"ancestor": id})

_dotted(path) := concat(".", [sprintf("%v", [key]) | some key in path])

# --- DAT-008: no bought, third-party or voter-file data --------------------------------------------------

_bought_origins := {"third_party_broker", "voter_file", "scraped", "public_register"}

_bought_methods := {"purchase", "data_exchange", "scraping"}

_meta_partner_sources := {"PARTNER_PROVIDED_ONLY", "BOTH_USER_AND_PARTNER_PROVIDED"}

dat008(ds) := _settle(_dat008_fails(ds), _dat008_reviews(ds))

_dat008_fails(ds) := union({_bought_origin(ds), _bought_method(ds), _meta_partner(ds), _google_third_party(ds)})

_bought_origin(ds) := {r |
	origin := facts.value(ds, "origin", null)
	origin in _bought_origins
	r := reason("DAT-008", "fail", ["origin"], "bought_origin", {"origin": origin})
}

_bought_method(ds) := {r |
	method := facts.value(ds, ["collection", "method"], null)
	method in _bought_methods
	r := reason("DAT-008", "fail", ["collection", "method"], "bought_method", {"method": method})
}

_meta_partner(ds) := {r |
	source := facts.value(ds, ["platform_binding", "meta_customer_file_source"], null)
	source in _meta_partner_sources
	r := reason("DAT-008", "fail", ["platform_binding", "meta_customer_file_source"], "meta_partner_data", {"value": source})
}

# Only FIRST_PARTY, or no value at all, is the party's own data (catalog).
_google_third_party(ds) := {r |
	value := facts.value(ds, ["platform_binding", "google_data_source_type"], null)
	value != null
	value != "FIRST_PARTY"
	r := reason("DAT-008", "fail", ["platform_binding", "google_data_source_type"], "google_third_party", {"value": value})
}

_dat008_reviews(ds) := (_origin_unknown(ds) | _dat008_method_unknown(ds)) | _second_party(ds)

_origin_unknown(ds) := {r |
	facts.is_unknown(ds, "origin")
	r := reason("DAT-008", "needs_review", ["origin"], "origin_unknown", {})
}

_dat008_method_unknown(ds) := {r |
	facts.is_unknown(ds, ["collection", "method"])
	r := reason("DAT-008", "needs_review", ["collection", "method"], "method_unknown", {})
}

# Another organisation's own data, shared or sold: the party did not collect it, and only a reviewer can tell
# a partnership from a purchase.
_second_party(ds) := {r |
	facts.value(ds, "origin", null) == "second_party"
	r := reason("DAT-008", "needs_review", ["origin"], "second_party_origin", {})
}

# --- DAT-009: social-network data built with the network's own tools -------------------------------------

# The networks seed S14 names: Facebook and Instagram (meta), YouTube (google_ads), LinkedIn.
_s14_platforms := {"meta", "google_ads", "linkedin"}

dat009(ds) := _settle(_dat009_fails(ds), _dat009_reviews(ds))

_dat009_fails(ds) := {r |
	platform := facts.value(ds, ["platform_binding", "platform"], null)
	platform in _s14_platforms
	facts.is_false(ds, ["platform_binding", "built_with_platform_tool"])
	r := reason("DAT-009", "fail", ["platform_binding", "built_with_platform_tool"], "not_platform_tool", {"platform": platform})
}

_dat009_reviews(ds) := {r |
	platform := facts.value(ds, ["platform_binding", "platform"], null)
	platform in _s14_platforms
	facts.is_unknown(ds, ["platform_binding", "built_with_platform_tool"])
	r := reason("DAT-009", "needs_review", ["platform_binding", "built_with_platform_tool"], "platform_tool_unknown", {"platform": platform})
} | _dat009_platform_unknown(ds)

# Bound to a platform that is not named, and not said to be built with its tools.
_dat009_platform_unknown(ds) := {r |
	is_object(facts.value(ds, "platform_binding", null))
	facts.is_unknown(ds, ["platform_binding", "platform"])
	not facts.is_true(ds, ["platform_binding", "built_with_platform_tool"])
	r := reason("DAT-009", "needs_review", ["platform_binding", "platform"], "platform_unknown", {})
}

# --- DAT-010: minors ------------------------------------------------------------------------------------------

# contains_minors is about people under 18 (the schema's definition); min_age_known below it says the same.
_adult_age := 18

dat010(ds) := _settle(_dat010_fails(ds), _dat010_reviews(ds))

_dat010_fails(ds) := {r |
	used_for_ads(ds)
	facts.value(ds, "contains_minors", null) == "yes"
	r := reason("DAT-010", "fail", ["contains_minors"], "minors", {})
} | {r |
	used_for_ads(ds)
	age := facts.value(ds, "min_age_known", null)
	is_number(age)
	age < _adult_age
	r := reason("DAT-010", "fail", ["min_age_known"], "minor_age_known", {"age": age})
}

_dat010_reviews(ds) := {r |
	used_for_ads(ds)
	facts.value(ds, "contains_minors", null) == "possible"
	r := reason("DAT-010", "needs_review", ["contains_minors"], "minors_possible", {})
} | {r |
	used_for_ads(ds)
	facts.is_unknown(ds, "contains_minors")
	r := reason("DAT-010", "needs_review", ["contains_minors"], "minors_unknown", {})
} | {r |
	not used_for_ads(ds)
	purposes_unknown(ds)
	facts.value(ds, "contains_minors", null) in {"yes", "possible"}
	r := reason("DAT-010", "needs_review", ["purposes"], "purposes_unknown", {})
}

# --- DAT-011 (warn): DPIA for special categories -------------------------------------------------------------

dat011(ds) := _dat011(ds, special_categories(ds))

_dat011(ds, categories) := _settle(_dat011_fails(ds, categories), _dat011_reviews(ds, categories))

_dat011_fails(ds, categories) := {r |
	count(categories) > 0
	not facts.is_set_string(ds, "dpia_ref")
	r := reason("DAT-011", "fail", ["dpia_ref"], "dpia_missing", {"categories": _sorted_list(categories)})
}

_dat011_reviews(ds, categories) := {r |
	count(categories) == 0
	unknown := special_categories_unknown(ds)
	count(unknown) > 0
	not facts.is_set_string(ds, "dpia_ref")
	fields := concat(", ", sort([_dotted(p) | some p in unknown]))
	r := reason("DAT-011", "needs_review", ["dpia_ref"], "special_categories_unknown", {"fields": fields})
}

# --- DAT-012 (warn): records and retention --------------------------------------------------------------------

dat012(ds) := {r |
	not facts.is_set_string(ds, "ropa_ref")
	r := reason("DAT-012", "fail", ["ropa_ref"], "ropa_missing", {})
} | {r |
	not is_number(facts.value(ds, "retention_days", null))
	r := reason("DAT-012", "fail", ["retention_days"], "retention_missing", {})
}

# --- the reason object ----------------------------------------------------------------------------------------

reason(rule, status, path, message, params) := sources.reason(rule, status, path, message, params)
