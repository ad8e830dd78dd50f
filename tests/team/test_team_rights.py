"""Rights are the server's: a member without rights cannot change another's annotation, not even with
SQL written by hand on their own connection; an editor can, and authorship stays. Hostile text is data."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from ashraf_desktop.core.annotations import open_store
from ashraf_desktop.core.team import LocalBook, sync
from ashraf_desktop.core.team.server import wire_in

from test_team_sync import _highlight, _sync


def _alice_annotation(team, folder: Path) -> str:
    with open_store(folder) as store:
        ident = _highlight(store, "Alice's note", ["camp"])
    _sync(team, "alice", folder)
    return ident


def _server_row(team, ident: str):
    with team.connect("alice") as conn:
        return conn.execute("SELECT owner, revision, fields::text, deleted FROM ashraf_team.annotation WHERE id = %s",
                            (ident,)).fetchone()


HAND_WRITTEN = [
    "UPDATE ashraf_team.annotation SET fields = '{{\"body\": \"bob was here\"}}' WHERE id = '{id}'",
    "UPDATE ashraf_team.annotation SET deleted = true WHERE id = '{id}'",
    "UPDATE ashraf_team.annotation SET owner = current_user WHERE id = '{id}'",
    "DELETE FROM ashraf_team.annotation WHERE id = '{id}'",
    "TRUNCATE ashraf_team.annotation",
    "ALTER TABLE ashraf_team.annotation DISABLE ROW LEVEL SECURITY",
    "DROP POLICY update_own ON ashraf_team.annotation",
    "INSERT INTO ashraf_team.annotation (id, owner, fields) VALUES ('{id}', 'x', '{{}}') "
    "ON CONFLICT (id) DO UPDATE SET fields = '{{\"body\": \"x\"}}'",
    "UPDATE ashraf_team.annotation_history SET fields = '{{}}'",
    "DELETE FROM ashraf_team.annotation_history",
    "SET ROLE {alice}",
    "SELECT * FROM ashraf_team.push('[{{\"id\": \"{id}\", \"base\": {rev}, \"key\": "
    "\"00000000-0000-4000-8000-000000000000\", \"fields\": {{\"body\": \"via push\"}}, \"deleted\": false, "
    "\"conflicts\": {{}}}}]')",
]


@pytest.mark.parametrize("statement", HAND_WRITTEN)
def test_a_member_cannot_change_anothers_annotation_with_hand_written_sql(team, tmp_path: Path, statement: str) -> None:
    ident = _alice_annotation(team, tmp_path / "a")
    before = _server_row(team, ident)
    sql = statement.format(id=ident, rev=before[1], alice=team.role("alice"))
    with team.connect("bob", autocommit=True) as conn:
        try:
            result = conn.execute(sql)
            if result.description and "push" in sql:
                assert [tuple(r)[1] for r in result.fetchall()] == ["refused"]
            else:
                assert result.rowcount in (0, -1)
        except psycopg.errors.InsufficientPrivilege:
            pass  # refused outright: as good
    assert _server_row(team, ident) == before
    with team.connect("alice") as conn:
        assert conn.execute("SELECT count(*) FROM ashraf_team.annotation_history").fetchone()[0] == 1


def test_a_refused_edit_is_kept_for_its_author_and_never_reaches_the_server(team, folders) -> None:
    a, b = folders
    ident = _alice_annotation(team, a)
    _sync(team, "bob", b)
    with open_store(b) as store:
        store.update(ident, body="Bob rewrites Alice's note")
    report = _sync(team, "bob", b)
    assert report.refused == 1 and report.conflicts == 1 and report.waiting == 1
    assert "Alice's note" in _server_row(team, ident)[2]
    with open_store(b) as store:
        [entry] = LocalBook(store).conflicts()
        assert entry.refused and team.role("alice") in entry.refused
        assert store.get(ident).body == "Bob rewrites Alice's note"  # his words are not thrown away
        copy = LocalBook(store).keep_refused_as_mine(ident, "Bob")
        assert store.get(ident).body == "Alice's note"
        assert (store.get(copy).body, store.get(copy).author) == ("Bob rewrites Alice's note", "Bob")
    report = _sync(team, "bob", b)
    assert report.waiting == 0 and report.conflicts == 0
    _sync(team, "alice", a)
    with open_store(a) as store:
        assert store.get(copy).body == "Bob rewrites Alice's note"
        assert store.get(ident).body == "Alice's note"


def test_an_editor_may_change_any_annotation_and_authorship_stays(team, folders) -> None:
    a, b = folders
    ident = _alice_annotation(team, a)
    _sync(team, "eve", b)
    with open_store(b) as store:
        store.update(ident, body="edited by the editor")
    assert _sync(team, "eve", b).pushed == 1
    owner, _rev, fields, _deleted = _server_row(team, ident)
    assert owner == team.role("alice") and json.loads(fields)["author"] == "Alice"
    assert json.loads(fields)["body"] == "edited by the editor"
    with team.connect("eve") as conn:
        by = conn.execute("SELECT updated_by FROM ashraf_team.annotation WHERE id = %s", (ident,)).fetchone()[0]
    assert by == team.role("eve")


HOSTILE = ("'); DROP TABLE ashraf_team.annotation; -- \" $$ ; $x$ \\ \\\\ %s %(x)s {0} "
           "\x00 NUL \x01\x02\x07\x08\t\n\r\x0b\x0c\x1b[31m red \x1b[0m \x7f \u0085 \u2028 \u2029 "
           "\u202e\u2066 RTL \u200f\u200e \ufeff \ufffe \U0001f600 'آشرف' \"عراق\" \\u0000 \\x00 "
           "E'\\\\' $tag$ ; COMMIT; ROLLBACK; SELECT pg_sleep(10); \\copy x to '/tmp/x'")


def test_annotation_text_full_of_sql_and_control_characters_stays_inert(team, folders) -> None:
    a, b = folders
    with open_store(a) as store:
        ident = _highlight(store, HOSTILE, ["drop table; --", "tag\x1bwith\x00control"], author="O'Brien; --")
        original = store.get(ident)
    _sync(team, "alice", a)
    _sync(team, "bob", b)
    with open_store(b) as store:
        got = store.get(ident)
    assert got.body == HOSTILE and got.author == "O'Brien; --" and got.tags == original.tags
    with team.connect("alice") as conn:
        assert conn.execute("SELECT count(*) FROM ashraf_team.annotation").fetchone()[0] == 1
        fields = conn.execute("SELECT fields FROM ashraf_team.annotation").fetchone()[0]
    assert "\x00" not in fields["body"] and wire_in(fields["body"]) == HOSTILE  # NUL escaped on the server


def test_a_client_gone_inside_a_transaction_does_not_block_the_team(team) -> None:
    with team.connect("alice") as conn:
        timeout = conn.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0]
    assert timeout == "1min"  # set on the database by team init


def test_a_refused_edit_stays_as_written_while_the_owner_edits_on(team, folders) -> None:
    a, b = folders
    ident = _alice_annotation(team, a)
    _sync(team, "bob", b)
    with open_store(b) as store:
        store.update(ident, body="Bob's words")
    assert _sync(team, "bob", b).refused == 1
    with open_store(a) as store:
        store.update(ident, body="Alice's newer words")
    _sync(team, "alice", a)
    report = _sync(team, "bob", b)
    assert report.refused == 0 and report.conflicts == 1  # not sent again, still waiting for Bob
    with open_store(b) as store:
        assert store.get(ident).body == "Bob's words"
        copy = LocalBook(store).keep_refused_as_mine(ident, "Bob")
        assert store.get(copy).body == "Bob's words"
        assert store.get(ident).body == "Alice's newer words"  # the owner's latest, not the old copy
