"""``ashraf-desktop import PATH…``: add files, folders or a BagIt bag to the user's archive layer
(docs/cli.md). Registered by ``cli.build_parser``; a command's ``run(args) -> int`` is its ``run`` default."""

from __future__ import annotations

import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to the parser (filled in by the import work, issue 9)."""
