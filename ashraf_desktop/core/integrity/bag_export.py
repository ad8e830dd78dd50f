"""BagIt (RFC 8493) export of an archive or a selection (docs/integrity.md, "BagIt export").

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
folder beside ``DEST`` and renamed into place at the end: a failure or a cancel leaves no half bag. Held
files are hashed while they are copied and must match their sidecars.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Collection, Sequence

import bagit
import tomli_w

from ... import APP_NAME, __version__
from ..archive import Archive, Item, load_archive
from ..ingest.report import CancelFn, ProgressFn
from .bag_check import CHUNK as _CHUNK, Cancelled as _Cancelled
from .metadata_export import RealPaths, collection_iri, dublin_core_csv, dublin_core_jsonld, selected_items

__all__ = ["export_bag", "annotations_for_export", "BagExportError", "ExportCancelled", "MANIFEST_ALGORITHMS",
           "ANNOTATIONS_FILE", "METADATA_DIR"]

MANIFEST_ALGORITHMS = ("sha256", "sha512")
ANNOTATIONS_FILE = "annotations.jsonld"
METADATA_DIR = "metadata"
_PARTIAL = ".partial-bag-"


class BagExportError(Exception):
    """The bag could not be made; the message says why in the user's words. Nothing was left at DEST."""


class ExportCancelled(BagExportError):
    """The user cancelled; the half-built bag was removed."""


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
