"""Full-text search over an archive: the only package that imports Whoosh.

::

    from ashraf_desktop.core.search import open_index, Filters
    index = open_index(archive, user_dirs().cache / "index", text_cache=TextCache(...), progress=cb)
    result = index.search('"Camp Liberty" date:2011..2013', filters=Filters(kinds=frozenset({"event"})))
    for hit in result.hits: ...
    index.hit_spans("brief-history-of-ashraf-city", "Camp Liberty")  # offsets into the extracted text

The query language is described in docs/search.md; the index life cycle in :mod:`._index`.
"""

from __future__ import annotations

from ._analysis import fold as fold_word
from ._index import SearchIndex, index_home, open_index, rebuild_index
from ._occurrences import Occurrences, TextHits
from ._query import MAX_QUERY_CHARS, MAX_TERMS
from ._schema import SCHEMA_VERSION
from ._types import (FACET_KEYS, KINDS, SORTS, Filters, Hit, HitSpan, IndexNotice, IndexWriteError, SearchError,
                     SearchResult, UpdateReport)

__all__ = [
    "SearchIndex", "SearchResult", "Hit", "HitSpan", "Filters", "IndexNotice", "UpdateReport", "SearchError",
    "IndexWriteError", "open_index", "rebuild_index", "index_home", "SCHEMA_VERSION", "FACET_KEYS", "SORTS", "KINDS",
    "MAX_QUERY_CHARS", "MAX_TERMS", "Occurrences", "TextHits", "fold_word",
]
