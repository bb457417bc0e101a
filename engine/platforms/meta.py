"""Meta (Facebook, Instagram): Marketing API objects to the neutral view.

An audience carries the ad set's targeting spec as ``native_spec`` and, in ``native_objects``, the
``campaign`` (``special_ad_categories``) and the ``custom_audiences`` objects its spec refers to by id. An ad
carries ``native_objects.creative``, ``ad_set`` (``dsa_beneficiary``, ``dsa_payor``, schedule) and
``campaign``. Field names and enums as in the Marketing API reference (regulation-and-platforms §5.1).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .view import UNKNOWN_KEY, UNREADABLE, UNSUPPORTED, Adaptation, Path, ViewBuilder, criterion

PLATFORM = "meta"

N: Path = ("normalized",)

#: Detailed-targeting keys (in flexible_spec groups, exclusions or at the top of the spec) -> criterion type.
CRITERION_KEYS: dict[str, str] = {
    "interests": "interest",
    "behaviors": "behavior",
    "life_events": "life_event",
    "industries": "industry",
    "work_positions": "job_title",
    "work_employers": "demographic",
    "education_schools": "demographic",
    "education_majors": "demographic",
    "education_statuses": "demographic",
    "family_statuses": "demographic",
    "relationship_statuses": "demographic",
    "income": "demographic",
    "user_adclusters": "interest",
}

#: The removed sensitive fields (older SDKs carried them): read as what they reveal, wherever they are.
LEGACY_FIELDS: dict[str, tuple[str, list[str]]] = {
    "political_views": ("political_affiliation", []),
    "politics": ("political_affiliation", []),
    "ethnic_affinity": ("demographic", ["racial_or_ethnic_origin"]),
}

#: Keys of an option object: read, or informational (Targeting Search returns them beside the id).
_OPTION_KEYS = frozenset(
    {
        "id",
        "name",
        "path",
        "type",
        "description",
        "topic",
        "audience_size",
        "audience_size_lower_bound",
        "audience_size_upper_bound",
        "disambiguation_category",
    }
)

_PLACEMENT_KEYS = (
    "publisher_platforms",
    "facebook_positions",
    "instagram_positions",
    "messenger_positions",
    "audience_network_positions",
    "threads_positions",
    "device_platforms",
)

#: A position is kept with the platform it is on (facebook:feed, instagram:story, device:mobile).
_POSITION_PREFIX = {key: key.removesuffix("_positions") for key in _PLACEMENT_KEYS} | {"device_platforms": "device"}

#: geo_locations keys naming places below a country: kept as the platform's keys in geo.regions.
_REGION_KEYS = (
    "regions",
    "electoral_districts",
    "geo_markets",
    "medium_geo_areas",
    "large_geo_areas",
    "metro_areas",
    "subcities",
    "neighborhoods",
)

#: Read as location_types (home, recent, travel_in) qualify the places; they do not add people.
_GEO_INFORMATIONAL = frozenset({"location_types"})

_GENDERS = {1: "male", 2: "female"}  # [M] research §5.4: the codes are from memory

_KM_PER_MILE = 1.609344

_SPEC_KEYS = frozenset(
    {
        "geo_locations",
        "excluded_geo_locations",
        "age_min",
        "age_max",
        "age_range",
        "genders",
        "locales",
        "flexible_spec",
        "exclusions",
        "custom_audiences",
        "excluded_custom_audiences",
        "targeting_automation",
        *_PLACEMENT_KEYS,
        *CRITERION_KEYS,
        *LEGACY_FIELDS,
    }
)

# --- custom audience objects -------------------------------------------------------------------------------

SUBTYPES: dict[str, str | None] = {
    "CUSTOM": "customer_list",
    "WEBSITE": "website",
    "APP": "app",
    "OFFLINE_CONVERSION": "offline",
    "ENGAGEMENT": "engagement",
    "VIDEO": "engagement",
    "LOOKALIKE": "lookalike",
    "PARTNER": None,  # a partner (data-broker) audience: its list_source says so
}

LIST_SOURCES = {
    "USER_PROVIDED_ONLY": "first_party",
    "PARTNER_PROVIDED_ONLY": "third_party_partner",
    "BOTH_USER_AND_PARTNER_PROVIDED": "first_and_third_party_partner",
}

_AUDIENCE_INFORMATIONAL = frozenset(
    {
        "id",
        "name",
        "description",
        "account_id",
        "approximate_count_lower_bound",
        "approximate_count_upper_bound",
        "delivery_status",
        "data_source",
        "retention_days",
        "rule",
        "pixel_id",
        "prefill",
        "time_created",
        "time_updated",
        "time_content_updated",
        "is_value_based",
        "opt_out_link",
        "sharing_status",
        "permission_for_actions",
        "external_event_source",
        "rule_aggregation",
    }
)
_AUDIENCE_KEYS = _AUDIENCE_INFORMATIONAL | {
    "subtype",
    "customer_file_source",
    "lookalike_spec",
    "origin_audience_id",
    "operation_status",
}
_LOOKALIKE_KEYS = frozenset({"type", "ratio", "country", "origin", "starting_ratio"})

# --- campaign, ad set, creative ----------------------------------------------------------------------------

SPECIAL_AD_CATEGORIES = frozenset(
    {
        "NONE",
        "HOUSING",
        "EMPLOYMENT",
        "CREDIT",
        "ISSUES_ELECTIONS_POLITICS",
        "ONLINE_GAMBLING_AND_GAMING",
        "FINANCIAL_PRODUCTS_SERVICES",
    }
)
AUTHORIZATION_CATEGORIES = frozenset({"NONE", "POLITICAL", "POLITICAL_WITH_DIGITALLY_CREATED_MEDIA"})

_CAMPAIGN_KEYS = frozenset(
    {
        "special_ad_categories",
        "special_ad_category_country",
        "id",
        "name",
        "objective",
        "status",
        "effective_status",
        "buying_type",
        "bid_strategy",
        "daily_budget",
        "lifetime_budget",
        "start_time",
        "stop_time",
        "account_id",
        "created_time",
    }
)
_AD_SET_KEYS = frozenset(
    {
        "dsa_beneficiary",
        "dsa_payor",
        "start_time",
        "end_time",
        "id",
        "name",
        "status",
        "effective_status",
        "campaign_id",
        "daily_budget",
        "lifetime_budget",
        "bid_amount",
        "billing_event",
        "optimization_goal",
        "promoted_object",
        "account_id",
        "created_time",
    }
)
_CREATIVE_KEYS = frozenset(
    {
        "object_story_spec",
        "object_story_id",
        "authorization_category",
        "id",
        "name",
        "status",
        "title",
        "body",
        "image_hash",
        "image_url",
        "thumbnail_url",
        "link_url",
        "url_tags",
        "call_to_action_type",
        "instagram_user_id",
        "effective_object_story_id",
    }
)
_STORY_KEYS = frozenset(
    {"page_id", "instagram_user_id", "instagram_actor_id", "link_data", "photo_data", "video_data", "text_data"}
)
#: What each kind of story data calls the text, the link and the headline.
_STORY_FIELDS: dict[str, dict[str, str]] = {
    "link_data": {"message": "text", "link": "link_url", "name": "headline"},
    "photo_data": {"message": "text", "caption": "text", "url": "link_url"},
    "video_data": {"message": "text", "title": "headline"},
    "text_data": {"message": "text"},
}
_STORY_INFORMATIONAL = frozenset(
    {
        "image_hash",
        "picture",
        "description",
        "caption",
        "call_to_action",
        "video_id",
        "image_url",
        "attachment_style",
        "child_attachments_count",
    }
)

_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")


def adapt(document: Mapping[str, Any]) -> Adaptation:
    """The neutral view of a Meta audience or ad (any other kind carries no Meta objects)."""
    builder = ViewBuilder(PLATFORM)
    objects = document.get("native_objects")
    if document.get("kind") == "audience":
        spec = document.get("native_spec")
        if spec is not None:
            spec = builder.mapping(spec, ("native_spec",))
            _targeting(builder, spec or {}, ("native_spec",), _audience_objects(builder, objects))
        _audience_native_objects(builder, objects)
    else:
        _ad_native_objects(builder, objects)
    return builder.build()


# --- the targeting spec ------------------------------------------------------------------------------------


def _targeting(b: ViewBuilder, spec: Mapping[str, Any], at: Path, audiences: dict[str, tuple[Path, Any]]) -> None:
    b.unknown_keys(spec, at, _SPEC_KEYS)
    for key in ("geo_locations", "excluded_geo_locations"):
        if key in spec:
            geo = b.mapping(spec[key], (*at, key))
            if geo is not None:
                _geo(b, geo, (*at, key), excluded=key.startswith("excluded"))
    _ages(b, spec, at)
    if "genders" in spec:
        for i, code in enumerate(b.sequence(spec["genders"], (*at, "genders"))):
            gender = b.choice(code, (*at, "genders", i), _GENDERS)
            if gender is not None:
                b.add_unique((*N, "genders"), gender, (*at, "genders", i))
    groups: list[list[int]] = []
    if "flexible_spec" in spec:
        for g, group in enumerate(b.sequence(spec["flexible_spec"], (*at, "flexible_spec"))):
            group_at: Path = (*at, "flexible_spec", g)
            options = b.mapping(group, group_at)
            if options is not None:
                groups.append(_criteria(b, options, group_at, "include", audiences))
    for key in spec:  # a detailed-targeting key at the top of the spec is a group of its own
        if key in CRITERION_KEYS or key in LEGACY_FIELDS:
            groups.append(_criteria(b, {key: spec[key]}, at, "include", audiences))
    for members in groups:
        if members:
            b.add((*N, "include_groups"), members, _group_origin(b, members))
    if "exclusions" in spec:
        exclusions = b.mapping(spec["exclusions"], (*at, "exclusions"))
        if exclusions is not None:
            _criteria(b, exclusions, (*at, "exclusions"), "exclude", audiences)
    for key, target in (
        ("custom_audiences", "custom_audiences"),
        ("excluded_custom_audiences", "excluded_custom_audiences"),
    ):
        if key in spec:
            _audience_refs(b, spec[key], (*at, key), target, audiences)
    _placements(b, spec, at)
    _automation(b, spec, at)


def _group_origin(b: ViewBuilder, members: list[int]) -> Path:
    """A group's native place: the flexible_spec element (or the spec) its first criterion came from."""
    first = b.paths[(*N, "include", members[0])]
    return first[: first.index("flexible_spec") + 2] if "flexible_spec" in first else first[:-1]


def _criteria(
    b: ViewBuilder, members: Mapping[str, Any], at: Path, target: str, audiences: dict[str, tuple[Path, Any]]
) -> list[int]:
    """Read one group of detailed-targeting options (or the exclusions); returns the include indices."""
    indices: list[int] = []
    for key, options in members.items():
        key_at: Path = (*at, key)
        if key == "custom_audiences":
            _audience_refs(
                b,
                options,
                key_at,
                "custom_audiences" if target == "include" else "excluded_custom_audiences",
                audiences,
            )
            continue
        if key in LEGACY_FIELDS:
            kind, art9 = LEGACY_FIELDS[key]
        elif key in CRITERION_KEYS:
            kind, art9 = CRITERION_KEYS[key], []
        else:
            if not str(key).startswith("x-"):
                b.flag(key_at, key, UNKNOWN_KEY)
            continue
        for j, option in enumerate(b.sequence(options, key_at)):
            where = _option(b, option, (*key_at, j), kind, art9, target)
            if where is not None and target == "include":
                indices.append(int(where[-1]))
    return indices


def _option(b: ViewBuilder, option: Any, at: Path, kind: str, art9: list[str], target: str) -> Path | None:
    fields: dict[str, Path] = {"type": at[:-1]}
    if isinstance(option, Mapping):
        b.unknown_keys(option, at, _OPTION_KEYS)
        if "id" not in option:
            b.flag(at, "id", UNREADABLE)
            return None
        ident = b.text(option["id"], (*at, "id"))
        name = option.get("name") if isinstance(option.get("name"), str) and option.get("name") else None
        fields["platform_id"] = (*at, "id")
        if name is not None:
            fields["name"] = (*at, "name")
    else:  # the legacy fields and a few option lists (education_statuses) hold bare codes
        ident = b.text(option, at)
        name = None
        fields["platform_id"] = at
    if ident is None:
        return None
    entry = criterion(kind, ident, name, "platform_taxonomy")
    if art9:
        entry["art9"] = list(art9)
        fields["art9"] = at[:-1]
    return b.add((*N, target), entry, at, fields)


def _ages(b: ViewBuilder, spec: Mapping[str, Any], at: Path) -> None:
    """age_min / age_max, or age_range [min, max] (Advantage+ audience): the widest they name."""
    lows: list[tuple[int, Path]] = []
    highs: list[tuple[int, Path]] = []
    for key, into in (("age_min", lows), ("age_max", highs)):
        if key in spec:
            age = b.integer(spec[key], (*at, key), 0, 130)
            if age is not None:
                into.append((age, (*at, key)))
    if "age_range" in spec:
        bounds = b.sequence(spec["age_range"], (*at, "age_range"))
        for i, into in ((0, lows), (1, highs)):
            if i < len(bounds):
                age = b.integer(bounds[i], (*at, "age_range", i), 0, 130)
                if age is not None:
                    into.append((age, (*at, "age_range", i)))
    if lows:
        age, origin = min(lows)
        b.put((*N, "age_min"), age, origin)
    if highs:
        age, origin = max(highs)
        b.put((*N, "age_max"), age, origin)


def _geo(b: ViewBuilder, geo: Mapping[str, Any], at: Path, *, excluded: bool) -> None:
    known = frozenset({"countries", "cities", "zips", "custom_locations", *_REGION_KEYS, *_GEO_INFORMATIONAL})
    b.unknown_keys(geo, at, known | {"country_groups", "places"})
    for key in ("country_groups", "places"):  # not expanded: which people they reach is not in the spec
        if key in geo:
            b.flag((*at, key), key, UNSUPPORTED)
    for i, code in enumerate(b.sequence(geo.get("countries", []), (*at, "countries"))):
        country = b.country(code, (*at, "countries", i))
        if country is not None:
            b.add_unique((*N, "geo", "excluded" if excluded else "countries"), country, (*at, "countries", i))
    for key in _REGION_KEYS:
        for i, place in enumerate(b.sequence(geo.get(key, []), (*at, key))):
            _keyed_place(b, place, (*at, key, i), "excluded" if excluded else "regions")
    for i, zipcode in enumerate(b.sequence(geo.get("zips", []), (*at, "zips"))):
        _keyed_place(b, zipcode, (*at, "zips", i), "excluded" if excluded else "postal_codes")
    for i, city in enumerate(b.sequence(geo.get("cities", []), (*at, "cities"))):
        if excluded:
            _keyed_place(b, city, (*at, "cities", i), "excluded")
        else:
            _city(b, city, (*at, "cities", i))
    for i, point in enumerate(b.sequence(geo.get("custom_locations", []), (*at, "custom_locations"))):
        if excluded:
            b.flag((*at, "custom_locations", i), "custom_locations", UNSUPPORTED)
        else:
            _point(b, point, (*at, "custom_locations", i))


def _keyed_place(b: ViewBuilder, place: Any, at: Path, target: str) -> None:
    if isinstance(place, Mapping):
        b.unknown_keys(
            place,
            at,
            frozenset({"key", "name", "country", "country_code", "region", "region_id", "primary_city_id", "type"}),
        )
        key = b.text(place.get("key"), (*at, "key"))
    else:
        key = b.text(place, at)
    if key is not None:
        b.add_unique((*N, "geo", target), key, at)


def _radius_km(b: ViewBuilder, place: Mapping[str, Any], at: Path) -> float | None:
    """The radius in km; without a unit it is read as km, the smaller reading (a small radius is judged)."""
    radius = b.number(place["radius"], (*at, "radius"), 0, 100_000)
    if radius is None:
        return None
    unit = place.get("distance_unit", "kilometer")
    if unit == "mile":
        return round(radius * _KM_PER_MILE, 3)
    if unit != "kilometer":
        b.flag((*at, "distance_unit"), str(unit), UNREADABLE)
        return None
    return radius


def _city(b: ViewBuilder, city: Any, at: Path) -> None:
    place = b.read(city, at, frozenset({"key", "name", "radius", "distance_unit", "country", "region", "region_id"}))
    if place is None:
        return
    entry: dict[str, Any] = {}
    fields: dict[str, Path] = {}
    key = b.text(place.get("key"), (*at, "key"))
    if key is None:
        return
    entry["key"], fields["key"] = key, (*at, "key")
    if isinstance(place.get("name"), str):
        entry["name"], fields["name"] = place["name"], (*at, "name")
    if "country" in place:
        country = b.country(place["country"], (*at, "country"))
        if country is not None:
            entry["country"], fields["country"] = country, (*at, "country")
    if "radius" in place:
        radius = _radius_km(b, place, at)
        if radius is not None:
            entry["radius_km"], fields["radius_km"] = radius, (*at, "radius")
    b.add((*N, "geo", "cities"), entry, at, fields)


def _point(b: ViewBuilder, value: Any, at: Path) -> None:
    point = b.mapping(value, at)
    if point is None:
        return
    b.unknown_keys(
        point,
        at,
        frozenset(
            {
                "latitude",
                "longitude",
                "radius",
                "distance_unit",
                "name",
                "address_string",
                "primary_city_id",
                "region_id",
                "country",
            }
        ),
    )
    latitude = b.number(point.get("latitude"), (*at, "latitude"), -90, 90)
    longitude = b.number(point.get("longitude"), (*at, "longitude"), -180, 180)
    if latitude is None or longitude is None:
        return
    entry: dict[str, Any] = {"latitude": latitude, "longitude": longitude}
    fields: dict[str, Path] = {"latitude": (*at, "latitude"), "longitude": (*at, "longitude")}
    label = point.get("name", point.get("address_string"))
    if isinstance(label, str):
        entry["name"] = label
        fields["name"] = (*at, "name" if "name" in point else "address_string")
    if "radius" in point:
        radius = _radius_km(b, point, at)
        if radius is not None:
            entry["radius_km"], fields["radius_km"] = radius, (*at, "radius")
    b.add((*N, "geo", "custom_locations"), entry, at, fields)


def _placements(b: ViewBuilder, spec: Mapping[str, Any], at: Path) -> None:
    for key in _PLACEMENT_KEYS:
        if key not in spec:
            continue
        target = "publisher_platforms" if key == "publisher_platforms" else "positions"
        for i, value in enumerate(b.sequence(spec[key], (*at, key))):
            name = b.text(value, (*at, key, i))
            if name is not None:
                label = name if target == "publisher_platforms" else f"{_POSITION_PREFIX[key]}:{name}"
                b.add_unique((*N, "placements", target), label, (*at, key, i))


def _automation(b: ViewBuilder, spec: Mapping[str, Any], at: Path) -> None:
    """Advantage+ audience: from Marketing API v23.0 it is on unless set to 0, so unset stays null."""
    if "targeting_automation" not in spec:
        return
    automation = b.mapping(spec["targeting_automation"], (*at, "targeting_automation"))
    if automation is None:
        return
    where: Path = (*at, "targeting_automation")
    b.unknown_keys(automation, where, frozenset({"advantage_audience"}))
    if "advantage_audience" in automation:
        value = b.choice(automation["advantage_audience"], (*where, "advantage_audience"), {0: 0, 1: 1})
        if value is not None:
            b.put((*N, "expansion", "meta_advantage_audience"), value, (*where, "advantage_audience"))


# --- custom audiences ----------------------------------------------------------------------------------------


def _audience_objects(b: ViewBuilder, objects: Any) -> dict[str, tuple[Path, Any]]:
    """The custom audience objects by id, each with its native path."""
    found: dict[str, tuple[Path, Any]] = {}
    if not isinstance(objects, Mapping):
        return found
    for i, obj in enumerate(
        objects.get("custom_audiences", []) if isinstance(objects.get("custom_audiences"), list) else []
    ):
        if isinstance(obj, Mapping) and isinstance(obj.get("id"), str | int) and not isinstance(obj.get("id"), bool):
            found.setdefault(str(obj["id"]), (("native_objects", "custom_audiences", i), obj))
    return found


def _audience_native_objects(b: ViewBuilder, objects: Any) -> None:
    """An audience's native_objects: the campaign, and the custom audience objects (each read on use)."""
    if objects is None:
        return
    at: Path = ("native_objects",)
    objs = b.read(objects, at, frozenset({"campaign", "custom_audiences"}))
    if objs is None:
        return
    for i, obj in enumerate(b.sequence(objs.get("custom_audiences", []), (*at, "custom_audiences"))):
        entry_at: Path = (*at, "custom_audiences", i)
        if not isinstance(obj, Mapping) or "id" not in obj:
            b.flag(entry_at, "id", UNREADABLE)
        else:
            b.unknown_keys(obj, entry_at, _AUDIENCE_KEYS)
    if "campaign" in objs:
        _campaign(b, objs["campaign"], (*at, "campaign"), ("political", "meta_special_ad_categories"))


def _audience_refs(b: ViewBuilder, refs: Any, at: Path, target: str, audiences: dict[str, tuple[Path, Any]]) -> None:
    for i, ref in enumerate(b.sequence(refs, at)):
        ref_at: Path = (*at, i)
        if isinstance(ref, Mapping):
            b.unknown_keys(ref, ref_at, frozenset({"id", "name"}))
            ident = b.text(ref.get("id"), (*ref_at, "id"))
        else:
            ident = b.text(ref, ref_at)
        if ident is None:
            continue
        entry: dict[str, Any] = {"ref": ident}
        fields: dict[str, Path] = {"ref": (*ref_at, "id") if isinstance(ref, Mapping) else ref_at}
        if ident in audiences:
            _describe_audience(b, entry, fields, audiences[ident], audiences)
        b.add((*N, target), entry, ref_at, fields)


def _describe_audience(
    b: ViewBuilder,
    entry: dict[str, Any],
    fields: dict[str, Path],
    found: tuple[Path, Any],
    audiences: dict[str, tuple[Path, Any]],
) -> None:
    """Fill a custom audience entry from its native object (subtype, list source, lookalike, status)."""
    at, obj = found
    if "subtype" in obj:
        subtype = b.choice(obj["subtype"], (*at, "subtype"), SUBTYPES)
        if subtype is not None:
            entry["subtype"], fields["subtype"] = subtype, (*at, "subtype")
        if obj["subtype"] == "PARTNER":
            entry["list_source"], fields["list_source"] = "third_party_partner", (*at, "subtype")
    if "customer_file_source" in obj:
        source = b.choice(obj["customer_file_source"], (*at, "customer_file_source"), LIST_SOURCES)
        if source is not None:
            entry["list_source"], fields["list_source"] = source, (*at, "customer_file_source")
    status = obj.get("operation_status")
    if isinstance(status, Mapping) and "code" in status:
        code = b.integer(status["code"], (*at, "operation_status", "code"), 0, 10**9)
        if code is not None:
            entry["platform_status"] = {"meta_operation_status_code": code}
            fields["platform_status"] = (*at, "operation_status")
            fields["platform_status.meta_operation_status_code"] = (*at, "operation_status", "code")
    elif "operation_status" in obj:
        b.flag((*at, "operation_status"), "operation_status", UNREADABLE)
    _lookalike(b, entry, fields, at, obj, audiences)


def _lookalike(
    b: ViewBuilder,
    entry: dict[str, Any],
    fields: dict[str, Path],
    at: Path,
    obj: Mapping[str, Any],
    audiences: dict[str, tuple[Path, Any]],
) -> None:
    spec = obj.get("lookalike_spec")
    origin: str | None = None
    origin_at: Path | None = None
    lookalike: dict[str, Any] = {}
    if "origin_audience_id" in obj:
        origin = b.text(obj["origin_audience_id"], (*at, "origin_audience_id"))
        origin_at = (*at, "origin_audience_id")
    if spec is not None:
        spec_at: Path = (*at, "lookalike_spec")
        read = b.mapping(spec, spec_at)
        if read is not None:
            b.unknown_keys(read, spec_at, _LOOKALIKE_KEYS)
            if "ratio" in read:
                ratio = b.number(read["ratio"], (*spec_at, "ratio"), 0.0, 1.0)
                if ratio is not None and ratio > 0:
                    lookalike["ratio"] = ratio
                    fields["lookalike.ratio"] = (*spec_at, "ratio")
            if "country" in read:
                country = b.country(read["country"], (*spec_at, "country"))
                if country is not None:
                    lookalike["country"] = country
                    fields["lookalike.country"] = (*spec_at, "country")
            origins = read.get("origin")
            if origin is None and isinstance(origins, list) and origins and isinstance(origins[0], Mapping):
                origin = b.text(origins[0].get("id"), (*spec_at, "origin", 0, "id"))
                origin_at = (*spec_at, "origin", 0, "id")
    if origin is not None and origin_at is not None:
        lookalike["origin_audience_ref"] = origin
        fields["lookalike.origin_audience_ref"] = origin_at
        seed = audiences.get(origin)
        source = seed[1].get("customer_file_source") if seed is not None else None
        if isinstance(source, str) and source in LIST_SOURCES and "list_source" not in entry and seed is not None:
            # A lookalike inherits its seed's data: the seed's list source is the lookalike's.
            entry["list_source"] = LIST_SOURCES[source]
            fields["list_source"] = (*seed[0], "customer_file_source")
    if lookalike or entry.get("subtype") == "lookalike":
        entry["subtype"] = "lookalike"
        fields.setdefault("subtype", (*at, "subtype") if "subtype" in obj else at)
        if lookalike:
            entry["lookalike"] = lookalike
            fields["lookalike"] = (*at, "lookalike_spec") if spec is not None else origin_at or at


# --- campaign, ad set, creative (an ad's native objects) -------------------------------------------------------


def _campaign(b: ViewBuilder, value: Any, at: Path, target: Path) -> None:
    campaign = b.read(value, at, _CAMPAIGN_KEYS)
    if campaign is None:
        return
    if "special_ad_categories" in campaign:
        categories = b.sequence(campaign["special_ad_categories"], (*at, "special_ad_categories"))
        values = []
        for i, category in enumerate(categories):
            known = b.choice(category, (*at, "special_ad_categories", i), {c: c for c in SPECIAL_AD_CATEGORIES})
            if known is not None and known not in values:
                values.append(known)
        b.put(target, values, (*at, "special_ad_categories"))


def _ad_native_objects(b: ViewBuilder, objects: Any) -> None:
    if objects is None:
        return
    at: Path = ("native_objects",)
    objs = b.read(objects, at, frozenset({"campaign", "ad_set", "creative"}))
    if objs is None:
        return
    if "campaign" in objs:
        _campaign(
            b, objs["campaign"], (*at, "campaign"), ("political", "platform_declarations", "meta_special_ad_categories")
        )
    if "ad_set" in objs:
        _ad_set(b, objs["ad_set"], (*at, "ad_set"))
    if "creative" in objs:
        _creative(b, objs["creative"], (*at, "creative"))


def _ad_set(b: ViewBuilder, value: Any, at: Path) -> None:
    ad_set = b.mapping(value, at)
    if ad_set is None:
        return
    b.unknown_keys(ad_set, at, _AD_SET_KEYS)  # targeting belongs in an audience document: unknown here
    for key, target in (("dsa_beneficiary", "meta_dsa_beneficiary"), ("dsa_payor", "meta_dsa_payor")):
        if key in ad_set:
            name = b.text(ad_set[key], (*at, key))
            if name is not None:
                b.put(("sender", target), name, (*at, key))
    for key, target in (("start_time", "start"), ("end_time", "end")):
        if key in ad_set:
            instant = _instant(ad_set[key])
            if instant is None:
                b.flag((*at, key), key, UNREADABLE)
            else:
                b.put(("schedule", target), instant, (*at, key))


def _instant(value: Any) -> str | None:
    """Meta's ``2026-09-01T10:00:00+0200`` as RFC 3339 (``+02:00``); a date stays a date."""
    if not isinstance(value, str):
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    fixed = _OFFSET.sub(r"\1:\2", value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})", fixed):
        return fixed
    return None


def _creative(b: ViewBuilder, value: Any, at: Path) -> None:
    creative = b.read(value, at, _CREATIVE_KEYS)
    if creative is None:
        return
    if "authorization_category" in creative:
        category = b.choice(
            creative["authorization_category"],
            (*at, "authorization_category"),
            {c: c for c in AUTHORIZATION_CATEGORIES},
        )
        if category is not None:
            b.put(
                ("political", "platform_declarations", "meta_authorization_category"),
                category,
                (*at, "authorization_category"),
            )
    has_spec, has_id = "object_story_spec" in creative, "object_story_id" in creative
    if has_spec and has_id:  # Meta takes one or the other: which post runs is not decidable
        b.flag((*at, "object_story_id"), "object_story_id", UNREADABLE)
    elif has_id:
        story = b.text(creative["object_story_id"], (*at, "object_story_id"))
        if story is not None:
            b.put(("visibility",), "boosted_existing_post", (*at, "object_story_id"))
            b.put(("platform_refs", "object_story_id"), story, (*at, "object_story_id"))
    elif has_spec:
        spec = b.mapping(creative["object_story_spec"], (*at, "object_story_spec"))
        if spec is not None:
            # object_story_spec creates "a new unpublished page post": the dark post.
            b.put(("visibility",), "ad_only_unpublished", (*at, "object_story_spec"))
            _story(b, spec, (*at, "object_story_spec"))


def _story(b: ViewBuilder, spec: Mapping[str, Any], at: Path) -> None:
    b.unknown_keys(spec, at, _STORY_KEYS | {"template_data"})
    if "template_data" in spec:
        b.flag((*at, "template_data"), "template_data", UNSUPPORTED)
    for kind, names in _STORY_FIELDS.items():
        if kind not in spec:
            continue
        data = b.mapping(spec[kind], (*at, kind))
        if data is None:
            continue
        b.unknown_keys(data, (*at, kind), frozenset(names) | _STORY_INFORMATIONAL)
        for key, target in names.items():
            if key in data and b.get(("creative", target)) is None:
                text = b.text(data[key], (*at, kind, key))
                if text is not None:
                    b.put(("creative", target), text, (*at, kind, key))
