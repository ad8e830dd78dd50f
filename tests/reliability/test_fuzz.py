"""Property tests with a budget: hostile input to the metadata loader, EDTF dates, the query parser and text
extraction never escapes as an unexpected exception. CI runs ASHRAF_FUZZ_EXAMPLES (default 100) examples a
property; bench/bench_reliability.py runs thousands."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
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
    from ashraf_desktop.core.loader import load_archive
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
    from ashraf_desktop.core.dates import DateError, describe_date, parse_date
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

KINDS = {".txt": "text/plain", ".html": "text/html", ".md": "text/markdown", ".pdf": "application/pdf"}
blob = st.one_of(st.binary(max_size=4000),
                 st.binary(max_size=2000).map(lambda b: b"%PDF-1.4\n" + b),
                 st.text(max_size=2000).map(lambda t: ("<html><body>" + t).encode("utf-8", "surrogatepass")),
                 st.text(max_size=2000).map(lambda t: t.encode("utf-16")))


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
    finally:
        shutil.rmtree(folder, ignore_errors=True)
