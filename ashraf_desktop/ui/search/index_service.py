"""The window's search index: opened, kept up to date and reported on off the GUI thread.

The window owns one :class:`IndexService`. It opens the index on the task runner after the first paint
(:meth:`IndexService.open`), brings it up to date for items the user imported or edited
(:meth:`IndexService.update_items`, the index half of ``MainWindow.refresh_archive``) and catches up when the
archive changed while the index was opening. Everything the window shows about the index arrives through
signals: progress for the status bar, the index when it is ready, one plain-words notice, a failure. The
core (``core.search``) does the work; this class only decides when, and where the results go.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Iterable

from PySide6.QtCore import QObject, Signal

from ...core.archive import Archive
from ...paths import UserDirs
from ..tasks import TaskRunner
from ..i18n import fill, translate

__all__ = ["IndexService", "Opener", "open_index_default"]

log = logging.getLogger(__name__)

#: ``opener(archive, dirs, progress) -> (SearchIndex, TextCache)``: runs on a worker (tests give their own)
Opener = Callable[..., Any]


def open_index_default(archive: Archive, dirs: UserDirs, progress: Callable[..., None] | None = None) -> Any:
    """Runs on a worker: open (building or updating as needed) the archive's search index."""
    from ...core.extract import TextCache
    from ...core.search import open_index
    from ...paths import prebuilt_index
    cache = TextCache(dirs.cache / "text")
    # one writer process: forking a Qt process is unsafe; the stamped index opens at once and is checked
    # against the archive on the writer thread, so the first search does not wait for hashing
    # the catalogue's signature vouches for the stamp: no item is hashed when the archive did not change
    return open_index(archive, dirs.cache / "index", text_cache=cache, progress=progress,
                      prebuilt=prebuilt_index(archive.root), build_procs=1, verify="background",
                      signature=archive.signature, annotations=dirs.data), cache


class _Progress(QObject):
    """Carries progress from the index worker to the GUI thread (signals cross threads safely)."""

    changed = Signal(str, int, int)  # message, done, total (total 0 = unknown)

    def report(self, *args: Any, **kwargs: Any) -> None:
        done = total = 0
        message = "Preparing the search index"
        numbers = [a for a in args if isinstance(a, int)]
        texts = [a for a in args if isinstance(a, str)]
        if len(numbers) >= 2:
            done, total = numbers[0], numbers[1]
        elif len(numbers) == 1:
            done = numbers[0]
        if texts:
            message = f"Indexing: {texts[0]}"
        self.changed.emit(message, done, total)


class _Relay(QObject):
    """Carries the index's own events (from its writer thread) to the GUI thread."""

    event = Signal(str, object)  # "notice" with an IndexNotice, or "changed"

    def listen(self, event: str, notice: Any) -> None:
        self.event.emit(event, notice)


class IndexService(QObject):
    """One archive's search index in the window: its opening, its updates, what the user is told."""

    #: message, done, total (0 = unknown) while the index opens or builds
    progressed = Signal(str, int, int)
    #: the index is open (the SearchIndex) with its text cache; emitted again after another archive opens
    ready = Signal(object, object)
    #: the index could not be opened: a plain-words message for the search panel
    failed = Signal(str)
    #: something the user should read once in the status bar (the index was rebuilt, was damaged, ...)
    notice = Signal(str)
    #: the index now holds items it did not before (a catch-up ended): the current search runs again
    contents_changed = Signal()

    def __init__(self, runner: TaskRunner, dirs: UserDirs, opener: Opener | None = open_index_default,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner, self.dirs, self._opener = runner, dirs, opener
        self.index: Any = None
        self.text_cache: Any = None
        self._archive: Archive | None = None  # the archive the window shows now
        self._opening_for: Archive | None = None  # the archive the index being opened was asked for
        self._relay = _Relay(self)
        self._relay.event.connect(self._index_event)

    @property
    def enabled(self) -> bool:
        """False in windows made without an index (tests, the screenshot tool's quick modes)."""
        return self._opener is not None

    @property
    def opening(self) -> bool:
        """The index is being opened: its progress owns the window's busy area."""
        return self.enabled and self.index is None

    def open(self, archive: Archive) -> None:
        """Open ``archive``'s index in the background (a newer call supersedes an older one)."""
        self._archive = archive
        if self._opener is None:
            return
        progress = _Progress(self)
        progress.changed.connect(self.progressed)
        opener, dirs = self._opener, self.dirs
        self._opening_for = archive
        self.progressed.emit(translate("IndexService", "Preparing the search index…"), 0, 0)
        self.runner.run_task(lambda: opener(archive, dirs, progress.report), self._opened, self._failed,
                             key="index", label=translate("IndexService", "Preparing the search index"))

    def close(self) -> None:
        """Another archive is being opened: this index answers no more searches (closed in the background)."""
        index, self.index, self.text_cache = self.index, None, None
        if index is not None:
            self.runner.run_task(index.close, lambda _r: None,
                                 lambda e: log.warning("search index not closed cleanly: %s", e), label="")

    def shutdown(self) -> None:
        """The window closes: the index's writer finishes in the background (the app waits for the runner)."""
        self.close()

    def archive_reloaded(self, archive: Archive) -> None:
        """The window shows a newer load of the same archive (an open index catches up with it)."""
        self._archive = archive

    def _opened(self, value: Any) -> None:
        index, cache = value if isinstance(value, tuple) else (value, None)
        self.index, self.text_cache = index, cache
        if index is not None and hasattr(index, "subscribe"):
            # later notices (a repair after damage found while searching) and new generations come as events
            index.subscribe(self._relay.listen)
        notices = [str(n) for n in getattr(index, "notices", []) or []]
        self.ready.emit(index, cache)
        if notices:
            self.notice.emit(" · ".join(notices))
        if index is not None and self._archive is not None and self._archive is not self._opening_for:
            self._catch_up(index, self._archive)  # items were imported while the index was opening

    def catch_up(self, archive: Archive) -> None:
        """The reloaded ``archive`` changed in ways the window did not make (files edited while the app was
        closed, found by the check after a start from the catalogue): the open index compares every item."""
        self._archive = archive
        if self.index is not None:
            self._catch_up(self.index, archive)

    def _index_event(self, event: str, notice: Any) -> None:
        if event == "notice" and notice is not None:
            self.notice.emit(str(notice))
        elif event == "changed" and self.index is not None:
            self.contents_changed.emit()  # e.g. a repaired index: the current search runs again on it

    def _catch_up(self, index: Any, archive: Archive) -> None:
        self.runner.run_task(lambda: index.update(archive), lambda _r: self.contents_changed.emit(),
                             lambda e: log.warning("search index not brought up to date: %s", e), label="")

    def _failed(self, error: BaseException) -> None:
        log.error("index failed to open", exc_info=error)
        self.failed.emit(fill(translate("IndexService",
                                        "The search index could not be opened: %1. Documents can still be opened from "
                                        "the timeline and links."), error))

    def update_items(self, archive: Archive, changed: Iterable[str], deleted: Iterable[str],
                     done: Callable[[bool], None]) -> None:
        """Bring the index up to date for the ``changed`` (added or edited) and ``deleted`` item ids of the
        reloaded ``archive``, in the background; ``done(changed_anything)`` runs on the GUI thread after."""
        self._archive = archive
        index = self.index
        ids, gone = {str(i) for i in changed}, {str(i) for i in deleted}
        if index is None or not (ids or gone):
            done(False)
            return
        items = [item for i in sorted(ids) if (item := archive.item(i)) is not None]
        missing = sorted({i for i in ids | gone if archive.item(i) is None})

        def failed(problem: BaseException) -> None:
            log.warning("search index not updated after a reload: %s", problem)
            self.notice.emit(fill(translate("IndexService", "The search index was not brought up to date: %1"),
                                  problem))
            done(True)

        self.runner.run_task(lambda: index.update_items(items, missing), lambda _r: done(True), failed, label="")
