"""Hit bookkeeping shared by the text and PDF pages: which hit is current, and "3 of 17".

Pure Python (no widgets) so it is tested without a window; positions are whatever the page uses
(UTF-16 document positions for QTextDocument, result indexes for QPdfSearchModel).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..i18n import fill, translate

__all__ = ["HitCursor", "utf16_offsets", "codepoint_offsets", "query_terms", "is_rtl_text"]


@dataclass
class HitCursor:
    """A list of hits and the current one; stepping wraps around like a browser's find."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    current: int = -1

    def reset(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(set(spans))
        self.current = 0 if self.spans else -1

    @property
    def count(self) -> int:
        return len(self.spans)

    def step(self, forward: bool = True) -> int:
        if not self.spans:
            self.current = -1
            return -1
        self.current = (self.current + (1 if forward else -1)) % len(self.spans)
        return self.current

    def go_to_at_or_after(self, position: int) -> int:
        for i, (start, _end) in enumerate(self.spans):
            if start >= position:
                self.current = i
                return i
        self.current = 0 if self.spans else -1
        return self.current

    def label(self) -> str:
        if not self.spans:
            return translate("HitCursor", "No matches")
        return fill(translate("HitCursor", "%1 of %2"), self.current + 1, len(self.spans))


def utf16_offsets(text: str, offsets: list[int]) -> list[int]:
    """Map Python (code point) offsets in ``text`` to UTF-16 positions, which QTextDocument counts in."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return list(offsets)
    result = []
    for off in offsets:
        prefix = text[:max(0, off)]
        result.append(off + sum(1 for c in prefix if ord(c) >= 0x10000))
    return result


def codepoint_offsets(text: str, positions: list[int]) -> list[int]:
    """The inverse of :func:`utf16_offsets`: UTF-16 positions in ``text`` to Python (code point) offsets."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return list(positions)
    result = []
    for pos in positions:
        units = i = 0
        while i < len(text) and units < pos:
            units += 2 if ord(text[i]) >= 0x10000 else 1
            i += 1
        result.append(i)
    return result


_OPERATORS = {"and", "or", "not", "to"}


def query_terms(query: str) -> list[str]:
    """Words and quoted phrases of a query, without operators and field prefixes; a fallback for when the
    index cannot say where the hits are (a document opened before the index was ready)."""
    terms: list[str] = []
    for match in re.finditer(r'"([^"]+)"|(\S+)', query or ""):
        phrase, word = match.groups()
        if phrase:
            terms.append(phrase.strip())
            continue
        word = word.lstrip("+")
        if not word or word.startswith("-") or word.lower() in _OPERATORS:
            continue
        if ":" in word:
            continue  # date:2003..2009, kind:record - filters, not words in the text
        word = word.strip("()*?~^")
        if word:
            terms.append(word)
    return terms


def is_rtl_text(text: str) -> bool:
    """True when the first strong character is right-to-left (Persian, Arabic, Hebrew)."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return True
        if bidi == "L":
            return False
    return False
