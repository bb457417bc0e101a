"""The accountability record (``--output record=FILE``) and ``ethiq verify-record``: contents, schema,
round trip, and that a changed file, a changed decision, a missing file or a forged record is caught."""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from conftest import AS_OF, FIXTURES, ROOT
from ethiq import __version__
from ethiq.engine.evaluate import bundled_policy_dir, engine_version
from ethiq.engine.record import RecordFileError, load_record, record_of, record_schema, verify_record

EXAMPLE = FIXTURES / "example-campaign"

WAIVERS = {
    "waivers": [
        {
            "id": "W-1",
            "rule": "DAT-012",
            "documents": "ds_engagers_seed",
            "reason": "Retention is set in the record of processing, board decision 2026-09.",
            "owner": "dpo@example.org",
            "expires": "2026-12-31",
        }
    ]
}


def ethiq(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ethiq", *args], input=stdin, capture_output=True, text=True, cwd=cwd, check=False
    )


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    """A copy of the example campaign and a waiver file, in a directory that is no git repository."""
    # Without its context, which the campaign's ethiq.toml names: a record of inputs, policies and waivers.
    shutil.copytree(EXAMPLE, tmp_path / "campaign", ignore=shutil.ignore_patterns("context.yaml", "ethiq.toml"))
    (tmp_path / "waivers.json").write_text(json.dumps(WAIVERS), encoding="utf-8")
    return tmp_path


@pytest.fixture
def recorded(campaign: Path, checker: Any) -> dict[str, Any]:
    report = checker.check([campaign / "campaign"], waivers=campaign / "waivers.json")
    return record_of(report, root=campaign)


def files_of(record: dict[str, Any], role: str) -> dict[str, dict[str, Any]]:
    return {f["path"]: f for f in record["files"] if f["role"] == role}


def test_the_record_schema_is_valid_draft7() -> None:
    Draft7Validator.check_schema(record_schema())


def test_record_holds_hashes_versions_settings_verdicts_and_fingerprints(
    recorded: dict[str, Any], campaign: Path, checker: Any
) -> None:
    assert not list(Draft7Validator(record_schema()).iter_errors(recorded))
    assert recorded["tool"] == {
        "name": "ethiq",
        "version": __version__,
        "engine": engine_version(),
        "python": recorded["tool"]["python"],
    }
    assert (recorded["as_of"], recorded["lang"], recorded["fail_on"]) == (AS_OF, "en", "block")
    assert recorded["git"] is None  # the temporary directory is no repository

    inputs = files_of(recorded, "input")
    assert len(inputs) == len(list((campaign / "campaign").rglob("*.yaml")))
    fun_apps = inputs["campaign/vendors/fun-apps.yaml"]
    content = (campaign / "campaign" / "vendors" / "fun-apps.yaml").read_bytes()
    assert fun_apps["sha256"] == hashlib.sha256(content).hexdigest()
    assert fun_apps["bytes"] == len(content)
    assert not fun_apps["bundled"]

    policies = files_of(recorded, "policy")
    vendors = policies["lib/vendors.rego"]
    assert vendors["bundled"]
    assert vendors["sha256"] == hashlib.sha256((bundled_policy_dir() / "lib" / "vendors.rego").read_bytes()).hexdigest()
    assert "data/seed.yaml" in policies
    assert "data/context/10-party-liberalerna.yaml" in files_of(recorded, "context")
    assert "schemas/vendor.schema.json" in files_of(recorded, "schema")
    assert files_of(recorded, "waivers") == {
        "waivers.json": {
            "role": "waivers",
            "path": "waivers.json",
            "bundled": False,
            "sha256": hashlib.sha256((campaign / "waivers.json").read_bytes()).hexdigest(),
            "bytes": (campaign / "waivers.json").stat().st_size,
        }
    }
    assert recorded["settings"] == {"policies": [], "context": [], "waivers": "waivers.json", "baseline": None}

    report = checker.check([campaign / "campaign"], waivers=campaign / "waivers.json")
    assert recorded["exit_code"] == int(report.exit_code) == 1
    assert sorted(f["fingerprint"] for f in recorded["findings"]) == sorted(f.fingerprint for f in report.findings)
    waived = [f for f in recorded["findings"] if f["waiver"]]
    assert {(f["rule_id"], f["document_id"], f["waiver"], f["blocking"]) for f in waived} == {
        ("DAT-012", "ds_engagers_seed", "W-1", False)
    }
    verdicts = {(d["file"], d["id"]): d["verdict"] for d in recorded["documents"]}
    assert verdicts["campaign/vendors/fun-apps.yaml", "ven_fun_apps"] == "fail"
    assert verdicts["campaign/vendors/stockholm-media.yaml", "ven_sthlm_media"] == "pass"


def test_record_names_the_git_commit_and_whether_the_tree_is_dirty(checker: Any) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False)
    if head.returncode != 0:
        pytest.skip("the source tree is not a git checkout")
    status = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, check=True)
    record = record_of(checker.check([EXAMPLE / "vendors" / "stockholm-media.yaml"]), root=ROOT)
    assert record["git"] == {"commit": head.stdout.strip(), "dirty": bool(status.stdout.strip())}
    assert files_of(record, "input").keys() == {"fixtures/example-campaign/vendors/stockholm-media.yaml"}


def test_verify_confirms_an_untouched_record(recorded: dict[str, Any], campaign: Path) -> None:
    outcome = verify_record(recorded, root=campaign)
    assert outcome.exit_code == 0, (outcome.changed, outcome.differences, outcome.unreproducible)
    assert outcome.rerun_exit_code == outcome.recorded_exit_code == 1
    assert outcome.checked["input"] == 24
    assert not outcome.differences


def test_verify_reports_a_changed_file_even_when_the_decision_holds(recorded: dict[str, Any], campaign: Path) -> None:
    media = campaign / "campaign" / "vendors" / "stockholm-media.yaml"
    media.write_text(media.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    outcome = verify_record(recorded, root=campaign)
    assert outcome.exit_code == 1
    assert [(c.role, c.path, c.state) for c in outcome.changed] == [
        ("input", "campaign/vendors/stockholm-media.yaml", "changed")
    ]
    assert not outcome.differences  # a comment changes no verdict


def test_verify_reports_a_changed_decision(recorded: dict[str, Any], campaign: Path) -> None:
    fun_apps = campaign / "campaign" / "vendors" / "fun-apps.yaml"
    text = fun_apps.read_text(encoding="utf-8")
    fun_apps.write_text(
        text.replace("psychographic_profiling: true", "psychographic_profiling: false"), encoding="utf-8"
    )
    outcome = verify_record(recorded, root=campaign)
    assert outcome.exit_code == 1
    assert any("VEN-009 on ven_fun_apps" in d and "not found now" in d for d in outcome.differences), (
        outcome.differences
    )


def test_verify_cannot_reproduce_without_a_recorded_file(recorded: dict[str, Any], campaign: Path) -> None:
    (campaign / "waivers.json").unlink()
    outcome = verify_record(recorded, root=campaign)
    assert outcome.exit_code == 2
    assert [(c.role, c.state) for c in outcome.changed] == [("waivers", "missing")]
    assert outcome.rerun_exit_code is None


def test_verify_catches_a_forged_record(recorded: dict[str, Any], campaign: Path) -> None:
    forged = copy.deepcopy(recorded)
    fun_apps = next(d for d in forged["documents"] if d["id"] == "ven_fun_apps")
    fun_apps["verdict"] = "pass"
    forged["findings"] = [f for f in forged["findings"] if f["document_id"] != "ven_fun_apps"]
    outcome = verify_record(forged, root=campaign)
    assert outcome.exit_code == 1
    assert any("ven_fun_apps: verdict pass recorded, fail now" in d for d in outcome.differences)
    assert any("found now, not in the record" in d for d in outcome.differences)


def test_a_record_that_breaks_its_schema_is_refused(tmp_path: Path, recorded: dict[str, Any]) -> None:
    broken = copy.deepcopy(recorded)
    broken["files"][0]["sha256"] = "not a hash"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(RecordFileError, match=r"\$\.files\[0\]\.sha256"):
        load_record(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(RecordFileError, match="not JSON"):
        load_record(path)


@pytest.mark.slow
def test_cli_round_trip_tampering_and_unreadable_record(campaign: Path) -> None:
    run = ethiq("check", "campaign", "--as-of", AS_OF, "-f", "json", "--output", "record=out/run.json", cwd=campaign)
    assert run.returncode == 1, run.stderr
    record = json.loads((campaign / "out" / "run.json").read_text(encoding="utf-8"))
    assert not list(Draft7Validator(record_schema()).iter_errors(record))
    assert record["exit_code"] == json.loads(run.stdout)["exit_code"] == 1
    assert "campaign/ads/dsp-schools-display.yaml" in files_of(record, "input")

    same = ethiq("verify-record", "out/run.json", cwd=campaign)
    assert same.returncode == 0, same.stdout + same.stderr
    assert "same files, same decision" in same.stdout

    ad = campaign / "campaign" / "ads" / "dsp-schools-display.yaml"
    ad.write_text(ad.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    changed = ethiq("verify-record", "out/run.json", "--format", "json", cwd=campaign)
    assert changed.returncode == 1
    outcome = json.loads(changed.stdout)
    assert [c["path"] for c in outcome["changed_files"]] == ["campaign/ads/dsp-schools-display.yaml"]

    (campaign / "garbage.json").write_text("[]", encoding="utf-8")
    unreadable = ethiq("verify-record", "garbage.json", cwd=campaign)
    assert unreadable.returncode == 2
    assert "not an ethiq record" in unreadable.stderr


@pytest.mark.slow
def test_documents_from_standard_input_are_hashed_but_cannot_be_rerun(campaign: Path) -> None:
    text = (EXAMPLE / "vendors" / "fun-apps.yaml").read_text(encoding="utf-8")
    run = ethiq("check", "-", "--as-of", AS_OF, "-f", "record", cwd=campaign, stdin=text)
    assert run.returncode == 1, run.stderr
    record = json.loads(run.stdout)
    assert record["other_sources"] == [{"name": "-", "sha256": hashlib.sha256(text.encode()).hexdigest()}]
    (campaign / "stdin.json").write_text(run.stdout, encoding="utf-8")
    verify = ethiq("verify-record", "stdin.json", cwd=campaign)
    assert verify.returncode == 2
    assert "cannot re-run" in verify.stdout


def test_extra_policies_context_and_baseline_are_recorded_and_rerun(campaign: Path) -> None:
    from ethiq import Checker

    (campaign / "policies").mkdir()
    (campaign / "policies" / "procurement.rego").write_text(
        "package ethiq.rules.vendor.procurement\n\n"
        "warn contains msg if {\n\tnot input.document.registry_ids\n"
        '\tmsg := "vendors need a registry id for procurement"\n}\n',
        encoding="utf-8",
    )
    (campaign / "context.yaml").write_text(
        "kind: policy_context\nid: other-party\n"
        "taxonomies: {psychographic_data_categories: [user.inferred.none_of_these]}\n",
        encoding="utf-8",
    )
    checker = Checker(as_of=AS_OF, policies=[campaign / "policies"], context=[campaign / "context.yaml"])
    vendors = campaign / "campaign" / "vendors"
    checker.create_baseline([vendors], output=campaign / "baseline.yaml")
    report = checker.check([vendors], baseline=campaign / "baseline.yaml")
    record = record_of(report, root=campaign)
    assert record["settings"] == {
        "policies": ["policies/procurement.rego"],
        "context": ["context.yaml"],
        "waivers": None,
        "baseline": "baseline.yaml",
    }
    assert {f["role"] for f in record["files"] if not f["bundled"]} == {"input", "policy", "context", "baseline"}
    assert any(f["rule_id"] == "ethiq.rules.vendor.procurement.warn" for f in record["findings"])
    assert any(f["baselined"] for f in record["findings"])
    assert verify_record(record, root=campaign).exit_code == 0

    (campaign / "policies" / "procurement.rego").write_text(
        "package ethiq.rules.vendor.procurement\n", encoding="utf-8"
    )
    outcome = verify_record(record, root=campaign)
    assert outcome.exit_code == 1
    assert [(c.role, c.path, c.state) for c in outcome.changed] == [("policy", "policies/procurement.rego", "changed")]
    assert any("ethiq.rules.vendor.procurement.warn" in d and "not found now" in d for d in outcome.differences)


def test_a_path_that_was_missing_when_recorded_verifies_while_it_stays_missing(campaign: Path, checker: Any) -> None:
    gone = campaign / "campaign" / "vendors" / "gone.yaml"
    report = checker.check([campaign / "campaign" / "vendors" / "fun-apps.yaml", gone])
    assert int(report.exit_code) == 2
    record = record_of(report, root=campaign)
    assert files_of(record, "input")["campaign/vendors/gone.yaml"]["sha256"] is None
    assert verify_record(record, root=campaign).exit_code == 0
    gone.write_text("kind: vendor\nid: ven_back\nlegal_name: Back AB\n", encoding="utf-8")
    outcome = verify_record(record, root=campaign)
    assert outcome.exit_code == 1
    assert [(c.path, c.state) for c in outcome.changed] == [("campaign/vendors/gone.yaml", "changed")]
