"""E-mail in an import: each message of an mbox as an item, each attachment as an item linked to its message.

A message (``.eml``, or one taken out of an mbox) is held as its own bytes (``message/rfc822``); what is
wrong with it (a missing boundary, an unknown character set …) is said in its line of the report and
what could be read is kept. Its attachments are imported like chosen files — refused with the reason when
the archive does not hold their kind — with ``part_of`` naming the message, so the viewer can link both
ways. The outcomes of a mailbox's messages and of attachments are reported against the file the user
chose (the mbox, the message), with "message 3 ('Subject')" or "its attachment 'x.pdf'" in front.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Callable

from .report import CancelFn, Outcome

__all__ = ["import_mailbox", "import_attachments", "message_notes"]

#: import one file with (source text, part_of): the importer's own per-file step
ImportOne = Callable[[Path, str, str], Outcome]


def message_notes(path: Path) -> list[str]:
    """What is damaged in a message, for its report line."""
    from ..mail import NotAMessage, read_message
    try:
        message = read_message(path)
    except (NotAMessage, OSError):
        return []
    if not message.problems:
        return []
    return ["; ".join(message.problems) + "; what could be read was kept"]


def _temp_name(name: str, fallback: str) -> str:
    from .importer import safe_file_name
    return safe_file_name(name or fallback) or fallback


def import_attachments(message: Path, item_id: str, title: str, one: ImportOne,
                       cancelled: CancelFn | None = None) -> list[Outcome]:
    """Import the attachments of the message just added as ``item_id``; their outcomes, against ``message``."""
    from ..mail import NotAMessage, read_message
    try:
        attachments = read_message(message).attachments
    except (NotAMessage, OSError):
        return []
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="ashraf-mail-") as folder:
        for number, attachment in enumerate(attachments, start=1):
            if cancelled is not None and cancelled():
                break
            import mimetypes
            fallback = f"attachment-{number}{mimetypes.guess_extension(attachment.media_type) or ''}"
            name = _temp_name(attachment.name, fallback)
            temp = Path(folder) / f"{number:03d}" / name
            temp.parent.mkdir()
            temp.write_bytes(attachment.data)
            result = one(temp, f"Attachment of the e-mail {title!r} ({item_id})", item_id)
            shown = attachment.name or f"attachment {number} ({attachment.media_type})"
            outcomes.append(Outcome(message, result.status, f"its attachment {shown!r}: {result.message}",
                                    result.item_id))
    return outcomes


def import_mailbox(mbox: Path, one: ImportOne, cancelled: CancelFn | None = None,
                   attachments: Callable[[Path, Outcome], list[Outcome]] | None = None) -> list[Outcome]:
    """Import every message of ``mbox`` (each held as ``<mbox>-<n>.eml``), then each one's attachments."""
    from ..mail import mbox_messages
    outcomes: list[Outcome] = []
    try:
        with tempfile.TemporaryDirectory(prefix="ashraf-mbox-") as folder:
            for number, data in mbox_messages(mbox):
                if cancelled is not None and cancelled():
                    break
                temp = Path(folder) / _temp_name(f"{mbox.stem}-{number}.eml", f"message-{number}.eml")
                temp.write_bytes(data)
                result = one(temp, f"Message {number} of the mailbox {mbox.name!r}", "")
                label = _subject(temp) or "no subject"
                outcomes.append(Outcome(mbox, result.status, f"message {number} ({label!r}): {result.message}",
                                        result.item_id))
                if result.status == "added" and attachments is not None:
                    outcomes += [Outcome(mbox, o.status, f"message {number}: {o.message}", o.item_id)
                                 for o in attachments(temp, result)]
    except OSError as exc:
        outcomes.append(Outcome(mbox, "failed", f"the mailbox cannot be read ({exc.strerror or exc}); copy it "
                                                "again and import the copy"))
    if not outcomes:
        outcomes.append(Outcome(mbox, "failed", "the mailbox holds no message"))
    return outcomes


def _subject(path: Path) -> str:
    from ..mail import NotAMessage, read_message
    try:
        return read_message(path).subject[:60]
    except (NotAMessage, OSError):
        return ""
