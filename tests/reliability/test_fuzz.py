"""Property tests with a budget: hostile input to the metadata loader, EDTF dates, the query parser, text
extraction (text, HTML, PDF, DOCX, ODT) and the import of one file never escapes as an unexpected exception.
CI runs ASHRAF_FUZZ_EXAMPLES (default 100) examples a property; bench/bench_reliability.py runs thousands."""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rel_walk import REPO

EXAMPLES = int(os.environ.get("ASHRAF_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None if EXAMPLES > 100 else 5000, derandomize=EXAMPLES <= 100,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])

# --- the metadata loader -------------------------------------------------------------------------------

KEYS = ["id", "kind", "file", "sha256", "title", "date", "format", "creator", "language", "tags", "caption",
        "description", "mentioned_in", "subject", "identifier", "rights", "bogus", "títle", ""]
scalar = st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=True), st.booleans(),
                   st.sampled_from(["document", "image", "record", "doc.txt", "../../etc/passwd", "2011-09",
                                    "1986?", "text/plain", "a" * 64, "doc"]))
value = st.recursive(scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS),
                                                                                          inner, max_size=3),
                     max_leaves=8)


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v).replace("inf", "inf").replace("nan", "nan")
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return "{" + ", ".join(f'"{k}" = {_toml_value(x)}' for k, x in v.items()) + "}"


sidecar = st.one_of(
    st.dictionaries(st.sampled_from(KEYS), value, max_size=10).map(
        lambda d: "\n".join(f'"{k}" = {_toml_value(v)}' for k, v in d.items())),
    st.text(max_size=400),  # not TOML at all
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    st.lists(st.sampled_from(['id = "doc"', 'kind = "document"', 'file = "doc.txt"', 'title = "T"',
                              '[[mentioned_in]]', 'item = "doc"', 'quote = "Camp"', 'date = "19XX"',
                              'sha256 = "0"', "[table]", "x = [1, 'a']", 'kind = "image"', '"""']),
             max_size=12).map("\n".join),
)


@FUZZ
@given(text=sidecar, timeline=st.one_of(st.none(), sidecar))
def test_loader_never_raises_and_reports_problems(text: str, timeline: str | None) -> None:
    from ashraf_desktop.core.archive import load_archive
    root = Path(tempfile.mkdtemp(prefix="fuzz-archive-"))
    try:
        (root / "items").mkdir()
        (root / "collection.toml").write_text('format = 1\nid = "fuzz"\ntitle = "Fuzz"\n', encoding="utf-8")
        (root / "items" / "doc.txt").write_text("Camp Ashraf\n", encoding="utf-8")
        (root / "items" / "doc.toml").write_text(text, encoding="utf-8", errors="surrogatepass")
        if timeline is not None:
            (root / "timeline.toml").write_text(timeline, encoding="utf-8", errors="surrogatepass")
        result = load_archive(root, check_files=True)
        assert len(result.archive.items) <= 1
        if not result.archive.items:
            assert result.problems, "an item was left out without a problem saying why"
        for problem in result.problems:
            assert problem.message and "Traceback" not in problem.message
    finally:
        shutil.rmtree(root, ignore_errors=True)


# --- EDTF -------------------------------------------------------------------------------------------------

edtf_like = st.text(alphabet="0123456789-/?~%XuU.[]{},:TZ+ ", max_size=30)


@FUZZ
@given(text=st.one_of(edtf_like, st.text(max_size=60)))
def test_parse_date_raises_only_date_error(text: str) -> None:
    from ashraf_desktop.core.archive import DateError, describe_date, parse_date
    try:
        span = parse_date(text)
    except DateError as exc:
        assert str(exc)
        return
    assert span.lower <= span.upper
    describe_date(text)


# --- the query parser, on a small index ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_index(tmp_path_factory):
    sys.path.insert(0, str(REPO / "tests" / "core"))
    import test_search_recovery as recovery

    from ashraf_desktop.core.search import open_index
    folder = tmp_path_factory.mktemp("fuzz-index")
    archive = recovery.make_archive(folder / "archive")
    index = open_index(archive, folder / "cache")
    yield index
    index.close()


query_like = st.lists(st.one_of(
    st.sampled_from(['"', "(", ")", "AND", "OR", "NOT", "-", "+", "*", "?", "~", "^2", "title:", "date:",
                     "date:2011..2013", "date:..", "kind:", "tag:", "creator:", "camp", "ashraf", "..", ":",
                     "\\", "[", "]", "{", "}", "/", "'", "\u200f", "كمپ", "\x00"]),
    st.text(max_size=12)), max_size=40).map(" ".join)


@FUZZ
@given(query=st.one_of(query_like, st.text(max_size=3000)))
def test_any_query_gives_results_or_a_notice(small_index, query: str) -> None:
    from ashraf_desktop.core.search import SearchResult
    result = small_index.search(query)
    assert isinstance(result, SearchResult)


# --- text extraction --------------------------------------------------------------------------------------

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_TYPE = "application/vnd.oasis.opendocument.text"
KINDS = {".txt": "text/plain", ".html": "text/html", ".md": "text/markdown", ".pdf": "application/pdf",
         ".docx": DOCX_TYPE, ".odt": ODT_TYPE}
#: The names a Word or OpenDocument package is read by, and what may be in them.
PART_NAMES = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
              "word/footnotes.xml", "word/styles.xml", "docProps/core.xml", "docProps/app.xml", "mimetype",
              "content.xml", "meta.xml", "styles.xml", "META-INF/manifest.xml", "../evil.xml", "/abs.xml",
              "word/", "Word/Document.xml"]
XML_BITS = ['<?xml version="1.0"?>', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
            '2006/main">', "<w:body>", "<w:p>", "<w:r>", "<w:t>", "Camp Ashraf", "</w:t>", "</w:r>", "</w:p>",
            "</w:body>", "</w:document>", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types">', f'<Override PartName="/word/document.xml" ContentType="{DOCX_TYPE}.main+xml"/>',
            "</Types>", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/>', "</Relationships>", ODT_TYPE,
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">', "<office:body>", "<office:text>",
            "<text:p>", "</text:p>", "</office:text>", "</office:body>", "</office:document-content>",
            "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;", "<", "&", "\x00", "\u202e", "<dc:title>", "<dc:creator>",
            "<dcterms:created>2011-09-01T00:00:00Z</dcterms:created>", "<dcterms:created>garbage"]
part_body = st.one_of(st.binary(max_size=300),
                      st.lists(st.one_of(st.sampled_from(XML_BITS), st.text(max_size=20)), max_size=25)
                      .map(lambda bits: "".join(bits).encode("utf-8", "surrogatepass")))


def _zip_of(parts: list[tuple[str, bytes, bool]], truncate: int) -> bytes:
    """A ZIP package of ``parts`` (name, bytes, stored?), cut to ``truncate`` bytes when that is > 0."""
    buffer = io.BytesIO()
    seen: set[str] = set()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data, stored in parts:
            if (name or "x") in seen:
                continue  # zipfile warns about duplicate names; one of each is enough
            seen.add(name or "x")
            package.writestr(zipfile.ZipInfo(name or "x"), data,
                             compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    data = buffer.getvalue()
    return data[:truncate] if 0 < truncate < len(data) else data


parts = st.lists(st.tuples(st.one_of(st.sampled_from(PART_NAMES), st.text(max_size=15)), part_body, st.booleans()),
                 max_size=8)
_TYPES = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/'
          f'document.xml" ContentType="{DOCX_TYPE}.main+xml"/></Types>').encode()
_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
         'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="word/document.xml"/></Relationships>').encode()
small_zip = st.one_of(
    st.builds(_zip_of, parts, st.integers(min_value=0, max_value=3000)),  # any package, perhaps cut short
    # packages that pass for an ODT or a DOCX (so the libraries get to parse the random parts)
    parts.map(lambda ps: _zip_of([("mimetype", ODT_TYPE.encode(), True)] + ps, 0)),
    parts.map(lambda ps: _zip_of([("[Content_Types].xml", _TYPES, False), ("_rels/.rels", _RELS, False)] + ps, 0)))
blob = st.one_of(st.binary(max_size=4000),
                 st.binary(max_size=2000).map(lambda b: b"%PDF-1.4\n" + b),
                 st.text(max_size=2000).map(lambda t: ("<html><body>" + t).encode("utf-8", "surrogatepass")),
                 st.text(max_size=2000).map(lambda t: t.encode("utf-16")),
                 st.binary(max_size=2000).map(lambda b: b"PK\x03\x04" + b),
                 small_zip)

#: How extraction's catch-all begins (core/extract/dispatch.py): a library raised something the reader does
#: not expect. Counted (ASHRAF_RELIABILITY_OUT/fuzz_catch_all.json: the kinds of exception seen), not failed:
#: the known cases (damaged DOCX/ODT packages) are xfail in test_import_damaged.py.
CATCH_ALL = "an unexpected problem stopped its text from being read"
_catch_all: dict[str, dict] = {}


def _note_catch_all(suffix: str, reason: str) -> None:
    seen = _catch_all.setdefault(suffix, {"count": 0, "kinds": []})
    seen["count"] += 1
    kind = reason[len(CATCH_ALL):].strip(" (")[:120]
    if kind not in seen["kinds"] and len(seen["kinds"]) < 20:
        seen["kinds"].append(kind)
    from rel_walk import write_report
    write_report("fuzz_catch_all.json", _catch_all)


@FUZZ
@given(data=blob, suffix=st.sampled_from(sorted(KINDS)), declared=st.booleans())
def test_extraction_gives_text_or_a_clear_error(data: bytes, suffix: str, declared: bool) -> None:
    from ashraf_desktop.core.extract import ExtractedText, ExtractionError, extract
    folder = Path(tempfile.mkdtemp(prefix="fuzz-extract-"))
    path = folder / f"file{suffix}"
    path.write_bytes(data)
    try:
        result = extract(path, KINDS[suffix] if declared else None)
        assert isinstance(result, ExtractedText)
    except ExtractionError as exc:
        assert exc.reason and path.name in str(exc)
        if exc.reason.startswith(CATCH_ALL):
            _note_catch_all(suffix, exc.reason)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- the import of one file -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def import_target(tmp_path_factory):
    sys.path.insert(0, str(REPO / "tests"))
    from archive_builder import write_archive

    from ashraf_desktop.core.archive import layer_root, load_layered
    root = write_archive(tmp_path_factory.mktemp("fuzz-import") / "archive")
    data_dir = root.parent / "data"
    archive = load_layered(root, data_dir).archive
    return root, data_dir, archive, layer_root(data_dir, archive.collection.id)


@FUZZ
@given(data=blob, suffix=st.sampled_from(sorted(KINDS) + [".jpg", ".png", ""]))
def test_import_adds_a_whole_item_or_refuses_with_a_reason(import_target, data: bytes, suffix: str) -> None:
    """identify, prefill and import_files on hostile bytes: "added" and the item loads with the file's
    SHA-256, or "failed" with a reason and nothing left in the layer; never an exception, never the
    importer's catch-all."""
    from ashraf_desktop.core.ingest import identify, import_files, prefill
    from ashraf_desktop.core.archive import load_layered
    root, data_dir, archive, layer = import_target
    folder = Path(tempfile.mkdtemp(prefix="fuzz-import-"))
    path = folder / f"file{suffix}"
    path.write_bytes(data)
    try:
        identify(path)
        assert isinstance(prefill(path), dict)
        report = import_files(archive, layer, [path])
        assert len(report.outcomes) == 1
        outcome = report.outcomes[0]
        items = layer / "items"
        left = sorted(p for p in items.rglob("*") if p.is_file()) if items.is_dir() else []
        if outcome.status == "added":
            loaded = load_layered(root, data_dir, check_files=True)
            item = next(i for i in loaded.archive.items if i.id == outcome.item_id)
            assert item.file is not None and item.file.read_bytes() == data
            assert sorted(left) == sorted([item.sidecar, item.file])
            assert not [p for p in loaded.problems if p.severity.name == "ERROR"], loaded.problems
        else:
            from archive_builder import TEXT  # the archive's one file: the only possible duplicate
            assert outcome.status == "failed" or data == TEXT.encode("utf-8"), outcome
            assert outcome.message, outcome
            # the importer's own catch-all is a bug; extraction's (a damaged DOCX/ODT package, a known bug:
            # test_import_damaged.py) is counted like the extraction property's
            assert not outcome.message.startswith("an unexpected problem stopped its import"), outcome.message
            if outcome.message.startswith(CATCH_ALL):
                _note_catch_all(f"import {suffix or '(no suffix)'}", outcome.message)
            assert not left, left
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(layer / "items", ignore_errors=True)
