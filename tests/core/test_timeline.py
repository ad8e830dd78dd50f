"""The timeline's Qt-free geometry: date ↔ x, ticks, styles, lanes and clusters, filters, disputes, CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random

import pytest

from ashraf_desktop.core.archive import parse_date
from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.core.archive import Archive, Citation, Claim, Collection, Event
from ashraf_desktop.core.timeline import (LEGEND, LEVELS, MAX_DAYS_PER_PX, MIN_DAYS_PER_PX, Domain, Entry,
                                          EventFilter, Scale, Shape, TimelineModel, claim_views, classify,
                                          events_csv, facets, format_range, pack, ticks, zoom_step)


def text_width(text: str) -> float:
    """A crude proportional font: digits and letters 7 px, spaces 3 px."""
    return sum(3.0 if ch == " " else 7.0 for ch in text)


def zooms() -> list[float]:
    """Every zoom step the panel can reach, from about four centuries to a day 160 px wide."""
    out, dpp = [], MAX_DAYS_PER_PX
    while dpp >= MIN_DAYS_PER_PX:
        out.append(dpp)
        dpp /= 1.5
    return out + [MIN_DAYS_PER_PX]


ORIGINS = [dt.date(1965, 1, 1).toordinal(), dt.date(2009, 2, 20).toordinal() + 0.37,
           dt.date(1999, 12, 31).toordinal() - 0.5]


@pytest.fixture(scope="module")
def bundled(bundled_archive_path) -> Archive:
    return load_archive(bundled_archive_path, check_files=False).archive


# ---------------------------------------------------------------- date <-> position

@pytest.mark.parametrize("dpp", zooms())
def test_day_to_x_round_trips_and_is_monotonic_at_every_zoom(dpp):
    for origin in ORIGINS:
        scale = Scale(origin, dpp)
        days = [origin + k * dpp * 37.3 for k in range(-50, 50)]
        xs = [scale.x(d) for d in days]
        assert all(a < b for a, b in zip(xs, xs[1:]))
        for d, x in zip(days, xs):
            assert scale.day(x) == pytest.approx(d, abs=1e-6)
        # one day is exactly 1/dpp pixels wide, whatever the origin
        assert scale.x(origin + 1) - scale.x(origin) == pytest.approx(1 / dpp)


def test_zoom_keeps_the_day_under_the_anchor_and_respects_limits():
    scale = Scale(dt.date(2000, 1, 1).toordinal(), 10.0)
    anchor = 321.0
    day = scale.day(anchor)
    for factor in (2.0, 0.5, 1.25, 7.0):
        zoomed = scale.zoomed(factor, anchor)
        assert zoomed.day(anchor) == pytest.approx(day)
    assert scale.zoomed(1e9, anchor).days_per_px == MIN_DAYS_PER_PX
    assert scale.zoomed(1e-9, anchor).days_per_px == MAX_DAYS_PER_PX


def test_pan_moves_content_by_pixels():
    scale = Scale(730000.0, 2.0)
    assert scale.panned(50).x(730000.0) == pytest.approx(50.0)
    assert scale.panned(-50).panned(50) == scale


def test_fit_shows_the_whole_range_with_margins():
    lo, hi = dt.date(1965, 1, 1).toordinal(), dt.date(2014, 1, 1).toordinal()
    scale = Scale.fit(lo, hi, 1000, margin_px=20)
    assert scale.x(lo) == pytest.approx(20, abs=0.01)
    assert scale.x(hi) == pytest.approx(980, abs=0.01)


# ---------------------------------------------------------------- ticks

@pytest.mark.parametrize("dpp", zooms())
def test_tick_labels_never_overlap_at_any_zoom(dpp):
    for origin in ORIGINS:
        scale = Scale(origin, dpp)
        for width in (300, 1280):
            ts = ticks(scale, 0, width, text_width)
            assert ts.major, f"no labelled tick at {dpp} days/px"
            labels = [t for t in ts.major if t.label]
            for a, b in zip(labels, labels[1:]):
                assert a.label_right < b.label_left, (dpp, a, b)
                assert a.x < b.x
            for a, b in zip(ts.context, ts.context[1:]):
                assert a.x + a.width < b.x, (dpp, a, b)
            for c in ts.context:
                assert c.x + c.width > 0 and c.x < width


def test_tick_levels_follow_the_zoom_from_decades_to_days():
    origin = dt.date(2009, 1, 1).toordinal()
    names = [ticks(Scale(origin, dpp), 0, 1200, text_width).level for dpp in zooms()]
    order = [LEVELS.index(level) for level in names]
    assert order == sorted(order, reverse=True), "finer levels as the zoom goes in"
    assert names[0].name in ("20 years", "50 years", "decades", "centuries")
    assert names[-1].name == "days"
    seen = {level.name for level in names}
    assert {"decades", "years", "months", "days"} <= seen


def test_tick_labels_and_context_read_as_dates():
    origin = dt.date(2009, 2, 1).toordinal()
    months = ticks(Scale(origin, 0.5), 0, 1200, text_width)
    assert months.level.name == "months"
    on_screen = [t for t in months.major if t.x >= 0]
    assert [t.label for t in on_screen[:3]] == ["Feb", "Mar", "Apr"]
    assert months.context[0].label == "2009"
    days = ticks(Scale(origin, 0.02), 0, 1200, text_width)
    assert days.level.name == "days"
    first = next(t for t in days.major if t.x >= 0)
    assert first.label == "1" and first.day == origin
    assert days.context[0].label == "February 2009"
    years = ticks(Scale(origin, 40), 0, 1200, text_width)
    assert all(t.label.isdigit() and len(t.label) == 4 for t in years.major)
    assert years.context == ()


def test_ticks_are_cheap_when_zoomed_out():
    """Finer levels are not enumerated when their labels could not fit anyway."""
    import time
    t0 = time.perf_counter()
    for _ in range(20):
        ticks(Scale(1.0, MAX_DAYS_PER_PX), 0, 4000, text_width)
    assert time.perf_counter() - t0 < 2.0


# ---------------------------------------------------------------- styles

@pytest.mark.parametrize("edtf, shape, keys", [
    ("2005-05-18", Shape.POINT, ("exact",)),
    ("2009-07", Shape.SPAN, ("month",)),
    ("1986", Shape.SPAN, ("year",)),
    ("198X", Shape.SPAN, ("decade",)),
    ("2013-09~", Shape.SPAN, ("month", "approximate")),
    ("1986?", Shape.SPAN, ("year", "uncertain")),
    ("2005-05-18~", Shape.POINT, ("exact", "approximate")),
    ("2012-02/2012-08", Shape.INTERVAL, ("interval",)),
    ("2003?/2004?", Shape.INTERVAL, ("interval", "uncertain")),
    ("1979/..", Shape.INTERVAL, ("interval", "open")),
    ("../2003-04", Shape.INTERVAL, ("interval", "open")),
])
def test_edtf_styles(edtf, shape, keys):
    style = classify(parse_date(edtf))
    assert style.shape is shape
    assert style.keys == keys
    assert style.words  # every key has legend words


def test_open_ends_are_flagged_per_side():
    assert classify(parse_date("1979/..")).open_end and not classify(parse_date("1979/..")).open_start
    assert classify(parse_date("../2003-04")).open_start


def test_every_style_key_is_in_the_legend():
    keys = {e.key for e in LEGEND}
    assert {"exact", "month", "year", "decade", "interval", "approximate", "uncertain", "open", "disputed",
            "cluster", "hit", "document", "image", "record"} <= keys
    for entry in LEGEND:
        assert entry.label and entry.explanation


def test_bundled_archive_styles(bundled):
    model = TimelineModel(bundled, text_width)
    handover = next(e for e in bundled.events if e.date.edtf == "2009-01/2009-02-20")
    assert "disputed" in model.style(handover.id).keys
    seen = {k for e in bundled.events for k in model.style(e.id).keys}
    assert {"exact", "month", "year", "interval", "approximate", "uncertain", "open", "disputed"} <= seen


# ---------------------------------------------------------------- lanes and clusters

def _entries(n: int, seed: int = 1) -> list[Entry]:
    rng = random.Random(seed)
    base = dt.date(1965, 1, 1).toordinal()
    out = []
    for i in range(n):
        lo = base + rng.randrange(0, 17_000)
        length = rng.choice([1, 1, 1, 30, 365, rng.randrange(2, 3000)])
        out.append(Entry(f"e{i}", float(lo), float(lo + length), rng.uniform(40, 300)))
    return sorted(out, key=lambda e: (e.lower, e.upper))


@pytest.mark.parametrize("dpp", [0.05, 1.0, 10.0, 60.0])
def test_pack_lanes_do_not_overlap_and_nothing_is_lost(dpp):
    entries = _entries(2000)
    layout = pack(entries, dpp, max_lanes=8)
    assert layout.lane_count <= 8
    for lane in layout.lanes:
        for a, b in zip(lane, lane[1:]):
            assert a.extent_end <= b.extent_start
            assert a.next_start == b.extent_start
        for m in lane:
            assert m.extent_end >= m.entry.upper  # a bar is never cut
    placed = [m.entry.id for m in layout.marks()]
    clustered = [i for c in layout.clusters for i in c.ids]
    assert sorted(placed + clustered) == sorted(e.id for e in entries)
    assert len(set(placed)) == len(placed)
    # cluster badges are at least one cluster width apart
    centers = [c.center for c in layout.clusters]
    assert all(b - a >= 40 * dpp - 1e-9 for a, b in zip(centers, centers[1:]))


def test_visible_query_matches_brute_force():
    entries = _entries(3000, seed=7)
    layout = pack(entries, 5.0, max_lanes=10)
    rng = random.Random(3)
    for _ in range(50):
        lo = rng.uniform(entries[0].lower, entries[-1].upper)
        hi = lo + rng.uniform(10, 4000)
        fast = {m.entry.id for m in layout.visible(lo, hi)}
        slow = {m.entry.id for m in layout.marks() if m.extent_end >= lo and m.extent_start <= hi}
        assert fast == slow


def test_zooming_in_reveals_clustered_events():
    entries = _entries(500, seed=2)
    coarse = pack(entries, 60.0, max_lanes=4)
    fine = pack(entries, 0.5, max_lanes=4)
    assert coarse.clusters and len(fine.placed_ids) > len(coarse.placed_ids)


def test_layout_is_cached_per_zoom_step_and_reused_while_panning(bundled):
    model = TimelineModel(bundled, text_width)
    a = model.event_layout(10.0, 6)
    assert model.event_layout(10.0, 6) is a
    assert model.event_layout(zoom_step(10.0) * 0.95, 6) is a  # same step
    assert model.event_layout(2.0, 6) is not a
    assert zoom_step(10.0) >= 10.0 and zoom_step(10.0) / 10.0 < 2 ** 0.25 + 1e-9


def test_open_intervals_are_drawn_to_the_domain_edge(bundled):
    model = TimelineModel(bundled, text_width)
    dom = model.domain
    assert dom.lower == dt.date(1965, 1, 1).toordinal()
    assert dom.upper == dt.date(2013, 9, 30).toordinal() + 1
    open_end = next(e for e in bundled.events if e.date.edtf == "1979/..")
    open_start = next(e for e in bundled.events if e.date.edtf == "../2003-04")
    assert model.entry(open_end.id).upper == dom.draw_upper
    assert model.entry(open_start.id).lower == dom.draw_lower
    assert Domain.of([]).upper > Domain.of([]).lower  # an empty archive still has an axis


# ---------------------------------------------------------------- filters

def test_filters_narrow_events(bundled):
    model = TimelineModel(bundled, text_width)
    everything = model.shown_ids
    assert len(everything) == len(bundled.events)
    model.set_filter(EventFilter(tags=frozenset({"attack"})))
    attacks = model.shown_ids
    assert 0 < len(attacks) < len(everything)
    assert all("attack" in model.event(i).tags for i in attacks)
    model.set_filter(EventFilter(text="ATTACK residents"))
    assert model.shown_ids and all({"attack", "residents"} <= set(model.event(i).title.casefold().split())
                                   or "attack" in model.event(i).title.casefold() for i in model.shown_ids)
    model.set_filter(EventFilter(places=frozenset({"Iran"}), text="PMOI"))
    assert model.shown_ids and all("Iran" in model.event(i).places for i in model.shown_ids)
    model.set_filter(EventFilter(people=frozenset({"nobody at all"})))
    assert model.shown_ids == []
    assert model.event_layout(10.0, 6).lane_count == 0
    model.set_filter(EventFilter())
    assert model.shown_ids == everything


def test_facets_count_values(bundled):
    found = facets(bundled.events)
    tags = dict(found["tags"])
    assert tags["pmoi"] == sum("pmoi" in e.tags for e in bundled.events)
    assert found["tags"][0][1] >= found["tags"][-1][1]
    assert "Camp Ashraf" in dict(found["places"])


# ---------------------------------------------------------------- disputes and CSV

def test_claim_views_give_each_source_and_passage(bundled):
    handover = next(e for e in bundled.events if e.date.edtf == "2009-01/2009-02-20")
    views = claim_views(handover, bundled)
    assert [v.value for v in views] == ["2009-01", "2009-02-20"]
    assert [v.words for v in views] == ["January 2009", "20 February 2009"]
    assert views[0].item_title == bundled.item(views[0].item_id).title
    assert all(v.quote and v.span is not None for v in views)
    assert not views[0].span.overlaps(views[1].span)


def test_claim_views_keep_invalid_values_as_text():
    cite = Citation("doc", "a passage")
    event = Event("x", parse_date("2000"), "X", citations=(cite,),
                  date_claims=(Claim("not a date", cite), Claim("2001", cite)))
    views = claim_views(event)
    assert views[0].span is None and views[0].words == "not a date"
    assert views[0].item_title == "doc"


def test_events_csv(bundled):
    text = events_csv(bundled.events, bundled)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(bundled.events)
    by_date = {r["date"]: r for r in rows}
    handover = by_date["2009-01/2009-02-20"]
    assert handover["disputed"] == "yes"
    assert handover["date_claims"] == "2009-01 (about-camp-ashraf); 2009-02-20 (brief-history-of-ashraf-city)"
    assert handover["earliest"] == "2009-01-01" and handover["latest"] == "2009-02-20"
    assert by_date["1979/.."]["latest"] == "" and by_date["1979/.."]["open_end"] == "yes"
    assert by_date["../2003-04"]["earliest"] == ""
    assert by_date["1986?"]["uncertain"] == "yes"
    assert by_date["2013-09~"]["approximate"] == "yes"
    assert by_date["1986"]["date_in_words"] == "1986"


def test_format_range():
    d = dt.date(2003, 2, 3).toordinal()
    assert format_range(d, d) == "3 February 2003"
    assert format_range(d, dt.date(2009, 8, 9).toordinal()) == "3 February 2003 – 9 August 2009"


def test_synthetic_ten_thousand_events_lay_out(bundled):
    """Not a timing test (see bench/): the layout of 10,000 events stays bounded in lanes and marks."""
    entries = _entries(10_000, seed=5)
    layout = pack(entries, 20.0, max_lanes=9)
    assert layout.lane_count <= 9
    lo = entries[5000].lower
    visible = list(layout.visible(lo, lo + 1200 * 20.0))
    assert len(visible) < 1000
    assert math.isfinite(sum(m.extent_start for m in visible))


def test_only_short_titles_are_measured(bundled):
    """At 90k events, measuring every title cost 0.7 s of font metrics on the GUI thread (issue 17): packing
    needs at most 72 px of a label, and painting elides exactly, so long titles are taken at the widest."""
    measured = []
    model = TimelineModel(bundled, label_width=lambda text: measured.append(text) or 7.0 * len(text))
    assert all(len(t) < 16 for t in measured)  # the bundled titles are all long: none measured
    long_one = next(e for e in bundled.events if len(e.title) >= 16)
    assert model.entry(long_one.id).label_width == model.max_label_px
