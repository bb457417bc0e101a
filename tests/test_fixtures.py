"""The fixture table: every entry directly under an ``allow/``, ``deny/``, ``warn/`` or ``invalid/`` folder gives
exit code 0, 0, 1 or 2 when checked on its own, and exactly the findings its documents expect in ``x-expect``.

``x-expect`` is a list on a document, each item ``"RULE-ID status"`` or ``"RULE-ID status $.json.path"``;
``"none"`` alone means the document has no finding. The list is exact: every finding of the document matches an
item, and every item matches a finding (an item without a path matches the rule's findings at any path).

An entry whose verdict depends on the date is a directory with an ``ethiq.toml`` that pins ``as_of``
(fixtures/README.md); every other entry gives its verdict on any day. Both are checked as a user would check
them: ``ethiq check .`` inside a pinned directory, ``ethiq check ENTRY`` otherwise, with no ``--as-of``.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, FIXTURES, ROOT
from ethiq import Checker
from ethiq.engine.config import CONFIG_FILE, load_config
from ethiq.engine.read import Document, iter_documents

CONTEXT_FILE = "context.yaml"  # an entry's own policy context, named for its check
EXPECTED_EXIT = {"allow": 0, "warn": 0, "deny": 1, "invalid": 2}  # warn: non-blocking findings expected


def pending_reason(folder: Path) -> str | None:
    """The text of the nearest ``PENDING`` file in ``folder`` or above it (within fixtures/), if any: its
    entries wait for something the check pipeline does not do yet."""
    for parent in (folder, *folder.parents):
        if (parent / "PENDING").is_file():
            return " ".join((parent / "PENDING").read_text(encoding="utf-8").split())
        if parent == FIXTURES:
            break
    return None


def all_entries() -> list[tuple[Path, int, str | None]]:
    """Every entry with its folder's exit code and, for a pending one, the reason it waits."""
    found = []
    for folder in sorted(p for p in FIXTURES.rglob("*") if p.is_dir() and p.name in EXPECTED_EXIT):
        pending = pending_reason(folder)
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith(".") or (entry.is_file() and entry.suffix not in (".json", ".yaml", ".yml")):
                continue
            found.append((entry, EXPECTED_EXIT[folder.name], pending))
    return found


def entries() -> list[tuple[Path, int]]:
    """The entries that are judged today (pending ones left out)."""
    return [(entry, code) for entry, code, pending in all_entries() if pending is None]


def fixture_entries() -> list[Any]:
    return [
        pytest.param(
            entry,
            code,
            id=str(entry.relative_to(FIXTURES)),
            marks=[pytest.mark.skip(reason=pending)] if pending else [],
        )
        for entry, code, pending in all_entries()
    ]


def is_pinned(entry: Path) -> bool:
    """A directory entry with its own ethiq.toml: its date (and any other setting) is the entry's own."""
    return entry.is_dir() and (entry / CONFIG_FILE).is_file()


def pinned_as_of(entry: Path) -> str | None:
    return load_config(entry, {}, {}).as_of if is_pinned(entry) else None


@cache
def checker_on(as_of: str | None, context: tuple[str, ...] = ()) -> Checker:
    """One prepared checker per evaluation date (None: today, as ``ethiq check`` without --as-of) and named
    context."""
    return Checker(as_of=as_of, context=list(context))


def named_context(entry: Path) -> tuple[str, ...]:
    """The entry's own context files, named as a gate's configuration names a campaign's context (a context
    among the checked files may only add to the policy): a pinned entry's ``ethiq.toml`` names them, any
    other directory entry's ``context.yaml`` is named as ``--context`` would name it."""
    if is_pinned(entry):
        return tuple(str(path) for path in load_config(entry, {}, {}).context)
    if entry.is_dir() and (entry / CONTEXT_FILE).is_file():
        return (str(entry / CONTEXT_FILE),)
    return ()


def checker_for(entry: Path, as_of: str | None) -> Checker:
    return checker_on(as_of, named_context(entry))


def expectations(entry: Path) -> dict[str, list[tuple[str, str, str | None]]]:
    """Document id -> (rule, status, json path or None) for the documents under ``entry`` that have x-expect."""
    out: dict[str, list[tuple[str, str, str | None]]] = {}
    for item in iter_documents([entry]):
        if not isinstance(item, Document) or "x-expect" not in item.data:
            continue
        items = out.setdefault(item.id or "", [])
        for expected in item.data["x-expect"]:
            if expected == "none":
                continue
            parts = str(expected).split()
            items.append((parts[0], parts[1], parts[2] if len(parts) > 2 else None))
    return out


def _matches(expected: tuple[str, str, str | None], found: tuple[str, str, str]) -> bool:
    rule, status, path = expected
    return (rule, status) == found[:2] and (path is None or path == found[2])


def test_fixture_folders_exist() -> None:
    assert {p.name for p in FIXTURES.rglob("*") if p.is_dir()} >= {"allow", "deny", "invalid"}


@pytest.mark.parametrize(("entry", "exit_code"), fixture_entries())
def test_fixture_verdict(checker, entry: Path, exit_code: int) -> None:  # type: ignore[no-untyped-def]
    as_of = pinned_as_of(entry)
    report = (checker_for(entry, as_of) if as_of or named_context(entry) else checker).check([entry])
    found: dict[str, set[tuple[str, str, str]]] = {}
    for f in report.findings:
        found.setdefault(f.document_id, set()).add((f.rule_id, f.status, f.json_path))
    detail = sorted((doc, *f) for doc, fs in found.items() for f in fs) + [p.message for p in report.problems]
    assert report.exit_code == exit_code, detail
    for doc, expected in expectations(entry).items():
        got = found.get(doc, set())
        unexpected = sorted(f for f in got if not any(_matches(e, f) for e in expected))
        missing = [e for e in expected if not any(_matches(e, f) for f in got)]
        assert not unexpected, f"{doc}: unexpected {unexpected}; found {detail}"
        assert not missing, f"{doc}: missing {missing}; found {detail}"


def test_every_document_of_a_verdict_entry_states_its_findings() -> None:
    """Exact expectations need a list on every judged document (invalid entries are never judged)."""
    silent = [
        f"{entry.relative_to(FIXTURES)}: {item.id}"
        for entry, code in entries()
        if code != 2
        for item in iter_documents([entry])
        if isinstance(item, Document) and item.kind != "policy_context" and "x-expect" not in item.data
    ]
    assert not silent, silent


# --- on its own, on any day ----------------------------------------------------------------------------------


def checked_on_its_own(entry: Path) -> int:
    """The exit code of ``ethiq check`` run as a user would: ``.`` inside a pinned entry, else the entry's path
    from the repository root; the configuration found from there decides the date (default: today)."""
    cwd, path = (entry, ".") if is_pinned(entry) else (ROOT, str(entry.relative_to(ROOT)))
    named = None if is_pinned(entry) else [str(p) for p in named_context(entry)] or None
    config = load_config(cwd, {}, {"paths": [path], "context": named})
    report = checker_on(config.as_of, tuple(str(p) for p in config.context)).check([cwd / p for p in config.paths])
    return int(report.exit_code)


@pytest.mark.parametrize(("entry", "exit_code"), fixture_entries())
def test_fixture_verdict_on_its_own_today(entry: Path, exit_code: int) -> None:
    assert checked_on_its_own(entry) == exit_code


def outcome(as_of: str | None, entry: Path) -> tuple[int, frozenset[tuple[str, str, str, str]]]:
    """The exit code and the findings: a warn entry's verdict is its findings as much as its exit code."""
    report = checker_for(entry, as_of).check([entry])
    return int(report.exit_code), frozenset((f.document_id, f.rule_id, f.status, f.json_path) for f in report.findings)


def test_fixture_verdicts_do_not_rot() -> None:
    """An entry without a pinned date gives its folder's exit code three years from today too, and an entry
    that pins a date needs it: its exit code or findings move with the date (else the pin should go)."""
    later = dt.date.today().replace(month=1, day=1)
    later = later.replace(year=later.year + 3).isoformat()
    rotting = [
        str(entry.relative_to(FIXTURES))
        for entry, code in entries()
        if not is_pinned(entry) and outcome(later, entry)[0] != code
    ]
    assert not rotting, f"date-dependent entries need an ethiq.toml with as_of (fixtures/README.md): {rotting}"
    needless = [
        str(entry.relative_to(FIXTURES))
        for entry, _ in entries()
        if is_pinned(entry)
        and outcome(later, entry)
        == outcome(pinned_as_of(entry), entry)
        == outcome("2018-06-01", entry)
    ]
    assert not needless, f"pinned entries whose verdict does not depend on the date: {needless}"


def test_a_checked_document_never_moves_the_evaluation_date(tmp_path: Path) -> None:
    """The pin is the gate's configuration, never a document: a policy_context among the checked documents that
    says as_of 2030 neither moves the date nor switches the expiring-seal rule on."""
    entry = FIXTURES / "rules" / "VEN-006" / "allow" / "joined-recently"
    pinned = pinned_as_of(entry)
    assert pinned == AS_OF
    (tmp_path / "vendor.yaml").write_text((entry / "vendor.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "context.yaml").write_text("kind: policy_context\nid: ctx_later\nas_of: 2030-01-01\n", encoding="utf-8")
    report = checker_on(pinned).check([tmp_path])
    assert report.as_of == AS_OF
    assert report.exit_code == 0, [(f.rule_id, f.message) for f in report.findings]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("entry", "exit_code"),
    [
        (FIXTURES / "rules" / "VEN-006" / "allow" / "joined-recently", 0),
        (FIXTURES / "rules" / "VEN-006" / "deny" / "seal-expired.yaml", 1),
    ],
)
def test_ethiq_check_of_an_entry_on_its_own(entry: Path, exit_code: int) -> None:
    """The real command, in a pinned directory and on a plain file, without --as-of."""
    cwd, path = (entry, ".") if is_pinned(entry) else (ROOT, str(entry))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ETHIQ_")}
    done = subprocess.run(
        [sys.executable, "-m", "ethiq", "check", path, "--format", "json"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == exit_code, done.stdout[-2000:] + done.stderr[-2000:]


def test_native_fixtures_cover_every_platform_and_are_judged() -> None:
    """fixtures/native/ holds the platforms' own JSON, judged through the platform adapters like any entry."""
    native = [(str(entry.relative_to(FIXTURES)), pending) for entry, _, pending in all_entries()]
    native = [(name, pending) for name, pending in native if name.startswith("native/")]
    assert all(pending is None for _, pending in native), native
    for platform in ("meta", "google_ads", "linkedin"):
        assert any(name.startswith(f"native/{platform}/allow/") for name, _ in native), platform
        assert any(name.startswith(f"native/{platform}/deny/") for name, _ in native), platform
