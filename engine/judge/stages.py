"""The per-document stages of a check, as one object any process can rebuild: intake, then judgement.

A :class:`DocumentStages` holds what judging needs (the proven policy set, the base context, a prepared
engine, the evaluation date and language) and is what the parallel runner executes, in this process or in
worker processes, without importing the checker: a worker rebuilds it from its picklable
:class:`StagesState`. The decisions of the whole run (waivers, baseline, fail-on) come later, in
:mod:`.decisions`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import EthiqError, EvaluationError
from ..evaluate import PolicySet, build_input_json
from ..evaluate.engines import Engine
from ..evaluate.evaluator import UNDEFINED
from ..graph import DocumentIndex, Intake, Judgement, PolicyContext, ancestry_routes, build_context, intake, parents_of
from ..graph.native import judged
from ..platforms import Derivation
from ..read import Document, ReadProblem
from ..report import Finding, Problem, ProblemKind, RuleMeta, Verdict
from ..validate import SchemaSet, bundled_schemas
from .findings import findings_of, relevant_date_of, verdict_of

#: A data source's own part of DAT-007, judged with the source as the document (see :meth:`DocumentStages.ancestry`).
OWN_LINEAGE_RULE = "data.ethiq.lib.data_sources.own_lineage_of_input"


@dataclass(frozen=True, slots=True)
class StagesState:
    """Everything a worker process needs to judge like the stages it came from (picklable)."""

    policy_set: PolicySet
    context_data: dict[str, Any]
    context_origins: tuple[str, ...]
    context_files: tuple[str, ...]
    as_of: str
    lang: str

    def build(self) -> DocumentStages:
        """The stages in a worker: the policy set was proven by the parent, so it is only prepared."""
        context = PolicyContext(data=self.context_data, origins=list(self.context_origins))
        stages = DocumentStages(self.policy_set, context, self.context_files, as_of=self.as_of, lang=self.lang)
        stages.ready()  # every module: a worker judges whatever it is sent
        return stages


class DocumentStages:
    """Intake and judgement of single documents with one prepared engine."""

    def __init__(
        self,
        policy_set: PolicySet,
        base_context: PolicyContext,
        context_files: Iterable[str],
        *,
        as_of: str,
        lang: str,
        schemas: SchemaSet | None = None,
    ):
        self.policy_set = policy_set
        self.base_context = base_context
        self.context_files = tuple(context_files)
        self.as_of = as_of
        self.lang = lang
        self.schemas = schemas or bundled_schemas()
        self._prepared: Engine | None = None  # see ready(): prepared once the run's kinds are known
        self._kinds: frozenset[str] | None = None  # the kinds the prepared modules judge; None: all modules
        self._engine_context = base_context
        self._rules_of_kind: dict[str, tuple[RuleMeta, ...]] = {}

    def ready(self, kinds: Iterable[str] | None = None) -> None:
        """Prepare the engine now (before a fork, so that children share it), unless it is prepared already.

        With ``kinds``, it holds only the modules judging those kinds reaches (:meth:`PolicySet.modules_for`):
        regorus parses every module it holds and analyses them all at the first evaluation, so a run of
        vendors alone skips about half of that. A document of another kind is judged by an engine holding
        every module, prepared then; so does a call with kinds the prepared engine does not judge.
        """
        wanted = None if kinds is None else frozenset(kinds)
        if self._prepared is not None:
            if wanted is None or self._kinds is None or self._kinds >= wanted:
                return
            self._prepared.close()
            self._prepared, self._kinds, wanted = None, None, None
        modules = None
        if wanted is not None:
            chosen = self.policy_set.modules_for(wanted, roots=(OWN_LINEAGE_RULE,))
            if len(chosen) < len(self.policy_set.modules):
                modules, self._kinds = chosen, wanted
        self._prepared = self.policy_set.prepare(self._engine_context.rego_data(), modules)

    @property
    def _engine(self) -> Engine:
        """The prepared engine; every module, when none was prepared yet."""
        if self._prepared is None:
            self.ready()
        assert self._prepared is not None
        return self._prepared

    @_engine.setter
    def _engine(self, engine: Engine) -> None:
        self._prepared, self._kinds = engine, None

    def _engine_for(self, kind: str) -> Engine:
        """The engine to judge a document of ``kind`` with: one holding every module unless ``kind`` was readied."""
        if self._prepared is not None and self._kinds is not None and kind not in self._kinds:
            self._prepared.close()
            self._prepared, self._kinds = None, None
        return self._engine

    @property
    def fork_safe(self) -> bool:
        return self._engine.fork_safe

    def state(self) -> StagesState:
        return StagesState(
            policy_set=self.policy_set,
            context_data=self.base_context.data,
            context_origins=tuple(self.base_context.origins),
            context_files=self.context_files,
            as_of=self.as_of,
            lang=self.lang,
        )

    def intake(self, item: Document | ReadProblem) -> Intake:
        """Validate one item and note what the second pass needs to know about it."""
        return intake(item, self.schemas)

    def run_context(self, documents: tuple[Document, ...]) -> PolicyContext:
        """The policy context of a run: the base one, or merged with the run's policy_context documents."""
        if not documents:
            return self.base_context
        return build_context(documents, self.context_files, schemas=self.schemas)

    def use_context(self, context: PolicyContext) -> None:
        """Evaluate with ``context`` (the base one merged with policy_context documents) from now on."""
        if context is not self._engine_context:
            if self._prepared is not None:
                self._prepared.set_data(context.rego_data())
            self._engine_context = context

    def judge(self, document: Document, index: DocumentIndex, context: PolicyContext) -> Judgement:
        """Evaluate one document; a failure is an engine problem for it, never a pass or a lost result."""
        try:
            findings = self.evaluate(document, index, context)
        except EthiqError as err:
            # A Rust panic can leave regorus mid-rule ("recursion detected" on every later document): start
            # the next document from a fresh engine, so one failure stays one document's problem.
            if self._prepared is not None and self._prepared.fresh_after_failure:
                self._prepared.close()
                self._prepared, self._kinds = None, None  # prepared again, with every module, when next needed
            return engine_failure(document, str(err))
        except Exception as err:  # a defect on one document must not lose the others' results
            return engine_failure(document, f"internal error: {type(err).__name__}: {err}")
        return Judgement(verdict_of(findings), tuple(findings), in_force=self.has_rule_in_force(document))

    def has_rule_in_force(self, document: Document) -> bool:
        """Whether any rule of the document's kind is in force on its relevant date (an ad's start, else
        the evaluation date): a run in which no judged document met one says so rather than "no findings"."""
        kind = document.kind or ""
        rules = self._rules_of_kind.get(kind)
        if rules is None:
            rules = tuple(meta for meta in self.policy_set.rules.values() if kind in meta.kinds)
            self._rules_of_kind[kind] = rules
        if not rules:  # rules without METADATA have no effective window: in force whenever they exist
            return bool(self.policy_set.entry_points.get(kind))
        date = relevant_date_of(document.data, self.as_of)
        return any(meta.is_effective(date) for meta in rules)

    def evaluate(self, document: Document, index: DocumentIndex, context: PolicyContext) -> list[Finding]:
        """The findings of the rules of ``document``'s kind; raises on any engine or result error.

        A document with native platform JSON is judged as its platform adapter derives it, and each finding
        in the derived view is shown at the native place it came from.
        """
        seen, derivation = judged(document)
        engine = self._engine_for(document.kind or "")
        engine.set_input_json(self._input_json(seen, derivation, index, context))
        return findings_of(
            self._results(document.kind or ""),
            seen,
            self.policy_set,
            as_of=self.as_of,
            lang=self.lang,
            locate=derivation.locate if derivation is not None else None,
        )

    def input_json(self, document: Document, index: DocumentIndex, context: PolicyContext) -> str:
        """The exact ``input`` the rules receive for ``document``, as JSON text."""
        return self._input_json(*judged(document), index, context)

    def _input_json(
        self, seen: Document, derivation: Derivation | None, index: DocumentIndex, context: PolicyContext
    ) -> str:
        native = derivation.native_input() if derivation is not None else None
        ancestry = self.ancestry(seen, index, context) if seen.kind == "data_source" else None
        return build_input_json(seen, index, context, self.as_of, native, ancestry=ancestry)

    def ancestry(self, source: Document, index: DocumentIndex, context: PolicyContext) -> dict[str, Any] | None:
        """``input.ancestry`` of the data source ``source``: for each ancestor whose own judgement of its
        lineage adds anything, ``{"route": [ids from source], "own": <judgement>}``.

        Each ancestor is judged once per run (cached on the run's index) with itself as the document and only
        the documents it names, so a lineage of n sources costs n judgements, not one per pair. None when the
        policy set has no such judgement (a policy set of one's own): then the rules get the whole lineage.
        Uses the engine: call it before setting the input of the document judged.
        """
        if source.id is None:
            return None
        known = index.lineage_parents

        def parents(ident: str) -> list[str] | None:
            if ident not in known:
                found = index.get("data_source", ident)
                known[ident] = None if found is None else parents_of(index.judged_data(found))
            return known[ident]

        def own(ident: str) -> dict[str, Any]:
            judged = index.own_lineage.get(ident)
            if judged is None:
                found = index.get("data_source", ident)
                assert found is not None  # only ids that name a source of the index are judged
                judged = index.own_lineage[ident] = self._own_lineage(found, index, context)
            return judged

        try:
            root_parents = parents_of(source.data)
            if not any(_adds_upstream(parent, parents, own, index.lineage_adds) for parent in root_parents):
                return {}  # nothing upstream adds anything: no walk (a clean lineage costs one step per source)
            ancestors, route = ancestry_routes(source.id, root_parents, parents)
            return {ident: {"route": route(ident), "own": own(ident)} for ident in ancestors if _adds(own(ident))}
        except _NoOwnLineage:
            return None

    def _own_lineage(self, source: Document, index: DocumentIndex, context: PolicyContext) -> dict[str, Any]:
        self._engine.set_input_json(build_input_json(source, index, context, self.as_of, whole_lineage=False))
        own = self._engine.eval_rule(OWN_LINEAGE_RULE)
        if own is UNDEFINED:
            raise _NoOwnLineage
        if not isinstance(own, dict):
            raise EvaluationError(f"{OWN_LINEAGE_RULE}: expected an object, the engine returned {type(own).__name__}")
        return own

    def _results(self, kind: str) -> Iterator[tuple[str, list[Any]]]:
        for entry in self.policy_set.entry_points.get(kind, []):
            yield entry, self._engine.eval_set(entry)


class _NoOwnLineage(Exception):
    """The policy set judges no data source's own lineage (a policy set of one's own)."""


def _adds(own: dict[str, Any]) -> bool:
    """Whether a source's own judgement has anything to tell along a route (empty lists and false: nothing)."""
    return any(own.values())


def _adds_upstream(
    start: str,
    parents: Callable[[str], list[str] | None],
    own: Callable[[str], dict[str, Any]],
    memo: dict[str, bool],
) -> bool:
    """Whether the source ``start`` or any source upstream of it adds anything, remembered per source in
    ``memo`` (the run's ``index.lineage_adds``): after the first walk, one step per source judged.

    Depth first without recursion (a chain may be longer than Python's stack). A cycle answers true for the
    sources on the path to it: true only makes the caller walk the lineage, which is always right.
    """
    if start in memo:
        return memo[start]
    if parents(start) is None:
        return False  # names no source: the source naming it reports it (own_lineage's "unresolved")
    stack: list[tuple[str, Iterator[str]]] = [(start, iter(parents(start) or ()))]
    on_path = {start}
    while stack:
        node, pending = stack[-1]
        for parent in pending:
            if parent in memo or parents(parent) is None:
                continue
            if parent in on_path:
                for member, _ in stack:
                    memo[member] = True
                return True
            stack.append((parent, iter(parents(parent) or ())))
            on_path.add(parent)
            break
        else:
            stack.pop()
            on_path.discard(node)
            memo[node] = _adds(own(node)) or any(memo.get(parent, False) for parent in parents(node) or ())
    return memo[start]


def engine_failure(document: Document, message: str) -> Judgement:
    return Judgement(
        Verdict.ERROR,
        problem=Problem(
            ProblemKind.ENGINE,
            message,
            document.source.file,
            document.source.line,
            None,
            document.id,
            hint="this document was not judged; fix the policy or report the engine failure",
        ),
    )
