"""The document schemas: valid draft-07, strict and fail-closed by construction, accepting realistic
documents, rejecting typical mistakes at the right place, and generatable for property tests."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError

from ethiq.engine.read.documents import parse_documents
from ethiq.engine.validate.schema import FORMAT_CHECKER

ROOT = Path(__file__).parents[1]
SCHEMAS = ROOT / "policies" / "schemas"
VALID = Path(__file__).parent / "data" / "valid"
DOCS = ROOT / "docs" / "documents.md"
KINDS = ("policy_context", "vendor", "data_source", "audience", "account", "ad", "campaign")
ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$(?!\\n)"
OPEN_OBJECTS = {"labels", "native_spec", "native_objects"}  # the only objects that accept any key


def load_yaml_documents(text: str) -> list[dict[str, Any]]:
    """As the engine reads YAML: 1.2 booleans (`NO` stays a string), dates kept as ISO strings."""
    return [doc.data for doc in parse_documents(text, fmt="yaml")]


@cache
def schema_of(kind: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return schema


def validator(kind: str) -> Draft7Validator:
    return Draft7Validator(schema_of(kind), format_checker=Draft7Validator.FORMAT_CHECKER)


def strict_validator(kind: str) -> Draft7Validator:
    """With the engine's own format checker, which also checks date-time."""
    return Draft7Validator(schema_of(kind), format_checker=FORMAT_CHECKER)


def errors(kind: str, document: dict[str, Any], *, strict: bool = False) -> set[tuple[str, str]]:
    check = strict_validator(kind) if strict else validator(kind)
    found: list[ValidationError] = list(check.iter_errors(document))
    return {(error.json_path, str(error.validator)) for error in found}


def valid_examples() -> list[Any]:
    params = []
    for path in sorted(VALID.glob("*.yaml")):
        for doc in load_yaml_documents(path.read_text(encoding="utf-8")):
            params.append(pytest.param(doc, id=f"{path.stem}:{doc.get('id')}"))
    return params


def docs_examples() -> list[Any]:
    blocks = re.findall(r"```yaml\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.S)
    params = []
    for block in blocks:
        for doc in load_yaml_documents(block):
            params.append(pytest.param(doc, id=str(doc.get("id"))))
    return params


def example(kind: str, ident: str) -> dict[str, Any]:
    """A deep copy of one valid example, to mutate."""
    for doc in load_yaml_documents((VALID / f"{kind}.yaml").read_text(encoding="utf-8")):
        if doc["id"] == ident:
            return copy.deepcopy(doc)
    raise LookupError(ident)


def walk(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every subschema of a schema, with the keywords leading to it."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key in ("properties", "patternProperties", "definitions"):
                for name, sub in value.items():
                    yield from walk(sub, (*path, name))
            elif isinstance(value, dict):
                yield from walk(value, (*path, key))
            elif isinstance(value, list):
                for item in value:
                    yield from walk(item, (*path, key))


# --- the schemas themselves --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_draft7(kind: str) -> None:
    schema = schema_of(kind)
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == f"https://ethiq.dev/schemas/{kind}.schema.json"
    assert schema["title"]
    assert schema["description"]
    assert schema["properties"]["kind"]["const"] == kind
    assert schema["definitions"]["id"]["pattern"] == ID_PATTERN


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_self_contained(kind: str) -> None:
    schema = schema_of(kind)
    refs = {sub["$ref"] for _, sub in walk(schema) if "$ref" in sub}
    assert refs, "expected shared definitions"
    for ref in refs:
        assert ref.startswith("#/definitions/"), ref
        assert ref.removeprefix("#/definitions/") in schema["definitions"], ref


@pytest.mark.parametrize("kind", KINDS)
def test_every_object_is_strict(kind: str) -> None:
    for path, sub in walk(schema_of(kind)):
        if sub.get("type") != "object" or (path and path[-1] in OPEN_OBJECTS):
            continue
        assert sub.get("additionalProperties") is False, path
        assert "^x-" in sub.get("patternProperties", {}), path


@pytest.mark.parametrize("kind", KINDS)
def test_facts_are_tristate_never_boolean(kind: str) -> None:
    schema = schema_of(kind)
    assert schema["definitions"]["tristate"]["enum"] == [True, False, "unknown"]
    for path, sub in walk(schema):
        assert sub.get("type") != "boolean", path


REQUIRED = {
    "policy_context": {"/": ["kind", "id"], "elections/items": ["id"]},
    "vendor": {"/": ["kind", "id"]},
    "data_source": {"/": ["kind", "id"], "segments/items": ["type"]},
    # anyOf: an audience states its targeting, hand-written (normalized) or the platform's own (native_spec).
    "audience": {"/": ["kind", "id", "platform"], "anyOf": ["native_spec"], "criterion": ["type"]},
    "account": {
        "/": ["kind", "id"],
        "metrics/follower_history/items": ["date", "count"],
        "growth_explanations/items": ["date"],
    },
    "ad": {"/": ["kind", "id", "platform"]},
    "campaign": {"/": ["kind", "id"]},
}


@pytest.mark.parametrize("kind", KINDS)
def test_only_structural_fields_are_required(kind: str) -> None:
    """Facts are never required: a missing fact is unknown and gives needs_review, not a schema error."""
    found = {"/".join(path) or "/": sub["required"] for path, sub in walk(schema_of(kind)) if "required" in sub}
    found.pop("evidence", None)  # an evidence entry needs its type and ref
    assert found == REQUIRED[kind]


# --- valid documents ---------------------------------------------------------------------------------


def test_every_kind_has_valid_examples() -> None:
    kinds = {param.values[0]["kind"] for param in valid_examples()}
    assert kinds == set(KINDS)


@pytest.mark.parametrize("document", valid_examples())
def test_valid_example_passes(document: dict[str, Any]) -> None:
    assert errors(document["kind"], document) == set()
    assert errors(document["kind"], document, strict=True) == set()


@pytest.mark.parametrize("document", docs_examples())
def test_docs_example_passes(document: dict[str, Any]) -> None:
    assert errors(document["kind"], document, strict=True) == set()


def test_docs_show_one_example_per_kind() -> None:
    assert sorted(param.values[0]["kind"] for param in docs_examples()) == sorted(KINDS)


def test_extension_fields_are_accepted_anywhere() -> None:
    doc = example("vendor", "ven_minimal")
    doc["x-crm-id"] = 4711
    doc["gdpr"] = {"dpa_signed": True, "x-checked-by": {"name": "DPO", "on": "2026-03-01"}}
    doc["parent_chain"] = [{"legal_name": "Holding AB", "x-note": ["any", "value"]}]
    assert errors("vendor", doc) == set()


def test_native_spec_takes_any_platform_json() -> None:
    doc = example("audience", "aud_minimal")
    doc["native_spec"] = {"targetingCriteria": {"include": {"and": [{"or": {"urn:li:adTargetingFacet:titles": []}}]}}}
    assert errors("audience", doc) == set()


# --- typical mistakes fail where they are ------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _parent(doc: dict[str, Any], path: str) -> tuple[Any, str | int]:
    """The container holding the last key of ``path`` ("a/0/b"), and that key (an index inside lists)."""
    node: Any = doc
    *parents, last = path.split("/")
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node, int(last) if isinstance(node, list) else last


def _set(path: str, value: Any) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        node, key = _parent(doc, path)
        node[key] = value

    return mutate


def _delete(path: str) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        node, key = _parent(doc, path)
        del node[key]

    return mutate


def _rename(path: str, new: str) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        node, key = _parent(doc, path)
        node[new] = node.pop(key)

    return mutate


# example (kind:id) -> mutations, each with the (json_path, validator) of the one error it must cause
INVALID: dict[str, list[tuple[Mutation, str, str]]] = {
    "vendor:ven_nordic_insight": [
        (_delete("id"), "$", "required"),
        (_rename("gdpr/dpa_signed", "dpa_singed"), "$.gdpr", "additionalProperties"),
        (_rename("legal_name", "legalName"), "$", "additionalProperties"),
        (_set("gdpr/dpa_signed", "yes"), "$.gdpr.dpa_signed", "enum"),
        (_set("edaa/status", "certified"), "$.edaa.status", "enum"),
        (_set("edaa/seal_expires_at", "2026-13-10"), "$.edaa.seal_expires_at", "format"),
        (_set("registry_ids/0", "559000-0000"), "$.registry_ids[0]", "pattern"),
        (_set("parent_chain/0/ownership_pct", 120), "$.parent_chain[0].ownership_pct", "maximum"),
        (_set("kind", "vendors"), "$.kind", "const"),
    ],
    "vendor:ven_sthlm_media": [
        (_set("labels/contract", 2026), "$.labels.contract", "type"),
        (_delete("evidence/0/ref"), "$.evidence[0]", "required"),
        (_set("roles/1", "demand_side_platform"), "$.roles[1]", "enum"),
    ],
    "data_source:ds_quiz_2026": [
        (_delete("id"), "$", "required"),
        (_set("origin", "first_party"), "$.origin", "enum"),
        (
            _set("collection/collected_from_data_subject", "yes"),
            "$.collection.collected_from_data_subject",
            "enum",
        ),
        (_rename("purposes", "purpose"), "$", "additionalProperties"),
        (_set("legal_basis/consent/explicit", "Yes"), "$.legal_basis.consent.explicit", "enum"),
    ],
    "data_source:ds_member_register_upload": [
        (_set("collection/from", "01/01/2010"), "$.collection.from", "format"),
        (_set("contains_minors", False), "$.contains_minors", "enum"),
        (
            _set("inferred_special_categories/0", "political_views"),
            "$.inferred_special_categories[0]",
            "enum",
        ),
        (_set("data_categories/0", "User.Contact.Email"), "$.data_categories[0]", "pattern"),
    ],
    "data_source:ds_vendor_segments": [
        (_delete("segments/0/type"), "$.segments[0]", "required"),
    ],
    "audience:aud_commuters_sthlm": [
        (_delete("id"), "$", "required"),
        (_delete("platform"), "$", "required"),
        (_set("platform", "facebook"), "$.platform", "enum"),
        (_set("normalized/include/0/type", "intrest"), "$.normalized.include[0].type", "enum"),
        (_delete("normalized/exclude/0/type"), "$.normalized.exclude[0]", "required"),
        (_set("normalized/exclude/0/art9/0", "religion"), "$.normalized.exclude[0].art9[0]", "enum"),
        (_rename("normalized/age_min", "min_age"), "$.normalized", "additionalProperties"),
        (_set("political/is_political_advertising", "yes"), "$.political.is_political_advertising", "enum"),
        (
            _set("normalized/expansion/meta_advantage_audience", True),
            "$.normalized.expansion.meta_advantage_audience",
            "enum",
        ),
        (_set("estimated_size/as_of", "20 Aug 2026"), "$.estimated_size.as_of", "format"),
    ],
    "audience:aud_lookalike_quiz": [
        (
            _set("normalized/custom_audiences/0/lookalike/ratio", 5),
            "$.normalized.custom_audiences[0].lookalike.ratio",
            "maximum",
        ),
        (
            _set("normalized/custom_audiences/0/subtype", "LOOKALIKE"),
            "$.normalized.custom_audiences[0].subtype",
            "enum",
        ),
        (_set("normalized/geo/countries/0", "se"), "$.normalized.geo.countries[0]", "pattern"),
    ],
    "account:acc_x_anna_andersson": [
        (_delete("id"), "$", "required"),
        (_set("persona", "fake"), "$.persona", "enum"),
        (_set("affiliation_disclosed/in_profile", "yes"), "$.affiliation_disclosed.in_profile", "enum"),
        (_rename("bio_text", "bio"), "$", "additionalProperties"),
    ],
    "account:acc_ig_stockholmsrosten": [
        (_set("commerce/purchased_followers", 1), "$.commerce.purchased_followers", "enum"),
        (_delete("metrics/follower_history/1/count"), "$.metrics.follower_history[1]", "required"),
        (_set("automation/tools/1/function", "autolike"), "$.automation.tools[1].function", "enum"),
    ],
    "ad:ad_transport_dark_01": [
        (_delete("id"), "$", "required"),
        (_delete("platform"), "$", "required"),
        (_set("visibility", "dark_post"), "$.visibility", "enum"),
        (_set("schedule/start", "next week"), "$.schedule.start", "anyOf"),
        (_set("public_counterpart/content_sha256", "9A05"), "$.public_counterpart.content_sha256", "pattern"),
        (_rename("sender/paid_for_by", "paidforby"), "$.sender", "additionalProperties"),
    ],
    "ad:ad_boosted_unpublished": [
        (_set("platform_refs/post_is_published", "no"), "$.platform_refs.post_is_published", "enum"),
        (_set("political/non_political_reason", "none"), "$.political.non_political_reason", "enum"),
        (
            _set("political/transparency_notice/period/to", "2026-09-31"),
            "$.political.transparency_notice.period.to",
            "format",
        ),
        (_set("content_review/flags/0", "rude"), "$.content_review.flags[0]", "enum"),
    ],
    "campaign:cmp_2026_transport": [
        (_delete("id"), "$", "required"),
        (_set("channels/0", "tv"), "$.channels[0]", "enum"),
        (_set("ttpa/risk_assessment/date", "2026-02-30"), "$.ttpa.risk_assessment.date", "format"),
        (_set("ad_ids/0", "ad transport"), "$.ad_ids[0]", "pattern"),
        (_rename("ttpa", "TTPA"), "$", "additionalProperties"),
    ],
    "policy_context:ctx_liberalerna_2026": [
        (_delete("id"), "$", "required"),
        (_set("as_of", "2026-11-31"), "$.as_of", "format"),
        (_set("thresholds/min_audience_size", -1), "$.thresholds.min_audience_size", "minimum"),
        (_set("elections/0/age_reference", "election_day"), "$.elections[0].age_reference", "enum"),
        (_delete("elections/0/id"), "$.elections[0]", "required"),
        (_rename("platform_timeline/google_ads", "google"), "$.platform_timeline", "additionalProperties"),
        (
            _set("platform_timeline/linkedin/political_ads_allowed", "no"),
            "$.platform_timeline.linkedin.political_ads_allowed",
            "enum",
        ),
        (
            _set("blocklists/vendors/scl_group/match_policy", "deny"),
            "$.blocklists.vendors.scl_group.match_policy",
            "enum",
        ),
        (
            _rename("blocklists/vendors/scl_group/canonical_name", "name"),
            "$.blocklists.vendors.scl_group",
            "additionalProperties",
        ),
        (
            _set("sensitive_criteria_map/criteria/meta/6003000000002", ["religion"]),
            "$.sensitive_criteria_map.criteria.meta['6003000000002'][0]",
            "enum",
        ),
        (
            _set("public_post_index/0/published_at", "yesterday"),
            "$.public_post_index[0].published_at",
            "anyOf",
        ),
        (_set("party/sub_entities/0/kind", "branch"), "$.party.sub_entities[0].kind", "enum"),
    ],
}
CASES = [(ref, *case) for ref, cases in INVALID.items() for case in cases]


@pytest.mark.parametrize(
    ("ref", "mutate", "json_path", "keyword"),
    CASES,
    ids=[f"{ref}:{json_path}:{keyword}" for ref, _, json_path, keyword in CASES],
)
def test_invalid_document_fails_at_path(ref: str, mutate: Mutation, json_path: str, keyword: str) -> None:
    kind, ident = ref.split(":")
    doc = example(kind, ident)
    mutate(doc)
    assert errors(kind, doc) == {(json_path, keyword)}


@pytest.mark.parametrize("instant", ["2025-10-06T18:00", "2025-10-06 18:00:00+0200", "2025-10-06T25:00:00+02:00"])
def test_instant_needs_an_offset_and_a_real_time(instant: str) -> None:
    doc = example("policy_context", "ctx_minimal")
    doc["platform_timeline"] = {"meta": {"eu_political_ads_allowed_until": instant}}
    assert errors("policy_context", doc, strict=True) == {
        ("$.platform_timeline.meta.eu_political_ads_allowed_until", "anyOf")
    }


# --- generatable for property tests -------------------------------------------------------------------


@cache
@cache
def documents_of(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    """A kind's documents, drawn from its schema (the strategy is built once: building it canonicalises)."""
    return from_schema(schema_of(kind))


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_documents_validate(kind: str, data: st.DataObject) -> None:
    document = data.draw(documents_of(kind), label=kind)
    assert document["kind"] == kind
    assert list(validator(kind).iter_errors(document)) == []
    assert list(strict_validator(kind).iter_errors(document)) == []


def test_a_caller_rewriting_a_schema_never_changes_the_next_validator() -> None:
    from ethiq.engine.validate.schema import SchemaSet, load_schema

    from_schema(load_schema("vendor")).example()  # canonicalises `false` into {"not": {}} in what it was given
    evidence = [{"type": "url", "ref": "u", "x_y": 1}]
    document = {"kind": "vendor", "id": "ven_x", "legal_name": "X AB", "evidence": evidence}
    found = [v.validator for v in SchemaSet().validate(document) if v.path[:1] == ("evidence",)]
    assert found == ["additionalProperties"]
