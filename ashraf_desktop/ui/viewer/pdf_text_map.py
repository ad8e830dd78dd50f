"""Between a PDF's extracted text (what search, copy and annotations count in) and boxes on its pages.

Offsets are those of :class:`ExtractedText` (pages joined by the page separator, ``"\\n"`` line ends).
A born-digital page is mapped through QtPdf: its selections count characters of its own page text, which
ends lines with ``"\\r\\n"`` where ours has ``"\\n"``; a page whose text is machine-read (OCR) through the
word boxes of its layer (``core.ocr``), in logical order for Persian and Arabic.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtPdf import QPdfDocument

__all__ = ["PdfTextMap"]


def _rects(boxes: list[tuple[float, float, float, float]]) -> list[QRectF]:
    return [QRectF(QPointF(x0, y0), QPointF(x1, y1)) for x0, y0, x1, y1 in boxes]


def _nearest(text: str, wanted: str, near: int) -> int:
    """The start of the occurrence of ``wanted`` in ``text`` closest to ``near``, or -1."""
    best, at = -1, text.find(wanted)
    while at >= 0:
        if best < 0 or abs(at - near) < abs(best - near):
            best = at
        at = text.find(wanted, at + 1)
    return best


class PdfTextMap:
    def __init__(self, document: QPdfDocument, extracted: Any, layer: Any = None) -> None:
        self.document, self.extracted, self.layer = document, extracted, layer
        self._raw: dict[int, str] = {}

    def bounds(self, number: int) -> tuple[int, int] | None:
        """(start, end) of 1-based page ``number`` in the extracted text."""
        for page in getattr(self.extracted, "pages", ()) or ():
            if page.number == number:
                return page.start, page.end
        return None

    def machine_read(self, page: int) -> Any:
        """The OCR page (``core.ocr.OcrPage``) of 0-based ``page``, when its text is machine-read."""
        if self.layer is None or page + 1 not in getattr(self.extracted, "machine_read", ()):
            return None
        return self.layer.page(page + 1)

    def raw_text(self, page: int) -> str:
        """QtPdf's text of a page, whose character indexes its selections count ("\\r\\n" at line ends)."""
        raw = self._raw.get(page)
        if raw is None:
            whole = self.document.getAllText(page)
            raw = self._raw[page] = whole.text() if whole.isValid() else ""
        return raw

    # --- offsets -> boxes ------------------------------------------------------------------------------
    def boxes(self, page: int, start: int, end: int) -> list[QRectF]:
        """Boxes (page points) of characters ``start:end`` of a page's text (offsets within the page)."""
        ocr = self.machine_read(page)
        if ocr is not None:
            return _rects(ocr.boxes_for(start, end))
        raw = self.raw_text(page)
        raw_at = [i for i, ch in enumerate(raw) if not (ch == "\r" and raw[i + 1:i + 2] == "\n")]
        if not raw_at or start >= len(raw_at) or end <= start:
            return []
        first, last = raw_at[start], raw_at[min(end, len(raw_at)) - 1]
        selection = self.document.getSelectionAtIndex(page, first, last - first + 1)
        return [polygon.boundingRect() for polygon in selection.bounds()] if selection.isValid() else []

    def machine_read_hits(self, term: str) -> list[tuple[int, list[QRectF]]]:
        """(0-based page, word boxes) of each occurrence of ``term`` on the machine-read pages, which QtPdf
        cannot search."""
        hits: list[tuple[int, list[QRectF]]] = []
        if not term or self.layer is None:
            return hits
        needle = term.casefold()
        for number in getattr(self.extracted, "machine_read", ()):
            page, bounds = self.layer.page(number), self.bounds(number)
            if page is None or bounds is None:
                continue
            text = page.text().casefold()
            if len(text) != bounds[1] - bounds[0]:
                continue  # casefolding changed the length: offsets would not fit
            at = text.find(needle)
            while at >= 0:
                hits.append((number - 1, _rects(page.boxes_for(at, at + len(needle)))))
                at = text.find(needle, at + 1)
        return hits

    # --- points -> offsets (the mouse) -------------------------------------------------------------------
    def select(self, page: int, start: QPointF, end: QPointF):
        """(page, start, end, boxes) of the text between two points of a page (offsets into the extracted
        text), or None when there is none."""
        bounds = self.bounds(page + 1)
        if self.extracted is None or bounds is None:
            return None
        ocr = self.machine_read(page)
        if ocr is not None:
            return self._select_words(ocr, page, start, end, bounds)
        selection = self.document.getSelection(page, start, end)
        if not selection.isValid() or not selection.text().strip():
            return None
        raw = self.raw_text(page)
        a, b = selection.startIndex(), selection.endIndex() + 1
        lo = a - raw[:a].count("\r\n")
        wanted = selection.text().replace("\r\n", "\n").replace("\r", "\n").strip()
        page_text = self.extracted.text[bounds[0]:bounds[1]]
        at = _nearest(page_text, wanted, lo)
        if at < 0:  # QtPdf's PDFium and ours read the page differently: keep QtPdf's span, clipped
            at, length = max(0, min(lo, len(page_text))), max(0, min(b - a, len(page_text) - lo))
        else:
            length = len(wanted)
        if length <= 0:
            return None
        boxes = [polygon.boundingRect() for polygon in selection.bounds()]
        return page, bounds[0] + at, bounds[0] + at + length, boxes

    @staticmethod
    def _select_words(ocr: Any, page: int, start: QPointF, end: QPointF, bounds: tuple[int, int]):
        if not ocr.words:
            return None
        first = ocr.offset_at(start.x(), start.y())
        last = ocr.offset_at(end.x(), end.y(), end=True)
        if first is None or last is None:
            return None
        lo, hi = min(first, last), max(first, last)
        if hi <= lo or start == end:  # a click or a double click: the word under it
            word = ocr.word_at(first)
            if word is None:
                return None
            lo, hi = word
        return page, bounds[0] + lo, bounds[0] + hi, _rects(ocr.boxes_for(lo, hi))
