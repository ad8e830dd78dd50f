"""The store's daily backups and restore (the files themselves: :mod:`.backup`). A part of
:class:`~.store.AnnotationStore`, kept apart because it deals in whole copies of the database."""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import backup as _backup
from .errors import ReadOnlyStoreError, SchemaTooNewError, StorageError
from .schema import CURRENT_VERSION

__all__ = ["StoreBackups"]


class StoreBackups:
    """Backups and restore of the store (mixed into :class:`~.store.AnnotationStore`)."""

    if TYPE_CHECKING:
        _conn: sqlite3.Connection
        _clock: Callable[[], datetime]
        read_only: bool
        backup_dir: Path
        schema_version: int

        def _guard(self) -> AbstractContextManager[None]: ...

        def _write_txn(self, *, notify: bool = True) -> AbstractContextManager[sqlite3.Connection]: ...

        def _migrate(self, found: int) -> None: ...

    def list_backups(self) -> list[_backup.BackupInfo]:
        return _backup.list_backups(self.backup_dir)

    def backup_now(self, now: datetime | None = None) -> Path:
        """Write (or overwrite) today's daily copy and rotate."""
        day = (now or self._clock().astimezone()).date()
        with self._guard():
            path = _backup.write_backup(self._conn, self.backup_dir / _backup.daily_name(day))
        _backup.rotate(self.backup_dir)
        return path

    def backup_if_due(self, now: datetime | None = None, *, keep: int = _backup.KEEP_DAILY) -> Path | None:
        """Make today's copy unless it exists (call at start-up and, say, hourly); keep the newest ``keep``."""
        day = (now or self._clock().astimezone()).date()
        target = self.backup_dir / _backup.daily_name(day)
        if target.exists():
            return None
        try:
            with self._guard():
                path = _backup.write_backup(self._conn, target)
        except OSError as error:
            raise StorageError(f"the annotations backup could not be written: {error}") from error
        _backup.rotate(self.backup_dir, keep_daily=keep)
        return path

    def restore(self, backup: Path | str | _backup.BackupInfo) -> Path:
        """Replace the database's content with a backup; first saves the current state as a
        ``pre-restore`` copy, whose path is returned (so a restore can itself be undone by restoring that).

        Other windows' connections see the restored content on their next read; the search index sees a new
        feed epoch and re-reads everything."""
        if self.read_only:
            raise ReadOnlyStoreError("this window opened the annotations read-only")
        path = Path(getattr(backup, "path", backup))
        try:
            version = _backup.check_backup(path)
        except ValueError as error:
            raise StorageError(f"cannot restore: {error}") from error
        if version > CURRENT_VERSION:
            raise SchemaTooNewError(f"{path.name} comes from a newer version of Ashraf Archive")
        stamp = self._clock().astimezone()
        with self._guard():
            safety = _backup.write_backup(self._conn, _backup.unused_path(self.backup_dir,
                                                                              _backup.safety_name("pre-restore", stamp)))
            source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                source.backup(self._conn)
            finally:
                source.close()
            self._conn.execute("PRAGMA journal_mode = WAL")
        _backup.rotate(self.backup_dir)
        found = self.schema_version
        if found < CURRENT_VERSION:
            self._migrate(found)
        with self._write_txn() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('feed_epoch', ?)", (uuid.uuid4().hex,))
        return safety
