"""The Rego unit tests beside the policies, one pytest case each, and the ``ethiq test`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from ethiq.engine.evaluate.testing import RegoTestReport, run_rego_tests

REPORT: RegoTestReport = run_rego_tests(coverage=True)


def test_the_bundled_policies_have_tests() -> None:
    assert len(REPORT.results) > 500
    assert {r.test.package for r in REPORT.results} >= {
        f"ethiq.rules.{kind}_test" for kind in ("vendor", "data_source", "audience", "account", "ad", "campaign")
    }


@pytest.mark.parametrize("result", REPORT.results, ids=lambda r: f"{r.test.package}.{r.test.name}")
def test_rego(result) -> None:  # type: ignore[no-untyped-def]
    assert result.passed, f"{result.test.file}:{result.test.line}: {result.message} {list(result.prints)}"


def test_every_policy_line_is_covered() -> None:
    uncovered = {c.file: sorted(c.not_covered) for c in REPORT.coverage if c.not_covered}
    assert REPORT.coverage_percent == 100.0, uncovered


def ethiq_test(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ethiq", "test", *args], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_ethiq_test_exit_codes(tmp_path: Path) -> None:
    passing = ethiq_test("--run", "test_ref_001_*", "--format", "json")
    assert passing.returncode == 0, passing.stdout
    summary = json.loads(passing.stdout)["summary"]
    assert summary["pass"] == summary["total"] == 3

    (tmp_path / "broken_test.rego").write_text("package custom_test\n\ntest_wrong if {\n\t1 == 2\n}\n")
    failing = ethiq_test(str(tmp_path), "--run", "test_wrong")
    assert failing.returncode == 1
    assert "FAIL custom_test.test_wrong" in failing.stdout

    (tmp_path / "broken_test.rego").write_text("package custom_test\n\ntest_error if {\n\t1 / 0 == 1\n}\n")
    erroring = ethiq_test(str(tmp_path), "--run", "test_error")
    assert erroring.returncode == 3


def test_ethiq_test_coverage_threshold() -> None:
    result = ethiq_test("--run", "test_ref_001_*", "--threshold", "99")
    assert result.returncode == 1  # three tests cover far less than 99 % of the policies
    assert "NOT met" in result.stdout
