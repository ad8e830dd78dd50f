"""Finding an annotated passage again after the text changed (W3C TextQuote + TextPosition selectors).

Pure functions on strings, no database: the store calls them inside a transaction when an item's text is
re-extracted, and tests drive them directly. The order of attempts is the order of confidence:

1. the stored position still holds the exact quote (nothing changed before it) - the common case, O(1);
2. the exact quote occurs elsewhere - each occurrence is scored by how much of the stored prefix/suffix
   surrounds it, ties go to the one nearest the old position (text inserted or deleted before the quote);
3. the quote itself was edited: the stored prefix and suffix still bracket a passage of similar length
   (an insertion inside the quote), or an approximate match within a bound of edits is found near
   the old position, the context or pieces of the quote.

When none succeeds the caller marks the annotation orphaned - it is never dropped.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .model import TextSelector

__all__ = ["CONTEXT_CHARS", "FUZZY_MAX_EDIT_RATIO", "AnchorMatch", "anchor", "locate", "text_selector"]

#: Characters of context stored before and after a quote (prefix/suffix).
CONTEXT_CHARS = 32
#: A changed quote still anchors when at most this share of its characters were edited (Levenshtein).
FUZZY_MAX_EDIT_RATIO = 0.2
#: When both the prefix and the suffix still bracket the passage, it may have changed this much.
BRACKETED_MAX_EDIT_RATIO = 0.5
_MIN_BRACKET_CONTEXT = 8  # context shorter than this is too weak to vouch for a changed quote
_MAX_OCCURRENCES = 2000
_MAX_WINDOWS = 24
_DP_LIMIT = 240  # longer quotes are located by their head and tail (keeps the DP small)


@dataclass(frozen=True, slots=True)
class AnchorMatch:
    start: int
    end: int
    method: str  # "position" | "quote" | "context" | "fuzzy"
    distance: int = 0  # edits between the stored quote and text[start:end]

    @property
    def exact(self) -> bool:
        return self.distance == 0


def text_selector(text, start: int, end: int, *, context: int = CONTEXT_CHARS) -> TextSelector:
    """The selector for ``text[start:end]``: quote, context and position (and page, for an ExtractedText
    with pages). ``text`` is a str or an ``ExtractedText``; this is what the viewer calls on a selection."""
    s = getattr(text, "text", text)
    if not isinstance(s, str):
        raise TypeError("text must be a str or an ExtractedText")
    if not 0 <= start < end <= len(s):
        raise ValueError(f"selection {start}..{end} is outside the text (0..{len(s)}) or empty")
    page = None
    if getattr(text, "pages", None):
        page = text.page_of(start)
    return TextSelector(exact=s[start:end], prefix=s[max(0, start - context):start], suffix=s[end:end + context],
                        start=start, end=end, page=page)


def anchor(selector: TextSelector, text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the passage in ``text``, or None when it can no longer be placed."""
    match = locate(selector, text)
    return (match.start, match.end) if match else None


def locate(selector: TextSelector, text: str) -> AnchorMatch | None:
    """Like :func:`anchor`, saying how the passage was found and how much it changed."""
    exact = selector.exact
    if not exact:
        return None
    s, e = selector.start, selector.end
    if 0 <= s <= e <= len(text) and text[s:e] == exact:
        return AnchorMatch(s, e, "position")
    best = _best_exact(selector, text)
    if best is not None:
        return best
    return _bracketed(selector, text) or _fuzzy(selector, text)


def _common_prefix_len(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix_len(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


def _context_score(selector: TextSelector, text: str, start: int, end: int) -> int:
    before = text[max(0, start - len(selector.prefix)):start]
    after = text[end:end + len(selector.suffix)]
    return _common_suffix_len(selector.prefix, before) + _common_prefix_len(selector.suffix, after)


def _occurrences(needle: str, text: str, limit: int = _MAX_OCCURRENCES) -> list[int]:
    found, at = [], text.find(needle)
    while at != -1 and len(found) < limit:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _best_exact(selector: TextSelector, text: str) -> AnchorMatch | None:
    m = len(selector.exact)
    best_key, best = None, None
    for at in _occurrences(selector.exact, text):
        key = (_context_score(selector, text, at, at + m), -abs(at - selector.start))
        if best_key is None or key > best_key:
            best_key, best = key, at
    return AnchorMatch(best, best + m, "quote") if best is not None else None


def edit_distance_estimate(a: str, b: str) -> int:
    """An upper bound of the Levenshtein distance from difflib's opcodes - exact for the small, local edits
    that matter here, and fast (C-accelerated matching) for long passages."""
    if a == b:
        return 0
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


def _bracketed(selector: TextSelector, text: str) -> AnchorMatch | None:
    """The stored prefix and suffix both still occur, close together: what lies between is the (changed)
    quote. Strong evidence, so a larger change is accepted than for a bare fuzzy match."""
    prefix, suffix, m = selector.prefix, selector.suffix, len(selector.exact)
    if len(prefix) < _MIN_BRACKET_CONTEXT or len(suffix) < _MIN_BRACKET_CONTEXT:
        return None
    limit = int(m * BRACKETED_MAX_EDIT_RATIO)
    best: tuple[tuple[int, int], AnchorMatch] | None = None
    for p in _occurrences(prefix, text, 200):
        start = p + len(prefix)
        window_end = start + m + limit + len(suffix)
        s = text.find(suffix, start, window_end)
        if s == -1 or s - start < max(1, m - limit):
            continue
        dist = edit_distance_estimate(selector.exact, text[start:s])
        if dist <= limit:
            key = (dist, abs(start - selector.start))
            if best is None or key < best[0]:
                best = (key, AnchorMatch(start, s, "context", dist))
    return best[1] if best else None


def _fuzzy(selector: TextSelector, text: str) -> AnchorMatch | None:
    exact = selector.exact
    m = len(exact)
    bound = int(m * FUZZY_MAX_EDIT_RATIO)
    if bound == 0 or not text:
        return None
    starts = _candidate_starts(selector, text, bound)
    best: tuple[tuple, AnchorMatch] | None = None
    for lo, hi in _windows(starts, m, bound, len(text)):
        found = _best_in_window(exact, text, lo, hi)
        if found is None:
            continue
        dist, s, e = found
        if dist > bound or e <= s:
            continue
        key = (dist, -_context_score(selector, text, s, e), abs(s - selector.start))
        if best is None or key < best[0]:
            best = (key, AnchorMatch(s, e, "fuzzy", dist))
    return best[1] if best else None


def _candidate_starts(selector: TextSelector, text: str, bound: int) -> list[int]:
    """Where the changed quote probably starts: the old position, after the prefix, before the suffix, and
    where its first or last few characters still occur. Nearest the old position first."""
    exact, m = selector.exact, len(selector.exact)
    starts = [min(max(selector.start, 0), len(text))]
    if len(selector.prefix) >= _MIN_BRACKET_CONTEXT:
        tail = selector.prefix[-16:]
        starts += [p + len(tail) for p in _occurrences(tail, text, 50)]
    if len(selector.suffix) >= _MIN_BRACKET_CONTEXT:
        head = selector.suffix[:16]
        starts += [p - m for p in _occurrences(head, text, 50)]
    seed = max(4, min(16, m // 3))
    if m >= 2 * seed:
        starts += _occurrences(exact[:seed], text, 50)
        starts += [p - (m - seed) for p in _occurrences(exact[-seed:], text, 50)]
    starts = sorted(set(starts), key=lambda p: abs(p - selector.start))
    return starts


def _windows(starts: list[int], m: int, bound: int, n: int) -> list[tuple[int, int]]:
    pad = bound + 8
    windows: list[tuple[int, int]] = []
    for start in starts:
        lo, hi = max(0, start - pad), min(n, start + m + pad)
        if any(a <= lo and hi <= b for a, b in windows):
            continue
        windows.append((lo, hi))
        if len(windows) >= _MAX_WINDOWS:
            break
    return windows


def _best_in_window(exact: str, text: str, lo: int, hi: int) -> tuple[int, int, int] | None:
    """(distance, start, end) of the substring of text[lo:hi] closest to ``exact``."""
    window = text[lo:hi]
    if len(exact) <= _DP_LIMIT:
        dist, s, e = _sellers(exact, window)
        return dist, lo + s, lo + e
    head, tail = exact[:64], exact[-64:]
    hd, hs, _ = _sellers(head, window)
    td, _, te = _sellers(tail, window)
    if te <= hs:
        return None
    return edit_distance_estimate(exact, window[hs:te]), lo + hs, lo + te


def _sellers(pattern: str, window: str) -> tuple[int, int, int]:
    """Approximate substring search (Sellers 1980): the least edit distance between ``pattern`` and any
    substring of ``window``, with that substring's bounds. O(len(pattern) * len(window))."""
    m = len(pattern)
    col = list(range(m + 1))
    st = [0] * (m + 1)
    best = (col[m], 0, 0)
    for j, ch in enumerate(window, 1):
        new = [0] * (m + 1)
        nst = [j] * (m + 1)
        for i in range(1, m + 1):
            sub = col[i - 1] + (pattern[i - 1] != ch)
            dele = new[i - 1] + 1
            ins = col[i] + 1
            if sub <= dele and sub <= ins:
                new[i], nst[i] = sub, st[i - 1]
            elif dele <= ins:
                new[i], nst[i] = dele, nst[i - 1]
            else:
                new[i], nst[i] = ins, st[i]
        if new[m] < best[0]:
            best = (new[m], nst[m], j)
        col, st = new, nst
    return best
