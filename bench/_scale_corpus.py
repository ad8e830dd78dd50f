"""The large archive of bench/bench_scale.py, made from real material in ../shared, in the archive format.

* documents: the speeches of ``testdata/corpus_dated`` (presidential speeches, then State of the Union
  addresses) split into passages of two paragraphs, each a ``.txt`` held file byte for byte as split,
  dated by its speech, its creator the president;
* records: the change records of the changelog corpus (``bench/prepare_corpora.py``, 88,553 records from
  40 Debian packages), the record's text as its description (records hold no file);
* images: sidecars whose held file is a symbolic link to one of the photos of ``testdata/photos`` that
  Pillow opens (cycled: 10,000 images from about 90 photos).

Every sidecar is written with the project's own writer (``core.archive.sidecar_text``), the archive is
checked once with ``load_archive`` and marked complete with the parameters that made it, so a second run
with the same parameters reuses it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import mimetypes
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Iterator

BENCH = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("ASHRAF_SHARED", BENCH.parent.parent / "shared")).resolve()
DATED = SHARED / "testdata" / "corpus_dated"
PHOTOS = SHARED / "testdata" / "photos"
_SLUG = re.compile(r"[^a-z0-9]+")
_PARA = re.compile(r"\n\s*\n")


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def passages(limit: int | None = None) -> Iterator[dict]:
    """Passages of two paragraphs of every speech, in file order: id, folder, name, text, title, date, creator
    and source (the corpus folder: presidential-speeches, then sotu-1790-2020)."""
    sotu_presidents: dict[str, str] = {}
    meta = DATED / "sotu-1790-2020_metadata.csv"
    if meta.exists():
        with meta.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                name = row.get("File") or row.get("file") or ""
                if name:
                    sotu_presidents[Path(name).stem] = row.get("president") or row.get("President") or ""
    n = 0
    for sub in ("presidential-speeches", "sotu-1790-2020"):
        for path in sorted((DATED / sub).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            creator = ""
            paras = []
            for para in _PARA.split(text):
                para = para.strip()
                if not para:
                    continue
                if para.startswith("President:") and not paras:
                    creator = para.split(":", 1)[1].strip()
                    continue
                paras.append(para)
            stem = path.stem
            if sub == "presidential-speeches":
                date, name = stem[:10], stem[11:].replace("-", " ")
            else:  # NNN_YEAR_President
                parts = stem.split("_")
                date, name = parts[1], "State of the Union " + parts[1]
                creator = creator or sotu_presidents.get(stem, " ".join(parts[2:]))
            title = name[:1].upper() + name[1:]
            for i in range(0, len(paras), 2):
                if limit is not None and n >= limit:
                    return
                number = i // 2 + 1
                yield {"id": f"p-{_slug(stem)}-{number:03d}", "folder": f"passages/{_slug(stem)}",
                       "name": f"{number:03d}", "text": "\n\n".join(paras[i:i + 2]) + "\n",
                       "title": f"{title} (passage {number})", "date": date, "creator": creator, "source": sub}
                n += 1


def records(docs_jsonl: Path, limit: int) -> Iterator[dict]:
    with docs_jsonl.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= limit:
                return
            yield json.loads(line)


def photos() -> list[tuple[Path, str, str]]:
    """``(path, sha256, media type)`` of each photo Pillow opens (MANIFEST.tsv's ``load_result`` = ok)."""
    out = []
    with (PHOTOS / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("load_result") != "ok":
                continue
            path = PHOTOS / row["path"]
            media = mimetypes.guess_type(path.name)[0] or ""
            if not media.startswith("image/") or not path.is_file():
                continue
            out.append((path, hashlib.sha256(path.read_bytes()).hexdigest(), media))
    return out


def _edtf(raw: str) -> str:
    """The record's ISO timestamp as an EDTF day."""
    return raw[:10] if re.match(r"\d{4}-\d\d-\d\d", raw) else ""


def make_archive(root: Path, *, items: int, images: int, max_passages: int, docs_jsonl: Path) -> dict:
    """Write the archive at ``root`` (replacing what is there); returns its make-up."""
    sys.path.insert(0, str(BENCH.parent))
    from ashraf_desktop.core.archive import sidecar_text
    params = {"items": items, "images": images, "max_passages": max_passages, "format": 2}
    done = root / ".complete"
    if done.exists() and json.loads(done.read_text()).get("params") == params:
        return json.loads(done.read_text())
    if root.exists():
        shutil.rmtree(root)
    (root / "items").mkdir(parents=True)
    (root / "collection.toml").write_text(
        sidecar_text({"format": 1, "id": "bench-scale", "title": f"Benchmark archive of {items:,} items",
                      "description": "Speeches split into passages, change records and linked photos "
                                     "(bench/bench_scale.py).", "language": ["en"]}), encoding="utf-8")
    folders: set[Path] = set()

    def write(folder: str, name: str, data: dict, held: bytes | Path | None = None, suffix: str = "") -> None:
        where = root / "items" / folder
        if where not in folders:
            where.mkdir(parents=True, exist_ok=True)
            folders.add(where)
        if isinstance(held, bytes):
            (where / f"{name}{suffix}").write_bytes(held)
        elif isinstance(held, Path):
            os.symlink(held, where / f"{name}{suffix}")
        if held is not None:
            data["file"] = f"{name}{suffix}"
        (where / f"{name}.toml").write_text(sidecar_text(data), encoding="utf-8")

    n_images = min(images, items)
    n_passages = min(max_passages, (items - n_images) // 3)
    made = {"documents": 0, "images": 0, "records": 0}
    for p in passages(n_passages):
        raw = p["text"].encode("utf-8")
        write(p["folder"], p["name"], {"id": p["id"], "kind": "document", "sha256": hashlib.sha256(raw).hexdigest(),
                                       "title": p["title"], "creator": [p["creator"]] if p["creator"] else [],
                                       "date": p["date"], "language": ["en"], "type": "Text",
                                       "format": "text/plain"}, raw, ".txt")
        made["documents"] += 1
    n_records = items - n_images - made["documents"]
    for r in records(docs_jsonl, n_records):
        source = _slug(r.get("source", "misc")) or "misc"
        rid = f"r-{_slug(r['id'])}"
        write(f"records/{source}/{made['records'] // 1000:03d}", rid, {
            "id": rid, "kind": "record", "title": r["title"][:300] or rid,
            "creator": [r["author"]] if r.get("author") else [],
            "date": _edtf(r.get("date", "")), "description": r["body"], "source": f"{r.get('source', '')} changelog",
            "type": "Text"})
        made["records"] += 1
    pics = photos()
    for i in range(n_images):
        path, sha, media = pics[i % len(pics)]
        write(f"images/{i // 500:03d}", f"img-{i:05d}", {
            "id": f"img-{i:05d}", "kind": "image", "sha256": sha, "title": f"Photo {i + 1} ({path.stem})",
            "format": media, "type": "StillImage", "tags": [path.parent.name]}, path, path.suffix.lower())
        made["images"] += 1
    info = {"params": params, "made": made, "photos": len(pics)}
    done.write_text(json.dumps(info))
    return info
