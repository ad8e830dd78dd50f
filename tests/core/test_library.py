"""The library's rows and orders (core/library.py): filter by title or creator, kinds, every column's order,
newest first with the undated last, a page of rows without building every item."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ashraf_desktop.core.archive import ItemKind, load_archive
from ashraf_desktop.core.library import LibraryQuery, library_ids, library_rows
from ashraf_desktop.core.saved_searches import SavedSearch, SavedSearches


def _archive(root: Path):
    (root / "items").mkdir(parents=True)
    (root / "collection.toml").write_text('format = 1\nid = "lib"\ntitle = "Library test"\n', encoding="utf-8")
    rows = [("a", "Zebra report", "2005", "Ann Author"), ("b", "apple notes", "1999-03", ""),
            ("c", "Mango", None, "Zed Writer"), ("d", "Ärger und Freude", "2012", "")]
    for ident, title, date, creator in rows:
        data = f"{title}\n".encode()
        (root / "items" / f"{ident}.txt").write_bytes(data)
        extra = (f'date = "{date}"\n' if date else "") + (f'creator = ["{creator}"]\n' if creator else "")
        (root / "items" / f"{ident}.toml").write_text(
            f'id = "{ident}"\nkind = "document"\nfile = "{ident}.txt"\nsha256 = "{hashlib.sha256(data).hexdigest()}"\n'
            f'title = "{title}"\nformat = "text/plain"\n{extra}', encoding="utf-8")
    (root / "items" / "r.toml").write_text('id = "r"\nkind = "record"\ntitle = "Bound report"\ndate = "2001"\n',
                                           encoding="utf-8")
    result = load_archive(root)
    assert result.ok, result.problems
    return result.archive


def test_orders_filters_and_rows(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "a")
    assert library_ids(archive, LibraryQuery()) == archive.items.ids(order="title")  # the archive's own collation
    assert library_ids(archive, LibraryQuery())[:3] == ["b", "r", "c"]  # case folded
    assert library_ids(archive, LibraryQuery(sort="date")) == ["b", "r", "a", "d", "c"]
    assert library_ids(archive, LibraryQuery(sort="date", descending=True)) == ["d", "a", "r", "b", "c"]
    assert library_ids(archive, LibraryQuery(text="REPORT")) == ["r", "a"]
    assert library_ids(archive, LibraryQuery(text="zed")) == []  # titles only (as fast at 100,000 items)
    assert library_ids(archive, LibraryQuery(text="arger")) == ["d"]  # accents folded
    assert library_ids(archive, LibraryQuery(kind=ItemKind.RECORD)) == ["r"]
    assert library_ids(archive, LibraryQuery(sort="creator"))[:2] == ["a", "c"]
    assert library_ids(archive, LibraryQuery(sort="held"))[-1] == "r"
    assert library_ids(archive, LibraryQuery(sort="annotations"), {"c": 3, "a": 1})[:2] == ["c", "a"]
    [row] = library_rows(archive, ["a"], {"a": 2})
    assert (row.title, row.kind, row.date, row.creator, row.annotations, row.held) == (
        "Zebra report", "Document", "2005", "Ann Author", 2, True)
    assert row.added == "with the archive"


def test_saved_searches_are_kept_and_a_damaged_file_is_set_aside(tmp_path: Path) -> None:
    saved = SavedSearches(tmp_path)
    saved.save(SavedSearch("Camp  Liberty", "Liberty", {"kind": ("document",)}, (730000, 731000)))
    saved.save(SavedSearch("Water", "water"))
    saved.save(SavedSearch("Water", "water OR wells"))  # the same name replaces, in its place
    again = SavedSearches(tmp_path)
    assert [s.name for s in again] == ["Camp Liberty", "Water"]
    assert again.get("Water").query == "water OR wells"
    assert again.get("Camp Liberty").filters == {"kind": ("document",)}
    assert again.get("Camp Liberty").date_range == (730000, 731000)
    assert again.delete("Water") and [s.name for s in SavedSearches(tmp_path)] == ["Camp Liberty"]
    (tmp_path / "saved-searches.json").write_text("{not json", encoding="utf-8")
    assert len(SavedSearches(tmp_path)) == 0
    assert (tmp_path / "saved-searches.json.unreadable").read_text(encoding="utf-8") == "{not json"
