"""Issue 19, "Done when": python-edtf's own examples of EDTF levels 0-2 are accepted with bounds equal to the
``edtf`` package's strict bounds, and sort correctly on the timeline.

The examples are the package's test table, copied with its licence (tests/third_party/python_edtf).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from ashraf_desktop.core.archive import Archive, Citation, Collection, Event, parse_date
from ashraf_desktop.core.timeline import Scale, TimelineModel, ticks

from edtf_strict import _days, strict_bounds
from third_party.python_edtf.examples import EXAMPLES

from ashraf_desktop.core.archive.days import OPEN_LOWER, OPEN_UPPER

TEXTS = [text for text, _ in EXAMPLES]


def _stated(iso: str, if_open: int) -> int:
    """A bound as python-edtf's table states it ("-0999-01-01", "170000002-12-31", "inf")."""
    if iso in ("inf", "-inf"):
        return if_open
    sign = -1 if iso.startswith("-") else 1
    y, m, d = (int(part) for part in iso.lstrip("-").split("-"))
    return _days(sign * y, m, d)


def _stated_strict(expected: tuple[str, ...]) -> tuple[int, int]:
    if len(expected) == 1:  # the date itself (date-times: its day)
        day = _stated(expected[0].split("T")[0], 0)
        return day, day
    if len(expected) == 3:  # strict, then fuzzy lower and upper
        day = _stated(expected[0], 0)
        return day, day
    return _stated(expected[0], OPEN_LOWER), _stated(expected[1], OPEN_UPPER)


def test_the_table_covers_levels_0_to_2():
    assert len(EXAMPLES) >= 90
    for form in ("-0999", "0000", "2001-21", "Y-17E7", "[1667, 1668, 1670..1672]", "156X-12-25", "1950S2",
                 "2004?-~06-~04", "../2006", "XXXX-XX-23", "{1960, 1961-12}"):
        assert form in TEXTS


@pytest.mark.parametrize("text, expected", EXAMPLES, ids=TEXTS)
def test_every_example_is_accepted_with_the_packages_strict_bounds(text, expected):
    span = parse_date(text)
    assert (span.lower, span.upper) == strict_bounds(text)  # the installed package, computed now
    assert (span.lower, span.upper) == _stated_strict(expected)  # the package's own test table
    assert span.open_start == (span.lower == OPEN_LOWER) and span.open_end == (span.upper == OPEN_UPPER)


def _archive_of_examples() -> Archive:
    events = tuple(Event(id=f"e{i:02d}", date=parse_date(text), title=text,
                         citations=(Citation("doc", "quote"),)) for i, text in enumerate(TEXTS))
    return Archive(root=Path("."), collection=Collection(id="edtf", title="EDTF examples"), events=events)


def test_examples_sort_correctly_on_the_timeline():
    archive = _archive_of_examples()
    model = TimelineModel(archive)
    order = model.shown_ids
    spans = {e.id: e.date for e in archive.events}
    assert sorted(order) == sorted(spans)  # every example is on the timeline
    lowers = [spans[i].lower for i in order]
    assert lowers == sorted(lowers), "chronological by the first day each date may denote"
    # ... and drawn in that order: deep time, BCE and beyond 9999 at exact positions left to right
    scale = Scale.fit(*model.full_range(), 1200.0)
    xs = [scale.x(model.entry(i).lower) for i in order]
    assert xs == sorted(xs)
    closed = [i for i in order if not spans[i].open_start and not spans[i].open_end]
    for ident in closed:
        entry, span = model.entry(ident), spans[ident]
        assert (entry.lower, entry.upper) == (span.lower, span.upper + 1)  # exact: no clamping, no rounding
    first, last = spans[closed[0]], spans[closed[-1]]
    assert first.edtf == "Y-170000002" and last.edtf in ("Y17101E4S3", "Y171010000S3")
    assert 0 <= scale.x(first.lower) and scale.x(last.upper) <= 1200  # "fit all" shows deep time
    assert spans[order[0]].open_start  # "[..1760-12-03]" may be any earlier day: it comes first


def test_deep_time_ticks_read_as_years_bce_and_ce():
    model = TimelineModel(_archive_of_examples())
    width = 1200.0
    scale = Scale.fit(*model.full_range(), width)
    labels = [t.label for t in ticks(scale, 0, width, lambda s: 7.0 * len(s)).major]
    assert any(label.endswith("million BCE") for label in labels), labels
    assert any(label.endswith("million") and "BCE" not in label for label in labels), labels
    # zoomed in on the turn of the eras: 1 BCE and 1 CE are consecutive years on the axis
    around = Scale.fit(parse_date("-0004").lower, parse_date("0005").upper, width)
    tickset = ticks(around, 0, width, lambda s: 7.0 * len(s))
    years = [c.label for c in tickset.context]  # months or half-years here, the years above them
    assert "1 BCE" in years and "1" in years and years.index("1") == years.index("1 BCE") + 1, years
    assert years.index("2 BCE") == years.index("1 BCE") - 1
    # and the zoom-out limit reaches the whole range again after zooming in
    zoomed = scale.zoomed(1000.0).zoomed(1e-9)
    assert zoomed.days_per_px >= scale.days_per_px and not math.isinf(zoomed.days_per_px)


def test_ranges_in_words_read_as_years_in_deep_time():
    from ashraf_desktop.core.timeline import format_range
    assert format_range(parse_date("Y-17E6").lower, parse_date("Y3427254").upper) == "17,000,001 BCE – 3,427,254"
    assert format_range(parse_date("2003-02-03").lower, parse_date("2009-08-09").upper) == \
        "3 February 2003 – 9 August 2009"
