"""The command line against inputs that used to hang it or end it with a traceback; and ``--jobs 2``.

Each run is a real process with a timeout: a FIFO, ``/dev/zero``, endless and non-UTF-8 standard input, an
empty directory. The report with two worker processes is the same as with one, hostile inputs included.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ethiq.engine.report import ExitCode

from .inputs import BANNED_ID, CLEAN, HOSTILE, VIOLATING

pytestmark = pytest.mark.slow

AS_OF = "2026-11-23"
TIMEOUT = 120  # a hang fails the test instead of the suite


def ethiq(*args: str, stdin: bytes | None = None, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "ethiq", "check", "--as-of", AS_OF, *args]
    return subprocess.run(command, input=stdin, capture_output=True, timeout=TIMEOUT, cwd=cwd, check=False)


def _documents(tmp_path: Path) -> tuple[Path, Path]:
    clean, violating = tmp_path / "clean.yaml", tmp_path / "violating.yaml"
    clean.write_text(CLEAN, encoding="utf-8")
    violating.write_text(VIOLATING, encoding="utf-8")
    return clean, violating


def _problems(result: subprocess.CompletedProcess[bytes]) -> dict[str, str]:
    report = json.loads(result.stdout)
    return {p["file"]: p["message"] for p in report["problems"]}


def test_a_fifo_and_a_device_named_on_the_command_line(tmp_path: Path) -> None:
    clean, violating = _documents(tmp_path)
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    result = ethiq("-f", "json", str(fifo), "/dev/zero", str(clean), str(violating), cwd=tmp_path)
    assert result.returncode == ExitCode.INPUT_ERROR, result.stderr
    assert b"Traceback" not in result.stderr
    problems = _problems(result)
    assert "FIFO" in problems[str(fifo)]
    assert "character device" in problems["/dev/zero"]
    assert any(f["rule_id"] == "VEN-001" for f in json.loads(result.stdout)["findings"])


def test_standard_input_that_is_endless_or_not_utf8(tmp_path: Path) -> None:
    clean, _ = _documents(tmp_path)
    endless = ethiq("-f", "json", "--max-file-size", "1MiB", "-", cwd=tmp_path, stdin=b"\0" * (2 * 1024 * 1024))
    assert endless.returncode == ExitCode.INPUT_ERROR, endless.stderr
    assert "max_file_size" in _problems(endless)["-"]
    latin1 = ethiq(
        "-f", "json", "-", str(clean), cwd=tmp_path, stdin=VIOLATING.replace("LLC", "Caf\xe9").encode("latin-1")
    )
    assert latin1.returncode == ExitCode.INPUT_ERROR, latin1.stderr
    assert b"Traceback" not in latin1.stderr
    assert "not UTF-8" in _problems(latin1)["-"]


def test_an_empty_directory_says_nothing_to_check_in_every_format(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    outputs = {fmt: tmp_path / f"report.{fmt}" for fmt in ("json", "sarif", "junit", "github")}
    result = ethiq("empty", *(f"--output={fmt}={file}" for fmt, file in outputs.items()), cwd=tmp_path)
    assert result.returncode == ExitCode.INPUT_ERROR
    assert b"nothing to check" in result.stdout  # the table
    for fmt, file in outputs.items():
        assert "nothing to check" in file.read_text(encoding="utf-8"), fmt


def test_two_jobs_give_the_report_of_one(checker: Any, tmp_path: Path) -> None:
    """Hostile files among enough documents to start the worker pool: the same report for 1 and 2 jobs."""
    _documents(tmp_path)
    # 200 KB of comment: above the size below which a run stays in one process, at no cost to judge.
    (tmp_path / "padded.yaml").write_text(("# padding\n" * 20_000) + CLEAN.replace("clean", "padded"), encoding="utf-8")
    for name in ("alias-bomb", "fifo", "dev-zero-link", "json-nan", "json-990-levels", "yaml-binary", "empty-file"):
        directory = tmp_path / name
        directory.mkdir()
        HOSTILE[name](directory)
    one = checker.check([str(tmp_path)], jobs=1)
    two = checker.check([str(tmp_path)], jobs=2)
    assert one.to_dict() == two.to_dict()
    assert one.exit_code == ExitCode.INPUT_ERROR
    assert len([p for p in one.problems if p.kind == "read_error"]) == 7
    assert any(f.document_id == BANNED_ID for f in two.findings)
