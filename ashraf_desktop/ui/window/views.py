"""The app's own views, opened as tabs of the viewer: the facts the sources state, and the library (every item
as a table) with the saved searches. Each is built when first opened (its module imported then)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog

from ...core.saved_searches import SavedSearch, SavedSearches
from ..viewer.page import Location, Page
from ..i18n import fill, translate

if TYPE_CHECKING:
    from ..main_window import MainWindow

__all__ = ["AppViews"]


def _focus(page: Page | None) -> None:
    """A view opened from the menu or its shortcut takes the keyboard focus (the reader goes there)."""
    if page is not None:
        page.setFocus(Qt.FocusReason.ShortcutFocusReason)


class AppViews(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: the user's saved searches (user data: core/saved_searches.py)
        self.saved_searches = SavedSearches(window.dirs.data)
        tabs, m = window.tabs, window.menus
        tabs.register_page("facts", self._facts_page, "info")
        m.add("facts", translate("AppViews", "&Facts the sources state"), lambda: _focus(self.open_facts()),
              "Ctrl+Shift+F", "info",
              translate("AppViews",
                        "Every fact with each source's value; where the sources "
                        "disagree"), menu="view", section="views")
        window.provenance.fact_activated.connect(self.open_facts)
        tabs.register_page("library", self._library_page, "folder-open")
        m.add("library", translate("AppViews", "&Library"), lambda: _focus(self.open_library()), "Ctrl+Shift+L",
              "folder-open",
              translate("AppViews",
                        "Every item in a table: sort, filter, describe or export many at once; saved searches"),
              menu="view", section="views")
        m.add("save_search", translate("AppViews", "Save the current &search…"), lambda: self.save_search(),
              "Ctrl+Shift+D", None,
              translate("AppViews",
                        "Keep the query and its filters under a name (View ▸ Library lists them)"), menu="edit",
              section="search")

    # --- facts ---------------------------------------------------------------------------------------
    def _facts_page(self, location: Location) -> Page:
        from ..facts import FactsPage
        return FactsPage(self.window.archive, location, self.window.tabs)

    def open_facts(self, fact_id: str = "") -> Page | None:
        """The facts view (at ``fact_id``, when given)."""
        return self.window.tabs.open_location(Location("facts", "facts", "", fact_id))

    # --- library -------------------------------------------------------------------------------------
    def _library_page(self, location: Location) -> Page:
        from ..library import LibraryPage
        w = self.window
        page = LibraryPage(w.archive, w.runner, w.settings, self.saved_searches,
                           lambda: (c.counts() if (c := w.built_annotations()) is not None else {}),
                           location, w.tabs)
        page.edit_metadata_requested.connect(w.importer.edit_metadata)
        page.export_requested.connect(lambda ids: w.integrity.export_bag(item_ids=list(ids)))
        page.run_saved_search.connect(self.run_saved_search)
        page.save_search_requested.connect(self.save_search)
        return page

    def open_library(self) -> Page | None:
        """View ▸ Library: every item as a table, with the saved searches."""
        return self.window.tabs.open_location(Location("library", "library"))

    # --- saved searches ------------------------------------------------------------------------------
    def run_saved_search(self, search: SavedSearch) -> None:
        """A saved search, one click: its query and filters in the search panel, which comes forward."""
        self.window.search.run_saved(search.query, dict(search.filters), search.date_range)
        self.window.show_panel("search")

    def save_search(self, name: str | None = None) -> SavedSearch | None:
        """Keep the search panel's query and filters under a name (asked when not given)."""
        w = self.window
        query, filters, period = w.search.saved_state()
        if not query and not filters and period is None:
            w.show_message(translate("AppViews",
                                     "Search first (type a query or tick a filter), then save the search."), 8000)
            return None
        if name is None:
            name, ok = QInputDialog.getText(w, translate("AppViews", "Save the search"),
                                            translate("AppViews", "Name of this search:"), text=query[:60])
            if not ok:
                return None
        search = SavedSearch(name, query, filters, period)
        try:
            self.saved_searches.save(search)
        except (OSError, ValueError) as error:
            w.show_message(fill(translate("AppViews", "The search was not saved: %1"), error), 10000)
            return None
        from ..library import LibraryPage
        for page in w.tabs.pages():
            if isinstance(page, LibraryPage):
                page.fill_saved()
        w.show_message(fill(translate("AppViews", "Saved the search “%1”: View ▸ Library lists it."),
                            search.name), 6000)
        return search
