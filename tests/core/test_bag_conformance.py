"""The Library of Congress BagIt conformance suite (tests/data/bagit-conformance, v0.97 and v1.0): the suite's
own classification is the expected result. Valid bags (and "warning" bags, valid with a remark) import
their payload as items; invalid ones (and the Linux-only invalid ones) are refused whole, with the reason.

Issue 18: before, every valid bag made by another tool was refused ("the bag's data/ folder is not an
Ashraf Archive"; 0 of the valid bags accepted) and a folder lacking bagit.txt was imported as loose files.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from ashraf_desktop.core.archive import layer_root, load_layered
from ashraf_desktop.core.ingest import import_files
from ashraf_desktop.core.integrity import import_bag, is_bag, validate_bag

REPO = Path(__file__).resolve().parents[2]
SUITE = REPO / "tests" / "data" / "bagit-conformance"
VALID = sorted(p for v in ("v0.97", "v1.0") for c in ("valid", "warning") for p in (SUITE / v / c).glob("*")
               if p.is_dir())
INVALID = sorted(p for v in ("v0.97", "v1.0") for c in ("invalid", "linux-only") for p in (SUITE / v / c).glob("*")
                 if p.is_dir())


def _name(path: Path) -> str:
    return str(path.relative_to(SUITE))


def _import(bag: Path, data: Path):
    archive = load_layered(REPO / "archive", data).archive
    return import_bag(bag, archive, layer_root(data, archive.collection.id)), archive


def test_the_suite_is_all_there():
    assert len(VALID) == 19 and len(INVALID) == 21  # 13 + 6 warning + 1 (v1.0); 11 + 6 Linux + 4


@pytest.mark.parametrize("bag", VALID, ids=_name)
def test_every_valid_bag_imports_its_payload(bag, tmp_path):
    report, _archive = _import(bag, tmp_path / "data")
    assert report.invalid == [] and not report.cancelled, report.invalid
    # every payload file became an item, or is named with its reason (an empty file, a system file)
    for outcome in report.failed:
        assert outcome.message and outcome.path.is_relative_to(bag)
    if "warning" not in bag.parts:
        assert report.added and not report.failed, report.as_json()
    layer = layer_root(tmp_path / "data", "ashraf")
    for outcome in report.added:
        sidecars = list((layer / "items").rglob("*.toml"))
        held = [s for s in sidecars if tomllib.loads(s.read_text(encoding="utf-8"))["id"] == outcome.item_id]
        assert len(held) == 1
        data = tomllib.loads(held[0].read_text(encoding="utf-8"))
        assert bag.name in data["tags"] and bag.name in held[0].parent.as_posix()  # one import, named
        assert (held[0].parent / data["file"]).read_bytes() == outcome.path.read_bytes()


@pytest.mark.parametrize("bag", INVALID, ids=_name)
def test_every_invalid_bag_is_refused_with_its_reason(bag, tmp_path):
    report, _archive = _import(bag, tmp_path / "data")
    assert report.invalid and not report.added
    assert [o.path for o in report.outcomes] == [bag] and "not valid" in report.outcomes[0].message
    assert validate_bag(bag) == report.invalid
    assert not (layer_root(tmp_path / "data", "ashraf") / "items").exists()  # nothing imported


@pytest.mark.parametrize("bag, words", [
    ("v0.97/invalid/corrupt-data-file", "data/bare-filename has changed since the bag was made"),
    ("v0.97/invalid/extra-file-in-bag", "data/bar is in the bag but not in its manifest"),
    ("v0.97/invalid/missing-baginfo", "bag-info.txt is listed in the bag's manifest but is missing"),
    ("v0.97/invalid/baginfo-missing-encoding", "Tag-File-Character-Encoding"),
    ("v0.97/invalid/bom-in-bagit.txt", "byte-order mark"),
    ("v0.97/invalid/invalid-version-number", "'BagIt-Version: .97'"),
    ("v0.97/invalid/missing-bagit.txt", "looks like a BagIt bag"),
    ("v0.97/linux-only/out-of-scope-file-paths-using-absolute-path", '"/tmp/foo" in manifest'),
    ("v1.0/invalid/bagit-with-invalid-whitespace", "'BagIt-Version : 1.0'"),
    ("v1.0/invalid/same-filename-listed-twice-with-the-same-hash", "lists data/README multiple times"),
])
def test_the_reasons_say_what_is_wrong_in_words(bag, words):
    reasons = validate_bag(SUITE / bag)
    assert any(words in r for r in reasons), reasons
    assert not any("/work/" in r or str(REPO) in r for r in reasons)  # no absolute paths of this machine


def test_bag_info_becomes_dublin_core_and_the_import_record(tmp_path):
    bag = tmp_path / "institution-bag"
    bag.mkdir()
    (bag / "letter.txt").write_text("Dear colleague, the letters of 1990 are enclosed.\n", encoding="utf-8")
    import bagit
    bagit.make_bag(str(bag), {"Source-Organization": "Library of Example", "External-Description": "Letters, 1990",
                              "External-Identifier": "ex:1990-letters", "Bagging-Date": "2019-05-02"})
    report, _ = _import(bag, tmp_path / "data")
    assert len(report.added) == 1, report.as_json()
    item = load_layered(REPO / "archive", tmp_path / "data").archive.item(report.added[0].item_id)
    assert item.metadata.publisher == ("Library of Example",)
    assert item.metadata.description == "Letters, 1990"
    assert item.metadata.identifier == ("ex:1990-letters",)
    assert "bagged 2019-05-02" in item.metadata.source and "institution-bag" in item.metadata.source
    assert any("bagged 2019-05-02" in note for note in report.notes)


def test_a_bag_whose_fetch_txt_lists_missing_files_is_incomplete_and_nothing_is_fetched(tmp_path):
    bag = tmp_path / "holey"
    shutil.copytree(SUITE / "v0.97" / "valid" / "holey-bag", bag)
    (bag / "data" / "test2.txt").unlink()
    (bag / "data" / "dir1" / "test3.txt").unlink()
    report, _ = _import(bag, tmp_path / "data")
    assert not report.added and len(report.invalid) == 1
    assert "incomplete: 2 files listed in its fetch.txt are not in it" in report.invalid[0]
    assert "data/dir1/test3.txt" in report.invalid[0] and "fetches nothing" in report.invalid[0]


def test_a_folder_that_looks_like_a_bag_is_named_as_such_not_imported_as_loose_files(tmp_path):
    folder = tmp_path / "almost-bag"
    shutil.copytree(SUITE / "v0.97" / "invalid" / "missing-bagit.txt", folder)
    assert is_bag(folder)
    data = tmp_path / "data"
    archive = load_layered(REPO / "archive", data).archive
    report = import_files(archive, layer_root(data, archive.collection.id), [folder])
    assert not report.added
    assert [o.status for o in report.outcomes] == ["failed"]
    assert "looks like a BagIt bag" in report.outcomes[0].message and "bagit.txt" in report.outcomes[0].message


def test_importing_the_same_bag_twice_adds_nothing_the_second_time(tmp_path):
    bag = SUITE / "v0.97" / "valid" / "basic-bag"
    first, _ = _import(bag, tmp_path / "data")
    second, _ = _import(bag, tmp_path / "data")
    assert first.added and not second.added and len(second.duplicates) == len(first.added)
