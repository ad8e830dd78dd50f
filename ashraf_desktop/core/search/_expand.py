"""Prefix and fuzzy words: matched against the archive's unstemmed words (``words.txt``), then mapped to index
terms (the query language's ``word*`` and ``word~``; docs/search.md)."""

from __future__ import annotations

import bisect
from contextvars import ContextVar
from typing import Callable, Iterator

from whoosh import query as wq

from ._analysis import stem_folded

__all__ = ["Expansion", "expand", "WORD_LIST", "MAX_EXPANSION"]

MAX_EXPANSION = 512  # words a prefix or fuzzy term may expand to


class Expansion(wq.Prefix):
    """A prefix or fuzzy word matched against the unstemmed words of the archive, then mapped to index terms.

    Matching unstemmed words makes ``liberat*`` find "liberation" although the index holds the stem
    ``liber``; the direct prefix of the field's own terms is added too.
    """

    def __init__(self, fieldname: str, text: str, mode: str = "prefix", maxdist: int = 1, boost: float = 1.0):
        super().__init__(fieldname, text, boost=boost, constantscore=True)
        self.mode = mode
        self.maxdist = maxdist

    def __eq__(self, other: object) -> bool:
        return (type(other) is type(self) and other.fieldname == self.fieldname and other.text == self.text
                and other.mode == self.mode and other.maxdist == self.maxdist and other.boost == self.boost)

    def __hash__(self) -> int:
        return hash((self.fieldname, self.text, self.mode, self.maxdist, self.boost))

    def __repr__(self) -> str:
        return f"Expansion({self.fieldname!r}, {self.text!r}, {self.mode!r}, {self.maxdist})"

    def _btexts(self, ixreader):
        return expand(ixreader, self.fieldname, self.text, self.mode, self.maxdist)


#: While the facade searches: a function returning the index's sorted unstemmed words (``words.txt``).
WORD_LIST: ContextVar[Callable[[], list[str]] | None] = ContextVar("ashraf_word_list", default=None)


def _spell_words(reader, text: str, mode: str, maxdist: int) -> Iterator[str]:
    if mode == "prefix":
        provider = WORD_LIST.get()
        words = provider() if provider is not None else []
        i = bisect.bisect_left(words, text)
        while i < len(words) and words[i].startswith(text):
            yield words[i]
            i += 1
        return
    provider = WORD_LIST.get()
    words = provider() if provider is not None else []
    if not words:
        return
    from whoosh.spelling import ListCorrector
    for _score, w in ListCorrector(words)._suggestions(text, maxdist, 1):  # a Levenshtein automaton
        yield w


def expand(reader, fieldname: str, text: str, mode: str, maxdist: int = 1) -> list[bytes]:
    """Index terms of ``fieldname`` that a prefix/fuzzy ``text`` (already folded, unstemmed) stands for."""
    out: dict[bytes, None] = {}
    if mode == "prefix":
        for b in reader.expand_prefix(fieldname, text):
            out.setdefault(b, None)
            if len(out) >= MAX_EXPANSION:
                return list(out)
    for word in _spell_words(reader, text, mode, maxdist):
        b = stem_folded(word).encode("utf-8")
        if b not in out and (fieldname, b) in reader:
            out.setdefault(b, None)
            if len(out) >= MAX_EXPANSION:
                break
    return list(out)


