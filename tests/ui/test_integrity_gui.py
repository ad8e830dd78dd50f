"""Integrity in the window: the quick check at start and its badge, Tools ▸ Verify archive with progress and a
report that opens the item, File ▸ Export ▸ BagIt bag (valid for ``bagit``) and Dublin Core CSV / JSON-LD."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import bagit
import pytest


@pytest.fixture
def copied_archive(tmp_path: Path) -> Path:
    """The bundled archive in a folder of its own (its files may be changed; its index is not shared)."""
    from ashraf_desktop.paths import bundled_archive
    return Path(shutil.copytree(bundled_archive(), tmp_path / "archive-copy"))


def _quick_check(qtbot, window):
    integrity = window.integrity
    with qtbot.waitSignal(integrity.quick_check_done, timeout=20_000) as blocker:
        if not integrity.start_quick_check():  # already running (its timer fired): wait for that one
            pass
    return blocker.args[0]


def test_quick_check_at_start_is_clean_and_then_badges_a_changed_file(qtbot, make_window, copied_archive):
    window = make_window(copied_archive, index=False)
    integrity = window.integrity
    # it starts by itself, in the background, after the window has shown
    qtbot.waitUntil(lambda: integrity.quick_report is not None, timeout=20_000)
    assert integrity.quick_report.ok and integrity.quick_report.checked == 2
    assert not integrity.badge.isVisible()

    # a held file changes behind the app's back: the next quick check (the next start) shows the badge
    held = copied_archive / "items" / "documents" / "about-camp-ashraf.txt"
    held.write_bytes(held.read_bytes() + b"\nedited by hand\n")
    report = _quick_check(qtbot, window)
    assert [p.kind for p in report.problems] == ["changed"]
    assert integrity.badge.isVisible()
    assert integrity.badge.text() == "⚠ 1 file changed"

    # the badge opens the report; double-click on the problem opens its item
    integrity.badge.click()
    dialog = integrity.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 1
    assert "about-camp-ashraf.txt" in dialog.model.index(0, 1).data()
    assert dialog.model.index(0, 0).data() == "changed"
    page = dialog.open_row(0)
    assert page is not None and page.item.id == "about-camp-ashraf"


def test_verify_menu_shows_progress_and_reports_missing_and_unexpected(qtbot, qtmodeltester, make_window,
                                                                        copied_archive):
    window = make_window(copied_archive, index=False)
    (copied_archive / "items" / "documents" / "brief-history-of-ashraf-city.txt").unlink()
    (copied_archive / "items" / "documents" / "stray.pdf").write_bytes(b"%PDF-1.4 not described")
    with qtbot.waitSignal(window.integrity.verified, timeout=30_000) as blocker:
        window.action("verify").trigger()
        job = window.integrity.job
        assert job is not None and job.status is not None  # progress and Cancel in the status bar
        assert job.status.cancel_button.isVisibleTo(window)
        assert job.status.parent() is not None
    report = blocker.args[0]
    assert sorted(p.kind for p in report.problems) == ["missing", "unexpected"]
    assert window.integrity.job is None and job.status is None  # the progress went away
    from ashraf_desktop.ui.jobs import JobStatus
    qtbot.waitUntil(lambda: not window.findChildren(JobStatus))
    dialog = window.integrity.dialog
    assert dialog.isVisible() and dialog.model.rowCount() == 2
    qtmodeltester.check(dialog.model)
    assert "2 problems" in dialog.summary.text()
    assert window.integrity.badge.text() == "⚠ 1 file missing, 1 unexpected"
    text = dialog.copy()
    assert "stray.pdf" in text and "brief-history-of-ashraf-city.txt" in text


def test_verify_can_be_cancelled(qtbot, make_window, copied_archive):
    window = make_window(copied_archive, index=False)
    with qtbot.waitSignal(window.integrity.verified, timeout=30_000) as blocker:
        job = window.integrity.verify()
        job.status.cancel_button.click()  # before the worker reaches the first file check
        assert job.cancelled()
        assert "stopping" in job.status.label.text()
    report = blocker.args[0]
    assert report.cancelled and not report.ok
    assert "cancelled" in window.integrity.dialog.summary.text()


def test_export_bag_of_the_archive_and_of_a_selection_is_valid(qtbot, make_window, copied_archive, tmp_path):
    window = make_window(copied_archive, index=False)
    dest = tmp_path / "out" / "the-bag"
    with qtbot.waitSignal(window.integrity.exported, timeout=30_000) as blocker:
        window.integrity.export_bag(dest)
    assert blocker.args[0] == dest
    bag = bagit.Bag(str(dest))
    bag.validate()  # raises BagValidationError if anything is wrong
    assert (dest / "data" / "collection.toml").is_file()
    assert (dest / "data" / "items" / "documents" / "about-camp-ashraf.txt").is_file()
    box = window.integrity.message_box
    assert box is not None and box.isVisible() and str(dest) in box.text()
    assert window.status.said(str(dest))

    one = tmp_path / "out" / "one-item"
    with qtbot.waitSignal(window.integrity.exported, timeout=30_000):
        window.integrity.export_bag(one, item_ids=["about-camp-ashraf"])
    bagit.Bag(str(one)).validate()
    held = sorted(p.name for p in (one / "data" / "items").rglob("*.txt"))
    assert held == ["about-camp-ashraf.txt"]


def test_export_bag_into_a_full_folder_says_why(qtbot, make_window, copied_archive, tmp_path):
    window = make_window(copied_archive, index=False)
    dest = tmp_path / "full"
    dest.mkdir()
    (dest / "something.txt").write_text("x")
    window.integrity.export_bag(dest)
    qtbot.waitUntil(lambda: window.integrity.job is None, timeout=20_000)
    assert window.status.said("not empty")
    assert "not empty" in window.integrity.message_box.text()
    assert sorted(p.name for p in dest.iterdir()) == ["something.txt"]


def test_export_dublin_core_csv_and_jsonld(qtbot, make_window, copied_archive, tmp_path):
    window = make_window(copied_archive, index=False)
    target = tmp_path / "dc.csv"
    with qtbot.waitSignal(window.integrity.exported, timeout=20_000):
        window.integrity.export_metadata("csv", target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert {r["id"] for r in rows} == {i.id for i in window.archive.items}
    assert "dc.csv" in window.integrity.message_box.text()

    target = tmp_path / "dc.jsonld"
    with qtbot.waitSignal(window.integrity.exported, timeout=20_000):
        window.integrity.export_metadata("jsonld", target, item_ids=["about-camp-ashraf"])
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert "about-camp-ashraf" in json.dumps(doc) and "brief-history-of-ashraf-city" not in json.dumps(doc)


def test_badge_text():
    from ashraf_desktop.core.integrity.fixity import FixityProblem, FixityReport
    from ashraf_desktop.ui.integrity.views import badge_text
    p = Path("/x")
    report = FixityReport(checked=3, problems=[FixityProblem("changed", p, "a", "m"),
                                               FixityProblem("changed", p, "b", "m")])
    assert badge_text(report) == "⚠ 2 files changed"
    report.problems.append(FixityProblem("missing", p, "c", "m"))
    assert badge_text(report) == "⚠ 2 files changed, 1 missing"
    assert badge_text(FixityReport(checked=3)) == ""
