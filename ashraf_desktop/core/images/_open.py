"""Open an image file safely: every way a file can fail becomes an :class:`ImageProblem` with plain words."""

from __future__ import annotations

import re
import stat as _stat
import struct
import sys
import threading
import warnings
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Iterator

from PIL import Image, UnidentifiedImageError

__all__ = ["IMAGE_SUFFIXES", "ImageInfo", "ImageProblem", "ProblemKind", "OpenedImage", "heif_available",
           "avif_available", "open_image", "probe", "safe_pixel_limit", "decode_problem", "AVIF_UNSUPPORTED"]

#: File name endings the gallery treats as images (HEIC/HEIF open only with pillow-heif installed; AVIF only
#: where Pillow has its AVIF plugin: from source, not in the packaged app, see :func:`avif_available`).
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".tif", ".tiff", ".webp", ".gif", ".bmp",
                            ".dib", ".heic", ".heif", ".hif", ".avif"})

#: Pillow's default MAX_IMAGE_PIXELS (about 89 MP), used when an embedding app set it to None.
_DEFAULT_PIXEL_LIMIT = 89_478_485
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"heif")
_AVIF_BRANDS = (b"avif", b"avis")

# Pillow warns between 1x and 2x MAX_IMAGE_PIXELS and refuses (DecompressionBombError) above 2x. We refuse
# at the same point with a message (see _check_pixels) and open the 1x-2x range (a 108 MP phone photo is a
# photo, not an attack; JPEG draft mode decodes it at 1/8 scale anyway), so the warning says nothing new.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


class ProblemKind(str, Enum):
    MISSING = "missing"
    EMPTY = "empty"
    UNREADABLE = "unreadable"
    UNKNOWN_FORMAT = "unknown-format"
    NEEDS_PLUGIN = "needs-plugin"
    TOO_LARGE = "too-large"
    TRUNCATED = "truncated"
    CORRUPT = "corrupt"

    def __str__(self) -> str:
        return self.value

    @property
    def lasting(self) -> bool:
        """True when the same bytes will always fail the same way (worth remembering in the cache)."""
        return self in (ProblemKind.UNKNOWN_FORMAT, ProblemKind.TOO_LARGE, ProblemKind.TRUNCATED,
                        ProblemKind.CORRUPT)


class ImageProblem(Exception):
    """A file that cannot be shown, and why, in words a user understands. ``str()`` names the file."""

    def __init__(self, path: Path | str, kind: ProblemKind, reason: str) -> None:
        self.path = Path(path)
        self.kind = ProblemKind(kind)
        self.reason = reason
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.path.name}: {self.reason}"

    def __reduce__(self):  # picklable across processes (the benchmark uses a process pool)
        return (ImageProblem, (str(self.path), self.kind.value, self.reason))


@dataclass(frozen=True)
class ImageInfo:
    """What a file holds, as it will be shown (``width``/``height`` after EXIF orientation)."""

    format: str
    width: int
    height: int
    mode: str = "RGB"
    orientation: int = 1
    frames: int = 1
    animated: bool = False
    pages: int = 1
    warnings: tuple[str, ...] = field(default=())

    @property
    def megapixels(self) -> float:
        return self.width * self.height / 1e6

    def as_dict(self) -> dict:
        return {"format": self.format, "width": self.width, "height": self.height, "mode": self.mode,
                "orientation": self.orientation, "frames": self.frames, "animated": self.animated,
                "pages": self.pages, "warnings": list(self.warnings)}

    @classmethod
    def from_dict(cls, data: dict) -> "ImageInfo":
        return cls(format=str(data["format"]), width=int(data["width"]), height=int(data["height"]),
                   mode=str(data.get("mode", "RGB")), orientation=int(data.get("orientation", 1)),
                   frames=int(data.get("frames", 1)), animated=bool(data.get("animated", False)),
                   pages=int(data.get("pages", 1)), warnings=tuple(str(w) for w in data.get("warnings", ())))


@dataclass
class OpenedImage:
    image: Image.Image
    info: ImageInfo
    path: Path


_heif_lock = threading.Lock()
_heif_state: bool | None = None


def heif_available() -> bool:
    """True when pi-heif (pillow-heif's decode-only build, a dependency) or pillow-heif is importable (HEIC/HEIF
    then open like any other format). Checked once."""
    global _heif_state
    with _heif_lock:
        if _heif_state is None:
            try:
                try:
                    import pi_heif as heif  # type: ignore[import-not-found]
                except ImportError:
                    import pillow_heif as heif  # type: ignore[import-not-found, no-redef]
                heif.register_heif_opener()
                _heif_state = True
            except Exception:  # not installed, or a broken install: HEIC files get a clear message
                _heif_state = False
        return _heif_state


#: What a user reads for an AVIF file where Pillow cannot decode AVIF (the packaged app leaves the codec out).
AVIF_UNSUPPORTED = ("AVIF image: AVIF images are not supported by this build of the app (convert it to PNG or "
                    "JPEG)")


def avif_available() -> bool:
    """True when this Pillow opens AVIF files: its AvifImagePlugin is registered and has its codec (PIL._avif).

    The packaged app leaves both out (build.spec: AVIF is a 2019 format, the archive covers 1986-2013, and
    the codec is 5 MB); a source install of Pillow >= 11.2 usually has them. Not cached: cheap, and only asked
    about a file Pillow could not identify.
    """
    Image.init()
    if "AVIF" not in Image.OPEN:
        return False
    plugin = sys.modules.get("PIL.AvifImagePlugin")
    return bool(getattr(plugin, "SUPPORTED", False))


def safe_pixel_limit() -> int:
    """The most pixels an image may have: 2 x Image.MAX_IMAGE_PIXELS, where Pillow itself refuses."""
    limit = Image.MAX_IMAGE_PIXELS
    return 2 * (int(limit) if limit else _DEFAULT_PIXEL_LIMIT)


def _too_large(path: Path, pixels: int) -> ImageProblem:
    return ImageProblem(path, ProblemKind.TOO_LARGE,
                        f"image too large to open safely ({pixels / 1e6:,.0f} megapixels; the limit is "
                        f"{safe_pixel_limit() / 1e6:,.0f})")


def _check_file(path: Path) -> None:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ImageProblem(path, ProblemKind.MISSING, "the file is missing") from None
    except OSError as exc:
        raise ImageProblem(path, ProblemKind.UNREADABLE, f"cannot be read ({exc.strerror or exc})") from None
    if not _stat.S_ISREG(st.st_mode):
        raise ImageProblem(path, ProblemKind.UNREADABLE, "is not a regular file")
    if st.st_size == 0:
        raise ImageProblem(path, ProblemKind.EMPTY, "the file is empty (0 bytes)")


def _sniff(head: bytes) -> str:
    """A guess at what a file Pillow cannot identify really is, for the message."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        brands = head[8:12] + head[16:64]
        if any(b in brands for b in _AVIF_BRANDS):
            return "avif"
        if any(b in brands for b in _HEIF_BRANDS):
            return "heif"
    if head.startswith(b"%PDF"):
        return "a PDF document"
    if head.startswith((b"PK\x03\x04",)):
        return "a ZIP archive (or an office document)"
    if head[:5].lower() in (b"<html", b"<!doc"):
        return "a web page"
    return ""


def _unidentified(path: Path, head: bytes) -> ImageProblem:
    sniffed = _sniff(head)
    if sniffed == "heif":
        if heif_available():
            return ImageProblem(path, ProblemKind.CORRUPT, "a HEIC/HEIF file that cannot be decoded")
        return ImageProblem(path, ProblemKind.NEEDS_PLUGIN,
                            "HEIC/HEIF photo: this copy of the app cannot decode it "
                            "(the optional pillow-heif package is not installed)")
    if sniffed == "avif":
        if not avif_available():
            return ImageProblem(path, ProblemKind.NEEDS_PLUGIN, AVIF_UNSUPPORTED)
        return ImageProblem(path, ProblemKind.CORRUPT, "an AVIF file that cannot be decoded")
    if sniffed:
        return ImageProblem(path, ProblemKind.UNKNOWN_FORMAT, f"not an image: it looks like {sniffed}")
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        name = suffix.lstrip(".").upper()
        return ImageProblem(path, ProblemKind.CORRUPT,
                            f"damaged: named .{suffix.lstrip('.')} but its contents are not a readable "
                            f"{name} image")
    return ImageProblem(path, ProblemKind.UNKNOWN_FORMAT, "not an image format this app can read")


_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")


def decode_problem(path: Path, exc: BaseException) -> ImageProblem:
    """Classify an exception raised while decoding pixel data."""
    if isinstance(exc, ImageProblem):
        return exc
    if isinstance(exc, Image.DecompressionBombError):
        match = _BOMB_PIXELS.search(str(exc))
        return _too_large(path, int(match.group(1)) if match else safe_pixel_limit() * 2)
    if isinstance(exc, MemoryError):
        return ImageProblem(path, ProblemKind.TOO_LARGE, "image too large to open: not enough memory")
    text = str(exc)
    if isinstance(exc, (OSError, EOFError)) and ("truncated" in text.lower() or isinstance(exc, EOFError)):
        return ImageProblem(path, ProblemKind.TRUNCATED,
                            "the file is cut short: the image data ends early (an incomplete download "
                            "or copy?)")
    if isinstance(exc, PermissionError):
        return ImageProblem(path, ProblemKind.UNREADABLE, f"cannot be read ({exc.strerror or exc})")
    detail = text.strip().splitlines()[0][:120] if text.strip() else type(exc).__name__
    return ImageProblem(path, ProblemKind.CORRUPT, f"the image data is damaged ({detail})")


_DECODE_ERRORS = (OSError, EOFError, SyntaxError, ValueError, TypeError, KeyError, IndexError, struct.error,
                  zlib.error, ZeroDivisionError, AttributeError, MemoryError, RuntimeError, OverflowError)


def _orientation(im: Image.Image, path: Path, notes: list[str]) -> int:
    try:
        value = im.getexif().get(0x0112)
    except MemoryError as exc:
        raise decode_problem(path, exc) from None
    except Exception as exc:  # noqa: BLE001 - broken EXIF must never stop the picture
        text = str(exc).lower()
        if isinstance(exc, OSError) and ("image file is truncated" in text or "broken data stream" in text):
            raise decode_problem(path, exc) from None  # PNG reads late eXIf chunks by decoding
        notes.append(f"its EXIF metadata is damaged ({type(exc).__name__}); shown without rotation")
        return 1
    try:
        value = int(value) if value is not None else 1
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= 8:
        if value != 0:
            notes.append(f"unknown EXIF orientation {value}; shown as stored")
        return 1
    return value


def pillow_orients(fmt: str) -> bool:
    """Pillow itself applies the EXIF orientation when it loads these formats (TIFF, since Pillow 9)."""
    return fmt == "TIFF"


def _check_pixels(path: Path, size: tuple[int, int]) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise ImageProblem(path, ProblemKind.CORRUPT, f"the image header is damaged (size {width}×{height})")
    if width * height > safe_pixel_limit():
        raise _too_large(path, width * height)


@contextmanager
def open_image(path: Path | str, *, need_frames: bool = True) -> Iterator[OpenedImage]:
    """Open ``path`` lazily (no pixel data decoded yet) and describe it; raise only :class:`ImageProblem`.

    ``need_frames=False`` skips counting frames (scanning a whole GIF) when only a thumbnail is wanted.
    """
    path = Path(path)
    _check_file(path)
    if path.suffix.lower() in (".heic", ".heif", ".hif"):
        heif_available()
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ImageProblem(path, ProblemKind.UNREADABLE, f"cannot be read ({exc.strerror or exc})") from None
    try:
        try:
            im = Image.open(handle)
        except UnidentifiedImageError:
            handle.seek(0)
            raise _unidentified(path, handle.read(64)) from None
        except Image.DecompressionBombError as exc:
            raise decode_problem(path, exc) from None
        except _DECODE_ERRORS as exc:
            raise ImageProblem(path, ProblemKind.CORRUPT,
                               f"the image header is damaged ({type(exc).__name__}: {str(exc)[:100]})") from None
        try:
            _check_pixels(path, im.size)
            notes: list[str] = []
            orientation = _orientation(im, path, notes)
            fmt = im.format or "?"
            frames = 1
            if need_frames or fmt == "TIFF":
                try:
                    frames = int(getattr(im, "n_frames", 1) or 1)
                except Exception as exc:  # noqa: BLE001 - a damaged later frame: show the first
                    notes.append(f"later frames are damaged ({type(exc).__name__}); only the first is shown")
                    frames = 1
            animated = frames > 1 and fmt in ("GIF", "WEBP", "PNG", "AVIF")
            pages = frames if fmt == "TIFF" else 1
            width, height = im.size  # TIFF: Pillow reports the upright size and rotates on load
            if orientation >= 5 and not pillow_orients(fmt):
                width, height = height, width
            info = ImageInfo(format=fmt, width=width, height=height, mode=im.mode, orientation=orientation,
                             frames=frames, animated=animated, pages=pages, warnings=tuple(notes))
            yield OpenedImage(image=im, info=info, path=path)
        finally:
            try:
                im.close()
            except Exception:  # noqa: BLE001
                pass
    finally:
        handle.close()


def probe(path: Path | str) -> ImageInfo:
    """Describe an image without decoding its pixels (except PNGs whose EXIF follows the pixel data)."""
    with open_image(path) as opened:
        return opened.info
