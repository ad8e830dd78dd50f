"""DOCX and ODT text extraction (core.extract.office): visible text, properties, and the zip-bomb guard that
runs before any XML is parsed. Test documents are made here with python-docx and odfdo."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from ashraf_desktop.core.extract import DOCX, ODT, ExtractionError, TextCache, extract
from ashraf_desktop.core.extract import office
from ashraf_desktop.core.extract.media import sniff_media_type
from ashraf_desktop.core.archive import DOCUMENT_FORMATS
def make_docx(path: Path, paragraphs=("First paragraph.", "Second paragraph."), *, title: str = "",
              author: str = "", language: str = "", table=None, footnote_xml: bool = False) -> Path:
    import docx
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    props = document.core_properties
    props.title, props.author, props.language = title, author, language
    import datetime as dt
    props.created = dt.datetime(2011, 9, 1, 10, 0, tzinfo=dt.timezone.utc)
    document.save(str(path))
    return path


def make_odt(path: Path, paragraphs=("Eins.", "Zwei."), *, title: str = "", language: str = "") -> Path:
    import odfdo
    document = odfdo.Document("text")
    body = document.body
    body.clear()
    for text in paragraphs:
        body.append(odfdo.Paragraph(text))
    if title:
        document.meta.set_title(title)
    if language:
        document.meta.set_language(language)
    document.save(str(path))
    return path


def zip_bomb_docx(path: Path, inflated_mb: int = 64) -> Path:
    """A DOCX whose document.xml inflates to ``inflated_mb`` MB (about 1,000 : 1), as in the reliability set."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Override PartName="/word/document.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                         b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            block = b"A" * (1 << 20)
            for _ in range(inflated_mb):
                member.write(block)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    path.write_bytes(buffer.getvalue())
    return path


def test_docx_text_in_reading_order_with_tables(tmp_path):
    path = make_docx(tmp_path / "a.docx", ["Camp Ashraf, Diyala.", "", "", "", "After the gap."],
                     table=[["Year", "Residents"], ["2009", "3,400"]])
    result = extract(path, DOCX)
    assert result.status == "ok" and result.media_type == DOCX
    assert result.text == "Camp Ashraf, Diyala.\n\nAfter the gap.\nYear\tResidents\n2009\t3,400"


def test_docx_sniffed_and_accepted_by_the_loader(tmp_path):
    path = make_docx(tmp_path / "a.docx")
    assert sniff_media_type(path) == DOCX
    assert extract(path).text.startswith("First paragraph.")
    assert DOCX in DOCUMENT_FORMATS and ODT in DOCUMENT_FORMATS


def test_odt_text_and_persian(tmp_path):
    path = make_odt(tmp_path / "a.odt", ["اشرف در استان دیالی", "Second line."])
    result = extract(path, ODT)
    assert result.media_type == ODT
    assert result.text == "اشرف در استان دیالی\n\nSecond line."


def test_properties(tmp_path):
    props = office.office_properties(make_docx(tmp_path / "a.docx", title="Report on Ashraf",
                                               author="A. Writer; B. Writer", language="en-GB"))
    assert props["title"] == "Report on Ashraf"
    assert props["creator"] == ["A. Writer", "B. Writer"]
    assert props["language"] == "en-GB"
    assert props["created"].year == 2011
    odt = office.office_properties(make_odt(tmp_path / "b.odt", title="Gezeiten", language="de-DE"))
    assert odt["title"] == "Gezeiten" and odt["language"] == "de-DE"


def test_docx_declared_but_really_odt_is_read_as_odt(tmp_path):
    path = make_odt(tmp_path / "really-odt.docx", ["Hello"])
    result = extract(path, DOCX)
    assert result.media_type == ODT and result.text == "Hello"
    assert any("declared as" in w for w in result.warnings)


@pytest.mark.parametrize("content, what", [
    (b"<!doctype html><html><title>404</title></html>", "an HTML page"),
    (b"Just some words in a file.\n", "plain text"),
    (b"", "empty (0 bytes)"),
    (b"%PDF-1.4\n%junk", "a PDF document"),
])
def test_docx_that_is_not_a_zip_is_refused_saying_what_it_is(tmp_path, content, what):
    path = tmp_path / "x.docx"
    path.write_bytes(content)
    with pytest.raises(ExtractionError) as err:
        office.extract_office(path, DOCX)
    assert err.value.reason == f"not a Word or OpenDocument text document (the file is {what})"


def test_truncated_docx_is_damaged(tmp_path):
    good = make_docx(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(ExtractionError) as err:
        extract(path, DOCX)
    assert "damaged or cut short" in err.value.reason


def test_zip_bomb_refused_before_parsing(tmp_path):
    path = zip_bomb_docx(tmp_path / "bomb.docx", 64)
    assert path.stat().st_size < 200_000
    started = time.perf_counter()
    with pytest.raises(ExtractionError) as err:
        extract(path)
    assert time.perf_counter() - started < 2.0  # refused from the directory, nothing inflated
    assert "zip bomb" in err.value.reason
    with pytest.raises(ExtractionError):  # the cache does not hide it either
        TextCache(tmp_path / "cache").get("0" * 64, path, DOCX)


def test_package_limits(tmp_path, monkeypatch):
    path = make_docx(tmp_path / "a.docx")
    monkeypatch.setattr(office, "MAX_ENTRIES", 3)
    with pytest.raises(ExtractionError, match="holds .* files"):
        extract(path, DOCX)
    monkeypatch.setattr(office, "MAX_ENTRIES", 10_000)
    monkeypatch.setattr(office, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(ExtractionError, match="would unpack to"):
        extract(path, DOCX)


def test_doctype_in_a_part_is_refused(tmp_path):
    path = tmp_path / "xxe.docx"
    src = make_docx(tmp_path / "a.docx")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
            zout.writestr(info, data)
    with pytest.raises(ExtractionError, match="DOCTYPE"):
        extract(path, DOCX)


def test_other_packages_are_named(tmp_path):
    path = tmp_path / "book.epub"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
    assert office.inspect_package(path).description == "an EPUB e-book"
    plain = tmp_path / "plain.docx"
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("readme.txt", "hi")
    with pytest.raises(ExtractionError, match=r"the file is a ZIP archive"):
        extract(plain, DOCX)


def test_real_office_files(shared_testdata):
    folder = shared_testdata / "office"
    various = extract(folder / "tika" / "testWORD_various.docx")
    assert "Footnote appears here" in various.text and various.status == "ok"
    assert extract(folder / "tika" / "testODTNoMeta.odt").text == "Test text"
    assert "Lorem ipsum" in extract(folder / "py-pdf-sample-files" / "002-trivial-libre-office-writer_source.odt").text
    for name in ("testODTEncrypted.odt", "testWORD_protected_passtika.docx"):
        with pytest.raises(ExtractionError, match="password-protected"):
            extract(folder / "tika" / name)
