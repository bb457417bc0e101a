"""The engine wrapper fails closed: errors, panics and wrong shapes never read as an empty result."""

from __future__ import annotations

import pytest

from ethiq.engine.errors import EvaluationError, PolicyLoadError
from ethiq.engine.evaluate.evaluator import PreparedEngine, clean_message

POLICY = """package t

deny contains f if {
	input.kind == "vendor"
	f := {"rule": "T-1", "path": ["legal_name"]}
}

count_all := strings.count(input.s, input.sep)

ratio := input.a / input.b

scalar := 1
"""


@pytest.fixture
def engine() -> PreparedEngine:
    return PreparedEngine([("t.rego", POLICY)], {})


def test_a_set_rule_returns_its_elements(engine: PreparedEngine) -> None:
    engine.set_input({"kind": "vendor"})
    assert engine.eval_set("data.t.deny") == [{"rule": "T-1", "path": ["legal_name"]}]
    engine.set_input({"kind": "audience"})
    assert engine.eval_set("data.t.deny") == []


def test_a_rust_panic_becomes_an_evaluation_error(engine: PreparedEngine) -> None:
    engine.set_input({"s": "abc", "sep": ""})  # strings.count with an empty separator panics in regorus 0.13
    with pytest.raises(EvaluationError, match="engine panic"):
        engine.eval_rule("data.t.count_all")


def test_a_runtime_error_names_the_location(engine: PreparedEngine) -> None:
    engine.set_input({"a": 1, "b": 0})
    with pytest.raises(EvaluationError, match=r"t\.rego:10:\d+.*divide by zero"):
        engine.eval_rule("data.t.ratio")


def test_a_non_set_where_a_set_is_expected_is_an_error(engine: PreparedEngine) -> None:
    engine.set_input({})
    with pytest.raises(EvaluationError, match="expected a set"):
        engine.eval_set("data.t.scalar")


def test_an_unknown_rule_is_an_error_not_empty(engine: PreparedEngine) -> None:
    engine.set_input({})
    with pytest.raises(EvaluationError):
        engine.eval_set("data.t.nothing_here")


def test_a_parse_error_names_file_line_and_column() -> None:
    with pytest.raises(PolicyLoadError) as info:
        PreparedEngine([("broken.rego", "package b\n\ndeny contains x if {\n\tx := \n}\n")])
    assert (info.value.file, info.value.line) == ("broken.rego", 4)


def test_compile_check_finds_unknown_functions() -> None:
    engine = PreparedEngine([("u.rego", "package u\n\ndeny contains x if {\n\tx := nope.fn(1)\n}\n")])
    with pytest.raises(PolicyLoadError, match=r"nope\.fn") as info:
        engine.compile_check(["data.u.deny"], {})
    assert (info.value.file, info.value.line) == ("u.rego", 4)


def test_backtraces_are_removed_from_messages() -> None:
    assert clean_message(RuntimeError("boom\n\nStack backtrace:\n 0: x\n 1: y")) == "boom"
