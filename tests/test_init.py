"""``ethiq init``: the scaffold it writes, that it never overwrites unasked, and that the result passes the gate."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path, PurePosixPath

import pytest
import yaml

from conftest import ROOT
from ethiq.cli.init import DEFAULT_PARTY, iter_templates, scaffold_files, target_path, write_scaffold
from ethiq.engine.errors import UsageError

EXPECTED = {
    ".github/workflows/ethiq.yml",
    ".pre-commit-config.yaml",
    "README.md",
    "audiences/commuters.yaml",
    "context.yaml",
    "data-sources/newsletter-subscribers.yaml",
    "ethiq-waivers.yaml",
    "ethiq.toml",
    "vendors/example-media-agency.yaml",
}
EXAMPLE_DOCUMENTS = {"ven_example_media", "ds_newsletter", "aud_commuters"}


def ethiq(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ethiq as a user would in ``cwd``, without any ETHIQ_* setting of the test environment."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("ETHIQ_")}
    return subprocess.run(
        [sys.executable, "-m", "ethiq", *args], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository written by ``ethiq init DIR`` (DIR does not exist beforehand)."""
    directory = tmp_path_factory.mktemp("init") / "campaign-config"
    result = ethiq("init", str(directory), cwd=directory.parent)
    assert result.returncode == 0, result.stderr
    return directory


def written(directory: Path) -> set[str]:
    return {p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file()}


# --- the templates ------------------------------------------------------------------------------------------


def test_templates_are_found_through_importlib_resources() -> None:
    root = resources.files("ethiq.cli").joinpath("templates")
    assert root.is_dir()
    assert root.joinpath("ethiq.toml").is_file()
    templates = {path.as_posix() for path, _ in iter_templates()}
    assert {target_path(PurePosixPath(path)).as_posix() for path in templates} == EXPECTED
    assert "dot-github/workflows/ethiq.yml" in templates  # stored without the dot: package-data globs skip it


def test_dot_prefix_becomes_a_dot_only_at_the_start_of_a_component() -> None:
    assert target_path(PurePosixPath("dot-github/workflows/dot-x.yml")).as_posix() == ".github/workflows/.x.yml"
    assert target_path(PurePosixPath("vendors/not-dot-file.yaml")).as_posix() == "vendors/not-dot-file.yaml"


def test_every_placeholder_is_filled() -> None:
    for file in scaffold_files(party="Example Party"):
        text = file.text.replace("${{", "")  # GitHub expressions are not ours
        assert "{{" not in text, file.path


# --- writing ------------------------------------------------------------------------------------------------


def test_init_writes_the_scaffold_into_a_new_directory(scaffold: Path) -> None:
    assert written(scaffold) == EXPECTED


def test_init_defaults_to_the_working_directory(tmp_path: Path) -> None:
    result = ethiq("init", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert written(tmp_path) == EXPECTED
    assert "ethiq check" in result.stdout


def test_init_refuses_to_overwrite_and_lists_every_existing_file(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("our readme\n", encoding="utf-8")
    (tmp_path / "vendors").mkdir()
    (tmp_path / "vendors" / "example-media-agency.yaml").write_text("kind: vendor\nid: ours\n", encoding="utf-8")
    result = ethiq("init", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert "--force" in result.stderr
    assert "README.md" in result.stderr
    assert "example-media-agency.yaml" in result.stderr
    # Nothing was written: not the files in the way, not the others.
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "our readme\n"
    assert written(tmp_path) == {"README.md", "vendors/example-media-agency.yaml"}


def test_init_force_overwrites(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("our readme\n", encoding="utf-8")
    result = ethiq("init", str(tmp_path), "--force", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert written(tmp_path) == EXPECTED
    assert (tmp_path / "README.md").read_text(encoding="utf-8") != "our readme\n"


def test_init_refuses_a_file_as_directory(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="not a directory"):
        write_scaffold(tmp_path / "file")


def test_party_option_goes_into_the_context(tmp_path: Path) -> None:
    name = 'Partiet "Ö" (P): #1'  # quotes, a colon and a hash must survive as YAML
    write_scaffold(tmp_path, party=name)
    context = yaml.safe_load((tmp_path / "context.yaml").read_text(encoding="utf-8"))
    assert context["kind"] == "policy_context"
    assert context["party"]["legal_name"] == name
    assert context["public_post_index"] == []


def test_without_party_the_context_holds_a_placeholder(scaffold: Path) -> None:
    context = yaml.safe_load((scaffold / "context.yaml").read_text(encoding="utf-8"))
    assert context["party"]["legal_name"] == DEFAULT_PARTY
    # The bundled party's other names would otherwise stay in force: the scaffold replaces them.
    assert context["party"]["aliases"] == []
    assert context["party"]["domains"] == []


def test_empty_party_is_a_usage_error(tmp_path: Path) -> None:
    result = ethiq("init", str(tmp_path), "--party", " ", cwd=tmp_path)
    assert result.returncode == 2
    assert written(tmp_path) == set()


# --- the scaffold passes the gate ---------------------------------------------------------------------------


def test_scaffold_passes_check_right_after_init(scaffold: Path) -> None:
    result = ethiq("check", cwd=scaffold)
    assert result.returncode == 0, result.stdout + result.stderr


def test_scaffold_check_judges_the_examples_with_the_context_and_no_finding(scaffold: Path) -> None:
    result = ethiq("check", "--format", "json", cwd=scaffold)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {d["id"] for d in report["documents"]} == EXAMPLE_DOCUMENTS
    assert report["findings"] == []
    assert report["problems"] == []
    assert any(origin.startswith(str(scaffold / "context.yaml")) for origin in report["context"])


@pytest.mark.parametrize("as_of", ["2026-01-01", "2031-06-30"])
def test_scaffold_does_not_depend_on_the_date(scaffold: Path, as_of: str) -> None:
    result = ethiq("check", "--as-of", as_of, cwd=scaffold)
    assert result.returncode == 0, result.stdout


def test_scaffold_passes_validate(scaffold: Path) -> None:
    result = ethiq("validate", "vendors", "data-sources", "audiences", "context.yaml", cwd=scaffold)
    assert result.returncode == 0, result.stdout + result.stderr


def test_scaffold_configuration_comes_from_its_ethiq_toml(scaffold: Path) -> None:
    result = ethiq("config", "--format", "json", cwd=scaffold)
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    toml = str(scaffold / "ethiq.toml")
    assert config["file"] == toml
    for key in ("paths", "exclude", "context", "waivers", "fail_on", "lang"):
        assert config["settings"][key]["origin"] == toml, key


def test_scaffold_waiver_file_is_valid_and_empty(scaffold: Path) -> None:
    from ethiq.engine.judge.waivers import load_waivers

    assert load_waivers(scaffold / "ethiq-waivers.yaml").waivers == ()


# --- the workflow -------------------------------------------------------------------------------------------


def test_workflow_installs_ethiq_runs_the_gate_and_uploads_sarif(scaffold: Path) -> None:
    workflow = yaml.safe_load((scaffold / ".github" / "workflows" / "ethiq.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["ethiq"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert any("pip install" in run and "ETHIQ_SOURCE" in run for run in runs)
    check = next(run for run in runs if run.strip().startswith("ethiq check"))
    assert "--output sarif=ethiq.sarif" in check
    assert "--format github" in check
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == "ethiq.sarif"
    assert "always()" in upload["if"]
    assert steps.index(upload) > next(i for i, s in enumerate(steps) if s.get("run") == check)


def test_workflow_installs_from_a_source_the_user_fills_in_and_names_no_package(scaffold: Path) -> None:
    """An unpublished name on a public index fails the first run, and whoever registers it runs code in CI."""
    text = (scaffold / ".github" / "workflows" / "ethiq.yml").read_text(encoding="utf-8")
    steps = yaml.safe_load(text)["jobs"]["ethiq"]["steps"]
    install = next(step for step in steps if "pip install" in step.get("run", ""))
    assert install["env"]["ETHIQ_SOURCE"] == "CHANGE-ME"
    assert re.search(r'pip install "\$ETHIQ_SOURCE"', install["run"])
    assert not re.search(r"pip install[^\n]*ethiq[=<>~ \"]", text)
    # Until it is filled in, the step fails, and says why, before anything is installed.
    script = install["run"]
    result = subprocess.run(
        ["bash", "-c", script],
        env={"ETHIQ_SOURCE": "CHANGE-ME", "PATH": "/usr/bin:/bin"},
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "Set ETHIQ_SOURCE" in result.stdout


def test_pre_commit_config_uses_the_hook_that_resolves_references(scaffold: Path) -> None:
    config = yaml.safe_load((scaffold / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    assert "CHANGE-ME" in repo["repo"]
    assert repo["rev"] == "CHANGE-ME"
    hooks = {hook["id"] for hook in repo["hooks"]}
    assert hooks == {"ethiq-validate", "ethiq-check-all"}
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks <= {hook["id"] for hook in manifest}
    readme = (scaffold / "README.md").read_text(encoding="utf-8")
    assert "ethiq-check-all" in readme


# --- end to end ---------------------------------------------------------------------------------------------


def test_scaffold_end_to_end_init_validate_check_and_a_violation(tmp_path: Path) -> None:
    """What a new user does: init, validate (documents and waiver file from ethiq.toml), check, and a
    psychographic criterion added to an audience fails the gate."""
    directory = tmp_path / "campaign"
    assert ethiq("init", str(directory), cwd=tmp_path).returncode == 0
    for args in (("validate",), ("validate", "."), ("check",), ("check", ".")):
        result = ethiq(*args, cwd=directory)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    audience = directory / "audiences" / "commuters.yaml"
    data = yaml.safe_load(audience.read_text(encoding="utf-8"))
    data["native_spec"]["political_views"] = [1]  # a sensitive field Meta removed: a hard fail wherever it appears
    audience.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = ethiq("check", "--format", "json", cwd=directory)
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["problems"] == []
    blocking = {(f["rule_id"], f["document"]["id"]) for f in report["findings"] if f["blocking"]}
    assert ("AUD-009", "aud_commuters") in blocking
    assert {document for _, document in blocking} == {"aud_commuters"}
    assert all(f["document"]["file"] == "audiences/commuters.yaml" for f in report["findings"])
