"""The local side of the team sync: what is waiting to be pushed, pristine copies, conflicts, a push in
flight - kept in the annotations database (schema v3) next to the annotations themselves.

An annotation is *waiting* when its local change counter (the store's change journal) moved past the one
recorded when it was last in step with the server, or when its conflicts were resolved here. A push is
recorded as *in flight* (with a fresh key) in a local commit before it is sent; the server keeps the key
in its history, so after a crash, a kill or a lost connection the next sync asks the server whether that
push landed and settles it exactly once - nothing is pushed twice, nothing is taken for pushed that was not.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, Sequence

from ..annotations import Annotation, AnnotationStore
from ..annotations.errors import AnnotationValueError
from . import fields as codec
from .merge import DELETED, DERIVED_FIELDS, Conflicts, conflicts_from_json, conflicts_to_json, merge

__all__ = ["LocalBook", "PendingPush", "RemoteRow", "PullReport", "ConflictEntry", "OutgoingPush"]


@dataclass(frozen=True, slots=True)
class RemoteRow:
    """One annotation as the server has it."""

    annotation_id: str
    revision: int
    owner: str
    deleted: bool
    fields: dict[str, codec.JSON]
    conflicts: dict[str, object]
    updated_by: str = ""


@dataclass(frozen=True, slots=True)
class PendingPush:
    """A local change to send: the annotation (None: deleted here) against the server revision it
    started from (None: the server has never had it)."""

    annotation_id: str
    base_revision: int | None
    annotation: Annotation | None
    conflicts: Conflicts
    change_version: int


@dataclass(frozen=True, slots=True)
class OutgoingPush:
    """What goes over the wire for one pending change."""

    annotation_id: str
    base_revision: int | None
    key: str
    fields: dict[str, codec.JSON]
    deleted: bool
    conflicts: dict[str, object]


@dataclass
class PullReport:
    applied: int = 0  # others' changes taken as they are
    merged: int = 0  # merged with a local edit
    conflicts: list[str] = field(default_factory=list)  # annotation ids with a new same-field conflict


@dataclass(frozen=True, slots=True)
class ConflictEntry:
    """One annotation waiting for a person: alternatives per field, or a push the server refused."""

    annotation: Annotation | None
    annotation_id: str
    owner: str
    conflicts: Conflicts
    refused: str | None


def _same_but_derived(fields: Mapping[str, object], pristine: object) -> bool:
    """Equal to the pristine copy except in positions/anchoring state and ``modified``."""
    if not isinstance(pristine, dict):
        return False
    ignore = DERIVED_FIELDS | {"modified"}
    names = (set(fields) | set(pristine)) - ignore
    return all(codec.canonical(fields.get(n)) == codec.canonical(pristine.get(n)) for n in names)


def _json(text: str | None) -> object:
    return codec.loads(text) if text else None


class LocalBook:
    """Sync bookkeeping over one :class:`AnnotationStore` (one per sync run; cheap to make)."""

    def __init__(self, store: AnnotationStore) -> None:
        self.store = store

    # -- meta -------------------------------------------------------------------------------------------------
    def _meta(self, key: str) -> str | None:
        rows = self.store.sync_read("SELECT value FROM sync_meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    @property
    def cursor(self) -> int:
        return int(self._meta("cursor") or 0)

    @property
    def cursor_mark(self) -> str | None:
        """The annotation id of the revision at the cursor: with it, a server restored from an older
        backup (whose revision numbers are handed out again) is told apart from the one pulled from."""
        return self._meta("cursor_id")

    @property
    def server_id(self) -> str | None:
        return self._meta("server_id")

    def bind(self, server_id: str, role: str) -> bool:
        """Tie this data folder to a server (by the id ``team init`` gave it) and a role. Pointed at another
        server or role, every sync record is dropped - annotations stay, and are all pushed as new or
        merged without a base there. Returns True when that happened."""
        with self.store.sync_transaction() as txn:
            rows = dict(txn.conn.execute("SELECT key, value FROM sync_meta WHERE key IN ('server_id', 'role')"))
            if rows.get("server_id") == server_id and rows.get("role") == role:
                return False
            reset = bool(rows)
            self._forget(txn, server_id, role)
            return reset

    def forget(self) -> None:
        """Drop every sync record but the server binding: the next sync pushes everything as new or merges it
        without a base (used when the server went back in time, e.g. restored from a backup)."""
        with self.store.sync_transaction() as txn:
            self._forget(txn, self.server_id or "", self._meta("role") or "")

    @staticmethod
    def _forget(txn, server_id: str, role: str) -> None:
        # alternatives still to be chosen are kept (and sent again); everything else is re-learnt
        txn.conn.execute("DELETE FROM sync_state WHERE conflicts = '{}'")
        txn.conn.execute("UPDATE sync_state SET revision = NULL, owner = '', pristine = NULL, pristine_deleted = 0, "
                         "pristine_conflicts = '{}', synced_change = 0, refused = NULL, inflight_key = NULL, "
                         "inflight_doc = NULL, inflight_change = NULL")
        txn.conn.execute("DELETE FROM sync_meta")
        txn.conn.executemany("INSERT INTO sync_meta (key, value) VALUES (?, ?)",
                             [("server_id", server_id), ("role", role), ("cursor", "0")])

    # -- what waits -------------------------------------------------------------------------------------------
    _PENDING_SQL = """
        SELECT c.annotation_id, c.op, c.version, s.revision, s.conflicts, s.pristine_conflicts, s.pristine_deleted,
               s.refused, s.pristine
        FROM change c LEFT JOIN sync_state s ON s.annotation_id = c.annotation_id
        WHERE (s.annotation_id IS NULL AND c.op = 'upsert')
           OR (s.annotation_id IS NOT NULL AND (c.version > s.synced_change OR s.conflicts != s.pristine_conflicts)
               AND NOT (c.op = 'delete' AND (s.revision IS NULL OR s.pristine_deleted = 1)))
    """

    def pending(self, limit: int | None = None, *, include_refused: bool = False) -> list[PendingPush]:
        """Changes to send, oldest first. A change of positions or anchoring state only (re-anchoring in this
        copy's text) is not sent: each copy derives those from its own text; it is marked in step instead."""
        sql = f"SELECT * FROM ({self._PENDING_SQL}) WHERE {'1' if include_refused else 'refused IS NULL'} " \
              f"ORDER BY version" + (f" LIMIT {int(limit)}" if limit else "")
        while True:
            out: list[PendingPush] = []
            derived_only: list[tuple[int, str]] = []
            rows = self.store.sync_read(sql)
            for annotation_id, op, version, revision, conflicts, pristine_conflicts, _pd, refused, pristine in rows:
                annotation = self.store.find(annotation_id) if op == "upsert" else None
                if op == "upsert" and annotation is None:
                    continue
                if (annotation is not None and pristine is not None and conflicts == pristine_conflicts
                        and _same_but_derived(codec.encode(annotation), _json(pristine))):
                    derived_only.append((int(version), annotation_id))
                    continue
                out.append(PendingPush(annotation_id, revision, annotation,
                                       conflicts_from_json(_json(conflicts)), int(version)))
            if not derived_only:
                return out
            with self.store.sync_transaction() as txn:  # in step again, unless edited meanwhile
                txn.conn.executemany("UPDATE sync_state SET synced_change = ? WHERE annotation_id = ? AND ? = "
                                     "(SELECT version FROM change WHERE annotation_id = sync_state.annotation_id)",
                                     [(v, a, v) for v, a in derived_only])
            if out or not limit:
                return out

    def waiting_count(self) -> int:
        """Local changes not on the server yet (refused ones count: they are not there either)."""
        return int(self.store.sync_read(f"SELECT count(*) FROM ({self._PENDING_SQL})")[0][0])

    def conflict_count(self) -> int:
        return int(self.store.sync_read(
            "SELECT count(*) FROM sync_state WHERE conflicts != '{}' OR refused IS NOT NULL")[0][0])

    # -- pushing ----------------------------------------------------------------------------------------------
    def begin_push(self, pending: Sequence[PendingPush]) -> list[OutgoingPush]:
        """Give each change a key and record it as in flight (committed) before anything is sent."""
        out = [OutgoingPush(p.annotation_id, p.base_revision, str(uuid.uuid4()),
                            codec.encode(p.annotation) if p.annotation else self._last_fields(p.annotation_id),
                            p.annotation is None, conflicts_to_json(p.conflicts)) for p in pending]
        by_id = {p.annotation_id: p for p in pending}
        with self.store.sync_transaction() as txn:
            for o in out:
                doc = codec.dumps({"fields": o.fields, "deleted": o.deleted, "conflicts": o.conflicts})
                txn.conn.execute(
                    "INSERT INTO sync_state (annotation_id, inflight_key, inflight_doc, inflight_change) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (annotation_id) DO UPDATE SET inflight_key = excluded.inflight_key, "
                    "inflight_doc = excluded.inflight_doc, inflight_change = excluded.inflight_change",
                    (o.annotation_id, o.key, doc, by_id[o.annotation_id].change_version))
        return out

    def _last_fields(self, annotation_id: str) -> dict[str, codec.JSON]:
        """A deletion carries the last synced fields (the server keeps them in the tombstone's history)."""
        rows = self.store.sync_read("SELECT pristine FROM sync_state WHERE annotation_id = ?", (annotation_id,))
        return dict(_json(rows[0][0]) or {}) if rows else {}

    def in_flight(self) -> dict[str, str]:
        """push key -> annotation id, for pushes whose outcome this copy has not recorded."""
        return dict(self.store.sync_read(
            "SELECT inflight_key, annotation_id FROM sync_state WHERE inflight_key IS NOT NULL"))

    def settle(self, landed: Mapping[str, tuple[int, str]], *, refused: Mapping[str, str] = {},
               stale: Iterable[str] = ()) -> None:
        """Record the outcome of pushes: ``landed`` key -> (server revision, owner); ``refused`` key ->
        reason; ``stale`` keys (the server had moved on: the next pull merges); any other in-flight key did
        not land. A landed push becomes the pristine copy; the annotation stays waiting only if it changed
        here after the push was prepared."""
        stale = set(stale)
        with self.store.sync_transaction() as txn:
            rows = txn.conn.execute("SELECT annotation_id, inflight_key, inflight_doc, inflight_change FROM sync_state "
                                    "WHERE inflight_key IS NOT NULL").fetchall()
            for annotation_id, key, doc_text, change in rows:
                if key in landed:
                    revision, owner = landed[key]
                    doc = _json(doc_text) or {}
                    current = txn.change_version(annotation_id)
                    synced = change if current == change else 0
                    txn.conn.execute(
                        "UPDATE sync_state SET revision = ?, owner = ?, pristine = ?, pristine_deleted = ?, "
                        "pristine_conflicts = ?, conflicts = CASE WHEN ? THEN conflicts ELSE ? END, synced_change = ?, "
                        "refused = NULL, inflight_key = NULL, inflight_doc = NULL, inflight_change = NULL "
                        "WHERE annotation_id = ?",
                        (revision, owner, codec.dumps(doc.get("fields")), int(bool(doc.get("deleted"))),
                         codec.dumps(doc.get("conflicts") or {}), synced == 0,
                         codec.dumps(doc.get("conflicts") or {}), synced, annotation_id))
                elif key in refused:
                    txn.conn.execute("UPDATE sync_state SET refused = ?, inflight_key = NULL, inflight_doc = NULL, "
                                     "inflight_change = NULL WHERE annotation_id = ?", (refused[key], annotation_id))
                else:  # stale or never arrived: still waiting, tried again after the next pull
                    txn.conn.execute("UPDATE sync_state SET inflight_key = NULL, inflight_doc = NULL, "
                                     "inflight_change = NULL WHERE annotation_id = ?", (annotation_id,))
            txn.conn.execute("DELETE FROM sync_state WHERE revision IS NULL AND inflight_key IS NULL "
                             "AND refused IS NULL AND conflicts = '{}'")

    # -- pulling ----------------------------------------------------------------------------------------------
    def apply_pulled(self, rows: Sequence[RemoteRow], cursor: int, *, me: str, now: str) -> PullReport:
        """Bring the server's rows in, merging with local edits, and move the cursor - one commit, so a
        batch interrupted anywhere is simply fetched and applied again."""
        report = PullReport()
        with self.store.sync_transaction() as txn:
            for row in rows:
                state = txn.conn.execute(
                    "SELECT revision, pristine, pristine_deleted, pristine_conflicts, conflicts, synced_change, "
                    "refused FROM sync_state WHERE annotation_id = ?", (row.annotation_id,)).fetchone()
                if state is not None and state[0] is not None and state[0] >= row.revision:
                    continue  # already have this revision (our own push, or a repeated batch)
                if state is not None and state[6] is not None:
                    # a change the server refused waits for its author's decision exactly as it was written;
                    # only the server's copy (what "discard my change" brings back) moves on
                    txn.conn.execute(
                        "UPDATE sync_state SET revision = ?, owner = ?, pristine = ?, pristine_deleted = ?, "
                        "pristine_conflicts = ? WHERE annotation_id = ?",
                        (row.revision, row.owner, codec.dumps(row.fields), int(row.deleted),
                         codec.dumps(conflicts_to_json(conflicts_from_json(row.conflicts))), row.annotation_id))
                    continue
                self._apply_one(txn, row, state, report, me=me, now=now)
            if rows and cursor >= self.cursor:
                txn.conn.executemany("INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)",
                                     [("cursor", str(cursor)), ("cursor_id", rows[-1].annotation_id)])
        return report

    def _apply_one(self, txn, row: RemoteRow, state, report: PullReport, *, me: str, now: str) -> None:
        local = txn.find(row.annotation_id)
        version = txn.change_version(row.annotation_id)
        remote_conflicts = conflicts_from_json(row.conflicts)
        if state is None:
            pristine, pristine_deleted, pristine_conflicts, local_conflicts, synced = None, False, {}, {}, 0
        else:
            pristine = _json(state[1])
            pristine_deleted, synced = bool(state[2]), int(state[5])
            pristine_conflicts = conflicts_from_json(_json(state[3]))
            local_conflicts = conflicts_from_json(_json(state[4]))
        locally_changed = (state is None and local is not None) or version > synced or \
            conflicts_to_json(local_conflicts) != conflicts_to_json(pristine_conflicts)
        if state is None and local is None and version > 0:
            locally_changed = False  # made and deleted here before it was ever synced: nothing of ours
        if not locally_changed:
            self._take(txn, row, local)
            report.applied += 1
            result_conflicts, dirty = remote_conflicts, False
        else:
            result = merge(pristine if isinstance(pristine, dict) else None, pristine_deleted,
                           codec.encode(local) if local is not None else None, row.fields, row.deleted,
                           local_conflicts=local_conflicts, pristine_conflicts=pristine_conflicts,
                           remote_conflicts=remote_conflicts, me=me, now=now)
            self._write_merged(txn, row, local, result)
            result_conflicts = result.conflicts
            report.merged += 1
            if result.new_conflicts:
                report.conflicts.append(row.annotation_id)
            dirty = not (codec.canonical(result.fields) == codec.canonical(row.fields)
                         and result.deleted == row.deleted
                         and conflicts_to_json(result.conflicts) == conflicts_to_json(remote_conflicts))
        synced_change = 0 if dirty else txn.change_version(row.annotation_id)
        txn.conn.execute(
            "INSERT INTO sync_state (annotation_id, revision, owner, pristine, pristine_deleted, pristine_conflicts, "
            "conflicts, synced_change, refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL) "
            "ON CONFLICT (annotation_id) DO UPDATE SET revision = excluded.revision, owner = excluded.owner, "
            "pristine = excluded.pristine, pristine_deleted = excluded.pristine_deleted, "
            "pristine_conflicts = excluded.pristine_conflicts, conflicts = excluded.conflicts, "
            "synced_change = excluded.synced_change, refused = NULL",
            (row.annotation_id, row.revision, row.owner, codec.dumps(row.fields), int(row.deleted),
             codec.dumps(conflicts_to_json(remote_conflicts)), codec.dumps(conflicts_to_json(result_conflicts)),
             synced_change))

    def _take(self, txn, row: RemoteRow, local: Annotation | None) -> None:
        if row.deleted:
            txn.delete(row.annotation_id)
            return
        fields = dict(row.fields)
        if local is not None:  # where the passage is in *this* copy's text stays this copy's finding
            mine = codec.encode(local)
            for name in DERIVED_FIELDS:
                if name in mine and mine[name] is not None:
                    fields[name] = mine[name]
        txn.write(codec.decode(row.annotation_id, fields, fallback=local))

    def _write_merged(self, txn, row: RemoteRow, local: Annotation | None, result) -> None:
        if result.deleted:
            txn.delete(row.annotation_id)
            return
        try:
            txn.write(codec.decode(row.annotation_id, result.fields, fallback=local))
        except (AnnotationValueError, codec.FieldCodecError, ValueError, TypeError):
            # the merged combination is not a valid annotation (e.g. kind and region changed on two sides):
            # take the server's copy whole and keep every local value that differs as an alternative
            from .merge import Alternative, add_alternative
            mine = codec.encode(local) if local is not None else {}
            for name, value in mine.items():
                if name in row.fields and codec.canonical(value) != codec.canonical(row.fields[name]):
                    add_alternative(result.conflicts, name, Alternative(value, "", ""), row.fields[name])
            result.fields = dict(row.fields)
            txn.write(codec.decode(row.annotation_id, row.fields, fallback=local))

    # -- conflicts --------------------------------------------------------------------------------------------
    def conflicts(self) -> list[ConflictEntry]:
        rows = self.store.sync_read(
            "SELECT annotation_id, owner, conflicts, refused FROM sync_state "
            "WHERE conflicts != '{}' OR refused IS NOT NULL ORDER BY annotation_id")
        return [ConflictEntry(self.store.find(a), a, owner, conflicts_from_json(_json(c)), refused)
                for a, owner, c, refused in rows]

    def resolve(self, annotation_id: str, name: str, choice: int | None) -> None:
        """Settle one conflicting field: ``choice`` None keeps the value in the field, an index takes that
        alternative. The decision is pushed at the next sync (as an ordinary change of the annotation)."""
        with self.store.sync_transaction() as txn:
            row = txn.conn.execute("SELECT conflicts FROM sync_state WHERE annotation_id = ?",
                                   (annotation_id,)).fetchone()
            conflicts = conflicts_from_json(_json(row[0]) if row else None)
            alternatives = conflicts.pop(name, [])
            if choice is not None:
                chosen = alternatives[choice].value
                current = txn.find(annotation_id)
                if name == DELETED:
                    if chosen:
                        txn.delete(annotation_id)
                elif current is not None:
                    doc = codec.encode(current)
                    doc[name] = chosen
                    doc["modified"] = txn.stamp(current.modified)
                    txn.write(codec.decode(annotation_id, doc, fallback=current))
            txn.conn.execute("UPDATE sync_state SET conflicts = ? WHERE annotation_id = ?",
                             (codec.dumps(conflicts_to_json(conflicts)), annotation_id))

    def drop_refused(self, annotation_id: str) -> None:
        """Give up a change the server refused (not this role's annotation): the copy last synced comes back."""
        with self.store.sync_transaction() as txn:
            row = txn.conn.execute("SELECT pristine, pristine_deleted FROM sync_state WHERE annotation_id = ?",
                                   (annotation_id,)).fetchone()
            if row is None:
                return
            pristine, deleted = _json(row[0]), bool(row[1])
            if isinstance(pristine, dict) and not deleted:
                txn.write(codec.decode(annotation_id, pristine, fallback=txn.find(annotation_id)))
            else:
                txn.delete(annotation_id)
            txn.conn.execute("UPDATE sync_state SET refused = NULL, conflicts = pristine_conflicts, "
                             "synced_change = ? WHERE annotation_id = ?",
                             (txn.change_version(annotation_id), annotation_id))

    def keep_refused_as_mine(self, annotation_id: str, author: str) -> str | None:
        """A refused change becomes a new annotation of this archivist (same item, passage and content,
        signed ``author``); the other person's annotation returns to its synced state. Returns the new id."""
        current = self.store.find(annotation_id)
        new_id = None
        if current is not None:
            new_id = str(uuid.uuid4())
            with self.store.sync_transaction() as txn:
                stamp = txn.stamp()
                txn.write(replace(current, id=new_id, author=author, created=stamp, modified=stamp))
        self.drop_refused(annotation_id)
        return new_id
