"""The lightbox: one photo large, zoom and pan, previous/next, full screen, slideshow, and its metadata.

Opening is never blocking: the thumbnail the grid already has is shown at once (scaled up), the image at
screen resolution is decoded off the GUI thread (JPEG draft mode) and replaces it, and the full-resolution
image follows when the photo is small enough to decode quickly or when the user zooms past what the screen
image holds. Animated GIF/WebP frames play; a multi-page TIFF gets a page chooser.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (QAction, QColor, QGuiApplication, QKeySequence, QMouseEvent, QNativeGestureEvent,
                           QPainter, QPixmap, QWheelEvent)
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QSplitter, QTextBrowser,
                               QToolBar, QVBoxLayout, QWidget)

from ...core.archive import DateError, Item, describe_date
from ...core.images import (ExifSummary, ImageInfo, ImageProblem, Rotations, exif_summary, load_display,
                             load_frames, release_decode_memory, turn_fraction_rect)
from ..tasks import run_task
from .loader import pil_to_qimage
from .model import GalleryModel
from ..fit import fit_to_screen
from ..i18n import date_words, fill, format_number, translate

__all__ = ["Lightbox", "ImageCanvas"]

#: Decode the full-resolution image right after the screen-resolution one up to this size.
AUTO_REFINE_MEGAPIXELS = 24.0
SLIDESHOW_MS = 4000
#: a photo smaller than the view is shown at this share of the view, at most this many times its size
SMALL_FIT_SHARE, SMALL_FIT_MAX = 0.6, 8.0
_MIN_ZOOM, _MAX_ZOOM = 0.02, 16.0


class ImageCanvas(QWidget):
    """Shows one image with fit/actual-size zoom, wheel and pinch zoom around a point, and drag panning.

    ``zoom`` is in screen pixels per *original* image pixel, whatever resolution the pixmap on hand has,
    so replacing the screen image by the full one does not move anything.
    """

    zoom_changed = Signal(float)
    needs_full_resolution = Signal()
    #: in region mode, a rectangle was dragged: x, y, w, h as fractions (0..1) of the image
    region_drawn = Signal(float, float, float, float)
    region_clicked = Signal(str)  # the id of the region (annotation) clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self._pixmap: QPixmap | None = None
        self._full = QSize()  # the original's size (upright)
        self._fit = True
        self._zoom = 1.0
        self._center = QPointF(0.5, 0.5)  # the image point (fraction) at the centre of the widget
        self._drag_from: QPoint | None = None
        self._message = ""
        self._pinch_start = 1.0
        self.region_mode = False  # left-drag draws a rectangle instead of panning
        self._rubber: tuple[QPointF, QPointF] | None = None
        #: regions drawn over the image: (id, QRectF in fractions of the upright image, colour, label)
        self.regions: list[tuple[str, QRectF, QColor, str]] = []
        self._turn = 0  # degrees clockwise the user turned this photo by hand (drawn so; the file is untouched)

    # -- content ------------------------------------------------------------------------------------------
    def set_pixmap(self, pixmap: QPixmap | None, full_size: QSize | None = None, *, keep_view: bool = False) -> None:
        self._pixmap = pixmap
        self._message = ""
        if full_size is not None and full_size.isValid():
            self._full = QSize(full_size)
        elif pixmap is not None:
            self._full = pixmap.deviceIndependentSize().toSize()
        if not keep_view:
            self._fit = True
            self._center = QPointF(0.5, 0.5)
        self._update_zoom()
        self.update()

    def set_message(self, text: str) -> None:
        self._pixmap = None
        self._message = text
        self.update()

    def pixmap(self) -> QPixmap | None:
        return self._pixmap

    @property
    def full_size(self) -> QSize:
        return QSize(self._full)

    @property
    def turn(self) -> int:
        return self._turn

    def set_turn(self, degrees: int) -> None:
        """Draw the photo turned ``degrees`` clockwise (a quarter turn by hand); the view fits it again."""
        self._turn = degrees % 360
        self._fit = True
        self._center = QPointF(0.5, 0.5)
        self._update_zoom()

    def _shown(self) -> QSize:
        """The original's size as drawn (width and height swap for a quarter turn)."""
        return self._full.transposed() if self._turn in (90, 270) else QSize(self._full)

    # -- zoom ---------------------------------------------------------------------------------------------
    @property
    def fit_mode(self) -> bool:
        return self._fit

    def zoom(self) -> float:
        return self._zoom

    def fit_zoom(self) -> float:
        """Large photos shrink to fit; small ones grow to fill about 60 % of the view (up to
        :data:`SMALL_FIT_MAX` times), so that a 40-pixel scan is not a speck in a dark field."""
        shown = self._shown()
        if shown.isEmpty():
            return 1.0
        whole = min(self.width() / shown.width(), self.height() / shown.height())
        if whole <= 1.0:
            return whole
        return min(max(1.0, whole * SMALL_FIT_SHARE), SMALL_FIT_MAX)

    def fit(self) -> None:
        self._fit = True
        self._center = QPointF(0.5, 0.5)
        self._update_zoom()

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom so the image point under ``anchor`` (widget coordinates) stays under it."""
        if self._full.isEmpty():
            return
        zoom = max(_MIN_ZOOM, min(_MAX_ZOOM, zoom))
        if anchor is not None:
            before = self._image_point(anchor)
            self._fit, self._zoom = False, zoom
            after = self._image_point(anchor)
            self._center = QPointF(self._center.x() + before.x() - after.x(),
                                   self._center.y() + before.y() - after.y())
        else:
            self._fit, self._zoom = False, zoom
        self._clamp_center()
        self._after_zoom()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_zoom(self._zoom * factor, anchor)

    def _update_zoom(self) -> None:
        if self._fit:
            self._zoom = self.fit_zoom()
        self._after_zoom()

    def _after_zoom(self) -> None:
        self.update()
        self.zoom_changed.emit(self._zoom)
        if self._pixmap is not None and not self._full.isEmpty():
            held = self._pixmap.width() / max(1, self._full.width())
            if self._zoom * self.devicePixelRatioF() > held * 1.05:
                self.needs_full_resolution.emit()

    def _image_point(self, widget_point: QPointF) -> QPointF:
        """Widget point -> image point as a fraction of the image (as drawn)."""
        w, h = self._shown().width() * self._zoom, self._shown().height() * self._zoom
        return QPointF(self._center.x() + (widget_point.x() - self.width() / 2) / max(w, 1e-6),
                       self._center.y() + (widget_point.y() - self.height() / 2) / max(h, 1e-6))

    def set_regions(self, regions: list[tuple[str, QRectF, QColor, str]]) -> None:
        self.regions = list(regions)
        self.update()

    def fraction_rect_to_widget(self, rect: QRectF) -> QRectF:
        """A rectangle in fractions of the upright image, where it is drawn (turned with the photo)."""
        rect = QRectF(*turn_fraction_rect(rect.x(), rect.y(), rect.width(), rect.height(), self._turn))
        image = self.image_rect()
        return QRectF(image.left() + rect.x() * image.width(), image.top() + rect.y() * image.height(),
                      rect.width() * image.width(), rect.height() * image.height())

    def _clamp_center(self) -> None:
        w, h = self._shown().width() * self._zoom, self._shown().height() * self._zoom
        cx, cy = self._center.x(), self._center.y()
        cx = 0.5 if w <= self.width() else min(max(cx, self.width() / 2 / w), 1 - self.width() / 2 / w)
        cy = 0.5 if h <= self.height() else min(max(cy, self.height() / 2 / h), 1 - self.height() / 2 / h)
        self._center = QPointF(cx, cy)

    def image_rect(self) -> QRectF:
        """Where the photo is drawn, turned as the user turned it."""
        w, h = self._shown().width() * self._zoom, self._shown().height() * self._zoom
        return QRectF(self.width() / 2 - self._center.x() * w, self.height() / 2 - self._center.y() * h, w, h)

    # -- events -------------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(46, 48, 51))  # dark grey, not black: a small photo's edge shows
        if self._pixmap is not None and not self._pixmap.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self._zoom < 2.0)
            rect = self.image_rect()
            painter.save()
            painter.translate(rect.center())
            painter.rotate(self._turn)
            upright = QRectF(-rect.width() / 2, -rect.height() / 2, rect.width(), rect.height())
            if self._turn in (90, 270):
                upright = upright.transposed()
            painter.drawPixmap(upright, self._pixmap, QRectF(self._pixmap.rect()))
            painter.restore()
            painter.setPen(QColor(110, 112, 116))
            painter.drawRect(rect.adjusted(-1, -1, 0, 0))
            self._paint_regions(painter)
        elif self._message:
            painter.setPen(QColor(230, 230, 230))
            painter.drawText(self.rect().adjusted(24, 24, -24, -24),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self._message)
        painter.end()

    def _paint_regions(self, painter: QPainter) -> None:
        from PySide6.QtGui import QPen
        for _ident, rect, colour, label in self.regions:
            r = self.fraction_rect_to_widget(rect)
            fill = QColor(colour)
            fill.setAlpha(60)
            painter.fillRect(r, fill)
            painter.setPen(QPen(colour, 2))
            painter.drawRect(r)
            if label:
                painter.setPen(QColor(255, 255, 255))
                box = painter.fontMetrics().boundingRect(label).adjusted(-4, -2, 4, 2)
                box.moveTopLeft(r.topLeft().toPoint() + QPoint(0, -box.height() if r.top() > box.height() else 0))
                painter.fillRect(box, QColor(0, 0, 0, 170))
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), label)
        if self._rubber is not None:
            a, b = self._rubber
            painter.setPen(QPen(QColor(255, 224, 102), 2, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(a, b).normalized())

    def resizeEvent(self, event) -> None:
        if self._fit:
            self._update_zoom()
        else:
            self._clamp_center()
        super().resizeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if not steps:
            return super().wheelEvent(event)
        self.zoom_by(1.25 ** steps, event.position())
        event.accept()

    def _region_at(self, point: QPointF) -> str | None:
        for ident, rect, _colour, _label in reversed(self.regions):
            if self.fraction_rect_to_widget(rect).contains(point):
                return ident
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.region_mode and self._pixmap is not None:
            self._rubber = (event.position(), event.position())
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and not self.region_mode:
            ident = self._region_at(event.position())
            if ident is not None:
                self.region_clicked.emit(ident)
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.position().toPoint()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._rubber is not None:
            self._rubber = (self._rubber[0], event.position())
            self.update()
            event.accept()
            return
        if self._drag_from is not None:
            pos = event.position().toPoint()
            self.pan_by(pos.x() - self._drag_from.x(), pos.y() - self._drag_from.y())
            self._drag_from = pos
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._rubber is not None:
            a, b = self._rubber[0], event.position()
            self._rubber = None
            self.update()
            image = self.image_rect()
            rect = QRectF(a, b).normalized().intersected(image)
            if rect.width() >= 4 and rect.height() >= 4 and image.width() > 0 and image.height() > 0:
                shown = ((rect.left() - image.left()) / image.width(), (rect.top() - image.top()) / image.height(),
                         rect.width() / image.width(), rect.height() / image.height())
                self.region_drawn.emit(*turn_fraction_rect(*shown, -self._turn))  # in the upright image
            event.accept()
            return
        self._drag_from = None
        self.unsetCursor()
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._fit:
            self.set_zoom(1.0, event.position())
        else:
            self.fit()
        event.accept()

    def pan_by(self, dx: float, dy: float) -> None:
        w, h = self._shown().width() * self._zoom, self._shown().height() * self._zoom
        if w <= 0 or h <= 0:
            return
        self._center = QPointF(self._center.x() - dx / w, self._center.y() - dy / h)
        self._clamp_center()
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                if pinch.state() == Qt.GestureState.GestureStarted:
                    self._pinch_start = self._zoom
                self.set_zoom(self._pinch_start * pinch.totalScaleFactor(),
                              self.mapFromGlobal(pinch.centerPoint().toPoint()).toPointF())
                return True
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:  # trackpads (macOS, libinput)
                self.zoom_by(1.0 + event.value(), event.position())
                return True
        return super().event(event)


class Lightbox(QDialog):
    """Browse the photos of a :class:`GalleryModel` (its current order and filter), starting at ``row``."""

    current_changed = Signal(str)  # item id
    image_shown = Signal(str, str)  # item id, "screen" | "full" | "frames" | "problem"
    #: a region was drawn on the photo: item id, (x, y, w, h) fractions of the image
    region_drawn = Signal(str, object)
    #: the user turned a photo by hand: item id, degrees clockwise now (the gallery's thumbnail follows)
    turned = Signal(str, int)

    def __init__(self, model: GalleryModel, row: int = 0, parent: QWidget | None = None, *,
                 rotations: Rotations | None = None, collection_id: str = "") -> None:
        super().__init__(parent)
        self.model = model
        self.rotations, self.collection_id = rotations, collection_id
        self.row = -1
        self._info: ImageInfo | None = None
        self._exif: ExifSummary | None = None
        self._problem: str = ""
        self._page = 0
        self._resolution = ""  # what the canvas holds: "thumbnail", "screen", "full"
        self._frames: list[tuple[QPixmap, int]] = []
        self._frame = 0
        self.setWindowTitle(translate("Lightbox", "Photo"))
        self.setModal(False)
        fit_to_screen(self, (1100, 760))

        self.canvas = ImageCanvas(self)
        self.canvas.setAccessibleName(translate("Lightbox", "Photo"))
        self.canvas.setAccessibleDescription(translate("Lightbox",
                                                       "Arrow keys: previous and next photo; + and -: zoom; R: mark a "
                                                       "region"))
        self.canvas.needs_full_resolution.connect(self._want_full)
        self.canvas.zoom_changed.connect(self._show_zoom)
        self.details = QTextBrowser(self)
        self.details.setAccessibleName(translate("Lightbox", "About this photo"))
        self.details.setOpenLinks(False)
        self.details.setMinimumWidth(240)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([780, 300])

        self.toolbar = QToolBar(self)
        self.act_prev = self._action(translate("Lightbox", "◀ Previous"), self.previous,
                                     [QKeySequence(Qt.Key.Key_Left), QKeySequence(Qt.Key.Key_PageUp)])
        self.act_next = self._action(translate("Lightbox", "Next ▶"), self.next,
                                     [QKeySequence(Qt.Key.Key_Right), QKeySequence(Qt.Key.Key_PageDown)])
        self.toolbar.addSeparator()
        self.act_fit = self._action(translate("Lightbox", "Fit"), self.canvas.fit,
                                    [QKeySequence("0"), QKeySequence("Ctrl+0")])
        self.act_actual = self._action("100%", self.canvas.actual_size, [QKeySequence("1")])
        self._action(translate("Lightbox", "Zoom in"), lambda: self.canvas.zoom_by(1.25),
                     [QKeySequence("+"), QKeySequence("="),
                                                                    QKeySequence.StandardKey.ZoomIn])
        self._action(translate("Lightbox", "Zoom out"), lambda: self.canvas.zoom_by(0.8), [QKeySequence("-"),
                                                                    QKeySequence.StandardKey.ZoomOut])
        self.toolbar.addSeparator()
        self.act_full_screen = self._action(translate("Lightbox", "Full screen"), self.toggle_full_screen,
                                            [QKeySequence(Qt.Key.Key_F11), QKeySequence("F")])
        self.act_slideshow = self._action(translate("Lightbox", "Slideshow"), self.toggle_slideshow,
                                          [QKeySequence("S")])
        self.act_slideshow.setCheckable(True)
        self.act_info = self._action(translate("Lightbox", "Details"), self._toggle_details, [QKeySequence("I")])
        self.act_info.setCheckable(True)
        self.act_info.setChecked(True)
        self.toolbar.addSeparator()
        self.act_turn_left = self._action("⟲", lambda: self.turn(-90), [QKeySequence("["), QKeySequence("Ctrl+L")])
        self.act_turn_left.setToolTip(translate("Lightbox",
                                                "Turn the photo left ([ or Ctrl+L): kept for you, the file is not "
                                                "changed"))
        self.act_turn_right = self._action("⟳", lambda: self.turn(90), [QKeySequence("]"), QKeySequence("Ctrl+R")])
        self.act_turn_right.setToolTip(translate("Lightbox",
                                                 "Turn the photo right (] or Ctrl+R): kept for you, the file is not "
                                                 "changed"))
        self.toolbar.widgetForAction(self.act_turn_left).setAccessibleName(translate("Lightbox", "Turn the photo left"))
        self.toolbar.widgetForAction(self.act_turn_right).setAccessibleName(translate("Lightbox",
                                                                                      "Turn the photo right"))
        self.toolbar.addSeparator()
        self.act_region = self._action(translate("Lightbox", "Mark region"), self._toggle_region_mode,
                                       [QKeySequence("R")])
        self.act_region.setCheckable(True)
        self.act_region.setToolTip(translate("Lightbox", "Drag a rectangle on the photo to annotate that region (R)"))
        self.canvas.region_drawn.connect(self._region_drawn)
        self.page_label = QLabel(translate("Lightbox", "Page"), self)
        self.page_box = QSpinBox(self)
        self.page_label.setBuddy(self.page_box)
        self.page_box.setAccessibleName(translate("Lightbox", "Page"))
        self.page_box.setMinimum(1)
        self.page_box.valueChanged.connect(self._page_chosen)
        self._page_actions = [self.toolbar.addWidget(self.page_label), self.toolbar.addWidget(self.page_box)]
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(60)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.zoom_label)
        self.position_label = QLabel(self)
        self.toolbar.addWidget(self.position_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

        self.slideshow = QTimer(self)
        self.slideshow.setInterval(SLIDESHOW_MS)
        self.slideshow.timeout.connect(self._slideshow_step)
        self.animation = QTimer(self)
        self.animation.setSingleShot(True)
        self.animation.timeout.connect(self._next_frame)
        self.show_row(row)

    def _action(self, text: str, slot, shortcuts: list) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda checked=False: slot())
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    # -- navigation ---------------------------------------------------------------------------------------
    @property
    def item(self) -> Item | None:
        return self.model.item_at(self.row)

    def next(self) -> None:
        if self.row + 1 < self.model.rowCount():
            self.show_row(self.row + 1)

    def previous(self) -> None:
        if self.row > 0:
            self.show_row(self.row - 1)

    def show_row(self, row: int, page: int = 0) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.row = -1
            self.canvas.set_message(translate("Lightbox", "No photos to show."))
            return
        row = max(0, min(row, count - 1))
        changed = row != self.row
        self.row = row
        self._page = page
        item = self.item
        assert item is not None
        self.animation.stop()
        self._frames = []
        self._problem = ""
        self._info = self.model.info(item.id)
        self._exif = None
        self.position_label.setText(fill(translate("Lightbox", "  %1 of %2"), row + 1, count))
        self.act_prev.setEnabled(row > 0)
        self.act_next.setEnabled(row + 1 < count)
        self.setWindowTitle(item.caption or item.title)
        if changed or page == 0:  # the turn the user gave this photo (set before its pixmap: the fit follows)
            self.canvas._turn = self.rotations.get(self.collection_id, item.id) if self.rotations else 0
        problem = self.model.problem(item.id)
        if problem is not None and page == 0:
            self._show_problem(problem.message)
        else:
            thumb = self.model.pixmap(item.id)
            full = QSize(self._info.width, self._info.height) if self._info else None
            if thumb is not None and page == 0:
                self.canvas.set_pixmap(thumb, full)
                self._resolution = "thumbnail"
            else:
                self.canvas.set_message(translate("Lightbox", "Loading…"))
                self._resolution = ""
            self._load_screen(item)
        self._update_pages()
        self._render_details()
        if changed:
            self.current_changed.emit(item.id)

    def _screen_box(self) -> tuple[int, int]:
        screen = self.screen() or QGuiApplication.primaryScreen()
        ratio = screen.devicePixelRatio() if screen else 1.0
        size = screen.size() if screen else QSize(1920, 1080)
        return max(640, round(size.width() * ratio)), max(480, round(size.height() * ratio))

    def _load_screen(self, item: Item) -> None:
        path, page, box = item.file, self._page, self._screen_box()
        if path is None:
            return
        animated = bool(self._info and self._info.animated)

        def work():
            exif = _safe_exif(path)
            if animated:
                frames, info = load_frames(path, box)
                return "frames", [(pil_to_qimage(f.image), f.duration_ms) for f in frames], info, exif
            image, info = load_display(path, box, page=page)
            qimage = pil_to_qimage(image)
            del image
            release_decode_memory(info.width * info.height)  # the decode's buffers, back to the system
            return "screen", qimage, info, exif

        run_task(work, lambda result, i=item.id, p=page: self._loaded(i, p, result),
                 lambda exc, i=item.id: self._failed(i, exc), key=("lightbox", id(self)), label=translate("Lightbox",
                                                                                                          "photo"))

    def _want_full(self) -> None:
        item = self.item
        if item is None or self._resolution in ("full", "") or self._frames or item.file is None:
            return
        self._resolution = "full-pending"
        path, page = item.file, self._page

        def work():
            image, info = load_display(path, None, page=page)
            qimage = pil_to_qimage(image)  # in the worker, not the GUI thread; then free the Pillow copy
            del image
            release_decode_memory(info.width * info.height)
            return qimage, info

        run_task(work,
                 lambda result, i=item.id, p=page: self._loaded(i, p, ("full", result[0], result[1], None)),
                 lambda exc, i=item.id: self._failed(i, exc), key=("lightbox-full", id(self)),
                 label=translate("Lightbox", "photo at full size"))

    def _current(self, item_id: str, page: int) -> bool:
        item = self.item
        return item is not None and item.id == item_id and page == self._page

    def _loaded(self, item_id: str, page: int, result) -> None:
        if not self._current(item_id, page):
            return
        kind, payload, info, exif = result
        self._info = info
        if exif is not None:
            self._exif = exif
        full = QSize(info.width, info.height)
        if kind == "frames":
            self._frames = [(QPixmap.fromImage(image), delay) for image, delay in payload]
            self._frame = 0
            if self._frames:
                self.canvas.set_pixmap(self._frames[0][0], full, keep_view=True)
                if len(self._frames) > 1:
                    self.animation.start(self._frames[0][1])
            self._resolution = "full"
        else:
            pixmap = QPixmap.fromImage(payload)
            self.canvas.set_pixmap(pixmap, full, keep_view=self._resolution != "")
            self._resolution = "full" if kind == "full" or pixmap.width() >= info.width else "screen"
        self._update_pages()
        self._render_details()
        self.image_shown.emit(item_id, kind)
        if self._resolution == "screen" and info.megapixels <= AUTO_REFINE_MEGAPIXELS:
            self._want_full()

    def _failed(self, item_id: str, exc: BaseException) -> None:
        item = self.item
        if item is None or item.id != item_id:
            return
        message = exc.message if isinstance(exc, ImageProblem) else f"{type(exc).__name__}: {exc}"
        if self._resolution in ("thumbnail", ""):
            self._show_problem(message)
        self._render_details()
        self.image_shown.emit(item_id, "problem")

    def _show_problem(self, message: str) -> None:
        self._problem = message
        self._resolution = ""
        self.canvas.set_message(fill(translate("Lightbox", "This file cannot be shown.\n\n%1"), message))

    def _next_frame(self) -> None:
        if not self._frames:
            return
        self._frame = (self._frame + 1) % len(self._frames)
        pixmap, delay = self._frames[self._frame]
        self.canvas.set_pixmap(pixmap, self.canvas.full_size, keep_view=True)
        self.animation.start(delay)

    # -- pages, modes -------------------------------------------------------------------------------------
    def _update_pages(self) -> None:
        pages = self._info.pages if self._info else 1
        for action in self._page_actions:
            action.setVisible(pages > 1)
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, pages))
        self.page_label.setText(fill(translate("Lightbox", " Page (of %1) "), pages))
        self.page_box.setValue(self._page + 1)
        self.page_box.blockSignals(False)

    def _page_chosen(self, value: int) -> None:
        if value - 1 != self._page:
            self.show_row(self.row, page=value - 1)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def toggle_slideshow(self) -> None:
        if self.slideshow.isActive():
            self.slideshow.stop()
            self.act_slideshow.setChecked(False)
        else:
            self.slideshow.start()
            self.act_slideshow.setChecked(True)

    def _slideshow_step(self) -> None:
        count = self.model.rowCount()
        if count:
            self.show_row((self.row + 1) % count)

    def _toggle_region_mode(self) -> None:
        self.set_region_mode(not self.canvas.region_mode)

    def set_region_mode(self, on: bool) -> None:
        self.canvas.region_mode = on
        self.act_region.setChecked(on)
        self.canvas.setCursor(Qt.CursorShape.CrossCursor) if on else self.canvas.unsetCursor()

    def _region_drawn(self, x: float, y: float, w: float, h: float) -> None:
        item = self.item
        if item is not None:
            self.region_drawn.emit(item.id, (x, y, w, h))
        self.set_region_mode(False)

    def _toggle_details(self) -> None:
        self.details.setVisible(not self.details.isVisible())
        self.act_info.setChecked(self.details.isVisible())

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"  {zoom * 100:.0f}%" + (translate("Lightbox",
                                                                    " (fit)") if self.canvas.fit_mode else ""))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        if event.key() == Qt.Key.Key_Space:
            self.toggle_slideshow()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self.slideshow.stop()
        self.animation.stop()
        super().closeEvent(event)

    def hideEvent(self, event) -> None:
        """Esc (QDialog.reject) hides without a close event: the slideshow and the animation stop with it."""
        if self.slideshow.isActive():
            self.toggle_slideshow()
        self.animation.stop()
        super().hideEvent(event)

    # -- turning by hand ----------------------------------------------------------------------------------
    def turn(self, degrees: int) -> None:
        """Turn the photo a quarter (or half) by hand: kept as the user's data, the file never changes."""
        item = self.item
        if item is None or self.rotations is None:
            return
        turned = self.rotations.turn(self.collection_id, item.id, degrees)
        self.canvas.set_turn(turned)
        self.turned.emit(item.id, turned)

    # -- metadata -----------------------------------------------------------------------------------------
    def _render_details(self) -> None:
        item = self.item
        if item is None:
            self.details.clear()
            return
        self.details.setHtml(details_html(item, self._info, self._exif, self._problem))


def _safe_exif(path: Path) -> ExifSummary | None:
    try:
        return exif_summary(path)
    except ImageProblem:
        return None


def _row(label: str, value: str) -> str:
    return (f"<tr><td style='color:#777;padding-right:8px;vertical-align:top'>{html.escape(label)}</td>"
            f"<td dir='auto'>{html.escape(value)}</td></tr>")


def details_html(item: Item, info: ImageInfo | None, exif: ExifSummary | None, problem: str = "") -> str:
    """The metadata panel: the archive's own fields first, then the file, then the camera's EXIF."""
    meta = item.metadata
    parts = [f"<h3 dir='auto'>{html.escape(item.title)}</h3>"]
    if item.caption and item.caption != item.title:
        parts.append(f"<p dir='auto'>{html.escape(item.caption)}</p>")
    if problem:
        parts.append(f"<p style='color:#b00020'>{html.escape(problem)}</p>")
    rows = []
    if meta.date:
        try:
            described = date_words(meta.date)
        except (DateError, ValueError):
            described = meta.date
        rows.append(_row(translate("gallery.lightbox", "Date"),
                         described if described == meta.date else f"{described} ({meta.date})"))
    for label, value in ((translate("gallery.lightbox", "Creator"), "; ".join(meta.creator)),
                         (translate("gallery.lightbox", "Rights"), meta.rights),
                         (translate("gallery.lightbox", "Source"), meta.source),
                         (translate("gallery.lightbox", "Publisher"), "; ".join(meta.publisher)),
                         (translate("gallery.lightbox", "Description"), meta.description),
                         (translate("gallery.lightbox", "Tags"), ", ".join(item.tags)),
                         (translate("gallery.lightbox", "Item id"), item.id)):
        if value:
            rows.append(_row(label, value))
    parts.append("<h4>" + translate("gallery.lightbox", "In the archive") + "</h4><table>" + "".join(rows) + "</table>")
    file_rows = []
    if item.file is not None:
        file_rows.append(_row(translate("gallery.lightbox", "File"), item.file.name))
    if info is not None:
        file_rows.append(_row(translate("gallery.lightbox", "Format"), info.format))
        file_rows.append(_row(translate("gallery.lightbox", "Size"),
                              fill(translate("gallery.lightbox", "%1 × %2 px (%3 MP)"), info.width, info.height,
                                   format_number(info.megapixels, 1))))
        if info.animated:
            file_rows.append(_row(translate("gallery.lightbox", "Frames"), fill("%1", info.frames)))
        if info.pages > 1:
            file_rows.append(_row(translate("gallery.lightbox", "Pages"), fill("%1", info.pages)))
        for warning in info.warnings:
            file_rows.append(_row(translate("gallery.lightbox", "Note"), warning))
    if item.sha256:
        file_rows.append(_row(translate("gallery.lightbox", "SHA-256"), item.sha256[:16] + "…"))
    parts.append("<h4>" + translate("gallery.lightbox", "File") + "</h4><table>" + "".join(file_rows) + "</table>")
    camera = translate("gallery.lightbox", "Camera (EXIF)")
    if exif is not None and not exif.empty:
        parts.append(f"<h4>{camera}</h4><table>" + "".join(_row(k, v) for k, v in exif.rows()) + "</table>")
    elif exif is not None:
        parts.append(f"<h4>{camera}</h4><p style='color:#777'>"
                     "" + translate("gallery.lightbox", "No camera metadata in this file.") + "</p>")
    return "".join(parts)
