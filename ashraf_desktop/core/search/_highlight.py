"""Where the query's words are in a text, and plain-text snippets with highlight spans.

Works on the original text with the index's own analyzer (:func:`iter_terms`), so a hit found through
folding (``ي`` for ``ی``, ``é`` for ``e``, ZWNJ or not) is marked on the characters exactly as written.
"""

from __future__ import annotations

import re

from ._analysis import WORD_RE, iter_terms, term_of
from ._query import HighlightSpec

__all__ = ["find_hits", "make_snippet", "SNIPPET_CHARS", "SCAN_CHARS"]

SNIPPET_CHARS = 220
SCAN_CHARS = 300_000  # snippets look at most this far into a text; hit_spans reads all of it
_SPACE = re.compile(r"\s+")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: Porter2's irregular forms whose stem does not share all but its last letter with the word.
_IRREGULAR = {"die": ("dy",), "lie": ("ly",), "tie": ("ty",)}
_CANDIDATES: dict[frozenset[str], re.Pattern | None] = {}


def _ascii_words(text: str) -> bool:
    """True when every word of ``text`` is ASCII (non-ASCII characters, if any, are punctuation/space)."""
    if text.isascii():
        return True
    return not any(WORD_RE.match(c) for c in set(_NON_ASCII.findall(text)))


def _candidate_re(terms: frozenset[str]) -> re.Pattern | None:
    """One regex for the words of an ASCII text that may analyse to one of ``terms``.

    A stemmed word keeps all but (at most) its stem's last letter as its beginning (``happy`` → ``happi``,
    ``hoping`` → ``hope``), except Porter2's irregular ``dying/lying/tying``; each candidate is confirmed
    with :func:`term_of`, so the spans are exactly those of the full tokenizer.
    """
    pat = _CANDIDATES.get(terms, False)
    if pat is not False:
        return pat
    prefixes: set[str] = set()
    for t in terms:
        if not t.isascii():
            continue  # cannot occur in a text whose words are ASCII
        prefixes.add(t[:-1] if len(t) > 1 else t)
        prefixes.update(_IRREGULAR.get(t, ()))
    if not prefixes:
        pat = None
    else:
        alts = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
        pat = re.compile(f"(?<![\\w])(?:{alts})\\w*", re.IGNORECASE | re.ASCII) if "" not in prefixes else None
    if len(_CANDIDATES) > 256:
        _CANDIDATES.clear()
    _CANDIDATES[terms] = pat
    return pat


def _iter_matching(text: str, wanted: frozenset[str], end: int | None, fast: bool):
    """(term, start, end) of the tokens of ``text[:end]`` whose term is in ``wanted``, in order."""
    if fast:
        pat = _candidate_re(wanted)
        if pat is not None:
            it = pat.finditer(text, 0) if end is None else pat.finditer(text, 0, end)
            for m in it:
                t = term_of(m.group())
                if t in wanted:
                    yield t, m.start(), m.end()
            return
    for t, s, e in iter_terms(text, 0, end):
        if t in wanted:
            yield t, s, e


def find_hits(text: str, spec: HighlightSpec, limit: int | None = None, max_hits: int | None = None,
              settle: int | None = None) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans of every term and phrase of ``spec`` in ``text``.

    For snippets: ``limit`` stops reading at that offset, ``max_hits`` after that many hits, and ``settle``
    once every word of the query has been seen and ``settle`` more characters were read after the first
    hit (a long text is not read to its end to show three lines of it).

    Texts whose words are all ASCII take a fast path: one regex finds the words that may analyse to a
    query term, and only those are analysed (same spans as tokenizing the whole text).
    """
    if not text or not spec:
        return []
    terms = spec.terms
    phrases = spec.phrases
    end = min(len(text), limit) if limit else None
    spans: list[tuple[int, int]] = []
    fast = _ascii_words(text if end is None or end >= len(text) else text[:end])
    if not phrases:
        missing = set(terms)
        stop_at = None
        for term, s, e in _iter_matching(text, terms, end, fast):
            if stop_at is not None and s > stop_at:
                break
            if term in terms:
                spans.append((s, e))
                if max_hits and len(spans) >= max_hits:
                    break
                if settle is not None:
                    missing.discard(term)
                    if not missing and stop_at is None:
                        stop_at = spans[0][0] + settle
        return spans
    firsts = {p[0] for p in phrases}
    pending: list[tuple[int, int]] = []
    if fast:
        for term, s, e in _iter_matching(text, frozenset(terms | firsts), end, True):
            if term in terms:
                pending.append((s, e))
            if term in firsts:
                for p in phrases:
                    if p[0] != term:
                        continue
                    last = e
                    k = 1
                    if len(p) > 1:
                        for t2, _s2, e2 in iter_terms(text, e, end):
                            if t2 != p[k]:
                                break
                            last = e2
                            k += 1
                            if k == len(p):
                                break
                    if k == len(p):
                        pending.append((s, last))
            if max_hits and len(pending) >= max_hits:
                break
        return _merge_spans(pending)
    tokens = list(iter_terms(text, 0, end))
    for i, (term, s, e) in enumerate(tokens):
        if term in terms:
            pending.append((s, e))
        if term in firsts:
            for p in phrases:
                n = len(p)
                if p[0] == term and i + n <= len(tokens) and all(tokens[i + k][0] == p[k] for k in range(1, n)):
                    pending.append((s, tokens[i + n - 1][2]))
        if max_hits and len(pending) >= max_hits:
            break
    return _merge_spans(pending)


def _merge_spans(pending: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pending.sort()
    for s, e in pending:  # merge overlaps (a word inside a phrase hit)
        if spans and s < spans[-1][1]:
            if e > spans[-1][1]:
                spans[-1] = (spans[-1][0], e)
            continue
        spans.append((s, e))
    return spans


def _best_window(text: str, hits: list[tuple[int, int]], width: int) -> int:
    """Index of the hit that starts the window holding the most different words, then the most hits."""
    keys = [term_of(text[s:e]) for s, e in hits]
    best, best_score, j = 0, (0, 0), 0
    for i, (s, _) in enumerate(hits):
        if j < i:
            j = i
        while j + 1 < len(hits) and hits[j + 1][1] <= s + width:
            j += 1
        score = (len(set(keys[i:j + 1])), j - i + 1)
        if score > best_score:
            best, best_score = i, score
    return best


def make_snippet(text: str, hits: list[tuple[int, int]], width: int = SNIPPET_CHARS
                 ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line excerpt of ``text`` around its densest cluster of ``hits``, and the hits inside it."""
    if not text:
        return "", ()
    if hits:
        first = _best_window(text, hits, width - width // 4)
        anchor = hits[first][0]
        start = max(0, anchor - width // 4)
        if start > 0:  # begin at a word boundary
            ws = _SPACE.search(text, start, anchor)
            start = ws.end() if ws else start
    else:
        start = 0
    end = min(len(text), start + width)
    if end < len(text):
        cut = text.rfind(" ", start + width // 2, end)
        end = cut if cut > 0 else end
    body = _SPACE.sub(" ", text[start:end])
    lead = body[:1] == " "

    def to_snippet(offset: int) -> int:  # a text offset inside [start, end] → offset in ``body``
        return len(_SPACE.sub(" ", text[start:offset]))

    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - (1 if lead else 0)
    body = body.strip(" ")
    spans = []
    for s, e in hits:
        if s >= start and e <= end:
            a = to_snippet(s) + shift
            b = to_snippet(e) + shift
            if b > a:
                spans.append((a, b))
    snippet = prefix + body + suffix
    limit = len(prefix) + len(body)
    return snippet, tuple((a, min(b, limit)) for a, b in spans if a < limit)
