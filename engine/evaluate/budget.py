"""Time budgets: a document whose evaluation runs too long, or a run that does, ends as an engine problem.

regorus cannot be interrupted: it holds the interpreter while it evaluates, and has no execution limit. So
documents are judged in a child process forked from the one that prepared the engine (nothing is prepared
again: the child starts with the parent's engine, index and context). The child reports each document as it
starts it and each judgement as it finishes; the parent waits on the pipe, and when a document has used up
its budget (``document_time_budget``) or the run its own (``time_budget``), kills the child. The document
that was running gets an engine problem naming the budget and how to raise it; the documents already judged
keep their results, and the rest go on in a new child (or, the run's budget spent, each get the same kind of
problem). A child that dies without a timeout (a crash) is isolated the same way: its document is the one
that was running.

Where ``fork`` is not available (Windows), or the engine does not survive one (OPA: the Go runtime's threads
are not forked, so a forked child would block for ever on its first evaluation), documents are judged in this
process: the run's budget is kept between documents (those left when it is spent are not judged, each with
its problem), but a document that runs past its own budget cannot be stopped.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import struct
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..graph import Judgement
from ..report import Problem, ProblemKind, Verdict

#: Defaults generous enough for real campaigns: a document is judged in milliseconds, a campaign in seconds.
DEFAULT_DOCUMENT_TIME_BUDGET = 120.0
DEFAULT_TIME_BUDGET = 3600.0

D = TypeVar("D")

_START, _DONE = b"S", b"J"
_HEADER = struct.Struct("!cQ")  # message type, then the slot (S) or the length of a pickled judgement (J)


@dataclass(frozen=True, slots=True)
class Budgets:
    """The time a run may take (seconds, from ``started``, a ``time.time()``) and the time per document."""

    document: float = DEFAULT_DOCUMENT_TIME_BUDGET
    run: float = DEFAULT_TIME_BUDGET
    started: float = 0.0

    def start(self) -> Budgets:
        """These budgets, with the run's clock started now (unless it was started already)."""
        return self if self.started else Budgets(self.document, self.run, time.time())

    @property
    def deadline(self) -> float:
        return (self.started or time.time()) + self.run


@dataclass(frozen=True, slots=True)
class Place:
    """Where a document is, for the problem that replaces its judgement."""

    file: str
    line: int | None
    id: str | None


def can_enforce() -> bool:
    """Whether budgets can be enforced here: they need ``fork``."""
    return hasattr(os, "fork") and sys.platform != "win32"


def document_budget_problem(place: Place, budgets: Budgets) -> Judgement:
    message = f"not judged: its evaluation exceeded the per-document time budget of {budgets.document:g} s"
    hint = (
        "if the document is expected to take this long, raise the budget with --document-time-budget SECONDS "
        "or `document_time_budget` in ethiq.toml (ETHIQ_DOCUMENT_TIME_BUDGET); otherwise report it"
    )
    return _problem(place, message, hint)


def run_budget_problem(place: Place, budgets: Budgets) -> Judgement:
    message = f"not judged: the run's time budget of {budgets.run:g} s was spent before this document was"
    hint = "raise the budget with --time-budget SECONDS or `time_budget` in ethiq.toml (ETHIQ_TIME_BUDGET)"
    return _problem(place, message, hint)


def crash_problem(place: Place, message: str) -> Judgement:
    hint = "this document was not judged; fix the policy or report the engine failure"
    return _problem(place, f"not judged: {message}", hint)


def _problem(place: Place, message: str, hint: str) -> Judgement:
    problem = Problem(ProblemKind.ENGINE, message, place.file, place.line, None, place.id, hint=hint)
    return Judgement(Verdict.ERROR, problem=problem)


class BudgetedJudge(Generic[D]):
    """Judges ``(slot, document)`` pairs within ``budgets``, in forked children (see the module docstring)."""

    def __init__(
        self, judge: Callable[[D], Judgement], place: Callable[[D], Place], budgets: Budgets, *, fork: bool = True
    ):
        self._judge = judge
        self._place = place
        self._budgets = budgets
        self._fork = fork  # False: the engine does not survive a fork (see the module docstring)

    def run(self, items: Sequence[tuple[int, D]]) -> Iterator[tuple[int, Judgement]]:
        if not (self._fork and can_enforce()):
            for position, (slot, document) in enumerate(items):
                if time.time() >= self._budgets.deadline:
                    for late_slot, late in items[position:]:
                        yield late_slot, run_budget_problem(self._place(late), self._budgets)
                    return
                yield slot, self._judge(document)
            return
        position = 0
        while position < len(items):
            if time.time() >= self._budgets.deadline:
                for slot, document in items[position:]:
                    yield slot, run_budget_problem(self._place(document), self._budgets)
                return
            judged = 0
            for slot, judgement in self._child(items[position:]):
                judged += 1
                yield slot, judgement
            if judged == 0 and time.time() < self._budgets.deadline:
                # The child ended before it started on a document: give that one up rather than loop.
                slot, document = items[position]
                yield slot, crash_problem(self._place(document), "the process evaluating it ended before it began")
                judged = 1
            position += judged

    def _child(self, items: Sequence[tuple[int, D]]) -> Iterator[tuple[int, Judgement]]:
        """Judge ``items`` in one child until it finishes, is stopped or dies; yields at least one result."""
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: judge, report, and leave without running the parent's cleanup
            os.close(read_end)
            code = 0
            try:
                _judge_all(self._judge, items, write_end)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(write_end)
        reader = _Reader(read_end)
        try:
            yield from self._watch(pid, reader, dict(items))
        except BaseException:  # an interrupt, or the caller stopped listening: the child goes too
            _stop(pid)
            raise
        finally:
            reader.close()

    def _watch(self, pid: int, reader: _Reader, by_slot: dict[int, D]) -> Iterator[tuple[int, Judgement]]:
        current: int | None = None
        started = 0.0
        while True:
            limit = self._budgets.deadline
            if current is not None:
                limit = min(limit, started + self._budgets.document)
            message = reader.next(max(0.0, limit - time.time()))
            if message is None:  # a budget is spent
                _stop(pid)
                if current is None:
                    return  # the run's: the caller says so for the remaining documents
                place = self._place(by_slot[current])
                if started + self._budgets.document <= time.time():
                    yield current, document_budget_problem(place, self._budgets)
                else:
                    yield current, run_budget_problem(place, self._budgets)
                return
            kind, payload = message
            if kind == _START:
                assert isinstance(payload, int)
                current, started = payload, time.time()
            elif kind == _DONE:
                assert current is not None
                assert isinstance(payload, Judgement)
                yield current, payload
                current = None
            else:  # the child is gone
                status = _reap(pid)
                if current is not None:
                    yield current, crash_problem(self._place(by_slot[current]), _describe(status))
                return


def _judge_all(judge: Callable[[D], Judgement], items: Sequence[tuple[int, D]], fd: int) -> None:
    with os.fdopen(fd, "wb", buffering=0) as pipe:
        for slot, document in items:
            pipe.write(_HEADER.pack(_START, slot))
            blob = pickle.dumps(judge(document), protocol=pickle.HIGHEST_PROTOCOL)
            pipe.write(_HEADER.pack(_DONE, len(blob)) + blob)


class _Reader:
    """Messages from a child's pipe, each read whole, with a timeout on the wait for the next."""

    def __init__(self, fd: int):
        self._fd = fd
        self._buffer = bytearray()

    def next(self, timeout: float) -> tuple[bytes, object] | None:
        """``(kind, slot or judgement)``; ``(b"", None)`` at the end of the pipe; None when ``timeout`` passed."""
        deadline = time.time() + timeout
        while True:
            message = self._parse()
            if message is not None:
                return message
            remaining = deadline - time.time()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self._fd], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(self._fd, 1 << 16)
            if not chunk:
                return (b"", None)
            self._buffer.extend(chunk)

    def _parse(self) -> tuple[bytes, object] | None:
        if len(self._buffer) < _HEADER.size:
            return None
        kind, value = _HEADER.unpack_from(self._buffer)
        if kind == _START:
            del self._buffer[: _HEADER.size]
            return kind, value
        end = _HEADER.size + value
        if len(self._buffer) < end:
            return None
        judgement = pickle.loads(bytes(self._buffer[_HEADER.size : end]))
        del self._buffer[:end]
        return kind, judgement

    def close(self) -> None:
        os.close(self._fd)


def _stop(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _reap(pid)


def _reap(pid: int) -> int:
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return 0
    return status


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"the process evaluating it was killed by signal {os.WTERMSIG(status)} (a crash, or out of memory)"
    return f"the process evaluating it ended with status {os.waitstatus_to_exitcode(status)}"
