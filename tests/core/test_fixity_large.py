"""The fixity check of a catalogued archive reads the items' file rows, not every Item (issue 17: at 100,000
items the start-up quick check spent 10 of its 13-15 s of CPU building Items, right as the window opened),
and finds exactly what it finds in the loader's archive."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

from ashraf_desktop.core.archive import ensure_layer, layer_root, load_layered, write_item
from ashraf_desktop.core.integrity.fixity import default_state_path, verify

OLD = time.time() - 3600


def _age(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (OLD, OLD))


def test_the_check_of_a_catalogued_archive_builds_no_item_and_finds_the_same(tmp_path, bundled_archive_path,
                                                                             monkeypatch):
    root = tmp_path / "archive"
    shutil.copytree(bundled_archive_path, root)
    data, cache = tmp_path / "data", tmp_path / "cache"
    plain = load_layered(root, data).archive
    layer = ensure_layer(layer_root(data, plain.collection.id), plain)
    source = tmp_path / "note.txt"
    source.write_bytes(b"An imported note.\n")
    sidecar = write_item(layer, "documents", {"id": "note", "kind": "document", "title": "A note",
                                              "sha256": hashlib.sha256(b"An imported note.\n").hexdigest(),
                                              "format": "text/plain"}, source, "note.txt")
    _age(root)
    _age(layer)
    (sidecar.parent / "note.txt").write_bytes(b"changed after the import")
    (root / "items" / "documents" / "stray.txt").write_bytes(b"nobody describes me")

    catalogued = load_layered(root, data, cache_dir=cache).archive
    items_type = type(catalogued.items)
    assert items_type.__name__ == "CatalogueItems"
    built: list[int] = []
    monkeypatch.setattr(items_type, "_decode", staticmethod(lambda blob: built.append(1)))
    state = default_state_path(cache, catalogued)
    found = verify(catalogued, state=state, quick=True)
    again = verify(catalogued, state=state, quick=True)
    assert built == []
    expected = verify(load_layered(root, data).archive)
    assert [(p.kind, p.item_id, p.message) for p in found.problems] == \
        [(p.kind, p.item_id, p.message) for p in expected.problems]
    assert {p.kind for p in found.problems} == {"changed", "unexpected"}
    assert found.checked == expected.checked == 3 and again.skipped == 2  # the two good ones, from the state
