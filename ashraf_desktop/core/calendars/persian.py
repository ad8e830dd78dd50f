"""Dates and numbers as a Persian reader writes them: Solar Hijri first, the Gregorian date beside it.

An EDTF date says how much the archivist knew (a day, a month, a year, a decade, "about", "perhaps"), and
its Solar Hijri reading must say no more: a Gregorian month straddles two Solar Hijri months
(``2009-07`` is "تیر–مرداد ۱۳۸۸") and a year two Solar Hijri years (``1986`` is "۱۳۶۴–۱۳۶۵"). The
Gregorian form in brackets is the date as written, so the reader can always check it. EDTF stays the
stored form; these strings are only for display.
"""

from __future__ import annotations

import datetime as _dt

from ..archive import DateError, DateSpan, Precision, civil_from_day, parse_date, year_of
from .solar_hijri import from_ordinal

__all__ = ["SOLAR_HIJRI_MONTHS", "GREGORIAN_MONTHS_FA", "persian_digits", "persian_number",
           "solar_hijri_day", "describe_date_fa"]

SOLAR_HIJRI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی",
                      "بهمن", "اسفند")
GREGORIAN_MONTHS_FA = ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر",
                       "نوامبر", "دسامبر")

_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_THOUSANDS = "٬"  # U+066C ARABIC THOUSANDS SEPARATOR
_DECIMAL = "٫"  # U+066B ARABIC DECIMAL SEPARATOR
_DASH = "–"


def persian_digits(text: str) -> str:
    """``text`` with its ASCII digits written as Persian digits (nothing else changes)."""
    return text.translate(_DIGITS)


def persian_number(value: int | float, decimals: int = 0) -> str:
    """``1234`` → ``۱٬۲۳۴``; ``1.5`` with ``decimals=1`` → ``۱٫۵``."""
    text = f"{value:,.{decimals}f}" if decimals else f"{int(round(value)):,}"
    return text.replace(",", _THOUSANDS).replace(".", _DECIMAL).translate(_DIGITS)


def solar_hijri_day(day: _dt.date | int) -> str:
    """One day in words: ``۱۰ تیر ۱۳۸۸``."""
    number = day if isinstance(day, int) else day.toordinal()
    sh = from_ordinal(number)
    return persian_digits(f"{sh.day} {SOLAR_HIJRI_MONTHS[sh.month - 1]} {sh.year}")


def _gregorian_day(number: int) -> str:
    y, m, d = civil_from_day(number)
    return persian_digits(f"{d} {GREGORIAN_MONTHS_FA[m - 1]} {y}")


def _months(first: str, y0: int, last: str, y1: int, same_month: bool) -> str:
    if same_month:
        return persian_digits(f"{first} {y0}")
    if y0 == y1:
        return persian_digits(f"{first}{_DASH}{last} {y0}")
    return persian_digits(f"{first} {y0}{_DASH}{last} {y1}")


def _sh_months(lower: int, upper: int) -> str:
    """The Solar Hijri month or months a span of days falls in: ``تیر–مرداد ۱۳۸۸``."""
    a, b = from_ordinal(lower), from_ordinal(upper)
    return _months(SOLAR_HIJRI_MONTHS[a.month - 1], a.year, SOLAR_HIJRI_MONTHS[b.month - 1], b.year,
                   (a.year, a.month) == (b.year, b.month))


def _gregorian_months(lower: int, upper: int) -> str:
    (y0, m0, _), (y1, m1, _) = civil_from_day(lower), civil_from_day(upper)
    return _months(GREGORIAN_MONTHS_FA[m0 - 1], y0, GREGORIAN_MONTHS_FA[m1 - 1], y1, (y0, m0) == (y1, m1))


def _sh_years(lower: int, upper: int) -> str:
    a, b = from_ordinal(lower).year, from_ordinal(upper).year
    return persian_digits(str(a) if a == b else f"{a}{_DASH}{b}")


def _gregorian_year(year: int) -> str:
    return persian_digits(str(year) if year >= 1 else f"{1 - year} پیش از میلاد")


def _qualifier(span: DateSpan) -> str:
    if span.approximate and span.uncertain:
        return "احتمالاً حدود "
    if span.approximate:
        return "حدود "
    if span.uncertain:
        return "احتمالاً "
    return ""


def _point(span: DateSpan, gregorian: bool) -> str:
    lo, hi = span.lower, span.upper
    y0, y1 = year_of(lo), year_of(hi)
    if not (1 <= y0 and y1 <= 9999):  # deep time: no Solar Hijri reading worth giving
        years = _gregorian_year(y0) if y0 == y1 else f"{_gregorian_year(y0)}{_DASH}{_gregorian_year(y1)}"
        return _qualifier(span) + years
    if span.precision is Precision.DAY and lo == hi:
        sh, greg = solar_hijri_day(lo), _gregorian_day(lo)
    elif span.precision in (Precision.MONTH, Precision.SEASON) and hi - lo < 366:
        sh, greg = _sh_months(lo, hi), _gregorian_months(lo, hi)
    else:  # a year, a decade ("198X"), a century ("19XX"), a day left unspecified ("2003-XX")...
        if y1 - y0 == 9 and y0 % 10 == 0:
            greg = f"دههٔ {y0} میلادی"
        else:
            greg = f"{y0} میلادی" if y0 == y1 else f"{y0}{_DASH}{y1} میلادی"
        sh, greg = _sh_years(lo, hi), persian_digits(greg)
    text = f"{sh} ({greg})" if gregorian else sh
    return _qualifier(span) + text


def describe_date_fa(edtf: str, gregorian: bool = True) -> str:
    """An EDTF date in Persian words, Solar Hijri with the Gregorian date in brackets.

    ``2009-07-01`` → ``۱۰ تیر ۱۳۸۸ (۱ ژوئیه ۲۰۰۹)``; ``2003-04~`` → ``حدود فروردین–اردیبهشت ۱۳۸۲ (آوریل ۲۰۰۳)``;
    ``2012-02/2012-08`` → ``از … تا …``. A string that is not EDTF is returned exactly as
    written (the archive's words are never replaced by a guess).
    """
    cleaned = (edtf or "").strip()
    try:
        if "/" in cleaned and not cleaned.startswith(("[", "{")):
            start, end = cleaned.split("/", 1)
            if start == "..":
                return f"تا {_point(parse_date(end), gregorian)}"
            if start == "":
                return f"از تاریخی نامعلوم تا {_point(parse_date(end), gregorian)}"
            if end == "..":
                return f"از {_point(parse_date(start), gregorian)} به بعد"
            if end == "":
                return f"از {_point(parse_date(start), gregorian)} تا تاریخی نامعلوم"
            return f"از {_point(parse_date(start), gregorian)} تا {_point(parse_date(end), gregorian)}"
        span = parse_date(cleaned)
        if span.precision is Precision.SET:
            return cleaned  # "one of" / "all of" several dates: shown as written
        return _point(span, gregorian)
    except (DateError, ValueError, OverflowError):
        return cleaned
