"""What searches read: the generation in use, a small pool of Whoosh searchers on it, and its word list.

Searches run on any thread and never wait for a writer: they take a searcher of the generation in use from
the pool (or open one). A commit or a new generation (:meth:`Readers.use`, :meth:`Readers.refresh`) makes
new searchers see it; searchers of the older state are closed as they come back.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path
from typing import Iterator

import whoosh.index as windex
from whoosh import scoring

from ._files import WORDS, read_words
from ._expand import WORD_LIST
from ._types import SearchError

__all__ = ["Readers"]

_log = logging.getLogger("ashraf.search")

#: searchers kept for reuse (each holds its segments' files open)
POOL_SIZE = 8


class Readers:
    """The generation searches read, shared by the writer (which changes it) and every searching thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.ix: windex.FileIndex | None = None
        self.folder: Path | None = None
        self.readonly = False  # a prebuilt index used where it lies, or a read-only home
        self._state = 0  # +1 at every commit or new generation: pooled searchers of older states are closed
        self._pool: list = []
        self._closed = False
        self._words: tuple[Path, list[str]] | None = None
        self._words_lock = threading.Lock()

    def use(self, ix: windex.FileIndex | None, folder: Path | None, readonly: bool = False) -> None:
        """Searches read generation ``ix`` (in ``folder``) from now on."""
        with self._lock:
            old, self._pool = self._pool, []
            self._state += 1
            self.ix, self.folder, self.readonly = ix, folder, readonly
        with self._words_lock:
            self._words = None
        self._close_all(old)

    def refresh(self) -> None:
        """A commit was made: new searchers see it."""
        with self._lock:
            old, self._pool = self._pool, []
            self._state += 1
        self._close_all(old)

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self.use(None, None)

    @staticmethod
    def _close_all(searchers: list) -> None:
        for s in searchers:
            with contextlib.suppress(Exception):
                s.close()

    @contextlib.contextmanager
    def searcher(self) -> Iterator:
        with self._lock:
            if self.ix is None:
                raise SearchError("the search index is not open")
            state = self._state
            s = self._pool.pop() if self._pool else None
            ix = self.ix
        if s is None:
            s = ix.searcher(weighting=scoring.BM25F())
        token = WORD_LIST.set(self.word_list)  # prefix expansion and suggestions read the word list
        try:
            yield s
        finally:
            WORD_LIST.reset(token)
            with self._lock:
                keep = state == self._state and len(self._pool) < POOL_SIZE and not self._closed
                if keep:
                    self._pool.append(s)
            if not keep:
                with contextlib.suppress(Exception):
                    s.close()

    def word_list(self) -> list[str]:
        """The sorted unstemmed words of the generation in use (``words.txt``), read on first need."""
        folder = self.folder
        with self._words_lock:
            if self._words is not None and self._words[0] == folder:
                return self._words[1]
        words: list[str] = []
        if folder is not None:
            try:
                words = read_words(folder)
            except (OSError, UnicodeDecodeError):
                _log.warning("search index: %s unreadable in %s", WORDS, folder)
        with self._words_lock:
            if self.folder == folder:
                self._words = (folder, words)
        return words

    def set_word_list(self, folder: Path, words: list[str]) -> None:
        """The writer wrote ``words`` to ``folder``'s word list: searches use them without reading the file."""
        with self._words_lock:
            if self.folder == folder:
                self._words = (folder, words)
