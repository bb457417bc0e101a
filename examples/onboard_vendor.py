"""Screen a vendor before contracting it: the vendor as the onboarding questionnaire describes it, held in
memory, plus the data sources it would supply, read from files.

    python examples/onboard_vendor.py ANSWERS.yaml [DATA_SOURCE_FILE ...] [--as-of YYYY-MM-DD]

The answers are a YAML mapping of vendor fields, as an onboarding form would submit them; the script builds
the vendor document from them in memory (an unquoted date stays a ``datetime.date``: ethiq takes it as its
ISO text). Prints one line per finding and the outcome, and exits like ``ethiq check``: 0 cleared, 1
blocked or needing review, 2 the inputs could not be judged, 3 the policies could not judge them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import yaml

import ethiq

OUTCOMES = {
    ethiq.ExitCode.OK: "CLEARED: no blocking finding",
    ethiq.ExitCode.BLOCKING: "BLOCKED: do not contract before the blocking findings are resolved",
    ethiq.ExitCode.INPUT_ERROR: "NOT JUDGED: fix the inputs listed above",
    ethiq.ExitCode.POLICY_ERROR: "NOT JUDGED: the policies failed on these inputs",
}


def vendor_from_answers(path: str) -> dict[str, Any]:
    """The vendor document built from the questionnaire's answers, with the values the form gave."""
    answers = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(answers, dict):
        raise SystemExit(f"{path}: the answers are a mapping of vendor fields")
    return {**answers, "kind": "vendor"}


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
        print(f"{finding.rule_id} {finding.status} {finding.document_id} {finding.json_path}{trace}: {finding.message}")
    print(f"{vendor['id']}: {OUTCOMES[report.exit_code]} (as of {report.as_of})")
    return int(report.exit_code)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("answers", metavar="ANSWERS.yaml", help="the questionnaire's answers: vendor fields")
    parser.add_argument("data_sources", nargs="*", metavar="DATA_SOURCE_FILE", help="data sources it would supply")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, help="evaluation date, default today")
    args = parser.parse_args()
    return screen(vendor_from_answers(args.answers), args.data_sources, args.as_of)


if __name__ == "__main__":
    sys.exit(main())
