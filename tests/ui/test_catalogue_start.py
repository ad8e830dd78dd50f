"""The window starts from the archive's catalogue as it stands (issue 17), then checks the sidecars on a
worker: what changed while the app was closed appears, in the panels and in search; nothing else moves."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from archive_builder import write_archive


def _opener(index_root: Path):
    def opener(archive, dirs, progress=None):
        from ashraf_desktop.core.extract import TextCache
        from ashraf_desktop.core.search import open_index
        return open_index(archive, index_root, text_cache=TextCache(index_root.parent / "text"), progress=progress,
                          signature=archive.signature), None
    return opener


@pytest.fixture
def start(qapp, qtbot, tmp_path):
    """Start the window as ``ui.app.run`` does: the archive through its catalogue, the check after the index."""
    from ashraf_desktop.paths import user_dirs
    from ashraf_desktop.ui.app import _check_archive_files_later, create_app, load_archive_for_window
    from ashraf_desktop.ui.main_window import MainWindow
    app = create_app()
    windows = []
    dirs = user_dirs(tmp_path / "data").ensure()

    def make(archive: Path):
        result = load_archive_for_window(app, archive, dirs)
        window = MainWindow(result, dirs, open_index=_opener(tmp_path / "index"))
        windows.append(window)
        window.reloads = []
        window.archive_reloaded.connect(window.reloads.append)
        window.messages = []
        shown = window.show_message

        def recorded(text: str, timeout: int = 8000) -> None:
            window.messages.append(text)
            shown(text, timeout)
        window.show_message = recorded
        window.checks = []
        refresh = window.refresh_archive

        def recorded_refresh(*args, **kwargs) -> None:
            window.checks.append(window.index is not None)
            refresh(*args, **kwargs)
        window.refresh_archive = recorded_refresh
        _check_archive_files_later(window, result)
        window.show()
        qtbot.waitUntil(lambda: window.index is not None, timeout=30_000)
        return result, window

    yield make
    for window in windows:
        window.close()
        window.runner.wait_for_done(10_000)
        window.deleteLater()
    qtbot.wait(10)
    gc.collect()


def _edit_in_place(path: Path, text: str) -> None:
    """As an editor that writes in place: the folder's time stays, the file's size and time change."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_a_sidecar_edited_while_the_app_was_closed_appears_after_the_start(start, qtbot, tmp_path):
    archive = write_archive(tmp_path / "a")
    first, window = start(archive)
    assert first.current  # no catalogue yet: built before the window, every sidecar read
    window.close()
    _edit_in_place(archive / "items" / "report.toml",
                   'id = "report"\nkind = "record"\ntitle = "Renamed while closed"\ndate = "2005-05-18"\n')
    result, window = start(archive)
    assert not result.current and result.archive.item("report").title == "A report"  # shown at once, as catalogued
    qtbot.waitUntil(lambda: bool(window.reloads), timeout=30_000)  # the check found the edit
    assert window.archive.item("report").title == "Renamed while closed"
    qtbot.waitUntil(lambda: window.index.search("renamed").total == 1, timeout=30_000)  # the index caught up


def test_an_unchanged_archive_is_not_reloaded_after_the_check(start, qtbot, tmp_path):
    archive = write_archive(tmp_path / "a")
    start(archive)[1].close()
    result, window = start(archive)
    assert not result.current
    qtbot.waitUntil(lambda: bool(window.checks) and not window.refreshing, timeout=30_000)  # the check ran, once
    assert window.checks == [True] and not window.pending_panels  # after the index and the panels
    assert window.reloads == [] and window.archive is result.archive


def test_a_damaged_catalogue_is_built_again_and_said_once_in_the_status_bar(start, qtbot, tmp_path):
    from ashraf_desktop.core.archive import catalogue_path
    archive = write_archive(tmp_path / "a")
    start(archive)[1].close()
    path = catalogue_path(tmp_path / "data" / "cache", archive)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"this is not a database" * 500)
    result, window = start(archive)
    assert result.current and len(result.notices) == 1  # built again before the window, every sidecar read
    assert window.archive.item("doc").title == "A document"
    qtbot.waitUntil(lambda: any("damaged" in m for m in window.messages), timeout=10_000)
    assert sum("damaged" in m for m in window.messages) == 1


def test_the_gallery_of_a_catalogued_archive_draws_its_photos_without_building_their_items(start, qtbot, tmp_path,
                                                                                         monkeypatch):
    import hashlib
    import threading
    from ashraf_desktop.core.archive import _catalogue_items
    archive = write_archive(tmp_path / "a")
    folder = archive / "items" / "photos"
    folder.mkdir()
    from io import BytesIO
    from PIL import Image
    for i in range(40):
        buffer = BytesIO()
        Image.new("RGB", (16, 12), (i * 6, 90, 200 - i * 4)).save(buffer, "JPEG")
        data = buffer.getvalue()
        (folder / f"p{i:02d}.jpg").write_bytes(data)
        (folder / f"p{i:02d}.toml").write_text(
            f'id = "p{i:02d}"\nkind = "image"\nfile = "p{i:02d}.jpg"\nsha256 = "{hashlib.sha256(data).hexdigest()}"\n'
            f'title = "Photo {i}"\nformat = "image/jpeg"\ntags = ["{"camp" if i % 2 else "city"}"]\n'
            + (f'date = "2009-0{1 + i % 9}"\n' if i % 3 else ""), encoding="utf-8")
    built: list[str] = []  # Items built on the GUI thread (the index and the integrity check read all, on workers)
    real = _catalogue_items.CatalogueItems._decode

    def counting(blob: bytes):
        if threading.current_thread() is threading.main_thread():
            built.append("item")
        return real(blob)
    monkeypatch.setattr(_catalogue_items.CatalogueItems, "_decode", staticmethod(counting))
    _result, window = start(archive)
    window.show_panel("gallery")
    gallery = window.gallery_panel
    qtbot.waitUntil(lambda: gallery.model.rowCount() == 40, timeout=10_000)
    gallery.model.sort_by("title")
    gallery.model.set_tag("camp")
    assert gallery.model.rowCount() == 20 and sorted(gallery.model.tags()) == ["camp", "city"]
    assert built == []  # sorted, filtered by tag and drawn from rows
    item = gallery.model.item_at(3)  # an Item when one is asked for
    assert item.title == gallery.model.data(gallery.model.index(3)) and item.kind.value == "image"
    assert len(built) <= 1  # (none when the Item was cached already)
