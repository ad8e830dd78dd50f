"""Application start-up in a fixed order: Qt app, user folders, fonts and theme, archive, window.

The window is shown before the search index is ready (it opens in the background), so start-up to a usable
window stays well under a second. ``--smoke`` drives the real window through a search, an opened
document, an event, the timeline (select an event, open its source at the quote), the annotations store,
the import actions and the quick fixity check of the archive, and exits 0, or non-zero with a message naming
what failed.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, QtMsgType, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from .. import APP_ID, APP_NAME, __version__
from ..core.archive import LoadResult, catalogue_ready, load_layered
from ..paths import user_dirs
from . import accessible_views, i18n, look
from .i18n import fill, format_number, translate

__all__ = ["run", "create_app", "Smoke"]

log = logging.getLogger("ashraf_desktop.qt")

_T0 = time.perf_counter()


def _qt_message(mode: QtMsgType, context: Any, message: str) -> None:
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    if "propagateSizeHints" in message:  # the offscreen/minimal platforms say this on every dock; harmless
        level = logging.DEBUG
    log.log(level, "%s", message)


def create_app() -> QApplication:
    """The QApplication with the bundled fonts loaded (idempotent: tests share one app)."""
    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_qt_message)
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)
    if not app.property("ashraf-fonts"):
        look.load_fonts()
        app.setProperty("ashraf-fonts", True)
    app.setWindowIcon(look.app_icon())
    return app  # type: ignore[return-value]


class Smoke:
    """The --smoke self-test: each step waits for the previous one through signals, with one deadline."""

    QUERY = "Ashraf"

    def __init__(self, window: Any, app: QApplication, timeout_s: float = 60.0,
                 done: Callable[[int, str], None] | None = None) -> None:
        self.window, self.app = window, app
        self.code: int | None = None
        self.message = ""
        self.opened = ""
        self._done = done
        QTimer.singleShot(int(timeout_s * 1000), lambda: self.fail("timed out waiting for the app"))

    def start(self) -> None:
        if self.window.index is not None:
            self._search(self.window.index)
        else:
            self.window.index_ready.connect(self._search)

    def _search(self, _index: Any) -> None:
        self.window.search.result_shown.connect(self._results)
        self.window.search.set_query(self.QUERY)

    def _results(self, result: Any) -> None:
        self.window.search.result_shown.disconnect(self._results)
        hit = next((h for h in result.hits if h.kind == "document"), None)
        if hit is None:
            return self.fail(f"no document found for {self.QUERY!r} ({result.total} results)")
        page = self.window.open_hit(hit, self.QUERY)
        if page is None:
            return self.fail(f"could not open {hit.id}")
        if page.is_loaded:
            self._opened(page)
        else:
            page.loaded.connect(lambda: self._opened(page))

    def _opened(self, page: Any) -> None:
        if page.error:
            return self.fail(f"document failed to open: {page.error}")
        for name in ("timeline", "gallery"):
            dock = self.window.panels.get(name)
            if dock is not None:
                dock.show()
                dock.raise_()
        event = self.window.archive.events[0] if self.window.archive.events else None
        if event is not None and self.window.open_event(event.id) is None:
            return self.fail(f"could not open event {event.id}")
        self.opened = page.title_text
        QTimer.singleShot(50, self._timeline)

    def _timeline(self) -> None:
        """The timeline: the dock is there, an event cited by a held document is drawn when selected, and
        its citation opens the document with the quote highlighted."""
        if self.window.panels.get("gallery") is None or self.window.gallery_panel is None:
            return self.fail("the gallery panel is not installed")
        problem = self._annotations()
        if problem:
            return self.fail(problem)
        panel = self.window.timeline_panel
        dock = self.window.panels.get("timeline")
        if panel is None or dock is None:
            return self.fail("the timeline panel is not installed")
        if not dock.isVisible():
            return self.fail("the timeline dock does not show")
        held = {i.id for i in self.window.archive.items if i.file is not None}
        event = next((e for e in self.window.archive.events if any(c.item in held for c in e.citations)), None)
        if event is None:
            return self._integrity(f"smoke OK: searched, opened {self.opened!r}, timeline shown")
        panel.show_event(event.id)
        if not any(p.mark.entry.id == event.id for p in panel.renderer.placed()):
            return self.fail(f"the timeline does not draw the selected event {event.id}")
        citation = next(c for c in event.citations if c.item in held)
        page = self.window.open_item_at_quote(citation.item, citation.quote)
        if page is None:
            return self.fail(f"the timeline's citation did not open {citation.item}")

        def check() -> None:
            if page.error:
                return self.fail(f"the cited document failed to open: {page.error}")
            got = page.current_hit_text()
            if got != citation.quote:
                return self.fail(f"the quote of {event.id} is not highlighted in {citation.item} (got {got!r})")
            QTimer.singleShot(100, lambda: self._integrity(
                f"smoke OK: searched, opened {self.opened!r}, timeline showed {event.id} and opened its "
                f"source at the quote"))
        if page.is_loaded:
            check()
        else:
            page.loaded.connect(check)

    def _integrity(self, message: str) -> None:
        """Import and fixity: the import actions are there and the window takes drops; the quick fixity
        check (started now if its timer has not fired yet) finds the archive as described."""
        w = self.window
        for name in ("import_files", "import_folder", "verify", "export_bag"):
            if w.menus.get(name) is None:
                return self.fail(f"the action {name} is missing")
        if not w.acceptDrops():
            return self.fail("the window does not import dropped files")
        integrity = w.integrity

        def check(report: Any) -> None:
            if report is None:
                return self.fail("the quick fixity check could not run")
            if report.problems:
                return self.fail(f"the quick fixity check found problems: {report.summary()}")
            self.finish(0, f"{message}; import ready, quick fixity check clean ({report.checked} files)")
        if integrity.quick_report is not None and not integrity.quick_running:
            return check(integrity.quick_report)
        integrity.quick_check_done.connect(check)
        if not integrity.quick_running:
            integrity.start_quick_check()

    def _annotations(self) -> str:
        """Annotations: the store opens, a note is saved and read back, then deleted (no trace is left)."""
        c = self.window.annotations
        if self.window.panels.get("annotations") is None:
            return "the annotations panel is not installed"
        if c.store is None:
            return c.error or "the annotations store did not open"
        item = self.window.archive.items[0]
        note = c.create(item, "note", body="smoke test note")
        if note is None or note.id not in {a.id for a in c.for_item(item.id)}:
            return "an annotation could not be saved and read back"
        if not c.delete(note.id) or c.get(note.id) is not None:
            return "the smoke test's annotation could not be deleted"
        c.undo_stack.clear()
        return ""

    def fail(self, message: str) -> None:
        self.finish(1, f"smoke FAILED: {message}")

    def finish(self, code: int, message: str) -> None:
        if self.code is not None:
            return
        self.code, self.message = code, message
        if self._done:
            self._done(code, message)
        else:
            print(message, file=sys.stderr if code else sys.stdout)
            self.app.exit(code)


def _bench_hooks(window: Any) -> None:
    """ASHRAF_BENCH=1 (bench/bench_startup.py): print when the window's first frame has been painted ("shown"),
    when the first result of ASHRAF_BENCH_QUERY is shown ("result") and when the panels built after it are
    ready ("panels"), then quit. Connected before ``show()``."""
    def panel_ready(_name: str) -> None:
        if not window.pending_panels:
            print(f"ASHRAF_BENCH panels {time.perf_counter() - _T0:.4f}", flush=True)

    def shown() -> None:
        print(f"ASHRAF_BENCH shown {time.perf_counter() - _T0:.4f}", flush=True)
        query = os.environ.get("ASHRAF_BENCH_QUERY")
        if not query:
            QCoreApplication.exit(0)
            return

        def result(_r: Any) -> None:
            print(f"ASHRAF_BENCH result {time.perf_counter() - _T0:.4f}", flush=True)
            if not window.pending_panels:
                QCoreApplication.exit(0)

        def panels_done(_name: str) -> None:  # the panels are built after the first result: quit when both came
            if not window.pending_panels and window.search.last_result is not None:
                QCoreApplication.exit(0)
        window.search.result_shown.connect(result, Qt.ConnectionType.SingleShotConnection)
        window.panel_ready.connect(panels_done)
        window.search.set_query(query)
    # the next turn of the event loop after the first paint: the whole frame is on screen by then (a
    # single-shot timer started by show() would fire before the first paint)
    window.first_painted.connect(lambda: QTimer.singleShot(0, window, shown))
    window.panel_ready.connect(panel_ready)


def load_archive_for_window(app: QApplication, archive: Path, dirs: Any) -> LoadResult:
    """The archive for the window's start, through its catalogue: served at once as catalogued (the sidecars
    are checked in the background after the first paint, :func:`_check_archive_files_later`); when there is
    no catalogue yet (a first start, or it was deleted or damaged) it is built before the window opens, with
    a progress dialog when that takes more than a moment (100,000 items: about 20 s, once)."""
    if catalogue_ready(dirs.cache, archive):
        return load_layered(archive, dirs.data, check_files=False, cache_dir=dirs.cache, trust=True)
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QProgressDialog
    done: list[LoadResult | BaseException] = []
    counts = [0, 0]

    def progress(n: int, total: int) -> None:  # the loading thread: only plain data here
        counts[0], counts[1] = n, total

    def load() -> None:
        try:
            done.append(load_layered(archive, dirs.data, check_files=False, cache_dir=dirs.cache, progress=progress))
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread below
            done.append(exc)

    worker = threading.Thread(target=load, name="catalogue", daemon=True)
    worker.start()
    dialog = QProgressDialog(translate("app", "Reading the archive's descriptions…"), "", 0, 0)
    dialog.setWindowTitle(APP_NAME)
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setMinimumDuration(800)
    loop = QEventLoop()
    timer = QTimer()

    def poll() -> None:
        if counts[1]:
            dialog.setMaximum(counts[1])
            dialog.setValue(counts[0])
            dialog.setLabelText(fill(translate("app", "Reading the archive's descriptions once: %1 of %2…"),
                                     format_number(counts[0]), format_number(counts[1])))
        if not worker.is_alive():
            loop.quit()

    timer.timeout.connect(poll)
    timer.start(50)
    loop.exec()
    timer.stop()
    dialog.close()
    dialog.deleteLater()
    if isinstance(done[0], BaseException):
        raise done[0]
    return done[0]


def _check_archive_files_later(window: Any, result: LoadResult) -> None:
    """A start served from the catalogue as it stood: once the index is open (or could not be) and the
    panels are built, the window reloads the archive on a worker, stat'ing every sidecar, and shows what
    changed (usually nothing). Not sooner: at 100,000 items the stats cost about a second of CPU, which the
    first search and the panels need more."""
    for notice in result.notices:
        QTimer.singleShot(0, window, lambda text=notice: window.show_message(text, 15000))
    if result.current:
        return
    state = {"index": False, "fired": False}

    def check(*_args: Any) -> None:
        if state["fired"] or not state["index"] or window.pending_panels:
            return
        state["fired"] = True
        window.refresh_archive()

    def index_settled(*_args: Any) -> None:
        state["index"] = True
        check()
    window.index_ready.connect(index_settled)
    window.index_service.failed.connect(index_settled)
    window.panel_ready.connect(check)


def run(archive: Path, data_dir: Path | None = None, smoke: bool = False) -> int:
    from .main_window import MainWindow, settings_for
    app = create_app()
    dirs = user_dirs(data_dir).ensure()
    settings = settings_for(dirs)
    i18n.install_language(app, i18n.chosen_language(settings))  # before any window: words, direction, font
    accessible_views.install()  # screen readers see the timeline's events
    look.apply_theme(app, str(settings.value("ui/theme", "light")))
    result = load_archive_for_window(app, archive, dirs)  # with the user's imported items
    if result.archive.collection.id == "missing" and not result.archive.items:
        print(f"{APP_NAME}: {archive} is not an archive folder:", file=sys.stderr)
        for problem in result.errors[:5]:
            print(f"  {problem}", file=sys.stderr)
        return 2
    window = MainWindow(result, dirs)
    if os.environ.get("ASHRAF_BENCH"):
        _bench_hooks(window)
    _check_archive_files_later(window, result)
    window.show()
    app.setProperty("ashraf-main-window", True)
    smoke_run = None
    if smoke:
        smoke_run = Smoke(window, app)
        QTimer.singleShot(0, smoke_run.start)
    code = app.exec()
    window.save_settings()
    window.runner.wait_for_done(5000)
    window.deleteLater()
    if smoke_run is not None and smoke_run.code is None:
        print("smoke FAILED: the app quit before the test finished", file=sys.stderr)
        return 1
    return code
