"""The archive's files as import needs them: an item's text (to place a TextPositionSelector given without a
quote) and an image's displayed size (to turn a region in pixels into the app's percent)."""

from __future__ import annotations

from typing import Callable

from .anchoring import text_selector
from .model import TextSelector

__all__ = ["text_reader", "image_size_reader"]


def text_reader(archive) -> Callable[[str, str, int, int], TextSelector | None]:
    """``(collection, item, start, end) -> TextSelector`` on the item's extracted text, or None."""
    texts: dict[str, object] = {}

    def at(collection_id: str, item_id: str, start: int, end: int) -> TextSelector | None:
        item = archive.item(item_id) if collection_id == archive.collection.id else None
        if item is None or item.file is None:
            return None
        if item_id not in texts:
            from ..extract import ExtractionError, extract
            try:
                texts[item_id] = extract(item.file, item.media_type or None)
            except (ExtractionError, OSError):
                texts[item_id] = None
        extracted = texts[item_id]
        if extracted is None or end > len(getattr(extracted, "text", "")) or start >= end:
            return None
        return text_selector(extracted, start, end)
    return at


def image_size_reader(archive) -> Callable[[str, str], tuple[int, int] | None]:
    """``(collection, item) -> (width, height)`` of the image as displayed (EXIF orientation applied)."""
    def size(collection_id: str, item_id: str) -> tuple[int, int] | None:
        item = archive.item(item_id) if collection_id == archive.collection.id else None
        if item is None or item.file is None:
            return None
        try:
            from PIL import Image
            with Image.open(item.file) as im:
                width, height = im.size
                turned = im.getexif().get(0x0112) in (5, 6, 7, 8)
        except Exception:  # not an image Pillow reads: the region stays kept, not shown
            return None
        return (height, width) if turned else (width, height)
    return size
