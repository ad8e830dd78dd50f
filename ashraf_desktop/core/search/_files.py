"""The index's files on disk: its home folder, generations, stamp, word list and damage mark.

Layout under ``index_root`` (the user cache folder, or ``--data-dir``)::

    <collection id>-<hash of the archive path>/      the home of one archive's index
        CURRENT            the name of the generation folder in use (replaced atomically)
        DAMAGED            why the generation in use must not be trusted (written by the failure rule)
        writer.lock        inter-process writer lock (:mod:`._lock`)
        gen-<time>-<pid>/  Whoosh files + stamp.json + words.txt

``stamp.json`` holds the schema version, the archive fingerprint, signature and change token (the
catalogue's point in time the index last matched as a whole), the Whoosh generation, and
for every index file its size, modification time and a BLAKE2b digest as of the last commit. Whoosh never
changes a segment's files once written, so a file whose size or time differs from its stamp was damaged
or replaced; its digest says which (a copy keeps the time, ``dd`` does not). ``words.txt`` holds the
archive's unstemmed words, sorted (prefix expansion and "did you mean" read it); it only ever grows
between rebuilds, and is written before each commit so that it always covers what the index holds.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import os
import re
import shutil
import threading
import time
from pathlib import Path
from typing import Any, Iterable

import whoosh

from ._analysis import WORD_RE, word_of
from ._schema import SCHEMA_VERSION

__all__ = ["STAMP", "WORDS", "CURRENT", "LOCK", "DAMAGED", "ANNOTATION_CURSOR", "Home", "index_files",
           "atomic_write", "read_stamp", "write_stamp", "file_digest", "read_words", "write_words", "has_word",
           "WordCollector"]

STAMP = "stamp.json"
WORDS = "words.txt"
CURRENT = "CURRENT"
LOCK = "writer.lock"
DAMAGED = "DAMAGED"
#: The annotations feed cursor the index has caught up to (a dot file: not part of the stamped manifest,
#: and not copied by ``export`` - a shipped index carries no one's annotations cursor).
ANNOTATION_CURSOR = ".annotations-cursor"
STAMP_FORMAT = "ashraf-search-index"
GEN_RE = re.compile(r"^gen-[0-9]+-[0-9]+$")


def index_files(folder: Path) -> dict[str, os.stat_result]:
    """The index files of a generation folder (Whoosh's and ``words.txt``), with their ``stat``."""
    out = {}
    with os.scandir(folder) as it:
        for entry in it:
            name = entry.name
            if (entry.is_file(follow_symlinks=False) and name != STAMP and not name.endswith("LOCK")
                    and not name.endswith(".tmp") and not name.startswith(".")):
                out[name] = entry.stat()
    return out


def atomic_write(path: Path, data: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(data, encoding="utf-8")
    os.replace(tmp, path)


def file_digest(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


def read_stamp(folder: Path) -> dict[str, Any] | None:
    try:
        raw = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != STAMP_FORMAT:
        return None
    return raw


def manifest_entry(entry: Any) -> tuple[int, int | None, str | None]:
    """(size, mtime_ns, digest) of a stamp's file entry; older stamps hold the size only."""
    if isinstance(entry, int):
        return entry, None, None
    if isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], int):
        return entry[0], entry[1], entry[2]
    return -1, None, None


def write_stamp(folder: Path, generation: int, fingerprint: str, collection: str,
                signature: str | None = None, token: str | None = None) -> None:
    """Stamp the generation in ``folder`` as matching an archive; digests of files already stamped with
    the same size and time are reused (a small commit hashes only its new segment and table of contents)."""
    before = (read_stamp(folder) or {}).get("files")
    before = before if isinstance(before, dict) else {}
    files: dict[str, list] = {}
    for name, st in index_files(folder).items():
        size, mtime, digest = manifest_entry(before.get(name))
        if size != st.st_size or mtime != st.st_mtime_ns or digest is None:
            digest = file_digest(folder / name)
        files[name] = [st.st_size, st.st_mtime_ns, digest]
    stamp = {"format": STAMP_FORMAT, "schema": SCHEMA_VERSION, "fingerprint": fingerprint,
             "signature": signature, "token": token, "collection": collection, "whoosh": whoosh.versionstring(),
             "generation": generation, "files": files, "written": time.strftime("%Y-%m-%dT%H:%M:%S")}
    atomic_write(folder / STAMP, json.dumps(stamp, indent=1, sort_keys=True))


# --- the word list -------------------------------------------------------------------------------------


def read_words(folder: Path) -> list[str]:
    """The sorted unstemmed words of the index in ``folder`` (raises OSError if the file is missing)."""
    with open(folder / WORDS, encoding="utf-8", newline="\n") as handle:
        data = handle.read()
    return data.split("\n") if data else []


def write_words(folder: Path, words: list[str]) -> None:
    tmp = folder / f".{WORDS}.{os.getpid()}.{threading.get_ident()}.tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(words))
    os.replace(tmp, folder / WORDS)


def has_word(words: list[str], w: str) -> bool:
    i = bisect.bisect_left(words, w)
    return i < len(words) and words[i] == w


class WordCollector:
    """Collects the distinct raw words of documents as they are indexed (C-speed ``findall`` + a set);
    :meth:`folded` turns them into the sorted folded words of ``words.txt``."""

    def __init__(self) -> None:
        self.raw: set[str] = set()

    def add(self, text: str) -> None:
        if text:
            self.raw.update(WORD_RE.findall(text))

    def folded(self, base: Iterable[str] = ()) -> list[str]:
        out = set(base)
        for raw in self.raw:
            w = word_of(raw)
            if w and "\n" not in w:
                out.add(w)
        return sorted(out)


# --- the home folder -----------------------------------------------------------------------------------


class Home:
    """One archive's index folder: which generation is in use, new ones, old ones, the damage mark."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def current(self) -> Path | None:
        try:
            name = (self.path / CURRENT).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        if not GEN_RE.match(name) or not (self.path / name).is_dir():
            return None
        return self.path / name

    def new_generation(self) -> Path:
        self.path.mkdir(parents=True, exist_ok=True)
        folder = self.path / f"gen-{time.time_ns()}-{os.getpid()}"
        folder.mkdir()
        return folder

    def publish(self, folder: Path) -> Path | None:
        """Make ``folder`` the generation in use (atomically) and clear the damage mark; the old folder
        is returned for the caller to remove once nothing reads it."""
        old = self.current()
        atomic_write(self.path / CURRENT, folder.name + "\n")
        self.clear_damaged()
        return old if old is not None and old != folder else None

    def cleanup(self) -> None:
        """Remove generation folders other than the current one (left by a crash or a finished swap)."""
        current = self.current()
        with contextlib.suppress(OSError):
            for entry in self.path.iterdir():
                if entry.is_dir() and GEN_RE.match(entry.name) and entry != current:
                    shutil.rmtree(entry, ignore_errors=True)
                elif entry.name.endswith(".tmp") and entry.is_file():
                    with contextlib.suppress(OSError):
                        entry.unlink()

    # the damage mark: the failure rule writes it before anything else, so that a process that dies before
    # the repair ends (or another process) does not trust the damaged generation's stamp

    def mark_damaged(self, folder: Path | None, why: str) -> None:
        if folder is None:
            return
        with contextlib.suppress(OSError):
            atomic_write(self.path / DAMAGED, json.dumps({"generation": folder.name, "why": why}))

    def damaged(self, folder: Path | None) -> str | None:
        """Why the generation in ``folder`` was marked damaged, or None."""
        try:
            raw = json.loads((self.path / DAMAGED).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(raw, dict) or folder is None or raw.get("generation") != folder.name:
            return None
        return str(raw.get("why") or "it failed while in use")

    def clear_damaged(self) -> None:
        with contextlib.suppress(OSError):
            (self.path / DAMAGED).unlink()
