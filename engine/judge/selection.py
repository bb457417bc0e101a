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
from typing import Any

from ..errors import UsageError
from ..report import Finding, Problem, Report, RuleMeta
from .passes import Decider, apply_deciders


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
    decider = selection_decider(report, selected)
    return report if decider is None else apply_deciders(report, [decider], dropped=True)


def selection_decider(report: Report, selected: Iterable[str] | None) -> Decider | None:
    """What drops the findings of rules a run left out; None when no finding of the report is dropped."""
    if selected is None:
        return None
    keep = frozenset(selected)
    rules = report.rules
    if all(key[0] in keep or key[0] not in rules for key in report.tally()):
        return None
    return _Selection(keep, frozenset(rules))


@dataclasses.dataclass(frozen=True, slots=True)
class _Selection:
    keep: frozenset[str]
    known: frozenset[str]  # the rules of the policy set: a finding of another (a notice) is never dropped
    accepts: bool = False

    def decide(self, finding: Finding) -> Finding | None:
        return finding if finding.rule_id in self.keep or finding.rule_id not in self.known else None

    def added(self) -> list[Finding]:
        return []

    def problems(self) -> list[Problem]:
        return []

    def fields(self) -> dict[str, Any]:
        return {}
