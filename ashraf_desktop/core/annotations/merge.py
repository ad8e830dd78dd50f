"""How an imported annotation meets the local one with the same id (docs/annotations.md, "Import").

There is no shared history between two installations, so the *base* - the last version both sides are
known to have had - is approximated by what the local database knows: the ``modified`` time of the version
last received by import (column ``synced``), or else the local ``created`` time. Then:

* no local annotation → **add** (unless it was deleted here: **deleted_locally**, not resurrected);
* same content (note, tags, colour, quote, region, author, target) → **unchanged**;
* only the incoming side changed since the base → **update** (fast-forward: nothing local is lost);
* only the local side changed → **kept_local** (the incoming copy is older);
* both changed → **conflict**: the local annotation is kept and both versions are reported. Nothing is
  ever overwritten silently; the GUI may offer "use theirs" (``store.put(conflict.incoming)``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Annotation

__all__ = ["decide", "Conflict", "ImportReport"]


def decide(local: Annotation | None, synced: str | None, deleted_locally: bool, incoming: Annotation) -> str:
    """One of "add", "deleted_locally", "unchanged", "update", "kept_local", "conflict"."""
    if local is None:
        return "deleted_locally" if deleted_locally else "add"
    if local.same_content(incoming):
        return "unchanged"
    base = synced or local.created
    local_changed = local.modified > base
    incoming_changed = incoming.modified > base
    if incoming_changed and not local_changed:
        return "update"
    if local_changed and not incoming_changed:
        return "kept_local"
    return "conflict"


@dataclass(frozen=True, slots=True)
class Conflict:
    local: Annotation
    incoming: Annotation

    def __str__(self) -> str:
        return (f"{self.local.id} ({self.local.item_id}): changed here ({self.local.modified}) and in the file "
                f"({self.incoming.modified}); kept the local version")


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_local: list[str] = field(default_factory=list)  # the local copy is newer
    deleted_locally: list[str] = field(default_factory=list)  # deleted here; not brought back
    conflicts: list[Conflict] = field(default_factory=list)
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (annotation id, targets) naming no item
    unknown_items: list[tuple[str, str]] = field(default_factory=list)  # imported; item not in the archive
    problems: list[str] = field(default_factory=list)  # annotations in the file that could not be read
    #: (annotation id, parts kept and exported but not shown, in words) - issue 19: nothing kept silently
    kept_undisplayed: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    def unresolved_ids(self) -> list[str]:
        return [annotation_id for annotation_id, _ in self.unresolved]

    @property
    def complete(self) -> bool:
        """Everything in the file is now represented here (no conflicts, nothing left out)."""
        return not (self.conflicts or self.unresolved or self.problems)

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated", f"{len(self.unchanged)} unchanged"]
        for label, items in (("kept (local newer)", self.kept_local), ("deleted here, not re-added",
                             self.deleted_locally), ("conflicts", self.conflicts),
                             ("refused: no item of this archive", self.unresolved),
                             ("refused: unreadable", self.problems),
                             ("with parts kept but not shown", self.kept_undisplayed)):
            if items:
                parts.append(f"{len(items)} {label}")
        return ", ".join(parts)

    def as_dict(self) -> dict[str, object]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "kept_local": self.kept_local, "deleted_locally": self.deleted_locally,
                "conflicts": [{"id": c.local.id, "local_modified": c.local.modified,
                               "incoming_modified": c.incoming.modified} for c in self.conflicts],
                "unresolved": [{"id": i, "source": s} for i, s in self.unresolved],
                "unknown_items": [{"id": i, "source": s} for i, s in self.unknown_items],
                "problems": self.problems,
                "kept_undisplayed": [{"id": i, "parts": list(parts)} for i, parts in self.kept_undisplayed]}
