"""``ethiq check``: configuration -> checker -> waivers -> every requested rendering -> exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ethiq.engine.errors import UsageError
from ethiq.engine.findings import Report

from .output import FORMATS, renderer


def parse_outputs(values: Sequence[str]) -> list[tuple[str, Path]]:
    """``FORMAT=FILE`` pairs of ``--output``."""
    outputs = []
    for value in values:
        fmt, sep, file = value.partition("=")
        if not sep or not file or fmt not in FORMATS:
            raise UsageError(f"--output takes FORMAT=FILE with FORMAT one of {', '.join(FORMATS)}, not {value!r}")
        outputs.append((fmt, Path(file)))
    return outputs


def run_check(flags: Mapping[str, Any], outputs: Sequence[str], *, stdin_is_input: bool) -> int:
    """Run a check with ``flags`` (None = not given, so the configuration decides) and render it."""
    from ethiq.engine import Checker
    from ethiq.engine.config import load_config
    from ethiq.engine.waivers import apply_waivers, load_waivers

    config = load_config(Path.cwd(), os.environ, flags)
    if config.format not in FORMATS:
        raise UsageError(
            f"format must be one of {', '.join(FORMATS)}, not {config.format!r} ({config.origin('format')})"
        )
    targets = parse_outputs(outputs)
    paths = [str(p) for p in config.paths]
    if not paths:
        raise UsageError("no paths to check: give PATH arguments or set `paths` in ethiq.toml")
    checker = Checker(
        policies=list(config.policies), context=list(config.context), as_of=config.as_of, lang=config.lang
    )
    stdin_text = sys.stdin.read() if stdin_is_input else None
    check_options: dict[str, Any] = {"stdin_text": stdin_text, "exclude": config.excludes if config.exclude else None}
    if config.jobs != 1:
        check_options["jobs"] = config.jobs
    report = checker.check(paths, **check_options)
    report.fail_on = config.fail_on
    if config.waivers is not None:
        report = apply_waivers(report, load_waivers(config.waivers))
        report.fail_on = config.fail_on
    render_all(report, config.format, targets)
    return int(report.exit_code)


def render_all(report: Report, fmt: str, targets: Sequence[tuple[str, Path]]) -> None:
    for target_format, file in targets:
        file.parent.mkdir(parents=True, exist_ok=True)
        with file.open("w", encoding="utf-8") as out:
            renderer(target_format)(report, out)
    renderer(fmt)(report, sys.stdout)
