"""``--format json``: the report as one JSON object, structure version ``report.version``.

Documented in docs/report-format.md. Keys are stable; new keys may be added within a major version.
"""

from __future__ import annotations

import json
from typing import TextIO

from ethiq.engine import Report


def render(report: Report, out: TextIO) -> None:
    json.dump(report.to_dict(), out, ensure_ascii=False, indent=2)
    out.write("\n")
