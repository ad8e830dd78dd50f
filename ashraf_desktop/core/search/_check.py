"""Whether a generation of the index can be trusted: the quick check at every open, the deep one on demand.

The **quick check** costs a ``stat`` per file plus a few reads: the table of contents opens, every file
the stamp lists is there with its size and modification time (a file whose time changed is hashed and
compared with its stamped digest), the fields are the ones this version writes, and the first and last
stored documents of each segment read. The **deep check** (``ashraf-desktop index``, and whenever the stamp
cannot vouch for the files) reads everything a search relies on: every file's digest, every stored
document, every posting of every term (ids, weights and positions), every column, and the word list, which
must hold a word for every term of the text fields (else prefixes and "did you mean" miss words).

Each returns ``(index, "")`` or ``(None, why)`` with ``why`` in words; neither ever raises.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import whoosh.index as windex
from whoosh.codec import whoosh3
from whoosh.filedb.filestore import FileStorage
from whoosh.matching import wrappers as mwrappers

from ._analysis import stem_folded
from ._files import WORDS, file_digest, manifest_entry, read_words
from ._schema import build_schema

__all__ = ["check_generation", "leaf_readers"]

#: the text fields whose terms the word list must cover (``content`` holds the title and every other text)
_WORD_FIELDS = ("content",)


def leaf_readers(reader) -> list:
    return [r for r, _ in reader.leaf_readers()] if hasattr(reader, "readers") else [reader]


def check_generation(folder: Path, stamp: dict[str, Any], *, deep: bool = False, readonly: bool = False
                     ) -> tuple[windex.FileIndex | None, str]:
    """Open the generation in ``folder`` and check it against its ``stamp``; ``(index, "")`` or ``(None, why)``."""
    try:
        storage = FileStorage(str(folder), readonly=readonly)
        if not windex.exists(storage):
            return None, "its table of contents is missing"
        gen = windex.TOC._latest_generation(storage, windex._DEF_INDEX_NAME)
    except Exception as exc:  # noqa: BLE001 - anything here means "not usable"
        return None, f"its table of contents could not be read ({type(exc).__name__})"
    files = stamp.get("files") if isinstance(stamp.get("files"), dict) else {}
    if stamp.get("generation") != gen:  # a commit the stamp never saw: its list of files is not this one's
        files, deep = {}, True
    deep = deep or not files
    why, words_changed = _check_files(folder, files, deep)
    if why:
        return None, why
    try:
        words = read_words(folder)
    except (OSError, UnicodeDecodeError):
        return None, f"the file {WORDS} is missing or unreadable"
    try:
        ix = windex.FileIndex(storage, schema=None)
        if set(ix.schema.names()) != set(build_schema().names()):
            return None, "its fields are not the ones this version expects"
        with ix.searcher() as s:
            r = s.reader()
            r.doc_count()
            if deep:
                _read_everything(r)
            else:
                _touch_ends(r)
            if deep or words_changed:
                missing = _words_missing(r, words)
                if missing:
                    return None, (f"the file {WORDS} lacks words the index holds ({missing} terms, e.g. "
                                  "prefix searches would miss them)")
    except Exception as exc:  # noqa: BLE001 - any failure to read means damaged
        return None, f"its files could not be read ({type(exc).__name__}: {str(exc)[:80]})"
    return ix, ""


def _check_files(folder: Path, files: dict[str, Any], deep: bool) -> tuple[str, bool]:
    """("" or why, whether the word list differs from its stamp)."""
    words_changed = False
    for name, entry in files.items():
        size, mtime, digest = manifest_entry(entry)
        try:
            st = (folder / name).stat()
        except OSError:
            return f"the file {name} is missing", False
        same_stat = st.st_size == size and st.st_mtime_ns == mtime
        if name == WORDS:  # rewritten before each commit: it may be ahead of the stamp; its words decide
            words_changed = not same_stat
            continue
        if st.st_size != size:
            return f"the file {name} is truncated or changed ({st.st_size} of {size} bytes)", False
        if digest is not None and (deep or not same_stat):
            try:
                if file_digest(folder / name) != digest:
                    return f"the file {name} was changed or damaged (its contents differ from when it was " \
                           "written)", False
            except OSError as exc:
                return f"the file {name} could not be read ({exc.strerror or exc})", False
    return "", words_changed or deep


def _touch_ends(reader) -> None:
    """Read each segment's first and last stored document and first key (the stamp has vouched for the
    files; walking all 88k keys here cost 0.6 s on every start)."""
    for r in leaf_readers(reader):
        n = r.doc_count_all()
        if n:
            r.stored_fields(0)
            r.stored_fields(n - 1)
        for _ in r.lexicon("key"):
            break


def _read_postings(r, fieldname: str, btext: bytes) -> None:
    m = r.postings(fieldname, btext)
    if isinstance(m, mwrappers.FilterMatcher):
        m = m.child
    if isinstance(m, whoosh3.W3LeafMatcher):
        while not m._atend:  # block by block: ids, weights and values (positions) decoded
            m._read_ids()
            m._read_weights()
            m._read_values()
            if m._lastblock:
                break
            m._goto(m._nextoffset)
        return
    while m.is_active():  # inline postings of a rare term
        m.id(), m.weight(), m.value()
        m.next()


def _read_everything(reader) -> None:
    """Every stored document, column, length, and posting of every segment."""
    schema = reader.schema
    for r in leaf_readers(reader):
        n = r.doc_count_all()
        for docnum in range(n):
            r.stored_fields(docnum)
        for name in schema.names():
            field = schema[name]
            if field.column_type is not None and r.has_column(name):
                col = r.column_reader(name, translate=False)
                for docnum in range(n):
                    col[docnum]
            if field.scorable:
                lengths = r._perdoc._cached_reader(whoosh3._lenfield(name), whoosh3.LENGTHS_COLUMN)
                if lengths is not None:
                    for docnum in range(n):
                        lengths[docnum]
        for fieldname in r.indexed_field_names():
            for btext in r.lexicon(fieldname):
                _read_postings(r, fieldname, btext)


def _words_missing(reader, words: list[str]) -> int:
    """How many terms of the text fields no word of the word list stands for."""
    covered = {stem_folded(w) for w in words}
    missing = 0
    for fieldname in _WORD_FIELDS:
        for term in reader.field_terms(fieldname):
            if term not in covered:
                missing += 1
    return missing
