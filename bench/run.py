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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate as generator  # noqa: E402 - bench/ is not a package

AS_OF = generator.AS_OF
TARGETS = {
    "floor_ratio": 0.7,
    "jobs2_speedup": 1.7,
    "cold_start_ms": 250.0,
    "peak_rss_mib_100k": 250.0,
}
OPA_WHEEL = "opa-golib-python-bindings==0.4.4"


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

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid = pid
        self.interval = interval
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
            self.peak_kib = max(self.peak_kib, sum(_rss_kib(pid) for pid in _tree(self.pid)))


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


def run_process(cmd: Sequence[str], *, env: dict[str, str], stdout: Path | None = None) -> dict[str, Any]:
    """Run ``cmd`` to completion: wall time, CPU time and peak memory of it and its workers."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115 - closed below
    try:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, env=env, cwd=ROOT)
        with TreeSampler(process.pid) as sampler:
            _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    finally:
        if stdout:
            out.close()  # type: ignore[union-attr]
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}:\n{stderr[-3000:]}")
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        # ru_maxrss of wait4 covers the process and the workers it waited for: the largest single process.
        "max_rss_mib": usage.ru_maxrss / 1024,
        "peak_tree_rss_mib": sampler.peak_kib / 1024 or None,
        "exit_code": code,
    }


def ethiq_cmd(path: Path, jobs: str | int, fmt: str = "json") -> list[str]:
    return [sys.executable, "-m", "ethiq", "check", str(path), "--format", fmt, "--as-of", AS_OF, "--jobs", str(jobs)]


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
    document = one_document(workdir)
    commands = {
        "ethiq_check_one_document": ethiq_cmd(document, 1),
        "python_import_regorus": [sys.executable, "-c", "import regorus"],
        "python_empty": [sys.executable, "-c", "pass"],
    }
    out: dict[str, Any] = {}
    for name, cmd in commands.items():
        subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, check=False)  # warm the file cache
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, check=False)
            times.append((time.perf_counter() - start) * 1000)
        out[name] = {"median_ms": statistics.median(times), "min_ms": min(times), "runs_ms": times}
    return out


# --- the floor: bare regorus on ethiq's own inputs ------------------------------------------------------------


def build_inputs(repo: Path) -> tuple[Any, list[tuple[str, str]]]:
    """ethiq's checker and, for every document, (kind, the input JSON ethiq hands the engine)."""
    from ethiq import Checker, load_documents
    from ethiq.engine.graph import DocumentIndex

    checker = Checker(as_of=AS_OF)
    documents = load_documents([repo])
    index = DocumentIndex(documents)
    context = checker.base_context
    inputs = [(d.kind or "", checker.input_json(d, index, context)) for d in documents]
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


def main(argv: Sequence[str] | None = None) -> int:
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
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    results: dict[str, Any] = {"environment": environment(), "targets": TARGETS}

    repo = ensure_repository(args.workdir, args.docs, args.seed)
    step("ethiq --jobs 1")
    results["ethiq_jobs1"] = measure_ethiq(repo, args.docs, 1, args.repeat, env, args.workdir)
    step("ethiq --jobs 2")
    results["ethiq_jobs2"] = measure_ethiq(repo, args.docs, 2, args.repeat, env, args.workdir)
    results["same_report_jobs1_jobs2"] = (
        results["ethiq_jobs1"]["report_sha256"] == results["ethiq_jobs2"]["report_sha256"]
    )
    step("floor: bare regorus on ethiq's inputs")
    checker, inputs = build_inputs(repo)
    results["floor"] = measure_floor(checker, inputs, args.repeat)
    step("cold start")
    results["cold_start"] = measure_cold_start(args.workdir, args.cold_runs, env)
    opa = None if args.no_opa else load_opa(args.opa_path, args.workdir, args.fetch_opa)
    if opa is None:
        results["opa"] = {"skipped": "OPA's bindings are not importable (see --fetch-opa / --opa-path)"}
    else:
        step("OPA on the same policies and inputs")
        results["opa"] = measure_opa(opa, checker, inputs, args.repeat)
    del inputs
    if args.memory_docs:
        big = ensure_repository(args.workdir, args.memory_docs, args.seed)
        for jobs in (1, 2):
            step(f"memory: ethiq --jobs {jobs} on {args.memory_docs:,} documents")
            results[f"memory_jobs{jobs}"] = measure_ethiq(big, args.memory_docs, jobs, 1, env, args.workdir)
    results["environment"]["load_after"] = os.getloadavg()
    out = args.out or args.workdir / "results.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)
    print(f"\nall figures: {out}")
    return 0


def step(text: str) -> None:
    print(f"-- {text}", flush=True)


def environment() -> dict[str, Any]:
    import regorus  # noqa: F401 - its version is what matters

    from ethiq.engine.evaluator import engine_version

    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "engine": engine_version(),
        "load_before": os.getloadavg(),
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def print_table(r: dict[str, Any]) -> None:
    rows: list[tuple[str, str, str, str]] = []
    j1, j2, floor = r["ethiq_jobs1"], r["ethiq_jobs2"], r["floor"]

    def check(ok: bool) -> str:
        return "met" if ok else "NOT MET"

    ratio = j1["docs_per_s"] / floor["docs_per_s"]
    cpu_ratio = j1["cpu_docs_per_s"] / floor["cpu_docs_per_s"]
    speedup = j2["docs_per_s"] / j1["docs_per_s"]
    cold = r["cold_start"]["ethiq_check_one_document"]["median_ms"]
    rows += [
        (f"ethiq --jobs 1, {j1['documents']:,} documents", f"{j1['docs_per_s']:,.0f} docs/s", "", ""),
        ("floor: bare regorus, same inputs", f"{floor['docs_per_s']:,.0f} docs/s", "", ""),
        ("ethiq / floor (wall; CPU)", f"{ratio:.2f} ({cpu_ratio:.2f})", ">= 0.70", check(ratio >= 0.7)),
        ("ethiq --jobs 2", f"{j2['docs_per_s']:,.0f} docs/s", "", ""),
        ("speed-up --jobs 2 / --jobs 1", f"{speedup:.2f}x", ">= 1.70x", check(speedup >= 1.7)),
        ("same report, jobs 1 and 2", str(r["same_report_jobs1_jobs2"]), "True", check(r["same_report_jobs1_jobs2"])),
        ("cold start, 1 document (median)", f"{cold:.0f} ms", "<= 250 ms", check(cold <= 250)),
        (
            'python -c "import regorus" (median)',
            f"{r['cold_start']['python_import_regorus']['median_ms']:.0f} ms",
            "",
            "",
        ),
        ('python -c "pass" (median)', f"{r['cold_start']['python_empty']['median_ms']:.0f} ms", "", ""),
    ]
    for jobs in (1, 2):
        memory = r.get(f"memory_jobs{jobs}")
        if memory:
            peak = memory["max_rss_mib"]
            rows.append(
                (
                    f"peak RSS, {memory['documents']:,} documents, --jobs {jobs}",
                    f"{peak:.0f} MiB (all processes {memory['peak_tree_rss_mib'] or 0:.0f})",
                    "<= 250 MiB",
                    check(peak <= 250),
                )
            )
    opa = r["opa"]
    if "skipped" in opa:
        rows.append(("OPA", "skipped", "", ""))
    else:
        faster = floor["docs_per_s"] / opa["docs_per_s"]
        rows += [
            ("OPA, same policies and inputs", f"{opa['docs_per_s']:,.0f} docs/s", "", ""),
            ("bare regorus / OPA", f"{faster:.2f}x", "> 1", check(faster > 1)),
            ("ethiq --jobs 1 / OPA", f"{j1['docs_per_s'] / opa['docs_per_s']:.2f}x", "> 1", ""),
            (
                "results differing from OPA",
                f"{opa['mismatches']} of {opa['evaluations']:,}",
                "0",
                check(not opa["mismatches"]),
            ),
        ]
    width = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width[i]) for i, cell in enumerate(row)).rstrip())


if __name__ == "__main__":
    sys.exit(main())
