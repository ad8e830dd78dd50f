"""``ashraf-desktop facts [ARCHIVE] [--json]``: each fact with every value, its sources and their passages.

The command prints :func:`ashraf_desktop.core.facts.summarize_facts`; where the sources disagree it says so
in neutral words and shows each value with the source that gives it (docs/cli.md, "facts").
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

__all__ = ["register", "format_facts"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("facts", help="facts the sources state, each value with its source and quote")
    p.add_argument("archive_pos", nargs="?", metavar="ARCHIVE", type=Path,
                   help="archive folder (default: the bundled archive, or --archive)")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(run=cmd_facts)


def format_facts(summaries, out: TextIO) -> None:
    """The text form: a heading per fact, then each value and, indented under it, its sources."""
    for index, fact in enumerate(summaries):
        if index:
            out.write("\n")
        about = f" — {fact.subject}" if fact.subject else ""
        if fact.source_count <= 1:
            verdict = "one source"
        else:
            verdict = "sources disagree" if fact.disputed else "sources agree"
        out.write(f"{fact.label}{about}: {verdict}\n")
        for value in fact.values:
            out.write(f"  {value.value}\n")
            for src in value.sources:
                name = src.item_title if src.item_title == src.item_id else f"{src.item_title} [{src.item_id}]"
                missing = "" if src.present else " (not in this archive)"
                out.write(f"    {name}{missing}: “{src.quote}”\n")


def cmd_facts(args: argparse.Namespace) -> int:
    import sys

    from ..core.archive import load_layered
    from ..core.facts import facts_json, summarize_facts
    from ..paths import bundled_archive, user_dirs

    root = getattr(args, "archive_pos", None) or args.archive or bundled_archive()
    if not (root / "collection.toml").is_file():
        print(f"error: {root}: no archive here (collection.toml is missing); "
              "name an archive folder, or leave it out for the bundled archive", file=sys.stderr)
        return 2
    archive = load_layered(root, user_dirs(args.data_dir).data, check_files=False).archive
    summaries = summarize_facts(archive)
    if args.json:
        print(json.dumps(facts_json(summaries), ensure_ascii=False, indent=2))
    elif summaries:
        format_facts(summaries, sys.stdout)
    else:
        print(f"{root}: this archive states no facts (facts.toml is absent or empty)")
    return 0
