"""What an import did, file by file: the report the user reads at the end and retries from.

Shared by file imports (``core.ingest``) and bag imports (``core.integrity``), the CLI and the GUI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

__all__ = ["Outcome", "ImportReport", "ProgressFn", "CancelFn", "AddedFn"]

Status = Literal["added", "duplicate", "failed"]
#: (done, total, the file being worked on)
ProgressFn = Callable[[int, int, str], None]
#: polled between files (and inside long copies): True stops the import after the current file
CancelFn = Callable[[], bool]
#: called with the new item's id as soon as it is committed to the layer (incremental index/timeline/gallery)
AddedFn = Callable[[str], None]


@dataclass(frozen=True)
class Outcome:
    path: Path  # the file as the user chose it
    status: Status
    message: str  # in the user's words: why it failed, which item it duplicates, what was noted
    item_id: str | None = None  # the new item (added) or the existing one (duplicate)


@dataclass
class ImportReport:
    outcomes: list[Outcome] = field(default_factory=list)
    cancelled: bool = False
    not_started: list[Path] = field(default_factory=list)  # left when cancelled
    notes: list[str] = field(default_factory=list)  # about the whole import, said once (no OCR program …)

    def _of(self, status: Status) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def added(self) -> list[Outcome]:
        return self._of("added")

    @property
    def duplicates(self) -> list[Outcome]:
        return self._of("duplicate")

    @property
    def failed(self) -> list[Outcome]:
        return self._of("failed")

    def retry_paths(self) -> list[Path]:
        """What "retry" imports again: the failed files and those a cancel left out."""
        return [o.path for o in self.failed] + list(self.not_started)

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.duplicates)} duplicate{'s' * (len(self.duplicates) != 1)} "
                 "skipped", f"{len(self.failed)} failed"]
        if self.cancelled:
            parts.append(f"cancelled with {len(self.not_started)} not started")
        return ", ".join(parts)

    def as_json(self) -> dict:
        return {"added": len(self.added), "duplicates": len(self.duplicates), "failed": len(self.failed),
                "cancelled": self.cancelled, "not_started": [str(p) for p in self.not_started],
                "notes": list(self.notes),
                "files": [{"path": str(o.path), "status": o.status, "message": o.message, "item": o.item_id}
                          for o in self.outcomes]}
