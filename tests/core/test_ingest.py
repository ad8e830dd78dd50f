"""Importing files into the user's layer (core.ingest): what is taken, what is refused and why, duplicates,
names in any script, cancel, metadata guesses and the Dublin Core form's checks. Files are made here."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest

from ashraf_desktop.core.archive import layers
from ashraf_desktop.core.ingest import (collect, import_files, prefill, sniff, update_metadata, validate_field)
from ashraf_desktop.core.ingest import importer
from ashraf_desktop.core.archive import layer_root, load_layered
from archive_builder import write_archive
from test_office import make_docx, make_odt, zip_bomb_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"


# --- files for the tests ---------------------------------------------------------------------------------


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(path: Path, text: str = "Camp Ashraf was handed over in 2009.", *, title: str = "",
             author: str = "", created: str = "") -> Path:
    """A one-page PDF with a text layer (Helvetica) and an Info dictionary, written by hand."""
    stream = f"BT /F1 12 Tf 72 720 Td {_pdf_string(text)} Tj ET".encode("latin-1")
    info = " ".join(f"/{k} {_pdf_string(v)}" for k, v in (("Title", title), ("Author", author),
                                                        ("CreationDate", created)) if v)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< {info} >>".encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def make_jpeg(path: Path, *, color=(200, 30, 30), camera: str = "", taken: str = "") -> Path:
    from PIL import Image
    image = Image.new("RGB", (64, 48), color)
    exif = Image.Exif()
    if camera:
        exif[0x010F], exif[0x0110] = camera.split()[0], camera
    if taken:
        exif.get_ifd(0x8769)[0x9003] = taken
    image.save(path, "JPEG", exif=exif)
    return path


@pytest.fixture
def setup(tmp_path):
    """(archive, layer, data_dir, archive root): a small archive and its (not yet created) user layer."""
    root = write_archive(tmp_path / "archive")
    data = tmp_path / "data"
    archive = load_layered(root, data).archive
    return archive, layer_root(data, archive.collection.id), data, root


def _reload(setup):
    _, _, data, root = setup
    return load_layered(root, data, check_files=True)


def _by_name(report):
    return {o.path.name: o for o in report.outcomes}


# --- sniff / collect ---------------------------------------------------------------------------------------


def test_sniff_by_content_not_name(tmp_path):
    assert sniff(make_pdf(tmp_path / "report.pdf")) == ("document", "application/pdf")
    assert sniff(make_pdf(tmp_path / "report.txt")) == ("document", "application/pdf")
    assert sniff(make_docx(tmp_path / "w.docx")) == ("document", DOCX)
    assert sniff(make_odt(tmp_path / "o.odt")) == ("document", ODT)
    assert sniff(make_jpeg(tmp_path / "photo.png")) == ("image", "image/jpeg")
    (tmp_path / "page.php").write_text("<!DOCTYPE html><html><title>T</title></html>")
    assert sniff(tmp_path / "page.php") == ("document", "text/html")
    (tmp_path / "notes.md").write_text("# Notes\n")
    assert sniff(tmp_path / "notes.md") == ("document", "text/markdown")
    (tmp_path / "README").write_text("plain words\n")
    assert sniff(tmp_path / "README") == ("document", "text/plain")
    (tmp_path / "data.json").write_text('{"a": 1}')
    assert sniff(tmp_path / "data.json") is None
    (tmp_path / "fake.pdf").write_text("<html><head><title>403 Forbidden</title></head></html>")
    assert sniff(tmp_path / "fake.pdf") is None
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 8)
    assert sniff(tmp_path / "blob.bin") is None
    assert sniff(tmp_path / "missing.pdf") is None


def test_collect_walks_sorted_skips_hidden_and_sidecars(tmp_path):
    top = tmp_path / "chosen"
    (top / "b").mkdir(parents=True)
    (top / ".git").mkdir()
    (top / ".git" / "config").write_text("x")
    (top / ".hidden.txt").write_text("x")
    (top / "Thumbs.db").write_bytes(b"x")
    (top / "~$draft.docx").write_bytes(b"x")
    (top / "z.txt").write_text("z")
    (top / "a.txt").write_text("a")
    (top / "a.toml").write_text('id = "a"')  # an archive's sidecar beside its file
    (top / "b" / "c.txt").write_text("c")
    files, problems = collect([top])
    assert [p.relative_to(top).as_posix() for p in files] == ["a.txt", "b/c.txt", "z.txt"]
    assert problems == []


def test_collect_reports_missing_and_broken_links(tmp_path):
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere.pdf")
    files, problems = collect([tmp_path / "missing.pdf", tmp_path / "dangling"])
    assert files == []
    assert "does not exist" in problems[0].message
    assert "broken link" in problems[1].message


def test_unreadable_folder_is_a_failed_outcome(tmp_path, monkeypatch):
    top = tmp_path / "chosen"
    (top / "locked").mkdir(parents=True)
    (top / "ok.txt").write_text("fine")
    real = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    monkeypatch.setattr("ashraf_desktop.core.ingest.walk.os.scandir", scandir)
    files, problems = collect([top])
    assert [p.name for p in files] == ["ok.txt"]
    assert problems[0].path.name == "locked" and problems[0].status == "failed"
    assert "cannot be opened: permission denied" in problems[0].message


# --- import ----------------------------------------------------------------------------------------------


def test_import_documents_and_images(setup, tmp_path):
    archive, layer, data, root = setup
    src = tmp_path / "in"
    src.mkdir()
    make_pdf(src / "handover.pdf", title="Security handed over", author="A. Writer",
             created="D:20090220120000+03'00'")
    make_docx(src / "letter.docx", ["Dear residents of Ashraf."], title="A letter")
    make_odt(src / "brief.odt", ["Kurz und knapp."], title="Ein Bericht")
    make_jpeg(src / "camp.jpg", camera="Canon EOS 40D", taken="2011:09:01 10:00:00")
    (src / "notes.md").write_text("# Field notes\n\nWritten at the gate.\n", encoding="utf-8")
    (src / "page.html").write_text("<html lang='ar'><head><title>صفحة</title></head><body>نص</body></html>",
                                   encoding="utf-8")
    added: list[str] = []
    steps: list[tuple[int, int, str]] = []
    report = import_files(archive, layer, [src], on_added=added.append,
                          progress=lambda d, t, n: steps.append((d, t, n)))
    assert report.summary() == "6 added, 0 duplicates skipped, 0 failed", [o.message for o in report.outcomes]
    assert steps[0] == (0, 6, "brief.odt") and steps[-1] == (6, 6, "")
    assert sorted(added) == sorted(o.item_id for o in report.added)
    result = _reload(setup)
    assert result.ok, result.problems
    items = {i.id: i for i in result.archive.items}
    pdf = items["handover"]
    assert pdf.title == "Security handed over" and pdf.metadata.creator == ("A. Writer",)
    assert pdf.metadata.date == "2009-02-20" and pdf.metadata.format == "application/pdf"
    assert pdf.file.read_bytes() == (src / "handover.pdf").read_bytes()
    assert pdf.sha256 == hashlib.sha256(pdf.file.read_bytes()).hexdigest()
    assert pdf.sidecar.parent.relative_to(layer / "items").as_posix().startswith("imported/")
    assert result.archive.layer_of(pdf) == layer
    assert items["letter"].metadata.format == DOCX and items["letter"].title == "A letter"
    assert items["brief"].metadata.format == ODT and items["brief"].title == "Ein Bericht"
    photo = items["camp"]
    assert photo.kind.value == "image" and photo.metadata.date == "2011-09-01"
    assert "Canon EOS 40D" in photo.metadata.description and photo.metadata.type == "StillImage"
    assert items["notes"].title == "Field notes" and items["notes"].metadata.format == "text/markdown"
    assert items["page"].metadata.language == ("ar",) and items["page"].title == "صفحة"
    assert (layer / "collection.toml").is_file()  # the layer is a valid archive by itself


def test_duplicates_same_file_twice_under_two_names_and_already_held(setup, tmp_path):
    archive, layer, data, root = setup
    pdf = make_pdf(tmp_path / "a.pdf")
    copy = tmp_path / "copy of a.pdf"
    copy.write_bytes(pdf.read_bytes())
    held = root / "items" / "doc.txt"  # the archive's own document
    report = import_files(archive, layer, [pdf, pdf, copy, held])
    outcomes = report.outcomes
    assert [o.status for o in outcomes] == ["added", "duplicate", "duplicate", "duplicate"]
    assert outcomes[1].item_id == outcomes[0].item_id == outcomes[2].item_id == "a"
    assert "imported just before as “a” (a)" in outcomes[2].message
    assert outcomes[3].item_id == "doc"
    assert outcomes[3].message == "the same file is already in the archive: “A document” (doc)"
    again = import_files(_reload(setup).archive, layer, [copy])  # a later import sees the layer's items
    assert again.outcomes[0].status == "duplicate" and again.outcomes[0].item_id == "a"


def test_mislabelled_files(setup, tmp_path):
    archive, layer, *_ = setup
    (tmp_path / "report.pdf").write_text("<!DOCTYPE html><html><head><title>403 Forbidden</title></head>"
                                         "<body>Forbidden</body></html>")
    (tmp_path / "letter.docx").write_text("Not a Word document at all.\n")
    make_jpeg(tmp_path / "scan.png")
    make_pdf(tmp_path / "noextension")
    report = import_files(archive, layer, [tmp_path / n for n in ("report.pdf", "letter.docx", "scan.png",
                                                                  "noextension")])
    out = _by_name(report)
    assert out["report.pdf"].status == "failed"
    assert out["report.pdf"].message.startswith(
        "not a PDF (the file is a web page (HTML) titled “403 Forbidden”), although it is named .pdf")
    assert "rename it to .html" in out["report.pdf"].message
    assert out["letter.docx"].status == "failed"
    assert out["letter.docx"].message.startswith("not a Word document (the file is plain text)")
    assert out["scan.png"].status == "added"
    assert "named .png but it is a JPEG image" in out["scan.png"].message
    assert out["noextension"].status == "added"
    items = {i.id: i for i in _reload(setup).archive.items}
    assert items["scan"].file.name == "scan.jpg" and items["scan"].metadata.format == "image/jpeg"
    assert items["noextension"].file.name == "noextension.pdf"
    assert "“scan.png”" in items["scan"].metadata.source  # the original name is kept in the metadata


def test_docx_zip_bomb_is_refused(setup, tmp_path):
    archive, layer, *_ = setup
    report = import_files(archive, layer, [zip_bomb_docx(tmp_path / "bomb.docx", 64)])
    outcome = report.outcomes[0]
    assert outcome.status == "failed" and "zip bomb" in outcome.message
    assert not list((layer / "items").rglob("*.docx")) if (layer / "items").exists() else True


def test_symlink_out_of_the_chosen_folder_is_not_followed(setup, tmp_path):
    archive, layer, *_ = setup
    outside = make_pdf(tmp_path / "secret.pdf", "outside words")
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    make_pdf(chosen / "inside.pdf", "inside words")
    (chosen / "escape.pdf").symlink_to(outside)
    (chosen / "escape-dir").symlink_to(tmp_path, target_is_directory=True)
    (chosen / "alias.pdf").symlink_to(chosen / "inside.pdf")  # inside: followed, and a duplicate
    report = import_files(archive, layer, [chosen])
    out = _by_name(report)
    assert out["escape.pdf"].status == "failed" and "outside the chosen folder" in out["escape.pdf"].message
    assert out["escape-dir"].status == "failed" and "not followed" in out["escape-dir"].message
    assert out["inside.pdf"].status == "added"
    assert out["alias.pdf"].status == "duplicate"
    assert [i.title for i in _reload(setup).archive.items if _reload(setup).archive.layer_of(i)] == ["inside"]


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_unreadable_files(setup, tmp_path):
    archive, layer, *_ = setup
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    os.mkfifo(chosen / "pipe.pdf")
    make_pdf(chosen / "fine.pdf")
    paths = [chosen]
    locked = chosen / "locked.pdf"
    if os.geteuid() != 0:  # root reads any file whatever its mode; the FIFO covers "unreadable" there
        make_pdf(locked, "locked")
        locked.chmod(0)
    report = import_files(archive, layer, paths)
    out = _by_name(report)
    assert out["pipe.pdf"].status == "failed" and "named pipe" in out["pipe.pdf"].message
    assert out["fine.pdf"].status == "added"
    if os.geteuid() != 0:
        assert out["locked.pdf"].status == "failed" and "permission denied" in out["locked.pdf"].message


def test_empty_and_unknown_files(setup, tmp_path):
    archive, layer, *_ = setup
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "archive.7z").write_bytes(b"7z\xbc\xaf\x27\x1c" + b"\0" * 50)
    (tmp_path / "macro.rtf").write_text("{\\rtf1\\ansi hello}")
    report = import_files(archive, layer, [tmp_path / "empty.txt", tmp_path / "archive.7z", tmp_path / "macro.rtf"])
    out = _by_name(report)
    assert out["empty.txt"].message == "the file is empty (0 bytes)"
    assert out["archive.7z"].message.startswith("a 7-Zip archive, which the archive does not hold")
    assert "save it as .docx, .odt or PDF" in out["macro.rtf"].message
    assert all(o.status == "failed" for o in report.outcomes)


def test_an_avif_photo_is_refused_with_a_reason_where_there_is_no_avif_codec(setup, tmp_path, monkeypatch):
    """The packaged app has no AVIF codec (build.spec): importing an AVIF says so, and keeps nothing of it."""
    from PIL import Image

    from ashraf_desktop.core.images import AVIF_UNSUPPORTED, avif_available
    archive, layer, *_ = setup
    photo = tmp_path / "gate 2012.avif"
    photo.write_bytes(b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf\x00\x00\x00\x10meta" + bytes(8))
    assert sniff(photo) == ("image", "image/avif")  # it is known for what it is
    Image.init()  # as in the bundle: no AVIF plugin registered
    monkeypatch.setattr(Image, "ID", [name for name in Image.ID if name != "AVIF"])
    monkeypatch.delitem(Image.OPEN, "AVIF", raising=False)
    assert not avif_available()
    report = import_files(archive, layer, [photo, make_jpeg(tmp_path / "gate.jpg")])
    out = _by_name(report)
    assert out["gate 2012.avif"].status == "failed" and out["gate 2012.avif"].message == AVIF_UNSUPPORTED
    assert "AVIF images are not supported by this build" in out["gate 2012.avif"].message
    assert out["gate.jpg"].status == "added"
    assert not list(layer.rglob("*.avif"))


def test_persian_and_arabic_file_names(setup, tmp_path):
    archive, layer, *_ = setup
    persian = tmp_path / "گزارش اردوگاه اشرف ۱۳۸۸.txt"
    persian.write_text("متن گزارش درباره اردوگاه اشرف\n", encoding="utf-8")
    arabic = make_pdf(tmp_path / "تقرير مخيم أشرف.pdf", "Ashraf report")
    mixed = tmp_path / "Ashraf گزارش.md"
    mixed.write_text("# عنوان\n", encoding="utf-8")
    report = import_files(archive, layer, [persian, arabic, mixed])
    assert [o.status for o in report.outcomes] == ["added"] * 3, [o.message for o in report.outcomes]
    result = _reload(setup)
    assert result.ok, result.problems
    items = {i.file.name: i for i in result.archive.items if result.archive.layer_of(i)}
    assert set(items) == {persian.name, arabic.name, mixed.name}  # names kept as they were
    assert items[persian.name].title == "گزارش اردوگاه اشرف ۱۳۸۸"
    assert items[mixed.name].id == "ashraf" and items[mixed.name].title == "عنوان"
    for item in items.values():
        assert layers.ID_PATTERN.match(item.id)


def test_cancel_half_way(setup, tmp_path):
    archive, layer, *_ = setup
    for n in range(6):
        (tmp_path / f"note-{n}.txt").write_text(f"note number {n}\n")
    seen: list[str] = []
    report = import_files(archive, layer, sorted(tmp_path.glob("note-*.txt")),
                          on_added=seen.append, cancelled=lambda: len(seen) >= 3)
    assert report.cancelled
    assert len(report.added) == 3 and [p.name for p in report.not_started] == ["note-3.txt", "note-4.txt",
                                                                              "note-5.txt"]
    assert report.retry_paths() == report.not_started
    assert "cancelled with 3 not started" in report.summary()
    assert len([i for i in _reload(setup).archive.items if i.id.startswith("note-")]) == 3


def test_a_file_changing_during_the_import_fails_cleanly(setup, tmp_path, monkeypatch):
    archive, layer, *_ = setup
    pdf = make_pdf(tmp_path / "growing.pdf")
    monkeypatch.setattr(importer, "sha256_of", lambda path: "0" * 64)  # as if the bytes changed after hashing
    report = import_files(archive, layer, [pdf])
    assert report.outcomes[0].status == "failed"
    assert "changed while it was being imported" in report.outcomes[0].message
    leftovers = [p for p in (layer / "items").rglob("*") if p.is_file()]
    assert leftovers == []


def test_write_item_hash_mismatch_and_cancel_leave_nothing(tmp_path):
    layer = layers.ensure_layer(tmp_path / "layer")
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(3 << 20))
    with pytest.raises(layers.SourceChangedError):
        layers.write_item(layer, "x", {"id": "a", "kind": "document", "title": "A"}, source,
                          expected_sha256="f" * 64)
    with pytest.raises(layers.CopyCancelled):
        layers.write_item(layer, "x", {"id": "a", "kind": "document", "title": "A"}, source,
                          cancelled=lambda: True)
    assert [p for p in (layer / "items").rglob("*") if p.is_file()] == []
    sidecar = layers.write_item(layer, "x", {"id": "a", "kind": "document", "title": "A"}, source,
                                expected_sha256=hashlib.sha256(source.read_bytes()).hexdigest())
    assert sidecar.name == "big.toml" and (sidecar.parent / "big.bin").is_file()
    assert layers.orphans(layer) == []
    (sidecar.parent / "stray.bin").write_bytes(b"x")
    assert [p.name for p in layers.orphans(layer)] == ["stray.bin"]


def test_a_broken_file_does_not_stop_the_others(setup, tmp_path, monkeypatch):
    archive, layer, *_ = setup
    good = make_pdf(tmp_path / "good.pdf", "good")
    bad = make_pdf(tmp_path / "bad.pdf", "bad")
    real = importer.guess

    def exploding(path):
        if path.name == "bad.pdf":
            raise RuntimeError("boom")
        return real(path)
    monkeypatch.setattr(importer, "guess", exploding)
    report = import_files(archive, layer, [bad, good])
    assert [o.status for o in report.outcomes] == ["failed", "added"]
    assert "unexpected problem" in report.outcomes[0].message and "boom" in report.outcomes[0].message


def test_batch_metadata(setup, tmp_path):
    archive, layer, *_ = setup
    a, b = make_pdf(tmp_path / "a.pdf", "one"), make_pdf(tmp_path / "b.pdf", "two")
    report = import_files(archive, layer, [a, b], metadata={"date": "2009-07~", "subject": ["Camp Ashraf"],
                                                            "creator": "UNAMI", "tags": "batch"})
    assert len(report.added) == 2
    for item in (i for i in _reload(setup).archive.items if i.id in ("a", "b")):
        assert item.metadata.date == "2009-07~" and item.metadata.subject == ("Camp Ashraf",)
        assert item.metadata.creator == ("UNAMI",) and item.tags == ("batch",)
    with pytest.raises(ValueError, match="date: not a valid EDTF date"):
        import_files(archive, layer, [a], metadata={"date": "July 2009"})


def test_the_same_id_is_never_given_twice(setup, tmp_path):
    archive, layer, *_ = setup
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    make_pdf(tmp_path / "one" / "doc.pdf", "first")  # "doc" is taken by the archive itself
    make_pdf(tmp_path / "two" / "doc.pdf", "second")
    report = import_files(archive, layer, [tmp_path / "one", tmp_path / "two"])
    assert [o.item_id for o in report.added] == ["doc-2", "doc-3"]
    result = _reload(setup)
    assert result.ok, result.problems
    names = sorted(i.file.name for i in result.archive.items if result.archive.layer_of(i))
    assert names == ["doc-2.pdf", "doc.pdf"]


# --- prefill ----------------------------------------------------------------------------------------------


def test_prefill_guesses(tmp_path):
    pdf = prefill(make_pdf(tmp_path / "x.pdf", title="Microsoft Word - report.docx", author="anonymous",
                           created="D:00000101000000Z"))
    assert pdf == {"title": "x", "format": "application/pdf", "type": "Text"}  # junk info is not taken
    docx = prefill(make_docx(tmp_path / "w.docx", title="Letter", author="Writer", language="fa_IR"))
    assert docx["title"] == "Letter" and docx["creator"] == ["Writer"] and docx["language"] == "fa-IR"
    assert docx["date"] == "2011-09-01"
    (tmp_path / "front.md").write_text("---\ntitle: From the front matter\nauthor: Someone\ndate: 2012-02\n---\n"
                                       "# A heading\n", encoding="utf-8")
    md = prefill(tmp_path / "front.md")
    assert md["title"] == "From the front matter" and md["date"] == "2012-02" and md["creator"] == ["Someone"]
    future = prefill(make_jpeg(tmp_path / "clock.jpg", taken="2099:01:01 00:00:00"))
    assert "date" not in future  # a camera clock set wrong
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage")
    assert prefill(tmp_path / "broken.pdf")["title"] == "broken"
    assert prefill(tmp_path / "missing.docx") == {"title": "missing"}


# --- the Dublin Core form -------------------------------------------------------------------------------


def test_validate_field():
    assert validate_field("date", "2009-07~") is None
    assert validate_field("date", "") is None
    assert "not a valid EDTF date" in validate_field("date", "July 2009")
    assert "EDTF date such as" in validate_field("date", "July 2009")
    assert validate_field("language", ["fa", "en-GB"]) is None
    assert "not a language tag" in validate_field("language", "Persian")
    assert validate_field("title", "") == "a title is required"
    assert validate_field("title", "  ") == "a title is required"
    assert "never changes" in validate_field("id", "x")
    assert "unknown field" in validate_field("titel", "x")
    assert "DCMI types" in validate_field("type", "Photo")
    assert validate_field("type", "StillImage") is None
    assert validate_field("creator", ["A", 3]) == "creator must be text or a list of texts"
    assert "found from the file" in validate_field("format", "text/plain")


def test_update_metadata(setup, tmp_path):
    archive, layer, *_ = setup
    import_files(archive, layer, [make_pdf(tmp_path / "a.pdf", "one"), make_pdf(tmp_path / "b.pdf", "two")])
    archive = _reload(setup).archive
    assert update_metadata(archive, ["a", "b"], {"date": "2011-09~", "language": ["FA"],
                                                 "description": ""}) == ["a", "b"]
    archive = _reload(setup).archive
    assert archive.item("a").metadata.date == "2011-09~" and archive.item("b").metadata.language == ("fa",)
    with pytest.raises(ValueError, match="date: .*not a valid EDTF"):
        update_metadata(archive, ["a"], {"date": "Sept 2011"})
    with pytest.raises(layers.ReadOnlyItemError):
        update_metadata(archive, ["a", "doc"], {"title": "New"})
    assert _reload(setup).archive.item("a").title == "a"  # nothing written when one item is read-only
    with pytest.raises(ValueError, match="no item with id"):
        update_metadata(archive, ["nope"], {"title": "x"})


def test_never_a_half_item_on_disk_error(setup, tmp_path, monkeypatch):
    archive, layer, *_ = setup
    pdf = make_pdf(tmp_path / "a.pdf")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(layers, "_write_temp", full)
    report = import_files(archive, layer, [pdf])
    assert report.outcomes[0].status == "failed" and "disk" in report.outcomes[0].message
    assert [p for p in (layer / "items").rglob("*") if p.is_file()] == []
