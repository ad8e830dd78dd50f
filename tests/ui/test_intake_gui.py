"""Issue 18 in the window: File > Read text in scanned pages for an import, Edit > Read scanned pages... later,
the machine-read label in the provenance panel, e-mail attachments linked both ways."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _import(qtbot, window, *paths: Path):
    with qtbot.waitSignal(window.importer.finished, timeout=120_000) as blocker:
        assert window.importer.drop(_mime(*paths))
    return blocker.args[0]


def _ids(window, query: str) -> list[str]:
    return [h.id for h in window.index.search(query).hits]


def test_an_import_with_ocr_chosen_makes_the_scan_searchable_and_says_it_is_machine_read(
        qtbot, make_window, tesseract, shared_testdata):
    from ashraf_desktop.ui.provenance import provenance_rows
    window = make_window()
    assert not window.action("ocr_on_import").isChecked()  # off until chosen: reading is slow
    window.action("ocr_on_import").setChecked(True)
    assert window.importer.ocr.languages() == ["eng"]  # the bundled archive's language
    report = _import(qtbot, window, shared_testdata / "pdfs" / "ocrmypdf" / "c02-22.pdf")
    [outcome] = report.added
    assert "machine-read text" in outcome.message
    assert _ids(window, "widow") == [outcome.item_id]
    rows = dict(provenance_rows(window.archive.item(outcome.item_id), window.archive))
    assert "Tesseract" in rows["Machine-read text"] and "may contain errors" in rows["Machine-read text"]


def test_scanned_pages_can_be_read_later_from_the_edit_menu(qtbot, make_window, tesseract, shared_testdata):
    window = make_window()
    report = _import(qtbot, window, shared_testdata / "pdfs" / "ocrmypdf" / "linn.pdf")
    item_id = report.added[0].item_id
    assert "until its pages are read (OCR)" in report.added[0].message
    assert _ids(window, "LinnSequencer") == []
    shown: list[str] = []
    window.show_message = lambda text, timeout=0: shown.append(text)  # the message the user reads at the end
    assert window.importer.ocr.read_items([item_id])
    qtbot.waitUntil(lambda: window.importer.ocr.job is None and any("words read" in t for t in shown),
                    timeout=120_000)
    qtbot.waitUntil(lambda: _ids(window, "LinnSequencer") == [item_id], timeout=20_000)


def test_an_attachment_and_its_message_name_each_other(qtbot, make_window, shared_testdata):
    from ashraf_desktop.ui.provenance import provenance_rows
    window = make_window()
    report = _import(qtbot, window, shared_testdata / "email" / "flanker" / "attached-pdf.eml")
    message_id, pdf_id = report.added[0].item_id, report.added[1].item_id
    message_rows = dict(provenance_rows(window.archive.item(message_id), window.archive))
    pdf_rows = dict(provenance_rows(window.archive.item(pdf_id), window.archive))
    assert pdf_id in message_rows["Attachments"] and message_id in pdf_rows["Attachment of"]
    # the provenance panel links them: a click on the attachment opens it
    from PySide6.QtCore import QUrl
    window.provenance.show_item(window.archive.item(message_id))
    assert f"item-link:{pdf_id}" in window.provenance.details.toHtml()
    window.provenance.details.anchorClicked.emit(QUrl(f"item-link:{pdf_id}"))
    qtbot.waitUntil(lambda: getattr(getattr(window.tabs.current_page(), "item", None), "id", None) == pdf_id,
                    timeout=10_000)


def test_an_email_opens_with_its_headers_and_its_attachments_linked(qtbot, make_window, shared_testdata):
    window = make_window()
    report = _import(qtbot, window, shared_testdata / "email" / "flanker" / "attached-pdf.eml")
    message_id, pdf_id = report.added[0].item_id, report.added[1].item_id
    page = window.open_item(message_id)
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    shown = page.browser.toPlainText()
    assert shown.startswith("Date: 2014-06-04") and "Subject: test message via curl" in shown
    assert "base64" not in shown  # the message, not its MIME source
    assert f'href="{pdf_id}"' in page.attachments.text()
    page.attachments.linkActivated.emit(pdf_id)
    qtbot.waitUntil(lambda: getattr(getattr(window.tabs.current_page(), "item", None), "id", None) == pdf_id,
                    timeout=10_000)
