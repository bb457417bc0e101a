"""The one input builder: its spliced JSON text parses to exactly the ``input`` docs/policy-authoring.md documents.

The expected value is built here from its documented parts, as a plain dict: the kind, ``as_of``, the
document as written, the neighbourhood (related, links, unresolved), every name of the document and of its
related documents with its description, the derived facts and the lineage facts of its data sources, and
for an audience the name patterns each of its names matches (tests/test_name_patterns.py compares those
with ``regex.match``).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import AS_OF, FIXTURES
from ethiq import Checker, load_documents
from ethiq.engine.evaluate import RunIndex, build_input_json
from ethiq.engine.graph import DocumentIndex, PolicyContext, derive, iter_names, lineage_facts, neighbourhood
from ethiq.engine.read import Document

DOCUMENTED_KEYS = [
    "kind",
    "as_of",
    "document",
    "related",
    "links",
    "unresolved",
    "names",
    "derived",
    "lineage",
    "dependents",
]


def documented_input(document: Document, index: DocumentIndex, context: PolicyContext, as_of: str) -> dict[str, Any]:
    hood = neighbourhood(document, index)
    related_data = [data for documents in hood.related.values() for data in documents.values()]
    names = {name: context.names.describe(name) for data in (document.data, *related_data) for name in iter_names(data)}
    own_source = {document.id: document.data} if document.kind == "data_source" and document.id else {}
    hits = context.name_patterns.hits
    patterns = {name: hits(name) for name in iter_names(document.data) if hits(name) is not None}
    return {
        "kind": document.kind,
        "as_of": as_of,
        "document": document.data,
        "related": hood.related,
        "links": hood.links,
        "unresolved": hood.unresolved,
        "names": names,
        "derived": derive(document.data),
        "lineage": lineage_facts({**hood.related.get("data_source", {}), **own_source}),
        "dependents": index.dependents.get(("data_source", document.id or ""), []) if own_source else [],
    } | ({"name_patterns": patterns} if document.kind == "audience" and patterns else {})


@pytest.mark.parametrize("folder", ["example-campaign", "tricky", "rules"])
def test_the_input_text_is_the_documented_input(checker: Checker, folder: str) -> None:
    documents = [d for d in load_documents([FIXTURES / folder]) if d.kind != "policy_context"]
    assert documents
    plain, memo = DocumentIndex(documents), RunIndex(documents, memo_size=4)
    context = checker.base_context
    graph_inputs = matched = 0
    for document in documents:
        expected = documented_input(document, plain, context, AS_OF)
        for index in (plain, memo, memo):  # the memo's second use is served from its cache
            text = build_input_json(document, index, context, AS_OF)
            parsed = json.loads(text)
            assert parsed == expected, document.label
            assert list(parsed) == DOCUMENTED_KEYS + (["name_patterns"] if "name_patterns" in expected else [])
        graph_inputs += bool(expected["related"]) + bool(expected["unresolved"])
        matched += any(expected.get("name_patterns", {}).values())
    if folder == "example-campaign":
        assert graph_inputs > 0  # the comparison covers spliced related documents
    if folder == "rules":
        assert matched > 0  # and audiences whose names match a pattern


def test_names_and_text_keep_unicode_and_quotes_as_written(checker: Checker) -> None:
    fullwidth = "\uff23ambridge \uff21nalytica"  # fullwidth C and A
    vendor = {"kind": "vendor", "id": "v_å", "legal_name": f'{fullwidth} "LLC"', "founded": "2013-01-01"}
    document = Document(data=vendor, source=load_documents([FIXTURES / "example-campaign"])[0].source)
    parsed = json.loads(build_input_json(document, DocumentIndex(), checker.base_context, AS_OF))
    assert parsed["document"] == vendor
    assert set(parsed["names"]) == {vendor["legal_name"]}
    assert parsed["names"][vendor["legal_name"]]["norm"] == "cambridge analytica"
