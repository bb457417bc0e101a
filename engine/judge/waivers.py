"""Judge: waivers, findings a person has accepted, with a reason, an owner and an expiry date.

A waiver file (YAML or JSON, by default ``ethiq-waivers.yaml``) is validated against
``policies/schemas/waivers.schema.json``. :func:`load_waivers` reads it; every violation is reported at
once, with file, line and JSON path (:class:`WaiverFileError`, exit 2). :func:`apply_waivers` returns a new
report in which:

- a finding matched by an unexpired waiver (``expires >= report.as_of``) carries ``finding.waiver`` and
  stays in the report, but never blocks;
- an expired waiver does not apply; it becomes a ``warn`` finding ``ethiq/waiver-expired`` at the waiver;
- a waiver that matched no finding becomes an ``info`` finding ``ethiq/waiver-unused`` at the waiver;
- a waiver of an unknown or non-waivable rule is refused: a :class:`Problem` of kind ``waiver_error``
  (exit 2, the input asks for something the policy forbids), and it does not apply.

Notices are findings rather than problems because a stale waiver does not make the input unusable: every
renderer already shows findings with file and line, ``--fail-on`` already decides whether they fail a run,
and they need no new field on the report. Their ``kind`` is ``waiver`` and their ``document_id`` the
waiver's id, so a reader can tell them from findings on campaign documents.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DocumentReadError, InputError, PolicyLoadError
from ..read import DEFAULT_LIMITS, Document, ReadLimits, parse_documents, read_text
from ..read.formats import JSON_SUFFIXES, YAML_SUFFIXES
from ..report import Finding, Problem, ProblemKind, Report, Status, is_file_name, json_path
from ..resources import package_dir

# The documents' error model, so a waiver file's violations read like a document's.
from ..validate.schema import format_checker, path_sort_key, violations_of
from .passes import apply_deciders

if TYPE_CHECKING:
    import pathspec
    from jsonschema import Draft7Validator

__all__ = [
    "DEFAULT_WAIVERS_FILE",
    "EXPIRED_RULE",
    "NOTICE_KIND",
    "UNUSED_RULE",
    "Waiver",
    "WaiverFileError",
    "WaiverSet",
    "WaiverViolation",
    "apply_waivers",
    "load_waivers",
    "parse_waivers",
    "waivers_schema",
]

DEFAULT_WAIVERS_FILE = "ethiq-waivers.yaml"  # used when it exists beside the config file (or in the cwd)
EXPIRED_RULE = "ethiq/waiver-expired"
UNUSED_RULE = "ethiq/waiver-unused"
NOTICE_KIND = "waiver"

PathKey = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class WaiverViolation:
    """One way a waiver file is wrong, located by line and JSON path."""

    path: PathKey
    message: str
    line: int | None = None
    column: int | None = None

    @property
    def json_path(self) -> str:
        return json_path(self.path)


class WaiverFileError(InputError):
    """The waiver file cannot be used: unreadable, unparsable or schema-invalid (every violation listed)."""

    def __init__(self, file: str, violations: Sequence[WaiverViolation]):
        self.file = file
        self.violations = tuple(violations)
        first = self.violations[0] if self.violations else None
        self.line = first.line if first else None
        self.column = first.column if first else None
        lines = [
            f"{':'.join(str(p) for p in (file, v.line, v.column) if p is not None)}: {v.json_path}: {v.message}"
            for v in self.violations
        ]
        if len(lines) == 1:
            super().__init__(lines[0])
        else:
            super().__init__(f"invalid waiver file {file}:\n  " + "\n  ".join(lines))


@dataclass(frozen=True, slots=True)
class Waiver:
    """One waiver as the file states it, with where it stands in the file."""

    id: str
    rule: str
    documents: tuple[str, ...]
    reason: str
    owner: str
    expires: dt.date
    path: str | None = None
    files: tuple[str, ...] = ()
    created: dt.date | None = None
    ticket: str | None = None
    file: str = ""
    line: int | None = None
    column: int | None = None
    index: int = 0  # position in the file's ``waivers`` list

    @property
    def location(self) -> PathKey:
        return ("waivers", self.index)

    def is_expired(self, as_of: str | dt.date) -> bool:
        """Expired once ``as_of`` is after ``expires``: the expiry day itself is still covered."""
        day = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(as_of[:10])
        return self.expires < day

    def matches(self, finding: Finding) -> bool:
        """Whether this waiver covers ``finding`` (rule, documents, and path and files when given)."""
        if finding.rule_id != self.rule:
            return False
        if not any(fnmatch.fnmatchcase(finding.document_id, pattern) for pattern in self.documents):
            return False
        if self.path is not None and finding.json_path != self.path:
            return False
        if not self.files:
            return True
        if not is_file_name(finding.file):  # standard input and documents in memory have no path to match
            return False
        return _files_spec(self.files).match_file(_relative_to_waivers(finding.file, self.file))

    def record(self) -> dict[str, Any]:
        """What a waived finding carries as ``finding.waiver``."""
        return {
            "id": self.id,
            "reason": self.reason,
            "owner": self.owner,
            "expires": self.expires.isoformat(),
            "file": self.file,
            "line": self.line,
        }


@dataclass(frozen=True, slots=True)
class WaiverSet:
    """The waivers of one file, in file order."""

    file: str
    waivers: tuple[Waiver, ...] = ()

    def __iter__(self) -> Iterator[Waiver]:
        return iter(self.waivers)

    def __len__(self) -> int:
        return len(self.waivers)


# --- loading -------------------------------------------------------------------------------------------


@cache
def waivers_schema() -> dict[str, Any]:
    """The bundled waiver-file schema (draft-07)."""
    resource = package_dir("ethiq.policies").joinpath("schemas", "waivers.schema.json")
    try:
        schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise PolicyLoadError(f"the waiver schema is unreadable: {err}", file=str(resource)) from err
    return schema


@cache
def _validator() -> Draft7Validator:
    from jsonschema import Draft7Validator  # only a run with waivers needs it

    schema = waivers_schema()
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=format_checker())


def load_waivers(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> WaiverSet:
    """Read and validate a waiver file; raises :class:`WaiverFileError` listing every violation."""
    file = str(path)
    try:  # bounded as documents are: a FIFO or /dev/zero named as the waiver file is refused, not read
        text = read_text(path, limits)
    except DocumentReadError as err:
        raise WaiverFileError(file, [WaiverViolation((), f"cannot read: {err}", err.line, err.column)]) from err
    suffix = Path(path).suffix.lower()
    fmt = "json" if suffix in JSON_SUFFIXES else "yaml" if suffix in YAML_SUFFIXES else None
    return parse_waivers(text, file=file, fmt=fmt)


def parse_waivers(text: str, *, file: str = "<string>", fmt: str | None = None) -> WaiverSet:
    """Validate the text of a waiver file (JSON or YAML); ``file`` is how reports name it."""
    try:
        documents = parse_documents(text, name=file, fmt=fmt)
    except DocumentReadError as err:
        message = str(err)
        if "must be a mapping" in message:  # the document reader's wording speaks of a 'kind'
            message = "a waiver file is a mapping with a 'waivers' list"
        raise WaiverFileError(file, [WaiverViolation((), message, err.line, err.column)]) from err
    if len(documents) != 1:
        found = "nothing" if not documents else f"{len(documents)} YAML documents"
        raise WaiverFileError(file, [WaiverViolation((), f"expected one mapping with a 'waivers' list, found {found}")])
    document = documents[0]
    violations = _schema_violations(document)
    if violations:
        raise WaiverFileError(file, violations)
    waivers = tuple(_waiver(entry, index, document, file) for index, entry in enumerate(document.data["waivers"]))
    return WaiverSet(file=file, waivers=waivers)


# Plain words for the schema's patterns, which jsonschema would quote as regular expressions.
_PATTERN_MESSAGES = {
    "id": "an id is a letter or digit, then up to 127 of A-Z a-z 0-9 _ . : -",
    "rule": "a rule id has no spaces",
    "documents": "a document id or glob has no spaces",
    "path": "a JSON path starts with '$', e.g. $.collection.method",
    "files": "a file glob does not start with a space",
    "reason": "a reason needs at least 20 characters of text",
    "owner": "an owner is not blank",
    "ticket": "a ticket is not blank",
}


def _schema_violations(document: Document) -> list[WaiverViolation]:
    found = [v for error in _validator().iter_errors(document.data) for v in violations_of(error)]
    problems: list[tuple[PathKey, str]] = []
    for violation in found:
        field = next((p for p in reversed(violation.path) if isinstance(p, str)), "")
        message = violation.message
        if violation.validator in ("pattern", "minLength") and field in _PATTERN_MESSAGES:
            message = f"{_PATTERN_MESSAGES[field]}; found {_value_at(document.data, violation.path)!r}"
        if (violation.path, message) not in problems:  # a short reason breaks minLength and the pattern
            problems.append((violation.path, message))
    if not found:
        seen: dict[str, int] = {}
        for index, entry in enumerate(document.data["waivers"]):
            if entry["id"] in seen:
                problems.append(
                    (
                        ("waivers", index, "id"),
                        f"duplicate waiver id {entry['id']!r} (also at $.waivers[{seen[entry['id']]}])",
                    )
                )
            seen.setdefault(entry["id"], index)
            if "created" in entry and entry["created"] > entry["expires"]:  # ISO dates compare as text
                problems.append((("waivers", index, "created"), f"created {entry['created']} is after expires"))
    violations = []
    for path, message in problems:
        line, column = document.locate(path) or (None, None)
        violations.append(WaiverViolation(path, message, line, column))
    return sorted(violations, key=lambda v: (v.line or 0, path_sort_key(v.path), v.message))


def _value_at(data: Any, path: PathKey) -> Any:
    for part in path:
        data = data[part]
    return data


def _waiver(entry: Mapping[str, Any], index: int, document: Document, file: str) -> Waiver:
    line, column = document.locate(("waivers", index)) or (None, None)
    created = entry.get("created")
    return Waiver(
        id=entry["id"],
        rule=entry["rule"],
        documents=_strings(entry["documents"]),
        reason=entry["reason"].strip(),
        owner=entry["owner"].strip(),
        expires=dt.date.fromisoformat(entry["expires"]),
        path=entry.get("path"),
        files=_strings(entry.get("files", ())),
        created=dt.date.fromisoformat(created) if created else None,
        ticket=entry.get("ticket"),
        file=file,
        line=line,
        column=column,
        index=index,
    )


def _strings(value: str | Sequence[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@cache
def _files_spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # only a run with waivers needs it

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _relative_to_waivers(finding_file: str, waiver_file: str) -> str:
    """The finding's file relative to the waiver file's directory (its full path when outside it)."""
    base = Path(os.path.abspath(Path(waiver_file).parent))
    target = Path(os.path.abspath(finding_file))
    try:
        return target.relative_to(base).as_posix()
    except ValueError:
        return target.as_posix().lstrip("/")


# --- applying ------------------------------------------------------------------------------------------


def apply_waivers(report: Report, waivers: WaiverSet) -> Report:
    """A new report with the waivers applied: waived findings, notices and refusals (see the module doc)."""
    return apply_deciders(report, [WaiverDecider(report, waivers)])


class WaiverDecider:
    """The waivers of one file, applied to findings one at a time (a :class:`~.passes.Decider`).

    A waiver that is refused or expired applies to nothing; of the others, the first in the file that
    matches a finding waives it, unless the finding is non-waivable. Every matching waiver counts as used;
    one that matched a non-waivable finding is a problem (the first such finding is named).
    """

    accepts = True

    def __init__(self, report: Report, waivers: WaiverSet):
        self._report = report
        self._waivers = waivers
        self._refusals = [_refusal(waiver, report) for waiver in waivers]
        self._active = [
            (position, waiver)
            for position, waiver in enumerate(waivers)
            if self._refusals[position] is None and not waiver.is_expired(report.as_of)
        ]
        self._used: set[int] = set()
        self._forbidden: dict[int, str] = {}  # waiver position -> path of the first non-waivable finding it matched

    def decide(self, finding: Finding) -> Finding:
        chosen = None
        for position, waiver in self._active:
            if not waiver.matches(finding):
                continue
            self._used.add(position)
            if finding.non_waivable:  # the rule is waivable but this finding says otherwise: the finding wins
                self._forbidden.setdefault(position, finding.json_path)
            elif chosen is None and finding.waiver is None:  # the first waiver in the file wins
                chosen = waiver
        return finding if chosen is None else dataclasses.replace(finding, waiver=chosen.record())

    def added(self) -> list[Finding]:
        notices = []
        for position, waiver in enumerate(self._waivers):
            if self._refusals[position] is not None:
                continue
            if waiver.is_expired(self._report.as_of):
                notices.append(_notice(waiver, EXPIRED_RULE, "warn", self._report))
            elif position not in self._used:
                notices.append(_notice(waiver, UNUSED_RULE, "info", self._report))
        return notices

    def problems(self) -> list[Problem]:
        problems = []
        for position, waiver in enumerate(self._waivers):
            refusal = self._refusals[position]
            if refusal is not None:
                problems.append(refusal)
            elif position in self._forbidden:
                problems.append(
                    _problem(waiver, f"finding {self._forbidden[position]} of {waiver.rule} is non-waivable")
                )
        return problems

    def fields(self) -> dict[str, Any]:
        return {"waivers_file": self._waivers.file}


def _refusal(waiver: Waiver, report: Report) -> Problem | None:
    meta = report.rules.get(waiver.rule)
    if meta is None:
        return _problem(
            waiver,
            f"waiver {waiver.id!r} names unknown rule {waiver.rule!r}",
            hint="use a rule id of the policy set (`ethiq check --format json` lists them under rules)",
        )
    if meta.non_waivable:
        return _problem(
            waiver,
            f"rule {waiver.rule} is non-waivable: waiver {waiver.id!r} is refused and does not apply",
            hint="fix the finding; the party's code of conduct admits no exception to this rule",
        )
    return None


def _problem(waiver: Waiver, message: str, *, hint: str = "") -> Problem:
    return Problem(
        ProblemKind.WAIVER,
        message,
        waiver.file,
        waiver.line,
        waiver.column,
        None,
        waiver.location,
        hint=hint,
    )


_NOTICE_TEXT: dict[str, dict[str, dict[str, str]]] = {
    EXPIRED_RULE: {
        "en": {
            "title": "Waiver expired",
            "message": "Waiver {id} ({rule} on {documents}) expired on {expires}, before {as_of}: it no longer "
            "applies, and the findings it covered count again.",
            "remediation": "Fix the findings, or renew the waiver with a new expiry date and a current reason; "
            "delete it if it is no longer needed.",
        },
        "sv": {
            "title": "Undantaget har löpt ut",
            "message": "Undantaget {id} ({rule} för {documents}) löpte ut {expires}, före {as_of}: det gäller inte "
            "längre, och fynden det täckte räknas igen.",
            "remediation": "Åtgärda fynden, eller förnya undantaget med ett nytt slutdatum och ett aktuellt skäl; "
            "ta bort det om det inte längre behövs.",
        },
    },
    UNUSED_RULE: {
        "en": {
            "title": "Waiver unused",
            "message": "Waiver {id} ({rule} on {documents}) matched no finding in this run.",
            "remediation": "Delete the waiver if the finding is fixed, or correct its rule, documents, path or "
            "files so that it matches what it was meant to accept.",
        },
        "sv": {
            "title": "Undantaget används inte",
            "message": "Undantaget {id} ({rule} för {documents}) matchade inget fynd i denna körning.",
            "remediation": "Ta bort undantaget om fyndet är åtgärdat, eller rätta regel, dokument, sökväg eller "
            "filer så att det matchar det som avsågs.",
        },
    },
}


def _notice(waiver: Waiver, rule_id: str, severity: str, report: Report) -> Finding:
    text = _NOTICE_TEXT[rule_id].get(report.lang, _NOTICE_TEXT[rule_id]["en"])
    values = {
        "id": waiver.id,
        "rule": waiver.rule,
        "documents": ", ".join(waiver.documents),
        "expires": waiver.expires.isoformat(),
        "as_of": report.as_of,
    }
    return Finding(
        rule_id=rule_id,
        severity=severity,
        status=Status.FAIL,
        title=text["title"],
        message=text["message"].format(**values),
        remediation=text["remediation"],
        document_id=waiver.id,
        kind=NOTICE_KIND,
        file=waiver.file,
        line=waiver.line,
        column=waiver.column,
        path=waiver.location,
        non_waivable=True,  # a notice about waivers is not itself waivable
    )
