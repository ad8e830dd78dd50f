"""The one rule for every failure of the index (issue 15), as a part of :class:`._life.IndexLife`.

Any exception while opening, checking, reading or updating the index - not only the kinds foreseen - goes
through :meth:`FailureRule._repair`: the generation is marked damaged (``DAMAGED`` in the home folder, so
no process trusts its stamp again), the cause is logged, the user gets one notice in plain words, and a
fresh generation is built from the archive on the writer thread while the old one keeps answering the
searches it still can. A caller that cannot show partial results (the command line, tests: ``verify="now"``)
waits for the new generation and gets its answer; the window (``verify="background"``) gets an empty result
with a notice and a ``changed`` event when the new generation is in use.

Not damage: an OS error that says the disk is full or read-only (:class:`IndexWriteError`; the index as it
was goes on answering), one item whose document cannot be made (left out with a reason, retried: see
``_writing``), another process's new generation (followed, not repaired), and a failure of a generation
that a repair has just built (reported, not repaired again: a loop would hide a bug).
"""

from __future__ import annotations

import errno
import logging
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Callable

from ..archive import Archive
from ._lock import READ_ONLY_ERRNOS, ReadOnlyHome
from ._types import IndexWriteError, SearchError, UpdateReport

__all__ = ["FailureRule", "Damaged", "write_error"]

_log = logging.getLogger("ashraf.search")

#: OS errors that mean "no room left" (a full disk, a full quota, a file grown past what the disk allows).
_FULL = frozenset(getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG") if hasattr(errno, name))

_AFTER_FAILED_WRITE = ("Searches go on with the index as it was last saved; it is brought up to date when this "
                       "is tried again with room on the disk, or at the next start.")


def write_error(exc: OSError, where: Path, after: str = "") -> IndexWriteError:
    """The user's sentence for an index write that failed ("the disk is full: …"), as an IndexWriteError."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.errno in _FULL:
        head = "the disk is full"
    elif exc.errno == errno.EROFS:
        head = "the disk is read-only"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        head = "there is no permission to write there"
    else:
        head = ""
    message = (f"{head}: " if head else "") + f"the search index could not be written in {where} ({reason})."
    if after:
        message += " " + after
    return IndexWriteError(exc.errno, message, exc.filename)


def _not_damage(exc: BaseException) -> bool:
    """A failure that says nothing about the index's files: no room, no permission, or the caller's mistake."""
    if isinstance(exc, (IndexWriteError, ReadOnlyHome)):
        return True
    if isinstance(exc, SearchError) and not isinstance(exc, Damaged):
        return True
    return isinstance(exc, OSError) and (exc.errno in _FULL or exc.errno in READ_ONLY_ERRNOS)


class Damaged(SearchError):
    """A check found the generation in use unusable (carries the reason in words)."""


class FailureRule:
    """The rule, for :class:`._life.IndexLife` (which provides the home, readers, lock and writer thread)."""

    def _guarded(self, doing: str, fn: Callable[[], Any], archive: Callable[[], Archive] | None = None) -> Any:
        """Run ``fn`` (on the writer thread); on a failure, apply the rule and return the repair's report."""
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - the rule covers every failure, foreseen or not
            if _not_damage(exc):
                raise
            return self._repair(doing, exc, archive() if archive is not None else None)

    def _as_write_error(self, exc: BaseException) -> BaseException:
        if isinstance(exc, OSError) and not isinstance(exc, IndexWriteError):
            err = write_error(exc, self._home.path, _AFTER_FAILED_WRITE)
            _log.warning("search index: %s", err)
            self._notice("write-failed", str(err), "warning")
            return err
        return exc

    def _why(self, exc: BaseException) -> str:
        if isinstance(exc, Damaged):
            return str(exc)
        return f"it failed while in use: {type(exc).__name__}: {str(exc)[:80]}"

    def _failed(self, doing: str, exc: BaseException) -> bool:
        """Mark the generation in use damaged and log why; False if it was just built by a repair (then the
        failure is reported, not repaired again)."""
        folder = self.folder
        why = self._why(exc)
        if folder is not None and folder.name in self._repaired:
            _log.error("search index: %s failed on a freshly rebuilt index (not rebuilt again)", doing, exc_info=exc)
            self._notice("search-failed", f"The search index failed again right after it was rebuilt "
                                          f"({why}); please report this.", "warning")
            return False
        _log.warning("search index damaged while %s: %s", doing, why, exc_info=exc)
        if not self._read_only_home:
            self._home.mark_damaged(folder, why)
        return True

    def _repair(self, doing: str, exc: BaseException, archive: Archive | None = None) -> UpdateReport:
        """The rule, on the writer thread: mark, log, tell once, build a fresh generation from the archive."""
        if not self._failed(doing, exc):
            raise SearchError(f"the search index could not be used ({self._why(exc)})") from exc
        self._notice("rebuilt-damaged", f"The search index was rebuilt because its files were damaged "
                                        f"({self._why(exc)}).", "warning")
        with self._locked():
            report = self._build(archive or self.archive)
        if self.folder is not None:
            self._repaired.add(self.folder.name)
        return report

    def _read(self, doing: str, fn: Callable[[Any], Any], on_repair: Callable[[], Any]) -> Any:
        """A read on any thread: ``fn(searcher)``. On a failure the rule runs; a caller that waits (``verify
        "now"``) gets ``fn`` on the new generation, the window gets ``on_repair()`` at once."""
        generation = self.folder
        try:
            with self._readers.searcher() as s:
                return fn(s)
        except SearchError:
            raise
        except Exception as exc:  # noqa: BLE001 - the rule covers every failure
            if self.folder == generation and self._home.current() not in (None, generation):
                self._run(self._follow_locked)  # another process replaced it (and removed the old files)
            if self.folder != generation:  # a new generation is in place now: read that
                with self._readers.searcher() as s:
                    return fn(s)
            future = self._start_repair(doing, exc, generation)
            if self._verify == "background":
                return on_repair()
            future.result()
            with self._readers.searcher() as s:
                return fn(s)

    def _follow_locked(self) -> None:
        with self._locked():  # follows the current generation
            pass

    def _start_repair(self, doing: str, exc: BaseException, generation: Path | None) -> Future:
        """One repair at a time: a failure seen while one runs waits for it."""
        running = self._repairing
        if running is not None and not running.done():
            return running

        def job() -> None:
            self._follow_locked()  # another process may have put a whole generation in place meanwhile
            if self.folder == generation:  # not replaced or repaired meanwhile (an update that failed too)
                self._repair(doing, exc)
        self._repairing = self._submit(job)
        return self._repairing

