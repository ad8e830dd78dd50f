"""Importing each real test-data folder (../shared/testdata/{office,pdfs,html,photos}) gives the expected counts,
a reason for every file refused, and items that load and validate. The broken files are broken on purpose
(see each folder's PROVENANCE.txt): a password-protected DOCX and ODT, an RTF, an EPUB, damaged PDFs, a
truncated JPEG and PNG, a decompression bomb, HEIC photos (readable only with the optional pillow-heif)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ashraf_desktop.core.images import AVIF_UNSUPPORTED, avif_available, heif_available
from ashraf_desktop.core.ingest import import_files
from ashraf_desktop.core.archive import layer_root, load_layered
from archive_builder import write_archive

HEIC = "HEIC/HEIF photo: this copy of the app cannot decode it"
# folder -> (added, duplicates, {failed file: what its message says})
EXPECTED = {
    "office": (13, 0, {
        "tika/testComment.rtf": "an RTF document, which the archive does not hold: save it as .docx, .odt or PDF",
        "tika/testEPUB.epub": "an EPUB e-book, which the archive does not hold",
        "tika/testODTEncrypted.odt": "password-protected (encrypted)",
        "tika/testWORD_protected_passtika.docx": "password-protected (encrypted)",
    }),
    "html": (15, 0, {}),
    "pdfs": (95, 0, {
        "ocrmypdf/invalid.pdf": "the PDF is damaged or incomplete",
        "qpdf-malformed/issue-100.pdf": "the PDF is damaged or incomplete",
        "qpdf-malformed/issue-119.pdf": "the PDF is damaged or incomplete",
        "qpdf-malformed/bad-content.pdf": "not a PDF (the file is unreadable binary data",
        "py-pdf-sample-files/files.json": "a text file of a kind the archive does not keep as a document (.json)",
    }),
    "photos": (99, 0, {
        "pillow/broken.png": "damaged: named .png but its contents are not a readable PNG image",
        "pillow/decompression_bomb.gif": "image too large to open safely",
        "pillow/truncated_image.png": "the file is cut short",
        "pillow/truncated_jpeg.jpg": "the file is cut short",
        "exif-samples/heic/iphone_13_pro_max.HEIC": HEIC,
        "pillow/avif/hopper.heif": HEIC,
    }),
}


@pytest.mark.parametrize("folder", sorted(EXPECTED))
def test_import_a_testdata_folder(shared_testdata: Path, tmp_path: Path, folder: str) -> None:
    root = write_archive(tmp_path / "archive")
    data = tmp_path / "data"
    archive = load_layered(root, data).archive
    layer = layer_root(data, archive.collection.id)
    source = shared_testdata / folder
    added, duplicates, failures = EXPECTED[folder]
    if heif_available():  # with the optional pillow-heif, HEIC photos are photos like any other
        heic = [name for name, message in failures.items() if message == HEIC]
        failures = {k: v for k, v in failures.items() if k not in heic}
        added += len(heic)
    if folder == "photos" and not avif_available():  # a Pillow without AVIF, as in the packaged app
        avif = {"pillow/avif/exif.avif", "pillow/avif/xmp_tags_orientation.avif"}
        failures = {**failures, **{name: AVIF_UNSUPPORTED for name in avif}}
        added -= len(avif)
    report = import_files(archive, layer, [source])
    failed = {o.path.relative_to(source).as_posix(): o.message for o in report.failed}
    assert set(failed) == set(failures), failed
    for name, message in failures.items():
        assert message in failed[name], (name, failed[name])
    assert len(report.duplicates) == duplicates
    assert len(report.added) == added, report.summary()
    assert not report.cancelled and not report.not_started
    result = load_layered(root, data, check_files=True)  # what `validate` does
    assert result.ok, [str(p) for p in result.errors][:5]
    imported = [i for i in result.archive.items if result.archive.layer_of(i) is not None]
    assert len(imported) == added
    assert {o.item_id for o in report.added} == {i.id for i in imported}
    if folder == "pdfs":
        encrypted = [o for o in report.added if "encrypted: its text cannot be searched" in o.message]
        assert len(encrypted) == 11  # imported: the viewer opens them with their password
        scans = [o for o in report.added if "no text layer" in o.message]
        assert len(scans) >= 10
