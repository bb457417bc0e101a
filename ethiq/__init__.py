"""ethiq: policy-as-code for ethical political campaigning.

    >>> import ethiq
    >>> report = ethiq.check(["fixtures/example-campaign"], as_of="2026-11-23")
    >>> report.exit_code
    <ExitCode.BLOCKING: 1>

``ethiq.check`` takes paths and documents held in memory (mappings, whose dates may be
:class:`datetime.date`), applies waivers, a baseline and ``fail_on``, and returns the :class:`Report` the
CLI renders. For many checks, build an :class:`ethiq.Checker` once: it loads and proves the policies a
single time. ``help(ethiq.check)`` lists every option.
"""

from ethiq.engine import (
    KINDS,
    Baseline,
    BaselineCreation,
    BaselineFileError,
    Checker,
    Config,
    ConfigError,
    ContextError,
    Document,
    DocumentReadError,
    DocumentResult,
    EthiqError,
    EvaluationError,
    ExitCode,
    Finding,
    InputError,
    Inspection,
    PolicyError,
    PolicyLoadError,
    Problem,
    Report,
    Status,
    UsageError,
    Verdict,
    WaiverFileError,
    check,
    content_sha256,
    inspect,
    load_config,
    load_documents,
    load_policy_set,
    parse_documents,
    validate,
)
from ethiq.engine.report import TOOL_VERSION as __version__

__all__ = [
    "KINDS",
    "Baseline",
    "BaselineCreation",
    "BaselineFileError",
    "Checker",
    "Config",
    "ConfigError",
    "ContextError",
    "Document",
    "DocumentReadError",
    "DocumentResult",
    "EthiqError",
    "EvaluationError",
    "ExitCode",
    "Finding",
    "InputError",
    "Inspection",
    "PolicyError",
    "PolicyLoadError",
    "Problem",
    "Report",
    "Status",
    "UsageError",
    "Verdict",
    "WaiverFileError",
    "__version__",
    "check",
    "content_sha256",
    "inspect",
    "load_config",
    "load_documents",
    "load_policy_set",
    "parse_documents",
    "validate",
]
