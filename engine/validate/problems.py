"""Stage 2, validate: one item read, judged against its schema; every way it fails is a :class:`Problem`.

An item is a :class:`Document` or a :class:`ReadProblem`. :func:`validate_item` sorts it into a
:class:`Stage`: unreadable, schema-invalid, a policy context (configures the run, is not judged), or
judgeable. Duplicate ids need the whole run and are found by the graph stage's ledger, with
:func:`duplicate_problem`. ``ethiq validate`` and ``ethiq check`` share all of it.
"""

from __future__ import annotations

from enum import IntEnum

from ..read import Document, ReadProblem
from ..report import Problem, ProblemKind
from .schema import SchemaSet


class Stage(IntEnum):
    """What validation decided for an item."""

    READ = 0  # unreadable: a ReadProblem
    INVALID = 1  # schema-invalid
    CONTEXT = 2  # a valid policy_context document: configures the run, is not judged
    JUDGE = 3  # valid: judged unless its id duplicates an earlier document's


def validate_item(item: Document | ReadProblem, schemas: SchemaSet) -> tuple[Stage, tuple[Problem, ...]]:
    """The stage of ``item`` and its problems (none for a valid document)."""
    if isinstance(item, ReadProblem):
        return Stage.READ, (read_problem(item),)
    problems = schema_problems(item, schemas)
    if problems:
        return Stage.INVALID, problems
    return (Stage.CONTEXT if item.kind == "policy_context" else Stage.JUDGE), ()


def read_problem(item: ReadProblem) -> Problem:
    return Problem(
        ProblemKind.SKIPPED if item.notice else ProblemKind.READ,
        item.message,
        item.file,
        item.line,
        item.column,
        hint=item.hint or "fix the syntax; the file's other documents were not read",
    )


def schema_problems(document: Document, schemas: SchemaSet) -> tuple[Problem, ...]:
    """One problem per schema violation, located at the offending value."""
    violations = schemas.validate(document.data)
    if not violations:
        return ()
    kind, source = document.kind, document.source
    hint = (
        f"`ethiq schema {kind}` lists the fields of {_article(kind)} {kind.replace('_', ' ')}"
        if kind
        else ("add `kind:` naming what the document describes")
    )
    problems = []
    for violation in violations:
        line, column = document.locate(violation.path) or (source.line, None)
        problems.append(
            Problem(ProblemKind.SCHEMA, violation.message, source.file, line, column, document.id, violation.path, hint)
        )
    # In the order of the file, as a person reads it and fixes it.
    return tuple(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def duplicate_problem(kind: str, ident: str, file: str, line: int, first: str) -> Problem:
    """Document ``(kind, ident)`` at ``file:line`` repeats the one at ``first`` (``file:line``)."""
    return Problem(
        ProblemKind.DUPLICATE,
        f"{kind} {ident!r} is also defined at {first}",
        file,
        line,
        None,
        ident,
        ("id",),
        hint="give every document of a kind its own id; references would be ambiguous",
    )
