"""The import report: what came in, what was skipped as a duplicate, what failed and why.

A window of its own (not modal: the user opens the new items from it while browsing). Double-click an added
file (or a duplicate) to open its item; **Retry failed** imports the failed files and those a cancel left out
again; **Edit metadata of added…** opens the Dublin Core form on the new items; **Copy report** puts the
report on the clipboard as plain text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from ..report_table import button_row, report_table
from ..i18n import fill, translate

if TYPE_CHECKING:  # core.ingest is heavy to import (its text readers); the reports come from a running import
    from ...core.ingest.report import ImportReport

__all__ = ["ImportReportDialog", "ReportModel", "ReportRow", "report_text", "STATUS_LABELS"]

Index = QModelIndex | QPersistentModelIndex

STATUS_LABELS = {"added": QT_TRANSLATE_NOOP("ReportModel", "✓ added"),
                 "duplicate": QT_TRANSLATE_NOOP("ReportModel", "= duplicate"),
                 "failed": QT_TRANSLATE_NOOP("ReportModel", "✕ failed"),
                 "not started": QT_TRANSLATE_NOOP("ReportModel", "– not started")}  # translated where shown
_STATUS_COLOURS = {"added": "#2b8a3e", "duplicate": "#5c677d", "failed": "#c92a2a", "not started": "#868e96"}
COLUMNS = (QT_TRANSLATE_NOOP("ReportModel", "File"), QT_TRANSLATE_NOOP("ReportModel", "Status"),
           QT_TRANSLATE_NOOP("ReportModel", "Reason"))


@dataclass(frozen=True)
class ReportRow:
    path: Path
    status: str  # added, duplicate, failed, not started
    message: str
    item_id: str | None = None


def rows_of(report: ImportReport) -> list[ReportRow]:
    rows = [ReportRow(Path(o.path), o.status, o.message, o.item_id) for o in report.outcomes]
    rows += [ReportRow(Path(p), "not started", "the import was cancelled before this file", None)
             for p in report.not_started]
    return rows


def _common_folder(paths: list[Path]) -> Path | None:
    import os
    try:
        common = Path(os.path.commonpath([str(p) for p in paths])) if paths else None
    except ValueError:
        return None
    if common is not None and len(paths) == 1:
        common = common.parent
    return common


def report_text(report: ImportReport) -> str:
    """The report as plain text: the summary, then one line per file (status, file, reason)."""
    lines = [f"Import report: {report.summary()}", ""]
    lines += [f"invalid bag: {reason}" for reason in getattr(report, "invalid", []) or []]
    lines += [f"note: {note}" for note in getattr(report, "notes", []) or []]
    for row in rows_of(report):
        item = f" [{row.item_id}]" if row.item_id else ""
        lines.append(f"{row.status:<12} {row.path}{item}" + (f" — {row.message}" if row.message else ""))
    return "\n".join(lines) + "\n"


class ReportModel(QAbstractTableModel):
    """One row per file of the import: file (relative to the folder imported), status, reason."""

    ROW_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ReportRow] = []
        self._base: Path | None = None

    def set_report(self, report: ImportReport | None) -> None:
        self.beginResetModel()
        self._rows = rows_of(report) if report is not None else []
        self._base = _common_folder([r.path for r in self._rows])
        self.endResetModel()

    @property
    def base(self) -> Path | None:
        """The folder the files were chosen in (paths are shown relative to it)."""
        return self._base

    def row(self, row: int) -> ReportRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def shown_path(self, row: ReportRow) -> str:
        if self._base is not None:
            try:
                return row.path.relative_to(self._base).as_posix()
            except ValueError:
                pass
        return str(row.path)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return translate("ReportModel", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.shown_path(row)
            if column == 1:
                return translate("ReportModel",
                                 STATUS_LABELS[row.status]) if row.status in STATUS_LABELS else row.status
            return row.message
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return str(row.path) + (f"\nitem: {row.item_id}" if row.item_id else "")
            if column == 2:
                return row.message
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(QColor(_STATUS_COLOURS.get(row.status, "#495057")))
        if role == self.ROW_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ImportReportDialog(QDialog):
    """The report of the last import, with Retry failed, Edit metadata of added and Copy report."""

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.report: ImportReport | None = None
        self.setObjectName("importReport")
        self.setWindowTitle(translate("ImportReportDialog", "Import report"))
        self.setModal(False)
        self.resize(820, 460)

        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.hint = QLabel(translate("ImportReportDialog", "Double-click an added file to open its item."), self)
        self.hint.setObjectName("importHint")
        self.model = ReportModel(self)
        self.table, self.proxy = report_table(self, self.model, "importTable", self.open_row,
                                              translate("ImportReportDialog",
                                                        "Files imported, with what became of each"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(0, 300)

        self.retry_button = QPushButton(translate("ImportReportDialog", "Retry failed"), self)
        self.retry_button.setObjectName("retryFailed")
        self.retry_button.setToolTip(translate("ImportReportDialog",
                                               "Import the failed files (and those a cancel left out) again"))
        self.retry_button.clicked.connect(self.retry)
        self.edit_button = QPushButton(translate("ImportReportDialog", "Edit metadata of added…"), self)
        self.edit_button.setObjectName("editAdded")
        self.edit_button.setToolTip(translate("ImportReportDialog",
                                              "Describe the new items (title, creator, date, …) all at once"))
        self.edit_button.clicked.connect(self.edit_added)
        self.copy_button = QPushButton(translate("ImportReportDialog", "Copy report"), self)
        self.copy_button.setToolTip(translate("ImportReportDialog", "Copy the report as plain text"))
        self.copy_button.clicked.connect(self.copy)
        row = button_row(self, self.retry_button, self.edit_button, self.copy_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(row)

    def set_report(self, report: ImportReport) -> None:
        self.report = report
        self.model.set_report(report)
        added, dups, failed = len(report.added), len(report.duplicates), len(report.failed)
        failed_text = fill(translate("ImportReportDialog", "%1 failed"), failed)
        parts = ['<span style="color:#2b8a3e">' + fill(translate("ImportReportDialog", "%1 added"), added) + "</span>",
                 fill(translate("ImportReportDialog", "%1 duplicate skipped") if dups == 1 else
                      translate("ImportReportDialog", "%1 duplicates skipped"), dups),
                 f'<span style="color:#c92a2a">{failed_text}</span>' if failed else failed_text]
        text = "<b>" + " · ".join(parts) + "</b>"
        base = self.model.base
        if base is not None:
            text += (" <span style='color:#5c677d'>" + fill(translate("ImportReportDialog", "from %1"),
                                                            html.escape(str(base))) + "</span>")
        if report.cancelled:
            text += "<br>" + fill(translate("ImportReportDialog", "The import was cancelled: %1 file not started "
                                                                  "(Retry imports it).") if len(report.not_started) == 1
                                  else translate("ImportReportDialog", "The import was cancelled: %1 files not "
                                                                       "started (Retry imports them)."),
                                  len(report.not_started))
        if dups:
            text += "<br>" + translate("ImportReportDialog",
                                       "A duplicate is a file the archive already holds (the same "
                                                             "bytes): it was not copied again.")
        invalid = list(getattr(report, "invalid", []) or [])
        if invalid:
            text += ("<br><span style='color:#c92a2a'>"
                     + translate("ImportReportDialog", "The bag is not valid, so nothing was imported from it:")
                     + "</span><ul>"
                     + "".join(f"<li>{html.escape(r)}</li>" for r in invalid[:8]) + "</ul>")
        for note in list(getattr(report, "notes", []) or [])[:5]:
            text += f"<br>{html.escape(note)}"
        annotations = getattr(report, "annotations", None)
        if annotations is not None:
            text += "<br>" + fill(translate("ImportReportDialog", "Annotations from the bag: %1"),
                                  html.escape(annotations.summary()))
        elif getattr(report, "annotations_error", ""):
            text += "<br>" + fill(translate("ImportReportDialog", "The bag's annotations were not imported: %1"),
                                  html.escape(report.annotations_error))
        self.summary.setText(text)
        retry = len(report.retry_paths())
        self.retry_button.setEnabled(retry > 0)
        self.retry_button.setText(fill(translate("ImportReportDialog", "Retry failed (%1)"),
                                       retry) if retry else translate("ImportReportDialog", "Retry failed"))
        self.edit_button.setEnabled(added > 0)
        self.edit_button.setText(fill(translate("ImportReportDialog", "Edit metadata of added (%1)…"),
                                      added) if added else translate("ImportReportDialog", "Edit metadata of added…"))
        self.setWindowTitle(fill(translate("ImportReportDialog", "Import report — %1 added, %2 failed"),
                                 added, failed))

    # --- actions -------------------------------------------------------------------------------------
    def row_at(self, proxy_row: int) -> ReportRow | None:
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
        return self.model.row(source.row())

    def open_row(self, proxy_row: int) -> Any:
        """Open the item an added (or duplicate) file became (or already was) in the main window."""
        row = self.row_at(proxy_row)
        window = self.controller.window
        if row is None:
            return None
        if row.item_id and window.archive.item(row.item_id) is not None:
            return window.open_item(row.item_id)
        if row.status == "failed":
            window.show_message(fill(translate("ImportReportDialog", "%1 was not imported: %2"), row.path.name,
                                     row.message), 10000)
        return None

    def retry(self) -> bool:
        if self.report is None:
            return False
        return self.controller.retry(self.report)

    def edit_added(self) -> Any:
        if self.report is None:
            return None
        ids = [o.item_id for o in self.report.added if o.item_id]
        return self.controller.edit_metadata(ids)

    def copy(self) -> str:
        text = report_text(self.report) if self.report is not None else ""
        QGuiApplication.clipboard().setText(text)
        self.controller.window.show_message(translate("ImportReportDialog", "The import report was copied."), 4000)
        return text
