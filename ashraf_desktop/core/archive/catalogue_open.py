"""Opening an archive through its catalogue (:mod:`.catalogue`): refresh and serve it, or build it again
when it is missing, damaged or of another version, or read the files directly when the cache cannot be
written. ``load_archive(..., cache_dir=)`` and ``load_layered(..., cache_dir=)`` come here."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Sequence

from . import catalogue as store
from .catalogue import DAMAGE, CatalogueError, ProgressFn, catalogue_path, connect, refresh, remove
from .loader import LoadResult

__all__ = ["catalogue_ready", "load_catalogued", "NOTICE_AT"]

_log = logging.getLogger(__name__)

NOTICE_AT = 2_000  # a first build reading at least this many sidecars says so once


def catalogue_ready(cache_dir: Path | str, root: Path | str) -> bool:
    """The archive at ``root`` has a catalogue this version can serve at once (else the next load builds
    one, reading every sidecar: the window shows progress for that)."""
    path = catalogue_path(Path(cache_dir), Path(root))
    try:
        connect(path, create=False).close()
    except (CatalogueError, OSError, *DAMAGE):
        return False
    return True


def load_catalogued(root: Path | str, *, layers: Sequence[Path | str] = (), cache_dir: Path | str,
                    progress: ProgressFn | None = None, trust: bool = False) -> LoadResult:
    """``load_archive(root, layers=layers, check_files=False)`` through the catalogue under ``cache_dir``:
    the same archive and problems, at the cost of what changed since the last open.

    ``trust``: serve what the catalogue holds without stat'ing the sidecars (only the collection, timeline
    and facts files are checked); the result says ``current=False`` and its holder loads again without
    ``trust`` soon (the window does, in the background, after its first paint). Stat'ing 100,000 sidecars
    costs about a second here; a start should not wait for it. Without a usable catalogue it loads fully.
    """
    from ._catalogue_items import keep_summary, snapshot
    from .loader import load_archive
    root = Path(root)
    layer_roots = tuple(Path(layer) for layer in layers)
    if not root.is_dir():
        return load_archive(root, layers=layer_roots, check_files=False)
    path = catalogue_path(Path(cache_dir), root)
    if trust:
        trusted = _trusted(path, root, layer_roots)
        if trusted is not None:
            return trusted
    notices: list[str] = []
    for attempt in (1, 2):
        conn = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fresh = not path.is_file()
            conn = connect(path, create=True)
            report = refresh(conn, root, layer_roots, progress)
            keep_summary(conn, root)
            if fresh and report.read >= NOTICE_AT and not notices:
                notices.append(f"The archive's {report.read:,} descriptions were read once to make its "
                               "catalogue; later starts read only what changed.")
            return snapshot(conn, path, root, layer_roots, notices)
        except (CatalogueError, *DAMAGE) as exc:
            if conn is not None:
                conn.close()
            if _unwritable(exc, path):  # a read-only cache (a read-only mount, a full disk): read the files directly
                _log.warning("catalogue %s cannot be written (%s); reading the archive directly", path, exc)
                break
            damaged = not isinstance(exc, CatalogueError) or str(exc) == "not a catalogue"
            # the user is told by the notice, in words; the log keeps the technical reason
            _log.info("catalogue %s unusable (%s: %s); building it again", path, type(exc).__name__, exc)
            if damaged and not notices:
                notices.append("The archive's catalogue (a cache of its descriptions) was damaged and has been "
                               "built again from the archive's files; nothing in the archive was changed.")
            remove(path)
        except OSError as exc:  # no cache to write to (read-only, full): read the archive directly
            if conn is not None:
                conn.close()
            _log.warning("catalogue %s cannot be written (%s); reading the archive directly", path, exc)
            break
    result = load_archive(root, layers=layer_roots, check_files=False, progress=progress)
    return LoadResult(result.archive, result.problems, tuple(notices))


def _unwritable(exc: BaseException, path: Path) -> bool:
    """SQLite's way of saying the catalogue cannot be written (a read-only mount, a full disk), as opposed to
    damaged. "unable to open" is also what a folder in the catalogue's place gives: that one is damage."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    text = str(exc).lower()
    if any(words in text for words in ("readonly", "read-only", "disk is full", "disk i/o error")):
        return True
    return "unable to open" in text and not path.is_dir() and not os.access(path.parent, os.W_OK)


def _trusted(path: Path, root: Path, layers: tuple[Path, ...]) -> LoadResult | None:
    """The catalogue's archive as it stands (see ``trust``), or None when it cannot serve one."""
    from ._catalogue_items import snapshot
    conn = None
    try:
        conn = connect(path, create=False)
        known = {p for (p,) in conn.execute("SELECT path FROM bases")}
        if known != {str(r) for r in (root, *layers)}:  # a layer came or went: only a full load is right
            conn.close()
            return None
        store._refresh_wholes(conn, root)
        result = snapshot(conn, path, root, layers, ())
    except (CatalogueError, OSError, *DAMAGE):
        if conn is not None:
            conn.close()
        return None
    return LoadResult(result.archive, result.problems, result.notices, current=False)
