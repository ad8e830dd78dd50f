"""Image core: safe opening with reasons, EXIF orientation by pixels, draft decoding, EXIF summary, cache."""

from __future__ import annotations

import csv
import os
import shutil
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat
from PIL.JpegImagePlugin import JpegImageFile

from ashraf_desktop.core.images import (AVIF_UNSUPPORTED, ImageProblem, ProblemKind, ThumbnailCache, Thumbnailer,
                                        avif_available, exif_summary, heif_available, load_display, load_frames,
                                        make_thumbnail, probe)
from ashraf_desktop.core.archive import sha256_of
RED, GREEN, BLUE, WHITE = (230, 20, 20), (20, 200, 20), (20, 20, 230), (245, 245, 245)
T = Image.Transpose
# stored = inverse(display transform) applied to the upright picture
_TO_STORED = {1: None, 2: T.FLIP_LEFT_RIGHT, 3: T.ROTATE_180, 4: T.FLIP_TOP_BOTTOM, 5: T.TRANSPOSE,
              6: T.ROTATE_90, 7: T.TRANSVERSE, 8: T.ROTATE_270}


def upright_picture() -> Image.Image:
    """120x80, landscape, red top-left, green top-right, blue bottom-left, white bottom-right."""
    im = Image.new("RGB", (120, 80), WHITE)
    im.paste(RED, (0, 0, 60, 40))
    im.paste(GREEN, (60, 0, 120, 40))
    im.paste(BLUE, (0, 40, 60, 80))
    return im


def near(pixel, colour, tolerance=60) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour))


def save_oriented(path: Path, orientation: int, fmt: str = "JPEG") -> Path:
    upright = upright_picture()
    method = _TO_STORED[orientation]
    stored = upright.transpose(method) if method is not None else upright
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored.save(path, fmt, exif=exif.tobytes(), **({"quality": 95} if fmt == "JPEG" else {}))
    return path


# -- orientation --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt,suffix", [("JPEG", "jpg"), ("WEBP", "webp"), ("PNG", "png"), ("TIFF", "tif")])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_gives_an_upright_thumbnail(tmp_path, orientation, fmt, suffix):
    path = save_oriented(tmp_path / f"o{orientation}.{suffix}", orientation, fmt)
    thumb, info = make_thumbnail(path, 60)
    assert info.orientation == orientation
    assert (info.width, info.height) == (120, 80)
    assert thumb.size == (60, 40), "upright pictures are landscape"
    rgb = thumb.convert("RGB")
    assert near(rgb.getpixel((5, 5)), RED), f"orientation {orientation}: top-left is {rgb.getpixel((5, 5))}"
    assert near(rgb.getpixel((54, 5)), GREEN)
    assert near(rgb.getpixel((5, 34)), BLUE)
    display, _ = load_display(path, (1000, 1000))
    assert display.size == (120, 80) and near(display.convert("RGB").getpixel((3, 3)), RED)


def test_real_camera_orientations_match_the_upright_original(shared_testdata):
    folder = shared_testdata / "photos" / "orientation"
    for kind in ("Landscape", "Portrait"):
        reference, _ = make_thumbnail(folder / f"{kind}_1.jpg", 96)
        mirrored = reference.transpose(T.FLIP_LEFT_RIGHT)
        for n in range(0, 9):
            thumb, _ = make_thumbnail(folder / f"{kind}_{n}.jpg", 96)
            assert thumb.size == reference.size, f"{kind}_{n}"
            diff = sum(ImageStat.Stat(ImageChops.difference(reference, thumb)).mean)
            wrong = sum(ImageStat.Stat(ImageChops.difference(mirrored, thumb)).mean)
            assert diff < 10 < wrong, f"{kind}_{n}.jpg is not upright (diff {diff:.1f}, mirrored {wrong:.1f})"


def test_tiff_orientation_is_not_applied_twice(shared_testdata):
    folder = shared_testdata / "photos" / "pillow"
    reference, _ = make_thumbnail(folder / "g4_orientation_1.tif", 128)
    for n in (2, 3, 4, 5, 6, 8):
        thumb, _ = make_thumbnail(folder / f"g4_orientation_{n}.tif", 128)
        assert thumb.size == reference.size
        assert sum(ImageStat.Stat(ImageChops.difference(reference, thumb)).mean) < 10, n


# -- every real file: a picture or a reason, never an exception -----------------------------------------------
EXPECTED_PROBLEMS = {
    "pillow/broken.png": ProblemKind.CORRUPT,
    "pillow/decompression_bomb.gif": ProblemKind.TOO_LARGE,
    "pillow/truncated_image.png": ProblemKind.TRUNCATED,
    "pillow/truncated_jpeg.jpg": ProblemKind.TRUNCATED,
}
HEIF_FILES = {"pillow/avif/hopper.heif", "exif-samples/heic/iphone_13_pro_max.HEIC"}
AVIF_FILES = {"pillow/avif/exif.avif", "pillow/avif/xmp_tags_orientation.avif"}


def test_every_file_in_shared_photos_gives_a_thumbnail_or_its_own_reason(shared_testdata):
    root = shared_testdata / "photos"
    with (root / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        manifest = {row["path"]: row for row in csv.DictReader(handle, delimiter="\t")}
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix not in (".tsv", ".txt"))
    assert len(files) == len(manifest)
    messages = {}
    for path in files:
        rel = path.relative_to(root).as_posix()
        expected = EXPECTED_PROBLEMS.get(rel)
        if rel in HEIF_FILES and not heif_available() or rel in AVIF_FILES and not avif_available():
            expected = ProblemKind.NEEDS_PLUGIN
        try:
            thumb, info = make_thumbnail(path, 128)
            exif_summary(path)
        except ImageProblem as problem:
            assert expected is not None, f"{rel} should open: {problem.message}"
            assert problem.kind is expected, f"{rel}: {problem.kind} {problem.message}"
            assert path.name in problem.message and problem.reason
            messages[rel] = problem.message
            continue
        assert expected is None, f"{rel} should fail with {expected}"
        assert thumb.mode in ("RGB", "RGBA") and max(thumb.size) <= 128 and min(thumb.size) >= 1
        assert manifest[rel]["load_result"] == "ok"
    assert len(set(messages.values())) == len(messages), "each file has its own message"
    assert "image too large to open safely (4,365 megapixels" in messages["pillow/decompression_bomb.gif"]


def test_broken_exif_is_a_warning_not_a_failure(shared_testdata):
    thumb, info = make_thumbnail(shared_testdata / "photos" / "pillow" / "truncated_end_chunk.png", 64)
    assert thumb.size == (64, 64)
    assert any("EXIF" in w for w in info.warnings)


def test_zero_byte_missing_folder_and_unknown_files(tmp_path):
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    text = tmp_path / "notes.txt"
    text.write_text("not a picture at all", encoding="utf-8")
    pdf = tmp_path / "scan.jpg"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    folder = tmp_path / "folder.png"
    folder.mkdir()
    cases = {empty: (ProblemKind.EMPTY, "empty (0 bytes)"), text: (ProblemKind.UNKNOWN_FORMAT, "not an image"),
             pdf: (ProblemKind.UNKNOWN_FORMAT, "PDF"), folder: (ProblemKind.UNREADABLE, "not a regular file"),
             tmp_path / "gone.jpg": (ProblemKind.MISSING, "missing")}
    for path, (kind, words) in cases.items():
        with pytest.raises(ImageProblem) as caught:
            make_thumbnail(path, 64)
        assert caught.value.kind is kind and words in caught.value.reason and path.name in str(caught.value)


def test_decompression_bomb_guard_follows_max_image_pixels(tmp_path, monkeypatch):
    path = tmp_path / "big.png"
    Image.new("RGB", (2000, 1500)).save(path)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)  # we refuse at 2x, as Pillow does
    with pytest.raises(ImageProblem) as caught:
        probe(path)
    assert caught.value.kind is ProblemKind.TOO_LARGE
    assert caught.value.reason.startswith("image too large to open safely (3 megapixels")


def test_truncated_jpeg_made_here_is_reported(tmp_path):
    good = tmp_path / "good.jpg"
    upright_picture().resize((800, 600)).save(good, quality=90)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(good.read_bytes()[:4000])
    with pytest.raises(ImageProblem) as caught:
        make_thumbnail(cut, 128)
    assert caught.value.kind is ProblemKind.TRUNCATED and "cut.jpg" in caught.value.message


# -- decoding cost, pages, frames -----------------------------------------------------------------------------
def test_a_12_megapixel_jpeg_is_not_fully_decoded_for_a_thumbnail(tmp_path, monkeypatch):
    path = tmp_path / "big.jpg"
    upright_picture().resize((4000, 3000)).save(path, quality=80)
    decoded_sizes = []
    original_load = JpegImageFile.load

    def spy(self):
        decoded_sizes.append(self.size)
        return original_load(self)

    monkeypatch.setattr(JpegImageFile, "load", spy)
    thumb, info = make_thumbnail(path, 256)
    assert thumb.size == (256, 192) and (info.width, info.height) == (4000, 3000)
    assert decoded_sizes and decoded_sizes[0][0] <= 1000, f"decoded at {decoded_sizes[0]} for a 256 px thumbnail"
    # DCT scaling stops at twice the box (1/4 here, not 1/8), as vipsthumbnail's shrink-on-load does
    assert decoded_sizes[0][0] >= 2 * 256


def test_progressive_jpegs_are_decoded_one_large_one_at_a_time(tmp_path, monkeypatch):
    import threading
    import time
    from ashraf_desktop.core.images import _render
    progressive, baseline = tmp_path / "progressive.jpg", tmp_path / "baseline.jpg"
    picture = upright_picture().resize((2400, 1800))
    picture.save(progressive, quality=80, progressive=True, subsampling=0)
    picture.save(baseline, quality=80)
    with Image.open(progressive) as im:
        full = im.size
        im.draft("RGB", (512, 512))
        # every coefficient is held whatever the draft scale: 2 bytes x 3 components x the full size
        assert _render.decode_memory(im, full) == 2400 * 1800 * 3 * 2
    with Image.open(baseline) as im:
        im.draft("RGB", (512, 512))
        assert _render.decode_memory(im, full) == im.width * im.height * 3 < _render._GATE_MIN  # not held back
    monkeypatch.setattr(_render, "_GATE_MIN", 1 << 20)
    monkeypatch.setattr(_render, "DECODE_MEMORY_BUDGET", 30 << 20)  # room for one 26 MB decode at a time
    running, most, seen = [0], [0], set()
    original_load = JpegImageFile.load

    def slow_load(self):
        if id(self) in seen:  # a later load() of an image already decoded (thumbnail() calls it again)
            return original_load(self)
        seen.add(id(self))
        running[0] += 1
        most[0] = max(most[0], running[0])
        time.sleep(0.05)
        try:
            return original_load(self)
        finally:
            running[0] -= 1

    monkeypatch.setattr(JpegImageFile, "load", slow_load)
    threads = [threading.Thread(target=make_thumbnail, args=(progressive, 128)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert most[0] == 1
    # small decodes are not held back
    most[0] = 0
    threads = [threading.Thread(target=make_thumbnail, args=(baseline, 128)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert most[0] >= 1


def test_the_memory_release_starts_no_process_to_find_the_c_library(monkeypatch):
    import importlib
    import subprocess

    from ashraf_desktop.core.images import _memory

    def no_process(*args, **kwargs):
        raise AssertionError(f"a process started at import: {args}")
    monkeypatch.setattr(subprocess, "Popen", no_process)  # ctypes.util.find_library runs `ldconfig -p`
    importlib.reload(_memory)
    if sys.platform.startswith("linux") and os.confstr("CS_GNU_LIBC_VERSION"):
        assert _memory._trim is not None and _memory.release_decode_memory(20_000_000) is True


def test_release_decode_memory_is_safe_anywhere():
    from ashraf_desktop.core.images import release_decode_memory
    assert release_decode_memory(100) is False  # a small image: nothing to give back
    assert release_decode_memory(20_000_000) in (True, False)  # False where there is no malloc_trim


def test_multi_page_tiff_pages(tmp_path):
    path = tmp_path / "scan.tif"
    pages = [Image.new("RGB", (90, 60), colour) for colour in (RED, GREEN, BLUE)]
    pages[0].save(path, save_all=True, append_images=pages[1:])
    info = probe(path)
    assert info.pages == 3 and not info.animated
    for page, colour in enumerate((RED, GREEN, BLUE)):
        thumb, _ = make_thumbnail(path, 32, page=page)
        assert near(thumb.getpixel((10, 10)), colour, 10)
    with pytest.raises(ImageProblem):
        make_thumbnail(path, 32, page=7)


def test_animated_gif_frames(shared_testdata):
    path = shared_testdata / "photos" / "pillow" / "chi.gif"
    info = probe(path)
    assert info.animated and info.frames == 31
    frames, _ = load_frames(path, (200, 200))
    assert len(frames) == 31 and all(f.duration_ms >= 20 for f in frames)
    assert max(frames[0].image.size) <= 200
    assert not probe(shared_testdata / "photos" / "pillow" / "hopper.gif").animated


# -- EXIF -----------------------------------------------------------------------------------------------------
def test_exif_summary_of_real_photos(shared_testdata):
    photos = shared_testdata / "photos"
    iphone = exif_summary(photos / "exif-samples" / "hdr" / "iphone_hdr_YES.jpg")
    assert iphone.date_taken == "2015-04-10 20:12:23"
    assert iphone.camera == "Apple iPhone 6" and "4.15mm" in iphone.lens
    assert "1/40 s" in iphone.exposure and "f/2.2" in iphone.exposure and "ISO 32" in iphone.exposure
    assert iphone.latitude == pytest.approx(40.446972, abs=1e-5)
    assert iphone.longitude == pytest.approx(-3.724753, abs=1e-5)  # west is negative
    assert "N" in iphone.gps_text and "W" in iphone.gps_text
    kodak = exif_summary(photos / "exif-samples" / "cameras" / "Kodak_CX7530.jpg")
    assert kodak.latitude is not None and kodak.latitude < 0  # south
    nikon = exif_summary(photos / "pillow" / "broken_exif_dpi.jpg")
    assert nikon.camera == "NIKON D800"  # make not repeated
    garbage = exif_summary(photos / "pillow" / "exif_gps.jpg")  # a GPS block of nonsense values
    assert garbage.latitude is None and "4294967295" not in garbage.exposure
    for path in (photos / "exif-samples" / "broken-exif").iterdir():
        exif_summary(path)  # never raises for broken metadata


# -- the disk cache -------------------------------------------------------------------------------------------
@pytest.fixture
def three_photos(tmp_path) -> list[Path]:
    folder = tmp_path / "photos"
    folder.mkdir()
    out = []
    for i, colour in enumerate((RED, GREEN, BLUE)):
        path = folder / f"p{i}.jpg"
        Image.new("RGB", (640, 480), colour).save(path, quality=90)
        out.append(path)
    return out


def test_cache_is_reused_by_a_second_run_without_decoding(tmp_path, three_photos):
    cache_dir = tmp_path / "cache"
    first = Thumbnailer(ThumbnailCache(cache_dir))
    made = [first.get(p, 128) for p in three_photos]
    assert first.decodes == 3 and first.hits == 0 and all(r.ok and not r.from_cache for r in made)
    second = Thumbnailer(ThumbnailCache(cache_dir))  # a new start of the app
    again = [second.get(p, 128) for p in three_photos]
    assert second.decodes == 0 and second.hits == 3
    assert all(r.from_cache and r.data == m.data and r.info == m.info for r, m in zip(again, made))
    assert near(again[1].decoded().getpixel((5, 5)), GREEN, 10)
    assert not list(cache_dir.rglob(".tmp-*")), "atomic writes leave no temporary files"


def test_cache_is_invalidated_when_the_file_changes(tmp_path, three_photos):
    cache_dir = tmp_path / "cache"
    Thumbnailer(ThumbnailCache(cache_dir)).get(three_photos[0], 128)
    Image.new("RGB", (300, 300), BLUE).save(three_photos[0], quality=90)
    os.utime(three_photos[0], ns=(1, 1))  # a different mtime even on coarse file systems
    again = Thumbnailer(ThumbnailCache(cache_dir))
    result = again.get(three_photos[0], 128)
    assert again.decodes == 1 and result.width == 128 and near(result.image.getpixel((5, 5)), BLUE, 10)


def test_sha_keyed_cache_survives_a_copy_and_notices_a_stale_sha(tmp_path, three_photos):
    cache_dir = tmp_path / "cache"
    original = three_photos[0]
    sha = sha256_of(original)
    Thumbnailer(ThumbnailCache(cache_dir)).get(original, 128, sha256=sha)
    copy = tmp_path / "moved" / "p0.jpg"
    copy.parent.mkdir()
    shutil.copyfile(original, copy)  # new path, new mtime, same bytes
    os.utime(copy, ns=(5, 5))
    moved = Thumbnailer(ThumbnailCache(cache_dir))
    assert moved.get(copy, 128, sha256=sha).from_cache and moved.decodes == 0
    Image.new("RGB", (200, 200), GREEN).save(copy, quality=90)  # changed, sidecar sha not updated
    os.utime(copy, ns=(9, 9))
    changed = Thumbnailer(ThumbnailCache(cache_dir))
    result = changed.get(copy, 128, sha256=sha)
    assert changed.decodes == 1 and near(result.image.getpixel((5, 5)), GREEN, 10)
    assert Thumbnailer(ThumbnailCache(cache_dir)).get(original, 128, sha256=sha).from_cache  # untouched


def test_a_corrupt_cache_entry_is_regenerated(tmp_path, three_photos):
    cache = ThumbnailCache(tmp_path / "cache")
    Thumbnailer(cache).get(three_photos[0], 128)
    (entry,) = list(cache.root.rglob("*.thumb"))
    entry.write_bytes(entry.read_bytes()[:-50])  # a torn write from another tool, a bad disk block
    again = Thumbnailer(ThumbnailCache(tmp_path / "cache"))
    assert again.get(three_photos[0], 128).ok and again.decodes == 1
    entry.write_bytes(b"garbage")
    third = Thumbnailer(ThumbnailCache(tmp_path / "cache"))
    assert third.get(three_photos[0], 128).ok and third.decodes == 1
    assert Thumbnailer(ThumbnailCache(tmp_path / "cache")).get(three_photos[0], 128).from_cache


def test_lasting_problems_are_cached_too(tmp_path):
    cut = tmp_path / "cut.jpg"
    good = tmp_path / "good.jpg"
    upright_picture().resize((800, 600)).save(good, quality=90)
    cut.write_bytes(good.read_bytes()[:4000])
    first = Thumbnailer(ThumbnailCache(tmp_path / "cache"))
    assert first.get(cut, 128).problem.kind is ProblemKind.TRUNCATED
    second = Thumbnailer(ThumbnailCache(tmp_path / "cache"))
    result = second.get(cut, 128)
    assert second.decodes == 0 and result.from_cache and result.problem.kind is ProblemKind.TRUNCATED
    assert "cut.jpg" in result.problem.message


def test_prune_keeps_the_cache_under_a_size(tmp_path, three_photos):
    cache = ThumbnailCache(tmp_path / "cache")
    thumbnailer = Thumbnailer(cache)
    for p in three_photos:
        thumbnailer.get(p, 256)
    total = cache.size_on_disk()
    assert cache.prune(total // 2) >= 1 and cache.size_on_disk() <= total // 2


# -- AVIF: not in the packaged app (build.spec leaves Pillow's AVIF plugin and codec out) -----------------------
#: the start of an AVIF file: an ISO-BMFF "ftyp" box with the avif brand, then a box Pillow cannot read alone
AVIF_HEAD = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00\x00\x00\x10meta" + b"\x00" * 8


@pytest.fixture(params=["no plugin", "no codec"])
def without_avif(request, monkeypatch):
    """Pillow as in the packaged app: no AvifImagePlugin at all ("no plugin"); or, as on a Pillow built
    without libavif, the plugin without its codec PIL._avif ("no codec"), which refuses every AVIF file."""
    Image.init()
    if request.param == "no plugin":
        monkeypatch.setattr(Image, "ID", [name for name in Image.ID if name != "AVIF"])
        monkeypatch.delitem(Image.OPEN, "AVIF", raising=False)
    else:
        plugin = pytest.importorskip("PIL.AvifImagePlugin")
        monkeypatch.setattr(plugin, "SUPPORTED", False)
    assert not avif_available()


def _avif_files(tmp_path: Path) -> list[Path]:
    """A made-up AVIF header, and the real AVIF photos of ../shared/testdata when they are there."""
    made = tmp_path / "scan 1995.avif"
    made.write_bytes(AVIF_HEAD)
    real = Path(__file__).resolve().parents[3] / "shared" / "testdata" / "photos" / "pillow" / "avif"
    return [made] + sorted(real.glob("*.avif"))


def test_an_avif_file_without_the_codec_says_so_everywhere(tmp_path, without_avif):
    files = _avif_files(tmp_path)
    for path in files:
        for read in (lambda: make_thumbnail(path, 128), lambda: load_display(path, (800, 600)),
                     lambda: load_frames(path, (800, 600)), lambda: probe(path), lambda: exif_summary(path)):
            with pytest.raises(ImageProblem) as caught:
                read()
            problem = caught.value
            assert problem.kind is ProblemKind.NEEDS_PLUGIN and problem.reason == AVIF_UNSUPPORTED
            assert problem.message == f"{path.name}: {AVIF_UNSUPPORTED}"
            assert "AVIF images are not supported by this build" in problem.message
    # remembered like a HEIC without pillow-heif (not a lasting failure: see the test below)
    result = Thumbnailer(ThumbnailCache(tmp_path / "cache")).get(files[0], 128)
    assert result.problem.kind is ProblemKind.NEEDS_PLUGIN and not result.problem.kind.lasting
    again = Thumbnailer(ThumbnailCache(tmp_path / "cache"))
    assert again.get(files[0], 128).problem.reason == AVIF_UNSUPPORTED and again.decodes == 0


def test_heic_and_other_files_are_not_taken_for_avif(tmp_path, without_avif):
    heic = tmp_path / "photo.heic"
    heic.write_bytes(AVIF_HEAD.replace(b"avif", b"heic"))
    with pytest.raises(ImageProblem) as caught:
        make_thumbnail(heic, 64)
    assert "AVIF" not in caught.value.reason
    jpeg = tmp_path / "p.avif"  # a JPEG under an AVIF name still opens: the content decides
    upright_picture().save(jpeg, "JPEG")
    assert make_thumbnail(jpeg, 64)[1].format == "JPEG"


def test_avif_opens_where_pillow_has_the_codec(tmp_path, monkeypatch):
    if not avif_available():
        pytest.skip("this Pillow has no AVIF codec")
    path = tmp_path / "p.avif"
    upright_picture().save(path, "AVIF", quality=90)
    with monkeypatch.context() as patched:  # first seen by the packaged app, which has no codec
        patched.setattr(pytest.importorskip("PIL.AvifImagePlugin"), "SUPPORTED", False)
        assert Thumbnailer(ThumbnailCache(tmp_path / "cache")).get(path, 60).problem.reason == AVIF_UNSUPPORTED
    result = Thumbnailer(ThumbnailCache(tmp_path / "cache")).get(path, 60)  # then from source: shown
    assert result.ok and not result.from_cache and (result.width, result.height) == (60, 40)
    thumb, info = make_thumbnail(path, 60)
    assert info.format == "AVIF" and thumb.size == (60, 40) and near(thumb.convert("RGB").getpixel((5, 5)), RED)
    broken = tmp_path / "broken.avif"
    broken.write_bytes(AVIF_HEAD)
    with pytest.raises(ImageProblem) as caught:
        make_thumbnail(broken, 60)
    assert caught.value.kind is ProblemKind.CORRUPT and "AVIF" in caught.value.reason
