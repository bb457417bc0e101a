"""Nothing is skipped without a word, and a run that judged nothing never passes.

A directory walk reports every path it skips (a notice for a link loop or a link to a directory, a read
problem for a FIFO, a device or a dangling link named like a document); a run over an empty directory, an
empty file, empty standard input or only ``policy_context`` documents exits 2 with "nothing to check" (or
"no document") in every format.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from ethiq.cli.output import FORMATS, renderer
from ethiq.engine import validate
from ethiq.engine.report import ExitCode

from .inputs import BANNED_ID, CLEAN, VIOLATING

CONTEXT = "kind: policy_context\nid: ctx_only\n"


def _tree(root: Path) -> dict[str, Path]:
    root.mkdir(exist_ok=True)
    (root / "clean.yaml").write_text(CLEAN, encoding="utf-8")
    (root / "violating.yaml").write_text(VIOLATING, encoding="utf-8")
    paths = {
        "fifo": root / "fifo.yaml",
        "device": root / "zero.yml",
        "dangling": root / "dangling.json",
        "loop": root / "loop-a.yaml",
        "up": root / "up",
    }
    os.mkfifo(paths["fifo"])
    paths["device"].symlink_to("/dev/zero")
    paths["dangling"].symlink_to("missing.json")
    (root / "loop-b.yaml").symlink_to("loop-a.yaml")
    paths["loop"].symlink_to("loop-b.yaml")
    paths["up"].symlink_to("..")  # a directory link loop: a walk that followed it would never end
    return paths


def test_a_walk_reports_every_path_it_skips(checker: Any, tmp_path: Path) -> None:
    paths = _tree(tmp_path / "tree")
    report = checker.check([str(tmp_path / "tree")])
    kinds = {p.file: p.kind for p in report.problems}
    assert kinds[str(paths["fifo"])] == "read_error"
    assert kinds[str(paths["device"])] == "read_error"
    assert kinds[str(paths["dangling"])] == "read_error"
    assert kinds[str(paths["loop"])] == "skipped_path"
    assert kinds[str(paths["up"])] == "skipped_path"
    assert report.exit_code == ExitCode.INPUT_ERROR
    assert any(f.rule_id == "VEN-001" and f.document_id == BANNED_ID for f in report.findings)


def test_notices_alone_do_not_fail_a_run(checker: Any, tmp_path: Path) -> None:
    (tmp_path / "clean.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "elsewhere")
    report = checker.check([str(tmp_path)])
    (notice,) = report.problems
    assert notice.kind == "skipped_path"
    assert "not followed" in notice.message
    assert notice.exit_code == ExitCode.OK
    assert report.documents[0].id == "ven_clean_hostile"
    assert report.exit_code == checker.check(texts=[CLEAN]).exit_code  # the notice changes no exit code
    sarif = json.loads(_render("sarif", report))
    assert [r["level"] for r in sarif["runs"][0]["results"] if r["ruleId"] == "ethiq/skipped-path"] == ["note"]
    assert "::notice " in _render("github", report)
    assert "<skipped" in _render("junit", report)
    assert "not followed" in _render("table", report)


@pytest.mark.parametrize("what", ["empty directory", "only context", "only hidden files"])
def test_a_run_that_judged_nothing_exits_2_in_every_format(checker: Any, tmp_path: Path, what: str) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    if what == "only context":
        (root / "context.yaml").write_text(CONTEXT, encoding="utf-8")
    elif what == "only hidden files":
        (root / ".drafts").mkdir()
        (root / ".drafts" / "vendor.yaml").write_text(VIOLATING, encoding="utf-8")
    report = checker.check([str(root)])
    assert report.exit_code == ExitCode.INPUT_ERROR
    assert [p.kind for p in report.problems] == ["nothing_to_check"]
    assert report.problems[0].hint
    for fmt in FORMATS:
        out = io.StringIO()
        renderer(fmt)(report, out)
        assert "nothing to check" in out.getvalue(), fmt
    assert json.loads(_render("json", report))["exit_code"] == 2


def _render(fmt: str, report: Any) -> str:
    out = io.StringIO()
    renderer(fmt)(report, out)
    return out.getvalue()


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n", "---\n", "null\n", "~\n", "[]"])
def test_empty_standard_input_and_empty_texts_are_input_problems(checker: Any, text: str) -> None:
    for report in (checker.check(["-"], stdin_text=text), checker.check(texts=[text])):
        assert report.exit_code == ExitCode.INPUT_ERROR
        (problem,) = report.problems
        assert problem.kind == "read_error"
        assert problem.file in ("-", "<text 1>")
        assert "no document" in problem.message or "found null" in problem.message


def test_empty_documents_between_separators_are_not_problems(checker: Any) -> None:
    report = checker.check(texts=["---\n---\n" + CLEAN + "---\n"])
    assert not report.problems
    assert [d.id for d in report.documents] == ["ven_clean_hostile"]
    assert report.exit_code == checker.check(texts=[CLEAN]).exit_code


def test_validate_of_nothing_exits_2(tmp_path: Path) -> None:
    report = validate([str(tmp_path)])
    assert report.exit_code == ExitCode.INPUT_ERROR
    assert [p.kind for p in report.problems] == ["nothing_to_check"]
    (tmp_path / "context.yaml").write_text(CONTEXT, encoding="utf-8")
    assert validate([str(tmp_path)]).exit_code == ExitCode.OK  # validating a context checks it


def test_an_excluded_path_gives_no_notice(checker: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "elsewhere")
    assert [p.kind for p in checker.check([str(tmp_path)]).problems] == ["skipped_path"]
    assert not checker.check([str(tmp_path)], exclude=["linked"]).problems


WAIVERS = """waivers:
  - id: W-1
    rule: VEN-003
    documents: ven_*
    reason: accepted after review by the data-protection officer
    owner: dpo@example.org
    expires: 2999-01-01
"""


def test_a_waiver_file_the_run_does_not_apply_is_named(checker: Any, tmp_path: Path) -> None:
    """A waiver file deeper in the tree holds no documents and is skipped, but not in silence: its author
    expects it to apply, and the run applies another one (or none)."""
    (tmp_path / "violating.yaml").write_text(VIOLATING, encoding="utf-8")
    (tmp_path / "team").mkdir()
    stray = tmp_path / "team" / "ethiq-waivers.yaml"
    stray.write_text(WAIVERS, encoding="utf-8")
    report = checker.check([str(tmp_path)])
    (notice,) = report.problems
    assert (notice.kind, notice.file) == ("skipped_path", str(stray))
    assert "not applied" in notice.message
    assert "--waivers" in notice.hint
    assert notice.exit_code == ExitCode.OK
    assert any(f.rule_id == "VEN-001" for f in report.findings)  # the other documents' findings are kept
    applied = checker.check([str(tmp_path)], waivers=str(stray))
    assert str(stray) not in {p.file for p in applied.problems}  # the applied file is skipped without a word
    stray.write_text("kind: vendor\n", encoding="utf-8")  # so named but holding a document: judged, not skipped
    assert [(p.kind, p.file) for p in checker.check([str(tmp_path)]).problems] == [("schema_violation", str(stray))]
