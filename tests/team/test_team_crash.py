"""A client killed (kill -9) mid-sync, and the server stopped mid-sync: after the next sync nothing is lost
and nothing is doubled. The client is the real ``ashraf-desktop team sync`` in a subprocess, stopped at a
named point of the sync (engine.checkpoint) - the test waits for it to get there, no sleeps."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ashraf_desktop.core.annotations import open_store
from ashraf_desktop.core.team import LocalBook, save_config, sync
from ashraf_desktop.core.team.engine import CHECKPOINT_ENV

from test_team_sync import _highlight

REPO = Path(__file__).resolve().parents[2]


def _cli_sync(team, short: str, home: Path, checkpoints: Path | None = None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PGPASSWORD"] = team.passwords[team.role(short)]
    env["PYTHONPATH"] = str(REPO)
    if checkpoints is not None:
        env[CHECKPOINT_ENV] = str(checkpoints)
    return subprocess.Popen([sys.executable, "-m", "ashraf_desktop", "--data-dir", str(home), "team", "sync"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(path: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the sync ended before {path.name}: {proc.communicate()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"the sync never reached {path.name}")
        time.sleep(0.01)


def _stopped_at(team, short: str, home: Path, point: str, marks: Path) -> subprocess.Popen:
    """``team sync`` of ``home`` in a subprocess, waiting at ``point`` (engine.checkpoint)."""
    marks.mkdir()
    (marks / f"{point}.armed").touch()
    proc = _cli_sync(team, short, home, marks)
    _wait_for(marks / f"{point}.reached", proc)
    return proc


def _member_home(team, short: str, home: Path) -> Path:
    save_config(home / "config", team.config(short))
    return home


def _server_counts(team) -> tuple[int, int, int]:
    with team.connect("alice") as conn:
        rows = conn.execute("SELECT count(*), count(DISTINCT id) FROM ashraf_team.annotation").fetchone()
        history = conn.execute("SELECT count(*) FROM ashraf_team.annotation_history").fetchone()[0]
    return rows[0], rows[1], history


@pytest.mark.parametrize("point", ["push-recorded", "push-committed"])
def test_client_killed_mid_push_loses_and_doubles_nothing(team, tmp_path: Path, point: str) -> None:
    home = _member_home(team, "alice", tmp_path / "alice")
    with open_store(home / "data") as store:
        ids = {_highlight(store, f"note {n}") for n in range(5)}
    marks = tmp_path / "marks"
    proc = _stopped_at(team, "alice", home, point, marks)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = _cli_sync(team, "alice", home)  # the next sync, unhindered
    out, err = done.communicate(timeout=120)
    assert done.returncode == 0, err
    assert _server_counts(team) == (5, 5, 5)  # each annotation on the server once, written once
    with open_store(home / "data") as store:
        assert {a.id for a in store.all()} == ids
        assert LocalBook(store).waiting_count() == 0 and LocalBook(store).in_flight() == {}
    other = tmp_path / "bob"
    with open_store(other) as store, team.connect("bob") as conn:
        assert sync(store, conn).pulled == 5
        assert {a.body for a in store.all()} == {f"note {n}" for n in range(5)}


@pytest.mark.parametrize("point", ["pull-fetched", "pull-applied"])
def test_client_killed_mid_pull_loses_and_doubles_nothing(team, tmp_path: Path, point: str) -> None:
    source = tmp_path / "source"
    with open_store(source) as store:
        bodies = {f"note {n}" for n in range(1200)}  # more than one pull batch (500)
        for body in sorted(bodies):
            _highlight(store, body)
    with open_store(source) as store, team.connect("alice") as conn:
        sync(store, conn)
    home = _member_home(team, "bob", tmp_path / "bob")
    with open_store(home / "data") as store:
        mine = _highlight(store, "bob's own", author="Bob")
    marks = tmp_path / "marks"
    proc = _stopped_at(team, "bob", home, point, marks)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = _cli_sync(team, "bob", home)
    assert done.wait(timeout=300) == 0, done.communicate()
    with open_store(home / "data") as store:
        got = store.all()
        assert len(got) == 1201 and {a.body for a in got} == bodies | {"bob's own"}
        assert store.get(mine).body == "bob's own"
        assert LocalBook(store).waiting_count() == 0
    assert _server_counts(team) == (1201, 1201, 1201)


@pytest.mark.parametrize("point", ["push-recorded", "push-committed"])
def test_server_stopped_mid_sync_is_retried_later_and_nothing_is_lost(team, tmp_path: Path, point: str) -> None:
    home = _member_home(team, "alice", tmp_path / "alice")
    with open_store(home / "data") as store:
        ids = {_highlight(store, f"note {n}") for n in range(3)}
    marks = tmp_path / "marks"
    proc = _stopped_at(team, "alice", home, point, marks)
    try:
        team.cluster.stop("immediate")  # the server goes away under the running sync
        (marks / f"{point}.go").touch()
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 1, (out, err)
        assert "your changes are kept here" in err
        with open_store(home / "data") as store:  # meanwhile, work goes on offline
            assert {a.id for a in store.all()} == ids
            later = _highlight(store, "written while the server was down")
    finally:
        team.cluster.start()
    done = _cli_sync(team, "alice", home)
    assert done.wait(timeout=120) == 0, done.communicate()
    assert _server_counts(team) == (4, 4, 4)
    with open_store(home / "data") as store:
        assert {a.id for a in store.all()} == ids | {later}
        assert LocalBook(store).waiting_count() == 0 and LocalBook(store).in_flight() == {}
