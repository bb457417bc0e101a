"""The check pipeline: read -> validate -> index -> build the context -> evaluate -> report.

A :class:`Checker` loads and proves the policy set once, then checks any number of document sets. Nothing
here prints or exits: the result is a :class:`Report`, whose exit code the front ends use.

The pipeline runs in two passes, so that memory grows with what the graph needs rather than with the number
of documents (``parallel.py`` runs them, in this process or in worker processes):

1. **intake**: every item is read and validated; what the run needs to know about it is kept (an
   :class:`Intake`: kind, id, place, problems, the ids it references), and a judgeable document itself goes
   to a spool, not to memory.
2. **judge**: once every document has been seen, so that duplicates and the index are known, each
   judgeable document is loaded back, its neighbourhood built from the index of *referenced* documents, and
   evaluated (a :class:`Judgement`).

The report is assembled in document order whatever the order in which chunks finish, so it is the same
finding for finding whatever the number of jobs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# With RUST_BACKTRACE=1 in the environment (common on CI runners), regorus captures a Rust backtrace for
# every error it creates internally while evaluating, which measured 25 % of evaluation time. Library
# backtraces (RUST_LIB_BACKTRACE) are never shown to users (the evaluator strips them); panic backtraces
# still follow RUST_BACKTRACE. Set before the first evaluation, as Rust reads it once. (This belongs beside
# the RUST_BACKTRACE default in evaluator.py.)
os.environ.setdefault("RUST_LIB_BACKTRACE", "0")

from .context import PolicyContext, build_context
from .derived import derive
from .documents import Document, ReadProblem
from .errors import EthiqError, EvaluationError, UsageError
from .evaluator import PreparedEngine, engine_version
from .findings import DocumentResult, Finding, Problem, ProblemKind, Report, Status, Verdict
from .graph import DocumentIndex, iter_names, iter_references, neighbourhood
from .policies import SETS, PolicySet, RuleMeta, Source, load_policy_set
from .schema import FORMAT_CHECKER, KINDS, SchemaSet, SchemaViolation, load_schema

LANGS = ("en", "sv")

Key = tuple[str, str]  # (kind, id)


def parse_as_of(value: str | dt.date | None) -> str:
    """The evaluation date as ISO text; ``None`` means today (the only place ethiq reads the clock)."""
    if value is None:
        return dt.date.today().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--as-of must be an ISO date (YYYY-MM-DD), not {value!r}") from None


# --- what the passes produce -------------------------------------------------------------------------------


class Stage:
    """What the intake decided for an item."""

    READ = 0  # unreadable: a ReadProblem
    INVALID = 1  # schema-invalid
    CONTEXT = 2  # a valid policy_context document: configures the run, is not judged
    JUDGE = 3  # valid: judged unless its id duplicates an earlier document's


@dataclass(frozen=True, slots=True)
class Intake:
    """What the run keeps of one item after reading and validating it: no document data."""

    stage: int
    kind: str | None
    id: str | None
    file: str
    line: int
    problems: tuple[Problem, ...] = ()
    references: tuple[Key, ...] = ()  # (kind, id) of every document it references
    context: Document | None = None  # only for a policy_context document


@dataclass(frozen=True, slots=True)
class Judgement:
    """The outcome of judging one document."""

    verdict: str
    findings: tuple[Finding, ...] = ()
    problem: Problem | None = None


@dataclass(frozen=True, slots=True)
class CheckerState:
    """Everything a worker process needs to judge like the :class:`Checker` it came from (picklable)."""

    policy_set: PolicySet
    context_data: dict[str, Any]
    context_origins: tuple[str, ...]
    context_files: tuple[str, ...]
    as_of: str
    lang: str


class Checker:
    """Policies compiled and validated once; documents checked many times."""

    def __init__(
        self,
        *,
        policies: Sequence[str | Path] = (),
        context: Sequence[str | Path] = (),
        as_of: str | dt.date | None = None,
        lang: str = "en",
    ):
        if lang not in LANGS:
            raise UsageError(f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
        self.lang = lang
        self.as_of = parse_as_of(as_of)
        self.schemas = schema_set()
        self.context_files = [str(p) for p in context]
        self.base_context = build_context(files=self.context_files, schemas=self.schemas)
        self.policy_set: PolicySet = load_policy_set(policies, probe_data=self.base_context.rego_data())
        self._engine: PreparedEngine = self.policy_set.prepare(self.base_context.rego_data())
        self._engine_context = self.base_context

    @classmethod
    def from_state(cls, state: CheckerState) -> Checker:
        """A checker for a worker process: the policy set was proven by the parent, so it is only prepared."""
        checker = cls.__new__(cls)
        checker.lang = state.lang
        checker.as_of = state.as_of
        checker.schemas = schema_set()
        checker.context_files = list(state.context_files)
        checker.base_context = PolicyContext(data=state.context_data, origins=list(state.context_origins))
        checker.policy_set = state.policy_set
        checker._engine = state.policy_set.prepare(checker.base_context.rego_data())
        checker._engine_context = checker.base_context
        return checker

    def state(self) -> CheckerState:
        return CheckerState(
            policy_set=self.policy_set,
            context_data=self.base_context.data,
            context_origins=tuple(self.base_context.origins),
            context_files=tuple(self.context_files),
            as_of=self.as_of,
            lang=self.lang,
        )

    # --- public entry points ---------------------------------------------------------------------------

    def check(
        self,
        paths: Iterable[str | Path],
        *,
        stdin_text: str | None = None,
        exclude: Callable[[Path], bool] | None = None,
        jobs: int | str | None = 1,
    ) -> Report:
        """Check every document found in ``paths`` (files, directories, ``-`` for standard input).

        ``exclude`` skips files found by walking a directory (see :func:`~.documents.iter_documents`).
        ``jobs`` worker processes evaluate the documents (``"auto"``: one per CPU); the report is the same
        whatever their number. Documents are streamed: memory grows with the documents others reference.
        """
        from .parallel import check_paths, resolve_jobs

        return check_paths(self, paths, stdin_text=stdin_text, exclude=exclude, jobs=resolve_jobs(jobs))

    def check_documents(self, documents: Iterable[Document]) -> Report:
        return self.check_items(documents)

    def check_items(self, items: Iterable[Document | ReadProblem]) -> Report:
        """Check documents already in memory (in this process)."""
        from .parallel import check_in_memory

        return check_in_memory(self, items)

    def new_report(self) -> Report:
        return Report(
            as_of=self.as_of,
            lang=self.lang,
            engine=engine_version(),
            policy_files=[m.path for m in self.policy_set.modules],
            rules=self.policy_set.rules,
        )

    # --- pass 1: intake --------------------------------------------------------------------------------

    def intake(self, item: Document | ReadProblem) -> Intake:
        """Validate one item and note what the second pass needs to know about it."""
        if isinstance(item, ReadProblem):
            problem = Problem(
                ProblemKind.READ,
                item.message,
                item.file,
                item.line,
                item.column,
                hint="fix the syntax; the file's other documents were not read",
            )
            return Intake(Stage.READ, None, None, item.file, item.line or 1, (problem,))
        source = item.source
        violations = self.schemas.validate(item.data)
        if violations:
            problems = []
            for violation in violations:
                line, column = item.locate(violation.path) or (source.line, None)
                problems.append(
                    Problem(
                        ProblemKind.SCHEMA,
                        violation.message,
                        source.file,
                        line,
                        column,
                        item.id,
                        violation.path,
                        hint=f"see `ethiq schema {item.kind}` for the fields of a {item.kind}"
                        if item.kind
                        else "add `kind:` naming what the document describes",
                    )
                )
            return Intake(Stage.INVALID, item.kind, item.id, source.file, source.line, tuple(problems))
        kind = item.kind
        if kind == "policy_context":
            return Intake(Stage.CONTEXT, kind, item.id, source.file, source.line, context=item)
        references = dict.fromkeys((ref.target, ident) for _, ident, ref in iter_references(item.data, kind or ""))
        return Intake(Stage.JUDGE, kind, item.id, source.file, source.line, references=tuple(references))

    # --- pass 2: judge ---------------------------------------------------------------------------------

    def judge(self, document: Document, index: DocumentIndex, context: PolicyContext) -> Judgement:
        """Evaluate one document; a failure is an engine problem for it, never a pass or a lost result."""
        try:
            findings = self.evaluate(document, index, context)
        except EthiqError as err:
            # A Rust panic can leave the engine mid-rule ("recursion detected" on every later document):
            # start the next document from a fresh engine, so one failure stays one document's problem.
            self._engine = self.policy_set.prepare(self._engine_context.rego_data())
            return self.engine_failure(document, str(err))
        except Exception as err:  # a defect on one document must not lose the others' results
            return self.engine_failure(document, f"internal error: {type(err).__name__}: {err}")
        statuses = {(f.severity, f.status) for f in findings}
        if ("block", Status.FAIL) in statuses:
            verdict = Verdict.FAIL
        elif ("block", Status.NEEDS_REVIEW) in statuses:
            verdict = Verdict.NEEDS_REVIEW
        elif findings:
            verdict = Verdict.WARN
        else:
            verdict = Verdict.PASS
        return Judgement(verdict, tuple(findings))

    @staticmethod
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

    def build_input(self, document: Document, index: DocumentIndex, context: PolicyContext) -> dict[str, Any]:
        """The ``input`` the rules see for ``document`` (documented in docs/policy-authoring.md)."""
        hood = neighbourhood(document, index)
        describe = context.names.describe
        names: dict[str, Any] = {}
        for data in (document.data, *(d for docs in hood.related.values() for d in docs.values())):
            for name in iter_names(data):
                if name not in names:
                    names[name] = describe(name)
        return {
            "kind": document.kind,
            "as_of": self.as_of,
            "document": document.data,
            "related": hood.related,
            "links": hood.links,
            "unresolved": hood.unresolved,
            "names": names,
            "derived": derive(document.data),
        }

    def input_json(self, document: Document, index: DocumentIndex, context: PolicyContext) -> str:
        """:meth:`build_input` as the JSON text the engine parses, built faster.

        Referenced documents recur in the neighbourhoods of many documents (a vendor behind a hundred data
        sources): a :class:`RunIndex` remembers their JSON text and names, and they are spliced in.
        """
        hood = neighbourhood(document, index)
        describe = context.names.describe
        names: dict[str, Any] = {}
        for name in iter_names(document.data):
            if name not in names:
                names[name] = describe(name)
        memo = index.referenced if isinstance(index, RunIndex) else _referenced
        related = []
        for kind, documents in hood.related.items():
            members = []
            for ident, data in documents.items():
                text, found = memo(kind, ident, data)
                members.append(f"{_dumps(ident)}:{text}")
                for name in found:
                    if name not in names:
                        names[name] = describe(name)
            related.append(f"{_dumps(kind)}:{{{','.join(members)}}}")
        return "".join(
            (
                f'{{"kind":{_dumps(document.kind)},"as_of":{_dumps(self.as_of)},"document":{_dumps(document.data)}',
                f',"related":{{{",".join(related)}}},"links":{_dumps(hood.links)}',
                f',"unresolved":{_dumps(hood.unresolved)},"names":{_dumps(names)}',
                f',"derived":{_dumps(derive(document.data))}}}',
            )
        )

    def evaluate(self, document: Document, index: DocumentIndex, context: PolicyContext) -> list[Finding]:
        kind = document.kind or ""
        entry_points = self.policy_set.entry_points.get(kind, [])
        self._engine.set_input_json(self.input_json(document, index, context))
        relevant_date = relevant_date_of(document.data, self.as_of)
        findings: list[Finding] = []
        for entry in entry_points:
            severity = SETS[entry.rsplit(".", 1)[1]]
            for raw in self._engine.eval_set(entry):
                finding, meta = self._finding(raw, severity, entry, document)
                if meta is None or meta.is_effective(relevant_date):
                    findings.append(finding)
        return findings

    def use_context(self, context: PolicyContext) -> None:
        """Evaluate with ``context`` (the base one merged with policy_context documents) from now on."""
        self._engine.set_data(context.rego_data())
        self._engine_context = context

    def _finding(self, raw: Any, severity: str, entry: str, document: Document) -> tuple[Finding, RuleMeta | None]:
        if isinstance(raw, str):  # conftest style: the message is the finding
            raw = {"rule": entry[len("data.") :], "message_text": raw}
        if not isinstance(raw, Mapping) or not isinstance(raw.get("rule"), str):
            raise EvaluationError(f"{entry} produced {raw!r}: a finding is an object with a 'rule' id, or a string")
        rule_id = raw["rule"]
        status = raw.get("status", Status.FAIL)
        if status not in Status.ALL:
            raise EvaluationError(f"{rule_id}: status must be fail or needs_review, not {status!r}")
        path = raw.get("path", [])
        if not isinstance(path, list) or not all(isinstance(p, str | int) and not isinstance(p, bool) for p in path):
            raise EvaluationError(f"{rule_id}: path must be a list of keys and indices, not {path!r}")
        trace = raw.get("trace", [])
        meta = self.policy_set.rule(rule_id)
        sources: tuple[Source, ...]
        if "message_text" in raw:
            title = message = str(raw["message_text"])
            remediation, sources, non_waivable = "", (), False
        else:
            if meta is None:
                raise EvaluationError(f"{entry} emits rule {rule_id!r}, which has no METADATA block")
            if severity not in meta.severities:
                raise EvaluationError(f"{rule_id} is {'/'.join(meta.severities)} but was emitted by {entry}")
            title, remediation = meta.text("title", self.lang), meta.text("remediation", self.lang)
            message = _render(meta, raw, self.lang)
            sources, non_waivable = meta.sources, meta.non_waivable
        position = document.locate(tuple(path))
        return Finding(
            rule_id=rule_id,
            severity=severity,
            status=status,
            title=title,
            message=message,
            remediation=remediation,
            document_id=document.id or "",
            kind=document.kind or "",
            file=document.source.file,
            line=position[0] if position else document.source.line,
            column=position[1] if position else None,
            path=tuple(path),
            sources=sources,
            trace=tuple(str(t) for t in trace) if isinstance(trace, list) else (),
            non_waivable=non_waivable,
            variant=_variant(raw),
        ), meta


def _dumps(value: Any) -> str:
    # Not ASCII-escaped: less to encode here and to parse in the engine; the same JSON values.
    return json.dumps(value, ensure_ascii=False)


def _referenced(kind: str, ident: str, data: Any) -> tuple[str, tuple[str, ...]]:
    return _dumps(data), tuple(iter_names(data))


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
            memo = self._memo[key] = _referenced(kind, ident, data)
            if len(self._memo) > self._memo_size:
                self._memo.popitem(last=False)
        else:
            self._memo.move_to_end(key)
        return memo


def schema_set() -> SchemaSet:
    """The bundled schemas, ``$ref`` s inlined, with a compiled fast path for valid documents.

    jsonschema stays the judge of every document the fast path does not accept, so the violations
    reported are exactly jsonschema's; the fast path only spares it the documents that are valid, which is
    nearly all of them. (This belongs in schema.py.)
    """
    return AcceptingSchemaSet({kind: _inline_refs(load_schema(kind)) for kind in KINDS})


def _inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with each local ``#/definitions/...`` reference replaced by its definition.

    Resolving references through jsonschema's registry on every use measured a third of validation time.
    In draft-07 a ``$ref`` ignores its siblings, so the reference is replaced whole; a recursive
    definition keeps its ``$ref``.
    """
    definitions = schema.get("definitions", {})
    prefix = "#/definitions/"

    def walk(node: Any, expanding: frozenset[str]) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(prefix):
                name = ref[len(prefix) :]
                if name in definitions and name not in expanding:
                    return walk(definitions[name], expanding | {name})
                return node
            return {
                k: v if k in ("definitions", "enum", "const", "examples") else walk(v, expanding)
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [walk(item, expanding) for item in node]
        return node

    inlined: dict[str, Any] = walk(schema, frozenset())
    return inlined


# --- a compiled fast path for valid documents ----------------------------------------------------------------

Accept = Callable[[Any], bool]


class AcceptingSchemaSet(SchemaSet):
    """A :class:`SchemaSet` that first asks a predicate compiled from each schema whether a document is valid.

    The predicate implements the draft-07 keywords ethiq's schemas use, with jsonschema's semantics (an
    integer may be ``1.0``, ``true`` is not ``1`` in an enum, a keyword applies only to its instance type).
    It answers "valid" or "don't know": any other answer, a keyword it does not implement, or an
    exception sends the document to jsonschema, whose verdict and violations are then reported. So it
    can make validation faster, never more lenient.
    """

    def __init__(self, schemas: Mapping[str, Mapping[str, Any]] | None = None):
        super().__init__(schemas)
        self._accept: dict[str, Accept] = {}
        for kind in self.kinds:
            with suppress(_Unsupported):  # a kind the fast path cannot compile is always left to jsonschema
                self._accept[kind] = _compile(self.schema(kind))

    def validate(self, data: Mapping[str, Any]) -> list[SchemaViolation]:
        kind = data.get("kind")
        accept = self._accept.get(kind) if isinstance(kind, str) else None
        if accept is not None:
            with suppress(Exception):  # an exception is not an acceptance: jsonschema decides below
                if accept(data):
                    return []
        return super().validate(data)


class _Unsupported(Exception):
    """A schema uses a keyword the fast path does not implement."""


_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "definitions", "examples", "default"})
_OBJECT_KEYWORDS = frozenset({"properties", "patternProperties", "additionalProperties", "required"})


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


_TYPES: dict[str, Accept] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": _is_number,
    "integer": _is_integer,
}


def _scalar_key(value: Any) -> tuple[str, Any] | None:
    """What jsonschema's equality compares for a scalar: ``true`` is not ``1``, ``1`` is ``1.0``."""
    if isinstance(value, bool):
        return ("b", value)
    if value is None:
        return ("z", None)
    if isinstance(value, int | float):
        return ("n", value)
    if isinstance(value, str):
        return ("s", value)
    return None  # a container: not decided here


def _unique_scalars(items: list[Any]) -> bool:
    seen = set()
    for item in items:
        key = _scalar_key(item)
        if key is None or key in seen:
            return False
        seen.add(key)
    return True


def _compile(node: Any) -> Accept:
    if node is True or node == {}:
        return lambda v: True
    if node is False:
        return lambda v: False
    if not isinstance(node, dict):
        raise _Unsupported(repr(node))
    checks = [_keyword(key, value) for key, value in node.items() if key not in _ANNOTATIONS | _OBJECT_KEYWORDS]
    if _OBJECT_KEYWORDS & node.keys():
        checks.append(_object(node))
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]
    combined = tuple(checks)
    return lambda v: all(check(v) for check in combined)


def _keyword(key: str, value: Any) -> Accept:
    if key == "type":
        tests = tuple(_TYPES[t] for t in ([value] if isinstance(value, str) else value))
        return lambda v: any(test(v) for test in tests)
    if key in ("enum", "const"):
        keys = [_scalar_key(m) for m in (value if key == "enum" else [value])]
        if None in keys:
            raise _Unsupported(f"{key} with containers")
        allowed = frozenset(keys)
        return lambda v: _scalar_key(v) in allowed
    if key == "pattern":
        search = re.compile(value).search
        return lambda v: not isinstance(v, str) or search(v) is not None
    if key == "format":
        conforms = FORMAT_CHECKER.conforms
        return lambda v: conforms(v, value)
    if key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = value
        compare: Accept = {
            "minimum": lambda v: v >= bound,
            "maximum": lambda v: v <= bound,
            "exclusiveMinimum": lambda v: v > bound,
            "exclusiveMaximum": lambda v: v < bound,
        }[key]
        return lambda v: not _is_number(v) or compare(v)
    if key in ("minLength", "maxLength"):
        return (
            (lambda v: not isinstance(v, str) or len(v) >= value)
            if key == "minLength"
            else (lambda v: not isinstance(v, str) or len(v) <= value)
        )
    if key in ("minItems", "maxItems"):
        return (
            (lambda v: not isinstance(v, list) or len(v) >= value)
            if key == "minItems"
            else (lambda v: not isinstance(v, list) or len(v) <= value)
        )
    if key == "uniqueItems":
        return (lambda v: not isinstance(v, list) or _unique_scalars(v)) if value else (lambda v: True)
    if key == "items" and not isinstance(value, list):
        item = _compile(value)
        return lambda v: not isinstance(v, list) or all(item(i) for i in v)
    if key == "anyOf":
        options = tuple(_compile(option) for option in value)
        return lambda v: any(option(v) for option in options)
    raise _Unsupported(key)


def _object(node: dict[str, Any]) -> Accept:
    properties = {name: _compile(schema) for name, schema in node.get("properties", {}).items()}
    patterns = tuple(
        (re.compile(p).search, _compile(schema)) for p, schema in node.get("patternProperties", {}).items()
    )
    additional = node.get("additionalProperties", True)
    extra: Accept | None = None if additional is True else _compile(additional)
    required = tuple(node.get("required", ()))

    def accept(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        for name in required:
            if name not in v:
                return False
        for key, item in v.items():
            known = properties.get(key)
            if known is not None and not known(item):
                return False
            matched = known is not None
            for search, check in patterns:
                if search(key):
                    matched = True
                    if not check(item):
                        return False
            if not matched and extra is not None and not extra(item):
                return False
        return True

    return accept


class Assembly:
    """The parent's side of a run: the report in document order, duplicates, context and the index.

    Intakes must be added in document order. Only small records are kept per document (100,000s of them):
    its result, and until the index is built the slot of the first document of each (kind, id).
    """

    def __init__(self, checker: Checker):
        self.checker = checker
        self.report = checker.new_report()
        self._first: dict[Key, int] = {}  # the slot of the first valid document of each (kind, id)
        self._referenced: set[Key] = set()
        self._strings: dict[str, str] = {}  # one copy of each file name and kind, shared by their documents
        self._context_documents: list[Document] = []
        self._engine_problems: list[tuple[int, Problem]] = []

    def add(self, intake: Intake) -> int | None:
        """Record one item; returns its slot (its place in the report) when it is to be judged."""
        documents = self.report.documents
        slot = len(documents)
        file = self._strings.setdefault(intake.file, intake.file)
        if intake.stage == Stage.READ:
            documents.append(DocumentResult(None, None, file, intake.line, Verdict.INVALID))
            self.report.problems.extend(intake.problems)
            return None
        kind = self._strings.setdefault(intake.kind, intake.kind) if intake.kind is not None else None
        result = DocumentResult(intake.id, kind, file, intake.line)
        documents.append(result)
        if intake.stage == Stage.INVALID:
            result.verdict = Verdict.INVALID
            self.report.problems.extend(intake.problems)
            return None
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
            result.verdict = Verdict.INVALID
            self.report.problems.append(
                Problem(
                    ProblemKind.DUPLICATE,
                    f"{intake.kind} {intake.id!r} is also defined at {first.file}:{first.line}",
                    intake.file,
                    intake.line,
                    None,
                    intake.id,
                    ("id",),
                    hint="give every document of a kind its own id; references would be ambiguous",
                )
            )
            return None
        self._first[key] = slot
        return slot

    def fail_unit(self, file: str, message: str) -> None:
        """A file whose reading crashed its worker: one problem in the place of its documents."""
        self.report.documents.append(DocumentResult(None, None, file, 1, Verdict.ERROR))
        self.report.problems.append(
            Problem(ProblemKind.ENGINE, message, file, None, None, hint="this file was not judged; report the crash")
        )

    def index(self, locate: Callable[[int], Any]) -> dict[Key, Any]:
        """Where each referenced document is (``locate`` says where the document of a slot is). Ends the intake."""
        located = {key: locate(self._first[key]) for key in self._referenced if key in self._first}
        self._first.clear()  # the duplicates are known: the rest of the run needs only the referenced
        self._referenced = set()
        return located

    def context(self) -> PolicyContext:
        """The policy context of the run: the base one, or merged with the run's policy_context documents."""
        checker = self.checker
        if not self._context_documents:
            return checker.base_context
        return build_context(self._context_documents, checker.context_files, schemas=checker.schemas)

    def judged(self, slot: int, judgement: Judgement) -> None:
        self.report.documents[slot].verdict = judgement.verdict
        self.report.findings.extend(judgement.findings)
        if judgement.problem is not None:
            self._engine_problems.append((slot, judgement.problem))

    def finish(self, context: PolicyContext) -> Report:
        report = self.report
        report.context_origins = list(context.origins)
        # Engine problems follow the input problems, in document order, however the chunks finished.
        self._engine_problems.sort(key=lambda pair: pair[0])
        report.problems.extend(problem for _, problem in self._engine_problems)
        report.findings.sort(key=_finding_order)
        return report


def _variant(raw: Mapping[str, Any]) -> str:
    """A language-independent name of the reason: the message key and its parameters."""
    if "message_text" in raw:
        return str(raw["message_text"])
    return json.dumps([raw.get("message", "default"), raw.get("params") or {}], sort_keys=True, ensure_ascii=False)


def relevant_date_of(data: Mapping[str, Any], as_of: str) -> str:
    """The date a rule's effective window is tested against: an ad's start, else the evaluation date."""
    schedule = data.get("schedule") if data.get("kind") == "ad" else None
    start = schedule.get("start") if isinstance(schedule, Mapping) else None
    return start[:10] if isinstance(start, str) and len(start) >= 10 else as_of


def _render(meta: RuleMeta, raw: Mapping[str, Any], lang: str) -> str:
    key = raw.get("message", "default")
    template = meta.message(str(key), lang)
    if template is None:
        if key == "default" and not meta.messages:
            return meta.text("title", lang)
        raise EvaluationError(f"{meta.id}: no message {key!r} in its METADATA ({meta.file}:{meta.line})")
    params = raw.get("params") or {}
    if not isinstance(params, Mapping):
        raise EvaluationError(f"{meta.id}: params must be an object")
    try:
        return template.format_map({k: _display(v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError) as err:
        raise EvaluationError(f"{meta.id}: message {key!r} needs parameter {err} ({meta.file}:{meta.line})") from None


def _display(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_display(v) for v in value)
    return json.dumps(value, ensure_ascii=False)


def _finding_order(finding: Finding) -> tuple[Any, ...]:
    return (
        finding.file,
        finding.line or 0,
        finding.document_id,
        finding.rule_id,
        tuple(str(p) for p in finding.path),
        finding.status,
    )


def check(
    paths: Iterable[str | Path],
    *,
    policies: Sequence[str | Path] = (),
    context: Sequence[str | Path] = (),
    as_of: str | dt.date | None = None,
    lang: str = "en",
    stdin_text: str | None = None,
    exclude: Callable[[Path], bool] | None = None,
    jobs: int | str | None = 1,
) -> Report:
    """Check documents in one call; for many calls, build a :class:`Checker` once and reuse it."""
    checker = Checker(policies=policies, context=context, as_of=as_of, lang=lang)
    return checker.check(paths, stdin_text=stdin_text, exclude=exclude, jobs=jobs)
