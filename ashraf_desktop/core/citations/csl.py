"""Archive items as CSL-JSON (the Citation Style Language's data model, which Zotero and every CSL processor
read): the one mapping the RIS, BibTeX and formatted citations are all made from."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Iterable

from ..archive import Archive, DateError, Item, ItemKind, parse_date
from ..archive.days import civil_from_day

__all__ = ["csl_item", "csl_items", "csl_json", "csl_year", "item_iri"]

#: DCMI type (the item's ``type``) → CSL type; anything else is a "document".
_TYPES = {"text": "document", "stillimage": "graphic", "image": "graphic", "movingimage": "motion_picture",
          "sound": "song", "dataset": "dataset", "software": "software", "interactiveresource": "webpage"}


def item_iri(archive: Archive, item: Item) -> str:
    return f"urn:ashraf-archive:{archive.collection.id}:item:{item.id}"


def csl_year(year: int) -> int:
    """CSL counts years BC as negative numbers without a year 0 (-1 is 1 BC); EDTF/ISO years are astronomical
    (0 is 1 BCE, -999 is 1000 BCE)."""
    return year if year > 0 else year - 1


def _date_parts(day: int, precision: str) -> list[int]:
    year, month, dom = civil_from_day(day)
    parts = [csl_year(year)]
    if precision in ("month", "day"):
        parts.append(month)
    if precision == "day":
        parts.append(dom)
    return parts


def _issued(edtf: str | None) -> dict[str, Any] | None:
    """The item's EDTF date as a CSL date: date-parts at the precision written, a range for an interval,
    ``circa`` for approximate and uncertain dates; the EDTF text as ``literal`` where CSL has no form."""
    if not edtf:
        return None
    try:
        span = parse_date(edtf)
    except DateError:
        return {"literal": edtf}
    precision = span.precision.value
    if span.open_start or span.open_end or precision in ("set", "season", "millennium"):
        return {"literal": edtf}
    if precision == "interval":
        lower, upper = parse_date(edtf.split("/")[0]), parse_date(edtf.split("/")[1])
        date = {"date-parts": [_date_parts(span.lower, lower.precision.value),
                               _date_parts(span.upper, upper.precision.value)]}
    elif precision in ("decade", "century"):
        date = {"date-parts": [_date_parts(span.lower, "year"), _date_parts(span.upper, "year")]}
    else:
        date = {"date-parts": [_date_parts(span.lower, precision)]}
    if span.approximate or span.uncertain:
        date["circa"] = True
    return date


def csl_item(item: Item, archive: Archive, accessed: _dt.date | None = None) -> dict[str, Any]:
    """One item as CSL-JSON: creators as literal names (organisations and Persian names are not split into
    given/family), the archive and the item's place in it, held or not, and the access date."""
    md = item.metadata
    held = item.kind is not ItemKind.RECORD
    out: dict[str, Any] = {"id": item.id, "type": _TYPES.get(md.type.replace(" ", "").lower(), "document"),
                           "title": md.title}
    if md.creator:
        out["author"] = [{"literal": name} for name in md.creator]
    if md.publisher:
        out["publisher"] = "; ".join(md.publisher)
    issued = _issued(md.date)
    if issued:
        out["issued"] = issued
    if md.language:
        out["language"] = md.language[0]
    if md.description:
        out["abstract"] = md.description
    out["archive"] = archive.collection.title
    out["archive_location"] = f"item {item.id}" if held else f"item {item.id}, not held"
    out["URL"] = item_iri(archive, item)
    out["note"] = ("Held in" if held else "Referred to in") + f" {archive.collection.title}, {item_iri(archive, item)}"
    when = accessed or _dt.date.today()
    out["accessed"] = {"date-parts": [[when.year, when.month, when.day]]}
    return out


def csl_items(items: Iterable[Item], archive: Archive, accessed: _dt.date | None = None) -> list[dict[str, Any]]:
    return [csl_item(item, archive, accessed) for item in items]


def csl_json(items: Iterable[Item], archive: Archive, accessed: _dt.date | None = None) -> str:
    return json.dumps(csl_items(items, archive, accessed), ensure_ascii=False, indent=2) + "\n"
