"""Stage 3, graph: the run's ledger and index, references and neighbourhoods, names, context, derived facts.

:mod:`.ledger` records every item of a run (the nodes and edges of its document graph) and finds duplicate
ids; :mod:`.references` declares the edges; :mod:`.index` resolves them; :mod:`.neighbourhood` follows them
from one document; :mod:`.names` computes the normal forms rules compare; :mod:`.context` merges the policy
context; :mod:`.derived` computes facts Rego cannot.
"""

from .context import PolicyContext, build_context
from .derived import content_sha256, derive
from .index import DocumentIndex
from .ledger import Intake, Judgement, Key, Ledger, intake, ledger_of
from .lineage import ancestry_routes, lineage_facts, parents_of
from .neighbourhood import Neighbourhood, neighbourhood
from .references import iter_names, iter_references

__all__ = [
    "DocumentIndex",
    "Intake",
    "Judgement",
    "Key",
    "Ledger",
    "Neighbourhood",
    "PolicyContext",
    "ancestry_routes",
    "build_context",
    "content_sha256",
    "derive",
    "intake",
    "iter_names",
    "iter_references",
    "ledger_of",
    "lineage_facts",
    "neighbourhood",
    "parents_of",
]
