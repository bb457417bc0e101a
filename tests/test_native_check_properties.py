"""Properties of the whole check on generated native platform JSON (Hypothesis).

tests/test_platforms_properties.py proves the adapters; these prove the check a user runs: a document that
carries only a platform's own JSON, with a sensitive or banned element planted anywhere the JSON can hold
it (a mapped criterion id, a legacy sensitive field, a partner-provided customer file, a voter-file user
list), at any nesting of ``flexible_spec``, in includes or exclusions, is blocked by a finding at the native
path where the element was planted. The ``input`` the rules receive holds a view that validates against the
audience schema; a hand-written ``normalized`` that differs from the derived one in any criterion blocks
(NAT-001); an unknown key anywhere never passes (NAT-002 at its path). Examples are few: each is a check.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_platforms_properties import (
    AUDIENCE,
    MAPPED_META_IDS,
    google_specs,
    groups,
    ids,
    insert_option,
    linkedin_specs,
    meta_places,
    meta_specs,
    names,
    objects_of,
)

import ethiq
from conftest import AS_OF
from ethiq.engine.platforms import adapt, meta
from ethiq.engine.report import json_path

CHECK = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

Path_ = tuple[str | int, ...]

#: What a political audience needs besides its targeting, so that only the planted element can block.
BASE = {
    "kind": "audience",
    "id": "aud_generated",
    "estimated_size": {"lower": 5000000, "upper": 6000000, "as_of": "2026-08-20", "source": "platform_estimate"},
    "political": {"is_political_advertising": True, "election_ids": ["SE-RIKSDAG-2026"]},
    "justification": "A generated audience; what it reveals is whatever the platform JSON planted in it says.",
}


@pytest.fixture(scope="module")
def checker() -> ethiq.Checker:
    return ethiq.Checker(as_of=AS_OF)


def audience(platform: str, spec: dict[str, Any], objects: dict[str, Any] | None = None) -> dict[str, Any]:
    document = {**copy.deepcopy(BASE), "platform": platform, "native_spec": spec}
    if objects is not None:
        document["native_objects"] = objects
    return document


def blocking(report: ethiq.Report) -> set[tuple[str, str, str]]:
    """(rule, status, json path) of every blocking finding."""
    return {(f.rule_id, str(f.status), f.json_path) for f in report.findings if f.severity == "block"}


@CHECK
@given(st.data())
def test_a_mapped_meta_criterion_anywhere_blocks_at_its_native_path(
    checker: ethiq.Checker, data: st.DataObject
) -> None:
    spec = data.draw(meta_specs())
    at, target = data.draw(meta_places(spec))
    ident = data.draw(st.sampled_from(MAPPED_META_IDS))
    planted = insert_option(data.draw, spec, at, {"id": ident, "name": data.draw(names)})
    report = checker.check_documents([audience("meta", spec)])
    rule = "AUD-002" if target == "include" else "AUD-003"
    assert report.exit_code == ethiq.ExitCode.BLOCKING
    assert (rule, "fail", json_path((*planted, "id"))) in blocking(report)


@CHECK
@given(st.data())
def test_a_legacy_sensitive_field_anywhere_blocks_at_its_native_path(
    checker: ethiq.Checker, data: st.DataObject
) -> None:
    spec = data.draw(meta_specs())
    field = data.draw(st.sampled_from(sorted(meta.LEGACY_FIELDS)))
    where = data.draw(st.sampled_from(["top", "exclusions", "group"]))
    if where == "group":
        spec["flexible_spec"].insert(g := data.draw(st.integers(0, len(spec["flexible_spec"]))), {})
        holder, at = spec["flexible_spec"][g], ("native_spec", "flexible_spec", g, field)
    elif where == "exclusions":
        holder, at = spec.setdefault("exclusions", {}), ("native_spec", "exclusions", field)
    else:
        holder, at = spec, ("native_spec", field)
    values = holder.setdefault(field, [])
    values.insert(data.draw(st.integers(0, len(values))), data.draw(st.one_of(st.integers(1, 9), st.just({"id": "7"}))))
    report = checker.check_documents([audience("meta", spec)])
    assert report.exit_code == ethiq.ExitCode.BLOCKING
    assert ("AUD-009", "fail", json_path(at)) in blocking(report)


@CHECK
@given(st.data())
def test_a_partner_provided_customer_file_anywhere_blocks_at_its_native_object(
    checker: ethiq.Checker, data: st.DataObject
) -> None:
    spec = data.draw(meta_specs())
    ref = "9" + data.draw(ids)
    where = data.draw(st.sampled_from(["custom_audiences", "excluded_custom_audiences", "group", "exclusions"]))
    if where == "group":
        spec["flexible_spec"].insert(g := data.draw(st.integers(0, len(spec["flexible_spec"]))), {})
        holder = spec["flexible_spec"][g].setdefault("custom_audiences", [])
    elif where == "exclusions":
        holder = spec.setdefault("exclusions", {}).setdefault("custom_audiences", [])
    else:
        holder = spec.setdefault(where, [])
    holder.insert(data.draw(st.integers(0, len(holder))), {"id": ref})
    clean = {"subtype": "CUSTOM", "customer_file_source": "USER_PROVIDED_ONLY", "operation_status": {"code": 200}}
    objects = [{"id": "8" + i, **clean} for i in data.draw(st.lists(ids, max_size=2, unique=True))]
    source = data.draw(st.sampled_from(["PARTNER_PROVIDED_ONLY", "BOTH_USER_AND_PARTNER_PROVIDED"]))
    k = data.draw(st.integers(0, len(objects)))
    objects.insert(k, {"id": ref, **clean, "customer_file_source": source})
    report = checker.check_documents([audience("meta", spec, {"custom_audiences": objects})])
    assert report.exit_code == ethiq.ExitCode.BLOCKING
    planted = json_path(("native_objects", "custom_audiences", k, "customer_file_source"))
    assert ("AUD-014", "fail", planted) in blocking(report)


@CHECK
@given(st.data())
def test_a_voter_file_user_list_blocks_a_political_google_audience(checker: ethiq.Checker, data: st.DataObject) -> None:
    spec = data.draw(google_specs())
    name = f"customers/1/userLists/{data.draw(st.integers(1, 10**9))}"
    where = data.draw(st.sampled_from(["campaign_criteria", "ad_group_criteria"]))
    criterion: dict[str, Any] = {"user_list": {"user_list": name}}
    if data.draw(st.booleans()):
        criterion["negative"] = True
    spec[where].insert(data.draw(st.integers(0, len(spec[where]))), criterion)
    source = data.draw(st.sampled_from(["THIRD_PARTY_VOTER_FILE", "THIRD_PARTY_CREDIT_BUREAU"]))
    lists = [{"resource_name": name, "crm_based_user_list": {"data_source_type": source}}]
    report = checker.check_documents([audience("google_ads", spec, {"user_lists": lists})])
    planted = json_path(("native_objects", "user_lists", 0, "crm_based_user_list", "data_source_type"))
    assert report.exit_code == ethiq.ExitCode.BLOCKING
    assert ("AUD-014", "fail", planted) in blocking(report)


@CHECK
@given(st.data())
def test_the_input_of_a_generated_spec_holds_a_valid_view(checker: ethiq.Checker, data: st.DataObject) -> None:
    platform = data.draw(st.sampled_from(["meta", "google_ads", "linkedin"]))
    spec = data.draw({"meta": meta_specs(), "google_ads": google_specs(), "linkedin": linkedin_specs()}[platform])
    inspection = checker.inputs([audience(platform, spec)])
    assert not inspection.problems
    (document,) = inspection.documents
    assert document.view is not None
    assert document.input["document"]["normalized"] == {**document.view["normalized"]}
    assert [e.message for e in AUDIENCE.iter_errors(document.input["document"])] == []
    assert document.input["derived"]["native"]["platform"] == platform


@CHECK
@given(st.data())
def test_a_hand_written_projection_differing_in_any_criterion_blocks(
    checker: ethiq.Checker, data: st.DataObject
) -> None:
    spec = data.draw(meta_specs())
    spec["flexible_spec"].insert(0, data.draw(groups))
    if data.draw(st.booleans()):
        spec["exclusions"] = data.draw(groups)
    document = audience("meta", spec)
    declared = copy.deepcopy(adapt(document).view["normalized"])
    declared.pop("include_groups", None)
    target = data.draw(st.sampled_from([k for k in ("include", "exclude") if declared.get(k)]))
    criteria = declared[target]
    i = data.draw(st.integers(0, len(criteria) - 1))
    change = data.draw(st.sampled_from(["drop", "id", "type", "add"]))
    if change == "drop":
        if sum(c == criteria[i] for c in criteria) > 1:
            criteria[i] = {**criteria[i], "platform_id": "1" + criteria[i]["platform_id"]}  # a twin: change it
        else:
            del criteria[i]
    elif change == "id":
        criteria[i] = {**criteria[i], "platform_id": "1" + criteria[i]["platform_id"]}
    elif change == "type":
        criteria[i] = {**criteria[i], "type": "behavior" if criteria[i]["type"] != "behavior" else "interest"}
    else:
        criteria.insert(i, {"type": "interest", "platform_id": "1" + data.draw(ids), "source": "platform_taxonomy"})
    report = checker.check_documents([{**document, "normalized": declared}])
    assert report.exit_code == ethiq.ExitCode.BLOCKING
    assert any(rule == "NAT-001" and status == "fail" for rule, status, _ in blocking(report))


@CHECK
@given(st.data())
def test_an_unknown_key_anywhere_never_passes(checker: ethiq.Checker, data: st.DataObject) -> None:
    platform = data.draw(st.sampled_from(["meta", "google_ads", "linkedin"]))
    spec = data.draw({"meta": meta_specs(), "google_ads": google_specs(), "linkedin": linkedin_specs()}[platform])
    at, target = data.draw(st.sampled_from(objects_of(spec, ("native_spec",))))
    key = "zz_" + data.draw(st.text(alphabet="abcdefghij_", min_size=1, max_size=8))
    target[key] = data.draw(st.one_of(st.integers(), names))
    report = checker.check_documents([audience(platform, spec)])
    assert report.exit_code == ethiq.ExitCode.BLOCKING
    assert ("NAT-002", "needs_review", json_path((*at, key))) in blocking(report)
