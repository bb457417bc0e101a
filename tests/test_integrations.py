"""The CI integrations: ``.pre-commit-hooks.yaml`` and the composite action ``action.yml``.

Both must parse, declare what their users configure, and invoke only real ethiq commands and options: every
``ethiq`` command line in them is parsed and each option looked up in the typer app's own parameters, so
renaming an option without updating the integrations fails here. The action's check and exit steps also run,
in bash, over the example campaign.
"""

from __future__ import annotations

import enum
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
import yaml

from conftest import AS_OF, FIXTURES, ROOT
from ethiq.cli.app import app
from ethiq.engine.config import KEYS

GROUP = typer.main.get_command(app)
HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"
ACTION_FILE = ROOT / "action.yml"


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def assert_real_invocation(tokens: list[str]) -> None:
    """``ethiq COMMAND [OPTIONS/ARGS...]``: the command exists, and so does every option, with a valid value.

    Tokens starting with ``$`` are shell word lists filled in at run time (paths, extra arguments): skipped.
    """
    assert tokens[0] == "ethiq", tokens
    if tokens[1].startswith("-"):  # a root option such as --version
        command, rest = GROUP, tokens[1:]
    else:
        assert tokens[1] in GROUP.commands, f"no command ethiq {tokens[1]}"
        command, rest = GROUP.commands[tokens[1]], tokens[2:]
    options = {opt: p for p in command.params if p.param_type_name == "option" for opt in p.opts}
    index = 0
    while index < len(rest):
        token = rest[index]
        index += 1
        if not token.startswith("-") or token.startswith("$"):
            continue
        name, has_value, value = token.partition("=")
        assert name in options, f"ethiq {command.name}: no option {name}"
        option = options[name]
        if option.is_flag or has_value:
            pass
        else:
            assert index < len(rest), f"{name} needs a value"
            value = rest[index]
            index += 1
        choices = choices_of(option)
        if choices and not value.startswith("$"):
            assert value in choices, (name, value, choices)


def choices_of(option: Any) -> list[str] | None:
    """The values an option accepts, when it is a choice; click keeps them on ``type``, newer typer on the
    annotation of its ``type_descriptor`` (an enum)."""
    choices = getattr(getattr(option, "type", None), "choices", None)
    if choices is None:
        annotation = getattr(getattr(option, "type_descriptor", None), "annotation", None)
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            choices = list(annotation)
    if choices is None:
        return None
    return [str(c.value if isinstance(c, enum.Enum) else c) for c in choices]


def ethiq_lines(script: str) -> Iterator[list[str]]:
    """The ``ethiq ...`` command lines of a shell script, as tokens."""
    for line in script.splitlines():
        stripped = line.strip()
        if stripped.startswith("ethiq "):
            yield shlex.split(stripped, comments=True)


# --- .pre-commit-hooks.yaml ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hooks() -> dict[str, dict[str, Any]]:
    manifest = load_yaml(HOOKS_FILE)
    assert isinstance(manifest, list)
    return {hook["id"]: hook for hook in manifest}


def test_hooks_declare_check_validate_and_test(hooks: dict[str, dict[str, Any]]) -> None:
    assert {"ethiq-check", "ethiq-validate", "ethiq-test"} <= set(hooks)
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["name"]
        assert hook["entry"]
    for hook_id in ("ethiq-check", "ethiq-validate"):
        assert hooks[hook_id]["types_or"] == ["yaml", "json"]
        assert hooks[hook_id].get("pass_filenames", True) is True
    assert hooks["ethiq-check"]["entry"].split()[:2] == ["ethiq", "check"]
    assert hooks["ethiq-validate"]["entry"].split()[:2] == ["ethiq", "validate"]
    test_hook = hooks["ethiq-test"]
    assert test_hook["entry"].split()[:2] == ["ethiq", "test"]
    assert test_hook["pass_filenames"] is False
    assert re.search(test_hook["files"], "policies/rules/vendor.rego")
    assert not re.search(test_hook["files"], "vendors/x.yaml")


def test_hook_entries_invoke_real_commands_and_options(hooks: dict[str, dict[str, Any]]) -> None:
    for hook in hooks.values():
        assert_real_invocation(shlex.split(hook["entry"]) + list(hook.get("args", [])))


@pytest.mark.parametrize("hook_id", ["ethiq-check", "ethiq-validate"])
def test_file_hooks_skip_yaml_that_is_not_a_document(hooks: dict[str, dict[str, Any]], hook_id: str) -> None:
    exclude = re.compile(hooks[hook_id]["exclude"])
    for name in (
        ".github/workflows/ethiq.yml",
        ".pre-commit-config.yaml",
        "ethiq-waivers.yaml",
        "action.yml",
        "sub/dir/ethiq-waivers.yaml",
        ".gitlab-ci.yml",
    ):
        assert exclude.search(name), name
    for name in ("vendors/ven.yaml", "data-sources/ds.json", "audiences/github-users.yaml", "context.yaml"):
        assert not exclude.search(name), name


# The keys of a hook definition in a manifest (https://pre-commit.com/#creating-new-hooks).
MANIFEST_KEYS = {
    "id",
    "name",
    "entry",
    "language",
    "files",
    "exclude",
    "types",
    "types_or",
    "exclude_types",
    "always_run",
    "fail_fast",
    "verbose",
    "pass_filenames",
    "require_serial",
    "description",
    "language_version",
    "minimum_pre_commit_version",
    "args",
    "stages",
}


def test_hooks_use_only_manifest_keys(hooks: dict[str, dict[str, Any]]) -> None:
    for hook_id, hook in hooks.items():
        assert set(hook) <= MANIFEST_KEYS, (hook_id, set(hook) - MANIFEST_KEYS)
        for pattern in ("files", "exclude"):
            if pattern in hook:
                re.compile(hook[pattern])


def test_hooks_manifest_is_valid_for_pre_commit() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")  # in the dev extras
    clientlib.load_manifest(str(HOOKS_FILE))


@pytest.mark.parametrize(
    "tokens",
    [
        ["ethiq", "nocommand"],
        ["ethiq", "check", "--no-such-option"],
        ["ethiq", "check", "--format", "xml"],
        ["ethiq", "check", "--fail-on"],
        ["ethiq", "--no-such-root-option"],
    ],
)
def test_invocation_check_rejects_what_ethiq_would_reject(tokens: list[str]) -> None:
    with pytest.raises(AssertionError):
        assert_real_invocation(tokens)


# --- action.yml ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    return load_yaml(ACTION_FILE)  # type: ignore[no-any-return]


def steps(action: dict[str, Any]) -> list[dict[str, Any]]:
    return action["runs"]["steps"]  # type: ignore[no-any-return]


def step_index(action: dict[str, Any], predicate: Any) -> int:
    return next(i for i, step in enumerate(steps(action)) if predicate(step))


def is_exit_step(step: dict[str, Any]) -> bool:
    """The last step: it reads the exit code the check step recorded."""
    return "steps.check.outputs.exit-code" in json.dumps(step.get("env", {}))


def test_action_declares_its_inputs(action: dict[str, Any]) -> None:
    assert action["name"]
    assert action["description"]
    inputs = action["inputs"]
    expected = {
        "paths",
        "python-version",
        "version",
        "fail-on",
        "waivers",
        "sarif-file",
        "upload-sarif",
        "lang",
        "args",
    }
    assert expected <= set(inputs)
    for name, spec in inputs.items():
        assert spec["description"], name
        assert isinstance(spec.get("default", ""), str), name  # composite inputs are strings
    assert inputs["upload-sarif"]["default"] == "true"
    assert action["outputs"]["exit-code"]["value"] == "${{ steps.check.outputs.exit-code }}"


def test_action_only_references_declared_inputs(action: dict[str, Any]) -> None:
    used = set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", ACTION_FILE.read_text(encoding="utf-8")))
    assert used <= set(action["inputs"]), used - set(action["inputs"])


def test_action_is_composite_setup_python_install_check_upload_exit(action: dict[str, Any]) -> None:
    assert action["runs"]["using"] == "composite"
    setup = step_index(action, lambda s: s.get("uses", "").startswith("actions/setup-python@"))
    assert steps(action)[setup]["with"]["python-version"] == "${{ inputs.python-version }}"
    install = step_index(action, lambda s: "pip install" in s.get("run", ""))
    assert "${{ github.action_path }}" in steps(action)[install]["env"].values()
    check = step_index(action, lambda s: s.get("id") == "check")
    upload = step_index(action, lambda s: s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    exit_step = step_index(action, is_exit_step)
    assert setup < install < check < upload < exit_step
    upload_step = steps(action)[upload]
    assert "always()" in upload_step["if"]
    assert "inputs.upload-sarif == 'true'" in upload_step["if"]
    assert upload_step["with"]["sarif_file"] == "${{ steps.check.outputs.sarif-file }}"
    assert "always()" in steps(action)[exit_step]["if"]
    for step in steps(action):
        if "run" in step:
            assert step["shell"] == "bash"  # composite run steps must name their shell


def test_action_runs_real_ethiq_commands_and_settings(action: dict[str, Any]) -> None:
    lines = [tokens for step in steps(action) for tokens in ethiq_lines(step.get("run", ""))]
    assert any(tokens[:2] == ["ethiq", "check"] for tokens in lines)
    for tokens in lines:
        assert_real_invocation(tokens)
    check = steps(action)[step_index(action, lambda s: s.get("id") == "check")]
    (tokens,) = [t for t in ethiq_lines(check["run"]) if t[:2] == ["ethiq", "check"]]
    assert tokens[2:6] == ["--format", "github", "--output", "sarif=$SARIF_FILE"]
    for name in check["env"]:
        if name.startswith("ETHIQ_"):
            assert name.removeprefix("ETHIQ_").lower() in KEYS, name


# The check step and the exit step, run for real: the step records ethiq's exit code without failing, so the
# upload can run, and the last step exits with that code.


def run_step(step: dict[str, Any], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    # GitHub runs `shell: bash` as `bash --noprofile --norc -eo pipefail {0}`.
    return subprocess.run(
        [bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


@pytest.fixture
def step_env(tmp_path: Path) -> dict[str, str]:
    bin_dir = Path(sys.executable).parent
    path = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    if shutil.which("ethiq", path=path) is None:
        pytest.skip("the ethiq console script is not installed beside this Python")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ETHIQ_")}
    env.update(
        PATH=path,
        GITHUB_OUTPUT=str(tmp_path / "output"),
        GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"),
        SARIF_FILE=str(tmp_path / "out" / "ethiq.sarif"),
        EXTRA_ARGS=f"--as-of {AS_OF}",
        ETHIQ_FAIL_ON="",  # an empty input: ethiq.toml or the default decides
        ETHIQ_WAIVERS="",
        ETHIQ_LANG="",
    )
    return env


def outputs(env: dict[str, str]) -> dict[str, str]:
    lines = Path(env["GITHUB_OUTPUT"]).read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("paths", "extra", "code"),
    [
        (str(FIXTURES / "rules" / "VEN-001" / "allow" / "clean-media-agency" / "vendor.yaml"), "", "0"),
        (str(FIXTURES / "example-campaign"), f"--context {FIXTURES / 'example-campaign' / 'context.yaml'}", "1"),
        (str(FIXTURES / "invalid" / "unparsable.yaml"), "", "2"),
    ],
)
def test_action_check_step_records_the_exit_code_and_the_exit_step_returns_it(
    action: dict[str, Any], step_env: dict[str, str], tmp_path: Path, paths: str, extra: str, code: str
) -> None:
    check = steps(action)[step_index(action, lambda s: s.get("id") == "check")]
    env = {**step_env, "CHECK_PATHS": paths, "EXTRA_ARGS": f"{step_env['EXTRA_ARGS']} {extra}".strip()}
    result = run_step(check, env, cwd=ROOT)
    assert result.returncode == 0, result.stderr  # the step itself never fails: the upload must run
    recorded = outputs(step_env)
    assert recorded["exit-code"] == code
    assert recorded["sarif-file"] == step_env["SARIF_FILE"]
    sarif = json.loads(Path(step_env["SARIF_FILE"]).read_text(encoding="utf-8"))
    assert sarif["runs"][0]["invocations"][0]["exitCode"] == int(code)
    assert Path(step_env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")  # --format github wrote it

    exit_step = steps(action)[step_index(action, is_exit_step)]
    final = run_step(exit_step, {**step_env, "CODE": recorded["exit-code"]}, cwd=tmp_path)
    assert final.returncode == int(code)


@pytest.mark.slow
def test_action_check_step_without_a_report_sets_no_sarif_output(
    action: dict[str, Any], step_env: dict[str, str], tmp_path: Path
) -> None:
    check = steps(action)[step_index(action, lambda s: s.get("id") == "check")]
    # No paths and no ethiq.toml: a usage error before any report is written.
    result = run_step(check, {**step_env, "CHECK_PATHS": "", "EXTRA_ARGS": ""}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    recorded = outputs(step_env)
    assert recorded["exit-code"] == "2"
    assert "sarif-file" not in recorded  # so the upload step is skipped instead of failing on a missing file
