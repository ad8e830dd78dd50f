"""The library table's model: all matching ids in order, their rows read a page at a time as they scroll.

The model holds the matching ids (100,000 strings are a few MB) and a bounded cache of rows. ``rowCount``
grows in steps of :data:`FETCH` as the view scrolls (Qt's fetch-more), and a row not in the cache is read
with its page of :data:`PAGE_ROWS` neighbours through a :class:`LibrarySource` - the small interface over
the archive's item queries (``core.library``), so the catalogue answers from SQL.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable, Mapping, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ...core.archive import Archive
from ..i18n import fill, format_date, is_persian, translate
from ...core.library import COLUMNS, LibraryQuery, LibraryRow, library_ids, library_rows

#: core.library's column headings and kinds, for the translation tools (translated where shown)
_WORDS = (QT_TRANSLATE_NOOP("LibraryModel", "Title"), QT_TRANSLATE_NOOP("LibraryModel", "Kind"),
          QT_TRANSLATE_NOOP("LibraryModel", "Date"), QT_TRANSLATE_NOOP("LibraryModel", "Creator / publisher"),
          QT_TRANSLATE_NOOP("LibraryModel", "Added"), QT_TRANSLATE_NOOP("LibraryModel", "Annotations"),
          QT_TRANSLATE_NOOP("LibraryModel", "Held"), QT_TRANSLATE_NOOP("kinds", "Record"),
          QT_TRANSLATE_NOOP("LibraryModel", "with the archive"))

__all__ = ["LibraryModel", "LibrarySource", "ArchiveLibrarySource", "FETCH", "PAGE_ROWS", "IdRole"]

FETCH = 500  # rows added to rowCount per fetch-more
PAGE_ROWS = 200  # rows read together from the source
CACHE_PAGES = 20  # pages of rows kept (the others are read again when scrolled back to)
IdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class LibrarySource(Protocol):
    """Where the table's ids and rows come from (the archive; tests give their own)."""

    def ids(self, query: LibraryQuery, cancelled: Callable[[], bool]) -> list[str]: ...

    def rows(self, ids: list[str]) -> list[LibraryRow]: ...


class ArchiveLibrarySource:
    """The archive's items (and the annotation counts) through ``core.library``."""

    def __init__(self, archive: Archive, counts: Mapping[str, int] | None = None) -> None:
        self.archive, self.counts = archive, dict(counts or {})

    def ids(self, query: LibraryQuery, cancelled: Callable[[], bool] = lambda: False) -> list[str]:
        return library_ids(self.archive, query, self.counts, cancelled)

    def rows(self, ids: list[str]) -> list[LibraryRow]:
        return library_rows(self.archive, ids, self.counts)


class LibraryModel(QAbstractTableModel):
    """One row per matching item; columns of :data:`core.library.COLUMNS`."""

    #: the user clicked a column heading: the page computes the new order off the GUI thread
    sort_requested = Signal(str, bool)  # column key, descending

    def __init__(self, source: LibrarySource, parent: Any = None) -> None:
        super().__init__(parent)
        self.source = source
        self._ids: list[str] = []
        self._shown = 0
        self._pages: OrderedDict[int, dict[str, LibraryRow]] = OrderedDict()
        self.pages_read = 0  # tests: how many pages were read from the source

    # --- content -------------------------------------------------------------------------------------
    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._shown = min(len(self._ids), FETCH)
        self._pages.clear()
        self.endResetModel()

    def set_source(self, source: LibrarySource) -> None:
        self.source = source
        self.beginResetModel()
        self._pages.clear()
        self.endResetModel()

    @property
    def total(self) -> int:
        """Matching items (rows the view may show once it has scrolled to them)."""
        return len(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, item_id: str) -> int:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return -1

    def row(self, row: int) -> LibraryRow | None:
        item_id = self.id_at(row)
        if item_id is None:
            return None
        page = row // PAGE_ROWS
        rows = self._pages.get(page)
        if rows is None:
            start = page * PAGE_ROWS
            chunk = self._ids[start:start + PAGE_ROWS]
            rows = {r.id: r for r in self.source.rows(chunk)}
            self.pages_read += 1
            self._pages[page] = rows
            while len(self._pages) > CACHE_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows.get(item_id)

    # --- Qt model API --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self._shown < len(self._ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = min(FETCH, len(self._ids) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return translate("LibraryModel", COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        if role == IdRole:
            return self.id_at(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole):
            return None
        r = self.row(index.row())
        if r is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if key == "annotations" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "date" and r.date:
                return format_date(r.date) if is_persian() else f"{r.date_words} ({r.date})"
            return r.title if key == "title" else None
        if key == "date":
            return (format_date(r.date) if is_persian() else r.date_words) or r.date
        return {"title": r.title, "kind": translate("kinds", r.kind), "creator": r.creator,
                "added": translate("LibraryModel", r.added) if not r.added[:1].isdigit() else format_date(r.added),
                "annotations": fill("%1", r.annotations) if r.annotations else "",
                "held": translate("LibraryModel", "yes") if r.held else translate("LibraryModel", "no (a record)")}[key]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.sort_requested.emit(COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)
