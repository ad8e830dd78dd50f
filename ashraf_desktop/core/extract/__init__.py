"""Text extraction: the characters a user sees in an archived text, Markdown, HTML, PDF, DOCX or ODT file.

Used by the search index (what to index) and the viewer (where a hit is: offsets into ``ExtractedText.text``,
pages via :meth:`ExtractedText.page_of`). Qt-free and offline. Failures that make a file unreadable raise
:class:`ExtractionError` with a reason in plain words; conditions that are not failures (an encrypted or
scanned PDF) come back as a result with a ``status`` and ``warnings``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .cache import TextCache
from .media import sniff_media_type
from .model import (PAGE_SEPARATOR, STATUS_ENCRYPTED, STATUS_NO_TEXT, STATUS_OK, ExtractedText, ExtractionError,
                    PageSpan)

if TYPE_CHECKING:
    from .dispatch import DEFAULT_MAX_BYTES, extract
    from .office import DOCX, ODT, OFFICE_TYPES
    from .pdf_text import PDFIUM_LOCK


def __getattr__(name: str) -> Any:
    """The readers (BeautifulSoup, markdown-it, pdfium: 0.1-0.3 s to import; the office formats' zip and
    XML, 10 ms) load when first used, not with the package: the search command and the index's worker need
    only ``TextCache`` until a file is read."""
    if name in ("DOCX", "ODT", "OFFICE_TYPES"):
        from . import office
        return getattr(office, name)
    if name in ("extract", "DEFAULT_MAX_BYTES"):
        from . import dispatch
        return getattr(dispatch, name)
    if name == "PDFIUM_LOCK":
        from .pdf_text import PDFIUM_LOCK
        return PDFIUM_LOCK
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "extract", "sniff_media_type", "ExtractedText", "PageSpan", "ExtractionError", "TextCache",
    "PAGE_SEPARATOR", "STATUS_OK", "STATUS_ENCRYPTED", "STATUS_NO_TEXT", "PDFIUM_LOCK", "DEFAULT_MAX_BYTES",
    "DOCX", "ODT", "OFFICE_TYPES",
]
