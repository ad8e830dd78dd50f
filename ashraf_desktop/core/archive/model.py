"""The archive as immutable data: collection, items, events, facts and the problems found loading them.

Every other layer (search, timeline, viewer, gallery, annotations) reads these objects and never the
TOML files, so the format can evolve in one place (:mod:`ashraf_desktop.core.archive.loader`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Iterator, NamedTuple, Sequence

from .dates import DateError, DateSpan, parse_date

__all__ = [
    "ItemKind", "Metadata", "Citation", "Claim", "Item", "Event", "Fact", "Collection", "Archive",
    "Problem", "Severity", "DC_FIELDS", "TextLayer", "Items", "MemoryItems", "DatedItem", "ItemRow", "ORDERS",
    "FileRow", "Changes",
]

#: Dublin Core terms an item may carry, in the order the provenance panel shows them.
DC_FIELDS = ("title", "creator", "publisher", "date", "language", "description", "subject", "source",
             "rights", "type", "format", "identifier")


class ItemKind(str, Enum):
    DOCUMENT = "document"  # a held text, Markdown, HTML or PDF file
    IMAGE = "image"  # a held image file
    RECORD = "record"  # a work the sources refer to that the archive does not hold

    def __str__(self) -> str:  # so f-strings and JSON show "document", not "ItemKind.DOCUMENT"
        return self.value


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an archive: which file, where in it, and what, in words a user understands."""

    path: Path
    where: str  # a field ("items/x.toml: sha256"), a line ("line 12"), or "" for the whole file
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f" [{self.where}]" if self.where else ""
        return f"{self.severity}: {self.path}{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Metadata:
    """Descriptive metadata in Dublin Core terms. Repeatable terms are tuples; absent ones empty."""

    title: str
    creator: tuple[str, ...] = ()
    publisher: tuple[str, ...] = ()
    date: str | None = None  # EDTF exactly as written
    language: tuple[str, ...] = ()
    description: str = ""
    subject: tuple[str, ...] = ()
    source: str = ""
    rights: str = ""
    type: str = ""
    format: str = ""
    identifier: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {name: (list(v) if isinstance(v, tuple) else v) for name in DC_FIELDS
                if (v := getattr(self, name)) not in (None, "", ())}


@dataclass(frozen=True, slots=True)
class Citation:
    """A passage of an archive item, quoted verbatim, that a statement rests on."""

    item: str
    quote: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """One source's value for a fact (a date, a number), with the passage it comes from."""

    value: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class TextLayer:
    """Machine-read text (OCR) of a held file: derived data kept beside it (``<file>.ocr.json``), never part of
    the held file, which keeps its bytes and checksum. Shown everywhere as text that may contain errors."""

    file: Path  # the layer's JSON file (absolute)
    sha256: str  # of that JSON file: a new reading is a new hash (the index re-reads the item)
    engine: str  # "Tesseract 5.3.0"
    languages: tuple[str, ...] = ()  # Tesseract codes: eng, fas, ara
    date: str = ""  # ISO date of the reading
    pages: tuple[int, ...] = ()  # the pages read (1-based); an image has page 1


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    kind: ItemKind
    metadata: Metadata
    sidecar: Path  # the .toml file that describes the item
    file: Path | None = None  # the held file (absolute), None for records
    sha256: str = ""
    date: DateSpan | None = None
    caption: str = ""
    tags: tuple[str, ...] = ()
    mentioned_in: tuple[Citation, ...] = ()  # for records: where the archive's texts name the work
    text_layer: TextLayer | None = None  # OCR text beside the held file, when it was read
    part_of: str = ""  # the item this one was taken from (an e-mail attachment: its message's id)

    @property
    def title(self) -> str:
        return self.metadata.title

    @property
    def media_type(self) -> str:
        return self.metadata.format

    @property
    def is_held(self) -> bool:
        return self.file is not None


def _spans_disagree(spans: list[DateSpan]) -> bool:
    """True when two dates cannot both be right (their day ranges do not overlap)."""
    return any(not a.overlaps(b) for i, a in enumerate(spans) for b in spans[i + 1:])


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: DateSpan
    title: str
    description: str = ""
    places: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    date_claims: tuple[Claim, ...] = ()  # what each source says the date is, when they say it differently

    @property
    def disputed(self) -> bool:
        """Sources give incompatible dates (January 2009 vs 20 February 2009 - not 2004-07 vs 2004-07-02)."""
        spans = []
        for claim in self.date_claims:
            try:
                spans.append(parse_date(claim.value))
            except DateError:
                continue
        return _spans_disagree(spans)

    def cited_items(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for c in self.citations + tuple(cl.citation for cl in self.date_claims):
            seen.setdefault(c.item, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact the sources state, with each source's value; disputed when the values differ."""

    id: str
    label: str
    claims: tuple[Claim, ...]
    description: str = ""
    subject: str = ""  # what the fact is about, e.g. "Camp Ashraf"

    @property
    def disputed(self) -> bool:
        return len({claim.value for claim in self.claims}) > 1


@dataclass(frozen=True, slots=True)
class Collection:
    id: str
    title: str
    description: str = ""
    publisher: str = ""
    rights: str = ""
    language: tuple[str, ...] = ()


class DatedItem(NamedTuple):
    """What the timeline draws of a dated item, without building the whole :class:`Item` (a tuple: 90,000
    of them are made in a fifth of the time of as many frozen dataclasses)."""

    id: str
    kind: ItemKind
    title: str
    date: DateSpan


class _RowMetadata(NamedTuple):
    title: str
    date: str | None  # EDTF exactly as written


class ItemRow(NamedTuple):
    """What a list shows of an item (a gallery cell, a row), without building the whole :class:`Item`: the
    fields a list sorts, filters and draws by. ``metadata`` gives ``title`` and the raw ``date`` as an Item's
    does, so code written for Items reads rows too; the full Item is ``archive.item(row.id)``."""

    id: str
    kind: ItemKind
    title: str
    caption: str
    date: DateSpan | None
    tags: tuple[str, ...]
    file: Path | None
    sha256: str
    date_raw: str | None

    @property
    def metadata(self) -> _RowMetadata:
        return _RowMetadata(self.title, self.date_raw)

    @property
    def is_held(self) -> bool:
        return self.file is not None

    @classmethod
    def of(cls, item: Item) -> "ItemRow":
        return cls(item.id, item.kind, item.title, item.caption, item.date, tuple(item.tags), item.file,
                   item.sha256, item.metadata.date)


@dataclass(frozen=True)
class Changes:
    """What differs between an archive and an earlier state of it (:meth:`Archive.changes_since`): the ids of
    items that are new or may have changed, those that are gone, and which whole files (``collection.toml``,
    ``timeline.toml``, ``facts.toml``) changed. May say more than changed (a file saved again unchanged),
    never less."""

    items: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    wholes: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.items or self.removed or self.wholes)


class FileRow(NamedTuple):
    """The files of an item, without building the whole :class:`Item`: what checks over every item need
    (the fixity check, the importer's duplicate check) at 100,000 items."""

    id: str
    sidecar: Path
    file: Path | None  # the held file
    sha256: str  # lower-case, as the sidecar gives it ("" when it gives none)
    text_layer: Path | None  # the machine-read text's JSON file, when the item has one

    @classmethod
    def of(cls, item: Item) -> "FileRow":
        return cls(item.id, item.sidecar, item.file, item.sha256.lower(),
                   item.text_layer.file if item.text_layer is not None else None)


#: orders of :meth:`Items.ids`: the archive's file order, by title (case-folded), by date (undated last)
ORDERS = ("file", "title", "date")


class Items(Sequence[Item]):
    """The archive's items in file order, and the queries the panels, the CLI and the index ask of them.

    Two kinds: :class:`MemoryItems` (a tuple, for archives built in code and small tests) and the
    catalogue's (``core.archive.catalogue``), which builds an :class:`Item` only when one is asked for.
    Iterating builds every item: fine on a worker thread, never on the GUI thread of a large archive;
    ask for ids, counts, a page (:meth:`many`) or :meth:`dated` rows instead.
    """

    def get(self, item_id: str) -> Item | None:
        raise NotImplementedError

    def many(self, ids: Iterable[str]) -> list[Item]:
        """The items of ``ids`` in that order; unknown ids are skipped."""
        return [item for i in ids if (item := self.get(i)) is not None]

    def count(self, kind: ItemKind | None = None) -> int:
        raise NotImplementedError

    def ids(self, kind: ItemKind | None = None, order: str = "file") -> list[str]:
        raise NotImplementedError

    def dated(self, kind: ItemKind | None = None) -> list[DatedItem]:
        raise NotImplementedError

    def rows(self, kind: ItemKind | None = None) -> list[ItemRow]:
        """What a list needs of every item (of ``kind``), in file order, without building the Items."""
        raise NotImplementedError

    def titles(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        raise NotImplementedError

    def files(self, under: Path | None = None) -> list[FileRow]:
        """Every item's sidecar, held file, checksum and text layer, in file order, without building the Items;
        with ``under`` (an archive or layer folder) only the items whose sidecar is in it."""
        raise NotImplementedError

    @property
    def change_token(self) -> str | None:
        """Names this state of the archive for :meth:`changes_since` (None: items that cannot tell)."""
        return None

    def changes_since(self, token: str) -> "Changes | None":
        """What changed since the state ``token`` named, or None when that cannot be told (an archive not
        served from a catalogue, another or a rebuilt catalogue, a token too old or from a newer state)."""
        return None

    def by_sha256(self) -> dict[str, str]:
        """Lower-case SHA-256 of each held file -> the id of the first item holding it."""
        raise NotImplementedError

    def __contains__(self, item_id: object) -> bool:
        if isinstance(item_id, Item):
            return self.get(item_id.id) == item_id
        return isinstance(item_id, str) and self.get(item_id) is not None

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)) or len(other) != len(self):
            return NotImplemented if not isinstance(other, Sequence) else False
        return all(a == b for a, b in zip(self, other))

    __hash__ = object.__hash__

    def __add__(self, other: Iterable[Item]) -> tuple[Item, ...]:  # archive.items + (extra,) as with a tuple
        return (*self, *other)

    def __radd__(self, other: Iterable[Item]) -> tuple[Item, ...]:
        return (*other, *self)


def _sort_title(item: Item) -> str:
    return item.title.casefold()


class MemoryItems(Items):
    """Items held in a tuple: every query answered in Python."""

    __slots__ = ("_items", "_by_id")

    def __init__(self, items: Iterable[Item] = ()) -> None:
        self._items = tuple(items)
        by_id: dict[str, Item] = {}
        for item in self._items:
            by_id.setdefault(item.id, item)
        self._by_id = MappingProxyType(by_id)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Item]:
        return iter(self._items)

    def __getitem__(self, index):  # type: ignore[override]
        return self._items[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MemoryItems):
            return self._items == other._items
        if isinstance(other, tuple):
            return self._items == other
        return super().__eq__(other)

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"MemoryItems({len(self._items)} items)"

    def get(self, item_id: str) -> Item | None:
        return self._by_id.get(item_id)

    def count(self, kind: ItemKind | None = None) -> int:
        return len(self._items) if kind is None else sum(1 for i in self._items if i.kind is kind)

    def _of(self, kind: ItemKind | None) -> list[Item]:
        return list(self._items) if kind is None else [i for i in self._items if i.kind is kind]

    def ids(self, kind: ItemKind | None = None, order: str = "file") -> list[str]:
        items = self._of(kind)
        if order == "title":
            items.sort(key=lambda i: (_sort_title(i), i.id))
        elif order == "date":
            items.sort(key=lambda i: (i.date is None, i.date.sort_key if i.date else (0, 0), _sort_title(i), i.id))
        elif order != "file":
            raise ValueError(f"order must be one of {ORDERS}, not {order!r}")
        return [i.id for i in items]

    def dated(self, kind: ItemKind | None = None) -> list[DatedItem]:
        return [DatedItem(i.id, i.kind, i.title, i.date) for i in self._of(kind) if i.date is not None]

    def rows(self, kind: ItemKind | None = None) -> list[ItemRow]:
        return [ItemRow.of(i) for i in self._of(kind)]

    def titles(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        if ids is None:
            return {i.id: i.title for i in self._items}
        return {i: item.title for i in ids if (item := self._by_id.get(i)) is not None}

    def files(self, under: Path | None = None) -> list[FileRow]:
        rows = [FileRow.of(i) for i in self._items]
        return rows if under is None else [r for r in rows if r.sidecar.is_relative_to(under)]

    def by_sha256(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for item in self._items:
            if item.sha256:
                out.setdefault(item.sha256.lower(), item.id)
        return out


class _KindView(Sequence[Item]):
    """The items of one kind, in file order, fetched from ``source`` as they are read."""

    def __init__(self, source: Items, kind: ItemKind) -> None:
        self._source, self._kind = source, kind
        self._ids: list[str] | None = None

    def _id_list(self) -> list[str]:
        if self._ids is None:
            self._ids = self._source.ids(self._kind)
        return self._ids

    def __len__(self) -> int:
        return self._source.count(self._kind) if self._ids is None else len(self._ids)

    def __getitem__(self, index):  # type: ignore[override]
        ids = self._id_list()
        if isinstance(index, slice):
            return tuple(self._source.many(ids[index]))
        item = self._source.get(ids[index])
        assert item is not None
        return item

    def __iter__(self) -> Iterator[Item]:
        ids = self._id_list()
        for start in range(0, len(ids), 500):
            yield from self._source.many(ids[start:start + 500])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
            return NotImplemented
        return len(other) == len(self) and all(a == b for a, b in zip(self, other))

    __hash__ = object.__hash__


@dataclass(frozen=True, eq=False)
class Archive:
    """A loaded archive: one consistent state of its files.

    ``items`` keeps file order and answers the queries of :class:`Items`; lookups by id go through
    :meth:`item`. Built from a tuple of items (tests, exports) or from the catalogue
    (``core.archive.catalogue``), where an item is built from its row only when it is asked for.
    """

    root: Path
    collection: Collection
    items: Items = field(default_factory=MemoryItems)
    events: tuple[Event, ...] = ()
    facts: tuple[Fact, ...] = ()
    #: user layers loaded on top of ``root`` (``core.archive.layers``): where imported items live, writable
    layers: tuple[Path, ...] = ()
    #: changes whenever the archive's files may have changed (the catalogue's content signature); None when
    #: unknown (an archive built in code). The search index keeps it in its stamp (``open_index(signature=)``).
    signature: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.items, Items):
            object.__setattr__(self, "items", MemoryItems(self.items))
        object.__setattr__(self, "events", tuple(self.events))
        object.__setattr__(self, "facts", tuple(self.facts))

    def item(self, item_id: str) -> Item | None:
        return self.items.get(item_id)

    @property
    def change_token(self) -> str | None:
        """Names this state of the archive: keep it beside what was made from the archive (an index), and
        :meth:`changes_since` it later tells what to redo, at the cost of what changed. None when the archive
        cannot tell (not served from a catalogue)."""
        return self.items.change_token

    def changes_since(self, token: str | None) -> Changes | None:
        """The items (and whole files) that differ from the state ``token`` named; None when that cannot be
        told — then everything must be compared, as without a token."""
        return None if not token else self.items.changes_since(token)

    @property
    def roots(self) -> tuple[Path, ...]:
        """Every folder whose files belong to this archive: the archive, then its layers."""
        return (self.root, *self.layers)

    def layer_of(self, item: Item) -> Path | None:
        """The user layer holding ``item`` (it may be edited there), or None for the archive's own items."""
        for layer in self.layers:
            if item.sidecar.is_relative_to(layer):
                return layer
        return None

    def __contains__(self, item_id: object) -> bool:
        return isinstance(item_id, str) and self.items.get(item_id) is not None

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    def of_kind(self, kind: ItemKind) -> Sequence[Item]:
        """The items of ``kind`` in file order (a tuple, or a view that fetches them as they are read)."""
        if isinstance(self.items, MemoryItems):
            return tuple(item for item in self.items if item.kind is kind)
        return _KindView(self.items, kind)

    def counts(self) -> dict[str, int]:
        return {
            "documents": self.items.count(ItemKind.DOCUMENT),
            "images": self.items.count(ItemKind.IMAGE),
            "records": self.items.count(ItemKind.RECORD),
            "events": len(self.events),
            "facts": len(self.facts),
        }

    def events_citing(self, item_id: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if item_id in e.cited_items())

    def facts_citing(self, item_id: str) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if any(c.citation.item == item_id for c in f.claims))

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)
