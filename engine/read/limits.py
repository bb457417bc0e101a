"""The bounds of reading: how large a file, how many values its YAML aliases may add, how deep a document.

A file or standard input that never ends, a YAML alias bomb (ten lines that expand to billions of values) or
a document nested beyond what the engine parses must not hang or crash a run: each is a read problem for its
file or document, naming the limit and the setting that raises it. The defaults pass any realistic campaign
(a 50 MB file of documents reads well within them); ``max_file_size``, ``max_alias_nodes`` and
``max_depth`` in ``ethiq.toml``, ``ETHIQ_*`` or on the command line change them.

Values the engine cannot hold are refused here too, at their path: numbers that are not finite (``NaN``,
``Infinity``, ``1e400``, YAML ``.nan``/``.inf``), integers beyond a double's range or CPython's digit limit,
YAML values with no JSON form (``!!binary``, ``!!set``, ``!!omap``, ``!!pairs``), keys that are not text,
and lone surrogates, which are not text either.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

PathKey = tuple[str | int, ...]

MIB = 1024 * 1024
#: A 50 MB campaign file reads well within it; /dev/zero or a runaway stdin stops here.
DEFAULT_MAX_FILE_SIZE = 64 * MIB
#: Values that YAML aliases (and merge keys) may add to one file once expanded: far above any honest use of
#: anchors, far below what a bomb of nine levels of nine aliases (387 million values) expands to.
DEFAULT_MAX_ALIAS_NODES = 1_000_000
#: Levels of nesting in one document (mappings and lists): real documents use about ten; the engine's own
#: parser gives up somewhat above 120, and Python's JSON parser near 1,000.
DEFAULT_MAX_DEPTH = 64
#: The largest magnitude the engine holds as a number (a double); beyond it, it rejects the whole input.
MAX_NUMBER = sys.float_info.max
#: Digits of an integer: CPython refuses to convert longer ones (``sys.get_int_max_str_digits``), and every
#: integer within :data:`MAX_NUMBER` has at most 309.
MAX_INT_DIGITS = 309

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """The bounds of one run's reading (see the module's documentation)."""

    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes of one file or of standard input
    max_alias_nodes: int = DEFAULT_MAX_ALIAS_NODES  # values aliases may add to one YAML file
    max_depth: int = DEFAULT_MAX_DEPTH  # nesting levels of one document


DEFAULT_LIMITS = ReadLimits()


class Unrepresentable:
    """A value read from a file that has no JSON form the engine can hold; refused at its path."""

    __slots__ = ("reason", "text")

    def __init__(self, text: str, reason: str):
        self.text = text
        self.reason = reason

    def __repr__(self) -> str:
        return f"Unrepresentable({self.text!r})"


def out_of_range(text: str) -> Unrepresentable:
    return Unrepresentable(
        text, f"the number {_short(text)} is beyond the range the engine holds (±1.8e308); write it as a string"
    )


def not_finite(text: str) -> Unrepresentable:
    return Unrepresentable(text, f"{_short(text)} is not a number JSON can hold; write it as a string or leave it out")


def number_of(text: str) -> int | Unrepresentable:
    """A JSON or YAML integer's digits as a number, or why the engine cannot hold it."""
    digits = text.lstrip("+-").replace("_", "")
    if len(digits.lstrip("0")) > MAX_INT_DIGITS:
        return out_of_range(text)
    value = int(text.replace("_", ""))
    return value if -MAX_NUMBER <= value <= MAX_NUMBER else out_of_range(text)


def float_of(text: str, value: float) -> float | Unrepresentable:
    """``value`` (read from ``text``) if the engine can hold it."""
    if math.isfinite(value):
        return value
    return not_finite(text) if math.isnan(value) or not _looks_finite(text) else out_of_range(text)


def _looks_finite(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _short(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}…{text[-6:]} ({len(text)} characters)"


def refusal(value: Any, limits: ReadLimits = DEFAULT_LIMITS) -> tuple[PathKey, str] | None:
    """The first place (in document order) where ``value`` is not a JSON value the engine can hold, and why.

    Iterative, so that no nesting, however deep, raises ``RecursionError`` here.
    """
    if _plainly_fine(value, limits.max_depth):
        return None
    for path, problem in _problems(value, limits):
        return path, problem
    return None


def _plainly_fine(value: Any, max_depth: int) -> bool:
    """Whether ``value`` is plain JSON the engine holds, found without building a path for every value (most
    documents are); False when in doubt: :func:`_problems` then looks for the place and the reason."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > max_depth:
            return False
        kind = type(node)
        if kind is dict:
            if not all(type(key) is str for key in node):
                return False
            items = node.values()
        elif kind is list:
            items = node
        else:
            items = (node,)
            depth -= 1  # a scalar at the top: checked below at its own depth
        for item in items:
            kind = type(item)
            if kind is str:
                if not item.isascii() and _SURROGATE.search(item):
                    return False
            elif kind is dict or kind is list:
                stack.append((item, depth + 1))
            elif kind is int:
                if not -MAX_NUMBER <= item <= MAX_NUMBER:
                    return False
            elif kind is float:
                if not math.isfinite(item):
                    return False
            elif item is not None and kind is not bool:
                return False
    return True


def _problems(value: Any, limits: ReadLimits) -> Iterator[tuple[PathKey, str]]:
    stack: list[tuple[PathKey, Any, int]] = [((), value, 1)]
    max_depth = limits.max_depth
    while stack:
        path, node, depth = stack.pop()
        if isinstance(node, str):
            if not node.isascii() and _SURROGATE.search(node):
                yield path, "a lone surrogate (\\ud800-\\udfff) is not text; remove it"
        elif isinstance(node, dict):
            if depth > max_depth:
                yield path, _too_deep(max_depth)
                continue
            items = list(node.items())
            for key, _ in items:
                if not isinstance(key, str):
                    yield path, f"every key must be a string, not {type(key).__name__} {_short(repr(key))}"
                    break
            stack.extend(((*path, key), item, depth + 1) for key, item in reversed(items))
        elif isinstance(node, list):
            if depth > max_depth:
                yield path, _too_deep(max_depth)
                continue
            stack.extend(((*path, index), item, depth + 1) for index, item in reversed(list(enumerate(node))))
        elif node is None or isinstance(node, bool):
            continue
        elif isinstance(node, int):
            if not -MAX_NUMBER <= node <= MAX_NUMBER:
                yield path, out_of_range(str(node) if node.bit_length() < 4000 else "(a huge integer)").reason
        elif isinstance(node, float):
            if not math.isfinite(node):
                yield path, not_finite(repr(node)).reason
        elif isinstance(node, Unrepresentable):
            yield path, node.reason
        else:
            yield path, f"a {type(node).__name__} has no JSON form; write it as a string, number, list or mapping"


def _too_deep(max_depth: int) -> str:
    return f"nested deeper than {max_depth} levels (max_depth); flatten the document or raise max_depth"


def surrogate_offset(text: str) -> int | None:
    """Where the first lone surrogate of ``text`` is (undecodable bytes kept by ``surrogateescape``)."""
    if text.isascii():
        return None
    match = _SURROGATE.search(text)
    return match.start() if match else None


def parse_size(raw: str | int) -> int:
    """A size in bytes: an integer, or a number with a unit (``64MB``, ``64 MiB``, ``500k``)."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    match = re.fullmatch(r"\s*([0-9]+)\s*([kKmMgG]?)(i?)([bB]?)\s*", str(raw))
    if not match:
        raise ValueError(raw)
    number, unit, binary, _ = match.groups()
    base = 1024 if binary or not unit else 1000
    return int(number) * int(base ** " kmg".index(unit.lower() or " "))


__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_ALIAS_NODES",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_FILE_SIZE",
    "ReadLimits",
    "Unrepresentable",
    "float_of",
    "number_of",
    "parse_size",
    "refusal",
    "surrogate_offset",
]
