#!/usr/bin/env python3
"""Turn a folder of images into an archive folder (docs/archive-format.md) for trying the gallery.

    .venv/bin/python scripts/make_image_archive.py ../shared/testdata/photos /tmp/photo-archive
    .venv/bin/python -m ashraf_desktop --archive /tmp/photo-archive

Every file with an image suffix (and any file named in --include-all mode) is copied under ``items/`` with
a sidecar ``.toml``: id from its path, title from its file name, sha256, media type, the EXIF date taken
(when the camera recorded one) as the item date, and the first folder as a tag. Files that are not valid
images are kept too: the gallery must show them with their problem. The collection says plainly that these
are test images, not photographs of Camp Ashraf.
"""

from __future__ import annotations

import argparse
import hashlib
import mimetypes
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ashraf_desktop.core.images import IMAGE_SUFFIXES, ImageProblem, exif_summary  # noqa: E402

_MEDIA_TYPES = {".heic": "image/heic", ".heif": "image/heif", ".hif": "image/heif", ".avif": "image/avif",
                ".webp": "image/webp", ".jfif": "image/jpeg", ".jpe": "image/jpeg", ".dib": "image/bmp"}


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "image"


def _media_type(path: Path) -> str:
    suffix = path.suffix.lower()
    return _MEDIA_TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "image/octet-stream"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def make_archive(source: Path, out: Path, *, title: str | None = None, all_files: bool = False) -> int:
    """Write the archive; return the number of image items."""
    source, out = source.resolve(), out.resolve()
    if out.exists():
        if not (out / "collection.toml").is_file():
            raise SystemExit(f"{out} exists and is not an archive made by this script; choose another folder")
        shutil.rmtree(out)
    (out / "items").mkdir(parents=True)
    provenance = source / "PROVENANCE.txt"
    rights = ("See PROVENANCE.txt in the source folder for each file's origin and licence"
              if provenance.is_file() else "Unknown")
    (out / "collection.toml").write_text(
        "format = 1\n"
        f"id = {_toml_string(_slug(source.name) + '-test-photos')}\n"
        f"title = {_toml_string(title or f'Test photos from {source.name} (not of Camp Ashraf)')}\n"
        "description = \"Image files collected for testing the gallery. They do not show Camp Ashraf and are not "
        "part of the Ashraf Archive.\"\n"
        f"rights = {_toml_string(rights)}\n", encoding="utf-8")
    if provenance.is_file():
        shutil.copy2(provenance, out / "PROVENANCE.txt")
    files = sorted(p for p in source.rglob("*") if p.is_file() and (all_files or p.suffix.lower() in IMAGE_SUFFIXES))
    used_ids: set[str] = set()
    for path in files:
        rel = path.relative_to(source)
        target = out / "items" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        item_id = _slug(str(rel.with_suffix("")) + "-" + rel.suffix.lstrip("."))
        while item_id in used_ids:
            item_id += "-x"
        used_ids.add(item_id)
        sidecar = target.with_suffix(".toml")
        if sidecar.exists() or any(p != target and p.stem == target.stem and p.suffix.lower() in IMAGE_SUFFIXES
                                   for p in target.parent.iterdir()):
            sidecar = target.with_name(f"{target.stem}-{target.suffix.lstrip('.').lower()}.toml")
        lines = [f"id = {_toml_string(item_id)}", 'kind = "image"', f"file = {_toml_string(target.name)}",
                 f"sha256 = {_toml_string(_sha256(target))}", f"title = {_toml_string(rel.name)}",
                 f"format = {_toml_string(_media_type(path))}", 'type = "StillImage"',
                 f"source = {_toml_string(f'{source.name}/{rel.as_posix()}')}", f"rights = {_toml_string(rights)}"]
        try:
            taken = exif_summary(path).date_taken
        except ImageProblem:
            taken = ""
        if taken:
            lines.append(f"date = {_toml_string(taken[:10])}")
            lines.append(f"description = {_toml_string('Date from the camera clock (EXIF), not verified.')}")
        if len(rel.parts) > 1:
            lines.append(f"tags = [{_toml_string(rel.parts[0])}]")
        sidecar.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="folder of images (searched recursively)")
    parser.add_argument("out", type=Path, help="archive folder to write (replaced if made by this script)")
    parser.add_argument("--title", help="collection title")
    parser.add_argument("--all-files", action="store_true", help="include files of any name, not only images")
    args = parser.parse_args(argv)
    if not args.source.is_dir():
        parser.error(f"{args.source} is not a folder")
    count = make_archive(args.source, args.out, title=args.title, all_files=args.all_files)
    print(f"{count} image items written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
