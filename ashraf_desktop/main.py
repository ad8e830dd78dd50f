"""The entry point of ``ashraf-desktop`` and ``python -m ashraf_desktop``: the composition root.

It is the one module that knows both halves of the app: it runs the command line (:mod:`.cli`), and hands
it the way to open the window (:mod:`.ui`) for when no command is given - after explaining clearly why the
window cannot start here, if it cannot (no display, missing Qt libraries). ``cli/`` never imports ``ui/``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Sequence

__all__ = ["main", "launch", "display_problem"]

NO_DISPLAY = """\
Ashraf Archive needs a screen to open its window, and none was found (DISPLAY and WAYLAND_DISPLAY are unset).
  - On a desktop, start it from the desktop session.
  - On a server, either run it on a virtual screen:   xvfb-run -a ashraf-desktop
    or without any screen (for tests and --smoke):    QT_QPA_PLATFORM=offscreen ashraf-desktop --smoke
  - The command line works without a screen:          ashraf-desktop --help
"""

MISSING_XCB = """\
Qt's X11 platform plugin needs system libraries that are missing: {libs}.
On Debian/Ubuntu install them with:
  sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \\
    libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
or run without a screen: QT_QPA_PLATFORM=offscreen ashraf-desktop --smoke
"""


def display_problem(environ: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """A message when Qt would abort for lack of a display or of X11 libraries, else None."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith("xcb"):
        return None  # offscreen, wayland, minimal, vnc...: Qt needs no X libraries
    if not env.get("DISPLAY") and not (env.get("WAYLAND_DISPLAY") and not qpa):
        return NO_DISPLAY
    if env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        import ctypes.util  # here, not with the module: every command imports this one (~15 ms)
        missing = [lib for lib in ("xcb-cursor", "xkbcommon-x11") if ctypes.util.find_library(lib) is None]
        if missing and not getattr(sys, "frozen", False):
            return MISSING_XCB.format(libs=", ".join(f"lib{m}" for m in missing))
    return None


def launch(archive: Path, data_dir: Path | None, smoke: bool = False) -> int:
    """Open the window on ``archive`` (exit status 2 with the reason when there is no screen for it)."""
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr, end="")
        return 2
    from .ui.app import run
    return run(archive=archive, data_dir=data_dir, smoke=smoke)


def open_window(args: argparse.Namespace) -> int:
    from .paths import bundled_archive
    return launch(archive=args.archive or bundled_archive(), data_dir=args.data_dir, smoke=args.smoke)


class _MessageOnly(logging.Formatter):
    """A logged warning as its one line of words: what went wrong is also told in plain words where the user
    looks (a note, the status bar), and a traceback on the terminal reads as a crash when nothing crashed."""

    def format(self, record: logging.LogRecord) -> str:
        return record.getMessage()


def log_to_terminal(environ: dict[str, str] | None = None) -> None:
    """Warnings and errors to stderr, one line each (tracebacks too with ``ASHRAF_DEBUG=1``). Without this,
    Python's last-resort handler printed a repaired index's whole traceback under every command."""
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    debug = (os.environ if environ is None else environ).get("ASHRAF_DEBUG")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s") if debug else _MessageOnly())
    root.addHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    from .cli import main as cli_main
    log_to_terminal()
    return cli_main(argv, open_window=open_window)
