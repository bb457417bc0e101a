"""Generate a realistic campaign repository of any size, the same for the same seed.

    python bench/generate.py --docs 10000 --seed 1 --out /tmp/campaign-10k

The mix follows a party's real repository: about 1 % vendors (in corporate groups, with parent chains
and sub-processors), 10 % data sources (with lineage up to several levels deep), 70 % audiences (a
Meta-style ``native_spec`` and the ``normalized`` view the rules read: geo, ages, include and exclude
criteria, custom audiences and lookalikes built on the data sources, size estimate, political block,
justification), a few campaigns, and the rest accounts and ads (ads deliver to audiences and are
published by accounts). Every document is schema-valid and every reference resolves, except a few dangling
ones planted on purpose.

A few percent of the documents violate a rule, spread over many rules: quiz-app and personality data,
psychographic segments, Cambridge Analytica in a vendor's name (in several spellings) or in its parent
company, expired EDAA seals, audiences below the size floor, special-category exclusions, hyper-local
targeting, bought followers, dark posts without a public counterpart, and so on. The planted documents are
listed in ``manifest.json`` with what was planted.

Files are YAML and JSON in sub-folders; some YAML files hold several documents (``---``) and some JSON files
an array. ``problems=True`` (``--with-problems``) adds a handful of unusable inputs too (a file that does not
parse, a schema-invalid document, a duplicate id): the benchmark leaves it off; tests of ordering use it.

Nothing here imports ethiq: the generator describes documents the way a user writes them.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

AS_OF = "2026-11-23"  # the date the generated repository is meant to be checked at

# --- vocabulary -------------------------------------------------------------------------------------------

_COMPANY_WORDS = [
    "Nordic", "Baltic", "Scandia", "Polar", "Fjord", "Aurora", "Granit", "Linnea", "Kvarn", "Vinter",
    "Sommar", "Lodestar", "Meridian", "Harbour", "Beacon", "Compass", "Spruce", "Birch", "Juniper", "Ember",
    "Cobalt", "Quartz", "Orbit", "Pixel", "Signal", "Vector", "Summit", "Delta", "Kestrel", "Otter",
]  # fmt: skip
_COMPANY_KINDS = [
    ("Media", ["media_agency"]),
    ("Analytics", ["data_analytics"]),
    ("Insight", ["data_analytics", "measurement"]),
    ("Programmatic", ["dsp", "ad_network"]),
    ("Creative", ["creative_agency"]),
    ("Data Platform", ["cdp"]),
    ("Research", ["survey_panel"]),
    ("Consulting", ["consultancy"]),
]
_LEGAL_SUFFIX = {"SE": "AB", "FI": "Oy", "DK": "ApS", "NO": "AS", "DE": "GmbH", "IE": "Limited", "NL": "B.V."}
_PEOPLE = [
    "Karin Lund", "Erik Holm", "Sara Nyberg", "Johan Ek", "Maria Lind", "Anders Berg", "Elin Dahl",
    "Oskar Sjöberg", "Lena Åberg", "Mikael Strand", "Frida Wall", "Nils Forsberg", "Ingrid Sandström",
]  # fmt: skip

# (platform id, display name): harmless Meta interests.
_INTERESTS = [
    ("6003020834693", "Public transport"), ("6003139266461", "Cycling"), ("6003349442621", "Education"),
    ("6003384248805", "Entrepreneurship"), ("6003107902433", "Small business"), ("6003277229526", "Gardening"),
    ("6003012317397", "Hiking"), ("6003659420716", "Cooking"), ("6003397425735", "Reading"),
    ("6003020834694", "Commuting"), ("6003195554098", "Local news"), ("6003248297213", "Outdoor recreation"),
    ("6003352779059", "Road cycling"), ("6003384829661", "Electric vehicles"), ("6003456330903", "Schools"),
    ("6003217093576", "Home improvement"), ("6003346592981", "Public libraries"), ("6003629266583", "Fishing"),
]  # fmt: skip
_BEHAVIOURS = [
    ("6002714895372", "Frequent travellers"), ("6017253486583", "Commuters"),
    ("6071631541183", "Small business owners"), ("6002714898572", "Technology early adopters"),
    ("6015559470583", "Returned from travels"),
]  # fmt: skip
_SENSITIVE = [  # criteria that reveal an Art. 9 category
    ("6003000000002", "Islam", "religious_or_philosophical_beliefs"),
    ("6003000000011", "Christianity", "religious_or_philosophical_beliefs"),
    ("6003000000003", "LGBT community", "sex_life_or_sexual_orientation"),
    ("6003000000021", "Diabetes awareness", "health"),
    ("6003000000031", "Trade union members", "trade_union_membership"),
]
_REGIONS = [
    ("3226", "Stockholm"), ("3237", "Västra Götaland"), ("3235", "Skåne"), ("3241", "Uppsala"),
    ("3228", "Östergötland"), ("3230", "Jönköping"), ("3244", "Västerbotten"), ("3239", "Dalarna"),
    ("3233", "Halland"), ("3242", "Värmland"), ("3243", "Örebro"), ("3246", "Norrbotten"),
]  # fmt: skip
_CITIES = [
    ("2673730", "Stockholm"), ("2711537", "Göteborg"), ("2692969", "Malmö"), ("2666199", "Uppsala"),
    ("2664454", "Västerås"), ("2686657", "Örebro"), ("2694762", "Linköping"), ("2706767", "Helsingborg"),
    ("2702979", "Jönköping"), ("2688368", "Norrköping"), ("2695146", "Lund"), ("2602512", "Umeå"),
]  # fmt: skip
_THEMES = [
    ("transport", "Fler avgångar och lägre priser i kollektivtrafiken."),
    ("school", "Kunskap i skolan: fler lärare och mindre klasser."),
    ("housing", "Fler bostäder för unga: bygg mer, krångla mindre."),
    ("climate", "Fossilfri el och mer kärnkraft för klimatet."),
    ("enterprise", "Enklare regler för den som startar ett företag."),
    ("care", "Kortare köer och mer valfrihet i vården."),
    ("integration", "Svenska från första dagen och jobb som väg in."),
    ("safety", "Fler poliser i hela landet och tryggare gator."),
]
_JUSTIFICATIONS = [
    "People who {what} are the ones most affected by our {theme} proposals; the criteria reveal nothing "
    "sensitive and the region is large enough to address them only as a group.",
    "We reach {what} in {region} with our {theme} message. Interests were chosen from the platform's "
    "taxonomy and checked against the sensitive-criteria map; no exclusions reveal special categories.",
    "Our {theme} campaign speaks to {what}. The audience is broad (region level, adults only), and the "
    "custom audiences come from the party's own lists with consent for political advertising.",
]
_WHAT = ["commute daily", "run small businesses", "have children in school", "rent their home",
         "care about the climate", "live outside the big cities", "study at university"]  # fmt: skip
_CA_NAMES = [  # Cambridge Analytica spellings: punctuation, legal forms, fullwidth, Cyrillic, acronyms
    "Cambridge-Analytica, L.L.C.", "S.C.L. Elections Ltd",
    "\uff33\uff23\uff2c Group Limited",  # fullwidth SCL
    "Cambridge An\u0430lytica LLC",  # Cyrillic small a
    "AggregateIQ Data Services Ltd", "EMERDATA LTD", "Global Science Research Limited", "SCL Elections",
]  # fmt: skip
_CA_PARENTS = ["EMERDATA LIMITED", "SCL Group Limited", "Strategic Communication Laboratories Ltd"]

_AUDIENCE_PLATFORMS = ["meta"] * 14 + ["google_ads", "google_ads", "linkedin", "snapchat", "x", "dsp"]
_AD_PLATFORMS = ["email", "sms", "dsp", "snapchat", "x", "meta", "meta"]
_ACCOUNT_PLATFORMS = ["facebook", "instagram", "x", "threads", "youtube", "tiktok", "bluesky"]


@dataclass
class Planted:
    kind: str
    id: str
    what: str


@dataclass
class Repository:
    """What was generated: counts per kind, files, and the violations planted."""

    out: Path
    seed: int
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0
    planted: list[Planted] = field(default_factory=list)
    dangling: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return sum(self.counts.values())

    def manifest(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "as_of": AS_OF,
            "documents": self.documents,
            "counts": self.counts,
            "files": self.files,
            "planted": [{"kind": p.kind, "id": p.id, "what": p.what} for p in self.planted],
            "dangling_references": self.dangling,
        }


# --- the generator ----------------------------------------------------------------------------------------


class _Generator:
    def __init__(self, docs: int, seed: int, out: Path, *, violation_rate: float, problems: bool):
        self.rng = random.Random(seed)
        self.out = out
        self.rate = violation_rate
        self.problems = problems
        self.repo = Repository(out=out, seed=seed)
        total = max(docs, 20)
        self.n_vendors = max(4, round(total * 0.01))
        self.n_sources = max(6, round(total * 0.10))
        self.n_campaigns = max(1, min(12, total // 5000 + 1))
        self.n_audiences = max(4, round(total * 0.70))
        rest = total - self.n_vendors - self.n_sources - self.n_campaigns - self.n_audiences
        self.n_accounts = max(2, rest // 6)
        self.n_ads = max(1, rest - self.n_accounts)
        self.vendors: list[dict[str, Any]] = []
        self.sources: list[dict[str, Any]] = []
        self.tainted_sources: list[str] = []
        self.party_sources: list[str] = []
        self.campaigns: list[dict[str, Any]] = []
        self.audiences_by_campaign: dict[str, list[tuple[str, str]]] = {}  # campaign -> (audience id, platform)
        self.accounts: list[tuple[str, str]] = []  # (id, publishing platform)

    # planting ------------------------------------------------------------------------------------------------

    def _plant(self, kind: str, ident: str, choices: list[str]) -> str | None:
        if self.rng.random() >= self.rate:
            return None
        what = self.rng.choice(choices)
        self.repo.planted.append(Planted(kind, ident, what))
        return what

    # vendors -------------------------------------------------------------------------------------------------

    def gen_vendors(self) -> list[tuple[str, list[dict[str, Any]]]]:
        rng = self.rng
        files: list[tuple[str, list[dict[str, Any]]]] = []
        made = 0
        group_no = 0
        while made < self.n_vendors:
            group_no += 1
            country = rng.choice(["SE"] * 6 + ["FI", "DK", "NO", "DE", "IE", "NL"])
            word = rng.choice(_COMPANY_WORDS)
            size = min(self.n_vendors - made, rng.choice([1, 1, 2, 3, 4]))
            group: list[dict[str, Any]] = []
            holding_id = f"ven_{word.lower()}_group_{group_no:04d}"
            for position in range(size):
                if position == 0 and size > 1:
                    vendor = self._vendor(holding_id, f"{word} Group", country, ["consultancy"])
                else:
                    label, roles = rng.choice(_COMPANY_KINDS)
                    ident = f"ven_{word.lower()}_{label.split()[0].lower()}_{group_no:04d}_{position}"
                    vendor = self._vendor(ident, f"{word} {label}", country, roles)
                    if size > 1:  # a subsidiary: owned by the group's holding company
                        vendor["parent_chain"] = [
                            {
                                "legal_name": f"{word} Group {_LEGAL_SUFFIX[country]}",
                                "country": country,
                                "ownership_pct": rng.choice([100, 100, 80.5, 51]),
                                "since": f"20{rng.randint(10, 23)}-0{rng.randint(1, 9)}-01",
                                "vendor_id": holding_id,
                            }
                        ]
                        vendor["ultimate_parent"] = {"legal_name": f"{word} Group {_LEGAL_SUFFIX[country]}"}
                group.append(vendor)
                made += 1
            # Sub-processors: some vendors pass data to one or two infrastructure vendors (the first groups
            # made), which pass it to no one: the chains are short, as in a real processor register.
            infrastructure = self.vendors[: max(1, self.n_vendors // 5)]
            for vendor in group:
                if made > self.n_vendors // 5 and rng.random() < 0.25:
                    subs = rng.sample(infrastructure, k=min(len(infrastructure), rng.choice([1, 1, 2])))
                    vendor["sub_processor_ids"] = sorted({v["id"] for v in subs})
            for vendor in group:
                self._vendor_violation(vendor)
            self.vendors.extend(group)
            if len(group) > 1:
                files.append((f"vendors/groups/{word.lower()}-{group_no:04d}.yaml", group))
            else:
                files.append((f"vendors/{country.lower()}/{group[0]['id']}.yaml", group))
        return files

    def _vendor(self, ident: str, name: str, country: str, roles: list[str]) -> dict[str, Any]:
        rng = self.rng
        joined = f"20{rng.randint(20, 23)}-0{rng.randint(1, 9)}-15"
        issued_year = rng.randint(2025, 2026)
        issued = f"{issued_year}-0{rng.randint(1, 9)}-10"
        ceo = rng.choice(_PEOPLE)
        domain = name.lower().replace(" ", "-") + ".example"
        return {
            "kind": "vendor",
            "id": ident,
            "schema_version": "1.0",
            "description": f"{name}: {', '.join(roles)} for the party's campaigns.",
            "labels": {"owner": "digital-team", "contract": f"2026-{rng.randint(1, 999):03d}"},
            "evidence": [
                {"type": "contract", "ref": f"dms://contracts/{ident}/framework.pdf", "date": "2026-02-01"},
                {"type": "attestation", "ref": f"dms://contracts/{ident}/ca-attestation.pdf", "date": "2026-02-01"},
            ],
            "legal_name": f"{name} {_LEGAL_SUFFIX[country]}",
            "trade_names": [name],
            "country": country,
            "registry_ids": [f"{country}-BV:55{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"],
            "domains": [domain],
            "key_people": [{"name": ceo, "role": "CEO"}],
            "roles": roles,
            "edaa": {
                "status": "trust_seal",
                "joined_at": joined,
                "self_certified_at": joined[:5] + "12-01",
                "certification_provider": "ePrivacyconsult",
                "seal_issued_at": issued,
                "seal_expires_at": f"{issued_year + 2}{issued[4:]}",
            },
            "gdpr": {
                "role": "processor",
                "dpa_signed": True,
                "dpa_date": "2026-02-01",
                "eu_establishment": True,
                "transfers_outside_eea": False,
            },
            "data_handling": {"delivers_data_at": "aggregate", "de_identification": "aggregated", "k_min": 100},
            "services_declared": {
                "psychographic_profiling": False,
                "sells_followers_or_engagement": False,
                "bot_or_automation_engagement": False,
                "sells_individual_data": False,
                "buys_app_or_quiz_data": False,
                "uses_voter_files": False,
            },
            "attestations": {
                "no_cambridge_analytica_services": {"signed": True, "date": "2026-02-01", "signatory": f"{ceo}, CEO"},
                "seed_code_acknowledged": {"signed": True, "date": "2026-02-01"},
            },
            "ttpa": {"provides_political_advertising_services": True, "is_publisher": False, "established_in_eu": True},
        }

    def _vendor_violation(self, vendor: dict[str, Any]) -> None:
        what = self._plant(
            "vendor",
            vendor["id"],
            ["ca_name", "ca_parent", "expired_seal", "psychographic", "small_cells", "sells_engagement",
             "ca_person", "app_developer"],
        )  # fmt: skip
        if what == "ca_name":
            vendor["legal_name"] = self.rng.choice(_CA_NAMES)
        elif what == "ca_parent":
            vendor.setdefault("parent_chain", []).append(
                {"legal_name": self.rng.choice(_CA_PARENTS), "country": "GB", "ownership_pct": 100}
            )
        elif what == "expired_seal":
            vendor["edaa"].update(seal_issued_at="2024-01-10", seal_expires_at="2026-01-10")
        elif what == "psychographic":
            vendor["services_declared"]["psychographic_profiling"] = True
        elif what == "small_cells":
            vendor["data_handling"]["k_min"] = 50
        elif what == "sells_engagement":
            vendor["services_declared"]["sells_followers_or_engagement"] = True
            vendor["roles"] = [*vendor["roles"], "engagement_seller"]
        elif what == "ca_person":
            vendor["key_people"].append({"name": "Alexander Nix", "role": "adviser"})
        elif what == "app_developer":
            vendor["roles"] = ["app_developer"]
        if what is not None:
            vendor["x-planted"] = what

    # data sources --------------------------------------------------------------------------------------------

    def gen_sources(self) -> list[tuple[str, list[dict[str, Any]]]]:
        rng = self.rng
        files: list[tuple[str, list[dict[str, Any]]]] = []
        clean_vendors = [v["id"] for v in self.vendors if "x-planted" not in v]
        tainted_vendors = [v["id"] for v in self.vendors if v.get("x-planted") in ("ca_name", "app_developer")]
        levels: dict[str, int] = {}
        for number in range(self.n_sources):
            ident = f"ds_{number:06d}"
            party = rng.random() < 0.6 or not clean_vendors
            source = self._source(ident, None if party else rng.choice(clean_vendors))
            # Lineage: a derived source is built from one or two sources of the level below, up to four
            # levels deep, as a party's segments are built from its raw lists.
            level = rng.choice([0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4])
            below = [p for p in self.sources[-400:] if levels[p["id"]] == level - 1]
            if level and below:
                parents = rng.sample(below, k=min(len(below), rng.choice([1] * 9 + [2])))
                source["lineage"] = {
                    "derived_from": sorted({p["id"] for p in parents}),
                    "transformations": ["aggregate"],
                }
            else:
                level = 0
            levels[ident] = level
            what = self._plant(
                "data_source",
                ident,
                ["quiz_app", "personality", "psychographic_segment", "voter_file", "minors", "individual",
                 "ca_vendor"],
            )  # fmt: skip
            self._source_violation(source, what, tainted_vendors)
            self.sources.append(source)
            if what in ("quiz_app", "personality", "psychographic_segment", "ca_vendor"):
                self.tainted_sources.append(ident)
            if source.get("vendor_id") is None:
                self.party_sources.append(ident)
            folder = "party" if source.get("vendor_id") is None else source["vendor_id"]
            if rng.random() < 0.3:
                files.append((f"data-sources/{folder}/{ident}.json", [source]))
            else:
                files.append((f"data-sources/{folder}/{ident}.yaml", [source]))
        return files

    def _source(self, ident: str, vendor_id: str | None) -> dict[str, Any]:
        """A clean source: aggregated engagement or pixel data, for groups, never lists of people."""
        rng = self.rng
        theme = rng.choice(_THEMES)[0]
        method, scope, mechanism = rng.choice(
            [
                ("page_engagement", "page_engagers", "engagement"),
                ("pixel", "website_visitors", "pixel"),
                ("newsletter_signup", "subscribers", "engagement"),
                ("event_signup", "supporters", "engagement"),
            ]
        )
        return {
            "kind": "data_source",
            "id": ident,
            "schema_version": "1.0",
            "name": f"{theme.title()} {method.replace('_', ' ')} segment {ident[-4:]}",
            "vendor_id": vendor_id,
            "origin": "first_party_observed" if mechanism != "engagement" or vendor_id else "first_party_direct",
            "collection": {
                "method": method,
                "collected_by": "party",
                "collected_from_data_subject": True,
                "from": "2025-01-01",
                "to": "2026-06-30",
            },
            "subject_scope": scope,
            "data_categories": ["user.behavior.media_consumption", "user.location.imprecise"],
            "inferred_special_categories": [],
            "identifiability": "aggregated",
            "k_min": rng.choice([100, 250, 1000]),
            "record_count": rng.randint(1500, 250_000),
            "legal_basis": {
                "art6": "a",
                "art9": "none",
                "consent": {
                    "explicit": True,
                    "separate_for_political_advertising": True,
                    "obtained_at": "2025-09-01",
                    "withdrawal_url": "https://www.liberalerna.se/avregistrera",
                    "record_ref": f"consent://{ident}",
                },
            },
            "purposes": ["political_advertising", "analytics"],
            "contains_minors": "no",
            "min_age_known": 18,
            "lineage": {"derived_from": [], "transformations": ["aggregate"]},
            "platform_binding": {"platform": "meta", "mechanism": mechanism, "built_with_platform_tool": True},
            "dpia_ref": f"dpia://{ident}",
            "ropa_ref": f"ropa://{ident}",
            "retention_days": 730,
        }

    def _source_violation(self, source: dict[str, Any], what: str | None, tainted_vendors: list[str]) -> None:
        rng = self.rng
        if what == "quiz_app":
            source["collection"].update(method="quiz_app", platform_app_id=str(rng.randint(10**15, 10**16)))
            source["subject_scope"] = "app_users"
            source["name"] = "Which party leader are you? quiz"
        elif what == "personality":
            source["data_categories"] = [*source["data_categories"], "user.inferred.personality"]
        elif what == "psychographic_segment":
            source["segments"] = [{"name": "Openness: high", "type": "psychographic_segment", "source": "vendor"}]
        elif what == "voter_file":
            source["origin"] = "voter_file"
            source["platform_binding"].update(
                mechanism="customer_list", meta_customer_file_source="PARTNER_PROVIDED_ONLY"
            )
        elif what == "minors":
            source["contains_minors"] = "yes"
            source["min_age_known"] = 15
        elif what == "individual":
            source["identifiability"] = "identified"
            source["platform_binding"]["mechanism"] = "customer_list"
            source.pop("k_min", None)
        elif what == "ca_vendor":
            if tainted_vendors:
                source["vendor_id"] = rng.choice(tainted_vendors)
                source["collection"]["collected_by"] = source["vendor_id"]
                source["origin"] = "second_party"
            else:
                source["data_categories"] = [*source["data_categories"], "user.inferred.psychographic"]
        if what is not None:
            source["x-planted"] = what

    # campaigns -----------------------------------------------------------------------------------------------

    def gen_campaigns(self) -> None:
        rng = self.rng
        for number in range(self.n_campaigns):
            theme = _THEMES[number % len(_THEMES)][0]
            ident = f"cmp_2026_{theme}_{number:02d}"
            self.campaigns.append(
                {
                    "kind": "campaign",
                    "id": ident,
                    "schema_version": "1.0",
                    "description": f"Riksdag 2026: the {theme} campaign.",
                    "sponsor_legal_name": "Liberalerna",
                    "sponsor_entity": "Liberalerna",
                    "election_ids": ["SE-RIKSDAG-2026"],
                    "countries": ["SE"],
                    "period": {"from": "2026-08-01", "to": "2026-09-13"},
                    "vendor_ids": sorted({v["id"] for v in rng.sample(self.vendors, k=min(3, len(self.vendors)))}),
                    "data_source_ids": sorted(set(rng.sample(self.party_sources, k=min(3, len(self.party_sources))))),
                    "audience_ids": [],
                    "ad_ids": [],
                    "ttpa": {
                        "internal_policy_url": "https://www.liberalerna.se/integritet/riktad-politisk-reklam",
                        "internal_policy_published_at": "2026-06-01",
                        "records_ref": f"dms://ttpa/records/{ident}",
                        "risk_assessment": {"date": "2026-05-15", "url": "https://www.liberalerna.se/ttpa/risk"},
                    },
                    "channels": ["paid_social", "email_newsletter", "sms"],
                    "budget": {"currency": "SEK", "amount": rng.randint(50, 900) * 1000},
                }
            )
            self.audiences_by_campaign[ident] = []

    # audiences -----------------------------------------------------------------------------------------------

    def gen_audiences(self) -> list[tuple[str, list[dict[str, Any]]]]:
        rng = self.rng
        files: list[tuple[str, list[dict[str, Any]]]] = []
        batch: list[dict[str, Any]] = []
        clean_sources = [s["id"] for s in self.sources if "x-planted" not in s]
        for number in range(self.n_audiences):
            campaign = self.campaigns[number % len(self.campaigns)]
            ident = f"aud_{campaign['id'][9:]}_{number:06d}"
            audience = self._audience(ident, campaign, clean_sources)
            self.audiences_by_campaign[campaign["id"]].append((ident, audience["platform"]))
            batch.append(audience)
            # Files hold one to six audiences: single YAML, multi-document YAML, or a JSON array.
            if len(batch) >= rng.choice([1, 1, 2, 3, 4, 6]) or number == self.n_audiences - 1:
                folder = f"campaigns/{campaign['id']}/audiences/{batch[0]['platform']}"
                style = rng.random()
                if style < 0.2:
                    files.append((f"{folder}/{batch[0]['id']}.json", batch if len(batch) > 1 else batch[:1]))
                else:
                    files.append((f"{folder}/{batch[0]['id']}.yaml", batch))
                batch = []
        return files

    def _audience(self, ident: str, campaign: dict[str, Any], clean_sources: list[str]) -> dict[str, Any]:
        rng = self.rng
        platform = rng.choice(_AUDIENCE_PLATFORMS)
        theme, _ = rng.choice(_THEMES)
        regions = rng.sample(_REGIONS, k=rng.randint(1, 3))
        interests = rng.sample(_INTERESTS, k=rng.randint(1, 4))
        behaviours = rng.sample(_BEHAVIOURS, k=rng.randint(0, 1))
        age_min = rng.choice([18, 18, 18, 25, 30, 35])
        age_max = rng.choice([None, None, 65, 45])
        include = [
            {"type": "interest", "platform_id": i, "name": n, "source": "platform_taxonomy", "art9": []}
            for i, n in interests
        ] + [
            {"type": "behavior", "platform_id": i, "name": n, "source": "platform_taxonomy", "art9": []}
            for i, n in behaviours
        ]
        custom: list[dict[str, Any]] = []
        native_custom: list[dict[str, str]] = []
        if clean_sources and rng.random() < 0.45:
            for _ in range(rng.randint(1, 2)):
                ref = str(rng.randint(23_850_000_000_000_000, 23_859_999_999_999_999))
                native_custom.append({"id": ref})
                if rng.random() < 0.06:  # lookalikes are rare: each one needs a documented sign-off (warn)
                    custom.append(
                        {
                            "ref": ref,
                            "subtype": "lookalike",
                            "lookalike": {"origin_ref": rng.choice(clean_sources), "ratio": 0.01, "country": "SE"},
                            "platform_status": {"meta_operation_status_code": 200},
                        }
                    )
                else:
                    custom.append(
                        {
                            "ref": ref,
                            "subtype": "customer_list",
                            "data_source_ids": sorted(set(rng.sample(clean_sources, k=rng.choice([1, 1, 1, 2])))),
                            "platform_status": {"meta_operation_status_code": 200},
                        }
                    )
        lower = rng.randint(20, 900) * 1000
        native: dict[str, Any] = {
            "geo_locations": {"countries": ["SE"], "regions": [{"key": k} for k, _ in regions]},
            "age_min": age_min,
            "flexible_spec": [{"interests": [{"id": i, "name": n} for i, n in interests]}],
            "publisher_platforms": ["facebook", "instagram"],
            "facebook_positions": ["feed", "story"],
            "locales": [45],
            "targeting_automation": {"advantage_audience": 0},
        }
        if age_max is not None:
            native["age_max"] = age_max
        if behaviours:
            native["flexible_spec"][0]["behaviors"] = [{"id": i, "name": n} for i, n in behaviours]
        if native_custom:
            native["custom_audiences"] = native_custom
        audience: dict[str, Any] = {
            "kind": "audience",
            "id": ident,
            "schema_version": "1.0",
            "platform": platform,
            "campaign_id": campaign["id"],
            "native_spec": native,
            "normalized": {
                "geo": {"countries": ["SE"], "regions": [name for _, name in regions]},
                "age_min": age_min,
                "age_max": age_max,
                "genders": [],
                "locales": ["sv"],
                "include": include,
                "exclude": [],
                "custom_audiences": custom,
                "excluded_custom_audiences": [],
                "expansion": {
                    "meta_advantage_audience": 0,
                    "linkedin_audience_expansion": False,
                    "google_optimized_targeting": False,
                },
                "placements": {"publisher_platforms": ["facebook", "instagram"], "positions": ["feed", "story"]},
            },
            "estimated_size": {
                "lower": lower,
                "upper": lower + rng.randint(1, 200) * 1000,
                "as_of": "2026-08-20",
                "source": "platform_estimate",
            },
            "political": {
                "is_political_advertising": False,
                "election_ids": ["SE-RIKSDAG-2026"],
                "meta_special_ad_categories": ["NONE"],
            },
            "justification": rng.choice(_JUSTIFICATIONS).format(
                what=rng.choice(_WHAT), theme=theme, region=regions[0][1]
            ),
        }
        self._audience_violation(audience)
        return audience

    def _audience_violation(self, audience: dict[str, Any]) -> None:
        rng = self.rng
        what = self._plant(
            "audience",
            audience["id"],
            ["small", "sensitive_exclusion", "sensitive_include", "minors", "hyper_local", "expansion",
             "psychographic_segment", "tainted_lookalike", "tainted_custom", "dangling_source", "no_justification"],
        )  # fmt: skip
        normalized = audience["normalized"]
        native = audience["native_spec"]
        if what == "small":
            audience["estimated_size"].update(lower=rng.randint(120, 900), upper=rng.randint(1000, 1400))
        elif what in ("sensitive_exclusion", "sensitive_include"):
            pid, name, art9 = rng.choice(_SENSITIVE)
            criterion = {"type": "interest", "platform_id": pid, "name": name, "source": "platform_taxonomy",
                         "art9": [art9]}  # fmt: skip
            if what == "sensitive_exclusion":
                normalized["exclude"].append(criterion)
                native["exclusions"] = {"interests": [{"id": pid, "name": name}]}
            else:
                normalized["include"].append(criterion)
                native["flexible_spec"][0]["interests"].append({"id": pid, "name": name})
        elif what == "minors":
            normalized["age_min"] = native["age_min"] = 16
        elif what == "hyper_local":
            key, city = rng.choice(_CITIES)
            normalized["geo"]["cities"] = [{"name": city, "key": key, "country": "SE", "radius_km": 1}]
            native["geo_locations"]["cities"] = [{"key": key, "radius": 1, "distance_unit": "kilometer"}]
        elif what == "expansion":
            normalized["expansion"]["meta_advantage_audience"] = 1
            native["targeting_automation"]["advantage_audience"] = 1
        elif what == "psychographic_segment":
            normalized["include"].append(
                {"type": "psychographic_segment", "name": "High openness", "source": "vendor", "art9": []}
            )
        elif what in ("tainted_lookalike", "tainted_custom") and self.tainted_sources:
            source = rng.choice(self.tainted_sources)
            ref = str(rng.randint(23_850_000_000_000_000, 23_859_999_999_999_999))
            if what == "tainted_lookalike":
                lookalike = {"origin_ref": source, "ratio": 0.02, "country": "SE"}
                entry: dict[str, Any] = {"ref": ref, "subtype": "lookalike", "lookalike": lookalike}
            else:
                entry = {"ref": ref, "subtype": "customer_list", "data_source_ids": [source]}
            entry["platform_status"] = {"meta_operation_status_code": 200}
            normalized["custom_audiences"].append(entry)
            native.setdefault("custom_audiences", []).append({"id": ref})
        elif what == "dangling_source":
            missing = f"ds_archived_{rng.randint(0, 999_999):06d}"
            self.repo.dangling.append(missing)
            normalized["custom_audiences"].append(
                {"ref": "23850000000000000", "subtype": "customer_list", "data_source_ids": [missing],
                 "platform_status": {"meta_operation_status_code": 200}}
            )  # fmt: skip
        elif what == "no_justification":
            audience["justification"] = ""
        if what is not None:
            audience["x-planted"] = what

    # accounts ------------------------------------------------------------------------------------------------

    def gen_accounts(self) -> list[tuple[str, list[dict[str, Any]]]]:
        rng = self.rng
        files: list[tuple[str, list[dict[str, Any]]]] = []
        for number in range(self.n_accounts):
            platform = rng.choice(_ACCOUNT_PLATFORMS)
            ident = f"acc_{platform}_{number:05d}"
            person = rng.choice(_PEOPLE)
            handle = person.lower().replace(" ", "").replace("å", "a").replace("ä", "a").replace("ö", "o")
            party_page = rng.random() < 0.3
            followers = rng.randint(500, 90_000)
            account: dict[str, Any] = {
                "kind": "account",
                "id": ident,
                "schema_version": "1.0",
                "platform": platform,
                "handle": f"@{handle}{number}",
                "url": f"https://{platform}.example/{handle}{number}",
                "display_name": f"Liberalerna {rng.choice(_CITIES)[1]}" if party_page else person,
                "bio_text": "Liberalerna lokalt. Frihet, skola, jobb." if party_page
                else f"Riksdagskandidat (L) i {rng.choice(_REGIONS)[1]}. Skola och frihet.",
                "account_type": "local_branch_page" if party_page else "candidate_profile",
                "owner": {"kind": "party"} if party_page
                else {"kind": "person", "person_ref": person, "real_identity_verified": True},
                "role_of_holder": "none" if party_page else "candidate",
                "persona": "authentic",
                "profile_image": {"ai_generated": False, "stock": False, "copied": False},
                "affiliation_disclosed": {"in_profile": True, "text": "(L)"},
                "metrics": {
                    "created_at": "2019-04-01",
                    "followers": followers,
                    "following": rng.randint(50, 900),
                    "posts": rng.randint(100, 4000),
                    "follower_history": [
                        {"date": "2026-08-01", "count": int(followers * 0.98)},
                        {"date": "2026-08-02", "count": followers},
                    ],
                },
                "commerce": {"purchased_followers": False, "purchased_engagement": False, "asset_origin": "created"},
                "automation": {"tools": [{"name": "Buffer", "function": "scheduling"}]},
                "network": {"operated_by": "party", "disclosed_as_party_account": True},
                "platform_verification": {"meta_siep_authorized": True, "disclaimer_name": "Liberalerna"},
            }  # fmt: skip
            if self.accounts and rng.random() < 0.2:
                account["network"]["linked_account_ids"] = [rng.choice(self.accounts)[0]]
            what = self._plant(
                "account", ident, ["bought_followers", "bot_tool", "fabricated", "spike", "engagement_vendor"]
            )
            if what == "bought_followers":
                account["commerce"]["purchased_followers"] = True
            elif what == "bot_tool":
                account["automation"]["tools"].append({"name": "InstaBoost", "function": "auto_like"})
            elif what == "fabricated":
                account.update(persona="fabricated", owner={"kind": "vendor", "real_identity_verified": False})
            elif what == "spike":
                account["metrics"]["follower_history"][0]["count"] = max(1, followers // 4)
            elif what == "engagement_vendor":
                sellers = [v["id"] for v in self.vendors if v.get("x-planted") == "sells_engagement"]
                account["commerce"]["engagement_vendor_ids"] = sellers[:1] or [self.vendors[0]["id"]]
                account["commerce"]["purchased_engagement"] = True
            if what is not None:
                account["x-planted"] = what
            self.accounts.append((ident, platform))
            files.append((f"accounts/{platform}/{ident}.yaml", [account]))
        return files

    # ads -----------------------------------------------------------------------------------------------------

    def gen_ads(self) -> list[tuple[str, list[dict[str, Any]]]]:
        rng = self.rng
        files: list[tuple[str, list[dict[str, Any]]]] = []
        batch: list[dict[str, Any]] = []
        for number in range(self.n_ads):
            campaign = self.campaigns[number % len(self.campaigns)]
            ident = f"ad_{campaign['id'][9:]}_{number:06d}"
            audiences = self.audiences_by_campaign[campaign["id"]]
            # Ads reuse a campaign's first few hundred audiences: the ones in active use.
            used = rng.sample(audiences[:300], k=min(len(audiences[:300]), rng.randint(1, 2))) if audiences else []
            account_id = rng.choice(self.accounts)[0]
            theme, text = rng.choice(_THEMES)
            platform = rng.choice(_AD_PLATFORMS)
            ad: dict[str, Any] = {
                "kind": "ad",
                "id": ident,
                "schema_version": "1.0",
                "platform": platform,
                "account_id": account_id,
                "campaign_id": campaign["id"],
                "audience_ids": sorted({a for a, _ in used}),
                "visibility": "organic_public" if platform != "email" else "email",
                "creative": {
                    "text": f"{text} Det är Liberalernas besked. #{theme}{number % 97}",
                    "headline": f"Liberalerna: {theme}",
                    "link_url": f"https://www.liberalerna.se/{theme}",
                    "language": "sv",
                    "ai_generated_media": False,
                    "ai_disclosure_present": False,
                },
                "sender": {
                    "display_name": "Liberalerna",
                    "paid_for_by": "Liberalerna",
                    "sponsor_legal_name": "Liberalerna",
                    "payer_legal_name": "Liberalerna",
                    "payer_country": "SE",
                },
                "political": {"is_political_advertisement": False, "non_political_reason": "purely_private"},
                "content_review": {
                    "reviewer": "Kommunikationsavdelningen",
                    "reviewed_at": "2026-08-19",
                    "flags": [],
                    "fact_claims": [],
                    "message_focus": "own",
                },
                "schedule": {"start": "2025-08-20T08:00:00+02:00", "end": "2025-09-12"},
            }
            what = self._plant(
                "ad", ident, ["dark_post", "personal_attack", "opponent_focus", "other_sender", "dangling_audience"]
            )
            if what == "dark_post":
                ad["visibility"] = "ad_only_unpublished"
            elif what == "personal_attack":
                ad["content_review"]["flags"] = ["personal_attack"]
            elif what == "opponent_focus":
                ad["content_review"]["message_focus"] = "opponent"
            elif what == "other_sender":
                ad["sender"].update(paid_for_by="Frihetsfonden", sponsor_legal_name="Frihetsfonden Ideell Förening")
            elif what == "dangling_audience":
                missing = f"aud_retired_{rng.randint(0, 999_999):06d}"
                self.repo.dangling.append(missing)
                ad["audience_ids"] = sorted({*ad["audience_ids"], missing})
            if what is not None:
                ad["x-planted"] = what
            campaign["ad_ids"].append(ident)
            batch.append(ad)
            if len(batch) >= rng.choice([1, 2, 5, 10]) or number == self.n_ads - 1:
                folder = f"campaigns/{campaign['id']}/ads"
                if rng.random() < 0.3:
                    files.append((f"{folder}/{batch[0]['id']}.json", batch))
                else:
                    files.append((f"{folder}/{batch[0]['id']}.yaml", batch))
                batch = []
        return files

    # writing -------------------------------------------------------------------------------------------------

    def run(self) -> Repository:
        if self.out.exists():
            shutil.rmtree(self.out)
        self.out.mkdir(parents=True)
        files = self.gen_vendors()
        files += self.gen_sources()
        self.gen_campaigns()
        files += self.gen_audiences()
        files += self.gen_accounts()
        files += self.gen_ads()
        for campaign in self.campaigns:
            # A campaign names its vendors, sources and a handful of its audiences and ads, not all of them.
            audiences = [a for a, _ in self.audiences_by_campaign[campaign["id"]][:5]]
            campaign["audience_ids"] = audiences
            campaign["ad_ids"] = campaign["ad_ids"][:5]
            files.append((f"campaigns/{campaign['id']}.yaml", [campaign]))
        if self.problems:
            files += self._problems()
        counts: dict[str, int] = {}
        for relative, documents in files:
            _write(self.out / relative, documents)
            for document in documents:
                if isinstance(document, dict):
                    kind = str(document.get("kind"))
                    counts[kind] = counts.get(kind, 0) + 1
        self.repo.counts = dict(sorted(counts.items()))
        self.repo.files = len(files)
        # Hidden, so that `ethiq check DIR` does not read it as a document.
        (self.out / ".manifest.json").write_text(json.dumps(self.repo.manifest(), indent=2) + "\n")
        return self.repo

    def _problems(self) -> list[tuple[str, list[Any]]]:
        """A few unusable inputs, so that ordering of problems can be tested too."""
        broken_schema = dict(self.sources[0], id="ds_broken_schema", retention_days="forever")
        duplicate = dict(self.vendors[-1])
        return [
            ("zz-problems/broken.yaml", ["kind: vendor\nid: ven_broken\nlegal_name: [unclosed\n"]),
            ("zz-problems/schema-invalid.yaml", [broken_schema]),
            ("zz-problems/duplicate-vendor.yaml", [duplicate]),
            ("zz-problems/not-a-mapping.json", ["[1, 2, 3]"]),
        ]


def _write(path: Path, documents: list[Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if documents and isinstance(documents[0], str):  # raw text (a planted problem)
        path.write_text(documents[0], encoding="utf-8")
        return
    if path.suffix == ".json":
        value: Any = documents if len(documents) > 1 else documents[0]
        path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        text = yaml.dump_all(documents, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=110)
        path.write_text(text, encoding="utf-8")


def generate(
    docs: int, seed: int, out: str | Path, *, violation_rate: float = 0.03, problems: bool = False
) -> Repository:
    """Write a repository of about ``docs`` documents below ``out`` (replacing it) and describe it."""
    return _Generator(docs, seed, Path(out), violation_rate=violation_rate, problems=problems).run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, required=True, help="number of documents (about)")
    parser.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same repository")
    parser.add_argument("--out", type=Path, required=True, help="directory to write (replaced if it exists)")
    parser.add_argument("--violation-rate", type=float, default=0.03, help="share of documents planted to fail")
    parser.add_argument("--with-problems", action="store_true", help="add unparsable and schema-invalid inputs")
    args = parser.parse_args(argv)
    repo = generate(args.docs, args.seed, args.out, violation_rate=args.violation_rate, problems=args.with_problems)
    print(f"{repo.documents} documents in {repo.files} files below {repo.out} ({len(repo.planted)} planted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
