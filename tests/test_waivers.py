"""Waivers: loading and validating the file, and applying it to a real report of the example campaign.

Which rules are waivable belongs to the policy set, which changes; so the waivable findings used here are
picked from the report by what they are (blocking, of a waivable rule, on a document...), and each test
first asserts that such a finding exists.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import AS_OF, FIXTURES
from ethiq.engine import DocumentResult, ExitCode, Finding, InputError, Report
from ethiq.engine.judge.waivers import (
    EXPIRED_RULE,
    UNUSED_RULE,
    WaiverFileError,
    apply_waivers,
    load_waivers,
    parse_waivers,
)
from ethiq.engine.report import ProblemKind

EXAMPLE = FIXTURES / "example-campaign"
DAY = dt.timedelta(days=1)
TODAY = dt.date.fromisoformat(AS_OF)
REASON = "Accepted by the DPO after review; see the minutes."


@pytest.fixture(scope="module")
def report(example_checker) -> Report:  # type: ignore[no-untyped-def]
    report: Report = example_checker.check([EXAMPLE])
    assert report.as_of == AS_OF
    assert report.is_blocking
    return report


def waivable(report: Report, finding: Finding) -> bool:
    return not finding.non_waivable and not report.rules[finding.rule_id].non_waivable


def a_waivable_blocking_finding(report: Report) -> Finding:
    found = [f for f in report.findings if f.is_blocking and waivable(report, f)]
    assert found, "the example campaign has no waivable blocking finding any more"
    return found[0]


def waiver_yaml(*entries: dict[str, object]) -> str:
    """A waiver file, one entry per mapping; values are written as JSON, which YAML reads as is."""
    lines = ["waivers:"]
    for entry in entries:
        first = True
        for key, value in entry.items():
            lines.append(f"  {'- ' if first else '  '}{key}: {json.dumps(value)}")
            first = False
    return "\n".join(lines) + "\n"


def entry(finding: Finding, **overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "W-1",
        "rule": finding.rule_id,
        "documents": finding.document_id,
        "reason": REASON,
        "owner": "dpo@example.org",
        "expires": (TODAY + 30 * DAY).isoformat(),
    }
    base.update(overrides)
    return base


def write(tmp_path: Path, text: str, name: str = "ethiq-waivers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def same(a: Finding, b: Finding) -> bool:
    return (a.fingerprint, a.status, a.line) == (b.fingerprint, b.status, b.line)


# --- applying ------------------------------------------------------------------------------------------


def test_valid_waiver_is_recorded_on_the_finding_and_stops_it_blocking(report: Report, tmp_path: Path) -> None:
    target = a_waivable_blocking_finding(report)
    file = write(tmp_path, waiver_yaml(entry(target, path=target.json_path, ticket="DPO-42")))

    waived = apply_waivers(report, load_waivers(file))

    matches = [f for f in waived.findings if f.fingerprint == target.fingerprint and f.waiver is not None]
    assert matches
    assert matches[0].waiver == {
        "id": "W-1",
        "reason": REASON,
        "owner": "dpo@example.org",
        "expires": (TODAY + 30 * DAY).isoformat(),
        "file": str(file),
        "line": 2,
    }
    assert not matches[0].is_blocking
    assert matches[0].to_dict()["waiver"]["id"] == "W-1"
    # still visible: nothing removed, nothing but the waiver changed
    assert len(waived.findings) == len(report.findings)
    assert tuple(dataclasses.replace(f, waiver=None) for f in waived.findings) == report.findings
    assert len(waived.blocking) == len(report.blocking) - len(matches)
    assert waived.summary()["waived"] == len(matches)
    assert not waived.problems
    # the input report is untouched
    assert all(f.waiver is None for f in report.findings)


def test_waiving_every_blocking_finding_passes_the_run(report: Report, tmp_path: Path) -> None:
    target = a_waivable_blocking_finding(report)
    only = dataclasses.replace(
        report,
        documents=[DocumentResult(target.document_id, target.kind, target.file, 1, "fail")],
        findings=[target],
        problems=[],
    )
    assert only.exit_code == ExitCode.BLOCKING

    waived = apply_waivers(only, parse_waivers(waiver_yaml(entry(target, path=target.json_path))))

    assert waived.exit_code == ExitCode.OK
    assert waived.documents[0].verdict == "warn"  # judged, with findings that no longer block
    assert only.documents[0].verdict == "fail"


@pytest.mark.parametrize(
    ("expires", "applies"),
    [(TODAY + DAY, True), (TODAY, True), (TODAY - DAY, False), (TODAY - 365 * DAY, False)],
    ids=["tomorrow", "boundary-day", "yesterday", "last-year"],
)
def test_expiry_is_relative_to_as_of_and_the_expiry_day_still_counts(
    report: Report, tmp_path: Path, expires: dt.date, applies: bool
) -> None:
    target = a_waivable_blocking_finding(report)
    file = write(tmp_path, waiver_yaml(entry(target, path=target.json_path, expires=expires.isoformat())))

    waived = apply_waivers(report, load_waivers(file))

    finding = next(f for f in waived.findings if same(f, target))
    notices = [f for f in waived.findings if f.rule_id == EXPIRED_RULE]
    assert finding.is_waived is applies
    assert finding.is_blocking is not applies
    if applies:
        assert not notices
    else:
        [notice] = notices
        assert (notice.severity, notice.kind, notice.document_id) == ("warn", "waiver", "W-1")
        assert (notice.file, notice.line, notice.json_path) == (str(file), 2, "$.waivers[0]")
        assert expires.isoformat() in notice.message
        assert AS_OF in notice.message
        assert not notice.is_blocking  # at the default threshold; --fail-on warn would fail on it
        assert notice.blocks_at("warn")
    assert not waived.problems  # an expired waiver never makes the input unusable


def test_expiry_follows_the_reports_date_not_the_clock(report: Report) -> None:
    target = a_waivable_blocking_finding(report)
    waivers = parse_waivers(waiver_yaml(entry(target, expires=AS_OF)))

    later = apply_waivers(dataclasses.replace(report, as_of=(TODAY + DAY).isoformat()), waivers)
    on_the_day = apply_waivers(report, waivers)

    assert any(f.rule_id == EXPIRED_RULE for f in later.findings)
    assert not any(f.rule_id == EXPIRED_RULE for f in on_the_day.findings)


def test_a_waiver_that_matches_nothing_is_reported_as_unused(report: Report, tmp_path: Path) -> None:
    target = a_waivable_blocking_finding(report)
    text = waiver_yaml(
        entry(target, id="W-used"),
        entry(target, id="W-typo", documents="ds_no_such_document"),
        entry(target, id="W-wrong-path", path="$.no.such.path"),
    )
    file = write(tmp_path, text)

    waived = apply_waivers(report, load_waivers(file))

    unused = [f for f in waived.findings if f.rule_id == UNUSED_RULE]
    assert [(n.document_id, n.line, n.json_path) for n in unused] == [
        ("W-typo", 8, "$.waivers[1]"),
        ("W-wrong-path", 14, "$.waivers[2]"),
    ]
    assert all(n.severity == "info" and n.file == str(file) and "W-" in n.message for n in unused)
    assert waived.exit_code == report.exit_code  # notices never block at the default threshold
    assert not waived.problems


def test_first_matching_waiver_wins_and_the_second_is_still_used(report: Report) -> None:
    target = a_waivable_blocking_finding(report)
    waivers = parse_waivers(waiver_yaml(entry(target, id="W-first"), entry(target, id="W-second")))

    waived = apply_waivers(report, waivers)

    assert next(f for f in waived.findings if same(f, target)).waiver["id"] == "W-first"  # type: ignore[index]
    assert not any(f.rule_id == UNUSED_RULE for f in waived.findings)


def test_non_waivable_rule_is_refused_with_exit_2(report: Report, tmp_path: Path) -> None:
    assert report.rules["DAT-005"].non_waivable
    target = next(
        f
        for f in report.findings
        if (f.rule_id, f.document_id, f.json_path) == ("DAT-005", "ds_quiz_2026", "$.collection.method")
    )
    file = write(tmp_path, waiver_yaml(entry(target, id="W-quiz", path=target.json_path)))

    waived = apply_waivers(report, load_waivers(file))

    [problem] = waived.problems
    assert problem.kind == ProblemKind.WAIVER
    assert (problem.file, problem.line, problem.path) == (str(file), 2, ("waivers", 0))
    assert "non-waivable" in problem.message
    assert "W-quiz" in problem.message
    assert waived.exit_code == ExitCode.INPUT_ERROR
    assert all(not f.is_waived for f in waived.findings if f.rule_id == "DAT-005")
    assert any(same(f, target) and f.is_blocking for f in waived.findings)


def test_unknown_rule_is_refused_with_exit_2(report: Report) -> None:
    target = a_waivable_blocking_finding(report)
    waived = apply_waivers(report, parse_waivers(waiver_yaml(entry(target, rule="XYZ-999"))))

    [problem] = waived.problems
    assert (problem.kind, problem.line, problem.path) == (ProblemKind.WAIVER, 2, ("waivers", 0))
    assert "XYZ-999" in problem.message
    assert waived.exit_code == ExitCode.INPUT_ERROR
    assert not any(f.is_waived for f in waived.findings)
    assert not any(f.kind == "waiver" for f in waived.findings)  # refused, so neither used nor unused


def test_document_glob_and_list_waive_every_matching_document(report: Report) -> None:
    by_rule: dict[str, set[str]] = defaultdict(set)
    for finding in report.findings:
        if waivable(report, finding) and finding.document_id.startswith("ds_"):
            by_rule[finding.rule_id].add(finding.document_id)
    rule, documents = max(by_rule.items(), key=lambda item: len(item[1]))
    assert len(documents) >= 2, "no waivable rule fires on two data sources any more"
    template = next(f for f in report.findings if f.rule_id == rule)
    one = sorted(documents)[0]

    globbed = apply_waivers(report, parse_waivers(waiver_yaml(entry(template, documents="ds_*"))))
    listed = apply_waivers(report, parse_waivers(waiver_yaml(entry(template, documents=[one, "nothing_*"]))))
    case = apply_waivers(report, parse_waivers(waiver_yaml(entry(template, documents="DS_*"))))

    assert {f.document_id for f in globbed.findings if f.is_waived} == documents
    assert {f.document_id for f in listed.findings if f.is_waived} == {one}
    assert not any(f.is_waived for f in case.findings)  # ids are case-sensitive


def test_path_waives_only_the_finding_at_that_path(report: Report) -> None:
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for finding in report.findings:
        if waivable(report, finding):
            groups[finding.rule_id, finding.document_id].add(finding.json_path)
    (rule, document), paths = max(groups.items(), key=lambda item: len(item[1]))
    assert len(paths) >= 2, "no waivable rule fires twice on one document any more"
    chosen = sorted(paths)[0]
    template = next(f for f in report.findings if (f.rule_id, f.document_id) == (rule, document))

    waived = apply_waivers(report, parse_waivers(waiver_yaml(entry(template, path=chosen))))

    assert {f.json_path for f in waived.findings if f.is_waived} == {chosen}
    assert {f.json_path for f in waived.findings if (f.rule_id, f.document_id) == (rule, document)} == paths


def test_files_glob_is_relative_to_the_waiver_file(checker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    campaign = tmp_path / "campaign"
    shutil.copytree(EXAMPLE, campaign)
    copied: Report = checker.check([campaign])
    target = a_waivable_blocking_finding(copied)
    relative = Path(target.file).relative_to(campaign).as_posix()
    folder = relative.split("/")[0]
    text = waiver_yaml(
        entry(target, id="W-here", files=f"{folder}/*.yaml"),
        entry(target, id="W-elsewhere", files=["no-such-folder/", "/*.yaml"]),
    )
    file = write(campaign, text)

    waived = apply_waivers(copied, load_waivers(file))

    assert {f.waiver["id"] for f in waived.findings if f.waiver} == {"W-here"}  # type: ignore[index]
    assert [f.document_id for f in waived.findings if f.rule_id == UNUSED_RULE] == ["W-elsewhere"]


def test_notices_follow_the_report_language(report: Report) -> None:
    target = a_waivable_blocking_finding(report)
    swedish = dataclasses.replace(report, lang="sv")
    waived = apply_waivers(swedish, parse_waivers(waiver_yaml(entry(target, documents="nobody"))))
    [notice] = [f for f in waived.findings if f.rule_id == UNUSED_RULE]
    assert notice.title == "Undantaget används inte"


# --- loading -------------------------------------------------------------------------------------------

MALFORMED = """\
waivers:
  - id: W-1
    rule: DAT-012
    documents: ds_quiz_2026
    reason: because
    owner: dpo
    expires: 2026-13-01
  - id: W-2
    rule: DAT-012
    documents: []
    reason: Retention is documented in the record of processing.
    expirs: 2027-01-01
    x-jira: ETHIQ-1
  - id: W-1
    rule: DAT-011
    documents: ds_quiz_2026
    reason: "                         x"
    owner: dpo
    expires: 2027-01-01
    created: 2027-02-01
x-generated-by: hand
"""


def test_malformed_file_lists_every_violation_with_line_and_json_path(tmp_path: Path) -> None:
    file = write(tmp_path, MALFORMED)

    with pytest.raises(WaiverFileError) as caught:
        load_waivers(file)

    error = caught.value
    assert isinstance(error, InputError)
    assert error.exit_code == 2
    assert error.file == str(file)
    located = {(v.json_path, v.line) for v in error.violations}
    assert located >= {
        ("$.waivers[0].reason", 5),  # too short
        ("$.waivers[0].expires", 7),  # not a date
        ("$.waivers[1]", 8),  # no owner, no expires
        ("$.waivers[1].documents", 10),  # an empty list
        ("$.waivers[1].expirs", 12),  # unknown field
        ("$.waivers[2].reason", 17),  # padding is not a reason
    }
    assert not any("x-jira" in v.json_path or "x-generated" in v.json_path for v in error.violations)
    assert any("did you mean 'expires'" in v.message for v in error.violations)
    assert f"{file}:5" in str(error)


def test_semantic_checks_run_once_the_schema_holds() -> None:
    text = MALFORMED.replace("reason: because", "reason: Kept for the audit until March.")
    text = text.replace("2026-13-01", "2026-12-01").replace("documents: []", "documents: [ds_a]")
    text = text.replace("expirs:", "owner: dpo\n    expires:").replace(
        '"                         x"', "Reviewed at the board meeting."
    )

    with pytest.raises(WaiverFileError) as caught:
        parse_waivers(text, file="w.yaml")

    assert {(v.json_path, v.line) for v in caught.value.violations} == {
        ("$.waivers[2].id", 15),  # duplicate id
        ("$.waivers[2].created", 21),  # created after expires
    }


@pytest.mark.parametrize(
    ("text", "line"),
    [("waivers: [\n  {id: W-1\n", 3), ("- just\n- a list\n", 1), ("", 1), ("{}", 1)],
    ids=["yaml-syntax", "not-a-mapping", "empty", "no-waivers-key"],
)
def test_unreadable_or_shapeless_files_are_input_errors(tmp_path: Path, text: str, line: int | None) -> None:
    file = write(tmp_path, text)
    with pytest.raises(WaiverFileError) as caught:
        load_waivers(file)
    assert caught.value.file == str(file)
    assert caught.value.violations[0].line == line


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(WaiverFileError, match="cannot read"):
        load_waivers(tmp_path / "absent.yaml")


def test_json_waiver_file_with_lines(tmp_path: Path) -> None:
    data = {
        "$schema": "https://ethiq.dev/schemas/waivers.schema.json",
        "waivers": [
            {
                "id": "W-json",
                "rule": "DAT-012",
                "documents": ["ds_*"],
                "reason": REASON,
                "owner": "dpo",
                "expires": "2027-01-01",
                "created": "2026-11-01",
            }
        ],
    }
    file = write(tmp_path, json.dumps(data, indent=2), name="waivers.json")

    waivers = load_waivers(file)

    [waiver] = waivers
    assert (waiver.id, waiver.documents, waiver.line) == ("W-json", ("ds_*",), 4)
    assert waiver.expires == dt.date(2027, 1, 1)
    assert waiver.created == dt.date(2026, 11, 1)
    assert len(waivers) == 1


def test_files_glob_never_matches_standard_input(report: Report) -> None:
    target = dataclasses.replace(a_waivable_blocking_finding(report), file="-")
    only = dataclasses.replace(report, findings=[target], problems=[])

    waived = apply_waivers(only, parse_waivers(waiver_yaml(entry(target, files="*"))))

    assert not waived.findings[0].is_waived
    assert waived.findings[1].rule_id == UNUSED_RULE
