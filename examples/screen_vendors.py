"""Screen a list of vendors, one per row of a CSV file, through one Checker (policies loaded once).

    python examples/screen_vendors.py VENDORS.csv [--as-of YYYY-MM-DD] [--batch 250]

The CSV has a header row with ``id`` and ``legal_name``, and optionally ``country`` and ``aliases``
(separated by ``;``). Each row becomes a vendor document in memory; rows are checked in batches, each batch
one call of :meth:`ethiq.Checker.check`. Prints ``id,verdict,rules`` per vendor (the rules of its blocking
findings) and a summary on standard error, and exits with the highest exit code of the batches: 0 every
vendor cleared, 1 some blocked or needing review, 2 a row could not be judged.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from typing import Any, TextIO

import ethiq


def vendors(rows: TextIO) -> Iterator[dict[str, Any]]:
    for row in csv.DictReader(rows):
        vendor: dict[str, Any] = {"kind": "vendor", "id": row["id"].strip(), "legal_name": row["legal_name"].strip()}
        if (row.get("country") or "").strip():
            vendor["country"] = row["country"].strip()
        aliases = [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
        if aliases:
            vendor["aliases"] = aliases
        yield vendor


def screen(rows: TextIO, as_of: dt.date | None, batch: int, out: TextIO) -> int:
    checker = ethiq.Checker(as_of=as_of)
    stream = vendors(rows)
    worst = ethiq.ExitCode.OK
    verdicts: Counter[str] = Counter()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "verdict", "rules"])
    while chunk := list(islice(stream, batch)):
        report = checker.check(chunk)
        worst = max(worst, report.exit_code)
        rules: dict[str | None, set[str]] = {}
        for finding in report.blocking:
            rules.setdefault(finding.document_id, set()).add(finding.rule_id)
        for result in report.documents:
            writer.writerow([result.id, result.verdict, " ".join(sorted(rules.get(result.id, ())))])
            verdicts[result.verdict] += 1
        for problem in report.problems:
            print(f"row {problem.line}: {problem.message}", file=sys.stderr)
    summary = ", ".join(f"{count} {verdict}" for verdict, count in sorted(verdicts.items()))
    print(f"{sum(verdicts.values())} vendors: {summary}; exit code {int(worst)}", file=sys.stderr)
    return int(worst)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("csv", help="the vendor list; '-' reads standard input")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, help="evaluation date, default today")
    parser.add_argument("--batch", type=int, default=250, help="vendors per check (default 250)")
    args = parser.parse_args()
    if args.csv == "-":
        return screen(sys.stdin, args.as_of, args.batch, sys.stdout)
    with open(args.csv, encoding="utf-8", newline="") as rows:
        return screen(rows, args.as_of, args.batch, sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
