"""Items as plain values in the catalogue's rows, built again several times faster than pickle builds them.

Whatever still walks every item of a large archive (the index's content check, the fixity check, an export)
pays for building 100,000 :class:`~.model.Item` objects from their rows. Pickle spends most of that in the
generic machinery of frozen dataclasses (``fields()`` and ``object.__setattr__`` per field, per object) and
in re-parsing two paths per item: 30–40 µs an item. Here an item is a tuple of plain values (marshal,
format 2) and is rebuilt by setting its slots directly, paths from their already normal text: about a
quarter of that.

Anything this layout does not foresee (a field added to the model, a value of an unexpected type) is
pickled instead, row by row, so nothing is ever lost or changed; tests/core/test_catalogue.py checks that
the layout names every field of the model.
"""

from __future__ import annotations

import dataclasses
import marshal
import os
import pickle
import sys
from pathlib import Path, PurePath
from typing import Any, Callable

from .dates import DateSpan, Precision
from .model import Citation, Item, ItemKind, Metadata, TextLayer

__all__ = ["encode_item", "decode_item", "LAYOUT"]

#: the fields of each class, in the order they are written (checked against the model when imported)
LAYOUT: dict[type, tuple[str, ...]] = {
    Item: ("id", "kind", "metadata", "sidecar", "file", "sha256", "date", "caption", "tags", "mentioned_in",
           "text_layer", "part_of"),
    Metadata: ("title", "creator", "publisher", "date", "language", "description", "subject", "source", "rights",
               "type", "format", "identifier"),
    DateSpan: ("edtf", "lower", "upper", "precision", "approximate", "uncertain", "open_start", "open_end",
               "unknown_start", "unknown_end"),
    Citation: ("item", "quote", "note"),
    TextLayer: ("file", "sha256", "engine", "languages", "date", "pages"),
}
_MARSHAL, _PICKLE = b"m", b"p"


def _matches_model() -> bool:
    return all(tuple(f.name for f in dataclasses.fields(cls)) == names for cls, names in LAYOUT.items())


_ENABLED = _matches_model()  # a model this layout does not describe: every item is pickled (slower, same items)


def _builder(cls: type) -> Callable[[Any], Any]:
    """``build(values)``: an instance of the slotted dataclass ``cls`` with ``values`` in its slots, in LAYOUT
    order (written out one statement a slot, as dataclasses writes ``__init__``: a loop costs twice as much)."""
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = ["def build(v):", "    o = new(cls)"]
    for i, name in enumerate(LAYOUT[cls]):
        namespace[f"set{i}"] = getattr(cls, name).__set__  # the slot's member descriptor
        lines.append(f"    set{i}(o, v[{i}])")
    lines.append("    return o")
    exec("\n".join(lines), namespace)  # noqa: S102 - code made from the field names above, nothing else
    return namespace["build"]


def _fast_path_maker() -> Callable[[str], Path]:
    """``Path(text)`` for text that ``str(Path)`` made (already normal): CPython 3.11's pathlib parses it again
    in ~3.5 µs; its own constructor from parts takes under 1 µs. Used only where it gives the very same path
    (checked here on examples), else the public constructor."""
    cls = type(Path())
    make = getattr(cls, "_from_parsed_parts", None)
    if os.name != "posix" or sys.version_info[:2] != (3, 11) or make is None:
        return cls

    def fast(text: str) -> Path:
        if text[:1] == "/" and text[1:2] != "/" and len(text) > 1:
            return make("", "/", ["/", *text[1:].split("/")])
        return cls(text)

    for sample in ("/a/b.toml", "/work/x y/ü/f.jpg", "/a", "rel/a.txt", "//net/x", "/", "a"):
        made = fast(sample)
        real = cls(sample)
        if made != real or str(made) != str(real) or made.parts != real.parts or hash(made) != hash(real) \
                or made.parent != real.parent or made.name != real.name:
            return cls
    return fast


_path = _fast_path_maker()
if _ENABLED:
    _item, _meta, _date, _cite, _layer = (_builder(c) for c in (Item, Metadata, DateSpan, Citation, TextLayer))
_KINDS = {k.value: k for k in ItemKind}
_PRECISIONS = {p.value: p for p in Precision}


def _plain(obj: Any) -> tuple:
    return tuple(getattr(obj, name) for name in LAYOUT[type(obj)])


def encode_item(item: Item) -> bytes:
    """The row's bytes for ``item`` (a tag byte, then marshal or, for what the layout does not foresee, pickle)."""
    if _ENABLED and type(item) is Item:
        try:
            values = list(_plain(item))
            values[1] = item.kind.value
            values[2] = _plain(item.metadata)
            values[3] = str(item.sidecar)
            values[4] = None if item.file is None else str(item.file)
            if item.date is not None:
                date = list(_plain(item.date))
                date[3] = item.date.precision.value
                values[6] = tuple(date)
            values[9] = tuple(_plain(c) for c in item.mentioned_in)
            if item.text_layer is not None:
                layer = list(_plain(item.text_layer))
                layer[0] = str(item.text_layer.file)
                values[10] = tuple(layer)
            data = _MARSHAL + marshal.dumps(tuple(values), 2)
            if decode_item(data) == item:  # exactly the same item back, or pickle
                return data
        except (ValueError, TypeError, AttributeError, KeyError):  # a value marshal cannot write: pickle
            pass
    return _PICKLE + pickle.dumps(item, protocol=5)


def decode_item(data: bytes) -> Item:
    """The :class:`Item` of :func:`encode_item`'s bytes."""
    tag, body = data[:1], data[1:]
    if tag == _PICKLE:
        return pickle.loads(body)
    if tag != _MARSHAL or not _ENABLED:
        raise ValueError("an item row of an unknown layout")
    values = list(marshal.loads(body))
    if len(values) != len(LAYOUT[Item]):
        raise ValueError("an item row of another layout")
    values[1] = _KINDS[values[1]]
    values[2] = _meta(values[2])
    values[3] = _path(values[3])
    if values[4] is not None:
        values[4] = _path(values[4])
    date = values[6]
    if date is not None:
        date = list(date)
        date[3] = _PRECISIONS[date[3]]
        values[6] = _date(date)
    if values[9]:
        values[9] = tuple(_cite(c) for c in values[9])
    layer = values[10]
    if layer is not None:
        layer = list(layer)
        layer[0] = _path(layer[0])
        values[10] = _layer(layer)
    return _item(values)


def path_from_text(text: str) -> PurePath:
    """A path from the text ``str(Path)`` made of it (the fast way where it is safe)."""
    return _path(text)
