"""Widgets that never make their panel, and so the window, larger than a laptop screen.

A QLabel asks for the width of its whole text; in a dock or the status bar one long word (a 5,000-letter
query, a file name without spaces) then becomes the window's minimum width, and a wrapped paragraph asks for
the height it needs at its narrowest. Three remedies, used across the panels:

* :class:`ElidedLabel` asks for little, draws what fits with "…" and keeps the whole text in its tooltip and
  in :meth:`ElidedLabel.text`;
* :func:`scrolling` puts a tall part (an empty state, a form) in a frameless scroll area, so that it scrolls
  in a low panel instead of holding the panel up;
* :func:`shorten` cuts text the user typed to a length a message can show (clamped at the edge);
* :func:`fit_to_screen` sizes a window or dialog to what it wants, never beyond the screen's free area.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget

__all__ = ["ElidedLabel", "MIN_TEXT_WIDTH", "scrolling", "shorten", "fit_to_screen"]

#: the least width an elided label asks for (a few letters and the ellipsis)
MIN_TEXT_WIDTH = 48


class ElidedLabel(QLabel):
    """One line of plain text, elided at ``mode`` when it does not fit; the full text is the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def text(self) -> str:  # type: ignore[override]
        """The whole text, not what fits on screen."""
        return self._full

    def setText(self, text: str) -> None:  # type: ignore[override]  # noqa: N802
        self._full = " ".join(str(text).split())  # one line: newlines and tabs would break the row
        self.setToolTip(self._full if self._full else "")
        self._elide()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), MIN_TEXT_WIDTH), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        return QSize(metrics.horizontalAdvance(self._full) + margins.left() + margins.right() + 2 * self.margin(),
                     super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width() - 2 * self.margin())
        shown = self.fontMetrics().elidedText(self._full, self._mode, width) if width else self._full
        super().setText(shown)


def scrolling(content: QWidget, parent: QWidget | None = None, *, horizontal: bool = False) -> QScrollArea:
    """``content`` in a frameless scroll area that asks for little room: it fills the space it is given and
    scrolls (vertically; horizontally too if ``horizontal``) when that is less than ``content`` needs."""
    area = QScrollArea(parent)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if horizontal
                                      else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumSize(MIN_TEXT_WIDTH, 40)
    area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return area


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line, at most ``limit`` characters (the middle replaced by "…")."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    keep = limit - 1
    return text[:keep - keep // 3] + "…" + text[len(text) - keep // 3:]


def fit_to_screen(window: QWidget, wanted: tuple[int, int] | None = None) -> None:
    """Size ``window`` to ``wanted`` (or its present size), never beyond the screen's free area less the
    window manager's frame, and keep it on that screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    free: QRect = screen.availableGeometry()
    frame_w = max(0, window.frameGeometry().width() - window.geometry().width()) or 8
    frame_h = max(0, window.frameGeometry().height() - window.geometry().height()) or 40
    want_w, want_h = wanted or (window.width(), window.height())
    w = max(1, min(want_w, free.width() - frame_w))
    h = max(1, min(want_h, free.height() - frame_h))
    if (w, h) != (window.width(), window.height()):
        window.resize(w, h)
    if window.isWindow() and not free.contains(window.frameGeometry().topLeft()):
        window.move(free.topLeft())
