"""Command line: ``ashraf-desktop [COMMAND]`` (docs/cli.md). Without a command it starts the GUI.

Only the ``gui`` path imports Qt, so that validate/info/search work on a machine without Qt libraries and
start fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from .. import APP_NAME, __version__
from ..paths import bundled_archive

__all__ = ["main", "build_parser"]


def _archive_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("archive_pos", nargs="?", metavar="ARCHIVE", type=Path,
                        help="archive folder (default: the bundled archive, or --archive)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ashraf-desktop",
        description=f"{APP_NAME}: an offline archive browser. Without a command, opens the app window.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--archive", type=Path, help="open this archive folder instead of the bundled one")
    parser.add_argument("--data-dir", type=Path,
                        help="keep all user state (annotations, index, cache, settings) under this folder")
    parser.add_argument("--smoke", action="store_true",
                        help="GUI self-test: open the window, exercise the panels, exit 0 on success")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check an archive and list every problem")
    _archive_arg(p)
    p.add_argument("--json", action="store_true", help="print the problems as JSON")
    p.add_argument("--quick", action="store_true", help="skip checksums and quote checks (no file reads)")

    p = sub.add_parser("info", help="counts of documents, images, records and events")
    _archive_arg(p)
    p.add_argument("--json", action="store_true", help="print a JSON object")

    p = sub.add_parser("index", help="build or update the search index")
    _archive_arg(p)
    p.add_argument("--rebuild", action="store_true", help="rebuild from scratch")
    p.add_argument("--json", action="store_true", help="print a JSON summary")

    p = sub.add_parser("search", help="search the archive")
    p.add_argument("query", help='query, e.g. "Camp Liberty" or date:2009..2011 attack')
    p.add_argument("--limit", type=int, default=10, help="number of hits (default 10)")
    p.add_argument("--page", type=int, default=1, help="page of hits (default 1)")
    p.add_argument("--sort", default="relevance", choices=["relevance", "date", "date-desc", "title"])
    p.add_argument("--json", action="store_true", help="print a JSON object")

    p = sub.add_parser("annotations", help="export or import annotations (docs/annotations.md)")
    asub = p.add_subparsers(dest="annotations_command", metavar="ACTION", required=True)
    e = asub.add_parser("export", help="print annotations as W3C JSON-LD, CSV or Markdown")
    e.add_argument("--format", choices=["jsonld", "csv", "md"], default="jsonld")
    e.add_argument("--item", help="only the annotations of this item id")
    e.add_argument("--tag", help="only annotations with this tag")
    e.add_argument("--by", choices=["item", "tag"], default="item", help="grouping of the Markdown report")
    i = asub.add_parser("import", help="merge a JSON-LD file (- for standard input) into your annotations")
    i.add_argument("file", help="JSON-LD AnnotationCollection, or - for standard input")
    i.add_argument("--json", action="store_true", help="print the import report as JSON")

    # commands with their own modules: each sets the ``run`` default
    from . import cite_cmd, concordance_cmd, events_cmd, facts_cmd, import_cmd, integrity_cmd, ocr_cmd, team_cmd
    import_cmd.register(sub)
    integrity_cmd.register(sub)
    events_cmd.register(sub)
    facts_cmd.register(sub)
    cite_cmd.register(sub)
    ocr_cmd.register(sub)
    team_cmd.register(sub)
    concordance_cmd.register(sub)

    sub.add_parser("gui", help="open the app window (the default)")
    return parser


def _archive_path(args: argparse.Namespace) -> Path:
    return getattr(args, "archive_pos", None) or args.archive or bundled_archive()


def _load(args: argparse.Namespace, *, check_files: bool = True, catalogue: bool = True):
    """The archive with the user's layer of imported items (``--data-dir`` or the user data folder), through
    its catalogue in the user cache unless ``catalogue`` is false (``validate`` reads every file)."""
    from .archive_load import load_for_command
    return load_for_command(_archive_path(args), args.data_dir, check_files=check_files, catalogue=catalogue)


def cmd_validate(args: argparse.Namespace) -> int:
    result = _load(args, check_files=not args.quick, catalogue=False)
    counts = result.archive.counts()
    if args.json:
        print(json.dumps({"archive": str(_archive_path(args)), "ok": result.ok, **counts,
                          "problems": [{"path": str(p.path), "where": p.where, "message": p.message,
                                        "severity": str(p.severity)} for p in result.problems]},
                         ensure_ascii=False, indent=2))
        return 0 if result.ok else 1
    for problem in result.problems:
        print(problem)
    summary = (f"{counts['documents']} documents, {counts['images']} images, {counts['records']} records, "
               f"{counts['events']} events, {counts['facts']} facts")
    errors, warnings = len(result.errors), len(result.problems) - len(result.errors)
    if result.ok:
        extra = f" ({warnings} warning{'s' * (warnings != 1)})" if warnings else ""
        print(f"OK: {_archive_path(args)}: {summary}{extra}")
        return 0
    print(f"INVALID: {_archive_path(args)}: {errors} problem{'s' * (errors != 1)}; loaded {summary}",
          file=sys.stderr)
    return 1


def cmd_info(args: argparse.Namespace) -> int:
    result = _load(args, check_files=False)
    archive = result.archive
    info = {"archive": str(archive.root), "id": archive.collection.id, "title": archive.collection.title,
            **archive.counts(), "problems": len(result.errors)}
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        for key, value in info.items():
            print(f"{key:>10}: {value}")
    return 0 if archive.collection.id != "missing" else 1


def cmd_index(args: argparse.Namespace) -> int:
    from ..core.search.cli_support import cmd_index as run
    return run(_archive_path(args), rebuild=args.rebuild, data_dir=args.data_dir, json=args.json)


def cmd_search(args: argparse.Namespace) -> int:
    from ..core.search.cli_support import cmd_search as run
    return run(args.query, archive=args.archive or bundled_archive(), limit=args.limit, page=args.page,
               sort=args.sort, json=args.json, data_dir=args.data_dir)


def cmd_annotations(args: argparse.Namespace) -> int:
    from ..core.annotations import cli_support
    archive = args.archive or bundled_archive()
    if args.annotations_command == "export":
        return cli_support.cmd_export(format=args.format, archive=archive, data_dir=args.data_dir,
                                      item=args.item, tag=args.tag, by=args.by)
    return cli_support.cmd_import(args.file, archive=archive, data_dir=args.data_dir, json=args.json)


def cmd_gui(args: argparse.Namespace) -> int:
    from .gui_launch import launch
    return launch(archive=args.archive or bundled_archive(), data_dir=args.data_dir, smoke=args.smoke)


COMMANDS = {"validate": cmd_validate, "info": cmd_info, "index": cmd_index,
            "search": cmd_search, "annotations": cmd_annotations, "gui": cmd_gui, None: cmd_gui}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        run = getattr(args, "run", None)  # set by the commands of import_cmd / integrity_cmd
        return run(args) if run is not None else COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `ashraf-desktop events | head`
        return 0
