"""``--help`` of every command: exits 0, shows the one-line description and every option.

The commands are read from the typer app itself, so a new command is covered without editing this file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import typer.core
import typer.main
from typer.testing import CliRunner

from conftest import ROOT
from ethiq.cli.app import app, app_for

# Parameters are told apart by their click-level `param_type_name`, "option" or "argument".
GROUP = typer.main.get_command(app)
assert isinstance(GROUP, typer.core.TyperGroup)
COMMANDS = sorted(GROUP.commands)


def help_text(*args: str) -> str:
    """``ethiq ARGS --help`` through the real entry point, wide enough that no line is wrapped."""
    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1", "TERM": "dumb"}
    result = subprocess.run(
        [sys.executable, "-m", "ethiq", *args, "--help"], capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert not result.stderr
    return result.stdout


def one_line(text: str) -> str:
    return " ".join(text.split())


def description(command: typer.core.TyperCommand) -> str:
    """The first line of the command's docstring: what ``ethiq --help`` lists."""
    assert command.help, f"ethiq {command.name} has no description"
    return command.help.strip().splitlines()[0].strip()


def test_the_app_has_the_commands_users_rely_on() -> None:
    assert {"check", "validate", "test", "rules", "explain", "schema", "config", "init"} <= set(COMMANDS)


def test_root_help_lists_every_command_with_its_description() -> None:
    text = one_line(help_text())
    for name in COMMANDS:
        assert f"{name} {description(GROUP.commands[name])}" in text, name
    assert "--version" in text


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_shows_description_and_every_option(name: str) -> None:
    command = GROUP.commands[name]
    text = one_line(help_text(name))
    assert f"ethiq {name}" in text  # the usage line
    assert description(command) in text
    options = [p for p in command.params if p.param_type_name == "option" and not getattr(p, "hidden", False)]
    for option in options:
        for flag in [*option.opts, *option.secondary_opts]:
            assert flag in text, f"ethiq {name} --help does not show {flag}"
    for argument in (p for p in command.params if p.param_type_name == "argument"):
        assert (argument.metavar or argument.name or "") in text, f"ethiq {name} --help does not show {argument.name}"


ALL_COMMANDS = [*([name] for name in COMMANDS if name != "baseline"), ["baseline", "create"]]


@pytest.mark.parametrize("args", ALL_COMMANDS, ids=" ".join)
def test_help_names_values_in_words_not_python_types(args: list[str]) -> None:
    text = help_text(*args)
    assert not re.search(r"<(str|int|float|bool|path)>|list\[|\bTEXT\b|\bINTEGER\b", text), text
    usage = next(line.strip() for line in text.splitlines() if line.strip().startswith("Usage:"))
    assert re.fullmatch(rf"Usage: ethiq {' '.join(args)} \[OPTIONS\]( \[?[A-Z]+\]?(\.\.\.)?)?", usage), usage


NARROWED_RUNS = [
    *([*args, "--help"] for args in [*([name] for name in COMMANDS), ["baseline", "create"]]),
    ["check", "--no-such-option"],
    ["check", "--format", "yaml", "x.yaml"],
    ["baseline"],
]


@pytest.mark.parametrize("args", NARROWED_RUNS, ids=" ".join)
def test_a_command_run_alone_reads_as_in_the_whole_app(args: list[str]) -> None:
    """The entry point builds only the command named (a faster start); its help and usage errors are the same."""
    narrowed = app_for(args)
    assert narrowed is not app
    assert len(narrowed.registered_commands) + len(narrowed.registered_groups) == 1
    env = {"COLUMNS": "250", "NO_COLOR": "1", "TERM": "dumb"}
    whole = CliRunner().invoke(app, args, prog_name="ethiq", env=env)
    alone = CliRunner().invoke(narrowed, args, prog_name="ethiq", env=env)
    assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output)


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["chek", "x.yaml"], ["x.yaml"]], ids=" ".join)
def test_a_run_naming_no_command_gets_the_whole_app(args: list[str]) -> None:
    assert app_for(args) is app
