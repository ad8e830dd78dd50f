"""Issue 19: the index's date columns and range queries hold BCE, year 0, years beyond 9999 and open ends,
never clamped to years 1-9999 (``-0999`` was found by ``date:0001``; BCE spans sorted out of order)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ashraf_desktop.core.archive import Archive, Citation, Collection, Event, Item, ItemKind, Metadata, parse_date
from ashraf_desktop.core.search import open_index

DATES = {"bce-1000": "-0999", "bce-span": "-2005/-1999-02", "year-zero": "0000", "first-year": "0001",
         "far-future": "Y12000", "deep-past": "Y-17E7", "open-end": "1979/..", "season": "2001-21",
         "modern": "1986"}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    root = tmp_path_factory.mktemp("deep")
    items = tuple(Item(id=ident, kind=ItemKind.RECORD, sidecar=root / f"{ident}.toml", date=parse_date(edtf),
                       metadata=Metadata(title=f"Record {ident}", date=edtf)) for ident, edtf in DATES.items())
    events = (Event(id="deep-event", date=parse_date("Y-170000002"), title="Deep event",
                    citations=(Citation("modern", "x"),)),)
    archive = Archive(root=Path(root), collection=Collection(id="deep", title="Deep"), items=items, events=events)
    idx = open_index(archive, tmp_path_factory.mktemp("cache"))
    yield idx
    idx.close()


def _ids(result) -> set[str]:
    return {h.id for h in result.hits}


@pytest.mark.parametrize("query, expected", [
    ("date:0001", {"first-year"}),  # -0999 used to be clamped to year 1 and found here
    ("date:-0999", {"bce-1000"}),
    ("date:0000", {"year-zero"}),
    ("date:-2000", {"bce-span"}),
    ("date:-3000..-1000", {"bce-span"}),  # -0999 (1000 BCE) is after -1000 (1001 BCE)
    ("date:-3000..-0999", {"bce-span", "bce-1000"}),
    ("date:..-0001", {"bce-span", "bce-1000", "deep-past", "deep-event"}),
    ("date:Y12000", {"far-future", "open-end"}),  # an open end reaches any later date
    ("date:2001-04", {"season", "open-end"}),
])
def test_range_queries_across_eras(index, query, expected):
    assert _ids(index.search(query, page_size=50)) == expected


def test_date_sort_puts_deep_time_first(index):
    order = [h.id for h in index.search("record", sort="date", page_size=50).hits]
    assert order.index("deep-past") < order.index("bce-span") < order.index("bce-1000") < order.index("year-zero") \
        < order.index("first-year") < order.index("modern") < order.index("far-future")
