"""The run's ledger: one small record per item in input order, duplicate ids, and which documents are referenced.

The check runs in two passes so that memory grows with what the graph needs, not with the number of
documents (:mod:`ethiq.engine.evaluate.parallel` runs them):

1. **intake**: every item is read and validated, and the run keeps an :class:`Intake` of it (kind, id,
   place, problems, and the (kind, id) of every document it references: its outgoing edges), never the
   document itself, which waits in a spool.
2. **judge**: once every item has been seen, so that duplicates and the index are known, each judgeable
   document is loaded back, its neighbourhood built from the index of *referenced* documents, and judged
   (a :class:`Judgement`).

The :class:`Ledger` is the parent's side of both passes: results in input order whatever the order in which
work finishes. The intake records are the nodes and edges of the run's document graph; a whole-run graph
(reverse edges, per-document summaries for incremental checks and reverse queries) is built from them here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from ..read import Document, ReadProblem
from ..report import DocumentResult, Finding, Problem, ProblemKind, Verdict
from ..spool import FindingWriter
from ..validate import SchemaSet, Stage, duplicate_problem, validate_item
from .dependents import DependentGraph, political_flag
from .references import reference_edges

Key = tuple[str, str]  # (kind, id)
L = TypeVar("L")


@dataclass(frozen=True, slots=True)
class Intake:
    """What the run keeps of one item after reading and validating it: no document data."""

    stage: Stage
    kind: str | None
    id: str | None
    file: str
    line: int
    problems: tuple[Problem, ...] = ()
    references: tuple[Key, ...] = ()  # (kind, id) of every document it references
    context: Document | None = None  # only for a policy_context document
    edges: tuple[tuple[str, str, str], ...] = ()  # (kind, id, relation) of each reference: for dependents
    political: bool | str = "unknown"  # the document's own political flag, for the dependents of sources


def intake(item: Document | ReadProblem, schemas: SchemaSet) -> Intake:
    """Validate one item and note what the second pass needs to know about it."""
    stage, problems = validate_item(item, schemas)
    if isinstance(item, ReadProblem):
        return Intake(stage, None, None, item.file, item.line or 1, problems)
    source, kind = item.source, item.kind
    if stage == Stage.INVALID:
        return Intake(stage, kind, item.id, source.file, source.line, problems)
    if stage == Stage.CONTEXT:
        return Intake(stage, kind, item.id, source.file, source.line, context=item)
    edges = reference_edges(item.data, kind or "")
    references = dict.fromkeys((target, ident) for target, ident, _ in edges)
    political = political_flag(kind, item.data)
    return Intake(
        stage,
        kind,
        item.id,
        source.file,
        source.line,
        references=tuple(references),
        edges=edges,
        political=political,
    )


@dataclass(frozen=True, slots=True)
class Judgement:
    """The outcome of judging one document: its verdict and findings, or the problem that stopped it."""

    verdict: str
    findings: tuple[Finding, ...] = ()
    problem: Problem | None = None
    in_force: bool = True  # some rule of the document's kind was in force on its relevant date


@dataclass(frozen=True, slots=True)
class Ledgered:
    """What a finished ledger holds, in report order."""

    documents: tuple[DocumentResult, ...]
    findings: Sequence[Finding]  # in report order: a tuple, or a spool on disk for a large run (see ..spool)
    problems: tuple[Problem, ...]
    context_documents: tuple[Document, ...]
    judged: int = 0  # documents evaluated against the rules
    out_of_force: int = 0  # of them, those no rule was in force for on their relevant date


#: The fields of a finding whose values repeat across findings, kept once per run (all hashable: strings and
#: tuples of strings, numbers and frozen records).
_SHARED_FIELDS: tuple[str, ...] = (
    *("rule_id", "severity", "status", "title", "message", "remediation", "document_id", "kind", "file"),
    *("path", "sources", "trace", "variant"),
)


class Ledger:
    """Records the items of one run in input order. Intakes must be added in input order.

    Only small records are kept per document (100,000s of them): its result, and until the index is built
    the slot of the first document of each (kind, id). Findings go to a :class:`~ethiq.engine.spool.FindingWriter`
    as they come, which holds a large run's on disk.
    """

    def __init__(self) -> None:
        self._documents: list[DocumentResult] = []
        self._verdicts: dict[int, str] = {}  # judged slots whose verdict is not the default
        self._problems: list[Problem] = []
        self._findings = FindingWriter(on_spill=self._forget_shared)
        self._first: dict[Key, int] = {}  # the slot of the first valid document of each (kind, id)
        self._referenced: set[Key] = set()
        self._strings: dict[str, str] = {}  # one copy of each file name and kind, shared by their documents
        self._shared: dict[Any, Any] = {}  # one copy of each value held findings repeat (see _shared_finding)
        self._context_documents: list[Document] = []
        self._late_problems: list[tuple[int, Problem]] = []
        self._left_out: set[int] = set()  # slots an incremental check does not judge
        self._dependents = DependentGraph()
        self._judged = 0
        self._out_of_force = 0

    def add(self, intake: Intake) -> int | None:
        """Record one item; returns its slot (its place in the report) when it is to be judged."""
        documents = self._documents
        slot = len(documents)
        file = self._strings.setdefault(intake.file, intake.file)
        kind = self._strings.setdefault(intake.kind, intake.kind) if intake.kind is not None else None
        if (
            intake.stage == Stage.READ
            and intake.problems
            and all(p.kind == ProblemKind.SKIPPED for p in intake.problems)
        ):
            self._problems.extend(intake.problems)  # a notice of a skipped path: no document was there
            return None
        if intake.stage in (Stage.READ, Stage.INVALID):
            documents.append(DocumentResult(intake.id, kind, file, intake.line, Verdict.INVALID))
            self._problems.extend(intake.problems)
            return None
        documents.append(DocumentResult(intake.id, kind, file, intake.line))
        if intake.stage == Stage.CONTEXT:
            assert intake.context is not None
            self._context_documents.append(intake.context)
            return None
        assert kind is not None  # a valid document has a kind and an id
        assert intake.id is not None
        key = (kind, intake.id)
        self._referenced.update(intake.references)
        earlier = self._first.get(key)
        if earlier is not None:
            first = documents[earlier]
            self._verdicts[slot] = Verdict.INVALID
            self._problems.append(duplicate_problem(kind, intake.id, file, intake.line, f"{first.file}:{first.line}"))
            return None
        self._first[key] = slot
        self._dependents.add(key, intake.edges, intake.political)
        return slot

    def fail_unit(self, file: str, message: str) -> None:
        """A file whose reading crashed its worker: one problem in the place of its documents."""
        self._documents.append(DocumentResult(None, None, file, 1, Verdict.ERROR))
        self._problems.append(
            Problem(ProblemKind.ENGINE, message, file, None, None, hint="this file was not judged; report the crash")
        )

    def document(self, slot: int) -> DocumentResult:
        return self._documents[slot]

    def index(self, locate: Callable[[int], L]) -> dict[Key, L]:
        """Where each referenced document is (``locate`` says where the document of a slot is). Ends the intake."""
        located = {key: locate(self._first[key]) for key in self._referenced if key in self._first}
        self._first.clear()  # the duplicates are known: the rest of the run needs only the referenced
        self._referenced = set()
        return located

    def dependents(self) -> dict[Key, list[dict[str, Any]]]:
        """``input.dependents`` of every data source that has any (see :mod:`.dependents`). Call once, at the index."""
        table = self._dependents.table()
        self._dependents = DependentGraph()
        return table

    @property
    def context_documents(self) -> tuple[Document, ...]:
        """The run's valid policy_context documents, in input order."""
        return tuple(self._context_documents)

    def judged(self, slot: int, judgement: Judgement) -> None:
        if judgement.verdict != Verdict.PASS:
            self._verdicts[slot] = judgement.verdict
        for finding in judgement.findings:
            self._findings.add(self._shared_finding(finding))
        self._judged += 1
        self._out_of_force += not judgement.in_force
        if judgement.problem is not None:
            self._late_problems.append((slot, judgement.problem))

    def _shared_finding(self, finding: Finding) -> Finding:
        """``finding`` with one copy of each value that findings repeat (a rule's title, remediation and
        sources, a path, a message): a finding unpickled from a worker brings its own copy of each, about 1 KiB,
        and a large run holds a million findings until its report is written."""
        shared = self._shared
        values = {}
        for name in _SHARED_FIELDS:
            value = getattr(finding, name)
            try:
                kept = shared.setdefault(value, value)
            except TypeError:  # not hashable (a policy of one's own may put anything in a trace): kept as it is
                continue
            if kept is not value:
                values[name] = kept
        return replace(finding, **values) if values else finding

    def _forget_shared(self) -> None:
        """The findings held so far went to the spool: what they shared need not be kept for them."""
        self._shared = {}

    def leave_out(self, slot: int) -> None:
        """The document of ``slot`` is not judged in this run (an incremental check): the report leaves it out."""
        self._left_out.add(slot)

    def crashed(self, slot: int, message: str) -> None:
        """The document of ``slot`` was not judged: its worker died or its task raised."""
        result = self._documents[slot]
        problem = Problem(
            ProblemKind.ENGINE,
            f"not judged: {message}",
            result.file,
            result.line,
            None,
            result.id,
            hint="this document was not judged; fix the policy or report the engine failure",
        )
        self.judged(slot, Judgement(Verdict.ERROR, problem=problem))

    def finish(self) -> Ledgered:
        """Everything recorded, in report order: engine problems after the input problems, in input order."""
        documents = [
            replace(result, verdict=self._verdicts[slot]) if slot in self._verdicts else result
            for slot, result in enumerate(self._documents)
            if slot not in self._left_out
        ]
        self._late_problems.sort(key=lambda pair: pair[0])
        problems = [*self._problems, *(problem for _, problem in self._late_problems)]
        return Ledgered(
            tuple(documents),
            self._findings.finish(),
            tuple(problems),
            tuple(self._context_documents),
            self._judged,
            self._out_of_force,
        )


def ledger_of(items: Iterable[Document | ReadProblem], schemas: SchemaSet) -> Ledger:
    """A ledger of ``items`` read and validated, nothing judged: what ``ethiq validate`` reports."""
    ledger = Ledger()
    for item in items:
        ledger.add(intake(item, schemas))
    return ledger
