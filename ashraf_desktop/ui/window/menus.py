"""The menu bar and the window's actions, each registered by name.

Every part of the app adds its entries through :meth:`Menus.add` (or :meth:`Menus.add_menu` for a
submenu) into a named section of a menu; the sections have a fixed order, so the menus read the same
whatever order the parts were built in (the import, the annotations and the integrity checks are built at
different times after start-up). An action is found again with :meth:`Menus.action` — no part of the app
sets attributes on the window.

Menu icons are drawn after the first paint (twenty pixmaps an icon; tens of milliseconds for the menus),
one per turn of the event loop, or all at once when a menu opens before that.
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from .. import look
from ..i18n import translate

__all__ = ["Menus", "MENU_SECTIONS", "Shortcut"]

Shortcut = str | QKeySequence | QKeySequence.StandardKey | Sequence[str | QKeySequence | QKeySequence.StandardKey]

#: each menu's title and its sections, in the order they read (a separator between non-empty sections)
MENU_SECTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "file": (QT_TRANSLATE_NOOP("Menus", "&File"), ("archive", "import", "export", "annotations", "quit")),
    "edit": (QT_TRANSLATE_NOOP("Menus", "&Edit"), ("undo", "search", "copy", "annotate", "metadata", "preferences")),
    "view": (QT_TRANSLATE_NOOP("Menus", "&View"), ("panels", "views", "layout", "zoom", "theme")),
    "go": (QT_TRANSLATE_NOOP("Menus", "&Go"), ("history", "panels", "timeline")),
    "tools": (QT_TRANSLATE_NOOP("Menus", "&Tools"), ("check", "tools")),
    "help": (QT_TRANSLATE_NOOP("Menus", "&Help"), ("help", "about")),
}


class Menus(QObject):
    """The window's menus and named actions (``menus.action("verify")``)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._actions: dict[str, QAction] = {}
        self._menus: dict[str, QMenu] = {}
        self._ends: dict[tuple[str, str], QAction] = {}  # (menu, section) -> the separator that closes it
        self._deferred_icons: list[tuple[QAction, str]] = []
        self._icons_now = False
        bar = window.menuBar()
        for key, (title, sections) in MENU_SECTIONS.items():
            menu = bar.addMenu(translate("Menus", title))
            menu.setObjectName(f"menu-{key}")
            menu.setSeparatorsCollapsible(True)
            for section in sections:
                self._ends[(key, section)] = menu.addSeparator()
            menu.aboutToShow.connect(self.draw_icons)
            self._menus[key] = menu

    # --- lookup --------------------------------------------------------------------------------------
    def menu(self, key: str) -> QMenu:
        """The top-level menu "file", "edit", "view", "go", "tools" or "help"."""
        return self._menus[key]

    def action(self, name: str) -> QAction:
        """The action registered as ``name`` (KeyError when no part of the app added it)."""
        return self._actions[name]

    def get(self, name: str) -> QAction | None:
        return self._actions.get(name)

    def names(self) -> Iterable[str]:
        return self._actions.keys()

    def entries(self, key: str) -> list[QAction]:
        """The actions a menu shows, in order, without separators (tests read the order)."""
        return [a for a in self._menus[key].actions() if not a.isSeparator()]

    # --- adding --------------------------------------------------------------------------------------
    def create(self, name: str, text: str, slot: Callable[[], object] | None = None,
               shortcut: Shortcut | None = None, icon: str | None = None, tip: str = "", *,
               checkable: bool = False, context: Qt.ShortcutContext | None = None) -> QAction:
        """An action registered as ``name`` whose shortcut works anywhere in the window (even with the
        menu bar hidden), not put in a menu."""
        if name in self._actions:
            raise ValueError(f"two actions named {name!r}")
        act = QAction(text, self.window)
        act.setObjectName(f"action-{name}")
        if icon:
            self._set_icon(act, icon)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                act.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                act.setShortcut(QKeySequence(shortcut))
        if context is not None:
            act.setShortcutContext(context)
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        act.setCheckable(checkable)
        if slot is not None:
            act.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(act)
        self._actions[name] = act
        return act

    def add(self, name: str, text: str, slot: Callable[[], object] | None, shortcut: Shortcut | None = None,
            icon: str | None = None, tip: str = "", *, menu: str, section: str, checkable: bool = False,
            context: Qt.ShortcutContext | None = None) -> QAction:
        """Create the action ``name`` and put it at the end of ``section`` of ``menu``."""
        act = self.create(name, text, slot, shortcut, icon, tip, checkable=checkable, context=context)
        self.place(act, menu=menu, section=section)
        return act

    def register(self, name: str, act: QAction, *, menu: str | None = None, section: str = "") -> QAction:
        """An action made elsewhere (Qt's undo actions): named, its shortcut window-wide, maybe in a menu."""
        if name in self._actions:
            raise ValueError(f"two actions named {name!r}")
        act.setObjectName(f"action-{name}")
        self.window.addAction(act)
        self._actions[name] = act
        if menu is not None:
            self.place(act, menu=menu, section=section)
        return act

    def place(self, act: QAction, *, menu: str, section: str) -> None:
        self._menus[menu].insertAction(self._ends[(menu, section)], act)

    def add_menu(self, submenu: QMenu, *, menu: str, section: str) -> QMenu:
        """A submenu (File ▸ Export, View ▸ Panels) at the end of ``section`` of ``menu``."""
        self._menus[menu].insertMenu(self._ends[(menu, section)], submenu)
        submenu.aboutToShow.connect(self.draw_icons)
        return submenu

    # --- icons ---------------------------------------------------------------------------------------
    def _set_icon(self, act: QAction, name: str) -> None:
        if self._icons_now:
            act.setIcon(look.icon(name))
        else:
            self._deferred_icons.append((act, name))

    def draw_icons(self) -> None:
        """Every icon not drawn yet, now (a menu is about to show)."""
        self._icons_now = True
        icons, self._deferred_icons = self._deferred_icons, []
        for act, name in icons:
            act.setIcon(look.icon(name))

    def draw_icons_later(self) -> None:
        """One icon per turn of the event loop from now on (the window is painted and searching)."""
        self._icons_now = True
        QTimer.singleShot(0, self, self._draw_next_icon)

    def _draw_next_icon(self) -> None:
        if self._deferred_icons:
            act, name = self._deferred_icons.pop(0)
            act.setIcon(look.icon(name))
            QTimer.singleShot(0, self, self._draw_next_icon)
