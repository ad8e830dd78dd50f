"""Why an annotation operation failed, split so the GUI can react to each kind differently.

:class:`StoreEnvironmentError` and its subclasses are conditions of the machine (another window holds the
write lock, the disk is full, the file is damaged or read-only): the user can act on them and the data that
was saved before is safe. :class:`AnnotationValueError` and :class:`NotFoundError` mean the caller passed
something wrong or stale - a bug or a race the GUI should refresh after, never a reason to lose data.
"""

from __future__ import annotations

import sqlite3

__all__ = [
    "AnnotationError", "StoreEnvironmentError", "StoreBusyError", "StorageError", "StoreCorruptError",
    "ReadOnlyStoreError", "SchemaTooNewError", "AnnotationValueError", "NotFoundError", "StaleEditError",
    "ImportFormatError", "translate_sqlite_error",
]


class AnnotationError(Exception):
    """Base of every error this package raises on purpose."""


class StoreEnvironmentError(AnnotationError):
    """The database cannot be used right now for a reason outside the program (lock, disk, permissions)."""


class StoreBusyError(StoreEnvironmentError):
    """Another process (usually a second app window) held the write lock longer than the wait bound.

    Nothing was written; the same call can simply be retried. The GUI shows
    "Another Ashraf Archive window is saving; retrying…".
    """

    def __init__(self, waited_s: float, detail: str = "") -> None:
        super().__init__(waited_s, detail)
        self.waited_s = waited_s
        self.detail = detail

    def __str__(self) -> str:
        return (f"another Ashraf Archive window is saving annotations (waited {self.waited_s:.1f} s); "
                "nothing was lost - try again")


class StorageError(StoreEnvironmentError):
    """The disk refused: full, unreadable, no permission, file missing. Earlier commits are intact."""


class StoreCorruptError(StorageError):
    """The database file is not a database or is damaged; restoring a backup is the way out."""


class ReadOnlyStoreError(StoreEnvironmentError):
    """A change was attempted on a store opened read-only (e.g. by a second window that chose to)."""


class SchemaTooNewError(StoreEnvironmentError):
    """The database was written by a newer version of the app; this one refuses to touch it."""


class AnnotationValueError(AnnotationError, ValueError):
    """An argument is invalid (unknown colour, region outside the image, empty tag): a caller bug."""


class NotFoundError(AnnotationError, KeyError):
    """No annotation with that id (deleted meanwhile, possibly by another window)."""

    def __str__(self) -> str:
        return f"no annotation {self.args[0]!r}"


class StaleEditError(AnnotationError):
    """An undo/redo step expected a state that another window has changed since; nothing was written."""


class ImportFormatError(AnnotationError):
    """A file to import is not a Web Annotation document this app understands (message says why)."""


# SQLite primary result codes (https://www.sqlite.org/rescode.html); extended codes share the low byte.
_BUSY, _LOCKED = 5, 6
_READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB, _PERM = 8, 10, 11, 13, 14, 26, 3


def translate_sqlite_error(error: sqlite3.Error, *, waited_s: float = 0.0) -> AnnotationError | sqlite3.Error:
    """Map a sqlite3 error to this package's environment errors; anything else is returned unchanged (a bug).

    Uses ``sqlite_errorcode`` (Python 3.11+) rather than message text, so translations of SQLite messages or
    new wording cannot turn a full disk into an "unknown error".
    """
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            return StoreBusyError(waited_s, str(error))
        return error
    primary = code & 0xFF
    if primary in (_BUSY, _LOCKED):
        return StoreBusyError(waited_s, str(error))
    if primary in (_CORRUPT, _NOTADB):
        return StoreCorruptError(f"the annotations database is damaged ({error}); restore a backup")
    if primary == _READONLY:
        return StorageError(f"the annotations database cannot be written ({error})")
    if primary == _FULL:
        return StorageError(f"the disk is full; the annotation was not saved ({error})")
    if primary in (_IOERR, _CANTOPEN, _PERM):
        return StorageError(f"the annotations database cannot be read or written ({error})")
    return error
