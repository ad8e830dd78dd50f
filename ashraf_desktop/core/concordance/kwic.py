"""One keyword-in-context line: the words before a hit, the hit, the words after it.

The text of a line is the archive's text exactly as written, except that runs of white space (line breaks
of the source) become one space, so a line reads as one line. Contexts are cut at word boundaries, never
inside a word. Each line knows the direction of its hit: in a Persian or Arabic line the words *before*
the hit stand to its right, and the view must lay the line out that way (see :attr:`Line.rtl`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Source", "Line", "make_line", "is_rtl", "CONTEXT_CHARS", "KEY_SEP"]

#: Characters of context taken on each side of a hit (a view elides what does not fit).
CONTEXT_CHARS = 90
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[\w\u200c\u200d\u00ad\u0610-\u061a\u064b-\u065f\u0670]+")
_SORT_WORDS = 4
_SORT_CHARS = 60  # enough for the four words nearest the hit
KEY_SEP = "\x00"


@dataclass(frozen=True, slots=True)
class Source:
    """The document a line comes from (one per document, shared by its lines)."""

    id: str  # the item's or event's id
    kind: str  # "document" | "record" | "event" | "image"
    title: str
    date: str | None  # EDTF as written
    year: int | None  # the year counted in "per year" (of the date's first day); None when undated
    item_id: str | None  # the item to open (for an event: its first cited item)


@dataclass(frozen=True, slots=True)
class Line:
    source: Source
    start: int  # the hit is ``text[start:end]`` of the source's stored text
    end: int
    page: int | None  # PDF page of the hit (1-based)
    before: str
    match: str
    after: str
    rtl: bool
    #: for sorting: the folded words nearest the hit first (for ``before``, the last word first), joined by
    #: ``KEY_SEP``, which sorts below every character, so that comparing keys compares word by word
    before_key: str = field(default="", compare=False)
    after_key: str = field(default="", compare=False)


def is_rtl(text: str) -> bool | None:
    """The direction of the first strongly directional character (None when there is none)."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return True
        if bidi == "L":
            return False
    return None


def _before(text: str, start: int, width: int) -> str:
    cut = max(0, start - width)
    piece = text[cut:start]
    if cut > 0:
        space = _SPACE.search(piece)
        piece = piece[space.start():] if space else ""  # begin at a word boundary
    return _SPACE.sub(" ", piece).lstrip(" ")


def _after(text: str, end: int, width: int) -> str:
    stop = min(len(text), end + width)
    piece = text[end:stop]
    if stop < len(text):
        cut = max(piece.rfind(" "), piece.rfind("\n"), piece.rfind("\t"))
        piece = piece[:cut] if cut >= 0 else ""  # end at a word boundary
    return _SPACE.sub(" ", piece).rstrip(" ")


def _words(text: str, fold, last: bool) -> str:
    """The sort key of a context: one ``fold`` call on the words joined (folding is per character)."""
    if last:
        words = _WORD.findall(text[-_SORT_CHARS:])[-_SORT_WORDS:][::-1]
    else:
        words = _WORD.findall(text[:_SORT_CHARS])[:_SORT_WORDS]
    return fold(KEY_SEP.join(words))


def make_line(source: Source, text: str, start: int, end: int, page: int | None, fold,
              width: int = CONTEXT_CHARS) -> Line:
    """The line of the hit ``text[start:end]``; ``fold`` is how words compare when lines are sorted."""
    before = _before(text, start, width)
    after = _after(text, end, width)
    match = _SPACE.sub(" ", text[start:end])
    rtl = is_rtl(match)
    if rtl is None:  # a number or a sign: its neighbours decide
        rtl = is_rtl(before[::-1]) or is_rtl(after) or False
    return Line(source, start, end, page, before, match, after, rtl,
                _words(before, fold, last=True), _words(after, fold, last=False))
