"""What one panel does to another when the user follows something: the timeline's period limits the search
and the photos, an event chosen anywhere is shown on the timeline, a citation opens its passage, the photos
follow the search.

The timeline is wired to a :class:`PanelLinks` (``install_timeline(window, links=window.links)``); the other
panels' signals are connected here too, so that the window itself only builds and holds them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..viewer.info_pages import date_text

if TYPE_CHECKING:
    from ..gallery import GalleryPanel
    from ..main_window import MainWindow
    from ..viewer.page import Page

__all__ = ["PanelLinks"]


class PanelLinks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.provenance.event_activated.connect(self.provenance_event_activated)
        window.tabs.event_activated.connect(self.tab_event_activated)

    # --- what the timeline calls ---------------------------------------------------------------------
    def open_item_at_quote(self, item_id: str, quote: str) -> Page | None:
        """A citation was clicked: the document in the viewer, scrolled to the quote, the quote highlighted."""
        return self.window.open_item_at_quote(item_id, quote)

    def set_date_filter(self, lower: int, upper: int) -> None:
        """Limit the search results and the photos to days ``lower``..``upper`` (inclusive day numbers): the
        search panel's chip shows the period."""
        w = self.window
        w.search.set_date_range(lower, upper)
        gallery = w.built_gallery()
        if gallery is not None:
            gallery.set_date_range(lower, upper)
        w.show_panel("search")

    def clear_date_filter(self) -> None:
        w = self.window
        w.search.set_date_range(None)
        gallery = w.built_gallery()
        if gallery is not None:
            gallery.clear_date_range()

    def on_timeline_event_selected(self, event_id: str) -> None:
        event = self.window.archive.event(event_id)
        if event is not None:
            self.window.show_message(f"{event.title} — {date_text(event.date.edtf)}", 6000)

    # --- the timeline follows --------------------------------------------------------------------------
    def show_on_timeline(self, event_id: str, *, bring_forward: bool = True) -> bool:
        """Select ``event_id`` on the timeline and scroll it into view, showing and raising its dock when
        ``bring_forward`` (else a hidden or covered timeline shows it selected when the user brings it up).
        Returns whether the timeline is on screen with the event."""
        w = self.window
        if bring_forward:
            w.show_panel("timeline")
        w.timeline_panel.show_event(event_id)
        return w.timeline_panel.isVisible()

    def provenance_event_activated(self, event_id: str) -> None:
        """The provenance panel's "events that cite it": open the event and show it on the timeline."""
        self.window.open_event(event_id)
        self.show_on_timeline(event_id)
        self.window.event_activated.emit(event_id)

    def tab_event_activated(self, event_id: str) -> None:
        """An event link in a tab (the tab opens the event itself): follow it on a visible timeline."""
        self.show_on_timeline(event_id, bring_forward=False)
        self.window.event_activated.emit(event_id)

    # --- the photos follow -----------------------------------------------------------------------------
    def attach_gallery(self, gallery: GalleryPanel) -> None:
        """The photos follow the search's hits and the timeline's period, like the result list."""
        w = self.window
        if w.search.date_range is not None:  # a period chosen before the gallery was built
            gallery.set_date_range(*w.search.date_range)
        w.search_hits_changed.connect(self.gallery_follow_search)
        w.date_filter_cleared.connect(gallery.clear_date_range)
        w.archive_changed.connect(gallery.set_archive)

    def gallery_follow_search(self, item_ids: frozenset[str], _event_ids: frozenset[str]) -> None:
        gallery = self.window.built_gallery()
        if gallery is not None:
            gallery.set_filter_ids(item_ids if self.window.search.query().strip() else None)
