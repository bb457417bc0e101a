"""The CI report formats (sarif, junit, github) over real reports: the example campaign, a directory with an
unparsable and a schema-invalid file, and synthetic findings where the fixtures have none (a waiver, text
that needs escaping). Every finding must reach every format with its line and column."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
from jsonschema import Draft4Validator
from jsonschema.validators import validator_for

from conftest import AS_OF, FIXTURES, ROOT
from ethiq.cli.output import FORMATS, renderer
from ethiq.cli.output.github import command_lines, job_summary, write_job_summary
from ethiq.cli.output.sarif import to_sarif
from ethiq.cli.output.streaming import write_json
from ethiq.engine import KINDS, Finding, Report

EXAMPLE = FIXTURES / "example-campaign"
SARIF_SCHEMA = Path(os.environ.get("ETHIQ_SARIF_SCHEMA", "/work/shared/schemas/sarif-schema-2.1.0.json"))
QUIZ = "fixtures/example-campaign/data-sources/quiz-which-leader.yaml"
WAIVER = {
    "id": "W-7",
    "reason": "Board decision 2026-11-01: 100% reviewed, see minutes §4, item 2",
    "owner": "dpo@example.org",
    "expires": "2027-01-31",
}

UNPARSABLE = "kind: vendor\nid: ven_broken\nroles: [media_agency, dsp\nlegal_name: Broken Media AB\n"
SCHEMA_INVALID = (
    'kind: vendor\nid: ven_yes\nlegal_name: Ja Tack AB\nservices_declared:\n  psychographic_profiling: "no"\n'
)


# --- reports ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An unparsable file and a schema-invalid one whose name needs percent-encoding in a URI."""
    directory = tmp_path_factory.mktemp("bad inputs")
    (directory / "broken.yaml").write_text(UNPARSABLE, encoding="utf-8")
    (directory / "leverantör ogiltig.yaml").write_text(SCHEMA_INVALID, encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def example(example_checker: Any) -> Report:
    report: Report = example_checker.check([EXAMPLE])
    assert report.findings, "the example campaign must have findings for these tests to mean anything"
    return report


@pytest.fixture(scope="module")
def mixed(example_checker: Any, bad_inputs: Path) -> Report:
    report: Report = example_checker.check([EXAMPLE, bad_inputs])
    kinds = {p.kind for p in report.problems}
    assert {"read_error", "schema_violation"} <= kinds, report.problems
    return report


@pytest.fixture(scope="module")
def waived(example: Report) -> Report:
    """Every DAT-005 finding on ds_quiz_2026 waived (a synthetic waiver: the fixtures have none)."""
    findings = [dataclasses.replace(f, waiver=dict(WAIVER)) if _is_quiz_dat005(f) else f for f in example.findings]
    assert sum(1 for f in findings if f.is_waived) >= 2
    return dataclasses.replace(example, findings=findings)


def _is_quiz_dat005(finding: Finding) -> bool:
    return finding.rule_id == "DAT-005" and finding.document_id == "ds_quiz_2026"


def _finding(**changes: Any) -> Finding:
    base = Finding(
        rule_id="TST-001",
        severity="block",
        status="fail",
        title="Test rule",
        message="50% done: first, second\nnext line\r\nend",
        remediation="Fix it: now, please",
        document_id="doc:1,a",
        kind="vendor",
        file="dir, with: colon/a%b.yaml",
        line=3,
        column=7,
        path=("a", 0),
    )
    return dataclasses.replace(base, **changes)


def _render(fmt: str, report: Report) -> str:
    out = io.StringIO()
    renderer(fmt)(report, out)
    return out.getvalue()


def _where(finding: Finding, root: Path = ROOT) -> tuple[str, int | None, int | None]:
    return os.path.abspath(os.path.join(root, finding.file)), finding.line, finding.column


# --- registry ---------------------------------------------------------------------------------------------


def test_every_format_is_registered_and_renders(example: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert {"sarif", "junit", "github"} <= set(FORMATS)
    for fmt in FORMATS:
        assert _render(fmt, example).strip(), fmt
    with pytest.raises(ValueError, match="unknown format"):
        renderer("xml")


# --- SARIF ------------------------------------------------------------------------------------------------


def test_json_and_sarif_are_written_as_they_are_made_and_read_as_their_values(
    example: Report, mixed: Report, waived: Report
) -> None:
    """The JSON and SARIF writers stream documents, findings and results; their text is exactly ``json.dump``
    of the whole value, for reports with findings, problems and waivers, and for one with empty lists."""
    empty = dataclasses.replace(example, documents=(), findings=(), problems=())
    for report in (example, mixed, waived, empty):
        for fmt, whole in (("json", report.to_dict()), ("sarif", to_sarif(report))):
            out = io.StringIO()
            renderer(fmt)(report, out)
            assert out.getvalue() == json.dumps(whole, ensure_ascii=False, indent=2) + "\n", fmt
    assert not isinstance(example.to_dict(streamed=True)["findings"], list)  # made one record at a time
    assert not isinstance(to_sarif(example, streamed=True)["runs"][0]["results"], list)


def test_the_streaming_writer_writes_what_json_dump_writes() -> None:
    value = {"a": [], "b": {}, "c": {"d": iter([{"e": [1, {"f": iter([])}]}, "x\ny", 2.5, None])}, "g": "å"}
    whole = {"a": [], "b": {}, "c": {"d": [{"e": [1, {"f": []}]}, "x\ny", 2.5, None]}, "g": "å"}
    out = io.StringIO()
    write_json(value, out)
    assert out.getvalue() == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


@pytest.fixture(scope="module")
def sarif_validator() -> Draft4Validator:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the official SARIF schema is not at {SARIF_SCHEMA} (set ETHIQ_SARIF_SCHEMA)")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = validator_for(schema)
    assert cls is Draft4Validator, "the SARIF 2.1.0 schema declares draft-04"
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _schema_errors(validator: Draft4Validator, log: dict[str, Any]) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(log)]


def test_sarif_is_valid_against_the_official_schema(
    sarif_validator: Draft4Validator, example: Report, mixed: Report, waived: Report, checker: Any
) -> None:
    for report in (example, mixed, waived):
        log = json.loads(_render("sarif", report))
        assert _schema_errors(sarif_validator, log) == []


def test_the_schema_check_rejects_a_broken_log(sarif_validator: Draft4Validator, example: Report) -> None:
    log = to_sarif(example, root=ROOT)
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    errors = _schema_errors(sarif_validator, log)
    assert any("fatal" in e for e in errors)
    assert any("'name' is a required property" in e for e in errors)


def test_sarif_driver_lists_every_rule_with_help_and_level(example: Report) -> None:
    log = to_sarif(example, root=ROOT)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "ethiq"
    assert re.fullmatch(r"\d+\.\d+\.\d+([-+].*)?", driver["semanticVersion"])
    ids = [rule["id"] for rule in driver["rules"]]
    assert len(ids) == len(set(ids))
    assert ids[: len(example.rules)] == sorted(example.rules)
    for synthetic in ("read-error", "schema-violation", "duplicate-id", "engine-error", "waiver-error"):
        assert f"ethiq/{synthetic}" in ids
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    expected_level = {"block": "error", "warn": "warning", "info": "note"}
    for rule_id, meta in example.rules.items():
        descriptor = by_id[rule_id]
        assert descriptor["shortDescription"]["text"] == meta.text("title", "en")
        assert descriptor["fullDescription"]["text"] == (meta.text("description", "en") or meta.text("title", "en"))
        assert descriptor["defaultConfiguration"]["level"] == expected_level[meta.severity]
        assert descriptor["help"]["text"]
        assert descriptor["help"]["markdown"]
        assert "security-severity" not in descriptor["properties"]
    dat005 = by_id["DAT-005"]
    seed = next(s for s in example.rules["DAT-005"].sources if s.sv)
    assert f'"{seed.sv}"' in dat005["help"]["text"]  # the Swedish seed sentence, quoted verbatim
    assert f"> {seed.sv.split(',')[0]}" in dat005["help"]["markdown"]
    assert example.rules["DAT-005"].text("remediation", "en") in dat005["help"]["text"]


def test_every_finding_is_a_sarif_result_at_its_line_and_column(mixed: Report, bad_inputs: Path) -> None:
    log = to_sarif(mixed, root=ROOT)
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(mixed.findings) + len(mixed.problems)
    seen = Counter()
    for result in results[: len(mixed.findings)]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        physical = result["locations"][0]["physicalLocation"]
        artifact = physical["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"  # the example campaign lies under the root
        assert not artifact["uri"].startswith("/")
        file = os.path.abspath(os.path.join(ROOT, unquote(artifact["uri"])))
        region = physical["region"]
        seen[(result["ruleId"], file, region["startLine"], region.get("startColumn"), result["message"]["text"])] += 1
    expected = Counter((f.rule_id, *_where(f), f.message) for f in mixed.findings)
    assert seen == expected


def test_sarif_fingerprints_levels_and_properties(example: Report) -> None:
    [run] = to_sarif(example, root=ROOT)["runs"]
    seen = Counter(
        (
            r["partialFingerprints"]["ethiq/v1"],
            r["ruleId"],
            r["properties"]["document_id"],
            r["properties"]["json_path"],
            r["properties"]["status"],
            tuple(r["properties"]["trace"]),
        )
        for r in run["results"]
    )
    expected = Counter(
        (f.fingerprint, f.rule_id, f.document_id, f.json_path, f.status, f.trace) for f in example.findings
    )
    assert seen == expected
    levels = Counter(r["level"] for r in run["results"])
    assert levels["error"] == len(example.blocking)
    assert levels["warning"] == sum(1 for f in example.findings if f.severity == "warn")


def test_sarif_problems_are_error_results_of_synthetic_rules(mixed: Report, bad_inputs: Path) -> None:
    [run] = to_sarif(mixed, root=bad_inputs)["runs"]
    problems = [r for r in run["results"] if r["ruleId"].startswith("ethiq/")]
    assert len(problems) == len(mixed.problems)
    by_rule = {r["ruleId"]: r for r in problems}
    broken = by_rule["ethiq/read-error"]
    assert broken["level"] == "error"
    assert broken["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "broken.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    read_problem = next(p for p in mixed.problems if p.kind == "read_error")
    assert read_problem.line is not None
    assert broken["locations"][0]["physicalLocation"]["region"]["startLine"] == read_problem.line
    invalid = by_rule["ethiq/schema-violation"]
    artifact = invalid["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uri"] == "leverant%C3%B6r%20ogiltig.yaml"  # a URI: non-ASCII and space percent-encoded
    assert invalid["locations"][0]["physicalLocation"]["region"] == {"startLine": 5, "startColumn": 28}
    assert invalid["properties"]["json_path"] == "$.services_declared.psychographic_profiling"
    # The example campaign lies outside this root: an absolute file URI, no base id.
    outside = next(r for r in run["results"] if not r["ruleId"].startswith("ethiq/"))
    outside_artifact = outside["locations"][0]["physicalLocation"]["artifactLocation"]
    assert "uriBaseId" not in outside_artifact
    assert urlparse(outside_artifact["uri"]).scheme == "file"
    assert Path(unquote(urlparse(outside_artifact["uri"]).path)).is_file()
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["exitCode"] == 2
    assert invocation["properties"]["as_of"] == AS_OF


def test_sarif_invocation_of_a_blocking_run(example: Report) -> None:
    [invocation] = to_sarif(example, root=ROOT)["runs"][0]["invocations"]
    assert invocation == invocation | {"executionSuccessful": True, "exitCode": 1}
    assert invocation["properties"]["as_of"] == AS_OF


def test_sarif_waived_findings_carry_an_accepted_suppression(waived: Report) -> None:
    [run] = to_sarif(waived, root=ROOT)["runs"]
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert len(suppressed) == sum(1 for f in waived.findings if f.is_waived)
    for result in suppressed:
        assert result["ruleId"] == "DAT-005"
        [suppression] = result["suppressions"]
        assert suppression["kind"] == "external"
        assert suppression["status"] == "accepted"
        assert suppression["justification"] == WAIVER["reason"]
        assert result["properties"]["blocking"] is False
    assert run["invocations"][0]["exitCode"] == 1  # other findings still block


def test_sarif_order_is_stable(example: Report) -> None:
    shuffled = dataclasses.replace(
        example, findings=list(reversed(example.findings)), problems=list(reversed(example.problems))
    )
    assert to_sarif(shuffled, root=ROOT) == to_sarif(example, root=ROOT)


def test_sarif_texts_follow_the_report_language(bad_inputs: Path) -> None:
    from ethiq import Checker

    report = Checker(as_of=AS_OF, lang="sv").check([EXAMPLE / "data-sources"])
    [run] = to_sarif(report, root=ROOT)["runs"]
    assert run["language"] == "sv"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["DAT-005"]["shortDescription"]["text"] == report.rules["DAT-005"].text("title", "sv")
    assert rules["DAT-005"]["help"]["text"].startswith("Åtgärd: ")
    assert {r["message"]["text"] for r in run["results"]} == {f.message for f in report.findings}


# --- JUnit ------------------------------------------------------------------------------------------------


def _junit(report: Report) -> ET.Element:
    return ET.fromstring(_render("junit", report))


def _cases(root: ET.Element) -> list[ET.Element]:
    return root.findall("testsuite/testcase")


def _text_of(case: ET.Element) -> str:
    return "\n".join((child.text or "") + " " + child.get("message", "") for child in case)


def test_junit_counts_match_the_elements_and_the_report(mixed: Report) -> None:
    root = _junit(mixed)
    assert root.tag == "testsuites"
    for element, cases in [(root, _cases(root)), *((s, s.findall("testcase")) for s in root.findall("testsuite"))]:
        assert int(element.get("tests", "-1")) == len(cases)
        for attribute, child in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
            assert int(element.get(attribute, "-1")) == sum(1 for c in cases if c.find(child) is not None)
    judged = [d for d in mixed.documents if d.id and d.verdict not in ("invalid", "error")]
    expected_tests = sum(len(mixed.rules_for(d.kind)) for d in judged) + len(mixed.problems)
    assert int(root.get("tests", "-1")) == expected_tests
    failing_pairs = {(f.document_id, f.rule_id) for f in mixed.blocking}
    assert int(root.get("failures", "-1")) == len(failing_pairs)
    assert int(root.get("errors", "-1")) == len(mixed.problems)
    assert int(root.get("skipped", "-1")) == 0
    suites = [s.get("name") for s in root.findall("testsuite")]
    kinds = [k for k in KINDS if any(d.kind == k for d in judged)]  # pipeline order, then the problems
    assert suites == [f"ethiq.{kind}" for kind in kinds] + ["ethiq.problems"]
    assert {"ethiq.vendor", "ethiq.data_source", "ethiq.audience"} <= set(suites)


def test_junit_has_one_case_per_document_and_rule(example: Report) -> None:
    root = _junit(example)
    names = [(c.get("classname"), c.get("name")) for c in _cases(root)]
    assert len(names) == len(set(names))
    expected = {(d.id, f"{meta.id} {d.id}") for d in example.documents if d.id for meta in example.rules_for(d.kind)}
    assert set(names) == expected


def test_every_finding_is_in_its_junit_case_with_line_and_column(
    mixed: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    cases = {(c.get("classname"), c.get("name")): c for c in _cases(_junit(mixed))}
    for finding in mixed.findings:
        case = cases[(finding.document_id, f"{finding.rule_id} {finding.document_id}")]
        text = _text_of(case)
        file = Path(finding.file).relative_to(ROOT).as_posix()
        assert case.get("file") == file
        assert f"{file}:{finding.line}:{finding.column}" in text
        assert finding.message in text
        assert finding.json_path in text
        if finding.blocks_at(mixed.fail_on):
            failure = case.find("failure")
            assert failure is not None
            assert failure.get("type") == finding.rule_id
            assert finding.remediation in (failure.text or "")
            assert finding.status in (failure.text or "")
        else:
            assert case.find("system-out") is not None


def test_junit_problems_are_error_cases(mixed: Report, bad_inputs: Path) -> None:
    suite = _junit(mixed).find("testsuite[@name='ethiq.problems']")
    assert suite is not None
    errors = {c.find("error").get("type"): c for c in suite.findall("testcase")}  # type: ignore[union-attr]
    read = errors["ethiq/read-error"]
    assert read.get("file", "").endswith("broken.yaml")
    assert read.get("line") == str(next(p.line for p in mixed.problems if p.kind == "read_error"))
    schema = errors["ethiq/schema-violation"]
    assert schema.get("classname") == "ven_yes"
    assert schema.get("file", "").endswith("leverantör ogiltig.yaml")
    assert schema.get("line") == "5"
    assert "$.services_declared.psychographic_profiling" in (schema.find("error").text or "")  # type: ignore[union-attr]


def test_junit_waived_case_is_skipped_with_the_reason(waived: Report) -> None:
    root = _junit(waived)
    case = next(c for c in _cases(root) if c.get("name") == "DAT-005 ds_quiz_2026")
    skipped = case.find("skipped")
    assert skipped is not None
    assert case.find("failure") is None
    assert WAIVER["reason"] in skipped.get("message", "")
    assert int(root.get("skipped", "-1")) == 1


def test_junit_escapes_markup_and_spells_out_control_characters() -> None:
    nasty = 'a <b> & "c" \x07 end\udfff'
    report = Report(as_of=AS_OF, lang="en", findings=[_finding(message=nasty, document_id="doc<&>")])
    text = _render("junit", report)
    root = ET.fromstring(text)  # parses: nothing unescaped, no control character
    [case] = _cases(root)
    assert case.get("classname") == "doc<&>"
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == 'a <b> & "c" \\x07 end\ufffd'
    assert "\x07" not in text


def test_junit_fail_on_warn_turns_warnings_into_failures(example: Report) -> None:
    strict = dataclasses.replace(example, fail_on="warn")
    root = _junit(strict)
    failing = {(f.document_id, f.rule_id) for f in strict.findings}
    assert int(root.get("failures", "-1")) == len(failing)


# --- GitHub Actions ---------------------------------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)$")


def _unescape(value: str) -> str:
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(code, char)
    return value


def test_github_command_is_exact_and_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    report = Report(as_of=AS_OF, lang="en", findings=[_finding()])
    lines = _render("github", report).splitlines()
    assert lines[0] == (
        "::error file=dir%2C with%3A colon/a%25b.yaml,line=3,col=7,title=TST-001 (fail)"
        "::50%25 done: first, second%0Anext line%0D%0Aend%0Adoc:1,a $.a[0]%0AFix: Fix it: now, please"
    )
    assert len(lines) == 2
    assert lines[1].startswith("ethiq: 0 documents, 1 findings (1 blocking, 0 waived)")


def test_github_command_for_a_known_finding(example: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    finding = next(f for f in example.findings if f.rule_id == "DAT-005" and f.json_path == "$.collection.method")
    message = f"{finding.message}%0Ads_quiz_2026 $.collection.method%0AFix: {finding.remediation}"
    expected = f"::error file={QUIZ},line=8,col=11,title=DAT-005 (fail)::{message}"
    assert "%" not in finding.message + finding.remediation  # else the expectation above would need escaping
    assert expected in list(command_lines(example))


def _level(finding: Any, fail_on: str) -> str:
    """error when it fails the run, notice for advice (an info rule), else warning."""
    if finding.blocks_at(fail_on):
        return "error"
    return "notice" if finding.severity == "info" else "warning"


def test_every_finding_is_a_github_annotation_at_its_line_and_column(
    mixed: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    lines = list(command_lines(mixed))
    # then one warning per relaxation of the named context
    assert len(lines) == len(mixed.findings) + len(mixed.problems) + len(mixed.context_relaxations)
    seen: Counter[tuple[Any, ...]] = Counter()
    for line in lines[: len(mixed.findings)]:
        match = COMMAND.match(line)
        assert match, line
        level, file, row, col, title, message = match.groups()
        rule, status = re.fullmatch(r"(\S+) \((\w+)\)", _unescape(title)).groups()  # type: ignore[union-attr]
        first = _unescape(message).split("\n")[0]
        seen[(rule, os.path.abspath(_unescape(file)), int(row), int(col), first, status, level)] += 1
    expected = Counter((f.rule_id, *_where(f), f.message, f.status, _level(f, mixed.fail_on)) for f in mixed.findings)
    assert seen == expected
    problem_lines = lines[len(mixed.findings) : len(mixed.findings) + len(mixed.problems)]
    problems = [COMMAND.match(line) for line in problem_lines]
    assert all(m and m.group(1) == "error" for m in problems), problem_lines
    titles = {m.group(5) for m in problems if m}
    assert {"ethiq/read-error", "ethiq/schema-violation"} <= titles


def test_github_levels_for_waived_info_and_fail_on(example: Report, waived: Report) -> None:
    lines = list(command_lines(waived))
    waived_lines = [line for line in lines if "title=DAT-005 (fail%2C waived)::" in line]
    assert len(waived_lines) == sum(1 for f in waived.findings if f.is_waived)
    assert all(line.startswith("::notice ") for line in waived_lines)
    assert all("Waived: Board decision 2026-11-01: 100%25 reviewed" in line for line in waived_lines)

    info = Report(as_of=AS_OF, lang="en", findings=[_finding(severity="info", message="m")])
    assert next(command_lines(info)).startswith("::notice ")

    warnings = sum(1 for f in example.findings if f.severity == "warn")
    assert warnings, "the example campaign has warn findings"
    default = Counter(line.split(" ", 1)[0] for line in command_lines(example))
    strict = Counter(line.split(" ", 1)[0] for line in command_lines(dataclasses.replace(example, fail_on="warn")))
    relaxed = len(example.context_relaxations)  # a warning each, whatever fail_on says
    assert relaxed == 4  # the example's named context: the party's pages and association, the DSP, the posts
    assert default["::warning"] == warnings + relaxed
    assert strict["::warning"] == relaxed
    assert strict["::error"] == default["::error"] + warnings


def test_github_writes_the_job_summary_when_asked(
    mixed: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _render("github", mixed)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")  # appended, never overwritten
    assert "(exit code 2)" in text
    assert "**Exit code 2**: unusable input" in text
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    blocking_rows = [row for row in rows if not row.startswith("| `ethiq/")]
    assert len(blocking_rows) == len(mixed.blocking)
    for finding in mixed.blocking:
        assert any(f"`{finding.rule_id}`" in row and f":{finding.line}:" in row for row in blocking_rows)
    assert sum(1 for row in rows if row.startswith("| `ethiq/")) == len(mixed.problems)
    counts = text.split("| Documents | Findings | Blocking | Waived | Problems | Exit code |")[1].splitlines()[2]
    s = mixed.summary()
    assert counts == f"| {s['documents']} | {s['findings']} | {s['blocking']} | {s['waived']} | {s['problems']} | 2 |"


def test_github_without_the_variable_writes_no_summary(
    example: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.chdir(tmp_path)
    _render("github", example)
    assert list(tmp_path.iterdir()) == []


def test_job_summary_table_cells_stay_cells(tmp_path: Path) -> None:
    finding = _finding(message="a | b\nc <script>", document_id="doc|1")
    report = Report(as_of=AS_OF, lang="en", findings=[finding])
    path = tmp_path / "summary.md"
    write_job_summary(report, path)
    [row] = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("| `TST-001`")]
    cells = re.split(r"(?<!\\)\|", row)[1:-1]
    assert len(cells) == 4, row
    assert "<script>" not in row
    assert "<br>" in cells[3]


def test_job_summary_in_swedish(example: Report) -> None:
    text = job_summary(dataclasses.replace(example, lang="sv"))
    assert "Blockerande fynd" in text
    assert "**Slutkod 1**" in text


# --- findings the fixtures do not produce -----------------------------------------------------------------


def test_a_rule_without_metadata_and_standard_input_reach_every_format(
    sarif_validator: Draft4Validator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    stdin = _finding(file="-", severity="warn", message="m")
    report = Report(as_of=AS_OF, lang="en", findings=[_finding(), stdin])

    log = to_sarif(report, root=ROOT)
    assert _schema_errors(sarif_validator, log) == []
    [run] = log["runs"]
    [descriptor] = [r for r in run["tool"]["driver"]["rules"] if r["id"] == "TST-001"]
    assert descriptor["name"] == "TestRule"
    from_stdin = next(r for r in run["results"] if r["level"] == "warning")
    assert "physicalLocation" not in from_stdin["locations"][0]  # nothing to point at
    assert from_stdin["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "doc:1,a.a[0]"

    lines = list(command_lines(report))
    assert lines[0] == "::warning line=3,col=7,title=TST-001 (fail)::m%0Adoc:1,a $.a[0]%0AFix: Fix it: now, please"

    root = _junit(report)
    assert [s.get("name") for s in root.findall("testsuite")] == ["ethiq.vendor"]
    assert int(root.get("tests", "-1")) == 2  # one document per file: stdin's and the other file's
    assert int(root.get("failures", "-1")) == 1
