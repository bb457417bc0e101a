"""An OPA bundle of the policy set and its context: what OPA servers load to decide as ethiq does.

The bundle is OPA's standard format, a gzipped tar that ``opa run --bundle``, ``opa eval --bundle`` and an
OPA server's bundle plugin load unchanged::

    /.manifest           {"revision": ..., "roots": ["ethiq", ...], "rego_version": 1, "metadata": {...}}
    /data.json           {"ethiq": {"context": ..., "index": ...}}: the merged policy context and its lookup
                         tables, at data.ethiq as the rules read them
    /policies/...        the bundled rule library, by its place below policies/ (no tests)
    /extra/...           the modules of extra policy directories, below their common directory

The roots are ``ethiq`` (the data and every bundled package) plus the first segment of any other package, so
that an OPA server holding other bundles knows which part of ``data`` this one owns. ``metadata`` names the
entry points of each document kind (``data.ethiq.rules.<kind>.deny`` ...), the queries a service asks.

The archive is reproducible: the same policies and context give the same bytes (sorted entries, fixed times
and owners), and the default revision is a digest of the contents. :func:`read_bundle` reads a bundle back
the way OPA does (manifest, roots that do not overlap, every package and every data path inside a root,
``data.json`` files merged at their directory's path) and is what the tests load into OPA.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import PolicyLoadError

if TYPE_CHECKING:  # tarfile is loaded by building or reading a bundle, which a check rarely does
    import tarfile

MANIFEST = ".manifest"
DATA_FILE = "data.json"
DATA_ROOT = "ethiq"
REGO_VERSION = 1
#: The bundle size OPA reads at most (its guard against gzip bombs); a larger bundle is refused here too.
MAX_BYTES = 1024 * 1024 * 1024

_PACKAGE = re.compile(r"^package\s+([A-Za-z_][\w.]*)", re.MULTILINE)


class PolicyModule(Protocol):
    """What the bundle needs of a policy module (``policies.Module`` has it)."""

    @property
    def path(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def package(self) -> str: ...

    @property
    def bundled(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Bundle:
    """A bundle's contents: its manifest, its modules (bundle path, text) and its merged data."""

    manifest: dict[str, Any]
    modules: list[tuple[str, str]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def revision(self) -> str:
        return str(self.manifest.get("revision", ""))

    @property
    def roots(self) -> list[str]:
        return list(self.manifest.get("roots", [""]))


def bundle_files(
    modules: Iterable[PolicyModule],
    data: Mapping[str, Any],
    *,
    entry_points: Mapping[str, Sequence[str]] | None = None,
    revision: str | None = None,
    metadata: Mapping[str, Any] | None = None,
) -> dict[str, bytes]:
    """The files of the bundle, by their path in the archive, the manifest last.

    ``data`` is the whole ``data`` document (``PolicyContext.rego_data()``); ``entry_points`` the entry
    points per kind (``PolicySet.entry_points``), recorded in the manifest's metadata.
    """
    modules = list(modules)
    files: dict[str, bytes] = {}
    for name, module in zip(_module_names(modules), modules, strict=True):
        if name in files:
            raise PolicyLoadError(f"two policy modules would be {name} in the bundle", file=module.path)
        files[name] = module.text.encode("utf-8")
    files["/" + DATA_FILE] = (json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    roots = sorted({DATA_ROOT, *data.keys(), *(m.package.split(".")[0] for m in modules)})
    for i, first in enumerate(roots):
        for second in roots[i + 1 :]:
            if roots_overlap(first, second):
                raise PolicyLoadError(f"bundle roots {first!r} and {second!r} overlap")
    if revision is None:
        digest = hashlib.sha256()
        for name in sorted(files):
            digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(files[name]).digest())
        revision = "sha256:" + digest.hexdigest()[:32]
    manifest: dict[str, Any] = {"revision": revision, "roots": roots, "rego_version": REGO_VERSION}
    meta = dict(metadata or {})
    if entry_points is not None:
        meta["entry_points"] = {kind: list(points) for kind, points in sorted(entry_points.items())}
    if meta:
        manifest["metadata"] = meta
    files["/" + MANIFEST] = (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")
    return files


def _module_names(modules: Sequence[PolicyModule]) -> list[str]:
    """Each module's path in the bundle: bundled ones below /policies, others below /extra."""
    bases: dict[bool, str] = {}
    for bundled in (True, False):
        parents = [os.path.dirname(os.path.abspath(m.path)) for m in modules if m.bundled is bundled]
        if parents:
            bases[bundled] = os.path.commonpath(parents)
    names = []
    for module in modules:
        relative = os.path.relpath(os.path.abspath(module.path), bases[module.bundled])
        prefix = "/policies/" if module.bundled else "/extra/"
        names.append(prefix + PurePosixPath(*relative.split(os.sep)).as_posix())
    return names


def build_bundle(
    modules: Iterable[PolicyModule],
    data: Mapping[str, Any],
    *,
    entry_points: Mapping[str, Sequence[str]] | None = None,
    revision: str | None = None,
    metadata: Mapping[str, Any] | None = None,
) -> bytes:
    """The bundle as a gzipped tar, the same bytes for the same contents."""
    files = bundle_files(modules, data, entry_points=entry_points, revision=revision, metadata=metadata)
    import tarfile

    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name in sorted(files):
            info = tarfile.TarInfo(name)
            info.size = len(files[name])
            info.mode = 0o644
            info.mtime = 0
            info.uname = info.gname = ""
            archive.addfile(info, io.BytesIO(files[name]))
    return gzip.compress(raw.getvalue(), mtime=0)


def read_bundle(blob: bytes) -> Bundle:
    """A bundle read the way OPA reads one; anything OPA would refuse is a :class:`PolicyLoadError`."""
    import tarfile

    try:
        with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as archive:
            manifest, modules, data = _read_files(archive)
    except (tarfile.TarError, OSError, EOFError) as err:
        raise PolicyLoadError(f"not a gzipped tar bundle: {err}") from None
    roots = manifest.get("roots", [""])
    if not isinstance(roots, list) or not all(isinstance(r, str) for r in roots):
        raise PolicyLoadError("the manifest's roots are not a list of strings", file=MANIFEST)
    roots = [r.strip("/") for r in roots]
    for i, first in enumerate(roots):
        for second in roots[i + 1 :]:
            if roots_overlap(first, second):
                raise PolicyLoadError(f"manifest has overlapped roots: {first!r} and {second!r}", file=MANIFEST)
    for path, text in modules:
        match = _PACKAGE.search(text)
        package = match.group(1).replace(".", "/") if match else None
        if package is None or not root_contains(roots, package):
            raise PolicyLoadError(f"manifest roots {roots} do not permit package {package!r}", file=path)
    _check_data_roots(data, "", roots)
    return Bundle(manifest=manifest, modules=modules, data=data)


def _read_files(archive: tarfile.TarFile) -> tuple[dict[str, Any], list[tuple[str, str]], dict[str, Any]]:
    """The manifest, the modules and the merged data files of an archive; other files are ignored, as by OPA."""
    manifest: dict[str, Any] = {"revision": ""}
    modules: list[tuple[str, str]] = []
    data: dict[str, Any] = {}
    total = 0
    for member in archive:
        if not member.isfile():
            continue
        total += member.size
        if total > MAX_BYTES:
            raise PolicyLoadError(f"the bundle is larger than {MAX_BYTES} bytes unpacked")
        path = "/" + member.name.lstrip("/")
        extracted = archive.extractfile(member)
        content = extracted.read() if extracted is not None else b""
        if path.endswith(".rego"):
            modules.append((path, _text(content, path)))
        elif PurePosixPath(path).name == DATA_FILE:
            keys = [part for part in PurePosixPath(path).parent.parts if part != "/"]
            _insert(data, keys, _json(content, path), path)
        elif path.endswith(MANIFEST):
            loaded = _json(content, path)
            if not isinstance(loaded, dict) or not isinstance(loaded.get("revision", ""), str):
                raise PolicyLoadError("the manifest is not an object with a string revision", file=path)
            manifest = loaded
    return manifest, modules, data


def roots_overlap(first: str, second: str) -> bool:
    """Whether one root path is a prefix of the other, segment by segment ("" is the whole of ``data``)."""
    a = [p for p in first.split("/") if p]
    b = [p for p in second.split("/") if p]
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def root_contains(roots: Iterable[str], path: str) -> bool:
    """Whether ``path`` (``a/b/c``) lies inside one of ``roots``."""
    parts = [p for p in path.split("/") if p]
    for root in roots:
        prefix = [p for p in root.split("/") if p]
        if parts[: len(prefix)] == prefix:
            return True
    return False


def _check_data_roots(node: Any, path: str, roots: list[str]) -> None:
    """Every value of ``data`` lies inside a root; an object above a root is looked into."""
    if root_contains(roots, path):
        return
    if isinstance(node, dict) and any(root_contains([path], root) for root in roots):
        for key, value in node.items():
            _check_data_roots(value, f"{path}/{key}", roots)
        return
    raise PolicyLoadError(f"manifest roots {roots} do not permit data at path '/{path.strip('/')}'", file=DATA_FILE)


def _insert(data: dict[str, Any], keys: list[str], value: Any, path: str) -> None:
    if not keys:
        if not isinstance(value, dict):
            raise PolicyLoadError("data at the bundle's top must be an object", file=path)
        for key, item in value.items():
            _insert(data, [key], item, path)
        return
    node = data
    for key in keys[:-1]:
        child = node.setdefault(key, {})
        if not isinstance(child, dict):
            raise PolicyLoadError(f"data conflicts at {'/'.join(keys)}", file=path)
        node = child
    last = keys[-1]
    if last in node:
        if isinstance(node[last], dict) and isinstance(value, dict):
            for key, item in value.items():
                _insert(node[last], [key], item, path)
            return
        raise PolicyLoadError(f"data conflicts at {'/'.join(keys)}", file=path)
    node[last] = value


def _text(content: bytes, path: str) -> str:
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as err:
        raise PolicyLoadError(f"not UTF-8: {err}", file=path) from None


def _json(content: bytes, path: str) -> Any:
    try:
        return json.loads(_text(content, path))
    except json.JSONDecodeError as err:
        raise PolicyLoadError(f"not JSON: {err}", file=path, line=err.lineno, column=err.colno) from None
