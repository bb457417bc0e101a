"""``--output record=FILE``: the accountability record of the run (:mod:`ethiq.engine.record`) as JSON.

The engine builds the record; this renders it. ``ethiq verify-record FILE`` checks it later.
"""

from __future__ import annotations

import json
from typing import TextIO

from ethiq.engine import Report, record_of


def render(report: Report, out: TextIO, *, stdin_text: str | None = None) -> None:
    json.dump(record_of(report, stdin_text=stdin_text), out, ensure_ascii=False, indent=2)
    out.write("\n")
