"""``--format html``: the data-protection officer's report as one self-contained HTML page.

Inline CSS, no script, no image, no font or stylesheet to fetch (a Content-Security-Policy forbids every
external load), so the file can be mailed, archived and opened offline; it prints on A4. Every text from a
document, a waiver or a rule is HTML-escaped, and its control characters shown as escapes. Sections are those
of :mod:`.dpo`, in the report's language (``--lang``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import TextIO

from ethiq.engine import Report, RuleSource

from .dpo import DpoView, escape_control_characters, is_passed, severity_counts, shown_file, view_of, where

CSS = """
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; --block: #b42318; --warn: #9a6700;
  --info: #0969da; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: var(--ink); background: #fff; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
.subtitle, .muted { color: var(--muted); }
.verdict { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; padding: .8rem 1rem; border-radius: 8px;
  border: 2px solid var(--block); background: #fff5f5; }
.verdict.passed { border-color: var(--ok); background: #f0fff4; }
.verdict strong { font-size: 1.35rem; }
nav ol { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: 0; margin: .5rem 0 0; list-style: none; }
nav a { color: var(--info); }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--bg); font-weight: 600; }
table.facts th { width: 14rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: .88em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: break-word; }
code.id, time, td.num { white-space: nowrap; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 1rem; font-size: .8rem; font-weight: 600;
  color: #fff; background: var(--muted); white-space: nowrap; }
.badge.block, .state.blocking { background: var(--block); }
.badge.warn { background: var(--warn); }
.badge.info { background: var(--info); }
.badge.ok { background: var(--ok); }
blockquote { margin: .4rem 0; padding: .3rem .9rem; border-left: 4px solid var(--line); background: var(--bg); }
.rule { border: 1px solid var(--line); border-radius: 8px; padding: .2rem 1rem .4rem; margin: 1rem 0; }
.rule h3 { margin-top: .8rem; }
footer { margin-top: 2.5rem; padding-bottom: 2rem; font-size: .85rem; color: var(--muted);
  border-top: 1px solid var(--line); padding-top: .8rem; }
@media print { body { font-size: 11pt; } nav { display: none; } .rule { break-inside: avoid; } }
"""


def e(value: object) -> str:
    """Text as HTML: escaped for elements and quoted attributes, control characters made visible."""
    return html.escape(escape_control_characters(str(value)), quote=True)


def ident(value: object) -> str:
    """An identifier (rule, document or waiver id): never broken across lines."""
    return f'<code class="id">{e(value)}</code>'


def place(value: object) -> str:
    """A file path, ``file:line`` or JSON path: may break after ``/``, ``.`` or ``[``, never inside a name."""
    return "<code>" + re.sub(r"([/.\[])", r"\1<wbr>", e(value)) + "</code>"


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]], *, numeric: Iterable[int] = ()) -> str:
    """A table of already-escaped cells; columns in ``numeric`` are right-aligned."""
    right = set(numeric)
    head = "".join(f'<th scope="col"{" class=num" if i in right else ""}>{h}</th>' for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f"<td{' class=num' if i in right else ''}>{c}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _badge(severity: str, view: DpoView) -> str:
    return f'<span class="badge {e(severity)}">{e(view.t(f"severity_{severity}"))}</span>'


def _summary(view: DpoView) -> str:
    report = view.report
    t = view.t
    severities = ", ".join(f"{_badge(s, view)} {n}" for s, n in severity_counts(report))
    baseline = report.baseline.file if report.baseline is not None else None
    facts = [
        (t("outcome"), f"<strong>{e(view.verdict)}</strong>"),
        (t("as_of"), f"<time datetime='{e(report.as_of)}'>{e(report.as_of)}</time>"),
        (t("documents"), f"{len(report.documents)} ({e(view.verdicts_text())})"),
        (t("findings"), str(len(report.findings))),
        (t("by_severity"), severities),
        (t("blocking"), str(view.counts["blocking"])),
        (t("waived"), str(view.counts["waived"])),
        (t("baselined"), str(view.counts["baselined"])),
        (t("problems"), str(len(report.problems))),
        (t("fail_on"), e(t("fail_on_value", fail_on=t(f"severity_{report.fail_on}")))),
        (
            t("waiver_file"),
            f"<code>{e(shown_file(report.waivers_file))}</code>" if report.waivers_file else e(t("none")),
        ),
        (t("baseline_file"), f"<code>{e(shown_file(baseline))}</code>" if baseline else e(t("none"))),
        (t("config_file"), f"<code>{e(shown_file(report.config_file))}</code>" if report.config_file else e(t("none"))),
        (t("commit"), e(view.commit_text())),
        (t("versions"), f"ethiq {e(_version())}, {e(report.engine or '-')}"),
        *((t("relaxed"), e(relaxation.describe())) for relaxation in report.context_relaxations),
        *((t("notice"), e(notice.message)) for notice in report.notices),
    ]
    rows = "".join(f'<tr><th scope="row">{e(k)}</th><td>{v}</td></tr>' for k, v in facts)
    return (
        f'<section id="summary"><h2>{e(t("summary"))}</h2><table class="facts"><tbody>{rows}</tbody></table></section>'
    )


def _deadlines(view: DpoView) -> str:
    t = view.t
    start, end = view.report.as_of, view.horizon_end
    out = [f'<section id="deadlines"><h2>{e(t("deadlines", days=view.horizon_days))}</h2>']
    if not view.deadlines:
        out.append(f"<p>{e(t('deadlines_none', start=start, end=end))}</p></section>")
        return "".join(out)
    out.append(f'<p class="muted">{e(t("deadlines_intro", start=start, end=end))}</p>')
    rows = [
        (
            f"<time datetime='{e(d.date)}'>{e(d.date)}</time>",
            e(view.in_days(d.days)),
            e(t(f"deadline_{d.kind}")),
            ident(d.subject),
            place(where(d.file, d.line)),
            e(d.detail),
        )
        for d in view.deadlines
    ]
    headers = [e(t(k)) for k in ("date", "in_days", "what", "subject", "where", "detail")]
    out.append(_table(headers, rows, numeric=[1]))
    out.append("</section>")
    return "".join(out)


def _source(source: RuleSource, view: DpoView) -> str:
    ref = f"<strong>{e(source.ref)}</strong>"
    if source.url:
        ref = f'<a href="{e(source.url)}" rel="noreferrer noopener">{ref}</a>'
    if source.sv and source.is_seed:
        text = f'{ref} ({e(view.t("seed_original"))}):<blockquote lang="sv">{e(source.sv)}</blockquote>'
        if view.lang != "sv" and source.en:
            text += f'<p lang="en" class="muted">{e(source.en)}</p>'
        return f"<li>{text}</li>"
    gloss = source.sv if view.lang == "sv" and source.sv else source.en
    return f"<li>{ref}{': ' + e(gloss) if gloss else ''}</li>"


def _findings(view: DpoView) -> str:
    t = view.t
    out = [f'<section id="findings"><h2>{e(t("findings_by_rule"))}</h2>']
    if not view.groups:
        out.append(f"<p>{e(' '.join(n.message for n in view.report.notices) or t('findings_none'))}</p>")
    for group in view.groups:
        anchor = "rule-" + "".join(c if c.isalnum() else "-" for c in group.rule_id)
        out.append(f'<article class="rule" id="{e(anchor)}">')
        out.append(f"<h3><code>{e(group.rule_id)}</code> {e(group.title)}</h3>")
        meta = f"{e(t('severity'))}: {_badge(group.severity, view)}"
        if group.non_waivable:
            meta += f" · <strong>{e(t('non_waivable'))}</strong>"
        out.append(f"<p>{meta}</p>")
        if group.sources:
            items = "".join(_source(s, view) for s in group.sources)
            out.append(f"<p><strong>{e(t('sources'))}</strong></p><ul>{items}</ul>")
        if group.remediation:
            out.append(f"<p><strong>{e(t('remediation'))}:</strong> {e(group.remediation)}</p>")
        rows = []
        for f in group.findings:
            state = view.state_of(f)
            css = "badge block" if f.blocks_at(view.report.fail_on) else "badge"
            rows.append(
                (
                    ident(f.document_id),
                    place(where(f.file, f.line, f.column)) + "<br>" + place(f.json_path),
                    e(t(f"status_{f.status}")),
                    e(f.message) + (f"<br><span class=muted>{e(' → '.join(f.trace))}</span>" if f.trace else ""),
                    f'<span class="{css}">{e(state)}</span>',
                )
            )
        headers = [e(t(k)) for k in ("document", "where", "status", "message", "state")]
        out.append(_table(headers, rows))
        out.append("</article>")
    out.append("</section>")
    return "".join(out)


def _problems(view: DpoView) -> str:
    t = view.t
    out = [f'<section id="problems"><h2>{e(t("problems"))}</h2>']
    if not view.problems:
        out.append(f"<p>{e(t('problems_none'))}</p></section>")
        return "".join(out)
    rows = [
        (
            f"<code>{e(p.kind)}</code>",
            place(where(p.file, p.line, p.column)),
            ident(p.document_id or ""),
            e(p.message),
            e(p.hint),
        )
        for p in view.problems
    ]
    headers = [e(t(k)) for k in ("kind", "where", "document", "message", "hint")]
    out.append(_table(headers, rows))
    out.append("</section>")
    return "".join(out)


def _waivers(view: DpoView) -> str:
    t = view.t
    out = [f'<section id="waivers"><h2>{e(t("waivers"))}</h2>']
    if view.waivers is None:
        out.append(f"<p>{e(t('waivers_none'))}</p></section>")
        return "".join(out)
    if not view.waivers:
        out.append(f"<p>{e(t('waivers_empty'))}</p></section>")
        return "".join(out)
    rows = []
    for row in view.waivers:
        w = row.waiver
        if row.state == "applied":
            state = t("applied_one") if row.findings == 1 else t("applied", n=row.findings)
        else:
            state = t(row.state)
        css = (
            "badge ok" if row.state == "applied" else "badge block" if row.state in ("expired", "refused") else "badge"
        )
        rows.append(
            (
                ident(w.id) + "<br>" + place(where(w.file, w.line)),
                ident(w.rule),
                ", ".join(ident(d) for d in w.documents),
                e(w.owner),
                f"<time datetime='{e(w.expires.isoformat())}'>{e(w.expires.isoformat())}</time>",
                e(w.reason),
                f'<span class="{css}">{e(state)}</span>',
            )
        )
    headers = [e(t(k)) for k in ("waiver", "rule", "documents", "owner", "expires", "reason", "state")]
    out.append(_table(headers, rows))
    out.append("</section>")
    return "".join(out)


def _version() -> str:
    from ethiq import __version__

    return __version__


def render(report: Report, out: TextIO) -> None:
    view = view_of(report)
    t = view.t
    sections = [
        ("summary", t("summary")),
        ("deadlines", t("deadlines", days=view.horizon_days)),
        ("findings", t("findings_by_rule")),
        ("problems", t("problems")),
        ("waivers", t("waivers")),
    ]
    nav = "".join(f'<li><a href="#{key}">{e(title)}</a></li>' for key, title in sections)
    verdict_class = "verdict passed" if is_passed(report) else "verdict"
    counts = f"{len(report.documents)} {t('documents').lower()} · {len(report.findings)} {t('findings').lower()}"
    counts += f" · {view.counts['blocking']} {t('blocking').lower()}"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(view.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing outside this file may load: no script, no image, no stylesheet, no font, no frame.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="generator" content="ethiq">',
        f"<title>{e(t('title'))} · {e(report.as_of)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{e(t('title'))}</h1>",
        f'<p class="subtitle">{e(t("subtitle"))}</p>',
        f'<div class="{verdict_class}" role="status"><strong>{e(view.verdict)}</strong>'
        f"<span>{e(t('as_of'))} <time datetime='{e(report.as_of)}'>{e(report.as_of)}</time> · {e(counts)}</span></div>",
        f'<nav aria-label="{e(t("contents"))}"><ol>{nav}</ol></nav>',
        "</header>",
        "<main>",
        _summary(view),
        _deadlines(view),
        _findings(view),
        _problems(view),
        _waivers(view),
        "</main>",
        f"<footer><p>{e(view.footer())}</p></footer>",
        "</body>",
        "</html>",
    ]
    out.write("\n".join(parts))
    out.write("\n")
