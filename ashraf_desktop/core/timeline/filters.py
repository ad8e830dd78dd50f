"""The timeline's own filters (text, kind, place, person, disputed) and their facet counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..archive import Event


def _fold(text: str) -> str:
    return text.casefold()


@dataclass(frozen=True)
class EventFilter:
    """Tags, places, people (an event must have one of each chosen set) and words all in the title."""

    tags: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.tags or self.places or self.people or self.text.strip())

    def matches(self, event: Event) -> bool:
        if self.tags and not self.tags.intersection(event.tags):
            return False
        if self.places and not self.places.intersection(event.places):
            return False
        if self.people and not self.people.intersection(event.people):
            return False
        words = _fold(self.text).split()
        if words:
            title = _fold(event.title)
            return all(w in title for w in words)
        return True

    def describe(self) -> str:
        parts = []
        for name, values in (("tag", self.tags), ("place", self.places), ("person", self.people)):
            if values:
                parts.append(f"{name}: {', '.join(sorted(values))}")
        if self.text.strip():
            parts.append(f"title contains “{self.text.strip()}”")
        return "; ".join(parts)


def facets(events: Iterable[Event]) -> dict[str, list[tuple[str, int]]]:
    """Tag, place and person values with how many events have each, most frequent first."""
    counts: dict[str, dict[str, int]] = {"tags": {}, "places": {}, "people": {}}
    for e in events:
        for name in counts:
            for value in getattr(e, name):
                counts[name][value] = counts[name].get(value, 0) + 1
    return {name: sorted(c.items(), key=lambda kv: (-kv[1], kv[0].casefold())) for name, c in counts.items()}
