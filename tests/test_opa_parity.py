"""The policies mean the same on OPA, the reference implementation of Rego, as on regorus.

- Every Rego unit test (the ``test_*`` rules ``ethiq test`` runs) passes on OPA too.
- A differential: every fixture document and a generated repository are checked by ethiq, and the very
  input JSON ethiq built for each document is evaluated on both engines; every deny/warn/info set of the
  document's kind must be identical, element for element.
- The OPA bundle of the policy set, read back as OPA reads it and loaded into OPA, gives the same sets on the
  fixtures' inputs.

The OPA bindings come from ``tools/install_opa.py`` (run by the README's test command). Where they cannot be
used these tests skip, saying why; in CI (``CI`` set) that is a failure instead.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from test_fixtures import fixture_entries
from test_parallel import generate  # bench/generate.py, loaded once

from conftest import FIXTURES
from ethiq.engine.errors import EthiqError, EvaluationError
from ethiq.engine.evaluate.bundle import build_bundle, read_bundle
from ethiq.engine.evaluate.evaluator import PreparedEngine
from ethiq.engine.evaluate.opa import OpaPreparedEngine, bindings_problem
from ethiq.engine.evaluate.policies import PolicySet, discover_modules
from ethiq.engine.evaluate.testing import find_tests
from ethiq.engine.graph import PolicyContext, build_context
from ethiq.engine.judge.stages import OWN_LINEAGE_RULE
from ethiq.engine.read import Document
from ethiq.engine.validate import JUDGED_KINDS

OPA_PROBLEM = bindings_problem()
needs_opa = pytest.mark.skipif(OPA_PROBLEM is not None, reason=OPA_PROBLEM or "")

#: The generated repository: documents of every kind, with planted violations of many rules. 800 documents
#: take about 50 s on a busy 2-core machine; `python bench/run.py --parts opa` compares 10,000 by default.
GENERATED_DOCUMENTS = 800


@pytest.mark.skipif(not os.environ.get("CI"), reason="outside CI the OPA tests may skip; in CI they must run")
def test_ci_has_the_opa_bindings() -> None:
    assert OPA_PROBLEM is None, f"CI must run the OPA parity tests: {OPA_PROBLEM}"


# --- the Rego unit tests on OPA -------------------------------------------------------------------------------

REGO_MODULES = [(m.path, m.text) for m in discover_modules([], include_tests=True)]
REGO_TESTS = find_tests(PreparedEngine(REGO_MODULES).ast())


@pytest.fixture(scope="module")
def opa_with_tests() -> Iterator[OpaPreparedEngine]:
    """The library and its tests on OPA, with the data and the empty input ``ethiq test`` gives them."""
    engine = OpaPreparedEngine(REGO_MODULES, build_context().rego_data())
    engine.set_input({})
    engine.gather_prints(True)
    yield engine
    engine.close()


def test_the_rego_tests_are_found() -> None:
    assert len(REGO_TESTS) > 500


@needs_opa
@pytest.mark.parametrize("test", REGO_TESTS, ids=lambda t: f"{t.package}.{t.name}")
def test_rego_on_opa(opa_with_tests: OpaPreparedEngine, test: Any) -> None:
    value = opa_with_tests.eval_path(test.rule.split(".")[1:])
    assert value is True, f"{test.file}:{test.line}: evaluated to {value!r} {opa_with_tests.take_prints()}"


# --- the differential -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Built:
    """One judged document and the input ethiq evaluated it on."""

    document: Document
    input_json: str
    context: PolicyContext


def ethiq_inputs(checker: Any, paths: Sequence[str | Path]) -> list[Built]:
    """Check ``paths`` as ethiq does and keep, for every judged document, the input JSON it built.

    The one place that knows where ethiq builds inputs (the judge stage's ``build_input_json``): it is
    wrapped for one in-process run, so the inputs are the very ones the engine was given.
    """
    from ethiq.engine.evaluate import budget
    from ethiq.engine.judge import stages

    built: list[Built] = []
    build = stages.build_input_json
    enforce = budget.can_enforce

    def record(
        document: Document,
        index: Any,
        context: PolicyContext,
        as_of: str,
        native: dict[str, Any] | None = None,
        **options: Any,
    ) -> str:
        text: str = build(document, index, context, as_of, native, **options)
        if options.get("whole_lineage", True):  # not an ancestor's input for its own_lineage alone
            built.append(Built(document, text, context))
        return text

    stages.build_input_json = record  # type: ignore[assignment]
    budget.can_enforce = lambda: False  # judged in this process, not in a forked child, so the inputs are seen here
    try:
        checker.check(paths, jobs=1)
    finally:
        stages.build_input_json = build  # type: ignore[assignment]
        budget.can_enforce = enforce
    return built


@dataclass(slots=True)
class Tally:
    documents: int = 0
    evaluations: int = 0
    differences: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.documents} documents, {self.evaluations} evaluations per engine, "
            f"{len(self.differences)} differences, {len(self.errors)} errors"
        )


Outcome = tuple[str, Any]


def _entries(policy_set: PolicySet, kind: str) -> list[str]:
    """The entry points of ``kind``, and for a data source the judgement of its own lineage the engine
    evaluates once per source and run (an object: compared as the one-element set holding it)."""
    entries = list(policy_set.entry_points.get(kind, []))
    return [*entries, OWN_LINEAGE_RULE] if kind == "data_source" else entries


def _value_of(engine: Any) -> Callable[[str], list[Any]]:
    """A rule's value as a one-element set: for rules whose value is not a set of findings."""
    return lambda rule: [engine.eval_rule(rule)]


def _outcome(evaluate: Callable[[str], list[Any]], entry: str) -> Outcome:
    try:
        found = evaluate(entry)
        return "set", sorted(json.dumps(item, sort_keys=True, ensure_ascii=False) for item in found)
    except EthiqError as err:
        return "error", str(err)


def _set_by_path(engine: OpaPreparedEngine) -> Callable[[str], list[Any]]:
    """``eval_set`` through one prepared query for every entry point (OPA prepares each query in a second)."""

    def evaluate(entry: str) -> list[Any]:
        value = engine.eval_path(entry.split(".")[1:])
        if not isinstance(value, list):
            raise EvaluationError(f"{entry}: expected a set of findings, OPA returned {value!r}")
        return value

    return evaluate


def compare(
    policy_set: PolicySet,
    built: Iterable[Built],
    opa_for: Callable[[dict[str, Any]], OpaPreparedEngine],
    *,
    by_path: bool = True,
) -> Tally:
    """Evaluate every built input on regorus and on the OPA engine ``opa_for(data)`` gives for its context.

    OPA evaluates each entry point by its path (``data[p[0]]...``, one prepared query) unless ``by_path`` is
    false: then by the entry point's own query, as a client of an OPA server asks it.
    """
    groups: dict[str, tuple[dict[str, Any], list[Built]]] = {}
    data_of: dict[int, tuple[str, dict[str, Any]]] = {}
    for item in built:
        if id(item.context) not in data_of:
            data = item.context.rego_data()
            data_of[id(item.context)] = (json.dumps(data, sort_keys=True), data)
        key, data = data_of[id(item.context)]
        groups.setdefault(key, (data, []))[1].append(item)
    tally = Tally()
    for data, items in groups.values():
        regorus = policy_set.prepare(data)
        opa = opa_for(data)
        opa_set = _set_by_path(opa) if by_path else opa.eval_set
        try:
            for item in items:
                tally.documents += 1
                where = f"{item.document.source.file}:{item.document.source.line} {item.document.id}"
                regorus.set_input_json(item.input_json)
                opa.set_input_json(item.input_json)
                for entry in _entries(policy_set, item.document.kind or ""):
                    tally.evaluations += 1
                    if entry == OWN_LINEAGE_RULE:
                        expected, actual = _outcome(_value_of(regorus), entry), _outcome(_value_of(opa), entry)
                    else:
                        expected, actual = _outcome(regorus.eval_set, entry), _outcome(opa_set, entry)
                    if "error" in (expected[0], actual[0]):
                        tally.errors.append(f"{where} {entry}: regorus {expected} / OPA {actual}")
                    elif expected != actual:
                        only_regorus = sorted(set(expected[1]) - set(actual[1]))
                        only_opa = sorted(set(actual[1]) - set(expected[1]))
                        tally.differences.append(f"{where} {entry}: only regorus {only_regorus}, only OPA {only_opa}")
        finally:
            opa.close()
    return tally


def _opa_of(policy_set: PolicySet) -> Callable[[dict[str, Any]], OpaPreparedEngine]:
    modules = [(m.path, m.text) for m in policy_set.modules]
    return lambda data: OpaPreparedEngine(modules, data)


def _fixture_paths() -> list[Path]:
    return [FIXTURES / "example-campaign", *(param.values[0] for param in fixture_entries())]


def test_the_differential_covers_every_fixture_file() -> None:
    covered: set[Path] = set()
    for path in _fixture_paths():
        covered |= {path} if path.is_file() else set(path.rglob("*"))
    documents = {p for p in FIXTURES.rglob("*") if p.suffix in (".json", ".yaml", ".yml")}
    assert documents - covered == set()


@pytest.fixture(scope="module")
def fixture_inputs(checker: Any) -> list[Built]:
    """The inputs ethiq builds for every fixture document, each fixture checked on its own as in the table."""
    built: list[Built] = []
    for path in _fixture_paths():
        built.extend(ethiq_inputs(checker, [path]))
    return built


def _report(name: str, tally: Tally, started: float) -> None:
    print(f"\n{name}: {tally.summary()} in {time.perf_counter() - started:.1f} s")


@needs_opa
def test_fixtures_decide_alike_on_both_engines(checker: Any, fixture_inputs: list[Built]) -> None:
    started = time.perf_counter()
    tally = compare(checker.policy_set, fixture_inputs, _opa_of(checker.policy_set))
    _report("fixtures", tally, started)
    assert tally.documents == len(fixture_inputs)
    assert {item.document.kind for item in fixture_inputs} == set(JUDGED_KINDS)
    assert (tally.differences, tally.errors) == ([], [])


@needs_opa
@pytest.mark.slow
def test_a_generated_repository_decides_alike_on_both_engines(checker: Any, tmp_path: Path) -> None:
    started = time.perf_counter()
    repository = generate(GENERATED_DOCUMENTS, seed=14, out=tmp_path / "repo")
    built = ethiq_inputs(checker, [repository.out])
    tally = compare(checker.policy_set, built, _opa_of(checker.policy_set))
    _report("generated repository", tally, started)
    assert tally.documents == repository.documents
    assert (tally.differences, tally.errors) == ([], [])


# --- the bundle on OPA ----------------------------------------------------------------------------------------


@needs_opa
def test_the_bundle_loaded_into_opa_decides_as_ethiq(checker: Any, fixture_inputs: list[Built]) -> None:
    policy_set = checker.policy_set
    blob = build_bundle(policy_set.modules, checker.base_context.rego_data(), entry_points=policy_set.entry_points)
    bundle = read_bundle(blob)
    # The bundle holds the bundled context: the fixtures that bring their own policy_context need their own.
    same_context = [item for item in fixture_inputs if item.context is checker.base_context]
    opa_for = lambda data: OpaPreparedEngine(bundle.modules, bundle.data)  # noqa: E731 - the bundle's own data
    tally = compare(policy_set, same_context, opa_for, by_path=False)
    assert bundle.data == checker.base_context.rego_data()
    assert tally.documents == len(same_context)
    assert {item.document.kind for item in same_context} == set(JUDGED_KINDS)
    assert (tally.differences, tally.errors) == ([], [])
