"""The library view through the window: every item in a table that sorts, filters and remembers its columns,
rows read as they scroll (smooth at 100,000 items), several rows described at once, saved searches."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from ashraf_desktop.core.library import LibraryQuery, LibraryRow


class _BigSource:
    """100,000 items without an archive: what the table asks of a catalogue, counted."""

    def __init__(self, n: int = 100_000) -> None:
        self.n, self.rows_asked = n, 0

    def ids(self, query: LibraryQuery, cancelled) -> list[str]:
        ids = [f"item-{i:06d}" for i in range(self.n)]
        return ids[::-1] if query.descending else ids

    def rows(self, ids: list[str]) -> list[LibraryRow]:
        self.rows_asked += len(ids)
        return [LibraryRow(i, f"Title {i}", "Document", "2003", "in 2003", "", "with the archive", 0, True)
                for i in ids]


def test_the_model_reads_rows_a_page_at_a_time_at_100000_items(qtbot, qtmodeltester):
    from ashraf_desktop.ui.library import LibraryModel
    from PySide6.QtWidgets import QTableView
    source = _BigSource()
    model = LibraryModel(source)
    t0 = time.perf_counter()
    model.set_ids(source.ids(LibraryQuery(), lambda: False))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 600)
    view.show()
    QApplication.processEvents()
    first_screen = time.perf_counter() - t0
    assert model.total == 100_000 and model.rowCount() == 500  # the rest come as the view scrolls
    assert source.rows_asked <= 400, "a screen of rows reads a page or two, not the archive"
    for _ in range(40):  # scroll to the end as a user drags the scroll bar down
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        QApplication.processEvents()
        if not model.canFetchMore():
            break
    t1 = time.perf_counter()
    view.scrollToBottom()
    QApplication.processEvents()
    assert model.data(model.index(model.rowCount() - 1, 0)).startswith("Title item-")
    assert time.perf_counter() - t1 < 0.5 and first_screen < 2.0
    assert source.rows_asked < 100_000 // 4  # only the pages scrolled past were read
    small = LibraryModel(_BigSource(300))
    small.set_ids(small.source.ids(LibraryQuery(), lambda: False))
    qtmodeltester.check(small)


def test_library_sorts_filters_remembers_columns_and_runs_saved_searches(qtbot, make_window):
    window = make_window(data="library")
    page = window.views.open_library()
    qtbot.waitUntil(lambda: page.model.total == len(window.archive.items), timeout=10_000)
    titles = [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)
    # a heading sorts (off the GUI thread), newest first
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: page.query.sort == "date" and page.count.text().endswith("items"), timeout=10_000)
    qtbot.waitUntil(lambda: page.model.id_at(0) == window.archive.items.ids(order="date")[-1] or
                    page.model.id_at(0) in {d.id for d in window.archive.items.dated()}, timeout=10_000)
    # the filter narrows by title or creator
    page.filter.setText("ashraf")
    qtbot.waitUntil(lambda: 0 < page.model.total < len(window.archive.items), timeout=10_000)
    # several rows: Edit metadata of N items
    page.table.selectAll()
    ids = page.selected_ids()
    assert len(ids) == page.model.total
    with qtbot.waitSignal(page.edit_metadata_requested, timeout=2_000) as asked:
        page.edit_metadata_requested.emit(ids)
    assert asked.args[0] == ids
    # columns chosen are remembered
    page.show_column(4, False)
    window.close()
    again = make_window(data="library")
    page2 = again.views.open_library()
    assert page2.table.horizontalHeader().isSectionHidden(4)
    # a saved search: the query and its filters under a name, one click runs it in the search panel
    with qtbot.waitSignal(again.search.result_shown, timeout=20_000):
        again.search.set_query("Liberty")
    saved = again.views.save_search("Camp Liberty")
    assert saved is not None and page2.saved_list.count() == 1
    with qtbot.waitSignal(again.search.result_shown, timeout=20_000):
        again.search.set_query("Diyala")
    with qtbot.waitSignal(again.search.result_shown, timeout=20_000):
        page2._saved_clicked(page2.saved_list.item(0))
    assert again.search.query() == "Liberty" and again.search.last_result.total > 0
    assert page2.table.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
