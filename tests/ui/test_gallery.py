"""The gallery panel, its model, the LIFO thumbnail loader and the lightbox (offscreen)."""

from __future__ import annotations

import gc
import importlib.util
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from ashraf_desktop.core.images import CachedThumbnail, ThumbnailCache, Thumbnailer
from ashraf_desktop.core.archive import load_archive
pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]


def _make_archive_module():
    spec = importlib.util.spec_from_file_location("make_image_archive", REPO / "scripts" / "make_image_archive.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def photo_archive(tmp_path_factory, shared_testdata):
    out = tmp_path_factory.mktemp("photo-archive") / "archive"
    _make_archive_module().make_archive(shared_testdata / "photos", out)
    result = load_archive(out, check_files=False)
    assert result.ok, result.problems
    return result.archive


@pytest.fixture
def small_archive(tmp_path):
    """Five generated pictures with dates, tags and captions (no ../shared needed)."""
    src = tmp_path / "src"
    (src / "a").mkdir(parents=True)
    (src / "b").mkdir()
    colours = [(200, 30, 30), (30, 200, 30), (30, 30, 200), (200, 200, 30), (30, 200, 200)]
    for i, colour in enumerate(colours):
        Image.new("RGB", (320 + 40 * i, 240), colour).save(src / ("a" if i < 3 else "b") / f"pic{i}.jpg")
    out = tmp_path / "archive"
    _make_archive_module().make_archive(src, out)
    dates = ["2009-07", "1986", "2003-04~", None, "2012-02/2012-08"]
    for i, sidecar in enumerate(sorted((out / "items").rglob("*.toml"))):
        text = sidecar.read_text(encoding="utf-8")
        if dates[i]:
            text += f'date = "{dates[i]}"\n'
        text += f'caption = "Caption {4 - i}"\n'
        sidecar.write_text(text, encoding="utf-8")
    result = load_archive(out, check_files=True)
    assert result.ok, result.problems
    return result.archive


@pytest.fixture
def make_panel(qtbot, tmp_path):
    from ashraf_desktop.ui.gallery import GalleryPanel
    panels = []

    def make(archive, **kwargs):
        kwargs.setdefault("cache_dir", tmp_path / "thumbs")
        panel = GalleryPanel(archive, **kwargs)
        panel.resize(1000, 700)
        qtbot.addWidget(panel)
        panels.append(panel)  # strong reference until teardown (docs: platform.md pitfalls)
        return panel

    yield make
    for panel in panels:
        if panel.lightbox is not None:
            panel.lightbox.close()
        panel.shutdown()
        panel.close()
    panels.clear()
    gc.collect()


def wait_for_thumbnails(qtbot, panel, timeout=15_000):
    qtbot.waitUntil(lambda: panel.loader.idle() and panel.model.rowCount() > 0, timeout=timeout)
    assert panel.wait_idle(timeout)


# -- model ----------------------------------------------------------------------------------------------------
def test_model_passes_qtmodeltester(qtmodeltester, small_archive):
    from ashraf_desktop.ui.gallery import GalleryModel
    model = GalleryModel(small_archive.items)
    qtmodeltester.check(model)
    model.sort_by("title")
    model.set_tag("a")
    model.set_date_range(725000, 735000)
    qtmodeltester.check(model)
    model.clear_filters()
    model.set_filter_ids(set())
    qtmodeltester.check(model)


def test_sort_and_filters(small_archive):
    from ashraf_desktop.ui.gallery import GalleryModel
    from ashraf_desktop.core.archive import parse_date
    model = GalleryModel(small_archive.items)
    titles = lambda: [model.item_at(r).title for r in range(model.rowCount())]  # noqa: E731
    assert titles() == ["pic1.jpg", "pic2.jpg", "pic0.jpg", "pic4.jpg", "pic3.jpg"]  # by date, undated last
    model.sort_by("title")  # caption order: Caption 0 .. 4
    assert titles() == ["pic4.jpg", "pic3.jpg", "pic2.jpg", "pic1.jpg", "pic0.jpg"]
    model.sort_by("import")
    assert titles() == ["pic0.jpg", "pic1.jpg", "pic2.jpg", "pic3.jpg", "pic4.jpg"]
    model.set_tag("b")
    assert titles() == ["pic3.jpg", "pic4.jpg"]
    model.set_tag(None)
    span = parse_date("2005/2010")
    model.set_date_range(span.lower, span.upper)
    assert titles() == ["pic0.jpg"]  # July 2009 overlaps; 1986, 2003 and Feb-Aug 2012 do not; undated out
    model.clear_date_range()
    ids = {model.item_at(0).id, model.item_at(3).id}
    model.set_filter_ids(ids)
    assert model.rowCount() == 2 and model.filtered
    model.set_filter_ids(None)
    assert model.rowCount() == 5 and not model.filtered


def test_model_is_built_lazily_and_reuses_sort_orders(small_archive):
    from ashraf_desktop.ui.gallery import GalleryModel, ItemRoles
    model = GalleryModel(small_archive.items)
    assert model._date_texts == {}  # no date text is made before a row is shown
    assert set(model._orders) == {"date"}
    first = model.index(0)
    assert model.data(first, ItemRoles.DateText) == "1986"
    assert list(model._date_texts) == [model.item_at(0).id]
    date_order = model._orders["date"]
    model.sort_by("title")
    model.sort_by("date")
    assert model._orders["date"] is date_order  # computed once per item list
    model.set_tag("a")  # filters reuse the order too
    assert model._orders["date"] is date_order and model.rowCount() == 3
    assert model.row_of(model.item_at(2).id) == 2
    model.set_items(small_archive.items)  # new contents: orders and texts are made again
    assert model._date_texts == {} and model._orders["date"] is not date_order


def test_pixmap_budget_follows_the_viewport(qtbot, small_archive):
    from ashraf_desktop.ui.gallery import GalleryModel
    from PySide6.QtGui import QPixmap
    model = GalleryModel(small_archive.items, thumb_size=100)
    model.set_cache_window(2, screens=1.0)  # two cells on screen: keep 2 x 100 x 100 x 4 bytes, at least 4 MB
    assert model.pixmap_budget == 4 << 20 and model.min_pixmaps == 4
    model.set_cache_window(30, screens=5.0)
    assert model.pixmap_budget == 150 * 100 * 100 * 4 and model.min_pixmaps == 60
    model.set_cache_window(1, screens=1.0)
    model.pixmap_budget, model.min_pixmaps = 2 * 100 * 100 * 4, 1  # room for two pixmaps of 100 px
    for row in range(5):
        model._store(model.item_at(row).id, QPixmap(100, 100))
    kept = [row for row in range(5) if model.pixmap(model.item_at(row).id) is not None]
    assert kept == [3, 4]  # the least recently shown went first
    assert model._pixmap_bytes == 2 * 100 * 100 * 4


def test_visible_rows_are_served_before_the_prefetched_screen(qtbot, small_archive):
    from ashraf_desktop.ui.gallery import GalleryModel
    from ashraf_desktop.ui.gallery.loader import ThumbnailLoader
    stub = _GatedThumbnailer()
    loader = ThumbnailLoader(stub, threads=1)
    model = GalleryModel(small_archive.items, loader)
    name = lambda row: model.item_at(row).file.name  # noqa: E731
    try:
        model.request_visible(4, 4)  # taken by the worker at once; it blocks
        qtbot.waitUntil(lambda: stub.order == [name(4)])
        model.request_visible(3, 3)  # the prefetched next screen
        model.request_visible(0, 2)  # the screen itself, on top
        model.request_visible(3, 4)  # asked again: row 3 goes back on top, row 4 is not made twice
        model.request_visible(0, 2)  # and the screen on top of it again, first row first
        stub.gate.set()
        qtbot.waitUntil(loader.idle)
        assert stub.order == [name(4), name(0), name(1), name(2), name(3)]
    finally:
        loader.shutdown()


def test_check_more_walks_the_archive_once(small_archive):
    from ashraf_desktop.ui.gallery import GalleryModel

    class Recorder:
        ready = type("S", (), {"connect": lambda self, slot: None})()

        def __init__(self):
            self.keys = []

        def request(self, req):
            self.keys.append(req.key)
            return []

        def clear(self):
            return []

    loader = Recorder()
    model = GalleryModel(small_archive.items, loader)
    assert model.check_more(2) == 2 and model.check_more(2) == 2 and model.check_more(2) == 1
    assert model.check_more(2) == 0  # all five queued once; nothing is asked twice
    assert sorted(loader.keys) == sorted(item.id for item in small_archive.items)


# -- loader: newest first, stale dropped -----------------------------------------------------------------------
class _GatedThumbnailer:
    """Blocks on the first request until released; records the order requests are served."""

    def __init__(self):
        self.order, self.gate, self.decodes, self.hits = [], threading.Event(), 0, 0

    def get(self, path, size, *, sha256="", page=0):
        self.order.append(Path(path).name)
        if len(self.order) == 1:
            self.gate.wait(5)
        return CachedThumbnail(Path(path), size)


def test_loader_serves_newest_requests_first_and_drops_the_oldest(qtbot, tmp_path):
    from ashraf_desktop.ui.gallery.loader import ThumbnailLoader, ThumbRequest
    stub = _GatedThumbnailer()
    loader = ThumbnailLoader(stub, threads=1, max_pending=4)
    try:
        loader.request(ThumbRequest("first", tmp_path / "first", "", 128, 128, 1))
        qtbot.waitUntil(lambda: stub.order == ["first"])
        dropped = []
        for i in range(6):
            dropped += loader.request(ThumbRequest(f"r{i}", tmp_path / f"r{i}", "", 128, 128, 1))
        assert dropped == ["r0", "r1"]  # fell off the bottom of the stack
        stub.gate.set()
        qtbot.waitUntil(loader.idle)
        assert stub.order == ["first", "r5", "r4", "r3", "r2"]
    finally:
        loader.shutdown()


def test_stale_results_are_dropped(small_archive):
    from ashraf_desktop.ui.gallery import GalleryModel
    from ashraf_desktop.ui.gallery.loader import ThumbRequest
    from PySide6.QtGui import QImage
    model = GalleryModel(small_archive.items)
    item = model.item_at(0)
    image = QImage(64, 48, QImage.Format.Format_RGB888)
    image.fill(0)
    old = ThumbRequest(item.id, item.file, "", 256, 192, generation=model._generation)
    model.set_thumbnail_size(256)  # the user moved the slider meanwhile
    model._on_ready(old, image, CachedThumbnail(item.file, 256, data=b"x", width=64, height=48))
    assert model.pixmap(item.id) is None
    fresh = ThumbRequest(item.id, item.file, "", 256, 256, generation=model._generation)
    model._on_ready(fresh, image, CachedThumbnail(item.file, 256, data=b"x", width=64, height=48))
    assert model.pixmap(item.id) is not None


# -- the panel ------------------------------------------------------------------------------------------------
def test_empty_gallery_says_so(make_panel, bundled_archive_path):
    archive = load_archive(bundled_archive_path, check_files=False).archive
    panel = make_panel(archive)
    panel.show()
    assert panel.stack.currentWidget() is panel.empty
    text = panel.empty_text
    assert "holds no photographs" in text and "--archive" in text
    assert panel.count_label.text() == "No photos"
    assert panel.add_button.isVisible()
    panel.add_button.click()
    assert "--archive" in panel.add_hint.text()


def test_thumbnails_arrive_upright_and_cached_across_runs(make_panel, qtbot, photo_archive, tmp_path):
    cache = tmp_path / "shared-cache"
    panel = make_panel(photo_archive, cache_dir=cache, background_check=False)
    panel.model.sort_by("import")
    row = panel.model.row_of("orientation-landscape-6-jpg")
    panel.show()
    panel.view.scrollTo(panel.model.index(row))
    wait_for_thumbnails(qtbot, panel)
    pixmap = panel.model.pixmap("orientation-landscape-6-jpg")
    assert pixmap is not None and pixmap.width() > pixmap.height()  # stored portrait, shown landscape
    first_decodes = panel.thumbnailer.decodes
    assert first_decodes > 0
    # a second start: the same screen comes from the disk cache, nothing is decoded
    panel2 = make_panel(photo_archive, cache_dir=cache, background_check=False)
    panel2.model.sort_by("import")
    panel2.show()
    panel2.view.scrollTo(panel2.model.index(row))
    wait_for_thumbnails(qtbot, panel2)
    assert panel2.model.pixmap("orientation-landscape-6-jpg") is not None
    assert panel2.thumbnailer.decodes == 0 and panel2.thumbnailer.hits > 0


def test_problems_view_lists_every_bad_file_with_its_reason(make_panel, qtbot, photo_archive):
    panel = make_panel(photo_archive)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.checked_count == panel.model.total and panel.loader.idle(),
                    timeout=30_000)
    panel._refresh_problems()
    errors = {e.item.file.name: e.message for e in panel.model.problems() if e.severity == "error"}
    for name in ("broken.png", "decompression_bomb.gif", "truncated_image.png", "truncated_jpeg.jpg"):
        assert name in errors and errors[name].startswith(name + ": ")
    assert "image too large to open safely" in errors["decompression_bomb.gif"]
    panel.problems_button.setChecked(True)
    assert panel.stack.currentWidget() is panel.problems_page
    shown = {panel.problems_view.topLevelItem(i).text(0).rsplit("/", 1)[-1]
             for i in range(panel.problems_view.topLevelItemCount())}
    assert set(errors) <= shown
    assert panel.problems_button.text() == f"Problems ({len(errors)})"
    # the grid keeps going: good photos around the bad ones have thumbnails
    panel.problems_button.setChecked(False)
    from ashraf_desktop.ui.gallery import ItemRoles
    bad_row = panel.model.row_of("pillow-broken-png")
    assert panel.model.data(panel.model.index(bad_row), ItemRoles.Status) == "problem"


def test_thumbnail_size_slider_and_ctrl_wheel(make_panel, qtbot, small_archive):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication
    panel = make_panel(small_archive)
    panel.show()
    wait_for_thumbnails(qtbot, panel)
    before = panel.delegate.thumb_size
    pos = QPointF(50, 50)
    event = QWheelEvent(pos, panel.view.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(panel.view.viewport(), event)
    assert panel.delegate.thumb_size == before + 32 == panel.size_slider.value() == panel.model.thumb_size
    cell = panel.delegate.sizeHint(panel.view.viewOptions() if hasattr(panel.view, "viewOptions") else
                                   _option(panel.view), panel.model.index(0))
    assert cell.width() >= before + 32
    wait_for_thumbnails(qtbot, panel)


def _option(view):
    from PySide6.QtWidgets import QStyleOptionViewItem
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    return option


def test_search_filter_and_no_match_state(make_panel, small_archive):
    panel = make_panel(small_archive)
    panel.show()
    panel.set_filter_ids({"a-pic0-jpg"})
    assert panel.model.rowCount() == 1 and panel.count_label.text() == "1 of 5 photos"
    assert panel.show_all_button.isVisible()
    panel.set_filter_ids(set())
    assert panel.stack.currentWidget() is panel.empty and "No photos match" in panel.empty_text
    panel.clear_filters()
    assert panel.model.rowCount() == 5 and panel.stack.currentWidget() is panel.view


# -- lightbox -------------------------------------------------------------------------------------------------
def test_lightbox_navigates_and_zooms(make_panel, qtbot, small_archive):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication
    panel = make_panel(small_archive)
    panel.model.sort_by("import")
    panel.show()
    wait_for_thumbnails(qtbot, panel)
    with qtbot.waitSignal(panel.item_activated, timeout=2000):
        panel.view.setCurrentIndex(panel.model.index(1))
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    box = panel.lightbox
    assert box is not None and box.row == 1
    qtbot.waitUntil(lambda: box._resolution == "full", timeout=10_000)
    assert box.canvas.full_size.width() == 360
    with qtbot.waitSignal(box.current_changed, timeout=2000) as moved:
        qtbot.keyClick(box, Qt.Key.Key_Right)
    assert moved.args == [panel.model.item_at(2).id] and box.row == 2
    qtbot.waitUntil(lambda: box._resolution == "full", timeout=10_000)
    box.previous()
    box.previous()
    assert box.row == 0 and not box.act_prev.isEnabled()
    box.previous()
    assert box.row == 0
    qtbot.waitUntil(lambda: box._resolution == "full", timeout=10_000)
    canvas = box.canvas
    box.resize(900, 700)
    assert canvas.fit_mode
    canvas.actual_size()
    assert canvas.zoom() == pytest.approx(1.0) and not canvas.fit_mode
    pos = QPointF(canvas.width() / 2, canvas.height() / 2)
    wheel = QWheelEvent(pos, canvas.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas, wheel)
    assert canvas.zoom() == pytest.approx(1.25)
    before = canvas.image_rect()
    canvas.set_zoom(4.0)
    canvas.pan_by(-50, -30)
    assert canvas.image_rect().topLeft() != before.topLeft()
    canvas.fit()
    assert canvas.fit_mode and canvas.zoom() == pytest.approx(canvas.fit_zoom())  # a small photo grows to fit
    box.toggle_slideshow()
    assert box.slideshow.isActive()
    box._slideshow_step()
    assert box.row == 1
    box.toggle_slideshow()
    assert not box.slideshow.isActive()
    assert "Caption" in box.details.toPlainText() and "pic" in box.details.toPlainText()


def test_lightbox_shows_exif_and_problems(make_panel, qtbot, photo_archive):
    panel = make_panel(photo_archive, background_check=False)
    panel.show()
    box = panel.open_lightbox(panel.model.row_of("exif-samples-hdr-iphone-hdr-yes-jpg"))
    qtbot.waitUntil(lambda: box._exif is not None, timeout=10_000)
    text = box.details.toPlainText()
    assert "Apple iPhone 6" in text and "40.446972, -3.724753" in text and "2015-04-10 20:12:23" in text
    box.show_row(panel.model.row_of("pillow-truncated-jpeg-jpg"))
    qtbot.waitUntil(lambda: bool(box._problem), timeout=10_000)
    assert "truncated_jpeg.jpg" in box._problem and "cut short" in box._problem


def test_lightbox_tiff_page_chooser(make_panel, qtbot, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    pages = [Image.new("RGB", (200, 150), c) for c in ((200, 0, 0), (0, 200, 0), (0, 0, 200))]
    pages[0].save(src / "scan.tif", save_all=True, append_images=pages[1:])
    _make_archive_module().make_archive(src, tmp_path / "archive")
    archive = load_archive(tmp_path / "archive", check_files=False).archive
    panel = make_panel(archive)
    panel.show()
    wait_for_thumbnails(qtbot, panel)
    box = panel.open_lightbox(0)
    qtbot.waitUntil(lambda: box._resolution == "full", timeout=10_000)
    assert box.page_box.isVisibleTo(box) and box.page_box.maximum() == 3
    box.page_box.setValue(3)
    qtbot.waitUntil(lambda: box._resolution == "full" and box._page == 2, timeout=10_000)
    colour = box.canvas.pixmap().toImage().pixelColor(5, 5)
    assert colour.blue() > 150 and colour.red() < 50


# -- wiring into the main window -------------------------------------------------------------------------------
class _FakeDirs:
    def __init__(self, cache):
        self.cache = cache
        self.data = cache / "data"  # where the photos' turns by hand are kept


class _FakeResult:
    def __init__(self, archive):
        self.archive = archive


def test_install_gallery_hands_the_panel_to_add_panel(qtbot, tmp_path, small_archive):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMainWindow
    from ashraf_desktop.ui.gallery import GalleryPanel, install_gallery

    class Window(QMainWindow):
        def __init__(self):
            super().__init__()
            self.result, self.dirs, self.calls = _FakeResult(small_archive), _FakeDirs(tmp_path), []

        def add_panel(self, name, title, widget, area=Qt.DockWidgetArea.BottomDockWidgetArea, *, shortcut=None,
                      visible=True):
            self.calls.append((name, title, widget, area))

    window = Window()
    qtbot.addWidget(window)
    panel = install_gallery(window)
    try:
        assert isinstance(panel, GalleryPanel) and panel.model.total == 5
        assert window.calls == [("gallery", "Photos", panel, Qt.DockWidgetArea.RightDockWidgetArea)]
        assert panel.thumbnailer.cache.root.parent == tmp_path / "thumbnails"
    finally:
        panel.shutdown()


def test_first_screen_is_requested_before_the_first_paint(make_panel, photo_archive):
    panel = make_panel(photo_archive, background_check=False)
    panel.model.sort_by("import")
    panel.show()  # no event processed yet: nothing painted, and the first screen is already asked for
    first, last = panel.view.estimated_first_screen()
    assert first == 0 and last >= 4
    assert {panel.model.item_at(r).id for r in range(first, last + 1)} <= panel.model._requested | set(
        panel.model._problems)
    assert panel.wait_idle()
    vis_first, vis_last = panel.view.visible_rows()
    assert vis_first == 0 and last + 1 >= (vis_last + 1) // 2  # the estimate is about a screen
