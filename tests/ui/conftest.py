"""GUI fixtures: offscreen Qt, one strong reference per window until teardown, gc after each test.

pytest-qt's ``qtbot.addWidget`` keeps only a weak reference; a window kept alive by a reference cycle can be
collected in the middle of a later test's paint (a segfault that depends on test order). So every window
made here is held in a list until the test ends, closed, deleted, and the garbage collector is run.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a laptop's 1366×768 screen, not the plugin's 800×800
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('laptop-screen.json')}"

import pytest

import ashraf_desktop.ui  # noqa: F401,E402 - applies the PySide6 6.12 None-refcount guard first

REPO = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["ashraf-tests"]


@pytest.fixture(scope="session")
def index_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index folder per archive for the whole session: building it for every test would be slow."""
    return tmp_path_factory.mktemp("index")


def make_opener(index_root: Path) -> Callable:
    def opener(archive, dirs, progress=None):
        from ashraf_desktop.core.extract import TextCache
        from ashraf_desktop.core.search import open_index
        root = index_root / hashlib.sha1(str(archive.root).encode()).hexdigest()[:12]
        cache = TextCache(index_root / "text")
        return open_index(archive, root, text_cache=cache, progress=progress), cache
    return opener


@pytest.fixture
def make_window(qapp, qtbot, tmp_path: Path, index_root: Path, request: pytest.FixtureRequest):
    """Factory: a MainWindow on an archive (default: the bundled one) with a tmp --data-dir."""
    from ashraf_desktop.core.archive import load_layered
    from ashraf_desktop.paths import bundled_archive, user_dirs
    from ashraf_desktop.ui.app import create_app
    from ashraf_desktop.ui.main_window import MainWindow
    create_app()
    windows: list = []

    def make(archive: Path | None = None, *, wait_index: bool = True, index: bool = True,
             data: str | None = None) -> MainWindow:
        """``data`` names the --data-dir (under tmp_path) to share it between windows; default: a new one."""
        dirs = user_dirs(tmp_path / (data or f"data{len(windows)}")).ensure()
        result = load_layered(archive or bundled_archive(), dirs.data, check_files=False)  # as the app: + user layer
        window = MainWindow(result, dirs, open_index=make_opener(index_root) if index else None)
        windows.append(window)
        window.resize(1200, 800)
        window.show()
        if index and wait_index:
            qtbot.waitUntil(lambda: window.index is not None, timeout=30_000)
        return window

    yield make
    with qt_warnings(request.config.getini("qt_log_ignore")) as printed:
        for window in windows:
            window.close()
            window.runner.wait_for_done(10_000)
            window.deleteLater()
        qtbot.wait(10)
        windows.clear()
        gc.collect()
    if printed:  # pytest-qt checks only the test's own call, not what closing its windows prints
        pytest.fail("Qt warned while the window closed: " + "; ".join(printed[:5]), pytrace=False)


@contextmanager
def qt_warnings(ignore: list[str]) -> Iterator[list[str]]:
    """The Qt warnings (and worse) printed inside the block, except those matching ``ignore`` (regexes)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    printed: list[str] = []

    def handler(mode, _context, message: str) -> None:
        if mode != QtMsgType.QtDebugMsg and mode != QtMsgType.QtInfoMsg and not any(
                re.search(pattern, message) for pattern in ignore):
            printed.append(message)
    previous = qInstallMessageHandler(handler)
    try:
        yield printed
    finally:
        qInstallMessageHandler(previous)

