"""The README's examples work as written.

Every shell command in a ``sh``/``bash``/``console``/``shell`` block of README.md that starts with ``ethiq ``
(also after ``&&`` or ``;``, as in ``pip install . && ethiq check ...``) is a test case, collected when this
module is imported: adding a command to the README adds a case. A command is skipped when it holds a
placeholder (an upper-case word such as ``PATH...``, ``DIR``, ``[KIND]``, or a choice like ``en|sv``). It
runs from the repository root, through ``python -m ethiq`` (the console script may not be on PATH), and must
exit with the code the README states or implies:

- an exit code stated in the line's comment (``# exit code 1``, ``# exits 2``);
- else, for ``check``, what the fixture folders promise (README, Layout): the example campaign and
  ``fixtures/deny`` have blocking findings (1), ``fixtures/invalid`` is unusable (2); for ``validate``,
  ``fixtures/invalid`` gives 2;
- else 0.

Files a command would write (``--output``/``-o`` values) are redirected into a temporary directory, and
``init`` runs in one, so the tests never write into the repository.

Each ``python`` block runs as a script. Its paths (``vendors/``, ``data-sources/``) are those of a campaign
repository, so it runs unmodified in a temporary directory holding a copy of ``fixtures/example-campaign``
(whose folders have exactly those names). A block ending in ``raise SystemExit(report.exit_code)`` must exit
1, the example campaign's verdict; any other block must exit 0. A block whose lines say ``# prints X`` must
print exactly those lines, in order.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

README = ROOT / "README.md"
SHELL_LANGS = {"sh", "bash", "shell", "console"}
FENCE = re.compile(r"^```(\w*)\s*$")
PLACEHOLDER = re.compile(r"^\[?[A-Z][A-Z0-9_]*(\.\.\.)?\]?(\.\.\.)?$|\||YYYY")
STATED_EXIT = re.compile(r"\bexit(?:s| code)?\s+(\d)\b")
OUTPUT_OPTIONS = {"--output", "-o"}
PRINTS = re.compile(r"#\s*prints\s+(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Block:
    lang: str
    text: str
    line: int  # of the first line inside the fence


@dataclass(frozen=True)
class Command:
    tokens: tuple[str, ...]
    comment: str
    line: int

    def __str__(self) -> str:
        return shlex.join(self.tokens)


def read_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    lang: str | None = None
    body: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        match = FENCE.match(line)
        if match and lang is None:
            lang, body, start = match.group(1).lower(), [], number + 1
        elif line.startswith("```") and lang is not None:
            blocks.append(Block(lang, "\n".join(body), start))
            lang = None
        elif lang is not None:
            body.append(line)
    return blocks


def split_commands(line: str) -> list[tuple[list[str], str]]:
    """The commands of one shell line (split at ``&&``, ``||``, ``;``) as tokens, with the line's comment."""
    code, _, comment = line.partition(" #")
    if line.lstrip().startswith("#"):
        return []
    lexer = shlex.shlex(code, posix=True, punctuation_chars=";&|<>")
    lexer.whitespace_split = True
    commands: list[list[str]] = [[]]
    for token in lexer:
        if token in {"&&", "||", ";", "&"}:
            commands.append([])
        else:
            commands[-1].append(token)
    return [(tokens, comment.strip()) for tokens in commands if tokens]


def readme_commands() -> list[Command]:
    commands = []
    for block in read_blocks(README.read_text(encoding="utf-8")):
        if block.lang not in SHELL_LANGS:
            continue
        for offset, line in enumerate(block.text.splitlines()):
            for tokens, comment in split_commands(line.removeprefix("$ ")):
                if tokens[0] == "ethiq" and len(tokens) > 1:
                    commands.append(Command(tuple(tokens), comment, block.line + offset))
    return commands


def has_placeholder(command: Command) -> bool:
    return any(PLACEHOLDER.search(token) for token in command.tokens[1:])


def expected_exit(command: Command) -> int:
    stated = STATED_EXIT.search(command.comment)
    if stated:
        return int(stated.group(1))
    args = " ".join(command.tokens[2:])
    if command.tokens[1] == "check":
        if "fixtures/invalid" in args:
            return 2
        if "example-campaign" in args or "fixtures/deny" in args:
            return 1
    if command.tokens[1] == "validate" and "fixtures/invalid" in args:
        return 2
    return 0


def redirect_outputs(tokens: list[str], into: Path) -> list[str]:
    """``--output FORMAT=FILE`` / ``--output DIR`` -> the same name inside ``into``; drop shell redirections."""
    result: list[str] = []
    redirect_next = False
    for token in tokens:
        if token in {">", ">>", "<", "|", "2>"}:
            break
        if redirect_next:
            fmt, sep, file = token.rpartition("=")
            result.append(f"{fmt}{sep}{into / Path(file).name}")
            redirect_next = False
        elif token.startswith("--output="):
            fmt, sep, file = token.removeprefix("--output=").rpartition("=")
            result.append(f"--output={fmt}{sep}{into / Path(file).name}")
        else:
            redirect_next = token in OUTPUT_OPTIONS
            result.append(token)
    return result


def clean_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if not key.startswith("ETHIQ_")}


COMMANDS = readme_commands()
RUNNABLE = [c for c in COMMANDS if not has_placeholder(c)]
PYTHON_BLOCKS = [b for b in read_blocks(README.read_text(encoding="utf-8")) if b.lang == "python"]


# --- the collector itself -----------------------------------------------------------------------------------


def test_the_readme_has_commands_to_test() -> None:
    assert RUNNABLE, "no runnable `ethiq ...` command found in README.md"
    assert any(c.tokens[1] == "check" and expected_exit(c) == 1 for c in RUNNABLE), "the example campaign check"
    assert PYTHON_BLOCKS, "no python block found in README.md"
    assert any(PRINTS.search(b.text) for b in PYTHON_BLOCKS), "the one-call example says what it prints"


def test_collector_reads_commands_after_and_and_skips_placeholders() -> None:
    assert split_commands("python3 -m pip install . && ethiq check x --as-of 2026-11-23  # exit code 1") == [
        (["python3", "-m", "pip", "install", "."], "exit code 1"),
        (["ethiq", "check", "x", "--as-of", "2026-11-23"], "exit code 1"),
    ]
    placeholder = [
        Command(("ethiq", *rest), "", 1)
        for rest in (("check", "PATH..."), ("init", "DIR"), ("schema", "[KIND]"), ("check", "--lang", "en|sv"))
    ]
    assert all(has_placeholder(c) for c in placeholder)
    assert not has_placeholder(Command(("ethiq", "explain", "DAT-005"), "", 1))
    assert not has_placeholder(Command(("ethiq", "check", "fixtures/example-campaign", "--as-of", "2026-11-23"), "", 1))
    assert expected_exit(Command(("ethiq", "check", "fixtures/example-campaign"), "", 1)) == 1
    assert expected_exit(Command(("ethiq", "rules"), "exits 3", 1)) == 3
    assert redirect_outputs(["ethiq", "check", ".", "-o", "sarif=out/e.sarif", ">", "x"], Path("/t")) == [
        "ethiq",
        "check",
        ".",
        "-o",
        "sarif=/t/e.sarif",
    ]


# --- the commands -------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("command", RUNNABLE, ids=str)
def test_readme_command_exits_as_stated(command: Command, tmp_path: Path) -> None:
    tokens = redirect_outputs(list(command.tokens), tmp_path)
    cwd = tmp_path if tokens[1] == "init" else ROOT
    result = subprocess.run(
        [sys.executable, "-m", "ethiq", *tokens[1:]],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=clean_env(),
        check=False,
    )
    expected = expected_exit(command)
    assert result.returncode == expected, (
        f"README.md:{command.line}: `{command}` exited {result.returncode}, expected {expected}\n"
        f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    )


# --- the Python blocks --------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("block", PYTHON_BLOCKS, ids=lambda b: f"README.md:{b.line}")
def test_readme_python_block_runs(block: Block, tmp_path: Path) -> None:
    campaign = tmp_path / "campaign"
    shutil.copytree(FIXTURES / "example-campaign", campaign)
    script = tmp_path / "readme_block.py"
    script.write_text(block.text + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=campaign, env=clean_env(), check=False
    )
    expected = 1 if "SystemExit(report.exit_code)" in block.text else 0
    assert result.returncode == expected, f"README.md:{block.line}\n{result.stdout[-2000:]}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    printed = PRINTS.findall(block.text)
    if printed:
        assert result.stdout.splitlines() == printed, f"README.md:{block.line}"
    if expected == 1:
        # It printed the findings, among them the quiz-app data of the example's data sources.
        assert re.search(r"^DAT-005 fail ds_quiz_2026 ", result.stdout, re.MULTILINE), result.stdout
