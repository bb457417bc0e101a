"""Worker processes that leave Ctrl-C to the parent: started with ``spawn``, ignoring SIGINT from the start.

A Ctrl-C in a terminal sends SIGINT to the whole foreground process group, workers included. A worker
that raised ``KeyboardInterrupt`` in the middle of a task (or of its start-up imports) would print its own
traceback, one per worker. So a worker is started with SIGINT ignored: an ignored signal stays ignored across
``exec``, and Python installs its ``KeyboardInterrupt`` handler only when SIGINT was not ignored. The
parent alone is interrupted; it stops the workers it started (:func:`stop_workers`) and ends the run with
one line and exit code 130.

Kept apart from :mod:`.parallel` so that a run in one process imports none of multiprocessing.
"""

from __future__ import annotations

import signal
import threading
import weakref
from multiprocessing import context

_STARTED: weakref.WeakSet[QuietSpawnProcess] = weakref.WeakSet()


class QuietSpawnProcess(context.SpawnProcess):
    """A ``spawn`` process whose interpreter ignores SIGINT."""

    def start(self) -> None:
        if threading.current_thread() is not threading.main_thread():  # signal handlers belong to the main thread
            super().start()
        else:
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:
                super().start()
            finally:
                signal.signal(signal.SIGINT, previous)
        _STARTED.add(self)


class QuietSpawnContext(context.SpawnContext):
    Process = QuietSpawnProcess


def stop_workers() -> None:
    """Terminate every worker this process started that is still running (an interrupted run)."""
    for process in list(_STARTED):
        if process.is_alive():
            process.terminate()
    for process in list(_STARTED):
        process.join(timeout=5)
