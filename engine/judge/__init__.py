"""Stage 5, judge: findings from raw rule results, then the decisions applied to the report for every caller.

:mod:`.findings` turns what a rule emitted into located, worded :class:`Finding` values and a document's
verdict; :mod:`.stages` is the per-document pipeline (intake, then judgement) the runner executes in any
process; :mod:`.waivers` and :mod:`.baseline` read and apply what people accepted; :mod:`.decisions` applies
waivers, baseline and fail-on in one fixed order; :mod:`.inspection` shows the ``input`` of each document
without judging it.
"""

from typing import TYPE_CHECKING, Any

from .baseline import Baseline, BaselineFileError, apply_baseline, baseline_of, load_baseline, parse_baseline
from .decisions import decide
from .stages import DocumentStages, StagesState
from .waivers import WaiverFileError, WaiverSet, apply_waivers, load_waivers, parse_waivers

if TYPE_CHECKING:
    from .inspection import DocumentInput, Inspection, inspect_items

__all__ = [
    "Baseline",
    "BaselineFileError",
    "DocumentInput",
    "DocumentStages",
    "Inspection",
    "StagesState",
    "WaiverFileError",
    "WaiverSet",
    "apply_baseline",
    "apply_waivers",
    "baseline_of",
    "decide",
    "inspect_items",
    "load_baseline",
    "load_waivers",
    "parse_baseline",
    "parse_waivers",
]


def __getattr__(name: str) -> Any:
    """What inspecting uses, imported when first used (PEP 562): a check never inspects."""
    if name in ("DocumentInput", "Inspection", "inspect_items"):
        from . import inspection

        return getattr(inspection, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
