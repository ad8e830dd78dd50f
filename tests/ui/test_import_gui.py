"""Importing through the window, as a user sees it: drop files or folders, watch the progress in the status
bar, read the report, find the new items by search, on the timeline and in the gallery; cancel, retry the
failed files, duplicates skipped; the Dublin Core form (EDTF dates checked as typed, batch edits write only
what changed, the bundled archive read-only); a BagIt bag dropped on the window."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication


@pytest.fixture
def copied_archive(tmp_path: Path) -> Path:
    """The bundled archive in a folder of its own: its search index is not the session's shared one."""
    from ashraf_desktop.paths import bundled_archive
    return Path(shutil.copytree(bundled_archive(), tmp_path / "archive-copy"))


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drop(window, *paths: Path) -> None:
    """A real drop event on the window (what the user's mouse makes)."""
    mime = _mime(*paths)
    event = QDropEvent(QPointF(400, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert event.isAccepted()


def _import(qtbot, window, *paths: Path, drop: bool = False, timeout: int = 90_000):
    """Import and wait for the report (the window shows the new items by then)."""
    with qtbot.waitSignal(window.importer.finished, timeout=timeout) as blocker:
        if drop:
            _drop(window, *paths)
        else:
            assert window.importer.drop(_mime(*paths))
    return blocker.args[0]


def _search(qtbot, window, query: str):
    with qtbot.waitSignal(window.search.result_shown, timeout=20_000) as blocker:
        window.search.set_query(query)
    return blocker.args[0]


def _texts(folder: Path, files: dict[str, bytes | str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    return folder


def _outcome(report, name: str):
    return next(o for o in report.outcomes if Path(o.path).name == name)


def _proxy_row(dialog, name: str) -> int:
    for row in range(dialog.proxy.rowCount()):
        r = dialog.row_at(row)
        if r is not None and r.path.name == name:
            return row
    raise AssertionError(f"{name} not in the report")


def _hold_after_first_item(monkeypatch, window) -> threading.Event:
    """Make the import wait, after committing its first item, until the window has shown that item: what
    "the window shows items while the import runs" means, whatever the machine's speed (on a fast one the
    whole folder is imported before the first timed reload). Returns the event the import waits on."""
    import ashraf_desktop.core.ingest as ingest
    shown = threading.Event()
    real_import = ingest.import_files

    def import_files(*args, on_added=None, **kwargs):
        first: list[str] = []

        def added(item_id: str) -> None:
            on_added(item_id)
            if not first:
                first.append(item_id)
                assert shown.wait(60), "the window did not show the first imported item while importing"
        return real_import(*args, on_added=added, **kwargs)

    def reloaded(archive) -> None:
        if window.importer.running and any(archive.layer_of(i) is not None for i in archive.items):
            shown.set()
    window.archive_reloaded.connect(reloaded)
    monkeypatch.setattr(ingest, "import_files", import_files)
    return shown


def test_drop_the_pdf_folder_progress_report_search_timeline(qtbot, make_window, copied_archive, shared_testdata,
                                                            monkeypatch):
    from ashraf_desktop.core.ingest import collect
    window = make_window(copied_archive)
    folder = shared_testdata / "pdfs"
    files, refused = collect([folder])
    seen: list[tuple[int, int, str, str]] = []
    reloads: list[bool] = []
    window.archive_reloaded.connect(lambda _a: reloads.append(window.importer.running))
    shown_while_running = _hold_after_first_item(monkeypatch, window)

    def started(job):
        assert job.status is not None and job.status.cancel_button.isVisible()
        job.progressed.connect(lambda d, t, n: seen.append((d, t, n, job.status.label.text() if job.status else "")))
    window.importer.started.connect(started)

    report = _import(qtbot, window, folder, drop=True)

    # progress: done/total and the file's name in the status bar, then the progress goes away
    assert seen and all(t == len(files) for _d, t, _n, _l in seen)
    assert any(label.startswith("Importing ") and f"/{len(files)}: " in label and n.endswith(".pdf")
               for _d, _t, n, label in seen)
    assert window.importer.job is None
    # the window showed items while the import was still running (not only at the end)
    assert shown_while_running.is_set() and True in reloads and reloads[-1] is False
    # the report: every file accounted for, each failure with its reason
    assert len(report.added) + len(report.duplicates) + len(report.failed) == len(files) + len(refused)
    assert report.added and report.failed and all(o.message for o in report.failed)
    dialog = window.importer.report_dialog
    assert dialog.isVisible() and dialog.model.rowCount() == len(report.outcomes)
    assert f"{len(report.added)} added" in dialog.summary.text()
    assert dialog.retry_button.isEnabled() and dialog.edit_button.isEnabled()
    failed_row = dialog.row_at(_proxy_row(dialog, Path(report.failed[0].path).name))
    assert failed_row.status == "failed" and failed_row.message

    # found by search, on the timeline (dated from the PDF's info), opened from the report
    vicksburg = _outcome(report, "Seige_of_Vicksburg_Sample_OCR.pdf")
    assert vicksburg.status == "added"
    item = window.archive.item(vicksburg.item_id)
    assert item is not None and window.archive.layer_of(item) is not None
    result = _search(qtbot, window, "Vicksburg")
    assert vicksburg.item_id in {h.id for h in result.hits}
    assert window.timeline_panel.renderer.model.item(vicksburg.item_id) is not None
    page = dialog.open_row(_proxy_row(dialog, "Seige_of_Vicksburg_Sample_OCR.pdf"))
    assert page is not None and page.item.id == vicksburg.item_id


def test_photos_dropped_appear_in_the_gallery_and_on_the_timeline(qtbot, make_window, copied_archive,
                                                                 shared_testdata, tmp_path):
    photos = tmp_path / "box of photos"
    photos.mkdir()
    for name in ("flower.webp", "broken_exif_dpi.jpg", "hopper.jpg", "broken.png"):
        shutil.copy(shared_testdata / "photos" / "pillow" / name, photos / name)
    window = make_window(copied_archive, index=False)
    assert window.gallery_panel.model.total == 0
    report = _import(qtbot, window, photos, drop=True)
    assert (len(report.added), len(report.failed)) == (3, 1)
    assert "broken.png" in str(report.failed[0].path)
    flower = _outcome(report, "flower.webp").item_id
    gallery = window.gallery_panel.model
    assert {i.id for i in gallery.all_items()} == {o.item_id for o in report.added}
    assert gallery.row_of(flower) >= 0
    timeline = window.timeline_panel.renderer.model
    assert timeline.item(flower) is not None and timeline.item(flower).date.edtf.startswith("2003-12-14")
    assert "3 images" in window.status.archive_label.text()


def test_duplicates_are_skipped_and_failed_files_retried(qtbot, make_window, copied_archive, tmp_path):
    window = make_window(copied_archive)
    folder = _texts(tmp_path / "incoming", {
        "marigold-report.txt": "The marigold irrigation report of the camp gardens.\n",
        "notes.md": "# Field notes\n\nWater tower repairs.\n",
        "broken.txt": bytes(range(256)) * 8,  # not text, whatever its name says
    })
    report = _import(qtbot, window, folder)
    assert (len(report.added), len(report.duplicates), len(report.failed)) == (2, 0, 1)
    dialog = window.importer.report_dialog
    assert dialog.retry_button.text() == "Retry failed (1)"
    assert "broken.txt" in dialog.model.index(_proxy_row(dialog, "broken.txt"), 0).data()

    # the file is fixed where it is; Retry failed imports it (and only it)
    (folder / "broken.txt").write_text("Now a proper text about the bakery.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as blocker:
        dialog.retry_button.click()
    retried = blocker.args[0]
    assert (len(retried.added), len(retried.failed)) == (1, 0)
    assert Path(retried.added[0].path).name == "broken.txt"
    assert dialog.report is retried and not dialog.retry_button.isEnabled()
    assert retried.added[0].item_id in {h.id for h in _search(qtbot, window, "bakery").hits}

    # the same file again: a duplicate, naming the item that has it; double-click opens that item
    again = _import(qtbot, window, folder / "marigold-report.txt")
    assert (len(again.added), len(again.duplicates)) == (0, 1)
    first = _outcome(report, "marigold-report.txt").item_id
    assert again.duplicates[0].item_id == first
    assert dialog.model.index(0, 1).data() == "= duplicate"
    page = dialog.open_row(0)
    assert page is not None and page.item.id == first
    text = dialog.copy()
    assert text == QGuiApplication.clipboard().text() and "duplicate" in text and "marigold-report.txt" in text
    assert len([i for i in window.archive.items if window.archive.layer_of(i)]) == 3


def test_cancel_then_retry_imports_the_rest(qtbot, make_window, copied_archive, tmp_path):
    window = make_window(copied_archive, index=False)
    folder = _texts(tmp_path / "many", {f"letter-{n:02d}.txt": f"Letter number {n} about the camp.\n" * 40
                                        for n in range(60)})
    stopping = []

    def cancel_on_first_item(_item_id: str) -> None:  # the user sees the first item arrive and clicks Cancel
        job = window.importer.job
        if job is not None and not stopping:
            job.status.cancel_button.click()
            stopping.append(job.status.label.text())
    window.importer.started.connect(lambda job: job.added.connect(cancel_on_first_item))
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as blocker:
        assert window.importer.import_paths([folder])
    report = blocker.args[0]
    assert stopping and "stopping" in stopping[0]
    assert report.cancelled and report.added and report.not_started
    assert len(report.added) + len(report.not_started) == 60
    dialog = window.importer.report_dialog
    assert "cancelled" in dialog.summary.text()
    assert dialog.model.rowCount() == 60  # the files not started are listed too
    assert dialog.retry_button.isEnabled()
    # what was committed before the cancel is in the archive, whole
    layered = [i for i in window.archive.items if window.archive.layer_of(i) is not None]
    assert len(layered) == len(report.added)
    window.importer.started.disconnect()
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as blocker:
        dialog.retry()
    rest = blocker.args[0]
    assert not rest.cancelled and len(rest.added) == len(report.not_started)
    assert len([i for i in window.archive.items if window.archive.layer_of(i) is not None]) == 60


def test_a_second_import_waits_for_the_first(qtbot, make_window, copied_archive, tmp_path):
    window = make_window(copied_archive, index=False)
    folder = _texts(tmp_path / "a", {f"f{n}.txt": f"text {n}\n" for n in range(5)})
    with qtbot.waitSignal(window.importer.finished, timeout=60_000):
        assert window.importer.import_paths([folder])
        assert not window.importer.import_paths([folder])
        assert window.status.said("already running")


def test_metadata_form_checks_edtf_as_typed_and_batch_writes_only_changed_fields(qtbot, make_window,
                                                                                copied_archive, tmp_path):
    from ashraf_desktop.ui.importing import MIXED
    window = make_window(copied_archive)
    folder = _texts(tmp_path / "pair", {"canal-survey.txt": "Survey of the canal.\n",
                                        "well-survey.txt": "Survey of the wells.\n"})
    report = _import(qtbot, window, folder)
    ids = [o.item_id for o in report.added]
    titles = {i: window.archive.item(i).title for i in ids}
    assert len(set(titles.values())) == 2

    dialog = window.importer.report_dialog.edit_added()  # "Edit metadata of added…"
    assert dialog.isVisible() and [i.id for i in dialog.items] == ids
    title = dialog.fields["title"]
    assert title.text() == "" and MIXED in title.editor.placeholderText()
    assert not dialog.save_button.isEnabled()  # nothing changed yet

    date = dialog.fields["date"].editor
    qtbot.keyClicks(date, "2003-13")
    assert dialog.fields["date"].error.isVisible()
    assert "EDTF" in dialog.fields["date"].error.text() or "date" in dialog.fields["date"].error.text()
    assert not dialog.save_button.isEnabled()
    date.clear()
    qtbot.keyClicks(date, "2003-04~")
    assert not dialog.fields["date"].error.isVisible()
    assert dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.fields["creator"].editor, "Camp Archivist; Second Hand")
    assert dialog.changes() == {"date": "2003-04~", "creator": ["Camp Archivist", "Second Hand"]}

    with qtbot.waitSignal(window.importer.metadata_saved, timeout=30_000):
        dialog.save_button.click()
    assert not dialog.isVisible()
    for item_id in ids:
        item = window.archive.item(item_id)
        assert item.metadata.date == "2003-04~"
        assert item.metadata.creator == ("Camp Archivist", "Second Hand")
        assert item.title == titles[item_id]  # the mixed field was left as each item had it
    # the new date puts the items on the timeline; the new creator is found by search
    assert all(window.timeline_panel.renderer.model.item(i) is not None for i in ids)
    assert set(ids) <= {h.id for h in _search(qtbot, window, "Archivist").hits}


def test_single_item_form_and_a_refused_value(qtbot, make_window, copied_archive, tmp_path):
    window = make_window(copied_archive, index=False)
    report = _import(qtbot, window, _texts(tmp_path / "one", {"memo.txt": "A memo.\n"}))
    item_id = report.added[0].item_id
    page = window.open_item(item_id)
    assert page is not None
    window.action("edit_metadata").trigger()  # Edit ▸ Edit metadata… on the open item
    dialog = window.importer.metadata_dialog
    assert [i.id for i in dialog.items] == [item_id] and not dialog.note.isVisible()
    assert dialog.fields["title"].text() == window.archive.item(item_id).title
    dialog.set_field("title", "")
    assert "title is required" in dialog.fields["title"].error.text()
    assert not dialog.save_button.isEnabled()
    dialog.set_field("title", "Memo on the water supply")
    dialog.set_field("type", "Memo")
    assert "DCMI" in dialog.fields["type"].error.text()
    dialog.set_field("type", "Text")
    dialog.set_field("tags", "water, supply,  water")
    assert dialog.changes()["tags"] == ["water", "supply"]
    with qtbot.waitSignal(window.importer.metadata_saved, timeout=30_000):
        assert dialog.save()
    item = window.archive.item(item_id)
    assert item.title == "Memo on the water supply" and item.tags == ("water", "supply")
    # the open tab and the provenance panel show the new description
    assert window.tabs.tabText(window.tabs.currentIndex()).startswith("Memo on the water")
    assert window.provenance.item.title == "Memo on the water supply"


def test_bundled_items_are_read_only_in_the_form(qtbot, make_window, copied_archive, tmp_path):
    window = make_window(copied_archive, index=False)
    dialog = window.importer.edit_metadata(["about-camp-ashraf"])
    assert dialog.read_only and dialog.save_button is None
    assert dialog.note.isVisible() and "read-only" in dialog.note.text()
    assert all(f.editor.isReadOnly() for f in dialog.fields.values())
    assert dialog.fields["title"].text() == "About Camp Ashraf"
    assert not dialog.save()

    # a selection of a bundled item and an imported one: only the imported one is changed
    report = _import(qtbot, window, _texts(tmp_path / "x", {"x.txt": "x\n"}))
    new = report.added[0].item_id
    dialog = window.importer.edit_metadata(["about-camp-ashraf", new])
    assert not dialog.read_only and "1 of the 2" in dialog.note.text()
    dialog.set_field("rights", "CC BY 4.0")
    with qtbot.waitSignal(window.importer.metadata_saved, timeout=30_000) as blocker:
        dialog.save()
    assert blocker.args[0] == [new]
    assert window.archive.item(new).metadata.rights == "CC BY 4.0"
    assert window.archive.item("about-camp-ashraf").metadata.rights != "CC BY 4.0"


def test_selected_results_open_the_batch_form(qtbot, make_window, copied_archive, tmp_path):
    window = make_window(copied_archive)
    report = _import(qtbot, window, _texts(tmp_path / "s", {"pump-a.txt": "pump station alpha\n",
                                                           "pump-b.txt": "pump station beta\n"}))
    result = _search(qtbot, window, "\"pump station\"")
    assert result.total == 2
    window.search.list.selectAll()
    assert sorted(window.search.selected_item_ids()) == sorted(o.item_id for o in report.added)
    window.search.list.setFocus()
    window.action("edit_metadata").trigger()
    assert len(window.importer.metadata_dialog.items) == 2


def test_bag_dropped_on_the_window_is_imported(qtbot, make_window, copied_archive, tmp_path):
    from ashraf_desktop.core.integrity import export_bag
    first = make_window(copied_archive, index=False, data="one")
    report = _import(qtbot, first, _texts(tmp_path / "b", {"ledger.txt": "The ledger of the store.\n"}))
    ledger = report.added[0].item_id
    bag = export_bag(first.archive, tmp_path / "bag")

    other = Path(shutil.copytree(copied_archive, tmp_path / "other-archive", ignore=shutil.ignore_patterns()))
    second = make_window(other, index=False, data="two")
    assert second.archive.item(ledger) is None
    result = _import(qtbot, second, bag, drop=True)
    assert [o.item_id for o in result.added] == [ledger]
    assert second.archive.item(ledger) is not None
    assert all(o.status == "duplicate" for o in result.outcomes if o.item_id != ledger)


def test_files_dropped_on_the_document_view_or_the_search_box_are_imported(qtbot, make_window, copied_archive,
                                                                          tmp_path):
    """Widgets that take drops themselves (the document's text, the search box) pass files to the import."""
    from PySide6.QtGui import QDragEnterEvent
    from PySide6.QtWidgets import QApplication
    window = make_window(copied_archive, index=False)
    page = window.open_item("about-camp-ashraf")
    qtbot.waitUntil(lambda: page.is_loaded)
    file = _texts(tmp_path / "d", {"dropped.txt": "dropped on the text\n"}) / "dropped.txt"
    mime = _mime(file)  # kept: an event holds only a pointer to its data
    for target in (page.browser.viewport(), window.search.box):
        enter = QDragEnterEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target, enter)
        assert enter.isAccepted()
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as blocker:
        drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(page.browser.viewport(), drop)
    assert len(blocker.args[0].added) == 1
    assert window.search.box.text() == ""  # the path was not typed into the box
    # a plain text drag is still the widget's own (no import)
    text = QMimeData()
    text.setText("some words")
    enter = QDragEnterEvent(QPointF(5, 5), Qt.DropAction.CopyAction, text, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.search.box, enter)
    assert not window.importer.accepts(text)


def test_an_imported_page_shows_its_pictures_from_the_layer(qtbot, make_window, copied_archive, tmp_path):
    """The viewer reads local files of every root of the archive (the user's layer too), nothing else."""
    from PySide6.QtGui import QColor, QImage
    folder = tmp_path / "page"
    folder.mkdir()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#1864ab"))
    image.save(str(folder / "plan.png"))
    outside = tmp_path / "elsewhere.png"
    image.save(str(outside))
    (folder / "site-plan.html").write_text(
        "<html><head><title>Site plan</title></head><body><p>The plan of the site.</p>"
        f'<img src="plan.png"><img src="{QUrl.fromLocalFile(str(outside)).toString()}"></body></html>',
        encoding="utf-8")
    window = make_window(copied_archive, index=False)
    report = _import(qtbot, window, folder)
    assert len(report.added) == 2
    page_id = next(o.item_id for o in report.added if Path(o.path).suffix == ".html")
    page = window.open_item(page_id)
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    assert window.archive.layer_of(page.item) in page.browser.roots
    page.browser.viewport().grab()  # paint: the images are asked for
    assert not any("plan.png" in u for u in page.browser.blocked)
    assert any("elsewhere.png" in u for u in page.browser.blocked)


def test_report_model(qtmodeltester, tmp_path):
    from ashraf_desktop.core.ingest.report import ImportReport, Outcome
    from ashraf_desktop.ui.importing import ReportModel, report_text
    report = ImportReport(outcomes=[Outcome(tmp_path / "a.pdf", "added", "added as 'A' (a)", "a"),
                                    Outcome(tmp_path / "b.pdf", "duplicate", "the same file is …", "x"),
                                    Outcome(tmp_path / "c.pdf", "failed", "damaged")],
                          cancelled=True, not_started=[tmp_path / "d.pdf"])
    model = ReportModel()
    model.set_report(report)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert [model.index(r, 1).data() for r in range(4)] == ["✓ added", "= duplicate", "✕ failed", "– not started"]
    assert model.index(0, 0).data() == "a.pdf"
    text = report_text(report)
    assert "1 added" in text and "damaged" in text and "d.pdf" in text


def test_gallery_add_photos_button_imports(qtbot, make_window, copied_archive, monkeypatch, tmp_path):
    from ashraf_desktop.ui.importing import controller as importing
    window = make_window(copied_archive, index=False)
    gallery = window.gallery_panel
    assert gallery.import_available and gallery.add_button.isVisibleTo(gallery)  # the empty gallery offers it
    picture = tmp_path / "red.png"
    from PIL import Image
    Image.new("RGB", (64, 48), (200, 30, 30)).save(picture)
    monkeypatch.setattr(importing.QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(picture)], ""))
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as blocker:
        gallery.add_button.click()
    assert len(blocker.args[0].added) == 1
    assert gallery.model.total == 1 and not gallery.add_hint.isVisible()
