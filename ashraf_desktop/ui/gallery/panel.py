"""The gallery panel: toolbar, thumbnail grid, problems list, empty state; and ``install_gallery``."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout, QLabel,
                               QListView, QPushButton, QSlider, QStackedWidget, QStyleOptionViewItem,
                               QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ...core.images import Rotations, ThumbnailCache, Thumbnailer
from ...core.archive import Archive
from .delegate import ThumbnailDelegate
from .lightbox import Lightbox
from .loader import ThumbnailLoader
from .model import GalleryModel, ItemRoles
from ..i18n import fill, format_number, translate

__all__ = ["GalleryPanel", "GalleryView", "install_gallery", "EMPTY_ARCHIVE_TEXT"]

log = logging.getLogger(__name__)

MIN_THUMB, MAX_THUMB, DEFAULT_THUMB = 96, 384, 192
#: pixmaps kept in memory: this many screens' worth around the visible one (see GalleryModel.set_cache_window)
PIXMAP_SCREENS = 5.0

EMPTY_ARCHIVE_TEXT = QT_TRANSLATE_NOOP(  # translated where shown, as the next
    "GalleryPanel",
    "<h3>This archive holds no photographs</h3>"
    "<p>The gallery shows the image items of an archive. The bundled Ashraf Archive holds texts, records "
    "and a timeline only; no photographs of Camp Ashraf are included.</p>"
    "<p><b>Add photos…</b> below (or File ▸ Import, or dropping files on the window) copies photos into "
    "your own part of the archive; the originals are not changed. To browse another archive's photos, "
    "start the app with <code>--archive FOLDER</code> (see docs/archive-format.md).</p>")
NO_MATCH_TEXT = QT_TRANSLATE_NOOP("GalleryPanel",
                                  "<h3>No photos match</h3><p>No photo in this archive matches the current filter.</p>")


class GalleryView(QListView):
    """Icon-mode list with uniform cells; Ctrl+wheel changes the thumbnail size; Enter opens."""

    zoom_requested = Signal(int)  # +1 / -1 steps
    activated_row = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)  # layout of 10,000 cells without asking each one its size
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(500)
        self.setSpacing(4)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self.doubleClicked.connect(lambda index: self.activated_row.emit(index.row()))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)

    def estimated_first_screen(self) -> tuple[int, int]:
        """Rows on screen before the view has laid anything out (uniform cells: a grid from row 0).

        Lets the panel ask for the first screen's thumbnails while the first layout and paint are still
        being made, so the workers read the disk cache in parallel with the GUI thread.
        """
        model = self.model()
        if model is None or model.rowCount() == 0 or self.verticalScrollBar().value() != 0:
            return -1, -1
        option = QStyleOptionViewItem()
        option.initFrom(self)
        cell = self.itemDelegate().sizeHint(option, model.index(0, 0))
        step_x = max(1, cell.width() + 2 * self.spacing())
        step_y = max(1, cell.height() + 2 * self.spacing())
        columns = max(1, self.viewport().width() // step_x)
        rows = self.viewport().height() // step_y + 1
        return 0, min(model.rowCount() - 1, columns * rows - 1)

    def visible_rows(self) -> tuple[int, int]:
        """First and last row with a cell on screen (-1, -1 when empty or not laid out yet)."""
        model = self.model()
        if model is None or model.rowCount() == 0 or not self.isVisible():
            return -1, -1
        probe = QPoint(self.spacing() + 2, self.spacing() + 2)
        first = self.indexAt(self.viewport().rect().topLeft() + probe)
        if not first.isValid():
            return -1, -1
        cell = self.visualRect(first)
        step_x, step_y = max(1, cell.width() + 2 * self.spacing()), max(1, cell.height() + 2 * self.spacing())
        columns = max(1, self.viewport().width() // step_x)
        rows = self.viewport().height() // step_y + 2  # partly visible rows above and below
        return first.row(), min(model.rowCount() - 1, first.row() + columns * rows - 1)


class GalleryPanel(QWidget):
    """The photo gallery of one archive. Connect ``set_filter_ids`` to search, the date range to the timeline.

    Signals: ``item_activated(item_id)`` when a photo is opened; ``count_changed(shown, total)``;
    ``add_photos_requested()`` from the empty state's button.
    """

    item_activated = Signal(str)
    count_changed = Signal(int, int)
    lightbox_created = Signal(object)  # the Lightbox, once (the window's annotations attach to it)
    add_photos_requested = Signal()

    def __init__(self, archive: Archive | None = None, *, cache_dir: Path | str | None = None,
                 thumbnailer: Thumbnailer | None = None, threads: int | None = None,
                 background_check: bool = True, rotations: Rotations | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("galleryPanel")
        #: the quarter turns the user gave photos by hand (user data; the lightbox turns them)
        self.rotations = rotations
        if thumbnailer is None:
            thumbnailer = Thumbnailer(ThumbnailCache(cache_dir) if cache_dir is not None else None)
        self.thumbnailer = thumbnailer
        self.loader = ThumbnailLoader(thumbnailer, threads=threads, parent=self)
        self.model = GalleryModel(loader=self.loader, thumb_size=DEFAULT_THUMB,
                                  device_pixel_ratio=self.devicePixelRatioF(), parent=self)
        self.lightbox: Lightbox | None = None
        #: set True by whoever connects ``add_photos_requested`` to a real import (the import issue)
        self.import_available = False
        self._archive: Archive | None = None

        # toolbar
        self.count_label = QLabel(self)
        self.filter_note = QLabel(self)
        self.filter_note.setVisible(False)
        self.show_all_button = QToolButton(self)
        self.show_all_button.setText(translate("GalleryPanel", "Show all"))
        self.show_all_button.setVisible(False)
        self.show_all_button.clicked.connect(self.clear_filters)
        self.sort_box = QComboBox(self)
        for label, key in ((translate("GalleryPanel", "Date"), "date"), (translate("GalleryPanel", "Title"), "title"),
                           (translate("GalleryPanel", "Import order"), "import")):
            self.sort_box.addItem(label, key)
        self.sort_box.setToolTip(translate("GalleryPanel", "Sort photos by"))
        self.sort_box.setAccessibleName(translate("GalleryPanel", "Sort photos by"))
        self.sort_box.currentIndexChanged.connect(lambda _: self.model.sort_by(self.sort_box.currentData()))
        self.tag_box = QComboBox(self)
        self.tag_box.setToolTip(translate("GalleryPanel", "Show only photos with this tag"))
        self.tag_box.setAccessibleName(translate("GalleryPanel", "Show only photos with this tag"))
        self.tag_box.currentIndexChanged.connect(self._tag_chosen)
        self.size_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.size_slider.setRange(MIN_THUMB, MAX_THUMB)
        self.size_slider.setSingleStep(16)
        self.size_slider.setPageStep(32)
        self.size_slider.setValue(DEFAULT_THUMB)
        self.size_slider.setFixedWidth(140)
        self.size_slider.setToolTip(translate("GalleryPanel", "Thumbnail size (Ctrl+wheel over the photos)"))
        self.size_slider.setAccessibleName(translate("GalleryPanel", "Thumbnail size"))
        self.size_slider.valueChanged.connect(self._size_changed)
        self.problems_button = QToolButton(self)
        self.problems_button.setCheckable(True)
        self.problems_button.toggled.connect(self._show_problems)
        self.problems_button.setToolTip(translate("GalleryPanel", "Files that cannot be shown, and why"))
        self.problems_button.setAccessibleName(translate("GalleryPanel", "Photos that cannot be shown"))

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.count_label)
        bar.addWidget(self.filter_note)
        bar.addWidget(self.show_all_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(translate("GalleryPanel", "Sort:"), self))
        bar.addWidget(self.sort_box)
        bar.addWidget(self.tag_box)
        bar.addWidget(QLabel(translate("GalleryPanel", "Size:"), self))
        bar.addWidget(self.size_slider)
        bar.addWidget(self.problems_button)

        # pages
        self.view = GalleryView(self)
        self.view.setAccessibleName(translate("GalleryPanel", "Photos"))
        self.view.setAccessibleDescription(translate("GalleryPanel",
                                                     "Arrow keys move among the photos; Enter opens one in the "
                                                     "lightbox"))
        self.setFocusProxy(self.view)  # Go ▸ Photos: the arrow keys move among the photos at once
        self.delegate = ThumbnailDelegate(self.view, thumb_size=DEFAULT_THUMB)
        if rotations is not None:
            self.delegate.turn_of = lambda item_id: rotations.get(
                self._archive.collection.id if self._archive is not None else "", item_id)
        self.view.setItemDelegate(self.delegate)
        self.view.setModel(self.model)
        self.view.zoom_requested.connect(lambda step: self.size_slider.setValue(
            self.size_slider.value() + step * 32))
        self.view.activated_row.connect(self.open_lightbox)

        self.empty = QWidget(self)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_label = QLabel(self.empty)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMaximumWidth(560)
        self.empty_label.setObjectName("galleryEmptyLabel")
        self.add_button = QPushButton(translate("GalleryPanel", "Add photos…"), self.empty)
        self.add_button.setToolTip(translate("GalleryPanel",
                                             "Importing photos comes with the import feature; until then use "
                                             "--archive"))
        self.add_button.clicked.connect(self._add_photos)
        self.empty_show_all = QPushButton(translate("GalleryPanel", "Show all photos"), self.empty)
        self.empty_show_all.clicked.connect(self.clear_filters)
        self.add_hint = QLabel(self.empty)
        self.add_hint.setWordWrap(True)
        self.add_hint.setVisible(False)
        # the text takes the width it is given (up to 560 px) and the height its wrapped lines need: centred by
        # stretches, not by an alignment flag (a wrapped label aligned in a layout keeps its one-line height and
        # its last lines are cut: "No photo in this archive matches the")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_label, 10)
        row.addStretch(1)
        empty_layout.addLayout(row)
        for widget in (self.add_button, self.empty_show_all, self.add_hint):
            empty_layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        self.problems_page = QWidget(self)
        problems_layout = QVBoxLayout(self.problems_page)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        self.problems_status = QLabel(self.problems_page)
        self.problems_status.setContentsMargins(6, 4, 6, 4)
        self.problems_view = QTreeWidget(self.problems_page)
        self.problems_view.setAccessibleName(translate("GalleryPanel", "Files that cannot be shown, and why"))
        problems_layout.addWidget(self.problems_status)
        problems_layout.addWidget(self.problems_view, 1)
        self.problems_view.setHeaderLabels([translate("GalleryPanel", "File"), translate("GalleryPanel", "Problem"),
                                            translate("GalleryPanel", "Item")])
        self.problems_view.setRootIsDecorated(False)
        self.problems_view.setAlternatingRowColors(True)
        self.problems_view.setColumnWidth(0, 260)
        self.problems_view.setColumnWidth(1, 480)
        self.problems_view.itemActivated.connect(self._problem_activated)

        self.stack = QStackedWidget(self)
        for page in (self.view, self.empty, self.problems_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self.model.modelReset.connect(self._refresh_state)
        self.model.problems_changed.connect(lambda: self._problems_timer.start())
        self._prefetch = QTimer(self)
        self._prefetch.setSingleShot(True)
        self._prefetch.setInterval(30)
        self._prefetch.timeout.connect(self._request_visible)
        self.view.verticalScrollBar().valueChanged.connect(lambda _: self._prefetch.start())
        # Once the screen is served, read the remaining files in the background, a few at a time and only
        # while the workers are idle: the problems list becomes complete and the disk cache warm.
        self._background = QTimer(self)
        self._background.setInterval(100)
        self._background.timeout.connect(self._check_in_background)
        self.background_check = background_check
        self._problems_timer = QTimer(self)
        self._problems_timer.setSingleShot(True)
        self._problems_timer.setInterval(250)
        self._problems_timer.timeout.connect(self._refresh_problems)
        self.set_archive(archive)

    # -- public API ---------------------------------------------------------------------------------------
    def set_archive(self, archive: Archive | None) -> None:
        self._archive = archive
        items = archive.items if archive is not None else ()  # rows of its photos: no Item built here
        self.model.set_items(items)
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem(translate("GalleryPanel", "All tags"), None)
        for tag in self.model.tags():
            self.tag_box.addItem(tag, tag)
        self.tag_box.setVisible(self.tag_box.count() > 1)
        self.tag_box.blockSignals(False)
        self._refresh_state()
        self._refresh_problems()

    def selected_ids(self) -> list[str]:
        """The ids of the selected photos, in the order shown (for batch metadata edits and exports)."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedIndexes())
        return [item.id for row in rows if (item := self.model.item_at(row)) is not None]

    def set_filter_ids(self, ids: Iterable[str] | None) -> None:
        """Show only these item ids (the current search's hits); ``None`` for all."""
        self.model.set_filter_ids(ids)

    def set_tag(self, tag: str | None) -> None:
        index = self.tag_box.findData(tag) if tag else 0
        self.tag_box.setCurrentIndex(max(0, index))

    def set_date_range(self, lower: int, upper: int) -> None:
        """Show only photos whose date overlaps these proleptic-Gregorian ordinal days (the timeline's range)."""
        self.model.set_date_range(lower, upper)

    def clear_date_range(self) -> None:
        self.model.clear_date_range()

    def clear_filters(self) -> None:
        self.tag_box.blockSignals(True)
        self.tag_box.setCurrentIndex(0)
        self.tag_box.blockSignals(False)
        self.model.clear_filters()

    def set_thumbnail_size(self, pixels: int) -> None:
        self.size_slider.setValue(pixels)

    def open_lightbox(self, row: int) -> Lightbox | None:
        item = self.model.item_at(row)
        if item is None:
            return None
        if self.lightbox is None:
            collection = self._archive.collection.id if self._archive is not None else ""
            self.lightbox = Lightbox(self.model, row, self.window(), rotations=self.rotations,
                                     collection_id=collection)
            self.lightbox.turned.connect(lambda _item_id, _deg: self.view.viewport().update())
            self.lightbox.current_changed.connect(self._lightbox_moved)
            self.lightbox_created.emit(self.lightbox)
        else:
            self.lightbox.show_row(row)
        self.lightbox.show()
        self.lightbox.raise_()
        self.lightbox.activateWindow()
        self.item_activated.emit(item.id)
        return self.lightbox

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block (processing events) until no thumbnail is queued or being made (tests, screenshots)."""
        deadline = time.monotonic() + timeout_ms / 1000
        app = QApplication.instance()
        while time.monotonic() < deadline:
            app.processEvents()
            if self.loader.idle():
                app.processEvents()  # deliver the results that were queued last
                if self.loader.idle():
                    return True
            time.sleep(0.005)
        return False

    def shutdown(self) -> None:
        """Stop the worker threads (the app calls this at quit; it is also called on close)."""
        self._background.stop()
        self.loader.shutdown()

    # -- internals ----------------------------------------------------------------------------------------
    def _size_changed(self, value: int) -> None:
        value = max(MIN_THUMB, min(MAX_THUMB, value))
        self.delegate.thumb_size = value
        self.model.set_thumbnail_size(value, self.devicePixelRatioF())
        self.view.doItemsLayout()  # uniform item sizes: the cached cell size must be recomputed

    def _tag_chosen(self, _index: int) -> None:
        self.model.set_tag(self.tag_box.currentData())

    def _request_visible(self) -> None:
        first, last = self.view.visible_rows()
        if first >= 0:
            span = last - first + 1
            # keep pixmaps for a few screens around this one (not a fixed 96 MB): the budget follows the
            # viewport and the thumbnail size
            self.model.set_cache_window(span, PIXMAP_SCREENS)
            self.model.request_visible(first - span, first - 1)  # the screen above, served last
            self.model.request_visible(last + 1, last + span)  # the next screen, behind what is on screen
            self.model.request_visible(first, last)  # on top of the LIFO: what is on screen now

    def _check_in_background(self) -> None:
        if not self.loader.idle():
            return
        if self.model.check_more(8 * self.loader.thread_count) == 0:
            self._background.stop()
        self._update_problems_status()

    def _update_problems_status(self) -> None:
        total, checked = self.model.total, self.model.checked_count
        errors = sum(1 for e in self.model.problems() if e.severity == "error")
        text = fill(translate("GalleryPanel", "%1 file cannot be shown") if errors == 1 else
                    translate("GalleryPanel", "%1 files cannot be shown"), errors)
        if checked < total:
            text += fill(translate("GalleryPanel", " (checked %1 of %2 files so far)"), format_number(checked),
                         format_number(total))
        self.problems_status.setText(text)

    def _refresh_state(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if total == 0:
            self.count_label.setText(translate("GalleryPanel", "No photos"))
        elif shown == total:
            self.count_label.setText(fill(translate("GalleryPanel", "%1 photo") if total == 1 else
                                          translate("GalleryPanel", "%1 photos"), format_number(total)))
        else:
            self.count_label.setText(fill(translate("GalleryPanel", "%1 of %2 photos"), format_number(shown),
                                          format_number(total)))
        filtered = self.model.filtered
        self.show_all_button.setVisible(filtered and total > 0)
        if self.problems_button.isChecked():
            self.stack.setCurrentWidget(self.problems_page)
        elif total == 0:
            self.empty_label.setText(translate("GalleryPanel", EMPTY_ARCHIVE_TEXT))
            self.add_button.setVisible(True)
            self.empty_show_all.setVisible(False)
            self.stack.setCurrentWidget(self.empty)
        elif shown == 0:
            self.empty_label.setText(translate("GalleryPanel", NO_MATCH_TEXT))
            self.add_button.setVisible(False)
            self.empty_show_all.setVisible(True)
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.view)
            self._prefetch.start()
        if total and self.background_check and not self._background.isActive():
            self._background.start()
        self.sort_box.setEnabled(total > 0)
        self.size_slider.setEnabled(total > 0)
        self.count_changed.emit(shown, total)

    @property
    def empty_text(self) -> str:
        """What the empty state says, as plain text (tests)."""
        from PySide6.QtGui import QTextDocument
        doc = QTextDocument()
        doc.setHtml(self.empty_label.text())
        return doc.toPlainText()

    def _refresh_problems(self) -> None:
        entries = self.model.problems()
        errors = sum(1 for e in entries if e.severity == "error")
        self.problems_button.setText(fill(translate("GalleryPanel", "Problems (%1)"), errors) if errors else
                                     (fill(translate("GalleryPanel", "Notes (%1)"),
                                           len(entries)) if entries else translate("GalleryPanel", "Problems")))
        self.problems_button.setEnabled(bool(entries) or self.problems_button.isChecked())
        self.problems_view.clear()
        root = self._archive.root if self._archive is not None else None
        for entry in entries:
            file = entry.item.file
            shown = str(file.relative_to(root)) if (file and root and file.is_relative_to(root)) else str(file)
            reason = entry.message.split(": ", 1)[1] if ": " in entry.message else entry.message
            row = QTreeWidgetItem([shown, ("" if entry.severity == "error" else "(shown) ") + reason,
                                   entry.item.id])
            row.setToolTip(1, entry.message)
            row.setData(0, Qt.ItemDataRole.UserRole, entry.item.id)
            self.problems_view.addTopLevelItem(row)
        self._update_problems_status()

    def _show_problems(self, on: bool) -> None:
        self._refresh_state()

    def _problem_activated(self, row: QTreeWidgetItem, _column: int) -> None:
        item_id = row.data(0, Qt.ItemDataRole.UserRole)
        index = self.model.row_of(item_id)
        if index >= 0:
            self.problems_button.setChecked(False)
            self.view.setCurrentIndex(self.model.index(index))
            self.view.scrollTo(self.model.index(index))

    def _lightbox_moved(self, item_id: str) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def _add_photos(self) -> None:
        self.add_photos_requested.emit()
        if self.import_available:  # the import feature listens and takes over
            return
        self.add_hint.setText(translate("GalleryPanel", "Importing photos is not available yet. Start the app with "
                              "--archive FOLDER to open an archive that holds photos."))
        self.add_hint.setVisible(True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stack.currentWidget() is self.view:
            # ask for the first screen now: the workers read the disk cache while the GUI thread lays out
            # and paints the placeholders (the first paint would ask only once it is done)
            first, last = self.view.estimated_first_screen()
            if first >= 0:
                self.model.set_cache_window(last - first + 1, PIXMAP_SCREENS)
                self.model.request_visible(first, last)
        self._prefetch.start()  # then the exact rows, and the screens around them

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._prefetch.start()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)


def install_gallery(main_window, *, area=None, name: str = "gallery", title: str = "Photos") -> GalleryPanel:
    """Create the gallery for ``main_window``'s archive and hand it to the window.

    Expects ``main_window.result.archive`` (a LoadResult) and ``main_window.dirs.cache`` (UserDirs); the
    thumbnail cache goes to ``<cache>/thumbnails``. Uses ``main_window.add_panel(name, title, widget, area)``
    (a dock with a View ▸ Panels toggle and a remembered layout). Stops the worker threads when the app quits.
    """
    archive = main_window.result.archive
    panel = GalleryPanel(archive, cache_dir=Path(main_window.dirs.cache) / "thumbnails",
                         rotations=Rotations(main_window.dirs.data), parent=main_window)
    where = area if area is not None else Qt.DockWidgetArea.RightDockWidgetArea
    main_window.add_panel(name, title, panel, where)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(panel.shutdown)
    return panel


