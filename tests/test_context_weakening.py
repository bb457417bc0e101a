"""A policy context among the checked files may add to the policy but never relax it; a named one may, said aloud.

What relaxes is defined per kind of data in ethiq.engine.graph.relaxation; these tests hold each kind to it,
reproduce the Cambridge Analytica switch-off, and check that every output format says what a named context
relaxed.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import AS_OF
from ethiq import Checker
from ethiq.cli.output import FORMATS, renderer
from ethiq.engine.graph.context import bundled_context_files, merge
from ethiq.engine.graph.relaxation import STRICTER, relaxations, tighten
from ethiq.engine.read import Source
from ethiq.engine.report import ExitCode, ProblemKind

CA_VENDOR = "kind: vendor\nid: ven_ca\nlegal_name: CAMBRIDGE ANALYTICA LLC\n"
SWITCH_OFF = {
    "kind": "policy_context",
    "id": "ctx_switch_off",
    "blocklists": {"vendors": {"cambridge_analytica_llc": {"canonical_name": "Nobody", "aliases": []}}},
}
SOURCE = Source("ctx.yaml", "yaml")


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _bundled() -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in bundled_context_files():
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            merged = merge(merged, document)
    return merged


def _relaxed(overlay: dict[str, Any]) -> list[tuple[str, str]]:
    base = _bundled()
    return [(r.dotted, r.how) for r in relaxations(base, merge(base, overlay), SOURCE)]


def _fails(report: Any, rule: str) -> set[str]:
    return {f.document_id for f in report.findings if f.rule_id == rule and f.status == "fail"}


# --- the reproduction ------------------------------------------------------------------------------------


def test_a_context_among_the_checked_files_cannot_switch_off_a_ban(checker: Checker, tmp_path: Path) -> None:
    (tmp_path / "vendor.yaml").write_text(CA_VENDOR, encoding="utf-8")
    _write(tmp_path / "context.yaml", SWITCH_OFF)
    report = checker.check(tmp_path)
    assert _fails(report, "VEN-001") == {"ven_ca"}
    refused = [p for p in report.problems if p.kind == ProblemKind.CONTEXT]
    assert {p.path for p in refused} == {
        ("blocklists", "vendors", "cambridge_analytica_llc", "canonical_name"),
        ("blocklists", "vendors", "cambridge_analytica_llc", "aliases"),
    }
    assert all(p.file.endswith("context.yaml") and "--context" in p.hint for p in refused)
    assert report.exit_code == ExitCode.INPUT_ERROR
    assert not report.context_relaxations


def test_a_context_among_the_checked_files_may_add(checker: Checker, tmp_path: Path) -> None:
    (tmp_path / "vendor.yaml").write_text("kind: vendor\nid: ven_x\nlegal_name: Shady Data AB\n", encoding="utf-8")
    entry = {"canonical_name": "Shady Data AB", "aliases": [], "match_policy": "block", "relation": "test"}
    ca_aliases = {"aliases": ["Cambridge Analytica", "CA Political", "CA Pol"]}
    more = {
        "kind": "policy_context",
        "id": "ctx_more",
        "blocklists": {"vendors": {"shady": entry, "cambridge_analytica_llc": ca_aliases}},
        "thresholds": {"min_audience_size": 5000, "risk_assessment_max_age_days": 100},
    }
    _write(tmp_path / "context.yaml", more)
    report = checker.check(tmp_path)
    assert not [p for p in report.problems if p.kind == ProblemKind.CONTEXT]
    assert _fails(report, "VEN-001") == {"ven_x"}


def test_a_named_context_may_relax_and_every_format_says_what(tmp_path: Path) -> None:
    vendor = tmp_path / "vendor.yaml"
    vendor.write_text(CA_VENDOR, encoding="utf-8")
    named = _write(tmp_path / "named.yaml", {**SWITCH_OFF, "thresholds": {"min_audience_size": 10}})
    report = Checker(as_of=AS_OF, context=[named]).check(vendor)
    assert _fails(report, "VEN-001") == set()
    assert not report.problems
    said = {(r.dotted, r.how) for r in report.context_relaxations}
    assert said == {
        ("blocklists.vendors.cambridge_analytica_llc.canonical_name", "changed"),
        ("blocklists.vendors.cambridge_analytica_llc.aliases", "removed"),
        ("thresholds.min_audience_size", "lowered"),
    }
    for fmt in FORMATS:
        out = io.StringIO()
        renderer(fmt)(report, out)
        text = out.getvalue()
        assert "min_audience_size" in text, fmt
        assert "named.yaml" in text, fmt
    assert json.loads(_render("json", report))["context_relaxations"][-1]["now"] == 10


def _render(fmt: str, report: Any) -> str:
    out = io.StringIO()
    renderer(fmt)(report, out)
    return out.getvalue()


# --- what relaxes, per kind of data -------------------------------------------------------------------------


def test_every_threshold_has_a_direction() -> None:
    schema = json.loads((Path(__file__).parents[1] / "policies/schemas/policy_context.schema.json").read_text())
    thresholds = set(schema["properties"]["thresholds"]["properties"])
    assert thresholds == set(STRICTER)
    assert set(_bundled()["thresholds"]) <= set(STRICTER)


@pytest.mark.parametrize("key", sorted(STRICTER))
def test_a_threshold_relaxes_one_way_only(key: str) -> None:
    value = _bundled()["thresholds"].get(key, 100)
    base_overlay = {"thresholds": {key: value}}
    stricter, looser = value + STRICTER[key], value - STRICTER[key]
    base = merge(_bundled(), base_overlay)
    assert relaxations(base, merge(base, {"thresholds": {key: stricter}}), SOURCE) == []
    [found] = relaxations(base, merge(base, {"thresholds": {key: looser}}), SOURCE)
    assert (found.path, found.was, found.now) == (("thresholds", key), value, looser)


def test_a_threshold_of_unknown_direction_relaxes() -> None:
    assert _relaxed({"thresholds": {"new_limit": 3}}) == [("thresholds.new_limit", "added")]


def test_platform_floors_may_rise_or_be_added_never_fall() -> None:
    assert _relaxed({"platform_floors": {"meta": 1000, "snapchat": 100}}) == []
    assert _relaxed({"platform_floors": {"linkedin": 1}}) == [("platform_floors.linkedin", "lowered")]


def test_blocklist_names_may_be_added_never_removed() -> None:
    entry = ("blocklists", "vendors", "cambridge_analytica_llc")
    aliases = _bundled()["blocklists"]["vendors"]["cambridge_analytica_llc"]["aliases"]
    grown = {"blocklists": {"vendors": {"cambridge_analytica_llc": {"aliases": [*aliases, "CA 2"]}}}}
    assert _relaxed(grown) == []
    shrunk = {"blocklists": {"vendors": {"cambridge_analytica_llc": {"aliases": aliases[1:]}}}}
    assert _relaxed(shrunk) == [(".".join((*entry, "aliases")), "removed")]
    softer = {"blocklists": {"vendors": {"cambridge_analytica_llc": {"match_policy": "review"}}}}
    assert _relaxed(softer) == [(".".join((*entry, "match_policy")), "lowered")]
    documented = {"blocklists": {"vendors": {"cambridge_analytica_llc": {"relation": "x", "sources": []}}}}
    assert _relaxed(documented) == []


def test_sensitive_criteria_may_be_added_never_removed_or_remapped() -> None:
    base = _bundled()["sensitive_criteria_map"]["data_categories"]
    key = next(iter(base))
    assert _relaxed({"sensitive_criteria_map": {"data_categories": {"user.new.key": ["health"]}}}) == []
    assert _relaxed({"sensitive_criteria_map": {"data_categories": {key: []}}}) == [
        (f"sensitive_criteria_map.data_categories.{key}", "removed")
    ]
    assert _relaxed({"eu_member_states": ["SE"]}) == [("eu_member_states", "removed")]
    assert _relaxed({"taxonomies": {"psychographic_data_categories": []}}) == [
        ("taxonomies.psychographic_data_categories", "removed")
    ]


def test_tighten_undoes_exactly_the_relaxations() -> None:
    base = _bundled()
    overlay = {
        "thresholds": {"min_audience_size": 10, "min_seed_size": 5000},
        "eu_member_states": ["SE", "NO"],
        "blocklists": {"vendors": {"cambridge_analytica_llc": {"canonical_name": "Nobody"}}},
    }
    merged = merge(base, overlay)
    tightened = tighten(merged, base, relaxations(base, merged, SOURCE))
    assert tightened["thresholds"]["min_audience_size"] == base["thresholds"]["min_audience_size"]
    assert tightened["thresholds"]["min_seed_size"] == 5000
    assert tightened["eu_member_states"] == [*base["eu_member_states"], "NO"]
    assert tightened["blocklists"]["vendors"]["cambridge_analytica_llc"]["canonical_name"] == "Cambridge Analytica LLC"
    assert relaxations(base, tightened, SOURCE) == []
