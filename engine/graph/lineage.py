"""Lineage facts the engine computes once per document so that the rules' route-finding stays near-linear.

DAT-007 (and every rule that judges a source the way the source is judged: AUD-005, CMP-004) follows each
ancestor of a data source over one route of a spanning tree of its lineage. Choosing that tree needs, for
every source, how many sources lie upstream of it, and the sources derived directly from it: in Rego that
is one ``graph.reachable`` per ancestor, cubic over a long chain. The engine computes both once, over the
data sources of the document's neighbourhood, and hands them over as ``input.lineage``::

    {"<source id>": {"upstream": <int>, "derived_into": ["<id>", ...]}}

``upstream`` counts the ids reachable from the source through ``lineage.derived_from`` (itself included,
and ids that name no source of the run, as ``graph.reachable`` counts them); ``derived_into`` lists the
sources of the neighbourhood derived directly from it, most sources upstream first, ties by id. The rules
read these facts only to choose which route to report: which ancestors are judged is still computed from
``related`` (policies/lib/data_sources.rego), and a source without facts is handled the slow way.

That still judges every ancestor's own facts again for every source derived from it: quadratic over a
chain. So the engine judges each source's own part of DAT-007 once per run (``own_lineage`` in Rego, with
the source as the document) and hands each judged source its ancestry instead of its ancestors
(``input.ancestry``): for every ancestor whose own judgement adds anything, that judgement and the route
:func:`ancestry_routes` chooses, the route the rules would choose themselves.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping
from typing import Any


def parents_of(data: Mapping[str, Any]) -> list[str]:
    """The ids in ``lineage.derived_from`` (anything else there is not a reference), as the rules read them."""
    lineage = data.get("lineage")
    derived = lineage.get("derived_from") if isinstance(lineage, Mapping) else None
    if not isinstance(derived, list):
        return []
    return [parent for parent in derived if isinstance(parent, str)]


def lineage_facts(sources: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """``input.lineage`` for the data sources ``sources`` (id -> document data) of one neighbourhood."""
    graph = {ident: parents_of(data) for ident, data in sources.items()}
    upstream = upstream_counts(graph)
    children: dict[str, list[str]] = {ident: [] for ident in graph}
    for ident, parents in graph.items():
        for parent in dict.fromkeys(parents):
            if parent in children and parent != ident:
                children[parent].append(ident)
    return {
        ident: {
            "upstream": upstream[ident],
            "derived_into": sorted(children[ident], key=lambda child: (-upstream[child], child)),
        }
        for ident in graph
    }


def upstream_counts(graph: Mapping[str, list[str]]) -> dict[str, int]:
    """For each key of ``graph`` (id -> parent ids), how many ids are reachable from it, itself included.

    Strongly connected components first (every member of a cycle reaches the same ids), then one bit set per
    component, in topological order: O(V + E) set unions of at most V bits.
    """
    numbers: dict[str, int] = {}
    for ident, parents in graph.items():
        numbers.setdefault(ident, len(numbers))
        for parent in parents:
            numbers.setdefault(parent, len(numbers))
    components = _components(graph)
    component_of = {member: index for index, members in enumerate(components) for member in members}
    reach: list[int] = []
    # Tarjan's algorithm emits a component after every component it reaches: reach is known for those.
    for members in components:
        bits = 0
        for member in members:
            bits |= 1 << numbers[member]
            for parent in graph.get(member, ()):
                target = component_of.get(parent)
                if target is None:
                    bits |= 1 << numbers[parent]  # an id that names no source: a leaf
                elif target != component_of[member]:
                    bits |= reach[target]
        reach.append(bits)
    return {ident: reach[component_of[ident]].bit_count() for ident in graph}


def _components(graph: Mapping[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of ``graph``'s keys, each after every component it reaches."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    resolved = {ident: [parent for parent in parents if parent in graph] for ident, parents in graph.items()}
    for start in graph:
        if start in index:
            continue
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        work: list[tuple[str, int]] = [(start, 0)]
        while work:
            node, position = work[-1]
            parents = resolved[node]
            if position < len(parents):
                work[-1] = (node, position + 1)
                parent = parents[position]
                if parent not in index:
                    index[parent] = low[parent] = len(index)
                    stack.append(parent)
                    on_stack.add(parent)
                    work.append((parent, 0))
                elif parent in on_stack:
                    low[node] = min(low[node], index[parent])
                continue
            work.pop()
            if work:
                caller = work[-1][0]
                low[caller] = min(low[caller], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                components.append(members)
    return components


def ancestry_routes(
    root: str, root_parents: list[str], parents_of: Callable[[str], list[str] | None]
) -> tuple[list[str], Callable[[str], list[str]]]:
    """The ancestors of the source ``root`` (breadth first) and the route from ``root`` to each, as the rules
    choose it: the spanning tree in which each ancestor hangs under the source derived directly from it that
    has the most ids upstream (ties: the smallest id), and [root, id] for an ancestor whose tree parent hangs in
    a cycle off the root. ``parents_of(id)`` is None for an id that names no source of the run.

    About one step per ancestor: counting ids upstream is needed only where an ancestor has two sources derived
    directly from it.
    """
    graph: dict[str, list[str]] = {root: root_parents}
    missing: set[str] = set()
    ancestors: list[str] = []
    queue = deque([root])
    while queue:
        for parent in graph[queue.popleft()]:
            if parent in graph or parent in missing:
                continue
            parents = parents_of(parent)
            if parents is None:
                missing.add(parent)
                continue
            graph[parent] = parents
            ancestors.append(parent)
            queue.append(parent)
    derived_into: dict[str, list[str]] = {ident: [] for ident in graph}
    for ident, parents in graph.items():
        for parent in dict.fromkeys(parents):
            if parent in derived_into and parent != ident:
                derived_into[parent].append(ident)
    counts = upstream_counts(graph) if any(len(into) > 1 for into in derived_into.values()) else {}
    up = {
        ident: into[0] if len(into) == 1 else min(into, key=lambda child: (-counts[child], child))
        for ident, into in derived_into.items()
        if ident != root and into
    }

    def route(ident: str) -> list[str]:
        path, seen = [ident], {ident}
        while path[-1] != root:
            above = up.get(path[-1])
            if above is None or above in seen:
                return [root, ident]
            path.append(above)
            seen.add(above)
        return path[::-1]

    return ancestors, route
