"""Checking and saving the Dublin Core form: one field as it is typed, and a batch edit of imported items."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from ..archive import Archive, DC_FIELDS, DateError, ReadOnlyItemError, parse_date, rewrite_sidecar
from .guess import normalise_language

__all__ = ["validate_field", "update_metadata", "normalise_value", "EDITABLE_FIELDS", "REPEATABLE_FIELDS",
           "DCMI_TYPES"]

#: What the form may set: the Dublin Core terms (but ``format``, found from the file) and the app's fields.
EDITABLE_FIELDS = tuple(k for k in DC_FIELDS if k != "format") + ("tags", "caption")
REPEATABLE_FIELDS = frozenset({"creator", "publisher", "language", "subject", "identifier", "tags"})
#: The DCMI Type Vocabulary (https://www.dublincore.org/specifications/dublin-core/dcmi-type-vocabulary/).
DCMI_TYPES = ("Collection", "Dataset", "Event", "Image", "InteractiveResource", "MovingImage", "PhysicalObject",
              "Service", "Software", "Sound", "StillImage", "Text")
_FIXED = {"id": "an item's id never changes once it is given (citations and annotations refer to it)",
          "kind": "the kind (document or image) is found from the file",
          "file": "the held file cannot be renamed here",
          "sha256": "the checksum is computed from the file",
          "format": "the format (media type) is found from the file's content"}
_MAX_CHARS = 100_000
_DATE_HINT = "write an EDTF date such as 2013, 2009-07, 2011-09-01, 2003-04~ (about), 1965? (perhaps) or " \
             "2012-02/2012-08 (from … to)"


def _values(value: object) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def validate_field(key: str, value: object) -> str | None:
    """An error message for the form when ``value`` cannot be saved as ``key``, else None.

    An empty value ("" / None / []) means "remove the field" and is valid for every field but the title.
    """
    if key in _FIXED:
        return _FIXED[key]
    if key not in EDITABLE_FIELDS:
        return f"unknown field {key!r} (the form knows {', '.join(EDITABLE_FIELDS)})"
    if value is None or value == "" or value == [] or value == ():
        return "a title is required" if key == "title" else None
    if key in REPEATABLE_FIELDS:
        values = _values(value)
        if values is None:
            return f"{key} must be text or a list of texts"
    else:
        if not isinstance(value, str):
            return f"{key} must be text"
        values = [value]
    for text in values:
        if len(text) > _MAX_CHARS:
            return f"{key} is too long ({len(text):,} characters; at most {_MAX_CHARS:,})"
        if "\x00" in text:
            return f"{key} contains a NUL character"
    values = [v.strip() for v in values if v.strip()]
    if key == "title" and not values:
        return "a title is required"
    if key == "date" and values:
        try:
            parse_date(values[0])
        except DateError as exc:
            message = str(exc)
            return message if "EDTF date such as" in message else f"{message}; {_DATE_HINT}"
    if key == "language":
        for tag in values:
            if normalise_language(tag) is None:
                return f"{tag!r} is not a language tag; use a BCP 47 tag such as en, fa, ar, en-GB or fa-IR"
    if key == "type" and values and values[0] not in DCMI_TYPES:
        return f"type must be one of the DCMI types: {', '.join(DCMI_TYPES)}"
    return None


def normalise_value(key: str, value: object) -> Any:
    """The value as it is written to the sidecar: trimmed, lists for repeatable fields, language tags in
    their usual case; ``None`` for an empty value (which removes the field)."""
    if value is None or value == "" or value == [] or value == ():
        return None
    if key in REPEATABLE_FIELDS:
        values = [v.strip() for v in (_values(value) or []) if v.strip()]
        if key == "language":
            values = [normalise_language(v) or v for v in values]
        values = list(dict.fromkeys(values))
        return values or None
    text = str(value).strip()
    return text or None


def update_metadata(archive: Archive, item_ids: Sequence[str], changes: Mapping[str, object]) -> list[str]:
    """Apply ``changes`` (field -> value; an empty value removes the field) to every item of ``item_ids``,
    in their sidecars in the user's layer. Returns the ids written.

    Everything is checked before anything is written: an invalid value raises ValueError with a message for
    the user (``"date: not a valid EDTF date: 'May 2005'; write …"``); an id that is not in the archive
    raises ValueError; an item of the archive itself (read-only) raises :class:`ReadOnlyItemError` (a
    ValueError too). The ``archive`` object is not updated: load it again to see the changes.
    """
    problems = [f"{key}: {error}" for key, value in changes.items() if (error := validate_field(key, value))]
    if problems:
        raise ValueError("; ".join(problems))
    clean = {key: normalise_value(key, value) for key, value in changes.items()}
    items = []
    for item_id in dict.fromkeys(item_ids):
        item = archive.item(item_id)
        if item is None:
            raise ValueError(f"no item with id {item_id!r} in this archive")
        if archive.layer_of(item) is None:
            raise ReadOnlyItemError(f"“{item.title}” belongs to the archive itself, which is read-only; only "
                                    "imported items can be edited")
        items.append(item)
    written = []
    for item in items:
        rewrite_sidecar(archive, item, clean)
        written.append(item.id)
    return written
