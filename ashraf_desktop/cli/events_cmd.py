"""``ashraf-desktop events [ARCHIVE] [--json]``: the timeline in date order (docs/cli.md, "events").

Where sources date an event differently, the text output shows each source's date under the event with the
passage it comes from, so a reader sees the disagreement itself and not just a ``[disputed]`` flag.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

__all__ = ["register", "event_json", "format_events"]

_DATE_COLUMN = 18


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="list the timeline's events")
    p.add_argument("archive_pos", nargs="?", metavar="ARCHIVE", type=Path,
                   help="archive folder (default: the bundled archive, or --archive)")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(run=cmd_events)


def event_json(event) -> dict[str, object]:
    span = event.date
    return {
        "id": event.id, "date": span.edtf, "title": event.title, "description": event.description,
        "lower": None if span.open_start else span.lower_iso,
        "upper": None if span.open_end else span.upper_iso,
        "places": list(event.places), "people": list(event.people), "tags": list(event.tags),
        "disputed": event.disputed,
        "citations": [{"item": c.item, "quote": c.quote} for c in event.citations],
        "date_claims": [{"date": cl.value, "item": cl.citation.item, "quote": cl.citation.quote}
                        for cl in event.date_claims],
    }


def format_events(events, archive, out: TextIO) -> None:
    from ..core.timeline import claim_views, is_disputed

    indent = " " * (_DATE_COLUMN + 1)
    for e in events:
        disputed = bool(e.date_claims) and is_disputed(e)
        mark = "  [sources disagree on the date]" if disputed else ""
        out.write(f"{e.date.edtf:<{_DATE_COLUMN}} {e.title}{mark}\n")
        if not disputed:
            continue
        for claim in claim_views(e, archive):
            words = f" ({claim.words})" if claim.words != claim.value else ""
            source = claim.item_title if claim.item_title == claim.item_id else \
                f"{claim.item_title} [{claim.item_id}]"
            out.write(f"{indent}{claim.value}{words} according to {source}: “{claim.quote}”\n")


def cmd_events(args: argparse.Namespace) -> int:
    import sys

    from ..core.archive import load_layered
    from ..paths import bundled_archive, user_dirs

    root = getattr(args, "archive_pos", None) or args.archive or bundled_archive()
    archive = load_layered(root, user_dirs(args.data_dir).data, check_files=False).archive
    if args.json:
        print(json.dumps([event_json(e) for e in archive.events], ensure_ascii=False, indent=2))
    else:
        format_events(archive.events, archive, sys.stdout)
    return 0
