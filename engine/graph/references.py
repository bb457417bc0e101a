"""The edges of the document graph: which fields reference which kind of document, and which hold names.

References are declared once, here, as paths into each kind of document (``*`` walks an array): lineage,
lookalike seeds, audience -> source -> vendor, corporate chains. Some references point "up" (an audience
names its campaign): they are resolved for context but not followed further (``follow=False``), or every
document of a campaign would be related to every other. :mod:`.neighbourhood` follows them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

PathPattern = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reference:
    pattern: PathPattern  # "*" walks every element of an array
    target: str  # the kind of document referenced
    relation: str
    follow: bool = True  # continue from the referenced document
    ignore: frozenset[str] = frozenset()  # values that are not references ("party")


def _refs(*items: tuple[str, str, str] | tuple[str, str, str, bool]) -> tuple[Reference, ...]:
    out = []
    for item in items:
        path, target, relation = item[0], item[1], item[2]
        follow = item[3] if len(item) > 3 else True
        out.append(Reference(tuple(path.split(".")), target, relation, bool(follow)))
    return tuple(out)


REFERENCES: Mapping[str, tuple[Reference, ...]] = {
    "data_source": (
        *_refs(
            ("vendor_id", "vendor", "supplied_by"),
            ("lineage.derived_from.*", "data_source", "derived_from"),
        ),
        Reference(("collection", "collected_by"), "vendor", "collected_by", True, frozenset({"party"})),
    ),
    "vendor": _refs(
        ("sub_processor_ids.*", "vendor", "sub_processor"),
        ("parent_chain.*.vendor_id", "vendor", "parent"),
        ("ultimate_parent.vendor_id", "vendor", "parent"),
        ("predecessors.*.vendor_id", "vendor", "predecessor"),
        ("successors.*.vendor_id", "vendor", "successor"),
    ),
    "audience": _refs(
        ("normalized.custom_audiences.*.data_source_ids.*", "data_source", "custom_audience"),
        ("normalized.custom_audiences.*.lookalike.origin_ref", "data_source", "lookalike_seed"),
        ("normalized.excluded_custom_audiences.*.data_source_ids.*", "data_source", "excluded_custom_audience"),
        ("normalized.excluded_custom_audiences.*.lookalike.origin_ref", "data_source", "lookalike_seed"),
        ("campaign_id", "campaign", "in_campaign", False),
    ),
    "account": _refs(
        ("commerce.engagement_vendor_ids.*", "vendor", "engagement_vendor"),
        ("network.linked_account_ids.*", "account", "linked_account"),
    ),
    "ad": _refs(
        ("audience_ids.*", "audience", "uses_audience"),
        ("account_id", "account", "published_by"),
        ("campaign_id", "campaign", "in_campaign", False),
    ),
    "campaign": _refs(
        ("vendor_ids.*", "vendor", "campaign_vendor"),
        ("data_source_ids.*", "data_source", "campaign_data_source"),
        ("audience_ids.*", "audience", "campaign_audience"),
        ("ad_ids.*", "ad", "campaign_ad"),
    ),
}

# Fields whose strings are names: normalised for blocklist and party matching (see names.py).
NAME_KEYS = frozenset(
    {
        "legal_name",
        "aliases",
        "trade_names",
        "canonical_name",
        "name",
        "display_name",
        "bio_text",
        "sponsor_legal_name",
        "sponsor_entity",
        "paid_for_by",
        "payer_legal_name",
        "disclaimer_name",
        "meta_dsa_beneficiary",
        "meta_dsa_payor",
        "operated_by",
        "text",
    }
)
_NOT_NAMES = frozenset({"native_spec"})  # raw platform JSON: its "name"s are taxonomy labels


def iter_references(data: Mapping[str, Any], kind: str) -> Iterator[tuple[tuple[str | int, ...], str, Reference]]:
    """Every reference in ``data``: (path to it, the id it names, its declaration)."""
    for reference in REFERENCES.get(kind, ()):
        for path, value in _walk(data, reference.pattern, ()):
            if isinstance(value, str) and value and value not in reference.ignore:
                yield path, value, reference


Edge = tuple[str, str, str]  # (target kind, target id, relation)


def reference_edges(data: Mapping[str, Any], kind: str) -> tuple[Edge, ...]:
    """The distinct references of ``data`` as (target kind, target id, relation), in the order they are met."""
    return tuple(dict.fromkeys((ref.target, ident, ref.relation) for _, ident, ref in iter_references(data, kind)))


def _walk(value: Any, pattern: PathPattern, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    if not pattern:
        yield path, value
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _walk(item, rest, (*path, index))
    elif isinstance(value, Mapping) and head in value:
        yield from _walk(value[head], rest, (*path, head))


def iter_names(value: Any, *, inside_name: bool = False) -> Iterator[str]:
    """Strings in name-bearing fields of ``value``, at any depth (not inside raw platform specs)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key in _NOT_NAMES:
                continue
            yield from iter_names(item, inside_name=key in NAME_KEYS)
    elif isinstance(value, list):
        for item in value:
            yield from iter_names(item, inside_name=inside_name)
    elif inside_name and isinstance(value, str):
        yield value
