"""Viewer tabs on real and broken files: PDFs render, bad input becomes a message naming the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

import sys

sys.path.insert(0, str(Path(__file__).parent))
from archives import write_archive  # noqa: E402

PDF_4_PAGES = "pdfs/py-pdf-sample-files/004-pdflatex-4-pages/pdflatex-4-pages.pdf"
PDF_INVALID = "pdfs/ocrmypdf/invalid.pdf"
PDF_ENCRYPTED = "pdfs/py-pdf-sample-files/005-libreoffice-writer-password/libreoffice-writer-password.pdf"


def _non_white(image) -> int:
    count = 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            c = image.pixelColor(x, y)
            if c.red() < 200 and c.alpha() > 0:
                count += 1
    return count


def test_pdf_renders_a_page_and_finds_hits(qtbot, make_window, tmp_path, shared_testdata):
    data = (shared_testdata / PDF_4_PAGES).read_bytes()
    root = write_archive(tmp_path / "arch", {"sample": ("application/pdf", data)})
    window = make_window(root, index=False)
    page = window.open_item("sample", "the")
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    assert page.error is None
    assert page.document.pageCount() == 4
    assert page.page_count.text() == "of 4"
    # QPdfView renders asynchronously: wait until the viewport shows ink
    qtbot.waitUntil(lambda: _non_white(page.view.viewport().grab().toImage()) > 20, timeout=10_000)
    qtbot.waitUntil(lambda: page.hit_count() > 1, timeout=10_000)
    assert page.hit_label().startswith("1 of ")
    page.next_hit()
    assert page.hit_label().startswith("2 of ")
    page.go_to_page(2)
    qtbot.waitUntil(lambda: page.page_box.value() == 3, timeout=5000)
    page.zoom(1)
    assert page.view.zoomFactor() > 1.0


@pytest.mark.parametrize("how", ["invalid", "truncated"])
def test_broken_pdf_shows_its_message(qtbot, make_window, tmp_path, shared_testdata, how):
    if how == "invalid":
        data = (shared_testdata / PDF_INVALID).read_bytes()
    else:
        data = (shared_testdata / PDF_4_PAGES).read_bytes()[:1500]
    root = write_archive(tmp_path / "arch", {"broken": ("application/pdf", data)})
    window = make_window(root, index=False)
    page = window.open_item("broken")
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    assert page.error and "broken.pdf" in page.error
    assert page.stack.currentWidget() is page.message_box
    # nothing else broke: the rest of the window still works
    window.open_event  # noqa: B018
    assert window.tabs.count() >= 1


def test_encrypted_pdf_asks_for_the_password(qtbot, make_window, tmp_path, shared_testdata, monkeypatch):
    data = (shared_testdata / PDF_ENCRYPTED).read_bytes()
    root = write_archive(tmp_path / "arch", {"locked": ("application/pdf", data)})
    window = make_window(root, index=False)
    page = window.open_item("locked")
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    assert "encrypted" in page.message.text() and "locked.pdf" in page.message.text()
    assert not page.message_action.isHidden()
    from PySide6.QtWidgets import QInputDialog
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("openpassword", True)))
    page.message_action.click()
    assert page.error is None
    assert page.document.pageCount() >= 1


def test_undecodable_and_huge_text_files_show_messages(qtbot, make_window, tmp_path, monkeypatch):
    root = write_archive(tmp_path / "arch", {
        "binary": ("text/plain", bytes(range(256)) * 64),
        "huge": ("text/plain", b"word " * 1000),
    })
    from ashraf_desktop.ui.viewer import text_page
    monkeypatch.setattr(text_page, "VIEW_MAX_BYTES", 1000)
    window = make_window(root, index=False)
    page = window.open_item("binary")
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    assert page.error and "binary.txt" in page.error
    page2 = window.open_item("huge")
    qtbot.waitUntil(lambda: page2.is_loaded, timeout=10_000)
    assert page2.error and "huge.txt" in page2.error and "too large" in page2.error


def test_persian_text_is_right_to_left(qtbot, make_window, tmp_path):
    text = "English first line.\nاشرف در استان دیالی است.\n"
    root = write_archive(tmp_path / "arch", {"fa": ("text/plain", text.encode("utf-8"))})
    window = make_window(root, index=False)
    page = window.open_item("fa")
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    from PySide6.QtCore import Qt
    doc = page.browser.document()
    assert doc.findBlockByNumber(0).textDirection() == Qt.LayoutDirection.LeftToRight
    assert doc.findBlockByNumber(1).textDirection() == Qt.LayoutDirection.RightToLeft


def test_text_browser_fetches_nothing_remote(qtbot, tmp_path):
    from ashraf_desktop.ui.viewer.browser import SafeTextBrowser
    outside = tmp_path / "outside.png"
    shutil.copy(Path(__file__).resolve().parents[2] / "resources" / "icons" / "ashraf-archive-256.png", outside)
    inside_root = tmp_path / "archive"
    inside_root.mkdir()
    shutil.copy(outside, inside_root / "inside.png")
    browser = SafeTextBrowser(inside_root)
    qtbot.addWidget(browser)
    browser.document().setBaseUrl(QUrl.fromLocalFile(str(inside_root) + "/"))
    browser.setHtml('<p>x<img src="http://example.com/track.png"><img src="https://example.org/a.css">'
                    f'<img src="{QUrl.fromLocalFile(str(outside)).toString()}"><img src="inside.png"></p>')
    browser.resize(400, 300)
    browser.show()
    qtbot.wait(50)
    assert "http://example.com/track.png" in browser.blocked
    assert "https://example.org/a.css" in browser.blocked
    assert any("outside.png" in u for u in browser.blocked)
    assert not any("inside.png" in u for u in browser.blocked)
    # an external link is announced, not followed
    with qtbot.waitSignal(browser.external_link, timeout=1000) as blocker:
        browser.anchorClicked.emit(QUrl("https://example.com/page"))
    assert blocker.args == ["https://example.com/page"]
