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
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ContextError, ContextFileError
from ..read import Document, iter_documents
from ..report import ContextRelaxation, is_file_name
from ..validate import SchemaSet, bundled_schemas
from .names import NameIndex
from .relaxation import relaxations, tighten


@dataclass(slots=True)
class PolicyContext:
    """The merged context and the lookup tables derived from it for the rules."""

    data: dict[str, Any]
    origins: list[str] = field(default_factory=list)
    relaxations: list[ContextRelaxation] = field(default_factory=list)  # by contexts named explicitly
    refused: list[ContextRelaxation] = field(default_factory=list)  # by contexts among the checked files: undone
    _names: NameIndex | None = field(default=None, repr=False)

    @property
    def names(self) -> NameIndex:
        if self._names is None:
            self._names = NameIndex(self.data)
        return self._names

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
    return sorted(Path(str(resources.files("ethiq.policies"))).joinpath("data", "context").glob("*.yaml"))


def build_context(
    documents: Iterable[Document] = (), files: Iterable[str | Path] = (), *, schemas: SchemaSet | None = None
) -> PolicyContext:
    """The bundled context, then ``documents`` (policy_context documents of the run), then ``files``."""
    schemas = schemas or bundled_schemas()
    merged: dict[str, Any] = {}
    origins: list[str] = []
    relaxed: list[ContextRelaxation] = []
    refused: list[ContextRelaxation] = []
    bundled = _bundled_documents()
    extra = [_read_context_file(Path(path), named=True) for path in files]
    # A file named as context that also lies in the checked tree counts once, as named.
    named = {os.path.abspath(path) for path in files}
    found = [d for d in documents if not (is_file_name(d.source.file) and os.path.abspath(d.source.file) in named)]
    # Each group: its documents, and whether they may relax what came before (found in the checked tree: no).
    groups: list[tuple[list[Document], bool, list[ContextRelaxation] | None]] = [(docs, True, None) for docs in bundled]
    groups.append((found, False, refused))
    groups.extend((docs, True, relaxed) for docs in extra)
    for docs, may_relax, record in groups:
        for document in docs:
            violations = schemas.validate(document.data)
            if violations:
                detail = "; ".join(f"{v.json_path}: {v.message}" for v in violations[:5])
                raise ContextError(f"{document.source}: invalid policy context: {detail}")
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


@cache
def _bundled_documents() -> tuple[list[Document], ...]:
    """The bundled context files' documents, read once: package data does not change during a process, and
    merging copies what it takes, so the documents are never changed."""
    return tuple(_read_context_file(path) for path in bundled_context_files())


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
