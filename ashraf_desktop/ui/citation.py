"""Chicago-style citations of archive items (bibliography form), without Qt so they are easy to test.

Shape: ``Creator. "Title." Publisher, Date. Held in / Referred to in: Archive title, item id.`` Parts the
item lacks are left out, except the date, which Chicago writes as ``n.d.`` when unknown.
"""

from __future__ import annotations

from ..core.archive import Archive, DateError, Item, ItemKind, describe_date
__all__ = ["chicago_citation"]


def _join_names(names: tuple[str, ...]) -> str:
    names = tuple(n.strip() for n in names if n.strip())
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _date_words(edtf: str | None) -> str:
    if not edtf:
        return "n.d."
    try:
        words = describe_date(edtf)
    except (DateError, ValueError):
        return edtf
    # Chicago writes uncertain dates with a question mark and approximate ones with "ca."
    words = words.replace("perhaps about ", "ca. ").replace("about ", "ca. ")
    if words.startswith("perhaps "):
        words = words[len("perhaps "):] + "?"
    return words


def _end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def chicago_citation(item: Item, archive: Archive) -> str:
    md = item.metadata
    parts: list[str] = []
    creator = _join_names(md.creator)
    if creator:
        parts.append(_end(creator))
    title = md.title.strip()
    title_part = f"“{title}.”" if not title.endswith((".", "?", "!")) else f"“{title}”"
    parts.append(title_part)
    publisher = _join_names(md.publisher)
    date = _date_words(md.date)
    parts.append(_end(f"{publisher}, {date}" if publisher else date))
    where = "Referred to in" if item.kind is ItemKind.RECORD else "Held in"
    parts.append(f"{where}: {archive.collection.title}, item {item.id}.")
    return " ".join(parts)
