"""The main flow a new user follows: type, see highlighted results, open, step through the hits."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from ashraf_desktop.ui.search.delegates import snippet_html


def _search(qtbot, window, text: str):
    with qtbot.waitSignal(window.search.result_shown, timeout=10_000) as blocker:
        window.search.box.clear()
        qtbot.keyClicks(window.search.box, text)
    return blocker.args[0]


def test_type_open_and_step_through_hits(qtbot, make_window):
    window = make_window()
    result = _search(qtbot, window, "Ashraf")
    assert result.total > 0
    model = window.search.results
    assert model.rowCount() > 0
    first = model.hit(0)
    assert first.highlights, "the snippet has highlighted words"
    s, e = first.highlights[0]
    assert first.snippet[s:e].casefold().startswith("ashraf")
    assert "<b " in snippet_html(first.snippet, first.highlights)
    assert window.search.count.text().endswith("results")

    # keyboard only: Down moves into the results, Enter opens the document
    doc_row = next(i for i in range(model.rowCount()) if model.hit(i).kind == "document")
    window.search.box.setFocus()
    qtbot.keyClick(window.search.box, Qt.Key.Key_Down)
    assert window.search.list.hasFocus() or window.search.list.currentIndex().isValid()
    window.search.list.setCurrentIndex(model.index(doc_row))
    qtbot.keyClick(window.search.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.current_page() is not None and window.tabs.current_page().is_loaded,
                    timeout=10_000)
    page = window.tabs.current_page()
    assert page.error is None
    total = page.hit_count()
    assert total > 1
    assert len(page.browser.extraSelections()) == total  # every hit painted
    assert page.hit_label() == f"1 of {total}"
    assert window.status.hits_label.text() == f"Match 1 of {total}"
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert page.hit_label() == f"2 of {total}"
    assert window.status.hits_label.text() == f"Match 2 of {total}"
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert page.hit_label() == f"1 of {total}"
    # the provenance panel follows the tab
    assert window.provenance.item is not None and window.provenance.item.id == page.item.id
    assert "Ashraf Archive" in window.provenance.citation()


def test_facet_filter_narrows_results(qtbot, make_window):
    window = make_window()
    result = _search(qtbot, window, "Ashraf")
    facets = window.search.facets
    index = facets.find("kind", "document")
    assert index.isValid()
    with qtbot.waitSignal(window.search.result_shown, timeout=10_000) as blocker:
        facets.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    narrowed = blocker.args[0]
    assert 0 < narrowed.total < result.total
    assert {h.kind for h in narrowed.hits} == {"document"}
    assert window.search.clear_filters.isVisible()
    with qtbot.waitSignal(window.search.result_shown, timeout=10_000) as blocker:
        window.search.clear_filters.click()
    assert blocker.args[0].total == result.total


def test_search_runs_off_the_gui_thread(qtbot, make_window):
    window = make_window()
    index = window.index
    seen: list[bool] = []
    original = index.search

    def spy(*args, **kwargs):
        seen.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    index.search = spy
    try:
        _search(qtbot, window, "camp")
    finally:
        index.search = original
    assert seen and not any(seen), "search ran on the GUI thread"
    assert threading.main_thread().name not in window.search.search_threads


def test_typing_fast_shows_only_the_last_query(qtbot, make_window):
    window = make_window()
    shown = []
    window.search.result_shown.connect(lambda r: shown.append(r.query))
    qtbot.keyClicks(window.search.box, "Diyala")
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    qtbot.wait(300)
    assert shown == ["Diyala"], "debounced: one search for the whole word"


def test_empty_state_and_examples(qtbot, make_window):
    window = make_window()
    panel = window.search
    assert panel.stack.currentWidget() is panel.empty_page
    assert "query:" in panel.empty.text()
    with qtbot.waitSignal(panel.result_shown, timeout=10_000):
        panel._empty_link('query:"Human Rights Watch"')
    assert panel.query() == '"Human Rights Watch"'


def test_no_results_and_inline_notice(qtbot, make_window):
    window = make_window()
    result = _search(qtbot, window, "zzzxqv")
    assert result.total == 0
    assert window.search.stack.currentWidget() is window.search.no_hits_page
    # a query problem is a label in the panel, never a dialog
    _search(qtbot, window, 'Ashraf "unclosed')
    assert window.search.notice.isVisible() or window.search.last_result.notice is None


def test_open_event_and_record_and_history(qtbot, make_window):
    window = make_window()
    archive = window.archive
    record = next(i for i in archive.items if str(i.kind) == "record")
    page = window.open_item(record.id)
    assert "does not hold" in page.browser.toPlainText()
    assert window.provenance.item.id == record.id
    event = next(e for e in archive.events if e.disputed)
    page2 = window.open_event(event.id)
    text = page2.browser.toPlainText()
    assert "different dates" in text
    # a citation link opens the document at the quote
    citation = event.citations[0]
    from ashraf_desktop.ui.viewer.info_pages import item_link
    from PySide6.QtCore import QUrl
    page2.browser.anchorClicked.emit(QUrl(item_link(citation)))
    qtbot.waitUntil(lambda: window.tabs.current_page().is_loaded, timeout=10_000)
    doc = window.tabs.current_page()
    assert doc.item.id == citation.item
    assert doc.hit_count() >= 1  # the quote is highlighted
    assert doc.browser.textCursor().position() > 0 or doc.cursor.spans[0][0] == 0
    window.navigation.go_back()
    assert window.tabs.current_page() is page2
    window.navigation.go_back()
    assert window.tabs.current_page() is page
    window.navigation.go_forward()
    assert window.tabs.current_page() is page2


def test_event_activated_from_provenance(qtbot, make_window):
    window = make_window()
    item = next(i for i in window.archive.items if window.archive.events_citing(i.id))
    window.open_item(item.id)
    qtbot.waitUntil(lambda: window.tabs.current_page().is_loaded, timeout=10_000)
    assert window.provenance.events.count() == len(window.archive.events_citing(item.id))
    with qtbot.waitSignal(window.event_activated, timeout=2000) as blocker:
        window.provenance.events.itemClicked.emit(window.provenance.events.item(0))
    assert blocker.args[0] == window.archive.events_citing(item.id)[0].id


def test_find_bar_and_zoom(qtbot, make_window):
    window = make_window()
    page = window.open_item("brief-history-of-ashraf-city")
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.find_bar.isVisible()
    qtbot.keyClicks(page.find_bar.box, "Liberty")
    assert page.hit_count() >= 1
    assert page.find_bar.label.text().startswith("1 of ")
    size = page.browser.font().pointSizeF()
    window.action("zoom_in").trigger()
    assert page.browser.font().pointSizeF() > size
    window.action("zoom_reset").trigger()
    assert page.browser.font().pointSizeF() == size


def test_settings_remember_theme_and_layout(qtbot, make_window):
    window = make_window(index=False)
    window.set_theme("dark")
    window.panels["provenance"].hide()
    window.save_settings()
    from ashraf_desktop.ui.main_window import settings_for
    s = settings_for(window.dirs)
    assert s.value("ui/theme") == "dark"
    assert (window.dirs.config / "settings.ini").is_file()
    window.set_theme("light")


def test_add_panel_hook(qtbot, make_window):
    from PySide6.QtWidgets import QLabel
    window = make_window(index=False)
    dock = window.add_panel("timeline", "Timeline", QLabel("timeline"), Qt.DockWidgetArea.BottomDockWidgetArea)
    assert window.panels["timeline"] is dock
    assert dock.toggleViewAction() in window.panels_menu.actions()
