"""Shared fixtures: one prepared checker per session, Hypothesis profiles, paths."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
AS_OF = "2026-11-23"

sys.path.insert(0, str(Path(__file__).parent))  # tests/strategies.py

settings.register_profile(
    "dev", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def checker():  # type: ignore[no-untyped-def]
    """The bundled policy set, compiled and validated once for the whole session."""
    from ethiq import Checker

    return Checker(as_of=AS_OF)
