"""The plain data the search facade hands out: no Whoosh objects ever leave the package."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Filters", "Hit", "HitSpan", "SearchResult", "IndexNotice", "UpdateReport", "SearchError",
           "IndexWriteError", "FACET_KEYS", "SORTS", "KINDS"]

FACET_KEYS = ("kind", "year", "decade", "tag", "language", "publisher")
SORTS = ("relevance", "date", "date-desc", "title")
KINDS = ("document", "image", "record", "event", "annotation")


class SearchError(Exception):
    """The index could not be built or opened even after a rebuild (disk full, no permission)."""


class IndexWriteError(SearchError, OSError):
    """An update, rebuild or merge could not be written (a full disk, no permission, a read-only disk).

    Nothing of it was committed, the index's write lock is released, and the index as it was goes on
    answering searches; the same call may simply be repeated once there is space. ``errno`` and
    ``filename`` are the operating system's; ``str()`` is a sentence for the user ("the disk is full: …").
    """

    def __str__(self) -> str:
        return self.strerror or super().__str__()


@dataclass(frozen=True)
class Filters:
    """Restrictions chosen in the GUI's facet panel; each non-empty set is an OR of its values."""

    kinds: frozenset[str] = frozenset()
    date_range: tuple[int, int] | None = None  # ordinal days, inclusive; EDTF overlap
    tags: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    publishers: frozenset[str] = frozenset()
    years: frozenset[int] = frozenset()
    decades: frozenset[int] = frozenset()

    def is_empty(self) -> bool:
        return not (self.kinds or self.date_range or self.tags or self.languages or self.publishers
                    or self.years or self.decades)


@dataclass(frozen=True)
class Hit:
    id: str
    kind: str  # "document" | "image" | "record" | "event" | "annotation" | "fact"
    title: str
    date: str | None  # EDTF as written
    publisher: str
    score: float
    snippet: str  # plain text
    highlights: tuple[tuple[int, int], ...] = ()  # (start, end) spans in ``snippet``
    item_id: str | None = None  # the item to open: itself, or for events the first cited item
    #: for ``kind == "annotation"`` (``id`` is then the annotation's id, ``title`` its item's title):
    annotation_id: str | None = None
    quote: str = ""  # the highlighted passage ("" for regions and whole-item notes)
    page: int | None = None  # PDF page of the passage
    tags: tuple[str, ...] = ()
    colour: str = ""
    author: str = ""


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str | None = None  # "did you mean", a whole corrected query string
    notice: str | None = None  # the query was not read as written, and why
    page: int = 1
    page_size: int = 20
    elapsed_ms: float = 0.0
    #: ``total`` is an estimate ("about N"): the first page is exact, the count and facets come from a search
    #: with ``exact_total=True`` (asked for by ``search(..., exact_total=False)`` on phrases with many candidates)
    total_is_estimate: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size)) if self.page_size else 1


@dataclass(frozen=True)
class HitSpan:
    """One hit in an item's extracted text: ``text[start:end]``; ``page`` for PDFs (1-based)."""

    start: int
    end: int
    page: int | None = None


@dataclass(frozen=True)
class IndexNotice:
    """Something the user should know about the index ("rebuilt because its files were damaged")."""

    code: str  # "rebuilt-damaged" | "rebuilt-schema" | "stale-lock" | "extraction-failed" | "prebuilt-copied"
    message: str
    severity: str = "info"  # "info" | "warning"

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class UpdateReport:
    added: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0
    rebuilt: bool = False
    problems: tuple[str, ...] = ()  # items indexed without their text, each with the reason
    elapsed_s: float = 0.0

    @property
    def changes(self) -> int:
        return self.added + self.changed + self.deleted
