"""Documents by kind and id: what references resolve against.

The index of a run holds only the documents that other documents reference (see :mod:`.ledger`); the
parallel runner's index loads them from its spool on demand. A later whole-run graph (reverse edges,
per-document summaries) is built beside this, from the ledger's records.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from ..read import Document
from .native import judged_data

#: Derived views of indexed documents kept per index (only documents with native platform JSON have one).
VIEW_CACHE_SIZE = 256


class DocumentIndex:
    """Documents by kind and id: what references resolve against."""

    def __init__(self, documents: Iterable[Document] = ()):
        self._by_key: dict[tuple[str, str], Document] = {}
        # input.dependents of the run's data sources (see .dependents), set once the whole run is read.
        self.dependents: dict[tuple[str, str], list[dict[str, Any]]] = {}
        # Each data source's own judgement of its lineage (ethiq.lib.data_sources.own_lineage), by id: judged
        # once per run, when the first source derived from it is judged. Valid for this index only.
        self.own_lineage: dict[str, Any] = {}
        # The parents (lineage.derived_from) of each data source an ancestry was walked through, by id; None
        # for an id that names no source. One entry per source: walking a lineage is then a dictionary lookup
        # per step, however often the source is walked through.
        self.lineage_parents: dict[str, list[str] | None] = {}
        # Whether a data source or any source upstream of it adds anything to DAT-007, by id (see
        # ethiq.engine.judge.stages): a source with nothing upstream to tell needs no walk of its lineage.
        self.lineage_adds: dict[str, bool] = {}
        self._views: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()
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

    def judged_data(self, document: Document) -> dict[str, Any]:
        """What the rules see of an indexed document: its data, with the view derived from native JSON.

        Derived once per document and index (an index lives for one run, whose documents do not change).
        """
        if document.kind is None or document.id is None:
            return judged_data(document.data)
        key = (document.kind, document.id)
        view = self._views.get(key)
        if view is None:
            view = judged_data(document.data)
            if view is document.data:
                return view
            self._views[key] = view
            if len(self._views) > VIEW_CACHE_SIZE:
                self._views.popitem(last=False)
        else:
            self._views.move_to_end(key)
        return view

    def __len__(self) -> int:
        return len(self._by_key)
