"""Whoosh writers that never leave the index's write lock held (whoosh-reloaded 2.7.5 is frozen upstream).

Whoosh's ``SegmentWriter`` takes the index's ``WRITELOCK`` (an ``flock`` on a file of the index folder) in
its constructor and releases it only at the very end of ``commit()`` or ``cancel()``. Three ways that lock
stayed held for the rest of the process, so that every later update raised ``whoosh.index.LockError``
until the app was restarted (found by
``tests/reliability/test_corrupt_state.py::test_after_a_full_disk_the_same_process_can_write_the_index_again``):

1. the constructor fails after taking the lock (it creates the new segment's files: ``ENOSPC`` on a full
   disk) - no writer object is returned, so nobody can cancel it;
2. ``commit()`` fails half way (flushing the segment or writing the table of contents on a full disk) and
   the caller's ``cancel()`` fails again on the same half-closed files before it reaches the release;
3. ``MpWriter.cancel()`` only flips a flag in the parent's copy of each sub-process, which keeps waiting on
   the job queue: a failed multi-process build left two processes behind that the interpreter joins at exit.

:func:`open_writer` returns subclasses whose constructor, ``commit()`` and ``cancel()`` always end, on any
failure, with the lock released, the temporary folder removed, the files of the abandoned segment deleted
(unless a table of contents already names it) and any sub-process stopped. ``cancel()`` is idempotent and
never raises. What was committed before is untouched: a failed writer only ever adds files.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from whoosh.index import TOC
from whoosh.multiproc import MpWriter
from whoosh.writing import SegmentWriter

__all__ = ["open_writer"]

_log = logging.getLogger("ashraf.search")

#: Seconds a stopped writer sub-process gets to end after SIGTERM before it is killed.
_TASK_GRACE_S = 5.0


class _Safe:
    """Mixin for a Whoosh ``SegmentWriter`` (or subclass): release everything on any failure."""

    writelock: Any
    is_closed: bool

    def __init__(self, ix, *args, **kwargs) -> None:
        self.writelock = None  # set by the base constructor once it holds the lock
        self.is_closed = False
        try:
            super().__init__(ix, *args, **kwargs)  # type: ignore[call-arg]
        except BaseException:
            self._abandon()
            raise

    def commit(self, *args, **kwargs) -> None:
        try:
            super().commit(*args, **kwargs)  # type: ignore[misc]
        except BaseException:
            self._abandon()
            raise

    def cancel(self) -> None:
        """Drop everything added by this writer and release the lock; never raises, safe to call twice
        (and a no-op after a commit that succeeded)."""
        if self.is_closed and not self.__dict__.get("_ashraf_abandoned"):
            return
        self._abandon()

    # -- the clean-up, step by step, each step on its own --

    def _stop_tasks(self) -> None:
        for task in self.__dict__.get("tasks", ()):
            with contextlib.suppress(Exception):
                task.cancel()
            with contextlib.suppress(Exception):
                if task.is_alive():
                    task.terminate()
                    task.join(_TASK_GRACE_S)
                    if task.is_alive():
                        task.kill()
                        task.join(_TASK_GRACE_S)

    def _committed_generation(self) -> int:
        try:
            return TOC._latest_generation(self.storage, self.indexname)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - unknown: assume the worst (keep the files)
            return 1 << 62

    def _delete_segment_files(self) -> None:
        segment = self.__dict__.get("newsegment")
        if segment is None or "generation" not in self.__dict__:
            return
        if self._committed_generation() >= self.generation:  # type: ignore[attr-defined]
            return  # the table of contents was written: this segment may be part of the index now
        prefix = segment.segment_id()
        with contextlib.suppress(Exception):
            for name in list(self.storage):  # type: ignore[attr-defined]
                if name.startswith(prefix):
                    with contextlib.suppress(Exception):
                        self.storage.delete_file(name)  # type: ignore[attr-defined]

    def _abandon(self) -> None:
        if self.__dict__.get("_ashraf_abandoned"):
            return
        self.__dict__["_ashraf_abandoned"] = True
        d = self.__dict__
        steps = [
            ("sub-processes", self._stop_tasks),
            ("per-document writer", lambda: d["perdocwriter"].is_closed or d["perdocwriter"].close()),
            ("field writer", lambda: d["fieldwriter"].is_closed or d["fieldwriter"].close()),
            ("posting pool", lambda: d["pool"].cleanup()),
            ("searcher", lambda: d["_searcher"] is None or d["_searcher"]._orig_close()),
            ("temporary folder", lambda: d["_tempstorage"].destroy()),
            ("segment files", self._delete_segment_files),
        ]
        try:
            for what, step in steps:
                try:
                    step()
                except KeyError:
                    pass  # the constructor stopped before making it
                except Exception as exc:  # noqa: BLE001 - best effort: the lock below must be released
                    _log.debug("search index: abandoning a writer, %s: %s", what, exc)
        finally:
            lock, self.writelock = self.writelock, None
            if lock is not None and getattr(lock, "fd", None) is not None:
                try:
                    lock.release()
                except Exception as exc:  # noqa: BLE001
                    _log.warning("search index: the write lock could not be released: %s", exc)
            self.is_closed = True
            d["_searcher"] = None


class SafeSegmentWriter(_Safe, SegmentWriter):
    pass


class SafeMpWriter(_Safe, MpWriter):
    pass


def codec():
    """Whoosh's format with postings blocks stored uncompressed: zlib took four fifths of the time of
    reading a common word's postings (0.6 ms a block on 88k records) and a good part of every build; the
    files are larger (docs/performance.md says by how much)."""
    from whoosh.codec.whoosh3 import W3Codec
    return W3Codec(compression=0)


def open_writer(ix, procs: int = 1, **kwargs) -> SegmentWriter:
    """``ix.writer(procs=..., **kwargs)`` for a ``FileIndex``, with the guarantees described above."""
    kwargs.setdefault("codec", codec())
    if procs > 1:
        return SafeMpWriter(ix, procs=procs, **kwargs)
    return SafeSegmentWriter(ix, **kwargs)
