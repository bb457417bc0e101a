"""Line and column of values: the JSON walk agrees with a full source map (json_source_map) on drawn JSON, in
any layout, and the YAML positions with composing the file; keys the source map cannot name are found too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import json_source_map
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ethiq.engine.read import parse_documents
from ethiq.engine.read.documents import Document, Source
from ethiq.engine.read.formats import Loader
from ethiq.engine.read.positions import JsonText, PathKey, Position, _walk_yaml, yaml_positions

# Keys a JSON pointer of json_source_map names unambiguously: no "/", "~", escapes, or digits only.
keys = st.text(st.characters(codec="utf-8", exclude_characters='/~"\\', exclude_categories=("Cc", "Cs")), max_size=6)
keys = keys.filter(lambda key: not key.isdigit())
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=20
)
documents = st.dictionaries(keys, values, max_size=6)


def source_map(text: str) -> dict[PathKey, Position]:
    """Every value's position by path, as json_source_map gives it (its pointers hold keys as written, escapes
    and all: decoded here)."""
    found: dict[PathKey, Position] = {}
    for pointer, entry in json_source_map.calculate(text).items():
        parts = pointer.split("/")[1:] if pointer else []
        found[tuple(int(p) if p.isdigit() else json.loads(f'"{p}"') for p in parts)] = (
            entry.value_start.line + 1,
            entry.value_start.column + 1,
        )
    return found


def paths(value: Any, path: PathKey = ()) -> list[PathKey]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*path, index))
    return found


layouts = st.sampled_from(
    [
        {"indent": None},
        {"indent": 2},
        {"indent": "\t"},
        {"indent": 1, "separators": (",", ":")},
        {"indent": None, "separators": (" ,\r\n", " :  ")},
    ]
)


@settings(max_examples=60, deadline=None)
@given(document=documents, layout=layouts, ascii_only=st.booleans())
def test_json_walk_agrees_with_the_source_map(
    document: dict[str, Any], layout: dict[str, Any], ascii_only: bool
) -> None:
    text = json.dumps(document, ensure_ascii=ascii_only, **layout)
    expected = source_map(text)
    located = JsonText(text)
    for path in paths(document):
        assert located.position(None, path) == expected[path], path


@settings(max_examples=30, deadline=None)
@given(items=st.lists(documents, min_size=1, max_size=4), indent=st.sampled_from([None, 1, 2]), data=st.data())
def test_json_walk_in_an_array_of_documents(
    items: list[dict[str, Any]], indent: int | None, data: st.DataObject
) -> None:
    text = json.dumps(items, indent=indent, ensure_ascii=False)
    expected = source_map(text)
    located = JsonText(text)
    index = data.draw(st.integers(0, len(items) - 1))
    for path in paths(items[index]):
        assert located.position(index, path) == expected[(index, *path)]


@settings(max_examples=30, deadline=None)
@given(document=documents, layout=layouts, extra=st.lists(keys | st.integers(0, 5), min_size=1, max_size=3))
def test_a_path_that_does_not_exist_points_at_its_nearest_ancestor(
    document: dict[str, Any], layout: dict[str, Any], extra: list[str | int]
) -> None:
    text = json.dumps(document, **layout)
    expected = source_map(text)
    located = JsonText(text)
    path: PathKey = tuple(extra)
    nearest = path
    while nearest not in expected or _absent(document, path, nearest):
        nearest = nearest[:-1]
    assert located.position(None, path) == expected[nearest]


def _absent(document: Any, path: PathKey, nearest: PathKey) -> bool:
    """Whether ``nearest`` (a prefix of ``path``) does not name a value of ``document``."""
    value = document
    for part in nearest:
        in_object = isinstance(value, dict) and isinstance(part, str) and part in value
        in_list = isinstance(value, list) and isinstance(part, int) and part < len(value)
        if not (in_object or in_list):
            return True
        value = value[part]
    return False


def test_keys_a_pointer_cannot_name_are_located() -> None:
    text = '{"kind": "vendor",\n "a/b": 1,\n "\\u00e9t\\u00e9": [true,\n  {"7": "x"}]}'
    located = JsonText(text)
    assert located.position(None, ("a/b",)) == (2, 9)
    assert located.position(None, ("été", 1, "7")) == (4, 9)
    assert located.position(None, ("été", 1, 7)) == (4, 9)  # an object key given as a number
    assert located.position(None, ("été", 5)) == (3, 19)


def test_numbers_beyond_int_are_skipped() -> None:
    text = '{"n": ' + "9" * 5000 + ', "m": 1e999, "k": NaN, "x": 2}'
    assert JsonText(text).position(None, ("x",)) == (1, len(text) - 1)


def test_a_long_array_file_and_its_line_index() -> None:
    items = [{"kind": "vendor", "id": f"v{n}", "tags": ["a", "b"]} for n in range(6000)]
    text = json.dumps(items, indent=1)
    assert len(text) > 256 * 1024  # line breaks indexed, not counted
    expected = source_map(text)
    located = JsonText(text)
    for index in (0, 1, 2999, 5999):
        assert located.position(index, ("tags", 1)) == expected[(index, "tags", 1)]
    assert located.position(6000, ("tags",)) is None


def test_a_changed_file_falls_back_to_what_can_be_found(tmp_path: Path) -> None:
    file = tmp_path / "v.json"
    file.write_text('{"kind": "vendor", "id": "a", "x": {"y": 1}}')
    document = Document(data={"kind": "vendor"}, source=Source(str(file), "json"))
    file.write_text('{"kind": "vendor", "x": [')  # cut short after reading
    assert document.locate(("x", "y")) == (1, 25)
    missing = Document(data={"kind": "vendor"}, source=Source(str(tmp_path / "gone.json"), "json", line=3))
    assert missing.locate(("x",)) == (3, 1)


def test_crlf_lines_count_as_lines(tmp_path: Path) -> None:
    file = tmp_path / "v.json"
    file.write_bytes(b'{"kind": "vendor",\r\n  "id": "a"}')
    document = Document(data={"kind": "vendor"}, source=Source(str(file), "json"))
    assert document.locate(("id",)) == (2, 9)


yaml_texts = st.lists(documents, min_size=1, max_size=3).map(
    lambda docs: yaml.safe_dump_all(docs, allow_unicode=True, sort_keys=False)
)


@settings(max_examples=30, deadline=None)
@given(text=yaml_texts)
def test_yaml_positions_are_those_of_the_composed_file(text: str) -> None:
    expected: dict[PathKey, Position] = {}
    for index, node in enumerate(yaml.compose_all(text, Loader=Loader)):
        _walk_yaml(node, (index,), expected)
    assert yaml_positions("<text>", text) == expected


def test_documents_locate_through_the_walk() -> None:
    (document,) = parse_documents('{"kind": "vendor",\n "id": "a",\n "owners": [{"name": "x"}]}', name="v.json")
    assert document.locate(("owners", 0, "name")) == (3, 22)
    assert document.locate(("owners", 3)) == (3, 12)
