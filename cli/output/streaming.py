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
    else:  # written whole: the C encoder, each line indented as deep as the value sits
        yield json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + _INDENT * depth)


def _streams(value: Any) -> bool:
    """Whether an iterator is somewhere in ``value`` (in its objects or lists, not in an iterator's items)."""
    if isinstance(value, Iterator):
        return True
    if isinstance(value, dict):
        return any(_streams(item) for item in value.values())
    if isinstance(value, list):
        return any(_streams(item) for item in value)
    return False


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
