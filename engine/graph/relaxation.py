"""What relaxes the policy context: the changes a context document makes that let more through.

A ``policy_context`` document found among the checked files may add to the context but never relax what
came before it; only a context named explicitly (``--context``, or ``context`` in the configuration) may,
and the report says what it relaxed. What a checked document may do is decided per top-level key, in one
table, :data:`FROM_THE_TREE` (docs/policy-authoring.md shows the same table):

- ``additive``: ``blocklists``, ``sensitive_criteria_map``, ``taxonomies``: sets of banned or sensitive
  things. A list relaxes when an element is gone (a list replaces the earlier one whole, so a shorter list
  removes names); a map relaxes when an entry is gone or relaxed; a new entry or element only adds. A
  blocklist entry's ``match_policy`` may only go from ``review`` to ``block``. Any other changed value (a
  canonical name, a category) relaxes: its direction is unknown.
- ``stricter``: ``thresholds`` and ``platform_floors``: numbers, each with its direction in :data:`STRICTER`
  (higher is stricter for a minimum, lower for a maximum). A threshold whose direction is not known relaxes
  whenever it changes or appears; a floor for one more platform only adds.
- ``fixed``: ``party``, ``jurisdictions``, ``elections``, ``eu_member_states``, ``platform_timeline``,
  ``interpretations``, ``public_post_index``: facts the rules take as ground truth, where a change in either
  direction can let something through (a later election date takes an ad out of the election window, a
  voting age of 16 lets an audience of 16-year-olds pass, one more member state makes a foreign payer a
  European one, a platform marked as accepting political ads, counsel's decision changed, a post declared
  public so that a dark post passes, one more name that counts as the party). Any change, addition or
  removal relaxes, except where :data:`ORDERS` knows the direction (an interpretation may become
  ``disallowed``).
- ``free``: what only documents the context (``description``, ``labels``, ``evidence``, ``sources``, the
  document's own ``kind``, ``id``, ``schema_version``, ``x-*``) and ``as_of``, which no rule reads from a
  context: the evaluation date is the run's configuration.

A key the table does not know relaxes whenever it changes (fail closed). Inside every part, fields that
only document an entry (:data:`FREE_FIELDS`, ``x-*``) are free.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from ..read import Source
from ..report import ContextRelaxation

#: For each threshold: +1 when a higher value is stricter, -1 when a lower one is.
STRICTER: Mapping[str, int] = {
    "min_audience_size": +1,
    "min_seed_size": +1,
    "k_min_vendor_aggregate": +1,
    "max_follower_spike_pct_24h": -1,
    "geo_min_radius_km": +1,
    "edaa_self_certification_months": -1,
    "edaa_seal_overdue_months": -1,
    "risk_assessment_max_age_days": -1,
    "min_justification_chars": +1,
}

ADDITIVE, STRICTER_ONLY, FIXED, FREE = "additive", "stricter", "fixed", "free"

#: What a policy_context document among the checked files may do to each top-level key of the context.
FROM_THE_TREE: Mapping[str, str] = {
    "blocklists": ADDITIVE,
    "sensitive_criteria_map": ADDITIVE,
    "taxonomies": ADDITIVE,
    "thresholds": STRICTER_ONLY,
    "platform_floors": STRICTER_ONLY,
    "party": FIXED,
    "jurisdictions": FIXED,
    "elections": FIXED,
    "eu_member_states": FIXED,
    "platform_timeline": FIXED,
    "interpretations": FIXED,
    "public_post_index": FIXED,
    "kind": FREE,
    "id": FREE,
    "schema_version": FREE,
    "description": FREE,
    "labels": FREE,
    "evidence": FREE,
    "sources": FREE,
    "as_of": FREE,
}

#: Fields that only document an entry: changing them neither adds nor relaxes.
FREE_FIELDS = frozenset({"sources", "relation", "role", "confidence", "description", "note"})
#: Ordered values, least strict first: a change towards the end of the tuple only tightens.
ORDERS: Mapping[str, tuple[str, ...]] = {
    "match_policy": ("review", "block"),
    "ttpa_18_1_a_platform_native_interests": ("allowed_with_memo", "disallowed"),
}

Path = tuple[str, ...]


Relaxation = ContextRelaxation


def relaxations(base: Mapping[str, Any], merged: Mapping[str, Any], source: Source) -> list[Relaxation]:
    """Every change from ``base`` to ``merged`` (the same context with ``source``'s document merged) that relaxes."""
    found = [replace(r, file=source.file, line=source.line) for r in _relaxations(base, merged, str(source))]
    return found


def _relaxations(base: Mapping[str, Any], merged: Mapping[str, Any], origin: str) -> list[Relaxation]:
    found: list[Relaxation] = []
    for part in dict.fromkeys([*base, *merged]):
        was, now = base.get(part), merged.get(part)
        rule = FROM_THE_TREE.get(part, FREE if part.startswith("x-") else FIXED)
        if rule == ADDITIVE:
            found.extend(_sets((part,), was, now, origin))
        elif rule == STRICTER_ONLY:
            found.extend(_numbers((part,), was, now, origin, part == "thresholds"))
        elif rule == FIXED:
            found.extend(_fixed((part,), was, now, origin))
    return found


def tighten(merged: dict[str, Any], base: Mapping[str, Any], found: list[Relaxation]) -> dict[str, Any]:
    """``merged`` with each relaxation in ``found`` undone: the base value back (a list: base plus additions)."""
    for relaxation in found:
        target: Any = merged
        for key in relaxation.path[:-1]:
            target = target[key]
        key = relaxation.path[-1]
        was = _at(base, relaxation.path)
        if was is _MISSING:
            target.pop(key, None)
        elif relaxation.how == "removed" and isinstance(was, list) and isinstance(target.get(key), list):
            target[key] = [*was, *(item for item in target[key] if item not in was)]
        else:
            target[key] = was
    return merged


_MISSING = object()


def _at(value: Any, path: Path) -> Any:
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return _MISSING
        value = value[key]
    return value


def _sets(path: Path, was: Any, now: Any, origin: str) -> Iterator[Relaxation]:
    if was is None or was == now:
        return
    key = path[-1]
    if key in FREE_FIELDS or key.startswith("x-"):
        return
    if isinstance(was, Mapping) and isinstance(now, Mapping):
        for name, value in was.items():
            if name not in now:
                yield Relaxation(origin, (*path, name), value, None, "removed")
            else:
                yield from _sets((*path, name), value, now[name], origin)
        return
    if isinstance(was, list) and isinstance(now, list):
        kept = {_key(item) for item in now}
        gone = [item for item in was if _key(item) not in kept]
        if gone:
            yield Relaxation(origin, path, gone, None, "removed")
        return
    yield from _changed(path, was, now, origin)


def _changed(path: Path, was: Any, now: Any, origin: str) -> Iterator[Relaxation]:
    """A value replaced by another: lowered where their order is known (:data:`ORDERS`), else changed."""
    order = ORDERS.get(path[-1])
    if order is not None and was in order and now in order:
        if order.index(now) < order.index(was):
            yield Relaxation(origin, path, was, now, "lowered")
        return
    yield Relaxation(origin, path, was, now, "changed")


def _fixed(path: Path, was: Any, now: Any, origin: str) -> Iterator[Relaxation]:
    """Any change relaxes, but for documenting fields and values whose order is known (see :data:`ORDERS`)."""
    if was == now:
        return
    key = path[-1]
    if key in FREE_FIELDS or key.startswith("x-"):
        return
    if was is None:
        yield Relaxation(origin, path, None, now, "added")
        return
    if now is None:
        yield Relaxation(origin, path, was, None, "removed")
        return
    if isinstance(was, Mapping) and isinstance(now, Mapping):
        for name in dict.fromkeys([*was, *now]):
            yield from _fixed((*path, name), was.get(name), now.get(name), origin)
        return
    yield from _changed(path, was, now, origin)


def _numbers(path: Path, was: Any, now: Any, origin: str, need_direction: bool) -> Iterator[Relaxation]:
    if now is None or was == now:
        return
    if not isinstance(now, Mapping):
        yield Relaxation(origin, path, was, now, "changed")
        return
    was = was if isinstance(was, Mapping) else {}
    for name, value in now.items():
        if name.startswith("x-"):
            continue
        before = was.get(name)
        if before == value:
            continue
        direction = STRICTER.get(name, +1 if not need_direction else 0)
        where = (*path, name)
        if direction == 0:
            yield Relaxation(origin, where, before, value, "added" if before is None else "changed")
        elif before is None:
            continue  # a new limit only adds (a platform floor for one more platform)
        elif not _is_number(value) or not _is_number(before):
            yield Relaxation(origin, where, before, value, "changed")
        elif (value - before) * direction < 0:
            yield Relaxation(origin, where, before, value, "lowered" if value < before else "raised")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _key(item: Any) -> str:
    return json.dumps(item, sort_keys=True, default=str)
