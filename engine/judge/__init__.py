"""Stage 5, judge: findings from raw rule results, then the decisions applied to the report for every caller.

:mod:`.findings` turns what a rule emitted into located, worded :class:`Finding` values and a document's
verdict; :mod:`.stages` is the per-document pipeline (intake, then judgement) the runner executes in any
process; :mod:`.waivers` and :mod:`.baseline` read and apply what people accepted; :mod:`.decisions` applies
waivers, baseline and fail-on in one fixed order; :mod:`.inspection` shows the ``input`` of each document
without judging it.
"""

from .baseline import Baseline, BaselineFileError, apply_baseline, baseline_of, load_baseline, parse_baseline
from .decisions import decide
from .inspection import DocumentInput, Inspection, inspect_items
from .stages import DocumentStages, StagesState
from .waivers import WaiverFileError, WaiverSet, apply_waivers, load_waivers, parse_waivers

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
