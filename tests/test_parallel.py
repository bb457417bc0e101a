"""Parallel, streamed checks: the same report whatever the number of jobs, and failures never lost.

The repositories come from the benchmark's generator (bench/generate.py), run in-process with a small size.
Correctness only: nothing here is timed.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AS_OF, ROOT, load_script
from ethiq import Checker, load_documents
from ethiq.engine.evaluate import parallel
from ethiq.engine.graph import iter_references
from ethiq.engine.judge import DocumentStages
from ethiq.engine.validate.schema import SchemaSet

generate = load_script(ROOT / "bench" / "generate.py", "ethiq_bench_generate").generate


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 400 documents, with a few unusable inputs (a file that does not parse, a duplicate id, ...)."""
    out = tmp_path_factory.mktemp("campaign") / "repo"
    generate(400, seed=7, out=out, problems=True)
    return out


@pytest.fixture(scope="module")
def serial_report(checker: Checker, repository: Path) -> dict[str, Any]:
    return checker.check([repository], jobs=1).to_dict()


def _without_timing(report: dict[str, Any]) -> dict[str, Any]:
    # The report has no timing fields today; drop any that appear, so the comparison stays about content.
    return {key: value for key, value in report.items() if key not in ("timing", "elapsed", "duration")}


# --- the generator ---------------------------------------------------------------------------------------------


def test_generated_documents_are_schema_valid_and_cross_referenced(tmp_path: Path) -> None:
    repo = generate(300, seed=11, out=tmp_path / "repo")
    documents = load_documents([tmp_path / "repo"])
    schemas = SchemaSet()
    invalid = {d.label: schemas.validate(d.data) for d in documents if schemas.validate(d.data)}
    assert not invalid
    kinds = Counter(d.kind for d in documents)
    assert kinds == Counter(repo.counts)
    assert sum(kinds.values()) == repo.documents >= 300
    assert kinds["audience"] > kinds["data_source"] > kinds["vendor"] >= 3
    assert min(kinds["campaign"], kinds["ad"], kinds["account"]) >= 1
    ids = {(d.kind, d.id) for d in documents}
    dangling = {
        (ref.target, ident)
        for d in documents
        for _, ident, ref in iter_references(d.data, d.kind or "")
        if (ref.target, ident) not in ids
    }
    assert {ident for _, ident in dangling} == set(repo.dangling)  # only the ones planted on purpose
    assert repo.planted  # some documents violate a rule on purpose
    files = list((tmp_path / "repo").rglob("*.*"))
    assert {f.suffix for f in files} >= {".yaml", ".json"}
    assert any(text.count("\n---\n") for text in (f.read_text() for f in files if f.suffix == ".yaml"))


def test_generator_is_deterministic(tmp_path: Path) -> None:
    first = generate(120, seed=5, out=tmp_path / "a")
    second = generate(120, seed=5, out=tmp_path / "b")
    assert first.manifest() == second.manifest()
    texts_a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    texts_b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert texts_a == texts_b


# --- the same report whatever the number of jobs -------------------------------------------------------------


@pytest.mark.slow
def test_jobs_give_the_same_report(checker: Checker, repository: Path, serial_report: dict[str, Any]) -> None:
    parallel_report = checker.check([repository], jobs=2).to_dict()
    assert _without_timing(parallel_report) == _without_timing(serial_report)
    # The run has every kind of outcome, so the comparison covers the ordering of each.
    assert serial_report["findings"]
    assert serial_report["problems"]
    assert {p["kind"] for p in serial_report["problems"]} >= {"read_error", "schema_violation", "duplicate_id"}


def test_documents_in_memory_give_the_same_report(
    checker: Checker, repository: Path, serial_report: dict[str, Any]
) -> None:
    from ethiq.engine.read.documents import iter_documents

    assert checker.check_items(iter_documents([repository])).to_dict() == serial_report


@pytest.mark.slow
def test_jobs_with_standard_input_and_context_documents(checker: Checker, repository: Path) -> None:
    vendor = "kind: vendor\nid: ven_from_stdin\nlegal_name: Cambridge Analytica LLC\n"
    context = "kind: policy_context\nid: ctx_stdin\nthresholds: {min_audience_size: 150000}\n---\n"
    paths = [str(repository / "vendors"), "-", str(repository / "campaigns")]
    before = checker.check(paths, stdin_text=vendor, jobs=1).to_dict()
    serial = checker.check(paths, stdin_text=context + vendor, jobs=1)
    assert any(f.document_id == "ven_from_stdin" and f.file == "-" for f in serial.findings)
    assert "-:1" in serial.context_origins
    assert checker.check(paths, stdin_text=context + vendor, jobs=2).to_dict() == serial.to_dict()

    # The run's context raised the size floor, for that run only.
    def floor_findings(report: dict[str, Any]) -> int:
        return sum(1 for f in report["findings"] if f["rule_id"] == "AUD-001")

    assert floor_findings(serial.to_dict()) > floor_findings(before)
    assert checker.check(paths, stdin_text=vendor, jobs=1).to_dict() == before


def test_jobs_option_values() -> None:
    assert parallel.resolve_jobs("auto") == (os.cpu_count() or 1)
    assert parallel.resolve_jobs("3") == 3
    assert parallel.resolve_jobs(None) == 1
    from ethiq import UsageError

    for bad in (0, -1, "0", "many", True):
        with pytest.raises(UsageError):
            parallel.resolve_jobs(bad)  # type: ignore[arg-type]


# --- failures become problems, never passes or lost results ------------------------------------------------


def crashing_judge_task(task: parallel.JudgeTask) -> parallel.JudgeResult:
    """A judge task that kills its worker process when it holds document slot 5 (runs in the worker)."""
    if 5 in task.slots:
        os._exit(70)
    return parallel._judge_task(task)


def crashing_intake_task(task: parallel.IntakeTask) -> parallel.IntakeResult:
    """An intake task that kills its worker when it reads a file named *duplicate-vendor* (in the worker)."""
    if any("duplicate-vendor" in unit for unit in task.units):
        os._exit(71)
    return parallel._intake_task(task)


@pytest.mark.slow
def test_a_worker_crash_while_judging_is_an_engine_error_for_that_document_only(
    checker: Checker, repository: Path, serial_report: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The task function is pickled by name, so the worker imports this module and runs the crashing one.
    monkeypatch.setattr(parallel, "_judge_task", crashing_judge_task)
    report = checker.check([repository], jobs=2).to_dict()
    victim = serial_report["documents"][5]
    assert victim["verdict"] not in ("invalid", "error")
    assert report["documents"][5] == {**victim, "verdict": "error"}
    engine = [p for p in report["problems"] if p["kind"] == "engine_error"]
    assert [(p["document_id"], p["file"], p["line"]) for p in engine] == [
        (victim["id"], victim["file"], victim["line"])
    ]
    assert report["exit_code"] == 3
    # Every other document keeps its result.
    others = [d for i, d in enumerate(report["documents"]) if i != 5]
    assert others == [d for i, d in enumerate(serial_report["documents"]) if i != 5]
    expected = [f for f in serial_report["findings"] if f["document"]["id"] != victim["id"]]
    assert report["findings"] == expected


@pytest.mark.slow
def test_a_worker_crash_while_reading_is_a_problem_for_that_file(
    checker: Checker, repository: Path, serial_report: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "_intake_task", crashing_intake_task)
    report = checker.check([repository], jobs=2).to_dict()
    crashed = [p for p in report["problems"] if p["kind"] == "engine_error"]
    assert [Path(p["file"]).name for p in crashed] == ["duplicate-vendor.yaml"]
    assert report["exit_code"] == 3
    # The crashed file held a duplicate: without it, the original is no longer a duplicate of anything.
    serial_files = {d["file"] for d in serial_report["documents"]}
    assert {d["file"] for d in report["documents"]} == serial_files
    assert not [p for p in report["problems"] if p["kind"] == "duplicate_id"]


def test_an_exception_while_judging_is_an_engine_error_in_process(
    checker: Checker, repository: Path, serial_report: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = next(d for d in serial_report["documents"] if d["kind"] == "data_source" and d["verdict"] == "pass")
    original = DocumentStages.evaluate

    def evaluate(self: DocumentStages, document: Any, index: Any, context: Any) -> Any:
        if document.id == victim["id"]:
            raise RecursionError("maximum recursion depth exceeded")
        return original(self, document, index, context)

    monkeypatch.setattr(DocumentStages, "evaluate", evaluate)
    report = checker.check([repository], jobs=1).to_dict()
    problems = [p for p in report["problems"] if p["kind"] == "engine_error"]
    assert [p["document_id"] for p in problems] == [victim["id"]]
    assert "RecursionError" in problems[0]["message"]
    assert report["exit_code"] == 3


PANIC_POLICY = """package ethiq.rules.vendor.crashy

# strings.count with an empty needle makes regorus panic: only for the vendors named ven_panic_*.
deny contains msg if {
\tstartswith(input.document.id, "ven_panic")
\tn := strings.count(input.document.id, "")
\tmsg := sprintf("count %d", [n])
}
"""


@pytest.mark.slow
def test_an_engine_panic_is_an_engine_error_for_that_document_whatever_the_jobs(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "crashy.rego").write_text(PANIC_POLICY)
    docs = tmp_path / "docs"
    generate(300, seed=3, out=docs)
    (docs / "vendors" / "panic.yaml").write_text("kind: vendor\nid: ven_panic_1\n---\nkind: vendor\nid: ven_panic_2\n")
    checker = Checker(as_of=AS_OF, policies=[policies])
    reports = [checker.check([docs], jobs=jobs).to_dict() for jobs in (1, 2)]
    assert reports[0] == reports[1]
    engine = [p for p in reports[0]["problems"] if p["kind"] == "engine_error"]
    assert sorted(p["document_id"] for p in engine) == ["ven_panic_1", "ven_panic_2"]
    assert all("panic" in p["message"] for p in engine)
    # A panic must not spoil the engine for the documents after it.
    verdicts = Counter(d["verdict"] for d in reports[0]["documents"])
    assert verdicts["error"] == 2


@pytest.mark.slow
def test_the_cli_prints_the_same_json_whatever_the_jobs(tmp_path: Path) -> None:
    import subprocess

    generate(200, seed=9, out=tmp_path / "repo")
    outputs = []
    for jobs in ("1", "auto"):
        command = [sys.executable, "-m", "ethiq", "check", str(tmp_path / "repo"), "--format", "json"]
        result = subprocess.run(
            [*command, "--as-of", AS_OF, "--jobs", jobs], capture_output=True, text=True, check=False, cwd=tmp_path
        )
        assert result.returncode in (0, 1), result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["summary"]["documents"] >= 200


# --- the fast schema path means the same as the plain one ---------------------------------------------------------


def _mutations(value: Any, path: tuple[Any, ...] = ()) -> Any:
    """(path, wrong value) pairs: every leaf made a wrong type, an odd string or an unknown key."""
    if isinstance(value, dict):
        yield (*path, "x_unknown_field"), "typo"
        for key, item in value.items():
            yield from _mutations(item, (*path, key))
    elif isinstance(value, list):
        yield path, {"not": "a list"}
        for position, item in enumerate(value[:2]):
            yield from _mutations(item, (*path, position))
    else:
        yield path, 12345 if isinstance(value, str) else "2026-13-45"
        yield path, None


def test_inlined_schemas_give_the_same_violations(repository: Path) -> None:
    import copy

    from ethiq.engine.validate import bundled_schemas as schema_set

    plain, inlined = SchemaSet(), schema_set()
    samples = 0
    for document in load_documents([repository / "vendors", repository / "data-sources", repository / "accounts"])[:40]:
        for path, wrong in list(_mutations(document.data))[::3]:
            data = copy.deepcopy(document.data)
            target = data
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = wrong
            assert inlined.validate(data) == plain.validate(data)
            samples += 1
    assert samples > 500


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.sampled_from(["2026-01-31"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


@given(data=st.data())
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_the_fast_schema_path_never_accepts_what_jsonschema_rejects(repository: Path, data: st.DataObject) -> None:
    import copy

    from ethiq.engine.validate import bundled_schemas as schema_set

    document = data.draw(st.sampled_from(_sample_documents(repository)))
    value = copy.deepcopy(document)
    paths = [path for path, _ in _mutations(value)]
    path = data.draw(st.sampled_from(paths))
    target = value
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = data.draw(_JSON)
    assert _schema_sets()[1].validate(value) == _schema_sets()[0].validate(value)
    assert schema_set().validate(document) == []


@functools.cache
def _schema_sets() -> tuple[SchemaSet, SchemaSet]:
    from ethiq.engine.validate import bundled_schemas as schema_set

    return SchemaSet(), schema_set()


@functools.cache
def _sample_documents(repository: Path) -> list[dict[str, Any]]:
    folders = ["vendors", "data-sources", "accounts", "campaigns"]
    documents = load_documents([repository / folder for folder in folders])
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for document in documents:
        by_kind.setdefault(document.kind or "", []).append(document.data)
    return [data for kind in sorted(by_kind) for data in by_kind[kind][:5]]


@settings(max_examples=200, deadline=None)
@given(
    sizes=st.lists(st.integers(min_value=0, max_value=200_000), max_size=60),
    target=st.integers(min_value=parallel.CHUNK_MIN_BYTES, max_value=400_000),
    tail_share=st.sampled_from([0, 8, 4, 1]),
)
def test_chunks_keep_the_units_in_order_and_the_tail_small(sizes: list[int], target: int, tail_share: int) -> None:
    units = [(f"f{n}", size) for n, size in enumerate(sizes)]
    total = sum(max(size, 1) for size in sizes)
    tail = total // tail_share if tail_share else 0
    chunks = parallel.plan_chunks(units, target, tail=tail)
    assert [name for chunk in chunks for name in chunk] == [name for name, _ in units]
    assert all(chunks)
    small = max(parallel.CHUNK_MIN_BYTES, target // 4)
    end = 0
    for chunk in chunks[:-1]:  # a chunk ends once it holds its share: target, or a quarter of it in the tail
        size = sum(max(dict(units)[name], 1) for name in chunk)
        last = max(dict(units)[chunk[-1]], 1)
        end += size
        assert size >= small
        assert size - last < target
        if total - end + last < tail:  # it was in the tail before its last unit
            assert size - last < small
