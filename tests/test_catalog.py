"""The rule catalog against its sources and its examples: every seed sentence S01-S17 is the source of a rule,
every rule has fixture entries that show it firing and passing, and every tricky case has a fixture.

The rules come from the loaded policy set, not from a list here, so a rule added later is held to the same
standard as soon as it exists.
"""

from __future__ import annotations

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
