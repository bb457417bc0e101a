"""Google Ads: API resources to the neutral view.

An audience carries ``native_spec`` = ``{campaign, ad_group, campaign_criteria, ad_group_criteria}`` (the
campaign with ``contains_eu_political_advertising``, the ad group with ``optimized_targeting_enabled``, and
the criteria, each with one criterion field and an optional ``negative``) and, in
``native_objects.user_lists``, the ``UserList`` resources its ``user_list`` criteria name, each optionally
with the ``consent`` of its Customer Match uploads. An ad carries ``native_objects.campaign``. Field names
in the client libraries' snake_case or the REST camelCase (regulation-and-platforms §5.2).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .view import UNKNOWN_KEY, UNKNOWN_VALUE, UNREADABLE, UNSUPPORTED, Adaptation, Path, ViewBuilder, criterion

PLATFORM = "google_ads"

N: Path = ("normalized",)

EU_POLITICAL = frozenset(
    {"CONTAINS_EU_POLITICAL_ADVERTISING", "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING", "UNSPECIFIED", "UNKNOWN"}
)

#: Country geo target constants: 2000 + the ISO 3166-1 numeric code (geoTargetConstants/2752 is Sweden) [M];
#: the EU and EEA states, Switzerland, the UK and the US. Any other location is kept by its resource name.
COUNTRY_CONSTANTS: dict[int, str] = {
    2040: "AT",
    2056: "BE",
    2100: "BG",
    2191: "HR",
    2196: "CY",
    2203: "CZ",
    2208: "DK",
    2233: "EE",
    2246: "FI",
    2250: "FR",
    2276: "DE",
    2300: "GR",
    2348: "HU",
    2372: "IE",
    2380: "IT",
    2428: "LV",
    2440: "LT",
    2442: "LU",
    2470: "MT",
    2528: "NL",
    2616: "PL",
    2620: "PT",
    2642: "RO",
    2703: "SK",
    2705: "SI",
    2724: "ES",
    2752: "SE",
    2352: "IS",
    2438: "LI",
    2578: "NO",
    2756: "CH",
    2826: "GB",
    2840: "US",
}

#: AgeRangeType -> (lowest, highest) age; None: no upper bound, or an age Google could not determine.
AGE_RANGES: dict[str, tuple[int, int | None] | None] = {
    "AGE_RANGE_18_24": (18, 24),
    "AGE_RANGE_25_34": (25, 34),
    "AGE_RANGE_35_44": (35, 44),
    "AGE_RANGE_45_54": (45, 54),
    "AGE_RANGE_55_64": (55, 64),
    "AGE_RANGE_65_UP": (65, None),
    "AGE_RANGE_UNDETERMINED": None,
}

GENDERS: dict[str, str] = {"MALE": "male", "FEMALE": "female", "UNDETERMINED": "undetermined"}

#: UserListCrmDataSourceType (and the Data Manager API's partner-data type) -> list_source.
LIST_SOURCES = {
    "FIRST_PARTY": "first_party",
    "THIRD_PARTY_CREDIT_BUREAU": "third_party_credit_bureau",
    "THIRD_PARTY_VOTER_FILE": "third_party_voter_file",
    "THIRD_PARTY_PARTNER_DATA": "third_party_partner",
    "DATA_SOURCE_TYPE_THIRD_PARTY_PARTNER_DATA": "third_party_partner",
}
UPLOAD_KEYS = {"CONTACT_INFO": "contact_info", "CRM_ID": "crm_id", "MOBILE_ADVERTISING_ID": "mobile_advertising_id"}
CONSENT = {"GRANTED": True, "DENIED": False, "UNSPECIFIED": "unknown", "UNKNOWN": "unknown"}

#: A lookalike with several seeds inherits the worst of them.
_SOURCE_RANK = (
    "first_party",
    "first_and_third_party_partner",
    "third_party_partner",
    "third_party_credit_bureau",
    "third_party_voter_file",
)

#: Criterion fields -> what the criterion is. Read by the functions below.
_CRITERION_FIELDS = frozenset(
    {
        "location",
        "language",
        "age_range",
        "gender",
        "user_list",
        "keyword",
        "topic",
        "user_interest",
        "custom_audience",
        "placement",
        "proximity",
        "income_range",
        "parental_status",
    }
)
_CRITERION_INFORMATIONAL = frozenset(
    {
        "resource_name",
        "criterion_id",
        "status",
        "bid_modifier",
        "campaign",
        "ad_group",
        "type",
        "display_name",
        "negative",
        "system_serving_status",
        "approval_status",
        "effective_cpc_bid_micros",
    }
)
_CAMPAIGN_KEYS = frozenset(
    {
        "contains_eu_political_advertising",
        "resource_name",
        "id",
        "name",
        "status",
        "advertising_channel_type",
        "advertising_channel_sub_type",
        "campaign_budget",
        "bidding_strategy_type",
        "start_date",
        "end_date",
        "serving_status",
    }
)
_AD_GROUP_KEYS = frozenset(
    {
        "optimized_targeting_enabled",
        "resource_name",
        "id",
        "name",
        "status",
        "campaign",
        "type",
        "cpc_bid_micros",
        "cpm_bid_micros",
    }
)
_USER_LIST_INFORMATIONAL = frozenset(
    {
        "resource_name",
        "id",
        "name",
        "description",
        "type",
        "membership_status",
        "membership_life_span",
        "size_for_display",
        "size_for_search",
        "size_range_for_display",
        "size_range_for_search",
        "match_rate_percentage",
        "eligible_for_search",
        "eligible_for_display",
        "access_reason",
        "account_user_list_status",
        "closing_reason",
        "read_only",
        "integration_code",
    }
)
_USER_LIST_KINDS = frozenset(
    {
        "crm_based_user_list",
        "rule_based_user_list",
        "basic_user_list",
        "logical_user_list",
        "lookalike_user_list",
        "similar_user_list",
    }
)

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def snake(key: str) -> str:
    """``geoTargetConstant`` -> ``geo_target_constant``: REST JSON and the client libraries name alike."""
    return _CAMEL.sub("_", key).lower()


def field(obj: Mapping[str, Any], name: str) -> tuple[str, Any] | None:
    """The native key and value of the field ``name`` (snake_case), in either spelling."""
    for key, value in obj.items():
        if isinstance(key, str) and snake(key) == name:
            return key, value
    return None


def unknown_keys(b: ViewBuilder, obj: Mapping[str, Any], at: Path, known: frozenset[str]) -> None:
    for key in obj:
        if isinstance(key, str) and not key.startswith("x-") and snake(key) not in known:
            b.flag((*at, key), key, UNKNOWN_KEY)


def adapt(document: Mapping[str, Any]) -> Adaptation:
    """The neutral view of a Google Ads audience or ad."""
    b = ViewBuilder(PLATFORM)
    objects = document.get("native_objects")
    if document.get("kind") == "audience":
        lists = _user_lists(b, objects)
        spec = document.get("native_spec")
        if spec is not None:
            read = b.mapping(spec, ("native_spec",))
            if read is not None:
                _spec(b, read, ("native_spec",), lists)
    elif objects is not None:
        objs = b.mapping(objects, ("native_objects",))
        if objs is not None:
            unknown_keys(b, objs, ("native_objects",), frozenset({"campaign"}))
            found = field(objs, "campaign")
            if found is not None:
                _campaign(
                    b,
                    found[1],
                    ("native_objects", found[0]),
                    ("political", "platform_declarations", "google_contains_eu_political_advertising"),
                )
    return b.build()


def _spec(b: ViewBuilder, spec: Mapping[str, Any], at: Path, lists: dict[str, tuple[Path, Mapping[str, Any]]]) -> None:
    unknown_keys(b, spec, at, frozenset({"campaign", "ad_group", "campaign_criteria", "ad_group_criteria"}))
    campaign = field(spec, "campaign")
    if campaign is not None:
        _campaign(b, campaign[1], (*at, campaign[0]), ("political", "google_contains_eu_political_advertising"))
    _optimized_targeting(b, spec, at)
    ages: list[tuple[Any, Path, bool]] = []
    genders: list[tuple[Any, Path, bool]] = []
    for name in ("campaign_criteria", "ad_group_criteria"):
        found = field(spec, name)
        if found is None:
            continue
        list_at: Path = (*at, found[0])
        for i, item in enumerate(b.sequence(found[1], list_at)):
            crit = b.mapping(item, (*list_at, i))
            if crit is not None:
                _criterion(b, crit, (*list_at, i), lists, ages, genders)
    _ages(b, ages)
    _genders(b, genders)


def _campaign(b: ViewBuilder, value: Any, at: Path, target: Path) -> None:
    campaign = b.mapping(value, at)
    if campaign is None:
        return
    unknown_keys(b, campaign, at, _CAMPAIGN_KEYS)
    flag = field(campaign, "contains_eu_political_advertising")
    if flag is not None:
        declared = b.choice(flag[1], (*at, flag[0]), {v: v for v in EU_POLITICAL})
        if declared is not None:
            b.put(target, declared, (*at, flag[0]))


def _optimized_targeting(b: ViewBuilder, spec: Mapping[str, Any], at: Path) -> None:
    """Optimized targeting widens the audience; where the spec does not say, it may be on."""
    group = field(spec, "ad_group")
    where: Path = at
    if group is not None:
        read = b.mapping(group[1], (*at, group[0]))
        if read is not None:
            unknown_keys(b, read, (*at, group[0]), _AD_GROUP_KEYS)
            enabled = field(read, "optimized_targeting_enabled")
            if enabled is not None:
                value = b.boolean(enabled[1], (*at, group[0], enabled[0]))
                if value is not None:
                    b.put((*N, "expansion", "google_optimized_targeting"), value, (*at, group[0], enabled[0]))
                return
            where = (*at, group[0])
    b.put((*N, "expansion", "google_optimized_targeting"), "unknown", where)


def _criterion(
    b: ViewBuilder,
    crit: Mapping[str, Any],
    at: Path,
    lists: dict[str, tuple[Path, Mapping[str, Any]]],
    ages: list[tuple[Any, Path, bool]],
    genders: list[tuple[Any, Path, bool]],
) -> None:
    unknown_keys(b, crit, at, _CRITERION_FIELDS | _CRITERION_INFORMATIONAL)
    negative = False
    found_negative = field(crit, "negative")
    if found_negative is not None:
        negative = bool(b.boolean(found_negative[1], (*at, found_negative[0])))
    kinds = [(key, value) for key, value in crit.items() if isinstance(key, str) and snake(key) in _CRITERION_FIELDS]
    if len(kinds) > 1:  # two criteria in one: what it targets is not decidable
        b.flag(at, ",".join(k for k, _ in kinds), UNREADABLE)
        return
    if not kinds:  # an unknown criterion field is flagged above; without any, nothing says what it targets
        if all(isinstance(k, str) and snake(k) in _CRITERION_INFORMATIONAL for k in crit):
            b.flag(at, "criterion", UNKNOWN_VALUE)
        return
    key, value = kinds[0]
    kind_at: Path = (*at, key)
    body = b.mapping(value, kind_at)
    if body is None:
        return
    kind = snake(key)
    if kind == "location":
        _location(b, body, kind_at, negative)
    elif kind == "language":
        _expect(b, body, kind_at, "language_constant")  # informational: languages are not in the view
    elif kind == "age_range":
        ages.append((_expect(b, body, kind_at, "type"), kind_at, negative))
    elif kind == "gender":
        genders.append((_expect(b, body, kind_at, "type"), kind_at, negative))
    elif kind == "user_list":
        _user_list_ref(b, body, kind_at, negative, lists)
    elif kind == "proximity":
        if negative:
            b.flag(kind_at, key, UNSUPPORTED)
        else:
            _proximity(b, body, kind_at)
    else:
        _targeting_criterion(b, kind, body, kind_at, negative)


def _expect(b: ViewBuilder, body: Mapping[str, Any], at: Path, name: str, more: frozenset[str] = frozenset()) -> Any:
    """The one field ``name`` of a criterion body; other keys are unknown."""
    unknown_keys(b, body, at, frozenset({name}) | more)
    found = field(body, name)
    if found is None:
        b.flag(at, name, UNREADABLE)
        return None
    return found[1]


def _location(b: ViewBuilder, body: Mapping[str, Any], at: Path, negative: bool) -> None:
    constant = _expect(b, body, at, "geo_target_constant")
    name = b.text(constant, (*at, _key_of(body, "geo_target_constant"))) if constant is not None else None
    if name is None:
        return
    native: Path = (*at, _key_of(body, "geo_target_constant"))
    number = name.rsplit("/", 1)[-1]
    country = COUNTRY_CONSTANTS.get(int(number)) if number.isdigit() else None
    if negative:
        b.add_unique((*N, "geo", "excluded"), country or name, native)
    elif country is not None:
        b.add_unique((*N, "geo", "countries"), country, native)
    else:
        b.add_unique((*N, "geo", "regions"), name, native)


def _key_of(body: Mapping[str, Any], name: str) -> str:
    found = field(body, name)
    return found[0] if found is not None else name


def _proximity(b: ViewBuilder, body: Mapping[str, Any], at: Path) -> None:
    unknown_keys(b, body, at, frozenset({"geo_point", "radius", "radius_units", "address"}))
    point = field(body, "geo_point")
    radius = field(body, "radius")
    if point is None or radius is None or not isinstance(point[1], Mapping):
        b.flag(at, "geo_point", UNREADABLE)
        return
    point_at: Path = (*at, point[0])
    unknown_keys(b, point[1], point_at, frozenset({"latitude_in_micro_degrees", "longitude_in_micro_degrees"}))
    lat, lon = field(point[1], "latitude_in_micro_degrees"), field(point[1], "longitude_in_micro_degrees")
    latitude = b.number(
        lat[1] if lat else None, (*point_at, lat[0] if lat else "latitude_in_micro_degrees"), -90e6, 90e6
    )
    longitude = b.number(
        lon[1] if lon else None, (*point_at, lon[0] if lon else "longitude_in_micro_degrees"), -180e6, 180e6
    )
    size = b.number(radius[1], (*at, radius[0]), 0, 1e6)
    units = field(body, "radius_units")
    factor = b.choice(
        units[1] if units else "KILOMETERS",
        (*at, units[0] if units else "radius_units"),
        {"KILOMETERS": 1.0, "MILES": 1.609344},
    )
    if latitude is None or longitude is None or size is None or factor is None:
        return
    entry = {"latitude": latitude / 1e6, "longitude": longitude / 1e6, "radius_km": round(size * factor, 3)}
    fields: dict[str, Path] = {"radius_km": (*at, radius[0])}
    if lat and lon:
        fields["latitude"], fields["longitude"] = (*point_at, lat[0]), (*point_at, lon[0])
    b.add((*N, "geo", "custom_locations"), entry, at, fields)


#: criterion field -> (criterion type, the field naming it, platform id or display name, who defined it)
_TARGETING: dict[str, tuple[str, str, bool, str]] = {
    "keyword": ("keyword", "text", False, "party_defined"),
    "topic": ("topic", "topic_constant", True, "platform_taxonomy"),
    "user_interest": ("interest", "user_interest_category", True, "platform_taxonomy"),
    "custom_audience": ("custom_segment", "custom_audience", True, "party_defined"),
    "placement": ("placement", "url", False, "party_defined"),
    "income_range": ("demographic", "type", True, "platform_taxonomy"),
    "parental_status": ("demographic", "type", True, "platform_taxonomy"),
}
_TARGETING_EXTRA: dict[str, frozenset[str]] = {"keyword": frozenset({"match_type"}), "topic": frozenset({"path"})}


def _targeting_criterion(b: ViewBuilder, kind: str, body: Mapping[str, Any], at: Path, negative: bool) -> None:
    ctype, name_field, is_id, source = _TARGETING[kind]
    value = _expect(b, body, at, name_field, _TARGETING_EXTRA.get(kind, frozenset()))
    if value is None:
        return
    key_at: Path = (*at, _key_of(body, name_field))
    text = b.text(value, key_at)
    if text is None:
        return
    display = None
    path = field(body, "path")
    if kind == "topic" and path is not None and isinstance(path[1], list) and path[1]:
        display = str(path[1][-1])
    entry = criterion(ctype, text if is_id else None, display if is_id else text, source)
    fields: dict[str, Path] = {"platform_id" if is_id else "name": key_at, "type": at}
    if display is not None and path is not None:
        fields["name"] = (*at, path[0], len(path[1]) - 1)
    b.add((*N, "exclude" if negative else "include"), entry, at[:-1], fields)


def _included(b: ViewBuilder, chosen: list[tuple[Any, Path, bool]], table: Mapping[str, Any]) -> list[tuple[Any, Path]]:
    """The values of age-range or gender criteria that are targeted, each with its native place: the positive
    ones, or when only exclusions are given every value of ``table`` that is not excluded."""
    read = []
    for value, where, negative in chosen:
        if value is not None:
            known = b.choice(value, (*where, "type"), table)
            if known is not None:
                read.append((known, where, negative))
    included = [(v, w) for v, w, neg in read if not neg]
    if read and not included:
        excluded = {v for v, _, neg in read if neg}
        origin = read[0][1][:-2]  # the criteria list: the values that remain are not named anywhere
        included = [(v, origin) for v in table.values() if v not in excluded]
    return included


def _ages(b: ViewBuilder, ages: list[tuple[Any, Path, bool]]) -> None:
    """The youngest and oldest age of the targeted ranges; none when an undetermined age is targeted."""
    bounds = _included(b, ages, {k: AGE_RANGES[k] or k for k in AGE_RANGES})
    known = [(r, w) for r, w in bounds if isinstance(r, tuple)]
    if not bounds or len(known) < len(bounds):
        return  # no age targeting, or people whose age Google could not determine: no minimum is known
    low, low_at = min(((lo, w) for (lo, _), w in known), key=lambda x: x[0])
    b.put((*N, "age_min"), low, low_at)
    highs = [(hi, w) for (_, hi), w in known if hi is not None]
    if len(highs) == len(known):
        high, high_at = max(highs, key=lambda x: x[0])
        b.put((*N, "age_max"), high, high_at)


def _genders(b: ViewBuilder, genders: list[tuple[Any, Path, bool]]) -> None:
    for gender, where in _included(b, genders, GENDERS):
        b.add_unique((*N, "genders"), gender, where)


# --- user lists ------------------------------------------------------------------------------------------------


def _user_lists(b: ViewBuilder, objects: Any) -> dict[str, tuple[Path, Mapping[str, Any]]]:
    """The UserList resources by resource name (and by id), each with its native path."""
    found: dict[str, tuple[Path, Mapping[str, Any]]] = {}
    if objects is None:
        return found
    objs = b.mapping(objects, ("native_objects",))
    if objs is None:
        return found
    unknown_keys(b, objs, ("native_objects",), frozenset({"user_lists"}))
    entry = field(objs, "user_lists")
    if entry is None:
        return found
    at: Path = ("native_objects", entry[0])
    for i, item in enumerate(b.sequence(entry[1], at)):
        read = b.mapping(item, (*at, i))
        if read is None:
            continue
        unknown_keys(b, read, (*at, i), _USER_LIST_INFORMATIONAL | _USER_LIST_KINDS | {"consent"})
        for name in ("resource_name", "id"):
            ident = field(read, name)
            if ident is not None and isinstance(ident[1], str | int) and not isinstance(ident[1], bool):
                found.setdefault(str(ident[1]), ((*at, i), read))
    return found


def _user_list_ref(
    b: ViewBuilder, body: Mapping[str, Any], at: Path, negative: bool, lists: dict[str, tuple[Path, Mapping[str, Any]]]
) -> None:
    value = _expect(b, body, at, "user_list")
    if value is None:
        return
    ref_at: Path = (*at, _key_of(body, "user_list"))
    ref = b.text(value, ref_at)
    if ref is None:
        return
    entry: dict[str, Any] = {"ref": ref}
    fields: dict[str, Path] = {"ref": ref_at}
    found = lists.get(ref) or lists.get(ref.rsplit("/", 1)[-1])
    if found is not None:
        _describe_list(b, entry, fields, found, lists)
    b.add((*N, "excluded_custom_audiences" if negative else "custom_audiences"), entry, at[:-1], fields)


def _describe_list(
    b: ViewBuilder,
    entry: dict[str, Any],
    fields: dict[str, Path],
    found: tuple[Path, Mapping[str, Any]],
    lists: dict[str, tuple[Path, Mapping[str, Any]]],
) -> None:
    at, user_list = found
    kinds = [(k, v) for k, v in user_list.items() if isinstance(k, str) and snake(k) in _USER_LIST_KINDS]
    if len(kinds) > 1:
        b.flag(at, ",".join(k for k, _ in kinds), UNREADABLE)
    for key, body in kinds[:1]:
        kind, kind_at = snake(key), (*at, key)
        if kind == "crm_based_user_list":
            _crm(b, entry, fields, body, kind_at)
        elif kind in ("rule_based_user_list", "basic_user_list"):
            entry["subtype"], fields["subtype"] = "website", kind_at  # tag- or conversion-based remarketing
        elif kind == "logical_user_list":
            b.flag(kind_at, key, UNSUPPORTED)  # a combination of other lists: not expanded
        else:
            _lookalike_list(b, entry, fields, body, kind_at, lists)
    consent = field(user_list, "consent")
    if consent is not None:
        _consent(b, entry, fields, consent[1], (*at, consent[0]))


def _crm(b: ViewBuilder, entry: dict[str, Any], fields: dict[str, Path], body: Any, at: Path) -> None:
    entry["subtype"], fields["subtype"] = "customer_list", at
    crm = b.mapping(body, at)
    if crm is None:
        return
    unknown_keys(b, crm, at, frozenset({"upload_key_type", "data_source_type", "app_id"}))
    source = field(crm, "data_source_type")
    if source is not None:
        value = b.choice(source[1], (*at, source[0]), LIST_SOURCES)
        if value is not None:
            entry["list_source"], fields["list_source"] = value, (*at, source[0])
    key = field(crm, "upload_key_type")
    if key is not None:
        value = b.choice(key[1], (*at, key[0]), UPLOAD_KEYS)
        if value is not None:
            entry["upload_key_type"], fields["upload_key_type"] = value, (*at, key[0])


def _lookalike_list(
    b: ViewBuilder,
    entry: dict[str, Any],
    fields: dict[str, Path],
    body: Any,
    at: Path,
    lists: dict[str, tuple[Path, Mapping[str, Any]]],
) -> None:
    entry["subtype"], fields["subtype"] = "lookalike", at
    read = b.mapping(body, at)
    if read is None:
        return
    unknown_keys(
        b,
        read,
        at,
        frozenset({"seed_user_lists", "seed_user_list", "expansion_level", "country_codes", "seed_user_list_size"}),
    )
    seeds: list[tuple[str, Path]] = []
    many, one = field(read, "seed_user_lists"), field(read, "seed_user_list")
    if many is not None:
        for i, seed in enumerate(b.sequence(many[1], (*at, many[0]))):
            name = b.text(seed, (*at, many[0], i))
            if name is not None:
                seeds.append((name, (*at, many[0], i)))
    if one is not None:
        name = b.text(one[1], (*at, one[0]))
        if name is not None:
            seeds.append((name, (*at, one[0])))
    if not seeds:
        return
    entry["lookalike"] = {"origin_audience_ref": seeds[0][0]}
    fields["lookalike"], fields["lookalike.origin_audience_ref"] = at, seeds[0][1]
    worst: tuple[int, str, Path] | None = None
    for name, _ in seeds:  # a lookalike inherits its seeds' data: the worst source is the lookalike's
        seed = lists.get(name) or lists.get(name.rsplit("/", 1)[-1])
        crm = field(seed[1], "crm_based_user_list") if seed is not None else None
        source = field(crm[1], "data_source_type") if crm is not None and isinstance(crm[1], Mapping) else None
        if seed is not None and crm is not None and source is not None and source[1] in LIST_SOURCES:
            rank = _SOURCE_RANK.index(LIST_SOURCES[source[1]])
            if worst is None or rank > worst[0]:
                worst = (rank, LIST_SOURCES[source[1]], (*seed[0], crm[0], source[0]))
    if worst is not None:
        entry["list_source"], fields["list_source"] = worst[1], worst[2]


def _consent(b: ViewBuilder, entry: dict[str, Any], fields: dict[str, Path], value: Any, at: Path) -> None:
    consent = b.mapping(value, at)
    if consent is None:
        return
    unknown_keys(b, consent, at, frozenset({"ad_user_data", "ad_personalization"}))
    out: dict[str, Any] = {}
    for name in ("ad_user_data", "ad_personalization"):
        found = field(consent, name)
        if found is not None:
            signal = b.choice(found[1], (*at, found[0]), CONSENT)
            if signal is not None:
                out[name] = signal
                fields[f"consent.{name}"] = (*at, found[0])
    if out:
        entry["consent"], fields["consent"] = out, at
