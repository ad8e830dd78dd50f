"""A damaged index met by a command: the command answers, says in plain words that the index was rebuilt, and
prints no traceback (Python's last-resort log handler printed the repaired failure's whole traceback, which
reads as a crash; the packaged app's smoke test fails on any "Traceback")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _cli(data: Path, *argv: str, **env: str) -> subprocess.CompletedProcess:
    import os
    return subprocess.run([sys.executable, "-m", "ashraf_desktop", "--data-dir", str(data), *argv],
                          capture_output=True, text=True, timeout=300, env={**os.environ, **env})


def _damage_postings(data: Path) -> Path:
    postings = max((data / "cache" / "index").rglob("*.pst"), key=lambda p: p.stat().st_size)
    with open(postings, "r+b") as handle:
        handle.seek(min(5000, postings.stat().st_size // 2))
        handle.write(b"QQQQ")
    return postings


def test_a_command_on_a_damaged_index_answers_with_a_note_and_no_traceback(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert _cli(data, "index").returncode == 0
    damaged = _damage_postings(data)
    proc = _cli(data, "search", "Odierno")
    assert proc.returncode == 0 and "Odierno" in proc.stdout and "0 results" not in proc.stdout, proc.stderr
    assert "The search index was rebuilt because its files were damaged" in proc.stderr
    assert damaged.name in proc.stderr  # which file, in words
    assert "Traceback" not in proc.stderr, proc.stderr


def test_ashraf_debug_keeps_the_traceback_for_a_developer(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert _cli(data, "index").returncode == 0
    _damage_postings(data)
    proc = _cli(data, "search", "Odierno", ASHRAF_DEBUG="1")
    assert proc.returncode == 0 and "Traceback" in proc.stderr
