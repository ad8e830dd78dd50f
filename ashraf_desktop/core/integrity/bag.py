"""BagIt (RFC 8493) export, validation and import of an archive or a selection (docs/integrity.md).

A bag made by :func:`export_bag`::

    DEST/
      bagit.txt                 BagIt-Version: 1.0, UTF-8
      bag-info.txt              Source-Organization, Bagging-Date, External-Description, Bag-Software-Agent,
                                External-Identifier, Payload-Oxum, Bag-Size
      manifest-sha256.txt       (and manifest-sha512.txt when asked for)
      tagmanifest-sha256.txt
      data/                     an archive folder in the app's own format (docs/archive-format.md):
        collection.toml, timeline.toml, facts.toml
        items/…                 sidecars and held files byte for byte; the user's layer under items/imported/
        annotations.jsonld      W3C Web Annotation (when exported)
        metadata/dublin-core.csv, metadata/dublin-core.jsonld

``data/`` opens in the app as it is (``ashraf-desktop --archive DEST/data``). The bag is built in a hidden
folder beside ``DEST`` and renamed into place at the end: a failure or a cancel leaves no half bag.

The ``bagit`` library reads the bag, checks its structure, completeness and Payload-Oxum; the checksums are
computed here, file by file, so that a long validation reports progress and can be cancelled (the manifests
are the ones ``bagit`` reads). :func:`import_bag` validates first and imports nothing from an invalid bag.
Qt-free.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import tempfile
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Collection, Iterable, Sequence

import bagit
import tomli_w

from ... import APP_NAME, __version__
from ..ingest.report import AddedFn, CancelFn, ImportReport, Outcome, ProgressFn
from ..archive import Archive, Item, ItemKind, Severity, load_archive
from .metadata_export import RealPaths, collection_iri, dublin_core_csv, dublin_core_jsonld, selected_items
__all__ = ["export_bag", "validate_bag", "import_bag", "is_bag", "annotations_for_export", "BagExportError",
           "ExportCancelled", "BagImportReport", "MANIFEST_ALGORITHMS", "ANNOTATIONS_FILE", "METADATA_DIR"]

# bagit logs every problem it finds as a warning; with no handler Python would print them on stderr, under
# the CLI's own messages. We report them ourselves.
logging.getLogger("bagit").addHandler(logging.NullHandler())
logging.getLogger("bagit").propagate = False

MANIFEST_ALGORITHMS = ("sha256", "sha512")
ANNOTATIONS_FILE = "annotations.jsonld"
METADATA_DIR = "metadata"
_CHUNK = 1 << 20
_PARTIAL = ".partial-bag-"


class BagExportError(Exception):
    """The bag could not be made; the message says why in the user's words. Nothing was left at DEST."""


class ExportCancelled(BagExportError):
    """The user cancelled; the half-built bag was removed."""


class _Cancelled(Exception):
    pass


# --- export ------------------------------------------------------------------------------------------------


@dataclass
class _Copy:
    source: Path | None  # None: write ``content`` instead
    target: str  # posix path relative to the bag's data/
    content: bytes | None = None
    expected_sha256: str = ""  # held files: the sidecar's checksum, checked while copying
    item_id: str = ""


def _layer_folders(archive: Archive) -> dict[Path, str]:
    """Each layer's folder under the bag's ``items/``: ``imported`` (``imported-2`` …), never one the
    archive itself uses."""
    taken = set()
    with contextlib.suppress(OSError):
        taken = {p.name for p in (archive.root / "items").iterdir()}
    folders = {}
    for index, layer in enumerate(archive.layers):
        base = "imported" if index == 0 else f"imported-{index + 1}"
        name, n = base, 2
        while name in taken:
            name, n = f"{base}-layer{'' if n == 2 else n - 1}", n + 1
        taken.add(name)
        folders[layer] = name
    return folders


def _filtered_toml(path: Path, table: str, lists: Sequence[str], selected: set[str], header: str) -> bytes | None:
    """timeline.toml / facts.toml of a selection: the entries citing a selected item, each keeping only its
    citations of selected items. None when the file is absent or unreadable (the loader reported it)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None
    kept = []
    for entry in data.get(table, []):
        if not isinstance(entry, dict):
            continue
        new = dict(entry)
        any_left = False
        for key in lists:
            values = entry.get(key)
            if not isinstance(values, list):
                continue
            keep = [v for v in values if isinstance(v, dict) and v.get("item") in selected]
            if keep:
                new[key] = keep
                any_left = True
            else:
                new.pop(key, None)
        if any_left:
            kept.append(new)
    body = tomli_w.dumps({table: kept}) if kept else ""
    return (header + body).encode("utf-8")


def _sidecar_bytes(item: Item, selected: set[str] | None, held_name: str | None) -> bytes:
    """The sidecar as it is, unless a record's ``mentioned_in`` names items outside the selection (dropped,
    else the bag's archive would cite absent items) or the held file had to move next to it."""
    raw = item.sidecar.read_bytes()
    outside = selected is not None and any(c.item not in selected for c in item.mentioned_in)
    if not outside and held_name is None:
        return raw
    from ..archive import sidecar_text
    data = tomllib.loads(raw.decode("utf-8-sig"))
    if outside:
        kept = [m for m in data.get("mentioned_in", []) if isinstance(m, dict) and m.get("item") in selected]
        if kept:
            data["mentioned_in"] = kept
        else:
            data.pop("mentioned_in", None)
    if held_name is not None:
        data["file"] = held_name
    return sidecar_text(data).encode("utf-8")


def _plan(archive: Archive, items: list[Item], selection: set[str] | None) -> list[_Copy]:
    root = archive.root
    copies: list[_Copy] = []
    collection = root / "collection.toml"
    if collection.is_file():
        copies.append(_Copy(collection, "collection.toml"))
    else:
        c = archive.collection
        data = {"format": 1, "id": c.id, "title": c.title, "description": c.description,
                "publisher": c.publisher, "rights": c.rights, "language": list(c.language)}
        copies.append(_Copy(None, "collection.toml",
                            tomli_w.dumps({k: v for k, v in data.items() if v not in ("", [])}).encode()))
    for name, table, lists in (("timeline.toml", "event", ("citations", "date_claims")),
                               ("facts.toml", "fact", ("claims",))):
        source = root / name
        if not source.is_file():
            continue
        if selection is None:
            copies.append(_Copy(source, name))
        else:
            header = (f"# The {table}s of '{archive.collection.title}' that cite the items of this selection; "
                      "citations of items outside it are left out.\n\n")
            content = _filtered_toml(source, table, lists, selection, header)
            if content is not None:
                copies.append(_Copy(None, name, content))
    folders = _layer_folders(archive)
    real = RealPaths()
    for item in items:
        layer = archive.layer_of(item)
        if layer is None:
            base, prefix = root, ""
        else:
            base, prefix = layer / "items", f"items/{folders[layer]}/"
        sidecar_rel = prefix + real.rel(item.sidecar, base)
        held_rel, moved = None, None
        if item.file is not None:
            held_rel = prefix + real.rel(item.file, base)
            if held_rel.startswith("..") or "/../" in held_rel:  # held outside the layer's items/: beside it
                moved = item.file.name
                held_rel = str(Path(sidecar_rel).parent / moved)
        copies.append(_Copy(None, sidecar_rel, _sidecar_bytes(item, selection, moved), item_id=item.id))
        if item.file is not None and held_rel is not None:
            copies.append(_Copy(item.file, held_rel, expected_sha256=item.sha256.lower(), item_id=item.id))
    return copies


def _copy_hashing(source: Path, target: Path, algorithms: Sequence[str], cancelled: CancelFn | None
                  ) -> tuple[dict[str, str], int]:
    hashers = {alg: hashlib.new(alg) for alg in set(algorithms) | {"sha256"}}
    size = 0
    with open(source, "rb") as src, open(target, "xb") as out:
        while block := src.read(_CHUNK):
            for h in hashers.values():
                h.update(block)
            out.write(block)
            size += len(block)
            if cancelled is not None and size % (32 * _CHUNK) == 0 and cancelled():
                raise _Cancelled
    return {alg: h.hexdigest() for alg, h in hashers.items()}, size


def _write_hashing(content: bytes, target: Path, algorithms: Sequence[str]) -> tuple[dict[str, str], int]:
    with open(target, "xb") as out:
        out.write(content)
    return {alg: hashlib.new(alg, content).hexdigest() for alg in set(algorithms) | {"sha256"}}, len(content)


def _manifest_name(path: str) -> str:
    """RFC 8493 2.1.3: CR, LF and % in a file name are percent-encoded in manifests."""
    return path.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D")


def _tag_value(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def _human_size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if size < 1000 or unit == "TB":
            return f"{n} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{n} bytes"


def annotations_for_export(db: Path | None, archive: Archive, item_ids: Collection[str] | None = None) -> str | None:
    """The archive's annotations (of the selected items) as W3C JSON-LD text for a bag, read through a
    read-only connection (works beside a running app); None when there is no annotations database."""
    if db is None or not Path(db).is_file():
        return None
    from ..annotations import AnnotationStore
    from ..annotations.jsonld import dumps, to_collection
    with AnnotationStore(Path(db), read_only=True) as store:
        annotations = store.query(collection_id=archive.collection.id)
    if item_ids is not None:
        wanted = set(item_ids)
        annotations = [a for a in annotations if a.item_id in wanted]
    return dumps(to_collection(annotations, collection_id=archive.collection.id))


def export_bag(archive: Archive, dest: Path, *, item_ids: Collection[str] | None = None,
               annotations_jsonld: str | None = None, progress: ProgressFn | None = None,
               cancelled: CancelFn | None = None, algorithms: Sequence[str] = ("sha256",)) -> Path:
    """Write ``archive`` (or the items ``item_ids``) as a BagIt bag at ``dest``, which must not exist or be
    an empty folder. Returns ``dest``. Raises :class:`BagExportError` (with the reason: ``dest`` not empty, a
    held file missing or changed since it was described, a disk error) or :class:`ExportCancelled`; in both
    cases nothing is left behind. ``algorithms``: manifest checksums, any of sha256 and sha512 (sha256 is
    always included)."""
    dest = Path(dest)
    algorithms = tuple(dict.fromkeys(["sha256", *algorithms]))
    unknown = [a for a in algorithms if a not in MANIFEST_ALGORITHMS]
    if unknown:
        raise BagExportError(f"unsupported checksum {', '.join(unknown)} (use sha256 or sha512)")
    if dest.exists():
        if not dest.is_dir():
            raise BagExportError(f"{dest} is a file; choose a new or empty folder for the bag")
        with contextlib.suppress(OSError):
            if any(dest.iterdir()):
                raise BagExportError(f"{dest} is not empty; choose a new or empty folder for the bag")
    try:
        items = selected_items(archive, item_ids)
    except ValueError as error:
        raise BagExportError(f"cannot export the selection: {error}") from None
    selection = None if item_ids is None else {item.id for item in items}
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=_PARTIAL, dir=dest.parent))
    except OSError as error:
        raise BagExportError(f"cannot write in {dest.parent}: {error.strerror or error}") from None
    try:
        _build(archive, items, selection, work, annotations_jsonld, algorithms, progress, cancelled)
        if cancelled is not None and cancelled():
            raise _Cancelled
        if dest.exists():
            dest.rmdir()  # empty, checked above
        os.rename(work, dest)
    except _Cancelled:
        shutil.rmtree(work, ignore_errors=True)
        raise ExportCancelled("the export was cancelled; no bag was written") from None
    except BagExportError:
        shutil.rmtree(work, ignore_errors=True)
        raise
    except OSError as error:
        shutil.rmtree(work, ignore_errors=True)
        name = f" ({error.filename})" if error.filename else ""
        raise BagExportError(f"the bag could not be written: {error.strerror or error}{name}") from None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return dest


def _build(archive: Archive, items: list[Item], selection: set[str] | None, work: Path,
           annotations_jsonld: str | None, algorithms: Sequence[str], progress: ProgressFn | None,
           cancelled: CancelFn | None) -> None:
    data = work / "data"
    data.mkdir()
    copies = _plan(archive, items, selection)
    if annotations_jsonld is not None:
        copies.append(_Copy(None, ANNOTATIONS_FILE, annotations_jsonld.encode("utf-8")))
    total = len(copies) + 2
    manifest: dict[str, dict[str, str]] = {}
    octets = 0
    problems = []
    for done, copy in enumerate(copies):
        if cancelled is not None and cancelled():
            raise _Cancelled
        if progress is not None:
            progress(done, total, copy.target)
        target = data / copy.target
        target.parent.mkdir(parents=True, exist_ok=True)
        if copy.source is None:
            hashes, size = _write_hashing(copy.content or b"", target, algorithms)
        else:
            try:
                hashes, size = _copy_hashing(copy.source, target, algorithms, cancelled)
            except FileNotFoundError:
                problems.append(f"{copy.source} is missing (item '{copy.item_id}')" if copy.item_id
                                else f"{copy.source} is missing")
                continue
            except OSError as error:
                if not copy.item_id:
                    raise
                problems.append(f"{copy.source} cannot be read ({error.strerror or error})")
                continue
        if copy.expected_sha256 and hashes["sha256"] != copy.expected_sha256:
            problems.append(f"{copy.source} has changed since it was described (item '{copy.item_id}': "
                            f"expected SHA-256 {copy.expected_sha256[:12]}…, found {hashes['sha256'][:12]}…)")
        manifest[f"data/{copy.target}"] = hashes
        octets += size
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise BagExportError("the bag was not made because held files are not as described - run "
                             f"`ashraf-desktop verify`: {shown}")
    # metadata of the bag's own archive, so file paths are those inside data/
    if progress is not None:
        progress(len(copies), total, f"{METADATA_DIR}/")
    loaded = load_archive(data, check_files=False).archive
    for name, text in (("dublin-core.csv", dublin_core_csv(loaded)), ("dublin-core.jsonld", dublin_core_jsonld(loaded))):
        target = data / METADATA_DIR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        hashes, size = _write_hashing(text.encode("utf-8"), target, algorithms)
        manifest[f"data/{METADATA_DIR}/{name}"] = hashes
        octets += size
    if progress is not None:
        progress(len(copies) + 1, total, "manifests")
    _write_tag_files(work, archive, items, selection, manifest, octets, algorithms,
                     with_annotations=annotations_jsonld is not None)
    # bagit reads what we wrote: structure, bagit.txt, Payload-Oxum, manifests against the files
    try:
        bagit.Bag(str(work)).validate(completeness_only=True)
    except bagit.BagError as error:  # a bug here, not the user's doing; say it plainly
        raise BagExportError(f"the bag failed its own check: {error}") from None
    if progress is not None:
        progress(total, total, "")


def _write_tag_files(work: Path, archive: Archive, items: list[Item], selection: set[str] | None,
                     manifest: dict[str, dict[str, str]], octets: int, algorithms: Sequence[str], *,
                     with_annotations: bool) -> None:
    (work / "bagit.txt").write_bytes(b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    for alg in algorithms:
        lines = [f"{hashes[alg]}  {_manifest_name(path)}\n" for path, hashes in sorted(manifest.items())]
        (work / f"manifest-{alg}.txt").write_text("".join(lines), encoding="utf-8", newline="\n")
    c = archive.collection
    scope = (f"A selection of {len(items)} item{'s' * (len(items) != 1)} of '{c.title}'" if selection is not None
             else f"'{c.title}', {len(items)} item{'s' * (len(items) != 1)}")
    parts = [f"{scope}.", c.description,
             "data/ is an Ashraf Archive folder (collection.toml, timeline.toml, facts.toml, items/ with each "
             "held file beside its TOML sidecar), with Dublin Core metadata in data/metadata/"
             + (" and W3C Web Annotations in data/annotations.jsonld." if with_annotations else ".")]
    info = [
        ("Source-Organization", c.publisher or c.title),
        ("Bagging-Date", date.today().isoformat()),
        ("External-Identifier", collection_iri(c.id)),
        ("External-Description", " ".join(p for p in parts if p)),
        ("Bag-Software-Agent", f"{APP_NAME} {__version__}"),
        ("Payload-Oxum", f"{octets}.{len(manifest)}"),
        ("Bag-Size", _human_size(octets)),
    ]
    text = "".join(f"{label}: {_tag_value(value)}\n" for label, value in info)
    (work / "bag-info.txt").write_text(text, encoding="utf-8", newline="\n")
    tag_files = ["bagit.txt", "bag-info.txt", *(f"manifest-{alg}.txt" for alg in algorithms)]
    for alg in algorithms:
        lines = []
        for name in tag_files:
            lines.append(f"{hashlib.new(alg, (work / name).read_bytes()).hexdigest()}  {name}\n")
        (work / f"tagmanifest-{alg}.txt").write_text("".join(lines), encoding="utf-8", newline="\n")


# --- validation --------------------------------------------------------------------------------------------


@dataclass
class _Check:
    reasons: list[str] = field(default_factory=list)
    archive: Archive | None = None  # the bag's data/ archive, when it loads
    sha256: dict[str, str] = field(default_factory=dict)  # computed, by real path of each payload file
    cancelled: bool = False
    entries: int = 0  # manifest entries checked (the first part of an import's progress)


def _bagit_detail(detail: Exception) -> str:
    if isinstance(detail, bagit.ChecksumMismatch):
        return (f"{detail.path} has changed since the bag was made ({detail.algorithm} expected "
                f"{str(detail.expected)[:12]}…, found {str(detail.found)[:12]}…)")
    if isinstance(detail, bagit.FileMissing):
        return f"{detail.path} is listed in the bag's manifest but is missing"
    if isinstance(detail, bagit.UnexpectedFile):
        return f"{detail.path} is in the bag but not in its manifest (added after the bag was made?)"
    return str(detail)


def _oxum_message(text: str) -> str:
    m = re.search(r"Expected (\d+) files and (\d+) bytes but found (\d+) files and (\d+) bytes", text)
    if not m:
        return f"the bag does not match its bag-info.txt: {text}"
    ef, eb, ff, fb = (int(g) for g in m.groups())
    return (f"the bag's payload is not what bag-info.txt says (Payload-Oxum): expected {ef} files and "
            f"{eb:,} bytes, found {ff} files and {fb:,} bytes")


def _hash_file(path: str, algorithms: Iterable[str], cancelled: CancelFn | None) -> dict[str, str]:
    hashers = {alg: hashlib.new(alg) for alg in algorithms}
    read = 0
    with open(path, "rb") as handle:
        while block := handle.read(_CHUNK):
            for h in hashers.values():
                h.update(block)
            read += len(block)
            if cancelled is not None and read % (32 * _CHUNK) == 0 and cancelled():
                raise _Cancelled
    return {alg: h.hexdigest() for alg, h in hashers.items()}


def _check(path: Path, progress: ProgressFn | None, cancelled: CancelFn | None, *, extra_total: int = 0) -> _Check:
    result = _Check()
    path = Path(path)
    if not path.is_dir():
        result.reasons.append(f"{path} is not a folder (a bag is a folder with bagit.txt and data/)")
        return result
    try:
        bag = bagit.Bag(str(path))
    except bagit.BagError as error:
        result.reasons.append(f"{path} is not a BagIt bag: {error}")
        return result
    except (OSError, UnicodeError, ValueError) as error:
        result.reasons.append(f"{path}: the bag's tag files cannot be read ({error})")
        return result
    oxum_failed = False
    try:
        bag.validate(completeness_only=True)
    except bagit.BagValidationError as error:
        if error.details:
            result.reasons += [_bagit_detail(d) for d in error.details]
        else:
            oxum_failed = "Oxum" in str(error)
            result.reasons.append(_oxum_message(str(error)) if oxum_failed else f"not a valid bag: {error}")
    except bagit.BagError as error:
        result.reasons.append(f"not a valid bag: {error}")
    except (OSError, UnicodeError, ValueError) as error:
        result.reasons.append(f"the bag cannot be read: {error}")
    if oxum_failed:  # bagit stops at the Payload-Oxum; name the files
        with contextlib.suppress(Exception):
            only_manifest, only_fs = bag.compare_manifests_with_fs()
            result.reasons += [_bagit_detail(bagit.FileMissing(p)) for p in sorted(only_manifest)]
            result.reasons += [_bagit_detail(bagit.UnexpectedFile(p)) for p in sorted(only_fs)]
    # every manifest and tag-manifest entry, re-hashed (reporting progress, cancellable)
    entries = sorted(bag.entries.items())
    result.entries = len(entries)
    real_bag = os.path.realpath(bag.path)
    total = len(entries) + extra_total
    data_prefix = "data" + os.sep
    for done, (rel, hashes) in enumerate(entries):
        if cancelled is not None and cancelled():
            result.cancelled = True
            result.reasons.append("the check was cancelled before the end")
            return result
        if progress is not None:
            progress(done, total, f"checking {rel}")
        full = os.path.join(bag.path, bag.normalized_filesystem_names.get(rel, rel))
        if not os.path.isfile(full):
            continue  # reported as missing above
        wanted = {alg for alg in hashes if alg in hashlib.algorithms_available}
        if rel.startswith(data_prefix):
            wanted.add("sha256")
        try:
            found = _hash_file(full, wanted, cancelled)
        except _Cancelled:
            result.cancelled = True
            result.reasons.append("the check was cancelled before the end")
            return result
        except OSError as error:
            result.reasons.append(f"{rel} cannot be read ({error.strerror or error})")
            continue
        for alg, expected in sorted(hashes.items()):
            if alg in found and found[alg] != expected.lower():
                result.reasons.append(_bagit_detail(bagit.ChecksumMismatch(rel, alg, expected.lower(), found[alg])))
        if "sha256" in found:
            result.sha256[os.path.join(real_bag, rel)] = found["sha256"]
    if progress is not None:
        progress(len(entries), total, "checking the archive in data/")
    _check_archive(path / "data", result)
    return result


def _check_archive(data: Path, result: _Check) -> None:
    """data/ must be an archive in our format whose every sidecar loads and describes its file."""
    if not (data / "collection.toml").is_file():
        result.reasons.append("the bag's data/ folder is not an Ashraf Archive (it has no collection.toml); "
                              "only bags made by Ashraf Archive can be imported")
        return
    loaded = load_archive(data, check_files=False)
    archive = loaded.archive
    result.archive = archive
    real = RealPaths()
    sidecars = {real.file(item.sidecar) for item in archive.items}

    def blocking(problem) -> bool:
        if problem.severity is not Severity.ERROR:
            return False
        if problem.path.name == "collection.toml":
            return True
        full = real.file(problem.path if problem.path.is_absolute() else data / problem.path)
        if full.endswith(".toml") and os.path.dirname(full) != real.dir(data):
            return full not in sidecars  # an item that cannot be loaded would be lost on import
        return problem.message.startswith(("is not valid TOML", "is not UTF-8", "cannot be read"))

    for problem in loaded.problems:
        if blocking(problem):
            result.reasons.append(f"data/{problem.path.as_posix()}"
                                  f"{f' [{problem.where}]' if problem.where else ''}: {problem.message}")
    for item in archive.items:
        if item.file is None:
            continue
        rel = f"data/{real.rel(item.file, data)}"
        found = result.sha256.get(os.path.join(real.dir(data.parent), *rel.split("/")))
        if not item.file.is_file():
            result.reasons.append(f"{rel} is missing: the sidecar of '{item.id}' names it")
        elif found is None:
            result.reasons.append(f"{rel} (item '{item.id}') is not listed in the bag's manifest")
        elif found != item.sha256.lower():
            result.reasons.append(f"{rel} does not match its sidecar (item '{item.id}'): expected SHA-256 "
                                  f"{item.sha256[:12]}…, found {found[:12]}…")


def is_bag(path: Path) -> bool:
    """A folder that looks like a BagIt bag (has ``bagit.txt``): what ``import PATH`` hands to
    :func:`import_bag` instead of importing its files one by one."""
    return Path(path).is_dir() and (Path(path) / "bagit.txt").is_file()


def validate_bag(path: Path, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> list[str]:
    """Why the bag at ``path`` is not valid, one sentence each; ``[]`` when it is: a BagIt bag whose files
    all match its manifests (checked with ``bagit``), with an archive in ``data/`` whose every sidecar loads
    and describes its held file (its sha256 matches). Problems of content that do not stop an item from
    loading (a quote not found verbatim, a date to correct) are left to ``ashraf-desktop validate
    BAG/data``."""
    return _check(Path(path), progress, cancelled).reasons


# --- import ------------------------------------------------------------------------------------------------


@dataclass
class BagImportReport(ImportReport):
    """An :class:`ImportReport` with what is particular to bags: why a bag was refused, notes, and the
    annotation merge (``core.annotations.ImportReport``) when the bag had annotations."""

    invalid: list[str] = field(default_factory=list)  # the bag was refused, nothing imported
    notes: list[str] = field(default_factory=list)
    annotations: Any = None  # core.annotations.ImportReport | None
    annotations_error: str = ""

    def summary(self) -> str:
        if self.invalid:
            return f"the bag is not valid, nothing was imported ({len(self.invalid)} problem" \
                   f"{'s' * (len(self.invalid) != 1)})"
        text = super().summary()
        if self.annotations is not None:
            text += f"; annotations: {self.annotations.summary()}"
        elif self.annotations_error:
            text += f"; annotations not imported: {self.annotations_error}"
        return text

    def as_json(self) -> dict:
        data = super().as_json()
        data["invalid"] = list(self.invalid)
        data["notes"] = list(self.notes)
        data["annotations"] = self.annotations.as_dict() if self.annotations is not None else None
        if self.annotations_error:
            data["annotations_error"] = self.annotations_error
        return data


def _layer_folder(item: Item, data: Path, real: RealPaths) -> str:
    """The item's folder under the bag's ``items/``, less a leading ``imported`` folder (a layer made by
    our export), so that exporting and importing again does not nest folders."""
    try:
        parts = Path(real.rel(item.sidecar, data / "items")).parent.parts
    except ValueError:
        return ""
    parts = tuple(p for p in parts if p != ".")
    if parts and parts[0] != ".." and re.fullmatch(r"imported(-\d+)?", parts[0]):
        parts = parts[1:]
    if parts and parts[0] == "..":
        return ""
    return "/".join(parts)


def _remap_annotation_iris(doc: Any, mapping: dict[str, str]) -> Any:
    """Replace item IRIs of the bag's collection by those the items have now (the target archive's
    collection, and the existing id for a file the archive already held under another id)."""
    if not mapping:
        return doc
    pattern = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)) + r"(?![a-z0-9-])")

    def walk(node: Any) -> Any:
        if isinstance(node, str):
            return pattern.sub(lambda m: mapping[m.group(0)], node)
        if isinstance(node, list):
            return [walk(v) for v in node]
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        return node
    return walk(doc)


def _targets(node: dict) -> list[str]:
    sources = []
    for target in node.get("target") if isinstance(node.get("target"), list) else [node.get("target")]:
        if isinstance(target, str):
            sources.append(target)
        elif isinstance(target, dict) and isinstance(target.get("source"), str):
            sources.append(target["source"])
    return sources


def _drop_annotations_on(doc: Any, iris: set[str]) -> tuple[Any, int]:
    """Leave out the annotations whose target is one of ``iris`` (items of the bag that were not imported:
    a conflict, a failure); returns the document and how many were left out."""
    dropped = 0

    def walk(node: Any) -> Any:
        nonlocal dropped
        if isinstance(node, list):
            kept = []
            for value in node:
                if isinstance(value, dict) and "target" in value and any(
                        t.strip() in iris for t in _targets(value)):
                    dropped += 1
                    continue
                kept.append(walk(value))
            return kept
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        return node
    if isinstance(doc, dict) and "target" in doc and any(t.strip() in iris for t in _targets(doc)):
        return [], 1
    return walk(doc), dropped


def import_bag(bag: Path, archive: Archive, layer: Path, *, progress: ProgressFn | None = None,
               cancelled: CancelFn | None = None, on_added: AddedFn | None = None,
               annotations_db: Path | None = None) -> BagImportReport:
    """Add the items of the bag's archive that ``archive`` does not have to the user ``layer`` (ids,
    metadata and files kept), after validating the bag (an invalid bag is refused whole: ``invalid`` lists
    why, one failed outcome names the bag). For each item:

    * same id, same file (sha256) - or a record with the same id - : **duplicate**;
    * same id, different file (or a different kind): **failed**, "conflict" - ids are permanent, so the bag's
      item is not renamed; the user decides (rename it in the bag and import again, or keep the archive's);
    * same file under another id: **duplicate** of that item;
    * otherwise **added** through ``core.archive.layers.write_item`` (whole or absent), ``on_added(id)`` called.

    With ``annotations_db`` (the AnnotationStore file), the bag's ``annotations.jsonld`` is merged by
    annotation id (conflicts reported, never overwritten); its item IRIs are re-pointed to this archive's
    collection. The bag's timeline and facts are not merged (a layer holds items): a note says so."""
    bag = Path(bag)
    report = BagImportReport()
    data = bag / "data"
    # the progress total covers checking every manifest entry, then one step per item
    check = _check(bag, progress, cancelled, extra_total=_count_sidecars(bag))
    if check.cancelled:
        report.cancelled = True
        report.not_started.append(bag)
        return report
    if check.reasons or check.archive is None:
        report.invalid = check.reasons or ["the bag's archive could not be read"]
        more = f" (and {len(report.invalid) - 1} more)" if len(report.invalid) > 1 else ""
        report.outcomes.append(Outcome(bag, "failed", f"not imported: the bag is not valid: {report.invalid[0]}{more}"))
        return report
    source = check.archive
    offset = check.entries
    total = offset + len(source.items)
    from ..archive import ensure_layer, write_item
    by_sha = {item.sha256.lower(): item.id for item in archive.items if item.sha256}
    taken = {item.id: item for item in archive.items}
    iri_map: dict[str, str] = {}
    from ..annotations.iri import item_iri
    layer_ready = False
    real = RealPaths()
    items = list(source.items)
    for index, item in enumerate(items):
        shown = item.file or item.sidecar
        if cancelled is not None and cancelled():
            report.cancelled = True
            report.not_started += [(i.file or i.sidecar) for i in items[index:]]
            break
        if progress is not None:
            progress(offset + index, total, str(shown))
        existing = taken.get(item.id)
        sha = item.sha256.lower()
        if existing is not None:
            same = (existing.kind is item.kind and
                    (item.kind is ItemKind.RECORD or existing.sha256.lower() == sha))
            if same:
                report.outcomes.append(Outcome(shown, "duplicate", f"already in the archive as '{item.id}'",
                                               existing.id))
                iri_map[item_iri(source.collection.id, item.id)] = item_iri(archive.collection.id, existing.id)
            else:
                what = (f"a {existing.kind}" if existing.kind is not item.kind
                        else "a different file")
                report.outcomes.append(Outcome(
                    shown, "failed", f"conflict: the archive already has an item '{item.id}' with {what} "
                    f"(\"{existing.title}\"); ids never change, so the bag's item was not imported - give it "
                    "another id in the bag to import it as a new item"))
            continue
        if sha and sha in by_sha:
            other = by_sha[sha]
            report.outcomes.append(Outcome(shown, "duplicate", f"the same file is already in the archive as "
                                                               f"'{other}'", other))
            iri_map[item_iri(source.collection.id, item.id)] = item_iri(archive.collection.id, other)
            continue
        try:
            sidecar = tomllib.loads(item.sidecar.read_text(encoding="utf-8-sig"))
            if not layer_ready:
                ensure_layer(layer, archive)
                layer_ready = True
            write_item(layer, _layer_folder(item, data, real), sidecar, source=item.file,
                       file_name=item.file.name if item.file else None)
        except (OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            report.outcomes.append(Outcome(shown, "failed", f"could not be added: {reason}"))
            continue
        taken[item.id] = item
        if sha:
            by_sha[sha] = item.id
        iri_map[item_iri(source.collection.id, item.id)] = item_iri(archive.collection.id, item.id)
        report.outcomes.append(Outcome(shown, "added", f"added from the bag as '{item.id}'", item.id))
        if on_added is not None:
            on_added(item.id)
    if progress is not None and not report.cancelled:
        progress(total, total, "")
    known_events = {e.id for e in archive.events}
    new_events = [e for e in source.events if e.id not in known_events]
    known_facts = {f.id for f in archive.facts}
    new_facts = [f for f in source.facts if f.id not in known_facts]
    if new_events or new_facts:
        report.notes.append(
            f"The bag's timeline ({len(new_events)} event{'s' * (len(new_events) != 1)}) and facts "
            f"({len(new_facts)}) that this archive lacks were not imported: imported items go to your layer, "
            f"which holds items only. Open {data} as an archive to see them.")
    annotations_file = data / ANNOTATIONS_FILE
    if annotations_db is not None and annotations_file.is_file() and not report.cancelled:
        not_imported = {item_iri(source.collection.id, i.id) for i in items} - set(iri_map)
        _import_annotations(report, annotations_file, Path(annotations_db), archive, layer, iri_map, not_imported)
    return report


def _count_sidecars(bag: Path) -> int:
    items = Path(bag) / "data" / "items"
    if not items.is_dir():
        return 0
    return sum(1 for _ in items.rglob("*.toml"))


def _import_annotations(report: BagImportReport, annotations_file: Path, db: Path, archive: Archive, layer: Path,
                        iri_map: dict[str, str], not_imported: set[str]) -> None:
    from ..annotations import AnnotationError, AnnotationStore, import_jsonld
    from ..annotations.exchange import load_json
    try:
        doc = load_json(annotations_file.read_bytes())
    except (OSError, AnnotationError) as error:
        report.annotations_error = f"{annotations_file.name}: {error}"
        return
    doc, dropped = _drop_annotations_on(doc, not_imported)
    if dropped:
        report.notes.append(f"{dropped} annotation{'s' * (dropped != 1)} on items of the bag that were not "
                            "imported (conflicts, failures) were left out.")
    doc = _remap_annotation_iris(doc, iri_map)
    layers = list(archive.layers)
    if layer not in layers and (layer / "items").is_dir():
        layers.append(layer)
    current = load_archive(archive.root, layers=layers, check_files=False).archive
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        with AnnotationStore(db) as store:
            report.annotations = import_jsonld(store, doc, archive=current)
    except (AnnotationError, OSError) as error:
        report.annotations_error = str(error)
