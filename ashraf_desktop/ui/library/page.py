"""The library view, a tab of the viewer (View ▸ Library, Ctrl+Shift+L): every item of the archive in a table.

Type to filter by title, choose a kind, click a heading to sort (the order is computed off the
GUI thread; a newer request drops the older one), choose the columns from the heading's context menu (they
are remembered). Select rows to open them, describe them together (Edit metadata…) or export them as a bag;
Enter or a double-click opens one. The sidebar holds the saved searches: one click runs one in the search
panel; "Save the current search…" keeps the query and its filters under a name.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMenu, QPushButton, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from ...core.archive import Archive, ItemKind
from ...core.library import COLUMNS, LibraryQuery
from ...core.saved_searches import SavedSearches
from ..tasks import TaskRunner
from ..viewer.page import Location, Page
from .model import ArchiveLibrarySource, LibraryModel
from ..i18n import fill, format_number, translate

__all__ = ["LibraryPage", "LIBRARY_LOCATION"]

LIBRARY_LOCATION = Location("library", "library")
_KINDS = ((QT_TRANSLATE_NOOP("LibraryPage", "All kinds"), None),
          (QT_TRANSLATE_NOOP("LibraryPage", "Documents"), ItemKind.DOCUMENT),
          (QT_TRANSLATE_NOOP("LibraryPage", "Images"), ItemKind.IMAGE),
          (QT_TRANSLATE_NOOP("LibraryPage", "Records (not held)"), ItemKind.RECORD))  # translated where shown


class LibraryPage(Page):
    """The table of all items with its filter, kind, columns, and the saved-searches sidebar."""

    edit_metadata_requested = Signal(object)  # list of item ids
    export_requested = Signal(object)  # list of item ids: as a BagIt bag
    run_saved_search = Signal(object)  # a core.saved_searches.SavedSearch
    save_search_requested = Signal()  # the window asks the name and saves the search panel's state

    def __init__(self, archive: Archive, runner: TaskRunner, settings: QSettings, saved: SavedSearches,
                 counts: Callable[[], dict[str, int]], location: Location = LIBRARY_LOCATION,
                 parent: QWidget | None = None) -> None:
        super().__init__(location, parent)
        self.archive, self.runner, self.settings, self.saved = archive, runner, settings, saved
        self._counts = counts
        self.title_text = translate("LibraryPage", "Library")
        self.query = LibraryQuery()
        self.model = LibraryModel(ArchiveLibrarySource(archive, counts()), self)
        self.model.sort_requested.connect(self._sort)

        self.filter = QLineEdit(self)
        self.filter.setObjectName("libraryFilter")
        self.filter.setPlaceholderText(translate("LibraryPage", "Filter by title"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(translate("LibraryPage", "Filter the library by title"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.filter.textChanged.connect(lambda _t: self._debounce.start())
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(translate("LibraryPage", "Kind of item"))
        for label, kind in _KINDS:
            self.kind.addItem(translate("LibraryPage", label), kind)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count = QLabel(self)
        self.count.setObjectName("libraryCount")
        for w in (self.filter, self.kind):
            self.toolbar_layout.addWidget(w)
        self.toolbar_layout.addStretch(1)
        self.toolbar_layout.addWidget(self.count)

        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setAccessibleName(translate("LibraryPage", "Library: every item of the archive"))
        self.table.setModel(self.model)
        # by title, A to Z, until the user clicks a heading (Qt's own default is descending)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._columns_menu)
        header.sectionResized.connect(lambda *_a: self._remember_columns())
        header.sectionMoved.connect(lambda *_a: self._remember_columns())
        self.table.doubleClicked.connect(lambda index: self.open_rows([index.row()]))
        self.table.activated.connect(lambda index: self.open_rows([index.row()]))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self._restore_columns()
        self.table.setSortingEnabled(True)  # sorts by the (restored) heading: the query follows

        side = QWidget(self)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 4, 0)
        title = QLabel(translate("LibraryPage", "<b>Saved searches</b>"), side)
        self.saved_list = QListWidget(side)
        self.saved_list.setObjectName("savedSearches")
        self.saved_list.setWordWrap(True)
        self.saved_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.saved_list.setAccessibleName(translate("LibraryPage", "Saved searches: click one to run it"))
        self.saved_list.itemClicked.connect(self._saved_clicked)
        self.saved_list.itemActivated.connect(self._saved_clicked)
        self.saved_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.saved_list.customContextMenuRequested.connect(self._saved_menu)
        self.save_button = QPushButton(translate("LibraryPage", "Save the current search…"), side)
        self.save_button.setToolTip(translate("LibraryPage", "Keep the search panel's query and filters under a name"))
        self.save_button.clicked.connect(self.save_search_requested)
        sl.addWidget(title)
        sl.addWidget(self.saved_list, 1)
        sl.addWidget(self.save_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(side)
        split.addWidget(self.table)
        split.setStretchFactor(1, 1)
        split.setSizes([170, 830])
        split.setChildrenCollapsible(True)
        self.stack.addWidget(split)
        self.stack.setCurrentWidget(split)
        self.setFocusProxy(self.table)
        self.fill_saved()
        self.refresh()
        self.is_loaded = True

    # --- the rows ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Compute the matching ids for the filter, kind and order on a worker; the table shows them."""
        q = self.query
        self.query = LibraryQuery(self.filter.text(), self.kind.currentData(), q.sort, q.descending)
        query, source = self.query, self.model.source
        self.count.setText(translate("LibraryPage", "Listing…"))
        self.runner.run_task(lambda: source.ids(query, lambda: False), self._ids_ready, self._failed,
                             key=("library", id(self)), label=translate("LibraryPage", "Listing the library"))

    def _ids_ready(self, ids: list[str]) -> None:
        self.model.set_ids(ids)
        total = self.model.total
        self.count.setText(fill(translate("LibraryPage", "%1 item") if total == 1 else
                                translate("LibraryPage", "%1 items"), format_number(total)))
        self.mark_loaded()

    def _failed(self, error: BaseException) -> None:
        self.count.setText(translate("LibraryPage", "The library could not be listed"))
        self.status_message.emit(fill(translate("LibraryPage", "The library could not be listed: %1"), error))

    def _sort(self, key: str, descending: bool) -> None:
        q = self.query
        self.query = LibraryQuery(q.text, q.kind, key, descending)
        self.refresh()

    def refresh_archive(self, archive: Archive) -> None:
        """The archive was reloaded (an import, an edit): the rows again, same filter and order."""
        self.archive = archive
        self.model.set_source(ArchiveLibrarySource(archive, self._counts()))
        self.refresh()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [i for r in rows if (i := self.model.id_at(r)) is not None]

    def open_rows(self, rows: list[int]) -> None:
        for row in rows[:20]:  # more would flood the tabs
            item_id = self.model.id_at(row)
            if item_id is not None:
                self.open_location.emit(Location("item", item_id))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self.table)
        n = len(ids)
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        menu.addAction(translate("LibraryPage", "Open") if n == 1 else fill(translate("LibraryPage", "Open %1 items"),
                                                                            min(n, 20)), lambda: self.open_rows(rows))
        menu.addAction(translate("LibraryPage",
                                 "Edit metadata…") if n == 1 else fill(translate("LibraryPage",
                                                                                 "Edit metadata of %1 items…"), n),
                       lambda: self.edit_metadata_requested.emit(ids))
        menu.addAction(translate("LibraryPage",
                                 "Export as a BagIt bag…") if n == 1 else fill(translate("LibraryPage",
                                                                                         "Export %1 items as a BagIt "
                                                                                         "bag…"), n),
                       lambda: self.export_requested.emit(ids))
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # --- columns -------------------------------------------------------------------------------------
    def _columns_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(header)
        for column, (_key, label) in enumerate(COLUMNS):
            act = menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(not header.isSectionHidden(column))
            act.setEnabled(column != 0)  # the title always shows
            act.toggled.connect(lambda on, c=column: self.show_column(c, on))
        menu.exec(header.mapToGlobal(pos))
        menu.deleteLater()

    def show_column(self, column: int, on: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not on)
        self._remember_columns()

    def _remember_columns(self) -> None:
        self.settings.setValue("library/header", self.table.horizontalHeader().saveState())

    def _restore_columns(self) -> None:
        header = self.table.horizontalHeader()
        state = self.settings.value("library/header")
        if isinstance(state, QByteArray) and header.restoreState(state):
            return
        for column, width in enumerate((280, 80, 150, 180, 100, 90, 90)):  # title, kind, date, creator, …
            header.resizeSection(column, width)

    # --- saved searches ------------------------------------------------------------------------------
    def fill_saved(self) -> None:
        self.saved_list.clear()
        for search in self.saved:
            entry = QListWidgetItem(search.name)
            entry.setToolTip(search.describe())
            entry.setData(Qt.ItemDataRole.UserRole, search.name)
            self.saved_list.addItem(entry)
        if not len(self.saved):
            entry = QListWidgetItem(translate("LibraryPage",
                                              "None yet. Search, then save the search with the button below."))
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
            self.saved_list.addItem(entry)

    def _saved_clicked(self, entry: QListWidgetItem) -> None:
        search = self.saved.get(str(entry.data(Qt.ItemDataRole.UserRole) or ""))
        if search is not None:
            self.run_saved_search.emit(search)

    def _saved_menu(self, pos: QPoint) -> None:
        entry = self.saved_list.itemAt(pos)
        name = entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None
        if not name:
            return
        menu = QMenu(self.saved_list)
        menu.addAction(translate("LibraryPage", "Run"), lambda: self._saved_clicked(entry))
        menu.addAction(translate("LibraryPage", "Delete"), lambda: (self.saved.delete(str(name)), self.fill_saved()))
        menu.exec(self.saved_list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # --- Page hooks ----------------------------------------------------------------------------------
    def find_text(self, text: str) -> None:
        self.filter.setText(text)

    def show_find(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def copy(self) -> None:
        from PySide6.QtGui import QGuiApplication
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        lines = []
        for row in rows:
            r = self.model.row(row)
            if r is not None:
                lines.append("\t".join((r.title, r.kind, r.date, r.creator, r.added)))
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines))

    def reading_position(self) -> int | None:
        return self.table.rowAt(0) if self.model.total else None

    def go_to_reading_position(self, position: int) -> None:
        while self.model.rowCount() <= position and self.model.canFetchMore():
            self.model.fetchMore()
        self.table.scrollTo(self.model.index(position, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def close_page(self) -> None:
        self.runner.cancel(("library", id(self)))

