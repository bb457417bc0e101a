"""Loading the policy set: every broken policy is found at load time, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ethiq.engine.errors import PolicyLoadError
from ethiq.engine.evaluate.policies import Module, PolicySet, data_references, load_policy_set, load_seed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_FILE = Path(__file__).resolve().parents[2] / "shared" / "seed" / "liberalerna-2018-etiska-regler.txt"

META = """# METADATA
# title: Vendors have a name
# custom:
#   id: X-001
#   severity: {severity}
#   sources:
#     - seed: S05
"""


def write(tmp_path: Path, text: str, name: str = "custom.rego") -> Path:
    directory = tmp_path / "policies"
    directory.mkdir(exist_ok=True)
    (directory / name).write_text(text)
    return directory


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load_policy_set()


def test_bundled_rules_have_complete_bilingual_metadata(bundled) -> None:  # type: ignore[no-untyped-def]
    assert bundled.rules, "the bundled library defines rules"
    for meta in bundled.rules.values():
        assert meta.title.get("en"), meta.id
        assert meta.title.get("sv"), meta.id
        assert meta.remediation.get("en"), meta.id
        assert meta.remediation.get("sv"), meta.id
        assert meta.sources, meta.id
        assert meta.kinds, f"{meta.id} lives in a package that judges no kind"


@pytest.mark.skipif(not SEED_FILE.exists(), reason="the seed text (../shared/seed/) is not beside this checkout")
def test_seed_quotes_are_verbatim() -> None:
    text = " ".join(SEED_FILE.read_text(encoding="utf-8").split())
    for ref, sentence in load_seed().items():
        assert " ".join(sentence["sv"].split()) in text, ref


def test_every_seed_rule_sentence_is_known() -> None:
    assert {f"S{n:02d}" for n in range(18)} | {f"P{n}" for n in range(1, 8)} <= set(load_seed())


def test_a_custom_policy_adds_entry_points(tmp_path: Path) -> None:
    rego = (
        "package ethiq.rules.vendor.acme\n\n"
        + META.format(severity="block")
        + 'deny contains f if {\n\tnot input.document.legal_name\n\tf := {"rule": "X-001"}\n}\n'
    )
    policy_set = load_policy_set([write(tmp_path, rego)])
    assert "data.ethiq.rules.vendor.acme.deny" in policy_set.entry_points["vendor"]
    assert policy_set.rules["X-001"].kinds == ("vendor",)


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    directory = write(tmp_path, "package ethiq.rules.vendor.acme\n\ndeny contains f if {\n\tf := \n}\n")
    with pytest.raises(PolicyLoadError) as info:
        load_policy_set([directory])
    assert info.value.file == str(directory / "custom.rego")
    assert info.value.line == 4


def test_unknown_function_is_found_before_any_document(tmp_path: Path) -> None:
    directory = write(
        tmp_path, "package ethiq.rules.vendor.acme\n\ndeny contains f if {\n\tf := no_such.fn(input.document)\n}\n"
    )
    with pytest.raises(PolicyLoadError, match=r"no_such\.fn") as info:
        load_policy_set([directory])
    assert info.value.line == 4


def test_unsafe_variable_is_found_before_any_document(tmp_path: Path) -> None:
    directory = write(tmp_path, "package ethiq.rules.vendor.acme\n\nwarn contains f if {\n\tf := y\n}\n")
    with pytest.raises(PolicyLoadError, match="unsafe") as info:
        load_policy_set([directory])
    assert info.value.line == 4


def test_package_must_name_a_kind(tmp_path: Path) -> None:
    directory = write(tmp_path, "package ethiq.rules.vendorz\n\ndeny contains 1 if { false }\n")
    with pytest.raises(PolicyLoadError, match="not a document kind"):
        load_policy_set([directory])


def test_severity_must_match_the_set(tmp_path: Path) -> None:
    rego = (
        "package ethiq.rules.vendor.acme\n\n"
        + META.format(severity="warn")
        + 'deny contains f if {\n\tfalse\n\tf := {"rule": "X-001"}\n}\n'
    )
    with pytest.raises(PolicyLoadError, match="severity warn but its rule is 'deny'"):
        load_policy_set([write(tmp_path, rego)])


def test_metadata_needs_an_id(tmp_path: Path) -> None:
    rego = (
        "package ethiq.rules.vendor.acme\n\n# METADATA\n# title: x\n# custom:\n#   severity: block\n"
        "deny contains f if {\n\tfalse\n\tf := 1\n}\n"
    )
    with pytest.raises(PolicyLoadError, match=r"custom\.id is required") as info:
        load_policy_set([write(tmp_path, rego)])
    assert info.value.line == 3  # the line of "# METADATA"


def test_unknown_seed_reference_is_refused(tmp_path: Path) -> None:
    rego = (
        "package ethiq.rules.vendor.acme\n\n"
        + META.format(severity="block").replace("S05", "S99")
        + 'deny contains f if {\n\tfalse\n\tf := {"rule": "X-001"}\n}\n'
    )
    with pytest.raises(PolicyLoadError, match="unknown seed sentence 'S99'"):
        load_policy_set([write(tmp_path, rego)])


def test_missing_policy_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyLoadError, match="no such policy directory"):
        load_policy_set([tmp_path / "absent"])


# --- the modules a run of some kinds reaches -----------------------------------------------------------------


def _files(modules) -> set[str]:  # type: ignore[no-untyped-def]
    return {Path(module.path).relative_to(Path(module.path).parents[1]).as_posix() for module in modules}


def test_data_references_skip_comments_strings_and_fields() -> None:
    text = (
        "import data.ethiq.lib.facts\n"
        "# data.ethiq.rules.ad is only a comment\n"
        'x := "data.ethiq.rules.ad" # and "data" a string\n'
        "y := input.data.k\n"
        "z := data.ethiq.lib [k]\n"
        "w := data\n"
    )
    assert data_references(text) == [("ethiq", "lib", "facts"), ("ethiq", "lib"), ()]


def test_a_vendor_run_reaches_the_vendor_rules_and_what_they_import(bundled) -> None:  # type: ignore[no-untyped-def]
    files = _files(bundled.modules_for(["vendor"]))
    assert {"rules/vendor.rego", "rules/all.rego", "lib/vendors.rego", "lib/facts.rego"} <= files
    assert not files & {"rules/audience.rego", "rules/ad.rego", "rules/campaign.rego", "lib/campaigns.rego"}
    every_kind = bundled.modules_for(bundled.entry_points)
    assert every_kind == bundled.modules  # in load order


@pytest.mark.parametrize(
    ("reference", "reached"),
    [
        ("data.ethiq.lib.a.x", {"ethiq.rules.vendor", "ethiq.lib.a"}),
        ("data.ethiq.lib[name].x", {"ethiq.rules.vendor", "ethiq.lib.a", "ethiq.lib.b"}),
        ("data.ethiq[name]", {"ethiq.rules.vendor", "ethiq.lib.a", "ethiq.lib.b", "ethiq.rules.ad"}),
        ('object.get(data, ["ethiq"], {})', {"ethiq.rules.vendor", "ethiq.lib.a", "ethiq.lib.b", "ethiq.rules.ad"}),
    ],
)
def test_a_dynamic_reference_reaches_every_package_below_it(reference: str, reached: set[str]) -> None:
    vendor = f"package ethiq.rules.vendor\n\ndeny contains 1 if {reference}\n"
    modules = [
        Module("vendor.rego", vendor, "ethiq.rules.vendor", True),
        Module("a.rego", "package ethiq.lib.a\n\nx := 1\n", "ethiq.lib.a", True),
        Module("b.rego", "package ethiq.lib.b\n\nx := 2\n", "ethiq.lib.b", True),
        Module("ad.rego", "package ethiq.rules.ad\n\ndeny contains 1 if data.ethiq.lib.b.x\n", "ethiq.rules.ad", True),
    ]
    entry_points = {"vendor": ["data.ethiq.rules.vendor.deny"], "ad": ["data.ethiq.rules.ad.deny"]}
    policy_set = PolicySet(modules, {}, entry_points)
    assert {module.package for module in policy_set.modules_for(["vendor"])} == reached


def test_a_document_of_a_kind_not_readied_is_judged_with_every_module() -> None:
    from ethiq.engine import Checker

    audience = FIXTURES / "rules" / "AUD-001" / "deny"
    expected = Checker(as_of="2026-11-23").check([audience]).to_dict()
    checker = Checker(as_of="2026-11-23")
    checker.stages.ready(["vendor"])
    assert checker.stages._kinds == {"vendor"}
    assert checker.check([audience]).to_dict() == expected
    assert checker.stages._kinds is None  # prepared again, with every module


def test_a_custom_rule_reaches_its_helpers_through_aliases_and_rule_head_references(tmp_path: Path) -> None:
    """The engine holds only the modules a run's kinds reach: a custom rule that reads its helpers through an
    aliased import, and a rule its own package's parent defines with a reference in the head, must find them
    (an undefined helper would leave the rule silent: a pass)."""
    from ethiq.engine import Checker

    rule = (
        "package ethiq.rules.vendor.acme\n\n"
        "import data.acme.helpers as h\n"
        "import data.acme.flags\n\n"
        + META.format(severity="block")
        + 'deny contains f if {\n\th.named(input.document)\n\tflags.strict\n\tf := {"rule": "X-001"}\n}\n'
    )
    directory = write(tmp_path, rule)
    (directory / "helpers.rego").write_text('package acme.helpers\n\nnamed(document) if document.legal_name != ""\n')
    (directory / "flags.rego").write_text("package acme\n\nflags.strict := true\n")
    vendor = FIXTURES / "rules" / "VEN-001" / "allow" / "clean-media-agency"
    checker = Checker(policies=[directory], as_of="2026-11-23", cache=False)
    reached = {module.package for module in checker.policy_set.modules_for(["vendor"])}
    assert {"ethiq.rules.vendor.acme", "acme.helpers", "acme"} <= reached
    report = checker.check([vendor])
    assert checker.stages._kinds == {"vendor"}  # judged by the engine holding only what vendors reach
    assert [finding.rule_id for finding in report.findings] == ["X-001"]
