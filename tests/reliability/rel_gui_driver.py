"""Drive the real main window in its own process (offscreen) and print one JSON line with what happened.

    python rel_gui_driver.py panels   <archive> <data-dir>   # every panel, every item, the lightbox
    python rel_gui_driver.py settings <archive> <data-dir>   # start once per garbage settings.ini

Run by tests/reliability/test_offline.py and test_corrupt_state.py under the socket guard
(tests/netguard/sitecustomize.py on PYTHONPATH); a Python exception anywhere, including in a Qt slot, is
recorded and makes the run fail.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import ashraf_desktop.ui  # noqa: E402,F401 - the PySide6 guard before any QApplication

ERRORS: list[str] = []


def _hook(kind, value, tb) -> None:  # exceptions raised in Qt slots land here
    ERRORS.append("".join(traceback.format_exception(kind, value, tb))[-3000:])


sys.excepthook = _hook


def _wait(app, predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if predicate():
            return True
        time.sleep(0.01)
    return False


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def _window(archive: Path, data_dir: Path):
    from ashraf_desktop.core.archive import load_archive
    from ashraf_desktop.paths import user_dirs
    from ashraf_desktop.ui.main_window import MainWindow
    from PySide6.QtWidgets import QApplication

    from ashraf_desktop.ui import look
    from ashraf_desktop.ui.main_window import settings_for
    dirs = user_dirs(data_dir).ensure()
    look.apply_theme(QApplication.instance(), str(settings_for(dirs).value("ui/theme", "light")))  # as run() does
    window = MainWindow(load_archive(archive, check_files=False), dirs)
    window.resize(1200, 800)
    window.show()
    return window


def _close(app, window) -> None:
    window.close()
    window.runner.wait_for_done(10_000)
    window.deleteLater()
    app.processEvents()


def run_panels(archive: Path, data_dir: Path) -> dict:
    from ashraf_desktop.ui.app import create_app
    app = create_app()
    out: dict = {"panels": [], "items": {}, "blocked": [], "errors": ERRORS}
    window = _window(archive, data_dir)
    out["index"] = _wait(app, lambda: window.index is not None, 60)
    results: list = []
    window.search.result_shown.connect(results.append)
    window.search.set_query("Ashraf")
    out["searched"] = _wait(app, lambda: bool(results), 30) and results[-1].total
    for name, dock in window.panels.items():  # search, provenance, timeline, gallery, ...
        dock.show()
        dock.raise_()
        app.processEvents()
        out["panels"].append(name)
    rss_before = _rss_mb()
    for item in window.archive.items:
        page = window.open_item(item.id, "Ashraf")
        if page is None:
            out["items"][item.id] = "no page"
            continue
        _wait(app, lambda: page.is_loaded, 30)
        out["items"][item.id] = "error: " + str(page.error) if page.error else ("loaded" if page.is_loaded else
                                                                                  "not loaded in 30 s")
        browser = getattr(page, "browser", None)
        if browser is not None:
            out["blocked"] += list(browser.blocked)
            text = browser.toPlainText()
            out.setdefault("script_text_shown", False)
            out["script_text_shown"] |= "SCRIPT-RAN" in browser.documentTitle() or "SCRIPT-RAN" in text
    out["rss_growth_mb"] = round(_rss_mb() - rss_before, 1)
    for event in window.archive.events:
        window.open_event(event.id)
        app.processEvents()
    gallery = window.gallery_panel
    shown: list = []
    if gallery is not None:
        for item in window.archive.items:
            if item.kind.value != "image":
                continue
            row = gallery.model.row_of(item.id)
            box = gallery.open_lightbox(row)
            if box is None:
                out["items"][item.id + ":lightbox"] = "no lightbox"
                continue
            box.image_shown.connect(lambda item_id, kind: shown.append((item_id, kind)))
            box.show_row(row)
            _wait(app, lambda: any(s[0] == item.id for s in shown) or bool(box._problem), 30)
            out["items"][item.id + ":lightbox"] = next(
                (k for i, k in shown if i == item.id),
                f"problem: {box._problem}" if box._problem else "nothing shown")
            box.close()
            app.processEvents()
    _close(app, window)
    out["ok"] = not ERRORS
    return out


GARBAGE_SETTINGS = {
    "random-bytes": bytes(range(256)) * 64,
    "empty": b"",
    "wrong-types": (b"[ui]\ntheme=42\n[window]\ngeometry=@ByteArray(\\x01\\x02garbage)\n"
                    b"state=@ByteArray(\\0\\0\\0\\xff\\xfe)\n[General]\n=\n[[[\n"),
    "version-not-a-number": b"[window]\nversion=not-a-number\ngeometry=@ByteArray(\\x01\\x02)\n",
    "right-version-garbage-state": (b"[window]\nversion=1\ngeometry=@ByteArray(\\x01\\xd9\\xd0\\xcb\\0\\x3\\0\\0"
                                    b"\\xff\\xff\\xff\\xff)\nstate=@ByteArray(\\0\\0\\0\\xff\\0\\0\\0\\0\\xfd\\0\\0"
                                    b"\\0\\x2\\0\\0\\0\\0\\0\\0\\x9\\x9\\x9\\x9)\n"),
    "binary-nul-utf16": "[ui]\ntheme=dark\n".encode("utf-16") + b"\0" * 100,
    "huge-line": b"[ui]\ntheme=" + b"x" * 2_000_000 + b"\n",
    "a-folder": None,  # settings.ini is a folder: cannot be read or written
}


def run_settings(archive: Path, data_dir: Path) -> dict:
    from ashraf_desktop.ui.app import create_app
    app = create_app()
    out: dict = {"scenarios": {}, "errors": ERRORS}
    for name, content in GARBAGE_SETTINGS.items():
        folder = data_dir / name
        config = folder / "config"
        config.mkdir(parents=True, exist_ok=True)
        target = config / "settings.ini"
        if content is None:
            target.mkdir(exist_ok=True)
        else:
            target.write_bytes(content)
        first_cache = data_dir / next(iter(GARBAGE_SETTINGS)) / "cache"
        if first_cache.is_dir() and not (folder / "cache").exists():  # reuse the first run's index: faster
            shutil.copytree(first_cache, folder / "cache")
        before = len(ERRORS)
        t0 = time.monotonic()
        try:
            window = _window(archive, folder)
            started = _wait(app, lambda: window.isVisible(), 30)
            shown_at = time.monotonic()
            _wait(app, lambda: time.monotonic() - shown_at > 0.1, 1)  # restored layout painted, index started
            window.save_settings()  # writing over the garbage must not fail either
            window.search.set_query("Ashraf")
            app.processEvents()
            _close(app, window)
            out["scenarios"][name] = "started" if started and len(ERRORS) == before else (
                "errors: " + " | ".join(e.splitlines()[-1] for e in ERRORS[before:]) if len(ERRORS) > before
                else "did not become ready")
            out.setdefault("seconds", {})[name] = round(time.monotonic() - t0, 2)
        except Exception:  # noqa: BLE001 - the scenario failed: record it
            out["scenarios"][name] = "raised: " + traceback.format_exc()[-1500:]
    out["ok"] = all(v == "started" for v in out["scenarios"].values()) and not ERRORS
    return out


def main() -> int:
    mode, archive, data_dir = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    try:
        out = run_panels(archive, data_dir) if mode == "panels" else run_settings(archive, data_dir)
    except Exception:  # noqa: BLE001
        out = {"ok": False, "errors": ERRORS + [traceback.format_exc()[-3000:]]}
    print("RESULT " + json.dumps(out, default=str), flush=True)
    return 0 if out.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main())
