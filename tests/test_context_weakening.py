"""A policy context among the checked files may add to the policy but never relax it; a named one may, said aloud.

What relaxes is defined per kind of data in ethiq.engine.graph.relaxation; these tests hold each kind to it,
reproduce the Cambridge Analytica switch-off, and check that every output format says what a named context
relaxed.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import AS_OF
from ethiq import Checker
from ethiq.cli.output import FORMATS, renderer
from ethiq.engine.graph.context import bundled_context_files, merge
from ethiq.engine.graph.relaxation import FROM_THE_TREE, STRICTER, relaxations, tighten
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
    said_in_json = {tuple(r["path"]): r for r in json.loads(_render("json", report))["context_relaxations"]}
    assert said_in_json["thresholds", "min_audience_size"]["now"] == 10


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
    assert tightened["eu_member_states"] == base["eu_member_states"]  # one more member state relaxes too
    assert tightened["blocklists"]["vendors"]["cambridge_analytica_llc"]["canonical_name"] == "Cambridge Analytica LLC"
    assert relaxations(base, tightened, SOURCE) == []


# --- every key of the context: what a checked document may do to it -------------------------------------


def test_every_context_key_has_a_rule_from_the_tree() -> None:
    """A new key in the schema needs a decision in FROM_THE_TREE (and docs/policy-authoring.md's table)."""
    schema = json.loads((Path(__file__).parents[1] / "policies/schemas/policy_context.schema.json").read_text())
    assert set(schema["properties"]) == set(FROM_THE_TREE)
    authoring = (Path(__file__).parents[1] / "docs/policy-authoring.md").read_text(encoding="utf-8")
    for key, rule in FROM_THE_TREE.items():
        assert f"| `{key}` | {rule} |" in authoring, key


def _election_moved() -> dict[str, Any]:
    elections = [dict(e) for e in _bundled()["elections"]]
    elections[0]["date"] = "2031-09-14"
    return {"elections": elections}


def _voting_age_lowered() -> dict[str, Any]:
    elections = [dict(e) for e in _bundled()["elections"]]
    elections[0]["voting_age"] = 16
    return {"elections": elections}


def _bundled_categories() -> dict[str, Any]:
    categories: dict[str, Any] = _bundled()["sensitive_criteria_map"]["data_categories"]
    return categories


POST = {
    "platform": "facebook",
    "post_id": "100064000000001_1",
    "url": "https://www.facebook.com/liberalerna/posts/1",
    "published_at": "2025-08-18T09:00:00+02:00",
}

RELAXING: dict[str, tuple[Any, set[tuple[str, str]]]] = {
    "an election moved": (_election_moved, {("elections", "changed")}),
    "a voting age lowered": (_voting_age_lowered, {("elections", "changed")}),
    "a new election": (
        lambda: {"elections": [*_bundled()["elections"], {"id": "AT-NR-2029", "country": "AT", "voting_age": 16}]},
        {("elections", "changed")},
    ),
    "one more member state": (
        lambda: {"eu_member_states": [*_bundled()["eu_member_states"], "US"]},
        {("eu_member_states", "changed")},
    ),
    "one member state fewer": (
        lambda: {"eu_member_states": _bundled()["eu_member_states"][1:]},
        {("eu_member_states", "changed")},
    ),
    "a platform accepting political ads": (
        lambda: {"platform_timeline": {"dsp": {"political_ads_allowed": True}}},
        {("platform_timeline.dsp.political_ads_allowed", "changed")},
    ),
    "a platform's cut-off moved": (
        lambda: {"platform_timeline": {"meta": {"eu_political_ads_allowed_until": "2099-01-01"}}},
        {("platform_timeline.meta.eu_political_ads_allowed_until", "changed")},
    ),
    "a platform added": (
        lambda: {"platform_timeline": {"bluesky": {"political_ads_allowed": True}}},
        {("platform_timeline.bluesky", "added")},
    ),
    "counsel's decision relaxed": (
        lambda: {"interpretations": {"ttpa_18_1_a_platform_native_interests": "allowed_with_memo"}},
        {("interpretations.ttpa_18_1_a_platform_native_interests", "lowered")},
    ),
    "a new interpretation": (
        lambda: {"interpretations": {"ttpa_28_something": "allowed"}},
        {("interpretations.ttpa_28_something", "added")},
    ),
    "a post declared public": (lambda: {"public_post_index": [POST]}, {("public_post_index", "changed")}),
    "one more name of the party": (
        lambda: {"party": {"aliases": [*_bundled()["party"].get("aliases", []), "Shady Data AB"]}},
        {("party.aliases", "changed")},
    ),
    "a page of the party": (
        lambda: {"party": {"page_ids": {"facebook": ["1"]}}},
        {("party.page_ids", "added")},
    ),
    "one more jurisdiction": (lambda: {"jurisdictions": ["SE", "NO"]}, {("jurisdictions", "changed")}),
    "a criteria mapping dropped": (
        lambda: {"sensitive_criteria_map": {"data_categories": {next(iter(_bundled_categories())): []}}},
        {(f"sensitive_criteria_map.data_categories.{next(iter(_bundled_categories()))}", "removed")},
    ),
}


@pytest.mark.parametrize("name", sorted(RELAXING))
def test_a_checked_document_relaxes_ground_truth_by_any_change(name: str) -> None:
    overlay, expected = RELAXING[name]
    assert set(_relaxed(overlay())) == expected


def test_what_only_documents_the_context_is_free() -> None:
    free = {
        "description": "ours",
        "labels": {"owner": "x"},
        "sources": {"src_x": {"title": "a source"}},
        "as_of": "2030-01-01",
        "platform_timeline": {"dsp": {"sources": [{"title": "our contract"}]}},
        "interpretations": {"ttpa_18_1_a_platform_native_interests": "disallowed"},
    }
    assert _relaxed(free) == []


def _entry(tmp_path: Path, fixture: str) -> Path:
    entry = tmp_path / "entry"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / fixture, entry)
    return entry


@pytest.mark.parametrize("name", ["an election moved", "one more member state"])
def test_a_checked_context_cannot_move_a_payer_out_of_the_ban(checker: Checker, tmp_path: Path, name: str) -> None:
    """AD-013: an ad paid from the United States in the months before the election; the entry's own context
    (a DSP contract, a public post) is named, as the gate's configuration would name it."""
    entry = _entry(tmp_path, "rules/AD-013/deny/us-payer-before-the-election")
    named = Checker(as_of=AS_OF, context=[entry / "context.yaml"])
    before = named.check(entry)
    assert _fails(before, "AD-013")
    assert before.exit_code == ExitCode.BLOCKING
    _write(entry / "weaker.yaml", {"kind": "policy_context", "id": "ctx_weaker", **RELAXING[name][0]()})
    report = named.check(entry)
    assert _fails(report, "AD-013") == _fails(before, "AD-013")
    assert report.exit_code == ExitCode.INPUT_ERROR
    refused = {p.path[0] for p in report.problems if p.kind == ProblemKind.CONTEXT}
    assert refused == {next(iter(RELAXING[name][1]))[0].split(".")[0]}
    assert all(p.file.endswith("weaker.yaml") for p in report.problems if p.kind == ProblemKind.CONTEXT)


def test_a_checked_context_cannot_declare_a_dark_post_public(checker: Checker, tmp_path: Path) -> None:
    """AD-005: the boosted post passes only with its public counterpart in the index; an index among the
    checked files is not taken as the platforms' export, a named one is."""
    entry = _entry(tmp_path, "tricky/allow/T05-boosted-unpublished-post-with-counterpart")
    assert Checker(as_of=AS_OF, context=[entry / "context.yaml"]).check(entry).exit_code == ExitCode.OK
    report = checker.check(entry)
    assert {(f.rule_id, f.is_blocking) for f in report.findings} == {("AD-005", True)}
    assert report.exit_code == ExitCode.INPUT_ERROR
    assert ("public_post_index",) in {p.path for p in report.problems if p.kind == ProblemKind.CONTEXT}
