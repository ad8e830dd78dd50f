"""A throwaway PostgreSQL cluster for the team tests: ``initdb`` and ``postgres`` in a temporary folder,
listening on a Unix socket there only (no TCP port at all). The server is this process's child and is
stopped by the kernel if this process dies, so a killed test run leaves no server behind.

PostgreSQL refuses to run as root; CI runs as root, so there the server runs as the unprivileged
``nobody`` user. Missing PostgreSQL skips the team tests with the reason, unless ASHRAF_REQUIRE_POSTGRES=1
(set by .ci/run), where it fails them.
"""

from __future__ import annotations

import ctypes
import glob
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ADMIN = "ashraf_admin"
_PR_SET_PDEATHSIG = 1


def find_bindir() -> Path | None:
    for pattern in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name),
                          reverse=True):
        if (Path(pattern) / "initdb").exists():
            return Path(pattern)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def require_postgres() -> Path:
    bindir = find_bindir()
    if bindir is None:
        reason = ("PostgreSQL is not installed (initdb not found): scripts/bootstrap.sh test installs Debian's "
                  "`postgresql` when run as root; or: sudo apt-get install postgresql")
        if os.environ.get("ASHRAF_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason + " - but ASHRAF_REQUIRE_POSTGRES=1 (CI must run the team tests)")
        pytest.skip(reason)
    return bindir


@dataclass
class Cluster:
    bindir: Path
    root: Path
    socket_dir: Path
    admin_password: str
    run_as: int | None  # uid the server runs as (None: ourselves)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql:///{database}?host={self.socket_dir}"

    def _as_server_user(self, *, die_with_us: bool = False):
        """preexec_fn: become the server's user; with ``die_with_us``, the kernel stops the server
        (SIGQUIT: immediate shutdown) if this test process dies, even by kill -9 - no stray clusters."""
        entry = pwd.getpwuid(self.run_as) if self.run_as is not None else None

        def prepare() -> None:
            if entry is not None:
                os.setgid(entry.pw_gid)
                os.setuid(entry.pw_uid)  # (changing credentials clears a death signal: set it after)
            if die_with_us:
                ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGQUIT)
        return prepare

    def start(self) -> None:
        """Run ``postgres`` as our child (not daemonised by pg_ctl, so it cannot outlive the tests) and
        wait until it accepts connections."""
        log = open(self.root / "server.log", "ab")
        self.process = subprocess.Popen(
            [str(self.bindir / "postgres"), "-D", str(self.root / "data"), "-c", "listen_addresses=",
             "-c", f"unix_socket_directories={self.socket_dir}", "-c", "fsync=off", "-c", "full_page_writes=off",
             "-c", "max_connections=60"],
            preexec_fn=self._as_server_user(die_with_us=True), stdout=log, stderr=log, cwd=self.root)
        log.close()
        ready = [str(self.bindir / "pg_isready"), "-q", "-h", str(self.socket_dir), "-t", "1"]
        deadline = time.monotonic() + 120
        while subprocess.run(ready).returncode != 0:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the test PostgreSQL did not start:\n"
                                   + (self.root / "server.log").read_text(errors="replace")[-3000:])
            time.sleep(0.05)

    def stop(self, mode: str = "fast") -> None:
        """``fast`` (SIGINT: sessions ended, clean shutdown) or ``immediate`` (SIGQUIT: as if it crashed)."""
        process = getattr(self, "process", None)
        if process is None or process.poll() is not None:
            return
        process.send_signal({"smart": signal.SIGTERM, "fast": signal.SIGINT, "immediate": signal.SIGQUIT}[mode])
        process.wait(120)

    def admin(self, database: str = "postgres", **kwargs):
        import psycopg
        return psycopg.connect(self.url(database), user=ADMIN, password=self.admin_password, **kwargs)


def start_cluster() -> Cluster:
    bindir = require_postgres()
    run_as = pwd.getpwnam("nobody").pw_uid if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="ashraf-pg-"))
    os.chmod(root, 0o755)
    socket_dir = root / "socket"
    socket_dir.mkdir()
    password = secrets.token_hex(16)
    pwfile = root / "pwfile"
    pwfile.write_text(password + "\n")
    if run_as is not None:
        for path in (root, socket_dir, pwfile):
            os.chown(path, run_as, -1)
    cluster = Cluster(bindir, root, socket_dir, password, run_as)
    init = subprocess.run([str(bindir / "initdb"), "-D", str(root / "data"), "-U", ADMIN, f"--pwfile={pwfile}",
                           "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                          preexec_fn=cluster._as_server_user(), capture_output=True, text=True, timeout=300, cwd=root)
    if init.returncode != 0:
        raise RuntimeError(f"initdb failed:\n{init.stdout}\n{init.stderr}")
    pwfile.unlink()
    cluster.start()
    return cluster


def make_team(cluster: Cluster, database: str, members: dict[str, bool]) -> dict[str, str]:
    """A team database (``team init``) with login roles ``{role: is_editor}``; returns their passwords."""
    from ashraf_desktop.core.team import add_member, init_server
    with cluster.admin(autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    passwords = {role: secrets.token_urlsafe(12) for role in members}
    with cluster.admin(database) as conn:
        init_server(conn)
        for role, editor in members.items():
            add_member(conn, role, passwords[role], editor=editor)
        conn.commit()
    return passwords


def remove_cluster(cluster: Cluster) -> None:
    cluster.stop("immediate")
    shutil.rmtree(cluster.root, ignore_errors=True)
