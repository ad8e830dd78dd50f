"""The Concordance panel: every occurrence of a word, phrase or query across the archive, one per line.

Type a query (the search language: words, "phrases", prefix*, date:…); lines come in while the archive
is read, on a worker. Sort by the words before or after the hit; counts per document and per year beside
the lines (activate one to see only its lines); Enter or a double-click opens the passage in the viewer
with the hit highlighted; Export writes the lines shown as CSV. "Within the search filters" applies the
filters chosen in the Search panel (type, period, tags…), so both panels look at the same part of the
archive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from ...core.concordance import MAX_LINES, Line, Step, write_csv
from ..i18n import format_number
from ..tasks import TaskRunner, task_runner
from .delegate import KwicDelegate
from .model import SOURCE_ROLE, YEAR_ROLE, CountsModel, LinesModel
from .worker import ConcordanceRun, OpenHits

__all__ = ["ConcordancePanel"]

TYPE_DELAY_MS = 300


class ConcordancePanel(QWidget):
    line_activated = Signal(object)  # core.concordance.Line: open its passage
    finished = Signal(object)  # the panel's LinesModel once a run has read the whole archive
    message = Signal(str)  # for the status bar (export done, export failed)

    def __init__(self, open_hits: OpenHits | None = None, fold: Callable[[str], str] = str.casefold, *,
                 filters: Callable[[], Any] | None = None, runner: TaskRunner | None = None,
                 max_lines: int = MAX_LINES, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concordancePanel")
        self._open_hits, self._fold, self._filters = open_hits, fold, filters
        self._runner, self._max_lines = runner, max_lines
        self._run: ConcordanceRun | None = None
        self._done = self._total = 0
        self._build()

    # --- layout ---------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(self.tr("Word, phrase or query, e.g. \"Camp Liberty\""))
        self.query_edit.setAccessibleName(self.tr("Concordance query"))
        self.query_edit.setAccessibleDescription(self.tr(
            "Every occurrence across the archive is listed with the words around it. Same query language as "
            "Search."))
        self.query_edit.setClearButtonEnabled(True)
        self.within_filters = QCheckBox(self.tr("Within the search filters"), self)
        self.within_filters.setAccessibleDescription(self.tr(
            "Only the part of the archive chosen in the Search panel's filters (type, period, tags)."))
        self.within_filters.setChecked(True)
        self.sort_box = QComboBox(self)
        self.sort_box.setAccessibleName(self.tr("Sort lines by"))
        for key, label in (("source", self.tr("Date and document")), ("before", self.tr("Word before the hit")),
                           ("match", self.tr("The hit itself")), ("after", self.tr("Word after the hit"))):
            self.sort_box.addItem(label, key)
        sort_label = QLabel(self.tr("&Sort:"), self)
        sort_label.setBuddy(self.sort_box)
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.export_button.setAccessibleDescription(self.tr("Save the lines shown as a CSV file"))
        self.export_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.query_edit, 1)
        top.addWidget(self.within_filters)
        top.addWidget(sort_label)
        top.addWidget(self.sort_box)
        top.addWidget(self.export_button)

        self.status = QLabel(self.tr("Type a word to see every place it occurs."), self)
        self.status.setAccessibleName(self.tr("Concordance status"))
        self.status.setWordWrap(True)
        self.show_all = QPushButton(self.tr("Show all lines"), self)
        self.show_all.setVisible(False)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.show_all)

        self.lines = LinesModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("concordanceLines")
        self.table.setAccessibleName(self.tr("Concordance lines"))
        self.table.setModel(self.lines)
        self.table.setItemDelegateForColumn(LinesModel.COL_LINE, KwicDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LinesModel.COL_LINE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(LinesModel.COL_SOURCE, 16 * self.fontMetrics().averageCharWidth())
        header.resizeSection(LinesModel.COL_DATE, 11 * self.fontMetrics().averageCharWidth())
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)

        self.per_document = CountsModel("document", self)
        self.per_year = CountsModel("year", self)
        self.counts = QTabWidget(self)
        self.counts.setAccessibleName(self.tr("Counts"))
        self.document_counts = self._counts_view(self.per_document, self.tr("Occurrences per document"))
        self.year_counts = self._counts_view(self.per_year, self.tr("Occurrences per year"))
        self.counts.addTab(self.document_counts, self.tr("Per &document"))
        self.counts.addTab(self.year_counts, self.tr("Per &year"))

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(self.counts)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)

        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addLayout(status_row)
        box.addWidget(split, 1)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPE_DELAY_MS)
        self._typing.timeout.connect(self.run_now)
        self.query_edit.textEdited.connect(lambda _t: self._typing.start())
        self.query_edit.returnPressed.connect(self.run_now)
        self.within_filters.toggled.connect(lambda _on: self.run_now())
        self.sort_box.currentIndexChanged.connect(lambda _i: self.lines.sort_by(self.sort_box.currentData()))
        self.export_button.clicked.connect(self.export_dialog)
        self.show_all.clicked.connect(self._show_all)
        self.table.activated.connect(self._line_activated)
        self.table.doubleClicked.connect(self._line_activated)

    def _counts_view(self, model: CountsModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setAccessibleName(name)
        view.setAccessibleDescription(self.tr("Activate a row to see only its lines"))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        view.activated.connect(self._count_activated)
        view.doubleClicked.connect(self._count_activated)
        return view

    # --- running --------------------------------------------------------------------------------------------
    def set_source(self, open_hits: OpenHits | None, fold: Callable[[str], str] | None = None) -> None:
        """The index to read (``open_hits(query, filters)``), once it is open; re-runs the current query."""
        self._open_hits = open_hits
        if fold is not None:
            self._fold = fold
        if self.query():
            self.run_now()

    def query(self) -> str:
        return self.query_edit.text().strip()

    def filters_changed(self) -> None:
        """The Search panel's filters changed: a concordance within them is read again."""
        if self.query() and self.within_filters.isChecked() and self._filters is not None:
            self.run_now()

    def set_query(self, text: str) -> None:
        self.query_edit.setText(text)
        self.run_now()

    def run_now(self) -> None:
        self._typing.stop()
        self._stop()
        self.lines.clear()
        self.per_document.clear()
        self.per_year.clear()
        self.show_all.setVisible(False)
        self.export_button.setEnabled(False)
        self._done = self._total = 0
        query = self.query()
        if not query:
            self.status.setText(self.tr("Type a word to see every place it occurs."))
            return
        if self._open_hits is None:
            self.status.setText(self.tr("The search index is still being prepared; the concordance starts "
                                        "when it is ready."))
            return
        filters = self._filters() if (self._filters is not None and self.within_filters.isChecked()) else None
        run = ConcordanceRun(query, filters, self._open_hits, self._fold, self._max_lines, self)
        run.stepped.connect(lambda step, r=run: self._stepped(r, step))
        run.failed.connect(lambda text, r=run: self._failed(r, text))
        self._run = run
        self.status.setText(self.tr("Reading the archive…"))
        run.start(self._runner or task_runner())

    def _stop(self) -> None:
        if self._run is not None:
            self._run.stop()
            self._run.deleteLater()
            self._run = None

    def _stepped(self, run: ConcordanceRun, step: Step) -> None:
        if run is not self._run:
            return  # a step of a stopped run, already queued when it was stopped
        self.lines.add(step.lines)
        self.per_document.add(step)
        self.per_year.add(step)
        self._done, self._total = step.done, step.total or step.done
        if step.finished:
            run.finished = True
            self.export_button.setEnabled(self.lines.rowCount() > 0)
        self._say_status()
        if step.finished:
            self.finished.emit(self.lines)

    def _failed(self, run: ConcordanceRun, text: str) -> None:
        if run is self._run:
            self.status.setText(self.tr("The concordance could not be made: %1").replace("%1", text))

    def _say_status(self) -> None:
        total, docs = self.per_document.total, self.per_document.distinct
        occurrences = self.tr("%1 occurrence") if total == 1 else self.tr("%1 occurrences")
        documents = self.tr("in %1 document") if docs == 1 else self.tr("in %1 documents")
        text = (occurrences.replace("%1", format_number(total)) + " "
                + documents.replace("%1", format_number(docs)))
        if self._run is not None and not self._run.finished:
            text += " — " + self.tr("reading %1 of %2 documents…").replace("%1", format_number(self._done)).replace(
                "%2", format_number(self._total))
        elif total == 0:
            text = self.tr("No occurrences of “%1”.").replace("%1", self.query())
        if total > self.lines.kept:
            text += " " + self.tr("(showing the first %1 lines; the counts are complete)").replace(
                "%1", format_number(self.lines.kept))
        self.status.setText(text)

    @property
    def running(self) -> bool:
        return self._run is not None and not self._run.finished

    # --- reacting -------------------------------------------------------------------------------------------
    def _header_clicked(self, section: int) -> None:
        if section != LinesModel.COL_LINE:
            self.sort_box.setCurrentIndex(0)

    def _line_activated(self, index: QModelIndex) -> None:
        line = self.lines.line(index.row())
        if line is not None:
            self.line_activated.emit(line)

    def current_line(self) -> Line | None:
        return self.lines.line(self.table.currentIndex().row())

    def _count_activated(self, index: QModelIndex) -> None:
        model = index.model()
        if model is self.per_document:
            source = index.data(SOURCE_ROLE)
            self.lines.set_only(source=source)
            label = source.title
        else:
            year = index.data(YEAR_ROLE)
            self.lines.set_only(year=year)
            label = index.siblingAtColumn(0).data()
        self.show_all.setText(self.tr("Show all lines (now: %1)").replace("%1", label))
        self.show_all.setVisible(True)
        self.table.setFocus()

    def _show_all(self) -> None:
        self.lines.set_only()
        self.show_all.setVisible(False)

    def export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export concordance"),
                                              "concordance.csv", self.tr("CSV files (*.csv)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> int:
        try:
            n = write_csv(self.lines.lines(), path)
        except OSError as exc:
            self.message.emit(self.tr("The concordance could not be saved to %1: %2").replace(
                "%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return 0
        self.message.emit(self.tr("%1 lines saved to %2").replace("%1", format_number(n)).replace("%2", str(path)))
        return n
