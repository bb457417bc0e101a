"""Schema violations in words, sorted by line, with a did-you-mean for enum values."""

from __future__ import annotations

import pytest

from ethiq.engine import parse_documents
from ethiq.engine.validate import SchemaSet
from ethiq.engine.validate.problems import schema_problems
from ethiq.engine.validate.wording import PATTERNS

BAD_VENDOR = """\
kind: vendor
id: ven_bad
legal_name: Bad AB
roles: [media_agncy]
country: Sweden
services_declared:
  psychographic_profiling: no
"""


@pytest.fixture(scope="module")
def schemas() -> SchemaSet:
    return SchemaSet()


def _messages(text: str, schemas: SchemaSet) -> list[tuple[int | None, str, str]]:
    [document] = parse_documents(text, name="bad.yaml")
    return [(p.line, "".join(f"/{x}" for x in p.path or ()), p.message) for p in schema_problems(document, schemas)]


def test_the_issue_examples_read_as_words_in_file_order(schemas: SchemaSet) -> None:
    problems = _messages(BAD_VENDOR, schemas)
    assert [line for line, _, _ in problems] == sorted(line or 0 for line, _, _ in problems)
    by_path = {path: message for _, path, message in problems}
    assert by_path["/country"] == "country must be an ISO 3166-1 alpha-2 code such as SE, not 'Sweden'"
    assert by_path["/services_declared/psychographic_profiling"] == 'write true, false or "unknown", not no'
    assert "did you mean media_agency?" in by_path["/roles/0"]


def test_no_message_shows_a_python_repr_or_a_raw_pattern(schemas: SchemaSet) -> None:
    text = BAD_VENDOR + "website: not a url\nregistration_id: 12\n"
    for _, _, message in _messages(text, schemas):
        assert "^" not in message, message
        assert "[True, False" not in message, message


def test_every_pattern_of_the_schemas_has_words(schemas: SchemaSet) -> None:
    import re

    from ethiq.engine.validate.wording import _ANCHORS

    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.add(_ANCHORS.sub("", node["pattern"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for kind in schemas.kinds:
        walk(schemas.schema(kind))
    # Patterns that only forbid blank or too-short text are worded by their field's other rules.
    worded = set(PATTERNS) | {r"\$", r"\s*\S[\s\S]{18,}\S\s*"}
    assert found <= worded, sorted(found - worded)
    assert all(re.compile(p) for p in PATTERNS)
