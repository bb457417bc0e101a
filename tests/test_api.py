"""The public Python API: what ``import ethiq`` offers, typed and documented, and documents held in memory.

The failures the API used to have are each a case here: a vendor mapping passed to ``check``, a mapping
passed to ``check_documents``, a single string (one path, never its letters), and a ``datetime.date``
inside a document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import json
import os
import pydoc
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import ethiq
from conftest import AS_OF, FIXTURES
from ethiq.engine.read import Document, iter_documents

EXAMPLE = FIXTURES / "example-campaign"
CAMBRIDGE = {"kind": "vendor", "id": "v1", "legal_name": "Cambridge Analytica LLC"}


def fails(report: ethiq.Report) -> set[tuple[str, str, str]]:
    return {(f.rule_id, f.document_id, f.json_path) for f in report.findings if f.status == ethiq.Status.FAIL}


# --- what the package offers ---------------------------------------------------------------------------------


def isort_order(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions, each alphabetically (ruff's RUF022 order)."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_small_and_exactly_what_the_package_exports() -> None:
    assert ethiq.__all__ == sorted(ethiq.__all__, key=isort_order)
    assert len(ethiq.__all__) <= 40
    # The names are imported when first used (PEP 562): dir() lists them, getattr() imports them.
    public = {name for name in dir(ethiq) if not name.startswith("_") and not inspect.ismodule(getattr(ethiq, name))}
    assert public == set(ethiq.__all__) - {"__version__"}
    assert ethiq.engine.__all__ == sorted(ethiq.engine.__all__, key=isort_order)
    assert set(ethiq.__all__) - {"__version__"} <= set(ethiq.engine.__all__)
    engine_public = {name for name in dir(ethiq.engine) if not name.startswith("_")}
    assert engine_public - {name for name in engine_public if inspect.ismodule(getattr(ethiq.engine, name))} == set(
        ethiq.engine.__all__
    )
    assert inspect.isfunction(ethiq.engine.validate)  # the pipeline's function, not the stage's subpackage


def test_importing_the_package_imports_no_stage_until_a_name_is_used() -> None:
    code = (
        "import sys, ethiq; before = sorted(m for m in sys.modules if m.startswith('ethiq.engine')); "
        "ethiq.Report; print(before, 'ethiq.engine.report' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["[]", "True"]


def test_check_is_typed_and_documented_for_help() -> None:
    signature = inspect.signature(ethiq.check)
    for name in (
        "texts",
        "as_of",
        "lang",
        "policies",
        "context",
        "waivers",
        "baseline",
        "fail_on",
        "exclude",
        "jobs",
        "config",
    ):
        assert signature.parameters[name].kind is inspect.Parameter.KEYWORD_ONLY, name
        assert signature.parameters[name].annotation != inspect.Parameter.empty, name
    assert signature.return_annotation in ("Report", ethiq.Report)
    text = pydoc.render_doc(ethiq.check, renderer=pydoc.plaintext)
    for word in ("datetime.date", "fail_on", "waivers", "baseline", "exclude", "config=True", "never text"):
        assert word in text, word
    assert ethiq.Checker.check.__doc__
    assert "``inputs``" in ethiq.Checker.check.__doc__


def test_report_finding_and_problem_are_frozen_with_documented_fields() -> None:
    for cls in (ethiq.Report, ethiq.Finding, ethiq.Problem, ethiq.DocumentResult):
        assert dataclasses.is_dataclass(cls)
        assert cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]
        assert cls.__doc__
    report = ethiq.check([CAMBRIDGE], as_of=AS_OF)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.fail_on = "warn"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.findings[0].waiver = {}  # type: ignore[misc]
    assert isinstance(report.findings, tuple)


def test_exceptions_share_one_base() -> None:
    for name in ethiq.__all__:
        value = getattr(ethiq, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert issubclass(value, ethiq.EthiqError), name


# --- documents in memory --------------------------------------------------------------------------------------


def test_a_vendor_mapping_is_checked_and_blocks() -> None:
    report = ethiq.check([CAMBRIDGE], as_of=AS_OF)
    assert report.exit_code == ethiq.ExitCode.BLOCKING
    assert fails(report) == {("VEN-001", "v1", "$.legal_name")}
    assert [(d.id, d.kind, d.file, d.line, d.verdict) for d in report.documents] == [
        ("v1", "vendor", "<memory>", 1, "fail")
    ]
    assert not report.problems


def test_one_mapping_alone_and_check_documents_work_too(checker: ethiq.Checker) -> None:
    expected = checker.check([CAMBRIDGE]).to_dict()
    assert checker.check(CAMBRIDGE).to_dict() == expected
    assert checker.check_documents([CAMBRIDGE]).to_dict() == expected
    with pytest.raises(ethiq.UsageError):
        checker.check_documents(["vendors"])  # type: ignore[list-item]


def test_a_string_is_one_path_never_its_letters(checker: ethiq.Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLE)
    alone = checker.check("vendors")
    assert alone.to_dict() == checker.check(["vendors"]).to_dict() == checker.check(Path("vendors")).to_dict()
    assert {d.id for d in alone.documents} == {
        "ven_fun_apps", "ven_nordic_insight", "ven_opinionslabb", "ven_ordbild", "ven_sthlm_media"
    }  # fmt: skip
    missing = checker.check("no-such-folder")
    assert [(p.kind, Path(p.file or "").name) for p in missing.problems] == [("read_error", "no-such-folder")]
    assert missing.exit_code == ethiq.ExitCode.INPUT_ERROR


def _with_dates(value: Any) -> Any:
    """``value`` with every ISO date string turned into a :class:`datetime.date`."""
    if isinstance(value, dict):
        return {key: _with_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_dates(item) for item in value]
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        return dt.date.fromisoformat(value)
    return value


def test_a_date_value_is_the_same_as_its_iso_text(checker: ethiq.Checker) -> None:
    vendors = [d.data for d in iter_documents([EXAMPLE / "vendors"]) if isinstance(d, Document)]
    dated = [_with_dates(data) for data in vendors]
    assert any(isinstance(v, dt.date) for data in dated for v in data.get("edaa", {}).values())
    with pytest.raises(TypeError):
        json.dumps(dated)  # what the text-only way in could not take
    as_text = checker.check(vendors).to_dict()
    assert checker.check(dated).to_dict() == as_text
    assert as_text["findings"]  # the comparison is about something
    assert ethiq.check(dated, as_of=dt.date(2026, 11, 23)).to_dict() == as_text


def test_texts_are_read_like_files(checker: ethiq.Checker) -> None:
    text = (EXAMPLE / "vendors" / "fun-apps.yaml").read_text(encoding="utf-8")
    from_file = checker.check([EXAMPLE / "vendors" / "fun-apps.yaml"])
    from_text = checker.check(texts=[text])
    assert fails(from_text) == fails(from_file) != set()
    assert {f.file for f in from_text.findings} == {"<text 1>"}
    assert [f.line for f in from_text.findings] == [f.line for f in from_file.findings]


def test_paths_and_documents_mix_in_input_order(checker: ethiq.Checker) -> None:
    report = checker.check([CAMBRIDGE, EXAMPLE / "vendors" / "fun-apps.yaml", {**CAMBRIDGE, "id": "v2"}])
    assert [d.id for d in report.documents] == ["v1", "ven_fun_apps", "v2"]
    assert [d.line for d in report.documents if d.file == "<memory>"] == [1, 3]


def test_a_value_without_a_json_form_is_unreadable_input(checker: ethiq.Checker) -> None:
    report = checker.check([{**CAMBRIDGE, "aliases": {"SCL"}}, {**CAMBRIDGE, "id": "v2", 3: "x"}])
    assert [(p.kind, p.file, p.line, p.message) for p in report.problems] == [
        ("read_error", "<memory>", 1, "$.aliases: set has no JSON form"),
        ("read_error", "<memory>", 2, "$: a key must be a string, not int 3"),
    ]
    assert report.exit_code == ethiq.ExitCode.INPUT_ERROR
    with pytest.raises(ethiq.UsageError):
        checker.check([42])  # type: ignore[list-item]
    with pytest.raises(ethiq.UsageError):
        checker.check(b"kind: vendor")  # type: ignore[arg-type]


def test_nothing_to_check_is_a_usage_error(checker: ethiq.Checker) -> None:
    with pytest.raises(ethiq.UsageError):
        checker.check([])


# --- settings inside the engine ---------------------------------------------------------------------------------


def test_config_true_reads_ethiq_toml_and_arguments_override_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "repo")
    (tmp_path / "repo" / "ethiq.toml").write_text(
        f'paths = ["vendors"]\nfail_on = "info"\nas_of = "{AS_OF}"\nlang = "sv"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / "repo")
    for name in [n for n in os.environ if n.startswith("ETHIQ_")]:
        monkeypatch.delenv(name)
    configured = ethiq.check(config=True)
    assert (configured.fail_on, configured.lang, configured.as_of) == ("info", "sv", AS_OF)
    assert {d.kind for d in configured.documents} == {"vendor"}
    overridden = ethiq.check(config=True, fail_on="block", lang="en")
    assert (overridden.fail_on, overridden.lang) == ("block", "en")
    assert ethiq.check(["vendors"], as_of=AS_OF).fail_on == "block"  # without config=True the file is not read
    config = ethiq.load_config(Path.cwd(), {}, {})
    assert config.origin("fail_on") == str(tmp_path / "repo" / "ethiq.toml")
    assert ethiq.check(config=config).to_dict() == configured.to_dict()


def test_fail_on_and_waivers_decide_inside_the_engine(checker: ethiq.Checker, tmp_path: Path) -> None:
    report = checker.check([EXAMPLE])
    warn = checker.check([EXAMPLE], fail_on="warn")
    assert warn.fail_on == "warn"
    assert len(warn.blocking) > len(report.blocking)
    with pytest.raises(ethiq.ConfigError):
        checker.check([EXAMPLE], fail_on="sometimes")


def test_the_package_version_is_the_distribution_version() -> None:
    """Reports name ``ethiq.__version__``; it must be the version pip installed."""
    from importlib.metadata import version

    assert ethiq.__version__ == version("ethiq")
