"""Paints the timeline onto any QPainter (a widget, a QImage, an SVG) and answers "what is at this point?".

The renderer holds the view state (scale, size, selection, hover, search hits, brushed range) over a
:class:`~ashraf_desktop.core.timeline.TimelineModel`; it owns no widget, so tests and the benchmark can
paint it into a QImage without a screen, and export paints exactly what the screen shows.

Vertical bands, top to bottom: the axis (context row and tick labels), the event lanes, a row of
cluster badges ("+N" where more events than fit), and the dated items (documents, images, records).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPainterPath,
                           QPen, QPolygonF)

from ...core.archive import Archive, ItemKind
from ..i18n import axis_calendar, date_words, fill, range_words, translate
from ..search.models import kind_label
from .words import style_words
from ...core.timeline import (Cluster, Layout, Mark, MarkStyle, Scale, Shape, TextWidth, TimelineData,
                              TimelineModel, ticks)

__all__ = ["TimelineRenderer", "Hit", "Palette"]


class Palette:
    """The chart's colours in the light and the dark theme (:meth:`use` switches; the legend and the details
    follow). Both keep the distinctions the legend explains readable: event blue, disputed orange, the three
    item kinds, the search hit's amber ring."""

    _THEMES: dict[str, dict[str, str | tuple[int, int, int, int]]] = {
        "light": {
            "paper": "#ffffff", "ink": "#1b1b1b", "muted": "#5a5a5a", "axis_bg": "#f1efe9", "axis_line": "#8a857b",
            "grid": "#e7e4dc", "grid_minor": "#f3f1ec", "band_bg": "#f7f6f2", "event": "#2c5d8f",
            "event_light": (44, 93, 143, 70), "disputed": "#b04a00", "hit": "#e0a100", "hit_light": "#fff1b3",
            "selection": "#d5e4f5", "selection_edge": "#0b2c4f", "cluster": "#555555", "cluster_text": "#ffffff",
            "brush": (44, 93, 143, 38), "brush_edge": "#2c5d8f", "hatch": (255, 255, 255, 235),
            "document": "#2e7d32", "image": "#7b1fa2", "record": "#6b6b6b"},
        "dark": {
            "paper": "#1b1e22", "ink": "#e6e6e6", "muted": "#a3a8b0", "axis_bg": "#262a2f", "axis_line": "#737a83",
            "grid": "#30353b", "grid_minor": "#24282d", "band_bg": "#212529", "event": "#74aef0",
            "event_light": (116, 174, 240, 80), "disputed": "#ff9e57", "hit": "#ffc83d", "hit_light": "#5a4a10",
            "selection": "#253f5e", "selection_edge": "#9cc3f5", "cluster": "#8d949d", "cluster_text": "#111316",
            "brush": (116, 174, 240, 45), "brush_edge": "#74aef0", "hatch": (27, 30, 34, 235),
            "document": "#6cc070", "image": "#d29be0", "record": "#a5a5a5"},
    }
    theme = "light"
    paper = ink = muted = axis_bg = axis_line = grid = grid_minor = band_bg = event = event_light = QColor()
    disputed = hit = hit_light = selection = selection_edge = cluster = cluster_text = brush = brush_edge = QColor()
    hatch = QColor()
    kinds: dict[ItemKind, QColor] = {}

    @classmethod
    def use(cls, theme: str) -> None:
        """Paint with ``theme``'s colours ("light" or "dark") from now on."""
        values = cls._THEMES.get(theme, cls._THEMES["light"])
        cls.theme = theme if theme in cls._THEMES else "light"
        for name, value in values.items():
            setattr(cls, name, QColor(*value) if isinstance(value, tuple) else QColor(value))
        cls.kinds = {ItemKind.DOCUMENT: QColor(values["document"]), ItemKind.IMAGE: QColor(values["image"]),
                     ItemKind.RECORD: QColor(values["record"])}


Palette.use("light")


@dataclass(frozen=True)
class Hit:
    kind: str  # "event", "item" or "cluster"
    id: str = ""
    cluster: Cluster | None = None


@dataclass(frozen=True)
class Placed:
    """A mark where it is drawn on screen now."""

    kind: str  # "event" or "item"
    mark: Mark
    style: MarkStyle
    shape_rect: QRectF  # the drawn date (point, span or bar), clipped to a sane range
    label_rect: QRectF  # empty if no room for a label
    label: str  # elided title


_CLIP = 120.0  # how far off screen a long bar is drawn (its fade and end caps stay off screen)


class TimelineRenderer:
    AXIS_H = 44.0
    LANE_H = 32.0  # a mark and its label under it
    CLUSTER_H = 22.0
    ITEM_HEADER_H = 16.0
    ITEM_LANE_H = 30.0
    #: the view is this tall or more: two lanes of dated items (less: one, so the events keep their lanes)
    TWO_ITEM_LANES_FROM = 420.0
    MARK_H = 12.0  # height of a span bar
    MIN_SPAN_PX = 6.0

    def __init__(self, font: QFont | None = None) -> None:
        self.font = QFont(font) if font is not None else QFont()
        if self.font.pointSizeF() > 0:
            self.font.setPointSizeF(max(self.font.pointSizeF(), 9.0))
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.small = QFont(self.font)
        if self.small.pointSizeF() > 0:
            self.small.setPointSizeF(self.font.pointSizeF() * 0.9)
        self.fm = QFontMetricsF(self.font)
        self.fm_bold = QFontMetricsF(self.bold)
        self.fm_small = QFontMetricsF(self.small)
        self.model = TimelineModel(label_width=self.fm.horizontalAdvance)
        self.width = 800.0
        self.height = 400.0
        self.scale = Scale(0.0, 1.0)
        self.selected_id: str | None = None
        self.hover_id: str | None = None
        self.hit_events: frozenset[str] = frozenset()
        self.hit_items: frozenset[str] = frozenset()
        self.brush: tuple[int, int] | None = None  # the selected range (inclusive days)
        self.drag_brush: tuple[float, float] | None = None  # x pixels while dragging
        self._elided: dict[tuple[str, int], tuple[str, float]] = {}
        self._hatch_brush: QBrush | None = None
        self.fit_all()

    # ------------------------------------------------------------------ state
    def set_archive(self, archive: Archive | None) -> None:
        self._elided.clear()
        self.model.set_archive(archive)
        self.selected_id = self.hover_id = None
        self.hit_events = self.hit_items = frozenset()
        self.fit_all()

    def adopt(self, data: TimelineData, *, keep_view: bool = False) -> None:
        """Show what :meth:`TimelineModel.prepare` made on a worker. The search hits marked meanwhile stay;
        with ``keep_view`` (the same archive, items added) the zoom and the selection stay too."""
        at_fit, scale = self.at_fit, self.scale
        self._elided.clear()
        self.model.adopt(data)
        if self.selected_id is not None and self.model.event(self.selected_id) is None \
                and self.model.dated_item(self.selected_id) is None:
            self.selected_id = None
        if not keep_view:
            self.hover_id = None
        if keep_view and not at_fit:
            self.scale = scale
        else:
            self.fit_all()

    def text_widths(self) -> TextWidth:
        """A label width function that a worker may call (QFontMetrics belongs to the GUI thread): each
        character's advance measured here, once, and summed there. Kerning and shaping are left out:
        packing needs a label's width only roughly (up to 72 px) and painting elides exactly."""
        fm = self.fm
        table = {c: fm.horizontalAdvance(c) for c in map(chr, [*range(32, 127), *range(0x600, 0x700)])}
        average = fm.averageCharWidth()
        return lambda text: sum(table.get(c, average) for c in text)

    def resize(self, width: float, height: float) -> None:
        self.width, self.height = max(float(width), 50.0), max(float(height), 120.0)

    #: room kept free at the ends by "fit all": labels and "+N" badges run to the right of their dates
    FIT_MARGIN_LEFT = 28.0
    FIT_MARGIN_RIGHT = 140.0

    def fit_all(self) -> None:
        lower, upper = self.model.full_range()
        right = min(self.FIT_MARGIN_RIGHT, max(60.0, self.width * 0.16))
        self.scale = self._fit_scale = Scale.fit(lower, upper, self.width, margin_px=self.FIT_MARGIN_LEFT,
                                                 margin_right_px=right)

    @property
    def at_fit(self) -> bool:
        """True while the view is as "fit all" left it (a resize then fits again rather than crops)."""
        return self.scale == self._fit_scale

    def fit_range(self, lower: float, upper: float) -> None:
        # the zoom-out limit stays the archive's (deep time: "fit all" may show millions of years)
        self.scale = Scale.fit(lower, upper, self.width, margin_px=48.0, margin_right_px=self.FIT_MARGIN_RIGHT,
                               max_dpp=self._fit_scale.max_dpp)

    def zoom_into(self, cluster: Cluster) -> None:
        """Show a cluster's period; if that is no closer (a long bar in it), zoom in 2.5× on its badge."""
        before = self.scale
        fitted = Scale.fit(cluster.lower, cluster.upper, self.width, margin_px=48.0,
                           margin_right_px=self.FIT_MARGIN_RIGHT, max_dpp=self._fit_scale.max_dpp)
        if fitted.days_per_px < before.days_per_px / 1.5:
            self.scale = fitted
        else:
            self.scale = before.zoomed(2.5, before.x(cluster.center))

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        self.scale = self.scale.zoomed(factor, self.width / 2 if anchor_x is None else anchor_x)

    def pan_by(self, dx: float) -> None:
        self.scale = self.scale.panned(dx)

    def visible_days(self) -> tuple[float, float]:
        return self.scale.day(0.0), self.scale.day(self.width)

    def ensure_visible(self, ident: str) -> None:
        """Scroll until the event or item is drawn on screen, with room for its label.

        The selection is never clustered (see :func:`~ashraf_desktop.core.timeline.pack`, ``pinned``), so
        selecting an event needs no zoom; for anything else not selected, zoom in until it is placed.
        """
        entry = self.model.entry(ident)
        if entry is None:
            return
        x0, x1 = self.scale.x(entry.lower), self.scale.x(entry.upper)
        room = min(160.0, self.width * 0.3)  # for the label, right of the mark's start
        left, right = 24.0, self.width - room
        if x1 - x0 > right - left:  # a bar longer than the view: show its start, unless some of it shows
            dx = 0.0 if x1 >= 60 and x0 <= right else 60 - x0
        else:
            dx = left - x0 if x0 < left else right - x0 if x0 > right else 0.0
        if abs(dx) > self.width / 2:  # far away: centre it rather than leave it at the edge
            dx = self.width / 2 - (x0 + min(x1, x0 + self.width / 2)) / 2
        if dx:
            self.scale = self.scale.panned(dx)
        for _ in range(16):
            if ident in self._placed_ids() or self.scale.days_per_px <= 0.05:
                return  # placed, or lanes are full even at a day scale (the panel is too low)
            center = (entry.lower + min(entry.upper, entry.lower + 1)) / 2
            self.scale = self.scale.zoomed(1.6, self.scale.x(center))

    def _placed_ids(self) -> set[str]:
        return self.event_layout().placed_ids | self.item_layout().placed_ids

    # ------------------------------------------------------------------ geometry
    BOTTOM_PAD = 6.0  # the last item lane's label stays clear of the bottom edge

    @property
    def item_lanes(self) -> int:
        """Lanes for the dated items: none without any, one in a low view (the events come first), else two;
        as many as fit when the archive has no events (a collection of dated documents or photos)."""
        if not self.model.items:
            return 0
        if not self.model.events:
            room = self.height - self.events_top - self.CLUSTER_H - self.ITEM_HEADER_H - self.BOTTOM_PAD
            return max(1, int(room // self.ITEM_LANE_H))
        return 2 if self.height >= self.TWO_ITEM_LANES_FROM else 1

    @property
    def items_top(self) -> float:
        lanes = self.item_lanes
        if not lanes:
            return self.height - self.BOTTOM_PAD
        return self.height - (self.ITEM_HEADER_H + lanes * self.ITEM_LANE_H) - self.BOTTOM_PAD

    @property
    def clusters_top(self) -> float:
        return self.items_top - self.CLUSTER_H

    @property
    def events_top(self) -> float:
        return self.AXIS_H + 6.0

    @property
    def max_event_lanes(self) -> int:
        return max(1, int((self.clusters_top - self.events_top) // self.LANE_H))

    def event_layout(self) -> Layout:
        return self.model.event_layout(self.scale.days_per_px, self.max_event_lanes, pinned=self.selected_id)

    def item_layout(self) -> Layout:
        return self.model.item_layout(self.scale.days_per_px, max(1, self.item_lanes), pinned=self.selected_id)

    def _lane_top(self, kind: str, lane: int) -> float:
        if kind == "event":
            return self.events_top + lane * self.LANE_H
        return self.items_top + self.ITEM_HEADER_H + lane * self.ITEM_LANE_H

    def _x(self, day: float) -> float:
        # far-off ends are drawn just off screen: rasterising a 50,000 px bar costs 100 times a short one
        return min(max(self.scale.x(day), -_CLIP), self.width + _CLIP)

    def placed(self) -> Iterator[Placed]:
        """Every mark visible now, events then items, with its shape and label rectangles."""
        lo, hi = self.visible_days()
        margin = 40 * self.scale.days_per_px
        for kind, layout in (("event", self.event_layout()), ("item", self.item_layout())):
            for mark in layout.visible(lo - margin, hi + margin):
                yield self._place(kind, mark)

    def _place(self, kind: str, mark: Mark) -> Placed:
        entry = mark.entry
        style = self.model.style(entry.id)
        assert style is not None
        top = self._lane_top(kind, mark.lane)
        cy = top + 9.0
        x0, x1 = self._x(entry.lower), self._x(entry.upper)
        if style.shape is Shape.POINT:
            c = (x0 + x1) / 2
            shape = QRectF(c - 6, cy - 6, 12, 12)
        else:
            if x1 - x0 < self.MIN_SPAN_PX:
                c = (x0 + x1) / 2
                x0, x1 = c - self.MIN_SPAN_PX / 2, c + self.MIN_SPAN_PX / 2
            shape = QRectF(x0, cy - self.MARK_H / 2, x1 - x0, self.MARK_H)
        # the label sits under the mark, from its left edge (kept on screen for long bars) to the next mark
        label_x = shape.left()
        if label_x < 4 and shape.right() > 80:
            label_x = 4.0
        limit = self._x(mark.next_start) - 4 if math.isfinite(mark.next_start) else self.width + 400
        if shape.right() < self.width:  # a mark on screen keeps its label on screen too (elided, not cut)
            limit = min(limit, self.width - 4)
        available = min(limit - label_x, self.model.max_label_px)
        title = self._title(kind, entry.id)
        prefix = "≠ " if style.disputed else ""
        label, width = "", 0.0
        if available >= 28:
            label, width = self._elide(entry.id, prefix + title, entry.label_width + (12 if prefix else 0), available)
        label_rect = QRectF(label_x, cy + 7.0, width, self.fm.height()) if label else QRectF()
        return Placed(kind, mark, style, shape, label_rect, label)

    def _elide(self, ident: str, text: str, full_width: float, available: float) -> tuple[str, float]:
        """The title cut to ``available`` pixels, cached: the gap to the next mark does not change on pan."""
        if full_width + 2 <= available and full_width < self.model.max_label_px - 1:
            key = (ident, -1)
        else:
            key = (ident, int(available))
        cached = self._elided.get(key)
        if cached is None:
            if len(self._elided) > 20_000:
                self._elided.clear()
            label = self.fm.elidedText(text, Qt.TextElideMode.ElideRight, available)
            if label in ("", "…") or label.endswith(" …") and len(label) <= 3:
                label = ""
            cached = self._elided[key] = (label, self.fm.horizontalAdvance(label) if label else 0.0)
        return cached

    def _title(self, kind: str, ident: str) -> str:
        if kind == "event":
            event = self.model.event(ident)
            return event.title if event else ident
        row = self.model.dated_item(ident)  # the row the timeline holds: no Item built to paint a title
        return row.title if row else ident

    def _cluster_rect(self, kind: str, cluster: Cluster) -> QRectF:
        text = f"+{cluster.count}"
        w = self.fm_bold.horizontalAdvance(text) + 12
        x = self._x(cluster.center)
        if 0 <= x <= self.width:  # a badge for a period on screen is drawn whole, not cut by the edge
            x = min(max(x, w / 2 + 2), self.width - w / 2 - 2)
        y = self.clusters_top + 3 if kind == "event" else self.items_top + 1
        h = self.CLUSTER_H - 6 if kind == "event" else self.ITEM_HEADER_H - 2
        return QRectF(x - w / 2, y, w, h)

    def hit_test(self, pos: QPointF) -> Hit | None:
        lo, hi = self.visible_days()
        for kind, layout in (("event", self.event_layout()), ("item", self.item_layout())):
            for cluster in layout.visible_clusters(lo, hi):
                if self._cluster_rect(kind, cluster).adjusted(-2, -2, 2, 2).contains(pos):
                    return Hit("cluster", cluster=cluster)
        best: tuple[float, Placed] | None = None
        for placed in self.placed():
            shape = placed.shape_rect.adjusted(-4, -5, 4, 5)
            if shape.contains(pos) or (placed.label and placed.label_rect.adjusted(-2, -1, 2, 1).contains(pos)):
                # prefer the mark whose start is nearest (long bars should not swallow points on them)
                distance = abs(pos.x() - placed.shape_rect.center().x()) if placed.style.shape is Shape.POINT else \
                    abs(pos.x() - max(placed.shape_rect.left(), 0))
                if best is None or distance < best[0]:
                    best = (distance, placed)
        if best is not None:
            return Hit(best[1].kind, best[1].mark.entry.id)
        return None

    def tooltip(self, hit: Hit) -> str:
        if hit.kind == "cluster" and hit.cluster is not None:
            c = hit.cluster
            return fill(translate("TimelineRenderer", "%1 more entry here, %2.\nClick to zoom in.") if c.count == 1
                        else translate("TimelineRenderer", "%1 more entries here, %2.\nClick to zoom in."),
                        c.count, range_words(int(c.lower), int(c.upper) - 1))
        style = self.model.style(hit.id)
        if hit.kind == "event":
            event = self.model.event(hit.id)
            if event is None:
                return ""
            lines = [event.title, f"{date_words(event.date.edtf)}  ({event.date.edtf})"]
            if style is not None:
                lines.append(style_words(style).capitalize())
            if event.disputed:
                views = self.model.claims(event.id)
                lines.append(translate("TimelineRenderer", "The sources give different dates:"))
                lines += [f"  • {date_words(v.value) if v.span else v.words} — {v.item_title}" for v in views]
            return "\n".join(lines)
        item = self.model.item(hit.id)
        if item is None or item.date is None:
            return ""
        return f"{item.title}\n{date_words(item.date.edtf)}  ({item.date.edtf})\n{kind_label(str(item.kind))}" + \
            ("" if item.is_held else translate("TimelineRenderer", " (not held by the archive)"))

    # ------------------------------------------------------------------ painting
    def paint(self, p: QPainter, caption: str = "") -> None:
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.setClipRect(QRectF(0, 0, self.width, self.height))
        p.fillRect(QRectF(0, 0, self.width, self.height), Palette.paper)
        tickset = ticks(self.scale, 0.0, self.width, self._tick_width, calendar=axis_calendar())
        self._paint_bands(p)
        self._paint_grid(p, tickset)
        self._paint_range(p)
        self._paint_band_caption(p)
        placed = list(self.placed())
        self._paint_selection_backgrounds(p, placed)
        for item in placed:
            self._paint_mark(p, item)
        self._paint_labels(p, placed)
        self._paint_clusters(p)
        self._paint_axis(p, tickset)
        self._paint_drag_brush(p)
        self._paint_empty_message(p)
        if caption:
            p.setFont(self.small)
            p.setPen(Palette.muted)
            p.drawText(QRectF(6, self.height - 16, self.width - 12, 14),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, caption)
        p.restore()

    def _tick_width(self, text: str) -> float:
        return self.fm.horizontalAdvance(text)

    def _paint_bands(self, p: QPainter) -> None:
        p.fillRect(QRectF(0, self.clusters_top, self.width, self.CLUSTER_H), Palette.band_bg)
        if not self.item_lanes:
            return
        if not self.model.events:  # no events: what is left above the items' lanes is theirs too, not a blank strip
            p.fillRect(QRectF(0, self.events_top, self.width, self.clusters_top - self.events_top), Palette.band_bg)
        p.fillRect(QRectF(0, self.items_top, self.width, self.height - self.items_top), Palette.band_bg)
        p.setPen(QPen(Palette.grid, 1))
        p.drawLine(QPointF(0, self.items_top), QPointF(self.width, self.items_top))

    def _paint_band_caption(self, p: QPainter) -> None:
        """Name the band of dated items where no "+N" badge sits (left, else right; else leave it out)."""
        if not self.item_lanes:
            return
        p.setFont(self.small)
        text = translate("TimelineRenderer", "Dated items in the archive (documents, images, records)")
        if self.width < 2.5 * self.fm_small.horizontalAdvance(text):
            text = translate("TimelineRenderer", "Dated items")
        w = self.fm_small.horizontalAdvance(text) + 6
        lo, hi = self.visible_days()
        badges = [self._cluster_rect("item", c).adjusted(-4, 0, 4, 0)
                  for c in self.item_layout().visible_clusters(lo, hi)]
        for x in (4.0, self.width - w - 4):
            r = QRectF(x, self.items_top + 1, w, self.ITEM_HEADER_H - 2)
            if not any(r.intersects(b) for b in badges):
                p.fillRect(r, Palette.band_bg)
                p.setPen(Palette.muted)
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
                return

    def _paint_grid(self, p: QPainter, tickset) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        try:
            self._paint_grid_lines(p, tickset)
        finally:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _paint_grid_lines(self, p: QPainter, tickset) -> None:
        top, bottom = self.AXIS_H, self.height
        p.setPen(QPen(Palette.grid_minor, 1))
        for t in tickset.minor:
            p.drawLine(QPointF(round(t.x) + 0.5, top), QPointF(round(t.x) + 0.5, bottom))
        p.setPen(QPen(Palette.grid, 1))
        for t in tickset.major:
            p.drawLine(QPointF(round(t.x) + 0.5, top), QPointF(round(t.x) + 0.5, bottom))

    def _paint_axis(self, p: QPainter, tickset) -> None:
        p.fillRect(QRectF(0, 0, self.width, self.AXIS_H), Palette.axis_bg)
        p.setPen(QPen(Palette.axis_line, 1))
        p.drawLine(QPointF(0, self.AXIS_H - 0.5), QPointF(self.width, self.AXIS_H - 0.5))
        for t in tickset.minor:
            p.drawLine(QPointF(round(t.x) + 0.5, self.AXIS_H - 4), QPointF(round(t.x) + 0.5, self.AXIS_H))
        p.setFont(self.font)
        for t in tickset.major:
            p.setPen(QPen(Palette.axis_line, 1))
            p.drawLine(QPointF(round(t.x) + 0.5, self.AXIS_H - 10), QPointF(round(t.x) + 0.5, self.AXIS_H))
            if t.label_left >= 0 and t.label_right <= self.width - 2:  # never a clipped label at either edge
                p.setPen(Palette.ink)
                p.drawText(QPointF(t.label_left, self.AXIS_H - 12), t.label)
        if tickset.context:
            p.setPen(QPen(Palette.axis_line, 1))
            for c in tickset.context:
                if c.boundary_x >= 0:
                    p.drawLine(QPointF(round(c.boundary_x) + 0.5, 2), QPointF(round(c.boundary_x) + 0.5, self.AXIS_H))
            p.setFont(self.font)
            p.setPen(Palette.ink)
            for c in tickset.context:
                p.drawText(QPointF(c.x, 2 + self.fm.ascent()), c.label)
            # the context row is measured in the regular font: draw it in that font for non-overlap

    def _paint_range(self, p: QPainter) -> None:
        if self.brush is None:
            return
        lo, hi = self.brush
        x0, x1 = self._x(lo), self._x(hi + 1)
        r = QRectF(x0, self.AXIS_H, max(x1 - x0, 2.0), self.height - self.AXIS_H)
        p.fillRect(r, Palette.brush)
        p.setPen(QPen(Palette.brush_edge, 1.5))
        p.drawLine(QPointF(x0, self.AXIS_H), QPointF(x0, self.height))
        p.drawLine(QPointF(x1, self.AXIS_H), QPointF(x1, self.height))

    def _paint_drag_brush(self, p: QPainter) -> None:
        if self.drag_brush is None:
            return
        a, b = sorted(self.drag_brush)
        r = QRectF(a, 0, max(b - a, 1.0), self.height)
        p.fillRect(r, QColor(44, 93, 143, 60))
        p.setPen(QPen(Palette.brush_edge, 1, Qt.PenStyle.DashLine))
        p.drawRect(r)
        text = range_words(math.floor(self.scale.day(a)), math.floor(self.scale.day(b)))
        p.setFont(self.bold)
        w = self.fm_bold.horizontalAdvance(text) + 10
        box = QRectF(min(max(a, 2), self.width - w - 2), self.AXIS_H + 2, w, self.fm_bold.height() + 4)
        p.fillRect(box, Palette.paper)
        p.setPen(Palette.ink)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_empty_message(self, p: QPainter) -> None:
        if self.model.archive is None:
            text = translate("TimelineRenderer", "No archive loaded.")
        elif not self.model.events:
            if self.model.items:
                return  # its dated items fill the panel
            text = translate("TimelineRenderer", "This archive has no dated events.")
        elif not self.model.shown_ids:
            text = translate("TimelineRenderer", "No event matches the filters.")
        else:
            return
        p.setFont(self.font)
        p.setPen(Palette.muted)
        p.drawText(QRectF(0, self.events_top, self.width, self.clusters_top - self.events_top),
                   Qt.AlignmentFlag.AlignCenter, text)

    def _paint_selection_backgrounds(self, p: QPainter, placed: list[Placed]) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        for item in placed:
            ident = item.mark.entry.id
            hit = ident in (self.hit_events if item.kind == "event" else self.hit_items)
            if ident == self.selected_id:
                r = item.shape_rect.united(item.label_rect) if item.label else QRectF(item.shape_rect)
                r = r.adjusted(-5, -4, 5, 3).intersected(QRectF(-10, 0, self.width + 20, self.height))
                p.setBrush(Palette.selection)
                p.setPen(QPen(Palette.selection_edge, 1.5))
                p.drawRoundedRect(r, 4, 4)
                p.setPen(Qt.PenStyle.NoPen)
            if hit:  # a ring, not a fill: the mark keeps the style that says how its date is known
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.setPen(QPen(Palette.hit, 2.4))
                p.drawRoundedRect(item.shape_rect.adjusted(-4, -4, 4, 4).intersected(
                    QRectF(-10, 0, self.width + 20, self.height)), 5, 5)
                if item.label:
                    r = item.label_rect
                    p.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))
                p.setPen(Qt.PenStyle.NoPen)

    def _color(self, item: Placed) -> QColor:
        if item.kind == "item":
            it = self.model.dated_item(item.mark.entry.id)
            return Palette.kinds.get(it.kind if it else ItemKind.RECORD, Palette.event)
        return Palette.event

    def _paint_mark(self, p: QPainter, item: Placed) -> None:
        color = self._color(item)
        ident = item.mark.entry.id
        if item.style.disputed and item.kind == "event":
            self._paint_disputed(p, item)
        elif item.kind == "item" and item.style.shape is Shape.POINT:
            it = self.model.dated_item(ident)
            self.paint_item_point(p, item.shape_rect, it.kind if it else ItemKind.RECORD, item.style)
        else:
            self.paint_shape(p, item.shape_rect, item.style, color)

    def _paint_labels(self, p: QPainter, placed: list[Placed]) -> None:
        p.setFont(self.font)
        p.setPen(Palette.ink)
        ascent = self.fm.ascent()
        disputed = []
        for item in placed:
            if not item.label:
                continue
            at = QPointF(item.label_rect.left(), item.label_rect.top() + ascent)
            if item.mark.entry.id == self.selected_id:
                p.setFont(self.bold)
                p.drawText(at, item.label)
                p.setFont(self.font)
            else:
                p.drawText(at, item.label)
            if item.style.disputed:
                disputed.append(at)
        if disputed:  # the ≠ of a disputed event, in the colour of its sources' dates
            p.setPen(Palette.disputed)
            for at in disputed:
                p.drawText(at, "≠")

    def _paint_disputed(self, p: QPainter, item: Placed) -> None:
        """The event's overall span as a dotted bracket; each source's date in orange; a link between them."""
        r = item.shape_rect
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(Palette.disputed, 1, Qt.PenStyle.DotLine))
        p.drawRect(r.adjusted(0, 2, 0, -2))
        event = self.model.event(item.mark.entry.id)
        views = [v for v in self.model.claims(event.id) if v.span is not None] if event else []
        centers = []
        cy = r.center().y()
        domain = self.model.domain
        from ...core.timeline import classify
        for v in views:
            span = v.span
            lower = domain.draw_lower if span.open_start else span.lower
            upper = domain.draw_upper if span.open_end else span.upper + 1
            x0, x1 = self._x(lower), self._x(upper)
            style = classify(span)
            if style.shape is Shape.POINT:
                c = (x0 + x1) / 2
                rect = QRectF(c - 5, cy - 5, 10, 10)
            else:
                if x1 - x0 < self.MIN_SPAN_PX:
                    c = (x0 + x1) / 2
                    x0, x1 = c - self.MIN_SPAN_PX / 2, c + self.MIN_SPAN_PX / 2
                rect = QRectF(x0, cy - 4, x1 - x0, 8)
            self.paint_shape(p, rect, style, Palette.disputed)
            centers.append(rect)
        # link consecutive claims with an arc above the row
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(Palette.disputed, 1.3, Qt.PenStyle.DashLine))
        ordered = sorted(centers, key=lambda rc: rc.left())
        for a, b in zip(ordered, ordered[1:]):
            xa, xb = a.right(), b.left()
            path = QPainterPath(QPointF(xa, cy - 3))
            lift = min(9.0, 3 + abs(xb - xa) / 6)
            path.cubicTo(QPointF(xa + 4, cy - 3 - lift), QPointF(xb - 4, cy - 3 - lift), QPointF(xb, cy - 3))
            p.drawPath(path)

    # Shapes are public so that the legend draws exactly what the timeline draws.
    def paint_shape(self, p: QPainter, r: QRectF, style: MarkStyle, color: QColor) -> None:
        p.save()
        light = QColor(color)
        light.setAlpha(70)
        if style.shape is Shape.POINT:
            radius = r.height() / 2 - 1
            c = r.center()
            if style.approximate:
                halo = QColor(color)
                halo.setAlpha(60)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(halo)
                p.drawEllipse(c, radius + 2.5, radius + 2.5)
                p.setBrush(Palette.paper)
                p.setPen(QPen(color, 1.6, Qt.PenStyle.DashLine))
            else:
                p.setPen(QPen(color.darker(130), 1))
                p.setBrush(color)
            p.drawEllipse(c, radius, radius)
            if style.uncertain:
                self._hatch(p, QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius), color, ellipse=True)
                self._question(p, QPointF(c.x() + radius + 2, c.y()), color)
            p.restore()
            return
        interval = style.shape is Shape.INTERVAL
        body = QRectF(r) if not interval else QRectF(r.left(), r.center().y() - 3, r.width(), 6)
        # fill: light for "sometime within" (month/year), solid for "from … to" (interval)
        fill = QColor(color) if interval else QColor(light)
        if style.approximate or style.open_start or style.open_end:
            grad = QLinearGradient(body.left(), 0, body.right(), 0)
            fade = min(0.45, 18.0 / max(body.width(), 1.0)) if style.approximate else \
                min(0.5, 90.0 / max(body.width(), 1.0))
            clear = QColor(fill)
            clear.setAlpha(0)
            start_soft = style.approximate or style.open_start
            end_soft = style.approximate or style.open_end
            grad.setColorAt(0.0, clear if start_soft else fill)
            grad.setColorAt(fade if start_soft else 0.0, fill)
            grad.setColorAt(1 - fade if end_soft else 1.0, fill)
            grad.setColorAt(1.0, clear if end_soft else fill)
            p.setBrush(QBrush(grad))
        else:
            p.setBrush(fill)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRect(body)
        # edges: solid for a known end, dashed for approximate, none for an open end
        edge = QPen(color, 1.4, Qt.PenStyle.DashLine if style.approximate else Qt.PenStyle.SolidLine)
        p.setPen(edge)
        top, bottom = r.top(), r.bottom()
        if not interval:
            if style.approximate:
                p.setPen(QPen(color, 1.2, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(body)
            else:
                p.setPen(QPen(color, 1.2))
                if not style.open_start:
                    p.drawLine(QPointF(body.left(), top), QPointF(body.left(), bottom))
                if not style.open_end:
                    p.drawLine(QPointF(body.right(), top), QPointF(body.right(), bottom))
                p.drawLine(QPointF(body.left(), top), QPointF(body.right(), top))
                p.drawLine(QPointF(body.left(), bottom), QPointF(body.right(), bottom))
        else:
            # end caps |—| for the known ends
            p.setPen(QPen(color, 2.0, Qt.PenStyle.DashLine if style.approximate else Qt.PenStyle.SolidLine))
            if not style.open_start:
                p.drawLine(QPointF(body.left(), top), QPointF(body.left(), bottom))
            if not style.open_end:
                p.drawLine(QPointF(body.right(), top), QPointF(body.right(), bottom))
        if style.uncertain:
            self._hatch(p, r if not interval else body.adjusted(0, -2, 0, 2), color)
            self._question(p, QPointF(min(r.right(), self.width - 10) + 2, r.center().y()), color)
        if style.open_end:
            x = min(r.right(), self.width - 4)
            self._arrow(p, QPointF(x, r.center().y()), +1, color)
        if style.open_start:
            x = max(r.left(), 4.0)
            self._arrow(p, QPointF(x, r.center().y()), -1, color)
        p.restore()

    def paint_item_point(self, p: QPainter, r: QRectF, kind: ItemKind, style: MarkStyle) -> None:
        """A dated item on a day: square (document), diamond (image), hollow square (record, not held)."""
        color = Palette.kinds.get(kind, Palette.event)
        p.save()
        c = r.center()
        s = 5.0
        if kind is ItemKind.IMAGE:
            poly = QPolygonF([QPointF(c.x(), c.y() - s - 1), QPointF(c.x() + s + 1, c.y()),
                              QPointF(c.x(), c.y() + s + 1), QPointF(c.x() - s - 1, c.y())])
            p.setPen(QPen(color.darker(130), 1))
            p.setBrush(color)
            p.drawPolygon(poly)
        elif kind is ItemKind.RECORD:
            p.setPen(QPen(color, 2))
            p.setBrush(Palette.paper)
            p.drawRect(QRectF(c.x() - s, c.y() - s, 2 * s, 2 * s))
        else:
            p.setPen(QPen(color.darker(130), 1))
            p.setBrush(color)
            p.drawRect(QRectF(c.x() - s, c.y() - s, 2 * s, 2 * s))
        if style.uncertain:
            self._question(p, QPointF(c.x() + s + 3, c.y()), color)
        p.restore()

    def _hatch(self, p: QPainter, r: QRectF, color: QColor, ellipse: bool = False) -> None:
        """White diagonal stripes over the mark (drawn as lines: pattern brushes are slow to rasterise)."""
        p.save()
        if ellipse:
            path = QPainterPath()
            path.addEllipse(r)
            p.setClipPath(path, Qt.ClipOperation.IntersectClip)
        else:
            p.setClipRect(r, Qt.ClipOperation.IntersectClip)
        p.setPen(QPen(Palette.hatch, 1.3))
        left, right = max(r.left(), -10.0), min(r.right(), self.width + 10)
        h = r.height()
        x = left - h
        lines = []
        while x < right:
            lines.append(QLineF(x, r.bottom(), x + h, r.top()))
            x += 4.0
        p.drawLines(lines)
        p.restore()

    def _question(self, p: QPainter, at: QPointF, color: QColor) -> None:
        p.save()
        p.setFont(self.bold)
        p.setPen(color.darker(120))
        p.drawText(QPointF(at.x(), at.y() + self.fm_bold.ascent() / 2 - 1), "?")
        p.restore()

    def _arrow(self, p: QPainter, tip: QPointF, direction: int, color: QColor) -> None:
        p.save()
        c = QColor(color)
        c.setAlpha(200)
        p.setPen(QPen(c, 1.6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for k in (0, 6):
            x = tip.x() - direction * k
            p.drawPolyline(QPolygonF([QPointF(x - direction * 5, tip.y() - 5), QPointF(x, tip.y()),
                                      QPointF(x - direction * 5, tip.y() + 5)]))
        p.restore()

    def _paint_clusters(self, p: QPainter) -> None:
        lo, hi = self.visible_days()
        p.setFont(self.bold)
        for kind, layout in (("event", self.event_layout()), ("item", self.item_layout())):
            for cluster in layout.visible_clusters(lo, hi):
                r = self._cluster_rect(kind, cluster)
                # a thin bracket under the badge over the days the clustered entries cover (clipped)
                x0 = max(self._x(cluster.lower), r.left() - 30)
                x1 = min(self._x(cluster.upper), r.right() + 30)
                p.setPen(QPen(Palette.cluster, 1))
                y = r.bottom() + 1.5
                if x1 - x0 > r.width():
                    p.drawLine(QPointF(x0, y), QPointF(x1, y))
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(Palette.cluster)
                p.drawRoundedRect(r, r.height() / 2, r.height() / 2)
                p.setPen(Palette.cluster_text)
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, f"+{cluster.count}")

    def paint_legend_glyph(self, p: QPainter, key: str, r: QRectF) -> None:
        """The sample drawn in the legend for ``key`` (see core.timeline.LEGEND)."""
        from ...core.archive import Precision
        mid = QRectF(r.left() + 4, r.center().y() - self.MARK_H / 2, r.width() - 16, self.MARK_H)
        point = QRectF(r.center().x() - 6, r.center().y() - 6, 12, 12)
        c = Palette.event
        s = {
            "exact": MarkStyle(Shape.POINT, Precision.DAY),
            "month": MarkStyle(Shape.SPAN, Precision.MONTH),
            "year": MarkStyle(Shape.SPAN, Precision.YEAR),
            "decade": MarkStyle(Shape.SPAN, Precision.DECADE),
            "interval": MarkStyle(Shape.INTERVAL, Precision.INTERVAL),
            "approximate": MarkStyle(Shape.SPAN, Precision.MONTH, approximate=True),
            "uncertain": MarkStyle(Shape.SPAN, Precision.YEAR, uncertain=True),
            "open": MarkStyle(Shape.INTERVAL, Precision.INTERVAL, open_end=True),
        }
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if key in s:
            if key == "exact":
                self.paint_shape(p, point, s[key], c)
            elif key == "month":
                self.paint_shape(p, QRectF(mid.left() + mid.width() * 0.35, mid.top(), mid.width() * 0.3, mid.height()),
                                 s[key], c)
            elif key == "uncertain":
                self.paint_shape(p, mid.adjusted(0, 0, -8, 0), s[key], c)
            else:
                self.paint_shape(p, mid, s[key], c)
        elif key == "disputed":
            y = r.center().y()
            a = QRectF(mid.left(), y - 4, mid.width() * 0.35, 8)
            b = QRectF(mid.right() - 10, y - 5, 10, 10)
            self.paint_shape(p, a, MarkStyle(Shape.SPAN, Precision.MONTH), Palette.disputed)
            self.paint_shape(p, b, MarkStyle(Shape.POINT, Precision.DAY), Palette.disputed)
            p.setPen(QPen(Palette.disputed, 1.3, Qt.PenStyle.DashLine))
            path = QPainterPath(QPointF(a.right(), y - 3))
            path.cubicTo(QPointF(a.right() + 4, y - 10), QPointF(b.left() - 4, y - 10), QPointF(b.left(), y - 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        elif key == "cluster":
            p.setFont(self.bold)
            w = self.fm_bold.horizontalAdvance("+12") + 12
            badge = QRectF(r.center().x() - w / 2, r.center().y() - 8, w, 16)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(Palette.cluster)
            p.drawRoundedRect(badge, 8, 8)
            p.setPen(Palette.cluster_text)
            p.drawText(badge, Qt.AlignmentFlag.AlignCenter, "+12")
        elif key == "hit":
            self.paint_shape(p, point, s["exact"], c)
            p.setPen(QPen(Palette.hit, 2.4))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(point.adjusted(-4, -4, 4, 4), 5, 5)
        elif key in ("document", "image", "record"):
            self.paint_item_point(p, point, ItemKind(key), MarkStyle(Shape.POINT, Precision.DAY))
        p.restore()
