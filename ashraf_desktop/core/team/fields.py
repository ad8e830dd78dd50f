"""An annotation as a dictionary of JSON values, one entry per field of the model, and back.

The sync compares and merges annotations field by field, and the server stores each annotation as one
JSON object. Encoding is derived from the :class:`~ashraf_desktop.core.annotations.Annotation` dataclass
itself (its fields and their type hints), so a field added to the model travels without a change here -
as long as its type is one this codec knows (str, int, float, bool, None, enums, dataclasses, tuples,
lists, dicts of those). A type it does not know raises :class:`FieldCodecError` at encoding time, and
tests/core/test_team_fields.py round-trips every field, so such a change fails a test, not a sync.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import types
import typing
from typing import Mapping

from ..annotations import Annotation

__all__ = ["FieldCodecError", "JSON", "KEY_FIELD", "encode", "decode", "field_names", "canonical",
           "dumps", "loads"]

JSON = typing.Union[None, bool, int, float, str, list, dict]
KEY_FIELD = "id"  # the annotation id is the row's key on both sides, never a merged field


class FieldCodecError(TypeError):
    """A model field has a type the sync cannot carry (a bug to fix here, never a user's problem)."""


@functools.cache
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


def field_names() -> tuple[str, ...]:
    """Every field of the model except the id, in declaration order."""
    return tuple(f.name for f in dataclasses.fields(Annotation) if f.name != KEY_FIELD)


def _encode_value(value: object) -> JSON:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, enum.Enum):
        return _encode_value(value.value)
    if isinstance(value, (int, float)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode_value(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_encode_value(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _encode_value(v) for k, v in value.items()}
    raise FieldCodecError(f"the sync cannot carry a value of type {type(value).__name__}")


def encode(annotation: Annotation) -> dict[str, JSON]:
    """``{field: JSON value}`` for every field but the id."""
    return {name: _encode_value(getattr(annotation, name)) for name in field_names()}


def _decode_value(value: JSON, hint: object) -> object:
    origin = typing.get_origin(hint)
    if hint is typing.Any or hint is object:
        return value
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None
        last: Exception | None = None
        for option in options:
            if option is type(None):
                continue
            try:
                return _decode_value(value, option)
            except (FieldCodecError, TypeError, ValueError, KeyError) as error:
                last = error
        raise FieldCodecError(f"{value!r} fits none of {hint}") from last
    if origin is typing.Literal:
        if value not in typing.get_args(hint):
            raise FieldCodecError(f"{value!r} is not one of {typing.get_args(hint)}")
        return value
    if origin in (tuple, list):
        args = typing.get_args(hint)
        if not isinstance(value, list):
            raise FieldCodecError(f"expected a list for {hint}, got {value!r}")
        if origin is tuple and args and args[-1] is not Ellipsis:
            return tuple(_decode_value(v, a) for v, a in zip(value, args, strict=True))
        inner = args[0] if args else typing.Any
        items = [_decode_value(v, inner) for v in value]
        return tuple(items) if origin is tuple else items
    if origin in (dict, Mapping, typing.Mapping) or hint is dict:
        if not isinstance(value, dict):
            raise FieldCodecError(f"expected an object for {hint}, got {value!r}")
        args = typing.get_args(hint)
        inner = args[1] if len(args) == 2 else typing.Any
        return {k: _decode_value(v, inner) for k, v in value.items()}
    if isinstance(hint, type):
        if issubclass(hint, enum.Enum):
            return hint(value)
        if dataclasses.is_dataclass(hint):
            if not isinstance(value, dict):
                raise FieldCodecError(f"expected an object for {hint.__name__}, got {value!r}")
            hints = _hints(hint)
            return hint(**{f.name: _decode_value(value[f.name], hints[f.name])
                           for f in dataclasses.fields(hint) if f.name in value})
        if hint is float and isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if hint in (str, int, bool) and type(value) is hint:
            return value
        if hint is type(None) and value is None:
            return None
    raise FieldCodecError(f"the sync cannot read {value!r} as {hint}")


def decode(annotation_id: str, fields: Mapping[str, JSON], *, fallback: Annotation | None = None) -> Annotation:
    """The annotation ``fields`` describe. A field missing from ``fields`` (written by an older app) keeps
    the ``fallback``'s value, or the model's default; a field the model no longer has is ignored."""
    hints = _hints(Annotation)
    values: dict[str, object] = {KEY_FIELD: annotation_id}
    for f in dataclasses.fields(Annotation):
        if f.name == KEY_FIELD:
            continue
        if f.name in fields:
            values[f.name] = _decode_value(fields[f.name], hints[f.name])
        elif fallback is not None:
            values[f.name] = getattr(fallback, f.name)
    return Annotation(**values)  # type: ignore[arg-type]


def dumps(value: JSON) -> str:
    """Canonical JSON text: equal values give equal text (sorted keys, no spaces, Unicode kept)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def loads(text: str | None) -> JSON:
    return None if text is None else json.loads(text)


def canonical(value: JSON) -> str:
    """A comparison key for field values (1 and 1.0 differ in JSON text; compare what they mean)."""
    return dumps(value)
