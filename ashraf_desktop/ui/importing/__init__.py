"""Importing in the window: File ▸ Import files… / Import folder…, drag and drop onto the window (a BagIt bag
folder is imported as a bag), progress and Cancel in the status bar, the import report, and the Dublin Core
form (Edit ▸ Edit metadata…, the results' and the gallery's context menus, the report's added items).

``install_importing(window)`` connects it all; the work is done by :mod:`ashraf_desktop.core.ingest` and
:mod:`ashraf_desktop.core.integrity` (docs/gui.md, "Importing").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QMenu, QWidget

from .controller import FILE_FILTER, ImportController, is_bag, merge_reports, paths_from_mime
from .metadata import FIELDS, MIXED, MetadataDialog
from .report import ImportReportDialog, ReportModel, report_text
from ..i18n import fill, translate

__all__ = ["install_importing", "DropRedirect", "ImportController", "ImportReportDialog", "ReportModel",
           "MetadataDialog", "FIELDS", "MIXED", "report_text", "is_bag", "merge_reports", "paths_from_mime", "FILE_FILTER"]


def _gallery_context_menu(window: Any, controller: ImportController, pos: Any) -> None:
    gallery = window.gallery_panel
    view = gallery.view
    index = view.indexAt(pos)
    if index.isValid() and not view.selectionModel().isSelected(index):
        view.setCurrentIndex(index)
    ids = gallery.selected_ids()
    menu = QMenu(view)
    if ids:
        label = translate("importing", "Edit metadata…") if len(ids) == 1 else \
            fill(translate("importing", "Edit metadata of %1 photos…"), len(ids))
        menu.addAction(label, lambda: controller.edit_metadata(ids))
        if controller.ocr is not None:  # a photo of a letter or a poster: its words, machine-read
            menu.addAction(translate("importing", "Read the text in the photo (OCR)…") if len(ids) == 1 else
                           fill(translate("importing", "Read the text in %1 photos (OCR)…"),
                                len(ids)), lambda: controller.ocr.read_items(ids))
    menu.addAction(translate("importing", "Import photos…"), controller.choose_files)
    menu.exec(view.viewport().mapToGlobal(pos))
    menu.deleteLater()


class DropRedirect(QObject):
    """Files dragged over a widget that takes drops itself (the document view, the search box, a note)
    go to the import, like anywhere else on the window; text drags are left to the widget."""

    def __init__(self, controller: ImportController) -> None:
        super().__init__(controller)
        self.controller = controller

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            mime = event.mimeData()  # type: ignore[attr-defined]
            if self.controller.accepts(mime):
                if kind == QEvent.Type.Drop:
                    self.controller.drop(mime)
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        return False

    def watch(self, widget: QWidget | None) -> None:
        """Redirect file drops on ``widget`` and its descendants that accept drops."""
        if widget is None:
            return
        for child in [widget, *widget.findChildren(QWidget)]:
            if child.acceptDrops():
                child.installEventFilter(self)


def _wire_gallery(window: Any, controller: ImportController) -> None:
    """The gallery's "Add photos…" and its context menu (Edit metadata…, Import photos…)."""
    gallery = getattr(window, "gallery_panel", None)
    if gallery is None:
        return
    gallery.import_available = True
    gallery.add_photos_requested.connect(controller.choose_files)
    gallery.add_button.setToolTip(translate("importing",
                                            "Import photos into the archive (copies; the originals are not changed)"))
    gallery.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    gallery.view.customContextMenuRequested.connect(lambda pos: _gallery_context_menu(window, controller, pos))


def _panel_ready(window: Any, controller: ImportController, name: str) -> None:
    """A panel built after start-up: file drops on it import too; the gallery gets its import entries."""
    dock = window.panels.get(name)
    if dock is not None and controller.drop_redirect is not None:
        controller.drop_redirect.watch(dock.widget())
    if name == "gallery":
        _wire_gallery(window, controller)


def install_importing(window: Any) -> ImportController:
    """Create the window's importer: menu entries, drops, the gallery's "Add photos…", context menus. The
    window keeps the returned controller (``window.importer``)."""
    controller = ImportController(window)
    window.setAcceptDrops(True)
    redirect = DropRedirect(controller)
    controller.drop_redirect = redirect

    def watch_window() -> None:
        for dock in window.panels.values():
            redirect.watch(dock.widget())
        redirect.watch(window.tabs)
    first_painted = getattr(window, "first_painted", None)
    if first_painted is not None:  # after the first paint: wrapping every child widget costs start-up time
        first_painted.connect(lambda: QTimer.singleShot(0, redirect, watch_window))
    else:
        watch_window()
    window.tabs.page_changed.connect(lambda page: redirect.watch(page))  # tabs opened later

    m = window.menus
    m.add("import_files", translate("importing", "&Import files…"), controller.choose_files, "Ctrl+I", "file-text",
          translate("importing", "Add documents and photos to the archive (copies; the originals are not changed)"),
          menu="file", section="import")
    m.add("import_folder", translate("importing", "Import &folder…"), controller.choose_folder, "Ctrl+Shift+I",
          "folder-open",
          translate("importing",
                    "Add every document and photo of a folder, or a BagIt bag, to the "
                    "archive"), menu="file", section="import")

    from .ocr import install_ocr
    install_ocr(window, controller)

    m.add("edit_metadata", translate("importing", "Edit &metadata…"), lambda: controller.edit_metadata(), "Ctrl+E",
          None,
          translate("importing",
                    "Describe the selected items (or the open one): title, creator, date, "
                    "…"), menu="edit", section="metadata")

    window.search.edit_metadata_requested.connect(controller.edit_metadata)
    panel_ready = getattr(window, "panel_ready", None)
    if panel_ready is not None:  # panels the window builds after its first paint (MainWindow.ensure_panels)
        panel_ready.connect(lambda name: _panel_ready(window, controller, name))
    if panel_ready is None or "gallery" not in getattr(window, "pending_panels", ()):
        _wire_gallery(window, controller)  # a gallery that is already there
    provenance = getattr(window, "provenance", None)
    if provenance is not None and hasattr(provenance, "item_link_activated"):  # an e-mail <-> its attachments
        provenance.item_link_activated.connect(lambda item_id: window.open_item(item_id))
    if provenance is not None and hasattr(provenance, "edit_requested"):
        provenance.editing_available = True
        provenance.edit_requested.connect(lambda item_id: controller.edit_metadata([item_id]))
        provenance.show_item(provenance.item)
    return controller
