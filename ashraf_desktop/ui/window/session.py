"""The open tabs and where the reader was in each, kept when the app closes and reopened at the next start.

Saved with the window's state (settings ``session/tabs``: a JSON list of locations with their reading
positions, ``session/current``: the tab in front). The tabs come back after the first paint, each document
loading in the background as when it was opened by hand; a page goes back to its reading position once it
is loaded. What no longer exists in the archive is left out without a word (it was deleted meanwhile).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import QObject, QSettings

from ..viewer.page import Location, Page
from ..viewer.tabs import ViewerTabs

__all__ = ["Session", "MAX_TABS"]

log = logging.getLogger(__name__)

#: at most this many tabs are reopened (a session with hundreds would slow every start)
MAX_TABS = 30


class Session(QObject):
    def __init__(self, tabs: ViewerTabs, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tabs, self.settings = tabs, settings

    def save(self) -> None:
        entries: list[dict[str, Any]] = []
        current = -1
        for page in self.tabs.pages()[:MAX_TABS]:
            loc = page.location
            entry: dict[str, Any] = {"kind": loc.kind, "id": loc.id}
            if loc.query:
                entry["query"] = loc.query
            if loc.quote:
                entry["quote"] = loc.quote
            position = page.reading_position()
            if position is not None:
                entry["position"] = int(position)
            if page is self.tabs.current_page():
                current = len(entries)
            entries.append(entry)
        self.settings.setValue("session/tabs", json.dumps(entries, ensure_ascii=False))
        self.settings.setValue("session/current", current)

    def restore(self) -> list[Page]:
        """Reopen the saved tabs; returns the pages opened."""
        try:
            entries = json.loads(str(self.settings.value("session/tabs", "[]") or "[]"))
            current = int(str(self.settings.value("session/current", -1)))
        except (ValueError, TypeError):  # a damaged settings file costs the session, never the start
            log.warning("the saved tabs could not be read; starting without them")
            return []
        if not isinstance(entries, list):
            return []
        pages: list[Page] = []
        front: Page | None = None
        for n, entry in enumerate(entries[:MAX_TABS]):
            if not isinstance(entry, dict) or not entry.get("kind") or not entry.get("id"):
                continue
            location = Location(str(entry["kind"]), str(entry["id"]), str(entry.get("query", "")),
                                str(entry.get("quote", "")))
            page = self.tabs.open_location(location, record=False)
            if page is None:
                continue
            pages.append(page)
            if n == current:
                front = page
            position = entry.get("position")
            if isinstance(position, int) and not location.quote:  # a quote scrolls to itself
                self._when_loaded(page, position)
        if front is not None:
            self.tabs.setCurrentWidget(front)
        return pages

    @staticmethod
    def _when_loaded(page: Page, position: int) -> None:
        if page.is_loaded:
            page.go_to_reading_position(position)
        else:
            page.loaded.connect(lambda: page.go_to_reading_position(position))
