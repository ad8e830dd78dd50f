"""Three-way merge of one annotation, field by field, against the last synced (pristine) copy.

Zotero keeps a pristine copy of each object as it was last synced; comparing both sides to it tells who
changed what. Here:

* a field only one side changed takes that side's value (edits to different fields merge by themselves);
* ``tags`` and ``motivation`` are sets: additions from both sides combine, a removal on either side removes;
* ``text`` and ``status`` are positions and anchoring state that each copy re-derives from its own text:
  the local value is kept if it moved, otherwise the remote one; never a conflict;
* ``created`` never changes; ``modified`` is the later of the two;
* where both sides changed a field to different values, the value already on the server stays in the
  field and the local one is kept beside it as an *alternative* (``conflicts``), to be chosen field by
  field later. Nothing is overwritten, nothing dropped.

Deletion is the pseudo-field ``DELETED``: deleted on one side and edited on the other keeps the edited
annotation, with "deleted" recorded as an alternative so a person decides.

Values are JSON (see :mod:`.fields`); this module knows nothing of SQLite or PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from .fields import JSON, canonical

__all__ = ["DELETED", "Alternative", "Conflicts", "MergeResult", "merge", "merge_conflicts",
           "add_alternative", "DERIVED_FIELDS", "SET_FIELDS"]

DELETED = "_deleted"  # pseudo-field name for "this annotation was deleted" in conflicts
DERIVED_FIELDS = frozenset({"text", "status"})
SET_FIELDS = frozenset({"tags", "motivation"})  # W3C motivations are a set too
_KEEP_FIRST = frozenset({"created"})
_LATEST = frozenset({"modified"})

Fields = Mapping[str, JSON]


@dataclass(frozen=True, slots=True)
class Alternative:
    """A value of a field that lost a same-field race, kept for a person to choose."""

    value: JSON
    by: str = ""  # who wrote it: the database role of the copy it came from
    at: str = ""  # when it was set aside (ISO 8601 UTC)

    def as_json(self) -> dict[str, JSON]:
        return {"value": self.value, "by": self.by, "at": self.at}

    @classmethod
    def from_json(cls, data: Mapping[str, JSON]) -> "Alternative":
        return cls(value=data.get("value"), by=str(data.get("by") or ""), at=str(data.get("at") or ""))


#: field name -> alternatives (in the order they were set aside)
Conflicts = dict[str, list[Alternative]]


def conflicts_from_json(data: Mapping[str, object] | None) -> Conflicts:
    return {name: [Alternative.from_json(a) for a in alts] for name, alts in (data or {}).items() if alts}


def conflicts_to_json(conflicts: Conflicts) -> dict[str, list[dict[str, JSON]]]:
    return {name: [a.as_json() for a in alts] for name, alts in sorted(conflicts.items()) if alts}


@dataclass
class MergeResult:
    fields: dict[str, JSON]
    deleted: bool
    conflicts: Conflicts = field(default_factory=dict)
    new_conflicts: list[str] = field(default_factory=list)  # fields that conflicted in this merge


def add_alternative(conflicts: Conflicts, name: str, alternative: Alternative, live: JSON) -> bool:
    """Keep ``alternative`` for ``name`` unless it equals the live value or one already kept."""
    key = canonical(alternative.value)
    if key == canonical(live) or any(canonical(a.value) == key for a in conflicts.get(name, ())):
        return False
    conflicts.setdefault(name, []).append(alternative)
    return True


def merge_conflicts(pristine: Conflicts, local: Conflicts, remote: Conflicts) -> Conflicts:
    """Alternatives are a set per field: kept if either side added them, dropped if either side resolved."""
    def keys(c: Conflicts, name: str) -> dict[str, Alternative]:
        return {canonical(a.value): a for a in c.get(name, ())}

    out: Conflicts = {}
    for name in sorted(set(pristine) | set(local) | set(remote)):
        base, mine, theirs = keys(pristine, name), keys(local, name), keys(remote, name)
        kept = [k for k in {**theirs, **mine} if (k in mine or k in theirs) and not (
            k in base and (k not in mine or k not in theirs))]
        if kept:
            merged = {**theirs, **mine}
            out[name] = [merged[k] for k in kept]
    return out


def _set_merge(base: JSON, mine: JSON, theirs: JSON) -> list[JSON]:
    """Members of either side, less those either side removed; in the server's order, then this copy's."""
    b = {canonical(v) for v in (base or [])}
    m = {canonical(v) for v in (mine or [])}
    t = {canonical(v) for v in (theirs or [])}
    removed = (b - m) | (b - t)
    out: dict[str, JSON] = {}
    for value in [*(theirs or []), *(mine or [])]:
        key = canonical(value)
        if key not in removed:
            out.setdefault(key, value)
    return list(out.values())


def merge(pristine: Fields | None, pristine_deleted: bool, local: Fields | None, remote: Fields,
          remote_deleted: bool, *, local_conflicts: Conflicts, pristine_conflicts: Conflicts,
          remote_conflicts: Conflicts, me: str, now: str) -> MergeResult:
    """Merge a local copy (None: deleted here) with the server's, given the pristine copy both started from
    (None: the local one was never synced). ``me`` is the local role (for alternatives set aside here)."""
    conflicts = merge_conflicts(pristine_conflicts, local_conflicts, remote_conflicts)
    new: list[str] = []

    def keep(name: str, value: JSON, live: JSON) -> None:
        if add_alternative(conflicts, name, Alternative(value, me, now), live):
            new.append(name)

    if local is None:  # deleted here
        if remote_deleted:
            return MergeResult(dict(remote), True, conflicts, new)
        if pristine is not None and not pristine_deleted and _same(pristine, remote):
            return MergeResult(dict(remote), True, conflicts, new)  # they did not touch it: stays deleted
        # edited there, deleted here: keep their edit, remember the deletion as a choice
        if add_alternative(conflicts, DELETED, Alternative(True, me, now), False):
            new.append(DELETED)
        return MergeResult(dict(remote), False, conflicts, new)
    if remote_deleted:
        if pristine is not None and _same(pristine, local):
            return MergeResult(dict(remote), True, conflicts, new)  # untouched here: deleted
        if add_alternative(conflicts, DELETED, Alternative(True, "", now), False):
            new.append(DELETED)
        return MergeResult(dict(local), False, conflicts, new)

    base: Fields = pristine if pristine is not None and not pristine_deleted else {}
    merged: dict[str, JSON] = {}
    for name in sorted(set(local) | set(remote)):
        mine, theirs = local.get(name), remote.get(name)
        if name not in remote:
            merged[name] = mine
            continue
        if name not in local:
            merged[name] = theirs
            continue
        if name in _KEEP_FIRST:
            merged[name] = theirs
        elif name in _LATEST:
            merged[name] = max(str(mine or ""), str(theirs or ""))
        elif name in SET_FIELDS:
            merged[name] = _set_merge(base.get(name), mine, theirs)
        elif name in DERIVED_FIELDS:
            merged[name] = mine if name in base and canonical(mine) != canonical(base[name]) else theirs
        else:
            same = canonical(mine) == canonical(theirs)
            mine_changed = name not in base or canonical(mine) != canonical(base[name])
            theirs_changed = name not in base or canonical(theirs) != canonical(base[name])
            if same or not mine_changed:
                merged[name] = theirs
            elif not theirs_changed:
                merged[name] = mine
            else:
                merged[name] = theirs  # the value already shared stays in the field...
                keep(name, mine, theirs)  # ...and this copy's value is kept beside it
    return MergeResult(merged, False, conflicts, new)


def _same(a: Fields, b: Fields) -> bool:
    """Equal in everything but positions/anchoring state (re-derived locally) and timestamps."""
    ignore = DERIVED_FIELDS | _LATEST
    names = (set(a) | set(b)) - ignore
    return all(canonical(a.get(n)) == canonical(b.get(n)) for n in names)
