#!/usr/bin/env python3
"""Take the README's screenshots from the real app: a search, a document with its hits, an event, dark theme,
the timeline dock (an event selected, its source open at the quote, a period brushed), the timeline panel, and
a document with two highlights beside the Annotations panel showing a note with its tags.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--query Ashraf]

Runs on the offscreen platform unless a display is set (Xvfb works too). Uses a throw-away --data-dir so
the user's own settings and index are untouched. Exits non-zero if a step fails.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--query", default="Ashraf")
    parser.add_argument("--archive", type=Path, default=None)
    parser.add_argument("--size", default="1360x860")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop

    from ashraf_desktop.core.loader import load_archive
    from ashraf_desktop.paths import bundled_archive, user_dirs
    from ashraf_desktop.ui import look
    from ashraf_desktop.ui.app import create_app
    from ashraf_desktop.ui.main_window import MainWindow

    app = create_app()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    width, height = (int(v) for v in args.size.split("x"))

    def wait_until(predicate, what: str, timeout_ms: int = 60_000) -> None:
        timer = QElapsedTimer()
        timer.start()
        while not predicate():
            if timer.elapsed() > timeout_ms:
                raise SystemExit(f"screenshots: timed out waiting for {what}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def settle(ms: int = 400) -> None:
        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < ms:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def save(window: MainWindow, name: str) -> None:
        settle()
        path = out / name
        if not window.grab().save(str(path)):
            raise SystemExit(f"screenshots: could not write {path}")
        print(f"wrote {path}")

    with tempfile.TemporaryDirectory(prefix="ashraf-shots-") as tmp:
        dirs = user_dirs(Path(tmp)).ensure()
        look.apply_theme(app, "light")
        result = load_archive(args.archive or bundled_archive(), check_files=False)
        window = MainWindow(result, dirs)
        window.resize(width, height)
        window.show()
        wait_until(lambda: window.index is not None, "the search index")

        shown: list = []
        window.search.result_shown.connect(shown.append)
        window.search.set_query(args.query)
        wait_until(lambda: shown, "search results")
        save(window, "main-search.png")

        hit = next((h for h in shown[-1].hits if h.kind == "document"), None)
        if hit is None:
            raise SystemExit(f"screenshots: no document matches {args.query!r}")
        page = window.open_hit(hit, args.query)
        wait_until(lambda: page.is_loaded, "the document")
        page.next_hit()
        page.next_hit()
        save(window, "viewer-hits.png")

        event = next((e for e in result.archive.events if e.disputed), None) or result.archive.events[0]
        window.open_event(event.id)
        save(window, "event.png")

        window.tabs.setCurrentWidget(page)
        window.set_theme("dark")
        save(window, "dark.png")
        window.set_theme("light")

        # the timeline dock: a disputed event selected, its source opened at the quote, the search's hits
        # marked and a period brushed (which limits the search results)
        panel = window.timeline_panel
        if panel is None:
            raise SystemExit("screenshots: the timeline panel is not installed")
        window.show_panel("timeline")
        panel.view.fit_all()
        panel.show_event(event.id)
        citation = event.citations[-1]
        quoted = window.open_item_at_quote(citation.item, citation.quote)
        wait_until(lambda: quoted is not None and quoted.is_loaded, "the cited document")
        if quoted.current_hit_text() != citation.quote:
            raise SystemExit(f"screenshots: the quote is not highlighted in {citation.item}")
        shown.clear()
        lower, upper = event.date.lower - 730, event.date.upper + 365
        panel.set_range(lower, upper, emit=True)
        wait_until(lambda: shown, "the results for the period")
        save(window, "timeline.png")

        # the panel on its own, larger (floated), for docs/timeline.md
        dock = window.panels["timeline"]
        dock.setFloating(True)
        dock.resize(1360, 720)
        panel.view.fit_all()
        panel.show_event(event.id)
        settle()
        path = out / "timeline-panel.png"
        if not panel.grab().save(str(path)):
            raise SystemExit(f"screenshots: could not write {path}")
        print(f"wrote {path}")
        dock.setFloating(False)
        panel.clear_range()

        # annotations: a document with two highlights, the Annotations panel showing a note with its tags
        annotate(window, wait_until, result.archive)
        save(window, "annotations.png")
        window.close()
        window.runner.wait_for_done(5000)
        window.deleteLater()
        settle(100)
    return 0


def annotate(window, wait_until, archive) -> None:
    """Two highlights in a document (one green with a note and tags), the panel showing the note."""
    doc = next((i for i in archive.items if i.id == "brief-history-of-ashraf-city"), None) or \
        next(i for i in archive.items if i.file is not None and i.kind.value == "document")
    window.annotations.set_author("A. Archivist")
    window.search.set_query("")
    window.show_panel("timeline")
    page = window.open_item(doc.id)
    wait_until(lambda: page.is_loaded and page.extracted is not None, "the document to annotate")
    text = page.extracted.text
    sentences = [s for s in (p.strip() for p in text.replace("\n", " ").split(". ")) if 40 <= len(s) <= 160]
    if len(sentences) < 3:
        raise SystemExit("screenshots: the document has too few sentences to annotate")
    first, second = sentences[1], sentences[2]
    start = text.index(first[:40])
    page.select_range(start, start + len(first))
    window.annotation_wiring.annotate_page(page, "yellow", False)
    start = text.index(second[:40])
    page.select_range(start, start + len(second))
    note = window.annotation_wiring.annotate_page(page, "green", True)
    if note is None:
        raise SystemExit("screenshots: the note could not be saved")
    window.annotations.update(note.id, body="Compare the dates with the **UN reports**; see "
                                            "[About Camp Ashraf](item:about-camp-ashraf).",
                              tags=("chronology", "to verify"))
    cursor = page.browser.textCursor()
    cursor.clearSelection()
    page.browser.setTextCursor(cursor)
    from PySide6.QtCore import Qt
    for name in ("timeline", "gallery"):  # the right dock gets the full height
        if name in window.panels:
            window.panels[name].hide()
    window.show_panel("annotations")
    window.resizeDocks([window.panels["annotations"]], [440], Qt.Orientation.Horizontal)
    panel = window.annotations_panel
    panel.splitter.setSizes([460, 240])
    panel.select_annotation(window.annotations.get(note.id))
    page.show_annotation(window.annotations.get(note.id))


if __name__ == "__main__":
    sys.exit(main())
