"""Annotating as a team: a shared annotation store on PostgreSQL, synced offline-first (docs/team.md).

Qt-free. The local SQLite store stays the working copy; :func:`sync` pushes local changes and pulls the
team's by annotation id and server revision, merging field by field against the pristine copy last
synced. psycopg is imported only by the functions that connect, so a copy of the app with no team
configured never loads it and never opens a connection.
"""

from __future__ import annotations

from .config import (CONFIG_NAME, DriverMissingError, TeamConfig, connect, load_config, load_driver,
                     remove_config, save_config)
from .engine import SyncCancelled, SyncReport, sync, wait_for_change
from .local import ConflictEntry, LocalBook
from .merge import DELETED, Alternative
from .server import ServerInfo, TeamServerError, add_member, group_roles, init_server, server_info

__all__ = ["TeamConfig", "CONFIG_NAME", "load_config", "save_config", "remove_config", "connect", "load_driver",
           "DriverMissingError",
           "SyncReport", "SyncCancelled", "sync", "wait_for_change", "LocalBook", "ConflictEntry", "Alternative", "DELETED",
           "ServerInfo", "TeamServerError", "init_server", "add_member", "server_info", "group_roles"]
