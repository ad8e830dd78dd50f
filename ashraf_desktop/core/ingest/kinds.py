"""What a file really is, from its first bytes (its content), and whether the archive can hold it.

The name only decides between kinds the content cannot tell apart (plain text or Markdown). A file whose
content is a PDF, a Word/OpenDocument text or an image is imported as what it is, whatever its name says
(the held copy gets the right extension and a note says so). A file whose *name* claims a binary format
(``.pdf``, ``.docx``, ``.jpg`` …) but whose content is text or a web page is refused: that is almost always
a failed download or an error page saved under the document's name (docs/import.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..extract import ExtractionError, media
from ..extract.office import DOCX, ODT, describe_compound_file, inspect_package

__all__ = ["Identified", "identify", "sniff", "file_suffix", "SUFFIXES", "TEXT_SUFFIXES"]

DOCUMENT, IMAGE, MAILBOX = "document", "image", "mailbox"
MESSAGE, MBOX = "message/rfc822", "application/mbox"
_ENCRYPTED = ("the document is password-protected (encrypted), so it cannot be read or searched; save a copy "
              "without a password and import that")
_HEAD = 4096

#: The extensions each held media type may have; the first is given to a copy whose name is wrong.
SUFFIXES: dict[str, tuple[str, ...]] = {
    media.PDF: (".pdf",), DOCX: (".docx",), ODT: (".odt",),
    media.HTML: (".html", ".htm", ".xhtml", ".xht", ".shtml", ".php", ".asp", ".aspx", ".jsp"),
    media.MARKDOWN: (".md", ".markdown", ".mdown", ".mkd"),
    media.PLAIN: (".txt", ".text", ".csv", ".tsv", ".asc"),
    "message/rfc822": (".eml", ".mht", ".mhtml", ".msg"), "application/mbox": (".mbox", ".mbx", ""),
    "image/jpeg": (".jpg", ".jpeg", ".jpe", ".jfif"), "image/png": (".png",), "image/gif": (".gif",),
    "image/tiff": (".tif", ".tiff"), "image/webp": (".webp",), "image/bmp": (".bmp", ".dib"),
    "image/heic": (".heic", ".hif"), "image/heif": (".heif", ".hif", ".heic"), "image/avif": (".avif",),
}
#: Text files are taken with these extensions (or none); other text (.json, .css, .py …) is refused.
TEXT_SUFFIXES = frozenset(SUFFIXES[media.PLAIN] + SUFFIXES[media.MARKDOWN] + SUFFIXES[media.HTML] + ("",))
#: Names that promise a binary format: text content under such a name is refused (failed download?).
_BINARY_CLAIMS = {
    ".pdf": "a PDF", ".docx": "a Word document", ".doc": "a Word document", ".docm": "a Word document",
    ".odt": "an OpenDocument text", ".rtf": "an RTF document", ".epub": "an EPUB e-book",
    ".xlsx": "an Excel workbook", ".xls": "an Excel workbook", ".pptx": "a PowerPoint presentation",
    ".ods": "an OpenDocument spreadsheet", ".zip": "a ZIP archive",
    **{s: "an image" for s in (".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".gif", ".tif", ".tiff", ".webp",
                               ".bmp", ".heic", ".heif", ".hif", ".avif")},
}
_OTHER_BINARIES = (
    (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"), (b"\xfd7zXZ\x00", "an xz archive"), (b"OggS", "an Ogg audio/video file"),
    (b"ID3", "an MP3 audio file"), (b"fLaC", "a FLAC audio file"), (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program (ELF)"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"8BPS", "a Photoshop file"), (b"\x00\x00\x01\x00", "a Windows icon"),
    (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 image"), (b"\xff\x4f\xff\x51", "a JPEG 2000 image"),
    (b"{\\rtf", "an RTF document"), (b".snd", "an audio file (Sun/NeXT .au)"), (b"RIFF", "a RIFF audio/video file"),
    (b"%!PS", "a PostScript file"), (b"AT&TFORM", "a DjVu document"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx")
_HEIF_GENERIC = (b"mif1", b"msf1", b"heif")
_AVIF_BRANDS = (b"avif", b"avis")
_EXTENSION = re.compile(r"\.[a-z0-9]{1,8}")
_TITLE = re.compile(rb"<title[^>]*>(.{0,200}?)</title", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Identified:
    """The verdict on one file: ``kind``/``media_type`` when the archive can hold it, else ``refusal``."""

    kind: str | None = None  # "document" | "image" | None
    media_type: str | None = None
    note: str = ""  # said in the report when imported (e.g. the name did not fit the content)
    refusal: str = ""  # why not, in the user's words
    suffix: str = ""  # the extension the held copy gets ("" = keep the name as it is)

    @property
    def accepted(self) -> bool:
        return self.kind is not None


def sniff(path: Path) -> tuple[str, str] | None:
    """(``"document"`` or ``"image"``, media type) from the file's content, or None when it is not a kind
    the archive holds (or cannot be read). See :func:`identify` for the reason."""
    try:
        found = identify(Path(path))
    except OSError:
        return None
    return (found.kind, found.media_type) if found.kind and found.media_type else None


def identify(path: Path) -> Identified:
    """What ``path`` holds and whether it can be imported, with a note or a refusal in plain words.
    Raises OSError when the file cannot be read."""
    path = Path(path)
    with path.open("rb") as handle:
        head = handle.read(_HEAD)
    suffix = file_suffix(path)
    if not head:
        return Identified(refusal="the file is empty (0 bytes)")
    if b"%PDF-" in head[:1024]:
        return _binary(path, DOCUMENT, media.PDF)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip(path, suffix)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        what = describe_compound_file(path)
        if "password" in what:
            return Identified(refusal=_ENCRYPTED)
        return Identified(refusal=f"{what}: the archive keeps Word documents as .docx or .odt; open it in "
                                  "Word or LibreOffice, save it as .docx, .odt or PDF, and import that")
    image = _image_type(head)
    if isinstance(image, str):
        return _binary(path, IMAGE, image)
    what = image[0] if isinstance(image, tuple) else next(
        (label for magic, label in _OTHER_BINARIES if head.startswith(magic)), "")
    if not what and not _looks_textual(head):
        what = "unreadable binary data (damaged, or in a format the archive does not know)"
    if what:
        if suffix in _BINARY_CLAIMS and not what.startswith(_BINARY_CLAIMS[suffix]):
            return Identified(refusal=f"not {_BINARY_CLAIMS[suffix]} (the file is {what}), although it is "
                                      f"named {suffix}: if it should be, it is damaged; import a complete copy "
                                      "from where it came")
        return Identified(refusal=_not_held(what))
    from ..mail import is_mbox, looks_like_message
    if is_mbox(head) and suffix != ".eml":  # a saved message may keep its envelope line: still one message
        return Identified(MAILBOX, MBOX)  # its messages are imported, one item each
    if looks_like_message(head, named_eml=suffix == ".eml"):
        note = "" if suffix in (".eml", "") else f"named {suffix} but it is an e-mail message; imported as one"
        return Identified(DOCUMENT, MESSAGE, note=note, suffix=_fix_suffix(path, MESSAGE))
    is_html = media.sniff_content(head) == media.HTML
    if suffix in _BINARY_CLAIMS:
        title = _html_title(head) if is_html else ""
        what = ("a web page (HTML)" + (f" titled “{title}”" if title else "")) if is_html else "plain text"
        rename = ".html" if is_html else ".txt"
        return Identified(refusal=f"not {_BINARY_CLAIMS[suffix]} (the file is {what}), although it is named "
                                  f"{suffix}: perhaps a failed download or an error page saved under the "
                                  f"document's name; not imported (to keep it anyway, rename it to {rename} "
                                  "and import it again)")
    if is_html or suffix in SUFFIXES[media.HTML]:
        note = "" if suffix in SUFFIXES[media.HTML] or not suffix else \
            f"named {suffix} but it is a web page (HTML); imported as HTML"
        return Identified(DOCUMENT, media.HTML, note=note, suffix=_fix_suffix(path, media.HTML))
    if suffix in SUFFIXES[media.MARKDOWN]:
        return Identified(DOCUMENT, media.MARKDOWN)
    if suffix in TEXT_SUFFIXES:
        return Identified(DOCUMENT, media.PLAIN, suffix=_fix_suffix(path, media.PLAIN))
    return Identified(refusal=f"a text file of a kind the archive does not keep as a document ({suffix}); to "
                              "keep it as plain text, rename it to .txt and import it again")


_ADVICE = {
    "an RTF document": "save it as .docx, .odt or PDF and import that",
    "a PostScript file": "convert it to PDF and import that",
    "a DjVu document": "convert it to PDF and import that",
    "a macro-enabled Word document (.docm)": "save it as .docx and import that",
    "a Word template (.dotx)": "save it as .docx and import that",
    "an OpenDocument text template (.ott)": "save it as .odt and import that",
}


def _not_held(what: str) -> str:
    advice = _ADVICE.get(what, "the archive holds text, Markdown, HTML, PDF, DOCX and ODT documents, e-mail and "
                               "images")
    if what.startswith("unreadable binary data"):
        return f"{what}; {advice}: if it should be one of those, import a complete copy from where it came"
    return f"{what}, which the archive does not hold: {advice}"


def file_suffix(path: Path) -> str:
    """The extension of a file name, lower-case, or "" when the name has none ("v1.2 final" has none)."""
    suffix = Path(path).suffix.lower()
    return suffix if _EXTENSION.fullmatch(suffix) else ""


def _fix_suffix(path: Path, media_type: str) -> str:
    """The extension a held copy of ``path`` needs to match ``media_type`` ("" when its own is right)."""
    suffix = file_suffix(path)
    allowed = SUFFIXES.get(media_type, ())
    if suffix in allowed:
        return ""
    return allowed[0] if allowed else ""


def _binary(path: Path, kind: str, media_type: str) -> Identified:
    suffix = file_suffix(path)
    fix = _fix_suffix(path, media_type)
    note = ""
    if fix and suffix:
        label = _label(media_type)
        note = f"named {suffix} but it is {label}; imported as {label}, its copy named …{fix}"
    return Identified(kind, media_type, note=note, suffix=fix)


def _label(media_type: str) -> str:
    return {media.PDF: "a PDF", DOCX: "a Word document", ODT: "an OpenDocument text",
            "image/jpeg": "a JPEG image", "image/png": "a PNG image", "image/gif": "a GIF image",
            "image/tiff": "a TIFF image", "image/webp": "a WebP image", "image/bmp": "a BMP image",
            "image/heic": "a HEIC photo", "image/heif": "a HEIF image", "image/avif": "an AVIF image",
            }.get(media_type, f"a {media_type} file")


def _zip(path: Path, suffix: str) -> Identified:
    try:
        package = inspect_package(path, check_parts=())
    except ExtractionError as exc:
        return Identified(refusal=exc.reason)
    if package.media_type is None:
        if suffix in _BINARY_CLAIMS and not package.description.startswith(_BINARY_CLAIMS[suffix]):
            return Identified(refusal=f"not {_BINARY_CLAIMS[suffix]} (the file is {package.description}), "
                                      f"although it is named {suffix}")
        return Identified(refusal=_not_held(package.description))
    if package.encrypted:
        return Identified(refusal=_ENCRYPTED)
    return _binary(path, DOCUMENT, package.media_type)


def _image_type(head: bytes) -> str | tuple[str] | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:2] == b"BM" and len(head) >= 18 and int.from_bytes(head[14:18], "little") in (12, 40, 52, 56, 64,
                                                                                            108, 124):
        return "image/bmp"
    if len(head) >= 12 and head[4:8] == b"ftyp":
        size = int.from_bytes(head[:4], "big")
        brands = [head[8:12]] + [head[i:i + 4] for i in range(16, min(max(size, 16), 256), 4)]
        if any(b in _AVIF_BRANDS for b in brands):
            return "image/avif"
        if any(b in _HEIF_BRANDS for b in brands):
            return "image/heic"
        if any(b in _HEIF_GENERIC for b in brands):
            return "image/heif"
        return ("a video or audio file (MP4/QuickTime family), not a document or image the archive can hold",)
    return None


def _looks_textual(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32 and byte != 27)
    return controls <= max(8, len(head) // 200)


def _html_title(head: bytes) -> str:
    match = _TITLE.search(head)
    if not match:
        return ""
    text = match.group(1).decode("utf-8", "replace")
    return re.sub(r"\s+", " ", text).strip()[:80]
