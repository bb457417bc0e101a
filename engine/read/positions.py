"""Line and column of any value of a document, computed lazily from its file (or kept text).

Most documents never need them: only those with findings or schema violations. A file's text (and, for YAML,
its positions) is cached for the documents of one file that are located one after another.

JSON is located by walking the text along the path only: the members before the one wanted are skipped by
the C scanner of :mod:`json`, so locating a value costs a fraction of parsing its document, and nothing is
computed for the values no finding names. YAML is composed (without resolving tags, which positions do not
need) and every value's position kept for the file.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .formats import YAML_BASE

PathKey = tuple[str | int, ...]
Position = tuple[int, int]


def json_position(file: str, text: str | None, index: int | None, path: PathKey) -> Position | None:
    """(line, column), 1-based, of the value at ``path`` in a JSON document, or of its nearest ancestor that
    exists; None when the text cannot be read or walked (then only the document's own line is known).

    ``index``: the document's place in a file holding a JSON array of documents (None: the file is the
    document). ``text``: the text itself when it cannot be read again (standard input), else ``file`` is read.
    """
    located = _json_of_text(text) if text is not None else _json_of_file(file)
    return located.position(index, path) if located is not None else None


def yaml_positions(file: str, text: str | None) -> dict[PathKey, Position]:
    """Every value's (line, column), 1-based, by path (paths start with the document's index in the file)."""
    if text is not None:
        return _yaml_positions_of_text(text)
    return _yaml_positions_of_file(file)


# --- JSON ---------------------------------------------------------------------------------------------------

_SPACE = re.compile(r"[ \t\n\r]*")
# Values skipped are never converted: a number beyond what int() takes (a refused document's) is skipped too.
_SKIP = json.JSONDecoder(parse_int=str, parse_float=str, parse_constant=str)
#: Above this size a text's line breaks are indexed once, rather than counted for each position.
_INDEXED_LINES = 256 * 1024


class JsonText:
    """One JSON text, walked along a path at a time; the items of a top-level array found once, when asked."""

    def __init__(self, text: str):
        self.text = text
        self._items: list[int] | None = None
        self._newlines: list[int] | None = None

    def position(self, index: int | None, path: PathKey) -> Position | None:
        text = self.text
        if index is None:
            start = _SPACE.match(text).end()  # type: ignore[union-attr]  # matches the empty string at worst
        else:
            items = self.items()
            if index >= len(items):
                return None
            start = items[index]
        if start >= len(text):
            return None
        return self.line_column(walk(text, start, path))

    def items(self) -> list[int]:
        """Where each item of the top-level array starts (empty when the text is not an array)."""
        if self._items is None:
            start = _SPACE.match(self.text).end()  # type: ignore[union-attr]
            self._items = _item_starts(self.text, start) if self.text.startswith("[", start) else []
        return self._items

    def line_column(self, offset: int) -> Position:
        text = self.text
        if len(text) < _INDEXED_LINES:
            line_start = text.rfind("\n", 0, offset) + 1
            return text.count("\n", 0, offset) + 1, offset - line_start + 1
        if self._newlines is None:
            self._newlines = [match.start() for match in re.finditer("\n", text)]
        before = bisect_right(self._newlines, offset - 1)
        line_start = self._newlines[before - 1] + 1 if before else 0
        return before + 1, offset - line_start + 1


def walk(text: str, start: int, path: PathKey) -> int:
    """The offset of the value at ``path`` from the value starting at ``start``, or of the deepest value on
    the way that exists. The text is trusted to be JSON it was read from; a walk that meets anything else
    stops where it is."""
    found = start
    try:
        for part in path:
            if text.startswith("{", found):
                offset = _member(text, found, str(part))  # an object key given as a number names it too
            elif text.startswith("[", found) and isinstance(part, int) and not isinstance(part, bool):
                offset = _item(text, found, part)
            else:
                break
            if offset is None:
                break
            found = offset
    except (ValueError, StopIteration, IndexError, RecursionError):
        pass  # not the text that was read (the file changed since), or nested beyond the scanner
    return found


def _member(text: str, start: int, name: str) -> int | None:
    space = _SPACE.match
    scan = json.decoder.scanstring  # type: ignore[attr-defined]  # the C scanner's, where there is one
    at = space(text, start + 1).end()  # type: ignore[union-attr]
    while text.startswith('"', at):
        key, at = scan(text, at + 1)
        at = space(text, at).end()  # type: ignore[union-attr]
        if not text.startswith(":", at):
            return None
        at = space(text, at + 1).end()  # type: ignore[union-attr]
        if key == name:
            return at  # type: ignore[no-any-return]
        at = _after_value(text, at)
        if not text.startswith(",", at):
            return None
        at = space(text, at + 1).end()  # type: ignore[union-attr]
    return None


def _item(text: str, start: int, index: int) -> int | None:
    space = _SPACE.match
    at = space(text, start + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", at):
        return None
    for _ in range(index):
        at = _after_value(text, at)
        if not text.startswith(",", at):
            return None
        at = space(text, at + 1).end()  # type: ignore[union-attr]
    return at  # type: ignore[no-any-return]


def _after_value(text: str, start: int) -> int:
    """The offset after the value at ``start`` and the space after it."""
    end: int = _SKIP.scan_once(text, start)[1]  # type: ignore[attr-defined]
    return _SPACE.match(text, end).end()  # type: ignore[union-attr]


def _item_starts(text: str, start: int) -> list[int]:
    starts: list[int] = []
    try:
        at = _SPACE.match(text, start + 1).end()  # type: ignore[union-attr]
        if text.startswith("]", at):
            return starts
        while True:
            starts.append(at)
            at = _after_value(text, at)
            if not text.startswith(",", at):
                return starts
            at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
    except (ValueError, StopIteration, RecursionError):
        return starts


@lru_cache(maxsize=16)
def _json_of_file(file: str) -> JsonText | None:
    text = _read(file)
    return JsonText(text) if text is not None else None


@lru_cache(maxsize=4)
def _json_of_text(text: str) -> JsonText:
    return JsonText(text)


def _read(file: str) -> str | None:
    try:  # text mode, as line numbers count: "\r\n" and "\r" end a line as "\n" does
        return Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


# --- YAML ---------------------------------------------------------------------------------------------------


class _PositionLoader(YAML_BASE):  # type: ignore[valid-type,misc]
    """Composes nodes with their marks, and resolves no tag: positions need none (keys are the text written)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return ""


@lru_cache(maxsize=16)
def _yaml_positions_of_file(file: str) -> dict[PathKey, Position]:
    text = _read(file)
    return _yaml_positions_of_text(text) if text is not None else {}


@lru_cache(maxsize=4)
def _yaml_positions_of_text(text: str) -> dict[PathKey, Position]:
    positions: dict[PathKey, Position] = {}
    try:
        nodes = list(yaml.compose_all(text, Loader=_PositionLoader))
    except yaml.YAMLError:
        return positions
    index = 0
    for node in nodes:
        if node is None:
            continue
        _walk_yaml(node, (index,), positions)
        index += 1
    return positions


def _walk_yaml(root: yaml.Node, key: PathKey, positions: dict[PathKey, Position]) -> None:
    """Positions of every value under ``root``; iterative, and a node shared by aliases is walked once (its
    values are located at the anchor), so neither deep nesting nor an alias bomb makes this endless."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, PathKey]] = [(root, key)]
    while stack:
        node, path = stack.pop()
        positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend((value_node, (*path, str(key_node.value))) for key_node, value_node in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, position)) for position, item in enumerate(node.value))
