"""Baselines: the findings a repository had when it adopted ethiq, accepted as they stand, so only new ones fail.

A baseline file lists fingerprints of findings (:attr:`Finding.fingerprint`: rule, document, path and
graph route, not file or line, so reformatting keeps them), each with its rule, kind, document and JSON path
so that a review of the file reads like a list of findings::

    # ethiq baseline ...
    version: 1
    findings:
      - fingerprint: "1f0c..."
        rule: "DAT-012"
        kind: "data_source"
        document: "ds_newsletter"
        path: "$.retention_days"

Entries are sorted by rule, document, path and fingerprint, so a new baseline differs from the old one
only where findings came or went. :func:`apply_baseline` marks a finding whose fingerprint the file holds
as ``baselined`` (shown, never blocking) and reports the entries no finding matched (``disappeared``: fixed,
or outside this run). Findings of non-waivable rules are never baselined: :func:`baseline_of` leaves them
out (and lists them), and an entry of such a rule in a file is refused with a ``baseline_error`` problem
(exit 2), like a waiver of it. Waived findings are left out as well: their waiver already accepts them, and
when it expires they must count again.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DocumentReadError, InputError
from ..read import DEFAULT_LIMITS, ReadLimits, parse_documents, read_text
from ..read.formats import JSON_SUFFIXES
from ..report import BaselineEntry, BaselineOutcome, Finding, Problem, ProblemKind, Report
from .passes import apply_deciders

VERSION = 1
ENTRY_KEYS = ("fingerprint", "rule", "kind", "document", "path")
_FINGERPRINT = re.compile(r"^[0-9a-f]{32}$")


class BaselineFileError(InputError):
    """The baseline file cannot be used: unreadable, unparsable, or not the documented shape (exit 2)."""

    def __init__(self, file: str, message: str, line: int | None = None):
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")
        self.file = file
        self.line = line


@dataclass(frozen=True, slots=True)
class Baseline:
    """The entries of a baseline file (or of one being created), sorted, and where each stands."""

    entries: tuple[BaselineEntry, ...]
    file: str = ""
    lines: Mapping[str, int] | None = None  # fingerprint -> line of its entry in the file
    left_out: tuple[Finding, ...] = ()  # when created: findings of non-waivable rules, which cannot be baselined

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(entry.fingerprint for entry in self.entries)

    def dumps(self) -> str:
        """The file's text: YAML, one entry per finding, values JSON-quoted so that any id reads back exactly."""
        lines = [
            "# ethiq baseline: findings accepted as they stood when it was created. `ethiq check --baseline FILE`",
            "# fails only on findings not listed here. Recreate it with `ethiq baseline create PATHS -o FILE`;",
            "# findings of non-waivable rules are never listed.",
            f"version: {VERSION}",
            "findings:" if self.entries else "findings: []",
        ]
        for entry in self.entries:
            for number, key in enumerate(ENTRY_KEYS):
                lines.append(
                    f"  {'- ' if number == 0 else '  '}{key}: {json.dumps(getattr(entry, key), ensure_ascii=False)}"
                )
        return "\n".join(lines) + "\n"

    def write(self, path: str | os.PathLike[str]) -> None:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.dumps(), encoding="utf-8")


def entry_of(finding: Finding) -> BaselineEntry:
    return BaselineEntry(finding.fingerprint, finding.rule_id, finding.kind, finding.document_id, finding.json_path)


def _entry_order(entry: BaselineEntry) -> tuple[str, ...]:
    return (entry.rule, entry.document, entry.path, entry.fingerprint)


def baseline_of(report: Report) -> Baseline:
    """A baseline accepting every finding of ``report`` that may be accepted: not waived, not non-waivable."""
    entries: dict[str, BaselineEntry] = {}
    left_out: list[Finding] = []
    for finding in report.findings:
        if finding.is_accepted:
            continue
        if _non_waivable(finding.rule_id, report) or finding.non_waivable:
            left_out.append(finding)
            continue
        entries.setdefault(finding.fingerprint, entry_of(finding))
    return Baseline(tuple(sorted(entries.values(), key=_entry_order)), left_out=tuple(left_out))


def _non_waivable(rule_id: str, report: Report) -> bool:
    meta = report.rules.get(rule_id)
    return meta is not None and meta.non_waivable


# --- loading -------------------------------------------------------------------------------------------


def load_baseline(path: str | os.PathLike[str], limits: ReadLimits = DEFAULT_LIMITS) -> Baseline:
    """Read a baseline file; raises :class:`BaselineFileError` when it is not usable."""
    file = str(path)
    try:  # bounded as documents are: a FIFO or /dev/zero named as the baseline is refused, not read
        text = read_text(path, limits)
    except DocumentReadError as err:
        raise BaselineFileError(file, f"cannot read: {err}", err.line) from err
    return parse_baseline(text, file=file, fmt="json" if Path(path).suffix.lower() in JSON_SUFFIXES else None)


def parse_baseline(text: str, *, file: str = "<string>", fmt: str | None = None) -> Baseline:
    """Validate the text of a baseline file (YAML or JSON); every key is checked, none ignored."""
    try:
        documents = parse_documents(text, name=file, fmt=fmt)
    except DocumentReadError as err:
        message = str(err)
        if "must be a mapping" in message:
            message = "a baseline file is a mapping with 'version' and 'findings'"
        raise BaselineFileError(file, message, err.line) from err
    if len(documents) != 1:
        raise BaselineFileError(file, f"expected one mapping with 'version' and 'findings', found {len(documents)}")
    document = documents[0]
    data = document.data

    def fail(message: str, *path: str | int) -> BaselineFileError:
        position = document.locate(path)
        return BaselineFileError(file, message, position[0] if position else None)

    unknown = sorted(set(data) - {"version", "findings"})
    if unknown:
        raise fail(f"unknown key {unknown[0]!r}; a baseline file has 'version' and 'findings'", unknown[0])
    if data.get("version") != VERSION:
        raise fail(f"version must be {VERSION}, not {data.get('version')!r}", "version")
    items = data.get("findings")
    if not isinstance(items, list):
        raise fail("'findings' must be a list of entries", "findings")
    entries: list[BaselineEntry] = []
    lines: dict[str, int] = {}
    for index, item in enumerate(items):
        entries.append(_entry(item, index, fail))
        position = document.locate(("findings", index))
        if entries[-1].fingerprint in lines:
            raise fail(f"duplicate fingerprint {entries[-1].fingerprint}", "findings", index, "fingerprint")
        lines[entries[-1].fingerprint] = position[0] if position else 0
    return Baseline(tuple(entries), file=file, lines=lines)


def _entry(item: Any, index: int, fail: Any) -> BaselineEntry:
    if not isinstance(item, dict):
        raise fail(f"findings[{index}] must be a mapping with {', '.join(ENTRY_KEYS)}", "findings", index)
    keys = set(item)
    if keys != set(ENTRY_KEYS):
        extra, missing = sorted(keys - set(ENTRY_KEYS)), sorted(set(ENTRY_KEYS) - keys)
        detail = f"unknown key {extra[0]!r}" if extra else f"missing {', '.join(missing)}"
        raise fail(f"findings[{index}]: {detail}; an entry has {', '.join(ENTRY_KEYS)}", "findings", index)
    for key in ENTRY_KEYS:
        if not isinstance(item[key], str) or not item[key]:
            raise fail(f"findings[{index}].{key} must be a non-empty string", "findings", index, key)
    if not _FINGERPRINT.match(item["fingerprint"]):
        raise fail(f"findings[{index}].fingerprint must be 32 hex digits", "findings", index, "fingerprint")
    return BaselineEntry(**{key: item[key] for key in ENTRY_KEYS})


# --- applying ------------------------------------------------------------------------------------------


def apply_baseline(report: Report, baseline: Baseline) -> Report:
    """A new report in which findings the baseline holds are ``baselined``, with the baseline's outcome."""
    return apply_deciders(report, [BaselineDecider(report, baseline)])


class BaselineDecider:
    """A baseline applied to findings one at a time (a :class:`~.passes.Decider`): a finding nobody accepted
    whose fingerprint the baseline holds is ``baselined``; only the fingerprints matched are remembered."""

    accepts = True

    def __init__(self, report: Report, baseline: Baseline):
        self._baseline = baseline
        self._refused = {e.fingerprint for e in baseline.entries if _non_waivable(e.rule, report)}
        self._accepted = baseline.fingerprints - self._refused
        self._matched: set[str] = set()

    def decide(self, finding: Finding) -> Finding:
        if finding.is_accepted or finding.non_waivable or not self._accepted:
            return finding
        fingerprint = finding.fingerprint
        if fingerprint not in self._accepted:
            return finding
        self._matched.add(fingerprint)
        return dataclasses.replace(finding, baselined=True)

    def added(self) -> list[Finding]:
        return []

    def problems(self) -> list[Problem]:
        baseline = self._baseline
        return [_refusal(entry, baseline) for entry in baseline.entries if entry.fingerprint in self._refused]

    def fields(self) -> dict[str, Any]:
        baseline, accepted, matched = self._baseline, self._accepted, self._matched
        disappeared = tuple(e for e in baseline.entries if e.fingerprint in accepted and e.fingerprint not in matched)
        return {"baseline": BaselineOutcome(baseline.file, len(baseline.entries), len(matched), disappeared)}


def _refusal(entry: BaselineEntry, baseline: Baseline) -> Problem:
    line = (baseline.lines or {}).get(entry.fingerprint)
    return Problem(
        ProblemKind.BASELINE,
        f"rule {entry.rule} is non-waivable: the baseline entry for {entry.document} {entry.path} is refused",
        baseline.file or None,
        line or None,
        None,
        None,
        hint="fix the finding and remove the entry; the party's code of conduct admits no exception to this rule",
    )
