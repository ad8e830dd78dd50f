"""From what the user chose (files and folders) to the list of files to import, in a stable order.

Folders are walked recursively in name order. Left out without a word: hidden files and folders (a name
starting with "."), the operating systems' own files (Thumbs.db, desktop.ini, Office lock files "~$…"), and
the TOML sidecars of an Ashraf archive (``x.toml`` beside ``x.pdf``: the metadata of an archive folder, not a
document). Reported as failed: a link that leads outside the chosen folder (never followed), a broken link, a
folder that cannot be opened, and anything that is not a regular file (a pipe, a device). A link inside the
chosen folder is followed when it names a file (taken after the real files, so the target is imported under
its own name and the link shows as a duplicate) and skipped when it names a folder (its files are reached
anyway, and link loops cannot trap the walk).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Sequence

from .report import Outcome

__all__ = ["collect", "JUNK_NAMES"]

#: Files that systems and programs leave in folders; never imported, never reported.
JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r", ".ds_store"})


def _junk(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower() in JUNK_NAMES


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "it no longer exists"
    return exc.strerror or str(exc)


def collect(paths: Sequence[Path]) -> tuple[list[Path], list[Outcome]]:
    """The files to import from ``paths`` (files and folders), and an Outcome "failed" for each path that
    cannot be taken, with the reason. Never raises for a problem with the paths themselves."""
    files: list[Path] = []
    problems: list[Outcome] = []
    for chosen in paths:
        path = Path(chosen)
        try:
            st = path.stat()  # follows a link the user chose directly: they picked what it points to
        except FileNotFoundError:
            if path.is_symlink():
                problems.append(Outcome(path, "failed", f"a broken link (it points to {os.readlink(path)!r}, "
                                                        "which does not exist)"))
            else:
                problems.append(Outcome(path, "failed", "it does not exist (moved or deleted?)"))
            continue
        except OSError as exc:
            problems.append(Outcome(path, "failed", f"it cannot be read: {_reason(exc)}"))
            continue
        if stat.S_ISDIR(st.st_mode):
            from ..integrity.bag_check import bag_like
            looks = bag_like(path)
            if looks:  # its manifests are not documents: the bag import says what is wrong with it
                problems.append(Outcome(path, "failed", looks))
                continue
            links: list[Path] = []
            _walk(path, path.resolve(), files, problems, links)
            files.extend(links)  # after the real files, so that a file's own name is the one kept
        elif stat.S_ISREG(st.st_mode):
            files.append(path)
        else:
            problems.append(Outcome(path, "failed", f"{_kind_of(st.st_mode)}, not a file that can be imported"))
    return files, problems


def _walk(folder: Path, root: Path, files: list[Path], problems: list[Outcome], links: list[Path]) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        problems.append(Outcome(folder, "failed", f"the folder cannot be opened: {_reason(exc)}; nothing in it "
                                                  "was imported"))
        return
    names = {entry.name for entry in entries}
    for entry in entries:
        if _junk(entry.name):
            continue
        path = Path(entry.path)
        if entry.name.lower().endswith(".toml") and _is_sidecar(entry.name, names):
            continue
        try:
            if entry.is_symlink():
                _link(path, root, links, problems)
                continue
            if entry.is_dir(follow_symlinks=False):
                _walk(path, root, files, problems, links)
                continue
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError as exc:
            problems.append(Outcome(path, "failed", f"it cannot be read: {_reason(exc)}"))
            continue
        if stat.S_ISREG(mode):
            files.append(path)
        else:
            problems.append(Outcome(path, "failed", f"{_kind_of(mode)}, not a file that can be imported"))


def _is_sidecar(name: str, names: set[str]) -> bool:
    stem = name[: -len(".toml")]
    return any(other != name and other.startswith(stem + ".") and other.count(".") == stem.count(".") + 1
               for other in names) or stem in ("collection", "timeline", "facts")


def _link(path: Path, root: Path, files: list[Path], problems: list[Outcome]) -> None:
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        problems.append(Outcome(path, "failed", f"a broken link (it points to {os.readlink(path)!r}, which does "
                                                "not exist)"))
        return
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop on older Pythons
        problems.append(Outcome(path, "failed", f"a link that cannot be followed ({exc})"))
        return
    if not target.is_relative_to(root):
        problems.append(Outcome(path, "failed", f"a link to {str(target)!r}, outside the chosen folder: not "
                                                "followed (choose that file itself to import it)"))
        return
    if target.is_dir():
        return  # its files are inside the chosen folder and reached by the walk itself
    if target.is_file():
        files.append(path)
    else:
        problems.append(Outcome(path, "failed", "a link to something that is not a regular file"))
