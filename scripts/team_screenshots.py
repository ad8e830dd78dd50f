#!/usr/bin/env python3
"""Screenshots of the team sync (docs/team.md, README): the status bar's sync state over a window whose
Annotations panel lists several archivists' notes, and the Conflicts window with two values side by side.

    .venv/bin/python scripts/team_screenshots.py [--out docs/screenshots]

Starts a throwaway PostgreSQL cluster as the team tests do (tests/team/team_pg.py), makes a team with
two members, a conflict on one note, and opens the real window on the bundled archive. Offscreen unless a
display is set. Exits non-zero if a step fails.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "team"))
sys.path.insert(0, str(REPO / "scripts"))
import screenshots  # noqa: E402,F401 - sets the offscreen platform up with a 1366x768 laptop screen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    import psycopg
    from team_pg import make_team, remove_cluster, start_cluster
    from ashraf_desktop.core.annotations import open_store, text_selector
    from ashraf_desktop.core.archive import load_layered
    from ashraf_desktop.core.team import TeamConfig, save_config, sync
    from ashraf_desktop.paths import bundled_archive, user_dirs

    cluster = start_cluster()
    try:
        pw = make_team(cluster, "archive", {"maryam": False, "reza": True})
        url = cluster.url("archive")

        def run(home: Path, role: str):
            with open_store(home / "data") as store, psycopg.connect(url, user=role, password=pw[role]) as conn:
                return sync(store, conn)

        with tempfile.TemporaryDirectory(prefix="ashraf-team-shots-") as tmp:
            m_home, r_home = Path(tmp) / "maryam", Path(tmp) / "reza"
            archive = load_layered(bundled_archive(), m_home / "data", check_files=False).archive
            item = archive.item("brief-history-of-ashraf-city")
            from ashraf_desktop.core.extract import extract
            text = extract(item.file).text
            def highlight(store, phrase, body, tags, author, colour="yellow"):
                start = text.index(phrase)
                return store.create("ashraf", item.id, "highlight", text=text_selector(text, start, start + len(phrase)),
                                    body=body, tags=tags, author=author, colour=colour).after.id
            with open_store(m_home / "data") as store:
                disputed = highlight(store, "In 1986, Ashraf City was an approximately 40 square kilometer",
                                     "Founding year as the source states it.",
                                     ["founding"], "Maryam")
            run(m_home, "maryam")
            run(r_home, "reza")
            with open_store(r_home / "data") as store:
                store.update(disputed, body="Founding year: the source's own claim; other reports differ.",
                             tags=["founding", "disputed"])
                words = text.split()
                highlight(store, " ".join(words[40:46]), "Compare with the 2005 report.", ["reports"], "Reza",
                          "green")
            with open_store(m_home / "data") as store:
                store.update(disputed, body="Founding year as stated; check against the timeline.")
            run(m_home, "maryam")
            run(r_home, "reza")

            from ashraf_desktop.ui.app import create_app
            from ashraf_desktop.ui.main_window import MainWindow
            from PySide6.QtCore import QEventLoop, QTimer
            composite = screenshots.composite
            app = create_app()

            def wait_until(predicate, what: str, timeout_ms: int = 60_000) -> None:
                waited = 0
                while not predicate():
                    loop = QEventLoop()
                    QTimer.singleShot(50, loop.quit)
                    loop.exec()
                    waited += 50
                    if waited > timeout_ms:
                        raise SystemExit(f"team_screenshots: timed out waiting for {what}")

            dirs = user_dirs(r_home).ensure()
            save_config(dirs.config, TeamConfig(url, "reza"))
            os.environ["PGPASSWORD"] = pw["reza"]
            window = MainWindow(load_layered(bundled_archive(), dirs.data, check_files=False), dirs, open_index=None)
            window.resize(*screenshots.SCREEN)
            window.show()
            window.ensure_panels()
            wait_until(lambda: window.team.status.text() == "1 conflict", "the sync state")
            page = window.open_item(item.id)
            wait_until(lambda: page.is_loaded and page.extracted is not None, "the document")
            window.show_panel("annotations")
            window.annotations_panel.set_mode("all")
            args.out.mkdir(parents=True, exist_ok=True)
            loop = QEventLoop()
            QTimer.singleShot(400, loop.quit)
            loop.exec()
            window.grab().save(str(args.out / "team-status.png"))
            dialog = window.team.show_conflicts()
            dialog.table.selectRow(0)
            loop = QEventLoop()
            QTimer.singleShot(300, loop.quit)
            loop.exec()
            composite(window, [dialog]).save(str(args.out / "team-conflicts.png"))
            window.close()
            window.team.stop()
            del app
    finally:
        remove_cluster(cluster)
    print(f"team_screenshots: wrote team-status.png and team-conflicts.png to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
