"""Extracted text kept on disk, keyed by the file's SHA-256, so the index and viewer do not re-read big PDFs.

One JSON file per (file content, requested media type), written atomically (temporary file + rename) so a
crash never leaves half an entry. JSON rather than pickle: a cache folder is data, and loading it must never
run code. Anything wrong with an entry (unreadable, not JSON, written by another extractor version, offsets
that do not fit the text) makes it a miss: the file is extracted again and the entry replaced. Writing is best
effort: a read-only or full disk only costs speed.

Not cached: failures (:class:`ExtractionError`, so a repaired file is tried again) and "encrypted" results (the
user may give the password later, and they are cheap to recompute).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from .machine_read import layer_file
from .model import STATUS_ENCRYPTED, ExtractedText, PageSpan

__all__ = ["TextCache", "CACHE_VERSION"]

#: Bump whenever extraction output changes (new HTML rules, new PDF cleaning) so old entries become misses.
CACHE_VERSION = 3
_FORMAT = "ashraf-extracted-text"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_log = logging.getLogger(__name__)


class TextCache:
    """Extracted text of archive files, stored in ``folder`` (created on first write)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def get(self, sha256: str, path: Path, media_type: str | None) -> ExtractedText:
        """The text of ``path`` (whose content hash the caller vouches for), extracting it on a miss.

        Raises :class:`ExtractionError` like :func:`extract`; ValueError if ``sha256`` is not 64 hex digits.
        """
        entry = self._key(sha256, path, media_type)
        cached = self._load(entry, sha256, media_type)
        if cached is not None:
            return cached
        from .dispatch import extract  # the readers load on the first miss, not with the cache
        result = extract(Path(path), media_type)
        if result.status != STATUS_ENCRYPTED:
            self._store(entry, sha256, media_type, result)
        return result

    def _entry_path(self, sha256: str, media_type: str | None) -> Path:
        digest = sha256.strip().lower()
        if not _SHA256.fullmatch(digest):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        kind = re.sub(r"[^a-z0-9.+-]+", "_", (media_type or "auto").lower()).strip("_")
        return self.folder / digest[:2] / f"{digest}.{kind}.json"

    def _key(self, sha256: str, path: Path, media_type: str | None) -> Path:
        """The entry for the file's bytes, and for its machine-read text layer when it has one (reading the
        pages again gives a new entry)."""
        entry = self._entry_path(sha256, media_type)
        layer = layer_file(Path(path))
        if layer is None:
            return entry
        try:
            tag = hashlib.sha256(layer.read_bytes()).hexdigest()[:16]
        except OSError:
            return entry
        return entry.with_name(entry.name[: -len(".json")] + f".ocr-{tag}.json")

    def _load(self, entry: Path, sha256: str, media_type: str | None) -> ExtractedText | None:
        try:
            raw = json.loads(entry.read_text(encoding="utf-8"))
            if (raw.get("format") != _FORMAT or raw.get("version") != CACHE_VERSION
                    or raw.get("sha256") != sha256.strip().lower() or raw.get("requested_media_type") != media_type):
                return None
            return _from_json(raw["result"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            _log.info("ignoring unusable text cache entry %s: %s", entry, exc)
            return None

    def _store(self, entry: Path, sha256: str, media_type: str | None, result: ExtractedText) -> None:
        payload = {"format": _FORMAT, "version": CACHE_VERSION, "sha256": sha256.strip().lower(),
                   "requested_media_type": media_type, "result": _to_json(result)}
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=entry.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    json.dump(payload, out, ensure_ascii=False)
                os.replace(temp_name, entry)
            except BaseException:
                Path(temp_name).unlink(missing_ok=True)
                raise
        except OSError as exc:
            _log.warning("could not write text cache entry %s: %s", entry, exc)


def _to_json(result: ExtractedText) -> dict[str, Any]:
    return {"text": result.text, "media_type": result.media_type, "encoding": result.encoding,
            "pages": [[span.number, span.start, span.end] for span in result.pages],
            "warnings": list(result.warnings), "status": result.status, "machine_read": list(result.machine_read)}


def _from_json(raw: dict[str, Any]) -> ExtractedText:
    """Rebuild a result, refusing anything a damaged or foreign file could put there (raises ValueError)."""
    text, media_type, encoding, status = raw["text"], raw["media_type"], raw["encoding"], raw["status"]
    if not isinstance(text, str) or not isinstance(media_type, str) or not isinstance(status, str):
        raise ValueError("wrong field types")
    if encoding is not None and not isinstance(encoding, str):
        raise ValueError("wrong encoding type")
    warnings = raw["warnings"]
    if not isinstance(warnings, list) or not all(isinstance(item, str) for item in warnings):
        raise ValueError("wrong warnings")
    pages: list[PageSpan] = []
    previous_end = 0
    for number, start, end in raw["pages"]:
        if not all(type(value) is int for value in (number, start, end)):
            raise ValueError("page spans are not whole numbers")
        if not previous_end <= start <= end <= len(text):
            raise ValueError("page spans do not fit the text")
        pages.append(PageSpan(number, start, end))
        previous_end = end
    machine = raw.get("machine_read", [])
    if not isinstance(machine, list) or not all(type(n) is int for n in machine):
        raise ValueError("wrong machine-read pages")
    return ExtractedText(text, media_type, encoding, tuple(pages), tuple(warnings), status, tuple(machine))
