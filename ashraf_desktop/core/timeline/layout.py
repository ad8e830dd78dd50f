"""Marks stacked in lanes, what does not fit gathered into clusters ("+12"), and the zoom ladder the
layouts are cached on."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from ..archive import DateSpan
from ..archive.days import day_number


@dataclass(frozen=True, slots=True)
class Domain:
    """The span of known dates (open ends excluded), padded; open ends are drawn up to its edges."""

    lower: int
    upper: int  # exclusive: the day after the last known day
    pad: int

    @property
    def draw_lower(self) -> int:
        return self.lower - self.pad

    @property
    def draw_upper(self) -> int:
        return self.upper + self.pad

    @classmethod
    def of(cls, spans: Iterable[DateSpan]) -> "Domain":
        lows, highs = [], []
        for s in spans:
            if not s.open_start:
                lows.append(s.lower)
                highs.append(s.lower + 1)
            if not s.open_end:
                highs.append(s.upper + 1)
                lows.append(s.upper)
        if not lows:
            today = day_number(2000, 1, 1)
            return cls(today - 3650, today + 3650, 365)
        lower, upper = min(lows), max(highs)
        pad = max(180, (upper - lower) // 25)
        return cls(lower, upper, pad)


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing to place on the axis (an event or a dated item), in drawing bounds."""

    id: str
    lower: float  # first day (open starts clamped to the domain's drawing edge)
    upper: float  # the day after the last day (exclusive)
    label_width: float = 0.0  # the title's width in pixels, as measured

    @property
    def is_point(self) -> bool:
        return self.upper - self.lower <= 1


@dataclass(frozen=True, slots=True)
class Mark:
    entry: Entry
    lane: int
    extent_start: float  # days, including the marker and the reserved label space
    extent_end: float
    next_start: float  # extent_start of the next mark in the same lane (inf if none): the label may run to it


@dataclass(frozen=True, slots=True)
class Cluster:
    lower: float  # days covered by the clustered entries
    upper: float
    ids: tuple[str, ...]
    center: float  # where the badge is drawn (days)

    @property
    def count(self) -> int:
        return len(self.ids)


@dataclass
class Layout:
    """Marks stacked in lanes (each sorted and non-overlapping) and the clusters of what did not fit."""

    days_per_px: float
    lanes: list[list[Mark]]
    clusters: list[Cluster]
    _starts: list[list[float]] = field(default_factory=list, repr=False)
    _ends: list[list[float]] = field(default_factory=list, repr=False)
    _cluster_centers: list[float] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [[m.extent_start for m in lane] for lane in self.lanes]
        self._ends = [[m.extent_end for m in lane] for lane in self.lanes]
        self._cluster_centers = [c.center for c in self.clusters]
        self._placed = frozenset(m.entry.id for lane in self.lanes for m in lane)

    @property
    def lane_count(self) -> int:
        return len(self.lanes)

    def marks(self) -> Iterator[Mark]:
        for lane in self.lanes:
            yield from lane

    def visible(self, lo_day: float, hi_day: float) -> Iterator[Mark]:
        """Marks whose extent meets ``lo_day..hi_day``: a bisection per lane, whatever the total."""
        for lane, starts, ends in zip(self.lanes, self._starts, self._ends):
            i = bisect.bisect_left(ends, lo_day)
            j = bisect.bisect_right(starts, hi_day)
            yield from lane[i:j]

    def visible_clusters(self, lo_day: float, hi_day: float) -> list[Cluster]:
        i = bisect.bisect_left(self._cluster_centers, lo_day - 64 * self.days_per_px)
        j = bisect.bisect_right(self._cluster_centers, hi_day + 64 * self.days_per_px)
        return self.clusters[i:j]

    @property
    def placed_ids(self) -> frozenset[str]:
        return self._placed


def pack(entries: Sequence[Entry], days_per_px: float, max_lanes: int, *, marker_px: float = 7.0,
         min_label_px: float = 72.0, gap_px: float = 6.0, cluster_px: float = 40.0,
         pinned: str | None = None, pinned_lane: int | None = None) -> Layout:
    """Stack ``entries`` (sorted by ``lower``) into at most ``max_lanes`` lanes, first fit.

    Each mark reserves its marker, its bar and ``min_label_px`` of label (less if the title is shorter);
    a label may grow at paint time up to the next mark in its lane. Entries that fit in no lane are
    gathered by ``cluster_px``-wide bins into clusters, so that dense periods show "+N" rather than
    overlapping marks. The result holds at any zoom finer than ``days_per_px`` (marks only get further
    apart in pixels), so one layout serves a whole zoom step and every pan.

    ``pinned`` (an entry id) is never clustered: it is placed first, in ``pinned_lane`` (default: the
    lane where it displaces the fewest marks of the unpinned layout), and the others fit around it. The
    selected event uses this, so that a selection is always drawn, however dense its period.
    """
    dpp = days_per_px
    if max_lanes < 1:
        pinned = None

    def extent(e: Entry) -> tuple[float, float]:
        start = e.lower - marker_px * dpp
        reserve = (marker_px + min(e.label_width, min_label_px) if e.label_width else marker_px) * dpp
        return start, max(e.upper, e.lower + reserve) + gap_px * dpp

    pin = next((e for e in entries if e.id == pinned), None) if pinned is not None else None
    if pin is not None and pinned_lane is None:
        plain = pack(entries, dpp, max_lanes, marker_px=marker_px, min_label_px=min_label_px, gap_px=gap_px,
                     cluster_px=cluster_px)
        if pin.id in plain.placed_ids:
            return plain
        ps, pe = extent(pin)
        crowding = [sum(1 for m in lane if m.extent_start < pe and m.extent_end > ps) for lane in plain.lanes]
        crowding += [0] * (max_lanes - len(crowding))
        pinned_lane = min(range(max_lanes), key=lambda i: (crowding[i], i))
    lane_end: list[float] = []
    lanes: list[list[tuple[Entry, float, float]]] = []
    # the pinned entry's extent in its lane, until an entry after it lands there
    reserved: list[tuple[float, float] | None] = []
    if pin is not None:
        assert pinned_lane is not None
        pinned_lane = min(max(pinned_lane, 0), max_lanes - 1)
        ps, pe = extent(pin)
        for i in range(pinned_lane + 1):
            lane_end.append(-math.inf)
            lanes.append([])
            reserved.append(None)
        lanes[pinned_lane].append((pin, ps, pe))
        reserved[pinned_lane] = (ps, pe)
    overflow: list[Entry] = []
    for e in entries:
        if e is pin:
            continue
        start, end = extent(e)
        if len(lane_end) >= max_lanes and min(lane_end) > start:
            overflow.append(e)  # every lane is busy here: no need to look at each
            continue
        for i, le in enumerate(lane_end):
            res = reserved[i]
            if res is not None and start >= res[1]:  # past the pinned entry: it is just part of the lane
                le = lane_end[i] = max(le, res[1])
                res = reserved[i] = None
            if le <= start and (res is None or end <= res[0]):
                lanes[i].append((e, start, end))
                lane_end[i] = end
                break
        else:
            if len(lane_end) < max_lanes:
                lane_end.append(end)
                lanes.append([(e, start, end)])
                reserved.append(None)
            else:
                overflow.append(e)
    out_lanes: list[list[Mark]] = []
    for index, lane in enumerate(lanes):
        if pin is not None and index == pinned_lane:
            lane.sort(key=lambda t: t[1])
        marks = []
        for k, (e, s, t) in enumerate(lane):
            nxt = lane[k + 1][1] if k + 1 < len(lane) else math.inf
            marks.append(Mark(e, index, s, t, nxt))
        out_lanes.append(marks)
    bin_days = cluster_px * dpp
    bins: dict[int, list[Entry]] = {}
    for e in overflow:
        center = (e.lower + e.upper) / 2 if e.upper - e.lower < bin_days * 4 else e.lower
        bins.setdefault(math.floor(center / bin_days), []).append(e)
    clusters = [Cluster(min(e.lower for e in group), max(e.upper for e in group), tuple(e.id for e in group),
                        (b + 0.5) * bin_days) for b, group in sorted(bins.items())]
    return Layout(dpp, out_lanes, clusters)


def zoom_step(days_per_px: float, steps_per_octave: int = 4) -> float:
    """The layout zoom for ``days_per_px``: the next coarser of a fixed ladder (2^(1/4) apart)."""
    k = math.ceil(math.log2(days_per_px) * steps_per_octave - 1e-9)
    return 2.0 ** (k / steps_per_octave)
