#!/usr/bin/env python3
"""Take the reading room's screenshots (issue 20) from the real app, at 1366×768: the Persian interface and the
concordance.

- ``persian-search.png``: the window in Persian, right to left, a search with its results (Solar Hijri dates
  beside the Gregorian), a document open at its hits and its provenance;
- ``persian-timeline.png``: the timeline with its Solar Hijri axis, a disputed event selected, its details;
- ``concordance-speeches.png``: the Concordance panel over the 1,250 speeches of ``bench/corpora/speeches``
  (``bench/prepare_corpora.py`` makes them), a word sorted by the word after it, counts per year beside;
- ``concordance-persian.png``: a Persian query over ``../shared/testdata/rtl_text``, the contexts right to left.

    .venv/bin/python scripts/screenshots_reading_room.py [--out docs/screenshots] [--only persian|concordance]

Runs on the offscreen platform with a 1366×768 screen unless a display is set. Uses throw-away data folders.
Look at every PNG before committing it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
from screenshots import SCREEN  # noqa: E402 - also sets the offscreen platform up with that laptop screen

SPEECHES = REPO / "bench" / "corpora" / "speeches" / "archive"
RTL_TEXT = REPO.parent / "shared" / "testdata" / "rtl_text"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--only", choices=("persian", "concordance"), default=None)
    parser.add_argument("--word", default="liberty", help="the concordance's word over the speeches")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, Qt

    from ashraf_desktop.core.archive import day_number, load_layered
    from ashraf_desktop.paths import bundled_archive, user_dirs
    from ashraf_desktop.ui import i18n, look
    from ashraf_desktop.ui.app import create_app
    from ashraf_desktop.ui.main_window import MainWindow

    app = create_app()
    look.apply_theme(app, "light")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    width, height = SCREEN

    def wait_until(predicate, what: str, timeout_ms: int = 600_000) -> None:
        timer = QElapsedTimer()
        timer.start()
        while not predicate():
            if timer.elapsed() > timeout_ms:
                raise SystemExit(f"screenshots: timed out waiting for {what}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def settle(ms: int = 500) -> None:
        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < ms:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def open_window(archive: Path, tmp: Path) -> MainWindow:
        dirs = user_dirs(tmp).ensure()
        window = MainWindow(load_layered(archive, dirs.data, check_files=False), dirs)
        window.resize(width, height)
        window.show()
        wait_until(lambda: window.index is not None, "the search index")
        wait_until(lambda: not window.pending_panels, "the panels")
        return window

    def save(window: MainWindow, name: str) -> None:
        settle()
        window.status.clear_messages()
        settle(100)
        path = out / name
        if not window.grab().save(str(path)):
            raise SystemExit(f"screenshots: could not write {path}")
        print(f"wrote {path}")

    def close(window: MainWindow) -> None:
        window.close()
        window.runner.wait_for_done(10_000)
        window.deleteLater()
        settle(100)

    def concordance(window: MainWindow, query: str, sort: str, name: str) -> None:
        window.show_panel("concordance")
        window.resizeDocks([window.panels["concordance"]], [int(height * 0.62)], Qt.Orientation.Vertical)
        panel = window.concordance
        panel.within_filters.setChecked(False)
        finished: list = []
        panel.finished.connect(finished.append)
        panel.set_query(query)
        wait_until(lambda: finished, f"the concordance of {query!r}")
        panel.sort_box.setCurrentIndex(panel.sort_box.findData(sort))
        settle(800)
        save(window, name)

    with tempfile.TemporaryDirectory(prefix="ashraf-shots-") as tmp:
        if args.only in (None, "persian"):
            i18n.install_language(app, "fa")
            window = open_window(bundled_archive(), Path(tmp) / "fa")
            shown: list = []
            window.search.result_shown.connect(shown.append)
            window.search.set_query("Ashraf")
            wait_until(lambda: shown, "the results")
            window.search.list.setCurrentIndex(window.search.results.index(0))
            first = next(h for h in shown[-1].hits if h.kind == "document")
            page = window.open_hit(first, "Ashraf")
            wait_until(lambda: page.is_loaded, "the document")
            save(window, "persian-search.png")
            event = next((e for e in window.archive.events if e.disputed), None) or window.archive.events[0]
            window.reset_layout()
            window.search.set_query("", now=True)
            window.show_panel("timeline")
            window.resizeDocks([window.panels["timeline"]], [int(height * 0.58)], Qt.Orientation.Vertical)
            window.open_event(event.id)
            window.links.show_on_timeline(event.id)
            panel = window.timeline_panel
            settle()
            panel.renderer.fit_range(day_number(2002, 6, 1), day_number(2014, 1, 1))
            panel.view.update()
            panel.view.view_changed.emit()
            save(window, "persian-timeline.png")
            close(window)
            if RTL_TEXT.is_dir():  # a Persian query in the concordance: contexts right to left
                from tests.rtl_archive import write_rtl_archive  # the archive the RTL tests use
                root = write_rtl_archive(Path(tmp) / "rtl", RTL_TEXT)
                window = open_window(root, Path(tmp) / "rtl-data")
                concordance(window, "آزادی", "source", "concordance-persian.png")
                close(window)
            i18n.install_language(app, "en")
        if args.only in (None, "concordance"):
            if not (SPEECHES / "collection.toml").exists():
                raise SystemExit("screenshots: run bench/prepare_corpora.py first (bench/corpora/speeches)")
            archive = Path(tmp) / "speeches"
            shutil.copytree(SPEECHES, archive)  # the window may write beside it (the catalogue)
            window = open_window(archive, Path(tmp) / "speeches-data")
            concordance(window, args.word, "after", "concordance-speeches.png")
            close(window)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
