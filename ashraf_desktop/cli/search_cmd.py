"""``ashraf-desktop index`` and ``ashraf-desktop search`` (docs/cli-search.md).

Both use the index the window uses (the same folder under the user cache, the same prebuilt index) and
bring the user's annotations into it first, so ``search 'tag:…'`` finds what was annotated in the window or
imported. ``index`` is the check: it reads everything a search relies on and repairs what is damaged, so
"up to date" means searchable; ``index --rebuild`` builds a new index without reading the old one. A
read-only data folder still answers searches, with a note; nothing here ever ends in a traceback for a
problem a user can cause.
"""

from __future__ import annotations

import argparse
import json as _json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .context import Opened, open_archive

if TYPE_CHECKING:
    from ..core.search import SearchIndex, SearchResult

__all__ = ["register", "cmd_index", "cmd_search", "open_search_index", "result_to_json", "EXIT_OK",
           "EXIT_ARCHIVE", "EXIT_INDEX", "EXIT_USAGE"]

EXIT_OK = 0
EXIT_ARCHIVE = 1  # the archive could not be read
EXIT_USAGE = 2
EXIT_INDEX = 3  # the index could not be built or opened


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("index", help="check, build or update the search index")
    p.add_argument("archive_pos", nargs="?", metavar="ARCHIVE", type=Path,
                   help="archive folder (default: the bundled archive, or --archive)")
    p.add_argument("--rebuild", action="store_true", help="build a new index from scratch (the old one is not read)")
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(run=lambda args: cmd_index(args.archive_pos or args.archive, rebuild=args.rebuild,
                                              data_dir=args.data_dir, json=args.json))

    p = sub.add_parser("search", help="search the archive")
    p.add_argument("query", help='query, e.g. "Camp Liberty" or date:2009..2011 attack')
    p.add_argument("--limit", type=int, default=10, help="number of hits (default 10)")
    p.add_argument("--page", type=int, default=1, help="page of hits (default 1)")
    p.add_argument("--sort", default="relevance", choices=["relevance", "date", "date-desc", "title"])
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(run=lambda args: cmd_search(args.query, archive=args.archive, limit=args.limit, page=args.page,
                                               sort=args.sort, json=args.json, data_dir=args.data_dir))


class _Bar:
    """A one-line progress display on a terminal; silent otherwise."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream, self.enabled, self.last = stream, enabled, 0.0
        self.shown = False

    def __call__(self, done: int, total: int, title: str) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else width
        label = (title[:40] + "…") if len(title) > 41 else title
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:<42}")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False


def _load(archive: Path | str | None, err: TextIO, data_dir: Path | str | None) -> Opened | None:
    opened = open_archive(argparse.Namespace(archive=archive, data_dir=data_dir), err=err)
    if opened is not None:
        for problem in opened.result.errors:
            print(f"warning: {problem} (left out of the index)", file=err)
    return opened


def open_search_index(opened: Opened, *, progress=None, deep: bool = False, rebuild: bool = False
                      ) -> "SearchIndex":
    """The archive's index as the window uses it, with the user's annotations brought in."""
    from ..core.extract import TextCache
    from ..core.search import IndexWriteError, open_index, rebuild_index
    from ..paths import prebuilt_index
    dirs, archive = opened.dirs, opened.archive
    options: dict[str, Any] = dict(text_cache=TextCache(dirs.cache / "text"), progress=progress,
                                   signature=archive.signature, annotations=dirs.data)
    if rebuild:
        index = rebuild_index(archive, dirs.cache / "index", **options)
    else:
        index = open_index(archive, dirs.cache / "index", prebuilt=prebuilt_index(archive.root), deep=deep,
                           **options)
    try:
        index.sync_annotations(dirs.data)
    except IndexWriteError as exc:  # a read-only data folder: the index answers without the newest ones
        index.notices.append(_note("annotations-not-synced", f"Annotations were not brought into the search "
                                                             f"index: {exc}"))
    except Exception as exc:  # noqa: BLE001 - a damaged annotations database must not stop a search
        index.notices.append(_note("annotations-not-synced", f"Annotations could not be read for the search "
                                                             f"({exc}); results leave them out."))
    return index


def _note(code: str, message: str):
    from ..core.search import IndexNotice
    return IndexNotice(code, message, "warning")


def cmd_index(archive: Path | str | None, *, rebuild: bool = False, data_dir: Path | str | None = None,
              json: bool = False, progress: bool | None = None, out: TextIO | None = None,
              err: TextIO | None = None) -> int:
    """``ashraf-desktop index [ARCHIVE] [--rebuild] [--json]``: check everything, repair or build, update."""
    from ..core.search import SearchError
    out = out or sys.stdout
    err = err or sys.stderr
    t0 = time.perf_counter()
    opened = _load(archive, err, data_dir)
    if opened is None:
        return EXIT_ARCHIVE
    archive_obj = opened.archive
    bar = _Bar(err, err.isatty() if progress is None else progress)
    try:
        index = open_search_index(opened, progress=bar, deep=not rebuild, rebuild=rebuild)
        try:
            report = index.last_update
            bar.finish()
            folder = index.folder
            notices = list(index.notices)
            docs = index.doc_count()
            read_only = index.read_only
        finally:
            index.close()
    except SearchError as exc:
        bar.finish()
        print(f"error: {exc}", file=err)
        return EXIT_INDEX
    elapsed = time.perf_counter() - t0
    counts = archive_obj.counts()
    summary: dict[str, Any] = {
        "archive": str(opened.root), "index": str(folder) if folder else None, "documents_indexed": docs,
        "items": len(archive_obj.items), "events": counts["events"], "facts": counts["facts"],
        "rebuilt": bool(report and report.rebuilt), "added": report.added if report else 0,
        "changed": report.changed if report else 0, "deleted": report.deleted if report else 0,
        "problems": list(report.problems) if report else [], "read_only": read_only,
        "notices": [n.message for n in notices], "elapsed_s": round(elapsed, 3),
    }
    if json:
        print(_json.dumps(summary, ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    for n in notices:
        print(f"note: {n.message}", file=err)
    if report is None:
        what = "checked, up to date"
    elif report.rebuilt:
        what = "built"
    else:
        what = f"updated ({report.added} added, {report.changed} changed, {report.deleted} removed)"
    print(f"Index {what}: {len(archive_obj.items)} items and {counts['events']} events, {elapsed:.1f} s",
          file=out)
    for problem in summary["problems"]:
        print(f"  text not indexed: {problem}", file=out)
    return EXIT_OK


def result_to_json(result: "SearchResult") -> dict[str, Any]:
    """The ``search --json`` object (see docs/cli-search.md)."""
    obj: dict[str, Any] = {
        "query": result.query, "total": result.total, "page": result.page, "page_size": result.page_size,
        "hits": [{"id": h.id, "kind": h.kind, "title": h.title, "date": h.date, "publisher": h.publisher,
                  "score": round(h.score, 4), "snippet": h.snippet,
                  "highlights": [list(span) for span in h.highlights], "item_id": h.item_id}
                 for h in result.hits],
        "facets": {k: [[v, c] for v, c in values] for k, values in result.facets.items()},
        "elapsed_ms": round(result.elapsed_ms, 2),
    }
    if result.suggestion:
        obj["suggestion"] = result.suggestion
    if result.notice:
        obj["notice"] = result.notice
    return obj


def _marked(snippet: str, spans, tty: bool) -> str:
    if not tty or not spans:
        return snippet
    out, pos = [], 0
    for a, b in spans:
        out.append(snippet[pos:a])
        out.append(f"\x1b[1m{snippet[a:b]}\x1b[0m")
        pos = b
    out.append(snippet[pos:])
    return "".join(out)


def cmd_search(query: str, *, archive: Path | str | None = None, limit: int = 10, page: int = 1,
               sort: str = "relevance", json: bool = False, data_dir: Path | str | None = None,
               out: TextIO | None = None, err: TextIO | None = None) -> int:
    """``ashraf-desktop search QUERY [--archive PATH] [--limit N] [--page N] [--sort S] [--json]``."""
    from ..core.search import SORTS, SearchError
    out = out or sys.stdout
    err = err or sys.stderr
    if sort not in SORTS:
        print(f"error: --sort must be one of {', '.join(SORTS)}", file=err)
        return EXIT_USAGE
    if limit < 1 or page < 1:
        print("error: --limit and --page must be at least 1", file=err)
        return EXIT_USAGE
    opened = _load(archive, err, data_dir)
    if opened is None:
        return EXIT_ARCHIVE
    bar = _Bar(err, err.isatty())
    try:
        index = open_search_index(opened, progress=bar)
        bar.finish()
        try:
            # facet counts cost a pass over every match: only the --json object carries them
            result = index.search(query, sort=sort, page=page, page_size=min(limit, 500), with_facets=json)
            notices = list(index.notices)
        finally:
            index.close()
    except SearchError as exc:
        bar.finish()
        print(f"error: {exc}", file=err)
        return EXIT_INDEX
    for n in notices:
        print(f"note: {n.message}", file=err)
    if json:
        print(_json.dumps(result_to_json(result), ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    tty = out.isatty()
    if result.notice:
        print(f"note: {result.notice}", file=err)
    shown = f"{result.total} result{'s' if result.total != 1 else ''}"
    print(f"{shown} for {query!r} ({result.elapsed_ms:.0f} ms)", file=out)
    first = (result.page - 1) * result.page_size
    for n, hit in enumerate(result.hits, start=first + 1):
        date = f" — {hit.date}" if hit.date else ""
        print(f"{n:>3}. [{hit.kind}] {hit.title}{date}  ({hit.id})", file=out)
        if hit.snippet:
            print(f"     {_marked(hit.snippet, hit.highlights, tty)}", file=out)
    if result.suggestion:
        print(f"Did you mean: {result.suggestion}", file=out)
    return EXIT_OK
