"""The ``ethiq`` command as a user runs it: exit codes, formats, languages, options, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, EXAMPLE_CONTEXT, FIXTURES, ROOT

EXAMPLE = FIXTURES / "example-campaign"


def ethiq(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ethiq", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_version() -> None:
    result = ethiq("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("ethiq ")
    assert "regorus" in result.stdout


def test_clean_document_exits_0(tmp_path: Path) -> None:
    result = ethiq("check", str(EXAMPLE / "vendors" / "stockholm-media.yaml"), "--as-of", AS_OF)
    assert result.returncode == 0, result.stdout + result.stderr


def test_blocking_findings_exit_1_and_table_names_rules() -> None:
    result = ethiq("check", str(EXAMPLE), "--context", str(EXAMPLE_CONTEXT), "--as-of", AS_OF)
    assert result.returncode == 1, result.stderr
    for rule in ("DAT-005", "DAT-006", "AUD-013", "VEN-009"):
        assert rule in result.stdout
    assert f"evaluated as of {AS_OF}" in result.stdout


def test_json_report_carries_what_a_gate_needs() -> None:
    result = ethiq("check", str(EXAMPLE), "--context", str(EXAMPLE_CONTEXT), "--as-of", AS_OF, "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["as_of"] == AS_OF
    assert report["exit_code"] == 1
    finding = next(f for f in report["findings"] if f["rule_id"] == "AUD-013" and f["status"] == "fail")
    assert finding["severity"] == "block"
    assert finding["document"]["id"] == "aud_lookalike_engagers"
    assert finding["document"]["file"].endswith("lookalike-quiz-engagers.yaml")
    assert finding["location"]["path"] == "$.normalized.custom_audiences[0].lookalike.origin_ref"
    assert finding["location"]["line"] == 34
    assert finding["trace"] == ["aud_lookalike_engagers", "ds_engagers_seed", "ds_quiz_2026"]
    assert finding["message"]
    assert finding["remediation"]
    assert any(s["ref"] == "S15" and "Quiz-appar" in s["sv"] for s in finding["sources"])


def test_swedish_output() -> None:
    result = ethiq("check", str(EXAMPLE / "data-sources"), "--as-of", AS_OF, "--format", "json", "--lang", "sv")
    report = json.loads(result.stdout)
    finding = next(f for f in report["findings"] if f["rule_id"] == "DAT-006")
    english = json.loads(ethiq("check", str(EXAMPLE / "data-sources"), "--as-of", AS_OF, "--format", "json")
                         .stdout)
    same = next(f for f in english["findings"] if f["fingerprint"] == finding["fingerprint"])
    assert report["lang"] == "sv"
    assert finding["message"] != same["message"]
    assert finding["remediation"] != same["remediation"]


@pytest.mark.parametrize("name", ["unparsable.yaml", "truncated.json", "typo-in-field-name.yaml", "unknown-kind.yaml"])
def test_unusable_input_exits_2_with_file_and_line(name: str) -> None:
    result = ethiq("check", str(FIXTURES / "invalid" / name), "--format", "json", "--as-of", AS_OF)
    assert result.returncode == 2
    problem = json.loads(result.stdout)["problems"][0]
    assert problem["file"].endswith(name)
    assert problem["line"] is not None


def test_one_bad_file_does_not_lose_the_others(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("kind: [\n")
    (tmp_path / "quiz.yaml").write_text((EXAMPLE / "data-sources" / "quiz-which-leader.yaml").read_text())
    result = ethiq("check", str(tmp_path), "--format", "json", "--as-of", AS_OF)
    report = json.loads(result.stdout)
    assert result.returncode == 2  # input problems outrank blocking findings: never 0 or 1
    assert {f["rule_id"] for f in report["findings"]} >= {"DAT-005", "DAT-006"}
    assert [p["kind"] for p in report["problems"]] == ["read_error"]


def test_stdin() -> None:
    text = (EXAMPLE / "data-sources" / "quiz-which-leader.yaml").read_text()
    result = ethiq("check", "-", "--format", "json", "--as-of", AS_OF, stdin=text)
    assert result.returncode == 1
    assert json.loads(result.stdout)["findings"][0]["document"]["file"] == "-"


def test_broken_policy_directory_exits_3_naming_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "broken.rego").write_text("package ethiq.rules.vendor.broken\n\ndeny contains f if {\n\tf := \n}\n")
    result = ethiq("check", str(EXAMPLE), "--policies", str(tmp_path), "--as-of", AS_OF)
    assert result.returncode == 3
    assert f"{tmp_path / 'broken.rego'}:4" in result.stderr


def test_custom_policy_directory_adds_findings(tmp_path: Path) -> None:
    (tmp_path / "names.rego").write_text(
        "package ethiq.rules.vendor.procurement\n\n"
        "warn contains msg if {\n\tnot input.document.registry_ids\n"
        "\tmsg := \"vendors need a registry id for procurement\"\n}\n")
    result = ethiq("check", str(EXAMPLE / "vendors"), "--policies", str(tmp_path), "--as-of", AS_OF,
                   "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    custom = [f for f in findings if f["rule_id"] == "ethiq.rules.vendor.procurement.warn"]
    assert [f["document"]["id"] for f in custom] == ["ven_fun_apps"]
    assert custom[0]["severity"] == "warn"
    assert custom[0]["message"] == "vendors need a registry id for procurement"


def test_usage_errors_exit_2() -> None:
    assert ethiq("check", str(EXAMPLE), "--as-of", "23/11/2026").returncode == 2
    assert ethiq("check", str(EXAMPLE), "--format", "xml").returncode == 2
    assert ethiq("check").returncode == 2


def test_missing_path_is_an_input_problem() -> None:
    result = ethiq("check", "no/such/dir", "--format", "json", "--as-of", AS_OF)
    assert result.returncode == 2
    assert json.loads(result.stdout)["problems"][0]["message"] == "no such file or directory"


def test_context_file_overrides_the_bundled_one(tmp_path: Path) -> None:
    context = tmp_path / "context.yaml"
    context.write_text("kind: policy_context\nid: other-party\n"
                       "taxonomies: {psychographic_data_categories: [user.inferred.none_of_these]}\n")
    result = ethiq("check", str(EXAMPLE / "data-sources" / "quiz-which-leader.yaml"), "--context", str(context),
                   "--format", "json", "--as-of", AS_OF)
    rules = {f["rule_id"] for f in json.loads(result.stdout)["findings"]}
    assert "DAT-005" in rules
    assert "DAT-006" not in rules


def test_invalid_context_file_exits_3(tmp_path: Path) -> None:
    context = tmp_path / "context.yaml"
    context.write_text("kind: policy_context\nid: broken\nthresholds: {min_audience_size: -5}\n")
    result = ethiq("check", str(EXAMPLE), "--context", str(context), "--as-of", AS_OF)
    assert result.returncode == 3
    assert "min_audience_size" in result.stderr


def test_onboarding_example_script() -> None:
    script = ROOT / "examples" / "onboard_vendor.py"
    blocked = subprocess.run([sys.executable, str(script), str(EXAMPLE / "vendors" / "fun-apps.yaml"),
                              str(EXAMPLE / "data-sources" / "quiz-which-leader.yaml"), "--as-of", AS_OF],
                             capture_output=True, text=True, check=False)
    assert blocked.returncode == 1
    assert "BLOCKED" in blocked.stdout
    cleared = subprocess.run([sys.executable, str(script), str(EXAMPLE / "vendors" / "stockholm-media.yaml"),
                              "--as-of", AS_OF], capture_output=True, text=True, check=False)
    assert cleared.returncode == 0, cleared.stdout
    assert "CLEARED" in cleared.stdout


def test_rules_json_lists_every_rule_with_sources() -> None:
    result = ethiq("rules", "--format", "json")
    assert result.returncode == 0, result.stderr
    rules = {r["id"]: r for r in json.loads(result.stdout)["rules"]}
    assert {"DAT-005", "DAT-006", "VEN-001", "VEN-009", "AUD-013", "REF-001"} <= set(rules)
    dat005 = rules["DAT-005"]
    assert dat005["kinds"] == ["data_source"]
    assert dat005["severity"] == ["block"]
    assert dat005["title"]["en"]
    assert dat005["title"]["sv"]
    assert any(s["ref"] == "S15" and s["sv"] for s in dat005["sources"])


def test_rules_filtered_by_kind() -> None:
    rules = json.loads(ethiq("rules", "--format", "json", "--kind", "vendor").stdout)["rules"]
    assert rules
    assert all("vendor" in r["kinds"] for r in rules)


def test_explain_prints_the_seed_quote_remediation_and_an_example() -> None:
    result = ethiq("explain", "dat-005", "--format", "json")
    assert result.returncode == 0, result.stderr
    rule = json.loads(result.stdout)
    assert rule["id"] == "DAT-005"
    assert "Quiz-appar" in next(s["sv"] for s in rule["sources"] if s["ref"] == "S15")
    assert rule["remediation"]["sv"]
    assert rule["example"] is not None
    assert "kind:" in rule["example"]["text"]
    table = ethiq("explain", "DAT-005", "--lang", "sv").stdout
    assert "Vi använder inte någon data som köps in från app-utvecklare" in " ".join(table.split())


def test_explain_unknown_rule_suggests_close_ids() -> None:
    result = ethiq("explain", "DAT-05")
    assert result.returncode == 2
    assert "did you mean" in result.stderr


def test_validate_checks_schemas_only() -> None:
    assert ethiq("validate", str(EXAMPLE)).returncode == 0  # violations of rules are not schema errors
    result = ethiq("validate", str(FIXTURES / "invalid"), "--format", "json")
    assert result.returncode == 2
    problems = json.loads(result.stdout)["problems"]
    paths = {(Path(p["file"]).name, p["path"]) for p in problems}
    assert ("typo-in-field-name.yaml", "$.colection") in paths
    assert ("tristate-as-yes.yaml", "$.services_declared.psychographic_profiling") in paths
    assert ("b.yaml", "$.id") in paths  # duplicate ids


def test_schema_prints_and_exports(tmp_path: Path) -> None:
    listing = ethiq("schema").stdout
    assert "data_source" in listing
    schema = json.loads(ethiq("schema", "audience").stdout)
    assert schema["properties"]["kind"]["const"] == "audience"
    assert ethiq("schema", "--output", str(tmp_path)).returncode == 0
    kinds = ("policy_context", "vendor", "data_source", "audience", "account", "ad", "campaign")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{k}.schema.json" for k in kinds)
