"""``--format table``: the format people read in a terminal.

Findings are grouped by file, then by document, one line each at any width::

    fixtures/example-campaign/vendors/fun-apps.yaml
      vendor ven_fun_apps
        ✖ VEN-001  fail    $.legal_name:4  The vendor is on the blocklist ...

A line holds the severity symbol, the rule id, the status, the JSON path with its line, and the message. The
width is ``COLUMNS`` when set, else the terminal's; when the line is wider, the message is shortened with an
ellipsis and, on narrow terminals, the path loses leading segments (``…lookalike.origin_ref``): an id, a
segment of a path or a file name is never broken. Without a width (piped, no ``COLUMNS``) nothing is
shortened, and no line is padded. The remediation follows once per rule, the waivers applied once each, then
input and policy problems (wrapped at spaces), and a summary. Colours only on a terminal; every text from a
document has its control characters spelled out (:func:`~ethiq.engine.report.escape_control_characters`).

``compact`` (``--compact``/``--quiet``): only what fails the run, one line each, in the form editors and
compilers use (``file:line:col: RULE status: message [path]``), never shortened, and nothing when the run
passes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from rich.cells import cell_len

from ethiq.engine import Finding, Problem, Report
from ethiq.engine.report import escape_control_characters, json_path

if TYPE_CHECKING:
    from rich.text import Text

LABELS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "fix": "How to fix",
        "waivers": "Waivers applied",
        "problems": "Input and policy problems",
        "relaxed": "The policy context named for this run relaxes the policy",
        "as_of": "evaluated as of",
        "blocking": "blocking",
        "waived": "waived",
        "baselined": "baselined",
        "exit": "exit code",
        "clean": "No findings.",
        "fail": "fail",
        "needs_review": "review",
        "waived_status": "waived",
        "baselined_status": "baselined",
        "owner": "owner",
        "until": "until",
        "shortened": "Lines shortened to {width} columns: widen the terminal, pipe the output or use --compact "
        "for the full text.",
        "disappeared": "baseline entries no finding matched (fixed, or not checked in this run)",
        "baseline_file": "baseline",
        "config_file": "configuration",
        "waiver_file": "waiver file",
    },
    "sv": {
        "fix": "Så åtgärdar du",
        "waivers": "Tillämpade undantag",
        "problems": "Problem med indata och policyer",
        "relaxed": "Policykontexten som angetts för körningen lättar på policyn",
        "as_of": "bedömt per",
        "blocking": "blockerande",
        "waived": "undantagna",
        "baselined": "i baslinjen",
        "exit": "slutkod",
        "clean": "Inga fynd.",
        "fail": "underkänd",
        "needs_review": "granska",
        "waived_status": "undantagen",
        "baselined_status": "baslinje",
        "owner": "ansvarig",
        "until": "till",
        "shortened": "Raderna är kortade till {width} kolumner: gör terminalen bredare, skicka utdata vidare "
        "eller använd --compact för hela texten.",
        "disappeared": "poster i baslinjen som inget fynd matchade (åtgärdade, eller inte kontrollerade nu)",
        "baseline_file": "baslinje",
        "config_file": "konfiguration",
        "waiver_file": "undantagsfil",
    },
}

#: Nouns of the summary: (singular, plural) per language.
NOUNS: Mapping[str, Mapping[str, tuple[str, str]]] = {
    "en": {
        "document": ("document", "documents"),
        "finding": ("finding", "findings"),
        "problem": ("problem", "problems"),
    },
    "sv": {
        "document": ("dokument", "dokument"),
        "finding": ("fynd", "fynd"),
        "problem": ("problem", "problem"),
    },
}
STYLES = {"block": "bold red", "warn": "yellow", "info": "cyan"}
SYMBOLS = {"block": "✖", "warn": "▲", "info": "ℹ"}  # noqa: RUF001 (a symbol, not a letter)
ELLIPSIS = "…"
MIN_MESSAGE = 36  # columns a message keeps before paths give up leading segments
MIN_WHERE = 16  # columns a path keeps however narrow the terminal


def count(n: int, noun: str, lang: str) -> str:
    """``1 finding``, ``2 findings``, ``1 fynd``: a number and its noun in the right form."""
    singular, plural = NOUNS.get(lang, NOUNS["en"])[noun]
    return f"{n} {singular if n == 1 else plural}"


def output_width(out: TextIO) -> int | None:
    """The width to fit: ``COLUMNS`` when it is a positive number, else the terminal's; None when piped."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if out.isatty():
            return os.get_terminal_size(out.fileno()).columns
    except (AttributeError, OSError, ValueError):
        pass
    return None


def render(report: Report, out: TextIO, *, compact: bool = False, width: int | None = None) -> None:
    """Write ``report`` for people; ``width`` overrides :func:`output_width`."""
    if compact:
        lines = compact_lines(report)
    else:
        lines = table_lines(report, width=width if width is not None else output_width(out), symbols=True)
    if not is_terminal(out):  # what rich writes there too: the plain text, a line each
        out.write("".join(f"{line.plain}\n" for line in lines))
        return
    from rich.console import Console

    console = Console(file=out, highlight=False, markup=False, emoji=False, soft_wrap=True)
    for line in lines:
        console.print(line.rich())


def is_terminal(out: TextIO) -> bool:
    """Whether rich's console would style ``out``: ``TTY_COMPATIBLE=1``/``0`` says so, else a non-empty
    ``FORCE_COLOR`` (https://force-color.org/), else whether ``out`` is a terminal (rich's ``is_terminal``)."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return out.isatty()
    except (AttributeError, ValueError):  # no such method, or a closed file
        return False


#: The control codes rich's ``Text`` drops from the text it is given (bell, backspace, vertical tab, form
#: feed, carriage return); text from documents has them spelled out before (see :func:`plain`).
_DROPPED = dict.fromkeys((7, 8, 11, 12, 13))


class Line:
    """One line of the table and its styles, built without rich (importing rich costs a cold start about 20 ms).

    The part of rich's ``Text`` the table uses, with the same plain text: a line is written as it is when the
    output is not a terminal, as rich writes it there; for a terminal, :meth:`rich` repeats the same steps on
    a rich ``Text``, so the styles are those rich gives them.
    """

    __slots__ = ("_steps", "plain")

    def __init__(self, text: str = "", style: str = "") -> None:
        self.plain = text.translate(_DROPPED)
        self._steps: list[tuple[str, Any, Any]] = [("text", text, style)]

    def append(self, text: str, style: str = "") -> Line:
        self.plain += text.translate(_DROPPED)
        self._steps.append(("append", text, style))
        return self

    def __add__(self, other: Line) -> Line:
        joined = Line()
        joined.plain = self.plain + other.plain
        joined._steps = [*self._steps, ("join", tuple(other._steps), None)]
        return joined

    def __getitem__(self, index: slice) -> Line:
        part = Line()
        part.plain = self.plain[index]
        part._steps = [("slice", tuple(self._steps), index)]
        return part

    def rich(self) -> Text:
        """This line as a rich ``Text``: the same steps, taken by rich."""
        return _replay(self._steps)


def _replay(steps: Iterable[tuple[str, Any, Any]]) -> Text:
    from rich.text import Text

    text = Text()
    for step, value, detail in steps:
        if step == "text":
            text = Text(value, style=detail)
        elif step == "append":
            text.append(value, style=detail)
        elif step == "join":
            text = text + _replay(value)
        else:
            text = _replay(value)[detail]
    return text


def plain(text: str) -> str:
    """Text from a document or a rule, safe to print: control characters spelled out."""
    return escape_control_characters(text)


# --- the grouped view ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    finding: Finding
    rule: str
    status: str
    path: str
    line: str
    message: str


def table_lines(report: Report, *, width: int | None, symbols: bool = True) -> list[Line]:
    """Every line of the grouped view, styled; none is wider than ``width`` unless one token is."""
    labels = LABELS.get(report.lang, LABELS["en"])
    lines: list[Line] = []
    shortened = False
    for file, documents in _grouped(report.findings):
        lines.append(Line(plain(file), style="bold"))
        for (kind, document_id), findings in documents:
            lines.append(Line(f"  {kind} {plain(document_id)}", style="bold dim"))
            rows, cut = _finding_lines([_row(f, labels) for f in findings], width, symbols=symbols)
            shortened |= cut
            lines.extend(rows)
    remediations = _remediations(report)
    if remediations:
        lines.append(Line())
        lines.append(Line(labels["fix"], style="bold"))
        for rule_id, text in remediations:
            lines.extend(_wrapped(Line(f"  {rule_id}  ", style="bold") + Line(plain(text)), width, indent=4))
    waivers = _waivers(report, labels)
    if waivers:
        lines.append(Line())
        lines.append(Line(labels["waivers"], style="bold"))
        for text in waivers:
            lines.extend(_wrapped(Line(f"  {text}"), width, indent=4))
    if report.baseline is not None and report.baseline.disappeared:
        lines.append(Line())
        gone = report.baseline.disappeared
        heading = f"{labels['baseline_file']} {plain(report.baseline.file)}: {len(gone)} {labels['disappeared']}"
        lines.extend(_wrapped(Line(heading), width, indent=2))
        for entry in gone:
            lines.extend(_wrapped(Line(f"  {entry.rule} {plain(entry.document)} {plain(entry.path)}"), width, indent=4))
    if report.problems:
        lines.append(Line())
        lines.append(Line(labels["problems"], style="bold"))
        for problem in report.problems:
            lines.extend(_wrapped(_problem_text(problem), width, indent=4))
    if report.context_relaxations:
        lines.append(Line())
        lines.append(Line(labels["relaxed"], style="bold underline"))
        for relaxation in report.context_relaxations:
            lines.extend(_wrapped(Line(f"▼ {plain(relaxation.describe())}", style="yellow"), width, indent=2))
    for notice in report.notices:
        lines.extend(_wrapped(Line(f"! {plain(notice.message)}", style="bold yellow"), width, indent=2))
    if lines:
        lines.append(Line())
    if not report.findings and not report.problems and not report.notices:
        lines.append(Line(labels["clean"]))
    applied = [
        f"{labels[label]} {plain(file)}"
        for label, file in (("config_file", report.config_file), ("waiver_file", report.waivers_file))
        if file
    ]
    if applied:  # which files configured the run, beside what it found
        lines.extend(_wrapped(Line("; ".join(applied), style="dim"), width, indent=0))
    if shortened and width is not None:
        lines.extend(_wrapped(Line(labels["shortened"].format(width=width), style="dim"), width, indent=0))
    lines.extend(_wrapped(Line(summary_line(report)), width, indent=0))
    return lines


def summary_line(report: Report) -> str:
    """``25 documents, 50 findings (44 blocking), 0 problems; evaluated as of ...; exit code 1``."""
    labels = LABELS.get(report.lang, LABELS["en"])
    lang = report.lang
    summary = report.summary()
    details = [f"{summary['blocking']} {labels['blocking']}"]
    if summary["waived"]:
        details.append(f"{summary['waived']} {labels['waived']}")
    if summary["baselined"]:
        details.append(f"{summary['baselined']} {labels['baselined']}")
    findings = count(summary["findings"], "finding", lang)
    if summary["findings"]:
        findings += f" ({', '.join(details)})"
    return (
        f"{count(summary['documents'], 'document', lang)}, {findings}, {count(summary['problems'], 'problem', lang)}; "
        f"{labels['as_of']} {report.as_of}; {labels['exit']} {summary['exit_code']}"
    )


def _grouped(findings: Iterable[Finding]) -> list[tuple[str, list[tuple[tuple[str, str], list[Finding]]]]]:
    """Findings by file, then by document, in report order."""
    files: dict[str, dict[tuple[str, str], list[Finding]]] = {}
    for finding in findings:
        files.setdefault(finding.file, {}).setdefault((finding.kind, finding.document_id), []).append(finding)
    return [(file, list(documents.items())) for file, documents in files.items()]


def _row(finding: Finding, labels: Mapping[str, str]) -> _Row:
    if finding.is_waived:
        status = labels["waived_status"]
    elif finding.baselined:
        status = labels["baselined_status"]
    else:
        status = labels.get(str(finding.status), str(finding.status))
    line = "" if finding.line is None else f":{finding.line}"
    return _Row(finding, finding.rule_id, status, plain(finding.json_path), line, plain(finding.message))


def _finding_lines(rows: Sequence[_Row], width: int | None, *, symbols: bool) -> tuple[list[Line], bool]:
    """The lines of one document's findings, messages aligned, and whether any had to be shortened."""
    rule_width = max(cell_len(r.rule) for r in rows)
    status_width = max(cell_len(r.status) for r in rows)
    head_width = 4 + (2 if symbols else 0) + rule_width + 2 + status_width + 2
    where_width = max(cell_len(r.path + r.line) for r in rows)
    if width is not None:
        where_width = min(where_width, max(width - head_width - 2 - MIN_MESSAGE, MIN_WHERE))
    lines, cut = [], False
    for row in rows:
        finding = row.finding
        style = "dim" if finding.is_accepted else STYLES.get(finding.severity, "")
        line = Line("    ")
        line.append(f"{SYMBOLS.get(finding.severity, '?')} " if symbols else "", style=style)
        line.append(row.rule.ljust(rule_width), style=style)
        line.append("  " + row.status.ljust(status_width) + "  ")
        path = row.path
        if cell_len(path + row.line) > where_width:
            path, cut = _elide_path(path, where_width - cell_len(row.line)), True
        line.append(path, style="cyan")
        line.append(row.line, style="dim")
        line.append(" " * max(where_width - cell_len(path + row.line), 0) + "  ")
        message = row.message
        if width is not None and cell_len(line.plain + message) > width:
            message, cut = _shorten(message, max(width - cell_len(line.plain), 1)), True
        lines.append(line + Line(message))
    return lines, cut


_SEGMENT = re.compile(r"\.[^.\[]+|\[[^\]]*\]|^\$")


def _elide_path(path: str, room: int) -> str:
    """``path`` without as many leading segments as needed to fit ``room`` (``…lookalike.origin_ref``); the
    last named segment and the indices after it are always kept whole."""
    segments = _SEGMENT.findall(path)
    if "".join(segments) != path or len(segments) < 2:
        return path  # not a path of ours: show it whole rather than guess its segments
    last_named = max(i for i, segment in enumerate(segments) if not segment.startswith("["))
    for start in range(1, last_named + 1):
        tail = ELLIPSIS + "".join(segments[start:]).removeprefix(".")
        if cell_len(tail) <= room or start == last_named:
            return tail
    return path


def _shorten(text: str, room: int) -> str:
    """``text`` cut to ``room`` columns with an ellipsis, at a space when one is near."""
    if cell_len(text) <= room:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > room - 1:
            break
        out += char
    space = out.rfind(" ")
    if space >= len(out) * 2 // 3:
        out = out[:space]
    return out.rstrip() + ELLIPSIS


def _wrapped(text: Line, width: int | None, *, indent: int) -> list[Line]:
    """``text`` wrapped at spaces to ``width`` (continuation lines indented); a longer word stays whole."""
    if width is None or cell_len(text.plain) <= width:
        return [text]
    lines: list[Line] = []
    current = Line()
    position = 0
    for match in re.finditer(r"\S+", text.plain):
        word, gap = text[match.start() : match.end()], text[position : match.start()]
        position = match.end()
        if current.plain.strip() and cell_len(current.plain + gap.plain + word.plain) > width:
            lines.append(current)
            current = Line(" " * indent) + word
        else:
            current = current + gap + word
    lines.append(current)
    return lines


def _remediations(report: Report) -> list[tuple[str, str]]:
    """Each failing rule's remediation, once, by rule id (accepted findings need no fix now)."""
    seen: dict[str, str] = {}
    for finding in report.findings:
        if finding.remediation and not finding.is_accepted:
            seen.setdefault(finding.rule_id, finding.remediation)
    return sorted(seen.items())


def _waivers(report: Report, labels: Mapping[str, str]) -> list[str]:
    seen: dict[str, str] = {}
    for finding in report.findings:
        waiver = finding.waiver
        if waiver is None:
            continue
        key = str(waiver.get("id") or waiver.get("reason"))
        details = [str(waiver["id"])] if waiver.get("id") else []
        if waiver.get("owner"):
            details.append(f"{labels['owner']} {waiver['owner']}")
        if waiver.get("expires"):
            details.append(f"{labels['until']} {waiver['expires']}")
        seen.setdefault(key, plain(", ".join(details) + f": {waiver.get('reason') or ''}"))
    return list(seen.values())


def _problem_text(problem: Problem) -> Line:
    text = Line("  ")
    text.append("✖ " if problem.exit_code == 3 else "! ", style="bold magenta")
    if problem.location:  # a problem of the whole run (nothing to check) has no file
        text.append(f"{plain(problem.location)}  ", style="bold")
    if problem.path is not None:
        text.append(f"{plain(json_path(problem.path))}  ", style="cyan")
    text.append(plain(problem.message))
    if problem.hint:
        text.append(f" ({plain(problem.hint)})", style="dim")
    return text


# --- the compact view ----------------------------------------------------------------------------------------


def compact_lines(report: Report) -> Sequence[Line]:
    """What fails the run, one line each: blocking findings, then problems."""
    labels = LABELS.get(report.lang, LABELS["en"])
    lines = []
    for finding in report.blocking:
        where = ":".join(str(p) for p in (finding.file, finding.line, finding.column) if p is not None)
        status = labels.get(str(finding.status), str(finding.status))
        line = Line(f"{plain(where)}: ")
        line.append(finding.rule_id, style=STYLES.get(finding.severity, ""))
        line.append(f" {status}: {plain(finding.message)} ")
        line.append(f"[{plain(finding.json_path)}]", style="dim")
        lines.append(line)
    for problem in report.problems:
        line = Line(f"{plain(problem.location or '-')}: ")
        line.append(f"{problem.kind}", style="bold magenta")
        where = f" [{plain(json_path(problem.path))}]" if problem.path is not None else ""
        line.append(f": {plain(problem.message)}{where}")
        lines.append(line)
    return lines
