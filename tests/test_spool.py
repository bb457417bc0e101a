"""The findings spool: a large run's findings on disk give the same report as held findings, in every format.

A test that fails when findings are held whole is hard to write portably, so these test what the spool
promises instead: it reads back the findings in the report's order as often as asked, with their length and
counts; it goes away when nothing uses it (an exception and Ctrl-C included); a spool that cannot be written
or read is an engine error, never a pass; and a run whose findings were spooled (the thresholds lowered so a
small repository spills) renders byte for byte what a run that held them renders, with waivers, a baseline
and a rule selection applied.
"""

from __future__ import annotations

import dataclasses
import gc
import io
import pickle
import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
from test_parallel import generate  # bench/generate.py, loaded once

from ethiq import Checker
from ethiq.cli.output import FORMATS, renderer
from ethiq.cli.output.common import finding_order as ci_order
from ethiq.engine import spool
from ethiq.engine.errors import EvaluationError
from ethiq.engine.judge import baseline_of
from ethiq.engine.report import Finding, Report, Status, finding_order, tally_of
from ethiq.engine.spool import FindingSpool, FindingWriter

RULES = ("NAT-001", "NAT-002", "AUD-010", "DAT-005")


@pytest.fixture
def small_spool(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thresholds low enough that a few hundred findings spill into several runs of several chunks."""
    monkeypatch.setattr(spool, "HELD_FINDINGS", 40)
    monkeypatch.setattr(spool, "RUN_FINDINGS", 64)
    monkeypatch.setattr(spool, "CHUNK_FINDINGS", 16)


def _findings(count: int, seed: int) -> list[Finding]:
    """Findings in no order, many with equal sort keys (told apart by their message)."""
    rng = random.Random(seed)
    out = []
    for number in range(count):
        waived = rng.random() < 0.2
        out.append(
            Finding(
                rule_id=rng.choice(RULES),
                severity=rng.choice(("block", "warn")),
                status=rng.choice(tuple(Status)),
                title="A rule",
                message=f"finding {number}",
                remediation="Fix it.",
                document_id=f"doc_{rng.randrange(12)}",
                kind="audience",
                file=f"audiences/{rng.randrange(5)}.yaml",
                line=rng.randrange(1, 4),
                column=None,
                path=("native_spec", rng.randrange(3)),
                waiver={"id": "W-1", "reason": "accepted"} if waived else None,
                baselined=not waived and rng.random() < 0.2,
            )
        )
    return out


def _spooled(findings: list[Finding]) -> FindingSpool:
    writer = FindingWriter()
    writer.extend(findings)
    result = writer.finish()
    assert isinstance(result, FindingSpool)
    return result


def test_a_spool_reads_its_findings_back_in_report_order_every_time(small_spool: None) -> None:
    findings = _findings(300, seed=1)
    stored = _spooled(findings)
    expected = sorted(findings, key=finding_order)  # stable: equal keys keep the order they came in
    assert len(stored._runs) > 1
    assert list(stored) == expected
    assert list(stored) == expected  # iterating again reads the file again
    assert stored == tuple(expected)
    assert stored != tuple(expected[:-1])
    assert stored != tuple(reversed(expected))
    assert len(stored) == 300
    assert stored.tally == tally_of(findings)
    assert stored[0] == expected[0]
    assert stored[-1] == expected[-1]
    assert stored[100] == expected[100]
    assert stored[10:20] == tuple(expected[10:20])
    with pytest.raises(IndexError):
        stored[300]
    assert list(stored.sorted(ci_order)) == sorted(expected, key=ci_order)
    assert pickle.loads(pickle.dumps(stored)) == tuple(expected)  # a spool pickles as its findings


def test_findings_in_the_order_given_and_few_findings_held(small_spool: None) -> None:
    findings = _findings(100, seed=2)
    writer = FindingWriter(order=None, hold=0)
    writer.extend(findings)
    kept = writer.finish()
    assert isinstance(kept, FindingSpool)
    assert list(kept) == findings
    few = FindingWriter()
    few.extend(findings[:30])
    assert few.finish() == tuple(sorted(findings[:30], key=finding_order))


def test_a_spool_file_goes_when_nothing_uses_it(small_spool: None) -> None:
    stored = _spooled(_findings(200, seed=3))
    path = Path(stored.path)
    assert path.exists()
    reading = iter(stored)
    next(reading)
    del stored
    gc.collect()
    assert path.exists()  # an iteration still reads it
    del reading
    gc.collect()
    assert not path.exists()

    writer = FindingWriter()
    writer.extend(_findings(200, seed=4))
    assert writer._file is not None
    path = Path(writer._file.path)
    writer.discard()
    assert not path.exists()


def test_a_spool_that_cannot_be_written_or_read_is_an_engine_error(small_spool: None, tmp_path: Path) -> None:
    stored = _spooled(_findings(200, seed=5))
    with open(stored.path, "r+b") as file:
        file.truncate(file.seek(0, 2) // 2)
    with pytest.raises(EvaluationError, match="truncated"):
        list(stored)
    assert EvaluationError("").exit_code == 3

    class FullDisk(io.RawIOBase):
        def write(self, data: Any) -> int:
            raise OSError(28, "No space left on device")

    writer = FindingWriter()
    writer.extend(_findings(80, seed=6))  # the first run is written
    assert writer._file is not None
    writer._file.out = FullDisk()  # type: ignore[assignment]
    with pytest.raises(EvaluationError, match="could not be written"):
        writer.extend(_findings(80, seed=7))

    writer = FindingWriter(directory=str(tmp_path / "missing"))
    with pytest.raises(EvaluationError, match="could not be created"):
        writer.extend(_findings(80, seed=8))


# --- whole reports ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("spooled") / "repo"
    generate(120, seed=5, out=out)
    return out


@pytest.fixture(scope="module")
def decisions(checker: Checker, repository: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A waiver file (a glob that waives, one that overlaps it, an expired, an unused and a refused waiver) and
    a baseline of every other finding of a plain run, with entries no finding matches."""
    plain = checker.check([repository], jobs=1)
    assert len(plain.findings) > 300, "the repository must have enough findings to spill"
    folder = tmp_path_factory.mktemp("decisions")
    audience = next(f for f in plain.findings if f.rule_id == "NAT-002")
    refused = next(rule for rule in plain.rules.values() if rule.non_waivable)
    waivers = [
        ("W-1", "NAT-002", audience.document_id[:-2] + "*", "2027-06-30"),
        ("W-2", "NAT-001", audience.document_id[:-2] + "*", "2027-06-30"),
        ("W-3", "AUD-010", "aud_*", "2026-01-31"),
        ("W-4", "DAT-012", "nobody", "2027-06-30"),
        ("W-5", refused.id, "*", "2027-06-30"),
    ]
    lines = ["waivers:"]
    for ident, rule, documents, expires in waivers:
        lines += [
            f"  - id: {ident}",
            f"    rule: {rule}",
            f'    documents: "{documents}"',
            "    reason: Accepted after review by the data protection officer.",
            "    owner: dpo@example.org",
            f"    expires: {expires}",
        ]
    (folder / "waivers.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    created = baseline_of(plain)
    kept = created.entries[::2]
    gone = dataclasses.replace(created.entries[0], fingerprint="0" * 32, document="gone")
    dataclasses.replace(created, entries=(*kept, gone)).write(folder / "baseline.yaml")
    return {"waivers": folder / "waivers.yaml", "baseline": folder / "baseline.yaml"}


def _render(fmt: str, report: Report) -> str:
    out = io.StringIO()
    renderer(fmt)(report, out)
    return out.getvalue()


@pytest.mark.parametrize("skip_rules", [(), ("NAT-002",)])
def test_a_spooled_report_renders_what_a_held_report_renders(
    checker: Checker,
    repository: Path,
    decisions: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    skip_rules: tuple[str, ...],
) -> None:
    options: dict[str, Any] = {**decisions, "jobs": 1, "skip_rules": skip_rules}
    held = checker.check([repository], **options)
    with monkeypatch.context() as patch:
        patch.setattr(spool, "HELD_FINDINGS", 40)
        patch.setattr(spool, "RUN_FINDINGS", 100)
        patch.setattr(spool, "CHUNK_FINDINGS", 16)
        spooled = checker.check([repository], **options)
    assert isinstance(held.findings, tuple)
    assert isinstance(spooled.findings, FindingSpool)
    summary = held.summary()
    assert summary["waived"]
    assert summary["baselined"]
    assert summary["blocking"]
    assert held.baseline is not None
    assert held.baseline.disappeared
    assert {"ethiq/waiver-expired", "ethiq/waiver-unused"} <= {f.rule_id for f in held.findings}
    assert spooled.summary() == summary
    assert spooled.exit_code == held.exit_code
    assert spooled.documents == held.documents
    assert spooled.problems == held.problems
    assert spooled.findings == held.findings
    assert held.findings == spooled.findings  # a tuple compares with a spool by its findings
    for fmt in FORMATS:
        assert _render(fmt, spooled) == _render(fmt, held), fmt
    assert pickle.loads(pickle.dumps(spooled)) == held  # pickles as a held report


def test_an_interrupted_run_leaves_no_spool_behind(
    checker: Checker, repository: Path, small_spool: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    spilled = []

    def interrupt(stage: str, done: int, total: int) -> None:
        if stage == "judge":
            spilled.extend(folder.glob("ethiq-findings-*"))
            if spilled:  # as a Ctrl-C between two chunks would, once findings are on disk
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        checker.check([repository], jobs=1, progress=interrupt)
    gc.collect()
    assert spilled, "the run must have spilled findings before it was interrupted"
    assert list(folder.iterdir()) == []
