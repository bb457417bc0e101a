"""The parallel runner: the per-document stages over files, streamed through a spool, in one or more processes.

It runs whatever :class:`Stages` it is given (the judge stage's ``DocumentStages``) and imports none of
the modules that call it. regorus holds the GIL while it evaluates, so ethiq scales with processes. A run
over paths has two passes (see :mod:`ethiq.engine.graph.ledger`), each split into chunks of files:

    intake   workers read, parse and validate their files, write every judgeable document to a spool
             file, and send back small :class:`~ethiq.engine.graph.Intake` records (kind, id, place,
             problems, the ids the document references), never the document itself
    index    the parent, in document order: duplicate ids, the policy context, and for every *referenced*
             (kind, id) where its document lies in the spool: the index, written once to a run file
    judge    workers load the run file once each, then for each chunk load its documents from the spool,
             build their neighbourhood from the index (documents loaded on demand, recently used ones
             cached) and evaluate them
    report   the parent, in document order, whatever the order in which chunks finished

What a worker is sent: the proven policy set and base context once, in a file its initializer loads
(each worker prepares its engine once, and skips the parent's proof of the policies); the index once, in a
run file it loads with its first judge task; per chunk only file names, spool offsets and slots. Memory
in every process grows with the referenced documents, not with the number of documents: the others wait
in the spool (a private temporary directory, about 1.5 KB per document) until their turn.

A worker that dies (a crash in the engine, the out-of-memory killer) breaks the pool. The chunks that may
have been running are rerun one at a time in a separate worker, halved until the culprit is a single file
or document; that one gets an engine-error problem, every other document its result. An exception escaping
a task is handled the same way, in this process too, so that the report does not depend on the number of
jobs. Workers are started with ``spawn``: no state is inherited from the parent but what is sent.
"""

from __future__ import annotations

import marshal
import os
import pickle
import signal
import tempfile
from abc import ABC, abstractmethod
from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Generic, Protocol, TypeVar

from ..errors import EvaluationError, UsageError
from ..graph import DocumentIndex, Intake, Judgement, Key, Ledger, PolicyContext
from ..graph.ledger import Ledgered
from ..read import STDIN, Document, ReadProblem, Source, iter_documents, iter_files, read_stdin
from ..read.limits import DEFAULT_LIMITS, ReadLimits
from ..validate import Stage
from .budget import BudgetedJudge, Budgets, Place
from .inputs import RunIndex

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from ..graph.changes import Node

# Chunk sizes, in bytes of input files. Small enough to share the work evenly among the workers and to
# bound what a crash can take down before it is isolated; large enough that a chunk's overhead (a task
# round trip, a spool file) is noise. In one process chunks only bound the memory of intake records.
CHUNK_MAX_BYTES = 512 * 1024
CHUNK_MIN_BYTES = 32 * 1024
CHUNKS_PER_WORKER = 16
IN_PROCESS_CHUNK_BYTES = 2 * 1024 * 1024
#: Below this many bytes of input a run stays in this process whatever the number of jobs.
MIN_POOL_BYTES = 128 * 1024
#: Referenced documents kept decoded per process (vendors and data sources are referenced again and again).
INDEX_CACHE_SIZE = 1024
#: How many times a pool may break before the remaining chunks are given up as engine errors.
MAX_POOL_RESTARTS = 8
#: Single-chunk runs spent isolating crashes before the remaining suspects are given up as engine errors.
MAX_ISOLATED_RUNS = 64

Location = tuple[int, int, int]  # (spool file number, offset, length)
#: Chooses the slots to judge from the run's judgeable documents and the files of its policy_context
#: documents (None: every one), once intake is done: how an incremental check narrows a run.
Selector = Callable[["list[Node]", list[str]], "set[int] | None"]


class Stages(Protocol):
    """The per-document stages a run executes: what the runner needs of the judge stage."""

    @property
    def base_context(self) -> PolicyContext: ...

    def intake(self, item: Document | ReadProblem) -> Intake: ...

    def run_context(self, documents: tuple[Document, ...]) -> PolicyContext: ...

    def use_context(self, context: PolicyContext) -> None: ...

    def judge(self, document: Document, index: DocumentIndex, context: PolicyContext) -> Judgement: ...

    def ready(self, kinds: Iterable[str] | None = None) -> None:
        """Prepare the engine for documents of ``kinds`` (None: any), before judging forks (see :mod:`.budget`)."""
        ...

    @property
    def fork_safe(self) -> bool:
        """Whether a forked child may judge with these stages' engine (see :mod:`.budget`)."""
        ...

    def state(self) -> StagesState: ...


class StagesState(Protocol):
    """A picklable recipe a worker process rebuilds the stages from."""

    def build(self) -> Stages: ...


@dataclass(frozen=True, slots=True)
class RunOutcome:
    """What a run of the stages gives: the ledger's records and the run's policy context."""

    ledgered: Ledgered
    context: PolicyContext


def resolve_jobs(jobs: int | str | None) -> int:
    """The number of worker processes: a positive integer, or ``"auto"`` for one per CPU."""
    if jobs is None:
        return 1
    if isinstance(jobs, str):
        if jobs.strip().lower() == "auto":
            return available_cpus()
        try:
            jobs = int(jobs)
        except ValueError:
            raise UsageError(f"--jobs must be a positive integer or 'auto', not {jobs!r}") from None
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise UsageError(f"--jobs must be a positive integer or 'auto', not {jobs!r}")
    return jobs


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity, as a container or ``taskset`` limits it), at least 1."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux: every CPU of the machine
        return os.cpu_count() or 1


# --- units and chunks ----------------------------------------------------------------------------------------


def list_units(
    paths: Iterable[str | os.PathLike[str]],
    exclude: Callable[[Path], bool] | None = None,
    notices: list[ReadProblem] | None = None,
) -> list[tuple[str, int]]:
    """The inputs of ``paths`` in the order :func:`iter_documents` reads them, each with its size in bytes.

    A unit is one file, ``-`` for standard input, or a path that does not exist (its problem is reported
    when it is read). ``exclude`` skips files found by walking a directory, as in :func:`iter_documents`;
    what a walk skips (links to directories, link loops) is added to ``notices``.
    """
    units: list[tuple[str, int]] = []
    for raw in paths:
        name = str(raw)
        if name == STDIN:
            units.append((STDIN, 0))
            continue
        path = Path(name)
        if path.is_dir():
            for file in iter_files(path):
                if isinstance(file, ReadProblem):
                    if notices is not None and (exclude is None or not exclude(Path(file.file))):
                        notices.append(file)
                elif exclude is None or not exclude(file):
                    units.append((str(file), _size(file)))
        else:
            units.append((name, _size(path)))
    return units


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def plan_chunks(units: list[tuple[str, int]], target: int, *, tail: int = 0) -> list[tuple[str, ...]]:
    """Consecutive runs of units of about ``target`` bytes each (at least one unit each).

    With ``tail`` (bytes), the runs in the last ``tail`` bytes of the input are a quarter of ``target``: the
    chunks a pool takes last are small, so that no worker is left judging a whole chunk while the others
    have nothing left to take.
    """
    chunks: list[tuple[str, ...]] = []
    current: list[str] = []
    size = 0
    remaining = sum(max(unit_size, 1) for _, unit_size in units)
    for name, unit_size in units:
        current.append(name)
        size += max(unit_size, 1)
        remaining -= max(unit_size, 1)
        if size >= (target if remaining >= tail else max(CHUNK_MIN_BYTES, target // 4)):
            chunks.append(tuple(current))
            current, size = [], 0
    if current:
        chunks.append(tuple(current))
    return chunks


def chunk_target(total_bytes: int, workers: int) -> int:
    if workers <= 1:
        return IN_PROCESS_CHUNK_BYTES
    return max(CHUNK_MIN_BYTES, min(CHUNK_MAX_BYTES, total_bytes // (workers * CHUNKS_PER_WORKER) + 1))


# --- the spool ------------------------------------------------------------------------------------------------


def dump_document(document: Document) -> bytes:
    source = document.source
    record = (document.data, source.file, source.format, source.index, source.line, source.array)
    try:
        return b"M" + marshal.dumps(record)  # several times faster than pickle for plain JSON values
    except ValueError:  # a YAML value marshal does not know (never in valid documents, but be safe)
        return b"P" + pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)


def load_document(blob: bytes, stdin_text: str | None) -> Document:
    record = marshal.loads(blob[1:]) if blob[:1] == b"M" else pickle.loads(blob[1:])
    data, file, fmt, index, line, is_array = record
    text = stdin_text if file == STDIN else None  # standard input cannot be re-read to locate a line
    return Document(data=data, source=Source(file, fmt, index, line, is_array), _text=text)


class SpoolReader:
    """Reads documents back from the spool files of a run (a few files kept open)."""

    def __init__(self, paths: tuple[str, ...], stdin_text: str | None):
        self._paths = paths
        self._stdin_text = stdin_text
        self._files: OrderedDict[int, BinaryIO] = OrderedDict()

    def load(self, location: Location) -> Document:
        number, offset, length = location
        file = self._files.get(number)
        if file is None:
            file = open(self._paths[number], "rb")  # noqa: SIM115 - kept open across calls, closed in close()
            self._files[number] = file
            if len(self._files) > 16:
                self._files.popitem(last=False)[1].close()
        else:
            self._files.move_to_end(number)
        file.seek(offset)
        blob = file.read(length)
        if len(blob) != length:
            raise EvaluationError(f"the spool file {self._paths[number]} is truncated")
        return load_document(blob, self._stdin_text)

    def close(self) -> None:
        while self._files:
            self._files.popitem()[1].close()


class SpoolIndex(RunIndex):
    """The referenced documents of a run, loaded from the spool when a neighbourhood reaches them."""

    def __init__(self, locations: dict[Key, Location], reader: SpoolReader, cache_size: int = INDEX_CACHE_SIZE):
        super().__init__()
        self._locations = locations
        self._reader = reader
        self._cache: OrderedDict[Key, Document] = OrderedDict()
        self._cache_size = cache_size

    def add(self, document: Document) -> Document | None:  # pragma: no cover - built by the parent
        raise TypeError("a spool index is read-only")

    def get(self, kind: str, ident: str) -> Document | None:
        key = (kind, ident)
        document = self._cache.get(key)
        if document is not None:
            self._cache.move_to_end(key)
            return document
        location = self._locations.get(key)
        if location is None:
            return None
        document = self._reader.load(location)
        self._cache[key] = document
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return document

    def __len__(self) -> int:
        return len(self._locations)


# --- tasks and the worker side -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IntakeTask:
    units: tuple[str, ...]
    spool: int  # number of the spool file this task writes
    spool_path: str
    stdin_text: str | None  # only when the task reads standard input
    limits: ReadLimits = DEFAULT_LIMITS

    def split(self, next_spool: Callable[[], tuple[int, str]]) -> list[IntakeTask] | None:
        if len(self.units) < 2:
            return None
        half = len(self.units) // 2
        parts = []
        for units in (self.units[:half], self.units[half:]):
            number, path = next_spool()
            parts.append(IntakeTask(units, number, path, self.stdin_text if STDIN in units else None, self.limits))
        return parts


@dataclass(frozen=True, slots=True)
class JudgeTask:
    run: str  # the run file: index, context, spool files
    spool: int
    slots: array[int]
    offsets: array[int]
    lengths: array[int]

    def split(self) -> list[JudgeTask] | None:
        if len(self.slots) < 2:
            return None
        half = len(self.slots) // 2
        return [
            JudgeTask(self.run, self.spool, self.slots[:half], self.offsets[:half], self.lengths[:half]),
            JudgeTask(self.run, self.spool, self.slots[half:], self.offsets[half:], self.lengths[half:]),
        ]


@dataclass(frozen=True, slots=True)
class Run:
    """What every judge needs once per run: the index, the context and where the spool is."""

    locations: dict[Key, Location]
    spools: tuple[str, ...]
    stdin_text: str | None
    context_data: dict[str, Any] | None  # None: the stages' base context
    context_origins: tuple[str, ...]
    budgets: Budgets = Budgets()  # noqa: RUF009 - frozen, so one shared default is safe
    dependents: dict[Key, list[dict[str, Any]]] | None = None  # input.dependents of the run's data sources


IntakeResult = list[tuple[Intake, Location | None]]
JudgeResult = list[tuple[int, Judgement]]


class Worker:
    """One process's side of a run: prepared stages, and the run's index once it has been loaded."""

    def __init__(self, stages: Stages):
        self.stages = stages
        self._runs: dict[str, tuple[Run, SpoolIndex, SpoolReader, PolicyContext]] = {}

    def intake(self, task: IntakeTask) -> IntakeResult:
        stages = self.stages
        out: IntakeResult = []
        with open(task.spool_path, "wb") as spool:
            offset = 0
            for unit in task.units:
                stdin_text = task.stdin_text if unit == STDIN else None
                for item in iter_documents([unit], stdin_text=stdin_text, limits=task.limits):
                    intake = stages.intake(item)
                    location: Location | None = None
                    if intake.stage == Stage.JUDGE:
                        assert isinstance(item, Document)
                        blob = dump_document(item)
                        spool.write(blob)
                        location = (task.spool, offset, len(blob))
                        offset += len(blob)
                    out.append((intake, location))
        return out

    def open_run(self, path: str, run: Run | None = None) -> None:
        """Load the run file once (or take ``run`` as it is, in the parent's process)."""
        if path in self._runs:
            return
        if run is None:
            with open(path, "rb") as file:
                run = pickle.load(file)
        assert run is not None
        reader = SpoolReader(run.spools, run.stdin_text)
        context = self.stages.base_context
        if run.context_data is not None:
            context = PolicyContext(data=run.context_data, origins=list(run.context_origins))
            self.stages.use_context(context)
        index = SpoolIndex(run.locations, reader)
        index.dependents = run.dependents or {}
        self._runs[path] = (run, index, reader, context)

    def close_run(self, path: str) -> None:
        _, _, reader, context = self._runs.pop(path)
        reader.close()
        if context is not self.stages.base_context:
            self.stages.use_context(self.stages.base_context)

    def judge(self, task: JudgeTask) -> JudgeResult:
        self.open_run(task.run)
        run, index, reader, context = self._runs[task.run]

        def judge(location: Location) -> Judgement:
            return self.stages.judge(reader.load(location), index, context)

        def place(location: Location) -> Place:
            return place_of(reader.load(location))

        locations = zip(task.slots, task.offsets, task.lengths, strict=True)
        items = [(slot, (task.spool, offset, length)) for slot, offset, length in locations]
        self.stages.ready()  # in this process, not in each forked child (a no-op once prepared)
        return list(BudgetedJudge(judge, place, run.budgets, fork=self.stages.fork_safe).run(items))


class _Process:
    """The worker process's state: set by the pool initializer, used by the task functions below."""

    worker: Worker | None = None
    error: str | None = None


def _init_worker(state_path: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as the process was started (see .processes): the parent handles it
    try:
        with open(state_path, "rb") as file:
            state: StagesState = pickle.load(file)
        _Process.worker = Worker(state.build())
    except BaseException as err:  # reported by _ping, so the parent can say why workers cannot start
        _Process.error = f"{type(err).__name__}: {err}"


def _ping() -> str | None:
    return _Process.error if _Process.worker is None else None


def _intake_task(task: IntakeTask) -> IntakeResult:
    assert _Process.worker is not None
    return _Process.worker.intake(task)


def _judge_task(task: JudgeTask) -> JudgeResult:
    assert _Process.worker is not None
    return _Process.worker.judge(task)


# --- executing tasks, with crash isolation ---------------------------------------------------------------

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Crash:
    """A task that could not complete: its worker died, or an exception escaped it."""

    message: str


class _Executor(ABC, Generic[T, R]):
    """Runs tasks and yields ``(task, result or Crash)`` in task order; a split task yields its parts."""

    @abstractmethod
    def run(
        self, function: Callable[[T], R], tasks: list[T], split: Callable[[T], list[T] | None]
    ) -> Iterator[tuple[T, R | Crash]]:
        """Run ``function`` over ``tasks``: in this process, or in the workers."""

    def close(self) -> None:
        """Stop the workers, if any."""

    def abort(self) -> None:
        """Stop the workers at once, if any (an interrupted run)."""


class _InProcess(_Executor[T, R]):
    def __init__(self) -> None:
        self._budget = MAX_ISOLATED_RUNS

    def run(
        self, function: Callable[[T], R], tasks: list[T], split: Callable[[T], list[T] | None]
    ) -> Iterator[tuple[T, R | Crash]]:
        for task in tasks:
            yield from self._one(function, task, split)

    def _one(
        self, function: Callable[[T], R], task: T, split: Callable[[T], list[T] | None]
    ) -> Iterator[tuple[T, R | Crash]]:
        try:
            result = function(task)
        except Exception as err:  # as in a worker: narrow it down to the unit or document that raises
            parts = split(task) if self._budget > 0 else None
            self._budget -= 1
            if parts is None:
                yield task, Crash(f"internal error: {type(err).__name__}: {err}")
                return
            for part in parts:
                yield from self._one(function, part, split)
            return
        yield task, result


class _Pool(_Executor[T, R]):
    """A pool of ``spawn``-started workers, and a one-worker pool to rerun suspects of a crash in."""

    def __init__(self, state_path: str, workers: int):
        self._state_path = state_path
        self._workers = workers
        self._main: ProcessPoolExecutor | None = None
        self._solo: ProcessPoolExecutor | None = None
        self._budget = MAX_ISOLATED_RUNS

    def _start(self, workers: int) -> ProcessPoolExecutor:
        # Imported here: a run in one process (and its cold start) needs none of multiprocessing.
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        from .processes import QuietSpawnContext

        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=QuietSpawnContext(), initializer=_init_worker, initargs=(self._state_path,)
        )
        try:
            error = pool.submit(_ping).result()
        except BrokenProcessPool as err:
            pool.shutdown(wait=False, cancel_futures=True)
            raise EvaluationError(
                f"worker processes could not start ({err}); a script that checks with jobs > 1 must start "
                "from an `if __name__ == '__main__':` block, as multiprocessing requires"
            ) from None
        if error is not None:
            pool.shutdown(wait=False, cancel_futures=True)
            raise EvaluationError(f"worker processes could not prepare the policies: {error}")
        return pool

    def close(self) -> None:
        for pool in (self._main, self._solo):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self._main = self._solo = None

    def abort(self) -> None:
        """Stop the workers now, mid-task: the run was interrupted and nothing waits for their results."""
        from .processes import stop_workers

        for pool in (self._main, self._solo):
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
        stop_workers()
        self._main = self._solo = None

    def run(
        self, function: Callable[[T], R], tasks: list[T], split: Callable[[T], list[T] | None]
    ) -> Iterator[tuple[T, R | Crash]]:
        from concurrent.futures.process import BrokenProcessPool

        # Each entry is a task still to run, or a result that finished before a crash and awaits its turn.
        queue: list[tuple[T, R | None]] = [(task, None) for task in tasks]
        restarts = 0
        while queue:
            if self._main is None:
                self._main = self._start(self._workers)
            futures: list[tuple[T, R | None, Future[R] | None]] = [
                (task, done, None if done is not None else self._main.submit(function, task)) for task, done in queue
            ]
            queue = []
            broken_at = None
            for position, (task, done, future) in enumerate(futures):
                if future is None:
                    assert done is not None
                    futures[position] = (task, None, None)  # a result handed on is not kept here
                    yield task, done
                    continue
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken_at = position
                    break
                except Exception as err:  # raised inside the task: deterministic, so isolate it like a crash
                    futures[position] = (task, None, None)
                    yield from self._isolate(function, task, split, f"internal error: {type(err).__name__}: {err}")
                    continue
                # The list would otherwise keep every chunk's result (its findings) until the run ends.
                futures[position] = (task, None, None)
                yield task, result
            if broken_at is None:
                return
            # Tasks that finished before the pool broke keep their results; the others are rerun.
            pending: list[tuple[T, R | None]] = []
            for task, done, future in futures[broken_at:]:
                finished = future is not None and future.done() and not future.cancelled()
                ok = finished and future is not None and future.exception() is None
                pending.append((task, future.result() if ok and future is not None else done))
            self._main.shutdown(wait=False, cancel_futures=True)
            self._main = None
            restarts += 1
            # Workers take tasks in order, at most one queued ahead each, so the culprit is among the first
            # unfinished ones: rerun those alone, in order; the rest go back to a fresh pool.
            suspects = self._workers * 2 + 2
            for position, (task, done) in enumerate(pending):
                if done is not None:
                    yield task, done
                elif suspects > 0:
                    suspects -= 1
                    yield from self._isolate(function, task, split, "")
                else:
                    queue = pending[position:]
                    break
            if queue and restarts > MAX_POOL_RESTARTS:
                for task, done in queue:
                    yield task, done if done is not None else Crash("worker processes kept crashing")
                return

    def _isolate(
        self, function: Callable[[T], R], task: T, split: Callable[[T], list[T] | None], error: str
    ) -> Iterator[tuple[T, R | Crash]]:
        """Run ``task`` alone; if it crashes (or raised ``error``), halve it until the culprit is found."""
        from concurrent.futures.process import BrokenProcessPool

        if not error:
            if self._budget <= 0:
                yield task, Crash("its worker process died, and too many crashes were isolated already")
                return
            self._budget -= 1
            if self._solo is None:
                self._solo = self._start(1)
            try:
                yield task, self._solo.submit(function, task).result()
                return
            except BrokenProcessPool:
                self._solo.shutdown(wait=False, cancel_futures=True)
                self._solo = None
                error = "the worker process evaluating it died (a crash in the engine, or out of memory)"
            except Exception as err:
                error = f"internal error: {type(err).__name__}: {err}"
        parts = split(task) if self._budget > 0 else None
        if parts is None:
            yield task, Crash(error)
            return
        for part in parts:
            yield from self._isolate(function, part, split, "")


# --- the pipeline ----------------------------------------------------------------------------------------


Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: ``read`` counts files, ``judge`` documents; called as each chunk ends."""

PROGRESS_STEPS = 50  # chunks a run is cut into at least when someone watches its progress


def run_paths(
    stages: Stages,
    paths: Iterable[str | os.PathLike[str]],
    *,
    stdin_text: str | None,
    jobs: int,
    exclude: Callable[[Path], bool] | None = None,
    select: Selector | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    budgets: Budgets | None = None,
    progress: Progress | None = None,
    notices: Iterable[ReadProblem] = (),
) -> RunOutcome:
    """Check the documents of ``paths`` with ``jobs`` processes (this one when ``jobs`` is 1), within ``budgets``.

    ``select`` narrows what is judged once every document was read (see :data:`Selector`); the documents it
    leaves out are left out of the report, their read and schema problems are not. ``notices``: what a walk
    made before (an incremental check's, whose ``paths`` are the files it chose) skipped, reported first.
    """
    budgets = (budgets or Budgets()).start()
    notices = list(notices)
    units = list_units(paths, exclude, notices)
    if stdin_text is None and any(name == STDIN for name, _ in units):
        stdin_text = read_stdin(limits)
    total = sum(min(size, limits.max_file_size) for _, size in units)
    target = chunk_target(total, jobs)
    if progress is not None:
        target = min(target, max(CHUNK_MIN_BYTES, total // PROGRESS_STEPS + 1))
    # A pool's last chunks are small (the last 1/8 of the input), so that the workers finish together.
    chunks = plan_chunks(units, target, tail=total // 8 if jobs > 1 else 0)
    # Starting workers costs about half a second: not worth it for a small input.
    workers = min(jobs, len(chunks)) if total >= MIN_POOL_BYTES else 1
    with tempfile.TemporaryDirectory(prefix="ethiq-") as workdir:
        run = _PathRun(stages, workdir, stdin_text, workers, budgets, limits, progress, select)
        for notice in notices:  # what the walk skipped, reported before the documents
            run.ledger.add(stages.intake(notice))
        return run.run(chunks)


class _PathRun:
    """One run over files: intake, index, judge, in document order, in a private working directory."""

    def __init__(
        self,
        stages: Stages,
        workdir: str,
        stdin_text: str | None,
        workers: int,
        budgets: Budgets,
        limits: ReadLimits = DEFAULT_LIMITS,
        progress: Progress | None = None,
        select: Selector | None = None,
    ):
        self.progress = progress
        self.stages = stages
        self.budgets = budgets
        self.select = select
        self.nodes: list[Node] = []
        self.workdir = workdir
        self.stdin_text = stdin_text
        self.workers = workers
        self.limits = limits
        self.ledger = Ledger()
        self.kinds: set[str] = set()  # of the documents to judge, for the engine this process prepares
        self.spools: list[str] = []
        self.worker: Worker | None = None if workers > 1 else Worker(stages)

    def next_spool(self) -> tuple[int, str]:
        self.spools.append(os.path.join(self.workdir, f"{len(self.spools):05d}.spool"))
        return len(self.spools) - 1, self.spools[-1]

    def run(self, chunks: list[tuple[str, ...]]) -> RunOutcome:
        executor: _Executor[Any, Any]
        if self.worker is None:
            # The state goes to a file, not through the pipe that starts a worker: a worker dying while
            # starting would leave the parent blocked writing a large argument into that pipe.
            state_path = os.path.join(self.workdir, "stages.pickle")
            with open(state_path, "wb") as file:
                pickle.dump(self.stages.state(), file, protocol=pickle.HIGHEST_PROTOCOL)
            executor = _Pool(state_path, self.workers)
        else:
            executor = _InProcess()
        try:
            plans = self.intake(executor, chunks)
            context = self.stages.run_context(self.ledger.context_documents)
            run_path = self.write_run(context, plans)
            if self.worker is not None:
                self.stages.ready(self.kinds)
            try:
                self.judge(executor, [JudgeTask(run_path, *plan) for plan in self.selected(plans)])
            finally:
                if self.worker is not None:
                    self.worker.close_run(run_path)
        except BaseException:  # Ctrl-C above all: the workers ignore it (see .processes), so stop them here
            executor.abort()
            raise
        finally:
            executor.close()
        return RunOutcome(self.ledger.finish(), context)

    def intake(
        self, executor: _Executor[Any, Any], chunks: list[tuple[str, ...]]
    ) -> list[tuple[int, array[int], array[int], array[int]]]:
        """Pass 1, consumed in document order; returns what to judge, per spool file."""
        tasks = []
        for chunk in chunks:
            number, path = self.next_spool()
            tasks.append(IntakeTask(chunk, number, path, self.stdin_text if STDIN in chunk else None, self.limits))
        function: Callable[[IntakeTask], IntakeResult] = self.worker.intake if self.worker else _intake_task
        plans = []
        files, read = sum(len(task.units) for task in tasks), 0
        for task, result in executor.run(function, tasks, lambda t: t.split(self.next_spool)):
            read += len(task.units)
            if self.progress is not None:
                self.progress("read", read, files)
            if isinstance(result, Crash):
                for unit in task.units:
                    self.ledger.fail_unit(unit, f"{unit} was not read: {result.message}")
                continue
            slots, offsets, lengths = array("q"), array("q"), array("q")
            for intake, location in result:
                slot = self.ledger.add(intake)
                if self.select is not None and slot is not None and intake.kind and intake.id:
                    from ..graph.changes import Node  # only an incremental check selects
                    from ..graph.dependents import dependent_facts

                    facts = dependent_facts(intake.kind, intake.edges, intake.political)
                    self.nodes.append(Node(slot, intake.file, (intake.kind, intake.id), intake.references, facts))
                if slot is not None and location is not None:
                    self.kinds.add(intake.kind or "")
                    slots.append(slot)
                    offsets.append(location[1])
                    lengths.append(location[2])
            if slots:
                plans.append((task.spool, slots, offsets, lengths))
        return plans

    def selected(
        self, plans: list[tuple[int, array[int], array[int], array[int]]]
    ) -> list[tuple[int, array[int], array[int], array[int]]]:
        """The plans narrowed to the slots ``select`` chooses; the others are left out of the report."""
        if self.select is None:
            return plans
        chosen = self.select(self.nodes, [document.source.file for document in self.ledger.context_documents])
        self.nodes = []
        if chosen is None:
            return plans
        narrowed = []
        for spool, slots, offsets, lengths in plans:
            keep = [position for position, slot in enumerate(slots) if slot in chosen]
            for slot in slots:
                if slot not in chosen:
                    self.ledger.leave_out(slot)
            if keep:
                narrowed.append(
                    (
                        spool,
                        array("q", (slots[p] for p in keep)),
                        array("q", (offsets[p] for p in keep)),
                        array("q", (lengths[p] for p in keep)),
                    )
                )
        return narrowed

    def write_run(self, context: PolicyContext, plans: list[tuple[int, array[int], array[int], array[int]]]) -> str:
        """The index of referenced documents and the run's context: written once, loaded once per worker."""
        starts = [plan[1][0] for plan in plans]  # plans hold ascending slots, and follow each other

        def locate(slot: int) -> Location:
            spool, slots, offsets, lengths = plans[bisect_right(starts, slot) - 1]
            position = bisect_left(slots, slot)
            return (spool, offsets[position], lengths[position])

        run = Run(
            locations=self.ledger.index(locate),
            spools=tuple(self.spools),
            stdin_text=self.stdin_text,
            context_data=None if context is self.stages.base_context else context.data,
            context_origins=tuple(context.origins),
            budgets=self.budgets,
            dependents=self.ledger.dependents(),
        )
        path = os.path.join(self.workdir, "run.pickle")
        if self.worker is not None:
            self.worker.open_run(path, run)
        else:
            with open(path, "wb") as file:
                pickle.dump(run, file, protocol=pickle.HIGHEST_PROTOCOL)
        return path

    def judge(self, executor: _Executor[Any, Any], tasks: list[JudgeTask]) -> None:
        """Pass 2, consumed in document order."""
        function: Callable[[JudgeTask], JudgeResult] = self.worker.judge if self.worker else _judge_task
        documents, judged = sum(len(task.slots) for task in tasks), 0
        for task, outcome in executor.run(function, tasks, JudgeTask.split):
            judged += len(task.slots)
            if self.progress is not None:
                self.progress("judge", judged, documents)
            if isinstance(outcome, Crash):
                for slot in task.slots:
                    self.ledger.crashed(slot, outcome.message)
                continue
            for slot, judgement in outcome:
                self.ledger.judged(slot, judgement)


@dataclass(frozen=True, slots=True)
class Intaken:
    """Documents in memory, taken in: the ledger recording them, those to judge (slot, document) in input
    order, the run's index (``input.dependents`` filled as for files) and the run's context."""

    ledger: Ledger
    pending: list[tuple[int, Document]]
    index: RunIndex
    context: PolicyContext


def intake_items(stages: Stages, items: Iterable[Document | ReadProblem]) -> Intaken:
    """Read, validate and index ``items`` as a run over files does: what both judging and inspecting start from."""
    ledger = Ledger()
    pending: list[tuple[int, Document]] = []
    for item in items:
        slot = ledger.add(stages.intake(item))
        if slot is not None:
            assert isinstance(item, Document)
            pending.append((slot, item))
    by_slot = dict(pending)
    index = RunIndex(ledger.index(by_slot.__getitem__).values())
    index.dependents = ledger.dependents()
    return Intaken(ledger, pending, index, stages.run_context(ledger.context_documents))


def run_items(stages: Stages, items: Iterable[Document | ReadProblem], *, budgets: Budgets | None = None) -> RunOutcome:
    """The same stages over documents already in memory, in this process (they are their own spool)."""
    budgets = (budgets or Budgets()).start()
    run = intake_items(stages, items)
    index, context = run.index, run.context
    stages.use_context(context)
    stages.ready({document.kind or "" for _, document in run.pending})
    try:
        judge = BudgetedJudge(
            lambda document: stages.judge(document, index, context), place_of, budgets, fork=stages.fork_safe
        )
        for slot, judgement in judge.run(run.pending):
            run.ledger.judged(slot, judgement)
    finally:
        stages.use_context(stages.base_context)
    return RunOutcome(run.ledger.finish(), context)


def place_of(document: Document) -> Place:
    return Place(document.source.file, document.source.line, document.id)
