"""Text extraction: what the search index indexes and the viewer shows, for text, Markdown, HTML and PDF files.

Real-world files come from ../shared/testdata (see its PROVENANCE.txt files) through the `shared_testdata`
fixture; small encoded byte strings are made here so each encoding case is explicit.
"""

from __future__ import annotations

import codecs
import json
import pickle
import random
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ashraf_desktop.core.extract import (PAGE_SEPARATOR, ExtractedText, ExtractionError, PageSpan, TextCache, extract,
                                         sniff_media_type)
from ashraf_desktop.core.extract.html_text import html_visible_text

PERSIAN = "کتاب\u200cها را خواندم؛ پژوهش درباره\u200cی تاریخ ایران. 😀"
# Persian as legacy Windows systems wrote it: windows-1256 has no Persian yeh (U+06CC), Arabic yeh (U+064A) is used.
PERSIAN_CP1256 = "سلام دنيا. اين يک متن فارسي است که با رمزگذاري ويندوز نوشته شده است. پژوهش چگونه انجام شد؟\n"
ARABIC = "مرحبا بالعالم. هذا نص عربي قصير مكتوب بترميز ويندوز القديم.\n"
CURLY = "He said “hello” — it’s a café. The naïve résumé was “perfect”, wasn’t it?\n"
LATIN2 = "Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy.\n"

FOUR_PAGES = "pdfs/py-pdf-sample-files/004-pdflatex-4-pages/pdflatex-4-pages.pdf"
ENCRYPTION = "pdfs/pypdf/encryption"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def html_text(tmp_path: Path, markup: str) -> str:
    return extract(write(tmp_path, "page.html", markup), "text/html").text


# --- plain text encodings ------------------------------------------------------------------------------------


def test_utf8_is_decoded_exactly(tmp_path: Path) -> None:
    result = extract(write(tmp_path, "a.txt", PERSIAN))
    assert result.text == PERSIAN  # ZWNJ and the emoji survive
    assert (result.media_type, result.encoding, result.status) == ("text/plain", "utf-8", "ok")


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    result = extract(write(tmp_path, "a.txt", codecs.BOM_UTF8 + PERSIAN.encode("utf-8")))
    assert result.text == PERSIAN
    assert result.encoding == "utf-8"


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom(tmp_path: Path, bom: bytes, codec: str) -> None:
    result = extract(write(tmp_path, "a.txt", bom + PERSIAN.encode(codec)))
    assert result.text == PERSIAN
    assert result.encoding == codec


@pytest.mark.parametrize("text, codec, label", [
    (PERSIAN_CP1256, "cp1256", "windows-1256"),
    (ARABIC, "cp1256", "windows-1256"),
    (CURLY, "cp1252", "windows-1252"),
    (LATIN2, "iso-8859-2", "iso-8859-2"),
    ("Zażółć gęślą jaźń.\n", "iso-8859-2", "iso-8859-2"),
])
def test_legacy_encodings_are_detected(tmp_path: Path, text: str, codec: str, label: str) -> None:
    result = extract(write(tmp_path, "legacy.txt", text.encode(codec)))
    assert result.text == text
    assert result.encoding == label


def test_declared_charset_helps_where_detection_cannot(tmp_path: Path) -> None:
    """Three Persian words are too few to detect windows-1256; the archive's declared charset settles it."""
    path = write(tmp_path, "short.txt", "کتاب پژوهش گل\n".encode("cp1256"))
    assert extract(path, "text/plain; charset=windows-1256").text == "کتاب پژوهش گل\n"


def test_windows_line_ends_become_newlines(tmp_path: Path) -> None:
    result = extract(write(tmp_path, "crlf.txt", b"one\r\ntwo\rthree\n"))
    assert result.text == "one\ntwo\nthree\n"  # offsets count one character per line break, as the viewer does


def test_binary_garbage_is_not_text(tmp_path: Path) -> None:
    path = write(tmp_path, "noise.txt", random.Random(7).randbytes(5000))
    with pytest.raises(ExtractionError) as caught:
        extract(path, "text/plain")
    assert "does not look like text" in caught.value.reason
    assert "noise.txt" in str(caught.value)


def test_real_windows_1256_file(shared_testdata: Path) -> None:
    result = extract(shared_testdata / "rtl_text/udhr-nltk/Arabic_Alarabia-Arabic")
    assert result.encoding == "windows-1256"
    assert result.text.startswith("الإعلان العالمي لحقوق الإنسان")


def test_real_photo_declared_as_text_is_refused(shared_testdata: Path) -> None:
    photo = next(p for p in sorted((shared_testdata / "photos").rglob("*.jpg")))
    with pytest.raises(ExtractionError, match="does not look like text"):
        extract(photo, "text/plain")


# --- HTML ----------------------------------------------------------------------------------------------------


def test_html_hides_what_a_browser_hides(tmp_path: Path) -> None:
    text = html_text(tmp_path, """<html><head><title>Page</title><meta name="x" content="meta words">
        <style>body { color: red }</style><script>var secret = 1;</script></head><body>
        <p>shown one</p><p hidden>hidden attr</p><div style="display: none">display none</div>
        <span style="color:red; VISIBILITY:hidden">invisible</span><template>template</template>
        <noscript>enable js</noscript><!-- a comment --><dialog>closed dialog</dialog>
        <p>shown two</p></body></html>""")
    assert text == "Page\n\nshown one\n\nshown two"


def test_html_blocks_break_lines_and_whitespace_collapses(tmp_path: Path) -> None:
    text = html_text(tmp_path, "<div>  a  <b>bold</b>\n\n  word </div><div>next</div><p>para</p><p>one<br>two</p>"
                               "<p>x&nbsp;&nbsp;y</p><pre>\n  keep   this\n    indented</pre>")
    assert text == "a bold word\nnext\n\npara\n\none\ntwo\n\nx\xa0\xa0y\n\n  keep   this\n    indented"


def test_html_lists_and_tables(tmp_path: Path) -> None:
    text = html_text(tmp_path, "<ul><li>apple</li><li>pear</li></ul><ol start=3><li>third</li><li>fourth</li></ol>"
                               "<table><tr><th>Name</th><th>Year</th></tr><tr><td>Ashraf</td><td>1357</td></tr></table>")
    assert text == "• apple\n• pear\n\n3. third\n4. fourth\n\nName\tYear\nAshraf\t1357"


def test_html_title_not_repeated_when_the_page_starts_with_it(tmp_path: Path) -> None:
    assert html_text(tmp_path, "<title>Same</title><h1>Same</h1><p>body</p>") == "Same\n\nbody"


def test_deeply_nested_html_does_not_crash(tmp_path: Path) -> None:
    assert html_text(tmp_path, "<div>" * 20000 + "deep" + "</div>" * 20000) == "deep"


def test_html_declaring_utf8_but_written_in_windows_1256(tmp_path: Path) -> None:
    """Like Tika's testArabicMisleadingCharset.html: the <meta> lies, the bytes are windows-1256."""
    page = ('<html><head><meta charset="utf-8"><title>خبر</title></head><body><p>' + ARABIC + "</p></body></html>")
    result = extract(write(tmp_path, "lying.html", page.encode("cp1256")))
    assert result.encoding == "windows-1256"
    assert ARABIC.strip() in result.text


def test_html_declared_latin1_is_read_as_windows_1252(tmp_path: Path) -> None:
    """Browsers read iso-8859-1 pages as windows-1252, so 0x93/0x94 are curly quotes."""
    page = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>“Quoted” café</p>'
    result = extract(write(tmp_path, "old.htm", page.encode("cp1252")))
    assert result.text == "“Quoted” café"
    assert result.encoding == "windows-1252"


def test_html_utf16_with_bom(tmp_path: Path) -> None:
    page = "<html><body><p>سلام</p></body></html>"
    path = write(tmp_path, "u16.html", codecs.BOM_UTF16_LE + page.encode("utf-16-le"))
    assert sniff_media_type(path) == "text/html"
    assert extract(path).text == "سلام"


def test_gutenberg_xhtml_with_bom_and_crlf(shared_testdata: Path) -> None:
    result = extract(shared_testdata / "html/gutenberg-huckfinn/76-h.htm")
    assert result.encoding == "utf-8"
    assert not result.text.startswith("\ufeff")
    assert "\r" not in result.text
    assert "YOU don’t know about me without you have read a book" in " ".join(result.text.split())
    assert "text-indent" not in result.text  # the stylesheet is not text


def test_gutenberg_latin1_page(shared_testdata: Path) -> None:
    result = extract(shared_testdata / "html/gutenberg-huckfinn/orig76-h_main.htm")
    assert result.encoding == "windows-1252"
    assert "\ufffd" not in result.text
    assert "Mark Twain" in result.text


def test_w3c_pages_skip_scripts_and_keep_accents(shared_testdata: Path) -> None:
    french = extract(shared_testdata / "html/w3c-i18n/qa-byte-order-mark.fr.html").text
    assert french.startswith("L’indicateur d’ordre des octets (BOM) en HTML")
    arabic = extract(shared_testdata / "html/w3c-i18n/qa-i18n.ar.html").text
    assert "الفرق بين التدويل والتوطين" in arabic
    assert "getElementById" not in arabic and "AUTHORS should fill" not in arabic


def test_persian_handbook_page(shared_testdata: Path) -> None:
    text = extract(shared_testdata / "html/debian-handbook/fa-IR/sect.selinux.html").text
    assert "مقدمه\u200cای بر SELinux" in text  # the zero-width non-joiner is kept
    assert "<" not in text.split("\n")[0]


# --- Markdown ------------------------------------------------------------------------------------------------


def test_markdown_shows_rendered_text(tmp_path: Path) -> None:
    source = ("# Family letters\n\nSome **bold** words and [a link](https://example.org).\n\n- one\n- two\n\n"
              "```\ncode   spacing\n```\n\n<script>alert(1)</script>\n")
    result = extract(write(tmp_path, "notes.md", source))
    assert result.media_type == "text/markdown"
    assert result.text == "Family letters\n\nSome bold words and a link.\n\n• one\n• two\n\ncode   spacing"


# --- PDF -----------------------------------------------------------------------------------------------------


def test_pdf_pages_are_spans_of_the_text(shared_testdata: Path) -> None:
    result = extract(shared_testdata / FOUR_PAGES)
    assert result.status == "ok" and result.encoding is None
    assert [span.number for span in result.pages] == [1, 2, 3, 4]
    for span in result.pages:
        page = result.text[span.start:span.end]
        assert page.rstrip().endswith(str(span.number))  # pdflatex prints the page number at the foot
        assert result.page_of(span.start) == span.number
        assert result.page_of(span.end - 1) == span.number
    for before, after in zip(result.pages, result.pages[1:]):
        assert result.text[before.end:after.start] == PAGE_SEPARATOR
        assert result.page_of(before.end) == before.number  # the separator belongs to the page before
    assert result.page_of(len(result.text)) == 4
    assert result.page_of(-1) is None and result.page_of(len(result.text) + 1) is None
    assert "\r" not in result.text
    assert result.text.startswith("Hello, here is some text without a meaning.")


def test_page_of_is_none_without_pages() -> None:
    assert ExtractedText("abc", "text/plain", "utf-8").page_of(1) is None


@pytest.mark.parametrize("name, password", [
    (f"{ENCRYPTION}/r4-aes-user-password.pdf", "asdfzxcv"),
    (f"{ENCRYPTION}/r6-user-password.pdf", "asdfzxcv"),
    ("pdfs/py-pdf-sample-files/005-libreoffice-writer-password/libreoffice-writer-password.pdf", "openpassword"),
])
def test_encrypted_pdf_is_reported_then_opened_with_its_password(shared_testdata: Path, name: str,
                                                                 password: str) -> None:
    locked = extract(shared_testdata / name)
    assert locked.status == "encrypted" and locked.text == ""
    assert "password" in locked.warnings[0]
    opened = extract(shared_testdata / name, password=password)
    assert opened.status == "ok" and opened.text.strip()


def test_wrong_pdf_password_is_reported(shared_testdata: Path) -> None:
    result = extract(shared_testdata / f"{ENCRYPTION}/r4-user-password.pdf", password="wrong")
    assert result.status == "encrypted"
    assert "not accepted" in result.warnings[0]


def test_pdf_with_empty_user_password_just_opens(shared_testdata: Path) -> None:
    result = extract(shared_testdata / f"{ENCRYPTION}/r6-empty-password.pdf")
    assert result.status == "ok"
    assert "pdf encryption test" in result.text


def test_scanned_pdf_has_no_text(shared_testdata: Path) -> None:
    result = extract(shared_testdata / "pdfs/ocrmypdf/c02-22.pdf")
    assert result.status == "no-text"
    assert "scanned" in result.warnings[0]
    assert len(result.pages) == 1


def test_partly_scanned_pdf_names_the_pages_without_text(shared_testdata: Path) -> None:
    result = extract(shared_testdata / "pdfs/ocrmypdf/multipage.pdf")
    assert result.status == "ok"
    assert result.warnings == ("pages 1–3, 5–6 have no text layer (scanned image?)",)


@pytest.mark.parametrize("name, words", [
    ("pdfs/ocrmypdf/invalid.pdf", "damaged or incomplete"),
    ("pdfs/qpdf-malformed/issue-100.pdf", "damaged or incomplete"),
    ("pdfs/qpdf-malformed/bad-content.pdf", "not a PDF file"),
])
def test_broken_pdfs_give_a_clear_error(shared_testdata: Path, name: str, words: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(shared_testdata / name)
    assert words in caught.value.reason
    assert Path(name).name in str(caught.value)


def test_repairable_pdf_still_gives_its_text(shared_testdata: Path) -> None:
    result = extract(shared_testdata / "pdfs/qpdf-malformed/bad-xref.pdf")  # broken xref; PDFium rebuilds it
    assert result.status == "ok" and result.text.strip()


def test_truncated_pdf(shared_testdata: Path, tmp_path: Path) -> None:
    data = (shared_testdata / FOUR_PAGES).read_bytes()
    path = write(tmp_path, "cut off.pdf", data[: len(data) // 2])
    with pytest.raises(ExtractionError, match="damaged or incomplete"):
        extract(path)


def test_pdf_named_as_text_is_read_as_pdf(shared_testdata: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "report.txt", (shared_testdata / FOUR_PAGES).read_bytes())
    assert sniff_media_type(path) == "application/pdf"
    result = extract(path, "text/plain")
    assert result.media_type == "application/pdf" and len(result.pages) == 4
    assert "is a PDF" in result.warnings[0]


def test_pdf_under_a_persian_file_name(shared_testdata: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "سند ۱.pdf", (shared_testdata / FOUR_PAGES).read_bytes())
    assert len(extract(path).pages) == 4


def test_pdfs_read_from_several_threads_agree(shared_testdata: Path) -> None:
    names = [FOUR_PAGES, "pdfs/texlive-rtl/arabic-book.pdf", "pdfs/pypdf/Seige_of_Vicksburg_Sample_OCR.pdf"] * 3
    expected = {name: extract(shared_testdata / name).text for name in set(names)}
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda name: extract(shared_testdata / name).text, names))
    assert results == [expected[name] for name in names]


@pytest.mark.parametrize("folder", ["pdfs", "html"])
def test_every_real_file_gives_text_or_a_clear_error(shared_testdata: Path, folder: str) -> None:
    """No file in the test collection may raise anything but ExtractionError, or produce inconsistent spans."""
    started = time.monotonic()
    files = [path for path in sorted((shared_testdata / folder).rglob("*"))
             if path.is_file() and path.suffix.lower() in (".pdf", ".htm", ".html")]
    assert files
    for path in files:
        try:
            result = extract(path)
        except ExtractionError as error:
            assert error.reason and path.name in str(error)
            continue
        assert result.status in ("ok", "encrypted", "no-text")
        previous_end = 0
        for span in result.pages:
            assert previous_end <= span.start <= span.end <= len(result.text)
            previous_end = span.end
        assert "\r" not in result.text
    assert time.monotonic() - started < 15


# --- files that cannot be read at all ------------------------------------------------------------------------


def test_too_large_file(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "x" * 3_000_000)
    with pytest.raises(ExtractionError) as caught:
        extract(path, max_bytes=2_000_000)
    assert "too large" in caught.value.reason and "3.0 MB" in caught.value.reason and "2.0 MB" in caught.value.reason


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="does not exist"):
        extract(tmp_path / "gone.txt", "text/plain")
    with pytest.raises(ExtractionError, match="folder"):
        extract(tmp_path)


def test_unsupported_kind_of_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="image/jpeg"):
        extract(write(tmp_path, "a.jpg", b"\xff\xd8\xff\xe0"), "image/jpeg")


def test_extraction_error_survives_pickling(tmp_path: Path) -> None:
    error = pickle.loads(pickle.dumps(ExtractionError(tmp_path / "a.pdf", "the PDF is damaged")))
    assert error.path == tmp_path / "a.pdf" and error.reason == "the PDF is damaged"


@pytest.mark.parametrize("name, content, expected", [
    ("page", b"<!DOCTYPE html><html><body>x</body></html>", "text/html"),
    ("notes.md", b"# Title\n", "text/markdown"),
    ("notes.txt", b"plain", "text/plain"),
    ("chapter.tex", "\\chapter{پیشگفتار}".encode(), "text/plain"),
    ("blob.bin", b"\x00\x01\x02\x03", "application/octet-stream"),
    ("scan.pdf", b"%PDF-1.4\n", "application/pdf"),
])
def test_sniff_media_type(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    assert sniff_media_type(write(tmp_path, name, content)) == expected


# --- cache ---------------------------------------------------------------------------------------------------

SHA = "ab" * 32


def test_cache_miss_then_hit(tmp_path: Path, shared_testdata: Path) -> None:
    source = write(tmp_path, "doc.pdf", (shared_testdata / FOUR_PAGES).read_bytes())
    cache = TextCache(tmp_path / "cache")
    first = cache.get(SHA, source, "application/pdf")
    source.unlink()  # a hit must not need the file any more
    second = cache.get(SHA.upper(), source, "application/pdf")
    assert second == first and len(second.pages) == 4


def test_corrupt_cache_entry_is_a_miss_and_gets_repaired(tmp_path: Path) -> None:
    source = write(tmp_path, "a.txt", PERSIAN)
    cache = TextCache(tmp_path / "cache")
    cache.get(SHA, source, "text/plain")
    [entry] = (tmp_path / "cache").rglob("*.json")
    for garbage in (b"{not json", b"\x00\xff", json.dumps({"format": "ashraf-extracted-text"}).encode()):
        entry.write_bytes(garbage)
        assert cache.get(SHA, source, "text/plain").text == PERSIAN
        assert json.loads(entry.read_text(encoding="utf-8"))["result"]["text"] == PERSIAN


def test_cache_entry_with_impossible_page_spans_is_ignored(tmp_path: Path) -> None:
    source = write(tmp_path, "a.txt", "short")
    cache = TextCache(tmp_path / "cache")
    cache.get(SHA, source, "text/plain")
    [entry] = (tmp_path / "cache").rglob("*.json")
    payload = json.loads(entry.read_text(encoding="utf-8"))
    payload["result"]["text"] = "tampered"
    payload["result"]["pages"] = [[1, 0, 999]]
    entry.write_text(json.dumps(payload), encoding="utf-8")
    assert cache.get(SHA, source, "text/plain") == ExtractedText("short", "text/plain", "utf-8")


def test_cache_keeps_media_types_apart_and_skips_failures(tmp_path: Path) -> None:
    source = write(tmp_path, "a.md", "**bold**")
    cache = TextCache(tmp_path / "cache")
    assert cache.get(SHA, source, "text/markdown").text == "bold"
    assert cache.get(SHA, source, "text/plain").text == "**bold**"
    with pytest.raises(ExtractionError):
        cache.get("cd" * 32, tmp_path / "missing.txt", "text/plain")
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 2


def test_cache_in_unwritable_place_still_returns_text(tmp_path: Path) -> None:
    blocker = write(tmp_path, "not-a-folder", b"")
    assert TextCache(blocker).get(SHA, write(tmp_path, "a.txt", "hi"), None).text == "hi"


def test_cache_refuses_a_malformed_hash(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        TextCache(tmp_path).get("../../etc/passwd", tmp_path / "a.txt", None)


def test_encrypted_results_are_not_cached(tmp_path: Path, shared_testdata: Path) -> None:
    cache = TextCache(tmp_path / "cache")
    assert cache.get(SHA, shared_testdata / f"{ENCRYPTION}/r4-user-password.pdf", None).status == "encrypted"
    assert not list((tmp_path / "cache").rglob("*.json"))


# --- properties ----------------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co")), max_size=200))
def test_any_utf8_text_round_trips(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "p.txt", text)
    assert extract(path, "text/plain").text == text


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcp&;#!-\n\tdivbrlitrs")), max_size=300))
def test_any_html_soup_gives_text_without_crashing(markup: str) -> None:
    text = html_visible_text(markup)
    assert text == text.strip() and "\n\n\n" not in text


@given(st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=20),
       st.integers(min_value=-5, max_value=2000))
def test_page_of_matches_the_spans(lengths: list[int], offset: int) -> None:
    spans, texts, position = [], [], 0
    for number, length in enumerate(lengths, start=1):
        if number > 1:
            position += len(PAGE_SEPARATOR)
        spans.append(PageSpan(number, position, position + length))
        texts.append("x" * length)
        position += length
    result = ExtractedText(PAGE_SEPARATOR.join(texts), "application/pdf", None, tuple(spans))
    page = result.page_of(offset)
    if not 0 <= offset <= len(result.text):
        assert page is None
    else:
        expected = max(span.number for span in spans if span.start <= offset)
        assert page == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600), st.sampled_from(["text/plain", "text/html", "text/markdown", "application/pdf"]))
def test_any_bytes_give_text_or_a_clear_error(tmp_path: Path, data: bytes, media_type: str) -> None:
    path = write(tmp_path, "any", data)
    try:
        result = extract(path, media_type)
    except ExtractionError as error:
        assert error.reason
    else:
        assert "\r" not in result.text
