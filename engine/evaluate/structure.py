"""Where each rule of the policy set lives, and the placements no engine can judge with: refused at load.

A rule's place is its path below ``data``: its package, then the static part of its head
(``package ethiq.index`` + ``blocked_names := {}`` is ``data.ethiq.index.blocked_names``). Two placements
are refused here, with the rule's file, line and column, before any document is judged:

- **an entry point that is not a set of findings**: ``deny``, ``warn`` and ``info`` of an ``ethiq.rules.*``
  package must be written ``deny contains finding if {...}``. ``deny := 5`` or a function would otherwise be
  found on every document, as an engine error naming no place;
- **a collision with ethiq's own data or rules**: a rule of an extra policy directory at, above or below the
  data ethiq gives the rules (``data.ethiq.context``, ``data.ethiq.index``), where OPA refuses the policy set
  ("conflicting rule for data path") and regorus lets the data win without a word; or at, above or below a
  rule of the bundled library, which would change what that rule means (OPA refuses most of these too).
  Adding findings to the bundled entry points (``deny contains ...`` in ``package ethiq.rules.vendor``) is
  how a policy of one's own is written, and stays allowed.

The heads of the extra modules are read from the engine's syntax tree. The bundled library's come from a
scan of its lines (every head of the library starts a line, as formatted Rego does; a test holds the scan
to the syntax tree), since its syntax tree as JSON takes most of a second to produce on every load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from ..errors import PolicyLoadError
from .evaluator import PreparedEngine

HeadKind = Literal["set", "value", "function", "default"]
RULES_PACKAGE = ("ethiq", "rules")
ENTRY_NAMES = ("deny", "warn", "info")


@dataclass(frozen=True, slots=True)
class RuleHead:
    """One rule head: its path below ``data`` (package, then the head's static part) and what it defines."""

    path: tuple[str, ...]
    package_length: int
    kind: HeadKind
    file: str
    line: int
    column: int

    @property
    def name(self) -> str:
        return "data." + ".".join(self.path)

    @property
    def is_entry_point(self) -> bool:
        """A head naming deny/warn/info directly below an ``ethiq.rules.*`` package."""
        package = self.path[: self.package_length]
        return (
            package[:2] == RULES_PACKAGE
            and len(package) > 2
            and len(self.path) > self.package_length
            and self.path[self.package_length] in ENTRY_NAMES
        )


# --- reading heads ---------------------------------------------------------------------------------------------


def heads_from_ast(ast: Iterable[Mapping[str, Any]]) -> list[RuleHead]:
    """Every rule head of the modules in an engine's syntax tree (``PreparedEngine.ast()``)."""
    heads: list[RuleHead] = []
    for module in ast:
        file = str(module["source"]["file"])
        package = tuple(_static_ref(module["ast"]["package"]["refr"]))
        for rule in module["ast"]["rules"]:
            if "Default" in rule:
                node = rule["Default"]
                kind: HeadKind = "default"
            elif "Spec" in rule:
                head_kind, node = next(iter(rule["Spec"]["head"].items()))
                kind = {"Set": "set", "Func": "function"}.get(head_kind, "value")  # type: ignore[assignment]
            else:
                continue
            span = node.get("span") or {}
            path = package + tuple(_static_ref(node["refr"]))
            heads.append(RuleHead(path, len(package), kind, file, int(span.get("line", 1)), int(span.get("col", 1))))
    return heads


def _static_ref(ref: Mapping[str, Any]) -> list[str]:
    """The leading static keys of a reference (``a.b["c"][x]`` gives a, b, c)."""
    if "Var" in ref:
        return [str(ref["Var"]["value"])]
    if "RefDot" in ref:
        inner = ref["RefDot"]
        parts = _static_ref(inner["refr"])
        field = inner["field"]
        return [*parts, str(field[1] if isinstance(field, list) else field)]
    if "RefBrack" in ref:
        inner = ref["RefBrack"]
        parts = _static_ref(inner["refr"])
        index = inner.get("index") or {}
        if "String" in index and len(parts) == _depth(inner["refr"]):
            return [*parts, str(index["String"]["value"])]
        return parts
    return []


def _depth(ref: Mapping[str, Any]) -> int:
    if "RefDot" in ref:
        return _depth(ref["RefDot"]["refr"]) + 1
    if "RefBrack" in ref:
        return _depth(ref["RefBrack"]["refr"]) + 1
    return 1


def parsed_heads(modules: Sequence[tuple[str, str]]) -> list[RuleHead]:
    """The heads of ``modules`` (path, text), parsed by regorus; a parse error is a load error."""
    if not modules:
        return []
    return heads_from_ast(PreparedEngine(modules).ast())


_PACKAGE_LINE = re.compile(r"^package\s+([A-Za-z_][\w.]*)", re.MULTILINE)
_HEAD_LINE = re.compile(r"^(?P<default>default\s+)?(?P<ref>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?P<rest>.*)$")
_NOT_HEADS = frozenset({"package", "import"})


@cache
def scanned_heads(path: str, text: str) -> tuple[RuleHead, ...]:
    """The heads of a formatted module (each starts a line), without parsing it: for the bundled library."""
    match = _PACKAGE_LINE.search(text)
    if match is None:
        return ()
    package = tuple(match.group(1).split("."))
    heads = []
    for number, line in enumerate(text.splitlines(), start=1):
        head = _HEAD_LINE.match(line)
        if head is None or head["ref"] in _NOT_HEADS:
            continue
        rest = head["rest"].lstrip()
        kind: HeadKind
        if head["default"]:
            kind = "default"
        elif rest.startswith("contains"):
            kind = "set"
        elif rest.startswith("("):
            kind = "function"
        elif rest == "" or rest.startswith((":=", "=", "if", "{", "[")):
            kind = "value"
        else:
            continue
        heads.append(RuleHead(package + tuple(head["ref"].split(".")), len(package), kind, path, number, 1))
    return tuple(heads)


# --- the checks ------------------------------------------------------------------------------------------------


def check_entry_points(heads: Iterable[RuleHead]) -> None:
    """Every deny/warn/info of an ``ethiq.rules.*`` package is a set of findings, nothing else."""
    for head in heads:
        if not head.is_entry_point:
            continue
        name = head.path[head.package_length]
        if head.kind != "set" or len(head.path) != head.package_length + 1:
            written = {"value": "a single value", "function": "a function", "default": "a default value"}
            shape = "a rule below it" if len(head.path) > head.package_length + 1 else written.get(head.kind, "")
            raise PolicyLoadError(
                f"{name} of package {'.'.join(head.path[: head.package_length])} is {shape}, but an entry point "
                f"is a set of findings: write `{name} contains finding if {{ ... }}`",
                file=head.file,
                line=head.line,
                column=head.column,
            )


def data_roots(data: Mapping[str, Any]) -> list[tuple[str, ...]]:
    """The paths below ``data`` that hold ethiq's data (``ethiq.context``, ``ethiq.index``)."""
    roots: list[tuple[str, ...]] = []
    for top, value in data.items():
        if isinstance(value, Mapping) and value:
            roots.extend((str(top), str(child)) for child in value)
        else:
            roots.append((str(top),))
    return roots


def check_collisions(heads: Iterable[RuleHead], bundled: Iterable[RuleHead], roots: Iterable[tuple[str, ...]]) -> None:
    """No head of an extra module lies at, above or below ethiq's data or a rule of the bundled library."""
    roots = list(roots)
    by_path: dict[tuple[str, ...], RuleHead] = {}
    prefixes: dict[tuple[str, ...], RuleHead] = {}
    for head in bundled:
        by_path.setdefault(head.path, head)
        for end in range(1, len(head.path)):
            prefixes.setdefault(head.path[:end], head)
    for head in heads:
        for root in roots:
            if head.path[: len(root)] == root or root[: len(head.path)] == head.path:
                raise _collision(
                    head,
                    f"ethiq's data at data.{'.'.join(root)}",
                    "OPA refuses it and regorus lets the data win",
                )
        same = by_path.get(head.path)
        if same is not None and not (head.is_entry_point and head.kind == same.kind == "set"):
            raise _collision(head, _bundled(same), "a policy of your own cannot redefine a bundled rule")
        below = prefixes.get(head.path)
        if below is not None:
            raise _collision(head, _bundled(below), "the bundled rule lies below it")
        for end in range(1, len(head.path)):
            above = by_path.get(head.path[:end])
            if above is not None:
                raise _collision(head, _bundled(above), "it lies below the bundled rule")


def _bundled(head: RuleHead) -> str:
    return f"the bundled rule {head.name} ({head.file}:{head.line})"


def _collision(head: RuleHead, what: str, why: str) -> PolicyLoadError:
    return PolicyLoadError(
        f"{head.name} collides with {what}: {why}; move the rule to a package of your own",
        file=head.file,
        line=head.line,
        column=head.column,
    )
