"""Measure ethiq at scale, side by side with the bare engine, itself with more jobs, and OPA.

    python bench/run.py                       # the full run: 10,000 documents, 100,000 for memory
    python bench/run.py --docs 2000 --memory-docs 0 --repeat 1    # a quick look

Prints a table and writes every figure to JSON (``--out``). What is measured, and why, is in bench/README.md.
Generated repositories are kept in ``--workdir`` and reused while the generator and seed are unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate as generator  # noqa: E402 - bench/ is not a package

AS_OF = generator.AS_OF
TARGETS = {
    "floor_ratio_cpu": 0.8,
    "opa_ratio": 2.0,
    "jobs2_speedup": 1.7,
    "cold_start_ms": 150.0,
    "cold_start_over_import_regorus": 4.0,
    "growth_per_doc_spread": 1.5,
    "peak_rss_mib_100k": 250.0,
    "incremental_one_change_s": 2.0,
}
OPA_WHEEL = "opa-golib-python-bindings==0.4.4"
PARTS = {"throughput", "floor", "cold", "opa", "memory", "growth", "incremental", "rules", "jobs"}


# --- repositories ----------------------------------------------------------------------------------------------


def ensure_repository(workdir: Path, docs: int, seed: int) -> Path:
    """The generated repository for (docs, seed), generated again only when the generator changed."""
    stamp = hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()[:12]
    out = workdir / f"repo-{docs}-s{seed}"
    marker = out / ".bench-stamp"
    if marker.exists() and marker.read_text() == stamp:
        return out
    print(f"generating {docs:,} documents (seed {seed}) in {out} ...", flush=True)
    generator.generate(docs, seed, out)
    marker.write_text(stamp)
    return out


def one_document(workdir: Path) -> Path:
    path = workdir / "one" / "vendor.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    repo = ensure_repository(workdir, 200, 1)
    vendor = next(p for p in sorted((repo / "vendors").rglob("*.yaml")) if "groups" not in p.parts)
    path.write_text(vendor.read_text(encoding="utf-8"), encoding="utf-8")
    return path


# --- whole-process measurements -----------------------------------------------------------------------------


class TreeSampler:
    """Peak of the summed resident memory of a process and its descendants (Linux /proc; else nothing)."""

    def __init__(self, pid: int, interval: float = 0.05, *, skip_root: bool = False):
        self.pid = pid
        self.interval = interval
        self.skip_root = skip_root
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeSampler:
        if Path("/proc/self/status").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            pids = _tree(self.pid)[1 if self.skip_root else 0 :]
            self.peak_kib = max(self.peak_kib, sum(_rss_kib(pid) for pid in pids))


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as file:
                    ppid = int(file.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as file:
            for line in file:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


# A process forked from a large one inherits its peak RSS (Linux keeps the high-water mark across exec),
# so the measured command is started by this small launcher, which reports what wait4 says of it.
_LAUNCHER = """
import json, os, sys, time
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    json.dump({"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "max_rss_kib": usage.ru_maxrss}, out)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_process(cmd: Sequence[str], *, env: dict[str, str], stdout: Path | None = None) -> dict[str, Any]:
    """Run ``cmd`` to completion: wall time, CPU time and peak memory of it and its workers."""
    with tempfile.TemporaryDirectory() as tmp:
        usage_file = Path(tmp) / "usage.json"
        out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115 - closed below
        try:
            launcher = [sys.executable, "-c", _LAUNCHER, str(usage_file), *cmd]
            # Not from the checkout's root: `python -m ethiq` there would import ./ethiq whatever PYTHONPATH says.
            process = subprocess.Popen(launcher, stdout=out, stderr=subprocess.PIPE, env=env, cwd=tmp)
            with TreeSampler(process.pid, skip_root=True) as sampler:
                _, stderr = process.communicate()
        finally:
            if stdout:
                out.close()  # type: ignore[union-attr]
        code = process.returncode
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {code}:\n{stderr.decode(errors='replace')[-3000:]}")
        usage = json.loads(usage_file.read_text())
    return {
        "wall_s": usage["wall_s"],
        "cpu_s": usage["cpu_s"],
        # ru_maxrss of wait4 covers the process and the workers it waited for: the largest single process.
        "max_rss_mib": usage["max_rss_kib"] / 1024,
        "peak_tree_rss_mib": sampler.peak_kib / 1024 or None,
        "exit_code": code,
    }


#: The whole run's time budget for the runs about size: ethiq's default (an hour) would stop a 100,000-document
#: check on a busy 2-core machine before it ends, and what is measured here is the whole run.
SIZE_TIME_BUDGET_S = 24 * 3600


def ethiq_cmd(path: Path, jobs: str | int, fmt: str = "json", *, budget: float | None = None) -> list[str]:
    cmd = [sys.executable, "-m", "ethiq", "check", str(path), "--format", fmt, "--as-of", AS_OF, "--jobs", str(jobs)]
    return cmd if budget is None else [*cmd, "--time-budget", str(budget)]


def measure_ethiq(repo: Path, docs: int, jobs: int, repeat: int, env: dict[str, str], workdir: Path) -> dict[str, Any]:
    runs = []
    digest = None
    for _ in range(repeat):
        output = workdir / f"report-{repo.name}-j{jobs}.json"
        result = run_process(ethiq_cmd(repo, jobs), env=env, stdout=output)
        digest = hashlib.sha256(output.read_bytes()).hexdigest()
        runs.append(result)
    best = min(runs, key=lambda r: r["wall_s"])
    return {
        "jobs": jobs,
        "documents": docs,
        "runs": runs,
        "wall_s": best["wall_s"],
        "docs_per_s": docs / best["wall_s"],
        "cpu_docs_per_s": docs / best["cpu_s"],
        "max_rss_mib": max(r["max_rss_mib"] for r in runs),
        "peak_tree_rss_mib": max((r["peak_tree_rss_mib"] or 0) for r in runs) or None,
        "report_sha256": digest,
    }


def measure_cold_start(workdir: Path, runs: int, env: dict[str, str]) -> dict[str, Any]:
    """Whole processes, interleaved: wall time (``perf_counter``) and CPU time (user + system of the process
    and the children it waited for, from ``RUSAGE_CHILDREN``), median of ``runs``.

    With bytecode (unless ``--no-bytecode``), as a pip install runs: ethiq's packages are compiled once with
    ``compileall`` and every command runs once before the timed runs (writing the bytecode of the standard
    library and the dependencies, and filling the proof cache), without ``PYTHONDONTWRITEBYTECODE``.
    """
    document = one_document(workdir)
    env = {**env, "ETHIQ_CACHE_DIR": str(workdir / "cache")}
    bytecode = "PYTHONDONTWRITEBYTECODE" not in env
    if bytecode:
        subprocess.run([sys.executable, "-m", "compileall", "-q", *package_dirs()], env=env, check=True)
    commands = {
        "ethiq_check_one_document": ethiq_cmd(document, 1),
        "ethiq_check_one_document_table": ethiq_cmd(document, 1, "table"),
        "ethiq_check_one_document_no_cache": [*ethiq_cmd(document, 1), "--no-cache"],
        "python_import_regorus": [sys.executable, "-c", "import regorus"],
        "python_empty": [sys.executable, "-c", "pass"],
    }
    for cmd in commands.values():
        subprocess.run(cmd, env=env, cwd=workdir, capture_output=True, check=False)  # warm the caches
    load_before = os.getloadavg()
    # Interleaved, so that a change in the machine's load touches every command alike.
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, env=env, cwd=workdir, capture_output=True, check=False)
            wall[name].append((time.perf_counter() - start) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            cpu[name].append(used * 1000)
    measured: dict[str, Any] = {
        name: {
            "median_ms": statistics.median(wall[name]),
            "min_ms": min(wall[name]),
            "runs_ms": wall[name],
            "cpu_median_ms": statistics.median(cpu[name]),
            "cpu_min_ms": min(cpu[name]),
            "cpu_runs_ms": cpu[name],
        }
        for name in commands
    }
    measured["bytecode"] = (
        "compiled once (compileall of ethiq's packages, a warm-up run), PYTHONDONTWRITEBYTECODE unset"
        if bytecode
        else "none: each run compiles ethiq's modules from source (--no-bytecode)"
    )
    measured["load"] = [load_before, os.getloadavg()]
    return measured


def package_dirs() -> list[str]:
    """The directories of ethiq's packages, wherever they are installed (an editable install maps them)."""
    from importlib.util import find_spec

    dirs: list[str] = []
    for name in ("ethiq", "ethiq.engine", "ethiq.cli"):
        spec = find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            dirs.extend(spec.submodule_search_locations)
    return dirs


# --- growth, memory, incremental checks ---------------------------------------------------------------------


def time_v(cmd: Sequence[str], env: dict[str, str], stdout: Path) -> dict[str, Any]:
    """``/usr/bin/time -v`` of ``cmd``: wall, CPU and the peak RSS of the check process itself."""
    with tempfile.TemporaryDirectory() as tmp, open(stdout, "wb") as out:
        report = Path(tmp) / "time.txt"
        result = subprocess.run(
            ["/usr/bin/time", "-v", "-o", str(report), *cmd],
            stdout=out,
            stderr=subprocess.PIPE,
            env=env,
            cwd=tmp,
            check=False,
        )
        if result.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {result.returncode}:\n{result.stderr.decode()[-3000:]}")
        fields = dict(line.strip().rsplit(": ", 1) for line in report.read_text().splitlines() if ": " in line.strip())
    wall = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
    seconds = sum(float(part) * 60**i for i, part in enumerate(reversed(wall)))
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    return {"wall_s": seconds, "cpu_s": cpu, "max_rss_mib": int(fields["Maximum resident set size (kbytes)"]) / 1024}


def measure_growth(sizes: Sequence[int], seed: int, env: dict[str, str], workdir: Path) -> dict[str, Any]:
    """Time per document and peak RSS of `ethiq check --jobs 1` at each size (``/usr/bin/time -v``)."""
    out = {}
    for docs in sizes:
        repo = ensure_repository(workdir, docs, seed)
        step(f"growth: ethiq --jobs 1 on {docs:,} documents")
        # The report goes to /dev/null: at 100,000 documents it is about 2 GB of JSON, and only the run is measured.
        result = time_v(ethiq_cmd(repo, 1, budget=SIZE_TIME_BUDGET_S), env, Path(os.devnull))
        result["documents"] = docs
        result["ms_per_doc"] = result["wall_s"] * 1000 / docs
        result["cpu_ms_per_doc"] = result["cpu_s"] * 1000 / docs
        out[str(docs)] = result
    return out


#: One document of each kind edited alone, picked by the seed, for the incremental check; and the data source
#: the most audiences name (the worst single edit there is: everything built on it is judged again).
INCREMENTAL_KINDS = ("audience", "ad", "data_source", "vendor", "account", "campaign")


def measure_incremental(docs: int, seed: int, env: dict[str, str], workdir: Path) -> dict[str, Any]:
    """One-document changes in a git repository of ``docs`` documents: `--changed-since HEAD`, whole process,
    one edit at a time (a line added, so the document is the same and everything it reaches is judged again)."""
    source = ensure_repository(workdir, docs, seed)
    repo = workdir / f"git-{docs}-s{seed}"
    git_env = {**env, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org"}
    git_env.update(GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.org")
    if not (repo / ".git").exists() or (repo / ".bench-stamp").read_text() != (source / ".bench-stamp").read_text():
        subprocess.run(["rm", "-rf", str(repo)], check=True)
        subprocess.run(["cp", "-r", str(source), str(repo)], check=True)
        for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "generated"]):
            subprocess.run(["git", *args], cwd=repo, env=git_env, check=True)
    edits = _incremental_edits(repo, seed)
    env = {**env, "ETHIQ_CACHE_DIR": str(workdir / "cache")}
    cmd = [*ethiq_cmd(repo, 1), "--changed-since", "HEAD"]
    runs = []
    subprocess.run(["git", "checkout", "-q", "--", "."], cwd=repo, check=True)
    subprocess.run(cmd, env=env, capture_output=True, check=False)  # the proof cached, as on a developer's machine
    for label, changed in edits:
        text = changed.read_text(encoding="utf-8")
        changed.write_text(text + ("\n" if changed.suffix == ".json" else "# edited\n"), encoding="utf-8")
        try:
            result = time_v(cmd, env, workdir / "incremental.json")
            judged = json.loads((workdir / "incremental.json").read_text())["documents"]
        finally:
            subprocess.run(["git", "checkout", "-q", "--", "."], cwd=repo, check=True)
        result.update(edit=label, changed=str(changed.relative_to(repo)), judged=len(judged))
        runs.append(result)
        print(f"   {label:<40} {result['wall_s']:6.2f} s wall {result['cpu_s']:6.2f} s CPU {len(judged):5} judged")
    typical = [run for run in runs if not run["edit"].startswith("hub")]
    walls = sorted(run["wall_s"] for run in typical)
    return {
        "documents": docs,
        "runs": runs,
        "median_wall_s": walls[len(walls) // 2],
        "max_wall_s": walls[-1],
        "median_cpu_s": sorted(run["cpu_s"] for run in typical)[len(typical) // 2],
    }


def _incremental_edits(repo: Path, seed: int) -> list[tuple[str, Path]]:
    """(label, file) of single-document files to edit: one of each kind, and the hub data source (the one the
    most documents see, whose edit judges the most documents again)."""
    from ethiq.engine.graph.changes import _FOLLOWED as FOLLOWED
    from ethiq.engine.graph.changes import Node
    from ethiq.engine.graph.references import reference_edges

    by_kind: dict[str, list[Path]] = {}
    sources: dict[tuple[str, str], Path] = {}
    nodes = []
    for path in sorted(repo.rglob("*")):
        if ".git" in path.parts or path.suffix not in (".yaml", ".json"):
            continue
        text = path.read_text(encoding="utf-8")
        loaded = [json.loads(text)] if path.suffix == ".json" else list(yaml.load_all(text, Loader=YAML_LOADER))
        documents = [d for d in loaded if isinstance(d, dict) and isinstance(d.get("kind"), str) and d.get("id")]
        for document in documents:
            edges = reference_edges(document, document["kind"])
            key = (document["kind"], str(document["id"]))
            nodes.append(Node(0, str(path), key, tuple(dict.fromkeys((kind, ident) for kind, ident, _ in edges))))
        if len(documents) == 1:
            by_kind.setdefault(documents[0]["kind"], []).append(path)
            if documents[0]["kind"] == "data_source":
                sources[(documents[0]["kind"], str(documents[0]["id"]))] = path
    pick = random.Random(seed)
    edits = [
        (f"{kind} ({len(by_kind[kind]):,} such files)", pick.choice(by_kind[kind]))
        for kind in INCREMENTAL_KINDS
        if by_kind.get(kind)
    ]
    if sources:
        # The source the most documents see (as the incremental check counts them: one step back along any
        # reference, then back along followed ones), whose edit judges the most documents again.
        referrers: dict[tuple[str, str], list[tuple[str, str]]] = {}
        followers: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for node in nodes:
            for target in node.references:
                referrers.setdefault(target, []).append(node.key)
                if (node.key[0], target[0]) in FOLLOWED:
                    followers.setdefault(target, []).append(node.key)

        def seeing(key: tuple[str, str]) -> int:
            seen = {key}
            frontier = list(referrers.get(key, ()))
            while frontier:
                referrer = frontier.pop()
                if referrer not in seen:
                    seen.add(referrer)
                    frontier.extend(followers.get(referrer, ()))
            return len(seen)

        count, key = max((seeing(source), source) for source in sources)
        edits.append((f"hub: the data source {count:,} documents see", sources[key]))
    return edits


def measure_rules(checker: Any, inputs: list[tuple[str, str]]) -> dict[str, Any]:
    """Time spent in each entry point (a package's deny, warn or info set), on the floor's inputs."""
    engine = bare_regorus(checker)
    spent: dict[str, float] = {}
    for kind, text in inputs:
        engine.set_input_json(text)
        for entry in checker.policy_set.entry_points[kind]:
            start = time.perf_counter()
            engine.eval_rule_as_json(entry)
            spent[entry] = spent.get(entry, 0.0) + time.perf_counter() - start
    total = sum(spent.values()) or 1.0
    rules_of: dict[str, list[str]] = {}
    for meta in checker.policy_set.rules.values():
        rules_of.setdefault(meta.package, []).append(meta.id)
    return {
        entry: {
            "seconds": seconds,
            "share": seconds / total,
            "ms_per_doc": seconds * 1000 / len(inputs),
            "rules": sorted(rules_of.get(entry.removeprefix("data.").rsplit(".", 1)[0], [])),
        }
        for entry, seconds in sorted(spent.items(), key=lambda item: -item[1])
    }


# --- the floor: bare regorus on ethiq's own inputs ------------------------------------------------------------


def build_inputs(repo: Path) -> tuple[Any, list[tuple[str, str]]]:
    """ethiq's checker and, for every judgeable document, (kind, the input JSON ethiq hands the engine).

    The very text a check gives the engine (``Checker.inputs`` builds it the same way): a document with native
    platform JSON as its adapter derives it, a data source with its ancestry, within the run's index.
    """
    from ethiq import Checker
    from ethiq.engine.evaluate.parallel import intake_items
    from ethiq.engine.read import iter_documents

    checker = Checker(as_of=AS_OF)
    stages = checker.stages
    run = intake_items(stages, iter_documents([repo]))
    stages.use_context(run.context)
    try:
        inputs = [(d.kind or "", stages.input_json(d, run.index, run.context)) for _, d in run.pending]
    finally:
        stages.use_context(stages.base_context)
    return checker, inputs


def bare_regorus(checker: Any) -> Any:
    import regorus

    engine = regorus.Engine()
    engine.set_policy_length_config(max_col=65_536, max_file_bytes=16 * 1024 * 1024, max_lines=1_000_000)
    for module in checker.policy_set.modules:
        engine.add_policy(module.path, module.text)
    engine.add_data_json(json.dumps(checker.base_context.rego_data()))
    return engine


def measure_floor(checker: Any, inputs: list[tuple[str, str]], repeat: int) -> dict[str, Any]:
    engine = bare_regorus(checker)
    entry_points = checker.policy_set.entry_points
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        for kind, text in inputs:
            engine.set_input_json(text)
            for entry in entry_points[kind]:
                engine.eval_rule_as_json(entry)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return {
        "documents": len(inputs),
        "wall_s": min(walls),
        "docs_per_s": len(inputs) / min(walls),
        "cpu_docs_per_s": len(inputs) / min(cpus),
        "input_mib": sum(len(t) for _, t in inputs) / 2**20,
    }


# --- OPA ---------------------------------------------------------------------------------------------------------


def load_opa(path: str | None, workdir: Path, fetch: bool) -> Any:
    """OPA's Python bindings (the Go engine as a shared library), or None when not available."""
    candidates = [Path(p) for p in (path, os.environ.get("ETHIQ_BENCH_OPA")) if p] + [workdir / "opa"]
    if fetch and not (workdir / "opa" / "opa_bindings").exists():
        fetch_opa(workdir / "opa")
    for candidate in candidates:
        if (candidate / "opa_bindings").is_dir():
            sys.path.insert(0, str(candidate))
            break
    try:
        import opa_bindings  # type: ignore[import-not-found]
    except ImportError:
        return None
    return opa_bindings


def fetch_opa(target: Path) -> None:
    """Download the wheel (it declares Python >= 3.14, but is plain ctypes) and unpack it into ``target``."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:"]
        cmd += ["--python-version", "3.14", OPA_WHEEL, "-d", tmp, "-q"]
        if subprocess.run(cmd, check=False).returncode != 0:
            print("could not download OPA's bindings; the OPA comparison is skipped", file=sys.stderr)
            return
        for wheel in Path(tmp).glob("*.whl"):
            with zipfile.ZipFile(wheel) as archive:
                archive.extractall(target)


def measure_opa(opa: Any, checker: Any, inputs: list[tuple[str, str]], repeat: int) -> dict[str, Any]:
    """OPA on the same modules, data and input texts; results compared with regorus, set by set."""
    engine = opa.OpaEngine()
    for module in checker.policy_set.modules:
        engine.add_policy(module.path, module.text)
    engine.add_data(checker.base_context.rego_data())
    entry_points = checker.policy_set.entry_points
    encoded = [(kind, text.encode("utf-8")) for kind, text in inputs]
    lib = engine._lib  # the bindings' public eval_document re-encodes the input: hand it the bytes once

    def evaluate(kind: str, data: bytes) -> list[Any]:
        out = []
        for entry in entry_points[kind]:
            envelope = engine._call(lib.OpaEvalDocument, entry[len("data.") :].encode(), data, 0, 0)
            result = envelope.get("result") or []
            out.append(result[0]["expressions"][0]["value"] if result else "<undefined>")
        return out

    walls, cpus, results = [], [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        results = [evaluate(kind, data) for kind, data in encoded]
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    # The same inputs through regorus, for the comparison.
    regorus_engine = bare_regorus(checker)
    mismatches = []
    for (kind, text), opa_values in zip(inputs, results, strict=True):
        regorus_engine.set_input_json(text)
        for entry, opa_value in zip(entry_points[kind], opa_values, strict=True):
            ours = json.loads(regorus_engine.eval_rule_as_json(entry))
            if _canonical(ours) != _canonical(opa_value):
                mismatches.append({"entry_point": entry, "input_id": json.loads(text)["document"].get("id")})
    return {
        "documents": len(inputs),
        "wall_s": min(walls),
        "docs_per_s": len(inputs) / min(walls),
        "cpu_docs_per_s": len(inputs) / min(cpus),
        "evaluations": sum(len(entry_points[k]) for k, _ in inputs),
        "mismatches": len(mismatches),
        "mismatch_examples": mismatches[:10],
    }


def _canonical(value: Any) -> Any:
    """A set's elements in a stable order: regorus and OPA may list a set's elements differently."""
    if isinstance(value, list):
        return sorted(json.dumps(v, sort_keys=True) for v in value)
    return json.dumps(value, sort_keys=True)


# --- the run -----------------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents for throughput (default 10,000)")
    parser.add_argument("--memory-docs", type=int, default=100_000, help="documents for peak memory; 0 skips")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=2, help="runs per measurement; the best is kept")
    parser.add_argument("--cold-runs", type=int, default=21, help="runs of the cold-start commands")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "ethiq-bench")
    parser.add_argument("--out", type=Path, default=None, help="JSON results (default: WORKDIR/results.json)")
    parser.add_argument("--opa-path", default=None, help="directory holding OPA's opa_bindings package")
    parser.add_argument("--fetch-opa", action="store_true", help=f"pip download {OPA_WHEEL} into the workdir")
    parser.add_argument("--no-opa", action="store_true", help="skip the OPA comparison")
    parser.add_argument(
        "--parts",
        default=",".join(sorted(PARTS)),
        help="comma-separated parts to run (default: all): " + ", ".join(sorted(PARTS)),
    )
    parser.add_argument(
        "--jobs-docs", default="4000,10000", help="repository sizes for --jobs 2 against --jobs 1 (default 4000,10000)"
    )
    parser.add_argument(
        "--growth-docs", default="1000,10000,100000", help="repository sizes for growth (default 1000,10000,100000)"
    )
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="run ethiq without compiled bytecode, as PYTHONDONTWRITEBYTECODE does",
    )
    args = parser.parse_args(argv)
    args.parts = {part.strip() for part in args.parts.split(",") if part.strip()}
    args.jobs_docs = [int(n) for n in args.jobs_docs.split(",") if n.strip()]
    args.growth_docs = [int(n) for n in args.growth_docs.split(",") if n.strip()]
    if args.parts - PARTS:
        parser.error(f"unknown parts: {', '.join(sorted(args.parts - PARTS))}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    parts = args.parts
    args.workdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if not args.no_bytecode:
        # As an installed package runs: with compiled bytecode (kept out of the source tree).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(args.workdir / "pycache")
    out = args.out or args.workdir / "results.json"
    # A partial run updates the figures of an earlier one.
    results: dict[str, Any] = json.loads(out.read_text()) if out.exists() and parts != PARTS else {}
    results.update({"environment": environment(), "targets": TARGETS})
    results["environment"]["bytecode"] = not args.no_bytecode

    repo = ensure_repository(args.workdir, args.docs, args.seed)
    if "throughput" in parts:
        for jobs in (1, 2):
            step(f"ethiq --jobs {jobs} on {args.docs:,} documents")
            results[f"ethiq_jobs{jobs}"] = measure_ethiq(repo, args.docs, jobs, args.repeat, env, args.workdir)
        results["same_report_jobs1_jobs2"] = (
            results["ethiq_jobs1"]["report_sha256"] == results["ethiq_jobs2"]["report_sha256"]
        )
    if parts & {"floor", "opa"}:
        checker, inputs = build_inputs(repo)
        if "floor" in parts:
            step("floor: bare regorus on ethiq's inputs")
            results["floor"] = measure_floor(checker, inputs, args.repeat)
        if "opa" in parts:
            opa = None if args.no_opa else load_opa(args.opa_path, args.workdir, args.fetch_opa)
            if opa is None:
                results["opa"] = {"skipped": "OPA's bindings are not importable (see --fetch-opa / --opa-path)"}
            else:
                step("OPA on the same policies and inputs")
                results["opa"] = measure_opa(opa, checker, inputs, args.repeat)
        del inputs
    if "cold" in parts:
        step("cold start")
        results["cold_start"] = measure_cold_start(args.workdir, args.cold_runs, env)
    measure_scaling(args, results, env, repo)
    if "memory" in parts and args.memory_docs:
        big = ensure_repository(args.workdir, args.memory_docs, args.seed)
        for jobs in (1, 2):
            grown = results.get("growth", {}).get(str(args.memory_docs))
            if jobs == 1 and grown is not None:  # the growth part measured this very run already
                results["memory_jobs1"] = {**grown, "documents": args.memory_docs}
                continue
            step(f"memory: ethiq --jobs {jobs} on {args.memory_docs:,} documents (/usr/bin/time -v)")
            command = ethiq_cmd(big, jobs, budget=SIZE_TIME_BUDGET_S)
            measured = time_v(command, env, Path(os.devnull))
            results[f"memory_jobs{jobs}"] = {**measured, "documents": args.memory_docs}
    results["environment"]["load_after"] = os.getloadavg()
    out.write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)
    print(f"\nall figures: {out}")
    return 0


def measure_scaling(args: argparse.Namespace, results: dict[str, Any], env: dict[str, str], repo: Path) -> None:
    """The parts about size: --jobs at several sizes, growth, the incremental check, the cost per entry point."""
    parts = args.parts
    if "jobs" in parts:
        for docs in args.jobs_docs:
            jobs_repo = ensure_repository(args.workdir, docs, args.seed)
            for jobs in (1, 2):
                step(f"ethiq --jobs {jobs} on {docs:,} documents")
                measured = measure_ethiq(jobs_repo, docs, jobs, 1, env, args.workdir)
                results.setdefault("jobs", {}).setdefault(str(docs), {})[str(jobs)] = measured
    if "growth" in parts:
        results["growth"] = measure_growth(args.growth_docs, args.seed, env, args.workdir)
    if "incremental" in parts:
        step(f"incremental: one changed document in {args.docs:,}")
        results["incremental"] = measure_incremental(args.docs, args.seed, env, args.workdir)
    if "rules" in parts:
        step("cost per entry point")
        checker, inputs = build_inputs(repo)
        results["rules"] = measure_rules(checker, inputs)
        del inputs


def step(text: str) -> None:
    print(f"-- {text}", flush=True)


def environment() -> dict[str, Any]:
    import regorus  # noqa: F401 - its version is what matters

    from ethiq.engine.evaluate import engine_version

    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "engine": engine_version(),
        "load_before": os.getloadavg(),
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def print_table(r: dict[str, Any]) -> None:  # noqa: PLR0915 - one row per figure, in the README's order
    """Each target with its figure and met / NOT MET; plain figures beside them."""
    rows: list[tuple[str, str, str, str]] = []
    t = r.get("targets", TARGETS)

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT MET"

    j1, j2, floor, opa = r.get("ethiq_jobs1"), r.get("ethiq_jobs2"), r.get("floor"), r.get("opa")
    if j1:
        rows.append((f"ethiq --jobs 1, {j1['documents']:,} documents", f"{j1['docs_per_s']:,.0f} docs/s", "", ""))
    if floor:
        rows.append(("floor: bare regorus, same inputs", f"{floor['docs_per_s']:,.0f} docs/s", "", ""))
    if j1 and floor:
        ratio = j1["docs_per_s"] / floor["docs_per_s"]
        cpu_ratio = j1["cpu_docs_per_s"] / floor["cpu_docs_per_s"]
        target = t["floor_ratio_cpu"]
        rows.append(
            (
                "ethiq / floor, CPU (wall)",
                f"{cpu_ratio:.2f} ({ratio:.2f})",
                f">= {target}",
                verdict(cpu_ratio >= target),
            )
        )
    if j1 and j2:
        speedup = j2["docs_per_s"] / j1["docs_per_s"]
        same = r["same_report_jobs1_jobs2"]
        rows.append((f"ethiq --jobs 2, {j2['documents']:,} documents", f"{j2['docs_per_s']:,.0f} docs/s", "", ""))
        rows.append(
            (
                "speed-up --jobs 2 / --jobs 1",
                f"{speedup:.2f}x",
                f">= {t['jobs2_speedup']}x",
                verdict(speedup >= t["jobs2_speedup"]),
            )
        )
        rows.append(("same report, jobs 1 and 2", str(same), "True", verdict(same)))
    for docs, measured in sorted((r.get("jobs") or {}).items(), key=lambda item: int(item[0])):
        if "1" in measured and "2" in measured:
            speedup = measured["2"]["docs_per_s"] / measured["1"]["docs_per_s"]
            same = measured["1"]["report_sha256"] == measured["2"]["report_sha256"]
            rows.append(
                (
                    f"--jobs 2 / --jobs 1, {int(docs):,} documents",
                    f"{speedup:.2f}x ({measured['2']['docs_per_s']:,.0f} / {measured['1']['docs_per_s']:,.0f} docs/s)",
                    f">= {t['jobs2_speedup']}x",
                    verdict(speedup >= t["jobs2_speedup"] and same),
                )
            )
    cold = r.get("cold_start")
    if cold:
        median = cold["ethiq_check_one_document"]["median_ms"]
        regorus_ms = cold["python_import_regorus"]["median_ms"]
        cpu = cold["ethiq_check_one_document"].get("cpu_median_ms")
        regorus_cpu = cold["python_import_regorus"].get("cpu_median_ms")
        rows.append(
            (
                "cold start, 1 document, --format json (median)",
                f"{median:.0f} ms" + (f" (CPU {cpu:.0f} ms)" if cpu is not None else ""),
                f"<= {t['cold_start_ms']:.0f} ms",
                verdict(median <= t["cold_start_ms"]),
            )
        )
        rows.append(
            (
                'cold start / python -c "import regorus"',
                f"{median / regorus_ms:.1f}x ({regorus_ms:.0f} ms)"
                + (f" (CPU {cpu / regorus_cpu:.1f}x)" if cpu is not None and regorus_cpu else ""),
                f"<= {t['cold_start_over_import_regorus']}x",
                verdict(median / regorus_ms <= t["cold_start_over_import_regorus"]),
            )
        )
        for name, label in (
            ("ethiq_check_one_document_table", "cold start, --format table (median)"),
            ("ethiq_check_one_document_no_cache", "cold start with --no-cache (median)"),
            ("python_empty", 'python -c "pass" (median)'),
        ):
            if name in cold:
                figure = cold[name]
                extra = f" (CPU {figure['cpu_median_ms']:.0f} ms)" if "cpu_median_ms" in figure else ""
                rows.append((label, f"{figure['median_ms']:.0f} ms{extra}", "", ""))
        if "bytecode" in cold:
            rows.append(("cold start bytecode", cold["bytecode"], "", ""))
    growth = r.get("growth")
    if growth:
        per_doc = {int(docs): g["ms_per_doc"] for docs, g in growth.items()}
        cpu_per_doc = {int(docs): g["cpu_ms_per_doc"] for docs, g in growth.items()}
        for docs in sorted(per_doc):
            g = growth[str(docs)]
            figure = f"{per_doc[docs]:.2f} ms/doc (CPU {cpu_per_doc[docs]:.2f}), {g['max_rss_mib']:.0f} MiB"
            rows.append((f"growth: {docs:,} documents", figure, "", ""))
        if len(per_doc) > 1:
            target = t["growth_per_doc_spread"]
            for label, figures in (("wall", per_doc), ("CPU", cpu_per_doc)):
                spread = max(figures.values()) / min(figures.values())
                rows.append(
                    (
                        f"growth: max / min {label} time per document",
                        f"{spread:.2f}x",
                        f"<= {target}x",
                        verdict(spread <= target),
                    )
                )
    for jobs in (1, 2):
        memory = r.get(f"memory_jobs{jobs}")
        if memory:
            peak = memory["max_rss_mib"]
            rows.append(
                (
                    f"peak RSS (time -v), {memory['documents']:,} documents, --jobs {jobs}",
                    f"{peak:.0f} MiB",
                    f"<= {t['peak_rss_mib_100k']:.0f} MiB",
                    verdict(peak <= t["peak_rss_mib_100k"]),
                )
            )
    incremental = r.get("incremental")
    if incremental and "runs" in incremental:
        typical = [run for run in incremental["runs"] if not run["edit"].startswith("hub")]
        rows.append(
            (
                f"--changed-since, 1 of {incremental['documents']:,} changed, median of {len(typical)} kinds",
                f"{incremental['median_wall_s']:.2f} s (max {incremental['max_wall_s']:.2f} s)",
                f"< {t['incremental_one_change_s']} s",
                verdict(incremental["median_wall_s"] < t["incremental_one_change_s"]),
            )
        )
        for run in incremental["runs"]:
            label = f"  {run['edit']}: {run['judged']} judged"
            rows.append((label, f"{run['wall_s']:.2f} s, {run['cpu_s']:.2f} s CPU", "", ""))
    if opa and "skipped" in opa:
        rows.append(("OPA", "skipped", "", ""))
    elif opa:
        rows.append(("OPA, same policies and inputs", f"{opa['docs_per_s']:,.0f} docs/s", "", ""))
        # CPU, as against the floor: on a shared machine wall time says more about the load than about ethiq.
        if floor:
            ratio = floor["cpu_docs_per_s"] / opa["cpu_docs_per_s"]
            wall = floor["docs_per_s"] / opa["docs_per_s"]
            rows.append(("bare regorus / OPA, CPU (wall)", f"{ratio:.2f}x ({wall:.2f}x)", "", ""))
        if j1:
            ratio = j1["cpu_docs_per_s"] / opa["cpu_docs_per_s"]
            wall = j1["docs_per_s"] / opa["docs_per_s"]
            rows.append(
                (
                    "ethiq --jobs 1 / OPA, CPU (wall)",
                    f"{ratio:.2f}x ({wall:.2f}x)",
                    f">= {t['opa_ratio']}x",
                    verdict(ratio >= t["opa_ratio"]),
                )
            )
        differing = f"{opa['mismatches']} of {opa['evaluations']:,}"
        rows.append(("results differing from OPA", differing, "0", verdict(not opa["mismatches"])))
    rules = r.get("rules")
    if rules:
        for entry, cost in list(rules.items())[:8]:
            label = f"cost: {entry.removeprefix('data.ethiq.rules.')} ({', '.join(cost['rules'][:4])})"
            rows.append((label, f"{cost['ms_per_doc']:.3f} ms/doc, {cost['share']:.0%}", "", ""))
    width = [max(len(row[i]) for row in rows) for i in range(4)] if rows else [0] * 4
    for row in rows:
        print("  ".join(cell.ljust(width[i]) for i, cell in enumerate(row)).rstrip())


if __name__ == "__main__":
    sys.exit(main())
