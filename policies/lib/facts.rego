# Tri-state facts: what a party asserts is true, false or unknown.
#
# A document states a fact as `true`, `false` or `"unknown"`; a missing field or `null` is unknown too.
# Blocking rules fail closed: they act on `is_true`, report `needs_review` on `is_unknown`, and never
# read "not true" as false. `key` is a field name or a path (an array of keys and indices).
package ethiq.lib.facts

# The raw value at `path`, or `fallback` when any step is missing or `obj` is not an object.
# object.get raises a type error on a non-object, so guard it: a malformed document is unknown, not an error.
value(obj, path, fallback) := object.get(obj, path, fallback) if is_object(obj)

value(obj, _, fallback) := fallback if not is_object(obj)

# Only the boolean `true` makes a fact true: "yes", 1 or "true" are not assertions the schema allows.
is_true(obj, key) if value(obj, key, null) == true

is_false(obj, key) if value(obj, key, null) == false

# Missing, null and the explicit "unknown" all mean the party has not said.
is_unknown(obj, key) if value(obj, key, null) == null

is_unknown(obj, key) if value(obj, key, null) == "unknown"

# A value the rules can use: present, and neither null nor "unknown".
is_known(obj, key) if not is_unknown(obj, key)

# A non-empty string other than "unknown", e.g. an id that is "set".
is_set_string(obj, key) if {
	v := value(obj, key, null)
	is_string(v)
	not v in {"", "unknown"}
}

# `obj` has the key, whatever its value (even null or false).
has_key(obj, key) if {
	is_object(obj)
	_ = obj[key]
}
