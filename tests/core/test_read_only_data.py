"""A read-only data folder (issue 15): search answers with a note, imports and annotation imports are
refused with a clear message, nothing ends in a traceback.

Before: ``search`` exited 3 although a complete index was there (the writer lock could not be created), and
``import`` crashed with ``OSError: [Errno 30] … .import.lock``. The folder is made read-only the way a user
meets it - a read-only mount (a bind mount in a private mount namespace, ``unshare -m``), which root cannot
write through either; where that is not possible the commands run as ``nobody`` on a folder it may not
write.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="read-only mounts are set up the Linux way")


def _how() -> list[str] | None:
    """A command prefix that runs a shell snippet with ``$RO`` read-only, or None."""
    probe = Path(os.environ.get("TMPDIR", "/tmp"))
    if shutil.which("unshare"):
        ok = subprocess.run(["unshare", "-m", "sh", "-c", f'mount --bind "{probe}" "{probe}" && '
                             f'mount -o remount,bind,ro "{probe}" "{probe}"'], capture_output=True)
        if ok.returncode == 0:
            return ["unshare", "-m", "sh", "-c",
                    'mount --bind "$RO" "$RO" && mount -o remount,bind,ro "$RO" "$RO" && exec "$@"', "sh"]
    return None


def _read_only(data: Path, *argv: str) -> subprocess.CompletedProcess:
    """``ashraf-desktop --data-dir DATA ARGV`` with DATA read-only."""
    command = [sys.executable, "-m", "ashraf_desktop", "--data-dir", str(data), *argv]
    prefix = _how()
    env = {**os.environ, "RO": str(data), "PYTHONDONTWRITEBYTECODE": "1"}
    if prefix is not None:
        return subprocess.run(prefix + command, capture_output=True, text=True, env=env, timeout=300)
    if os.geteuid() == 0 and shutil.which("setpriv"):
        subprocess.run(["chmod", "-R", "a+rX,go-w", str(data)], check=True)
        _let_nobody_reach(data, *(Path(a) for a in argv if Path(a).exists()))
        return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command],
                              capture_output=True, text=True, env=env, timeout=300)
    if os.geteuid() != 0:
        subprocess.run(["chmod", "-R", "a-w", str(data)], check=True)
        try:
            return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
        finally:
            subprocess.run(["chmod", "-R", "u+w", str(data)], check=True)
    pytest.skip("no way to make a folder read-only here (no unshare -m, no setpriv)")


def _let_nobody_reach(*paths: Path) -> None:
    """Let ``nobody`` enter the folders above ``paths`` and read the files named (pytest's temporary
    folders are root's alone: without this, the command would fail to reach its data folder at all, which
    is not the read-only folder under test)."""
    for path in paths:
        if path.is_file():
            path.chmod(path.stat().st_mode | 0o004)
        for folder in path.parents:
            mode = folder.stat().st_mode
            if not mode & 0o001:
                folder.chmod(mode | 0o001)


def _cli(data: Path, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ashraf_desktop", "--data-dir", str(data), *argv],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def ready_data(tmp_path_factory, bundled_archive_path: Path) -> Path:
    """A data folder with a complete index and one tagged annotation, as the app leaves it."""
    from ashraf_desktop.core.annotations import open_store
    data = tmp_path_factory.mktemp("ro") / "d"
    assert _cli(data, "index").returncode == 0
    from ashraf_desktop.paths import user_dirs
    with open_store(user_dirs(data).ensure().data) as store:
        store.create("ashraf", "about-camp-ashraf", "note", body="about the population", tags=["population"])
    done = _cli(data, "search", "tag:population", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["total"] == 1, done.stderr
    return data


def test_search_answers_from_a_read_only_data_folder_with_a_note(ready_data: Path) -> None:
    proc = _read_only(ready_data, "search", "Odierno", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["total"] >= 1
    assert "read-only" in proc.stderr and "Traceback" not in proc.stderr
    tagged = _read_only(ready_data, "search", "tag:population", "--json")
    assert tagged.returncode == 0 and json.loads(tagged.stdout)["total"] == 1, tagged.stderr


def test_import_and_annotation_import_are_refused_clearly(ready_data: Path, tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("A note about the camp.", encoding="utf-8")
    proc = _read_only(ready_data, "import", str(text))
    assert proc.returncode == 2 and "read-only" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    export = _cli(ready_data, "annotations", "export")
    source = tmp_path / "a.jsonld"
    source.write_text(export.stdout, encoding="utf-8")
    proc = _read_only(ready_data, "annotations", "import", str(source))
    assert proc.returncode == 3 and "read-only" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


def test_a_read_only_folder_without_an_index_still_answers(tmp_path: Path) -> None:
    data = tmp_path / "empty"
    (data / "cache").mkdir(parents=True)
    proc = _read_only(data, "search", "Odierno", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["total"] >= 1
    assert "temporary folder" in proc.stderr and "Traceback" not in proc.stderr
