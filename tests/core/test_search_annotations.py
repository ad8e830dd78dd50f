"""Annotations in the search index: synced incrementally from the annotations database's change feed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ashraf_desktop.core.annotations import open_store, text_selector
from ashraf_desktop.core.search import Filters, open_index
from ashraf_desktop.core.search._files import ANNOTATION_CURSOR
from ashraf_desktop.core.search._schema import plain_note

from test_search_index import TEXTS, make_archive  # noqa: E402 - tests/core is on sys.path (rootdir conftest)


@pytest.fixture
def setup(tmp_path: Path):
    archive = make_archive(tmp_path / "arch")
    index = open_index(archive, tmp_path / "cache")
    store = open_store(tmp_path / "data")
    yield index, store, archive, tmp_path
    store.close()
    index.close()


def _note(store, item="water-history", quote="Residents dug a canal", body="", tags=(), **kw):
    text = TEXTS[item]
    start = text.index(quote)
    return store.create("test", item, "highlight", text=text_selector(text, start, start + len(quote)), body=body,
                        tags=tags, author=kw.pop("author", "A. Archivist"), **kw).after


def test_notes_and_tags_are_found_by_note_tag_and_plain_queries(setup) -> None:
    index, store, archive, tmp = setup
    a = _note(store, body="The **canal** was dug by hand; see [the report](item:liberty-report).",
              tags=("Water works", "hand labour"))
    report = index.sync_annotations(tmp / "data")
    assert report.added == 1 and report.rebuilt  # first sync: a reset
    hits = index.search("note:hand").hits
    assert [h.kind for h in hits] == ["annotation"]
    hit = hits[0]
    assert hit.annotation_id == a.id and hit.id == a.id and hit.item_id == "water-history"
    assert hit.title == "The water supply of the camp"  # the annotated item's title
    assert hit.quote == "Residents dug a canal" and hit.tags == ("hand labour", "water works")
    assert "canal was dug by hand" in hit.snippet and "**" not in hit.snippet and "item:" not in hit.snippet
    assert hit.highlights  # the note word is marked in the snippet
    assert [h.id for h in index.search('tag:"water works"').hits] == [a.id]
    assert a.id in [h.id for h in index.search("labour").hits]  # plain query: tags and notes
    assert [h.id for h in index.search("author:archivist kind:annotation").hits] == [a.id]
    # the note field is only notes: the document's own text is not found by note:
    assert index.search("note:Tigris").total == 0
    # dated like its item (1986): a date filter keeps it
    assert a.id in [h.id for h in index.search("note:hand date:1986").hits]
    assert index.search("note:hand date:2012").total == 0
    facets = dict(index.search("hand").facets["kind"])
    assert facets.get("annotation") == 1
    assert [h.id for h in index.search("hand", filters=Filters(kinds=frozenset({"annotation"}))).hits] == [a.id]


def test_incremental_update_delete_and_nothing_to_do(setup) -> None:
    index, store, archive, tmp = setup
    a = _note(store, body="first wording")
    index.sync_annotations(tmp / "data")
    assert index.search("note:first").total == 1
    store.update(a.id, body="second wording")
    report = index.sync_annotations(tmp / "data")
    assert report.added == 1 and not report.rebuilt
    assert index.search("note:first").total == 0 and index.search("note:second").total == 1
    assert index.sync_annotations(tmp / "data").added == 0  # nothing changed: nothing written
    store.delete(a.id)
    report = index.sync_annotations(tmp / "data")
    assert report.deleted == 1
    assert index.search("note:second").total == 0
    # the archive's own documents are untouched, and the archive diff ignores annotations
    assert index.update(archive).changes == 0
    assert index.search("canal").total >= 1


def test_cursor_survives_reopen_and_a_rebuild_re_adds_annotations(setup) -> None:
    index, store, archive, tmp = setup
    _note(store, body="persisted note")
    index.sync_annotations(tmp / "data")
    folder = index.folder
    assert (folder / ANNOTATION_CURSOR).is_file()
    index.close()
    again = open_index(archive, tmp / "cache")
    try:
        assert again.search("note:persisted").total == 1  # kept in the index
        assert again.sync_annotations(tmp / "data").added == 0  # and the cursor says it is current
        assert again.last_update is None or again.last_update.changes == 0
        again.rebuild()  # a new generation: annotations are synced again by the rebuild itself
        assert again.search("note:persisted").total == 1
    finally:
        again.close()


def test_restore_resets_and_other_collections_are_ignored(setup) -> None:
    index, store, archive, tmp = setup
    keep = _note(store, body="kept note")
    backup = store.backup_now()
    _note(store, body="later note", quote="Gardens and squares")
    store.create("other-collection", "x", "note", body="foreign note")
    index.sync_annotations(tmp / "data")
    assert index.search("note:later").total == 1
    assert index.search("note:foreign").total == 0
    store.restore(backup)
    report = index.sync_annotations(tmp / "data")
    assert report.rebuilt
    assert index.search("note:later").total == 0
    assert [h.id for h in index.search("note:kept").hits] == [keep.id]


def test_missing_database_means_no_annotations(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arch")
    with open_index(archive, tmp_path / "cache") as index:
        assert index.sync_annotations(tmp_path / "nowhere").added == 0
        assert index.search("kind:annotation").total == 0


def test_plain_note() -> None:
    assert plain_note("# Title\n\n- **bold** and _it_ [link](item:x)") == "Title\n\nbold and it link"


def test_an_annotation_follows_its_item_s_date_and_title(setup) -> None:
    """An annotation is dated like its item (a date filter keeps it with the item) and shows its title: when
    the item's date or title changes, or the item goes, the annotation's document follows in the same update
    (found by the stateful test: the annotation stayed under the item's old date)."""
    import dataclasses

    from ashraf_desktop.core.archive import parse_date
    index, store, archive, tmp = setup
    a = _note(store, body="dated like its item")
    index.sync_annotations(tmp / "data")
    assert [h.id for h in index.search("note:dated date:1986").hits] == [a.id]
    item = archive.item("water-history")
    moved = dataclasses.replace(item, date=parse_date("2011"),
                                metadata=dataclasses.replace(item.metadata, title="Water, again"))
    index.update_items([moved])
    assert index.search("note:dated date:1986").total == 0
    [hit] = index.search("note:dated date:2011").hits
    assert hit.id == a.id and hit.title == "Water, again"
    index.update_items((), ["water-history"])
    assert index.search("note:dated date:2011").total == 0  # its item is gone: undated
    assert [h.id for h in index.search("note:dated").hits] == [a.id]  # but still found


def test_first_annotation_on_a_shipped_index_opened_in_place(tmp_path: Path) -> None:
    """The packaged app opens its shipped (read-only) index in place; the first annotation makes a writable
    copy in the cache. That copy must not close the annotations database the sync is reading (it did: every
    first highlight of a new user 'damaged' the index and rebuilt it, a traceback in the smoke test)."""
    archive = make_archive(tmp_path / "arch")
    with open_index(archive, tmp_path / "build") as index:
        shipped = index.export(tmp_path / "shipped")
    store = open_store(tmp_path / "data")
    index = open_index(archive, tmp_path / "cache", prebuilt=shipped)
    try:
        assert index.folder == shipped
        a = _note(store, body="dug by hand", tags=("water works",))
        report = index.sync_annotations(tmp_path / "data")
        assert report.added == 1
        assert index.folder != shipped
        assert [h.id for h in index.search('tag:"water works"').hits] == [a.id]
        assert not [n for n in index.notices if n.code == "rebuilt-damaged"]
    finally:
        store.close()
        index.close()


def test_a_generation_put_in_place_by_another_process_gets_the_annotations_back(setup) -> None:
    """The window keeps its index open while the command line rebuilds it and stops before bringing the
    annotations in (found by the stateful test's killed writer): the window follows the new generation at
    its next write and puts its annotations back into it."""
    from ashraf_desktop.core.search import rebuild_index
    index, store, archive, tmp = setup
    a = _note(store, body="kept through a rebuild elsewhere")
    index.sync_annotations(tmp / "data")
    assert [h.id for h in index.search("note:elsewhere").hits] == [a.id]
    other = rebuild_index(archive, tmp / "cache")  # another SearchIndex, as another process has it
    elsewhere = other.folder
    other.close()
    index.update_items([archive.item("water-history")])
    assert index.folder == elsewhere
    assert [h.id for h in index.search("note:elsewhere").hits] == [a.id]


def test_a_sync_after_a_small_add_does_not_copy_the_whole_archive(setup, monkeypatch) -> None:
    """After ``update_items`` (an import's add), the annotation sync looks up only the items its annotations
    are on: it used to apply the add to a copy of the whole archive first (2.2 s of a 5 s add at 100,000
    items, h8's measurement)."""
    from dataclasses import replace

    from ashraf_desktop.core.search import _writing

    index, store, archive, tmp = setup
    index.sync_annotations(tmp / "data")
    base = archive.item("water-history")
    added = replace(base, id="water-history-copy")
    index.update_items([added])

    def copy_of_everything(*_a, **_k):
        raise AssertionError("the whole archive was copied")

    monkeypatch.setattr(_writing, "_patched_archive", copy_of_everything)
    a = _note(store, item="water-history", body="copied by hand")
    b = store.create("test", "water-history-copy", "highlight",
                     text=text_selector(TEXTS["water-history"], 0, 9), body="on the new item",
                     author="A. Archivist").after
    report = index.sync_annotations(tmp / "data")
    assert report.added == 2
    assert not [n for n in index.notices if "damaged" in n.code]
    assert [h.id for h in index.search("note:copied").hits] == [a.id]
    hit = index.search('note:"new item"').hits[0]
    assert hit.id == b.id and hit.title == base.metadata.title  # the added item, found without a copy
