"""The Solar Hijri calendar against the University of Tehran Calendar Center's table, day by day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ashraf_desktop.core.calendars import (describe_date_fa, from_ordinal, is_leap, month_length, persian_digits,
                                           persian_number, solar_hijri_day, to_ordinal, year_start)
from ashraf_desktop.core.calendars.solar_hijri import _arith_start

TABLE = Path(__file__).parent / "data" / "calendar" / "kabise.txt"


def _official() -> dict[int, tuple[bool, int]]:
    """{year: (leap, ordinal of 1 Farvardin)} read from the verbatim table."""
    out = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        year, nowruz = line.split()
        out[int(year.rstrip("*"))] = (year.endswith("*"), dt.date.fromisoformat(nowruz).toordinal())
    return out


OFFICIAL = _official()


def test_the_table_is_the_whole_range():
    assert sorted(OFFICIAL) == list(range(1206, 1499))


def test_every_day_of_1206_to_1498_matches_the_official_table():
    years = sorted(OFFICIAL)
    checked = 0
    for year in years:
        leap, start = OFFICIAL[year]
        length = (OFFICIAL[year + 1][1] - start) if year + 1 in OFFICIAL else (366 if leap else 365)
        assert length == (366 if leap else 365), f"the table itself: {year}"
        assert is_leap(year) is leap, year
        assert year_start(year) == start, year
        months = [31] * 6 + [30] * 5 + [length - 336]
        ordinal = start
        for month, days in enumerate(months, 1):
            assert month_length(year, month) == days, (year, month)
            for day in range(1, days + 1):
                assert from_ordinal(ordinal) == (year, month, day), dt.date.fromordinal(ordinal)
                assert to_ordinal(year, month, day) == ordinal, (year, month, day)
                ordinal += 1
                checked += 1
    assert checked == OFFICIAL[1498][1] + 366 - OFFICIAL[1206][1]  # 107,016 days, none skipped


def test_the_arithmetic_years_join_the_table_without_a_gap():
    # Outside 1206–1498 the 2820-year rule is used; its 1206 and 1499 begin where the table's do.
    assert _arith_start(1206) == OFFICIAL[1206][1]
    assert _arith_start(1499) == OFFICIAL[1498][1] + 366
    for ordinal in range(OFFICIAL[1206][1] - 800, OFFICIAL[1206][1] + 5):
        sh = from_ordinal(ordinal)
        assert to_ordinal(*sh) == ordinal
    assert from_ordinal(dt.date(622, 3, 22).toordinal()) == (1, 1, 1)
    assert from_ordinal(OFFICIAL[1498][1] + 366) == (1499, 1, 1)


def test_qt_arithmetic_jalali_differs_from_the_table_where_we_use_the_table():
    """Why the app does not use QCalendar's Jalali system (the issue's premise, kept measurable)."""
    qtcore = pytest.importorskip("PySide6.QtCore")
    jalali = qtcore.QCalendar(qtcore.QCalendar.System.Jalali)
    wrong = sorted(y for y, (leap, _) in OFFICIAL.items() if jalali.isLeapYear(y) != leap)
    assert wrong == [1209, 1210, 1242, 1243, 1275, 1276, 1436, 1437, 1469, 1470]
    assert all(is_leap(y) == OFFICIAL[y][0] for y in wrong)


def test_a_day_that_does_not_exist_is_refused():
    with pytest.raises(ValueError):
        to_ordinal(1403, 12, 31)
    with pytest.raises(ValueError):
        to_ordinal(1402, 12, 30)  # 1402 is not leap
    assert to_ordinal(1403, 12, 30) == dt.date(2025, 3, 20).toordinal()


@pytest.mark.parametrize("edtf, text", [
    ("2009-07-01", "۱۰ تیر ۱۳۸۸ (۱ ژوئیه ۲۰۰۹)"),
    ("2009-07", "تیر–مرداد ۱۳۸۸ (ژوئیه ۲۰۰۹)"),
    ("2009-03", "اسفند ۱۳۸۷–فروردین ۱۳۸۸ (مارس ۲۰۰۹)"),
    ("1986", "۱۳۶۴–۱۳۶۵ (۱۹۸۶ میلادی)"),
    ("2003-04~", "حدود فروردین–اردیبهشت ۱۳۸۲ (آوریل ۲۰۰۳)"),
    ("1965?", "احتمالاً ۱۳۴۳–۱۳۴۴ (۱۹۶۵ میلادی)"),
    ("198X", "۱۳۵۸–۱۳۶۸ (دههٔ ۱۹۸۰ میلادی)"),
    ("2012-02/2012-08", "از بهمن–اسفند ۱۳۹۰ (فوریه ۲۰۱۲) تا مرداد–شهریور ۱۳۹۱ (اوت ۲۰۱۲)"),
    ("1979/..", "از ۱۳۵۷–۱۳۵۸ (۱۹۷۹ میلادی) به بعد"),
    ("../2013", "تا ۱۳۹۱–۱۳۹۲ (۲۰۱۳ میلادی)"),
    ("/2006", "از تاریخی نامعلوم تا ۱۳۸۴–۱۳۸۵ (۲۰۰۶ میلادی)"),
    ("2001-21", "اسفند ۱۳۷۹–خرداد ۱۳۸۰ (مارس–مه ۲۰۰۱)"),  # spring 2001, as the edtf package bounds it
    ("-0999", "۱۰۰۰ پیش از میلاد"),  # before the Solar Hijri era: the Gregorian year only
    ("[1667, 1668]", "[1667, 1668]"),  # one of several dates: as written
])
def test_edtf_dates_read_in_persian_with_the_gregorian_beside(edtf, text):
    assert describe_date_fa(edtf) == text


def test_a_date_that_is_not_edtf_is_shown_as_written():
    assert describe_date_fa("spring 2003 (per source)") == "spring 2003 (per source)"


def test_persian_digits_and_numbers():
    assert persian_digits("Camp 2013, 3,400 residents") == "Camp ۲۰۱۳, ۳,۴۰۰ residents"
    assert persian_number(3400) == "۳٬۴۰۰"
    assert persian_number(0.25, 2) == "۰٫۲۵"
    assert solar_hijri_day(dt.date(2013, 9, 1)) == "۱۰ شهریور ۱۳۹۲"


# --- the timeline's axis in the Solar Hijri calendar ---------------------------------------------------------

def _ticks(first: dt.date, last: dt.date, width: float = 1000.0, calendar=None):
    from ashraf_desktop.core.calendars.ticks import SOLAR_HIJRI
    from ashraf_desktop.core.timeline import Scale, ticks
    scale = Scale.fit(first.toordinal(), last.toordinal() + 1, width)
    return ticks(scale, 0.0, width, lambda text: 7.0 * len(text), calendar=calendar or SOLAR_HIJRI)


def test_year_ticks_fall_on_nowruz_and_read_solar_hijri_with_the_gregorian_year():
    tickset = _ticks(dt.date(1986, 1, 1), dt.date(2013, 12, 31))
    assert str(tickset.level.unit.value) == "year"
    assert tickset.major
    for tick in tickset.major:
        sh = from_ordinal(tick.day)
        assert (sh.month, sh.day) == (1, 1)  # 1 Farvardin
        assert sh.year % tickset.level.step == 0
        greg = dt.date.fromordinal(tick.day).year
        assert tick.label == persian_digits(f"{sh.year} ({greg})")


def test_month_and_day_ticks_carry_solar_hijri_months_and_the_period_above_them():
    tickset = _ticks(dt.date(2009, 3, 1), dt.date(2010, 4, 4))  # 2.5 px a day: months fit, weeks do not
    assert str(tickset.level.unit.value) == "month"
    from ashraf_desktop.core.calendars import SOLAR_HIJRI_MONTHS
    labels = [t.label for t in tickset.major]
    first = SOLAR_HIJRI_MONTHS.index(labels[0])
    assert labels == [SOLAR_HIJRI_MONTHS[(first + i) % 12] for i in range(len(labels))]
    assert all(from_ordinal(t.day).day == 1 for t in tickset.major)
    assert [c.label for c in tickset.context][:2] == ["۱۳۸۷", "۱۳۸۸ (۲۰۰۹–۲۰۱۰)"]  # the first squeezed: short
    days = _ticks(dt.date(2009, 7, 1), dt.date(2009, 7, 12), width=1200)
    assert str(days.level.unit.value) == "day"
    assert next(t.label for t in days.major if t.day == dt.date(2009, 7, 1).toordinal()) == "۱۰"  # 10 Tir 1388
    assert days.context[0].label == "تیر ۱۳۸۸ (ژوئن–ژوئیه ۲۰۰۹)"


def test_deep_time_ticks_stay_gregorian_in_persian_digits():
    from ashraf_desktop.core.archive import day_number
    from ashraf_desktop.core.calendars.ticks import SOLAR_HIJRI
    from ashraf_desktop.core.timeline import GREGORIAN, Scale, ticks
    scale = Scale.fit(day_number(-3000, 1, 1), day_number(-1000, 1, 1), 1000.0)
    width = lambda text: 7.0 * len(text)  # noqa: E731
    ours, theirs = ticks(scale, 0, 1000, width, calendar=SOLAR_HIJRI), ticks(scale, 0, 1000, width, calendar=GREGORIAN)
    assert [t.day for t in ours.major] == [t.day for t in theirs.major]
    assert [t.label for t in ours.major] == [persian_digits(t.label) for t in theirs.major]
