"""The text layer of a PDF, page by page, with pypdfium2 (PDFium, the engine of Chrome's PDF viewer).

PDFium is not thread-safe: every pypdfium2 call in the program must hold :data:`PDFIUM_LOCK` (other modules
that render PDFs with pypdfium2 should import and use this same lock).

What is reported rather than raised, because the file itself is fine: a password-protected PDF without the
right password (status "encrypted"), a PDF none of whose pages has text (status "no-text", usually a scan),
single pages that cannot be read or have no text (warnings). What raises :class:`ExtractionError`: a file
PDFium cannot open at all (not a PDF, damaged beyond repair, truncated before its first page).

Runtime is linear in the number of pages (about 3 ms per page of text on a laptop), so a PDF with thousands
of pages is read completely; a warning notes very long documents so the caller can tell the user why indexing
took a while.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .model import PAGE_SEPARATOR, STATUS_ENCRYPTED, STATUS_NO_TEXT, STATUS_OK, ExtractedText, ExtractionError, PageSpan

__all__ = ["PDFIUM_LOCK", "extract_pdf", "LONG_PDF_PAGES"]

#: Hold this around every use of pypdfium2, anywhere in the program.
PDFIUM_LOCK = threading.RLock()
#: Above this many pages a warning tells the user the document is very long.
LONG_PDF_PAGES = 1000

_MEDIA_TYPE = "application/pdf"
# PDFium's load error codes (FPDF_GetLastError)
_ERR_FILE, _ERR_FORMAT, _ERR_PASSWORD, _ERR_SECURITY = 2, 3, 4, 5
_PDFIUM_ERRORS = {_ERR_FORMAT: "data format error", 6: "page not found or content error"}
# Controls PDFium emits for glyphs without a Unicode mapping (math symbols, broken fonts); the form feed too,
# since it separates our pages. They become spaces so word boundaries survive and offsets stay simple.
_JUNK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_GARBLED_SHARE = 0.3


def extract_pdf(path: Path, password: str | None = None) -> ExtractedText:
    head = _read_head(path)
    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(path, password=password)
        except pdfium.PdfiumError as exc:
            return _unopenable(path, exc, head, password)
        try:
            return _read_pages(document)
        finally:
            document.close()


def _read_head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(1024)


def _unopenable(path: Path, exc: pdfium.PdfiumError, head: bytes, password: str | None) -> ExtractedText:
    code = getattr(exc, "err_code", None)
    if code == _ERR_PASSWORD:
        if password:
            message = "this PDF is password-protected and the password given was not accepted"
        else:
            message = "this PDF is password-protected; its text can be read once its password is given"
        return ExtractedText("", _MEDIA_TYPE, None, warnings=(message,), status=STATUS_ENCRYPTED)
    if code == _ERR_SECURITY:
        return ExtractedText("", _MEDIA_TYPE, None, status=STATUS_ENCRYPTED, warnings=(
            "this PDF is protected with a kind of encryption this program cannot open",))
    if not head:
        raise ExtractionError(path, "the file is empty (0 bytes), so it is not a readable PDF")
    if b"%PDF-" not in head:
        raise ExtractionError(path, "this is not a PDF file: it does not start with the PDF header (%PDF-)")
    if code == _ERR_FILE:
        raise ExtractionError(path, "the PDF could not be opened (the file is unreadable or in use)")
    detail = _PDFIUM_ERRORS.get(code, "unknown error")
    raise ExtractionError(path, "the PDF is damaged or incomplete (perhaps cut off while copying) and cannot "
                                f"be opened (PDFium: {detail}); import a complete copy from where it came")


def _read_pages(document: pdfium.PdfDocument) -> ExtractedText:
    page_count = len(document)
    texts: list[str] = []
    unreadable: list[int] = []
    empty_scanned: list[int] = []
    empty_other: list[int] = []
    for index in range(page_count):
        number = index + 1
        try:
            raw, has_images = _page_text(document, index)
        except pdfium.PdfiumError:
            unreadable.append(number)
            texts.append("")
            continue
        text = _JUNK.sub(" ", raw.replace("\r\n", "\n").replace("\r", "\n"))
        if not text.strip():
            (empty_scanned if has_images else empty_other).append(number)
        texts.append(text)

    pages: list[PageSpan] = []
    offset = 0
    for number, text in enumerate(texts, start=1):
        if number > 1:
            offset += len(PAGE_SEPARATOR)
        pages.append(PageSpan(number, offset, offset + len(text)))
        offset += len(text)
    full = PAGE_SEPARATOR.join(texts)

    warnings: list[str] = []
    status = STATUS_OK
    if page_count == 0:
        warnings.append("this PDF has no pages")
        status = STATUS_NO_TEXT
    elif not full.strip():
        status = STATUS_NO_TEXT
        single = page_count == 1
        if empty_scanned:
            subject = ("its only page has no text layer" if single
                       else f"none of its {page_count} pages has a text layer")
            warnings.append(f"{subject} (scanned image?), so its words cannot be searched")
        else:
            subject = "its only page has no text" if single else f"none of its {page_count} pages has any text"
            warnings.append(f"{subject} (blank, or letters drawn as shapes), so nothing can be searched")
    elif empty_scanned:
        warnings.append(f"{_pages_phrase(empty_scanned)} no text layer (scanned image?)")
    if unreadable:
        warnings.append(f"{_pages_phrase(unreadable, verb='could')} not be read (damaged?)")
    if full.strip() and _looks_garbled(full):
        warnings.append("much of the text could not be decoded (the PDF's fonts lack character maps), "
                        "so search may miss words")
    if page_count > LONG_PDF_PAGES:
        warnings.append(f"this PDF is very long ({page_count:,} pages)")
    return ExtractedText(full, _MEDIA_TYPE, None, tuple(pages), tuple(warnings), status)


def _page_text(document: pdfium.PdfDocument, index: int) -> tuple[str, bool]:
    """All text PDFium finds on one page (not only inside the crop box), and whether the page shows images."""
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
        has_images = False
        if not text.strip():
            has_images = any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))
        return text, has_images
    finally:
        page.close()


def _pages_phrase(numbers: list[int], verb: str = "has") -> str:
    """[2, 3, 4, 7] -> "pages 2-4, 7 have"; [3] -> "page 3 has"."""
    ranges: list[str] = []
    start = previous = numbers[0]
    for number in numbers[1:] + [None]:  # type: ignore[list-item]
        if number is not None and number == previous + 1:
            previous = number
            continue
        ranges.append(str(start) if start == previous else f"{start}\u2013{previous}")
        if number is not None:
            start = previous = number
    plural = len(numbers) > 1
    verb_form = {"has": "have" if plural else "has", "could": "could"}[verb]
    shown = ", ".join(ranges[:10]) + (f" and {len(ranges) - 10} more ranges" if len(ranges) > 10 else "")
    return f"{'pages' if plural else 'page'} {shown} {verb_form}"


def _looks_garbled(text: str) -> bool:
    visible = [char for char in text if not char.isspace()]
    if len(visible) < 20:
        return False
    bad = sum(1 for char in visible if unicodedata.category(char) in ("Co", "Cn") or char == "\ufffd")
    return bad / len(visible) > _GARBLED_SHARE
