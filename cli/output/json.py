"""``--format json``: the report as one JSON object, structure version ``report.version``.

Documented in docs/report-format.md. Keys are stable; new keys may be added within a major version.

The text is exactly ``json.dump(report.to_dict(), indent=2, ensure_ascii=False)``, written as it is made:
documents and findings one at a time, so that a run of 100,000 documents never holds its whole report as
JSON values or text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from ethiq.engine import Report

_INDENT = "  "


def render(report: Report, out: TextIO) -> None:
    for text in _object(report.to_dict(streamed=True)):
        out.write(text)
    out.write("\n")


def _object(values: dict[str, Any]) -> Iterator[str]:
    """A top-level object in ``json.dump``'s indented layout, a streamed list one item at a time."""
    if not values:
        yield "{}"
        return
    yield "{"
    for number, (key, value) in enumerate(values.items()):
        yield ("," if number else "") + f"\n{_INDENT}{_dumps(key)}: "
        if isinstance(value, Iterator):
            yield from _list(value)
        else:
            yield _nested(value, 1)
    yield "\n}"


def _list(items: Iterator[Any]) -> Iterator[str]:
    first = True
    for item in items:
        yield ("[" if first else ",") + f"\n{_INDENT * 2}" + _nested(item, 2)
        first = False
    yield "[]" if first else f"\n{_INDENT}]"


def _nested(value: Any, depth: int) -> str:
    """``value`` as ``json.dump`` writes it ``depth`` levels in: the same text with each line indented more
    (a JSON string holds no line break of its own, so every line break is the layout's)."""
    return _dumps(value).replace("\n", "\n" + _INDENT * depth)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
