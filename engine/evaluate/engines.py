"""The engines a policy set can be evaluated on, behind one interface: regorus (the default) and OPA.

:mod:`.evaluator` (the only module that imports regorus) and :mod:`.opa` (the only one that imports the OPA
bindings) each implement :class:`Engine`; everything else prepares an engine by its name here, so a check,
its worker processes and the Rego unit tests run on whichever engine was chosen, with the same report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from ..errors import UsageError

REGORUS = "regorus"
OPA = "opa"
#: The engine names, the default first: what ``--engine`` and the ``engine`` setting accept.
ENGINES = (REGORUS, OPA)


class Engine(Protocol):
    """A prepared engine holding policy modules and data: set an input, evaluate rules, fail closed."""

    #: Whether a failure (an error or a panic while evaluating) may leave the engine unusable, so that the
    #: next document must start from a freshly prepared one.
    fresh_after_failure: bool

    #: Whether a process forked from one holding this engine can still evaluate (time budgets judge in a
    #: forked child, see :mod:`.budget`): regorus can; OPA cannot, the Go runtime's threads do not survive a
    #: fork, so a forked child would wait for ever on the first evaluation.
    fork_safe: bool

    @property
    def modules(self) -> list[tuple[str, str]]: ...

    def set_data(self, data: Mapping[str, Any]) -> None: ...

    def set_input(self, value: Any) -> None: ...

    def set_input_json(self, text: str) -> None: ...

    def eval_rule(self, rule: str) -> Any: ...

    def eval_set(self, rule: str) -> list[Any]: ...

    def eval_query(self, query: str) -> Any: ...

    def gather_prints(self, enable: bool) -> None: ...

    def take_prints(self) -> list[str]: ...

    def close(self) -> None: ...


def check_engine_name(name: str) -> str:
    """``name`` if it names an engine; a usage error otherwise."""
    if name not in ENGINES:
        raise UsageError(f"the engine is one of {', '.join(ENGINES)}, not {name!r}")
    return name


def engine_problem(name: str) -> str | None:
    """Why the engine ``name`` cannot be used on this machine, or ``None`` when it can."""
    if check_engine_name(name) == OPA:
        from .opa import bindings_problem

        return bindings_problem()
    return None


def require_engine(name: str) -> str:
    """``name`` when that engine is usable here; a usage error saying why otherwise (exit 2, not a crash)."""
    problem = engine_problem(name)
    if problem is not None:
        raise UsageError(f"--engine {name} cannot be used: {problem}")
    return name


def prepare_engine(name: str, modules: Iterable[tuple[str, str]], data: Mapping[str, Any] | None = None) -> Engine:
    """A fresh engine ``name`` holding ``modules`` and ``data``, its policies compiled where the engine can."""
    if check_engine_name(name) == OPA:
        from .opa import OpaPreparedEngine

        # Entry points are evaluated by their path: OPA prepares each distinct query string once, in about a
        # second, and a check asks for a dozen of them.
        return OpaPreparedEngine(modules, data, by_path=True)
    from .evaluator import PreparedEngine

    return PreparedEngine(modules, data)


def engine_version(name: str = REGORUS) -> str:
    """The engine's name and version, as reports and ``--version`` show it."""
    if check_engine_name(name) == OPA:
        from .opa import engine_version as opa_version

        return opa_version()
    from .evaluator import engine_version as regorus_version

    return regorus_version()
