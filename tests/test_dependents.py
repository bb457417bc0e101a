"""``input.dependents``: the engine lists the audiences and ads that reach a data source.

DAT-013 and DAT-014 bring a source into scope when a political document is built on it, at any depth of its
lineage; these tests check the engine's list, and that the rules see it.
"""

from __future__ import annotations

import copy
from typing import Any

import yaml

from conftest import FIXTURES
from ethiq import Checker
from ethiq.engine.graph.dependents import DependentGraph, political_flag


def test_dependents_follow_references_backwards_through_lineage_audiences_and_ads() -> None:
    graph = DependentGraph()
    graph.add(("data_source", "ds_base"), (), "unknown")
    graph.add(("data_source", "ds_derived"), (("data_source", "ds_base", "derived_from"),), "unknown")
    graph.add(("audience", "aud_x"), (("data_source", "ds_derived", "custom_audience"),), True)
    graph.add(("ad", "ad_x"), (("audience", "aud_x", "uses_audience"), ("campaign", "cmp_x", "in_campaign")), False)
    graph.add(("campaign", "cmp_x"), (("ad", "ad_x", "campaign_ad"),), "unknown")
    graph.add(("vendor", "ven_x"), (("data_source", "ds_base", "sub_processor"),), "unknown")  # not a dependent
    expected = [
        {"kind": "ad", "id": "ad_x", "relation": "uses_audience", "political": False},
        {"kind": "audience", "id": "aud_x", "relation": "custom_audience", "political": True},
    ]  # not the campaign: it has no political flag of its own, and targets through its audiences and ads
    assert graph.dependents(("data_source", "ds_base")) == expected
    assert graph.table()[("data_source", "ds_derived")] == expected
    assert ("data_source", "ds_other") not in graph.table()


def test_the_political_flag_is_the_documents_own() -> None:
    assert political_flag("audience", {"political": {"is_political_advertising": True}}) is True
    assert political_flag("ad", {"political": {"is_political_advertisement": False}}) is False
    assert political_flag("ad", {"political": {"is_political_advertisement": "unknown"}}) == "unknown"
    assert political_flag("audience", {}) == "unknown"
    assert political_flag("campaign", {"political": True}) == "unknown"


def _load(path: str) -> dict[str, Any]:
    data = yaml.safe_load((FIXTURES / path).read_text(encoding="utf-8"))
    data.pop("x-expect", None)
    return dict(data)


def test_a_political_audience_built_on_a_derived_source_brings_its_ancestor_into_dat_013(checker: Checker) -> None:
    newsletter = _load("rules/DAT-013/allow/newsletter-only.yaml")  # consent not separate for political ads
    derived = copy.deepcopy(newsletter)
    derived.update(id="ds_derived", lineage={"derived_from": [newsletter["id"]], "transformations": []})
    audience = _load("rules/AUD-003/deny/excluded-religion-interest.yaml")
    audience["normalized"]["exclude"] = []
    audience["normalized"]["custom_audiences"] = [
        {"ref": "23850000000000101", "subtype": "customer_list", "data_source_ids": ["ds_derived"]}
    ]

    def dat013(documents: list[dict[str, Any]]) -> set[tuple[str, str]]:
        report = checker.check_documents(documents)
        return {(f.document_id, f.status) for f in report.findings if f.rule_id == "DAT-013"}

    assert dat013([newsletter, derived]) == set()
    assert dat013([newsletter, derived, audience]) == {(newsletter["id"], "fail"), ("ds_derived", "fail")}
    unknown = copy.deepcopy(audience)
    unknown["political"] = {"is_political_advertising": "unknown"}
    assert dat013([newsletter, derived, unknown]) == {
        (newsletter["id"], "needs_review"),
        ("ds_derived", "needs_review"),
    }
