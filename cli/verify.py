"""``ethiq verify-record``: re-hash the files of an accountability record and re-run its check.

The engine verifies (:func:`ethiq.engine.record.verify_record`); this prints what it found.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from ethiq.engine import RecordVerification, load_record, verify_record

STATE_WORDS = {"changed": "changed", "missing": "missing or unreadable", "added": "not in the record"}


def run_verify_record(file: Path, *, root: Path | None, fmt: str, out: TextIO) -> int:
    """Verify the record in ``file`` against the files under ``root``; print the outcome in ``fmt``."""
    record = load_record(file)
    outcome = verify_record(record, root=root)
    if fmt == "json":
        json.dump(_as_dict(outcome), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_text(file, record, outcome, out)
    return outcome.exit_code


def _as_dict(outcome: RecordVerification) -> dict[str, object]:
    return {
        "exit_code": outcome.exit_code,
        "same": outcome.exit_code == 0,
        "recorded_exit_code": outcome.recorded_exit_code,
        "rerun_exit_code": outcome.rerun_exit_code,
        "files": outcome.file_states(),
        "changed_files": [
            {
                "role": c.role,
                "path": c.path,
                "bundled": c.bundled,
                "state": c.state,
                "recorded": c.recorded,
                "actual": c.actual,
            }
            for c in outcome.changed
        ],
        "differences": list(outcome.differences),
        "unreproducible": list(outcome.unreproducible),
        "notes": list(outcome.notes),
    }


def _print_text(file: Path, record: dict[str, object], outcome: RecordVerification, out: TextIO) -> None:
    total = sum(outcome.checked.values())
    roles = ", ".join(f"{n} {role}" for role, n in sorted(outcome.checked.items()))
    same = total - sum(1 for c in outcome.changed if c.state != "added")
    out.write(f"{file}: {same} of {total} recorded files unchanged ({roles})\n")
    for check in outcome.changed:
        where = f"{check.path} (bundled)" if check.bundled else check.path
        out.write(f"  {check.role} {where}: {STATE_WORDS.get(check.state, check.state)}\n")
    for reason in outcome.unreproducible:
        out.write(f"  cannot re-run: {reason}\n")
    for note in outcome.notes:
        out.write(f"  note: {note}\n")
    if outcome.rerun_exit_code is not None:
        out.write(
            f"re-run as of {record['as_of']}: exit code {outcome.recorded_exit_code} recorded, "
            f"{outcome.rerun_exit_code} now\n"
        )
    for difference in outcome.differences:
        out.write(f"  {difference}\n")
    verdicts = {
        0: "same files, same decision",
        1: "the record does not hold: files or the decision differ",
        2: "the decision cannot be reproduced from this record",
    }
    out.write(f"ethiq: {verdicts[outcome.exit_code]} (exit code {outcome.exit_code})\n")
