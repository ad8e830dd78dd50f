"""Each kind of broken archive gives its own clear message; good items survive bad neighbours."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.core.archive import ItemKind
from archive_builder import TEXT, write_archive


def messages(result) -> list[str]:
    return [str(p) for p in result.problems]


def test_a_valid_archive_loads_without_problems(tmp_path):
    result = load_archive(write_archive(tmp_path / "a"))
    assert result.ok, messages(result)
    assert result.problems == ()
    archive = result.archive
    assert archive.counts() == {"documents": 1, "images": 0, "records": 1, "events": 1, "facts": 0}
    assert archive.item("doc").kind is ItemKind.DOCUMENT
    assert archive.item("report").date.edtf == "2005-05-18"
    assert [e.id for e in archive.events_citing("doc")] == ["built"]


def test_toml_syntax_error_names_file_and_line(tmp_path):
    root = write_archive(tmp_path / "a")
    (root / "items" / "report.toml").write_text('id = "report"\nkind = "record"\ntitle = "unterminated\n')
    result = load_archive(root)
    [problem] = result.errors
    assert problem.path == Path("items/report.toml")
    assert problem.where.startswith("line 3")
    assert "not valid TOML" in problem.message
    assert result.archive.item("doc") is not None  # the good item still loads


def test_unknown_field_suggests_the_right_name(tmp_path):
    result = load_archive(write_archive(tmp_path / "a", item_extra='titel = "typo"\n'))
    [problem] = result.errors
    assert problem.where == "titel" and "did you mean 'title'" in problem.message


def test_missing_required_field(tmp_path):
    root = write_archive(tmp_path / "a")
    (root / "items" / "report.toml").write_text('id = "report"\nkind = "record"\n')
    result = load_archive(root)
    assert any(p.where == "title" and "missing" in p.message for p in result.errors)
    assert result.archive.item("report") is None and result.archive.item("doc") is not None


def test_malformed_edtf(tmp_path):
    root = write_archive(tmp_path / "a", item_extra='date = "May 2005"\n')
    [problem] = load_archive(root).errors
    assert problem.where == "date" and "not a valid EDTF date" in problem.message


def test_duplicate_ids_keep_the_first_and_name_both_files(tmp_path):
    root = write_archive(tmp_path / "a")
    (root / "items" / "zz-copy.toml").write_text('id = "report"\nkind = "record"\ntitle = "Another"\n')
    result = load_archive(root)
    [problem] = result.errors
    assert "duplicate id 'report'" in problem.message and "items/report.toml" in problem.message
    assert result.archive.item("report").title == "A report"


def test_missing_held_file(tmp_path):
    root = write_archive(tmp_path / "a")
    (root / "items" / "doc.txt").unlink()
    result = load_archive(root)
    assert any(p.where == "file" and "does not exist" in p.message for p in result.errors)


def test_checksum_mismatch_is_caught(tmp_path):
    root = write_archive(tmp_path / "a", sha="0" * 64)
    [problem] = load_archive(root).errors
    assert problem.where == "sha256" and "checksum mismatch" in problem.message
    assert load_archive(root, check_files=False).ok  # quick load skips file reads


def test_quote_not_verbatim_points_at_the_closest_passage(tmp_path):
    timeline = ('[[event]]\nid = "built"\ndate = "1986"\ntitle = "Camp built"\n'
                '[[event.citations]]\nitem = "doc"\nquote = "In 1986 the camp was build"\n')
    [problem] = load_archive(write_archive(tmp_path / "a", timeline=timeline)).errors
    assert problem.where == "event 'built'.citations[1].quote"
    assert "not found verbatim" in problem.message and "In 1986 the camp was built" in problem.message


def test_dangling_citation(tmp_path):
    timeline = ('[[event]]\nid = "built"\ndate = "1986"\ntitle = "Camp built"\n'
                '[[event.citations]]\nitem = "nowhere"\nquote = "x"\n')
    [problem] = load_archive(write_archive(tmp_path / "a", timeline=timeline)).errors
    assert "'nowhere', which is not in the archive" in problem.message


def test_event_without_citation(tmp_path):
    timeline = '[[event]]\nid = "built"\ndate = "1986"\ntitle = "Camp built"\n'
    [problem] = load_archive(write_archive(tmp_path / "a", timeline=timeline)).errors
    assert "at least one citation" in problem.message


def test_undecodable_text_file(tmp_path):
    root = write_archive(tmp_path / "a")
    garbage = bytes(range(256)) * 40
    (root / "items" / "doc.txt").write_bytes(garbage)
    digest = hashlib.sha256(garbage).hexdigest()
    toml = (root / "items" / "doc.toml").read_text()
    (root / "items" / "doc.toml").write_text(toml.replace(toml.split('sha256 = "')[1][:64], digest))
    result = load_archive(root)
    assert any(p.path == Path("items/doc.txt") and "text cannot be read" in p.message for p in result.errors)


def test_every_problem_is_collected_not_just_the_first(tmp_path):
    root = write_archive(tmp_path / "a", item_extra='titel = "x"\ndate = "nonsense"\n', sha="1" * 64)
    result = load_archive(root)
    wheres = {p.where for p in result.errors}
    assert {"titel", "date", "sha256"} <= wheres


def test_disputed_dates_only_when_incompatible(tmp_path):
    text = TEXT + "It ended in January 2009. On February 20, 2009 it ended. In July 2004 and on 2 July 2004.\n"
    timeline = """
[[event]]
id = "handover"
date = "2009-01/2009-02-20"
title = "Hand-over"
[[event.date_claims]]
date = "2009-01"
item = "doc"
quote = "ended in January 2009"
[[event.date_claims]]
date = "2009-02-20"
item = "doc"
quote = "On February 20, 2009"

[[event]]
id = "status"
date = "2004-07"
title = "Status"
[[event.date_claims]]
date = "2004-07"
item = "doc"
quote = "In July 2004"
[[event.date_claims]]
date = "2004-07-02"
item = "doc"
quote = "on 2 July 2004"
"""
    result = load_archive(write_archive(tmp_path / "a", text=text, timeline=timeline))
    assert result.ok, messages(result)
    assert result.archive.event("handover").disputed
    assert not result.archive.event("status").disputed


def test_not_a_folder(tmp_path):
    result = load_archive(tmp_path / "missing")
    assert not result.ok and "is not a folder" in result.errors[0].message


def test_file_outside_the_archive_is_refused(tmp_path):
    root = write_archive(tmp_path / "a")
    (tmp_path / "secret.txt").write_text("x")
    toml = (root / "items" / "doc.toml").read_text().replace('file = "doc.txt"', 'file = "../../secret.txt"')
    (root / "items" / "doc.toml").write_text(toml)
    assert any("outside the archive" in p.message for p in load_archive(root).errors)


@pytest.mark.parametrize("content", ['format = 99\nid = "t"\ntitle = "T"\n'])
def test_newer_format_is_refused_with_a_message(tmp_path, content):
    root = write_archive(tmp_path / "a")
    (root / "collection.toml").write_text(content)
    assert any("newer than this app reads" in p.message for p in load_archive(root).errors)
