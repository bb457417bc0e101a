"""tools/install_opa.py: pinned, verified, idempotent; a platform without the wheel skips, except in CI.

A wheel of the same layout stands in for the real one, so nothing here needs the network.
"""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, load_script

tool = load_script(ROOT / "tools" / "install_opa.py", "ethiq_install_opa")
DIST_INFO = f"opa_golib_python_bindings-{tool.VERSION}.dist-info"


def _wheel(path: Path, files: dict[str, bytes], *, record: dict[str, bytes] | None = None) -> Path:
    """A wheel holding ``files``, whose RECORD lists the hashes of ``record`` (default: of the files)."""
    rows = io.StringIO()
    writer = csv.writer(rows)
    for name, content in (record or files).items():
        writer.writerow([name, tool.record_hash(content), str(len(content))])
    writer.writerow([f"{DIST_INFO}/RECORD", "", ""])
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
        archive.writestr(f"{DIST_INFO}/RECORD", rows.getvalue())
    return path


FILES = {
    "opa_bindings/__init__.py": b"from .engine import OpaEngine\n",
    "opa_bindings/engine.py": b"class OpaEngine: ...\n",
    f"{DIST_INFO}/METADATA": b"Name: opa-golib-python-bindings\nVersion: 0.4.4\n",
}


@pytest.fixture
def downloads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Each call to the download step, answered with the stand-in wheel."""
    calls: list[Path] = []

    def download(directory: Path) -> Path:
        calls.append(directory)
        return _wheel(tmp_path / tool.WHEEL, FILES)

    monkeypatch.setattr(tool, "download", download)
    return calls


def test_installing_unpacks_the_wheel_once(tmp_path: Path, downloads: list[Path]) -> None:
    target = tmp_path / "site"
    assert tool.install(target) == f"installed opa-golib-python-bindings 0.4.4 into {target}"
    assert (target / "opa_bindings" / "engine.py").read_bytes() == FILES["opa_bindings/engine.py"]
    assert (target / DIST_INFO / "INSTALLER").read_text() == "ethiq tools/install_opa.py\n"
    assert tool.install(target) == f"opa-golib-python-bindings 0.4.4 is already installed in {target}"
    assert len(downloads) == 1


def test_a_changed_file_is_reinstalled(tmp_path: Path, downloads: list[Path]) -> None:
    target = tmp_path / "site"
    tool.install(target)
    (target / "opa_bindings" / "engine.py").write_text("tampered = True\n")
    assert not tool.is_installed(target)
    tool.install(target)
    assert (target / "opa_bindings" / "engine.py").read_bytes() == FILES["opa_bindings/engine.py"]
    assert len(downloads) == 2


def test_another_version_is_removed_first(tmp_path: Path, downloads: list[Path]) -> None:
    target = tmp_path / "site"
    old = _wheel(tmp_path / "old.whl", {"opa_bindings/old.py": b"x = 1\n"})
    with zipfile.ZipFile(old) as archive:
        archive.extractall(target)
    (target / DIST_INFO).rename(target / "opa_golib_python_bindings-0.4.3.dist-info")
    tool.install(target)
    assert not (target / "opa_bindings" / "old.py").exists()
    assert [p.name for p in tool.installed_dist_infos(target)] == [DIST_INFO]


def test_a_wheel_with_an_unsafe_path_is_refused(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path / tool.WHEEL, {**FILES, "../outside.py": b"x = 1\n"})
    with pytest.raises(tool.InstallError, match="unsafe path"):
        tool.unpack(wheel, tmp_path / "site")
    assert not (tmp_path / "outside.py").exists()


def test_a_file_that_does_not_match_the_wheels_record_is_refused(tmp_path: Path) -> None:
    record = {**FILES, "opa_bindings/engine.py": b"something else\n"}
    wheel = _wheel(tmp_path / tool.WHEEL, FILES, record=record)
    with pytest.raises(tool.InstallError, match="does not match the wheel's RECORD"):
        tool.unpack(wheel, tmp_path / "site")


def test_a_download_with_another_hash_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def pip(command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        assert "--require-hashes" in command
        _wheel(tmp_path / tool.WHEEL, FILES)  # not the published wheel: another hash
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(tool.subprocess, "run", pip)
    with pytest.raises(tool.InstallError, match=f"the pinned value is {tool.SHA256}"):
        tool.download(tmp_path)


@pytest.mark.parametrize(
    ("ci", "code", "said"),
    [("", 0, "the tests that need OPA will skip"), ("true", 1, "CI must run the tests that need OPA")],
)
def test_a_platform_without_the_wheel_fails_only_in_ci(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ci: str, code: int, said: str
) -> None:
    monkeypatch.setattr(tool, "unsupported_reason", lambda: "the OPA bindings are published for Linux x86_64 only")
    monkeypatch.setenv("CI", ci)
    assert tool.main(["--target", "unused"]) == code
    assert capsys.readouterr().err == f"install_opa: the OPA bindings are published for Linux x86_64 only; {said}\n"
