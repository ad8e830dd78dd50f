"""Build small archives in a temporary folder for tests (the format of docs/archive-format.md)."""

from __future__ import annotations

import hashlib
from pathlib import Path

TEXT = "Camp Ashraf lies in Diyala.\nIn 1986 the camp was built on barren land.\n"


def write_archive(root: Path, *, text: str = TEXT, item_extra: str = "", timeline: str | None = None,
                  sha: str | None = None) -> Path:
    (root / "items").mkdir(parents=True)
    (root / "collection.toml").write_text('format = 1\nid = "test"\ntitle = "Test archive"\n', encoding="utf-8")
    (root / "items" / "doc.txt").write_bytes(text.encode("utf-8"))
    digest = sha if sha is not None else hashlib.sha256(text.encode("utf-8")).hexdigest()
    (root / "items" / "doc.toml").write_text(
        f'id = "doc"\nkind = "document"\nfile = "doc.txt"\nsha256 = "{digest}"\ntitle = "A document"\n'
        f'format = "text/plain"\nlanguage = "en"\n{item_extra}', encoding="utf-8")
    (root / "items" / "report.toml").write_text(
        'id = "report"\nkind = "record"\ntitle = "A report"\ndate = "2005-05-18"\npublisher = "Someone"\n',
        encoding="utf-8")
    if timeline is None:
        timeline = ('[[event]]\nid = "built"\ndate = "1986"\ntitle = "Camp built"\n'
                    '[[event.citations]]\nitem = "doc"\nquote = "In 1986 the camp was built"\n')
    (root / "timeline.toml").write_text(timeline, encoding="utf-8")
    return root
