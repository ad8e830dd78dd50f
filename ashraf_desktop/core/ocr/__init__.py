"""OCR: the words of scanned pages and photos of documents, read by Tesseract and kept as a text layer.

Qt-free. The layer is derived data beside the held file (``scan.pdf.ocr.json``), recorded in the item's
sidecar (``[text_layer]``: engine, version, languages, date) and merged into the item's text by
:func:`ashraf_desktop.core.extract.extract`, so search, the viewer and annotations see it like any text,
labelled as machine-read. The held file never changes (docs/import.md, "Reading scanned pages").

- :func:`find_engine` - the Tesseract to use (the packaged app's own, or the system's), or EngineMissing;
- :func:`read_file` - the text layer of a PDF's pages without text, or of a photo;
- :func:`read_item` - the same for an imported item, kept beside it and recorded in its sidecar;
- :func:`languages_for` - the Tesseract languages for the archive's languages (en, fa, ar -> eng, fas, ara);
- :func:`read_layer` / :func:`layer_path` - a layer and its words' boxes (hits and selections on the page).
"""

from .engine import (LANGUAGE_NAMES, Engine, EngineMissing, OcrCancelled, OcrFailed, find_engine,
                     language_for_tag)
from .layer import LAYER_SUFFIX, LayerError, OcrLayer, OcrPage, OcrWord, layer_path, read_layer
from .read import DPI, NotReadable, keep_layer, pages_without_text, read_file, read_item, worth_keeping

__all__ = [
    "find_engine", "Engine", "EngineMissing", "OcrFailed", "OcrCancelled", "NotReadable", "LANGUAGE_NAMES",
    "language_for_tag", "languages_for", "read_file", "read_item", "keep_layer", "worth_keeping",
    "pages_without_text", "DPI",
    "OcrLayer", "OcrPage", "OcrWord", "LayerError", "read_layer", "layer_path", "LAYER_SUFFIX",
]


def languages_for(tags: tuple[str, ...] | list[str], available: tuple[str, ...] | None = None) -> list[str]:
    """Tesseract languages for BCP 47 tags (the archive's or an item's), English when none maps; those
    ``available`` only, when given."""
    out: list[str] = []
    for tag in tags:
        lang = language_for_tag(tag)
        if lang and lang not in out and (available is None or lang in available):
            out.append(lang)
    return out or ["eng"]
