"""Line and column of any value of a document, computed lazily from its file (or kept text).

Most documents never need them: only those with findings or schema violations. A file's positions are
cached for the few documents of one file that are located one after another.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .formats import Loader

PathKey = tuple[str | int, ...]
Position = tuple[int, int]


def positions(file: str, fmt: str, text: str | None) -> dict[PathKey, Position]:
    """Every value's (line, column), 1-based, by path (YAML paths start with the document's index)."""
    if text is not None:
        return _positions_of_text(text, fmt)
    return _positions_of_file(file, fmt)


@lru_cache(maxsize=16)
def _positions_of_file(file: str, fmt: str) -> dict[PathKey, Position]:
    try:
        text = Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    return _positions_of_text(text, fmt)


@lru_cache(maxsize=4)
def _positions_of_text(text: str, fmt: str) -> dict[PathKey, Position]:
    return json_positions(text) if fmt == "json" else _yaml_positions(text)


def json_positions(text: str) -> dict[PathKey, Position]:
    import json_source_map  # only documents with findings need positions

    try:
        entries = json_source_map.calculate(text)
    except Exception:  # the library's own parser may reject what json accepted; lines are then unknown
        return {}
    positions: dict[PathKey, Position] = {}
    for pointer, entry in entries.items():
        key = tuple(_pointer_part(part) for part in pointer.split("/")[1:]) if pointer else ()
        start = entry.value_start
        positions[key] = (start.line + 1, start.column + 1)
    return positions


def _pointer_part(part: str) -> str | int:
    unescaped = part.replace("~1", "/").replace("~0", "~")
    return int(unescaped) if unescaped.isdigit() else unescaped


def _yaml_positions(text: str) -> dict[PathKey, Position]:
    positions: dict[PathKey, Position] = {}
    try:
        nodes = list(yaml.compose_all(text, Loader=Loader))
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
