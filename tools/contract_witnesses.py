#!/usr/bin/env python3
"""Write the field contract's witnesses from what a run of it recorded.

    ETHIQ_CONTRACT_RECORD=/tmp/found.jsonl python -m pytest tests/test_field_contract.py
    python tools/contract_witnesses.py /tmp/found.jsonl     # writes tests/data/field_contract_witnesses.json

(``make contract-witnesses`` does both.) A witness is the fixture entry and the value that last moved a
documented (field, rule) pair; the test tries it first, so that a pair is shown in one or two checks instead
of a search. It only orders the search: a witness that no longer moves its rule costs the search it saved,
and the verdict is always the checks' own.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "field_contract_witnesses.json"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    found: dict[str, dict[str, list[object]]] = {}
    for line in Path(argv[0]).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        found.setdefault(item["field"], {}).setdefault(item["rule"], [item["base"], item["value"]])
    ordered = {field: dict(sorted(rules.items())) for field, rules in sorted(found.items())}
    lines = [
        f"{json.dumps(field, ensure_ascii=False)}: {json.dumps(rules, ensure_ascii=False)}"
        for field, rules in ordered.items()
    ]
    OUT.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")  # one field a line: diffs read well
    print(f"{OUT}: {sum(len(rules) for rules in ordered.values())} pairs of {len(ordered)} fields")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
