"""Search → open → step through hits → annotate → a timeline event → the facts, with the keyboard alone.

Every key goes to the widget that has the keyboard focus (``QApplication.focusWidget()``), as a keyboard
user's would: no click, no call into a widget the user could not reach. After each step the test checks
where the focus went, so a dead end (a panel that cannot be reached, a control that keeps the focus) fails.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

pytestmark = pytest.mark.gui

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(k: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focus(), k, modifiers)


def type_text(text: str) -> None:
    QTest.keyClicks(focus(), text)


def tab_until(qtbot, predicate, limit: int = 40, backwards: bool = False) -> QWidget:
    """Tab (or Shift+Tab) through the focus chain until ``predicate(focus widget)``; fail after ``limit``."""
    for _ in range(limit):
        if predicate(focus()):
            return focus()
        key(Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, SHIFT if backwards else Qt.KeyboardModifier.NoModifier)
    raise AssertionError(f"not reachable with Tab within {limit} presses (focus on {focus()!r})")


def test_search_open_step_annotate_timeline_facts_without_the_mouse(make_window, qtbot):
    window = make_window()
    window.ensure_panels()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    window.tabs.setFocus()

    # 1. search: Ctrl+K puts the caret in the search box; Enter runs the query
    key(Qt.Key.Key_K, CTRL)
    assert focus() is window.search.box
    type_text("Camp Liberty")
    with qtbot.waitSignal(window.search.result_shown, timeout=20_000):
        key(Qt.Key.Key_Return)

    # 2. open: Down into the results, to the first document, Enter opens it
    key(Qt.Key.Key_Down)
    assert focus() is window.search.list
    from ashraf_desktop.ui.search.models import HitRole
    for _ in range(window.search.results.rowCount()):
        if window.search.list.currentIndex().data(HitRole).kind == "document":
            break
        key(Qt.Key.Key_Down)
    hit = window.search.list.currentIndex().data(HitRole)
    assert hit.kind == "document"
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.current_page() is not None and window.tabs.current_page().is_loaded
                    and window.tabs.current_page().hit_count() > 1, timeout=20_000)
    page = window.tabs.current_page()
    assert page.item.id == hit.item_id

    # 3. step through the hits: F3 forward, Shift+F3 back, wherever the focus is
    key(Qt.Key.Key_F3)
    assert page.current_hit() == 1
    key(Qt.Key.Key_F3)
    key(Qt.Key.Key_F3, SHIFT)
    assert page.current_hit() == 1
    quoted = page.current_hit_text()
    assert quoted.casefold() in ("camp liberty", "camp", "liberty")

    # 4. annotate the current match: Ctrl+Shift+A makes a note and puts the caret in it; Tab to Save
    annotations = window.annotations
    before = len(annotations.store.query(item_id=page.item.id)) if annotations.store is not None else 0
    key(Qt.Key.Key_A, CTRL | SHIFT)
    panel = window.annotations_panel
    qtbot.waitUntil(lambda: focus() is panel.note, timeout=5_000)
    type_text("Read with the keyboard only")
    tab_until(qtbot, lambda w: w is panel.save_button)
    key(Qt.Key.Key_Space)
    saved = annotations.store.query(item_id=page.item.id)
    assert len(saved) == before + 1
    note = next(a for a in saved if a.body == "Read with the keyboard only")
    assert note.quote.casefold() == quoted.casefold()

    # 5. a timeline event: Ctrl+Shift+T brings the timeline and its focus; arrows choose; Enter opens
    key(Qt.Key.Key_T, CTRL | SHIFT)
    timeline = window.timeline_panel
    assert focus() is timeline.view
    key(Qt.Key.Key_Home)
    key(Qt.Key.Key_Right)
    selected = timeline.renderer.selected_id
    ids = timeline.renderer.model.shown_ids
    assert selected == ids[1]
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.current_page() is not None
                    and window.tabs.current_page().location == type(page.location)("event", selected), timeout=10_000)

    # 6. the facts: Ctrl+Shift+F opens them and takes the focus; Tab walks their links; Enter opens a source
    key(Qt.Key.Key_F, CTRL | SHIFT)
    facts = window.tabs.current_page()
    qtbot.waitUntil(lambda: facts.location.kind == "facts" and facts.is_loaded, timeout=10_000)
    browser = facts.browser
    assert focus() is browser
    key(Qt.Key.Key_Tab)  # the first link of the page: a source's passage
    assert browser.textCursor().hasSelection()
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.current_page() is not facts and bool(window.tabs.current_page().location.quote),
                    timeout=10_000)

    # F6 goes round the panels shown and back, wherever the focus was
    seen = []
    for _ in range(8):
        key(Qt.Key.Key_F6)
        seen.append(focus())
    assert window.search.box in seen or any(window.search.isAncestorOf(w) for w in seen)
    assert any(window.timeline_panel.isAncestorOf(w) or w is window.timeline_panel for w in seen)
