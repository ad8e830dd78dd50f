"""The index's life cycle: where it lives, when it is trusted, rebuilt or updated, and who may write.

Layout under ``index_root`` (the user cache folder, or ``--data-dir``)::

    <collection id>-<hash of the archive path>/
        CURRENT            the name of the generation folder in use (replaced atomically)
        writer.lock        inter-process writer lock (an OS lock: a killed holder releases it)
        gen-<time>-<pid>/  Whoosh files + stamp.json

``stamp.json`` holds the schema version, the archive fingerprint, and the name and size of every index
file at the last commit. ``words.txt`` holds the archive's unstemmed words, sorted (prefix expansion and
"did you mean" read it); it only ever grows between rebuilds, and is written before each commit so that it
always covers what the index holds. Schema mismatch → full rebuild; fingerprint mismatch → incremental update by
per-item content hash; a missing, truncated or unreadable file → full rebuild, and the user is told why.
A full rebuild writes a new generation folder and then swaps ``CURRENT``, so a crash in the middle leaves
the old index in use. Whoosh never fsyncs, so every step assumes the index can be rebuilt from the archive.

All writes go through one serial executor thread per :class:`SearchIndex` plus ``writer.lock`` between
processes; a failing batch is cancelled (nothing of it is committed) and the error re-raised. The writers
come from :mod:`._writer`, which releases Whoosh's own write lock on any failure (Whoosh kept it after a
full disk until the process ended); an OS error reaches the caller as :class:`IndexWriteError` ("the disk
is full: …") with a notice, and the index as it was goes on answering searches.
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import hashlib
import json
import logging
import os
import pickle
import re
import shutil
import struct
import threading
import time
import zlib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterator

import whoosh
import whoosh.index as windex
from whoosh import collectors, scoring, sorting
from whoosh import query as wq
from whoosh.analysis import STOP_WORDS
from whoosh.filedb.filestore import FileStorage

from dataclasses import replace

from ..archive import Archive, Event, Item, ItemKind
from . import _fast
from . import _patches  # noqa: F401 - Whoosh work-arounds, applied on import
from ._analysis import WORD_RE, fold_keyword, word_of
from ._highlight import SCAN_CHARS, SNIPPET_CHARS, find_hits, make_snippet
from ._occurrences import Occurrences
from ._query import WORD_LIST, HighlightSpec, Leaf, highlight_spec, leaves, parse, to_whoosh
from ._schema import (ANNOTATION_PREFIX, SCHEMA_VERSION, IndexDoc, annotation_doc, archive_hashes, build_schema,
                      decode_facets, event_doc, event_hash, fingerprint_of, hash_sum, item_doc, item_hash, FIELD_SEP)
from ._types import (FACET_KEYS, SORTS, Filters, Hit, HitSpan, IndexNotice, IndexWriteError, SearchError,
                     SearchResult, UpdateReport)
from ._writer import open_writer

__all__ = ["SearchIndex", "open_index", "index_home"]

_log = logging.getLogger("ashraf.search")

STAMP = "stamp.json"
WORDS = "words.txt"
CURRENT = "CURRENT"
LOCK = "writer.lock"
#: The annotations feed cursor the index has caught up to (a dot file: not part of the stamped manifest,
#: and not copied by ``export`` - a shipped index carries no one's annotations cursor).
ANNOTATION_CURSOR = ".annotations-cursor"
_STAMP_FORMAT = "ashraf-search-index"
_GEN_RE = re.compile(r"^gen-[0-9]+-[0-9]+$")
LOCK_TIMEOUT_S = 120.0
LIMIT_MB = 128
#: Whole-archive builds of at least this many items and events, or this many bytes of held files, use two
#: writer processes (POSIX, 2+ cores; ``build_procs=1`` forces one, e.g. in a GUI process).
MP_BUILD_ITEMS = 5_000
MP_BUILD_BYTES = 16_000_000
#: Updates of at most this many documents commit without merging segments (merged at close or :meth:`merge`).
SMALL_UPDATE = 100
#: :meth:`SearchIndex.close` merges when an index has more segments than this.
MERGE_SEGMENTS = 8
#: A small update merges the tiny segments earlier small updates left, once there are this many of them.
#: Folding them costs ~70 ms a segment (Whoosh re-reads every posting in Python), but every commit gets
#: slower as segments pile up (measured on 88k records: 20 instead of 6 made the other adds 35-145 ms).
TINY_DOCS = 500
TINY_SEGMENTS = 6
VERIFY_MODES = ("now", "background")

ProgressFn = Callable[[int, int, str], None]

#: Errors that mean "the index files are not what Whoosh expects" rather than a bug in this package.
_DAMAGE = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError, windex.EmptyIndexError,
           windex.IndexVersionError, windex.IndexError, KeyError, IndexError, ValueError, TypeError,
           AttributeError, UnicodeDecodeError)


#: OS errors that mean "no room left" (a full disk, a full quota, a file grown past what the disk allows).
_FULL = frozenset(getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG") if hasattr(errno, name))


def _write_error(exc: OSError, where: Path, after: str = "") -> IndexWriteError:
    """The user's sentence for an index write that failed ("the disk is full: …"), as an IndexWriteError."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.errno in _FULL:
        head = "the disk is full"
    elif exc.errno == errno.EROFS:
        head = "the disk is read-only"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        head = "there is no permission to write there"
    else:
        head = ""
    message = (f"{head}: " if head else "") + f"the search index could not be written in {where} ({reason})."
    if after:
        message += " " + after
    return IndexWriteError(exc.errno, message, exc.filename)


_AFTER_FAILED_WRITE = ("Searches go on with the index as it was last saved; it is brought up to date when this "
                       "is tried again with room on the disk, or at the next start.")


def _extractor_version() -> str:
    try:
        from ..extract.cache import CACHE_VERSION
    except ImportError:  # pragma: no cover - the extract package is part of the app
        return "extract-?"
    return f"extract-{CACHE_VERSION}"


def index_home(archive: Archive, index_root: Path) -> Path:
    """The folder holding this archive's index: collection id + a hash of the archive's path."""
    root = Path(archive.root).expanduser()
    with contextlib.suppress(OSError):
        root = root.resolve()
    digest = hashlib.sha256(str(root).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    cid = re.sub(r"[^a-z0-9-]+", "-", archive.collection.id.lower()).strip("-")[:40] or "archive"
    return Path(index_root) / f"{cid}-{digest}"


# --- inter-process lock --------------------------------------------------------------------------------


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # cannot tell cheaply; the OS lock decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class _FileLock:
    """An OS file lock (flock / msvcrt) with the holder's pid written inside, for diagnosis.

    The OS drops the lock when its holder dies, so a lock left by a killed process never blocks; finding a
    dead pid in the file tells us it happened (reported as a notice).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._depth = 0
        self._mutex = threading.RLock()

    def _try_lock(self, fd: int) -> bool:
        if os.name == "posix":
            import fcntl
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                return False
            except OSError:  # a file system without flock: fall back to the pid in the file
                return True
        import msvcrt  # pragma: no cover - Windows
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def acquire(self, timeout: float = LOCK_TIMEOUT_S) -> bool:
        """Take the lock (re-entrant in this process); True if a dead holder's lock was found and cleared."""
        self._mutex.acquire()
        if self._depth:
            self._depth += 1
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + timeout
        while not self._try_lock(fd):
            if time.monotonic() > deadline:
                os.close(fd)
                self._mutex.release()
                raise SearchError("another program has been updating the search index for too long; "
                                  "close it and try again")
            time.sleep(0.05)
        stale = False
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            previous = os.read(fd, 64).decode("ascii", "replace").strip()
            if previous:
                pid = int(previous.split()[0]) if previous.split()[0].isdigit() else -1
                stale = not _pid_alive(pid) or pid == -1
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except OSError:
            pass
        self._fd = fd
        self._depth = 1
        return stale

    def release(self) -> None:
        try:
            if self._depth > 1:
                self._depth -= 1
                return
            fd, self._fd, self._depth = self._fd, None, 0
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
                if os.name == "posix":
                    import fcntl
                    with contextlib.suppress(OSError):
                        fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
        finally:
            self._mutex.release()


# --- stamp, manifest, checks ---------------------------------------------------------------------------


def _index_files(folder: Path) -> dict[str, int]:
    out = {}
    with os.scandir(folder) as it:
        for entry in it:
            name = entry.name
            if (entry.is_file(follow_symlinks=False) and name != STAMP and not name.endswith("LOCK")
                    and not name.endswith(".tmp") and not name.startswith(".")):
                out[name] = entry.stat().st_size
    return out


def _atomic_write(path: Path, data: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(data, encoding="utf-8")
    os.replace(tmp, path)


def _read_stamp(folder: Path) -> dict[str, Any] | None:
    try:
        raw = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != _STAMP_FORMAT:
        return None
    return raw


def _write_stamp(folder: Path, ix: windex.FileIndex, fingerprint: str, collection: str,
                 signature: str | None = None) -> None:
    stamp = {"format": _STAMP_FORMAT, "schema": SCHEMA_VERSION, "fingerprint": fingerprint,
             "signature": signature, "collection": collection, "whoosh": whoosh.versionstring(),
             "generation": ix.latest_generation(), "files": _index_files(folder),
             "written": time.strftime("%Y-%m-%dT%H:%M:%S")}
    _atomic_write(folder / STAMP, json.dumps(stamp, indent=1, sort_keys=True))


def _check_index(folder: Path, stamp: dict[str, Any], readonly: bool = False
                 ) -> tuple[windex.FileIndex | None, str]:
    """Open the index in ``folder`` and make sure its files are whole; (index, "") or (None, why)."""
    try:
        storage = FileStorage(str(folder), readonly=readonly)
        if not windex.exists(storage):
            return None, "its table of contents is missing"
        gen = windex.TOC._latest_generation(storage, windex._DEF_INDEX_NAME)
    except Exception as exc:  # noqa: BLE001 - anything here means "not usable"
        return None, f"its table of contents could not be read ({type(exc).__name__})"
    files = stamp.get("files") if isinstance(stamp.get("files"), dict) else {}
    deep = stamp.get("generation") != gen or not files
    try:
        _read_words(folder)
    except (OSError, UnicodeDecodeError):
        return None, f"the file {WORDS} is missing or unreadable"
    if not deep:
        for name, size in files.items():
            if name == WORDS:  # rewritten before each commit: its size may be ahead of the stamp
                continue
            try:
                actual = (folder / name).stat().st_size
            except OSError:
                return None, f"the file {name} is missing"
            if actual != size:
                return None, f"the file {name} is truncated or changed ({actual} of {size} bytes)"
    try:
        ix = windex.FileIndex(storage, schema=None)
        schema = ix.schema
        if set(schema.names()) != set(build_schema().names()):
            return None, "its fields are not the ones this version expects"
        with ix.searcher() as s:
            r = s.reader()
            r.doc_count()
            if deep:
                _touch_everything(r)
            else:
                _touch_ends(r)
    except Exception as exc:  # noqa: BLE001
        return None, f"its files could not be read ({type(exc).__name__}: {str(exc)[:80]})"
    return ix, ""


def _leaf_readers(reader) -> list:
    return [r for r, _ in reader.leaf_readers()] if hasattr(reader, "readers") else [reader]


def _touch_ends(reader) -> None:
    """Read each segment's first and last stored document and first key (the stamp has vouched for the
    files' sizes; walking all 88k keys here cost 0.6 s on every start)."""
    for r in _leaf_readers(reader):
        n = r.doc_count_all()
        if n:
            r.stored_fields(0)
            r.stored_fields(n - 1)
        for _ in r.lexicon("key"):
            break


def _touch_everything(reader) -> None:
    """Read every index structure once (used when the stamp cannot vouch for the files)."""
    _touch_ends(reader)
    for r in _leaf_readers(reader):
        n = r.doc_count_all()
        for name in ("facets", "state", "title_sort"):
            if r.has_column(name):
                col = r.column_reader(name)
                for i in range(n):
                    col[i]
        for fieldname in ("key", "content", "title"):
            last = None
            for last in r.lexicon(fieldname):
                pass
            if last is not None:
                list(r.postings(fieldname, last).all_ids())


def _read_words(folder: Path) -> list[str]:
    """The sorted unstemmed words of the index in ``folder`` (raises OSError if the file is missing)."""
    with open(folder / WORDS, encoding="utf-8", newline="\n") as handle:
        data = handle.read()
    return data.split("\n") if data else []


def _write_words(folder: Path, words: list[str]) -> None:
    tmp = folder / f".{WORDS}.{os.getpid()}.{threading.get_ident()}.tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(words))
    os.replace(tmp, folder / WORDS)


def _has_word(words: list[str], w: str) -> bool:
    i = bisect.bisect_left(words, w)
    return i < len(words) and words[i] == w


class _WordCollector:
    """Collects the distinct raw words of documents as they are indexed (C-speed ``findall`` + a set);
    :meth:`folded` turns them into the sorted folded words of ``words.txt``."""

    def __init__(self) -> None:
        self.raw: set[str] = set()

    def add(self, text: str) -> None:
        if text:
            self.raw.update(WORD_RE.findall(text))

    def folded(self, base: list[str] = ()) -> list[str]:
        out = set(base)
        for raw in self.raw:
            w = word_of(raw)
            if w and "\n" not in w:
                out.add(w)
        return sorted(out)


# --- search helpers ------------------------------------------------------------------------------------


class _RecordingTop(collectors.TopCollector):
    """Top-N by score that also counts and remembers every match (for total and facets)."""

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.docs: list[int] = []

    def _collect(self, global_docnum, score):
        self.docs.append(global_docnum)
        return super()._collect(global_docnum, score)


class _RecordingSort(collectors.SortingCollector):
    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.docs: list[int] = []

    def collect(self, sub_docnum):
        self.docs.append(self.offset + sub_docnum)
        return super().collect(sub_docnum)


def _sort_facets(sort: str):
    undated = sorting.FieldFacet("undated")
    if sort == "date":
        return sorting.MultiFacet([undated, sorting.FieldFacet("date_lo"), sorting.FieldFacet("title_sort")])
    if sort == "date-desc":
        return sorting.MultiFacet([undated, sorting.FieldFacet("date_lo", reverse=True),
                                   sorting.FieldFacet("title_sort")])
    return sorting.MultiFacet([sorting.FieldFacet("title_sort"), undated, sorting.FieldFacet("date_lo")])


def _filters_query(filters: Filters | None) -> wq.Query | None:
    if filters is None or filters.is_empty():
        return None
    parts: list[wq.Query] = []

    def any_of(fieldname: str, values, norm=fold_keyword):
        terms = [wq.Term(fieldname, norm(str(v))) for v in sorted(values, key=str) if norm(str(v))]
        if terms:
            parts.append(wq.Or(terms) if len(terms) > 1 else terms[0])
        else:
            parts.append(wq.NullQuery)

    if filters.kinds:
        any_of("kind", filters.kinds, lambda v: v.strip().lower())
    if filters.tags:
        any_of("tag", filters.tags)
    if filters.languages:
        any_of("lang", filters.languages, lambda v: v.strip().lower().replace("_", "-"))
    if filters.publishers:
        any_of("pub", filters.publishers)
    if filters.years:
        any_of("year", filters.years, lambda v: str(int(v)))
    if filters.decades:
        any_of("decade", filters.decades, lambda v: str(int(v) // 10 * 10))
    if filters.date_range is not None:
        lo, hi = (int(x) for x in filters.date_range)
        parts.append(wq.And([wq.NumericRange("date_lo", None, hi), wq.NumericRange("date_hi", lo, None)]))
    return wq.And(parts) if len(parts) > 1 else parts[0]


def _merge_tiny(writer, segments):
    """Whoosh merge policy for small commits: fold segments of at most ``TINY_DOCS`` documents into the new
    one once there are ``TINY_SEGMENTS`` of them; never touch the big ones."""
    from whoosh.reading import SegmentReader
    tiny = [seg for seg in segments if seg.doc_count_all() <= TINY_DOCS]
    if len(tiny) < TINY_SEGMENTS:
        return segments
    for seg in tiny:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [seg for seg in segments if seg.doc_count_all() > TINY_DOCS]


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


def _page_of(pages, offset: int) -> int | None:
    if not pages:
        return None
    starts = [p[1] for p in pages]
    i = bisect.bisect_right(starts, offset) - 1
    return pages[max(i, 0)][0]


# --- the index -----------------------------------------------------------------------------------------


class SearchIndex:
    """Full-text search over one archive. Thread-safe: call :meth:`search` from any thread."""

    def __init__(self, archive: Archive, index_root: Path, *, text_cache=None,
                 progress: ProgressFn | None = None, prebuilt: Path | None = None,
                 build_procs: int | None = None, signature: str | None = None,
                 verify: str = "now") -> None:
        self.notices: list[IndexNotice] = []
        self._archive_base = archive
        self._patches: dict[str, Any] = {}  # update_items changes not yet applied to ``_archive_base``
        self._gone: set[str] = set()
        self._root = Path(index_root)
        self._home = index_home(archive, self._root)
        self._text_cache = text_cache
        self._progress = progress
        self._prebuilt = Path(prebuilt) if prebuilt else None
        self._build_procs = build_procs
        self._signature = signature
        if verify not in VERIFY_MODES:
            raise ValueError(f"verify must be one of {VERIFY_MODES}, not {verify!r}")
        self._verify = verify
        self._extractor_cached: str | None = None
        # content hashes: key -> (the item/event object, its hash); objects are immutable, so an object seen
        # before is never hashed again (``update(archive)`` with one new item hashes one item)
        self._hash_cache: dict[str, tuple[Any, str]] = {}
        # what the index holds, kept in memory after the first update: key -> content hash as computed
        # from the archive (``_wanted``), and the running sum the fingerprint is made of
        self._wanted: dict[str, str] | None = None
        self._hsum = 0
        self._words: tuple[Path, list[str]] | None = None
        self._words_lock = threading.Lock()
        self._unmerged = 0  # commits made with merge=False since the last merge
        self._retry: set[str] = set()  # keys indexed without their text (extraction failed): retried
        self._verifying = None  # the Future of a background verification
        self._lock = _FileLock(self._home / LOCK)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ashraf-index-writer")
        self._writer_thread: threading.Thread | None = None
        self._ix: windex.FileIndex | None = None
        self._dir: Path | None = None
        self._readonly = False
        self._generation = 0
        self._pool: list[tuple[int, Any]] = []
        self._pool_lock = threading.Lock()
        self._closed = False
        self._fingerprint: str | None = None
        self.last_update: UpdateReport | None = None
        self._annotation_db: Path | None = None  # the annotations database synced from (sync_annotations)
        self._annotation_store: Any = None  # a read-only AnnotationStore, opened on the writer thread
        self._annotation_cursor_mem: tuple[Path | None, str | None] = (None, None)

    # -- plumbing --

    @property
    def _archive(self) -> Archive:
        """The archive the index matches; update_items' changes are applied on first need (an O(n) copy)."""
        if self._patches or self._gone:
            self._archive_base = _patched_archive(self._archive_base, self._patches, self._gone)
            self._patches, self._gone = {}, set()
        return self._archive_base

    @_archive.setter
    def _archive(self, archive: Archive) -> None:
        self._archive_base = archive
        self._patches, self._gone = {}, set()

    @property
    def _extractor(self) -> str:
        """The text extractor's version (imported on first use: the extract package is slow to import)."""
        if self._extractor_cached is None:
            self._extractor_cached = _extractor_version()
        return self._extractor_cached

    @property
    def folder(self) -> Path | None:
        """The folder holding the Whoosh files in use (for diagnostics and tests)."""
        return self._dir

    def _run(self, fn: Callable[[], Any]) -> Any:
        if self._closed:
            raise SearchError("the search index is closed")
        if threading.current_thread() is self._writer_thread:
            return fn()

        def job():
            self._writer_thread = threading.current_thread()
            return fn()

        return self._executor.submit(job).result()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        stale = self._lock.acquire()
        if stale:
            self._notice("stale-lock", "A lock left on the search index by a program that stopped unexpectedly "
                                       "was cleared.")
        try:
            yield
        finally:
            self._lock.release()

    def _notice(self, code: str, message: str, severity: str = "info") -> None:
        _log.info("search index: %s", message)
        if not any(n.code == code and n.message == message for n in self.notices):
            self.notices.append(IndexNotice(code, message, severity))

    def _report(self, done: int, total: int, message: str) -> None:
        if self._progress is not None:
            try:
                self._progress(done, total, message)
            except Exception:  # noqa: BLE001 - a broken progress display must not break indexing
                _log.exception("progress callback failed")

    def _set_index(self, ix: windex.FileIndex | None, folder: Path | None, readonly: bool = False) -> None:
        with self._pool_lock:
            old = self._pool
            self._pool = []
            self._generation += 1
            self._ix, self._dir, self._readonly = ix, folder, readonly
        with self._words_lock:
            self._words = None
        for _, s in old:
            with contextlib.suppress(Exception):
                s.close()

    def _refresh(self) -> None:
        with self._pool_lock:
            old = self._pool
            self._pool = []
            self._generation += 1
        for _, s in old:
            with contextlib.suppress(Exception):
                s.close()

    @contextlib.contextmanager
    def _searcher(self):
        with self._pool_lock:
            if self._ix is None:
                raise SearchError("the search index is not open")
            gen = self._generation
            s = self._pool.pop()[1] if self._pool else None
            ix = self._ix
        if s is None:
            s = ix.searcher(weighting=scoring.BM25F())
        token = WORD_LIST.set(self._word_list)  # prefix expansion and suggestions read the word list
        try:
            yield s
        finally:
            WORD_LIST.reset(token)
            with self._pool_lock:
                keep = gen == self._generation and len(self._pool) < 8 and not self._closed
                if keep:
                    self._pool.append((gen, s))
            if not keep:
                with contextlib.suppress(Exception):
                    s.close()

    def _word_list(self) -> list[str]:
        """The sorted unstemmed words of the index in use (``words.txt``), read on first need."""
        folder = self._dir
        with self._words_lock:
            if self._words is not None and self._words[0] == folder:
                return self._words[1]
        words: list[str] = []
        if folder is not None:
            try:
                words = _read_words(folder)
            except (OSError, UnicodeDecodeError):
                _log.warning("search index: %s unreadable in %s", WORDS, folder)
        with self._words_lock:
            if self._dir == folder:
                self._words = (folder, words)
        return words

    # -- life cycle --

    def _hashes(self, archive: Archive) -> dict[str, str]:
        # the extractor's version only matters for documents (importing it costs most of a second)
        return archive_hashes(archive, lambda: self._extractor, self._hash_cache)

    def _fingerprint_of(self, archive: Archive, hashes: dict[str, str] | None = None) -> str:
        hashes = self._hashes(archive) if hashes is None else hashes
        return fingerprint_of(archive.collection.id, len(hashes), hash_sum(hashes.values()))

    def _trusted(self, stamp: dict[str, Any]) -> bool:
        """The caller's archive signature vouches for the stamp (no item needs hashing)."""
        return self._signature is not None and stamp.get("signature") == self._signature

    def _open(self) -> None:
        with self._locked():
            pre = self._prebuilt
            if pre is not None:
                stamp = _read_stamp(pre)
                if stamp and stamp.get("schema") == SCHEMA_VERSION and (
                        self._trusted(stamp) or stamp.get("fingerprint") == self._fingerprint_of(self._archive)):
                    ix, why = _check_index(pre, stamp, readonly=True)
                    if ix is not None:
                        self._set_index(ix, pre, readonly=True)
                        self._fingerprint = stamp.get("fingerprint")
                        return
                    _log.warning("prebuilt index at %s not used: %s", pre, why)
            self._cleanup()
            current = self._current_dir()
            if current is None:
                if self._adopt_prebuilt():
                    self._update(self._archive)
                else:
                    self._build(self._archive)
                return
            stamp = _read_stamp(current)
            if stamp is None:
                self._damaged("its stamp file is missing or unreadable")
                return
            if stamp.get("schema") != SCHEMA_VERSION:
                self._notice("rebuilt-schema", "The search index was rebuilt because this version of the app "
                                               "indexes differently.")
                self._build(self._archive)
                return
            ix, why = _check_index(current, stamp)
            if ix is None:
                self._damaged(why)
                return
            self._set_index(ix, current)
            self._fingerprint = stamp.get("fingerprint")
            if stamp.get("generation") != ix.latest_generation():
                self._update(self._archive)  # a commit that was never stamped: check everything now
            elif self._trusted(stamp):
                return
            elif self._verify == "now":
                self._verify_now()
            # "background": open_index schedules _verify_now on the writer thread once this returns

    def _verify_now(self) -> None:
        """Update the index if the archive's fingerprint is not the stamped one (runs on the writer thread)."""
        with self._locked():
            if self._ix is None:
                return
            if self._fingerprint_of(self._archive) != self._fingerprint:
                self._update(self._archive)
            elif self._signature is not None and self._dir is not None and not self._readonly:
                stamp = _read_stamp(self._dir) or {}
                if stamp.get("signature") != self._signature:
                    _write_stamp(self._dir, self._ix, self._fingerprint, self._archive.collection.id,
                                 self._signature)

    def _verify_in_background(self) -> None:
        def job() -> None:
            self._writer_thread = threading.current_thread()
            try:
                self._verify_now()
            except OSError as exc:  # a full disk: the stamped index stays in use; say why in words
                _log.warning("search index: background check failed: %s", exc)
                self._notice("write-failed", str(_write_error(exc, self._home, _AFTER_FAILED_WRITE)), "warning")
            except Exception as exc:  # noqa: BLE001 - the stamped index stays in use; say why
                _log.exception("search index: background check failed")
                self._notice("verify-failed", f"The search index could not be brought up to date ({exc}).",
                             "warning")
        self._verifying = self._executor.submit(job)

    def wait_until_current(self, timeout: float | None = None) -> bool:
        """Wait for a background check (``verify="background"``) to finish; True once the index matches the
        archive it was opened with (at once when there was nothing to wait for)."""
        fut = self._verifying
        if fut is None:
            return True
        try:
            fut.result(timeout)
        except TimeoutError:
            return False
        return True

    def _damaged(self, why: str) -> None:
        self._notice("rebuilt-damaged", f"The search index was rebuilt because its files were damaged ({why}).",
                     "warning")
        self._build(self._archive)

    def _current_dir(self) -> Path | None:
        try:
            name = (self._home / CURRENT).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        if not _GEN_RE.match(name) or not (self._home / name).is_dir():
            return None
        return self._home / name

    def _cleanup(self) -> None:
        """Remove generation folders other than the current one (left by a crash or a finished swap)."""
        current = self._current_dir()
        with contextlib.suppress(OSError):
            for entry in self._home.iterdir():
                if entry.is_dir() and _GEN_RE.match(entry.name) and entry != current:
                    shutil.rmtree(entry, ignore_errors=True)
                elif entry.name.endswith(".tmp") and entry.is_file():
                    with contextlib.suppress(OSError):
                        entry.unlink()

    def _new_dir(self) -> Path:
        self._home.mkdir(parents=True, exist_ok=True)
        folder = self._home / f"gen-{time.time_ns()}-{os.getpid()}"
        folder.mkdir()
        return folder

    def _swap(self, folder: Path, ix: windex.FileIndex) -> None:
        old = self._current_dir()
        _atomic_write(self._home / CURRENT, folder.name + "\n")
        self._set_index(ix, folder)
        if old is not None and old != folder:
            shutil.rmtree(old, ignore_errors=True)

    def _adopt_prebuilt(self) -> bool:
        """Copy a prebuilt index of the same schema into the cache (then update it), if there is one."""
        pre = self._prebuilt
        if pre is None:
            return False
        stamp = _read_stamp(pre)
        if not stamp or stamp.get("schema") != SCHEMA_VERSION:
            return False
        folder = self._new_dir()
        try:
            for name in _index_files(pre):
                shutil.copy2(pre / name, folder / name)
            shutil.copy2(pre / STAMP, folder / STAMP)
            ix, why = _check_index(folder, stamp)
        except OSError as exc:
            ix, why = None, str(exc)
        if ix is None:
            _log.warning("prebuilt index not usable: %s", why)
            shutil.rmtree(folder, ignore_errors=True)
            return False
        self._swap(folder, ix)
        return True

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

    def _build(self, archive: Archive) -> UpdateReport:
        """Index everything into a new folder, then swap it in."""
        t0 = time.perf_counter()
        folder = self._new_dir()
        problems: list[str] = []
        hashes = self._hashes(archive)
        words = _WordCollector()
        try:
            storage = FileStorage(str(folder))
            ix = storage.create_index(build_schema())
            procs = self._procs_for(archive)
            if procs > 1:  # one segment per process, no final merge (the merge is single-threaded)
                writer = open_writer(ix, procs=procs, multisegment=True, limitmb=LIMIT_MB, compound=False)
            else:
                writer = open_writer(ix, limitmb=LIMIT_MB, compound=False)
            try:
                total = len(archive.items) + len(archive.events)
                failed: set[str] = set()
                for n, doc in enumerate(self._docs(archive, None, problems, hashes), start=1):
                    words.add(doc.fields["content"])
                    writer.add_document(**doc.fields)
                    if doc.chash.endswith("!retry"):
                        failed.add(doc.key)
                    self._report(n, total, doc.fields["title"])
                _write_words(folder, words.folded())
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            fp = fingerprint_of(archive.collection.id, len(hashes), hash_sum(hashes.values()))
            _write_stamp(folder, ix, fp, archive.collection.id, self._signature)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        self._swap(folder, ix)
        self._archive = archive
        self._fingerprint = fp
        self._wanted = hashes
        self._hsum = hash_sum(hashes.values())
        self._retry = failed
        self._unmerged = 0
        report = UpdateReport(added=len(archive.items) + len(archive.events), rebuilt=True,
                              problems=tuple(problems), elapsed_s=time.perf_counter() - t0)
        self._after(report)
        if self._annotation_db is not None:  # a new generation holds no annotations yet: add them back
            try:
                self._sync_annotations()
            except Exception:  # noqa: BLE001 - the archive's index is whole; annotations follow at the next sync
                _log.exception("search index: annotations not re-added after the rebuild")
        return report

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
            chash = hashes.get(key) or item_hash(item, self._extractor)
            yield self._doc_of_item(item, chash, problems)
        langs = archive.collection.language
        for event in archive.events:
            key = "event:" + event.id
            if keys is not None and key not in keys:
                continue
            yield event_doc(event, hashes.get(key) or event_hash(event), langs)

    def _indexed_state(self) -> dict[str, str]:
        """key -> content hash as stored in the index (a failed extraction's hash ends in ``!retry``)."""
        assert self._ix is not None
        out: dict[str, str] = {}
        with self._ix.reader() as r:
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

    def _make_writable(self) -> None:
        """A prebuilt index opened in place is copied into the cache before its first change."""
        if not self._readonly:
            return
        if not self._adopt_prebuilt():
            self._build(self._archive)

    def _write(self, deleted: list[str], docs: Iterator[IndexDoc], todo: int, purge_kind: str | None = None,
               report: bool = True) -> None:
        """One commit: delete ``deleted`` keys (and, with ``purge_kind``, every document of that kind), add or
        replace ``docs``; all or nothing. Keeps ``_retry``."""
        ix = self._ix
        assert ix is not None and self._dir is not None
        words = _WordCollector()
        small = len(deleted) + todo <= SMALL_UPDATE
        written: set[str] = set()
        failed: set[str] = set()
        writer = open_writer(ix, limitmb=LIMIT_MB, compound=False)
        try:
            if purge_kind:
                writer.delete_by_term("kind", purge_kind)
            for key in deleted:
                writer.delete_by_term("key", key)
            for n, doc in enumerate(docs, start=1):
                words.add(doc.fields["content"])
                writer.update_document(**doc.fields)
                written.add(doc.key)
                if doc.chash.endswith("!retry"):
                    failed.add(doc.key)
                if report:
                    self._report(n, todo, doc.fields["title"])
            if words.raw:  # before the commit: the word list may cover more than the index, never less
                base = self._word_list()
                new = [w for w in words.folded() if not _has_word(base, w)]
                if new:
                    merged = sorted(base + new)  # two sorted runs: linear
                    _write_words(self._dir, merged)
                    with self._words_lock:
                        self._words = (self._dir, merged)
            # a small update commits its own little segment and merges only earlier tiny ones (Whoosh's
            # MERGE_SMALL may merge big segments inside a one-item commit); merge() / close() do the rest
            if small:
                writer.commit(mergetype=_merge_tiny)
            else:
                writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._retry = (self._retry - written - set(deleted)) | failed
        self._unmerged = self._unmerged + 1 if small else 0
        self._refresh()

    def _load_state(self) -> None:
        """What the index holds, read once from its ``state`` column and then kept up to date in memory."""
        if self._wanted is not None:
            return
        indexed = self._indexed_state()
        self._retry = {k for k, v in indexed.items() if v.endswith("!retry")}
        self._wanted = {k: v.removesuffix("!retry") for k, v in indexed.items()}
        self._hsum = hash_sum(self._wanted.values())

    def _update(self, archive: Archive) -> UpdateReport:
        t0 = time.perf_counter()
        hashes = self._hashes(archive)
        fp = fingerprint_of(archive.collection.id, len(hashes), hash_sum(hashes.values()))
        if self._readonly:
            if fp == self._fingerprint:
                self._archive = archive
                return UpdateReport(unchanged=len(hashes))
            self._make_writable()
        self._load_state()
        indexed, retry = self._wanted, self._retry
        assert indexed is not None
        added = {k for k in hashes if k not in indexed}
        changed = {k for k, h in hashes.items() if k in indexed and (indexed[k] != h or k in retry)}
        deleted = set(indexed) - set(hashes)
        problems: list[str] = []
        assert self._ix is not None and self._dir is not None
        if added or changed or deleted:
            todo = added | changed
            self._write(sorted(deleted), self._docs(archive, todo, problems, hashes), len(todo))
        self._archive = archive
        self._wanted = hashes
        self._hsum = hash_sum(hashes.values())
        self._stamp(fp)
        report = UpdateReport(added=len(added), changed=len(changed), deleted=len(deleted),
                              unchanged=len(hashes) - len(added) - len(changed), problems=tuple(problems),
                              elapsed_s=time.perf_counter() - t0)
        self._after(report)
        return report

    def _stamp(self, fp: str) -> None:
        assert self._ix is not None and self._dir is not None
        _write_stamp(self._dir, self._ix, fp, self._archive_base.collection.id, self._signature)
        self._fingerprint = fp

    def _update_items(self, changed: list, deleted: list[str]) -> UpdateReport:
        """Add or replace ``changed`` (items and events) and delete ``deleted``, without diffing the archive."""
        t0 = time.perf_counter()
        if self._readonly:
            self._make_writable()
        self._load_state()
        wanted = self._wanted
        assert wanted is not None and self._ix is not None
        collection = self._archive_base.collection
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
        hashes: dict[str, str] = {}
        for key, obj in todo.items():
            h = item_hash(obj, self._extractor) if isinstance(obj, Item) else event_hash(obj)
            self._hash_cache[key] = (obj, h)
            hashes[key] = h
        fresh = [k for k, h in hashes.items() if wanted.get(k) != h or k in self._retry]
        added = sum(1 for k in fresh if k not in wanted)
        gone_indexed = sorted(k for k in gone if k in wanted)
        problems: list[str] = []
        langs = collection.language

        def docs() -> Iterator[IndexDoc]:
            for key in fresh:
                obj = todo[key]
                if isinstance(obj, Item):
                    yield self._doc_of_item(obj, hashes[key], problems)
                else:
                    yield event_doc(obj, hashes[key], langs)

        if fresh or gone_indexed:
            self._write(gone_indexed, docs(), len(fresh))
        for key in gone:
            self._patches.pop(key, None)
        self._gone |= gone
        self._gone -= set(todo)
        self._patches.update(todo)
        mask = (1 << 128) - 1
        for key in gone_indexed:
            self._hsum = (self._hsum - int(wanted.pop(key), 16)) & mask
            self._hash_cache.pop(key, None)
        for key, h in hashes.items():
            old = wanted.get(key)
            if old is not None:
                self._hsum = (self._hsum - int(old, 16)) & mask
            wanted[key] = h
            self._hsum = (self._hsum + int(h, 16)) & mask
        self._stamp(fingerprint_of(collection.id, len(wanted), self._hsum))
        report = UpdateReport(added=added, changed=len(fresh) - added, deleted=len(gone_indexed),
                              unchanged=len(wanted) - len(fresh), problems=tuple(problems),
                              elapsed_s=time.perf_counter() - t0)
        self._after(report)
        return report

    # -- annotations --

    def _close_annotation_store(self) -> None:
        store, self._annotation_store = self._annotation_store, None
        if store is not None:
            store.close()

    def _open_annotation_store(self):
        """The read-only store (writer thread only); None while the database does not exist."""
        if self._annotation_store is None:
            path = self._annotation_db
            if path is None or not path.is_file():
                return None
            from ..annotations import AnnotationStore
            self._annotation_store = AnnotationStore(path, read_only=True)
        return self._annotation_store

    def _annotation_cursor(self) -> str | None:
        folder = self._dir
        mem_folder, mem = self._annotation_cursor_mem
        if mem_folder == folder and mem is not None:
            return mem
        if folder is None or self._readonly:
            return None
        try:
            return (folder / ANNOTATION_CURSOR).read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    def _set_annotation_cursor(self, cursor: str | None) -> None:
        folder = self._dir
        self._annotation_cursor_mem = (folder, cursor)
        if folder is None or self._readonly:
            return
        path = folder / ANNOTATION_CURSOR
        if cursor is None:
            with contextlib.suppress(OSError):
                path.unlink()
        else:
            _atomic_write(path, cursor)

    def _sync_annotations(self) -> UpdateReport:
        t0 = time.perf_counter()
        if self._ix is None:
            return UpdateReport()
        store = self._open_annotation_store()
        if store is None:  # no database (yet, or any more): whatever was indexed from one goes
            if self._annotation_cursor() is None:
                return UpdateReport()
            if self._readonly:
                self._make_writable()
            self._write([], iter(()), 0, purge_kind="annotation", report=False)
            self._stamp(self._fingerprint or "")
            self._set_annotation_cursor(None)
            return UpdateReport(rebuilt=True, elapsed_s=time.perf_counter() - t0)
        batch = store.changes_since(self._annotation_cursor())
        if self._readonly and (batch.upserts or batch.deletes):
            self._make_writable()  # a prebuilt index opened in place: copy it first (new folder, no cursor)
            batch = store.changes_since(self._annotation_cursor())
        collection = self._archive_base.collection.id
        archive = self._archive
        docs = [annotation_doc(r, archive.item(r.item_id)) for r in batch.upserts if r.collection_id == collection]
        deleted = sorted({ANNOTATION_PREFIX + a for a in batch.deletes}
                         | {ANNOTATION_PREFIX + r.annotation_id for r in batch.upserts if r.collection_id != collection})
        if docs or deleted or (batch.reset and self._annotation_cursor() is not None):
            self._write(deleted if not batch.reset else [], iter(docs), len(docs),
                        purge_kind="annotation" if batch.reset else None, report=False)
            self._stamp(self._fingerprint or "")
        self._set_annotation_cursor(str(batch.cursor))
        return UpdateReport(added=len(docs), deleted=len(batch.deletes), rebuilt=batch.reset,
                            elapsed_s=time.perf_counter() - t0)

    def _merge(self) -> bool:
        """Merge the small segments left by unmerged commits (Whoosh's own MERGE_SMALL policy)."""
        ix = self._ix
        if ix is None or self._readonly or self._dir is None:
            return False
        if self._unmerged == 0 and len(ix._segments()) <= MERGE_SEGMENTS:
            return False
        writer = open_writer(ix, limitmb=LIMIT_MB, compound=False)
        try:
            writer.commit(merge=True)
        except BaseException:
            writer.cancel()
            raise
        self._unmerged = 0
        self._refresh()
        _write_stamp(self._dir, ix, self._fingerprint or "", self._archive_base.collection.id, self._signature)
        return True

    def _recover(self, exc: BaseException) -> bool:
        """After a read failed: rebuild if the files turn out to be damaged. True if rebuilt."""
        def job() -> bool:
            with self._locked():
                folder = self._dir
                if folder is None or self._readonly:
                    why = f"it could not be read ({type(exc).__name__})"
                else:
                    stamp = _read_stamp(folder) or {}
                    ix, why = _check_index(folder, {**stamp, "files": {}})  # force the deep check
                    if ix is not None:
                        return False
                self._damaged(why)
                return True
        return self._run(job)

    def _run_write(self, fn: Callable[[], Any]) -> Any:
        """Run a writing job on the writer thread; an OS error (a full disk) becomes an IndexWriteError with
        words and a notice. The writers of :mod:`._writer` have released Whoosh's lock by then, so the index
        as it was still answers searches and the next write can go ahead."""
        try:
            return self._run(fn)
        except IndexWriteError:
            raise
        except OSError as exc:
            err = _write_error(exc, self._home, _AFTER_FAILED_WRITE)
            _log.warning("search index: %s", err)
            self._notice("write-failed", str(err), "warning")
            raise err from exc

    # -- public API --

    def update(self, archive: Archive) -> UpdateReport:
        """Bring the index in line with ``archive`` (add / change / delete by content hash).

        Only items and events that are not the very objects seen before are hashed again, and what the index
        holds is kept in memory after the first call, so an update costs a pass over the archive's objects
        plus the changed documents. A small update (at most ``SMALL_UPDATE`` documents) commits without
        merging segments; :meth:`merge` (at idle time) or :meth:`close` merges them.
        """
        def job() -> UpdateReport:
            with self._locked():
                return self._update(archive)
        return self._run_write(job)

    def update_items(self, changed=(), deleted=()) -> UpdateReport:
        """Add or replace the ``changed`` items and events, and delete ``deleted`` ones, without looking at
        the rest of the archive (for a caller that knows what it edited, e.g. one item added in the GUI).

        ``deleted`` holds ids (an item's or event's; ``"item:<id>"`` / ``"event:<id>"`` to say which).
        The index's archive becomes the old one with these changes; a later :meth:`update` or the next
        open still checks everything by content hash, so an incomplete list is corrected then.
        """
        changed, deleted = list(changed), [str(d) for d in deleted]

        def job() -> UpdateReport:
            with self._locked():
                return self._update_items(changed, deleted)
        return self._run_write(job)

    def sync_annotations(self, source: Path | str) -> UpdateReport:
        """Bring the index's annotation documents in line with an annotations database (incrementally).

        ``source`` is the database file (``annotations.sqlite``) or the data folder holding it. The index
        opens it read-only on its writer thread, asks ``changes_since`` its stored cursor and applies the
        batch in one commit: cheap when nothing changed, so call it after each save and at start-up. A
        rebuilt index (new generation, no cursor) re-reads everything; so does a restored backup (new feed
        epoch). Only annotations of this archive's collection are indexed. Later rebuilds re-sync by themselves.
        """
        path = Path(source)
        if path.is_dir() or not path.suffix:
            from ..annotations import DB_NAME
            path = path / DB_NAME

        def job() -> UpdateReport:
            with self._locked():
                if self._annotation_db != path:
                    self._close_annotation_store()
                    self._annotation_db = path
                return self._sync_annotations()
        return self._run_write(job)

    def merge(self) -> bool:
        """Merge small segments left by small updates (call at idle time; :meth:`close` does it too).
        True if a merge was done."""
        def job() -> bool:
            with self._locked():
                return self._merge()
        return self._run_write(job)

    @property
    def archive(self) -> Archive:
        """The archive the index currently matches (or is being brought in line with)."""
        return self._archive

    def rebuild(self) -> None:
        def job() -> None:
            with self._locked():
                self._build(self._archive)
        self._run_write(job)

    def close(self) -> None:
        if self._closed:
            return
        try:
            if self._unmerged:
                try:
                    self.merge()
                except Exception:  # noqa: BLE001 - the unmerged index is complete; merge next time
                    _log.exception("search index: merge on close failed")
            if self._annotation_store is not None:  # sqlite connections close on the thread that made them
                with contextlib.suppress(Exception):
                    self._run(self._close_annotation_store)
            self._executor.shutdown(wait=True)
        finally:
            self._closed = True
            self._set_index(None, None)

    def __enter__(self) -> "SearchIndex":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def export(self, dest: Path) -> Path:
        """Copy the current index to ``dest`` (a folder) to ship beside the archive as a prebuilt index."""
        def job() -> Path:
            with self._locked():
                assert self._dir is not None
                target = Path(dest)
                target.mkdir(parents=True, exist_ok=True)
                for old in _index_files(target):
                    (target / old).unlink()
                for name in _index_files(self._dir):
                    shutil.copy2(self._dir / name, target / name)
                shutil.copy2(self._dir / STAMP, target / STAMP)
                return target
        return self._run(job)

    def doc_count(self) -> int:
        with self._searcher() as s:
            return s.doc_count()

    def search(self, query: str, *, filters: Filters | None = None, sort: str = "relevance", page: int = 1,
               page_size: int = 20, with_facets: bool = True) -> SearchResult:
        for attempt in (1, 2):
            try:
                return self._search(query, filters, sort, page, page_size, with_facets)
            except SearchError:
                raise
            except _DAMAGE as exc:
                if attempt == 2 or not self._recover(exc):
                    raise
        raise AssertionError("unreachable")

    def _search(self, query: str, filters: Filters | None, sort: str, page: int, page_size: int,
                with_facets: bool) -> SearchResult:
        t0 = time.perf_counter()
        page = max(1, int(page))
        page_size = max(1, min(int(page_size), 500))
        notices: list[str] = []
        if sort not in SORTS:
            notices.append(f"Unknown sort '{sort}': sorted by relevance.")
            sort = "relevance"
        parsed = parse(query)
        notices.extend(parsed.notices)
        q = to_whoosh(parsed.tree)
        browse = parsed.tree is None
        if browse and sort == "relevance":
            sort = "date"
        fq = _filters_query(filters)
        limit = page * page_size
        with self._searcher() as s:
            try:
                ranked, docs = self._fast_search(s, q, fq, sort, limit)
            except _fast.Unsupported:
                ranked, docs = self._whoosh_search(s, q, fq, sort, limit)
            total = len(docs)
            top = ranked[(page - 1) * page_size: page * page_size]
            spec = highlight_spec(parsed.tree, s.reader()) if not browse else HighlightSpec(frozenset(), ())
            note_spec = (highlight_spec(parsed.tree, s.reader(), (None, "title", "note")) if not browse
                         else spec)
            hits = tuple(self._hit(s, docnum, score if sort == "relevance" else 0.0, spec, note_spec)
                         for score, docnum in top)
            facets = self._facets(s, docs) if with_facets else {}
            suggestion = None
            if not parsed.fallback and not browse:
                suggestion = self._suggest(s, query, parsed.tree, total)
        return SearchResult(query=query, total=total, hits=hits, facets=facets, suggestion=suggestion,
                            notice=" ".join(notices) or None, page=page, page_size=page_size,
                            elapsed_ms=(time.perf_counter() - t0) * 1000)

    @staticmethod
    def _whoosh_search(s, q, fq, sort: str, limit: int) -> tuple[list[tuple[float, int]], Any]:
        """Whoosh's own collectors: every query shape, exhaustive so that totals are exact."""
        if sort == "relevance":
            child = _RecordingTop(limit=limit, usequality=False, replace=0)
        else:
            child = _RecordingSort(_sort_facets(sort), limit=limit)
        coll = collectors.FilterCollector(child, allow=fq) if fq is not None else child
        s.search_with_collector(q, coll)
        return list(coll.results().top_n), child.docs

    @staticmethod
    def _fast_search(s, q, fq, sort: str, limit: int) -> tuple[list[tuple[float, int]], Any]:
        """The same answer as :meth:`_whoosh_search` through :mod:`_fast`; raises ``_fast.Unsupported``."""
        if sort not in ("relevance", "date", "date-desc"):
            raise _fast.Unsupported(sort)
        allow = _fast.docset(s, fq) if fq is not None else None
        scores = _fast.evaluate(s, q, scored=sort == "relevance", within=allow)
        if sort == "relevance":
            return _fast.top(scores, limit), scores.keys()
        keys = _fast.sort_keys(s, ("undated", "date_lo"))
        if keys is None:
            raise _fast.Unsupported("no date columns")
        undated, date_lo = keys
        sign = -1 if sort == "date-desc" else 1
        order = sorted(scores, key=lambda d: (undated[d], sign * date_lo[d], d))
        if len(order) > limit:  # documents tied with the last one shown are ordered by title too
            last = (undated[order[limit - 1]], date_lo[order[limit - 1]])
            end = limit
            while end < len(order) and (undated[order[end]], date_lo[order[end]]) == last:
                end += 1
            order = order[:end]
        col = s.reader().column_reader("title_sort")
        order.sort(key=lambda d: (undated[d], sign * date_lo[d], col[d], d))
        return [(0.0, d) for d in order[:limit]], scores.keys()

    def _hit(self, s, docnum: int, score: float, spec: HighlightSpec, note_spec: HighlightSpec | None = None) -> Hit:
        f = s.stored_fields(docnum)
        body = f.get("body") or ""
        if f.get("kind") == "annotation":
            a = f.get("annot") or {}
            spec = note_spec if note_spec is not None else spec
            spans = find_hits(body, spec, limit=SCAN_CHARS, max_hits=64, settle=2 * SNIPPET_CHARS) if spec else []
            snippet, highlights = make_snippet(body, spans)
            return Hit(id=f.get("id", ""), kind="annotation", title=a.get("label", ""), date=f.get("date"),
                       publisher=a.get("author", ""), score=float(score or 0.0), snippet=snippet,
                       highlights=highlights, item_id=f.get("item_id"), annotation_id=f.get("id", ""),
                       quote=a.get("quote", ""), page=a.get("page"), tags=tuple(a.get("tags", ())),
                       colour=a.get("colour", ""), author=a.get("author", ""))
        spans = find_hits(body, spec, limit=SCAN_CHARS, max_hits=64, settle=2 * SNIPPET_CHARS) if spec else []
        snippet, highlights = make_snippet(body, spans)
        return Hit(id=f.get("id", ""), kind=f.get("kind", ""), title=f.get("title", ""), date=f.get("date"),
                   publisher=f.get("pubs") or "", score=float(score or 0.0), snippet=snippet,
                   highlights=highlights, item_id=f.get("item_id"))

    def _facets(self, s, docs) -> dict[str, list[tuple[str, int]]]:
        # Per searcher: each document's facet record as a number into a list of distinct records (most
        # documents share theirs), so that counting is one C-speed Counter over small ints.
        state = getattr(s, "_ashraf_facets", None)
        if state is None:
            state = s._ashraf_facets = ({}, {}, [], s.reader().column_reader("facets"))
        record_of, number_of, records, col = state
        get = record_of.get
        numbers = []
        for d in docs:
            n = get(d)
            if n is None:
                rec = decode_facets(col[d])
                n = number_of.get(rec)
                if n is None:
                    n = number_of[rec] = len(records)
                    records.append(rec)
                record_of[d] = n
            numbers.append(n)
        counters = [Counter() for _ in FACET_KEYS]
        for n, count in Counter(numbers).items():
            for counter, values in zip(counters, records[n]):
                for v in values:
                    counter[v] += count
        out: dict[str, list[tuple[str, int]]] = {}
        for key, counter in zip(FACET_KEYS, counters):
            if key in ("year", "decade"):
                out[key] = sorted(counter.items(), key=lambda kv: int(kv[0]))
            else:
                out[key] = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        return out

    def _suggest(self, s, query: str, tree, total: int) -> str | None:
        from ._analysis import term_of, word_of
        r = s.reader()
        replacements: list[tuple[int, int, str]] = []
        corrector = None
        for leaf, negated in leaves(tree):
            if negated or not isinstance(leaf, Leaf) or leaf.field is not None or leaf.op or leaf.phrase:
                continue
            raw = leaf.text
            word = word_of(raw)
            term = term_of(raw)
            if not word or not term or len(word) < 3 or word.isdigit():
                continue
            if r.doc_frequency("content", term) or r.doc_frequency("title", term):
                continue
            if corrector is None:
                from whoosh.spelling import ListCorrector
                corrector = ListCorrector(self._word_list())
            maxdist = 1 if len(word) <= 4 else 2
            # the word list only grows between rebuilds: keep the words the index still holds
            found = [w for w in corrector.suggest(word, limit=8, maxdist=maxdist, prefix=1)
                     if r.doc_frequency("content", term_of(w))]
            if not found:
                continue
            best = min(found, key=lambda w: (_distance(w, word), -r.doc_frequency("content", term_of(w)), w))
            replacements.append((leaf.start, leaf.end, best))
        if not replacements:
            return None
        out = query
        for start, end, word in sorted(replacements, reverse=True):
            if query[start:end]:
                out = out[:start] + word + out[end:]
        return out if out != query else None

    def hit_spans(self, item_id: str, query: str) -> list[HitSpan]:
        """Every hit of ``query`` in the extracted text of document ``item_id`` (offsets into that text)."""
        for attempt in (1, 2):
            try:
                parsed = parse(query)
                with self._searcher() as s:
                    docnum = s.document_number(key="item:" + item_id)
                    if docnum is None:
                        return []
                    f = s.stored_fields(docnum)
                    if f.get("kind") != "document":
                        return []
                    spec = highlight_spec(parsed.tree, s.reader())
                    body = f.get("body") or ""
                    pages = f.get("pages") or ()
                    return [HitSpan(a, b, _page_of(pages, a)) for a, b in find_hits(body, spec)]
            except SearchError:
                raise
            except _DAMAGE as exc:
                if attempt == 2 or not self._recover(exc):
                    raise
        return []

    def occurrences(self, query: str, *, filters: Filters | None = None) -> Occurrences:
        """Every hit of ``query`` in each document ``search`` finds, text and offsets (see ``_occurrences``)."""
        return Occurrences(self, query, filters)

    def more_like_this(self, item_id: str, limit: int = 10) -> SearchResult:
        t0 = time.perf_counter()
        with self._searcher() as s:
            docnum = s.document_number(key="item:" + item_id)
            if docnum is None:
                docnum = s.document_number(key="event:" + item_id)
            if docnum is None:
                return SearchResult(query="", total=0, hits=(), page=1, page_size=limit,
                                    notice=f"No item '{item_id}' in the index.")
            f = s.stored_fields(docnum)
            text = "\n".join([f.get("title") or "", (f.get("body") or "")[:100_000]])
            kts = [(w, weight) for w, weight in s.key_terms_from_text("content", text, numterms=40, normalize=True)
                   if w not in _MLT_STOP and len(w) > 2 and not w.isdigit()][:12]
            if not kts:
                return SearchResult(query="", total=0, hits=(), page=1, page_size=limit)
            q = wq.Or([wq.Term("content", word, boost=weight) for word, weight in kts])
            results = s.search(q, limit=max(1, limit), mask={docnum})
            spec = HighlightSpec(frozenset(w for w, _ in kts), ())
            hits = tuple(self._hit(s, d, sc, spec) for sc, d in results.top_n)
            return SearchResult(query=" ".join(w for w, _ in kts), total=len(hits), hits=hits, page=1,
                                page_size=limit, elapsed_ms=(time.perf_counter() - t0) * 1000)


#: Function words left out of "more like this" key terms (the index itself keeps every word).
_MLT_STOP = frozenset(STOP_WORDS) | frozenset(
    "was were been has had would could should which who whom whose its their they them there these those than "
    "then also into over after before such other some all ani more most well veri onli said his her him she he "
    "our out about becaus what where whi how but not no nor onc upon".split())


def _distance(a: str, b: str) -> int:
    from whoosh.support.levenshtein import distance
    return distance(a, b, limit=3)


def open_index(archive: Archive, index_root: Path, *, text_cache=None, progress: ProgressFn | None = None,
               prebuilt: Path | None = None, build_procs: int | None = None, signature: str | None = None,
               verify: str = "now") -> SearchIndex:
    """Open (building, repairing or updating as needed) the search index of ``archive``.

    ``index_root`` is the user cache folder; the index lives in a sub-folder keyed to the archive.
    ``prebuilt`` names a folder holding an index shipped beside the archive, used in place if it matches.
    ``progress(done, total, title)`` is called from the writer thread while items are indexed.
    Raises :class:`SearchError` only when no index can be built at all (for example a read-only disk).

    Cost of opening an index that exists: checking whether it still matches the archive means hashing
    every item's metadata (about 1 s per 100,000 items). Two ways round it:

    * ``verify="background"``: open the stamped index at once and check it on the writer thread; searches
      see the stamped index until an update (if one is needed) commits. :meth:`SearchIndex.wait_until_current`
      waits for the check. ``"now"`` (the default) checks before returning.
    * ``signature``: a cheap string that changes whenever the archive may have changed (the loader can
      derive it from its files' sizes and times). It is kept in the stamp; when it matches, no item is
      hashed at all. When it does not, the index is checked by content hash as usual.

    ``build_procs``: writer processes for a full build (default: 2 for archives of ``MP_BUILD_ITEMS``
    items or more, on POSIX with 2+ cores; pass 1 from a process that must not fork, such as a GUI).
    """
    index = SearchIndex(archive, index_root, text_cache=text_cache, progress=progress, prebuilt=prebuilt,
                        build_procs=build_procs, signature=signature, verify=verify)
    try:
        index._run(index._open)
        if verify == "background" and index._ix is not None and index.last_update is None \
                and not index._trusted(_read_stamp(index._dir) or {}):
            index._verify_in_background()
    except SearchError:
        index.close()
        raise
    except OSError as exc:
        index.close()
        raise _write_error(exc, Path(index_root)) from exc
    return index
