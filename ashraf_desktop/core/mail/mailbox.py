"""An ``mbox`` mailbox: the messages one after the other, each after a ``From `` envelope line."""

from __future__ import annotations

import mailbox
import re
from pathlib import Path
from typing import Iterator

__all__ = ["is_mbox", "mbox_messages"]

_ENVELOPE = re.compile(rb"^From \S+ +\S")


def is_mbox(head: bytes) -> bool:
    """An mbox starts with an envelope line (``From sender date``) followed by a header line."""
    if not _ENVELOPE.match(head):
        return False
    from .message import looks_like_message
    second = head.split(b"\n", 1)[1] if b"\n" in head else b""
    return looks_like_message(second)


def mbox_messages(path: Path) -> Iterator[tuple[int, bytes]]:
    """(1-based number, the message's bytes) of each message, in order (the envelope line left out)."""
    box = mailbox.mbox(str(path), create=False)
    try:
        for number, key in enumerate(box.iterkeys(), start=1):
            yield number, box.get_bytes(key)
    finally:
        box.close()
