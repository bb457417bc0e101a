"""Read JSON and YAML into documents that remember where they came from.

A file may hold one document (a JSON object), several (a JSON array of objects, or YAML with ``---``
separators), and ``-`` reads standard input. Directories are walked recursively in sorted order, so a run is
deterministic. Every problem (unreadable file, bad syntax, duplicate key, a document that is not a mapping)
becomes a :class:`ReadProblem` value carrying file and line: one bad file never stops the others.

YAML is read with YAML 1.2 scalars where 1.1 would surprise: ``NO`` (Norway) stays a string, and dates stay
ISO strings, as JSON Schema and Rego expect. Line and column of a value are computed lazily, only for
documents that have findings: most documents never need them.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import DocumentReadError
from .formats import (
    JSON_SUFFIXES,
    YAML_SUFFIXES,
    DuplicateKeyError,
    Loader,
    reject_duplicate_keys,
    sniff_format,
)
from .positions import PathKey, Position, json_positions, positions

STDIN = "-"
#: The file name of documents handed over in memory; their ``line`` is their 1-based place in the run's inputs.
MEMORY = "<memory>"
MEMORY_FORMAT = "memory"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document was read from: a file (or ``-``), its format, and the document's place in it."""

    file: str
    format: str
    index: int = 0
    line: int = 1
    array: bool = False  # the file is a JSON array of documents

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(slots=True)
class Document:
    """One parsed document. ``data`` is exactly what the file says, as JSON values."""

    data: dict[str, Any]
    source: Source
    _text: str | None = field(default=None, repr=False)  # kept only for stdin, which cannot be re-read

    @property
    def kind(self) -> str | None:
        kind = self.data.get("kind")
        return kind if isinstance(kind, str) else None

    @property
    def id(self) -> str | None:
        ident = self.data.get("id")
        return ident if isinstance(ident, str) else None

    @property
    def label(self) -> str:
        """A short human name: the id, or the file and line when the document has none."""
        return self.id or str(self.source)

    def locate(self, path: PathKey) -> Position | None:
        """Line and column (1-based) of the value at ``path``, or of its nearest existing ancestor."""
        if self.source.format == MEMORY_FORMAT:
            return None  # no text to point into
        found = positions(self.source.file, self.source.format, self._text)
        prefix: PathKey = (self.source.index,) if self.source.array or self.source.format == "yaml" else ()
        key = prefix + tuple(path)
        while True:
            if key in found:
                return found[key]
            if len(key) <= len(prefix):
                return (self.source.line, 1)
            key = key[:-1]


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A file, or one document in it, that could not be read."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None

    @classmethod
    def from_error(cls, error: DocumentReadError) -> ReadProblem:
        return cls(file=error.file, message=str(error), line=error.line, column=error.column)


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    stdin_text: str | None = None,
    exclude: Callable[[Path], bool] | None = None,
) -> Iterator[Document | ReadProblem]:
    """Yield the documents of every path (files, directories, ``-``) in a stable order, with problems inline.

    ``exclude`` (gitignore-style globs from the configuration) skips files found by walking a directory; a
    file named explicitly is always read.
    """
    for raw in paths:
        name = str(raw)
        if name == STDIN:
            text = stdin_text if stdin_text is not None else sys.stdin.read()
            yield from _parse_text(text, STDIN, sniff_format(text), keep_text=True)
            continue
        path = Path(name)
        if path.is_dir():
            for file in iter_files(path):
                if exclude is None or not exclude(file):
                    yield from read_file(file)
        elif path.exists():
            yield from read_file(path)
        else:
            yield ReadProblem(file=name, message="no such file or directory")


def iter_files(directory: Path) -> Iterator[Path]:
    """JSON and YAML files below ``directory``, sorted, skipping hidden folders such as ``.git``."""
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in JSON_SUFFIXES | YAML_SUFFIXES:
            yield path


def read_file(path: Path) -> Iterator[Document | ReadProblem]:
    """Documents of one file; the format follows the suffix, or the content for other names."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        yield ReadProblem(file=str(path), message=f"not UTF-8 text: {err.reason} at byte {err.start}")
        return
    except OSError as err:
        yield ReadProblem(file=str(path), message=f"cannot read: {err.strerror}")
        return
    suffix = path.suffix.lower()
    fmt = "json" if suffix in JSON_SUFFIXES else "yaml" if suffix in YAML_SUFFIXES else sniff_format(text)
    yield from _parse_text(text, str(path), fmt, keep_text=False)


def load_documents(paths: Iterable[str | os.PathLike[str]], *, stdin_text: str | None = None) -> list[Document]:
    """All documents of ``paths``; raises :class:`DocumentReadError` on the first unreadable one."""
    documents: list[Document] = []
    for item in iter_documents(paths, stdin_text=stdin_text):
        if isinstance(item, ReadProblem):
            raise DocumentReadError(item.message, file=item.file, line=item.line, column=item.column)
        documents.append(item)
    return documents


def parse_text(text: str, name: str, fmt: str | None = None) -> Iterator[Document | ReadProblem]:
    """The documents of ``text`` (JSON or YAML, sniffed unless ``fmt`` says), named ``name``, problems inline."""
    return _parse_text(text, name, fmt or sniff_format(text), keep_text=True)


def parse_documents(text: str, *, name: str = "<string>", fmt: str | None = None) -> list[Document]:
    """Documents of a string (JSON or YAML); raises :class:`DocumentReadError` on a problem.

    To check documents held as Python values, pass the mappings themselves (``ethiq.check([mapping])``):
    dates in them need no conversion.
    """
    documents: list[Document] = []
    for item in parse_text(text, name, fmt):
        if isinstance(item, ReadProblem):
            raise DocumentReadError(item.message, file=item.file, line=item.line, column=item.column)
        documents.append(item)
    return documents


def _parse_text(text: str, file: str, fmt: str, *, keep_text: bool) -> Iterator[Document | ReadProblem]:
    kept = text if keep_text else None
    if fmt == "json":
        yield from _parse_json(text, file, kept)
    else:
        yield from _parse_yaml(text, file, kept)


def _parse_json(text: str, file: str, kept: str | None) -> Iterator[Document | ReadProblem]:
    try:
        value = json.loads(text, object_pairs_hook=reject_duplicate_keys)
    except json.JSONDecodeError as err:
        yield ReadProblem(file=file, message=f"invalid JSON: {err.msg}", line=err.lineno, column=err.colno)
        return
    except DuplicateKeyError as err:
        line = _line_of_key(text, err.key)
        yield ReadProblem(file=file, message=f"duplicate key {err.key!r}: a reader would see only one", line=line)
        return
    if isinstance(value, list):
        starts = _json_array_item_lines(text) if value else []
        for index, item in enumerate(value):
            line = starts[index] if index < len(starts) else 1
            source = Source(file=file, format="json", index=index, line=line, array=True)
            yield _document_or_problem(item, source, kept)
    else:
        yield _document_or_problem(value, Source(file=file, format="json"), kept)


def _line_of_key(text: str, key: str) -> int | None:
    matches = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
    return text.count("\n", 0, matches[1]) + 1 if len(matches) > 1 else None


def _json_array_item_lines(text: str) -> list[int]:
    found = json_positions(text)
    lines: list[int] = []
    index = 0
    while (index,) in found:
        lines.append(found[(index,)][0])
        index += 1
    return lines


def _parse_yaml(text: str, file: str, kept: str | None) -> Iterator[Document | ReadProblem]:
    loader = Loader(text)
    index = 0
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            data = loader.construct_document(node)
            source = Source(file=file, format="yaml", index=index, line=node.start_mark.line + 1)
            index += 1
            if data is None:
                continue  # an empty document between separators
            yield _document_or_problem(data, source, kept)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = " ".join(part for part in (err.context, err.problem) if part) or "invalid YAML"
        yield ReadProblem(
            file=file,
            message=f"invalid YAML: {problem}",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        )
    except yaml.YAMLError as err:
        yield ReadProblem(file=file, message=f"invalid YAML: {err}")
    finally:
        loader.dispose()


def _document_or_problem(value: Any, source: Source, kept: str | None) -> Document | ReadProblem:
    if not isinstance(value, dict):
        found = type(value).__name__ if value is not None else "null"
        return ReadProblem(
            file=source.file, line=source.line, message=f"a document must be a mapping with a 'kind', found {found}"
        )
    if not all(isinstance(key, str) for key in _all_keys(value)):
        return ReadProblem(file=source.file, line=source.line, message="every key must be a string")
    return Document(data=value, source=source, _text=kept)


def _all_keys(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _all_keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_keys(item)
