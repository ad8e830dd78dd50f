"""Rotating copies of the annotations database, made with SQLite's online backup API.

The backup API copies a consistent snapshot while other windows keep reading and writing (a file copy of a
WAL database can catch it half-way). Each copy is written to a temporary name, switched to a single-file
(rollback-journal) database, fsynced and only then renamed into place, so a file named like a backup is
always complete. Daily copies are ``annotations-YYYY-MM-DD.sqlite`` (local date); safety copies taken
before a restore or a schema upgrade are ``annotations-pre-restore-<stamp>.sqlite`` /
``annotations-pre-v<N>-<stamp>.sqlite``.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

__all__ = ["BackupInfo", "KEEP_DAILY", "KEEP_SAFETY", "daily_name", "write_backup", "list_backups", "rotate",
           "check_backup", "safety_name", "unused_path"]

KEEP_DAILY = 7
KEEP_SAFETY = 7
_DAILY = re.compile(r"^annotations-(\d{4}-\d{2}-\d{2})\.sqlite$")
_SAFETY = re.compile(r"^annotations-(pre-restore|pre-v\d+)-(\d{8}T\d{6}(?:-\d+)?)\.sqlite$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    kind: str  # "daily" | "pre-restore" | "pre-v<N>" (before a schema upgrade)
    when: datetime  # local time the copy stands for (daily: midnight of its date)
    size: int

    @property
    def label(self) -> str:
        """For a restore menu: "2024-05-01 (daily)"."""
        stamp = self.when.strftime("%Y-%m-%d") if self.kind == "daily" else self.when.strftime("%Y-%m-%d %H:%M:%S")
        return f"{stamp} ({self.kind})"


def daily_name(day: date) -> str:
    return f"annotations-{day.isoformat()}.sqlite"


def safety_name(kind: str, now: datetime) -> str:
    return f"annotations-{kind}-{now.strftime('%Y%m%dT%H%M%S')}.sqlite"


def unused_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``…-2.sqlite``, ``…-3.sqlite`` when taken: a safety copy never overwrites another
    (two restores within one second would otherwise replace the copy the second one restores from)."""
    path = folder / name
    n = 2
    while path.exists():
        path = folder / name.replace(".sqlite", f"-{n}.sqlite")
        n += 1
    return path


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open folders; rename is durable enough there
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_backup(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the database behind ``conn`` to ``dest`` atomically (temp file, fsync, rename). Returns ``dest``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    target = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, openable read-only
    finally:
        target.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)
    return dest


def list_backups(folder: Path) -> list[BackupInfo]:
    """All backups in ``folder``, newest first."""
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        if m := _DAILY.match(path.name):
            when = datetime.combine(date.fromisoformat(m.group(1)), datetime.min.time())
            kind = "daily"
        elif m := _SAFETY.match(path.name):
            when = datetime.strptime(m.group(2)[:15], "%Y%m%dT%H%M%S")
            kind = m.group(1)
        else:
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupInfo(path, kind, when, size))
    found.sort(key=lambda b: (b.when, b.path.name), reverse=True)
    return found


def rotate(folder: Path, *, keep_daily: int = KEEP_DAILY, keep_safety: int = KEEP_SAFETY) -> list[Path]:
    """Delete all but the newest ``keep_daily`` daily copies (and ``keep_safety`` of each safety kind)."""
    removed: list[Path] = []
    seen: dict[str, int] = {}
    for info in list_backups(folder):
        group = "daily" if info.kind == "daily" else info.kind.split("-v")[0]
        seen[group] = seen.get(group, 0) + 1
        limit = keep_daily if group == "daily" else keep_safety
        if seen[group] > limit:
            try:
                info.path.unlink()
                removed.append(info.path)
            except OSError:
                pass  # a copy that cannot be deleted now is retried at the next rotation
    return removed


def check_backup(path: Path) -> int:
    """Open a backup read-only and verify it: returns its schema version; raises ValueError with a reason."""
    if not path.is_file():
        raise ValueError(f"{path} does not exist")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise ValueError(f"{path.name} cannot be opened: {error}") from error
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise ValueError(f"{path.name} is damaged: {result[0][0]}")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'annotation'").fetchone()
        if version < 1 or not has_table:
            raise ValueError(f"{path.name} is not an annotations database")
        return version
    except sqlite3.DatabaseError as error:
        raise ValueError(f"{path.name} is not a readable database: {error}") from error
    finally:
        conn.close()
