"""``ashraf-desktop ocr [ITEM…]``: read the words of imported items' scanned pages (and photos of documents)
with Tesseract, later than the import (docs/import.md, "Reading scanned pages").

Without ITEM: every imported PDF that has pages without text and has not been read yet. The text is kept
beside each held file and the search index is brought up to date. Exit status: 0 done, 1 some items could
not be read (each listed), 2 wrong usage or no Tesseract, 130 stopped with Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ocr", help="read the words of scanned pages of imported items (Tesseract)",
                       description="Read the text of scanned pages and photos of documents already imported, "
                                   "with Tesseract. The held files never change; the machine-read text is kept "
                                   "beside them and labelled as such.")
    p.add_argument("items", nargs="*", metavar="ITEM", help="item ids (default: every imported PDF with pages "
                                                            "that have no text and were not read yet)")
    p.add_argument("--languages", metavar="LANGS", default="",
                   help="Tesseract languages such as eng+fas+ara (default: the archive's languages)")
    p.add_argument("--all-pages", action="store_true",
                   help="read every page, also those with a text layer (for PDFs whose own text is garbage)")
    p.add_argument("--json", action="store_true", help="print what was read as JSON")
    p.set_defaults(run=run)


def _wanted(archive, ids: list[str], err: TextIO) -> list | None:
    from ..core.archive import ItemKind
    if ids:
        items = []
        for item_id in ids:
            item = archive.item(item_id)
            if item is None or item.file is None:
                print(f"error: no item with a file has the id {item_id!r}", file=err)
                return None
            items.append(item)
        return items
    return [item for item in archive.items if archive.layer_of(item) is not None and item.file is not None
            and item.kind is ItemKind.DOCUMENT and item.media_type == "application/pdf" and item.text_layer is None]


def run(args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from ..core.archive import ReadOnlyItemError, load_layered
    from ..core.ocr import EngineMissing, NotReadable, OcrCancelled, OcrFailed, find_engine, read_item
    from ..paths import bundled_archive, user_dirs
    from .import_cmd import _ctrl_c_cancels, _Progress, _update_index, ocr_languages

    out, err = out or sys.stdout, err or sys.stderr
    root = Path(args.archive or bundled_archive())
    dirs = user_dirs(args.data_dir)
    archive = load_layered(root, dirs.data, check_files=False).archive
    try:
        engine = find_engine()
    except EngineMissing as missing:
        print(f"error: {missing.reason}", file=err)
        return 2
    languages = ocr_languages(args.languages, archive) or ["eng"]
    lacking = engine.missing(languages)
    if lacking:
        print(f"error: Tesseract has no data for {', '.join(lacking)} (it has {', '.join(engine.languages)})",
              file=err)
        return 2
    items = _wanted(archive, list(args.items), err)
    if items is None:
        return 2
    progress = _Progress(err)
    results: list[dict] = []
    cancelled = False
    with _ctrl_c_cancels() as stop:
        for number, item in enumerate(items):
            if stop.is_set():
                cancelled = True
                break
            progress(number, len(items), item.id)
            try:
                layer = read_item(archive, item, languages, pages="all" if args.all_pages else "no-text",
                                  engine=engine, cancelled=stop.is_set)
            except OcrCancelled:
                cancelled = True
                break
            except (NotReadable, OcrFailed, ReadOnlyItemError) as problem:
                reason = getattr(problem, "reason", str(problem))
                results.append({"item": item.id, "status": "failed", "message": reason})
                continue
            except OSError as exc:
                results.append({"item": item.id, "status": "failed",
                                "message": f"its text could not be kept ({exc.strerror or exc})"})
                continue
            if layer is None:
                results.append({"item": item.id, "status": "skipped", "message": "every page has a text layer "
                                "(use --all-pages to read them anyway)"})
            else:
                words = sum(len(p.words) for p in layer.pages)
                results.append({"item": item.id, "status": "read", "pages": [p.number for p in layer.pages],
                                "words": words, "message": f"{words:,} words read from {len(layer.pages)} "
                                f"page(s) ({'+'.join(layer.languages)}): machine-read text"})
    progress.finish()
    index = _update_index(root, args.data_dir, err) if any(r["status"] == "read" for r in results) else None
    if args.json:
        print(json.dumps({"engine": engine.name, "languages": languages, "items": results, "cancelled": cancelled,
                          "index": index}, ensure_ascii=False, indent=2), file=out)
    else:
        for r in results:
            print(f"{r['status']:<8}  {r['item']}: {r['message']}", file=out)
        if not results:
            print("Nothing to read: no imported PDF has pages without text that were not read yet.", file=out)
    if cancelled:
        return 130
    return 1 if any(r["status"] == "failed" for r in results) else 0
