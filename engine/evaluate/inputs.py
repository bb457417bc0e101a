"""The input builder, the only one: the ``input`` document the rules receive, as the JSON text the engine parses.

Its shape is the policy contract (docs/policy-authoring.md)::

    {"kind", "as_of", "document", "related", "links", "unresolved", "names", "derived", "lineage", "dependents"}

and, for a data source judged with its ancestry, ``"ancestry"`` (then ``related`` stops at its parents); for an
audience, ``"name_patterns"`` when the engine can match the context's name patterns itself.

The text is spliced rather than built as a dict and dumped, because referenced documents recur in the
neighbourhoods of many documents (a vendor behind a hundred data sources): a :class:`RunIndex` remembers
their JSON text and the names in them, once per run. tests/test_inputs.py proves that the text parses to
exactly the documented input.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from ..graph import DocumentIndex, Key, PolicyContext, derive, iter_names, lineage_facts, neighbourhood
from ..read import Document


def dumps(value: Any) -> str:
    # Not ASCII-escaped: less to encode here and to parse in the engine; the same JSON values.
    return json.dumps(value, ensure_ascii=False)


def _referenced(data: Any) -> tuple[str, tuple[str, ...]]:
    return dumps(data), tuple(iter_names(data))


class RunIndex(DocumentIndex):
    """The index of one run, remembering what inputs need of its documents: JSON text and names.

    Valid for one run only: the documents of an index do not change while it is used.
    """

    def __init__(self, documents: Iterable[Document] = (), memo_size: int = 2048):
        super().__init__(documents)
        self._memo: OrderedDict[Key, tuple[str, tuple[str, ...]]] = OrderedDict()
        self._memo_size = memo_size

    def referenced(self, kind: str, ident: str, data: Any) -> tuple[str, tuple[str, ...]]:
        """The JSON text and the names of the indexed document (``kind``, ``ident``), whose data is ``data``."""
        key = (kind, ident)
        memo = self._memo.get(key)
        if memo is None:
            memo = self._memo[key] = _referenced(data)
            if len(self._memo) > self._memo_size:
                self._memo.popitem(last=False)
        else:
            self._memo.move_to_end(key)
        return memo


def build_input_json(
    document: Document,
    index: DocumentIndex,
    context: PolicyContext,
    as_of: str,
    native: dict[str, Any] | None = None,
    *,
    ancestry: dict[str, Any] | None = None,
    whole_lineage: bool = True,
) -> str:
    """The ``input`` the rules see for ``document``, as JSON text.

    ``native`` is ``input.derived.native`` of a document read by a platform adapter, which is then the
    document as derived (:func:`ethiq.engine.graph.native.judged`). ``ancestry`` is ``input.ancestry`` of a
    data source (:mod:`ethiq.engine.graph.lineage`): given, or with ``whole_lineage=False``, the lineage is
    followed only to the sources ``document`` is derived from directly.
    """
    hood = neighbourhood(document, index, whole_lineage=whole_lineage and ancestry is None)
    describe = context.names.describe
    names: dict[str, Any] = {}
    for name in iter_names(document.data):
        if name not in names:
            names[name] = describe(name)
    patterns = _name_patterns(document, names, context)
    related = []
    for kind, documents in hood.related.items():
        members = []
        for ident, data in documents.items():
            text, found = index.referenced(kind, ident, data) if isinstance(index, RunIndex) else _referenced(data)
            members.append(f"{dumps(ident)}:{text}")
            for name in found:
                if name not in names:
                    names[name] = describe(name)
        related.append(f"{dumps(kind)}:{{{','.join(members)}}}")
    return "".join(
        (
            f'{{"kind":{dumps(document.kind)},"as_of":{dumps(as_of)},"document":{dumps(document.data)}',
            f',"related":{{{",".join(related)}}},"links":{dumps(hood.links)}',
            f',"unresolved":{dumps(hood.unresolved)},"names":{dumps(names)}',
            f',"derived":{dumps(_derived(document, native))},"lineage":{dumps(_lineage(document, hood.related))}',
            f',"dependents":{dumps(_dependents(document, index))}',
            "" if ancestry is None else f',"ancestry":{dumps(ancestry)}',
            "" if patterns is None else f',"name_patterns":{dumps(patterns)}',
            "}",
        )
    )


def _name_patterns(document: Document, names: dict[str, Any], context: PolicyContext) -> dict[str, list[str]] | None:
    """``input.name_patterns`` of an audience: for each name of the document the engine can judge, the
    context's name patterns it matches (:mod:`ethiq.engine.graph.patterns`); None when it can judge none."""
    if document.kind != "audience" or not context.name_patterns.usable:
        return None
    hits = context.name_patterns.hits
    found = {name: matched for name in names if (matched := hits(name)) is not None}
    return found or None


def _lineage(document: Document, related: dict[str, dict[str, Any]]) -> dict[str, Any]:
    sources = dict(related.get("data_source", {}))
    if document.kind == "data_source" and document.id is not None:
        sources[document.id] = document.data  # the judged source is the root, whatever else has its id
    return lineage_facts(sources)


def _dependents(document: Document, index: DocumentIndex) -> list[dict[str, Any]]:
    if document.kind != "data_source" or document.id is None:
        return []
    return index.dependents.get((document.kind, document.id), [])


def _derived(document: Document, native: dict[str, Any] | None) -> dict[str, Any]:
    derived = derive(document.data)
    if native is not None:
        derived["native"] = native
    return derived
