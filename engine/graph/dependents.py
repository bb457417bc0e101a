"""``input.dependents``: the documents that reach a data source through references, from the whole run.

A source learns that it feeds political advertising from the documents built on it (DAT-013, DAT-014): the
audiences that name it (``data_source_ids``, a lookalike's ``origin_ref``, in inclusions or exclusions) or a
source derived from it (at any depth of ``lineage.derived_from``), and the ads on those audiences. The run's
ledger records every document's references (its outgoing edges) and political flag as it reads them; this
module turns them around once all are read, and lists each source's dependents::

    {"kind": "audience" | "ad", "id": ..., "relation": ..., "political": true | false | "unknown"}

``relation`` is the reference by which that document reaches the source (its first step towards it);
``political`` is the document's own flag as written (an audience's ``political.is_political_advertising``,
an ad's ``political.is_political_advertisement``; missing is ``"unknown"``). Campaigns are not listed: a
campaign has no political flag of its own, and what it targets with is in its audiences and ads, which are
(a member newsletter campaign that names the member list does not make the list political advertising).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

Key = tuple[str, str]

DEPENDENT_KINDS = ("audience", "ad")
#: The kinds whose references make up a data source's dependents: what :class:`DependentGraph` records.
WALK_KINDS = frozenset({"data_source", *DEPENDENT_KINDS})
#: What a document tells the data sources it reaches: its political flag and its references among
#: :data:`WALK_KINDS`, in order (see :func:`dependent_facts`).
Facts = tuple[bool | str, tuple[tuple[str, str, str], ...]]
_FLAGS = {"audience": "is_political_advertising", "ad": "is_political_advertisement"}


def political_flag(kind: str | None, data: Mapping[str, Any]) -> bool | str:
    """The document's own political flag as written: true, false or ``"unknown"``."""
    field = _FLAGS.get(kind or "")
    political = data.get("political") if field else None
    value = political.get(field) if isinstance(political, Mapping) else None
    return value if isinstance(value, bool) else "unknown"


def dependent_facts(kind: str | None, edges: Iterable[tuple[str, str, str]], political: bool | str) -> Facts | None:
    """All that :class:`DependentGraph` records of a document of ``kind`` (None: nothing, another kind): two
    versions of a document with the same facts give every data source the same dependents."""
    if kind not in WALK_KINDS:
        return None
    return (political, tuple(edge for edge in edges if edge[0] in WALK_KINDS))


class DependentGraph:
    """The reverse references of a run, for the documents a data source's dependents can be."""

    def __init__(self) -> None:
        self._reverse: dict[Key, list[tuple[Key, str]]] = {}
        self._political: dict[Key, bool | str] = {}

    def add(self, key: Key, edges: tuple[tuple[str, str, str], ...], political: bool | str) -> None:
        """Record a document ``key``'s references ``(target kind, target id, relation)`` and its flag."""
        if key[0] not in WALK_KINDS:
            return
        self._political[key] = political
        for kind, ident, relation in edges:
            if kind in WALK_KINDS:
                self._reverse.setdefault((kind, ident), []).append((key, relation))

    def dependents(self, key: Key, leads: set[Key] | None = None) -> list[dict[str, Any]]:
        """Every audience and ad that reaches ``key`` through references, each once, by id.

        ``leads`` (from :meth:`leads`), when given, are the only documents worth walking back from: the others
        are reached by no audience or ad, so skipping them finds the same dependents in the same order.
        """
        found: dict[Key, str] = {}
        seen = {key}
        queue = deque([key])
        while queue:
            for source, relation in self._reverse.get(queue.popleft(), ()):
                if source in seen:
                    continue
                seen.add(source)
                if leads is None or source in leads:
                    queue.append(source)
                if source[0] in DEPENDENT_KINDS:
                    found[source] = relation
        return [
            {
                "kind": kind,
                "id": ident,
                "relation": relation,
                "political": self._political.get((kind, ident), "unknown"),
            }
            for (kind, ident), relation in sorted(found.items())
        ]

    def leads(self) -> set[Key]:
        """The documents some audience or ad reaches through references (those included): in one pass over
        the run's references, so that a long lineage no audience uses costs no walk per source."""
        forward: dict[Key, list[Key]] = {}
        for target, sources in self._reverse.items():
            for source, _ in sources:
                forward.setdefault(source, []).append(target)
        reached = {key for key in (*self._political, *forward) if key[0] in DEPENDENT_KINDS}
        queue = deque(reached)
        while queue:
            for target in forward.get(queue.popleft(), ()):
                if target not in reached:
                    reached.add(target)
                    queue.append(target)
        return reached

    def table(self) -> dict[Key, list[dict[str, Any]]]:
        """The dependents of every data source that has any."""
        table = {}
        leads = self.leads()
        for key in self._reverse:
            if key[0] == "data_source" and key in leads:
                found = self.dependents(key, leads)
                if found:
                    table[key] = found
        return table
