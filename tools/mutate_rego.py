#!/usr/bin/env python3
"""Mutation testing of the Rego library: does a small change to a rule make some test fail?

Each mutant makes one change to one line of ``policies/lib/*.rego`` or ``policies/rules/*.rego`` (test files
excluded):

    negate      a comparison turned around: ``==`` <-> ``!=``, ``<`` <-> ``>=``, ``>`` <-> ``<=``
    delete      a statement of a rule body removed (the line left blank, so every other line keeps its number)
    not-        a leading ``not`` removed
    not+        a ``not`` put before a statement
    string      a string literal changed (an enum member, a set member, a key)
    number      a number literal moved by one

A mutant that the policy set no longer loads with (a parse or compile error, an unsafe variable) is invalid
and not counted. A valid mutant is run against the Rego unit tests (``ethiq test``; the tests of the mutated
package first, stopping at the first failure) and, when they all pass, against the fixture table (every
``allow``/``warn``/``deny``/``invalid`` entry: its exit code and its exact ``x-expect`` findings, in this
process). It is killed by the first that fails, else it survives.

The score is killed / (valid - equivalent). An equivalent mutant cannot change any verdict (a redundant
guard, a string only a message uses); ``tools/mutants-equivalent.txt`` lists them by their stable key
(file, operator, the line's text, the occurrence and the replacement: no line number, so the key survives
edits elsewhere) with the reason.

    python tools/mutate_rego.py --sample 200 --seed 1 --jobs 2     # what `make mutate` runs
    python tools/mutate_rego.py --list                              # the mutants, not run
    python tools/mutate_rego.py --files 'policies/lib/data_sources.rego' --operators string

The report also counts the mutants that may turn a blocking verdict into a pass: those whose change a ``deny``
rule reads (a static call graph from each rule's ``deny``/``warn``/``info`` body over the Rego text), or that no
rule is known to read. Every one of those must be killed or listed equivalent.

``--resume FILE`` takes the results of an earlier run (its ``.partial.jsonl``) and runs again only the mutants of
the sample that it did not record as killed or invalid (tests are only ever added, so a kill stays a kill).
``--rescore FILE`` scores such a file again with the current list of equivalent mutants, running nothing.

Before any mutant, the unmutated policies must pass every Rego unit test and every fixture entry (else a
broken entry would count each mutant reaching it as killed): the run stops with exit code 2 if they do not.

Exit code: 0 when the score meets ``--target`` (default 95) and no blocking mutant survives, 1 when not, 2 on
usage errors or a failure with no mutant in place.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import multiprocessing
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLICIES = ROOT / "policies"
FIXTURES = ROOT / "fixtures"
EQUIVALENT = Path(__file__).with_name("mutants-equivalent.txt")
AS_OF = "2026-11-23"  # the fixture table's date for entries that do not pin their own
OPERATORS = ("negate", "delete", "not-", "not+", "string", "number")
VERDICT_FOLDERS = {"allow": 0, "warn": 0, "deny": 1, "invalid": 2}
SCRATCH = "ETHIQ_MUTATE_SCRATCH"  # the run's scratch directory, removed at its end; each process copies into it

# --- mutants -------------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Mutant:
    file: str  # relative to the repository root
    line: int  # 1-based
    operator: str
    original: str  # the line as it was
    mutated: str  # the line as the mutant has it
    occurrence: int  # which match on the line the change is at
    twin: int = 0  # how many earlier lines of the file read the same (a repeated statement)

    @property
    def key(self) -> str:
        """Stable across edits elsewhere in the file: no line number, only the line's own text."""
        parts = (self.file, self.operator, self.original.strip(), str(self.occurrence), self.mutated.strip())
        text = "\x1f".join((*parts, str(self.twin)))
        return f"{Path(self.file).stem}:{self.operator}:{hashlib.sha256(text.encode()).hexdigest()[:12]}"

    def describe(self) -> str:
        return f"{self.file}:{self.line} [{self.operator}] {self.original.strip()!r} -> {self.mutated.strip()!r}"


STRING = re.compile(r'"(?:[^"\\]|\\.)*"|`[^`]*`')
COMPARISONS = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}
COMPARISON = re.compile(r"(?<![:=!<>])(==|!=|<=|>=|<|>)(?![=])")
NUMBER = re.compile(r"(?<![\w.\"-])(\d+(?:\.\d+)?)(?![\w.])")


def _masked(line: str) -> str:
    """The line with string literals and a trailing comment blanked out, so matches fall in code only."""
    out = STRING.sub(lambda m: '"' + " " * (len(m.group()) - 2) + '"', line)
    hash_at = out.find("#")
    return out if hash_at < 0 else out[:hash_at] + " " * (len(out) - hash_at)


def _body_lines(lines: list[str]) -> set[int]:
    """Indices of lines inside a rule body (brace depth > 0 after a rule head), METADATA and comments left out."""
    depth = 0
    inside: set[int] = set()
    for index, line in enumerate(lines):
        code = _masked(line)
        if depth > 0 and code.strip() and not line.lstrip().startswith("#"):
            inside.add(index)
        depth += code.count("{") + code.count("[") + code.count("(")
        depth -= code.count("}") + code.count("]") + code.count(")")
        depth = max(depth, 0)
    return inside


def _statement(line: str) -> bool:
    """A line that is one whole statement of a body: not a brace, not a continuation, not a head."""
    code = _masked(line).strip()
    if not code or code in ("}", "{", "} else {", "]", ")", "},", "],"):
        return False
    if code.endswith(("{", "[", "(", ",", "|")) or code.startswith(("}", "]", ")", "else", "|")):
        return False
    opens = code.count("{") + code.count("[") + code.count("(")
    closes = code.count("}") + code.count("]") + code.count(")")
    return opens == closes


def mutants_of(path: Path) -> Iterator[Mutant]:
    rel = str(path.relative_to(ROOT))
    lines = path.read_text(encoding="utf-8").splitlines()
    body = _body_lines(lines)
    seen: Counter[str] = Counter()
    for index, line in enumerate(lines):
        for mutant in _line_mutants(rel, lines, body, index, line):
            yield dataclasses.replace(mutant, twin=seen[line.strip()])
        seen[line.strip()] += 1


def _line_mutants(rel: str, lines: list[str], body: set[int], index: int, line: str) -> Iterator[Mutant]:
    """The mutants of one line (``index`` 0-based)."""
    stripped = line.strip()
    if stripped.startswith(("#", "package ", "import ")) or not stripped:
        return
    code = _masked(line)
    in_body = index in body
    number = index + 1
    for n, match in enumerate(COMPARISON.finditer(code)):
        start, end = match.span()
        yield Mutant(rel, number, "negate", line, line[:start] + COMPARISONS[match.group()] + line[end:], n)
    if in_body and _statement(line):
        yield Mutant(rel, number, "delete", line, "", 0)
        indent = line[: len(line) - len(line.lstrip())]
        if stripped.startswith("not "):
            yield Mutant(rel, number, "not-", line, indent + stripped[4:], 0)
        elif not re.match(r"^(some|every|default|import)\b", stripped) and ":=" not in code and " = " not in code:
            yield Mutant(rel, number, "not+", line, indent + "not " + stripped, 0)
    for n, match in enumerate(STRING.finditer(line)):
        if match.start() >= len(code) or code[match.start()] not in ('"', "`"):
            continue
        literal = match.group()
        if literal.startswith("`") or len(literal) > 60:
            continue
        inner = literal[1:-1]
        replacement = '"' + (inner + "_mutant" if inner else "mutant") + '"'
        yield Mutant(rel, number, "string", line, line[: match.start()] + replacement + line[match.end() :], n)
    for n, match in enumerate(NUMBER.finditer(code)):
        value = match.group(1)
        moved = str(float(value) + 1) if "." in value else str(int(value) + 1)
        start, end = match.span(1)
        yield Mutant(rel, number, "number", line, line[:start] + moved + line[end:], n)


def policy_files(patterns: list[str]) -> list[Path]:
    """The library and rule files (tests left out), or those matching one of ``patterns``."""
    files = sorted({*POLICIES.glob("lib/*.rego"), *POLICIES.glob("rules/*.rego")})
    files = [f for f in files if not f.name.endswith("_test.rego")]
    if patterns:
        files = [f for f in files if any(Path(str(f.relative_to(ROOT))).match(p) for p in patterns)]
    return files


def all_mutants(patterns: list[str]) -> list[Mutant]:
    return [m for f in policy_files(patterns) for m in mutants_of(f)]


def sample(mutants: list[Mutant], size: int, seed: int) -> list[Mutant]:
    """A stratified sample: each (operator, library or rules) stratum in proportion to its size, at least one;
    then one mutant of every file the strata left out, so each policy file is represented (the sample may be
    larger than ``size`` by that many); then random mutants up to ``size``."""
    if size >= len(mutants):
        return mutants
    rng = random.Random(seed)
    strata: dict[tuple[str, str], list[Mutant]] = defaultdict(list)
    for mutant in mutants:
        strata[(mutant.operator, Path(mutant.file).parent.name)].append(mutant)
    chosen: list[Mutant] = []
    for key in sorted(strata):
        group = strata[key]
        share = max(1, math.floor(size * len(group) / len(mutants)))
        chosen += rng.sample(group, min(share, len(group)))
    represented = {m.file for m in chosen}
    for file in sorted({m.file for m in mutants} - represented):
        chosen.append(rng.choice([m for m in mutants if m.file == file]))
    taken = set(chosen)
    rest = [m for m in mutants if m not in taken]
    chosen += rng.sample(rest, max(0, size - len(chosen)))
    # Run in a shuffled order, so that the part of a run that is done is a sample of the sample.
    chosen = sorted(chosen, key=lambda m: (m.file, m.line, m.operator, m.occurrence))
    rng.shuffle(chosen)
    return chosen


def equivalents() -> dict[str, str]:
    """Key -> reason, from tools/mutants-equivalent.txt (``KEY  reason``; ``#`` starts a comment line)."""
    out: dict[str, str] = {}
    if EQUIVALENT.is_file():
        for raw in EQUIVALENT.read_text(encoding="utf-8").splitlines():
            if raw.strip() and not raw.lstrip().startswith("#"):
                key, _, reason = raw.strip().partition(" ")
                out[key] = reason.strip()
    return out


# --- what a mutant can reach ----------------------------------------------------------------------------------

VERDICT_SETS = ("deny", "warn", "info")  # the rules' entry points; only `deny` blocks (fail or needs_review)
HEAD = re.compile(r"^(?:default\s+)?([A-Za-z_]\w*)")
QUALIFIED = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\.([A-Za-z_]\w*)")
BARE = re.compile(r"(?<![\w.])([A-Za-z_]\w*)")
RULE_ID = re.compile(r"^#\s+id:\s*(\S+)")


@dataclasses.dataclass
class Reach:
    """Which verdict sets (and which rules by id) read each definition of the policy files, by a static
    call graph over the Rego text: a definition is a top-level rule or function (all bodies of one name in
    one package are one node); each ``deny``/``warn``/``info`` body is a node of its own, named by the rule id
    of its METADATA. An edge is a reference to a name the same package defines or to ``alias.name`` of an
    imported package. Over-approximate where a local variable shares a name with a rule (more reach, never
    less)."""

    nodes: dict[tuple[str, int], tuple[str, str]]  # (file, line) -> node (package, name)
    readers: dict[tuple[str, str], set[tuple[str, str]]]  # node -> the verdict bodies that reach it

    @classmethod
    def of(cls, files: list[Path], root: Path = ROOT) -> Reach:
        nodes: dict[tuple[str, int], tuple[str, str]] = {}
        defined: dict[str, set[str]] = defaultdict(set)
        bodies: dict[tuple[str, str], list[str]] = defaultdict(list)
        aliases: dict[str, dict[str, str]] = {}
        for path in files:
            rel = str(path.relative_to(root))
            lines = path.read_text(encoding="utf-8").splitlines()
            package = ""
            imports: dict[str, str] = {}
            current: tuple[str, str] | None = None
            rule_id = ""
            for number, line in enumerate(lines, 1):
                if line.startswith("package "):
                    package = line.split()[1]
                    continue
                if line.startswith("import "):
                    words = line.split()
                    target = words[1].removeprefix("data.")
                    imports[words[3] if len(words) > 3 and words[2] == "as" else target.rsplit(".", 1)[1]] = target
                    continue
                found = RULE_ID.match(line)
                if found:
                    rule_id = found.group(1)
                head = HEAD.match(line) if line[:1].isalpha() or line[:1] == "_" else None
                if head:
                    name = head.group(1)
                    if name in VERDICT_SETS and package.startswith("ethiq.rules."):
                        name = f"{name}:{rule_id or f'{path.name}:{number}'}"
                    rule_id = ""
                    current = (package, name)
                    defined[package].add(name)
                if current is not None and current[0] == package:
                    nodes[(rel, number)] = current
                    bodies[current].append(_masked(line))
            aliases[package] = {**aliases.get(package, {}), **imports}
        edges: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for (package, name), texts in bodies.items():
            imports = aliases.get(package, {})
            for text in texts:
                for alias, member in QUALIFIED.findall(text):
                    if alias in imports and member in defined.get(imports[alias], ()):
                        edges[(package, name)].add((imports[alias], member))
                for word in BARE.findall(text):
                    if word in defined[package] and word != name:
                        edges[(package, name)].add((package, word))
        readers: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for entry in [n for n in bodies if n[1].split(":")[0] in VERDICT_SETS and n[0].startswith("ethiq.rules.")]:
            seen, todo = {entry}, [entry]
            while todo:
                for nxt in edges.get(todo.pop(), ()):
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            for node in seen:
                readers[node].add(entry)
        return cls(nodes, readers)

    def rules(self, mutant: Mutant) -> list[str]:
        """``deny:AUD-002``-style names of the verdict bodies that read the mutated line's definition."""
        node = self.nodes.get((mutant.file, mutant.line))
        return sorted(name for _, name in self.readers.get(node, set())) if node else []

    def blocking(self, mutant: Mutant) -> bool:
        """A deny rule reads the mutated definition, or no rule is known to (then it is counted blocking: an
        entry point the engine evaluates itself, such as the lineage facts, may feed a deny rule)."""
        rules = self.rules(mutant)
        return not rules or any(r.startswith("deny:") for r in rules)


# --- running a mutant ----------------------------------------------------------------------------------------


class Runner:
    """One process's copy of the policies, patched in as the bundled library, and the fixture table's baseline."""

    def __init__(self) -> None:
        from ethiq.engine.evaluate import policies

        self.workdir = Path(tempfile.mkdtemp(prefix="ethiq-mutate-", dir=os.environ.get(SCRATCH)))
        self.copy = self.workdir / "policies"
        shutil.copytree(POLICIES, self.copy, ignore=shutil.ignore_patterns("__pycache__"))
        policies.bundled_policy_dir = lambda: self.copy  # type: ignore[assignment]
        self.entries = fixture_entries()

    def run(self, mutant: Mutant) -> dict[str, Any]:
        started = time.perf_counter()
        target = self.copy / Path(mutant.file).relative_to("policies")
        original = target.read_text(encoding="utf-8")
        lines = original.splitlines(keepends=True)
        ending = "\n" if lines[mutant.line - 1].endswith("\n") else ""
        lines[mutant.line - 1] = mutant.mutated + ending
        target.write_text("".join(lines), encoding="utf-8")
        try:
            status, detail = self._judge(mutant)
        except Exception as err:  # a defect of the runner on one mutant must not lose the others
            status, detail = "error", f"{type(err).__name__}: {err}"
        finally:
            target.write_text(original, encoding="utf-8")
        return {"key": mutant.key, "status": status, "detail": detail, "seconds": time.perf_counter() - started}

    def _judge(self, mutant: Mutant) -> tuple[str, str]:
        from ethiq.engine.errors import EthiqError
        from ethiq.engine.evaluate import load_policy_set
        from ethiq.engine.graph import build_context

        context = build_context()
        try:
            load_policy_set([], probe_data=context.rego_data())
        except EthiqError as err:
            return "invalid", str(err).splitlines()[0][:200]
        killed = self._rego_tests(mutant, context.rego_data())
        if killed:
            return ("invalid", killed[1]) if killed[0] == "invalid" else ("killed_rego", killed[1])
        killed_by = self._fixture_table(kinds_judged_through(mutant.file))
        if killed_by:
            return "killed_fixtures", killed_by
        return "survived", ""

    def _rego_tests(self, mutant: Mutant | None, data: dict[str, Any]) -> tuple[str, str] | None:
        from ethiq.engine.errors import EthiqError
        from ethiq.engine.evaluate.evaluator import PreparedEngine
        from ethiq.engine.evaluate.policies import discover_modules
        from ethiq.engine.evaluate.testing import find_tests

        modules = discover_modules([], include_tests=True)
        engine = PreparedEngine(((m.path, m.text) for m in modules), data)
        engine.set_input({})
        stem = Path(mutant.file).stem if mutant else ""
        tests = sorted(find_tests(engine.ast()), key=lambda t: (Path(t.file).stem != f"{stem}_test", t.file, t.line))
        for test in tests:
            try:
                value = engine.eval_rule(test.rule)
            except EthiqError as err:
                message = str(err)
                if re.search(r"unsafe|var .* is unsafe|parse|not defined|undefined function", message, re.I):
                    return "invalid", message.splitlines()[0][:200]
                return "killed", f"{test.package}.{test.name}: error"
            if value is not True:
                return "killed", f"{test.package}.{test.name}"
        return None

    def _fixture_table(self, kinds: set[str]) -> str | None:
        """The first entry whose verdict or findings differ from what it expects. Only entries holding a document
        a mutated package judges can change, and an invalid entry's exit code comes from its schema violation."""
        from ethiq import Checker

        checkers: dict[tuple[str, tuple[str, ...]], Any] = {}
        for entry in self.entries:
            if entry.exit_code == 2 or not entry.kinds & kinds:
                continue
            checker = checkers.get((entry.as_of, entry.context))
            if checker is None:
                checker = checkers[(entry.as_of, entry.context)] = Checker(
                    as_of=entry.as_of, context=list(entry.context)
                )
            report = checker.check([entry.path])
            where = entry.path.relative_to(FIXTURES)
            if int(report.exit_code) != entry.exit_code:
                return f"{where}: exit {int(report.exit_code)}, expected {entry.exit_code}"
            found: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
            for f in report.findings:
                found[f.document_id].add((f.rule_id, str(f.status), f.json_path))
            for document, items in entry.expected.items():
                got = found.get(document, set())
                for finding in got:
                    if not any(_matches(e, finding) for e in items):
                        return f"{where}: {document} unexpected {finding}"
                for item in items:
                    if not any(_matches(item, finding) for finding in got):
                        return f"{where}: {document} missing {item}"
        return None

    def baseline(self) -> str | None:
        """What fails with no mutant in place: a Rego unit test or a fixture entry. Any failure there would
        count every mutant that reaches it as killed, so a run does not start on it."""
        from ethiq.engine.graph import build_context

        failed = self._rego_tests(None, build_context().rego_data())
        if failed:
            return failed[1]
        return self._fixture_table({"vendor", "data_source", "audience", "account", "ad", "campaign"})

    def close(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)


def _matches(expected: tuple[str, str, str | None], found: tuple[str, str, str]) -> bool:
    rule, status, path = expected
    return (rule, status) == found[:2] and (path is None or path == found[2])


def kinds_judged_through(file: str) -> set[str]:
    """The document kinds whose rules use the package of ``file``, directly or through other packages."""
    packages: dict[str, tuple[str, set[str]]] = {}  # package -> (file, imported packages)
    for path in [*POLICIES.glob("lib/*.rego"), *POLICIES.glob("rules/*.rego")]:
        if path.name.endswith("_test.rego"):
            continue
        text = path.read_text(encoding="utf-8")
        package = re.search(r"^package\s+([\w.]+)", text, re.M)
        if package:
            imports = set(re.findall(r"^import\s+data\.([\w.]+)", text, re.M))
            _, known = packages.get(package.group(1), ("", set()))
            packages[package.group(1)] = (str(path.relative_to(ROOT)), known | imports)
    own = next(p for p, (f, _) in packages.items() if f == file or file in _files_of(packages, p))
    users = {own}
    while True:
        more = {p for p, (_, imports) in packages.items() if imports & users} - users
        if not more:
            break
        users |= more
    kinds = {p.rsplit(".", 1)[1] for p in users if p.startswith("ethiq.rules.")}
    everything = {"vendor", "data_source", "audience", "account", "ad", "campaign"}
    return everything if "all" in kinds else kinds & everything


def _files_of(packages: dict[str, tuple[str, set[str]]], package: str) -> set[str]:
    """Files declaring ``package`` (a package may span files: rules/audience.rego and audience_native.rego)."""
    out = set()
    for path in [*POLICIES.glob("lib/*.rego"), *POLICIES.glob("rules/*.rego")]:
        if not path.name.endswith("_test.rego") and re.search(
            rf"^package\s+{re.escape(package)}\s*$", path.read_text(encoding="utf-8"), re.M
        ):
            out.add(str(path.relative_to(ROOT)))
    return out


@dataclasses.dataclass(frozen=True)
class Entry:
    """One entry of the fixture table, read as tests/test_fixtures.py reads it."""

    path: Path
    exit_code: int
    as_of: str
    context: tuple[str, ...]  # its own context files, named as ``--context`` names them
    expected: dict[str, list[tuple[str, str, str | None]]]  # document id -> exact expected findings
    kinds: frozenset[str]


def fixture_entries() -> list[Entry]:
    """Every entry of the fixture table: path, exit code, date, named context, each document's exact expected
    findings. A context among the checked files may only add to the policy, so an entry's own context is named:
    a pinned entry's ``ethiq.toml`` names it, any other directory entry's ``context.yaml`` is named."""
    from ethiq.engine.config import CONFIG_FILE, load_config
    from ethiq.engine.read import Document, iter_documents

    out = []
    for folder in sorted(p for p in FIXTURES.rglob("*") if p.is_dir() and p.name in VERDICT_FOLDERS):
        if any((parent / "PENDING").is_file() for parent in (folder, *folder.parents) if FIXTURES in parent.parents):
            continue
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith(".") or (entry.is_file() and entry.suffix not in (".json", ".yaml", ".yml")):
                continue
            pinned = entry.is_dir() and (entry / CONFIG_FILE).is_file()
            config = load_config(entry, {}, {}) if pinned else None
            as_of = (config.as_of if config else None) or AS_OF
            if config is not None:
                context = tuple(str(path) for path in config.context)
            elif entry.is_dir() and (entry / "context.yaml").is_file():
                context = (str(entry / "context.yaml"),)
            else:
                context = ()
            expected: dict[str, list[tuple[str, str, str | None]]] = {}
            kinds: set[str] = set()
            for item in iter_documents([entry]):
                if isinstance(item, Document) and item.kind:
                    kinds.add(item.kind)
                if isinstance(item, Document) and "x-expect" in item.data:
                    items = expected.setdefault(item.id or "", [])
                    for text in item.data["x-expect"]:
                        if text != "none":
                            parts = str(text).split()
                            items.append((parts[0], parts[1], parts[2] if len(parts) > 2 else None))
            out.append(Entry(entry, VERDICT_FOLDERS[folder.name], as_of, context, expected, frozenset(kinds)))
    return out


_runners: list[Runner] = []  # this process's runner, once made


def _init() -> None:
    _runners.append(Runner())


def _run(mutant: Mutant) -> dict[str, Any]:
    return _runners[0].run(mutant)


# --- the report ----------------------------------------------------------------------------------------------


def report(mutants: list[Mutant], results: list[dict[str, Any]], known: dict[str, str], reach: Reach) -> dict[str, Any]:
    by_key = {m.key: m for m in mutants}
    counts = Counter(r["status"] for r in results)
    valid = [r for r in results if r["status"] not in ("invalid", "error")]
    equivalent = [r for r in valid if r["status"] == "survived" and r["key"] in known]
    survivors = [r for r in valid if r["status"] == "survived" and r["key"] not in known]
    killed = [r for r in valid if r["status"].startswith("killed")]
    judged = len(valid) - len(equivalent)
    score = 100.0 * len(killed) / judged if judged else 100.0
    # The mutants that may turn a blocking verdict into a pass: a deny rule reads what they change.
    blocking = [r for r in valid if r not in equivalent and reach.blocking(by_key[r["key"]])]
    blocking_killed = [r for r in blocking if r["status"].startswith("killed")]
    return {
        "mutants": len(results),
        "counts": dict(sorted(counts.items())),
        "valid": len(valid),
        "equivalent": len(equivalent),
        "killed": len(killed),
        "killed_by_rego_tests": counts.get("killed_rego", 0),
        "killed_by_fixture_table": counts.get("killed_fixtures", 0),
        "score_percent": round(score, 1),
        "blocking": len(blocking),
        "blocking_killed": len(blocking_killed),
        "blocking_score_percent": round(100.0 * len(blocking_killed) / len(blocking), 1) if blocking else 100.0,
        "by_operator": {
            op: {
                "valid": sum(1 for r in valid if by_key[r["key"]].operator == op),
                "killed": sum(1 for r in killed if by_key[r["key"]].operator == op),
            }
            for op in OPERATORS
        },
        "survivors": [
            {
                "key": r["key"],
                "mutant": by_key[r["key"]].describe(),
                "blocking": reach.blocking(by_key[r["key"]]),
                "read_by": reach.rules(by_key[r["key"]]),
            }
            for r in survivors
        ],
        "equivalent_mutants": [
            {"key": r["key"], "mutant": by_key[r["key"]].describe(), "reason": known[r["key"]]} for r in equivalent
        ],
        "killed_by_killers": Counter(r["detail"].split(":")[0] for r in killed).most_common(10),
        "errors": [{"key": r["key"], "detail": r["detail"]} for r in results if r["status"] == "error"],
    }


def _recorded(path: Path, chosen: list[Mutant], *, survivors: bool = False) -> list[dict[str, Any]]:
    """The kills and invalid mutants of ``chosen`` that an earlier run recorded in ``path`` (JSON Lines), and
    with ``survivors`` its other results too."""
    recorded: dict[str, dict[str, Any]] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.strip():
            try:
                item = json.loads(raw)
            except json.JSONDecodeError as err:  # a usage error (exit 2): another file than a run's results
                print(f"{path}:{number}: not a run's results in JSON Lines ({err.msg}): give its .partial.jsonl")
                raise SystemExit(2) from err
            if survivors or item["status"].startswith("killed") or item["status"] == "invalid":
                recorded[item["key"]] = item
    return [recorded[m.key] for m in chosen if m.key in recorded]


def _print_outcome(outcome: dict[str, Any], path: str) -> None:
    print(
        f"mutation score {outcome['score_percent']} %: {outcome['killed']} killed "
        f"({outcome['killed_by_rego_tests']} by the Rego unit tests, {outcome['killed_by_fixture_table']} by the "
        f"fixture table) of {outcome['valid']} valid mutants, {outcome['equivalent']} equivalent, "
        f"{len(outcome['survivors'])} survived, {outcome['counts'].get('invalid', 0)} invalid; report {path}"
    )
    print(
        f"blocking: {outcome['blocking_killed']} killed of {outcome['blocking']} non-equivalent mutants a deny rule "
        f"reads ({outcome['blocking_score_percent']} %, target 100 %), "
        f"{outcome['blocking'] - outcome['blocking_killed']} blocking survivor(s)"
    )
    for survivor in outcome["survivors"]:
        kind = "blocking" if survivor["blocking"] else "non-blocking"
        names = survivor["read_by"]
        rules = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "") or "no rule known"
        print(f"  survivor ({kind}: {rules}) {survivor['key']}  {survivor['mutant']}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="run a stratified sample of N mutants (0: all)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the sample")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (the machine is shared: 1 or 2)")
    parser.add_argument("--files", action="append", default=[], help="only files matching this glob (repeatable)")
    parser.add_argument("--operators", default=",".join(OPERATORS), help="comma-separated operators to use")
    parser.add_argument("--key", action="append", default=[], help="only the mutant with this key (repeatable)")
    parser.add_argument("--list", action="store_true", help="list the mutants with their keys, run nothing")
    parser.add_argument("--resume", help="reuse the kills and invalid mutants recorded in this results file (JSONL)")
    parser.add_argument("--rescore", help="score the results recorded in this file (JSONL) again, running nothing")
    parser.add_argument("--report", default=str(ROOT / "build" / "mutation-report.json"), help="JSON report path")
    parser.add_argument("--target", type=float, default=95.0, help="the score (percent) below which to exit 1")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    operators = set(args.operators.split(","))
    if not operators <= set(OPERATORS):
        parser.error(f"unknown operators: {', '.join(sorted(operators - set(OPERATORS)))}")
    mutants = [m for m in all_mutants(args.files) if m.operator in operators]
    if args.key:
        mutants = [m for m in mutants if m.key in set(args.key)]
    chosen = sample(mutants, args.sample, args.seed) if args.sample else mutants
    if args.list:
        for mutant in chosen:
            print(f"{mutant.key}  {mutant.describe()}")
        print(f"{len(chosen)} of {len(mutants)} mutants", file=sys.stderr)
        return 0
    scratch = tempfile.mkdtemp(prefix="ethiq-mutate-")
    os.environ[SCRATCH] = scratch  # the worker processes inherit it
    try:
        return _execute(args, mutants, chosen)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _execute(args: argparse.Namespace, mutants: list[Mutant], chosen: list[Mutant]) -> int:
    earlier = args.rescore or args.resume
    results = _recorded(Path(earlier), chosen, survivors=bool(args.rescore)) if earlier else []
    if earlier:
        print(f"{len(results)} results reused from {earlier}", file=sys.stderr)
    done_keys = {r["key"] for r in results}
    chosen_to_run = [] if args.rescore else [m for m in chosen if m.key not in done_keys]
    print(f"running {len(chosen_to_run)} of {len(mutants)} mutants with {args.jobs} job(s)", file=sys.stderr)
    started = time.perf_counter()
    if chosen_to_run:
        _init()
        broken = _runners[0].baseline()
        if broken:
            print(f"the policies fail with no mutant in place: {broken}", file=sys.stderr)
            return 2
        print(
            f"  no mutant in place: every test and fixture passes ({time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
        )
    pool = None
    if not chosen_to_run:
        iterator: Iterator[dict[str, Any]] = iter(())
    elif args.jobs <= 1:
        iterator = map(_run, chosen_to_run)
    else:
        pool = multiprocessing.get_context("spawn").Pool(args.jobs, initializer=_init)
        iterator = pool.imap(_run, chosen_to_run)
        pool.close()  # no more work than this: the workers end when it is done
    partial = Path(args.report).with_suffix(".partial.jsonl")
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text("".join(json.dumps(r) + "\n" for r in results), encoding="utf-8")
    for done, result in enumerate(iterator, 1):
        results.append(result)
        with partial.open("a", encoding="utf-8") as out:  # what is done so far, should the run be stopped
            out.write(json.dumps(result) + "\n")
        if result["status"] == "survived":
            mutant = next(m for m in chosen if m.key == result["key"])
            print(f"  survived {result['key']}  {mutant.describe()}", file=sys.stderr)
        if done % 20 == 0:
            print(f"  {done}/{len(chosen_to_run)} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if pool is not None:
        pool.join()
    outcome = report(chosen, results, equivalents(), Reach.of(policy_files([])))
    outcome["seconds"] = round(time.perf_counter() - started, 1)
    outcome["sample"] = {"size": args.sample, "seed": args.seed, "of": len(mutants)}
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    Path(args.report).write_text(json.dumps(outcome, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _print_outcome(outcome, args.report)
    met = outcome["score_percent"] >= args.target and outcome["blocking_killed"] == outcome["blocking"]
    return 0 if met else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
