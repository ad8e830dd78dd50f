"""The catalogue (issue 17) survives what happens to caches: kill -9 in the middle of its refresh (inside a
write transaction and between two), deletion while an archive is open, and a damaged file (lost pages, cut
off, header overwritten). After each, the next load gives exactly the loader's archive and problems,
reading again only what was not kept.

Outcomes are counted into $ASHRAF_RELIABILITY_OUT/catalogue.json like the other trials.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from rel_walk import REPO, write_report

from ashraf_desktop.core.archive import catalogue_path, load_archive
from ashraf_desktop.core.archive import catalogue as catalogue_mod

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

N_ITEMS = 2_600  # more than one of the refresh's transactions (catalogue.BATCH = 2,000 files)
OUTCOMES: dict[str, object] = {}

#: the child: builds the catalogue; says "inside" from within the write transaction of its second batch and
#: then waits on stdin (the parent kills it there), or "between" right after its first commit
CHILD = r"""
import sys
from pathlib import Path
from ashraf_desktop.core.archive import catalogue as c, load_archive
where = sys.argv[3]
stored = [0]
real_store = c._store_file
def store(conn, f, row):
    real_store(conn, f, row)
    stored[0] += 1
    if where == "inside" and stored[0] == c.BATCH + 100:
        print("inside", flush=True)
        sys.stdin.readline()
c._store_file = store
def progress(done, total):
    if where == "between" and done == c.BATCH:
        print("between", flush=True)
        sys.stdin.readline()
load_archive(Path(sys.argv[1]), check_files=False, cache_dir=Path(sys.argv[2]), progress=progress)
print("finished", flush=True)
"""


def _archive(root: Path, n: int = N_ITEMS) -> Path:
    (root / "items" / "many").mkdir(parents=True)
    (root / "collection.toml").write_text('format = 1\nid = "rel"\ntitle = "Reliability"\n', encoding="utf-8")
    for i in range(n):
        (root / "items" / "many" / f"r{i:05d}.toml").write_text(
            f'id = "r{i:05d}"\nkind = "record"\ntitle = "Record {i}"\ndate = "{1900 + i % 120}"\n', encoding="utf-8")
    (root / "items" / "many" / "broken.toml").write_text('id = "broken"\ntitle = "unclosed\n', encoding="utf-8")
    return root


def _same(result, expected) -> None:
    assert [i.id for i in result.archive.items] == [i.id for i in expected.archive.items]
    assert list(result.archive.items) == list(expected.archive.items)
    assert [str(p) for p in result.problems] == [str(p) for p in expected.problems]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, object]:
    root = _archive(tmp_path_factory.mktemp("catalogue") / "archive")
    return root, load_archive(root, check_files=False)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = catalogue_mod._load_item

    def counting(path, *args, **kwargs):
        seen.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(catalogue_mod, "_load_item", counting)
    return seen


@pytest.mark.parametrize("where", ["inside", "between"])
def test_kill_9_during_the_refresh_loses_only_the_unfinished_batch(archive, tmp_path, reads, where):
    root, expected = archive
    cache = tmp_path / "cache"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(root), str(cache), where], env=env, cwd=tmp_path,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    line = child.stdout.readline().strip()  # the child is stopped at the point named, waiting on stdin
    assert line == where, child.stderr.read() if child.stderr else line
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    result = load_archive(root, check_files=False, cache_dir=cache)
    _same(result, expected)
    kept = N_ITEMS + 1 - len(reads)
    OUTCOMES[f"kill -9 {where} a write transaction"] = {"same_archive": True, "sidecars_kept": kept,
                                                         "read_again": len(reads)}
    write_report("catalogue.json", OUTCOMES)
    assert kept == catalogue_mod.BATCH  # the first batch was committed whole; the second not at all
    reads.clear()
    _same(load_archive(root, check_files=False, cache_dir=cache), expected)
    assert reads == []


def test_deleting_the_catalogue_under_an_open_archive(archive, tmp_path, reads):
    root, expected = archive
    cache = tmp_path / "cache"
    load_archive(root, check_files=False, cache_dir=cache)
    open_now = load_archive(root, check_files=False, cache_dir=cache).archive
    path = catalogue_path(cache, root)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    assert open_now.item("r00042").title == "Record 42"  # the open snapshot keeps working
    assert len(open_now.items) == len(expected.archive.items)
    reads.clear()
    again = load_archive(root, check_files=False, cache_dir=cache)
    _same(again, expected)
    assert len(reads) == N_ITEMS + 1  # built again, whole
    OUTCOMES["deleted under an open archive"] = {"same_archive": True, "open_archive_kept_working": True}
    write_report("catalogue.json", OUTCOMES)


def test_a_damaged_catalogue_file_ends_in_the_loaders_archive(archive, tmp_path):
    """Lost pages, a cut file, an overwritten header: each found (SQLite's own checks, a CRC on every item
    row) and the archive read from its files. A byte changed inside a text column would not be: SQLite keeps
    no page checksums (it heals when that sidecar changes, and ``validate`` reads every file)."""
    root, expected = archive
    cache = tmp_path / "cache"
    load_archive(root, check_files=False, cache_dir=cache)
    path = catalogue_path(cache, root)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    pristine = path.read_bytes()
    page = 4096
    pages = len(pristine) // page
    rng = random.Random(1717)
    # what a disk or a crash does to a file: pages lost (zeroed), the end cut off, the header overwritten
    damages = [("zeroed page", n) for n in rng.sample(range(1, pages), 6)] + \
              [("cut", n) for n in rng.sample(range(1, pages), 3)] + [("header", 0), ("second half zeroed", 0)]
    trials, notices = len(damages), 0
    for kind, n in damages:
        damaged = bytearray(pristine)
        if kind == "zeroed page":
            damaged[n * page:(n + 1) * page] = bytes(page)
        elif kind == "cut":
            del damaged[n * page:]
        elif kind == "header":
            damaged[:100] = bytes(rng.randrange(256) for _ in range(100))
        else:
            half = len(damaged) // 2
            damaged[half:] = bytes(len(damaged) - half)
        path.write_bytes(bytes(damaged))
        result = load_archive(root, check_files=False, cache_dir=cache)
        # whatever the damage hit, what is read is the archive: every item, equal to the loader's
        _same(result, expected)
        notices += len(result.notices)
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    OUTCOMES["damaged file"] = {"trials": trials, "same_archive": trials, "rebuilt_with_notice": notices}
    write_report("catalogue.json", OUTCOMES)
