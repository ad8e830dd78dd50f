#!/usr/bin/env python3
"""Take the README's screenshots from the real app, at 1366×768 (a laptop screen), in the light and the dark theme.

The main screens, each as ``<name>.png`` (light) and ``<name>-dark.png``: ``search`` (results, facets,
provenance), ``document`` (a document open at its hits), ``timeline`` (the timeline with its events readable,
a disputed event selected), ``facts`` (the facts the sources state, disputes marked), ``library`` (every item in
a table, with a saved search) and ``gallery`` (photos imported from ../shared/testdata, or made here). Then, in
the light theme: an event, a document with annotations, an import report, the Dublin Core form and a verify
run that caught a changed file.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--query Ashraf]

Runs on the offscreen platform with a 1366×768 screen unless a display is set (Xvfb works too). Uses a
throw-away --data-dir so the user's own settings and index are untouched. Exits non-zero if a step fails.
Look at every PNG before committing it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SCREEN = (1366, 768)
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    _screen = Path(tempfile.mkdtemp(prefix="ashraf-screen-")) / "screen.json"
    _screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0],
                                                "height": SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                                "dpr": 1}]}), encoding="utf-8")
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_screen}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--query", default="Ashraf")
    parser.add_argument("--archive", type=Path, default=None)
    parser.add_argument("--size", default=f"{SCREEN[0]}x{SCREEN[1]}")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, Qt

    from ashraf_desktop.core.archive import load_layered
    from ashraf_desktop.paths import bundled_archive, user_dirs
    from ashraf_desktop.ui import look
    from ashraf_desktop.ui.app import create_app
    from ashraf_desktop.ui.main_window import MainWindow

    app = create_app()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    width, height = (int(v) for v in args.size.split("x"))

    def wait_until(predicate, what: str, timeout_ms: int = 120_000) -> None:
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
        window.status.clear_messages()
        settle(100)
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
        wait_until(lambda: not window.pending_panels, "the panels")

        # photos for the gallery (and the library): imported as a user would, into the throw-away layer
        reports: list = []
        window.importer.finished.connect(reports.append)
        if not window.importer.import_paths([photo_folder(Path(tmp))]):
            raise SystemExit("screenshots: the photos were not imported")
        wait_until(lambda: reports, "the photo import")
        window.importer.report_dialog.close()
        window.importer.finished.disconnect(reports.append)
        event = next((e for e in window.archive.events if e.disputed), None) or window.archive.events[0]
        shown: list = []
        window.search.result_shown.connect(shown.append)

        def search(query: str) -> None:
            shown.clear()
            window.search.set_query(query)
            wait_until(lambda: shown, f"the results of {query!r}")

        search(args.query)
        window.views.save_search("Ashraf, documents and events")

        for theme in ("light", "dark"):
            window.set_theme(theme)
            suffix = "" if theme == "light" else "-dark"
            window.reset_layout()
            settle()
            while window.tabs.pages():
                window.tabs.close_current()
            # search: the results with their facets, the first one's provenance
            search(args.query)
            window.search.list.setCurrentIndex(window.search.results.index(0))
            first = next((h for h in shown[-1].hits if h.kind == "document"), None)
            if first is None:
                raise SystemExit(f"screenshots: no document matches {args.query!r}")
            page = window.open_hit(first, args.query)
            wait_until(lambda: page.is_loaded, "the document")
            save(window, f"search{suffix}.png")
            # document: every hit highlighted, the third one current; the panels give it room
            page.next_hit()
            page.next_hit()
            window.resizeDocks([window.panels["timeline"]], [int(height * 0.30)], Qt.Orientation.Vertical)
            save(window, f"document{suffix}.png")
            # timeline: a disputed event selected, its details beside, the lanes given room
            window.reset_layout()
            window.search.set_query("", now=True)
            window.show_panel("timeline")
            window.resizeDocks([window.panels["timeline"]], [int(height * 0.58)], Qt.Orientation.Vertical)
            window.open_event(event.id)
            window.links.show_on_timeline(event.id)
            from ashraf_desktop.core.archive import day_number
            panel = window.timeline_panel  # the years most events are in, as a reader zooms to them
            settle()
            panel.renderer.fit_range(day_number(2002, 6, 1), day_number(2014, 1, 1))
            panel.view.update()
            panel.view.view_changed.emit()
            save(window, f"timeline{suffix}.png")
            # facts: the five facts, the disputed ones marked, one scrolled to
            window.reset_layout()
            search("population")  # the facts are found by search as their own kind
            fact = next(h for h in shown[-1].hits if h.kind == "fact")
            window.open_hit(fact, "population")
            window.resizeDocks([window.panels["timeline"]], [int(height * 0.30)], Qt.Orientation.Vertical)
            save(window, f"facts{suffix}.png")
            # library: every item, newest first, with the saved search in the sidebar
            while window.tabs.pages():
                window.tabs.close_current()
            window.search.set_query("", now=True)
            library = window.views.open_library()
            wait_until(lambda: library.is_loaded, "the library")
            window.resizeDocks([window.panels["timeline"]], [int(height * 0.28)], Qt.Orientation.Vertical)
            window.panels["search"].hide()  # View ▸ Panels ▸ Search off: the table gets the width
            window.resizeDocks([window.panels["provenance"]], [int(width * 0.22)], Qt.Orientation.Horizontal)
            library.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
            settle(600)
            save(window, f"library{suffix}.png")
            # gallery: the imported photos, the Photos panel in front and tall
            window.tabs.close_current()
            window.panels["search"].show()
            window.show_panel("gallery")
            gallery = window.gallery_panel
            window.resizeDocks([window.panels["gallery"]], [int(height * 0.62)], Qt.Orientation.Vertical)
            wait_until(lambda: gallery.model.rowCount() > 0, "the photos")
            settle(1500)
            save(window, f"gallery{suffix}.png")
        window.set_theme("light")
        window.reset_layout()
        while window.tabs.pages():
            window.tabs.close_current()

        window.open_event(event.id)
        save(window, "event.png")

        # annotations: a document with two highlights, the Annotations panel showing a note with its tags
        annotate(window, wait_until, window.archive)
        save(window, "annotations.png")

        # import, describe, verify (docs/gui.md "Importing" and "Integrity")
        def save_over(name: str, *dialogs) -> None:
            settle()
            path = out / name
            if not composite(window, dialogs).save(str(path)):
                raise SystemExit(f"screenshots: could not write {path}")
            print(f"wrote {path}")
        window.reset_layout()
        import_and_verify(window, wait_until, settle, save_over, Path(tmp))
        window.close()
        window.runner.wait_for_done(5000)
        window.deleteLater()
        settle(100)
    return 0


def photo_folder(tmp: Path) -> Path:
    """Photos to import: a selection of ../shared/testdata/photos when it is there, else a few made here."""
    import shutil
    folder = tmp / "photos"
    folder.mkdir()
    shared = REPO.parent / "shared" / "testdata" / "photos"
    picks = sorted(p for p in shared.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")
                   and 20_000 < p.stat().st_size < 4_000_000)[:24] if shared.is_dir() else []
    for n, path in enumerate(picks):
        shutil.copy(path, folder / f"{n:02d}-{path.name}")
    if not picks:
        from PySide6.QtGui import QColor, QImage
        for n, colour in enumerate(("#6a994e", "#bc4749", "#386641", "#a7c957", "#f2e8cf", "#6d597a")):
            image = QImage(480, 320, QImage.Format.Format_RGB32)
            image.fill(QColor(colour))
            image.save(str(folder / f"photo-{n}.png"))
    return folder


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
