"""The machine-read text layer of one held file: words with their boxes, page by page, as JSON beside it.

``scan.pdf`` gets ``scan.pdf.ocr.json``; the held file is never touched. The layer is derived data: it says
which engine, version and languages read it, and when, so the app can label the text as machine-read (it
may contain errors) and read the pages again with other languages.

Each page's text is built from its words alone (:meth:`OcrPage.text`): words joined by a space, lines by a
line break, blocks by a blank line; so the offset of every word in the text is known, and a search hit or a
selection (character offsets into the extracted text) maps back to the boxes of the words it covers.
Boxes are in the page's own units with the origin at the top left: PDF points for a PDF page (as shown,
rotation applied), pixels for an image.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import write_atomically

__all__ = ["OcrWord", "OcrPage", "OcrLayer", "LAYER_SUFFIX", "layer_path", "read_layer", "write_layer",
           "LayerError"]

LAYER_SUFFIX = ".ocr.json"
_FORMAT = "ashraf-ocr-layer"
_VERSION = 1
#: break before a word: none (same line), a new line, a new block (blank line)
SAME, LINE, BLOCK = 0, 1, 2
_JOINERS = {SAME: " ", LINE: "\n", BLOCK: "\n\n"}


class LayerError(ValueError):
    """A layer file that cannot be used (damaged, foreign, from a newer app): it is read again, not trusted."""


@dataclass(frozen=True, slots=True)
class OcrWord:
    text: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 from the page's top left, in page units
    confidence: float  # Tesseract's, 0-100
    brk: int = SAME  # what separates it from the word before: SAME, LINE or BLOCK


@dataclass(frozen=True)
class OcrPage:
    number: int  # 1-based
    width: float
    height: float
    words: tuple[OcrWord, ...] = ()
    _offsets: list[tuple[int, int]] = field(default_factory=list, repr=False, compare=False)

    def text(self) -> str:
        """The page's text: words in reading order (logical order for Persian and Arabic)."""
        parts: list[str] = []
        offsets: list[tuple[int, int]] = []
        at = 0
        for i, word in enumerate(self.words):
            if i:
                joiner = _JOINERS.get(word.brk, " ")
                parts.append(joiner)
                at += len(joiner)
            parts.append(word.text)
            offsets.append((at, at + len(word.text)))
            at += len(word.text)
        if not self._offsets:
            self._offsets.extend(offsets)
        return "".join(parts)

    def word_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each word in :meth:`text`."""
        if not self._offsets and self.words:
            self.text()
        return self._offsets

    def boxes_for(self, start: int, end: int) -> list[tuple[float, float, float, float]]:
        """The boxes of the words that characters ``start:end`` of the page's text touch, one per line
        (neighbouring words of a line merged), for drawing a highlight or a selection."""
        rects: list[list[float]] = []
        last_line = -1
        line = 0
        for word, (a, b) in zip(self.words, self.word_spans()):
            if word.brk != SAME:
                line += 1
            if b <= start or a >= end:
                continue
            x0, y0, x1, y1 = word.box
            if rects and last_line == line:
                r = rects[-1]
                r[0], r[1], r[2], r[3] = min(r[0], x0), min(r[1], y0), max(r[2], x1), max(r[3], y1)
            else:
                rects.append([x0, y0, x1, y1])
            last_line = line
        return [(r[0], r[1], r[2], r[3]) for r in rects]

    def offset_at(self, x: float, y: float, *, end: bool = False) -> int | None:
        """The text offset of the word under a point - or nearest to it, the nearest line first - for
        mouse selection: the word's start, or its end with ``end``. None on a page without words."""
        best: tuple[float, float, int] | None = None
        for word, (a, b) in zip(self.words, self.word_spans()):
            x0, y0, x1, y1 = word.box
            dy = 0.0 if y0 <= y <= y1 else min(abs(y - y0), abs(y - y1))
            dx = 0.0 if x0 <= x <= x1 else min(abs(x - x0), abs(x - x1))
            if best is None or (dy, dx) < best[:2]:
                best = (dy, dx, b if end else a)
        return None if best is None else best[2]

    def word_at(self, offset: int) -> tuple[int, int] | None:
        """(start, end) of the word at or after a text offset."""
        for a, b in self.word_spans():
            if b > offset:
                return a, b
        return None


@dataclass(frozen=True)
class OcrLayer:
    engine: str  # "Tesseract"
    version: str  # "5.3.0"
    languages: tuple[str, ...]
    created: str  # ISO date and time (UTC)
    source_sha256: str  # the held file it was read from
    unit: str  # "pt" (PDF) or "px" (image)
    pages: tuple[OcrPage, ...] = ()

    @property
    def engine_name(self) -> str:
        return f"{self.engine} {self.version}".strip()

    def page(self, number: int) -> OcrPage | None:
        return next((p for p in self.pages if p.number == number), None)

    def texts(self) -> dict[int, str]:
        return {p.number: p.text() for p in self.pages}

    def as_json(self) -> dict[str, Any]:
        return {"format": _FORMAT, "version": _VERSION, "engine": self.engine, "engine_version": self.version,
                "languages": list(self.languages), "created": self.created, "source_sha256": self.source_sha256,
                "unit": self.unit, "note": "machine-read text (OCR): it may contain errors",
                "pages": [{"number": p.number, "width": round(p.width, 2), "height": round(p.height, 2),
                           "words": [[w.text, *(round(v, 2) for v in w.box), round(w.confidence, 1), w.brk]
                                     for w in p.words]} for p in self.pages]}


def layer_path(held: Path) -> Path:
    """Where the text layer of ``held`` lives: beside it, ``<name>.ocr.json``."""
    held = Path(held)
    return held.with_name(held.name + LAYER_SUFFIX)


def read_layer(path: Path) -> OcrLayer:
    """Load a layer file; raises LayerError (damaged, foreign, newer) or OSError."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except ValueError as exc:
        raise LayerError(f"{Path(path).name} is not a readable text layer ({exc})") from exc
    try:
        if raw.get("format") != _FORMAT or not isinstance(raw.get("version"), int) or raw["version"] > _VERSION:
            raise LayerError(f"{Path(path).name} is not a text layer this app reads")
        pages = tuple(_page(p) for p in raw["pages"])
        return OcrLayer(str(raw["engine"]), str(raw["engine_version"]), tuple(str(x) for x in raw["languages"]),
                        str(raw["created"]), str(raw["source_sha256"]), str(raw["unit"]), pages)
    except (KeyError, TypeError, AttributeError, IndexError) as exc:
        raise LayerError(f"{Path(path).name} is a damaged text layer ({type(exc).__name__})") from exc


def _page(raw: dict[str, Any]) -> OcrPage:
    words = []
    for w in raw["words"]:
        text, x0, y0, x1, y1, conf, brk = w
        if not isinstance(text, str):
            raise TypeError("word text")
        words.append(OcrWord(text, (float(x0), float(y0), float(x1), float(y1)), float(conf), int(brk)))
    return OcrPage(int(raw["number"]), float(raw["width"]), float(raw["height"]), tuple(words))


def write_layer(layer: OcrLayer, path: Path) -> str:
    """Write ``layer`` to ``path`` whole or not at all; returns the file's SHA-256."""
    data = json.dumps(layer.as_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    write_whole(Path(path), data)
    return hashlib.sha256(data).hexdigest()


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary ``.partial-*`` file (swept like the import's own)."""
    write_atomically(path, data, prefix=".partial-")

