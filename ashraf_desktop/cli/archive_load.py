"""How a command loads the archive: with the user's layer, through the catalogue, saying what it does.

A command that finds no catalogue (a first run, or it was deleted or damaged) reads every sidecar once,
which takes a while at 100,000 items: on a terminal it shows how far it got, and it says once, in words,
when the catalogue had to be built again because it was damaged (docs/archive-format.md, "The catalogue").
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Callable, TextIO

__all__ = ["load_for_command"]


def _progress(stream: TextIO) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """A one-line counter on a terminal (silent otherwise), and what ends it."""
    state = {"last": 0.0, "shown": False}
    enabled = stream.isatty()

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if not enabled or total < 500 or (done < total and now - state["last"] < 0.2):
            return
        state["last"], state["shown"] = now, True
        stream.write(f"\rReading the archive's descriptions once: {done:,} of {total:,}…")
        stream.flush()

    def end() -> None:
        if state["shown"]:
            stream.write("\n")
            stream.flush()
    return show, end


def load_for_command(archive: Path, data_dir: Path | str | None, *, check_files: bool = False,
                     catalogue: bool = True, err: TextIO | None = None):
    """``load_layered`` of ``archive`` with the user's layer (``data_dir`` as ``--data-dir``), through the
    catalogue in the user cache unless ``catalogue`` is false (``validate`` reads every file)."""
    from ..core.archive import load_layered
    from ..paths import user_dirs
    err = err or sys.stderr
    dirs = user_dirs(data_dir)
    show, end = _progress(err)
    try:
        result = load_layered(archive, dirs.data, check_files=check_files, progress=show if catalogue else None,
                              cache_dir=dirs.cache if catalogue else None)
    finally:
        end()
    for notice in result.notices:
        if "damaged" in notice:  # a first build is no news on the command line
            print(f"note: {notice}", file=err)
    return result
