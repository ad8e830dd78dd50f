"""The axis: which tick level (centuries … days) has labels that do not overlap, in which calendar,
with a context row above ("2009" above months)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Iterator, Protocol, Sequence

from ..archive.date_words import MONTHS as _MONTHS
from ..archive.days import MAX_DAY, MIN_DAY, civil_from_day, day_number, year_of, year_words
from .scale import Scale, TextWidth

_MONTHS_SHORT = tuple(m[:3] for m in _MONTHS)


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
