"""The decisions of a run, applied to its report in one place for every caller: waivers, baseline, fail-on.

The CLI, the Python API and CI all receive the report :func:`decide` returns, so they cannot disagree: a
waiver accepted here is accepted everywhere, and the exit code (:attr:`Report.exit_code`) follows from the
decided report alone. Order matters and is fixed: the rule selection first (findings of rules the run left
out are dropped), then waivers (a waived finding is never baselined), then the baseline, then the ``fail_on``
threshold.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..report import FAIL_ON, Report
from .baseline import Baseline, BaselineDecider
from .passes import Decider, apply_deciders
from .selection import selection_decider
from .waivers import WaiverDecider, WaiverSet


def decide(
    report: Report,
    *,
    waivers: WaiverSet | None = None,
    baseline: Baseline | None = None,
    fail_on: str = "block",
    selected: Iterable[str] | None = None,
) -> Report:
    """``report`` with the rule selection (ids; None: every rule), the waivers and the baseline applied and
    ``fail_on`` set (a new report): in one pass over its findings (see :mod:`.passes`)."""
    if fail_on not in FAIL_ON:
        raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    deciders: list[Decider] = []
    selection = selection_decider(report, selected)
    if selection is not None:
        deciders.append(selection)
    if waivers is not None:
        deciders.append(WaiverDecider(report, waivers))
    if baseline is not None:
        deciders.append(BaselineDecider(report, baseline))
    report = apply_deciders(report, deciders, dropped=selection is not None)
    return dataclasses.replace(report, fail_on=fail_on)
