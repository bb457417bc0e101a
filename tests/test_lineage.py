"""Lineage facts (input.lineage): the engine's counts and orderings, and the routes the rules choose with them.

The facts only make the choice of a route cheap: every route the rules report with them must be the route
they report without them (computing everything in Rego), on any lineage graph: chains, merges, cycles,
ids that name no source.
"""

from __future__ import annotations

import json
from collections import deque
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ethiq import Checker
from ethiq.engine.graph.lineage import lineage_facts, upstream_counts


def reachable(graph: dict[str, list[str]], start: str) -> set[str]:
    seen, queue = {start}, deque([start])
    while queue:
        for parent in graph.get(queue.popleft(), ()):
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)
    return seen


# Graphs over a few ids, with parents that may name no source ("gone_*"), cycles and self-references.
_ids = [f"ds_{i}" for i in range(8)]
graphs = st.dictionaries(
    st.sampled_from(_ids),
    st.lists(st.sampled_from([*_ids, "gone_a", "gone_b"]), max_size=4),
    min_size=1,
)


@settings(max_examples=60, deadline=None)
@given(graphs)
def test_upstream_counts_every_id_reachable(graph: dict[str, list[str]]) -> None:
    assert upstream_counts(graph) == {ident: len(reachable(graph, ident)) for ident in graph}


def test_upstream_counts_a_long_chain_without_recursion() -> None:
    n = 5000
    graph = {f"ds_{i}": [f"ds_{i + 1}"] if i + 1 < n else [] for i in range(n)}
    counts = upstream_counts(graph)
    assert counts["ds_0"] == n
    assert counts[f"ds_{n - 1}"] == 1


def test_derived_into_lists_the_most_upstream_first_then_by_id() -> None:
    sources = {
        "base": {"lineage": {"derived_from": []}},
        "b": {"lineage": {"derived_from": ["base"]}},
        "a": {"lineage": {"derived_from": ["base"]}},
        "deep": {"lineage": {"derived_from": ["base", "x", "base"]}},
        "x": {"lineage": {"derived_from": "not a list"}},
    }
    facts = lineage_facts(sources)
    assert facts["base"] == {"upstream": 1, "derived_into": ["deep", "a", "b"]}
    assert facts["deep"]["upstream"] == 3
    assert facts["x"] == {"upstream": 1, "derived_into": ["deep"]}


def _source(ident: str, parents: list[str]) -> dict[str, Any]:
    return {"kind": "data_source", "id": ident, "lineage": {"derived_from": parents}}


_ROUTES = "x := data.ethiq.lib.data_sources.ancestor_routes(input.document, input.related)"


@settings(max_examples=25, deadline=None)
@given(graphs, st.sampled_from(_ids))
def test_the_facts_choose_the_routes_rego_chooses_alone(
    checker: Checker, graph: dict[str, list[str]], root: str
) -> None:
    graph.setdefault(root, [])
    sources = {ident: _source(ident, parents) for ident, parents in graph.items()}
    document = sources[root]
    related = {ident: data for ident, data in sources.items() if ident != root}  # as the neighbourhood holds them
    engine = checker.stages._engine
    routes = []
    for extra in ({}, {"lineage": lineage_facts({**related, root: document})}):
        engine.set_input_json(json.dumps({"document": document, "related": {"data_source": related}, **extra}))
        routes.append(engine.eval_query(_ROUTES))
    assert routes[0] == routes[1]
    expected = reachable(graph, root) - {root}
    assert {route[0] for route in routes[1]["result"][0]["bindings"]["x"]} == expected & set(graph)


@pytest.mark.parametrize("n", [50])
def test_a_chain_reports_the_whole_route_to_a_banned_ancestor(checker: Checker, n: int) -> None:
    documents = [_source(f"ds_{i}", [f"ds_{i + 1}"] if i + 1 < n else []) for i in range(n)]
    documents[-1]["collection"] = {"method": "quiz_app"}
    report = checker.check_documents(documents)
    taints = [f for f in report.findings if f.rule_id == "DAT-007" and f.status == "fail"]
    assert {f.document_id for f in taints} == {f"ds_{i}" for i in range(n - 1)}
    first = next(f for f in taints if f.document_id == "ds_0")
    assert first.trace == tuple(f"ds_{i}" for i in range(n))
