"""Integrity in the window: fixity checks and exports for other archives.

* **Tools ▸ Verify archive…** hashes every held file (``core.integrity.fixity.verify``) with progress and Cancel in the
  status bar and shows the report: missing, changed, unexpected, unreadable files, each with its path;
  double-click one to open its item.
* **At start**, once the window has painted, a quick check runs in the background (only files whose size
  or modification time changed since they were last found good are hashed again; its state lives in the
  user cache). If anything is wrong a warning badge appears in the status bar ("⚠ 2 files changed"); a
  click opens the report.
* **File ▸ Export ▸** Archive as BagIt bag… (everything, or the selected items; ``core.integrity.export_bag``
  with the annotations as JSON-LD), Item metadata as Dublin Core CSV… / JSON-LD…
  (``core.integrity.metadata_export``). Each runs in the background and ends with a message naming what it wrote.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt,
                            QTimer, QUrl,
                            Signal)
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QDialog, QFileDialog, QHeaderView, QLabel, QMenu, QMessageBox, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from ..jobs import Job, start_job
from ..report_table import button_row, report_table
from ..i18n import fill, format_number, translate

__all__ = ["install_integrity", "IntegrityController", "FixityReportDialog", "ProblemsModel", "badge_text",
           "QUICK_CHECK_DELAY_MS"]

log = logging.getLogger(__name__)

#: the quick check starts this long after the window first shows (after the search index has started)
QUICK_CHECK_DELAY_MS = 1200

_KIND_LABELS = {"missing": QT_TRANSLATE_NOOP("fixity", "missing"), "changed": QT_TRANSLATE_NOOP("fixity", "changed"),
                "unreadable": QT_TRANSLATE_NOOP("fixity", "unreadable"),
                "no-checksum": QT_TRANSLATE_NOOP("fixity", "no checksum"),
                "unexpected": QT_TRANSLATE_NOOP("fixity", "unexpected")}  # translated where shown
_KIND_COLOURS = {"missing": "#c92a2a", "changed": "#c92a2a", "unreadable": "#d9480f", "no-checksum": "#5c677d",
                 "unexpected": "#5c677d"}
Index = QModelIndex | QPersistentModelIndex


def badge_text(report: Any) -> str:
    """What the status-bar badge says: "⚠ 2 files changed", "⚠ 1 file missing, 1 changed"."""
    parts = []
    order = ("changed", "missing", "unreadable", "unexpected", "no-checksum")
    for kind in order:
        n = len(report.of_kind(kind))
        if not n:
            continue
        first = not parts
        parts.append(fill({
            "changed": translate("fixity", "%1 file changed") if n == 1 else translate("fixity", "%1 files changed"),
            "missing": translate("fixity", "%1 file missing") if n == 1 else translate("fixity", "%1 files missing"),
            "unreadable": translate("fixity", "%1 file unreadable") if n == 1 else
            translate("fixity", "%1 files unreadable"),
            "unexpected": translate("fixity", "%1 unexpected file") if n == 1 else
            translate("fixity", "%1 unexpected files"),
            "no-checksum": translate("fixity", "%1 file without checksum") if n == 1 else
            translate("fixity", "%1 files without checksum")}[kind] if first else {
            "changed": translate("fixity", "%1 changed"), "missing": translate("fixity", "%1 missing"),
            "unreadable": translate("fixity", "%1 unreadable"), "unexpected": translate("fixity", "%1 unexpected"),
            "no-checksum": translate("fixity", "%1 without checksum")}[kind], n))
    return "⚠ " + ", ".join(parts) if parts else ""


def fixity_summary(report: Any) -> str:
    """``FixityReport.summary()`` in the interface language: "2 files checked (full check, 0.31 s): …"."""
    from ...core.integrity.fixity import KINDS
    mode = translate("fixity", "quick check") if report.quick else translate("fixity", "full check")
    head = fill(translate("fixity", "%1 file checked (%2, %3 s)") if report.checked == 1 else
                translate("fixity", "%1 files checked (%2, %3 s)"), report.checked, mode, format_number(report.seconds,
                                                                                                        2))
    if report.cancelled:
        head += translate("fixity", ", cancelled before the end")
    if not report.problems:
        return head + ("" if report.cancelled else translate("fixity", ": all files are as described"))
    counts = ", ".join(fill(translate("fixity", "%1 %2"), len(found), translate("fixity", _KIND_LABELS.get(kind, kind)))
                       for kind in KINDS if (found := report.of_kind(kind)))
    return head + fill(translate("fixity", ": %1 problem (%2)") if len(report.problems) == 1 else
                       translate("fixity", ": %1 problems (%2)"), len(report.problems), counts)


def _unique_folder(parent: Path, name: str) -> Path:
    candidate, n = parent / name, 2
    while candidate.exists():
        candidate, n = parent / f"{name}-{n}", n + 1
    return candidate


def _write_text_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".partial-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class ProblemsModel(QAbstractTableModel):
    """The problems of a fixity report: kind, file, item, what was found."""

    COLUMNS = (QT_TRANSLATE_NOOP("ProblemsModel", "Problem"), QT_TRANSLATE_NOOP("ProblemsModel", "File"),
               QT_TRANSLATE_NOOP("ProblemsModel", "Item"), QT_TRANSLATE_NOOP("ProblemsModel", "Details"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._problems: list[Any] = []
        self._roots: tuple[Path, ...] = ()

    def set_report(self, report: Any) -> None:
        self.beginResetModel()
        self._problems = list(report.problems) if report is not None else []
        self._roots = tuple(getattr(report, "roots", ()) or ())
        self.endResetModel()

    def problem(self, row: int) -> Any:
        return self._problems[row] if 0 <= row < len(self._problems) else None

    def shown_path(self, path: Path) -> str:
        """Relative to the archive, or to the layer of imported items (marked so); in full otherwise."""
        for n, root in enumerate(self._roots):
            with contextlib.suppress(ValueError):
                relative = Path(path).relative_to(root).as_posix()
                return relative if n == 0 else f"(imported) {relative}"
        return str(path)

    @staticmethod
    def details(problem: Any) -> str:
        """The message without the file's path it starts with (the File column shows that)."""
        message = str(problem.message)
        for prefix in (str(problem.path),):
            if message.startswith(prefix):
                return message[len(prefix):].strip()
        return message

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMNS)):
            return translate("ProblemsModel", self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        p, column = self._problems[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (translate("fixity", _KIND_LABELS[p.kind]) if p.kind in _KIND_LABELS else p.kind,
                    self.shown_path(p.path), p.item_id or "—",
                    self.details(p))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return p.message if column != 1 else str(p.path)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QBrush(QColor(_KIND_COLOURS.get(p.kind, "#495057")))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class FixityReportDialog(QDialog):
    """The last fixity report: summary, the problems (double-click opens the item), Verify again, Copy."""

    def __init__(self, controller: "IntegrityController", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.report: Any = None
        self.setObjectName("fixityReport")
        self.setWindowTitle(translate("FixityReportDialog", "Verify archive"))
        self.setModal(False)
        self.resize(860, 420)
        self.summary = QLabel(self)
        self.summary.setObjectName("fixitySummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.explain.setObjectName("fixityExplain")
        self.model = ProblemsModel(self)
        self.table, self.proxy = report_table(self, self.model, "fixityTable", self.open_row,
                                              translate("FixityReportDialog", "Files checked, with what was found"))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(1, 380)
        self.table.setColumnWidth(2, 160)
        self.again_button = QPushButton(translate("FixityReportDialog", "Verify again (full check)"), self)
        self.again_button.setObjectName("verifyAgain")
        self.again_button.clicked.connect(lambda: self.controller.verify())
        self.copy_button = QPushButton(translate("FixityReportDialog", "Copy report"), self)
        self.copy_button.clicked.connect(self.copy)
        row = button_row(self, self.again_button, self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def set_report(self, report: Any) -> None:
        self.report = report
        self.model.set_report(report)
        colour = "#2b8a3e" if report.ok else ("#c92a2a" if report.problems else "#5c677d")
        self.summary.setText(fill('<b style="color:%1">%2</b>', colour, fixity_summary(report)))
        if report.problems:
            self.explain.setText(
                translate("FixityReportDialog",
                          "A changed file no longer has the SHA-256 its description records: it was edited, damaged or "
                "replaced. A missing file was moved or deleted. An unexpected file lies among the items "
                "without a description. Restore the file from a backup, or re-import it. Double-click a row "
                "to open its item."))
        elif report.cancelled:
            self.explain.setText(translate("FixityReportDialog",
                                           "The check was cancelled; the files after that point were not checked."))
        else:
            self.explain.setText(fill(translate("FixityReportDialog",
                                                "Every held file matches the SHA-256 recorded when it entered the "
                                                "archive (%1)."), ', '.join(str(r) for r in report.roots)))
        self.table.setVisible(bool(report.problems))
        self.setWindowTitle(translate("FixityReportDialog",
                                      "Verify archive — ") + (translate("FixityReportDialog",
                                                                        "all files as described") if report.ok else
                                                    badge_text(report).lstrip("⚠ ") or translate("FixityReportDialog",
                                                                                                 "cancelled")))

    def open_row(self, proxy_row: int) -> Any:
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
        problem = self.model.problem(source.row())
        window = self.controller.window
        if problem is None:
            return None
        if problem.item_id and window.archive.item(problem.item_id) is not None:
            return window.open_item(problem.item_id)
        window.show_message(problem.message, 10000)
        return None

    def copy(self) -> str:
        report = self.report
        if report is None:
            return ""
        lines = [report.summary(), ""] + [f"{p.kind:<12} {p.path} — {p.message}" for p in report.problems]
        text = "\n".join(lines) + "\n"
        QGuiApplication.clipboard().setText(text)
        return text


class IntegrityController(QObject):
    """Verify (full and quick), the badge, and the exports, for one window."""

    #: the quick check at start finished (its FixityReport)
    quick_check_done = Signal(object)
    #: a full check finished (its FixityReport)
    verified = Signal(object)
    #: an export finished (the Path written)
    exported = Signal(object)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.job: Job | None = None
        self.quick_report: Any = None
        self.report: Any = None  # the report the badge and the dialog show
        self.dialog: FixityReportDialog | None = None
        self.message_box: QMessageBox | None = None
        self._quick_running = False
        self.badge = QToolButton(window)
        self.badge.setObjectName("fixityBadge")
        self.badge.setAccessibleName(translate("IntegrityController", "Archive check"))
        self.badge.setAccessibleDescription(translate("IntegrityController",
                                                      "Files of the archive that changed or went missing; opens the "
                                                      "report"))
        self.badge.setAutoRaise(True)
        self.badge.setStyleSheet("QToolButton#fixityBadge { color: #7a2e00; background: #ffe8cc; "
                                 "border: 1px solid #f08c00; border-radius: 8px; padding: 0 8px; }")
        self.badge.clicked.connect(lambda: self.show_report())
        self.badge.hide()
        window.status.add_permanent(self.badge)
        self._quick_timer = QTimer(self)
        self._quick_timer.setSingleShot(True)
        self._quick_timer.setInterval(QUICK_CHECK_DELAY_MS)
        self._quick_timer.timeout.connect(self.start_quick_check)

    def schedule_quick_check(self) -> None:
        """The window has shown: the quick check starts a little later, after its own start-up work."""
        self._quick_timer.start()

    def state_path(self) -> Path:
        from ...core.integrity import default_state_path
        return default_state_path(Path(self.window.dirs.cache), self.window.archive)

    # --- checks --------------------------------------------------------------------------------------
    def start_quick_check(self) -> bool:
        """The start-up check, in the background and silent unless something is wrong (then the badge)."""
        self._quick_timer.stop()
        if self._quick_running or self.job is not None:
            return False
        from ...core.integrity import verify
        archive, state = self.window.archive, self.state_path()
        self._quick_running = True

        def done(report: Any) -> None:
            self._quick_running = False
            self.quick_report = report
            if report.problems:
                self._set_report(report)
            log.info("quick fixity check: %s", report.summary())
            self.quick_check_done.emit(report)

        def failed(error: BaseException) -> None:
            self._quick_running = False
            log.warning("quick fixity check failed: %s", error)
            self.quick_check_done.emit(None)

        self.window.runner.run_task(lambda: verify(archive, state=state, quick=True), done, failed, label="")
        return True

    @property
    def quick_running(self) -> bool:
        return self._quick_running

    def verify(self) -> Job | None:
        """Tools ▸ Verify archive…: hash every held file, with progress and Cancel, then the report."""
        if self.job is not None:
            self.window.show_message(translate("IntegrityController", "A check or an export is already running."), 6000)
            return None
        from ...core.integrity import verify
        archive, state = self.window.archive, self.state_path()

        def work(job: Job) -> Any:
            return verify(archive, progress=job.progress, cancelled=job.cancelled, state=state, quick=False)

        def done(report: Any) -> None:
            self.job = None
            self._set_report(report)
            self.window.show_message(fill(translate("IntegrityController", "Verify: %1"), fixity_summary(report)),
                                     15000)
            self.show_report(report)
            self.verified.emit(report)

        def failed(error: BaseException) -> None:
            self.job = None
            self.window.show_message(fill(translate("IntegrityController", "The check could not run: %1"), error),
                                     15000)

        self.job = start_job(self.window, translate("IntegrityController", "Verifying"), work, done, failed)
        return self.job

    def _set_report(self, report: Any) -> None:
        """Show ``report`` in the badge (and in the dialog if it is open): the badge goes when all is well."""
        self.report = report
        text = badge_text(report)
        self.badge.setText(text)
        self.badge.setToolTip(translate("IntegrityController",
                                        "Some files of the archive are not as they were described. Click for the "
                                        "report."))
        self.badge.setVisible(bool(text))
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.set_report(report)

    def show_report(self, report: Any = None) -> FixityReportDialog | None:
        report = report or self.report or self.quick_report
        if report is None:
            return None
        if self.dialog is None:
            self.dialog = FixityReportDialog(self, self.window)
        self.dialog.set_report(report)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    # --- exports -------------------------------------------------------------------------------------
    def _scope(self, what: str) -> tuple[bool, list[str] | None]:
        """All items, or the selected ones? (ok, ids: None = all). Asks only when items are selected."""
        selected = self.window.selected_item_ids()
        total = len(self.window.archive.items)
        if not selected or len(selected) >= total:
            return True, None
        box = QMessageBox(QMessageBox.Icon.Question, what, f"Export all {total} items of the archive, or only "
                          f"the {len(selected)} selected?", QMessageBox.StandardButton.Cancel, self.window)
        all_button = box.addButton(fill(translate("IntegrityController", "All %1 items"), total),
                                   QMessageBox.ButtonRole.AcceptRole)
        some_button = box.addButton(fill(translate("IntegrityController", "The %1 selected"), len(selected)),
                                    QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(all_button)
        box.exec()
        clicked = box.clickedButton()
        if clicked is all_button:
            return True, None
        if clicked is some_button:
            return True, selected
        return False, None

    def export_bag(self, dest: Path | str | None = None, item_ids: list[str] | None = None, *,
                   ask_scope: bool = True) -> Job | None:
        """File ▸ Export ▸ Archive as BagIt bag…: ``dest`` is the bag folder to create (asked when None: a
        new folder inside the chosen one)."""
        if self.job is not None:
            self.window.show_message(translate("IntegrityController", "A check or an export is already running."), 6000)
            return None
        if dest is None:
            if ask_scope and item_ids is None:
                ok, item_ids = self._scope(translate("IntegrityController", "Export as BagIt bag"))
                if not ok:
                    return None
            parent = QFileDialog.getExistingDirectory(self.window,
                                                      translate("IntegrityController",
                                                                "Export a BagIt bag into this folder"),
                                                      str(Path.home()))
            if not parent:
                return None
            archive = self.window.archive
            name = re.sub(r"[^A-Za-z0-9._-]+", "-", archive.collection.id).strip("-") or "archive"
            dest = _unique_folder(Path(parent), f"{name}-bag-{_dt.date.today().isoformat()}")
        dest = Path(dest)
        from ...core.annotations import DB_NAME
        from ...core.integrity import annotations_for_export, export_bag
        archive = self.window.archive
        ids = list(item_ids) if item_ids is not None else None
        db = Path(self.window.dirs.data) / DB_NAME

        def work(job: Job) -> Path:
            try:  # read through its own read-only connection, beside the window's store
                annotations = annotations_for_export(db, archive, ids)
            except Exception as error:  # noqa: BLE001 - the bag goes out without them
                log.warning("annotations left out of the bag: %s", error)
                annotations = None
            return export_bag(archive, dest, item_ids=ids, annotations_jsonld=annotations, progress=job.progress,
                              cancelled=job.cancelled)

        def done(path: Any) -> None:
            self.job = None
            path = Path(path) if path else dest
            n = len(ids) if ids is not None else len(archive.items)
            self._finished(fill(translate("IntegrityController",
                                          "The BagIt bag of %1 item was written to") if n == 1
                                else translate("IntegrityController",
                                               "The BagIt bag of %1 items was written to"), n), path, folder=True)

        self.job = start_job(self.window, translate("IntegrityController", "Exporting bag"), work, done,
                             self._export_failed("bag"))
        return self.job

    def export_metadata(self, fmt: str, dest: Path | str | None = None, item_ids: list[str] | None = None, *,
                        ask_scope: bool = True) -> Job | None:
        """File ▸ Export ▸ Item metadata as Dublin Core CSV… (``fmt="csv"``) / JSON-LD… (``"jsonld"``)."""
        if self.job is not None:
            self.window.show_message(translate("IntegrityController", "A check or an export is already running."), 6000)
            return None
        label = "CSV" if fmt == "csv" else "JSON-LD"
        if dest is None:
            if ask_scope and item_ids is None:
                ok, item_ids = self._scope(fill(translate("IntegrityController", "Export Dublin Core %1"), label))
                if not ok:
                    return None
            suffix = ".csv" if fmt == "csv" else ".jsonld"
            pattern = "CSV table (*.csv)" if fmt == "csv" else "JSON-LD (*.jsonld *.json)"
            name, _ = QFileDialog.getSaveFileName(self.window,
                                                  fill(translate("IntegrityController",
                                                                 "Export item metadata as Dublin Core %1"), label),
                                                  str(Path.home() / f"dublin-core{suffix}"), pattern)
            if not name:
                return None
            dest = Path(name)
        dest = Path(dest)
        from ...core.integrity import dublin_core_csv, dublin_core_jsonld
        make: Callable[..., str] = dublin_core_csv if fmt == "csv" else dublin_core_jsonld
        archive = self.window.archive
        ids = list(item_ids) if item_ids is not None else None

        def work(job: Job) -> Path:
            job.progress(0, 0, dest.name)
            _write_text_atomic(dest, make(archive, ids))
            return dest

        def done(path: Any) -> None:
            self.job = None
            n = len(ids) if ids is not None else len(archive.items)
            self._finished(fill(translate("IntegrityController",
                                          "The Dublin Core %1 of %2 item was written to") if n == 1
                                else translate("IntegrityController",
                                               "The Dublin Core %1 of %2 items was written to"), label, n), Path(path))

        self.job = start_job(self.window, fill(translate("IntegrityController", "Exporting %1"), label), work, done,
                             self._export_failed(label),
                             cancellable=False)
        return self.job

    def _export_failed(self, what: str) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            self.job = None
            from ...core.integrity import ExportCancelled
            if isinstance(error, ExportCancelled):
                self.window.show_message(fill(translate("IntegrityController", "The export was cancelled: %1"), error),
                                         10000)
                return
            reason = getattr(error, "strerror", None) or str(error)
            text = f"The {what} export was not written: {reason}"
            self.window.show_message(text, 20000)
            self._message(QMessageBox.Icon.Warning, translate("IntegrityController", "Export failed"), text)
        return failed

    def _finished(self, sentence: str, path: Path, *, folder: bool = False) -> None:
        self.window.show_message(f"{sentence} {path}", 20000)
        box = self._message(QMessageBox.Icon.Information, translate("IntegrityController", "Export finished"),
                            f"{sentence}\n\n{path}")
        if box is not None:
            opener = box.addButton(translate("IntegrityController", "Open folder"), QMessageBox.ButtonRole.ActionRole)
            target = path if folder else path.parent
            opener.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))))
        self.exported.emit(path)

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        if self.message_box is not None:
            self.message_box.close()
            self.message_box.deleteLater()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("integrityMessage")
        box.setModal(False)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.show()
        self.message_box = box
        return box

    def shutdown(self) -> None:
        self._quick_timer.stop()
        if self.job is not None:
            self.job.cancel()


def install_integrity(window: Any) -> IntegrityController:
    """Tools ▸ Verify archive…, File ▸ Export ▸ …, the badge, and the quick check after the first paint. The
    window keeps the returned controller (``window.integrity``)."""
    controller = IntegrityController(window)
    m = window.menus
    m.add("verify", translate("integrity.views", "&Verify archive…"), controller.verify, "Ctrl+Shift+V",
          "triangle-alert",
          translate("integrity.views",
                    "Check every file of the archive against its recorded SHA-256"), menu="tools", section="check")
    export = QMenu(translate("integrity.views", "&Export"), window)
    export.setObjectName("exportMenu")
    for name, text, slot, icon_name, tip in (
            ("export_bag", translate("integrity.views", "Archive as &BagIt bag…"), lambda: controller.export_bag(),
             "folder-open", translate("integrity.views",
                                      "The archive (or the selected items) as a BagIt bag that other archives accept")),
            ("export_dc_csv", translate("integrity.views", "Item metadata as Dublin Core &CSV…"),
             lambda: controller.export_metadata("csv"), None, ""),
            ("export_dc_jsonld", translate("integrity.views", "Item metadata as Dublin Core &JSON-LD…"),
             lambda: controller.export_metadata("jsonld"), None, "")):
        export.addAction(m.create(name, text, slot, None, icon_name, tip))
    m.add_menu(export, menu="file", section="export")
    window.archive_changed.connect(lambda _a: _archive_changed(controller))
    return controller


def _archive_changed(controller: IntegrityController) -> None:
    """Another archive was opened: its own quick check (the last one's badge no longer applies)."""
    controller.report = controller.quick_report = None
    controller.badge.hide()
    controller.start_quick_check()
