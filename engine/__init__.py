"""ethiq's engine, installed as ``ethiq.engine``: the check pipeline and its public API. It never prints or exits.

Stages, each a folder: ``read/`` -> ``validate/`` -> ``graph/`` -> ``evaluate/`` -> ``judge/``, driven by
``pipeline.py`` into the frozen report of ``report.py``; ``config.py`` turns every way of giving a setting into
one :class:`Config`; ``errors.py`` is the one exception tree. ``ethiq/__init__.py`` re-exports this API.
"""

from .config import Config, load_config
from .errors import (
    ConfigError,
    ContextError,
    DocumentReadError,
    EthiqError,
    EvaluationError,
    InputError,
    PolicyError,
    PolicyLoadError,
    UsageError,
)
from .evaluate import PolicySet, load_policy_set
from .graph import PolicyContext, build_context, content_sha256
from .judge import Baseline, BaselineFileError, DocumentInput, Inspection, WaiverFileError
from .judge.deadlines import Deadline
from .judge.overview import Overview, WaiverStatus, overview_of
from .pipeline import BaselineCreation, Checker, check, inspect, validate
from .read import Document, ReadLimits, ReadProblem, iter_documents, load_documents, parse_documents, read_stdin
from .record import RecordFileError, RecordVerification, git_state, load_record, record_of, verify_record
from .report import (
    DocumentResult,
    ExitCode,
    Finding,
    Notice,
    Problem,
    ProblemKind,
    Report,
    RuleMeta,
    RuleSource,
    Status,
    Verdict,
)
from .validate import KINDS, SchemaSet, SchemaViolation

__all__ = [
    "KINDS",
    "Baseline",
    "BaselineCreation",
    "BaselineFileError",
    "Checker",
    "Config",
    "ConfigError",
    "ContextError",
    "Deadline",
    "Document",
    "DocumentInput",
    "DocumentReadError",
    "DocumentResult",
    "EthiqError",
    "EvaluationError",
    "ExitCode",
    "Finding",
    "InputError",
    "Inspection",
    "Notice",
    "Overview",
    "PolicyContext",
    "PolicyError",
    "PolicyLoadError",
    "PolicySet",
    "Problem",
    "ProblemKind",
    "ReadLimits",
    "ReadProblem",
    "RecordFileError",
    "RecordVerification",
    "Report",
    "RuleMeta",
    "RuleSource",
    "SchemaSet",
    "SchemaViolation",
    "Status",
    "UsageError",
    "Verdict",
    "WaiverFileError",
    "WaiverStatus",
    "build_context",
    "check",
    "content_sha256",
    "git_state",
    "inspect",
    "iter_documents",
    "load_config",
    "load_documents",
    "load_policy_set",
    "load_record",
    "overview_of",
    "parse_documents",
    "read_stdin",
    "record_of",
    "validate",
    "verify_record",
]
