"""The life of one archive's index: opening and trusting it, its generations, its writer thread and lock,
and the one rule for every failure (the public API is :class:`._index.SearchIndex`, built on this).

**Trusting an index.** Opening reads ``CURRENT`` and checks that generation quickly (:mod:`._check`): a
schema mismatch rebuilds; a fingerprint mismatch updates by per-item content hash; a signature that matches
the stamp's skips hashing. A rebuild writes a new generation folder and then swaps ``CURRENT``, so a crash
in the middle leaves the old index in use. Whoosh never fsyncs, so every step assumes the index can be
rebuilt from the archive.

**One rule for every failure** (any exception while opening, checking, reading or updating: mark, log,
tell once, rebuild in the background): :mod:`._rule`, a part of :class:`IndexLife`.

**Read-only data folders** (a locked-down account, a read-only medium): the index in place answers searches,
with a note when it may be out of date; an index that is missing or damaged there is built in a temporary
folder for this session; annotation syncs to the data folder are refused with :class:`IndexWriteError`.
"""


from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import shutil
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterator

import whoosh.index as windex
from whoosh.filedb.filestore import FileStorage

from ..archive import Archive
from . import _patches  # noqa: F401 - Whoosh work-arounds, applied on import
from ._check import check_generation
from ._files import LOCK, STAMP, Home, index_files, read_stamp
from ._lock import READ_ONLY_ERRNOS, FileLock, ReadOnlyHome
from ._merging import SMALL_SEGMENTS, BackgroundMerge, remove_merge_folders, small_segments
from ._readers import Readers
from ._schema import SCHEMA_VERSION
from ._sync import AnnotationFeed, database_path
from ._types import IndexNotice, SearchError, UpdateReport
from ._rule import Damaged, FailureRule, write_error
from ._writing import Contents, ProgressFn

__all__ = ["IndexLife", "index_home", "Listener", "Damaged", "write_error"]

_log = logging.getLogger("ashraf.search")

VERIFY_MODES = ("now", "background")
#: ``listener(event, notice)``: event "notice" (a new IndexNotice) or "changed" (a new generation or
#: commit is in use: searches may answer differently), called on the index's writer thread
Listener = Callable[[str, "IndexNotice | None"], None]

_READ_ONLY = ("The data folder is read-only, so the search index cannot be brought up to date there: results "
              "may miss the latest changes.")
_READ_ONLY_CURRENT = "The data folder is read-only: the search index is used as it is, and nothing is written."


def index_home(archive: Archive, index_root: Path) -> Path:
    """The folder holding this archive's index: collection id + a hash of the archive's path."""
    root = Path(archive.root).expanduser()
    with contextlib.suppress(OSError):
        root = root.resolve()
    digest = hashlib.sha256(str(root).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    cid = re.sub(r"[^a-z0-9-]+", "-", archive.collection.id.lower()).strip("-")[:40] or "archive"
    return Path(index_root) / f"{cid}-{digest}"


class IndexLife(FailureRule):
    """Generations, checks, the writer thread and lock, and the failure rule of one archive's index."""

    def __init__(self, archive: Archive, index_root: Path, *, text_cache=None,
                 progress: ProgressFn | None = None, prebuilt: Path | None = None,
                 build_procs: int | None = None, signature: str | None = None,
                 verify: str = "now", annotations: Path | str | None = None) -> None:
        if verify not in VERIFY_MODES:
            raise ValueError(f"verify must be one of {VERIFY_MODES}, not {verify!r}")
        self.notices: list[IndexNotice] = []
        self._root = Path(index_root)
        self._home = Home(index_home(archive, self._root))
        self._prebuilt = Path(prebuilt) if prebuilt else None
        self._verify = verify
        self._readers = Readers()
        self._contents = Contents(archive, self._readers, text_cache=text_cache, progress=progress,
                                  notice=self._notice, signature=signature, build_procs=build_procs,
                                  make_writable=self._make_writable)
        self._feed = AnnotationFeed(self._contents)
        self._merger = BackgroundMerge(self._swap_merge)
        self._contents.merge_soon = self._merge_soon
        if annotations is not None:  # known from the start: an update rewrites the annotations of what it changes
            self._feed.follow(database_path(annotations))
        self._lock = FileLock(self._home.path / LOCK)
        self._in_process = threading.RLock()  # the writer lock's stand-in where the home is read-only
        self._read_only_home = False
        self._temporary: Path | None = None  # a generation built for this session only (read-only home)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ashraf-index-writer")
        self._writer_thread: threading.Thread | None = None
        self._verifying: Future | None = None
        self._repairing: Future | None = None
        self._repaired: set[str] = set()  # generations built by a repair in this process
        self._listeners: list[Listener] = []
        self._damage_at_open: str | None = None  # the old generation answers while a repair runs
        self._closed = False

    # -- plumbing --

    @property
    def folder(self) -> Path | None:
        """The folder holding the Whoosh files in use (for diagnostics and tests)."""
        return self._readers.folder

    @property
    def last_update(self) -> UpdateReport | None:
        return self._contents.last_update

    @property
    def archive(self) -> Archive:
        """The archive the index currently matches (or is being brought in line with)."""
        return self._contents.archive

    @property
    def read_only(self) -> bool:
        """The data folder cannot be written: searches answer, writes are refused."""
        return self._read_only_home

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(event, notice)`` on later notices ("notice") and generations in use ("changed")."""
        self._listeners.append(listener)

    def _emit(self, event: str, notice: IndexNotice | None = None) -> None:
        for listener in list(self._listeners):
            try:
                listener(event, notice)
            except Exception:  # noqa: BLE001 - a listener's failure must not stop the index
                _log.exception("search index listener failed")

    def _notice(self, code: str, message: str, severity: str = "info") -> None:
        _log.info("search index: %s", message)
        if not any(n.code == code and n.message == message for n in self.notices):
            notice = IndexNotice(code, message, severity)
            self.notices.append(notice)
            self._emit("notice", notice)

    def _run(self, fn: Callable[[], Any]) -> Any:
        if self._closed:
            raise SearchError("the search index is closed")
        if threading.current_thread() is self._writer_thread:
            return fn()
        return self._submit(fn).result()

    def _submit(self, fn: Callable[[], Any]) -> Future:
        def job():
            self._writer_thread = threading.current_thread()
            return fn()
        return self._executor.submit(job)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if self._read_only_home:
            with self._in_process:
                yield
            return
        try:
            stale = self._lock.acquire()
        except ReadOnlyHome:
            self._read_only_home = True
            with self._in_process:
                yield
            return
        if stale:
            self._notice("stale-lock", "A lock left on the search index by a program that stopped unexpectedly "
                                       "was cleared.")
        try:
            self._follow_current()
            yield
        finally:
            self._lock.release()

    def _follow_current(self) -> bool:
        """Another process put a new generation in use (``index --rebuild`` beside the window, a repair): use
        it too, before writing (under the lock) or after a read failed because the old one was removed."""
        folder = self._readers.folder
        if folder is None or folder == self._prebuilt or self._temporary is not None or self._read_only_home:
            return False
        current = self._home.current()
        if current is None or current == folder:
            return False
        stamp = read_stamp(current)
        if stamp is None or stamp.get("schema") != SCHEMA_VERSION or self._home.damaged(current):
            return False
        ix, _why = check_generation(current, stamp)
        if ix is None:
            return False
        self._use(ix, current)
        self._contents.fingerprint, self._contents.token = stamp.get("fingerprint"), stamp.get("token")
        _log.info("search index: another process put %s in use; following it", current.name)
        # that process may have stopped before it was whole for this archive and these annotations (killed
        # between its build and its annotation sync, found by the stateful test): bring it in line
        if self._contents.fingerprint != self._contents.fingerprint_of(self.archive):
            self._contents.update(self.archive)
        if self._feed.path is not None:
            self._feed.sync(self._make_writable)
        self._emit("changed")
        return True

    def _use(self, ix: windex.FileIndex | None, folder: Path | None, readonly: bool = False) -> None:
        self._readers.use(ix, folder, readonly)
        self._contents.forget()
        self._feed.close()

    # -- opening --

    def _open(self, deep: bool = False) -> None:
        with self._locked():
            if self._open_prebuilt_in_place():
                return
            if not self._read_only_home:
                self._home.cleanup()
            current = self._home.current()
            if current is not None and not self._read_only_home:
                remove_merge_folders(current)  # a background merge killed half way
            if current is None:
                if not self._adopt_prebuilt():
                    self._build(self.archive)
                    return
                current = self._home.current()
                assert current is not None
            stamp = read_stamp(current)
            if stamp is None:
                raise Damaged("its stamp file is missing or unreadable")
            if stamp.get("schema") != SCHEMA_VERSION:
                self._notice("rebuilt-schema", "The search index was rebuilt because this version of the app "
                                               "indexes differently.")
                self._build(self.archive)
                return
            why = self._home.damaged(current)
            ix = None
            if not why:
                ix, why = check_generation(current, stamp, deep=deep, readonly=self._read_only_home)
            if ix is None:
                self._damaged_at_open(current, why)
                return
            self._use(ix, current, readonly=self._read_only_home)
            self._contents.fingerprint, self._contents.token = stamp.get("fingerprint"), stamp.get("token")
            if self._read_only_home:
                stale = not self._trusted(stamp) and stamp.get("fingerprint") != self._contents.fingerprint_of(
                    self.archive)
                self._notice("read-only", _READ_ONLY if stale else _READ_ONLY_CURRENT, "warning")
                return
            if stamp.get("generation") != ix.latest_generation():
                self._contents.update(self.archive)  # a commit that was never stamped: check everything now
            elif self._trusted(stamp):
                return
            elif self._verify == "now":
                self._verify_now()
            # "background": open_index schedules _verify_now on the writer thread once this returns

    def _damaged_at_open(self, current: Path, why: str) -> None:
        """The rule at open: the window (``verify="background"``) searches the old generation where it still
        opens while the new one is built (:func:`open_index` starts that); everyone else waits for the new one."""
        if self._verify == "background" and not self._read_only_home:
            try:
                ix = windex.FileIndex(FileStorage(str(current), readonly=True), schema=None)
                with ix.searcher() as s:
                    s.doc_count()
            except Exception:  # noqa: BLE001 - it does not even open: nothing to answer with
                ix = None
            if ix is not None:
                self._use(ix, current, readonly=True)
                self._damage_at_open = why
                return
        raise Damaged(why)

    def _open_prebuilt_in_place(self) -> bool:
        pre = self._prebuilt
        if pre is None:
            return False
        stamp = read_stamp(pre)
        if stamp and stamp.get("schema") == SCHEMA_VERSION and (
                self._trusted(stamp) or stamp.get("fingerprint") == self._contents.fingerprint_of(self.archive)):
            ix, why = check_generation(pre, stamp, readonly=True)
            if ix is not None:
                self._use(ix, pre, readonly=True)
                self._contents.fingerprint, self._contents.token = stamp.get("fingerprint"), stamp.get("token")
                return True
            _log.warning("prebuilt index at %s not used: %s", pre, why)
        return False

    def _trusted(self, stamp: dict[str, Any]) -> bool:
        """The caller's archive signature vouches for the stamp (no item needs hashing)."""
        signature = self._contents.signature
        return signature is not None and stamp.get("signature") == signature

    def _verify_now(self) -> None:
        """Update the index if the archive's fingerprint is not the stamped one (runs on the writer thread).
        What changed since the stamp is first asked of the archive's catalogue (:meth:`_catch_up_by_token`):
        an O(change) check; every item is hashed only when the catalogue cannot tell."""
        with self._locked():
            if self._readers.ix is None:
                return
            contents = self._contents
            if self._catch_up_by_token():
                return
            if contents.fingerprint_of(self.archive) != contents.fingerprint:
                contents.update(self.archive)
            elif contents.signature is not None and self.folder is not None and not self._readers.readonly:
                stamp = read_stamp(self.folder) or {}
                if stamp.get("signature") != contents.signature:
                    contents.stamp(contents.fingerprint or "")

    def _catch_up_by_token(self) -> bool:
        """The items that changed since the stamp's change token, from the catalogue (``Archive.changes_since``),
        indexed again; True if that settled it. False - hash every item instead - when the archive or the
        stamp has no token, the catalogue cannot tell (rebuilt, too old a token), or a whole file changed
        (the timeline, the facts, the collection)."""
        archive, contents = self.archive, self._contents
        changes_since = getattr(archive, "changes_since", None)
        new_token = getattr(archive, "change_token", None)
        if contents.token is None or changes_since is None or new_token is None or self._readers.readonly:
            return False
        changes = changes_since(contents.token)
        if changes is None or getattr(changes, "wholes", None):
            return False
        if changes:
            ids = sorted(changes.items)
            changed = [item for i in ids if (item := archive.item(i)) is not None]
            gone = sorted(set(changes.removed) | {i for i in ids if archive.item(i) is None})
            contents.update_items(changed, [f"item:{i}" for i in gone])
        contents.token = new_token
        contents.stamp(contents.fingerprint or "")
        return True

    def _verify_in_background(self) -> None:
        self._verifying = self._submit(lambda: self._guarded("checking", self._verify_now))

    def wait_until_current(self, timeout: float | None = None) -> bool:
        """Wait for a background check or repair to finish; True once the index matches the archive it was
        opened with (at once when there was nothing to wait for)."""
        for fut in (self._verifying, self._repairing):
            if fut is None:
                continue
            try:
                fut.result(timeout)
            except TimeoutError:
                return False
            except Exception:  # noqa: BLE001 - reported through notices already
                pass
        return True

    # -- generations --

    def _build(self, archive: Archive) -> UpdateReport:
        """Index everything into a new generation, then make it the one in use."""
        folder = self._new_generation()
        try:
            ix = self._contents.build(archive, folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        old = self._readers.folder
        if folder != self._temporary:
            old = self._home.publish(folder)
        self._use(ix, folder)
        if old is not None and old != folder and old != self._prebuilt:
            shutil.rmtree(old, ignore_errors=True)
        report = self._contents.adopted()
        if self._feed.path is not None:  # a new generation holds no annotations yet: add them back
            try:
                self._feed.sync(self._make_writable)
            except Exception:  # noqa: BLE001 - the archive's index is whole; annotations follow at the next sync
                _log.exception("search index: annotations not re-added after the rebuild")
        self._emit("changed")
        return report

    def _new_generation(self) -> Path:
        if not self._read_only_home:
            try:
                return self._home.new_generation()
            except OSError as exc:
                if exc.errno not in READ_ONLY_ERRNOS:
                    raise
                self._read_only_home = True
        # a read-only data folder: this session's index lives in a temporary folder
        if self._temporary is not None:
            shutil.rmtree(self._temporary, ignore_errors=True)
        self._temporary = Path(tempfile.mkdtemp(prefix="ashraf-index-"))
        self._notice("read-only", "The data folder is read-only: the search index was built in a temporary "
                                  "folder for this session.", "warning")
        return self._temporary

    def _adopt_prebuilt(self) -> bool:
        """Copy a prebuilt index of the same schema into the cache (then update it), if there is one."""
        pre = self._prebuilt
        if pre is None or self._read_only_home:
            return False
        stamp = read_stamp(pre)
        if not stamp or stamp.get("schema") != SCHEMA_VERSION:
            return False
        folder = self._home.new_generation()
        try:
            for name in index_files(pre):
                shutil.copy2(pre / name, folder / name)
            shutil.copy2(pre / STAMP, folder / STAMP)
            ix, why = check_generation(folder, stamp)
        except OSError as exc:
            ix, why = None, str(exc)
        if ix is None:
            _log.warning("prebuilt index not usable: %s", why)
            shutil.rmtree(folder, ignore_errors=True)
            return False
        self._home.publish(folder)
        self._use(ix, folder)
        self._contents.fingerprint, self._contents.token = stamp.get("fingerprint"), stamp.get("token")
        self._contents.update(self.archive)
        return True

    def _make_writable(self) -> None:
        """Before a write to a generation that is read-only: a prebuilt index opened in place is copied into
        the cache; in a read-only data folder a session copy is built (writes go there)."""
        if not self._readers.readonly:
            return
        if self._read_only_home:
            self._build(self.archive)
        elif not self._adopt_prebuilt():
            self._build(self.archive)

    # -- small segments, folded in the background (_merging) --

    def _merge_soon(self) -> None:
        ix, folder = self._readers.ix, self._readers.folder
        if ix is None or folder is None or self._readers.readonly or self._closed:
            return
        if len(small_segments(ix)) >= SMALL_SEGMENTS:
            self._merger.request_when_quiet(ix, folder)

    def _swap_merge(self, merged_in: Path, install: Callable[[], bool]) -> bool:
        """The merge's last step, where this index serialises its writes; False if it cannot be done."""
        def job() -> bool:
            with self._locked():
                if self._readers.folder != merged_in or self._readers.readonly:
                    return False
                if not install():
                    return False
                self._readers.refresh()
                self._contents.stamp(self._contents.fingerprint or "")
                self._emit("changed")
                return True
        try:
            return bool(self._run(job))
        except SearchError:  # closed meanwhile
            return False
