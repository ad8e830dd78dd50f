"""Small, documented work-arounds for whoosh-reloaded 2.7.5 (frozen upstream), applied on import.

1. ``W3PerDocReader.has_column`` asks the file system (``os.stat``) on every call. While a segment is
   flushed, Whoosh calls it once per posting for fields that have no length column (the spelling field),
   which with ``compound=False`` segments made a quarter of the build time ``stat`` calls. A segment's
   files never change while a reader is open, so the answer is remembered per reader.

2. ``MultiReader.column_reader`` (the reader of an index with several segments) leaves out the segments
   that have no file for the column, but keeps the others' document offsets: every document of a segment
   after a missing one is then looked up in the wrong segment's column - wrong values, or ``IndexError:
   array index out of range`` past its end. A segment has no column file when none of its documents has a
   value for that field, which is what a segment holding only annotation documents is (they have no
   ``state``, and undated ones no ``date_lo``/``date_hi``): one highlight, a restart, an import, and every
   update read the ``state`` column through this path and failed for good (issue 15). A segment without
   the file is now read as the column's default for each of its documents, as ``SegmentReader`` already
   does for itself, so the segments and their offsets stay aligned.

3. ``VarBytesColumn.Writer.finish`` takes its lengths and offsets arrays *before* it pads them for the
   segment's last documents without a value; padding that outgrows the array's type (an offset past 65,535)
   replaces the array, and the old, shorter one is written: the column's offsets are then read from the
   wrong place. It now pads first and writes the arrays it padded.

4. While a segment is flushed, Whoosh asks ``W3PerDocReader.doc_field_length`` for every posting, and each
   answer was a seek and a one-byte read of the segment's length column: 12% of an index build (681,702
   calls for 10,000 records). The column is read once into memory per reader and indexed from there; the
   answers are the same bytes.
"""

from __future__ import annotations

from whoosh import columns, reading
from whoosh.codec import whoosh3
from whoosh.util.numeric import byte_to_length

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


def _doc_field_length(self, docnum, fieldname, default=0):
    if docnum > self._doccount:
        raise IndexError("Asked for docnum %r of %d" % (docnum, self._doccount))
    cache = self.__dict__.get("_ashraf_lengths")
    if cache is None:
        cache = self.__dict__["_ashraf_lengths"] = {}
    lengths = cache.get(fieldname)
    if lengths is None:
        col = self._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        if col is None:
            lengths = cache[fieldname] = False
        else:
            count = min(self._doccount, getattr(col, "_count", 0))
            lengths = cache[fieldname] = bytes(col._dbfile.get(col._basepos, count)) if count else b""
    if lengths is False:
        return default
    lbyte = lengths[docnum] if docnum < len(lengths) else 0
    if lbyte:
        return byte_to_length(lbyte)
    return None  # as Whoosh's own reader answers for a document without the field


def _multi_column_reader(self, fieldname, column=None, reverse=False, translate=True):
    """Every segment's column, in order; a segment without the column's file gives the default for each of
    its documents (``SegmentReader.column_reader`` makes that reader)."""
    if not (column or self.schema[fieldname].column_type):
        return _original_multi_column_reader(self, fieldname, column, reverse, translate)
    readers = [r.column_reader(fieldname, column=column, reverse=reverse, translate=translate)
               for r in self.readers]
    return columns.MultiColumnReader(readers, list(self.doc_offsets))


def _varbytes_finish(self, doccount):
    self.fill(doccount)  # first: padding may replace the arrays with wider ones
    dbfile = self._dbfile
    lengths = self._lengths.array
    offsets = self._offsets.array
    dbfile.write_array(lengths)
    write_offsets = self.allow_offsets and doccount > self.cutoff
    if write_offsets:
        dbfile.write_array(offsets)
    dbfile.write(lengths.typecode.encode("ascii"))
    if write_offsets:
        dbfile.write(offsets.typecode.encode("ascii"))
        dbfile.write(b"X")


_original_has_column = whoosh3.W3PerDocReader.has_column
_original_multi_column_reader = reading.MultiReader.column_reader


def apply() -> None:
    global _applied
    if not _applied:
        whoosh3.W3PerDocReader.has_column = _has_column
        whoosh3.W3PerDocReader.doc_field_length = _doc_field_length
        reading.MultiReader.column_reader = _multi_column_reader
        columns.VarBytesColumn.Writer.finish = _varbytes_finish
        _applied = True


apply()
