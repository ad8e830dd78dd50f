"""Copy citation: an archive item cited in Chicago or APA, from the CSL styles bundled with the app.

The text comes from :mod:`ashraf_desktop.core.citations` (CSL-JSON through citeproc-py): the archive's name,
the item's IRI, held or only referred to, and today's date as the access date. Right-to-left fields are
wrapped in Unicode isolates, so the citation keeps its order when pasted into a left-to-right document
and the other way round.
"""

from __future__ import annotations

import datetime as _dt

from ..core.archive import Archive, Item
from ..core.citations import CitationStyleError, csl_item, format_citations

__all__ = ["citation_text", "chicago_citation", "apa_citation", "STYLE_LABELS"]

STYLE_LABELS = {"chicago": "Chicago", "apa": "APA"}


def citation_text(item: Item, archive: Archive, style: str = "chicago", accessed: _dt.date | None = None) -> str:
    """The item's bibliography entry in ``style``; a plain message if the style is missing from this copy."""
    try:
        [text] = format_citations([csl_item(item, archive, accessed)], style)
    except CitationStyleError as error:
        return f"(no citation: {error})"
    return text


def chicago_citation(item: Item, archive: Archive, accessed: _dt.date | None = None) -> str:
    return citation_text(item, archive, "chicago", accessed)


def apa_citation(item: Item, archive: Archive, accessed: _dt.date | None = None) -> str:
    return citation_text(item, archive, "apa", accessed)
