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


# --- the other ways it broke: damaged blocks, an emptied word list, one-byte flips ---------------------

#: probe queries with their answers on a freshly built index of the bundled archive (computed per test)
PROBES = ("Odierno", "relocat*", '"Camp Ashraf"', "Ashraf date:2003..2009", "Liberty OR Diyala", "kind:record",
          "reprt~")


def _answers(index) -> dict[str, list[str]]:
    return {q: [h.id for h in index.search(q, page_size=100).hits] for q in PROBES}


@pytest.fixture(scope="module")
def bundled_baseline(tmp_path_factory, bundled_archive_path: Path):
    """A whole index of the bundled archive and the probes' answers on it."""
    from ashraf_desktop.core.archive import load_archive
    archive = load_archive(bundled_archive_path).archive
    cache = tmp_path_factory.mktemp("baseline")
    with open_index(archive, cache) as index:
        answers = _answers(index)
        folder = index.folder
    assert len(answers["relocat*"]) == 7 and answers["Odierno"]
    return archive, cache, folder, answers


def _copy_of(baseline, tmp_path: Path):
    """The baseline's index home copied (times kept, as a backup would) where ``--data-dir tmp_path/d`` has
    its index; (archive, index root, the copy's generation folder, answers)."""
    import shutil
    archive, cache, folder, answers = baseline
    root = tmp_path / "d" / "cache" / "index"
    shutil.copytree(folder.parent, root / folder.parent.name)
    return archive, root, root / folder.parent.name / folder.name, answers


def _largest(folder: Path, suffix: str) -> Path:
    return max((p for p in folder.iterdir() if p.name.endswith(suffix)), key=lambda p: p.stat().st_size)


def _dd(path: Path, offset: int, data: bytes) -> None:
    """``printf DATA | dd of=PATH bs=1 seek=OFFSET conv=notrunc``"""
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


@pytest.mark.parametrize("victim", ["_stored.col", ".pst"])
def test_a_damaged_block_ends_in_correct_results_from_the_command_line(bundled_baseline, tmp_path: Path,
                                                                      victim: str, capsys) -> None:
    """``printf QQQQ | dd of=…_stored.col bs=1 seek=5000 conv=notrunc``: every search ended in a ``zlib.error``
    and ``index`` said "Index up to date". Now the search answers as before, and so does the check."""
    import json

    from ashraf_desktop.cli import main
    archive, cache, folder, answers = _copy_of(bundled_baseline, tmp_path)
    target = _largest(folder, victim)
    assert target.stat().st_size > 5004
    _dd(target, 5000, b"QQQQ")
    errors = []
    for query in ("Odierno", '"Camp Ashraf"'):
        capsys.readouterr()
        assert main(["--data-dir", str(tmp_path / "d"), "search", query, "--json", "--limit", "100"]) == 0, query
        out = capsys.readouterr()
        assert [h["id"] for h in json.loads(out.out)["hits"]] == answers[query]
        errors.append(out.err)
    assert "rebuilt because its files were damaged" in errors[0]  # told once, in words
    assert "damaged" not in errors[1]
    assert not folder.exists()  # the damaged generation is gone


def test_index_check_reads_everything_and_repairs_what_search_relies_on(bundled_baseline, tmp_path: Path,
                                                                       capsys) -> None:
    """``ashraf-desktop index`` after a damaged block no longer says "up to date" over a broken index."""
    import os

    from ashraf_desktop.cli import main
    archive, cache, folder, answers = _copy_of(bundled_baseline, tmp_path)
    target = _largest(folder, ".pst")
    st = target.stat()
    _dd(target, 5000, b"QQQQ")
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))  # even when the file's time says nothing
    assert main(["--data-dir", str(tmp_path / "d"), "index"]) == 0
    out = capsys.readouterr()
    assert "up to date" not in out.out and "rebuilt because its files were damaged" in out.err, out
    with open_index(archive, cache) as index:
        assert _answers(index) == answers and not index.notices


def test_an_emptied_word_list_is_found_and_the_index_repaired(bundled_baseline, tmp_path: Path) -> None:
    """An emptied ``words.txt``: ``relocat*`` found 0 (7 before) and a misspelt query crashed "did you mean"
    (``IndexError`` in Whoosh's ``spelling.py``)."""
    archive, cache, folder, answers = _copy_of(bundled_baseline, tmp_path)
    (folder / "words.txt").write_text("", encoding="utf-8")
    with open_index(archive, cache) as index:
        assert _answers(index) == answers
        assert index.search("Odiernoo").suggestion.lower() == "odierno"
        assert [n.code for n in index.notices] == ["rebuilt-damaged"]
        assert "words.txt" in index.notices[0].message


def test_did_you_mean_with_no_words_gives_no_suggestion_not_an_error(tmp_path: Path) -> None:
    from ashraf_desktop.core.search._searching import _suggest
    from ashraf_desktop.core.search._query import parse
    from test_search_index import make_archive
    with open_index(make_archive(tmp_path / "a"), tmp_path / "c") as index, index._searcher() as s:
        assert _suggest(s, "Tigriss", parse("Tigriss").tree, 0, lambda: []) is None


def _flip_positions(folder: Path) -> list[tuple[str, int]]:
    """27 one-byte flips spread over every index file: at the start, the middle and near the end."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
                   and p.name not in ("stamp.json",) and p.stat().st_size)
    spots = []
    for path in files:
        size = path.stat().st_size
        for offset in sorted({0, size // 2, max(0, size - 2)}):
            spots.append((path.name, offset))
    step = max(1, len(spots) // 27)
    return spots[::step][:27]


def test_one_byte_flips_anywhere_end_in_correct_results(bundled_baseline, tmp_path: Path) -> None:
    """The issue's 27 one-byte flips (3 crashed every search, 1 gave a wrong result): each, in a copy of the
    index, then open and search as the command line does. Every probe must give the baseline's answer."""
    archive, cache, folder, answers = bundled_baseline
    spots = _flip_positions(folder)
    assert len(spots) == 27
    wrong = []
    for n, (name, offset) in enumerate(spots):
        _a, cache_n, folder_n, _ = _copy_of(bundled_baseline, tmp_path / str(n))
        path = folder_n / name
        data = bytearray(path.read_bytes())
        data[offset] ^= 0xFF
        path.write_bytes(bytes(data))
        try:
            with open_index(archive, cache_n) as index:
                got = _answers(index)
        except Exception as exc:  # noqa: BLE001 - recorded as a failure of this flip
            got = f"{type(exc).__name__}: {exc}"
        if got != answers:
            wrong.append((name, offset, got if isinstance(got, str) else "wrong results"))
    assert not wrong, wrong


def test_annotations_imported_on_the_command_line_are_searchable_there(tmp_path: Path, capsys,
                                                                      bundled_archive_path: Path) -> None:
    """``$A annotations import FILE; $A search 'tag:population'`` found nothing: the command line never
    brought annotations into the index (``tag:`` and ``note:`` worked only inside the window)."""
    import json

    from ashraf_desktop.cli import main
    from ashraf_desktop.core.annotations import open_store
    from ashraf_desktop.paths import user_dirs
    with open_store(user_dirs(tmp_path / "one").ensure().data) as store:
        store.create("ashraf", "about-camp-ashraf", "note", body="how many lived there", tags=["population"])
    assert main(["--data-dir", str(tmp_path / "one"), "annotations", "export"]) == 0
    source = tmp_path / "notes.jsonld"
    source.write_text(capsys.readouterr().out, encoding="utf-8")
    two = ["--data-dir", str(tmp_path / "two")]
    assert main([*two, "search", "Odierno"]) == 0  # an index exists before the import
    assert main([*two, "annotations", "import", str(source)]) == 0
    capsys.readouterr()
    assert main([*two, "search", "tag:population", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1
    assert main([*two, "search", "note:lived", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1
