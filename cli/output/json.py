"""``--format json``: the report as one JSON object, structure version ``report.version``.

Documented in docs/report-format.md. Keys are stable; new keys may be added within a major version. The text
is exactly ``json.dump(report.to_dict(), indent=2, ensure_ascii=False)``, written as it is made (documents and
findings one at a time: see :mod:`.streaming`).
"""

from __future__ import annotations

from typing import TextIO

from ethiq.engine import Report

from .streaming import write_json


def render(report: Report, out: TextIO) -> None:
    write_json(report.to_dict(streamed=True), out)
