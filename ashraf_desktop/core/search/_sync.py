"""Annotations in the index: documents of kind ``annotation``, brought in line with the annotations
database through its change feed.

The index opens the database read-only on its writer thread, asks ``changes_since`` the cursor it stored
beside the generation (``.annotations-cursor``) and applies the batch in one commit: cheap when nothing
changed. A new generation has no cursor, so the next sync re-reads everything; a restored backup (a new
feed epoch) does too. Only annotations of the archive's collection are indexed.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import Any

from ._files import ANNOTATION_CURSOR, atomic_write
from ._schema import ANNOTATION_PREFIX, annotation_doc
from ._types import UpdateReport
from ._writing import Contents

__all__ = ["AnnotationFeed", "database_path"]


def database_path(source: Path | str) -> Path:
    """The annotations database named by ``source``: the file, or the data folder holding it."""
    path = Path(source)
    if path.is_dir() or not path.suffix:
        from ..annotations import DB_NAME
        path = path / DB_NAME
    return path


class AnnotationFeed:
    """The link between one annotations database and the index's annotation documents (writer thread)."""

    def __init__(self, contents: Contents) -> None:
        self.contents = contents
        self.readers = contents.readers
        contents.annotation_docs = self.docs_of_items
        self.path: Path | None = None  # the database synced from (None: never asked to)
        self._store: Any = None  # a read-only AnnotationStore, opened on the writer thread
        self._cursor_mem: tuple[Path | None, str | None] = (None, None)

    def follow(self, path: Path) -> None:
        if self.path != path:
            self.close()
            self.path = path

    def close(self) -> None:
        store, self._store = self._store, None
        if store is not None:
            store.close()

    def _open_store(self):
        """The read-only store; None while the database does not exist."""
        if self._store is None:
            path = self.path
            if path is None or not path.is_file():
                return None
            from ..annotations import AnnotationStore
            self._store = AnnotationStore(path, read_only=True)
        return self._store

    def _cursor(self) -> str | None:
        folder = self.readers.folder
        mem_folder, mem = self._cursor_mem
        if mem_folder == folder and mem is not None:
            return mem
        if folder is None:
            return None
        try:
            return (folder / ANNOTATION_CURSOR).read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    def _set_cursor(self, cursor: str | None) -> None:
        folder = self.readers.folder
        self._cursor_mem = (folder, cursor)
        if folder is None or self.readers.readonly:
            return
        path = folder / ANNOTATION_CURSOR
        if cursor is None:
            with contextlib.suppress(OSError):
                path.unlink()
        else:
            atomic_write(path, cursor)

    def docs_of_items(self, items: dict[str, Any]) -> list:
        """The annotation documents of these items ({id: Item, or None when it was deleted}) as they must be
        now: an annotation is dated like its item and shows its title. Nothing when this generation holds no
        annotations yet (the next sync brings them all)."""
        if not items or self._cursor() is None:
            return []
        store = self._open_store()
        if store is None:
            return []
        from ..annotations.feed import index_record
        collection = self.contents.collection_id
        if len(items) > 20:  # one query for all, rather than one per item
            found = [a for a in store.query(collection_id=collection) if a.item_id in items]
        else:
            found = [a for item_id in items for a in store.query(collection_id=collection, item_id=item_id)]
        return [annotation_doc(index_record(a), items[a.item_id]) for a in found]

    def sync(self, make_writable) -> UpdateReport:
        """Apply what changed in the database since the stored cursor (``make_writable()`` first if a
        write is needed and the generation in use is read-only)."""
        t0 = time.perf_counter()
        contents = self.contents
        if self.readers.ix is None:
            return UpdateReport()
        store = self._open_store()
        if store is None:  # no database (yet, or any more): whatever was indexed from one goes
            if self._cursor() is None:
                return UpdateReport()
            if self.readers.readonly:
                make_writable()
            contents.write([], iter(()), 0, purge_kind="annotation", report=False)
            contents.stamp(contents.fingerprint or "")
            self._set_cursor(None)
            return UpdateReport(rebuilt=True, elapsed_s=time.perf_counter() - t0)
        batch = store.changes_since(self._cursor())
        if self.readers.readonly and (batch.upserts or batch.deletes):
            make_writable()  # a prebuilt index opened in place: copy it first (new folder, no cursor)
            store = self._open_store()  # the new generation's _use closed the one read above
            if store is None:
                return UpdateReport(elapsed_s=time.perf_counter() - t0)
            batch = store.changes_since(self._cursor())
        collection = contents.collection_id
        docs = [annotation_doc(r, contents.item(r.item_id)) for r in batch.upserts if r.collection_id == collection]
        deleted = sorted({ANNOTATION_PREFIX + a for a in batch.deletes}
                         | {ANNOTATION_PREFIX + r.annotation_id for r in batch.upserts if r.collection_id != collection})
        if docs or deleted or (batch.reset and self._cursor() is not None):
            contents.write(deleted if not batch.reset else [], iter(docs), len(docs),
                           purge_kind="annotation" if batch.reset else None, report=False)
            contents.stamp(contents.fingerprint or "")
        self._set_cursor(str(batch.cursor))
        return UpdateReport(added=len(docs), deleted=len(batch.deletes), rebuilt=batch.reset,
                            elapsed_s=time.perf_counter() - t0)
