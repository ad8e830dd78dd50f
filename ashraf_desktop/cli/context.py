"""What every command starts from: the archive it works on, with the user's layer of imported items, and
the user's folders (``--data-dir`` or the platform's). One place, so that every command sees the same
archive the window shows, and says the same thing when the folder named is not an archive.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the commands import the core lazily: ``--help`` and ``--version`` stay fast
    from ..core.archive import Archive, LoadResult
    from ..paths import UserDirs

__all__ = ["Opened", "archive_path", "open_archive", "writable", "EXIT_NO_ARCHIVE"]

#: the status of a command given a folder that holds no archive
EXIT_NO_ARCHIVE = 2


@dataclass(frozen=True)
class Opened:
    """An archive as the commands see it."""

    root: Path
    dirs: "UserDirs"
    result: "LoadResult"

    @property
    def archive(self) -> "Archive":
        return self.result.archive


def archive_path(args: argparse.Namespace) -> Path:
    """The archive a command works on: its ARCHIVE argument, else ``--archive``, else the bundled one."""
    from ..paths import bundled_archive
    return Path(getattr(args, "archive_pos", None) or getattr(args, "archive", None) or bundled_archive())


def open_archive(args: argparse.Namespace, *, check_files: bool = False, err: TextIO | None = None,
                 root: Path | None = None, require: bool = True, catalogue: bool = True) -> Opened | None:
    """Load the archive of ``args`` with the user's layer, through its catalogue in the user cache; None (and
    a message on ``err``) when the folder holds no archive (``require=False``: load it anyway, for
    ``validate`` to list what is wrong). ``check_files``: verify held files' checksums too; ``catalogue=False``
    reads every sidecar (``validate``)."""
    from ..paths import user_dirs
    from .archive_load import load_for_command
    root = Path(root) if root is not None else archive_path(args)
    if require and not (root / "collection.toml").is_file():
        print(f"error: {root} is not an archive (no collection.toml); name an archive folder, or leave it "
              "out for the bundled archive", file=err or sys.stderr)
        return None
    dirs = user_dirs(getattr(args, "data_dir", None))
    # a read-only cache holds no catalogue: the sidecars are read as they are (slower, same archive)
    catalogue = catalogue and writable(dirs.cache)
    return Opened(root, dirs, load_for_command(root, getattr(args, "data_dir", None), check_files=check_files,
                                               catalogue=catalogue, err=err))


def writable(folder: Path) -> bool:
    """Whether files can be created in ``folder`` (or, if it does not exist yet, in its nearest parent)."""
    path = Path(folder)
    while path.parent != path:
        try:
            path.stat()
            break
        except (FileNotFoundError, NotADirectoryError):
            path = path.parent
        except OSError:  # a folder on the way that may not be entered: nothing can be written there either
            return False
    if not os.access(path, os.W_OK):
        return False
    try:
        probe = path / f".ashraf-write-test-{os.getpid()}"
        probe.touch()
        probe.unlink()
    except OSError:
        return False
    return True
