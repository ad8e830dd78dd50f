"""Start-up (issue 4): the window paints first; the timeline, gallery and annotations are built after that first
paint, in docks made at once (so the saved layout and View ▸ Panels know them); heavy modules load on first use."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui

LAZY = ("timeline", "gallery", "annotations", "concordance")


def test_panels_are_built_after_the_first_paint_in_docks_made_at_once(make_window, qtbot):
    from ashraf_desktop.ui.annotations import AnnotationsPanel
    from ashraf_desktop.ui.gallery import GalleryPanel
    from ashraf_desktop.ui.timeline import TimelinePanel
    window = make_window(index=False)
    assert window.pending_panels == LAZY  # shown, but no event handled yet: nothing built
    for name in LAZY:
        dock = window.panels[name]
        assert dock.objectName() == f"dock-{name}" and dock.toggleViewAction() in window.panels_menu.actions()
        assert dock.widget().objectName() == f"placeholder-{name}"
    built: list[str] = []
    window.panel_ready.connect(built.append)
    qtbot.waitUntil(lambda: not window.pending_panels, timeout=10_000)
    assert built == list(LAZY)
    assert isinstance(window.panels["timeline"].widget(), TimelinePanel)
    assert isinstance(window.panels["gallery"].widget(), GalleryPanel)
    assert isinstance(window.panels["annotations"].widget(), AnnotationsPanel)
    assert window.panels["timeline"].widget() is window.timeline_panel
    assert window.panels["gallery"].widget() is window.gallery_panel
    assert window.annotations is not None and window.annotations_panel is window.panels["annotations"].widget()
    assert window.dockWidgetArea(window.panels["timeline"]) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.panels["gallery"] in window.tabifiedDockWidgets(window.panels["timeline"])
    assert window.panels["annotations"] in window.tabifiedDockWidgets(window.panels["provenance"])


def test_the_index_opens_at_the_first_paint_and_the_panels_after_it(make_window, qtbot):
    window = make_window(wait_index=False)
    order: list[str] = []
    window.panel_ready.connect(order.append)
    window.index_ready.connect(lambda _index: order.append("index"))
    qtbot.waitUntil(lambda: not window.pending_panels, timeout=30_000)
    assert order == ["index", *LAZY]
    # the menus' icons are drawn once the panels are built (or when a menu first opens), not before the first paint
    qtbot.waitUntil(lambda: not window.action("open_archive").icon().isNull(), timeout=5_000)


def test_what_was_typed_before_the_index_was_ready_is_shown_before_the_panels_are_built(make_window, qtbot):
    """At 100,000 items the first result came after the timeline, gallery and annotations were built (2.5-4.8 s);
    searched first, it comes at 1.1 s. The panels built after it follow that search (issue 17)."""
    window = make_window(wait_index=False)
    window.search.set_query("Ashraf", now=True)  # typed while the index opens
    order: list[str] = []
    window.panel_ready.connect(order.append)
    window.search.result_shown.connect(lambda result: order.append(f"result {result.total > 0}"))
    qtbot.waitUntil(lambda: not window.pending_panels, timeout=30_000)
    assert order == ["result True", *LAZY]
    hits = window.search.last_hits
    assert hits is not None and (hits[0] or hits[1])  # the item and event ids of the hits
    timeline = window.timeline_panel.renderer
    qtbot.waitUntil(lambda: (timeline.hit_items, timeline.hit_events) == hits, timeout=5_000)
    qtbot.waitUntil(lambda: window.gallery_panel.model.filtered, timeout=5_000)  # the hits' photos only


def test_a_first_search_that_fails_does_not_hold_the_panels_back(make_window, qtbot, monkeypatch):
    """The panels wait for the search typed before the index was ready; one that fails ends that wait too (its
    notice is shown, nothing is marked)."""
    from ashraf_desktop.core.search import SearchIndex

    def broken(*_args, **_kwargs):
        raise OSError("the disk went away")
    monkeypatch.setattr(SearchIndex, "search", broken)
    window = make_window(wait_index=False)
    window.search.set_query("Ashraf", now=True)
    order: list[str] = []
    window.panel_ready.connect(order.append)
    window.search.hits_changed.connect(lambda items, events: order.append(f"hits {len(items) + len(events)}"))
    qtbot.waitUntil(lambda: not window.pending_panels, timeout=30_000)
    assert order == ["hits 0", *LAZY]
    assert "the disk went away" in window.search.notice.text() and window.search.last_result is None


def test_reading_a_panel_builds_it_at_once(make_window):
    window = make_window(index=False)
    assert window.pending_panels == LAZY
    assert window.timeline_panel is not None
    assert window.pending_panels == ("gallery", "annotations", "concordance")
    assert window.annotations is not None  # the gallery first: the annotations use its lightbox
    assert window.pending_panels == ("concordance",)


def test_view_menu_toggle_builds_its_panel_before_its_turn(make_window):
    from ashraf_desktop.ui.gallery import GalleryPanel
    window = make_window(index=False)
    dock = window.panels["gallery"]
    dock.hide()
    assert window.pending_panels == LAZY
    dock.toggleViewAction().trigger()  # View ▸ Panels ▸ Photos
    assert not dock.isHidden() and isinstance(dock.widget(), GalleryPanel)
    assert window.pending_panels == ("annotations", "concordance")
    window.panels["annotations"].toggleViewAction().trigger()  # shown: hides it, nothing to build
    assert window.panels["annotations"].isHidden() and window.pending_panels == ("annotations", "concordance")


def test_menus_keep_their_order_when_annotations_come_after_the_import(make_window):
    window = make_window(index=False)
    window.ensure_panels()
    edit = [a.text() for a in window.menus.menu("edit").actions() if not a.isSeparator()]
    assert edit[:2] == ["&Undo", "&Redo"]
    order = ["&Annotate selection…", "&Highlight selection", "Edit &metadata…", "&Preferences…", "&Team…",
             "Team &conflicts…"]  # Team… and conflicts: ui/team (issue 21)
    assert [e for e in edit if e in order] == order and edit[-1] == order[-1]
    file_ = [a.text() for a in window.menus.menu("file").actions() if not a.isSeparator()]
    assert file_.index("Import &folder…") < file_.index("&Export annotations…") < file_.index("&Quit")
    window.menus.menu("edit").aboutToShow.emit()  # a menu opened before the index: its icons are drawn then
    assert not window.action("search").icon().isNull()


def test_lazy_panels_go_back_where_the_user_left_them(make_window, qtbot):
    first = make_window(index=False, data="shared")
    first.ensure_panels()
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, first.panels["timeline"])
    first.panels["annotations"].hide()
    first.save_settings()
    first.close()

    again = make_window(index=False, data="shared")
    assert again.pending_panels == LAZY
    # restoreState() has placed the reserved docks before their panels exist ...
    assert again.dockWidgetArea(again.panels["timeline"]) == Qt.DockWidgetArea.RightDockWidgetArea
    assert again.panels["annotations"].isHidden()
    qtbot.waitUntil(lambda: not again.pending_panels, timeout=10_000)
    # ... and they stay there once built
    assert again.dockWidgetArea(again.panels["timeline"]) == Qt.DockWidgetArea.RightDockWidgetArea
    assert again.panels["timeline"].widget() is again.timeline_panel
    assert again.panels["annotations"].isHidden()
    assert again.dockWidgetArea(again.panels["gallery"]) == Qt.DockWidgetArea.BottomDockWidgetArea


def test_heavy_modules_are_not_imported_before_the_window_shows(tmp_path):
    """The import's text readers (bs4, markdown-it, pdfium), QtPdf, Whoosh and importlib.metadata load on first
    use: none of them is loaded when the window paints its first frame (the search index, which needs some of
    them, starts on a worker right after that frame)."""
    code = ("import runpy, sys\n"
            "heavy = ['bs4', 'markdown_it', 'pypdfium2', 'whoosh', 'PySide6.QtPdf', 'importlib.metadata',\n"
            "         'ashraf_desktop.core.extract', 'ashraf_desktop.core.search', 'ashraf_desktop.core.ingest']\n"
            "from ashraf_desktop.ui import main_window\n"
            "paint = main_window.MainWindow.paintEvent\n"
            "def first(self, event):\n"
            "    if not self._first_painted:\n"
            "        print('LOADED', [m for m in heavy if m in sys.modules], flush=True)\n"
            "    paint(self, event)\n"
            "main_window.MainWindow.paintEvent = first\n"
            "sys.argv = ['ashraf-desktop', '--data-dir', sys.argv[1]]\n"
            "try:\n    runpy.run_module('ashraf_desktop', run_name='__main__')\n"
            "except SystemExit:\n    pass\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ASHRAF_BENCH="1")
    env.pop("ASHRAF_BENCH_QUERY", None)
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "d")], capture_output=True, text=True,
                         timeout=120, env=env)
    assert "ASHRAF_BENCH shown" in out.stdout, out.stderr + out.stdout
    assert "LOADED []" in out.stdout, out.stdout


def test_files_dragged_over_the_panels_go_to_the_import_once_they_are_built(make_window, qtbot, tmp_path):
    """Widgets that take drops themselves (the search box, a note editor) hand file drags to the import; the
    window watches them after its first paint, and each later panel when it is built."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent
    from PySide6.QtWidgets import QApplication, QWidget
    window = make_window(index=False)
    qtbot.waitUntil(lambda: not window.pending_panels, timeout=10_000)
    qtbot.wait(10)
    asked: list[str] = []
    window.importer.accepts = lambda mime: asked.append(mime.urls()[0].toLocalFile()) or True
    path = tmp_path / "note.txt"
    path.write_text("a note", encoding="utf-8")
    note_editor = next(w for w in window.panels["annotations"].widget().findChildren(QWidget) if w.acceptDrops())
    for target in (window.search.box, note_editor):  # one made before the first paint, one built after it
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        event = QDragEnterEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
        event.setAccepted(False)
        QApplication.sendEvent(target, event)
        assert event.isAccepted()
    assert asked == [str(path), str(path)]


def test_help_loads_on_first_use(make_window):
    """Help ▸ … (its dialog, importlib.metadata and platform are loaded when asked for, not at start)."""
    window = make_window(index=False)
    about = window.show_help("about")
    shortcuts = window.show_help("shortcuts")
    try:
        text = about.browser.toPlainText()
        assert "PySide6" in text and "Python" in text and "Running on" in text
        assert "Ctrl+K" in shortcuts.browser.toPlainText()
    finally:
        about.close()
        shortcuts.close()
