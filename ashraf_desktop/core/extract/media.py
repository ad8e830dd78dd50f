"""Which reader a file needs: its media type from its first bytes, then from its name.

Content wins over the extension because archived files are often misnamed (a PDF saved as ``.txt``, an HTML
page saved without extension); the extension only decides between kinds the content cannot tell apart
(plain text versus Markdown).
"""

from __future__ import annotations

import codecs
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["sniff_media_type", "sniff_content", "parse_media_type", "MediaType",
           "PLAIN", "MARKDOWN", "HTML", "PDF", "DOCX", "ODT", "BINARY"]

PLAIN = "text/plain"
MARKDOWN = "text/markdown"
HTML = "text/html"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
BINARY = "application/octet-stream"

_SNIFF_BYTES = 4096
_EXTENSIONS = {
    ".txt": PLAIN, ".text": PLAIN, ".md": MARKDOWN, ".markdown": MARKDOWN, ".mdown": MARKDOWN, ".mkd": MARKDOWN,
    ".htm": HTML, ".html": HTML, ".xhtml": HTML, ".xht": HTML, ".pdf": PDF, ".docx": DOCX, ".odt": ODT,
}
_MEDIA_ALIASES = {"text/x-markdown": MARKDOWN, "application/xhtml+xml": HTML, "application/x-pdf": PDF}
_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True, slots=True)
class MediaType:
    """A media type split into its kind (``text/html``) and an optional declared ``charset`` parameter."""

    essence: str
    charset: str | None = None


def parse_media_type(value: str) -> MediaType:
    """``"text/plain; charset=windows-1256"`` -> MediaType("text/plain", "windows-1256"); aliases folded."""
    essence, *params = (part.strip() for part in value.split(";"))
    essence = essence.lower()
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return MediaType(_MEDIA_ALIASES.get(essence, essence), charset)


def sniff_content(head: bytes) -> str | None:
    """PDF or HTML recognised from a file's first bytes, or None when the bytes do not say."""
    if b"%PDF-" in head[:1024]:  # the PDF spec allows junk before the header; readers search the first 1 KB
        return PDF
    text = _head_as_text(head)
    if text is not None and _HTML_START.match(text):
        return HTML
    return None


def sniff_media_type(path: Path) -> str:
    """The media type of a file: by content first (PDF header, HTML start), then by extension.

    Other textual files (``.tex``, ``.csv``, no extension) are text/plain; binary files get their extension's
    type (``image/jpeg``) or application/octet-stream.
    Raises OSError when the file cannot be read (the caller turns that into a user message).
    """
    path = Path(path)
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    by_content = sniff_content(head)
    if by_content:
        return by_content
    suffix = path.suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    guessed, _ = mimetypes.guess_type(path.name, strict=False)
    if guessed and not guessed.startswith("text/"):
        return guessed
    return PLAIN if _looks_textual(head) else BINARY  # .tex, .csv, .py ...: read as plain text


def _head_as_text(head: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, errors="ignore")
    if b"\x00" in head:
        return None
    return head.decode("latin-1")  # tags are ASCII; any ASCII-compatible encoding sniffs the same


def _looks_textual(head: bytes) -> bool:
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return True
    return b"\x00" not in head
