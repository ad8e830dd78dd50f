"""Writing a small user file whole or not at all (saved searches, photo turns, OCR layers and their sidecars)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(path: Path, data: bytes, *, prefix: str = ".partial-") -> None:
    """Write ``data`` to ``path`` through a temporary file beside it (named ``prefix``…), fsynced, then renamed
    over ``path``: a crash or a kill leaves the old file or the new one, never half of either. The folder is
    made if missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=prefix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
