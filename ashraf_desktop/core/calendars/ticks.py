"""Timeline ticks counted in the Solar Hijri calendar, with the Gregorian date beside (Persian interface).

A :class:`~ashraf_desktop.core.timeline.TickCalendar` for :func:`core.timeline.ticks`: years begin at Nowruz
(1 Farvardin), months are the Solar Hijri months, labels use Persian digits. A year tick reads
``۱۳۸۸ (۲۰۰۹)`` (the Gregorian year of that Nowruz); month and day ticks carry the Solar Hijri month or day,
and the period above them says which Solar Hijri year or month it is with the Gregorian beside:
``تیر ۱۳۸۸ (ژوئن–ژوئیه ۲۰۰۹)``. Before year 1 of either era, or past year 9999, there is no Solar Hijri
reading worth giving: those ticks are the Gregorian calendar's, with Persian digits.
"""

from __future__ import annotations

from typing import Iterator

from ..archive import civil_from_day, year_of
from ..timeline import GREGORIAN, TickLevel, Unit
from .persian import GREGORIAN_MONTHS_FA, SOLAR_HIJRI_MONTHS, persian_digits
from .solar_hijri import from_ordinal, to_ordinal, year_start

__all__ = ["SOLAR_HIJRI", "SolarHijriTicks"]

_FIRST = year_start(1)  # 1 Farvardin 1 AP
_LAST = to_ordinal(9377, 12, 29)  # the last Solar Hijri day within Gregorian 9999
_DASH = "–"


def _in_range(lo: int, hi: int) -> bool:
    return _FIRST <= lo and hi <= _LAST


def _gregorian_years(lo: int, hi: int) -> str:
    a, b = year_of(lo), year_of(hi)
    return persian_digits(str(a) if a == b else f"{a}{_DASH}{b}")


def _gregorian_months(lo: int, hi: int) -> str:
    (y0, m0, _), (y1, m1, _) = civil_from_day(lo), civil_from_day(hi)
    if y0 == y1:
        names = GREGORIAN_MONTHS_FA[m0 - 1] if m0 == m1 else f"{GREGORIAN_MONTHS_FA[m0 - 1]}{_DASH}{GREGORIAN_MONTHS_FA[m1 - 1]}"
        return persian_digits(f"{names} {y0}")
    return persian_digits(f"{GREGORIAN_MONTHS_FA[m0 - 1]} {y0}{_DASH}{GREGORIAN_MONTHS_FA[m1 - 1]} {y1}")


class SolarHijriTicks:
    """Ticks, labels and period labels in the Solar Hijri calendar (see the module's docstring)."""

    def tick_days(self, level: TickLevel, lo: int, hi: int) -> Iterator[int]:
        if not _in_range(lo, hi):
            yield from GREGORIAN.tick_days(level, lo, hi)
            return
        if level.unit is Unit.YEAR:
            first = from_ordinal(lo).year
            for year in range(first + (-first) % level.step, from_ordinal(hi).year + 1, level.step):
                day = year_start(year)
                if lo <= day <= hi:
                    yield day
        elif level.unit is Unit.MONTH:
            year, month, _ = from_ordinal(lo)
            month -= (month - 1) % level.step
            while True:
                day = to_ordinal(year, month, 1)
                if day > hi:
                    break
                if day >= lo:
                    yield day
                month += level.step
                if month > 12:
                    month -= 12
                    year += 1
        else:
            for day in range(lo, hi + 1):
                if level.step == 1 or from_ordinal(day).day in (1, 8, 15, 22):
                    yield day

    def tick_label(self, level: TickLevel, day: int) -> str:
        if not _in_range(day, day):
            return persian_digits(GREGORIAN.tick_label(level, day))
        sh = from_ordinal(day)
        if level.unit is Unit.YEAR:
            return persian_digits(f"{sh.year} ({year_of(day)})")
        if level.unit is Unit.MONTH:
            return SOLAR_HIJRI_MONTHS[sh.month - 1]
        return persian_digits(str(sh.day))

    def context_start(self, level: TickLevel, day: int) -> int:
        if not _in_range(day, day):
            return GREGORIAN.context_start(level, day)
        sh = from_ordinal(day)
        return year_start(sh.year) if level.unit is Unit.YEAR else to_ordinal(sh.year, sh.month, 1)

    def context_label(self, level: TickLevel, day: int, long: bool) -> str:
        if not _in_range(day, day):
            return persian_digits(GREGORIAN.context_label(level, day, long))
        sh = from_ordinal(day)
        if level.unit is Unit.YEAR:
            end = year_start(sh.year + 1) - 1
            text = f"{sh.year} ({_gregorian_years(day, end)})" if long else str(sh.year)
            return persian_digits(text)
        end = to_ordinal(sh.year, sh.month, 1) + 28  # any day of the month's last week
        month = SOLAR_HIJRI_MONTHS[sh.month - 1]
        text = f"{month} {sh.year} ({_gregorian_months(day, end)})" if long else f"{month} {sh.year}"
        return persian_digits(text)


SOLAR_HIJRI = SolarHijriTicks()
