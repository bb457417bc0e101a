"""The findings spool: a large run's findings held on disk, read back one chunk at a time.

A run over 100,000 documents finds about a million findings; held as objects until the report is written
they would be most of the process's memory. A :class:`FindingWriter` takes findings as the run produces
them and, past :data:`HELD_FINDINGS`, writes them to a spool file of its own (pickled chunks of
:data:`CHUNK_FINDINGS` findings, in the temporary directory): sorted runs of up to :data:`RUN_FINDINGS`
findings when the order is the report's (:func:`~ethiq.engine.report.finding_order`), merged as they are
read back, or one sequence in the order given. Its result is a :class:`FindingSpool`, a read-only
:class:`~collections.abc.Sequence` of findings that a :class:`~ethiq.engine.report.Report` keeps as it is:
iterating reads the file again, ``len`` and the :attr:`~FindingSpool.tally` (the counts a summary and an
exit code need) were gathered while writing. Fewer findings than :data:`HELD_FINDINGS` stay a tuple, as a
report always held them.

The file is removed when its spool (and every spool made from it) is no longer used, or when the process
ends, whatever ends it: an exception, Ctrl-C. A spool that cannot be written (a full disk) or read back (a
truncated file) raises :class:`~ethiq.engine.errors.EvaluationError`: an engine failure (exit 3), never a
run that passes because findings were lost. A spool pickles as the tuple of its findings.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import os
import pickle
import tempfile
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, BinaryIO, overload

from .errors import EvaluationError
from .report import Finding, FindingStore, TallyKey, finding_order, tally_key

#: Fewer findings than this are held in memory as a tuple; more go to a spool file.
HELD_FINDINGS = 20_000
#: Findings sorted together in memory before they are written as one run (its memory bounds the sort's).
RUN_FINDINGS = 16_384
#: Findings per pickled chunk: what a reader holds decoded of each run at a time.
CHUNK_FINDINGS = 256

Chunk = tuple[int, int]  # (offset, length) in the spool file
Key = Callable[[Finding], Any]


class _File:
    """A spool file, removed when no spool or writer uses it any more (or at exit)."""

    def __init__(self, directory: str | None = None) -> None:
        try:
            handle, self.path = tempfile.mkstemp(prefix="ethiq-findings-", suffix=".spool", dir=directory)
        except OSError as err:
            raise EvaluationError(f"the findings spool could not be created: {err}") from err
        self.out: BinaryIO | None = os.fdopen(handle, "wb")
        self.size = 0
        self._remove = weakref.finalize(self, _remove, self.out, self.path)

    def write(self, findings: list[Finding]) -> Chunk:
        assert self.out is not None, "a finished spool file is not written to"
        blob = pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.out.write(blob)
        except OSError as err:  # a full disk: the findings would be lost, so the run cannot be judged
            raise EvaluationError(f"the findings spool {self.path} could not be written: {err}") from err
        chunk = (self.size, len(blob))
        self.size += len(blob)
        return chunk

    def finish(self) -> None:
        if self.out is not None:
            try:
                self.out.close()
            except OSError as err:
                raise EvaluationError(f"the findings spool {self.path} could not be written: {err}") from err
            self.out = None

    def remove(self) -> None:
        self._remove()

    def read(self, runs: Sequence[Sequence[Chunk]], order: Key | None) -> Iterator[Finding]:
        """The findings of ``runs``: merged by ``order``, or one run after the other; one open file, and one
        chunk of each run decoded at a time."""
        try:
            with open(self.path, "rb") as file:
                streams = [self._chunks(file, run) for run in runs]
                if order is not None and len(streams) > 1:
                    yield from heapq.merge(*streams, key=order)
                else:
                    yield from itertools.chain.from_iterable(streams)
        except OSError as err:
            raise EvaluationError(f"the findings spool {self.path} could not be read: {err}") from err
        except (pickle.UnpicklingError, EOFError, ValueError) as err:
            raise EvaluationError(f"the findings spool {self.path} is damaged: {err}") from err

    def _chunks(self, file: BinaryIO, chunks: Sequence[Chunk]) -> Iterator[Finding]:
        for offset, length in chunks:
            file.seek(offset)
            blob = file.read(length)
            if len(blob) != length:
                raise EvaluationError(f"the findings spool {self.path} is truncated")
            yield from pickle.loads(blob)


def _remove(out: BinaryIO | None, path: str) -> None:
    if out is not None:
        with contextlib.suppress(OSError):  # removed all the same
            out.close()
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


class FindingSpool(FindingStore):
    """Findings in a spool file: a read-only sequence whose every iteration reads the file again.

    ``runs``: chunks of each run; ``order``: the key each run is sorted by, the runs read back merged (a
    stable merge: the order a stable sort of all findings gives); None: read one after the other.
    Indexing works (by reading up to the index) but renderers iterate.
    """

    def __init__(
        self, file: _File, runs: Sequence[Sequence[Chunk]], *, order: Key | None, count: int, tally: Counter[TallyKey]
    ) -> None:
        self._file = file
        self._runs = tuple(tuple(run) for run in runs)
        self._order = order
        self._count = count
        self._tally = tally

    @property
    def tally(self) -> Counter[TallyKey]:
        return Counter(self._tally)

    @property
    def path(self) -> str:
        """The spool file (for tests and diagnostics)."""
        return self._file.path

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Finding]:
        return self._file.read(self._runs, self._order)

    @overload
    def __getitem__(self, index: int) -> Finding: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Finding, ...]: ...

    def __getitem__(self, index: int | slice) -> Finding | tuple[Finding, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        position = index + self._count if index < 0 else index
        if not 0 <= position < self._count:
            raise IndexError("finding index out of range")
        return next(itertools.islice(iter(self), position, None))

    def sorted(self, key: Key) -> Iterator[Finding]:
        """The findings sorted by ``key`` (stable), holding a run of them at a time: an external merge sort."""
        writer = FindingWriter(order=key, directory=os.path.dirname(self._file.path), hold=0)
        for finding in self:
            writer.add(finding)
        spool = writer.finish()
        assert isinstance(spool, FindingSpool)
        return iter(spool)

    def __eq__(self, other: object) -> bool:
        """Equal to a tuple or another store holding equal findings in the same order (read, not held)."""
        if not isinstance(other, tuple | FindingStore):
            return NotImplemented
        if len(other) != self._count:
            return False
        return all(mine == theirs for mine, theirs in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # equal to tuples, which hash by value: not hashable, like a list

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))

    def __repr__(self) -> str:
        return f"<FindingSpool of {self._count} findings in {self._file.path}>"


class FindingWriter:
    """Collects findings; past ``hold`` of them writes them to a spool file.

    ``order``: sort each run by it (the report's order by default) and merge the runs when read back; None:
    keep the order given. :meth:`finish` returns a tuple (``hold`` or fewer findings) or a :class:`FindingSpool`.
    """

    def __init__(
        self,
        *,
        order: Key | None = finding_order,
        hold: int | None = None,
        directory: str | None = None,
        on_spill: Callable[[], None] | None = None,
    ) -> None:
        self._order = order
        self._hold = HELD_FINDINGS if hold is None else hold
        self._directory = directory
        self._on_spill = on_spill  # called after each run is written (the ledger forgets what it shared)
        self._pending: list[Finding] = []
        self._file: _File | None = None
        self._runs: list[list[Chunk]] = []
        self._count = 0
        self._tally: Counter[TallyKey] = Counter()

    def __len__(self) -> int:
        return self._count

    def add(self, finding: Finding) -> None:
        self._pending.append(finding)
        self._count += 1
        self._tally[tally_key(finding)] += 1
        limit = RUN_FINDINGS if self._order is not None else CHUNK_FINDINGS
        if len(self._pending) >= limit and (self._file is not None or self._count > self._hold):
            self._spill()

    def extend(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.add(finding)

    def _spill(self) -> None:
        if self._file is None:
            self._file = _File(self._directory)
        pending, self._pending = self._pending, []
        if self._order is not None:
            pending.sort(key=self._order)
            self._runs.append([])
        elif not self._runs:
            self._runs.append([])
        run = self._runs[-1]
        for start in range(0, len(pending), CHUNK_FINDINGS):
            run.append(self._file.write(pending[start : start + CHUNK_FINDINGS]))
        if self._on_spill is not None:
            self._on_spill()

    def finish(self) -> tuple[Finding, ...] | FindingSpool:
        """The findings: a tuple when they were few enough to hold, else the spool (the writer is done)."""
        if self._file is None and self._count <= self._hold:
            pending, self._pending = self._pending, []
            if self._order is not None:
                pending.sort(key=self._order)
            return tuple(pending)
        if self._pending or self._file is None:
            self._spill()
        assert self._file is not None
        self._file.finish()
        spool = FindingSpool(self._file, self._runs, order=self._order, count=self._count, tally=self._tally)
        self._file, self._runs = None, []
        return spool

    def discard(self) -> None:
        """Give up: remove the spool file now (a run that failed)."""
        if self._file is not None:
            self._file.remove()
            self._file = None
        self._pending = []


__all__ = ["CHUNK_FINDINGS", "HELD_FINDINGS", "RUN_FINDINGS", "FindingSpool", "FindingWriter"]
