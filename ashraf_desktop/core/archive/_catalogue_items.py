"""An archive served from its catalogue: one SQLite read transaction, items built when asked for.

:func:`snapshot` turns a refreshed catalogue into the :class:`~.loader.LoadResult` that ``load_archive``
would have returned (the same items, events, facts and problems), but whose items are rows until someone
asks for them: a count, a page of ids, one item. What must look at every item to be right — duplicate ids,
citations of items that do not exist — is asked of SQLite, not of 100,000 Python objects.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from ._item_codec import decode_item, path_from_text
from .catalogue import (DAMAGE, TAG_SEP, CatalogueError, generation, problems_of, remove, sealed, unsealed, version_key,
                        whole)
from .dates import DateError, DateSpan, parse_date
from .loader import LoadResult, _Collector
from .model import (Archive, Changes, Collection, DatedItem, FileRow, Item, ItemKind, ItemRow, Items, MemoryItems, Problem,
                    Severity)

__all__ = ["snapshot", "keep_summary", "CatalogueItems"]

_log = logging.getLogger(__name__)

_ITEMS = "id IS NOT NULL"
_ORDER = {"file": "base, sortkey", "title": "title_key, id", "date": "d0 IS NULL, d0, d1, title_key, id"}
_CACHE = 4_096  # items kept built (a screenful of every panel many times over)
_CHUNK = 500  # ids per IN (...) query


def _rel(sortkey: str) -> str:
    return sortkey.replace("\x01", "/")


def snapshot(conn: sqlite3.Connection, path: Path, root: Path, layers: tuple[Path, ...],
             notices: Sequence[str]) -> LoadResult:
    """The archive as the catalogue holds it now; ``conn`` stays in a read transaction for the archive's life
    (its snapshot), closed when the archive is dropped."""
    conn.execute("BEGIN")
    try:
        collection, collection_problems = whole(conn, "collection.toml", Collection)
        events, event_problems = whole(conn, "timeline.toml", tuple)
        facts, fact_problems = whole(conn, "facts.toml", tuple)
        out = _Collector(root=root)
        out.problems.extend(collection_problems)
        if not (root / "items").is_dir():
            out.add(root / "items", "", "missing: the archive has no items/ folder", Severity.WARNING)
        bases = {i: Path(p) for i, p in conn.execute("SELECT id, path FROM bases")}
        summary = _stored_summary(conn) or _summary_of(conn, bases, root)
        out.problems.extend(summary.file_problems)
        out.problems.extend(event_problems)
        out.problems.extend(fact_problems)
        out.problems.extend(summary.duplicate_problems)
        _check_citations(conn, summary.hidden, bases, events, facts, root, out)  # type: ignore[arg-type]
        state = (_meta_text(conn, "catalogue"), generation(conn), int(_meta_text(conn, "log_from")))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    items = CatalogueItems(conn, path, summary.hidden, root, layers, counts=summary.counts, state=state)
    archive = Archive(root=root, collection=collection, items=items, events=events,  # type: ignore[arg-type]
                      facts=facts, layers=layers, signature=summary.signature)  # type: ignore[arg-type]
    return LoadResult(archive=archive, problems=tuple(out.problems), notices=tuple(notices))


@dataclass(frozen=True)
class _Summary:
    """What a snapshot works out from every row (about 0.1 s at 100,000 items), kept in the catalogue for
    the generation it was worked out from, so that a start or a command after no change reads it at once."""

    generation: int
    file_problems: tuple[Problem, ...]  # the sidecars' own problems, in file order
    hidden: frozenset[int]  # rows left out: their id is an earlier file's
    duplicate_problems: tuple[Problem, ...]
    signature: str
    counts: dict[str | None, int]  # items by kind value (None: all), hidden rows left out


def _meta_text(conn: sqlite3.Connection, key: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise CatalogueError(f"no {key} in the catalogue")
    return str(row[0])


def _summary_of(conn: sqlite3.Connection, bases: dict[int, Path], root: Path) -> _Summary:
    """Worked out from the rows of the transaction ``conn`` is in."""
    gen = generation(conn)
    problems: list[Problem] = []
    for (blob,) in conn.execute("SELECT problems FROM files WHERE problems IS NOT NULL ORDER BY base, sortkey"):
        problems.extend(problems_of(blob))
    duplicates = _Collector(root=root)
    hidden = _duplicates(conn, bases, duplicates)
    counts: dict[str | None, int] = dict(conn.execute(f"SELECT kind, count(*) FROM files WHERE {_ITEMS} GROUP BY kind"))
    for start in range(0, len(hidden), _CHUNK):
        chunk = sorted(hidden)[start:start + _CHUNK]
        for (kind,) in conn.execute(f"SELECT kind FROM files WHERE rowid IN ({','.join('?' * len(chunk))})", chunk):
            counts[kind] -= 1
    counts[None] = sum(counts.values())
    return _Summary(gen, tuple(problems), hidden, tuple(duplicates.problems), _signature(conn), counts)


def _stored_summary(conn: sqlite3.Connection) -> _Summary | None:
    """The summary kept for the catalogue's current generation, or None (none kept, or an older one)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'summary'").fetchone()
    if row is None:
        return None
    summary = pickle.loads(unsealed(row[0]))
    if not isinstance(summary, _Summary) or not all(isinstance(p, Problem) for p in summary.file_problems):
        raise CatalogueError("the summary row does not decode")
    return summary if summary.generation == generation(conn) else None


def keep_summary(conn: sqlite3.Connection, root: Path) -> None:
    """After a refresh: work out the summary of the catalogue as it is now and keep it, unless it is kept
    already (the usual case: nothing changed). ``conn`` is in no transaction."""
    conn.execute("BEGIN")
    try:
        fresh = _stored_summary(conn) is not None
    finally:
        conn.execute("ROLLBACK")
    if fresh:
        return
    conn.execute("BEGIN IMMEDIATE")  # worked out and kept under the write lock: no writer in between
    try:
        bases = {i: Path(p) for i, p in conn.execute("SELECT id, path FROM bases")}
        summary = _summary_of(conn, bases, root)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('summary', ?)",
                     (sealed(pickle.dumps(summary, protocol=5)),))
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


def _sidecar(bases: dict[int, Path], base: int, sortkey: str) -> Path:
    return bases[base] / "items" / _rel(sortkey)


def _duplicates(conn: sqlite3.Connection, bases: dict[int, Path], out: _Collector) -> frozenset[int]:
    """Rows whose id an earlier file (in file order) already has: left out and reported, as the loader does."""
    hidden: set[int] = set()
    dup_ids = [i for (i,) in conn.execute(f"SELECT id FROM files WHERE {_ITEMS} GROUP BY id HAVING count(*) > 1")]
    rows = []
    for start in range(0, len(dup_ids), _CHUNK):
        chunk = dup_ids[start:start + _CHUNK]
        rows += conn.execute(f"SELECT rowid, id, base, sortkey FROM files WHERE id IN ({','.join('?' * len(chunk))})",
                             chunk).fetchall()
    first: dict[str, Path] = {}
    for rowid, item_id, base, sortkey in sorted(rows, key=lambda r: (r[2], r[3])):
        sidecar = _sidecar(bases, base, sortkey)
        if item_id in first:
            hidden.add(rowid)
            out.add(sidecar, "id", f"duplicate id {item_id!r}: already used by {out.shown(first[item_id])}; this item "
                                   "is left out")
        else:
            first[item_id] = sidecar
    return frozenset(hidden)


def _check_citations(conn: sqlite3.Connection, hidden: frozenset[int], bases: dict[int, Path],
                     events: tuple, facts: tuple, root: Path, out: _Collector) -> None:
    """Citations of items that are not in the archive (the loader's check without the held files' texts)."""
    for rowid, n, cited, base, sortkey in conn.execute(
            "SELECT f.rowid, c.n, c.item, f.base, f.sortkey FROM cites c JOIN files f ON f.rowid = c.file "
            "WHERE NOT EXISTS (SELECT 1 FROM files t WHERE t.id = c.item) ORDER BY f.base, f.sortkey, c.n"):
        if rowid not in hidden:
            out.add(_sidecar(bases, base, sortkey), f"mentioned_in[{n}].item",
                    f"cites item {cited!r}, which is not in the archive")
    wanted: set[str] = set()
    for event in events:
        wanted.update(c.item for c in event.citations)
        wanted.update(cl.citation.item for cl in event.date_claims)
    for fact in facts:
        wanted.update(cl.citation.item for cl in fact.claims)
    known: set[str] = set()
    ordered = sorted(wanted)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start:start + _CHUNK]
        known.update(i for (i,) in conn.execute(
            f"SELECT DISTINCT id FROM files WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    if known == wanted:
        return
    timeline, facts_file = root / "timeline.toml", root / "facts.toml"
    for event in events:
        for i, c in enumerate(event.citations, start=1):
            if c.item not in known:
                out.add(timeline, f"event '{event.id}'.citations[{i}].item",
                        f"cites item {c.item!r}, which is not in the archive")
        for i, claim in enumerate(event.date_claims, start=1):
            if claim.citation.item not in known:
                out.add(timeline, f"event '{event.id}'.date_claims[{i}].item",
                        f"cites item {claim.citation.item!r}, which is not in the archive")
    for fact in facts:
        for i, claim in enumerate(fact.claims, start=1):
            if claim.citation.item not in known:
                out.add(facts_file, f"fact '{fact.id}'.claims[{i}].item",
                        f"cites item {claim.citation.item!r}, which is not in the archive")


def _signature(conn: sqlite3.Connection) -> str:
    """Changes whenever a sidecar or a whole file was added, removed or changed (sums of content hashes)."""
    files = conn.execute("SELECT count(*), coalesce(sum(h1), 0), coalesce(sum(h2), 0) FROM files").fetchone()
    wholes = conn.execute("SELECT group_concat(name || ':' || h1 || ':' || h2, ',') FROM "
                          "(SELECT * FROM wholes ORDER BY name)").fetchone()
    text = f"{version_key()}|{files}|{wholes}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class CatalogueItems(Items):
    """The items of one catalogue snapshot. Thread-safe (one lock around the connection); each item built
    from its row when first asked for and kept in a small cache. Should the catalogue turn out damaged while
    it is read, it is deleted (the next start builds it again) and the archive is read from its files."""

    def __init__(self, conn: sqlite3.Connection, path: Path, hidden: frozenset[int], root: Path,
                 layers: tuple[Path, ...], counts: dict[str | None, int] | None = None,
                 state: tuple[str, int, int] | None = None) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._path, self._root, self._layers = path, root, layers
        self._lock = threading.RLock()
        self._where = _ITEMS + (f" AND files.rowid NOT IN ({','.join(map(str, sorted(hidden)))})" if hidden else "")
        self._cache: OrderedDict[str, Item | None] = OrderedDict()
        self._counts: dict[ItemKind | None, int] = {}
        #: (the catalogue's id, the generation of this snapshot, the first generation its change log is whole from)
        self._state = state
        if counts is not None:
            self._counts = {None: counts.get(None, 0), **{k: counts.get(k.value, 0) for k in ItemKind}}
        self._rowids: list[int] | None = None
        self._fallback: MemoryItems | None = None
        self._dates: dict[str, DateSpan | None] = {}

    # --- plumbing
    def _rows(self, sql: str, args: Iterable[Any] = ()) -> list[tuple]:
        with self._lock:
            if self._conn is None:
                raise CatalogueError("closed")
            return self._conn.execute(sql, tuple(args)).fetchall()

    def _damaged(self, exc: BaseException) -> MemoryItems:
        """Read the archive from its files instead; the catalogue is thrown away for the next start."""
        with self._lock:
            if self._fallback is None:
                _log.warning("catalogue %s damaged while read (%s: %s); reading the archive's files",
                             self._path, type(exc).__name__, exc)
                from .loader import load_archive
                self.close()
                remove(self._path)
                self._fallback = MemoryItems(load_archive(self._root, layers=self._layers,
                                                          check_files=False).archive.items)
            return self._fallback

    def _safe(self, fn, *args):  # type: ignore[no-untyped-def]
        if self._fallback is None:
            try:
                return fn(*args)
            except (CatalogueError, *DAMAGE) as exc:
                self._damaged(exc)
        name = "__getitem__" if fn.__name__ == "_getitem" else fn.__name__.lstrip("_")
        return getattr(self._fallback, name)(*args)

    @staticmethod
    def _decode(blob: bytes) -> Item:
        item = decode_item(unsealed(blob))
        if not isinstance(item, Item):
            raise CatalogueError("an item row does not decode")
        return item

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                except sqlite3.Error:
                    pass
                self._conn = None

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutting down
            pass

    def __repr__(self) -> str:
        return f"CatalogueItems({self._path.name})"

    # --- Sequence
    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[Item]:
        if self._fallback is not None:
            yield from self._fallback
            return
        last: tuple[int, str] = (-1, "")
        given = 0
        while True:
            try:
                rows = self._rows(f"SELECT base, sortkey, item FROM files JOIN bodies ON file = files.rowid WHERE "
                                  f"{self._where} AND (base, sortkey) > (?, ?) ORDER BY base, sortkey LIMIT 1000", last)
                batch = [self._decode(r[2]) for r in rows]
            except (CatalogueError, *DAMAGE) as exc:
                # the files read in the same order: carry on after the items already given
                yield from self._damaged(exc)[given:]
                return
            if not rows:
                return
            yield from batch
            given += len(batch)
            last = (rows[-1][0], rows[-1][1])

    def __getitem__(self, index):  # type: ignore[override]
        return self._safe(self._getitem, index)

    def _getitem(self, index):  # type: ignore[no-untyped-def]
        if self._rowids is None:
            self._rowids = [r for (r,) in self._rows(f"SELECT rowid FROM files WHERE {self._where} "
                                                     "ORDER BY base, sortkey")]
        picked = self._rowids[index]
        rowids = picked if isinstance(picked, list) else [picked]
        found: dict[int, Item] = {}
        for start in range(0, len(rowids), _CHUNK):
            chunk = rowids[start:start + _CHUNK]
            for rowid, blob in self._rows(f"SELECT file, item FROM bodies WHERE file IN "
                                          f"({','.join('?' * len(chunk))})", chunk):
                found[rowid] = self._decode(blob)
        items = [found[r] for r in rowids]
        return tuple(items) if isinstance(picked, list) else items[0]

    # --- queries
    def get(self, item_id: str) -> Item | None:
        with self._lock:
            if item_id in self._cache:
                self._cache.move_to_end(item_id)
                return self._cache[item_id]
        return self._safe(self._get, item_id)

    def _get(self, item_id: str) -> Item | None:
        rows = self._rows(f"SELECT item FROM files JOIN bodies ON file = files.rowid WHERE {self._where} AND id = ? "
                          "ORDER BY base, sortkey LIMIT 1", (item_id,))
        item = self._decode(rows[0][0]) if rows else None
        self._keep(item_id, item)
        return item

    def _keep(self, item_id: str, item: Item | None) -> None:
        with self._lock:
            self._cache[item_id] = item
            if len(self._cache) > _CACHE:
                self._cache.popitem(last=False)

    def many(self, ids: Iterable[str]) -> list[Item]:
        return self._safe(self._many, list(ids))

    def _many(self, ids: list[str]) -> list[Item]:
        found: dict[str, Item | None] = {}
        with self._lock:
            for i in ids:
                if i in self._cache:
                    found[i] = self._cache[i]
        missing = sorted({i for i in ids if i not in found})
        for start in range(0, len(missing), _CHUNK):
            chunk = missing[start:start + _CHUNK]
            for item_id, blob in self._rows(f"SELECT id, item FROM files JOIN bodies ON file = files.rowid WHERE "
                                            f"{self._where} AND id IN ({','.join('?' * len(chunk))})", chunk):
                found[item_id] = self._decode(blob)
        for i in missing:
            self._keep(i, found.get(i))
        return [item for i in ids if (item := found.get(i)) is not None]

    def count(self, kind: ItemKind | None = None) -> int:
        if kind not in self._counts:
            self._counts[kind] = self._safe(self._count, kind)
        return self._counts[kind]

    def _count(self, kind: ItemKind | None) -> int:
        if kind is None:
            return self._rows(f"SELECT count(*) FROM files WHERE {self._where}")[0][0]
        return self._rows(f"SELECT count(*) FROM files WHERE {self._where} AND kind = ?", (kind.value,))[0][0]

    def ids(self, kind: ItemKind | None = None, order: str = "file") -> list[str]:
        if order not in _ORDER:
            raise ValueError(f"order must be one of {tuple(_ORDER)}, not {order!r}")
        return self._safe(self._ids, kind, order)

    def _ids(self, kind: ItemKind | None, order: str) -> list[str]:
        where, args = (self._where, ()) if kind is None else (f"{self._where} AND kind = ?", (kind.value,))
        return [i for (i,) in self._rows(f"SELECT id FROM files WHERE {where} ORDER BY {_ORDER[order]}", args)]

    def dated(self, kind: ItemKind | None = None) -> list[DatedItem]:
        return self._safe(self._dated, kind)

    def _dated(self, kind: ItemKind | None) -> list[DatedItem]:
        where, args = (self._where, ()) if kind is None else (f"{self._where} AND kind = ?", (kind.value,))
        out = []
        kinds = {k.value: k for k in ItemKind}
        spans = self._dates
        for item_id, kind_value, title, edtf in self._rows(
                f"SELECT id, kind, title, date FROM files WHERE {where} AND date IS NOT NULL "
                "ORDER BY base, sortkey", args):
            span = spans[edtf] if edtf in spans else self._span(edtf)
            if span is not None:
                out.append(DatedItem(item_id, kinds[kind_value], title, span))
        return out

    def rows(self, kind: ItemKind | None = None) -> list[ItemRow]:
        return self._safe(self._item_rows, kind)

    def _item_rows(self, kind: ItemKind | None) -> list[ItemRow]:
        where, args = (self._where, ()) if kind is None else (f"{self._where} AND kind = ?", (kind.value,))
        kinds = {k.value: k for k in ItemKind}
        spans = self._dates
        out = []
        for item_id, kind_value, title, caption, edtf, tags, file, sha, raw in self._rows(
                f"SELECT id, kind, title, caption, date, tags, held, sha256, date_raw FROM files WHERE {where} "
                "ORDER BY base, sortkey", args):
            span = None if edtf is None else spans[edtf] if edtf in spans else self._span(edtf)
            out.append(ItemRow(item_id, kinds[kind_value], title, caption or "", span,
                               tuple(tags.split(TAG_SEP)) if tags else (), Path(file) if file else None,
                               sha or "", raw))
        return out

    def _span(self, edtf: str) -> DateSpan | None:
        if edtf not in self._dates:
            try:
                self._dates[edtf] = parse_date(edtf)
            except DateError:
                self._dates[edtf] = None
        return self._dates[edtf]

    def titles(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        return self._safe(self._titles, None if ids is None else list(ids))

    def _titles(self, ids: list[str] | None) -> dict[str, str]:
        if ids is None:
            return dict(self._rows(f"SELECT id, title FROM files WHERE {self._where} ORDER BY base, sortkey"))
        out: dict[str, str] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            out.update(self._rows(f"SELECT id, title FROM files WHERE {self._where} AND id IN "
                                  f"({','.join('?' * len(chunk))})", chunk))
        return {i: out[i] for i in ids if i in out}

    def files(self, under: Path | None = None) -> list[FileRow]:
        return self._safe(self._files, under)

    def _files(self, under: Path | None) -> list[FileRow]:
        bases = {i: f"{p}{os.sep}items{os.sep}" for i, p in self._rows("SELECT id, path FROM bases")
                 if under is None or Path(p).is_relative_to(under)}
        if not bases:
            return []
        sep = os.sep
        return [FileRow(item_id, path_from_text(bases[base] + sortkey.replace("\x01", sep)),
                        None if held is None else path_from_text(held), sha or "",
                        None if layer is None else path_from_text(layer))
                for item_id, base, sortkey, held, sha, layer in self._rows(
                    f"SELECT id, base, sortkey, held, sha256, layer FROM files WHERE {self._where} AND base IN "
                    f"({','.join(map(str, bases))}) ORDER BY base, sortkey")]

    @property
    def change_token(self) -> str | None:
        return None if self._state is None or self._fallback is not None else f"{self._state[0]}:{self._state[1]}"

    def changes_since(self, token: str) -> Changes | None:
        """From the generation each row was written in and the log of deleted rows' ids: what changed
        between the state ``token`` names and this snapshot, asked of SQLite (never every item)."""
        if self._state is None or self._fallback is not None:
            return None
        catalogue, _, number = str(token).partition(":")
        if catalogue != self._state[0] or not number.isdigit():
            return None  # another catalogue (deleted, damaged, rebuilt): what it named is not known here
        since = int(number)
        if since < self._state[2] or since > self._state[1]:
            return None  # older than the log, or a state newer than this snapshot
        if since == self._state[1]:
            return Changes()
        try:
            written = {i for (i,) in self._rows("SELECT DISTINCT id FROM files WHERE gen > ? AND id IS NOT NULL",
                                                (since,))}
            gone = {i for (i,) in self._rows("SELECT DISTINCT id FROM gone WHERE gen > ?", (since,))} - written
            still = set()  # a deleted row whose id another file holds too: that item may be another one now
            ordered = sorted(gone)
            for start in range(0, len(ordered), _CHUNK):
                chunk = ordered[start:start + _CHUNK]
                still.update(i for (i,) in self._rows(
                    f"SELECT DISTINCT id FROM files WHERE id IN ({','.join('?' * len(chunk))})", chunk))
            wholes = {n for (n,) in self._rows("SELECT name FROM wholes WHERE gen > ?", (since,))}
        except (CatalogueError, *DAMAGE):
            return None
        return Changes(frozenset(written | still), frozenset(gone - still), frozenset(wholes))

    def by_sha256(self) -> dict[str, str]:
        return self._safe(self._by_sha256)

    def _by_sha256(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for sha, item_id in self._rows(f"SELECT sha256, id FROM files WHERE {self._where} AND sha256 IS NOT NULL "
                                       "ORDER BY base, sortkey"):
            out.setdefault(sha, item_id)
        return out

