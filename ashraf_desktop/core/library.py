"""The library: every item of the archive as a table row, filtered and sorted, fetched a page at a time.

The GUI's library view asks two things, on a worker thread: the ids of the items that match, in order
(:func:`library_ids`), and the rows for a page of them (:func:`library_rows`). Both go through the archive's
:class:`~ashraf_desktop.core.archive.Items` queries, so an archive served from the catalogue answers from
SQL: ids and titles without building an :class:`Item`, and a page of 200 rows builds 200 items, whatever
the archive's size. Sorting by a column the catalogue does not index (creator, added, annotations, held)
reads the items in pages too, on the worker.
"""

from __future__ import annotations

import datetime as _dt
import os
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

from .archive import Archive, Item, ItemKind, describe_date

__all__ = ["LibraryRow", "LibraryQuery", "COLUMNS", "SORTABLE", "library_ids", "library_rows", "PAGE"]

#: the columns, in order: key and heading
COLUMNS: tuple[tuple[str, str], ...] = (("title", "Title"), ("kind", "Kind"), ("date", "Date"),
                                        ("creator", "Creator / publisher"), ("added", "Added"),
                                        ("annotations", "Annotations"), ("held", "Held"))
SORTABLE = frozenset(key for key, _ in COLUMNS)
#: items read per step when a sort or filter must look at every item (on a worker)
PAGE = 500
_KIND_WORDS = {ItemKind.DOCUMENT: "Document", ItemKind.IMAGE: "Image", ItemKind.RECORD: "Record"}


@dataclass(frozen=True, slots=True)
class LibraryQuery:
    """What the table shows: words every shown title contains, one kind, the order."""

    text: str = ""
    kind: ItemKind | None = None
    sort: str = "title"
    descending: bool = False
    only: frozenset[str] | None = None  # just these ids (a saved search's hits), or all

    def words(self) -> list[str]:
        return [_fold(w) for w in self.text.split() if w.strip()]


@dataclass(frozen=True, slots=True)
class LibraryRow:
    id: str
    title: str
    kind: str
    date: str  # as written (EDTF), "" when undated
    date_words: str  # as understood ("about April 2003")
    creator: str
    added: str  # "with the archive" or the day the item was imported (ISO)
    annotations: int
    held: bool
    sort_date: float = field(default=float("inf"), compare=False)


def _fold(text: str) -> str:
    """Case, accents and Persian/Arabic letter forms folded the way a reader expects a filter to match."""
    if text.isascii():  # most titles: nothing to normalise (ten times faster over 100,000 titles)
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9").replace("\u200c", " ")


def _creator(item: Item) -> str:
    md = item.metadata
    return "; ".join(md.creator) or "; ".join(md.publisher)


def _added(item: Item, archive: Archive) -> str:
    if archive.layer_of(item) is None:
        return "with the archive"
    try:
        return _dt.date.fromtimestamp(os.stat(item.sidecar).st_mtime).isoformat()
    except OSError:
        return "imported"


def _row(item: Item, archive: Archive, counts: Mapping[str, int]) -> LibraryRow:
    date = item.date
    if date is not None:
        try:
            words = describe_date(date.edtf)
        except ValueError:
            words = date.edtf
    else:
        words = ""
    return LibraryRow(item.id, item.title, _KIND_WORDS.get(item.kind, str(item.kind)),
                      date.edtf if date is not None else "", words, _creator(item), _added(item, archive),
                      int(counts.get(item.id, 0)), item.is_held,
                      float(date.lower) if date is not None else float("inf"))


def library_rows(archive: Archive, ids: Iterable[str], counts: Mapping[str, int] | None = None) -> list[LibraryRow]:
    """The rows of ``ids``, in that order (ids no longer in the archive are left out)."""
    counts = counts or {}
    return [_row(item, archive, counts) for item in archive.items.many(list(ids))]


def _chunks(ids: list[str], size: int = PAGE) -> Iterable[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def library_ids(archive: Archive, query: LibraryQuery, counts: Mapping[str, int] | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> list[str]:
    """The ids of the items ``query`` shows, in its order. Title, date and file order come from the archive's
    own ordered ids; the other columns read the items a page at a time (``cancelled`` is polled between pages:
    a newer query makes this one stop early)."""
    counts = counts or {}
    order = {"title": "title", "date": "date"}.get(query.sort, "file")
    ids = archive.items.ids(query.kind, order=order)
    if query.only is not None:
        ids = [i for i in ids if i in query.only]
    words = query.words()
    if words:  # from the titles alone: a filter must answer as the user types, at 100,000 items too
        titles = archive.items.titles(ids)
        ids = [i for i in ids if all(w in _fold(titles.get(i, "")) for w in words)]
    if query.sort in ("title", "date"):
        pass  # in order already
    elif query.sort == "kind":
        rank = {ItemKind.DOCUMENT: 0, ItemKind.IMAGE: 1, ItemKind.RECORD: 2}
        kinds = {}
        for kind in ItemKind:
            for i in archive.items.ids(kind, order="title"):
                kinds[i] = rank.get(kind, 3)
        titles_order = {i: n for n, i in enumerate(archive.items.ids(query.kind, order="title"))}
        ids = sorted(ids, key=lambda i: (kinds.get(i, 3), titles_order.get(i, 0)))
    elif query.sort == "annotations":
        ids = sorted(ids, key=lambda i: -counts.get(i, 0))
    else:  # creator, added, held: read the items
        keys: dict[str, tuple] = {}
        for chunk in _chunks(ids):
            if cancelled():
                return ids
            for item in archive.items.many(chunk):
                if query.sort == "creator":
                    keys[item.id] = (not _creator(item), _fold(_creator(item)), _fold(item.title))
                elif query.sort == "held":
                    keys[item.id] = (not item.is_held, _fold(item.title))
                else:
                    keys[item.id] = (_added(item, archive), _fold(item.title))
        ids = sorted(ids, key=lambda i: keys.get(i, ()))
    if query.descending:
        ids.reverse()
        if query.sort == "date":  # newest first, and the undated still last
            dated = {d.id for d in archive.items.dated(query.kind)}
            ids = [i for i in ids if i in dated] + [i for i in ids if i not in dated]
    return ids
