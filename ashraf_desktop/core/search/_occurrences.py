"""Every hit of a query in the stored text of every document a search finds: the concordance's reader.

The matching documents are those of :meth:`SearchIndex.search` for the same query and filters (same
evaluator), annotations left out (their text is the user's, not the archive's), in date order, undated
last. Each document's text is read only when the consumer gets to it, so the first lines of a concordance
show at once whatever the size of the archive; the searcher is held until the iteration ends or
:meth:`Occurrences.close` is called, and may be used from any one thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterator

from ..archive.dates import DateError, parse_date
from . import _fast, _searching
from ._highlight import find_hits
from ._query import highlight_spec, parse, to_whoosh
from ._types import KINDS, Filters, HitSpan

if TYPE_CHECKING:
    from ._index import SearchIndex

__all__ = ["TextHits", "Occurrences"]

_TEXT_KINDS = frozenset(KINDS) - {"annotation"}


@dataclass(frozen=True)
class TextHits:
    """One matching document: its stored text and where the query's words and phrases are in it."""

    id: str
    kind: str
    title: str
    date: str | None  # EDTF as written
    date_lo: int | None  # day numbers of the date's first and last day (None when undated)
    date_hi: int | None
    item_id: str | None  # the item to open (for an event: its first cited item)
    text: str
    spans: list[tuple[int, int]]  # (start, end) of every hit in ``text``, in order
    pages: tuple = ()  # PDF pages as stored: ((number, start, end), ...)

    def page_at(self, offset: int) -> int | None:
        """The PDF page (1-based) holding ``text[offset]``; None for other documents."""
        return _searching.page_of(self.pages, offset) if self.pages else None

    def hit_spans(self) -> list[HitSpan]:
        return [HitSpan(a, b, self.page_at(a)) for a, b in self.spans]


def _bounds(edtf: str | None) -> tuple[int | None, int | None]:
    if not edtf:
        return None, None
    try:
        span = parse_date(edtf)
    except DateError:  # indexed as undated too
        return None, None
    return span.lower, span.upper


class Occurrences:
    """``len()`` = matching documents; iterating yields a :class:`TextHits` for each, in date order."""

    def __init__(self, index: "SearchIndex", query: str, filters: Filters | None = None) -> None:
        parsed = parse(query)
        kinds = (filters.kinds & _TEXT_KINDS) if filters is not None and filters.kinds else _TEXT_KINDS
        filters = replace(filters or Filters(), kinds=frozenset(kinds) or frozenset({"none"}))
        self._context = index._searcher()
        self._searcher = self._context.__enter__()
        self._docs: list[int] = []
        try:
            s = self._searcher
            if parsed.tree is not None:
                q, fq = to_whoosh(parsed.tree), _searching.filters_query(filters)
                limit = max(1, s.doc_count_all())
                try:
                    ranked, _ = _searching.fast_search(s, q, fq, "date", limit)
                except _fast.Unsupported:
                    ranked, _ = _searching.whoosh_search(s, q, fq, "date", limit)
                self._docs = [d for _, d in ranked]
            self._spec = highlight_spec(parsed.tree, s.reader())
        except BaseException:
            self.close()
            raise

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[TextHits]:
        try:
            for docnum in self._docs:
                if self._searcher is None:
                    return
                f = self._searcher.stored_fields(docnum)
                body = f.get("body") or ""
                pages = f.get("pages") or ()
                lo, hi = _bounds(f.get("date"))
                # spans as plain pairs: a common word has hundreds of thousands, and most are only counted
                yield TextHits(id=f.get("id", ""), kind=f.get("kind", ""), title=f.get("title", ""),
                               date=f.get("date"), date_lo=lo, date_hi=hi, item_id=f.get("item_id"), text=body,
                               spans=find_hits(body, self._spec), pages=tuple(pages))
        finally:
            self.close()

    def close(self) -> None:
        """Give the searcher back (idempotent)."""
        context, self._context, self._searcher = getattr(self, "_context", None), None, None
        if context is not None:
            context.__exit__(None, None, None)
