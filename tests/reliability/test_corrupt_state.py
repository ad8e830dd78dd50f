"""Corrupt state ends in a working app or core and a message, never a trace: garbage settings.ini (the real
MainWindow must start), a full disk under the annotation store and the index writer, full caches.

Already covered elsewhere and counted in docs/reliability.md (not repeated here): truncated, deleted and
unreadable index files, a stale lock, a lock naming a dead process, a schema change, damage found while
searching (tests/core/test_search_recovery.py); a corrupt text-cache entry (tests/core/test_extract.py);
a corrupt thumbnail-cache entry (tests/core/test_images.py); a damaged annotations file
(tests/core/test_annotations_store.py).
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rel_walk import REPO, write_report, out_dir

sys.path.insert(0, str(REPO / "tests" / "core"))
DRIVER = Path(__file__).parent / "rel_gui_driver.py"
#: Scenarios that fail because of a known, not yet fixed bug: name -> where and why (reported, xfail).
KNOWN_BUGS: dict[str, str] = {}


def _record(name: str, outcome: dict) -> None:
    path = out_dir() / "corrupt_state.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[name] = outcome
    write_report("corrupt_state.json", data)


@pytest.fixture(scope="module")
def settings_run(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("settings")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp / "home"), PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, str(DRIVER), "settings", str(REPO / "archive"), str(tmp / "data")],
                          env=env, capture_output=True, text=True, timeout=240, cwd=tmp)
    line = next((l for l in proc.stdout.splitlines() if l.startswith("RESULT ")), None)
    assert line is not None, f"no result from the driver:\n{proc.stdout}\n{proc.stderr[-3000:]}"
    return json.loads(line[len("RESULT "):])


GARBAGE = ["random-bytes", "empty", "wrong-types", "version-not-a-number", "right-version-garbage-state",
           "binary-nul-utf16", "huge-line", "a-folder"]


@pytest.mark.gui
@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN_BUGS[n], strict=False))
                                  if n in KNOWN_BUGS else n for n in GARBAGE])
def test_garbage_settings_file_still_starts_the_window(settings_run: dict, name: str) -> None:
    outcome = settings_run["scenarios"][name]
    _record(f"settings.ini: {name}", {"recovered": outcome == "started", "outcome": outcome[:600],
                                      "known_bug": KNOWN_BUGS.get(name)})
    assert outcome == "started", outcome


def test_full_disk_under_the_annotation_store_loses_nothing(tmp_path: Path) -> None:
    """SQLITE_FULL (the database may not grow: what a full disk looks like to SQLite) on create and update."""
    from ashraf_desktop.core.annotations import AnnotationStore, StorageError
    db = tmp_path / "annotations.sqlite"
    store = AnnotationStore(db)
    kept = [store.create("test", "doc", "note", body=f"kept {i}").after.id for i in range(5)]
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    messages = []
    for attempt in range(3):
        with pytest.raises(StorageError) as caught:
            store.create("test", "doc", "note", body="x" * 200_000)
        messages.append(str(caught.value))
    with pytest.raises(StorageError):
        store.update(kept[0], body="y" * 200_000)
    assert all("the disk is full" in m and "not saved" in m for m in messages), messages
    store._conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    assert store.create("test", "doc", "note", body="after").after
    store.close()
    with AnnotationStore(db) as again:
        bodies = {a.id: a.body for a in again.all()}
        assert set(kept) <= set(bodies) and bodies[kept[0]] == "kept 0"
        assert again.integrity_check() == ["ok"]
    _record("full disk: annotation store", {"recovered": True, "message": messages[0], "lost": 0})


def _child(code: str) -> subprocess.CompletedProcess:
    script = f"import sys; sys.path[:0] = [{str(Path(__file__).parent)!r}, {str(REPO)!r}]\nimport rel_crash\n{code}\n"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def _full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_full_disk_under_the_index_writer(tmp_path: Path) -> None:
    """Every index file creation fails with ENOSPC: opening says so in words; an update fails without
    touching what was committed (searches go on); once there is space, a fresh start has a matching index."""
    opened = json.loads(_child(f"print(rel_crash.index_open_on_full_disk({str(tmp_path / 'a')!r}))"
                               ).stdout.strip().splitlines()[-1])
    open_message = opened["message"]
    assert "could not be written" in open_message and "No space left" in open_message
    update = _child(f"print(rel_crash.index_update_on_full_disk({str(tmp_path / 'b')!r}))")
    child = json.loads(update.stdout.strip().splitlines()[-1])
    update_message = child["message"]
    assert "No space left" in update_message
    _child(f"rel_crash.reopen_matches({opened['root']!r}, {opened['cache']!r}, 1)")  # a fresh start, space again
    _child(f"rel_crash.reopen_matches({child['root']!r}, {child['cache']!r}, 2)")
    _record("full disk: index writer", {"recovered": True, "message": open_message,
                                        "update_error": update_message})


def _fail_at(where: str):
    """A patch target and replacement that makes Whoosh hit ENOSPC at ``where`` of an index write."""
    import whoosh.filedb.filestore as filestore
    import whoosh.index as windex
    import whoosh.writing as writing
    if where == "new-segment-files":  # in the writer's constructor, after it took the lock
        return filestore.FileStorage, "create_file", _full
    if where == "flush-segment":  # in commit(), half way through writing the new segment
        return writing.SegmentWriter, "_flush_segment", _full
    if where == "table-of-contents":  # in commit(), with the new segment complete
        return windex.TOC, "write", _full
    raise AssertionError(where)


FULL_DISK_POINTS = ["new-segment-files", "flush-segment", "table-of-contents"]


@pytest.mark.parametrize("where", FULL_DISK_POINTS)
def test_after_a_full_disk_the_same_process_can_write_the_index_again(tmp_path: Path, monkeypatch,
                                                                       where: str) -> None:
    """An update fails on a full disk at three points of Whoosh's writer: the caller gets "the disk is full: …"
    (an IndexWriteError, also an OSError with errno ENOSPC) and a notice; the old index still answers; once
    there is space the same SearchIndex object updates, updates items and merges again (no LockError, no restart)."""
    import test_search_recovery as recovery
    from ashraf_desktop.core.search import IndexWriteError, SearchError, open_index
    archive, cache, root = recovery._prepare(tmp_path)
    index = open_index(archive, cache)
    try:
        monkeypatch.setattr(*_fail_at(where))
        for _ in range(2):  # twice: a second failure must not turn into a LockError either
            with pytest.raises(IndexWriteError) as caught:
                index.update(recovery.make_archive(root, version=2))
            assert isinstance(caught.value, OSError) and isinstance(caught.value, SearchError)
            assert caught.value.errno == errno.ENOSPC
            message = str(caught.value)
            assert message.startswith("the disk is full: ") and "No space left" in message, message
            recovery.assert_matches(index, archive, 0)  # the old index is still usable
        assert any(n.code == "write-failed" and n.severity == "warning" for n in index.notices)
        folder = index.folder
        monkeypatch.undo()
        leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
        assert not leftovers, leftovers  # the writer's temporary folder went with it
        target = recovery.make_archive(root, version=2)
        index.update(target)
        recovery.assert_matches(index, target, 2)
        target3 = recovery.make_archive(root, version=3)
        index.update_items(changed=target3.items)
        index.merge()
        recovery.assert_matches(index, target3, 3)
        _record(f"full disk: same process writes again ({where})", {"recovered": True, "message": message})
    except BaseException as exc:
        _record(f"full disk: same process writes again ({where})",
                {"recovered": False, "outcome": f"{type(exc).__name__}: {exc}"[:300]})
        raise
    finally:
        index.close()
    again = open_index(target3, cache)  # and a fresh start finds an index that matches, nothing rebuilt
    try:
        recovery.assert_matches(again, target3, 3)
        assert not any(n.code == "rebuilt-damaged" for n in again.notices), again.notices
    finally:
        again.close()


def test_a_rebuild_on_a_full_disk_keeps_the_old_index_and_stops_its_writer_processes(tmp_path: Path,
                                                                                     monkeypatch) -> None:
    """A two-process rebuild that fails on a full disk, once while handing documents to its writer processes
    and once while committing: the old generation stays in use, the writer sub-processes are stopped (Whoosh's
    MpWriter.cancel left them waiting on their job queue, and the interpreter waits for them at exit), and the
    next rebuild works in the same process."""
    import multiprocessing

    import whoosh.multiproc as multiproc

    import test_search_recovery as recovery
    from ashraf_desktop.core.search import IndexWriteError, open_index
    if os.name != "posix":
        pytest.skip("multi-process builds are POSIX only")
    archive = recovery.make_archive(tmp_path / "archive", n=250)  # 100 documents a job: 3 jobs
    index = open_index(archive, tmp_path / "cache", build_procs=1)
    index._contents._build_procs = 2
    original_enqueue = multiproc.MpWriter._enqueue
    calls = []

    def second_job_fails(self):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return original_enqueue(self)

    try:
        before = index.folder
        for patch in [(multiproc.MpWriter, "_enqueue", second_job_fails), _fail_at("table-of-contents")]:
            monkeypatch.setattr(*patch)
            with pytest.raises(IndexWriteError, match="^the disk is full: "):
                index.rebuild()
            monkeypatch.undo()
            assert index.folder == before and before.is_dir()
            assert index.doc_count() == len(archive.items) + 1 and index.search("unique249").total == 1
            children = [p for p in multiprocessing.active_children() if p.is_alive()]
            assert not children, children
            assert sorted(p.name for p in before.parent.iterdir() if p.name.startswith("gen-")) == [before.name]
        assert len(calls) >= 2
        index.rebuild()
        assert index.folder != before
        assert index.doc_count() == len(archive.items) + 1 and index.search("unique249").total == 1
        _record("full disk: two-process rebuild", {"recovered": True})
    except BaseException as exc:
        _record("full disk: two-process rebuild", {"recovered": False,
                                                   "outcome": f"{type(exc).__name__}: {exc}"[:300]})
        raise
    finally:
        index.close()


def test_full_caches_cost_only_speed(tmp_path: Path, monkeypatch) -> None:
    """The text cache and the thumbnail cache on a full disk: results still come, nothing raises."""
    import tempfile as tempfile_module

    from PIL import Image

    from ashraf_desktop.core.extract import TextCache
    from ashraf_desktop.core.images import ThumbnailCache, Thumbnailer
    doc = tmp_path / "doc.txt"
    doc.write_text("Camp Ashraf\n", encoding="utf-8")
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (300, 200), (10, 20, 30)).save(photo)
    monkeypatch.setattr(tempfile_module, "mkstemp", _full)
    text = TextCache(tmp_path / "text").get("a" * 64, doc, "text/plain")
    thumb = Thumbnailer(ThumbnailCache(tmp_path / "thumbs")).get(photo, 128)
    assert text.text == "Camp Ashraf\n" and thumb.ok
    _record("full disk: text and thumbnail caches", {"recovered": True})
