"""The gallery's list model: the archive's image items, sorted and filtered, with thumbnails on demand.

The model holds no pictures of its own beyond a bounded set of pixmaps for what was recently shown: the
thumbnail of a row is asked for (through :class:`ThumbnailLoader`) the first time the view paints it, and
arrives later with ``dataChanged``. Problems (a damaged file, a HEIC without its plug-in) are remembered
per item and listed by :meth:`problems`.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPixmap

from ...core.dates import DateError, describe_date
from ...core.images import CachedThumbnail, ImageInfo, ImageProblem
from ...core.model import Item, ItemKind
from .loader import ThumbnailLoader, ThumbRequest, thumbnail_bucket

__all__ = ["GalleryModel", "ItemRoles", "SORT_KEYS", "ProblemEntry"]

SORT_KEYS = ("date", "title", "import")


class ItemRoles:
    ItemId = Qt.ItemDataRole.UserRole + 1
    Item = Qt.ItemDataRole.UserRole + 2
    Thumbnail = Qt.ItemDataRole.UserRole + 3  # QPixmap or None (requests it)
    Status = Qt.ItemDataRole.UserRole + 4  # "loading" | "ready" | "problem"
    Problem = Qt.ItemDataRole.UserRole + 5  # the reason, without the file name
    DateText = Qt.ItemDataRole.UserRole + 6
    Caption = Qt.ItemDataRole.UserRole + 7
    Info = Qt.ItemDataRole.UserRole + 8  # ImageInfo once known


@dataclass(frozen=True)
class ProblemEntry:
    item: Item
    message: str  # names the file
    severity: str  # "error" (nothing shown) or "warning" (shown, something is off)


def _date_text(item: Item) -> str:
    raw = item.metadata.date
    if not raw:
        return ""
    try:
        return describe_date(raw)
    except (DateError, ValueError):
        return raw


class GalleryModel(QAbstractListModel):
    problems_changed = Signal()
    thumbnail_arrived = Signal(str)  # item id (tests and the lightbox wait on it)

    def __init__(self, items: Iterable[Item] = (), loader: ThumbnailLoader | None = None, *,
                 thumb_size: int = 192, device_pixel_ratio: float = 1.0, pixmap_budget: int = 96 << 20,
                 parent=None) -> None:
        super().__init__(parent)
        self.loader = loader
        self._all: list[Item] = []
        self._rows: list[Item] = []
        self._row_of: dict[str, int] = {}
        self._sort = "date"
        self._filter_ids: frozenset[str] | None = None
        self._tag: str | None = None
        self._range: tuple[int, int] | None = None
        self._thumb_size = thumb_size
        self._dpr = device_pixel_ratio
        self._generation = 0
        self._pixmaps: OrderedDict[str, tuple[int, QPixmap]] = OrderedDict()  # id -> (generation, pixmap)
        self._pixmap_bytes = 0
        self.pixmap_budget = pixmap_budget
        self.min_pixmaps = 200
        self._requested: set[str] = set()
        self._checked: set[str] = set()  # items whose file has been read once (thumbnail or problem known)
        self._problems: dict[str, ImageProblem] = {}
        self._info: dict[str, ImageInfo] = {}
        self._date_texts: dict[str, str] = {}
        if loader is not None:
            loader.ready.connect(self._on_ready)
        self.set_items(items)

    # -- Qt model API -------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.model() is not self or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.caption or item.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == ItemRoles.ItemId:
            return item.id
        if role == ItemRoles.Item:
            return item
        if role == ItemRoles.Caption:
            return item.caption or item.title
        if role == ItemRoles.DateText:
            return self._date_texts.get(item.id, "")
        if role in (ItemRoles.Thumbnail, Qt.ItemDataRole.DecorationRole):
            return self._thumbnail(item)
        if role == ItemRoles.Status:
            if item.id in self._problems:
                return "problem"
            return "ready" if item.id in self._pixmaps else "loading"
        if role == ItemRoles.Problem:
            problem = self._problems.get(item.id)
            return problem.reason if problem else None
        if role == ItemRoles.Info:
            return self._info.get(item.id)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.caption or item.title}, {self._date_texts.get(item.id, 'undated')}"
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for name in ("ItemId", "Item", "Thumbnail", "Status", "Problem", "DateText", "Caption", "Info"):
            names[getattr(ItemRoles, name)] = QByteArray(name[0].lower().encode() + name[1:].encode())
        return names

    # -- contents, sorting, filtering ---------------------------------------------------------------------
    def set_items(self, items: Iterable[Item]) -> None:
        self.beginResetModel()
        self._all = [item for item in items if item.kind is ItemKind.IMAGE]
        self._date_texts = {item.id: _date_text(item) for item in self._all}
        keep = {item.id for item in self._all}
        self._problems = {k: v for k, v in self._problems.items() if k in keep}
        self._info = {k: v for k, v in self._info.items() if k in keep}
        self._pixmaps.clear()
        self._pixmap_bytes = 0
        self._requested.clear()
        self._checked &= keep
        self._generation += 1
        if self.loader is not None:
            self.loader.clear()
        self._rebuild()
        self.endResetModel()
        self.problems_changed.emit()

    @property
    def total(self) -> int:
        """Image items in the archive, before filters."""
        return len(self._all)

    @property
    def filtered(self) -> bool:
        return self._filter_ids is not None or self._tag is not None or self._range is not None

    @property
    def sort_key(self) -> str:
        return self._sort

    def tags(self) -> list[str]:
        return sorted({tag for item in self._all for tag in item.tags}, key=str.casefold)

    def sort_by(self, key: str) -> None:
        if key not in SORT_KEYS:
            raise ValueError(f"sort key must be one of {SORT_KEYS}, not {key!r}")
        if key != self._sort:
            self._sort = key
            self._relayout()

    def set_filter_ids(self, ids: Iterable[str] | None) -> None:
        """Show only these items (the current search's hits); ``None`` shows all."""
        self._filter_ids = None if ids is None else frozenset(ids)
        self._relayout()

    def set_tag(self, tag: str | None) -> None:
        self._tag = tag or None
        self._relayout()

    def set_date_range(self, lower: int, upper: int) -> None:
        """Show only items whose date overlaps these ordinal days (the timeline's selection)."""
        self._range = (min(lower, upper), max(lower, upper))
        self._relayout()

    def clear_date_range(self) -> None:
        self._range = None
        self._relayout()

    def clear_filters(self) -> None:
        self._filter_ids, self._tag, self._range = None, None, None
        self._relayout()

    def _relayout(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        rows = [item for item in self._all if self._accepts(item)]
        if self._sort == "date":
            far = (10 ** 9, 10 ** 9)
            rows.sort(key=lambda i: (i.date.sort_key if i.date else far, i.title.casefold(), i.id))
        elif self._sort == "title":
            rows.sort(key=lambda i: ((i.caption or i.title).casefold(), i.id))
        self._rows = rows
        self._row_of = {item.id: row for row, item in enumerate(rows)}

    def _accepts(self, item: Item) -> bool:
        if self._filter_ids is not None and item.id not in self._filter_ids:
            return False
        if self._tag is not None and self._tag not in item.tags:
            return False
        if self._range is not None:
            if item.date is None or not item.date.overlaps_range(*self._range):
                return False
        return True

    # -- rows <-> items -----------------------------------------------------------------------------------
    def item_at(self, row: int) -> Item | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, item_id: str) -> int:
        return self._row_of.get(item_id, -1)

    def items(self) -> Sequence[Item]:
        return tuple(self._rows)

    # -- thumbnails ---------------------------------------------------------------------------------------
    @property
    def thumb_size(self) -> int:
        return self._thumb_size

    def set_thumbnail_size(self, pixels: int, device_pixel_ratio: float | None = None) -> None:
        """Cells change size; shown pixmaps stay as placeholders (scaled) until the new ones arrive."""
        if device_pixel_ratio is not None:
            self._dpr = device_pixel_ratio
        if pixels == self._thumb_size and device_pixel_ratio is None:
            return
        self._thumb_size = pixels
        self._generation += 1  # results of the old size are stale
        self._requested.clear()
        if self.loader is not None:
            self.loader.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1),
                                  [ItemRoles.Thumbnail, Qt.ItemDataRole.DecorationRole])

    def pixmap(self, item_id: str) -> QPixmap | None:
        """The thumbnail shown now, without asking for one."""
        entry = self._pixmaps.get(item_id)
        return entry[1] if entry else None

    def problem(self, item_id: str) -> ImageProblem | None:
        return self._problems.get(item_id)

    def info(self, item_id: str) -> ImageInfo | None:
        return self._info.get(item_id)

    def _display_pixels(self) -> int:
        return max(16, round(self._thumb_size * self._dpr))

    def _thumbnail(self, item: Item) -> QPixmap | None:
        entry = self._pixmaps.get(item.id)
        if entry is not None:
            self._pixmaps.move_to_end(item.id)
        if (entry is None or entry[0] != self._generation) and item.id not in self._problems:
            self._request(item)
        return entry[1] if entry else None

    def _request(self, item: Item) -> None:
        if self.loader is None or item.id in self._requested or item.file is None:
            return
        self._requested.add(item.id)
        display = self._display_pixels()
        dropped = self.loader.request(ThumbRequest(key=item.id, path=item.file, sha256=item.sha256,
                                                   bucket=thumbnail_bucket(display), display=display,
                                                   generation=self._generation))
        self._requested.difference_update(dropped)

    def request_visible(self, first: int, last: int) -> None:
        """Ask for the thumbnails of rows ``first..last`` (prefetch; the view's paint asks anyway)."""
        for row in range(max(0, first), min(last, len(self._rows) - 1) + 1):
            self._thumbnail(self._rows[row])

    @property
    def checked_count(self) -> int:
        return len(self._checked)

    def check_more(self, count: int) -> int:
        """Queue up to ``count`` never-read files for a background check (fills the problems list and the
        disk cache; makes no pixmap). Returns how many were queued; 0 when every file has been read."""
        if self.loader is None:
            return 0
        queued = 0
        for item in self._all:
            if queued >= count:
                break
            if item.id in self._checked or item.id in self._requested or item.file is None:
                continue
            self._requested.add(item.id)
            display = self._display_pixels()
            self.loader.request(ThumbRequest(key=item.id, path=item.file, sha256=item.sha256,
                                             bucket=thumbnail_bucket(display), display=0,
                                             generation=self._generation))
            queued += 1
        return queued

    def _on_ready(self, req: ThumbRequest, image, result: CachedThumbnail) -> None:
        item_id = req.key
        self._checked.add(item_id)
        if req.generation != self._generation:
            return  # stale: the size or the contents changed since it was asked for
        self._requested.discard(item_id)
        if result.info is not None:
            self._info[item_id] = result.info
        changed_problems = False
        if result.problem is not None:
            self._problems[item_id] = result.problem
            changed_problems = True
        elif image is not None and not image.isNull():
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self._dpr)
            self._store(item_id, pixmap)
        if result.info is not None and result.info.warnings:
            changed_problems = True
        row = self._row_of.get(item_id)
        if row is not None and (image is not None or result.problem is not None):
            index = self.index(row)
            self.dataChanged.emit(index, index)
        if changed_problems:
            self.problems_changed.emit()
        self.thumbnail_arrived.emit(item_id)

    def _store(self, item_id: str, pixmap: QPixmap) -> None:
        old = self._pixmaps.pop(item_id, None)
        if old is not None:
            self._pixmap_bytes -= old[1].width() * old[1].height() * 4
        self._pixmaps[item_id] = (self._generation, pixmap)
        self._pixmap_bytes += pixmap.width() * pixmap.height() * 4
        # never fewer than a few screens' worth, or the cells on screen would evict each other in a loop
        while self._pixmap_bytes > self.pixmap_budget and len(self._pixmaps) > self.min_pixmaps:
            _, (_, evicted) = self._pixmaps.popitem(last=False)
            self._pixmap_bytes -= evicted.width() * evicted.height() * 4

    # -- problems -----------------------------------------------------------------------------------------
    def problems(self) -> list[ProblemEntry]:
        """Files that cannot be shown (errors) and shown files with something off (warnings), by file name."""
        out = []
        for item in self._all:
            problem = self._problems.get(item.id)
            if problem is not None:
                out.append(ProblemEntry(item, problem.message, "error"))
            info = self._info.get(item.id)
            if info is not None:
                name = item.file.name if item.file else item.id
                out.extend(ProblemEntry(item, f"{name}: {w}", "warning") for w in info.warnings)
        return out

    def _tooltip(self, item: Item) -> str:
        lines = [item.title]
        if item.caption and item.caption != item.title:
            lines.append(item.caption)
        date = self._date_texts.get(item.id)
        if date:
            lines.append(date)
        problem = self._problems.get(item.id)
        if problem is not None:
            lines.append(f"Cannot be shown: {problem.reason}")
        info = self._info.get(item.id)
        if info is not None:
            lines.append(f"{info.format}, {info.width}×{info.height}")
        return "\n".join(lines)
