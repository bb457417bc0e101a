"""The report stage alone at full size: peak memory of a million findings through the spool, the decisions
and the JSON writer, without evaluating a document.

A 100,000-document check takes about an hour of CPU on the 2-core benchmark machine; what its report costs in
memory does not depend on how the findings were found. This script takes the findings of a real check of a
small generated repository (``--sample`` documents) as templates, repeats them under new document ids and
files until there are ``--docs`` documents (about 11 findings each, as in ``bench/generate.py``'s
repositories), writes them through the ledger's writer as a run would, applies a waiver file (``--waivers``)
and the report's decisions, and writes the report to /dev/null in each of ``--formats``, each in a child forked
for it. It prints the peak RSS of this process (``ru_maxrss``) after each step, and of each child::

    python bench/report_memory.py --docs 100000 [--waivers FILE] [--formats json,sarif,table]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate as generator  # noqa: E402 - bench/ is not a package

from ethiq import Checker  # noqa: E402
from ethiq.cli.output import renderer  # noqa: E402
from ethiq.engine.judge import decide, load_waivers  # noqa: E402
from ethiq.engine.report import DocumentResult, Report, Verdict  # noqa: E402
from ethiq.engine.spool import FindingWriter  # noqa: E402


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000, help="documents of the report (default 100,000)")
    parser.add_argument("--sample", type=int, default=300, help="documents actually checked for templates")
    parser.add_argument("--waivers", type=Path, help="a waiver file to apply")
    parser.add_argument(
        "--formats", default="json", help="formats to write, each in a forked child measured alone (default json)"
    )
    args = parser.parse_args(argv)
    started = time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        generator.generate(args.sample, seed=3, out=Path(tmp) / "repo")
        sample = Checker(as_of=generator.AS_OF).check([Path(tmp) / "repo"], jobs=1)
    templates = list(sample.findings)
    documents = [d for d in sample.documents if d.id]
    print(f"sample: {len(documents)} documents, {len(templates)} findings; peak {peak_mib():.0f} MiB")
    copies = max(1, args.docs // len(documents))
    writer = FindingWriter()
    results: list[DocumentResult] = []
    for copy in range(copies):
        for document in documents:
            results.append(dataclasses.replace(document, id=f"{document.id}_{copy}", file=f"{copy}/{document.file}"))
        for finding in templates:
            writer.add(
                dataclasses.replace(
                    finding,
                    document_id=f"{finding.document_id}_{copy}",
                    file=f"{copy}/{finding.file}",
                    message=f"{finding.message} ({copy})",
                )
            )
    findings = writer.finish()
    report = Report(
        as_of=sample.as_of,
        lang=sample.lang,
        documents=results,
        findings=findings,
        rules=sample.rules,
        judged=len(results),
    )
    failing = sum(1 for d in results if d.verdict == Verdict.FAIL)
    print(f"written: {len(results):,} documents ({failing:,} failing), {len(findings):,} findings")
    print(f"  peak {peak_mib():.0f} MiB")
    waivers = load_waivers(args.waivers) if args.waivers else None
    decided = decide(report, waivers=waivers)
    summary = decided.summary()
    print(f"decided: {summary['blocking']:,} blocking, {summary['waived']:,} waived; peak {peak_mib():.0f} MiB")
    for fmt in args.formats.split(","):
        print(f"{fmt}: peak {render_alone(decided, fmt):.0f} MiB")
    print(f"CPU {time.process_time() - started:.0f} s (this process)")
    return 0


def render_alone(report: Report, fmt: str) -> float:
    """Peak RSS (MiB) of a child forked now that writes ``report`` as ``fmt`` to /dev/null: this process's
    memory as the child starts, and what the renderer adds."""
    pid = os.fork()
    if pid == 0:  # the child: render, and leave without running the parent's cleanup
        code = 0
        try:
            with open(os.devnull, "w", encoding="utf-8") as out:
                renderer(fmt)(report, out)
        except BaseException:
            code = 1
        os._exit(code)
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        raise SystemExit(f"writing {fmt} failed")
    return usage.ru_maxrss / 1024


if __name__ == "__main__":
    raise SystemExit(main())
