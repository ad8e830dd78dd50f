"""Long jobs the user watches and may stop (import, verify, export): progress and Cancel in the status bar.

A :class:`Job` is the thread-safe side of one long job: the core function running on the task runner gets
``job.progress`` (``progress(done, total, name)``), ``job.cancelled`` (polled between files) and
``job.added`` (each committed item) and calls them from its worker thread; they only emit signals, which
reach the GUI thread queued. :class:`JobStatus` is the status-bar widget that shows one job: what it does,
"3/12 report.pdf", a progress bar and a Cancel button.

The work itself goes through the window's :class:`~ashraf_desktop.ui.tasks.TaskRunner` like all other
background work; a job only adds what the user sees and the cancel flag.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QToolButton, QWidget

from .look import icon
from .i18n import fill, translate

__all__ = ["Job", "JobStatus", "start_job"]

#: the most progress signals per second a job sends to the GUI (a folder of small files reports per file)
PROGRESS_RATE_S = 0.05


class Job(QObject):
    """The worker-facing half of a long job: progress, cancel flag, items added. Thread-safe."""

    #: done, total (0 = unknown), the file being worked on
    progressed = Signal(int, int, str)
    #: an item was committed (its id): the window shows it before the job ends
    added = Signal(str)
    #: the user asked to stop
    cancel_requested = Signal()

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._cancel = threading.Event()
        self._last = 0.0
        self.last_progress: tuple[int, int, str] = (0, 0, "")
        self.status: JobStatus | None = None  # its widget in the status bar while it runs
        self.handle: Any = None  # the task runner's handle

    # --- called from the worker thread ---------------------------------------------------------------
    def progress(self, done: int, total: int, name: Any = "") -> None:
        now = time.monotonic()
        self.last_progress = (int(done), int(total), str(name or ""))
        if done and total and done < total and now - self._last < PROGRESS_RATE_S:
            return  # the GUI gets the first, the last and at most 20 a second in between
        self._last = now
        self.progressed.emit(*self.last_progress)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def on_added(self, item_id: str) -> None:
        self.added.emit(str(item_id))

    # --- called from the GUI thread -------------------------------------------------------------------
    def cancel(self) -> None:
        if not self._cancel.is_set():
            self._cancel.set()
            self.cancel_requested.emit()


class JobStatus(QWidget):
    """One job in the status bar: "Importing 3/12: report.pdf", a progress bar, a Cancel button."""

    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.setObjectName("jobStatus")
        self.label = QLabel(f"{job.title}…", self)
        self.label.setObjectName("jobLabel")
        self.label.setMinimumWidth(120)
        self.label.setMaximumWidth(420)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("jobProgress")
        self.bar.setMaximumWidth(180)
        self.bar.setMaximumHeight(14)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("jobCancel")
        self.cancel_button.setText(translate("JobStatus", "Cancel"))
        self.cancel_button.setIcon(icon("x"))
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.setToolTip(fill(translate("JobStatus", "Stop: %1 ends after the current file"),
                                           job.title.lower()))
        self.cancel_button.clicked.connect(job.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        job.progressed.connect(self.show_progress)
        job.cancel_requested.connect(self._cancelling)

    def show_progress(self, done: int, total: int, name: str) -> None:
        counts = f" {done}/{total}" if total else (f" {done}" if done else "")
        text = f"{self.job.title}{counts}"
        if name:
            text += f": {name}"
        metrics = self.label.fontMetrics()
        self.label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, self.label.maximumWidth()))
        self.label.setToolTip(text)
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)

    def _cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(fill(translate("JobStatus", "%1: stopping after the current file…"), self.job.title))


def start_job(window: Any, title: str, work: Callable[[Job], Any], on_done: Callable[[Any], None],
              on_error: Callable[[BaseException], None], *, cancellable: bool = True,
              show: bool = True) -> Job:
    """Run ``work(job)`` on the window's task runner with a :class:`JobStatus` in its status bar (removed
    when the job ends, before ``on_done``/``on_error`` run on the GUI thread)."""
    job = Job(title, window)
    status: JobStatus | None = None
    if show:
        status = JobStatus(job, window)
        status.cancel_button.setVisible(cancellable)
        window.status.add_permanent(status)
        status.show()
    job.status = status

    def finish() -> None:
        if status is not None:
            window.status.remove(status)
            status.deleteLater()
        job.status = None

    def done(result: Any) -> None:
        finish()
        on_done(result)

    def failed(error: BaseException) -> None:
        finish()
        on_error(error)

    job.handle = window.runner.run_task(lambda: work(job), done, failed, label="")
    return job
