"""Annotations in the window: highlights and notes on text and PDF pages, regions on photos, the Annotations
panel, Edit ▸ Undo/Redo, File ▸ Export/Import/Restore, and the search index kept in step.

``install_annotations(window)`` connects everything to the window (its tabs, lightbox, search results and
menus); the data lives in :mod:`ashraf_desktop.core.annotations` (docs/annotations.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence

from ...core.annotations import COLOUR_HEX, Annotation, Colour
from .controller import AnnotationCommand, AnnotationController, format_for_path, region_from_fractions
from .model import AnnotationDelegate, AnnotationRole, AnnotationsModel
from ..preferences import AuthorPage
from .panel import AnnotationsPanel, render_note
from ..i18n import fill, translate

if TYPE_CHECKING:
    from ..gallery.lightbox import Lightbox
    from ..main_window import MainWindow
    from ..viewer.page import Page

__all__ = ["install_annotations", "AnnotationController", "AnnotationCommand", "AnnotationsPanel",
           "AnnotationsModel", "AnnotationDelegate", "AnnotationRole", "Wiring", "render_note", "format_for_path"]


class Wiring(QObject):
    """What connects the controller to the window's views (kept apart from MainWindow's own code)."""

    def __init__(self, window: MainWindow, controller: AnnotationController, panel: AnnotationsPanel) -> None:
        super().__init__(window)
        self.window, self.controller, self.panel = window, controller, panel
        self.lightbox: Lightbox | None = None
        tabs = window.tabs
        tabs.page_annotatable.connect(self.page_annotatable)
        tabs.annotate_requested.connect(self.annotate_page)
        tabs.page_changed.connect(self._page_changed)
        controller.changed.connect(self._changed)
        panel.open_requested.connect(self.open_annotation)
        panel.item_link.connect(lambda item_id: window.open_item(item_id))
        window.index_ready.connect(lambda _index: controller.sync_search())
        window.search.result_shown.connect(lambda _r: self._update_counts())
        window.archive_changed.connect(self._archive_changed)
        gallery = window.built_gallery()
        if gallery is not None:
            gallery.lightbox_created.connect(self.attach_lightbox)
            if gallery.lightbox is not None:
                self.attach_lightbox(gallery.lightbox)
        # installed on a window that already shows documents (the window builds this after its first paint)
        for page in tabs.pages():
            if page.extracted is not None:
                self.page_annotatable(page)
        self._page_changed(tabs.current_page())
        self._update_counts()

    # --- pages ---------------------------------------------------------------------------------------
    def page_annotatable(self, page: Page) -> None:
        """A page's text is known: re-anchor its item's annotations in it and paint them."""
        item = page.item
        if item is None:
            return
        self.controller.reanchor(item.id, page.extracted)
        page.set_annotations(self.controller.for_item(item.id))
        pending, page.pending_annotation = page.pending_annotation, None
        if pending is not None:
            page.show_annotation(pending)

    def _page_changed(self, page: Page | None) -> None:
        self.panel.set_item(page.item if page is not None else None,
                            selects_text=page.selects_text if page is not None else True)

    def _changed(self, which: Any) -> None:
        for page in self.window.tabs.pages():
            item = page.item
            if item is None or page.extracted is None:
                continue
            if which is None or (self.controller.collection_id, item.id) in which:
                page.set_annotations(self.controller.for_item(item.id))
        self._paint_lightbox()
        self._update_counts()

    def _archive_changed(self, _archive: Any) -> None:
        """Another archive: its own annotations (the store is shared; the collection id selects them)."""
        self.controller._counts = None
        self.panel.set_item(None)
        self.panel.refresh()
        self._update_counts()

    def _update_counts(self) -> None:
        self.window.search.results.set_annotation_counts(self.controller.counts())

    def annotate_page(self, page: Page | None = None, colour: str = "yellow", edit: bool = True
                      ) -> Annotation | None:
        """Annotate the page's selection (text) or current match / page (PDF); ``edit`` focuses the note."""
        page = page if page is not None else self.window.tabs.current_page()
        item = page.item if page is not None else None
        if page is None or item is None:
            self.controller._say(translate("Wiring", "Open a document first, then select the passage to annotate."))
            return None
        target = page.annotation_target()
        if target is None:
            self.controller._say(translate("Wiring",
                                           "Select a passage to annotate first.") if page.extracted is not None else
                                 translate("Wiring", "This document's text is not available to annotate."))
            return None
        kind, selector, _where = target
        if kind == "highlight" and edit and page.selects_text:
            kind = "note"  # "Add note to selection" on a text page: a comment on the passage
        created = self.controller.create(item, kind, text=selector, colour=colour, edit=edit)
        if created is not None:  # the new highlight shows instead of the selection
            page.clear_selection()
        if created is not None and edit:
            self.window.show_panel("annotations")
            self.panel.select_annotation(created, edit=True)
        return created

    # --- opening -------------------------------------------------------------------------------------
    def open_annotation(self, annotation: Annotation | str) -> Any:
        """Open an annotation's item at its place (a region: the photo in the lightbox) and select it."""
        a = self.controller.get(annotation) if isinstance(annotation, str) else annotation
        if a is None:
            self.controller._say(translate("Wiring", "That annotation no longer exists."))
            return None
        item = self.window.archive.item(a.item_id)
        if item is None:
            self.controller._say(fill(translate("Wiring", "The annotated item %1 is not in this archive."), a.item_id))
            return None
        self.window.show_panel("annotations")
        gallery = self.window.gallery_panel if a.region is not None else None
        if a.region is not None and gallery is not None:
            row = gallery.model.row_of(item.id)
            if row < 0:
                gallery.clear_filters()
                gallery.set_filter_ids(None)
                row = gallery.model.row_of(item.id)
            if row >= 0:
                box = gallery.open_lightbox(row)
                self.panel.select_annotation(a)
                return box
        page = self.window.tabs.open_item(item.id)
        if page is None:
            return None
        if self.panel.mode_key == "item":
            self.panel.set_item(item)
        self.panel.select_annotation(a)
        if page.extracted is not None:
            page.show_annotation(a)
        else:
            page.pending_annotation = a
        return page

    # --- the lightbox --------------------------------------------------------------------------------
    def attach_lightbox(self, lightbox: Lightbox) -> None:
        self.lightbox = lightbox
        lightbox.region_drawn.connect(self.region_drawn)
        lightbox.current_changed.connect(lambda _i: self._paint_lightbox())
        lightbox.canvas.region_clicked.connect(self._region_clicked)
        self._paint_lightbox()

    def region_drawn(self, item_id: str, fractions: Any) -> Annotation | None:
        item = self.window.archive.item(item_id)
        if item is None:
            return None
        created = self.controller.create(item, "region", region=region_from_fractions(*fractions), edit=True)
        if created is not None:
            self.window.show_panel("annotations")
            self.panel.set_item(item)
            self.panel.select_annotation(created, edit=True)
        return created

    def _region_clicked(self, annotation_id: str) -> None:
        a = self.controller.get(annotation_id)
        if a is not None:
            self.window.show_panel("annotations")
            self.panel.select_annotation(a)

    def _paint_lightbox(self) -> None:
        box = self.lightbox
        item = box.item if box is not None else None
        if box is None or item is None:
            return
        regions = []
        for a in self.controller.for_item(item.id):
            if a.region is None:
                continue
            r = a.region
            label = a.body.split("\n", 1)[0][:40] if a.body else ", ".join(a.tags)[:40]
            regions.append((a.id, QRectF(r.x / 100, r.y / 100, r.w / 100, r.h / 100),
                            QColor(COLOUR_HEX.get(Colour(a.colour), "#ffe066")), label))
        box.canvas.set_regions(regions)
        if self.panel.mode_key == "item" and box.isVisible():
            self.panel.set_item(item)


def install_annotations(window: MainWindow) -> Wiring:
    """Create the window's annotations: controller, panel (right dock, tabbed with Provenance), menus. The
    window keeps the returned wiring (``window.annotations`` is its controller)."""
    controller = AnnotationController(window)
    panel = AnnotationsPanel(controller, window)
    window.add_panel("annotations", translate("annotations", "Annotations"), panel,
                     Qt.DockWidgetArea.RightDockWidgetArea,
                     shortcut="Ctrl+Shift+N")
    wiring = Wiring(window, controller, panel)

    m = window.menus
    undo = controller.undo_stack.createUndoAction(window, translate("annotations", "&Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = controller.undo_stack.createRedoAction(window, translate("annotations", "&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    m.register("undo", undo, menu="edit", section="undo")
    m.register("redo", redo, menu="edit", section="undo")
    m.add("annotate", translate("annotations", "&Annotate selection…"),
          lambda: wiring.annotate_page(None, "yellow", True), "Ctrl+Shift+A",
          "quote", translate("annotations",
                             "A note on the selected passage (in a PDF: the current match, or the page)"),
          menu="edit", section="annotate")
    m.add("highlight", translate("annotations", "&Highlight selection"),
          lambda: wiring.annotate_page(None, "yellow", False), "Ctrl+Shift+H",
          None, translate("annotations", "Highlight the selected passage in yellow"), menu="edit", section="annotate")
    window.preferences.add_page(translate("annotations", "Annotations"),
                                AuthorPage(lambda: controller.author, controller.set_author))
    m.add("export_annotations", translate("annotations", "&Export annotations…"),
          lambda: controller.export_annotations(), menu="file",
          section="annotations")
    m.add("import_annotations", translate("annotations", "&Import annotations…"),
          lambda: controller.import_annotations(), menu="file",
          section="annotations")
    m.add("restore_annotations", translate("annotations", "&Restore annotations from backup…"),
          lambda: controller.restore_from_backup(),
          menu="file", section="annotations")
    QTimer.singleShot(0, controller.backup_in_background)
    if controller.error:
        QTimer.singleShot(0, lambda: window.show_message(controller.error, 15000))
    return wiring
