"""Adopting the gate on day one, through the CLI: a baseline of today's findings, then only new ones fail."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

AS_OF = "2026-11-23"


def ethiq(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ETHIQ_")}
    return subprocess.run(
        [sys.executable, "-m", "ethiq", *args], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


SMALL = ("estimated_size: {lower: 1000, upper: 1300", "estimated_size: {lower: 400, upper: 600")  # AUD-001
YOUNG = ("\n  age_min: 18\n", "\n  age_min: 16\n")  # AUD-006 in the native Meta spec


def test_baseline_create_then_check_passes_and_one_new_violation_fails_alone(tmp_path: Path) -> None:
    directory = tmp_path / "campaign"
    assert ethiq("init", str(directory), cwd=tmp_path).returncode == 0
    audience = directory / "audiences" / "commuters.yaml"
    _edit(audience, *SMALL)
    assert ethiq("check", "--as-of", AS_OF, cwd=directory).returncode == 1

    created = ethiq("baseline", "create", "--as-of", AS_OF, "-o", "ethiq-baseline.yaml", cwd=directory)
    assert created.returncode == 0, created.stderr
    entries = yaml.safe_load((directory / "ethiq-baseline.yaml").read_text(encoding="utf-8"))["findings"]
    assert [(e["rule"], e["document"], e["path"]) for e in entries] == [
        ("AUD-001", "aud_commuters", "$.estimated_size.lower")
    ]

    # The baseline file sits among the documents, and a walk of the directory does not judge it.
    for args in (("check",), ("check", ".")):
        result = ethiq(*args, "--as-of", AS_OF, "--baseline", "ethiq-baseline.yaml", cwd=directory)
        assert result.returncode == 0, result.stdout + result.stderr

    _edit(audience, *YOUNG)
    result = ethiq("check", "--as-of", AS_OF, "--baseline", "ethiq-baseline.yaml", "--format", "json", cwd=directory)
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert [(f["rule_id"], f["location"]["path"]) for f in report["findings"] if f["blocking"]] == [
        ("AUD-006", "$.native_spec.age_min")
    ]
    assert report["summary"]["baselined"] == 1
    compact = ethiq("check", "--as-of", AS_OF, "--baseline", "ethiq-baseline.yaml", "--compact", cwd=directory)
    assert compact.returncode == 1
    [line] = compact.stdout.splitlines()
    source = (directory / "audiences" / "commuters.yaml").read_text(encoding="utf-8").splitlines()
    age_line = next(n for n, text in enumerate(source, 1) if "age_min: 16" in text)
    assert line.startswith(f"audiences/commuters.yaml:{age_line}:")
    assert "AUD-006" in line


def test_a_fixed_finding_is_reported_as_gone_from_the_baseline(tmp_path: Path) -> None:
    directory = tmp_path / "campaign"
    assert ethiq("init", str(directory), cwd=tmp_path).returncode == 0
    audience = directory / "audiences" / "commuters.yaml"
    _edit(audience, *SMALL)
    assert ethiq("baseline", "create", "--as-of", AS_OF, "-o", "b.yaml", cwd=directory).returncode == 0
    _edit(audience, SMALL[1], SMALL[0])
    result = ethiq("check", "--as-of", AS_OF, "--baseline", "b.yaml", cwd=directory)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no finding matched" in result.stdout
    assert "AUD-001 aud_commuters $.estimated_size.lower" in result.stdout
