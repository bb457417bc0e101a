"""Read JSON and YAML into documents that remember where they came from.

A file may hold one document (a JSON object), several (a JSON array of objects, or YAML with ``---``
separators), and ``-`` reads standard input. Directories are walked recursively in sorted order, so a run is
deterministic. Every problem (unreadable file, bad syntax, duplicate key, a document that is not a mapping)
becomes a :class:`ReadProblem` value carrying file and line: one bad file never stops the others.

YAML is read with YAML 1.2 scalars where 1.1 would surprise: ``NO`` (Norway) stays a string, and dates stay
ISO strings, as JSON Schema and Rego expect. Line and column of a value are computed lazily, only for
documents that have findings: most documents never need them.

Reading is bounded (:mod:`.limits`): only regular files are read (a FIFO, a device or a link to one is a
read problem, never a wait), each file and standard input up to ``max_file_size`` bytes, YAML aliases up to
``max_alias_nodes`` added values, documents up to ``max_depth`` levels. A file that holds no document (empty,
only whitespace or comments, an empty JSON array) and a YAML ``null`` document are read problems too: a
path named for checking that says nothing must not pass. A directory walk does not follow links to
directories and skips link loops, each with a notice.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import DocumentReadError
from ..report import json_path
from .formats import (
    JSON_SUFFIXES,
    YAML_SUFFIXES,
    DuplicateKeyError,
    Loader,
    RecursiveAliasError,
    construct_plain,
    distinct_nodes,
    expanded_size,
    json_number,
    reject_duplicate_keys,
    sniff_format,
)
from .limits import DEFAULT_LIMITS, ReadLimits, refusal, surrogate_offset
from .positions import PathKey, Position, json_position, yaml_positions

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
        source = self.source
        if source.format == MEMORY_FORMAT:
            return None  # no text to point into
        if source.format == "json":
            found_json = json_position(source.file, self._text, source.index if source.array else None, tuple(path))
            return found_json if found_json is not None else (source.line, 1)
        found = yaml_positions(source.file, self._text)
        prefix: PathKey = (source.index,)
        key = prefix + tuple(path)
        while True:
            if key in found:
                return found[key]
            if len(key) <= len(prefix):
                return (source.line, 1)
            key = key[:-1]


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A file, or one document in it, that could not be read; or, with ``notice``, a path a walk skipped."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    hint: str = ""  # what to change; empty for the default (fix the syntax)
    notice: bool = False  # a skipped path in a directory walk: reported, does not fail the run

    @classmethod
    def from_error(cls, error: DocumentReadError) -> ReadProblem:
        return cls(file=error.file, message=str(error), line=error.line, column=error.column)


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    stdin_text: str | None = None,
    exclude: Callable[[Path], bool] | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Iterator[Document | ReadProblem]:
    """Yield the documents of every path (files, directories, ``-``) in a stable order, with problems inline.

    ``exclude`` (gitignore-style globs from the configuration) skips files found by walking a directory; a
    file named explicitly is always read. ``limits`` bound what is read (see :mod:`.limits`).
    """
    for raw in paths:
        name = str(raw)
        if name == STDIN:
            text = stdin_text if stdin_text is not None else read_stdin(limits)
            yield from _parse_text(text, STDIN, sniff_format(text), keep_text=True, limits=limits)
            continue
        path = Path(name)
        if path.is_dir():
            for file in iter_files(path):
                if isinstance(file, ReadProblem):
                    if exclude is None or not exclude(Path(file.file)):
                        yield file
                elif exclude is None or not exclude(file):
                    yield from read_file(file, limits)
        else:
            yield from read_file(path, limits)


def iter_files(directory: Path) -> Iterator[Path | ReadProblem]:
    """JSON and YAML files below ``directory``, sorted, skipping hidden folders such as ``.git``.

    Links to directories are not followed (so a link loop cannot make a walk endless), and a link loop named
    like a document cannot be read: each is yielded as a notice. Anything else named like a document is
    yielded, whatever it is (a FIFO, a device, a dangling link), so that reading it reports why it cannot be
    read.
    """
    for path in _walk(directory):
        if path.is_symlink():
            try:
                target_is_dir = stat.S_ISDIR(path.stat().st_mode)
            except OSError as err:
                if err.errno == errno.ELOOP:
                    yield ReadProblem(
                        str(path),
                        "skipped: a symbolic link loop",
                        hint="remove the link, or point it at a document",
                        notice=True,
                    )
                    continue
                target_is_dir = False
            if target_is_dir:
                yield ReadProblem(
                    str(path),
                    "skipped: a link to a directory is not followed in a walk",
                    hint="name the directory as a path to check it",
                    notice=True,
                )
                continue
        if path.suffix.lower() in JSON_SUFFIXES | YAML_SUFFIXES:
            yield path


def _walk(directory: Path) -> list[Path]:
    """Every entry below ``directory`` but directories (links included), in path order, without entering a
    hidden folder (such as ``.git``, whose thousands of objects a walk used to list only to skip them) or a
    link to a directory; hidden files are left out too."""
    found: list[tuple[tuple[str, ...], Path]] = []
    pending: list[tuple[Path, tuple[str, ...]]] = [(directory, ())]
    while pending:
        folder, parts = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # unreadable, or gone since it was listed: as a walk by pathlib skips it
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                pending.append((path, (*parts, entry.name)))
            else:
                found.append(((*parts, entry.name), path))
    found.sort(key=lambda item: item[0])
    return [path for _, path in found]


def read_file(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Document | ReadProblem]:
    """Documents of one file; the format follows the suffix, or the content for other names."""
    name = str(path)
    try:
        data = read_regular_file(path, limits.max_file_size)
    except _Unreadable as err:
        yield ReadProblem(file=name, message=err.message, hint=err.hint)
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        yield _not_utf8(name, data, err.start, err.reason)
        return
    suffix = path.suffix.lower()
    fmt = "json" if suffix in JSON_SUFFIXES else "yaml" if suffix in YAML_SUFFIXES else sniff_format(text)
    yield from _parse_text(text, name, fmt, keep_text=False, limits=limits, checked=True)


class _Unreadable(Exception):
    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message = message
        self.hint = hint


_FILE_TYPES = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
}
_REGULAR_ONLY = "only regular files are read; name the file itself, or pipe a bounded stream to '-'"


def read_regular_file(path: Path, max_size: int) -> bytes:
    """The bytes of ``path`` if it is a regular file (or a link to one) of at most ``max_size`` bytes.

    Anything else is refused before it is read, so a FIFO cannot block and ``/dev/zero`` cannot fill memory;
    the file is opened without blocking and checked again once open, in case it was swapped meanwhile.
    """
    try:
        before = os.stat(path)
    except OSError as err:
        raise _cannot_open(err) from None
    _check_regular(before, max_size)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise _cannot_open(err) from None
    try:
        _check_regular(os.fstat(fd), max_size)
        chunks: list[bytes] = []
        size = 0
        while size <= max_size:  # the file may grow while read: never more than the limit and one byte
            chunk = os.read(fd, min(1 << 20, max_size + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        raise _Unreadable(f"cannot read: {err.strerror}", "check the file's permissions") from None
    finally:
        os.close(fd)
    if size > max_size:
        raise _too_large(f"more than {max_size:,} bytes", max_size)
    return b"".join(chunks)


def read_text(path: str | os.PathLike[str], limits: ReadLimits = DEFAULT_LIMITS) -> str:
    """The UTF-8 text of one file named for the run (a waiver, baseline, context or configuration file).

    Bounded as documents are (:func:`read_regular_file`): a FIFO, a device or a file above ``max_file_size``
    is refused before it can block or fill memory. Raises :class:`DocumentReadError` naming the file, with
    what to do in its message.
    """
    name = str(path)
    try:
        data = read_regular_file(Path(path), limits.max_file_size)
    except _Unreadable as err:
        raise DocumentReadError(f"{err.message}; {err.hint}", file=name) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        problem = _not_utf8(name, data, err.start, err.reason)
        raise DocumentReadError(problem.message, file=name, line=problem.line, column=problem.column) from None


def _check_regular(status: os.stat_result, max_size: int) -> None:
    kind = stat.S_IFMT(status.st_mode)
    if kind != stat.S_IFREG:
        raise _Unreadable(f"not a regular file: {_FILE_TYPES.get(kind, 'a special file')}", _REGULAR_ONLY)
    if status.st_size > max_size:
        raise _too_large(f"{status.st_size:,} bytes", max_size)


def _too_large(size: str, max_size: int) -> _Unreadable:
    return _Unreadable(
        f"too large: {size}, above the limit of {max_size:,} bytes (max_file_size)",
        "split the file, or raise max_file_size (ethiq.toml, ETHIQ_MAX_FILE_SIZE or --max-file-size)",
    )


def _cannot_open(err: OSError) -> _Unreadable:
    if err.errno == errno.ENOENT:
        return _Unreadable("no such file or directory", "check the path (a link must point at an existing file)")
    if err.errno == errno.ELOOP:
        return _Unreadable("a symbolic link loop", "point the link at a document")
    return _Unreadable(f"cannot read: {err.strerror}", "check the path and its permissions")


def read_stdin(limits: ReadLimits = DEFAULT_LIMITS) -> str:
    """Standard input as text, read up to ``max_file_size`` and one byte, never more.

    Bytes that are not UTF-8 are kept as lone surrogates (``surrogateescape``) and more than the limit is
    kept as read: parsing then reports either as a read problem of ``-``, beside every other input.
    """
    if sys.stdin is None:  # no standard input at all (a closed descriptor): nothing was given
        return ""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream handed in place of stdin (tests): bounded all the same
        return str(sys.stdin.read(limits.max_file_size + 1))
    data = stream.read(limits.max_file_size + 1)
    return bytes(data).decode("utf-8", errors="surrogateescape")


def _not_utf8(file: str, data: bytes, start: int, reason: str) -> ReadProblem:
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    return ReadProblem(
        file=file,
        message=f"not UTF-8 text: {reason} at byte {start}",
        line=line,
        column=column,
        hint="save the file as UTF-8",
    )


def load_documents(paths: Iterable[str | os.PathLike[str]], *, stdin_text: str | None = None) -> list[Document]:
    """All documents of ``paths``; raises :class:`DocumentReadError` on the first unreadable one."""
    documents: list[Document] = []
    for item in iter_documents(paths, stdin_text=stdin_text):
        if isinstance(item, ReadProblem) and item.notice:
            continue  # a path a walk skipped, not an unreadable document
        if isinstance(item, ReadProblem):
            raise DocumentReadError(item.message, file=item.file, line=item.line, column=item.column)
        documents.append(item)
    return documents


def parse_text(
    text: str, name: str, fmt: str | None = None, *, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[Document | ReadProblem]:
    """The documents of ``text`` (JSON or YAML, sniffed unless ``fmt`` says), named ``name``, problems inline."""
    return _parse_text(text, name, fmt or sniff_format(text), keep_text=True, limits=limits)


def parse_documents(
    text: str, *, name: str = "<string>", fmt: str | None = None, limits: ReadLimits = DEFAULT_LIMITS
) -> list[Document]:
    """Documents of a string (JSON or YAML); raises :class:`DocumentReadError` on a problem.

    To check documents held as Python values, pass the mappings themselves (``ethiq.check([mapping])``):
    dates in them need no conversion.
    """
    documents: list[Document] = []
    for item in parse_text(text, name, fmt, limits=limits):
        if isinstance(item, ReadProblem):
            raise DocumentReadError(item.message, file=item.file, line=item.line, column=item.column)
        documents.append(item)
    return documents


def _parse_text(
    text: str,
    file: str,
    fmt: str,
    *,
    keep_text: bool,
    limits: ReadLimits = DEFAULT_LIMITS,
    checked: bool = False,
) -> Iterator[Document | ReadProblem]:
    """``checked``: the text was read from a file by :func:`read_file`, which bounded and decoded it."""
    if not checked:
        problem = _text_problem(text, file, limits)
        if problem is not None:
            yield problem
            return
    kept = text if keep_text else None
    found = False
    parse = _parse_json if fmt == "json" else _parse_yaml
    for item in parse(text, file, kept, limits):
        found = True
        yield item
    if not found:
        what = "an empty JSON array" if fmt == "json" else "nothing but whitespace and comments"
        yield ReadProblem(
            file=file,
            message=f"no document: {what}" if text.strip() else "no document: the input is empty",
            line=1,
            hint="add the documents to check, or leave the file out",
        )


def _text_problem(text: str, file: str, limits: ReadLimits) -> ReadProblem | None:
    """Text that is too large, or holds bytes that were not UTF-8 (kept as lone surrogates from stdin)."""
    if len(text) > limits.max_file_size or (
        4 * len(text) > limits.max_file_size and len(text.encode("utf-8", "surrogatepass")) > limits.max_file_size
    ):
        too_large = _too_large(f"more than {limits.max_file_size:,} bytes", limits.max_file_size)
        return ReadProblem(file=file, message=too_large.message, hint=too_large.hint)
    offset = surrogate_offset(text)
    if offset is not None:
        data = text.encode("utf-8", "surrogateescape" if _escaped_bytes(text) else "surrogatepass")
        start = len(text[:offset].encode("utf-8", "surrogatepass"))
        return _not_utf8(file, data, start, "invalid byte")
    return None


def _escaped_bytes(text: str) -> bool:
    try:
        text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return False
    return True


def _parse_json(text: str, file: str, kept: str | None, limits: ReadLimits) -> Iterator[Document | ReadProblem]:
    decoder = json.JSONDecoder(
        object_pairs_hook=reject_duplicate_keys,
        parse_int=json_number,
        parse_float=json_number,
        parse_constant=json_number,
    )
    try:
        start = _JSON_SPACE.match(text).end()  # type: ignore[union-attr]  # matches the empty string at worst
        if text.startswith("[", start):
            items = _json_array_items(decoder, text, start)
        else:
            items = None
            value = decoder.decode(text)
    except json.JSONDecodeError as err:
        yield ReadProblem(file=file, message=f"invalid JSON: {err.msg}", line=err.lineno, column=err.colno)
        return
    except DuplicateKeyError as err:
        line = _line_of_key(text, err.key)
        yield ReadProblem(file=file, message=f"duplicate key {err.key!r}: a reader would see only one", line=line)
        return
    except RecursionError:
        yield ReadProblem(
            file=file,
            message=f"nested too deeply to parse (more than the limit of {limits.max_depth} levels, max_depth)",
            line=1,
            hint="flatten the document",
        )
        return
    if items is not None:
        for index, (item, line) in enumerate(items):
            source = Source(file=file, format="json", index=index, line=line, array=True)
            yield _document_or_problem(item, source, kept, limits)
    else:
        yield _document_or_problem(value, Source(file=file, format="json"), kept, limits)


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _json_array_items(decoder: json.JSONDecoder, text: str, start: int) -> list[tuple[Any, int]]:
    """The items of the JSON array at ``start``, each with the line it starts on, in one pass of the C scanner.

    Raises :class:`json.JSONDecodeError` as :func:`json.loads` would, so a syntax error anywhere refuses the
    whole file, as before. (Locating the items with a source map afterwards took minutes for 50 MB.)
    """
    space = _JSON_SPACE.match
    items: list[tuple[Any, int]] = []
    line, counted = 1, 0
    index = space(text, start + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", index):
        end = index + 1
    else:
        while True:
            value, end = decoder.raw_decode(text, index)
            line += text.count("\n", counted, index)
            counted = index
            items.append((value, line))
            index = space(text, end).end()  # type: ignore[union-attr]
            if text.startswith(",", index):
                index = space(text, index + 1).end()  # type: ignore[union-attr]
                continue
            if text.startswith("]", index):
                end = index + 1
                break
            raise json.JSONDecodeError("Expecting ',' delimiter", text, index)
    trailing = space(text, end).end()  # type: ignore[union-attr]
    if trailing != len(text):
        raise json.JSONDecodeError("Extra data", text, trailing)
    return items


def _line_of_key(text: str, key: str) -> int | None:
    matches = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
    return text.count("\n", 0, matches[1]) + 1 if len(matches) > 1 else None


def _parse_yaml(text: str, file: str, kept: str | None, limits: ReadLimits) -> Iterator[Document | ReadProblem]:
    loader = Loader(text)
    index = 0
    added = 0  # values the file's aliases added so far
    # An alias is written "*name": a text without "*" has none, and its values need no counting.
    aliases = "*" in text
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            line = node.start_mark.line + 1
            source = Source(file=file, format="yaml", index=index, line=line)
            index += 1
            if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null" and not node.value:
                continue  # an empty document between separators
            if not aliases:
                yield _document_or_problem(construct_plain(loader, node), source, kept, limits)
                continue
            budget = limits.max_alias_nodes - added
            distinct = distinct_nodes(node)
            try:
                size = expanded_size(node, distinct + budget)
            except RecursiveAliasError as err:
                yield _yaml_problem(file, str(err), err.mark, "anchor a copy instead of the node itself")
                return
            added += size - distinct
            if added > limits.max_alias_nodes:
                yield ReadProblem(
                    file=file,
                    line=line,
                    message=f"YAML aliases expand to more than {limits.max_alias_nodes:,} values "
                    "(max_alias_nodes): an alias bomb, or anchors used far beyond need",
                    hint="write the values out, or raise max_alias_nodes (ethiq.toml, ETHIQ_MAX_ALIAS_NODES "
                    "or --max-alias-nodes)",
                )
                return
            data = loader.construct_document(node)
            yield _document_or_problem(data, source, kept, limits)
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


def _yaml_problem(file: str, message: str, mark: yaml.Mark | None, hint: str = "") -> ReadProblem:
    return ReadProblem(
        file=file,
        message=f"invalid YAML: {message}",
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
        hint=hint,
    )


def _document_or_problem(
    value: Any, source: Source, kept: str | None, limits: ReadLimits = DEFAULT_LIMITS
) -> Document | ReadProblem:
    if not isinstance(value, dict):
        found = type(value).__name__ if value is not None else "null"
        return ReadProblem(
            file=source.file,
            line=source.line,
            message=f"a document must be a mapping with a 'kind', found {found}",
            hint="write the document as a mapping (kind: ..., id: ...), or remove it",
        )
    refused = refusal(value, limits)
    if refused is not None:
        path, reason = refused
        document = Document(data={}, source=source, _text=kept)
        line, column = document.locate(path) or (source.line, None)
        where = json_path(path) if len(path) <= 12 else json_path(path[:8]) + "…" + json_path(path[-2:])[1:]
        return ReadProblem(
            file=source.file,
            line=line,
            column=column,
            message=f"{where}: {reason}",
            hint="the document was not judged; change the value at " + where,
        )
    return Document(data=value, source=source, _text=kept)
