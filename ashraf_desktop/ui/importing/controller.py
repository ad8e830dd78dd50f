"""Importing into the user's layer from the window: files, folders and BagIt bags, in the background.

One import at a time runs on the task runner (``core.ingest.import_files``, or ``core.integrity.import_bag`` for a
folder holding ``bagit.txt``), with its progress and a Cancel button in the status bar. Each item is
committed to the layer as soon as it is copied (``on_added``); the window shows the new items while the
import goes on: at most once a second the archive is reloaded and the search index updated with the items
added since (``MainWindow.refresh_archive``), so search, timeline and gallery fill up as files arrive. At
the end the report opens: added, duplicates, failed with the reason, Retry failed, Edit metadata.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog

from ..jobs import Job, start_job
from ..i18n import fill, translate

if TYPE_CHECKING:  # core.ingest pulls in every text reader (bs4, markdown-it, pdfium): imported on first use,
    from ...core.ingest.report import ImportReport  # not while the window is being built

__all__ = ["ImportController", "is_bag", "merge_reports", "paths_from_mime", "REFRESH_MS", "FILE_FILTER"]

log = logging.getLogger(__name__)

#: the most often the window reloads the archive while an import adds items
REFRESH_MS = 1000
#: the file dialog's filter: what the import reads (anything else is reported, not refused silently)
FILE_FILTER = ("Documents and photos (*.pdf *.txt *.md *.markdown *.html *.htm *.xhtml *.docx *.odt *.jpg *.jpeg "
               "*.png *.gif *.tif *.tiff *.webp *.bmp *.heic *.heif *.eml *.mbox);;All files (*)")


def is_bag(path: Path) -> bool:
    """A BagIt bag (RFC 8493): a folder with ``bagit.txt`` at its top, or one that looks like a bag without
    it (the bag import then says why it is refused, instead of importing its manifests as documents)."""
    from ...core.integrity import is_bag as looks_like_bag
    return looks_like_bag(path)


def merge_reports(reports: Sequence[ImportReport]) -> ImportReport:
    """One report for an import of several bags and loose files (what is particular to bags is kept)."""
    if len(reports) == 1:
        return reports[0]
    bag_reports = [r for r in reports if hasattr(r, "invalid")]
    if bag_reports:
        from ...core.integrity import BagImportReport
        merged: ImportReport = BagImportReport()
    else:
        from ...core.ingest.report import ImportReport
        merged = ImportReport()
    for report in reports:
        merged.outcomes.extend(report.outcomes)
        merged.not_started.extend(report.not_started)
        merged.cancelled = merged.cancelled or report.cancelled
        merged.notes.extend(n for n in report.notes if n not in merged.notes)
    for report in bag_reports:
        merged.invalid.extend(report.invalid)  # type: ignore[attr-defined]
        if report.annotations is not None and merged.annotations is None:  # type: ignore[attr-defined]
            merged.annotations = report.annotations  # type: ignore[attr-defined]
        if report.annotations_error:  # type: ignore[attr-defined]
            merged.annotations_error = report.annotations_error  # type: ignore[attr-defined]
    return merged


def paths_from_mime(mime: QMimeData | None) -> list[Path]:
    """The local files and folders of a drop (remote URLs and text are not imported)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class ImportController(QObject):
    """The window's imports: menu actions, drops, the running job, the report, the metadata form."""

    #: an import started (its Job)
    started = Signal(object)
    #: an import ended (its ImportReport), after the window shows the new items
    finished = Signal(object)
    #: metadata were saved for these item ids, and the window shows them
    metadata_saved = Signal(object)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.job: Job | None = None
        self.last_report: ImportReport | None = None
        self.report_dialog: Any = None
        self.metadata_dialog: Any = None
        self.drop_redirect: Any = None  # set by install_importing
        self.ocr: Any = None  # the OCR choice (ocr.OcrChoice), set by install_importing
        self._added_since: list[str] = []
        self._added_total = 0
        self._bags = False
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._show_added)

    # --- state ---------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None

    def layer(self) -> Path:
        """The user's layer of the window's archive (created with its collection.toml when first needed)."""
        from ...core.archive import ensure_layer, layer_root
        archive = self.window.archive
        return ensure_layer(layer_root(self.window.dirs.data, archive.collection.id), archive)

    # --- entry points --------------------------------------------------------------------------------
    def choose_files(self) -> bool:
        names, _ = QFileDialog.getOpenFileNames(self.window,
                                                translate("ImportController",
                                                          "Import files into the archive"), str(Path.home()),
                                                FILE_FILTER)
        return self.import_paths([Path(n) for n in names]) if names else False

    def choose_folder(self) -> bool:
        folder = QFileDialog.getExistingDirectory(self.window,
                                                  translate("ImportController",
                                                            "Import a folder (or a BagIt bag) into the archive"),
                                                  str(Path.home()))
        return self.import_paths([Path(folder)]) if folder else False

    def accepts(self, mime: QMimeData | None) -> bool:
        """A drag carries local files or folders (the window then shows it can take them)."""
        return bool(paths_from_mime(mime))

    def drop(self, mime: QMimeData | None) -> bool:
        """Files and folders dropped on the window: import them (bags as bags). What drag and drop calls."""
        paths = paths_from_mime(mime)
        return self.import_paths(paths) if paths else False

    def import_paths(self, paths: Iterable[Path | str], *, metadata: dict[str, Any] | None = None,
                     ocr: list[str] | None | bool = True) -> bool:
        """Import files, folders and bags in the background. False (with a message) when nothing started.
        ``ocr``: Tesseract languages to read scanned pages with; True (default) = the window's choice (File ▸
        Read text in scanned pages), None = none."""
        paths = [Path(p) for p in paths]
        if ocr is True:
            ocr = self.ocr.for_import() if self.ocr is not None else None
        if not paths:
            return False
        if self.job is not None:
            self.window.show_message(translate("ImportController",
                                               "An import is already running: wait for its report, or cancel it "
                                     "(Cancel in the status bar), then import again."), 10000)
            return False
        try:
            layer = self.layer()
        except OSError as error:
            self.window.show_message(fill(translate("ImportController",
                                                    "Nothing was imported: the folder for imported items cannot be "
                                                    "created (%1)."), error.strerror or error), 15000)
            return False
        from ...core.annotations import DB_NAME
        archive = self.window.archive
        bags = [p for p in paths if is_bag(p)]
        files = [p for p in paths if p not in bags]
        annotations_db = Path(self.window.dirs.data) / DB_NAME

        def work(job: Job) -> ImportReport:  # a pool thread: core calls only
            reports = []  # each core call polls cancelled() itself and lists what it did not start
            for bag in bags:
                from ...core.integrity import import_bag
                reports.append(import_bag(bag, archive, layer, progress=job.progress, cancelled=job.cancelled,
                                          on_added=job.on_added, annotations_db=annotations_db))
            if files:
                from ...core.ingest import import_files
                reports.append(import_files(archive, layer, files, progress=job.progress, cancelled=job.cancelled,
                                            on_added=job.on_added, metadata=metadata, ocr=ocr or None))
            return merge_reports(reports)

        what = paths[0].name if len(paths) == 1 else fill(translate("ImportController", "%1 items"), len(paths))
        title = translate("ImportController", "Importing bag") if bags and not files else \
            translate("ImportController", "Importing")
        self._added_since, self._added_total = [], 0
        self._bags = bool(bags)
        self.job = start_job(self.window, title, work, self._done, self._failed)
        self.job.added.connect(self._item_added)
        reading = fill(translate("ImportController", ", reading scanned pages (%1)"), "+".join(ocr)) if ocr else ""
        self.window.show_message(fill(translate("ImportController", "Importing %1%2…"), what, reading), 4000)
        self.started.emit(self.job)
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def retry(self, report: ImportReport | None = None) -> bool:
        """Import again the files that failed and those a cancel left out."""
        report = report or self.last_report
        paths = report.retry_paths() if report is not None else []
        if not paths:
            self.window.show_message(translate("ImportController", "There is nothing to retry."), 5000)
            return False
        return self.import_paths(paths)

    # --- while it runs -------------------------------------------------------------------------------
    def _item_added(self, item_id: str) -> None:
        self._added_since.append(item_id)
        self._added_total += 1
        if not self._refresh.isActive():
            self._refresh.start()

    def _show_added(self) -> None:
        """Reload the archive and index the items added since the last time (at most once a second)."""
        ids, self._added_since = self._added_since, []
        if ids:
            self.window.refresh_archive(ids)

    # --- at the end ----------------------------------------------------------------------------------
    def _done(self, report: ImportReport) -> None:
        self._refresh.stop()
        ids, self._added_since = self._added_since, []
        ids += [o.item_id for o in report.added if o.item_id and o.item_id not in ids]
        self.job = None
        self.last_report = report
        if self._bags:
            self._annotations_changed()
        self.window.refresh_archive(ids, then=lambda: self._show_report(report))

    def _failed(self, error: BaseException) -> None:
        self._refresh.stop()
        ids, self._added_since = self._added_since, []
        self.job = None
        log.error("import failed", exc_info=error)
        message = fill(translate("ImportController", "The import stopped: %1"), error)
        self.window.refresh_archive(ids, then=lambda: self.window.show_message(message, 20000))

    def _annotations_changed(self) -> None:
        """A bag may bring annotations into the store: the panel, counts and search follow."""
        controller = getattr(self.window, "annotations", None)
        if controller is None or controller.store is None:
            return
        controller._counts = None
        controller.changed.emit(None)
        controller.sync_search()

    def _show_report(self, report: ImportReport) -> None:
        from .report import ImportReportDialog
        self.window.show_message(fill(translate("ImportController", "Import: %1"), report.summary()), 15000)
        if self.report_dialog is None:
            self.report_dialog = ImportReportDialog(self, self.window)
        self.report_dialog.set_report(report)
        self.report_dialog.show()
        self.report_dialog.raise_()
        self.finished.emit(report)

    # --- metadata ------------------------------------------------------------------------------------
    def edit_metadata(self, item_ids: Iterable[str] | None = None) -> Any:
        """Open the Dublin Core form on these items (default: the window's selection or current item)."""
        from .metadata import MetadataDialog
        ids = list(item_ids) if item_ids is not None else self.window.selected_item_ids()
        items = [item for i in ids if (item := self.window.archive.item(i)) is not None]
        if not items:
            self.window.show_message(translate("ImportController",
                                               "Select one or more items first (in the search results or the gallery), "
                                     "or open one."), 8000)
            return None
        if self.metadata_dialog is not None:
            self.metadata_dialog.close()
            self.metadata_dialog.deleteLater()
        self.metadata_dialog = MetadataDialog(self, items, self.window)
        self.metadata_dialog.show()
        self.metadata_dialog.raise_()
        return self.metadata_dialog

    def save_metadata(self, item_ids: list[str], changes: dict[str, Any], on_done: Any, on_error: Any) -> None:
        """``update_metadata`` off the GUI thread; then the window reloads and reindexes those items."""
        from ...core.ingest import update_metadata
        archive = self.window.archive

        def saved(changed: Any) -> None:
            ids = list(changed) if changed else list(item_ids)
            self.window.refresh_archive(ids, then=lambda: (on_done(ids), self.metadata_saved.emit(ids)))

        self.window.runner.run_task(lambda: update_metadata(archive, item_ids, changes), saved, on_error,
                                    label=translate("ImportController", "Saving the description"))

    def shutdown(self) -> None:
        """The window closes: stop a running import after its current file (nothing is left half-written)."""
        self._refresh.stop()
        if self.job is not None:
            self.job.cancel()
