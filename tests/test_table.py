"""The human format: one line per finding at any width, nothing broken mid-token, no padding, control
characters spelled out; the compact view; grammar of the summary in both languages."""

from __future__ import annotations

import dataclasses
import io
import os
import re
from typing import Any

import pytest
from rich.cells import cell_len

from conftest import AS_OF, FIXTURES, ROOT
from ethiq.cli.output import renderer
from ethiq.cli.output.table import compact_lines, render, summary_line, table_lines
from ethiq.engine import Finding, Problem, Report
from ethiq.engine.report import escape_control_characters

EXAMPLE = FIXTURES / "example-campaign"
NASTY = "Bold\x1b[1m red\x1b[31m bell\x07 back\r over\x9b c1 \u202eesrever"


@pytest.fixture(scope="module")
def example(example_checker: Any) -> Report:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        report: Report = example_checker.check(["fixtures/example-campaign"])
    finally:
        os.chdir(cwd)
    assert len(report.findings) > 20, "the example campaign must have findings for these tests to mean anything"
    return report


def _finding(**changes: Any) -> Finding:
    base = Finding(
        rule_id="TST-001",
        severity="block",
        status="fail",
        title="Test rule",
        message="Something is wrong.",
        remediation="Fix it.",
        document_id="ven_a",
        kind="vendor",
        file="docs/a.yaml",
        line=3,
        column=7,
        path=("a", 0),
    )
    return dataclasses.replace(base, **changes)


def _lines(report: Report, width: int | None, **options: Any) -> list[str]:
    out = io.StringIO()
    render(report, out, width=width, **options)
    return out.getvalue().splitlines()


# --- control characters ----------------------------------------------------------------------------------------


def test_control_characters_are_spelled_out_and_text_is_kept() -> None:
    assert escape_control_characters(NASTY) == (
        "Bold\\x1b[1m red\\x1b[31m bell\\x07 back\\r over\\x9b c1 \\u202eesrever"
    )
    assert escape_control_characters("tab\there\nnew", keep="\n") == "tab\\there\nnew"
    assert escape_control_characters("Åsa Öberg, 中文, emoji 🙂, «quotes»") == "Åsa Öberg, 中文, emoji 🙂, «quotes»"


@pytest.mark.parametrize("fmt", ["table", "github", "junit"])
def test_no_control_character_from_a_document_reaches_human_output(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    finding = _finding(message=NASTY, document_id="ven_\x1b[2Jx", remediation="Do\x07 it")
    problem = Problem(kind="schema_violation", message=f"bad {NASTY}", file="docs/\x1bb.yaml", line=1)
    report = Report(as_of=AS_OF, lang="en", findings=[finding], problems=[problem])
    out = io.StringIO()
    renderer(fmt)(report, out)
    text = out.getvalue()
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", text), repr(text)
    assert "\\x1b[31m" in text


def test_compact_lines_spell_out_control_characters() -> None:
    report = Report(as_of=AS_OF, lang="en", findings=[_finding(message=NASTY)])
    [line] = compact_lines(report)
    assert "\x1b" not in line.plain
    assert "\\x1b[1m" in line.plain


# --- width -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 120, 160])
def test_each_finding_is_one_line_that_fits_and_breaks_no_token(example: Report, width: int) -> None:
    lines = _lines(example, width)
    finding_lines = [line for line in lines if re.match(r"^    . [A-Z]+-\d{3}", line)]
    assert len(finding_lines) == len(example.findings)
    for line, finding in zip(finding_lines, example.findings, strict=True):
        assert cell_len(line) <= width, line
        fields = line.split()
        assert fields[1] == finding.rule_id  # the id, whole
        where = fields[3]
        path, _, number = where.rpartition(":")
        assert number == str(finding.line)
        # The JSON path is whole, or its leading segments are elided: never cut inside a segment.
        if path.startswith("…"):
            tail = path[1:]
            assert finding.json_path.endswith("." + tail) or (finding.json_path.endswith(tail) and tail[0] == "[")
        else:
            assert path == finding.json_path
    for line in lines:  # prose wraps at spaces: file names and ids stay whole, nothing passes the width
        assert cell_len(line) <= width or " " not in line.strip(), line
    files = {line for line in lines if line.startswith("fixtures/")}
    assert files == {f.file for f in example.findings}


def test_piped_output_is_never_padded_nor_shortened(example: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)  # piped, and no width asked for (a CI log)
    lines = _lines(example, None)
    assert all(line == line.rstrip() for line in lines)
    assert all("…" not in line for line in lines)
    for finding in example.findings:
        assert any(finding.message in line and finding.json_path in line for line in lines), finding.message


def test_columns_sets_the_width_when_piped(example: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    render(example, out)
    lines = out.getvalue().splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert all(line == line.rstrip() for line in lines)
    assert any("Lines shortened to 80 columns" in line for line in lines)


def test_the_remediation_is_shown_once_per_rule(example: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    text = "\n".join(_lines(example, None))
    for rule_id in {f.rule_id for f in example.findings if f.remediation}:
        remediation = next(f.remediation for f in example.findings if f.rule_id == rule_id)
        assert text.count(remediation) == 1, rule_id


def test_paths_are_named_as_given(example: Report) -> None:
    assert all(f.file.startswith("fixtures/example-campaign/") for f in example.findings)


# --- compact, summary ------------------------------------------------------------------------------------------


def test_compact_shows_only_what_fails_the_run(example: Report) -> None:
    lines = [line.plain for line in compact_lines(example)]
    assert len(lines) == len(example.blocking)
    first = example.blocking[0]
    status = {"fail": "fail", "needs_review": "review"}[first.status]
    assert lines[0] == (
        f"{first.file}:{first.line}:{first.column}: {first.rule_id} {status}: {first.message} [{first.json_path}]"
    )
    passing = Report(as_of=AS_OF, lang="en", findings=[_finding(severity="warn")])
    assert _lines(passing, None, compact=True) == []


@pytest.mark.parametrize(
    ("lang", "counts", "expected"),
    [
        ("en", (1, 1, 1), "1 document, 1 finding (1 blocking), 1 problem;"),
        ("en", (2, 0, 0), "2 documents, 0 findings, 0 problems;"),
        ("sv", (1, 2, 1), "1 dokument, 2 fynd (2 blockerande), 1 problem;"),
    ],
)
def test_the_summary_counts_in_the_right_grammatical_number(
    lang: str, counts: tuple[int, int, int], expected: str
) -> None:
    from ethiq.engine import DocumentResult

    documents, findings, problems = counts
    report = Report(
        as_of=AS_OF,
        lang=lang,
        documents=[DocumentResult(id=f"d{i}", kind="vendor", file="a.yaml", line=1) for i in range(documents)],
        findings=[_finding(document_id=f"d{i}") for i in range(findings)],
        problems=[Problem(kind="read_error", message="x", file="b.yaml")] * problems,
    )
    assert summary_line(report).startswith(expected)


def test_table_lines_of_a_clean_run_say_so() -> None:
    report = Report(as_of=AS_OF, lang="sv")
    assert [line.plain for line in table_lines(report, width=80)][-2:] == [
        "Inga fynd.",
        f"0 dokument, 0 fynd, 0 problem; bedömt per {AS_OF}; slutkod 0",
    ]
