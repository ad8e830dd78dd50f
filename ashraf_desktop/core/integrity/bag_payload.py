"""The payload of a bag made elsewhere, imported as items: each file as if the archivist had chosen it.

What the bag says about itself becomes Dublin Core where the two correspond (``bag-info.txt``,
RFC 8493 2.2.2): Source-Organization -> publisher, External-Description -> description (of the files that
carry none of their own), External-Identifier -> identifier. Bagging-Date, the BagIt version and the bag's
software go into the import record (the report's notes and each item's ``source``). The items are grouped as
one import named after the bag: ``items/imported/<date>/<bag>/`` keeping the payload's folders, and the
bag's name as a tag. Each file's SHA-256 was computed while checking the bag's manifest; the copy must have
it (a file that changed since is refused). Hidden files and the systems' own files (.DS_Store, Thumbs.db)
are left out with a note, as in a folder import.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..archive import Archive
from ..ingest.report import AddedFn, CancelFn, ProgressFn
from .bag_check import BagCheck

if TYPE_CHECKING:
    from .bag_import import BagImportReport

__all__ = ["import_payload", "dublin_core_of"]

_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db"})


def _first(info: dict[str, list[str]], *keys: str) -> list[str]:
    wanted = {k.lower() for k in keys}
    return [v.strip() for key, values in info.items() if key.lower() in wanted for v in values if v.strip()]


def dublin_core_of(info: dict[str, list[str]]) -> tuple[dict[str, object], dict[str, object]]:
    """(values for every file, defaults for files that have none of their own) from ``bag-info.txt``."""
    every: dict[str, object] = {}
    defaults: dict[str, object] = {}
    publishers = _first(info, "Source-Organization")
    if publishers:
        every["publisher"] = list(dict.fromkeys(publishers))
    identifiers = _first(info, "External-Identifier")
    if identifiers:
        every["identifier"] = list(dict.fromkeys(identifiers))
    description = _first(info, "External-Description") or _first(info, "Internal-Sender-Description")
    if description:
        defaults["description"] = " ".join(description)
    return every, defaults


def import_payload(bag: Path, check: BagCheck, archive: Archive, layer: Path, report: "BagImportReport", *,
                   progress: ProgressFn | None = None, cancelled: CancelFn | None = None,
                   on_added: AddedFn | None = None) -> "BagImportReport":
    """Import the payload files of a checked, valid bag (``check``) as items of ``layer``; adds to
    ``report`` and returns it."""
    from ..ingest import import_files
    from ..ingest.importer import import_folder_name, safe_file_name
    data = Path(os.path.realpath(bag / "data"))
    files: list[Path] = []
    left_out: list[str] = []
    for full in check.payload:
        path = Path(full)
        rel = path.relative_to(bag) if path.is_relative_to(bag) else Path(os.path.relpath(path, bag))
        if path.name.lower() in _SYSTEM_FILES or any(part.startswith(".") for part in rel.parts):
            left_out.append(rel.as_posix())
            continue
        files.append(path)
    name = bag.resolve().name
    every, defaults = dublin_core_of(check.bag_info)
    every["tags"] = [name]
    dated = _first(check.bag_info, "Bagging-Date")
    made_by = _first(check.bag_info, "Bag-Software-Agent")
    record = f"BagIt {check.version or '?'} bag {name!r}" + (f", bagged {dated[0]}" if dated else "") + \
             (f" by {publishers[0]}" if (publishers := _first(check.bag_info, "Source-Organization")) else "") + \
             (f" with {made_by[0]}" if made_by else "")
    report.notes.append(f"{record}: every checksum of its manifest verified; {len(files)} payload "
                        f"file{'s' * (len(files) != 1)} to import")
    if left_out:
        report.notes.append(f"left out: {', '.join(left_out[:5])}{' …' if len(left_out) > 5 else ''} "
                            "(hidden and system files, as in a folder import)")
    expected = {Path(real): check.sha256[real] for path in files
                if (real := os.path.realpath(path)) in check.sha256}
    offset = check.entries
    total = offset + len(files)

    def step(done: int, _total: int, label: str) -> None:
        if progress is not None:
            progress(offset + done, total, label)

    part = import_files(archive, layer, files, progress=step, cancelled=cancelled, on_added=on_added,
                        metadata=every, defaults=defaults, expected_sha256=expected,
                        folder=f"{import_folder_name()}/{safe_file_name(name)}", tree_root=data,
                        source=f"Imported from the {record}")
    report.outcomes.extend(part.outcomes)
    report.not_started.extend(part.not_started)
    report.cancelled = report.cancelled or part.cancelled
    report.notes.extend(part.notes)
    return report
