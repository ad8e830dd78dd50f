"""Small, documented work-arounds for whoosh-reloaded 2.7.5 (frozen upstream), applied on import.

1. ``W3PerDocReader.has_column`` asks the file system (``os.stat``) on every call. While a segment is
   flushed, Whoosh calls it once per posting for fields that have no length column (the spelling field),
   which with ``compound=False`` segments made a quarter of the build time ``stat`` calls. A segment's
   files never change while a reader is open, so the answer is remembered per reader.
"""

from __future__ import annotations

from whoosh.codec import whoosh3

__all__ = ["apply"]

_applied = False


def _has_column(self, fieldname):
    cache = self.__dict__.get("_ashraf_has_column")
    if cache is None:
        cache = self.__dict__["_ashraf_has_column"] = {}
    found = cache.get(fieldname)
    if found is None:
        found = cache[fieldname] = _original_has_column(self, fieldname)
    return found


_original_has_column = whoosh3.W3PerDocReader.has_column


def apply() -> None:
    global _applied
    if not _applied:
        whoosh3.W3PerDocReader.has_column = _has_column
        _applied = True


apply()
