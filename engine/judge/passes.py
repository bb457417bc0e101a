"""One pass over a report's findings that applies the run's decisions to each finding as it streams by.

The rule selection, the waivers and the baseline each decide about one finding at a time (a
:class:`Decider`): drop it, or return it (waived, baselined, or as it was). :func:`apply_deciders` streams
the report's findings through them in order, once, writing the decided findings as they come (a large
run's to a spool file, see :mod:`ethiq.engine.spool`) and noting per document only what its verdict needs, so
a run with a million findings never holds them all. What a decider can say only at the end (an unused
waiver's notice, a refused entry, the baseline's outcome) it says after the pass; a notice it adds goes
through the deciders after it, as if it had been among the findings.

Verdicts follow the findings: when a decider dropped findings, a judged document that failed, needs review
or warned is judged again on the findings kept; then a document that fails or needs review and has an
accepted finding (waived or baselined) keeps the verdict of its findings nobody accepted, or passes with
findings (``warn``).
"""

from __future__ import annotations

import dataclasses
import sys
from array import array
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from ..report import DocumentResult, Finding, FindingStore, Problem, Report, Status, Verdict
from ..spool import FindingWriter


class Decider(Protocol):
    """One decision of a run, applied to one finding at a time."""

    @property
    def accepts(self) -> bool:
        """Whether it may accept findings (so verdicts follow what it accepted)."""
        ...

    def decide(self, finding: Finding) -> Finding | None:
        """``finding`` as decided, or None to drop it from the report."""
        ...

    def added(self) -> list[Finding]:
        """Findings it adds after the pass (notices), in report order; called once."""
        ...

    def problems(self) -> list[Problem]:
        """What it refused, after the pass."""
        ...

    def fields(self) -> dict[str, Any]:
        """The report's fields it sets, after the pass (the waiver file, the baseline's outcome)."""
        ...


# What one document's findings add up to, as bits: enough to give its verdict again.
_ANY, _BLOCK_REVIEW, _BLOCK_FAIL = 1, 2, 4  # among the findings kept
_ACCEPTED, _OPEN_REVIEW, _OPEN_FAIL = 8, 16, 32  # accepted findings; block findings nobody accepted


def apply_deciders(report: Report, deciders: Sequence[Decider], *, dropped: bool = False) -> Report:
    """``report`` with each finding decided by ``deciders`` in order (a new report); ``dropped``: a decider
    may drop findings, so judged documents' verdicts are given again from the findings kept."""
    if not deciders:
        return report
    accepting = any(decider.accepts for decider in deciders)
    # Only a document that failed, needs review or warned can change its verdict: its flags are kept by slot.
    slots = {
        (result.id, result.kind, result.file): slot
        for slot, result in enumerate(report.documents)
        if result.verdict in (Verdict.FAIL, Verdict.NEEDS_REVIEW, Verdict.WARN)
    }
    flags = array("B", bytes(len(report.documents)))
    in_store = isinstance(report.findings, FindingStore)
    writer = FindingWriter(order=None, hold=0 if in_store else sys.maxsize)

    def keep(finding: Finding) -> None:
        slot = slots.get((finding.document_id, finding.kind, finding.file))
        if slot is not None:
            flags[slot] |= _flags(finding)
        writer.add(finding)

    try:
        for finding in report.findings:
            decided = _through(deciders, finding)
            if decided is not None:
                keep(decided)
        for position, decider in enumerate(deciders):
            for notice in decider.added():
                decided = _through(deciders[position + 1 :], notice)
                if decided is not None:
                    keep(decided)
        findings = writer.finish()
    except BaseException:
        writer.discard()
        raise
    problems = [*report.problems]
    fields: dict[str, Any] = {}
    for decider in deciders:
        problems.extend(decider.problems())
        fields.update(decider.fields())
    documents = _reverdict(report.documents, slots, flags, dropped=dropped, accepting=accepting)
    return dataclasses.replace(report, findings=findings, documents=documents, problems=problems, **fields)


def _through(deciders: Iterable[Decider], finding: Finding) -> Finding | None:
    for decider in deciders:
        decided = decider.decide(finding)
        if decided is None:
            return None
        finding = decided
    return finding


def _flags(finding: Finding) -> int:
    bits = _ANY
    block = finding.severity == "block"
    if block:
        bits |= _BLOCK_FAIL if finding.status == Status.FAIL else _BLOCK_REVIEW
    if finding.is_accepted:
        bits |= _ACCEPTED
    elif block:
        bits |= _OPEN_FAIL if finding.status == Status.FAIL else _OPEN_REVIEW
    return bits


def _reverdict(
    results: Sequence[DocumentResult], slots: dict[Any, int], flags: array[int], *, dropped: bool, accepting: bool
) -> Sequence[DocumentResult]:
    if not dropped and not accepting:
        return results
    out = list(results)
    for slot in slots.values():
        result, bits = out[slot], flags[slot]
        verdict = result.verdict
        if dropped:
            verdict = _verdict(bits & _BLOCK_FAIL, bits & _BLOCK_REVIEW, bits & _ANY)
        if accepting and verdict in (Verdict.FAIL, Verdict.NEEDS_REVIEW) and bits & _ACCEPTED:
            verdict = _verdict(bits & _OPEN_FAIL, bits & _OPEN_REVIEW, True)
        if verdict != result.verdict:
            out[slot] = dataclasses.replace(result, verdict=verdict)
    return out


def _verdict(fail: int, review: int, warn: int | bool) -> Verdict:
    """:func:`~ethiq.engine.judge.findings.verdict_of` from what the findings add up to."""
    if fail:
        return Verdict.FAIL
    if review:
        return Verdict.NEEDS_REVIEW
    return Verdict.WARN if warn else Verdict.PASS
