"""The gallery's list model: the archive's image items, sorted and filtered, with thumbnails on demand.

The model holds no pictures of its own beyond a bounded set of pixmaps for what was recently shown: the
thumbnail of a row is asked for (through :class:`ThumbnailLoader`) the first time the view paints it, and
arrives later with ``dataChanged``. Problems (a damaged file, a HEIC without its plug-in) are remembered
per item and listed by :meth:`problems`.

Building it is cheap, so a 10,000-photo archive paints its first screen at once: given the archive's
``Items``, the model keeps their :class:`~ashraf_desktop.core.archive.ItemRow` s (what a cell sorts, filters
and draws by, answered by the catalogue without building an Item) and fetches a whole Item only when one
is asked for (``item_at``, the ``Item`` role, the problems list); given Items, it keeps those; date texts, captions and tooltips are made in
:meth:`data` for the rows the view asks about (date texts memoised); each sort order is computed once, from
plain tuples, as a permutation of the items, and reused until the items change; the row of an item id is
indexed only when first asked for.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Iterable, Sequence

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPixmap

from ...core.archive import DateError, Item, ItemKind, ItemRow, Items, describe_date
from ...core.images import CachedThumbnail, ImageInfo, ImageProblem
from ..i18n import date_words, fill, translate
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


_FAR = (10 ** 9, 10 ** 9)  # undated items sort last


def _date_sort_key(item: Item) -> tuple:
    span = item.date
    return (span.sort_key if span is not None else _FAR, item.metadata.title.casefold(), item.id)


def _title_sort_key(item: Item) -> tuple:
    return ((item.caption or item.metadata.title).casefold(), item.id)


_SORT_KEY_OF = {"date": _date_sort_key, "title": _title_sort_key}


def _date_text(item: Item) -> str:
    raw = item.metadata.date
    if not raw:
        return ""
    try:
        return date_words(raw)
    except (DateError, ValueError):
        return raw


class GalleryModel(QAbstractListModel):
    problems_changed = Signal()
    thumbnail_arrived = Signal(str)  # item id (tests and the lightbox wait on it)

    def __init__(self, items: Iterable[Item] = (), loader: ThumbnailLoader | None = None, *,
                 thumb_size: int = 192, device_pixel_ratio: float = 1.0, pixmap_budget: int = 32 << 20,
                 parent=None) -> None:
        super().__init__(parent)
        self.loader = loader
        self._all: list[Item | ItemRow] = []
        self._rows: list[Item | ItemRow] = []
        self._fetch: Any = None  # id -> Item, when the model holds rows
        self._row_index: dict[str, int] | None = None  # item id -> row, built when first asked for
        self._position: dict[str, int] | None = None  # item id -> index in _all (problems() order)
        self._orders: dict[str, list[int]] = {}  # sort key -> permutation of _all, computed once
        self._check_cursor = 0
        self._sort = "date"
        self._filter_ids: frozenset[str] | None = None
        self._tag: str | None = None
        self._range: tuple[int, int] | None = None
        self._thumb_size = thumb_size
        self._dpr = device_pixel_ratio
        self._generation = 0
        self._pixmaps: OrderedDict[str, tuple[int, QPixmap]] = OrderedDict()  # id -> (generation, pixmap)
        self._pixmap_bytes = 0
        #: bytes of pixmaps kept; the panel sets it from the viewport (a few screens), see set_cache_window
        self.pixmap_budget = pixmap_budget
        #: never evict below this many (twice a screen), or the cells on screen would evict each other
        self.min_pixmaps = 64
        self._requested: set[str] = set()
        self._checked: set[str] = set()  # items whose file has been read once (thumbnail or problem known)
        self._problems: dict[str, ImageProblem] = {}
        self._info: dict[str, ImageInfo] = {}
        self._date_texts: dict[str, str] = {}  # memo of _date_text, filled by data()
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
            return self._full(item)
        if role == ItemRoles.Caption:
            return item.caption or item.title
        if role == ItemRoles.DateText:
            return self.date_text(item)
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
            return fill(translate("GalleryModel", "%1, %2"), item.caption or item.title,
                        self.date_text(item) or translate("GalleryModel", "undated"))
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for name in ("ItemId", "Item", "Thumbnail", "Status", "Problem", "DateText", "Caption", "Info"):
            names[getattr(ItemRoles, name)] = QByteArray(name[0].lower().encode() + name[1:].encode())
        return names

    # -- contents, sorting, filtering ---------------------------------------------------------------------
    def set_items(self, items: Iterable[Item]) -> None:
        """The photos of ``items``: an archive's ``Items`` (rows from its catalogue, Items built when asked
        for) or any iterable of Items (kept as they are)."""
        self.beginResetModel()
        image = ItemKind.IMAGE
        if isinstance(items, Items):
            self._all, self._fetch = list(items.rows(image)), items.get
        else:
            self._all, self._fetch = [item for item in items if item.kind is image], None
        self._date_texts = {}
        self._orders = {}
        self._position = None
        self._check_cursor = 0
        if self._problems or self._info or self._checked:  # a reload of the same archive keeps what it knows
            keep = set(map(attrgetter("id"), self._all))
            self._problems = {k: v for k, v in self._problems.items() if k in keep}
            self._info = {k: v for k, v in self._info.items() if k in keep}
            self._checked &= keep
        self._pixmaps.clear()
        self._pixmap_bytes = 0
        self._requested.clear()
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

    def _order(self, key: str) -> list[int] | None:
        """Indexes into ``_all`` in ``key`` order (None: import order), computed once per item list."""
        make_key = _SORT_KEY_OF.get(key)
        if make_key is None:
            return None
        order = self._orders.get(key)
        if order is None:
            keys = list(map(make_key, self._all))  # plain tuples, made once
            order = self._orders[key] = sorted(range(len(keys)), key=keys.__getitem__)
        return order

    def _rebuild(self) -> None:
        items, order = self._all, self._order(self._sort)
        ordered = items if order is None else [items[i] for i in order]
        self._rows = [item for item in ordered if self._accepts(item)] if self.filtered else list(ordered)
        self._row_index = None

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
        return self._full(self._rows[row]) if 0 <= row < len(self._rows) else None

    def _full(self, entry: Item | ItemRow) -> Item | None:
        """The Item of a row (fetched from the archive; the model may hold rows only)."""
        if isinstance(entry, Item) or self._fetch is None:
            return entry  # type: ignore[return-value]
        return self._fetch(entry.id)

    def row_of(self, item_id: str) -> int:
        return self._rows_by_id().get(item_id, -1)

    def _rows_by_id(self) -> dict[str, int]:
        if self._row_index is None:
            self._row_index = {item.id: row for row, item in enumerate(self._rows)}
        return self._row_index

    def date_text(self, item: Item) -> str:
        """The item's date in words ("about April 2003"), made when first shown and then remembered."""
        text = self._date_texts.get(item.id)
        if text is None:
            text = self._date_texts[item.id] = _date_text(item)
        return text

    def items(self) -> Sequence[Item | ItemRow]:
        """The rows shown, in order (ItemRows or Items, as given: both have id, title, caption, date, tags,
        file)."""
        return tuple(self._rows)

    def all_items(self) -> tuple[Item | ItemRow, ...]:
        """Every photo of the archive, shown or filtered out (a reload compares them to see what changed)."""
        return tuple(self._all)

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

    def _request(self, item: Item, *, again: bool = False) -> None:
        """Queue ``item``'s thumbnail; ``again`` puts an already queued one back on top (it is on screen)."""
        if self.loader is None or item.file is None:
            return
        if item.id in self._requested:
            if again:
                self.loader.promote(item.id)  # a no-op when a worker is making it already
            return
        self._requested.add(item.id)
        display = self._display_pixels()
        dropped = self.loader.request(ThumbRequest(key=item.id, path=item.file, sha256=item.sha256,
                                                   bucket=thumbnail_bucket(display), display=display,
                                                   generation=self._generation))
        self._requested.difference_update(dropped)

    def request_visible(self, first: int, last: int) -> None:
        """Ask for the thumbnails of rows ``first..last`` so that ``first`` is served first.

        Rows still waiting are put back on top of the loader's stack: a prefetch of the next screen made
        earlier must not be served before what is on screen now.
        """
        rows = self._rows
        for row in range(min(last, len(rows) - 1), max(0, first) - 1, -1):  # last pushed = first served
            item = rows[row]
            entry = self._pixmaps.get(item.id)
            if entry is not None:
                self._pixmaps.move_to_end(item.id)
                if entry[0] == self._generation:
                    continue
            if item.id not in self._problems:
                self._request(item, again=True)

    def set_cache_window(self, cells_on_screen: int, screens: float = 5.0) -> None:
        """Keep pixmaps for about ``screens`` screens of ``cells_on_screen`` cells (the view's size).

        What scrolled further away is evicted (least recently shown first) and comes back from the disk
        cache in about a millisecond, so holding more only costs memory: 1,000 pixmaps of 192 px are 96 MB.
        """
        cells = max(1, cells_on_screen)
        edge = self._display_pixels()
        self.min_pixmaps = 2 * cells
        self.pixmap_budget = max(4 << 20, int(cells * screens) * edge * edge * 4)
        self._evict()

    @property
    def checked_count(self) -> int:
        return len(self._checked)

    def check_more(self, count: int) -> int:
        """Queue up to ``count`` never-read files for a background check (fills the problems list and the
        disk cache; makes no pixmap). Returns how many were queued; 0 when every file has been read."""
        if self.loader is None:
            return 0
        queued, items, total = 0, self._all, len(self._all)
        bucket = thumbnail_bucket(self._display_pixels())
        # A cursor, so a call costs ``count`` items and not a scan of all 10,000; one more pass from the
        # start picks up files whose request fell off the loader's stack meanwhile.
        for _ in range(2):
            while self._check_cursor < total and queued < count:
                item = items[self._check_cursor]
                self._check_cursor += 1
                if item.id in self._checked or item.id in self._requested or item.file is None:
                    continue
                self._requested.add(item.id)
                self.loader.request(ThumbRequest(key=item.id, path=item.file, sha256=item.sha256,
                                                 bucket=bucket, display=0, generation=self._generation))
                queued += 1
            if queued or self._check_cursor < total:
                break
            self._check_cursor = 0
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
        row = self._rows_by_id().get(item_id)
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
        self._evict()

    def _evict(self) -> None:
        # never fewer than a few screens' worth, or the cells on screen would evict each other in a loop
        while self._pixmap_bytes > self.pixmap_budget and len(self._pixmaps) > self.min_pixmaps:
            _, (_, evicted) = self._pixmaps.popitem(last=False)
            self._pixmap_bytes -= evicted.width() * evicted.height() * 4

    # -- problems -----------------------------------------------------------------------------------------
    def problems(self) -> list[ProblemEntry]:
        """Files that cannot be shown (errors) and shown files with something off (warnings), by file name."""
        ids = set(self._problems)
        ids.update(item_id for item_id, info in self._info.items() if info.warnings)
        if not ids:
            return []
        if self._position is None:
            self._position = {item.id: index for index, item in enumerate(self._all)}
        position, out = self._position, []
        for index in sorted(position[i] for i in ids if i in position):  # archive order, not row order
            entry = self._all[index]
            item = self._full(entry)
            if item is None:  # gone from the archive since
                continue
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
        date = self.date_text(item)
        if date:
            lines.append(date)
        problem = self._problems.get(item.id)
        if problem is not None:
            lines.append(fill(translate("GalleryModel", "Cannot be shown: %1"), problem.reason))
        info = self._info.get(item.id)
        if info is not None:
            lines.append(f"{info.format}, {info.width}×{info.height}")
        return "\n".join(lines)
