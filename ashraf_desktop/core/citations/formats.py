"""RIS and BibTeX from the CSL-JSON of :mod:`.csl`: the two formats every reference manager imports.

RIS (the Research Information Systems tagged format, as Zotero and EndNote read it): ``TAG  - value``
lines, CRLF, one record per item ending in ``ER  -``. BibTeX: one ``@misc`` entry per item (BibLaTeX and
Zotero read the UTF-8 as it is; special characters are escaped, organisations braced so they are not
split into given and family names).
"""

from __future__ import annotations

from typing import Any, Iterable

__all__ = ["ris", "bibtex"]

_RIS_TYPES = {"document": "GEN", "graphic": "ART", "motion_picture": "VIDEO", "song": "SOUND",
              "dataset": "DATA", "software": "COMP", "webpage": "ELEC", "report": "RPRT"}


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _ris_date(date: dict[str, Any] | None) -> tuple[str, str]:
    """(PY, DA) of a CSL date: ``PY  - 2013``, ``DA  - 2013/09/01/``; a literal date goes to DA as written."""
    if not date:
        return "", ""
    if "literal" in date:
        return "", date["literal"]
    parts = date["date-parts"][0]
    year = str(parts[0])
    da = "/".join([year] + [f"{p:02d}" for p in parts[1:]]) + ("/" * (3 - len(parts)))
    return year, da


def ris(records: Iterable[dict[str, Any]]) -> str:
    lines: list[str] = []
    for r in records:
        lines.append(f"TY  - {_RIS_TYPES.get(r.get('type', ''), 'GEN')}")
        lines.append(f"ID  - {r['id']}")
        lines.append(f"TI  - {_one_line(r.get('title', ''))}")
        for author in r.get("author", []):
            lines.append(f"AU  - {_one_line(author.get('literal') or author.get('family', ''))}")
        py, da = _ris_date(r.get("issued"))
        if py:
            lines.append(f"PY  - {py}")
        if da:
            lines.append(f"DA  - {da}")
        for tag, key in (("PB", "publisher"), ("LA", "language"), ("AB", "abstract"), ("DB", "archive"),
                         ("AN", "archive_location"), ("UR", "URL"), ("N1", "note"), ("M3", "medium")):
            if r.get(key):
                lines.append(f"{tag}  - {_one_line(r[key])}")
        accessed = r.get("accessed", {}).get("date-parts", [[]])[0]
        if accessed:
            lines.append("Y2  - " + "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(accessed)))
        lines.append("ER  - ")
        lines.append("")
    return "\r\n".join(lines)


_BIB_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
                "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bib(text: str) -> str:
    return "".join(_BIB_ESCAPES.get(ch, ch) for ch in _one_line(text))


def bibtex(records: Iterable[dict[str, Any]]) -> str:
    entries = []
    for r in records:
        fields: list[tuple[str, str]] = [("title", _bib(r.get("title", "")))]
        authors = [a.get("literal") or a.get("family", "") for a in r.get("author", [])]
        if authors:
            fields.append(("author", " and ".join("{" + _bib(a) + "}" for a in authors)))
        issued = r.get("issued") or {}
        if "date-parts" in issued:
            parts = issued["date-parts"][0]
            fields.append(("year", str(parts[0])))
            if len(parts) > 1:
                fields.append(("month", str(parts[1])))
            if len(issued["date-parts"]) > 1 or issued.get("circa"):
                fields.append(("date", _bib("/".join("-".join(str(p) for p in d) for d in issued["date-parts"]))
                               + ("~" if issued.get("circa") else "")))
        elif "literal" in issued:
            fields.append(("date", _bib(issued["literal"])))
        for name, key in (("publisher", "publisher"), ("language", "language"), ("abstract", "abstract"),
                          ("howpublished", "medium"), ("note", "note"), ("url", "URL")):
            if r.get(key):
                fields.append((name, _bib(r[key])))
        fields.append(("archive", _bib(r.get("archive", ""))))
        accessed = r.get("accessed", {}).get("date-parts", [[]])[0]
        if accessed:
            fields.append(("urldate", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(accessed))))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@misc{{{r['id']},\n{body}\n}}\n")
    return "\n".join(entries)
