"""The OPA engine fails closed like the regorus one: errors and wrong shapes never read as an empty result."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ethiq.engine.errors import EvaluationError, PolicyLoadError
from ethiq.engine.evaluate.evaluator import UNDEFINED, PreparedEngine
from ethiq.engine.evaluate.opa import OpaPreparedEngine, bindings_problem, engine_version

OPA_PROBLEM = bindings_problem()
pytestmark = pytest.mark.skipif(OPA_PROBLEM is not None, reason=OPA_PROBLEM or "")

POLICY = """package t

deny contains f if {
	input.kind == "vendor"
	f := {"rule": "T-1", "path": ["legal_name"]}
}

flag := false

ratio := input.a / input.b

scalar := 1

noisy if {
	print("seen", input.kind)
}

from_data := data.limits.max
"""


@pytest.fixture
def engine() -> Iterator[OpaPreparedEngine]:
    prepared = OpaPreparedEngine([("t.rego", POLICY)], {"limits": {"max": 3}})
    yield prepared
    prepared.close()


def test_a_set_rule_returns_its_elements(engine: OpaPreparedEngine) -> None:
    engine.set_input({"kind": "vendor"})
    assert engine.eval_set("data.t.deny") == [{"rule": "T-1", "path": ["legal_name"]}]
    engine.set_input({"kind": "audience"})
    assert engine.eval_set("data.t.deny") == []


def test_false_is_a_value_and_a_missing_rule_is_undefined(engine: OpaPreparedEngine) -> None:
    engine.set_input({})
    assert engine.eval_rule("data.t.flag") is False
    assert engine.eval_rule("data.t.nothing_here") is UNDEFINED
    assert engine.eval_path(["t", "flag"]) is False
    assert engine.eval_path(["t", "scalar"]) == 1
    assert engine.eval_path(["t", "nothing_here"]) is UNDEFINED


def test_a_runtime_error_names_the_file_and_line(engine: OpaPreparedEngine) -> None:
    engine.set_input({"a": 1, "b": 0})
    with pytest.raises(EvaluationError, match=r"at t\.rego:10: .*divide by zero") as info:
        engine.eval_rule("data.t.ratio")
    assert (info.value.file, info.value.line) == ("t.rego", 10)
    with pytest.raises(EvaluationError, match=r"at t\.rego:10: .*divide by zero"):
        engine.eval_path(["t", "ratio"])


def test_a_non_set_or_undefined_where_a_set_is_expected_is_an_error(engine: OpaPreparedEngine) -> None:
    engine.set_input({})
    with pytest.raises(EvaluationError, match="expected a set"):
        engine.eval_set("data.t.scalar")
    with pytest.raises(EvaluationError, match="undefined"):
        engine.eval_set("data.t.nothing_here")


def test_malformed_input_is_an_error(engine: OpaPreparedEngine) -> None:
    engine.set_input_json('{"kind": ')
    with pytest.raises(EvaluationError, match="input rejected"):
        engine.eval_set("data.t.deny")
    with pytest.raises(EvaluationError, match="NUL"):
        engine.set_input_json('{"kind": "vendor"}\0{"kind": "ad"}')


def test_new_data_replaces_the_old(engine: OpaPreparedEngine) -> None:
    engine.set_input({})
    assert engine.eval_rule("data.t.from_data") == 3
    engine.set_data({"other": True})
    assert engine.eval_rule("data.t.from_data") is UNDEFINED
    assert engine.eval_rule("data.other") is True


def test_prints_are_gathered_when_asked(engine: OpaPreparedEngine) -> None:
    engine.set_input({"kind": "ad"})
    engine.gather_prints(True)
    assert engine.eval_rule("data.t.noisy") is True
    assert engine.take_prints() == ["t.rego:15: seen ad"]
    assert engine.take_prints() == []


def test_a_query_has_the_shape_regorus_gives(engine: OpaPreparedEngine) -> None:
    regorus = PreparedEngine([("t.rego", POLICY)], {"limits": {"max": 3}})
    for prepared in (engine, regorus):
        prepared.set_input({"a": 1})
    for query in ("x := input.a; y := data.limits.max", "data.t.scalar", "input.missing"):
        assert engine.eval_query(query) == regorus.eval_query(query), query


def test_a_parse_error_names_file_and_line() -> None:
    with pytest.raises(PolicyLoadError) as info:
        OpaPreparedEngine([("broken.rego", "package b\n\ndeny contains x if {\n\tx := \n}\n")])
    assert (info.value.file, info.value.line) == ("broken.rego", 5)  # OPA points at the "}" that ends the rule


def test_an_unknown_function_fails_at_load_with_file_and_line() -> None:
    with pytest.raises(PolicyLoadError, match=r"undefined function nope\.fn") as info:
        OpaPreparedEngine([("u.rego", "package u\n\ndeny contains x if {\n\tx := nope.fn(1)\n}\n")])
    assert (info.value.file, info.value.line) == ("u.rego", 4)


def test_a_rule_where_data_lives_fails_at_load_with_file_and_line() -> None:
    rules = [("a.rego", "package ok\n\nx := 1\n"), ("user.rego", "package ethiq.index\n\nblocked_names := {}\n")]
    with pytest.raises(PolicyLoadError, match="conflicting rule for data path") as info:
        OpaPreparedEngine(rules, {"ethiq": {"index": {"blocked_names": {"acme": ["ven_1"]}}}})
    assert (info.value.file, info.value.line) == ("user.rego", 3)


def test_the_engine_names_itself() -> None:
    assert engine_version() == "OPA (opa-golib-python-bindings 0.4.4)"
