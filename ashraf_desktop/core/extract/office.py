"""Word (DOCX) and OpenDocument (ODT) text documents: their visible text and their document properties.

Libraries: python-docx for DOCX and odfdo for ODT. odfdo rather than odfpy: odfdo is released several times a
year and supports current Python versions, while odfpy's last release is from January 2020; both read the
same files. Both parse with lxml (python-docx with entity resolution off, odfdo with lxml's default, which
since lxml 5 resolves no external entities); we also refuse any part that declares a DOCTYPE, which these
formats never need.

A DOCX or ODT file is a ZIP package, so before any library reads it :func:`inspect_package` checks the
package from its central directory alone (nothing is decompressed): the number of entries, the total size
they would unpack to, and the ratio of each large entry's unpacked to packed size. A "zip bomb" (a few KB
that unpack to gigabytes) is refused there with a message. Python's zipfile never inflates an entry past the
size its directory declares, so the check cannot be tricked by lying sizes. The same check runs for the
import (``core.ingest``) and every extraction (index, viewer, validate).

What DOCX text is: the paragraphs and tables of the body in order (a tab between table cells, a line per
row), text boxes once (not their fallback copies), then footnotes and endnotes; deleted tracked changes,
field codes and hidden text are left out. For ODT, odfdo's formatted text (paragraphs, headings, lists,
tables, notes). Runs of blank lines are collapsed to one.
"""

from __future__ import annotations

import datetime as _dt
import errno
import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import STATUS_NO_TEXT, STATUS_OK, ExtractedText, ExtractionError

__all__ = ["DOCX", "ODT", "OFFICE_TYPES", "OfficePackage", "inspect_package", "extract_office",
           "office_properties", "describe_content", "describe_compound_file", "MAX_ENTRIES",
           "MAX_UNPACKED_BYTES", "MAX_PART_BYTES", "MAX_RATIO"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
OFFICE_TYPES = frozenset({DOCX, ODT})

#: A package with more entries than this is refused (real documents have tens, a big one a few hundred).
MAX_ENTRIES = 10_000
#: Everything in the package together may unpack to at most this (a DOCX full of photos is far below).
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
#: Each XML part we parse may unpack to at most this (the XML of a 2,000-page book is about 50 MB).
MAX_PART_BYTES = 128 * 1024 * 1024
#: An entry larger than :data:`_RATIO_FLOOR` may unpack to at most this many times its packed size. Word's
#: XML packs 5-30 : 1, very repetitive tables up to about 80 : 1; zip bombs are 1,000 : 1 and more.
MAX_RATIO = 200
_RATIO_FLOOR = 4 * 1024 * 1024

_ENCRYPTED = ("the document is password-protected (encrypted), so its text cannot be read; save a copy "
              "without a password to read it")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OOXML_KINDS = (  # content type of the main part -> what the file is, for messages
    ("application/vnd.ms-word.document.macroenabled.main+xml", "a macro-enabled Word document (.docm)"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
     "a Word template (.dotx)"),
    ("spreadsheetml", "an Excel workbook"),
    ("presentationml", "a PowerPoint presentation"),
)
_ODF_KINDS = {
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (.ods)",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (.odp)",
    "application/vnd.oasis.opendocument.graphics": "an OpenDocument drawing (.odg)",
    "application/vnd.oasis.opendocument.text-template": "an OpenDocument text template (.ott)",
    "application/epub+zip": "an EPUB e-book",
}


@dataclass(frozen=True)
class OfficePackage:
    """What a ZIP package holds, found from its directory (and two tiny entries) without parsing XML."""

    media_type: str | None  # DOCX or ODT, or None for another kind of package
    description: str  # "a Word document", "an Excel workbook", "a ZIP archive", ...
    encrypted: bool = False
    entries: int = 0
    unpacked_bytes: int = 0


def _mb(size: int) -> str:
    return f"{size / 1_048_576:,.0f} MB"


def describe_content(head: bytes) -> str:
    """What a file looks like from its first bytes, for messages: "a PDF document", "an HTML page", ..."""
    if not head:
        return "empty (0 bytes)"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = stripped[:512].lower()
    if b"%PDF-" in head[:1024]:
        return "a PDF document"
    if head.startswith(_CFB_MAGIC):
        return "a legacy or password-protected Microsoft Office file"
    if head.startswith(_ZIP_MAGIC):
        return "a ZIP archive"
    if head.startswith(b"{\\rtf"):
        return "an RTF document"
    if lower.startswith((b"<!doctype html", b"<html")) or b"<html" in lower[:256]:
        return "an HTML page"
    if lower.startswith(b"<?xml"):
        return "an XML file"
    if head.startswith(b"\xff\xd8\xff"):
        return "a JPEG image"
    if head.startswith(b"\x89PNG"):
        return "a PNG image"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "a GIF image"
    if b"\x00" not in head[:1024]:
        return "plain text"
    return "binary data of an unknown kind"


def describe_compound_file(path: Path) -> str:
    """A Compound File (OLE2) is a Word 97-2003 document, or a password-protected DOCX/XLSX (which Office
    stores as an ``EncryptedPackage`` stream inside such a file)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(512)
            sector = 1 << struct.unpack_from("<H", header, 0x1E)[0]
            first_dir = struct.unpack_from("<I", header, 0x30)[0]
            if not 7 <= sector.bit_length() - 1 <= 16 or first_dir >= 0xFFFFFFFA:
                raise ValueError
            handle.seek((first_dir + 1) * sector)
            directory = handle.read(sector * 4)
    except (OSError, ValueError, struct.error):
        return "a legacy or password-protected Microsoft Office file"
    if "EncryptedPackage".encode("utf-16-le") in directory:
        return "a password-protected Office document"
    if "WordDocument".encode("utf-16-le") in directory:
        return "a Word 97-2003 document (.doc)"
    if "Workbook".encode("utf-16-le") in directory:
        return "an Excel 97-2003 workbook (.xls)"
    return "a legacy Microsoft Office file"


#: what reading a member of an opened package fails with when its directory points outside the file: the
#: seek to a negative or absurd offset (EINVAL), not a fault of the disk
_DAMAGE_ERRNOS = frozenset({errno.EINVAL, errno.EOVERFLOW})
_POINTS_OUTSIDE = ("the document is damaged: its ZIP package's directory points outside the file (cut short "
                   "or altered after it was saved); open it in the program that made it and save a new copy, "
                   "or import a complete copy")


def _read_small(package: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        return None
    with package.open(info) as member:
        return member.read(limit)


def inspect_package(path: Path, *, check_parts: tuple[str, ...] | None = None) -> OfficePackage:
    """Check a DOCX/ODT (any ZIP) package against zip bombs and say what it is, without parsing it.

    Raises :class:`ExtractionError` when the file is not a ZIP package at all (naming what it is instead),
    is damaged, or would unpack beyond the limits. ``check_parts``: XML parts about to be parsed (default:
    those of the detected kind), each refused above :data:`MAX_PART_BYTES` or when it declares a DOCTYPE.
    """
    path = Path(path)
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head.startswith(_ZIP_MAGIC):
        what = describe_compound_file(path) if head.startswith(_CFB_MAGIC) else describe_content(head)
        if what == "a password-protected Office document":
            raise ExtractionError(path, _ENCRYPTED)
        raise ExtractionError(path, f"not a Word or OpenDocument text document (the file is {what})")
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            if len(infos) > MAX_ENTRIES:
                raise ExtractionError(path, f"refused: the package holds {len(infos):,} files (the limit is "
                                            f"{MAX_ENTRIES:,}); this is not a normal document (a 'zip bomb'?)")
            total = sum(info.file_size for info in infos)
            if total > MAX_UNPACKED_BYTES:
                raise ExtractionError(path, f"refused: the package would unpack to {_mb(total)} (the limit is "
                                            f"{_mb(MAX_UNPACKED_BYTES)}); this is not a normal document "
                                            "(a 'zip bomb'?)")
            for info in infos:
                if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    ratio = info.file_size / max(info.compress_size, 1)
                    raise ExtractionError(path, f"refused: its part {info.filename!r} would unpack {ratio:,.0f} "
                                                f"times larger ({_mb(info.file_size)}); this is a 'zip bomb', "
                                                "not a normal document")
            encrypted = any(info.flag_bits & 0x1 for info in infos)
            result = _identify(package, encrypted, len(infos), total)
            parts = check_parts if check_parts is not None else _parts_to_check(package, result)
            for name in parts:
                _check_part(path, package, name)
            return result
    except ExtractionError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise ExtractionError(path, f"the document is damaged or cut short: its ZIP package cannot be read "
                                    f"({exc})") from exc
    except OSError as exc:
        if exc.errno not in _DAMAGE_ERRNOS:
            raise  # the file itself cannot be read: the caller says why (permission, disk …)
        raise ExtractionError(path, _POINTS_OUTSIDE) from exc


def _identify(package: zipfile.ZipFile, encrypted: bool, entries: int, total: int) -> OfficePackage:
    mimetype = _read_small(package, "mimetype", 200)
    if mimetype is not None:
        kind = mimetype.decode("ascii", "replace").strip()
        manifest = _read_small(package, "META-INF/manifest.xml", 4 * 1024 * 1024) or b""
        encrypted = encrypted or b"encryption-data" in manifest
        if kind == ODT:
            return OfficePackage(ODT, "an OpenDocument text document", encrypted, entries, total)
        return OfficePackage(None, _ODF_KINDS.get(kind, f"an OpenDocument file of another kind ({kind[:60]})"),
                             encrypted, entries, total)
    types = _read_small(package, "[Content_Types].xml", 4 * 1024 * 1024)
    if types is not None:
        text = types.decode("utf-8", "replace").lower()
        if _WORD_MAIN in text:
            return OfficePackage(DOCX, "a Word document", encrypted, entries, total)
        for marker, what in _OOXML_KINDS:
            if marker in text:
                return OfficePackage(None, what, encrypted, entries, total)
        return OfficePackage(None, "an Office package of another kind", encrypted, entries, total)
    return OfficePackage(None, "a ZIP archive", encrypted, entries, total)


def _parts_to_check(package: zipfile.ZipFile, found: OfficePackage) -> tuple[str, ...]:
    names = package.namelist()
    if found.media_type == ODT:
        return tuple(n for n in ("content.xml", "meta.xml", "styles.xml") if n in names)
    if found.media_type == DOCX:
        return tuple(n for n in names if n.endswith((".xml", ".rels")))
    return ()


def _check_part(path: Path, package: zipfile.ZipFile, name: str) -> None:
    try:
        info = package.getinfo(name)
    except KeyError:
        return
    if info.file_size > MAX_PART_BYTES:
        raise ExtractionError(path, f"refused: its part {name!r} is {_mb(info.file_size)} of XML (the limit is "
                                    f"{_mb(MAX_PART_BYTES)})")
    if info.flag_bits & 0x1:
        return  # encrypted entry: reported as encrypted, never parsed
    with package.open(info) as member:
        prolog = member.read(4096)
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise ExtractionError(path, f"refused: its part {name!r} declares a DOCTYPE or entities, which Word and "
                                    "OpenDocument files never do (a crafted file?)")


# --- text ------------------------------------------------------------------------------------------------


def extract_office(path: Path, media_type: str | None = None) -> ExtractedText:
    """The visible text of a DOCX or ODT file (decided by its content; ``media_type`` is what it was declared
    as). Raises :class:`ExtractionError` for anything that is not a readable, unencrypted one."""
    path = Path(path)
    package = inspect_package(path)
    warnings: list[str] = []
    if package.media_type is None:
        raise ExtractionError(path, f"not a Word or OpenDocument text document (the file is {package.description})")
    if package.encrypted:
        raise ExtractionError(path, _ENCRYPTED)
    if media_type and media_type in OFFICE_TYPES and media_type != package.media_type:
        declared = "a Word document" if media_type == DOCX else "an OpenDocument text"
        warnings.append(f"the file is declared as {declared} but is {package.description}; it was read as such")
    try:
        raw = _docx_text(path) if package.media_type == DOCX else _odt_text(path)
    except ExtractionError:
        raise
    except (KeyError, AttributeError, ValueError, SyntaxError, zipfile.BadZipFile) as exc:
        # python-docx and odfdo raise their parsers' errors for a package whose parts are missing or are not
        # XML (a copy cut off, a program's bug); lxml's XMLSyntaxError is a SyntaxError
        raise ExtractionError(path, f"the document is damaged: {_damage(exc)}, so its text cannot be "
                                    "read") from exc
    except OSError as exc:
        if exc.errno not in _DAMAGE_ERRNOS:
            raise
        raise ExtractionError(path, _POINTS_OUTSIDE) from exc
    text = _tidy(raw)
    status = STATUS_OK
    if not text.strip():
        status = STATUS_NO_TEXT
        warnings.append("the document has no text (only pictures or empty pages?), so nothing can be searched")
    return ExtractedText(text, package.media_type, None, warnings=tuple(warnings), status=status)


def _damage(exc: Exception) -> str:
    """What is wrong with a package, in words, from the exception python-docx or odfdo raised."""
    if isinstance(exc, KeyError) and exc.args:
        return f"a part it needs ({str(exc.args[0]).strip(chr(39))}) is missing"
    if isinstance(exc, SyntaxError):
        return f"one of its parts is not valid XML ({str(exc)[:120]})"
    return f"its parts are not laid out as the format requires ({type(exc).__name__})"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TRAILING = re.compile(r"[ \t]+\n")
_BLANKS = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(lambda m: "\t" if m.group() == "\t" else " ", text)
    text = _TRAILING.sub("\n", text)
    return _BLANKS.sub("\n\n", text).strip()


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = frozenset({_W + "del", _W + "delText", _W + "instrText", _W + "delInstrText", _W + "rPr", _W + "pPr",
                   _W + "sectPr", _W + "tblPr", _W + "trPr", _W + "tcPr", _W + "tblGrid", _W + "commentReference",
                   _MC_FALLBACK})


def _hidden(run: Any) -> bool:
    props = run.find(_W + "rPr")
    if props is None:
        return False
    vanish = props.find(_W + "vanish")
    return vanish is not None and vanish.get(_W + "val", "true") not in ("0", "false", "off")


def _walk(element: Any, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _W + "t":
            out.append(child.text or "")
        elif tag == _W + "tab":
            out.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("\u2011")
        elif tag == _W + "p":
            _walk(child, out)
            out.append("\n")
        elif tag == _W + "tr":
            cells = []
            for cell in _cells(child):
                parts: list[str] = []
                _walk(cell, parts)
                cells.append("".join(parts).strip())
            out.append("\t".join(cells) + "\n")
        elif tag == _W + "r":
            if not _hidden(child):
                _walk(child, out)
        else:
            _walk(child, out)


def _cells(row: Any) -> Any:
    """The cells of a table row, also those wrapped in content controls (not those of nested tables)."""
    for child in row:
        if child.tag == _W + "tc":
            yield child
        elif isinstance(child.tag, str) and child.tag not in (_W + "tbl", _W + "tr") and child.tag not in _SKIP:
            yield from _cells(child)


def _docx_text(path: Path) -> str:
    import docx
    from docx.oxml.parser import parse_xml

    document = docx.Document(str(path))
    out: list[str] = []
    _walk(document.element.body, out)
    notes: list[str] = []
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/footnotes", "/endnotes")):
            continue
        root = parse_xml(rel.target_part.blob)
        for note in root:
            if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            parts: list[str] = []
            _walk(note, parts)
            if "".join(parts).strip():
                notes.append("".join(parts).strip())
    text = "".join(out)
    if notes:
        text += "\n\n" + "\n".join(notes)
    return text


def _odt_text(path: Path) -> str:
    import odfdo

    document = odfdo.Document(str(path))
    return document.get_formatted_text()


# --- document properties -----------------------------------------------------------------------------------


def office_properties(path: Path) -> dict[str, Any]:
    """Title, creators, created date, language, description, subjects of a DOCX/ODT (what is set).

    Keys: ``title`` (str), ``creator`` (list), ``created`` (datetime), ``language`` (str), ``description``
    (str), ``subject`` (list). Raises :class:`ExtractionError` like :func:`extract_office`.
    """
    path = Path(path)
    package = inspect_package(path)
    if package.media_type is None or package.encrypted:
        return {}
    if package.media_type == DOCX:
        import docx
        core = docx.Document(str(path)).core_properties
        return _clean({"title": core.title, "creator": _split_people(core.author), "created": core.created,
                       "language": core.language, "description": core.comments,
                       "subject": _split_words(core.subject) + _split_words(core.keywords)})
    import odfdo
    meta = odfdo.Document(str(path)).meta
    creator = meta.get_initial_creator() or meta.get_creator()
    keywords = meta.get_keywords() if hasattr(meta, "get_keywords") else None
    return _clean({"title": meta.get_title(), "creator": _split_people(creator),
                   "created": meta.get_creation_date(), "language": meta.get_language(),
                   "description": meta.get_description(),
                   "subject": _split_words(meta.get_subject()) + _split_words(keywords)})


def _split_people(value: object) -> list[str]:
    if not isinstance(value, str):
        return []
    return [p.strip() for p in value.split(";") if p.strip()]


def _split_words(value: object) -> list[str]:
    if not isinstance(value, str):
        return []
    return [p.strip() for p in re.split(r"[;,]", value) if p.strip()]


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, str):
            value = value.strip()
        if isinstance(value, _dt.datetime) or value:
            out[key] = value
    return out
