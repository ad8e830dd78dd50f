"""What a screen reader gets from the custom-painted views: each timeline event and each photo, by name."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.paths import bundled_archive
from ashraf_desktop.ui import accessible_views

pytestmark = pytest.mark.gui


@pytest.fixture
def timeline_view(qtbot):
    from ashraf_desktop.ui.timeline.view import TimelineView
    accessible_views.install()
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1000, 420)
    view.renderer.set_archive(load_archive(bundled_archive()).archive)
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.close()
    gc.collect()


def test_every_timeline_event_is_a_named_item_with_its_date_in_words(timeline_view):
    iface = QAccessible.queryAccessibleInterface(timeline_view)
    assert iface.role() == QAccessible.Role.List and iface.text(QAccessible.Text.Name) == "Timeline"
    model = timeline_view.renderer.model
    ids = model.shown_ids
    assert iface.childCount() == len(ids) >= 20
    for i, event_id in enumerate(ids):
        child = iface.child(i)
        assert child.text(QAccessible.Text.Name) == model.event(event_id).title
        assert child.role() == QAccessible.Role.ListItem and child.parent() is iface
        assert iface.indexOfChild(child) == i
    disputed = next(e for e in (model.event(i) for i in ids) if e.disputed)
    description = iface.child(ids.index(disputed.id)).text(QAccessible.Text.Description)
    assert "different dates" in description
    first = iface.child(0)
    assert first.text(QAccessible.Text.Description).split(";")[0]  # the date in words comes first


def test_the_selected_event_has_the_focus_and_visible_events_a_place(qtbot, timeline_view):
    iface = QAccessible.queryAccessibleInterface(timeline_view)
    timeline_view.setFocus()
    qtbot.waitUntil(timeline_view.hasFocus)
    ids = timeline_view.renderer.model.shown_ids
    with qtbot.waitSignal(timeline_view.event_clicked) as clicked:
        timeline_view.step_selection(Qt.Key.Key_Home)
    timeline_view.renderer.selected_id = clicked.args[0]
    focus = iface.focusChild()
    assert focus is not None and focus.text(QAccessible.Text.Name) == timeline_view.renderer.model.event(ids[0]).title
    assert focus.state().selected and focus.state().focused
    shown = [iface.child(i) for i in range(iface.childCount()) if not iface.child(i).rect().isEmpty()]
    assert shown
    view_rect = timeline_view.rect().translated(timeline_view.mapToGlobal(timeline_view.rect().topLeft()))
    for child in shown:
        assert view_rect.intersects(child.rect())
        centre = child.rect().center()
        hit = iface.childAt(centre.x(), centre.y())
        assert hit is None or hit.role() == QAccessible.Role.ListItem
    QAccessible.setActive(True)  # what a running screen reader does: the announcement must not fail
    try:
        accessible_views.notify_selected(timeline_view, ids[0])
    finally:
        QAccessible.setActive(False)
