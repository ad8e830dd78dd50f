"""Decode images the cheap way: JPEG draft mode (DCT scaling), ``reduce`` for the rest, orientation applied."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from PIL import Image

from ._open import (_DECODE_ERRORS, ImageInfo, ImageProblem, OpenedImage, ProblemKind, decode_problem,
                    open_image, pillow_orients)

__all__ = ["apply_orientation", "make_thumbnail", "load_display", "load_frames", "Frame", "decode_memory",
           "DECODE_MEMORY_BUDGET", "THUMBNAIL_DRAFT_GAP"]

#: Thumbnails: JPEG DCT scaling stops at twice the box, and a bicubic reduction does the rest (vipsthumbnail's
#: shrink-on-load leaves the same factor of two, and it is Pillow's own ``thumbnail(reducing_gap=2.0)``).
#: Decoding at the box size (gap 1) measured ~8 % faster on the wallpaper set, for slightly worse thumbnails.
THUMBNAIL_DRAFT_GAP = 2.0

#: Bytes that decodes running at the same time may need together (see :func:`decode_memory`). A decode that
#: needs more than this alone still runs, just never next to another large one.
DECODE_MEMORY_BUDGET = 128 << 20
_GATE_MIN = 24 << 20  # decodes needing less than this are not counted (every baseline JPEG in draft mode)


class _DecodeGate:
    """A weighted semaphore: large decodes wait until the memory they need is free of other large decodes."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._used = 0

    @contextmanager
    def hold(self, amount: int) -> Iterator[None]:
        if amount < _GATE_MIN:
            yield
            return
        amount = min(amount, DECODE_MEMORY_BUDGET)
        with self._cond:
            while self._used and self._used + amount > DECODE_MEMORY_BUDGET:
                self._cond.wait()
            self._used += amount
        try:
            yield
        finally:
            with self._cond:
                self._used -= amount
                self._cond.notify_all()


_gate = _DecodeGate()


def decode_memory(im: Image.Image, full_size: tuple[int, int] | None = None) -> int:
    """About how many bytes decoding ``im`` (after any ``draft``) needs at its peak.

    A progressive JPEG is the expensive case: libjpeg keeps every DCT coefficient of the file (2 bytes per
    sample, at full resolution whatever the draft scale) until its last scan is read: 88 MB for a 15 MP
    4:4:4 photo, against 3 MB for the same photo stored baseline. Two of them decoded at once by the two
    workers were the peak of the gallery's memory while scrolling.
    """
    if im.format == "JPEG":
        if im.info.get("progressive") or im.info.get("progression"):
            width, height = full_size or im.size  # the file's size: im.size is the draft size by now
            return width * height * len(im.getbands()) * 2
        return im.width * im.height * len(im.getbands())
    return im.width * im.height * 4

T = Image.Transpose
#: EXIF orientation -> the transposition that makes the stored pixels upright (CIPA DC-008, tag 0x0112).
_TRANSPOSE = {2: T.FLIP_LEFT_RIGHT, 3: T.ROTATE_180, 4: T.FLIP_TOP_BOTTOM, 5: T.TRANSPOSE,
              6: T.ROTATE_270, 7: T.TRANSVERSE, 8: T.ROTATE_90}


@dataclass(frozen=True)
class Frame:
    image: Image.Image
    duration_ms: int


def apply_orientation(im: Image.Image, orientation: int) -> Image.Image:
    method = _TRANSPOSE.get(orientation)
    return im.transpose(method) if method is not None else im


def _displayable(im: Image.Image) -> Image.Image:
    """Convert any Pillow mode to RGB or RGBA (what a QImage shows without surprises)."""
    mode = im.mode
    if mode in ("RGB", "RGBA"):
        return im
    if mode == "P":
        return im.convert("RGBA" if "transparency" in im.info else "RGB")
    if mode in ("PA", "LA", "La", "RGBa"):
        return im.convert("RGBA")
    if mode == "1":
        return im.convert("L").convert("RGB")
    if mode.startswith("I;16") or mode == "I":
        im = im.convert("I") if mode != "I" else im
        low, high = im.getextrema()
        scale = 255.0 / (high - low) if high > low else 1.0
        return im.point(lambda v: (v - low) * scale).convert("L").convert("RGB")
    if mode == "F":
        low, high = im.getextrema()
        scale = 255.0 / (high - low) if high > low else 1.0
        return im.point(lambda v: (v - low) * scale).convert("L").convert("RGB")
    return im.convert("RGB")  # L, CMYK, YCbCr, LAB, HSV, RGBX...


def _seek(opened: OpenedImage, page: int) -> None:
    if page <= 0:
        return
    if page >= max(opened.info.pages, opened.info.frames):
        raise ImageProblem(opened.path, ProblemKind.CORRUPT,
                           f"has no page {page + 1} (it has {opened.info.pages})")
    try:
        opened.image.seek(page)
    except (EOFError, *_DECODE_ERRORS) as exc:
        raise decode_problem(opened.path, exc) from None


def _fit(opened: OpenedImage, box: tuple[int, int], draft_gap: float = 1.0) -> Image.Image:
    """Decode the current frame scaled to fit ``box`` (upright), never fully when a smaller decode will do."""
    im, info = opened.image, opened.info
    orientation = 1 if pillow_orients(info.format) else info.orientation  # what is left for us to do
    bw, bh = box
    if orientation >= 5:  # the stored image is sideways: fit it into the sideways box
        bw, bh = bh, bw
    try:
        full_size = im.size
        if im.format == "JPEG" and im.mode in ("RGB", "L", "CMYK"):
            # DCT scaling: the smallest 1/1, 1/2, 1/4 or 1/8 scale still at least ``draft_gap`` x the box,
            # then a proper (bicubic) reduction
            im.draft(im.mode if im.mode != "CMYK" else None, (round(bw * draft_gap), round(bh * draft_gap)))
        with _gate.hold(decode_memory(im, full_size)):
            im.load()
        out = _displayable(im)
        if out.width > bw or out.height > bh:
            out = out.copy() if out is im else out
            out.thumbnail((bw, bh), Image.Resampling.BICUBIC, reducing_gap=2.0)
        elif out is im:
            out = out.copy()
    except (ImageProblem, *_DECODE_ERRORS) as exc:
        raise decode_problem(opened.path, exc) from None
    return apply_orientation(out, orientation)


def make_thumbnail(path: Path | str, size: int, *, page: int = 0) -> tuple[Image.Image, ImageInfo]:
    """An upright RGB/RGBA image fitting ``size``×``size`` (never enlarged), and what the file holds."""
    with open_image(path) as opened:
        _seek(opened, page)
        return _fit(opened, (size, size), THUMBNAIL_DRAFT_GAP), opened.info


def load_display(path: Path | str, box: tuple[int, int] | None = None, *,
                 page: int = 0) -> tuple[Image.Image, ImageInfo]:
    """An upright image for the lightbox: fitting ``box`` (screen resolution, fast) or full size (``None``)."""
    with open_image(path) as opened:
        _seek(opened, page)
        if box is None:
            box = (opened.info.width, opened.info.height)
        return _fit(opened, box), opened.info


def load_frames(path: Path | str, box: tuple[int, int], *, max_frames: int = 400,
                max_bytes: int = 192 * 1024 * 1024) -> tuple[list[Frame], ImageInfo]:
    """The frames of an animated GIF/WebP/PNG/AVIF, upright, fitting ``box``, with their delays.

    Stops early (keeping what it has) at ``max_frames`` or ``max_bytes`` of decoded pixels, and at the
    first damaged frame: a bad frame in the middle of a GIF should not lose the ones before it.
    """
    frames: list[Frame] = []
    with open_image(path) as opened:
        im, info = opened.image, opened.info
        used = 0
        for index in range(min(info.frames, max_frames)):
            try:
                if index:
                    im.seek(index)
                im.load()
                rgba = im.convert("RGBA")
                if rgba.width > box[0] or rgba.height > box[1]:
                    rgba.thumbnail(box, Image.Resampling.BICUBIC)
            except (EOFError, *_DECODE_ERRORS) as exc:
                if not frames:
                    raise decode_problem(opened.path, exc) from None
                break
            if not pillow_orients(info.format):
                rgba = apply_orientation(rgba, info.orientation)
            duration = im.info.get("duration") or 100
            try:
                duration = int(duration)
            except (TypeError, ValueError):
                duration = 100
            frames.append(Frame(rgba, 100 if duration < 20 else duration))  # as browsers do for 0-10 ms
            used += rgba.width * rgba.height * 4
            if used > max_bytes:
                break
        return frames, info
