"""Where the team server is and who we are on it: ``<config>/team.toml``, shared by the app and the CLI.

No file (or ``enabled = false``): no team - nothing connects anywhere, psycopg is not even imported.
The password is not in this file: it is in the system keyring (:mod:`.secrets`) or asked for.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import tomli_w

__all__ = ["TeamConfig", "CONFIG_NAME", "load_config", "save_config", "remove_config", "connect", "load_driver",
           "DriverMissingError"]

CONFIG_NAME = "team.toml"


@dataclass(frozen=True)
class TeamConfig:
    url: str  # postgresql://host:port/database, or postgresql:///database?host=/socket/folder
    user: str  # this archivist's database role
    remember_password: bool = True  # keep it in the system keyring (when there is one)

    def check(self) -> "TeamConfig":
        parts = urlsplit(self.url)
        if parts.scheme not in ("postgresql", "postgres"):
            raise ValueError("the server address starts with postgresql:// (e.g. postgresql://server/archive)")
        if not parts.path.strip("/"):
            raise ValueError("the server address names no database (postgresql://server/DATABASE)")
        if not self.user.strip():
            raise ValueError("a user name (your database role) is needed")
        return self

    @property
    def label(self) -> str:
        parts = urlsplit(self.url)
        return f"{self.user}@{parts.hostname or 'local'}/{parts.path.strip('/')}"


def load_config(config_dir: Path) -> TeamConfig | None:
    path = Path(config_dir) / CONFIG_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None  # a damaged settings file means "no team", never a crash; Preferences rewrite it
    team = data.get("team", {})
    if not team.get("enabled", True) or not team.get("url") or not team.get("user"):
        return None
    return TeamConfig(str(team["url"]), str(team["user"]), bool(team.get("remember_password", True)))


def save_config(config_dir: Path, config: TeamConfig) -> None:
    config.check()
    path = Path(config_dir) / CONFIG_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tomli_w.dumps({"team": {"enabled": True, "url": config.url, "user": config.user,
                                           "remember_password": config.remember_password}}), encoding="utf-8")
    os.replace(tmp, path)


def remove_config(config_dir: Path) -> None:
    (Path(config_dir) / CONFIG_NAME).unlink(missing_ok=True)


class DriverMissingError(ImportError):
    """The PostgreSQL client library cannot be loaded (the packaged app uses the system's libpq)."""


def load_driver():
    """psycopg, or :class:`DriverMissingError` saying what to install. From source psycopg brings its own
    libpq (psycopg[binary]); the packaged app leaves that out for size and uses the system's."""
    try:
        import psycopg
    except ImportError as error:
        raise DriverMissingError(
            "team sync needs the PostgreSQL client library (libpq), which was not found on this computer: "
            "on Debian or Ubuntu, `sudo apt-get install libpq5` "
            f"({error})") from error
    return psycopg


def connect(config: TeamConfig, password: str | None, *, timeout: float = 5.0, **options):
    """A psycopg connection as this archivist (the only place the app opens one)."""
    psycopg = load_driver()
    kwargs = {"user": config.user, "connect_timeout": max(1, int(timeout)), "application_name": "Ashraf Archive",
              # notice a vanished network within about a minute instead of the system's two hours
              "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}
    if password:
        kwargs["password"] = password
    kwargs.update(options)
    return psycopg.connect(config.url, **kwargs)
