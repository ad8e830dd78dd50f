"""Fixity: is every held file still the file its sidecar describes? (docs/integrity.md)

:func:`verify` walks every root of a loaded archive (the archive itself and the user's layers) and reports,
in words that name the file:

* ``missing``: a sidecar names a held file that is not there;
* ``changed``: the file's SHA-256 differs from the sidecar's ``sha256`` (both are given);
* ``unreadable``: the file is there but cannot be read (the system's reason is given);
* ``no-checksum``: the sidecar has no usable ``sha256``, so the file cannot be checked;
* ``unexpected``: a file under ``items/`` that no sidecar names and that is not a sidecar itself (hidden
  files and the ``.partial-*`` leftovers of an interrupted import are ignored).

A **full** run hashes every held file. A **quick** run (``quick=True`` with a ``state`` file) re-hashes only
files whose size or modification time (``st_mtime_ns``) differ from when they were last hashed and found
good; the rest are taken as unchanged. Its limit: a file rewritten with the same size *and* the same
modification time (a tool that restores timestamps, or a change within the file system's timestamp
granularity right after it was hashed) is not re-hashed. To narrow the second case, entries whose file was
modified within :data:`RACY_SECONDS` of the run that hashed it are never trusted (the "racy clean" rule of
git's index). A full run is the real check; the quick one is for start-up.

Never raises on bad files: every problem is a :class:`FixityProblem` in the report. Qt-free.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..ingest.report import CancelFn, ProgressFn
from ..archive import Archive, FileRow
__all__ = ["FixityProblem", "FixityReport", "verify", "default_state_path", "STATE_VERSION", "RACY_SECONDS",
           "KINDS"]

STATE_VERSION = 1
#: a file modified this close to (or after) the start of the run that hashed it is re-hashed by quick runs
RACY_SECONDS = 2.0
KINDS = ("missing", "changed", "unreadable", "no-checksum", "unexpected")
_CHUNK = 1 << 20
_SHA = re.compile(r"^[0-9a-f]{64}$")
_TMP_PREFIX = ".partial-"


@dataclass(frozen=True, slots=True)
class FixityProblem:
    kind: str  # one of KINDS
    path: Path  # absolute
    item_id: str | None  # the item whose file it is (None for unexpected files)
    message: str  # the whole sentence a user reads, naming the file
    expected: str = ""  # changed: the sidecar's sha256
    found: str = ""  # changed: the file's sha256

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "path": str(self.path), "item": self.item_id,
                                "message": self.message}
        if self.kind == "changed":
            data.update(expected=self.expected, found=self.found)
        return data


@dataclass
class FixityReport:
    checked: int = 0  # held files examined (hashed, or found unchanged by a quick run)
    problems: list[FixityProblem] = field(default_factory=list)
    seconds: float = 0.0
    hashed: int = 0  # files actually read and hashed
    skipped: int = 0  # quick run: files taken as unchanged (same size and mtime as when last found good)
    bytes_hashed: int = 0
    quick: bool = False
    cancelled: bool = False  # stopped before the end: files after that point were not checked
    roots: tuple[Path, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled

    def of_kind(self, kind: str) -> list[FixityProblem]:
        return [p for p in self.problems if p.kind == kind]

    def summary(self) -> str:
        mode = "quick check" if self.quick else "full check"
        head = f"{self.checked} file{'s' * (self.checked != 1)} checked ({mode}, {self.seconds:.2f} s)"
        if self.cancelled:
            head += ", cancelled before the end"
        if not self.problems:
            return head + ("" if self.cancelled else ": all files are as described")
        counts = [f"{len(found)} {kind}" for kind in KINDS if (found := self.of_kind(kind))]
        return f"{head}: {len(self.problems)} problem{'s' * (len(self.problems) != 1)} ({', '.join(counts)})"

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "checked": self.checked, "hashed": self.hashed, "skipped": self.skipped,
                "bytes_hashed": self.bytes_hashed, "quick": self.quick, "cancelled": self.cancelled,
                "seconds": round(self.seconds, 3), "roots": [str(r) for r in self.roots],
                "counts": {kind: len(self.of_kind(kind)) for kind in KINDS},
                "problems": [p.as_json() for p in self.problems]}


def default_state_path(cache_dir: Path, archive: Archive) -> Path:
    """Where the quick check keeps what it last found good: ``<cache>/fixity/<collection>-<hash>.json``
    (one per archive folder; the cache may be deleted at any time, the next quick run is then a full one)."""
    try:
        where = str(archive.root.resolve())
    except OSError:
        where = str(archive.root)
    digest = hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    safe = re.sub(r"[^a-z0-9-]+", "-", archive.collection.id.lower()).strip("-") or "archive"
    return Path(cache_dir) / "fixity" / f"{safe}-{digest}.json"


# --- the check ---------------------------------------------------------------------------------------------


class _Cancelled(Exception):
    pass


def _shown(path: Path | str, archive_root: Path, real_root: str) -> str:
    """The archive's own files relative to it (as ``validate`` shows them); a layer's files in full."""
    text = str(path)
    for base in (real_root, str(archive_root)):
        if text.startswith(base + os.sep):
            return text[len(base) + 1:].replace(os.sep, "/")
    return text


def _walk_files(folder: Path) -> Iterator[os.DirEntry]:
    """Regular files under ``folder`` (not following symlinked folders), hidden names skipped."""
    stack = [str(folder)]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.name.startswith("."):  # hidden files and .partial-* leftovers
                        continue
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                        else:
                            yield entry
                    except OSError:
                        yield entry
        except OSError:
            continue


def _hash(path: Path, cancelled: CancelFn | None) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    buffer = bytearray(_CHUNK)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as handle:
        while n := handle.readinto(buffer):
            digest.update(view[:n])
            size += n
            if cancelled is not None and size % (64 * _CHUNK) == 0 and cancelled():
                raise _Cancelled
    return digest.hexdigest(), size


def _load_state(path: Path | None) -> tuple[dict[str, list], int]:
    """(entries by absolute path: [size, mtime_ns, sha256, hashed_at_ns]); empty when absent or damaged."""
    if path is None:
        return {}, 0
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("version") != STATE_VERSION or not isinstance(data.get("files"), dict):
            return {}, 0
        return data["files"], int(data.get("written_ns", 0))
    except (OSError, ValueError, TypeError, AttributeError):
        return {}, 0


def _save_state(path: Path, files: dict[str, list]) -> None:
    """Written to a temporary name and renamed; a state that cannot be written only makes the next quick
    check slower, so failures are ignored."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(json.dumps({"version": STATE_VERSION, "written_ns": time.time_ns(), "files": files},
                                    separators=(",", ":")))
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _named_by_broken_sidecars(sidecars: list[Path]) -> set[str]:
    """Files named by sidecars the loader left out (broken TOML, a bad field): not "unexpected" - the
    sidecar's own problem is what ``validate`` reports. A sidecar that is not even TOML still excuses a
    ``file = "…"`` line it has, and the files of its own stem (the naming convention)."""
    import tomllib
    named = set()
    for sidecar in sidecars:
        folder = os.path.dirname(str(sidecar))
        names: list[str] = []
        try:
            text = sidecar.read_text(encoding="utf-8-sig", errors="replace")
        except OSError:
            text = ""
        try:
            value = tomllib.loads(text).get("file")
            if isinstance(value, str):
                names.append(value)
        except ValueError:
            names += re.findall(r"""(?m)^\s*file\s*=\s*["']([^"'\n]+)["']""", text)
            stem = sidecar.stem
            with contextlib.suppress(OSError):
                names += [n for n in os.listdir(folder) if n.startswith(stem + ".") and n != sidecar.name]
        named.update(os.path.normpath(os.path.join(folder, n)) for n in names if n)
    return named


def _real(path: Path, roots: tuple[Path, ...], real_roots: list[str]) -> str:
    """``os.path.realpath(path)`` without a system call per file for paths under a root (sidecars are
    found by walking the root, so only the root itself may be a link)."""
    text = os.path.normpath(str(path))
    for root, real in zip(roots, real_roots):
        base = os.path.normpath(str(root))
        if text.startswith(base + os.sep):
            return real + text[len(base):]
    return os.path.realpath(path)


def verify(archive: Archive, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None,
           state: Path | None = None, quick: bool = False) -> FixityReport:
    """Check every held file of every root of ``archive`` against its sidecar's SHA-256 and look for files
    no sidecar names. ``progress(done, total, name)`` is called per held file; ``cancelled()`` is polled
    between files and during long ones (the report then says ``cancelled``). With ``state`` (a JSON file in
    the user cache, see :func:`default_state_path`), ``quick=True`` re-hashes only files whose size or mtime
    changed since they were last found good; every run records the files it hashed and found good, and a
    full run rewrites the state from scratch."""
    started = time.perf_counter()
    started_ns = time.time_ns()
    report = FixityReport(quick=quick and state is not None, roots=archive.roots)
    known, _ = _load_state(state) if (quick and state is not None) else ({}, 0)
    fresh: dict[str, list] = {}
    racy_ns = int(RACY_SECONDS * 1e9)

    def problem(kind: str, path: Path, item: FileRow | None, message: str, **hashes: str) -> None:
        report.problems.append(FixityProblem(kind, path, item.id if item else None, message, **hashes))

    # 1. what the sidecars name: the items' file rows (a catalogued archive builds no Item for them: at
    # 100,000 items three walks over every Item took 10 s of the start-up check)
    real_roots = [os.path.realpath(root) for root in archive.roots]
    rows = archive.items.files()
    held = [row for row in rows if row.file is not None]
    named: set[str] = {os.path.normpath(str(row.file)) for row in held}
    named.update(os.path.normpath(str(row.text_layer)) for row in rows if row.text_layer is not None)
    loaded_sidecars = {_real(row.sidecar, archive.roots, real_roots) for row in rows}
    del rows

    # 2. the held files
    total = len(held)
    try:
        for done, item in enumerate(held, start=1):
            if cancelled is not None and cancelled():
                raise _Cancelled
            path = item.file
            assert path is not None
            shown = _shown(path, archive.root, real_roots[0])
            if progress is not None:
                progress(done - 1, total, shown)
            try:
                st = os.stat(path)
            except FileNotFoundError:
                problem("missing", path, item, f"{shown} is missing: the sidecar of '{item.id}' names it but "
                                               "the file is not there")
                continue
            except OSError as error:
                problem("unreadable", path, item, f"{shown} cannot be read ({error.strerror or error})")
                continue
            if not os.path.isfile(path):
                problem("unreadable", path, item, f"{shown} is not a regular file (a folder or a device)")
                continue
            expected = item.sha256.lower()
            if not _SHA.match(expected):
                problem("no-checksum", path, item, f"{shown} cannot be checked: the sidecar of '{item.id}' has "
                                                   "no valid sha256")
                continue
            key = os.path.normpath(str(path))
            entry = known.get(key)
            if (report.quick and isinstance(entry, list) and len(entry) == 4
                    and entry[0] == st.st_size and entry[1] == st.st_mtime_ns and entry[2] == expected
                    and st.st_mtime_ns < entry[3] - racy_ns):
                report.checked += 1
                report.skipped += 1
                fresh[key] = entry
                continue
            try:
                found, size = _hash(path, cancelled)
            except _Cancelled:
                raise
            except OSError as error:
                problem("unreadable", path, item, f"{shown} cannot be read ({error.strerror or error})")
                continue
            report.checked += 1
            report.hashed += 1
            report.bytes_hashed += size
            if found != expected:
                problem("changed", path, item,
                        f"{shown} has changed since it was described (item '{item.id}'): expected SHA-256 "
                        f"{expected[:12]}…, found {found[:12]}…", expected=expected, found=found)
                continue
            fresh[key] = [st.st_size, st.st_mtime_ns, expected, started_ns]
    except _Cancelled:
        report.cancelled = True

    # 3. files under items/ that no sidecar names
    if not report.cancelled:
        for real in real_roots:
            items_dir = Path(real) / "items"
            if not items_dir.is_dir():
                continue
            candidates, broken_sidecars = [], []
            for entry in _walk_files(items_dir):
                path = os.path.normpath(entry.path)
                if entry.name.endswith(".toml"):
                    if path not in loaded_sidecars:
                        broken_sidecars.append(Path(path))
                    continue
                if path not in named:
                    candidates.append(path)
            excused = _named_by_broken_sidecars(broken_sidecars) if broken_sidecars and candidates else set()
            for path in sorted(candidates):
                if path in excused:
                    continue
                shown = _shown(Path(path), archive.root, real_roots[0])
                problem("unexpected", Path(path), None,
                        f"{shown} is not described by any sidecar (added by hand, or left by another program)")

    if progress is not None and not report.cancelled:
        progress(total, total, "")
    if state is not None:
        if report.cancelled:  # keep what this run did not get to
            merged = known if quick else _load_state(state)[0]
            merged.update(fresh)
            for p in report.problems:  # a file found changed or missing must not be vouched for later
                merged.pop(os.path.normpath(str(p.path)), None)
            _save_state(Path(state), merged)
        elif fresh != known or not quick:  # every held file was looked at: what was found good is the state
            _save_state(Path(state), fresh)
    report.seconds = time.perf_counter() - started
    return report
