"""The status bar: what the archive holds, messages to the user, the current page's matches, work in progress.

This is the one path for messages to the user that need no answer (:meth:`StatusArea.say`, which
``MainWindow.show_message`` calls): panels and controllers emit or call it, none writes to the status bar
itself. Messages queue instead of replacing or overprinting each other: each stays at least
:data:`MIN_SHOW_MS` before the next one takes its place, and the recent ones can be read again from the
label's context menu. Every label elides, so no message, title or file name can widen the window.
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMenu, QProgressBar, QSizePolicy, QStatusBar, QWidget

from ..fit import ElidedLabel
from ..i18n import fill, translate

__all__ = ["StatusArea", "MIN_SHOW_MS", "DEFAULT_MS", "QUEUE_LIMIT"]

#: the least time a message stays before a queued one replaces it (long enough to be read)
MIN_SHOW_MS = 2500
#: how long a message stays when nothing else is waiting
DEFAULT_MS = 8000
#: messages waiting beyond this many are dropped, oldest first (a burst must not keep the bar busy for minutes)
QUEUE_LIMIT = 4
#: how many past messages the label's context menu offers again
RECENT_LIMIT = 20


class StatusArea(QObject):
    """The window's status bar, its labels and the message queue."""

    #: a message is now on screen (tests and the screenshot tool wait for it)
    message_shown = Signal(str)

    def __init__(self, bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        bar.setSizeGripEnabled(True)
        self.archive_label = ElidedLabel("", bar)
        self.archive_label.setObjectName("archiveLabel")
        self.message_label = ElidedLabel("", bar)
        self.message_label.setObjectName("statusMessage")
        self.message_label.hide()
        for label in (self.archive_label, self.message_label):
            label.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            label.customContextMenuRequested.connect(self._recent_menu)
        self.hits_label = QLabel(bar)
        self.hits_label.setObjectName("hitsLabel")
        self.busy_label = ElidedLabel("", bar)
        self.busy_label.setObjectName("busyLabel")
        self.busy_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.busy_label.setMaximumWidth(280)  # its whole text up to this, elided beyond
        self.busy_bar = QProgressBar(bar)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        bar.addWidget(self.archive_label, 1)
        bar.addWidget(self.message_label, 1)
        bar.addPermanentWidget(self.hits_label)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.busy_bar)
        self._queue: deque[tuple[str, int]] = deque()
        self._current = ""
        self._shown_at = 0.0
        self._current_ms = DEFAULT_MS
        self.recent: deque[str] = deque(maxlen=RECENT_LIMIT)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)

    # --- messages ------------------------------------------------------------------------------------
    def say(self, text: str, timeout_ms: int = DEFAULT_MS) -> None:
        """Tell the user something in passing. Shown now when nothing else is, else after what is shown
        has been readable for :data:`MIN_SHOW_MS`; a message already shown or waiting is not repeated."""
        text = " ".join(str(text).split())
        if not text or text == self._current or any(text == t for t, _ in self._queue):
            return
        self._queue.append((text, max(1000, int(timeout_ms))))
        while len(self._queue) > QUEUE_LIMIT:
            self._queue.popleft()
        if not self._current:
            self._next()
            return
        shown_for = (time.monotonic() - self._shown_at) * 1000
        self._timer.start(max(0, int(MIN_SHOW_MS - shown_for)))  # the current one gives way soon

    @property
    def message(self) -> str:
        """The message on screen now ("" when the archive summary shows)."""
        return self._current

    @property
    def waiting(self) -> tuple[str, ...]:
        return tuple(t for t, _ in self._queue)

    def said(self, fragment: str) -> bool:
        """``fragment`` is in a message on screen, waiting, or shown lately (what tests ask)."""
        return any(fragment in text for text in (self._current, *self.waiting, *self.recent))

    def clear_messages(self) -> None:
        self._queue.clear()
        self._timer.stop()
        self._show("")

    def _next(self) -> None:
        if self._queue:
            text, ms = self._queue.popleft()
            self._show(text)
            # with more waiting, this one stays only as long as it must
            self._timer.start(MIN_SHOW_MS if self._queue else ms)
        else:
            self._show("")

    def _show(self, text: str) -> None:
        self._current = text
        self._shown_at = time.monotonic()
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        self.archive_label.setVisible(not text)
        if text:
            self.recent.append(text)
            self.message_shown.emit(text)

    def _recent_menu(self, pos: QPoint) -> None:
        source = self.sender()
        if not isinstance(source, QWidget) or not self.recent:
            return
        menu = QMenu(source)
        menu.setObjectName("recentMessages")
        for text in reversed(self.recent):
            shown = text if len(text) <= 90 else text[:89] + "…"
            menu.addAction(shown, lambda t=text: QGuiApplication.clipboard().setText(t)).setToolTip(text)
        menu.setToolTipsVisible(True)
        menu.addSeparator()
        menu.addAction(translate("StatusArea", "Clear"), self.clear_messages)
        menu.exec(source.mapToGlobal(pos))
        menu.deleteLater()

    # --- the other labels ----------------------------------------------------------------------------
    def set_archive_summary(self, text: str) -> None:
        self.archive_label.setText(text)

    def set_hits(self, label: str) -> None:
        """The current page's matches: "Match 3 of 17", or a page's own words, or nothing."""
        self.hits_label.setText(fill(translate("StatusArea", "Match %1"),
                                     label) if label and label[0].isdigit() else label)

    def set_busy(self, label: str, done: int = 0, total: int = 0) -> None:
        """Work in progress with no Cancel (the index, a reload): a label and a bar ("" hides both)."""
        if not label:
            self.busy_label.setText("")
            self.busy_label.setMinimumWidth(0)
            self.busy_bar.hide()
            return
        self.busy_label.setText(f"{label} {done}/{total}" if total else label)
        # the status bar squeezes its right-hand widgets to their minimum: ask for the words' width (up to 280)
        self.busy_label.setMinimumWidth(min(self.busy_label.sizeHint().width(), self.busy_label.maximumWidth()))
        self.busy_bar.setRange(0, total or 0)
        if total:
            self.busy_bar.setValue(min(done, total))
        self.busy_bar.show()

    def task_busy(self, running: int, label: str) -> None:
        """The task runner's work (a search, a reload): its label while a labelled task runs."""
        if running and label:
            self.set_busy(label + "…")
        elif not running:
            self.set_busy("")

    def set_unavailable(self, label: str) -> None:
        """Something stopped for good (the search index failed): the label stays, the bar goes."""
        self.busy_bar.hide()
        self.busy_label.setText(label)
        self.busy_label.setMinimumWidth(min(self.busy_label.sizeHint().width(), self.busy_label.maximumWidth()))

    def add_permanent(self, widget: QWidget) -> None:
        """A job's progress and Cancel, or a badge: right of the messages, left of the matches."""
        self.bar.insertPermanentWidget(2, widget)  # after the two message labels, the first permanent place

    def remove(self, widget: QWidget) -> None:
        self.bar.removeWidget(widget)
