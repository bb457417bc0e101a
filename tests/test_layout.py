"""The layout shows the pipeline, and the import graph keeps it honest.

Every ``import`` statement of the package's source (at any depth, lazy ones included) is an edge. The tests
assert: no cycle of any length; inside the engine, a stage imports only earlier stages (or modules of its
own stage); ``cli/`` reaches the engine only through its entry points and never through the judge stage
or the decision functions; only ``evaluate/evaluator.py`` imports regorus; the engine never prints or
exits; and each module opens with a docstring saying what it owns.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

# The installed name of each top-level source folder (pyproject.toml's package-dir).
ROOTS = {"ethiq": "ethiq", "engine": "ethiq.engine", "cli": "ethiq.cli"}

# Engine stages in pipeline order: a module may import modules of its own rank or lower, never higher.
STAGE_RANK = {
    "ethiq.engine.errors": 0,
    "ethiq.engine.cache": 0,  # a leaf every stage may keep computed values in
    "ethiq.engine.resources": 0,  # a leaf: where the bundled files are installed
    "ethiq.engine.report": 1,
    "ethiq.engine.spool": 1,  # the findings of a large run on disk: part of the report model
    "ethiq.engine.read": 2,
    "ethiq.engine.validate": 3,
    "ethiq.engine.platforms": 3,  # pure adapters: platform JSON in, a view out; they import no stage
    "ethiq.engine.graph": 4,
    "ethiq.engine.evaluate": 5,
    "ethiq.engine.judge": 6,
    "ethiq.engine.config": 7,
    "ethiq.engine.pipeline": 8,
    "ethiq.engine": 9,
}

# What the CLI may import from the engine: its entry points and the values it renders, nothing that decides.
CLI_ALLOWED = {
    "ethiq.engine",  # the public API: check, Checker, validate, load_config, the report types
    "ethiq.engine.errors",
    "ethiq.engine.report",
    "ethiq.engine.config",  # load_config: turning flags into a Config is the engine's
    "ethiq.engine.evaluate",  # load_policy_set and engine_version, for `rules`, `explain` and `--version`
    "ethiq.engine.evaluate.testing",  # `ethiq test`
    "ethiq.engine.validate",  # the schemas, for `ethiq schema`
}
DECISION_NAMES = {
    "apply_waivers",
    "apply_baseline",
    "baseline_of",
    "decide",
    "load_waivers",
    "load_baseline",
    "parse_waivers",
    "resolve_config",
}


def source_modules() -> dict[str, Path]:
    modules: dict[str, Path] = {}
    for folder, package in ROOTS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "templates" in path.parts:
                continue
            parts = list(path.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join([package, *parts])] = path
    return modules


MODULES = source_modules()


def is_package(module: str) -> bool:
    return MODULES[module].name == "__init__.py"


def imports_of(module: str) -> list[tuple[str, list[str]]]:
    """``(imported module, names imported from it)`` for every import statement of ``module``."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if is_package(module) else module.rpartition(".")[0]
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [alias.name for alias in node.names]
            submodules = [f"{target}.{name}" for name in names if f"{target}.{name}" in MODULES]
            found.append((target, [n for n in names if f"{target}.{n}" not in MODULES]))
            found.extend((sub, []) for sub in submodules)
    return found


def edges() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for module in MODULES:
        for target, _ in imports_of(module):
            if target in MODULES and target != module:
                graph[module].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def stage_of(module: str) -> str | None:
    for stage in sorted(STAGE_RANK, key=len, reverse=True):
        if module == stage or module.startswith(stage + "."):
            return stage
    return None


def test_the_scan_sees_the_whole_package() -> None:
    assert {"ethiq.engine.pipeline", "ethiq.engine.evaluate.parallel", "ethiq.cli.app", "ethiq"} <= set(MODULES)
    graph = edges()
    assert "ethiq.engine.judge.findings" in graph["ethiq.engine.judge.stages"]  # a relative import resolved
    assert "ethiq.engine.read.documents" in graph["ethiq.engine.read"]  # a package importing its module


def test_cycle_detection_finds_a_long_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_one_that_imports_it_back() -> None:
    assert cycles(edges()) == []


def test_engine_stages_import_only_earlier_stages() -> None:
    wrong = []
    for module, targets in edges().items():
        stage = stage_of(module)
        if stage is None:
            continue
        for target in targets:
            target_stage = stage_of(target)
            if target_stage is not None and STAGE_RANK[target_stage] > STAGE_RANK[stage]:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_the_engine_never_imports_the_cli() -> None:
    wrong = [
        f"{module} -> {target}"
        for module, targets in edges().items()
        if module.startswith("ethiq.engine")
        for target in targets
        if target.startswith("ethiq.cli")
    ]
    assert wrong == []


def test_the_cli_calls_entry_points_and_holds_no_decision() -> None:
    wrong = []
    for module in MODULES:
        if not module.startswith("ethiq.cli"):
            continue
        for target, names in imports_of(module):
            if target.startswith("ethiq.engine") and target not in CLI_ALLOWED:
                wrong.append(f"{module} imports {target}")
            wrong.extend(f"{module} imports {name} from {target}" for name in names if name in DECISION_NAMES)
        for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in DECISION_NAMES | {"excludes", "is_expired"}:
                wrong.append(f"{module} uses .{node.attr}")
    assert wrong == []


def test_only_the_evaluator_imports_regorus() -> None:
    importers = sorted(m for m in MODULES for target, _ in imports_of(m) if target.split(".")[0] == "regorus")
    assert importers == ["ethiq.engine.evaluate.evaluator"]


def test_only_the_opa_module_imports_the_opa_bindings() -> None:
    importers = sorted({m for m in MODULES for target, _ in imports_of(m) if target.split(".")[0] == "opa_bindings"})
    assert importers == ["ethiq.engine.evaluate.opa"]


def test_the_engine_never_prints_or_exits() -> None:
    wrong = []
    for module, path in MODULES.items():
        if not module.startswith("ethiq.engine"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                if name in ("print", "exit", "quit", "sys.exit", "os._exit"):
                    wrong.append(f"{module}:{node.lineno}: {name}()")
    # The one exit the engine owns: a forked evaluation child leaves with os._exit, never the caller's process.
    assert [w for w in wrong if not (w.startswith("ethiq.engine.evaluate.budget:") and w.endswith("os._exit()"))] == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_says_what_it_owns(module: str) -> None:
    docstring = ast.get_docstring(ast.parse(MODULES[module].read_text(encoding="utf-8")))
    assert docstring, f"{MODULES[module]} has no docstring"
    assert len(docstring.split()) >= 6, docstring


def test_importing_the_library_loads_no_cli_toolkit() -> None:
    code = "import sys, ethiq; print(sorted(m for m in ('typer', 'rich', 'click') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
