"""JSON written as it is made: the text of ``json.dump(value, indent=2, ensure_ascii=False)``, where a value
that is an iterator stands for a list and is written one item at a time.

A large run's report has a million findings; the JSON and SARIF writers hand them over as iterators, so that
neither the JSON values of the whole report nor its text are ever held at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

_INDENT = "  "


def write_json(value: Any, out: TextIO) -> None:
    """``value`` as ``json.dump(value, out, indent=2, ensure_ascii=False)`` writes it, and a line break."""
    for text in _value(value, 0):
        out.write(text)
    out.write("\n")


def _value(value: Any, depth: int) -> Iterator[str]:
    if isinstance(value, Iterator):
        yield from _list(value, depth)
    elif isinstance(value, list) and _streams(value):
        yield from _list(iter(value), depth)
    elif isinstance(value, dict) and value and _streams(value):
        yield from _object(value, depth)
    else:  # written whole, each line indented as deep as the value sits
        yield indented(value, depth)


def _streams(value: Any) -> bool:
    """Whether an iterator is somewhere in ``value`` (in its objects or lists, not in an iterator's items)."""
    kind = type(value)  # plain values first: asking an ABC about each value of a report costs more than writing it
    if kind is dict:
        return any(_streams(item) for item in value.values())
    if kind is list:
        return any(_streams(item) for item in value)
    if kind in _PLAIN:
        return False
    if isinstance(value, Iterator):
        return True
    if isinstance(value, dict):
        return any(_streams(item) for item in value.values())
    if isinstance(value, list):
        return any(_streams(item) for item in value)
    return False


_PLAIN = frozenset({str, int, float, bool, type(None), tuple})


def _object(values: dict[str, Any], depth: int) -> Iterator[str]:
    inner = _INDENT * (depth + 1)
    yield "{"
    for number, (key, value) in enumerate(values.items()):
        yield ("," if number else "") + f"\n{inner}{json.dumps(key, ensure_ascii=False)}: "
        yield from _value(value, depth + 1)
    yield f"\n{_INDENT * depth}}}"


def _list(items: Iterator[Any], depth: int) -> Iterator[str]:
    inner = _INDENT * (depth + 1)
    first = True
    for item in items:
        yield ("[" if first else ",") + f"\n{inner}"
        yield from _value(item, depth + 1)
        first = False
    yield "[]" if first else f"\n{_INDENT * depth}]"


def indented(value: Any, depth: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` with every line after the first indented ``depth``
    levels more: the same text, about twice as fast (json's encoder is pure Python once it indents; here only
    the structure is, every string is encoded by its C function)."""
    out: list[str] = []
    _encode(value, "\n" + _INDENT * depth, out)
    return "".join(out)


def _encode(value: Any, newline: str, out: list[str]) -> None:
    # The order of json's own encoder: a str or int subclass (an enum) is written as its value.
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + _INDENT
        opening = "[" + inner
        for item in value:
            out.append(opening)
            opening = "," + inner
            _encode(item, inner, out)
        out.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + _INDENT
        opening = "{" + inner
        for key, item in value.items():
            out.append(opening + _string(_key(key)) + ": ")
            opening = "," + inner
            _encode(item, inner, out)
        out.append(newline + "}")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_string = json.encoder.encode_basestring  # C, as json.dumps(ensure_ascii=False) encodes text


def _float(value: float) -> str:
    if value != value:  # noqa: PLR0124 - NaN is the one value unequal to itself
        return "NaN"
    if value in (_INFINITY, -_INFINITY):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


_INFINITY = float("inf")


def _key(key: Any) -> str:
    """A mapping key as json writes it: text as it is, and the scalars it accepts as keys in their JSON form."""
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
