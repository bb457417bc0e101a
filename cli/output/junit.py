"""``--format junit``: JUnit XML for CI test reports (GitLab, Jenkins, GitHub test-report actions).

One ``<testsuite>`` per document kind, named ``ethiq.<kind>``: a kind's rules are one Rego package, so the
suite is "the vendor rules", its size is stable from run to run (documents x rules), and a file holding
documents of several kinds does not mix their rules. Suites follow the pipeline order of the kinds. Each
judged document gets one ``<testcase>`` per rule evaluated on it (``report.rules_for(kind)``, plus any rule a
finding names that has no metadata): ``classname`` is the document id (stable when files move, and Jenkins,
which splits a classname at its last dot, would turn every ``vendors/acme.yaml`` into a class ``yaml``),
``name`` is ``"RULE-ID document-id"``, and ``file``/``line`` point at the first finding (or the document)
for reporters that annotate files.

A test case fails (``<failure type="RULE-ID">``) when a finding of its rule blocks the run at
``report.fail_on``; every blocking finding is in the failure's text with file:line:column, JSON path,
status and remediation. Findings that do not block are listed in ``<system-out>``; a test case whose
findings are all waived is ``<skipped>`` with the waiver reasons. Input and engine problems are
``<error>`` test cases in a last suite, ``ethiq.problems``: the document they concern was not judged, so
it has no rule test cases. Counts on every suite and on ``<testsuites>`` are those of the elements.

Documented in docs/report-format.md.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO

from ethiq.engine import KINDS, Finding, Problem, Report
from ethiq.engine.report import Verdict, escape_control_characters, json_path

from .common import finding_order, problem_order, problem_rule_id, relative_file

PROBLEMS_SUITE = "ethiq.problems"

LABELS = {
    "en": {
        "fix": "Fix",
        "via": "via",
        "waived": "waived",
        "baselined": "in the baseline",
        "hint": "Hint",
        "more": "more",
        "exit": "exit code",
        "by": "by",
        "expires": "expires",
    },
    "sv": {
        "fix": "Åtgärd",
        "via": "via",
        "waived": "undantagen",
        "baselined": "i baslinjen",
        "hint": "Tips",
        "more": "till",
        "exit": "slutkod",
        "by": "av",
        "expires": "upphör",
    },
}

# Characters XML 1.0 cannot hold even escaped; a document's text could carry them into a message.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True, order=True)
class _Subject:
    """A judged document: what a test case's rule ran on."""

    file: str
    line: int
    id: str
    kind: str


def render(report: Report, out: TextIO) -> None:
    root = to_junit(report)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def to_junit(report: Report) -> ET.Element:
    labels = LABELS.get(report.lang, LABELS["en"])
    by_document: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_document[(finding.kind, finding.document_id, finding.file)].append(finding)
    subjects = _subjects(report, by_document)

    root = ET.Element("testsuites", name="ethiq")
    kinds = sorted({s.kind for s in subjects}, key=lambda k: (KINDS.index(k) if k in KINDS else len(KINDS), k))
    for kind in kinds:
        suite = _suite(root, f"ethiq.{kind}", report)
        rule_ids = [meta.id for meta in report.rules_for(kind)]
        for subject in sorted(s for s in subjects if s.kind == kind):
            findings = by_document.get((subject.kind, subject.id, subject.file), [])
            by_rule: dict[str, list[Finding]] = defaultdict(list)
            for finding in sorted(findings, key=finding_order):
                by_rule[finding.rule_id].append(finding)
            extra = sorted(set(by_rule) - set(rule_ids))  # findings of rules without metadata still show
            for rule_id in [*rule_ids, *extra]:
                _rule_case(suite, subject, rule_id, by_rule.get(rule_id, []), report, labels)
    if report.problems:
        suite = _suite(root, PROBLEMS_SUITE, report)
        for problem in sorted(report.problems, key=problem_order):
            _problem_case(suite, problem, labels)

    for suite in root:
        _count(suite, suite.findall("testcase"))
    _count(root, root.findall("testsuite/testcase"))
    return root


def _subjects(report: Report, by_document: Mapping[tuple[str, str, str], Sequence[Finding]]) -> set[_Subject]:
    """Every judged document, and any document a finding names (a finding is never dropped)."""
    subjects: dict[tuple[str, str, str], _Subject] = {}
    for document in report.documents:
        if document.id and document.kind and document.verdict not in (Verdict.INVALID, Verdict.ERROR):
            key = (document.kind, document.id, document.file)
            subjects[key] = _Subject(document.file, document.line, document.id, document.kind)
    for key, findings in by_document.items():
        if key not in subjects:
            first = min(findings, key=finding_order)
            subjects[key] = _Subject(first.file, first.line or 1, first.document_id, first.kind)
    return set(subjects.values())


def _suite(root: ET.Element, name: str, report: Report) -> ET.Element:
    suite = ET.SubElement(root, "testsuite", name=name)
    properties = ET.SubElement(suite, "properties")
    for key, value in (
        ("as_of", report.as_of),
        ("fail_on", report.fail_on),
        ("lang", report.lang),
        ("exit_code", str(int(report.exit_code))),
        *((("waivers", report.waivers_file),) if report.waivers_file else ()),
        *((("config", report.config_file),) if report.config_file else ()),
        *(("context_relaxation", r.describe()) for r in report.context_relaxations),
    ):
        ET.SubElement(properties, "property", name=key, value=value)
    for notice in report.notices:
        ET.SubElement(properties, "property", name=f"notice.{notice.code}", value=notice.message)
    return suite


def _rule_case(
    suite: ET.Element,
    subject: _Subject,
    rule_id: str,
    findings: Sequence[Finding],
    report: Report,
    labels: Mapping[str, str],
) -> None:
    line = findings[0].line if findings and findings[0].line else subject.line
    case = ET.SubElement(
        suite,
        "testcase",
        classname=_xml(subject.id),
        name=_xml(f"{rule_id} {subject.id}"),
        file=_xml(relative_file(subject.file)[0]),
        line=str(line),
        time="0",
    )
    blocking = [f for f in findings if f.blocks_at(report.fail_on)]
    others = [f for f in findings if not f.blocks_at(report.fail_on)]
    if blocking:
        message = blocking[0].message
        if len(blocking) > 1:
            message += f" (+{len(blocking) - 1} {labels['more']})"
        failure = ET.SubElement(case, "failure", message=_xml(message), type=_xml(rule_id))
        failure.text = _xml(_details(blocking, labels))
    elif others and all(f.is_accepted for f in others):
        reasons = dict.fromkeys(_waiver_reason(f) if f.is_waived else labels["baselined"] for f in others)
        skipped = ET.SubElement(case, "skipped", message=_xml(f"{labels['waived']}: " + "; ".join(reasons)))
        skipped.text = _xml(_details(others, labels))
        return
    if others:
        ET.SubElement(case, "system-out").text = _xml(_details(others, labels))


def _problem_case(suite: ET.Element, problem: Problem, labels: Mapping[str, str]) -> None:
    rule_id = problem_rule_id(problem)
    file = relative_file(problem.file)[0] if problem.file is not None else None
    subject = problem.document_id or file or "ethiq"
    path = json_path(problem.path) if problem.path is not None else None
    name = f"{rule_id} {subject}" + (f" {path}" if path else "")
    case = ET.SubElement(suite, "testcase", classname=_xml(subject), name=_xml(name))
    if file is not None:
        case.set("file", _xml(file))
    if problem.line is not None:
        case.set("line", str(problem.line))
    case.set("time", "0")
    # A path a directory walk skipped is reported but fails nothing: a skipped case, not an error.
    outcome = "error" if problem.exit_code else "skipped"
    error = ET.SubElement(case, outcome, message=_xml(problem.message), type=_xml(rule_id))
    lines = [_where(file or "-", problem.line, problem.column) + (f"  {path}" if path else ""), problem.message]
    if problem.hint:
        lines.append(f"{labels['hint']}: {problem.hint}")
    lines.append(f"{labels['exit']} {int(problem.exit_code)}")
    error.text = _xml("\n".join(lines))


def _details(findings: Iterable[Finding], labels: Mapping[str, str]) -> str:
    blocks = []
    for f in findings:
        status = f"{f.status} ({f.severity})"
        lines = [f"{_where(relative_file(f.file)[0], f.line, f.column)}  {f.document_id} {f.json_path}", status]
        lines.append(f.message)
        if f.trace:
            lines.append(f"{labels['via']} {' → '.join(f.trace)}")
        if f.remediation:
            lines.append(f"{labels['fix']}: {f.remediation}")
        if f.is_waived:
            lines.append(f"{labels['waived']}: {_waiver_reason(f)}" + _waiver_meta(f, labels))
        elif f.baselined:
            lines.append(labels["baselined"])
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _waiver_reason(finding: Finding) -> str:
    waiver = finding.waiver or {}
    return str(waiver.get("reason") or waiver.get("id") or "")


def _waiver_meta(finding: Finding, labels: Mapping[str, str]) -> str:
    waiver = finding.waiver or {}
    parts = [str(waiver["id"])] if waiver.get("id") else []
    if waiver.get("owner"):
        parts.append(f"{labels['by']} {waiver['owner']}")
    if waiver.get("expires"):
        parts.append(f"{labels['expires']} {waiver['expires']}")
    return f" ({', '.join(parts)})" if parts else ""


def _where(file: str, line: int | None, column: int | None) -> str:
    return ":".join(str(p) for p in (file, line, column) if p is not None)


def _count(element: ET.Element, cases: Sequence[ET.Element]) -> None:
    element.set("tests", str(len(cases)))
    for attribute, child in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
        element.set(attribute, str(sum(1 for case in cases if case.find(child) is not None)))
    element.set("time", "0")


def _xml(text: str) -> str:
    """Text for XML: control characters spelled out (line breaks kept), what XML cannot hold replaced."""
    return _NOT_XML.sub("\ufffd", escape_control_characters(text, keep="\n"))
