"""What extraction hands back: the text a user will see, where each PDF page lies in it, and why it failed.

These objects are what the search index stores and what the viewer uses to turn a hit offset into a page,
so they are immutable plain data (the on-disk cache in :mod:`.cache` writes them as JSON).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PageSpan", "ExtractedText", "ExtractionError", "STATUS_OK", "STATUS_ENCRYPTED", "STATUS_NO_TEXT"]

STATUS_OK = "ok"
#: The PDF needs a password that was not given (or was wrong): there is no text, and that is not a failure.
STATUS_ENCRYPTED = "encrypted"
#: The PDF opened but none of its pages has a text layer (typically a scan): nothing to search, not a failure.
STATUS_NO_TEXT = "no-text"


@dataclass(frozen=True, slots=True)
class PageSpan:
    """One PDF page's text inside :attr:`ExtractedText.text`: ``text[start:end]``, ``number`` counted from 1."""

    number: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExtractedText:
    """The readable text of one file.

    ``text`` is exactly what the viewer shows, so every offset the search index records is an offset into it.
    Line ends are always ``"\\n"``. For PDFs the pages are joined with :data:`PAGE_SEPARATOR` and ``pages``
    says which characters belong to which page.
    """

    text: str
    media_type: str
    encoding: str | None = None  # the character encoding the bytes were decoded from (None for PDFs)
    pages: tuple[PageSpan, ...] = ()
    warnings: tuple[str, ...] = ()
    status: str = STATUS_OK
    #: pages whose text is machine-read (OCR, ``core.ocr``): it may contain errors; an image's text is page 1
    machine_read: tuple[int, ...] = ()

    def page_of(self, offset: int) -> int | None:
        """The 1-based page a character offset falls on, or None when the file has no pages or the offset is outside.

        The separator between two pages counts as part of the page before it, so every offset from 0 to
        ``len(text)`` (a hit's end offset included) maps to a page.
        """
        if not self.pages or offset < 0 or offset > len(self.text):
            return None
        index = bisect.bisect_right(self.pages, offset, key=lambda span: span.start) - 1
        return self.pages[max(index, 0)].number


#: Put between the pages of a PDF: a blank-ish line with a form feed, so words never run across pages.
PAGE_SEPARATOR = "\n\f\n"


class ExtractionError(Exception):
    """The text of a file could not be read at all (missing, unreadable, damaged, not text, too large).

    ``reason`` is written for the user ("the PDF is damaged: …"); ``str(error)`` names the file too.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(path, reason)  # both in args so the error survives pickling to a worker process
        self.path = Path(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
