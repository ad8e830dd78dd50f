"""What the search index reads from the store: flat records, and a cursor-based change feed.

The index keeps a :class:`FeedCursor` (as a string) with its own data and asks
``store.changes_since(cursor)``; the store keeps one journal row per annotation id (the latest change), so
catching up costs one query however long the app was closed. Restoring a backup starts a new *epoch*:
the next batch then says ``reset=True`` and holds everything, because version numbers of the restored
database are not comparable with the index's cursor.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Annotation

__all__ = ["IndexRecord", "FeedCursor", "ChangeBatch", "Change", "index_record"]


@dataclass(frozen=True, slots=True)
class IndexRecord:
    """One annotation as the search index needs it: ``note:`` searches ``note``, ``tag:`` the ``tags``."""

    annotation_id: str
    collection_id: str
    item_id: str
    kind: str
    status: str
    colour: str
    author: str
    note: str  # Markdown source of the note
    tags: tuple[str, ...]
    quote: str  # the highlighted passage ("" for regions and whole-item notes)
    page: int | None
    created: str
    modified: str


def index_record(a: Annotation) -> IndexRecord:
    return IndexRecord(annotation_id=a.id, collection_id=a.collection_id, item_id=a.item_id, kind=str(a.kind),
                       status=str(a.status), colour=str(a.colour), author=a.author, note=a.body, tags=a.tags,
                       quote=a.quote, page=a.page, created=a.created, modified=a.modified)


@dataclass(frozen=True, slots=True, order=True)
class FeedCursor:
    epoch: str
    version: int

    def __str__(self) -> str:
        return f"{self.epoch}:{self.version}"

    @classmethod
    def parse(cls, text: "str | FeedCursor | None") -> "FeedCursor | None":
        if text is None or isinstance(text, FeedCursor):
            return text
        epoch, _, version = str(text).rpartition(":")
        try:
            return cls(epoch, int(version))
        except ValueError:
            return None  # unreadable cursor: treated as "never synced", i.e. a full reset


@dataclass(frozen=True, slots=True)
class Change:
    """One committed change, as given to ``store.subscribe`` callbacks."""

    annotation_id: str
    op: str  # "upsert" | "delete"
    version: int


@dataclass(frozen=True, slots=True)
class ChangeBatch:
    cursor: FeedCursor  # pass this to the next changes_since call
    upserts: tuple[IndexRecord, ...]
    deletes: tuple[str, ...]  # annotation ids
    reset: bool  # drop every annotation from the index first, then add ``upserts``
