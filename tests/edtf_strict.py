"""The ``edtf`` package's strict bounds of an EDTF string, as day numbers: what the app's dates must equal.

Computed from the package's ``struct_time`` values with plain integer arithmetic of our own (``datetime``
cannot hold years before 1 or after 9999), so the comparison does not go through the code under test.
"""

from __future__ import annotations

import math

import edtf

from ashraf_desktop.core.archive.days import OPEN_LOWER, OPEN_UPPER


def _days(year: int, month: int, day: int) -> int:
    """Proleptic Gregorian day number (0001-01-01 = 1), counted directly from whole years and months."""
    y = year - 1
    days_before_year = 365 * y + y // 4 - y // 100 + y // 400
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    month_starts = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
    return days_before_year + month_starts[month - 1] + (month > 2 and leap) + day


def strict_bounds(text: str) -> tuple[int, int]:
    parsed = edtf.parse_edtf(text)

    def one(value, if_open: int) -> int:
        if isinstance(value, float) and math.isinf(value):
            return if_open
        return _days(value.tm_year, value.tm_mon, value.tm_mday)

    return one(parsed.lower_strict(), OPEN_LOWER), one(parsed.upper_strict(), OPEN_UPPER)
