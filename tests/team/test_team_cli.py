"""``ashraf-desktop team …``: set up a store and a member, connect, sync, list and resolve a conflict."""

from __future__ import annotations

import json
from pathlib import Path

from ashraf_desktop.cli import main
from ashraf_desktop.core.annotations import open_store

from test_team_sync import _highlight, _sync


def test_init_add_member_connect_sync_conflicts_resolve(pg_cluster, team, tmp_path: Path, capsys, monkeypatch,
                                                        folders) -> None:
    admin_url = pg_cluster.url(team.database).replace("postgresql:///", "postgresql://ashraf_admin@/")
    monkeypatch.setenv("PGPASSWORD", pg_cluster.admin_password)
    assert main(["team", "init", admin_url]) == 0
    assert "already up to date" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("s3cret-word\n"))
    role = f"{team.database}_zoe"
    assert main(["team", "add-member", admin_url, role, "--password-stdin"]) == 0
    capsys.readouterr()

    home = tmp_path / "zoe"
    assert main(["--data-dir", str(home), "team", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["configured"] is False
    assert main(["--data-dir", str(home), "team", "sync"]) == 2  # no team yet: says how to set one
    assert "team connect" in capsys.readouterr().err
    assert main(["--data-dir", str(home), "team", "connect", "http://x/y", "--user", role]) == 2
    assert main(["--data-dir", str(home), "team", "connect", team.url, "--user", role]) == 0
    monkeypatch.setenv("PGPASSWORD", "wrong")
    assert main(["--data-dir", str(home), "team", "sync"]) == 1
    assert "your changes are kept here" in capsys.readouterr().err
    monkeypatch.setenv("PGPASSWORD", "s3cret-word")
    with open_store(home / "data") as store:
        ident = _highlight(store, "Zoe's first wording", author="Zoe")
    assert main(["--data-dir", str(home), "team", "sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pushed"] == 1

    # the same annotation edited by the editor elsewhere and by Zoe here: a conflict on the note
    other = folders[1]
    _sync(team, "eve", other)
    with open_store(other) as store:
        store.update(ident, body="the editor's wording")
    _sync(team, "eve", other)
    with open_store(home / "data") as store:
        store.update(ident, body="Zoe's second wording")
    assert main(["--data-dir", str(home), "team", "sync"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(home), "team", "conflicts", "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["fields"]["body"]["current"] == "the editor's wording"
    assert [a["value"] for a in entry["fields"]["body"]["alternatives"]] == ["Zoe's second wording"]
    assert main(["--data-dir", str(home), "team", "resolve", ident, "body", "--take", "5"]) == 2
    assert main(["--data-dir", str(home), "team", "resolve", ident, "body", "--take", "0"]) == 0
    assert main(["--data-dir", str(home), "team", "sync"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(home), "team", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert (status["waiting"], status["conflicts"]) == (0, 0)
    _sync(team, "eve", other)
    with open_store(other) as store:
        assert store.get(ident).body == "Zoe's second wording"


def test_the_documented_setup_works_without_a_superuser(pg_cluster, tmp_path: Path, capsys, monkeypatch) -> None:
    """docs/team.md: a database owner with CREATEROLE (not a superuser) runs init and add-member."""
    import secrets
    owner, database, password = f"own_{secrets.token_hex(3)}", f"doc_{secrets.token_hex(3)}", secrets.token_hex(8)
    with pg_cluster.admin(autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE PASSWORD \'{password}\'')
        conn.execute(f'CREATE DATABASE "{database}" OWNER "{owner}"')
    url = f"postgresql://{owner}@/{database}?host={pg_cluster.socket_dir}"
    monkeypatch.setenv("PGPASSWORD", password)
    assert main(["team", "init", url]) == 0
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("pw-of-maryam\n"))
    assert main(["team", "add-member", url, f"{database}_maryam", "--password-stdin", "--editor"]) == 0
    home = tmp_path / "m"
    assert main(["--data-dir", str(home), "team", "connect", pg_cluster.url(database), "--user", f"{database}_maryam"]) == 0
    monkeypatch.setenv("PGPASSWORD", "pw-of-maryam")
    with open_store(home / "data") as store:
        _highlight(store, "set up by the owner")
    capsys.readouterr()
    assert main(["--data-dir", str(home), "team", "sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pushed"] == 1
