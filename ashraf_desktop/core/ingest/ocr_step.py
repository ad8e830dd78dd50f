"""Reading scanned pages during an import (``import_files(ocr=[...])``): which files, and keeping the text.

A PDF whose pages have no text layer, or a photo, is read before it is copied (a cancel then leaves nothing
of it); the layer is written beside the held file once the item is (``core.ocr.keep_layer``), and the
report's note says how many words were read, in place of "no text layer".
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from ..archive import CopyCancelled
from .kinds import IMAGE, Identified
from .report import CancelFn, ImportReport, ProgressFn

__all__ = ["OcrStep", "keep_pages"]


@dataclass
class OcrStep:
    """Reading scanned pages during this import: the engine and the languages."""

    engine: Any  # core.ocr.Engine
    languages: tuple[str, ...]

    @classmethod
    def start(cls, languages: Sequence[str] | None, report: ImportReport) -> "OcrStep | None":
        if not languages:
            return None
        from ..ocr import EngineMissing, find_engine
        try:
            engine = find_engine()
        except EngineMissing as missing:  # said once; the files are imported all the same
            report.notes.append(f"Scanned pages were not read: {missing.reason}.")
            return None
        lacking = engine.missing(list(languages))
        if lacking:
            report.notes.append(f"No OCR data for {', '.join(lacking)} is installed: scanned pages were read "
                                f"as {'+'.join(l for l in languages if l not in lacking) or 'eng'} only.")
        return cls(engine, tuple(languages))

    def read(self, path: Path, found: Identified, sha: str, notes: list[str], pages: ProgressFn | None,
             cancelled: CancelFn | None) -> Any:
        return _read(self, path, found, sha, notes, pages, cancelled)


def _read(reader: "OcrStep", path: Path, found: Identified, sha: str, notes: list[str],
          pages: ProgressFn | None, cancelled: CancelFn | None) -> Any:
    """The OCR layer of a PDF's pages without text, or of a photo of a document; None when there is nothing
    to keep. Raises CopyCancelled when the user cancels (the file is then not started)."""
    from ..ocr import NotReadable, OcrCancelled, OcrFailed, read_file, worth_keeping
    if found.media_type == "application/pdf":
        if not any("text layer" in note for note in notes):
            return None  # born digital: its own text is what the author wrote
    elif found.kind != IMAGE:
        return None
    try:
        machine = read_file(path, found.media_type or "", reader.languages, sha256=sha, engine=reader.engine,
                            progress=pages, cancelled=cancelled)
    except OcrCancelled:
        raise CopyCancelled(str(path)) from None
    except (NotReadable, OcrFailed) as problem:
        notes.append(f"its scanned pages could not be read ({problem.reason})")
        return None
    if not worth_keeping(machine):
        if found.kind != IMAGE:
            notes.append("no words were found on its scanned pages")
        return None
    return machine


def keep_pages(sidecar: Path, machine: Any, notes: list[str]) -> None:
    """Keep the OCR layer beside the item just written, and say so in place of "no text layer"."""
    from ..ocr import keep_layer
    try:
        held = sidecar.parent / tomllib.loads(sidecar.read_text(encoding="utf-8"))["file"]
        keep_layer(sidecar, held, machine)
    except (OSError, ValueError, KeyError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        notes.append(f"its machine-read text could not be kept ({reason}); read it again from the item")
        return
    notes[:] = [n for n in notes if "text layer" not in n and "cannot be searched" not in n]
    pages = [p.number for p in machine.pages]
    words = sum(len(p.words) for p in machine.pages)
    where = "the photo" if machine.unit == "px" else f"{len(pages)} scanned page{'s' * (len(pages) != 1)}"
    notes.append(f"{words:,} words read from {where} (OCR, {'+'.join(machine.languages)}): machine-read "
                 "text, which may contain errors")
