"""The catalogue (core/archive/catalogue.py): the same archive as the loader's, at the cost of what changed."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from ashraf_desktop.core.archive import ItemKind, catalogue_path, load_archive, load_layered
from ashraf_desktop.core.archive import catalogue as catalogue_mod
from ashraf_desktop.core.archive import loader as loader_mod

from archive_builder import write_archive

REPO = Path(__file__).resolve().parents[2]


def _same(a, b) -> None:
    """Two load results describe the same archive, problems included."""
    assert list(a.archive.items) == list(b.archive.items)
    assert a.archive.events == b.archive.events
    assert a.archive.facts == b.archive.facts
    assert a.archive.collection == b.archive.collection
    assert a.archive.layers == b.archive.layers
    assert [str(p) for p in a.problems] == [str(p) for p in b.problems]


@pytest.fixture
def reads(monkeypatch):
    """The sidecars the loader parses, by file name."""
    seen: list[str] = []
    real = loader_mod._load_item

    def counting(path, *args, **kwargs):
        seen.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(catalogue_mod, "_load_item", counting)
    return seen


def _bump(path: Path, text: str | None = None) -> None:
    """Change a file so that its size or time differs, as an editor would."""
    if text is not None:
        path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def _messy(root: Path) -> Path:
    """An archive with one of each problem the loader reports without reading held files."""
    write_archive(root)
    items = root / "items"
    (items / "zdup.toml").write_text('id = "report"\nkind = "record"\ntitle = "Same id again"\n', encoding="utf-8")
    (items / "broken.toml").write_text('id = "broken"\nkind = "record"\ntitle = "unclosed\n', encoding="utf-8")
    (items / "sub").mkdir()
    (items / "sub" / "cites.toml").write_text(
        'id = "cites"\nkind = "record"\ntitle = "Cites"\ndate = "2009-07~"\n'
        '[[mentioned_in]]\nitem = "nowhere"\nquote = "a quote"\n', encoding="utf-8")
    (items / "sub" / "gone.toml").write_text('id = "gone"\nkind = "document"\nfile = "gone.txt"\ntitle = "Gone"\n',
                                             encoding="utf-8")
    (items / ".hidden.toml").write_text("not = [valid", encoding="utf-8")
    with (root / "timeline.toml").open("a", encoding="utf-8") as f:
        f.write('[[event]]\nid = "later"\ndate = "2009-07-28"\ntitle = "Later"\n'
                '[[event.citations]]\nitem = "missing-item"\nquote = "x"\n')
    (root / "facts.toml").write_text('[[fact]]\nid = "f"\nlabel = "Residents"\n'
                                     '[[fact.claims]]\nvalue = "3,400"\nitem = "report"\nquote = "q"\n',
                                     encoding="utf-8")
    return root


def test_the_catalogue_gives_the_loaders_archive_and_problems(tmp_path):
    root = _messy(tmp_path / "a")
    plain = load_archive(root, check_files=False)
    assert plain.problems  # the comparison means something
    first = load_archive(root, check_files=False, cache_dir=tmp_path / "cache")
    again = load_archive(root, check_files=False, cache_dir=tmp_path / "cache")
    _same(first, plain)
    _same(again, plain)
    assert catalogue_path(tmp_path / "cache", root).is_file()


def test_the_bundled_archive_with_a_layer_is_the_same_through_the_catalogue(tmp_path, bundled_archive_path):
    data = tmp_path / "data"
    layer = data / "imported" / "ashraf" / "items"
    layer.mkdir(parents=True)
    (layer / "note.toml").write_text('id = "note"\nkind = "record"\ntitle = "A note"\ndate = "2004"\n')
    (layer / "clash.toml").write_text('id = "hrw-no-exit-2005"\nkind = "record"\ntitle = "Clash"\n')
    plain = load_layered(bundled_archive_path, data)
    through = load_layered(bundled_archive_path, data, cache_dir=tmp_path / "cache")
    _same(through, plain)
    assert through.archive.item("note").title == "A note"
    assert any("duplicate id 'hrw-no-exit-2005'" in p.message for p in through.problems)


def test_a_start_reads_only_what_changed(tmp_path, reads):
    root = _messy(tmp_path / "a")
    cache = tmp_path / "cache"
    load_archive(root, check_files=False, cache_dir=cache)
    assert len(reads) == 6  # every sidecar once (not the hidden one)
    reads.clear()
    assert load_archive(root, check_files=False, cache_dir=cache).archive.item("report").title == "A report"
    assert reads == []

    _bump(root / "items" / "report.toml", 'id = "report"\nkind = "record"\ntitle = "Renamed report"\n')
    (root / "items" / "sub" / "gone.toml").unlink()
    (root / "items" / "new.toml").write_text('id = "new"\nkind = "record"\ntitle = "New"\n', encoding="utf-8")
    result = load_archive(root, check_files=False, cache_dir=cache)
    assert sorted(reads) == ["new.toml", "report.toml"]
    _same(result, load_archive(root, check_files=False))
    assert result.archive.item("report").title == "Renamed report"
    assert result.archive.item("gone") is None


def test_a_changed_timeline_is_read_again(tmp_path):
    root = write_archive(tmp_path / "a")
    cache = tmp_path / "cache"
    assert [e.id for e in load_archive(root, check_files=False, cache_dir=cache).archive.events] == ["built"]
    _bump(root / "timeline.toml", (root / "timeline.toml").read_text() + (
        '[[event]]\nid = "earlier"\ndate = "1985"\ntitle = "Earlier"\n[[event.citations]]\nitem = "doc"\nquote = "x"\n'))
    result = load_archive(root, check_files=False, cache_dir=cache)
    assert [e.id for e in result.archive.events] == ["earlier", "built"]
    _same(result, load_archive(root, check_files=False))


def test_signature_changes_with_any_change_and_only_then(tmp_path):
    root = write_archive(tmp_path / "a")
    cache = tmp_path / "cache"
    first = load_archive(root, check_files=False, cache_dir=cache).archive.signature
    assert first and load_archive(root, check_files=False, cache_dir=cache).archive.signature == first
    _bump(root / "items" / "report.toml", (root / "items" / "report.toml").read_text() + 'tags = ["x"]\n')
    second = load_archive(root, check_files=False, cache_dir=cache).archive.signature
    assert second != first
    _bump(root / "timeline.toml", (root / "timeline.toml").read_text() + "\n")
    assert load_archive(root, check_files=False, cache_dir=cache).archive.signature not in (first, second)
    shutil.rmtree(cache)  # built again from the same files: the same signature
    assert load_archive(root, check_files=False, cache_dir=cache).archive.signature not in (first, second, None)


def _many_items(root: Path, n: int) -> Path:
    write_archive(root)
    folder = root / "items" / "many"
    folder.mkdir()
    for i in range(n):
        kind = ("document", "image", "record")[i % 3]
        held = ""
        if kind != "record":
            name = f"f{i:04d}.{'txt' if kind == 'document' else 'jpg'}"
            (folder / name).write_bytes(b"x")
            held = f'file = "{name}"\nsha256 = "{i:064x}"\n'
        date = f'date = "{1990 + i % 7}-0{1 + i % 9}"\n' if i % 4 else ""
        (folder / f"i{i:04d}.toml").write_text(
            f'id = "i{i:04d}"\nkind = "{kind}"\n{held}title = "{"Zeta" if i % 2 else "alpha"} {i}"\n{date}'
            + ('caption = "A caption"\ntags = ["camp", "1986"]\n' if i % 5 == 0 else ""),
            encoding="utf-8")
    return root


def test_queries_answer_as_the_items_would(tmp_path):
    root = _many_items(tmp_path / "a", 60)
    mem = load_archive(root, check_files=False).archive
    cat = load_archive(root, check_files=False, cache_dir=tmp_path / "cache").archive
    assert type(cat.items).__name__ == "CatalogueItems"
    assert len(cat.items) == len(mem.items) == 62
    assert cat.counts() == mem.counts()
    for kind in (None, *ItemKind):
        assert cat.items.count(kind) == mem.items.count(kind)
        for order in ("file", "title", "date"):
            assert cat.items.ids(kind, order) == mem.items.ids(kind, order), (kind, order)
        assert cat.items.dated(kind) == mem.items.dated(kind)
        assert cat.items.rows(kind) == mem.items.rows(kind)
    assert cat.items.ids(order="title")[:4] == ["doc", "report", "i0000", "i0010"]  # case-folded, then by id
    assert cat.items.titles(["i0003", "nope", "i0001"]) == {"i0003": "Zeta 3", "i0001": "Zeta 1"}
    assert cat.items.titles() == mem.items.titles()
    assert cat.items.by_sha256() == mem.items.by_sha256()
    assert cat.items.files() == mem.items.files() and len(cat.items.files()) == 62
    assert next(r for r in cat.items.files() if r.id == "i0002") == ("i0002", root / "items" / "many" / "i0002.toml", None, "", None)
    assert cat.items.many(["i0005", "missing", "i0001"]) == [mem.item("i0005"), mem.item("i0001")]
    assert cat.items[3] == mem.items[3] and cat.items[-1] == mem.items[-1]
    assert cat.items[10:13] == mem.items[10:13]
    assert list(cat.of_kind(ItemKind.IMAGE)) == list(mem.of_kind(ItemKind.IMAGE))
    assert len(cat.of_kind(ItemKind.IMAGE)) == 20 and cat.of_kind(ItemKind.IMAGE) == mem.of_kind(ItemKind.IMAGE)
    assert "i0007" in cat and "nope" not in cat and cat.item("nope") is None
    assert cat.items == mem.items


def test_an_open_archive_is_a_snapshot(tmp_path):
    root = write_archive(tmp_path / "a")
    cache = tmp_path / "cache"
    before = load_archive(root, check_files=False, cache_dir=cache).archive
    _bump(root / "items" / "report.toml", 'id = "report"\nkind = "record"\ntitle = "Changed"\n')
    (root / "items" / "extra.toml").write_text('id = "extra"\nkind = "record"\ntitle = "Extra"\n')
    after = load_archive(root, check_files=False, cache_dir=cache).archive
    assert after.item("report").title == "Changed" and "extra" in after
    assert before.item("report").title == "A report" and "extra" not in before
    assert len(before.items) == 2 and len(after.items) == 3


@pytest.mark.parametrize("damage", ["garbage", "truncated", "zero-bytes", "other-database", "bad-rows",
                                    "a-folder"])
def test_a_damaged_catalogue_is_built_again_with_one_notice(tmp_path, damage):
    root = _messy(tmp_path / "a")
    cache = tmp_path / "cache"
    load_archive(root, check_files=False, cache_dir=cache)
    path = catalogue_path(cache, root)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    if damage == "garbage":
        path.write_bytes(os.urandom(50_000))
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:6000])
    elif damage == "zero-bytes":
        path.write_bytes(b"")
    elif damage == "other-database":
        path.unlink()
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE notes (x)")
    elif damage == "bad-rows":
        with sqlite3.connect(path) as db:
            db.execute("UPDATE bodies SET item = x'00112233'")
            db.execute("UPDATE wholes SET payload = x'80049501'")
    else:
        path.unlink()
        path.mkdir()
    result = load_archive(root, check_files=False, cache_dir=cache)
    _same(result, load_archive(root, check_files=False))
    assert result.archive.item("doc").title == "A document"
    if damage != "zero-bytes":  # an empty file is what a first open of SQLite leaves: nothing to say
        assert len(result.notices) == 1 and "damaged" in result.notices[0]
    assert load_archive(root, check_files=False, cache_dir=cache).notices == ()


def test_damage_found_while_reading_falls_back_to_the_files(tmp_path):
    root = _many_items(tmp_path / "a", 12)
    cache = tmp_path / "cache"
    load_archive(root, check_files=False, cache_dir=cache)
    archive = load_archive(root, check_files=False, cache_dir=cache).archive
    path = catalogue_path(cache, root)
    with path.open("r+b") as db:  # pages the open snapshot has not read yet: a disk going bad under it
        db.seek(4096)
        db.write(b"\xff" * (path.stat().st_size - 4096))
    assert archive.item("i0004").title == "alpha 4"
    assert len(list(archive.items)) == 14
    assert not catalogue_path(cache, root).exists()  # thrown away: the next start builds it again
    assert load_archive(root, check_files=False, cache_dir=cache).archive.item("i0004").title == "alpha 4"


def test_a_catalogue_of_another_loader_version_is_replaced_quietly(tmp_path, monkeypatch, reads):
    root = write_archive(tmp_path / "a")
    cache = tmp_path / "cache"
    load_archive(root, check_files=False, cache_dir=cache)
    reads.clear()
    monkeypatch.setattr(catalogue_mod, "version_key", lambda: "another version")
    result = load_archive(root, check_files=False, cache_dir=cache)
    assert sorted(reads) == ["doc.toml", "report.toml"] and result.notices == ()


def test_a_read_only_cache_still_opens_the_archive(tmp_path):
    root = write_archive(tmp_path / "a")
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    result = load_archive(root, check_files=False, cache_dir=blocked)
    _same(result, load_archive(root, check_files=False))


def test_validate_still_reads_every_held_file(tmp_path):
    root = write_archive(tmp_path / "a")
    cache = tmp_path / "cache"
    load_archive(root, check_files=False, cache_dir=cache)
    (root / "items" / "doc.txt").write_text("changed behind the sidecar's back")
    checked = load_archive(root, check_files=True, cache_dir=cache)  # check_files: the catalogue is not used
    assert any("checksum mismatch" in p.message for p in checked.errors)


def test_a_symlinked_held_file_inside_the_archive_is_accepted(tmp_path):
    outside = tmp_path / "photos" / "p.jpg"
    outside.parent.mkdir()
    outside.write_bytes(b"jpeg")
    root = write_archive(tmp_path / "a")
    (root / "items" / "p.jpg").symlink_to(outside)
    (root / "items" / "p.toml").write_text('id = "p"\nkind = "image"\nfile = "p.jpg"\ntitle = "P"\n'
                                           'format = "image/jpeg"\n')
    result = load_archive(root, check_files=False, cache_dir=tmp_path / "cache")
    assert result.archive.item("p").file == root.resolve() / "items" / "p.jpg"
    assert not result.errors


def test_many_sidecars_open_in_a_fraction_of_the_first_time(tmp_path, reads):
    """Not a timing test: counts what a warm start parses (nothing) against the first start (all)."""
    root = _many_items(tmp_path / "a", 300)
    cache = tmp_path / "cache"
    load_archive(root, check_files=False, cache_dir=cache)
    assert len(reads) == 302
    reads.clear()
    archive = load_archive(root, check_files=False, cache_dir=cache).archive
    assert reads == [] and archive.counts()["images"] == 100


def test_a_trusting_start_serves_the_catalogue_and_says_it_is_not_checked(tmp_path, reads):
    root = write_archive(tmp_path / "a")
    cache = tmp_path / "cache"
    assert load_archive(root, check_files=False, cache_dir=cache, trust=True).current  # no catalogue: a full load
    _bump(root / "items" / "report.toml", 'id = "report"\nkind = "record"\ntitle = "Edited in place"\n')
    reads.clear()
    trusted = load_archive(root, check_files=False, cache_dir=cache, trust=True)
    assert not trusted.current and reads == []
    assert trusted.archive.item("report").title == "A report"  # as catalogued
    checked = load_archive(root, check_files=False, cache_dir=cache)
    assert checked.current and checked.archive.item("report").title == "Edited in place"
    assert checked.archive.signature != trusted.archive.signature


def test_a_layer_that_came_or_went_is_never_served_from_trust(tmp_path, bundled_archive_path):
    data, cache = tmp_path / "data", tmp_path / "cache"
    layer = data / "imported" / "ashraf" / "items"
    layer.mkdir(parents=True)
    (layer / "note.toml").write_text('id = "note"\nkind = "record"\ntitle = "A note"\n')
    assert load_layered(bundled_archive_path, data, cache_dir=cache).archive.item("note") is not None
    shutil.rmtree(data / "imported")  # the user's layer removed while the app was closed
    trusted = load_layered(bundled_archive_path, data, cache_dir=cache, trust=True)
    assert trusted.current and trusted.archive.item("note") is None and not trusted.archive.layers
    layer.mkdir(parents=True)  # and back
    (layer / "other.toml").write_text('id = "other"\nkind = "record"\ntitle = "Other"\n')
    again = load_layered(bundled_archive_path, data, cache_dir=cache, trust=True)
    assert again.current and again.archive.item("other") is not None


def test_counts_ids_titles_and_dates_build_no_item(tmp_path, monkeypatch):
    """What the panels and `info` ask of a large archive is answered from SQL; an Item is built only for
    the ids asked for."""
    from ashraf_desktop.core.archive import _catalogue_items
    root = _many_items(tmp_path / "a", 90)
    archive = load_archive(root, check_files=False, cache_dir=tmp_path / "cache").archive
    built: list[str] = []
    real = _catalogue_items.CatalogueItems._decode
    monkeypatch.setattr(_catalogue_items.CatalogueItems, "_decode",
                        staticmethod(lambda blob: built.append("item") or real(blob)))
    assert archive.counts()["images"] == 30 and len(archive.items) == 92 and len(archive.of_kind(ItemKind.IMAGE)) == 30
    page = archive.items.ids(ItemKind.IMAGE, "title")[:10]
    assert len(archive.items.titles()) == 92 and len(archive.items.dated()) > 60 and archive.items.by_sha256()
    assert len(archive.items.rows(ItemKind.IMAGE)) == 30
    assert built == []
    assert [i.id for i in archive.items.many(page)] == page and len(built) == 10


@pytest.mark.parametrize("message", ["unable to open database file", "attempt to write a readonly database",
                                     "database or disk is full"])
def test_a_cache_that_cannot_be_written_reads_the_archive_directly(tmp_path, monkeypatch, message):
    """A read-only mount (root cannot write through it either) or a full disk: as SQLite reports them."""
    import errno
    root = write_archive(tmp_path / "a")
    cache = tmp_path / "cache"
    load_archive(root, check_files=False, cache_dir=cache)  # a catalogue exists, then the cache turns read-only

    def refuse(*_args, **_kwargs):
        raise sqlite3.OperationalError(message)

    def no_unlink(*_args, **_kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    real_access = os.access
    monkeypatch.setattr(catalogue_mod.sqlite3, "connect", refuse)
    monkeypatch.setattr(catalogue_mod.os, "unlink", no_unlink)
    monkeypatch.setattr(catalogue_mod.os, "access",
                        lambda p, mode, **kw: False if mode & os.W_OK else real_access(p, mode, **kw))
    result = load_archive(root, check_files=False, cache_dir=cache)
    _same(result, load_archive(root, check_files=False))
    assert result.notices == () and result.current
    assert load_archive(root, check_files=False, cache_dir=cache, trust=True).archive.item("doc") is not None


def test_a_command_says_once_that_a_damaged_catalogue_was_built_again(tmp_path, capsys):
    import json
    from ashraf_desktop.cli import main
    root = write_archive(tmp_path / "a")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "info", str(root), "--json"]) == 0
    assert capsys.readouterr().err == ""  # a first build is no news
    path = catalogue_path(data / "cache", root)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"garbage" * 1000)
    assert main(["--data-dir", str(data), "info", str(root), "--json"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["documents"] == 1
    assert out.err.count("damaged") == 1 and "Traceback" not in out.err
    assert main(["--data-dir", str(data), "info", str(root), "--json"]) == 0
    assert "damaged" not in capsys.readouterr().err


def test_a_sidecar_replaced_with_the_same_size_and_time_is_read_again(tmp_path, reads):
    """An editor that saves by renaming a new file into place, within the file system's time resolution (FAT
    keeps 2 s) and at the same length: only the inode tells."""
    root = write_archive(tmp_path / "a")
    cache = tmp_path / "cache"
    load_archive(root, check_files=False, cache_dir=cache)
    sidecar = root / "items" / "report.toml"
    old = sidecar.stat()
    text = sidecar.read_text().replace("A report", "B report")
    fresh = sidecar.with_name("report.toml.new")
    fresh.write_text(text)
    os.utime(fresh, ns=(old.st_atime_ns, old.st_mtime_ns))
    os.replace(fresh, sidecar)
    assert sidecar.stat().st_size == old.st_size and sidecar.stat().st_mtime_ns == old.st_mtime_ns
    reads.clear()
    assert load_archive(root, check_files=False, cache_dir=cache).archive.item("report").title == "B report"
    assert reads == ["report.toml"]


@pytest.fixture
def compared(monkeypatch):
    """The folders the refresh compares row by row (their digest of stats did not match their rows')."""
    seen: list[str] = []
    real = catalogue_mod._compare_folder

    def counting(conn, fid, prefix, stats):
        seen.append(prefix.replace("\x01", "/"))
        return real(conn, fid, prefix, stats)

    monkeypatch.setattr(catalogue_mod, "_compare_folder", counting)
    return seen


def test_an_unchanged_archive_compares_no_rows_and_an_edit_only_its_folder(tmp_path, compared, reads):
    """Every sidecar is stat'ed at every load (an edit in place shows nowhere else), but the rows of a folder
    are read only when its stats changed: at 100,000 items that comparison was half of `info`."""
    root = _many_items(tmp_path / "a", 30)
    (root / "items" / "other").mkdir()
    (root / "items" / "other" / "x.toml").write_text('id = "x"\nkind = "record"\ntitle = "X"\n', encoding="utf-8")
    cache = tmp_path / "cache"
    load_archive(root, check_files=False, cache_dir=cache)
    assert sorted(compared) == ["", "many/", "other/"]  # the first load: every folder is new
    compared.clear()
    reads.clear()
    assert len(load_archive(root, check_files=False, cache_dir=cache).archive.items) == 33
    assert compared == [] and reads == []

    sidecar = root / "items" / "many" / "i0007.toml"
    _bump(sidecar, sidecar.read_text().replace("Zeta 7", "Zeta seven"))  # an edit in place: the folder's time stays
    result = load_archive(root, check_files=False, cache_dir=cache)
    assert compared == ["many/"] and reads == ["i0007.toml"]
    assert result.archive.item("i0007").title == "Zeta seven"
    _same(result, load_archive(root, check_files=False))
    compared.clear()
    reads.clear()
    load_archive(root, check_files=False, cache_dir=cache)
    assert compared == [] and reads == []  # sealed again after the change

    shutil.rmtree(root / "items" / "other")  # a folder that went away: its rows go with it
    result = load_archive(root, check_files=False, cache_dir=cache)
    assert "x" not in result.archive and len(result.archive.items) == 32
    _same(result, load_archive(root, check_files=False))


def test_a_folders_digest_is_cleared_with_its_rows(tmp_path, compared):
    """A refresh killed after writing rows but before sealing their folders again leaves no digest that
    vouches for rows it does not describe: the next load compares those folders row by row."""
    root = _many_items(tmp_path / "a", 12)
    cache = tmp_path / "cache"
    load_archive(root, check_files=False, cache_dir=cache)
    sidecar = root / "items" / "many" / "i0003.toml"
    _bump(sidecar, sidecar.read_text().replace("Zeta 3", "Zeta three"))
    real_seal = catalogue_mod._seal_folders
    catalogue_mod._seal_folders = lambda conn, touched: None  # as if killed right after the rows' commit
    try:
        assert load_archive(root, check_files=False, cache_dir=cache).archive.item("i0003").title == "Zeta three"
    finally:
        catalogue_mod._seal_folders = real_seal
    conn = sqlite3.connect(catalogue_path(cache, root))
    assert conn.execute("SELECT digest FROM folders WHERE prefix = ?", ("many\x01",)).fetchone() == (None,)
    conn.close()
    compared.clear()
    assert load_archive(root, check_files=False, cache_dir=cache).archive.item("i0003").title == "Zeta three"
    assert compared == ["many/"]


def test_counts_and_problems_kept_for_a_generation_follow_every_change(tmp_path):
    """What a load works out from every row (counts, duplicates, problems, signature) is kept with the
    catalogue's generation and used again only while nothing changed."""
    root = _messy(tmp_path / "a")
    cache = tmp_path / "cache"
    first = load_archive(root, check_files=False, cache_dir=cache)
    again = load_archive(root, check_files=False, cache_dir=cache)
    _same(again, first)
    assert again.archive.counts() == first.archive.counts() == load_archive(root, check_files=False).archive.counts()
    (root / "items" / "another.toml").write_text('id = "another"\nkind = "record"\ntitle = "Another"\n',
                                                 encoding="utf-8")
    (root / "items" / "zdup2.toml").write_text('id = "note"\nkind = "document"\ntitle = "Dup"\n', encoding="utf-8")
    changed = load_archive(root, check_files=False, cache_dir=cache)
    plain = load_archive(root, check_files=False)
    _same(changed, plain)
    assert changed.archive.counts() == plain.archive.counts() != first.archive.counts()
    assert changed.archive.signature != first.archive.signature
    assert len(changed.archive.items) == len(plain.archive.items)


def test_file_rows_give_each_items_files_without_building_it(tmp_path, monkeypatch):
    """The fixity check and the importer's duplicate check read these rows for every item (issue 17)."""
    root = write_archive(tmp_path / "a")
    folder = root / "items" / "scans"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 not really")
    (folder / "scan.pdf.ocr.json").write_text("{}", encoding="utf-8")
    (folder / "scan.toml").write_text(
        'id = "scan"\nkind = "document"\ntitle = "A scan"\nfile = "scan.pdf"\nsha256 = "' + "AB" * 32 + '"\n'
        'format = "application/pdf"\n[text_layer]\nfile = "scan.pdf.ocr.json"\nsha256 = "' + "cd" * 32 + '"\n'
        'engine = "Tesseract 5.3.0"\n', encoding="utf-8")
    mem = load_archive(root, check_files=False).archive
    cat = load_archive(root, check_files=False, cache_dir=tmp_path / "cache").archive
    built = []
    monkeypatch.setattr(type(cat.items), "_decode", staticmethod(lambda blob: built.append(1)))
    rows = cat.items.files()
    assert built == [] and rows == mem.items.files()
    scan = next(r for r in rows if r.id == "scan")
    assert scan == ("scan", folder / "scan.toml", folder / "scan.pdf", "ab" * 32, folder / "scan.pdf.ocr.json")


def test_changes_since_a_token_name_exactly_what_changed(tmp_path):
    """What was made from an archive (the search index) keeps the archive's change token, and later asks what
    changed since: new, edited and deleted items and changed whole files, from SQLite, at the cost of the
    change (issue 17: an index that could not tell hashed all 100,000 items after every import)."""
    root = _many_items(tmp_path / "a", 20)
    cache = tmp_path / "cache"
    first = load_archive(root, check_files=False, cache_dir=cache).archive
    token = first.change_token
    assert token and load_archive(root, check_files=False, cache_dir=cache).archive.change_token == token
    assert first.changes_since(token) is not None and not first.changes_since(token)

    many = root / "items" / "many"
    _bump(many / "i0003.toml", (many / "i0003.toml").read_text().replace("Zeta 3", "Zeta three"))
    (many / "i0005.toml").unlink()
    (root / "items" / "new.toml").write_text('id = "new"\nkind = "record"\ntitle = "New"\n', encoding="utf-8")
    _bump(root / "timeline.toml", (root / "timeline.toml").read_text() + "\n")
    later = load_archive(root, check_files=False, cache_dir=cache).archive
    changes = later.changes_since(token)
    assert changes.items == {"i0003", "new"} and changes.removed == {"i0005"}
    assert changes.wholes == {"timeline.toml"}
    assert later.changes_since(later.change_token) == type(changes)()
    assert first.changes_since(later.change_token) is None  # a later state: not expressible backwards

    # a deleted row whose id another file also has: that item may now be the other one
    (many / "zz-dup.toml").write_text('id = "i0007"\nkind = "record"\ntitle = "Second i0007"\n', encoding="utf-8")
    before = load_archive(root, check_files=False, cache_dir=cache).archive
    (many / "i0007.toml").unlink()
    after = load_archive(root, check_files=False, cache_dir=cache).archive
    assert after.item("i0007").title == "Second i0007"
    assert after.changes_since(before.change_token).items == {"i0007"}
    assert after.changes_since(before.change_token).removed == set()

    shutil.rmtree(cache)  # a catalogue built again cannot tell what changed since a state of the old one
    assert load_archive(root, check_files=False, cache_dir=cache).archive.changes_since(token) is None
    assert load_archive(root, check_files=False).archive.change_token is None  # not catalogued: cannot tell
    assert after.changes_since("garbage") is None and after.changes_since("") is None


def test_a_token_older_than_the_kept_log_cannot_tell(tmp_path, monkeypatch):
    root = _many_items(tmp_path / "a", 6)
    cache = tmp_path / "cache"
    token = load_archive(root, check_files=False, cache_dir=cache).archive.change_token
    monkeypatch.setattr(catalogue_mod, "LOG_MAX", 1)
    for name in ("i0001.toml", "i0002.toml"):
        (root / "items" / "many" / name).unlink()
    later = load_archive(root, check_files=False, cache_dir=cache).archive
    assert later.changes_since(token) is None  # the log was started again: everything must be compared
    (root / "items" / "many" / "i0003.toml").unlink()
    assert load_archive(root, check_files=False, cache_dir=cache).archive.changes_since(later.change_token).removed \
        == {"i0003"}
