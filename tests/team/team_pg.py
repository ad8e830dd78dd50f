"""A throwaway PostgreSQL cluster for the team tests: ``initdb`` + ``pg_ctl`` in a temporary folder,
listening on a Unix socket there only (no TCP port at all).

PostgreSQL refuses to run as root; CI runs as root, so there the server runs as the unprivileged
``nobody`` user. Missing PostgreSQL skips the team tests with the reason, unless ASHRAF_REQUIRE_POSTGRES=1
(set by .ci/run), where it fails them.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ADMIN = "ashraf_admin"


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

    def _demote(self):
        if self.run_as is None:
            return None
        entry = pwd.getpwuid(self.run_as)

        def demote() -> None:
            os.setgid(entry.pw_gid)
            os.setuid(entry.pw_uid)
        return demote

    def pg_ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), *args],
                              preexec_fn=self._demote(), capture_output=True, text=True, timeout=120, check=check,
                              cwd=self.root)

    def start(self) -> None:
        opts = (f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}' -c fsync=off "
                "-c full_page_writes=off -c max_connections=60")
        self.pg_ctl("-w", "-t", "60", "-l", str(self.root / "server.log"), "-o", opts, "start")

    def stop(self, mode: str = "fast") -> None:
        self.pg_ctl("-w", "-t", "60", "-m", mode, "stop", check=False)

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
                          preexec_fn=cluster._demote(), capture_output=True, text=True, timeout=300, cwd=root)
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
