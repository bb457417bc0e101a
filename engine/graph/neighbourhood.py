"""What the rules see of the graph around one document: everything reachable through references.

From a document the engine follows its references transitively (breadth first, each node once per starting
reference, so cycles terminate) and hands the rules what it reached: the documents (``related``), each route
to them (``links``, with ``via``, where in the judged document the route starts, and ``chain``, the ids
along it) and every reference that names no document (``unresolved``), which blocking rules treat as unknown.

With ``whole_lineage=False`` the sources a data source is derived from are reached but not followed: their
own ancestry reaches the rules as their judgements (``input.ancestry``, see :mod:`.lineage`), so that the
input of each source of a long lineage stays the size of the source, not of its lineage.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from ..read import Document
from .index import DocumentIndex
from .references import Reference, iter_references

LINEAGE = "derived_from"  # the relation of lineage.derived_from


@dataclass(slots=True)
class Neighbourhood:
    """What the rules see of the graph around one document."""

    related: dict[str, dict[str, Any]]
    links: list[dict[str, Any]]
    unresolved: list[dict[str, Any]]


def neighbourhood(document: Document, index: DocumentIndex, *, whole_lineage: bool = True) -> Neighbourhood:
    """Everything reachable from ``document`` through references, with the routes and the dead ends."""
    related: dict[str, dict[str, Any]] = {}
    links: list[dict[str, Any]] = []
    unresolved: list[dict[str, Any]] = []
    root_id = document.id or "?"
    kind = document.kind or ""
    for via, target_id, reference in iter_references(document.data, kind):
        seen: set[tuple[str, str]] = {(kind, root_id)}
        queue: deque[tuple[str, str, Reference, list[str]]] = deque(
            [(reference.target, target_id, reference, [root_id])]
        )
        while queue:
            target_kind, ident, ref, chain = queue.popleft()
            if (target_kind, ident) in seen:
                continue  # a cycle, or a node this route already reached
            seen.add((target_kind, ident))
            route = [*chain, ident]
            target = index.get(target_kind, ident)
            entry = {"kind": target_kind, "id": ident, "via": list(via), "chain": route, "relation": ref.relation}
            if target is None:
                unresolved.append(entry)
                continue
            links.append(entry)
            data = index.judged_data(target)  # a referenced audience's native JSON is judged too
            related.setdefault(target_kind, {})[ident] = data
            if not ref.follow or (ref.relation == LINEAGE and not whole_lineage):
                continue
            for _, next_id, next_ref in iter_references(data, target_kind):
                queue.append((next_ref.target, next_id, next_ref, route))
    return Neighbourhood(related=related, links=links, unresolved=unresolved)
