"""Screen a vendor before contracting it: the vendor as the onboarding form describes it, held in memory,
plus the data sources it would supply, read from files.

    python examples/onboard_vendor.py --id ven_x --legal-name "X AB" [--country SE] [--role ROLE ...]
        [--dpa-date YYYY-MM-DD] [--as-of YYYY-MM-DD] [DATA_SOURCE_FILE ...]

Prints one line per finding and the outcome, and exits like ``ethiq check``: 0 cleared, 1 blocked or
needing review, 2 the inputs could not be judged, 3 the policies could not judge them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

import ethiq

OUTCOMES = {
    ethiq.ExitCode.OK: "CLEARED: no blocking finding",
    ethiq.ExitCode.BLOCKING: "BLOCKED: do not contract before the blocking findings are resolved",
    ethiq.ExitCode.INPUT_ERROR: "NOT JUDGED: fix the inputs listed above",
    ethiq.ExitCode.POLICY_ERROR: "NOT JUDGED: the policies failed on these inputs",
}


def vendor_from_form(args: argparse.Namespace) -> dict[str, Any]:
    """The vendor document as the form gives it; a date stays a ``datetime.date``, ethiq takes it as it is."""
    vendor: dict[str, Any] = {"kind": "vendor", "id": args.id, "legal_name": args.legal_name}
    if args.country:
        vendor["country"] = args.country
    if args.role:
        vendor["roles"] = args.role
    if args.dpa_date:
        vendor["gdpr"] = {"role": "processor", "dpa_signed": True, "dpa_date": args.dpa_date}
    return vendor


def screen(vendor: dict[str, Any], data_sources: list[str], as_of: dt.date | None) -> int:
    try:
        report = ethiq.check([vendor, *data_sources], as_of=as_of)
    except ethiq.EthiqError as err:
        print(f"cannot screen: {err}", file=sys.stderr)
        return err.exit_code
    for problem in report.problems:
        print(f"cannot judge {problem.location}: {problem.message}")
    for finding in report.findings:
        trace = f" (via {' → '.join(finding.trace)})" if finding.trace else ""
        print(
            f"{finding.rule_id} {finding.status} {finding.document_id} {finding.json_path}{trace}: {finding.message}"
        )
    print(f"{vendor['id']}: {OUTCOMES[report.exit_code]} (as of {report.as_of})")
    return int(report.exit_code)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("data_sources", nargs="*", metavar="DATA_SOURCE_FILE", help="data sources it would supply")
    parser.add_argument("--id", required=True, help="the vendor's document id, e.g. ven_acme")
    parser.add_argument("--legal-name", required=True)
    parser.add_argument("--country", help="ISO 3166-1 alpha-2 code")
    parser.add_argument("--role", action="append", help="a role of the vendor (repeatable), e.g. data_broker")
    parser.add_argument("--dpa-date", type=dt.date.fromisoformat, help="when the data processing agreement was signed")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, help="evaluation date, default today")
    args = parser.parse_args()
    return screen(vendor_from_form(args), args.data_sources, args.as_of)


if __name__ == "__main__":
    sys.exit(main())
