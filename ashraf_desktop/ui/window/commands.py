"""The window's own commands in its menus: open, close, search, find, copy, zoom, theme, back/forward, help.

The import, the integrity checks and the annotations add theirs when they are built (``window.menus.add``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup, QKeySequence

from ... import APP_NAME
from ..i18n import app_name, fill, translate

if TYPE_CHECKING:
    from ..main_window import MainWindow
    from ..viewer.page import Page

__all__ = ["add_window_commands"]

Key = QKeySequence.StandardKey


def add_window_commands(window: MainWindow) -> None:
    m = window.menus

    def on_page(call: Callable[[Page], object]) -> Callable[[], None]:
        """A command on the current tab's page (nothing when no document is open)."""
        def run() -> None:
            page = window.tabs.current_page()
            if page is not None:
                call(page)
        return run

    m.add("open_archive", translate("window.commands", "&Open archive…"), window.choose_archive, Key.Open,
          "folder-open",
          translate("window.commands", "Open another archive folder"), menu="file", section="archive")
    m.add("close_tab", translate("window.commands", "&Close tab"), window.tabs.close_current, Key.Close, "x",
          menu="file", section="archive")
    m.add("quit", translate("window.commands", "&Quit"), window.close, Key.Quit, menu="file", section="quit")

    m.add("search", translate("window.commands", "&Search the archive"), window.search.focus_box, ["Ctrl+K", "Ctrl+L"],
          "search",
          menu="edit", section="search")
    m.add("find", translate("window.commands", "&Find in document…"), on_page(lambda p: p.show_find()), Key.Find,
          "search", menu="edit",
          section="search")
    m.add("next_match", translate("window.commands", "Next match"), on_page(lambda p: p.next_hit()), ["F3", "Ctrl+G"],
          "chevron-down",
          menu="edit", section="search")
    m.add("previous_match", translate("window.commands", "Previous match"), on_page(lambda p: p.previous_hit()),
          ["Shift+F3", "Ctrl+Shift+G"],
          "chevron-up", menu="edit", section="search")
    # a widget shortcut: text widgets copy their own selection
    m.add("copy", translate("window.commands", "&Copy"), on_page(lambda p: p.copy()), Key.Copy, "copy", menu="edit",
          section="copy",
          context=Qt.ShortcutContext.WidgetShortcut)
    m.add("copy_citation", translate("window.commands", "Copy c&itation"), window.provenance.copy_citation,
          "Ctrl+Shift+C", "quote",
          menu="edit", section="copy")

    m.add("reset_layout", translate("window.commands", "Reset &layout"), window.reset_layout, None, None,
          translate("window.commands",
                    "Every panel back where it was at the first start, the window fitted to the screen"), menu="view",
          section="layout")
    m.add("preferences", translate("window.commands", "&Preferences…"), lambda: window.preferences.open(),
          QKeySequence.StandardKey.Preferences,
          None, translate("window.commands",
                          "Your name on annotations, the team server, the interface language"), menu="edit",
          section="preferences")
    m.add("zoom_in", translate("window.commands", "Zoom &in"), on_page(lambda p: p.zoom(1)), [Key.ZoomIn, "Ctrl+="],
          "zoom-in", menu="view",
          section="zoom")
    m.add("zoom_out", translate("window.commands", "Zoom &out"), on_page(lambda p: p.zoom(-1)), Key.ZoomOut,
          "zoom-out", menu="view",
          section="zoom")
    m.add("zoom_reset", translate("window.commands", "&Reset zoom"), on_page(lambda p: p.zoom_reset()), "Ctrl+0",
          menu="view", section="zoom")
    themes = QActionGroup(window)
    for name, label, icon_name in (("light", translate("window.commands", "&Light theme"), "sun"),
                                   ("dark", translate("window.commands", "&Dark theme"), "moon")):
        themes.addAction(m.add(f"theme_{name}", label, lambda n=name: window.set_theme(n), None, icon_name,
                               menu="view", section="theme", checkable=True))

    m.add("back", translate("window.commands", "&Back"), lambda: window.navigation.go_back(), [Key.Back, "Alt+Left"],
          "arrow-left", menu="go",
          section="history")
    m.add("forward", translate("window.commands", "&Forward"), lambda: window.navigation.go_forward(),
          [Key.Forward, "Alt+Right"], "arrow-right",
          menu="go", section="history")

    m.add("help_query", translate("window.commands", "&Query syntax"), lambda: window.show_help("query-syntax"), None,
          "info", menu="help",
          section="help")
    m.add("help_shortcuts", translate("window.commands", "&Keyboard shortcuts"), lambda: window.show_help("shortcuts"),
          "F1", menu="help",
          section="help")
    m.add("about", fill(translate("window.commands", "&About %1"), app_name()), lambda: window.show_help("about"),
          menu="help", section="about")
