"""Reading the index's hits into a concordance, a step at a time, so that a view can follow it.

The index (``SearchIndex.occurrences``) says which documents match the query — the same documents, under
the same filters, as a search — and where each hit is in each document's stored text. This module turns
that into lines and counts. It never reads a file itself and never imports Qt: the GUI runs :func:`steps`
on a worker thread and shows each :class:`Step` as it comes; a command-line caller just exhausts it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Protocol, Sequence

from ..archive import OPEN_LOWER, year_of
from .kwic import CONTEXT_CHARS, Line, Source, make_line
from .table import Concordance

__all__ = ["DocumentHits", "Step", "steps", "source_of", "STEP_SECONDS"]

#: A step is handed over at least this often while documents are read (a view repaints per step).
STEP_SECONDS = 0.05


class DocumentHits(Protocol):
    """What the index gives for one matching document (``core.search.TextHits``)."""

    id: str
    kind: str
    title: str
    date: str | None
    date_lo: int | None
    item_id: str | None
    text: str
    spans: Sequence[tuple[int, int]]  # (start, end) offsets into ``text``

    def page_at(self, offset: int) -> int | None: ...


@dataclass(frozen=True)
class Step:
    lines: tuple[Line, ...]  # the lines kept since the previous step, in reading order
    counted: tuple[tuple[Source, int], ...]  # occurrences in each document read since the previous step
    done: int  # documents read so far
    total: int | None  # documents that match (None when the source cannot tell)
    finished: bool = False


def _year(day: int | None) -> int | None:
    """The year a date is counted under: its first day's (None when undated or open at the start)."""
    if day is None or day <= OPEN_LOWER:
        return None
    return year_of(day)


def source_of(doc: DocumentHits) -> Source:
    return Source(id=doc.id, kind=doc.kind, title=doc.title, date=doc.date,
                  year=_year(doc.date_lo) if doc.date else None, item_id=doc.item_id)


def steps(docs: Iterable[DocumentHits], concordance: Concordance, fold: Callable[[str], str], *,
          total: int | None = None, width: int = CONTEXT_CHARS, step_seconds: float = STEP_SECONDS,
          clock: Callable[[], float] = time.monotonic) -> Iterator[Step]:
    """Add every document of ``docs`` to ``concordance``, yielding what was added every ``step_seconds``.

    The first step comes after the first document that has lines, so the first lines show at once. Lines
    past the concordance's ``max_lines`` are counted and not made (making a line is most of the cost).
    Each step also carries the counts of the documents it read, so that a view on another thread can keep
    its own totals without reading ``concordance`` while it grows. Stopping early (``close()``) leaves
    ``concordance`` with the documents read so far.
    """
    pending: list[Line] = []
    counted: list[tuple[Source, int]] = []
    done = 0
    last = clock()
    shown = False  # has a step with lines been handed over yet
    for doc in docs:
        done += 1
        spans = doc.spans
        if spans:
            source = source_of(doc)
            room = max(0, concordance.max_lines - len(concordance.lines))
            text = doc.text
            lines = [make_line(source, text, a, b, doc.page_at(a), fold, width) for a, b in spans[:room]]
            pending.extend(concordance.add(source, len(spans), lines))
            counted.append((source, len(spans)))
        now = clock()
        if (pending and not shown) or now - last >= step_seconds:
            shown = shown or bool(pending)
            yield Step(tuple(pending), tuple(counted), done, total)
            pending, counted, last = [], [], now
    yield Step(tuple(pending), tuple(counted), done, total, finished=True)
