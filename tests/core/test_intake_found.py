"""Issue 18: dates and titles found (not typed), HEIC photos, and messages that explain."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from ashraf_desktop.core.archive import layer_root, load_layered
from ashraf_desktop.core.images import load_display
from ashraf_desktop.core.ingest import import_files
from ashraf_desktop.core.ingest.guess import date_from_name, guess, title_from_name

REPO = Path(__file__).resolve().parents[2]


def _import(tmp_path: Path, paths: list[Path]):
    data = tmp_path / "data"
    archive = load_layered(REPO / "archive", data).archive
    report = import_files(archive, layer_root(data, archive.collection.id), paths)
    return load_layered(REPO / "archive", data).archive, report


def test_an_iso_date_at_the_start_of_a_file_name_dates_the_item_and_leaves_the_title(tmp_path, shared_testdata):
    speech = shared_testdata / "corpus_dated" / "presidential-speeches" / "1789-04-30-first-inaugural-address.txt"
    archive, report = _import(tmp_path, [speech])
    item = archive.item(report.added[0].item_id)
    assert item.metadata.date == "1789-04-30" and item.title == "First inaugural address"
    assert "date 1789-04-30 from the file name" in report.added[0].message  # the report says where


@pytest.mark.parametrize("name, date, title", [
    ("1789-04-30-first-inaugural-address.txt", "1789-04-30", "First inaugural address"),
    ("2009-07_camp_report.pdf", "2009-07", "Camp report"),
    ("20130901 letter.txt", "2013-09-01", "Letter"),
    ("2013-02-30-no-such-day.txt", "", "2013-02-30-no-such-day"),  # not a date: the name stays the title
    ("2099-01-01-future.txt", "", "2099-01-01-future"),
    ("1000-reasons.txt", "", "1000-reasons"),
    ("report 2009.txt", "", "report 2009"),
])
def test_dates_in_file_names(name, date, title):
    assert date_from_name(Path(name))[0] == date
    assert title_from_name(Path(name)) == title


def test_a_name_date_wins_over_a_pdfs_creation_date_but_not_over_a_photos_exif(tmp_path, shared_testdata):
    pdf = tmp_path / "1986-05-01-letter.pdf"
    pdf.write_bytes((shared_testdata / "pdfs" / "pypdf" / "multilang.pdf").read_bytes())  # created 2022
    values, sources = guess(pdf)
    assert values["date"] == "1986-05-01" and sources["date"] == "the file name"
    photo = tmp_path / "2001-01-01-camera.jpg"
    photo.write_bytes((shared_testdata / "photos" / "exif-samples" / "cameras" / "Canon_40D.jpg").read_bytes())
    values, sources = guess(photo)
    assert values["date"] == "2008-05-30" and sources["date"] == "the photo's EXIF"


def test_a_heic_photo_imports_upright_with_its_date(tmp_path, shared_testdata):
    heic = shared_testdata / "photos" / "exif-samples" / "heic" / "iphone_13_pro_max.HEIC"
    archive, report = _import(tmp_path, [heic])
    assert [o.status for o in report.outcomes] == ["added"], report.outcomes
    item = archive.item(report.added[0].item_id)
    assert item.metadata.date == "2022-02-16" and item.metadata.format == "image/heic"
    assert "Apple iPhone 13 Pro Max" in item.metadata.description
    image, _info = load_display(item.file, (400, 400))
    assert image.height > image.width  # taken upright, shown upright


def _damaged_odt(source: Path, target: Path) -> Path:
    """An ODT whose ZIP directory says its entries start past the end of the file (the 'tagged.odt' of
    issue 18): reading a member seeks to an impossible offset and the system answers EINVAL."""
    data = bytearray(source.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    data[end + 16:end + 20] = struct.pack("<I", 0xFFFFFFF0)
    target.write_bytes(bytes(data))
    return target


def test_a_damaged_odt_is_refused_in_words_not_with_the_systems_invalid_argument(tmp_path, shared_testdata):
    odt = _damaged_odt(shared_testdata / "office" / "tika" / "testFooter.odt", tmp_path / "tagged.odt")
    _archive, report = _import(tmp_path, [odt])
    [outcome] = report.outcomes
    assert outcome.status == "failed" and outcome.path == odt
    assert "Invalid argument" not in outcome.message  # was: "it cannot be read (Invalid argument)"
    assert "damaged" in outcome.message and "save a new copy" in outcome.message
