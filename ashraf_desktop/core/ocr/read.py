"""Reading the words of a held file's scanned pages or photo, and keeping them as its text layer.

:func:`read_file` renders the PDF pages that have no text layer (or every page, ``pages="all"``, for a PDF
whose own text is garbage) at 300 dpi with PDFium, or takes the photo upright, and hands each image to
Tesseract; :func:`read_item` does that for an item of the user's layer and records the result: the layer
file beside the held file and a ``[text_layer]`` table in the sidecar (engine, version, languages, date,
pages, the layer's checksum). The held file is only ever read.

Both poll ``cancelled`` between pages and while Tesseract works (it is stopped at once), and report
``progress(done, total, label)`` page by page.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Literal, Sequence

from .engine import LANGUAGE_NAMES, Engine, OcrFailed, RawWord, find_engine
from .layer import BLOCK, LINE, SAME, OcrLayer, OcrPage, OcrWord, layer_path, write_layer, write_whole

if TYPE_CHECKING:
    from PIL.Image import Image

    from ..archive import Archive, Item

__all__ = ["read_file", "read_item", "keep_layer", "worth_keeping", "pages_without_text", "DPI", "NotReadable"]

DPI = 300
_MAX_SIDE = 6000  # pixels: a poster-sized page is read at a lower resolution rather than exhausting memory
_JUNK_WORD = re.compile(r"^\W{1,3}$")
Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]


class NotReadable(Exception):
    """This file has nothing OCR can read (not a PDF or image, or a PDF that does not open); ``reason``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def pages_without_text(path: Path) -> tuple[int, list[int]]:
    """(page count, the 1-based pages whose text layer is empty) of a PDF. Raises NotReadable."""
    import pypdfium2 as pdfium

    from ..extract import PDFIUM_LOCK
    empty: list[int] = []
    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as exc:
            raise NotReadable("the PDF does not open (damaged, or password-protected), so its pages cannot be "
                              "read") from exc
        try:
            count = len(document)
            for index in range(count):
                page = document[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        text = textpage.get_text_range()
                    finally:
                        textpage.close()
                except pdfium.PdfiumError:
                    text = ""
                finally:
                    page.close()
                if not re.sub(r"[\s\x00-\x1f\ufffe\uffff]", "", text):
                    empty.append(index + 1)
        finally:
            document.close()
    return count, empty


def _render_pdf_page(path: Path, number: int) -> tuple["Image", float]:
    """Page ``number`` as an image at :data:`DPI` (less for a huge page), and its scale (pixels per point)."""
    import pypdfium2 as pdfium

    from ..extract import PDFIUM_LOCK
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(path)
        try:
            page = document[number - 1]
            try:
                width, height = page.get_size()
                scale = min(DPI / 72, _MAX_SIDE / max(width, height, 1))
                bitmap = page.render(scale=scale, grayscale=True)
                image = bitmap.to_pil()
            finally:
                page.close()
        finally:
            document.close()
    return image, scale


def _upright_image(path: Path) -> "Image":
    from ..images import ImageProblem, load_display
    try:
        image, _info = load_display(path)
    except ImageProblem as problem:
        raise NotReadable(problem.reason) from None
    if max(image.size) > _MAX_SIDE:
        image = image.copy()
        image.thumbnail((_MAX_SIDE, _MAX_SIDE))
    return image.convert("L")


def _page(number: int, words: list[RawWord], width: float, height: float, scale: float) -> OcrPage:
    out: list[OcrWord] = []
    previous: tuple[int, int, int] | None = None
    for word in words:
        if word.confidence < 30 and _JUNK_WORD.match(word.text):
            continue  # specks read as quotes and dashes
        where = (word.block, word.paragraph, word.line)
        if previous is None or where == previous:
            brk = SAME
        elif where[:2] == previous[:2]:
            brk = LINE
        else:
            brk = BLOCK
        previous = where
        box = (word.left / scale, word.top / scale, (word.left + word.width) / scale,
               (word.top + word.height) / scale)
        out.append(OcrWord(word.text, box, word.confidence, brk if out else SAME))
    return OcrPage(number, width, height, tuple(out))


def read_file(path: Path, media_type: str, languages: Sequence[str], *, sha256: str = "",
              pages: Literal["no-text", "all"] | Sequence[int] = "no-text", engine: Engine | None = None,
              progress: Progress | None = None, cancelled: Cancel | None = None) -> OcrLayer | None:
    """The text layer of a PDF's scanned pages or of a photo; None when a PDF has no page to read.

    Raises EngineMissing (no Tesseract), NotReadable, OcrFailed, OcrCancelled.
    """
    path = Path(path)
    engine = engine or find_engine()
    langs = tuple(languages) or ("eng",)
    read: list[OcrPage] = []
    if media_type == "application/pdf":
        count, empty = pages_without_text(path)
        if pages == "all":
            wanted = list(range(1, count + 1))
        elif pages == "no-text":
            wanted = empty
        else:
            wanted = [n for n in pages if 1 <= n <= count]
        for done, number in enumerate(wanted):
            if progress is not None:
                progress(done, len(wanted), f"{path.name}: reading page {number} of {count}")
            if cancelled is not None and cancelled():
                from .engine import OcrCancelled
                raise OcrCancelled()
            image, scale = _render_pdf_page(path, number)
            words = engine.recognise(image, langs, dpi=round(scale * 72), cancelled=cancelled)
            read.append(_page(number, words, image.width / scale, image.height / scale, scale))
        if not wanted:
            return None
    elif media_type.startswith("image/"):
        if progress is not None:
            progress(0, 1, f"{path.name}: reading the text in the photo")
        image = _upright_image(path)
        words = engine.recognise(image, langs, dpi=DPI, cancelled=cancelled)
        read.append(_page(1, words, image.width, image.height, 1.0))
    else:
        raise NotReadable("only PDFs and images have pages to read")
    if progress is not None:
        progress(len(read), len(read), "")
    created = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    return OcrLayer("Tesseract", engine.version, langs, created, sha256,
                    "pt" if media_type == "application/pdf" else "px", tuple(read))


def worth_keeping(layer: OcrLayer | None) -> bool:
    """Whether a photo's reading found text rather than specks: a photo of people or a landscape gives a
    few words of low confidence; a photo of a page gives lines of them."""
    if layer is None:
        return False
    words = [w for p in layer.pages for w in p.words if any(ch.isalnum() for ch in w.text)]
    if not words:
        return False
    if layer.unit == "pt":  # a PDF's pages without text were meant to be read
        return True
    good = [w for w in words if w.confidence >= 60 and len(w.text) >= 2]
    return len(good) >= 5 and len(good) >= len(words) / 2


def read_item(archive: "Archive", item: "Item", languages: Sequence[str], *,
              pages: Literal["no-text", "all"] | Sequence[int] = "no-text", engine: Engine | None = None,
              progress: Progress | None = None, cancelled: Cancel | None = None) -> OcrLayer | None:
    """Read ``item``'s scanned pages (or photo) and keep the text as its layer; returns it (None: nothing
    to read). Only items of the user's layer (``ReadOnlyItemError`` for the archive's own); the sidecar is
    rewritten with the ``[text_layer]`` table, so reloading the archive and updating the index shows it."""
    from ..archive import ReadOnlyItemError
    if archive.layer_of(item) is None:
        raise ReadOnlyItemError(f"{item.title!r} belongs to the archive itself, which is read-only; its pages "
                                "can be read only in an imported copy")
    if item.file is None:
        raise NotReadable("this record holds no file")
    layer = read_file(item.file, item.media_type, languages, sha256=item.sha256, pages=pages, engine=engine,
                      progress=progress, cancelled=cancelled)
    if layer is None:
        return None
    if not worth_keeping(layer):  # nothing, or specks of a photo of people read as letters
        raise OcrFailed("no words were found in it (blank, a picture, or text in another language than "
                        f"{', '.join(LANGUAGE_NAMES.get(lang, lang) for lang in layer.languages)})")
    keep_layer(item.sidecar, item.file, layer)
    return layer


def keep_layer(sidecar: Path, held: Path, layer: OcrLayer) -> Path:
    """Write ``layer`` beside ``held`` and record it in ``sidecar`` (``[text_layer]``), each file whole or
    not at all; returns the layer file. The held file is not touched."""
    import tomllib

    from ..archive import sidecar_text
    target = layer_path(held)
    digest = write_layer(layer, target)
    data = tomllib.loads(Path(sidecar).read_text(encoding="utf-8"))
    data["text_layer"] = {"file": target.name, "sha256": digest, "engine": layer.engine_name,
                          "languages": list(layer.languages), "date": layer.created[:10],
                          "pages": [p.number for p in layer.pages]}
    write_whole(Path(sidecar), sidecar_text(data).encode("utf-8"))
    return target
