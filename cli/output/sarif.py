"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and any SARIF viewer.

One run. ``tool.driver.rules`` holds every rule of the policy set (sorted by id), then any rule id a finding
names that has no ``# METADATA`` (a conftest-style string message), then the synthetic rules under which input
and engine problems are reported (``ethiq/read-error``, ...). Results are the findings, sorted by file, line,
column, rule, document, path and message, then the problems, sorted the same way, so two runs over the same
input give the same log. A finding's level is ``error`` when it fails the run at ``report.fail_on``, else its
severity's level; a waived finding keeps its level and carries an accepted external suppression, which
GitHub shows as a dismissed alert. There is no ``security-severity``: it is a CVSS-like score that turns a
rule into a "security" alert on GitHub, and ethiq's rules rank ethics and data protection, not exploitability.

Documented in docs/report-format.md.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from functools import cache
from importlib import metadata
from itertools import chain
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote, unquote, urlparse

from ethiq.engine import ExitCode, Finding, Problem, Report, RuleMeta
from ethiq.engine.report import is_file_name, json_path, sorted_findings

from ..catalog import rule_anchor
from .common import (
    PROBLEM_RULES,
    escape_markdown,
    exit_meaning,
    finding_order,
    problem_fingerprint,
    problem_order,
    problem_rule_id,
    relative_file,
)
from .streaming import write_json

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "ethiq/v1"
LEVELS = {"block": "error", "warn": "warning", "info": "note"}

PROBLEM_TITLES = {
    "en": {
        "read_error": "Input could not be read or parsed",
        "schema_violation": "Document does not match its schema",
        "duplicate_id": "Two documents of a kind share an id",
        "waiver_error": "Waiver is invalid or does not apply",
        "context_error": "A policy context among the checked files would relax the policy",
        "engine_error": "Policy engine failed on a document",
        "policy_error": "Policy set is broken",
    },
    "sv": {
        "read_error": "Indata kunde inte läsas eller tolkas",
        "schema_violation": "Dokumentet följer inte sitt schema",
        "duplicate_id": "Två dokument av samma slag har samma id",
        "waiver_error": "Undantaget är ogiltigt eller gäller inte",
        "context_error": "En policykontext bland de granskade filerna skulle lätta på policyn",
        "engine_error": "Policymotorn fallerade på ett dokument",
        "policy_error": "Policyuppsättningen är trasig",
    },
}
PROBLEM_HELP = {
    "en": "ethiq could not judge this input, so the run exits {code} ({meaning}). Fix the input and run again.",
    "sv": "ethiq kunde inte bedöma denna indata, så körningen avslutas med {code} ({meaning}). "
    "Rätta indata och kör igen.",
}
LABELS = {
    "en": {"remediation": "Remediation", "sources": "Sources", "original": "Swedish original", "hint": "Hint"},
    "sv": {"remediation": "Åtgärd", "sources": "Källor", "original": "svenskt original", "hint": "Tips"},
}


def render(report: Report, out: TextIO) -> None:
    write_json(to_sarif(report, streamed=True), out)  # the results one at a time: see .streaming


def to_sarif(report: Report, *, root: str | os.PathLike[str] | None = None, streamed: bool = False) -> dict[str, Any]:
    """The SARIF log of ``report``; artifact URIs are relative to ``root`` (default: working directory);
    ``streamed``: the run's ``results`` as an iterator, made one result at a time."""
    lang = report.lang if report.lang in LABELS else "en"
    base = os.path.abspath(root if root is not None else os.getcwd())
    problems = sorted(report.problems, key=problem_order)

    descriptors = [_rule_descriptor(report.rules[rule_id], lang) for rule_id in sorted(report.rules)]
    unknown = _first_of_unknown_rules(report)
    descriptors += [_bare_descriptor(unknown[rule_id]) for rule_id in sorted(unknown)]
    descriptors += [_problem_descriptor(kind, lang) for kind in PROBLEM_RULES]
    descriptors += [_problem_descriptor(kind, lang) for kind in sorted({p.kind for p in problems} - set(PROBLEM_RULES))]
    index = {d["id"]: i for i, d in enumerate(descriptors)}

    made = chain(
        # Sorted without holding every finding: a large run's come from disk (see Report.findings).
        (_finding_result(f, report, index, base) for f in sorted_findings(report.findings, finding_order)),
        (_problem_result(p, index, base, lang) for p in problems),
    )
    results = made if streamed else list(made)
    code = report.exit_code
    version = _version()
    driver: dict[str, Any] = {
        "name": "ethiq",
        "fullName": f"ethiq {version}",
        "version": version,
        "semanticVersion": _semantic_version(version),
        "rules": descriptors,
    }
    information_uri = _information_uri()
    if information_uri:
        driver["informationUri"] = information_uri
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [
                    {
                        "executionSuccessful": code < ExitCode.INPUT_ERROR,
                        "exitCode": int(code),
                        "exitCodeDescription": exit_meaning(code, lang, report.fail_on),
                        "properties": {
                            "as_of": report.as_of,
                            "fail_on": report.fail_on,
                            "engine": report.engine,
                            "summary": report.summary(),
                            "context_relaxations": [r.to_dict() for r in report.context_relaxations],
                            "waivers": report.waivers_file,
                            "config": report.config_file,
                        },
                        "toolConfigurationNotifications": [
                            {"level": "warning", "message": {"text": r.describe()}} for r in report.context_relaxations
                        ],
                        "toolExecutionNotifications": [
                            {
                                "descriptor": {"id": f"ethiq/{n.code}"},
                                "level": "warning",
                                "message": {"text": n.message},
                            }
                            for n in report.notices
                        ],
                    }
                ],
                "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(base)}},
                "language": lang,
                "columnKind": "unicodeCodePoints",  # ethiq counts columns in Python str characters
                "results": results,
            }
        ],
    }


# --- rules ------------------------------------------------------------------------------------------------


def _first_of_unknown_rules(report: Report) -> dict[str, Finding]:
    """For each rule id a finding names that has no metadata, its first finding in the results' order."""
    unknown = {key[0] for key in report.tally()} - set(report.rules)
    first: dict[str, Finding] = {}
    if not unknown:  # the usual case: no pass over the findings
        return first
    for finding in report.findings:
        if finding.rule_id in unknown:
            earlier = first.get(finding.rule_id)
            if earlier is None or finding_order(finding) < finding_order(earlier):
                first[finding.rule_id] = finding
    return first


def _rule_descriptor(meta: RuleMeta, lang: str) -> dict[str, Any]:
    title = meta.text("title", lang) or meta.id
    description = meta.text("description", lang) or title
    remediation = meta.text("remediation", lang)
    labels = LABELS[lang]
    tags = [*meta.kinds, meta.severity]
    if meta.non_waivable:
        tags.append("non-waivable")
    tags += [s.ref for s in meta.sources]
    return {
        "id": meta.id,
        "name": _pascal_case(meta.text("title", "en")) or meta.id,
        "shortDescription": {"text": title},
        "fullDescription": {"text": description},
        **({"helpUri": f"{docs}rules.md#{rule_anchor(meta.id)}"} if (docs := documentation_base()) else {}),
        "help": {
            "text": _help_text(remediation, meta, labels),
            "markdown": _help_markdown(remediation, meta, labels),
        },
        "defaultConfiguration": {"level": LEVELS.get(meta.severity, "warning")},
        "properties": {
            "tags": list(dict.fromkeys(tags)),
            # Deterministic rules over declared facts; an unknown fact gives needs_review, not a guess.
            "precision": "very-high",
            "severities": list(meta.severities),
            "non_waivable": meta.non_waivable,
        },
    }


def _bare_descriptor(finding: Finding) -> dict[str, Any]:
    """A rule known only from its findings: a policy without ``# METADATA``, or a notice ethiq itself adds
    (an unused waiver)."""
    title = finding.title or finding.rule_id
    return {
        "id": finding.rule_id,
        "name": _pascal_case(title) or finding.rule_id,
        "shortDescription": {"text": title},
        "fullDescription": {"text": title},
        "defaultConfiguration": {"level": LEVELS.get(finding.severity, "warning")},
        "properties": {"tags": [finding.kind]},
    }


def _problem_descriptor(kind: str, lang: str) -> dict[str, Any]:
    rule_id = PROBLEM_RULES.get(kind, f"ethiq/{kind.replace('_', '-')}")
    title = PROBLEM_TITLES[lang].get(kind, kind.replace("_", " "))
    code = ExitCode.POLICY_ERROR if kind in ("engine_error", "policy_error") else ExitCode.INPUT_ERROR
    help_text = PROBLEM_HELP[lang].format(code=int(code), meaning=exit_meaning(code, lang))
    return {
        "id": rule_id,
        "name": _pascal_case(PROBLEM_TITLES["en"].get(kind, kind.replace("_", " "))),
        "shortDescription": {"text": title},
        "fullDescription": {"text": title},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["ethiq-problem", kind], "precision": "very-high"},
    }


def _help_text(remediation: str, meta: RuleMeta, labels: Mapping[str, str]) -> str:
    lines = [f"{labels['remediation']}: {remediation}"] if remediation else []
    if meta.sources:
        lines += ["", f"{labels['sources']}:"]
        for source in meta.sources:
            lines.append(f"- {source.ref}" + (f" ({source.url})" if source.url else ""))
            if source.sv:
                lines.append(f'  {labels["original"].capitalize()}: "{source.sv}"')
            if source.en:
                lines.append(f"  {source.en}")
    return "\n".join(lines) or meta.id


def _help_markdown(remediation: str, meta: RuleMeta, labels: Mapping[str, str]) -> str:
    parts = [f"**{labels['remediation']}:** {escape_markdown(remediation)}"] if remediation else []
    if meta.sources:
        items = []
        for source in meta.sources:
            ref = (
                f"[{escape_markdown(source.ref)}]({source.url})" if source.url else f"**{escape_markdown(source.ref)}**"
            )
            if source.sv:  # the seed sentence, quoted verbatim, then its English rendering
                item = f"- {ref} ({labels['original']}):\n  > {escape_markdown(source.sv)}"
                if source.en:
                    item += f"\n\n  {escape_markdown(source.en)}"
            else:
                item = f"- {ref}" + (f": {escape_markdown(source.en)}" if source.en else "")
            items.append(item)
        parts.append(f"**{labels['sources']}:**\n\n" + "\n".join(items))
    return "\n\n".join(parts) or meta.id


# --- results ----------------------------------------------------------------------------------------------


def _finding_result(finding: Finding, report: Report, index: Mapping[str, int], base: str) -> dict[str, Any]:
    level = "error" if finding.blocks_at(report.fail_on) else LEVELS.get(finding.severity, "warning")
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index[finding.rule_id],
        "level": level,
        "message": {"text": finding.message or finding.title or finding.rule_id},
        "locations": [
            _location(finding.file, finding.line, finding.column, base, finding.document_id, finding.json_path)
        ],
        "partialFingerprints": {FINGERPRINT: finding.fingerprint},
        "properties": {
            "status": finding.status,
            "severity": finding.severity,
            "blocking": finding.blocks_at(report.fail_on),
            "document_id": finding.document_id,
            "kind": finding.kind,
            "json_path": finding.json_path,
            "trace": list(finding.trace),
            "remediation": finding.remediation,
            "non_waivable": finding.non_waivable,
        },
    }
    if finding.waiver is not None:
        waiver = _jsonable(dict(finding.waiver))
        suppression: dict[str, Any] = {"kind": "external", "status": "accepted"}
        reason = waiver.get("reason")
        if reason:
            suppression["justification"] = str(reason)
        suppression["properties"] = {"waiver": waiver}
        result["suppressions"] = [suppression]
    if report.baseline is not None:
        # SARIF's own notion: a finding the baseline holds is "unchanged", any other one "new".
        result["baselineState"] = "unchanged" if finding.baselined else "new"
        result["properties"]["baselined"] = finding.baselined
    return result


def _problem_result(problem: Problem, index: Mapping[str, int], base: str, lang: str) -> dict[str, Any]:
    rule_id = problem_rule_id(problem)
    text = problem.message
    if problem.hint:
        text += f"\n{LABELS[lang]['hint']}: {problem.hint}"
    path = json_path(problem.path) if problem.path is not None else None
    result: dict[str, Any] = {
        "ruleId": rule_id,
        "ruleIndex": index[rule_id],
        "level": "error" if problem.exit_code else "note",  # a skipped path is reported, does not fail the run
        "message": {"text": text},
        "partialFingerprints": {FINGERPRINT: problem_fingerprint(problem)},
        "properties": {
            "problem_kind": problem.kind,
            "exit_code": int(problem.exit_code),
            "document_id": problem.document_id,
            "json_path": path,
            "hint": problem.hint,
        },
    }
    if problem.file is not None:
        location = _location(problem.file, problem.line, problem.column, base, problem.document_id, path)
        if location:  # an empty location object would say nothing; a policy-wide problem may have none
            result["locations"] = [location]
    return result


def _location(
    file: str, line: int | None, column: int | None, base: str, document_id: str | None, path: str | None
) -> dict[str, Any]:
    location: dict[str, Any] = {}
    if is_file_name(file):  # standard input or memory has no artifact to point at; the logical location still names it
        physical: dict[str, Any] = {"artifactLocation": _artifact(file, base)}
        if line is not None and line >= 1:
            region: dict[str, int] = {"startLine": line}
            if column is not None and column >= 1:
                region["startColumn"] = column
            physical["region"] = region
        location["physicalLocation"] = physical
    if document_id:
        logical: dict[str, str] = {"name": document_id, "kind": "object"}
        if path is not None:
            logical["fullyQualifiedName"] = document_id + path[1:]  # "$.a.b" -> "doc.a.b"
        location["logicalLocations"] = [logical]
    return location


def _artifact(file: str, base: str) -> dict[str, str]:
    path, inside = relative_file(file, base)
    if inside:
        return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}
    return {"uri": _file_uri(path)}


def _file_uri(path: str) -> str:
    if re.match(r"^[A-Za-z]:/", path):  # Windows drive: file:///C:/...
        return "file:///" + path[:2] + quote(path[2:], safe="/")
    return "file://" + quote(path, safe="/")


def _directory_uri(directory: str) -> str:
    uri = _file_uri(Path(directory).as_posix())
    return uri if uri.endswith("/") else uri + "/"


# --- helpers ----------------------------------------------------------------------------------------------


def _pascal_case(text: str) -> str:
    words = re.findall(r"[^\W_]+", re.sub(r"['\u2019]", "", text))  # "party's" -> "Partys", not "PartyS"
    return "".join(word[:1].upper() + word[1:] for word in words)


def _jsonable(value: Any) -> Any:
    """Waivers come from YAML, whose dates are not JSON: anything not JSON-native becomes its string."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _version() -> str:
    try:
        return metadata.version("ethiq")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def _semantic_version(version: str) -> str:
    """SemVer 2.0 from a PEP 440 version: ``0.1.0`` stays, ``0.1`` -> ``0.1.0``, ``0.2.0.dev3`` -> ``0.2.0-dev3``."""
    match = re.match(r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?(.*)$", version)
    if not match:
        return "0.0.0"
    major, minor, patch, rest = match.groups()
    core = f"{major}.{minor or 0}.{patch or 0}"
    local = ""
    if "+" in rest:
        rest, local = rest.split("+", 1)
        local = "+" + re.sub(r"[^0-9A-Za-z.-]", "-", local)
    pre = re.sub(r"[^0-9A-Za-z.-]", "-", rest.lstrip(".-_"))
    return core + (f"-{pre}" if pre else "") + local


@cache
def documentation_base() -> str | None:
    """Where this ethiq's docs/ folder is, as a URI ending in ``/``, for each rule's ``helpUri``.

    The project's ``Documentation`` URL when the package declares one; else where pip installed it from
    (``direct_url.json``): a Git repository on the web gives ``<repository>/blob/<commit>/docs/``, the rules
    of exactly the version installed, and a local checkout (an editable install) its ``docs/`` folder.
    None when neither is known (a wheel from an index that declares no URL)."""
    # Every distribution named ethiq on the path, in order: a build's ``ethiq.egg-info`` in the working directory
    # may come first, and only the installed one records where it came from.
    for distribution in metadata.distributions(name="ethiq"):
        found = _documentation_of(distribution)
        if found is not None:
            return found
    return None


def _documentation_of(distribution: metadata.Distribution) -> str | None:
    for entry in distribution.metadata.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip().rstrip("/") + "/"
    try:
        direct = json.loads(distribution.read_text("direct_url.json") or "null")
    except (OSError, ValueError):
        return None
    if not isinstance(direct, dict) or not isinstance(direct.get("url"), str):
        return None
    source: str = direct["url"]
    vcs = direct.get("vcs_info")
    if isinstance(vcs, dict) and source.startswith("https://"):
        commit = vcs.get("commit_id") or vcs.get("requested_revision") or "HEAD"
        return f"{source.removesuffix('.git').rstrip('/')}/blob/{commit}/docs/"
    if source.startswith("file://"):
        docs = Path(unquote(urlparse(source).path)) / "docs"
        if (docs / "rules.md").is_file():
            return docs.as_uri() + "/"
    return None


def _information_uri() -> str | None:
    """The project's home page from the package metadata (``[project.urls]``), if it declares one."""
    try:
        meta = metadata.metadata("ethiq")
    except metadata.PackageNotFoundError:
        return None
    urls: dict[str, str] = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if url.strip():
            urls[label.strip().lower()] = url.strip()
    for key in ("homepage", "documentation", "repository", "source"):
        if key in urls:
            return urls[key]
    home = meta.get_all("Home-page") or []
    return str(home[0]) if home else None
