"""The reading room in the window: the Concordance dock, Similar items, and the Persian dates it shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from archive_builder import write_archive

from ashraf_desktop.core.concordance import Line
from ashraf_desktop.ui import i18n
from ashraf_desktop.ui.concordance.model import LINE_ROLE, LinesModel

pytestmark = pytest.mark.gui

TEXT = ("Camp Ashraf lies in Diyala.\nIn 1986 the camp was built on barren land.\n"
        "Later the camp grew; the camp had a hospital, and the camp had schools.\n")


def _concordance(window, qtbot, query):
    panel = window.concordance
    window.show_panel("concordance")
    with qtbot.waitSignal(panel.finished, timeout=30_000):
        panel.query_edit.setText(query)
        panel.run_now()
    return panel


def test_a_concordance_line_opens_its_document_at_that_occurrence(make_window, qtbot, tmp_path):
    window = make_window(write_archive(tmp_path / "a", text=TEXT))
    panel = _concordance(window, qtbot, "camp")
    lines = [panel.lines.line(r) for r in range(panel.lines.rowCount())]
    doc_lines = [ln for ln in lines if ln.source.id == "doc"]
    assert [ln.match for ln in doc_lines] == ["Camp", "camp", "camp", "camp", "camp"]
    row = lines.index(doc_lines[3])  # "the camp had a hospital"
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.lines.index(row, LinesModel.COL_LINE))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.current_page() is not None and window.tabs.current_page().is_loaded
                    and window.tabs.current_page().hit_count() == 5, timeout=20_000)
    page = window.tabs.current_page()
    assert page.item.id == "doc"
    assert page.current_hit() == 3 and page.hit_label() == "4 of 5"
    assert page.current_hit_text() == "camp"
    # the same document again at another occurrence: the open tab moves to it
    row = lines.index(doc_lines[1])
    panel.table.setCurrentIndex(panel.lines.index(row, LinesModel.COL_LINE))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.current_hit() == 1, timeout=10_000)
    assert len(window.tabs.pages()) == 1


def test_the_concordance_follows_the_search_filters(make_window, qtbot, tmp_path):
    window = make_window(write_archive(tmp_path / "a", text=TEXT))
    panel = _concordance(window, qtbot, "camp")
    assert {panel.lines.line(r).source.id for r in range(panel.lines.rowCount())} == {"doc", "built"}
    from ashraf_desktop.core.archive import day_number
    with qtbot.waitSignal(panel.finished, timeout=30_000):
        window.search.set_date_range(day_number(1986, 1, 1), day_number(1986, 12, 31))  # only the 1986 event
    assert {panel.lines.line(r).source.id for r in range(panel.lines.rowCount())} == {"built"}
    with qtbot.waitSignal(panel.finished, timeout=30_000):
        panel.within_filters.setChecked(False)
    assert {panel.lines.line(r).source.id for r in range(panel.lines.rowCount())} == {"doc", "built"}


def test_similar_items_from_provenance_and_from_a_search_result(make_window, qtbot):
    window = make_window()
    window.open_item("brief-history-of-ashraf-city")
    similar = window.provenance.similar
    qtbot.waitUntil(lambda: similar.isVisible(), timeout=10_000)
    with qtbot.waitSignal(similar.shown, timeout=20_000):
        similar.heading.click()  # the fold-out opens and fills
    hits = similar.hits()
    assert hits and all(h.id != "brief-history-of-ashraf-city" for h in hits)
    similar.list.setCurrentRow(0)
    qtbot.keyClick(similar.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.current_page() is not None
                    and window.tabs.current_page().location.id in {h.id for h in hits} | {h.item_id for h in hits},
                    timeout=10_000)
    # the search action: the results list shows the items like this one, with a notice saying so
    with qtbot.waitSignal(window.search.result_shown, timeout=20_000) as shown:
        window.search.show_similar("brief-history-of-ashraf-city", "Brief history of Ashraf City")
    assert shown.args[0].hits and window.search.similar_to == "brief-history-of-ashraf-city"
    assert window.search.stack.currentWidget() is window.search.list
    assert "Items most like" in window.search.notice.text()
    with qtbot.waitSignal(window.search.result_shown, timeout=20_000):
        window.search.set_query("Camp Liberty")  # a query ends it
    assert window.search.similar_to is None and not window.search.notice.text().startswith("Items most like")


@pytest.fixture
def persian(qapp):
    assert i18n.install_language(qapp, "fa") == "fa"
    yield
    i18n.install_language(qapp, "en")


def test_persian_window_dates_are_solar_hijri_with_the_gregorian_beside(persian, make_window, qtbot):
    from ashraf_desktop.ui.search.models import HitRole
    window = make_window()
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    with qtbot.waitSignal(window.search.result_shown, timeout=20_000) as shown:
        window.search.set_query("kind:event Liberty")
    hit = next(h for h in shown.args[0].hits if h.date)
    from ashraf_desktop.ui.search.delegates import date_line
    assert date_line(hit.date, "") == i18n.format_date(hit.date) and "۱۳۹" in date_line(hit.date, "")  # 1390s AP
    # provenance: the item's date
    window.open_item("brief-history-of-ashraf-city")
    item = window.archive.item("brief-history-of-ashraf-city")
    if item.date is not None:
        assert i18n.format_date(item.date.edtf) in window.provenance.details.toPlainText()
    # the timeline's axis counts in Solar Hijri years, in Persian digits
    timeline = window.timeline_panel
    window.show_panel("timeline")
    from ashraf_desktop.core.timeline import ticks
    r = timeline.renderer
    tickset = ticks(r.scale, 0.0, r.width, r._tick_width, calendar=i18n.axis_calendar())
    labels = [t.label for t in tickset.major]
    assert labels and all(any("۰" <= ch <= "۹" for ch in label) for label in labels)
    # provenance and the viewer's page of a dated record
    window.open_item("rand-policy-conundrum-2009")
    assert "تیر–مرداد ۱۳۸۸ (ژوئیه ۲۰۰۹)" in window.provenance.details.toPlainText()


def test_persian_facts_give_each_source_its_date(persian, make_window, tmp_path):
    root = write_archive(tmp_path / "a", text=TEXT, item_extra='date = "2009-07-01"\n')
    (root / "facts.toml").write_text(
        '[[fact]]\nid = "province"\nsubject = "Camp Ashraf"\nlabel = "Province"\n'
        '[[fact.claims]]\nvalue = "Diyala"\nitem = "doc"\nquote = "Camp Ashraf lies in Diyala"\n', encoding="utf-8")
    window = make_window(root)
    page = window.open_facts()
    assert "A document (۱۰ تیر ۱۳۸۸ (۱ ژوئیه ۲۰۰۹))" in page.browser.toPlainText()
