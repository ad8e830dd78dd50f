"""kill -9 in numbers: the mechanisms of tests/core/test_annotations_crash.py and
tests/core/test_search_recovery.py (loaded from those files, not copied), run for a chosen number of
trials and counted. Called by tests/reliability/test_crash_numbers.py (few trials) and
bench/bench_reliability.py (many).
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CORE_TESTS = REPO / "tests" / "core"


def _load(name: str):
    if str(REPO / "tests") not in sys.path:
        sys.path.insert(0, str(REPO / "tests"))
    spec = importlib.util.spec_from_file_location(f"_reliability_{name}", CORE_TESTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def annotation_kill_trials(folder: Path, trials: int, seed: int | None = None) -> dict[str, Any]:
    """``trials`` annotation writers SIGKILLed at random moments; every id they reported must survive."""
    from ashraf_desktop.core.annotations import AnnotationStore
    crash = _load("test_annotations_crash")
    db = folder / "annotations.sqlite"
    AnnotationStore(db).close()
    seed = int(seed if seed is not None else time.time_ns() % 1_000_000)
    rng = random.Random(seed)
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    launcher = subprocess.Popen([sys.executable, "-c", crash.LAUNCHER, str(db)], cwd=REPO, env=env, bufsize=0,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    lines = crash._Lines(launcher.stdout)
    reported: set[str] = set()
    started = time.monotonic()
    done = 0
    try:
        for trial in range(trials):
            launcher.stdin.write(f"go w{trial}\n".encode())
            pid = int(lines.next().split()[1])
            got = [lines.next()]
            time.sleep(rng.uniform(0, 0.06))
            os.kill(pid, signal.SIGKILL)
            while not (line := lines.next()).startswith("END "):
                got.append(line)
            reported.update(got)
            done += 1
        launcher.stdin.write(b"quit\n")
        launcher.stdin.close()
        launcher.wait(timeout=10)
    finally:
        if launcher.poll() is None:
            launcher.kill()
            launcher.wait()
    with AnnotationStore(db) as store:
        present = {a.id for a in store.all()}
        integrity = store.integrity_check()
        writable = bool(store.create("test", "doc", "note", body="after the crashes").after)
    return {"trials": done, "committed": len(reported), "lost": len(reported - present),
            "integrity": integrity, "writable_after": writable, "seed": seed,
            "seconds": round(time.monotonic() - started, 1)}


def index_kill_trials(folder: Path, trials: int, seed: int | None = None) -> dict[str, Any]:
    """``trials`` index writers (endless update loops) SIGKILLed at random moments; after each, opening the
    index must give one that matches the archive, whether it was usable as left or had to be rebuilt."""
    from ashraf_desktop.core.search import open_index
    recovery = _load("test_search_recovery")
    seed = int(seed if seed is not None else time.time_ns() % 1_000_000)
    rng = random.Random(seed)
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    out = {"trials": 0, "usable_as_left": 0, "rebuilt": 0, "failed": 0, "failures": [], "seed": seed}
    started = time.monotonic()
    archive, cache, root = recovery._prepare(folder)
    for trial in range(trials):
        marker = folder / f"marker-{trial}"
        proc = ctx.Process(target=recovery._child_loop, args=(str(root), str(cache), str(marker)))
        proc.start()
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(proc.pid, signal.SIGKILL)
        proc.join(30)
        out["trials"] += 1
        version = rng.randint(1, 5)  # whatever the child left, the archive on disk is now this version
        target = recovery.make_archive(root, version=version)
        try:
            index = open_index(target, cache)
            try:
                recovery.assert_matches(index, target, version)
                if any(n.code == "rebuilt-damaged" for n in index.notices):
                    out["rebuilt"] += 1
                else:
                    out["usable_as_left"] += 1
            finally:
                index.close()
        except Exception as exc:  # noqa: BLE001 - counted and shown, the test asserts none
            out["failed"] += 1
            out["failures"].append(f"trial {trial}: {type(exc).__name__}: {exc}"[:500])
    out["seconds"] = round(time.monotonic() - started, 1)
    return out


def index_update_on_full_disk(folder: str) -> str:
    """In this process: build an index, then update it while every index file creation fails with ENOSPC.
    Returns the error's message; the committed index must still answer. Run in a child process (the patch of
    Whoosh's storage stays out of the test process); that the same process can write again once there is
    space is tested in test_corrupt_state.py."""
    import errno
    import json

    import whoosh.filedb.filestore as filestore

    from ashraf_desktop.core.search import open_index
    recovery = _load("test_search_recovery")
    archive, cache, root = recovery._prepare(Path(folder))
    index = open_index(archive, cache)
    original = filestore.FileStorage.create_file

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    filestore.FileStorage.create_file = full
    try:
        index.update(recovery.make_archive(root, version=2))
    except OSError as exc:
        message = f"{exc.strerror or exc}"
        assert exc.errno == errno.ENOSPC
    else:
        raise AssertionError("the update did not fail")
    finally:
        filestore.FileStorage.create_file = original
    recovery.assert_matches(index, archive, 0)  # the committed index still answers
    return json.dumps({"message": message, "root": str(root), "cache": str(cache)})


def reopen_matches(root: str, cache: str, version: int) -> None:
    from ashraf_desktop.core.search import open_index
    recovery = _load("test_search_recovery")
    target = recovery.make_archive(Path(root), version=version)
    index = open_index(target, Path(cache))
    try:
        recovery.assert_matches(index, target, version)
    finally:
        index.close()


def index_open_on_full_disk(folder: str) -> str:
    """In this process: an index that needs an update is opened while no index file can be created.
    ``open_index`` must raise SearchError with words; returns them (run in a child, as above)."""
    import errno
    import json

    import whoosh.filedb.filestore as filestore

    from ashraf_desktop.core.search import SearchError, open_index
    recovery = _load("test_search_recovery")
    archive, cache, root = recovery._prepare(Path(folder))

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    filestore.FileStorage.create_file = full
    try:
        open_index(recovery.make_archive(root, version=1), cache)
    except SearchError as exc:
        return json.dumps({"message": str(exc), "root": str(root), "cache": str(cache)})
    raise AssertionError("open_index did not report the full disk")
