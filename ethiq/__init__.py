"""ethiq: policy-as-code for ethical political campaigning.

    >>> import ethiq
    >>> report = ethiq.check(["fixtures/example-campaign"], as_of="2026-11-23")
    >>> report.exit_code
    <ExitCode.BLOCKING: 1>

For many checks, build an :class:`ethiq.Checker` once: it compiles and validates the policies a single time.
"""

from ethiq.engine import (
    KINDS,
    Checker,
    ContextError,
    Document,
    DocumentReadError,
    EthiqError,
    EvaluationError,
    ExitCode,
    Finding,
    InputError,
    PolicyError,
    PolicyLoadError,
    Problem,
    Report,
    UsageError,
    check,
    load_documents,
    load_policy_set,
    parse_documents,
)

__version__ = "0.1.0"

__all__ = [
    "KINDS",
    "Checker",
    "ContextError",
    "Document",
    "DocumentReadError",
    "EthiqError",
    "EvaluationError",
    "ExitCode",
    "Finding",
    "InputError",
    "PolicyError",
    "PolicyLoadError",
    "Problem",
    "Report",
    "UsageError",
    "__version__",
    "check",
    "load_documents",
    "load_policy_set",
    "parse_documents",
]
