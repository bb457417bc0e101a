"""The policy context of a run, merged: who the party is, its elections, thresholds, blocklists and maps.

The bundled context (``policies/data/context/*.yaml``, merged in file-name order) describes Liberalerna. Each
``policy_context`` document among the inputs is merged over it, then each ``--context`` file. Mappings merge
key by key, so a user's file can add one blocklist entry or change one threshold; any other value (a list,
a string) replaces the one before. Every fragment is validated against the ``policy_context`` schema.

A document among the checked files may add to the bans and limits but never relax them (see
:mod:`.relaxation` for what relaxes): what it would relax is undone, and listed in ``refused`` (each an
input problem of the run, exit 2). Only a context named explicitly (``--context`` or the configuration) may
relax; what it relaxed is listed in ``relaxations``, which every report shows.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache import Cache, cache_key
from ..errors import ContextError, ContextFileError
from ..read import Document, iter_documents
from ..report import ContextRelaxation, is_file_name
from ..resources import package_dir
from ..validate import SchemaSet, bundled_schemas
from .names import NameIndex
from .patterns import NamePatterns
from .relaxation import relaxations, tighten


@dataclass(slots=True)
class PolicyContext:
    """The merged context and the lookup tables derived from it for the rules."""

    data: dict[str, Any]
    origins: list[str] = field(default_factory=list)
    relaxations: list[ContextRelaxation] = field(default_factory=list)  # by contexts named explicitly
    refused: list[ContextRelaxation] = field(default_factory=list)  # by contexts among the checked files: undone
    _names: NameIndex | None = field(default=None, repr=False)
    _name_patterns: NamePatterns | None = field(default=None, repr=False)

    @property
    def names(self) -> NameIndex:
        if self._names is None:
            self._names = NameIndex(self.data)
        return self._names

    @property
    def name_patterns(self) -> NamePatterns:
        """The context's name patterns as the engine matches them (``input.name_patterns``)."""
        if self._name_patterns is None:
            self._name_patterns = NamePatterns(self.data)
        return self._name_patterns

    def rego_data(self) -> dict[str, Any]:
        """``data.ethiq``: the context and its index, as the policies read them."""
        context = {k: v for k, v in self.data.items() if k not in ("kind", "id", "schema_version")}
        return {"ethiq": {"context": context, "index": self.names.tables()}}


def merge(base: Mapping[str, Any], overlay: Mapping[str, Any]) -> dict[str, Any]:
    """Deep merge: mappings key by key, everything else replaced by the overlay."""
    result = dict(base)
    for key, value in overlay.items():
        if isinstance(value, Mapping) and isinstance(result.get(key), Mapping):
            result[key] = merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def bundled_context_files() -> list[Path]:
    return sorted(package_dir("ethiq.policies").joinpath("data", "context").glob("*.yaml"))


def build_context(
    documents: Iterable[Document] = (),
    files: Iterable[str | Path] = (),
    *,
    schemas: SchemaSet | None = None,
    cache: Cache | None = None,
) -> PolicyContext:
    """The bundled context, then ``documents`` (policy_context documents of the run), then ``files``.

    The bundled part, the same for every run, is read once per process, or taken from ``cache``.
    """
    schemas = schemas or bundled_schemas()
    merged, origins = bundled_context(schemas, cache)
    relaxed: list[ContextRelaxation] = []
    refused: list[ContextRelaxation] = []
    extra = [_read_context_file(Path(path), named=True) for path in files]
    # A file named as context that also lies in the checked tree counts once, as named.
    named = {os.path.abspath(path) for path in files}
    in_tree = [d for d in documents if not (is_file_name(d.source.file) and os.path.abspath(d.source.file) in named)]
    # Each group: its documents, and whether they may relax what came before (found in the checked tree: no).
    groups: list[tuple[list[Document], bool, list[ContextRelaxation] | None]] = [(in_tree, False, refused)]
    groups.extend((docs, True, relaxed) for docs in extra)
    for docs, may_relax, record in groups:
        for document in docs:
            _check_context_document(document, schemas)
            after = merge(merged, document.data)
            if record is not None:
                found = relaxations(merged, after, document.source)
                record.extend(found)
                if not may_relax:
                    after = tighten(after, merged, found)
            merged = after
            origins.append(str(document.source))
    merged["kind"] = "policy_context"
    merged.setdefault("id", "merged")
    return PolicyContext(data=merged, origins=origins, relaxations=relaxed, refused=refused)


BUNDLED_NAMESPACE = "context"
_BUNDLED: dict[str, str] = {}  # the bundled context as JSON, per key, for the life of the process
#: The modules that read, validate and merge the bundled context: a change to any is a new cache key.
_READING_SOURCES = (
    "graph/context.py",
    "read/documents.py",
    "read/formats.py",
    "read/limits.py",
    "validate/schema.py",
    "validate/fast.py",
)


def bundled_context(schemas: SchemaSet, cache: Cache | None = None) -> tuple[dict[str, Any], list[str]]:
    """The bundled context files, each validated and merged in file-name order, and their origins.

    A fresh copy on every call. Kept for the process and in ``cache`` under the sha256 of the files (paths and
    bytes), the ``policy_context`` schema and the modules that read and merge them; a cached entry of any
    other shape is a miss, computed again.
    """
    paths = bundled_context_files()
    engine_dir = Path(__file__).resolve().parent.parent
    key = cache_key(
        [
            *((f"file:{path}", path.read_bytes()) for path in paths),
            ("schema", json.dumps(schemas.schema("policy_context"), sort_keys=True)),
            *((f"ethiq/{name}", (engine_dir / name).read_bytes()) for name in _READING_SOURCES),
        ]
    )
    text = _BUNDLED.get(key)
    if text is None and cache is not None:
        value = cache.load(BUNDLED_NAMESPACE, key)
        if (
            isinstance(value, dict)
            and isinstance(value.get("data"), dict)
            and isinstance(value.get("origins"), list)
            and all(isinstance(origin, str) for origin in value["origins"])
        ):
            text = json.dumps(value, ensure_ascii=False)
    if text is None:
        merged: dict[str, Any] = {}
        origins: list[str] = []
        for path in paths:
            for document in _read_context_file(path):
                _check_context_document(document, schemas)
                merged = merge(merged, document.data)
                origins.append(str(document.source))
        value = {"data": merged, "origins": origins}
        text = json.dumps(value, ensure_ascii=False)
        if json.loads(text) != value:  # only JSON values can be kept; anything else is read on every run
            return merged, origins
        if cache is not None:
            cache.store(BUNDLED_NAMESPACE, key, value)
    _BUNDLED[key] = text
    fresh = json.loads(text)
    return fresh["data"], fresh["origins"]


def _check_context_document(document: Document, schemas: SchemaSet) -> None:
    violations = schemas.validate(document.data)
    if violations:
        detail = "; ".join(f"{v.json_path}: {v.message}" for v in violations[:5])
        raise ContextError(f"{document.source}: invalid policy context: {detail}")


def _read_context_file(path: Path, *, named: bool = False) -> list[Document]:
    """The documents of one context file, read with the bounds of every document (regular files only, size,
    aliases, depth). A named file that cannot be read is unusable input (exit 2); a bundled one, a broken
    policy set (exit 3)."""
    documents: list[Document] = []
    for item in iter_documents([path]):
        if not isinstance(item, Document):
            if named:
                message = f"{item.message}; {item.hint}" if item.hint else item.message
                raise ContextFileError(message, file=item.file, line=item.line)
            where = ":".join(str(p) for p in (item.file, item.line) if p is not None)
            raise ContextError(f"{where}: {item.message}")
        if item.kind != "policy_context":
            raise ContextError(f"{item.source}: a context file holds policy_context documents, found {item.kind!r}")
        documents.append(item)
    return documents
