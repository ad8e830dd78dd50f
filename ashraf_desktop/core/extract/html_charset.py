"""The charset an HTML page declares about itself (``<meta charset>``, ``http-equiv``, XML declaration).

Only a hint: :mod:`.decode` uses it after the BOM and a UTF-8 check, and only when the bytes decode with it,
because saved pages often declare a charset they are not in.
"""

from __future__ import annotations

import re

__all__ = ["declared_charset"]

_PRESCAN_BYTES = 4096  # browsers look at the first 1024; saved pages sometimes put <meta> after long comments
_META = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+-]+)", re.IGNORECASE)
_XML = re.compile(rb"^\s*<\?xml\b[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_:.+-]+)[\"']", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    head = data[:_PRESCAN_BYTES]
    match = _META.search(head) or _XML.search(head)
    return match.group(1).decode("ascii") if match else None
