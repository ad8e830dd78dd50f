"""The persistent thumbnail cache: one small file per (content, size, page), written atomically.

Key: the item's SHA-256 from the archive (so a copied or moved archive keeps its thumbnails), or, for a
file without one, a hash of its path + mtime + size. Each entry records the size and mtime of the file it
was made from; when they differ, a SHA-keyed entry is re-checked by hashing the file (a copy with new
mtimes is still a hit; a changed file is a miss). A corrupt entry (bad magic, bad checksum, unreadable
header) is deleted and regenerated. Problems that will not go away by themselves (damaged, truncated, too
large; a HEIC while pillow-heif is missing) are cached too, so a second start decodes nothing again.

Entry layout: ``MAGIC`` + 4-byte big-endian header length + JSON header + payload (JPEG, or PNG when the
thumbnail has transparency); the header holds the payload's length and CRC-32.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import tempfile
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..archive import sha256_of
from ._memory import release_decode_memory
from ._open import AVIF_UNSUPPORTED, ImageInfo, ImageProblem, ProblemKind, avif_available, heif_available
from ._render import make_thumbnail

__all__ = ["ThumbnailCache", "Thumbnailer", "CachedThumbnail", "CACHE_VERSION"]

#: Bump when thumbnails are made differently (resampling, orientation rules): old entries are ignored.
CACHE_VERSION = 2  # 2: JPEG draft at twice the box (THUMBNAIL_DRAFT_GAP)
MAGIC = b"ASHTHUMB\x01\n"
_MAX_HEADER = 64 * 1024
_JPEG_QUALITY = 85


@dataclass(frozen=True)
class CachedThumbnail:
    """A thumbnail (encoded, plus the decoded image when just made) or the problem that prevents one."""

    path: Path
    size: int
    page: int = 0
    data: bytes | None = None  # JPEG or PNG bytes
    width: int = 0  # of the thumbnail
    height: int = 0
    info: ImageInfo | None = None  # of the source file
    problem: ImageProblem | None = None
    image: Image.Image | None = None  # the fresh Pillow image on a cache miss (saves decoding `data`)
    from_cache: bool = False

    @property
    def ok(self) -> bool:
        return self.problem is None and self.data is not None

    def decoded(self) -> Image.Image:
        """The thumbnail as a Pillow image (decoding ``data`` when it came from the cache)."""
        if self.image is not None:
            return self.image
        if self.data is None:
            raise ValueError("no thumbnail: " + (self.problem.message if self.problem else "nothing cached"))
        im = Image.open(io.BytesIO(self.data))
        im.load()
        return im


def _stat_key(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


class ThumbnailCache:
    """Entries under ``folder/v{CACHE_VERSION}/ab/<key>-<size>-p<page>.thumb``. Safe from many threads."""

    def __init__(self, folder: Path | str) -> None:
        self.root = Path(folder) / f"v{CACHE_VERSION}"
        self.corrupt_entries = 0

    @staticmethod
    def source_key(path: Path, sha256: str = "") -> str:
        sha = (sha256 or "").lower()
        if len(sha) == 64 and all(c in "0123456789abcdef" for c in sha):
            return sha
        try:
            mtime, size = _stat_key(path)
        except OSError:
            mtime, size = 0, -1
        return hashlib.sha256(f"{Path(path).resolve()}\0{mtime}\0{size}".encode("utf-8", "surrogateescape")
                              ).hexdigest()

    def entry_path(self, key: str, size: int, page: int = 0) -> Path:
        return self.root / key[:2] / f"{key}-{size}-p{page}.thumb"

    # -- reading ------------------------------------------------------------------------------------------
    def read(self, key: str, size: int, page: int = 0) -> tuple[dict, bytes] | None:
        """The header and payload of an entry, or None (missing, or corrupt - then it is deleted)."""
        entry = self.entry_path(key, size, page)
        try:
            blob = entry.read_bytes()
        except OSError:
            return None
        parsed = self._parse(blob)
        if parsed is None:
            self.corrupt_entries += 1
            try:
                entry.unlink()
            except OSError:
                pass
        return parsed

    @staticmethod
    def _parse(blob: bytes) -> tuple[dict, bytes] | None:
        if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + 4:
            return None
        (length,) = struct.unpack_from(">I", blob, len(MAGIC))
        start = len(MAGIC) + 4
        if length > _MAX_HEADER or start + length > len(blob):
            return None
        try:
            header = json.loads(blob[start:start + length].decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(header, dict):
            return None
        payload = blob[start + length:]
        if len(payload) != header.get("payload_len") or zlib.crc32(payload) != header.get("payload_crc"):
            return None
        return header, payload

    # -- writing ------------------------------------------------------------------------------------------
    def write(self, key: str, size: int, page: int, header: dict, payload: bytes = b"") -> None:
        """Write atomically (temporary file + rename): a reader never sees half an entry."""
        header = dict(header, payload_len=len(payload), payload_crc=zlib.crc32(payload))
        raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
        entry = self.entry_path(key, size, page)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".thumb")
        except OSError:
            return  # a read-only or full cache folder: thumbnails still work, just not remembered
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + struct.pack(">I", len(raw)) + raw + payload)
            os.replace(tmp, entry)
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass

    # -- housekeeping -------------------------------------------------------------------------------------
    def size_on_disk(self) -> int:
        return sum(p.stat().st_size for p in self.root.rglob("*.thumb")) if self.root.is_dir() else 0

    def prune(self, max_bytes: int) -> int:
        """Delete the least recently written entries until the cache holds at most ``max_bytes``."""
        if not self.root.is_dir():
            return 0
        entries = []
        for p in self.root.rglob("*.thumb"):
            try:
                st = p.stat()
            except OSError:
                continue
            entries.append((st.st_mtime, st.st_size, p))
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, p in sorted(entries):
            if total <= max_bytes:
                break
            try:
                p.unlink()
                total -= size
                removed += 1
            except OSError:
                pass
        return removed


class Thumbnailer:
    """Thumbnails through the cache: read when valid, otherwise decode (counted) and remember.

    Thread-safe; meant to be shared by the worker threads of the gallery and by the benchmark.
    ``cache=None`` decodes every time.
    """

    def __init__(self, cache: ThumbnailCache | None) -> None:
        self.cache = cache
        self._lock = threading.Lock()
        self.decodes = 0
        self.hits = 0

    def _count(self, name: str) -> None:
        with self._lock:
            setattr(self, name, getattr(self, name) + 1)

    def get(self, path: Path | str, size: int, *, sha256: str = "", page: int = 0) -> CachedThumbnail:
        path = Path(path)
        try:
            stamp = _stat_key(path)
        except FileNotFoundError:
            return CachedThumbnail(path, size, page, problem=ImageProblem(path, ProblemKind.MISSING,
                                                                          "the file is missing"))
        except OSError as exc:
            return CachedThumbnail(path, size, page, problem=ImageProblem(
                path, ProblemKind.UNREADABLE, f"cannot be read ({exc.strerror or exc})"))
        key = ThumbnailCache.source_key(path, sha256) if self.cache else ""
        if self.cache is not None:
            found = self.cache.read(key, size, page)
            if found is not None:
                header, payload = found
                recorded = tuple(header.get("stamp", ()))
                if recorded != stamp and key == (sha256 or "").lower():
                    try:  # new mtime: the same bytes (a copied archive) or a changed file?
                        actual = sha256_of(path)
                    except OSError:
                        actual = ""
                    if actual == key:
                        self.cache.write(key, size, page, dict(header, stamp=list(stamp)), payload)
                        recorded = stamp
                    else:
                        key = actual or key  # regenerate under the file's real content
                if recorded == stamp:
                    result = self._from_entry(path, size, page, header, payload)
                    if result is not None:
                        self._count("hits")
                        return result
        return self._make(path, size, page, key, stamp)

    @staticmethod
    def _from_entry(path: Path, size: int, page: int, header: dict, payload: bytes) -> CachedThumbnail | None:
        try:
            info = ImageInfo.from_dict(header["info"]) if header.get("info") else None
            problem = header.get("problem")
            if problem:
                if problem["kind"] == ProblemKind.NEEDS_PLUGIN.value and _plugin_there_now(problem["reason"]):
                    return None  # pillow-heif was installed since, or this build decodes AVIF: decode it now
                return CachedThumbnail(path, size, page, info=info, from_cache=True,
                                       problem=ImageProblem(path, ProblemKind(problem["kind"]), problem["reason"]))
            width, height = header["thumb"]
            return CachedThumbnail(path, size, page, data=payload, width=int(width), height=int(height),
                                   info=info, from_cache=True)
        except (KeyError, ValueError, TypeError):
            return None

    def _make(self, path: Path, size: int, page: int, key: str, stamp: tuple[int, int]) -> CachedThumbnail:
        self._count("decodes")
        try:
            image, info = make_thumbnail(path, size, page=page)
        except ImageProblem as problem:
            # A HEIC without pillow-heif is remembered too; the entry stops counting once the plug-in is there.
            if self.cache is not None and (problem.kind.lasting or problem.kind is ProblemKind.NEEDS_PLUGIN):
                self.cache.write(key, size, page, {"stamp": list(stamp), "problem": {
                    "kind": problem.kind.value, "reason": problem.reason}})
            return CachedThumbnail(path, size, page, problem=problem)
        data = encode_thumbnail(image)
        # the decode's buffers (45 MB for a 15 MP progressive JPEG) are free now: give them back to the system
        release_decode_memory(info.width * info.height)
        if self.cache is not None:
            self.cache.write(key, size, page, {"stamp": list(stamp), "thumb": [image.width, image.height],
                                               "info": info.as_dict()}, data)
        return CachedThumbnail(path, size, page, data=data, width=image.width, height=image.height, info=info,
                               image=image)


def _plugin_there_now(reason: str) -> bool:
    """Whether the decoder a remembered NEEDS_PLUGIN problem lacked is there now (the same cache folder can
    serve the packaged app, which has no AVIF codec, and a source install, which may have one)."""
    return avif_available() if reason == AVIF_UNSUPPORTED else heif_available()


def encode_thumbnail(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    if image.mode == "RGBA" and image.getextrema()[3][0] < 255:
        image.save(buffer, "PNG", compress_level=1)
    else:
        (image.convert("RGB") if image.mode != "RGB" else image).save(buffer, "JPEG", quality=_JPEG_QUALITY)
    return buffer.getvalue()
