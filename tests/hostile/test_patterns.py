"""Every schema pattern means what JSON Schema (ECMA-262) says, in Python too: ``$`` is the end of the text.

Python's ``re.search`` lets ``$`` match before a final newline, so ``^[a-z]+$`` accepts ``"ven_x\\n"``: an id
that escapes the duplicate check and every reference. jsonschema uses ``re.search``, and so does the fast
path, so every pattern must refuse a trailing newline by itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from ethiq.engine.validate import bundled_schemas
from ethiq.engine.validate.fast import ecma_regex
from ethiq.engine.validate.schema import FORMAT_CHECKER, SchemaSet

SCHEMAS = Path(__file__).parents[2] / "policies" / "schemas"


def patterns_of(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            elif key == "patternProperties" and isinstance(value, dict):
                yield from value
            if key not in ("enum", "const", "examples"):
                yield from patterns_of(value)
    elif isinstance(node, list):
        for item in node:
            yield from patterns_of(item)


PATTERNS = sorted(
    {p for file in sorted(SCHEMAS.glob("*.schema.json")) for p in patterns_of(json.loads(file.read_text()))}
)


def test_the_schemas_have_patterns() -> None:
    assert len(PATTERNS) >= 10
    assert any(p.startswith("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}") for p in PATTERNS)  # the id


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_python_reads_every_pattern_as_json_schema_does(pattern: str, data: st.DataObject) -> None:
    """A string the pattern accepts, plus a final newline: Python's reading and ECMA-262's agree."""
    text = data.draw(from_schema({"type": "string", "pattern": pattern}), label="matching")
    assert re.search(pattern, text) is not None
    with_newline = text + "\n"
    assert (re.search(pattern, with_newline) is not None) == (ecma_regex(pattern).search(with_newline) is not None)


@pytest.mark.parametrize("pattern", [p for p in PATTERNS if p.endswith("$(?!\\n)")])
def test_anchored_patterns_refuse_a_final_newline(pattern: str) -> None:
    head = pattern.removesuffix("$(?!\\n)")
    assert not re.fullmatch(head.lstrip("^"), "\n")  # no anchored pattern is satisfied by the newline itself
    assert re.compile(pattern).search("x\n") is None or head.endswith("\\s*")


@pytest.mark.parametrize("schemas", [bundled_schemas(), SchemaSet()], ids=["fast-path", "jsonschema"])
@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("id",), "ven_x\n"),
        (("id",), "ven_x\n\n"),
        (("country",), "SE\n"),
        (("domains", 0), "example.org\n"),
    ],
)
def test_a_trailing_newline_is_a_schema_violation(schemas: SchemaSet, path: tuple[str | int, ...], value: str) -> None:
    def vendor(text: str) -> dict[str, Any]:
        document: dict[str, Any] = {"kind": "vendor", "id": "ven_x", "legal_name": "Example AB"}
        if path[0] == "domains":
            document["domains"] = [text]
        else:
            document[str(path[0])] = text
        return document

    violations = schemas.validate(vendor(value))
    assert [(v.path, v.validator) for v in violations] == [(path, "pattern")]
    assert schemas.validate(vendor(value.rstrip("\n"))) == []


@pytest.mark.parametrize(("fmt", "value"), [("date", "2026-01-01\n"), ("date-time", "2026-01-01T10:00:00Z\n")])
def test_formats_refuse_a_final_newline(fmt: str, value: str) -> None:
    assert not FORMAT_CHECKER.conforms(value, fmt)
    assert FORMAT_CHECKER.conforms(value.rstrip("\n"), fmt)


def test_ecma_regex_keeps_escaped_and_class_dollars() -> None:
    assert ecma_regex(r"^\$").search("$.a")
    assert ecma_regex(r"^[$]x$").search("$x")
    assert not ecma_regex(r"^[$]x$").search("$x\n")
