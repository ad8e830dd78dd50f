"""Fixtures of the team tests: one PostgreSQL cluster per session, a fresh team database per test."""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass
from pathlib import Path

import pytest

from team_pg import Cluster, make_team, remove_cluster, start_cluster

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster():
    cluster = start_cluster()
    yield cluster
    remove_cluster(cluster)


@dataclass
class Team:
    cluster: Cluster
    database: str
    url: str
    passwords: dict[str, str]

    def role(self, short: str) -> str:
        return f"{self.database}_{short}"

    def connect(self, short: str, **kwargs):
        import psycopg
        role = self.role(short)
        return psycopg.connect(self.url, user=role, password=self.passwords[role], **kwargs)

    def config(self, short: str):
        from ashraf_desktop.core.team import TeamConfig
        return TeamConfig(self.url, self.role(short))


@pytest.fixture
def team(pg_cluster: Cluster) -> Team:
    """A team database with members alice and bob (archivists) and eve (editor)."""
    database = f"team{next(_numbers)}_{secrets.token_hex(3)}"
    members = {f"{database}_{short}": editor for short, editor in (("alice", False), ("bob", False), ("eve", True))}
    return Team(pg_cluster, database, pg_cluster.url(database), make_team(pg_cluster, database, members))


@pytest.fixture
def folders(tmp_path: Path):
    """Two data folders (two laptops)."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    return a, b
