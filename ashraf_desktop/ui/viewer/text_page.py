"""A text, Markdown or HTML document in a tab, with every hit of the query highlighted.

Reading and decoding the file, and asking the index where the hits are, run on the task runner; the GUI
thread only builds the QTextDocument. Plain text is shown exactly as extracted, so the index's character
offsets are document positions (after UTF-16 conversion). Markdown and HTML are rendered, so there the hit
words the index reports are looked up in the rendered text instead.
"""

from __future__ import annotations

import html as html_mod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QMenu, QTextEdit, QWidget

from ...core.archive import Archive, Item
from ..look import highlight_colors
from ..tasks import TaskRunner
from .browser import SafeTextBrowser
from .hits import HitCursor, codepoint_offsets, query_terms, utf16_offsets
from .page import Location, Page
from ..i18n import fill, translate

__all__ = ["TextPage", "Loaded", "load_text", "VIEW_MAX_BYTES"]

#: The viewer refuses text files above this size with a message (a QTextDocument of 200 MB would take
#: minutes to lay out and gigabytes of memory); their text is still searchable.
VIEW_MAX_BYTES = 25_000_000


@dataclass
class Loaded:
    """What the worker hands the GUI thread: the text or markup to show and where the hits are."""

    kind: str  # "plain" | "html"
    text: str  # plain text, or HTML to render
    spans: list[tuple[int, int]] = field(default_factory=list)  # code-point offsets (plain only)
    terms: list[str] = field(default_factory=list)  # hit words to look up in rendered text
    warnings: tuple[str, ...] = ()
    extracted: Any = None  # the ExtractedText (what annotation offsets count in)


def _render_markdown(source: str) -> str:
    from markdown_it import MarkdownIt
    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").enable("strikethrough")
    return md.render(source)


def load_text(item: Item, index: Any, query: str) -> Loaded:
    """Runs on a worker thread: read and decode the held file, find the hits. Raises ExtractionError."""
    from ...core.extract import extract, media
    assert item.file is not None
    extracted = extract(item.file, item.media_type or None, max_bytes=VIEW_MAX_BYTES)
    spans: list[tuple[int, int]] = []
    terms: list[str] = []
    if query and index is not None:
        try:
            spans = [(h.start, h.end) for h in index.hit_spans(item.id, query)]
        except Exception:  # noqa: BLE001 - no highlights is better than no document
            spans = []
        seen: dict[str, None] = {}
        for s, e in spans:
            word = extracted.text[s:e].strip()
            if word:
                seen.setdefault(word.casefold(), None)
        terms = list(seen)
    if query and not terms:
        terms = query_terms(query)
    kind = extracted.media_type
    if kind == media.PLAIN:
        if not spans and terms:
            spans = _find_all(extracted.text, terms)
        return Loaded("plain", extracted.text, spans, terms, extracted.warnings, extracted)
    raw = item.file.read_bytes()
    source = raw.decode(extracted.encoding or "utf-8", errors="replace")
    if kind == media.MARKDOWN:
        return Loaded("html", _render_markdown(source), [], terms, extracted.warnings, extracted)
    return Loaded("html", source, [], terms, extracted.warnings, extracted)


def _find_all(text: str, terms: list[str]) -> list[tuple[int, int]]:
    folded = text.casefold() if len(text.casefold()) == len(text) else text.lower()
    spans = []
    for term in terms:
        t = term.casefold()
        if not t:
            continue
        start = folded.find(t)
        while start >= 0:
            spans.append((start, start + len(t)))
            start = folded.find(t, start + 1)
    return sorted(set(spans))


class TextPage(Page):
    selects_text = True

    def __init__(self, item: Item, archive: Archive, index: Any, runner: TaskRunner, location: Location,
                 parent: QWidget | None = None) -> None:
        super().__init__(location, parent)
        self.item, self.archive, self.index, self.runner = item, archive, index, runner
        self.title_text = item.title
        self.browser = SafeTextBrowser(archive.roots, self)
        self.browser.setObjectName("documentText")
        self.browser.setAccessibleName(translate("TextPage", "Document text"))
        # a caret for keyboard users: arrows move it, Shift+arrows select a passage to annotate or copy
        self.browser.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.browser.external_link.connect(
            lambda url: self.status_message.emit(fill(translate(
                "TextPage", "External link (not opened): %1 — right-click to open it in your browser"), url)))
        self.browser.highlighted.connect(lambda url: self.status_message.emit(url.toString()))
        self.stack.addWidget(self.browser)
        self.warning = QLabel(self)
        self.warning.setObjectName("noticeLabel")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.toolbar_layout.addWidget(self.warning, 1)
        self.cursor = HitCursor()
        self.query_cursor = HitCursor()
        self._zoom = 0
        self._loaded: Loaded | None = None
        self._wanted_offset: int | None = None  # go_to_offset before the hits were known
        self._reloading = False
        self.annotations: list[Any] = []
        self._annotation_spans: list[tuple[int, int, Any]] = []  # (start, end) document positions, annotation
        self.browser.extra_actions = self._context_actions
        self._key = ("page", id(self))
        self.show_message(fill(translate("TextPage", "Opening %1…"), self._file_name()), error=False)
        self.load()

    def _file_name(self) -> str:
        return self.item.file.name if self.item.file else self.item.id

    # --- loading -------------------------------------------------------------------------------------
    def load(self) -> None:
        item, index, query = self.item, self.index, self.location.query
        self.runner.run_task(lambda: load_text(item, index, query), self._show, self._failed, key=self._key,
                             label=fill(translate("TextPage", "Opening %1"), self._file_name()))

    def _failed(self, error: BaseException) -> None:
        reason = getattr(error, "reason", None) or f"{type(error).__name__}: {error}"
        self.show_message(fill(translate("TextPage", "<b>%1</b> cannot be shown.<br><br>%2"),
                               html_mod.escape(self._file_name()), html_mod.escape(str(reason))))
        self.mark_loaded()

    def _show(self, loaded: Loaded) -> None:
        self._loaded = loaded
        self._reloading = False
        doc = self.browser.document()
        doc.setBaseUrl(_dir_url(self.item.file))
        if loaded.kind == "plain":
            self.browser.setPlainText(loaded.text)
        else:
            self.browser.setHtml(loaded.text)
        if loaded.warnings:
            self.warning.setText(translate("TextPage", "Note: ") + "; ".join(loaded.warnings))
            self.warning.show()
        self.stack.setCurrentWidget(self.browser)
        self.is_loaded = True  # before highlighting, so the "1 of N" it announces is not blank
        self._place_annotations()
        self._highlight_query()
        self.mark_loaded()
        self.annotatable.emit()

    # --- hits ----------------------------------------------------------------------------------------
    def _doc_spans(self, loaded: Loaded) -> list[tuple[int, int]]:
        if loaded.kind == "plain" and loaded.spans:
            flat = [p for span in loaded.spans for p in span]
            mapped = utf16_offsets(loaded.text, flat)
            return list(zip(mapped[::2], mapped[1::2]))
        return self._find_in_document(loaded.terms)

    def _find_in_document(self, terms: list[str]) -> list[tuple[int, int]]:
        doc = self.browser.document()
        spans: set[tuple[int, int]] = set()
        for term in terms:
            # QTextDocument.find compares against block text with no-break spaces turned into spaces, so a
            # quote written with U+00A0 (as the sources' are) would never match: search with spaces. The
            # span found still covers the document's own characters.
            term = term.replace("\u00a0", " ") if term else term
            if not term:
                continue
            cursor = QTextCursor(doc)
            while True:
                cursor = doc.find(term, cursor)
                if cursor.isNull():
                    break
                spans.add((cursor.selectionStart(), cursor.selectionEnd()))
        return sorted(spans)

    def _highlight_query(self) -> None:
        loaded = self._loaded
        if loaded is None:
            return
        self.query_cursor.reset(self._doc_spans(loaded) if self.location.query else [])
        self.cursor = self.query_cursor
        quote = self.location.quote
        if quote:
            spans = self._find_in_document([quote]) or self._find_in_document([quote[:60]])
            if spans:
                self.cursor = HitCursor()
                self.cursor.reset(spans)
        self._go_to_wanted()
        self._paint_hits()
        self._scroll_to_current()

    def go_to_offset(self, offset: int, page: int | None = None) -> None:
        self._wanted_offset = offset
        if self._loaded is not None and not self._reloading:
            self._highlight_query()

    def _go_to_wanted(self) -> None:
        """The hit at the offset asked for becomes the current one (plain text: exactly; rendered HTML or
        Markdown, whose positions differ from the extracted text's: the hit at the same place in proportion)."""
        offset, self._wanted_offset = self._wanted_offset, None
        loaded = self._loaded
        if offset is None or loaded is None or self.cursor is not self.query_cursor or not self.cursor.count:
            return
        if loaded.kind == "plain":
            position = utf16_offsets(loaded.text, [offset])[0]
        else:
            total = len(loaded.extracted.text) if loaded.extracted is not None else 0
            position = int(self.browser.document().characterCount() * offset / total) if total else 0
        self.cursor.go_to_at_or_after(position)

    def _paint_hits(self) -> None:
        background, current_bg, text = highlight_colors()
        selections = self._annotation_selections()  # beneath the hits: later selections paint on top
        doc = self.browser.document()
        for i, (start, end) in enumerate(self.cursor.spans):
            sel = QTextEdit.ExtraSelection()
            c = QTextCursor(doc)
            c.setPosition(start)
            c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = c
            fmt = QTextCharFormat()
            fmt.setBackground(current_bg if i == self.cursor.current else background)
            fmt.setForeground(QColor(text))
            sel.format = fmt
            selections.append(sel)
        self.browser.setExtraSelections(selections)
        self.hits_changed.emit(self.hit_label())

    def _scroll_to_current(self) -> None:
        if self.cursor.current < 0:
            return
        self._show_span(*self.cursor.spans[self.cursor.current])

    def _show_span(self, start: int, end: int) -> None:
        """Scroll the passage into view, in context; it looks selected through its extra selection (a hit,
        an annotation), not the real selection, which stays empty."""
        c = QTextCursor(self.browser.document())
        c.setPosition(end)
        c.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(c)
        self.browser.ensureCursorVisible()
        c.clearSelection()
        self.browser.setTextCursor(c)
        self._keep_in_context(start, end)

    def _keep_in_context(self, start: int, end: int) -> None:
        """A match that ended up at an edge of the view (ensureCursorVisible scrolls as little as it can)
        is brought to a third of the way down, so the lines before it show too: a quoted passage opened
        from the timeline or an event is read with its context."""
        doc = self.browser.document()
        view_h = self.browser.viewport().height()
        first, last = QTextCursor(doc), QTextCursor(doc)
        first.setPosition(start)
        last.setPosition(end)
        top, bottom = self.browser.cursorRect(first).top(), self.browser.cursorRect(last).bottom()
        margin = 2 * self.browser.fontMetrics().lineSpacing()
        if top >= margin and bottom <= view_h - margin:
            return
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() + top - max(view_h // 3, margin))

    def hit_count(self) -> int:
        return self.cursor.count

    def current_hit_text(self) -> str:
        if self.cursor.current < 0:
            return ""
        start, end = self.cursor.spans[self.cursor.current]
        c = QTextCursor(self.browser.document())
        c.setPosition(start)
        c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return c.selectedText().replace("\u2029", "\n")

    def current_hit(self) -> int:
        return self.cursor.current

    def hit_label(self) -> str:
        if not self.is_loaded or (not self.location.query and not self.find_bar.isVisible()
                                  and not self.location.quote):
            return ""
        return self.cursor.label()

    def next_hit(self) -> None:
        self.cursor.step(True)
        self._paint_hits()
        self._scroll_to_current()

    def previous_hit(self) -> None:
        self.cursor.step(False)
        self._paint_hits()
        self._scroll_to_current()

    def find_text(self, text: str) -> None:
        if not text:
            self.cursor = self.query_cursor
        else:
            self.cursor = HitCursor()
            self.cursor.reset(self._find_in_document([text]))
            self.cursor.go_to_at_or_after(self.browser.textCursor().position())
        self._paint_hits()
        self._scroll_to_current()
        self.find_bar.label.setText(self.cursor.label() if text else "")

    def apply_query(self, query: str, quote: str = "") -> None:
        if query == self.location.query and quote == self.location.quote:
            return
        self.location = Location("item", self.item.id, query, quote)
        if self._loaded is not None and (self._loaded.kind != "plain" or not query):
            self._loaded.terms = query_terms(query)
        if query and self.index is not None:
            self._reloading = True
            self.load()  # ask the index where this query's hits are
        else:
            self._highlight_query()

    # --- zoom, copy ----------------------------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        self.browser.zoom_keeping_place(steps)
        self._zoom += steps

    def zoom_reset(self) -> None:
        self.zoom(-self._zoom)

    def reading_position(self) -> int | None:
        return self.browser.top_position() if self.is_loaded else None

    def go_to_reading_position(self, position: int) -> None:
        self.browser.scroll_to_position(position)

    def copy(self) -> None:
        if self.browser.textCursor().hasSelection():
            self.browser.copy()

    def clear_selection(self) -> None:
        cursor = self.browser.textCursor()
        cursor.clearSelection()
        self.browser.setTextCursor(cursor)

    def selected_text(self) -> str:
        return self.browser.textCursor().selectedText()

    def close_page(self) -> None:
        self.runner.cancel(self._key)

    def refresh_theme(self) -> None:
        if self.is_loaded and self._loaded is not None:
            self._paint_hits()

    # --- annotations ---------------------------------------------------------------------------------
    @property
    def extracted(self) -> Any:  # type: ignore[override]
        return self._loaded.extracted if self._loaded is not None else None

    def document_text(self) -> str:
        """The shown document's characters, one per position (UTF-16 units aside): paragraph breaks as
        newlines, no-break spaces as spaces."""
        raw = self.browser.document().toRawText()
        return raw.replace("\u2029", "\n").replace("\u2028", "\n")

    def _exact_offsets(self) -> bool:
        """Plain text is shown exactly as extracted: annotation offsets are document offsets."""
        return self._loaded is not None and self._loaded.kind == "plain"

    def set_annotations(self, annotations: list) -> None:
        self.annotations = list(annotations)
        if self.is_loaded and self._loaded is not None:
            self._place_annotations()
            self._paint_hits()

    def _place_annotations(self) -> None:
        """Where each text annotation is in the shown document (rendered HTML/Markdown: found by its quote
        and context, like re-anchoring; plain text: its offsets)."""
        from ...core.annotations import locate
        spans: list[tuple[int, int, Any]] = []
        loaded = self._loaded
        if loaded is None or loaded.extracted is None:
            self._annotation_spans = []
            return
        doc_text = self.document_text()
        source_len = max(1, len(loaded.extracted.text))
        for a in self.annotations:
            t = getattr(a, "text", None)
            if t is None or str(getattr(a, "status", "anchored")) != "anchored":
                continue
            if self._exact_offsets() and doc_text[t.start:t.end] == t.exact:
                start, end = t.start, t.end
            else:
                from dataclasses import replace
                guess = int(t.start * len(doc_text) / source_len)
                match = locate(replace(t, start=guess, end=guess + len(t.exact)), doc_text)
                if match is None:
                    continue
                start, end = match.start, match.end
            s16, e16 = utf16_offsets(doc_text, [start, end])
            spans.append((s16, e16, a))
        self._annotation_spans = spans

    def _annotation_selections(self) -> list:
        from ...core.annotations import COLOUR_HEX, Colour
        doc = self.browser.document()
        out = []
        for start, end, a in self._annotation_spans:
            sel = QTextEdit.ExtraSelection()
            c = QTextCursor(doc)
            c.setPosition(min(start, doc.characterCount() - 1))
            c.setPosition(min(end, doc.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = c
            fmt = QTextCharFormat()
            colour = QColor(COLOUR_HEX.get(Colour(a.colour), "#ffe066"))
            fmt.setBackground(colour)
            fmt.setForeground(QColor("#000"))
            if a.body:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setToolTip(a.body[:300])
            sel.format = fmt
            out.append(sel)
        return out

    def annotation_spans(self) -> list[tuple[int, int, Any]]:
        """(start, end, annotation) of the highlights painted, in document positions."""
        return list(self._annotation_spans)

    def select_range(self, start: int, end: int) -> None:
        """Select ``extracted.text[start:end]`` in the view, as the user would with the mouse (plain text
        maps offsets directly; rendered documents by the passage)."""
        doc_text = self.document_text()
        if not self._exact_offsets():
            from ...core.annotations import locate, text_selector
            found = locate(text_selector(self.extracted, start, end), doc_text)
            if found is None:
                return
            start, end = found.start, found.end
        s16, e16 = utf16_offsets(doc_text, [start, end])
        c = QTextCursor(self.browser.document())
        c.setPosition(s16)
        c.setPosition(e16, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(c)

    def selection_selector(self) -> Any:
        """The selection as a TextSelector into the extracted text, or None (nothing selected, or a passage
        of a rendered page that cannot be found in the document's text)."""
        c = self.browser.textCursor()
        if not c.hasSelection():
            return None
        return self._selector_between(c.selectionStart(), c.selectionEnd())

    def _selector_between(self, start: int, end: int) -> Any:
        """A TextSelector into the extracted text for the document positions ``start..end`` (or None)."""
        from dataclasses import replace
        from ...core.annotations import TextSelector, locate, text_selector
        extracted = self.extracted
        if extracted is None:
            return None
        doc_text = self.document_text()
        s, e = codepoint_offsets(doc_text, [start, end])
        while s < e and doc_text[s].isspace():
            s += 1
        while e > s and doc_text[e - 1].isspace():
            e -= 1
        if s >= e:
            return None
        source = extracted.text
        if self._exact_offsets() and source[s:e] == doc_text[s:e]:
            return text_selector(extracted, s, e)
        guess = int(s * len(source) / max(1, len(doc_text)))
        probe = TextSelector(exact=doc_text[s:e], prefix=doc_text[max(0, s - 32):s], suffix=doc_text[e:e + 32],
                             start=guess, end=guess + e - s)
        match = locate(probe, source) or locate(replace(probe, exact=" ".join(probe.exact.split())), source)
        if match is None:
            return None
        return text_selector(extracted, match.start, match.end)

    def annotation_target(self):
        if self.extracted is None:
            return None
        selector = self.selection_selector()
        if selector is None and self.cursor.current >= 0:  # no selection: the current match (as in a PDF)
            selector = self._selector_between(*self.cursor.spans[self.cursor.current])
            if selector is not None:
                return "highlight", selector, translate("TextPage", "the current match")
        if selector is None:
            return None
        return "highlight", selector, translate("TextPage", "the selected passage")

    def show_annotation(self, annotation) -> bool:
        for start, end, a in self._annotation_spans:
            if a.id == annotation.id:
                self._show_span(start, end)
                return True
        return False

    def _context_actions(self, menu: QMenu) -> None:
        """Annotation entries of the text's context menu (on a selection)."""
        if self.extracted is None or not self.browser.textCursor().hasSelection():
            return
        from ...core.annotations import COLOUR_HEX, Colour
        from ..annotations.panel import colour_name
        from ..annotations.widgets import colour_icon
        menu.addSeparator()
        highlight = menu.addMenu(translate("TextPage", "Highlight"))
        for colour in Colour:
            act = highlight.addAction(colour_icon(COLOUR_HEX[colour]), colour_name(colour.value))
            act.triggered.connect(lambda _c=False, c=colour.value: self.annotate_requested.emit(c, False))
        note = menu.addAction(translate("TextPage", "Add note to selection…"))
        note.triggered.connect(lambda: self.annotate_requested.emit("yellow", True))


def _dir_url(path: Path | None):
    from PySide6.QtCore import QUrl
    if path is None:
        return QUrl()
    return QUrl.fromLocalFile(str(path.parent) + "/")
