"""The sync's codec carries every field of the annotation model; the three-way merge, field by field."""

from __future__ import annotations

import dataclasses

import pytest

from ashraf_desktop.core.annotations import Annotation, RegionSelector, TextSelector
from ashraf_desktop.core.team import fields as codec
from ashraf_desktop.core.team.merge import DELETED, Alternative, merge, merge_conflicts

ID = "6f1c2a9e-3b7d-4c1e-9a55-0d2f1e8b7c11"


def _sample() -> Annotation:
    return Annotation(id=ID, collection_id="ashraf", item_id="brief-history", kind="highlight",
                      item_sha256="ab" * 32, colour="green", body="note \x00 آشرف", tags=("1986", "camp"),
                      author="A. Archivist", created="2024-05-01T09:30:00.000Z", modified="2024-05-02T09:30:00.000Z",
                      text=TextSelector("the camp", "In 1986 ", " was built", 8, 16, 3), status="orphaned",
                      motivation=("bookmarking", "tagging"), note_language="fa", note_format="text/html",
                      original='{"id": "urn:x", "body": [{"value": "\u0000 kept"}]}')


def test_every_field_of_the_model_round_trips_through_the_codec() -> None:
    a = _sample()
    encoded = codec.encode(a)
    assert set(encoded) == {f.name for f in dataclasses.fields(Annotation)} - {"id"}
    back = codec.decode(ID, codec.loads(codec.dumps(encoded)))
    for f in dataclasses.fields(Annotation):
        assert getattr(back, f.name) == getattr(a, f.name), f.name
        if f.name not in ("id", "region"):  # each field set off its default (region: the region annotation below)
            assert getattr(a, f.name) != f.default, f"give {f.name} a non-default value in _sample()"
    region = dataclasses.replace(a, kind="region", text=None, region=RegionSelector(1.5, 2.0, 30.25, 40.0))
    assert codec.decode(ID, codec.loads(codec.dumps(codec.encode(region)))) == region


def test_a_field_missing_from_the_server_copy_keeps_the_local_value() -> None:
    a = _sample()
    partial = {k: v for k, v in codec.encode(a).items() if k != "colour"}
    assert codec.decode(ID, partial, fallback=a).colour == a.colour


def _fields(**changes):
    base = codec.encode(_sample())
    base.update(changes)
    return base


def _merge(pristine, local, remote, **kw):
    return merge(pristine, False, local, remote, kw.pop("remote_deleted", False), local_conflicts={},
                 pristine_conflicts={}, remote_conflicts={}, me="me", now="2024-06-01T00:00:00.000Z")


def test_different_fields_merge_and_same_field_keeps_both() -> None:
    base = _fields()
    result = _merge(base, _fields(body="mine", colour="blue"), _fields(body="theirs", tags=["1986", "camp", "x"]))
    assert result.fields["body"] == "theirs" and result.fields["colour"] == "blue"
    assert sorted(result.fields["tags"]) == ["1986", "camp", "x"]
    assert [a.value for a in result.conflicts["body"]] == ["mine"] and result.new_conflicts == ["body"]


def test_tags_combine_additions_and_honour_removals() -> None:
    base = _fields(tags=["a", "b"])
    result = _merge(base, _fields(tags=["a", "b", "mine"]), _fields(tags=["b", "theirs"]))
    assert sorted(result.fields["tags"]) == ["b", "mine", "theirs"] and not result.conflicts


def test_deleted_here_but_edited_there_keeps_the_edit_and_the_choice() -> None:
    base = _fields()
    result = merge(base, False, None, _fields(body="edited"), False, local_conflicts={}, pristine_conflicts={},
                   remote_conflicts={}, me="me", now="t")
    assert not result.deleted and result.fields["body"] == "edited" and DELETED in result.conflicts
    untouched = merge(base, False, None, _fields(), False, local_conflicts={}, pristine_conflicts={},
                      remote_conflicts={}, me="me", now="t")
    assert untouched.deleted


def test_alternatives_merge_as_sets_and_a_resolution_on_either_side_wins() -> None:
    x, y = Alternative("x", "a"), Alternative("y", "b")
    assert merge_conflicts({"body": [x]}, {}, {"body": [x, y]}) == {"body": [y]}
    assert merge_conflicts({}, {"body": [x]}, {"body": [y]}) == {"body": [y, x]}


def test_an_unknown_field_type_fails_loudly() -> None:
    with pytest.raises(codec.FieldCodecError):
        codec._encode_value(object())
