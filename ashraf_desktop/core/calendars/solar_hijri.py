"""The Solar Hijri (Iranian) calendar as Iran's calendar authority publishes it.

Why not Qt's ``QCalendar`` Jalali system: it is arithmetic (the 2820-year cycle), and for ten years of
1206–1498 AP it puts the leap day a year early or late (1209/1210, 1242/1243, 1275/1276, 1436/1437,
1469/1470), which moves every day of those years by one against the official table. Inside the table
this module follows the table (``_ut_table``); outside it, where no official list exists, it uses the
same 2820-year arithmetic (which joins the table without a gap on both ends; tests check that).

All days are proleptic Gregorian ordinals (``datetime.date.toordinal()``), as in ``core.archive.dates``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from typing import NamedTuple

from ._ut_table import FIRST_NOWRUZ, FIRST_YEAR, LAST_YEAR, LEAP_YEARS

__all__ = ["SolarHijriDate", "is_leap", "year_start", "month_length", "to_ordinal", "from_ordinal",
           "TABLE_YEARS"]

#: The years whose leap days come from the official table; the others are computed.
TABLE_YEARS = range(FIRST_YEAR, LAST_YEAR + 1)

_EPOCH = 226896  # ordinal of 1 Farvardin 1 AP (22 March 622 proleptic Gregorian)


class SolarHijriDate(NamedTuple):
    year: int
    month: int  # 1 = Farvardin … 12 = Esfand
    day: int


def _arith_start(year: int) -> int:
    """1 Farvardin of ``year`` by the 2820-year arithmetic rule (Birashk's scheme)."""
    base = year - (474 if year >= 0 else 473)
    cycle_year = 474 + base % 2820
    return ((cycle_year * 682 - 110) // 2816 + (cycle_year - 1) * 365 + (base // 2820) * 1029983
            + _EPOCH)


def _table_starts() -> list[int]:
    starts = [_dt.date(*FIRST_NOWRUZ).toordinal()]
    for year in TABLE_YEARS:
        starts.append(starts[-1] + (366 if year in LEAP_YEARS else 365))
    return starts  # starts[i] is 1 Farvardin of FIRST_YEAR + i, up to LAST_YEAR + 1


_STARTS = _table_starts()


def year_start(year: int) -> int:
    """The ordinal of 1 Farvardin ``year``."""
    if FIRST_YEAR <= year <= LAST_YEAR + 1:
        return _STARTS[year - FIRST_YEAR]
    return _arith_start(year)


def is_leap(year: int) -> bool:
    """True when Esfand of ``year`` has 30 days (the year has 366)."""
    return year_start(year + 1) - year_start(year) == 366


def month_length(year: int, month: int) -> int:
    if not 1 <= month <= 12:
        raise ValueError(f"no month {month} in the Solar Hijri calendar (1 to 12)")
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_leap(year) else 29


def _days_before(month: int) -> int:
    return (month - 1) * 31 if month <= 7 else 6 * 31 + (month - 7) * 30


def to_ordinal(year: int, month: int, day: int) -> int:
    """The ordinal of a Solar Hijri date; ``ValueError`` for a day that does not exist."""
    if not 1 <= day <= month_length(year, month):
        raise ValueError(f"{year}/{month}/{day} does not exist in the Solar Hijri calendar")
    return year_start(year) + _days_before(month) + day - 1


def from_ordinal(ordinal: int) -> SolarHijriDate:
    """The Solar Hijri date of a proleptic Gregorian ordinal."""
    if _STARTS[0] <= ordinal < _STARTS[-1]:
        i = bisect.bisect_right(_STARTS, ordinal) - 1
        year, start = FIRST_YEAR + i, _STARTS[i]
    else:
        year = (ordinal - _EPOCH) * 33 // 12053 + 1  # 12053 days in 33 years: close, then adjust
        while _arith_start(year + 1) <= ordinal:
            year += 1
        while _arith_start(year) > ordinal:
            year -= 1
        start = _arith_start(year)
    day_of_year = ordinal - start  # 0-based
    if day_of_year < 186:
        return SolarHijriDate(year, day_of_year // 31 + 1, day_of_year % 31 + 1)
    day_of_year -= 186
    return SolarHijriDate(year, day_of_year // 30 + 7, day_of_year % 30 + 1)
