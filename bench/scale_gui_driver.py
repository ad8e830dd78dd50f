#!/usr/bin/env python3
"""Drive the real window on a large archive for bench/bench_scale.py and print one ``RESULT {json}`` line.

    python bench/scale_gui_driver.py ARCHIVE DATA_DIR QUERY

Starts as ``ashraf-desktop --archive ARCHIVE --data-dir DATA_DIR`` does (``ui.app``: the archive through its
catalogue, the window), then, as a user would: types QUERY once the window is painted, waits for the first
result, scrolls the result list to its end page by page (the model fetches more as it is scrolled), clears the search, opens
the gallery (every photo) and scrolls it through, opens the timeline, fits it and zooms in and out, and reports the
times (from process start) and the process's memory (VmRSS now, VmHWM peak) after each step.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

T0 = time.perf_counter()


def _age() -> float:
    """Seconds since this process started (the interpreter's own start-up, before T0), from /proc."""
    try:
        with open("/proc/self/stat") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as handle:
            uptime = float(handle.read().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return 0.0


T0 -= _age()  # times below count from process start, as bench_startup's do


def rss() -> dict[str, float]:
    out: dict[str, float] = {}
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, val = line.split(":")
                out[key] = round(int(val.split()[0]) / 1024, 1)
    return {"rss_mb": out.get("VmRSS", 0.0), "hwm_mb": out.get("VmHWM", 0.0)}


def main() -> int:
    archive, data_dir, query = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop

    from ashraf_desktop.paths import user_dirs
    from ashraf_desktop.ui import look
    from ashraf_desktop.ui.app import _check_archive_files_later, create_app, load_archive_for_window
    from ashraf_desktop.ui.main_window import MainWindow

    app = create_app()
    dirs = user_dirs(data_dir).ensure()
    look.apply_theme(app, "light")
    report: dict[str, object] = {}

    def now() -> float:
        return round(time.perf_counter() - T0, 3)

    def wait_until(predicate, what: str, timeout_ms: int = 600_000) -> None:
        timer = QElapsedTimer()
        timer.start()
        while not predicate():
            if timer.elapsed() > timeout_ms:
                print("RESULT " + json.dumps({"error": f"timed out waiting for {what}", **report}), flush=True)
                raise SystemExit(1)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def settle(ms: int) -> None:
        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < ms:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)

    result = load_archive_for_window(app, archive, dirs)
    report["archive_loaded_s"] = now()
    window = MainWindow(result, dirs)
    _check_archive_files_later(window, result)
    painted: list[float] = []
    window.first_painted.connect(lambda: painted.append(now()))
    window.resize(1366, 740)
    window.show()
    wait_until(lambda: painted, "the first paint")
    report["first_paint_s"] = painted[0]
    shown: list = []
    window.search.result_shown.connect(shown.append)
    window.search.set_query(query)
    wait_until(lambda: shown, "the first result")
    report["first_result_s"] = now()
    report["after_first_result"] = rss()
    total = getattr(shown[0], "total", None)
    report["hits"] = total
    # the result list, to its end: scrolling fetches the next pages
    view = window.search.list
    bar = view.verticalScrollBar()
    for _ in range(400):
        rows = window.search.results.rowCount()
        bar.setValue(bar.maximum())
        settle(60)
        if window.search.results.rowCount() == rows and not window.runner.running:
            break
    report["result_rows_browsed"] = window.search.results.rowCount()
    report["after_results"] = rss()
    report["results_browsed_s"] = now()
    # the gallery, scrolled through, with the search cleared (it follows the search: all photos now)
    window.search.set_query("")
    settle(300)
    window.show_panel("gallery")
    wait_until(lambda: getattr(window, "_gallery_panel", None) is not None, "the gallery")
    gallery = window._gallery_panel
    settle(300)
    gbar = gallery.view.verticalScrollBar()
    steps = 40
    for n in range(steps + 1):
        gbar.setValue(gbar.maximum() * n // steps)
        settle(50)
    report["gallery_rows"] = gallery.model.rowCount()
    report["after_gallery"] = rss()
    report["gallery_browsed_s"] = now()
    # the timeline: fit, zoom in and out
    window.show_panel("timeline")
    wait_until(lambda: getattr(window, "_timeline_panel", None) is not None, "the timeline")
    panel = window._timeline_panel
    panel.view.fit_all()
    settle(200)
    for factor in (4.0, 4.0, 4.0, 0.25, 0.25, 0.25):
        panel.view.zoom_by(factor)
        settle(100)
    report["timeline_items"] = len(panel.renderer.model.items) if hasattr(panel.renderer, "model") else None
    report["after_timeline"] = rss()
    report["timeline_browsed_s"] = now()
    settle(500)
    report["end"] = rss()
    print("RESULT " + json.dumps(report), flush=True)
    window.runner.wait_for_done(10_000)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
