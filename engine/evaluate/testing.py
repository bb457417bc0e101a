"""Run the Rego unit tests (``test_*`` rules) of the bundled library and of extra policy directories.

regorus has no test runner: the test rules are listed from the engine's AST and evaluated one by one
(``with input as`` / ``with data... as`` mocks behave as in OPA). A test passes only when it evaluates to
``true``; ``false``, undefined and errors fail it. Line coverage of the policies (not of the tests) comes
from the engine's coverage report.
"""

from __future__ import annotations

import fnmatch
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EthiqError, UsageError
from ..graph import build_context
from .engines import OPA, REGORUS, Engine, prepare_engine, require_engine
from .evaluator import UNDEFINED, PreparedEngine
from .policies import check_structure, discover_modules


@dataclass(frozen=True, slots=True)
class RegoTest:
    package: str
    name: str
    file: str
    line: int

    @property
    def rule(self) -> str:
        return f"data.{self.package}.{self.name}"


@dataclass(frozen=True, slots=True)
class RegoTestResult:
    test: RegoTest
    status: str  # pass | fail | error
    message: str = ""
    duration_ms: float = 0.0
    prints: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return self.status == "pass"


@dataclass(frozen=True, slots=True)
class FileCoverage:
    file: str
    covered: frozenset[int]
    not_covered: frozenset[int]

    @property
    def percent(self) -> float:
        total = len(self.covered | self.not_covered)
        return 100.0 * len(self.covered) / total if total else 100.0


@dataclass(slots=True)
class RegoTestReport:
    results: list[RegoTestResult] = field(default_factory=list)
    coverage: list[FileCoverage] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return bool(self.results) and all(r.passed for r in self.results)

    @property
    def coverage_percent(self) -> float:
        covered = sum(len(c.covered) for c in self.coverage)
        total = sum(len(c.covered | c.not_covered) for c in self.coverage)
        return 100.0 * covered / total if total else 100.0

    def counts(self) -> dict[str, int]:
        out = {"pass": 0, "fail": 0, "error": 0}
        for result in self.results:
            out[result.status] += 1
        return out


def find_tests(ast: Iterable[Mapping[str, Any]]) -> list[RegoTest]:
    """Rules named ``test_*`` in every module, in file and line order."""
    tests: list[RegoTest] = []
    for module in ast:
        file = module["source"]["file"]
        package = ".".join(_ref_parts(module["ast"]["package"]["refr"]))
        for rule in module["ast"]["rules"]:
            spec = rule.get("Spec")
            if not spec:
                continue
            head_kind, head = next(iter(spec["head"].items()))
            if head_kind not in ("Compr", "Set"):
                continue
            parts = _ref_parts(head["refr"])
            if parts and parts[-1].startswith("test_") and len(parts) == 1:
                tests.append(RegoTest(package, parts[0], file, head["span"]["line"]))
    unique = {(t.package, t.name): t for t in tests}  # a test may have several bodies
    return sorted(unique.values(), key=lambda t: (t.file, t.line))


def _ref_parts(ref: Mapping[str, Any]) -> list[str]:
    if "Var" in ref:
        return [str(ref["Var"]["value"])]
    if "RefDot" in ref:
        inner = ref["RefDot"]
        return [
            *_ref_parts(inner["refr"]),
            str(inner["field"][1] if isinstance(inner["field"], list) else inner["field"]),
        ]
    return []


def run_rego_tests(
    directories: Iterable[str | Path] = (),
    *,
    match: str | None = None,
    coverage: bool = False,
    context: Iterable[str | Path] = (),
    engine: str = REGORUS,
) -> RegoTestReport:
    """Run every ``test_*`` rule (optionally only names matching the glob ``match``) on ``engine``.

    The tests are listed from regorus's syntax tree whatever the engine runs them; coverage is regorus's.
    """
    if coverage and engine == OPA:
        raise UsageError("--coverage needs the regorus engine: ethiq reads line coverage from regorus only")
    require_engine(engine)
    modules = discover_modules([Path(d) for d in directories], include_tests=True)
    data = build_context(files=list(context)).rego_data()
    check_structure(modules, data)
    listing = PreparedEngine(((m.path, m.text) for m in modules), data)
    runner: Engine = listing if engine == REGORUS else prepare_engine(engine, listing.modules, data)
    try:
        runner.set_input({})
        runner.gather_prints(True)
        if coverage:
            listing.enable_coverage(True)
        report = RegoTestReport()
        for test in find_tests(listing.ast()):
            if match and not fnmatch.fnmatchcase(test.name, match) and not fnmatch.fnmatchcase(test.rule, match):
                continue
            report.results.append(_run_one(runner, test))
    finally:
        runner.close()
    if coverage:
        test_files = {m.path for m in modules if m.path.endswith("_test.rego")}
        reported = {entry["path"]: entry for entry in listing.coverage().get("files", [])}
        for module in listing.ast():
            path = module["source"]["file"]
            if path in test_files:
                continue
            entry = reported.get(path)
            if entry is None:  # never evaluated: every statement of the module is uncovered
                report.coverage.append(FileCoverage(path, frozenset(), frozenset(_statement_lines(module["ast"]))))
            else:
                covered = frozenset(entry.get("covered", []))
                report.coverage.append(FileCoverage(path, covered, frozenset(entry.get("not_covered", []))))
    return report


def _statement_lines(node: Any) -> set[int]:
    """Lines of the statements in a module's AST: what coverage counts."""
    lines: set[int] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "stmts" and isinstance(value, list):
                lines.update(stmt["span"]["line"] for stmt in value if isinstance(stmt, dict) and "span" in stmt)
            lines |= _statement_lines(value)
    elif isinstance(node, list):
        for item in node:
            lines |= _statement_lines(item)
    return lines


def _run_one(engine: Engine, test: RegoTest) -> RegoTestResult:
    started = time.perf_counter()
    status, message = "pass", ""
    try:
        value = engine.eval_rule(test.rule)
        if value is not True:
            status, message = "fail", "undefined" if value is UNDEFINED else f"evaluated to {value!r}"
    except EthiqError as err:
        status, message = "error", str(err)
    elapsed = (time.perf_counter() - started) * 1000
    return RegoTestResult(test, status, message, elapsed, tuple(engine.take_prints()))
