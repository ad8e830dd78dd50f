"""OCR (issue 18): scanned pages of real PDFs in ../shared become searchable text, kept beside the held file.

Each test reads real scans with the real Tesseract (the ``tesseract`` fixture: eng, fas, ara installed).
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

import pytest

from ashraf_desktop.core.annotations import text_selector
from ashraf_desktop.core.archive import layer_root, load_layered
from ashraf_desktop.core.extract import TextCache, extract
from ashraf_desktop.core.ingest import import_files
from ashraf_desktop.core.integrity.fixity import verify
from ashraf_desktop.core.ocr import layer_path, read_file, read_item, read_layer
from ashraf_desktop.core.search import open_index

REPO = Path(__file__).resolve().parents[2]


def _archive(data: Path):
    return load_layered(REPO / "archive", data, check_files=False).archive


def _import(tmp_path: Path, paths: list[Path], ocr=("eng",)):
    data = tmp_path / "data"
    archive = _archive(data)
    report = import_files(archive, layer_root(data, archive.collection.id), paths, ocr=list(ocr) if ocr else None)
    return data, report


def _index(tmp_path: Path, archive):
    return open_index(archive, tmp_path / "cache" / "index", text_cache=TextCache(tmp_path / "cache" / "text"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_scanned_english_pages_become_searchable_and_the_held_file_never_changes(tmp_path, tesseract,
                                                                               shared_testdata):
    scans = shared_testdata / "pdfs" / "ocrmypdf"
    data, report = _import(tmp_path, [scans / "c02-22.pdf", scans / "linn.pdf"])
    assert [o.status for o in report.outcomes] == ["added", "added"], report.outcomes
    assert all("machine-read text" in o.message and "no text layer" not in o.message for o in report.outcomes)
    archive = _archive(data)
    huck = archive.item("c02-22")
    assert huck.text_layer is not None and huck.text_layer.engine.startswith("Tesseract 5")
    assert huck.text_layer.languages == ("eng",) and huck.text_layer.pages == (1,)
    # the held file is byte for byte the original; the layer lives beside it
    assert _sha(huck.file) == _sha(scans / "c02-22.pdf") == huck.sha256
    assert huck.text_layer.file == layer_path(huck.file) and huck.text_layer.file.is_file()
    assert verify(archive).ok  # the layer is not an "unexpected" file
    text = extract(huck.file, huck.media_type)
    assert text.machine_read == (1,) and "widow" in text.text and "TIP-TOED" in text.text
    index = _index(tmp_path, archive)
    try:
        assert "c02-22" in [h.id for h in index.search("widow garden").hits]
        assert "linn" in [h.id for h in index.search("LinnSequencer").hits]
        spans = index.hit_spans("c02-22", "widow")
        assert spans and spans[0].page == 1
        layer = read_layer(huck.text_layer.file)
        boxes = layer.page(1).boxes_for(spans[0].start - text.pages[0].start, spans[0].end - text.pages[0].start)
        assert len(boxes) == 1  # the hit is drawn at the word's box on the page
        x0, y0, x1, y1 = boxes[0]
        assert 0 < x0 < x1 <= layer.page(1).width and 0 < y0 < y1 <= layer.page(1).height
    finally:
        index.close()


def test_arabic_letters_come_out_in_logical_order(tesseract, shared_testdata):
    # arabi-samplebook.pdf has a text layer, but its fonts lack character maps: the words come out as Latin
    # garbage. Read again (every page, as the archivist asks for such a PDF), its table of contents is Arabic.
    pdf = shared_testdata / "pdfs" / "texlive-rtl" / "arabi-samplebook.pdf"
    layer = read_file(pdf, "application/pdf", ["ara"], pages=[3], engine=tesseract)
    text = layer.page(3).text()
    assert "توفيق الحكيم" in text
    assert "المنظر الأول" in text


def _scan_of(pdf: Path, page: int, out: Path, dpi: int = 200) -> Path:
    """An image-only PDF of one page of a born-digital PDF: what a scanner makes of the printed page."""
    import pypdfium2 as pdfium
    document = pdfium.PdfDocument(pdf)
    image = document[page - 1].render(scale=dpi / 72, grayscale=True).to_pil()
    document.close()
    image.save(out, "PDF", resolution=dpi)
    return out


def test_a_persian_span_on_an_ocrd_page_copies_out_as_the_same_words_and_finds_itself(tmp_path, tesseract,
                                                                                    shared_testdata):
    # OCRmyPDF's issue 1157: its Persian text layers copy out in visual order. Ours is the text itself.
    scan = _scan_of(shared_testdata / "pdfs" / "texlive-rtl" / "lshort-persian.pdf", 11,
                    tmp_path / "persian-scan.pdf")
    data, report = _import(tmp_path, [scan], ocr=("fas",))
    assert report.outcomes[0].status == "added", report.outcomes
    archive = _archive(data)
    item = archive.item("persian-scan")
    text = extract(item.file, item.media_type)
    phrase = "یک فایل لاتک نمونه"  # "a sample LaTeX file", as typed
    start = text.text.find(phrase)
    assert start >= 0, text.text[:400]
    selector = text_selector(text, start, start + len(phrase))
    assert selector.exact == phrase and selector.page == 1
    index = _index(tmp_path, archive)
    try:
        assert "persian-scan" in [h.id for h in index.search(f'"{selector.exact}"').hits]
        spans = index.hit_spans("persian-scan", f'"{selector.exact}"')
        assert any(s.start <= start < s.end or start <= s.start < start + len(phrase) for s in spans)
    finally:
        index.close()


def test_a_photo_of_a_page_is_read_and_a_photo_of_people_is_not(tmp_path, tesseract, shared_testdata):
    import pypdfium2 as pdfium
    document = pdfium.PdfDocument(shared_testdata / "pdfs" / "ocrmypdf" / "linn.pdf")
    document[0].render(scale=200 / 72).to_pil().save(tmp_path / "brochure.png")
    document.close()
    data, report = _import(tmp_path, [tmp_path / "brochure.png", shared_testdata / "photos" / "orientation" /
                                      "Landscape_1.jpg"])
    assert [o.status for o in report.outcomes] == ["added", "added"]
    archive = _archive(data)
    assert archive.item("brochure").text_layer is not None
    assert archive.item("landscape-1").text_layer is None  # no specks kept as "text"
    index = _index(tmp_path, archive)
    try:
        assert [h.id for h in index.search("LinnSequencer").hits] == ["brochure"]
    finally:
        index.close()


def test_without_tesseract_the_import_says_so_once_and_imports(tmp_path, monkeypatch, shared_testdata):
    from ashraf_desktop.core.ocr import engine
    monkeypatch.setattr(engine, "_bundled", lambda: None)
    monkeypatch.setattr(engine.shutil, "which", lambda _name: None)
    monkeypatch.delenv("ASHRAF_TESSERACT", raising=False)
    scans = shared_testdata / "pdfs" / "ocrmypdf"
    _data, report = _import(tmp_path, [scans / "c02-22.pdf", scans / "linn.pdf"])
    assert [o.status for o in report.outcomes] == ["added", "added"]
    assert len(report.notes) == 1 and "Tesseract" in report.notes[0] and "apt-get install" in report.notes[0]
    assert "no text layer" in report.outcomes[0].message


def test_pages_can_be_read_later_and_the_index_follows(tmp_path, tesseract, shared_testdata):
    data, report = _import(tmp_path, [shared_testdata / "pdfs" / "ocrmypdf" / "c02-22.pdf"], ocr=None)
    assert "no text layer" in report.outcomes[0].message
    archive = _archive(data)
    index = _index(tmp_path, archive)
    try:
        assert index.search("widow").hits == ()
        item = archive.item("c02-22")
        before = item.sidecar.read_text(encoding="utf-8")
        seen: list[str] = []
        read_item(archive, item, ["eng"], progress=lambda d, t, label: seen.append(label))
        assert any("reading page 1" in label for label in seen)
        sidecar = tomllib.loads(item.sidecar.read_text(encoding="utf-8"))
        assert sidecar["text_layer"]["languages"] == ["eng"] and sidecar["sha256"] == item.sha256
        assert {k: v for k, v in sidecar.items() if k != "text_layer"} == tomllib.loads(before)
        archive = _archive(data)
        index.update(archive)
        assert [h.id for h in index.search("widow").hits] == ["c02-22"]
    finally:
        index.close()


def test_cancel_while_a_page_is_read_stops_at_once_and_keeps_nothing_of_that_file(tmp_path, tesseract,
                                                                                  shared_testdata):
    scans = shared_testdata / "pdfs" / "ocrmypdf"
    data = tmp_path / "data"
    archive = _archive(data)
    labels: list[str] = []
    report = import_files(archive, layer_root(data, archive.collection.id), [scans / "linn.pdf"], ocr=["eng"],
                          progress=lambda d, t, label: labels.append(label),
                          cancelled=lambda: any("reading page" in label for label in labels))
    assert report.cancelled and report.not_started == [scans / "linn.pdf"] and not report.added
    assert not list((layer_root(data, archive.collection.id) / "items").rglob("*.pdf"))


@pytest.mark.parametrize("damage", ["not json", '{"format": "ashraf-ocr-layer", "version": 1}'])
def test_a_damaged_layer_is_as_if_the_page_was_never_read(tmp_path, tesseract, shared_testdata, damage):
    data, _report = _import(tmp_path, [shared_testdata / "pdfs" / "ocrmypdf" / "c02-22.pdf"])
    item = _archive(data).item("c02-22")
    item.text_layer.file.write_text(damage, encoding="utf-8")
    text = extract(item.file, item.media_type)
    assert text.machine_read == () and text.status == "no-text"
