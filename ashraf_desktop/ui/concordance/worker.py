"""A concordance computed on a pool thread, handed to the GUI a step at a time, stoppable at once.

The task runner's "newest request wins" drops a superseded result but lets the old work run to its end;
a concordance of a common word reads the whole archive, so each run here also has a stop flag the worker
checks between steps: typing a new query stops the old run within one step (~50 ms of work).
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from ...core.concordance import Concordance, steps
from ..tasks import TaskRunner

__all__ = ["ConcordanceRun", "OpenHits"]

#: ``open_hits(query, filters) -> iterable of DocumentHits`` with ``len()``: the index's ``occurrences``
OpenHits = Callable[[str, Any], Any]


class ConcordanceRun(QObject):
    """One run for one query. Signals arrive on the GUI thread (queued from the worker)."""

    stepped = Signal(object)  # core.concordance.Step
    failed = Signal(str)

    def __init__(self, query: str, filters: Any, open_hits: OpenHits, fold: Callable[[str], str],
                 max_lines: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query, self.filters = query, filters
        self.concordance = Concordance(query, max_lines=max_lines)
        self._open_hits, self._fold = open_hits, fold
        self._stop = threading.Event()
        self.finished = False

    def stop(self) -> None:
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def start(self, runner: TaskRunner) -> None:
        runner.run_task(self._work, lambda _r: None, self._error, label=self.tr("Concordance"))

    def _work(self) -> None:  # a pool thread: no widgets, only signals
        hits = self._open_hits(self.query, self.filters)
        total = len(hits) if hasattr(hits, "__len__") else None
        run = steps(hits, self.concordance, self._fold, total=total)
        try:
            for step in run:
                if self._stop.is_set():
                    return
                self.stepped.emit(step)
        finally:
            run.close()
            close = getattr(hits, "close", None)
            if close is not None:
                close()

    def _error(self, error: BaseException) -> None:
        if not self._stop.is_set():
            self.failed.emit(str(error) or type(error).__name__)
