"""Baselines: created from a run, read back, applied inside the engine, the same from the CLI.

The example campaign has both kinds of finding: findings of waivable rules, which a baseline accepts, and
findings of non-waivable rules (quiz-app data, Cambridge Analytica links), which it never accepts.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import ethiq
from conftest import AS_OF, EXAMPLE, EXAMPLE_CONTEXT
from ethiq.cli.app import app
from ethiq.engine.judge import Baseline, baseline_of, load_baseline, parse_baseline


@pytest.fixture(scope="module")
def report(example_checker: ethiq.Checker) -> ethiq.Report:
    return example_checker.check([EXAMPLE])


def non_waivable(report: ethiq.Report, finding: ethiq.Finding) -> bool:
    return finding.non_waivable or report.rules[finding.rule_id].non_waivable


def test_a_baseline_holds_every_acceptable_finding_sorted_and_leaves_out_non_waivable_ones(
    report: ethiq.Report,
) -> None:
    baseline = baseline_of(report)
    acceptable = {f.fingerprint for f in report.findings if not non_waivable(report, f)}
    assert {e.fingerprint for e in baseline.entries} == acceptable != set()
    assert (
        {f.fingerprint for f in baseline.left_out}
        == {f.fingerprint for f in report.findings if non_waivable(report, f)}
        != set()
    )
    assert list(baseline.entries) == sorted(baseline.entries, key=lambda e: (e.rule, e.document, e.path, e.fingerprint))
    by_fingerprint = {f.fingerprint: f for f in report.findings}
    for entry in baseline.entries:
        finding = by_fingerprint[entry.fingerprint]
        assert (entry.rule, entry.kind, entry.document, entry.path) == (
            finding.rule_id, finding.kind, finding.document_id, finding.json_path
        )  # fmt: skip


def test_the_file_reads_back_exactly(report: ethiq.Report, tmp_path: Path) -> None:
    baseline = baseline_of(report)
    baseline.write(tmp_path / "baseline.yaml")
    text = (tmp_path / "baseline.yaml").read_text(encoding="utf-8")
    assert text.startswith("# ethiq baseline")
    loaded = load_baseline(tmp_path / "baseline.yaml")
    assert loaded.entries == baseline.entries
    assert loaded.file == str(tmp_path / "baseline.yaml")
    first = text.splitlines().index("findings:") + 2  # the line of the first entry
    assert loaded.lines is not None
    assert loaded.lines[baseline.entries[0].fingerprint] == first
    assert parse_baseline(Baseline(()).dumps()).entries == ()


def test_a_run_with_its_baseline_blocks_only_on_non_waivable_findings(report: ethiq.Report, tmp_path: Path) -> None:
    baseline_of(report).write(tmp_path / "baseline.yaml")
    judged = ethiq.check([EXAMPLE], as_of=AS_OF, context=[EXAMPLE_CONTEXT], baseline=tmp_path / "baseline.yaml")
    assert [f.fingerprint for f in judged.findings] == [f.fingerprint for f in report.findings]
    assert {f.fingerprint for f in judged.findings if f.baselined} == {
        f.fingerprint for f in report.findings if not non_waivable(report, f)
    }
    assert {f.rule_id for f in judged.blocking} == {f.rule_id for f in report.blocking if non_waivable(report, f)}
    assert judged.baseline is not None
    assert (judged.baseline.matched, judged.baseline.disappeared) == (judged.baseline.entries, ())
    assert judged.summary()["baselined"] == judged.baseline.matched
    assert judged.to_dict()["baseline"]["file"] == str(tmp_path / "baseline.yaml")
    # Nothing blocks at any threshold any more except what no baseline accepts.
    info = ethiq.check(
        [EXAMPLE], as_of=AS_OF, context=[EXAMPLE_CONTEXT], baseline=tmp_path / "baseline.yaml", fail_on="info"
    )
    assert all(non_waivable(report, f) for f in info.blocking)


def test_new_findings_fail_and_fixed_ones_are_reported_as_disappeared(report: ethiq.Report, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo)
    before = ethiq.check([repo], as_of=AS_OF, context=[repo / "context.yaml"])
    baseline_of(before).write(tmp_path / "baseline.yaml")
    removed = next(f for f in before.findings if not non_waivable(before, f) and f.kind == "vendor")
    renamed = Path(removed.file).with_name("renamed.yaml")
    Path(removed.file).rename(renamed)
    # The same document under another file name: its findings keep their fingerprints (file is not in them).
    same = ethiq.check([repo], as_of=AS_OF, context=[repo / "context.yaml"], baseline=tmp_path / "baseline.yaml")
    assert same.baseline is not None
    assert same.baseline.disappeared == ()
    # A new vendor with a waivable blocking finding fails the run; a removed one's entries have disappeared.
    renamed.unlink()
    new = {"kind": "vendor", "id": "ven_new", "legal_name": "Nordic Fresh Media AB"}
    after = ethiq.check([repo, new], as_of=AS_OF, context=[repo / "context.yaml"], baseline=tmp_path / "baseline.yaml")
    assert after.baseline is not None
    gone = {e.fingerprint for e in after.baseline.disappeared}
    assert gone == {
        f.fingerprint for f in before.findings if f.document_id == removed.document_id and not non_waivable(before, f)
    }
    new_blocking = [f for f in after.blocking if f.document_id == "ven_new"]
    assert new_blocking
    assert not any(f.baselined for f in after.findings if f.document_id == "ven_new")


def test_an_entry_of_a_non_waivable_rule_is_refused(report: ethiq.Report, tmp_path: Path) -> None:
    forbidden = next(f for f in report.findings if non_waivable(report, f))
    from ethiq.engine.judge.baseline import entry_of

    Baseline((entry_of(forbidden),)).write(tmp_path / "baseline.yaml")
    judged = ethiq.check([EXAMPLE], as_of=AS_OF, context=[EXAMPLE_CONTEXT], baseline=tmp_path / "baseline.yaml")
    first_entry = (tmp_path / "baseline.yaml").read_text(encoding="utf-8").splitlines().index("findings:") + 2
    assert [(p.kind, p.file, p.line) for p in judged.problems] == [
        ("baseline_error", str(tmp_path / "baseline.yaml"), first_entry)
    ]
    assert judged.exit_code == ethiq.ExitCode.INPUT_ERROR
    assert not any(f.baselined for f in judged.findings)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("version: 2\nfindings: []\n", 1, "version must be 1"),
        ("version: 1\nfindings: []\nextra: 1\n", 3, "unknown key 'extra'"),
        (
            "version: 1\nfindings:\n  - fingerprint: abc\n    rule: R\n    kind: k\n    document: d\n    path: $\n",
            3,
            "fingerprint must be 32 hex digits",
        ),
        ("version: 1\nfindings:\n  - rule: R\n", 3, "missing document, fingerprint, kind, path"),
        ("version: 1\nfindings: [\n", 3, "invalid YAML"),
    ],
)
def test_a_malformed_file_is_an_input_error_with_its_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    (tmp_path / "baseline.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ethiq.BaselineFileError) as caught:
        ethiq.check([{"kind": "vendor", "id": "v"}], as_of=AS_OF, baseline=tmp_path / "baseline.yaml")
    assert caught.value.line == line
    assert message in str(caught.value)
    assert caught.value.exit_code == 2


def test_the_cli_creates_the_baseline_the_api_creates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "repo")
    monkeypatch.chdir(tmp_path)  # the baseline is written beside the documents' folder, not into it
    result = CliRunner().invoke(
        app, ["baseline", "create", "repo", "-o", "baseline.yaml", "--as-of", AS_OF, "--context", "repo/context.yaml"]
    )
    created = ethiq.Checker(as_of=AS_OF, context=["repo/context.yaml"]).create_baseline(
        ["repo"], output=tmp_path / "api.yaml"
    )
    assert (tmp_path / "baseline.yaml").read_text() == (tmp_path / "api.yaml").read_text()
    # Findings of non-waivable rules remain, so the new baseline still blocks, as check --baseline would.
    assert result.exit_code == int(created.report.exit_code) == 1
    assert f"left out {len(created.baseline.left_out)} findings of non-waivable rules" in result.stderr
    checked = CliRunner().invoke(
        app,
        [
            "check",
            "repo",
            "-f",
            "json",
            "--as-of",
            AS_OF,
            "--baseline",
            "baseline.yaml",
            "--context",
            "repo/context.yaml",
        ],
    )
    assert json.loads(checked.stdout)["summary"]["baselined"] == len(created.baseline.entries)
    assert checked.exit_code == 1
