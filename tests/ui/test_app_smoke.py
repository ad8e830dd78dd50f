"""The real program: ``--smoke`` opens the window, searches, opens a document and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys


def test_smoke_run_exits_zero(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "ashraf_desktop", "--data-dir", str(tmp_path / "d"), "--smoke"],
                         capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr + out.stdout
    assert "smoke OK" in out.stdout
    assert (tmp_path / "d" / "config" / "settings.ini").is_file()
