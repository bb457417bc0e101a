"""ethiq's engine: documents, schemas, policies, the graph and the report. It never prints and never exits."""

from .context import PolicyContext, build_context
from .documents import Document, ReadProblem, iter_documents, load_documents, parse_documents
from .errors import (
    ContextError,
    DocumentReadError,
    EthiqError,
    EvaluationError,
    InputError,
    PolicyError,
    PolicyLoadError,
    UsageError,
)
from .findings import DocumentResult, ExitCode, Finding, Problem, Report
from .policies import PolicySet, RuleMeta, load_policy_set
from .runner import Checker, check
from .schema import KINDS, SchemaSet, SchemaViolation

__all__ = [
    "KINDS",
    "Checker",
    "ContextError",
    "Document",
    "DocumentReadError",
    "DocumentResult",
    "EthiqError",
    "EvaluationError",
    "ExitCode",
    "Finding",
    "InputError",
    "PolicyContext",
    "PolicyError",
    "PolicyLoadError",
    "PolicySet",
    "Problem",
    "ReadProblem",
    "Report",
    "RuleMeta",
    "SchemaSet",
    "SchemaViolation",
    "UsageError",
    "build_context",
    "check",
    "iter_documents",
    "load_documents",
    "load_policy_set",
    "parse_documents",
]
