# What only the platforms' own JSON reveals: the tests behind NAT-001, NAT-002 and AUD-014 to AUD-016.
#
# When a document carries native platform JSON, the engine derives the neutral view from it (the adapters in
# ethiq.engine.platforms) and hands the rules `input.derived.native`:
#   {"platform": ..., "unknown": [{"path", "key", "reason"}],
#    "declared_mismatch": [{"view_path", "native_path", "declared_path", "what"}]}
# (docs/policy-authoring.md). Every function returns reasons shaped as in ethiq.lib.audiences.
package ethiq.lib.native

import data.ethiq.lib.ads
import data.ethiq.lib.audiences
import data.ethiq.lib.facts

# --- paths ---------------------------------------------------------------------------------------------

# ["native_spec", "flexible_spec", 1, "interests", 0] -> $.native_spec.flexible_spec[1].interests[0], in the
# notation of the engine's findings (a key that is not an identifier is quoted).
json_path(path) := concat("", array.concat(["$"], [_segment(p) | some p in path])) if is_array(path)

json_path(path) := "$" if not is_array(path)

_segment(p) := sprintf("[%d]", [p]) if is_number(p)

_segment(p) := sprintf(".%s", [p]) if {
	is_string(p)
	regex.match(`^[A-Za-z_][A-Za-z0-9_]*$`, p)
}

_segment(p) := sprintf("[%s]", [json.marshal(p)]) if {
	is_string(p)
	not regex.match(`^[A-Za-z_][A-Za-z0-9_]*$`, p)
}

_list(nat, name) := list if {
	list := facts.value(nat, name, [])
	is_array(list)
} else := []

_platform(nat) := p if {
	p := facts.value(nat, "platform", null)
	is_string(p)
} else := "unknown"

_path_of(u) := p if {
	p := facts.value(u, "path", null)
	is_array(p)
} else := []

# --- NAT-001: the hand-written projection against the derived one ----------------------------------------

mismatch_kinds := {"missing", "extra", "different"}

_what(m) := w if {
	w := facts.value(m, "what", null)
	w in mismatch_kinds
} else := "different"

# The finding points at the native value the hand-written copy leaves out or changes (the message names the
# copy's path), else at the hand-written value the native JSON does not have. Both are paths in the document
# as written, never in the derived view.
_where(m) := p if {
	p := facts.value(m, "native_path", null)
	is_array(p)
} else := p if {
	p := facts.value(m, "declared_path", null)
	is_array(p)
} else := p if {
	p := facts.value(m, "view_path", null)
	is_array(p)
} else := []

_shown(path) := json_path(path) if is_array(path)

_shown(path) := "-" if not is_array(path)

mismatch_reasons(nat) := {r |
	some m in _list(nat, "declared_mismatch")
	r := audiences.reason("NAT-001", "fail", _where(m), _what(m), {
		"view": _shown(facts.value(m, "view_path", null)),
		"native": _shown(facts.value(m, "native_path", null)),
		"declared": _shown(facts.value(m, "declared_path", null)),
		"platform": _platform(nat),
	})
}

# --- NAT-002: what the adapter does not understand -----------------------------------------------------

unknown_kinds := {"unknown_key", "unknown_value", "unreadable", "unsupported", "no_adapter"}

_reason_of(u) := k if {
	k := facts.value(u, "reason", null)
	k in unknown_kinds
} else := "unknown_key"

unknown_reasons(nat) := {r |
	some u in _list(nat, "unknown")
	r := audiences.reason("NAT-002", "needs_review", _path_of(u), _reason_of(u), {
		"key": sprintf("%v", [facts.value(u, "key", "")]),
		"native": json_path(_path_of(u)),
		"platform": _platform(nat),
	})
}

# --- AUD-014: third-party data behind a custom audience, as the platform records it -------------------------

# Meta customer_file_source PARTNER_PROVIDED_ONLY / BOTH_USER_AND_PARTNER_PROVIDED and a PARTNER audience,
# Google Ads data_source_type THIRD_PARTY_VOTER_FILE / THIRD_PARTY_CREDIT_BUREAU / partner data [V].
third_party_sources := {
	"first_and_third_party_partner",
	"third_party_partner",
	"third_party_credit_bureau",
	"third_party_voter_file",
}

_label(e) := ref if {
	ref := facts.value(e.entry, "ref", null)
	is_string(ref)
} else := sprintf("#%d", [e.path[count(e.path) - 1]])

aud014(aud, nat) := {r |
	some e in audiences.custom_audience_entries(aud)
	source := facts.value(e.entry, "list_source", null)
	source in third_party_sources
	r := audiences.reason("AUD-014", "fail", array.concat(e.path, ["list_source"]), "third_party_list", {"audience": _label(e), "source": source})
} | {r |
	is_object(nat)
	some e in audiences.custom_audience_entries(aud)
	_source_expected(aud, e.entry)
	facts.is_unknown(e.entry, "list_source")
	r := audiences.reason("AUD-014", "needs_review", e.path, "list_source_unknown", {"audience": _label(e)})
}

# Where the platform records a list's source: on a customer list, and on any Meta custom audience or Google
# user list whose own object is not in native_objects (it could be a customer list).
_source_expected(_, entry) if facts.value(entry, "subtype", null) == "customer_list"

_source_expected(aud, entry) if {
	facts.is_unknown(entry, "subtype")
	audiences.platform_of(aud) in {"meta", "google_ads"}
}

# --- AUD-015: the consent signals of an uploaded list ------------------------------------------------------

consent_signals := ["ad_user_data", "ad_personalization"]

aud015(aud, nat) := {r |
	some e in audiences.custom_audience_entries(aud)
	some signal in consent_signals
	facts.is_false(e.entry, ["consent", signal])
	r := audiences.reason("AUD-015", "fail", array.concat(e.path, ["consent", signal]), "consent_denied", {"audience": _label(e), "signal": signal})
} | {r |
	some e in audiences.custom_audience_entries(aud)
	_consent_expected(aud, nat, e.entry)
	some signal in consent_signals
	facts.is_unknown(e.entry, ["consent", signal])
	r := audiences.reason("AUD-015", "needs_review", e.path, "consent_unknown", {"audience": _label(e), "signal": signal})
}

# Signals are expected where consent is stated at all (one signal without the other proves nothing), and on
# every Google Ads customer list read from the native JSON (Customer Match requires them).
_consent_expected(_, _, entry) if is_object(facts.value(entry, "consent", null))

_consent_expected(aud, nat, entry) if {
	is_object(nat)
	audiences.platform_of(aud) == "google_ads"
	facts.value(entry, "subtype", null) == "customer_list"
}

# --- AUD-016: LinkedIn group membership in the EU ----------------------------------------------------------

_eu_countries(aud) := {c | some c in audiences.countries(aud); c in ads.eu_member_states}

aud016(aud) := {r |
	audiences.platform_of(aud) == "linkedin"
	some list in ["include", "exclude"]
	some i, c in audiences.normalized_list(aud, list)
	facts.value(c, "type", null) == "group"
	some r in _group_reasons(aud, c, ["normalized", list, i])
}

_group_label(c, path) := id if {
	id := facts.value(c, "platform_id", null)
	is_string(id)
} else := sprintf("#%d", [path[2]])

_group_reasons(aud, c, path) := {audiences.reason("AUD-016", "fail", path, "eu_group", params)} if {
	count(_eu_countries(aud)) > 0
	params := {"criterion": _group_label(c, path), "countries": concat(", ", sort(_eu_countries(aud)))}
} else := {audiences.reason("AUD-016", "needs_review", path, "countries_unknown", {"criterion": _group_label(c, path)})} if {
	count(audiences.countries(aud)) == 0
} else := set()
