"""Uncertain historical dates (EDTF) as bounds a program can compare.

Archive dates are written in EDTF (`1986`, `2009-07`, `2003-04~`, `1965?`, `2012-02/2012-08`, `1979/..`)
because the sources rarely give an exact day. Everything that sorts, filters or draws by date works on a
:class:`DateSpan` - ordinal day bounds, never ``datetime`` (historical dates, no time zones) - and keeps the
original string so that the user always sees the date exactly as the archivist wrote it.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import math
import re
from dataclasses import dataclass
from enum import Enum


__all__ = ["DateError", "DateSpan", "Precision", "parse_date", "describe_date", "ordinal_to_iso"]

# Open interval ends ("1979/..") are clamped to these days so spans stay comparable integers.
MIN_ORDINAL = _dt.date(1, 1, 1).toordinal()
MAX_ORDINAL = _dt.date(9999, 12, 31).toordinal()

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


class DateError(ValueError):
    """A date string that is not valid EDTF; the message says what was written."""


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    INTERVAL = "interval"


@dataclass(frozen=True, slots=True)
class DateSpan:
    """An EDTF date as the inclusive range of days it may denote.

    ``lower``/``upper`` are proleptic Gregorian ordinals (``date.toordinal()``) of the strict bounds;
    ``approximate`` (``~``) and ``uncertain`` (``?``) are flags the timeline draws differently; an open
    end (``..``) is clamped to year 1 / 9999 and flagged.
    """

    edtf: str
    lower: int
    upper: int
    precision: Precision
    approximate: bool = False
    uncertain: bool = False
    open_start: bool = False
    open_end: bool = False

    @property
    def lower_date(self) -> _dt.date:
        return _dt.date.fromordinal(self.lower)

    @property
    def upper_date(self) -> _dt.date:
        return _dt.date.fromordinal(self.upper)

    @property
    def is_exact_day(self) -> bool:
        return self.lower == self.upper and not (self.approximate or self.uncertain)

    def overlaps(self, other: "DateSpan") -> bool:
        return self.lower <= other.upper and other.lower <= self.upper

    def overlaps_range(self, lower: int, upper: int) -> bool:
        return self.lower <= upper and lower <= self.upper

    @property
    def sort_key(self) -> tuple[int, int]:
        """Chronological order; an open start ("../2003-04") sorts by its known end, not by year 1."""
        return (self.upper, self.upper) if self.open_start else (self.lower, self.upper)


def ordinal_to_iso(ordinal: int) -> str:
    return _dt.date.fromordinal(ordinal).isoformat()


def _bound_to_ordinal(value: object, *, upper: bool) -> tuple[int, bool]:
    """Convert an edtf bound (struct_time, or +/-inf for an open end) to (ordinal, is_open)."""
    if value is None or (isinstance(value, float) and math.isinf(value)):
        return (MAX_ORDINAL if upper else MIN_ORDINAL), True
    year, month, day = value.tm_year, value.tm_mon, value.tm_mday  # type: ignore[attr-defined]
    year = min(max(year, 1), 9999)
    try:
        return _dt.date(year, month, day).toordinal(), False
    except ValueError:  # edtf may produce day 31 of a 30-day month for some unspecified forms
        last = (_dt.date(year + (month == 12), month % 12 + 1, 1) - _dt.timedelta(days=1)) if year < 9999 else _dt.date(9999, 12, 31)
        return last.toordinal(), False


def _precision(text: str) -> Precision:
    core = text.rstrip("~?%")
    if "/" in core:
        return Precision.INTERVAL
    if "X" in core.upper():
        return Precision.DECADE if core.upper().endswith("X") and len(core) == 4 else Precision.YEAR
    parts = core.lstrip("-").split("-")
    return {1: Precision.YEAR, 2: Precision.MONTH}.get(len(parts), Precision.DAY)


# The forms archivists write nearly always: YYYY, YYYY-MM, YYYY-MM-DD, each optionally ~ ? %.
_SIMPLE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%])?")


def _simple_bounds(point: str) -> tuple[int, int] | None:
    """Bounds of a simple EDTF point without the edtf parser (its pyparsing grammar costs ~30 ms a call).

    Returns None for anything else (seasons, X digits, negative years...), which goes to ``edtf``.
    """
    match = _SIMPLE.fullmatch(point)
    if not match:
        return None
    year = int(match.group(1))
    if year == 0:
        return None
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is None:
        return _dt.date(year, 1, 1).toordinal(), _dt.date(year, 12, 31).toordinal()
    if not 1 <= month <= 12:
        raise DateError(f"not a valid EDTF date: {point!r} (month {month} does not exist)")
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return _dt.date(year, month, 1).toordinal(), _dt.date(year, month, last).toordinal()
    if not 1 <= day <= last:
        raise DateError(f"not a valid EDTF date: {point!r} (day {day} does not exist in that month)")
    ordinal = _dt.date(year, month, day).toordinal()
    return ordinal, ordinal


def _fast_span(cleaned: str) -> DateSpan | None:
    if "/" in cleaned:
        start, end = cleaned.split("/", 1)
        open_start, open_end = start in ("", ".."), end in ("", "..")
        lo = None if open_start else _simple_bounds(start)
        hi = None if open_end else _simple_bounds(end)
        if (lo is None and not open_start) or (hi is None and not open_end) or (open_start and open_end):
            return None
        lower = MIN_ORDINAL if lo is None else lo[0]
        upper = MAX_ORDINAL if hi is None else hi[1]
    else:
        bounds = _simple_bounds(cleaned)
        if bounds is None:
            return None
        (lower, upper), open_start, open_end = bounds, False, False
    if lower > upper:
        raise DateError(f"date interval ends before it starts: {cleaned!r}")
    return DateSpan(edtf=cleaned, lower=lower, upper=upper, precision=_precision(cleaned),
                    approximate="~" in cleaned or "%" in cleaned, uncertain="?" in cleaned or "%" in cleaned,
                    open_start=open_start, open_end=open_end)


def parse_date(text: str) -> DateSpan:
    """Parse an EDTF string into a :class:`DateSpan`; raise :class:`DateError` saying what is wrong.

    Results are cached: archives repeat the same few thousand dates, and spans are immutable.
    """
    if not isinstance(text, str) or not text.strip():
        raise DateError("empty date (write an EDTF date such as 1986, 2009-07 or 2003-04~)")
    return _parse_cleaned(text.strip())


@functools.lru_cache(maxsize=65536)
def _parse_cleaned(cleaned: str) -> DateSpan:
    if len(cleaned) > 64:
        raise DateError(f"date too long to be EDTF: {cleaned[:30]!r}…")
    fast = _fast_span(cleaned)
    if fast is not None:
        return fast
    import edtf  # imported on first need: its pyparsing grammar costs ~0.4 s at start-up

    try:
        parsed = edtf.parse_edtf(cleaned)
    except Exception as exc:  # edtf raises its own EDTFParseException and sometimes plain errors
        raise DateError(f"not a valid EDTF date: {cleaned!r}") from exc
    try:
        lower, open_start = _bound_to_ordinal(parsed.lower_strict(), upper=False)
        upper, open_end = _bound_to_ordinal(parsed.upper_strict(), upper=True)
    except (TypeError, AttributeError, ValueError):
        # edtf 5.0.2 can fail on open intervals; read the two halves ourselves.
        if "/" not in cleaned:
            raise DateError(f"not a valid EDTF date: {cleaned!r}") from None
        start, end = cleaned.split("/", 1)
        open_start = start in ("", "..")
        open_end = end in ("", "..")
        lower = MIN_ORDINAL if open_start else parse_date(start).lower
        upper = MAX_ORDINAL if open_end else parse_date(end).upper
    if lower > upper:
        raise DateError(f"date interval ends before it starts: {cleaned!r}")
    return DateSpan(
        edtf=cleaned,
        lower=lower,
        upper=upper,
        precision=_precision(cleaned),
        approximate="~" in cleaned or "%" in cleaned,
        uncertain="?" in cleaned or "%" in cleaned,
        open_start=open_start,
        open_end=open_end,
    )


def _describe_point(text: str) -> str:
    core = text.rstrip("~?%")
    qualifier = ""
    if text.endswith("%"):
        qualifier = "perhaps about "
    elif text.endswith("~"):
        qualifier = "about "
    elif text.endswith("?"):
        qualifier = "perhaps "
    if core in ("", ".."):
        return "an open date"
    up = core.upper()
    if "X" in up:
        if len(up) == 4 and up.endswith("XX"):
            words = f"the {up[:2]}00s"
        elif len(up) == 4 and up.endswith("X"):
            words = f"the {up[:3]}0s"
        else:
            words = f"an unspecified date in {up[:4]}"
        return qualifier + words
    parts = core.split("-")
    try:
        if len(parts) == 1:
            words = parts[0]
        elif len(parts) == 2:
            month = int(parts[1])
            words = f"{_MONTHS[month - 1]} {parts[0]}" if 1 <= month <= 12 else core
        else:
            words = f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        words = core
    return qualifier + words


def describe_date(text: str) -> str:
    """A plain English reading of an EDTF date ("about April 2003", "from February 2012 to August 2012")."""
    cleaned = text.strip()
    if "/" in cleaned:
        start, end = cleaned.split("/", 1)
        if start in ("", ".."):
            return f"until {_describe_point(end)}"
        if end in ("", ".."):
            return f"from {_describe_point(start)} onwards"
        return f"from {_describe_point(start)} to {_describe_point(end)}"
    return _describe_point(cleaned)
