"""Stage 4, evaluate: the policy set, the input builder, the engine, and the runner that drives them.

:mod:`.policies` loads the policy set, reads its METADATA and proves every rule before any document is
judged; :mod:`.inputs` builds the ``input`` the rules see (the only builder); :mod:`.evaluator` is the only
module that imports regorus; :mod:`.parallel` runs the per-document stages over a run, in one or more
processes; :mod:`.testing` runs the Rego unit tests. :mod:`.opa` is OPA itself behind the same interface
as the regorus wrapper (the reference implementation, for parity), and :mod:`.bundle` packs the policy set
and its context as an OPA bundle.
"""

from .evaluator import PreparedEngine, engine_version
from .inputs import RunIndex, build_input_json
from .policies import SETS, PolicySet, bundled_policy_dir, load_policy_set

__all__ = [
    "SETS",
    "PolicySet",
    "PreparedEngine",
    "RunIndex",
    "build_input_json",
    "bundled_policy_dir",
    "engine_version",
    "load_policy_set",
]
