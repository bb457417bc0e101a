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
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..read import Document, parse_text
from .references import REFERENCES

Key = tuple[str, str]  # (kind, id)

CONTEXT_KIND = "policy_context"
#: (kind, target kind) pairs with a reference that is followed beyond its target (an over-approximation
#: when a pair had both kinds of reference, which only judges more).
_FOLLOWED = frozenset((kind, ref.target) for kind, refs in REFERENCES.items() for ref in refs if ref.follow)


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed since a revision: files (absolute, resolved) and the keys their documents held there."""

    revision: str
    files: frozenset[str]
    old_keys: frozenset[Key]
    old_context: bool  # a changed file held a policy_context document at the revision


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


def changes_since(revision: str, cwd: str | os.PathLike[str]) -> Changes:
    """The files changed between ``revision`` and the working tree of the git repository around ``cwd``."""
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
    old_context = False
    earlier = [name for name in names if os.fsencode(name) in existed]  # the others were added since
    for name, text in zip(earlier, _blobs(commit, earlier, top), strict=True):
        for item in parse_text(text, name, _format_of(name)):
            if isinstance(item, Document) and item.kind and item.id:
                old_keys.add((item.kind, item.id))
                old_context = old_context or item.kind == CONTEXT_KIND
    files = frozenset(os.path.realpath(top / name) for name in names)
    return Changes(revision=revision, files=files, old_keys=frozenset(old_keys), old_context=old_context)


def _blobs(commit: str, names: Sequence[str], top: Path) -> list[str]:
    """The text of each of ``names`` at ``commit``, read by one ``git cat-file --batch``."""
    if not names:
        return []
    import subprocess

    request = b"".join(os.fsencode(f"{commit}:{name}") + b"\n" for name in names)
    try:
        result = subprocess.run(
            ["git", "cat-file", "--batch"], cwd=top, input=request, capture_output=True, check=False
        )
    except OSError as err:
        raise UsageError(f"--changed-since needs git: {err.strerror or err}") from None
    output, position, texts = result.stdout, 0, []
    for name in names:
        end = output.find(b"\n", position)
        header = output[position:end].split() if end >= 0 else []
        if result.returncode != 0 or len(header) != 3 or header[1] != b"blob":
            raise UsageError(f"--changed-since: git cannot read {name} at {commit[:12]}")
        size = int(header[2])
        texts.append(output[end + 1 : end + 1 + size].decode("utf-8", "replace"))
        position = end + 1 + size + 1
    return texts


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


def affected_slots(nodes: Sequence[Node], changes: Changes, context_files: Iterable[str] = ()) -> set[int] | None:
    """The slots to judge: changed documents and every document whose references lead to one; None for all.

    ``context_files`` are the files of the run's ``policy_context`` documents: when one changed (or a changed
    file held one at the revision), every document is judged.
    """
    if changes.old_context:
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
    # A document sees a key when a chain of references leads to it whose every reference but the last is
    # followed (see .neighbourhood): so from the changed keys, one step back along any reference, then back
    # along followed ones only. A campaign that only changed what it sees is not seen by its ads.
    referrers: dict[Key, list[Key]] = {}
    followers: dict[Key, list[Key]] = {}
    for node in nodes:
        for target in node.references:
            referrers.setdefault(target, []).append(node.key)
            if (node.key[0], target[0]) in _FOLLOWED:
                followers.setdefault(target, []).append(node.key)
    affected = set(changed_keys)
    seen: set[Key] = set()
    frontier = [source for key in changed_keys for source in referrers.get(key, ())]
    while frontier:
        key = frontier.pop()
        if key not in seen:
            seen.add(key)
            affected.add(key)
            frontier.extend(followers.get(key, ()))
    return {node.slot for node in nodes if node.key in affected}
