"""Text extraction: the characters a user sees in an archived text, Markdown, HTML, PDF, DOCX or ODT file.

Used by the search index (what to index) and the viewer (where a hit is: offsets into ``ExtractedText.text``,
pages via :meth:`ExtractedText.page_of`). Qt-free and offline. Failures that make a file unreadable raise
:class:`ExtractionError` with a reason in plain words; conditions that are not failures (an encrypted or
scanned PDF) come back as a result with a ``status`` and ``warnings``.
"""

from __future__ import annotations

from .cache import TextCache
from .dispatch import DEFAULT_MAX_BYTES, extract
from .media import sniff_media_type
from .office import DOCX, ODT, OFFICE_TYPES
from .model import (PAGE_SEPARATOR, STATUS_ENCRYPTED, STATUS_NO_TEXT, STATUS_OK, ExtractedText, ExtractionError,
                    PageSpan)
from .pdf_text import PDFIUM_LOCK

__all__ = [
    "extract", "sniff_media_type", "ExtractedText", "PageSpan", "ExtractionError", "TextCache",
    "PAGE_SEPARATOR", "STATUS_OK", "STATUS_ENCRYPTED", "STATUS_NO_TEXT", "PDFIUM_LOCK", "DEFAULT_MAX_BYTES",
    "DOCX", "ODT", "OFFICE_TYPES",
]
