"""Import files into the user's archive layer, one by one, each whole or not at all (docs/import.md).

For each file: what it is (from its content), its SHA-256, whether the archive already holds the same bytes
(a duplicate is skipped, naming the item that has them), whether our readers can open it (images decode
within the decompression-bomb limits, PDFs open in PDFium, DOCX/ODT pass the zip-bomb check and give their
text, text files decode), the metadata guessed from it (+ the batch's own values), a unique id; then the copy,
hashed again as it is written (a file that changes during the import fails cleanly) and its sidecar
(``core.archive.layers.write_item``: nothing becomes visible until both are whole).

A failure on one file is an Outcome "failed" with the reason and never stops the others. Cancel is polled
between files (and inside the copy of a very large file); what is left goes to ``report.not_started``.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import logging
import os
import re
import time
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from ..extract import STATUS_ENCRYPTED, STATUS_NO_TEXT, ExtractionError, extract
from ..archive import (Archive, CopyCancelled, SourceChangedError, ensure_layer, sha256_of, unique_id,
                       write_item)
from .form import normalise_value, validate_field
from .guess import guess
from .kinds import IMAGE, MAILBOX, MESSAGE, Identified, file_suffix, identify
from .ocr_step import OcrStep, keep_pages
from .report import AddedFn, CancelFn, ImportReport, Outcome, ProgressFn
from .walk import collect

__all__ = ["import_files", "import_folder_name", "safe_file_name", "LARGE_COPY_BYTES"]

_log = logging.getLogger(__name__)
#: Copies of files larger than this poll ``cancelled`` while they run (smaller ones finish first).
LARGE_COPY_BYTES = 64 * 1024 * 1024
_THUMB_CHECK = 256
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)", re.IGNORECASE)
_MAX_NAME_BYTES = 180
_STALE_PARTIAL_S = 3600


def import_folder_name(today: _dt.date | None = None) -> str:
    """Where under ``items/`` a day's imports go: ``imported/<YYYY-MM-DD>``."""
    return f"imported/{(today or _dt.date.today()).isoformat()}"


def safe_file_name(name: str, new_suffix: str = "") -> str:
    """A held file's name from the original's: same letters (any script, NFC), characters that are not allowed
    on Windows or macOS replaced by "_", the right extension when the old one was wrong, at most 180 bytes."""
    name = unicodedata.normalize("NFC", name)
    name = _UNSAFE.sub("_", name).strip().rstrip(". ").lstrip(".")
    suffix = file_suffix(Path(name)) and Path(name).suffix
    stem = name[: len(name) - len(suffix)] if suffix else name
    if new_suffix:
        suffix = new_suffix  # "scan.png" that is a JPEG -> "scan.jpg"; "report" -> "report.pdf"
    stem = stem or "file"
    if _RESERVED.match(stem):
        stem = "_" + stem
    while len((stem + suffix).encode("utf-8")) > _MAX_NAME_BYTES and len(stem) > 1:
        stem = stem[:-1]
    return stem.rstrip(". ") + suffix


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "the file no longer exists (moved or deleted during the import?)"
    if isinstance(exc, PermissionError):
        return "permission denied: this user account may not read it"
    if isinstance(exc, IsADirectoryError):
        return "it is a folder, not a file"
    if exc.errno == errno.EIO:
        return "the disk reported a read error (damaged disk or disconnected drive?)"
    return (f"it cannot be read (the system says: {exc.strerror or exc}); it may be damaged, or on a drive "
            "that is failing or was disconnected: copy it again from where it came and import the copy")


def write_reason(exc: OSError) -> str:
    """Why a file could not be written to the layer, in words, with what to do."""
    if exc.errno == errno.ENOSPC:
        return "the disk holding the archive's folder is full; nothing of this file was kept"
    if isinstance(exc, PermissionError):
        return "the archive's folder cannot be written (permission denied); nothing of this file was kept"
    return (f"it could not be written to the archive's folder (the system says: {exc.strerror or exc}); nothing "
            "was kept: check that the disk is connected and has room, then retry")


class _Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class _Known:
    """What the archive (with its layer, as on disk now) and this import already hold."""

    by_hash: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # sha -> (id, title, where)
    ids: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, archive: Archive, layer: Path) -> "_Known":
        """Asked of the archive's rows (its catalogue: at 100,000 items no Item is built and no path resolved),
        then the layer's sidecars the archive does not hold yet (written since it was loaded: another import,
        another process) read from disk."""
        known = cls()
        rows = archive.items
        known.ids.update(rows.ids())
        first = rows.by_sha256()  # sha -> the first item (in file order) that holds those bytes
        titles = rows.titles(set(first.values()))
        for sha, item_id in first.items():
            known.by_hash[sha] = (item_id, titles.get(item_id, item_id), "archive")
        items = layer / "items"
        if items.is_dir():
            real = _RealPaths()
            seen = {real(row.sidecar) for row in rows.files(under=layer)}
            for sidecar in items.rglob("*.toml"):
                if sidecar.name.startswith(".") or real(sidecar) in seen:
                    continue
                with contextlib.suppress(OSError, ValueError, UnicodeDecodeError):
                    data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
                    item_id, sha = data.get("id"), data.get("sha256")
                    if isinstance(item_id, str):
                        known.ids.add(item_id)
                        if isinstance(sha, str) and sha:
                            title = data.get("title") if isinstance(data.get("title"), str) else item_id
                            known.by_hash.setdefault(sha.lower(), (item_id, title, "archive"))
        return known


class _RealPaths:
    """A sidecar's real path, resolving the links in its folders once per folder rather than once per file
    (a linked sidecar itself is compared by its own name on both sides, as the archive lists it)."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def __call__(self, sidecar: Path) -> str:
        folder = str(sidecar.parent)
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder)
        return os.path.join(real, sidecar.name)


@contextlib.contextmanager
def _layer_lock(layer: Path) -> Iterator[None]:
    """One import at a time per layer (the app and the command line may both import): ids and duplicate
    checks then see every item the other wrote."""
    layer.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here; ids are still checked against the files on disk
        yield
        return
    with open(layer / ".import.lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _sweep_stale(layer: Path) -> None:
    """Temporary files of a write that was killed (older than an hour, so a running import keeps its own)."""
    items = layer / "items"
    if not layer.is_dir():
        return
    limit = time.time() - _STALE_PARTIAL_S
    stale = list(layer.glob(".partial-*"))  # a killed write of the layer's collection.toml
    if items.is_dir():
        stale += items.rglob(".partial-*")
    for path in stale:
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < limit:
                path.unlink()


def _checked_defaults(metadata: Mapping[str, object] | None) -> dict[str, Any]:
    """Values for files that have none of their own; an unusable one is dropped (it is a guess too)."""
    return {key: value for key, value in ((k, normalise_value(k, v)) for k, v in (metadata or {}).items())
            if value is not None and validate_field(key, value) is None}


def _checked_overrides(metadata: Mapping[str, object] | None) -> dict[str, Any]:
    if not metadata:
        return {}
    problems = [f"{key}: {error}" for key, value in metadata.items() if (error := validate_field(key, value))]
    if problems:
        raise ValueError("; ".join(problems))
    return {key: value for key, value in ((k, normalise_value(k, v)) for k, v in metadata.items())
            if value is not None}


@dataclass
class _Batch:
    """What applies to every file of one import."""

    overrides: Mapping[str, Any]  # over the guessed metadata
    defaults: Mapping[str, Any]  # under it (a bag's description, for files that have none)
    expected: Mapping[Path, str]  # SHA-256 the file must have (a bag's manifest)
    folder: str  # under the layer's items/
    tree_root: Path | None  # files under it keep their folders below ``folder``
    source: str  # the import record said in each item's ``source``
    reader: OcrStep | None
    sources: Mapping[str, str] = field(default_factory=dict)  # of the file being imported: title/date from
    part_of: str = ""  # the message an attachment came with
    label: str = ""  # how the report names a file taken out of another (a message of an mbox, an attachment)

    def folder_of(self, path: Path) -> str:
        if self.tree_root is None:
            return self.folder
        try:
            parts = Path(os.path.realpath(path)).relative_to(self.tree_root).parent.parts
        except ValueError:
            return self.folder
        return "/".join([self.folder, *(safe_file_name(p) for p in parts)])


def import_files(archive: Archive, layer: Path, paths: Sequence[Path], *, progress: ProgressFn | None = None,
                 cancelled: CancelFn | None = None, on_added: AddedFn | None = None,
                 metadata: Mapping[str, object] | None = None, ocr: Sequence[str] | None = None,
                 defaults: Mapping[str, object] | None = None, expected_sha256: Mapping[Path, str] | None = None,
                 folder: str | None = None, tree_root: Path | None = None, source: str = "") -> ImportReport:
    """Import ``paths`` (files and folders) into ``layer`` (``core.archive.layers.layer_root``) of ``archive``.

    ``metadata``: values for every file of the batch (title, creator, date, subject, …), over the guessed
    ones; checked first (ValueError with the reason, before anything is imported).
    ``ocr``: Tesseract languages ("eng", "fas", "ara") to read scanned pages and photos of documents with
    (``core.ocr``); None reads nothing. Where Tesseract is missing the report says so once.
    ``progress(done, total, name)`` before each file and once at the end; ``cancelled()`` polled between
    files; ``on_added(item_id)`` as each item is committed. Never raises for a problem with a file.
    For a bag's payload (``core.integrity``): ``defaults`` (metadata under the guessed), ``expected_sha256``
    (each file's checksum from the manifest), ``folder`` under ``items/`` (default ``imported/<date>``) with
    the folders below ``tree_root`` kept, ``source`` (where the files came from).
    """
    overrides = _checked_overrides(metadata)
    layer = Path(layer)
    files, problems = collect(paths)
    report = ImportReport(outcomes=list(problems))
    total = len(files)
    batch = _Batch(overrides, _checked_defaults(defaults), expected_sha256 or {}, folder or import_folder_name(),
                   Path(os.path.realpath(tree_root)) if tree_root is not None else None, source,
                   OcrStep.start(ocr, report))
    with _layer_lock(layer):
        _sweep_stale(layer)
        known = _Known.of(archive, layer)
        ready = (layer / "collection.toml").is_file()
        for index, path in enumerate(files):
            if cancelled is not None and cancelled():
                report.cancelled, report.not_started = True, list(files[index:])
                break
            if progress is not None:
                progress(index, total, path.name)
            if not ready:
                try:
                    ensure_layer(layer, archive)
                    ready = True
                except OSError as exc:
                    report.outcomes.append(Outcome(path, "failed", write_reason(exc)))
                    continue
            pages = _page_progress(progress, index, total)
            try:
                outcomes = _import_entry(path, archive, layer, batch, known, cancelled, pages)
            except CopyCancelled:
                report.cancelled, report.not_started = True, list(files[index:])
                break
            except Exception as exc:  # noqa: BLE001 - one file's surprise must not stop the others
                _log.exception("import of %s failed", path)
                outcomes = [Outcome(path, "failed", f"an unexpected problem stopped its import "
                                                    f"({type(exc).__name__}: {exc}); nothing of it was kept")]
            report.outcomes.extend(outcomes)
            for outcome in outcomes:
                if outcome.status == "added" and on_added is not None and outcome.item_id:
                    try:
                        on_added(outcome.item_id)
                    except Exception:  # noqa: BLE001 - the item is in the archive; the caller's view catches up
                        _log.exception("on_added(%s) failed", outcome.item_id)
        else:
            if progress is not None:
                progress(total, total, "")
    return report


def _page_progress(progress: ProgressFn | None, index: int, total: int) -> ProgressFn | None:
    """Progress of the pages of one file (OCR), said as the file's own: "[3/17] scan.pdf: page 2 of 9"."""
    if progress is None:
        return None
    return lambda _done, _total, label: progress(index, total, label) if label else None


def _import_entry(path: Path, archive: Archive, layer: Path, batch: _Batch, known: _Known,
                  cancelled: CancelFn | None, pages: ProgressFn | None) -> list[Outcome]:
    """One chosen file: an item, or - a mailbox, a message with attachments - several (mail_import)."""
    from . import mail_import

    def one(file: Path, source: str, part_of: str) -> Outcome:
        return _import_one(file, archive, layer, replace(batch, source=source or batch.source, part_of=part_of,
                                                         label=source), known, cancelled, pages)

    def attachments(message: Path, added: Outcome) -> list[Outcome]:
        title = known.by_hash.get(sha256_of(message), ("", "", ""))[1] if message.is_file() else ""
        return mail_import.import_attachments(message, added.item_id or "", title, one, cancelled)

    try:
        found = identify(path)
    except OSError:
        found = None
    if found is not None and found.kind == MAILBOX:
        return mail_import.import_mailbox(path, one, cancelled, attachments)
    outcome = _import_one(path, archive, layer, batch, known, cancelled, pages)
    if found is not None and found.media_type == MESSAGE and outcome.status == "added":
        return [outcome, *attachments(path, outcome)]
    return [outcome]


def _import_one(path: Path, archive: Archive, layer: Path, batch: _Batch, known: _Known,
                cancelled: CancelFn | None, pages: ProgressFn | None = None) -> Outcome:
    try:
        found = identify(path)
        if not found.accepted:
            return Outcome(path, "failed", found.refusal)
        size = path.stat().st_size
        sha = sha256_of(path)
    except OSError as exc:
        return Outcome(path, "failed", _os_reason(exc))
    wanted = batch.expected.get(Path(os.path.realpath(path))) if batch.expected else None
    if wanted is not None and wanted.lower() != sha:
        return Outcome(path, "failed", f"it changed since the bag was checked (SHA-256 {wanted[:12]}… in the "
                                       f"manifest, {sha[:12]}… now); nothing of it was kept — check the bag again")
    if sha in known.by_hash:
        item_id, title, where = known.by_hash[sha]
        if where == "archive":
            message = f"the same file is already in the archive: “{title}” ({item_id})"
        else:
            shown = where if os.path.isabs(where) else where[:1].lower() + where[1:]  # a path, or "message 2 of …"
            message = f"the same file as “{shown}”, imported just before as “{title}” ({item_id})"
        return Outcome(path, "duplicate", message, item_id)
    try:
        notes = _check_readable(path, found)
    except _Refused as refused:
        return Outcome(path, "failed", refused.reason)
    except OSError as exc:
        return Outcome(path, "failed", _os_reason(exc))
    if found.note:
        notes.insert(0, found.note)
    reader = batch.reader
    machine = reader.read(path, found, sha, notes, pages, cancelled) if reader is not None else None
    if reader is None:  # say how the words of a scan become searchable
        notes[:] = [n + " until its pages are read (OCR)" if n.endswith("cannot be searched") else n for n in notes]
    sidecar = _sidecar(path, found, sha, known, batch)
    name = safe_file_name(path.name, found.suffix)
    try:
        written = write_item(layer, batch.folder_of(path), sidecar, path, name, expected_sha256=sha,
                   cancelled=cancelled if size > LARGE_COPY_BYTES else None)
    except SourceChangedError:
        return Outcome(path, "failed", "the file changed while it was being imported (is a program still "
                                       "writing it?); nothing of it was kept — import it again when it is "
                                       "finished")
    except FileNotFoundError as exc:
        if not path.exists():
            return Outcome(path, "failed", _os_reason(exc))
        return Outcome(path, "failed", write_reason(exc))
    except OSError as exc:
        if isinstance(exc, PermissionError) and not os.access(path, os.R_OK):
            return Outcome(path, "failed", _os_reason(exc))
        return Outcome(path, "failed", write_reason(exc))
    if machine is not None:
        keep_pages(written, machine, notes)
    item_id, title = sidecar["id"], sidecar["title"]
    found_where = _found_note(sidecar, batch.sources, batch)
    if found_where:
        notes.insert(0, found_where)
    known.ids.add(item_id)
    known.by_hash[sha] = (item_id, title, batch.label or str(path))
    message = f"added as “{title}” ({item_id})"  # the words, not a Python repr (ZWNJ stays a ZWNJ)
    if notes:
        message += "; " + "; ".join(notes)
    return Outcome(path, "added", message, item_id)


def _check_readable(path: Path, found: Identified) -> list[str]:
    """Open the file with the reader the app will use; raise _Refused with the reason, or return notes."""
    if found.kind == IMAGE:
        from ..images import ImageProblem, make_thumbnail
        try:
            _, info = make_thumbnail(path, _THUMB_CHECK)
        except ImageProblem as problem:
            raise _Refused(problem.reason) from None
        return list(info.warnings)
    try:
        result = extract(path, found.media_type)
    except ExtractionError as exc:
        raise _Refused(exc.reason) from None
    notes = [w for w in result.warnings if "declared as" not in w]
    if result.status == STATUS_ENCRYPTED:
        return ["encrypted: its text cannot be searched (the viewer asks for its password to show it)"]
    if result.status == STATUS_NO_TEXT:
        return notes or ["it has no text to search"]
    return notes


def _found_note(sidecar: Mapping[str, Any], sources: Mapping[str, str], batch: _Batch) -> str:
    """Where the date and title came from, for the report ("date 1789-04-30 from the file name; …")."""
    parts = []
    if sidecar.get("date") and "date" not in batch.overrides and "date" in sources:
        parts.append(f"date {sidecar['date']} from {sources['date']}")
    if "title" not in batch.overrides and "title" in sources:
        parts.append(f"title from {sources['title']}")
    return "; ".join(parts)


def _sidecar(path: Path, found: Identified, sha: str, known: _Known, batch: _Batch) -> dict:
    guessed, sources = guess(path)
    batch.sources = sources
    data: dict[str, Any] = {k: v for k, v in guessed.items() if k not in ("format", "type")}
    for key, value in list(data.items()):
        value = normalise_value(key, value)
        if value is None or validate_field(key, value) is not None:
            data.pop(key)  # a guess that would not load (a bad date, a junk language tag) is dropped
        else:
            data[key] = value
    for key, value in batch.defaults.items():
        data.setdefault(key, value)
    if batch.part_of:
        data["part_of"] = batch.part_of
    today = _dt.date.today().isoformat()
    data["source"] = f"{batch.source}: “{path.name}”, on {today}" if batch.source else \
        f"Imported from the file “{path.name}” on {today}"
    data.update(batch.overrides)
    title = str(data.get("title") or path.name)
    data["title"] = title
    base = path.stem if any(ch.isascii() and ch.isalnum() for ch in path.stem) else title
    item_id = unique_id(base, known.ids, fallback=sha[:12])
    return {"id": item_id, "kind": found.kind, "sha256": sha, **data,
            "type": data.get("type") or ("StillImage" if found.kind == IMAGE else "Text"),
            "format": found.media_type}
