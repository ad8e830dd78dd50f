"""The zoomable time axis: a QWidget that hands painting to :class:`TimelineRenderer` and turns input
(wheel, pinch, drag, shift-drag, keys, hover) into view changes and signals."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QNativeGestureEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGestureEvent, QSizePolicy, QToolTip, QWidget

from .renderer import Hit, TimelineRenderer
from ..i18n import translate

__all__ = ["TimelineView"]

_DRAG_THRESHOLD = 4.0
_WHEEL_STEP = 1.25  # zoom factor per wheel notch


class TimelineView(QWidget):
    """Signals carry ids and ordinal days; the panel decides what they mean."""

    event_clicked = Signal(str)
    item_clicked = Signal(str)
    range_brushed = Signal(int, int)  # inclusive ordinal days
    view_changed = Signal()
    open_requested = Signal()  # Enter, or a double-click on the selection: open it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = TimelineRenderer(self.font())
        self.range_tool = False  # when on, a plain drag selects a range (as shift-drag always does)
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._mode = ""  # "", "pan" or "brush"
        self._fitted = False
        self._pinch_last = 1.0
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 150)  # the axis, one event lane, the badges, one lane of items
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.setAccessibleName(translate("TimelineView", "Timeline"))
        self.setAccessibleDescription(translate("TimelineView",
                                                "Events of the archive on a time axis. Left and right arrows move "
                                                "between "
                                      "events; Home and End go to the first and last; plus and minus zoom."))

    # ------------------------------------------------------------------ view operations
    def fit_all(self) -> None:
        self.renderer.fit_all()
        self._changed()

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        self.renderer.zoom_by(factor, anchor_x)
        self._changed()

    def pan_by(self, dx: float) -> None:
        self.renderer.pan_by(dx)
        self._changed()

    def _changed(self) -> None:
        self.update()
        self.view_changed.emit()

    # ------------------------------------------------------------------ Qt events
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        old_width = self.renderer.width
        at_fit = self.renderer.at_fit
        self.renderer.resize(self.width(), self.height())
        if not self._fitted or at_fit:
            self.renderer.fit_all()
            self._fitted = True
        elif old_width > 0:  # keep the same dates in view
            center = self.renderer.scale.day(old_width / 2)
            self.renderer.scale = self.renderer.scale.centered_on(center, self.renderer.width)
        if self.renderer.selected_id is not None:  # e.g. selected while the panel was hidden: now in view
            self.renderer.ensure_visible(self.renderer.selected_id)
        super().resizeEvent(event)
        self.view_changed.emit()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            self.renderer.paint(painter)
            if self.hasFocus():
                painter.setPen(self.palette().highlight().color())
                painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        finally:
            painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self._press = self._last = event.position()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._mode = "brush" if (shift or self.range_tool) else ""
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if self._mode == "brush":
                self.renderer.drag_brush = (self._press.x(), pos.x())
                self.update()
            else:
                if not self._mode and abs(pos.x() - self._press.x()) + abs(pos.y() - self._press.y()) >= _DRAG_THRESHOLD:
                    self._mode = "pan"
                    self.setCursor(Qt.CursorShape.ClosedHandCursor)
                if self._mode == "pan" and self._last is not None:
                    self.pan_by(pos.x() - self._last.x())
            self._last = pos
            return
        hit = self.renderer.hit_test(pos)
        hover = hit.id if hit is not None and hit.kind != "cluster" else None
        if hover != self.renderer.hover_id:
            self.renderer.hover_id = hover
            self.update()
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        if hit is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.renderer.tooltip(hit), self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return super().mouseReleaseEvent(event)
        press, mode = self._press, self._mode
        self._press = self._last = None
        self._mode = ""
        self.unsetCursor()
        pos = event.position()
        if mode == "brush":
            self.renderer.drag_brush = None
            a, b = sorted((press.x(), pos.x()))
            if b - a >= _DRAG_THRESHOLD:
                self.select_range(math.floor(self.renderer.scale.day(a)), math.floor(self.renderer.scale.day(b)))
                return
            self.update()
        if mode == "pan":
            return
        self.activate(self.renderer.hit_test(pos))

    def activate(self, hit: Hit | None) -> None:
        """What a click does: select an event or item, or zoom into a cluster."""
        if hit is None:
            return
        if hit.kind == "cluster" and hit.cluster is not None:
            self.renderer.zoom_into(hit.cluster)
            self._changed()
        elif hit.kind == "event":
            self.event_clicked.emit(hit.id)
        elif hit.kind == "item":
            self.item_clicked.emit(hit.id)

    def select_range(self, lower: int, upper: int) -> None:
        self.renderer.brush = (lower, upper)
        self.update()
        self.range_brushed.emit(lower, upper)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.renderer.hit_test(event.position())
        if hit is not None and hit.kind in ("event", "item") and hit.id == self.renderer.selected_id:
            self.open_requested.emit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        delta = event.angleDelta()
        dx, dy = delta.x(), delta.y()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and not dx:
            dx, dy = dy, 0
        if abs(dx) > abs(dy):
            pixel = event.pixelDelta().x()
            self.pan_by(pixel if pixel else dx / 120 * 60)
        elif dy:
            self.zoom_by(_WHEEL_STEP ** (dy / 120), event.position().x())
        event.accept()

    def event(self, event: QEvent) -> bool:  # noqa: D102
        if event.type() == QEvent.Type.Gesture:
            gesture = event.gesture(Qt.GestureType.PinchGesture) if isinstance(event, QGestureEvent) else None
            if gesture is not None:
                factor = gesture.scaleFactor()
                if factor > 0:
                    self.zoom_by(factor, self.mapFromGlobal(gesture.centerPoint().toPoint()).x())
                event.accept()
                return True
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + event.value(), event.position().x())
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.5)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / 1.5)
        elif key == Qt.Key.Key_0:
            self.fit_all()
        elif key == Qt.Key.Key_PageUp:
            self.pan_by(self.width() * 0.8)
        elif key == Qt.Key.Key_PageDown:
            self.pan_by(-self.width() * 0.8)
        elif key == Qt.Key.Key_Escape and self.renderer.drag_brush is not None:
            self.renderer.drag_brush = None
            self._press = None
            self._mode = ""
            self.update()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
                     Qt.Key.Key_End):
            self.step_selection(key)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.renderer.selected_id is not None:
            self.open_requested.emit()
        else:
            super().keyPressEvent(event)

    def step_selection(self, key: int) -> None:
        ids = self.renderer.model.shown_ids
        if not ids:
            return
        current = self.renderer.selected_id
        index = ids.index(current) if current in ids else -1
        if key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_End:
            target = len(ids) - 1
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            target = max(index - 1, 0) if index >= 0 else len(ids) - 1
        else:
            target = min(index + 1, len(ids) - 1)
        self.event_clicked.emit(ids[target])
