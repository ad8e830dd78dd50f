"""Quarter turns the user gives photos by hand (a scan saved sideways, a camera that wrote no orientation).

They are the user's work, kept in the user's data folder (``rotations.json``), never in the held file, which
stays byte for byte as it was archived. Each change is written at once, atomically (a crash leaves the old
file or the new one, never half of one). A file that cannot be read is set aside, not lost, and the app
starts with no turns rather than failing.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path

from ..atomic import write_atomically

__all__ = ["Rotations", "ROTATIONS_FILE", "turn_fraction_rect"]

log = logging.getLogger(__name__)

ROTATIONS_FILE = "rotations.json"
_VERSION = 1


class Rotations:
    """``{collection id: {item id: degrees clockwise (90, 180, 270)}}`` in one small JSON file."""

    def __init__(self, data_dir: Path | str) -> None:
        self.path = Path(data_dir) / ROTATIONS_FILE
        self._lock = threading.Lock()
        self._turns: dict[str, dict[str, int]] = self._read()

    def _read(self) -> dict[str, dict[str, int]]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            aside = self.path.with_name(self.path.name + ".unreadable")
            log.warning("%s could not be read (%s); kept as %s, starting with no turns", self.path, error, aside)
            try:
                os.replace(self.path, aside)
            except OSError:
                pass
            return {}
        turns = raw.get("collections", {}) if isinstance(raw, dict) else {}
        return {str(c): {str(i): int(d) % 360 for i, d in items.items() if isinstance(d, int) and d % 90 == 0}
                for c, items in turns.items() if isinstance(items, dict)}

    def get(self, collection_id: str, item_id: str) -> int:
        """Degrees clockwise (0, 90, 180 or 270)."""
        return self._turns.get(collection_id, {}).get(item_id, 0)

    def turn(self, collection_id: str, item_id: str, degrees: int) -> int:
        """Add ``degrees`` (a multiple of 90, negative: anticlockwise); returns the new turn, saved already."""
        if degrees % 90:
            raise ValueError("photos turn by quarter turns (multiples of 90 degrees)")
        with self._lock:
            new = (self.get(collection_id, item_id) + degrees) % 360
            items = self._turns.setdefault(collection_id, {})
            if new:
                items[item_id] = new
            else:
                items.pop(item_id, None)
            self._write()
        return new

    def _write(self) -> None:
        payload = json.dumps({"version": _VERSION, "collections": self._turns}, ensure_ascii=False, indent=1,
                             sort_keys=True)
        write_atomically(self.path, payload.encode("utf-8"), prefix=".rotations-")

def turn_fraction_rect(x: float, y: float, w: float, h: float, degrees: int) -> tuple[float, float, float, float]:
    """A rectangle given in fractions of the upright image, in fractions of the image turned ``degrees``
    clockwise (what the lightbox draws region annotations with; -degrees maps back)."""
    d = degrees % 360
    if d == 90:
        return 1 - y - h, x, h, w
    if d == 180:
        return 1 - x - w, 1 - y - h, w, h
    if d == 270:
        return y, 1 - x - w, h, w
    return x, y, w, h
