"""The fixtures that wait for the platform adapters (folders with a ``PENDING`` file), judged now against the
input contract the check pipeline will provide (docs/policy-authoring.md, "Native platform JSON").

Each document is derived with :func:`ethiq.engine.platforms.derive`; the bundled policies are evaluated on
``{"document": <derived document>, "derived": {"native": ...}}`` with no related documents (these fixtures
refer to none); a finding's path is located in the native JSON as the pipeline will locate it. The verdict
of the folder and every ``x-expect`` item must hold, exactly as in the fixture table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, FIXTURES
from ethiq.engine.platforms import derive
from ethiq.engine.read import Document, iter_documents
from ethiq.engine.report import json_path

EXPECTED_EXIT = {"allow": 0, "warn": 0, "deny": 1}
SUFFIXES = (".json", ".yaml", ".yml")


def pending_entries() -> list[Any]:
    params = []
    for marker in sorted(FIXTURES.rglob("PENDING")):
        for folder in sorted(p for p in marker.parent.rglob("*") if p.is_dir() and p.name in EXPECTED_EXIT):
            for entry in sorted(folder.iterdir()):
                if entry.is_dir() or entry.suffix in SUFFIXES:
                    ident = str(entry.relative_to(FIXTURES))
                    params.append(pytest.param(entry, EXPECTED_EXIT[folder.name], id=ident))
    return params


@pytest.fixture(scope="module")
def engine(checker):  # type: ignore[no-untyped-def]
    return checker.policy_set.prepare(checker.base_context.rego_data())


def judge(checker: Any, engine: Any, data: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    """(document id, rule, status, located json path) of every finding on ``data``, as the pipeline will see."""
    derivation = derive(data)
    document = derivation.document if derivation is not None else data
    native = {"native": derivation.native_input()} if derivation is not None else {}
    kind = str(data["kind"])
    engine.set_input(
        {
            "kind": kind,
            "as_of": AS_OF,
            "document": document,
            "related": {},
            "links": [],
            "unresolved": [],
            "names": {},
            "derived": native,
        }
    )
    found = set()
    for entry in checker.policy_set.entry_points[kind]:
        for raw in engine.eval_set(entry):
            meta = checker.policy_set.rule(raw["rule"])
            assert meta is not None, raw
            assert raw.get("message", "default") in meta.messages, raw
            if not meta.is_effective(AS_OF):
                continue
            path = tuple(raw.get("path", []))
            located = derivation.locate(path) if derivation is not None else path
            found.add((str(data["id"]), raw["rule"], raw["status"], json_path(located), entry.rsplit(".", 1)[1]))
    return found  # type: ignore[return-value]


def test_there_are_pending_native_fixtures_for_every_platform() -> None:
    entries = [str(p.values[0].relative_to(FIXTURES)) for p in pending_entries()]
    for platform in ("meta", "google_ads", "linkedin"):
        assert any(e.startswith(f"native/{platform}/allow/") for e in entries), platform
        assert any(e.startswith(f"native/{platform}/deny/") for e in entries), platform


@pytest.mark.parametrize(("entry", "exit_code"), pending_entries())
def test_pending_fixture_verdict(checker, engine, entry: Path, exit_code: int) -> None:  # type: ignore[no-untyped-def]
    documents = [d for d in iter_documents([entry]) if isinstance(d, Document)]
    assert documents
    found: set[tuple[str, ...]] = set()
    for document in documents:
        assert checker.stages.schemas.validate(document.data) == [], document.id
        found |= judge(checker, engine, document.data)
        expected = [str(e) for e in document.data.get("x-expect", [])]
        mine = {f[1:4] for f in found if f[0] == document.id}
        if expected == ["none"]:
            assert mine == set(), sorted(mine)
            continue
        for item in expected:
            rule, status, *where = item.split()
            matches = [f for f in mine if f[:2] == (rule, status) and (not where or f[2] == where[0])]
            assert matches, f"{document.id}: expected {item}; found {sorted(mine)}"
    blocking = any(f[4] == "deny" for f in found)
    assert int(blocking) == exit_code, sorted(found)
