"""Issue 15 through the real window: one highlight, a restart and an import must not break search for good.

The steps are the issue's, as a new user takes them with a new ``--data-dir``: search ``Odierno``, open
"About Camp Ashraf", select a phrase, Ctrl+Shift+H; quit; start again; import ``../shared/testdata/html``,
close the report, search ``Huckleberry``. Before the fix: "No results" though the window counted the new
documents, ``search index not updated after a reload: array index out of range`` on stderr, and the same
from ``ashraf-desktop search`` and ``index --rebuild``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtTest import QTest


def _window(qtbot, dirs):
    """A window as ``ashraf-desktop --data-dir`` makes it: its own index, opened by the app's own opener."""
    from ashraf_desktop.core.archive import load_layered
    from ashraf_desktop.paths import bundled_archive
    from ashraf_desktop.ui.main_window import MainWindow
    window = MainWindow(load_layered(bundled_archive(), dirs.data, check_files=False), dirs)
    window.resize(1200, 800)
    window.show()
    qtbot.waitUntil(lambda: window.index is not None, timeout=60_000)
    assert window.index.wait_until_current(60)  # the check of the stamped index against the archive
    return window


def _search(qtbot, window, query: str):
    with qtbot.waitSignal(window.search.result_shown, timeout=20_000) as blocker:
        window.search.set_query(query)
    return blocker.args[0]


def _quit(qtbot, window) -> None:
    window.action("quit").trigger()
    window.runner.wait_for_done(30_000)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    window.deleteLater()


def test_highlight_restart_import_then_the_new_items_are_found(qtbot, qapp, tmp_path: Path, shared_testdata: Path,
                                                               caplog) -> None:
    from ashraf_desktop.cli import main
    from ashraf_desktop.paths import user_dirs
    from ashraf_desktop.ui.app import create_app
    create_app()
    dirs = user_dirs(tmp_path / "d").ensure()
    caplog.set_level(logging.WARNING)

    # 1. search Odierno, open "About Camp Ashraf", select a phrase, Ctrl+Shift+H
    window = _window(qtbot, dirs)
    result = _search(qtbot, window, "Odierno")
    hit = next(h for h in result.hits if h.kind == "document" and h.id == "about-camp-ashraf")
    page = window.open_hit(hit, "Odierno")
    qtbot.waitUntil(lambda: page.is_loaded and page.extracted is not None, timeout=10_000)
    start = page.extracted.text.index("Camp Ashraf")
    page.select_range(start, start + len("Camp Ashraf"))
    page.browser.setFocus()
    with qtbot.waitSignal(window.annotations.synced, timeout=20_000):
        QTest.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    [highlight] = window.annotations.for_item("about-camp-ashraf")
    assert highlight.quote == "Camp Ashraf"
    panel = window.annotations_panel  # and a tag on it, in the Annotations panel
    assert panel.select_annotation(highlight)
    panel.tags.set_tags(["population"])
    with qtbot.waitSignal(window.annotations.synced, timeout=20_000):
        assert panel.save_current().tags == ("population",)
    # 2. Ctrl+Q, start the app again
    _quit(qtbot, window)
    window = _window(qtbot, dirs)
    # 3. import the folder, close the report, search Huckleberry
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(shared_testdata / "html"))])
    with qtbot.waitSignal(window.importer.finished, timeout=120_000) as blocker:
        assert window.importer.drop(mime)
    report = blocker.args[0]
    assert len(report.added) >= 10
    window.importer.report_dialog.close()
    result = _search(qtbot, window, "Huckleberry")
    assert result.total >= 1, "the imported Huckleberry Finn pages are not found"
    assert {h.item_id for h in result.hits} <= {o.item_id for o in report.added}
    problems = [r.getMessage() for r in caplog.records if "search index" in r.getMessage()]
    assert not problems, problems
    _quit(qtbot, window)

    # the command line finds them too, and the annotation made in the app by its tag
    import contextlib
    import io
    import json
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--data-dir", str(tmp_path / "d"), "search", "Huckleberry", "--json"]) == 0
    assert json.loads(out.getvalue())["total"] == result.total
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--data-dir", str(tmp_path / "d"), "search", "tag:population", "--json"]) == 0
    assert [h["id"] for h in json.loads(out.getvalue())["hits"]] == [highlight.id]


def test_damage_found_while_searching_is_repaired_in_the_background(qtbot, qapp, tmp_path: Path) -> None:
    """The failure rule in the window: a search that meets a damaged postings file gets an empty page with a
    plain-words notice at once (the GUI never waits for the writer), the index is rebuilt in the background,
    and the same search then shows its results by itself; the status bar says once what happened."""
    from ashraf_desktop.paths import user_dirs
    from ashraf_desktop.ui.app import create_app
    create_app()
    window = _window(qtbot, user_dirs(tmp_path / "d").ensure())
    expected = _search(qtbot, window, "Odierno").total
    assert expected >= 1
    _search(qtbot, window, "Diyala")
    folder = window.index.folder
    for victim in folder.iterdir():
        if victim.name.endswith("_stored.col"):  # every stored document garbled, in place: open readers see it
            data = bytearray(victim.read_bytes())
            data[64:-64] = b"Q" * (len(data) - 128)
            with open(victim, "r+b") as handle:
                handle.write(bytes(data))
    shown = []
    window.search.result_shown.connect(lambda r: shown.append(r))
    window.search.set_query("Odierno")
    qtbot.waitUntil(lambda: any(r.total == expected for r in shown), timeout=60_000)
    first = shown[0]
    assert first.total == 0 and "being rebuilt" in (first.notice or "")
    assert window.index.folder != folder and not folder.exists()
    assert window.status.said("rebuilt because its files were damaged")
    _quit(qtbot, window)
