"""The archive the window shows: another one opened (File ▸ Open archive), or the same one reloaded after an
import, a metadata edit, a bag import.

A reload (:meth:`ArchiveLoader.refresh`) loads the archive again off the GUI thread, hands it to every panel
(open tabs and the timeline's view stay), then brings the search index up to date for the items concerned.
Calls made while a reload runs are merged into one more reload after it, so that an import adding a file a
second never queues a reload per file. A reload after a start from the catalogue that finds nothing changed
(the same signature) changes nothing on screen.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from ...core.archive import ItemKind, LoadResult, load_layered
from ..i18n import fill, translate

if TYPE_CHECKING:
    from ..main_window import MainWindow

__all__ = ["ArchiveLoader"]

log = logging.getLogger(__name__)


class ArchiveLoader(QObject):
    """One reload at a time; what is asked meanwhile is done by one more reload after it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._running = False
        self._again = False
        self._ids: set[str] = set()
        self._deleted: set[str] = set()
        self._then: list[Callable[[], None]] = []

    # --- another archive -----------------------------------------------------------------------------
    def choose(self) -> None:
        w = self.window
        folder = QFileDialog.getExistingDirectory(w, translate("ArchiveLoader", "Open archive folder"),
                                                  str(w.archive.root))
        if folder:
            self.open(Path(folder))

    def open(self, root: Path) -> None:
        w = self.window
        w.show_message(fill(translate("ArchiveLoader", "Opening %1…"), root))
        data, cache = w.dirs.data, w.dirs.cache
        w.runner.run_task(lambda: load_layered(root, data, check_files=False, cache_dir=cache), self._opened,
                          lambda e: w.show_message(fill(translate("ArchiveLoader",
                                                                  "The archive could not be opened: %1"), e)),
                          key="archive", label=translate("ArchiveLoader", "Opening archive"))

    def _opened(self, result: LoadResult) -> None:
        w = self.window
        if result.archive.collection.id == "missing" or not result.archive.items and result.errors:
            first = result.errors[0] if result.errors else translate("ArchiveLoader", "no items")
            w.show_message(fill(translate("ArchiveLoader", "Not an archive folder: %1"), first), 15000)
            return
        w.result, w.archive = result, result.archive
        w.index_service.close()
        w.search.reset_for_archive()
        w.tabs.set_archive(w.archive)
        w.provenance.set_archive(w.archive)
        w.navigation.clear()
        w.set_titles()
        w.archive_changed.emit(w.archive)
        w.start_index()

    # --- the same archive, reloaded ------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """A reload is under way (tests wait for it to end)."""
        return self._running

    def refresh(self, changed: Iterable[str] = (), deleted: Iterable[str] = (), *,
                then: Callable[[], None] | None = None) -> None:
        """Reload, then index the ``changed`` (added or edited) and ``deleted`` item ids; ``then`` runs on the
        GUI thread once the panels show the new archive and the index has the items."""
        self._ids |= {str(i) for i in changed}
        self._deleted |= {str(i) for i in deleted}
        if then is not None:
            self._then.append(then)
        if self._running:
            self._again = True
            return
        self._start()

    def _start(self) -> None:
        w = self.window
        self._running, self._again = True, False
        ids, self._ids = self._ids, set()
        gone, self._deleted = self._deleted, set()
        thens, self._then = self._then, []
        shown = w.archive
        root, data, cache = shown.root, w.dirs.data, w.dirs.cache

        def load() -> LoadResult:  # a pool thread: no widgets
            return load_layered(root, data, check_files=False, cache_dir=cache)

        def loaded(result: LoadResult) -> None:
            for notice in result.notices:
                w.show_message(notice, 15000)
            unchanged = result.archive.signature is not None and result.archive.signature == shown.signature
            if unchanged and not (ids or gone):  # the check after a start from the catalogue: nothing changed
                self._finished(thens)
                return
            # the panels first (timeline, gallery, provenance show the items at once), then the index
            if not self._apply(result):
                self._finished(thens)
                return
            if not (ids or gone):  # changed behind the app's back (found by the check after a start)
                w.index_service.catch_up(result.archive)
            w.index_service.update_items(result.archive, ids, gone, indexed)

        def indexed(changed: bool) -> None:
            if changed:
                w.search_again()  # the new or changed items appear in the results
            self._finished(thens)

        def failed(error: BaseException) -> None:
            log.error("reloading the archive failed", exc_info=error)
            w.show_message(fill(translate("ArchiveLoader", "The archive could not be reloaded: %1"), error), 15000)
            self._finished(thens)

        w.runner.run_task(load, loaded, failed, label="")

    def _apply(self, result: LoadResult) -> bool:
        """The same archive, reloaded: every panel shows it; open tabs, the timeline's view and the search stay
        as they were (the search runs again once the index has the new items). False when another archive was
        opened meanwhile."""
        w = self.window
        if result.archive.collection.id != w.archive.collection.id:
            return False
        w.result, w.archive = result, result.archive
        w.index_service.archive_reloaded(w.archive)
        w.tabs.update_archive(w.archive)
        w.provenance.update_archive(w.archive)
        timeline, gallery = w.built_timeline(), w.built_gallery()
        if timeline is not None:  # a panel not built yet is built on the new archive
            timeline.update_archive(w.archive)
        if gallery is not None and gallery.model.all_items() != tuple(w.archive.items.rows(ItemKind.IMAGE)):
            gallery.set_archive(w.archive)
        w.set_titles()
        w.archive_reloaded.emit(w.archive)
        return True

    def _finished(self, thens: list[Callable[[], None]]) -> None:
        self._running = False
        for fn in thens:
            try:
                fn()
            except Exception:  # noqa: BLE001 - one caller's follow-up must not stop the others
                log.exception("after reloading the archive")
        if self._again or self._ids or self._deleted or self._then:
            self._start()
