"""``ashraf-desktop cite [ARCHIVE] [--format F] [--items ID,…]``: citations of some items or the whole archive
as CSL-JSON, RIS or BibTeX (for Zotero and other reference managers), or as Chicago / APA text
(docs/citations.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register"]

FORMATS = ("csl-json", "ris", "bibtex", "chicago", "apa")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cite", help="citations as CSL-JSON, RIS, BibTeX, or Chicago/APA text")
    p.add_argument("archive_pos", nargs="?", metavar="ARCHIVE", type=Path,
                   help="archive folder (default: the bundled archive, or --archive)")
    p.add_argument("--format", choices=FORMATS, default="csl-json")
    p.add_argument("--items", help="only these item ids, comma-separated (default: every item)")
    p.set_defaults(run=cmd_cite)


def cmd_cite(args: argparse.Namespace) -> int:
    from ..core.archive import load_layered
    from ..core.citations import CitationStyleError, bibtex, csl_items, csl_json, format_citations, ris
    from ..paths import bundled_archive, user_dirs

    root = getattr(args, "archive_pos", None) or args.archive or bundled_archive()
    if not (root / "collection.toml").is_file():
        print(f"error: {root}: no archive here (collection.toml is missing)", file=sys.stderr)
        return 2
    archive = load_layered(root, user_dirs(args.data_dir).data, check_files=False).archive
    items = list(archive.items)
    if args.items:
        wanted = [i.strip() for i in args.items.split(",") if i.strip()]
        unknown = [i for i in wanted if i not in archive]
        if unknown:
            print(f"error: no item with the id {', '.join(unknown)} in {root}", file=sys.stderr)
            return 2
        items = [archive.item(i) for i in wanted]
    if args.format == "csl-json":
        sys.stdout.write(csl_json(items, archive))
    elif args.format == "ris":
        sys.stdout.write(ris(csl_items(items, archive)))
    elif args.format == "bibtex":
        sys.stdout.write(bibtex(csl_items(items, archive)))
    else:
        try:
            for line in format_citations(csl_items(items, archive), args.format):
                print(line)
        except CitationStyleError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    return 0
