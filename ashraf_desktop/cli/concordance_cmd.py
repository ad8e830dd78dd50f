"""``ashraf-desktop concordance QUERY`` and ``ashraf-desktop similar ITEM``: the reading room without a screen.

``concordance`` prints every occurrence of a word, phrase or query across the archive, one line each with
the words around it (or writes them as CSV), with counts per document and per year; ``similar`` lists the
items whose words are most like an item's (the GUI's "Similar items"). docs/cli.md describes both.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TextIO

__all__ = ["register", "cmd_concordance", "cmd_similar", "format_line"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("concordance", help="every occurrence of a word, phrase or query, in context")
    p.add_argument("query", help='word, "phrase" or query, e.g. liberty or "Camp Liberty" date:2009..2013')
    p.add_argument("--sort", choices=["source", "before", "match", "after"], default="source",
                   help="order of the lines: date and document (default), or the words before/after the hit")
    p.add_argument("--kind", action="append", choices=["document", "record", "event", "image"],
                   help="only items of this kind (repeatable)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="only items dated on or after DATE (EDTF)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="only items dated on or before DATE (EDTF)")
    p.add_argument("--limit", type=int, default=0, help="print at most N lines (counts stay complete)")
    p.add_argument("--width", type=int, default=50, help="characters of context on each side (default 50)")
    p.add_argument("--csv", metavar="FILE", type=Path, help="write every line as CSV to FILE instead")
    p.add_argument("--counts", action="store_true", help="also print occurrences per document and per year")
    p.add_argument("--json", action="store_true", help="print one JSON object (lines, counts, timing)")
    p.set_defaults(run=cmd_concordance)

    p = sub.add_parser("similar", help="the items most like an item (by its words)")
    p.add_argument("item", help="the id of an item or event")
    p.add_argument("--limit", type=int, default=10, help="number of items (default 10)")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(run=cmd_similar)


def _open_index(args: argparse.Namespace, err: TextIO):
    from ..core.archive import load_layered
    from ..core.extract import TextCache
    from ..core.search import open_index
    from ..paths import bundled_archive, prebuilt_index, user_dirs
    root = Path(args.archive or bundled_archive())
    if not (root / "collection.toml").is_file():
        print(f"error: {root}: no archive here (collection.toml is missing)", file=err)
        return None
    dirs = user_dirs(args.data_dir)
    archive = load_layered(root, dirs.data, check_files=False).archive
    return open_index(archive, dirs.cache / "index", text_cache=TextCache(dirs.cache / "text"),
                      prebuilt=prebuilt_index(root))


def _filters(args: argparse.Namespace, err: TextIO):
    from ..core.archive.dates import MAX_ORDINAL, MIN_ORDINAL, DateError, parse_date
    from ..core.search import Filters
    try:
        lo = parse_date(args.date_from).lower if args.date_from else None
        hi = parse_date(args.date_to).upper if args.date_to else None
    except DateError as exc:
        print(f"error: {exc}", file=err)
        return False
    rng = None if lo is None and hi is None else (MIN_ORDINAL if lo is None else lo, MAX_ORDINAL if hi is None else hi)
    return Filters(kinds=frozenset(args.kind or ()), date_range=rng)


def format_line(line, width: int) -> str:
    """``…words before  [hit]  words after…`` with the hit at a fixed column (logical order)."""
    before = line.before if len(line.before) <= width else "…" + line.before[len(line.before) - width + 1:]
    after = line.after if len(line.after) <= width else line.after[:width - 1] + "…"
    return f"{before:>{width}}[{line.match}]{after}"


def cmd_concordance(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from ..core.concordance import Concordance, sort_lines, steps, write_csv
    from ..core.search import SearchError, fold_word
    out, err = out or sys.stdout, err or sys.stderr
    if args.width < 5 or args.limit < 0:
        print("error: --width must be at least 5 and --limit at least 0", file=err)
        return 2
    filters = _filters(args, err)
    if filters is False:
        return 2
    try:
        index = _open_index(args, err)
        if index is None:
            return 1
        t0 = time.perf_counter()
        try:
            conc = Concordance(args.query, max_lines=args.limit or 10_000_000)
            hits = index.occurrences(args.query, filters=filters)
            first_ms = None
            for step in steps(hits, conc, fold_word, total=len(hits), width=max(args.width * 2, 90)):
                if first_ms is None and step.lines:
                    first_ms = (time.perf_counter() - t0) * 1000
            elapsed_ms = (time.perf_counter() - t0) * 1000
        finally:
            index.close()
    except SearchError as exc:
        print(f"error: {exc}", file=err)
        return 3
    lines = sort_lines(conc.lines, args.sort)
    if args.csv:
        try:
            n = write_csv(lines, args.csv)
        except OSError as exc:
            print(f"error: {args.csv}: {exc.strerror or exc}", file=err)
            return 1
        print(f"{n} lines written to {args.csv}", file=err)
    if args.json:
        print(json.dumps({
            "query": args.query, "total": conc.total, "documents": len(conc.per_source),
            "lines": [{"id": ln.source.id, "title": ln.source.title, "date": ln.source.date, "page": ln.page,
                       "start": ln.start, "end": ln.end, "before": ln.before, "match": ln.match, "after": ln.after,
                       "rtl": ln.rtl} for ln in lines] if not args.csv else [],
            "per_document": [[s.id, n] for s, n in conc.sources_by_count()],
            "per_year": [[y, n] for y, n in conc.years()],
            "first_line_ms": round(first_ms, 1) if first_ms is not None else None,
            "elapsed_ms": round(elapsed_ms, 1)}, ensure_ascii=False, indent=2), file=out)
        return 0
    if not args.csv:
        for ln in lines:
            print(f"{format_line(ln, args.width)}  ({ln.source.id})", file=out)
    docs = len(conc.per_source)
    print(f"{conc.total} occurrence{'s' * (conc.total != 1)} of {args.query!r} in {docs} "
          f"document{'s' * (docs != 1)} ({elapsed_ms:.0f} ms)", file=err if args.csv else out)
    if args.counts:
        print("\nper document:", file=out)
        for source, n in conc.sources_by_count():
            print(f"{n:>8}  {source.title}  ({source.id})", file=out)
        print("\nper year:", file=out)
        for year, n in conc.years():
            print(f"{n:>8}  {year if year is not None else 'undated'}", file=out)
    return 0


def cmd_similar(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from ..core.search import SearchError
    out, err = out or sys.stdout, err or sys.stderr
    try:
        index = _open_index(args, err)
        if index is None:
            return 1
        try:
            result = index.more_like_this(args.item, limit=max(1, args.limit))
        finally:
            index.close()
    except SearchError as exc:
        print(f"error: {exc}", file=err)
        return 3
    if result.notice:
        print(f"error: {result.notice}", file=err)
        return 1
    if args.json:
        print(json.dumps([{"id": h.id, "kind": h.kind, "title": h.title, "date": h.date, "item_id": h.item_id,
                           "score": round(h.score, 4)} for h in result.hits], ensure_ascii=False, indent=2),
              file=out)
        return 0
    print(f"Items most like {args.item!r}:", file=out)
    for n, hit in enumerate(result.hits, 1):
        date = f" — {hit.date}" if hit.date else ""
        print(f"{n:>3}. [{hit.kind}] {hit.title}{date}  ({hit.id})", file=out)
    return 0
