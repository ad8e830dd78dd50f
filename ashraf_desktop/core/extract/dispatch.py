"""One entry point, :func:`extract`: check the file, pick the reader for its media type, turn every failure
into an :class:`ExtractionError` a user can read.

Bad input must never crash the indexer or the viewer, so anything unexpected a library raises on a hostile
file is also reported as an ExtractionError naming the file (with the technical detail in brackets).
"""

from __future__ import annotations

import dataclasses
import errno
from pathlib import Path

from . import media
from .decode import NotTextError, decode_bytes
from .html_charset import declared_charset as html_declared_charset
from .html_text import html_visible_text
from .machine_read import image_text, with_machine_read
from .markdown_text import markdown_visible_text
from .model import ExtractedText, ExtractionError
from .office import OFFICE_TYPES, extract_office
from .pdf_text import extract_pdf

__all__ = ["extract", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 200_000_000
_TEXT_KINDS = (media.PLAIN, media.MARKDOWN, media.HTML)


def extract(path: Path, media_type: str | None = None, *, password: str | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractedText:
    """The visible text of a text, Markdown, HTML, PDF, Word (DOCX) or OpenDocument text (ODT) file.

    ``media_type`` is the archive's declared format (``text/plain``, ``text/markdown``, ``text/html``,
    ``application/pdf``, the DOCX and ODT media types of :mod:`.office`; a ``charset=`` parameter is used as
    a hint for text); None sniffs it from the file.
    A file whose content is a PDF is read as a PDF whatever it is declared as (with a warning).
    ``password`` opens an encrypted PDF. Raises :class:`ExtractionError` for files that cannot be read at all.
    """
    path = Path(path)
    try:
        return _extract(path, media_type, password, max_bytes)
    except ExtractionError:
        raise
    except OSError as exc:
        raise ExtractionError(path, _os_reason(exc)) from exc
    except MemoryError as exc:
        raise ExtractionError(path, "there is not enough memory to read its text") from exc
    except Exception as exc:  # a library choking on a hostile file must not take the program down
        raise ExtractionError(path, f"an unexpected problem stopped its text from being read "
                                    f"({type(exc).__name__}: {exc})") from exc


def _extract(path: Path, media_type: str | None, password: str | None, max_bytes: int) -> ExtractedText:
    if path.is_dir():
        raise ExtractionError(path, "this is a folder, not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise ExtractionError(path, f"the file is too large to read its text ({_mb(size)}; the limit is "
                                    f"{_mb(max_bytes)})")
    declared = media.parse_media_type(media_type or media.sniff_media_type(path))
    warnings: list[str] = []
    with path.open("rb") as handle:
        head = handle.read(4096)
    if declared.essence != media.PDF and media.sniff_content(head) == media.PDF:
        warnings.append(f"the file is declared as {declared.essence} but is a PDF; it was read as a PDF")
        declared = media.MediaType(media.PDF)
    kind = declared.essence
    if kind == media.PDF:
        result = with_machine_read(path, extract_pdf(path, password))
    elif kind.startswith("image/"):
        result = image_text(path, kind)  # a photo of a document that was read (OCR)
        if result is None:
            raise ExtractionError(path, f"text cannot be read from this kind of file ({kind}) until its words are "
                                        "read (OCR)")
    elif kind == "message/rfc822":
        result = _extract_message(path)
    elif kind in OFFICE_TYPES:
        result = extract_office(path, kind)  # checks the ZIP package against zip bombs before parsing
    elif kind in _TEXT_KINDS or kind.startswith("text/"):
        result = _extract_text(path, kind, declared.charset)
    else:
        raise ExtractionError(path, f"text cannot be read from this kind of file ({kind})")
    if warnings:
        result = dataclasses.replace(result, warnings=tuple(warnings) + result.warnings)
    return result


def _extract_text(path: Path, kind: str, declared_charset: str | None) -> ExtractedText:
    data = path.read_bytes()
    if kind == media.HTML:
        declared_charset = declared_charset or html_declared_charset(data)
    try:
        decoded = decode_bytes(data, declared_charset)
    except NotTextError as exc:
        raise ExtractionError(path, f"the file does not look like text ({exc}); it may be a binary file "
                                    "with the wrong name or format") from exc
    if kind == media.HTML:
        text = html_visible_text(decoded.text)
    elif kind == media.MARKDOWN:
        text = markdown_visible_text(decoded.text)
    else:
        text = decoded.text
        kind = media.PLAIN  # text/csv, text/x-tex ...: shown and indexed as plain text
    return ExtractedText(text, kind, decoded.encoding, warnings=decoded.warnings)


def _extract_message(path: Path) -> ExtractedText:
    from ..mail import NotAMessage, read_message
    try:
        message = read_message(path)
    except NotAMessage as exc:
        raise ExtractionError(path, f"not an e-mail message: {exc.reason}") from exc
    # shown and indexed as plain text: the headers, the readable body, the attachments' names (the raw MIME
    # source, base64 and all, is what the held file keeps)
    return ExtractedText(message.text(), media.PLAIN, None, warnings=tuple(message.problems))


def _mb(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "the file does not exist (was it moved or deleted?)"
    if isinstance(exc, PermissionError):
        return "permission denied: this user account may not read the file"
    if isinstance(exc, IsADirectoryError):
        return "this is a folder, not a file"
    if exc.errno == errno.EIO:
        return "the disk reported a read error (damaged disk or disconnected drive?)"
    return (f"the file could not be read (the system says: {exc.strerror or exc}); it may be damaged, or on a "
            "drive that is failing or was disconnected")
