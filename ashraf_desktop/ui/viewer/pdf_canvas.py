"""QtPdf's page view with what it lacks: boxes drawn over the pages (hits on machine-read pages, the mouse
selection) and text selection with the mouse.

QPdfView (Qt 6.12) draws its own search hits but offers neither selection nor a way to draw on a page, and
does not say where it put the pages. :func:`page_geometries` lays the pages out as QPdfView does (pages one
under the other, centred, ``documentMargins`` around, ``pageSpacing`` between, sized from each page's size
in points, the screen's logical DPI and the zoom mode); a test compares it with QPdfView's own hit boxes.
Selection asks the page (:attr:`PdfCanvas.selector`) which text lies between two points — QPdfDocument's
character boxes for a born-digital page, the OCR word boxes for a scanned one — and draws what it answers.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtPdfWidgets import QPdfView

__all__ = ["PdfCanvas", "page_geometries", "Selection", "HIT", "CURRENT_HIT", "SELECTION"]

HIT = QColor(255, 213, 0, 110)
CURRENT_HIT = QColor(255, 140, 0, 140)
SELECTION = QColor(51, 133, 255, 90)

#: (page, start, end, boxes in the page's points) - start/end are offsets into the item's extracted text
Selection = tuple[int, int, int, list[QRectF]]
#: page, from and to (page points) -> the selection, or None when there is no text between them
Selector = Callable[[int, QPointF, QPointF], "Selection | None"]


def page_geometries(view: QPdfView) -> dict[int, QRect]:
    """Where QPdfView (multi-page mode) puts each page, in document coordinates (before scrolling)."""
    document = view.document()
    if document is None or document.pageCount() == 0:
        return {}
    margins, spacing = view.documentMargins(), view.pageSpacing()
    viewport = view.viewport().size()
    screen = QGuiApplication.primaryScreen()
    resolution = (screen.logicalDotsPerInch() if screen is not None else 96.0) / 72.0
    mode = view.zoomMode()
    sizes: list[QSize] = []
    for page in range(document.pageCount()):
        points = document.pagePointSize(page)
        if mode == QPdfView.ZoomMode.Custom:
            size = (points * resolution * view.zoomFactor()).toSize()
        elif mode == QPdfView.ZoomMode.FitToWidth:
            size = (points * resolution).toSize()
            factor = (viewport.width() - margins.left() - margins.right()) / max(1, size.width())
            size = (size.toSizeF() * factor).toSize()
        else:  # FitInView
            room = QSize(viewport.width() - margins.left() - margins.right(), viewport.height() - spacing)
            size = (points * resolution).toSize().scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
        sizes.append(size)
    total_width = max(s.width() for s in sizes) + margins.left() + margins.right()
    out: dict[int, QRect] = {}
    y = margins.top()
    for page, size in enumerate(sizes):
        x = (max(total_width, viewport.width()) - size.width()) // 2
        out[page] = QRect(x, y, size.width(), size.height())
        y += size.height() + spacing
    return out


class PdfCanvas(QPdfView):
    """QPdfView + overlay boxes + mouse selection (see the module docstring)."""

    #: the selection changed (its text offsets, or (-1, -1) when cleared)
    selection_changed = Signal(int, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.overlays: dict[str, dict[int, list[tuple[QRectF, QColor]]]] = {}  # name -> page -> boxes, colour
        self.selector: Selector | None = None
        self.selection: Selection | None = None
        self._anchor: tuple[int, QPointF] | None = None
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)

    # --- coordinates ---------------------------------------------------------------------------------
    def _scroll(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def page_at(self, pos: QPointF) -> tuple[int, QPointF] | None:
        """(page, point in the page's points) under a viewport position, or None between pages."""
        document = self.document()
        doc = pos + self._scroll()
        for page, rect in page_geometries(self).items():
            if rect.top() - 1 <= doc.y() <= rect.bottom() + 1:
                points = document.pagePointSize(page)
                scale = rect.width() / max(1.0, points.width())
                return page, QPointF((doc.x() - rect.left()) / scale, (doc.y() - rect.top()) / scale)
        return None

    def to_viewport(self, page: int, box: QRectF) -> QRectF | None:
        rect = page_geometries(self).get(page)
        if rect is None:
            return None
        scale = rect.width() / max(1.0, self.document().pagePointSize(page).width())
        top_left = QPointF(rect.left() + box.left() * scale, rect.top() + box.top() * scale) - self._scroll()
        return QRectF(top_left, box.size() * scale)

    def page_top(self, page: int) -> float:
        rect = page_geometries(self).get(page)
        return float(rect.top()) if rect is not None else 0.0

    # --- drawing -------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        boxes = [(page, box, colour) for layer in self.overlays.values() for page, items in layer.items()
                 for box, colour in items]
        if self.selection is not None:
            boxes += [(self.selection[0], box, SELECTION) for box in self.selection[3]]
        if not boxes:
            return
        painter = QPainter(self.viewport())
        painter.setPen(Qt.PenStyle.NoPen)
        for page, box, colour in boxes:
            rect = self.to_viewport(page, box)
            if rect is not None and rect.intersects(QRectF(self.viewport().rect())):
                painter.fillRect(rect, colour)
        painter.end()

    @property
    def overlay(self) -> dict[int, list[tuple[QRectF, QColor]]]:
        """The hits' boxes (page -> boxes in points, colour)."""
        return self.overlays.get("hits", {})

    def set_overlay(self, overlay: dict[int, list[tuple[QRectF, QColor]]], name: str = "hits") -> None:
        """Boxes to draw over the pages: ``"annotations"`` under ``"hits"``, both under the selection."""
        self.overlays[name] = overlay
        self.overlays = {k: self.overlays[k] for k in sorted(self.overlays, key=lambda k: k != "annotations")}
        self.viewport().update()

    # --- selection -----------------------------------------------------------------------------------
    def clear_selection(self) -> None:
        if self.selection is not None:
            self.selection = None
            self.viewport().update()
            self.selection_changed.emit(-1, -1)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.selector is not None:
            self._anchor = self.page_at(event.position())
            self.clear_selection()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._anchor is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._select_to(event.position())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._anchor is not None and event.button() == Qt.MouseButton.LeftButton:
            self._select_to(event.position())
            self._anchor = None
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - a word
        where = self.page_at(event.position())
        if where is not None and self.selector is not None:
            page, point = where
            self._apply(self.selector(page, point, point))
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def select_between(self, page: int, start: QPointF, end: QPointF) -> Selection | None:
        """Select the text of ``page`` between two points (page points), as a drag would."""
        if self.selector is None:
            return None
        self._apply(self.selector(page, start, end))
        return self.selection

    def _select_to(self, pos: QPointF) -> None:
        if self._anchor is None or self.selector is None:
            return
        page, start = self._anchor
        where = self.page_at(pos)
        if where is None:
            return
        end_page, end = where
        if end_page != page:  # a selection stays on the page it started on
            points = self.document().pagePointSize(page)
            end = QPointF(points.width(), points.height()) if end_page > page else QPointF(0, 0)
        self._apply(self.selector(page, start, end))

    def _apply(self, selection: Selection | None) -> None:
        self.selection = selection
        self.viewport().update()
        if selection is None:
            self.selection_changed.emit(-1, -1)
        else:
            self.selection_changed.emit(selection[1], selection[2])
