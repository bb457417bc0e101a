"""``--engine opa``: the whole check evaluated on OPA gives the report regorus gives, the engine's name aside.

Also the bundle as ``ethiq bundle`` writes it, loaded into OPA, and the Rego unit tests run by ``ethiq test
--engine opa``. Where the OPA bindings cannot be used these tests skip saying why (tests/test_opa_parity.py
makes that a failure in CI).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_opa_parity import OPA_PROBLEM, _fixture_paths, compare, ethiq_inputs
from test_parallel import generate

from conftest import AS_OF, FIXTURES, ROOT
from ethiq import Checker
from ethiq.engine.evaluate.bundle import build_bundle, read_bundle
from ethiq.engine.evaluate.opa import OpaPreparedEngine

pytestmark = pytest.mark.skipif(OPA_PROBLEM is not None, reason=OPA_PROBLEM or "")

EXAMPLE = FIXTURES / "example-campaign"


def ethiq(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ethiq", *args], capture_output=True, text=True, cwd=cwd, check=False)


def _without_engine(report: dict[str, Any]) -> dict[str, Any]:
    tool = dict(report.pop("tool", {}))
    report["tool"] = {key: value for key, value in tool.items() if key != "engine"}
    return report


@pytest.fixture(scope="module")
def opa_checker() -> Checker:
    return Checker(as_of=AS_OF, engine="opa")


def test_the_command_gives_the_default_engines_report() -> None:
    reports = {}
    for engine in ("regorus", "opa"):
        named = ("--context", str(EXAMPLE / "context.yaml"))
        result = ethiq("check", "--engine", engine, str(EXAMPLE), *named, "--as-of", AS_OF, "--format", "json")
        assert result.returncode == 1, result.stderr
        reports[engine] = json.loads(result.stdout)
    assert reports["regorus"]["tool"]["engine"].startswith("regorus")
    assert reports["opa"]["tool"]["engine"].startswith("OPA")
    assert _without_engine(reports["opa"]) == _without_engine(reports["regorus"])
    assert len(reports["opa"]["findings"]) > 20


def _brings_a_context(path: Path) -> bool:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.suffix in (".yaml", ".yml", ".json")]
    return any("policy_context" in file.read_text(encoding="utf-8", errors="replace") for file in files)


@pytest.mark.slow
def test_opa_is_never_forked_so_a_check_on_it_finishes(opa_checker: Checker, tmp_path: Path) -> None:
    """A forked child of a process holding OPA would block for ever (Go's threads are not forked): the time
    budgets' child is not used with OPA, and a check of files judges every document."""
    assert opa_checker.stages.fork_safe is False
    vendor = "kind: vendor\nid: ven_ca\nlegal_name: Cambridge Analytica LLC\n"
    (tmp_path / "v.yaml").write_text(vendor, encoding="utf-8")
    report = opa_checker.check([tmp_path], jobs=1)
    assert [str(d.verdict) for d in report.documents] == ["fail"]
    assert not report.problems


def test_the_fixtures_give_the_same_reports_on_opa(checker: Checker, opa_checker: Checker) -> None:
    """Each fixture checked on its own, as the fixture table checks it. OPA builds a new engine for every
    policy context (2 to 3 s), so of the fixtures that bring their own context only the example campaign
    and two more are checked here; tests/test_opa_parity.py compares every fixture's rule results."""
    plain = [path for path in _fixture_paths() if not _brings_a_context(path)]
    with_context = [path for path in _fixture_paths() if _brings_a_context(path)]
    assert EXAMPLE in with_context
    paths = [EXAMPLE, *with_context[1:3], *plain]
    differing = []
    for path in paths:
        expected, actual = checker.check([path], jobs=1).to_dict(), opa_checker.check([path], jobs=1).to_dict()
        if _without_engine(actual) != _without_engine(expected):
            differing.append(str(path.relative_to(FIXTURES)))
    assert len(plain) > 200
    assert differing == []


@pytest.mark.slow
def test_worker_processes_evaluate_on_opa_too(checker: Checker, opa_checker: Checker, tmp_path: Path) -> None:
    repository = generate(150, seed=21, out=tmp_path / "repo")
    expected = checker.check([repository.out], jobs=1).to_dict()
    actual = opa_checker.check([repository.out], jobs=2).to_dict()
    assert actual["tool"]["engine"].startswith("OPA")
    assert _without_engine(actual) == _without_engine(expected)


def test_the_bundle_command_writes_what_opa_loads_and_decides_with(tmp_path: Path) -> None:
    context = EXAMPLE / "context.yaml"
    target = tmp_path / "out" / "ethiq-bundle.tar.gz"
    result = ethiq("bundle", "-o", str(target), "--context", str(context))
    assert result.returncode == 0, result.stderr
    assert f"wrote {target}" in result.stderr
    checker = Checker(as_of=AS_OF, context=[context])
    policy_set = checker.policy_set
    blob = target.read_bytes()
    assert blob == build_bundle(
        policy_set.modules, checker.base_context.rego_data(), entry_points=policy_set.entry_points
    )
    bundle = read_bundle(blob)
    documents = sorted(p for p in EXAMPLE.rglob("*.yaml") if p != context)
    built = ethiq_inputs(checker, documents)
    assert all(item.context is checker.base_context for item in built)
    tally = compare(policy_set, built, lambda data: OpaPreparedEngine(bundle.modules, bundle.data))
    assert tally.documents == len(built) > 20
    assert (tally.differences, tally.errors) == ([], [])


def test_a_bundle_with_a_colliding_policy_is_not_written(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "index.rego").write_text("package ethiq.index\n\nblocked_names := {}\n")
    target = tmp_path / "b.tar.gz"
    result = ethiq("bundle", "-o", str(target), "--policies", str(policies))
    assert result.returncode == 3
    assert f"{policies / 'index.rego'}:3:" in result.stderr
    assert not target.exists()


def test_the_rego_unit_tests_run_on_opa() -> None:
    result = ethiq("test", "--engine", "opa", "--run", "test_ven_0*", "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert summary["total"] == summary["pass"] > 20
    coverage = ethiq("test", "--engine", "opa", "--coverage")
    assert coverage.returncode == 2
    assert "--coverage needs the regorus engine" in coverage.stderr
