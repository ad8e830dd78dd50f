"""The timeline panel, offscreen: painting, clicks, brushing, filters, keys, export, wiring."""

from __future__ import annotations

import csv
import gc
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QMainWindow, QWidget

from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.ui.timeline import TimelinePanel, TimelineRenderer, install_timeline

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def archive(bundled_archive_path):
    return load_archive(bundled_archive_path, check_files=False).archive


@pytest.fixture
def panel(qtbot, archive):
    widget = TimelinePanel()
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    widget.set_archive(archive)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget  # the fixture holds the strong reference until teardown
    widget.close()
    widget.deleteLater()
    del widget
    gc.collect()


def _bench():
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "bench" / "bench_timeline.py"
    spec = importlib.util.spec_from_file_location("bench_timeline", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _placed(panel, event_id):
    return next(p for p in panel.renderer.placed() if p.mark.entry.id == event_id)


def _handover(archive):
    return next(e for e in archive.events if e.date.edtf == "2009-01/2009-02-20")


def _non_white(image: QImage) -> int:
    count = 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            if image.pixelColor(x, y) != QColor("#ffffff"):
                count += 1
    return count


# ---------------------------------------------------------------- painting

def test_renderer_paints_without_a_widget_at_every_zoom(qapp, archive):
    renderer = TimelineRenderer()
    renderer.resize(900, 420)
    renderer.set_archive(archive)
    for factor in (1, 0.2, 4, 30, 400, 5000):
        renderer.fit_all()
        renderer.zoom_by(factor, 700)
        image = QImage(900, 420, QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        renderer.paint(painter)
        painter.end()
        assert _non_white(image) > 100


def test_all_events_are_reachable_and_labels_do_not_overlap(panel, archive):
    """At fit-all every event is drawn or counted in a cluster; drawn labels never overlap."""
    r = panel.renderer
    placed = list(r.placed())
    drawn = {p.mark.entry.id for p in placed if p.kind == "event"}
    clustered = {i for c in r.event_layout().clusters for i in c.ids}
    assert drawn | clustered == {e.id for e in archive.events}
    labels = [p.label_rect for p in placed if p.label]
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not a.intersects(b), (a, b)


def test_disputed_event_is_marked_in_label_and_tooltip(panel, archive):
    handover = _handover(archive)
    panel.show_event(handover.id)
    placed = _placed(panel, handover.id)
    assert placed.style.disputed and placed.label.startswith("≠")
    tip = panel.renderer.tooltip(panel.renderer.hit_test(placed.shape_rect.center()))
    assert handover.title in tip
    assert "January 2009" in tip and "20 February 2009" in tip and "different dates" in tip


def test_hover_tooltip_has_title_and_date(panel, archive):
    event = next(e for e in archive.events if e.date.edtf == "2005-05-18")
    panel.show_event(event.id)
    hit = panel.renderer.hit_test(_placed(panel, event.id).shape_rect.center())
    assert hit is not None and hit.id == event.id
    tip = panel.renderer.tooltip(hit)
    assert event.title in tip and "18 May 2005" in tip and "exact day" in tip.lower()


# ---------------------------------------------------------------- events <-> sources

def test_clicking_an_event_selects_it_and_shows_its_sources(panel, qtbot, archive):
    event = next(e for e in archive.events if e.date.edtf == "1965")
    center = _placed(panel, event.id).shape_rect.center().toPoint()
    with qtbot.waitSignal(panel.event_selected) as blocker:
        qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=center)
    assert blocker.args == [event.id]
    text = panel.details.toPlainText()
    assert event.title in text and event.citations[0].quote in text


def _anchor_point(browser, href: str) -> QPoint:
    viewport = browser.viewport()
    for y in range(2, viewport.height(), 3):
        for x in range(2, viewport.width(), 6):
            if browser.anchorAt(QPoint(x, y)) == href:
                return QPoint(x + 2, y)
    raise AssertionError(f"link {href} not visible")


def test_clicking_a_citation_emits_the_exact_quote(panel, qtbot, archive):
    handover = _handover(archive)
    panel.show_event(handover.id)
    for href, (item_id, quote) in (("cite:0", (handover.citations[0].item, handover.citations[0].quote)),
                                   ("claim:1", (handover.date_claims[1].citation.item,
                                                handover.date_claims[1].citation.quote))):
        point = _anchor_point(panel.details, href)
        with qtbot.waitSignal(panel.citation_activated) as blocker:
            qtbot.mouseClick(panel.details.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert blocker.args == [item_id, quote]


def test_disputed_details_show_each_date_with_its_source(panel, archive):
    handover = _handover(archive)
    panel.show_event(handover.id)
    text = panel.details.toPlainText()
    assert "cannot both be right" in text
    for claim in handover.date_claims:
        assert claim.citation.quote in text
        assert archive.item(claim.citation.item).title in text
    assert "January 2009" in text and "20 February 2009" in text


# ---------------------------------------------------------------- brushing and search

def test_shift_drag_selects_a_range_and_shows_a_chip(panel, qtbot):
    view = panel.view
    y = int(panel.renderer.clusters_top - 5)
    with qtbot.waitSignal(panel.range_selected) as blocker:
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(300, y))
        qtbot.mouseMove(view, QPoint(500, y))
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(500, y))
    lower, upper = blocker.args
    scale = panel.renderer.scale
    assert lower == int(scale.day(300) // 1) and upper == int(scale.day(500) // 1)
    assert panel.selected_range == (lower, upper)
    assert panel.range_chip.isVisible() and "Period:" in panel.range_chip.text()
    with qtbot.waitSignal(panel.range_cleared):
        qtbot.mouseClick(panel.range_chip, Qt.MouseButton.LeftButton)
    assert not panel.range_chip.isVisible() and panel.selected_range is None


def test_range_tool_makes_a_plain_drag_brush(panel, qtbot):
    panel.range_button.click()
    assert panel.view.range_tool
    y = int(panel.renderer.clusters_top - 5)
    with qtbot.waitSignal(panel.range_selected):
        qtbot.mousePress(panel.view, Qt.MouseButton.LeftButton, pos=QPoint(600, y))
        qtbot.mouseMove(panel.view, QPoint(420, y))
        qtbot.mouseRelease(panel.view, Qt.MouseButton.LeftButton, pos=QPoint(420, y))
    lower, upper = panel.selected_range
    assert lower < upper


def test_clearing_the_range_from_outside_does_not_echo(panel, qtbot):
    panel.set_range(730000, 731000)
    assert panel.range_chip.isVisible()
    with qtbot.assertNotEmitted(panel.range_cleared):
        panel.clear_range_silently()
    assert not panel.range_chip.isVisible()


def test_search_hits_are_marked(panel, archive):
    event = archive.events[3]
    panel.mark_search_hits({"hrw-no-exit-2005"}, {event.id})
    assert panel.renderer.hit_events == {event.id}
    assert "2 search hits" in panel.status.text()
    image = panel.render_image(1.0)
    assert not image.isNull()
    panel.mark_search_hits(set(), set())
    assert "search hits" not in panel.status.text()


# ---------------------------------------------------------------- filters

def test_text_and_facet_filters_narrow_visible_events(panel, qtbot, archive):
    total = len(archive.events)
    qtbot.keyClicks(panel.text_filter, "attack")
    shown = panel.renderer.model.shown_ids
    assert 0 < len(shown) < total
    drawn = {p.mark.entry.id for p in panel.renderer.placed() if p.kind == "event"}
    clustered = {i for c in panel.renderer.event_layout().clusters for i in c.ids}
    assert drawn | clustered == set(shown)
    assert f"{len(shown)} of {total} events" in panel.status.text()
    panel.text_filter.clear()
    tags = panel.facet_boxes["tags"]
    tags.setCurrentIndex(tags.findData("war-2003"))
    assert set(panel.renderer.model.shown_ids) == {e.id for e in archive.events if "war-2003" in e.tags}
    panel.clear_filters()
    assert len(panel.renderer.model.shown_ids) == total


def test_facet_links_in_details_filter(panel, archive):
    event = next(e for e in archive.events if e.places)
    panel.show_event(event.id)
    panel.details.facet_activated.emit("places", event.places[0])
    assert all(event.places[0] in archive.event(i).places for i in panel.renderer.model.shown_ids)


def test_selection_is_dropped_when_filtered_out(panel, archive):
    event = archive.events[0]
    panel.show_event(event.id)
    panel.text_filter.setText("zzzz no such title")
    assert panel.renderer.selected_id is None and panel.renderer.model.shown_ids == []


# ---------------------------------------------------------------- keyboard, zoom, pan

def test_keyboard_navigation_moves_selection(panel, qtbot, archive):
    ids = panel.renderer.model.shown_ids
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Home)
    assert panel.renderer.selected_id == ids[0]
    qtbot.keyClick(panel.view, Qt.Key.Key_Right)
    qtbot.keyClick(panel.view, Qt.Key.Key_Right)
    assert panel.renderer.selected_id == ids[2]
    qtbot.keyClick(panel.view, Qt.Key.Key_Left)
    assert panel.renderer.selected_id == ids[1]
    with qtbot.waitSignal(panel.event_selected) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_End)
    assert blocker.args == [ids[-1]]
    # the selected event is on screen, not hidden in a cluster
    for event_id in ids:
        panel.show_event(event_id)
        placed = _placed(panel, event_id)
        assert placed.shape_rect.right() > 0 and placed.shape_rect.left() < panel.renderer.width


def test_wheel_zoom_keys_drag_pan_and_fit_all(panel, qtbot):
    r = panel.renderer
    fitted = r.scale
    from PySide6.QtCore import QPointF as P
    from PySide6.QtGui import QWheelEvent
    anchor = P(400, 200)
    day_under = r.scale.day(400)
    wheel = QWheelEvent(anchor, panel.view.mapToGlobal(anchor), QPoint(), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    panel.view.wheelEvent(wheel)
    assert r.scale.days_per_px < fitted.days_per_px
    assert r.scale.day(400) == pytest.approx(day_under)
    before = r.scale.start
    y = int(r.clusters_top - 5)
    qtbot.mousePress(panel.view, Qt.MouseButton.LeftButton, pos=QPoint(700, y))
    for x in (690, 650, 600):
        qtbot.mouseMove(panel.view, QPoint(x, y))
    qtbot.mouseRelease(panel.view, Qt.MouseButton.LeftButton, pos=QPoint(600, y))
    assert r.scale.start == pytest.approx(before + 100 * r.scale.days_per_px)
    panel.view.setFocus()
    dpp = r.scale.days_per_px
    qtbot.keyClick(panel.view, Qt.Key.Key_Plus)
    assert r.scale.days_per_px < dpp
    panel.fit_button.click()
    assert r.scale == fitted


def test_clicking_a_cluster_zooms_in(qapp, qtbot):
    """10,000 synthetic events: clusters appear, and clicking one zooms into its period."""
    synthetic_archive = _bench().synthetic_archive
    widget = TimelinePanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_archive(synthetic_archive(10_000))
    widget.show()
    qtbot.waitExposed(widget)
    r = widget.renderer
    lo, hi = r.visible_days()
    clusters = r.event_layout().visible_clusters(lo, hi)
    assert clusters
    cluster = max(clusters, key=lambda c: c.count)
    dpp = r.scale.days_per_px
    rect = r._cluster_rect("event", cluster)
    qtbot.mouseClick(widget.view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert r.scale.days_per_px < dpp
    widget.close()
    del widget
    gc.collect()


# ---------------------------------------------------------------- export

def test_export_png_svg_csv(panel, tmp_path, archive):
    png, svg, table = tmp_path / "t.png", tmp_path / "t.svg", tmp_path / "t.csv"
    panel.export_png(png)
    image = QImage(str(png))
    assert not image.isNull() and image.width() == int(panel.renderer.width * 2)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    panel.export_svg(svg)
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "timeline" in svg.read_text(encoding="utf-8")
    panel.export_csv(table)
    with table.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(archive.events)
    panel.text_filter.setText("attack")
    panel.export_csv(table)
    with table.open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.DictReader(f))) == len(panel.renderer.model.shown_ids)


def test_export_to_an_unwritable_place_raises_a_known_error(panel, tmp_path):
    from ashraf_desktop.ui.timeline import ExportError
    with pytest.raises(ExportError):
        panel.export_csv(tmp_path / "no" / "such" / "folder" / "t.csv")


def test_legend_explains_every_style(panel):
    from ashraf_desktop.core.timeline import LEGEND
    assert set(panel.legend.entries) == {e.key for e in LEGEND}
    image = panel.legend.grab().toImage()
    assert _non_white(image) > 50


# ---------------------------------------------------------------- wiring

class FakeMainWindow(QMainWindow):
    date_filter_cleared = Signal()
    search_hits_changed = Signal(object, object)

    def __init__(self, archive):
        super().__init__()
        self.archive = archive
        self.calls = []
        self.panels = []

    def add_panel(self, name, title, widget, area):
        self.panels.append((name, title, widget, area))

    def open_item_at_quote(self, item_id, quote):
        self.calls.append(("open", item_id, quote))

    def set_date_filter(self, lower, upper):
        self.calls.append(("range", lower, upper))

    def clear_date_filter(self):
        self.calls.append(("clear",))


def test_install_timeline_wires_the_main_window(qtbot, archive):
    window = FakeMainWindow(archive)
    qtbot.addWidget(window)
    panel = install_timeline(window)
    assert window.panels and window.panels[0][:3] == ("timeline", "Timeline", panel)
    assert len(panel.renderer.model.events) == len(archive.events)
    event = _handover(archive)
    panel.show_event(event.id)
    panel.details.anchorClicked.emit(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl("cite:1"))
    assert window.calls[-1] == ("open", event.citations[1].item, event.citations[1].quote)
    panel.view.select_range(731000, 731500)
    assert window.calls[-1] == ("range", 731000, 731500)
    window.date_filter_cleared.emit()
    assert panel.selected_range is None and window.calls[-1] == ("range", 731000, 731500)
    panel.set_range(1, 2)
    panel.clear_range()
    assert window.calls[-1] == ("clear",)
    window.search_hits_changed.emit({"hrw-no-exit-2005"}, {event.id})
    assert panel.renderer.hit_events == {event.id}
    window.close()
    del window, panel
    gc.collect()


def test_install_timeline_tolerates_a_minimal_main_window(qtbot, archive):
    class Minimal(QMainWindow):
        def __init__(self):
            super().__init__()
            self.result = type("R", (), {"archive": archive})()
            self.added = None

        def add_panel(self, name, title, widget, area):
            self.added = widget
            self.setCentralWidget(widget)

    window = Minimal()
    qtbot.addWidget(window)
    panel = install_timeline(window)
    assert window.added is panel and panel.archive is archive
    window.close()
    del window, panel
    gc.collect()
