"""Find, load and validate the policy set, and read the rules' ``# METADATA`` blocks.

Everything that can be wrong with a policy is found here, before any document is judged: a module that
does not parse, an unknown function or unsafe variable (regorus reports them only at first evaluation, so
every entry point is evaluated once on a probe input and the set is compiled), a package named after no
kind, and incomplete or contradictory metadata. Each is a :class:`PolicyLoadError` with ``file:line:col``.
"""

from __future__ import annotations

import dataclasses
import json
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..cache import Cache, cache_key
from ..errors import EvaluationError, PolicyLoadError
from ..report import RuleMeta, RuleSource
from ..resources import package_dir
from ..validate import JUDGED_KINDS
from .engines import REGORUS, Engine, check_engine_name, prepare_engine
from .evaluator import PreparedEngine, engine_version
from .structure import RuleHead, check_collisions, check_entry_points, data_roots, parsed_heads, scanned_heads

RULES_PREFIX = "ethiq.rules."
ALL_KINDS_PACKAGE = "all"
SETS: dict[str, str] = {"deny": "block", "warn": "warn", "info": "info"}
SEVERITIES = ("block", "warn", "info")
LANGUAGES = ("en", "sv")

#: Where ethiq's data lives below ``data`` (``PolicyContext.rego_data``), whatever data a load is proven with.
ETHIQ_DATA_ROOTS = (("ethiq", "context"), ("ethiq", "index"))

_PACKAGE = re.compile(r"^package\s+([A-Za-z_][\w.]*)", re.MULTILINE)
_HEAD = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)")
_SEED_ID = re.compile(r"^(S\d{2}|P\d)$")
# libyaml's safe loader parses the METADATA blocks about ten times faster than PyYAML's pure-Python one
# (measured: most of a cold start); the same safe constructors, so the same values.
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Module:
    path: str
    text: str
    package: str
    bundled: bool


def kinds_of_package(package: str) -> tuple[str, ...]:
    """The document kinds a package judges (empty for a library package)."""
    if not package.startswith(RULES_PREFIX):
        return ()
    kind = package[len(RULES_PREFIX) :].split(".", maxsplit=1)[0]
    return JUDGED_KINDS if kind == ALL_KINDS_PACKAGE else (kind,)


def bundled_policy_dir() -> Path:
    return package_dir("ethiq.policies")


@cache
def load_seed() -> dict[str, dict[str, str]]:
    """Seed sentences by id: ``{"S15": {"sv": ..., "en": ...}}``."""
    path = bundled_policy_dir() / "data" / "seed.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise PolicyLoadError(f"the seed text is unreadable: {err}", file=str(path)) from err
    sentences = data.get("sentences", data) if isinstance(data, dict) else None
    if not isinstance(sentences, dict):
        raise PolicyLoadError("the seed text has no sentences", file=str(path))
    return {str(k): v for k, v in sentences.items() if isinstance(v, dict) and _SEED_ID.match(str(k))}


def discover_modules(directories: Sequence[Path], *, include_tests: bool = False) -> list[Module]:
    """Every ``.rego`` file below the bundled library and ``directories``, in a stable order."""
    modules: list[Module] = []
    roots = [(bundled_policy_dir(), True)] + [(Path(d), False) for d in directories]
    for root, bundled in roots:
        if not root.exists():
            raise PolicyLoadError("no such policy directory", file=str(root))
        files = sorted(root.rglob("*.rego")) if root.is_dir() else [root]
        for file in files:
            if not include_tests and file.name.endswith("_test.rego"):
                continue
            text = read_module_text(file)
            match = _PACKAGE.search(text)
            if not match:
                raise PolicyLoadError("no package declaration", file=str(file), line=1, column=1)
            modules.append(Module(path=str(file), text=text, package=match.group(1), bundled=bundled))
    return modules


def read_module_text(file: Path) -> str:
    """The text of a policy file; unreadable or not UTF-8 is a load error naming the file, line and column."""
    try:
        if not stat.S_ISREG(file.stat().st_mode):  # a FIFO or a device would block or never end
            raise PolicyLoadError("not a regular file: a policy is a .rego file", file=str(file))
        raw = file.read_bytes()
    except OSError as err:
        raise PolicyLoadError(f"cannot read the policy file: {err.strerror or err}", file=str(file)) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise PolicyLoadError(
            f"the policy file is not UTF-8 (byte 0x{raw[err.start]:02x}): Rego source is UTF-8; re-save it as UTF-8",
            file=str(file),
            line=line,
            column=column,
        ) from None


def parse_metadata(module: Module, seed: Mapping[str, Mapping[str, str]]) -> list[tuple[RuleMeta, str]]:
    """The rule metadata blocks of a module, each with the name of the rule it annotates."""
    lines = module.text.splitlines()
    found: list[tuple[RuleMeta, str]] = []
    index = 0
    while index < len(lines):
        if lines[index].strip() != "# METADATA":
            index += 1
            continue
        start = index + 1
        index += 1
        block: list[str] = []
        while index < len(lines) and lines[index].lstrip().startswith("#"):
            comment = lines[index].lstrip()[1:]
            block.append(comment[1:] if comment.startswith(" ") else comment)
            index += 1
        head = _HEAD.match(lines[index]) if index < len(lines) else None
        if head is None:
            raise PolicyLoadError("a METADATA block must stand directly above a rule", file=module.path, line=start)
        try:
            raw = yaml.load("\n".join(block), Loader=_YAML_LOADER) or {}
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = start + 1 + (mark.line if mark else 0)
            raise PolicyLoadError(f"METADATA is not valid YAML: {err}", file=module.path, line=line) from err
        if not isinstance(raw, dict) or "custom" not in raw:
            continue  # an OPA annotation without an ethiq rule id: documentation only
        found.append((_rule_meta(raw, module, start, seed), head.group(1)))
    return found


def _rule_meta(raw: dict[str, Any], module: Module, line: int, seed: Mapping[str, Mapping[str, str]]) -> RuleMeta:
    custom = raw.get("custom") or {}

    def fail(message: str) -> PolicyLoadError:
        rule = custom.get("id", "?") if isinstance(custom, dict) else "?"
        return PolicyLoadError(f"METADATA of {rule}: {message}", file=module.path, line=line)

    if not isinstance(custom, dict):
        raise fail("'custom' must be a mapping")
    rule_id = custom.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise fail("custom.id is required")
    severity = custom.get("severity")
    severities = tuple(severity) if isinstance(severity, list) else (severity,)
    if not severities or any(s not in SEVERITIES for s in severities):
        raise fail(f"custom.severity must be one or more of {', '.join(SEVERITIES)}")
    title = {"en": raw.get("title"), "sv": custom.get("title_sv")}
    description = {"en": raw.get("description"), "sv": custom.get("description_sv")}
    remediation = custom.get("remediation")
    if module.bundled:
        _require_languages(title, "title / custom.title_sv", fail)
        _require_languages(remediation, "custom.remediation", fail)
    elif not title["en"]:
        raise fail("title is required")
    messages = custom.get("messages") or {}
    if not isinstance(messages, dict) or not all(isinstance(v, dict) for v in messages.values()):
        raise fail("custom.messages must map message keys to {en, sv}")
    if module.bundled:
        for key, template in messages.items():
            _require_languages(template, f"custom.messages.{key}", fail)
    sources = tuple(_source(item, seed, fail) for item in custom.get("sources") or [])
    if not sources:
        raise fail("custom.sources must name at least one seed sentence or regulation article")
    return RuleMeta(
        id=rule_id,
        package=module.package,
        title={k: str(v) for k, v in title.items() if v},
        severities=severities,
        sources=sources,
        remediation={k: str(v) for k, v in (remediation or {}).items() if v},
        description={k: str(v) for k, v in description.items() if v},
        messages={str(k): {lang: str(t) for lang, t in v.items()} for k, v in messages.items()},
        non_waivable=bool(custom.get("non_waivable", False)),
        verification=custom.get("verification"),
        effective_from=_iso_date(custom.get("effective_from"), "custom.effective_from", fail),
        effective_until=_iso_date(custom.get("effective_until"), "custom.effective_until", fail),
        file=module.path,
        line=line,
        kinds=kinds_of_package(module.package),
    )


def _iso_date(value: Any, what: str, fail: Any) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)  # YAML may have made it a date
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise fail(f"{what} must be an ISO date (YYYY-MM-DD), not {value!r}")
    return text


def _require_languages(value: Any, what: str, fail: Any) -> None:
    if not isinstance(value, dict) or any(not value.get(lang) for lang in LANGUAGES):
        raise fail(f"{what} needs English and Swedish text (en, sv)")


def _source(item: Any, seed: Mapping[str, Mapping[str, str]], fail: Any) -> RuleSource:
    if isinstance(item, dict) and "seed" in item:
        ref = str(item["seed"])
        if ref not in seed:
            raise fail(f"unknown seed sentence {ref!r}")
        return RuleSource(ref=ref, sv=seed[ref].get("sv"), en=seed[ref].get("en"))
    if isinstance(item, dict) and "regulation" in item:
        return RuleSource(ref=str(item["regulation"]), en=item.get("note"), url=item.get("url"))
    raise fail(f"a source is {{seed: S..}} or {{regulation: ...}}, not {item!r}")


# A reference to ``data`` in Rego source: the root (not a field: ``input.data`` is preceded by a dot), the
# static part of its path, and whether a dynamic part (``[``) follows. Strings and comments are matched first,
# so that what they hold is skipped.
_REFERENCE = re.compile(
    r'"(?:[^"\\\n]|\\.)*"|`[^`]*`|#[^\n]*'
    r"|(?<![\w.])data\b(?P<path>(?:[ \t]*\.[ \t]*[A-Za-z_]\w*)*)"
)


def data_references(text: str) -> list[tuple[str, ...]]:
    """The static paths (below ``data``) that the Rego ``text`` refers to, imports included; ``()`` for a bare
    ``data``. A path stops where a dynamic part (``data.a[x]``) starts: what follows is any package below it."""
    found = []
    for match in _REFERENCE.finditer(text):
        path = match.group("path")
        if path is not None:
            found.append(tuple(part.strip() for part in path.split(".")[1:]))
    return found


def _references_by_package(modules: Iterable[Module]) -> dict[str, list[tuple[str, ...]]]:
    references: dict[str, list[tuple[str, ...]]] = {}
    for module in modules:
        references.setdefault(module.package, []).extend(data_references(module.text))
    return references


def _path_of(ref: str) -> tuple[str, ...]:
    return tuple(ref.split(".")[1:])  # "data.ethiq.rules.vendor.deny" -> ("ethiq", "rules", "vendor", "deny")


@dataclass(slots=True)
class PolicySet:
    """The validated policy modules, their rules' metadata and the entry points per kind."""

    modules: list[Module]
    rules: dict[str, RuleMeta]
    entry_points: dict[str, list[str]]  # kind -> ["data.ethiq.rules.vendor.deny", ...]
    engine: str = REGORUS  # the engine every evaluation of this set runs on (engines.ENGINES)
    entry_heads: dict[str, tuple[RuleHead, ...]] = field(default_factory=dict)  # entry point -> its heads
    #: package -> the paths below ``data`` its modules refer to (:func:`data_references`); kept with the proof
    references: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)

    def rule(self, rule_id: str) -> RuleMeta | None:
        return self.rules.get(rule_id)

    def rules_for(self, kind: str) -> list[RuleMeta]:
        return [meta for meta in self.rules.values() if kind in meta.kinds]

    def prepare(self, data: Mapping[str, Any], modules: Sequence[Module] | None = None) -> Engine:
        """A fresh engine with these modules (or ``modules``, a part of them) and ``data``: done once per process."""
        chosen = self.modules if modules is None else modules
        return prepare_engine(self.engine, ((m.path, m.text) for m in chosen), data)

    def modules_for(self, kinds: Iterable[str], roots: Iterable[str] = ()) -> list[Module]:
        """The modules that judging documents of ``kinds`` reaches, in load order: every module of the packages
        of their entry points and of ``roots`` (rules given as ``data.a.b.rule``), then of every package those
        refer to, transitively (:func:`data_references`). A reference with a dynamic part reaches every package
        below its static prefix, and a bare ``data`` every package, so the set is never smaller than what the
        rules can read: an engine holding it judges these kinds exactly as one holding all the modules."""
        packages = {module.package for module in self.modules}
        wanted = [entry for kind in kinds for entry in self.entry_points.get(kind, [])]
        reached: set[str] = set()
        pending = [_path_of(ref) for ref in (*wanted, *roots)]
        if set(self.references) != packages:
            self.references = _references_by_package(self.modules)
        references = self.references
        while pending:
            prefix = pending.pop()
            for package in packages - reached:
                path = _path_of(f"data.{package}")
                if path[: len(prefix)] == prefix or prefix[: len(path)] == path:
                    reached.add(package)
                    pending.extend(references[package])
        return [module for module in self.modules if module.package in reached]


def load_policy_set(
    directories: Iterable[str | Path] = (),
    *,
    probe_data: Mapping[str, Any] | None = None,
    include_tests: bool = False,
    engine: str = REGORUS,
    cache: Cache | None = None,
) -> PolicySet:
    """Load the bundled library plus ``directories`` and prove the whole set works before judging anything.

    ``engine`` names the engine every evaluation of the set runs on (``regorus`` or ``opa``); the proof runs
    on it too. With ``cache``, a set proven before under the same key (policy files, seed text, probe data,
    engine, ethiq and engine versions) is taken from it instead of proven again (:mod:`ethiq.engine.cache`).
    Only a set whose proof passed is stored; an entry that does not read back whole is proven again.
    """
    check_engine_name(engine)
    modules = discover_modules([Path(d) for d in directories], include_tests=include_tests)
    if cache is None:
        return _prove(modules, probe_data, engine)
    key = _proof_key(modules, probe_data, include_tests, engine)
    proven = _proof_from_json(cache.load(PROOF_NAMESPACE, key), modules, engine)
    if proven is not None:
        return proven
    policy_set = _prove(modules, probe_data, engine)
    cache.store(PROOF_NAMESPACE, key, _proof_to_json(policy_set))
    return policy_set


PROOF_NAMESPACE = "proof"
#: The engine's modules a proof's outcome and its cached form depend on (relative to the engine package).
_PROOF_SOURCES = (
    "evaluate/policies.py",
    "evaluate/evaluator.py",
    "evaluate/engines.py",
    "evaluate/structure.py",
    "validate/schema.py",
    "report.py",
    "cache.py",
)


def _proof_to_json(policy_set: PolicySet) -> dict[str, Any]:
    return {
        "rules": {rule_id: dataclasses.asdict(meta) for rule_id, meta in policy_set.rules.items()},
        "entry_points": policy_set.entry_points,
        "entry_heads": {
            entry: [dataclasses.asdict(head) for head in heads] for entry, heads in policy_set.entry_heads.items()
        },
        "references": _references_by_package(policy_set.modules),
    }


def _proof_from_json(value: Any, modules: list[Module], engine: str) -> PolicySet | None:
    """The policy set a cached proof describes, or None when it does not read back as one."""
    if not isinstance(value, dict):
        return None
    try:
        rules = {}
        for rule_id, raw in value["rules"].items():
            fields = dict(raw)
            fields["severities"] = tuple(fields["severities"])
            fields["kinds"] = tuple(fields["kinds"])
            fields["sources"] = tuple(RuleSource(**source) for source in fields["sources"])
            meta = rules[rule_id] = RuleMeta(**fields)
            if meta.id != rule_id or not meta.severities or any(s not in SEVERITIES for s in meta.severities):
                return None
        entry_points = {str(kind): [str(point) for point in points] for kind, points in value["entry_points"].items()}
        entry_heads = {
            str(entry): tuple(RuleHead(**{**head, "path": tuple(head["path"])}) for head in heads)
            for entry, heads in value["entry_heads"].items()
        }
        references = {
            str(package): [tuple(str(part) for part in path) for path in paths]
            for package, paths in value["references"].items()
        }
    except (KeyError, TypeError, AttributeError, ValueError):
        return None
    if set(entry_points) != set(JUDGED_KINDS):
        return None
    return PolicySet(
        modules=modules,
        rules=rules,
        entry_points=entry_points,
        engine=engine,
        entry_heads=entry_heads,
        references=references,
    )


def _proof_key(
    modules: Sequence[Module], probe_data: Mapping[str, Any] | None, include_tests: bool, engine: str
) -> str:
    """What a proof depends on, hashed: every module (path, origin, text), the seed, the probe data, versions.

    ethiq's version is the source of the modules that read, prove and describe a policy set, so that a
    development install whose code changed under the same version number does not reuse an old proof.
    """
    seed_path = bundled_policy_dir() / "data" / "seed.yaml"
    engine_dir = Path(__file__).resolve().parent.parent
    parts: list[tuple[str, str | bytes]] = [
        *((f"ethiq/{name}", (engine_dir / name).read_bytes()) for name in _PROOF_SOURCES),
        ("engine", engine),
        ("engine_version", engine_version()),
        ("python", sys.version),
        ("yaml", f"{yaml.__version__} libyaml={getattr(yaml, '__with_libyaml__', False)}"),
        ("include_tests", str(include_tests)),
        ("seed", seed_path.read_bytes()),
        ("probe_data", json.dumps(probe_data or {}, sort_keys=True, ensure_ascii=False, default=str)),
    ]
    for module in modules:
        parts += [("module", module.path), ("bundled", str(module.bundled)), ("text", module.text)]
    return cache_key(parts)


def _prove(modules: list[Module], probe_data: Mapping[str, Any] | None, engine: str) -> PolicySet:
    """Check the structure of ``modules``, read their metadata, find the entry points, and probe and compile
    the whole set on ``engine``."""
    data = _rego_data(probe_data)
    heads = check_structure(modules, data)
    seed = load_seed()
    rules: dict[str, RuleMeta] = {}
    set_rules: dict[str, set[str]] = {}
    for head in heads:
        if head.is_entry_point:
            set_rules.setdefault(".".join(head.path[: head.package_length]), set()).add(head.path[-1])
    for module in modules:
        for meta, head_name in parse_metadata(module, seed):
            if head_name not in SETS:
                raise PolicyLoadError(
                    f"METADATA of {meta.id} annotates {head_name!r}; rules are deny, warn or info",
                    file=module.path,
                    line=meta.line,
                )
            if SETS[head_name] not in meta.severities:
                raise PolicyLoadError(
                    f"{meta.id} has severity {'/'.join(meta.severities)} but its rule is {head_name!r} "
                    f"({SETS[head_name]})",
                    file=module.path,
                    line=meta.line,
                )
            previous = rules.get(meta.id)
            if previous is not None and (previous.file, previous.line) != (meta.file, meta.line):
                if previous.package != meta.package or previous.title != meta.title:
                    raise PolicyLoadError(
                        f"rule id {meta.id} is already defined at {previous.file}:{previous.line}",
                        file=module.path,
                        line=meta.line,
                    )
                continue
            rules[meta.id] = meta
    entry_points: dict[str, list[str]] = {kind: [] for kind in JUDGED_KINDS}
    for package in sorted(set_rules):
        kinds = kinds_of_package(package)
        if not kinds or not set(kinds) <= set(JUDGED_KINDS):
            path = next(m.path for m in modules if m.package == package)
            raise PolicyLoadError(
                f"package {package}: {package[len(RULES_PREFIX) :].split('.')[0]!r} is not a document kind "
                f"({', '.join(JUDGED_KINDS)} or {ALL_KINDS_PACKAGE})",
                file=path,
                line=1,
            )
        for name in SETS:
            if name in set_rules[package]:
                for kind in kinds:
                    entry_points[kind].append(f"data.{package}.{name}")
    entry_heads: dict[str, tuple[RuleHead, ...]] = {}
    for head in heads:
        if head.is_entry_point:
            entry = "data." + ".".join(head.path)
            entry_heads[entry] = (*entry_heads.get(entry, ()), head)
    policy_set = PolicySet(
        modules=modules, rules=rules, entry_points=entry_points, engine=engine, entry_heads=entry_heads
    )
    _probe(policy_set, data)
    return policy_set


def _rego_data(probe_data: Mapping[str, Any] | None) -> dict[str, Any]:
    """The data the rules are proven with, at ``data.ethiq`` as they read it."""
    data = dict(probe_data or {})
    return {"ethiq": data} if data and "ethiq" not in data else data


def check_structure(modules: Sequence[Module], data: Mapping[str, Any]) -> list[RuleHead]:
    """The rule heads of every module, once no entry point is anything but a set of findings and no rule of
    an extra directory collides with ethiq's data or the bundled library (see :mod:`.structure`)."""
    bundled = [head for m in modules if m.bundled for head in scanned_heads(m.path, m.text)]
    extra = parsed_heads([(m.path, m.text) for m in modules if not m.bundled])
    check_entry_points(bundled + extra)
    check_collisions(extra, bundled, sorted({*ETHIQ_DATA_ROOTS, *data_roots(data)}))
    return bundled + extra


def probe_input(kind: str) -> dict[str, Any]:
    """The input every entry point is first evaluated on: a document of the kind with nothing but its id."""
    return {
        "kind": kind,
        "as_of": "2000-01-01",
        "document": {"kind": kind, "id": "probe"},
        "related": {},
        "links": [],
        "unresolved": [],
        "names": {},
    }


def _probe(policy_set: PolicySet, data: Mapping[str, Any]) -> None:
    """Evaluate every entry point once and compile them, so broken rules fail now, not on document 5,000."""
    entry_points = sorted({e for points in policy_set.entry_points.values() for e in points})
    if not entry_points:
        return
    engine = policy_set.prepare(data)
    try:
        for kind in JUDGED_KINDS:
            value = probe_input(kind)
            engine.set_input(value)
            for entry in policy_set.entry_points[kind]:
                try:
                    engine.eval_set(entry)
                except EvaluationError as err:
                    raise locate_fault(policy_set, data, entry, err, evaluates(entry, json.dumps(value))) from None
        if isinstance(engine, PreparedEngine):  # OPA compiled the whole set when it was prepared
            engine.compile_check(entry_points, {})
    finally:
        engine.close()


def evaluates(entry: str, input_json: str) -> Callable[[Engine], object]:
    """A check that ``entry`` evaluates to a set on ``input_json``: raises an :class:`EvaluationError` if not."""

    def check(engine: Engine) -> object:
        engine.set_input_json(input_json)
        return engine.eval_set(entry)

    return check


def locate_fault(
    policy_set: PolicySet,
    data: Mapping[str, Any],
    entry: str,
    error: EvaluationError,
    check: Callable[[Engine], object],
) -> PolicyLoadError:
    """``error`` of ``entry``, raised by ``check`` on an engine, as a load error naming the module and rule.

    An engine names the place of an evaluation error, but not of a panic or of a result of the wrong shape.
    Then the module is found by running ``check`` again with one module defining ``entry`` at a time (extra
    modules first), and the line is that of the rule id the message names, or of the module's first head of
    ``entry``.
    """
    where = f"found when proving {entry} at load"
    if error.file is not None:
        return PolicyLoadError(f"{error} ({where})", file=error.file, line=error.line, column=error.column)
    heads = policy_set.entry_heads.get(entry, ())
    candidates = list(dict.fromkeys(head.file for head in heads))
    culprit = candidates[0] if len(candidates) == 1 else None
    if culprit is None:
        bundled = {m.path for m in policy_set.modules if m.bundled}
        for file in sorted(candidates, key=lambda path: path in bundled):
            others = set(candidates) - {file}
            modules = [(m.path, m.text) for m in policy_set.modules if m.path not in others]
            if _fails(policy_set.engine, modules, data, check):
                culprit = file
                break
    if culprit is None:
        return PolicyLoadError(f"{error} ({where})")
    own = [head for head in heads if head.file == culprit]
    line, column = own[0].line, own[0].column
    lines = next(m.text for m in policy_set.modules if m.path == culprit).splitlines()
    literals = [f'"{literal}"' for literal in re.findall(r"'([^']+)'", str(error))]
    found = next((place for head in own for place in _places(lines, head.line, literals)), None)
    if found is not None:
        line, column = found
    return PolicyLoadError(f"{error} ({where})", file=culprit, line=line, column=column)


def _fails(
    engine_name: str, modules: list[tuple[str, str]], data: Mapping[str, Any], check: Callable[[Engine], object]
) -> bool:
    try:
        engine = prepare_engine(engine_name, modules, data)
    except PolicyLoadError:
        return False
    try:
        check(engine)
    except EvaluationError:
        return True
    finally:
        engine.close()
    return False


def _places(lines: list[str], start: int, literals: list[str]) -> Iterator[tuple[int, int]]:
    """Where ``literals`` occur in the rule starting at line ``start``: its head line, then its indented body."""
    for number in range(start, len(lines) + 1):
        text = lines[number - 1]
        if number > start and text[:1] not in ("\t", " ", "}"):
            return
        for literal in literals:
            column = text.find(literal)
            if column >= 0:
                yield number, column + 1
