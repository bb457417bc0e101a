"""``ethiq schema`` and ``ethiq validate``: the published JSON Schemas, and validation against them only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from ethiq.engine.validate import KINDS, load_schema


def print_schema(kind: str | None, out: TextIO) -> None:
    """One kind's schema as JSON, or the list of kinds."""
    if kind is None:
        for name in KINDS:
            schema = load_schema(name)
            out.write(f"{name:15} {schema.get('$id', '')}\n")
        return
    json.dump(load_schema(kind), out, ensure_ascii=False, indent=2)
    out.write("\n")


def export_schemas(directory: Path, kind: str | None) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in [kind] if kind else KINDS:
        path = directory / f"{name}.schema.json"
        path.write_text(json.dumps(load_schema(name), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
