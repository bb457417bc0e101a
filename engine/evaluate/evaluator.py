"""Stage 4, evaluate: the only module that imports regorus: prepare once, evaluate many, fail closed.

regorus parses at ``add_policy`` but reports unknown functions and unsafe variables only when a rule is
first evaluated, and a Rust panic reaches Python as ``pyo3_runtime.PanicException``, a ``BaseException``.
So every call is wrapped: any error, panic or result of the wrong shape becomes an :class:`EvaluationError`
(or a :class:`PolicyLoadError` with ``file:line:col`` while loading), never an empty result that would
read as "allowed".

The interpreter (``Engine``) is used rather than the compiled ``Rvm``: on the same policy the ``Rvm`` turned
a division by zero into an undefined value and returned the string ``"<undefined>"`` inside a set, where
the interpreter raised an error. A gate must see the error.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import EvaluationError, PolicyLoadError

# The Rust environment defaults, set before regorus is imported (Rust reads them once):
# - RUST_BACKTRACE: without this every regorus error message carries a Rust backtrace, which users cannot
#   act on; panic backtraces follow it too.
# - RUST_LIB_BACKTRACE: with RUST_BACKTRACE=1 in the environment (common on CI runners), regorus captures a
#   backtrace for every error it creates internally while evaluating, which measured 25 % of evaluation
#   time. Library backtraces are never shown to users (clean_message strips them).
os.environ.setdefault("RUST_BACKTRACE", "0")
os.environ.setdefault("RUST_LIB_BACKTRACE", "0")

import regorus

# regorus reports an undefined rule as this JSON string rather than raising.
_UNDEFINED_JSON = '"<undefined>"'


class _Undefined:
    """The value of a rule that is not defined for the current input."""

    def __repr__(self) -> str:
        return "undefined"


UNDEFINED: Any = _Undefined()

_LOCATION = re.compile(r"-->\s*(?P<file>.+?):(?P<line>\d+):(?P<col>\d+)")
_TRACE = re.compile(r"\n\s*Stack backtrace:.*", re.DOTALL)


class _QuietPanics:
    """Standard error sent nowhere while the engine runs: Rust's panic hook writes its own report there
    ("thread '<unnamed>' panicked at src/...") before the panic reaches Python, where it becomes ethiq's
    message. regorus holds the GIL while it runs, so no Python thread writes to standard error meanwhile.
    Standard error is duplicated on every call (about 6 us), since a caller may have replaced it since.
    """

    __slots__ = ("_saved", "_sink")

    def __init__(self) -> None:
        self._sink: int | None = None
        self._saved: int | None = None

    def __enter__(self) -> None:
        try:
            if self._sink is None:
                self._sink = os.open(os.devnull, os.O_WRONLY)
            self._saved = os.dup(2)
            os.dup2(self._sink, 2)
        except OSError:  # no standard error at all: nothing to keep clean
            self._restore()

    def __exit__(self, *exc: object) -> None:
        self._restore()

    def _restore(self) -> None:
        saved, self._saved = self._saved, None
        if saved is not None:
            os.dup2(saved, 2)
            os.close(saved)


_quiet_panics = _QuietPanics()  # one per process; engine calls do not nest


@functools.cache
def engine_version() -> str:
    """``regorus (gordon-to-regorus X.Y.Z)``, read from the wheel's dist-info beside the module.

    Looking for the directory by name spares a cold start ``importlib.metadata`` (about 100 ms of imports);
    that remains the fallback for an install laid out otherwise.
    """
    site = Path(regorus.__file__).resolve().parent.parent
    found = sorted(site.glob("gordon_to_regorus-*.dist-info"))
    if len(found) == 1:
        return f"regorus (gordon-to-regorus {found[0].name[len('gordon_to_regorus-') : -len('.dist-info')]})"
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"regorus (gordon-to-regorus {version('gordon-to-regorus')})"
    except PackageNotFoundError:  # pragma: no cover - the dependency is pinned
        return "regorus"


def clean_message(error: BaseException) -> str:
    """The engine's message without the Rust backtrace, and with its source excerpt kept."""
    text = _TRACE.sub("", str(error)).strip("\n")
    return text or type(error).__name__


def location_of(message: str) -> tuple[str | None, int | None, int | None]:
    match = _LOCATION.search(message)
    if not match:
        return None, None, None
    return match["file"], int(match["line"]), int(match["col"])


def _short(message: str) -> str:
    """The last ``error: ...`` line of a regorus message, or the whole message."""
    errors = [line.strip() for line in message.splitlines() if line.strip().startswith("error:")]
    return errors[-1].removeprefix("error:").strip() if errors else message


class PreparedEngine:
    """A regorus engine holding the policy modules and data of one run."""

    #: A Rust panic can leave the interpreter mid-rule ("recursion detected" on every later evaluation).
    fresh_after_failure = True
    #: regorus keeps no threads of its own: a forked child evaluates with the parent's prepared engine.
    fork_safe = True

    def __init__(self, modules: Iterable[tuple[str, str]], data: Mapping[str, Any] | None = None):
        self._engine = regorus.Engine()
        # Generated or long literal lines (maps of ids) are legal Rego; do not reject them at 1,024 columns.
        self._engine.set_policy_length_config(max_col=65_536, max_file_bytes=16 * 1024 * 1024, max_lines=1_000_000)
        self._modules = list(modules)
        for path, text in self._modules:
            try:
                with _quiet_panics:
                    self._engine.add_policy(path, text)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as err:  # a parse error or a panic while parsing
                raise _load_error(err, path) from None
        if data is not None:
            self.set_data(data)

    @property
    def modules(self) -> list[tuple[str, str]]:
        return list(self._modules)

    def close(self) -> None:
        """Nothing to release: the interpreter's memory goes with the object."""

    def set_data(self, data: Mapping[str, Any]) -> None:
        try:
            self._engine.clear_data()
            self._engine.add_data_json(json.dumps(data))
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:
            raise PolicyLoadError(f"policy data rejected by the engine: {clean_message(err)}") from None

    def set_input(self, value: Any) -> None:
        self.set_input_json(json.dumps(value))

    def set_input_json(self, text: str) -> None:
        try:
            self._engine.set_input_json(text)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:
            raise EvaluationError(f"input rejected by the engine: {clean_message(err)}") from None

    def eval_rule(self, rule: str) -> Any:
        """The value of ``rule`` (``data.pkg.name``) for the current input; undefined is an error."""
        try:
            with _quiet_panics:
                text = self._engine.eval_rule_as_json(rule)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:
            raise _evaluation_error(err, rule) from None
        if text == _UNDEFINED_JSON:
            return UNDEFINED
        try:
            return json.loads(text)
        except (TypeError, json.JSONDecodeError) as err:
            raise EvaluationError(f"{rule}: the engine returned unreadable JSON: {err}") from None

    def eval_set(self, rule: str) -> list[Any]:
        """The elements of the set rule ``rule``; anything but a set is an error, never an empty pass."""
        value = self.eval_rule(rule)
        if value is UNDEFINED:
            raise EvaluationError(f"{rule} is undefined: a set of findings was expected (an error, not a pass)")
        if not isinstance(value, list):
            raise EvaluationError(f"{rule}: expected a set of findings, the engine returned {type(value).__name__}")
        return value

    def eval_query(self, query: str) -> Any:
        try:
            with _quiet_panics:
                text = self._engine.eval_query_as_json(query)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:
            raise _evaluation_error(err, query) from None
        return json.loads(text)

    def ast(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = json.loads(self._engine.get_ast_as_json())
        return result

    # Test support: prints and coverage, as `ethiq test` reports them.
    def gather_prints(self, enable: bool) -> None:
        self._engine.set_gather_prints(enable)

    def take_prints(self) -> list[str]:
        return list(self._engine.take_prints())

    def enable_coverage(self, enable: bool) -> None:
        self._engine.set_enable_coverage(enable)

    def coverage(self) -> dict[str, Any]:
        report: dict[str, Any] = json.loads(self._engine.get_coverage_report_as_json())
        return report

    def compile_check(self, entry_points: list[str], data: Mapping[str, Any]) -> None:
        """Compile the modules for ``entry_points``: reports unknown functions the interpreter meets late.

        The compiler (regorus's RVM) does not compile everything the interpreter runs: walk loops, ``with``,
        some partial object rules. Such a construct stops it at the first one, which is no fault of the
        policy; the entry points are then compiled one by one, so that it hides no fault of the others.
        """
        error = self._compile(entry_points, data)
        if error is None or not _is_compiler_limit(error):
            if error is not None:
                raise error
            return
        for entry in entry_points:
            error = self._compile([entry], data)
            if error is not None and not _is_compiler_limit(error):
                raise error

    def _compile(self, entry_points: list[str], data: Mapping[str, Any]) -> PolicyLoadError | None:
        try:
            with _quiet_panics:
                regorus.Program.compile_from_modules(json.dumps(data), self._modules, entry_points)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:
            message = clean_message(err)
            # The compiler wraps the first error in a "Caused by" chain; keep the first located one.
            return _load_error(err, None, message.split("Caused by:")[0])
        return None


_COMPILER_LIMIT = re.compile(r"not (?:yet )?supported (?:in|by) the (?:RVM )?compiler")


def _is_compiler_limit(error: PolicyLoadError) -> bool:
    """A construct the interpreter runs but the compiler cannot compile yet (not a fault of the policy)."""
    return bool(_COMPILER_LIMIT.search(str(error)))


def _load_error(err: BaseException, path: str | None, message: str | None = None) -> PolicyLoadError:
    text = message if message is not None else clean_message(err)
    file, line, column = location_of(text)
    return PolicyLoadError(_short(text), file=file or path, line=line, column=column)


def _evaluation_error(err: BaseException, what: str) -> EvaluationError:
    text = clean_message(err)
    file, line, column = location_of(text)
    where = ":".join(str(p) for p in (file, line, column) if p is not None)
    kind = "engine panic" if type(err).__name__ == "PanicException" else "evaluation error"
    return EvaluationError(
        f"{kind} in {what}" + (f" at {where}" if where else "") + f": {_short(text)}",
        file=file,
        line=line,
        column=column,
    )
