"""Machine-read text (OCR) merged into a file's text: the pages a scan left empty get the words Tesseract read.

The layer (``core.ocr``, ``<file>.ocr.json`` beside the held file) replaces the text of the pages it has; a
photo of a document gets its text from the layer alone. :attr:`ExtractedText.machine_read` lists those pages,
so the viewer and search can say the text is machine-read and may contain errors.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from .model import PAGE_SEPARATOR, STATUS_ENCRYPTED, STATUS_OK, ExtractedText, PageSpan

__all__ = ["with_machine_read", "image_text", "layer_file"]

_log = logging.getLogger(__name__)


def layer_file(path: Path) -> Path | None:
    """The OCR layer beside ``path``, when there is one."""
    from ..ocr.layer import layer_path
    candidate = layer_path(path)
    return candidate if candidate.is_file() else None


def _load(path: Path):
    from ..ocr.layer import LayerError, read_layer
    found = layer_file(path)
    if found is None:
        return None
    try:
        return read_layer(found)
    except (LayerError, OSError) as exc:  # derived data: a damaged layer is as if there were none
        _log.warning("machine-read text of %s not used: %s", path, exc)
        return None


def _label(layer) -> str:
    return f"{layer.engine_name}, {'+'.join(layer.languages)}"


def with_machine_read(path: Path, result: ExtractedText) -> ExtractedText:
    """``result`` (a PDF's text) with the pages of the OCR layer beside ``path`` put in."""
    if result.status == STATUS_ENCRYPTED:
        return result
    layer = _load(path)
    if layer is None or not layer.pages:
        return result
    ocr = layer.texts()
    texts = [result.text[span.start:span.end] for span in result.pages]
    used: list[int] = []
    for number, text in ocr.items():
        if 1 <= number <= len(texts):
            texts[number - 1] = text
            used.append(number)
    if not used:
        return result
    spans, offset = [], 0
    for number, text in enumerate(texts, start=1):
        if number > 1:
            offset += len(PAGE_SEPARATOR)
        spans.append(PageSpan(number, offset, offset + len(text)))
        offset += len(text)
    full = PAGE_SEPARATOR.join(texts)
    warnings = tuple(w for w in result.warnings if "text layer" not in w and "cannot be searched" not in w)
    shown = ", ".join(map(str, sorted(used)[:10])) + ("…" if len(used) > 10 else "")
    warnings += (f"page{'s' * (len(used) != 1)} {shown}: machine-read text (OCR: {_label(layer)}), which may "
                 "contain errors",)
    return dataclasses.replace(result, text=full, pages=tuple(spans), warnings=warnings,
                               status=STATUS_OK if full.strip() else result.status,
                               machine_read=tuple(sorted(used)))


def image_text(path: Path, media_type: str) -> ExtractedText | None:
    """The machine-read text of a photo of a document, or None when it has no layer."""
    layer = _load(path)
    if layer is None or not layer.pages:
        return None
    page = layer.pages[0]
    text = page.text()
    return ExtractedText(text, media_type, None, (PageSpan(1, 0, len(text)),),
                         (f"machine-read text (OCR: {_label(layer)}), which may contain errors",),
                         STATUS_OK, machine_read=(1,))
