"""The search panel: a box that searches as you type, the hit list, facets, sort, and the empty state.

Searches run through :func:`ashraf_desktop.ui.tasks.run_task` with one key, so typing fast never queues up
stale results: only the newest query's answer reaches the list. Query problems from the index come back as
``SearchResult.notice`` and are shown inline in a label, never in a dialog.

A period chosen elsewhere (the timeline) limits the results through ``Filters.date_range`` and shows as a
removable chip "Period: 1 March 2003 – 31 December 2004 ✕"; with a period and an empty box, the list shows
everything dated in it. After each search the ids of all its hits (up to ``MARK_LIMIT``) are announced by
``hits_changed`` so that the timeline can mark them.
"""

from __future__ import annotations

import html
import threading
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMenu, QWidget

from ..fit import shorten
from .models import FacetsModel, HitRole, ResultsModel, filters_from_checked
from .panel_widgets import EXAMPLES, SORTS, build_widgets
from ..tasks import TaskRunner, task_runner
from ..i18n import fill, format_number, range_words, translate

__all__ = ["SearchPanel", "EXAMPLES", "SORTS"]

DEBOUNCE_MS = 200
PAGE_SIZE = 30
MARK_LIMIT = 500  # the most hits announced to the timeline (the index's largest page)

class SearchPanel(QWidget):
    """The left-hand dock: search box, notices, results, facets."""

    open_requested = Signal(object, str)  # Hit, query
    help_requested = Signal()
    result_shown = Signal(object)  # SearchResult, after it reached the list (tests and smoke run wait on it)
    #: the exact count (and the filters' counts) of a result first shown as "about N" (the SearchResult)
    count_settled = Signal(object)
    date_range_removed = Signal()  # the user removed the period chip
    hits_changed = Signal(object, object)  # frozenset of item ids, frozenset of event ids: the current hits
    edit_metadata_requested = Signal(object)  # list of item ids: the selected results' context menu
    filters_changed = Signal()  # the ticked filters or the period changed (the concordance shares them)

    def __init__(self, runner: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner or task_runner()
        self.index: Any = None
        self.last_result: Any = None
        #: the current search's hits as last announced by ``hits_changed`` (a panel built later starts from them)
        self.last_hits: tuple[frozenset[str], frozenset[str]] | None = None
        self.hits_changed.connect(self._remember_hits)
        self.search_threads: list[str] = []  # names of threads searches ran on (the GUI thread must not appear)
        self._searched_query: str | None = None
        self.date_range: tuple[int, int] | None = None  # inclusive ordinal days, from the timeline
        self.similar_to: str | None = None  # the item whose similar items are listed (not a query's results)

        self.results = ResultsModel(self)
        self.facets = FacetsModel(self)
        build_widgets(self)
        self.box.installEventFilter(self)
        self.suggestion.linkActivated.connect(self._use_suggestion)
        self.date_chip.clicked.connect(self._chip_clicked)
        self.sort.currentIndexChanged.connect(lambda _i: self.search_now())
        self.results.more_wanted.connect(self._fetch_page)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.activated.connect(self._activated)
        self.empty.linkActivated.connect(self._empty_link)
        self.facets.checked_changed.connect(self._filters_changed)
        self.clear_filters.clicked.connect(self.facets.clear_checked)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.search_now)
        self.box.textChanged.connect(lambda _t: self.timer.start())
        self.box.returnPressed.connect(self._return_pressed)
        self._show_state()
        self.setFocusProxy(self.box)

    # --- public --------------------------------------------------------------------------------------
    def _remember_hits(self, item_ids: frozenset[str], event_ids: frozenset[str]) -> None:
        self.last_hits = (item_ids, event_ids)

    def searching(self) -> bool:
        """A search will run or is running (something was typed or a period chosen); it ends in ``hits_changed``."""
        return self.index is not None and bool(self.query() or self.date_range is not None)

    def set_index(self, index: Any) -> None:
        """The index is ready (it opens in the background at start): run what the user typed meanwhile."""
        self.index = index
        self._show_state()
        if self.query() or self.date_range is not None:
            self.search_now()

    def reset_for_archive(self) -> None:
        """Another archive is being opened: no index, no period, an empty box until its index is open."""
        self.index = None
        self.date_range = None
        self.date_chip.hide()
        self.set_query("", now=True)

    def saved_state(self) -> tuple[str, dict[str, tuple[str, ...]], tuple[int, int] | None]:
        """The query, the ticked filters and the period: what a saved search keeps."""
        checked = {g: tuple(sorted(str(v) for v in values)) for g, values in self.facets.checked().items()}
        return self.query(), checked, self.date_range

    def run_saved(self, query: str, filters: dict[str, tuple[str, ...]], date_range: tuple[int, int] | None) -> None:
        """Run a saved search: its query, filters and period, at once."""
        self.facets.set_checked({g: set(v) for g, v in filters.items()})
        self.box.setText(query)
        self.timer.stop()  # typed by us: no second search when the debounce ends
        self.date_range = None
        if date_range is not None:
            self.set_date_range(*date_range)  # shows the chip and searches
        else:
            self.date_chip.hide()
            self.search_now()

    def search_again(self) -> None:
        """The index holds new or changed items: a search under way shows them (an empty box stays empty)."""
        if self.searching():
            self.search_now()

    def show_unavailable(self, message: str) -> None:
        """The index could not be opened: say so above the (empty) results, in plain words."""
        self.notice.setText(message)
        self.notice.show()

    def refresh_theme(self) -> None:
        """The theme changed: the results repaint with its colours."""
        self.list.viewport().update()

    def query(self) -> str:
        return self.box.text().strip()

    def set_query(self, text: str, *, now: bool = True) -> None:
        self.box.setText(text)
        if now:
            self.search_now()

    def set_date_range(self, lower: int | None, upper: int | None = None) -> None:
        """Limit the results to days ``lower``..``upper`` (inclusive ordinals), or drop the limit (None).

        Shows or hides the chip and searches again; emits nothing (the caller knows what it did).
        """
        new = None if lower is None or upper is None else (min(lower, upper), max(lower, upper))
        if new == self.date_range:
            return
        self.date_range = new
        if new is not None:
            self.date_chip.setText(fill(translate("SearchPanel", "Period: %1  ✕"), range_words(*new)))
        self.date_chip.setVisible(new is not None)
        self.search_now()
        self.filters_changed.emit()

    def _chip_clicked(self) -> None:
        self.set_date_range(None)
        self.date_range_removed.emit()

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def search_now(self) -> None:
        """Start the search for the box's text now (the debounce timer calls this)."""
        self.timer.stop()
        self.similar_to = None
        query = self.query()
        if not query and self.date_range is None:
            self.runner.cancel("search")
            self.runner.cancel("search-ids")
            self.last_result = None
            self._searched_query = None
            self.results.clear()
            self.facets.set_facets({})
            self._set_notice(None)
            self._show_state()
            self.hits_changed.emit(frozenset(), frozenset())
            return
        if self.index is None:
            self._show_state()
            return
        self._run(query, page=1)

    # --- running searches ----------------------------------------------------------------------------
    def _date_filters(self) -> Any:
        if self.date_range is None:
            return None
        from ...core.search import Filters
        return Filters(date_range=self.date_range)

    def filters(self) -> Any:
        """The ticked filters and the period as ``core.search.Filters``, or None for the whole archive."""
        return self._filters()

    def _filters(self) -> Any:
        checked, base = self.facets.checked(), self._date_filters()
        if checked:
            return filters_from_checked(checked, base)
        return base

    def _mark_hits(self, result: Any) -> None:
        """Announce the ids of all the result's hits; a second, id-only pass when they span pages."""
        if not result.query:  # browsing a period: there is no search to mark
            self.runner.cancel("search-ids")
            self.hits_changed.emit(frozenset(), frozenset())
            return
        if len(result.hits) >= result.total or result.page != 1:
            self.hits_changed.emit(*_hit_ids(result.hits))
            return
        index, query, filters = self.index, result.query, self._filters()

        def work() -> Any:  # a pool thread
            return _hit_ids(index.search(query, filters=filters, page=1, page_size=MARK_LIMIT,
                                         with_facets=False).hits)

        # should the id-only pass fail, the first page's hits are marked: every search ends in hits_changed
        self.runner.run_task(work, lambda ids: self.hits_changed.emit(*ids),
                             lambda _e: self.hits_changed.emit(*_hit_ids(result.hits)), key="search-ids",
                             label=translate("SearchPanel", "Marking the results on the timeline"))

    def _run(self, query: str, page: int) -> None:
        index, filters, sort = self.index, self._filters(), self.sort.currentData() or "relevance"
        threads = self.search_threads
        checked, base = self.facets.checked(), self._date_filters()

        def work() -> Any:  # runs on a pool thread: no widgets here
            threads.append(threading.current_thread().name)
            # the first page at once ("about N" where a phrase has very many candidates: no facet counts
            # then, they come with the exact count after it, see _count_exactly)
            result = index.search(query, filters=filters, sort=sort, page=page, page_size=PAGE_SIZE,
                                  exact_total=page != 1)
            if page != 1 or getattr(result, "total_is_estimate", False):
                return result
            return _with_sibling_counts(index, query, result, checked, base)

        if page == 1:
            self._searched_query = query
            self.runner.cancel("search-ids")  # the previous search's marks must not arrive after this one's
            self.runner.run_task(work, self._show_result, self._search_failed, key="search",
                                 label=translate("SearchPanel", "Searching"))
        else:
            self.runner.run_task(work, self.results.append_page, self._search_failed, key="search-page",
                                 label=translate("SearchPanel", "Loading more results"))

    def _fetch_page(self, page: int) -> None:
        if self.index is not None and self._searched_query is not None:
            self._run(self._searched_query, page)

    def _show_result(self, result: Any) -> None:
        self.last_result = result
        self.results.set_result(result)
        self.facets.set_facets(result.facets)
        self._set_notice(result.notice)
        if result.suggestion:
            s = html.escape(result.suggestion)
            self.suggestion.setText(fill(translate("SearchPanel", "Did you mean <a href=\"suggest:%1\"><b>%2</b></a>?"),
                                         html.escape(result.suggestion, quote=True), s))
            self.suggestion.show()
        else:
            self.suggestion.hide()
        self._show_state()
        if result.hits:
            self.list.setCurrentIndex(self.results.index(0))
            self.list.scrollToTop()
        self._mark_hits(result)
        if getattr(result, "total_is_estimate", False):
            self._count_exactly(result)
        self.result_shown.emit(result)

    def _count_exactly(self, shown: Any) -> None:
        """A first page came with "about N": the exact count and the filters' counts follow, off the GUI
        thread (a newer search drops this one's answer)."""
        index, filters, sort = self.index, self._filters(), self.sort.currentData() or "relevance"
        checked, base = self.facets.checked(), self._date_filters()
        query = shown.query

        def work() -> Any:  # a pool thread
            exact = index.search(query, filters=filters, sort=sort, page=1, page_size=1)
            return _with_sibling_counts(index, query, exact, checked, base)

        def done(exact: Any) -> None:
            if self.last_result is not shown:
                return
            self.last_result = replace(shown, total=exact.total, facets=exact.facets, total_is_estimate=False)
            self.results.set_total(exact.total)
            self.facets.set_facets(exact.facets)
            self._show_state()
            self.count_settled.emit(self.last_result)

        self.runner.run_task(work, done, lambda _e: None, key="search", label="Counting the results")

    def _search_failed(self, error: BaseException) -> None:
        self.last_result = None
        self.results.clear()
        self._set_notice(fill(translate("SearchPanel", "The search could not run: %1"), error))
        self._show_state()
        self.hits_changed.emit(frozenset(), frozenset())

    def _set_notice(self, text: str | None) -> None:
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))

    def _show_state(self) -> None:
        query = self.query()
        self.clear_filters.setVisible(bool(self.facets.checked()))
        if not query and self.date_range is None and self.similar_to is None:
            self.count.setText("" if self.index is not None else translate("SearchPanel",
                                                                           "Preparing the search index…"))
            self.stack.setCurrentWidget(self.empty_page)
            self.suggestion.hide()
            return
        if self.index is None:
            self.count.setText(translate("SearchPanel", "Preparing the search index…"))
            return
        result = self.last_result
        if result is None:
            return
        total = result.total
        if total:
            if getattr(result, "total_is_estimate", False):  # a phrase's first page: the exact count follows
                self.count.setText(fill(translate("SearchPanel", "about %1 results"), format_number(total)))
            else:
                self.count.setText(fill(translate("SearchPanel", "%1 result") if total == 1 else
                                        translate("SearchPanel", "%1 results"), format_number(total)))
            self.stack.setCurrentWidget(self.list)
        else:
            self.count.setText(translate("SearchPanel", "No results"))
            extra = translate("SearchPanel", " Try clearing the filters.") if self.facets.checked() else ""
            if self.date_range is not None:
                extra += translate("SearchPanel",
                                   " Try removing the period (✕ on its chip) or choosing a longer one.")
            if result.query:
                text = fill(translate("SearchPanel",
                                      "Nothing matches <b>%1</b>.%2 Check the spelling, use fewer words, "
                                                     "or see Help ▸ Query syntax."),
                            html.escape(shorten(result.query)), extra)
            else:
                text = fill(translate("SearchPanel", "Nothing in the archive is dated in this period.%1"), extra)
            self.no_hits.setText(text)
            self.stack.setCurrentWidget(self.no_hits_page)

    # --- user actions --------------------------------------------------------------------------------
    def _filters_changed(self) -> None:
        self.search_now()
        self.filters_changed.emit()

    def show_similar(self, item_id: str, title: str = "") -> None:
        """List the items most like ``item_id`` (the index's key terms) in place of a query's results."""
        if self.index is None:
            return
        index = self.index
        self.timer.stop()
        self.box.blockSignals(True)
        self.box.clear()
        self.box.blockSignals(False)
        self.similar_to = item_id
        self._searched_query = None
        self.runner.cancel("search-page")

        def shown(result: Any) -> None:
            if self.similar_to != item_id:
                return
            self._show_result(result)
            self._set_notice(fill(translate("SearchPanel",
                                            "Items most like “%1”, by the words they share. Type a query to search "
                                            "again."), title or item_id))

        self.runner.run_task(lambda: index.more_like_this(item_id, limit=PAGE_SIZE), shown, self._search_failed,
                             key="search", label=translate("SearchPanel", "Finding similar items"))

    def _use_suggestion(self, link: str) -> None:
        self.set_query(link.partition(":")[2])

    def _empty_link(self, link: str) -> None:
        kind, _, rest = link.partition(":")
        if kind == "query":
            self.set_query(rest)
            self.box.setFocus()
        elif kind == "help":
            self.help_requested.emit()

    def _activated(self, index) -> None:
        hit = self.results.hit(index.row())
        if hit is not None:
            self.open_requested.emit(hit, self.results.query)

    def _return_pressed(self) -> None:
        if self.timer.isActive() or (self.query() and self._searched_query != self.query()):
            self.search_now()  # Enter before the debounce fired: search first, open on the next Enter
            return
        index = self.list.currentIndex()
        if not index.isValid() and self.results.rowCount():
            index = self.results.index(0)
        if index.isValid():
            self._activated(index)

    def selected_item_ids(self) -> list[str]:
        """Ids of the items among the selected results (events left out; an annotation stands for its item)."""
        ids: list[str] = []
        for index in sorted(self.list.selectionModel().selectedIndexes(), key=lambda i: i.row()):
            hit = self.results.hit(index.row())
            if hit is None or hit.kind == "event":
                continue
            item_id = hit.item_id if hit.kind == "annotation" else (getattr(hit, "item_id", None) or hit.id)
            if item_id and item_id not in ids:
                ids.append(item_id)
        return ids

    def _context_menu(self, pos) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid():
            return
        if not self.list.selectionModel().isSelected(index):
            self.list.setCurrentIndex(index)
        menu = QMenu(self.list)
        menu.addAction(translate("SearchPanel", "Open"), lambda: self._activated(index))
        hit = index.data(HitRole)
        if hit is not None and hit.kind != "annotation":
            menu.addAction(translate("SearchPanel", "Find similar items"), lambda: self.show_similar(hit.id, hit.title))
        ids = self.selected_item_ids()
        if ids:
            label = translate("SearchPanel", "Edit metadata…") if len(ids) == 1 else \
                fill(translate("SearchPanel", "Edit metadata of %1 items…"), len(ids))
            menu.addAction(label, lambda: self.edit_metadata_requested.emit(ids))
        menu.exec(self.list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def open_current(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self._activated(index)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.box and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key == Qt.Key.Key_Down and self.results.rowCount():
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.list.currentIndex().isValid():
                    self.list.setCurrentIndex(self.results.index(0))
                return True
            if key == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                return True
        return super().eventFilter(obj, event)


def _with_sibling_counts(index: Any, query: str, result: Any, checked: dict[str, set[Any]], base: Any) -> Any:
    """Ticking "Document" must not hide "Event" and "Record": a group with ticked values shows every value
    with the count it would have if only that group's ticks were changed (the search without that group's
    filter: one more, facet-only search per ticked group). Runs on the worker with the search."""
    if not checked:
        return result
    facets = dict(result.facets)
    for group in checked:
        others = {g: v for g, v in checked.items() if g != group}
        filters = filters_from_checked(others, base) if others else base
        counts = index.search(query, filters=filters, page=1, page_size=1).facets.get(group)
        if counts:
            facets[group] = counts
    return replace(result, facets=facets)


def _hit_ids(hits: Any) -> tuple[frozenset[str], frozenset[str]]:
    """(item ids, event ids) of search hits."""
    items, events = set(), set()
    for hit in hits:
        if hit.kind == "annotation":  # an annotation stands for its item
            if hit.item_id:
                items.add(hit.item_id)
            continue
        (events if hit.kind == "event" else items).add(hit.id)
    return frozenset(items), frozenset(events)
