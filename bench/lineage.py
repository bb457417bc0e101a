"""Time ``ethiq check`` on lineage chains: n data sources, each derived from the one before.

    python bench/lineage.py                         # chains of 100, 300 and 1,000, clean and with a banned root
    python bench/lineage.py --sizes 100,1000 --kinds clean --jobs 2
    python bench/lineage.py --with-audience         # also a lookalike audience and a campaign on the chain's tail

Each chain is written as one JSON file in a temporary directory and checked by a whole process under
``/usr/bin/time`` (wall, CPU and peak RSS, the check's children included). ``clean`` chains pass every
blocking rule; in ``banned`` ones the root was collected by a quiz app (DAT-005), so every other source fails
DAT-007 with the route to it. Prints one line per run and, with ``--json``, writes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

_TIME = re.compile(r"^(?P<wall>[\d.]+) (?P<user>[\d.]+) (?P<sys>[\d.]+) (?P<rss>\d+)$", re.MULTILINE)


def source(i: int, *, banned: bool) -> dict[str, Any]:
    """Source i of a chain: the party's own, aggregated list; derived from source i - 1."""
    return {
        "kind": "data_source",
        "id": f"ds_{i:05d}",
        "name": f"Source {i}",
        "vendor_id": None,
        "origin": "first_party_direct",
        "collection": {
            "method": "quiz_app" if banned else "newsletter_signup",
            "collected_by": "party",
            "collected_from_data_subject": True,
        },
        "subject_scope": "subscribers",
        "data_categories": ["user.contact.email"],
        "identifiability": "aggregated",
        "k_min": 100,
        "legal_basis": {"art6": "a", "art9": "none"},
        "purposes": ["newsletter"],
        "contains_minors": "no",
        "lineage": {"derived_from": [f"ds_{i - 1:05d}"] if i else [], "transformations": []},
        "ropa_ref": f"ropa://{i}",
        "retention_days": 365,
    }


def users_of(tail: str) -> list[dict[str, Any]]:
    """A lookalike audience seeded with ``tail`` and a campaign naming it."""
    audience = {
        "kind": "audience",
        "id": "aud_tail",
        "platform": "meta",
        "normalized": {
            "geo": {"countries": ["SE"]},
            "age_min": 18,
            "age_max": None,
            "include": [],
            "exclude": [],
            "custom_audiences": [
                {
                    "ref": "1",
                    "subtype": "lookalike",
                    "lookalike": {"origin_ref": tail, "ratio": 0.01, "country": "SE"},
                    "platform_status": {"meta_operation_status_code": 200},
                }
            ],
            "excluded_custom_audiences": [],
            "expansion": {"meta_advantage_audience": 0},
        },
        "estimated_size": {"lower": 21000, "upper": 25000, "as_of": "2026-08-20", "source": "platform_estimate"},
        "political": {"is_political_advertising": False},
        "justification": "Personer som liknar dem som anmält sig till nyhetsbrevet, för att bjuda in dem till möten.",
    }
    campaign = {
        "kind": "campaign",
        "id": "cmp_tail",
        "sponsor_legal_name": "Liberalerna",
        "sponsor_entity": "Liberalerna",
        "election_ids": ["SE-RIKSDAG-2026"],
        "countries": ["SE"],
        "period": {"from": "2026-08-15", "to": "2026-09-13"},
        "vendor_ids": [],
        "data_source_ids": [tail],
        "channels": ["paid_social"],
        "budget": {"currency": "SEK", "amount": 1000},
    }
    return [audience, campaign]


def run(n: int, kind: str, jobs: int, with_audience: bool, work: Path) -> dict[str, Any]:
    folder = work / f"{kind}-{n}"
    folder.mkdir()
    documents = [source(i, banned=kind == "banned" and i == 0) for i in range(n)]
    if with_audience:
        documents += users_of(documents[-1]["id"])
    (folder / "chain.json").write_text(json.dumps(documents, indent=1))
    check = ["ethiq", "check", str(folder), "--jobs", str(jobs), "--format", "json"]
    command = ["/usr/bin/time", "-f", "%e %U %S %M", *check]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    match = _TIME.search(done.stderr)
    if match is None:
        raise SystemExit(f"no timing from /usr/bin/time: {done.stderr[-500:]}")
    report = json.loads(done.stdout)
    return {
        "sources": n,
        "kind": kind,
        "jobs": jobs,
        "with_audience": with_audience,
        "exit_code": done.returncode,
        "findings": report["summary"]["findings"],
        "problems": report["summary"]["problems"],
        "wall_s": float(match["wall"]),
        "cpu_s": round(float(match["user"]) + float(match["sys"]), 2),
        "peak_rss_mib": round(int(match["rss"]) / 1024, 1),
        "load_1min": round(os.getloadavg()[0], 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,1000", help="chain lengths, comma-separated")
    parser.add_argument("--kinds", default="clean,banned", help="clean, banned or both")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--with-audience", action="store_true", help="add a lookalike and a campaign on the tail")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="ethiq-lineage-") as work:
        for kind in args.kinds.split(","):
            for n in (int(size) for size in args.sizes.split(",")):
                result = run(n, kind, args.jobs, args.with_audience, Path(work))
                results.append(result)
                print(
                    f"{kind:6s} {n:5d} sources: wall {result['wall_s']:7.2f} s, CPU {result['cpu_s']:6.2f} s, "
                    f"{result['peak_rss_mib']} MiB, exit {result['exit_code']}, {result['findings']} findings, "
                    f"{result['problems']} problems (load {result['load_1min']})",
                    flush=True,
                )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
