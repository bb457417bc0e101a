"""Rule selection: which rules a run reports (``--rule`` / ``--skip-rule``, ``rules=`` / ``skip_rules=``).

A pattern names rules by id (``DAT-005``), by glob over ids (``DAT-*``, ``*-01?``) or by the document kind
they judge (``vendor``, ``data_source``); ids and globs ignore case. Without ``rules`` every rule is
selected; ``skip_rules`` then removes what it names. Non-waivable rules (the code of conduct's absolute
bans) are always reported: naming one by id in ``skip_rules`` is a usage error, and a glob or kind that
covers one leaves it selected. A pattern that names no rule is a usage error (with the nearest ids), so a
typo never silently narrows a gate.

Findings of unselected rules are dropped from the report and document verdicts recomputed from what
remains; input and policy problems are never dropped.
"""

from __future__ import annotations

import dataclasses
import difflib
import fnmatch
from collections.abc import Iterable, Mapping, Sequence

from ..errors import UsageError
from ..report import DocumentResult, Finding, Report, RuleMeta, Verdict
from .findings import verdict_of


def _matches(pattern: str, rule: RuleMeta) -> bool:
    return fnmatch.fnmatchcase(rule.id.upper(), pattern.upper()) or pattern in rule.kinds


def _check_pattern(pattern: str, catalog: Mapping[str, RuleMeta], flag: str) -> list[RuleMeta]:
    if not pattern.strip():
        raise UsageError(f"{flag} takes a rule id, a glob over ids or a document kind, not an empty value")
    matched = [rule for rule in catalog.values() if _matches(pattern, rule)]
    if not matched:
        kinds = sorted({kind for rule in catalog.values() for kind in rule.kinds})
        close = difflib.get_close_matches(pattern.upper(), sorted(catalog), n=3) or difflib.get_close_matches(
            pattern, kinds, n=3
        )
        hint = f"; did you mean {', '.join(close)}?" if close else f" (kinds: {', '.join(kinds)})"
        raise UsageError(f"{flag} {pattern!r} names no rule{hint}")
    return matched


def select_rules(
    catalog: Mapping[str, RuleMeta], rules: Sequence[str] = (), skip_rules: Sequence[str] = ()
) -> frozenset[str] | None:
    """The ids of the selected rules, or None when every rule is (neither list given)."""
    if not rules and not skip_rules:
        return None
    selected: set[str] = set()
    if rules:
        for pattern in rules:
            selected.update(rule.id for rule in _check_pattern(pattern, catalog, "--rule"))
    else:
        selected = set(catalog)
    for pattern in skip_rules:
        for rule in _check_pattern(pattern, catalog, "--skip-rule"):
            if rule.non_waivable and rule.id.upper() == pattern.upper():
                raise UsageError(
                    f"--skip-rule {pattern}: {rule.id} is non-waivable: the code of conduct admits no exception, "
                    "so no run may leave it out"
                )
            if not rule.non_waivable:
                selected.discard(rule.id)
    selected.update(rule.id for rule in catalog.values() if rule.non_waivable)
    return frozenset(selected)


def apply_selection(report: Report, selected: Iterable[str] | None) -> Report:
    """``report`` without the findings of unselected rules, its document verdicts recomputed."""
    if selected is None:
        return report
    keep = frozenset(selected)
    findings = [f for f in report.findings if f.rule_id in keep or f.rule_id not in report.rules]
    if len(findings) == len(report.findings):
        return report
    return dataclasses.replace(report, findings=findings, documents=_reverdict(report.documents, findings))


def _reverdict(results: Iterable[DocumentResult], findings: Sequence[Finding]) -> list[DocumentResult]:
    own: dict[tuple[str | None, str | None, str], list[Finding]] = {}
    for finding in findings:
        own.setdefault((finding.document_id, finding.kind, finding.file), []).append(finding)
    out = []
    for result in results:
        if result.verdict not in (Verdict.FAIL, Verdict.NEEDS_REVIEW, Verdict.WARN):
            out.append(result)  # passed, invalid or errored: nothing a selection changes
            continue
        verdict = verdict_of(own.get((result.id, result.kind, result.file), []))
        out.append(dataclasses.replace(result, verdict=verdict))
    return out
