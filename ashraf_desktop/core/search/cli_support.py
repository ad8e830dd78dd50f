"""What the ``index`` and ``search`` commands do, as plain functions the CLI's argparse calls.

They print (to ``out``/``err``, default stdout/stderr) and return the exit status; they never raise for
a problem a user can cause (missing archive, damaged index). Shapes are documented in docs/cli-search.md.
"""

from __future__ import annotations

import json as _json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from ._index import SearchIndex, open_index
from ._types import SORTS, SearchError, SearchResult

__all__ = ["cmd_index", "cmd_search", "result_to_json", "EXIT_OK", "EXIT_ARCHIVE", "EXIT_INDEX", "EXIT_USAGE"]

EXIT_OK = 0
EXIT_ARCHIVE = 1  # the archive could not be read
EXIT_INDEX = 3  # the index could not be built or opened
EXIT_USAGE = 2


def _dirs(data_dir: Path | str | None) -> tuple[Path, Path]:
    from ...paths import user_dirs
    dirs = user_dirs(data_dir)
    return dirs.cache / "index", dirs.cache / "text"


def _load(archive: Path | str, err: TextIO, data_dir: Path | str | None = None):
    """The archive with the user's layer of imported items (core.archive.layers), so that they are indexed too."""
    from ...paths import user_dirs
    from ..archive import load_layered
    path = Path(archive)
    if not (path / "collection.toml").is_file():
        print(f"error: {path} is not an archive (no collection.toml)", file=err)
        return None
    dirs = user_dirs(data_dir)
    result = load_layered(path, dirs.data, check_files=False, cache_dir=dirs.cache)
    for problem in result.errors:
        print(f"warning: {problem} (left out of the index)", file=err)
    return result.archive


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


def _open(archive_obj, data_dir, err: TextIO, bar: _Bar | None = None) -> SearchIndex:
    from ..extract import TextCache
    from ...paths import prebuilt_index
    index_root, text_root = _dirs(data_dir)
    return open_index(archive_obj, index_root, text_cache=TextCache(text_root), progress=bar,
                      prebuilt=prebuilt_index(archive_obj.root), signature=archive_obj.signature)


def cmd_index(archive: Path | str, *, rebuild: bool = False, data_dir: Path | str | None = None,
              json: bool = False, progress: bool | None = None, out: TextIO | None = None,
              err: TextIO | None = None) -> int:
    """``ashraf-desktop index [ARCHIVE] [--rebuild] [--json]``: build or update the archive's index."""
    out = out or sys.stdout
    err = err or sys.stderr
    t0 = time.perf_counter()
    archive_obj = _load(archive, err, data_dir)
    if archive_obj is None:
        return EXIT_ARCHIVE
    bar = _Bar(err, err.isatty() if progress is None else progress)
    try:
        index = _open(archive_obj, data_dir, err, bar)
        try:
            report = index.last_update
            if rebuild and not (report is not None and report.rebuilt):
                index.rebuild()
                report = index.last_update
            bar.finish()
            folder = index.folder
            notices = list(index.notices)
            docs = index.doc_count()
        finally:
            index.close()
    except SearchError as exc:
        bar.finish()
        print(f"error: {exc}", file=err)
        return EXIT_INDEX
    elapsed = time.perf_counter() - t0
    counts = archive_obj.counts()
    summary: dict[str, Any] = {
        "archive": str(Path(archive)), "index": str(folder) if folder else None, "documents_indexed": docs,
        "items": len(archive_obj.items), "events": counts["events"],
        "rebuilt": bool(report and report.rebuilt), "added": report.added if report else 0,
        "changed": report.changed if report else 0, "deleted": report.deleted if report else 0,
        "problems": list(report.problems) if report else [],
        "notices": [n.message for n in notices], "elapsed_s": round(elapsed, 3),
    }
    if json:
        print(_json.dumps(summary, ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    for n in notices:
        print(f"note: {n.message}", file=err)
    if report is None:
        what = "up to date"
    elif report.rebuilt:
        what = "built"
    else:
        what = f"updated ({report.added} added, {report.changed} changed, {report.deleted} removed)"
    print(f"Index {what}: {len(archive_obj.items)} items and {counts['events']} events, {elapsed:.1f} s",
          file=out)
    for problem in summary["problems"]:
        print(f"  text not indexed: {problem}", file=out)
    return EXIT_OK


def result_to_json(result: SearchResult) -> dict[str, Any]:
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


def cmd_search(query: str, *, archive: Path | str, limit: int = 10, page: int = 1, sort: str = "relevance",
               json: bool = False, data_dir: Path | str | None = None, out: TextIO | None = None,
               err: TextIO | None = None) -> int:
    """``ashraf-desktop search QUERY [--archive PATH] [--limit N] [--page N] [--sort S] [--json]``."""
    out = out or sys.stdout
    err = err or sys.stderr
    if sort not in SORTS:
        print(f"error: --sort must be one of {', '.join(SORTS)}", file=err)
        return EXIT_USAGE
    if limit < 1 or page < 1:
        print("error: --limit and --page must be at least 1", file=err)
        return EXIT_USAGE
    archive_obj = _load(archive, err, data_dir)
    if archive_obj is None:
        return EXIT_ARCHIVE
    bar = _Bar(err, err.isatty())
    try:
        index = _open(archive_obj, data_dir, err, bar)
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
