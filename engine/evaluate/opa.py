"""OPA itself as a second engine, behind the same interface as the regorus wrapper: prepare once, evaluate many.

The engine is Open Policy Agent 1.20.2 as a Go shared library, through ``opa-golib-python-bindings==0.4.4``
(module ``opa_bindings``; ``tools/install_opa.py`` installs it, its metadata asks for Python 3.14 but the
wheel is pure ctypes). What the bindings do, read from their source and tried:

- ``OpaEngine()`` holds policies and data in Go; ``close()`` releases it. Policies go in with
  ``add_policy(path, text)``, which only parses: a parse error raises ``OpaError`` with code
  ``parse_error`` and a message of ``path:line: rego_parse_error: ...`` lines (no column).
- ``add_data(value, path="")`` deep-merges JSON into ``data``; there is no way to remove data, so new data
  means a new engine.
- The modules are compiled ("bundle activation") at the first evaluation after any change, and every
  query string is prepared once and cached until the next change. A compile error (unknown function,
  unsafe variable, a rule conflicting with data: "conflicting rule for data path") raises ``OpaError``
  with code ``prepare_error`` and ``bundle activation failed: N errors occurred: path:line: rego_..._error:
  ...``. So this module evaluates ``true`` right after loading: a broken policy set fails at load, with its
  file and line, never on the first document.
- Evaluation errors raise code ``eval_error`` (``path:line: eval_builtin_error: div: divide by zero``);
  malformed input JSON ``invalid_json``; a Go panic ``panic``, after which the engine stays usable.
- The native calls return a JSON envelope ``{"result": [{"expressions": [{"value", "text",
  "location"}], "bindings": {...}}], "prints": [{"message", "location"}]}``; ``result`` is ``null`` when the
  query is undefined. A rule whose value is ``false`` is a defined result with value ``false``.
- The public ``eval_query`` keeps only the bindings and ``eval_document`` re-encodes the input on every
  call, so this module calls the native functions through the engine's own ``_call`` (the wheel's
  version is pinned by hash): the input is the JSON text ethiq built, passed to Go as it is, and a query
  keeps its expressions, as regorus reports them.

Every failure becomes an :class:`EvaluationError` (or a :class:`PolicyLoadError` while loading) naming the
policy file and line where OPA gives them; an undefined set is an error, never an empty set of findings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..errors import EvaluationError, PolicyLoadError
from .evaluator import UNDEFINED

DISTRIBUTION = "opa-golib-python-bindings"
#: Where the bindings come from: what a user is told when they are missing.
INSTALL_HINT = "python3 tools/install_opa.py installs them"

_CODE = re.compile(r"^(?:rego|eval)_\w+$")
_PLAIN_REF = re.compile(r"^data(?:\.[A-Za-z_][A-Za-z0-9_]*)+$")


def bindings_problem() -> str | None:
    """Why the OPA bindings cannot be used here, or ``None`` when they can."""
    try:
        from opa_bindings import OpaEngine

        OpaEngine().close()  # loads the shared library, which needs Linux x86_64 with glibc >= 2.34
    except Exception as err:
        return f"the OPA bindings ({DISTRIBUTION}) are not usable: {type(err).__name__}: {err} ({INSTALL_HINT})"
    return None


def engine_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"OPA ({DISTRIBUTION} {version(DISTRIBUTION)})"
    except PackageNotFoundError:
        return "OPA"


class OpaPreparedEngine:
    """An OPA engine holding the policy modules and data of one run, compiled before it is used.

    With ``by_path``, a rule named by a plain reference (``data.ethiq.rules.vendor.deny``) is evaluated by
    :meth:`eval_path`, so that a run prepares one query per path length rather than one per entry point;
    without it, by the rule's own query, as a client of an OPA server asks it.
    """

    #: OPA stays usable after an evaluation error or a recovered Go panic.
    fresh_after_failure = False
    #: Go's runtime threads do not survive ``fork``: a forked child blocks on its first call into OPA.
    fork_safe = False

    def __init__(
        self, modules: Iterable[tuple[str, str]], data: Mapping[str, Any] | None = None, *, by_path: bool = False
    ):
        self._modules = list(modules)
        self._by_path = by_path
        # Longest first, so that a path that extends another is matched whole in messages.
        paths = sorted({path for path, _ in self._modules}, key=len, reverse=True)
        self._located = re.compile(
            "(?P<file>" + "|".join(re.escape(p) for p in paths) + r"):(?P<line>\d+):(?: (?P<code>\w+):)?"
            if paths
            else r"(?!)"
        )
        self._input = b""
        self._gather_prints = False
        self._prints: list[str] = []
        self._engine: Any = None
        self._loaded: str | None = None  # the data the engine holds, as sorted JSON
        self._pending: Mapping[str, Any] | None = None
        self._load(data)

    @property
    def modules(self) -> list[tuple[str, str]]:
        return list(self._modules)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None

    def _load(self, data: Mapping[str, Any] | None) -> None:
        """A fresh OPA engine with the modules and ``data``, compiled: OPA cannot take data back out."""
        try:
            from opa_bindings import OpaEngine
        except ImportError as err:
            raise PolicyLoadError(f"the OPA bindings are not installed ({INSTALL_HINT}): {err}") from None
        self.close()
        self._engine = OpaEngine()
        try:
            self._fill(self._engine, data)
        except BaseException:
            self.close()  # a half-loaded engine is never used, and its memory goes back now
            raise
        self._loaded = None if data is None else json.dumps(data, sort_keys=True)

    def _fill(self, engine: Any, data: Mapping[str, Any] | None) -> None:
        for path, text in self._modules:
            try:
                engine.add_policy(path, text)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as err:
                raise self._load_error(err, path) from None
        if data is not None:
            try:
                engine.add_data(dict(data))
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as err:
                raise PolicyLoadError(f"policy data rejected by OPA: {_message(err)}") from None
        try:
            self._call("OpaEvalQuery", "true", b"")
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:
            raise self._load_error(err, None) from None

    def set_data(self, data: Mapping[str, Any]) -> None:
        """New data needs a new engine (OPA cannot take data back out), built at the next evaluation and only
        when the data differs from what the engine holds: a run that switches to its own policy context and
        back to the base one, over and over, builds one engine per context it evaluates with."""
        self._pending = data

    def _apply_data(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and json.dumps(pending, sort_keys=True) != self._loaded:
            self._load(pending)

    def set_input(self, value: Any) -> None:
        self.set_input_json(json.dumps(value))

    def set_input_json(self, text: str) -> None:
        """Malformed JSON is reported by OPA at the next evaluation (code ``invalid_json``), as an error."""
        try:
            encoded = text.encode("utf-8")
        except UnicodeError as err:
            raise EvaluationError(f"input rejected by the engine: {err}") from None
        if b"\0" in encoded:  # Go reads C strings up to the first NUL: it would judge a truncated input
            raise EvaluationError("input rejected by the engine: a NUL byte in the JSON text")
        self._input = encoded

    def eval_rule(self, rule: str) -> Any:
        """The value of ``rule`` (``data.pkg.name``) for the current input, or ``UNDEFINED``."""
        if self._by_path and _PLAIN_REF.match(rule):
            return self.eval_path(rule.split(".")[1:])
        results = self._evaluate(rule)
        if not results:
            return UNDEFINED
        expressions = results[0].get("expressions") or []
        if len(results) != 1 or len(expressions) != 1 or "value" not in expressions[0]:
            raise EvaluationError(f"{rule}: OPA returned {len(results)} results where one value was expected")
        return expressions[0]["value"]

    def eval_set(self, rule: str) -> list[Any]:
        """The elements of the set rule ``rule``; anything but a set is an error, never an empty pass."""
        value = self.eval_rule(rule)
        if value is UNDEFINED:
            raise EvaluationError(f"{rule} is undefined: a set of findings was expected (an error, not a pass)")
        if not isinstance(value, list):
            raise EvaluationError(f"{rule}: expected a set of findings, the engine returned {type(value).__name__}")
        return value

    def eval_path(self, path: Sequence[str]) -> Any:
        """The value of the rule at ``data.<path>`` for the current input, or ``UNDEFINED``.

        For evaluating many distinct rules (every Rego unit test): OPA prepares each distinct query in about
        a second and keeps tens of MiB per prepared query, so here one query per path length is prepared, the
        path travels beside the input and the rule is reached by its keys (``data[p[0]][p[1]]``), with the
        current input put back in place by ``with input as``.
        """
        if not self._input:
            raise EvaluationError("eval_path needs an input: set one first")
        keys = list(path)
        if not keys or not all(isinstance(key, str) and key for key in keys):
            raise EvaluationError(f"a rule path is a list of keys, not {path!r}")
        lookup = "".join(f"[__path[{i}]]" for i in range(len(keys)))
        query = f"__path := input.path; __input := input.input; __value := data{lookup} with input as __input"
        wrapped = b'{"path":' + json.dumps(keys).encode("utf-8") + b',"input":' + self._input + b"}"
        try:
            envelope = self._call("OpaEvalQuery", query, wrapped)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:
            raise self._evaluation_error(err, "data." + ".".join(keys)) from None
        self._take_prints(envelope)
        results = envelope.get("result") or []
        if not results:
            return UNDEFINED
        bindings = results[0].get("bindings") or {}
        if len(results) != 1 or "__value" not in bindings:
            raise EvaluationError(f"data.{'.'.join(keys)}: OPA returned {len(results)} results where one was expected")
        return bindings["__value"]

    def eval_query(self, query: str) -> Any:
        """The query's results in regorus's shape: ``{"result": [{"expressions": ..., "bindings": ...}]}``."""
        results = self._evaluate(query)
        return {"result": results} if results else {}

    # Test support: prints, as `ethiq test` reports them.
    def gather_prints(self, enable: bool) -> None:
        self._gather_prints = enable

    def take_prints(self) -> list[str]:
        prints, self._prints = self._prints, []
        return prints

    def _evaluate(self, query: str) -> list[dict[str, Any]]:
        try:
            envelope = self._call("OpaEvalQuery", query, self._input)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:
            raise self._evaluation_error(err, query) from None
        self._take_prints(envelope)
        results = envelope.get("result") or []
        if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
            raise EvaluationError(f"{query}: OPA returned an unreadable result: {results!r}")
        return results

    def _take_prints(self, envelope: Mapping[str, Any]) -> None:
        if self._gather_prints:
            self._prints.extend(f"{p.get('location')}: {p.get('message')}" for p in envelope.get("prints") or [])

    def _call(self, function: str, query: str, input_json: bytes) -> dict[str, Any]:
        if self._pending is not None:
            self._apply_data()
        engine = self._engine
        if engine is None:
            raise EvaluationError("the OPA engine is closed")
        with engine._eval_lock:
            envelope: dict[str, Any] = engine._call(
                getattr(engine._lib, function), query.encode("utf-8"), input_json, 0, 0
            )
        return envelope

    def _where(self, message: str) -> tuple[str | None, int | None, str]:
        """The policy file and line of the first located error in an OPA message, and that error's text."""
        for match in self._located.finditer(message):
            code = match["code"]
            if code is None or _CODE.match(code):
                rest = message[match.end() :].split("\n", 1)[0].strip()
                return match["file"], int(match["line"]), rest or message
        return None, None, message

    def _load_error(self, err: BaseException, path: str | None) -> PolicyLoadError:
        message = _message(err)
        file, line, text = self._where(message)
        return PolicyLoadError(text, file=file or path, line=line)

    def _evaluation_error(self, err: BaseException, what: str) -> EvaluationError:
        message = _message(err)
        file, line, text = self._where(message)
        where = ":".join(str(p) for p in (file, line) if p is not None)
        code = getattr(err, "code", None)
        if code == "invalid_json":
            text = f"input rejected by the engine: {text}"
        kind = "engine panic" if code == "panic" else "evaluation error"
        return EvaluationError(
            f"{kind} in {what}" + (f" at {where}" if where else "") + f": {text}", file=file, line=line
        )


def _message(err: BaseException) -> str:
    """The text of an OPA error without its code prefix (``eval_error: ...``)."""
    message = getattr(err, "message", None)
    return str(message) if message else (str(err) or type(err).__name__)
