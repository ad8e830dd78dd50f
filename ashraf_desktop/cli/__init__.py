"""Command line: ``ashraf-desktop [COMMAND]`` (docs/cli.md). Every command lives here, one module each
where it is more than a few lines; they open the archive through :mod:`.context`.

Nothing here imports Qt or ``ui/``: without a command the app's window opens, and that is the entry point's
business (:mod:`ashraf_desktop.main`, the composition root), which hands :func:`main` the way to open it.
So validate/info/search work on a machine without Qt libraries, and start fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Sequence

from .. import APP_NAME, __version__
from .context import archive_path, open_archive

__all__ = ["main", "build_parser", "OpenWindow"]


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

    # commands with their own modules: each sets its ``run`` default
    from . import (annotations_cmd, cite_cmd, concordance_cmd, events_cmd, facts_cmd, import_cmd, integrity_cmd,
                   ocr_cmd, search_cmd, team_cmd)
    search_cmd.register(sub)
    annotations_cmd.register(sub)
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


def _load(args: argparse.Namespace, *, check_files: bool = True, catalogue: bool = True):
    """The archive with the user's layer of imported items (``--data-dir`` or the user data folder), loaded
    even where there is none: ``validate`` and ``info`` say what is wrong with the folder. Through its
    catalogue in the user cache unless ``catalogue`` is false (``validate`` reads every file)."""
    opened = open_archive(args, check_files=check_files, require=False, catalogue=catalogue)
    assert opened is not None
    return opened.result


def cmd_validate(args: argparse.Namespace) -> int:
    result = _load(args, check_files=not args.quick, catalogue=False)
    counts = result.archive.counts()
    if args.json:
        print(json.dumps({"archive": str(archive_path(args)), "ok": result.ok, **counts,
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
        print(f"OK: {archive_path(args)}: {summary}{extra}")
        return 0
    print(f"INVALID: {archive_path(args)}: {errors} problem{'s' * (errors != 1)}; loaded {summary}",
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


COMMANDS = {"validate": cmd_validate, "info": cmd_info}

#: opens the app's window for the parsed arguments and returns the exit status (given by the entry point)
OpenWindow = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None, *, open_window: OpenWindow | None = None) -> int:
    """Run the command in ``argv``; without one (or ``gui``), ``open_window(args)`` - the entry point
    (:mod:`ashraf_desktop.main`) passes the window's launcher, the command line alone has none."""
    args = build_parser().parse_args(argv)
    try:
        if args.command in (None, "gui"):
            if open_window is None:
                print("error: this command line has no window to open; run `ashraf-desktop` (or `python -m "
                      "ashraf_desktop`) without a command for the app, or give a command (see --help)",
                      file=sys.stderr)
                return 2
            return open_window(args)
        run = getattr(args, "run", None)  # set by the commands with their own modules
        return run(args) if run is not None else COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `ashraf-desktop events | head`
        return 0
