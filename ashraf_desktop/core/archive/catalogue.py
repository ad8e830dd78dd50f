"""The catalogue: a disposable SQLite copy of the archive's parsed, validated sidecars, in the user cache.

Opening a large archive used to cost what the archive holds (every sidecar parsed and checked at every
start: 2.6 s at 13,000 items). The TOML sidecars stay the source of truth; the catalogue keeps what the
loader made of each file, keyed by its path, size, modification time and the loader's version, so a start
re-reads only the files that changed. Items are then served from it lazily (:mod:`._catalogue_items`).

One catalogue per archive folder (``<cache>/catalogue/<name>-<hash>.sqlite``), shared by every process
that opens it (the window, the CLI). Why it cannot lose or invent anything:

* every refresh stats every sidecar first and re-reads those whose size, time or inode differ from their
  row (a save by rename within the file system's time resolution is a new inode);
  a row records the stat taken *before* its file was read, so a file changed while it was read is read
  again next time;
* rows are written in transactions of a few thousand files: a kill (even ``kill -9``) keeps the batches
  already committed, each whole, and the next start reads the rest;
* each :class:`~.model.Archive` it serves reads from one SQLite read transaction (WAL mode): a snapshot,
  unchanged by refreshes other processes make meanwhile;
* anything unexpected — a file that is not a database, a damaged page, a row that does not decode, a
  catalogue written by another version — makes it throw the file away and build a new one, with progress
  and one notice in plain words; when even that fails (a read-only cache), the archive is read directly.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import shutil
import sqlite3
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from ._item_codec import encode_item
from ._stat_walk import SEP, FileStat, folder_digest, walk_folders
from .loader import LOADER_VERSION, _Collector, _load_collection, _load_events, _load_facts, _load_item
from .model import Event, Fact, Problem

__all__ = ["CATALOGUE_DIR", "catalogue_path", "CatalogueError", "DAMAGE", "RefreshReport", "refresh", "connect",
           "remove", "version_key", "sealed", "unsealed", "problems_of", "whole", "generation"]


CATALOGUE_DIR = "catalogue"
SCHEMA = 4
BATCH = 2_000  # files per transaction while (re)building: what a kill can cost at most
#: what a damaged catalogue may raise while it is read; each means "throw it away and build it again"
DAMAGE = (sqlite3.DatabaseError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError,
          KeyError, TypeError, ValueError)

ProgressFn = Callable[[int, int], None]


class CatalogueError(Exception):
    """The catalogue cannot be used (damaged, or from another version); it will be rebuilt."""


def catalogue_path(cache_dir: Path, root: Path) -> Path:
    """Where the catalogue of the archive folder ``root`` lives under the user cache folder."""
    real = os.path.realpath(root)
    name = re.sub(r"[^a-z0-9-]+", "-", Path(real).name.lower()).strip("-")[:40] or "archive"
    digest = hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return Path(cache_dir) / CATALOGUE_DIR / f"{name}-{digest}.sqlite"


def version_key() -> str:
    """Changes whenever what the loader makes of the same files may change: the schema, the loader's own
    version and, in a source checkout, the source of this package's modules, which decide it (a packaged
    app has none: its version number stands for them)."""
    from ... import __version__
    digest = hashlib.sha256()
    with contextlib.suppress(OSError):
        for path in sorted(Path(__file__).parent.glob("*.py")):
            digest.update(path.name.encode() + path.read_bytes())
    return f"{SCHEMA}:{LOADER_VERSION}:{__version__}:{digest.hexdigest()[:16]}"


_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bases (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
-- one row per folder of sidecars: the digest of its files' rows' stats (NULL: to be made again, see refresh)
CREATE TABLE IF NOT EXISTS folders (id INTEGER PRIMARY KEY, base INTEGER NOT NULL, prefix TEXT NOT NULL, digest BLOB,
    UNIQUE (base, prefix));
-- one row per sidecar: its stat when read, what the loader made of it (item columns NULL when it failed)
CREATE TABLE IF NOT EXISTS files (
    base INTEGER NOT NULL, sortkey TEXT NOT NULL, folder INTEGER NOT NULL,
    size INTEGER NOT NULL, mtime INTEGER NOT NULL, ino INTEGER NOT NULL,
    h1 INTEGER NOT NULL, h2 INTEGER NOT NULL, problems BLOB,
    id TEXT, kind TEXT, title TEXT, title_key TEXT, d0 INTEGER, d1 INTEGER, date TEXT, sha256 TEXT,
    caption TEXT, tags TEXT, held TEXT, date_raw TEXT,  -- the rest of an ItemRow (a list's row without its Item)
    layer TEXT,  -- the text layer's file: with sortkey, held and sha256 a FileRow
    gen INTEGER NOT NULL,  -- the generation that wrote the row (see changes_since in _catalogue_items)
    UNIQUE (base, sortkey));
-- the pickled Item of each sidecar that made one (apart: scans of files stay small)
CREATE TABLE IF NOT EXISTS bodies (file INTEGER PRIMARY KEY, item BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS files_folder ON files (folder, sortkey, size, mtime, ino);
CREATE INDEX IF NOT EXISTS files_id ON files (id);
CREATE INDEX IF NOT EXISTS files_kind_title ON files (kind, title_key);
CREATE INDEX IF NOT EXISTS files_kind_date ON files (kind, d0, d1);
CREATE INDEX IF NOT EXISTS files_gen ON files (gen);
-- the ids of rows deleted, by generation: with files.gen, what changed since a generation (log_from in meta:
-- the first generation the log is whole from)
CREATE TABLE IF NOT EXISTS gone (gen INTEGER NOT NULL, id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS gone_gen ON gone (gen);
-- the items an item names in its mentioned_in citations (checked against the ids at every open)
CREATE TABLE IF NOT EXISTS cites (file INTEGER NOT NULL, n INTEGER NOT NULL, item TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS cites_file ON cites (file);
-- collection.toml, timeline.toml, facts.toml: what the loader made of each whole file
CREATE TABLE IF NOT EXISTS wholes (name TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL,
    ino INTEGER NOT NULL, h1 INTEGER NOT NULL, h2 INTEGER NOT NULL, payload BLOB NOT NULL, gen INTEGER NOT NULL);
"""

_WHOLES = ("collection.toml", "timeline.toml", "facts.toml")
TAG_SEP = "\x1f"  # between an item's tags in its row (a tag is one line of text)


@dataclass(frozen=True, slots=True)
class _Stat:
    base: int  # bases.id
    path: Path
    sortkey: str  # the path below the base with "/" as "\x01": SQLite's byte order is then pathlib's order
    folder: int  # folders.id
    size: int
    mtime: int
    ino: int  # a file replaced by a rename (an editor's save, the app's own writes) is a new inode


def _hashes(data: bytes) -> tuple[int, int]:
    """Two 31-bit halves of a content hash: their sums over 100,000 files fit SQLite's integers."""
    d = hashlib.blake2b(data, digest_size=8).digest()
    return int.from_bytes(d[:4], "big") >> 1, int.from_bytes(d[4:], "big") >> 1


def connect(path: Path, *, create: bool) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit); raises :class:`CatalogueError` when the
    file is not a catalogue of this version."""
    if not create and not path.is_file():
        raise CatalogueError("missing")
    conn = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        row = _meta(conn, "version")
        if row is None:
            conn.execute("BEGIN IMMEDIATE")  # made whole or not at all: another process may be making it too
            row = _meta(conn, "version")
            if row is None:
                if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    conn.execute("ROLLBACK")
                    raise CatalogueError("not a catalogue")
                for statement in filter(str.strip, _SCHEMA_SQL.split(";")):
                    conn.execute(statement)
                conn.execute("INSERT INTO meta VALUES ('version', ?)", (version_key(),))
                conn.execute("INSERT INTO meta VALUES ('generation', '0')")
                conn.execute("INSERT INTO meta VALUES ('log_from', '0')")
                conn.execute("INSERT INTO meta VALUES ('catalogue', ?)", (uuid.uuid4().hex,))
                row = version_key()
            conn.execute("COMMIT")
        if row != version_key():
            raise CatalogueError(f"written by another version ({row})")
    except BaseException:
        conn.close()
        raise
    return conn


_GEN = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation')"  # the current generation, in SQL


def _bump(conn: sqlite3.Connection) -> None:
    """Within a write transaction that changes what an archive is made of: a new generation (what was
    worked out from the rows of an older one, see :func:`generation`, is not used again)."""
    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")


def generation(conn: sqlite3.Connection) -> int:
    """Changes with every write transaction that changes the catalogue's content (never goes back)."""
    row = _meta(conn, "generation")
    if row is None:
        raise CatalogueError("no generation")
    return int(row)


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None
        raise
    return row[0] if row else None


def remove(path: Path) -> None:
    """Delete a catalogue and its WAL files (readers holding it open keep their copy until they close)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        name = f"{path}{suffix}"
        if os.path.isdir(name) and not os.path.islink(name):
            shutil.rmtree(name, ignore_errors=True)
        with contextlib.suppress(OSError):  # gone already, or a read-only cache: the caller reads the files
            os.unlink(name)


# --- refresh ---------------------------------------------------------------------------------------------


@dataclass
class RefreshReport:
    read: int = 0  # sidecars (re)read
    removed: int = 0
    total: int = 0  # sidecars in the archive
    wholes_read: int = 0


def _bases(conn: sqlite3.Connection, roots: Sequence[Path]) -> dict[Path, int]:
    """``bases.id`` of each root, in the roots' order (a catalogue whose order differs is emptied)."""
    rows = dict(conn.execute("SELECT path, id FROM bases").fetchall())
    ids = [rows.get(str(root)) for root in roots]
    known = [i for i in ids if i is not None]
    if known != sorted(known):  # the layers were reordered: file order (and duplicate precedence) changes
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM files")
        conn.execute("DELETE FROM cites")
        conn.execute("DELETE FROM bodies")
        conn.execute("DELETE FROM folders")
        conn.execute("DELETE FROM bases")
        conn.execute("DELETE FROM gone")
        _bump(conn)
        conn.execute(f"UPDATE meta SET value = {_GEN} WHERE key = 'log_from'")  # what was before is not known
        conn.execute("COMMIT")
        rows, ids = {}, [None] * len(roots)
    out: dict[Path, int] = {}
    for root, known_id in zip(roots, ids):
        if known_id is None:
            conn.execute("BEGIN IMMEDIATE")
            known_id = conn.execute("INSERT INTO bases (path) VALUES (?)", (str(root),)).lastrowid
            _bump(conn)
            conn.execute("COMMIT")
        out[root] = int(known_id)
    return out


def refresh(conn: sqlite3.Connection, root: Path, layers: Sequence[Path],
            progress: ProgressFn | None = None) -> RefreshReport:
    """Bring the catalogue up to date with the files of ``root`` and its ``layers``: stat every sidecar,
    re-read those whose size, time or inode changed, drop the rows of files that are gone.

    Every sidecar is stat'ed (an edit in place shows nowhere else), but rows are read and compared only in
    the folders whose digest of stats differs from the digest of their rows (:mod:`._stat_walk`): an
    unchanged archive costs the stats and one digest per folder. The digest of a folder's rows is cleared
    in the same transaction as any change to those rows and made again from the rows at the end, so a
    digest, when there is one, always describes the rows as they are (whatever other processes and kills
    did in between)."""
    roots = [root, *layers]
    bases = _bases(conn, roots)
    by_id = {v: k for k, v in bases.items()}
    report = RefreshReport()
    folders = {(b, prefix): (fid, digest) for fid, b, prefix, digest in
               conn.execute("SELECT id, base, prefix, digest FROM folders")}
    todo: list[tuple[int, str, str, FileStat]] = []  # (base, prefix, folder key, stat) to read
    gone: list[int] = []  # rowids of files whose sidecar is no longer there
    touched: dict[tuple[int, str], int | None] = {}  # folders compared row by row -> their id (None: new)
    for base in roots:
        base_id = bases[base]
        for prefix, stats in walk_folders(str(base / "items")):
            report.total += len(stats)
            known = folders.pop((base_id, prefix), None)
            if known is not None and known[1] == folder_digest(stats):
                continue
            fid = known[0] if known is not None else None
            touched[(base_id, prefix)] = fid
            changed, removed = _compare_folder(conn, fid, prefix, stats)
            todo.extend((base_id, prefix, st) for st in changed)
            gone.extend(removed)
    vanished = [fid for fid, _ in folders.values()]  # folders (and layers) no longer there
    for fid in vanished:
        gone.extend(r for (r,) in conn.execute("SELECT rowid FROM files WHERE folder = ?", (fid,)))
    stale = [i for (i,) in conn.execute("SELECT id FROM bases") if i not in by_id]
    if touched or vanished or stale:
        conn.execute("BEGIN IMMEDIATE")
        try:
            _bump(conn)
            for key, fid in touched.items():
                if fid is None:
                    conn.execute("INSERT OR IGNORE INTO folders (base, prefix) VALUES (?, ?)", key)
                    touched[key] = conn.execute("SELECT id FROM folders WHERE base = ? AND prefix = ?",
                                                key).fetchone()[0]
            for rowid in gone:
                _delete_rowid(conn, rowid)
            conn.executemany("UPDATE folders SET digest = NULL WHERE id = ?", [(touched[key],) for key in touched])
            conn.executemany("DELETE FROM folders WHERE id = ?", [(fid,) for fid in vanished])
            conn.executemany("DELETE FROM bases WHERE id = ?", [(i,) for i in stale])  # a layer that is gone
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        report.removed = len(gone)
    files = [_Stat(b, by_id[b] / "items" / (prefix + st[0]).replace(SEP, "/"), prefix + st[0], touched[(b, prefix)],
                   st[1], st[2], st[3]) for b, prefix, st in todo]
    files.sort(key=lambda f: (f.base, f.sortkey))
    real = {base: base.resolve() for base in roots}
    for start in range(0, len(files), BATCH):
        batch = files[start:start + BATCH]
        rows_read = [_read_sidecar(f, by_id[f.base], root, real[by_id[f.base]]) for f in batch]
        conn.execute("BEGIN IMMEDIATE")
        try:
            _bump(conn)  # first: the rows written below are of the new generation
            # cleared with the rows they describe, in the same transaction (made again below)
            conn.executemany("UPDATE folders SET digest = NULL WHERE id = ?", [(i,) for i in {f.folder for f in batch}])
            for f, row in zip(batch, rows_read):
                _store_file(conn, f, row)
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        report.read += len(batch)
        if progress:
            progress(report.read, len(files))
    if touched:
        _seal_folders(conn, touched)
    if report.removed or report.read:
        _trim_log(conn)
    report.wholes_read = _refresh_wholes(conn, root)
    return report


LOG_MAX = 100_000  # ids of deleted rows kept; beyond that the log starts again (older tokens: "cannot tell")


def _trim_log(conn: sqlite3.Connection) -> None:
    if conn.execute("SELECT count(*) FROM gone").fetchone()[0] <= LOG_MAX:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM gone")
        conn.execute(f"UPDATE meta SET value = {_GEN} WHERE key = 'log_from'")
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


def _compare_folder(conn: sqlite3.Connection, fid: int | None, prefix: str,
                    stats: list[FileStat]) -> tuple[list[FileStat], list[int]]:
    """A folder whose digest differs, row by row: the sidecars to read (new or changed) and the rowids of
    those that are gone."""
    rows: dict[str, tuple[int, int, int, int]] = {}
    if fid is not None:
        cut = len(prefix)
        rows = {key[cut:]: (rowid, size, mtime, ino) for rowid, key, size, mtime, ino in conn.execute(
            "SELECT rowid, sortkey, size, mtime, ino FROM files WHERE folder = ?", (fid,))}
    changed = []
    for st in stats:
        old = rows.pop(st[0], None)
        if old is None or old[1:] != st[1:]:
            changed.append(st)
    return changed, [r[0] for r in rows.values()]


def _seal_folders(conn: sqlite3.Connection, touched: dict[tuple[int, str], int | None]) -> None:
    """Give the folders compared row by row the digest of their rows as they are now (in one transaction:
    what another process writes meanwhile clears it again in its own)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for (_base, prefix), fid in touched.items():
            cut = len(prefix)
            stats = sorted((key[cut:], size, mtime, ino) for key, size, mtime, ino in conn.execute(
                "SELECT sortkey, size, mtime, ino FROM files WHERE folder = ?", (fid,)))
            conn.execute("UPDATE folders SET digest = ? WHERE id = ?", (folder_digest(stats), fid))
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


@dataclass(frozen=True, slots=True)
class _Row:
    h: tuple[int, int]
    problems: tuple[Problem, ...]
    item: object | None  # Item


def _read_sidecar(f: _Stat, base: Path, root: Path, real_base: Path) -> _Row:
    out = _Collector(root=root)
    try:
        data: bytes | None = f.path.read_bytes()
    except OSError:
        data = None  # the loader reads it again and says why it cannot
    item = _load_item(f.path, base, out, False, real_base, data)
    return _Row(_hashes(data or b""), tuple(out.problems), item)


def _delete_file(conn: sqlite3.Connection, base: int, sortkey: str) -> None:
    row = conn.execute("SELECT rowid FROM files WHERE base = ? AND sortkey = ?", (base, sortkey)).fetchone()
    if row is not None:
        _delete_rowid(conn, row[0])


def _delete_rowid(conn: sqlite3.Connection, rowid: int) -> None:
    conn.execute(f"INSERT INTO gone SELECT {_GEN}, id FROM files WHERE rowid = ? AND id IS NOT NULL", (rowid,))
    conn.execute("DELETE FROM cites WHERE file = ?", (rowid,))
    conn.execute("DELETE FROM bodies WHERE file = ?", (rowid,))
    conn.execute("DELETE FROM files WHERE rowid = ?", (rowid,))


def _store_file(conn: sqlite3.Connection, f: _Stat, row: _Row) -> None:
    _delete_file(conn, f.base, f.sortkey)
    problems = pickle.dumps(row.problems, protocol=5) if row.problems else None
    item = row.item
    if item is None:
        conn.execute("INSERT INTO files (base, sortkey, folder, size, mtime, ino, h1, h2, problems, gen) "
                     f"VALUES (?,?,?,?,?,?,?,?,?,{_GEN})", (f.base, f.sortkey, f.folder, f.size, f.mtime, f.ino, *row.h,
                                                          problems))
        return
    date = item.date  # type: ignore[attr-defined]
    d0, d1 = date.sort_key if date is not None else (None, None)
    rowid = conn.execute(
        "INSERT INTO files (base, sortkey, folder, size, mtime, ino, h1, h2, problems, id, kind, title, title_key, "
        "d0, d1, date, sha256, caption, tags, held, date_raw, layer, gen) "
        f"VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,{_GEN})",
        (f.base, f.sortkey, f.folder, f.size, f.mtime, f.ino, *row.h, problems, item.id, item.kind.value,  # type: ignore
         item.title, item.title.casefold(), d0, d1, date.edtf if date is not None else None,  # type: ignore
         item.sha256.lower() or None, item.caption, TAG_SEP.join(item.tags),  # type: ignore
         str(item.file) if item.file is not None else None, item.metadata.date,  # type: ignore
         str(item.text_layer.file) if item.text_layer is not None else None)).lastrowid  # type: ignore
    conn.execute("INSERT INTO bodies VALUES (?, ?)", (rowid, sealed(encode_item(item))))  # type: ignore[arg-type]
    cites = [(rowid, n, c.item) for n, c in enumerate(item.mentioned_in, start=1)]  # type: ignore
    if cites:
        conn.executemany("INSERT INTO cites VALUES (?,?,?)", cites)


def _refresh_wholes(conn: sqlite3.Connection, root: Path) -> int:
    """collection.toml, timeline.toml and facts.toml: re-read the one whose stat changed (events and facts
    are checked against each other and sorted once, when read)."""
    known = {name: (s, m, i) for name, s, m, i in conn.execute("SELECT name, size, mtime, ino FROM wholes")}
    read = 0
    for name in _WHOLES:
        path = root / name
        try:
            st = os.stat(path)
            key = (st.st_size, st.st_mtime_ns, st.st_ino)
        except OSError:
            key = (-1, -1, -1)
        if known.get(name) == key:
            continue
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        out = _Collector(root=root)
        if name == "collection.toml":
            payload: object = _load_collection(root, out)
        elif name == "timeline.toml":
            payload = _checked_events(_load_events(root, out), root, out)
        else:
            payload = _checked_facts(_load_facts(root, out), root, out)
        blob = pickle.dumps((payload, tuple(out.problems)), protocol=5)
        conn.execute("BEGIN IMMEDIATE")
        _bump(conn)
        conn.execute(f"INSERT OR REPLACE INTO wholes VALUES (?,?,?,?,?,?,?,{_GEN})", (name, *key, *_hashes(data), blob))
        conn.execute("COMMIT")
        read += 1
    return read


def _checked_events(events: list[Event], root: Path, out: _Collector) -> tuple[Event, ...]:
    seen: dict[str, Event] = {}
    for event in events:
        if event.id in seen:
            out.add(root / "timeline.toml", f"event '{event.id}'", f"duplicate event id {event.id!r}; "
                                                                    "the second is left out")
        else:
            seen[event.id] = event
    return tuple(sorted(seen.values(), key=lambda e: (e.date.sort_key, e.id)))


def _checked_facts(facts: list[Fact], root: Path, out: _Collector) -> tuple[Fact, ...]:
    seen: dict[str, Fact] = {}
    for fact in facts:
        if fact.id in seen:
            out.add(root / "facts.toml", f"fact '{fact.id}'", f"duplicate fact id {fact.id!r}; the second is left out")
        else:
            seen[fact.id] = fact
    return tuple(seen.values())


def sealed(payload: bytes) -> bytes:
    """``payload`` with its CRC-32 in front: SQLite keeps no checksums, and a damaged byte inside a row
    would otherwise decode into a wrong item without a word."""
    return zlib.crc32(payload).to_bytes(4, "big") + payload


def unsealed(blob: bytes) -> bytes:
    if len(blob) < 4 or zlib.crc32(blob[4:]).to_bytes(4, "big") != blob[:4]:
        raise CatalogueError("a row's checksum does not match")
    return blob[4:]


def problems_of(blob: bytes | None) -> tuple[Problem, ...]:
    if not blob:
        return ()
    problems = pickle.loads(blob)
    if not isinstance(problems, tuple) or not all(isinstance(p, Problem) for p in problems):
        raise CatalogueError("problems row does not decode")
    return problems


def whole(conn: sqlite3.Connection, name: str, kind: type) -> tuple[object, tuple[Problem, ...]]:
    row = conn.execute("SELECT payload FROM wholes WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise CatalogueError(f"{name} missing from the catalogue")
    payload, problems = pickle.loads(row[0])
    if not isinstance(payload, kind) or not isinstance(problems, tuple):
        raise CatalogueError(f"{name} row does not decode")
    return payload, problems


