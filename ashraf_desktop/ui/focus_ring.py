"""A visible keyboard focus everywhere: a ring drawn around the control that has the focus.

The Fusion style marks the focus of a line edit or a list, but not of a combo box or a tool button, and a
custom-painted view marks it only if it thinks to. A keyboard user must see where the next key goes (WCAG
2.4.7), so the app draws one ring of its own, the same on every control: a frame in the palette's highlight
colour, laid over the control (a transparent child that takes no clicks), following it as it moves or resizes.
As in browsers, it shows when the focus came from the keyboard (Tab, a shortcut, F6), not with a click.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["FocusRing", "install_focus_ring"]

class _Ring(QWidget):
    """The frame itself: a child of the focused control, as large as it, drawing only its border."""

    def __init__(self) -> None:
        super().__init__(None)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        pen = QPen(self.palette().highlight().color(), 2)
        painter.setPen(pen)
        painter.drawRect(QRect(1, 1, self.width() - 2, self.height() - 2))
        painter.end()


class FocusRing(QObject):
    """Follows the application's focus (``QApplication.focusChanged``) and puts the ring on the control that
    has it, unless the focus came with a mouse button down (a click shows where it went already)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.ring = _Ring()
        self.target: QWidget | None = None
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.isWindow() or QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._detach()
        else:
            self._attach(new)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.target:
            if event.type() == QEvent.Type.Resize:
                self._ring().setGeometry(self.target.rect())
            elif event.type() == QEvent.Type.Hide:
                self._detach()
        return False

    def _ring(self) -> _Ring:
        """The ring, made again if the control it was on was deleted (taking its children with it)."""
        if not shiboken6.isValid(self.ring):
            self.ring = _Ring()
        return self.ring

    def _attach(self, widget: QWidget) -> None:
        self._detach()
        self.target = widget
        ring = self._ring()
        ring.setParent(widget)
        ring.setGeometry(widget.rect())
        ring.raise_()
        ring.show()
        widget.installEventFilter(self)

    def _detach(self) -> None:
        target, self.target = self.target, None
        if target is not None and shiboken6.isValid(target):
            target.removeEventFilter(self)
        ring = self._ring()
        ring.hide()
        ring.setParent(None)


_installed: FocusRing | None = None


def install_focus_ring(app: QApplication) -> FocusRing:
    """The one focus ring of ``app`` (made once; later calls return it)."""
    global _installed
    if _installed is None:
        _installed = FocusRing(app)
    return _installed
