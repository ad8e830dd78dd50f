"""A faster evaluator for the common queries: words, AND/OR/NOT, prefix and fuzzy words, date ranges.

Whoosh scores a query by walking a tree of matcher objects, several Python method calls for every
posting of every term; on 88k short records a common word (16k matches in title and content) took
~250 ms, and the exhaustive scoring needed for an exact total could not be skipped. This module reads
the same postings a block at a time (ids and weights as arrays) and computes the same BM25F scores
with plain loops and dicts: the same matches, totals and order (ties by document number, as Whoosh's
top collector breaks them), at a fraction of the cost. Date ranges are answered from the ``date_lo`` /
``date_hi`` / ``undated`` columns instead of Whoosh's numeric trie terms.

Only the query shapes :func:`to_whoosh` produces for plain words, boolean operators, phrases (read from
the stored positions: :mod:`._phrases`), prefix/fuzzy expansions and date ranges are handled; anything
else (``id:``, Whoosh's own multi-term queries) raises :class:`Unsupported` and the caller searches with
Whoosh as before.
Everything here reads Whoosh 2.7.5's on-disk structures through their (private) reader attributes;
the version is pinned and frozen, and the tests compare this evaluator with Whoosh's on every shape.
"""

from __future__ import annotations

import heapq
from array import array
from typing import Any

from whoosh import columns
from whoosh import query as wq
from whoosh.codec import whoosh3
from whoosh.matching import wrappers as mwrappers
from whoosh.util.numeric import byte_to_length

from . import _phrases

__all__ = ["Unsupported", "evaluate", "docset", "top", "date_docset", "sort_keys"]

_LENGTH_OF = [byte_to_length(b) for b in range(256)]

#: Restricted to fewer than 1/SKIP_RATIO of a term's postings, skip to each wanted document instead of
#: decoding every block (a skip costs a few microseconds; decoding a posting a fraction of one).
SKIP_RATIO = 16


class Unsupported(Exception):
    """The query has a shape this evaluator does not handle: search with Whoosh."""


# --- per-segment data, read once per searcher --------------------------------------------------------

def _leaves(s) -> list[tuple[Any, int]]:
    """(segment reader, document offset) for each segment of searcher ``s``."""
    if s.is_atomic():
        return [(s.reader(), 0)]
    return [(sub.reader(), offset) for sub, offset in s.subsearchers]


def _cache(r) -> dict:
    cache = r.__dict__.get("_ashraf_fast")
    if cache is None:
        cache = r.__dict__["_ashraf_fast"] = {}
    return cache


def _deleted(r) -> frozenset[int]:
    cache = _cache(r)
    got = cache.get("deleted")
    if got is None:
        got = cache["deleted"] = frozenset(r.deleted_docs_set) if r.has_deletions() else frozenset()
    return got


def _lengths(r, fieldname: str) -> bytes:
    """The length byte of ``fieldname`` for every document of segment ``r`` (0 for none)."""
    cache = _cache(r)
    key = ("len", fieldname)
    got = cache.get(key)
    if got is None:
        n = r.doc_count_all()
        col = r._perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        if col is None:
            got = bytes(n)
        else:
            count = min(n, getattr(col, "_count", 0))
            raw = col._dbfile.get(col._basepos, count) if count else b""
            got = bytes(raw) + bytes(n - count)
        cache[key] = got
    return got


def _numbers(r, fieldname: str) -> array | None:
    """The raw (sortable, unsigned) integer column ``fieldname`` of segment ``r`` as an array, or None.

    Whoosh stores a NUMERIC column in its sortable form (order-preserving), so comparisons against
    bounds converted with ``field.to_column_value`` give the same answers as comparing the numbers."""
    cache = _cache(r)
    key = ("col", fieldname)
    if key in cache:
        return cache[key]
    got = None
    column = r.schema[fieldname].column_type if fieldname in r.schema else None
    if not r.has_column(fieldname) and isinstance(column, columns.NumericColumn):
        # no document of this segment has a value (only undated ones, say): each has the column's default,
        # as Whoosh's own readers answer (the segments stay aligned: see _patches, 2.)
        got = array(column._typecode, [column.default_value()]) * r.doc_count_all()
    elif r.has_column(fieldname):
        col = r.column_reader(fieldname, translate=False)
        n = r.doc_count_all()
        typecode = getattr(col, "_typecode", None)
        if typecode is not None and hasattr(col, "_dbfile"):
            count = min(n, col._count)
            got = array(typecode)
            if count:
                got.frombytes(bytes(col._dbfile.get(col._basepos, count * col._fixedlen)))
                if array("H", [1]).tobytes()[0] == 1:  # little-endian machine: the column is big-endian
                    got.byteswap()
            got.extend([col._default] * (n - count))
        else:
            got = array("Q", (col[d] for d in range(n)))
    cache[key] = got
    return got


def _postings(r, fieldname: str, btext: bytes, only: list[int] | None = None) -> tuple[Any, Any]:
    """(ids, weights) of one term in segment ``r``, deleted documents included (``only``: sorted
    segment docnums; the postings of the others are skipped a block at a time, not decoded)."""
    if (fieldname, btext) not in r:
        return (), ()
    m = r.postings(fieldname, btext)
    if isinstance(m, mwrappers.FilterMatcher):
        m = m.child
    if only is not None:
        ids, ws = [], []
        for d in only:
            if not m.is_active():
                break
            m.skip_to(d)
            if m.is_active() and m.id() == d:
                ids.append(d)
                ws.append(m.weight())
        return ids, ws
    if isinstance(m, whoosh3.W3LeafMatcher):
        ids: list[int] = []
        weights = array("f")
        while not m._atend:
            m._read_ids()
            m._read_weights()
            ids.extend(m._ids)
            weights.extend(m._weights)
            if m._lastblock:
                break
            m._goto(m._nextoffset)
        return ids, weights
    ids, ws = [], []
    while m.is_active():  # inline postings of a rare term
        ids.append(m.id())
        ws.append(m.weight())
        m.next()
    return ids, ws


# --- evaluation --------------------------------------------------------------------------------------

def _term(s, q: wq.Term, scored: bool, within: set[int] | None, memo: dict | None = None) -> dict[int, float]:
    field = s.schema[q.fieldname] if q.fieldname in s.schema else None
    if field is None:
        return {}
    try:
        btext = field.to_bytes(q.text)
    except ValueError:
        return {}
    return _term_bytes(s, q.fieldname, btext, q.boost, scored and field.scorable, within, memo)


def _term_bytes(s, fieldname: str, btext: bytes, boost: float, scored: bool,
                within: set[int] | None = None, memo: dict | None = None) -> dict[int, float]:
    """{docnum: BM25F score × boost} of one term (``within``: only these documents). ``memo`` (one search's
    scratch dict): a term read whole once is filtered from then on instead of being read again."""
    out: dict[int, float] = {}
    if (fieldname, btext) not in s.reader():
        return out
    if memo is not None:
        key = ("term", fieldname, btext, boost, scored)
        whole = memo.get(key)
        if whole is None and (within is None or len(within) * SKIP_RATIO > s.doc_frequency(fieldname, btext)):
            whole = memo[key] = _term_bytes(s, fieldname, btext, boost, scored)
        if whole is not None:
            if within is None:
                return whole
            if len(within) < len(whole):
                return {d: whole[d] for d in within if d in whole}
            return {d: sc for d, sc in whole.items() if d in within}
    if scored:
        w = s.weighting
        B = getattr(w, "_field_B", {}).get(fieldname, w.B)
        K1 = w.K1
        idf = s.idf(fieldname, btext)
        avgfl = s.avg_field_length(fieldname) or 1
        k1p = K1 + 1
    for r, offset in _leaves(s):
        only = None
        if within is not None:
            n = r.doc_count_all()
            only = sorted(d - offset for d in within if offset <= d < offset + n)
            if not only:
                continue
            if len(only) * SKIP_RATIO > r.doc_frequency(fieldname, btext):
                only = None  # most postings are wanted: decoding them all is cheaper than skipping
        ids, weights = _postings(r, fieldname, btext, only)
        if not ids:
            continue
        dead = _deleted(r)
        if within is not None and only is None:
            keep = [i for i, d in enumerate(ids) if d + offset in within]
            ids = [ids[i] for i in keep]
            weights = [weights[i] for i in keep]
        if scored:
            lens = _lengths(r, fieldname)
            # whoosh.scoring.bm25 is idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl))): the
            # length part depends only on the length byte, so it is computed once for each of the 256
            # values, with the same operations in the same order, and the scores stay the same floats
            norm = [K1 * ((1 - B) + B * (L or 1) / avgfl) for L in _LENGTH_OF]
            if dead:
                pairs = [(d, tf) for d, tf in zip(ids, weights) if d not in dead]
            else:
                pairs = zip(ids, weights)
            if boost != 1.0:
                out.update((d + offset, idf * ((tf * k1p) / (tf + norm[lens[d]])) * boost) for d, tf in pairs)
            else:
                out.update((d + offset, idf * ((tf * k1p) / (tf + norm[lens[d]]))) for d, tf in pairs)
        else:
            out.update((d + offset, tf * boost) for d, tf in zip(ids, weights) if d not in dead)
    return out


def _union(parts: list[dict[int, float]], boost: float) -> dict[int, float]:
    parts = [p for p in parts if p]
    if not parts:
        return {}
    parts.sort(key=len, reverse=True)
    out = dict(parts[0])
    for p in parts[1:]:
        get = out.get
        for d, sc in p.items():
            prev = get(d)
            out[d] = sc if prev is None else prev + sc
    if boost != 1.0:
        out = {d: sc * boost for d, sc in out.items()}
    return out


def _intersection(parts: list[dict[int, float]], boost: float) -> dict[int, float]:
    if not parts or any(not p for p in parts):
        return {}
    parts = sorted(parts, key=len)
    out = dict(parts[0])
    for p in parts[1:]:
        out = {d: sc + p[d] for d, sc in out.items() if d in p}
        if not out:
            return out
    if boost != 1.0:
        out = {d: sc * boost for d, sc in out.items()}
    return out


def _all_live(s, score: float) -> dict[int, float]:
    out: dict[int, float] = {}
    for r, offset in _leaves(s):
        dead = _deleted(r)
        for d in range(r.doc_count_all()):
            if d not in dead:
                out[d + offset] = score
    return out


def date_docset(s, lo: int | None, hi: int | None, within: set[int] | None = None) -> set[int]:
    """Global numbers of the dated documents whose span [date_lo, date_hi] overlaps [lo, hi]
    (``within``: only these documents are looked at)."""
    schema = s.schema
    lo_ = 0 if lo is None else schema["date_hi"].to_column_value(lo)
    hi_ = 2 ** 64 if hi is None else schema["date_lo"].to_column_value(hi)
    dated = schema["undated"].to_column_value(0)
    out: set[int] = set()
    for r, offset in _leaves(s):
        los, his, undated = _numbers(r, "date_lo"), _numbers(r, "date_hi"), _numbers(r, "undated")
        if los is None or his is None or undated is None:
            raise Unsupported("no date columns (an index written by an older version)")
        dead = _deleted(r)
        if within is not None:
            end = offset + len(los)
            out.update(d for d in within if offset <= d < end and undated[d - offset] == dated
                       and los[d - offset] <= hi_ and his[d - offset] >= lo_ and d - offset not in dead)
            continue
        out.update(d + offset for d, (a, b, u) in enumerate(zip(los, his, undated))
                   if u == dated and a <= hi_ and b >= lo_ and d not in dead)
    return out


def _date_range(q: wq.And) -> tuple[int | None, int | None] | None:
    """(lo, hi) if ``q`` is the date clause ``date_lo <= hi AND date_hi >= lo`` of :func:`to_whoosh`."""
    subs = q.subqueries
    if len(subs) != 2 or not all(isinstance(x, wq.NumericRange) for x in subs):
        return None
    a, b = subs
    if (a.fieldname, b.fieldname) != ("date_lo", "date_hi") or a.start is not None or b.end is not None:
        return None
    if a.startexcl or a.endexcl or b.startexcl or b.endexcl:
        return None
    return b.start, a.end


def _size(s, q: wq.Query) -> int:
    if type(q) is wq.And and _date_range(q) is not None:
        return 1 << 41  # a date range is checked last, on the documents the words matched
    try:
        return q.estimate_size(s.reader())
    except Exception:  # noqa: BLE001 - only an ordering hint
        return 1 << 40


def _eval(s, q: wq.Query, scored: bool, within: set[int] | None = None, relax: bool = False,
          memo: dict | None = None) -> dict[int, float]:
    """{docnum: score} of ``q`` (``within``: only these documents may be returned; ``relax``: phrases not
    under a NOT match every document with all their words - a superset, with upper-bound scores)."""
    from ._expand import Expansion

    if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
        return {}
    if type(q) is wq.Term:
        return _term(s, q, scored, within, memo)
    if type(q) is wq.Phrase:
        return _phrases.phrase(s, q, scored, within, verify=not relax, memo=memo)
    if isinstance(q, Expansion):
        field = s.schema[q.fieldname] if q.fieldname in s.schema else None
        if field is None:
            return {}
        btexts = [b for b in q._btexts(s.reader()) if b]
        # Whoosh ORs the expanded terms, each scored with the searcher's weighting, then applies the boost
        # (Whoosh 2.7 forgets the boost when the expansion has a single term; here it always applies)
        parts = [_term_bytes(s, q.fieldname, b, 1.0, scored and field.scorable, within, memo) for b in btexts]
        return _union(parts, q.boost)
    if type(q) is wq.And:
        rng = _date_range(q)
        if rng is not None:
            # each NumericRange is a constant-score query worth its boost (1.0): the pair adds 2.0
            score = sum(x.boost for x in q.subqueries) * q.boost
            return dict.fromkeys(date_docset(s, *rng, within=within), score)
        # the most selective part first; the others are only scored on the documents it matched
        subs = sorted(q.subqueries, key=lambda x: _size(s, x))
        parts = []
        for x in subs:
            part = _eval(s, x, scored, within, relax, memo)
            if not part:
                return {}
            parts.append(part)
            within = set(part) if within is None else within & part.keys()
        return _intersection(parts, q.boost)
    if type(q) is wq.Or:
        if q.scale or getattr(q, "minmatch", 0):
            raise Unsupported("scaled or min-match OR")
        return _union([_eval(s, x, scored, within, relax, memo) for x in q.subqueries], q.boost)
    if type(q) is wq.AndNot:
        pos = _eval(s, q.a, scored, within, relax, memo)
        if pos:
            neg = _eval(s, q.b, False, set(pos), memo=memo)
            if neg:
                pos = {d: sc for d, sc in pos.items() if d not in neg}
        return pos
    if type(q) is wq.Every and not q.fieldname:
        out = _all_live(s, q.boost)
        return out if within is None else {d: sc for d, sc in out.items() if d in within}
    raise Unsupported(type(q).__name__)


def evaluate(s, q: wq.Query, scored: bool = True, within: set[int] | None = None) -> dict[int, float]:
    """{global docnum: score} of every live document ``q`` matches (``within``: among these only);
    raises :class:`Unsupported`."""
    return _eval(s, q, scored, within)


def docset(s, q: wq.Query) -> set[int]:
    """The documents ``q`` matches, unscored (for filters); raises :class:`Unsupported`."""
    return set(_eval(s, q, False))


def top(scores: dict[int, float], limit: int) -> list[tuple[float, int]]:
    """The ``limit`` best (score, docnum), best first; equal scores in document order (as Whoosh)."""
    if not scores:
        return []
    best = heapq.nlargest(limit, scores.values())
    floor = best[-1]
    tied = [(-sc, d) for d, sc in scores.items() if sc >= floor]
    tied.sort()
    return [(-neg, d) for neg, d in tied[:limit]]


def sort_keys(s, fieldnames: tuple[str, ...]) -> list[array] | None:
    """Global arrays of the integer columns ``fieldnames`` (for sorting by date), or None."""
    out = []
    for name in fieldnames:
        parts = []
        for r, _offset in _leaves(s):
            col = _numbers(r, name)
            if col is None:
                return None
            parts.append(col)
        merged = array(parts[0].typecode)
        for p in parts:
            merged.extend(p)
        out.append(merged)
    return out
