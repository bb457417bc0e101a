"""A long lineage judged in linear work: each source's own part of DAT-007 once per run, the ancestry handed over.

The engine judges every data source's own lineage facts once per run (``own_lineage``) and hands each judged
source its ancestry (``input.ancestry``) instead of its ancestors' documents. These tests prove that the rules
then decide exactly what they decide over the whole lineage (every fixture, and drawn graphs with chains,
merges, cycles, ids that name no source, and taint anywhere), that a banned source at any depth of a long
chain is still rejected at every source derived from it, and that the work grows linearly with the chain.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from ethiq import Checker, load_documents
from ethiq.engine.evaluate import RunIndex, build_input_json
from ethiq.engine.judge.stages import OWN_LINEAGE_RULE
from ethiq.engine.read import Document
from ethiq.engine.read.documents import MEMORY, MEMORY_FORMAT, Source

DENY = "data.ethiq.rules.data_source.deny"


def _source(ident: str, parents: list[str] | None, *, banned: bool = False) -> dict[str, Any]:
    """A clean source of the party's own (every blocking rule passes), or one collected by a quiz app."""
    data: dict[str, Any] = {
        "kind": "data_source",
        "id": ident,
        "name": f"Source {ident}",
        "vendor_id": None,
        "origin": "first_party_direct",
        "collection": {
            "method": "quiz_app" if banned else "newsletter_signup",
            "collected_by": "party",
            "collected_from_data_subject": True,
        },
        "subject_scope": "subscribers",
        "data_categories": ["user.contact.email"],
        "identifiability": "aggregated",
        "k_min": 100,
        "legal_basis": {"art6": "a", "art9": "none"},
        "purposes": ["newsletter"],
        "contains_minors": "no",
        "lineage": {"transformations": []},
        "ropa_ref": f"ropa://{ident}",
        "retention_days": 365,
    }
    if parents is not None:
        data["lineage"]["derived_from"] = parents
    return data


def _documents(datas: list[dict[str, Any]]) -> list[Document]:
    return [Document(data=data, source=Source(MEMORY, MEMORY_FORMAT, n, n + 1)) for n, data in enumerate(datas)]


def _deny(checker: Checker, text: str) -> list[Any]:
    engine = checker.stages._engine
    engine.set_input_json(text)
    return sorted(engine.eval_set(DENY), key=json.dumps)


def _both_ways(checker: Checker, document: Document, index: RunIndex) -> tuple[list[Any], list[Any]]:
    """The data-source findings over the whole lineage (no ancestry), and as the engine judges them."""
    context = checker.base_context
    whole = _deny(checker, build_input_json(document, index, context, checker.as_of))
    judged = _deny(checker, checker.stages.input_json(document, index, context))
    return whole, judged


@pytest.mark.parametrize("folder", ["rules", "tricky", "example-campaign"])
def test_every_fixture_source_is_judged_as_over_its_whole_lineage(checker: Checker, folder: str) -> None:
    for path in sorted({p.parent for p in (FIXTURES / folder).rglob("*.y*ml")}):
        documents = [d for d in load_documents([path]) if d.kind != "policy_context"]
        index = RunIndex(documents)
        for document in documents:
            if document.kind == "data_source" and isinstance(document.data, dict):
                whole, judged = _both_ways(checker, document, index)
                assert judged == whole, document.label


# Graphs over a few ids: parents that may name no source ("gone"), cycles, self-references, merges, an
# unsaid lineage (None), and a quiz-app source anywhere.
_ids = [f"ds_{i}" for i in range(7)]
_nodes = st.fixed_dictionaries(
    {
        "parents": st.none() | st.lists(st.sampled_from([*_ids, "gone"]), max_size=3),
        "banned": st.booleans(),
    }
)


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(_ids), _nodes, min_size=1), st.data())
def test_drawn_lineages_are_judged_as_over_the_whole_lineage(
    checker: Checker, graph: dict[str, dict[str, Any]], data: st.DataObject
) -> None:
    documents = _documents([_source(i, node["parents"], banned=node["banned"]) for i, node in graph.items()])
    index = RunIndex(documents)
    root = documents[data.draw(st.integers(0, len(documents) - 1))]
    whole, judged = _both_ways(checker, root, index)
    assert judged == whole


@settings(max_examples=15, deadline=None)
@given(st.integers(2, 60), st.data())
def test_a_banned_source_at_any_depth_is_rejected_at_every_source_derived_from_it(
    checker: Checker, n: int, data: st.DataObject
) -> None:
    banned = data.draw(st.integers(0, n - 1), label="banned depth")  # ds_0 is derived from ds_1, ...
    datas = [_source(f"ds_{i}", [f"ds_{i + 1}"] if i + 1 < n else [], banned=i == banned) for i in range(n)]
    documents = _documents(datas)
    index = RunIndex(documents)
    context = checker.base_context
    for i in data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=4, unique=True), label="judged"):
        taints = [
            f for f in _deny(checker, checker.stages.input_json(documents[i], index, context)) if f["rule"] == "DAT-007"
        ]
        if i < banned:
            assert [f["status"] for f in taints] == ["fail"]
            assert taints[0]["trace"] == [f"ds_{j}" for j in range(i, banned + 1)]
            assert taints[0]["path"] == ["lineage", "derived_from", 0]
        else:
            assert taints == []


class _Counting:
    """An engine seen through: how many inputs it was given, their bytes, and own_lineage evaluations."""

    def __init__(self, engine: Any):
        self.engine, self.inputs, self.bytes, self.own = engine, 0, 0, 0

    def set_input_json(self, text: str) -> None:
        self.inputs += 1
        self.bytes += len(text)
        self.engine.set_input_json(text)

    def eval_rule(self, rule: str) -> Any:
        self.own += rule == OWN_LINEAGE_RULE
        return self.engine.eval_rule(rule)


def _chain_work(checker: Checker, n: int, monkeypatch: pytest.MonkeyPatch, *, banned: bool) -> _Counting:
    """Build the input of every source of a chain of n, as a check does: the engine work it takes."""
    datas = [_source(f"ds_{i}", [f"ds_{i - 1}"] if i else [], banned=banned and i == 0) for i in range(n)]
    documents = _documents(datas)
    index = RunIndex(documents)
    counting = _Counting(checker.stages._engine)
    with monkeypatch.context() as patch:
        patch.setattr(checker.stages, "_engine", counting)
        for document in documents:
            checker.stages.input_json(document, index, checker.base_context)
    return counting


@pytest.mark.slow
def test_the_work_for_a_chain_grows_linearly(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each source's own lineage is judged once per run, and an input holds the source, the sources it is
    # derived from directly, and the routes to the ancestors that add anything. With every ancestor's
    # documents in every input (as before), ten times the chain took about a hundred times the bytes.
    small = _chain_work(checker, 100, monkeypatch, banned=False)
    large = _chain_work(checker, 1000, monkeypatch, banned=False)
    assert (small.own, large.own) == (99, 999)
    assert (small.inputs, large.inputs) == (99, 999)  # one per own judgement: the judged inputs are not set here
    assert large.bytes < 12 * small.bytes
    # A banned root taints every source: each input then holds one route to it, whose length is the finding's
    # trace; the own judgements stay one per source.
    tainted = _chain_work(checker, 1000, monkeypatch, banned=True)
    assert tainted.own == 999
