"""The platform adapters on the documented example payloads (regulation-and-platforms §5): exact views, exact
native paths, exact unknowns; and the reconciliation of a hand-written projection with the derived one."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from ethiq.engine.platforms import ADAPTERS, Unknown, adapt, carries_native, derive
from ethiq.engine.platforms.view import NO_ADAPTER, UNKNOWN_KEY, UNKNOWN_VALUE, UNREADABLE, UNSUPPORTED, Mismatch

SCHEMAS = Path(__file__).parents[1] / "policies" / "schemas"


@cache
def validator(kind: str) -> Draft7Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def audience(
    platform: str, spec: dict[str, Any] | None = None, objects: dict[str, Any] | None = None
) -> dict[str, Any]:
    doc: dict[str, Any] = {"kind": "audience", "id": "aud_x", "platform": platform}
    if spec is not None:
        doc["native_spec"] = spec
    if objects is not None:
        doc["native_objects"] = objects
    return doc


def assert_valid(document: dict[str, Any]) -> None:
    errors = [(e.json_path, e.message) for e in validator(document["kind"]).iter_errors(document)]
    assert errors == []


# --- Meta ------------------------------------------------------------------------------------------------

#: The targeting spec of research §5.1, with ids in place of its placeholders.
META_SPEC: dict[str, Any] = {
    "geo_locations": {"countries": ["SE"], "cities": [{"key": "2673730", "radius": 10, "distance_unit": "kilometer"}]},
    "age_min": 18,
    "age_max": 65,
    "genders": [1, 2],
    "locales": [45],
    "flexible_spec": [
        {"interests": [{"id": "6003020834693", "name": "Public transport"}]},
        {"behaviors": [{"id": "6002714895372", "name": "Frequent travellers"}]},
    ],
    "exclusions": {"interests": [{"id": "6003021658693", "name": "Catholic Church"}]},
    "custom_audiences": [{"id": "23850000000000001"}],
    "excluded_custom_audiences": [{"id": "23850000000000002"}],
    "publisher_platforms": ["facebook", "instagram"],
    "facebook_positions": ["feed"],
    "instagram_positions": ["stream", "story"],
    "device_platforms": ["mobile", "desktop"],
    "targeting_automation": {"advantage_audience": 0},
}

META_VIEW: dict[str, Any] = {
    "geo": {"countries": ["SE"], "cities": [{"key": "2673730", "radius_km": 10}]},
    "age_min": 18,
    "age_max": 65,
    "genders": ["male", "female"],
    "include": [
        {"type": "interest", "platform_id": "6003020834693", "name": "Public transport", "source": "platform_taxonomy"},
        {
            "type": "behavior",
            "platform_id": "6002714895372",
            "name": "Frequent travellers",
            "source": "platform_taxonomy",
        },
    ],
    "include_groups": [[0], [1]],
    "exclude": [
        {"type": "interest", "platform_id": "6003021658693", "name": "Catholic Church", "source": "platform_taxonomy"}
    ],
    "custom_audiences": [{"ref": "23850000000000001"}],
    "excluded_custom_audiences": [{"ref": "23850000000000002"}],
    "placements": {
        "publisher_platforms": ["facebook", "instagram"],
        "positions": ["facebook:feed", "instagram:stream", "instagram:story", "device:mobile", "device:desktop"],
    },
    "expansion": {"meta_advantage_audience": 0},
}


def test_meta_example_spec() -> None:
    result = adapt(audience("meta", META_SPEC))
    assert result.view == {"normalized": META_VIEW}
    assert result.unknown == ()
    assert result.paths[("normalized", "include", 1)] == ("native_spec", "flexible_spec", 1, "behaviors", 0)
    assert result.paths[("normalized", "include", 1, "platform_id")] == (
        "native_spec",
        "flexible_spec",
        1,
        "behaviors",
        0,
        "id",
    )
    assert result.paths[("normalized", "exclude", 0, "platform_id")] == (
        "native_spec",
        "exclusions",
        "interests",
        0,
        "id",
    )
    assert result.paths[("normalized", "geo", "cities", 0, "radius_km")] == (
        "native_spec",
        "geo_locations",
        "cities",
        0,
        "radius",
    )
    assert result.paths[("normalized", "include_groups", 1)] == ("native_spec", "flexible_spec", 1)
    assert result.paths[("normalized", "excluded_custom_audiences", 0, "ref")] == (
        "native_spec",
        "excluded_custom_audiences",
        0,
        "id",
    )
    assert_valid({"kind": "audience", "id": "a", "platform": "meta", **result.view})


def test_meta_or_within_a_group_and_across_groups() -> None:
    spec = {
        "flexible_spec": [
            {"interests": [{"id": "1"}, {"id": "2"}], "behaviors": [{"id": "3"}]},
            {"life_events": [{"id": "4"}]},
        ],
        "work_positions": [{"id": "5", "name": "Teacher"}],
    }
    view = adapt(audience("meta", spec)).view["normalized"]
    assert [c["platform_id"] for c in view["include"]] == ["1", "2", "3", "4", "5"]
    assert [c["type"] for c in view["include"]] == ["interest", "interest", "behavior", "life_event", "job_title"]
    assert view["include_groups"] == [[0, 1, 2], [3], [4]]


def test_meta_legacy_fields_become_what_they_reveal_where_they_are() -> None:
    spec = {
        "political_views": [1],
        "flexible_spec": [{"politics": [{"id": "6015759997983", "name": "US Politics (Very Liberal)"}]}],
        "exclusions": {"ethnic_affinity": [{"id": "6018745176183"}]},
    }
    result = adapt(audience("meta", spec))
    view = result.view["normalized"]
    assert view["include"] == [
        {
            "type": "political_affiliation",
            "platform_id": "6015759997983",
            "name": "US Politics (Very Liberal)",
            "source": "platform_taxonomy",
        },
        {"type": "political_affiliation", "platform_id": "1", "source": "platform_taxonomy"},
    ]
    assert view["exclude"] == [
        {
            "type": "demographic",
            "platform_id": "6018745176183",
            "source": "platform_taxonomy",
            "art9": ["racial_or_ethnic_origin"],
        }
    ]
    assert result.paths[("normalized", "include", 0)] == ("native_spec", "flexible_spec", 0, "politics", 0)
    assert result.paths[("normalized", "include", 1)] == ("native_spec", "political_views", 0)
    assert result.paths[("normalized", "exclude", 0, "art9")] == ("native_spec", "exclusions", "ethnic_affinity")
    assert result.unknown == ()


def test_meta_ages_take_the_widest_of_age_min_and_age_range() -> None:
    view = adapt(audience("meta", {"age_min": 21, "age_range": [18, 45], "age_max": 40})).view["normalized"]
    assert (view["age_min"], view["age_max"]) == (18, 45)
    paths = adapt(audience("meta", {"age_min": 21, "age_range": [18, 45], "age_max": 40})).paths
    assert paths[("normalized", "age_min")] == ("native_spec", "age_range", 0)


def test_meta_geo_places_and_units() -> None:
    spec = {
        "geo_locations": {
            "regions": [{"key": "3249", "name": "Stockholm"}],
            "zips": [{"key": "SE:11122"}],
            "custom_locations": [{"latitude": 59.33, "longitude": 18.06, "radius": 2, "distance_unit": "mile"}],
            "country_groups": ["eu"],
            "location_types": ["home"],
        },
        "excluded_geo_locations": {"countries": ["NO"], "cities": [{"key": "2673722"}]},
    }
    result = adapt(audience("meta", spec))
    assert result.view["normalized"]["geo"] == {
        "regions": ["3249"],
        "postal_codes": ["SE:11122"],
        "custom_locations": [{"latitude": 59.33, "longitude": 18.06, "radius_km": 3.219}],
        "excluded": ["NO", "2673722"],
    }
    assert result.unknown == (
        Unknown(("native_spec", "geo_locations", "country_groups"), "country_groups", UNSUPPORTED),
    )


def test_meta_custom_audience_objects() -> None:
    spec = {"custom_audiences": [{"id": "1"}, {"id": "2"}], "excluded_custom_audiences": [{"id": "3"}]}
    objects = {
        "custom_audiences": [
            {
                "id": "1",
                "subtype": "CUSTOM",
                "customer_file_source": "USER_PROVIDED_ONLY",
                "operation_status": {"code": 471},
            },
            {
                "id": "2",
                "subtype": "LOOKALIKE",
                "lookalike_spec": {
                    "type": "similarity",
                    "ratio": 0.02,
                    "country": "SE",
                    "origin": [{"id": "4", "type": "custom_audience"}],
                },
            },
            {"id": "3", "subtype": "PARTNER"},
            {"id": "4", "subtype": "CUSTOM", "customer_file_source": "BOTH_USER_AND_PARTNER_PROVIDED"},
        ],
        "campaign": {"special_ad_categories": ["ISSUES_ELECTIONS_POLITICS"], "objective": "OUTCOME_AWARENESS"},
    }
    result = adapt(audience("meta", spec, objects))
    assert result.view == {
        "normalized": {
            "custom_audiences": [
                {
                    "ref": "1",
                    "subtype": "customer_list",
                    "list_source": "first_party",
                    "platform_status": {"meta_operation_status_code": 471},
                },
                {
                    "ref": "2",
                    "subtype": "lookalike",
                    "list_source": "first_and_third_party_partner",
                    "lookalike": {"ratio": 0.02, "country": "SE", "origin_audience_ref": "4"},
                },
            ],
            "excluded_custom_audiences": [{"ref": "3", "list_source": "third_party_partner"}],
        },
        "political": {"meta_special_ad_categories": ["ISSUES_ELECTIONS_POLITICS"]},
    }
    assert result.paths[("normalized", "custom_audiences", 1, "list_source")] == (
        "native_objects",
        "custom_audiences",
        3,
        "customer_file_source",
    )
    assert result.paths[("normalized", "custom_audiences", 0, "platform_status", "meta_operation_status_code")] == (
        "native_objects",
        "custom_audiences",
        0,
        "operation_status",
        "code",
    )
    assert result.paths[("political", "meta_special_ad_categories")] == (
        "native_objects",
        "campaign",
        "special_ad_categories",
    )
    assert result.unknown == ()


def test_meta_unknown_keys_and_values_at_their_paths() -> None:
    spec = {
        "interested_in": [2],
        "genders": [1, 3],
        "flexible_spec": [
            {
                "interests": [{"id": "1", "source": "Partner Category provided by Epsilon"}],
                "education_levels": [{"id": "2"}],
            }
        ],
        "targeting_automation": {"advantage_audience": 2, "individual_setting": {"age": 1}},
        "age_min": "18",
        "x-note": "ethiq's own extension: never targeting",
    }
    result = adapt(
        audience("meta", spec, {"custom_audiences": [{"id": "9", "rule": {}, "seed_hint": 1}], "ad_account": {}})
    )
    assert set(result.unknown) == {
        Unknown(("native_spec", "interested_in"), "interested_in", UNKNOWN_KEY),
        Unknown(("native_spec", "genders", 1), "3", UNKNOWN_VALUE),
        Unknown(("native_spec", "flexible_spec", 0, "interests", 0, "source"), "source", UNKNOWN_KEY),
        Unknown(("native_spec", "flexible_spec", 0, "education_levels"), "education_levels", UNKNOWN_KEY),
        Unknown(("native_spec", "targeting_automation", "advantage_audience"), "2", UNKNOWN_VALUE),
        Unknown(("native_spec", "targeting_automation", "individual_setting"), "individual_setting", UNKNOWN_KEY),
        Unknown(("native_spec", "age_min"), "age_min", UNREADABLE),
        Unknown(("native_objects", "custom_audiences", 0, "seed_hint"), "seed_hint", UNKNOWN_KEY),
        Unknown(("native_objects", "ad_account"), "ad_account", UNKNOWN_KEY),
    }
    assert len(result.unknown) == 9


def test_meta_ad_dark_post_and_sender() -> None:
    ad = {
        "kind": "ad",
        "id": "ad_x",
        "platform": "meta",
        "native_objects": {
            "campaign": {"special_ad_categories": ["ISSUES_ELECTIONS_POLITICS"]},
            "ad_set": {
                "dsa_beneficiary": "Liberalerna",
                "dsa_payor": "Liberalerna",
                "start_time": "2026-08-20T08:00:00+0200",
                "end_time": "2026-09-13",
                "targeting": {},
            },
            "creative": {
                "authorization_category": "POLITICAL",
                "object_story_spec": {
                    "page_id": "100064000000001",
                    "link_data": {
                        "message": "Fler avgångar i kollektivtrafiken.",
                        "link": "https://www.liberalerna.se/",
                        "name": "Vårt besked",
                        "image_hash": "abc",
                    },
                },
            },
        },
    }
    result = adapt(ad)
    assert result.view == {
        "political": {
            "platform_declarations": {
                "meta_special_ad_categories": ["ISSUES_ELECTIONS_POLITICS"],
                "meta_authorization_category": "POLITICAL",
            }
        },
        "sender": {"meta_dsa_beneficiary": "Liberalerna", "meta_dsa_payor": "Liberalerna"},
        "schedule": {"start": "2026-08-20T08:00:00+02:00", "end": "2026-09-13"},
        "visibility": "ad_only_unpublished",
        "creative": {
            "text": "Fler avgångar i kollektivtrafiken.",
            "link_url": "https://www.liberalerna.se/",
            "headline": "Vårt besked",
        },
    }
    assert result.unknown == (Unknown(("native_objects", "ad_set", "targeting"), "targeting", UNKNOWN_KEY),)
    assert result.paths[("visibility",)] == ("native_objects", "creative", "object_story_spec")
    assert_valid({"kind": "ad", "id": "ad_x", "platform": "meta", **result.view})


def test_meta_ad_boosting_an_existing_post() -> None:
    ad = {
        "kind": "ad",
        "id": "ad_x",
        "platform": "meta",
        "native_objects": {"creative": {"object_story_id": "100064000000001_987654321"}},
    }
    assert adapt(ad).view == {
        "visibility": "boosted_existing_post",
        "platform_refs": {"object_story_id": "100064000000001_987654321"},
    }
    both = copy.deepcopy(ad)
    both["native_objects"]["creative"]["object_story_spec"] = {"page_id": "1", "text_data": {"message": "Hej"}}
    result = adapt(both)
    assert result.view == {}
    assert result.unknown == (
        Unknown(("native_objects", "creative", "object_story_id"), "object_story_id", UNREADABLE),
    )


# --- Google Ads ------------------------------------------------------------------------------------------

#: The campaign of research §5.2, with a Customer Match list for its user_list criterion.
GOOGLE_SPEC: dict[str, Any] = {
    "campaign": {
        "name": "Riksdagsvalet 2026",
        "contains_eu_political_advertising": "CONTAINS_EU_POLITICAL_ADVERTISING",
    },
    "campaign_criteria": [
        {"location": {"geo_target_constant": "geoTargetConstants/2752"}},
        {"language": {"language_constant": "languageConstants/1015"}},
    ],
    "ad_group_criteria": [
        {"age_range": {"type": "AGE_RANGE_18_24"}},
        {"user_list": {"user_list": "customers/1234567890/userLists/42"}},
    ],
}
GOOGLE_LISTS: dict[str, Any] = {
    "user_lists": [
        {
            "resource_name": "customers/1234567890/userLists/42",
            "name": "Voters",
            "crm_based_user_list": {"upload_key_type": "CONTACT_INFO", "data_source_type": "THIRD_PARTY_VOTER_FILE"},
            "consent": {"ad_user_data": "GRANTED", "ad_personalization": "UNSPECIFIED"},
        }
    ]
}


def test_google_example_campaign() -> None:
    result = adapt(audience("google_ads", GOOGLE_SPEC, GOOGLE_LISTS))
    assert result.view == {
        "political": {"google_contains_eu_political_advertising": "CONTAINS_EU_POLITICAL_ADVERTISING"},
        "normalized": {
            "expansion": {"google_optimized_targeting": "unknown"},
            "geo": {"countries": ["SE"]},
            "custom_audiences": [
                {
                    "ref": "customers/1234567890/userLists/42",
                    "subtype": "customer_list",
                    "list_source": "third_party_voter_file",
                    "upload_key_type": "contact_info",
                    "consent": {"ad_user_data": True, "ad_personalization": "unknown"},
                }
            ],
            "age_min": 18,
            "age_max": 24,
        },
    }
    assert result.unknown == ()
    assert result.paths[("normalized", "custom_audiences", 0, "list_source")] == (
        "native_objects",
        "user_lists",
        0,
        "crm_based_user_list",
        "data_source_type",
    )
    assert result.paths[("normalized", "custom_audiences", 0)] == ("native_spec", "ad_group_criteria", 1)
    assert result.paths[("normalized", "geo", "countries", 0)] == (
        "native_spec",
        "campaign_criteria",
        0,
        "location",
        "geo_target_constant",
    )
    assert_valid({"kind": "audience", "id": "a", "platform": "google_ads", **result.view})


def test_google_negative_criteria_and_rest_spelling() -> None:
    spec = {
        "adGroup": {"optimizedTargetingEnabled": True},
        "adGroupCriteria": [
            {"ageRange": {"type": "AGE_RANGE_18_24"}, "negative": True},
            {"gender": {"type": "MALE"}, "negative": True},
            {"location": {"geoTargetConstant": "geoTargetConstants/1012345"}},
            {"keyword": {"text": "kollektivtrafik", "matchType": "BROAD"}},
            {"topic": {"topicConstant": "topicConstants/19", "path": ["", "Politics"]}, "negative": True},
            {
                "proximity": {
                    "geoPoint": {"latitudeInMicroDegrees": 59329323, "longitudeInMicroDegrees": 18068581},
                    "radius": 3,
                    "radiusUnits": "MILES",
                }
            },
        ],
    }
    result = adapt(audience("google_ads", spec))
    assert result.unknown == ()
    view = result.view["normalized"]
    assert view["expansion"] == {"google_optimized_targeting": True}
    assert view["include"] == [{"type": "keyword", "name": "kollektivtrafik", "source": "party_defined"}]
    assert view["exclude"] == [
        {"type": "topic", "platform_id": "topicConstants/19", "name": "Politics", "source": "platform_taxonomy"}
    ]
    assert view["geo"] == {
        "regions": ["geoTargetConstants/1012345"],
        "custom_locations": [{"latitude": 59.329323, "longitude": 18.068581, "radius_km": 4.828}],
    }
    assert "age_min" not in view  # the ages that remain include the undetermined: no minimum is known
    assert view["genders"] == ["female", "undetermined"]
    assert result.paths[("normalized", "include", 0, "name")] == (
        "native_spec",
        "adGroupCriteria",
        3,
        "keyword",
        "text",
    )


def test_google_unknown_criteria_and_list_kinds() -> None:
    spec = {
        "ad_group_criteria": [
            {"life_event": {"life_event_id": 300}},
            {"status": "ENABLED"},
            {"location": {}, "keyword": {"text": "a"}},
        ]
    }
    lists = {"user_lists": [{"resource_name": "customers/1/userLists/7", "logical_user_list": {"rules": []}}]}
    spec["ad_group_criteria"].append({"user_list": {"user_list": "customers/1/userLists/7"}})
    result = adapt(audience("google_ads", spec, lists))
    assert result.unknown == (
        Unknown(("native_spec", "ad_group_criteria", 0, "life_event"), "life_event", UNKNOWN_KEY),
        Unknown(("native_spec", "ad_group_criteria", 1), "criterion", UNKNOWN_VALUE),
        Unknown(("native_spec", "ad_group_criteria", 2), "location,keyword", UNREADABLE),
        Unknown(("native_objects", "user_lists", 0, "logical_user_list"), "logical_user_list", UNSUPPORTED),
    )


def test_google_lookalike_inherits_the_worst_seed() -> None:
    spec = {"ad_group_criteria": [{"user_list": {"user_list": "customers/1/userLists/3"}}]}
    lists = {
        "user_lists": [
            {
                "resource_name": "customers/1/userLists/3",
                "lookalike_user_list": {
                    "seed_user_lists": ["customers/1/userLists/1", "customers/1/userLists/2"],
                    "expansion_level": "NARROW",
                    "country_codes": ["SE"],
                },
            },
            {"resource_name": "customers/1/userLists/1", "crm_based_user_list": {"data_source_type": "FIRST_PARTY"}},
            {
                "resource_name": "customers/1/userLists/2",
                "crm_based_user_list": {"data_source_type": "THIRD_PARTY_CREDIT_BUREAU"},
            },
        ]
    }
    result = adapt(audience("google_ads", spec, lists))
    assert result.view["normalized"]["custom_audiences"] == [
        {
            "ref": "customers/1/userLists/3",
            "subtype": "lookalike",
            "list_source": "third_party_credit_bureau",
            "lookalike": {"origin_audience_ref": "customers/1/userLists/1"},
        }
    ]
    assert result.paths[("normalized", "custom_audiences", 0, "list_source")] == (
        "native_objects",
        "user_lists",
        2,
        "crm_based_user_list",
        "data_source_type",
    )


def test_google_ad_declaration() -> None:
    ad = {
        "kind": "ad",
        "id": "ad_g",
        "platform": "google_ads",
        "native_objects": {
            "campaign": {"contains_eu_political_advertising": "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING"}
        },
    }
    assert adapt(ad).view == {
        "political": {
            "platform_declarations": {
                "google_contains_eu_political_advertising": "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING"
            }
        }
    }


# --- LinkedIn --------------------------------------------------------------------------------------------

#: The targetingCriteria of research §5.3.
LINKEDIN_SPEC: dict[str, Any] = {
    "targetingCriteria": {
        "include": {
            "and": [
                {"or": {"urn:li:adTargetingFacet:locations": ["urn:li:geo:105117694"]}},
                {"or": {"urn:li:adTargetingFacet:interfaceLocales": ["urn:li:locale:sv_SE"]}},
                {"or": {"urn:li:adTargetingFacet:seniorities": ["urn:li:seniority:5", "urn:li:seniority:6"]}},
            ]
        },
        "exclude": {"or": {"urn:li:adTargetingFacet:audienceMatchingSegments": ["urn:li:adSegment:10550001"]}},
    }
}


def test_linkedin_example_targeting() -> None:
    result = adapt(audience("linkedin", LINKEDIN_SPEC))
    assert result.view == {
        "normalized": {
            "geo": {"regions": ["urn:li:geo:105117694"]},
            "locales": ["sv-SE"],
            "include": [
                {"type": "demographic", "platform_id": "urn:li:seniority:5", "source": "platform_taxonomy"},
                {"type": "demographic", "platform_id": "urn:li:seniority:6", "source": "platform_taxonomy"},
            ],
            "include_groups": [[0, 1]],
            "excluded_custom_audiences": [{"ref": "urn:li:adSegment:10550001"}],
        }
    }
    assert result.unknown == ()
    facet = "urn:li:adTargetingFacet:seniorities"
    assert result.paths[("normalized", "include", 1)] == (
        "native_spec",
        "targetingCriteria",
        "include",
        "and",
        2,
        "or",
        facet,
        1,
    )
    assert result.paths[("normalized", "include_groups", 0)] == (
        "native_spec",
        "targetingCriteria",
        "include",
        "and",
        2,
    )
    assert_valid({"kind": "audience", "id": "a", "platform": "linkedin", **result.view})


def test_linkedin_campaign_facets_ages_and_unknowns() -> None:
    spec = {
        "name": "c",
        "audienceExpansionEnabled": True,
        "politicalIntent": "POLITICAL",
        "targetingCriteria": {
            "include": {
                "and": [
                    {
                        "or": {
                            "urn:li:adTargetingFacet:ageRanges": [
                                "urn:li:ageRange:(25,34)",
                                "urn:li:ageRange:(55,2147483647)",
                            ],
                            "urn:li:adTargetingFacet:genders": ["urn:li:gender:FEMALE"],
                        }
                    },
                    {
                        "or": {
                            "urn:li:adTargetingFacet:groups": ["urn:li:group:1"],
                            "urn:li:adTargetingFacet:titles": ["urn:li:title:9"],
                            "urn:li:adTargetingFacet:revenue": ["x"],
                        }
                    },
                ]
            },
            "exclude": {
                "or": {
                    "urn:li:adTargetingFacet:genders": ["urn:li:gender:MALE"],
                    "urn:li:adTargetingFacet:locations": ["urn:li:geo:101165590"],
                }
            },
        },
    }
    result = adapt(audience("linkedin", spec))
    assert result.view == {
        "normalized": {
            "genders": ["female"],
            "include": [
                {"type": "group", "platform_id": "urn:li:group:1", "source": "platform_taxonomy"},
                {"type": "job_title", "platform_id": "urn:li:title:9", "source": "platform_taxonomy"},
            ],
            "include_groups": [[0, 1]],
            "geo": {"excluded": ["urn:li:geo:101165590"]},
            "age_min": 25,
            "expansion": {"linkedin_audience_expansion": True},
        }
    }
    criteria = ("native_spec", "targetingCriteria")
    assert result.unknown == (
        Unknown(("native_spec", "politicalIntent"), "politicalIntent", UNKNOWN_KEY),
        Unknown(
            (*criteria, "include", "and", 1, "or", "urn:li:adTargetingFacet:revenue"),
            "urn:li:adTargetingFacet:revenue",
            UNKNOWN_KEY,
        ),
        Unknown((*criteria, "exclude", "or", "urn:li:adTargetingFacet:genders", 0), "urn:li:gender:MALE", UNSUPPORTED),
    )


def test_linkedin_ad_schedule() -> None:
    ad = {
        "kind": "ad",
        "id": "ad_l",
        "platform": "linkedin",
        "native_objects": {
            "campaign": {"runSchedule": {"start": 1787040000000, "end": 1789459200000}, "targetingCriteria": {}}
        },
    }
    result = adapt(ad)
    assert result.view == {"schedule": {"start": "2026-08-18T08:00:00Z", "end": "2026-09-15T08:00:00Z"}}
    assert result.unknown == (
        Unknown(("native_objects", "campaign", "targetingCriteria"), "targetingCriteria", UNKNOWN_KEY),
    )


# --- the registry, and documents without an adapter ------------------------------------------------------


def test_registry_names_the_three_platforms() -> None:
    assert sorted(ADAPTERS) == ["google_ads", "linkedin", "meta"]


def test_native_json_of_a_platform_without_adapter_is_unknown() -> None:
    result = adapt(audience("tiktok", {"age_groups": ["AGE_18_24"]}, {"x": 1}))
    assert result.view == {}
    assert result.unknown == (
        Unknown(("native_spec",), "native_spec", NO_ADAPTER),
        Unknown(("native_objects",), "native_objects", NO_ADAPTER),
    )


def test_only_audiences_and_ads_with_native_json_are_derived() -> None:
    assert derive({"kind": "audience", "id": "a", "platform": "meta", "normalized": {}}) is None
    assert derive({"kind": "campaign", "id": "c", "native_spec": {}}) is None
    assert carries_native(audience("meta", {}))
    assert not carries_native({"kind": "vendor", "native_spec": {}})


# --- a hand-written projection against the derived one ---------------------------------------------------


def test_omitted_criterion_is_a_mismatch_naming_both_paths() -> None:
    doc = audience("meta", META_SPEC)
    declared = copy.deepcopy(META_VIEW)
    del declared["include"][1]
    declared["include_groups"] = [[0], [1]]
    doc["normalized"] = declared
    derivation = derive(doc)
    assert derivation is not None
    assert derivation.mismatches == (
        Mismatch(("normalized", "include", 1), ("native_spec", "flexible_spec", 1, "behaviors", 0), None, "missing"),
    )
    assert derivation.native_input() == {
        "platform": "meta",
        "unknown": [],
        "declared_mismatch": [
            {
                "view_path": ["normalized", "include", 1],
                "native_path": ["native_spec", "flexible_spec", 1, "behaviors", 0],
                "declared_path": None,
                "what": "missing",
            }
        ],
    }


def test_an_exact_copy_with_annotations_is_no_mismatch_and_keeps_them() -> None:
    doc = audience(
        "meta",
        META_SPEC,
        {
            "custom_audiences": [
                {"id": "23850000000000001", "subtype": "CUSTOM", "customer_file_source": "USER_PROVIDED_ONLY"}
            ]
        },
    )
    declared = copy.deepcopy(META_VIEW)
    del declared["include_groups"]  # structure only: may be left out
    declared["include"] = list(reversed(declared["include"]))  # the order of a flattened spec is no fact
    declared["include"][0]["art9"] = []
    declared["exclude"][0]["art9"] = ["religious_or_philosophical_beliefs"]
    declared["custom_audiences"] = [
        {
            "ref": "23850000000000001",
            "subtype": "customer_list",
            "list_source": "first_party",
            "data_source_ids": ["ds_members"],
        }
    ]
    declared["age_max"] = 65.0
    declared["x-reviewed-by"] = "DPO"
    doc["normalized"] = declared
    derivation = derive(doc)
    assert derivation is not None
    assert derivation.mismatches == ()
    view = derivation.document["normalized"]
    assert view["include"][1]["art9"] == []
    assert view["exclude"][0]["art9"] == ["religious_or_philosophical_beliefs"]
    assert view["custom_audiences"][0]["data_source_ids"] == ["ds_members"]
    assert view["include_groups"] == [[0], [1]]


def test_changed_and_added_values_are_mismatches() -> None:
    doc = audience("meta", {"age_min": 18, "geo_locations": {"countries": ["SE"]}})
    doc["normalized"] = {
        "age_min": 17,
        "geo": {"countries": ["SE", "NO"]},
        "expansion": {"meta_advantage_audience": 0},
        "exclude": [{"type": "interest", "platform_id": "1"}],
    }
    derivation = derive(doc)
    assert derivation is not None
    assert set(derivation.mismatches) == {
        Mismatch(("normalized", "age_min"), ("native_spec", "age_min"), ("normalized", "age_min"), "different"),
        Mismatch(("normalized", "geo", "countries", 1), None, ("normalized", "geo", "countries", 1), "extra"),
        Mismatch(
            ("normalized", "expansion", "meta_advantage_audience"),
            None,
            ("normalized", "expansion", "meta_advantage_audience"),
            "extra",
        ),
        Mismatch(("normalized", "exclude", 0), None, ("normalized", "exclude", 0), "extra"),
    }
    assert derivation.document["normalized"] == {"age_min": 18, "geo": {"countries": ["SE"]}}


def test_platform_fields_outside_normalized_are_filled_in_or_compared() -> None:
    doc = audience(
        "google_ads", {"campaign": {"contains_eu_political_advertising": "CONTAINS_EU_POLITICAL_ADVERTISING"}}
    )
    doc["political"] = {"is_political_advertising": True}
    derivation = derive(doc)
    assert derivation is not None
    assert derivation.mismatches == ()
    assert derivation.document["political"] == {
        "is_political_advertising": True,
        "google_contains_eu_political_advertising": "CONTAINS_EU_POLITICAL_ADVERTISING",
    }
    doc["political"]["google_contains_eu_political_advertising"] = "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING"
    derivation = derive(doc)
    assert derivation is not None
    path = ("political", "google_contains_eu_political_advertising")
    assert derivation.mismatches == (
        Mismatch(path, ("native_spec", "campaign", "contains_eu_political_advertising"), path, "different"),
    )


def test_a_finding_is_located_in_the_native_json() -> None:
    derivation = derive(audience("meta", META_SPEC))
    assert derivation is not None
    assert derivation.locate(("normalized", "include", 0, "art9")) == (
        "native_spec",
        "flexible_spec",
        0,
        "interests",
        0,
    )
    # A view field the native spec leaves unset (no geo.regions here) is shown at the spec that leaves it out.
    assert derivation.locate(("normalized", "geo", "regions")) == ("native_spec",)
    assert derivation.locate(("justification",)) == ("justification",)
    assert derivation.locate(("native_spec", "age_min")) == ("native_spec", "age_min")


def test_the_written_value_of_an_extra_mismatch_is_not_moved() -> None:
    doc = audience("meta", {"flexible_spec": [{"interests": [{"id": "1"}, {"id": "2"}]}]})
    doc["normalized"] = {
        "include": [
            {"type": "interest", "platform_id": "1", "source": "platform_taxonomy"},
            {"type": "interest", "platform_id": "9", "source": "platform_taxonomy"},
        ]
    }
    derivation = derive(doc)
    assert derivation is not None
    assert derivation.mismatches == (
        Mismatch(("normalized", "include", 1), ("native_spec", "flexible_spec", 0, "interests", 1), None, "missing"),
        Mismatch(("normalized", "include", 1), None, ("normalized", "include", 1), "extra"),
    )
    assert derivation.locate(("normalized", "include", 1)) == ("normalized", "include", 1)
    assert derivation.locate(("normalized", "include", 1, "platform_id")) == (
        "native_spec",
        "flexible_spec",
        0,
        "interests",
        1,
        "id",
    )


# --- the schema: an audience states its targeting one way or the other -------------------------------------


@pytest.mark.parametrize("field", ["normalized", "native_spec"])
def test_an_audience_needs_normalized_or_a_native_spec(field: str) -> None:
    doc = {"kind": "audience", "id": "a", "platform": "meta", field: {}}
    assert list(validator("audience").iter_errors(doc)) == []
    errors = list(validator("audience").iter_errors({"kind": "audience", "id": "a", "platform": "meta"}))
    assert [(e.json_path, e.validator) for e in errors] == [("$", "anyOf")]
