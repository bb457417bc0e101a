"""Findings, problems and the report, with the exit codes on the result type.

A :class:`Finding` is what a rule said about a document. A :class:`Problem` is input that could not be
judged (unreadable, schema-invalid, a duplicate id) or a policy or engine failure on a document. The
:class:`Report` holds both and decides the exit code, one table for every front end::

    0  no blocking finding and every input judged
    1  blocking findings: fail or needs_review of a block rule
    2  unusable input: unreadable, unparsable, schema-invalid, usage
    3  broken policy, data or engine

The highest applicable code wins, so a run that could not judge some input never exits 0 or 1.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from .policies import RuleMeta, Source
from .schema import json_path

REPORT_VERSION = "1.0"


SEVERITY_RANK = {"info": 0, "warn": 1, "block": 2}


class ExitCode(IntEnum):
    OK = 0
    BLOCKING = 1
    INPUT_ERROR = 2
    POLICY_ERROR = 3


class Status:
    FAIL = "fail"
    NEEDS_REVIEW = "needs_review"
    ALL = ("fail", "needs_review")


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's verdict on one document, located and explained."""

    rule_id: str
    severity: str
    status: str
    title: str
    message: str
    remediation: str
    document_id: str
    kind: str
    file: str
    line: int | None
    column: int | None
    path: tuple[str | int, ...]
    sources: tuple[Source, ...] = ()
    trace: tuple[str, ...] = ()
    non_waivable: bool = False
    waiver: Mapping[str, Any] | None = None  # the waiver that accepted this finding: id, reason, owner, expires
    variant: str = ""  # the rule's reason (message key and parameters): tells apart findings at one path

    @property
    def json_path(self) -> str:
        return json_path(self.path)

    @property
    def is_waived(self) -> bool:
        return self.waiver is not None

    def blocks_at(self, fail_on: str) -> bool:
        """Whether this finding fails a run whose threshold is ``fail_on`` (block, warn or info)."""
        return not self.is_waived and SEVERITY_RANK[self.severity] >= SEVERITY_RANK[fail_on]

    @property
    def is_blocking(self) -> bool:
        """Blocking at the default threshold: an unwaived finding of a ``block`` rule."""
        return self.blocks_at("block")

    @property
    def fingerprint(self) -> str:
        """Stable across reformatting and reordering: rule, document, path and graph route, not file or line."""
        key = "\x1f".join(
            (self.rule_id, self.kind, self.document_id, self.json_path, "→".join(self.trace), self.variant)
        )
        return hashlib.sha256(key.encode()).hexdigest()[:32]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "severity": self.severity,
            "status": self.status,
            "blocking": self.is_blocking,
            "title": self.title,
            "message": self.message,
            "remediation": self.remediation,
            "document": {"id": self.document_id, "kind": self.kind, "file": self.file},
            "location": {
                "path": self.json_path,
                "pointer": _pointer(self.path),
                "line": self.line,
                "column": self.column,
            },
            "trace": list(self.trace),
            "sources": [s.to_dict() for s in self.sources],
            "non_waivable": self.non_waivable,
            "waiver": dict(self.waiver) if self.waiver is not None else None,
            "fingerprint": self.fingerprint,
        }


class ProblemKind:
    READ = "read_error"
    SCHEMA = "schema_violation"
    DUPLICATE = "duplicate_id"
    WAIVER = "waiver_error"
    ENGINE = "engine_error"
    POLICY = "policy_error"


@dataclass(frozen=True, slots=True)
class Problem:
    """Input that could not be judged, or a failure of the policy set on a document."""

    kind: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    document_id: str | None = None
    path: tuple[str | int, ...] | None = None
    hint: str = ""

    @property
    def exit_code(self) -> ExitCode:
        if self.kind in (ProblemKind.ENGINE, ProblemKind.POLICY):
            return ExitCode.POLICY_ERROR
        return ExitCode.INPUT_ERROR

    @property
    def location(self) -> str:
        return ":".join(str(p) for p in (self.file, self.line, self.column) if p is not None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "message": self.message,
            "hint": self.hint,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "document_id": self.document_id,
            "path": json_path(self.path) if self.path is not None else None,
            "exit_code": int(self.exit_code),
        }


class Verdict:
    PASS = "pass"
    FAIL = "fail"
    NEEDS_REVIEW = "needs_review"
    WARN = "warn"
    INVALID = "invalid"
    ERROR = "error"


@dataclass(slots=True)
class DocumentResult:
    """What happened to one document of the run."""

    id: str | None
    kind: str | None
    file: str
    line: int
    verdict: str = Verdict.PASS

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "file": self.file, "line": self.line, "verdict": self.verdict}


@dataclass(slots=True)
class Report:
    """The outcome of one run: every document, finding and problem, and the exit code they give."""

    as_of: str
    lang: str
    documents: list[DocumentResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    engine: str = ""
    policy_files: Sequence[str] = ()
    context_origins: Sequence[str] = ()
    rules: Mapping[str, RuleMeta] = field(default_factory=dict)  # every rule the policy set can report
    fail_on: str = "block"  # the lowest severity that fails the run (--fail-on)

    def rules_for(self, kind: str | None) -> list[RuleMeta]:
        """The rules that judged documents of ``kind`` (for per-rule renderings such as JUnit)."""
        return sorted((m for m in self.rules.values() if kind in m.kinds), key=lambda m: m.id)

    @property
    def blocking(self) -> list[Finding]:
        """The findings that fail the run at its ``fail_on`` threshold (never waived ones)."""
        return [f for f in self.findings if f.blocks_at(self.fail_on)]

    @property
    def is_blocking(self) -> bool:
        return bool(self.blocking)

    @property
    def exit_code(self) -> ExitCode:
        codes = [p.exit_code for p in self.problems]
        if self.is_blocking:
            codes.append(ExitCode.BLOCKING)
        return max(codes, default=ExitCode.OK)

    @property
    def passed(self) -> bool:
        return self.exit_code == ExitCode.OK

    def summary(self) -> dict[str, Any]:
        verdicts = Counter(d.verdict for d in self.documents)
        return {
            "documents": len(self.documents),
            "verdicts": dict(sorted(verdicts.items())),
            "findings": len(self.findings),
            "blocking": len(self.blocking),
            "waived": sum(1 for f in self.findings if f.is_waived),
            "by_severity": dict(sorted(Counter(f.severity for f in self.findings).items())),
            "by_status": dict(sorted(Counter(f.status for f in self.findings).items())),
            "problems": len(self.problems),
            "exit_code": int(self.exit_code),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": REPORT_VERSION,
            "tool": {"name": "ethiq", "version": _version(), "engine": self.engine},
            "as_of": self.as_of,
            "lang": self.lang,
            "fail_on": self.fail_on,
            "exit_code": int(self.exit_code),
            "summary": self.summary(),
            "documents": [d.to_dict() for d in self.documents],
            "findings": [f.to_dict() for f in self.findings],
            "problems": [p.to_dict() for p in self.problems],
            "context": list(self.context_origins),
            "rules": [
                _rule_dict(self.rules[rule_id], self.lang)
                for rule_id in sorted({f.rule_id for f in self.findings})
                if rule_id in self.rules
            ],
        }


def _rule_dict(meta: RuleMeta, lang: str) -> dict[str, Any]:
    return {
        "id": meta.id,
        "title": meta.text("title", lang),
        "severity": list(meta.severities),
        "kinds": list(meta.kinds),
        "non_waivable": meta.non_waivable,
        "sources": [s.to_dict() for s in meta.sources],
    }


def _pointer(path: Sequence[str | int]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ethiq")
    except PackageNotFoundError:
        return "0+unknown"
