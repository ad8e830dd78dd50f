"""The app makes no network connection: from source under a socket guard, and (when built) as the bundle.

Source: tests/netguard/sitecustomize.py is put first on PYTHONPATH; it refuses and records every attempt
to reach a host other than this machine; the app runs its own ``--smoke`` offscreen and the record must
stay empty. Bundle: scripts/smoke-bundle runs the frozen app in a network namespace under strace; it runs
here when dist/AshrafArchive exists (skipped if older than the sources) or when ASHRAF_TEST_BUNDLE=1, which
builds it first with scripts/build-package (about 1.5 minutes; see docs/packaging.md).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NETGUARD = REPO / "tests" / "netguard"
BUNDLE = REPO / "dist" / "AshrafArchive"


def _guarded_env(tmp_path: Path, log: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    env.update({
        "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(REPO)]),
        "ASHRAF_NETGUARD_LOG": str(log),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "home" / ".local" / "share"),
        "XDG_CACHE_HOME": str(tmp_path / "home" / ".cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
    })
    # proxies would only change where a connection goes, not whether one is made
    for key in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        env.pop(key, None)
    return env


def _attempts(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_guard_refuses_and_records_remote_attempts_but_not_local_ones(tmp_path: Path) -> None:
    log = tmp_path / "net.jsonl"
    code = (
        "import socket\n"
        "assert getattr(socket, '_ashraf_netguard', False), 'guard not installed'\n"
        "for call in (lambda: socket.create_connection(('192.0.2.1', 80), timeout=1),\n"
        "             lambda: socket.getaddrinfo('example.org', 443),\n"
        "             lambda: socket.socket().connect(('198.51.100.7', 443))):\n"
        "    try:\n"
        "        call()\n"
        "    except OSError:\n"
        "        pass\n"
        "    else:\n"
        "        raise SystemExit('not refused')\n"
        "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(1)\n"
        "c = socket.create_connection(s.getsockname(), timeout=2); c.close(); s.close()\n"
        "socket.getaddrinfo('localhost', 80)\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], env=_guarded_env(tmp_path, log),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "ok" in proc.stdout
    kinds = [a["kind"] for a in _attempts(log)]
    assert kinds == ["create_connection", "getaddrinfo", "connect"], kinds


@pytest.mark.gui
@pytest.mark.slow
def test_the_app_from_source_makes_no_network_attempt(tmp_path: Path) -> None:
    log = tmp_path / "net.jsonl"
    proc = subprocess.run(
        [sys.executable, "-c", "import socket, sys; assert socket._ashraf_netguard; "
                               "from ashraf_desktop.main import main; sys.exit(main())",
         "--data-dir", str(tmp_path / "data"), "--smoke"],
        env=_guarded_env(tmp_path, log), capture_output=True, text=True, timeout=180, cwd=tmp_path)
    assert proc.returncode == 0, f"--smoke failed:\n{proc.stdout}\n{proc.stderr}"
    assert "smoke OK" in proc.stdout + proc.stderr
    attempts = _attempts(log)
    assert attempts == [], "network attempts:\n" + "\n".join(
        f"{a['kind']} {a['target']}\n{''.join(a['stack'])}" for a in attempts)


def _bundle_is_stale() -> str | None:
    exe = BUNDLE / "AshrafArchive"
    built = exe.stat().st_mtime
    for folder in ("ashraf_desktop", "archive", "resources", "docs"):
        for path in (REPO / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.stat().st_mtime > built:
                return str(path.relative_to(REPO))
    if (REPO / "build.spec").stat().st_mtime > built:
        return "build.spec"
    return None


@pytest.mark.slow
def test_the_bundle_runs_offline_with_nothing_missing() -> None:
    if os.environ.get("ASHRAF_TEST_BUNDLE") == "1":
        build = subprocess.run([str(REPO / "scripts" / "build-package")], capture_output=True, text=True,
                               timeout=1500)
        assert build.returncode == 0, f"build-package failed:\n{build.stdout[-4000:]}\n{build.stderr[-4000:]}"
    elif not (BUNDLE / "AshrafArchive").exists():
        pytest.skip("no dist/AshrafArchive (run scripts/build-package, or set ASHRAF_TEST_BUNDLE=1)")
    else:
        stale = _bundle_is_stale()
        if stale:
            pytest.skip(f"dist/AshrafArchive is older than {stale}: rebuild it (or ASHRAF_TEST_BUNDLE=1)")
    if shutil.which("unshare") is None and shutil.which("strace") is None:
        pytest.skip("neither unshare nor strace is available to block or watch the network")
    proc = subprocess.run([str(REPO / "scripts" / "smoke-bundle"), str(BUNDLE)], capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, f"smoke-bundle failed:\n{proc.stdout}\n{proc.stderr}"
    assert "smoke-bundle: OK" in proc.stdout
