"""The platform-neutral view of a document's native platform objects, and where each of its values came from.

An adapter reads the platform's own JSON (an audience's ``native_spec`` and ``native_objects``, an ad's
``native_objects``) and writes the fields the rules read at their usual document paths: an audience's
``normalized`` projection, its ``political`` declarations, an ad's ``sender``, ``schedule`` or
``visibility``. Every value written keeps the native path it was read from, so a finding at
``$.normalized.include[3]`` can be shown at ``$.native_spec.flexible_spec[1].interests[0]``. Whatever the
adapter does not understand is listed with its native path, never skipped: an unknown key can be targeting.

Adapters are pure: the same native JSON gives the same :class:`Adaptation`, and nothing is read from
anywhere else. :func:`reconcile` then compares a hand-written ``normalized`` (or any other derived field the
document also states) with the derived one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]

#: Reasons an adapter gives for what it could not use (``input.derived.native.unknown[].reason``).
UNKNOWN_KEY = "unknown_key"  # a key the adapter does not know: it may be targeting
UNKNOWN_VALUE = "unknown_value"  # a known key whose value is not one the adapter knows (an enum, a code)
UNREADABLE = "unreadable"  # a value of the wrong type or out of range
UNSUPPORTED = "unsupported"  # a known construct the adapter does not expand (Meta country_groups, ...)
NO_ADAPTER = "no_adapter"  # native JSON for a platform or kind without an adapter

REASONS = (UNKNOWN_KEY, UNKNOWN_VALUE, UNREADABLE, UNSUPPORTED, NO_ADAPTER)

#: ethiq's own extension fields: no platform uses an ``x-`` key, and every ethiq object accepts them.
_EXTENSION = re.compile(r"^x-")

#: The ISO 3166-1 alpha-2 shape the schemas require of a country.
_COUNTRY = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class Unknown:
    """A native key or value the adapter does not understand, at its native path."""

    path: Path
    key: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": list(self.path), "key": self.key, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A difference between a field the document states and the one derived from its native objects.

    ``what`` is ``missing`` (derived, not stated), ``extra`` (stated, not derived) or ``different``.
    """

    view_path: Path
    native_path: Path | None
    declared_path: Path | None
    what: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "view_path": list(self.view_path),
            "native_path": None if self.native_path is None else list(self.native_path),
            "declared_path": None if self.declared_path is None else list(self.declared_path),
            "what": self.what,
        }


@dataclass(frozen=True, slots=True)
class Adaptation:
    """What an adapter derived: the view (a partial document), its path map and what it did not understand."""

    platform: str
    view: Mapping[str, Any]
    paths: Mapping[Path, Path]
    unknown: tuple[Unknown, ...]

    def native_path(self, view_path: Sequence[str | int]) -> Path | None:
        """The native path of ``view_path`` or of its nearest ancestor that has one."""
        path = tuple(view_path)
        while True:
            found = self.paths.get(path)
            if found is not None:
                return found
            if not path:
                return None
            path = path[:-1]


class ViewBuilder:
    """Writes a view and its path map; every write names the native path it came from."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.view: dict[str, Any] = {}
        self.paths: dict[Path, Path] = {}
        self.unknown: list[Unknown] = []

    def put(self, path: Path, value: Any, native: Path) -> None:
        """Set ``value`` at ``path`` (creating the objects above it), read from ``native``."""
        parent = self._container(path[:-1])
        parent[str(path[-1])] = value
        self.paths[path] = native

    def add(self, path: Path, item: Any, native: Path, fields: Mapping[str, Path] | None = None) -> Path:
        """Append ``item`` to the list at ``path``; ``fields`` gives the native path of the item's fields."""
        parent = self._container(path[:-1])
        items = parent.setdefault(str(path[-1]), [])
        items.append(item)
        where = (*path, len(items) - 1)
        self.paths[where] = native
        for name, origin in (fields or {}).items():  # a dotted name is a field inside a field
            self.paths[(*where, *name.split("."))] = origin
        return where

    def origin(self, path: Path, native: Path) -> None:
        """Record where a value already written (or a field of one) came from."""
        self.paths[path] = native

    def get(self, path: Path) -> Any:
        node: Any = self.view
        for key in path:
            inside_list = isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)
            if (isinstance(node, dict) and key in node) or inside_list:
                node = node[key]
            else:
                return None
        return node

    def flag(self, native: Path, key: str | int, reason: str) -> None:
        self.unknown.append(Unknown(native, str(key), reason))

    def unknown_keys(self, obj: Mapping[str, Any], native: Path, known: frozenset[str]) -> None:
        """Flag every key of ``obj`` that is neither known (read or informational) nor an extension."""
        for key in obj:
            if key not in known and not _EXTENSION.match(str(key)):
                self.flag((*native, key), key, UNKNOWN_KEY)

    def build(self) -> Adaptation:
        unknown = tuple(dict.fromkeys(self.unknown))  # an object read twice is reported once
        return Adaptation(self.platform, self.view, dict(self.paths), unknown)

    def _container(self, path: Path) -> dict[str, Any]:
        node = self.view
        for key in path:
            node = node.setdefault(str(key), {})
        return node

    # --- typed reads: a value of the wrong shape is flagged, never guessed --------------------------------

    def mapping(self, value: Any, native: Path) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.flag(native, native[-1] if native else "", UNREADABLE)
        return None

    def read(self, value: Any, native: Path, known: frozenset[str]) -> Mapping[str, Any] | None:
        """An object whose keys are all known (read or informational); any other key is flagged."""
        found = self.mapping(value, native)
        if found is not None:
            self.unknown_keys(found, native, known)
        return found

    def sequence(self, value: Any, native: Path) -> list[Any]:
        if isinstance(value, list):
            return value
        self.flag(native, native[-1] if native else "", UNREADABLE)
        return []

    def integer(self, value: Any, native: Path, low: int, high: int) -> int | None:
        if is_integer(value) and low <= value <= high:
            return int(value)
        self.flag(native, native[-1] if native else "", UNREADABLE)
        return None

    def number(self, value: Any, native: Path, low: float, high: float) -> float | None:
        if is_number(value) and low <= value <= high:
            return float(value) if isinstance(value, float) else value
        self.flag(native, native[-1] if native else "", UNREADABLE)
        return None

    def text(self, value: Any, native: Path) -> str | None:
        if isinstance(value, str) and value.strip():
            return value
        if is_integer(value):  # platform ids are decimal strings, sometimes written as numbers
            return str(value)
        self.flag(native, native[-1] if native else "", UNREADABLE)
        return None

    def boolean(self, value: Any, native: Path) -> bool | None:
        if isinstance(value, bool):
            return value
        self.flag(native, native[-1] if native else "", UNREADABLE)
        return None

    def choice(self, value: Any, native: Path, table: Mapping[Any, Any]) -> Any:
        """``table[value]``; a value not in the table is unknown (an enum the adapter does not know)."""
        if isinstance(value, str | int) and not isinstance(value, bool) and value in table:
            return table[value]
        self.flag(native, str(value) if isinstance(value, str | int) else (native[-1] if native else ""), UNKNOWN_VALUE)
        return None

    def country(self, value: Any, native: Path) -> str | None:
        if isinstance(value, str) and _COUNTRY.match(value):
            return value
        self.flag(native, str(value), UNREADABLE)
        return None

    def add_unique(self, path: Path, value: Any, native: Path) -> None:
        """Append a scalar to a list that holds each value once (the first native place is kept)."""
        current = self.get(path)
        if isinstance(current, list) and value in current:
            return
        self.add(path, value, native)


def is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def criterion(kind: str, platform_id: str | None, name: str | None, source: str) -> dict[str, Any]:
    """A criterion of the neutral view: only the fields the native JSON gives."""
    out: dict[str, Any] = {"type": kind}
    if platform_id is not None:
        out["platform_id"] = platform_id
    if name is not None:
        out["name"] = name
    out["source"] = source
    return out


# --- a hand-written projection against the derived one -----------------------------------------------------

#: Fields only a person can state: what a criterion reveals, which documents a custom audience was built
#: from. The derived view has none of them, so they are taken from the matching hand-written entry.
CRITERION_ANNOTATIONS = ("art9", "notes")
AUDIENCE_ANNOTATIONS = ("data_source_ids",)
LOOKALIKE_ANNOTATIONS = ("origin_ref",)

#: Lists whose members are matched by identity, not position (the order of a flattened spec is no fact).
_IDENTITY: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "include": lambda c: (c.get("type"), c.get("platform_id"), None if c.get("platform_id") else c.get("name")),
    "exclude": lambda c: (c.get("type"), c.get("platform_id"), None if c.get("platform_id") else c.get("name")),
    "custom_audiences": lambda a: a.get("ref"),
    "excluded_custom_audiences": lambda a: a.get("ref"),
    "cities": lambda c: c.get("key") or c.get("name"),
    "custom_locations": lambda c: (c.get("latitude"), c.get("longitude")),
}

#: View fields that only carry the structure of the native spec: compared when stated, never required.
_STRUCTURE_ONLY = frozenset({"include_groups"})


@dataclass(slots=True)
class Reconciled:
    """The document as the rules see it, and how its stated fields differ from the derived ones."""

    document: dict[str, Any]
    mismatches: list[Mismatch] = field(default_factory=list)
    #: A derived entry annotated from a hand-written one: its view path -> the hand-written entry's path.
    annotated: dict[Path, Path] = field(default_factory=dict)


def reconcile(document: Mapping[str, Any], adaptation: Adaptation) -> Reconciled:
    """Put the derived view into ``document`` and list every difference with what the document states.

    ``normalized`` claims to be the projection of the native spec, so it is compared whole: a criterion or
    value it omits, adds or changes is a mismatch, except the annotations only a person can state
    (:data:`CRITERION_ANNOTATIONS`, ...), which are carried over to the derived entries they match. Any
    other derived field (``political.*``, ``sender.*``, ...) is a statement of its own: a stated value that
    differs is a mismatch, an unstated one is filled in. Absent, ``null`` and empty are the same here.
    """
    out = dict(document.items())
    result = Reconciled(out)
    for key, derived in adaptation.view.items():
        path: Path = (key,)
        if key == "normalized":
            declared = document.get("normalized")
            if isinstance(declared, Mapping):  # even an empty one states a projection: no targeting at all
                _compare(derived, declared, path, path, adaptation, result.mismatches, whole=True)
                out[key] = _annotate(derived, declared, result.annotated)
            else:
                out[key] = derived
        else:
            out[key] = _overlay(document.get(key), derived, path, adaptation, result.mismatches)
    return result


def _present(value: Any) -> bool:
    if value is None:
        return False
    kind = type(value)  # plain JSON values first: an ABC check costs more than the rest of the walk
    if kind is dict:
        return any(_present(v) for v in value.values())
    if kind is list:
        return any(_present(v) for v in value)
    if kind is str:
        return True
    if isinstance(value, Mapping | list):
        return any(_present(v) for v in (value.values() if isinstance(value, Mapping) else value))
    return True


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return bool(a == b)


def _overlay(declared: Any, derived: Any, path: Path, adaptation: Adaptation, out: list[Mismatch]) -> Any:
    if isinstance(derived, Mapping):
        base = dict(declared) if isinstance(declared, Mapping) else {}
        for key, value in derived.items():
            base[key] = _overlay(base.get(key), value, (*path, key), adaptation, out)
        return base
    if _present(declared):
        _compare(derived, declared, path, path, adaptation, out, whole=False)
    return derived


def _compare(
    derived: Any,
    declared: Any,
    view: Path,
    stated: Path,
    adaptation: Adaptation,
    out: list[Mismatch],
    *,
    whole: bool,
) -> None:
    """Append a :class:`Mismatch` for every difference between ``derived`` and ``declared``."""

    if not _present(declared):
        if whole and _present(derived):
            _missing(derived, view, adaptation, out)
        return
    if not _present(derived):
        _extra(declared, stated, out)
        return
    if isinstance(derived, Mapping) and isinstance(declared, Mapping):
        for key in sorted(set(derived) | set(declared), key=str):
            if _EXTENSION.match(str(key)) or key in _annotations_of(view):
                continue
            if key in _STRUCTURE_ONLY and not _present(declared.get(key)):
                continue
            _compare(derived.get(key), declared.get(key), (*view, key), (*stated, key), adaptation, out, whole=whole)
        return
    if isinstance(derived, list) and isinstance(declared, list):
        identity = _IDENTITY.get(str(view[-1])) if view else None
        if identity is not None and all(isinstance(x, Mapping) for x in (*derived, *declared)):
            _compare_members(derived, declared, identity, view, stated, adaptation, out)
        elif all(not isinstance(x, Mapping | list) for x in (*derived, *declared)):
            _compare_scalars(derived, declared, view, stated, adaptation, out)
        elif derived != declared:
            out.append(Mismatch(view, adaptation.native_path(view), stated, "different"))
        return
    if not _same(derived, declared):
        out.append(Mismatch(view, adaptation.native_path(view), stated, "different"))


def _missing(derived: Any, view: Path, adaptation: Adaptation, out: list[Mismatch]) -> None:
    """A derived value the document does not state: each field or member of it, at its own native path."""
    if isinstance(derived, Mapping) and any(_present(v) for v in derived.values()):
        for key, value in derived.items():
            if _present(value) and key not in _STRUCTURE_ONLY:
                _missing(value, (*view, key), adaptation, out)
    elif isinstance(derived, list) and derived:
        for i in range(len(derived)):
            out.append(Mismatch((*view, i), adaptation.native_path((*view, i)), None, "missing"))
    else:
        out.append(Mismatch(view, adaptation.native_path(view), None, "missing"))


def _extra(declared: Any, stated: Path, out: list[Mismatch]) -> None:
    """A stated value the native JSON does not have: each field or member of it."""
    if isinstance(declared, Mapping):
        for key, value in declared.items():
            if _present(value) and not _EXTENSION.match(str(key)):
                _extra(value, (*stated, key), out)
    elif isinstance(declared, list):
        for j, value in enumerate(declared):
            if _present(value):
                out.append(Mismatch((*stated, j), None, (*stated, j), "extra"))
    else:
        out.append(Mismatch(stated, None, stated, "extra"))


def _compare_members(
    derived: list[Any],
    declared: list[Any],
    identity: Callable[[Mapping[str, Any]], Any],
    view: Path,
    stated: Path,
    adaptation: Adaptation,
    out: list[Mismatch],
) -> None:
    """Pair each derived member with a stated one: an equal one first, else one with the same identity."""
    unmatched = list(enumerate(declared))
    pairs: dict[int, tuple[int, Any]] = {}
    for exact in (True, False):
        for i, item in enumerate(derived):
            if i in pairs:
                continue
            for pair in unmatched:
                if identity(pair[1]) == identity(item) and (not exact or _bare(pair[1], view) == _bare(item, view)):
                    pairs[i] = pair
                    unmatched.remove(pair)
                    break
    for i, item in enumerate(derived):
        if i not in pairs:
            out.append(Mismatch((*view, i), adaptation.native_path((*view, i)), None, "missing"))
        else:
            j, match = pairs[i]
            _compare(item, match, (*view, i), (*stated, j), adaptation, out, whole=True)
    for j, _ in unmatched:
        out.append(Mismatch((*stated, j), None, (*stated, j), "extra"))


def _bare(member: Mapping[str, Any], view: Path) -> dict[str, Any]:
    """A member without its annotations and extensions, as far as a comparison goes."""
    skip = _annotations_of((*view, 0))
    return {k: v for k, v in member.items() if k not in skip and not _EXTENSION.match(str(k)) and _present(v)}


def _compare_scalars(
    derived: list[Any], declared: list[Any], view: Path, stated: Path, adaptation: Adaptation, out: list[Mismatch]
) -> None:
    for i, value in enumerate(derived):
        if not any(_same(value, other) for other in declared):
            out.append(Mismatch((*view, i), adaptation.native_path((*view, i)), None, "missing"))
    for j, value in enumerate(declared):
        if not any(_same(value, other) for other in derived):
            out.append(Mismatch((*stated, j), None, (*stated, j), "extra"))


def _annotations_of(view: Path) -> tuple[str, ...]:
    """The annotation fields of the object at ``view``: a criterion, a custom audience or a lookalike."""
    if len(view) >= 3 and view[-2] in ("include", "exclude") and isinstance(view[-1], int):
        return CRITERION_ANNOTATIONS
    if len(view) >= 3 and view[-2] in ("custom_audiences", "excluded_custom_audiences") and isinstance(view[-1], int):
        return AUDIENCE_ANNOTATIONS
    if view and view[-1] == "lookalike":
        return LOOKALIKE_ANNOTATIONS
    return ()


def _annotate(derived: Mapping[str, Any], declared: Mapping[str, Any], annotated: dict[Path, Path]) -> dict[str, Any]:
    """The derived projection with the annotations of the hand-written entries it matches.

    ``annotated`` gets, for each derived entry that took an annotation, the path of the hand-written entry.
    """
    out = dict(derived)
    for name, identity in _IDENTITY.items():
        if name not in ("include", "exclude", "custom_audiences", "excluded_custom_audiences"):
            continue
        mine, theirs = out.get(name), declared.get(name)
        if not isinstance(mine, list) or not isinstance(theirs, list):
            continue
        pool = [(j, t) for j, t in enumerate(theirs) if isinstance(t, Mapping)]
        merged = []
        for i, item in enumerate(mine):
            found = next((pair for pair in pool if identity(pair[1]) == identity(item)), None)
            if found is None:
                merged.append(item)
                continue
            pool.remove(found)
            merged.append(_annotated_entry(name, item, found[1]))
            annotated[("normalized", name, i)] = ("normalized", name, found[0])
        out[name] = merged
    return out


def _annotated_entry(name: str, item: Mapping[str, Any], stated: Mapping[str, Any]) -> dict[str, Any]:
    entry = dict(item)
    if name in ("include", "exclude"):
        for key in CRITERION_ANNOTATIONS:
            if key == "art9" and isinstance(stated.get("art9"), list):
                # What the platform says a criterion reveals stays, whatever a person adds.
                entry["art9"] = sorted(set(entry.get("art9", [])) | set(stated["art9"]), key=str)
            elif key in stated:
                entry[key] = stated[key]
        return entry
    for key in AUDIENCE_ANNOTATIONS:
        if key in stated:
            entry[key] = stated[key]
    lookalike = stated.get("lookalike")
    if isinstance(lookalike, Mapping) and any(k in lookalike for k in LOOKALIKE_ANNOTATIONS):
        merged = dict(entry.get("lookalike", {}))
        merged.update({k: lookalike[k] for k in LOOKALIKE_ANNOTATIONS if k in lookalike})
        entry["lookalike"] = merged
    return entry
