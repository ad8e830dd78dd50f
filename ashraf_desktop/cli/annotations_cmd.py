"""``ashraf-desktop annotations export|import`` (docs/cli-annotations.md).

The commands print to ``out``/``err`` (default stdout/stderr) and return the exit status; a problem a user
can cause (missing file, not JSON-LD, database busy or damaged, a read-only data folder) is a message and a
status, never a traceback.
"""

from __future__ import annotations

import argparse
import json as _json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .context import open_archive, writable

if TYPE_CHECKING:
    from ..core.annotations import AnnotationStore

# ``core.annotations`` is imported by these commands only: every other command (``info``, ``search``) builds
# this parser and would pay its ~45 ms

__all__ = ["register", "cmd_export", "cmd_import", "EXIT_OK", "EXIT_INCOMPLETE", "EXIT_USAGE", "EXIT_STORE",
           "FORMATS"]

EXIT_OK = 0
EXIT_INCOMPLETE = 1  # import: some annotations were not taken (conflicts, no matching item, unreadable)
EXIT_USAGE = 2  # bad arguments, unreadable archive or input file
EXIT_STORE = 3  # the annotations database cannot be opened or written (busy, disk, damaged)
FORMATS = ("jsonld", "csv", "md")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("annotations", help="export or import annotations (docs/annotations.md)")
    asub = p.add_subparsers(dest="annotations_command", metavar="ACTION", required=True)
    e = asub.add_parser("export", help="print annotations as W3C JSON-LD, CSV or Markdown")
    e.add_argument("--format", choices=["jsonld", "csv", "md"], default="jsonld")
    e.add_argument("--item", help="only the annotations of this item id")
    e.add_argument("--tag", help="only annotations with this tag")
    e.add_argument("--by", choices=["item", "tag"], default="item", help="grouping of the Markdown report")
    e.set_defaults(run=lambda args: cmd_export(format=args.format, archive=_archive(args), data_dir=args.data_dir,
                                               item=args.item, tag=args.tag, by=args.by))
    i = asub.add_parser("import", help="merge a JSON-LD file (- for standard input) into your annotations")
    i.add_argument("file", help="JSON-LD AnnotationCollection, or - for standard input")
    i.add_argument("--json", action="store_true", help="print the import report as JSON")
    i.set_defaults(run=lambda args: cmd_import(args.file, archive=_archive(args), data_dir=args.data_dir,
                                               json=args.json))


def _archive(args: argparse.Namespace) -> Path:
    from ..paths import bundled_archive
    return args.archive or bundled_archive()


def _db_path(data_dir: Path | str | None) -> Path:
    from ..core.annotations import DB_NAME
    from ..paths import user_dirs
    return user_dirs(data_dir).data / DB_NAME


def _load_archive(archive: Path | str | None, err: TextIO, data_dir: Path | str | None = None):
    """The archive with the user's layer of imported items, so that their annotations match; (archive or
    None, whether to go on)."""
    if archive is None:
        return None, True
    opened = open_archive(argparse.Namespace(archive=archive, data_dir=data_dir), err=err)
    return (opened.archive, True) if opened is not None else (None, False)


def _open_for_reading(path: Path) -> AnnotationStore | None:
    """Read-only first (works beside a running app, creates nothing); a database that needs a schema
    upgrade is opened writable once."""
    from ..core.annotations import AnnotationStore, StoreEnvironmentError
    if not path.is_file():
        return None
    try:
        return AnnotationStore(path, read_only=True)
    except StoreEnvironmentError as error:
        if "upgrade" not in str(error):
            raise
        return AnnotationStore(path)


def cmd_export(*, format: str = "jsonld", archive: Path | str | None = None, data_dir: Path | str | None = None,
               item: str | None = None, tag: str | None = None, by: str = "item", out: TextIO | None = None,
               err: TextIO | None = None) -> int:
    """Print the annotations (of ``archive``'s collection, or all) as JSON-LD, CSV or Markdown."""
    from ..core.annotations import AnnotationError, csv_report, export_jsonld, markdown_report
    out, err = out or sys.stdout, err or sys.stderr
    if format not in FORMATS:
        print(f"error: unknown format {format!r} (choose from {', '.join(FORMATS)})", file=err)
        return EXIT_USAGE
    loaded, ok = _load_archive(archive, err, data_dir)
    if not ok:
        return EXIT_USAGE
    collection_id = loaded.collection.id if loaded else None
    titles = {i.id: i.title for i in loaded.items} if loaded else {}
    try:
        store = _open_for_reading(_db_path(data_dir))
        if store is None:
            annotations = []
        else:
            with store:
                if format == "jsonld":
                    out.write(export_jsonld(store, collection_id=collection_id, item_id=item, tag=tag))
                    return EXIT_OK
                annotations = store.query(collection_id=collection_id, item_id=item, tag=tag)
    except AnnotationError as error:
        print(f"error: {error}", file=err)
        return EXIT_STORE
    if format == "jsonld":
        from ..core.annotations.jsonld import dumps, to_collection
        out.write(dumps(to_collection([], collection_id=collection_id)))
    elif format == "csv":
        out.write(csv_report(annotations, titles))
    else:
        heading = f"Annotations: {loaded.collection.title}" if loaded else "Annotations"
        try:
            out.write(markdown_report(annotations, by=by, titles=titles, heading=heading))
        except ValueError as error:
            print(f"error: {error}", file=err)
            return EXIT_USAGE
    return EXIT_OK


def cmd_import(file: Path | str, *, archive: Path | str | None = None, data_dir: Path | str | None = None,
               json: bool = False, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Merge a JSON-LD file (``-`` = standard input) into the annotations database; report what happened."""
    from ..core.annotations import AnnotationError, AnnotationStore, ImportFormatError, import_jsonld
    out, err = out or sys.stdout, err or sys.stderr
    try:
        text = sys.stdin.buffer.read() if str(file) == "-" else Path(file).read_bytes()
    except OSError as error:
        print(f"error: cannot read {file}: {error.strerror or error}", file=err)
        return EXIT_USAGE
    loaded, ok = _load_archive(archive, err, data_dir)
    if not ok:
        return EXIT_USAGE
    db = _db_path(data_dir)
    if not writable(db.parent):
        print(f"error: the data folder {db.parent} is read-only, so no annotation can be imported into it; "
              "nothing was changed (give a writable folder with --data-dir)", file=err)
        return EXIT_STORE
    try:
        with AnnotationStore(db) as store:
            report = import_jsonld(store, text, archive=loaded)
    except ImportFormatError as error:
        print(f"error: {file}: {error}", file=err)
        return EXIT_USAGE
    except AnnotationError as error:
        print(f"error: {error}", file=err)
        return EXIT_STORE
    if json:
        print(_json.dumps({"file": str(file), **report.as_dict()}, ensure_ascii=False, indent=2), file=out)
    else:
        print(f"Imported {file}: {report.summary()}", file=out)
        for conflict in report.conflicts:
            print(f"conflict: {conflict}", file=err)
        for annotation_id, source in report.unresolved:
            print(f"not imported: {annotation_id}: its targets name nothing this archive holds ({source})",
                  file=err)
        for annotation_id, parts in report.kept_undisplayed:
            print(f"kept, not shown: {annotation_id}: {'; '.join(parts)}", file=out)
        for annotation_id, source in report.unknown_items:
            print(f"warning: {annotation_id}: {source} is not in this archive (imported anyway)", file=err)
        for problem in report.problems:
            print(f"not imported: {problem}", file=err)
    return EXIT_OK if report.complete else EXIT_INCOMPLETE
