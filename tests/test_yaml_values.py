"""YAML documents without aliases are built by a direct walk of the composed tree: the very values PyYAML's
constructor gives with the reader's Loader (types included), and its errors for what the walk leaves to it."""

from __future__ import annotations

import math
import re
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ethiq.engine.errors import DocumentReadError
from ethiq.engine.read import parse_documents
from ethiq.engine.read.formats import Loader, construct_plain
from ethiq.engine.read.limits import Unrepresentable


def same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (True is not 1), NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(k, k2) and same(a[k], b[k2]) for k, k2 in zip(a, b, strict=True))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, Unrepresentable):
        return (a.text, a.reason) == (b.text, b.reason)
    return bool(a == b)


def both(text: str) -> list[tuple[Any, Any]]:
    """(the walk's value, the constructor's value) of each document of ``text``; a document the constructor
    refuses (a duplicate key) must be refused by the walk with the same message."""
    pairs = []
    for node in yaml.compose_all(text, Loader=Loader):
        refused = None
        try:
            constructed = Loader("").construct_document(node)
        except yaml.constructor.ConstructorError as err:
            refused = str(err)
        if refused is not None:
            with pytest.raises(yaml.constructor.ConstructorError, match=re.escape(refused)):
                construct_plain(Loader(""), node)
            continue
        pairs.append((construct_plain(Loader(""), node), constructed))
    return pairs


scalar_texts = st.sampled_from(
    [
        "a", "'quoted'", '"dq\\n"', "yes", "no", "NO", "on", "true", "False", "TRUE", "~", "null", "", "12", "-0",
        "0x1F", "0o17", "0b101", "1_000", "+7", "3.5", "1e3", "1e400", ".inf", "-.Inf", ".nan", "2026-11-23",
        "2026-11-23T10:00:00Z", "9" * 400, "!!str 12", "!!int '12'", "!!float '1'", "!!bool yes", "!!null x",
        "|\n  block\n  text", "12:30", "1.5e-3", "0.", "'-'", "'0x1F'",
    ]
)  # fmt: skip
keys = st.sampled_from(["a", "b", "kind", "1", "2.5", "true", "null", "'x y'", "é", "NO"])


@st.composite
def block_yaml(draw: st.DrawFn, depth: int = 0) -> str:
    """A block mapping of drawn keys to scalars, flow collections, nested mappings and sequences."""
    lines = []
    indent = "  " * depth
    for key in draw(st.lists(keys, min_size=1, max_size=4, unique=True)):
        choice = draw(st.integers(0, 4 if depth < 3 else 1))
        if choice <= 1:
            value = draw(scalar_texts)
            if value.startswith("|"):
                value = value.replace("\n", "\n" + indent)
            lines.append(f"{indent}{key}: {value}")
        elif choice == 2:
            items = draw(st.lists(scalar_texts.filter(lambda t: "\n" not in t and not t.startswith("!")), max_size=3))
            lines.append(f"{indent}{key}: [{', '.join(i or '~' for i in items)}]")
        elif choice == 3:
            lines.append(f"{indent}{key}:")
            lines.append(draw(block_yaml(depth + 1)))
        else:
            lines.append(f"{indent}{key}:")
            for _ in range(draw(st.integers(1, 2))):
                lines.append(f"{indent}  - {draw(scalar_texts.filter(lambda t: chr(10) not in t))}")
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(documents=st.lists(block_yaml(), min_size=1, max_size=3))
def test_the_walk_builds_what_the_constructor_builds(documents: list[str]) -> None:
    text = "\n---\n".join(documents) + "\n"
    for walked, constructed in both(text):
        assert same(walked, constructed), text


@settings(max_examples=30, deadline=None)
@given(value=st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=15,
), flow=st.booleans())  # fmt: skip
def test_the_walk_reads_what_pyyaml_writes(value: Any, flow: bool) -> None:
    text = yaml.safe_dump({"kind": "vendor", "value": value}, default_flow_style=flow, allow_unicode=True)
    ((walked, constructed),) = both(text)
    assert same(walked, constructed)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kind: vendor\nid: a\nid: b\n", "duplicate key 'id'"),
        ("kind: vendor\n1: a\ntrue: b\n", "duplicate key"),
        ("kind: vendor\n? [a, b]\n: c\n", "unhashable"),
        ("kind: vendor\nx: !custom 1\n", "could not determine a constructor"),
    ],
)
def test_what_the_walk_leaves_to_the_constructor_fails_as_before(text: str, message: str) -> None:
    with pytest.raises(DocumentReadError, match=message):
        parse_documents(text, name="v.yaml")


def test_other_tags_merge_keys_and_deep_nesting_are_read_by_the_constructor() -> None:
    depth = 990  # deeper than the walk's stack allows: left to the constructor, which needs no stack
    text = (
        "kind: vendor\nset: !!set {a, b}\nbase: {x: 1}\nmerged:\n  <<: {y: 2}\n  z: 3\ndeep: "
        + "[" * depth
        + "]" * depth
    )
    ((walked, constructed),) = both(text)
    assert same(walked["merged"], {"y": 2, "z": 3})
    assert same(walked["merged"], constructed["merged"])
    assert isinstance(walked["set"], Unrepresentable)
    nested, levels = walked["deep"], 1
    while nested:
        nested, levels = nested[0], levels + 1
    assert levels == depth
