"""ethiq's engine, installed as ``ethiq.engine``: the check pipeline and its public API. It never prints or exits.

Stages, each a folder: ``read/`` -> ``validate/`` -> ``graph/`` -> ``evaluate/`` -> ``judge/``, driven by
``pipeline.py`` into the frozen report of ``report.py``; ``config.py`` turns every way of giving a setting into
one :class:`Config`; ``errors.py`` is the one exception tree. ``ethiq/__init__.py`` re-exports this API.
"""

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
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

#: The module each public name comes from. A name is imported when it is first used (PEP 562), so that
#: ``import ethiq`` and each command load only the stages they use: a check never imports the record, the
#: baseline writer or the deadlines overview unless it needs them.
_ORIGINS = {
    "Baseline": ".judge",
    "BaselineCreation": ".pipeline",
    "BaselineFileError": ".judge",
    "Checker": ".pipeline",
    "Config": ".config",
    "ConfigError": ".errors",
    "ContextError": ".errors",
    "Deadline": ".judge.deadlines",
    "Document": ".read",
    "DocumentInput": ".judge",
    "DocumentReadError": ".errors",
    "DocumentResult": ".report",
    "EthiqError": ".errors",
    "EvaluationError": ".errors",
    "ExitCode": ".report",
    "Finding": ".report",
    "InputError": ".errors",
    "Inspection": ".judge",
    "KINDS": ".validate",
    "Notice": ".report",
    "Overview": ".judge.overview",
    "PolicyContext": ".graph",
    "PolicyError": ".errors",
    "PolicyLoadError": ".errors",
    "PolicySet": ".evaluate",
    "Problem": ".report",
    "ProblemKind": ".report",
    "ReadLimits": ".read",
    "ReadProblem": ".read",
    "RecordFileError": ".record",
    "RecordVerification": ".record",
    "Report": ".report",
    "RuleMeta": ".report",
    "RuleSource": ".report",
    "SchemaSet": ".validate",
    "SchemaViolation": ".validate",
    "Status": ".report",
    "UsageError": ".errors",
    "Verdict": ".report",
    "WaiverFileError": ".judge",
    "WaiverStatus": ".judge.overview",
    "build_context": ".graph",
    "check": ".pipeline",
    "content_sha256": ".graph",
    "git_state": ".record",
    "inspect": ".pipeline",
    "iter_documents": ".read",
    "load_config": ".config",
    "load_documents": ".read",
    "load_policy_set": ".evaluate",
    "load_record": ".record",
    "overview_of": ".judge.overview",
    "parse_documents": ".read",
    "read_stdin": ".read",
    "record_of": ".record",
    "validate": ".pipeline",
    "verify_record": ".record",
}

# ``validate`` names the function of the pipeline, as it always did, not the stage's subpackage: importing a
# subpackage sets it as an attribute of its parent, so the stage is imported here, first, and its attribute
# dropped; the first use of ``validate`` then finds the function.
_importlib.import_module(".validate", __name__)
del globals()["validate"]


def __getattr__(name: str) -> _typing.Any:
    origin = _ORIGINS.get(name)
    if origin is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(origin, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
