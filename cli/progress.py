"""Progress of a long check on standard error: rich's progress bar, only on a terminal, only after a second.

The engine calls :meth:`ProgressDisplay.update` as chunks of files are read and judged; the bar appears
once the run has taken :data:`DELAY` seconds, so a short run prints nothing, and it is transient: when the
run ends the bar is erased and the report follows. Never shown when standard error is not a terminal, nor
with a machine format on standard output (a reader of JSON, SARIF, JUnit or GitHub commands wants the
result only).
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

DELAY = 1.0  # seconds before a run earns a progress bar
HUMAN_FORMATS = frozenset({"table"})

LABELS = {
    "en": {"read": "Reading files", "judge": "Judging documents"},
    "sv": {"read": "Läser filer", "judge": "Bedömer dokument"},
}


def wants_progress(fmt: str, stream: TextIO) -> bool:
    """Whether a run rendered as ``fmt`` may show progress on ``stream``."""
    try:
        return fmt in HUMAN_FORMATS and stream.isatty()
    except (AttributeError, ValueError):
        return False


class ProgressDisplay:
    """A context manager whose :meth:`update` is the engine's ``progress`` hook."""

    def __init__(self, lang: str = "en", stream: TextIO | None = None, delay: float = DELAY):
        self.labels = LABELS.get(lang, LABELS["en"])
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> ProgressDisplay:
        self.started = time.monotonic()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.bar is not None:
            self.bar.stop()

    def update(self, stage: str, done: int, total: int) -> None:
        if self.bar is None:
            if time.monotonic() - self.started < self.delay:
                return
            self.bar = self._start()
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(self.labels.get(stage, stage), total=total)
        self.bar.update(self.tasks[stage], completed=done, total=total)

    def _start(self) -> Progress:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(file=self.stream),
            transient=True,
        )
        bar.start()
        return bar
