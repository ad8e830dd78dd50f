"""The database schema as a list of forward migrations, each applied once in its own transaction.

``PRAGMA user_version`` and the ``schema_migrations`` table both record the version; migrations never run
backwards, and a database newer than :data:`CURRENT_VERSION` is refused rather than guessed at. Two
processes opening a fresh file at once are safe: each migration re-checks the version after taking the
write lock.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from typing import Callable

__all__ = ["Migration", "MIGRATIONS", "CURRENT_VERSION", "schema_version", "V1_SQL"]

V1_SQL = """
CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied TEXT NOT NULL
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE annotation (
    id TEXT PRIMARY KEY,
    collection_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    item_sha256 TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('highlight', 'note', 'region')),
    colour TEXT NOT NULL DEFAULT 'yellow',
    body TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'anchored' CHECK (status IN ('anchored', 'orphaned')),
    quote_exact TEXT, quote_prefix TEXT, quote_suffix TEXT,
    pos_start INTEGER, pos_end INTEGER, page INTEGER,
    region_x REAL, region_y REAL, region_w REAL, region_h REAL
);
CREATE INDEX annotation_item ON annotation (collection_id, item_id);
CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE annotation_tag (
    annotation_id TEXT NOT NULL REFERENCES annotation (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (annotation_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX annotation_tag_tag ON annotation_tag (tag_id);
"""


def _v2(conn: sqlite3.Connection) -> None:
    """The change feed for the search index, and the import base (``synced``) for conflict detection."""
    _exec_script(conn, """
    CREATE TABLE change (
        version INTEGER PRIMARY KEY AUTOINCREMENT,
        annotation_id TEXT NOT NULL UNIQUE,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        at TEXT NOT NULL
    );
    INSERT INTO change (annotation_id, op, at) SELECT id, 'upsert', modified FROM annotation ORDER BY modified, id;
    ALTER TABLE annotation ADD COLUMN synced TEXT;
    CREATE INDEX annotation_modified ON annotation (modified);
    """)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('feed_epoch', ?)", (uuid.uuid4().hex,))


def _exec_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: ``executescript`` would COMMIT the open transaction first, splitting a
    migration in two."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v3(conn: sqlite3.Connection) -> None:
    """Team sync bookkeeping (core/team, docs/team.md): per annotation the server revision and the
    pristine copy last synced, alternatives of conflicting fields, and a push whose outcome is unknown."""
    _exec_script(conn, """
    CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sync_state (
        annotation_id TEXT PRIMARY KEY,
        revision INTEGER,
        owner TEXT NOT NULL DEFAULT '',
        pristine TEXT,
        pristine_deleted INTEGER NOT NULL DEFAULT 0,
        pristine_conflicts TEXT NOT NULL DEFAULT '{}',
        conflicts TEXT NOT NULL DEFAULT '{}',
        synced_change INTEGER NOT NULL DEFAULT 0,
        refused TEXT,
        inflight_key TEXT,
        inflight_doc TEXT,
        inflight_change INTEGER
    );
    CREATE INDEX sync_state_inflight ON sync_state (inflight_key) WHERE inflight_key IS NOT NULL
    """)


def _v4(conn: sqlite3.Connection) -> None:
    """What other tools' annotations carry (issue 19): their motivations, the note's language and format, and
    the whole W3C node as written, so that nothing the app does not show is lost on the way through."""
    _exec_script(conn, """
    ALTER TABLE annotation ADD COLUMN motivation TEXT NOT NULL DEFAULT '';
    ALTER TABLE annotation ADD COLUMN note_language TEXT NOT NULL DEFAULT '';
    ALTER TABLE annotation ADD COLUMN note_format TEXT NOT NULL DEFAULT '';
    ALTER TABLE annotation ADD COLUMN original TEXT NOT NULL DEFAULT ''
    """)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "annotations, tags", lambda c: _exec_script(c, V1_SQL)),
    Migration(2, "change feed for the search index; import base for conflicts", _v2),
    Migration(3, "team sync bookkeeping", _v3),
    Migration(4, "motivations, note language and format, other tools' annotations kept as written", _v4),
)
CURRENT_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])
