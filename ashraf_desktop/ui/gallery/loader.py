"""Thumbnails off the GUI thread, newest request first (calibre's pattern, ``gui2/library/caches.py``).

The view asks for a thumbnail when it paints a cell; the request goes on top of a LIFO stack, so what is on
screen now is served before what scrolled past. The stack is bounded: when the user flings through 10,000
photos, the oldest requests fall off the bottom (their cells are long gone) and the model forgets them, so
they are asked for again if they come back into view. Worker threads read the disk cache or decode with
Pillow, and build a ``QImage`` at the size the cell shows; the GUI thread only turns it into a ``QPixmap``.
Each request carries the model's generation; results of an older generation (the thumbnail size or the
archive changed meanwhile) are dropped on arrival.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Hashable

from PIL import Image
from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage

from ...core.images import CachedThumbnail, Thumbnailer

__all__ = ["ThumbnailLoader", "ThumbRequest", "pil_to_qimage", "thumbnail_bucket"]

log = logging.getLogger(__name__)

#: Sizes stored in the disk cache; a cell shows the smallest bucket at least as large, scaled down.
BUCKETS = (128, 256, 512)


def thumbnail_bucket(pixels: int) -> int:
    return next((b for b in BUCKETS if b >= pixels), BUCKETS[-1])


def pil_to_qimage(im: Image.Image) -> QImage:
    """A QImage that owns a copy of the pixels of an RGB/RGBA/L Pillow image."""
    if im.mode == "RGBA":
        fmt, channels = QImage.Format.Format_RGBA8888, 4
    elif im.mode == "L":
        fmt, channels = QImage.Format.Format_Grayscale8, 1
    else:
        im = im.convert("RGB") if im.mode != "RGB" else im
        fmt, channels = QImage.Format.Format_RGB888, 3
    data = im.tobytes()
    return QImage(data, im.width, im.height, im.width * channels, fmt).copy()


@dataclass(frozen=True)
class ThumbRequest:
    key: Hashable  # what the model calls the cell (an item id)
    path: Path
    sha256: str
    bucket: int  # cache size
    display: int  # the edge in device pixels the cell shows; 0 = background check, no QImage
    generation: int


class ThumbnailLoader(QObject):
    """A LIFO of thumbnail requests served by ``threads`` worker threads.

    ``ready(request, qimage_or_None, CachedThumbnail)`` arrives on the GUI thread (queued connection).
    """

    ready = Signal(object, object, object)

    def __init__(self, thumbnailer: Thumbnailer, *, threads: int | None = None, max_pending: int = 300,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thumbnailer = thumbnailer
        self.max_pending = max_pending
        self._pending: OrderedDict[Hashable, ThumbRequest] = OrderedDict()  # newest last
        self._cond = threading.Condition()
        self._stopping = False
        self._busy = 0
        count = threads if threads is not None else max(1, min(4, os.cpu_count() or 1))
        self._threads = [threading.Thread(target=self._work, name=f"thumbnails-{i}", daemon=True)
                         for i in range(count)]
        for thread in self._threads:
            thread.start()

    # -- GUI thread ---------------------------------------------------------------------------------------
    def request(self, req: ThumbRequest) -> list[Hashable]:
        """Put ``req`` on top; return the keys that fell off the bottom (the caller forgets them)."""
        dropped: list[Hashable] = []
        with self._cond:
            self._pending.pop(req.key, None)
            self._pending[req.key] = req
            while len(self._pending) > self.max_pending:
                key, _ = self._pending.popitem(last=False)
                dropped.append(key)
            self._cond.notify()
        return dropped

    def promote(self, key: Hashable) -> bool:
        """Move a queued request back on top; False when it is not queued (being made, or done)."""
        with self._cond:
            req = self._pending.pop(key, None)
            if req is None:
                return False
            self._pending[key] = req
        return True

    def clear(self) -> list[Hashable]:
        """Forget every queued request (work already started still finishes, and is dropped if stale)."""
        with self._cond:
            keys = list(self._pending)
            self._pending.clear()
        return keys

    @property
    def thread_count(self) -> int:
        return len(self._threads)

    def pending(self) -> int:
        with self._cond:
            return len(self._pending)

    def idle(self) -> bool:
        with self._cond:
            return not self._pending and self._busy == 0

    def shutdown(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._stopping = True
            self._pending.clear()
            self._cond.notify_all()
        for thread in self._threads:
            thread.join(timeout)

    # -- worker threads -----------------------------------------------------------------------------------
    def _work(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                _, req = self._pending.popitem(last=True)  # newest first
                self._busy += 1
            try:
                result, image = self._make(req)
            except Exception:  # noqa: BLE001 - a bug in one thumbnail must not kill the worker
                log.exception("thumbnail of %s failed", req.path)
                result, image = CachedThumbnail(req.path, req.bucket), None
            result = replace(result, image=None, data=None)  # the GUI needs the QImage, info and problem only
            try:
                if not self._stopping:
                    self.ready.emit(req, image, result)
            except RuntimeError:  # the loader was deleted at shutdown
                return
            finally:
                with self._cond:
                    self._busy -= 1

    def _make(self, req: ThumbRequest) -> tuple[CachedThumbnail, QImage | None]:
        result = self.thumbnailer.get(req.path, req.bucket, sha256=req.sha256)
        if not result.ok or req.display <= 0:  # display 0: a background check, no picture wanted
            return result, None
        if result.image is not None:
            image = pil_to_qimage(result.image)
        else:
            image = QImage.fromData(result.data)
            if image.isNull():  # a cache entry Qt cannot read: decode with Pillow instead
                image = pil_to_qimage(result.decoded())
        if max(image.width(), image.height()) > req.display:
            image = image.scaled(QSize(req.display, req.display), Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        return result, image
