"""Rendering of ``ethiq test``: one line per test, failures with their message, then coverage."""

from __future__ import annotations

import json
from typing import TextIO

from ethiq.engine.evaluate.testing import RegoTestReport


def render_tests(report: RegoTestReport, out: TextIO, *, fmt: str, threshold: float, verbose: bool = False) -> None:
    """The results: in the table, failures and errors only (every test with ``verbose``), then the counts."""
    if fmt == "json":
        json.dump(
            {
                "summary": {
                    **report.counts(),
                    "total": len(report.results),
                    "coverage_percent": round(report.coverage_percent, 2) if report.coverage else None,
                },
                "tests": [
                    {
                        "package": r.test.package,
                        "name": r.test.name,
                        "file": r.test.file,
                        "line": r.test.line,
                        "status": r.status,
                        "message": r.message,
                        "duration_ms": round(r.duration_ms, 3),
                        "prints": list(r.prints),
                    }
                    for r in report.results
                ],
                "coverage": [
                    {"file": c.file, "percent": round(c.percent, 2), "not_covered": sorted(c.not_covered)}
                    for c in report.coverage
                ],
            },
            out,
            indent=2,
        )
        out.write("\n")
        return
    from rich.console import Console

    console = Console(file=out, highlight=False, width=None if out.isatty() else 200)
    marks = {"pass": "[green]PASS[/]", "fail": "[bold red]FAIL[/]", "error": "[bold magenta]ERROR[/]"}
    for result in report.results:
        if result.passed and not verbose:
            continue
        console.print(
            f"{marks[result.status]} {result.test.package}.{result.test.name} "
            f"[dim]({result.test.file}:{result.test.line}, {result.duration_ms:.1f} ms)[/]"
        )
        if not result.passed:
            console.print(f"     {result.message}", markup=False)
            for line in result.prints:
                console.print(f"     print: {line}", markup=False)
    if report.coverage:
        console.print("\nCoverage of the policies:")
        for entry in sorted(report.coverage, key=lambda c: c.file):
            missing = ",".join(str(n) for n in sorted(entry.not_covered))
            console.print(
                f"  {entry.percent:6.1f}%  {entry.file}" + (f"  [dim]not covered: {missing}[/]" if missing else "")
            )
        verdict = (
            ""
            if not threshold
            else (
                " (threshold "
                + f"{threshold:.1f}%: "
                + ("met" if report.coverage_percent >= threshold else "NOT met")
                + ")"
            )
        )
        console.print(f"  {report.coverage_percent:6.1f}%  total{verdict}")
    counts = report.counts()
    total = len(report.results)
    console.print(
        ("\n" if (verbose or counts["fail"] or counts["error"] or report.coverage) else "")
        + f"{total} {'test' if total == 1 else 'tests'}: {counts['pass']} passed, {counts['fail']} failed, "
        f"{counts['error']} {'error' if counts['error'] == 1 else 'errors'}"
    )
