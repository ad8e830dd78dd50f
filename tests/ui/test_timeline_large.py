"""A large archive's timeline is prepared on a worker: at 100,000 items its data take 0.7 s of CPU, and the
window did not answer meanwhile (bench/scale_gui_driver.py, issue 17). Made large here by lowering the
threshold, so that the bundled archive takes the same path."""

from __future__ import annotations

import gc
import threading

import pytest

from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.core.timeline import TimelineModel
from ashraf_desktop.ui.timeline import TimelinePanel


@pytest.fixture(scope="module")
def archive(bundled_archive_path):
    return load_archive(bundled_archive_path, check_files=False).archive


@pytest.fixture
def large(qtbot, monkeypatch):
    monkeypatch.setattr(TimelinePanel, "PREPARE_ON_WORKER_FROM", 1)
    threads: list[str] = []
    real = TimelineModel.prepare

    def prepare(self, archive, *args, **kwargs):
        if archive is not None:  # (an empty timeline is "prepared" at once, on any thread)
            threads.append(threading.current_thread().name)
        return real(self, archive, *args, **kwargs)

    monkeypatch.setattr(TimelineModel, "prepare", prepare)
    widget = TimelinePanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget, threads
    widget.close()
    widget.deleteLater()
    del widget
    gc.collect()


def test_the_dates_are_read_on_a_worker_and_then_shown(qtbot, large, archive) -> None:
    panel, threads = large
    with qtbot.waitSignal(panel.prepared, timeout=30_000):
        panel.set_archive(archive)
        assert panel.renderer.model.events == ()  # nothing yet: the GUI thread did not read the dates
        assert "Reading the dates" in panel.status.text()
    assert threads and threading.main_thread().name not in threads
    assert len(panel.renderer.model.events) == len(archive.events)
    assert set(panel.renderer.model.shown_ids) == {e.id for e in archive.events}
    assert f"{len(archive.events)} events" in panel.status.text()
    assert panel.renderer.at_fit  # fitted to the dates it now has


def test_search_hits_marked_while_reading_stay_marked(qtbot, large, archive) -> None:
    panel, _ = large
    event = archive.events[0]
    with qtbot.waitSignal(panel.prepared, timeout=30_000):
        panel.set_archive(archive)
        panel.mark_search_hits((), (event.id,))
    assert panel.renderer.hit_events == frozenset({event.id})
    assert "1 search hits marked" in panel.status.text() or "1 search hit marked" in panel.status.text()


def test_items_added_keep_the_zoom_and_the_selection(qtbot, large, archive) -> None:
    panel, _ = large
    with qtbot.waitSignal(panel.prepared, timeout=30_000):
        panel.set_archive(archive)
    event = archive.events[len(archive.events) // 2]
    panel.show_event(event.id)
    scale = panel.renderer.scale
    with qtbot.waitSignal(panel.prepared, timeout=30_000):
        panel.update_archive(archive)
    assert panel.renderer.selected_id == event.id
    assert panel.renderer.scale == scale


class _PhotosOnly:
    """An archive of dated photos and no events (as a family's or a photographer's collection is)."""

    def __init__(self, n: int) -> None:
        from ashraf_desktop.core.archive import DatedItem, ItemKind, parse_date
        self.events = ()
        self._rows = [DatedItem(f"p{i}", ItemKind.IMAGE, f"Photo {i}", parse_date(f"{2003 + i % 10}-0{1 + i % 9}"))
                      for i in range(n)]
        self.items = self

    def dated(self):
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def test_without_events_the_dated_items_fill_the_panel(qtbot) -> None:
    """The 100,000-item archive has no events: its 90,000 dated items were squeezed into one or two lanes
    under an empty band saying "no dated events" (seen at 1366x768)."""
    from ashraf_desktop.ui.timeline import TimelineRenderer
    r = TimelineRenderer()
    r.resize(900, 420)
    r.set_archive(_PhotosOnly(60))
    assert r.item_lanes >= 8  # was 2
    in_two_lanes = len(r.model.item_layout(r.scale.days_per_px, 2).placed_ids)
    assert len(r.item_layout().placed_ids) == 60 > in_two_lanes  # every photo shown, not "+N"
