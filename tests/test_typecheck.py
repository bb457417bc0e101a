"""``mypy --strict`` on the package as installed: what ``make typecheck`` runs, and CI through this test.

The package is installed for real (a non-editable ``pip install --target`` of this checkout into
``build/typecheck/site``), so mypy sees exactly the installed layout (``ethiq.engine`` from ``engine/``,
...), not a tree of links. mypy's cache stays in ``build/typecheck`` between runs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

BUILD = ROOT / "build" / "typecheck"
SITE = BUILD / "site"


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


@pytest.mark.slow
def test_the_installed_package_passes_mypy_strict() -> None:
    pytest.importorskip("mypy", reason="mypy is in the test extras: pip install -e '.[test]'")
    shutil.rmtree(SITE, ignore_errors=True)
    egg_info = ROOT / "ethiq.egg-info"  # what the build leaves in the checkout, unless it was there already
    left_before = egg_info.exists()
    install = run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-build-isolation",
            "--no-compile",
            "--quiet",
            "--target",
            str(SITE),
            str(ROOT),
        ]
    )
    if not left_before:
        shutil.rmtree(egg_info, ignore_errors=True)
    assert install.returncode == 0, install.stdout + install.stderr
    installed = SITE / "ethiq"
    assert (installed / "engine" / "pipeline.py").is_file()
    assert (installed / "py.typed").is_file()
    assert not [p for p in installed.rglob("*") if p.is_symlink()]  # a real install, not links to the checkout
    result = run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(BUILD / "mypy-cache"),
            "-p",
            "ethiq",
        ],
        cwd=SITE,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    checked = re.search(r"no issues found in (\d+) source files", result.stdout)
    assert checked is not None, result.stdout
    sources = sum(1 for folder in ("engine", "cli", "ethiq") for _ in (ROOT / folder).rglob("*.py"))
    assert int(checked.group(1)) >= sources
