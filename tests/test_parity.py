"""The CLI and the Python API give the same report and exit code for the same settings.

Each row of the matrix runs ``ethiq check --format json`` (typer's runner, in this process) and
``ethiq.check(...)`` with the same options, in a campaign repository with a waiver file, a baseline, an
extra policy directory, a context file and a draft that ``exclude`` skips, and compares the JSON reports
whole. The rows cover every value of every option and every pair of waivers and fail-on.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import ethiq
from conftest import AS_OF, FIXTURES
from ethiq.cli.app import app
from ethiq.engine.judge import baseline_of

POLICY = """package ethiq.rules.vendor.parity

# METADATA
# title: Vendor is reviewed by the parity policy
# custom:
#   id: PAR-001
#   severity: warn
#   sources:
#     - regulation: GDPR Art. 28
#   remediation:
#     en: Nothing to do; the policy marks every vendor.
warn contains finding if {
\tinput.document.id
\tfinding := {"rule": "PAR-001", "path": ["id"]}
}
"""

DRAFT = "kind: vendor\nid: ven_draft_cambridge\nlegal_name: Cambridge Analytica LLC\n"


@dataclass(frozen=True)
class Row:
    waivers: bool
    fail_on: str
    baseline: bool
    exclude: bool
    policies: bool
    context: bool
    jobs: int


ROWS = [
    Row(False, "block", False, False, False, False, 1),
    Row(True, "block", False, False, False, False, 1),
    Row(True, "warn", False, True, False, False, 2),
    Row(True, "info", True, False, True, False, 1),
    Row(False, "warn", True, True, False, True, 1),
    Row(False, "info", False, False, True, True, 2),
    Row(True, "block", True, True, True, True, 2),
    Row(False, "block", True, False, False, False, 2),
    Row(True, "warn", True, False, False, True, 1),
    Row(False, "info", False, True, False, False, 1),
]


def test_the_matrix_covers_every_value_and_every_pair_of_waivers_and_fail_on() -> None:
    for field in ("waivers", "baseline", "exclude", "policies", "context"):
        assert {getattr(row, field) for row in ROWS} == {False, True}, field
    assert {row.jobs for row in ROWS} == {1, 2}
    assert {(row.waivers, row.fail_on) for row in ROWS} == {
        (waived, fail_on) for waived in (False, True) for fail_on in ("block", "warn", "info")
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("parity")
    shutil.copytree(FIXTURES / "example-campaign", root / "campaign")
    (root / "campaign" / "drafts").mkdir()
    (root / "campaign" / "drafts" / "vendor.yaml").write_text(DRAFT, encoding="utf-8")
    (root / "policies").mkdir()
    (root / "policies" / "parity.rego").write_text(POLICY, encoding="utf-8")
    (root / "parity-context.yaml").write_text(
        "kind: policy_context\nid: ctx_parity\nthresholds:\n  min_audience_size: 900000\n", encoding="utf-8"
    )
    plain = ethiq.check([root / "campaign"], as_of=AS_OF)
    waivable = [f for f in plain.findings if f.is_blocking and not plain.rules[f.rule_id].non_waivable]
    assert waivable, "the example campaign has no waivable blocking finding any more"
    target = waivable[0]
    (root / "accepted.yaml").write_text(
        "waivers:\n"
        f"  - id: W-1\n    rule: {target.rule_id}\n    documents: {target.document_id}\n"
        "    reason: Accepted by the data protection officer after review.\n"
        "    owner: dpo@example.org\n    expires: 2027-01-31\n"
        "  - id: W-2\n    rule: DAT-012\n    documents: nothing_here\n"
        "    reason: Kept for a document that is not in this repository.\n"
        "    owner: dpo@example.org\n    expires: 2027-01-31\n",
        encoding="utf-8",
    )
    baseline = baseline_of(plain)
    assert baseline.entries  # both kinds of finding are in the run
    assert baseline.left_out
    half = baseline.entries[: len(baseline.entries) // 2]
    type(baseline)(half).write(root / "baseline.yaml")
    return root


def api_options(row: Row, root: Path) -> dict[str, Any]:
    return {
        "as_of": AS_OF,
        "fail_on": row.fail_on,
        "jobs": row.jobs,
        "waivers": root / "accepted.yaml" if row.waivers else None,
        "baseline": root / "baseline.yaml" if row.baseline else None,
        "exclude": ["drafts/"] if row.exclude else None,
        "policies": [root / "policies"] if row.policies else None,
        "context": [root / "parity-context.yaml"] if row.context else None,
    }


def cli_arguments(row: Row) -> list[str]:
    args = ["check", "campaign", "--format", "json", "--as-of", AS_OF, "--fail-on", row.fail_on]
    args += ["--jobs", str(row.jobs)]
    if row.waivers:
        args += ["--waivers", "accepted.yaml"]
    if row.baseline:
        args += ["--baseline", "baseline.yaml"]
    if row.exclude:
        args += ["--exclude", "drafts/"]
    if row.policies:
        args += ["--policies", "policies"]
    if row.context:
        args += ["--context", "parity-context.yaml"]
    return args


@pytest.mark.slow
@pytest.mark.parametrize("row", ROWS, ids=lambda r: "-".join(f"{k}={v}" for k, v in vars(r).items()))
def test_cli_and_api_give_the_same_report(row: Row, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    for name in [n for n in os.environ if n.startswith("ETHIQ_")]:
        monkeypatch.delenv(name)
    result = CliRunner().invoke(app, cli_arguments(row))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    cli_report = json.loads(result.stdout)

    report = ethiq.check(["campaign"], **api_options(row, project))

    assert cli_report == report.to_dict()
    assert result.exit_code == int(report.exit_code) == cli_report["exit_code"]
    # The options took effect, so the comparison is about something.
    files = {d["file"] for d in cli_report["documents"]}
    assert any("drafts" in f for f in files) is not row.exclude
    assert (cli_report["waivers"] is not None) is row.waivers
    assert (cli_report["baseline"] is not None) is row.baseline
    assert ("PAR-001" in {f["rule_id"] for f in cli_report["findings"]}) is row.policies
    assert any(Path(origin).name.startswith("parity-context.yaml:") for origin in cli_report["context"]) is row.context
    assert cli_report["fail_on"] == row.fail_on
