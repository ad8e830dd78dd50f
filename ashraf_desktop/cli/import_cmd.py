"""``ashraf-desktop import PATH…``: add files, folders or a BagIt bag to the user's archive layer
(docs/cli.md, docs/import.md). Registered by ``cli.build_parser``; a command's ``run(args) -> int`` is its
``run`` default.

Exit status: 0 nothing failed, 1 some files failed (each listed with its reason), 2 wrong usage (no such
archive, an invalid --date …), 130 stopped with Ctrl-C (after the file being imported; the report says
which files were not started).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any, Iterator, TextIO

__all__ = ["register", "run"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CANCELLED = 0, 1, 2, 130

#: batch metadata options -> sidecar field
_TEXT_OPTIONS = {"title": "title", "date": "date", "description": "description", "rights": "rights",
                 "type": "type"}
_LIST_OPTIONS = {"creator": "creator", "subject": "subject", "language": "language", "publisher": "publisher",
                 "tag": "tags"}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``import`` command."""
    p = sub.add_parser("import", help="add files, folders or a BagIt bag to your archive (docs/import.md)",
                       description="Copy documents (text, Markdown, HTML, PDF, DOCX, ODT) and images into your "
                                   "layer of the archive (--archive, default the bundled one), with metadata "
                                   "guessed from each file. The originals are never changed.")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files, folders, or a BagIt bag folder")
    p.add_argument("--json", action="store_true", help="print the import report as JSON")
    p.add_argument("--ocr", nargs="?", const="", metavar="LANGS",
                   help="read the words of scanned pages and photos of documents with Tesseract (OCR); LANGS "
                        "like eng+fas+ara, default the archive's languages")
    batch = p.add_argument_group("metadata for every file of this import (over what is guessed from each)")
    batch.add_argument("--title", help="title")
    batch.add_argument("--creator", action="append", metavar="NAME", help="creator (repeat for several)")
    batch.add_argument("--date", help="date, in EDTF: 2013, 2009-07, 2011-09-01, 2003-04~, 1965?")
    batch.add_argument("--subject", action="append", metavar="TERM", help="subject (repeat for several)")
    batch.add_argument("--language", action="append", metavar="TAG", help="language, BCP 47 (en, fa, ar)")
    batch.add_argument("--publisher", action="append", metavar="NAME", help="publisher (repeat for several)")
    batch.add_argument("--description", help="description")
    batch.add_argument("--rights", help="rights statement")
    batch.add_argument("--type", help="DCMI type (Text, StillImage, …)")
    batch.add_argument("--tag", action="append", metavar="TAG", help="tag (repeat for several)")
    p.set_defaults(run=run)


def _metadata(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for option, key in _TEXT_OPTIONS.items():
        if getattr(args, option, None) is not None:
            values[key] = getattr(args, option)
    for option, key in _LIST_OPTIONS.items():
        if getattr(args, option, None):
            values[key] = list(getattr(args, option))
    return values


class _Progress:
    """``[3/17] name`` on standard error: one updating line on a terminal, a line per file otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.shown = False
        self.last = 0.0
        self.offset = 0  # files of earlier parts (bags) of this command

    def __call__(self, done: int, total: int, name: str) -> None:
        if not name:
            return
        if self.tty:
            now = time.monotonic()
            if now - self.last < 0.05:
                return
            self.last = now
            label = name if len(name) <= 50 else name[:49] + "…"
            self.stream.write(f"\r[{done + 1}/{total}] {label:<51}")
            self.shown = True
        else:
            self.stream.write(f"[{done + 1}/{total}] {name}\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty and self.shown:
            self.stream.write("\r" + " " * 70 + "\r")
            self.stream.flush()
            self.shown = False


@contextlib.contextmanager
def _ctrl_c_cancels() -> Iterator[threading.Event]:
    """The first Ctrl-C asks the import to stop after the current file; a second one stops at once."""
    flag = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return

    def handler(signum, frame):  # noqa: ARG001
        if flag.is_set():
            signal.signal(signal.SIGINT, signal.default_int_handler)
            raise KeyboardInterrupt
        flag.set()
        sys.stderr.write("\nStopping after the current file (Ctrl-C again to stop at once)…\n")

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)


def _is_bag(path: Path) -> bool:
    """A bag, or a folder that looks like one without bagit.txt (refused by the bag import with the reason)."""
    from ..core.integrity import is_bag
    return is_bag(path)


def _import_bag(bag: Path, archive, layer: Path, annotations_db: Path, **callbacks):
    """A BagIt bag: validated, then imported by ``core.integrity`` (items, and annotations into the user's
    annotations database when that function takes them)."""
    import inspect

    from ..core.ingest.report import ImportReport, Outcome
    try:
        from ..core.integrity import import_bag
    except ImportError:
        return ImportReport(outcomes=[Outcome(bag, "failed", "importing BagIt bags is not available in this "
                                                            "version of the app")])
    if "annotations_db" in inspect.signature(import_bag).parameters:
        callbacks["annotations_db"] = annotations_db
    return import_bag(bag, archive, layer, **callbacks)


def run(args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from ..core.ingest import import_files, validate_field
    from ..core.ingest.report import ImportReport
    from ..core.archive import layer_root, load_layered
    from ..paths import bundled_archive, user_dirs

    out, err = out or sys.stdout, err or sys.stderr
    root = Path(args.archive or bundled_archive())
    if not (root / "collection.toml").is_file():
        print(f"error: {root} is not an archive (no collection.toml); give one with --archive", file=err)
        return EXIT_USAGE
    metadata = _metadata(args)
    problems = [f"--{_option(key)}: {error}" for key, value in metadata.items()
                if (error := validate_field(key, value))]
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=err)
        return EXIT_USAGE
    dirs = user_dirs(args.data_dir)
    from .context import writable
    if not writable(dirs.data):
        print(f"error: the data folder {dirs.data} is read-only, so nothing can be imported into it; nothing "
              "was changed (give a writable folder with --data-dir)", file=err)
        return EXIT_USAGE
    loaded = load_layered(root, dirs.data, check_files=False, cache_dir=dirs.cache)
    archive = loaded.archive
    layer = layer_root(dirs.data, archive.collection.id)
    bags = [p for p in args.paths if _is_bag(p)]
    plain = [p for p in args.paths if not _is_bag(p)]
    if bags and metadata:
        print("note: the metadata options apply to files and folders; a bag brings its own metadata", file=err)
    progress = _Progress(err)
    report = ImportReport()
    bag_reports: list[tuple[Path, Any]] = []
    with _ctrl_c_cancels() as stop:
        if plain:
            part = import_files(archive, layer, plain, progress=progress, cancelled=stop.is_set,
                                metadata=metadata or None, ocr=ocr_languages(args.ocr, archive))
            _merge(report, part)
        for number, bag in enumerate(bags):
            if stop.is_set():
                report.cancelled = True
                report.not_started.extend(bags[number:])
                break
            from ..core.annotations import DB_NAME
            # sees what was just added
            archive = load_layered(root, dirs.data, check_files=False, cache_dir=dirs.cache).archive
            part = _import_bag(bag, archive, layer, dirs.data / DB_NAME, progress=progress,
                               cancelled=stop.is_set, on_added=None)
            progress.finish()
            bag_reports.append((bag, part))
            _merge(report, part)
    progress.finish()
    index = _update_index(root, args.data_dir, err) if report.added else None
    if args.json:
        print(json.dumps({"archive": str(root), "layer": str(layer), **report.as_json(), "index": index,
                          "bags": [{"path": str(bag), **part.as_json()} for bag, part in bag_reports]},
                         ensure_ascii=False, indent=2), file=out)
    else:
        _print_report(report, layer, index, out, bag_reports)
    if report.failed:
        return EXIT_FAILED
    return EXIT_CANCELLED if report.cancelled else EXIT_OK


def ocr_languages(option: str | None, archive) -> list[str] | None:
    """``--ocr`` -> Tesseract languages: as given ("eng+fas"), or the archive's languages; None = no OCR."""
    if option is None:
        return None
    from ..core.ocr import languages_for
    given = [lang for lang in option.replace(",", "+").split("+") if lang.strip()]
    return [lang.strip() for lang in given] if given else languages_for(list(archive.collection.language))


def _option(key: str) -> str:
    return "tag" if key == "tags" else key


def _merge(report, part) -> None:
    report.outcomes.extend(part.outcomes)
    report.cancelled = report.cancelled or part.cancelled
    report.not_started.extend(part.not_started)
    if not hasattr(part, "invalid"):  # a bag's own notes are printed with the bag
        report.notes.extend(part.notes)


def _print_report(report, layer: Path, index: dict | None, out: TextIO,
                  bag_reports: list[tuple[Path, Any]] = ()) -> None:
    for outcome in report.outcomes:
        label = {"added": "added", "duplicate": "duplicate", "failed": "FAILED"}[outcome.status]
        print(f"{label:<9}  {outcome.path}: {outcome.message}", file=out)
    for path in report.not_started:
        print(f"{'not done':<9}  {path}: not started (the import was stopped)", file=out)
    for bag, part in bag_reports:
        for problem in getattr(part, "invalid", ()):
            print(f"{'invalid':<9}  {bag}: {problem}", file=out)
        for note in getattr(part, "notes", ()):
            print(f"{'note':<9}  {bag}: {note}", file=out)
        print(f"Bag {bag}: {part.summary()}", file=out)
    for note in report.notes:
        print(f"{'note':<9}  {note}", file=out)
    print(f"\n{report.summary()}. Imported items are kept in {layer}", file=out)
    if index is not None:
        if index.get("error"):
            print(f"The search index was not updated: {index['error']}", file=out)
        else:
            print(f"Search index updated: {index['added']} added, {index['changed']} changed.", file=out)


def _update_index(root: Path, data_dir: Path | None, err: TextIO) -> dict | None:
    """Bring the search index up to date with the new items, if the archive has an index already (otherwise
    the next ``index`` or ``search`` builds it with them)."""
    from ..core.search import SearchError, index_home
    from .context import open_archive
    from .search_cmd import open_search_index

    opened = open_archive(argparse.Namespace(archive=root, data_dir=data_dir), err=err)
    if opened is None or not index_home(opened.archive, opened.dirs.cache / "index").exists():
        return None
    try:
        index = open_search_index(opened)
        try:
            update = index.last_update
        finally:
            index.close()
    except (SearchError, OSError) as exc:
        print(f"warning: the search index was not updated ({exc}); run `ashraf-desktop index` later", file=err)
        return {"error": str(exc)}
    return {"added": update.added if update else 0, "changed": update.changed if update else 0,
            "deleted": update.deleted if update else 0}