"""Phrases in the block evaluator (issue 17): exact phrases from the positions Whoosh stores, and first pages
of phrases with very many candidates settled without checking them all.

A phrase is the documents that hold all its words - each word's postings read only for the documents the
rarer words left (:mod:`._fast`) - whose positions then put the words one after another. Positions are
decoded for those documents only: blocks before the next wanted document are skipped from their headers.
Scores are Whoosh's span matcher's: the sum of the words' BM25F scores in its intersection's order (a
balanced binary tree), times the phrase's boost, so results, order and scores are the same.
"""

from __future__ import annotations

import bisect
import heapq

from whoosh import query as wq
from whoosh.codec import whoosh3
from whoosh.matching import wrappers as mwrappers

from . import _fast

__all__ = ["phrase", "has_phrase", "lazy_top", "LAZY_CANDIDATES"]


def _positions(r, fieldname: str, btext: bytes, docs: list[int], memo: dict | None = None) -> dict[int, list[int]]:
    """{segment docnum: positions} of one term in segment ``r`` for the sorted ``docs`` only: blocks whose
    documents all lie before the next wanted one are skipped from their header, never decoded (``memo``:
    blocks decoded earlier in the same search are not decoded again)."""
    out: dict[int, list[int]] = {}
    if not docs or (fieldname, btext) not in r:
        return out
    m = r.postings(fieldname, btext)
    if isinstance(m, mwrappers.FilterMatcher):
        m = m.child
    decode = m.format.decode_positions
    if isinstance(m, whoosh3.W3LeafMatcher):
        want = 0
        while not m._atend and want < len(docs):
            if m._maxid >= docs[want]:
                block = memo.get(("block", id(r), fieldname, btext, m._dataoffset)) if memo is not None else None
                if block is None:
                    m._read_ids()
                    m._read_values()
                    block = (m._ids, m._values)
                    if memo is not None:
                        memo[("block", id(r), fieldname, btext, m._dataoffset)] = block
                ids, values = block
                i = bisect.bisect_left(ids, docs[want])
                while i < len(ids) and want < len(docs):
                    d = ids[i]
                    if d == docs[want]:
                        out[d] = decode(values[i])
                        i += 1
                        want += 1
                    elif d < docs[want]:
                        i = bisect.bisect_left(ids, docs[want], i)
                    else:
                        want = bisect.bisect_left(docs, d, want)
                want = bisect.bisect_right(docs, m._maxid, want)
            if m._lastblock:
                break
            m._goto(m._nextoffset)
        return out
    wanted = set(docs)
    while m.is_active():  # inline postings of a rare term
        if m.id() in wanted:
            out[m.id()] = decode(m.value())
        m.next()
    return out


def _in_sequence(positions: list[list[int]]) -> bool:
    """Whether the words occur one after another: word k at position p + k for some p."""
    rest = [set(p) for p in positions[1:]]
    return any(all(p + k in later for k, later in enumerate(rest, start=1)) for p in positions[0])


def _tree_sums(parts: list[dict[int, float]], docs: set[int]) -> dict[int, float]:
    """{doc: the sum of its scores in ``parts``} for every doc of ``docs``, added as Whoosh's intersection of
    matchers adds them - a balanced binary tree, so the same floats - a dict at a time, not a call per doc."""
    if len(parts) == 1:
        only = parts[0]
        return {d: only[d] for d in docs}
    if len(parts) == 2:  # the common case, in one pass (each part holds every doc of ``docs``)
        a, b = parts
        return {d: a[d] + b[d] for d in docs}
    half = len(parts) // 2
    left, right = _tree_sums(parts[:half], docs), _tree_sums(parts[half:], docs)
    return {d: left[d] + right[d] for d in docs}


def phrase(s, q: wq.Phrase, scored: bool, within: set[int] | None, verify: bool = True,
            memo: dict | None = None) -> dict[int, float]:
    """{docnum: score} of an exact phrase: the documents that have every word (rarest first, each restricted
    to the ones before), then their positions read for those documents only. Scored as Whoosh does: the sum
    of the words' BM25F scores (in its intersection's order), times the phrase's boost. ``verify=False``:
    every document with all the words, with the score it has if the words turn out to be in sequence (an
    upper bound: see :func:`lazy_top`)."""
    field = s.schema[q.fieldname] if q.fieldname in s.schema else None
    if field is None:
        return {}
    if q.slop != 1 or not field.format or not field.format.supports("positions"):
        raise _fast.Unsupported("phrase with slop, or a field without positions")
    try:
        btexts = [field.to_bytes(w) for w in q.words]
    except ValueError:
        return {}
    reader = s.reader()
    if not btexts or any((q.fieldname, b) not in reader for b in btexts):
        return {}
    parts: list[dict[int, float] | None] = [None] * len(btexts)
    for i in sorted(range(len(btexts)), key=lambda i: reader.doc_frequency(q.fieldname, btexts[i])):
        part = _fast._term_bytes(s, q.fieldname, btexts[i], 1.0, scored and field.scorable, within, memo)
        if not part:
            return {}
        parts[i] = part
        within = set(part) if within is None else within & part.keys()
        if not within:
            return {}
    assert within is not None
    found: set[int] = set(within) if not verify else set()
    distinct = list(dict.fromkeys(btexts)) if verify else []
    for r, offset in (_fast._leaves(s) if verify else ()):
        n = r.doc_count_all()
        docs = sorted(d - offset for d in within if offset <= d < offset + n)
        if not docs:
            continue
        where = {b: _positions(r, q.fieldname, b, docs, memo) for b in distinct}
        for d in docs:
            seq = [where[b].get(d) for b in btexts]
            if all(seq) and _in_sequence(seq):
                found.add(d + offset)
    scores = _tree_sums(parts, found)  # type: ignore[arg-type]
    return {d: v * q.boost for d, v in scores.items()} if q.boost != 1.0 else scores


def has_phrase(q: wq.Query, negated: bool = False) -> bool:
    """Whether ``q`` holds a phrase that is not under a NOT (one whose check can be put off)."""
    if type(q) is wq.Phrase:
        return not negated
    if type(q) is wq.AndNot:
        return has_phrase(q.a, negated)
    return any(has_phrase(x, negated) for x in getattr(q, "subqueries", ()))


#: A search with a phrase whose words are together in more documents than this answers its first page from
#: the best of them (checking their positions a chunk at a time) and estimates the total ("about N").
LAZY_CANDIDATES = 3_000


def lazy_top(s, q: wq.Query, within: set[int] | None, limit: int,
             key=None) -> tuple[dict[int, float], int] | None:
    """The matches a first page of a query with phrases needs, without checking every candidate's positions.

    Every phrase is first read as "all its words" (a superset of its matches, and the score a match gets is
    the score of the words together: an upper bound). Candidates are then checked in the order they would be
    shown - best bound first, or by ``key`` (a date sort's key: checking does not move a document) - a growing
    chunk at a time, until the page is settled: its last match beats every candidate not checked (equal
    ones are checked too). Returns ({match: score} of those checked, an estimate of the total), or None when
    the query has no phrase or few candidates (then :func:`evaluate` is cheap enough)."""
    if not has_phrase(q):
        return None
    memo: dict = {}
    bounds = _fast._eval(s, q, True, within, relax=True, memo=memo)
    if len(bounds) <= LAZY_CANDIDATES:
        return None
    # best bound first, ties by document number (a stable sort of the sorted numbers; no Python key per call)
    order = sorted(sorted(bounds), key=bounds.__getitem__, reverse=True) if key is None else sorted(bounds, key=key)
    exact: dict[int, float] = {}
    checked, chunk = 0, max(4 * limit, 256)
    while checked < len(order):
        batch = order[checked:checked + chunk]
        checked += len(batch)
        exact.update(_fast._eval(s, q, True, set(batch), memo=memo))
        chunk *= 4
        if len(exact) < limit or checked >= len(order):
            continue
        if key is None:
            kth_score, kth = _fast.top(exact, limit)[-1]
            nxt = order[checked]
            # candidates are in (-bound, docnum) order: the ones left either score below the page's last,
            # or tie it with a higher document number (ranked after it, as Whoosh ranks ties)
            if kth_score > bounds[nxt] or (kth_score == bounds[nxt] and kth < nxt):
                break
        elif max(key(d) for d in heapq.nsmallest(limit, exact, key=key)) < key(order[checked]):
            break
    estimate = len(exact) if checked >= len(order) else round(len(exact) / checked * len(order))
    return exact, max(estimate, len(exact))


