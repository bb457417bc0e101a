"""Stage 4, evaluate: the policy set, the input builder, the engine, and the runner that drives them.

:mod:`.policies` loads the policy set, reads its METADATA and proves every rule before any document is
judged (:mod:`.structure` refuses rules placed where no engine can judge with them); :mod:`.inputs` builds
the ``input`` the rules see (the only builder); :mod:`.engines` prepares an engine by name behind one
interface: :mod:`.evaluator` is the only module that imports regorus, :mod:`.opa` the only one that imports
OPA (the reference implementation, for ``--engine opa`` and parity); :mod:`.parallel` runs the
per-document stages over a run, in one or more processes; :mod:`.testing` runs the Rego unit tests;
:mod:`.bundle` packs the policy set and its context as an OPA bundle.
"""

from typing import TYPE_CHECKING, Any

from .engines import ENGINES, Engine, engine_version, prepare_engine
from .evaluator import PreparedEngine
from .inputs import RunIndex, build_input_json
from .policies import SETS, PolicySet, bundled_policy_dir, load_policy_set

if TYPE_CHECKING:
    from .bundle import build_bundle, read_bundle

__all__ = [
    "ENGINES",
    "SETS",
    "Engine",
    "PolicySet",
    "PreparedEngine",
    "RunIndex",
    "build_bundle",
    "build_input_json",
    "bundled_policy_dir",
    "engine_version",
    "load_policy_set",
    "prepare_engine",
    "read_bundle",
]


def __getattr__(name: str) -> Any:
    """The bundle's functions, imported when first used (PEP 562): a check never writes or reads a bundle."""
    if name in ("build_bundle", "read_bundle"):
        from . import bundle

        return getattr(bundle, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
