"""Arbitrary bytes and arbitrary JSON/YAML trees, fed to the reader and to the whole check.

Whatever the input: no exception escapes, every document the reader lets through is JSON the engine can
hold, and an input that cannot be judged gives exit 2 with a read problem, never 0 or 1 and never an engine
error (exit 3). The oracle for "the engine can hold it" is written here, independently of the reader.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ethiq.engine.read import Document, ReadProblem, iter_documents, parse_text
from ethiq.engine.report import ExitCode

#: A few examples each: every one runs the whole check in this process.
CHEAP = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LIMIT_DEPTH = 64
DOUBLE_MAX = 1.7976931348623157e308


def holdable(value: Any, depth: int = 1) -> bool:
    """The oracle: finite numbers within a double's range, text without lone surrogates, nesting within the
    default depth, string keys."""
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, int):
        return abs(value) <= DOUBLE_MAX
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        return not any("\ud800" <= char <= "\udfff" for char in value)
    if isinstance(value, list):
        return depth <= LIMIT_DEPTH and all(holdable(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return depth <= LIMIT_DEPTH and all(
            isinstance(key, str) and holdable(key) and holdable(item, depth + 1) for key, item in value.items()
        )
    return False


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from([10**309, -(10**400), 2**1100]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["\ud800", "a\udfffb"]),
)
trees = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)


def nest(value: Any, levels: int) -> Any:
    for _ in range(levels):
        value = [value]
    return value


def audience(value: Any) -> dict[str, Any]:
    """A schema-valid audience whose ``native_spec`` (an open object) holds ``value``."""
    return {
        "kind": "audience",
        "id": "aud_property",
        "platform": "email",
        "native_spec": {"value": value},
        "normalized": {"geo": {"countries": ["SE"]}, "include": [], "exclude": []},
    }


def as_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=False, sort_keys=False)


@CHEAP
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".yaml", ".json", ".txt"]))
def test_arbitrary_bytes_never_escape_the_reader(tmp_path_factory: Any, data: bytes, suffix: str) -> None:
    path = Path(tmp_path_factory.mktemp("bytes")) / f"input{suffix}"
    path.write_bytes(data)
    items = list(iter_documents([path]))
    assert items
    for item in items:
        assert isinstance(item, Document | ReadProblem)
        if isinstance(item, Document):
            assert holdable(item.data)
        else:
            assert item.file == str(path)
            assert item.message


@CHEAP
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_on_standard_input_never_pass(checker: Any, data: bytes) -> None:
    text = data.decode("utf-8", errors="surrogateescape")  # as ethiq reads standard input
    report = checker.check(["-"], stdin_text=text)
    assert not any(p.kind in ("engine_error", "policy_error") for p in report.problems)
    if not report.documents or any(p.file == "-" for p in report.problems):
        assert report.exit_code == ExitCode.INPUT_ERROR


@CHEAP
@given(tree=trees, levels=st.sampled_from([0, 0, 0, 60, 61, 62, 120]), fmt=st.sampled_from(["json", "yaml"]))
def test_arbitrary_trees_are_judged_or_refused_never_crash(checker: Any, tree: Any, levels: int, fmt: str) -> None:
    document = audience(nest(tree, levels))
    text = json.dumps(document) if fmt == "json" else as_yaml(document)
    report = checker.check(texts=[text])
    assert not any(p.kind in ("engine_error", "policy_error") for p in report.problems), report.problems
    if holdable(document):
        assert not any(p.kind == "read_error" for p in report.problems), report.problems
    else:
        assert report.exit_code == ExitCode.INPUT_ERROR
        (problem,) = (p for p in report.problems if p.kind == "read_error")
        assert problem.file == "<text 1>"
        # at the value; or, for a lone surrogate escaped in YAML, already the YAML parser's refusal
        assert problem.message.startswith(("$.native_spec.value", "invalid YAML: while parsing a quoted scalar"))


@CHEAP
@given(tree=trees)
def test_documents_in_memory_are_refused_like_files(checker: Any, tree: Any) -> None:
    document = audience(tree)
    report = checker.check([document])
    assert not any(p.kind in ("engine_error", "policy_error") for p in report.problems), report.problems
    if not holdable(document):
        assert report.exit_code == ExitCode.INPUT_ERROR
        assert any(p.kind == "read_error" and p.file == "<memory>" for p in report.problems)


@CHEAP
@given(tree=trees)
def test_the_reader_agrees_with_the_oracle(tree: Any) -> None:
    document = audience(tree)
    (item,) = list(parse_text(json.dumps(document), "t.json"))
    assert isinstance(item, Document) == holdable(document)
