"""The project's one way to run work off the GUI thread (after Picard's ``run_task`` and Anki's ``QueryOp``).

``run_task(fn, on_done, on_error, key=...)`` runs ``fn()`` on a QThreadPool and calls ``on_done(result)``
or ``on_error(exc)`` back on the GUI thread through a queued signal. ``fn`` must never touch widgets: it
gets plain data in and hands plain data back.

A ``key`` names a stream of work where only the newest request matters (search-as-you-type, the document
being opened in a tab): a newer task with the same key supersedes an older one, whose result is dropped
when it arrives. The older task still runs to its end - Python threads cannot be killed - but nothing sees
its result.
"""

from __future__ import annotations

import logging
import threading
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

__all__ = ["TaskRunner", "run_task", "task_runner", "TaskHandle"]

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


@dataclass
class TaskHandle:
    """What a caller can ask about a task it started: whether it was superseded or cancelled."""

    key: Hashable | None
    generation: int
    label: str = ""
    cancelled: bool = False
    thread_name: str = field(default="", repr=False)  # the worker thread that ran fn (tests assert on it)


class _Relay(QObject):
    """Lives in the GUI thread; workers emit on it, so slots run on the GUI thread (queued connection)."""

    finished = Signal(object, object, object)  # handle, result, error


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], handle: TaskHandle, relay: _Relay) -> None:
        super().__init__()
        self.fn, self.handle, self.relay = fn, handle, relay
        self.setAutoDelete(True)

    def run(self) -> None:  # runs on a pool thread
        self.handle.thread_name = threading.current_thread().name
        result: Any = None
        error: BaseException | None = None
        if not self.handle.cancelled:
            try:
                result = self.fn()
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the caller
                error = exc
                log.debug("task %s failed:\n%s", self.handle.label, traceback.format_exc())
        try:
            self.relay.finished.emit(self.handle, result, error)
        except RuntimeError:  # the relay was deleted at shutdown: nobody is waiting any more
            pass


class TaskRunner(QObject):
    """A thread pool plus bookkeeping: which key's newest generation is current, how many tasks run."""

    #: number of tasks running (0 = idle) and the label of the newest one, for the status bar
    busy_changed = Signal(int, str)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._callbacks: dict[int, tuple[Done, Failed | None]] = {}
        self._latest: dict[Hashable, int] = {}
        self._generation = 0
        self._running = 0

    @property
    def running(self) -> int:
        return self._running

    def run_task(self, fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None, *,
                 key: Hashable | None = None, label: str = "") -> TaskHandle:
        """Run ``fn`` on the pool; ``on_done``/``on_error`` are called on the GUI thread unless superseded."""
        self._generation += 1
        handle = TaskHandle(key=key, generation=self._generation, label=label)
        if key is not None:
            self._latest[key] = handle.generation
        self._callbacks[handle.generation] = (on_done, on_error)
        self._running += 1
        self.busy_changed.emit(self._running, label)
        self.pool.start(_Job(fn, handle, self._relay))
        return handle

    def cancel(self, key: Hashable) -> None:
        """Drop whatever result is pending for ``key`` (e.g. the tab that asked was closed)."""
        self._latest[key] = -1

    def is_current(self, handle: TaskHandle) -> bool:
        return handle.key is None or self._latest.get(handle.key) == handle.generation

    @Slot(object, object, object)
    def _finished(self, handle: TaskHandle, result: Any, error: BaseException | None) -> None:
        self._running = max(0, self._running - 1)
        self.busy_changed.emit(self._running, "")
        on_done, on_error = self._callbacks.pop(handle.generation, (None, None))
        if not self.is_current(handle) or handle.cancelled or on_done is None:
            return  # superseded: a newer request of the same key owns the result now
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                log.error("background task %s failed", handle.label or "", exc_info=error)
            return
        on_done(result)

    def wait_for_done(self, msecs: int = 10_000) -> bool:
        """Block until the pool is idle and queued results are delivered (tests, smoke runs, shutdown)."""
        ok = self.pool.waitForDone(msecs)
        QCoreApplication.processEvents()
        return ok


_default: TaskRunner | None = None


def task_runner() -> TaskRunner:
    """The application's runner, created on first use and owned by the QApplication."""
    global _default
    app = QCoreApplication.instance()
    if _default is None or _default.parent() is not app:
        _default = TaskRunner(app)
    return _default


def run_task(fn: Callable[[], Any], on_done: Done, on_error: Failed | None = None, *,
             key: Hashable | None = None, label: str = "") -> TaskHandle:
    """Module-level shortcut to :meth:`TaskRunner.run_task` on the application's runner."""
    return task_runner().run_task(fn, on_done, on_error, key=key, label=label)
