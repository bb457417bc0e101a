"""The report: findings, problems, document results, the rules they cite, and the exit code they give.

This module owns the values every stage produces and every front end receives, and nothing else: it
imports no other stage. A :class:`Finding` is what a rule said about a document. A :class:`Problem` is
input that could not be judged (unreadable, schema-invalid, a duplicate id, a refused waiver) or a policy or
engine failure. The :class:`Report` holds them, frozen, and decides the exit code, one table for every front
end (the policy lives on the result, as in conftest)::

    0  no blocking finding and every input judged
    1  blocking findings: fail or needs_review of a rule at or above ``fail_on``, neither waived nor baselined
    2  unusable input: unreadable, unparsable, schema-invalid, refused waiver or baseline entry, usage
    3  broken policy, data or engine

The highest applicable code wins, so a run that could not judge some input never exits 0 or 1.
"""

from __future__ import annotations

import hashlib
import json
import re
from abc import abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any

REPORT_VERSION = "1.0"
#: ethiq's version (pyproject.toml's, which a test compares): read here rather than from the installed
#: distribution, whose lookup (``importlib.metadata``) costs a cold start about 50 ms.
TOOL_VERSION = "0.1.0"

#: Severities, weakest first: ``fail_on`` names the weakest that fails a run.
SEVERITIES = ("info", "warn", "block")
SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
#: The thresholds a run can fail at: a severity, or ``none`` (a trial period: only non-waivable bans fail,
#: and unusable input still gives 2 or 3).
FAIL_ON = ("block", "warn", "info", "none")

PathKey = tuple[str | int, ...]

#: The kind of document that configures a run rather than being judged by it.
CONTEXT_KIND = "policy_context"


class ExitCode(IntEnum):
    """The process exit code of a run, the same for every command, format and caller."""

    OK = 0
    BLOCKING = 1
    INPUT_ERROR = 2
    POLICY_ERROR = 3


class Status(StrEnum):
    """What a rule says of a document: it breaks the rule, or a fact the rule needs is unknown."""

    FAIL = "fail"
    NEEDS_REVIEW = "needs_review"


class Verdict(StrEnum):
    """What happened to one document of a run."""

    PASS = "pass"
    FAIL = "fail"
    NEEDS_REVIEW = "needs_review"
    WARN = "warn"
    INVALID = "invalid"
    ERROR = "error"


class ProblemKind(StrEnum):
    """Why something could not be judged: the input's fault (exit 2), the policy's or engine's (3), or a
    path a directory walk skipped, which is reported but changes no exit code."""

    READ = "read_error"
    SCHEMA = "schema_violation"
    DUPLICATE = "duplicate_id"
    WAIVER = "waiver_error"
    BASELINE = "baseline_error"
    CONTEXT = "context_error"  # a policy_context among the checked files that would relax the policy
    ENGINE = "engine_error"
    POLICY = "policy_error"
    NOTHING = "nothing_to_check"  # the run judged no document: an empty directory or file, only context
    SKIPPED = "skipped_path"  # a path a directory walk skipped (a link loop, a link to a directory): a notice


def is_file_name(file: str) -> bool:
    """Whether a report's ``file`` names a file on disk, rather than standard input (``-``), documents handed
    over in memory (``<memory>``) or a text (``<text 1>``): only files have paths to match or point at."""
    return file != "-" and not file.startswith("<")


def json_path(path: Iterable[str | int]) -> str:
    """``$.a.b[0]`` in jsonschema's notation; keys that are not identifiers are quoted."""
    out = "$"
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            out += f".{part}"
        else:
            out += "[" + json.dumps(part, ensure_ascii=False) + "]"
    return out


# C0 controls, DEL, C1 controls, and the bidirectional overrides and isolates that reorder how a line reads.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_NAMES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_control_characters(text: str, *, keep: str = "") -> str:
    """``text`` with every control character spelled out (``\\x1b``, ``\\n``, ``\\u202e``), for human-facing output.

    A document's strings reach terminals, CI logs and reports: an ESC could recolour or erase lines, a BEL ring,
    a carriage return overwrite what was printed, a bidirectional override reorder a line. Characters in
    ``keep`` (e.g. ``"\\n"`` where a renderer shows line breaks) are left as they are. Printable text,
    including every letter of every script, is unchanged.
    """

    def spell(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        if char in _CONTROL_NAMES:
            return _CONTROL_NAMES[char]
        code = ord(char)
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"

    return _CONTROL.sub(spell, text)


def json_pointer(path: Iterable[str | int]) -> str:
    """RFC 6901 pointer of ``path`` (``/a/b/0``)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


# --- the rules a report cites ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleSource:
    """Where a rule comes from: a seed sentence (Swedish verbatim + English) or a regulation article."""

    ref: str  # "S15" for a seed sentence, else the article ("GDPR Art. 9")
    sv: str | None = None
    en: str | None = None
    url: str | None = None

    @property
    def is_seed(self) -> bool:
        return bool(re.match(r"^(S\d{2}|P\d)$", self.ref))

    def to_dict(self) -> dict[str, str]:
        out = {"ref": self.ref}
        out.update({k: v for k, v in (("sv", self.sv), ("en", self.en), ("url", self.url)) if v})
        return out


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """One rule as its ``# METADATA`` block describes it (read by the policy stage)."""

    id: str
    package: str
    title: Mapping[str, str]  # language -> text
    severities: tuple[str, ...]  # strongest first
    sources: tuple[RuleSource, ...]
    remediation: Mapping[str, str]
    description: Mapping[str, str] = field(default_factory=dict)
    messages: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # key -> language -> template
    non_waivable: bool = False  # neither a waiver nor a baseline can accept its findings
    verification: str | None = None
    effective_from: str | None = None  # ISO date
    effective_until: str | None = None
    file: str = ""
    line: int = 0
    kinds: tuple[str, ...] = ()  # the document kinds its package judges

    def is_effective(self, date: str) -> bool:
        """Whether the rule applies on ``date`` (ISO): its window holds the document's relevant date."""
        day = date[:10]
        if self.effective_from and day < self.effective_from:
            return False
        return not (self.effective_until and day > self.effective_until)

    @property
    def severity(self) -> str:
        """The nominal severity: the strongest the rule can give."""
        return self.severities[0]

    def text(self, field_name: str, lang: str) -> str:
        values: Mapping[str, str] = getattr(self, field_name)
        return values.get(lang) or values.get("en") or ""

    def message(self, key: str, lang: str) -> str | None:
        template = self.messages.get(key)
        if template is None:
            return None
        return template.get(lang) or template.get("en")

    def to_dict(self, lang: str) -> dict[str, Any]:
        """The rule as a report's ``rules[]`` shows it."""
        return {
            "id": self.id,
            "title": self.text("title", lang),
            "severity": list(self.severities),
            "kinds": list(self.kinds),
            "non_waivable": self.non_waivable,
            "sources": [s.to_dict() for s in self.sources],
        }


# --- findings, problems, documents ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's verdict on one document, located and explained.

    ``waiver`` is set when a waiver accepted the finding, ``baselined`` when the run's baseline held its
    fingerprint: either way it stays in the report and never blocks.
    """

    rule_id: str
    severity: str  # block, warn or info
    status: str  # a Status
    title: str
    message: str
    remediation: str
    document_id: str
    kind: str
    file: str
    line: int | None
    column: int | None
    path: PathKey  # keys and indices into the document
    sources: tuple[RuleSource, ...] = ()
    trace: tuple[str, ...] = ()  # ids along the graph route, for a finding reached through references
    non_waivable: bool = False
    waiver: Mapping[str, Any] | None = None  # the waiver that accepted this finding: id, reason, owner, expires
    variant: str = ""  # the rule's reason (message key and parameters): tells apart findings at one path
    baselined: bool = False

    @property
    def json_path(self) -> str:
        return json_path(self.path)

    @property
    def is_waived(self) -> bool:
        return self.waiver is not None

    @property
    def is_accepted(self) -> bool:
        """Accepted by a waiver or by the baseline: shown, never blocking."""
        return self.waiver is not None or self.baselined

    def blocks_at(self, fail_on: str) -> bool:
        """Whether this finding fails a run whose threshold is ``fail_on`` (block, warn, info or none).

        At ``none`` only a failing finding of a non-waivable block rule still fails: no setting of a run
        accepts what the code of conduct bans outright."""
        if self.is_accepted:
            return False
        if fail_on == "none":
            return self.non_waivable and self.severity == "block"
        return SEVERITY_RANK[self.severity] >= SEVERITY_RANK[fail_on]

    @property
    def is_blocking(self) -> bool:
        """Blocking at the default threshold: an accepted-by-nobody finding of a ``block`` rule."""
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
            "status": str(self.status),
            "blocking": self.is_blocking,
            "title": self.title,
            "message": self.message,
            "remediation": self.remediation,
            "document": {"id": self.document_id, "kind": self.kind, "file": self.file},
            "location": {
                "path": self.json_path,
                "pointer": json_pointer(self.path),
                "line": self.line,
                "column": self.column,
            },
            "trace": list(self.trace),
            "sources": [s.to_dict() for s in self.sources],
            "non_waivable": self.non_waivable,
            "waiver": dict(self.waiver) if self.waiver is not None else None,
            "baselined": self.baselined,
            "fingerprint": self.fingerprint,
        }


def finding_order(finding: Finding) -> tuple[Any, ...]:
    """The order of findings in a report: by file and line, then document, rule, path and status."""
    return (
        finding.file,
        finding.line or 0,
        finding.document_id,
        finding.rule_id,
        tuple(str(p) for p in finding.path),
        str(finding.status),
    )


#: What the counts of a report need to know of a finding: rule, severity, status, waived, baselined, non-waivable.
TallyKey = tuple[str, str, str, bool, bool, bool]


def tally_key(finding: Finding) -> TallyKey:
    return (
        finding.rule_id,
        finding.severity,
        str(finding.status),
        finding.waiver is not None,
        finding.baselined,
        finding.non_waivable,
    )


def tally_of(findings: Iterable[Finding]) -> Counter[TallyKey]:
    """How many findings there are of each :func:`tally_key`: everything a summary and an exit code count."""
    return Counter(tally_key(finding) for finding in findings)


def _blocks(key: TallyKey, fail_on: str) -> bool:
    """:meth:`Finding.blocks_at` of the findings of ``key``."""
    _, severity, _, waived, baselined, non_waivable = key
    if waived or baselined:
        return False
    if fail_on == "none":
        return non_waivable and severity == "block"
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[fail_on]


class FindingStore(Sequence[Finding]):
    """Findings held outside memory (:class:`ethiq.engine.spool.FindingSpool`): a read-only sequence each
    iteration reads again, with the counts gathered as it was written. A :class:`Report` keeps it as it is."""

    @property
    @abstractmethod
    def tally(self) -> Counter[TallyKey]:
        """How many findings there are of each :func:`tally_key`, counted while they were written."""

    @abstractmethod
    def sorted(self, key: Callable[[Finding], Any]) -> Iterator[Finding]:
        """The findings in the (stable) order of ``key``, without holding them all."""


def sorted_findings(findings: Sequence[Finding], key: Callable[[Finding], Any]) -> Iterator[Finding]:
    """``findings`` in the stable order of ``key``: sorted in memory, or streamed from a :class:`FindingStore`."""
    if isinstance(findings, FindingStore):
        return findings.sorted(key)
    return iter(sorted(findings, key=key))


@dataclass(frozen=True, slots=True)
class Problem:
    """Input that could not be judged, or a failure of the policy set on a document."""

    kind: str  # a ProblemKind
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    document_id: str | None = None
    path: PathKey | None = None
    hint: str = ""  # what to do about it

    @property
    def exit_code(self) -> ExitCode:
        if self.kind in (ProblemKind.ENGINE, ProblemKind.POLICY):
            return ExitCode.POLICY_ERROR
        if self.kind == ProblemKind.SKIPPED:
            return ExitCode.OK
        return ExitCode.INPUT_ERROR

    @property
    def location(self) -> str:
        return ":".join(str(p) for p in (self.file, self.line, self.column) if p is not None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "message": self.message,
            "hint": self.hint,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "document_id": self.document_id,
            "path": json_path(self.path) if self.path is not None else None,
            "exit_code": int(self.exit_code),
        }


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What happened to one document of the run (or to an unreadable file, which has no id or kind)."""

    id: str | None
    kind: str | None
    file: str
    line: int
    verdict: str = Verdict.PASS

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "file": self.file, "line": self.line, "verdict": str(self.verdict)}


def with_nothing_judged(
    documents: Sequence[DocumentResult], problems: Sequence[Problem], *, contexts_count: bool = False
) -> tuple[Problem, ...]:
    """``problems``, plus "nothing to check" when no document was judged and nothing else says why.

    A run over an empty directory, an empty file or only ``policy_context`` documents judged nothing; it
    must not pass as if everything had been checked, so it is an input problem (exit 2) in every format.
    ``contexts_count``: a policy_context document counts as checked (validation alone checks it).
    """
    judged = (None,) if contexts_count else (None, CONTEXT_KIND)
    if any(d.kind not in judged for d in documents) or any(p.exit_code > ExitCode.OK for p in problems):
        return tuple(problems)
    contexts = sum(1 for d in documents if d.kind == CONTEXT_KIND)
    message = "nothing to check: no document was judged" + (
        f" ({contexts} policy_context document{'s only configure' if contexts != 1 else ' only configures'} the run)"
        if contexts
        else ""
    )
    hint = "name the files or directories of vendors, data sources, audiences, accounts, ads and campaigns to check"
    return (*problems, Problem(ProblemKind.NOTHING, message, hint=hint))


# --- the baseline's outcome ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One accepted finding of a baseline file: its fingerprint, and rule, document and path for a reader."""

    fingerprint: str
    rule: str
    kind: str
    document: str
    path: str  # JSON path

    def to_dict(self) -> dict[str, str]:
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "kind": self.kind,
            "document": self.document,
            "path": self.path,
        }


@dataclass(frozen=True, slots=True)
class BaselineOutcome:
    """How the run's findings met its baseline file."""

    file: str
    entries: int  # entries in the file
    matched: int  # findings of this run accepted by the baseline
    disappeared: tuple[BaselineEntry, ...] = ()  # entries no finding of this run matched: fixed, or not run

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "entries": self.entries,
            "matched": self.matched,
            "disappeared": [e.to_dict() for e in self.disappeared],
        }


# --- notices -------------------------------------------------------------------------------------------------

NOTICE_TEXTS = {
    "no_rule_in_force": {
        "en": "No rule was in force on {as_of} for any of the {judged} documents judged: every rule that judges "
        "them takes effect later (an ad is judged on its own start date), so the absence of findings means "
        "nothing.",
        "sv": "Ingen regel gällde per {as_of} för något av de {judged} bedömda dokumenten: varje regel som "
        "bedömer dem börjar gälla senare (en annons bedöms på sitt eget startdatum), så att inga fynd visas "
        "betyder ingenting.",
    },
    "some_without_rule_in_force": {
        "en": "No rule was in force on {as_of} for {out_of_force} of the {judged} documents judged: the rules "
        "that judge them take effect later (an ad is judged on its own start date), so those documents were "
        "judged against no rule.",
        "sv": "Ingen regel gällde per {as_of} för {out_of_force} av de {judged} bedömda dokumenten: reglerna "
        "som bedömer dem börjar gälla senare (en annons bedöms på sitt eget startdatum), så de dokumenten "
        "bedömdes mot ingen regel.",
    },
    "incremental": {
        "en": "Incremental check: {judged} documents were judged, those changed since {changed_since}, those whose "
        "references lead to one of them and the data sources a changed audience or ad reaches; the others were "
        "not judged in this run.",
        "sv": "Inkrementell kontroll: {judged} dokument bedömdes, de som ändrats sedan {changed_since}, de vars "
        "referenser leder till något av dem och de datakällor som en ändrad målgrupp eller annons når; övriga "
        "bedömdes inte i den här körningen.",
    },
}
"""Notice code -> language -> text: what a report says about the run as a whole, beside its findings."""


@dataclass(frozen=True, slots=True)
class Notice:
    """A statement about the whole run that every format shows (it changes no exit code)."""

    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


# --- the report -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContextRelaxation:
    """One change a policy context makes that lets more through: where, from what, to what, by which context."""

    origin: str  # the context file and line that made the change
    path: tuple[str, ...]  # keys into the context, e.g. ("thresholds", "min_audience_size")
    was: Any
    now: Any
    how: str  # removed, lowered, raised, changed or added
    file: str = ""  # the context file, and the line of the document in it
    line: int | None = None

    @property
    def dotted(self) -> str:
        return ".".join(self.path)

    def describe(self, *, origin: bool = True) -> str:
        """One line, e.g. ``thresholds.min_audience_size lowered from 1000 to 10 (ctx.yaml:1)``."""
        if self.how == "removed":
            what = f"{self.dotted}: removed {_short(self.was)}"
        elif self.how == "added":
            what = f"{self.dotted}: added {_short(self.now)}"
        else:
            what = f"{self.dotted} {self.how} from {_short(self.was)} to {_short(self.now)}"
        return f"{what} ({self.origin})" if origin else what

    def to_dict(self) -> dict[str, Any]:
        return {"context": self.origin, "path": list(self.path), "how": self.how, "was": self.was, "now": self.now}

    def problem(self) -> Problem:
        """The input problem of a context among the checked files that would make this change (undone)."""
        return Problem(
            ProblemKind.CONTEXT,
            "a policy context among the checked files may add to the policy but not relax it: "
            f"{self.describe(origin=False)}; the change was not applied",
            self.file or self.origin,
            self.line,
            None,
            None,
            self.path,
            hint="keep the value before it, or name the file as context explicitly (--context FILE or `context` "
            "in the working directory's ethiq.toml), so that the report says what it relaxed",
        )


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "..."


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of one run: every document, finding and problem, and the exit code they give.

    Frozen: the judge stage returns a new report when it applies waivers, a baseline or ``fail_on``.
    Sequences given to the constructor are stored as tuples, but for ``findings`` held in a
    :class:`FindingStore` (a large run's, on disk), which is kept as it is: read again on each iteration.
    """

    as_of: str  # the evaluation date, ISO
    lang: str  # en or sv: the language of titles, messages and remediations
    documents: Sequence[DocumentResult] = ()  # in input order
    findings: Sequence[Finding] = ()  # in file and line order
    problems: Sequence[Problem] = ()
    engine: str = ""  # the Rego engine and its version
    policy_files: Sequence[str] = ()
    context_origins: Sequence[str] = ()  # where the policy context came from, in merge order
    context_relaxations: Sequence[ContextRelaxation] = ()  # what an explicitly named context relaxed
    rules: Mapping[str, RuleMeta] = field(default_factory=dict)  # every rule the policy set can report
    fail_on: str = "block"  # the lowest severity that fails the run
    waivers_file: str | None = None  # the waiver file applied, if any
    config_file: str | None = None  # the configuration file in effect (ethiq.toml or pyproject.toml), if any
    baseline: BaselineOutcome | None = None  # the baseline applied, if any
    judged: int = 0  # documents evaluated against the rules
    out_of_force: int = 0  # of them, those no rule was in force for on their relevant date (its effective date)
    changed_since: str | None = None  # an incremental check: the git revision the documents judged changed since

    def __post_init__(self) -> None:
        for name in ("documents", "findings", "problems", "policy_files", "context_origins", "context_relaxations"):
            value = getattr(self, name)
            if not isinstance(value, tuple | FindingStore):
                object.__setattr__(self, name, tuple(value))
        if self.fail_on not in FAIL_ON:
            raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {self.fail_on!r}")

    def rules_for(self, kind: str | None) -> list[RuleMeta]:
        """The rules that judged documents of ``kind`` (for per-rule renderings such as JUnit)."""
        return sorted((m for m in self.rules.values() if kind in m.kinds), key=lambda m: m.id)

    @property
    def blocking(self) -> list[Finding]:
        """The findings that fail the run at its ``fail_on`` threshold (never waived or baselined ones)."""
        return [f for f in self.findings if f.blocks_at(self.fail_on)]

    @property
    def is_blocking(self) -> bool:
        return any(_blocks(key, self.fail_on) for key in self.tally())

    def tally(self) -> Counter[TallyKey]:
        """How many findings there are of each :data:`TallyKey` (gathered once for findings in a store)."""
        if isinstance(self.findings, FindingStore):
            return self.findings.tally
        return tally_of(self.findings)

    @property
    def exit_code(self) -> ExitCode:
        codes = [p.exit_code for p in self.problems]
        if self.is_blocking:
            codes.append(ExitCode.BLOCKING)
        return max(codes, default=ExitCode.OK)

    @property
    def passed(self) -> bool:
        return self.exit_code == ExitCode.OK

    @property
    def notices(self) -> tuple[Notice, ...]:
        """What the run as a whole needs to say: that it judged only what changed, that no rule was in force,
        rather than a silent clean run."""
        codes = []
        if self.changed_since is not None:
            codes.append("incremental")
        if self.out_of_force:
            codes.append("no_rule_in_force" if self.out_of_force == self.judged else "some_without_rule_in_force")
        facts = {
            "as_of": self.as_of,
            "judged": self.judged,
            "out_of_force": self.out_of_force,
            "changed_since": self.changed_since,
        }
        return tuple(
            Notice(code, (NOTICE_TEXTS[code].get(self.lang) or NOTICE_TEXTS[code]["en"]).format(**facts))
            for code in codes
        )

    def summary(self) -> dict[str, Any]:
        verdicts = Counter(str(d.verdict) for d in self.documents)
        tally = self.tally()
        by_severity: Counter[str] = Counter()
        by_status: Counter[str] = Counter()
        for (_, severity, status, _, _, _), count in tally.items():
            by_severity[severity] += count
            by_status[status] += count
        return {
            "documents": len(self.documents),
            "verdicts": dict(sorted(verdicts.items())),
            "findings": len(self.findings),
            "blocking": sum(count for key, count in tally.items() if _blocks(key, self.fail_on)),
            "waived": sum(count for key, count in tally.items() if key[3]),
            "baselined": sum(count for key, count in tally.items() if key[4]),
            "by_severity": dict(sorted(by_severity.items())),
            "by_status": dict(sorted(by_status.items())),
            "problems": len(self.problems),
            "exit_code": int(self.exit_code),
        }

    def to_dict(self, *, streamed: bool = False) -> dict[str, Any]:
        """The report as JSON-ready values; ``streamed``: ``documents`` and ``findings`` as iterators made on
        demand, one record at a time, for a writer that streams them (a large run's report, never whole)."""
        documents = (d.to_dict() for d in self.documents)
        findings = (f.to_dict() for f in self.findings)
        return {
            "version": REPORT_VERSION,
            "tool": {"name": "ethiq", "version": _version(), "engine": self.engine},
            "as_of": self.as_of,
            "lang": self.lang,
            "fail_on": self.fail_on,
            "exit_code": int(self.exit_code),
            "summary": self.summary(),
            "documents": documents if streamed else list(documents),
            "findings": findings if streamed else list(findings),
            "problems": [p.to_dict() for p in self.problems],
            "notices": [n.to_dict() for n in self.notices],
            "context": list(self.context_origins),
            "context_relaxations": [r.to_dict() for r in self.context_relaxations],
            "waivers": self.waivers_file,
            "config": self.config_file,
            "baseline": self.baseline.to_dict() if self.baseline is not None else None,
            "rules": [
                self.rules[rule_id].to_dict(self.lang)
                for rule_id in sorted({key[0] for key in self.tally()})
                if rule_id in self.rules
            ],
        }


def _version() -> str:
    return TOOL_VERSION
