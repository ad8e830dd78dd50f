"""Uncertain historical dates (EDTF levels 0-2) as bounds a program can compare.

Archive dates are written in EDTF (`1986`, `2009-07`, `2003-04~`, `-0999`, `2001-21`, `156X-12-25`,
`[1667, 1670..1672]`, `Y-17E7`, `1979/..`) because the sources rarely give an exact day. Everything that
sorts, filters or draws by date works on a :class:`DateSpan` - day numbers (:mod:`.days`), never
``datetime``, which stops at years 1 and 9999 - and keeps the original string, so that the user always sees
the date exactly as the archivist wrote it.

The bounds are the *strict* bounds of the ``edtf`` package (the first and last day the date may denote,
qualifiers aside): the common forms are computed here without its parser (a pyparsing grammar costing
~30 ms a call), everything else goes through it. Nothing is clamped: a date the app cannot place (a year
beyond ±:data:`~.days.MAX_YEAR`, 29 February of a common year) is refused with a message saying why.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from enum import Enum

from .date_words import MONTHS, describe_date
from .days import (MAX_YEAR, OPEN_LOWER, OPEN_UPPER, YearRangeError, check_year, day_number, iso_day, month_length,
                   year_of)

__all__ = ["DateError", "DateSpan", "Precision", "parse_date", "describe_date", "ordinal_to_iso", "OPEN_LOWER",
           "OPEN_UPPER", "MIN_ORDINAL", "MAX_ORDINAL", "MAX_YEAR"]

#: Deprecated names of the open-end sentinels (they were years 1 and 9999 once; they are now beyond any day).
MIN_ORDINAL = OPEN_LOWER
MAX_ORDINAL = OPEN_UPPER

#: EDTF's longest forms (sets of many dates) stay well under this; longer text is not a date.
_MAX_LENGTH = 200


class DateError(ValueError):
    """A date string that is not valid EDTF, or that cannot be placed; the message says which and why."""


class Precision(str, Enum):
    """The unit of a date as written: what the timeline draws it as, and what the legend calls it."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"  # EDTF 21-41: seasons, quarters, quadrimesters, semesters
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    MILLENNIUM = "millennium"  # a millennium or longer ("1XXX", "XXXX-XX-23")
    INTERVAL = "interval"  # from one date to another
    SET = "set"  # one of, or all of, several dates ("[1667, 1668]", "{1960, 1961-12}")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """An EDTF date as the inclusive range of days it may denote.

    ``lower``/``upper`` are day numbers (:mod:`.days`; equal to ``date.toordinal()`` within years 1-9999)
    of the strict bounds. ``approximate`` (``~``) and ``uncertain`` (``?``) are flags the timeline draws
    differently. An open end (``..``) is :data:`OPEN_LOWER` / :data:`OPEN_UPPER` and flagged; an unknown
    end (``/2006``, ``2004-06-01/``) has the ``edtf`` package's estimate (ten years from the known end) and
    is flagged ``unknown_start``/``unknown_end``.
    """

    edtf: str
    lower: int
    upper: int
    precision: Precision
    approximate: bool = False
    uncertain: bool = False
    open_start: bool = False
    open_end: bool = False
    unknown_start: bool = False
    unknown_end: bool = False

    @property
    def lower_iso(self) -> str:
        """The first day in ISO 8601 ("-0999-01-01"), or ".." for an open start."""
        return ".." if self.open_start else iso_day(self.lower)

    @property
    def upper_iso(self) -> str:
        return ".." if self.open_end else iso_day(self.upper)

    @property
    def lower_year(self) -> int | None:
        return None if self.open_start else year_of(self.lower)

    @property
    def upper_year(self) -> int | None:
        return None if self.open_end else year_of(self.upper)

    @property
    def lower_date(self):  # -> datetime.date
        """The first day as a ``datetime.date``; raises :class:`DateError` outside years 1-9999."""
        return _to_date(self.lower, self.open_start)

    @property
    def upper_date(self):  # -> datetime.date
        return _to_date(self.upper, self.open_end)

    @property
    def is_exact_day(self) -> bool:
        return self.lower == self.upper and not (self.approximate or self.uncertain)

    def overlaps(self, other: "DateSpan") -> bool:
        return self.lower <= other.upper and other.lower <= self.upper

    def overlaps_range(self, lower: int, upper: int) -> bool:
        return self.lower <= upper and lower <= self.upper

    @property
    def sort_key(self) -> tuple[int, int]:
        """Chronological order; an open start ("../2003-04") sorts by its known end, not before all time."""
        return (self.upper, self.upper) if self.open_start else (self.lower, self.upper)


def _to_date(day: int, is_open: bool):
    import datetime as _dt

    if is_open or not 1 <= day <= _dt.date.max.toordinal():
        raise DateError(f"{iso_day(day) if not is_open else 'an open end'} is not a date Python's datetime holds")
    return _dt.date.fromordinal(day)


def ordinal_to_iso(day: int) -> str:
    """ISO 8601 of a day number (kept for callers of the old name; see :func:`.days.iso_day`)."""
    return iso_day(day)


# ------------------------------------------------------------------------------------------ fast paths

# The forms archivists write nearly always: [-]YYYY, YYYY-MM, YYYY-MM-DD, each optionally ~ ? %.
_SIMPLE = re.compile(r"(-?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%])?")
# Unspecified digits (level 1-2): 199X, 19XX, 1999-XX, 156X-12-25, XXXX-XX-23, -01XX, optionally qualified.
_MASKED = re.compile(r"(-?)([\dX]{4})(?:-([\dX]{2})(?:-([\dX]{2}))?)?([~?%])?")


def _point_bounds(point: str) -> tuple[int, int, Precision] | None:
    """Bounds of a plain or qualified point without the edtf parser; None when it is not that simple."""
    match = _SIMPLE.fullmatch(point)
    if not match:
        return None
    sign, year_s, month_s, day_s, _ = match.groups()
    if sign and year_s == "0000":
        raise DateError(f"not a valid EDTF date: {point!r} (there is no year -0000; write 0000 for 1 BCE)")
    year = -int(year_s) if sign else int(year_s)
    if month_s is None:
        return day_number(year, 1, 1), day_number(year, 12, 31), Precision.YEAR
    month = int(month_s)
    if not 1 <= month <= 12:
        if 21 <= month <= 41 and day_s is None:
            return None  # a season, quarter, quadrimester or semester: edtf knows their months
        raise DateError(f"not a valid EDTF date: {point!r} (month {month} does not exist; "
                        "21-24 are seasons, 25-41 seasons by hemisphere, quarters, quadrimesters and semesters)")
    last = month_length(year, month)
    if day_s is None:
        return day_number(year, month, 1), day_number(year, month, last), Precision.MONTH
    day = int(day_s)
    if not 1 <= day <= last:
        raise DateError(f"not a valid EDTF date: {point!r} ({MONTHS[month - 1]} of that year has {last} days)")
    n = day_number(year, month, day)
    return n, n, Precision.DAY


def _digits(mask: str, lo: int, hi: int) -> list[int]:
    """Values in ``lo..hi`` whose zero-padded digits match ``mask`` ("X" = any digit), ascending."""
    width = len(mask)
    return [v for v in range(lo, hi + 1)
            if all(m == "X" or m == c for m, c in zip(mask, f"{v:0{width}d}"))]


def _masked_bounds(point: str) -> tuple[int, int, Precision] | None:
    """Strict bounds of a date with unspecified digits: its earliest and latest *valid* matching day.

    Searching valid days (rather than substituting 0s and 9s) keeps "156X-02-29" within leap years and
    gets negative years right ("-0005-XX-XX" is all of 6 BCE, not an interval running backwards).
    """
    match = _MASKED.fullmatch(point)
    if not match or "X" not in point:
        return None
    sign, year_m, month_m, day_m, _ = match.groups()
    if sign and year_m == "0000":
        raise DateError(f"not a valid EDTF date: {point!r} (there is no year -0000)")
    years = _digits(year_m, 0, 9999)
    years = sorted(-y for y in years) if sign else years
    months = _digits(month_m, 1, 12) if month_m else list(range(1, 13))
    if not years or not months:
        raise DateError(f"not a valid EDTF date: {point!r} (no month matches {month_m!r})")

    def days(y: int, m: int) -> list[int]:
        return _digits(day_m, 1, month_length(y, m)) if day_m else list(range(1, month_length(y, m) + 1))

    def first(ys: list[int], ms: list[int], pick) -> int | None:
        for y in ys:
            for m in ms:
                ds = days(y, m)
                if ds:
                    return day_number(y, m, pick(ds))
        return None

    lower = first(years, months, min)
    upper = first(years[::-1], months[::-1], max)
    if lower is None or upper is None:
        raise DateError(f"not a valid EDTF date: {point!r} (no day of the calendar matches it)")
    return lower, upper, _precision_of_length(lower, upper)


def _precision_of_length(lower: int, upper: int) -> Precision:
    """The unit a span of days amounts to (for dates with unspecified digits and the edtf fallback)."""
    length = upper - lower + 1
    if length == 1:
        return Precision.DAY
    for limit, precision in ((31, Precision.MONTH), (366, Precision.YEAR), (3653, Precision.DECADE),
                             (36525, Precision.CENTURY)):
        if length <= limit:
            return precision
    return Precision.MILLENNIUM


def _flags(text: str) -> tuple[bool, bool]:
    return ("~" in text or "%" in text), ("?" in text or "%" in text)


def _fast_span(cleaned: str) -> DateSpan | None:
    """Points and intervals of simple or masked points, without the edtf parser; None for anything else."""
    def point(p: str) -> tuple[int, int, Precision] | None:
        return _point_bounds(p) or _masked_bounds(p)

    if "/" in cleaned:
        start, end = cleaned.split("/", 1)
        if start == "" or end == "":
            return None  # unknown ends: the edtf package's estimate, below
        open_start, open_end = start == "..", end == ".."
        lo = None if open_start else point(start)
        hi = None if open_end else point(end)
        if (lo is None and not open_start) or (hi is None and not open_end):
            return None
        lower = OPEN_LOWER if lo is None else lo[0]
        upper = OPEN_UPPER if hi is None else hi[1]
        precision = Precision.INTERVAL
    else:
        bounds = point(cleaned)
        if bounds is None:
            return None
        lower, upper, precision = bounds
        open_start = open_end = False
    if lower > upper:
        raise DateError(f"date interval ends before it starts: {cleaned!r}")
    approximate, uncertain = _flags(cleaned)
    return DateSpan(cleaned, lower, upper, precision, approximate, uncertain, open_start, open_end)


# ------------------------------------------------------------------------------------------ edtf package

def _struct_day(value: object, text: str) -> int | None:
    """A bound of the edtf package (struct_time, or ±inf for an open end) as a day number; None when open."""
    if isinstance(value, float) and math.isinf(value):
        return None
    year, month, day = value.tm_year, value.tm_mon, value.tm_mday  # type: ignore[attr-defined]
    try:
        check_year(year)
    except YearRangeError as exc:
        raise DateError(f"{text!r}: {exc}") from None
    if not 1 <= month <= 12 or not 1 <= day <= month_length(year, month):
        raise DateError(f"not a valid EDTF date: {text!r} (there is no day {day} in "
                        f"{MONTHS[month - 1] if 1 <= month <= 12 else f'month {month}'} of that year)")
    return day_number(year, month, day)


def _edtf_precision(parsed: object, lower: int, upper: int) -> Precision:
    name = type(parsed).__name__
    if "Interval" in name:
        return Precision.INTERVAL
    if name in ("OneOfASet", "MultipleDates"):
        return Precision.SET
    if "Season" in name:
        return Precision.SEASON
    if name in ("LongYear", "ExponentialYear"):
        return Precision.YEAR
    return _precision_of_length(lower, upper)


_LONG_YEAR_WITHOUT_Y = re.compile(r"-?\d{5,}")


def _edtf_span(cleaned: str) -> DateSpan:
    import edtf  # imported on first need: its pyparsing grammar costs ~0.4 s at start-up

    try:
        parsed = edtf.parse_edtf(cleaned)
        lo, hi = parsed.lower_strict(), parsed.upper_strict()
    except Exception as exc:  # edtf raises EDTFParseException, and TypeError on some malformed input
        hint = ""
        if _LONG_YEAR_WITHOUT_Y.fullmatch(cleaned):
            hint = f" (years of more than four digits are written with a Y: Y{cleaned})"
        raise DateError(f"not a valid EDTF date: {cleaned!r}{hint}") from exc
    lower, upper = _struct_day(lo, cleaned), _struct_day(hi, cleaned)
    open_start, open_end = lower is None, upper is None
    lower = OPEN_LOWER if lower is None else lower
    upper = OPEN_UPPER if upper is None else upper
    if lower > upper:
        raise DateError(f"date interval ends before it starts: {cleaned!r}")
    unknown_start = unknown_end = False
    if "/" in cleaned and cleaned[0] not in "[{":
        start, end = cleaned.split("/", 1)
        unknown_start, unknown_end = start == "", end == ""
    approximate, uncertain = _flags(cleaned)
    return DateSpan(cleaned, lower, upper, _edtf_precision(parsed, lower, upper), approximate, uncertain,
                    open_start, open_end, unknown_start, unknown_end)


def parse_date(text: str) -> DateSpan:
    """Parse an EDTF string into a :class:`DateSpan`; raise :class:`DateError` saying what is wrong.

    Results are cached: archives repeat the same few thousand dates, and spans are immutable.
    """
    if not isinstance(text, str) or not text.strip():
        raise DateError("empty date (write an EDTF date such as 1986, 2009-07 or 2003-04~)")
    return _parse_cleaned(text.strip())


@functools.lru_cache(maxsize=65536)
def _parse_cleaned(cleaned: str) -> DateSpan:
    if len(cleaned) > _MAX_LENGTH:
        raise DateError(f"date too long to be EDTF: {cleaned[:30]!r}…")
    fast = _fast_span(cleaned)
    return fast if fast is not None else _edtf_span(cleaned)

