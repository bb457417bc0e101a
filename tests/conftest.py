"""Shared fixtures: one prepared checker per session, Hypothesis profiles, paths."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
AS_OF = "2026-11-23"
EXAMPLE = FIXTURES / "example-campaign"
#: The example campaign's own context, which relaxes the bundled one (the party's pages, the DSP contract,
#: the public-post export): named, as the campaign's ethiq.toml names it, whenever the whole campaign is checked.
EXAMPLE_CONTEXT = EXAMPLE / "context.yaml"

sys.path.insert(0, str(Path(__file__).parent))  # tests/strategies.py


def load_script(path: Path, name: str) -> ModuleType:
    """A script of the repository that is not in the package (tools/, bench/), imported as module ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


settings.register_profile("dev", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def checker():  # type: ignore[no-untyped-def]
    """The bundled policy set, compiled and validated once for the whole session."""
    from ethiq import Checker

    return Checker(as_of=AS_OF)


@pytest.fixture(scope="session")
def example_checker():  # type: ignore[no-untyped-def]
    """A checker with the example campaign's context named, as its ethiq.toml names it."""
    from ethiq import Checker

    return Checker(as_of=AS_OF, context=[EXAMPLE_CONTEXT])


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The suite keeps its proofs in a directory of its own, never in the user's cache (subprocesses too)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ETHIQ_CACHE_DIR", str(tmp_path_factory.mktemp("ethiq-cache")))
        yield
