"""Two data folders syncing through a real PostgreSQL server (tests/team/team_pg.py starts it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ashraf_desktop.core.annotations import AnnotationStore, open_store, text_selector
from ashraf_desktop.core.team import LocalBook, sync

TEXT = "In 1986 the camp was built on barren land north of Baghdad, near the Iranian border."


def _highlight(store: AnnotationStore, body: str = "", tags=(), author: str = "Alice") -> str:
    start = TEXT.index("the camp")
    selector = text_selector(TEXT, start, start + len("the camp was built"))
    return store.create("ashraf", "brief-history", "highlight", text=selector, body=body, tags=tags,
                        author=author).after.id


def _sync(team, short: str, folder: Path):
    with open_store(folder) as store, team.connect(short) as conn:
        return sync(store, conn)


def test_two_data_folders_exchange_annotations_both_ways(team, folders) -> None:
    a, b = folders
    with open_store(a) as store:
        first = _highlight(store, "Built in 1986.", ["construction"])
    report = _sync(team, "alice", a)
    assert report.pushed == 1 and report.waiting == 0
    report = _sync(team, "bob", b)
    assert report.pulled == 1
    with open_store(b) as store:
        got = store.get(first)
        assert (got.body, got.tags, got.author) == ("Built in 1986.", ("construction",), "Alice")
        second = _highlight(store, "Bob's note", author="Bob")
    _sync(team, "bob", b)
    _sync(team, "alice", a)
    with open_store(a) as store:
        assert store.get(second).body == "Bob's note"
        assert {x.id for x in store.all()} == {first, second}
    # deleting is a tombstone that travels
    with open_store(a) as store:
        store.delete(first)
    _sync(team, "alice", a)
    _sync(team, "bob", b)
    with open_store(b) as store:
        assert store.find(first) is None
        assert LocalBook(store).waiting_count() == 0


def test_edits_to_different_fields_merge_and_tag_additions_combine(team, folders) -> None:
    a, b = folders
    with open_store(a) as store:
        ident = _highlight(store, "note", ["camp"])
    _sync(team, "alice", a)
    _sync(team, "eve", b)  # the editor may change anyone's annotation
    with open_store(a) as store:
        store.update(ident, body="note, corrected", tags=["camp", "1986"])
    with open_store(b) as store:
        store.update(ident, colour="green", tags=["camp", "construction"])
    _sync(team, "alice", a)
    report = _sync(team, "eve", b)
    assert report.merged == 1 and report.conflicts == 0
    _sync(team, "alice", a)
    for folder in (a, b):
        with open_store(folder) as store:
            got = store.get(ident)
            assert (got.body, str(got.colour), got.tags) == ("note, corrected", "green",
                                                             ("1986", "camp", "construction"))
            assert got.author == "Alice"  # the editor's sync did not make it hers


def test_same_field_edited_on_both_sides_keeps_both_values(team, folders) -> None:
    a, b = folders
    with open_store(a) as store:
        ident = _highlight(store, "first wording")
    _sync(team, "alice", a)
    _sync(team, "eve", b)
    with open_store(a) as store:
        store.update(ident, body="Alice's wording")
    with open_store(b) as store:
        store.update(ident, body="Eve's wording")
    _sync(team, "alice", a)
    report = _sync(team, "eve", b)
    assert report.new_conflicts == [ident] and report.conflicts == 1
    _sync(team, "alice", a)
    for folder in (a, b):
        with open_store(folder) as store:
            [entry] = LocalBook(store).conflicts()
            assert entry.annotation.body == "Alice's wording"  # the value that was on the server first
            assert [alt.value for alt in entry.conflicts["body"]] == ["Eve's wording"]
    # resolved on one side, field by field: the choice travels and the conflict is gone everywhere
    with open_store(a) as store:
        LocalBook(store).resolve(ident, "body", 0)
    _sync(team, "alice", a)
    _sync(team, "eve", b)
    for folder in (a, b):
        with open_store(folder) as store:
            assert store.get(ident).body == "Eve's wording"
            assert LocalBook(store).conflicts() == []


def test_anchoring_in_this_copys_text_is_not_sent_and_survives_others_edits(team, folders) -> None:
    a, b = folders
    with open_store(a) as store:
        ident = _highlight(store, "note")
    _sync(team, "alice", a)
    _sync(team, "eve", b)
    moved_text = "A longer preface was added. " + TEXT  # B's copy of the item has text inserted before the passage
    with open_store(b) as store:
        assert store.reanchor_item("ashraf", "brief-history", moved_text).moved == (ident,)
        moved = store.get(ident).text
    report = _sync(team, "eve", b)
    assert report.pushed == 0 and report.waiting == 0  # positions are each copy's own business
    with open_store(a) as store:
        store.update(ident, body="note, edited by Alice")
    _sync(team, "alice", a)
    _sync(team, "eve", b)
    with open_store(b) as store:
        got = store.get(ident)
        assert got.body == "note, edited by Alice" and got.text == moved


def test_a_cancelled_run_stops_between_batches_and_the_next_one_finishes(team, folders) -> None:
    from ashraf_desktop.core.team import SyncCancelled
    a, _ = folders
    with open_store(a) as store:
        for n in range(30):
            _highlight(store, f"note {n}")
    asked = []

    def cancelled() -> bool:  # yes from the third question on
        asked.append(1)
        return len(asked) > 2

    with open_store(a) as store, team.connect("alice") as conn:
        with pytest.raises(SyncCancelled):
            sync(store, conn, batch=10, cancelled=cancelled)
        assert 0 < LocalBook(store).waiting_count() < 30  # one batch went, the rest waits
    assert _sync(team, "alice", a).waiting == 0
    with team.connect("bob") as conn:
        assert conn.execute("SELECT count(*) FROM ashraf_team.annotation").fetchone()[0] == 30


def test_deleted_on_one_side_edited_on_the_other_keeps_the_edit_and_offers_the_deletion(team, folders) -> None:
    a, b = folders
    with open_store(a) as store:
        ident = _highlight(store, "to be argued about")
    _sync(team, "alice", a)
    _sync(team, "eve", b)
    with open_store(a) as store:
        store.delete(ident)
    with open_store(b) as store:
        store.update(ident, body="the editor's correction")
    _sync(team, "alice", a)  # the tombstone reaches the server first
    report = _sync(team, "eve", b)
    assert report.new_conflicts == [ident]
    _sync(team, "alice", a)
    with open_store(a) as store:  # back at Alice's, with the edit, and "deleted" as a choice
        assert store.get(ident).body == "the editor's correction"
        [entry] = LocalBook(store).conflicts()
        assert list(entry.conflicts) == ["_deleted"]
        LocalBook(store).resolve(ident, "_deleted", 0)  # Alice insists: deleted
    _sync(team, "alice", a)
    _sync(team, "eve", b)
    for folder in (a, b):
        with open_store(folder) as store:
            assert store.find(ident) is None and LocalBook(store).conflicts() == []


def test_a_server_restored_from_an_older_backup_gets_back_what_it_lost(team, folders) -> None:
    """The administrator restores last night's dump; meanwhile revision numbers are handed out again by
    new work. Copies that had synced further notice, and merge everything again by id: nothing is lost."""
    a, b = folders
    with open_store(a) as store:
        early = _highlight(store, "before the backup")
    _sync(team, "alice", a)
    _sync(team, "bob", b)
    with team.cluster.admin(team.database) as conn:
        backup_point = conn.execute("SELECT max(revision) FROM ashraf_team.annotation").fetchone()[0]
    with open_store(b) as store:
        late = _highlight(store, "after the backup", author="Bob")
    _sync(team, "bob", b)
    _sync(team, "alice", a)
    with team.cluster.admin(team.database) as conn:  # the restore: everything after the backup is gone
        conn.execute("ALTER TABLE ashraf_team.annotation DISABLE TRIGGER USER")
        conn.execute("DELETE FROM ashraf_team.annotation WHERE revision > %s", (backup_point,))
        conn.execute("DELETE FROM ashraf_team.annotation_history WHERE revision > %s", (backup_point,))
        conn.execute("ALTER TABLE ashraf_team.annotation ENABLE TRIGGER USER")
        conn.execute("SELECT setval('ashraf_team.revision_seq', %s)", (backup_point,))
        conn.commit()
    c = a.parent / "c"  # a third copy, new to the team, does new work: the lost revision numbers come again
    with open_store(c) as store:
        newer = {_highlight(store, f"after the restore {n}", author="Eve") for n in range(2)}
    _sync(team, "eve", c)
    assert _sync(team, "alice", a).reset  # Alice had synced past the backup: she merges everything again
    _sync(team, "bob", b)
    _sync(team, "alice", a)
    _sync(team, "eve", c)
    for folder in (a, b, c):
        with open_store(folder) as store:
            assert {x.id for x in store.all()} == {early, late} | newer
    with team.connect("alice") as conn:
        assert conn.execute("SELECT count(*) FROM ashraf_team.annotation").fetchone()[0] == 4
