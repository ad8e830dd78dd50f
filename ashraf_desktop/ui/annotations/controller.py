"""The window's annotations: one store, one undo stack, the author preference, search sync, export/import.

Every user action is one store call on the GUI thread (each commits before returning, in milliseconds) and
one :class:`AnnotationCommand` on the window's QUndoStack. A store that refuses (another window holds the
write lock, the disk is full, the file is damaged) turns into a message in the status bar and the panel,
never a traceback; nothing that was saved before is affected.

The search index follows through ``store.subscribe``: after each commit a sync of the index's annotation
documents is queued on the task runner (``SearchIndex.sync_annotations`` reads the change feed on the
index's writer thread).
"""

from __future__ import annotations

import html
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ...core.annotations import (DB_NAME, Annotation, AnnotationError, AnnotationStore, Colour, ImportReport, Kind,
                                 Mutation, RegionSelector, StaleEditError, StoreEnvironmentError, TextSelector,
                                 csv_report, export_jsonld, import_jsonld, markdown_report, open_store)
from ..i18n import fill, translate

__all__ = ["AnnotationController", "AnnotationCommand", "EXPORT_FORMATS", "format_for_path"]

log = logging.getLogger(__name__)

AUTHOR_KEY = "annotations/author"
#: file dialog filter -> format
EXPORT_FORMATS = {QT_TRANSLATE_NOOP("AnnotationController", "W3C Web Annotation JSON-LD (*.jsonld *.json)"): "jsonld",
                  QT_TRANSLATE_NOOP("AnnotationController", "CSV report (*.csv)"): "csv",
                  QT_TRANSLATE_NOOP("AnnotationController", "Markdown report (*.md)"): "md"}


def format_for_path(path: Path) -> str:
    suffix = path.suffix.lower()
    return {".csv": "csv", ".md": "md", ".markdown": "md"}.get(suffix, "jsonld")


class AnnotationCommand(QUndoCommand):
    """One committed change on the undo stack: undo and redo both apply the inverse of what was last done."""

    def __init__(self, controller: "AnnotationController", mutation: Mutation, text: str) -> None:
        super().__init__(text)
        self.controller, self.m, self._first = controller, mutation, True

    def _flip(self) -> None:
        result = self.controller._apply(self.m.inverse())
        if result is None:  # refused (changed elsewhere, store busy): this step cannot be repeated
            self.setObsolete(True)
        else:
            self.m = result

    def redo(self) -> None:
        if self._first:  # the change was made before the command was pushed
            self._first = False
            return
        self._flip()

    def undo(self) -> None:
        self._flip()


class AnnotationController(QObject):
    #: annotations of these (collection id, item id) pairs changed; None: anything may have changed
    changed = Signal(object)
    #: a message for the user (also shown in the status bar)
    message = Signal(str)
    #: the search index caught up with the annotations (the UpdateReport)
    synced = Signal(object)
    #: an annotation was made or chosen: the panel selects it (and focuses its note when asked)
    focus_requested = Signal(object, bool)  # Annotation, edit note

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.undo_stack = QUndoStack(self)
        self.store: AnnotationStore | None = None
        self.error: str | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(0)
        self._sync_timer.timeout.connect(self.sync_search)
        self._counts: dict[str, int] | None = None
        self._backing_up = False
        self.open()

    # --- the store -----------------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return Path(self.window.dirs.data) / DB_NAME

    @property
    def collection_id(self) -> str:
        return self.window.archive.collection.id

    def open(self) -> None:
        try:
            self.store = open_store(self.window.dirs.data)
        except (StoreEnvironmentError, AnnotationError) as error:
            self.store, self.error = None, fill(translate("AnnotationController", "Annotations are unavailable: %1"),
                                                error)
            log.warning("annotations store not opened: %s", error)
            return
        self.error = None
        self._unsubscribe = self.store.subscribe(self._store_changed)

    def close(self) -> None:
        self._sync_timer.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self.store is not None:
            self.store.close()
            self.store = None

    def _store_changed(self, changes: Any) -> None:
        self._counts = None
        self._sync_timer.start()

    def _say(self, text: str) -> None:
        self.message.emit(text)
        if hasattr(self.window, "show_message"):
            self.window.show_message(text, 10000)

    def _guarded(self, what: str, fn: Callable[[], Any]) -> Any:
        """Run one store call; an environment problem or a refused edit becomes a message and None."""
        what = translate("AnnotationController", what)  # marked where it is passed: "saved", "deleted"…
        if self.store is None:
            self._say(self.error or translate("AnnotationController", "Annotations are unavailable."))
            return None
        try:
            return fn()
        except StoreEnvironmentError as error:
            self._say(fill(translate("AnnotationController", "The annotation was not %1: %2"), what, error))
        except StaleEditError:
            self._say(fill(translate("AnnotationController",
                                     "Not %1: the annotation was changed in another window meanwhile."), what))
            self.changed.emit(None)
        except AnnotationError as error:
            self._say(fill(translate("AnnotationController", "The annotation was not %1: %2"), what, error))
            self.changed.emit(None)
        return None

    # --- preferences ---------------------------------------------------------------------------------
    @property
    def author(self) -> str:
        return str(self.window.settings.value(AUTHOR_KEY, "") or "")

    def set_author(self, name: str) -> None:
        self.window.settings.setValue(AUTHOR_KEY, " ".join(str(name).split()))
        self.window.settings.sync()

    # --- reading -------------------------------------------------------------------------------------
    def for_item(self, item_id: str) -> list[Annotation]:
        if self.store is None:
            return []
        return self._guarded(QT_TRANSLATE_NOOP("AnnotationController", "read"),
                             lambda: self.store.for_item(self.collection_id, item_id)) or []

    def get(self, annotation_id: str) -> Annotation | None:
        if self.store is None:
            return None
        try:
            return self.store.get(annotation_id)
        except (AnnotationError, KeyError):
            return None

    def query(self, **filters: Any) -> list[Annotation]:
        if self.store is None:
            return []
        return self._guarded(QT_TRANSLATE_NOOP("AnnotationController", "read"),
                             lambda: self.store.query(collection_id=self.collection_id, **filters)) or []

    def tags(self, prefix: str = "") -> list[str]:
        if self.store is None:
            return []
        found = self._guarded(QT_TRANSLATE_NOOP("AnnotationController", "read"),
                              lambda: self.store.tags(prefix, collection_id=self.collection_id, limit=200))
        return [t.name for t in found or []]

    def authors(self) -> list[str]:
        if self.store is None:
            return []
        return self._guarded(QT_TRANSLATE_NOOP("AnnotationController", "read"),
                             lambda: self.store.authors(self.collection_id)) or []

    def counts(self) -> dict[str, int]:
        """Annotations per item of this archive (for the "✎ 3" in the search results)."""
        if self.store is None:
            return {}
        if self._counts is None:
            self._counts = self._guarded(QT_TRANSLATE_NOOP("AnnotationController", "read"),
                                         lambda: self.store.counts_by_item(self.collection_id)) or {}
        return self._counts

    def reanchor(self, item_id: str, extracted: Any) -> None:
        """An item's text was (re)loaded: place its text annotations in it (cheap when nothing changed)."""
        if self.store is None or extracted is None:
            return
        try:
            report = self.store.reanchor_item(self.collection_id, item_id, extracted)
        except (StoreEnvironmentError, AnnotationError) as error:
            log.info("re-anchoring %s skipped: %s", item_id, error)
            return
        if report.changed:
            if report.orphaned:
                n = len(report.orphaned)
                self._say(fill(translate("AnnotationController",
                                         "%1 annotation of this document could no longer be placed in its text; it is "
                                         "kept and listed as orphaned.") if n == 1
                               else translate("AnnotationController",
                                              "%1 annotations of this document could no longer be placed in their "
                                              "text; they are kept and listed as orphaned."), n))
            self.changed.emit({(self.collection_id, item_id)})

    # --- writing -------------------------------------------------------------------------------------
    def _push(self, mutation: Mutation | None, text: str) -> Annotation | None:
        if mutation is None:
            return None
        if mutation.before != mutation.after:
            self.undo_stack.push(AnnotationCommand(self, mutation, text))
        state = mutation.after or mutation.before
        self.changed.emit({(state.collection_id, state.item_id)} if state else None)
        return mutation.after

    def _apply(self, mutation: Mutation) -> Mutation | None:
        """Undo/redo one step. ``store.apply`` stamps a restored state with a new ``modified``, so after
        undoing a later step on the same annotation, an earlier step's recorded state differs from the stored
        one in ``modified`` only: that is still "our" state (same content), so the step applies from it.
        A content change made elsewhere still refuses (StaleEditError)."""
        expected = mutation.before
        if expected is not None and self.store is not None:
            current = self.get(expected.id)
            if current is not None and current.modified != expected.modified and current.same_content(expected):
                mutation = Mutation(before=current, after=mutation.after)
        result = self._guarded(QT_TRANSLATE_NOOP("AnnotationController", "changed"), lambda: self.store.apply(mutation))
        state = mutation.after or mutation.before
        self.changed.emit({(state.collection_id, state.item_id)} if state else None)
        return result

    def create(self, item: Any, kind: Kind | str, *, text: TextSelector | None = None,
               region: RegionSelector | None = None, colour: Colour | str = Colour.YELLOW, body: str = "",
               tags: Iterable[str] = (), edit: bool = False) -> Annotation | None:
        """A new annotation on ``item`` (an archive Item), signed with the author preference; undoable."""
        if not self.author:
            self._say(translate("AnnotationController",
                                "Tip: set your name in Edit ▸ Preferences… to sign your annotations."))
        mutation = self._guarded(QT_TRANSLATE_NOOP("AnnotationController", "saved"), lambda: self.store.create(
            self.collection_id, item.id, kind, text=text, region=region, colour=colour, body=body,
            tags=tuple(tags), author=self.author, item_sha256=item.sha256 or ""))
        label = {"highlight": "Highlight", "note": "Note", "region": "Region"}.get(str(Kind(kind)), "Annotation")
        created = self._push(mutation, fill(translate("AnnotationController", "%1 on %2"), label, item.title))
        if created is not None:
            self._say(fill(translate("AnnotationController", "%1 saved."), label))
            self.focus_requested.emit(created, edit)
        return created

    def update(self, annotation_id: str, **changes: Any) -> Annotation | None:
        mutation = self._guarded(QT_TRANSLATE_NOOP("AnnotationController", "saved"),
                                 lambda: self.store.update(annotation_id, **changes))
        if mutation is not None and mutation.before == mutation.after:
            return mutation.after
        return self._push(mutation, translate("AnnotationController", "Edit annotation"))

    def delete(self, annotation_id: str) -> bool:
        mutation = self._guarded(QT_TRANSLATE_NOOP("AnnotationController", "deleted"),
                                 lambda: self.store.delete(annotation_id))
        if mutation is None:
            return False
        self._push(mutation, translate("AnnotationController", "Delete annotation"))
        self._say(translate("AnnotationController", "Annotation deleted (Edit ▸ Undo brings it back)."))
        return True

    # --- search --------------------------------------------------------------------------------------
    def sync_search(self) -> None:
        """Bring the search index's annotation documents up to date (in the background)."""
        index = getattr(self.window, "index", None)
        if index is None or not hasattr(index, "sync_annotations") or self.store is None:
            return
        path = self.db_path
        self.window.runner.run_task(lambda: index.sync_annotations(path), self._synced,
                                    lambda e: log.warning("annotations not indexed: %s", e),
                                    key=("annotations-sync", id(self)), label="")

    def _synced(self, report: Any) -> None:
        self.synced.emit(report)

    # --- export, import, backups ---------------------------------------------------------------------
    def _titles(self) -> dict[str, str]:
        return self.window.archive.items.titles()

    def export_text(self, fmt: str, annotations: list[Annotation] | None = None) -> str:
        assert self.store is not None
        if fmt == "jsonld" and annotations is None:
            return export_jsonld(self.store, collection_id=self.collection_id)
        annotations = annotations if annotations is not None else self.query()
        if fmt == "csv":
            return csv_report(annotations, self._titles())
        if fmt == "md":
            return markdown_report(annotations, titles=self._titles(),
                                   heading=f"Annotations: {self.window.archive.collection.title}")
        from ...core.annotations import to_collection
        from ...core.annotations.jsonld import dumps
        return dumps(to_collection(annotations, collection_id=self.collection_id))

    def export_annotations(self, path: Path | str | None = None, fmt: str | None = None) -> Path | None:
        """File ▸ Export annotations…: JSON-LD, CSV or Markdown, chosen by the dialog's filter or the suffix."""
        if self.store is None:
            self._say(self.error or translate("AnnotationController", "Annotations are unavailable."))
            return None
        if path is None:
            formats = {translate("AnnotationController", k): v for k, v in EXPORT_FORMATS.items()}
            name, chosen = QFileDialog.getSaveFileName(self.window,
                                                       translate("AnnotationController", "Export annotations"),
                                                       str(Path.home() / "annotations.jsonld"), ";;".join(formats))
            if not name:
                return None
            path, fmt = Path(name), fmt or formats.get(chosen)
        path = Path(path)
        fmt = fmt or format_for_path(path)
        try:
            text = self.export_text(fmt)
            path.write_text(text, encoding="utf-8")
        except (OSError, StoreEnvironmentError) as error:
            self._say(fill(translate("AnnotationController", "The annotations were not exported: %1"), error))
            return None
        self._say(fill(translate("AnnotationController", "Annotations exported to %1"), path))
        return path

    def import_annotations(self, path: Path | str | None = None, *, show_report: bool = True) -> ImportReport | None:
        """File ▸ Import annotations…: merge a JSON-LD file by annotation id; a report says what happened."""
        if self.store is None:
            self._say(self.error or translate("AnnotationController", "Annotations are unavailable."))
            return None
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.window, translate("AnnotationController", "Import annotations"),
                                                  str(Path.home()),
                                                  translate("AnnotationController",
                                                            "W3C Web Annotation JSON-LD (*.jsonld *.json);;All files "
                                                            "(*)"))
            if not name:
                return None
            path = Path(name)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self._say(fill(translate("AnnotationController", "The file could not be read: %1"), error))
            return None
        report = self._guarded(QT_TRANSLATE_NOOP("AnnotationController", "imported"),
                               lambda: import_jsonld(self.store, text, archive=self.window.archive))
        if report is None:
            return None
        self.undo_stack.clear()  # steps recorded before the merge may no longer apply
        self._counts = None
        self.changed.emit(None)
        self._say(fill(translate("AnnotationController", "Import: %1"), report.summary()))
        if show_report:
            self.show_import_report(report)
        return report

    def show_import_report(self, report: ImportReport) -> QMessageBox:
        lines = [f"<p><b>{report.summary()}</b></p>"]
        if report.conflicts:
            lines.append(translate("AnnotationController",
                                   "<p>Conflicts (changed on both sides; the local version was kept):</p>") + "<ul>")
            lines += [f"<li>{html.escape(str(c))}</li>" for c in report.conflicts[:20]]
            lines.append("</ul>")
        if report.unresolved:
            lines.append(fill(translate("AnnotationController", "<p>%1 annotations name no item of this archive and "
                                                                "were not imported:</p>"), len(report.unresolved))
                         + "<ul>" + "".join(f"<li>{html.escape(targets)}</li>"
                                                       for _, targets in report.unresolved[:10]) + "</ul>")
        if report.kept_undisplayed:
            # issue 19: nothing kept silently - each annotation with parts the app keeps but does not show
            lines.append(translate("AnnotationController", "<p>Kept and exported unchanged, but not shown here:</p>")
                         + "<ul>")
            for annotation_id, parts in report.kept_undisplayed[:20]:
                found = self.store.find(annotation_id) if self.store is not None else None
                label = (found.body or found.quote or found.item_id)[:60] if found is not None else annotation_id
                lines.append(f"<li><i>{html.escape(label)}</i>: {html.escape('; '.join(parts))}</li>")
            more = len(report.kept_undisplayed) - 20
            lines.append("</ul>")
            if more > 0:
                lines.append(fill(translate("AnnotationController",
                                            "<p>… and %1 more (the command line's import lists all).</p>"), more))
        if report.problems:
            lines.append(translate("AnnotationController", "<p>Not readable:</p>") + "<ul>"
                         + "".join(f"<li>{html.escape(p)}</li>" for p in report.problems[:10]) + "</ul>")
        box = QMessageBox(QMessageBox.Icon.Information, translate("AnnotationController", "Import annotations"),
                          "".join(lines),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("importReport")
        box.setModal(False)
        box.show()
        self._report_box = box
        return box

    def backups(self) -> list[Any]:
        if self.store is None:
            return []
        return self.store.list_backups()

    def restore_from_backup(self, backup: Any = None) -> Path | None:
        """File ▸ Restore annotations from backup…: choose a copy; the current state is saved first."""
        if self.store is None:
            self._say(self.error or translate("AnnotationController", "Annotations are unavailable."))
            return None
        if backup is None:
            found = self.backups()
            if not found:
                self._say(translate("AnnotationController",
                                    "There is no backup of the annotations yet (one is made each day the app starts)."))
                return None
            labels = [b.label for b in found]
            label, ok = QInputDialog.getItem(self.window, translate("AnnotationController", "Restore annotations"),
                                             translate("AnnotationController",
                                                       "Replace the annotations with this copy (the current state is "
                                             "saved as a copy first):"), labels, 0, False)
            if not ok:
                return None
            backup = found[labels.index(label)]
        safety = self._guarded(QT_TRANSLATE_NOOP("AnnotationController", "restored"),
                               lambda: self.store.restore(backup))
        if safety is None:
            return None
        self.undo_stack.clear()
        self._counts = None
        self.changed.emit(None)
        self._sync_timer.start()
        self._say(fill(translate("AnnotationController",
                                 "Annotations restored from %1; the state before is kept as %2."),
                       getattr(backup, "label", Path(str(backup)).name), safety.name))
        return safety

    def backup_in_background(self) -> None:
        """Today's backup copy, made off the GUI thread with its own read-only connection."""
        path = self.db_path
        if self.store is None or not path.is_file() or self._backing_up:
            return  # one at a time: two copies written at once would share a temporary file

        def work() -> Any:
            store = AnnotationStore(path, read_only=True)
            try:
                return store.backup_if_due()
            finally:
                store.close()

        def done(made: Any) -> None:
            self._backing_up = False
            log.info("annotations backup: %s", made)

        def failed(error: BaseException) -> None:
            self._backing_up = False
            self._say(fill(translate("AnnotationController", "The daily backup of the annotations failed: %1"), error))
        self._backing_up = True
        self.window.runner.run_task(work, done, failed, label="")


def region_from_fractions(x: float, y: float, w: float, h: float) -> RegionSelector:
    """A rectangle given in fractions of the image (0..1) as a percent RegionSelector, clipped to the image."""
    x0, y0 = max(0.0, min(1.0, x)), max(0.0, min(1.0, y))
    x1, y1 = max(0.0, min(1.0, x + w)), max(0.0, min(1.0, y + h))
    return RegionSelector(round(x0 * 100, 3), round(y0 * 100, 3), round((x1 - x0) * 100, 3),
                          round((y1 - y0) * 100, 3))


def with_tags(text: str) -> tuple[str, ...]:
    """Tags typed in one box, separated by commas."""
    return tuple(t.strip() for t in text.split(",") if t.strip())


def replace_annotation(a: Annotation, **changes: Any) -> Annotation:
    return replace(a, **changes)
