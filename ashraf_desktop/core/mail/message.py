"""One e-mail message (RFC 5322 / MIME) read with the standard library: headers, readable text, attachments,
and what is wrong with it in words.

Python's ``email`` parser never gives up on a damaged message: it records *defects* and keeps what it can.
Those defects become one sentence each (a multipart without its closing boundary, headers that are not
headers …), said in the import report beside the message, which is still imported: what could be read is
searchable, and the held file keeps every byte. A message with no headers at all is not a message.
"""

from __future__ import annotations

import datetime as _dt
import email
import email.policy
import email.utils
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

__all__ = ["Attachment", "MailMessage", "read_message", "parse_bytes", "message_text", "NotAMessage",
           "looks_like_message", "MESSAGE_TYPE"]

MESSAGE_TYPE = "message/rfc822"
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")  # "Name:value" with a printable name, no space before ':'
_KNOWN = (b"from:", b"to:", b"subject:", b"date:", b"received:", b"return-path:", b"message-id:",
          b"mime-version:", b"delivered-to:", b"content-type:", b"reply-to:", b"x-")
_SHOWN = ("From", "To", "Cc", "Date", "Subject")
_MAX_ATTACHMENTS = 200


class NotAMessage(ValueError):
    """The bytes are not an e-mail message (no headers); ``reason`` in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Attachment:
    name: str  # the file name it was sent under ("" when none was given)
    media_type: str
    data: bytes


@dataclass
class MailMessage:
    subject: str = ""
    sender: str = ""  # "Name <address>" as sent, decoded
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    date: _dt.datetime | None = None
    message_id: str = ""
    body: str = ""  # the readable text (plain text preferred, else the HTML's visible text)
    attachments: list[Attachment] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what is damaged, in words

    def header_lines(self) -> list[str]:
        values = {"From": self.sender, "To": ", ".join(self.to), "Cc": ", ".join(self.cc),
                  "Date": self.date.strftime("%Y-%m-%d %H:%M %z").strip() if self.date else "",
                  "Subject": self.subject}
        return [f"{name}: {values[name]}" for name in _SHOWN if values[name]]

    def text(self) -> str:
        """What is indexed and shown: the headers, a blank line, the body, then the attachments' names."""
        parts = ["\n".join(self.header_lines()), self.body.strip()]
        if self.attachments:
            parts.append("Attachments: " + ", ".join(a.name or f"({a.media_type})" for a in self.attachments))
        return "\n\n".join(p for p in parts if p) + "\n"


def looks_like_message(head: bytes, *, named_eml: bool = False) -> bool:
    """The first bytes of an RFC 5322 message: header lines, among them at least two that mail has (one, for
    a file named .eml: a minimal forwarded message may have only a Subject)."""
    lines = head.lstrip().replace(b"\r\n", b"\n").split(b"\n")[:40]
    if not lines or not _HEADER_LINE.match(lines[0]) and not lines[0].startswith(b"From "):
        return False
    known = 0
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue
        if not _HEADER_LINE.match(line) and not line.startswith(b"From "):
            return False
        known += line.lower().startswith(_KNOWN)
    return known >= (1 if named_eml else 2)


def _decoded(value: object) -> str:
    text = str(value or "")
    return re.sub(r"\s+", " ", text).strip()


def _addresses(msg: EmailMessage, name: str, problems: list[str]) -> list[str]:
    values = msg.get_all(name) or []
    out: list[str] = []
    for value in values:
        try:
            text = _decoded(value)
        except Exception:  # noqa: BLE001 - a header the policy could not parse
            problems.append(f"its {name} header could not be read")
            continue
        out += [a.strip() for a in text.split(",") if a.strip()] if name != "From" else [text]
    return out


def _date(msg: EmailMessage, problems: list[str]) -> _dt.datetime | None:
    raw = msg.get("Date")
    if raw is None:
        return None
    try:
        value = email.utils.parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError):
        problems.append(f"its date {str(raw)[:40]!r} is not a date")
        return None
    return value


def _text_of(part: EmailMessage, problems: list[str]) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):  # an unknown or lying charset: decode what can be decoded
        payload = part.get_payload(decode=True) or b""
        problems.append(f"its text declares the character set {part.get_content_charset()!r}, which is unknown "
                        "or wrong; it was read as UTF-8 with the unreadable bytes marked")
        content = payload.decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - damaged transfer encoding
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", "replace")
        problems.append("part of its text is damaged (transfer encoding)")
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    if part.get_content_subtype() == "html":
        from ..extract.html_text import html_visible_text
        content = html_visible_text(str(content))
    return str(content).replace("\r\n", "\n")


_DEFECTS = {
    "StartBoundaryNotFoundDefect": "its MIME boundary is never found, so its parts could not be separated",
    "CloseBoundaryNotFoundDefect": "its last MIME part has no closing boundary (the message may be cut short)",
    "MultipartInvariantViolationDefect": "it says it has several parts but has none",
    "NoBoundaryInMultipartDefect": "it says it has several parts but gives no boundary between them",
    "MissingHeaderBodySeparatorDefect": "a line in its headers is not a header",
    "MalformedHeaderDefect": "one of its headers is malformed",
    "InvalidHeaderDefect": "one of its headers is malformed",
    "FirstHeaderLineIsContinuationDefect": "its first header line is a continuation of nothing",
    "MisplacedEnvelopeHeaderDefect": "a 'From ' envelope line stands in the middle of its headers",
    "InvalidBase64PaddingDefect": "an attachment's base64 data is damaged (padding)",
    "InvalidBase64CharactersDefect": "an attachment's base64 data holds characters that are not base64",
    "InvalidBase64LengthDefect": "an attachment's base64 data is cut short",
    "UndecodableBytesDefect": "its headers hold bytes in no declared character set",
    "InvalidMultipartContentTransferEncodingDefect": "a multipart declares a transfer encoding it may not have",
    "NonASCIIHeaderDefect": "its headers hold characters that are not ASCII, undeclared",
}


def _defects(msg: EmailMessage) -> list[str]:
    found: list[str] = []
    for part in msg.walk():
        for defect in getattr(part, "defects", ()):
            words = _DEFECTS.get(type(defect).__name__, f"it is malformed ({type(defect).__name__})")
            if words not in found:
                found.append(words)
    return found


def parse_bytes(data: bytes) -> MailMessage:
    """Read one message; raises NotAMessage when the bytes are not one."""
    if not data.strip():
        raise NotAMessage("the message is empty")
    data = data.lstrip()  # some programs save messages after a line of spaces
    if data.startswith(b"From ") and b"\n" in data:
        data = data.split(b"\n", 1)[1]  # an mbox envelope line
    if not looks_like_message(data[:8192], named_eml=True):
        raise NotAMessage("it does not start with e-mail headers (From:, To:, Subject:, Date: …)")
    msg = email.message_from_bytes(data, policy=email.policy.default)
    problems: list[str] = []
    out = MailMessage()
    try:
        out.subject = _decoded(msg.get("Subject", ""))
    except Exception:  # noqa: BLE001
        problems.append("its Subject header could not be read")
    senders = _addresses(msg, "From", problems)
    out.sender = senders[0] if senders else ""
    out.to = _addresses(msg, "To", problems)
    out.cc = _addresses(msg, "Cc", problems)
    out.date = _date(msg, problems)
    out.message_id = _decoded(msg.get("Message-ID", "")).strip("<>")
    try:
        body = msg.get_body(preferencelist=("plain", "html"))
    except Exception:  # noqa: BLE001 - a structure get_body cannot walk
        body = None
    if body is not None:
        out.body = _text_of(body, problems)
    elif not msg.is_multipart():
        if msg.get_content_maintype() == "text":
            out.body = _text_of(msg, problems)
    for part in msg.iter_attachments() if msg.is_multipart() else ():
        if len(out.attachments) >= _MAX_ATTACHMENTS:
            problems.append(f"it has more than {_MAX_ATTACHMENTS} attachments; the rest were left in the message")
            break
        try:
            if part.get_content_type() == "message/rfc822":
                inner = part.get_payload()
                payload = (inner[0] if isinstance(inner, list) and inner else inner)
                data_bytes = payload.as_bytes() if hasattr(payload, "as_bytes") else b""
                name = part.get_filename() or f"{_decoded(payload.get('Subject', 'message'))[:60]}.eml"
            else:
                data_bytes = part.get_payload(decode=True) or b""
                name = part.get_filename() or ""
        except Exception:  # noqa: BLE001 - one damaged attachment must not lose the message
            problems.append(f"an attachment ({part.get_content_type()}) is damaged and could not be taken out")
            continue
        if data_bytes:
            out.attachments.append(Attachment(_decoded(name), part.get_content_type(), data_bytes))
    out.problems = problems + [d for d in _defects(msg) if d not in problems]
    return out


def read_message(path: Path) -> MailMessage:
    return parse_bytes(Path(path).read_bytes())


def message_text(path: Path) -> str:
    """The text the archive shows and indexes for a held message (headers, body, attachment names)."""
    return read_message(path).text()
