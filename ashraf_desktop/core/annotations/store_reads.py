"""Reading the annotations database: the panels' and views' queries, tag completion, counts, and the change
feed the search index follows. A part of :class:`~.store.AnnotationStore`, kept apart because it only reads."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterator, Sequence

from . import _rows
from .errors import NotFoundError
from .feed import ChangeBatch, FeedCursor, IndexRecord, index_record
from .model import Annotation, Colour, Kind, Status, normalise_tag

if TYPE_CHECKING:
    import sqlite3

__all__ = ["AnnotationQuery", "TagCount", "StoreReads"]


@dataclass(frozen=True, slots=True)
class AnnotationQuery:
    """Filters of the "all annotations" view; None means "any". Dates compare with ``created``."""

    collection_id: str | None = None
    item_id: str | None = None
    tag: str | None = None
    author: str | None = None
    colour: Colour | str | None = None
    kind: Kind | str | None = None
    status: Status | str | None = None
    created_from: str | None = None  # ISO date or datetime, inclusive
    created_to: str | None = None  # ISO date or datetime, inclusive (a date covers the whole day)
    contains: str | None = None  # case-insensitive substring of note or quote (quick filter, not search)


@dataclass(frozen=True, slots=True)
class TagCount:
    name: str
    count: int


class StoreReads:
    """The reading half of the store (mixed into :class:`~.store.AnnotationStore`)."""

    if TYPE_CHECKING:
        _conn: sqlite3.Connection

        def _guard(self) -> AbstractContextManager[None]: ...

    # -- reading --------------------------------------------------------------------------------------------

    def _select(self, where: str = "", params: Sequence[object] = (), order: str = "") -> list[Annotation]:
        sql = _rows.SELECT + (f" WHERE {where}" if where else "") + (f" ORDER BY {order}" if order else "")
        with self._guard():
            return [_rows.from_row(row) for row in self._conn.execute(sql, params)]

    def find(self, annotation_id: str) -> Annotation | None:
        found = self._select("a.id = ?", (annotation_id,))
        return found[0] if found else None

    def get(self, annotation_id: str) -> Annotation:
        found = self.find(annotation_id)
        if found is None:
            raise NotFoundError(annotation_id)
        return found

    def for_item(self, collection_id: str, item_id: str) -> list[Annotation]:
        """The annotations panel of one item, in reading order (page, position), whole-item notes first."""
        return self._select("a.collection_id = ? AND a.item_id = ?", (collection_id, item_id),
                            "a.page IS NOT NULL, a.page, a.pos_start, a.created, a.id")

    def query(self, query: AnnotationQuery | None = None, **filters) -> list[Annotation]:
        """The "all annotations" view: ``query(AnnotationQuery(tag="camp"))`` or ``query(tag="camp")``."""
        q = replace(query or AnnotationQuery(), **filters)
        where, params = [], []
        for column, value in (("a.collection_id", q.collection_id), ("a.item_id", q.item_id),
                              ("a.author", q.author), ("a.colour", q.colour), ("a.kind", q.kind),
                              ("a.status", q.status)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(str(value))
        if q.tag is not None:
            where.append("EXISTS (SELECT 1 FROM annotation_tag x JOIN tag t ON t.id = x.tag_id "
                         "WHERE x.annotation_id = a.id AND t.name = ?)")
            params.append(normalise_tag(q.tag))
        if q.created_from:
            where.append("a.created >= ?")
            params.append(q.created_from)
        if q.created_to:
            where.append("a.created <= ?")
            params.append(q.created_to + ("T99" if len(q.created_to) == 10 else ""))
        if q.contains:
            where.append("(instr(lower(a.body), ?) > 0 OR instr(lower(coalesce(a.quote_exact, '')), ?) > 0)")
            params += [q.contains.lower(), q.contains.lower()]
        return self._select(" AND ".join(where), params,
                            "a.collection_id, a.item_id, a.page IS NOT NULL, a.page, a.pos_start, a.created, a.id")

    def all(self) -> list[Annotation]:
        return self.query()

    def tags(self, prefix: str = "", *, collection_id: str | None = None, limit: int = 50) -> list[TagCount]:
        """Tag completion: tags in use starting with ``prefix`` (normalised), most used first."""
        text = prefix.strip().lower()
        pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = ("SELECT t.name, count(*) FROM tag t JOIN annotation_tag x ON x.tag_id = t.id "
               "JOIN annotation a ON a.id = x.annotation_id WHERE t.name LIKE ? ESCAPE '\\'")
        params: list[object] = [pattern]
        if collection_id is not None:
            sql += " AND a.collection_id = ?"
            params.append(collection_id)
        sql += " GROUP BY t.name ORDER BY count(*) DESC, t.name LIMIT ?"
        params.append(limit)
        with self._guard():
            return [TagCount(name, count) for name, count in self._conn.execute(sql, params)]

    def authors(self, collection_id: str | None = None) -> list[str]:
        sql, params = "SELECT DISTINCT author FROM annotation WHERE author != ''", []
        if collection_id is not None:
            sql += " AND collection_id = ?"
            params.append(collection_id)
        with self._guard():
            return [row[0] for row in self._conn.execute(sql + " ORDER BY author", params)]

    def counts_by_item(self, collection_id: str) -> dict[str, int]:
        """For the search results' "3 annotations" badge."""
        with self._guard():
            return dict(self._conn.execute("SELECT item_id, count(*) FROM annotation WHERE collection_id = ? "
                                           "GROUP BY item_id", (collection_id,)))

    def orphans(self, collection_id: str | None = None) -> list[Annotation]:
        return self.query(collection_id=collection_id, status=Status.ORPHANED)

    def integrity_check(self) -> list[str]:
        """``["ok"]`` when the file is sound."""
        with self._guard():
            return [row[0] for row in self._conn.execute("PRAGMA integrity_check")]

    # -- search feed ----------------------------------------------------------------------------------------

    def _epoch(self) -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'feed_epoch'").fetchone()
        return row[0] if row else ""

    def changes_since(self, cursor: FeedCursor | str | None, *, limit: int | None = None) -> ChangeBatch:
        """What changed after ``cursor`` (None: everything). Read in one snapshot, so a concurrent commit is
        either wholly in this batch or in the next."""
        parsed = FeedCursor.parse(cursor)
        with self._guard():
            self._conn.execute("BEGIN")
            try:
                epoch = self._epoch()
                reset = parsed is None or parsed.epoch != epoch
                since = 0 if reset else parsed.version
                sql = "SELECT version, annotation_id, op FROM change WHERE version > ? ORDER BY version"
                rows = self._conn.execute(sql + (f" LIMIT {int(limit)}" if limit else ""), (since,)).fetchall()
                upsert_ids = [r[1] for r in rows if r[2] == "upsert"]
                records: list[IndexRecord] = []
                for start in range(0, len(upsert_ids), 500):
                    chunk = upsert_ids[start:start + 500]
                    marks = ",".join("?" * len(chunk))
                    records += [index_record(_rows.from_row(row)) for row in
                                self._conn.execute(_rows.SELECT + f" WHERE a.id IN ({marks})", chunk)]
            finally:
                self._conn.execute("COMMIT")
        version = rows[-1][0] if rows else since
        return ChangeBatch(cursor=FeedCursor(epoch, version), upserts=tuple(records),
                           deletes=tuple(r[1] for r in rows if r[2] == "delete"), reset=reset)

    def index_records(self, collection_id: str | None = None) -> Iterator[IndexRecord]:
        """Every annotation, flat, for a full (re)build of the search index."""
        for a in self.query(collection_id=collection_id):
            yield index_record(a)
