"""Dublin Core guesses from a file, for the import form to start from (the user corrects them).

Where each term comes from:

=============  ===============================================================================================
title          PDF Info /Title, DOCX core properties, ODT meta, HTML ``<title>``, the first Markdown heading
               (or ``title:`` of a front matter), else the file name. Titles that are really file names
               ("Microsoft Word - report.docx", "untitled") are not taken.
creator        PDF /Author, DOCX author (``;`` separates several), ODT initial creator, HTML
               ``<meta name="author">``, Markdown front matter ``author:``
date           EDTF: PDF /CreationDate, DOCX/ODT created, EXIF DateTimeOriginal, HTML ``<meta name="date">``
               and its Dublin Core / Open Graph forms; a date in the future or before photography (1826) is
               a wrong clock and is left out
description    PDF /Subject, DOCX comments, ODT description, HTML ``<meta name="description">``; for photos
               the EXIF image description and the camera ("Camera: Canon EOS 40D."); EXIF Artist is the
               creator and EXIF Copyright the rights
subject        PDF /Keywords, DOCX subject and keywords, ODT subject and keywords, HTML keywords
language       only when the file declares it (DOCX, ODT, HTML ``lang``), as a BCP 47 tag
format, type   the media type found from the content; ``Text`` or ``StillImage``
=============  ===============================================================================================

:func:`prefill` never raises: a file it cannot read gives the title from its name and what the content
sniffing found.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
from pathlib import Path
from typing import Any

from ..archive import DateError, parse_date
from ..extract import media
from ..extract.office import OFFICE_TYPES
from .kinds import IMAGE, identify

__all__ = ["prefill", "guess", "title_from_name", "date_from_name", "normalise_language"]

_log = logging.getLogger(__name__)
_MAX_TITLE = 300
_MAX_DESCRIPTION = 2000
_EARLIEST_YEAR = 1826  # the oldest surviving photograph; earlier "taken" dates are wrong clocks
_PDF_DATE = re.compile(r"^\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?"  # language, script, region
                   r"(?:-[A-Za-z0-9]{5,8}|-\d[A-Za-z0-9]{3})*$")  # variants
_JUNK_TITLE = re.compile(r"^(?:untitled(?:[-\s]*\d+)?|document\d*|title|slide \d+|microsoft word|none|null|"
                         r"\(anonymous\)|no title|blank|new document|word document|pdf document)$", re.IGNORECASE)
_FILE_LIKE = re.compile(r"\.(?:docx?|odt|pdf|rtf|tex|dvi|ps|indd|pages|txt|html?|qxd|wpd|pub)$", re.IGNORECASE)
_APP_PREFIX = re.compile(r"^(?:Microsoft (?:Word|PowerPoint|Excel) - |Word - )", re.IGNORECASE)


#: an ISO date at the start of a file name: 1789-04-30-…, 2009-07_…, 20090715 … (then a separator or the end)
_NAME_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|(\d{2})(\d{2}))(?=$|[-_ .])[-_ .]*")


def title_from_name(path: Path) -> str:
    """A title from a file name: the stem, underscores as spaces ("hrw_no_exit_2005.pdf" -> "hrw no exit 2005");
    a leading ISO date is left to the date ("1789-04-30-first-inaugural-address" -> "First inaugural address")."""
    stem = Path(path).stem
    date, rest = date_from_name(path)
    if date and re.search(r"[^\W\d_]", rest):
        words = re.sub(r"[-_\s]+", " ", rest).strip(" .-")
        return (words[:1].upper() + words[1:])[:_MAX_TITLE]
    stem = re.sub(r"[_\s]+", " ", stem).strip(" .-") or Path(path).name
    return stem[:_MAX_TITLE]


def date_from_name(path: Path) -> tuple[str, str]:
    """(EDTF date, the rest of the name) when the file name starts with an ISO date, else ("", stem)."""
    stem = Path(path).stem
    match = _NAME_DATE.match(stem)
    if not match:
        return "", stem
    year, month, day, compact_month, compact_day = match.groups()
    month, day = month or compact_month, day or compact_day
    date = _edtf(int(year), int(month) if month else None, int(day) if day else None, earliest=1000)
    return (date, stem[match.end():]) if date else ("", stem)


def normalise_language(value: str) -> str | None:
    """A BCP 47 tag from what files declare ("en_US" -> "en-US", "EN" -> "en"), or None if it is not one."""
    tag = value.strip().replace("_", "-")
    if not tag or not _LANG.match(tag):
        return None
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def prefill(path: Path) -> dict[str, object]:
    """Dublin Core guesses for ``path`` (see the module docstring). Never raises."""
    return guess(path)[0]


def guess(path: Path) -> tuple[dict[str, object], dict[str, str]]:
    """(Dublin Core guesses, where the title and date came from: "the file name", "the PDF's properties" …).
    Never raises."""
    path = Path(path)
    out: dict[str, Any] = {"title": title_from_name(path)}
    named, _rest = date_from_name(path)
    early = {"title": "the file name"}
    if named:
        out["date"] = named
        early["date"] = "the file name"
    try:
        found = identify(path)
    except OSError:
        return out, early
    except Exception:  # noqa: BLE001 - a guess must never stop an import
        _log.exception("prefill: identifying %s failed", path)
        return out, early
    if found.media_type:
        out["format"] = found.media_type
        out["type"] = "StillImage" if found.kind == IMAGE else "Text"
    guessed: dict[str, Any] = {}
    try:
        if found.kind == IMAGE:
            guessed = _image(path)
        elif found.media_type == media.PDF:
            guessed = _pdf(path)
        elif found.media_type in OFFICE_TYPES:
            guessed = _office(path)
        elif found.media_type == media.HTML:
            guessed = _html(path)
        elif found.media_type == media.MARKDOWN:
            guessed = _markdown(path)
        elif found.media_type == "message/rfc822":
            guessed = _message(path)
    except Exception as exc:  # noqa: BLE001 - damaged metadata: keep the minimal guesses
        _log.info("prefill: metadata of %s not read (%s: %s)", path, type(exc).__name__, exc)
        guessed = {}
    sources = {"title": "the file name"}
    origin = _ORIGIN.get(found.media_type or "", "the photo's EXIF" if found.kind == IMAGE else "the file")
    title = _good_title(guessed.pop("title", ""), path)
    if title:
        out["title"] = title
        sources["title"] = origin
    for key, value in guessed.items():
        if value not in (None, "", [], ()):
            out[key] = value
    if guessed.get("date"):
        sources["date"] = origin
    named, _rest = date_from_name(path)
    if named and (found.kind != IMAGE or not out.get("date")):
        # a date a person put in the name is about the content; a PDF's or DOCX's creation date is about
        # the file (a 2016 scan of a 1986 letter); a photo's EXIF date is the moment it was taken
        out["date"] = named
        sources["date"] = "the file name"
    return out, sources


_ORIGIN = {"message/rfc822": "the message's headers", media.PDF: "the PDF's properties", media.HTML: "the web page's head", media.MARKDOWN: "the Markdown text",
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "the document's properties",
           "application/vnd.oasis.opendocument.text": "the document's properties"}


# --- helpers -------------------------------------------------------------------------------------------


def _good_title(value: object, path: Path) -> str:
    if not isinstance(value, str):
        return ""
    title = re.sub(r"\s+", " ", value.replace("\x00", "")).strip()
    title = _APP_PREFIX.sub("", title)
    if _FILE_LIKE.search(title):
        return ""  # "report.docx": the name of the file it was made from, not a title
    if not title or _JUNK_TITLE.match(title) or not any(ch.isalnum() for ch in title):
        return ""
    return title[:_MAX_TITLE]


def _edtf(year: int, month: int | None = None, day: int | None = None, *, earliest: int = 1000) -> str:
    """An EDTF date of the precision given, or "" when it is impossible, before ``earliest`` or in the future."""
    today = _dt.date.today()
    if not earliest <= year <= today.year:
        return ""
    text = f"{year:04d}"
    try:
        if month:
            if day:
                if _dt.date(year, month, day) > today:
                    return ""
                text += f"-{month:02d}-{day:02d}"
            else:
                if (year, month) > (today.year, today.month) or not 1 <= month <= 12:
                    return ""
                text += f"-{month:02d}"
    except ValueError:
        return ""
    try:
        parse_date(text)
    except DateError:
        return ""
    return text


def _date_from_text(value: object, pattern: re.Pattern[str], earliest: int = 1000) -> str:
    if not isinstance(value, str):
        return ""
    match = pattern.match(value)
    if not match:
        return ""
    year, month, day = (int(g) if g else None for g in match.groups())
    return _edtf(year, month, day if month else None, earliest=earliest) if year else ""


def _date_from_datetime(value: object) -> str:
    if isinstance(value, _dt.datetime):
        return _edtf(value.year, value.month, value.day, earliest=1900)
    if isinstance(value, _dt.date):
        return _edtf(value.year, value.month, value.day, earliest=1900)
    return ""


_PLACEHOLDER = re.compile(r"^(?:anonymous|unknown|unspecified|none|null|n/?a|-+|\?+|user|owner|admin|"
                         r"administrator|author|test)$", re.IGNORECASE)


def _useful(text: str) -> bool:
    return bool(text) and not _PLACEHOLDER.match(text) and any(ch.isalnum() for ch in text)


def _people(value: object) -> list[str]:
    if isinstance(value, str):
        value = value.split(";")
    if isinstance(value, (list, tuple)):
        return [p for p in (_text(str(v), 200) for v in value) if _useful(p)][:20]
    return []


def _words(value: object) -> list[str]:
    if isinstance(value, str):
        value = re.split(r"[;,]", value)
    if isinstance(value, (list, tuple)):
        return [w for w in (_text(str(v), 200) for v in value) if _useful(w)][:30]
    return []


def _text(value: object, limit: int = _MAX_DESCRIPTION) -> str:
    if not isinstance(value, str):
        return ""
    text = re.sub(r"[ \t]+", " ", value.replace("\x00", "")).strip()[:limit]
    return text if _useful(text) else ""


def _language(value: object) -> str:
    if isinstance(value, str):
        return normalise_language(value) or ""
    return ""


# --- by kind -------------------------------------------------------------------------------------------


def _pdf(path: Path) -> dict[str, Any]:
    import pypdfium2 as pdfium

    from ..extract import PDFIUM_LOCK
    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(path)
        except pdfium.PdfiumError:
            return {}  # encrypted or damaged: the import says which
        try:
            info = document.get_metadata_dict(skip_empty=True)
        finally:
            document.close()
    return {"title": info.get("Title", ""), "creator": _people(info.get("Author")),
            "date": _date_from_text(info.get("CreationDate"), _PDF_DATE, earliest=1980),
            "description": _text(info.get("Subject")), "subject": _words(info.get("Keywords"))}


def _office(path: Path) -> dict[str, Any]:
    from ..extract.office import office_properties
    props = office_properties(path)
    return {"title": props.get("title", ""), "creator": _people(props.get("creator")),
            "date": _date_from_datetime(props.get("created")), "description": _text(props.get("description")),
            "subject": _words(props.get("subject")), "language": _language(props.get("language"))}


_IMAGE_DESCRIPTION, _ARTIST, _COPYRIGHT = 0x010E, 0x013B, 0x8298
_CAMERA_DEFAULT_TEXT = re.compile(r"^(?:[A-Z ]+ DIGITAL CAMERA|SONY DSC|DCF\s*\d.*|default|image|picture|"
                                  r"photo|untitled|copyright.*reserved\.?|\W*)$", re.IGNORECASE)


def _image(path: Path) -> dict[str, Any]:
    from ..images import ImageProblem, exif_summary, open_image
    out: dict[str, Any] = {}
    try:
        with open_image(path, need_frames=False) as opened:
            exif = exif_summary(opened.image)
            try:
                tags = opened.image.getexif()
                own = {key: _text(_exif_text(tags.get(key)), 500)
                       for key in (_IMAGE_DESCRIPTION, _ARTIST, _COPYRIGHT)}
            except Exception:  # noqa: BLE001 - damaged EXIF: the summary's fields are enough
                own = {}
    except ImageProblem:
        return {}
    if exif.date_taken:
        out["date"] = _date_from_text(exif.date_taken, _ISO_DATE, earliest=_EARLIEST_YEAR)
    described = own.get(_IMAGE_DESCRIPTION, "")
    camera = exif.camera.lower()
    notes = [described] if (len(described) > 3 and not _CAMERA_DEFAULT_TEXT.match(described)
                            and described.lower() not in camera) else []
    if exif.camera:
        notes.append(f"Camera: {exif.camera}.")
    out["description"] = " ".join(notes)
    artist = own.get(_ARTIST, "")
    if artist and not _CAMERA_DEFAULT_TEXT.match(artist):
        out["creator"] = _people(artist)
    rights = own.get(_COPYRIGHT, "")
    if rights and not _CAMERA_DEFAULT_TEXT.match(rights):
        out["rights"] = rights
    return out


def _exif_text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value.replace("\x00", " ").strip() if isinstance(value, str) else ""


_HEAD_BYTES = 256 * 1024


def _html(path: Path) -> dict[str, Any]:
    from bs4 import BeautifulSoup

    from ..extract.decode import NotTextError, decode_bytes
    from ..extract.html_charset import declared_charset
    with path.open("rb") as handle:
        data = handle.read(_HEAD_BYTES)
    try:
        text = decode_bytes(data, declared_charset(data)).text
    except NotTextError:
        return {}
    end = text.lower().find("</head>")
    soup = BeautifulSoup(text[: end + 7] if end >= 0 else text, "html.parser")
    out: dict[str, Any] = {}
    title = soup.find("title")
    if title is not None:
        out["title"] = title.get_text()
    html = soup.find("html")
    if html is not None and (html.get("lang") or html.get("xml:lang")):
        out["language"] = _language(str(html.get("lang") or html.get("xml:lang")))
    metas: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = str(meta.get("name") or meta.get("property") or meta.get("http-equiv") or "").strip().lower()
        content = meta.get("content")
        if key and isinstance(content, str) and key not in metas:
            metas[key] = content
    out["creator"] = _people(metas.get("author") or metas.get("dc.creator") or metas.get("dcterms.creator"))
    out["description"] = _text(metas.get("description") or metas.get("dc.description")
                               or metas.get("og:description"))
    out["subject"] = _words(metas.get("keywords") or metas.get("dc.subject"))
    for key in ("dcterms.date", "dc.date", "dc.date.issued", "dcterms.issued", "date", "article:published_time",
                "citation_publication_date"):
        date = _date_from_text(metas.get(key), _ISO_DATE)
        if date:
            out["date"] = date
            break
    if not out.get("language") and metas.get("content-language"):
        out["language"] = _language(metas["content-language"].split(",")[0])
    return out


_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_SETEXT = re.compile(r"^(\S[^\n]*)\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)


def _markdown(path: Path) -> dict[str, Any]:
    from ..extract.decode import NotTextError, decode_bytes
    with path.open("rb") as handle:
        data = handle.read(_HEAD_BYTES)
    try:
        text = decode_bytes(data).text
    except NotTextError:
        return {}
    out: dict[str, Any] = {}
    front = _FRONT.match(text)
    if front:
        fields = {}
        for line in front.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip() and not key.startswith((" ", "\t")):
                fields[key.strip().lower()] = value.strip().strip("'\"")
        out["title"] = fields.get("title", "")
        out["creator"] = _people(fields.get("author", ""))
        out["date"] = _date_from_text(fields.get("date", ""), _ISO_DATE)
        out["description"] = _text(fields.get("description", ""))
        out["language"] = _language(fields.get("lang", "") or fields.get("language", ""))
        text = text[front.end():]
    if not out.get("title"):
        headings = [m for m in (_ATX.search(text), _SETEXT.search(text)) if m is not None]
        if headings:
            first = min(headings, key=lambda m: m.start())
            out["title"] = re.sub(r"[*_`]+", "", first.group(1)).strip()
    return out


def _message(path: Path) -> dict[str, Any]:
    """From -> creator, Date -> date, Subject -> title; To and Cc kept in the description."""
    from ..mail import read_message
    message = read_message(path)
    kept = [f"{name}: {', '.join(values)}" for name, values in (("To", message.to), ("Cc", message.cc)) if values]
    return {"title": message.subject, "creator": _people([message.sender]) if message.sender else [],
            "date": _date_from_datetime(message.date) if message.date else "",
            "description": _text("E-mail. " + "; ".join(kept) if kept else "E-mail.")}
