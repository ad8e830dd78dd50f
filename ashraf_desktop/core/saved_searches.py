"""Saved searches: a named query with its filters, kept as the user's data and run again with one click.

Kept in ``saved-searches.json`` in the user's data folder, written atomically at each change (a crash leaves
the old list or the new one). A damaged file is set aside (``.unreadable``), never overwritten, and the list
starts empty. Names are the user's words; a second search under an existing name replaces it.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_atomically

__all__ = ["SavedSearch", "SavedSearches", "SAVED_SEARCHES_FILE"]

log = logging.getLogger(__name__)

SAVED_SEARCHES_FILE = "saved-searches.json"
_VERSION = 1


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str
    #: ticked filter values by facet group ("kind": ["document"], "year": ["2003"], …)
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: a period (inclusive day numbers) chosen on the timeline, or None
    date_range: tuple[int, int] | None = None

    def describe(self) -> str:
        """One line for a tooltip: the query and its filters in words."""
        parts = [f"“{self.query}”" if self.query else "everything"]
        for group, values in sorted(self.filters.items()):
            parts.append(f"{group}: {', '.join(values)}")
        if self.date_range is not None:
            parts.append("a period of the timeline")
        return " · ".join(parts)

    def to_json(self) -> dict:
        out: dict = {"name": self.name, "query": self.query,
                     "filters": {g: list(v) for g, v in sorted(self.filters.items()) if v}}
        if self.date_range is not None:
            out["date_range"] = list(self.date_range)
        return out

    @classmethod
    def from_json(cls, raw: dict) -> "SavedSearch":
        filters = {str(g): tuple(str(v) for v in values) for g, values in dict(raw.get("filters", {})).items()
                   if isinstance(values, list)}
        period = raw.get("date_range")
        date_range = (int(period[0]), int(period[1])) if isinstance(period, list) and len(period) == 2 else None
        return cls(str(raw["name"]), str(raw.get("query", "")), filters, date_range)


class SavedSearches:
    """The user's saved searches, in the order they were saved."""

    def __init__(self, data_dir: Path | str) -> None:
        self.path = Path(data_dir) / SAVED_SEARCHES_FILE
        self._items: list[SavedSearch] = self._read()

    def _read(self) -> list[SavedSearch]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return [SavedSearch.from_json(entry) for entry in raw.get("searches", [])]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            aside = self.path.with_name(self.path.name + ".unreadable")
            log.warning("%s could not be read (%s); kept as %s, starting with no saved searches", self.path,
                        error, aside)
            try:
                os.replace(self.path, aside)
            except OSError:
                pass
            return []

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def get(self, name: str) -> SavedSearch | None:
        return next((s for s in self._items if s.name == name), None)

    def save(self, search: SavedSearch) -> None:
        """Add ``search`` (replacing one of the same name, in its place) and write the list at once."""
        name = " ".join(search.name.split())
        if not name:
            raise ValueError("a saved search needs a name")
        search = SavedSearch(name, search.query, dict(search.filters), search.date_range)
        for n, old in enumerate(self._items):
            if old.name == name:
                self._items[n] = search
                break
        else:
            self._items.append(search)
        self._write()

    def delete(self, name: str) -> bool:
        before = len(self._items)
        self._items = [s for s in self._items if s.name != name]
        if len(self._items) != before:
            self._write()
            return True
        return False

    def _write(self) -> None:
        payload = json.dumps({"version": _VERSION, "searches": [s.to_json() for s in self._items]},
                             ensure_ascii=False, indent=1)
        write_atomically(self.path, payload.encode("utf-8"), prefix=".saved-searches-")
