"""The timeline panel: toolbar, filters, the axis, the details pane and the legend."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QIODevice, QRectF, QSaveFile, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLineEdit, QMenu, QMessageBox,
                               QScrollArea, QSplitter, QToolButton, QVBoxLayout, QWidget)

from ..accessible_views import notify_selected
from ...core.archive import Archive
from ...core.timeline import EventFilter, TimelineData, events_csv, facets
from ..fit import ElidedLabel
from .details import DetailsPane, LegendWidget
from .renderer import Palette
from .view import TimelineView
from ..i18n import fill, range_words, translate
from ..tasks import run_task, task_runner

__all__ = ["TimelinePanel", "ExportError"]

log = logging.getLogger("ashraf.timeline")

_ALL = {"tags": QT_TRANSLATE_NOOP("TimelinePanel", "All tags"),
        "places": QT_TRANSLATE_NOOP("TimelinePanel", "All places"),
        "people": QT_TRANSLATE_NOOP("TimelinePanel", "All people")}  # translated where shown


class ExportError(OSError):
    """An export file could not be written (disk full, no permission): shown to the user, not a bug."""


def _save_bytes(path: Path, write) -> None:
    """Write through QSaveFile so that a failed export never leaves half a file behind."""
    f = QSaveFile(str(path))
    if not f.open(QIODevice.OpenModeFlag.WriteOnly):
        raise ExportError(f"cannot write {path}: {f.errorString()}")
    try:
        write(f)
    except Exception:
        f.cancelWriting()
        raise
    if not f.commit():
        raise ExportError(f"cannot write {path}: {f.errorString()}")


class TimelinePanel(QWidget):
    """Signals for the main window; slots it calls. See ``install_timeline`` for the wiring."""

    citation_activated = Signal(str, str)  # item id, exact quote: open the document there
    range_selected = Signal(int, int)  # inclusive ordinal days: filter search results to them
    range_cleared = Signal()
    event_selected = Signal(str)
    prepared = Signal()  # a big archive's timeline, prepared on a worker, is on screen
    item_selected = Signal(str)
    #: a fact linked from the details (the facts its sources state): open the facts view at it
    fact_activated = Signal(str)
    #: Enter (or a double-click) on the selected event or item: open it in a tab
    event_opened = Signal(str)
    item_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        from ..look import current_theme
        Palette.use(current_theme())  # built after a theme change: its colours from the start
        self.archive: Archive | None = None
        self.view = TimelineView(self)
        self.renderer = self.view.renderer
        self.details = DetailsPane(self)
        self.legend = LegendWidget(self.renderer, self)
        self._legend_choice: bool | None = None  # the user's choice of the Legend button, once made
        self._build()
        self.setFocusProxy(self.view)  # Go ▸ Timeline: the arrow keys move along the events at once
        self.view.event_clicked.connect(self._select_event)
        self.view.item_clicked.connect(self._select_item)
        self.view.range_brushed.connect(self._on_range)
        self.view.view_changed.connect(self._update_status)
        self.view.open_requested.connect(self._open_selected)
        self.details.citation_activated.connect(self.citation_activated)
        self.details.facet_activated.connect(self._on_facet)
        self.details.fact_activated.connect(self.fact_activated)
        self._update_status()

    # ------------------------------------------------------------------ construction
    def _button(self, text: str, tip: str, slot=None, checkable: bool = False) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setCheckable(checkable)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        if slot is not None:
            (b.toggled if checkable else b.clicked).connect(slot)
        return b

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        self.fit_button = self._button(translate("TimelinePanel", "Fit all"),
                                       translate("TimelinePanel",
                                                 "Show the whole period of the archive (0)"), self.view.fit_all)
        self.zoom_out_button = self._button("−", translate("TimelinePanel", "Zoom out (−, mouse wheel, pinch)"),
                                            lambda: self.view.zoom_by(1 / 1.5))
        self.zoom_in_button = self._button("+", translate("TimelinePanel", "Zoom in (+, mouse wheel, pinch)"),
                                           lambda: self.view.zoom_by(1.5))
        self.range_button = self._button(translate("TimelinePanel", "Select period"),
                                         translate("TimelinePanel",
                                                   "Drag on the timeline to select a period (or Shift+drag "
                                         "at any time); search results are then limited to it"),
                                         self._set_range_tool, checkable=True)
        self.export_button = self._button(translate("TimelinePanel", "Export"),
                                          translate("TimelinePanel",
                                                    "Export the visible timeline as PNG or SVG, or the events "
                                          "as CSV"))
        menu = QMenu(self.export_button)
        menu.addAction(translate("TimelinePanel", "Timeline as PNG image…"), lambda: self._export_dialog("png"))
        menu.addAction(translate("TimelinePanel", "Timeline as SVG drawing…"), lambda: self._export_dialog("svg"))
        menu.addAction(translate("TimelinePanel", "Events as CSV table…"), lambda: self._export_dialog("csv"))
        self.export_button.setMenu(menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.legend_button = self._button(translate("TimelinePanel", "Legend"),
                                          translate("TimelinePanel", "Show or hide the legend"), checkable=True)
        self.legend_button.setChecked(True)
        self.legend_button.toggled.connect(self._toggle_legend)
        self.filter_button = self._button(translate("TimelinePanel", "Filter"),
                                          translate("TimelinePanel",
                                                    "Show or hide the filters: event titles, tags, places, "
                                          "people"), checkable=True)
        self.filter_button.toggled.connect(self._toggle_filters)
        self.range_chip = self._button("", translate("TimelinePanel", "Remove the period filter"), self.clear_range)
        self.range_chip.setObjectName("rangeChip")
        self.range_chip.setStyleSheet("QToolButton#rangeChip { background: #d5e4f5; color: #0b2c4f; "
                                      "border: 1px solid #2c5d8f; border-radius: 9px; padding: 1px 8px; }")
        self.range_chip.hide()
        for w in (self.fit_button, self.zoom_out_button, self.zoom_in_button, self.range_button, self.filter_button):
            bar.addWidget(w)
        bar.addSpacing(8)
        bar.addWidget(self.range_chip)
        self.status = ElidedLabel("", self)
        self.status.setMinimumWidth(80)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.legend_button)

        self.filter_row = QWidget(self)
        filters = QHBoxLayout(self.filter_row)
        filters.setContentsMargins(4, 0, 4, 2)
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(translate("TimelinePanel", "Filter event titles…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setAccessibleName(translate("TimelinePanel", "Filter event titles"))
        self.text_filter.textChanged.connect(self._apply_filters)
        filters.addWidget(self.text_filter, 2)
        self.facet_boxes: dict[str, QComboBox] = {}
        for name in ("tags", "places", "people"):
            box = QComboBox(self)
            box.setAccessibleName(translate("TimelinePanel", _ALL[name]))
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
            box.currentIndexChanged.connect(self._apply_filters)
            filters.addWidget(box, 1)
            self.facet_boxes[name] = box
        self.clear_filters_button = self._button(translate("TimelinePanel", "Clear filters"),
                                                 translate("TimelinePanel",
                                                           "Show all events again"), self.clear_filters)
        filters.addWidget(self.clear_filters_button)

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.setObjectName("timelineLower")
        self.lower = lower
        lower.addWidget(self.details)
        self.legend_scroll = QScrollArea(self)
        self.legend_scroll.setWidget(self.legend)
        self.legend_scroll.setWidgetResizable(True)
        self.legend_scroll.setMinimumWidth(200)
        lower.addWidget(self.legend_scroll)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("timelineSplit")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.filter_row)
        layout.addWidget(self.splitter, 1)
        self.filter_row.hide()  # the lanes get the room until the user asks for the filters

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(1100, 640)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 190)

    #: wider than this many times its height (a bottom dock), the details and legend go beside the axis
    WIDE_RATIO = 2.2
    SIDE_WIDTH = 380

    @property
    def wide(self) -> bool:
        return self.splitter.orientation() == Qt.Orientation.Horizontal

    def _arrange(self) -> None:
        """Axis over details in a tall panel; axis beside details (and legend) in a wide, low one. A side
        column too short for both shows the details only (the Legend button brings the legend back)."""
        wide = self.width() >= self.WIDE_RATIO * self.height() and self.width() >= 640
        if wide != self.wide:
            if wide:
                self.splitter.setOrientation(Qt.Orientation.Horizontal)
                self.lower.setOrientation(Qt.Orientation.Vertical)
                side = max(240, min(self.SIDE_WIDTH, self.width() // 3))
                self.splitter.setSizes([self.width() - side, side])
                self.lower.setSizes([self.height() * 3 // 5, self.height() * 2 // 5])
                self.legend_scroll.setMinimumWidth(0)
            else:
                self.splitter.setOrientation(Qt.Orientation.Vertical)
                self.lower.setOrientation(Qt.Orientation.Horizontal)
                self.legend_scroll.setMinimumWidth(200)
                self.splitter.setSizes([self.height() * 3 // 5, self.height() * 2 // 5])
        if self._legend_choice is None:  # the user has not chosen: show it where it is readable
            roomy = self.height() >= 320 if self.wide else self.width() >= 700
            self.legend_button.blockSignals(True)
            self.legend_button.setChecked(roomy)
            self.legend_button.blockSignals(False)
            self.legend_scroll.setVisible(roomy)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange()

    # ------------------------------------------------------------------ slots for the main window
    #: from this many items the timeline's data is prepared on a worker (0.7 s of CPU at 100,000 items: the
    #: window would not answer meanwhile); below, at once, so that a small archive shows it with the window
    PREPARE_ON_WORKER_FROM = 5_000

    @Slot(object)
    def set_archive(self, archive: Archive | None) -> None:
        self.archive = archive
        self.clear_range(emit=False)  # another archive: the period chosen for the last one no longer applies
        self.details.clear_details()
        self._fill_facets()
        self.renderer.model.set_filter(EventFilter())
        if self._on_worker(archive):
            self.renderer.set_archive(None)  # nothing of the last archive stays on screen meanwhile
            self._prepare(archive, keep_view=False)  # says so in the status line
        else:
            self.renderer.set_archive(archive)
            self._update_status()
        self.view.update()

    def _on_worker(self, archive: Archive | None) -> bool:
        if archive is None or len(archive.items) < self.PREPARE_ON_WORKER_FROM:
            task_runner().cancel(("timeline", id(self)))  # a slower earlier request must not replace this one
            return False
        return True

    def _prepare(self, archive: Archive, *, keep_view: bool) -> None:
        prepare, widths = self.renderer.model.prepare, self.renderer.text_widths()
        self.status.setText(translate("TimelinePanel", "Reading the dates of the archive…"))
        run_task(lambda: prepare(archive, widths), lambda data: self._adopt(data, keep_view),
                 self._prepare_failed, key=("timeline", id(self)), label=translate("TimelinePanel", "Timeline"))

    def _adopt(self, data: TimelineData, keep_view: bool) -> None:
        if data.archive is not self.archive:
            return
        self.renderer.adopt(data, keep_view=keep_view)
        self._update_status()
        self.view.update()
        self.prepared.emit()

    def _prepare_failed(self, error: BaseException) -> None:
        log.error("timeline: the archive's dates could not be read: %s", error)
        self.status.setText(translate("TimelinePanel", "The timeline could not read the archive's dates."))

    @Slot(object)
    def update_archive(self, archive: Archive | None) -> None:
        """The same archive with items imported or described: the new dated items appear; the zoom, the
        selection, the period and the filters stay (another archive, or changed events: :meth:`set_archive`)."""
        old = self.archive
        if archive is None or old is None or archive.root != old.root or archive.events != old.events:
            self.set_archive(archive)
            return
        self.archive = archive
        if self._on_worker(archive):
            self._prepare(archive, keep_view=True)
            return
        r = self.renderer
        at_fit, scale, selected = r.at_fit, r.scale, r.selected_id
        r._elided.clear()
        r.model.set_archive(archive)
        if at_fit:
            r.fit_all()
        else:
            r.scale = scale
        if selected is not None and r.model.event(selected) is None and r.model.item(selected) is None:
            r.selected_id = None
        self._update_status()
        self.view.update()

    def refresh_theme(self, theme: str | None = None) -> None:
        """The theme changed: the axis, the legend and the details take its colours."""
        from ..look import current_theme
        Palette.use(theme or current_theme())
        self.legend.refresh_theme()
        self.details.refresh_theme()
        self.view.update()

    @Slot(str)
    def show_event(self, event_id: str) -> None:
        """Select an event, scroll the axis to it (zooming in if it is inside a cluster) and describe it."""
        event = self.renderer.model.event(event_id)
        if event is None:
            return
        if event_id not in self.renderer.model.shown_ids:  # hidden by a filter: show it anyway
            self.clear_filters()
        self.renderer.selected_id = event_id
        self.renderer.ensure_visible(event_id)
        self.details.show_event(event, self.archive, self.renderer.model.style(event_id))
        self._update_status()
        self.view.update()
        notify_selected(self.view, event_id)  # a screen reader announces the event now selected

    @Slot(object, object)
    def mark_search_hits(self, item_ids, event_ids) -> None:
        self.renderer.hit_items = frozenset(item_ids or ())
        self.renderer.hit_events = frozenset(event_ids or ())
        self._update_status()
        self.view.update()

    @Slot(int, int)
    def set_range(self, lower: int, upper: int, *, emit: bool = False) -> None:
        """Show a period as selected (e.g. restored by the main window) without re-emitting by default."""
        lower, upper = min(lower, upper), max(lower, upper)
        self.renderer.brush = (lower, upper)
        self._show_chip(lower, upper)
        self.view.update()
        if emit:
            self.range_selected.emit(lower, upper)

    @Slot()
    def clear_range(self, *, emit: bool = True) -> None:
        had = self.renderer.brush is not None
        self.renderer.brush = None
        self.range_chip.hide()
        self.view.update()
        if had and emit:
            self.range_cleared.emit()

    def clear_range_silently(self) -> None:
        """For the main window when the user removed the chip in the search panel."""
        self.clear_range(emit=False)

    @property
    def selected_range(self) -> tuple[int, int] | None:
        return self.renderer.brush

    # ------------------------------------------------------------------ internal
    def _select_event(self, event_id: str) -> None:
        self.show_event(event_id)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason) if not self.view.hasFocus() and self.isVisible() else None
        self.event_selected.emit(event_id)

    def _select_item(self, item_id: str) -> None:
        item = self.renderer.model.item(item_id)
        if item is None:
            return
        self.renderer.selected_id = item_id
        self.details.show_item(item, self.archive)
        self.view.update()
        self.item_selected.emit(item_id)

    def _on_range(self, lower: int, upper: int) -> None:
        self._show_chip(lower, upper)
        self.range_selected.emit(lower, upper)

    def _show_chip(self, lower: int, upper: int) -> None:
        self.range_chip.setText(fill(translate("TimelinePanel", "Period: %1  ✕"), range_words(lower, upper)))
        self.range_chip.show()

    def _set_range_tool(self, on: bool) -> None:
        self.view.range_tool = on
        self.view.setCursor(Qt.CursorShape.IBeamCursor if on else Qt.CursorShape.ArrowCursor)

    def _toggle_legend(self, on: bool) -> None:
        self._legend_choice = on
        self.legend_scroll.setVisible(on)

    def _toggle_filters(self, on: bool) -> None:
        self.filter_row.setVisible(on)
        if on:
            self.text_filter.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_selected(self) -> None:
        """Enter on the axis: the selected event (or item) in a tab."""
        ident = self.renderer.selected_id
        if ident is None:
            return
        if self.renderer.model.event(ident) is not None:
            self.event_opened.emit(ident)
        elif self.renderer.model.item(ident) is not None:
            self.item_opened.emit(ident)

    def _fill_facets(self) -> None:
        found = facets(self.archive.events) if self.archive is not None else {"tags": [], "places": [], "people": []}
        for name, box in self.facet_boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(translate("TimelinePanel", _ALL[name]), None)
            for value, count in found[name]:
                box.addItem(f"{value} ({count})", value)
            box.blockSignals(False)
        self.text_filter.blockSignals(True)
        self.text_filter.clear()
        self.text_filter.blockSignals(False)

    def current_filter(self) -> EventFilter:
        chosen = {name: box.currentData() for name, box in self.facet_boxes.items()}
        return EventFilter(
            tags=frozenset([chosen["tags"]]) if chosen["tags"] else frozenset(),
            places=frozenset([chosen["places"]]) if chosen["places"] else frozenset(),
            people=frozenset([chosen["people"]]) if chosen["people"] else frozenset(),
            text=self.text_filter.text(),
        )

    def _apply_filters(self, *_args) -> None:
        model = self.renderer.model
        model.set_filter(self.current_filter())
        if self.renderer.selected_id and self.renderer.model.event(self.renderer.selected_id) \
                and self.renderer.selected_id not in model.shown_ids:
            self.renderer.selected_id = None
            self.details.clear_details()
        self._update_status()
        self.view.update()

    def set_facet(self, name: str, value: str | None) -> None:
        if value is not None:
            self.filter_button.setChecked(True)  # a filter in force shows where it can be removed
        box = self.facet_boxes[name]
        index = box.findData(value) if value is not None else 0
        box.setCurrentIndex(max(index, 0))

    def _on_facet(self, name: str, value: str) -> None:
        self.set_facet(name, value)

    def clear_filters(self) -> None:
        for box in self.facet_boxes.values():
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.text_filter.blockSignals(True)
        self.text_filter.clear()
        self.text_filter.blockSignals(False)
        self._apply_filters()

    def _update_status(self) -> None:
        model = self.renderer.model
        total, shown = len(model.events), len(model.shown_ids)
        text = fill(translate("TimelinePanel", "%1 of %2 events"), shown, total) if model.filter.active \
            else fill(translate("TimelinePanel", "%1 events"), total)
        if model.items:
            text += fill(translate("TimelinePanel", ", %1 dated items"), len(model.items))
        hits = len(self.renderer.hit_events) + len(self.renderer.hit_items)
        if hits:
            text += fill(translate("TimelinePanel", " · %1 search hits marked"), hits)
        lo, hi = self.renderer.visible_days()
        try:
            text += fill(translate("TimelinePanel", " · showing %1"), range_words(int(lo), int(hi)))
        except (ValueError, OverflowError):
            pass
        self.status.setText(text)

    # ------------------------------------------------------------------ export
    def _caption(self) -> str:
        title = self.archive.collection.title if self.archive is not None else translate("TimelinePanel", "Timeline")
        lo, hi = self.renderer.visible_days()
        parts = [fill(translate("TimelinePanel", "%1 — timeline, %2"), title, range_words(int(lo), int(hi)))]
        if self.renderer.model.filter.active:
            parts.append(fill(translate("TimelinePanel", "filtered by %1"), self.renderer.model.filter.describe()))
        if self.renderer.brush is not None:
            parts.append(fill(translate("TimelinePanel", "selected period %1"), range_words(*self.renderer.brush)))
        return "; ".join(parts)

    def render_image(self, scale: float = 2.0) -> QImage:
        r = self.renderer
        image = QImage(int(r.width * scale), int(r.height * scale), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(scale)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        try:
            r.paint(painter, caption=self._caption())
        finally:
            painter.end()
        return image

    def export_png(self, path: str | Path, scale: float = 2.0) -> None:
        image = self.render_image(scale)
        def write(device):
            if not image.save(device, "PNG"):
                raise ExportError(f"cannot encode PNG for {path}")
        _save_bytes(Path(path), write)

    def export_svg(self, path: str | Path) -> None:
        r = self.renderer
        buffer = QByteArray()
        from PySide6.QtCore import QBuffer
        device = QBuffer(buffer)
        device.open(QIODevice.OpenModeFlag.WriteOnly)
        from PySide6.QtSvg import QSvgGenerator  # only export needs QtSvg: keep it off start-up
        gen = QSvgGenerator()
        gen.setOutputDevice(device)
        gen.setSize(QSize(int(r.width), int(r.height)))
        gen.setViewBox(QRectF(0, 0, r.width, r.height))
        gen.setTitle(translate("TimelinePanel", "Timeline"))
        gen.setDescription(self._caption())
        painter = QPainter(gen)
        try:
            r.paint(painter, caption=self._caption())
        finally:
            painter.end()
        device.close()
        _save_bytes(Path(path), lambda f: f.write(buffer))

    def export_csv(self, path: str | Path) -> None:
        """The events the filters let through (all of them without filters), in date order."""
        model = self.renderer.model
        events = [model.event(i) for i in model.shown_ids]
        text = events_csv([e for e in events if e is not None], self.archive)
        data = ("\ufeff" + text).encode("utf-8")  # BOM: spreadsheet programs then read UTF-8 correctly
        _save_bytes(Path(path), lambda f: f.write(data))

    def _export_dialog(self, kind: str) -> None:
        filters = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)", "csv": "CSV table (*.csv)"}
        name, _ = QFileDialog.getSaveFileName(self, translate("TimelinePanel", "Export timeline"), f"timeline.{kind}",
                                              filters[kind])
        if not name:
            return
        if not name.lower().endswith("." + kind):
            name += "." + kind
        try:
            {"png": self.export_png, "svg": self.export_svg, "csv": self.export_csv}[kind](name)
        except ExportError as exc:
            log.warning("export failed: %s", exc)
            QMessageBox.warning(self, translate("TimelinePanel", "Export failed"), str(exc))
