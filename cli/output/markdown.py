"""``--format markdown``: the data-protection officer's report as CommonMark / GitHub-flavoured Markdown.

The same sections as ``html`` (:mod:`.dpo`), for a pull request, a wiki or a ticket. Text from documents,
waivers and rules is Markdown-escaped, kept on one line inside table cells, and its control characters shown
as escapes; identifiers are set as code spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

from ethiq.engine import Report, RuleSource

from .common import escape_markdown
from .dpo import DpoView, escape_control_characters, severity_counts, shown_file, view_of, where


def md(value: object) -> str:
    """Plain text as Markdown on one line: control characters visible, markup escaped."""
    text = " ".join(escape_control_characters(str(value)).split())
    return escape_markdown(text)


def code(value: object) -> str:
    """A code span that no backtick in ``value`` can close early (CommonMark: a longer fence)."""
    text = " ".join(escape_control_characters(str(value)).split()).replace("|", "\\|")
    if not text:
        return ""
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, numeric: Iterable[int] = ()) -> list[str]:
    right = set(numeric)
    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---:" if i in right else "---" for i in range(len(headers))) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _source(source: RuleSource, view: DpoView) -> list[str]:
    ref = f"[**{md(source.ref)}**](<{source.url}>)" if source.url and ">" not in source.url else f"**{md(source.ref)}**"
    if source.sv and source.is_seed:
        lines = [f"- {ref} ({md(view.t('seed_original'))}):", "", f"  > {md(source.sv)}", ""]
        if view.lang != "sv" and source.en:
            lines += [f"  {md(source.en)}", ""]
        return lines
    gloss = source.sv if view.lang == "sv" and source.sv else source.en
    return [f"- {ref}" + (f": {md(gloss)}" if gloss else "")]


def render(report: Report, out: TextIO) -> None:
    view = view_of(report)
    t = view.t
    lines: list[str] = [f"# {md(t('title'))}", "", md(t("subtitle")), ""]
    lines += [f"**{md(t('outcome'))}: {md(view.verdict)}** · {md(t('as_of'))} {report.as_of}", ""]
    for section in (_summary, _deadlines, _findings, _problems, _waivers):
        lines += section(view)
    lines += ["---", "", md(view.footer())]
    out.write("\n".join(lines).rstrip("\n") + "\n")


def _summary(view: DpoView) -> list[str]:
    report = view.report
    t = view.t
    lines: list[str] = []
    lines += [f"## {md(t('summary'))}", ""]
    severities = ", ".join(f"{md(t(f'severity_{s}'))} {n}" for s, n in severity_counts(report))
    baseline = report.baseline.file if report.baseline is not None else None
    facts = [
        (t("outcome"), f"**{md(view.verdict)}**"),
        (t("as_of"), report.as_of),
        (t("documents"), f"{len(report.documents)} ({md(view.verdicts_text())})"),
        (t("findings"), str(len(report.findings))),
        (t("by_severity"), severities),
        (t("blocking"), str(view.counts["blocking"])),
        (t("waived"), str(view.counts["waived"])),
        (t("baselined"), str(view.counts["baselined"])),
        (t("problems"), str(len(report.problems))),
        (t("fail_on"), md(t("fail_on_value", fail_on=t(f"severity_{report.fail_on}")))),
        (t("waiver_file"), code(shown_file(report.waivers_file)) if report.waivers_file else md(t("none"))),
        (t("baseline_file"), code(shown_file(baseline)) if baseline else md(t("none"))),
        (t("config_file"), code(shown_file(report.config_file)) if report.config_file else md(t("none"))),
        (t("commit"), md(view.commit_text())),
        (t("versions"), f"ethiq {md(_version())}, {md(report.engine or '-')}"),
        *((t("relaxed"), md(relaxation.describe())) for relaxation in report.context_relaxations),
        *((t("notice"), md(notice.message)) for notice in report.notices),
    ]
    lines += _table(["", ""], [(f"**{md(k)}**", v) for k, v in facts])

    return lines


def _deadlines(view: DpoView) -> list[str]:
    report = view.report
    t = view.t
    lines: list[str] = []
    start, end = report.as_of, view.horizon_end
    lines += [f"## {md(t('deadlines', days=view.horizon_days))}", ""]
    if not view.deadlines:
        lines += [md(t("deadlines_none", start=start, end=end)), ""]
    else:
        lines += [md(t("deadlines_intro", start=start, end=end)), ""]
        rows = [
            (
                d.date,
                md(view.in_days(d.days)),
                md(t(f"deadline_{d.kind}")),
                code(d.subject),
                code(where(d.file, d.line)),
                md(d.detail),
            )
            for d in view.deadlines
        ]
        lines += _table(
            [md(t(k)) for k in ("date", "in_days", "what", "subject", "where", "detail")], rows, numeric=[1]
        )

    return lines


def _findings(view: DpoView) -> list[str]:
    t = view.t
    lines: list[str] = []
    lines += [f"## {md(t('findings_by_rule'))}", ""]
    if not view.groups:
        lines += [md(" ".join(n.message for n in view.report.notices) or t("findings_none")), ""]
    for group in view.groups:
        lines += [f"### {code(group.rule_id)} {md(group.title)}", ""]
        meta = f"{md(t('severity'))}: **{md(t(f'severity_{group.severity}'))}**"
        if group.non_waivable:
            meta += f" · **{md(t('non_waivable'))}**"
        lines += [meta, ""]
        if group.sources:
            lines += [f"**{md(t('sources'))}**", ""]
            for source in group.sources:
                lines += _source(source, view)
            lines += [""]
        if group.remediation:
            lines += [f"**{md(t('remediation'))}:** {md(group.remediation)}", ""]
        rows = [
            (
                code(f.document_id),
                code(where(f.file, f.line, f.column)) + "<br>" + code(f.json_path),
                md(t(f"status_{f.status}")),
                md(f.message) + (f"<br>{md(' → '.join(f.trace))}" if f.trace else ""),
                md(view.state_of(f)),
            )
            for f in group.findings
        ]
        lines += _table([md(t(k)) for k in ("document", "where", "status", "message", "state")], rows)

    return lines


def _problems(view: DpoView) -> list[str]:
    t = view.t
    lines: list[str] = []
    lines += [f"## {md(t('problems'))}", ""]
    if not view.problems:
        lines += [md(t("problems_none")), ""]
    else:
        rows = [
            (code(p.kind), code(where(p.file, p.line, p.column)), code(p.document_id or ""), md(p.message), md(p.hint))
            for p in view.problems
        ]
        lines += _table([md(t(k)) for k in ("kind", "where", "document", "message", "hint")], rows)

    return lines


def _waivers(view: DpoView) -> list[str]:
    t = view.t
    lines: list[str] = []
    lines += [f"## {md(t('waivers'))}", ""]
    if view.waivers is None:
        lines += [md(t("waivers_none")), ""]
    elif not view.waivers:
        lines += [md(t("waivers_empty")), ""]
    else:
        rows = []
        for row in view.waivers:
            w = row.waiver
            if row.state == "applied":
                state = t("applied_one") if row.findings == 1 else t("applied", n=row.findings)
            else:
                state = t(row.state)
            rows.append(
                (
                    code(w.id),
                    code(w.rule),
                    ", ".join(code(d) for d in w.documents),
                    md(w.owner),
                    w.expires.isoformat(),
                    md(w.reason),
                    md(state),
                )
            )
        headers = [md(t(k)) for k in ("waiver", "rule", "documents", "owner", "expires", "reason", "state")]
        lines += _table(headers, rows)

    return lines


def _version() -> str:
    from ethiq import __version__

    return __version__
