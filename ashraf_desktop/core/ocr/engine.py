"""Tesseract, the OCR engine, run as a program: found, asked its version and languages, given one page.

Tesseract is a program rather than a Python binding so that the packaged app can carry Debian's own build and
its language data as files (``<bundle>/tesseract/``), and a source checkout uses the system's
(``apt-get install tesseract-ocr tesseract-ocr-fas tesseract-ocr-ara``; ``scripts/bootstrap.sh`` does it as
root). Where neither is there, :func:`find_engine` says so in words and the import goes on without OCR.

Each page is sent as a PNG on standard input and comes back as TSV (one row per word with its box and
confidence, in reading order). For right-to-left lines Tesseract gives the words right to left, each word's
letters in logical order, so joining them gives the line in logical order — the order text is typed, copied
and searched in (OCRmyPDF's Persian text layers get this wrong by drawing glyphs in visual order, its issue
1157; we never draw, we keep the text).
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = ["Engine", "EngineMissing", "OcrCancelled", "OcrFailed", "RawWord", "find_engine", "LANGUAGE_NAMES",
           "language_for_tag", "PSM_AUTO"]

#: Tesseract's page segmentation "fully automatic" (columns, blocks): what scans of letters and reports need
PSM_AUTO = 3
#: Tesseract language codes the app knows by name (the archive's languages map onto them)
LANGUAGE_NAMES = {"eng": "English", "fas": "Persian", "ara": "Arabic"}
_TAGS = {"en": "eng", "fa": "fas", "per": "fas", "fas": "fas", "ar": "ara", "ara": "ara", "eng": "eng"}
_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_POLL_S = 0.05


class EngineMissing(Exception):
    """No usable Tesseract here; ``reason`` says what to install."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class OcrFailed(Exception):
    """Tesseract ran but could not read the page; ``reason`` in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class OcrCancelled(Exception):
    """The user cancelled while a page was being read."""


@dataclass(frozen=True, slots=True)
class RawWord:
    """One recognised word: its text (logical order), its box in the image's pixels, Tesseract's confidence
    (0-100) and which block/paragraph/line of the page it belongs to (for line and paragraph breaks)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    block: int
    paragraph: int
    line: int


def language_for_tag(tag: str) -> str | None:
    """The Tesseract language of a BCP 47 tag of the archive ("fa" -> "fas", "en-GB" -> "eng"), or None."""
    return _TAGS.get(tag.strip().lower().split("-")[0])


@dataclass(frozen=True)
class Engine:
    """A Tesseract that answered: where it is, its version and the languages it has data for."""

    program: Path
    version: str  # "5.3.0"
    languages: tuple[str, ...]
    tessdata: Path | None = None  # TESSDATA_PREFIX to pass (the bundle's own data), None = the program's default
    libraries: Path | None = None  # where the bundle keeps the program's shared libraries (LD_LIBRARY_PATH)

    @property
    def name(self) -> str:
        return f"Tesseract {self.version}"

    def _env(self) -> dict[str, str]:
        env = _environment(self.tessdata, self.libraries)
        env["OMP_THREAD_LIMIT"] = "1"  # one core per page: the machine is shared with the GUI and the index
        return env

    def missing(self, languages: tuple[str, ...] | list[str]) -> list[str]:
        """The languages asked for that this Tesseract has no data for."""
        return [lang for lang in languages if lang not in self.languages]

    def recognise(self, image: "Image", languages: tuple[str, ...] | list[str], *, dpi: int = 300,
                  cancelled: Callable[[], bool] | None = None) -> list[RawWord]:
        """The words of one page image, in reading order. Raises OcrFailed / OcrCancelled."""
        langs = [lang for lang in languages if lang in self.languages] or ["eng"]
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        args = [str(self.program), "stdin", "stdout", "-l", "+".join(langs), "--psm", str(PSM_AUTO),
                "--dpi", str(dpi), "tsv"]
        try:
            proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    env=self._env(), **_no_window())
        except OSError as exc:
            raise OcrFailed(f"the OCR program could not be started ({exc.strerror or exc})") from exc
        out, err = _communicate(proc, buffer.getvalue(), cancelled)
        if proc.returncode != 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()
            raise OcrFailed("the OCR program could not read the page" + (f" ({detail[-1]})" if detail else ""))
        return parse_tsv(out.decode("utf-8", "replace"))


def _communicate(proc: subprocess.Popen, data: bytes, cancelled: Callable[[], bool] | None) -> tuple[bytes, bytes]:
    if cancelled is None:
        return proc.communicate(data)
    import threading
    result: dict[str, tuple[bytes, bytes]] = {}
    thread = threading.Thread(target=lambda: result.setdefault("r", proc.communicate(data)), daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(_POLL_S)
        if thread.is_alive() and cancelled():
            proc.kill()
            thread.join()
            raise OcrCancelled()
    return result.get("r", (b"", b""))


def parse_tsv(tsv: str) -> list[RawWord]:
    """Tesseract's TSV output -> the words (rows of level 5 with text), bidirectional marks removed."""
    words: list[RawWord] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        text = cells[11].translate(_BIDI_MARKS).strip()
        if not text:
            continue
        try:
            block, par, line = int(cells[2]), int(cells[3]), int(cells[4])
            left, top, width, height = (int(c) for c in cells[6:10])
            conf = float(cells[10])
        except ValueError:
            continue
        words.append(RawWord(text, left, top, width, height, conf, block, par, line))
    return words


def _no_window() -> dict:
    if sys.platform == "win32":  # no console window flashing up for each page
        return {"creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0)}
    return {}


def _environment(tessdata: Path | None, libraries: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if tessdata is not None:
        env["TESSDATA_PREFIX"] = str(tessdata)
    if libraries is not None and sys.platform.startswith("linux"):  # the bundle's copies of libtesseract & co
        env["LD_LIBRARY_PATH"] = os.pathsep.join(p for p in (str(libraries), env.get("LD_LIBRARY_PATH", "")) if p)
    return env


def _bundled() -> tuple[Path, Path, Path] | None:
    """The packaged app's own Tesseract (``_internal/tesseract/bin/tesseract`` + ``tessdata/``; its libraries
    at the top of ``_internal/``, where PyInstaller puts every shared library)."""
    from ...paths import data_root
    base = data_root() / "tesseract"
    program = base / "bin" / ("tesseract.exe" if sys.platform == "win32" else "tesseract")
    if program.is_file():
        return program, base / "tessdata", data_root()
    return None


@functools.lru_cache(maxsize=1)
def _probe(program: str, tessdata: str | None, libraries: str | None = None) -> Engine:
    env = _environment(Path(tessdata) if tessdata else None, Path(libraries) if libraries else None)
    try:
        version = subprocess.run([program, "--version"], capture_output=True, env=env, timeout=30, **_no_window())
        langs = subprocess.run([program, "--list-langs"], capture_output=True, env=env, timeout=30, **_no_window())
    except (OSError, subprocess.SubprocessError) as exc:
        raise EngineMissing(f"the OCR program Tesseract ({program}) does not run: {exc}") from exc
    first = (version.stdout or version.stderr).decode("utf-8", "replace").strip().splitlines()
    number = first[0].split()[-1] if first and first[0].lower().startswith("tesseract") else "?"
    names = langs.stdout.decode("utf-8", "replace").splitlines()[1:]
    languages = tuple(sorted(n.strip() for n in names if n.strip() and n.strip() != "osd"))
    if not languages:
        raise EngineMissing("the OCR program Tesseract has no language data (install tesseract-ocr-eng)")
    return Engine(Path(program), number.lstrip("v"), languages, Path(tessdata) if tessdata else None,
                  Path(libraries) if libraries else None)


def find_engine() -> Engine:
    """The Tesseract to use: the packaged app's own, else ``ASHRAF_TESSERACT``, else ``tesseract`` on PATH.
    Raises EngineMissing with what to install."""
    bundled = _bundled()
    if bundled is not None:
        return _probe(str(bundled[0]), str(bundled[1]), str(bundled[2]))
    program = os.environ.get("ASHRAF_TESSERACT") or shutil.which("tesseract")
    if not program:
        raise EngineMissing("Tesseract, the OCR program, is not installed, so scanned pages were not read "
                            "(on Debian/Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-fas "
                            "tesseract-ocr-ara; the packaged app carries its own)")
    return _probe(program, None)

