"""E-mail: ``.eml`` messages and ``mbox`` mailboxes through the standard library's ``email`` and ``mailbox``.

Qt-free. A message is a document (``message/rfc822``) whose held file is the message's bytes; its text is
its headers and readable body (:func:`message_text`); its attachments become items of their own, linked to
it (``part_of``). Damaged messages are imported with what could be read and a reason per problem.
"""

from .mailbox import is_mbox, mbox_messages
from .message import (MESSAGE_TYPE, Attachment, MailMessage, NotAMessage, looks_like_message, message_text,
                      parse_bytes, read_message)

__all__ = ["MESSAGE_TYPE", "Attachment", "MailMessage", "NotAMessage", "looks_like_message", "message_text",
           "parse_bytes", "read_message", "is_mbox", "mbox_messages"]
