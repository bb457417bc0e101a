"""Screen a vendor before contracting it: the vendor document plus the data sources it would supply.

    python examples/onboard_vendor.py VENDOR_FILE [DATA_SOURCE_FILE ...] [--as-of YYYY-MM-DD]

Prints one line per finding and the outcome, and exits like ``ethiq check``: 0 cleared, 1 blocked or
needing review, 2 the files could not be judged, 3 the policies could not judge them.
"""

from __future__ import annotations

import argparse
import sys

import ethiq


def screen(paths: list[str], as_of: str | None) -> int:
    try:
        checker = ethiq.Checker(as_of=as_of)
    except ethiq.EthiqError as err:
        print(f"cannot load the policies: {err}", file=sys.stderr)
        return err.exit_code
    report = checker.check(paths)
    vendors = [d for d in report.documents if d.kind == "vendor"]
    if not vendors:
        print("no vendor document among the files", file=sys.stderr)
        return int(ethiq.ExitCode.INPUT_ERROR)
    for problem in report.problems:
        print(f"cannot judge {problem.location}: {problem.message}")
    for finding in report.findings:
        trace = f" (via {' → '.join(finding.trace)})" if finding.trace else ""
        print(f"{finding.severity:5} {finding.status:12} {finding.rule_id:8} {finding.document_id}"
              f" {finding.json_path}{trace}: {finding.message}")
    outcome = {
        ethiq.ExitCode.OK: "CLEARED: no blocking finding",
        ethiq.ExitCode.BLOCKING: "BLOCKED: do not contract before the blocking findings are resolved",
        ethiq.ExitCode.INPUT_ERROR: "NOT JUDGED: fix the files listed above",
        ethiq.ExitCode.POLICY_ERROR: "NOT JUDGED: the policies failed on these files",
    }[report.exit_code]
    names = ", ".join(v.id or "?" for v in vendors)
    print(f"{names}: {outcome} (as of {report.as_of})")
    return int(report.exit_code)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="the vendor document, then its data sources")
    parser.add_argument("--as-of", help="evaluation date, default today")
    args = parser.parse_args()
    return screen(args.files, args.as_of)


if __name__ == "__main__":
    sys.exit(main())
