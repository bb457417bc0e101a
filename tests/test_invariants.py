"""Invariants over every fixture: properties that hold for all rules, present and future.

- Unrelated extension fields (``x-...``) and the order of documents never change any finding.
- Turning a blocking fact (a tri-state ``true``/``false``) into ``"unknown"``, or removing it, never turns
  the blocking finding it caused into a pass: fail closed.
"""

from __future__ import annotations

import copy
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import AS_OF, FIXTURES
from ethiq import Checker
from ethiq.engine.read.documents import Document, iter_documents, parse_documents
from ethiq.engine.validate.schema import SchemaSet

SCHEMAS = SchemaSet()


def entries(*folders: str) -> list[Path]:
    found = []
    for folder in sorted(p for p in FIXTURES.rglob("*") if p.is_dir() and p.name in folders):
        found += [e for e in sorted(folder.iterdir()) if e.is_dir() or e.suffix in (".yaml", ".yml", ".json")]
    return found


def datas_of(entry: Path) -> list[dict[str, Any]]:
    """The documents of ``entry`` but its named context (see :func:`checker_of`)."""
    from test_fixtures import named_context

    named = {os.path.abspath(path) for path in named_context(entry)}
    items = iter_documents([entry])
    return [i.data for i in items if isinstance(i, Document) and os.path.abspath(i.source.file) not in named]


@cache
def _checker_with(context: tuple[str, ...]) -> Checker:
    return Checker(as_of=AS_OF, context=list(context))


def checker_of(checker: Checker, entry: Path) -> Checker:
    """The session's checker, or one with the entry's own context named, as the fixture table checks it."""
    from test_fixtures import named_context

    context = named_context(entry)
    return _checker_with(context) if context else checker


def as_documents(datas: list[dict[str, Any]]) -> list[Document]:
    return [doc for n, data in enumerate(datas) for doc in parse_documents(json.dumps(data), name=f"doc{n}.json")]


def verdicts(checker: Any, datas: list[dict[str, Any]]) -> set[tuple[str, str, str, str]]:
    report = checker.check_documents(as_documents(datas))
    assert not [p for p in report.problems if p.kind != "schema_violation"], [p.message for p in report.problems]
    return {(f.document_id, f.rule_id, f.status, f.json_path) for f in report.findings}


JUDGED = entries("allow", "deny", "warn")
DENIED = entries("deny")
EXTENSION_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def objects_in(value: Any) -> list[dict[str, Any]]:
    """Every mapping in ``value`` (where an ``x-`` key is allowed by the schemas), outside raw platform specs."""
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        found.append(value)
        for key, item in value.items():
            if key != "native_spec" and not key.startswith("x-"):
                found += objects_in(item)
    elif isinstance(value, list):
        for item in value:
            found += objects_in(item)
    return found


@pytest.mark.skipif(not JUDGED, reason="no fixtures yet")
@given(st.sampled_from(JUDGED or [Path()]), st.data())
def test_extension_fields_and_document_order_change_nothing(checker, entry: Path, data) -> None:  # type: ignore[no-untyped-def]
    checker = checker_of(checker, entry)
    datas = datas_of(entry)
    before = verdicts(checker, datas)
    changed = copy.deepcopy(datas)
    for number in range(data.draw(st.integers(1, 4))):
        target = data.draw(st.sampled_from(objects_in(data.draw(st.sampled_from(changed)))))
        target[f"x-extra-{number}"] = data.draw(EXTENSION_VALUES)
    shuffled = data.draw(st.permutations(changed))
    assert verdicts(checker, list(shuffled)) == before


def boolean_fact_findings(checker: Any, datas: list[dict[str, Any]]) -> list[tuple[int, tuple[Any, ...], str]]:
    """(document index, path, rule) of blocking findings that point at a true/false fact."""
    report = checker.check_documents(as_documents(datas))
    ids = [d.get("id") for d in datas]
    out = []
    for finding in report.findings:
        if not finding.is_blocking or not finding.path or isinstance(finding.path[-1], int):
            continue
        index = ids.index(finding.document_id)
        value: Any = datas[index]
        try:
            for part in finding.path:
                value = value[part]
        except (KeyError, IndexError, TypeError):
            continue  # a needs_review finding at a field that is missing: already unknown
        if isinstance(value, bool):
            out.append((index, finding.path, finding.rule_id))
    return out


@pytest.mark.skipif(not DENIED, reason="no fixtures yet")
@given(st.sampled_from(DENIED or [Path()]), st.data())
def test_an_unknown_fact_never_turns_a_blocking_finding_into_a_pass(checker, entry: Path, data) -> None:  # type: ignore[no-untyped-def]
    checker = checker_of(checker, entry)
    datas = datas_of(entry)
    candidates = boolean_fact_findings(checker, datas)
    if not candidates:
        return  # this entry's blocking findings point at no true/false fact
    index, path, rule = data.draw(st.sampled_from(candidates))
    changed = copy.deepcopy(datas)
    parent: Any = changed[index]
    for part in path[:-1]:
        parent = parent[part]
    if data.draw(st.booleans()):
        parent[path[-1]] = "unknown"
    else:
        del parent[path[-1]]
    assert SCHEMAS.validate(changed[index]) == []
    document_id = changed[index]["id"]
    report = checker.check_documents(as_documents(changed))
    still = [f for f in report.findings if f.document_id == document_id and f.rule_id == rule and f.is_blocking]
    assert still, f"{entry}: making {'.'.join(map(str, path))} unknown turned {rule} into a pass"
