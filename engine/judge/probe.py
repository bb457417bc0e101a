"""The rules of extra policy directories proven on representative documents, before any document is judged.

Loading evaluates every entry point on a bare document of each kind, where most rules say nothing. A rule of
one's own that emits an unknown rule id, a bad status, a path that is not a path or a message its METADATA
lacks, or that panics the engine, would then be found on every document of a run, as an engine problem
naming no place. So the extra entry points are also evaluated on the example campaign that ships with ethiq
(documents of every kind, linked as a real campaign is), and what they emit is turned into findings as a
check would: the first fault is a load error naming the module and the rule (exit 3). The bundled rules are
proven on the same documents by the test suite, so a run without extra policies skips this.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import EvaluationError
from ..evaluate import PolicySet, RunIndex, build_input_json
from ..evaluate.engines import Engine
from ..evaluate.policies import locate_fault
from ..graph import PolicyContext
from ..read import Document, iter_documents
from ..resources import package_dir
from ..validate import JUDGED_KINDS
from .findings import findings_of


def example_documents() -> list[Document]:
    """The judged documents of the example campaign shipped with ethiq (``fixtures/example-campaign``)."""
    root = package_dir("ethiq.fixtures") / "example-campaign"
    return [item for item in iter_documents([root]) if isinstance(item, Document) and item.kind in JUDGED_KINDS]


def extra_entry_points(policy_set: PolicySet) -> set[str]:
    """The entry points that rules of extra policy directories add to."""
    extra = {module.path for module in policy_set.modules if not module.bundled}
    return {entry for entry, heads in policy_set.entry_heads.items() if any(head.file in extra for head in heads)}


def prove_extra_rules(policy_set: PolicySet, context: PolicyContext, *, as_of: str, lang: str) -> None:
    """Evaluate the extra entry points on the example documents; raise a located load error at the first fault."""
    entries = extra_entry_points(policy_set)
    if not entries:
        return
    documents = example_documents()
    index = RunIndex(documents)
    data = context.rego_data()
    engine = policy_set.prepare(data)
    try:
        for document, entry, input_json in _evaluations(policy_set, documents, index, context, as_of, entries):

            def check(
                candidate: Engine, entry: str = entry, input_json: str = input_json, doc: Document = document
            ) -> object:
                candidate.set_input_json(input_json)
                return findings_of([(entry, candidate.eval_set(entry))], doc, policy_set, as_of=as_of, lang=lang)

            try:
                check(engine)
            except EvaluationError as err:
                raise locate_fault(policy_set, data, entry, err, check) from None
    finally:
        engine.close()


def _evaluations(
    policy_set: PolicySet,
    documents: list[Document],
    index: RunIndex,
    context: PolicyContext,
    as_of: str,
    entries: set[str],
) -> Iterator[tuple[Document, str, str]]:
    for document in documents:
        kind_entries = [entry for entry in policy_set.entry_points.get(document.kind or "", []) if entry in entries]
        if kind_entries:
            input_json = build_input_json(document, index, context, as_of)
            for entry in kind_entries:
                yield document, entry, input_json
