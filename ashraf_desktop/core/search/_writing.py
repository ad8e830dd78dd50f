"""What the index holds of the archive, and every write that changes it: builds, updates, merges.

Each item and event is one document carrying the content hash of everything indexed from it
(:mod:`._schema`), so an update re-indexes exactly what changed; what the index holds is read once from its
``state`` column and then kept in memory (``wanted``), with the running sum the archive fingerprint is made
of. All of it runs on the index's writer thread, under the writer lock (the facade sees to both). A write
that fails is cancelled (nothing of it committed) and its exception goes back to the facade, whose failure
rule decides what happens next.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterator

import whoosh.index as windex
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import NO_MERGE

from ..archive import Archive, Event, Item, ItemKind
from ._files import WordCollector, has_word, write_stamp, write_words
from ._readers import Readers
from ._schema import (ANNOTATION_PREFIX, FIELD_SEP, IndexDoc, archive_hashes, build_schema, event_doc,
                      event_hash, fact_doc, fact_hash, fingerprint_of, hash_sum, item_doc, item_hash)
from ._types import UpdateReport
from ._writer import open_writer

__all__ = ["Contents", "extractor_version"]

_log = logging.getLogger("ashraf.search")

LIMIT_MB = 128
#: Whole-archive builds of at least this many items and events, or this many bytes of held files, use two
#: writer processes (POSIX, 2+ cores; ``build_procs=1`` forces one, e.g. in a GUI process).
MP_BUILD_ITEMS = 5_000
MP_BUILD_BYTES = 16_000_000
#: Updates of at most this many documents commit without merging segments (merged at close or :meth:`merge`).
SMALL_UPDATE = 100
#: :meth:`Contents.merge` merges when an index has more segments than this.
MERGE_SEGMENTS = 8
_MASK = (1 << 128) - 1

ProgressFn = Callable[[int, int, str], None]
NoticeFn = Callable[[str, str, str], None]


def extractor_version() -> str:
    try:
        from ..extract.cache import CACHE_VERSION
    except ImportError:  # pragma: no cover - the extract package is part of the app
        return "extract-?"
    return f"extract-{CACHE_VERSION}"


def _patched_archive(archive: Archive, changed: dict[str, Any], gone: set[str]) -> Archive:
    """``archive`` with the ``changed`` objects in place of (or after) their namesakes and ``gone`` removed."""
    def patch(objs, prefix, kind):
        seen = set()
        out = []
        for o in objs:
            key = prefix + o.id
            if key in gone:
                continue
            seen.add(key)
            out.append(changed.get(key, o))
        out.extend(o for k, o in changed.items() if k not in seen and isinstance(o, kind))
        return tuple(out)
    return replace(archive, items=patch(archive.items, "item:", Item), events=patch(archive.events, "event:", Event))


class Contents:
    """The archive's documents in the index: content hashes, the documents themselves, and the writes."""

    def __init__(self, archive: Archive, readers: Readers, *, text_cache=None, progress: ProgressFn | None = None,
                 notice: NoticeFn | None = None, signature: str | None = None, build_procs: int | None = None,
                 make_writable: Callable[[], None] | None = None) -> None:
        self.readers = readers
        self._archive_base = archive
        self._patches: dict[str, Any] = {}  # update_items changes not yet applied to ``_archive_base``
        self._gone: set[str] = set()
        self._text_cache = text_cache
        self._progress = progress
        self._notice = notice or (lambda code, message, severity: None)
        self.signature = signature
        self._build_procs = build_procs
        self._make_writable = make_writable or (lambda: None)
        self._extractor_cached: str | None = None
        # content hashes: key -> (the item/event object, its hash); objects are immutable, so an object seen
        # before is never hashed again (``update(archive)`` with one new item hashes one item)
        self._hash_cache: dict[str, tuple[Any, str]] = {}
        # what the index holds, kept in memory after the first update: key -> content hash as computed
        # from the archive, and the running sum the fingerprint is made of
        self._wanted: dict[str, str] | None = None
        self._hsum = 0
        self.unmerged = 0  # commits made with merge=False since the last merge
        self._retry: set[str] = set()  # keys indexed without their text (extraction failed): retried
        self._skipped: set[str] = set()  # keys whose document could not be made in the write under way
        self.fingerprint: str | None = None
        #: the archive's change token (``Archive.change_token``) when the index last matched it as a whole
        self.token: str | None = None
        self.last_update: UpdateReport | None = None
        #: called after a small commit (the owner folds small segments in the background: ``_merging``)
        self.merge_soon: Callable[[], None] | None = None
        #: the annotation documents of changed or deleted items ({item id: the Item, or None}), written in the
        #: same commit: an annotation is dated like its item and labelled with its title (set by the feed)
        self.annotation_docs: Callable[[dict[str, Item | None]], list[IndexDoc]] | None = None

    # -- the archive the index matches --

    @property
    def archive(self) -> Archive:
        """The archive the index matches; update_items' changes are applied on first need (an O(n) copy)."""
        if self._patches or self._gone:
            self._archive_base = _patched_archive(self._archive_base, self._patches, self._gone)
            self._patches, self._gone = {}, set()
        return self._archive_base

    def item(self, item_id: str) -> Item | None:
        """One item of the archive the index matches, update_items' changes included, without applying them
        to a copy of the whole archive (an annotation sync after a one-item add at 100,000 items: 2.2 s)."""
        key = "item:" + item_id
        if key in self._gone:
            return None
        patched = self._patches.get(key)
        return patched if patched is not None else self._archive_base.item(item_id)

    @archive.setter
    def archive(self, archive: Archive) -> None:
        self._archive_base = archive
        self._patches, self._gone = {}, set()

    @property
    def collection_id(self) -> str:
        return self._archive_base.collection.id

    @property
    def extractor(self) -> str:
        """The text extractor's version (imported on first use: the extract package is slow to import)."""
        if self._extractor_cached is None:
            self._extractor_cached = extractor_version()
        return self._extractor_cached

    def hashes(self, archive: Archive) -> dict[str, str]:
        # the extractor's version only matters for documents (importing it costs most of a second)
        return archive_hashes(archive, lambda: self.extractor, self._hash_cache)

    def fingerprint_of(self, archive: Archive, hashes: dict[str, str] | None = None) -> str:
        hashes = self.hashes(archive) if hashes is None else hashes
        return fingerprint_of(archive.collection.id, len(hashes), hash_sum(hashes.values()))

    def forget(self) -> None:
        """Another generation is in use: what the index holds is read again from it when needed."""
        self._wanted, self._hsum, self._retry, self.unmerged = None, 0, set(), 0

    # -- documents --

    def _report(self, done: int, total: int, message: str) -> None:
        if self._progress is not None:
            try:
                self._progress(done, total, message)
            except Exception:  # noqa: BLE001 - a broken progress display must not break indexing
                _log.exception("progress callback failed")

    def _after(self, report: UpdateReport) -> None:
        self.last_update = report
        if report.problems:
            self._notice("extraction-failed",
                         f"{len(report.problems)} item(s) are searchable by their description only: "
                         + "; ".join(report.problems[:3]) + ("…" if len(report.problems) > 3 else ""),
                         "warning")

    def _text_of(self, item: Item, problems: list[str]) -> tuple[str, tuple]:
        if item.file is None or (item.kind is not ItemKind.DOCUMENT and item.text_layer is None):
            return "", ()  # a photo has text only when it was read (OCR)
        from ..extract import ExtractionError, extract
        try:
            try:
                if self._text_cache is not None:
                    result = self._text_cache.get(item.sha256, item.file, item.media_type or None)
                else:
                    result = extract(item.file, item.media_type or None)
            except ValueError:  # no usable checksum for the cache key
                result = extract(item.file, item.media_type or None)
        except ExtractionError as exc:
            problems.append(f"{item.id}: {exc.reason}")
            return "", ()
        except OSError as exc:
            problems.append(f"{item.id}: {exc.strerror or exc}")
            return "", ()
        pages = tuple((p.number, p.start, p.end) for p in result.pages)
        return result.text, pages

    def _doc_of_item(self, item: Item, chash: str, problems: list[str]) -> IndexDoc:
        text, pages = self._text_of(item, problems)
        if item.kind is ItemKind.DOCUMENT and item.file is not None and not text and problems \
                and problems[-1].startswith(item.id + ":"):
            chash += "!retry"  # extraction failed: try again at the next update
        return item_doc(item, chash, text, pages)

    def _docs(self, archive: Archive, keys: set[str] | None, problems: list[str],
              hashes: dict[str, str] | None = None) -> Iterator[IndexDoc]:
        hashes = hashes if hashes is not None else {}
        for item in archive.items:
            key = "item:" + item.id
            if keys is not None and key not in keys:
                continue
            doc = self._one(key, lambda: self._doc_of_item(item, hashes.get(key) or item_hash(item, self.extractor),
                                                           problems), problems)
            if doc is not None:
                yield doc
        langs = archive.collection.language
        for event in archive.events:
            key = "event:" + event.id
            if keys is not None and key not in keys:
                continue
            doc = self._one(key, lambda: event_doc(event, hashes.get(key) or event_hash(event), langs), problems)
            if doc is not None:
                yield doc
        facts = [f for f in archive.facts if keys is None or "fact:" + f.id in keys]
        if facts:
            titles = archive.items.titles({c.citation.item for f in facts for c in f.claims})
            for fact in facts:
                key = "fact:" + fact.id
                doc = self._one(key, lambda: fact_doc(fact, hashes.get(key) or fact_hash(fact), titles, langs),
                                problems)
                if doc is not None:
                    yield doc

    def _one(self, key: str, make: Callable[[], IndexDoc], problems: list[str]) -> IndexDoc | None:
        """One document; an item that cannot be made into one is left out with a problem and retried at the
        next update (one odd item never stops the others, nor counts as damage of the index)."""
        try:
            return make()
        except Exception as exc:  # noqa: BLE001 - any failure of one item's document
            _log.exception("search index: %s could not be indexed", key)
            problems.append(f"{key.partition(':')[2]}: it could not be indexed ({type(exc).__name__}: {exc})")
            self._skipped.add(key)
            return None

    # -- a whole generation --

    def _procs_for(self, archive: Archive) -> int:
        if self._build_procs is not None:
            return max(1, int(self._build_procs))
        if os.name != "posix" or (os.cpu_count() or 1) < 2:
            return 1
        if len(archive.items) + len(archive.events) >= MP_BUILD_ITEMS:
            return 2
        size = 0
        for item in archive.items:
            if item.file is not None and item.kind is ItemKind.DOCUMENT:
                with contextlib.suppress(OSError):
                    size += item.file.stat().st_size
        return 2 if size >= MP_BUILD_BYTES else 1

    def build(self, archive: Archive, folder: Path) -> windex.FileIndex:
        """Index all of ``archive`` into the empty generation ``folder`` and stamp it; the caller makes it
        the one in use (:meth:`adopted`) or removes the folder."""
        t0 = time.perf_counter()
        problems: list[str] = []
        hashes = self.hashes(archive)
        words = WordCollector()
        storage = FileStorage(str(folder))
        ix = storage.create_index(build_schema())
        procs = self._procs_for(archive)
        if procs > 1:  # one segment per process, no final merge (the merge is single-threaded)
            writer = open_writer(ix, procs=procs, multisegment=True, limitmb=LIMIT_MB, compound=False)
        else:
            writer = open_writer(ix, limitmb=LIMIT_MB, compound=False)
        self._skipped = set()
        try:
            total = len(archive.items) + len(archive.events) + len(archive.facts)
            failed: set[str] = set()
            for n, doc in enumerate(self._docs(archive, None, problems, hashes), start=1):
                words.add(doc.fields["content"])
                writer.add_document(**doc.fields)
                if doc.chash.endswith("!retry"):
                    failed.add(doc.key)
                self._report(n, total, doc.fields["title"])
            write_words(folder, words.folded())
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        failed |= self._skipped
        fp = fingerprint_of(archive.collection.id, len(hashes), hash_sum(hashes.values()))
        token = getattr(archive, "change_token", None)
        write_stamp(folder, ix.latest_generation(), fp, archive.collection.id, self.signature, token)
        self._built = (archive, fp, token, hashes, failed, UpdateReport(
            added=total, rebuilt=True, problems=tuple(problems), elapsed_s=time.perf_counter() - t0))
        return ix

    def adopted(self) -> UpdateReport:
        """The generation made by the last :meth:`build` is now the one in use."""
        archive, fp, token, hashes, failed, report = self._built
        self._built = None
        self.archive = archive
        self.fingerprint = fp
        self.token = token
        self._wanted = dict(hashes)
        self._hsum = hash_sum(hashes.values())
        self._retry = failed
        self.unmerged = 0
        self._after(report)
        return report

    # -- commits to the generation in use --

    def _indexed_state(self) -> dict[str, str]:
        """key -> content hash as stored in the index (a failed extraction's hash ends in ``!retry``)."""
        ix = self.readers.ix
        assert ix is not None
        out: dict[str, str] = {}
        with ix.reader() as r:
            if not r.has_column("state"):
                return out
            col = r.column_reader("state")
            for docnum in r.all_doc_ids():
                raw = col[docnum]
                if raw:
                    key, _, chash = raw.decode("utf-8").partition(FIELD_SEP)
                    if not key.startswith(ANNOTATION_PREFIX):
                        out[key] = chash
        return out

    def _load_state(self) -> None:
        """What the index holds, read once from its ``state`` column and then kept up to date in memory."""
        if self._wanted is not None:
            return
        indexed = self._indexed_state()
        self._retry = {k for k, v in indexed.items() if v.endswith("!retry")}
        self._wanted = {k: v.removesuffix("!retry") for k, v in indexed.items()}
        self._hsum = hash_sum(self._wanted.values())

    def write(self, deleted: list[str], docs: Iterator[IndexDoc] | list[IndexDoc], todo: int,
              purge_kind: str | None = None, report: bool = True,
              items: Callable[[], dict[str, Item | None]] | None = None, new: set[str] = frozenset()) -> None:
        """One commit: delete ``deleted`` keys (and, with ``purge_kind``, every document of that kind), add or
        replace ``docs``, and rewrite the annotations of ``items()`` (the items changed or deleted); all or
        nothing. Keeps ``_retry``. The documents of ``new`` keys (not in the index) are added without
        looking for one to replace (Whoosh opens a reader of every segment for that)."""
        ix, folder = self.readers.ix, self.readers.folder
        assert ix is not None and folder is not None
        words = WordCollector()
        small = len(deleted) + todo <= SMALL_UPDATE
        written: set[str] = set()
        failed: set[str] = set()
        self._skipped = set()
        writer = open_writer(ix, limitmb=LIMIT_MB, compound=False)
        try:
            if purge_kind:
                writer.delete_by_term("kind", purge_kind)
            for key in deleted:
                writer.delete_by_term("key", key)
            for n, doc in enumerate(docs, start=1):
                words.add(doc.fields["content"])
                if doc.key in new:
                    writer.add_document(**doc.fields)
                else:
                    writer.update_document(**doc.fields)
                written.add(doc.key)
                if doc.chash.endswith("!retry"):
                    failed.add(doc.key)
                if report:
                    self._report(n, todo, doc.fields["title"])
            if items is not None and self.annotation_docs is not None:
                for doc in self.annotation_docs(items()):
                    writer.update_document(**doc.fields)
            if words.raw:  # before the commit: the word list may cover more than the index, never less
                base = self.readers.word_list()
                new = [w for w in words.folded() if not has_word(base, w)]
                if new:
                    merged = sorted(base + new)  # two sorted runs: linear
                    write_words(folder, merged)
                    self.readers.set_word_list(folder, merged)
            # a small update commits its own little segment and merges nothing (Whoosh's MERGE_SMALL merged
            # big segments inside a one-item commit: 3.3 s on the speeches); small segments are folded in
            # the background (_merging), merge() and close() do the rest
            if small:
                writer.commit(mergetype=NO_MERGE)
            else:
                writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._retry = (self._retry - written - set(deleted)) | failed | self._skipped
        self.unmerged = self.unmerged + 1 if small else 0
        self.readers.refresh()
        if small and self.merge_soon is not None:
            self.merge_soon()

    def stamp(self, fp: str) -> None:
        ix, folder = self.readers.ix, self.readers.folder
        assert ix is not None and folder is not None
        write_stamp(folder, ix.latest_generation(), fp, self.collection_id, self.signature, self.token)
        self.fingerprint = fp

    def update(self, archive: Archive) -> UpdateReport:
        """Bring the index in line with ``archive`` by content hash (see ``SearchIndex.update``)."""
        t0 = time.perf_counter()
        hashes = self.hashes(archive)
        fp = fingerprint_of(archive.collection.id, len(hashes), hash_sum(hashes.values()))
        if self.readers.readonly:
            if fp == self.fingerprint:
                self.archive = archive
                return UpdateReport(unchanged=len(hashes))
            self._make_writable()
        self._load_state()
        indexed, retry = self._wanted, self._retry
        assert indexed is not None
        added = {k for k in hashes if k not in indexed}
        changed = {k for k, h in hashes.items() if k in indexed and (indexed[k] != h or k in retry)}
        deleted = set(indexed) - set(hashes)
        problems: list[str] = []
        if added or changed or deleted:
            todo = added | changed

            def items() -> dict[str, Item | None]:
                out: dict[str, Item | None] = {k[5:]: None for k in deleted if k.startswith("item:")}
                out.update((k[5:], archive.item(k[5:])) for k in todo if k.startswith("item:"))
                return out
            self.write(sorted(deleted), self._docs(archive, todo, problems, hashes), len(todo), items=items,
                       new=added)
        self.archive = archive
        self._wanted = hashes
        self._hsum = hash_sum(hashes.values())
        self.token = getattr(archive, "change_token", None)  # the index now matches this archive as a whole
        self.stamp(fp)
        report = UpdateReport(added=len(added), changed=len(changed), deleted=len(deleted),
                              unchanged=len(hashes) - len(added) - len(changed), problems=tuple(problems),
                              elapsed_s=time.perf_counter() - t0)
        self._after(report)
        return report

    def update_items(self, changed: list, deleted: list[str]) -> UpdateReport:
        """Add or replace ``changed`` (items and events) and delete ``deleted``, without diffing the archive."""
        t0 = time.perf_counter()
        todo, gone = self.changes(changed, deleted)
        if self.readers.readonly:
            self._make_writable()
        self._load_state()
        wanted = self._wanted
        assert wanted is not None
        hashes: dict[str, str] = {}
        for key, obj in todo.items():
            h = item_hash(obj, self.extractor) if isinstance(obj, Item) else event_hash(obj)
            self._hash_cache[key] = (obj, h)
            hashes[key] = h
        fresh = [k for k, h in hashes.items() if wanted.get(k) != h or k in self._retry]
        added = sum(1 for k in fresh if k not in wanted)
        gone_indexed = sorted(k for k in gone if k in wanted)
        problems: list[str] = []
        langs = self._archive_base.collection.language

        def docs() -> Iterator[IndexDoc]:
            for key in fresh:
                obj = todo[key]
                if isinstance(obj, Item):
                    doc = self._one(key, lambda: self._doc_of_item(obj, hashes[key], problems), problems)
                else:
                    doc = self._one(key, lambda: event_doc(obj, hashes[key], langs), problems)
                if doc is not None:
                    yield doc

        def items() -> dict[str, Item | None]:
            out: dict[str, Item | None] = {k[5:]: None for k in gone_indexed if k.startswith("item:")}
            out.update((k[5:], todo[k]) for k in fresh if k.startswith("item:"))
            return out

        if fresh or gone_indexed:
            self.write(gone_indexed, docs(), len(fresh), items=items, new={k for k in fresh if k not in wanted})
        self.apply_changes(todo, gone)
        for key in gone_indexed:
            self._hsum = (self._hsum - int(wanted.pop(key), 16)) & _MASK
            self._hash_cache.pop(key, None)
        for key, h in hashes.items():
            old = wanted.get(key)
            if old is not None:
                self._hsum = (self._hsum - int(old, 16)) & _MASK
            wanted[key] = h
            self._hsum = (self._hsum + int(h, 16)) & _MASK
        self.stamp(fingerprint_of(self.collection_id, len(wanted), self._hsum))
        report = UpdateReport(added=added, changed=len(fresh) - added, deleted=len(gone_indexed),
                              unchanged=len(wanted) - len(fresh), problems=tuple(problems),
                              elapsed_s=time.perf_counter() - t0)
        self._after(report)
        return report

    @staticmethod
    def changes(changed: list, deleted: list[str]) -> tuple[dict[str, Any], set[str]]:
        """``update_items``' arguments as {key: object} and a set of keys (raises for a bad argument)."""
        todo: dict[str, Any] = {}
        for obj in changed:
            if isinstance(obj, Item):
                todo["item:" + obj.id] = obj
            elif isinstance(obj, Event):
                todo["event:" + obj.id] = obj
            else:
                raise TypeError(f"update_items takes Item and Event objects, not {type(obj).__name__}")
        gone: set[str] = set()
        for ident in deleted:
            keys = [ident] if ident.startswith(("item:", "event:")) else ["item:" + ident, "event:" + ident]
            for key in keys:
                if key in todo:
                    raise ValueError(f"{key} is both changed and deleted")
                gone.add(key)
        return todo, gone

    def apply_changes(self, todo: dict[str, Any], gone: set[str]) -> None:
        """The archive the index matches gets these changes (applied lazily, see :attr:`archive`)."""
        for key in gone:
            self._patches.pop(key, None)
        self._gone |= gone
        self._gone -= set(todo)
        self._patches.update(todo)

    def merge(self) -> bool:
        """Merge the small segments left by unmerged commits (Whoosh's own MERGE_SMALL policy)."""
        ix, folder = self.readers.ix, self.readers.folder
        if ix is None or self.readers.readonly or folder is None:
            return False
        if self.unmerged == 0 and len(ix._segments()) <= MERGE_SEGMENTS:
            return False
        writer = open_writer(ix, limitmb=LIMIT_MB, compound=False)
        try:
            writer.commit(merge=True)
        except BaseException:
            writer.cancel()
            raise
        self.unmerged = 0
        self.readers.refresh()
        write_stamp(folder, ix.latest_generation(), self.fingerprint or "", self.collection_id, self.signature,
                    self.token)
        return True

