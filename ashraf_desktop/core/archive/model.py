"""The archive as immutable data: collection, items, events, facts and the problems found loading them.

Every other layer (search, timeline, viewer, gallery, annotations) reads these objects and never the
TOML files, so the format can evolve in one place (:mod:`ashraf_desktop.core.archive.loader`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import Iterator, Mapping

from .dates import DateError, DateSpan, parse_date

__all__ = [
    "ItemKind", "Metadata", "Citation", "Claim", "Item", "Event", "Fact", "Collection", "Archive",
    "Problem", "Severity", "DC_FIELDS", "TextLayer",
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


@dataclass(frozen=True)
class Archive:
    """A loaded archive. ``items`` keeps file order; lookups by id go through :meth:`item`."""

    root: Path
    collection: Collection
    items: tuple[Item, ...] = ()
    events: tuple[Event, ...] = ()
    facts: tuple[Fact, ...] = ()
    #: user layers loaded on top of ``root`` (``core.archive.layers``): where imported items live, writable
    layers: tuple[Path, ...] = ()
    _by_id: Mapping[str, Item] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({item.id: item for item in self.items}))

    def item(self, item_id: str) -> Item | None:
        return self._by_id.get(item_id)

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
        return item_id in self._by_id

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    def of_kind(self, kind: ItemKind) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.kind is kind)

    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.of_kind(ItemKind.DOCUMENT)),
            "images": len(self.of_kind(ItemKind.IMAGE)),
            "records": len(self.of_kind(ItemKind.RECORD)),
            "events": len(self.events),
            "facts": len(self.facts),
        }

    def events_citing(self, item_id: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if item_id in e.cited_items())

    def facts_citing(self, item_id: str) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if any(c.citation.item == item_id for c in f.claims))

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)
