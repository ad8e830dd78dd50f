"""The annotations store: every core action, undo/redo, tags, filters, the change feed, concurrency errors,
schema migration, backups and restore. Everything under tmp data folders."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ashraf_desktop.core.annotations import (
    AnnotationStore, AnnotationValueError, Colour, Kind, NotFoundError, ReadOnlyStoreError, RegionSelector,
    SchemaTooNewError, StaleEditError, Status, StoreBusyError, StoreCorruptError, open_store, text_selector)
from ashraf_desktop.core.annotations import backup as backup_mod
from ashraf_desktop.core.annotations.schema import CURRENT_VERSION, V1_SQL

TEXT = "Camp Ashraf lies in Diyala. In 1986 the camp was built on barren land near the border.\n"
SHA = "a" * 64


class Clock:
    """A controllable clock: tests decide what 'now' is."""

    def __init__(self) -> None:
        self.now = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **kw) -> None:
        self.now += timedelta(**kw) if kw else timedelta(seconds=1)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock):
    with open_store(tmp_path / "data", clock=clock) as s:
        yield s


def _highlight(store, quote="In 1986 the camp was built", **kw):
    start = TEXT.index(quote)
    return store.create("test", "doc", Kind.HIGHLIGHT, text=text_selector(TEXT, start, start + len(quote)),
                        item_sha256=SHA, **kw).after


# -- the database -----------------------------------------------------------------------------------------

def test_database_settings(store: AnnotationStore):
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")] == \
        list(range(1, CURRENT_VERSION + 1))
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.path.name == "annotations.sqlite" and store.integrity_check() == ["ok"]


# -- create, read, update, delete ---------------------------------------------------------------------------

def test_create_highlight_is_committed_and_readable_by_another_connection(store, tmp_path):
    a = _highlight(store, colour="green", body="Built **1986**.", tags=["Camp", " camp ", "History"], author="Ann")
    assert a.kind is Kind.HIGHLIGHT and a.colour is Colour.GREEN and a.tags == ("camp", "history")
    assert a.created == a.modified == "2024-05-01T09:00:00.000Z" and a.status is Status.ANCHORED
    with AnnotationStore(store.path, read_only=True) as other:
        assert other.get(a.id) == a


def test_note_on_whole_item_and_region(store):
    note = store.create("test", "report", "note", body="A record without a file.").after
    assert note.text is None and store.get(note.id).body == "A record without a file."
    region = store.create("test", "photo", "region", region=RegionSelector(10, 20.5, 30, 40), tags=["gate"]).after
    assert store.get(region.id).region == RegionSelector(10.0, 20.5, 30.0, 40.0)


@pytest.mark.parametrize("kwargs", [
    dict(kind="highlight"),  # no selector
    dict(kind="region", region=RegionSelector(90, 0, 20, 10)),  # outside the image
    dict(kind="note", colour="purple"),
    dict(kind="note", tags=["  "]),
    dict(kind="bogus"),
])
def test_invalid_input_is_a_value_error_and_writes_nothing(store, kwargs):
    kind = kwargs.pop("kind")
    with pytest.raises(AnnotationValueError):
        store.create("test", "doc", kind, **kwargs)
    assert store.all() == []


def test_update_changes_fields_and_modified(store, clock):
    a = _highlight(store)
    clock.tick()
    m = store.update(a.id, colour="blue", body="note", tags=["x"])
    assert m.before == a and m.after.colour is Colour.BLUE and m.after.modified == "2024-05-01T09:00:01.000Z"
    assert store.get(a.id) == m.after and m.after.created == a.created


def test_modified_always_grows_even_within_a_millisecond(store):
    a = _highlight(store)
    b = store.update(a.id, body="one").after
    c = store.update(a.id, body="two").after
    assert a.modified < b.modified < c.modified


def test_update_without_change_writes_nothing(store):
    a = _highlight(store, body="same")
    m = store.update(a.id, body="same")
    assert m.before == m.after == a


def test_delete_and_not_found(store):
    a = _highlight(store, tags=["only-here"])
    m = store.delete(a.id)
    assert m.before == a and m.after is None and store.find(a.id) is None
    assert store.tags() == []  # unused tag removed with it
    with pytest.raises(NotFoundError):
        store.delete(a.id)
    with pytest.raises(NotFoundError):
        store.update(a.id, body="x")


def test_add_and_remove_tag(store):
    a = _highlight(store, tags=["one"])
    store.add_tag(a.id, "Two")
    assert store.get(a.id).tags == ("one", "two")
    store.remove_tag(a.id, "ONE")
    assert store.get(a.id).tags == ("two",)


# -- undo / redo ---------------------------------------------------------------------------------------------

def test_undo_redo_of_create_update_delete(store, clock):
    m = store.create("test", "doc", "note", body="v1")
    a = m.after
    m = store.apply(m.inverse())  # undo create
    assert store.find(a.id) is None
    m = store.apply(m.inverse())  # redo create
    assert store.get(a.id).body == "v1" and store.get(a.id).created == a.created

    clock.tick()
    u = store.update(a.id, body="v2")
    u = store.apply(u.inverse())  # undo update
    assert store.get(a.id).body == "v1"
    u = store.apply(u.inverse())  # redo update
    assert store.get(a.id).body == "v2"

    d = store.delete(a.id)
    d = store.apply(d.inverse())  # undo delete: same id, created, content
    restored = store.get(a.id)
    assert restored.body == "v2" and restored.created == a.created and restored.id == a.id
    d = store.apply(d.inverse())  # redo delete
    assert store.find(a.id) is None


def test_undo_refuses_to_overwrite_a_change_made_elsewhere(store):
    a = _highlight(store)
    u = store.update(a.id, body="mine")
    with AnnotationStore(store.path) as other:
        other.update(a.id, body="theirs")
    with pytest.raises(StaleEditError):
        store.apply(u.inverse())
    assert store.get(a.id).body == "theirs"


# -- reading and filtering ---------------------------------------------------------------------------------

def test_for_item_is_in_reading_order_and_query_filters(store, clock):
    late = _highlight(store, quote="near the border", colour="pink", author="Bob", tags=["geo"])
    clock.tick(days=2)
    early = _highlight(store, quote="Camp Ashraf", author="Ann", tags=["camp", "geo"])
    note = store.create("test", "doc", "note", body="General remark about Diyala").after
    other = store.create("test", "other", "note", body="x").after
    assert [a.id for a in store.for_item("test", "doc")] == [note.id, early.id, late.id]
    assert {a.id for a in store.query(tag="GEO")} == {late.id, early.id}
    assert [a.id for a in store.query(author="Bob")] == [late.id]
    assert [a.id for a in store.query(colour="pink")] == [late.id]
    assert [a.id for a in store.query(kind="note", item_id="other")] == [other.id]
    assert {a.id for a in store.query(created_from="2024-05-02")} == {early.id, note.id, other.id}
    assert [a.id for a in store.query(created_to="2024-05-01")] == [late.id]
    assert [a.id for a in store.query(contains="diyala")] == [note.id]
    assert store.counts_by_item("test") == {"doc": 3, "other": 1}
    assert store.authors() == ["Ann", "Bob"]


def test_tag_completion(store):
    _highlight(store, tags=["camp", "camp life"])
    _highlight(store, quote="barren land", tags=["camp", "land"])
    assert [(t.name, t.count) for t in store.tags("CA")] == [("camp", 2), ("camp life", 1)]
    assert [t.name for t in store.tags()] == ["camp", "camp life", "land"]
    assert store.tags("%") == []  # LIKE wildcards are literal


# -- anchoring through the store ------------------------------------------------------------------------------

def test_reanchor_item_moves_orphans_and_reattaches(store, clock):
    moved = _highlight(store, quote="In 1986 the camp was built")
    gone = _highlight(store, quote="near the border")
    region = store.create("test", "doc", "note", body="whole item").after
    modified_before = store.get(moved.id).modified
    new_text = "Foreword. " + TEXT.replace(" near the border", "")
    report = store.reanchor_item("test", "doc", new_text)
    assert report.moved == (moved.id,) and report.orphaned == (gone.id,) and report.changed
    got = store.get(moved.id)
    assert new_text[got.text.start:got.text.end] == "In 1986 the camp was built"
    assert got.modified == modified_before  # following the text is not an edit
    orphan = store.get(gone.id)
    assert orphan.status is Status.ORPHANED and orphan.text.exact == "near the border"  # kept, quote intact
    assert [a.id for a in store.orphans("test")] == [gone.id]
    assert store.get(region.id).status is Status.ANCHORED
    again = store.reanchor_item("test", "doc", new_text)
    assert again.unchanged == (moved.id,) and again.orphaned == (gone.id,)
    back = store.reanchor_item("test", "doc", TEXT)
    assert set(back.reattached) == {gone.id} and store.get(gone.id).status is Status.ANCHORED


# -- change feed for the search index ----------------------------------------------------------------------------

def test_change_feed_and_subscribers(store):
    seen = []
    unsubscribe = store.subscribe(seen.append)
    a = _highlight(store, body="note text", tags=["t"])
    b = store.create("test", "doc", "note", body="second").after
    batch = store.changes_since(None)
    assert batch.reset and {r.annotation_id for r in batch.upserts} == {a.id, b.id}
    rec = next(r for r in batch.upserts if r.annotation_id == a.id)
    assert (rec.note, rec.tags, rec.quote, rec.item_id) == ("note text", ("t",), "In 1986 the camp was built", "doc")
    cursor = str(batch.cursor)
    store.update(a.id, body="changed")
    store.delete(b.id)
    batch2 = store.changes_since(cursor)
    assert not batch2.reset and [r.note for r in batch2.upserts] == ["changed"] and batch2.deletes == (b.id,)
    assert store.changes_since(batch2.cursor).upserts == () and store.changes_since(batch2.cursor).deletes == ()
    assert [c.op for batch in seen for c in batch] == ["upsert", "upsert", "upsert", "delete"]
    unsubscribe()
    store.update(a.id, body="again")
    assert len(seen) == 4
    assert [r.annotation_id for r in store.index_records()] == [a.id]


def test_a_failing_subscriber_does_not_fail_the_save(store):
    store.subscribe(lambda changes: 1 / 0)
    a = _highlight(store)
    assert store.get(a.id) == a


def test_changed_elsewhere(store):
    store.changed_elsewhere()
    _highlight(store)
    assert not store.changed_elsewhere()  # own commits do not count
    with AnnotationStore(store.path) as other:
        other.create("test", "doc", "note", body="from another window")
    assert store.changed_elsewhere()


# -- a second window ------------------------------------------------------------------------------------------

def test_busy_writer_gives_a_clear_error_within_the_bound(store):
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with AnnotationStore(store.path, write_timeout=0.2) as second:
            assert second.all() == []  # reading is not blocked
            import time
            t0 = time.monotonic()
            with pytest.raises(StoreBusyError) as info:
                second.create("test", "doc", "note", body="x")
            assert time.monotonic() - t0 < 2
            assert "another Ashraf Archive window is saving" in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.create("test", "doc", "note", body="now it works").after


def test_read_only_mode(store):
    a = _highlight(store)
    with AnnotationStore(store.path, read_only=True) as ro:
        assert ro.get(a.id) == a
        with pytest.raises(ReadOnlyStoreError):
            ro.delete(a.id)


def test_damaged_file_is_a_corrupt_error(tmp_path):
    path = tmp_path / "annotations.sqlite"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StoreCorruptError):
        AnnotationStore(path)


# -- schema migrations ------------------------------------------------------------------------------------------

def test_migration_from_v1_keeps_data_and_feeds_it(tmp_path, clock):
    path = tmp_path / "data" / "annotations.sqlite"
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(V1_SQL)
    conn.execute("INSERT INTO schema_migrations VALUES (1, 'annotations, tags', '2023-01-01T00:00:00.000Z')")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("""INSERT INTO annotation (id, collection_id, item_id, item_sha256, kind, colour, body, author,
                    created, modified, status, quote_exact, quote_prefix, quote_suffix, pos_start, pos_end)
                    VALUES ('11111111-2222-4333-8444-555555555555', 'test', 'doc', '', 'highlight', 'green',
                    'old note', 'Ann', '2023-01-01T00:00:00.000Z', '2023-01-02T00:00:00.000Z', 'anchored',
                    'Camp Ashraf', '', ' lies', 0, 11)""")
    conn.execute("INSERT INTO tag (name) VALUES ('legacy')")
    conn.execute("INSERT INTO annotation_tag VALUES ('11111111-2222-4333-8444-555555555555', 1)")
    conn.close()
    with AnnotationStore(path, clock=clock) as store:
        assert store.schema_version == CURRENT_VERSION
        a = store.get("11111111-2222-4333-8444-555555555555")
        assert (a.body, a.tags, a.colour, a.text.exact) == ("old note", ("legacy",), Colour.GREEN, "Camp Ashraf")
        assert [r.annotation_id for r in store.changes_since(None).upserts] == [a.id]
        assert any(b.kind == f"pre-v{CURRENT_VERSION}" for b in store.list_backups())
        store.update(a.id, body="new note")
    with AnnotationStore(path) as again:  # re-opening does not migrate twice
        assert again.get(a.id).body == "new note"


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "annotations.sqlite"
    AnnotationStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNewError):
        AnnotationStore(path)


# -- backups ---------------------------------------------------------------------------------------------

def test_backup_if_due_daily_keeps_seven(store):
    _highlight(store)
    day = datetime(2024, 5, 1, 12, 0)
    made = []
    for n in range(10):
        path = store.backup_if_due(day + timedelta(days=n))
        assert path is not None and path.name == f"annotations-{(day + timedelta(days=n)).date()}.sqlite"
        made.append(path)
        assert store.backup_if_due(day + timedelta(days=n, hours=5)) is None  # once a day
    daily = [b for b in store.list_backups() if b.kind == "daily"]
    assert [b.path for b in daily] == list(reversed(made[-7:]))
    for b in daily:
        assert backup_mod.check_backup(b.path) == CURRENT_VERSION
    assert not list(store.backup_dir.glob("*.tmp"))


def test_restore_from_backup_keeps_a_copy_of_the_current_state(store):
    keep = _highlight(store, body="before the backup")
    backup = store.backup_if_due(datetime(2024, 5, 1, 12))
    later = store.create("test", "doc", "note", body="after the backup").after
    store.update(keep.id, body="edited after the backup")
    cursor = store.changes_since(None).cursor
    with AnnotationStore(store.path) as other_window:
        safety = store.restore(backup)
        assert other_window.get(keep.id).body == "before the backup"  # other connections see it
    assert store.get(keep.id).body == "before the backup" and store.find(later.id) is None
    assert store.integrity_check() == ["ok"]
    assert store.changes_since(cursor).reset  # the search index re-reads everything
    store.restore(safety)  # and the restore itself can be undone
    assert store.get(later.id).body == "after the backup"
    assert store.create("test", "doc", "note", body="writable after restore").after


def test_restore_refuses_a_damaged_backup(store, tmp_path):
    bad = tmp_path / "annotations-2024-01-01.sqlite"
    bad.write_bytes(b"garbage" * 1000)
    a = _highlight(store)
    with pytest.raises(Exception) as info:
        store.restore(bad)
    assert "cannot restore" in str(info.value)
    assert store.get(a.id) == a
