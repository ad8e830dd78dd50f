"""Calendars other than the Gregorian one the archive is dated in, for display only.

::

    from ashraf_desktop.core.calendars import describe_date_fa, persian_number, from_ordinal
    describe_date_fa("2009-07-01")      # '۱۰ تیر ۱۳۸۸ (۱ ژوئیه ۲۰۰۹)'
    from_ordinal(date(1986, 1, 1).toordinal())   # SolarHijriDate(year=1364, month=10, day=11)

Stored dates stay EDTF (``core.archive.dates``); nothing here parses user input into the archive.
"""

from __future__ import annotations

from .persian import (GREGORIAN_MONTHS_FA, SOLAR_HIJRI_MONTHS, describe_date_fa, persian_digits, persian_number,
                      solar_hijri_day)
from .solar_hijri import TABLE_YEARS, SolarHijriDate, from_ordinal, is_leap, month_length, to_ordinal, year_start

__all__ = ["SolarHijriDate", "from_ordinal", "to_ordinal", "is_leap", "month_length", "year_start", "TABLE_YEARS",
           "describe_date_fa", "persian_digits", "persian_number", "solar_hijri_day", "SOLAR_HIJRI_MONTHS",
           "GREGORIAN_MONTHS_FA"]
