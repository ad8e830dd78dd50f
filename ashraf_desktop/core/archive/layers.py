"""The user's archive layer: where imported items are written, beside a read-only archive.

The bundled archive is read-only (it may sit inside a packaged app); what the user adds goes to a layer in
the user data folder, one per archive (by collection id), in the same format as the archive itself
(docs/archive-format.md): ``items/**/<name>.toml`` sidecars next to their held files. ``load_archive(root,
layers=[layer])`` shows both as one archive.

Writes are whole or absent: the held file is copied to a temporary name and the sidecar written to another,
both flushed to disk, and only then renamed into place, the held file first. The loader only sees ``*.toml``
files, so an interrupted import leaves at worst temporary files (cleaned by :func:`sweep`) or, if stopped
between the two renames, one unreferenced held file (listed by :func:`orphans`), never a half-described
item.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any, Callable, Mapping

import tomli_w

from .loader import FORMAT_VERSION, ID_PATTERN, load_archive
from .model import Archive, Item

__all__ = ["LAYERS_DIR", "layer_root", "ensure_layer", "load_layered", "write_item", "rewrite_sidecar",
           "remove_item", "sidecar_text", "unique_id", "slug", "sweep", "orphans", "ReadOnlyItemError",
           "SourceChangedError", "CopyCancelled"]

#: Under the user data folder: ``imported/<collection id>/``.
LAYERS_DIR = "imported"
_TMP_PREFIX = ".partial-"


class ReadOnlyItemError(ValueError):
    """The item belongs to the archive itself (bundled, read-only), not to the user's layer."""


def layer_root(data_dir: Path, collection_id: str) -> Path:
    """The layer of the archive with ``collection_id`` under the user data folder ``data_dir``."""
    safe = re.sub(r"[^a-z0-9-]+", "-", collection_id.lower()).strip("-") or "archive"
    return Path(data_dir) / LAYERS_DIR / safe


def ensure_layer(layer: Path, archive: Archive | None = None) -> Path:
    """Create the layer folder with its own collection.toml (so it is a valid archive by itself, e.g. for
    ``validate`` or for copying elsewhere)."""
    (layer / "items").mkdir(parents=True, exist_ok=True)
    collection = layer / "collection.toml"
    if not collection.exists():
        base = archive.collection if archive is not None else None
        data: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "id": f"{base.id}-imported" if base else layer.name,
            "title": f"Imported into {base.title}" if base else "Imported items",
            "description": "Items added by the user of Ashraf Archive; the originals are copied unchanged.",
        }
        _atomic_write_bytes(collection, tomli_w.dumps(data).encode("utf-8"))
    return layer


def load_layered(root: Path, data_dir: Path | None, *, check_files: bool = False, progress=None,
                 cache_dir: Path | None = None, trust: bool = False):
    """``load_archive`` of ``root`` with its user layer (when ``data_dir`` is given and the layer exists);
    through the catalogue under ``cache_dir`` when given (and not ``check_files``)."""
    layers: list[Path] = []
    if data_dir is not None:
        from .loader import _Collector, _load_collection  # the collection id decides the layer
        collection = _load_collection(Path(root), _Collector(root=Path(root)))
        layer = layer_root(data_dir, collection.id)
        if (layer / "items").is_dir():
            layers.append(layer)
    return load_archive(root, layers=layers, check_files=check_files, progress=progress, cache_dir=cache_dir,
                        trust=trust)


def slug(text: str, limit: int = 60) -> str:
    """A file/id-safe ASCII name for ``text`` (any script): accents folded, others dropped."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    name = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:limit].strip("-")
    return name


def unique_id(base: str, taken: set[str] | frozenset[str] | Mapping[str, Any], fallback: str) -> str:
    """An item id from ``base`` (a title or file name) that is not in ``taken``; ``fallback`` (e.g. the
    start of a SHA-256) when the name has no usable letters (a Persian file name)."""
    stem = slug(base) or fallback
    if not ID_PATTERN.match(stem):
        stem = f"item-{stem}".strip("-")
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def sidecar_text(data: Mapping[str, Any]) -> str:
    """TOML for a sidecar: the keys in the documented order, empty values left out."""
    order = ("id", "kind", "file", "sha256", "title", "creator", "publisher", "date", "language",
             "description", "subject", "source", "rights", "type", "format", "identifier", "tags", "caption")
    clean = {k: v for k, v in data.items() if v not in ("", None, [], ())}
    ordered = {k: clean[k] for k in order if k in clean}
    ordered.update((k, v) for k, v in clean.items() if k not in ordered)
    return tomli_w.dumps({k: list(v) if isinstance(v, tuple) else v for k, v in ordered.items()})


class SourceChangedError(OSError):
    """The file being copied did not have the expected SHA-256 (it changed while it was imported)."""


class CopyCancelled(Exception):
    """``cancelled()`` became true while a held file was copied; nothing was written."""


def write_item(layer: Path, folder: str, sidecar: Mapping[str, Any], source: Path | None = None,
               file_name: str | None = None, *, expected_sha256: str | None = None,
               cancelled: Callable[[], bool] | None = None) -> Path:
    """Add an item to ``layer`` under ``items/<folder>/``: copy ``source`` (unchanged) as ``file_name``,
    then write the sidecar; returns the sidecar's path. Nothing is left behind if it fails.

    ``expected_sha256``: the SHA-256 of the copy is computed while copying and must equal this, or
    :class:`SourceChangedError` is raised before anything becomes visible. ``cancelled`` is polled between
    blocks of a long copy (:class:`CopyCancelled`).

    Order: the held file is copied to a temporary name and the sidecar written to another; only then are
    both renamed into place, the held file first. An interruption before the renames leaves only
    ``.partial-*`` files (removed by :func:`sweep`); the loader sees an item only once its sidecar is there,
    whole.
    """
    target_dir = layer / "items" / folder
    target_dir.mkdir(parents=True, exist_ok=True)
    data = dict(sidecar)
    held: Path | None = None
    held_tmp: str | None = None
    sidecar_tmp: str | None = None
    try:
        if source is not None:
            name = file_name or source.name
            held = _free_name(target_dir / name)
            data["file"] = held.name
            held_tmp = _copy_to_temp(Path(source), target_dir, expected_sha256, cancelled)
        sidecar_path = _free_name(target_dir / f"{(held.stem if held else data['id'])}.toml")
        sidecar_tmp = _write_temp(target_dir, sidecar_text(data).encode("utf-8"))
        if held is not None and held_tmp is not None:
            os.replace(held_tmp, held)
            held_tmp = None
        try:
            os.replace(sidecar_tmp, sidecar_path)
            sidecar_tmp = None
        except BaseException:
            if held is not None:
                with contextlib.suppress(OSError):
                    held.unlink()
            raise
    finally:
        for tmp in (held_tmp, sidecar_tmp):
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
    _fsync_dir(target_dir)
    return sidecar_path


def rewrite_sidecar(archive: Archive, item: Item, changes: Mapping[str, Any]) -> Path:
    """Apply metadata ``changes`` (Dublin Core keys, tags, caption; a value of ``None``/``""`` removes the
    key) to an item of the user's layer. Items of the archive itself are read-only."""
    if archive.layer_of(item) is None:
        raise ReadOnlyItemError(f"{item.title!r} belongs to the archive itself, which is read-only")
    import tomllib
    data = tomllib.loads(item.sidecar.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if key in ("id", "kind", "file", "sha256"):
            raise ValueError(f"{key!r} cannot be changed")
        if value in (None, "", [], ()):
            data.pop(key, None)
        else:
            data[key] = value
    _atomic_write_bytes(item.sidecar, sidecar_text(data).encode("utf-8"))
    return item.sidecar


def remove_item(archive: Archive, item: Item) -> None:
    """Take an imported item out of the layer: the sidecar first (the item is gone at once), then its file."""
    if archive.layer_of(item) is None:
        raise ReadOnlyItemError(f"{item.title!r} belongs to the archive itself, which is read-only")
    item.sidecar.unlink()
    if item.file is not None:
        with contextlib.suppress(FileNotFoundError):
            item.file.unlink()


def sweep(layer: Path) -> list[Path]:
    """Remove what an interrupted write left in the layer (temporary ``.partial-*`` files); returns them."""
    removed = []
    items = layer / "items"
    found = list(layer.glob(f"{_TMP_PREFIX}*")) if layer.is_dir() else []  # collection.toml's own temp
    if items.is_dir():
        found += items.rglob(f"{_TMP_PREFIX}*")
    for path in found:
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def orphans(layer: Path) -> list[Path]:
    """Files under the layer's ``items/`` that no sidecar names (left by an import stopped between its two
    renames, or put there by hand). Reported, never deleted: they may be someone's only copy."""
    import tomllib
    items = layer / "items"
    if not items.is_dir():
        return []
    named: set[Path] = set()
    files: list[Path] = []
    for path in sorted(items.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix == ".toml":
            with contextlib.suppress(OSError, ValueError, UnicodeDecodeError):
                data = tomllib.loads(path.read_text(encoding="utf-8"))
                if isinstance(data.get("file"), str):
                    named.add((path.parent / data["file"]).resolve())
                layer_file = data.get("text_layer", {}).get("file") if isinstance(data.get("text_layer"), dict) \
                    else None
                if isinstance(layer_file, str):  # the item's machine-read text (OCR), beside its file
                    named.add((path.parent / layer_file).resolve())
            continue
        files.append(path)
    return [path for path in files if path.resolve() not in named]


# --- whole-or-nothing writes ---------------------------------------------------------------------------


def _free_name(path: Path) -> Path:
    if not path.exists():
        return path
    n = 2
    while (candidate := path.with_name(f"{path.stem}-{n}{path.suffix}")).exists():
        n += 1
    return candidate


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _write_temp(folder: Path, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _copy_to_temp(source: Path, folder: Path, expected_sha256: str | None,
                  cancelled: Callable[[], bool] | None) -> str:
    """Copy ``source`` to a temporary file in ``folder``, hashing what is written; returns its name."""
    fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=folder)
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            while block := src.read(1 << 20):
                digest.update(block)
                out.write(block)
                if cancelled is not None and cancelled():
                    raise CopyCancelled(str(source))
            out.flush()
            os.fsync(out.fileno())
        if expected_sha256 is not None and digest.hexdigest() != expected_sha256.lower():
            raise SourceChangedError(f"{source.name} changed while it was being copied (its SHA-256 is not the "
                                     "one computed before)")
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp
