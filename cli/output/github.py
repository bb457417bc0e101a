"""``--format github``: GitHub Actions workflow commands, and a job summary.

One line per finding, which GitHub turns into an annotation on the file and line::

    ::error file=F,line=L,col=C,title=RULE-ID (status)::message

``error`` for a finding that fails the run at ``report.fail_on``; ``notice`` for a waived finding and for
an ``info`` one; ``warning`` for every other finding (a ``warn`` rule below the threshold). Input and engine
problems are ``::error`` lines titled with their synthetic rule (``ethiq/schema-violation``, ...). The
message is the finding's message, its document and JSON path, and the remediation, on separate lines.
Escaping follows GitHub's runner (``%`` ``\\r`` ``\\n`` in the message; also ``:`` and ``,`` in property
values), which also means a document's text cannot start a workflow command of its own. Lines come in
the same stable order as SARIF's results, then one plain summary line.

GitHub shows at most 10 error and 10 warning annotations per step, so when ``GITHUB_STEP_SUMMARY`` is set
the renderer also appends a Markdown job summary (:func:`write_job_summary`) with the counts, every
blocking finding (up to :data:`MAX_SUMMARY_ROWS`), the problems and what the exit code means.

Documented in docs/report-format.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TextIO

from ethiq.engine import ExitCode, Finding, Problem, Report
from ethiq.engine.report import escape_control_characters, is_file_name, json_path, sorted_findings

from .common import escape_markdown, exit_meaning, finding_order, problem_order, problem_rule_id, relative_file

SUMMARY_ENV = "GITHUB_STEP_SUMMARY"
MAX_SUMMARY_ROWS = 200  # a step summary is capped at 1 MiB; the log and the other formats hold the rest

LABELS = {
    "en": {
        "fix": "Fix",
        "waived": "Waived",
        "baselined": "In the baseline",
        "hint": "Hint",
        "by": "by",
        "expires": "expires",
        "documents": "documents",
        "findings": "findings",
        "blocking": "blocking",
        "waived_n": "waived",
        "problems": "problems",
        "as_of": "evaluated as of",
        "exit": "exit code",
        "title_pass": "ethiq: passed",
        "title_blocking": "ethiq: blocking findings",
        "title_input": "ethiq: input could not be judged",
        "title_policy": "ethiq: broken policy or engine",
        "intro": "Evaluated as of **{as_of}**; findings of severity `{fail_on}` and above block the run.",
        "h_documents": "Documents",
        "h_findings": "Findings",
        "h_blocking": "Blocking",
        "h_waived": "Waived",
        "h_problems": "Problems",
        "h_exit": "Exit code",
        "blocking_findings": "Blocking findings",
        "rule": "Rule",
        "document": "Document",
        "where": "Where",
        "message": "Message",
        "problem": "Problem",
        "more": "… and {n} more; the full list is in the log and in the JSON or SARIF report.",
        "exit_line": "**Exit code {code}**: {meaning}.",
        "codes": "What the exit codes mean",
        "code": "Code",
        "meaning": "Meaning",
    },
    "sv": {
        "fix": "Åtgärd",
        "waived": "Undantagen",
        "baselined": "I baslinjen",
        "hint": "Tips",
        "by": "av",
        "expires": "upphör",
        "documents": "dokument",
        "findings": "fynd",
        "blocking": "blockerande",
        "waived_n": "undantagna",
        "problems": "problem",
        "as_of": "bedömt per",
        "exit": "slutkod",
        "title_pass": "ethiq: godkänd",
        "title_blocking": "ethiq: blockerande fynd",
        "title_input": "ethiq: indata kunde inte bedömas",
        "title_policy": "ethiq: trasig policy eller motor",
        "intro": "Bedömt per **{as_of}**; fynd med allvarlighetsgrad `{fail_on}` och högre stoppar körningen.",
        "h_documents": "Dokument",
        "h_findings": "Fynd",
        "h_blocking": "Blockerande",
        "h_waived": "Undantagna",
        "h_problems": "Problem",
        "h_exit": "Slutkod",
        "blocking_findings": "Blockerande fynd",
        "rule": "Regel",
        "document": "Dokument",
        "where": "Var",
        "message": "Meddelande",
        "problem": "Problem",
        "more": "… och {n} till; hela listan finns i loggen och i JSON- eller SARIF-rapporten.",
        "exit_line": "**Slutkod {code}**: {meaning}.",
        "codes": "Vad slutkoderna betyder",
        "code": "Kod",
        "meaning": "Betydelse",
    },
}
TITLES = {
    ExitCode.OK: "title_pass",
    ExitCode.BLOCKING: "title_blocking",
    ExitCode.INPUT_ERROR: "title_input",
    ExitCode.POLICY_ERROR: "title_policy",
}


def render(report: Report, out: TextIO) -> None:
    for line in command_lines(report):
        out.write(line + "\n")
    out.write(_summary_line(report) + "\n")
    summary = os.environ.get(SUMMARY_ENV)
    if summary:
        write_job_summary(report, summary)


# --- workflow commands ------------------------------------------------------------------------------------


def command_lines(report: Report) -> Iterator[str]:
    """One workflow command per finding, then one per problem, then one per relaxation of the policy context,
    then the run's notices and the configuration and waiver files applied."""
    labels = _labels(report)
    for finding in sorted_findings(report.findings, finding_order):  # a large run's streamed from disk
        yield _finding_command(finding, report, labels)
    for problem in sorted(report.problems, key=problem_order):
        yield _problem_command(problem, labels)
    for relaxation in report.context_relaxations:
        yield workflow_command(
            "warning",
            relaxation.describe(),
            file=relative_file(relaxation.file)[0] if relaxation.file else None,
            line=relaxation.line,
            title="ethiq: the policy context relaxes the policy",
        )
    for notice in report.notices:
        yield workflow_command("warning", notice.message, title=f"ethiq/{notice.code}")
    for name, file in (("configuration", report.config_file), ("waivers", report.waivers_file)):
        if file:  # which files configured the run
            yield workflow_command("notice", f"{name}: {file}", title=f"ethiq: the {name} file applied")


def level_of(finding: Finding, fail_on: str) -> str:
    """The annotation level of ``finding`` in a run that fails at ``fail_on``."""
    if finding.is_accepted:
        return "notice"
    if finding.blocks_at(fail_on):
        return "error"
    if finding.severity == "info":
        return "notice"
    return "warning"


LINE_BREAKS = "\r\n"  # kept in messages: escape_data turns them into %0D and %0A, which end no command


def workflow_command(
    command: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    col: int | None = None,
    title: str | None = None,
) -> str:
    """``::command prop=value,...::message`` with GitHub's escaping; absent properties are left out."""
    properties = [
        f"{key}={escape_property(escape_control_characters(str(value)))}"
        for key, value in (("file", file), ("line", line), ("col", col), ("title", title))
        if value is not None
    ]
    head = f"::{command} {','.join(properties)}" if properties else f"::{command}"
    # Line breaks become %0A below: they can end no command, unlike ESC or BEL, which reach the log as they are.
    return f"{head}::{escape_data(escape_control_characters(message, keep=LINE_BREAKS))}"


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF are escaped, so a message is always one line."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as a message, and ``:`` and ``,``, which end a value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _finding_command(finding: Finding, report: Report, labels: Mapping[str, str]) -> str:
    status = (
        f"{finding.status}, waived"
        if finding.is_waived
        else f"{finding.status}, baselined"
        if finding.baselined
        else finding.status
    )
    lines = [finding.message, f"{finding.document_id} {finding.json_path}"]
    if finding.remediation:
        lines.append(f"{labels['fix']}: {finding.remediation}")
    if finding.is_waived:
        lines.append(_waiver_line(finding, labels))
    elif finding.baselined:
        lines.append(labels["baselined"])
    return workflow_command(
        level_of(finding, report.fail_on),
        "\n".join(escape_control_characters(line, keep=LINE_BREAKS) for line in lines),
        file=_file(finding.file),
        line=finding.line,
        col=finding.column,
        title=f"{finding.rule_id} ({status})",
    )


def _problem_command(problem: Problem, labels: Mapping[str, str]) -> str:
    lines = [problem.message]
    if problem.path is not None:
        lines[0] = f"{json_path(problem.path)}: {problem.message}"
    if problem.hint:
        lines.append(f"{labels['hint']}: {problem.hint}")
    return workflow_command(
        "error" if problem.exit_code else "notice",  # a skipped path is reported but does not fail the run
        "\n".join(escape_control_characters(line, keep=LINE_BREAKS) for line in lines),
        file=_file(problem.file),
        line=problem.line,
        col=problem.column,
        title=problem_rule_id(problem),
    )


def _waiver_line(finding: Finding, labels: Mapping[str, str]) -> str:
    waiver = finding.waiver or {}
    details = [str(waiver["id"])] if waiver.get("id") else []
    if waiver.get("owner"):
        details.append(f"{labels['by']} {waiver['owner']}")
    if waiver.get("expires"):
        details.append(f"{labels['expires']} {waiver['expires']}")
    reason = str(waiver.get("reason") or "")
    return f"{labels['waived']}: {reason}" + (f" ({', '.join(details)})" if details else "")


def _summary_line(report: Report) -> str:
    labels = _labels(report)
    s = report.summary()
    return (
        f"ethiq: {s['documents']} {labels['documents']}, {s['findings']} {labels['findings']} "
        f"({s['blocking']} {labels['blocking']}, {s['waived']} {labels['waived_n']}), "
        f"{s['problems']} {labels['problems']}; {labels['as_of']} {report.as_of}; {labels['exit']} {s['exit_code']}"
    )


# --- job summary ------------------------------------------------------------------------------------------


def write_job_summary(report: Report, path: str | os.PathLike[str]) -> None:
    """Append the Markdown job summary of ``report`` to ``path`` (GitHub's ``$GITHUB_STEP_SUMMARY``)."""
    with Path(path).open("a", encoding="utf-8") as out:
        out.write(job_summary(report))


def job_summary(report: Report) -> str:
    labels = _labels(report)
    code = report.exit_code
    s = report.summary()
    parts = [
        f"### {labels[TITLES[code]]} ({labels['exit']} {int(code)})",
        labels["intro"].format(as_of=_cell(report.as_of), fail_on=_cell(report.fail_on)),
        _table(
            [labels[h] for h in ("h_documents", "h_findings", "h_blocking", "h_waived", "h_problems", "h_exit")],
            [[str(s[k]) for k in ("documents", "findings", "blocking", "waived", "problems", "exit_code")]],
            align="---:",
        ),
    ]
    parts += [f"> {_cell(notice.message)}" for notice in report.notices]
    blocking = sorted(report.blocking, key=finding_order)
    if blocking:
        rows = [
            [
                f"{_code(f.rule_id)} {_cell(f.status)}",
                _code(f.document_id),
                f"{_code(_where(f.file, f.line, f.column))}<br>{_code(f.json_path)}",
                _cell(f.message),
            ]
            for f in blocking[:MAX_SUMMARY_ROWS]
        ]
        section = [
            f"#### {labels['blocking_findings']}",
            _table([labels[h] for h in ("rule", "document", "where", "message")], rows),
        ]
        if len(blocking) > MAX_SUMMARY_ROWS:
            section.append(labels["more"].format(n=len(blocking) - MAX_SUMMARY_ROWS))
        parts.append("\n\n".join(section))
    if report.problems:
        rows = [
            [
                _code(problem_rule_id(p)),
                _code(_where(p.file or "-", p.line, p.column))
                + (f"<br>{_code(json_path(p.path))}" if p.path is not None else ""),
                _cell(p.message),
            ]
            for p in sorted(report.problems, key=problem_order)[:MAX_SUMMARY_ROWS]
        ]
        section = [f"#### {labels['h_problems']}", _table([labels[h] for h in ("problem", "where", "message")], rows)]
        if len(report.problems) > MAX_SUMMARY_ROWS:
            section.append(labels["more"].format(n=len(report.problems) - MAX_SUMMARY_ROWS))
        parts.append("\n\n".join(section))
    meanings = {c: exit_meaning(c, report.lang, report.fail_on) for c in ExitCode}
    parts.append(labels["exit_line"].format(code=int(code), meaning=meanings[code]))
    parts.append(
        f"<details><summary>{labels['codes']}</summary>\n\n"
        + _table([labels["code"], labels["meaning"]], [[str(int(c)), m] for c, m in meanings.items()])
        + "\n\n</details>"
    )
    return "\n\n".join(parts) + "\n\n"


def _table(header: list[str], rows: list[list[str]], align: str = "---") -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(text: str) -> str:
    """Text in a Markdown table cell: markup inert, one line."""
    text = escape_control_characters(text, keep="\r\n")
    return re.sub(r"\r\n|\r|\n", "<br>", escape_markdown(text))


def _code(text: str) -> str:
    """Text as a code span in a table cell: fenced by more backticks than it holds, pipes escaped."""
    text = escape_control_characters(re.sub(r"[\r\n]+", " ", text)).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest or text.startswith(" ") or text.endswith(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# --- helpers ----------------------------------------------------------------------------------------------


def _labels(report: Report) -> Mapping[str, str]:
    return LABELS.get(report.lang, LABELS["en"])


def _file(file: str | None) -> str | None:
    if file is None or not is_file_name(file):
        return None
    return relative_file(file)[0]


def _where(file: str, line: int | None, column: int | None) -> str:
    shown = _file(file) or file
    return ":".join(str(p) for p in (shown, line, column) if p is not None)
