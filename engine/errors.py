"""One exception tree for ethiq.

::

    EthiqError
     +-- InputError            the user's input cannot be judged            (exit 2)
     |    +-- DocumentReadError     unreadable, unparsable JSON or YAML
     |    +-- UsageError            bad options: unknown kind, bad date, missing path
     |    +-- ConfigError           ethiq.toml, [tool.ethiq] or ETHIQ_* holds an unknown key or a bad value
     |    +-- WaiverFileError       the waiver file is unreadable or breaks its schema (judge/waivers.py)
     |    +-- BaselineFileError     the baseline file is unreadable or malformed (judge/baseline.py)
     +-- PolicyError           the policy set, its data or the engine is broken (exit 3)
          +-- PolicyLoadError       a module does not parse or compile, metadata is incomplete
          +-- ContextError          the policy context is invalid
          +-- EvaluationError       the engine failed, panicked or returned something unusable

A deny is a value (a ``Finding``), never an exception. Exceptions are for input that cannot be judged and
for a policy set that cannot judge; the CLI turns them into exit codes in one place.
"""

from __future__ import annotations


class EthiqError(Exception):
    """Base of every error ethiq raises on purpose."""

    exit_code = 3


class InputError(EthiqError):
    """The input cannot be judged: the run must not exit 0."""

    exit_code = 2


class DocumentReadError(InputError):
    """A file could not be read or parsed."""

    def __init__(self, message: str, *, file: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column


class ContextFileError(InputError):
    """A context file named for the run (``--context`` or the configuration) cannot be read (exit 2)."""

    def __init__(self, message: str, *, file: str, line: int | None = None):
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")
        self.file = file
        self.line = line


class UsageError(InputError):
    """The caller asked for something ethiq cannot do."""


class ConfigError(InputError):
    """The configuration is unusable: unknown key, wrong type or value, unreadable or invalid TOML."""

    def __init__(
        self, message: str, *, origin: str, key: str | None = None, file: str | None = None, line: int | None = None
    ):
        where = f"{file}:{line}" if file and line else origin
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")
        self.origin = origin
        self.key = key
        self.file = file
        self.line = line


class PolicyError(EthiqError):
    """The policy set, its data or the engine is broken."""

    exit_code = 3


class PolicyLoadError(PolicyError):
    """A policy module or its metadata is unusable; carries ``file:line:col`` where known."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None, column: int | None = None):
        location = ":".join(str(part) for part in (file, line, column) if part is not None)
        super().__init__(f"{location}: {message}" if location else message)
        self.file = file
        self.line = line
        self.column = column


class ContextError(PolicyError):
    """The policy context (bundled, from the inputs or from ``--context``) is invalid."""


class EvaluationError(PolicyError):
    """The engine failed on one document: an error, a panic or an unusable result."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column
