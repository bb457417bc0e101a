"""``--format table``: findings grouped by file, for people. Colours and symbols only on a terminal."""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO

from rich.box import Box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ethiq.engine import Finding, Problem, Report

LABELS = {
    "en": {
        "rule": "Rule",
        "status": "Status",
        "document": "Document",
        "where": "Where",
        "finding": "Finding",
        "fix": "Fix",
        "problems": "Input and policy problems",
        "as_of": "evaluated as of",
        "documents": "documents",
        "blocking": "blocking",
        "findings": "findings",
        "problems_n": "problems",
        "exit": "exit code",
        "clean": "No findings.",
        "fail": "fail",
        "needs_review": "needs review",
        "trace": "via",
        "waived": "waived",
        "until": "until",
        "line": "line",
    },
    "sv": {
        "rule": "Regel",
        "status": "Status",
        "document": "Dokument",
        "where": "Var",
        "finding": "Fynd",
        "fix": "Åtgärd",
        "problems": "Problem med indata och policyer",
        "as_of": "bedömt per",
        "documents": "dokument",
        "blocking": "blockerande",
        "findings": "fynd",
        "problems_n": "problem",
        "exit": "slutkod",
        "clean": "Inga fynd.",
        "fail": "underkänd",
        "needs_review": "behöver granskas",
        "trace": "via",
        "waived": "undantagen",
        "until": "till",
        "line": "rad",
    },
}
STYLES = {"block": "bold red", "warn": "yellow", "info": "cyan"}
SYMBOLS = {"block": "✖", "warn": "▲", "info": "ℹ"}  # noqa: RUF001 (a symbol, not a letter)


def render(report: Report, out: TextIO) -> None:
    console = Console(file=out, highlight=False, soft_wrap=False, width=None if out.isatty() else 160)
    labels = LABELS.get(report.lang, LABELS["en"])
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_file[finding.file].append(finding)
    for file, findings in by_file.items():
        console.print(Text(file, style="bold underline"))
        console.print(_findings_table(findings, labels, fancy=console.is_terminal))
    if report.problems:
        console.print(Text(labels["problems"], style="bold underline"))
        for problem in report.problems:
            console.print(_problem_line(problem))
    for notice in report.notices:
        console.print(Text(f"! {notice.message}", style="bold yellow"))
    if not report.findings and not report.problems and not report.notices:
        console.print(labels["clean"])
    summary = report.summary()
    console.print(
        f"{summary['documents']} {labels['documents']}, {summary['findings']} {labels['findings']} "
        f"({summary['blocking']} {labels['blocking']}), {summary['problems']} {labels['problems_n']}; "
        f"{labels['as_of']} {report.as_of}; {labels['exit']} {summary['exit_code']}"
    )


def _findings_table(findings: list[Finding], labels: dict[str, str], *, fancy: bool) -> Table:
    table = Table(show_lines=True, expand=False, box=None if not fancy else _box())
    for column in ("rule", "status", "document", "where", "finding"):
        table.add_column(labels[column], overflow="fold")
    for finding in findings:
        symbol = f"{SYMBOLS[finding.severity]} " if fancy else ""
        rule = Text(f"{symbol}{finding.rule_id}", style=STYLES[finding.severity])
        rule.append(f"\n{finding.severity}", style="dim")
        where = f"{finding.json_path}\n{labels['line']} {finding.line}" + (
            f":{finding.column}" if finding.column else ""
        )
        body = Text(finding.message)
        if finding.trace:
            body.append(f"\n{labels['trace']} {' → '.join(finding.trace)}", style="dim")
        if finding.remediation:
            body.append(f"\n{labels['fix']}: ", style="bold")
            body.append(finding.remediation)
        status = Text(labels.get(finding.status, finding.status))
        if finding.waiver is not None:
            status.append(f"\n{labels['waived']}", style="dim")
            body.append(
                f"\n{labels['waived']} ({finding.waiver.get('id')}, {finding.waiver.get('owner')}, "
                f"{labels['until']} {finding.waiver.get('expires')}): {finding.waiver.get('reason')}",
                style="dim",
            )
        table.add_row(rule, status, finding.document_id, where, body)
    return table


def _problem_line(problem: Problem) -> Text:
    text = Text("✖ " if problem.exit_code == 3 else "! ", style="bold magenta")
    text.append(f"{problem.location or '-'}: ", style="bold")
    if problem.path is not None:
        from ethiq.engine.report import json_path

        text.append(f"{json_path(problem.path)}: ")
    text.append(escape(problem.message))
    if problem.hint:
        text.append(f" ({problem.hint})", style="dim")
    return text


def _box() -> Box:
    from rich import box

    return box.SIMPLE_HEAD
