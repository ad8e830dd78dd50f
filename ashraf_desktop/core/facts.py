"""Facts the sources state, summarised for reading: each value once, with every source that gives it.

``facts.toml`` lists one claim per source (docs/archive-format.md). A reader wants the other view: "some
3,400 (About Camp Ashraf) · approximately 3,500 (Brief history …)", sources that agree grouped under one
value, and a plain yes/no on whether they agree. The facts view (GUI), ``ashraf-desktop facts`` and its
JSON all read :func:`summarize_facts`, so the three never disagree about what is disputed.

Values agree when they are the same words: compared after Unicode normalisation (NFC), case folding and
collapsing white space, never by interpretation - "60 miles" and "approximately 80 km" are two values,
because deciding that they agree would be the app taking a side. Quotes are kept exactly as written.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Iterable

from .archive import Archive, Fact

__all__ = ["FactSource", "FactValue", "FactSummary", "summarize_fact", "summarize_facts", "value_key",
           "facts_json", "facts_stated_by"]


@dataclass(frozen=True, slots=True)
class FactSource:
    """One source of a value: the item, its title (the id when the item is missing) and the passage."""

    item_id: str
    item_title: str
    quote: str
    held: bool  # the archive holds the item's file (False for records and missing items)
    present: bool  # the item exists in the archive


@dataclass(frozen=True, slots=True)
class FactValue:
    """A value as first written, with every source that states it (in the order of facts.toml)."""

    value: str
    sources: tuple[FactSource, ...]


@dataclass(frozen=True, slots=True)
class FactSummary:
    id: str
    label: str
    subject: str
    description: str
    values: tuple[FactValue, ...]  # in order of first appearance

    @property
    def disputed(self) -> bool:
        """The sources give more than one value."""
        return len(self.values) > 1

    @property
    def agree(self) -> bool:
        return len(self.values) <= 1

    @property
    def source_count(self) -> int:
        return sum(len(v.sources) for v in self.values)


def value_key(value: str) -> str:
    """The form in which two values are compared (NFC, case-folded, single spaces)."""
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def summarize_fact(fact: Fact, archive: Archive | None = None) -> FactSummary:
    groups: dict[str, tuple[str, list[FactSource]]] = {}
    for claim in fact.claims:
        item = archive.item(claim.citation.item) if archive is not None else None
        source = FactSource(claim.citation.item, item.title if item is not None else claim.citation.item,
                            claim.citation.quote, bool(item is not None and item.is_held), item is not None)
        groups.setdefault(value_key(claim.value), (claim.value, []))[1].append(source)
    values = tuple(FactValue(value, tuple(sources)) for value, sources in groups.values())
    return FactSummary(fact.id, fact.label, fact.subject, fact.description, values)


def summarize_facts(archive: Archive, facts: Iterable[Fact] | None = None) -> tuple[FactSummary, ...]:
    """Every fact of ``archive`` (or just ``facts``) in file order."""
    return tuple(summarize_fact(f, archive) for f in (archive.facts if facts is None else facts))


def facts_stated_by(archive: Archive, item_id: str) -> tuple[FactSummary, ...]:
    """The facts one of whose values ``item_id`` is a source of (the provenance panel links them)."""
    return summarize_facts(archive, [f for f in archive.facts if any(c.citation.item == item_id for c in f.claims)])


def facts_json(summaries: Iterable[FactSummary]) -> list[dict[str, object]]:
    """The JSON form ``ashraf-desktop facts --json`` prints (docs/cli.md, "facts")."""
    return [{
        "id": s.id, "label": s.label, "subject": s.subject, "description": s.description,
        "disputed": s.disputed,
        "values": [{"value": v.value,
                    "sources": [{"item": src.item_id, "title": src.item_title, "quote": src.quote,
                                 "held": src.held} for src in v.sources]}
                   for v in s.values],
    } for s in summaries]
