"""The files that configure a run are read with the bounds documents get.

A waiver file, a baseline, a context file or an ``ethiq.toml`` that is a FIFO, a device, a link to one, too
large, not UTF-8 or an alias bomb is refused before it can block or fill memory: unusable input (exit 2)
naming the file, within a time bound. The in-process cases run everywhere; one real command per option
shows the exit code a user sees.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ethiq import Checker
from ethiq.engine.config import load_config
from ethiq.engine.errors import ConfigError, InputError
from ethiq.engine.judge import BaselineFileError, WaiverFileError, load_baseline, load_waivers
from ethiq.engine.read.limits import DEFAULT_MAX_FILE_SIZE

from .inputs import CLEAN, alias_bomb

AS_OF = "2026-11-23"
TIME_BOUND = 20.0


def _fifo(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "run-file.yaml"
    os.mkfifo(path)
    return path, "FIFO"


def _device_link(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "run-file.yaml"
    path.symlink_to("/dev/zero")
    return path, "character device"


def _too_large(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "run-file.yaml"
    with path.open("wb") as out:  # sparse: the size is what the bound sees, not what the disk holds
        out.truncate(DEFAULT_MAX_FILE_SIZE + 1)
    return path, "max_file_size"


def _not_utf8(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "run-file.yaml"
    path.write_bytes(b"waivers: []\n# caf\xe9\n")
    return path, "not UTF-8"


def _alias_bomb(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "run-file.yaml"
    path.write_text(alias_bomb(), encoding="utf-8")
    return path, "aliases"


HOSTILE: dict[str, Callable[[Path], tuple[Path, str]]] = {
    "fifo": _fifo,
    "link to /dev/zero": _device_link,
    "too large": _too_large,
    "not UTF-8": _not_utf8,
    "alias bomb": _alias_bomb,
}


def _refused(load: Callable[[Path], object], error: type[Exception], tmp_path: Path, name: str) -> None:
    path, says = HOSTILE[name](tmp_path)
    start = time.perf_counter()
    with pytest.raises(error) as raised:
        load(path)
    assert time.perf_counter() - start < TIME_BOUND
    assert isinstance(raised.value, InputError)  # exit 2, never 3 "report the crash"
    assert str(path) in str(raised.value)
    assert says in str(raised.value), str(raised.value)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_waiver_file_is_refused(tmp_path: Path, name: str) -> None:
    _refused(load_waivers, WaiverFileError, tmp_path, name)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_baseline_file_is_refused(tmp_path: Path, name: str) -> None:
    _refused(load_baseline, BaselineFileError, tmp_path, name)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_context_file_is_refused(tmp_path: Path, name: str) -> None:
    _refused(lambda path: Checker(as_of=AS_OF, context=[path]), InputError, tmp_path, name)


@pytest.mark.parametrize("name", sorted(set(HOSTILE) - {"alias bomb"}))  # TOML has no aliases
def test_a_hostile_configuration_file_is_refused(tmp_path: Path, name: str) -> None:
    path, says = HOSTILE[name](tmp_path)
    path.rename(tmp_path / "ethiq.toml")
    start = time.perf_counter()
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path, {}, {})
    assert time.perf_counter() - start < TIME_BOUND
    assert str(tmp_path / "ethiq.toml") in str(raised.value)
    assert says in str(raised.value), str(raised.value)


def test_a_configuration_nested_beyond_the_parser_is_refused(tmp_path: Path) -> None:
    (tmp_path / "ethiq.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"ethiq\.toml"):
        load_config(tmp_path, {}, {})


@pytest.mark.slow
@pytest.mark.parametrize("option", ["--waivers", "--baseline", "--context"])
def test_the_command_refuses_a_fifo_named_as_a_run_file(tmp_path: Path, option: str) -> None:
    (tmp_path / "vendor.yaml").write_text(CLEAN, encoding="utf-8")
    fifo, _ = _fifo(tmp_path)
    command = [sys.executable, "-m", "ethiq", "check", "--as-of", AS_OF, "vendor.yaml", option, str(fifo)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False)
    assert done.returncode == 2, done.stderr
    assert str(fifo) in done.stderr
    assert "FIFO" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("option", ["waivers", "baseline"])
def test_a_run_file_is_bounded_by_the_runs_own_limit(tmp_path: Path, option: str) -> None:
    """The limit a run is given (ethiq.toml, ETHIQ_MAX_FILE_SIZE, --max-file-size) bounds its waiver and
    baseline files too, not only its documents: a smaller limit refuses them, a larger one reads them."""
    (tmp_path / "vendor.yaml").write_text(CLEAN, encoding="utf-8")
    run_file = tmp_path / "run-file.yaml"
    padding = "# " + "x" * 4000 + "\n"
    run_file.write_text(padding + ("waivers: []\n" if option == "waivers" else "baseline: []\n"), encoding="utf-8")
    (tmp_path / "ethiq.toml").write_text("max_file_size = 1024\n", encoding="utf-8")
    small = Checker(as_of=AS_OF, config=load_config(tmp_path, {}, {}))
    with pytest.raises(InputError, match="max_file_size") as raised:
        small.check([str(tmp_path / "vendor.yaml")], **{option: str(run_file)})
    assert str(run_file) in str(raised.value)
