"""Similar items for the open item: filled off the GUI thread, newest request wins, Enter opens one."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt

from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.core.search import open_index
from ashraf_desktop.paths import bundled_archive
from ashraf_desktop.ui.similar import SIMILAR_LIMIT, SimilarItems
from ashraf_desktop.ui.tasks import task_runner

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    ix = open_index(load_archive(bundled_archive()).archive, tmp_path_factory.mktemp("similar-index"))
    yield ix
    ix.close()


@pytest.fixture
def similar(qtbot, index):
    widget = SimilarItems()
    qtbot.addWidget(widget)
    widget.set_index(index)
    widget.show()
    widget.set_open(True)
    yield widget
    widget.close()
    gc.collect()


def test_similar_items_are_other_items_and_open_with_enter(qtbot, similar):
    with qtbot.waitSignal(similar.shown, timeout=20_000) as shown:
        similar.show_for("brief-history-of-ashraf-city")
    assert shown.args == ["brief-history-of-ashraf-city"]
    hits = similar.hits()
    assert 1 <= len(hits) <= SIMILAR_LIMIT
    assert all(h.id != "brief-history-of-ashraf-city" for h in hits)
    archive = load_archive(bundled_archive()).archive
    citing = {e.id for e in archive.events if "brief-history-of-ashraf-city" in e.cited_items()}
    assert citing & {h.id for h in hits}  # events that quote it share its words
    similar.list.setFocus()
    similar.list.setCurrentRow(0)
    with qtbot.waitSignal(similar.activated) as opened:
        qtbot.keyClick(similar.list, Qt.Key.Key_Return)
    assert opened.args[0].id == hits[0].id


def test_a_newer_item_wins_and_no_item_clears(qtbot, similar):
    with qtbot.waitSignal(similar.shown, timeout=20_000) as shown:
        similar.show_for("brief-history-of-ashraf-city")
        similar.show_for("about-camp-ashraf")
    assert shown.args == ["about-camp-ashraf"]
    task_runner().wait_for_done()  # the first request's result, superseded, must not replace the list
    assert all(h.id != "about-camp-ashraf" for h in similar.hits())
    similar.show_for(None)
    assert similar.list.count() == 0


def test_an_item_the_index_does_not_know_says_so(qtbot, similar):
    similar.show_for("no-such-item")
    qtbot.waitUntil(lambda: similar.list.count() == 1 and not similar.hits(), timeout=20_000)
    qtbot.waitUntil(lambda: "No other item" in similar.list.item(0).text(), timeout=20_000)
