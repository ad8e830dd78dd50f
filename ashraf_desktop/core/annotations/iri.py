"""Stable names for items and annotations in exported files (docs/annotations.md, "Identifiers").

An item is ``urn:ashraf-archive:<collection-id>:item:<item-id>``: both ids are fixed once published and use
only ``[a-z0-9-]``, so the IRI never needs escaping and parses unambiguously. A held file may also be named
by content, ``urn:sha256:<hex>``, so annotations made on the same file in another archive find it.
"""

from __future__ import annotations

import re
import uuid

__all__ = ["item_iri", "parse_item_iri", "sha256_urn", "parse_sha256_urn", "annotation_iri",
           "parse_annotation_iri", "collection_iri", "item_link_ids"]

_ITEM = re.compile(r"^urn:ashraf-archive:([a-z0-9][a-z0-9-]*):item:([a-z0-9][a-z0-9-]*)$")
_SHA = re.compile(r"^urn:sha256:([0-9a-fA-F]{64})$")


def item_iri(collection_id: str, item_id: str) -> str:
    return f"urn:ashraf-archive:{collection_id}:item:{item_id}"


def collection_iri(collection_id: str) -> str:
    return f"urn:ashraf-archive:{collection_id}:annotations"


def parse_item_iri(iri: str) -> tuple[str, str] | None:
    """(collection id, item id), or None when ``iri`` is not an item IRI."""
    m = _ITEM.match(iri.strip())
    return (m.group(1), m.group(2)) if m else None


def sha256_urn(hex_digest: str) -> str:
    return f"urn:sha256:{hex_digest.lower()}"


def parse_sha256_urn(iri: str) -> str | None:
    """The lower-case hex digest, or None."""
    m = _SHA.match(iri.strip())
    return m.group(1).lower() if m else None


def annotation_iri(annotation_id: str) -> str:
    return f"urn:uuid:{annotation_id}"


def parse_annotation_iri(iri: str) -> str:
    """The UUID of an annotation IRI. ``urn:uuid:`` keeps its UUID; any other IRI (another tool's http id)
    maps to a UUIDv5 of it, so importing the same foreign file twice still merges by id."""
    text = iri.strip()
    if text.lower().startswith("urn:uuid:"):
        try:
            return str(uuid.UUID(text[9:]))
        except ValueError:
            pass
    return str(uuid.uuid5(uuid.NAMESPACE_URL, text))


_LINK = re.compile(r"\]\(\s*<?(item:[a-z0-9][a-z0-9-]*|urn:ashraf-archive:[a-z0-9-]+:item:[a-z0-9][a-z0-9-]*)>?")


def item_link_ids(body: str, collection_id: str) -> tuple[str, ...]:
    """Item ids a Markdown note links to, in order, without repeats: ``[x](item:<id>)`` (this collection) and
    ``[x](urn:ashraf-archive:<collection>:item:<id>)`` when the collection is ``collection_id``."""
    found: dict[str, None] = {}
    for m in _LINK.finditer(body):
        target = m.group(1)
        if target.startswith("item:"):
            found.setdefault(target[5:], None)
        else:
            parsed = parse_item_iri(target)
            if parsed and parsed[0] == collection_id:
                found.setdefault(parsed[1], None)
    return tuple(found)
