"""The syntax of document files: JSON that refuses duplicate keys, YAML 1.2-style scalars.

``NO`` (Norway) stays a string and dates stay the ISO strings the author wrote, as JSON Schema and Rego
expect; a duplicate key is an error in either format, because a reader would see only one of the values.
Numbers the engine cannot hold and YAML values with no JSON form are read as :class:`Unrepresentable`
markers, which the reader refuses at their path (see :mod:`.limits`). YAML merge keys (``<<: *base``) are
supported, bounded like aliases; keys written beside a merge override the merged ones.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, cast

import yaml

from .limits import MAX_NUMBER, Unrepresentable, float_of, number_of, out_of_range

JSON_SUFFIXES = frozenset({".json"})
YAML_SUFFIXES = frozenset({".yaml", ".yml"})


def sniff_format(text: str) -> str:
    """``json`` for text that starts like JSON, else ``yaml``."""
    return "json" if text.lstrip()[:1] in ("{", "[") else "yaml"


def json_number(text: str) -> int | float | Unrepresentable:
    """``parse_int`` / ``parse_float`` / ``parse_constant`` for :func:`json.loads`: what the engine can hold."""
    if text in ("NaN", "Infinity", "-Infinity"):
        return float_of(text, float("nan"))
    if any(char in text for char in ".eE"):
        return float_of(text, float(text))
    return number_of(text)


def reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for :func:`json.loads`: raises :class:`DuplicateKeyError`."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKeyError(key)
        result[key] = value
    return result


class DuplicateKeyError(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


#: Significant characters of a YAML integer (binary has the most: 1,024 digits reach a double's range).
MAX_INT_CHARS = 1100

YAML_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(YAML_BASE):  # type: ignore[valid-type,misc]
    """Safe loading with YAML 1.2 booleans, dates kept as strings, and duplicate keys refused."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:bool",)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == MERGE_TAG:
                continue  # a merge key is not a key: flatten_mapping below merges its mapping(s)
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:  # a mapping or sequence as a key: no JSON object can hold it
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark
                ) from None
            if duplicate:
                mark = key_node.start_mark
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}: a reader would see only one", mark
                )
            seen.add(key)
        # The base class flattens merge keys first (merged pairs before the node's own, so the own win).
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int | Unrepresentable:
        text = str(node.value)
        # Beyond this many significant digits no base (binary included) stays within a double, and CPython
        # would refuse to convert a long decimal: refused before converting.
        if len(text.lstrip("+-").replace("_", "").lstrip("0")) > MAX_INT_CHARS:
            return out_of_range(text)
        try:
            value = int(super().construct_yaml_int(node))
        except ValueError:  # CPython's digit limit counts leading zeros too
            return out_of_range(text)
        return value if -MAX_NUMBER <= value <= MAX_NUMBER else out_of_range(text)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float | Unrepresentable:
        return float_of(str(node.value), super().construct_yaml_float(node))

    def construct_no_json(self, node: yaml.Node) -> Unrepresentable:
        name = node.tag.rsplit(":", 1)[-1]
        return Unrepresentable(
            f"!!{name}", f"a YAML !!{name} value has no JSON form; write it as a string, list or mapping"
        )


Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# Timestamps stay the ISO strings the author wrote: schemas and rules compare strings.
Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_str)
Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
Loader.add_constructor("tag:yaml.org,2002:float", Loader.construct_yaml_float)
for _name in ("binary", "set", "omap", "pairs"):
    Loader.add_constructor(f"tag:yaml.org,2002:{_name}", Loader.construct_no_json)

MERGE_TAG = "tag:yaml.org,2002:merge"

_STR, _NULL, _BOOL, _INT, _FLOAT, _TIMESTAMP, _MAP, _SEQ = (
    f"tag:yaml.org,2002:{name}" for name in ("str", "null", "bool", "int", "float", "timestamp", "map", "seq")
)


def construct_plain(loader: Loader, root: yaml.Node) -> Any:
    """``loader.construct_document(root)``, built by a direct walk of the composed tree when it holds only plain
    values (mappings, sequences, strings, numbers, booleans, nulls, dates), several times faster than PyYAML's
    generic constructor; anything else (an alias, a merge key, a duplicate or unhashable key, another tag, a
    nesting deeper than the stack) is left to the constructor itself, which reads it or raises as it always did.

    Call it only for a tree without aliases: a shared node would be built once per place it is met.
    """
    try:
        return _plain(loader, root)
    except (_NotPlain, RecursionError):
        return loader.construct_document(root)


class _NotPlain(Exception):
    """A node the direct walk leaves to PyYAML's constructor."""


def _plain(loader: Loader, node: yaml.Node) -> Any:
    tag = node.tag
    kind = type(node)
    if kind is yaml.ScalarNode:
        if tag in (_STR, _TIMESTAMP):  # dates stay the text written (see the Loader)
            return node.value
        if tag == _NULL:
            return None
        if tag == _INT:
            return loader.construct_yaml_int(cast(yaml.ScalarNode, node))
        if tag == _FLOAT:
            return loader.construct_yaml_float(cast(yaml.ScalarNode, node))
        if tag == _BOOL:
            return loader.construct_yaml_bool(node)
    elif kind is yaml.MappingNode and tag == _MAP:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                raise _NotPlain
            key = _plain(loader, key_node)
            try:
                duplicate = key in mapping
            except TypeError:  # unhashable: the constructor says so
                raise _NotPlain from None
            if duplicate:
                raise _NotPlain  # the constructor's error names the key and its line
            mapping[key] = _plain(loader, value_node)
        return mapping
    elif kind is yaml.SequenceNode and tag == _SEQ:
        return [_plain(loader, item) for item in node.value]
    raise _NotPlain


def expanded_size(root: yaml.Node, budget: int) -> int:
    """How many values the tree under ``root`` holds once every alias is expanded, counting up to ``budget``.

    Aliases make the composed tree a graph that shares nodes; the count is computed once per node (so a
    bomb costs as much as its text), iteratively (so no nesting raises ``RecursionError``), and stops as
    soon as it passes ``budget``.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # nodes whose children are being counted: meeting one again is a cycle
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done or not children:
            size = 1 + sum(sizes[id(child)] for child in children)
            sizes[id(node)] = size
            open_nodes.discard(id(node))
            if size > budget:
                return size
            continue
        if id(node) in open_nodes:
            raise RecursiveAliasError(node.start_mark)
        open_nodes.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)]


class RecursiveAliasError(ValueError):
    """An alias inside the node its anchor names: the value would contain itself."""

    def __init__(self, mark: yaml.Mark):
        super().__init__("an alias refers to a node that contains it: the value would contain itself")
        self.mark = mark


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def distinct_nodes(root: yaml.Node) -> int:
    """How many nodes the composed tree under ``root`` holds, each shared node counted once."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.extend(_children(node))
    return len(seen)
