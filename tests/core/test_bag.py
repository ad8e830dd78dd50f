"""BagIt export, validation and import (docs/integrity.md): bags that ``bagit`` accepts, tampering caught
with a clear message, export -> import round trips, re-import as duplicates, selections, annotations,
cancel without a half bag, and the commands ``export bag`` and ``validate-bag``."""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
from pathlib import Path

import bagit
import pytest

from ashraf_desktop import __version__
from ashraf_desktop.cli import main
from ashraf_desktop.core.annotations import DB_NAME, AnnotationStore, text_selector
from ashraf_desktop.core.integrity import (BagExportError, ExportCancelled, annotations_for_export, export_bag, import_bag,
                                     validate_bag)
from ashraf_desktop.core.archive import ensure_layer, layer_root, load_layered, write_item
from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.core.integrity.metadata_export import read_dublin_core_csv, read_dublin_core_jsonld
from ashraf_desktop.paths import user_dirs

from archive_builder import write_archive

LAYER_TEXT = "A note the archivist imported. Camp Ashraf is in Diyala.\n".encode("utf-8")


@pytest.fixture
def source(tmp_path, bundled_archive_path):
    """(archive root, data folder): a copy of the bundled archive with one item in the user's layer."""
    root = tmp_path / "archive"
    shutil.copytree(bundled_archive_path, root)
    data = tmp_path / "source-data"
    archive = load_archive(root, check_files=False).archive
    layer = ensure_layer(layer_root(data, archive.collection.id), archive)
    (tmp_path / "note.txt").write_bytes(LAYER_TEXT)
    write_item(layer, "notes", {"id": "imported-note", "kind": "document", "title": "Imported note",
                                "creator": ["An archivist"], "date": "2024-05", "format": "text/plain",
                                "sha256": hashlib.sha256(LAYER_TEXT).hexdigest(), "tags": ["mine"]},
               tmp_path / "note.txt", "نامه.txt")  # a held file named in Persian
    return root, data


def _load(root: Path, data: Path | None):
    return load_layered(root, data).archive


def _snapshot(archive) -> dict:
    """What must survive a round trip: id, kind, Dublin Core metadata, tags, caption, file bytes."""
    return {item.id: (str(item.kind), item.metadata, item.tags, item.caption, item.sha256,
                      item.file.read_bytes() if item.file else None) for item in archive.items}


def test_exported_bag_is_valid_for_bagit_and_for_us(source, tmp_path):
    root, data = source
    archive = _load(root, data)
    bag = export_bag(archive, tmp_path / "bag", annotations_jsonld='{"type": "AnnotationCollection"}')
    bagit.Bag(str(bag)).validate()  # the library's own full validation (every checksum)
    assert validate_bag(bag) == []
    payload = bag / "data"
    for name in ("collection.toml", "timeline.toml", "facts.toml", "annotations.jsonld",
                 "metadata/dublin-core.csv", "metadata/dublin-core.jsonld"):
        assert (payload / name).is_file(), name
    assert (payload / "timeline.toml").read_bytes() == (root / "timeline.toml").read_bytes()
    for item in archive.items:  # sidecars and held files byte for byte
        if archive.layer_of(item) is None:
            rel = item.sidecar.relative_to(root)
            assert (payload / rel).read_bytes() == item.sidecar.read_bytes()
        if item.file is not None and archive.layer_of(item) is None:
            assert (payload / item.file.relative_to(root.resolve())).read_bytes() == item.file.read_bytes()
    held = payload / "items" / "imported" / "notes" / "نامه.txt"
    assert held.read_bytes() == LAYER_TEXT
    info = bagit.Bag(str(bag)).info
    assert info["Bag-Software-Agent"] == f"Ashraf Archive {__version__}"
    assert info["Source-Organization"] == "Ashraf Archive project"
    for key in ("Bagging-Date", "External-Description", "Payload-Oxum"):
        assert info[key]
    assert (bag / "bagit.txt").read_text() == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    assert {p.name for p in bag.iterdir()} == {"bagit.txt", "bag-info.txt", "manifest-sha256.txt",
                                               "tagmanifest-sha256.txt", "data"}
    # the payload is an archive the app opens as it is; its metadata exports describe it
    loaded = load_archive(payload)
    assert loaded.ok, loaded.problems
    assert _snapshot(loaded.archive) == _snapshot(archive)
    rows = read_dublin_core_csv((payload / "metadata/dublin-core.csv").read_text(encoding="utf-8"))
    assert {r["id"] for r in rows} == {i.id for i in archive.items}
    assert "items/imported/notes/نامه.txt" in {r.get("file") for r in rows}
    jsonld = read_dublin_core_jsonld((payload / "metadata/dublin-core.jsonld").read_text(encoding="utf-8"))
    assert len(jsonld) == len(archive.items)


def test_sha512_manifests_on_request(source, tmp_path):
    bag = export_bag(_load(*source), tmp_path / "bag", algorithms=("sha512",))
    assert (bag / "manifest-sha256.txt").is_file() and (bag / "manifest-sha512.txt").is_file()
    assert sorted(bagit.Bag(str(bag)).algorithms) == ["sha256", "sha512"]
    bagit.Bag(str(bag)).validate()
    with pytest.raises(BagExportError, match="unsupported checksum md5"):
        export_bag(_load(*source), tmp_path / "bag2", algorithms=("md5",))


def test_refuses_a_non_empty_destination_but_takes_an_empty_one(source, tmp_path):
    archive = _load(*source)
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("mine")
    with pytest.raises(BagExportError, match="not empty"):
        export_bag(archive, full)
    assert [p.name for p in full.iterdir()] == ["keep.txt"]
    (tmp_path / "afile").write_text("x")
    with pytest.raises(BagExportError, match="is a file"):
        export_bag(archive, tmp_path / "afile")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert validate_bag(export_bag(archive, empty)) == []


@pytest.mark.parametrize("after", [1, 5, 9])
def test_cancel_leaves_no_half_bag(source, tmp_path, after):
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > after

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportCancelled):
        export_bag(_load(*source), out / "bag", cancelled=cancelled)
    assert list(out.iterdir()) == []  # neither the bag nor its hidden work folder


def test_a_changed_held_file_stops_the_export(source, tmp_path):
    root, data = source
    (root / "items/documents/about-camp-ashraf.txt").write_bytes(b"changed")
    out = tmp_path / "out"
    with pytest.raises(BagExportError, match="about-camp-ashraf.txt has changed since it was described"):
        export_bag(_load(root, data), out / "bag")
    assert list(out.iterdir()) == []


def test_tampered_bags_fail_with_messages_naming_the_file(source, tmp_path):
    bag = export_bag(_load(*source), tmp_path / "bag")
    doc = bag / "data/items/documents/about-camp-ashraf.txt"
    original = doc.read_bytes()
    doc.write_bytes(original.replace(b"Ashraf", b"Ashrif", 1))  # same size: only checksums see it
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(bag)).validate()
    problems = validate_bag(bag)
    assert any("data/items/documents/about-camp-ashraf.txt has changed since the bag was made" in p
               for p in problems), problems
    doc.write_bytes(original + b"more")  # a different size: bagit stops at the Payload-Oxum; we still name it
    problems = validate_bag(bag)
    assert any("Payload-Oxum" in p for p in problems)
    assert any("about-camp-ashraf.txt has changed" in p for p in problems)
    doc.write_bytes(original)
    assert validate_bag(bag) == []
    (bag / "data/items/extra.txt").write_text("added later")
    assert any("data/items/extra.txt is in the bag but not in its manifest" in p for p in validate_bag(bag))
    (bag / "data/items/extra.txt").unlink()
    doc.unlink()
    assert any("about-camp-ashraf.txt is listed in the bag's manifest but is missing" in p for p in validate_bag(bag))


def test_not_a_bag_and_not_our_archive(tmp_path):
    assert "is not a folder" in validate_bag(tmp_path / "nothing")[0]
    (tmp_path / "plain").mkdir()
    assert "is not a BagIt bag" in validate_bag(tmp_path / "plain")[0]
    other = tmp_path / "other"
    (other / "stuff").mkdir(parents=True)
    (other / "stuff" / "a.txt").write_text("a")
    bagit.make_bag(str(other))  # a valid bag from another tool
    assert validate_bag(other) == []  # issue 18: "the bag's data/ folder is not an Ashraf Archive" was wrong


def test_a_bag_whose_sidecar_does_not_describe_its_file_is_invalid(source, tmp_path):
    bag = export_bag(_load(*source), tmp_path / "bag")
    # re-made with a valid manifest, but the file no longer matches its sidecar's sha256
    doc = bag / "data/items/documents/about-camp-ashraf.txt"
    doc.write_bytes(b"other content")
    b = bagit.Bag(str(bag))
    b.save(manifests=True)
    assert b.is_valid()
    problems = validate_bag(bag)
    assert any("does not match its sidecar (item 'about-camp-ashraf')" in p for p in problems), problems


def test_export_then_import_into_another_archive_reproduces_the_items(source, tmp_path):
    root, data = source
    archive = _load(root, data)
    bag = export_bag(archive, tmp_path / "bag")
    other_root = write_archive(tmp_path / "other")
    other_data = tmp_path / "other-data"
    other = _load(other_root, other_data)
    layer = layer_root(other_data, other.collection.id)
    added_ids = []
    report = import_bag(bag, other, layer, on_added=added_ids.append)
    assert report.failed == [] and not report.invalid
    assert sorted(added_ids) == sorted(i.id for i in archive.items)
    assert len(report.added) == len(archive.items) == 7
    after = _load(other_root, other_data)
    expected = _snapshot(archive)
    got = {k: v for k, v in _snapshot(after).items() if k in expected}
    assert got == expected  # identical sha256, bytes and metadata
    assert after.item("imported-note").file.name == "نامه.txt"
    assert report.notes and "timeline" in report.notes[0]  # the events stay in the bag, and it says so
    # and again: everything is a duplicate, nothing is written
    files_before = sorted(p for p in layer.rglob("*"))
    again = import_bag(bag, after, layer)
    assert len(again.duplicates) == 7 and again.added == [] and again.failed == []
    assert sorted(p for p in layer.rglob("*")) == files_before


def test_reimporting_a_bag_of_the_same_archive_adds_nothing(source, tmp_path):
    root, data = source
    archive = _load(root, data)
    bag = export_bag(archive, tmp_path / "bag")
    layer = layer_root(data, archive.collection.id)
    progress = []
    report = import_bag(bag, archive, layer, progress=lambda d, t, n: progress.append((d, t)))
    assert len(report.duplicates) == len(archive.items) and not report.added and not report.failed
    assert report.notes == []  # the same timeline
    assert progress[-1][0] == progress[-1][1] and all(d <= t for d, t in progress)
    assert report.summary().startswith("0 added, 7 duplicates skipped, 0 failed")


def test_conflicts_and_duplicates_by_content(source, tmp_path):
    root, data = source
    archive = _load(root, data)
    bag = export_bag(archive, tmp_path / "bag", item_ids=["about-camp-ashraf", "imported-note"])
    # the target: same id with other content, and the layer note's bytes under another id
    target_root = write_archive(tmp_path / "t", text="Other text\n")
    (target_root / "items" / "doc.toml").write_text(
        (target_root / "items" / "doc.toml").read_text().replace('id = "doc"', 'id = "about-camp-ashraf"'))
    (target_root / "timeline.toml").unlink()
    (target_root / "items" / "copy.txt").write_bytes(LAYER_TEXT)
    (target_root / "items" / "copy.toml").write_text(
        f'id = "copy"\nkind = "document"\nfile = "copy.txt"\nsha256 = "{hashlib.sha256(LAYER_TEXT).hexdigest()}"\n'
        'title = "Same bytes"\nformat = "text/plain"\n')
    target = _load(target_root, None)
    assert load_archive(target_root).ok
    report = import_bag(bag, target, tmp_path / "layer")
    [conflict] = report.failed
    assert conflict.message.startswith("conflict: the archive already has an item 'about-camp-ashraf'")
    [dup] = report.duplicates
    assert dup.item_id == "copy" and "already in the archive as 'copy'" in dup.message
    assert not (tmp_path / "layer" / "items").exists() or not any((tmp_path / "layer" / "items").rglob("*.toml"))


def test_an_invalid_bag_is_refused_whole(source, tmp_path):
    archive = _load(*source)
    bag = export_bag(archive, tmp_path / "bag")
    (bag / "data/items/documents/brief-history-of-ashraf-city.txt").write_bytes(b"tampered")
    other_root = write_archive(tmp_path / "other")
    layer = tmp_path / "layer"
    report = import_bag(bag, _load(other_root, None), layer)
    assert report.invalid and report.added == []
    [failed] = report.failed
    assert failed.path == bag and "the bag is not valid" in failed.message
    assert "brief-history-of-ashraf-city.txt" in " ".join(report.invalid)
    assert not layer.exists()
    assert report.summary().startswith("the bag is not valid, nothing was imported")
    json.dumps(report.as_json())


def test_import_cancel_stops_between_items(source, tmp_path):
    bag = export_bag(_load(*source), tmp_path / "bag")
    other_root = write_archive(tmp_path / "other")
    state = {"items": 0}

    def on_added(_):
        state["items"] += 1

    report = import_bag(bag, _load(other_root, None), tmp_path / "layer", on_added=on_added,
                        cancelled=lambda: state["items"] >= 2)
    assert report.cancelled and len(report.added) == 2 and len(report.not_started) == 5
    assert len(report.retry_paths()) == 5


def test_selection_bag_keeps_only_the_events_and_facts_citing_it(source, tmp_path):
    root, data = source
    archive = _load(root, data)
    picked = ["about-camp-ashraf", "hrw-no-exit-2005"]
    bag = export_bag(archive, tmp_path / "sel", item_ids=picked)
    assert validate_bag(bag) == []
    bagit.Bag(str(bag)).validate()
    loaded = load_archive(bag / "data")  # checks every quote verbatim too
    assert loaded.ok, loaded.problems
    sub = loaded.archive
    assert sorted(i.id for i in sub.items) == sorted(picked)
    expected_events = {e.id for e in archive.events if "about-camp-ashraf" in e.cited_items()}
    assert {e.id for e in sub.events} == expected_events and expected_events
    assert all(set(e.cited_items()) <= set(picked) for e in sub.events)
    assert {f.id for f in sub.facts} == {f.id for f in archive.facts
                                         if any(c.citation.item in picked for c in f.claims)}
    # the record's mentions of items outside the selection were dropped, the rest of its sidecar kept
    record = tomllib.loads((bag / "data/items/records/hrw-no-exit-2005.toml").read_text(encoding="utf-8"))
    assert "mentioned_in" not in record and record["title"] == archive.item("hrw-no-exit-2005").title
    # the document's sidecar is byte for byte
    assert (bag / "data/items/documents/about-camp-ashraf.toml").read_bytes() == \
        (root / "items/documents/about-camp-ashraf.toml").read_bytes()
    rows = read_dublin_core_csv((bag / "data/metadata/dublin-core.csv").read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in rows) == sorted(picked)
    with pytest.raises(BagExportError, match="not in the archive: 'nope'"):
        export_bag(archive, tmp_path / "bad", item_ids=["nope"])
    assert not (tmp_path / "bad").exists()


def _annotate(db: Path, collection: str, item: str, text: str, note: str) -> str:
    with AnnotationStore(db) as store:
        start = text.index("Camp Ashraf")
        return store.create(collection, item, "note", text=text_selector(text, start, start + 11),
                            body=note).after.id


def test_annotations_travel_with_the_bag(source, tmp_path):
    root, data = source
    archive = _load(root, data)
    db = data / DB_NAME
    doc_text = archive.item("about-camp-ashraf").file.read_text(encoding="utf-8")
    kept = _annotate(db, "ashraf", "about-camp-ashraf", doc_text, "See [the note](item:imported-note)")
    other = _annotate(db, "ashraf", "imported-note", LAYER_TEXT.decode(), "Mine")
    text = annotations_for_export(db, archive, ["about-camp-ashraf"])
    assert kept in text and other not in text  # a selection carries its items' annotations only
    bag = export_bag(archive, tmp_path / "bag", annotations_jsonld=annotations_for_export(db, archive))
    assert validate_bag(bag) == []
    # into another archive and data folder: the annotations now point at that archive's items
    other_root = write_archive(tmp_path / "other")
    other_data = tmp_path / "other-data"
    target = _load(other_root, other_data)
    other_db = other_data / DB_NAME
    report = import_bag(bag, target, layer_root(other_data, "test"), annotations_db=other_db)
    assert sorted(report.annotations.added) == sorted([kept, other])
    with AnnotationStore(other_db, read_only=True) as store:
        moved = store.query(collection_id="test")
    assert {a.item_id for a in moved} == {"about-camp-ashraf", "imported-note"}
    again = import_bag(bag, _load(other_root, other_data), layer_root(other_data, "test"), annotations_db=other_db)
    assert again.added == [] and sorted(again.annotations.unchanged) == sorted([kept, other])
    assert "annotations: 0 added" in again.summary()
    assert annotations_for_export(tmp_path / "no.sqlite", archive) is None


# --- the commands ------------------------------------------------------------------------------------------


def run_cli(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_export_bag_and_validate(source, tmp_path, capsys):
    root, data = source
    cli_data = tmp_path / "cli-data"
    shutil.copytree(data, user_dirs(cli_data).data)  # the layer where the CLI looks for it
    base = ("--data-dir", cli_data, "--archive", root)
    code, out, err = run_cli(capsys, *base, "export", "bag", tmp_path / "bag")
    assert code == 0 and out.startswith(f"Bag written: {tmp_path / 'bag'} (7 items") and err == ""
    assert (tmp_path / "bag/data/items/imported/notes/نامه.txt").is_file()
    assert not (tmp_path / "bag/data/annotations.jsonld").exists()  # no annotations database yet
    code, out, _ = run_cli(capsys, "validate-bag", tmp_path / "bag")
    assert code == 0 and out.startswith("OK:")
    code, out, err = run_cli(capsys, *base, "export", "bag", tmp_path / "bag")
    assert code == 1 and "not empty" in err and "Traceback" not in err
    code, out, _ = run_cli(capsys, *base, "export", "bag", tmp_path / "sel", "--items", "about-camp-ashraf",
                           "--sha512", "--json")
    summary = json.loads(out)
    assert code == 0 and summary["items"] == 1 and summary["selection"] and (tmp_path / "sel/manifest-sha512.txt").is_file()
    code, _, err = run_cli(capsys, *base, "export", "bag", tmp_path / "x", "--items", "nope")
    assert code == 2 and "not in the archive: 'nope'" in err and not (tmp_path / "x").exists()
    (tmp_path / "bag/data/collection.toml").write_text("tampered")
    code, out, err = run_cli(capsys, "validate-bag", tmp_path / "bag", "--json")
    result = json.loads(out)
    assert code == 1 and not result["ok"] and any("collection.toml" in p for p in result["problems"])
    code, out, err = run_cli(capsys, "validate-bag", tmp_path / "bag")
    assert code == 1 and out.startswith("error: ") and "INVALID" in err


def test_cli_export_bag_with_annotations(source, tmp_path, capsys):
    root, data = source
    cli_data = tmp_path / "cli-data"
    archive = _load(root, data)
    text = archive.item("about-camp-ashraf").file.read_text(encoding="utf-8")
    _annotate(user_dirs(cli_data).data / DB_NAME, "ashraf", "about-camp-ashraf", text, "a note")
    code, out, _ = run_cli(capsys, "--data-dir", cli_data, "--archive", root, "export", "bag", tmp_path / "bag")
    assert code == 0 and "with annotations" in out
    assert "a note" in (tmp_path / "bag/data/annotations.jsonld").read_text(encoding="utf-8")
    code, out, _ = run_cli(capsys, "--data-dir", cli_data, "--archive", root, "export", "bag", tmp_path / "b2",
                           "--no-annotations")
    assert code == 0 and not (tmp_path / "b2/data/annotations.jsonld").exists()


def test_annotations_on_a_conflicting_item_are_left_out(source, tmp_path):
    root, data = source
    archive = _load(root, data)
    db = data / DB_NAME
    _annotate(db, "ashraf", "about-camp-ashraf", archive.item("about-camp-ashraf").file.read_text(encoding="utf-8"),
              "on the document")
    bag = export_bag(archive, tmp_path / "bag", item_ids=["about-camp-ashraf"],
                     annotations_jsonld=annotations_for_export(db, archive, ["about-camp-ashraf"]))
    target_root = write_archive(tmp_path / "t", text="Other text about Camp Ashraf\n")
    doc = target_root / "items" / "doc.toml"
    doc.write_text(doc.read_text().replace('id = "doc"', 'id = "about-camp-ashraf"'))
    (target_root / "timeline.toml").unlink()
    report = import_bag(bag, _load(target_root, None), tmp_path / "layer", annotations_db=tmp_path / "a.sqlite")
    assert len(report.failed) == 1 and report.annotations.added == []
    assert any("1 annotation on items of the bag that were not imported" in n for n in report.notes)


def test_is_bag(source, tmp_path):
    from ashraf_desktop.core.integrity import is_bag
    assert is_bag(export_bag(_load(*source), tmp_path / "bag"))
    assert not is_bag(tmp_path) and not is_bag(tmp_path / "bag" / "bagit.txt")
