"""No network: the suite-wide guard (tests/conftest.py) works, and the whole GUI - every panel, every kind of
item, the lightbox, an untrusted HTML page with remote resources - makes zero attempts."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rel_hostile import REMOTE_URLS, write_gui_archive
from rel_walk import NETGUARD, REPO, machine, write_report


def test_the_suite_guard_refuses_remote_attempts_and_lets_local_sockets_through(_no_network) -> None:
    for call in (lambda: socket.create_connection(("192.0.2.1", 80), timeout=1),
                 lambda: socket.getaddrinfo("example.org", 443),
                 lambda: socket.socket().connect(("198.51.100.7", 443))):
        with pytest.raises(OSError):
            call()
    assert socket.socket().connect_ex(("203.0.113.5", 80)) != 0
    assert [a.split()[0] for a in _no_network] == ["create_connection", "getaddrinfo", "connect", "connect_ex"]
    _no_network.clear()  # seen: this test made them on purpose
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=2)  # a local socket this test made
    client.close()
    server.close()
    socket.getaddrinfo("localhost", 80)
    assert not _no_network


def guarded_env(tmp_path: Path, log: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    env.update({"PYTHONPATH": os.pathsep.join([str(NETGUARD), str(REPO)]), "ASHRAF_NETGUARD_LOG": str(log),
                "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
                "XDG_DATA_HOME": str(tmp_path / "home" / ".local" / "share"),
                "XDG_CACHE_HOME": str(tmp_path / "home" / ".cache"),
                "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config")})
    for key in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        env.pop(key, None)
    return env


def run_driver(mode: str, archive: Path, tmp_path: Path, log: Path) -> tuple[dict, subprocess.CompletedProcess]:
    proc = subprocess.run([sys.executable, str(Path(__file__).parent / "rel_gui_driver.py"), mode, str(archive),
                           str(tmp_path / f"data-{mode}")], env=guarded_env(tmp_path, log), capture_output=True,
                          text=True, timeout=240, cwd=tmp_path)
    line = next((l for l in proc.stdout.splitlines() if l.startswith("RESULT ")), None)
    assert line is not None, f"the driver printed no result (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return json.loads(line[len("RESULT "):]), proc


def attempts(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.gui
def test_the_whole_gui_makes_no_network_attempt(tmp_path: Path) -> None:
    """Search, viewer (text, Markdown, untrusted HTML, PDF, image), provenance, timeline, gallery, lightbox."""
    shared = Path(os.environ.get("ASHRAF_SHARED_DIR", REPO.parent / "shared"))
    pdf = shared / "testdata" / "pdfs" / "pypdf" / "multilang.pdf"
    archive = write_gui_archive(tmp_path / "archive", pdf if pdf.is_file() else None)
    log = tmp_path / "net.jsonl"
    started = time.perf_counter()
    out, proc = run_driver("panels", archive, tmp_path, log)
    tried = attempts(log)
    write_report("offline.json", {"machine": machine(), "seconds": round(time.perf_counter() - started, 1),
                                  "network_attempts": len(tried), "panels": out.get("panels"),
                                  "items": out.get("items"), "refused_resources": sorted(set(out.get("blocked", []))),
                                  "rss_growth_mb_opening_items": out.get("rss_growth_mb")})
    assert proc.returncode == 0 and out["ok"], f"{out.get('errors')}\n{proc.stderr[-3000:]}"
    assert tried == [], "network attempts:\n" + "\n".join(f"{a['kind']} {a['target']}" for a in tried)
    assert {"search", "provenance", "timeline", "gallery"} <= set(out["panels"])
    assert out["index"] and out["searched"]
    items = out["items"]
    assert all(items[i] == "loaded" for i in ("doc", "notes", "untrusted", "photo")), items
    assert items.get("paper", "loaded") == "loaded", items
    assert items["photo:lightbox"] in ("screen", "full"), items
    assert items["bomb:lightbox"].startswith("problem: bomb.png: image too large to open safely"), items
    assert items["bomb"].startswith("error: ") and "bomb.png" in items["bomb"]  # a message, not a trace
    # the untrusted page: nothing ran, every remote or outside resource was refused at loadResource
    assert not out["script_text_shown"]
    blocked = set(out["blocked"])
    assert {REMOTE_URLS[2], "file:///etc/passwd"} <= blocked, blocked  # asked for, and refused
    assert out["rss_growth_mb"] < 1024  # an 8 MB inline picture and an inline 3.6-gigapixel bomb
