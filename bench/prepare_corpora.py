#!/usr/bin/env python3
"""Prepare the two search-benchmark corpora under bench/corpora/ (gitignored). Cached: skips what exists.

1. ``speeches``: the 1,010 presidential speeches and 240 State of the Union addresses of
   ../shared/testdata/corpus_dated (real, public-domain, long, dated). Each text is copied byte for byte to
   ``bench/corpora/speeches/archive/items/<id>.txt`` beside a TOML sidecar (docs/archive-format.md), so the
   folder is a real archive that ``load_archive`` reads, and listed in ``manifest.jsonl``.
   Dates come from the file names: ``YYYY-MM-DD-slug`` for speeches, ``NNN_YEAR_President`` (EDTF year)
   for the SOTU addresses, whose president comes from the metadata CSV.
2. ``changelogs``: the 88,553 dated change records that ../shared/bench/make_changelog_corpus.py extracts
   from 40 Debian 12 packages (``apt-get download``), in ``docs.jsonl``. Each record is also written as a
   text file (title, blank line, body) under ``files/`` with its mtime set to the record's date, because
   Recoll indexes files and takes dates from mtimes.

Usage:  .venv/bin/python bench/prepare_corpora.py [--force]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CORPORA = BENCH / "corpora"
SHARED = Path(os.environ.get("ASHRAF_SHARED", BENCH.parent.parent / "shared")).resolve()
DATED = SHARED / "testdata" / "corpus_dated"
MAKE_CHANGELOGS = SHARED / "bench" / "make_changelog_corpus.py"

_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def _toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _sidecar(entry: dict) -> str:
    lines = [
        f"id = {_toml_str(entry['id'])}",
        'kind = "document"',
        f"file = {_toml_str(entry['file'])}",
        f"sha256 = {_toml_str(entry['sha256'])}",
        f"title = {_toml_str(entry['title'])}",
        f"creator = [{_toml_str(entry['creator'])}]" if entry["creator"] else "creator = []",
        f"date = {_toml_str(entry['date'])}",
        'language = "en"',
        f"source = {_toml_str(entry['source'])}",
        'type = "Text"',
        'format = "text/plain"',
        f"tags = [{_toml_str(entry['collection'])}]",
    ]
    return "\n".join(lines) + "\n"


def prepare_speeches(force: bool = False) -> Path:
    out = CORPORA / "speeches"
    manifest = out / "manifest.jsonl"
    if manifest.exists() and not force:
        print(f"speeches: cached ({manifest})")
        return manifest
    if out.exists():
        shutil.rmtree(out)
    items = out / "archive" / "items"
    items.mkdir(parents=True)
    (out / "archive" / "collection.toml").write_text(
        'format = 1\nid = "bench-speeches"\ntitle = "US presidential speeches and State of the Union '
        'addresses (benchmark)"\nlanguage = ["en"]\n', encoding="utf-8")
    entries: list[dict] = []

    for path in sorted((DATED / "presidential-speeches").iterdir()):
        if not path.is_file():
            continue
        m = re.match(r"(\d{4}-\d\d-\d\d)-(.+?)(\.txt)?$", path.name)
        if not m:
            print(f"speeches: skipped {path.name} (no date in the name)", file=sys.stderr)
            continue
        raw = path.read_bytes()
        first = raw.split(b"\n", 1)[0].decode("utf-8", "replace")
        creator = first.split(":", 1)[1].strip() if first.startswith("President:") else ""
        title = m.group(2).replace("-", " ").strip().capitalize()
        entries.append(dict(id=_slug(f"ps-{m.group(1)}-{m.group(2)}")[:120], raw=raw, title=title,
                            creator=creator, date=m.group(1), collection="presidential-speeches",
                            source=f"corpus_dated/presidential-speeches/{path.name}"))

    meta = {}
    with open(DATED / "sotu-1790-2020_metadata.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            meta[row["file"]] = row
    for path in sorted((DATED / "sotu-1790-2020").iterdir()):
        m = re.match(r"(\d+)_(\d{4})_(.+)\.txt$", path.name)
        if not m:
            print(f"speeches: skipped {path.name}", file=sys.stderr)
            continue
        row = meta.get(path.name, {})
        president = row.get("president") or m.group(3).replace("_", " ")
        kind = row.get("sotu_type", "")
        entries.append(dict(id=_slug(f"sotu-{m.group(1)}-{m.group(2)}-{president}"), raw=path.read_bytes(),
                            title=f"State of the Union {m.group(2)} ({kind or 'address'}), {president}",
                            creator=president, date=m.group(2), collection="sotu",
                            source=f"corpus_dated/sotu-1790-2020/{path.name}"))

    with manifest.open("w", encoding="utf-8") as man:
        for e in entries:
            raw = e.pop("raw")
            e["file"] = f"{e['id']}.txt"
            e["sha256"] = hashlib.sha256(raw).hexdigest()
            e["bytes"] = len(raw)
            (items / e["file"]).write_bytes(raw)
            (items / f"{e['id']}.toml").write_text(_sidecar(e), encoding="utf-8")
            _set_mtime(items / e["file"], e["date"])
            e["path"] = str(items / e["file"])
            man.write(json.dumps(e, ensure_ascii=False) + "\n")
    total = sum(e["bytes"] for e in entries)
    print(f"speeches: {len(entries)} documents, {total / 1e6:.1f} MB -> {out}")
    return manifest


def _set_mtime(path: Path, date: str) -> None:
    """Give a file its document's date as mtime (Recoll's date: clause reads mtimes)."""
    try:
        if len(date) == 4:
            date = date + "-07-01"
        stamp = dt.datetime.fromisoformat(date[:10]).replace(hour=12, tzinfo=dt.timezone.utc).timestamp()
        os.utime(path, (stamp, stamp))
    except (ValueError, OSError, OverflowError):
        pass


def prepare_changelogs(force: bool = False) -> Path:
    out = CORPORA / "changelogs"
    docs = out / "docs.jsonl"
    done = out / "files" / ".complete"
    if docs.exists() and done.exists() and not force:
        print(f"changelogs: cached ({docs})")
        return docs
    out.mkdir(parents=True, exist_ok=True)
    if not docs.exists() or force:
        cmd = [sys.executable, str(MAKE_CHANGELOGS), str(out)]
        print("changelogs:", " ".join(cmd))
        if subprocess.run(cmd).returncode != 0:
            print("changelogs: `apt-get download` failed; try `apt-get update` first", file=sys.stderr)
            subprocess.run(["apt-get", "update", "-qq"], check=False)
            subprocess.run(cmd, check=True)
    files = out / "files"
    if files.exists():
        shutil.rmtree(files)
    n = 0
    with docs.open(encoding="utf-8") as handle:
        for line in handle:
            d = json.loads(line)
            sub = files / d["id"][:4]
            sub.mkdir(parents=True, exist_ok=True)
            path = sub / f"{d['id']}.txt"
            path.write_text(f"{d['title']}\n\n{d['body']}\n", encoding="utf-8")
            _set_mtime(path, d["date"])
            n += 1
    done.write_text(str(n))
    print(f"changelogs: {n} records, one text file each under {files}")
    return docs


def prepare_speech_queries(force: bool = False) -> Path:
    """bench/queries-speeches.json: 250 seeded queries of each type drawn from the speeches (kept in git)."""
    sys.path.insert(0, str(BENCH))
    from _corpus import SPEECH_QUERIES, load_docs, make_speech_queries

    if SPEECH_QUERIES.exists() and not force:
        print(f"speech queries: cached ({SPEECH_QUERIES})")
        return SPEECH_QUERIES
    queries = make_speech_queries(load_docs("speeches"))
    text = ",\n".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in queries.items())
    SPEECH_QUERIES.write_text("{\n" + text + "\n}\n", encoding="utf-8")
    print(f"speech queries: {sum(len(v) for v in queries.values())} -> {SPEECH_QUERIES}")
    return SPEECH_QUERIES


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--force", action="store_true", help="rebuild even when cached")
    args = ap.parse_args(argv)
    prepare_speeches(args.force)
    prepare_changelogs(args.force)
    prepare_speech_queries(args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
