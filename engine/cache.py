"""The cache: what is the same for every run, computed once and kept between runs in the user's cache directory.

Two things are kept: the proof of a policy set (its parsed ``# METADATA`` and entry points, once every entry
point was evaluated on a probe input and the set compiled; see :mod:`.evaluate.policies`), and the
confusables table of the name normal form (see :mod:`.graph.names`). Each entry is stored under the sha256
of everything its value depends on (files, data, ethiq's and the engine's versions), so a change to any of
them is a different key, and the value is computed again.

An entry is trusted only when it is whole and its own: it names the namespace and key it was stored under
(a foreign entry, copied or renamed, is a miss), and the sha256 of its value matches (a corrupt or edited
entry is a miss). A miss computes the value again and replaces the entry. The cache decides nothing about
documents: every document is still evaluated by the engine, fail closed, so a cache can make a run faster,
never make it pass. Entries are JSON, never pickle: reading one cannot run code.

An entry is one JSON object written in one fixed layout, its value last: ``{"format": 2, "key": ..., "namespace":
..., "sha256": ..., "value": VALUE}``, where VALUE is the value's canonical JSON text and the sha256 is that of
its bytes. So a read hashes the bytes it read instead of serialising the value again (a proof is about 300 KB
of JSON: hashing is about twenty times cheaper than serialising it), and parses only the value; anything not in
that layout, even equivalent JSON, is a miss.

Where: ``ETHIQ_CACHE_DIR`` when set, else the platform's user cache directory (``$XDG_CACHE_HOME/ethiq``
or ``~/.cache/ethiq`` on Linux and other Unixes, ``~/Library/Caches/ethiq`` on macOS,
``%LOCALAPPDATA%\\ethiq\\Cache`` on Windows): the rules platformdirs follows, written out here rather than
adding a dependency for three paths. A cache that cannot be written (a read-only home) is skipped
silently: the next run only computes the value again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

#: Bumped whenever the layout of entries changes: older entries become misses.
FORMAT = 2
CACHE_DIR_VARIABLE = "ETHIQ_CACHE_DIR"
ENTRY_SUFFIX = ".json"


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The directory entries live in (``ETHIQ_CACHE_DIR``, else the user cache directory)."""
    env = os.environ if environ is None else environ
    explicit = env.get(CACHE_DIR_VARIABLE)
    if explicit:
        return Path(explicit)
    home = Path(env.get("HOME") or Path.home())
    if sys.platform == "win32":
        base = env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / "ethiq" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "ethiq"
    xdg = env.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and os.path.isabs(xdg) else home / ".cache") / "ethiq"


def cache_key(parts: Iterable[tuple[str, str | bytes]]) -> str:
    """The sha256 of named parts, each length-prefixed so that no two different inputs share a key."""
    digest = hashlib.sha256(f"ethiq-cache/{FORMAT}\n".encode())
    for name, value in parts:
        data = value.encode("utf-8") if isinstance(value, str) else value
        label = name.encode("utf-8")
        digest.update(f"{len(label)}:".encode() + label + f"{len(data)}:".encode() + data)
    return digest.hexdigest()


class Cache:
    """JSON entries by namespace and key, as files in ``directory``."""

    def __init__(self, directory: str | os.PathLike[str] | None = None):
        self.directory = Path(directory) if directory is not None else default_cache_dir()

    def path(self, namespace: str, key: str) -> Path:
        return self.directory / f"{namespace}-{key}{ENTRY_SUFFIX}"

    def load(self, namespace: str, key: str) -> Any:
        """The value stored under ``key``; None for a missing, unreadable, corrupt or foreign entry."""
        try:
            entry = self.path(namespace, key).read_bytes()
        except OSError:
            return None
        head = _head(namespace, key)
        start = len(head) + _DIGEST_LENGTH + len(_VALUE_FIELD)
        if not (entry.startswith(head) and entry[len(head) + _DIGEST_LENGTH :].startswith(_VALUE_FIELD)):
            return None  # another format, or stored for another value: not this one's
        if not entry.endswith(b"}"):
            return None  # cut short
        body = entry[start:-1]
        if hashlib.sha256(body).hexdigest().encode("ascii") != entry[len(head) : len(head) + _DIGEST_LENGTH]:
            return None  # changed since it was written
        try:
            value = json.loads(body)
        except ValueError:
            return None
        return value

    def store(self, namespace: str, key: str, value: Any) -> None:
        """Keep ``value`` (JSON) under ``key``: written whole (a temporary file renamed), or not at all."""
        body = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        entry = b"".join(
            (_head(namespace, key), hashlib.sha256(body).hexdigest().encode("ascii"), _VALUE_FIELD, body, b"}")
        )
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=ENTRY_SUFFIX)
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(entry)
                os.replace(temporary, self.path(namespace, key))
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # an unwritable cache costs the next run the computation, nothing else


_DIGEST_LENGTH = 64  # hexadecimal sha256
_VALUE_FIELD = b'", "value": '


def _head(namespace: str, key: str) -> bytes:
    """An entry's bytes up to its sha256: the format, then the key and namespace it was stored under."""
    return json.dumps({"format": FORMAT, "key": key, "namespace": namespace, "sha256": ""})[:-2].encode("utf-8")
