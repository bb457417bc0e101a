"""Each class of hostile input, alone and beside a clean and a violating document, through the whole check.

What every run owes: exit 2 (unusable input, never 0 or 1, never 3 "report the crash"), a problem of the
right kind naming the hostile file, the other documents' verdicts and findings kept, and an answer within
a time bound. Reading alone is also held to a memory bound.
"""

from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from ethiq.engine.read import Document, ReadLimits, iter_documents, parse_text
from ethiq.engine.read.limits import DEFAULT_MAX_DEPTH, DEFAULT_MAX_FILE_SIZE, refusal
from ethiq.engine.report import ExitCode, Report

from .inputs import BANNED_ID, CLEAN, CLEAN_ID, HOSTILE, VIOLATING, Hostile, alias_bomb

#: Seconds one check of a handful of small files may take, hostile or not, on a loaded CI machine.
TIME_BOUND = 20.0


def _check(checker: Any, paths: list[Path]) -> tuple[Report, float]:
    start = time.perf_counter()
    report = checker.check([str(path) for path in paths])
    return report, time.perf_counter() - start


def _problems_of(report: Report, path: Path) -> list[Any]:
    return [p for p in report.problems if p.file == str(path)]


@pytest.fixture
def neighbours(tmp_path: Path) -> tuple[Path, Path]:
    clean = tmp_path / "clean.yaml"
    clean.write_text(CLEAN, encoding="utf-8")
    violating = tmp_path / "violating.yaml"
    violating.write_text(VIOLATING, encoding="utf-8")
    return clean, violating


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_alone_is_an_input_problem(checker: Any, tmp_path: Path, name: str) -> None:
    hostile: Hostile = HOSTILE[name](tmp_path)
    report, seconds = _check(checker, [hostile.path])
    assert report.exit_code == ExitCode.INPUT_ERROR, report.to_dict()["problems"]
    problems = _problems_of(report, hostile.path)
    assert problems, report.to_dict()["problems"]
    assert {p.kind for p in problems} == {hostile.kind}
    assert any(hostile.says in p.message for p in problems), [p.message for p in problems]
    assert all(p.hint for p in problems)  # every problem says what to do
    assert not any(p.kind in ("engine_error", "policy_error") for p in report.problems)
    assert seconds < TIME_BOUND


@pytest.fixture(scope="module")
def without(checker: Any, tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The clean and the violating document checked without a hostile neighbour."""
    directory = tmp_path_factory.mktemp("reference")
    (directory / "clean.yaml").write_text(CLEAN, encoding="utf-8")
    (directory / "violating.yaml").write_text(VIOLATING, encoding="utf-8")
    report: Report = checker.check([str(directory / "clean.yaml"), str(directory / "violating.yaml")])
    return report


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_keeps_the_other_documents(
    checker: Any, tmp_path: Path, neighbours: tuple[Path, Path], without: Report, name: str
) -> None:
    clean, violating = neighbours
    hostile = HOSTILE[name](tmp_path)
    report, seconds = _check(checker, [clean, hostile.path, violating])
    assert report.exit_code == ExitCode.INPUT_ERROR
    assert {p.kind for p in _problems_of(report, hostile.path)} == {hostile.kind}
    assert not _problems_of(report, clean)
    assert not _problems_of(report, violating)
    assert _results(report) == _results(without)
    assert {f.fingerprint for f in report.findings} == {f.fingerprint for f in without.findings}
    assert any(f.rule_id == "VEN-001" and f.document_id == BANNED_ID and f.is_blocking for f in report.findings)
    assert seconds < TIME_BOUND


def _results(report: Report) -> dict[str | None, str]:
    return {d.id: str(d.verdict) for d in report.documents if d.id in (CLEAN_ID, BANNED_ID)}


def test_every_hostile_input_in_one_walk(checker: Any, tmp_path: Path, neighbours: tuple[Path, Path]) -> None:
    hostiles = _every_hostile_input(tmp_path)
    report, seconds = _check(checker, [tmp_path])
    _assert_each_reported(report, hostiles, seconds)


def _every_hostile_input(root: Path) -> list[Hostile]:
    hostiles = []
    for name, build in sorted(HOSTILE.items()):
        directory = root / name
        directory.mkdir()
        hostiles.append(build(directory))
    return hostiles


def _assert_each_reported(report: Report, hostiles: list[Hostile], seconds: float) -> None:
    """Exit 2, each hostile input named with its problem (a link loop met in a walk is a notice), the banned
    vendor beside them still found, in time."""
    assert report.exit_code == ExitCode.INPUT_ERROR
    for hostile in hostiles:
        if hostile.path.name == "loop-a.yaml":
            assert {p.kind for p in _problems_of(report, hostile.path)} == {"skipped_path"}
            continue
        assert {p.kind for p in _problems_of(report, hostile.path)} == {hostile.kind}, hostile.path
    assert any(f.rule_id == "VEN-001" and f.document_id == BANNED_ID for f in report.findings)
    assert seconds < 3 * TIME_BOUND


# --- bounds of reading alone ----------------------------------------------------------------------------------


def _read(path: Path, limits: ReadLimits | None = None) -> tuple[list[Any], float, int]:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        items = list(iter_documents([path], limits=limits or ReadLimits()))
        seconds = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return items, seconds, peak


@pytest.mark.parametrize("name", ["alias-bomb", "merge-bomb", "dev-zero-link", "json-5000-levels", "fifo"])
def test_reading_a_hostile_input_is_bounded_in_time_and_memory(tmp_path: Path, name: str) -> None:
    hostile = HOSTILE[name](tmp_path)
    items, seconds, peak = _read(hostile.path)
    assert [type(item).__name__ for item in items] == ["ReadProblem"]
    assert seconds < 5.0
    assert peak < 32 * 1024 * 1024


def test_the_alias_limit_is_the_setting_and_is_named(tmp_path: Path) -> None:
    path = tmp_path / "anchors.yaml"
    path.write_text(alias_bomb(levels=1, width=10), encoding="utf-8")  # ten aliases of a list of ten: 110 values added
    (document,) = list(iter_documents([path], limits=ReadLimits(max_alias_nodes=110)))
    assert isinstance(document, Document)
    assert document.data["labels"]["l1"] == [["x"] * 10] * 10
    (problem,) = list(iter_documents([path], limits=ReadLimits(max_alias_nodes=109)))
    assert "more than 109 values (max_alias_nodes)" in problem.message
    assert "--max-alias-nodes" in problem.hint


def test_the_size_limit_is_the_setting_and_is_named(tmp_path: Path) -> None:
    path = tmp_path / "clean.yaml"
    path.write_text(CLEAN, encoding="utf-8")
    size = path.stat().st_size
    (document,) = list(iter_documents([path], limits=ReadLimits(max_file_size=size)))
    assert isinstance(document, Document)
    (problem,) = list(iter_documents([path], limits=ReadLimits(max_file_size=size - 1)))
    assert f"above the limit of {size - 1:,} bytes (max_file_size)" in problem.message
    assert "--max-file-size" in problem.hint
    (from_stdin,) = list(iter_documents(["-"], stdin_text=CLEAN, limits=ReadLimits(max_file_size=size - 1)))
    assert from_stdin.file == "-"
    assert "max_file_size" in from_stdin.message


def test_the_defaults_pass_a_large_campaign() -> None:
    assert DEFAULT_MAX_FILE_SIZE > 50 * 1000 * 1000
    assert DEFAULT_MAX_DEPTH >= 32
    limits = ReadLimits()
    assert refusal({"a": [[{"b": [1, 2.5, True, None, "x" * 1000]}]] * 10}, limits) is None


def test_depth_is_counted_in_levels(tmp_path: Path) -> None:
    text = "kind: vendor\nid: v\nlabels: {a: {b: x}}\n"  # the document 1, labels 2, a 3
    assert isinstance(next(parse_text(text, "t", limits=ReadLimits(max_depth=3))), Document)
    problem = next(parse_text(text, "t", limits=ReadLimits(max_depth=2)))
    assert problem.message.startswith("$.labels.a: nested deeper than 2 levels (max_depth)")
    assert problem.line == 3


def test_a_problem_points_at_the_value(tmp_path: Path) -> None:
    text = "kind: vendor\nid: v\nlegal_name: X AB\nlabels:\n  fine: ok\n  bad: .nan\n"
    (problem,) = list(parse_text(text, "t.yaml"))
    assert (problem.line, problem.column) == (6, 8)
    assert problem.message.startswith("$.labels.bad: ")


def test_one_bad_document_of_a_file_leaves_the_others(tmp_path: Path) -> None:
    text = CLEAN + "---\nkind: vendor\nid: ven_nan\nlabels: {x: .inf}\n---\n" + VIOLATING
    items = list(parse_text(text, "t.yaml"))
    assert [type(item).__name__ for item in items] == ["Document", "ReadProblem", "Document"]
    assert items[1].line == 8


# --- merge keys --------------------------------------------------------------------------------------------------


def test_merge_keys_are_supported_and_own_keys_win() -> None:
    text = (
        "kind: vendor\nid: ven_merged\nlabels: &labels {team: data}\n"
        "<<: [{country: SE, legal_name: Base AB}, {aliases: [Base]}]\nlegal_name: Own AB\n"
        "trade_names: [Own]\n"
    )
    (document,) = list(parse_text(text, "t.yaml"))
    assert isinstance(document, Document)
    assert document.data == {
        "kind": "vendor",
        "id": "ven_merged",
        "labels": {"team": "data"},
        "country": "SE",
        "aliases": ["Base"],
        "legal_name": "Own AB",
        "trade_names": ["Own"],
    }


def test_a_key_written_twice_beside_a_merge_is_still_a_duplicate() -> None:
    (problem,) = list(parse_text("kind: vendor\n<<: {id: a}\nid: b\nid: c\n", "t.yaml"))
    assert "duplicate key 'id'" in problem.message
    assert problem.line == 4


def test_merge_keys_feed_the_rules(checker: Any) -> None:
    text = "kind: vendor\nid: ven_merged\n<<: {legal_name: Cambridge Analytica LLC, country: US}\ncountry: GB\n"
    report = checker.check(texts=[text])
    assert report.exit_code == ExitCode.BLOCKING, report.to_dict()["problems"]
    assert any(f.rule_id == "VEN-001" and f.document_id == "ven_merged" for f in report.findings)


def test_the_limits_of_a_configuration_reach_the_check(tmp_path: Path) -> None:
    from ethiq.engine import Checker, load_config

    config = load_config(tmp_path, {"ETHIQ_MAX_DEPTH": "2", "ETHIQ_MAX_ALIAS_NODES": "5"}, {}, discover=False)
    checker = Checker(config=config, as_of="2026-11-23")
    deep = "kind: vendor\nid: ven_deep\nlegal_name: X AB\nlabels: {a: {b: c}}\n"
    anchored = "kind: vendor\nid: ven_anchor\nlegal_name: &n X AB\naliases: [*n, *n, *n, *n, *n, *n]\n"
    report = checker.check(texts=[deep, anchored])
    messages = sorted(p.message for p in report.problems)
    assert report.exit_code == ExitCode.INPUT_ERROR
    assert "nested deeper than 2 levels (max_depth)" in messages[0]
    assert "more than 5 values (max_alias_nodes)" in messages[1]


def test_every_hostile_input_in_an_incremental_check(
    checker: Any, tmp_path: Path, neighbours: tuple[Path, Path]
) -> None:
    """``--changed-since`` reads every file's text to find what to read: each hostile input is reported there
    too (a FIFO used to block it for ever), beside the banned vendor changed since the revision."""
    import subprocess

    env = {"GIT_AUTHOR_NAME": "e", "GIT_AUTHOR_EMAIL": "e@x", "GIT_COMMITTER_NAME": "e", "GIT_COMMITTER_EMAIL": "e@x"}
    _, violating = neighbours
    violating.unlink()
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "clean"]):
        subprocess.run(["git", *args], cwd=tmp_path, env={**os.environ, **env}, check=True, capture_output=True)
    violating.write_text(VIOLATING, encoding="utf-8")
    hostiles = _every_hostile_input(tmp_path)
    start = time.perf_counter()
    report = checker.check([str(tmp_path)], changed_since="HEAD")
    _assert_each_reported(report, hostiles, time.perf_counter() - start)
