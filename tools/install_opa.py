"""Install OPA's Python bindings, the reference Rego engine the parity tests compare regorus with.

The bindings (``opa-golib-python-bindings``, module ``opa_bindings``) are OPA itself built as a shared
library and driven through ctypes. Their metadata demands Python >= 3.14, yet the wheel holds no compiled
Python code (``py3-none-manylinux_2_34_x86_64``), so on 3.11 the wheel is downloaded for 3.14, its sha256
checked against the pin below, and unpacked into the active environment's site-packages (or ``--target``),
with its ``.dist-info`` so that ``pip show`` and ``pip uninstall`` know it.

Idempotent: when the pinned version is installed and every file still matches the hash in its RECORD,
nothing is downloaded. Exit codes: 0 installed (or already there, or this platform has no wheel and ``CI`` is
unset: the tests needing OPA then skip, saying why); 1 the download or the hash failed, or the bindings
cannot be installed while ``CI`` is set (CI must run the parity tests, never skip them).

    python3 tools/install_opa.py [--target DIR]
"""

from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

PACKAGE = "opa-golib-python-bindings"
VERSION = "0.4.4"
WHEEL = "opa_golib_python_bindings-0.4.4-py3-none-manylinux_2_34_x86_64.whl"
SHA256 = "d411c901e14b8c7c3023e23e4a944f4cf429c1d31baf80e959e57d11efbfd24a"
DIST_PREFIX = "opa_golib_python_bindings-"
MIN_GLIBC = (2, 34)


class InstallError(Exception):
    """The bindings could not be installed."""


def unsupported_reason() -> str | None:
    """Why this machine cannot load the published wheel (Linux x86_64 with glibc >= 2.34), or None."""
    if sys.platform != "linux" or platform.machine() not in ("x86_64", "AMD64"):
        return f"the OPA bindings are published for Linux x86_64 only, not {sys.platform} {platform.machine()}"
    libc, version = platform.libc_ver()
    parts = tuple(int(p) for p in version.split(".")[:2] if p.isdigit())
    if libc != "glibc" or parts < MIN_GLIBC:
        return f"the OPA bindings need glibc >= 2.34, this system has {libc or 'another C library'} {version}"
    return None


def record_hash(data: bytes) -> str:
    """A file's hash as a wheel's RECORD writes it."""
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def installed_dist_infos(target: Path) -> list[Path]:
    return sorted(target.glob(f"{DIST_PREFIX}*.dist-info"))


def record_rows(dist_info: Path) -> list[list[str]]:
    with (dist_info / "RECORD").open(newline="", encoding="utf-8") as handle:
        return [row for row in csv.reader(handle) if row]


def is_installed(target: Path) -> bool:
    """The pinned version is in ``target`` and every file it recorded is intact."""
    dist_info = target / f"{DIST_PREFIX}{VERSION}.dist-info"
    try:
        rows = record_rows(dist_info)
        return all(not digest or record_hash((target / name).read_bytes()) == digest for name, digest, *_ in rows)
    except OSError:
        return False


def uninstall(target: Path, dist_info: Path) -> None:
    """Remove an installed version, file by file as its RECORD lists them."""
    for name, *_ in record_rows(dist_info):
        path = target / name
        if path.is_file():
            path.unlink()
    shutil.rmtree(dist_info, ignore_errors=True)
    package = target / "opa_bindings"
    if package.is_dir() and not any(p for p in package.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        shutil.rmtree(package)


def download(directory: Path) -> Path:
    """The pinned wheel, fetched by pip from the package index and checked by pip against the pinned hash."""
    requirements = directory / "requirements.txt"
    requirements.write_text(f"{PACKAGE}=={VERSION} --hash=sha256:{SHA256}\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary",
        ":all:",
        "--python-version",
        "3.14",
        "--require-hashes",
        "--dest",
        str(directory),
        "-r",
        str(requirements),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wheel = directory / WHEEL
    if result.returncode != 0 or not wheel.is_file():
        raise InstallError(f"pip could not download {WHEEL}:\n{result.stdout}{result.stderr}".rstrip())
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != SHA256:
        raise InstallError(f"{WHEEL} has sha256 {digest}, the pinned value is {SHA256}")
    return wheel


def unpack(wheel: Path, target: Path) -> None:
    """Unpack the wheel into ``target`` and check each file against the wheel's own RECORD."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        for name in names:
            parts = PurePosixPath(name).parts
            if PurePosixPath(name).is_absolute() or ".." in parts:
                raise InstallError(f"{WHEEL} holds an unsafe path: {name}")
        dist_info = f"{DIST_PREFIX}{VERSION}.dist-info"
        record = archive.read(f"{dist_info}/RECORD").decode("utf-8")
        expected = {row[0]: row[1] for row in csv.reader(record.splitlines()) if row}
        for name in names:
            data = archive.read(name)
            if expected.get(name) and record_hash(data) != expected[name]:
                raise InstallError(f"{WHEEL}: {name} does not match the wheel's RECORD")
        archive.extractall(target)
    (target / dist_info / "INSTALLER").write_text("ethiq tools/install_opa.py\n", encoding="utf-8")
    with (target / dist_info / "RECORD").open("a", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerow([f"{dist_info}/INSTALLER", "", ""])


def install(target: Path) -> str:
    """Install the pinned bindings into ``target``; returns what was done."""
    if is_installed(target):
        return f"{PACKAGE} {VERSION} is already installed in {target}"
    for dist_info in installed_dist_infos(target):
        uninstall(target, dist_info)
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ethiq-opa-") as directory:
        unpack(download(Path(directory)), target)
    if not is_installed(target):
        raise InstallError(f"{PACKAGE} {VERSION} was unpacked into {target} but does not verify")
    return f"installed {PACKAGE} {VERSION} into {target}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", type=Path, help="install here instead of the active environment's site-packages")
    args = parser.parse_args(argv)
    target: Path = args.target or Path(sysconfig.get_paths()["purelib"])
    in_ci = bool(os.environ.get("CI"))
    reason = unsupported_reason()
    if reason is not None:
        consequence = "CI must run the tests that need OPA" if in_ci else "the tests that need OPA will skip"
        print(f"install_opa: {reason}; {consequence}", file=sys.stderr)
        return 1 if in_ci else 0
    try:
        print(f"install_opa: {install(target)}")
    except (InstallError, OSError) as err:
        print(f"install_opa: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
