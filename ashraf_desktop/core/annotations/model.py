"""What an annotation is: plain immutable data shared by the store, the anchoring code and the exporters.

Kept free of SQLite and JSON so that the GUI can hold annotations in undo stacks and models without a
database handle, and so that every format (rows, JSON-LD, CSV) maps to and from one definition.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from enum import Enum

from .errors import AnnotationValueError

__all__ = [
    "Kind", "Colour", "Status", "COLOUR_HEX", "TextSelector", "RegionSelector", "Annotation", "Mutation",
    "normalise_tag", "normalise_tags", "validate", "guess_note_language",
]


class Kind(str, Enum):
    HIGHLIGHT = "highlight"  # a marked text passage; the note body is optional
    NOTE = "note"  # a comment, on a passage or (without a selector) on the whole item
    REGION = "region"  # a rectangle on an image

    def __str__(self) -> str:
        return self.value


class Colour(str, Enum):
    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    PINK = "pink"
    ORANGE = "orange"

    def __str__(self) -> str:
        return self.value


#: Display colours (also written into the JSON-LD stylesheet). The GUI may paint them translucent.
COLOUR_HEX: dict[Colour, str] = {
    Colour.YELLOW: "#ffe066", Colour.GREEN: "#8ce99a", Colour.BLUE: "#74c0fc",
    Colour.PINK: "#faa2c1", Colour.ORANGE: "#ffc078",
}


class Status(str, Enum):
    ANCHORED = "anchored"  # the passage was found in the item's current text
    ORPHANED = "orphaned"  # it was not: kept, listed, never dropped

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class TextSelector:
    """Where a passage is: W3C TextQuoteSelector (exact/prefix/suffix) + TextPositionSelector (start/end).

    Offsets count characters (code points) of ``ExtractedText.text`` - the text the viewer shows, PDF page
    separators included. ``page`` (1-based) is set for PDFs: the page the passage starts on.
    """

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int = 0
    end: int = 0
    page: int | None = None


@dataclass(frozen=True, slots=True)
class RegionSelector:
    """A rectangle on an image in **percent** of the displayed (EXIF-oriented) image: x, y, w, h in 0..100.

    Percent, not pixels, so a region drawn on a 1600 px preview lands on the same place of the 6000 px
    original and of any thumbnail (Media Fragments ``xywh=percent:x,y,w,h``).
    """

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Annotation:
    """One annotation as stored. ``id`` is a lower-case UUID string, stable across export and import."""

    id: str
    collection_id: str
    item_id: str
    kind: Kind
    item_sha256: str = ""  # SHA-256 of the item's file when the annotation was made ("" for records)
    colour: Colour = Colour.YELLOW
    body: str = ""  # the note, Markdown (CommonMark); links to items as [label](item:<id>)
    tags: tuple[str, ...] = ()  # normalised, sorted
    author: str = ""
    created: str = ""  # ISO 8601 UTC with milliseconds, e.g. 2024-05-01T09:30:00.000Z
    modified: str = ""
    text: TextSelector | None = None
    region: RegionSelector | None = None
    status: Status = Status.ANCHORED
    #: W3C motivations as given by the tool that made it ("bookmarking", "tagging", …); () for the app's
    #: own, whose motivation follows from ``kind`` and the note
    motivation: tuple[str, ...] = ()
    note_language: str = ""  # BCP 47 language of the note ("fa"), "" when not known
    note_format: str = ""  # media type of the note: "" or "text/markdown" for the app's own, as given otherwise
    #: The annotation exactly as another tool wrote it (canonical JSON of its W3C JSON-LD node), "" for the
    #: app's own. Never edited: export writes it back with the app's edits patched in (jsonld_patch), so
    #: every part the app does not show leaves the app unchanged.
    original: str = ""

    @property
    def quote(self) -> str:
        return self.text.exact if self.text else ""

    @property
    def page(self) -> int | None:
        return self.text.page if self.text else None

    def same_content(self, other: "Annotation") -> bool:
        """Equal in everything a person wrote or chose. Positions, context (prefix/suffix) and status are
        bookkeeping that re-anchoring re-derives from the local text; timestamps say when, not what."""
        def key(a: Annotation) -> tuple:
            quote = a.text.exact if a.text else None  # prefix/suffix follow the text like positions
            return (a.collection_id, a.item_id, a.kind, a.item_sha256, a.colour, a.body, a.tags, a.author,
                    quote, a.region, a.motivation, a.note_language, a.note_format, a.original)
        return key(self) == key(other)


@dataclass(frozen=True, slots=True)
class Mutation:
    """One committed change: the state before and after (None = did not exist). The unit of undo/redo.

    ``store.apply(m.inverse())`` undoes ``m`` and returns the mutation that redoes it, so a QUndoCommand
    keeps one field: ``self.m = store.apply(self.m.inverse())`` in both undo() and redo().
    """

    before: Annotation | None
    after: Annotation | None

    @property
    def annotation_id(self) -> str:
        state = self.after or self.before
        assert state is not None
        return state.id

    def inverse(self) -> "Mutation":
        return Mutation(before=self.after, after=self.before)


_PERSIAN_LETTERS = set("پچژگکی")  # letters Persian writes and Arabic does not (ک and ی: Persian forms)


def guess_note_language(text: str) -> str:
    """"fa" or "ar" for a note written in Arabic script, "" otherwise: the only guess the app can make with
    confidence (Latin letters do not say which language). Export then carries the note's language."""
    arabic_script = [ch for ch in text if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff"]
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or len(arabic_script) * 2 < len(letters):
        return ""
    return "fa" if _PERSIAN_LETTERS & set(arabic_script) else "ar"


_SPACE = re.compile(r"\s+")
MAX_TAG = 100


def normalise_tag(tag: str) -> str:
    """One spelling per tag: NFC, no control characters, single spaces, lower case ("Camp  Ashraf" → "camp ashraf")."""
    text = unicodedata.normalize("NFC", str(tag))
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\t\n ")
    text = _SPACE.sub(" ", text).strip().lower()
    if not text:
        raise AnnotationValueError("a tag cannot be empty")
    if len(text) > MAX_TAG:
        raise AnnotationValueError(f"a tag is at most {MAX_TAG} characters")
    return text


def normalise_tags(tags) -> tuple[str, ...]:
    if isinstance(tags, str):
        raise AnnotationValueError("tags must be a list of strings, not one string")
    return tuple(sorted({normalise_tag(t) for t in tags}))


_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_LANGUAGE = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")


def validate(a: Annotation) -> Annotation:
    """Check an annotation is well-formed and return it with normalised tags; raise AnnotationValueError.

    The store calls this before every write, so nothing malformed reaches the database from any path
    (GUI, import, undo).
    """
    if not _UUID.match(a.id):
        raise AnnotationValueError(f"annotation id must be a lower-case UUID: {a.id!r}")
    for name, value in (("collection id", a.collection_id), ("item id", a.item_id)):
        if not _ID_PATTERN.match(value or ""):
            raise AnnotationValueError(f"invalid {name}: {value!r}")
    if a.item_sha256 and not _HEX64.match(a.item_sha256):
        raise AnnotationValueError(f"item_sha256 must be 64 lower-case hex digits: {a.item_sha256!r}")
    kind, colour, status = Kind(a.kind), Colour(a.colour), Status(a.status)
    if kind is Kind.REGION:
        if a.region is None or a.text is not None:
            raise AnnotationValueError("a region annotation needs a region and no text selector")
        r = a.region
        values = (r.x, r.y, r.w, r.h)
        if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in values):
            raise AnnotationValueError("region coordinates must be finite numbers")
        if r.x < 0 or r.y < 0 or r.w <= 0 or r.h <= 0 or r.x + r.w > 100.0001 or r.y + r.h > 100.0001:
            raise AnnotationValueError(f"region must lie inside the image (percent 0..100): {r}")
        region = RegionSelector(float(r.x), float(r.y), float(r.w), float(r.h))
    else:
        region = None
        if a.region is not None:
            raise AnnotationValueError(f"a {kind} annotation has no image region")
        if kind is Kind.HIGHLIGHT and a.text is None:
            raise AnnotationValueError("a highlight needs a text selector")
    if a.text is not None:
        t = a.text
        if not t.exact:
            raise AnnotationValueError("a text selector needs the exact quote")
        if t.start < 0 or t.end < t.start:
            raise AnnotationValueError(f"bad text position {t.start}..{t.end}")
        if t.page is not None and t.page < 1:
            raise AnnotationValueError(f"page numbers start at 1: {t.page}")
    tags = normalise_tags(a.tags)
    motivation = tuple(str(m) for m in a.motivation)
    if any(not m or any(ch.isspace() for ch in m) for m in motivation):
        raise AnnotationValueError(f"a motivation is one word or IRI without spaces: {motivation!r}")
    if a.note_language and not _LANGUAGE.match(a.note_language):
        raise AnnotationValueError(f"not a BCP 47 language tag: {a.note_language!r}")
    return replace(a, kind=kind, colour=colour, status=status, tags=tags, region=region,
                   body=str(a.body), author=str(a.author).strip(), motivation=motivation,
                   note_format=str(a.note_format).strip(), original=str(a.original))
