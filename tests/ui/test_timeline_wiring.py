"""The timeline in the real main window: dock, citations → viewer, brushing ↔ search, hits, provenance."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor

from ashraf_desktop.core.archive import parse_date
from ashraf_desktop.core.search import Filters
from ashraf_desktop.core.timeline import format_range

pytestmark = pytest.mark.gui


def _search(qtbot, window, text: str):
    with qtbot.waitSignal(window.search.result_shown, timeout=10_000) as blocker:
        window.search.set_query(text)
    return blocker.args[0]


def _event(window, event_id: str):
    return next(e for e in window.archive.events if e.id == event_id)


def _handover(window):
    return next(e for e in window.archive.events if e.date.edtf == "2009-01/2009-02-20")


def _placed(panel, ident: str):
    return next((p for p in panel.renderer.placed() if p.mark.entry.id == ident), None)


def _link_point(browser, text: str) -> QPoint:
    """Where ``text`` (the start of a link) is drawn in a QTextBrowser's viewport, scrolled into view."""
    cursor = browser.document().find(text.replace("\u00a0", " ")[:24])
    assert not cursor.isNull(), f"{text!r} is not in the details"
    cursor.setPosition(cursor.selectionStart() + 3)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    return browser.cursorRect(cursor).center()


def _visible_in(browser, position: int) -> bool:
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position)
    return QRect(QPoint(0, 0), browser.viewport().size()).contains(browser.cursorRect(cursor).center())


# ---------------------------------------------------------------- the dock

def test_timeline_is_a_bottom_dock_in_view_panels(make_window, qtbot):
    window = make_window()
    panel, dock = window.timeline_panel, window.panels["timeline"]
    assert panel is not None and dock.widget() is panel and panel.archive is window.archive
    assert dock.objectName() == "dock-timeline" and dock.windowTitle() == "Timeline"
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert dock.toggleViewAction() in window.panels_menu.actions()
    qtbot.waitUntil(dock.isVisible)
    # the viewer stays usable: the timeline takes less than half the height, the search keeps its own
    assert 200 <= dock.height() < window.height() / 2
    assert window.tabs.height() >= window.height() * 0.35
    assert window.panels["search"].height() > window.height() * 0.7
    # the axis is drawn with its events, not squeezed out
    assert panel.view.height() >= panel.view.minimumHeight()
    assert any(p.kind == "event" for p in panel.renderer.placed())


def test_timeline_dock_state_is_remembered(make_window, qtbot):
    from ashraf_desktop.ui.main_window import MainWindow
    window = make_window(index=False)
    dock = window.panels["timeline"]
    dock.hide()
    window.save_settings()
    again = MainWindow(window.result, window.dirs, open_index=None)
    try:
        again.show()
        qtbot.waitExposed(again)
        assert not again.panels["timeline"].isVisible()
        again.panels["timeline"].toggleViewAction().trigger()
        assert again.panels["timeline"].isVisible()
    finally:  # as the make_window fixture does: close, delete, let Qt run, collect
        again.close()
        again.runner.wait_for_done(5000)
        again.deleteLater()
        qtbot.wait(10)
        del again
        gc.collect()


# ---------------------------------------------------------------- citations → viewer

def test_clicking_a_citation_opens_the_document_at_the_quote(make_window, qtbot):
    window = make_window()
    panel = window.timeline_panel
    event = _handover(window)
    panel.show_event(event.id)
    assert panel.details.event_id == event.id
    for citation in event.citations:
        point = _link_point(panel.details, citation.quote)
        qtbot.mouseClick(panel.details.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.waitUntil(lambda: window.tabs.current_page() is not None
                        and getattr(window.tabs.current_page(), "item", None) is not None
                        and window.tabs.current_page().item.id == citation.item
                        and window.tabs.current_page().is_loaded, timeout=10_000)
        page = window.tabs.current_page()
        qtbot.waitUntil(lambda: page.current_hit_text() == citation.quote, timeout=5_000)
        assert page.error is None and page.hit_label() == "1 of 1"
        start, _end = page.cursor.spans[page.cursor.current]
        assert _visible_in(page.browser, start), "the viewer is scrolled to the quote"
        # highlighted: an extra selection in the current-match colour covers exactly the quote
        selections = page.browser.extraSelections()
        assert [s.cursor.selectedText() for s in selections] == [citation.quote]
        assert window.provenance.item is not None and window.provenance.item.id == citation.item


def test_a_quote_with_no_break_spaces_is_found(make_window, qtbot):
    """The sources write some spaces as U+00A0; the viewer still finds and highlights those quotes."""
    window = make_window(index=False)
    event, citation = next((e, c) for e in window.archive.events for c in e.citations if "\u00a0" in c.quote)
    page = window.open_item_at_quote(citation.item, citation.quote)
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    assert page.current_hit_text() == citation.quote, event.id


def test_citation_of_an_open_document_highlights_the_quote_not_the_search(make_window, qtbot):
    window = make_window()
    result = _search(qtbot, window, "Ashraf")
    hit = next(h for h in result.hits if h.kind == "document")
    page = window.open_hit(hit, "Ashraf")
    qtbot.waitUntil(lambda: page.is_loaded and page.hit_count() > 1, timeout=10_000)
    citation = next(c for e in window.archive.events for c in e.citations if c.item == hit.id)
    panel = window.timeline_panel
    panel.citation_activated.emit(citation.item, citation.quote)
    assert window.tabs.current_page() is page  # the same tab, not a second one
    qtbot.waitUntil(lambda: page.current_hit_text() == citation.quote, timeout=5_000)
    assert page.hit_label() == "1 of 1"


# ---------------------------------------------------------------- brushing ↔ search

def _brush(qtbot, panel, lower: dt.date, upper: dt.date) -> tuple[int, int]:
    """Shift+drag over the axis from ``lower`` to ``upper``; returns the days the timeline emitted."""
    view, scale = panel.view, panel.renderer.scale
    panel.renderer.fit_range(lower.toordinal() - 400, upper.toordinal() + 400)
    scale = panel.renderer.scale
    x0, x1 = int(scale.x(lower.toordinal()) + 1), int(scale.x(upper.toordinal()) + 1)
    y = int(panel.renderer.clusters_top - 5)
    with qtbot.waitSignal(panel.range_selected) as blocker:
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(x0, y))
        qtbot.mouseMove(view, QPoint(x1, y))
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(x1, y))
    return tuple(blocker.args)


def test_brushing_a_period_narrows_the_results_and_the_chip_removes_it(make_window, qtbot):
    window = make_window()
    panel, search = window.timeline_panel, window.search
    full = _search(qtbot, window, "Ashraf")
    years = {parse_date(h.date).lower_year for h in full.hits if h.date} - {None}  # None: an open start
    assert max(years) - min(years) > 10, "the query's hits span decades"

    with qtbot.waitSignal(search.result_shown, timeout=10_000) as blocker:
        lower, upper = _brush(qtbot, panel, dt.date(2003, 3, 1), dt.date(2004, 12, 31))
    narrowed = blocker.args[0]
    assert 0 < narrowed.total < full.total
    for hit in narrowed.hits:
        assert hit.date and parse_date(hit.date).overlaps_range(lower, upper), hit.id
    assert search.date_range == (lower, upper)
    assert search._filters() == Filters(date_range=(lower, upper))
    assert search.date_chip.isVisible()
    assert search.date_chip.text() == f"Period: {format_range(lower, upper)}  ✕"
    assert format_range(dt.date(2003, 3, 1).toordinal(), dt.date(2004, 12, 31).toordinal()) == \
        "1 March 2003 – 31 December 2004"
    assert panel.range_chip.isVisible() and panel.selected_range == (lower, upper)

    # removing the chip in the search panel restores the results and clears the timeline's shading
    with qtbot.waitSignal(search.result_shown, timeout=10_000) as blocker:
        qtbot.mouseClick(search.date_chip, Qt.MouseButton.LeftButton)
    assert blocker.args[0].total == full.total
    assert not search.date_chip.isVisible() and search.date_range is None
    assert panel.selected_range is None and panel.renderer.brush is None and not panel.range_chip.isVisible()


def test_removing_the_period_on_the_timeline_clears_the_search_filter(make_window, qtbot):
    window = make_window()
    panel, search = window.timeline_panel, window.search
    full = _search(qtbot, window, "Ashraf")
    with qtbot.waitSignal(search.result_shown, timeout=10_000):
        panel.set_range(dt.date(2009, 1, 1).toordinal(), dt.date(2009, 12, 31).toordinal(), emit=True)
    assert search.date_chip.isVisible()
    with qtbot.waitSignal(search.result_shown, timeout=10_000) as blocker:
        qtbot.mouseClick(panel.range_chip, Qt.MouseButton.LeftButton)
    assert blocker.args[0].total == full.total and not search.date_chip.isVisible()


def test_a_period_with_an_empty_box_lists_what_is_dated_in_it(make_window, qtbot):
    window = make_window()
    lower, upper = dt.date(2009, 1, 1).toordinal(), dt.date(2009, 12, 31).toordinal()
    with qtbot.waitSignal(window.search.result_shown, timeout=10_000) as blocker:
        window.links.set_date_filter(lower, upper)
    result = blocker.args[0]
    assert result.total > 0
    assert all(parse_date(h.date).overlaps_range(lower, upper) for h in result.hits)
    assert window.search.stack.currentWidget() is window.search.list
    assert window.timeline_panel.renderer.hit_events == frozenset()  # browsing is not a search to mark
    window.links.clear_date_filter()
    assert window.search.stack.currentWidget() is window.search.empty_page and not window.search.date_chip.isVisible()


# ---------------------------------------------------------------- search hits on the timeline

def test_search_hits_are_marked_on_the_timeline(make_window, qtbot):
    window = make_window()
    renderer = window.timeline_panel.renderer
    result = _search(qtbot, window, "Ashraf")
    qtbot.waitUntil(lambda: bool(renderer.hit_events or renderer.hit_items), timeout=10_000)
    events = {h.id for h in result.hits if h.kind == "event"}
    items = {h.id for h in result.hits if h.kind != "event"}
    if result.total <= len(result.hits):
        assert renderer.hit_events == events and renderer.hit_items == items
    else:
        assert renderer.hit_events >= events
    assert "search hits marked" in window.timeline_panel.status.text()
    with qtbot.waitSignal(window.search_hits_changed, timeout=10_000):
        window.search.set_query("")
    assert renderer.hit_events == frozenset() and renderer.hit_items == frozenset()


def test_hits_beyond_the_first_page_are_marked(make_window, qtbot, monkeypatch):
    import ashraf_desktop.ui.search.panel as search_panel
    monkeypatch.setattr(search_panel, "PAGE_SIZE", 3)
    window = make_window()
    renderer = window.timeline_panel.renderer
    with qtbot.waitSignal(window.search_hits_changed, timeout=10_000) as marked:
        result = _search(qtbot, window, "Ashraf")
    assert result.total > 3 and len(result.hits) == 3
    items, events = marked.args
    assert len(items) + len(events) == result.total
    assert renderer.hit_events == events


# ---------------------------------------------------------------- provenance → timeline

def test_events_citing_an_item_show_on_the_timeline(make_window, qtbot):
    window = make_window(index=False)
    dock, panel = window.panels["timeline"], window.timeline_panel
    dock.hide()
    panel.view.fit_all()
    item_id = "brief-history-of-ashraf-city"
    page = window.open_item(item_id)
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    listing = window.provenance.events
    assert listing.count() > 3
    row = next(i for i in range(listing.count())
               if listing.item(i).data(Qt.ItemDataRole.UserRole) == "2003-05-consolidation-and-disarming")
    entry = listing.item(row)
    event_id = entry.data(Qt.ItemDataRole.UserRole)
    listing.scrollToItem(entry)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=listing.visualItemRect(entry).center())
    qtbot.waitUntil(dock.isVisible)
    assert panel.renderer.selected_id == event_id and panel.details.event_id == event_id
    placed = _placed(panel, event_id)
    assert placed is not None, "the event is drawn, not left in a cluster"
    assert placed.shape_rect.right() > 0 and placed.shape_rect.left() < panel.renderer.width
    assert window.tabs.current_page().location.id == event_id  # and its tab opened


def test_selecting_on_the_timeline_says_so_in_the_status_bar(make_window):
    window = make_window(index=False)
    event = _handover(window)
    window.timeline_panel.view.event_clicked.emit(event.id)
    assert window.status.said(event.title)


def test_another_archive_resets_the_timeline(make_window, qtbot, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from archives import write_archive
    window = make_window(index=False)
    panel = window.timeline_panel
    panel.set_range(730000, 731000, emit=True)
    root = write_archive(tmp_path / "other", {"a": ("text/plain", b"hello")})
    with qtbot.waitSignal(window.archive_changed):
        window.open_archive(root)  # File ▸ Open archive
    assert panel.archive is window.archive and panel.renderer.model.events == ()
    assert panel.selected_range is None and window.search.date_range is None
