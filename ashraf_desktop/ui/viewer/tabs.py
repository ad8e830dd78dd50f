"""The centre of the window: one tab per open document, record or event.

Opening what is already open switches to its tab (and re-highlights for the new query) instead of
duplicating it. The tab widget forwards the current page's hit counter and status messages, so the window
connects once, not once per tab.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from ...core.archive import Archive, ItemKind
from ..look import icon
from ..search.models import kind_icon_name
from ..tasks import TaskRunner
from .info_pages import EventPage, RecordPage
from .page import Location, Page
from .text_page import TextPage
from ..i18n import fill, format_number, translate

__all__ = ["ViewerTabs"]


def _welcome_html(archive: Archive) -> str:
    c = archive.counts()
    return (f"<h2>{archive.collection.title}</h2><p>{archive.collection.description}</p><p>"
            + fill(translate("ViewerTabs", "%1 documents, %2 images, %3 records of works the archive refers to, "
                                           "%4 dated events."),
                   format_number(c["documents"]), format_number(c["images"]), format_number(c["records"]),
                   format_number(c["events"]))
            + "</p>" + translate("ViewerTabs", "<p>Search on the left (<b>Ctrl+K</b>), then open a result with "
                                               "<b>Enter</b>. <b>F3</b> and <b>Shift+F3</b> step through the matches "
                                               "in a document.</p>"))


class ViewerTabs(QTabWidget):
    page_changed = Signal(object)  # the current Page or None
    hits_changed = Signal(str)
    status_message = Signal(str)
    navigated = Signal(object)  # Location the user opened (for history)
    event_activated = Signal(str)
    page_annotatable = Signal(object)  # a Page whose text is known (annotations can be placed)
    annotate_requested = Signal(object, str, bool)  # Page, colour, with a note

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive, self.runner = archive, runner
        self.index: Any = None
        self.text_cache: Any = None
        self._factories: dict[str, tuple[Callable[[Location], Page | None], str]] = {}
        self.setObjectName("viewerTabs")
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setDocumentMode(True)
        self.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabCloseRequested.connect(self.close_tab)
        self.currentChanged.connect(self._current_changed)
        self.welcome = QLabel(_welcome_html(archive), self)
        self.welcome.setObjectName("welcome")
        self.welcome.setWordWrap(True)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setMargin(40)
        self.welcome.setTextFormat(Qt.TextFormat.RichText)
        self.addTab(self.welcome, translate("ViewerTabs", "Welcome"))

    def set_archive(self, archive: Archive) -> None:
        while self.count():
            self.close_tab(0, force=True)
        self.archive = archive
        self.welcome.setText(_welcome_html(archive))
        self.addTab(self.welcome, translate("ViewerTabs", "Welcome"))

    def register_page(self, kind: str, factory: Callable[[Location], Page | None], icon_name: str = "file") -> None:
        """Open locations of ``kind`` ("facts", "library", …: the app's own views) with ``factory``."""
        self._factories[kind] = (factory, icon_name)

    def set_index(self, index: Any, text_cache: Any) -> None:
        """The search index is open: pages opened from now on, and those open, highlight through it."""
        self.index, self.text_cache = index, text_cache
        for page in self.pages():
            page.set_index(index)

    def update_archive(self, archive: Archive) -> None:
        """The same archive reloaded (items imported or described): open tabs stay, with their items'
        new descriptions; what is opened next comes from ``archive``."""
        self.archive = archive
        self.welcome.setText(_welcome_html(archive))
        for page in self.pages():
            page.refresh_archive(archive)
            item = page.item
            fresh = archive.item(item.id) if item is not None else None
            if fresh is None or fresh == item:
                continue
            page.item = fresh
            if fresh.title != item.title:
                page.title_text = fresh.title
                i = self.indexOf(page)
                self.setTabText(i, _short(fresh.title))
                self.setTabToolTip(i, fresh.title)

    # --- opening -------------------------------------------------------------------------------------
    def pages(self) -> list[Page]:
        return [w for i in range(self.count()) if isinstance(w := self.widget(i), Page)]

    def current_page(self) -> Page | None:
        w = self.currentWidget()
        return w if isinstance(w, Page) else None

    def _find(self, location: Location) -> Page | None:
        for page in self.pages():
            if page.location.kind == location.kind and page.location.id == location.id:
                return page
        return None

    def open_location(self, location: Location, *, record: bool = True) -> Page | None:
        """Show ``location`` in its tab (creating it when needed); returns the page, or None if unknown."""
        page = self._find(location)
        if page is not None:
            page.apply_query(location.query, location.quote)
            self.setCurrentWidget(page)
        else:
            page = self._create(location)
            if page is None:
                self.status_message.emit(fill(translate("ViewerTabs", "Not in this archive: %1"), location.id))
                return None
            self._add(page)
        if record:
            self.navigated.emit(location)
        return page

    def open_item(self, item_id: str, query: str = "", quote: str = "") -> Page | None:
        return self.open_location(Location("item", item_id, query, quote))

    def open_event(self, event_id: str) -> Page | None:
        return self.open_location(Location("event", event_id))

    def _create(self, location: Location) -> Page | None:
        if location.kind in self._factories:
            return self._factories[location.kind][0](location)
        if location.kind == "event":
            event = self.archive.event(location.id)
            return EventPage(event, self.archive, location, self) if event else None
        item = self.archive.item(location.id)
        if item is None:
            return None
        if item.kind is ItemKind.RECORD or item.file is None:
            return RecordPage(item, self.archive, location, self)
        if item.kind is ItemKind.IMAGE:
            return _ImagePage(item, location, self)
        fmt = (item.media_type or "").lower()
        if fmt == "application/pdf" or item.file.suffix.lower() == ".pdf":
            from .pdf_page import PdfPage  # QtPdf is loaded with the first PDF opened, not at start-up
            return PdfPage(item, self.archive, self.index, self.runner, location, self, text_cache=self.text_cache)
        if fmt == "message/rfc822":  # an e-mail: its attachments linked above its text (issue 18)
            from .mail_page import MailPage
            return MailPage(item, self.archive, self.index, self.runner, location, self)
        return TextPage(item, self.archive, self.index, self.runner, location, self)

    def _add(self, page: Page) -> None:
        if self.indexOf(self.welcome) >= 0:
            self.removeTab(self.indexOf(self.welcome))
        if page.location.kind in self._factories:
            tab_icon = icon(self._factories[page.location.kind][1])
        else:
            kind = "event" if page.location.kind == "event" else (page.item.kind if page.item else "document")
            tab_icon = icon(kind_icon_name(str(kind)))
        i = self.addTab(page, tab_icon, _short(page.title_text))
        self.setTabToolTip(i, page.title_text)
        page.hits_changed.connect(lambda label, p=page: self._page_hits(p, label))
        page.status_message.connect(self.status_message)
        page.open_location.connect(self.open_location)
        page.event_activated.connect(self.event_activated)
        page.annotatable.connect(lambda p=page: self.page_annotatable.emit(p))
        page.annotate_requested.connect(lambda colour, note, p=page: self.annotate_requested.emit(p, colour, note))
        self.setCurrentIndex(i)

    def close_tab(self, i: int, force: bool = False) -> None:
        w = self.widget(i)
        if w is self.welcome and not force:
            self.removeTab(i)
            return
        if isinstance(w, Page):
            w.close_page()
        self.removeTab(i)
        if isinstance(w, Page):
            w.deleteLater()
        if self.count() == 0 and not force:
            self.addTab(self.welcome, translate("ViewerTabs", "Welcome"))

    def close_current(self) -> None:
        if self.count():
            self.close_tab(self.currentIndex())

    def _page_hits(self, page: Page, label: str) -> None:
        if page is self.currentWidget():
            self.hits_changed.emit(label)

    def _current_changed(self, _i: int) -> None:
        page = self.current_page()
        self.page_changed.emit(page)
        self.hits_changed.emit(page.hit_label() if page else "")


def _short(title: str, limit: int = 32) -> str:
    return title if len(title) <= limit else title[:limit - 1] + "…"


class _ImagePage(Page):
    """Placeholder view of a held image until the gallery issue brings its own viewer: the picture, scaled."""

    def __init__(self, item, location: Location, parent: QWidget | None = None) -> None:
        super().__init__(location, parent)
        from PySide6.QtGui import QPixmap
        self.item = item
        self.title_text = item.title
        label = QLabel(self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pm = QPixmap(str(item.file))
        if pm.isNull():
            self.show_message(fill(translate("_ImagePage",
                                             "<b>%1</b> cannot be shown: the image is damaged or in an unsupported "
                                             "format."), item.file.name))
        else:
            label.setPixmap(pm.scaled(1200, 900, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation))
            self.stack.addWidget(label)
            self.stack.setCurrentWidget(label)
        self.is_loaded = True
