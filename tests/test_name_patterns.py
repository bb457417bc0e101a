"""The engine's name-pattern hits (``input.name_patterns``) decide as Rego's ``regex.match`` does.

AUD-002 and AUD-003 read the hits instead of matching each criterion's name against every pattern
themselves, so the engine answers only where it matches exactly as the rules would: every pattern of the
bundled context, over printable ASCII names, is compared here with regorus's ``regex.match``; anything
outside the subset the engine can decide gets no answer.
"""

from __future__ import annotations

import json
import re
import string

import pytest
import regorus
from hypothesis import given, settings
from hypothesis import strategies as st

from ethiq import Checker
from ethiq.engine.graph.patterns import NamePatterns, translate

_REGEX_MATCH = """package names_test

hits contains p if {
	some p in input.patterns
	regex.match(p, input.name)
}
"""


@pytest.fixture(scope="module")
def bundled_patterns(checker: Checker) -> list[str]:
    entries = checker.base_context.data["sensitive_criteria_map"]["name_patterns"]
    return [entry["pattern"] for entry in entries]


@pytest.fixture(scope="module")
def rego_hits() -> object:
    engine = regorus.Engine()
    engine.add_policy("names_test.rego", _REGEX_MATCH)

    def hits(patterns: list[str], name: str) -> set[str]:
        engine.set_input_json(json.dumps({"patterns": patterns, "name": name}))
        return set(json.loads(engine.eval_rule_as_json("data.names_test.hits")))

    return hits


def test_the_bundled_patterns_are_all_matched_by_the_engine(checker: Checker, bundled_patterns: list[str]) -> None:
    assert bundled_patterns
    assert checker.base_context.name_patterns.usable
    assert [p for p in bundled_patterns if translate(p) is None] == []


# Words from the bundled patterns and around them, so that drawn names hit, nearly hit and miss.
_WORDS = [
    "Religion", "church", "HEALTH", "Cancer awareness", "LGBT", "gay", "Gayle", "LO", "Lo", "TCO", "Saco", "SACO",
    "labor union", "labour union", "trade union", "Politics", "apolitical", "voter", "Ethnic", "race", "Racecar",
    "IF Metall", "ifmetall", "Hiv", "aids", "Raids", "Pride", "pride-parade", "diabetes", "_health", "x-health",
    "Sami", "roma", "Romance", "Arab", "Liberal", "liberalism", "fishing", "Gardening", "Opera", "Jazz",
]  # fmt: skip
_name = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.text(alphabet=string.ascii_letters + string.digits + " -_.'&/", max_size=8)),
    min_size=1,
    max_size=4,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(name=_name)
def test_the_engines_hits_are_regex_match(checker: Checker, bundled_patterns: list[str], rego_hits, name: str) -> None:  # type: ignore[no-untyped-def]
    engine = checker.base_context.name_patterns.hits(name)
    assert engine is not None
    assert set(engine) == rego_hits(bundled_patterns, name)


def test_every_word_is_decided_as_regex_match_decides_it(bundled_patterns: list[str], rego_hits) -> None:  # type: ignore[no-untyped-def]
    patterns = NamePatterns({"sensitive_criteria_map": {"name_patterns": [{"pattern": p} for p in bundled_patterns]}})
    hit = 0
    for word in _WORDS:
        found = patterns.hits(word)
        assert found is not None
        assert set(found) == rego_hits(bundled_patterns, word), word
        hit += bool(found)
    assert 0 < hit < len(_WORDS)


@pytest.mark.parametrize("name", ["Hälsa", "ångest", "Tab\there", "line\n", "\x00"])
def test_names_outside_printable_ascii_get_no_answer(name: str) -> None:
    patterns = NamePatterns({"sensitive_criteria_map": {"name_patterns": [{"pattern": "(?i)h"}]}})
    assert patterns.hits(name) is None
    assert patterns.hits("Health") == ["(?i)h"]


@pytest.mark.parametrize(
    "pattern",
    [
        r"\p{L}+",  # Unicode classes: not Python's
        r"(?<=a)b",  # lookarounds: not RE2's
        r"(?i:a)b",  # flags inside
        "(?P<x>a)",  # named groups
        r"\Qa.b\E",  # quoting
        r"a\z",  # end of text
        r"(a)\1",  # back references
        "[[:alpha:]]",  # POSIX classes
        "[a--b]",  # set operations
        "a{,3}",  # read as {0,3} by Python, literally by RE2
        "a{2000}",  # over RE2's repeat limit
        "a{3,2}",
        "a*+",  # possessive
        "a{",  # a literal brace
        "(?m)^a",  # flags other than a leading (?i)
        "\u212a",  # the Kelvin sign folds to k
        "stra\u00dfe",  # ß folds to ss
        "(?i)\u0131",  # the dotless i
        "(a",
        "a)",
        "[ab",
        "a\\",
        r"\_",  # escaping what is not a metacharacter
        r"[\b]",
    ],
)
def test_patterns_outside_the_subset_make_the_engine_give_no_answer(pattern: str) -> None:
    assert translate(pattern) is None
    patterns = NamePatterns(
        {"sensitive_criteria_map": {"name_patterns": [{"pattern": "(?i)ok"}, {"pattern": pattern}]}}
    )
    assert not patterns.usable
    assert patterns.hits("ok") is None


@pytest.mark.parametrize(
    "pattern",
    [r"(?i)\bh[aä]ls[ao]", r"\bLO\b", "(?:a|b)+c?", r"x{2,3}\.y", r"[^a-z\-]$", "^a*?b", r"\d\w\s\B", r"[]a]"],
)
def test_patterns_in_the_subset_are_matched(pattern: str, rego_hits) -> None:  # type: ignore[no-untyped-def]
    assert translate(pattern) == pattern
    patterns = NamePatterns({"sensitive_criteria_map": {"name_patterns": [{"pattern": pattern}]}})
    for name in ["halsa", "LO", "xxx.y", "a-", "ab", "aab c", "1a Bx", "]", "nothing"]:
        found = patterns.hits(name)
        assert found is not None
        assert set(found) == rego_hits([pattern], name), (pattern, name)


def test_a_context_without_patterns_gets_no_answer() -> None:
    for context in ({}, {"sensitive_criteria_map": {}}, {"sensitive_criteria_map": {"name_patterns": "x"}}):
        assert not NamePatterns(context).usable
        assert NamePatterns(context).hits("Religion") is None


def test_entries_without_a_pattern_are_skipped_as_the_rules_skip_them() -> None:
    patterns = NamePatterns(
        {"sensitive_criteria_map": {"name_patterns": [{"art9": ["health"]}, {"pattern": 5}, {"pattern": "(?i)rel"}]}}
    )
    assert patterns.hits("Religion") == ["(?i)rel"]


def test_no_bundled_pattern_puts_a_word_boundary_beside_a_letter_outside_ascii(bundled_patterns: list[str]) -> None:
    """``\\b`` is an ASCII word boundary on OPA (RE2) and a Unicode one on regorus: beside a letter such as
    'å' the two engines would disagree (``\\bångest`` never matches 'ångest' on OPA), so no pattern has one."""
    beside = re.compile(r"\\b(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\\b")
    assert [p for p in bundled_patterns if beside.search(p)] == []
