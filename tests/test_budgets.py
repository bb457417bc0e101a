"""Time budgets: a document or a run that takes too long ends as an engine problem (exit 3), never a hang.

The evaluation is made slow on purpose by wrapping the judge stage (the forked child that evaluates inherits
the wrapper), so the tests do not depend on how fast this machine runs Rego.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from ethiq import Checker
from ethiq.engine.config import Config
from ethiq.engine.evaluate.budget import can_enforce
from ethiq.engine.report import ExitCode, ProblemKind

pytestmark = pytest.mark.skipif(not can_enforce(), reason="budgets need fork")

AS_OF = "2026-11-23"
_CA = {"kind": "vendor", "id": "ven_ca", "legal_name": "Cambridge Analytica LLC"}


def _vendor(ident: str) -> dict[str, Any]:
    return {"kind": "vendor", "id": ident, "legal_name": f"Vendor {ident}"}


def _slowed(checker: Checker, monkeypatch: pytest.MonkeyPatch, seconds: dict[str, float]) -> None:
    judge = checker.stages.judge

    def slow_judge(document: Any, index: Any, context: Any) -> Any:
        time.sleep(seconds.get(document.id, 0.0))
        return judge(document, index, context)

    monkeypatch.setattr(checker.stages, "judge", slow_judge)


def _checker(**budgets: float) -> Checker:
    return Checker(as_of=AS_OF, config=Config(**budgets))


def test_a_document_over_its_budget_is_an_engine_problem_and_the_others_keep_their_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checker = _checker(document_time_budget=1.0)
    _slowed(checker, monkeypatch, {"ven_slow": 60.0})
    began = time.monotonic()
    report = checker.check_documents([_vendor("ven_ok"), _vendor("ven_slow"), _CA])
    assert time.monotonic() - began < 30
    assert report.exit_code == ExitCode.POLICY_ERROR
    [problem] = report.problems
    assert problem.kind == ProblemKind.ENGINE
    assert problem.document_id == "ven_slow"
    assert "per-document time budget of 1 s" in problem.message
    assert "--document-time-budget" in (problem.hint or "")
    assert {f.rule_id for f in report.findings if f.document_id == "ven_ca" and f.status == "fail"} >= {"VEN-001"}
    verdicts = {d.id: str(d.verdict) for d in report.documents}
    assert verdicts["ven_slow"] == "error"
    assert verdicts["ven_ok"] != "error"


def test_the_run_budget_gives_up_the_documents_not_judged_in_time(monkeypatch: pytest.MonkeyPatch) -> None:
    checker = _checker(time_budget=2.0, document_time_budget=30.0)
    _slowed(checker, monkeypatch, {f"ven_{i}": 0.8 for i in range(8)})
    began = time.monotonic()
    report = checker.check_documents([_vendor(f"ven_{i}") for i in range(8)])
    assert time.monotonic() - began < 20
    assert report.exit_code == ExitCode.POLICY_ERROR
    given_up = [p for p in report.problems if "run's time budget of 2 s" in p.message]
    assert given_up
    assert all("--time-budget" in (p.hint or "") for p in given_up)
    judged = [d for d in report.documents if str(d.verdict) != "error"]
    assert judged, "the documents judged before the budget was spent keep their results"
    assert len(judged) + len(given_up) == 8


def test_budgets_hold_for_files_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("kind: vendor\nid: ven_a\nlegal_name: Vendor A\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("kind: vendor\nid: ven_slow\nlegal_name: Vendor B\n", encoding="utf-8")
    checker = _checker(document_time_budget=1.0)
    _slowed(checker, monkeypatch, {"ven_slow": 60.0})
    report = checker.check(tmp_path)
    [problem] = report.problems
    assert problem.document_id == "ven_slow"
    assert problem.file.endswith("b.yaml")
    assert problem.line == 1
    assert report.exit_code == ExitCode.POLICY_ERROR


def test_a_crash_while_evaluating_is_that_documents_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    checker = _checker()
    judge = checker.stages.judge

    def crashing_judge(document: Any, index: Any, context: Any) -> Any:
        if document.id == "ven_boom":
            os._exit(70)  # as a crash in the engine would end the process
        return judge(document, index, context)

    monkeypatch.setattr(checker.stages, "judge", crashing_judge)
    report = checker.check_documents([_vendor("ven_boom"), _CA])
    [problem] = report.problems
    assert problem.document_id == "ven_boom"
    assert problem.kind == ProblemKind.ENGINE
    assert any(f.document_id == "ven_ca" and f.rule_id == "VEN-001" for f in report.findings)


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "soon"])
def test_a_budget_must_be_a_positive_number_of_seconds(value: str) -> None:
    from ethiq.engine.config import ConfigError, resolve_config

    with pytest.raises(ConfigError, match="positive number of seconds"):
        resolve_config(None, {"time_budget": value})


def test_an_engine_that_does_not_survive_fork_is_judged_in_this_process_within_the_run_budget() -> None:
    """OPA's Go runtime does not survive ``fork``: its documents are judged here, and the run's budget still
    gives up the documents it leaves no time for (a document past its own budget cannot be stopped)."""
    from ethiq.engine.evaluate.budget import BudgetedJudge, Budgets, Place
    from ethiq.engine.graph import Judgement
    from ethiq.engine.report import Verdict

    pids: list[int] = []

    def judge(document: str) -> Judgement:
        pids.append(os.getpid())
        time.sleep(0.4)
        return Judgement(Verdict.PASS)

    budgets = Budgets(document=30.0, run=1.0).start()
    place = lambda document: Place("f.yaml", 1, document)  # noqa: E731
    results = list(BudgetedJudge(judge, place, budgets, fork=False).run([(i, f"doc{i}") for i in range(10)]))
    assert [slot for slot, _ in results] == list(range(10))
    judged = [j for _, j in results if j.problem is None]
    given_up = [j for _, j in results if j.problem is not None]
    assert 1 <= len(judged) < 10
    assert all("run's time budget of 1 s" in j.problem.message for j in given_up if j.problem)
    assert set(pids) == {os.getpid()}, "judged in this process, never in a forked child"
