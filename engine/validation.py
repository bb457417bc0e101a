"""Judge inputs against the schemas only: what ``ethiq validate`` and the first stage of a check share.

Every problem is a value: a file that cannot be read, a schema violation with its JSON path and line, a
duplicate id. Nothing here needs the policies, so validation is fast and usable without them.
"""

from __future__ import annotations

from collections.abc import Iterable

from .documents import Document, ReadProblem
from .findings import DocumentResult, Problem, ProblemKind, Verdict
from .schema import SchemaSet


def read_problem(item: ReadProblem) -> tuple[DocumentResult, Problem]:
    problem = Problem(ProblemKind.READ, item.message, item.file, item.line, item.column,
                      hint="fix the syntax; the file's other documents were not read")
    return DocumentResult(None, None, item.file, item.line or 1, Verdict.INVALID), problem


def schema_problems(document: Document, schemas: SchemaSet) -> list[Problem]:
    """One problem per schema violation, located at the offending value."""
    problems = []
    for violation in schemas.validate(document.data):
        line, column = document.locate(violation.path) or (document.source.line, None)
        kind = document.kind
        hint = f"see `ethiq schema {kind}` for the fields of a {kind}" if kind in schemas.kinds else \
            "add `kind:` naming what the document describes"
        problems.append(Problem(ProblemKind.SCHEMA, violation.message, document.source.file, line, column,
                                document.id, violation.path, hint=hint))
    return problems


def duplicate_problem(document: Document, earlier: Document) -> Problem:
    return Problem(ProblemKind.DUPLICATE, f"{document.kind} {document.id!r} is also defined at {earlier.source}",
                   document.source.file, document.source.line, None, document.id, ("id",),
                   hint="give every document of a kind its own id; references would be ambiguous")


def validate_items(items: Iterable[Document | ReadProblem], schemas: SchemaSet | None = None
                   ) -> tuple[list[DocumentResult], list[Problem]]:
    """Results and problems of reading and validating ``items`` (no policy is evaluated)."""
    schemas = schemas or SchemaSet()
    results: list[DocumentResult] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], Document] = {}
    for item in items:
        if isinstance(item, ReadProblem):
            result, problem = read_problem(item)
            results.append(result)
            problems.append(problem)
            continue
        result = DocumentResult(item.id, item.kind, item.source.file, item.source.line)
        results.append(result)
        found = schema_problems(item, schemas)
        if not found and item.kind and item.id:
            earlier = seen.setdefault((item.kind, item.id), item)
            if earlier is not item:
                found = [duplicate_problem(item, earlier)]
        if found:
            result.verdict = Verdict.INVALID
            problems.extend(found)
    return results, problems
