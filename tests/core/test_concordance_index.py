"""The concordance on a real index: the documents a search finds, every hit in each, filters, Persian."""

from __future__ import annotations

import datetime as dt

import pytest

from archive_builder import write_archive
from rtl_archive import write_rtl_archive

from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.core.concordance import Concordance, steps
from ashraf_desktop.core.search import Filters, fold_word, open_index


def concordance(index, query, filters=None):
    occ = index.occurrences(query, filters=filters)
    conc = Concordance(query)
    total = len(occ)
    for _ in steps(occ, conc, fold_word, total=total):
        pass
    return conc, total


@pytest.fixture(scope="module")
def small_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("arch")
    text = ("Camp Ashraf lies in Diyala.\nIn 1986 the camp was built on barren land.\n"
            "Residents of the camps said the camp was theirs.\n")
    timeline = ('[[event]]\nid = "built"\ndate = "1986"\ntitle = "Camp built"\n'
                'description = "The camp was built."\n'
                '[[event.citations]]\nitem = "doc"\nquote = "In 1986 the camp was built"\n')
    archive = load_archive(write_archive(root / "a", text=text, timeline=timeline)).archive
    index = open_index(archive, root / "index")
    yield index
    index.close()


def test_every_hit_of_every_document_a_search_finds(small_index):
    conc, total = concordance(small_index, "camp")
    found = {h.id for h in small_index.search("camp", page_size=50).hits}
    assert {s.id for s in conc.per_source} == found == {"doc", "built"}
    assert total == 2
    doc_lines = [ln for ln in conc.lines if ln.source.id == "doc"]
    # stems as search does ("camps" is "camp"), marked on the words as written
    assert [ln.match for ln in doc_lines] == ["Camp", "camp", "camps", "camp"]
    assert [(ln.start, ln.end) for ln in doc_lines] == [
        (s.start, s.end) for s in small_index.hit_spans("doc", "camp")]
    assert [ln.source.id for ln in conc.lines][:1] == ["built"]  # date order: the 1986 event first (doc undated)
    assert conc.years() == [(1986, 2), (None, 4)]  # the event: its description and its cited quote


def test_phrases_and_filters_shared_with_search(small_index):
    conc, _ = concordance(small_index, '"the camp was"')
    assert [(ln.source.id, ln.match) for ln in conc.lines] == [
        ("built", "The camp was"), ("built", "the camp was"), ("doc", "the camp was"), ("doc", "the camp was")]
    only_events, _ = concordance(small_index, "camp", Filters(kinds=frozenset({"event"})))
    assert {s.id for s in only_events.per_source} == {"built"}
    day = dt.date(1986, 6, 1).toordinal()
    in_1986, _ = concordance(small_index, "camp", Filters(date_range=(day, day)))
    assert {s.id for s in in_1986.per_source} == {"built"}
    nothing, total = concordance(small_index, "")
    assert total == 0 and nothing.total == 0


def test_stopping_early_gives_the_searcher_back(small_index):
    occ = small_index.occurrences("camp")
    it = iter(occ)
    next(it)
    it.close()
    occ.close()  # twice is harmless
    assert small_index.search("camp").total == 2


@pytest.fixture(scope="module")
def rtl_index(tmp_path_factory, shared_testdata):
    root = tmp_path_factory.mktemp("rtl")
    archive = load_archive(write_rtl_archive(root / "a", shared_testdata / "rtl_text")).archive
    index = open_index(archive, root / "index")
    yield index
    index.close()


def test_a_persian_query_reads_right_to_left_with_persian_neighbours(rtl_index):
    conc, _ = concordance(rtl_index, "آزادی")
    assert conc.total >= 10
    assert {s.id for s in conc.per_source} <= {"udhr-fa", "udhr-fa-nltk", "lshort-fa-overview", "lshort-fa-typeset"}
    assert all(ln.rtl for ln in conc.lines)
    line = next(ln for ln in conc.lines if ln.source.id == "udhr-fa")
    assert line.before.endswith("اساس ") and line.after.startswith(" و عدالت")  # the preamble, as written
    # Arabic letters fold as search folds them: "آزادي" (Arabic yeh) finds the same places
    arabic_yeh, _ = concordance(rtl_index, "آزادي")
    assert [(ln.source.id, ln.start) for ln in arabic_yeh.lines] == [(ln.source.id, ln.start) for ln in conc.lines]
