"""``ashraf-desktop verify``, ``export bag``, ``export metadata`` and ``validate-bag``: fixity checks, BagIt and
metadata exports (docs/cli.md, "verify and export"; docs/integrity.md). Registered by ``cli.build_parser``;
a command's ``run(args) -> int`` is its ``run`` default.

Every problem a user can cause (no archive there, a non-empty destination, an unknown item id, an invalid
bag, a busy annotations database) is a message on standard error and an exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

__all__ = ["register", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "EXIT_STORE"]

EXIT_OK = 0
EXIT_PROBLEMS = 1  # verify found problems; the bag is invalid; the bag could not be made
EXIT_USAGE = 2  # bad arguments: no archive there, unknown item ids
EXIT_STORE = 3  # the annotations database cannot be read


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``verify``, ``export`` (``bag``, ``metadata``) and ``validate-bag`` to the parser."""
    p = sub.add_parser("verify", help="check every held file against its SHA-256 (fixity)")
    p.add_argument("archive_pos", nargs="?", metavar="ARCHIVE", type=Path,
                   help="archive folder (default: the bundled archive, or --archive)")
    p.add_argument("--quick", action="store_true",
                   help="re-hash only files whose size or modification time changed since they were last found good")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(run=cmd_verify)

    p = sub.add_parser("export", help="export the archive as a BagIt bag, or its metadata as Dublin Core")
    esub = p.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    b = esub.add_parser("bag", help="write a BagIt bag (RFC 8493) of the archive or of some items")
    b.add_argument("dest", type=Path, help="a new or empty folder for the bag")
    b.add_argument("--items", help="only these item ids, comma-separated")
    b.add_argument("--no-annotations", action="store_true", help="leave the annotations out")
    b.add_argument("--sha512", action="store_true", help="add SHA-512 manifests beside the SHA-256 ones")
    b.add_argument("--json", action="store_true", help="print a JSON summary")
    b.set_defaults(run=cmd_export_bag)
    m = esub.add_parser("metadata", help="print item metadata as Dublin Core CSV or JSON-LD")
    m.add_argument("--format", choices=["csv", "jsonld"], default="csv")
    m.add_argument("--items", help="only these item ids, comma-separated")
    m.set_defaults(run=cmd_export_metadata)

    p = sub.add_parser("validate-bag", help="check a BagIt bag made by this app (or for import)")
    p.add_argument("bag", type=Path, help="the bag's folder")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(run=cmd_validate_bag)


# --- helpers -----------------------------------------------------------------------------------------------


def _archive_path(args: argparse.Namespace) -> Path:
    from ..paths import bundled_archive
    return getattr(args, "archive_pos", None) or args.archive or bundled_archive()


def _load(args: argparse.Namespace, err: TextIO):
    """The archive with the user's layer, or None (message printed) when there is no archive there."""
    from ..core.archive import load_layered
    from ..paths import user_dirs
    root = _archive_path(args)
    if not (root / "collection.toml").is_file():
        print(f"error: {root} is not an archive (no collection.toml)", file=err)
        return None
    dirs = user_dirs(args.data_dir)
    return load_layered(root, dirs.data, check_files=False, cache_dir=dirs.cache).archive


def _item_ids(raw: str | None) -> list[str] | None:
    if raw is None:
        return None
    return [part.strip() for part in raw.split(",") if part.strip()]


class _Bar:
    """A one-line progress indicator on standard error, only on a terminal."""

    def __init__(self, label: str, err: TextIO) -> None:
        self.label, self.err = label, err
        self.on = hasattr(err, "isatty") and err.isatty()
        self.last = -1

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.on or total <= 0:
            return
        percent = int(100 * done / total)
        if percent != self.last:
            self.last = percent
            self.err.write(f"\r{self.label}: {done}/{total} ({percent} %)\033[K")
            self.err.flush()

    def close(self) -> None:
        if self.on and self.last >= 0:
            self.err.write("\r\033[K")
            self.err.flush()


# --- commands ----------------------------------------------------------------------------------------------


def cmd_verify(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from ..core.integrity import default_state_path, verify
    from ..paths import user_dirs
    out, err = out or sys.stdout, err or sys.stderr
    archive = _load(args, err)
    if archive is None:
        return EXIT_USAGE
    state = default_state_path(user_dirs(args.data_dir).cache, archive)
    bar = _Bar("Verifying", err)
    try:
        report = verify(archive, progress=bar, state=state, quick=args.quick)
    finally:
        bar.close()
    if args.json:
        print(json.dumps({"archive": str(archive.root), "layers": [str(p) for p in archive.layers],
                          **report.as_json()}, ensure_ascii=False, indent=2), file=out)
    else:
        for problem in report.problems:
            print(problem, file=out)
        print(("OK: " if report.ok else "PROBLEMS: ") + report.summary(), file=out)
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_export_bag(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from ..core.annotations import DB_NAME, AnnotationError
    from ..core.integrity import BagExportError, ExportCancelled, annotations_for_export, export_bag
    from ..core.integrity import UnknownItemsError, selected_items
    from ..paths import user_dirs
    out, err = out or sys.stdout, err or sys.stderr
    archive = _load(args, err)
    if archive is None:
        return EXIT_USAGE
    item_ids = _item_ids(args.items)
    try:
        items = selected_items(archive, item_ids)
    except UnknownItemsError as error:
        print(f"error: --items: {error}", file=err)
        return EXIT_USAGE
    annotations = None
    if not args.no_annotations:
        try:
            annotations = annotations_for_export(user_dirs(args.data_dir).data / DB_NAME, archive, item_ids)
        except AnnotationError as error:
            print(f"error: the annotations cannot be read: {error} (use --no-annotations to export without them)",
                  file=err)
            return EXIT_STORE
    bar = _Bar("Writing the bag", err)
    try:
        dest = export_bag(archive, args.dest, item_ids=item_ids, annotations_jsonld=annotations, progress=bar,
                          algorithms=("sha256", "sha512") if args.sha512 else ("sha256",))
    except ExportCancelled as error:
        print(f"error: {error}", file=err)
        return 130
    except BagExportError as error:
        print(f"error: {error}", file=err)
        return EXIT_PROBLEMS
    finally:
        bar.close()
    oxum = _payload_oxum(dest)
    summary = {"bag": str(dest), "items": len(items), "files": oxum[1], "bytes": oxum[0],
               "annotations": annotations is not None, "selection": item_ids is not None}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2), file=out)
    else:
        extra = " with annotations" if annotations is not None else ""
        print(f"Bag written: {dest} ({len(items)} item{'s' * (len(items) != 1)}, {oxum[1]} files, "
              f"{oxum[0]:,} bytes{extra})", file=out)
    return EXIT_OK


def _payload_oxum(bag: Path) -> tuple[int, int]:
    try:
        for line in (bag / "bag-info.txt").read_text(encoding="utf-8").splitlines():
            if line.startswith("Payload-Oxum:"):
                octets, count = line.split(":", 1)[1].strip().split(".")
                return int(octets), int(count)
    except (OSError, ValueError):
        pass
    return 0, 0


def cmd_export_metadata(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from ..core.integrity import UnknownItemsError, dublin_core_csv, dublin_core_jsonld
    out, err = out or sys.stdout, err or sys.stderr
    archive = _load(args, err)
    if archive is None:
        return EXIT_USAGE
    export = dublin_core_csv if args.format == "csv" else dublin_core_jsonld
    try:
        text = export(archive, _item_ids(args.items))
    except UnknownItemsError as error:
        print(f"error: --items: {error}", file=err)
        return EXIT_USAGE
    out.write(text)
    return EXIT_OK


def cmd_validate_bag(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from ..core.integrity import validate_bag
    out, err = out or sys.stdout, err or sys.stderr
    bar = _Bar("Checking the bag", err)
    try:
        problems = validate_bag(args.bag, progress=bar)
    finally:
        bar.close()
    if args.json:
        print(json.dumps({"bag": str(args.bag), "ok": not problems, "problems": problems}, ensure_ascii=False,
                         indent=2), file=out)
    else:
        for problem in problems:
            print(f"error: {problem}", file=out)
        if problems:
            print(f"INVALID: {args.bag}: {len(problems)} problem{'s' * (len(problems) != 1)}", file=err)
        else:
            print(f"OK: {args.bag} is a valid bag", file=out)
    return EXIT_PROBLEMS if problems else EXIT_OK
