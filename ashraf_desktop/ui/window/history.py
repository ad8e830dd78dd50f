"""Back and forward over what the user opened, like a browser (Go ▸ Back / Forward, Alt+Left / Alt+Right)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ..viewer.page import Location
from ..viewer.tabs import ViewerTabs

__all__ = ["History", "Navigation"]


class History:
    """Opening something new drops the forward list; reopening what is shown (another query, the same
    quote) replaces the current entry instead of piling up copies of it."""

    def __init__(self) -> None:
        self.back: list[Location] = []
        self.forward: list[Location] = []
        self.current: Location | None = None

    def visit(self, location: Location) -> None:
        if self.current is not None and (self.current.kind, self.current.id, self.current.quote) == (
                location.kind, location.id, location.quote):
            self.current = location
            return
        if self.current is not None:
            self.back.append(self.current)
        self.current = location
        self.forward.clear()

    def go_back(self) -> Location | None:
        if not self.back:
            return None
        if self.current is not None:
            self.forward.append(self.current)
        self.current = self.back.pop()
        return self.current

    def go_forward(self) -> Location | None:
        if not self.forward:
            return None
        if self.current is not None:
            self.back.append(self.current)
        self.current = self.forward.pop()
        return self.current

    def clear(self) -> None:
        """Another archive was opened: its items are not these."""
        self.back.clear()
        self.forward.clear()
        self.current = None


class Navigation(QObject):
    """The window's history: every location the tabs open is visited; Back/Forward reopen without visiting."""

    def __init__(self, tabs: ViewerTabs, back: QAction, forward: QAction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tabs, self.back_action, self.forward_action = tabs, back, forward
        self.history = History()
        tabs.navigated.connect(self.visit)
        self._update()

    def visit(self, location: Location) -> None:
        self.history.visit(location)
        self._update()

    def go_back(self) -> None:
        loc = self.history.go_back()
        if loc is not None:
            self.tabs.open_location(loc, record=False)
        self._update()

    def go_forward(self) -> None:
        loc = self.history.go_forward()
        if loc is not None:
            self.tabs.open_location(loc, record=False)
        self._update()

    def clear(self) -> None:
        self.history.clear()
        self._update()

    def _update(self) -> None:
        self.back_action.setEnabled(bool(self.history.back))
        self.forward_action.setEnabled(bool(self.history.forward))
