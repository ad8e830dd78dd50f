"""Qt models over a concordance that is still being read: its lines, and its counts per document and per year.

Both are filled a step at a time from :class:`~ashraf_desktop.core.concordance.Step` objects (the GUI thread
owns everything here; the worker only sends steps). Sorting uses the core's :func:`sort_lines`; while lines
are still arriving under a sort other than reading order, they are appended and the whole is sorted again a
little later (sorting 50,000 lines on every step would make typing wait).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

from ...core.concordance import Line, Source, Step, sort_lines
from ..i18n import format_date, format_number

__all__ = ["LinesModel", "CountsModel", "LINE_ROLE", "SOURCE_ROLE", "YEAR_ROLE"]

LINE_ROLE = Qt.ItemDataRole.UserRole + 1
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 2
YEAR_ROLE = Qt.ItemDataRole.UserRole + 3
_Index = QModelIndex | QPersistentModelIndex
RESORT_MS = 400


class LinesModel(QAbstractTableModel):
    """One row per kept line: Document | Date | the line (painted by ``KwicDelegate``)."""

    COL_SOURCE, COL_DATE, COL_LINE = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Line] = []
        self._rows: list[Line] = []
        self._sort_key, self._descending = "source", False
        self._only_source: Source | None = None
        self._only_year: int | None | bool = False  # False: every year; None: the undated
        self._resort = QTimer(self)
        self._resort.setSingleShot(True)
        self._resort.setInterval(RESORT_MS)
        self._resort.timeout.connect(self._apply)

    # --- filling --------------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.beginResetModel()
        self._all, self._rows = [], []
        self._only_source, self._only_year = None, False
        self.endResetModel()

    def add(self, lines: tuple[Line, ...]) -> None:
        if not lines:
            return
        self._all.extend(lines)
        new = [ln for ln in lines if self._keeps(ln)]
        if not new:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
        self._rows.extend(new)
        self.endInsertRows()
        if self._sort_key != "source" or self._descending:
            self._resort.start()

    # --- what is shown --------------------------------------------------------------------------------------
    def _keeps(self, line: Line) -> bool:
        if self._only_source is not None and line.source != self._only_source:
            return False
        return self._only_year is False or line.source.year == self._only_year

    def set_only(self, source: Source | None = None, year: int | None | bool = False) -> None:
        """Show only the lines of one document, or of one year (``None``: undated); neither: all lines."""
        self._only_source, self._only_year = source, year
        self._apply()

    def sort_by(self, key: str, descending: bool = False) -> None:
        self._sort_key, self._descending = key, descending
        self._apply()

    @property
    def sort_key(self) -> str:
        return self._sort_key

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # header clicks
        key = {self.COL_SOURCE: "source", self.COL_DATE: "source"}.get(column, self._sort_key)
        self.sort_by(key, order == Qt.SortOrder.DescendingOrder)

    def _apply(self) -> None:
        self._resort.stop()
        self.layoutAboutToBeChanged.emit()
        rows = [ln for ln in self._all if self._keeps(ln)]
        self._rows = sort_lines(rows, self._sort_key, self._descending)
        self.layoutChanged.emit()

    @property
    def kept(self) -> int:
        """Lines received, shown or not."""
        return len(self._all)

    def lines(self) -> list[Line]:
        """The lines shown, in the order shown (what an export writes)."""
        return list(self._rows)

    def line(self, row: int) -> Line | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- Qt -------------------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Document"), self.tr("Date"), self.tr("In context"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        col = index.column()
        if role == LINE_ROLE:
            return line
        if role == SOURCE_ROLE:
            return line.source
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == self.COL_SOURCE:
                return line.source.title
            if col == self.COL_DATE:
                return format_date(line.source.date)
            return f"{line.before}{line.match}{line.after}"
        if role == Qt.ItemDataRole.ToolTipRole:
            where = self.tr("page %1").replace("%1", format_number(line.page)) if line.page else ""
            return " · ".join(x for x in (line.source.title, format_date(line.source.date), where) if x)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and col == self.COL_LINE:
            return self.tr("Occurrence of “%1” in %2").replace("%1", line.match).replace("%2", line.source.title)
        return None


class CountsModel(QAbstractTableModel):
    """Occurrences per document (most first) or per year (in time order): Label | Count."""

    def __init__(self, per: str, parent: Any = None) -> None:
        super().__init__(parent)
        if per not in ("document", "year"):
            raise ValueError(per)
        self.per = per
        self._counts: Counter = Counter()
        self._rows: list[tuple[Any, int]] = []
        self._dirty = QTimer(self)
        self._dirty.setSingleShot(True)
        self._dirty.setInterval(150)
        self._dirty.timeout.connect(self.refresh)

    def clear(self) -> None:
        self.beginResetModel()
        self._counts.clear()
        self._rows = []
        self.endResetModel()

    def add(self, step: Step) -> None:
        for source, n in step.counted:
            self._counts[source if self.per == "document" else source.year] += n
        if step.counted:
            if step.finished:
                self.refresh()
            elif not self._dirty.isActive():
                self._dirty.start()

    def refresh(self) -> None:
        self._dirty.stop()
        self.beginResetModel()
        if self.per == "document":
            self._rows = sorted(self._counts.items(), key=lambda kv: (-kv[1], kv[0].title.casefold(), kv[0].id))
        else:
            self._rows = sorted(self._counts.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
        self.endResetModel()

    @property
    def total(self) -> int:
        return sum(self._counts.values())

    @property
    def distinct(self) -> int:
        """Documents (or years) counted so far."""
        return len(self._counts)

    def key(self, row: int) -> Any:
        return self._rows[row][0]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        label = self.tr("Document") if self.per == "document" else self.tr("Year")
        return (label, self.tr("Occurrences"))[section]

    def _label(self, key: Any) -> str:
        if self.per == "document":
            return key.title
        if key is None:
            return self.tr("Undated")
        return format_date(str(key)) if key > 0 else str(key)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key, count = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._label(key) if index.column() == 0 else format_number(count)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SOURCE_ROLE and self.per == "document":
            return key
        if role == YEAR_ROLE and self.per == "year":
            return key
        if role == Qt.ItemDataRole.ToolTipRole and self.per == "document":
            return " · ".join(x for x in (key.title, format_date(key.date)) if x)
        return None
