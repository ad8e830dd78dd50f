"""Small archives for viewer tests: one document per given file."""

from __future__ import annotations

import hashlib
from pathlib import Path


def write_archive(root: Path, files: dict[str, tuple[str, bytes]]) -> Path:
    """An archive whose items are ``{id: (media type, bytes)}`` (file name = id + extension)."""
    ext = {"application/pdf": ".pdf", "text/plain": ".txt", "text/html": ".html", "text/markdown": ".md"}
    (root / "items").mkdir(parents=True)
    (root / "collection.toml").write_text('format = 1\nid = "t"\ntitle = "Test archive"\n', encoding="utf-8")
    for item_id, (media_type, data) in files.items():
        name = item_id + ext.get(media_type, ".bin")
        (root / "items" / name).write_bytes(data)
        (root / "items" / f"{item_id}.toml").write_text(
            f'id = "{item_id}"\nkind = "document"\nfile = "{name}"\nsha256 = "{hashlib.sha256(data).hexdigest()}"\n'
            f'title = "Item {item_id}"\nformat = "{media_type}"\n', encoding="utf-8")
    (root / "timeline.toml").write_text("", encoding="utf-8")
    return root
