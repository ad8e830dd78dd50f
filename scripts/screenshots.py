#!/usr/bin/env python3
"""Take the README's screenshots from the real app: a search, a document with its hits, an event, dark theme,
the timeline dock (an event selected, its source open at the quote, a period brushed), the timeline panel,
a document with two highlights beside the Annotations panel showing a note with its tags, then an import (the
report over the window), the Dublin Core form on the new items, and a verify run that caught a changed file.

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

    from ashraf_desktop.core.archive import load_layered
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
        result = load_layered(args.archive or bundled_archive(), dirs.data, check_files=False)
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

        # import, describe, verify (docs/gui.md "Importing" and "Integrity")
        def save_over(name: str, *dialogs) -> None:
            settle()
            path = out / name
            if not composite(window, dialogs).save(str(path)):
                raise SystemExit(f"screenshots: could not write {path}")
            print(f"wrote {path}")
        import_and_verify(window, wait_until, settle, save_over, Path(tmp))
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


def composite(window, dialogs):
    """The window with its dialogs drawn over it where they stand (the offscreen platform has no screen to
    grab; each dialog gets a thin frame and a shadow, as a window manager would draw)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QColor, QPainter, QPen
    picture = window.grab()
    painter = QPainter(picture)
    for dialog in dialogs:
        shot = dialog.grab()
        origin = window.mapFromGlobal(dialog.mapToGlobal(QPoint(0, 0)))
        if not window.rect().contains(QRect(origin, shot.size())):  # centred when placed off the window
            origin = QPoint((picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 2)
        for i, alpha in enumerate((60, 35, 20, 10)):
            painter.fillRect(QRect(origin + QPoint(3 + i, 3 + i), shot.size()), QColor(0, 0, 0, alpha))
        painter.drawPixmap(origin, shot)
        painter.setPen(QPen(QColor("#5c677d"), 1))
        painter.drawRect(QRect(origin, shot.size()).adjusted(0, 0, -1, -1))
    painter.end()
    return picture


def sample_folder(tmp: Path) -> Path:
    """What an archivist brings: a box of scans and photos, one of them twice, one damaged. From
    ../shared/testdata when it is there; otherwise small files made here."""
    import shutil
    folder = tmp / "Box 12 - reports and photos"
    folder.mkdir()
    shared = REPO.parent / "shared" / "testdata"
    picks = [("pdfs/pypdf/Seige_of_Vicksburg_Sample_OCR.pdf", "Seige_of_Vicksburg_Sample_OCR.pdf"),
             ("pdfs/py-pdf-sample-files/011-google-doc-document/google-doc-document.pdf", "google-doc-document.pdf"),
             ("pdfs/py-pdf-sample-files/009-pdflatex-geotopo/GeoTopo-komprimiert.pdf", "GeoTopo-komprimiert.pdf"),
             ("pdfs/pypdf/crazyones-encrypted-256.pdf", "crazyones-encrypted-256.pdf"),
             ("pdfs/ocrmypdf/invalid.pdf", "scan-0042.pdf"),
             ("photos/pillow/flower.webp", "flower.webp"),
             ("photos/pillow/broken_exif_dpi.jpg", "camp-gate.jpg"),
             ("photos/pillow/broken.png", "broken.png"),
             ("pdfs/py-pdf-sample-files/011-google-doc-document/google-doc-document.pdf", "copy of report.pdf")]
    if all((shared / src).is_file() for src, _ in picks):
        for src, name in picks:
            shutil.copy(shared / src, folder / name)
        return folder
    from PySide6.QtGui import QColor, QImage
    (folder / "field-notes.md").write_text("# Field notes\n\nThe water tower was repaired in spring.\n", "utf-8")
    (folder / "letter.txt").write_text("A letter about the camp gardens.\n", "utf-8")
    (folder / "copy of letter.txt").write_text("A letter about the camp gardens.\n", "utf-8")
    (folder / "damaged.pdf").write_bytes(b"%PDF-1.4\n% cut off while copying")
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#6a994e"))
    image.save(str(folder / "garden.png"))
    return folder


def import_and_verify(window, wait_until, settle, save_over, tmp: Path) -> None:
    for name in ("annotations",):
        if name in window.panels:
            window.panels[name].hide()
    window.show_panel("provenance")
    window.show_panel("timeline")
    window.tabs.close_current()
    reports: list = []
    window.importer.finished.connect(reports.append)
    folder = sample_folder(tmp)
    if not window.importer.import_paths([folder]):
        raise SystemExit("screenshots: the import did not start")
    wait_until(lambda: reports, "the import report", 120_000)
    report = reports[-1]
    dialog = window.importer.report_dialog
    dialog.resize(900, 470)
    dialog.move(window.mapToGlobal(window.rect().center()) - dialog.rect().center())
    added = [o.item_id for o in report.added]
    shown: list = []
    window.search.result_shown.connect(shown.append)
    window.search.set_query("report OR flower OR Vicksburg")
    wait_until(lambda: shown, "the search for the new items")
    if added:
        window.open_item(added[0])
    window.panels["timeline"].raise_()
    settle(600)
    dialog.raise_()
    save_over("import-report.png", dialog)

    # the Dublin Core form on two of the new items, a date typed wrongly: the message says what EDTF wants
    form = window.importer.edit_metadata(added[:2])
    if form is None:
        raise SystemExit("screenshots: the metadata form did not open")
    dialog.hide()
    form.resize(640, 720)
    form.move(window.mapToGlobal(window.rect().center()) - form.rect().center())
    form.set_field("creator", "Camp records office")
    form.set_field("subject", "water supply; construction")
    form.set_field("date", "2003-13-40")
    form.set_field("tags", "box 12, to check")
    save_over("metadata-form.png", form)
    form.close()

    # a held file changed behind the app's back: the quick check's badge, then Tools ▸ Verify archive
    item = window.archive.item(added[0]) if added else None
    if item is None or item.file is None:
        raise SystemExit("screenshots: no imported file to change")
    with open(item.file, "ab") as handle:
        handle.write(b"\n% edited by another program\n")
    done: list = []
    window.integrity.quick_check_done.connect(done.append)
    window.integrity.start_quick_check()
    wait_until(lambda: done, "the quick check")
    verified: list = []
    window.integrity.verified.connect(verified.append)
    window.integrity.verify()
    wait_until(lambda: verified, "verify")
    box = window.integrity.dialog
    box.resize(940, 300)
    box.move(window.mapToGlobal(window.rect().center()) - box.rect().center())
    box.table.selectRow(0)
    window.status.clear_messages()
    save_over("verify.png", box)
    box.close()


if __name__ == "__main__":
    sys.exit(main())
