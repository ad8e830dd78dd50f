"""A whole concordance: its lines, counted per document and per year, sorted, written as CSV.

Built document by document (:meth:`Concordance.add`) so that a view can show the first lines while the rest
of the archive is still being read. Past ``max_lines`` lines are no longer kept (a word such as "the" has
hundreds of thousands), but they are still counted: the counts are always those of the whole archive.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .kwic import Line, Source

__all__ = ["Concordance", "SORT_KEYS", "sort_lines", "write_csv", "MAX_LINES"]

MAX_LINES = 50_000
SORT_KEYS = ("source", "before", "match", "after")
CSV_COLUMNS = ("document", "title", "date", "page", "offset", "before", "match", "after")


@dataclass
class Concordance:
    query: str
    max_lines: int = MAX_LINES
    lines: list[Line] = field(default_factory=list)
    per_source: Counter = field(default_factory=Counter)  # Source -> occurrences
    per_year: Counter = field(default_factory=Counter)  # year (None: undated) -> occurrences
    total: int = 0

    @property
    def truncated(self) -> bool:
        """More occurrences were counted than lines kept."""
        return self.total > len(self.lines)

    def add(self, source: Source, count: int, lines: Iterable[Line] = ()) -> list[Line]:
        """Count ``count`` occurrences in ``source`` and keep its ``lines`` while there is room."""
        self.total += count
        self.per_source[source] += count
        self.per_year[source.year] += count
        room = self.max_lines - len(self.lines)
        kept = list(lines)[:max(0, room)]
        self.lines.extend(kept)
        return kept

    def sources_by_count(self) -> list[tuple[Source, int]]:
        return sorted(self.per_source.items(), key=lambda kv: (-kv[1], kv[0].title.casefold(), kv[0].id))

    def years(self) -> list[tuple[int | None, int]]:
        """Occurrences per year in time order, undated last."""
        return sorted(self.per_year.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))


def _source_key(line: Line) -> tuple:
    s = line.source
    return (s.year is None, s.year or 0, s.date or "", s.title.casefold(), s.id, line.start)


def sort_lines(lines: list[Line], key: str, descending: bool = False) -> list[Line]:
    """Lines ordered by ``key``: "source" (date, then title, then place in the text), "before" (the word
    nearest the hit on its reading-order left, then the next one out), "match", or "after"."""
    if key == "before":
        keyfn = lambda ln: (ln.before_key, _source_key(ln))  # noqa: E731
    elif key == "after":
        keyfn = lambda ln: (ln.after_key, _source_key(ln))  # noqa: E731
    elif key == "match":
        keyfn = lambda ln: (ln.match.casefold(), ln.after_key, _source_key(ln))  # noqa: E731
    elif key == "source":
        keyfn = _source_key
    else:
        raise ValueError(f"unknown sort key {key!r} (one of {', '.join(SORT_KEYS)})")
    return sorted(lines, key=keyfn, reverse=descending)


def write_csv(lines: Iterable[Line], path: Path) -> int:
    """Write ``lines`` as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Persian right);
    return how many were written. Written to a temporary file first: a failed export leaves no half file."""
    tmp = path.with_name(path.name + ".part")
    n = 0
    try:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(CSV_COLUMNS)
            for ln in lines:
                s = ln.source
                out.writerow((s.id, s.title, s.date or "", ln.page or "", ln.start, ln.before, ln.match, ln.after))
                n += 1
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return n
