"""The check pipeline: read -> validate -> index -> build the context -> evaluate -> report.

A :class:`Checker` loads and proves the policy set once, then checks any number of document sets. Nothing
here prints or exits: the result is a :class:`Report`, whose exit code the front ends use.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .context import PolicyContext, build_context
from .derived import derive
from .documents import Document, ReadProblem, iter_documents
from .errors import EthiqError, EvaluationError, UsageError
from .evaluator import PreparedEngine, engine_version
from .findings import DocumentResult, Finding, Problem, ProblemKind, Report, Status, Verdict
from .graph import DocumentIndex, iter_names, neighbourhood
from .policies import SETS, PolicySet, RuleMeta, load_policy_set
from .schema import SchemaSet

LANGS = ("en", "sv")


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
        self.schemas = SchemaSet()
        self.context_files = [str(p) for p in context]
        self.base_context = build_context(files=self.context_files, schemas=self.schemas)
        self.policy_set: PolicySet = load_policy_set(policies, probe_data=self.base_context.rego_data())
        self._engine: PreparedEngine = self.policy_set.prepare(self.base_context.rego_data())

    # --- public entry points ---------------------------------------------------------------------------

    def check(
        self,
        paths: Iterable[str | Path],
        *,
        stdin_text: str | None = None,
        exclude: Callable[[Path], bool] | None = None,
    ) -> Report:
        """Check every document found in ``paths`` (files, directories, ``-`` for standard input)."""
        return self.check_items(iter_documents(paths, stdin_text=stdin_text, exclude=exclude))

    def check_documents(self, documents: Iterable[Document]) -> Report:
        return self.check_items(documents)

    def check_items(self, items: Iterable[Document | ReadProblem]) -> Report:
        report = Report(
            as_of=self.as_of,
            lang=self.lang,
            engine=engine_version(),
            policy_files=[m.path for m in self.policy_set.modules],
            rules=self.policy_set.rules,
        )
        judged: list[tuple[Document, DocumentResult]] = []
        context_documents: list[Document] = []
        index = DocumentIndex()
        for item in items:
            if isinstance(item, ReadProblem):
                report.problems.append(
                    Problem(
                        ProblemKind.READ,
                        item.message,
                        item.file,
                        item.line,
                        item.column,
                        hint="fix the syntax; the file's other documents were not read",
                    )
                )
                report.documents.append(DocumentResult(None, None, item.file, item.line or 1, Verdict.INVALID))
                continue
            result = DocumentResult(item.id, item.kind, item.source.file, item.source.line)
            report.documents.append(result)
            violations = self.schemas.validate(item.data)
            if violations:
                result.verdict = Verdict.INVALID
                for violation in violations:
                    line, column = item.locate(violation.path) or (item.source.line, None)
                    report.problems.append(
                        Problem(
                            ProblemKind.SCHEMA,
                            violation.message,
                            item.source.file,
                            line,
                            column,
                            item.id,
                            violation.path,
                            hint=f"see `ethiq schema {item.kind}` for the fields of a {item.kind}"
                            if item.kind
                            else "add `kind:` naming what the document describes",
                        )
                    )
                continue
            if item.kind == "policy_context":
                context_documents.append(item)
                result.verdict = Verdict.PASS
                continue
            earlier = index.add(item)
            if earlier is not None:
                result.verdict = Verdict.INVALID
                report.problems.append(
                    Problem(
                        ProblemKind.DUPLICATE,
                        f"{item.kind} {item.id!r} is also defined at {earlier.source}",
                        item.source.file,
                        item.source.line,
                        None,
                        item.id,
                        ("id",),
                        hint="give every document of a kind its own id; references would be ambiguous",
                    )
                )
                continue
            judged.append((item, result))

        context = self.base_context
        if context_documents:
            context = build_context(context_documents, self.context_files, schemas=self.schemas)
            self._engine.set_data(context.rego_data())
        report.context_origins = list(context.origins)
        try:
            for document, result in judged:
                self._judge(document, result, index, context, report)
        finally:
            if context is not self.base_context:
                self._engine.set_data(self.base_context.rego_data())
        report.findings.sort(key=_finding_order)
        return report

    # --- one document ---------------------------------------------------------------------------------

    def _judge(
        self, document: Document, result: DocumentResult, index: DocumentIndex, context: PolicyContext, report: Report
    ) -> None:
        try:
            findings = self.evaluate(document, index, context)
        except EthiqError as err:
            result.verdict = Verdict.ERROR
            report.problems.append(
                Problem(
                    ProblemKind.ENGINE,
                    str(err),
                    document.source.file,
                    document.source.line,
                    None,
                    document.id,
                    hint="this document was not judged; fix the policy or report the engine failure",
                )
            )
            return
        report.findings.extend(findings)
        statuses = {(f.severity, f.status) for f in findings}
        if ("block", Status.FAIL) in statuses:
            result.verdict = Verdict.FAIL
        elif ("block", Status.NEEDS_REVIEW) in statuses:
            result.verdict = Verdict.NEEDS_REVIEW
        elif findings:
            result.verdict = Verdict.WARN

    def build_input(self, document: Document, index: DocumentIndex, context: PolicyContext) -> dict[str, Any]:
        """The ``input`` the rules see for ``document`` (documented in docs/policy-authoring.md)."""
        hood = neighbourhood(document, index)
        names: dict[str, Any] = {}
        for data in (document.data, *(d for docs in hood.related.values() for d in docs.values())):
            for name in iter_names(data):
                if name not in names:
                    names[name] = context.names.describe(name)
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

    def evaluate(self, document: Document, index: DocumentIndex, context: PolicyContext) -> list[Finding]:
        kind = document.kind or ""
        entry_points = self.policy_set.entry_points.get(kind, [])
        self._engine.set_input_json(json.dumps(self.build_input(document, index, context)))
        relevant_date = relevant_date_of(document.data, self.as_of)
        findings: list[Finding] = []
        for entry in entry_points:
            severity = SETS[entry.rsplit(".", 1)[1]]
            for raw in self._engine.eval_set(entry):
                finding, meta = self._finding(raw, severity, entry, document)
                if meta is None or meta.is_effective(relevant_date):
                    findings.append(finding)
        return findings

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
) -> Report:
    """Check documents in one call; for many calls, build a :class:`Checker` once and reuse it."""
    return Checker(policies=policies, context=context, as_of=as_of, lang=lang).check(paths, stdin_text=stdin_text)
