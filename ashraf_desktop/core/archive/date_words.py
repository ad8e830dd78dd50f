"""EDTF dates in plain English: "about April 2003", "spring 2001", "1000 BCE", "one of: 1667, 1668".

The timeline, the viewer, citations and the CLI show these words beside the EDTF as written. Every form of
EDTF levels 0-2 gets words; anything unrecognised comes back exactly as written (never an error: a reader
can always be shown the archivist's own text).
"""

from __future__ import annotations

import re

from .days import year_words

__all__ = ["describe_date", "MONTHS"]

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

_SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_HEMISPHERES = {25: ("spring", "northern"), 26: ("summer", "northern"), 27: ("autumn", "northern"),
                28: ("winter", "northern"), 29: ("spring", "southern"), 30: ("summer", "southern"),
                31: ("autumn", "southern"), 32: ("winter", "southern")}
_PARTS = {33: "first quarter", 34: "second quarter", 35: "third quarter", 36: "fourth quarter",
          37: "first four months", 38: "second four months", 39: "last four months",
          40: "first half", 41: "second half"}

_POINT = re.compile(r"([?~%])?(-?[\dX]{4})([?~%])?"
                    r"(?:-([?~%])?([\dX]{2})([?~%])?"
                    r"(?:-([?~%])?([\dX]{2})([?~%])?)?)?"
                    r"(?:S(\d+))?([?~%])?")
_LONG_YEAR = re.compile(r"Y(-?)(\d+)(?:E(\d+))?(?:S(\d+))?([?~%])?")
_QUALIFIER_WORDS = {frozenset("~"): "approximate", frozenset("?"): "uncertain",
                    frozenset("?~"): "uncertain and approximate"}
_PREFIX = {frozenset("~"): "about ", frozenset("?"): "perhaps ", frozenset("?~"): "perhaps about "}


def _marks(q: str | None) -> frozenset[str]:
    if not q:
        return frozenset()
    return frozenset("?~") if q == "%" else frozenset(q)


def _year_phrases(mask: str) -> tuple[str, str, bool]:
    """(standalone words, words after "of", known) for a year that may have unspecified digits."""
    negative = mask.startswith("-")
    digits = mask.lstrip("-")
    if "X" not in digits:
        year = -int(digits) if negative else int(digits)
        return year_words(year), year_words(year), True
    if set(digits) == {"X"}:
        return "an unknown year", "an unknown year", False
    lo, hi = int(digits.replace("X", "0")), int(digits.replace("X", "9"))
    if negative:
        lo, hi = -hi, -lo
    trailing = len(digits) - len(digits.rstrip("X"))
    if not negative and "X" not in digits.rstrip("X") and trailing <= 2:
        return f"the {lo}s", f"a year in the {lo}s", False
    words = f"a year from {year_words(lo)} to {year_words(hi)}"
    return words, words, False


def _significant(year: int, digits: int) -> str:
    text = str(abs(year))
    if digits >= len(text):
        return ""
    lo = int(text[:digits] + "0" * (len(text) - digits))
    hi = int(text[:digits] + "9" * (len(text) - digits))
    if year < 0:
        lo, hi = -hi, -lo
    return f" (an estimate: some year from {year_words(lo)} to {year_words(hi)})"


def _point_words(year_m: str, month_m: str | None, day_m: str | None) -> str:
    standalone, of_year, known = _year_phrases(year_m)
    year_ctx = of_year if known else f"of {of_year}"
    if month_m is None:
        return standalone
    if "X" not in month_m and int(month_m) > 12:
        number = int(month_m)
        if number in _SEASONS:
            return f"{_SEASONS[number]} {of_year}" if known else f"{_SEASONS[number]} of {of_year}"
        if number in _HEMISPHERES:
            season, half = _HEMISPHERES[number]
            return f"{season} {of_year} ({half} hemisphere)" if known else \
                f"{season} of {of_year} ({half} hemisphere)"
        return f"the {_PARTS[number]} of {of_year}"
    month_known = "X" not in month_m
    month = MONTHS[int(month_m) - 1] if month_known else ""
    if day_m is None:
        if month_known:
            return f"{month} {year_ctx}"
        return f"an unknown month in {of_year}" if known else f"an unknown month {year_ctx}"
    if "X" in day_m:
        if month_known:
            return f"an unknown day in {month} {year_ctx}"
        return f"an unknown day in {of_year}" if known else f"an unknown day {year_ctx}"
    day = int(day_m)
    if month_known:
        return f"{day} {month} {year_ctx}"
    return f"day {day} of an unknown month in {of_year}" if known else f"day {day} of an unknown month {year_ctx}"


def _qualified(base: str, per_component: list[frozenset[str]], names: tuple[str, ...]) -> str:
    if not any(per_component):
        return base
    if len(set(per_component)) == 1:
        return _PREFIX[per_component[0]] + base
    groups: dict[frozenset[str], list[str]] = {}
    for name, marks in zip(names, per_component):
        if marks:
            groups.setdefault(marks, []).append(name)
    parts = [f"{' and '.join(group)} {_QUALIFIER_WORDS[marks]}" for marks, group in groups.items()]
    return f"{base} ({'; '.join(parts)})"


def _describe_point(text: str) -> str:
    if text in ("", ".."):
        return "an open date"
    date, _, time = text.partition("T")
    if time:
        return f"{_describe_point(date)}, {time}"
    long = _LONG_YEAR.fullmatch(text)
    if long:
        sign, digits, exponent, significant, q = long.groups()
        if exponent and int(exponent) > 15:
            return text
        year = int(digits) * 10 ** int(exponent or 0) * (-1 if sign else 1)
        words = year_words(year) + (_significant(year, int(significant)) if significant else "")
        return _qualified(words, [_marks(q)], ("year",))
    match = _POINT.fullmatch(text)
    if not match:
        return text
    yl, year_m, yr, ml, month_m, mr, dl, day_m, dr, significant, tail = match.groups()
    components = [(yl, yr)] + ([(ml, mr)] if month_m else []) + ([(dl, dr)] if day_m else [])
    marks = [frozenset[str]() for _ in components]
    for i, (left, right) in enumerate(components):
        marks[i] |= _marks(left)
        for j in range(i + 1):  # a qualifier right of a component also qualifies those before it
            marks[j] |= _marks(right)
    for j in range(len(marks)):
        marks[j] |= _marks(tail)
    base = _point_words(year_m, month_m, day_m)
    if significant and "X" not in year_m and month_m is None:
        base += _significant(int(year_m), int(significant))
    return _qualified(base, marks, ("year", "month", "day"))


def _describe_element(text: str) -> str:
    """One element of an EDTF set: a date, or a range "a..b", "..a" (or earlier), "a.." (or later)."""
    text = text.strip()
    if ".." in text:
        start, _, end = text.partition("..")
        if not start:
            return f"{_describe_point(end)} or earlier"
        if not end:
            return f"{_describe_point(start)} or later"
        return f"{_describe_point(start)} to {_describe_point(end)}"
    return _describe_point(text)


def describe_date(text: str) -> str:
    """A plain English reading of an EDTF date ("about April 2003", "from February 2012 to August 2012")."""
    cleaned = text.strip()
    try:
        if len(cleaned) >= 2 and cleaned[0] in "[{" and cleaned[-1] in "]}":
            elements = [_describe_element(e) for e in cleaned[1:-1].split(",") if e.strip()]
            if len(elements) == 1:
                return elements[0] if cleaned[0] == "[" or ".." not in cleaned else f"all of {elements[0]}"
            return ("one of: " if cleaned[0] == "[" else "all of: ") + ", ".join(elements)
        if "/" in cleaned:
            start, end = cleaned.split("/", 1)
            if start == ".." and end == "..":
                return "an open interval (neither start nor end given)"
            if start == "..":
                return f"until {_describe_point(end)}"
            if start == "":
                return f"until {_describe_point(end)}, start unknown"
            if end == "..":
                return f"from {_describe_point(start)} onwards"
            if end == "":
                return f"from {_describe_point(start)}, end unknown"
            return f"from {_describe_point(start)} to {_describe_point(end)}"
        return _describe_point(cleaned)
    except (ValueError, IndexError, KeyError):
        return cleaned
