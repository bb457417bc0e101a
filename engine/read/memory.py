"""Inputs handed over in memory: mappings, :class:`Document` objects and JSON/YAML texts, beside paths.

A run's inputs are one sequence in which a ``str`` or :class:`os.PathLike` is always one path (a file, a
directory or ``-``), never text read letter by letter, and a mapping or a :class:`Document` is a document.
Text is handed over explicitly (``texts=``) and parsed like a file named ``<text 1>``, ``<text 2>``, ...

A mapping becomes JSON values before anything judges it: a :class:`datetime.date` is its ISO text and a
:class:`datetime.datetime` its RFC 3339 text, exactly as if the document had been read from a file; a tuple
is a list. A value with no JSON form (a set, a Decimal, an object) or a key that is not a string makes the
document unreadable, a :class:`ReadProblem` like a file's syntax error, never a silent conversion. In
reports such a document's file is ``<memory>`` and its line its 1-based place among the inputs.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeAlias

from ..errors import UsageError
from ..report import json_path
from .documents import MEMORY, MEMORY_FORMAT, Document, ReadProblem, Source, iter_documents, parse_text
from .limits import DEFAULT_LIMITS, ReadLimits, refusal
from .positions import PathKey

#: One input of a run: a path (str or PathLike), or a document (a mapping or a :class:`Document`).
Input: TypeAlias = "str | os.PathLike[str] | Mapping[str, Any] | Document"


class _NotJson(ValueError):
    def __init__(self, path: PathKey, what: str):
        super().__init__(what)
        self.path = path
        self.what = what


def as_inputs(inputs: Input | Iterable[Input] | None) -> list[Input]:
    """``inputs`` as a list: one path or document alone is a list of one (a string is never iterated)."""
    if inputs is None:
        return []
    if isinstance(inputs, str | os.PathLike | Mapping | Document):
        return [inputs]
    if isinstance(inputs, bytes | bytearray):
        raise UsageError("inputs are paths, mappings or Document objects; pass text with texts=[...]")
    items = list(inputs)
    for item in items:
        if not isinstance(item, str | os.PathLike | Mapping | Document):
            raise UsageError(
                f"cannot check a {type(item).__name__}: an input is a path, a mapping or a Document "
                "(pass JSON or YAML text with texts=[...])"
            )
    return items


def is_path(item: Input) -> bool:
    return isinstance(item, str | os.PathLike)


def json_value(value: Any, path: PathKey = ()) -> Any:
    """``value`` as JSON values: dates become ISO text, tuples lists; anything else raises ``_NotJson``."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise _NotJson(path, f"a key must be a string, not {type(key).__name__} {key!r}")
            out[key] = json_value(item, (*path, key))
        return out
    if isinstance(value, list | tuple):
        return [json_value(item, (*path, index)) for index, item in enumerate(value)]
    raise _NotJson(path, f"{type(value).__name__} has no JSON form")


def memory_document(
    item: Mapping[str, Any] | Document, position: int, limits: ReadLimits = DEFAULT_LIMITS
) -> Document | ReadProblem:
    """A document handed over in memory, as JSON values; ``position`` is its 1-based place among the inputs."""
    data: Mapping[str, Any] = item.data if isinstance(item, Document) else item
    source = item.source if isinstance(item, Document) else Source(MEMORY, MEMORY_FORMAT, position - 1, position)
    try:
        value = json_value(data)
    except _NotJson as err:
        return ReadProblem(file=source.file, line=source.line, message=f"{json_path(err.path)}: {err.what}")
    except RecursionError:
        message = f"nested deeper than {limits.max_depth} levels (max_depth), or a value that contains itself"
        return ReadProblem(file=source.file, line=source.line, message=message)
    refused = refusal(value, limits)
    if refused is not None:
        return ReadProblem(file=source.file, line=source.line, message=f"{json_path(refused[0])}: {refused[1]}")
    if isinstance(item, Document):
        return Document(data=value, source=item.source, _text=item._text)
    return Document(data=value, source=source)


def iter_inputs(
    inputs: Iterable[Input],
    texts: Iterable[str] = (),
    *,
    stdin_text: str | None = None,
    exclude: Callable[[Path], bool] | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Iterator[Document | ReadProblem]:
    """Every document of ``inputs`` (in their order), then of ``texts``, with problems inline."""
    for position, item in enumerate(inputs, start=1):
        if isinstance(item, str | os.PathLike):
            yield from iter_documents([item], stdin_text=stdin_text, exclude=exclude, limits=limits)
        else:
            yield memory_document(item, position, limits)
    for number, text in enumerate(texts, start=1):
        if not isinstance(text, str):
            raise UsageError(f"texts holds JSON or YAML text, not a {type(text).__name__}")
        yield from parse_text(text, f"<text {number}>", limits=limits)
