"""Name normal forms and the blocklist index (engine/names.py): T03, T11 and the VEN-003 people cases."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from strategies import LOOKALIKES, banned_name_variants, clean_company_names, disguise  # tests/ via conftest

ROOT = Path(__file__).resolve().parents[1]

try:
    from ethiq.engine.errors import ContextError
    from ethiq.engine.graph.names import NameIndex, normalize_domain, normalize_name, normalize_registry_id
except ModuleNotFoundError:  # not installed: import engine/ from the source tree as package `engine`
    sys.path.insert(0, str(ROOT))
    from engine.names import (
        NameIndex,
        normalize_domain,
        normalize_name,
        normalize_registry_id,
    )

    from engine.errors import ContextError

BLOCKLIST_FILE = ROOT / "policies" / "data" / "context" / "20-blocklist-cambridge-analytica.yaml"
BLOCKLIST: dict[str, Any] = yaml.safe_load(BLOCKLIST_FILE.read_text(encoding="utf-8"))
VENDORS: dict[str, Any] = BLOCKLIST["blocklists"]["vendors"]
PEOPLE: dict[str, Any] = BLOCKLIST["blocklists"]["people"]

# The party as the research describes it (document-model §10.1); the sub-entity is made up.
PARTY = {
    "legal_name": "Liberalerna",
    "aliases": ["Liberalerna", "Liberal Party of Sweden", "Folkpartiet liberalerna"],
    "sub_entities": [{"legal_name": "Liberalerna i Stockholms län", "aliases": ["Stockholmsliberalerna"]}],
}
INDEX = NameIndex({**BLOCKLIST, "party": PARTY})
TABLES = INDEX.tables()


def vendor_names(entry_id: str) -> list[str]:
    entry = VENDORS[entry_id]
    return [entry["canonical_name"], *entry.get("aliases", [])]


def exact_vendor(name: str) -> str | None:
    norm = normalize_name(name)
    return TABLES["blocked_names"].get(norm) or TABLES["review_names"].get(norm)


# --- T11: Unicode and case variants of banned names ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [
        ("CAMBRIDGE ANALYTICA LLC", "cambridge_analytica_llc"),
        ("Cambridge-Analytica, L.L.C.", "cambridge_analytica_llc"),
        ("C\u0430mbridge Analytica", "cambridge_analytica_llc"),  # Cyrillic a, U+0430
        ("\uff33\uff23\uff2c Elections Ltd", "scl_elections"),  # fullwidth SCL
        ("S.C.L. Group Limited", "scl_group"),
        ("scl   elections", "scl_elections"),
    ],
)
def test_t11_variants_are_blocked_names(name: str, entry_id: str) -> None:
    assert TABLES["blocked_names"][normalize_name(name)] == entry_id


@pytest.mark.parametrize("name", ["SCL Health", "Cambridge University Press", "Cambridge Analytics Nordic AB"])
def test_t11_lookalike_names_are_not_blocklisted(name: str) -> None:
    assert exact_vendor(name) is None


@pytest.mark.parametrize("name", ["SCL Health", "Cambridge University Press"])
def test_t11_unrelated_names_are_not_near(name: str) -> None:
    assert INDEX.describe(name)["near"] == {"vendors": [], "people": []}


def test_t11_made_up_nordic_analytics_is_near_cambridge_analytica() -> None:
    described = INDEX.describe("Cambridge Analytics Nordic AB")
    assert described == {
        "norm": "cambridge analytics nordic",
        "near": {"vendors": ["cambridge_analytica_llc"], "people": []},
    }


def test_docs_example_normal_form() -> None:
    """The example of input.names in docs/policy-authoring.md."""
    assert INDEX.describe("Cambridge-Analytica, L.L.C.")["norm"] == "cambridge analytica"


# --- T03 and the corporate chain ------------------------------------------------------------------------


def test_t03_parent_emerdata_is_blocked_and_the_vendor_is_clean() -> None:
    assert TABLES["blocked_names"][normalize_name("EMERDATA LIMITED")] == "emerdata"
    assert exact_vendor("Nordic Insight AB") is None
    assert INDEX.describe("Nordic Insight AB")["near"]["vendors"] == []


def test_single_source_successor_is_review_not_block() -> None:
    norm = normalize_name("Dynamo Recoveries Ltd")
    assert TABLES["review_names"][norm] == "dynamo_recoveries"
    assert norm not in TABLES["blocked_names"]


# --- Normal form ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("SCL Group", "scl group"),  # "group" is a name, not a legal form
        ("S. C. L. Group", "scl group"),
        ("S C L Elections", "scl elections"),
        ("S-C-L", "scl"),
        ("S.C.L. U.S.A., Inc.", "scl usa"),  # two dotted acronyms stay two words
        ("Cambridge Analytica L L C", "cambridge analytica"),
        ("L.L.C.", "llc"),  # only legal forms: kept, never empty
        ("Limited", "limited"),
        ("Emerdata Holdings Ltd", "emerdata"),
        ("Data Propria, Inc. (US)", "data propria us"),
        ("Cambridge Analytica (UK) Limited", "cambridge analytica uk"),
        ("AggregateIQ Data Services Ltd.", "aggregateiq data services"),
        ("Ahmad Al-Khatib", "ahmad al khatib"),
        ("Åbo Tryckeri Oy", "abo tryckeri"),
        ("Øresund Łódź Đakovo", "oresund lodz dakovo"),  # letters with strokes: NFD leaves them whole
        ("\u0187ambridge", "cambridge"),  # LATIN CAPITAL LETTER C WITH HOOK: not in the confusables data
        ("Cam\u200bbridge Ana\u00adlytica", "cambridge analytica"),  # zero-width space, soft hyphen
        ("Cambridge\u00a0\u3000Analytica", "cambridge analytica"),
        ("\u24c8\u24b8\u24c1 Elections", "scl elections"),  # circled letters
        ("SCL \u2223 Elections", "scl elections"),  # DIVIDES is a separator, not an "l"
    ],
)
def test_normal_form(text: str, norm: str) -> None:
    assert normalize_name(text) == norm


@pytest.mark.parametrize("text", ["", " ", "   \t\n", "\u3000", "\u200b", "...", " - & / "])
def test_empty_and_blank_names_have_an_empty_normal_form(text: str) -> None:
    assert normalize_name(text) == ""
    assert INDEX.describe(text) == {"norm": "", "near": {"vendors": [], "people": []}}
    assert "" not in TABLES["blocked_names"]


def test_capital_i_lookalikes_become_i() -> None:
    """UTS #39 prototypes capital-I lookalikes as "l"; the override table makes them "i"."""
    for capital_i in ("\u0399", "\u0406", "\u04c0", "\u0196", "\u2c92"):
        assert normalize_name(f"SCL {capital_i}nsight") == "scl insight"


def test_confusables_are_mapped_before_casefolding() -> None:
    """Greek capital eta looks like H, its lower case like n: the capital must become h."""
    assert normalize_name("\u0397\u039a") == "hk"  # Greek capitals eta, kappa
    assert normalize_name("\u041a\u0430mbridge") == "kambridge"  # Cyrillic capital ka


def test_every_greek_and_cyrillic_lookalike_maps_to_its_latin_letter() -> None:
    for latin, lookalike in LOOKALIKES.items():
        assert normalize_name(f"x{lookalike}x") == f"x{latin.lower()}x", hex(ord(lookalike))


def test_blocklist_names_are_normal_forms_of_themselves() -> None:
    for norm in TABLES["blocked_names"]:
        assert normalize_name(norm) == norm


# --- Near matches --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "vendors"),
    [
        ("scl elections nordic", ["scl_elections"]),  # every word of the blocklisted name is there
        ("The SCL Group", ["scl_group"]),
        ("CambridgeAnalytica", ["cambridge_analytica_llc", "cambridge_analytica_uk"]),  # spacing only
        ("Emerdatta Ltd", ["emerdata"]),  # one letter off
        ("Emerdata Services", ["emerdata"]),  # a distinctive one-word name inside a longer one
        ("AggregateIQ Canada", ["aggregateiq"]),
        ("Cambridge Analytica", ["cambridge_analytica_uk"]),  # exact for the LLC, near the UK company
        # Blocklisted words missing: not near, however much token_set_ratio says 100.
        ("Strategic Communication", []),
        ("Global Research", []),
        ("Cambridge", []),
        # A short alias never matches as a word or fuzzily.
        ("SCL Health", []),
        ("GSR Ventures", []),
        ("AIQ Partners", []),
        ("Ripon Cathedral", []),  # "ripon" is too short a word to look for inside names
        ("Auspex Pharmaceuticals", []),
        ("Data Pro AB", []),
    ],
)
def test_near_vendors(name: str, vendors: list[str]) -> None:
    assert INDEX.describe(name)["near"]["vendors"] == vendors


def test_exact_match_is_not_near() -> None:
    for entry_id in VENDORS:
        for name in vendor_names(entry_id):
            assert entry_id not in INDEX.describe(name)["near"]["vendors"], name


@pytest.mark.parametrize("name", ["SCL", "AIQ", "GSR", "s.c.l.", "Aiq Ltd"])
def test_short_aliases_match_only_whole(name: str) -> None:
    assert exact_vendor(name) is not None
    assert INDEX.describe(name)["near"]["vendors"] == []


# --- People (VEN-003, review only) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Christopher Wylie", "Chris Wylie", "WYLIE, Christopher", "Christopher Wylie Ltd", "C. Wylie"]
)
def test_wylie_is_never_near_anyone(name: str) -> None:
    described = INDEX.describe(name)
    assert described["near"] == {"vendors": [], "people": []}
    assert described["norm"] not in TABLES["people_names"]


def test_wylie_is_not_on_the_blocklist() -> None:
    assert not any("wylie" in normalize_name(person["name"]) for person in PEOPLE.values())


def test_alexander_nix_is_an_exact_people_match() -> None:
    assert TABLES["people_names"][normalize_name("Alexander Nix")] == "alexander_nix"
    assert INDEX.describe("Alexander Nix")["near"]["people"] == []


@pytest.mark.parametrize(
    ("name", "people"),
    [
        ("Alex Nix", ["alexander_nix"]),  # a shortened given name
        ("A. Nix", ["alexander_nix"]),
        ("Nix, Alexander", ["alexander_nix"]),
        ("Aleksandr Kogan PhD", ["aleksandr_kogan"]),
        ("Ahmed Al Khatib", ["ahmad_al_khatib"]),
        ("Alexander Taylor", ["alexander_tayler"]),
        ("Mark Turner", []),  # the surname must match
        ("Julian Wheatley", []),
        ("Alexander Smith", []),
        ("Nix", []),
    ],
)
def test_near_people(name: str, people: list[str]) -> None:
    assert INDEX.describe(name)["near"]["people"] == people


# --- Party names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Liberalerna",
        "LIBERALERNA",
        "Folkpartiet liberalerna",
        "Liberal Party of Sweden",
        "Stockholmsliberalerna",
    ],
)
def test_party_names(name: str) -> None:
    assert TABLES["party_names"][normalize_name(name)] is True


def test_party_is_not_blocklisted() -> None:
    assert not set(TABLES["party_names"]) & set(TABLES["blocked_names"])
    assert INDEX.describe("Liberalerna")["near"] == {"vendors": [], "people": []}


# --- Domains and registry ids --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("domain", "key"),
    [
        ("cambridgeanalytica.org", "cambridgeanalytica.org"),
        ("https://WWW.CambridgeAnalytica.org/about?x=1#top", "cambridgeanalytica.org"),
        ("sclgroup.cc.", "sclgroup.cc"),
        ("http://user@aggregateiq.com:8080/", "aggregateiq.com"),
        ("  AggregateIQ.com  ", "aggregateiq.com"),
        ("xn--bcher-kva.de", "bücher.de"),
        ("xn--zz.example", "xn--zz.example"),  # not valid punycode: kept as written
        ("www.example.com/www.sclgroup.cc", "example.com"),
    ],
)
def test_normalize_domain(domain: str, key: str) -> None:
    assert normalize_domain(domain) == key


def test_blocked_domains() -> None:
    assert TABLES["blocked_domains"][normalize_domain("https://www.sclgroup.cc/")] == "scl_group"
    assert TABLES["blocked_domains"][normalize_domain("cambridgeanalytica.org")] == "cambridge_analytica_llc"


@pytest.mark.parametrize(
    ("rid", "key"),
    [
        ("gb-coh:05514098", "GB-COH:05514098"),
        (" GB-COH: 0825 6225 ", "GB-COH:08256225"),
        ("\uff27\uff22-COH:09838667", "GB-COH:09838667"),  # fullwidth GB
    ],
)
def test_normalize_registry_id(rid: str, key: str) -> None:
    assert normalize_registry_id(rid) == key


def test_every_research_registry_id_is_blocked() -> None:
    expected = {
        "GB-COH:05514098": "scl_group",
        "GB-COH:08256225": "scl_elections",
        "GB-COH:09838667": "scl_analytics",
        "GB-COH:08840965": "scl_commercial",
        "GB-COH:08410560": "scl_social",
        "GB-COH:10373330": "scl_insight",
    }
    assert TABLES["blocked_registry_ids"] == expected


# --- The index -----------------------------------------------------------------------------------------


def test_tables_are_the_documented_ones() -> None:
    assert set(TABLES) == {
        "blocked_names", "review_names", "blocked_registry_ids", "blocked_domains",
        "review_registry_ids", "review_domains", "party_names", "people_names",
    }  # fmt: skip


def test_research_entities_are_all_there() -> None:
    for name in [
        "Cambridge Analytica LLC", "Cambridge Analytica (UK) Limited", "SCL Group Ltd", "SCL Elections Ltd",
        "SCL Analytics Ltd", "SCL Commercial Ltd", "SCL Social Ltd", "SCL Insight Ltd", "SCL USA Inc",
        "Emerdata Limited", "Global Science Research Ltd", "AggregateIQ", "Auspex International Ltd",
        "Data Propria", "GSRApp", "thisisyourdigitallife", "This Is Your Digital Life", "Ripon",
        "CA Political", "SCL", "Strategic Communication Laboratories",
        "Strategic Communications Laboratories",
    ]:  # fmt: skip
        assert normalize_name(name) in TABLES["blocked_names"], name
    assert set(PEOPLE) == {
        "alexander_nix", "aleksandr_kogan", "alexander_tayler", "julian_wheatland", "mark_turnbull",
        "matt_oczkowski", "david_wilkinson", "ahmad_al_khatib", "alastair_harris",
    }  # fmt: skip


def test_blocklist_file_is_a_sourced_policy_context() -> None:
    assert BLOCKLIST["kind"] == "policy_context"
    assert BLOCKLIST["id"] == "bundled-blocklist-cambridge-analytica"
    for entry_id, entry in VENDORS.items():
        assert entry["match_policy"] in {"block", "review"}, entry_id
        assert entry["confidence"] in {"V", "S", "M", "U"}, entry_id
        assert entry["sources"], entry_id
        for source in entry["sources"]:
            assert source["title"], entry_id
            assert source["verification"] in {"V", "S", "M", "U"}, entry_id
    assert VENDORS["dynamo_recoveries"]["match_policy"] == "review"


def test_tables_returns_a_copy() -> None:
    tables = INDEX.tables()
    tables["blocked_names"]["acme"] = "acme"
    assert "acme" not in INDEX.tables()["blocked_names"]


def test_describe_returns_a_fresh_value_each_time() -> None:
    first = INDEX.describe("Cambridge Analytics Nordic AB")
    first["near"]["vendors"].append("tampered")
    assert INDEX.describe("Cambridge Analytics Nordic AB")["near"]["vendors"] == ["cambridge_analytica_llc"]


def test_block_wins_over_review_and_review_ids_are_indexed_apart() -> None:
    index = NameIndex(
        {
            "blocklists": {
                "vendors": {
                    "a_review": {
                        "canonical_name": "Acme Data Ltd",
                        "aliases": ["   ", "Limited"],
                        "registry_ids": ["gb-coh:1"],
                        "domains": ["acme.example"],
                        "match_policy": "review",
                    },
                    "b_block": {"canonical_name": "ACME DATA AB", "match_policy": "block"},
                }
            }
        }
    ).tables()
    assert index["blocked_names"] == {"acme data": "b_block"}
    assert index["review_names"] == {"limited": "a_review"}  # the blank alias is not indexed
    assert index["review_registry_ids"] == {"GB-COH:1": "a_review"}
    assert index["review_domains"] == {"acme.example": "a_review"}
    assert index["blocked_registry_ids"] == {}


def test_an_empty_context_gives_empty_tables() -> None:
    index = NameIndex({})
    assert all(table == {} for table in index.tables().values())
    assert index.describe("Cambridge Analytica") == {
        "norm": "cambridge analytica",
        "near": {"vendors": [], "people": []},
    }


@pytest.mark.parametrize(
    "context",
    [
        {"blocklists": {"vendors": [{"canonical_name": "X"}]}},
        {"blocklists": {"vendors": {"x": {"canonical_name": "X", "match_policy": "maybe"}}}},
        {"blocklists": {"vendors": {"x": {"aliases": ["X"]}}}},
        {"blocklists": {"vendors": {"x": {"canonical_name": "X", "aliases": "X"}}}},
        {"blocklists": {"people": {"p": {"name": 7}}}},
        {"party": {"sub_entities": {"legal_name": "X"}}},
    ],
)
def test_a_malformed_context_is_a_context_error(context: dict[str, Any]) -> None:
    with pytest.raises(ContextError):
        NameIndex(context)


# --- Properties ----------------------------------------------------------------------------------------


@given(data=st.data(), entry_id=st.sampled_from(sorted(VENDORS)))
def test_disguised_blocklisted_names_are_exact_matches(data: st.DataObject, entry_id: str) -> None:
    variant = data.draw(banned_name_variants(vendor_names(entry_id)), label="variant")
    table = "blocked_names" if VENDORS[entry_id]["match_policy"] == "block" else "review_names"
    assert TABLES[table].get(normalize_name(variant)) == entry_id


@given(data=st.data(), person_id=st.sampled_from(sorted(PEOPLE)))
def test_disguised_people_names_are_exact_people_matches(data: st.DataObject, person_id: str) -> None:
    person = PEOPLE[person_id]
    variant = data.draw(disguise(person["name"]), label="variant")
    assert TABLES["people_names"].get(normalize_name(variant)) == person_id


@given(clean_company_names())
def test_clean_names_match_nothing(name: str) -> None:
    described = INDEX.describe(name)
    assert described["norm"] not in TABLES["blocked_names"]
    assert described["norm"] not in TABLES["review_names"]
    assert described["near"] == {"vendors": [], "people": []}


@given(st.text(max_size=40))
def test_any_text_normalises_without_error(text: str) -> None:
    norm = normalize_name(text)
    assert norm == norm.strip()
    assert "  " not in norm
    described = INDEX.describe(text)
    assert described["norm"] == norm
    for entry_id in described["near"]["vendors"]:
        assert TABLES["blocked_names"].get(norm) != entry_id
