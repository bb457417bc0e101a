"""LinkedIn: a campaign's ``targetingCriteria`` to the neutral view.

An audience carries ``native_spec``: the campaign (or just ``{targetingCriteria: ...}``), whose
``targetingCriteria.include.and[]`` is a list of ``{or: {facetUrn: [values]}}`` groups and whose
``targetingCriteria.exclude.or`` is one ``{facetUrn: [values]}`` map, and ``audienceExpansionEnabled``. An ad
may carry ``native_objects.campaign`` for its schedule. Facets as in LinkedIn's targeting reference
(regulation-and-platforms §5.3).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from .view import UNKNOWN_KEY, UNREADABLE, UNSUPPORTED, Adaptation, Path, ViewBuilder, criterion

PLATFORM = "linkedin"

N: Path = ("normalized",)

FACET_PREFIX = "urn:li:adTargetingFacet:"

#: Facets that are targeting criteria -> criterion type.
CRITERION_FACETS: dict[str, str] = {
    "titles": "job_title",
    "skills": "skill",
    "interests": "interest",
    "groups": "group",
    "industries": "industry",
    "memberBehaviors": "behavior",
    "seniorities": "demographic",
    "jobFunctions": "demographic",
    "yearsOfExperienceRanges": "demographic",
    "degrees": "demographic",
    "fieldsOfStudy": "demographic",
    "schools": "demographic",
    "employers": "demographic",
    "employersPast": "demographic",
    "staffCountRanges": "demographic",
}
LOCATION_FACETS = frozenset({"locations", "profileLocations"})
AUDIENCE_FACETS = frozenset({"audienceMatchingSegments", "dynamicSegments"})
FACETS = frozenset({*CRITERION_FACETS, *LOCATION_FACETS, *AUDIENCE_FACETS, "interfaceLocales", "ageRanges", "genders"})

GENDERS = {"urn:li:gender:FEMALE": "female", "urn:li:gender:MALE": "male", "FEMALE": "female", "MALE": "male"}

#: A campaign's own fields, read (targetingCriteria, audienceExpansionEnabled, runSchedule) or informational.
_CAMPAIGN_KEYS = frozenset(
    {
        "targetingCriteria",
        "audienceExpansionEnabled",
        "runSchedule",
        "id",
        "name",
        "account",
        "campaignGroup",
        "status",
        "type",
        "costType",
        "unitCost",
        "dailyBudget",
        "totalBudget",
        "locale",
        "objectiveType",
        "offsiteDeliveryEnabled",
        "format",
        "creativeSelection",
        "optimizationTargetType",
        "pacingStrategy",
        "version",
        "associatedEntity",
        "changeAuditStamps",
        "servingStatuses",
        "test",
        "storyDeliveryEnabled",
    }
)

_AGE = re.compile(r"(\d+)\D+(\d+)")
_AGE_PLUS = re.compile(r"(\d+)_?PLUS$")
_LOCALE = re.compile(r"^urn:li:locale:([a-z]{2,3})(?:_([A-Z]{2}))?$")
_OPEN_ENDED = 2147483647  # the upper bound LinkedIn writes for "55+"


def adapt(document: Mapping[str, Any]) -> Adaptation:
    b = ViewBuilder(PLATFORM)
    if document.get("kind") == "audience":
        spec = document.get("native_spec")
        if spec is not None:
            campaign = b.mapping(spec, ("native_spec",))
            if campaign is not None:
                _campaign(b, campaign, ("native_spec",), audience=True)
        if document.get("native_objects") is not None:
            b.flag(("native_objects",), "native_objects", UNKNOWN_KEY)
    elif document.get("native_objects") is not None:
        objs = b.mapping(document["native_objects"], ("native_objects",))
        if objs is not None:
            b.unknown_keys(objs, ("native_objects",), frozenset({"campaign"}))
            if "campaign" in objs:
                campaign = b.mapping(objs["campaign"], ("native_objects", "campaign"))
                if campaign is not None:
                    _campaign(b, campaign, ("native_objects", "campaign"), audience=False)
    return b.build()


def _campaign(b: ViewBuilder, campaign: Mapping[str, Any], at: Path, *, audience: bool) -> None:
    # On an ad, the targeting belongs in an audience document: there it is an unknown key.
    b.unknown_keys(
        campaign, at, _CAMPAIGN_KEYS if audience else _CAMPAIGN_KEYS - {"targetingCriteria", "audienceExpansionEnabled"}
    )
    if audience and "targetingCriteria" in campaign:
        criteria = b.mapping(campaign["targetingCriteria"], (*at, "targetingCriteria"))
        if criteria is not None:
            _targeting(b, criteria, (*at, "targetingCriteria"))
    if audience and "audienceExpansionEnabled" in campaign:
        value = b.boolean(campaign["audienceExpansionEnabled"], (*at, "audienceExpansionEnabled"))
        if value is not None:
            b.put((*N, "expansion", "linkedin_audience_expansion"), value, (*at, "audienceExpansionEnabled"))
    if not audience and "runSchedule" in campaign:
        _schedule(b, campaign["runSchedule"], (*at, "runSchedule"))


def _targeting(b: ViewBuilder, criteria: Mapping[str, Any], at: Path) -> None:
    b.unknown_keys(criteria, at, frozenset({"include", "exclude"}))
    ages: list[tuple[str, Path]] = []
    if "include" in criteria:
        include = b.mapping(criteria["include"], (*at, "include"))
        if include is not None:
            b.unknown_keys(include, (*at, "include"), frozenset({"and"}))
            for k, clause in enumerate(b.sequence(include.get("and", []), (*at, "include", "and"))):
                clause_at: Path = (*at, "include", "and", k)
                read = b.mapping(clause, clause_at)
                if read is None:
                    continue
                b.unknown_keys(read, clause_at, frozenset({"or"}))
                facets = b.mapping(read.get("or", {}), (*clause_at, "or"))
                if facets is not None:
                    members = _facets(b, facets, (*clause_at, "or"), excluded=False, ages=ages)
                    if members:
                        b.add((*N, "include_groups"), members, clause_at)
    if "exclude" in criteria:
        exclude = b.mapping(criteria["exclude"], (*at, "exclude"))
        if exclude is not None:
            b.unknown_keys(exclude, (*at, "exclude"), frozenset({"or"}))
            facets = b.mapping(exclude.get("or", {}), (*at, "exclude", "or"))
            if facets is not None:
                _facets(b, facets, (*at, "exclude", "or"), excluded=True, ages=ages)
    _ages(b, ages)


def _facets(
    b: ViewBuilder, facets: Mapping[str, Any], at: Path, *, excluded: bool, ages: list[tuple[str, Path]]
) -> list[int]:
    """One OR clause: each facet's values; returns the include indices of its criteria."""
    members: list[int] = []
    for urn, values in facets.items():
        facet_at: Path = (*at, urn)
        name = urn.removeprefix(FACET_PREFIX) if isinstance(urn, str) and urn.startswith(FACET_PREFIX) else None
        if name not in FACETS:
            if not str(urn).startswith("x-"):
                b.flag(facet_at, urn, UNKNOWN_KEY)
            continue
        for j, value in enumerate(b.sequence(values, facet_at)):
            value_at: Path = (*facet_at, j)
            text = b.text(value, value_at)
            if text is None:
                continue
            index = _value(b, name, text, value_at, excluded, ages)
            if index is not None:
                members.append(index)
    return members


def _value(
    b: ViewBuilder, facet: str, value: str, at: Path, excluded: bool, ages: list[tuple[str, Path]]
) -> int | None:
    if facet in LOCATION_FACETS:
        b.add_unique((*N, "geo", "excluded" if excluded else "regions"), value, at)
    elif facet in AUDIENCE_FACETS:
        target = "excluded_custom_audiences" if excluded else "custom_audiences"
        b.add((*N, target), {"ref": value}, at, {"ref": at})
    elif facet in CRITERION_FACETS:
        where = b.add(
            (*N, "exclude" if excluded else "include"),
            criterion(CRITERION_FACETS[facet], value, None, "platform_taxonomy"),
            at,
            {"platform_id": at, "type": at[:-1]},
        )
        return None if excluded else int(where[-1])
    elif excluded:  # excluding an age, gender or language is not read: which people remain is not decidable
        b.flag(at, value, UNSUPPORTED)
    elif facet == "interfaceLocales":
        match = _LOCALE.match(value)
        if match is None:
            b.flag(at, value, UNREADABLE)
        else:
            tag = match.group(1) + (f"-{match.group(2)}" if match.group(2) else "")
            b.add_unique((*N, "locales"), tag, at)
    elif facet == "ageRanges":
        ages.append((value, at))
    else:
        gender = b.choice(value, at, GENDERS)
        if gender is not None:
            b.add_unique((*N, "genders"), gender, at)
    return None


def _ages(b: ViewBuilder, ages: list[tuple[str, Path]]) -> None:
    bounds: list[tuple[int, int | None, Path]] = []
    for value, at in ages:
        plus = _AGE_PLUS.search(value)
        pair = _AGE.search(value)
        if plus is not None:
            bounds.append((int(plus.group(1)), None, at))
        elif pair is not None:
            high = int(pair.group(2))
            bounds.append((int(pair.group(1)), None if high >= _OPEN_ENDED else high, at))
        else:
            b.flag(at, value, UNREADABLE)
    if not bounds:
        return
    low = min(bounds, key=lambda x: x[0])
    b.put((*N, "age_min"), low[0], low[2])
    if all(high is not None for _, high, _ in bounds):
        top = max(bounds, key=lambda x: x[1] or 0)
        b.put((*N, "age_max"), top[1], top[2])


def _schedule(b: ViewBuilder, value: Any, at: Path) -> None:
    """runSchedule {start, end}: epoch milliseconds, as RFC 3339 instants in UTC."""
    schedule = b.read(value, at, frozenset({"start", "end"}))
    if schedule is None:
        return
    for key in ("start", "end"):
        if key in schedule:
            millis = b.integer(schedule[key], (*at, key), 0, 253_402_300_799_000)
            if millis is not None:
                instant = dt.datetime.fromtimestamp(millis / 1000, tz=dt.UTC)
                b.put(("schedule", key), instant.isoformat().replace("+00:00", "Z"), (*at, key))
