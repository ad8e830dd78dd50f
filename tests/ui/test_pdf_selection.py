"""Issue 18 item 2 and the OCR "Done when": text selected with the mouse in a PDF, on born-digital and OCR'd
pages alike, copied and annotated with the same W3C selectors as text; hits on machine-read pages drawn at
the words' boxes; a Persian span on an OCR'd page copies out as the same words and finds itself by search."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).parent))
from archives import write_archive  # noqa: E402

PDF_4_PAGES = "pdfs/py-pdf-sample-files/004-pdflatex-4-pages/pdflatex-4-pages.pdf"
PHRASE = "یک فایل لاتک نمونه"  # "a sample LaTeX file", as typed


def _ink(image, rect: QRectF) -> list[tuple[int, int, int]]:
    out = []
    r = rect.toRect()
    for y in range(max(0, r.top()), min(image.height(), r.bottom()), 2):
        for x in range(max(0, r.left()), min(image.width(), r.right()), 2):
            c = image.pixelColor(x, y)
            out.append((c.red(), c.green(), c.blue()))
    return out


def _mouse(widget, kind: QEvent.Type, pos: QPointF, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, pos, widget.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def _drag(view, start: QPointF, end: QPointF) -> None:
    """What the user's mouse does: press, move with the button held, release."""
    port = view.viewport()
    left = Qt.MouseButton.LeftButton
    _mouse(port, QEvent.Type.MouseButtonPress, start, left)
    _mouse(port, QEvent.Type.MouseMove, (start + end) / 2, left)
    _mouse(port, QEvent.Type.MouseMove, end, left)
    _mouse(port, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def _open_pdf(qtbot, make_window, root: Path, item_id: str, query: str = ""):
    window = make_window(root, index=False)
    page = window.open_item(item_id, query)
    qtbot.waitUntil(lambda: page.is_loaded and page.extracted is not None, timeout=20_000)
    qtbot.waitUntil(lambda: page.view.viewport().grab().toImage().pixelColor(5, 5).isValid(), timeout=5000)
    return window, page


def test_the_canvas_puts_boxes_where_qtpdf_draws_its_own_hits(qtbot, make_window, tmp_path, shared_testdata):
    root = write_archive(tmp_path / "arch", {"sample": ("application/pdf", (shared_testdata / PDF_4_PAGES)
                                                        .read_bytes())})
    _window, page = _open_pdf(qtbot, make_window, root, "sample", "the")
    qtbot.waitUntil(lambda: page.hit_count() > 1, timeout=10_000)
    link = page.search.resultAtIndex(0)
    box = link.rectangles()[0]
    rect = page.view.to_viewport(link.page(), box)
    assert rect is not None and rect.width() > 3
    qtbot.wait(300)  # QtPdf renders the page asynchronously
    with_hits = page.view.viewport().grab().toImage()
    page.find_text("")
    qtbot.wait(300)
    without = page.view.viewport().grab().toImage()
    changed = [a != b for a, b in zip(_ink(with_hits, rect), _ink(without, rect))]
    assert changed and sum(changed) / len(changed) > 0.6  # QtPdf's highlight fills the box we computed


def test_mouse_selection_on_a_born_digital_page_copies_and_annotates(qtbot, make_window, tmp_path, shared_testdata):
    root = write_archive(tmp_path / "arch", {"sample": ("application/pdf", (shared_testdata / PDF_4_PAGES)
                                                        .read_bytes())})
    _window, page = _open_pdf(qtbot, make_window, root, "sample")
    words = page.document.getSelectionAtIndex(0, 0, 12)  # where the page's first characters are
    first = words.bounds()[0].boundingRect()
    start = page.view.to_viewport(0, QRectF(first.left() + 1, first.center().y(), 1, 1)).topLeft()
    end = page.view.to_viewport(0, QRectF(first.right() - 1, first.center().y(), 1, 1)).topLeft()
    _drag(page.view, start, end)
    selected = page.selected_text()
    assert len(selected) > 5 and selected in page.extracted.text
    kind, selector, label = page.annotation_target()
    assert kind == "highlight" and selector.exact == selected and selector.page == 1 and "selection" in label
    assert page.extracted.text[selector.start:selector.end] == selected
    page.copy()
    assert QGuiApplication.clipboard().text() == selected
    # once saved, the highlight is drawn where the passage is, under the selection's boxes
    from types import SimpleNamespace
    page.view.clear_selection()
    page.set_annotations([SimpleNamespace(text=selector, colour="yellow", status="anchored")])
    drawn = page.view.overlays["annotations"][0]
    assert drawn and drawn[0][0].intersects(first)


@pytest.fixture
def persian_scan(tmp_path, shared_testdata) -> Path:
    """An image-only PDF of page 11 of lshort-persian.pdf: what a scanner makes of the printed page."""
    import pypdfium2 as pdfium
    document = pdfium.PdfDocument(shared_testdata / "pdfs" / "texlive-rtl" / "lshort-persian.pdf")
    image = document[10].render(scale=200 / 72, grayscale=True).to_pil()
    document.close()
    out = tmp_path / "persian-scan.pdf"
    image.save(out, "PDF", resolution=200)
    return out


def test_a_persian_span_selected_on_an_ocrd_page_copies_out_as_the_same_words_and_finds_itself(
        qtbot, make_window, tmp_path, tesseract, persian_scan):
    from ashraf_desktop.core.archive import layer_root, load_layered
    from ashraf_desktop.core.ingest import import_files
    from ashraf_desktop.paths import bundled_archive, user_dirs
    window = make_window(index=True, data="ocr")
    dirs = user_dirs(tmp_path / "ocr")
    archive = load_layered(bundled_archive(), dirs.data).archive
    report = import_files(archive, layer_root(dirs.data, archive.collection.id), [persian_scan], ocr=["fas"])
    item_id = report.added[0].item_id
    shown: list[bool] = []
    window.refresh_archive([item_id], then=lambda: shown.append(True))  # as an import from the window does
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    page = window.open_item(item_id, "فایل")
    qtbot.waitUntil(lambda: page.is_loaded and page.extracted is not None, timeout=20_000)
    assert page.extracted.machine_read == (1,)
    assert page.machine_label.isVisibleTo(page) and "machine-read" in page.machine_label.text()
    assert "Tesseract" in page.machine_label.toolTip() and "may contain errors" in page.machine_label.toolTip()
    # hits on the machine-read page are drawn at the words' boxes
    qtbot.waitUntil(lambda: page.hit_count() > 0, timeout=10_000)
    assert page.view.overlay and all(box.width() > 0 for boxes in page.view.overlay.values() for box, _ in boxes)
    # the user drags across the phrase, right to left as it is read
    layer_page = page._layer.page(1)
    text = layer_page.text()
    at = text.find(PHRASE)
    assert at >= 0, text[:300]
    boxes = layer_page.boxes_for(at, at + len(PHRASE))
    assert len(boxes) == 1  # one line
    x0, y0, x1, y1 = boxes[0]
    start = page.view.to_viewport(0, QRectF(x1 - 2, (y0 + y1) / 2, 1, 1)).topLeft()
    end = page.view.to_viewport(0, QRectF(x0 + 2, (y0 + y1) / 2, 1, 1)).topLeft()
    page.find_text("")
    _drag(page.view, start, end)
    assert page.selected_text() == PHRASE
    page.copy()
    copied = QGuiApplication.clipboard().text()
    assert copied == PHRASE  # logical order: the words as typed (OCRmyPDF's issue 1157 is the failure)
    kind, selector, _label = page.annotation_target()
    assert kind == "highlight" and selector.exact == PHRASE and selector.page == 1
    assert item_id in [h.id for h in window.index.search(f'"{copied}"').hits]  # the window indexed it
