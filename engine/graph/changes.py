"""Incremental checks: which documents a change since a git revision can affect.

A document's judgement depends on the document itself and on every document its references reach (its
neighbourhood, :mod:`.neighbourhood`). So when documents change, the ones to judge again are the changed
ones plus every document from which a chain of references leads to one of them: an audience whose data
source changed is judged again, although its own file did not change. The selection works on (kind, id)
keys, which is what references name, so it also finds the documents that referenced an id a change removed
or renamed (their reference is now unresolved) or one a change added (it was unresolved before).

What changed comes from git: files that differ between the revision and the working tree (staged or not),
and untracked files that git does not ignore. For a file that existed at the revision, its documents there
are read too, so the keys it held before count as changed. A change the selection cannot follow makes the
run judge every document: a ``policy_context`` document among the changes (it changes what every rule
sees), or a changed policy file, context file or configuration file of the run.

A data source also sees what references it: its ``input.dependents`` (:mod:`.dependents`) lists the audiences
and ads that reach it through references among data sources, audiences and ads, with their political flags.
So a changed document whose flag or references among those kinds differ from the revision's (an audience that
stops naming a source, or whose flag flips) also reaches every data source it reaches that way, as it is now
and as it was: those sources are judged again too, and everything that reaches them is read for their
dependents, though not judged. A document that changed in nothing a source learns of reaches no source.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from ..read import Document, parse_text, read_text
from ..read.limits import DEFAULT_LIMITS, ReadLimits
from .dependents import WALK_KINDS, Facts, dependent_facts, political_flag
from .references import REFERENCES, reference_edges

Key = tuple[str, str]  # (kind, id)

CONTEXT_KIND = "policy_context"
#: (kind, target kind) pairs with a reference that is followed beyond its target (an over-approximation
#: when a pair had both kinds of reference, which only judges more).
_FOLLOWED = frozenset((kind, ref.target) for kind, refs in REFERENCES.items() for ref in refs if ref.follow)
_FOLLOWED_INTO = frozenset(target for _, target in _FOLLOWED)  # kinds some followed reference leads to


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed since a revision: files (absolute, resolved) and the keys their documents held there."""

    revision: str
    files: frozenset[str]
    old_keys: frozenset[Key]
    old_context: bool  # a changed file held a policy_context document at the revision
    #: What the changed documents of the kinds a source's dependents are found through were at the revision:
    #: their :func:`~.dependents.dependent_facts`.
    old_facts: Mapping[Key, Facts] = field(default_factory=dict)
    #: A changed file was too large to read at the revision: what it held is unknown, so every document is judged.
    unread_before: bool = False

    @property
    def judges_everything(self) -> bool:
        """Whether the change reaches every document: a policy_context changed, or what changed is unknown."""
        return self.old_context or self.unread_before


def _git(arguments: Sequence[str], cwd: Path) -> bytes:
    import subprocess  # only an incremental check runs git

    try:
        result = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, check=False)
    except OSError as err:
        raise UsageError(f"--changed-since needs git: {err.strerror or err}") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"--changed-since: git {arguments[0]} failed: {message[-1] if message else result.returncode}")
    return result.stdout


def changes_since(revision: str, cwd: str | os.PathLike[str], limits: ReadLimits = DEFAULT_LIMITS) -> Changes:
    """The files changed between ``revision`` and the working tree of the git repository around ``cwd``; what
    they held at the revision is read within ``limits``."""
    if not revision or revision.startswith("-"):
        raise UsageError(f"--changed-since takes a git revision, not {revision!r}")
    here = Path(cwd)
    top = Path(_git(["rev-parse", "--show-toplevel"], here).decode("utf-8").strip())
    try:
        commit = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top).decode().strip()
    except UsageError:
        raise UsageError(f"--changed-since: {revision!r} is not a commit of the git repository at {top}") from None
    changed = _git(["diff", "--name-only", "-z", "--no-renames", commit, "--"], top).split(b"\0")
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split(b"\0")
    names = sorted({os.fsdecode(name) for name in (*changed, *untracked) if name})
    existed = set(_git(["ls-tree", "-r", "-z", "--name-only", commit], top).split(b"\0"))
    old_keys: set[Key] = set()
    old_facts: dict[Key, Facts] = {}
    old_context = False
    earlier = [name for name in names if os.fsencode(name) in existed]  # the others were added since
    unread = False
    for name, text in zip(earlier, _blobs(commit, earlier, top, limits.max_file_size), strict=True):
        if text is None:  # too large to read: what it held is unknown, so every document is judged
            unread = True
            continue
        for item in parse_text(text, name, _format_of(name), limits=limits):
            if isinstance(item, Document) and item.kind and item.id:
                old_keys.add((item.kind, item.id))
                old_context = old_context or item.kind == CONTEXT_KIND
                facts = _facts_of(item)
                if facts is not None:
                    old_facts[(item.kind, item.id)] = facts
    files = frozenset(os.path.realpath(top / name) for name in names)
    return Changes(
        revision=revision,
        files=files,
        old_keys=frozenset(old_keys),
        old_context=old_context,
        old_facts=old_facts,
        unread_before=unread,
    )


def _blobs(commit: str, names: Sequence[str], top: Path, max_size: int) -> list[str | None]:
    """The text of each of ``names`` at ``commit`` (None when it is above ``max_size`` bytes), read by one
    ``git cat-file --batch-check`` for the sizes and one ``git cat-file --batch`` for the texts."""
    if not names:
        return []
    sizes = [size for _, size in _cat_file("--batch-check", commit, names, top)]
    wanted = [name for name, size in zip(names, sizes, strict=True) if size <= max_size]
    texts = dict(_cat_file("--batch", commit, wanted, top, contents=True)) if wanted else {}
    return [texts.get(name) for name in names]


def _cat_file(
    mode: str, commit: str, names: Sequence[str], top: Path, *, contents: bool = False
) -> list[tuple[str, Any]]:
    """(name, size) of each of ``names`` at ``commit``, or (name, text) with ``contents``."""
    import subprocess

    request = b"".join(os.fsencode(f"{commit}:{name}") + b"\n" for name in names)
    try:
        result = subprocess.run(["git", "cat-file", mode], cwd=top, input=request, capture_output=True, check=False)
    except OSError as err:
        raise UsageError(f"--changed-since needs git: {err.strerror or err}") from None
    output, position = result.stdout, 0
    answers: list[tuple[str, Any]] = []
    for name in names:
        end = output.find(b"\n", position)
        header = output[position:end].split() if end >= 0 else []
        if result.returncode != 0 or len(header) != 3 or header[1] != b"blob":
            raise UsageError(f"--changed-since: git cannot read {name} at {commit[:12]}")
        size = int(header[2])
        if contents:
            answers.append((name, output[end + 1 : end + 1 + size].decode("utf-8", "replace")))
            position = end + 1 + size + 1
        else:
            answers.append((name, size))
            position = end + 1
    return answers


def _format_of(name: str) -> str | None:
    suffix = Path(name).suffix.lower()
    return "json" if suffix == ".json" else "yaml" if suffix in (".yaml", ".yml") else None


def touches_run_inputs(changes: Changes, inputs: Iterable[str | os.PathLike[str]]) -> bool:
    """Whether a changed file is (or is below) one of ``inputs``: policy directories, context or config files."""
    for raw in inputs:
        root = os.path.realpath(raw)
        prefix = root.rstrip(os.sep) + os.sep
        if any(file == root or file.startswith(prefix) for file in changes.files):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Node:
    """One judgeable document of a run as the selection sees it."""

    slot: int
    file: str
    key: Key
    references: tuple[Key, ...]
    facts: Facts | None = None  # what it tells the data sources it reaches (None: unknown, or another kind)


def affected_slots(nodes: Sequence[Node], changes: Changes, context_files: Iterable[str] = ()) -> set[int] | None:
    """The slots to judge: changed documents and every document whose references lead to one; None for all.

    ``context_files`` are the files of the run's ``policy_context`` documents: when one changed (or a changed
    file held one at the revision), every document is judged.
    """
    if changes.judges_everything:
        return None
    real: dict[str, str] = {}

    def is_changed(file: str) -> bool:
        resolved = real.get(file)
        if resolved is None:
            resolved = real[file] = os.path.realpath(file)
        return resolved in changes.files

    if any(is_changed(file) for file in context_files):
        return None
    changed_keys = set(changes.old_keys)
    changed_keys.update(node.key for node in nodes if is_changed(node.file))
    affected = affected_keys(nodes, changed_keys) | reached_sources(nodes, changed_keys, changes.old_facts)
    return {node.slot for node in nodes if node.key in affected}


def reached_sources(nodes: Iterable[Node], changed_keys: Iterable[Key], old_facts: Mapping[Key, Facts]) -> set[Key]:
    """The data sources whose ``input.dependents`` a change can alter: those reached, through references among
    data sources, audiences and ads, from a changed document whose facts for them differ from the revision's
    (``old_facts``), as it is now (``nodes``) and as it was."""
    return {key for key in _dependent_closure(nodes, changed_keys, old_facts) if key[0] == "data_source"}


def _dependent_closure(nodes: Iterable[Node], changed_keys: Iterable[Key], old_facts: Mapping[Key, Facts]) -> set[Key]:
    """Every key reached through the references among data sources, audiences and ads of ``nodes`` from the
    changed documents whose :func:`~.dependents.dependent_facts` changed (a document only its text changed
    in tells every source the same), by their references now and at the revision."""
    nodes = list(nodes)
    forward = {node.key: [(kind, ident) for kind, ident in node.references if kind in WALK_KINDS] for node in nodes}
    facts = {node.key: node.facts for node in nodes}
    reached: set[Key] = set()
    frontier: list[Key] = []
    for key in changed_keys:
        if key[0] not in WALK_KINDS:
            continue
        old = old_facts.get(key)
        if old is not None and key in facts and facts[key] == old:
            continue
        frontier.extend(forward.get(key, ()))
        frontier.extend((kind, ident) for kind, ident, _ in (old[1] if old is not None else ()))
    while frontier:
        key = frontier.pop()
        if key not in reached:
            reached.add(key)
            frontier.extend(forward.get(key, ()))
    return reached


def _facts_of(item: Document) -> Facts | None:
    return dependent_facts(item.kind, reference_edges(item.data, item.kind or ""), political_flag(item.kind, item.data))


def _node_of(item: Document, file: str) -> Node:
    edges = reference_edges(item.data, item.kind or "")
    references = tuple(dict.fromkeys((kind, ident) for kind, ident, _ in edges))
    facts = dependent_facts(item.kind, edges, political_flag(item.kind, item.data))
    return Node(0, file, (item.kind or "", item.id or ""), references, facts)


def affected_keys(nodes: Iterable[Node], changed_keys: Iterable[Key]) -> set[Key]:
    """``changed_keys`` and the keys of every document of ``nodes`` that sees one of them.

    A document sees a key when a chain of references leads to it whose every reference but the last is
    followed (see .neighbourhood): so from the changed keys, one step back along any reference, then back
    along followed ones only. A campaign that only changed what it sees is not seen by its ads.
    """
    referrers: dict[Key, list[Key]] = {}
    followers: dict[Key, list[Key]] = {}
    for node in nodes:
        for target in node.references:
            referrers.setdefault(target, []).append(node.key)
            if (node.key[0], target[0]) in _FOLLOWED:
                followers.setdefault(target, []).append(node.key)
    affected = set(changed_keys)
    seen: set[Key] = set()
    frontier = [source for key in affected for source in referrers.get(key, ())]
    while frontier:
        key = frontier.pop()
        if key not in seen:
            seen.add(key)
            affected.add(key)
            frontier.extend(followers.get(key, ()))
    return affected


def files_to_read(files: Sequence[str], changes: Changes, limits: ReadLimits = DEFAULT_LIMITS) -> list[str] | None:
    """The files of ``files`` an incremental check must read: None when it must read them all.

    Every file is read as text, but only those that can matter are parsed: a document references another by
    its id, so a file whose text holds none of the ids in question can neither see a changed document nor be
    seen by a judged one. Starting from the changed files: the files defining what the changed documents reach
    through data sources, audiences and ads are parsed (the data sources among them are judged, for their
    dependents); the files holding an affected id are parsed to find who references it or reaches such a
    source (until nothing new is affected); then the files holding an id the judged documents reference,
    transitively (their neighbourhoods); and every file that mentions ``policy_context`` (the run's context).
    The result keeps the order of ``files``; documents that are read but not judged are left out of the
    report by :func:`affected_slots`.
    """
    if changes.judges_everything:
        return None
    texts: dict[str, str] = {}
    for file in files:
        try:  # bounded as the run reads: a FIFO or a device cannot block, a huge file is refused
            texts[file] = read_text(file, limits)
        except InputError:
            texts[file] = ""  # read (and reported) by the run itself
    real = _real_paths(files)
    if any(real[file] in changes.files and CONTEXT_KIND in texts[file] for file in files):
        return None  # a changed policy_context document changes what every rule sees
    wanted = {file for file in files if real[file] in changes.files or CONTEXT_KIND in texts[file]}
    wanted.update(file for file in files if not texts[file])
    reader = _Reader(files, texts, limits)
    changed_keys = set(changes.old_keys)
    for file in sorted(wanted):
        changed_keys.update(node.key for node in reader.parse(file) if real[file] in changes.files)
    sources = {key for key in reader.reach(changed_keys, changes.old_facts) if key[0] == "data_source"}
    readers = reader.who_sees(changed_keys | sources)  # read, for the sources' dependents
    judged = affected_keys(reader.nodes(), changed_keys) | sources
    needed = reader.seen_by(judged)
    wanted.update(reader.files_of(needed | readers))
    return [file for file in files if file in wanted]


class _Reader:
    """The files of an incremental check as text, parsed (to the keys and references of their documents) only
    when a search needs them."""

    def __init__(self, files: Sequence[str], texts: dict[str, str], limits: ReadLimits):
        self._texts = texts
        self._limits = limits
        self._parsed: dict[str, list[Node]] = {}
        self._words = _WordIndex(files, texts)

    def parse(self, file: str) -> list[Node]:
        if file not in self._parsed:
            nodes = []
            for item in parse_text(self._texts[file], file, _format_of(file), limits=self._limits):
                if isinstance(item, Document) and item.kind and item.id:
                    nodes.append(_node_of(item, file))
            self._parsed[file] = nodes
        return self._parsed[file]

    def nodes(self) -> list[Node]:
        return [node for nodes in self._parsed.values() for node in nodes]

    def files_of(self, keys: set[Key]) -> list[str]:
        return [file for file, nodes in self._parsed.items() if any(node.key in keys for node in nodes)]

    def _parse_holding(self, ids: Iterable[str], *, defining: bool = False) -> bool:
        """Parse the files not parsed yet whose text holds one of ``ids`` (as an ``id:`` field, with
        ``defining``); whether there was any."""
        found = [file for file in self._words.holding(ids, defining=defining) if file not in self._parsed]
        for file in found:
            self.parse(file)
        return bool(found)

    def reach(self, changed_keys: set[Key], old_facts: Mapping[Key, Facts]) -> set[Key]:
        """What the changed documents whose facts changed reach through data sources, audiences and ads (now,
        or at the revision), their files parsed (:func:`_dependent_closure`)."""
        reached: set[Key] = set()
        while True:
            now = _dependent_closure(self.nodes(), changed_keys, old_facts)
            fresh, reached = now - reached, now
            if not self._parse_holding({ident for _, ident in fresh}, defining=True):
                return reached

    def who_sees(self, seeds: set[Key]) -> set[Key]:
        """``seeds`` and the documents that see one (:func:`affected_keys`), their files parsed. Any reference
        to a seed counts; beyond it only followed ones, so a key of a kind no reference is followed into (a
        campaign) needs no search."""
        affected = affected_keys(self.nodes(), seeds)
        searched: set[Key] = set()
        while True:
            keys = {key for key in affected - searched if key in seeds or key[0] in _FOLLOWED_INTO}
            searched |= keys
            if not self._parse_holding({ident for _, ident in keys}):
                return affected
            affected = affected_keys(self.nodes(), seeds)

    def seen_by(self, judged: set[Key]) -> set[Key]:
        """``judged`` and what they see: the documents their references lead to, transitively, their files
        parsed. A document is found by its id field; one that is not is looked for wherever its id appears."""
        needed = set(judged)
        frontier = [target for node in self.nodes() if node.key in judged for target in node.references]
        looked: set[Key] = set()
        while frontier:
            fresh = [key for key in dict.fromkeys(frontier) if key not in needed]
            needed.update(fresh)
            self._parse_holding({ident for _, ident in fresh if (_, ident) not in looked}, defining=True)
            defined = {node.key: node for node in self.nodes()}
            missing = {key for key in fresh if key not in defined and key not in looked}
            looked.update(fresh)
            self._parse_holding({ident for _, ident in missing})
            defined = {node.key: node for node in self.nodes()}
            frontier = [target for key in fresh if key in defined for target in defined[key].references]
        return needed


def _real_paths(files: Iterable[str]) -> dict[str, str]:
    """``os.path.realpath`` of each file, resolving each directory once (a file that is no link is its
    directory's real path and its name)."""
    directories: dict[str, str] = {}
    real = {}
    for file in files:
        directory, name = os.path.split(file)
        if os.path.islink(file) or name in ("", ".", ".."):
            real[file] = os.path.realpath(file)
            continue
        resolved = directories.get(directory)
        if resolved is None:
            resolved = directories[directory] = os.path.realpath(directory or os.curdir)
        real[file] = os.path.join(resolved, name)
    return real


_WORD = re.compile(r"[\w.-]+")
_ID_FIELD = re.compile(r"id[\"']?\s*:\s*[\"']?([\w.-]+)")  # a superset of the ``id`` fields' values
#: Bytes that end an ASCII word: everything but letters, digits, ``_``, ``.`` and ``-`` (non-ASCII text is
#: encoded as ``?`` first, so it ends words too).
_WORD_ENDS = bytes(c if chr(c).isascii() and (chr(c).isalnum() or chr(c) in "_.-") else 32 for c in range(256))
#: Once this many ids have been asked about, every file's words are indexed instead of searched per id.
_INDEX_ABOVE = 32


class _WordIndex:
    """Which files hold an id, without a pattern search of every file per question.

    An id is held where it stands alone: not preceded or followed by a word character, ``.`` or ``-`` (so
    ``ds_1`` is not held by ``ds_10`` or ``x.ds_1``), and, for a defining question, where it is the value of
    an ``id`` field. The candidates are found first, then each is checked exactly: at first the files that
    hold the id as text (a substring search per id and file); once enough ids were asked about, the files
    whose ASCII words (maximal runs of letters, digits, ``_``, ``.`` and ``-``, anything else ending a word)
    include the id, from an index of every file's words built once. A file that holds an id made of those
    characters alone holds it as one of its ASCII words, so the index misses no file.
    """

    def __init__(self, files: Sequence[str], texts: dict[str, str], *, index_above: int = _INDEX_ABOVE):
        self._files = files
        self._texts = texts
        self._order = {file: n for n, file in enumerate(files)}
        self._words: dict[str, list[str]] | None = None
        self._asked = 0
        self._index_above = index_above

    def _candidates(self, ident: str) -> Iterable[str]:
        if self._words is None and self._asked > self._index_above:
            self._words = self._index()
        if self._words is not None and ident in self._words:
            return self._words[ident]
        return (file for file in self._files if ident in self._texts[file])

    def _index(self) -> dict[str, list[str]]:
        """For every id some file defines (an ``id`` field's value, ASCII words only), the files among whose
        ASCII words it is; an id no file defines is not in it, and is searched as text."""
        values = {value for text in self._texts.values() for value in _ID_FIELD.findall(text) if value.isascii()}
        words: dict[str, list[str]] = {ident: [] for ident in values}
        for file in self._files:
            text = self._texts[file].encode("ascii", "replace").translate(_WORD_ENDS).decode("ascii")
            for word in values.intersection(text.split()):
                words[word].append(file)
        return words

    def holding(self, ids: Iterable[str], *, defining: bool = False) -> list[str]:
        """The files, in their order, whose text holds one of ``ids`` (as an ``id:`` field, with ``defining``)."""
        ids = set(ids)
        self._asked += len(ids)
        found: set[str] = set()
        holds = _defines if defining else _holds
        for ident in ids:
            found.update(file for file in self._candidates(ident) if holds(self._texts[file], ident))
        return sorted(found, key=self._order.__getitem__)


def _holds(text: str, ident: str) -> bool:
    """Whether ``ident`` stands alone somewhere in ``text``: no word character, ``.`` or ``-`` on either side
    (what ``(?<![\\w.-])ident(?![\\w.-])`` finds; looked for as text, without compiling a pattern per id)."""
    return any(_alone(text, start, len(ident)) for start in _occurrences(text, ident))


def _defines(text: str, ident: str) -> bool:
    """Whether ``ident`` stands alone as the value of an ``id`` field somewhere in ``text``: what
    ``\\bid["']?\\s*:\\s*["']?`` before it finds, read backwards from each occurrence."""
    for start in _occurrences(text, ident):
        if not _alone(text, start, len(ident)):
            continue
        at = start - (start > 0 and text[start - 1] in "\"'")
        while at > 0 and text[at - 1].isspace():
            at -= 1
        if at == 0 or text[at - 1] != ":":
            continue
        at -= 1
        while at > 0 and text[at - 1].isspace():
            at -= 1
        at -= at > 0 and text[at - 1] in "\"'"
        if at >= 2 and text[at - 2 : at] == "id" and (at == 2 or not _is_word_character(text[at - 3])):
            return True
    return False


def _occurrences(text: str, ident: str) -> Iterator[int]:
    start = text.find(ident)
    while start >= 0:
        yield start
        start = text.find(ident, start + 1)


def _alone(text: str, start: int, length: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[start + length] if start + length < len(text) else ""
    return not (_in_word(before) or _in_word(after))


def _in_word(character: str) -> bool:
    return bool(character) and (_is_word_character(character) or character in ".-")


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"  # what ``\w`` matches in a str pattern
