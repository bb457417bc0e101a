"""The syntax of document files: JSON that refuses duplicate keys, YAML 1.2-style scalars.

``NO`` (Norway) stays a string and dates stay the ISO strings the author wrote, as JSON Schema and Rego
expect; a duplicate key is an error in either format, because a reader would see only one of the values.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

JSON_SUFFIXES = frozenset({".json"})
YAML_SUFFIXES = frozenset({".yaml", ".yml"})


def sniff_format(text: str) -> str:
    """``json`` for text that starts like JSON, else ``yaml``."""
    return "json" if text.lstrip()[:1] in ("{", "[") else "yaml"


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
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                mark = key_node.start_mark
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}: a reader would see only one", mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# Timestamps stay the ISO strings the author wrote: schemas and rules compare strings.
Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_str)
