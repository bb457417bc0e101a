"""Documents by kind and id: what references resolve against.

The index of a run holds only the documents that other documents reference (see :mod:`.ledger`); the
parallel runner's index loads them from its spool on demand. A later whole-run graph (reverse edges,
per-document summaries) is built beside this, from the ledger's records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..read import Document


class DocumentIndex:
    """Documents by kind and id: what references resolve against."""

    def __init__(self, documents: Iterable[Document] = ()):
        self._by_key: dict[tuple[str, str], Document] = {}
        # input.dependents of the run's data sources (see .dependents), set once the whole run is read.
        self.dependents: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for document in documents:
            self.add(document)

    def add(self, document: Document) -> Document | None:
        """Index ``document``; returns the earlier document with the same kind and id, if any."""
        if document.kind is None or document.id is None:
            return None
        key = (document.kind, document.id)
        earlier = self._by_key.get(key)
        if earlier is None:
            self._by_key[key] = document
        return earlier

    def get(self, kind: str, ident: str) -> Document | None:
        return self._by_key.get((kind, ident))

    def __len__(self) -> int:
        return len(self._by_key)
