"""The annotations database: one SQLite file in the user data folder, every change committed at once.

Durability (docs/annotations.md, "Storage"): WAL journal with ``synchronous=FULL`` - each commit is fsynced
before the call returns, so an annotation the GUI showed as saved survives the process being killed *and*
the machine losing power. Annotations are made at human pace; the few milliseconds of an fsync are not
felt, while a lost note is.

Concurrency: every write is ``BEGIN IMMEDIATE`` … ``COMMIT``, taking the single write lock up front so the
busy timeout applies (a deferred transaction that later upgrades can fail at once). A second window waits
up to ``write_timeout`` seconds, then gets :class:`StoreBusyError` - nothing half-written, retry is safe.
Readers never block writers or each other (WAL). ``read_only=True`` opens the file so that no write is even
possible (a second window that prefers not to compete).

Undo/redo: each mutation returns a :class:`Mutation` (state before, state after); ``apply(m.inverse())``
undoes it and returns the mutation that redoes it.

Connections are per thread (sqlite3's default): a worker thread (the search indexer) opens its own store.
"""

from __future__ import annotations

import logging
import sqlite3
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterator, Sequence

from . import _rows, backup as _backup
from .anchoring import locate, text_selector
from .errors import (AnnotationValueError, NotFoundError, ReadOnlyStoreError, SchemaTooNewError, StaleEditError,
                     StorageError, StoreEnvironmentError, translate_sqlite_error)
from .feed import Change
from .merge import Conflict, ImportReport, decide
from .model import (Annotation, Colour, Kind, Mutation, RegionSelector, Status, TextSelector, guess_note_language,
                    normalise_tag, validate)
from .schema import CURRENT_VERSION, MIGRATIONS, schema_version
from .store_backups import StoreBackups
from .store_reads import AnnotationQuery, StoreReads, TagCount

__all__ = ["AnnotationStore", "AnnotationQuery", "TagCount", "ReanchorReport", "DB_NAME", "BACKUP_DIR",
           "open_store", "UNSET", "SyncTxn"]

log = logging.getLogger(__name__)

DB_NAME = "annotations.sqlite"
BACKUP_DIR = "backups"


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


#: "Leave this field as it is" for :meth:`AnnotationStore.update` (None is a real value for some fields).
UNSET = _Unset()


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    """What :meth:`AnnotationStore.reanchor_item` did, by annotation id."""

    unchanged: tuple[str, ...] = ()
    moved: tuple[str, ...] = ()  # found at another place (or, if also in ``edited``, in changed wording)
    edited: tuple[str, ...] = ()  # the quote itself changed slightly; the selector now holds the new wording
    reattached: tuple[str, ...] = ()  # was orphaned, found again
    orphaned: tuple[str, ...] = ()  # could not be placed (kept, status "orphaned")

    @property
    def changed(self) -> bool:
        return bool(self.moved or self.reattached or self.orphaned)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def format_time(moment: datetime) -> str:
    """ISO 8601 UTC with milliseconds: sortable as text, and what JSON-LD ``created``/``modified`` carry."""
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


def open_store(data_dir: Path | str, **options) -> "AnnotationStore":
    """The store in a user data folder (``user_dirs(...).data``): ``<data>/annotations.sqlite``."""
    return AnnotationStore(Path(data_dir) / DB_NAME, **options)


class AnnotationStore(StoreReads, StoreBackups):
    def __init__(self, path: Path | str, *, read_only: bool = False, write_timeout: float = 3.0,
                 clock: Callable[[], datetime] = _utc_now) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.write_timeout = write_timeout
        self._clock = clock
        self._subscribers: list[Callable[[tuple[Change, ...]], None]] = []
        self._conn = self._connect()
        try:
            self._prepare()
        except BaseException:
            self._conn.close()
            raise

    # -- opening ------------------------------------------------------------------------------------------

    @property
    def backup_dir(self) -> Path:
        return self.path.parent / BACKUP_DIR

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.read_only:
                if not self.path.is_file():
                    raise StorageError(f"there is no annotations database at {self.path} yet")
                conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                       timeout=self.write_timeout, isolation_level=None)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=self.write_timeout, isolation_level=None)
        except OSError as error:
            raise StorageError(f"the annotations folder cannot be created: {error}") from error
        except sqlite3.Error as error:
            raise self._translate(error) from error
        return conn

    def _prepare(self) -> None:
        with self._guard():
            self._conn.execute(f"PRAGMA busy_timeout = {int(self.write_timeout * 1000)}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if not self.read_only:
                mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise StorageError(f"the annotations database cannot use WAL mode here (got {mode!r})")
                self._conn.execute("PRAGMA synchronous = FULL")
            version = schema_version(self._conn)
        if version > CURRENT_VERSION:
            raise SchemaTooNewError(f"{self.path} was written by a newer version of Ashraf Archive "
                                    f"(schema {version}, this version knows {CURRENT_VERSION})")
        if version < CURRENT_VERSION:
            if self.read_only:
                raise StoreEnvironmentError("the annotations database needs an upgrade; open it once in a "
                                            "window that can write")
            self._migrate(version)

    def _migrate(self, found: int) -> None:
        if found >= 1:  # real data: keep a copy from before the upgrade
            stamp = self._clock().astimezone()
            with self._guard():
                _backup.write_backup(self._conn, _backup.unused_path(
                    self.backup_dir, _backup.safety_name(f"pre-v{CURRENT_VERSION}", stamp)))
        for migration in MIGRATIONS:
            with self._write_txn(notify=False) as conn:
                if schema_version(conn) >= migration.version:
                    continue  # another process got there first
                migration.apply(conn)
                conn.execute("INSERT INTO schema_migrations (version, description, applied) VALUES (?, ?, ?)",
                             (migration.version, migration.description, format_time(self._clock())))
                conn.execute(f"PRAGMA user_version = {migration.version}")

    @property
    def schema_version(self) -> int:
        with self._guard():
            return schema_version(self._conn)

    def close(self) -> None:
        """Close the connection; on the last one SQLite checkpoints the WAL into the main file."""
        try:
            self._conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> "AnnotationStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions ---------------------------------------------------------------------------------------

    def _translate(self, error: sqlite3.Error, waited: float = 0.0):
        return translate_sqlite_error(error, waited_s=waited)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            translated = self._translate(error)
            if translated is error:
                raise
            raise translated from error

    @contextmanager
    def _write_txn(self, *, notify: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction: BEGIN IMMEDIATE (bounded wait for the lock) ... COMMIT (fsynced)."""
        if self.read_only:
            raise ReadOnlyStoreError("this window opened the annotations read-only; changes are not possible")
        started = time.monotonic()
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            translated = self._translate(error, time.monotonic() - started)
            if translated is error:
                raise
            raise translated from error
        self._pending: list[tuple[str, str]] = []
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as error:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if isinstance(error, sqlite3.Error):
                translated = self._translate(error, time.monotonic() - started)
                if translated is not error:
                    raise translated from error
            raise
        if notify and self._pending:
            self._notify()

    def _journal(self, annotation_id: str, op: str) -> None:
        self._conn.execute("DELETE FROM change WHERE annotation_id = ?", (annotation_id,))
        self._conn.execute("INSERT INTO change (annotation_id, op, at) VALUES (?, ?, ?)",
                           (annotation_id, op, format_time(self._clock())))
        self._pending.append((annotation_id, op))

    def _notify(self) -> None:
        ids = [a for a, _ in self._pending]
        marks = ",".join("?" * len(ids))
        with self._guard():
            rows = self._conn.execute(f"SELECT annotation_id, op, version FROM change WHERE annotation_id IN ({marks})",
                                      ids).fetchall()
        changes = tuple(Change(*row) for row in sorted(rows, key=lambda r: r[2]))
        for callback in list(self._subscribers):
            try:
                callback(changes)
            except Exception:  # a broken listener must not turn a committed save into an error
                log.exception("annotation change listener failed")

    def subscribe(self, callback: Callable[[tuple[Change, ...]], None]) -> Callable[[], None]:
        """Call ``callback(changes)`` after each commit made through this store object. Returns unsubscribe.

        Other processes' commits are not seen here; poll :meth:`changes_since` (cheap) or
        :meth:`changed_elsewhere` for those."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback) if callback in self._subscribers else None

    def changed_elsewhere(self) -> bool:
        """True once another connection (window, process) has committed since the last call."""
        with self._guard():
            value = self._conn.execute("PRAGMA data_version").fetchone()[0]
        previous, self._data_version = getattr(self, "_data_version", value), value
        return value != previous

    # -- writing --------------------------------------------------------------------------------------------

    def _stamp(self, previous: str | None = None) -> str:
        """Now, but always later than ``previous``: ``modified`` must grow with every edit even within a
        millisecond, or import could not tell which side changed."""
        now = self._clock()
        if previous:
            floor = parse_time(previous) + timedelta(milliseconds=1)
            if now < floor:
                now = floor
        return format_time(now)

    def _find_in_txn(self, annotation_id: str) -> tuple[Annotation, str | None] | None:
        row = self._conn.execute(_rows.SELECT + " WHERE a.id = ?", (annotation_id,)).fetchone()
        return (_rows.from_row(row), row[-1]) if row else None

    def create(self, collection_id: str, item_id: str, kind: Kind | str, *, text: TextSelector | None = None,
               region: RegionSelector | None = None, colour: Colour | str = Colour.YELLOW, body: str = "",
               tags: Sequence[str] = (), author: str = "", item_sha256: str = "",
               annotation_id: str | None = None, note_language: str | None = None) -> Mutation:
        """A new annotation, committed before returning. Build ``text`` with ``anchoring.text_selector``."""
        try:
            kind, colour = Kind(kind), Colour(colour)
        except ValueError as error:
            raise AnnotationValueError(str(error)) from None
        now = self._stamp()
        annotation = validate(Annotation(
            id=annotation_id or str(uuid.uuid4()), collection_id=collection_id, item_id=item_id, kind=kind,
            item_sha256=item_sha256.lower(), colour=colour, body=body, tags=tuple(tags), author=author,
            created=now, modified=now, text=text, region=region, status=Status.ANCHORED,
            note_language=guess_note_language(body) if note_language is None else note_language))
        with self._write_txn() as conn:
            if self._find_in_txn(annotation.id) is not None:
                raise AnnotationValueError(f"annotation {annotation.id} exists already")
            _rows.write(conn, annotation, None)
            self._journal(annotation.id, "upsert")
        return Mutation(before=None, after=annotation)

    def update(self, annotation_id: str, *, colour=UNSET, body=UNSET, tags=UNSET, region=UNSET, author=UNSET,
               kind=UNSET, note_language=UNSET) -> Mutation:
        """Change what the user can edit (colour, note and its language, tags, region, author, kind);
        ``modified`` moves on."""
        changes = {name: value for name, value in (("colour", colour), ("body", body), ("tags", tags),
                                                   ("region", region), ("author", author), ("kind", kind),
                                                   ("note_language", note_language))
                   if value is not UNSET}
        if "body" in changes and "note_language" not in changes:
            changes["note_language"] = guess_note_language(changes["body"])  # a rewritten note: its script
        if "colour" in changes:
            try:
                changes["colour"] = Colour(changes["colour"])
            except ValueError as error:
                raise AnnotationValueError(str(error)) from None
        with self._write_txn() as conn:
            found = self._find_in_txn(annotation_id)
            if found is None:
                raise NotFoundError(annotation_id)
            before, synced = found
            after = validate(replace(before, **changes))
            if after == before:
                return Mutation(before=before, after=before)
            after = replace(after, modified=self._stamp(before.modified))
            _rows.write(conn, after, synced)
            self._journal(annotation_id, "upsert")
        return Mutation(before=before, after=after)

    def add_tag(self, annotation_id: str, tag: str) -> Mutation:
        current = self.get(annotation_id)
        return self.update(annotation_id, tags=current.tags + (tag,))

    def remove_tag(self, annotation_id: str, tag: str) -> Mutation:
        name = normalise_tag(tag)
        current = self.get(annotation_id)
        return self.update(annotation_id, tags=tuple(t for t in current.tags if t != name))

    def delete(self, annotation_id: str) -> Mutation:
        """Remove an annotation; the returned mutation's ``before`` holds everything needed to undo it."""
        with self._write_txn() as conn:
            found = self._find_in_txn(annotation_id)
            if found is None:
                raise NotFoundError(annotation_id)
            conn.execute("DELETE FROM annotation WHERE id = ?", (annotation_id,))
            _rows.drop_unused_tags(conn)
            self._journal(annotation_id, "delete")
        return Mutation(before=found[0], after=None)

    def apply(self, mutation: Mutation) -> Mutation:
        """Bring an annotation from ``mutation.before`` to ``mutation.after`` (undo = ``apply(m.inverse())``).

        Refuses with :class:`StaleEditError` when the stored state is no longer ``before`` (another window
        edited it meanwhile) - undo never overwrites someone else's change. A restored state gets a new
        ``modified`` (it is a change made now); ``created`` and the id are kept.
        """
        target_id = mutation.annotation_id
        with self._write_txn() as conn:
            found = self._find_in_txn(target_id)
            current, synced = found if found else (None, None)
            expected = mutation.before
            if (current is None) != (expected is None) or (
                    current is not None and (current.modified != expected.modified or not current.same_content(expected))):
                raise StaleEditError(f"annotation {target_id} was changed elsewhere; this step cannot be undone/redone")
            if mutation.after is None:
                conn.execute("DELETE FROM annotation WHERE id = ?", (target_id,))
                _rows.drop_unused_tags(conn)
                self._journal(target_id, "delete")
                return Mutation(before=current, after=None)
            latest = max(filter(None, (current.modified if current else None, mutation.after.modified)))
            after = validate(replace(mutation.after, modified=self._stamp(latest)))
            _rows.write(conn, after, synced)
            self._journal(target_id, "upsert")
        return Mutation(before=current, after=after)

    def put(self, annotation: Annotation) -> Mutation:
        """Store ``annotation`` exactly as given (timestamps included), replacing any local state.

        For "take theirs" after an import conflict, and for tools; returns an undoable mutation."""
        annotation = validate(annotation)
        with self._write_txn() as conn:
            found = self._find_in_txn(annotation.id)
            _rows.write(conn, annotation, annotation.modified)
            self._journal(annotation.id, "upsert")
        return Mutation(before=found[0] if found else None, after=annotation)

    # -- anchoring ------------------------------------------------------------------------------------------

    def reanchor_item(self, collection_id: str, item_id: str, text) -> ReanchorReport:
        """Place an item's text annotations in its current text (``str`` or ``ExtractedText``), in one
        transaction. Cheap when nothing changed (each stored position is checked first, no write happens);
        the viewer may call it on every open. Unplaceable ones become ``orphaned``, never deleted.
        ``modified`` is not touched: moving with the text is not an edit of the annotation."""
        content = getattr(text, "text", text)
        candidates = [a for a in self.for_item(collection_id, item_id) if a.text is not None]
        plan: list[tuple[Annotation, TextSelector | None, Status]] = []
        report: dict[str, list[str]] = {k: [] for k in ("unchanged", "moved", "edited", "reattached", "orphaned")}
        for a in candidates:
            match = locate(a.text, content)
            if match is None:
                if a.status is not Status.ORPHANED:
                    plan.append((a, None, Status.ORPHANED))
                report["orphaned"].append(a.id)
                continue
            selector = text_selector(text, match.start, match.end)
            if not getattr(text, "pages", None):  # a plain str cannot say the page: keep the one we had
                selector = replace(selector, page=a.text.page)
            if a.status is Status.ORPHANED:
                report["reattached"].append(a.id)
            elif selector == a.text:
                report["unchanged"].append(a.id)
                continue
            else:
                report["moved"].append(a.id)
            if not match.exact:
                report["edited"].append(a.id)
            plan.append((a, selector, Status.ANCHORED))
        if plan:
            with self._write_txn() as conn:
                for a, selector, status in plan:
                    found = self._find_in_txn(a.id)
                    if found is None or found[0].modified != a.modified:
                        continue  # edited or deleted by another window meanwhile: the next open re-anchors it
                    _rows.update_anchor(conn, a.id, selector, status)
                    self._journal(a.id, "upsert")
        return ReanchorReport(**{k: tuple(v) for k, v in report.items()})

    # -- import ---------------------------------------------------------------------------------------------

    def merge(self, incoming: Sequence[Annotation]) -> ImportReport:
        """Merge imported annotations by id in one transaction (all or nothing; see merge.decide)."""
        report = ImportReport()
        valid = []
        for a in incoming:
            try:
                valid.append(validate(a))
            except AnnotationValueError as error:
                report.problems.append(f"{a.id}: {error}")
        with self._write_txn() as conn:
            for a in valid:
                found = self._find_in_txn(a.id)
                local, synced = found if found else (None, None)
                tomb = found is None and conn.execute(
                    "SELECT 1 FROM change WHERE annotation_id = ? AND op = 'delete'", (a.id,)).fetchone() is not None
                decision = decide(local, synced, tomb, a)
                if decision in ("add", "update"):
                    _rows.write(conn, a, a.modified)
                    self._journal(a.id, "upsert")
                    (report.added if decision == "add" else report.updated).append(a.id)
                elif decision == "unchanged":
                    report.unchanged.append(a.id)
                elif decision == "kept_local":
                    report.kept_local.append(a.id)
                elif decision == "deleted_locally":
                    report.deleted_locally.append(a.id)
                else:
                    report.conflicts.append(Conflict(local=local, incoming=a))
        return report

    # -- team sync ------------------------------------------------------------------------------------------

    @contextmanager
    def sync_transaction(self) -> Iterator["SyncTxn"]:
        """One write transaction for the team sync (core/team): it writes annotations *as given* - other
        people's edits, ``modified`` included - journaled for the search index and subscribers like any
        change, together with its own bookkeeping tables (schema v3), all committed or none."""
        with self._write_txn() as conn:
            yield SyncTxn(self, conn)

    def sync_read(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        """Rows of a query on the sync bookkeeping (core/team), errors translated like every read."""
        with self._guard():
            return self._conn.execute(sql, params).fetchall()

class SyncTxn:
    """What the team sync may do inside :meth:`AnnotationStore.sync_transaction`."""

    def __init__(self, store: AnnotationStore, conn: sqlite3.Connection) -> None:
        self._store, self.conn = store, conn

    def find(self, annotation_id: str) -> Annotation | None:
        found = self._store._find_in_txn(annotation_id)
        return found[0] if found else None

    def write(self, annotation: Annotation) -> Annotation:
        """Store an annotation exactly as given (validated); keeps the import base."""
        annotation = validate(annotation)
        found = self._store._find_in_txn(annotation.id)
        _rows.write(self.conn, annotation, found[1] if found else None)
        self._store._journal(annotation.id, "upsert")
        return annotation

    def delete(self, annotation_id: str) -> None:
        if self.conn.execute("DELETE FROM annotation WHERE id = ?", (annotation_id,)).rowcount:
            _rows.drop_unused_tags(self.conn)
            self._store._journal(annotation_id, "delete")

    def stamp(self, previous: str | None = None) -> str:
        """Now as a ``modified`` value, later than ``previous`` (a decision made here is an edit)."""
        return self._store._stamp(previous)

    def change_version(self, annotation_id: str) -> int:
        """The local change counter of an annotation (0: never changed here since v2)."""
        row = self.conn.execute("SELECT version FROM change WHERE annotation_id = ?", (annotation_id,)).fetchone()
        return int(row[0]) if row else 0
