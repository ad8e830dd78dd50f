"""The stat of every sidecar, folder by folder, and a digest of each folder's stats (the catalogue's check).

An edit that writes a sidecar in place changes only that file's time and size: its folder's time stays as
it was. So a load that must be exact stats every sidecar; at 100,000 files that system call is most of
what a command costs. What can be saved is everything around it, and this module is that: one open folder
descriptor per folder (each stat is relative to it, not a walk of the whole path again), plain tuples, and
a digest per folder that the catalogue compares with the digest of its rows for that folder, so an
unchanged folder costs no row read and no comparison in Python.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
from typing import Iterable, Iterator

__all__ = ["FileStat", "walk_folders", "folder_digest", "folder_of"]

#: ``(name, size, mtime_ns, inode)`` of one sidecar: what a change shows in (a save by rename is a new inode)
FileStat = tuple[str, int, int, int]

SEP = "\x01"  # between the parts of a sort key: SQLite's byte order of the keys is then pathlib's order
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
_BY_FD = os.scandir in os.supports_fd  # not on Windows: there each stat names the whole path


def walk_folders(items_dir: str) -> Iterator[tuple[str, list[FileStat]]]:
    """``(prefix, stats)`` for every folder under ``items_dir`` (itself included): ``prefix`` is the folder's
    path below ``items_dir``, each part followed by "\\x01" ("" for ``items_dir``); ``stats`` the sorted
    :data:`FileStat` of every ``*.toml`` in it whose name does not start with a dot, as the loader's
    ``rglob`` finds them (linked folders are not entered; a linked sidecar is stat'ed through its link).
    A folder that cannot be read is left out, like the loader leaves it out."""
    stack = [(items_dir, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            stats = _scan(folder, prefix, stack)
        except OSError:
            continue
        stats.sort()
        yield prefix, stats


def _scan(folder: str, prefix: str, stack: list[tuple[str, str]]) -> list[FileStat]:
    """The sidecars' stats of one folder; its subfolders go on ``stack``."""
    if not _BY_FD:
        with os.scandir(folder) as it:
            return _stats(it, folder, prefix, stack)
    fd = os.open(folder, _DIR_FLAGS)
    try:  # the entries' stat() is fstatat(fd, name): the descriptor stays open until they are done
        with os.scandir(fd) as it:
            return _stats(it, folder, prefix, stack)
    finally:
        os.close(fd)


def _stats(entries: Iterable[os.DirEntry], folder: str, prefix: str,
           stack: list[tuple[str, str]]) -> list[FileStat]:
    out: list[FileStat] = []
    add = out.append
    isreg = stat.S_ISREG
    for entry in entries:
        name = entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                stack.append((os.path.join(folder, name), f"{prefix}{name}{SEP}"))
            elif name.endswith(".toml") and name[0] != ".":
                st = entry.stat()
                if isreg(st.st_mode):
                    add((name, st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:  # gone meanwhile, or unreadable: the loader would not read it either
            continue
    return out


def folder_digest(stats: list[FileStat]) -> bytes:
    """16 bytes that change whenever any sidecar of the folder is added, removed, renamed or its stat changes;
    the same from a walk's stats as from the catalogue's rows (both sorted by name). Marshal format 2 writes
    values only (no back-references, which depend on reference counts): equal lists, equal bytes; five times
    cheaper than ``repr``. Another Python's marshal may write other bytes: every folder is then compared row
    by row once, and sealed again."""
    return hashlib.blake2b(marshal.dumps(stats, 2), digest_size=16).digest()


def folder_of(sortkey: str) -> str:
    """The folder prefix of a sidecar's sort key (everything up to and including its last "\\x01")."""
    return sortkey[:sortkey.rfind(SEP) + 1]
