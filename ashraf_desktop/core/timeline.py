"""Timeline geometry and presentation data, without Qt.

Everything the timeline panel decides that is not painting lives here, so that it can be tested (and
benchmarked) without a screen:

* :class:`Scale` maps ordinal days to x pixels at any zoom, and back;
* :func:`ticks` picks the tick level (centuries … days) whose labels do not overlap, given a function that
  measures text, plus a context row ("2009" above months, "February 2009" above days);
* :func:`classify` says how a date is drawn (:class:`MarkStyle`): an exact day is a point, a month or a
  year a span, an interval a bar; ``~``, ``?`` and open ends are flags with their own look;
* :func:`pack` stacks marks in lanes and gathers what does not fit into clusters ("+12");
* :class:`TimelineModel` holds an archive's events and dated items, the filters, and caches layouts per
  zoom step so that panning never recomputes anything;
* :func:`claim_views` presents a disputed date: each source's date with its passage;
* :func:`events_csv` exports events.

Dates are day numbers (:mod:`ashraf_desktop.core.archive.days`: ``date.toordinal()`` within years 1-9999,
extended to any year); a day ``d`` covers ``[d, d + 1)`` on the axis. Deep time is handled by the same
code: tick levels run from days to hundreds of billions of years, years before 1 are labelled BCE, and a
scale made by :meth:`Scale.fit` may zoom out as far as the archive's dates need.
"""

from __future__ import annotations

import bisect
import csv
import io
import math
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Protocol, Sequence

from .archive import (Archive, DatedItem, DateError, DateSpan, Event, Item, ItemKind, Precision, describe_date,
                      parse_date)
from .archive.date_words import MONTHS as _MONTHS
from .archive.days import MAX_DAY, MIN_DAY, civil_from_day, day_number, year_of, year_words

__all__ = [
    "Scale", "TickLevel", "Tick", "TickSet", "ticks", "TickCalendar", "GREGORIAN", "Unit", "MarkStyle", "Shape", "classify", "LegendEntry",
    "LEGEND", "Entry", "Mark", "Cluster", "Layout", "pack", "EventFilter", "TimelineModel", "ClaimView",
    "claim_views", "is_disputed", "events_csv", "CSV_COLUMNS", "format_range", "Domain", "MIN_DAYS_PER_PX",
    "MAX_DAYS_PER_PX",
]

#: Zoom limits: a day 160 px wide at most; zoomed out, about four centuries across 1,000 px, or as far as a
#: fitted scale needs to show all of an archive's dates (:meth:`Scale.fit`).
MIN_DAYS_PER_PX = 1 / 160
MAX_DAYS_PER_PX = 150.0
_MONTHS_SHORT = tuple(m[:3] for m in _MONTHS)

TextWidth = Callable[[str], float]


# --------------------------------------------------------------------------------------------- mapping

@dataclass(frozen=True, slots=True)
class Scale:
    """A linear map between day numbers and x pixels: ``x = (day - start) / days_per_px``.

    ``max_dpp`` is how far this view may zoom out; it travels with the scale through zooms and pans, so a
    view fitted to deep time (a timeline from 3000 BCE, or from "Y-17E7") can be zoomed back out to it.
    """

    start: float  # the (fractional) day number at x = 0
    days_per_px: float
    max_dpp: float = MAX_DAYS_PER_PX

    def x(self, day: float) -> float:
        return (day - self.start) / self.days_per_px

    def day(self, x: float) -> float:
        return self.start + x * self.days_per_px

    def zoomed(self, factor: float, anchor_x: float = 0.0, *, min_dpp: float = MIN_DAYS_PER_PX,
               max_dpp: float | None = None) -> "Scale":
        """Zoom in (``factor`` > 1) or out, keeping the day under ``anchor_x`` where it is."""
        limit = self.max_dpp if max_dpp is None else max_dpp
        anchor_day = self.day(anchor_x)
        dpp = min(max(self.days_per_px / factor, min_dpp), max(limit, min_dpp))
        return Scale(anchor_day - anchor_x * dpp, dpp, self.max_dpp)

    def panned(self, dx: float) -> "Scale":
        """Move the content ``dx`` pixels to the right (the view moves to earlier dates)."""
        return Scale(self.start - dx * self.days_per_px, self.days_per_px, self.max_dpp)

    def centered_on(self, day: float, width: float) -> "Scale":
        return Scale(day - width / 2 * self.days_per_px, self.days_per_px, self.max_dpp)

    @classmethod
    def fit(cls, lower: float, upper: float, width: float, margin_px: float = 24.0, *,
            margin_right_px: float | None = None, min_dpp: float = MIN_DAYS_PER_PX,
            max_dpp: float | None = None) -> "Scale":
        """The scale that shows days ``lower``..``upper`` (exclusive end) in ``width`` pixels.

        ``margin_px`` is kept free on the left and (unless ``margin_right_px`` says otherwise) on the right:
        labels run to the right of their marks, so a timeline wants more room on that side. Without
        ``max_dpp``, the zoom-out limit is :data:`MAX_DAYS_PER_PX`, or four times what the range needs when
        that is more (deep time): the whole range always fits, with room to zoom out around it.
        """
        right = margin_px if margin_right_px is None else margin_right_px
        if margin_px + right > width * 0.6:  # a very narrow view: shrink both margins alike
            k = width * 0.6 / max(margin_px + right, 1e-9)
            margin_px, right = margin_px * k, right * k
        usable = max(width - margin_px - right, 1.0)
        needed = (upper - lower) / usable
        limit = max(MAX_DAYS_PER_PX, needed * 4) if max_dpp is None else max_dpp
        dpp = min(max(needed, min_dpp), limit)
        mid = (lower + upper) / 2
        center_x = margin_px + usable / 2
        return cls(mid - center_x * dpp, dpp, limit)


# --------------------------------------------------------------------------------------------- ticks

class Unit(str, Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class TickLevel:
    unit: Unit
    step: int
    name: str  # "days", "weeks", "months", "quarters", "years", "decades", ...

    @property
    def nominal_days(self) -> float:
        return self.step * {Unit.DAY: 1.0, Unit.MONTH: 30.44, Unit.YEAR: 365.25}[self.unit]


def _big_levels() -> tuple[TickLevel, ...]:
    """Year steps beyond millennia: 2,000, 5,000, 10,000 … 500 billion years (deep time)."""
    out = []
    for exponent in range(3, 12):
        for mantissa in (1, 2, 5):
            step = mantissa * 10 ** exponent
            if step > 1000:
                out.append(TickLevel(Unit.YEAR, step, f"{_magnitude(step)} years"))
    return tuple(out)


def _magnitude(n: int) -> str:
    """A round number in words for labels: 5,000 / 20,000 / 1 million / 2.5 billion."""
    n = abs(n)
    for size, word in ((10 ** 9, "billion"), (10 ** 6, "million")):
        if n >= size:
            value = n / size
            text = f"{value:.3f}".rstrip("0").rstrip(".") if value < 1000 else f"{round(value):,}"
            return f"{text} {word}"
    return f"{n:,}"


def _year_label(year: int) -> str:
    """A tick's year: "1986", "1000 BCE", "12,000 BCE", "170 million BCE"."""
    if -10 ** 6 < year < 10 ** 6:
        return year_words(year)
    return _magnitude(year) if year > 0 else f"{_magnitude(1 - year)} BCE"


#: From the finest to the coarsest.
LEVELS: tuple[TickLevel, ...] = (
    TickLevel(Unit.DAY, 1, "days"),
    TickLevel(Unit.DAY, 7, "weeks"),
    TickLevel(Unit.MONTH, 1, "months"),
    TickLevel(Unit.MONTH, 3, "quarters"),
    TickLevel(Unit.MONTH, 6, "half-years"),
    TickLevel(Unit.YEAR, 1, "years"),
    TickLevel(Unit.YEAR, 2, "2 years"),
    TickLevel(Unit.YEAR, 5, "5 years"),
    TickLevel(Unit.YEAR, 10, "decades"),
    TickLevel(Unit.YEAR, 20, "20 years"),
    TickLevel(Unit.YEAR, 50, "50 years"),
    TickLevel(Unit.YEAR, 100, "centuries"),
    TickLevel(Unit.YEAR, 500, "500 years"),
    TickLevel(Unit.YEAR, 1000, "millennia"),
) + _big_levels()


@dataclass(frozen=True, slots=True)
class Tick:
    day: int  # ordinal of the day the tick marks the start of
    x: float
    label: str = ""
    width: float = 0.0  # the label's width, as measured

    @property
    def label_left(self) -> float:
        return self.x + TICK_LABEL_OFFSET

    @property
    def label_right(self) -> float:
        return self.x + TICK_LABEL_OFFSET + self.width


@dataclass(frozen=True, slots=True)
class ContextLabel:
    x: float  # where the label is drawn (kept on screen for the period at the left edge)
    label: str
    width: float
    boundary_x: float  # where the period starts (may be off screen)


@dataclass(frozen=True, slots=True)
class TickSet:
    level: TickLevel
    major: tuple[Tick, ...]  # labelled
    minor: tuple[Tick, ...]  # unlabelled, finer
    context: tuple[ContextLabel, ...]  # the coarser period above the labels


TICK_LABEL_OFFSET = 3.0  # labels are drawn this far right of their tick
LABEL_GAP = 8.0  # minimum free pixels between two labels


def _tick_years(step: int, y_lo: int, y_hi: int) -> Iterator[int]:
    """Tick years within ``y_lo..y_hi`` (astronomical), ascending, round in the numbering readers use.

    Years CE are multiples of ``step``; years BCE are round as BCE years (1000 BCE is the astronomical year
    -999), so labels read "2000 BCE, 1000 BCE, 1, 1000, 2000"; year 1 gets a tick at coarse levels too, so
    that the gap between the two eras is not a missing tick.
    """
    if y_lo <= 0:
        k_first = (1 - y_lo) // step  # the largest k with 1 - k*step >= y_lo
        k_last = max(1, -(-(1 - min(y_hi, 0)) // step))  # the smallest k with 1 - k*step <= min(y_hi, 0)
        for k in range(k_first, k_last - 1, -1):
            yield 1 - k * step
    if step >= 10 and y_lo <= 1 <= y_hi:
        yield 1
    if y_hi >= 1:
        for k in range(max(1, -(-max(y_lo, 1) // step)), y_hi // step + 1):
            yield k * step


def _tick_days(level: TickLevel, lo: int, hi: int) -> Iterator[int]:
    """Day numbers of the tick days of ``level`` within ``lo..hi`` (inclusive)."""
    lo, hi = max(lo, MIN_DAY), min(hi, MAX_DAY)
    if lo > hi:
        return
    if level.unit is Unit.YEAR:
        for year in _tick_years(level.step, year_of(lo), year_of(hi)):
            d = day_number(year, 1, 1)
            if lo <= d <= hi:
                yield d
    elif level.unit is Unit.MONTH:
        year, month, _ = civil_from_day(lo)
        month -= (month - 1) % level.step
        while True:
            d = day_number(year, month, 1)
            if d > hi:
                break
            if d >= lo:
                yield d
            month += level.step
            if month > 12:
                month -= 12
                year += 1
    else:
        # days: every day, or weeks as the 1st, 8th, 15th and 22nd (the 29th would crowd the next 1st)
        for d in range(lo, hi + 1):
            if level.step == 1 or civil_from_day(d)[2] in (1, 8, 15, 22):
                yield d


def _tick_label(level: TickLevel, day: int) -> str:
    year, month, dom = civil_from_day(day)
    if level.unit is Unit.YEAR:
        # at coarse levels the tick of year 1 stands between eras: "1 CE" beside "1000 BCE"
        return "1 CE" if year == 1 and level.step >= 10 else _year_label(year)
    if level.unit is Unit.MONTH:
        return _MONTHS_SHORT[month - 1]
    return str(dom)


class TickCalendar(Protocol):
    """Where a calendar's ticks fall and what they read; :func:`ticks` does the fitting for any of them."""

    def tick_days(self, level: TickLevel, lo: int, hi: int) -> Iterator[int]:
        """Day numbers of the ticks of ``level`` within ``lo..hi`` (inclusive), ascending."""

    def tick_label(self, level: TickLevel, day: int) -> str:
        """The label of the tick on ``day``."""

    def context_start(self, level: TickLevel, day: int) -> int:
        """The first day of the ``level`` period (a year or a month) that holds ``day``."""

    def context_label(self, level: TickLevel, day: int, long: bool) -> str:
        """The label of the period starting on ``day`` ("February 2009"; ``long=False``: "Feb 2009")."""


class _GregorianTicks:
    """The proleptic Gregorian calendar, BCE years and deep time included."""

    def tick_days(self, level: TickLevel, lo: int, hi: int) -> Iterator[int]:
        return _tick_days(level, lo, hi)

    def tick_label(self, level: TickLevel, day: int) -> str:
        return _tick_label(level, day)

    def context_start(self, level: TickLevel, day: int) -> int:
        year, month, _ = civil_from_day(day)
        return day_number(year, 1, 1) if level.unit is Unit.YEAR else day_number(year, month, 1)

    def context_label(self, level: TickLevel, day: int, long: bool) -> str:
        y, m, _ = civil_from_day(day)
        if level.unit is Unit.YEAR:
            return _year_label(y)
        return f"{(_MONTHS if long else _MONTHS_SHORT)[m - 1]} {_year_label(y)}"


GREGORIAN: TickCalendar = _GregorianTicks()


def _labels_fit(items: Sequence[Tick]) -> bool:
    return all(a.label_right + LABEL_GAP <= b.label_left for a, b in zip(items, items[1:]))


def _thin(items: Sequence[Tick]) -> list[Tick]:
    """Drop labels (keep ticks) that would overlap the previous kept one."""
    kept: list[Tick] = []
    for t in items:
        if not kept or kept[-1].label_right + LABEL_GAP <= t.label_left:
            kept.append(t)
    return kept


def _context(level: TickLevel, scale: Scale, x0: float, x1: float, text_width: TextWidth,
             calendar: TickCalendar) -> list[ContextLabel]:
    """The coarser period labels: years above months, "February 2009" above days; none above years."""
    if level.unit is Unit.YEAR:
        return []
    ctx = TickLevel(Unit.YEAR, 1, "years") if level.unit is Unit.MONTH else TickLevel(Unit.MONTH, 1, "months")
    lo, hi = math.floor(scale.day(x0)), math.ceil(scale.day(x1))
    # include the period that started before the left edge
    first = calendar.context_start(ctx, min(max(lo, MIN_DAY), MAX_DAY))
    days = list(calendar.tick_days(ctx, first, hi))
    out: list[ContextLabel] = []
    for i, d in enumerate(days):
        bx = scale.x(d)
        next_bx = scale.x(days[i + 1]) if i + 1 < len(days) else math.inf
        if next_bx < x0:
            continue
        for long in (True, False):
            label = calendar.context_label(ctx, d, long)
            w = text_width(label)
            # sticky: the current period's label stays at the left edge until the next one pushes it
            x = min(max(bx, x0) + TICK_LABEL_OFFSET, next_bx + TICK_LABEL_OFFSET - LABEL_GAP - w)
            # whole labels only: within its own period and within x0..x1
            if x >= max(bx + TICK_LABEL_OFFSET, x0) - 1e-6:
                if x + w <= x1 and (not out or out[-1].x + out[-1].width + LABEL_GAP <= x + 1e-6):
                    out.append(ContextLabel(x, label, w, bx))
                break
    return out


def ticks(scale: Scale, x0: float, x1: float, text_width: TextWidth, *,
          calendar: TickCalendar | None = None) -> TickSet:
    """Ticks for the pixels ``x0..x1``: the finest level whose labels all fit without overlapping.

    ``calendar`` says where ticks fall and what they read (default :data:`GREGORIAN`; the Persian interface
    passes ``core.calendars.SOLAR_HIJRI``)."""
    calendar = calendar or GREGORIAN
    lo, hi = math.floor(scale.day(x0)) - 1, math.ceil(scale.day(x1)) + 1
    min_px = text_width("00") + LABEL_GAP
    chosen: TickLevel | None = None
    major: list[Tick] = []
    for level in LEVELS:
        if level.nominal_days / scale.days_per_px < min_px:
            continue  # cannot fit even the shortest label: do not enumerate thousands of days
        candidate = [Tick(d, scale.x(d), lab, text_width(lab))
                     for d in calendar.tick_days(level, lo, hi) for lab in (calendar.tick_label(level, d),)]
        if _labels_fit(candidate):
            chosen, major = level, candidate
            break
    if chosen is None:  # cannot happen within the zoom limits; stay readable anyway
        chosen = LEVELS[-1]
        major = _thin([Tick(d, scale.x(d), lab, text_width(lab))
                       for d in calendar.tick_days(chosen, lo, hi) for lab in (calendar.tick_label(chosen, d),)])
    minor: list[Tick] = []
    index = LEVELS.index(chosen)
    if index > 0:
        finer = LEVELS[index - 1]
        if finer.nominal_days / scale.days_per_px >= 6:
            majors = {t.day for t in major}
            minor = [Tick(d, scale.x(d)) for d in calendar.tick_days(finer, lo, hi) if d not in majors]
    return TickSet(chosen, tuple(major), tuple(minor), tuple(_context(chosen, scale, x0, x1, text_width, calendar)))


# --------------------------------------------------------------------------------------------- styles

class Shape(str, Enum):
    POINT = "point"  # an exact day
    SPAN = "span"  # sometime within a month, a year or a decade
    INTERVAL = "interval"  # from one date to another


@dataclass(frozen=True, slots=True)
class MarkStyle:
    """How a date is drawn. ``keys`` name the legend entries that explain it."""

    shape: Shape
    precision: Precision
    approximate: bool = False
    uncertain: bool = False
    open_start: bool = False
    open_end: bool = False
    disputed: bool = False

    @property
    def keys(self) -> tuple[str, ...]:
        keys = []
        if self.shape is Shape.POINT:
            keys.append("exact")
        elif self.shape is Shape.INTERVAL:
            keys.append("interval")
        else:
            keys.append(self.precision.value)  # month / year / decade
        if self.approximate:
            keys.append("approximate")
        if self.uncertain:
            keys.append("uncertain")
        if self.open_start or self.open_end:
            keys.append("open")
        if self.disputed:
            keys.append("disputed")
        return tuple(keys)

    @property
    def words(self) -> str:
        """A short neutral description for tooltips and the details pane."""
        return ", ".join(LEGEND_BY_KEY[k].label.lower() for k in self.keys)


def classify(span: DateSpan, *, disputed: bool = False) -> MarkStyle:
    if span.precision is Precision.INTERVAL:
        shape = Shape.INTERVAL
    elif span.precision is Precision.DAY and span.lower == span.upper:
        shape = Shape.POINT
    else:
        shape = Shape.SPAN
    # an unknown end ("2004-06-01/") is drawn like an open one: the bar fades where the source is silent
    return MarkStyle(shape, span.precision, span.approximate, span.uncertain,
                     span.open_start or span.unknown_start, span.open_end or span.unknown_end, disputed)


@dataclass(frozen=True, slots=True)
class LegendEntry:
    key: str
    label: str
    explanation: str


LEGEND: tuple[LegendEntry, ...] = (
    LegendEntry("exact", "Exact day", "The source gives the day: a point."),
    LegendEntry("month", "Month", "Sometime in that month: a bar over the whole month."),
    LegendEntry("year", "Year", "Sometime in that year: a bar over the whole year."),
    LegendEntry("season", "Season", "Sometime in that season, quarter or half-year."),
    LegendEntry("decade", "Decade", "Sometime in that decade."),
    LegendEntry("century", "Century", "Sometime in that century."),
    LegendEntry("millennium", "Millennium or longer", "Sometime within a thousand years or more."),
    LegendEntry("set", "One of several dates", "One, or all, of the dates listed: a bar over their range."),
    LegendEntry("interval", "Period", "From one date to another: a solid bar with end caps."),
    LegendEntry("approximate", "Approximate (~)", "About this date: soft, dashed edges."),
    LegendEntry("uncertain", "Uncertain (?)", "The date is inferred or in doubt: hatched, marked “?”."),
    LegendEntry("open", "Open end (..)",
                "No start or no end is given, or it is unknown: the bar fades out with an arrow."),
    LegendEntry("disputed", "Sources disagree",
                "The sources give dates that cannot both be right: each is drawn and linked, marked ≠."),
    LegendEntry("cluster", "More events", "Too many to show at this zoom: “+N”; click to zoom in."),
    LegendEntry("hit", "Search hit", "Matches the current search."),
    LegendEntry("document", "Document", "A dated text the archive holds."),
    LegendEntry("image", "Image", "A dated image the archive holds."),
    LegendEntry("record", "Record", "A dated work the sources name; the archive does not hold it."),
)
LEGEND_BY_KEY = {entry.key: entry for entry in LEGEND}


# --------------------------------------------------------------------------------------------- layout

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


# --------------------------------------------------------------------------------------------- filters

def _fold(text: str) -> str:
    return text.casefold()


@dataclass(frozen=True)
class EventFilter:
    """Tags, places, people (an event must have one of each chosen set) and words all in the title."""

    tags: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.tags or self.places or self.people or self.text.strip())

    def matches(self, event: Event) -> bool:
        if self.tags and not self.tags.intersection(event.tags):
            return False
        if self.places and not self.places.intersection(event.places):
            return False
        if self.people and not self.people.intersection(event.people):
            return False
        words = _fold(self.text).split()
        if words:
            title = _fold(event.title)
            return all(w in title for w in words)
        return True

    def describe(self) -> str:
        parts = []
        for name, values in (("tag", self.tags), ("place", self.places), ("person", self.people)):
            if values:
                parts.append(f"{name}: {', '.join(sorted(values))}")
        if self.text.strip():
            parts.append(f"title contains “{self.text.strip()}”")
        return "; ".join(parts)


def facets(events: Iterable[Event]) -> dict[str, list[tuple[str, int]]]:
    """Tag, place and person values with how many events have each, most frequent first."""
    counts: dict[str, dict[str, int]] = {"tags": {}, "places": {}, "people": {}}
    for e in events:
        for name in counts:
            for value in getattr(e, name):
                counts[name][value] = counts[name].get(value, 0) + 1
    return {name: sorted(c.items(), key=lambda kv: (-kv[1], kv[0].casefold())) for name, c in counts.items()}


# --------------------------------------------------------------------------------------------- model

@dataclass(frozen=True, slots=True)
class ClaimView:
    """One source's date for a disputed event, with the passage it comes from."""

    value: str  # EDTF as written
    words: str  # "January 2009"
    span: DateSpan | None  # None when the value is not valid EDTF (shown, not drawn)
    item_id: str
    item_title: str
    quote: str


@lru_cache(maxsize=8192)
def _parse_claim(value: str) -> tuple[DateSpan | None, str]:
    """EDTF parsing is slow (tens of ms in the edtf package): claims are parsed once per distinct value."""
    try:
        return parse_date(value), describe_date(value)
    except DateError:
        return None, value


def is_disputed(event: Event) -> bool:
    """Same rule as :attr:`Event.disputed` (claims whose day ranges do not overlap), with cached parsing."""
    spans = [span for claim in event.date_claims if (span := _parse_claim(claim.value)[0]) is not None]
    return any(not a.overlaps(b) for i, a in enumerate(spans) for b in spans[i + 1:])


def claim_views(event: Event, archive: Archive | None = None) -> tuple[ClaimView, ...]:
    out = []
    for claim in event.date_claims:
        span, words = _parse_claim(claim.value)
        item = archive.item(claim.citation.item) if archive is not None else None
        out.append(ClaimView(claim.value, words, span, claim.citation.item,
                             item.title if item else claim.citation.item, claim.citation.quote))
    return tuple(out)


def format_range(lower: int, upper: int) -> str:
    """Inclusive day range in words: "3 February 2003 – 9 August 2009"; over more than a century only the
    years ("17,918,080 BCE – 3,427,254"): days are noise at that scale."""
    years_only = upper - lower > 36525

    def one(d: int) -> str:
        if d < MIN_DAY:
            return "the earliest dates"
        if d > MAX_DAY:
            return "the latest dates"
        year, month, day = civil_from_day(d)
        return year_words(year) if years_only else f"{day} {_MONTHS[month - 1]} {year_words(year)}"
    return one(lower) if lower == upper else f"{one(lower)} – {one(upper)}"


#: Titles this long or longer are not measured (see :meth:`TimelineModel._entry`): at 4.5 px a character -
#: narrower than any UI font's average - they are wider than the 72 px that packing reserves at most.
_MEASURED_TITLE = 16


class TimelineModel:
    """An archive's events and dated items, ready to lay out; caches layouts per zoom step.

    ``label_width`` measures a title in pixels (the UI passes its font metrics); widths are measured
    once per title.
    """

    def __init__(self, archive: Archive | None = None, label_width: TextWidth | None = None,
                 max_label_px: float = 260.0) -> None:
        self.label_width = label_width or (lambda text: 6.5 * len(text))
        self.max_label_px = max_label_px
        self.archive: Archive | None = None
        self.events: tuple[Event, ...] = ()
        self.items: tuple[DatedItem, ...] = ()  # what is drawn of each dated item (the Item: :meth:`item`)
        self.filter = EventFilter()
        self.domain = Domain.of(())
        self._event_by_id: dict[str, Event] = {}
        self._item_by_id: dict[str, DatedItem] = {}
        self._styles: dict[str, MarkStyle] = {}
        self._claims: dict[str, tuple[ClaimView, ...]] = {}
        self._event_entries: list[Entry] = []
        self._item_entries: list[Entry] = []
        self._shown: list[Entry] = []
        self._cache: dict[tuple, Layout] = {}
        if archive is not None:
            self.set_archive(archive)

    # -- data
    def set_archive(self, archive: Archive | None) -> None:
        self.archive = archive
        self.events = archive.events if archive is not None else ()
        # rows, not Items: a catalogued archive answers from SQL without building 100,000 objects
        self.items = tuple(archive.items.dated()) if archive is not None else ()
        self._event_by_id = {e.id: e for e in self.events}
        self._claims = {}
        self._item_by_id = {i.id: i for i in self.items}
        self.domain = Domain.of([e.date for e in self.events] + [i.date for i in self.items if i.date])
        self._styles = {e.id: classify(e.date, disputed=bool(e.date_claims) and is_disputed(e)) for e in self.events}
        self._styles.update({i.id: classify(i.date) for i in self.items if i.date})
        self._event_entries = sorted((self._entry(e.id, e.date, e.title) for e in self.events),
                                     key=lambda en: (en.lower, en.upper, en.id))
        self._item_entries = sorted((self._entry(i.id, i.date, i.title) for i in self.items if i.date),
                                    key=lambda en: (en.lower, en.upper, en.id))
        self._apply_filter()

    def _entry(self, ident: str, span: DateSpan, title: str) -> Entry:
        lower = self.domain.draw_lower if span.open_start else span.lower
        upper = self.domain.draw_upper if span.open_end else span.upper + 1
        # Only short titles are measured: packing needs min(width, 72 px) and painting elides exactly anyway,
        # so a long title may be taken at the widest a label is drawn (saves ~0.7 s of font metrics at 90k)
        width = min(self.label_width(title), self.max_label_px) if len(title) < _MEASURED_TITLE else self.max_label_px
        return Entry(ident, float(lower), float(max(upper, lower + 1)), width)

    def event(self, event_id: str) -> Event | None:
        return self._event_by_id.get(event_id)

    def dated_item(self, item_id: str) -> DatedItem | None:
        """What the timeline draws of a dated item (id, kind, title, date), without building the Item."""
        return self._item_by_id.get(item_id)

    def item(self, item_id: str) -> Item | None:
        """The dated item ``item_id`` drawn on the timeline (built from the archive when asked for)."""
        if item_id not in self._item_by_id or self.archive is None:
            return None
        return self.archive.item(item_id)

    def style(self, ident: str) -> MarkStyle | None:
        return self._styles.get(ident)

    def claims(self, event_id: str) -> tuple[ClaimView, ...]:
        """Each source's date for an event (cached: painting never parses dates)."""
        views = self._claims.get(event_id)
        if views is None:
            event = self._event_by_id.get(event_id)
            views = claim_views(event, self.archive) if event is not None else ()
            self._claims[event_id] = views
        return views

    # -- filters
    def set_filter(self, flt: EventFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self._apply_filter()

    def _apply_filter(self) -> None:
        self._shown = [en for en in self._event_entries if self.filter.matches(self._event_by_id[en.id])]
        self._cache.clear()

    @property
    def shown_ids(self) -> list[str]:
        """Ids of the events the filters let through, in date order (the keyboard's order)."""
        return [en.id for en in self._shown]

    def shown_entries(self) -> list[Entry]:
        return list(self._shown)

    def entry(self, ident: str) -> Entry | None:
        for en in self._shown:
            if en.id == ident:
                return en
        return next((en for en in self._item_entries if en.id == ident), None)

    # -- layout
    def event_layout(self, days_per_px: float, max_lanes: int, pinned: str | None = None) -> Layout:
        """The events' lanes at this zoom step; ``pinned`` (the selection) is never left in a cluster."""
        return self._layout("events", self._shown, days_per_px, max_lanes, pinned)

    def item_layout(self, days_per_px: float, max_lanes: int, pinned: str | None = None) -> Layout:
        return self._layout("items", self._item_entries, days_per_px, max_lanes, pinned)

    def _layout(self, which: str, entries: list[Entry], dpp: float, max_lanes: int,
                pinned: str | None = None) -> Layout:
        step = zoom_step(dpp)
        key = (which, step, max_lanes)
        layout = self._cache.get(key)
        if layout is None:
            if len(self._cache) > 64:
                self._cache.clear()
            layout = self._cache[key] = pack(entries, step, max_lanes)
        if pinned is None or pinned in layout.placed_ids or (
                pinned not in self._event_by_id and pinned not in self._item_by_id):
            return layout
        key = (which, step, max_lanes, pinned)
        pinned_layout = self._cache.get(key)
        if pinned_layout is None:
            if not any(en.id == pinned for en in entries):
                return layout  # filtered out, or not of this kind
            if len(self._cache) > 64:
                self._cache.clear()
            pinned_layout = self._cache[key] = pack(entries, step, max_lanes, pinned=pinned)
        return pinned_layout

    def full_range(self) -> tuple[float, float]:
        """Days to show for "fit all": the known dates, without the open ends' padding."""
        return float(self.domain.lower), float(self.domain.upper)


# --------------------------------------------------------------------------------------------- export

CSV_COLUMNS = ("id", "date", "date_in_words", "earliest", "latest", "precision", "approximate", "uncertain",
               "open_start", "open_end", "disputed", "date_claims", "title", "description", "places",
               "people", "tags", "sources")


def events_csv(events: Iterable[Event], archive: Archive | None = None) -> str:
    """Events as CSV text (RFC 4180, one row per event; lists joined with "; ").

    ``earliest``/``latest`` are ISO days, empty for an open end; ``date_claims`` lists each source's date
    as "2009-01 (about-camp-ashraf)"; ``sources`` the cited item ids.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in events:
        d = e.date
        claims = "; ".join(f"{c.value} ({c.citation.item})" for c in e.date_claims)
        writer.writerow([
            e.id, d.edtf, describe_date(d.edtf),
            "" if d.open_start else d.lower_iso,
            "" if d.open_end else d.upper_iso,
            d.precision.value, _yes(d.approximate), _yes(d.uncertain), _yes(d.open_start), _yes(d.open_end),
            _yes(bool(e.date_claims) and is_disputed(e)), claims, e.title, e.description, "; ".join(e.places), "; ".join(e.people),
            "; ".join(e.tags), "; ".join(e.cited_items()),
        ])
    return buf.getvalue()


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
