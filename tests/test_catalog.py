"""The rule catalog against its sources and its examples: every rule of the catalog exists, every seed sentence
S01-S17 is the source of a rule, every rule has fixture entries that show it firing and passing and Rego unit
tests of its own, a rule with a later effective date shows it is not applicable before, and every tricky case
has a fixture.

The rules come from the loaded policy set, not from a list here, so a rule added later is held to the same
standard as soon as it exists.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES
from ethiq.engine.evaluate.policies import load_policy_set, load_seed
from ethiq.engine.read.documents import Document, iter_documents
from ethiq.engine.report import RuleMeta

RULES: dict[str, RuleMeta] = load_policy_set().rules
RULE_FIXTURES = FIXTURES / "rules"
TRICKY_FIXTURES = FIXTURES / "tricky"

#: The seed's rules (policies/data/seed.yaml): S00 is the preamble's principle, S01-S17 the rules proper.
SEED_RULES = [f"S{n:02d}" for n in range(1, 18)]

#: The tricky cases of shared/domain/tricky-cases.md, which each need at least one fixture.
TRICKY_CASES = {
    "T01": "lookalike seeded from a quiz-app list",
    "T02": 'the interest "Personality" vs a psychographic segment',
    "T03": "a vendor that is a subsidiary of Emerdata",
    "T04": "a dark post missing from the public feed",
    "T05": "a boosted post that is itself unpublished",
    "T06": "an audience of 90",
    "T07": "age_min 17 in Sweden",
    "T08": "Austria, or an EP election in DE/BE",
    "T09": 'origin "first_party", method quiz app',
    "T10": "a vendor's EDAA seal has expired",
    "T11": "Unicode and case variants of banned names",
    "T12": 'a hashed e-mail Custom Audience labelled "anonymised"',
    "T13": "the member register uploaded as a Custom Audience",
    "T14": "the members newsletter",
    "T15": "a sensitive criterion hidden in exclusions",
}

FIXTURE_SUFFIXES = (".yaml", ".yml", ".json")

#: The 66 rules of the catalog (shared/domain/rule-catalog.md §11), by kind.
CATALOG_RULES = (
    [f"ACC-{n:03d}" for n in range(1, 9)]
    + [f"VEN-{n:03d}" for n in range(1, 13)]
    + [f"DAT-{n:03d}" for n in range(1, 15)]
    + [f"AUD-{n:03d}" for n in range(1, 13)]
    + [f"AD-{n:03d}" for n in range(1, 14)]
    + [f"CMP-{n:03d}" for n in range(1, 8)]
)

#: Rules beyond the catalog, each with its reason: AUD-013 carries the ban on quiz-app, app-developer and
#: psychographic data (S15) to every audience built on such a source through any depth of lineage, and
#: REF-001 makes every unresolved reference visible. What only the platforms' own JSON reveals has rules of its
#: own: AUD-014 (a list the platform records as third-party data: S15, TTPA 18(1)(a)), AUD-015 (Customer Match
#: uploads without consent signals), AUD-016 (LinkedIn group membership in the EU), NAT-001 (a hand-written
#: projection that differs from the native spec) and NAT-002 (a native key no adapter understands).
EXTRA_RULES = {"AUD-013", "AUD-014", "AUD-015", "AUD-016", "NAT-001", "NAT-002", "REF-001"}

CATALOG_FILE = Path(__file__).resolve().parents[2] / "shared" / "domain" / "rule-catalog.md"

POLICIES = Path(__file__).resolve().parents[1] / "policies"

#: The TTPA pack and AD-012 apply from their regulation's date, long after the seed's.
LATE_RULES = {rule for rule, meta in RULES.items() if (meta.effective_from or "") > "2018-05-25"}


def entries(folder: Path) -> list[Path]:
    """The fixture entries of a verdict folder, as the fixture table reads them: files and directories."""
    if not folder.is_dir():
        return []
    return [
        e
        for e in sorted(folder.iterdir())
        if not e.name.startswith(".") and (e.is_dir() or e.suffix in FIXTURE_SUFFIXES)
    ]


def expected_rules(entry: Path) -> set[str]:
    """The rule ids named by the ``x-expect`` items of an entry's documents."""
    return {
        str(item).split()[0]
        for doc in iter_documents([entry])
        if isinstance(doc, Document)
        for item in doc.data.get("x-expect", [])
        if item != "none"
    }


def firing_folder(meta: RuleMeta) -> str:
    """Where the fixtures that make a rule fire live: ``deny/`` when it can block, else ``warn/``."""
    return "deny" if "block" in meta.severities else "warn"


def test_the_policy_set_is_the_catalog_and_its_justified_extras() -> None:
    assert len(CATALOG_RULES) == 66
    assert set(RULES) == set(CATALOG_RULES) | EXTRA_RULES


@pytest.mark.skipif(
    not CATALOG_FILE.exists(), reason="the rule catalog (../shared/domain/) is not beside this checkout"
)
def test_the_catalog_list_is_the_catalogs() -> None:
    headings = re.findall(r"^\*\*([A-Z]+-\d{3}):", CATALOG_FILE.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert sorted(headings) == sorted(CATALOG_RULES)


def rego_tests() -> set[str]:
    return {
        name
        for path in POLICIES.rglob("*_test.rego")
        for name in re.findall(r"^(test_\w+) if", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    }


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_has_rego_tests_of_its_own(rule: str) -> None:
    """``test_<rule>_<situation>``: test_ad_010_..., or test_aud006_... in the audience tests."""
    prefix, number = rule.lower().split("-")
    names = {f"test_{prefix}_{number}_", f"test_{prefix}{number}_"}
    assert [t for t in rego_tests() if any(t.startswith(n) for n in names)], f"no Rego test named for {rule}"


@pytest.mark.parametrize("rule", sorted(LATE_RULES))
def test_a_later_rule_is_not_applicable_before_its_date(rule: str) -> None:
    """An allow/ entry named before-... shows the rule silent before its effective date."""
    before = [e for e in entries(RULE_FIXTURES / rule / "allow") if e.name.startswith("before-")]
    assert before, f"{rule}: no fixtures/rules/{rule}/allow/before-... entry"


def test_the_seed_defines_the_rules_the_catalog_covers() -> None:
    assert set(SEED_RULES) <= set(load_seed())


@pytest.mark.parametrize("seed", SEED_RULES)
def test_every_seed_sentence_is_the_source_of_a_rule(seed: str) -> None:
    sourced = sorted(rule for rule, meta in RULES.items() if any(s.ref == seed for s in meta.sources))
    assert sourced, f"no rule names the seed sentence {seed} in its sources"


def test_every_rule_has_fixtures_that_fire_it_and_fixtures_that_pass() -> None:
    missing = []
    for rule, meta in sorted(RULES.items()):
        folder = firing_folder(meta)
        firing = entries(RULE_FIXTURES / rule / folder)
        if not firing:
            missing.append(f"{rule}: no entry under fixtures/rules/{rule}/{folder}/")
        elif not any(rule in expected_rules(entry) for entry in firing):
            missing.append(f"{rule}: no entry under fixtures/rules/{rule}/{folder}/ expects {rule} in x-expect")
        if not entries(RULE_FIXTURES / rule / "allow"):
            missing.append(f"{rule}: no entry under fixtures/rules/{rule}/allow/")
    assert not missing, "\n".join(missing)


def test_rule_fixture_folders_name_rules_of_the_policy_set() -> None:
    unknown = sorted(p.name for p in RULE_FIXTURES.iterdir() if p.is_dir() and p.name not in RULES)
    assert not unknown, f"fixture folders for rules the policy set does not have: {unknown}"


@pytest.mark.parametrize("case", sorted(TRICKY_CASES))
def test_every_tricky_case_has_a_fixture(case: str) -> None:
    found = [
        e
        for verdict in sorted(p for p in TRICKY_FIXTURES.iterdir() if p.is_dir())
        for e in entries(verdict)
        if e.name.startswith(f"{case}-")
    ]
    assert found, f"no fixture under fixtures/tricky/*/ starts with {case} ({TRICKY_CASES[case]})"
