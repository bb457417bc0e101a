"""Judge: what falls due in the days after ``as_of``, from dates the documents, the context and the waivers hold.

The data-protection officer's report lists what expires or falls due in the window ``as_of`` .. ``as_of + days``
(both days included), so that nothing lapses unnoticed between two runs:

- a waiver's ``expires`` (the last day it applies);
- a vendor's EDAA trust seal ``edaa.seal_expires_at`` (status ``trust_seal``); a vendor that has ``joined``
  must self-certify within ``thresholds.edaa_self_certification_months`` of ``edaa.joined_at``, and a
  ``self_certified`` one should hold its seal within ``thresholds.edaa_seal_overdue_months`` (VEN-006's
  deadlines, 6 and 8 months unless the context says otherwise);
- a vendor's data-processing agreement dated ``gdpr.dpa_date`` in the window: the document model records the
  date of a DPA, not an expiry, so a DPA dated ahead is one not yet in force;
- the campaign's yearly TTPA risk assessment, due ``thresholds.risk_assessment_max_age_days`` after
  ``ttpa.risk_assessment.date``;
- a platform's cut-off for political ads in the EU, ``platform_timeline.<platform>.eu_political_ads_allowed_until``,
  and election days, from the merged policy context.

Everything is computed from ``as_of``; the clock is never read. Dates that are not ISO dates are skipped here:
the schemas and the rules already report them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..read import Document, iter_documents
from ..report import Report, is_file_name
from .waivers import Waiver, load_waivers

__all__ = ["DEADLINE_KINDS", "Deadline", "add_months", "deadlines_of", "upcoming_deadlines"]

HORIZON_DAYS = 30

#: The document kinds whose own fields hold deadlines.
DATED_KINDS = ("vendor", "campaign")

#: What can fall due, in the order a report lists kinds on one day.
DEADLINE_KINDS = (
    "waiver_expires",
    "edaa_seal_expires",
    "edaa_self_certification_due",
    "edaa_seal_due",
    "dpa_dated",
    "risk_assessment_due",
    "platform_cutoff",
    "election",
)

DEFAULT_THRESHOLDS = {
    "edaa_self_certification_months": 6,
    "edaa_seal_overdue_months": 8,
    "risk_assessment_max_age_days": 365,
}


@dataclass(frozen=True, slots=True)
class Deadline:
    """One date in the window: what falls due, for which subject, and where the date is written."""

    date: str  # ISO day
    days: int  # days after as_of (0: on as_of)
    kind: str  # one of DEADLINE_KINDS
    subject: str  # a document id, a waiver id or a platform
    file: str | None = None
    line: int | None = None
    detail: str = ""  # the value it derives from, e.g. "joined_at 2026-06-01 + 6 months"

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "days": self.days,
            "kind": self.kind,
            "subject": self.subject,
            "file": self.file,
            "line": self.line,
            "detail": self.detail,
        }


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months``, clamped to the month's end (31 August + 6 months is 28 February), as VEN-006."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _day(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def _number(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default


class _Window:
    """Collects the deadlines from ``start`` to ``end`` (both included), each located where its date is written."""

    def __init__(self, as_of: str, days: int):
        self.start = dt.date.fromisoformat(as_of[:10])
        self.end = self.start + dt.timedelta(days=days)
        self.found: list[Deadline] = []

    def add(
        self,
        day: dt.date | None,
        kind: str,
        subject: str,
        where: Document | Waiver,
        path: tuple[str | int, ...] = (),
        detail: str = "",
    ) -> None:
        if day is None or not self.start <= day <= self.end:
            return
        if isinstance(where, Document):
            file: str | None = where.source.file
            position = where.locate(path)
            line: int | None = position[0] if position else where.source.line
        else:
            file, line = where.file or None, where.line
        self.found.append(Deadline(day.isoformat(), (day - self.start).days, kind, subject, file, line, detail))


def deadlines_of(
    documents: Iterable[Document],
    context: Sequence[Document],
    waivers: Iterable[Waiver],
    as_of: str,
    *,
    days: int = HORIZON_DAYS,
) -> list[Deadline]:
    """Every deadline from ``as_of`` to ``as_of + days``, sorted by date, kind and subject.

    ``context`` is the policy context documents in merge order (a later one's value replaces an earlier one's).
    """
    window = _Window(as_of, days)
    thresholds = _context_deadlines(window, context)
    for waiver in waivers:
        window.add(waiver.expires, "waiver_expires", waiver.id, waiver, (), f"{waiver.rule}, {waiver.owner}")
    for doc in documents:
        if doc.kind == "vendor":
            _vendor_deadlines(window, doc, thresholds)
        elif doc.kind == "campaign":
            assessed = _day(_get(doc.data, "ttpa", "risk_assessment", "date"))
            if assessed is not None:
                max_age = thresholds["risk_assessment_max_age_days"]
                due = assessed + dt.timedelta(days=max_age)
                path = ("ttpa", "risk_assessment", "date")
                window.add(due, "risk_assessment_due", doc.label, doc, path, f"{assessed.isoformat()} + {max_age}")
    order = {kind: rank for rank, kind in enumerate(DEADLINE_KINDS)}
    return sorted(window.found, key=lambda d: (d.date, order[d.kind], d.subject, d.file or "", d.line or 0))


def _context_deadlines(window: _Window, context: Sequence[Document]) -> dict[str, int]:
    """Platform cut-offs and election days of the merged context; returns its thresholds."""
    thresholds = dict(DEFAULT_THRESHOLDS)
    timeline: dict[str, tuple[Document, Any]] = {}
    elections: list[tuple[Document, int, Any]] = []
    for doc in context:
        for key, current in list(thresholds.items()):
            value = _get(doc.data, "thresholds", key)
            if value is not None:
                thresholds[key] = _number(value, current)
        platforms = _get(doc.data, "platform_timeline")
        if isinstance(platforms, Mapping):
            for platform, entry in platforms.items():
                cutoff = _get(entry, "eu_political_ads_allowed_until")
                if cutoff is not None:
                    timeline[str(platform)] = (doc, cutoff)
        listed = _get(doc.data, "elections")
        if isinstance(listed, list):  # a list replaces the one before, as the context merge does
            elections = [(doc, index, item) for index, item in enumerate(listed)]
    for platform, (doc, cutoff) in sorted(timeline.items()):
        path = ("platform_timeline", platform, "eu_political_ads_allowed_until")
        window.add(_day(cutoff), "platform_cutoff", platform, doc, path, str(cutoff))
    for doc, index, election in elections:
        name = _get(election, "id") or f"elections[{index}]"
        window.add(_day(_get(election, "date")), "election", str(name), doc, ("elections", index, "date"))
    return thresholds


def _vendor_deadlines(window: _Window, doc: Document, thresholds: Mapping[str, int]) -> None:
    """EDAA seal expiry, VEN-006's self-certification and seal deadlines, and a DPA dated ahead."""
    edaa = _get(doc.data, "edaa")
    status = _get(edaa, "status")
    if status == "trust_seal":
        window.add(
            _day(_get(edaa, "seal_expires_at")), "edaa_seal_expires", doc.label, doc, ("edaa", "seal_expires_at")
        )
    joined = _day(_get(edaa, "joined_at"))
    if joined is not None and status in ("joined", "self_certified"):
        key, kind = (
            ("edaa_self_certification_months", "edaa_self_certification_due")
            if status == "joined"
            else ("edaa_seal_overdue_months", "edaa_seal_due")
        )
        months = thresholds[key]
        detail = f"{joined.isoformat()} + {months}"
        window.add(add_months(joined, months), kind, doc.label, doc, ("edaa", "joined_at"), detail)
    window.add(_day(_get(doc.data, "gdpr", "dpa_date")), "dpa_dated", doc.label, doc, ("gdpr", "dpa_date"))


def _origin_file(origin: str) -> str:
    file, sep, line = origin.rpartition(":")
    return file if sep and line.isdigit() else origin


def upcoming_deadlines(report: Report, *, days: int = HORIZON_DAYS) -> list[Deadline]:
    """The deadlines of the run behind ``report``: its input files, context and waiver file, read again.

    Documents that came from standard input or memory cannot be read again and are left out; a file that can
    no longer be read is left out too (the run that made the report already judged it).
    """
    # Only vendors and campaigns hold dates of their own: only their files are read again.
    dated = [d for d in report.documents if d.kind in DATED_KINDS and d.verdict != "invalid" and is_file_name(d.file)]
    files = list(dict.fromkeys(d.file for d in dated))
    judged = {(d.file, d.line) for d in dated}
    documents = [
        item
        for item in iter_documents(files)
        if isinstance(item, Document) and (item.source.file, item.source.line) in judged
    ]
    context: list[Document] = []
    # context_origins lists the context in merge order: bundled, the run's policy_context documents, --context.
    for origin in dict.fromkeys(_origin_file(o) for o in report.context_origins):
        for item in iter_documents([origin]) if os.path.isfile(origin) else ():
            if isinstance(item, Document) and item.kind == "policy_context":
                context.append(item)
    waivers = list(load_waivers(report.waivers_file)) if report.waivers_file else []
    return deadlines_of(documents, context, waivers, report.as_of, days=days)
