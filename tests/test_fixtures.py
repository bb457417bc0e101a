"""The fixture table: every entry directly under an ``allow/``, ``deny/`` or ``invalid/`` folder gives exit
code 0, 1 or 2 when checked on its own, and the findings its documents expect in ``x-expect``.

``x-expect`` is a list on a document, each item ``"RULE-ID status"`` or ``"RULE-ID status $.json.path"``;
every item must be among that document's findings. ``"none"`` alone means the document has no finding.

A folder holding a file ``PENDING`` waits for something the check pipeline does not do yet: its entries,
and those of every folder below it, are skipped with the file's text as the reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES
from ethiq.engine.read.documents import Document, iter_documents

EXPECTED_EXIT = {"allow": 0, "warn": 0, "deny": 1, "invalid": 2}  # warn: non-blocking findings expected


def pending_reason(folder: Path) -> str | None:
    """The text of the nearest ``PENDING`` file in ``folder`` or above it (within fixtures/), if any."""
    for parent in (folder, *folder.parents):
        if (parent / "PENDING").is_file():
            return " ".join((parent / "PENDING").read_text(encoding="utf-8").split())
        if parent == FIXTURES:
            break
    return None


def fixture_entries() -> list[Any]:
    params = []
    for folder in sorted(p for p in FIXTURES.rglob("*") if p.is_dir() and p.name in EXPECTED_EXIT):
        pending = pending_reason(folder)
        marks = [pytest.mark.skip(reason=pending)] if pending else []
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith(".") or (entry.is_file() and entry.suffix not in (".json", ".yaml", ".yml")):
                continue
            ident = str(entry.relative_to(FIXTURES))
            params.append(pytest.param(entry, EXPECTED_EXIT[folder.name], id=ident, marks=marks))
    return params


def expectations(entry: Path) -> list[tuple[str, str, str | None, str]]:
    """(document id, rule, status, json path or None) for every x-expect item under ``entry``."""
    out = []
    for item in iter_documents([entry]):
        if not isinstance(item, Document):
            continue
        for expected in item.data.get("x-expect", []):
            if expected == "none":
                out.append((item.id or "", "none", "", None))
                continue
            parts = str(expected).split()
            out.append((item.id or "", parts[0], parts[1], parts[2] if len(parts) > 2 else None))
    return [(doc, rule, status, path) for doc, rule, status, path in out]  # type: ignore[misc]


def test_fixture_folders_exist() -> None:
    assert {p.name for p in FIXTURES.rglob("*") if p.is_dir()} >= {"allow", "deny", "invalid"}


@pytest.mark.parametrize(("entry", "exit_code"), fixture_entries())
def test_fixture_verdict(checker, entry: Path, exit_code: int) -> None:  # type: ignore[no-untyped-def]
    report = checker.check([entry])
    found = {(f.document_id, f.rule_id, f.status, f.json_path) for f in report.findings}
    detail = sorted(found) + [p.message for p in report.problems]
    assert report.exit_code == exit_code, detail
    for doc, rule, status, path in expectations(entry):
        if rule == "none":
            assert not [f for f in found if f[0] == doc], detail
            continue
        matches = [f for f in found if f[:3] == (doc, rule, status) and (path is None or f[3] == path)]
        assert matches, f"{doc}: expected {rule} {status} {path or ''}; found {detail}"
