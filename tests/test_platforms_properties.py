"""Properties of the platform adapters, on generated native specs (Hypothesis).

A sensitive or banned element planted anywhere a spec can hold it (a mapped criterion id, a legacy sensitive
field, a partner-provided customer file, a voter-file user list, a LinkedIn group), at any nesting of
flexible_spec, in includes or exclusions, appears in the view at a path whose native path is exactly where it
was planted. Views of generated specs validate against the audience schema. An unknown key planted in any
object is reported at its path. A hand-written projection that leaves out any criterion is a mismatch at
that criterion's native place. The interesting case is built, never filtered for.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from ethiq.engine.platforms import adapt, derive, google_ads, linkedin, meta
from ethiq.engine.platforms.view import UNKNOWN_KEY, Adaptation, Mismatch, Unknown

ROOT = Path(__file__).parents[1]
AUDIENCE = Draft7Validator(json.loads((ROOT / "policies/schemas/audience.schema.json").read_text(encoding="utf-8")))
SENSITIVE = yaml.safe_load((ROOT / "policies/data/context/30-sensitive-criteria.yaml").read_text(encoding="utf-8"))
MAPPED_META_IDS = sorted(i for i, cats in SENSITIVE["sensitive_criteria_map"]["criteria"]["meta"].items() if cats)

Path_ = tuple[str | int, ...]

ids = st.integers(10**12, 10**16).map(str)
names = st.from_regex(r"[a-jåäö][a-j åäö]{0,11}", fullmatch=True)  # a display name: never blank
options = st.lists(st.fixed_dictionaries({"id": ids}, optional={"name": names}), min_size=1, max_size=3)
criterion_keys = st.sampled_from(sorted(meta.CRITERION_KEYS))
groups = st.dictionaries(criterion_keys, options, min_size=1, max_size=3)
countries = st.lists(st.sampled_from(["SE", "NO", "DK", "FI", "DE", "AT"]), max_size=3)


@st.composite
def meta_specs(draw: st.DrawFn) -> dict[str, Any]:
    spec: dict[str, Any] = {}
    if draw(st.booleans()):
        spec["geo_locations"] = {"countries": draw(countries)}
    if draw(st.booleans()):
        spec["age_min"] = draw(st.integers(13, 30))
        spec["age_max"] = draw(st.integers(30, 65))
    if draw(st.booleans()):
        spec["genders"] = draw(st.lists(st.sampled_from([1, 2]), max_size=2))
    spec["flexible_spec"] = draw(st.lists(groups, max_size=4))
    if draw(st.booleans()):
        spec["exclusions"] = draw(groups)
    if draw(st.booleans()):
        spec["targeting_automation"] = {"advantage_audience": draw(st.sampled_from([0, 1]))}
    if draw(st.booleans()):
        spec["publisher_platforms"] = draw(st.lists(st.sampled_from(["facebook", "instagram"]), max_size=2))
    return spec


def view_at(result: Adaptation, path: Path_) -> Any:
    node: Any = result.view
    for key in path:
        node = node[key]
    return node


def planted_view_paths(result: Adaptation, native: Path_) -> list[Path_]:
    """The view paths of whole criteria or audiences (normalized.<list>[i]) that came from ``native``."""
    return [view for view, origin in result.paths.items() if origin == native and len(view) == 3]


@st.composite
def meta_places(draw: st.DrawFn, spec: dict[str, Any]) -> tuple[Path_, str]:
    """Where an option goes: (native path of the option list, include or exclude). Creates what it needs."""
    where = draw(st.sampled_from(["flexible", "new_group", "exclusions", "top"]))
    key = draw(criterion_keys)
    if where == "flexible" and spec["flexible_spec"]:
        g = draw(st.integers(0, len(spec["flexible_spec"]) - 1))
        spec["flexible_spec"][g].setdefault(key, [])
        return ("native_spec", "flexible_spec", g, key), "include"
    if where in ("flexible", "new_group"):
        spec["flexible_spec"].insert(g := draw(st.integers(0, len(spec["flexible_spec"]))), {key: []})
        return ("native_spec", "flexible_spec", g, key), "include"
    if where == "exclusions":
        spec.setdefault("exclusions", {}).setdefault(key, [])
        return ("native_spec", "exclusions", key), "exclude"
    spec.setdefault(key, [])
    return ("native_spec", key), "include"


def insert_option(draw: st.DrawFn, spec: dict[str, Any], at: Path_, option: Any) -> Path_:
    node: Any = spec
    for key in at[1:]:
        node = node[key]
    j = draw(st.integers(0, len(node)))
    node.insert(j, option)
    return (*at, j)


@given(st.data())
def test_meta_mapped_id_is_found_where_it_was_planted(data: st.DataObject) -> None:
    spec = data.draw(meta_specs())
    at, target = data.draw(meta_places(spec))
    ident = data.draw(st.sampled_from(MAPPED_META_IDS))
    planted = insert_option(data.draw, spec, at, {"id": ident, "name": data.draw(names)})
    result = adapt({"kind": "audience", "platform": "meta", "native_spec": spec})
    found = planted_view_paths(result, planted)
    assert len(found) == 1
    assert found[0][:2] == ("normalized", target)
    assert view_at(result, found[0])["platform_id"] == ident
    assert result.paths[(*found[0], "platform_id")] == (*planted, "id")
    assert result.unknown == ()


@given(st.data())
def test_meta_legacy_field_is_found_where_it_was_planted(data: st.DataObject) -> None:
    spec = data.draw(meta_specs())
    field = data.draw(st.sampled_from(sorted(meta.LEGACY_FIELDS)))
    where = data.draw(st.sampled_from(["top", "exclusions", "group"]))
    if where == "group":
        spec["flexible_spec"].insert(g := data.draw(st.integers(0, len(spec["flexible_spec"]))), {})
        holder, at, target = spec["flexible_spec"][g], ("native_spec", "flexible_spec", g, field), "include"
    elif where == "exclusions":
        holder, at, target = spec.setdefault("exclusions", {}), ("native_spec", "exclusions", field), "exclude"
    else:
        holder, at, target = spec, ("native_spec", field), "include"
    values = holder.setdefault(field, [])
    value = data.draw(st.one_of(st.integers(1, 9), st.fixed_dictionaries({"id": ids})))
    values.insert(j := data.draw(st.integers(0, len(values))), value)
    result = adapt({"kind": "audience", "platform": "meta", "native_spec": spec})
    found = planted_view_paths(result, (*at, j))
    assert len(found) == 1
    assert found[0][:2] == ("normalized", target)
    kind, art9 = meta.LEGACY_FIELDS[field]
    assert view_at(result, found[0])["type"] == kind
    assert view_at(result, found[0]).get("art9", []) == art9


@given(st.data())
def test_meta_partner_provided_customer_file_is_found_where_it_was_planted(data: st.DataObject) -> None:
    spec = data.draw(meta_specs())
    ref = "9" + data.draw(ids)  # the other audiences' ids start with 8: the planted one is unique by construction
    list_key = data.draw(st.sampled_from(["custom_audiences", "excluded_custom_audiences", "group"]))
    if list_key == "group":
        spec["flexible_spec"].insert(
            g := data.draw(st.integers(0, len(spec["flexible_spec"]))), {"custom_audiences": []}
        )
        at: Path_ = ("native_spec", "flexible_spec", g, "custom_audiences")
        holder = spec["flexible_spec"][g]["custom_audiences"]
        target = "custom_audiences"
    else:
        at, holder, target = ("native_spec", list_key), spec.setdefault(list_key, []), list_key
    holder.insert(j := data.draw(st.integers(0, len(holder))), {"id": ref})
    objects = data.draw(
        st.lists(st.fixed_dictionaries({"id": ids.map("8".__add__), "subtype": st.just("WEBSITE")}), max_size=3)
    )
    source = data.draw(st.sampled_from(["PARTNER_PROVIDED_ONLY", "BOTH_USER_AND_PARTNER_PROVIDED"]))
    objects.insert(
        k := data.draw(st.integers(0, len(objects))), {"id": ref, "subtype": "CUSTOM", "customer_file_source": source}
    )
    result = adapt(
        {"kind": "audience", "platform": "meta", "native_spec": spec, "native_objects": {"custom_audiences": objects}}
    )
    found = planted_view_paths(result, (*at, j))
    assert len(found) == 1
    assert found[0][:2] == ("normalized", target)
    entry = view_at(result, found[0])
    assert entry["ref"] == ref
    assert entry["list_source"] == meta.LIST_SOURCES[source]
    assert result.paths[(*found[0], "list_source")] == ("native_objects", "custom_audiences", k, "customer_file_source")


@st.composite
def google_specs(draw: st.DrawFn) -> dict[str, Any]:
    criterion = st.one_of(
        st.builds(
            lambda c: {"location": {"geo_target_constant": f"geoTargetConstants/{c}"}},
            st.sampled_from([2752, 2578, 2208, 1012345]),
        ),
        st.builds(lambda t: {"age_range": {"type": t}}, st.sampled_from(sorted(google_ads.AGE_RANGES))),
        st.builds(lambda t: {"keyword": {"text": t, "match_type": "BROAD"}}, names),
        st.builds(lambda n: {"topic": {"topic_constant": f"topicConstants/{n}"}}, st.integers(1, 999)),
        st.builds(lambda g: {"gender": {"type": g}}, st.sampled_from(sorted(google_ads.GENDERS))),
    ).flatmap(lambda c: st.builds(lambda neg: {**c, "negative": True} if neg else c, st.booleans()))
    return {
        "campaign": {"contains_eu_political_advertising": draw(st.sampled_from(sorted(google_ads.EU_POLITICAL)))},
        "campaign_criteria": draw(st.lists(criterion, max_size=4)),
        "ad_group_criteria": draw(st.lists(criterion, max_size=4)),
    }


@given(st.data())
def test_google_third_party_user_list_is_found_where_it_was_planted(data: st.DataObject) -> None:
    spec = data.draw(google_specs())
    name = f"customers/1/userLists/{data.draw(st.integers(1, 10**9))}"
    where = data.draw(st.sampled_from(["campaign_criteria", "ad_group_criteria"]))
    negative = data.draw(st.booleans())
    criterion: dict[str, Any] = {"user_list": {"user_list": name}, **({"negative": True} if negative else {})}
    spec[where].insert(j := data.draw(st.integers(0, len(spec[where]))), criterion)
    source = data.draw(st.sampled_from(["THIRD_PARTY_VOTER_FILE", "THIRD_PARTY_CREDIT_BUREAU"]))
    lists = [{"resource_name": name, "crm_based_user_list": {"data_source_type": source}}]
    result = adapt(
        {"kind": "audience", "platform": "google_ads", "native_spec": spec, "native_objects": {"user_lists": lists}}
    )
    found = planted_view_paths(result, ("native_spec", where, j))
    target = "excluded_custom_audiences" if negative else "custom_audiences"
    assert len(found) == 1
    assert found[0][:2] == ("normalized", target)
    assert view_at(result, found[0])["list_source"] == google_ads.LIST_SOURCES[source]
    assert result.paths[(*found[0], "list_source")] == (
        "native_objects",
        "user_lists",
        0,
        "crm_based_user_list",
        "data_source_type",
    )


facets = st.sampled_from(sorted(linkedin.CRITERION_FACETS))
urns = st.integers(1, 10**9).map(lambda n: f"urn:li:thing:{n}")


@st.composite
def linkedin_specs(draw: st.DrawFn) -> dict[str, Any]:
    clause = st.dictionaries(
        facets.map(lambda f: linkedin.FACET_PREFIX + f), st.lists(urns, min_size=1, max_size=3), min_size=1, max_size=2
    ).map(lambda facets_: {"or": facets_})
    spec: dict[str, Any] = {"include": {"and": draw(st.lists(clause, max_size=3))}}
    if draw(st.booleans()):
        spec["exclude"] = {
            "or": draw(
                st.dictionaries(
                    facets.map(lambda f: linkedin.FACET_PREFIX + f), st.lists(urns, min_size=1, max_size=2), max_size=2
                )
            )
        }
    return {"targetingCriteria": spec, "audienceExpansionEnabled": draw(st.booleans())}


@given(st.data())
def test_linkedin_group_is_found_where_it_was_planted(data: st.DataObject) -> None:
    spec = data.draw(linkedin_specs())
    criteria = spec["targetingCriteria"]
    group = linkedin.FACET_PREFIX + "groups"
    value = f"urn:li:group:{data.draw(st.integers(1, 10**9))}"
    if data.draw(st.booleans()):
        clauses = criteria["include"]["and"]
        clauses.insert(k := data.draw(st.integers(0, len(clauses))), {"or": {}})
        holder, at, target = (
            clauses[k]["or"],
            ("native_spec", "targetingCriteria", "include", "and", k, "or"),
            "include",
        )
    else:
        holder = criteria.setdefault("exclude", {"or": {}})["or"]
        at, target = ("native_spec", "targetingCriteria", "exclude", "or"), "exclude"
    values = holder.setdefault(group, [])
    values.insert(j := data.draw(st.integers(0, len(values))), value)
    result = adapt({"kind": "audience", "platform": "linkedin", "native_spec": spec})
    found = planted_view_paths(result, (*at, group, j))
    assert len(found) == 1
    assert found[0][:2] == ("normalized", target)
    assert view_at(result, found[0]) == {"type": "group", "platform_id": value, "source": "platform_taxonomy"}


@given(st.data())
def test_derived_views_validate(data: st.DataObject) -> None:
    platform = data.draw(st.sampled_from(["meta", "google_ads", "linkedin"]))
    spec = data.draw({"meta": meta_specs(), "google_ads": google_specs(), "linkedin": linkedin_specs()}[platform])
    document = {"kind": "audience", "id": "aud_x", "platform": platform, "native_spec": spec}
    result = adapt(document)
    assert result.unknown == ()
    derived = {**document, **result.view}
    assert [e.message for e in AUDIENCE.iter_errors(derived)] == []


def objects_of(value: Any, path: Path_) -> list[tuple[Path_, dict[str, Any]]]:
    """Every object in a native spec whose keys the adapter reads (all but the facet maps' values)."""
    found: list[tuple[Path_, dict[str, Any]]] = []
    if isinstance(value, dict):
        found.append((path, value))
        for key, item in value.items():
            found += objects_of(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += objects_of(item, (*path, i))
    return found


@given(st.data())
def test_unknown_keys_are_always_reported(data: st.DataObject) -> None:
    platform = data.draw(st.sampled_from(["meta", "google_ads", "linkedin"]))
    spec = data.draw({"meta": meta_specs(), "google_ads": google_specs(), "linkedin": linkedin_specs()}[platform])
    at, target = data.draw(st.sampled_from(objects_of(spec, ("native_spec",))))
    key = "zz_" + data.draw(st.text(alphabet="abcdefghij_", min_size=1, max_size=8))
    target[key] = data.draw(st.one_of(st.integers(), names, st.lists(names, max_size=2)))
    result = adapt({"kind": "audience", "platform": platform, "native_spec": spec})
    assert Unknown((*at, key), key, UNKNOWN_KEY) in result.unknown


@given(st.data())
def test_a_projection_that_leaves_out_a_criterion_is_a_mismatch_at_its_native_place(data: st.DataObject) -> None:
    spec = data.draw(meta_specs())
    spec["flexible_spec"].insert(0, data.draw(groups))  # at least one criterion
    document = {"kind": "audience", "id": "aud_x", "platform": "meta", "native_spec": spec}
    derived = adapt(document)
    declared = copy.deepcopy(derived.view["normalized"])
    include = declared["include"]
    dropped = data.draw(st.integers(0, len(include) - 1))
    if any(c == include[dropped] for i, c in enumerate(include) if i != dropped):
        return  # the same option twice: leaving out one copy changes no criterion
    del include[dropped]
    del declared["include_groups"]
    derivation = derive({**document, "normalized": declared})
    assert derivation is not None
    view = ("normalized", "include", dropped)
    assert derivation.mismatches == (Mismatch(view, derived.paths[view], None, "missing"),)
