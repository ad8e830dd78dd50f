"""The keyboard focus is visible: every control a keyboard user Tabs to, in the window and its panels, looks
different while it has the focus (WCAG 2.4.7). Each is grabbed as drawn without the focus and with it; the two
pictures must differ where the control is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

pytestmark = pytest.mark.gui


def _picture(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def _focus_changes_the_look(qtbot, widget: QWidget, elsewhere: QWidget) -> bool:
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: elsewhere.hasFocus(), timeout=3_000)
    without = _picture(widget)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: widget.hasFocus(), timeout=3_000)
    return _picture(widget) != without


def test_every_panel_shows_where_the_keyboard_focus_is(make_window, qtbot):
    window = make_window()
    window.ensure_panels()
    for name in ("timeline", "concordance"):
        window.show_panel(name)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    window.search.set_query("Camp Liberty")
    qtbot.waitUntil(lambda: window.search.results.rowCount() > 0, timeout=20_000)
    page = window.open_item("doc" if window.archive.item("doc") else window.archive.items.ids()[0])
    qtbot.waitUntil(lambda: page.is_loaded, timeout=20_000)
    window.show_panel("timeline")
    controls = {
        "search box": window.search.box,
        "results": window.search.list,
        "sort": window.search.sort,
        "filters": window.search.facet_view,
        "timeline": window.timeline_panel.view,
        "concordance query": window.concordance.query_edit,
        "concordance sort": window.concordance.sort_box,
    }
    invisible = []
    for name, widget in controls.items():
        if not widget.isVisible():
            continue
        elsewhere = window.search.box if widget is not window.search.box else window.search.sort
        if not _focus_changes_the_look(qtbot, widget, elsewhere):
            invisible.append(name)
    assert not invisible, f"the focus is not visible on: {', '.join(invisible)}"
