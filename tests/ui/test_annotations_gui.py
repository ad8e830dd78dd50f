"""Annotations through the GUI: highlight a selection, note, tags, delete, undo/redo, regions in the lightbox,
PDF matches and pages, the panel's modes and filters, persistence, search, export/import, errors."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image

from archives import write_archive

PDF_4_PAGES = "pdfs/py-pdf-sample-files/004-pdflatex-4-pages/pdflatex-4-pages.pdf"


def _open_text(qtbot, window, item_id: str):
    page = window.open_item(item_id)
    qtbot.waitUntil(lambda: page.is_loaded and page.extracted is not None, timeout=10_000)
    return page


def _select(page, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    text = page.extracted.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    page.select_range(start, start + len(phrase))
    return start, start + len(phrase)


@pytest.fixture
def copied_archive(tmp_path: Path) -> Path:
    """The bundled archive in a folder of its own: its search index is not shared with other tests."""
    from ashraf_desktop.paths import bundled_archive
    return Path(shutil.copytree(bundled_archive(), tmp_path / "bundled-copy"))


def test_highlight_note_tags_delete_and_undo_redo(qtbot, qtmodeltester, make_window):
    window = make_window(index=False)
    c = window.annotations
    c.set_author("A. Archivist")
    page = _open_text(qtbot, window, "about-camp-ashraf")
    panel = window.annotations_panel
    assert panel.item is page.item

    # a highlight on the selection, in green (the context menu's Highlight ▸ Green)
    start, end = _select(page, "Camp Ashraf")
    page.annotate_requested.emit("green", False)
    [a] = c.for_item("about-camp-ashraf")
    assert (str(a.kind), str(a.colour), a.quote, a.text.start, a.author) == (
        "highlight", "green", "Camp Ashraf", start, "A. Archivist")
    assert [x.id for _s, _e, x in page.annotation_spans()] == [a.id]
    selections = page.browser.extraSelections()
    assert selections and selections[0].format.background().color().name() == "#8ce99a"

    # a note on another passage: the panel selects it and its note is edited there
    _select(page, "Camp Ashraf", 1)
    window.action("annotate").trigger()
    notes = [x for x in c.for_item("about-camp-ashraf") if str(x.kind) == "note"]
    assert len(notes) == 1
    assert panel.current_annotation().id == notes[0].id
    panel.note.setPlainText("Built in **1986**; see [the history](item:brief-history-of-ashraf-city).")
    panel.tags.setText("construction, 1986")
    panel.colour.setCurrentIndex(panel.colour.findData("blue"))
    saved = panel.save_current()
    assert saved.tags == ("1986", "construction") and str(saved.colour) == "blue"
    assert "the history" in panel.preview.toPlainText() and "**" not in panel.preview.toPlainText()
    assert panel.model.rowCount() == 2
    qtmodeltester.check(panel.model)
    panel.list.viewport().grab()  # the delegate paints every row

    # delete, then undo / redo through the Edit menu's actions
    panel.select_annotation(a)
    assert panel.delete_current()
    assert [x.id for x in c.for_item("about-camp-ashraf")] == [notes[0].id]
    assert a.id not in [x.id for _s, _e, x in page.annotation_spans()]
    window.action("undo").trigger()
    back = c.get(a.id)
    assert back is not None and back.created == a.created and back.quote == "Camp Ashraf"
    assert a.id in [x.id for _s, _e, x in page.annotation_spans()]
    window.action("redo").trigger()
    assert c.get(a.id) is None
    window.action("undo").trigger()  # undo the delete again
    window.action("undo").trigger()  # undo the edit of the note
    assert c.get(notes[0].id).body == "" and c.get(notes[0].id).tags == ()
    window.action("redo").trigger()
    assert c.get(notes[0].id).tags == ("1986", "construction")
    assert window.action("undo").isEnabled() and "Edit annotation" in window.action("undo").text()


def test_store_errors_are_messages_not_tracebacks(qtbot, make_window, monkeypatch):
    from ashraf_desktop.core.annotations import StorageError, StoreBusyError
    window = make_window(index=False)
    page = _open_text(qtbot, window, "about-camp-ashraf")
    _select(page, "Camp Ashraf")

    def busy(*args, **kwargs):
        raise StoreBusyError(3.0)
    monkeypatch.setattr(window.annotations.store, "create", busy)
    assert window.annotation_wiring.annotate_page(page, "yellow", False) is None
    assert window.status.said("another Ashraf Archive window is saving")
    assert "another Ashraf Archive window" in window.annotations_panel.status.text()

    def full(*args, **kwargs):
        raise StorageError("the disk is full; the annotation was not saved")
    monkeypatch.setattr(window.annotations.store, "create", full)
    assert window.annotation_wiring.annotate_page(page, "yellow", False) is None
    assert window.status.said("disk is full")
    # nothing selected: a hint, not an error
    page.browser.textCursor().clearSelection()
    cursor = page.browser.textCursor()
    cursor.clearSelection()
    page.browser.setTextCursor(cursor)
    assert window.annotation_wiring.annotate_page(page, "yellow", False) is None
    assert window.status.said("Select a passage")


def test_markdown_selection_maps_to_the_extracted_text(qtbot, make_window, tmp_path):
    md = b"# Camp notes\n\nThe **canal** was dug by hand in 1986, then [the gardens](http://x) were planted.\n"
    root = write_archive(tmp_path / "arch", {"notes": ("text/markdown", md)})
    window = make_window(root, index=False)
    page = _open_text(qtbot, window, "notes")
    doc = page.document_text()
    s = doc.index("canal was dug")
    from PySide6.QtGui import QTextCursor
    cursor = QTextCursor(page.browser.document())
    cursor.setPosition(s)
    cursor.setPosition(s + len("canal was dug by hand"), QTextCursor.MoveMode.KeepAnchor)
    page.browser.setTextCursor(cursor)
    a = window.annotation_wiring.annotate_page(page, "pink", False)
    assert a.quote == "canal was dug by hand"
    assert page.extracted.text[a.text.start:a.text.end] == "canal was dug by hand"
    assert [x.id for _s, _e, x in page.annotation_spans()] == [a.id]
    start, end, _ = page.annotation_spans()[0]
    assert doc[start:end] == "canal was dug by hand"


def test_pdf_annotates_the_current_match_or_the_page(qtbot, make_window, tmp_path, shared_testdata):
    data = (shared_testdata / PDF_4_PAGES).read_bytes()
    root = write_archive(tmp_path / "arch", {"sample": ("application/pdf", data)})
    window = make_window(root, index=False)
    page = window.open_item("sample", "the")
    qtbot.waitUntil(lambda: page.is_loaded and page.extracted is not None and page.hit_count() > 1, timeout=15_000)
    assert page.annotate_button.isEnabled()
    page.next_hit()
    page.annotate_button.click()  # the toolbar's annotate button: the current match, with a note
    [a] = window.annotations.for_item("sample")
    assert a.quote.casefold() == "the" and a.page is not None
    assert page.extracted.text[a.text.start:a.text.end] == a.quote
    assert page.annotation_label.text() == "✎ 1"
    assert window.annotations_panel.current_annotation().id == a.id
    page.find_text("")  # no match: a note on the current page
    page._set_term("")
    b = window.annotation_wiring.annotate_page(page, "orange", True)
    assert str(b.kind) == "note" and b.page == page.current_page() + 1 and b.quote
    assert page.annotation_label.text() == "✎ 2"
    assert page.show_annotation(a)


@pytest.fixture
def photo_archive(tmp_path: Path) -> Path:
    root = tmp_path / "photos"
    (root / "items").mkdir(parents=True)
    (root / "collection.toml").write_text('format = 1\nid = "photos"\ntitle = "Test photos"\n', encoding="utf-8")
    for name, colour in (("market", (200, 40, 40)), ("river", (40, 40, 200))):
        path = root / "items" / f"{name}.png"
        Image.new("RGB", (200, 150), colour).save(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        (root / "items" / f"{name}.toml").write_text(
            f'id = "{name}"\nkind = "image"\nfile = "{name}.png"\nsha256 = "{digest}"\ntitle = "The {name}"\n'
            f'date = "2005"\nformat = "image/png"\n', encoding="utf-8")
    (root / "timeline.toml").write_text("", encoding="utf-8")
    return root


def test_region_drawn_in_the_lightbox(qtbot, make_window, photo_archive):
    from PySide6.QtCore import QPoint, Qt
    window = make_window(photo_archive, index=False)
    gallery = window.gallery_panel
    qtbot.waitUntil(lambda: gallery.model.rowCount() == 2, timeout=10_000)
    box = gallery.open_lightbox(gallery.model.row_of("market"))
    qtbot.waitUntil(lambda: box.canvas.pixmap() is not None, timeout=10_000)
    box.resize(900, 600)
    qtbot.wait(50)
    box.act_region.trigger()  # Mark region (R)
    assert box.canvas.region_mode
    image = box.canvas.image_rect()
    a = QPoint(int(image.left() + image.width() * 0.25), int(image.top() + image.height() * 0.2))
    b = QPoint(int(image.left() + image.width() * 0.75), int(image.top() + image.height() * 0.6))
    qtbot.mousePress(box.canvas, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(box.canvas, b)
    qtbot.mouseRelease(box.canvas, Qt.MouseButton.LeftButton, pos=b)
    [region] = window.annotations.for_item("market")
    r = region.region
    assert str(region.kind) == "region" and not box.canvas.region_mode
    assert abs(r.x - 25) < 2 and abs(r.y - 20) < 2 and abs(r.w - 50) < 2 and abs(r.h - 40) < 2
    assert [x[0] for x in box.canvas.regions] == [region.id]
    panel = window.annotations_panel
    assert panel.current_annotation().id == region.id
    panel.note.setPlainText("Stall of the spice seller")
    panel.tags.setText("market")
    panel.save_current()
    assert box.canvas.regions[0][3] == "Stall of the spice seller"
    box.canvas.grab()  # regions paint
    window.action("undo").trigger()
    window.action("undo").trigger()
    assert window.annotations.for_item("market") == [] and box.canvas.regions == []
    window.action("redo").trigger()
    assert len(box.canvas.regions) == 1
    box.close()
    # opening the region from the panel shows the photo in the lightbox again
    assert window.open_annotation(region.id) is box and box.isVisible()


def test_all_annotations_filters_orphans_and_model(qtbot, qtmodeltester, make_window):
    window = make_window(index=False)
    c = window.annotations
    c.set_author("Reader One")
    page = _open_text(qtbot, window, "about-camp-ashraf")
    _select(page, "Camp Ashraf")
    first = window.annotation_wiring.annotate_page(page, "green", False)
    c.update(first.id, tags=("alpha",))
    c.set_author("Reader Two")
    _select(page, "Camp Ashraf", 1)
    second = window.annotation_wiring.annotate_page(page, "pink", False)
    c.update(second.id, tags=("beta",), body="second")
    other = _open_text(qtbot, window, "brief-history-of-ashraf-city")
    other.select_range(0, 10)
    third = window.annotation_wiring.annotate_page(other, "yellow", False)
    panel = window.annotations_panel
    assert panel.model.rowCount() == 1  # this item: the brief history
    panel.set_mode("all")
    assert panel.filters.isVisibleTo(panel) and panel.model.rowCount() == 3 and panel.model.show_item
    qtmodeltester.check(panel.model)
    panel.set_filter("tag", "alpha")
    assert [a.id for a in panel.model.annotations()] == [first.id]
    panel.set_filter("tag", None)
    panel.set_filter("author", "Reader Two")
    assert {a.id for a in panel.model.annotations()} == {second.id, third.id}
    panel.set_filter("colour", "pink")
    assert [a.id for a in panel.model.annotations()] == [second.id]
    panel.set_filter("colour", None)
    panel.set_filter("author", None)
    panel.set_filter("item_id", "brief-history-of-ashraf-city")
    assert [a.id for a in panel.model.annotations()] == [third.id]
    panel.set_filter("item_id", None)
    panel.set_filter("created_from", "2999-01-01")
    assert panel.model.rowCount() == 0 and panel.empty.isVisibleTo(panel)
    panel.set_filter("created_from", "")
    assert panel.model.rowCount() == 3
    # clicking one opens its item at its place
    panel._activated(panel.model.index(panel.model.row_of(second.id)))
    assert window.tabs.current_page() is page
    # a text that lost the passage: the annotation is kept and listed as orphaned
    c.store.reanchor_item(c.collection_id, "brief-history-of-ashraf-city", "an entirely different text")
    c.changed.emit(None)
    panel.set_mode("orphaned")
    assert [a.id for a in panel.model.annotations()] == [third.id]
    qtmodeltester.check(panel.model)
    panel.list.viewport().grab()
    # re-opening the document re-anchors it: found again
    window.annotation_wiring.page_annotatable(other)
    panel.refresh()
    assert panel.model.rowCount() == 0


def test_persist_across_windows_and_find_notes_by_search(qtbot, make_window, copied_archive):
    window = make_window(copied_archive, data="shared")
    c = window.annotations
    page = _open_text(qtbot, window, "about-camp-ashraf")
    _select(page, "Camp Ashraf")
    with qtbot.waitSignal(c.synced, timeout=20_000):
        a = window.annotation_wiring.annotate_page(page, "yellow", True)
    with qtbot.waitSignal(c.synced, timeout=20_000):
        c.update(a.id, body="A quixotic remark about the gates", tags=("gatehouse",))
    # note: finds it, shown as an annotation with its item
    with qtbot.waitSignal(window.search.result_shown, timeout=20_000) as blocker:
        window.search.set_query("note:quixotic")
    result = blocker.args[0]
    assert [h.kind for h in result.hits] == ["annotation"]
    hit = result.hits[0]
    assert hit.annotation_id == a.id and hit.title == page.item.title and hit.quote == "Camp Ashraf"
    window.search.list.viewport().grab()
    with qtbot.waitSignal(window.search.result_shown, timeout=20_000) as blocker:
        window.search.set_query("tag:gatehouse")
    assert [h.id for h in blocker.args[0].hits] == [a.id]
    # counts per item on the results
    with qtbot.waitSignal(window.search.result_shown, timeout=20_000) as blocker:
        window.search.set_query("Ashraf")
    model = window.search.results
    from ashraf_desktop.ui.search.models import AnnotationCountRole
    counts = {model.hit(r).id: model.index(r).data(AnnotationCountRole) for r in range(model.rowCount())}
    assert counts.get("about-camp-ashraf") == 1
    window.search.list.viewport().grab()  # the delegate draws "✎ 1"
    # opening the annotation hit opens the item at the annotation
    window.tabs.close_current()
    opened = window.open_hit(hit, "note:quixotic")
    qtbot.waitUntil(lambda: opened.extracted is not None and bool(opened.annotation_spans()), timeout=10_000)
    assert window.annotations_panel.current_annotation().id == a.id
    window.close()

    # a new window on the same data folder: the note is there, painted, and still found
    again = make_window(copied_archive, data="shared")
    assert [x.id for x in again.annotations.for_item("about-camp-ashraf")] == [a.id]
    page2 = _open_text(qtbot, again, "about-camp-ashraf")
    assert [x.id for _s, _e, x in page2.annotation_spans()] == [a.id]
    with qtbot.waitSignal(again.search.result_shown, timeout=20_000) as blocker:
        again.search.set_query("quixotic")
    assert a.id in [h.id for h in blocker.args[0].hits]


def test_export_import_round_trip_through_the_menu_functions(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    window = make_window(index=False)
    c = window.annotations
    page = _open_text(qtbot, window, "about-camp-ashraf")
    _select(page, "Camp Ashraf")
    a = window.annotation_wiring.annotate_page(page, "green", False)
    c.update(a.id, body="Exported note", tags=("export",))
    whole = c.create(page.item, "note", body="About the whole text")
    out = tmp_path / "out.jsonld"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kw: (str(out), "W3C Web Annotation JSON-LD (*.jsonld *.json)")))
    window.action("export_annotations").trigger()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 2
    assert c.export_annotations(tmp_path / "out.csv").read_text(encoding="utf-8").count("\n") >= 3
    assert "Exported note" in c.export_annotations(tmp_path / "out.md").read_text(encoding="utf-8")

    other = make_window(index=False)
    other.ensure_panels()  # the annotations' menu entries come with their panel, built after the first paint
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kw: (str(out), "")))
    other.action("import_annotations").trigger()
    box = other.annotations._report_box
    assert box.isVisible() and "2 added" in box.text()
    box.close()
    ids = {x.id for x in other.annotations.for_item("about-camp-ashraf")}
    assert ids == {a.id, whole.id}
    assert other.annotations.get(a.id).tags == ("export",)
    again = other.annotations.import_annotations(out, show_report=False)
    assert len(again.unchanged) == 2 and not again.added
    # exporting from the second window gives the same bytes
    assert other.annotations.export_annotations(tmp_path / "again.jsonld").read_text(encoding="utf-8") == \
        out.read_text(encoding="utf-8")
    # an unreadable file is a message
    bad = tmp_path / "bad.jsonld"
    bad.write_text("{not json", encoding="utf-8")
    assert other.annotations.import_annotations(bad, show_report=False) is None
    assert other.status.said("not valid JSON")


def test_restore_from_backup_and_preferences(qtbot, make_window):
    window = make_window(index=False)
    c = window.annotations
    page = _open_text(qtbot, window, "about-camp-ashraf")
    kept = c.create(page.item, "note", body="kept")
    qtbot.waitUntil(lambda: not c._backing_up, timeout=10_000)  # the start-up copy (same file name) is done
    c.store.backup_now()
    c.create(page.item, "note", body="after the backup")
    [backup] = [b for b in c.backups() if b.kind == "daily"]
    safety = c.restore_from_backup(backup)
    assert safety is not None and safety.is_file()
    assert [x.id for x in c.for_item("about-camp-ashraf")] == [kept.id]
    assert not window.action("undo").isEnabled()  # the undo history does not survive a restore
    assert page.annotations == [] or all(x.id == kept.id for x in page.annotations)
    # Edit ▸ Preferences…: the author name
    window.action("preferences").trigger()
    dialog = window.preferences.dialog
    from ashraf_desktop.ui.preferences import AuthorPage
    [author] = [w for _t, w in dialog.pages if isinstance(w, AuthorPage)]
    author.name.setText("  Second   Reader ")
    dialog.accept()
    assert c.author == "Second Reader"
    assert c.create(page.item, "note", body="signed").author == "Second Reader"


def test_backup_is_made_in_the_background_at_start(qtbot, make_window):
    window = make_window(index=False)
    c = window.annotations
    c.create(window.archive.items[0], "note", body="something to back up")
    c.backup_in_background()
    qtbot.waitUntil(lambda: any(b.kind == "daily" for b in c.backups()), timeout=10_000)
