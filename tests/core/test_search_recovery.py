"""Recovery paths of the search index: each ends in a working index that matches the archive.

A writer process killed mid-commit (SIGKILL, at a chosen point and at a random moment), deleted or
truncated index files, an unreadable table of contents, a stale lock, a changed schema version, and damage
only found while searching.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

import functools

from ashraf_desktop.core.archive import dates

parse_date = functools.lru_cache(maxsize=None)(dates.parse_date)  # edtf parsing is slow (20-50 ms a date)
from ashraf_desktop.core.archive import Archive, Citation, Collection, Event, Item, ItemKind, Metadata
from ashraf_desktop.core.search import index_home, open_index

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")

WORDS = ("camp liberty ashraf residents water canal gardens relocation report baghdad diyala desert "
         "memorandum security transfer").split()


def make_archive(root: Path, n: int = 12, version: int = 0) -> Archive:
    """``n`` documents; ``version`` changes the text of every third one (and adds the word ``v<version>``)."""
    items_dir = root / "items"
    items_dir.mkdir(parents=True, exist_ok=True)
    items = []
    for i in range(n):
        words = [WORDS[(i * 7 + k) % len(WORDS)] for k in range(40)]
        if version and i % 3 == 0:
            words.append(f"v{version}")
        text = f"Document {i}\n\n" + " ".join(words) + f" unique{i}."
        path = items_dir / f"doc-{i}.txt"
        path.write_text(text, encoding="utf-8")
        items.append(Item(id=f"doc-{i}", kind=ItemKind.DOCUMENT, sidecar=items_dir / f"doc-{i}.toml", file=path,
                          sha256=hashlib.sha256(text.encode()).hexdigest(), date=parse_date(str(1990 + i)),
                          metadata=Metadata(title=f"Document {i}", date=str(1990 + i), format="text/plain")))
    events = (Event(id="ev", date=parse_date("2012"), title="An event about the canal",
                    citations=(Citation("doc-0", "camp"),)),)
    return Archive(root=root, collection=Collection(id="recovery", title="R"), items=tuple(items), events=events)


def assert_matches(index, archive: Archive, version: int) -> None:
    assert index.doc_count() == len(archive.items) + len(archive.events)
    for i in (0, len(archive.items) - 1):
        assert [h.id for h in index.search(f"unique{i}").hits] == [f"doc-{i}"]
    expected = {f"doc-{i}" for i in range(len(archive.items)) if i % 3 == 0} if version else set()
    assert {h.id for h in index.search(f"v{version}", page_size=100).hits} == expected
    assert index.search("canal").total > 0


# --- child processes (forked on Linux for speed - no threads are busy in the parent - spawned elsewhere) --

def _child_update(archive_root: str, index_root: str, version: int, die: str) -> None:
    import whoosh.index as wi

    from ashraf_desktop.core.search import _writing

    archive = make_archive(Path(archive_root), version=0)
    index = open_index(archive, Path(index_root))
    target = make_archive(Path(archive_root), version=version)
    original_toc_write = wi.TOC.write
    original_stamp = _writing.write_stamp

    def kill() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    def toc_write(self, storage, indexname):
        if die == "before-toc":
            kill()
        original_toc_write(self, storage, indexname)
        if die == "after-toc":
            kill()

    def stamp(*args, **kwargs):
        if die == "before-stamp":
            kill()
        return original_stamp(*args, **kwargs)

    wi.TOC.write = toc_write
    _writing.write_stamp = stamp
    if die == "mid-rebuild":
        die = "before-stamp"
        index.rebuild()
    index.update(target)
    os._exit(0)


def _child_loop(archive_root: str, index_root: str, marker: str) -> None:
    archive = make_archive(Path(archive_root), version=0)
    index = open_index(archive, Path(index_root))
    version = 0
    while True:  # until killed
        version = version % 5 + 1
        index.update(make_archive(Path(archive_root), version=version))
        Path(marker).write_text(str(version))


def _child_hold_lock(index_home_path: str, ready: str) -> None:
    from ashraf_desktop.core.search._files import LOCK
    from ashraf_desktop.core.search._lock import FileLock

    lock = FileLock(Path(index_home_path) / LOCK)
    lock.acquire()
    Path(ready).write_text("x")
    time.sleep(60)


def _spawn(target, *args) -> multiprocessing.Process:
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    proc = ctx.Process(target=target, args=args)
    proc.start()
    return proc


@pytest.fixture
def setup(tmp_path: Path):
    archive = make_archive(tmp_path / "archive")
    cache = tmp_path / "cache"
    index = open_index(archive, cache)
    assert_matches(index, archive, 0)
    index.close()
    return archive, cache, tmp_path / "archive"


def _prepare(folder: Path) -> tuple[Archive, Path, Path]:
    archive = make_archive(folder / "archive")
    cache = folder / "cache"
    index = open_index(archive, cache)
    assert_matches(index, archive, 0)
    index.close()
    return archive, cache, folder / "archive"


@pytest.fixture
def setup(tmp_path: Path):
    return _prepare(tmp_path)


def test_writers_killed_mid_commit_mid_rebuild_and_at_random(tmp_path: Path) -> None:
    """Five writer processes, SIGKILLed at different points (run side by side to save time)."""
    cases = {}
    for die in ("before-toc", "after-toc", "before-stamp", "mid-rebuild", "random"):
        archive, cache, root = _prepare(tmp_path / die)
        home = index_home(archive, cache)
        before = (home / "CURRENT").read_text()
        if die == "random":
            marker = tmp_path / "marker"
            proc = _spawn(_child_loop, str(root), str(cache), str(marker))
        else:
            proc = _spawn(_child_update, str(root), str(cache), 0 if die == "mid-rebuild" else 1, die)
        cases[die] = (archive, cache, root, home, before, proc)
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marker.exists()
    time.sleep(random.uniform(0.0, 0.3))
    os.kill(cases["random"][5].pid, signal.SIGKILL)
    for die, (archive, cache, root, home, before, proc) in cases.items():
        proc.join(60)
        assert proc.exitcode == -signal.SIGKILL, die
    for die, (archive, cache, root, home, before, proc) in cases.items():
        if die == "mid-rebuild":  # the old index stays in use and the abandoned build is removed
            assert (home / "CURRENT").read_text() == before
            assert len([p for p in home.iterdir() if p.name.startswith("gen-")]) == 2
            index = open_index(archive, cache)
            try:
                assert index.last_update is None  # opened as is
                assert [n.code for n in index.notices] == ["stale-lock"]  # the killed builder held the lock
                assert_matches(index, archive, 0)
                assert [p.name for p in home.iterdir() if p.name.startswith("gen-")] == [before.strip()]
            finally:
                index.close()
            continue
        # the archive on disk is now another version; whatever the child left, opening gives the right index
        version = 1 if die != "random" else 2
        target = make_archive(root, version=version)
        index = open_index(target, cache)
        try:
            assert_matches(index, target, version)
            assert not any(n.code == "rebuilt-damaged" for n in index.notices), die
        finally:
            index.close()


def _current(archive: Archive, cache: Path) -> Path:
    home = index_home(archive, cache)
    return home / (home / "CURRENT").read_text().strip()


def _whoosh_files(folder: Path) -> list[Path]:
    return sorted((p for p in folder.iterdir() if p.is_file() and p.name.startswith("MAIN_")
                   and not p.name.endswith("LOCK")), key=lambda p: p.stat().st_size, reverse=True)


def _reopen_expect_rebuild(archive: Archive, cache: Path, why: str) -> None:
    index = open_index(archive, cache)
    try:
        notices = [n for n in index.notices if n.code == "rebuilt-damaged"]
        assert len(notices) == 1 and why in notices[0].message and notices[0].severity == "warning"
        assert "rebuilt because its files were damaged" in notices[0].message
        assert_matches(index, archive, 0)
    finally:
        index.close()
    index = open_index(archive, cache)  # and the repaired index is trusted next time
    try:
        assert not index.notices and index.last_update is None
    finally:
        index.close()


def test_deleted_segment_file(setup) -> None:
    archive, cache, _ = setup
    victim = _whoosh_files(_current(archive, cache))[0]
    victim.unlink()
    _reopen_expect_rebuild(archive, cache, f"the file {victim.name} is missing")


def test_truncated_segment_file(setup) -> None:
    archive, cache, _ = setup
    victim = _whoosh_files(_current(archive, cache))[0]
    size = victim.stat().st_size
    with open(victim, "r+b") as f:
        f.truncate(size // 2)
    _reopen_expect_rebuild(archive, cache, f"the file {victim.name} is truncated")


def test_unreadable_table_of_contents(setup) -> None:
    archive, cache, _ = setup
    toc = next(p for p in _current(archive, cache).iterdir() if p.suffix == ".toc")
    toc.write_bytes(b"\x00garbage" * 10)
    _reopen_expect_rebuild(archive, cache, "")


def test_missing_table_of_contents(setup) -> None:
    archive, cache, _ = setup
    toc = next(p for p in _current(archive, cache).iterdir() if p.suffix == ".toc")
    toc.unlink()
    _reopen_expect_rebuild(archive, cache, "table of contents")


def test_missing_stamp(setup) -> None:
    archive, cache, _ = setup
    (_current(archive, cache) / "stamp.json").unlink()
    _reopen_expect_rebuild(archive, cache, "stamp")


def test_schema_version_change(setup) -> None:
    archive, cache, _ = setup
    stamp_path = _current(archive, cache) / "stamp.json"
    stamp = json.loads(stamp_path.read_text())
    stamp["schema"] = "0.0"
    stamp_path.write_text(json.dumps(stamp))
    old = _current(archive, cache)
    index = open_index(archive, cache)
    try:
        assert [n.code for n in index.notices] == ["rebuilt-schema"]
        assert index.folder != old and not old.exists()
        assert_matches(index, archive, 0)
    finally:
        index.close()


def test_damage_found_while_searching_is_repaired(setup) -> None:
    """Same-size garbage passes the open-time size check; the first failing read triggers a rebuild."""
    archive, cache, _ = setup
    folder = _current(archive, cache)
    for victim in _whoosh_files(folder):
        if victim.suffix in (".pst", ".trm"):
            size = victim.stat().st_size
            victim.write_bytes(os.urandom(size))
    index = open_index(archive, cache)
    try:
        result = index.search("unique3")
        assert [h.id for h in result.hits] == ["doc-3"]
        assert any(n.code == "rebuilt-damaged" for n in index.notices)
        assert_matches(index, archive, 0)
    finally:
        index.close()


def test_stale_lock_from_a_dead_process(setup) -> None:
    archive, cache, _ = setup
    home = index_home(archive, cache)
    ready = home.parent / "ready"
    proc = _spawn(_child_hold_lock, str(home), str(ready))
    deadline = time.monotonic() + 30
    while not ready.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ready.exists()
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(30)
    assert (home / "writer.lock").read_text().strip() == str(proc.pid)  # left behind
    changed = make_archive(archive.root, version=3)
    index = open_index(changed, cache)
    try:
        assert any(n.code == "stale-lock" for n in index.notices)
        assert_matches(index, changed, 3)
    finally:
        index.close()


def test_lock_file_naming_a_dead_pid(setup) -> None:
    archive, cache, _ = setup
    home = index_home(archive, cache)
    ctx = multiprocessing.get_context("spawn")
    proc = ctx.Process(target=time.sleep, args=(0,))
    proc.start()
    proc.join()
    (home / "writer.lock").write_text(f"{proc.pid}\n")
    (_current(archive, cache) / "MAIN_WRITELOCK").write_text("")  # Whoosh's own lock file, left behind
    index = open_index(make_archive(archive.root, version=4), cache)
    try:
        assert any(n.code == "stale-lock" for n in index.notices)
        assert_matches(index, make_archive(archive.root, version=4), 4)
    finally:
        index.close()


def test_live_lock_is_waited_for(setup, monkeypatch) -> None:
    from ashraf_desktop.core.search import SearchError, _lock

    archive, cache, _ = setup
    home = index_home(archive, cache)
    ready = home.parent / "ready"
    proc = _spawn(_child_hold_lock, str(home), str(ready))
    try:
        deadline = time.monotonic() + 30
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        monkeypatch.setattr(_lock, "LOCK_TIMEOUT_S", 0.3)
        with pytest.raises(SearchError, match="another program"):
            open_index(archive, cache)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.join(30)


def _child_merge(archive_root: str, index_root: str, die: str) -> None:
    """Small updates until a background merge starts; killed inside it at ``die``."""
    import whoosh.index as wi

    from ashraf_desktop.core.search import _merging

    archive = make_archive(Path(archive_root), version=0)
    index = open_index(archive, Path(index_root))
    real_request = index._merger.request_when_quiet
    index._merger.request_when_quiet = lambda *a: None  # merges only when this test says so

    def kill() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    for version in range(1, _merging.SMALL_SEGMENTS + 2):
        index.update(make_archive(Path(archive_root), version=version % 5 + 1))
    if die == "folded":  # the new segment is written in its folder, nothing swapped
        _merging.BackgroundMerge._install = staticmethod(lambda *a: kill())
    else:  # the new segment's files moved in, the table of contents not written yet
        original = wi.TOC.write

        def toc_write(self, storage, indexname):
            if any(seg.segment_id() for seg in self.segments):
                kill()
            return original(self, storage, indexname)
        wi.TOC.write = toc_write
    index._merger.request_when_quiet = real_request
    index._merger.request(index._readers.ix, index.folder)
    index._merger.wait(60)
    os._exit(3)  # not killed: the test fails


@pytest.mark.parametrize("die", ["folded", "moved-in"])
def test_a_background_merge_killed_half_way(tmp_path: Path, die: str) -> None:
    """Issue 17: merging runs in the background and survives a kill: the next start finds the index as the
    last commit left it, trusted (no rebuild), and no merge leftovers."""
    from ashraf_desktop.core.search import _merging
    archive, cache, root = _prepare(tmp_path)
    proc = _spawn(_child_merge, str(root), str(cache), die)
    proc.join(90)
    assert proc.exitcode == -signal.SIGKILL
    version = (_merging.SMALL_SEGMENTS + 1) % 5 + 1
    target = make_archive(root, version=version)
    index = open_index(target, cache)
    try:
        assert_matches(index, target, version)
        assert not any(n.code == "rebuilt-damaged" for n in index.notices), index.notices
        assert not [p for p in index.folder.iterdir() if p.name.startswith(_merging.MERGE_DIR_PREFIX)]
    finally:
        index.close()
