"""The bundled schemas as a run uses them: built once, ``$ref`` s inlined, with a compiled fast path.

jsonschema stays the judge of every document the fast path does not accept, so the violations reported are
exactly jsonschema's; the fast path only spares it the documents that are valid, which is nearly all of
them. Resolving references through jsonschema's registry on every use measured a third of validation time,
hence the inlining.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from contextlib import suppress
from functools import cache
from typing import Any

from .schema import SchemaSet, SchemasOnDemand, SchemaViolation, conforms, load_schema


@cache
def bundled_schemas() -> SchemaSet:
    """The bundled schemas with the fast path, built once per process and shared by every check."""
    return AcceptingSchemaSet()


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with each local ``#/definitions/...`` reference replaced by its definition.

    Resolving references through jsonschema's registry on every use measured a third of validation time.
    In draft-07 a ``$ref`` ignores its siblings, so the reference is replaced whole; a recursive
    definition keeps its ``$ref``.
    """
    definitions = schema.get("definitions", {})
    prefix = "#/definitions/"

    def walk(node: Any, expanding: frozenset[str]) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(prefix):
                name = ref[len(prefix) :]
                if name in definitions and name not in expanding:
                    return walk(definitions[name], expanding | {name})
                return node
            return {
                k: v if k in ("definitions", "enum", "const", "examples") else walk(v, expanding)
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [walk(item, expanding) for item in node]
        return node

    inlined: dict[str, Any] = walk(schema, frozenset())
    return inlined


# --- a compiled fast path for valid documents ----------------------------------------------------------------

Accept = Callable[[Any], bool]


class AcceptingSchemaSet(SchemaSet):
    """A :class:`SchemaSet` that first asks a predicate compiled from each schema whether a document is valid.

    The predicate implements the draft-07 keywords ethiq's schemas use, with jsonschema's semantics (an
    integer may be ``1.0``, ``true`` is not ``1`` in an enum, a keyword applies only to its instance type).
    It answers "valid" or "don't know": any other answer, a keyword it does not implement, or an
    exception sends the document to jsonschema, whose verdict and violations are then reported. So it
    can make validation faster, never more lenient.
    """

    def __init__(self, schemas: Mapping[str, Mapping[str, Any]] | None = None):
        super().__init__(schemas)
        if schemas is None:  # the bundled schemas, each inlined when its kind is first validated
            self._schemas = SchemasOnDemand(lambda kind: inline_refs(load_schema(kind)))
        self._accept: dict[str, Accept | None] = {}

    def _acceptor(self, kind: str) -> Accept | None:
        """The compiled predicate of ``kind``, compiled on first use; None when the fast path cannot judge it."""
        if kind in self._accept:
            return self._accept[kind]
        accept: Accept | None = None
        if kind in self._schemas:
            with suppress(_Unsupported):  # a kind the fast path cannot compile is always left to jsonschema
                accept = _compile(self.schema(kind))
        self._accept[kind] = accept
        return accept

    def validate(self, data: Mapping[str, Any]) -> list[SchemaViolation]:
        kind = data.get("kind")
        accept = self._acceptor(kind) if isinstance(kind, str) else None
        if accept is not None:
            with suppress(Exception):  # an exception is not an acceptance: jsonschema decides below
                if accept(data):
                    return []
        return super().validate(data)


class _Unsupported(Exception):
    """A schema uses a keyword the fast path does not implement."""


_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "definitions", "examples", "default"})
_OBJECT_KEYWORDS = frozenset({"properties", "patternProperties", "additionalProperties", "required"})


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


_TYPES: dict[str, Accept] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": _is_number,
    "integer": _is_integer,
}


def _scalar_key(value: Any) -> tuple[str, Any] | None:
    """What jsonschema's equality compares for a scalar: ``true`` is not ``1``, ``1`` is ``1.0``."""
    if isinstance(value, bool):
        return ("b", value)
    if value is None:
        return ("z", None)
    if isinstance(value, int | float):
        return ("n", value)
    if isinstance(value, str):
        return ("s", value)
    return None  # a container: not decided here


def _unique_scalars(items: list[Any]) -> bool:
    seen = set()
    for item in items:
        key = _scalar_key(item)
        if key is None or key in seen:
            return False
        seen.add(key)
    return True


def _compile(node: Any) -> Accept:
    if node is True or node == {}:
        return lambda v: True
    if node is False:
        return lambda v: False
    if not isinstance(node, dict):
        raise _Unsupported(repr(node))
    checks = [_keyword(key, value) for key, value in node.items() if key not in _ANNOTATIONS | _OBJECT_KEYWORDS]
    if _OBJECT_KEYWORDS & node.keys():
        checks.append(_object(node))
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]
    combined = tuple(checks)
    return lambda v: all(check(v) for check in combined)


def _keyword(key: str, value: Any) -> Accept:
    if key == "type":
        tests = tuple(_TYPES[t] for t in ([value] if isinstance(value, str) else value))
        return lambda v: any(test(v) for test in tests)
    if key in ("enum", "const"):
        keys = [_scalar_key(m) for m in (value if key == "enum" else [value])]
        if None in keys:
            raise _Unsupported(f"{key} with containers")
        allowed = frozenset(keys)
        return lambda v: _scalar_key(v) in allowed
    if key == "pattern":
        search = ecma_regex(value).search
        return lambda v: not isinstance(v, str) or search(v) is not None
    if key == "format":
        return lambda v: conforms(v, value)
    if key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = value
        compare: Accept = {
            "minimum": lambda v: v >= bound,
            "maximum": lambda v: v <= bound,
            "exclusiveMinimum": lambda v: v > bound,
            "exclusiveMaximum": lambda v: v < bound,
        }[key]
        return lambda v: not _is_number(v) or compare(v)
    if key in ("minLength", "maxLength"):
        return (
            (lambda v: not isinstance(v, str) or len(v) >= value)
            if key == "minLength"
            else (lambda v: not isinstance(v, str) or len(v) <= value)
        )
    if key in ("minItems", "maxItems"):
        return (
            (lambda v: not isinstance(v, list) or len(v) >= value)
            if key == "minItems"
            else (lambda v: not isinstance(v, list) or len(v) <= value)
        )
    if key == "uniqueItems":
        return (lambda v: not isinstance(v, list) or _unique_scalars(v)) if value else (lambda v: True)
    if key == "items" and not isinstance(value, list):
        item = _compile(value)
        return lambda v: not isinstance(v, list) or all(item(i) for i in v)
    if key == "anyOf":
        options = tuple(_compile(option) for option in value)
        return lambda v: any(option(v) for option in options)
    raise _Unsupported(key)


def ecma_regex(pattern: str) -> re.Pattern[str]:
    """A schema ``pattern`` as ECMA-262 reads it, which is what JSON Schema means: ``$`` is the end of the text.

    Python's ``$`` also matches before a final newline, so ``^[a-z]+$`` would accept ``"ven_x\\n"``: an id
    that escapes every reference and the duplicate check. Each ``$`` outside a character class becomes
    ``\\Z``. The fast path may only be stricter than jsonschema, never more lenient, so this is always safe.
    """
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            out.append(r"\Z")
            continue
        out.append(char)
    return re.compile("".join(out))


def _object(node: dict[str, Any]) -> Accept:
    properties = {name: _compile(schema) for name, schema in node.get("properties", {}).items()}
    patterns = tuple(
        (ecma_regex(p).search, _compile(schema)) for p, schema in node.get("patternProperties", {}).items()
    )
    additional = node.get("additionalProperties", True)
    extra: Accept | None = None if additional is True else _compile(additional)
    required = tuple(node.get("required", ()))

    def accept(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        for name in required:
            if name not in v:
                return False
        for key, item in v.items():
            known = properties.get(key)
            if known is not None and not known(item):
                return False
            matched = known is not None
            for search, check in patterns:
                if search(key):
                    matched = True
                    if not check(item):
                        return False
            if not matched and extra is not None and not extra(item):
                return False
        return True

    return accept
