"""``ethiq check`` and ``ethiq baseline create``: flags -> configuration -> the engine's check -> renderings.

No decision is taken here: the engine loads the configuration, applies waivers, the baseline and fail-on,
and the exit code is the report's.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ethiq.engine import read_stdin
from ethiq.engine.errors import UsageError
from ethiq.engine.report import Report

from .output import FORMATS, Renderer, renderer


def parse_outputs(values: Sequence[str]) -> list[tuple[str, Path]]:
    """``FORMAT=FILE`` pairs of ``--output``."""
    outputs = []
    for value in values:
        fmt, sep, file = value.partition("=")
        if not sep or not file or fmt not in FORMATS:
            raise UsageError(f"--output takes FORMAT=FILE with FORMAT one of {', '.join(FORMATS)}, not {value!r}")
        outputs.append((fmt, Path(file)))
    return outputs


def run_check(
    flags: Mapping[str, Any],
    outputs: Sequence[str],
    *,
    stdin_is_input: bool,
    compact: bool = False,
    rules: Sequence[str] = (),
    skip_rules: Sequence[str] = (),
    cache: bool = True,
    changed_since: str | None = None,
) -> int:
    """Run a check with ``flags`` (None = not given, so the configuration decides) and render it."""
    from ethiq.engine import check, load_config

    config = load_config(Path.cwd(), os.environ, flags)
    if config.format not in FORMATS:
        raise UsageError(
            f"format must be one of {', '.join(FORMATS)}, not {config.format!r} ({config.origin('format')})"
        )
    targets = parse_outputs(outputs)
    # Paths given on the command line are read, and named in every format, as the user wrote them.
    given = flags.get("paths") or None
    stdin_text = read_stdin(config.read_limits) if stdin_is_input else None
    from .progress import ProgressDisplay, wants_progress

    def run(progress: Callable[[str, int, int], None] | None = None) -> Report:
        return check(
            given,
            config=config,
            stdin_text=stdin_text,
            rules=rules,
            skip_rules=skip_rules,
            cache=cache,
            changed_since=changed_since,
            progress=progress,
        )

    if wants_progress(config.format, sys.stderr):
        with ProgressDisplay(config.lang) as display:
            report = run(display.update)
    else:
        report = run()
    render_all(report, config.format, targets, compact=compact, stdin_text=stdin_text)
    return int(report.exit_code)


def run_create_baseline(flags: Mapping[str, Any], output: Path, *, stdin_is_input: bool) -> int:
    """Write a baseline of the findings of the configured check to ``output``; say what was left out."""
    from ethiq.engine import Checker, load_config

    config = load_config(Path.cwd(), os.environ, flags)
    created = Checker(config=config).create_baseline(
        flags.get("paths") or None,
        output=output,
        stdin_text=read_stdin(config.read_limits) if stdin_is_input else None,
    )
    baseline, report = created.baseline, created.report
    from .output.table import count

    print(f"ethiq: wrote {count(len(baseline.entries), 'finding', 'en')} to {output}", file=sys.stderr)
    if baseline.left_out:
        print(
            f"ethiq: left out {count(len(baseline.left_out), 'finding', 'en')} of non-waivable rules, "
            "which no baseline accepts:",
            file=sys.stderr,
        )
        for finding in baseline.left_out:
            print(f"  {finding.rule_id} {finding.document_id} {finding.json_path}", file=sys.stderr)
    for problem in report.problems:
        print(f"ethiq: {problem.location}: {problem.message}", file=sys.stderr)
    return int(report.exit_code)


def render_all(
    report: Report,
    fmt: str,
    targets: Sequence[tuple[str, Path]],
    *,
    compact: bool = False,
    stdin_text: str | None = None,
) -> None:
    """``--output`` files first, then standard output; ``compact`` shapes the table on standard output."""
    for target_format, file in targets:
        file.parent.mkdir(parents=True, exist_ok=True)
        with file.open("w", encoding="utf-8") as out:
            _renderer(target_format, stdin_text)(report, out)
    if fmt == "table" and compact:
        from .output.table import render as render_table

        render_table(report, sys.stdout, compact=True)
        return
    _renderer(fmt, stdin_text)(report, sys.stdout)


def _renderer(fmt: str, stdin_text: str | None) -> Renderer:
    """The renderer of ``fmt``; the record also hashes the standard input the run read."""
    if fmt == "record":
        from .output.record import render

        return functools.partial(render, stdin_text=stdin_text)
    return renderer(fmt)
