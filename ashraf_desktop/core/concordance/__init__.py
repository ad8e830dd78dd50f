"""Keyword in context across the whole archive: every occurrence of a word, phrase or query, one per line.

::

    from ashraf_desktop.core.concordance import Concordance, steps, sort_lines, write_csv
    conc = Concordance(query)
    hits = index.occurrences(query, filters=filters)          # the documents a search would find
    for step in steps(hits, conc, fold=fold_word, total=len(hits)):
        ...                                                   # step.lines: new lines; step.done of step.total
    sort_lines(conc.lines, "before"); conc.per_year; conc.sources_by_count(); write_csv(conc.lines, path)

Lines come from the index's stored text and its hit positions: exactly what a search matches (stems,
folded Persian/Arabic letters, phrases, prefixes), marked on the text as written.
"""

from __future__ import annotations

from .engine import STEP_SECONDS, DocumentHits, Step, source_of, steps
from .kwic import CONTEXT_CHARS, Line, Source, is_rtl, make_line
from .table import MAX_LINES, SORT_KEYS, Concordance, sort_lines, write_csv

__all__ = ["Concordance", "Line", "Source", "Step", "DocumentHits", "steps", "sort_lines", "write_csv",
           "make_line", "source_of", "is_rtl", "SORT_KEYS", "MAX_LINES", "CONTEXT_CHARS", "STEP_SECONDS"]
