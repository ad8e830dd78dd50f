"""Events as CSV, a disputed date with every source's value."""

from __future__ import annotations

import csv
import io
from typing import Iterable

from ..archive import Archive, Event, describe_date
from .model import is_disputed


CSV_COLUMNS = ("id", "date", "date_in_words", "earliest", "latest", "precision", "approximate", "uncertain",
               "open_start", "open_end", "disputed", "date_claims", "title", "description", "places",
               "people", "tags", "sources")


def events_csv(events: Iterable[Event], archive: Archive | None = None) -> str:
    """Events as CSV text (RFC 4180, one row per event; lists joined with "; ").

    ``earliest``/``latest`` are ISO days, empty for an open end; ``date_claims`` lists each source's date
    as "2009-01 (about-camp-ashraf)"; ``sources`` the cited item ids.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in events:
        d = e.date
        claims = "; ".join(f"{c.value} ({c.citation.item})" for c in e.date_claims)
        writer.writerow([
            e.id, d.edtf, describe_date(d.edtf),
            "" if d.open_start else d.lower_iso,
            "" if d.open_end else d.upper_iso,
            d.precision.value, _yes(d.approximate), _yes(d.uncertain), _yes(d.open_start), _yes(d.open_end),
            _yes(bool(e.date_claims) and is_disputed(e)), claims, e.title, e.description, "; ".join(e.places), "; ".join(e.people),
            "; ".join(e.tags), "; ".join(e.cited_items()),
        ])
    return buf.getvalue()


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
