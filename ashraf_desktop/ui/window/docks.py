"""The window's panels (docks) and their layout: made, built late, shown, remembered, reset.

A panel lives in a :class:`QDockWidget` the user can show, hide, move, float and stack as tabs; View ▸
Panels toggles each one. Panels that are not needed for the first paint (timeline, photos, annotations)
get their dock at once, holding an empty placeholder, so that the saved layout is restored and View ▸
Panels works from the start; their contents are built after the first paint, one per turn of the event
loop, or at once when something needs one (:meth:`Docks.ensure`).

The layout is saved on close and restored at start when it was saved by this version of the layout
(:data:`LAYOUT_VERSION`) and still fits the screen; View ▸ Reset layout puts every panel back where it
started. On a first start the panels with something to show are in front of their stack (the caller
decides which: :meth:`Docks.arrange`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabBar, QWidget

from ..fit import fit_to_screen
from ..i18n import fill, translate

__all__ = ["Docks", "LAYOUT_VERSION"]

log = logging.getLogger(__name__)

#: 3: the layout that fits 1280×720 (older saved layouts, which may not, are dropped once)
LAYOUT_VERSION = 3
Area = Qt.DockWidgetArea


def visual_area(window: QWidget, area: Area) -> Area:
    """Where ``area`` is on screen: the left and right dock areas change sides in a right-to-left window
    (Persian), as everything else in it does; Qt itself does not mirror them."""
    if window.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return area
    return {Area.LeftDockWidgetArea: Area.RightDockWidgetArea,
            Area.RightDockWidgetArea: Area.LeftDockWidgetArea}.get(area, area)


@dataclass
class _Place:
    """Where a panel starts and goes back to on View ▸ Reset layout."""

    area: Area
    visible: bool
    tabify: bool


class Docks(QObject):
    """The panels of one main window, by name."""

    #: a panel reserved at start was built (its name)
    panel_ready = Signal(str)

    def __init__(self, window: QMainWindow, panels_menu: QMenu, go_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.menu = panels_menu
        self.go_menu = go_menu
        self.panels: dict[str, QDockWidget] = {}
        self._places: dict[str, _Place] = {}
        self._builders: dict[str, Callable[[], None]] = {}
        self._pending: list[str] = []  # reserved panels not built yet, in build order
        self._building = False  # build_all_later() was called
        self.closed = False
        #: the layout is the starting one, which grows and shrinks with the window (a maximised first start
        #: gives the timeline half the height); False once the user moves a panel's edge, or restored one
        self.proportional = False
        self._window_size = window.size()
        self._starting_state: QByteArray | None = None  # the layout as made, before any saved one was restored
        window.installEventFilter(self)
        self._stray_check = QTimer(self)  # once the layout has settled after a change (see hide_stray_tab_bars)
        self._stray_check.setSingleShot(True)
        self._stray_check.setInterval(0)
        self._stray_check.timeout.connect(self.hide_stray_tab_bars)
        self._front: Callable[[Area], str | None] | None = None

    # --- making panels -------------------------------------------------------------------------------
    def add(self, name: str, title: str, widget: QWidget, area: Area = Area.BottomDockWidgetArea, *,
            shortcut: str | None = None, visible: bool = True, tabify: bool = True) -> QDockWidget:
        """Put ``widget`` in a dock named ``name``; a dock reserved under that name takes it instead.

        A panel added to an area that already holds a panel is stacked with it as a tab (``tabify``), so
        that a second bottom panel does not halve the first; a panel added after start-up goes back where
        the user left it when the saved layout knows it."""
        reserved = self.panels.get(name)
        if reserved is not None and reserved.property("ashraf-reserved"):
            placeholder = reserved.widget()
            reserved.setWidget(widget)
            reserved.setProperty("ashraf-reserved", False)
            if placeholder is not None:
                placeholder.deleteLater()
            return reserved
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"dock-{name}")  # saveState() identifies docks by object name
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self._places[name] = _Place(area, visible, tabify)
        self._dock_at(dock, area, tabify)
        toggle = dock.toggleViewAction()
        toggle.setText(title)
        toggle.setObjectName(f"toggle-{name}")
        self.menu.addAction(toggle)
        for signal in (dock.visibilityChanged, dock.dockLocationChanged, dock.topLevelChanged):
            signal.connect(lambda *_a: self._stray_check.start())  # a layout change may leave a stray tab bar
        if shortcut:  # the shortcut brings the panel forward with the focus (a toggle would hide a shown one)
            self.go_menu.addAction(self._go_action(name, title, shortcut))
        self.panels[name] = dock
        dock.setVisible(visible)
        self.window.restoreDockWidget(dock)  # a panel added after start-up goes back where the user left it
        return dock

    def _dock_at(self, dock: QDockWidget, area: Area, tabify: bool) -> None:
        area = visual_area(self.window, area)
        neighbour = next((d for d in self.panels.values() if d is not dock and d.isVisibleTo(self.window)
                          and self.window.dockWidgetArea(d) == area and not d.isFloating()), None) \
            if tabify else None
        if neighbour is None and tabify:  # a hidden neighbour still makes a stack, not a split
            neighbour = next((d for d in self.panels.values() if d is not dock
                              and self.window.dockWidgetArea(d) == area and not d.isFloating()), None)
        self.window.addDockWidget(area, dock)
        if neighbour is not None:
            self.window.tabifyDockWidget(neighbour, dock)

    def reserve(self, name: str, title: str, area: Area, shortcut: str, build: Callable[[], None], *,
                visible: bool = True) -> QDockWidget:
        """The dock of a panel built later by ``build()`` (which calls :meth:`add` with the same name):
        named and placed now, so that the saved layout puts it where the user left it and View ▸ Panels
        toggles it; showing it before its turn builds it at once."""
        placeholder = QWidget()
        placeholder.setObjectName(f"placeholder-{name}")
        dock = self.add(name, title, placeholder, area, shortcut=shortcut, visible=visible)
        dock.setProperty("ashraf-reserved", True)
        dock.toggleViewAction().triggered.connect(lambda checked, n=name: self.ensure(n) if checked else None)
        self._builders[name] = build
        self._pending.append(name)
        return dock

    @property
    def pending(self) -> tuple[str, ...]:
        """The reserved panels not built yet, in build order."""
        return tuple(self._pending)

    def is_built(self, name: str) -> bool:
        return name in self.panels and name not in self._pending

    def ensure(self, upto: str | None = None) -> None:
        """Build the reserved panels not built yet: all of them, or those up to ``upto`` in build order
        (each may use the ones before it)."""
        if upto is not None and upto not in self._pending:
            return
        while self._pending:
            name = self._pending.pop(0)
            self._builders.pop(name)()
            self.panel_ready.emit(name)
            if name == upto:
                return

    def build_all_later(self, then: Callable[[], None]) -> None:
        """Start building the reserved panels one per turn of the event loop, ``then`` once all are built; the
        first call only (the start calls it on whichever comes first: the first search's end, a failed index)."""
        if not self._building:
            self._building = True
            QTimer.singleShot(0, self, lambda: self.build_next(then))

    def build_next(self, then: Callable[[], None]) -> None:
        """After the first paint: one panel per turn of the event loop, so that typing is never held up for
        more than one panel's build; ``then`` once all are built."""
        if self.closed:
            return
        if self._pending:
            self.ensure(self._pending[0])
            QTimer.singleShot(0, self, lambda: self.build_next(then))
        else:
            then()

    def show(self, name: str) -> QDockWidget | None:
        """Show a panel (built now if needed) and bring it to the front of its stack."""
        self.ensure(name)
        dock = self.panels.get(name)
        if dock is not None:
            dock.show()
            dock.raise_()
        return dock

    def focus(self, name: str) -> QDockWidget | None:
        """Show a panel in front of its stack and give it the keyboard focus (Go ▸ Timeline, Ctrl+Shift+T)."""
        dock = self.show(name)
        if dock is not None:
            dock.activateWindow()
            dock.widget().setFocus(Qt.FocusReason.ShortcutFocusReason)
        return dock

    def _go_action(self, name: str, title: str, shortcut: str) -> QAction:
        act = QAction(title, self.window)
        act.setObjectName(f"go-{name}")
        act.setShortcut(QKeySequence(shortcut))
        act.setStatusTip(fill(translate("Docks", "Bring the %1 panel forward, with the keyboard focus"), title))
        act.triggered.connect(lambda _checked=False: self.focus(name))
        self.window.addAction(act)  # its shortcut works while the menu bar is hidden
        return act

    def widget(self, name: str) -> QWidget | None:
        dock = self.panels.get(name)
        return None if dock is None or dock.property("ashraf-reserved") else dock.widget()

    # --- layout --------------------------------------------------------------------------------------
    def arrange(self, front: Callable[[Area], str | None]) -> None:
        """The starting layout, as the docks were made (each in its area, stacked as tabs): the side panels
        about a quarter of the width each, the bottom stack about half the height, and in each area the panel
        ``front(area)`` names in front. Remembered, so that :meth:`reset` can return to it."""
        if self._starting_state is None:
            self._starting_state = self.window.saveState(LAYOUT_VERSION)
        self.fit_sizes()
        self.proportional = True
        self._front = front
        self.raise_fronts()

    def reset(self, front: Callable[[Area], str | None]) -> None:
        """View ▸ Reset layout: every panel back in its starting place, shown as at the start (one added
        after start-up keeps its place); then the starting sizes and front panels."""
        if self._starting_state is not None:
            self.window.restoreState(self._starting_state, LAYOUT_VERSION)
        for name, dock in self.panels.items():
            if dock.isFloating():
                dock.setFloating(False)
            dock.setVisible(self._places[name].visible)
        self.arrange(front)

    def raise_fronts(self) -> None:
        """In each area, the panel the starting layout puts in front (again once the window is shown: a
        stack's tab bar exists only then)."""
        front = self._front
        if front is None:
            return
        for area in (Area.LeftDockWidgetArea, Area.RightDockWidgetArea, Area.BottomDockWidgetArea):
            name = front(area)
            dock = self.panels.get(name) if name else None
            if dock is not None and dock.isVisibleTo(self.window):
                dock.raise_()

    def hide_stray_tab_bars(self) -> None:
        """Hide the tab bars Qt leaves behind. Qt 6.12 makes two tab bars for the second stack of docks
        tabified in a window (whatever the areas), lays out only one and leaves the other drawn where it was
        made (a "Provenance | Annotations" strip over the timeline's title). A bar in use lies along the
        dock that is in front of its stack; any other is hidden."""
        fronts = [d for d in self.panels.values() if d.isVisible() and not d.isFloating()
                  and d.geometry().intersects(self.window.rect())]
        for bar in self.window.findChildren(QTabBar):
            if bar.parent() is not self.window or not bar.isVisible() or not bar.count():
                continue
            r = bar.geometry()
            along = any(abs(r.left() - d.geometry().left()) <= 2 and abs(r.width() - d.geometry().width()) <= 2
                        and (abs(r.top() - d.geometry().bottom()) <= 4 or abs(r.bottom() - d.geometry().top()) <= 4)
                        for d in fronts)
            if not along:
                bar.hide()

    def window_resized(self) -> None:
        """The window changed size: a starting layout keeps its proportions (a dock the user resized, with the
        window's size unchanged, ends that: see :meth:`eventFilter`)."""
        self._window_size = self.window.size()
        self._stray_check.start()
        if self.proportional:
            QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        if self.proportional:
            self.fit_sizes()
            self._window_size = self.window.size()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.MouseButtonRelease:
            # the main window itself gets the mouse only on the edges between panels (its separators):
            # the user resized a panel, and the sizes are theirs from now on
            self.proportional = False
        return False

    def fit_sizes(self) -> None:
        """Side panels and the bottom stack in proportion to the window (what a first start shows)."""
        w, h = max(self.window.width(), 1000), max(self.window.height(), 640)
        side = [(d, int(w * (0.27 if self._places[n].area == Area.LeftDockWidgetArea else 0.24)))
                for n, d in self.panels.items() if self._places[n].area in (Area.LeftDockWidgetArea,
                                                                            Area.RightDockWidgetArea)]
        if side:
            self.window.resizeDocks([d for d, _ in side], [s for _, s in side], Qt.Orientation.Horizontal)
        bottom = [d for n, d in self.panels.items() if self._places[n].area == Area.BottomDockWidgetArea]
        if bottom:
            self.window.resizeDocks(bottom, [int(h * 0.48)] * len(bottom), Qt.Orientation.Vertical)

    def save(self, settings: QSettings) -> None:
        settings.setValue("window/version", LAYOUT_VERSION)
        settings.setValue("window/geometry", self.window.saveGeometry())
        settings.setValue("window/state", self.window.saveState(LAYOUT_VERSION))

    def restore(self, settings: QSettings) -> bool:
        """The layout saved last time, when this version saved it; False leaves the starting layout."""
        self._starting_state = self.window.saveState(LAYOUT_VERSION)
        try:  # a hand-edited or damaged settings file costs the saved layout, never the start
            same_version = int(str(settings.value("window/version", 0) or 0)) == LAYOUT_VERSION
        except ValueError:
            same_version = False
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if not same_version or not isinstance(state, QByteArray):
            return False
        if isinstance(geometry, QByteArray):
            self.window.restoreGeometry(geometry)
        fit_to_screen(self.window)
        if not self.window.restoreState(state, LAYOUT_VERSION):
            return False
        # a layout that no longer fits this screen (saved on a larger one, or by a broken version) is not kept
        screen = self.window.screen()
        need = self.window.minimumSizeHint()
        if screen is not None and (need.width() > screen.availableGeometry().width()
                                   or need.height() > screen.availableGeometry().height()):
            log.info("the saved layout needs %sx%s, more than the screen: starting from the default", need.width(),
                     need.height())
            return False
        return True
