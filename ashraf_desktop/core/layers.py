"""The user's archive layer: where imported items are written, beside a read-only archive.

The bundled archive is read-only (it may sit inside a packaged app); what the user adds goes to a layer in
the user data folder, one per archive (by collection id), in the same format as the archive itself
(docs/archive-format.md): ``items/**/<name>.toml`` sidecars next to their held files. ``load_archive(root,
layers=[layer])`` shows both as one archive.

Writes are whole or absent: the held file is copied to a temporary name, flushed to disk and renamed, and
only then the sidecar is written the same way. The loader only sees ``*.toml`` files, so an interrupted
import leaves at worst an unreferenced file (cleaned by :func:`sweep`), never a half-described item.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Any, Mapping

import tomli_w

from .loader import FORMAT_VERSION, ID_PATTERN, load_archive
from .model import Archive, Item

__all__ = ["LAYERS_DIR", "layer_root", "ensure_layer", "load_layered", "write_item", "rewrite_sidecar",
           "remove_item", "sidecar_text", "unique_id", "slug", "sweep", "ReadOnlyItemError"]

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


def load_layered(root: Path, data_dir: Path | None, *, check_files: bool = False, progress=None):
    """``load_archive`` of ``root`` with its user layer (when ``data_dir`` is given and the layer exists)."""
    layers: list[Path] = []
    if data_dir is not None:
        from .loader import _Collector, _load_collection  # the collection id decides the layer
        collection = _load_collection(Path(root), _Collector(root=Path(root)))
        layer = layer_root(data_dir, collection.id)
        if (layer / "items").is_dir():
            layers.append(layer)
    return load_archive(root, layers=layers, check_files=check_files, progress=progress)


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


def write_item(layer: Path, folder: str, sidecar: Mapping[str, Any], source: Path | None = None,
               file_name: str | None = None) -> Path:
    """Add an item to ``layer`` under ``items/<folder>/``: copy ``source`` (unchanged) as ``file_name``,
    then write the sidecar; returns the sidecar's path. Nothing is left behind if it fails."""
    target_dir = layer / "items" / folder
    target_dir.mkdir(parents=True, exist_ok=True)
    data = dict(sidecar)
    held: Path | None = None
    if source is not None:
        name = file_name or source.name
        held = _free_name(target_dir / name)
        data["file"] = held.name
        _atomic_copy(source, held)
    sidecar_path = _free_name(target_dir / f"{(held.stem if held else data['id'])}.toml")
    try:
        _atomic_write_bytes(sidecar_path, sidecar_text(data).encode("utf-8"))
    except BaseException:
        if held is not None:
            with contextlib.suppress(OSError):
                held.unlink()
        raise
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
    if items.is_dir():
        for path in items.rglob(f"{_TMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


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


def _atomic_copy(source: Path, target: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)
