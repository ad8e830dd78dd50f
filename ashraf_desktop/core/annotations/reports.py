"""Human-readable reports: CSV (one row per annotation) and Markdown (grouped by item or by tag).

Unlike the JSON-LD export these are for reading and spreadsheets, not for re-import. Column set and layout
are documented in docs/annotations.md.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, Mapping

from .iri import item_iri
from .jsonld import _num, sort_key
from .model import Annotation

__all__ = ["CSV_COLUMNS", "csv_report", "markdown_report"]

CSV_COLUMNS = ("annotation_id", "collection_id", "item_id", "item_title", "item_iri", "kind", "colour",
               "status", "page", "start", "end", "quote", "note", "tags", "author", "created", "modified",
               "region")


def _cell(value: object) -> str:
    """Text for a spreadsheet cell. A leading = + @ tab or CR would make spreadsheets run the cell as a
    formula (a quote from a hostile document could do that), so such cells get a leading apostrophe."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and text[1:2] not in ("", " ", "-")):
        return "'" + text
    return text


def _region(a: Annotation) -> str:
    r = a.region
    return f"xywh=percent:{_num(r.x)},{_num(r.y)},{_num(r.w)},{_num(r.h)}" if r else ""


def csv_report(annotations: Iterable[Annotation], titles: Mapping[str, str] | None = None) -> str:
    titles = titles or {}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for a in sorted(annotations, key=sort_key):
        t = a.text
        writer.writerow([_cell(v) for v in (
            a.id, a.collection_id, a.item_id, titles.get(a.item_id, ""), item_iri(a.collection_id, a.item_id),
            a.kind, a.colour, a.status, t.page if t and t.page is not None else "", t.start if t else "",
            t.end if t else "", a.quote, a.body, "; ".join(a.tags), a.author, a.created, a.modified, _region(a))])
    return out.getvalue()


def _entry(a: Annotation, titles: Mapping[str, str], *, with_item: bool) -> list[str]:
    head = [a.kind.value.capitalize(), a.colour.value]
    if a.page is not None:
        head.append(f"p. {a.page}")
    if a.region is not None:
        head.append(_region(a))
    if a.status.value == "orphaned":
        head.append("**orphaned**")
    if with_item:
        head.insert(0, f"{titles.get(a.item_id) or a.item_id} (`{a.item_id}`)")
    lines = [f"### {' · '.join(head)}", ""]
    if a.quote:
        lines += ["> " + line if line else ">" for line in a.quote.split("\n")] + [""]
    if a.body:
        lines += [a.body.rstrip("\n"), ""]
    meta = []
    if a.tags:
        meta.append("Tags: " + ", ".join(f"`{t}`" for t in a.tags))
    if a.author:
        meta.append(a.author)
    meta.append(f"created {a.created[:16].replace('T', ' ')}")
    if a.modified[:16] != a.created[:16]:
        meta.append(f"modified {a.modified[:16].replace('T', ' ')}")
    lines += ["*" + " · ".join(meta) + "*", ""]
    return lines


def markdown_report(annotations: Iterable[Annotation], *, by: str = "item", titles: Mapping[str, str] | None = None,
                    heading: str = "Annotations") -> str:
    """``by="item"``: a section per item in reading order; ``by="tag"``: a section per tag (an annotation
    with two tags appears twice; untagged ones last)."""
    if by not in ("item", "tag"):
        raise ValueError("by must be 'item' or 'tag'")
    titles = titles or {}
    items = sorted(annotations, key=sort_key)
    lines = [f"# {heading}", "", f"{len(items)} annotation{'s' * (len(items) != 1)}", ""]
    groups: dict[str, list[Annotation]] = {}
    if by == "item":
        for a in items:
            groups.setdefault(a.item_id, []).append(a)
        for item_id, group in groups.items():
            lines += [f"## {titles.get(item_id) or item_id} (`{item_id}`)", ""]
            for a in group:
                lines += _entry(a, titles, with_item=False)
    else:
        untagged = []
        for a in items:
            for tag in a.tags:
                groups.setdefault(tag, []).append(a)
            if not a.tags:
                untagged.append(a)
        for tag in sorted(groups):
            lines += [f"## Tag: {tag}", ""]
            for a in groups[tag]:
                lines += _entry(a, titles, with_item=True)
        if untagged:
            lines += ["## Without a tag", ""]
            for a in untagged:
                lines += _entry(a, titles, with_item=True)
    return "\n".join(lines).rstrip("\n") + "\n"
