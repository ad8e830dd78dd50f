"""An import into a large archive costs what it adds (issue 17): the duplicate and id checks are asked of the
archive's catalogue, not of every item built and every sidecar path resolved (an add at 100,000 items spent
26 s there), and they still see every item — the archive's, the layer's, and those another process wrote to
the layer after this one loaded the archive."""

from __future__ import annotations

from pathlib import Path

from ashraf_desktop.core.archive import layer_root, load_layered
from ashraf_desktop.core.ingest import import_files, importer

from archive_builder import write_archive


def _catalogued(root: Path, data: Path, cache: Path):
    return load_layered(root, data, cache_dir=cache).archive


def _reference(archive, layer: Path) -> tuple[set, dict]:
    """What the check knew before, worked out the old way: every Item, every sidecar resolved."""
    ids, by_hash, seen = set(), {}, set()
    for item in archive.items:
        ids.add(item.id)
        seen.add(item.sidecar.resolve())
        if item.sha256:
            by_hash.setdefault(item.sha256.lower(), (item.id, item.title, "archive"))
    import tomllib
    for sidecar in sorted((layer / "items").rglob("*.toml")):
        if sidecar.resolve() not in seen:
            data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
            ids.add(data["id"])
            by_hash.setdefault(data["sha256"].lower(), (data["id"], data["title"], "archive"))
    return ids, by_hash


def test_the_duplicate_check_builds_no_item_and_sees_every_item(tmp_path, monkeypatch):
    root = write_archive(tmp_path / "archive")
    data, cache = tmp_path / "data", tmp_path / "cache"
    archive = _catalogued(root, data, cache)
    layer = layer_root(data, archive.collection.id)
    src = tmp_path / "in"
    src.mkdir()
    for n in range(3):
        (src / f"note{n}.txt").write_text(f"Note number {n} about the camp.\n", encoding="utf-8")
    assert import_files(archive, layer, [src]).summary().startswith("3 added")
    archive = _catalogued(root, data, cache)  # the layer's three items are in the catalogue now
    (src / "late.txt").write_text("Written by another import after this archive was loaded.\n", encoding="utf-8")
    import_files(load_layered(root, data).archive, layer, [src / "late.txt"])  # "another process"

    built: list[str] = []
    items_type = type(archive.items)
    real_decode = items_type._decode
    monkeypatch.setattr(items_type, "_decode", staticmethod(lambda blob: built.append("x") or real_decode(blob)))
    known = importer._Known.of(archive, layer)
    assert built == []
    ids, by_hash = _reference(load_layered(root, data).archive, layer)  # (the old way, on a fresh load)
    assert known.ids == ids and known.by_hash == by_hash
    assert {"note0", "note1", "note2", "late", "doc"} <= known.ids

    again = import_files(archive, layer, [src / "note1.txt", src / "late.txt", root / "items" / "doc.txt"])
    assert [(o.status, o.item_id) for o in again.outcomes] == [
        ("duplicate", "note1"), ("duplicate", "late"), ("duplicate", "doc")]
    assert built == []
