"""Qt models over a :class:`SearchResult`: the hit list and the facet filters.

The models hold only what the last result gave them and never call the index themselves: the search
panel runs searches through the task runner and hands results in. Asking for the next page is a signal
(``more_wanted``), so the view can fetch in batches without the model knowing about threads.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ..i18n import fill, format_date, format_number, translate
from ..look import icon

__all__ = ["ResultsModel", "FacetsModel", "HitRole", "AnnotationCountRole", "FacetRow", "FACET_GROUPS",
           "filters_from_checked"]

HitRole = Qt.ItemDataRole.UserRole + 1
FacetRowRole = Qt.ItemDataRole.UserRole + 2
AnnotationCountRole = Qt.ItemDataRole.UserRole + 3  # annotations on the hit's item (0 for none)

_KIND_ICONS = {"document": "file-text", "image": "image", "record": "bookmark", "event": "calendar",
               "annotation": "quote", "fact": "info"}
_KIND_LABELS = {"document": QT_TRANSLATE_NOOP("kinds", "Document"), "image": QT_TRANSLATE_NOOP("kinds", "Image"),
                "record": QT_TRANSLATE_NOOP("kinds", "Record (not held)"), "event": QT_TRANSLATE_NOOP("kinds", "Event"),
                "annotation": QT_TRANSLATE_NOOP("kinds", "Annotation"),
                "fact": QT_TRANSLATE_NOOP("kinds", "Fact (each source's value)")}

#: facet name in SearchResult.facets -> (heading, Filters field); the heading is translated where shown
FACET_GROUPS: dict[str, tuple[str, str]] = {
    "kind": (QT_TRANSLATE_NOOP("FacetsModel", "Kind"), "kinds"),
    "decade": (QT_TRANSLATE_NOOP("FacetsModel", "Decade"), "decades"),
    "year": (QT_TRANSLATE_NOOP("FacetsModel", "Year"), "years"),
    "tag": (QT_TRANSLATE_NOOP("FacetsModel", "Tag"), "tags"),
    "language": (QT_TRANSLATE_NOOP("FacetsModel", "Language"), "languages"),
    "publisher": (QT_TRANSLATE_NOOP("FacetsModel", "Publisher"), "publishers"),
}

Index = QModelIndex | QPersistentModelIndex


def kind_icon_name(kind: str) -> str:
    return _KIND_ICONS.get(kind, "file")


def kind_label(kind: str) -> str:
    return translate("kinds", _KIND_LABELS[kind]) if kind in _KIND_LABELS else kind.capitalize()


class ResultsModel(QAbstractListModel):
    """One row per hit of the current query, in the order the index returned them."""

    more_wanted = Signal(int)  # the next page number the view would like

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hits: list[Any] = []
        self._total = 0
        self._page = 0
        self._fetching = False
        self.query = ""
        self._annotation_counts: dict[str, int] = {}

    # --- feeding -------------------------------------------------------------------------------------
    def set_result(self, result: Any) -> None:
        """Replace the rows with the first page of a new result."""
        self.beginResetModel()
        self._hits = list(result.hits) if result is not None else []
        self._total = result.total if result is not None else 0
        self._page = result.page if result is not None else 0
        self.query = result.query if result is not None else ""
        self._fetching = False
        self.endResetModel()

    def append_page(self, result: Any) -> None:
        """Add the rows of a following page (asked for by :meth:`fetchMore`)."""
        self._fetching = False
        if result is None or result.page != self._page + 1 or not result.hits:
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(result.hits) - 1)
        self._hits.extend(result.hits)
        self._page = result.page
        self.endInsertRows()

    def clear(self) -> None:
        self.set_result(None)

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """Annotations per item id, shown as "✎ 3" on the item's results."""
        if counts == self._annotation_counts:
            return
        self._annotation_counts = dict(counts)
        if self._hits:
            self.dataChanged.emit(self.index(0), self.index(len(self._hits) - 1), [AnnotationCountRole])

    def annotation_count(self, hit: Any) -> int:
        if hit is None or hit.kind in ("event", "annotation"):
            return 0
        return self._annotation_counts.get(hit.item_id or hit.id, 0)

    @property
    def total(self) -> int:
        return self._total

    def set_total(self, total: int) -> None:
        """The exact count of a result first shown with an estimate ("about N"): more pages as far as it."""
        self._total = total

    def hit(self, row: int) -> Any | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    # --- Qt model API --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [hit.title, kind_label(hit.kind)]
            if hit.date:
                parts.append(format_date(hit.date))
            if hit.publisher:
                parts.append(hit.publisher)
            return "\n".join(parts)
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(kind_icon_name(hit.kind))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return fill(translate("ResultsModel", "%1: %2. %3"), kind_label(hit.kind), hit.title, hit.snippet)
        if role == HitRole:
            return hit
        if role == AnnotationCountRole:
            return self.annotation_count(hit)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._fetching and 0 < len(self._hits) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._fetching = True
            self.more_wanted.emit(self._page + 1)


@dataclass(frozen=True)
class FacetRow:
    """A heading ("Decade") or a checkable value ("2000s", 12 hits) of one facet group."""

    group: str
    value: Any = None  # None for a heading
    count: int = 0
    checked: bool = False

    @property
    def is_heading(self) -> bool:
        return self.value is None

    @property
    def label(self) -> str:
        if self.is_heading:
            return translate("FacetsModel", FACET_GROUPS[self.group][0]) if self.group in FACET_GROUPS \
                else self.group.capitalize()
        if self.group == "kind":
            text = kind_label(str(self.value))
        elif self.group in ("year", "decade") and str(self.value).lstrip("-").isdigit():
            text = _period_label(self.group, int(self.value))
        else:
            text = str(self.value)
        return fill(translate("FacetsModel", "%1  (%2)"), text, format_number(self.count))


def _period_label(group: str, year: int) -> str:
    """A year or decade facet as readers write it: "1986", "1980s", "1000 BCE", "1000 BCE – 991 BCE"
    (astronomical years: year 0 is 1 BCE; core.archive.days)."""
    from ...core.archive import year_words
    if group == "year":
        return fill("%1", year) if year >= 1 else year_words(year)  # the interface's digits
    if year >= 1:
        return fill(translate("FacetsModel", "%1s"), year)
    return f"{year_words(year)} – {year_words(year + 9)}"


def filters_from_checked(checked: dict[str, set[Any]], base: Any = None) -> Any:
    """A search ``Filters`` with the checked facet values (other fields taken from ``base``)."""
    from ...core.search import Filters  # local import: the model stays usable without an index in tests
    result = base if base is not None else Filters()
    values = {FACET_GROUPS[g][1]: frozenset(_filter_value(g, x) for x in v)
              for g, v in checked.items() if g in FACET_GROUPS}
    return replace(result, **values)


def _filter_value(group: str, value: Any) -> Any:
    """Facets arrive as text ("2003", "2000"); the year and decade filters take numbers."""
    if group in ("year", "decade"):
        try:
            return int(str(value).rstrip("s"))
        except ValueError:
            return value
    return value


class FacetsModel(QAbstractListModel):
    """Facet groups flattened into one list: a bold heading row, then its checkable values with counts.

    Checked values survive a new result even when their count drops to 0, so a filter the user set can
    always be unset from where it was set.
    """

    checked_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[FacetRow] = []
        self._checked: dict[str, set[Any]] = {}

    def set_facets(self, facets: dict[str, Iterable[tuple[Any, int]]] | None) -> None:
        rows: list[FacetRow] = []
        facets = facets or {}
        for group in list(FACET_GROUPS) + [g for g in facets if g not in FACET_GROUPS]:
            values = list(facets.get(group, ()))
            seen = {v for v, _ in values}
            values += [(v, 0) for v in sorted(self._checked.get(group, ()), key=str) if v not in seen]
            values = [(v, c) for v, c in values if c > 0 or v in self._checked.get(group, ())]
            if not values:
                continue
            rows.append(FacetRow(group))
            rows.extend(FacetRow(group, v, c, v in self._checked.get(group, ())) for v, c in values)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def checked(self) -> dict[str, set[Any]]:
        return {g: set(v) for g, v in self._checked.items() if v}

    def set_checked(self, checked: dict[str, set[Any]]) -> None:
        """Tick exactly these values (a saved search run again); the next result lists them."""
        self._checked = {g: set(v) for g, v in checked.items() if v}
        self._rows = [replace(r, checked=not r.is_heading and r.value in self._checked.get(r.group, ()))
                      for r in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.CheckStateRole])

    def clear_checked(self) -> None:
        if not any(self._checked.values()):
            return
        self._checked.clear()
        self._rows = [replace(r, checked=False) for r in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()

    def row(self, row: int) -> FacetRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, group: str, value: Any) -> QModelIndex:
        for i, r in enumerate(self._rows):
            if r.group == group and r.value == value:
                return self.index(i)
        return QModelIndex()

    # --- Qt model API --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return r.label
        if role == Qt.ItemDataRole.CheckStateRole and not r.is_heading:
            return Qt.CheckState.Checked if r.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and r.is_heading:
            from PySide6.QtGui import QFont
            font = QFont()
            font.setBold(True)
            return font
        if role == FacetRowRole:
            return r
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        r = self._rows[index.row()]
        if r.is_heading:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        r = self._rows[index.row()]
        if r.is_heading:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        on = state == Qt.CheckState.Checked
        group = self._checked.setdefault(r.group, set())
        (group.add if on else group.discard)(r.value)
        self._rows[index.row()] = replace(r, checked=on)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True
