"""Messages a person can act on: impossible dates, unknown kinds, quiet test runs, the configuration listing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def ethiq(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ETHIQ_")}
    return subprocess.run(
        [sys.executable, "-m", "ethiq", *args], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )


def test_an_impossible_date_is_named_as_such() -> None:
    result = ethiq("check", "fixtures/example-campaign/vendors", "--as-of", "2026-11-31")
    assert result.returncode == 2
    assert "2026-11-31 is not a date that exists" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_kind_no_rule_judges_is_a_usage_error_with_the_nearest_kind() -> None:
    result = ethiq("rules", "--kind", "vendr")
    assert result.returncode == 2
    assert "did you mean vendor?" in result.stderr
    assert result.stdout == ""


def test_ethiq_test_prints_failures_only_unless_verbose(tmp_path: Path) -> None:
    policy = tmp_path / "extra_test.rego"
    policy.write_text(
        "package extra_test\n\nimport rego.v1\n\ntest_passes if { 1 == 1 }\n\ntest_fails if { 1 == 2 }\n",
        encoding="utf-8",
    )
    quiet = ethiq("test", str(tmp_path), "--run", "*extra*")
    assert quiet.returncode == 1
    lines = [line for line in quiet.stdout.splitlines() if line.strip()]
    assert any(line.startswith("FAIL") and "test_fails" in line for line in lines)
    assert not any(line.startswith("PASS") for line in lines)
    assert lines[-1] == "2 tests: 1 passed, 1 failed, 0 errors"
    verbose = ethiq("test", str(tmp_path), "--run", "*extra*", "-v")
    assert any(line.startswith("PASS") and "test_passes" in line for line in verbose.stdout.splitlines())


def test_config_says_today_rather_than_none(tmp_path: Path) -> None:
    result = ethiq("config", cwd=tmp_path)
    assert result.returncode == 0
    assert "None" not in result.stdout
    assert any(line.split()[:3] == ["as_of", "=", "today"] for line in result.stdout.splitlines())
    assert all(line == line.rstrip() for line in result.stdout.splitlines())


def test_explain_in_swedish_has_no_english_label() -> None:
    from ethiq.cli.catalog import EXPLAIN_LABELS

    result = ethiq("explain", "DAT-005", "--lang", "sv")
    assert result.returncode == 0
    text = result.stdout
    for key, english in EXPLAIN_LABELS["en"].items():
        if key in ("yes", "no", "to"):
            continue
        assert english.split("{")[0].strip(" `(") not in text, english
    assert "Allvarlighetsgrad" in text
    assert "22 mars 2018" in text
    assert all(line == line.rstrip() for line in text.splitlines())
