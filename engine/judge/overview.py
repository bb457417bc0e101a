"""Judge: what the data-protection officer's report needs besides the report itself, decided here once.

:func:`overview_of` returns, for a decided :class:`~ethiq.engine.Report`, the state of every waiver of its
waiver file (applied to how many findings, expired, refused, or matching nothing) and what falls due in the
days after ``as_of`` (:mod:`.deadlines`). Renderers lay it out; they decide nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..report import ProblemKind, Report
from .deadlines import HORIZON_DAYS, Deadline, upcoming_deadlines
from .waivers import Waiver, load_waivers

__all__ = ["Overview", "WaiverStatus", "overview_of"]


@dataclass(frozen=True, slots=True)
class WaiverStatus:
    """One waiver of the run's file and what became of it: ``applied`` (to ``findings`` findings),
    ``expired`` (before ``as_of``), ``refused`` (unknown or non-waivable rule) or ``unused`` (matched nothing)."""

    waiver: Waiver
    state: str
    findings: int = 0


@dataclass(frozen=True, slots=True)
class Overview:
    """The waivers' states (None when no waiver file was applied) and the deadlines from ``as_of`` to
    ``horizon_end`` (``horizon_days`` later, both days included)."""

    deadlines: tuple[Deadline, ...]
    waivers: tuple[WaiverStatus, ...] | None
    horizon_days: int
    horizon_end: str


def overview_of(report: Report, *, days: int = HORIZON_DAYS) -> Overview:
    waivers: tuple[WaiverStatus, ...] | None = None
    if report.waivers_file:
        used = Counter(str(f.waiver.get("id")) for f in report.findings if f.waiver is not None)
        refused = {(p.file, p.line) for p in report.problems if p.kind == ProblemKind.WAIVER}
        states = []
        for waiver in load_waivers(report.waivers_file):
            if (waiver.file, waiver.line) in refused:
                state = "refused"
            elif waiver.is_expired(report.as_of):
                state = "expired"
            else:
                state = "applied" if used[waiver.id] else "unused"
            states.append(WaiverStatus(waiver, state, used[waiver.id]))
        waivers = tuple(states)
    end = dt.date.fromisoformat(report.as_of[:10]) + dt.timedelta(days=days)
    return Overview(
        deadlines=tuple(upcoming_deadlines(report, days=days)),
        waivers=waivers,
        horizon_days=days,
        horizon_end=end.isoformat(),
    )
