"""Issue 15, "a search index you can trust": the failures quoted in the issue, replayed through the core.

The GUI replay of the first one is tests/ui/test_index_trust_gui.py; the stateful test against a reference
model is tests/core/test_search_stateful.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ashraf_desktop.core.annotations import open_store, text_selector
from ashraf_desktop.core.archive import layer_root, load_layered
from ashraf_desktop.core.extract import TextCache
from ashraf_desktop.core.search import open_index


def _gui_like_open(archive, dirs):
    """The index as the window opens it (ui/search/index_service.open_index_default)."""
    return open_index(archive, dirs.cache / "index", text_cache=TextCache(dirs.cache / "text"), build_procs=1,
                      verify="background")


def test_a_highlight_a_restart_and_an_import_keep_search_working(tmp_path: Path, bundled_archive_path: Path,
                                                                shared_testdata: Path) -> None:
    """Issue 15's first failure: highlight in "About Camp Ashraf", quit, start again, import the HTML folder,
    search ``Huckleberry`` - "No results" and ``IndexError: array index out of range`` from every later
    update, check and rebuild (a segment holding only the annotation document has no ``state`` column, and
    Whoosh's multi-segment column reader then read the next segments' documents in the wrong place)."""
    from ashraf_desktop.core.ingest import import_files
    from ashraf_desktop.paths import user_dirs
    dirs = user_dirs(tmp_path / "d").ensure()

    # 1. search Odierno, open "About Camp Ashraf", highlight a phrase
    archive = load_layered(bundled_archive_path, dirs.data).archive
    index = _gui_like_open(archive, dirs)
    assert index.wait_until_current(60)
    assert "about-camp-ashraf" in {h.item_id for h in index.search("Odierno").hits}
    about = archive.item("about-camp-ashraf")
    text = TextCache(dirs.cache / "text").get(about.sha256, about.file, about.media_type or None).text
    start = text.index("Camp Ashraf")
    with open_store(dirs.data) as store:
        store.create(archive.collection.id, "about-camp-ashraf", "highlight",
                     text=text_selector(text, start, start + len("Camp Ashraf")))
    index.sync_annotations(dirs.data)
    # 2. quit, start again
    index.close()
    archive = load_layered(bundled_archive_path, dirs.data).archive
    index = _gui_like_open(archive, dirs)
    assert index.wait_until_current(60)
    assert not [n for n in index.notices if n.code == "verify-failed"], index.notices
    index.sync_annotations(dirs.data)
    # 3. import the HTML folder; the window reloads and updates the index for the new items
    report = import_files(archive, layer_root(dirs.data, archive.collection.id), [shared_testdata / "html"])
    assert len(report.added) >= 10, report
    archive = load_layered(bundled_archive_path, dirs.data).archive
    new = [archive.item(o.item_id) for o in report.added]
    update = index.update_items(new, [])
    assert update.added == len(new)
    assert index.search("Huckleberry").total >= 1
    index.close()
    # the next start checks the index and finds it whole; the command line finds the items too
    index = open_index(archive, dirs.cache / "index", text_cache=TextCache(dirs.cache / "text"))
    try:
        assert index.last_update is None or not index.last_update.rebuilt
        assert not index.notices, index.notices
        assert index.search("Huckleberry").total >= 1
    finally:
        index.close()


def test_a_segment_without_a_column_reads_as_the_default_not_as_its_neighbours(tmp_path: Path) -> None:
    """The column bug at its root, without the app around it: three segments, the middle one with no value
    of a column; the third segment's values must be read as its own."""
    from whoosh import columns, fields
    from whoosh.filedb.filestore import FileStorage

    import ashraf_desktop.core.search  # noqa: F401 - applies the Whoosh patches
    schema = fields.Schema(key=fields.ID(stored=True, unique=True), tag=fields.COLUMN(columns.VarBytesColumn()))
    ix = FileStorage(str(tmp_path)).create_index(schema)
    for batch in ([("a", b"A"), ("b", b"B")], [("c", None)], [("d", b"D"), ("e", b"E")]):
        w = ix.writer()
        for key, tag in batch:
            w.add_document(key=key, **({"tag": tag} if tag is not None else {}))
        w.commit(merge=False)
    with ix.reader() as r:
        assert len(list(r.leaf_readers())) == 3
        col = r.column_reader("tag")
        keys = {d: r.stored_fields(d)["key"] for d in r.all_doc_ids()}
        assert {keys[d]: col[d] for d in keys} == {"a": b"A", "b": b"B", "c": b"", "d": b"D", "e": b"E"}
        assert list(col) == [b"A", b"B", b"", b"D", b"E"]


def test_a_var_bytes_column_padded_past_65535_keeps_its_offsets(tmp_path: Path) -> None:
    """Whoosh's VarBytesColumn wrote the offsets array it held before padding the last documents: padding
    that needs a wider type (offsets past 65,535) wrote the old, shorter array, and values were read from
    the wrong place."""
    from whoosh import columns
    from whoosh.filedb.filestore import RamStorage

    import ashraf_desktop.core.search  # noqa: F401 - applies the Whoosh patches
    storage = RamStorage()
    handle = storage.create_file("col")
    column = columns.VarBytesColumn()
    writer = column.writer(handle)
    for docnum in range(32767):
        writer.add(docnum, b"ab")
    writer.add(32767, b"0123456789")  # the offsets reach 65,544: past an unsigned short
    writer.finish(40000)  # 7,232 documents without a value at the end
    handle.close()
    reader = column.reader(storage.open_file("col"), 0, storage.file_length("col"), 40000)
    assert (reader[0], reader[32766], reader[32767], reader[39999]) == (b"ab", b"ab", b"0123456789", b"")


@pytest.fixture
def undated_segment_index(tmp_path: Path):
    """An index whose second segment holds only undated documents (no date_lo/date_hi column files)."""
    import dataclasses

    from test_search_index import make_archive
    archive = make_archive(tmp_path / "arch")
    index = open_index(archive, tmp_path / "cache")
    template = next(i for i in archive.items if i.date is not None)
    undated = dataclasses.replace(template, id="undated-one", date=None)
    index.update_items([undated], [])
    yield index, archive
    index.close()


def test_date_sorts_and_ranges_read_a_segment_with_no_date_column(undated_segment_index, monkeypatch) -> None:
    """The block evaluator answers date sorts and ranges over a segment of undated documents (it has no
    date columns) itself, with the same order Whoosh gives, instead of giving up."""
    from ashraf_desktop.core.search import _searching
    index, _archive = undated_segment_index
    with index._searcher() as s:
        assert len(s.reader().leaf_readers()) >= 2
    whoosh_order = [h.id for h in index.search("", sort="date", page_size=100).hits]
    ranged = {h.id for h in index.search("date:1900..2100", page_size=100).hits}

    def no_fallback(*_args, **_kwargs):
        raise AssertionError("the query fell back to Whoosh's collectors")
    monkeypatch.setattr(_searching, "whoosh_search", no_fallback)
    by_date = [h.id for h in index.search("", sort="date", page_size=100).hits]
    assert by_date == whoosh_order and by_date[-1] == "undated-one"
    assert {h.id for h in index.search("date:1900..2100", page_size=100).hits} == ranged
    assert "undated-one" not in ranged and "liberty-report" in ranged
    assert not index.notices  # (a failure would have been repaired, hiding the fallback)
