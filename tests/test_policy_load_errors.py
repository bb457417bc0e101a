"""Hostile policies are refused at load, with their file and line, on both engines; valid Rego is not.

Each policy of the table is a directory given to ``--policies``. A policy that no engine can judge with
(not UTF-8, a rule where ethiq's data or a bundled rule lives, an entry point that is not a set, findings of
the wrong shape, a panic) is a :class:`PolicyLoadError` naming the file and line, so the command exits 3
with one line, never a traceback or a per-document problem naming no place.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import AS_OF, FIXTURES, ROOT
from ethiq import Checker
from ethiq.engine.errors import InputError, PolicyLoadError, UsageError
from ethiq.engine.evaluate.engines import OPA, REGORUS, engine_problem
from ethiq.engine.evaluate.policies import ETHIQ_DATA_ROOTS, discover_modules
from ethiq.engine.evaluate.structure import data_roots, parsed_heads, scanned_heads
from ethiq.engine.graph import build_context

OPA_PROBLEM = engine_problem(OPA)
ENGINES = [
    REGORUS,
    pytest.param(OPA, marks=pytest.mark.skipif(OPA_PROBLEM is not None, reason=OPA_PROBLEM or "")),
]
VENDOR = FIXTURES / "example-campaign" / "vendors" / "fun-apps.yaml"

METADATA = """# METADATA
# title: {title}
# custom:
#   id: {rule_id}
#   severity: {severity}
#   sources:
#     - regulation: internal
"""


@dataclass(frozen=True)
class Hostile:
    name: str
    text: str | bytes
    line: int
    message: str  # a part of the error's message
    engines: tuple[str, ...] = (REGORUS, OPA)
    extra: dict[str, str] = field(default_factory=dict)  # more files of the same directory


HOSTILE = [
    Hostile(
        "not-utf8",
        b'package ethiq.rules.vendor.mine\n\n# caf\xe9\ndeny contains "x" if { false }\n',
        3,
        "not UTF-8",
    ),
    Hostile("data-collision", "package ethiq.index\n\nblocked_names := {}\n", 3, "ethiq's data at data.ethiq.index"),
    Hostile("data-below", "package ethiq.context.blocklists\n\nextra := 1\n", 3, "data.ethiq.context"),
    Hostile("data-above", "package ethiq\n\ncontext := {}\n", 3, "data.ethiq.context"),
    Hostile(
        "bundled-function",
        "package ethiq.lib.vendors\n\nwarn_reasons(vendor) := set()\n",
        3,
        "the bundled rule data.ethiq.lib.vendors.warn_reasons",
    ),
    Hostile(
        "bundled-package-as-a-value",
        "package ethiq.lib\n\nvendors := {}\n",
        3,
        "the bundled rule data.ethiq.lib.vendors.",
    ),
    Hostile(
        "entry-point-as-a-value",
        "package ethiq.rules.vendor.five\n\ndeny := 5\n",
        3,
        "an entry point is a set of findings",
    ),
    Hostile(
        "indented-entry-point-function",
        "package ethiq.rules.vendor.fn\n\n  warn(x) := x\n",
        3,
        "an entry point is a set of findings",
    ),
    Hostile(
        "unknown-rule-id",
        'package ethiq.rules.vendor.mine\n\ndeny contains {"rule": "NOPE-001", "path": []} if {\n'
        "\tinput.document.id\n}\n",
        3,
        "'NOPE-001', which has no METADATA block",
        engines=(REGORUS,),  # findings are checked by ethiq, whatever the engine: bad-status runs on both
    ),
    Hostile(
        "bad-status",
        "package ethiq.rules.vendor.mine\n\n"
        + METADATA.format(title="Mine", rule_id="USR-001", severity="block")
        + 'deny contains {"rule": "USR-001", "status": "maybe", "path": []} if {\n'
        + "\tinput.document.legal_name\n}\n",
        10,
        "status must be fail or needs_review, not 'maybe'",
    ),
    Hostile(
        "severity-not-allowed",
        "package ethiq.rules.vendor.mine\n\n"
        + METADATA.format(title="Mine", rule_id="USR-002", severity="warn")
        + 'warn contains {"rule": "USR-002", "path": []} if input.document.id\n\n'
        + 'deny contains {"rule": "USR-002", "path": []} if input.document.id\n',
        12,
        "USR-002 is warn but was emitted by data.ethiq.rules.vendor.mine.deny",
        engines=(REGORUS,),
    ),
    Hostile(
        # strings.count with an empty needle panics in regorus (OPA counts); the example campaign triggers it
        "engine-panic",
        "package ethiq.rules.vendor.crashy\n\ndeny contains msg if {\n"
        '\tn := strings.count(input.document.id, "")\n\tmsg := sprintf("%d", [n])\n}\n',
        3,
        "engine panic",
        engines=(REGORUS,),
    ),
    Hostile(
        # two modules add to the same entry point: the faulty one is found by evaluating them one at a time
        "panic-among-two-modules",
        "package ethiq.rules.vendor.shared\n\ndeny contains msg if {\n"
        '\tn := strings.count(input.document.id, "")\n\tmsg := sprintf("%d", [n])\n}\n',
        3,
        "engine panic",
        engines=(REGORUS,),
        extra={"a_fine.rego": 'package ethiq.rules.vendor.shared\n\ndeny contains "never" if { false }\n'},
    ),
]


def _write(directory: Path, case: Hostile) -> Path:
    directory.mkdir()
    target = directory / "z_policy.rego"
    target.write_bytes(case.text if isinstance(case.text, bytes) else case.text.encode("utf-8"))
    for name, text in case.extra.items():
        (directory / name).write_text(text, encoding="utf-8")
    return target


def _cases() -> list[object]:
    return [
        pytest.param(case, engine, id=f"{case.name}-{engine}")
        for case in HOSTILE
        for engine in (REGORUS, OPA)
        if engine in case.engines
    ]


@pytest.mark.parametrize(("case", "engine"), _cases())
def test_a_hostile_policy_is_refused_at_load_with_file_and_line(case: Hostile, engine: str, tmp_path: Path) -> None:
    if engine == OPA and OPA_PROBLEM is not None:
        pytest.skip(OPA_PROBLEM)
    target = _write(tmp_path / "policies", case)
    with pytest.raises(PolicyLoadError) as caught:
        Checker(policies=[target.parent], as_of=AS_OF, engine=engine)
    error = caught.value
    assert (error.file, error.line) == (str(target), case.line), str(error)
    assert case.message in str(error)
    assert str(error).startswith(f"{target}:{case.line}:")


def test_a_policy_that_is_not_a_regular_file_is_refused_not_read(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    policies.mkdir()
    fifo = policies / "pipe.rego"
    os.mkfifo(fifo)  # reading it would block for ever
    for given in (policies, fifo):
        with pytest.raises(PolicyLoadError, match="not a regular file") as caught:
            Checker(policies=[given], as_of=AS_OF)
        assert caught.value.file == str(fifo)


VALID = {
    # The RVM compiler refuses these ("not yet supported"); the interpreter runs them: they must load.
    "walk": "package ethiq.rules.vendor.deep\n\n"
    + METADATA.format(title="No forbidden value anywhere", rule_id="USR-010", severity="warn")
    + 'warn contains {"rule": "USR-010", "path": ["id"]} if {\n'
    + "\tsome path, value\n\twalk(input.document, [path, value])\n"
    + '\tvalue == "forbidden"\n}\n',
    "with": "package ethiq.rules.vendor.mocked\n\n"
    + METADATA.format(title="Mocked", rule_id="USR-011", severity="warn")
    + 'warn contains {"rule": "USR-011", "path": ["id"]} if {\n'
    + '\t_forbidden with input.document as {"legal_name": "forbidden"}\n'
    + '\tinput.document.legal_name == "forbidden"\n}\n\n'
    + '_forbidden if input.document.legal_name == "forbidden"\n',
    "partial-object-with-a-constant-key": "package ethiq.rules.vendor.names\n\n"
    + METADATA.format(title="Named", rule_id="USR-012", severity="warn")
    + 'warn contains {"rule": "USR-012", "path": ["id"]} if labels.forbidden == input.document.legal_name\n\n'
    + 'labels["forbidden"] := "forbidden"\n',
    # Adding findings to a bundled entry point is how a policy of one's own is written.
    "bundled-entry-point-extended": "package ethiq.rules.vendor\n\n"
    + METADATA.format(title="No forbidden vendors", rule_id="USR-013", severity="block")
    + 'deny contains {"rule": "USR-013", "path": ["legal_name"]} if input.document.legal_name == "forbidden"\n',
}


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_rego_loads_and_judges(name: str, tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / f"{name}.rego").write_text(VALID[name], encoding="utf-8")
    checker = Checker(policies=[policies], as_of=AS_OF)
    report = checker.check_documents([{"kind": "vendor", "id": "ven_x", "legal_name": "forbidden"}])
    assert {f.rule_id for f in report.findings} & {"USR-010", "USR-011", "USR-012", "USR-013"}, report.problems
    assert not report.problems


def test_the_scan_of_the_bundled_library_finds_what_the_parser_finds() -> None:
    modules = discover_modules([], include_tests=True)
    scanned = [head for m in modules for head in scanned_heads(m.path, m.text)]
    assert scanned == parsed_heads([(m.path, m.text) for m in modules])
    assert len(scanned) > 1000


def test_ethiqs_data_roots_are_where_the_context_puts_its_data() -> None:
    assert sorted(data_roots(build_context().rego_data())) == sorted(ETHIQ_DATA_ROOTS)


def test_an_engine_that_cannot_be_used_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from ethiq.engine.evaluate import opa

    monkeypatch.setattr(opa, "bindings_problem", lambda: "the OPA bindings are not installed")
    with pytest.raises(UsageError, match="--engine opa cannot be used: the OPA bindings are not installed"):
        Checker(as_of=AS_OF, engine=OPA)
    with pytest.raises(InputError, match="regorus or opa"):
        Checker(as_of=AS_OF, engine="wasm")


# --- as a user meets them: the command line ---------------------------------------------------------------------


def ethiq(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ethiq", *args], capture_output=True, text=True, cwd=ROOT, check=False)


@pytest.mark.parametrize("name", ["not-utf8", "data-collision", "engine-panic"])
def test_the_command_exits_3_with_one_located_line(name: str, tmp_path: Path) -> None:
    case = next(case for case in HOSTILE if case.name == name)
    target = _write(tmp_path / "policies", case)
    result = ethiq("check", str(VENDOR), "--as-of", AS_OF, "--policies", str(target.parent))
    assert result.returncode == 3, result.stderr
    assert result.stderr.startswith(f"ethiq: error: {target}:{case.line}:"), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_a_panic_on_one_document_stays_its_problem_and_rust_says_nothing(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    policies.mkdir()
    # Only the vendors named ven_panic_* make the engine panic: the example campaign loads.
    (policies / "crashy.rego").write_text(
        "package ethiq.rules.vendor.crashy\n\ndeny contains msg if {\n"
        '\tstartswith(input.document.id, "ven_panic")\n'
        '\tn := strings.count(input.document.id, "")\n\tmsg := sprintf("%d", [n])\n}\n'
    )
    panicking = tmp_path / "panic.yaml"
    panicking.write_text("kind: vendor\nid: ven_panic_1\nlegal_name: Panik AB\n")
    result = ethiq("check", str(panicking), str(VENDOR), "--as-of", AS_OF, "-p", str(policies), "-f", "json")
    assert result.returncode == 3, result.stderr
    assert "panicked at" not in result.stderr
    assert "thread '" not in result.stderr
    assert '"engine panic in data.ethiq.rules.vendor.crashy.deny' in result.stdout
    assert '"ven_fun_apps"' in result.stdout
