"""Findings from raw rule results: what a rule emitted, checked against its METADATA, located and worded.

A rule emits an object (``{"rule", "status", "path", "message", "params", "trace"}``) or, conftest style, a
string. Anything else, an unknown rule id, a severity its METADATA does not allow, or a message template
that cannot be filled is an :class:`EvaluationError` for the document: never a silent pass. A rule whose
effective window does not hold the document's relevant date (an ad's start, else ``as_of``) says nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..errors import EvaluationError
from ..evaluate import SETS, PolicySet
from ..read import Document
from ..report import Finding, RuleMeta, RuleSource, Status, Verdict


def relevant_date_of(data: Mapping[str, Any], as_of: str) -> str:
    """The date a rule's effective window is tested against: an ad's start, else the evaluation date."""
    schedule = data.get("schedule") if data.get("kind") == "ad" else None
    start = schedule.get("start") if isinstance(schedule, Mapping) else None
    return start[:10] if isinstance(start, str) and len(start) >= 10 else as_of


#: Moves a path into the document the rules judged to the place it shows in the document as written.
Locate = Callable[[tuple[str | int, ...]], tuple[str | int, ...]]


def findings_of(
    results: Iterable[tuple[str, list[Any]]],
    document: Document,
    policy_set: PolicySet,
    *,
    as_of: str,
    lang: str,
    locate: Locate | None = None,
) -> list[Finding]:
    """The findings of ``document`` from each entry point's raw results (``data.ethiq.rules.<kind>.deny``...).

    ``locate`` relocates finding paths: a document read by a platform adapter is judged on its derived view,
    and a finding there is shown where the native JSON sets it (``Derivation.locate``).
    """
    relevant_date = relevant_date_of(document.data, as_of)
    findings: list[Finding] = []
    for entry, raws in results:
        severity = SETS[entry.rsplit(".", 1)[1]]
        for raw in raws:
            finding, meta = finding_of(raw, severity, entry, document, policy_set, lang, locate)
            if meta is None or meta.is_effective(relevant_date):
                findings.append(finding)
    return findings


def verdict_of(findings: Iterable[Finding]) -> Verdict:
    """A judged document's verdict: fail before needs_review (of block rules) before warn before pass."""
    statuses = {(f.severity, f.status) for f in findings}
    if ("block", Status.FAIL) in statuses:
        return Verdict.FAIL
    if ("block", Status.NEEDS_REVIEW) in statuses:
        return Verdict.NEEDS_REVIEW
    return Verdict.WARN if statuses else Verdict.PASS


def finding_of(
    raw: Any,
    severity: str,
    entry: str,
    document: Document,
    policy_set: PolicySet,
    lang: str,
    locate: Locate | None = None,
) -> tuple[Finding, RuleMeta | None]:
    """One raw result as a :class:`Finding`, with the METADATA of its rule (None for a string result)."""
    if isinstance(raw, str):  # conftest style: the message is the finding
        raw = {"rule": entry[len("data.") :], "message_text": raw}
    if not isinstance(raw, Mapping) or not isinstance(raw.get("rule"), str):
        raise EvaluationError(f"{entry} produced {raw!r}: a finding is an object with a 'rule' id, or a string")
    rule_id = raw["rule"]
    status = raw.get("status", Status.FAIL)
    if status not in tuple(Status):
        raise EvaluationError(f"{rule_id}: status must be fail or needs_review, not {status!r}")
    path = raw.get("path", [])
    if not isinstance(path, list) or not all(isinstance(p, str | int) and not isinstance(p, bool) for p in path):
        raise EvaluationError(f"{rule_id}: path must be a list of keys and indices, not {path!r}")
    trace = raw.get("trace", [])
    meta = policy_set.rule(rule_id)
    sources: tuple[RuleSource, ...]
    if "message_text" in raw:
        title = message = str(raw["message_text"])
        remediation, sources, non_waivable = "", (), False
    else:
        if meta is None:
            raise EvaluationError(f"{entry} emits rule {rule_id!r}, which has no METADATA block")
        if severity not in meta.severities:
            raise EvaluationError(f"{rule_id} is {'/'.join(meta.severities)} but was emitted by {entry}")
        title, remediation = meta.text("title", lang), meta.text("remediation", lang)
        message = _render(meta, raw, lang)
        sources, non_waivable = meta.sources, meta.non_waivable
    shown = locate(tuple(path)) if locate is not None else tuple(path)
    position = document.locate(shown)
    return Finding(
        rule_id=rule_id,
        severity=severity,
        status=Status(status),
        title=title,
        message=message,
        remediation=remediation,
        document_id=document.id or "",
        kind=document.kind or "",
        file=document.source.file,
        line=position[0] if position else document.source.line,
        column=position[1] if position else None,
        path=shown,
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
