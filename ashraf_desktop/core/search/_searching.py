"""Query execution: a parsed query against one Whoosh searcher, to plain results.

Everything here takes a searcher (from :class:`._readers.Readers`) and returns the plain data of
:mod:`._types`; nothing here knows about generations, writers or failures (the facade's failure rule wraps
every call). The block evaluator (:mod:`._fast`) answers the common shapes; Whoosh's own collectors answer
the rest, with the same matches, totals and order.
"""

from __future__ import annotations

import bisect
import time
from collections import Counter
from typing import Any, Callable

from whoosh import collectors, sorting
from whoosh import query as wq
from whoosh.analysis import STOP_WORDS

from . import _fast, _phrases
from ._analysis import fold_keyword, term_of, word_of
from ._highlight import SCAN_CHARS, SNIPPET_CHARS, find_hits, make_snippet
from ._query import HighlightSpec, Leaf, highlight_spec, leaves, parse, to_whoosh
from ._schema import decode_facets
from ._types import FACET_KEYS, SORTS, Filters, Hit, HitSpan, SearchResult

__all__ = ["run_search", "hit_spans", "more_like_this", "filters_query", "fast_search", "whoosh_search", "page_of"]


class _RecordingTop(collectors.TopCollector):
    """Top-N by score that also counts and remembers every match (for total and facets)."""

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.docs: list[int] = []

    def _collect(self, global_docnum, score):
        self.docs.append(global_docnum)
        return super()._collect(global_docnum, score)


class _RecordingSort(collectors.SortingCollector):
    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.docs: list[int] = []

    def collect(self, sub_docnum):
        self.docs.append(self.offset + sub_docnum)
        return super().collect(sub_docnum)


def _sort_facets(sort: str):
    undated = sorting.FieldFacet("undated")
    if sort == "date":
        return sorting.MultiFacet([undated, sorting.FieldFacet("date_lo"), sorting.FieldFacet("title_sort")])
    if sort == "date-desc":
        return sorting.MultiFacet([undated, sorting.FieldFacet("date_lo", reverse=True),
                                   sorting.FieldFacet("title_sort")])
    return sorting.MultiFacet([sorting.FieldFacet("title_sort"), undated, sorting.FieldFacet("date_lo")])


def filters_query(filters: Filters | None) -> wq.Query | None:
    """The facet panel's choices as a Whoosh query (None: no filter)."""
    if filters is None or filters.is_empty():
        return None
    parts: list[wq.Query] = []

    def any_of(fieldname: str, values, norm=fold_keyword):
        terms = [wq.Term(fieldname, norm(str(v))) for v in sorted(values, key=str) if norm(str(v))]
        if terms:
            parts.append(wq.Or(terms) if len(terms) > 1 else terms[0])
        else:
            parts.append(wq.NullQuery)

    if filters.kinds:
        any_of("kind", filters.kinds, lambda v: v.strip().lower())
    if filters.tags:
        any_of("tag", filters.tags)
    if filters.languages:
        any_of("lang", filters.languages, lambda v: v.strip().lower().replace("_", "-"))
    if filters.publishers:
        any_of("pub", filters.publishers)
    if filters.years:
        any_of("year", filters.years, lambda v: str(int(v)))
    if filters.decades:
        any_of("decade", filters.decades, lambda v: str(int(v) // 10 * 10))
    if filters.date_range is not None:
        lo, hi = (int(x) for x in filters.date_range)
        parts.append(wq.And([wq.NumericRange("date_lo", None, hi), wq.NumericRange("date_hi", lo, None)]))
    return wq.And(parts) if len(parts) > 1 else parts[0]


def page_of(pages, offset: int) -> int | None:
    if not pages:
        return None
    starts = [p[1] for p in pages]
    i = bisect.bisect_right(starts, offset) - 1
    return pages[max(i, 0)][0]


def run_search(s, query: str, filters: Filters | None, sort: str, page: int, page_size: int,
               with_facets: bool, word_list: Callable[[], list[str]], exact_total: bool = True) -> SearchResult:
    """One page of results of ``query`` (docs/search.md), its total, facets and "did you mean".
    ``exact_total=False``: a first page whose phrases have many candidates is settled without checking them
    all; its total is then an estimate (``total_is_estimate``) and it has no facet counts."""
    t0 = time.perf_counter()
    page = max(1, int(page))
    page_size = max(1, min(int(page_size), 500))
    notices: list[str] = []
    if sort not in SORTS:
        notices.append(f"Unknown sort '{sort}': sorted by relevance.")
        sort = "relevance"
    parsed = parse(query)
    notices.extend(parsed.notices)
    q = to_whoosh(parsed.tree)
    browse = parsed.tree is None
    if browse and sort == "relevance":
        sort = "date"
    fq = filters_query(filters)
    limit = page * page_size
    estimated = None
    try:
        estimated = first_page(s, q, fq, sort, limit) if not exact_total and page == 1 else None
        if estimated is not None:
            ranked, total = estimated
            docs = ()
        else:
            ranked, docs = fast_search(s, q, fq, sort, limit)
            total = len(docs)
    except _fast.Unsupported:
        ranked, docs = whoosh_search(s, q, fq, sort, limit)
        total = len(docs)
    top = ranked[(page - 1) * page_size: page * page_size]
    spec = highlight_spec(parsed.tree, s.reader()) if not browse else HighlightSpec(frozenset(), ())
    note_spec = highlight_spec(parsed.tree, s.reader(), (None, "title", "note")) if not browse else spec
    hits = tuple(_hit(s, docnum, score if sort == "relevance" else 0.0, spec, note_spec) for score, docnum in top)
    facets = _facets(s, docs) if with_facets and estimated is None else {}
    suggestion = None
    if not parsed.fallback and not browse:
        suggestion = _suggest(s, query, parsed.tree, total, word_list)
    return SearchResult(query=query, total=total, hits=hits, facets=facets, suggestion=suggestion,
                        notice=" ".join(notices) or None, page=page, page_size=page_size,
                        elapsed_ms=(time.perf_counter() - t0) * 1000, total_is_estimate=estimated is not None)


def whoosh_search(s, q, fq, sort: str, limit: int) -> tuple[list[tuple[float, int]], Any]:
    """Whoosh's own collectors: every query shape, exhaustive so that totals are exact."""
    if sort == "relevance":
        child = _RecordingTop(limit=limit, usequality=False, replace=0)
    else:
        child = _RecordingSort(_sort_facets(sort), limit=limit)
    coll = collectors.FilterCollector(child, allow=fq) if fq is not None else child
    s.search_with_collector(q, coll)
    return list(coll.results().top_n), child.docs


def fast_search(s, q, fq, sort: str, limit: int) -> tuple[list[tuple[float, int]], Any]:
    """The same answer as :func:`whoosh_search` through :mod:`_fast`; raises ``_fast.Unsupported``."""
    if sort not in ("relevance", "date", "date-desc"):
        raise _fast.Unsupported(sort)
    allow = _fast.docset(s, fq) if fq is not None else None
    scores = _fast.evaluate(s, q, scored=sort == "relevance", within=allow)
    return _rank(s, scores, sort, limit), scores.keys()


def first_page(s, q, fq, sort: str, limit: int) -> tuple[list[tuple[float, int]], int] | None:
    """The first ``limit`` hits and an estimate of the total, where a phrase has too many candidates to
    check them all at once (:func:`_phrases.lazy_top`); None where :func:`fast_search` answers as cheaply."""
    if sort not in ("relevance", "date", "date-desc"):
        return None
    allow = _fast.docset(s, fq) if fq is not None else None
    key = None
    if sort != "relevance":
        keys = _fast.sort_keys(s, ("undated", "date_lo"))
        if keys is None:
            return None
        undated, date_lo = keys
        sign = -1 if sort == "date-desc" else 1
        key = lambda d: (undated[d], sign * date_lo[d])  # noqa: E731
    lazy = _phrases.lazy_top(s, q, allow, limit, key)
    if lazy is None:
        return None
    found, estimate = lazy
    return _rank(s, found, sort, limit), estimate


def _rank(s, scores: dict[int, float], sort: str, limit: int) -> list[tuple[float, int]]:
    if sort == "relevance":
        return _fast.top(scores, limit)
    keys = _fast.sort_keys(s, ("undated", "date_lo"))
    if keys is None:
        raise _fast.Unsupported("no date columns")
    undated, date_lo = keys
    sign = -1 if sort == "date-desc" else 1
    order = sorted(scores, key=lambda d: (undated[d], sign * date_lo[d], d))
    if len(order) > limit:  # documents tied with the last one shown are ordered by title too
        last = (undated[order[limit - 1]], date_lo[order[limit - 1]])
        end = limit
        while end < len(order) and (undated[order[end]], date_lo[order[end]]) == last:
            end += 1
        order = order[:end]
    col = s.reader().column_reader("title_sort")
    order.sort(key=lambda d: (undated[d], sign * date_lo[d], col[d], d))
    return [(0.0, d) for d in order[:limit]]


def _hit(s, docnum: int, score: float, spec: HighlightSpec, note_spec: HighlightSpec | None = None) -> Hit:
    f = s.stored_fields(docnum)
    body = f.get("body") or ""
    if f.get("kind") == "annotation":
        a = f.get("annot") or {}
        spec = note_spec if note_spec is not None else spec
        spans = find_hits(body, spec, limit=SCAN_CHARS, max_hits=64, settle=2 * SNIPPET_CHARS) if spec else []
        snippet, highlights = make_snippet(body, spans)
        return Hit(id=f.get("id", ""), kind="annotation", title=a.get("label", ""), date=f.get("date"),
                   publisher=a.get("author", ""), score=float(score or 0.0), snippet=snippet,
                   highlights=highlights, item_id=f.get("item_id"), annotation_id=f.get("id", ""),
                   quote=a.get("quote", ""), page=a.get("page"), tags=tuple(a.get("tags", ())),
                   colour=a.get("colour", ""), author=a.get("author", ""))
    spans = find_hits(body, spec, limit=SCAN_CHARS, max_hits=64, settle=2 * SNIPPET_CHARS) if spec else []
    snippet, highlights = make_snippet(body, spans)
    return Hit(id=f.get("id", ""), kind=f.get("kind", ""), title=f.get("title", ""), date=f.get("date"),
               publisher=f.get("pubs") or "", score=float(score or 0.0), snippet=snippet,
               highlights=highlights, item_id=f.get("item_id"))


def _facets(s, docs) -> dict[str, list[tuple[str, int]]]:
    # Per searcher: each document's facet record as a number into a list of distinct records (most
    # documents share theirs), so that counting is one C-speed Counter over small ints.
    state = getattr(s, "_ashraf_facets", None)
    if state is None:
        state = s._ashraf_facets = ({}, {}, [], s.reader().column_reader("facets"))
    record_of, number_of, records, col = state
    get = record_of.get
    numbers = []
    for d in docs:
        n = get(d)
        if n is None:
            rec = decode_facets(col[d])
            n = number_of.get(rec)
            if n is None:
                n = number_of[rec] = len(records)
                records.append(rec)
            record_of[d] = n
        numbers.append(n)
    counters = [Counter() for _ in FACET_KEYS]
    for n, count in Counter(numbers).items():
        for counter, values in zip(counters, records[n]):
            for v in values:
                counter[v] += count
    out: dict[str, list[tuple[str, int]]] = {}
    for key, counter in zip(FACET_KEYS, counters):
        if key in ("year", "decade"):
            out[key] = sorted(counter.items(), key=lambda kv: int(kv[0]))
        else:
            out[key] = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    return out


def _suggest(s, query: str, tree, total: int, word_list: Callable[[], list[str]]) -> str | None:
    r = s.reader()
    replacements: list[tuple[int, int, str]] = []
    corrector = None
    for leaf, negated in leaves(tree):
        if negated or not isinstance(leaf, Leaf) or leaf.field is not None or leaf.op or leaf.phrase:
            continue
        raw = leaf.text
        word = word_of(raw)
        term = term_of(raw)
        if not word or not term or len(word) < 3 or word.isdigit():
            continue
        if r.doc_frequency("content", term) or r.doc_frequency("title", term):
            continue
        if corrector is None:
            from whoosh.spelling import ListCorrector
            words = word_list()
            if not words:  # Whoosh's corrector fails on an empty list (IndexError); no words, no suggestion
                return None
            corrector = ListCorrector(words)
        maxdist = 1 if len(word) <= 4 else 2
        # the word list only grows between rebuilds: keep the words the index still holds
        found = [w for w in corrector.suggest(word, limit=8, maxdist=maxdist, prefix=1)
                 if r.doc_frequency("content", term_of(w))]
        if not found:
            continue
        best = min(found, key=lambda w: (_distance(w, word), -r.doc_frequency("content", term_of(w)), w))
        replacements.append((leaf.start, leaf.end, best))
    if not replacements:
        return None
    out = query
    for start, end, word in sorted(replacements, reverse=True):
        if query[start:end]:
            out = out[:start] + word + out[end:]
    return out if out != query else None


def _distance(a: str, b: str) -> int:
    from whoosh.support.levenshtein import distance
    return distance(a, b, limit=3)


def hit_spans(s, item_id: str, query: str) -> list[HitSpan]:
    """Every hit of ``query`` in the extracted text of document ``item_id`` (offsets into that text)."""
    parsed = parse(query)
    docnum = s.document_number(key="item:" + item_id)
    if docnum is None:
        return []
    f = s.stored_fields(docnum)
    if f.get("kind") != "document":
        return []
    spec = highlight_spec(parsed.tree, s.reader())
    body = f.get("body") or ""
    pages = f.get("pages") or ()
    return [HitSpan(a, b, page_of(pages, a)) for a, b in find_hits(body, spec)]


#: Function words left out of "more like this" key terms (the index itself keeps every word).
_MLT_STOP = frozenset(STOP_WORDS) | frozenset(
    "was were been has had would could should which who whom whose its their they them there these those than "
    "then also into over after before such other some all ani more most well veri onli said his her him she he "
    "our out about becaus what where whi how but not no nor onc upon".split())


def more_like_this(s, item_id: str, limit: int = 10) -> SearchResult:
    """Items and events like ``item_id`` (its key terms, weighted), best first."""
    t0 = time.perf_counter()
    docnum = s.document_number(key="item:" + item_id)
    if docnum is None:
        docnum = s.document_number(key="event:" + item_id)
    if docnum is None:
        return SearchResult(query="", total=0, hits=(), page=1, page_size=limit,
                            notice=f"No item '{item_id}' in the index.")
    f = s.stored_fields(docnum)
    text = "\n".join([f.get("title") or "", (f.get("body") or "")[:100_000]])
    kts = [(w, weight) for w, weight in s.key_terms_from_text("content", text, numterms=40, normalize=True)
           if w not in _MLT_STOP and len(w) > 2 and not w.isdigit()][:12]
    if not kts:
        return SearchResult(query="", total=0, hits=(), page=1, page_size=limit)
    q = wq.Or([wq.Term("content", word, boost=weight) for word, weight in kts])
    results = s.search(q, limit=max(1, limit), mask={docnum})
    spec = HighlightSpec(frozenset(w for w, _ in kts), ())
    hits = tuple(_hit(s, d, sc, spec) for sc, d in results.top_n)
    return SearchResult(query=" ".join(w for w, _ in kts), total=len(hits), hits=hits, page=1,
                        page_size=limit, elapsed_ms=(time.perf_counter() - t0) * 1000)
