"""Seeing what the rules see: ``ethiq inspect``, ``ethiq input``, ``Checker.inputs`` and ``ethiq.inspect``.

The ``input`` shown is the one the check evaluates (the same builder), so these tests also pin what the check
does with native platform JSON: the derived view in ``input.document``, ``input.derived.native``, and an
ad's native audience seen derived in ``input.related``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import ethiq
from conftest import AS_OF, FIXTURES, ROOT

NATIVE = FIXTURES / "native"
SENSITIVE = NATIVE / "meta" / "deny" / "sensitive-interest-in-flexible-spec.yaml"
DARK_POST = NATIVE / "meta" / "deny" / "dark-post-ad"


def ethiq_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ethiq", *args], capture_output=True, text=True, cwd=ROOT, check=False)


def test_inspect_prints_the_derived_view_and_the_input() -> None:
    result = ethiq_cli("inspect", str(SENSITIVE), "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    assert "-- derived view (meta adapter):" in result.stdout
    assert '"platform_taxonomy"' in result.stdout
    assert '"as_of": "2026-11-23"' in result.stdout
    shown = json.loads(ethiq_cli("inspect", str(SENSITIVE), "--as-of", AS_OF, "--json").stdout)
    (document,) = shown
    assert document["derived_view"]["normalized"] == document["input"]["document"]["normalized"]
    assert document["input"]["derived"]["native"] == {"platform": "meta", "unknown": [], "declared_mismatch": []}


def test_input_prints_one_json_line_per_document_exactly_as_the_api_builds_it() -> None:
    result = ethiq_cli("input", str(DARK_POST), "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    inspection = ethiq.inspect([DARK_POST], as_of=AS_OF)
    assert [json.loads(line) for line in lines] == [d.input for d in inspection.documents]
    assert lines == [d.input_json for d in inspection.documents]
    assert [json.loads(line)["kind"] for line in lines] == ["account", "ad", "audience"]


def test_an_ads_native_audience_is_seen_derived_by_the_ad(checker: ethiq.Checker) -> None:
    inspection = checker.inputs([DARK_POST])
    ad = next(d for d in inspection.documents if d.kind == "ad")
    audience = ad.input["related"]["audience"]["aud_meta_native_se_voters"]
    assert audience["normalized"] == {
        "geo": {"countries": ["SE"]},
        "age_min": 18,
        "expansion": {"meta_advantage_audience": 0},
    }
    assert ad.input["document"]["schedule"] == {
        "start": "2026-08-20T08:00:00+02:00",
        "end": "2026-09-13T20:00:00+02:00",
    }
    assert ad.input["document"]["visibility"] == "ad_only_unpublished"
    assert ad.input["derived"]["native"]["platform"] == "meta"
    account = next(d for d in inspection.documents if d.kind == "account")
    assert account.view is None
    assert "native" not in account.input["derived"]


def test_unusable_input_exits_2_and_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: audience\nid: a\n", encoding="utf-8")
    for command in ("inspect", "input"):
        result = ethiq_cli(command, str(bad), str(SENSITIVE))
        assert result.returncode == 2, (command, result.stderr)
        assert "bad.yaml" in result.stderr
        assert "aud_meta_native_health_interest" in result.stdout  # the usable document is still shown


def test_findings_point_into_the_native_json_with_line_and_column(checker: ethiq.Checker) -> None:
    report = checker.check([SENSITIVE])
    found = [f for f in report.findings if f.rule_id == "AUD-002" and f.status == ethiq.Status.FAIL]
    assert found
    for finding in found:
        assert finding.json_path.startswith("$.native_spec.flexible_spec[")
        assert finding.line > 1
        assert finding.column is not None
        text = SENSITIVE.read_text(encoding="utf-8").splitlines()[finding.line - 1]
        assert text[finding.column - 1 :].startswith(('"', "6")), text
