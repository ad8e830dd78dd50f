"""Where things live: the bundled archive and resources (read-only), and user state (writable).

Source checkouts, installed copies and the PyInstaller bundle all find ``archive/`` and ``resources/`` the
same way - through :func:`data_root` - so no code needs to know how it was started.
User state (annotations, index, thumbnail cache, settings) goes to the platform's folders, or entirely
under one folder given by ``--data-dir`` or by a ``portable`` marker beside the executable.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from . import APP_ID

__all__ = ["data_root", "bundled_archive", "resources_dir", "prebuilt_index", "UserDirs", "user_dirs", "PORTABLE_MARKER"]

PORTABLE_MARKER = "portable"
PORTABLE_DATA = "AshrafArchive-data"


def _candidates() -> list[Path]:
    found: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root))
    package_dir = Path(__file__).resolve().parent
    found.append(package_dir.parent)  # a source checkout or editable install
    found.append(Path(sys.prefix) / "share" / "ashraf-desktop")  # a wheel install (data-files)
    return found


def data_root() -> Path:
    """The folder holding ``archive/`` and ``resources/``; override with ASHRAF_DATA_ROOT."""
    override = os.environ.get("ASHRAF_DATA_ROOT")
    if override:
        return Path(override)
    for candidate in _candidates():
        if (candidate / "resources").is_dir() or (candidate / "archive").is_dir():
            return candidate
    return _candidates()[0]


def bundled_archive() -> Path:
    return data_root() / "archive"


def resources_dir() -> Path:
    return data_root() / "resources"


def prebuilt_index(archive: Path) -> Path | None:
    """The search index built at package time for the bundled archive, when ``archive`` is that one.

    The index's own stamp still decides whether it matches; this only says where to look.
    """
    candidate = data_root() / "prebuilt-index"
    try:
        same = archive.resolve() == bundled_archive().resolve()
    except OSError:
        same = False
    return candidate if same and candidate.is_dir() else None


@dataclass(frozen=True)
class UserDirs:
    data: Path  # annotations database and its backups, imported items
    cache: Path  # search index, extracted-text cache, thumbnails: all rebuildable
    config: Path  # settings
    portable: bool = False

    def ensure(self) -> "UserDirs":
        for folder in (self.data, self.cache, self.config):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def _portable_dir() -> Path | None:
    if not getattr(sys, "frozen", False):
        return None
    exe_dir = Path(sys.executable).resolve().parent
    if (exe_dir / PORTABLE_MARKER).exists():
        return exe_dir / PORTABLE_DATA
    return None


def user_dirs(data_dir: Path | str | None = None) -> UserDirs:
    """User state folders: ``data_dir`` (or portable mode) puts everything under one folder."""
    if data_dir is None:
        env = os.environ.get("ASHRAF_DATA_DIR")
        data_dir = Path(env) if env else None
    portable = False
    if data_dir is None:
        data_dir = _portable_dir()
        portable = data_dir is not None
    if data_dir is not None:
        base = Path(data_dir).expanduser().resolve()
        return UserDirs(data=base / "data", cache=base / "cache", config=base / "config", portable=portable)
    import platformdirs
    return UserDirs(data=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
                    cache=Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)),
                    config=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)))
