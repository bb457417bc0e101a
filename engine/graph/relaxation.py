"""What relaxes the policy context: the changes a context document makes that let more through.

A ``policy_context`` document found among the checked files may add to the context (more blocklist entries
and names, more sensitive criteria, stricter thresholds) but never relax what came before it; only a context
named explicitly (``--context``, or ``context`` in the configuration) may, and the report says what it
relaxed. "Relax" is defined per kind of data, for the parts of the context that ban or limit:

- ``blocklists`` (vendors, people), ``sensitive_criteria_map``, ``taxonomies``, ``eu_member_states``: sets
  of banned or sensitive things. A list relaxes when an element is gone (a list replaces the earlier one
  whole, so a shorter list removes names); a map relaxes when an entry is gone or relaxed; a new entry or
  element only adds. A blocklist entry's ``match_policy`` may only go from ``review`` to ``block``. Any other
  changed value in these parts (a canonical name, a category) relaxes: its direction is unknown. Fields that
  only document (``sources``, ``relation``, ``role``, ``confidence``, ``x-*``) are free.
- ``thresholds`` and ``platform_floors``: numbers, each with its direction in :data:`STRICTER`: higher is
  stricter for a minimum, lower for a maximum. A threshold whose direction is not known relaxes whenever it
  changes or appears.

Everything else in a context (the party, elections, the platform timeline, interpretations, the public
post index) is the campaign's own description of itself, given in the checked tree by design; it is merged
as before.
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

#: Sets of banned or sensitive things (see the module docstring).
SET_PARTS = ("blocklists", "sensitive_criteria_map", "taxonomies", "eu_member_states")
#: Fields that only document an entry: changing them neither adds nor relaxes.
FREE_FIELDS = frozenset({"sources", "relation", "role", "confidence", "description", "note"})
#: Ordered values, least strict first.
ORDERS: Mapping[str, tuple[str, ...]] = {"match_policy": ("review", "block")}

Path = tuple[str, ...]


Relaxation = ContextRelaxation


def relaxations(base: Mapping[str, Any], merged: Mapping[str, Any], source: Source) -> list[Relaxation]:
    """Every change from ``base`` to ``merged`` (the same context with ``source``'s document merged) that relaxes."""
    found = [replace(r, file=source.file, line=source.line) for r in _relaxations(base, merged, str(source))]
    return found


def _relaxations(base: Mapping[str, Any], merged: Mapping[str, Any], origin: str) -> list[Relaxation]:
    found: list[Relaxation] = []
    for part in SET_PARTS:
        if part in base or part in merged:
            found.extend(_sets((part,), base.get(part), merged.get(part), origin))
    for part in ("thresholds", "platform_floors"):
        found.extend(_numbers((part,), base.get(part), merged.get(part), origin, part == "thresholds"))
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
        elif isinstance(was, list) and isinstance(target.get(key), list):
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
    order = ORDERS.get(key)
    if order is not None and was in order and now in order:
        if order.index(now) < order.index(was):
            yield Relaxation(origin, path, was, now, "lowered")
        return
    yield Relaxation(origin, path, was, now, "changed")


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
