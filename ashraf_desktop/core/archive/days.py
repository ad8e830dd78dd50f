"""Day numbers: whole days on one proleptic Gregorian count, for any year from deep past to far future.

``datetime.date`` stops at years 1 and 9999; archives do not (a Sumerian tablet, "Y-17E7" in a geology
catalogue, EDTF's year 0). Every date in the app is therefore an ``int`` day number: the same number as
``date.toordinal()`` for 0001-01-01 … 9999-12-31 (0001-01-01 is day 1), extended both ways with
astronomical years - year 0 is 1 BCE, year -999 is 1000 BCE - as ISO 8601 and EDTF count them.

Years are limited to ±:data:`MAX_YEAR` so that every day number (and every pixel computed from one) is
exact in a float64 and fits SQLite's and Whoosh's 64-bit integers. Open ends of intervals are the
sentinels :data:`OPEN_LOWER` / :data:`OPEN_UPPER`, beyond every real day: "from 1979 onwards" overlaps
any later range with the same two comparisons as a closed span.
"""

from __future__ import annotations

__all__ = ["MAX_YEAR", "MIN_DAY", "MAX_DAY", "OPEN_LOWER", "OPEN_UPPER", "day_number", "civil_from_day",
           "year_of", "is_leap", "month_length", "iso_day", "year_words", "YearRangeError", "check_year"]

#: The largest year (and, negated, the smallest) the app can place: a trillion years minus one.
MAX_YEAR = 999_999_999_999

#: Sentinels for an open start ("../2006") and an open end ("1979/.."): below/above every real day.
OPEN_LOWER = -(2 ** 62)
OPEN_UPPER = 2 ** 62

# 0000-03-01 (the origin of the era arithmetic below) is day -305, so that 0001-01-01 is day 1.
_SHIFT = 305
_DAYS_PER_ERA = 146097  # 400 Gregorian years


class YearRangeError(ValueError):
    """A year outside ±MAX_YEAR: such a date cannot be placed, and is refused rather than clamped."""


def check_year(year: int) -> int:
    if not -MAX_YEAR <= year <= MAX_YEAR:
        digits = len(str(abs(year)))
        shown = f"{year:,}" if digits <= 18 else f"{'-' if year < 0 else ''}10^{digits - 1} or so"
        raise YearRangeError(f"the year {shown} is beyond what the app can place "
                             f"(years from -{MAX_YEAR:,} to {MAX_YEAR:,})")
    return year


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def day_number(year: int, month: int, day: int) -> int:
    """The day number of a proleptic Gregorian date (astronomical year numbering); no range checks."""
    y = year - (month <= 2)
    era = y // 400  # floor division: right for negative years too
    yoe = y - era * 400
    doy = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * _DAYS_PER_ERA + doe - _SHIFT


def civil_from_day(n: int) -> tuple[int, int, int]:
    """(year, month, day) of a day number; the inverse of :func:`day_number`."""
    z = n + _SHIFT
    era = z // _DAYS_PER_ERA
    doe = z - era * _DAYS_PER_ERA
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


#: The first and last placeable days: 1 January of year -MAX_YEAR and 31 December of year MAX_YEAR.
MIN_DAY = day_number(-MAX_YEAR, 1, 1)
MAX_DAY = day_number(MAX_YEAR, 12, 31)


def year_of(n: int) -> int:
    return civil_from_day(n)[0]


def iso_day(n: int) -> str:
    """ISO 8601 (expanded where needed): "2009-02-20", "0000-01-01", "-0999-01-01", "+170000002-01-01"."""
    year, month, day = civil_from_day(n)
    if 0 <= year <= 9999:
        return f"{year:04d}-{month:02d}-{day:02d}"
    sign = "-" if year < 0 else "+"
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


def year_words(year: int) -> str:
    """A year as a reader writes it: "1986", "1000 BCE" (astronomical -999), "1 BCE" (year 0),
    "170,000,002" - digit groups from five digits on."""
    if year >= 1:
        return f"{year:,}" if year >= 10000 else str(year)
    bce = 1 - year
    return (f"{bce:,}" if bce >= 10000 else str(bce)) + " BCE"
