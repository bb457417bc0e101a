"""``ethiq rules`` and ``ethiq explain``: the rule catalog, from the policies' own metadata."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from ethiq.engine.evaluate import PolicySet
from ethiq.engine.report import RuleMeta


def rule_dict(meta: RuleMeta) -> dict[str, Any]:
    return {
        "id": meta.id,
        "kinds": list(meta.kinds),
        "severity": list(meta.severities),
        "title": dict(meta.title),
        "description": dict(meta.description),
        "remediation": dict(meta.remediation),
        "sources": [s.to_dict() for s in meta.sources],
        "non_waivable": meta.non_waivable,
        "verification": meta.verification,
        "effective_from": meta.effective_from,
        "effective_until": meta.effective_until,
        "package": meta.package,
        "file": meta.file,
        "line": meta.line,
    }


def sorted_rules(policy_set: PolicySet, kind: str | None = None) -> list[RuleMeta]:
    """The rules, by id; only those judging ``kind`` when given (a kind no rule judges is a usage error)."""
    kinds = sorted({k for m in policy_set.rules.values() for k in m.kinds})
    if kind is not None and kind not in kinds:
        import difflib

        from ethiq.engine.errors import UsageError

        close = difflib.get_close_matches(kind, kinds, n=1)
        hint = f"; did you mean {close[0]}?" if close else f"; the kinds are {', '.join(kinds)}"
        raise UsageError(f"--kind {kind!r}: no rule judges that kind{hint}")
    rules = [m for m in policy_set.rules.values() if kind is None or kind in m.kinds]
    return sorted(rules, key=lambda m: _sort_key(m.id))


def _sort_key(rule_id: str) -> tuple[str, int, str]:
    prefix, _, number = rule_id.rpartition("-")
    return (prefix, int(number), rule_id) if number.isdigit() else (rule_id, 0, rule_id)


def render_rules(rules: list[RuleMeta], out: TextIO, *, fmt: str, lang: str) -> None:
    if fmt == "json":
        json.dump({"rules": [rule_dict(m) for m in rules]}, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("id", "kinds", "severity", "title", "sources"):
        table.add_column(column, overflow="fold")
    for meta in rules:
        table.add_row(
            meta.id,
            ", ".join(meta.kinds),
            "/".join(meta.severities),
            meta.text("title", lang),
            ", ".join(s.ref for s in meta.sources),
        )
    Console(file=out, highlight=False, width=None if out.isatty() else 200).print(table)


def example_of(rule_id: str) -> tuple[str, str] | None:
    """A violating example from the bundled fixtures (``fixtures/rules/<ID>/deny``): (name, text)."""
    root = Path(str(resources.files("ethiq.fixtures"))) / "rules" / rule_id
    for folder in ("deny", "warn"):
        directory = root / folder
        if not directory.is_dir():
            continue
        for entry in sorted(directory.iterdir()):
            files = [entry] if entry.is_file() else sorted(p for p in entry.rglob("*") if p.is_file())
            texts = [
                f"# {p.relative_to(root)}\n{p.read_text(encoding='utf-8').rstrip()}"
                for p in files
                if p.suffix in (".yaml", ".yml", ".json")
            ]
            if texts:
                return str(entry.relative_to(root)), "\n---\n".join(texts)
    return None


def render_explain(meta: RuleMeta, out: TextIO, *, lang: str, fmt: str) -> None:
    example = example_of(meta.id)
    if fmt == "json":
        data = rule_dict(meta)
        data["messages"] = {k: dict(v) for k, v in meta.messages.items()}
        data["example"] = {"name": example[0], "text": example[1]} if example else None
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    from rich.console import Console
    from rich.markdown import Markdown

    other = "sv" if lang == "en" else "en"
    lines = [
        f"# {meta.id}: {meta.text('title', lang)}",
        "",
        f"*{meta.text('title', other)}*",
        "",
        f"- **Severity:** {'/'.join(meta.severities)}",
        f"- **Judges:** {', '.join(meta.kinds)}",
        f"- **Waivable:** {'no' if meta.non_waivable else 'yes'}",
    ]
    if meta.effective_from or meta.effective_until:
        lines.append(f"- **In force:** {meta.effective_from or '…'} to {meta.effective_until or '…'}")
    if meta.description:
        lines += ["", "## Why", "", meta.text("description", lang)]
    lines += ["", "## Sources", ""]
    for source in meta.sources:
        if source.is_seed:
            lines += [
                f"- **{source.ref}** (Liberalerna, 22 March 2018):",
                f"  > {source.sv}",
                "",
                f"  {source.en or ''}",
            ]
        else:
            lines.append(
                f"- {source.ref}" + (f": {source.en}" if source.en else "") + (f" <{source.url}>" if source.url else "")
            )
    if meta.verification:
        lines += ["", f"**Verification:** {meta.verification}"]
    lines += ["", "## Remediation", "", meta.text("remediation", lang)]
    lines += ["", "## A violating example", ""]
    if example:
        lines += [f"`{example[0]}`:", "", "```yaml", example[1], "```"]
    else:
        lines.append("(no example is bundled for this rule)")
    lines += ["", f"Defined in `{meta.file}:{meta.line}` (package `{meta.package}`)."]
    Console(file=out, highlight=False, width=None if out.isatty() else 100).print(Markdown("\n".join(lines)))
