"""The field contract: docs/documents.md says which rules each field feeds, and the rules read it.

For every (field, rule) pair of the field tables, some fixture of that rule (or the example campaign) in which
only that field takes another value gives the rule a finding it did not give before: the field changes the
rule's outcome to fail or needs_review. The values tried come from the schema (enum members, tristates,
absent, numbers around thresholds, dates far apart, strings found in the entry's own documents); where no
generic value shows it, ``tests/data/field_contract.yaml`` names the value, with the reason. A policy_context
field is changed in the whole context the entry is judged with (the bundled one, the entry's own merged over it),
given to the rules as it is rather than merged: so a value can also remove or replace a bundled entry, which no
context file can. The bases are the rules' own fixtures, then the platform fixtures. A documented pair
that no value can move fails: either the rule does not read the field (fix the rule or the table) or the
table names the wrong rule. A field no rule reads is documented ``informational``.

And every schema property is documented: a field the schema accepts and the tables do not name fails too.

The search looks for the pairs expected to move. Pairs listed as not yet provable (``unproven``) are searched
only with ``ETHIQ_CONTRACT=full`` (``make contract``): proving that no value moves them tries every candidate,
which is most of the contract's cost, and only tells that one may now leave the list.
"""

from __future__ import annotations

import copy
import json
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURES, ROOT
from ethiq import Checker, EthiqError
from ethiq.engine.config import CONFIG_FILE, load_config
from ethiq.engine.graph import PolicyContext
from ethiq.engine.read import Document, iter_documents
from ethiq.engine.validate import bundled_schemas

DOCS = ROOT / "docs" / "documents.md"
SCHEMAS = ROOT / "policies" / "schemas"
OVERRIDES = Path(__file__).parent / "data" / "field_contract.yaml"
KINDS = ("policy_context", "vendor", "data_source", "audience", "account", "ad", "campaign")
RULE_ID = re.compile(r"\b[A-Z]{2,3}-\d{3}\b")
COMMON = "common"  # the fields of the Conventions table, which every kind has
AS_OF = "2026-11-23"

# --- the tables ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    kind: str  # a document kind, COMMON, or a shape ("shape:criterion")
    field: str  # dotted, "[]" for array items: political.transparency_notice.sponsor
    type: str
    rules: tuple[str, ...]  # empty when informational

    @property
    def informational(self) -> bool:
        return not self.rules


def _cells(line: str) -> list[str]:
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]


@cache
def table_rows() -> tuple[Row, ...]:
    """Every row of a `| field | type | values | meaning | rules |` table, with the section it belongs to."""
    rows: list[Row] = []
    section: str | None = None
    parent: str | None = None  # the level-2 section: a kind, the common fields, or none
    in_table = False
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^(#{2,4}) (.*)$", line)
        if heading:
            level, title = len(heading.group(1)), heading.group(2).strip()
            shape = re.fullmatch(r"`(\w+)` shape", title)
            if level == 2:
                parent = {"Conventions": COMMON}.get(title, title if title in KINDS else None)
            section = f"shape:{shape.group(1)}" if shape else parent
            in_table = False
            continue
        if line.startswith("| field | type | values | meaning | rules |"):
            in_table = section is not None
            continue
        if not line.startswith("|"):
            in_table = False
            continue
        if not in_table or line.startswith("|---"):
            continue
        field, type_, _values, _meaning, rules = _cells(line)[:5]
        name = field.split("`")[1]
        rules_found = tuple(RULE_ID.findall(rules))
        assert rules_found or rules == "informational", f"{section} {name}: rules cell {rules!r}"
        assert section is not None
        rows.append(Row(section, name, type_, rules_found))
    return tuple(rows)


def shape_parents() -> dict[str, list[tuple[str, str]]]:
    """Shape -> (kind, field path prefix) of every field whose type is that shape, shapes in shapes followed."""
    shapes = {row.kind.split(":", 1)[1] for row in table_rows() if row.kind.startswith("shape:")}
    direct: dict[str, list[tuple[str, str]]] = {}
    for row in table_rows():
        named = re.findall(r"\(#(\w+)-shape\)", row.type) or [s for s in shapes if row.type in (s, f"[{s}]")]
        for shape in named:
            prefix = row.field + ("[]" if row.type.startswith("[[") or row.type == f"[{shape}]" else "")
            prefix += ".<key>" if row.type.startswith("map:") else ""
            direct.setdefault(shape, []).append((row.kind, prefix))
    resolved: dict[str, list[tuple[str, str]]] = {}

    def places(shape: str, seen: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
        out = []
        for kind, prefix in direct.get(shape, []):
            if kind.startswith("shape:"):
                inner = kind.split(":", 1)[1]
                if inner in seen:
                    continue
                out += [(k, f"{p}.{prefix}") for k, p in places(inner, seen | {inner})]
            else:
                out.append((kind, prefix))
        return out

    for shape in direct:
        resolved[shape] = places(shape, frozenset({shape}))
    return resolved


@cache
def documented_fields() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(kind, full field path, rules) of every documented field, shapes expanded, common fields per kind."""
    parents = shape_parents()
    rows = {(row.kind, row.field): row for row in table_rows()}
    out: list[tuple[str, str, tuple[str, ...]]] = []
    for row in table_rows():
        if row.kind.startswith("shape:"):
            for kind, prefix in parents.get(row.kind.split(":", 1)[1], []):
                kinds = list(KINDS) if kind == COMMON else [kind]
                # A shape's field feeds its rules where the field holding the shape feeds them too: the
                # attestation's `signed` feeds VEN-004 under no_cambridge_analytica_services only.
                holder = rows.get((kind, re.sub(r"(\[\]|\.<key>)$", "", prefix).split(".<key>")[0]))
                rules = tuple(r for r in row.rules if holder is None or r in holder.rules)
                out += [(k, f"{prefix}.{row.field}", _rules_of(k, rules, kind == COMMON)) for k in kinds]
        elif row.kind == COMMON:
            out += [(k, row.field, _rules_of(k, row.rules, True)) for k in KINDS]
        else:
            out.append((row.kind, row.field, row.rules))
    return tuple(out)


PREFIX_KINDS = {
    "VEN": "vendor",
    "DAT": "data_source",
    "AUD": "audience",
    "ACC": "account",
    "AD": "ad",
    "CMP": "campaign",
}


def _rules_of(kind: str, rules: tuple[str, ...], common: bool) -> tuple[str, ...]:
    """A common field (evidence) feeds the rules it names in documents of their own kind only."""
    return tuple(r for r in rules if PREFIX_KINDS.get(r.split("-")[0]) == kind) if common else rules


# --- every schema property is documented ---------------------------------------------------------------------


PLATFORM_KEYS = (
    "meta|google_ads|linkedin|tiktok|snapchat|x|dsp|email|sms|facebook|instagram|threads|youtube|bluesky|website"
)


def _normal(path: str) -> str:
    """A path with every map key written as ``<*>``: a table documents a map keyed by platform once, as
    ``platform_timeline.<platform>.sources`` (or by one key, ``platform_timeline.meta.…``)."""
    path = re.sub(r"<[^>]+>", "<*>", path)
    maps = "platform_timeline|platform_floors|party\\.page_ids|sensitive_criteria_map\\.criteria"
    return re.sub(rf"^({maps})\.({PLATFORM_KEYS})(?=\.|$)", r"\1.<*>", path)


def schema_paths(kind: str) -> set[str]:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    definitions = schema.get("definitions", {})
    found: set[str] = set()

    def resolve(node: Any) -> Any:
        while isinstance(node, Mapping) and "$ref" in node:
            node = definitions[node["$ref"].rsplit("/", 1)[1]]
        return node

    def walk(node: Any, path: str, depth: int) -> None:
        node = resolve(node)
        if not isinstance(node, Mapping) or depth > 12:
            return
        for key in ("anyOf", "oneOf", "allOf"):
            for sub in node.get(key, []):
                walk(sub, path, depth + 1)
        for name, sub in node.get("properties", {}).items():
            child = f"{path}.{name}" if path else name
            found.add(child)
            walk(sub, child, depth + 1)
        extra = node.get("additionalProperties")
        if isinstance(extra, Mapping) and path:
            walk(extra, f"{path}.<*>", depth + 1)
        for sub in node.get("patternProperties", {}).values():
            if path and not (isinstance(sub, Mapping) and sub == {}):
                walk(sub, f"{path}.<*>", depth + 1)
        items = node.get("items")
        if isinstance(items, Mapping):
            walk(items, f"{path}[]", depth + 1)

    walk(schema, "", 0)
    return found


def _documented(kind: str) -> set[str]:
    return {_normal(path) for k, path, _ in documented_fields() if k == kind}


@pytest.mark.parametrize("kind", KINDS)
def test_every_schema_field_is_documented(kind: str) -> None:
    documented = _documented(kind)
    # A map keyed by platform is documented by its keys' shape (`<platform>`) or by a named key (`meta`).
    undocumented = sorted(
        path for path in schema_paths(kind) if _normal(path) not in documented and not _open_object_inside(path, kind)
    )
    assert not undocumented, f"{kind}: schema fields missing from docs/documents.md: {undocumented}"


def _open_object_inside(path: str, kind: str) -> bool:
    """Inside an object the table documents as any JSON (native_spec) or as a map whose values it describes in
    its own row (``party.page_ids``: map: platform → [string])."""
    rows = {row.field: row for row in table_rows() if row.kind in (kind, COMMON)}
    parts = path.split(".")
    prefixes = [".".join(parts[:i]) for i in range(1, len(parts))]
    return any(p in rows and ("(any)" in rows[p].type or rows[p].type.startswith("map:")) for p in prefixes)


@pytest.mark.parametrize("kind", KINDS)
def test_every_documented_field_is_in_the_schema(kind: str) -> None:
    known = {_normal(p) for p in schema_paths(kind)}
    stale = sorted(path for path in _documented(kind) if path not in known)
    assert not stale, f"{kind}: docs/documents.md documents fields the schema does not have: {stale}"


def test_the_tables_name_every_rule_that_exists(checker: Checker) -> None:
    """Rule ids in the tables are rules of the policy set (a typo would make a pair that can never hold)."""
    named = {rule for _, _, rules in documented_fields() for rule in rules}
    assert named <= set(checker.policy_set.rules), sorted(named - set(checker.policy_set.rules))


# --- mutations -----------------------------------------------------------------------------------------------

ABSENT = object()


def _schema(kind: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


@cache
def schema_node(kind: str, path: str) -> dict[str, Any]:
    """The schema of the field at ``path`` (``<key>`` segments: any map entry), $refs and anyOf merged."""
    schema = _schema(kind)
    definitions = schema.get("definitions", {})

    def resolve(node: Any) -> dict[str, Any]:
        while isinstance(node, Mapping) and "$ref" in node:
            node = {**definitions[node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
        return dict(node) if isinstance(node, Mapping) else {}

    def options(node: dict[str, Any]) -> list[dict[str, Any]]:
        node = resolve(node)
        subs = [resolve(s) for key in ("anyOf", "oneOf") for s in node.get(key, [])]
        return [node, *[o for s in subs for o in options(s)]]

    def step(node: dict[str, Any], segment: str) -> dict[str, Any]:
        for option in options(node):
            if segment == "[]" and isinstance(option.get("items"), Mapping):
                return resolve(option["items"])
            if segment in option.get("properties", {}):
                return resolve(option["properties"][segment])
            if segment.startswith("<") and isinstance(option.get("additionalProperties"), Mapping):
                return resolve(option["additionalProperties"])
            patterns = [sub for key, sub in option.get("patternProperties", {}).items() if key != "^x-"]
            if segment.startswith("<") and patterns:  # ``^x-`` keys are extensions any object may hold
                return resolve(patterns[0])
            if isinstance(option.get("additionalProperties"), Mapping) and not segment.startswith("<"):
                return resolve(option["additionalProperties"])
        return {}

    node = resolve(schema)
    for segment in segments(path):
        node = step(node, segment)
    merged: dict[str, Any] = {}
    for option in options(node):
        for key, value in option.items():
            if key == "enum":
                merged["enum"] = [*merged.get("enum", []), *value]
            elif key == "type":
                types = value if isinstance(value, list) else [value]
                merged["type"] = [*merged.get("type", []), *types]
            else:
                merged.setdefault(key, value)
    return merged


def segments(path: str) -> list[str]:
    return [s for s in re.split(r"\.|(\[\])", path) if s]


# Names and ids that break rules by matching: blocklisted entities, a blocklisted registry id and person, a
# country outside the EU.
STRINGS = (
    "",
    "x",
    "unknown",
    "Cambridge Analytica",
    "SCL Group Limited",
    "GB-COH:05514098",
    "Alexander Nix",
    "US",
)
DATES = ("1990-01-01", "2018-01-01", "2025-10-09", "2026-08-01", "2026-09-13", "2026-11-22", "2100-01-01")
NUMBERS = (0, 1, 2, 4, 5, 13, 17, 18, 50, 99, 101, 471, 999, 1001, 100000, 10**9)


def candidate_values(kind: str, path: str, strings: tuple[str, ...]) -> list[Any]:
    """Values to try at ``path``: absent first, then what the schema allows there."""
    node = schema_node(kind, path)
    types = node.get("type", [])
    types = types if isinstance(types, list) else [types]
    values: list[Any] = [ABSENT]
    if "enum" in node:
        values += node["enum"]
    if "boolean" in types:
        values += [True, False, "unknown"]
    if "null" in types:
        values.append(None)
    if "array" in types:
        values.append([])
    if "object" in types:
        values.append({})
    if "integer" in types or "number" in types:
        low, high = node.get("minimum", -(10**12)), node.get("maximum", 10**12)
        values += [n for n in NUMBERS if low <= n <= high]
        if "number" in types:
            values += [0.5, 2.5, 4.9]
    if "string" in types and "enum" not in node:
        if "date" in node.get("format", "") or "date" in json.dumps(node):
            values += list(DATES)
        values += [*STRINGS, *strings]
    if "array" in types:
        items = schema_node(kind, f"{path}[]")
        item_types = items.get("type", [])
        for value in candidate_values(kind, f"{path}[]", strings)[1:]:
            if value is not None and not isinstance(value, list | dict):
                values.append([value])
        if "object" in (item_types if isinstance(item_types, list) else [item_types]):
            values.append([{}])
    unique: list[Any] = []
    for value in values:
        if not any(value is u or (type(value) is type(u) and value == u) for u in unique):
            unique.append(value)
    return unique


def mutants(data: Any, parts: list[str], value: Any) -> Iterator[Any]:
    """Copies of ``data`` with the field at ``parts`` set to ``value`` (ABSENT: removed), one per place the path
    reaches (each array element, each map key); missing objects on the way are created."""
    if not parts:
        yield value
        return
    head, rest = parts[0], parts[1:]
    if head == "[]":
        items = data if isinstance(data, list) else []
        if not items:
            if value is ABSENT:
                return
            for inner in mutants({}, rest, value):
                yield [inner]
            return
        for i, item in enumerate(items[:4]):
            for inner in mutants(item, rest, value):
                if inner is ABSENT:
                    continue
                out = list(items)
                out[i] = inner
                yield out
        return
    if not isinstance(data, dict):
        data = {}
    keys = list(data) if head.startswith("<") else [head]
    for key in keys[:4]:
        current = data.get(key, ABSENT)
        if current is ABSENT and value is ABSENT:
            continue
        for inner in mutants(current if current is not ABSENT else {}, rest, value):
            out = dict(data)
            if inner is ABSENT:
                out.pop(key, None)
            else:
                out[key] = inner
            yield out


# --- bases: fixture entries ----------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Entry:
    name: str
    documents: tuple[dict[str, Any], ...]  # judged documents (policy_context ones are in ``context``)
    context: tuple[dict[str, Any], ...]
    as_of: str | None


@cache
def entry(path: Path) -> Entry:
    as_of = None
    if path.is_dir() and (path / CONFIG_FILE).is_file():
        as_of = load_config(path, {}, {}).as_of
    judged, context = [], []
    for item in iter_documents([path]):
        if isinstance(item, Document):
            data = {k: v for k, v in item.data.items() if k != "x-expect"}
            (context if item.kind == "policy_context" else judged).append(data)
    return Entry(str(path.relative_to(FIXTURES)), tuple(judged), tuple(context), as_of)


@cache
def bases(rule: str) -> list[Entry]:
    """The entries to mutate for ``rule``: its own fixtures, allow first; then the platform fixtures
    (``fixtures/native``) with a document of the rule's kind, which alone carry a platform's own JSON."""
    kind = PREFIX_KINDS.get(rule.split("-", maxsplit=1)[0])
    native = [
        found
        for found in map(entry, _entry_paths(sorted((FIXTURES / "native").glob("*"))))
        if kind is None or any(d.get("kind") == kind for d in found.documents)
    ]
    return [*map(entry, _entry_paths([FIXTURES / "rules" / rule])), *native]


def _entry_paths(folders: list[Path]) -> list[Path]:
    order = ("allow", "not_applicable", "warn", "needs_review", "deny")
    paths = [p for f in folders for v in order for p in sorted((f / v).glob("*")) if not p.name.startswith(".")]
    return [p for p in paths if p.is_dir() or p.suffix in (".yaml", ".yml", ".json")]


_checkers: dict[str, Checker] = {}


def checker_for(context: tuple[dict[str, Any], ...], as_of: str | None) -> Checker:
    """One prepared checker per (context documents, date): a context document is merged once, not per check."""
    key = json.dumps([context, as_of], sort_keys=True, default=str)
    if key not in _checkers:
        files = []
        for document in context:
            handle = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8")  # noqa: SIM115
            with handle:
                yaml.safe_dump(document, handle, allow_unicode=True)
            files.append(handle.name)
        _checkers[key] = Checker(as_of=as_of or AS_OF, context=files)
    return _checkers[key]


def outcome_in_context(checker: Checker, context: dict[str, Any], documents: list[dict[str, Any]]) -> Outcome | None:
    """The findings of ``documents`` with ``context`` as the whole policy context: the rules get it, and the name
    index built from it, as the engine gives them any context. Whole, not merged over the bundled context: a
    context file can only add to a map (maps merge key by key), so a value that removes or replaces a bundled
    entry (a blocklisted vendor, an election, a platform's dates) is shown only this way. The checker is kept:
    only the engine's data changes, back to the checker's own after the check. None for a context the schema
    refuses (no user could give it)."""
    if bundled_schemas().validate(context):
        return None
    stages = checker.stages
    kept = stages.base_context
    stages.base_context = PolicyContext(data=context)
    try:
        return outcome(checker, documents)
    finally:
        stages.base_context = kept


Outcome = frozenset[tuple[str, str, str, str, str]]


def outcome(checker: Checker | None, documents: list[dict[str, Any]]) -> Outcome | None:
    """Every finding (rule, document, status, path, reason), or None when the documents could not be judged."""
    if checker is None:
        return None
    try:
        report = checker.check_documents(documents)
    except EthiqError:  # a context the engine refuses (an empty party name): not a judgement
        return None
    if report.problems:
        return None
    return frozenset((f.rule_id, f.document_id, str(f.status), f.json_path, f.variant) for f in report.findings)


@cache
def base_outcome(name: str) -> Outcome | None:
    """An entry's findings as it is, its context documents given to the checker."""
    base = entry(FIXTURES / name)
    return outcome(checker_for(base.context, base.as_of), list(base.documents))


def strings_of(documents: tuple[dict[str, Any], ...]) -> tuple[str, ...]:
    """Short strings found in the entry's documents: names and ids a field can be set to, to match or clash."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str) and len(node) <= 60 and node not in found:
            found.append(node)

    for document in documents:
        walk(document)
    return tuple(found[:40])


def _contract_data() -> dict[str, Any]:
    data = yaml.safe_load(OVERRIDES.read_text(encoding="utf-8")) or {}
    assert isinstance(data, dict), f"{OVERRIDES}: a mapping with `values` and `unread`"
    return data


@cache
def overrides() -> dict[tuple[str, str, str], list[Any]]:
    """(kind, field, rule) -> the values to try first (``values`` in tests/data/field_contract.yaml)."""
    out: dict[tuple[str, str, str], list[Any]] = {}
    for item in _contract_data().get("values") or []:
        assert item.get("reason"), f"{item}: every chosen value says why"
        values = [ABSENT if v == "<absent>" else v for v in item["values"]]
        out[(item["kind"], item["field"], item["rule"])] = values
    return out


@cache
def unread() -> dict[tuple[str, str, str], str]:
    """Documented pairs the test does not show yet (``unproven``), each with the reason it is left: the test
    expects them still not to move, so an entry must go as soon as the rule, the table or a value is fixed."""
    out: dict[tuple[str, str, str], str] = {}
    for item in _contract_data().get("unproven") or []:
        assert item.get("reason"), f"{item}: every pair left unread says why"
        out[(item["kind"], item["field"], item["rule"])] = item["reason"]
    return out


#: Where each pair was last shown to move (entry and value), tried first: only an order of the search, never a
#: verdict (a stale witness costs the search it saves, nothing more). ``ETHIQ_CONTRACT_RECORD=FILE`` appends what
#: a run finds to FILE as JSON lines; ``tools/contract_witnesses.py FILE`` writes them here.
WITNESSES = Path(__file__).parent / "data" / "field_contract_witnesses.json"
RECORD = os.environ.get("ETHIQ_CONTRACT_RECORD")


@cache
def witnesses() -> dict[str, dict[str, tuple[str, Any]]]:
    """``kind:field`` -> rule -> (the entry, the value) that moved it when the file was written."""
    if not WITNESSES.is_file():
        return {}
    data = json.loads(WITNESSES.read_text(encoding="utf-8"))
    return {
        field: {rule: (base, ABSENT if "absent" in value else value["value"]) for rule, (base, value) in rules.items()}
        for field, rules in data.items()
    }


def _record(kind: str, path: str, rule: str, base: str, value: Any) -> None:
    if not RECORD:
        return
    shown = {"absent": True} if value is ABSENT else {"value": value}
    line = json.dumps({"field": f"{kind}:{path}", "rule": rule, "base": base, "value": shown}, default=str)
    with open(RECORD, "a", encoding="utf-8") as out:  # one short append per line: whole lines from any worker
        out.write(line + "\n")


MAX_CHECKS = 40  # per field, one check at a time: for rules that judge another kind than the field's
MAX_CONTEXT_CHECKS = 160  # per context field: a changed context costs one check of the entry, no new checker
MAX_CONTEXT_CHECKS_LEFT = 60  # at least, for a context field in each fixture of a rule it has not moved yet
MAX_BATCHED = 120  # per field and entry, checked together as copies of the document
BATCH = 30


@cache
def moved_rules(kind: str, path: str, rules: tuple[str, ...]) -> dict[str, str]:
    """For each of ``rules`` whose findings some mutation of ``path`` in a document of ``kind`` changes (a new
    fail or needs_review in an allow entry; in a deny entry also one that goes), the first such mutation.
    Bases are the rules' own fixtures, then the platform fixtures; the example campaign first when the rules' own
    hold no document of ``kind``.

    Rules of the field's own kind judge the mutated document itself, so its mutants are checked together, as
    copies with ids of their own beside an unchanged copy: a rule moved when a copy's findings differ from the
    unchanged copy's. Any other rule (a context field, an audience field an ad rule reads) is checked one
    mutant at a time, comparing all findings of the entry."""
    if not rules:
        return {}
    parts = segments(path)
    moved: dict[str, str] = {}
    entries = list({e.name: e for rule in rules for e in bases(rule)}.values())
    own = [e for e in entries if kind == "policy_context" or any(d.get("kind") == kind for d in e.documents)]
    if not any(e.name.startswith("rules/") for e in own):  # the rules' fixtures hold no document of the kind
        own.insert(0, entry(FIXTURES / "example-campaign"))
    context_kind = kind == "policy_context"
    hints = {rule: hint for rule, hint in witnesses().get(f"{kind}:{path}", {}).items() if rule in rules}
    hinted = {base for base, _ in hints.values()}
    own.sort(key=lambda e: e.name not in hinted)  # the entries that showed it last time first, else as before
    base_of = {e.name: {rule for rule in rules if e in bases(rule)} for e in own}
    checks = 0
    for base in own:
        checker = checker_for(base.context, base.as_of)
        # A context field is changed in the whole context the entry is judged with (the bundled one, its own
        # context files merged over it); a document field in the entry's documents.
        targets = [copy.deepcopy(checker.base_context.data)] if context_kind else list(base.documents)
        indices = [i for i, d in enumerate(targets) if d.get("kind") == kind]
        # A context field tries every name of the entry (a check costs little): the one a rule compares with it
        # (an ad's sponsor, a vendor's parent) may come late in the documents.
        strings = strings_of(base.documents)
        strings = strings if context_kind else strings[:12]
        values = [value for base_name, value in hints.values() if base_name == base.name]
        values += [v for rule in rules for v in overrides().get((kind, path, rule), [])]
        tried = [
            (value, index, mutated)
            for value in [*values, *candidate_values(kind, path, strings)]
            for index in indices
            for mutated in mutants(targets[index], parts, value)
            if mutated != targets[index]
        ]
        own_kind = {r for r in rules if PREFIX_KINDS.get(r.split("-")[0]) == kind}
        if not context_kind and own_kind - set(moved):
            for index in indices:
                batch = [(v, m) for v, i, m in tried if i == index][:MAX_BATCHED]
                for start in range(0, len(batch), BATCH):
                    found = _batched(checker, base, index, batch[start : start + BATCH], path)
                    for rule, (how, value) in found.items():
                        if rule in rules and rule not in moved:
                            moved[rule] = how
                            _record(kind, path, rule, base.name, value)
                    if set(moved) >= own_kind:
                        break
        if set(moved) >= set(rules):
            return moved
        before = base_outcome(base.name)
        if before is None:  # rules of the field's kind may judge it from another document (a lineage), so on
            continue
        # One at a time, in the entry as it is. The budget is shared by the entries, but a fixture of a rule not
        # yet moved (of another kind than the field's) has some of its own left: a campaign rule is not starved
        # by the audience fixtures searched before its own, nor CMP-006 by AD-013's for an election's date.
        budget = MAX_CONTEXT_CHECKS if context_kind else MAX_CHECKS
        if base_of[base.name] - set(moved) - own_kind:
            checks = min(checks, budget - (MAX_CONTEXT_CHECKS_LEFT if context_kind else MAX_CHECKS))
        for value, index, mutated in tried:
            if checks >= budget:
                break
            changed = list(targets)
            changed[index] = mutated
            checks += 1
            if context_kind:
                after = outcome_in_context(checker, mutated, list(base.documents))
            else:
                after = outcome(checker, changed)
            if after is None:
                continue
            for rule in {f[0] for f in after ^ before} & set(rules) - set(moved):
                where = "the context" if context_kind else mutated.get("id")
                moved[rule] = f"{base.name}: {where} {path} = {_shown(value)}"
                _record(kind, path, rule, base.name, value)
            if set(moved) >= set(rules):
                return moved
    return moved


def _shown(value: Any) -> str:
    return "absent" if value is ABSENT else json.dumps(value, default=str)


def _batched(
    checker: Checker, base: Entry, index: int, batch: list[tuple[Any, Any]], path: str
) -> dict[str, tuple[str, Any]]:
    """Rules whose findings on a mutated copy differ from those on an unchanged copy, each with its mutation
    (in words) and the value."""
    target = base.documents[index]
    ident = str(target.get("id"))
    copies = [{**target, "id": f"{ident}-c0"}] + [{**m, "id": f"{ident}-c{n + 1}"} for n, (_, m) in enumerate(batch)]
    try:
        report = checker.check_documents([*base.documents, *copies])
    except EthiqError:
        return {}
    broken = {p.document_id for p in report.problems}
    if None in broken or f"{ident}-c0" in broken:
        return {}
    found: dict[str, set[tuple[str, str, str, str]]] = {}
    for f in report.findings:
        variant = f.variant.replace(f.document_id, "<id>")
        found.setdefault(f.document_id, set()).add((f.rule_id, str(f.status), f.json_path, variant))
    control = found.get(f"{ident}-c0", set())
    moved: dict[str, tuple[str, Any]] = {}
    for n, (value, _) in enumerate(batch):
        copy_id = f"{ident}-c{n + 1}"
        if copy_id in broken:
            continue
        for rule in {f[0] for f in found.get(copy_id, set()) ^ control}:
            moved.setdefault(rule, (f"{base.name}: {ident} {path} = {_shown(value)}", value))
    return moved


def documented_pairs() -> dict[tuple[str, str], tuple[str, ...]]:
    pairs: dict[tuple[str, str], set[str]] = {}
    for kind, path, rules in documented_fields():
        pairs.setdefault((kind, path), set()).update(rules)
    return {key: tuple(sorted(rules)) for key, rules in sorted(pairs.items()) if rules}


def contract_fields() -> list[Any]:
    return [pytest.param(kind, path, rules, id=f"{kind}:{path}") for (kind, path), rules in documented_pairs().items()]


#: ``full``: also search the pairs listed as not yet provable, to find those that may leave the list.
FULL = os.environ.get("ETHIQ_CONTRACT") == "full"


def searched(kind: str, path: str, rules: tuple[str, ...]) -> tuple[str, ...]:
    """The rules of a field the search looks for: those expected to move it, or all of them with FULL."""
    return rules if FULL else tuple(rule for rule in rules if (kind, path, rule) not in unread())


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "path", "rules"), contract_fields())
def test_a_documented_field_moves_its_rules(kind: str, path: str, rules: tuple[str, ...]) -> None:
    moved = dict(moved_rules(kind, path, searched(kind, path, rules)))
    left = {rule for rule in rules if (kind, path, rule) in unread()}
    unread_rules = [rule for rule in searched(kind, path, rules) if rule not in moved]
    if unread_rules:  # an object feeds a rule through its fields: one of them moving it is enough
        for (child_kind, child), child_rules in documented_pairs().items():
            if (
                child_kind == kind
                and child.startswith((f"{path}.", f"{path}[]."))
                and set(child_rules) & set(unread_rules)
            ):
                for rule, how in moved_rules(child_kind, child, searched(child_kind, child, child_rules)).items():
                    moved.setdefault(rule, how)
    fixed = sorted(left & set(moved))
    assert not fixed, f"{kind} {path} now moves {fixed}: remove them from `unproven` in {OVERRIDES.name} ({moved})"
    missing = [rule for rule in rules if rule not in moved and rule not in left]
    assert not missing, (
        f"docs/documents.md says {kind} field {path} feeds {', '.join(missing)}, but no value of it changes their "
        f"outcome in their fixtures: fix the table or the rule, or name the value in "
        f"{OVERRIDES.relative_to(ROOT)} with the reason (moved: {moved})"
    )


def test_overrides_name_documented_pairs() -> None:
    pairs = {(kind, path, rule) for (kind, path), rules in documented_pairs().items() for rule in rules}
    stale = sorted((set(overrides()) | set(unread())) - pairs)
    assert not stale, stale


def test_the_mutation_finds_a_known_pair_and_refuses_a_wrong_one() -> None:
    """The check itself can fail: a field documented for a rule that does not read it finds nothing."""
    assert "VEN-009" in moved_rules("vendor", "services_declared.psychographic_profiling", ("VEN-009",))
    assert moved_rules("vendor", "country", ("VEN-009",)) == {}
