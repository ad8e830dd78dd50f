"""The search index of one archive, as the rest of the app sees it (:class:`SearchIndex`, :func:`open_index`,
:func:`rebuild_index`).

Where things are: the index's life - opening, generations, lock, stamp, prebuilt adoption, the failure rule -
in :mod:`._life` (its files in :mod:`._files`, the checks in :mod:`._check`, the lock in :mod:`._lock`); what
searches read in :mod:`._readers`; query execution in :mod:`._searching` and the block evaluator in
:mod:`._fast`; the archive's documents and every write in :mod:`._writing`; annotations in :mod:`._sync`.
All writes go through one serial writer thread per index plus ``writer.lock`` between processes; searches
run on any thread and never wait for a writer.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from ..archive import Archive
from . import _searching
from ._check import check_generation
from ._files import STAMP, index_files, read_stamp
from ._life import IndexLife, Listener, index_home
from ._rule import Damaged, write_error
from ._occurrences import Occurrences
from ._sync import database_path
from ._types import Filters, HitSpan, SearchResult, UpdateReport
from ._writing import Contents, ProgressFn

__all__ = ["SearchIndex", "open_index", "rebuild_index", "index_home", "Listener"]

_log = logging.getLogger("ashraf.search")


class SearchIndex(IndexLife):
    """Full-text search over one archive. Thread-safe: call :meth:`search` from any thread."""

    # -- writes (public) --

    def _write_job(self, doing: str, fn: Callable[[], Any], archive: Callable[[], Archive]) -> Any:
        """A write on the writer thread, under the lock and the rule; an OS error that is not damage (a full
        disk) reaches the caller as an IndexWriteError with words, and a notice."""
        def job() -> Any:
            with self._locked():
                return self._guarded(doing, fn, archive)
        try:
            return self._run(job)
        except OSError as exc:
            raise self._as_write_error(exc) from exc

    def update(self, archive: Archive) -> UpdateReport:
        """Bring the index in line with ``archive`` (add / change / delete by content hash).

        Only items and events that are not the very objects seen before are hashed again, and what the index
        holds is kept in memory after the first call, so an update costs a pass over the archive's objects
        plus the changed documents. A small update (at most ``SMALL_UPDATE`` documents) commits without
        merging segments; :meth:`merge` (at idle time) or :meth:`close` merges them.
        """
        return self._write_job("updating", lambda: self._contents.update(archive), lambda: archive)

    def update_items(self, changed=(), deleted=()) -> UpdateReport:
        """Add or replace the ``changed`` items and events, and delete ``deleted`` ones, without looking at
        the rest of the archive (for a caller that knows what it edited, e.g. one item added in the GUI).

        ``deleted`` holds ids (an item's or event's; ``"item:<id>"`` / ``"event:<id>"`` to say which).
        The index's archive becomes the old one with these changes; a later :meth:`update` or the next
        open still checks everything by content hash, so an incomplete list is corrected then.
        """
        changed, deleted = list(changed), [str(d) for d in deleted]
        todo, gone = Contents.changes(changed, deleted)  # a bad argument raises here, not in the rule

        def patched() -> Archive:
            self._contents.apply_changes(todo, gone)
            return self._contents.archive
        return self._write_job("updating items", lambda: self._contents.update_items(changed, deleted), patched)

    def sync_annotations(self, source: Path | str) -> UpdateReport:
        """Bring the index's annotation documents in line with an annotations database (incrementally).

        ``source`` is the database file (``annotations.sqlite``) or the data folder holding it. Cheap when
        nothing changed, so call it after each save and at start-up (the command line calls it before every
        search). A rebuilt index re-reads everything; so does a restored backup (new feed epoch). Only
        annotations of this archive's collection are indexed. Later rebuilds re-sync by themselves.
        """
        path = database_path(source)

        def sync() -> UpdateReport:
            self._feed.follow(path)
            return self._feed.sync(self._make_writable)
        return self._write_job("adding annotations", sync, lambda: self.archive)

    def merge(self) -> bool:
        """Merge small segments left by small updates (call at idle time; :meth:`close` does it too).
        True if a merge was done."""
        return bool(self._write_job("merging", self._contents.merge, lambda: self.archive))

    def rebuild(self) -> None:
        """A new generation from the archive; the old one is neither read nor trusted."""
        def job() -> None:
            with self._locked():
                self._build(self.archive)
        try:
            self._run(job)
        except OSError as exc:
            raise self._as_write_error(exc) from exc

    def check(self) -> UpdateReport | None:
        """Read everything a search relies on (:mod:`._check`'s deep check); repair what is damaged.
        The repair's report, or None when the index was whole."""
        def job() -> UpdateReport | None:
            with self._locked():
                folder = self.folder
                if folder is None or folder == self._prebuilt:
                    return None
                ix, why = check_generation(folder, read_stamp(folder) or {}, deep=True,
                                           readonly=self._readers.readonly)
                if ix is not None:
                    return None
                return self._repair("checking", Damaged(why))
        return self._run(job)

    def close(self) -> None:
        if self._closed:
            return
        try:
            self._merger.close()  # a merge under way ends (its swap needs the writer thread)
            if self._contents.unmerged and not self._read_only_home:
                try:
                    self.merge()
                except Exception:  # noqa: BLE001 - the unmerged index is complete; merge next time
                    _log.exception("search index: merge on close failed")
            with contextlib.suppress(Exception):
                self._run(self._feed.close)  # sqlite connections close on the thread that made them
            self._executor.shutdown(wait=True)
        finally:
            self._closed = True
            self._readers.close()
            if self._temporary is not None:
                shutil.rmtree(self._temporary, ignore_errors=True)

    def __enter__(self) -> "SearchIndex":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def export(self, dest: Path) -> Path:
        """Copy the current index to ``dest`` (a folder) to ship beside the archive as a prebuilt index."""
        def job() -> Path:
            with self._locked():
                assert self.folder is not None
                target = Path(dest)
                target.mkdir(parents=True, exist_ok=True)
                for old in index_files(target):
                    (target / old).unlink()
                for name in index_files(self.folder):
                    shutil.copy2(self.folder / name, target / name)
                shutil.copy2(self.folder / STAMP, target / STAMP)
                return target
        return self._run(job)

    # -- reads (public) --

    @contextlib.contextmanager
    def _searcher(self):
        """A Whoosh searcher on the generation in use (for the package's own readers, and tests)."""
        with self._readers.searcher() as s:
            yield s

    def doc_count(self) -> int:
        return self._read("counting", lambda s: s.doc_count(), lambda: 0)

    def search(self, query: str, *, filters: Filters | None = None, sort: str = "relevance", page: int = 1,
               page_size: int = 20, with_facets: bool = True, exact_total: bool = True) -> SearchResult:
        """One page of results. ``exact_total=False`` (the window's first page): where a phrase has very many
        candidates, the page comes at once with an estimated total (``total_is_estimate``, no facet
        counts); the same search with ``exact_total=True`` gives the exact count and the facets."""
        def run(s) -> SearchResult:
            result = _searching.run_search(s, query, filters, sort, page, page_size, with_facets,
                                           self._readers.word_list, exact_total)
            if self._repairing is not None and not self._repairing.done():
                note = ("The search index is being rebuilt; results may be incomplete until it is ready.")
                result = replace(result, notice=" ".join(x for x in (result.notice, note) if x))
            return result

        def repairing() -> SearchResult:
            return SearchResult(query=query, total=0, hits=(), page=max(1, int(page)), page_size=page_size,
                                notice="The search index was damaged and is being rebuilt; this search runs "
                                       "again when it is ready.")
        return self._read("searching", run, repairing)

    def hit_spans(self, item_id: str, query: str) -> list[HitSpan]:
        """Every hit of ``query`` in the extracted text of document ``item_id`` (offsets into that text)."""
        return self._read("reading a document's hits", lambda s: _searching.hit_spans(s, item_id, query), list)

    def occurrences(self, query: str, *, filters: Filters | None = None) -> Occurrences:
        """Every hit of ``query`` in each document ``search`` finds, text and offsets (see ``_occurrences``)."""
        return Occurrences(self, query, filters)

    def more_like_this(self, item_id: str, limit: int = 10) -> SearchResult:
        return self._read("finding similar items", lambda s: _searching.more_like_this(s, item_id, limit),
                          lambda: SearchResult(query="", total=0, hits=(), page=1, page_size=limit))


def _opened(index: SearchIndex, opener: Callable[[], None], index_root: Path) -> SearchIndex:
    try:
        try:
            index._run(lambda: index._guarded("opening", opener))
        except OSError as exc:
            raise write_error(exc, Path(index_root)) from exc
    except BaseException:
        index.close()
        raise
    return index


def open_index(archive: Archive, index_root: Path, *, text_cache=None, progress: ProgressFn | None = None,
               prebuilt: Path | None = None, build_procs: int | None = None, signature: str | None = None,
               verify: str = "now", deep: bool = False, annotations: Path | str | None = None) -> SearchIndex:
    """Open (building, repairing or updating as needed) the search index of ``archive``.

    ``index_root`` is the user cache folder; the index lives in a sub-folder keyed to the archive.
    ``prebuilt`` names a folder holding an index shipped beside the archive, used in place if it matches.
    ``progress(done, total, title)`` is called from the writer thread while items are indexed.
    ``deep``: check everything a search reads before trusting the index (the ``index`` command).
    Raises :class:`SearchError` only when no index can be built at all (for example a full disk).

    Cost of opening an index that exists: checking whether it still matches the archive means hashing
    every item's metadata (about 1 s per 100,000 items). Two ways round it:

    * ``verify="background"``: open the stamped index at once and check it on the writer thread; searches
      see the stamped index until an update (if one is needed) commits; a failure found later is repaired
      in the background too. :meth:`SearchIndex.wait_until_current` waits. ``"now"`` (the default) checks
      before returning, and a search that meets damage waits for the repair.
    * ``signature``: a cheap string that changes whenever the archive may have changed (the loader can
      derive it from its files' sizes and times). It is kept in the stamp; when it matches, no item is
      hashed at all. When it does not, the index is checked by content hash as usual.

    ``build_procs``: writer processes for a full build (default: 2 for archives of ``MP_BUILD_ITEMS``
    items or more, on POSIX with 2+ cores; pass 1 from a process that must not fork, such as a GUI).
    ``annotations``: the annotations database (or the data folder holding it) that :meth:`sync_annotations`
    will follow; given here, updates made while opening already rewrite the annotations of changed items.
    """
    index = SearchIndex(archive, index_root, text_cache=text_cache, progress=progress, prebuilt=prebuilt,
                        build_procs=build_procs, signature=signature, verify=verify, annotations=annotations)
    _opened(index, lambda: index._open(deep=deep), index_root)
    if index._damage_at_open:
        index._start_repair("opening", Damaged(index._damage_at_open), index.folder)
    elif verify == "background" and index._readers.ix is not None and index.last_update is None \
            and not index._read_only_home and not index._trusted(read_stamp(index.folder) or {}):
        index._verify_in_background()
    return index


def rebuild_index(archive: Archive, index_root: Path, *, text_cache=None, progress: ProgressFn | None = None,
                  build_procs: int | None = None, signature: str | None = None,
                  annotations: Path | str | None = None) -> SearchIndex:
    """A new index of ``archive`` (and its ``annotations``) built from scratch and put in use; the old one is
    never read (whatever state it is in, this works)."""
    index = SearchIndex(archive, index_root, text_cache=text_cache, progress=progress, build_procs=build_procs,
                        signature=signature, annotations=annotations)

    def build() -> None:
        with index._locked():
            index._build(archive)
            if not index._read_only_home:
                index._home.cleanup()
    return _opened(index, build, index_root)

