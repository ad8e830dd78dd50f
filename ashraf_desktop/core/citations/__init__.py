"""Citations of archive items: CSL-JSON, RIS and BibTeX exports (Zotero reads all three) and formatted
citations in Chicago and APA from CSL styles (docs/citations.md).

Every export names the archive, the item's IRI, whether the archive holds the item or only refers to it,
and the access date. Qt-free; the GUI's Copy citation and the CLI's ``cite`` call these.
"""

from __future__ import annotations

from .csl import csl_item, csl_items, csl_json
from .formats import bibtex, ris
from .styles import STYLES, CitationStyleError, format_citations

__all__ = ["csl_item", "csl_items", "csl_json", "ris", "bibtex", "format_citations", "STYLES",
           "CitationStyleError"]
