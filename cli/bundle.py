"""``ethiq bundle``: the policy set and its context as an OPA bundle, for OPA servers to decide as ethiq does."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def run_bundle(flags: Mapping[str, Any], output: Path, *, revision: str | None) -> int:
    """Load and prove the configured policy set, write its bundle to ``output``, say what was written."""
    from ethiq.engine import Checker, load_config
    from ethiq.engine.evaluate import build_bundle, read_bundle

    config = load_config(Path.cwd(), os.environ, flags)
    checker = Checker(config=config)
    policy_set = checker.policy_set
    blob = build_bundle(
        policy_set.modules,
        checker.base_context.rego_data(),
        entry_points=policy_set.entry_points,
        revision=revision,
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(blob)
    bundle = read_bundle(blob)  # what OPA reads back: a bundle it would refuse is never written silently
    print(
        f"ethiq: wrote {output}: {len(bundle.modules)} policy modules and the context of "
        f"{len(checker.base_context.origins)} documents; revision {bundle.revision}; roots {', '.join(bundle.roots)}",
        file=sys.stderr,
    )
    return 0
