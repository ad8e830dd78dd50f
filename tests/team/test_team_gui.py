"""The team in the window: live updates between two windows, the status bar's sync state, the Conflicts
window resolving a field, Preferences ▸ Team. With no team configured nothing starts."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ashraf_desktop.core.annotations import open_store  # noqa: E402
from ashraf_desktop.core.team import LocalBook, save_config, sync  # noqa: E402

from test_team_sync import _highlight  # noqa: E402

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window_for(qapp, qtbot, tmp_path: Path, monkeypatch):
    import ashraf_desktop.ui  # noqa: F401 - the PySide6 guard first
    from ashraf_desktop.core.archive import load_layered
    from ashraf_desktop.paths import bundled_archive, user_dirs
    from ashraf_desktop.ui.app import create_app
    from ashraf_desktop.ui.main_window import MainWindow
    create_app()
    windows = []

    def make(home: Path, team=None, short: str | None = None):
        dirs = user_dirs(home).ensure()
        if team is not None:
            save_config(dirs.config, team.config(short))
            monkeypatch.setenv("PGPASSWORD", team.passwords[team.role(short)])
        window = MainWindow(load_layered(bundled_archive(), dirs.data, check_files=False), dirs, open_index=None)
        windows.append(window)
        window.resize(1200, 760)
        window.show()
        window.ensure_panels()
        return window

    yield make
    for window in windows:
        window.close()
        window.runner.wait_for_done(10_000)
        window.deleteLater()
    qtbot.wait(10)
    windows.clear()
    gc.collect()


def test_without_a_team_nothing_starts(window_for, tmp_path: Path) -> None:
    window = window_for(tmp_path / "solo")
    assert window.team.service is None and not window.team.status.isVisible()
    assert window.action("team") in window.menus.menu("edit").actions()


def test_the_app_without_a_team_never_loads_the_database_driver(tmp_path: Path) -> None:
    code = ("import sys\nfrom ashraf_desktop.main import main\n"
            f"code = main(['--data-dir', {str(tmp_path / 'd')!r}, '--smoke'])\n"
            "print('psycopg loaded' if 'psycopg' in sys.modules else 'no psycopg', code)\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PYTHONPATH": str(REPO)})
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=180)
    assert "no psycopg 0" in proc.stdout, proc.stdout + proc.stderr


def test_two_windows_see_each_others_annotations_live_and_resolve_a_conflict(window_for, team, qtbot,
                                                                               tmp_path: Path) -> None:
    a_home, b_home = tmp_path / "a", tmp_path / "b"
    # a conflict made offline: both edited the note of one annotation
    with open_store(a_home / "data") as store:
        shared = _highlight(store, "first wording")
    with open_store(a_home / "data") as store, team.connect("alice") as conn:
        sync(store, conn)
    with open_store(b_home / "data") as store, team.connect("eve") as conn:
        sync(store, conn)
    with open_store(a_home / "data") as store:
        store.update(shared, body="Alice's wording")
    with open_store(b_home / "data") as store:
        store.update(shared, body="Eve's wording")
    with open_store(a_home / "data") as store, team.connect("alice") as conn:
        sync(store, conn)

    b = window_for(b_home, team, "eve")
    qtbot.waitUntil(lambda: b.team.status.text() == "1 conflict", timeout=30_000)
    a = window_for(a_home, team, "alice")
    qtbot.waitUntil(lambda: a.team.status.text() == "1 conflict", timeout=30_000)

    # live: a note made in A's window shows up in B's without anyone pressing anything
    made = a.annotations.store.create("ashraf", "about-camp-ashraf", "note", body="live from Alice",
                                      author="Alice").after
    qtbot.waitUntil(lambda: b.annotations.get(made.id) is not None, timeout=30_000)
    assert "Alice" in b.annotations.authors()  # the "all annotations" author filter offers her

    dialog = b.team.show_conflicts()
    assert dialog.list_model.rowCount() == 1
    values = [dialog.fields_model.item(r, 1).text() for r in range(dialog.fields_model.rowCount())]
    assert values == ["Alice's wording", "Eve's wording"]  # side by side
    dialog.table.selectRow(1)
    dialog.use_button.click()
    assert dialog.list_model.rowCount() == 0
    qtbot.waitUntil(lambda: a.annotations.get(shared).body == "Eve's wording", timeout=30_000)
    qtbot.waitUntil(lambda: a.team.status.text() == "Synced" and b.team.status.text() == "Synced",
                    timeout=30_000)


def test_preferences_team_saves_the_server_and_starts_syncing(window_for, team, qtbot, tmp_path: Path,
                                                               monkeypatch) -> None:
    window = window_for(tmp_path / "c")
    monkeypatch.setenv("PGPASSWORD", team.passwords[team.role("bob")])
    dialog = window.team.edit_preferences()
    dialog.page.url.setText("not a server")
    dialog.page.user.setText(team.role("bob"))
    dialog._save()
    assert dialog.isVisible() and "postgresql://" in dialog.page.error.text()
    dialog.page.url.setText(team.url)
    dialog._save()
    qtbot.waitUntil(lambda: window.team.status.text() == "Synced", timeout=30_000)
    assert (tmp_path / "c" / "config" / "team.toml").exists()
    # and off again: the status goes, nothing syncs
    dialog = window.team.edit_preferences()
    dialog.page.url.setText("")
    dialog._save()
    assert window.team.service is None and not window.team.status.isVisible()


def test_the_window_goes_offline_keeps_working_and_catches_up(window_for, team, qtbot, tmp_path: Path) -> None:
    window = window_for(tmp_path / "a", team, "alice")
    qtbot.waitUntil(lambda: window.team.status.text() == "Synced", timeout=30_000)
    team.cluster.stop("fast")  # the server goes away while the window listens
    try:
        qtbot.waitUntil(lambda: window.team.status.text().startswith("Offline"), timeout=60_000)
        made = window.annotations.store.create("ashraf", "about-camp-ashraf", "note", body="written offline",
                                               author="Alice").after
        qtbot.waitUntil(lambda: window.team.status.text() == "Offline · 1 waiting", timeout=60_000)
        assert "kept here" in window.team.status.toolTip()
    finally:
        team.cluster.start()
    window.team.status.click()  # "sync now" (it would also retry by itself)
    qtbot.waitUntil(lambda: window.team.status.text() == "Synced", timeout=60_000)
    with team.connect("bob") as conn:
        ids = [r[0] for r in conn.execute("SELECT id::text FROM ashraf_team.annotation").fetchall()]
    assert ids == [made.id]


def test_conflicting_values_are_shown_in_words() -> None:
    from ashraf_desktop.ui.team.conflicts import field_label, show_value
    assert show_value("region", {"x": 10.0, "y": 2.5, "w": 30.0, "h": 40.0}) == "x 10 %, y 2.5 %, 30 × 40 %"
    assert show_value("tags", ["camp", "1986"]) == "camp, 1986" and show_value("tags", []) == "(none)"
    assert show_value("_deleted", True) == "deleted" and field_label("_deleted") == "Deleted"
    assert show_value("body", "") == "(empty)" and field_label("body") == "Note"


def test_preferences_test_connection_says_who_you_are_or_why_not(window_for, team, qtbot, tmp_path: Path,
                                                                   monkeypatch) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    window = window_for(tmp_path / "t")
    page = window.team.edit_preferences().page
    page.url.setText(team.url)
    page.user.setText(team.role("eve"))
    page.password.setText("not the password")
    page.test_connection()
    qtbot.waitUntil(page.test_button.isEnabled, timeout=30_000)  # enabled again when the answer is shown
    assert page.test_result.text().startswith("Not connected") and "password" in page.test_result.text()
    page.password.setText(team.passwords[team.role("eve")])
    page.test_connection()
    qtbot.waitUntil(page.test_button.isEnabled, timeout=30_000)
    assert page.test_result.text() == f"✓ Connected: {team.role('eve')} is an editor (may change anyone's " \
                                      f"annotations) of the team in {team.database}."
    page.url.setText("nonsense")
    assert page.test_connection() is None and "postgresql://" in page.test_result.text()
