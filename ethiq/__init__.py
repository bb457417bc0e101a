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

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
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


def __getattr__(name: str) -> _typing.Any:
    """The public names, each imported from the engine when first used (PEP 562): ``import ethiq``, and every
    ``ethiq`` command, which imports this package first, load only the parts of the engine they use."""
    if name == "__version__":
        value: _typing.Any = _importlib.import_module("ethiq.engine.report").TOOL_VERSION
    elif name in __all__:
        value = getattr(_importlib.import_module("ethiq.engine"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
