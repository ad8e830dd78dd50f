"""A PDF in a tab: QtPdf's view with pages, zoom, fit width, a page number box, hit stepping, and text
selected with the mouse.

Hits are QtPdf's own search results (QPdfSearchModel), so they are drawn on the page where the words are;
on pages whose text is machine-read (OCR, ``core.ocr``) QtPdf finds nothing, so those hits are drawn at the
boxes of the words Tesseract read. QPdfSearchModel takes one search string: the word the index matched most
often in this document (or the query's first word) is the one highlighted; Ctrl+F searches any other text.
The mouse selects text (:mod:`.pdf_canvas`): on a born-digital page through QtPdf's character boxes, on an
OCR'd page through the word boxes; the selection is copied (Ctrl+C, in logical order for Persian and Arabic)
and annotated with the same W3C selectors as any text (page + quote + position).
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

from PySide6.QtCore import QModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QSpinBox, QToolButton, QWidget

from ...core.archive import Archive, Item
from ..look import icon
from ..tasks import TaskRunner
from .hits import query_terms
from .page import Location, Page
from .pdf_canvas import CURRENT_HIT, HIT, PdfCanvas
from .pdf_text_map import PdfTextMap
from ..i18n import fill, format_number, translate

__all__ = ["PdfPage", "pdf_hit_term"]

_ZOOM_STEP = 1.2


def pdf_hit_term(item: Item, index: Any, query: str, text_cache: Any = None) -> str:
    """Runs on a worker: the word to highlight - what the index matched most often here, else the query's."""
    if not query:
        return ""
    if index is not None and item.file is not None:
        try:
            spans = index.hit_spans(item.id, query)
            if spans:
                if text_cache is not None:
                    extracted = text_cache.get(item.sha256, item.file, item.media_type or None)
                else:
                    from ...core.extract import extract
                    extracted = extract(item.file, item.media_type or None)
                words = Counter(extracted.text[h.start:h.end].strip().casefold() for h in spans)
                words.pop("", None)
                if words:
                    return words.most_common(1)[0][0]
        except Exception:  # noqa: BLE001 - fall back to the query's own words
            pass
    terms = query_terms(query)
    return terms[0] if terms else ""


class PdfPage(Page):
    def __init__(self, item: Item, archive: Archive, index: Any, runner: TaskRunner, location: Location,
                 parent: QWidget | None = None, *, text_cache: Any = None) -> None:
        super().__init__(location, parent)
        self.item, self.archive, self.index, self.runner, self.text_cache = item, archive, index, runner, text_cache
        self.title_text = item.title
        self._key = ("page", id(self))
        self.document = QPdfDocument(self)
        self.view = PdfCanvas(self)
        self.view.selector = self._select
        self.view.setObjectName("pdfView")
        self.view.setAccessibleName(translate("PdfPage", "PDF pages"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.search = QPdfSearchModel(self)
        self.search.setDocument(self.document)
        self.view.setSearchModel(self.search)
        self.stack.addWidget(self.view)
        self._term = ""
        self._jump_pending = False
        self._wanted_page: int | None = None  # go_to_offset's page, kept until the hits are found
        self._ocr_current = -1
        self._extracted: Any = None
        self._layer: Any = None  # the machine-read text layer (core.ocr.OcrLayer), when pages were read
        self.text_map: PdfTextMap | None = None  # text offsets <-> boxes on the pages, once the text is read
        self._ocr_hits: list[tuple[int, list[QRectF]]] = []  # (page, word boxes) on machine-read pages
        self.annotations: list[Any] = []
        self._build_toolbar()
        self.search.rowsInserted.connect(self._search_grew)
        self.search.modelReset.connect(self._search_grew)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.view.currentSearchResultIndexChanged.connect(lambda _i: self.hits_changed.emit(self.hit_label()))
        self.open_file()

    # --- toolbar -------------------------------------------------------------------------------------
    def _tool(self, name: str, tip: str, slot) -> QToolButton:
        b = QToolButton(self)
        b.setIcon(icon(name))
        b.setToolTip(tip)
        b.setAccessibleName(tip.split(" (")[0])  # "Previous page (Page Up)": the name without the key
        b.setAutoRaise(True)
        b.clicked.connect(slot)
        self.toolbar_layout.addWidget(b)
        return b

    def _build_toolbar(self) -> None:
        self._tool("chevron-up", translate("PdfPage", "Previous page (Page Up)"),
                   lambda: self.go_to_page(self.current_page() - 1))
        self._tool("chevron-down", translate("PdfPage", "Next page (Page Down)"),
                   lambda: self.go_to_page(self.current_page() + 1))
        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("pageNumber")
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.setAccessibleName(translate("PdfPage", "Page number"))
        self.page_box.valueChanged.connect(lambda v: self.go_to_page(v - 1))
        self.toolbar_layout.addWidget(self.page_box)
        self.page_count = QLabel(translate("PdfPage", "of 0"), self)
        self.toolbar_layout.addWidget(self.page_count)
        self.toolbar_layout.addSpacing(12)
        self._tool("zoom-out", translate("PdfPage", "Zoom out (Ctrl+-)"), lambda: self.zoom(-1))
        self._tool("zoom-in", translate("PdfPage", "Zoom in (Ctrl++)"), lambda: self.zoom(1))
        self._tool("move-horizontal", translate("PdfPage", "Fit width"), self.fit_width)
        self._tool("maximize", translate("PdfPage", "Fit page"), self.fit_page)
        self._tool("copy", translate("PdfPage", "Copy the text of this page"), self.copy_page_text)
        self.annotate_button = self._tool("quote",
                                          translate("PdfPage",
                                                    "Annotate the text selected with the mouse, else the current "
                                          "match, else this page (Ctrl+Shift+A)"),
                                          lambda: self.annotate_requested.emit("yellow", True))
        self.annotate_button.setObjectName("pdfAnnotate")
        self.annotate_button.setEnabled(False)
        self.annotation_label = QLabel(self)
        self.annotation_label.setObjectName("pdfAnnotationCount")
        self.toolbar_layout.addWidget(self.annotation_label)
        self.machine_label = QLabel(self)  # "machine-read text" on pages read by OCR
        self.machine_label.setObjectName("pdfMachineRead")
        self.machine_label.hide()
        self.toolbar_layout.addWidget(self.machine_label)
        self.toolbar_layout.addStretch(1)

    # --- loading -------------------------------------------------------------------------------------
    def _name(self) -> str:
        return self.item.file.name if self.item.file else self.item.id

    def open_file(self, password: str | None = None) -> None:
        if password is not None:
            self.document.setPassword(password)
        assert self.item.file is not None
        error = self.document.load(str(self.item.file))
        name = html.escape(self._name())
        E = QPdfDocument.Error
        if error == E.None_:
            self.page_box.setMaximum(max(1, self.document.pageCount()))
            self.page_count.setText(fill(translate("PdfPage", "of %1"), self.document.pageCount()))
            self.stack.setCurrentWidget(self.view)
            self.error = None
            self.mark_loaded()
            self._start_hits()
            self._load_text()
            return
        if error == E.IncorrectPassword:
            again = translate("PdfPage", " That password is not right.") if password is not None else ""
            self.show_message(fill(translate("PdfPage", "<b>%1</b> is encrypted and needs a password to open.%2"),
                                   name, again),
                              action=translate("PdfPage", "Enter password…"), callback=self.ask_password)
        elif error == E.FileNotFound:
            self.show_message(fill(translate("PdfPage",
                                             "<b>%1</b> cannot be shown: the file does not exist (moved or "
                                             "deleted?)."), name))
        elif error == E.UnsupportedSecurityScheme:
            self.show_message(fill(translate("PdfPage",
                                             "<b>%1</b> is encrypted with a method this viewer does not "
                                             "support."), name))
        else:
            self.show_message(fill(translate("PdfPage",
                                             "<b>%1</b> cannot be shown: it is damaged or not a PDF (the PDF reader "
                                             "reported: %2)."), name, error.name))
        self.mark_loaded()

    def ask_password(self) -> None:
        password, ok = QInputDialog.getText(self, translate("PdfPage", "Password"),
                                            fill(translate("PdfPage", "Password for %1:"), self._name()),
                                            QLineEdit.EchoMode.Password)
        if ok:
            self.open_file(password)

    # --- hits ----------------------------------------------------------------------------------------
    def _start_hits(self) -> None:
        query = self.location.query
        if not query:
            self._set_term(self.location.quote[:80] if self.location.quote else "")
            return
        item, index, cache = self.item, self.index, self.text_cache
        self.runner.run_task(lambda: pdf_hit_term(item, index, query, cache), self._set_term,
                             lambda _e: self._set_term((query_terms(query) or [""])[0]), key=self._key,
                             label=translate("PdfPage", "Finding hits"))

    def _set_term(self, term: str) -> None:
        self._term = term
        self._jump_pending = bool(term) and self._wanted_page is None
        if self._wanted_page is not None:
            self.go_to_page(self._wanted_page)
        self.search.setSearchString(term)
        self._find_machine_read(term)
        self.hits_changed.emit(self.hit_label())

    def _find_machine_read(self, term: str) -> None:
        """The term on the pages QtPdf cannot search (machine-read): boxes of the words it falls on."""
        self._ocr_hits = self.text_map.machine_read_hits(term) if self.text_map is not None else []
        self._paint_ocr_hits()
        if self._ocr_hits and self._jump_pending and self.search.rowCount(QModelIndex()) == 0:
            self._jump_pending = False
            self._go_to_result(0)

    def _paint_ocr_hits(self, current: int = -1) -> None:
        overlay: dict[int, list] = {}
        for i, (page, boxes) in enumerate(self._ocr_hits):
            overlay.setdefault(page, []).extend((box, CURRENT_HIT if i == current else HIT) for box in boxes)
        self.view.set_overlay(overlay)

    def _search_grew(self, *args: Any) -> None:
        if self._jump_pending and self.search.rowCount(QModelIndex()) > 0:
            self._jump_pending = False
            self._go_to_result(0)
        self.hits_changed.emit(self.hit_label())
        if self.find_bar.isVisible():
            self.find_bar.label.setText(self.hit_label())

    def hit_count(self) -> int:
        return self.search.rowCount(QModelIndex()) + len(self._ocr_hits) if self._term else 0

    def current_hit(self) -> int:
        if self._ocr_current >= 0:
            return self.search.rowCount(QModelIndex()) + self._ocr_current
        return self.view.currentSearchResultIndex()

    def hit_label(self) -> str:
        if not self._term:
            return ""
        n = self.hit_count()
        if not n:
            return translate("PdfPage", "No matches")
        return fill(translate("PdfPage", "%1 of %2"), max(0, self.current_hit()) + 1, n)

    def _go_to_result(self, i: int) -> None:
        n = self.search.rowCount(QModelIndex())
        total = n + len(self._ocr_hits)
        if not total:
            return
        i %= total
        if i >= n:  # a hit on a machine-read page: drawn by the canvas
            self._ocr_current = i - n
            page, boxes = self._ocr_hits[self._ocr_current]
            self._paint_ocr_hits(self._ocr_current)
            top = boxes[0].top() if boxes else 0.0
            self.view.pageNavigator().jump(page, QPointF(0, max(0.0, top - 40)), self.view.zoomFactor())
            self.hits_changed.emit(self.hit_label())
            return
        self._ocr_current = -1
        self._paint_ocr_hits()
        self.view.setCurrentSearchResultIndex(i)
        link = self.search.resultAtIndex(i)
        loc = link.location()
        self.view.pageNavigator().jump(link.page(), QPointF(0, max(0.0, loc.y() - 40)), self.view.zoomFactor())
        self.hits_changed.emit(self.hit_label())

    def next_hit(self) -> None:
        self._go_to_result(self.current_hit() + 1)

    def previous_hit(self) -> None:
        self._go_to_result(self.current_hit() - 1)

    def find_text(self, text: str) -> None:
        self._set_term(text or "")

    def apply_query(self, query: str, quote: str = "") -> None:
        self.location = Location("item", self.item.id, query, quote)
        self._start_hits()

    # --- pages, zoom ---------------------------------------------------------------------------------
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_offset(self, offset: int, page: int | None = None) -> None:
        """A concordance line: its page, with the query's hits highlighted (not the first hit's page)."""
        if page is None:
            return
        self._wanted_page = page - 1
        self._jump_pending = False
        self.go_to_page(page - 1)

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.document.pageCount() and page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def reading_position(self) -> int | None:
        """The page shown (kept when the app closes; ui/window/session.py)."""
        return self.current_page() if self.is_loaded and self.error is None else None

    def go_to_reading_position(self, position: int) -> None:
        self.go_to_page(position)

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self._label_machine_read(page)

    def _label_machine_read(self, page: int) -> None:
        """Say on the toolbar when the page's text was read by OCR, and by what (it may contain errors)."""
        machine = page + 1 in getattr(self._extracted, "machine_read", ())
        layer = self.item.text_layer
        self.machine_label.setVisible(machine)
        if machine:
            self.machine_label.setText(translate("PdfPage", "machine-read text (OCR)"))
            if layer is not None:
                self.machine_label.setToolTip(fill(translate("PdfPage", "The text of this page was read by %1 (%2) on "
                                                                        "%3; it may contain errors. The page itself is "
                                                                        "the scan."),
                                                   layer.engine, "+".join(layer.languages), layer.date))

    def zoom(self, steps: int) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(10.0, self.view.zoomFactor() * (_ZOOM_STEP ** steps))))

    def zoom_reset(self) -> None:
        self.fit_width()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def copy_page_text(self) -> None:
        selection = self.document.getAllText(self.current_page())
        text = selection.text() if selection.isValid() else ""
        QGuiApplication.clipboard().setText(text)
        self.status_message.emit(fill(translate("PdfPage", "Copied the text of page %1"),
                                      self.current_page() + 1) if text
                                 else translate("PdfPage", "This page has no text layer (a scan?)"))

    def copy(self) -> None:
        """Ctrl+C: the selection's text (as the archive's text has it), else the page's."""
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.status_message.emit(fill(translate("PdfPage", "Copied %1 characters"), format_number(len(text))))
            return
        self.copy_page_text()

    def selected_text(self) -> str:
        selection, extracted = self.view.selection, self._extracted
        if selection is None or extracted is None:
            return ""
        return extracted.text[selection[1]:selection[2]]

    # --- annotations on the page -------------------------------------------------------------------------
    def _paint_annotations(self) -> None:
        """Each highlight drawn where its passage is: the OCR word boxes, or QtPdf's character boxes."""
        from PySide6.QtGui import QColor

        from ...core.annotations import COLOUR_HEX, locate
        extracted = self._extracted
        overlay: dict[int, list] = {}
        for annotation in self.annotations if extracted is not None and self.text_map is not None else ():
            selector = getattr(annotation, "text", None)
            if selector is None or str(getattr(annotation, "status", "anchored")) != "anchored":
                continue
            start, end = selector.start, selector.end
            if extracted.text[start:end] != selector.exact:
                match = locate(selector, extracted.text)
                if match is None:
                    continue
                start, end = match.start, match.end
            number = extracted.page_of(start)
            bounds = self._page_range(number) if number else None
            if bounds is None:
                continue
            colour = QColor(COLOUR_HEX.get(getattr(annotation, "colour", None), "#ffd500"))
            colour.setAlpha(90)
            boxes = self.text_map.boxes(number - 1, start - bounds[0], min(end, bounds[1]) - bounds[0])
            overlay.setdefault(number - 1, []).extend((box, colour) for box in boxes)
        self.view.set_overlay(overlay, "annotations")

    # --- selection -------------------------------------------------------------------------------------
    def _select(self, page: int, start: QPointF, end: QPointF):
        """The text between two points of a page (the canvas asks, as the mouse moves)."""
        return self.text_map.select(page, start, end) if self.text_map is not None else None

    # --- annotations ---------------------------------------------------------------------------------
    # An annotation goes on the mouse selection; without one on the current match (of the search or of
    # Ctrl+F), or - with no match - on the current page (a note anchored on the page's first words).
    def _load_text(self) -> None:
        item, cache = self.item, self.text_cache

        def work() -> Any:
            if cache is not None:
                extracted = cache.get(item.sha256, item.file, item.media_type or None)
            else:
                from ...core.extract import extract
                extracted = extract(item.file, item.media_type or None)
            layer = None
            if getattr(extracted, "machine_read", ()) and item.text_layer is not None:
                from ...core.ocr import LayerError, read_layer
                try:
                    layer = read_layer(item.text_layer.file)
                except (LayerError, OSError):
                    layer = None
            return extracted, layer

        self.runner.run_task(work, self._text_loaded, lambda _e: None, key=("pdf-text", id(self)),
                             label=translate("PdfPage", "Reading the text layer"))

    def _text_loaded(self, loaded: Any) -> None:
        self._extracted, self._layer = loaded
        self.text_map = PdfTextMap(self.document, self._extracted, self._layer)
        self._label_machine_read(self.current_page())
        self.annotate_button.setEnabled(True)
        self._paint_annotations()
        if self._term:
            self._find_machine_read(self._term)
        self.annotatable.emit()

    @property
    def extracted(self) -> Any:  # type: ignore[override]
        return self._extracted

    def set_annotations(self, annotations: list) -> None:
        self.annotations = list(annotations)
        self._paint_annotations()
        n = len(self.annotations)
        self.annotation_label.setText(f"✎ {n}" if n else "")
        self.annotation_label.setToolTip(fill(translate("PdfPage",
                                                        "%1 annotation on this document (Annotations panel)") if n == 1
                                              else translate("PdfPage",
                                                             "%1 annotations on this document (Annotations panel)"), n))

    def _page_range(self, number: int) -> tuple[int, int] | None:
        for page in getattr(self._extracted, "pages", ()) or ():
            if page.number == number:
                return page.start, page.end
        return None

    def annotation_target(self):
        from ...core.annotations import text_selector
        extracted = self._extracted
        if extracted is None:
            return None
        text = extracted.text
        selection = self.view.selection
        if selection is not None and selection[2] > selection[1]:
            return "highlight", text_selector(extracted, selection[1], selection[2]), \
                fill(translate("PdfPage", "the selection on page %1"), selection[0] + 1)
        i = self.current_hit()
        if self._term and 0 <= i < self.search.rowCount(QModelIndex()):
            link = self.search.resultAtIndex(i)
            page = link.page()
            nth = sum(1 for j in range(i) if self.search.resultAtIndex(j).page() == page)
            bounds = self._page_range(page + 1)
            if bounds is not None:
                folded = text[bounds[0]:bounds[1]].casefold()
                term = self._term.casefold()
                at, seen = folded.find(term), 0
                while at >= 0 and seen < nth:
                    at, seen = folded.find(term, at + 1), seen + 1
                if at >= 0 and len(folded) == bounds[1] - bounds[0]:
                    start = bounds[0] + at
                    return "highlight", text_selector(extracted, start, start + len(term)), \
                        fill(translate("PdfPage", "the match on page %1"), page + 1)
        bounds = self._page_range(self.current_page() + 1)
        if bounds is None:
            return None
        start, end = bounds
        while start < end and text[start].isspace():
            start += 1
        line_end = text.find("\n", start, end)
        stop = min(end, line_end if line_end > start else end, start + 80)
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop <= start:
            return None  # a page without a text layer
        return "note", text_selector(extracted, start, stop), f"page {self.current_page() + 1}"

    def show_annotation(self, annotation) -> bool:
        page = getattr(annotation, "page", None)
        if not page:
            return False
        self.view.pageNavigator().jump(page - 1, QPointF(), self.view.zoomFactor())
        if annotation.quote and str(annotation.kind) == "highlight":
            self._set_term(annotation.quote[:80])
            self._jump_pending = False  # stay on the annotation's page, not the first match of the words
        return True

    def close_page(self) -> None:
        self.runner.cancel(self._key)
        self.runner.cancel(("pdf-text", id(self)))
        self.view.setSearchModel(None)
        # the search stops with an empty string; setDocument(None) would make Qt warn ("invalid nullptr
        # parameter"), and the model lets go of the pages when the document closes (its pageCount becomes 0)
        self.search.setSearchString("")
        self.document.close()

