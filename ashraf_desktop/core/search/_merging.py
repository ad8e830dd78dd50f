"""Merging small segments in the background, so that an add and its commit stay small (issue 17 item 3).

Every small commit leaves one small segment; searches slow down as they pile up, so they must be folded
together - but Whoosh merges inside a commit, under its write lock, and a one-item add that happened to
trigger it waited for the whole merge (3.3 s on the speeches). Here an interactive commit never merges.
When small segments pile up, a merge thread folds them into one new segment **in a folder of its own**
(``<generation>/.merge-*``, with no lock held: segment files never change once written), while searches,
adds and deletes go on. Only the swap is short and serial: on the writer thread and under the writer lock,
the new segment's files are moved in, deletions made meanwhile in the folded segments are carried over to
the new segment's document numbers, and one new table of contents replaces the folded segments by the new
one (then the old files go). A kill at any point leaves either the old table of contents (the merge folder
is removed at the next open) or the new one, complete.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Callable

import whoosh.index as windex
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader
from whoosh.writing import NO_MERGE, SegmentWriter

from ._writer import codec

__all__ = ["BackgroundMerge", "MERGE_DIR_PREFIX", "small_segments", "remove_merge_folders"]

_log = logging.getLogger("ashraf.search")

MERGE_DIR_PREFIX = ".merge-"
#: a segment of at most this many documents is small (folded in the background)
SMALL_DOCS = 500
#: this many small segments start a background merge
SMALL_SEGMENTS = 6
#: ... once no commit came for this long: a merge competes with the adds of an import for the interpreter
#: (measured: one-item adds of 88k records 60 ms p50 with merges running beside them, 10 ms without)
QUIET_S = 2.0


def small_segments(ix) -> list:
    return [seg for seg in ix._segments() if seg.doc_count_all() <= SMALL_DOCS]


def remove_merge_folders(folder: Path) -> None:
    """What a merge killed half way left (its segment was never in a table of contents)."""
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if entry.name.startswith(MERGE_DIR_PREFIX) and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)


class BackgroundMerge:
    """One merge at a time on a thread of its own; ``swap(folder, fn)`` runs the short final step where the
    owner serialises its writes (the writer thread, under the writer lock), and returns False when it cannot
    (``folder`` is no longer the generation in use, or ``fn`` says the segments changed)."""

    def __init__(self, swap: Callable[[Path, Callable[[], bool]], bool]) -> None:
        self._swap = swap
        self._thread: threading.Thread | None = None
        self._cond = threading.Condition()
        self._due: tuple[float, object, Path] | None = None  # (when, index, folder) of the next merge
        self._closed = False
        self.merges = 0  # done (for tests and the benchmark)

    def request_when_quiet(self, ix, folder: Path, quiet: float | None = None) -> None:
        """:meth:`request` once no other call came for ``quiet`` seconds (every small commit calls this; one
        thread waits for the pause, so a commit pays no thread start)."""
        with self._cond:
            if self._closed:
                return
            self._due = (time.monotonic() + (QUIET_S if quiet is None else quiet), ix, folder)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="ashraf-index-merge", daemon=True)
                self._thread.start()
            self._cond.notify()

    def request(self, ix, folder: Path) -> None:
        """Fold the small segments of generation ``folder`` now (the swap checks it is still in use)."""
        self.request_when_quiet(ix, folder, 0.0)

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._closed and (self._due is None or self._due[0] > time.monotonic()):
                    self._cond.wait(None if self._due is None else max(0.0, self._due[0] - time.monotonic()))
                if self._closed:
                    return
                _when, ix, folder = self._due
                self._due = None
                self._busy = True
            try:
                self._run(ix, folder)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    _busy = False

    def wait(self, timeout: float | None = None) -> bool:
        """Until no merge is due or running (tests, close)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while self._busy or (self._due is not None and not self._closed):
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._cond.wait(left if left is None else min(left, 0.05))
        return True

    def close(self, timeout: float = 30.0) -> None:
        """No new merge; one under way ends (its swap needs the owner's writer thread, still running)."""
        with self._cond:
            self._closed = True
            self._due = None
            self._cond.notify_all()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    # -- the merge --

    def _run(self, ix, folder: Path) -> None:
        work = folder / f"{MERGE_DIR_PREFIX}{time.time_ns()}-{os.getpid()}"
        try:
            chosen = small_segments(ix)
            if len(chosen) < 2:
                return
            snapshot = {seg.segment_id(): set(seg.deleted_docs()) for seg in chosen}
            merged = self._write(ix, folder, chosen, work)
            done = self._swap(folder, lambda: self._install(ix, folder, chosen, snapshot, merged, work))
            if not done:
                _log.info("search index: a background merge was dropped (the segments changed meanwhile)")
            if done:
                self.merges += 1
        except Exception:  # noqa: BLE001 - a merge is an optimisation: the segments stay as they are
            _log.exception("search index: background merge failed (the small segments stay)")
        finally:
            shutil.rmtree(work, ignore_errors=True)

    @staticmethod
    def _write(ix, folder: Path, chosen: list, work: Path):
        """The chosen segments' live documents, in order, as one new segment in ``work`` (no lock held)."""
        work.mkdir()
        storage = FileStorage(str(work))
        target = storage.create_index(ix.schema, indexname=windex._DEF_INDEX_NAME)
        writer = SegmentWriter(target, codec=codec(), compound=False)
        try:
            source = FileStorage(str(folder))
            for seg in chosen:
                reader = SegmentReader(source, ix.schema, seg)
                try:
                    writer.add_reader(reader)
                finally:
                    reader.close()
            writer.commit(mergetype=NO_MERGE)
        except BaseException:
            writer.cancel()
            raise
        [segment] = target._segments()
        return segment

    @staticmethod
    def _install(ix, folder: Path, chosen: list, snapshot: dict, merged, work: Path) -> bool:
        """The swap (writer thread, writer lock held): False if the segments changed beyond deletions."""
        storage = FileStorage(str(folder))
        toc = windex.TOC.read(storage, windex._DEF_INDEX_NAME)
        current = {seg.segment_id(): seg for seg in toc.segments}
        if any(seg.segment_id() not in current for seg in chosen):
            return False  # folded meanwhile by a full update or a merge: drop this one
        new_number = 0
        for seg in chosen:  # numbering as add_reader gave it: the live documents of each, in order
            was_deleted, now = snapshot[seg.segment_id()], current[seg.segment_id()]
            newly = set(now.deleted_docs()) - was_deleted
            for docnum in range(seg.doc_count_all()):
                if docnum in was_deleted:
                    continue
                if docnum in newly:
                    merged.delete_document(new_number)
                new_number += 1
        for name in os.listdir(work):
            if name.startswith(merged.segment_id()):
                os.replace(work / name, folder / name)
        gone = {seg.segment_id() for seg in chosen}
        segments = [seg for seg in toc.segments if seg.segment_id() not in gone] + [merged]
        generation = toc.generation + 1
        windex.TOC(ix.schema, segments, generation).write(storage, windex._DEF_INDEX_NAME)
        windex.clean_files(storage, windex._DEF_INDEX_NAME, generation, segments)
        return True
