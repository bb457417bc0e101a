"""Validate documents against the published JSON Schemas (draft-07), one per kind.

Validators are built once per schema set. Every violation from ``iter_errors`` is kept, with jsonschema's
own ``json_path`` and a message in the user's words (:mod:`.wording`); an unexpected property is reported
at the property itself, with the nearest known name as a hint, because a typo in a field name would
otherwise read as "fact unknown".
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # jsonschema is imported when a document needs it: most are accepted by the fast path
    from jsonschema import Draft7Validator, FormatChecker
    from jsonschema.exceptions import ValidationError

from ..errors import PolicyLoadError, UsageError
from ..report import json_path
from ..resources import package_dir
from .wording import message_of

KINDS: tuple[str, ...] = ("policy_context", "vendor", "data_source", "audience", "account", "ad", "campaign")
JUDGED_KINDS: tuple[str, ...] = KINDS[1:]

# Matched whole (``fullmatch``: ``$`` would accept a final newline), with ASCII digits only.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE.fullmatch(value):
        raise ValueError("not an ISO date (YYYY-MM-DD)")
    dt.date.fromisoformat(value)
    return True


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.fullmatch(value):
        raise ValueError("not an RFC 3339 date-time with an offset (2025-10-06T18:00:00+02:00)")
    dt.datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00"))
    return True


#: The formats ethiq's schemas use, each a check that raises ValueError (with the reason) for a bad value.
FORMATS: dict[str, Callable[[object], bool]] = {"date": _is_date, "date-time": _is_date_time}


def conforms(value: object, format: str) -> bool:
    """Whether ``value`` conforms to ``format``, as :func:`format_checker` would say (unknown formats do)."""
    check = FORMATS.get(format)
    if check is None:
        return True
    try:
        return bool(check(value))
    except ValueError:
        return False


@cache
def format_checker() -> FormatChecker:
    """jsonschema's checker for :data:`FORMATS` only (its own checks differ from what the schemas mean)."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    for name, check in FORMATS.items():
        checker.checks(name, raises=ValueError)(check)
    return checker


def __getattr__(name: str) -> Any:
    if name == "FORMAT_CHECKER":  # built on first use, so importing this module does not import jsonschema
        return format_checker()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True, slots=True)
class SchemaViolation:
    """One way a document breaks its schema, located by JSON path."""

    path: tuple[str | int, ...]
    message: str
    validator: str

    @property
    def json_path(self) -> str:
        return json_path(self.path)


def load_schema(kind: str) -> dict[str, Any]:
    """The bundled schema of ``kind``, as published in ``ethiq/policies/schemas``.

    Each call returns a copy of its own: a caller that rewrites a schema (hypothesis-jsonschema canonicalises
    ``false`` into ``{"not": {}}`` in place) must never change what the next validator is built from.
    """
    return copy.deepcopy(_parsed_schema(kind))


@cache
def _parsed_schema(kind: str) -> dict[str, Any]:
    if kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")
    resource = package_dir("ethiq.policies").joinpath("schemas", f"{kind}.schema.json")
    try:
        schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise PolicyLoadError(f"schema of {kind!r} is unreadable: {err}", file=str(resource)) from err
    return schema


class SchemaSet:
    """Validators for every kind, built once and reused for every document.

    Without ``schemas``, each bundled schema is read when a document of its kind first needs it: a check of
    one file reads one schema, not all of them.
    """

    def __init__(self, schemas: Mapping[str, Mapping[str, Any]] | None = None):
        self._schemas: Mapping[str, Mapping[str, Any]] = (
            dict(schemas) if schemas is not None else SchemasOnDemand(load_schema)
        )
        # Built on first use: checking a schema and building its validator costs more than a small run.
        self._validators: dict[str, Draft7Validator] = {}

    def _validator(self, kind: str) -> Draft7Validator:
        validator = self._validators.get(kind)
        if validator is None:
            from jsonschema import Draft7Validator

            schema = self._schemas[kind]
            Draft7Validator.check_schema(schema)
            validator = self._validators[kind] = Draft7Validator(schema, format_checker=format_checker())
        return validator

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self._schemas)

    def schema(self, kind: str) -> Mapping[str, Any]:
        return self._schemas[kind]

    def validate(self, data: Mapping[str, Any]) -> list[SchemaViolation]:
        """Every violation of ``data`` against the schema its ``kind`` names (empty when valid)."""
        kind = data.get("kind")
        if kind is None:
            return [SchemaViolation((), "missing 'kind': every document declares what it describes", "required")]
        if not isinstance(kind, str) or kind not in self._schemas:
            hint = _hint(str(kind), self._schemas)
            return [
                SchemaViolation(
                    ("kind",), f"unknown kind {kind!r}{hint}; expected one of: {', '.join(self._schemas)}", "enum"
                )
            ]
        validator = self._validator(kind)
        violations = [v for error in validator.iter_errors(data) for v in violations_of(error)]
        return sorted(violations, key=lambda v: (path_sort_key(v.path), v.message))


class SchemasOnDemand(Mapping[str, Mapping[str, Any]]):
    """The bundled kinds, each schema made by ``make(kind)`` on first use and kept."""

    def __init__(self, make: Callable[[str], Mapping[str, Any]]):
        self._make = make
        self._made: dict[str, Mapping[str, Any]] = {}

    def __getitem__(self, kind: str) -> Mapping[str, Any]:
        schema = self._made.get(kind)
        if schema is None:
            if kind not in KINDS:
                raise KeyError(kind)
            schema = self._made[kind] = self._make(kind)
        return schema

    def __contains__(self, kind: object) -> bool:
        return kind in KINDS

    def __iter__(self) -> Iterator[str]:
        return iter(KINDS)

    def __len__(self) -> int:
        return len(KINDS)


def violations_of(error: ValidationError) -> Iterator[SchemaViolation]:
    """The violations one jsonschema error stands for, each at the offending value."""
    path = tuple(error.absolute_path)
    if (
        error.validator == "additionalProperties"
        and isinstance(error.instance, dict)
        and isinstance(error.schema, dict)
    ):
        known = set(error.schema.get("properties", {}))
        patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
        for key in error.instance:
            if key in known or any(p.search(key) for p in patterns):
                continue
            yield SchemaViolation((*path, key), f"unknown field {key!r}{_hint(key, known)}", "additionalProperties")
        return
    if error.validator in ("anyOf", "oneOf") and error.context:
        from jsonschema.exceptions import best_match

        deepest = best_match(error.context)
        yield SchemaViolation(tuple(deepest.absolute_path), message_of(deepest), str(deepest.validator))
        return
    yield SchemaViolation(path, message_of(error), str(error.validator))


def _hint(word: str, candidates: Any) -> str:
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


def path_sort_key(path: tuple[str | int, ...]) -> tuple[tuple[int, str], ...]:
    """Document order of paths: indices numerically, keys by name."""
    return tuple((0, f"{p:09d}") if isinstance(p, int) else (1, p) for p in path)
