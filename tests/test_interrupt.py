"""Ctrl-C ends a check with one line and exit code 130, workers included; ``--jobs auto`` counts usable CPUs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_parallel import generate  # bench/generate.py, loaded once

from ethiq.engine.evaluate.parallel import available_cpus, resolve_jobs

ROOT = Path(__file__).resolve().parents[1]


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(child) for child in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_auto_jobs_are_the_cpus_this_process_may_use() -> None:
    assert resolve_jobs("auto") == available_cpus() >= 1
    if hasattr(os, "sched_getaffinity"):
        assert available_cpus() == len(os.sched_getaffinity(0))


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the worker processes through /proc")
def test_ctrl_c_with_two_jobs_ends_with_one_line_and_130(tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    generate(1500, seed=3, out=repository)
    env = {**os.environ, "ETHIQ_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "ethiq", "check", str(repository), "--jobs", "2", "--as-of", "2026-11-23"]
    # A session of its own, so the SIGINT goes to the check and its workers as a terminal's Ctrl-C does.
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and process.poll() is None:
        workers = {pid for pid in _children(process.pid) if Path(f"/proc/{pid}/cmdline").exists()}
        if len(workers) >= 2:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the check ended before it could be interrupted"
    time.sleep(0.5)  # the workers are starting or judging
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert [line for line in stderr.splitlines() if line.strip()] == ["ethiq: interrupted"]
    assert stdout == ""
    time.sleep(0.5)
    assert not [pid for pid in workers if _alive(pid)], "every worker stopped"
