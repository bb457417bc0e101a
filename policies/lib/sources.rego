# The banned-source test (seed S15), shared by data sources (DAT-005, DAT-006) and by everything built on
# them (audiences, AUD-013): a source is banned when it holds quiz-app or app-developer data, or
# psychographic or personality data.
#
# banned(ds, vendors) is the set of reasons, each
#   {"rule": "DAT-005" | "DAT-006", "status": "fail" | "needs_review", "path": [...], "message": key, "params": {...}}
# where `path` points into `ds` and `vendors` maps vendor ids to vendor documents (input.related.vendor).
# An empty set means the source is clean on every fact these rules need.
package ethiq.lib.sources

import data.ethiq.lib.facts

banned(ds, vendors) := dat005(ds, vendors) | dat006(ds)

# --- DAT-005: no quiz-app or app-developer data ------------------------------------------------------

# Collection methods that are the Cambridge Analytica pattern: an app the person logs into or a quiz.
app_methods := {"quiz_app", "personality_test", "social_login_app"}

app_origins := {"quiz_app", "app_developer"}

# A fail anywhere settles the rule, so the "cannot check" reasons are only reported when nothing failed:
# a reviewer should not be asked to clear what is already blocked.
dat005(ds, vendors) := fails if {
	fails := _dat005_fails(ds, vendors)
	count(fails) > 0
} else := _dat005_reviews(ds, vendors)

_dat005_fails(ds, vendors) := union({_app_method(ds), _app_origin(ds), _platform_app(ds), _app_developer_vendor(ds, vendors)})

_dat005_reviews(ds, vendors) := union({
	_method_unknown(ds),
	_platform_app_unknown(ds),
	_vendor_unknown(ds),
	_vendor_missing(ds, vendors),
	_vendor_roles_unknown(ds, vendors),
})

# The method decides, whatever `origin` claims (T09: the party's own "Vilken liberal är du?" quiz app).
_app_method(ds) := {r |
	method := facts.value(ds, ["collection", "method"], null)
	method in app_methods
	r := reason("DAT-005", "fail", ["collection", "method"], "app_method", {"method": method})
}

_app_origin(ds) := {r |
	origin := facts.value(ds, "origin", null)
	origin in app_origins
	r := reason("DAT-005", "fail", ["origin"], "app_origin", {"origin": origin})
}

# A platform app id means the data came through an app on the platform, whatever the method says.
_platform_app(ds) := {r |
	facts.is_set_string(ds, ["collection", "platform_app_id"])
	app_id := ds.collection.platform_app_id
	r := reason("DAT-005", "fail", ["collection", "platform_app_id"], "platform_app", {"app_id": app_id})
}

# The data is the vendor's when the vendor supplied it (vendor_id) or collected it (collection.collected_by).
_app_developer_vendor(ds, vendors) := {r |
	some ref in _vendor_refs(ds)
	roles := facts.value(vendors[ref.id], "roles", [])
	is_array(roles)
	"app_developer" in roles
	r := reason("DAT-005", "fail", ref.path, "app_developer_vendor", {"vendor": ref.id})
}

_method_unknown(ds) := {r |
	facts.is_unknown(ds, ["collection", "method"])
	r := reason("DAT-005", "needs_review", ["collection", "method"], "method_unknown", {})
}

# Missing is the normal case (no app); only an explicit "unknown" says nobody knows whether an app was used.
_platform_app_unknown(ds) := {r |
	facts.value(ds, ["collection", "platform_app_id"], null) == "unknown"
	r := reason("DAT-005", "needs_review", ["collection", "platform_app_id"], "platform_app_unknown", {})
}

# A supplier or collector declared "unknown" cannot be cleared of the app_developer role.
_vendor_unknown(ds) := {r |
	some path in _vendor_paths
	facts.value(ds, path, null) == "unknown"
	r := reason("DAT-005", "needs_review", path, "vendor_unknown", {})
}

# A vendor the run does not hold cannot be cleared of the app_developer role either.
_vendor_missing(ds, vendors) := {r |
	some ref in _vendor_refs(ds)
	not facts.has_key(vendors, ref.id)
	r := reason("DAT-005", "needs_review", ref.path, "vendor_missing", {"vendor": ref.id})
}

_vendor_roles_unknown(ds, vendors) := {r |
	some ref in _vendor_refs(ds)
	facts.has_key(vendors, ref.id)
	facts.is_unknown(vendors[ref.id], "roles")
	r := reason("DAT-005", "needs_review", ref.path, "vendor_roles_unknown", {"vendor": ref.id})
}

# The vendors a source names, with where it names them. A null, absent or empty vendor_id means the source
# is party-internal; collected_by is "party" or a vendor id.
_vendor_paths := [["vendor_id"], ["collection", "collected_by"]]

_vendor_refs(ds) := {ref |
	some path in _vendor_paths
	facts.is_set_string(ds, path)
	id := facts.value(ds, path, null)
	id != "party"
	ref := {"path": path, "id": id}
}

# --- DAT-006: no psychographic or personality data ---------------------------------------------------

dat006(ds) := fails if {
	fails := _psychographic_categories(ds) | _psychographic_segments(ds)
	count(fails) > 0
} else := _categories_unknown(ds)

# The categories that ARE personality or psychographic data come from the context (data, with sources).
# If the context lacks the list, keep the catalog's own key rather than switch the rule off.
default psychographic_categories := ["user.inferred.personality"]

psychographic_categories := data.ethiq.context.taxonomies.psychographic_data_categories

# Exactly a listed key, or a key below it ("user.inferred.personality.ocean"): never a substring test,
# which would also hit "user.inferred.personality_free" or a display name.
is_psychographic_category(category) if {
	is_string(category)
	some listed in psychographic_categories
	category == listed
}

is_psychographic_category(category) if {
	is_string(category)
	some listed in psychographic_categories
	startswith(category, concat("", [listed, "."]))
}

_psychographic_categories(ds) := {r |
	categories := facts.value(ds, "data_categories", [])
	is_array(categories)
	some i, category in categories
	is_psychographic_category(category)
	r := reason("DAT-006", "fail", ["data_categories", i], "psychographic_category", {"category": category})
}

# Key on the segment's type, never on its name (T02: the platform interest "Personality" is not a
# psychographic segment; an "OCEAN High-N" vendor segment is).
_psychographic_segments(ds) := {r |
	segments := facts.value(ds, "segments", [])
	is_array(segments)
	some i, segment in segments
	facts.value(segment, "type", null) == "psychographic_segment"
	name := facts.value(segment, "name", sprintf("#%d", [i]))
	r := reason("DAT-006", "fail", ["segments", i], "psychographic_segment", {"segment": name})
}

_categories_unknown(ds) := {r |
	facts.is_unknown(ds, "data_categories")
	r := reason("DAT-006", "needs_review", ["data_categories"], "categories_unknown", {})
}

# --- the reason object ---------------------------------------------------------------------------------

reason(rule, status, path, message, params) := {
	"rule": rule,
	"status": status,
	"path": path,
	"message": message,
	"params": params,
}
