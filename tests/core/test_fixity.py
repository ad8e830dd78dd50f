"""Fixity (docs/integrity.md): every held file against its SHA-256, missing / changed / unreadable /
unexpected files, the quick mode and its documented limit, and ``ashraf-desktop verify``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from ashraf_desktop.cli import main
from ashraf_desktop.core.integrity.fixity import RACY_SECONDS, default_state_path, verify
from ashraf_desktop.core.archive import ensure_layer, layer_root, load_layered, write_item
from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.paths import user_dirs

DOC = Path("items/documents/about-camp-ashraf.txt")
OLD = time.time() - 3600  # files last changed an hour ago: quick runs may trust them


def _age(root: Path, when: float = OLD) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (when, when))


@pytest.fixture
def archive_copy(tmp_path, bundled_archive_path) -> Path:
    """The bundled archive is read-only by rule: tests change a copy."""
    root = tmp_path / "archive"
    shutil.copytree(bundled_archive_path, root)
    _age(root)
    return root


def _load(root: Path, data: Path | None = None):
    return load_layered(root, data).archive


def _add_layer_item(data: Path, archive, tmp_path: Path, text: bytes = b"An imported note about Ashraf.\n") -> Path:
    layer = ensure_layer(layer_root(data, archive.collection.id), archive)
    source = tmp_path / "note.txt"
    source.write_bytes(text)
    sidecar = write_item(layer, "documents", {"id": "imported-note", "kind": "document", "title": "A note",
                                              "sha256": hashlib.sha256(text).hexdigest(),
                                              "format": "text/plain"}, source, "note.txt")
    _age(layer)
    return sidecar.parent / "note.txt"


def test_a_clean_archive_has_no_problems(archive_copy):
    report = verify(_load(archive_copy))
    assert report.ok and report.problems == []
    assert report.checked == report.hashed == 2  # the two held documents; records hold no file
    assert report.seconds >= 0 and "all files are as described" in report.summary()


def test_a_modified_file_is_changed_with_both_checksums(archive_copy):
    path = archive_copy / DOC
    path.write_bytes(path.read_bytes() + b"x")
    report = verify(_load(archive_copy))
    assert not report.ok
    [problem] = report.problems
    assert problem.kind == "changed" and problem.item_id == "about-camp-ashraf"
    assert problem.expected != problem.found and len(problem.found) == 64
    assert problem.found == hashlib.sha256(path.read_bytes()).hexdigest()
    assert "items/documents/about-camp-ashraf.txt has changed" in problem.message


def test_a_deleted_file_is_missing(archive_copy):
    (archive_copy / DOC).unlink()
    [problem] = verify(_load(archive_copy)).problems
    assert problem.kind == "missing" and problem.item_id == "about-camp-ashraf"
    assert "about-camp-ashraf.txt is missing" in problem.message


def test_an_added_file_is_unexpected_but_hidden_and_partial_files_are_not(archive_copy):
    (archive_copy / "items" / "documents" / "stray.pdf").write_bytes(b"%PDF-1.4")
    (archive_copy / "items" / "new").mkdir()
    (archive_copy / "items" / "new" / "photo.jpg").write_bytes(b"\xff\xd8")
    (archive_copy / "items" / "documents" / ".DS_Store").write_bytes(b"x")
    (archive_copy / "items" / "documents" / ".partial-abc123").write_bytes(b"x")
    report = verify(_load(archive_copy))
    unexpected = sorted(p.message.split(" ")[0] for p in report.of_kind("unexpected"))
    assert unexpected == ["items/documents/stray.pdf", "items/new/photo.jpg"]
    assert all(p.item_id is None for p in report.problems)
    assert len(report.problems) == 2


def test_an_unreadable_file_is_reported_with_the_reason_and_never_raises(archive_copy):
    path = archive_copy / DOC
    path.unlink()
    path.mkdir()  # a folder where the file should be: cannot be read as a file
    [problem] = verify(_load(archive_copy)).problems
    assert problem.kind == "unreadable" and "about-camp-ashraf.txt" in problem.message


def test_a_sidecar_without_checksum_cannot_be_checked(archive_copy):
    sidecar = archive_copy / "items/documents/about-camp-ashraf.toml"
    text = sidecar.read_text(encoding="utf-8")
    sidecar.write_text("\n".join(l for l in text.splitlines() if not l.startswith("sha256")), encoding="utf-8")
    report = verify(_load(archive_copy))
    assert [p.kind for p in report.problems] == ["no-checksum"]


def test_the_file_of_a_broken_sidecar_is_not_called_unexpected(archive_copy):
    sidecar = archive_copy / "items/documents/about-camp-ashraf.toml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "\nthis is = = not toml\n", encoding="utf-8")
    archive = _load(archive_copy)
    assert archive.item("about-camp-ashraf") is None  # left out by the loader (validate reports why)
    assert verify(archive).problems == []


def test_layer_files_are_checked_too_and_shown_in_full(archive_copy, tmp_path):
    data = tmp_path / "data"
    held = _add_layer_item(data, _load(archive_copy), tmp_path)
    archive = _load(archive_copy, data)
    assert archive.layers and archive.item("imported-note") is not None
    report = verify(archive)
    assert report.ok and report.checked == 3
    held.write_bytes(b"changed")
    (held.parent / "extra.txt").write_bytes(b"nobody describes me")
    report = verify(archive)
    kinds = {p.kind: p for p in report.problems}
    assert set(kinds) == {"changed", "unexpected"}
    assert str(held) in kinds["changed"].message and kinds["changed"].item_id == "imported-note"
    assert str(held.parent / "extra.txt") in kinds["unexpected"].message


def test_quick_mode_skips_unchanged_files_and_catches_a_same_size_change(archive_copy, tmp_path):
    state = tmp_path / "cache" / "fixity.json"
    full = verify(_load(archive_copy), state=state)
    assert full.ok and full.hashed == 2 and state.is_file()
    quick = verify(_load(archive_copy), state=state, quick=True)
    assert quick.ok and quick.quick and quick.hashed == 0 and quick.skipped == 2 and quick.checked == 2
    # same size, different bytes, a new mtime (what any editor does)
    path = archive_copy / DOC
    data = bytearray(path.read_bytes())
    data[0] ^= 1
    path.write_bytes(bytes(data))
    quick = verify(_load(archive_copy), state=state, quick=True)
    assert [p.kind for p in quick.problems] == ["changed"] and quick.hashed == 1 and quick.skipped == 1
    # a file found changed is not vouched for by later quick runs
    assert [p.kind for p in verify(_load(archive_copy), state=state, quick=True).problems] == ["changed"]


def test_quick_mode_limit_same_size_and_mtime_is_not_rehashed(archive_copy, tmp_path):
    """The documented limit: a change that keeps both size and mtime is only found by a full run."""
    state = tmp_path / "fixity.json"
    assert verify(_load(archive_copy), state=state).ok
    path = archive_copy / DOC
    before = path.stat()
    data = bytearray(path.read_bytes())
    data[0] ^= 1
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert verify(_load(archive_copy), state=state, quick=True).ok  # not seen: the limit
    assert [p.kind for p in verify(_load(archive_copy), state=state).problems] == ["changed"]


def test_quick_mode_rehashes_files_changed_just_before_they_were_hashed(archive_copy, tmp_path):
    """Racy-clean rule: a file modified within RACY_SECONDS of the run that hashed it is not trusted."""
    state = tmp_path / "fixity.json"
    now = time.time()
    os.utime(archive_copy / DOC, (now, now))
    assert verify(_load(archive_copy), state=state).ok
    quick = verify(_load(archive_copy), state=state, quick=True)
    assert quick.hashed == 1 and quick.skipped == 1
    assert RACY_SECONDS <= 5


def test_quick_without_state_or_with_a_damaged_one_hashes_everything(archive_copy, tmp_path):
    assert verify(_load(archive_copy), quick=True).hashed == 2
    state = tmp_path / "fixity.json"
    state.write_text("{not json", encoding="utf-8")
    report = verify(_load(archive_copy), state=state, quick=True)
    assert report.ok and report.hashed == 2
    assert json.loads(state.read_text(encoding="utf-8"))["version"] == 1  # rewritten


def test_progress_and_cancel(archive_copy):
    calls = []
    report = verify(_load(archive_copy), progress=lambda d, t, n: calls.append((d, t, n)))
    assert calls[-1][:2] == (2, 2) and any("about-camp-ashraf.txt" in n for _, _, n in calls)
    report = verify(_load(archive_copy), cancelled=lambda: True)
    assert report.cancelled and not report.ok and report.checked == 0
    assert report.as_json()["cancelled"] is True


def test_report_json_shape(archive_copy):
    (archive_copy / DOC).unlink()
    data = verify(_load(archive_copy)).as_json()
    assert data["ok"] is False and data["counts"]["missing"] == 1
    assert set(data["problems"][0]) == {"kind", "path", "item", "message"}
    json.dumps(data)


def test_default_state_path_is_per_archive_in_the_cache(archive_copy, tmp_path):
    a = default_state_path(tmp_path / "cache", _load(archive_copy))
    other = tmp_path / "other"
    shutil.copytree(archive_copy, other)
    b = default_state_path(tmp_path / "cache", _load(other))
    assert a.parent == b.parent == tmp_path / "cache" / "fixity" and a != b and a.name.startswith("ashraf-")


def test_bundled_archive_verifies_fast_and_stays_untouched(bundled_archive_path, tmp_path):
    before = {p: p.stat().st_mtime_ns for p in bundled_archive_path.rglob("*") if p.is_file()}
    report = verify(load_archive(bundled_archive_path, check_files=False).archive, state=tmp_path / "s.json")
    assert report.ok, report.problems
    assert report.seconds < 2
    assert before == {p: p.stat().st_mtime_ns for p in bundled_archive_path.rglob("*") if p.is_file()}


# --- ashraf-desktop verify ---------------------------------------------------------------------------------


def run_cli(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_verify_ok_then_problems(archive_copy, tmp_path, capsys):
    data = tmp_path / "d"
    code, out, _ = run_cli(capsys, "--data-dir", data, "--archive", archive_copy, "verify")
    assert code == 0 and out.startswith("OK: 2 files checked (full check")
    assert list((user_dirs(data).cache / "fixity").glob("ashraf-*.json"))  # the quick check's state
    code, out, _ = run_cli(capsys, "--data-dir", data, "--archive", archive_copy, "verify", "--quick", "--json")
    report = json.loads(out)
    assert code == 0 and report["quick"] and report["skipped"] == 2 and report["archive"] == str(archive_copy)
    (archive_copy / DOC).write_bytes(b"tampered")
    code, out, _ = run_cli(capsys, "--data-dir", data, "--archive", archive_copy, "verify")
    assert code == 1 and "changed: items/documents/about-camp-ashraf.txt has changed" in out
    assert "PROBLEMS:" in out


def test_cli_verify_includes_the_user_layer(archive_copy, tmp_path, capsys):
    data = tmp_path / "d"
    held = _add_layer_item(user_dirs(data).data, _load(archive_copy), tmp_path)
    held.unlink()
    code, out, _ = run_cli(capsys, "--data-dir", data, "--archive", archive_copy, "verify", "--json")
    report = json.loads(out)
    assert code == 1 and report["counts"]["missing"] == 1 and report["problems"][0]["item"] == "imported-note"


def test_cli_verify_on_a_folder_that_is_no_archive(tmp_path, capsys):
    code, out, err = run_cli(capsys, "--data-dir", tmp_path / "d", "verify", tmp_path)
    assert code == 2 and "not an archive" in err and "Traceback" not in err
