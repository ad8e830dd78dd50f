"""Every control a screen reader can reach has a name: the main window with all its panels and kinds of tab
open, and each of the app's dialogs (ui/accessibility.py says what counts as a control and as its name)."""

from __future__ import annotations

import hashlib

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication, QWidget

from archive_builder import write_archive

from ashraf_desktop.ui.accessibility import nameless_controls

pytestmark = pytest.mark.gui


def _archive(root, shared_pdf=None):
    """A text document, a record, an event, a photo and (from ../shared) a PDF, with a fact."""
    write_archive(root, item_extra='date = "2009-07-01"\n')
    Image.new("RGB", (320, 240), (40, 90, 160)).save(root / "items" / "photo.png")
    data = (root / "items" / "photo.png").read_bytes()
    (root / "items" / "photo.toml").write_text(
        f'id = "photo"\nkind = "image"\nfile = "photo.png"\nsha256 = "{hashlib.sha256(data).hexdigest()}"\n'
        'title = "A photo"\nformat = "image/png"\ndate = "2003-04~"\n', encoding="utf-8")
    if shared_pdf is not None:
        pdf = shared_pdf.read_bytes()
        (root / "items" / "paper.pdf").write_bytes(pdf)
        (root / "items" / "paper.toml").write_text(
            f'id = "paper"\nkind = "document"\nfile = "paper.pdf"\nsha256 = "{hashlib.sha256(pdf).hexdigest()}"\n'
            'title = "A paper"\nformat = "application/pdf"\n', encoding="utf-8")
    (root / "facts.toml").write_text(
        '[[fact]]\nid = "province"\nsubject = "Camp Ashraf"\nlabel = "Province"\n'
        '[[fact.claims]]\nvalue = "Diyala"\nitem = "doc"\nquote = "Camp Ashraf lies in Diyala"\n', encoding="utf-8")
    return root


def _assert_named(what: str, widget: QWidget) -> None:
    problems = nameless_controls(widget)
    assert not problems, f"{what}: controls without an accessible name:\n  " + "\n  ".join(problems)


@pytest.fixture
def window(make_window, qtbot, tmp_path, shared_testdata):
    pdfs = sorted((shared_testdata / "pdfs").rglob("*.pdf"))
    w = make_window(_archive(tmp_path / "a", pdfs[0] if pdfs else None))
    w.ensure_panels()
    for name in ("timeline", "gallery", "annotations", "concordance"):
        w.show_panel(name)
    return w


def test_the_window_its_panels_and_every_kind_of_tab_name_their_controls(window, qtbot):
    window.open_item("doc", "camp")
    window.open_item("paper") if window.archive.item("paper") is not None else None
    window.open_item("report")
    window.open_event("built")
    window.views.open_facts()
    window.views.open_library()
    window.provenance.similar.set_open(True)
    window.concordance.set_query("camp")
    qtbot.waitUntil(lambda: all(p.is_loaded for p in window.tabs.pages()), timeout=30_000)
    _assert_named("main window", window)
    for page in window.tabs.pages():  # every tab, not only the one in front
        _assert_named(f"tab {page.location.kind}:{page.location.id}", page)


def test_every_dialog_names_its_controls(window, qtbot, tmp_path):
    from ashraf_desktop.core.ingest.report import ImportReport, Outcome
    from ashraf_desktop.core.integrity.fixity import FixityProblem, FixityReport
    from ashraf_desktop.ui.importing.report import ImportReportDialog

    dialogs: dict[str, QWidget] = {}
    window.action("preferences").trigger()
    prefs = window.preferences.dialog
    for i in range(prefs.tabs.count()):  # each page, as it is shown
        prefs.tabs.setCurrentIndex(i)
        _assert_named(f"Preferences ▸ {prefs.tabs.tabText(i)}", prefs)
    prefs.reject()
    dialogs["help"] = window.show_help("shortcuts")
    dialogs["metadata form"] = window.importer.edit_metadata(["doc"])
    report = ImportReportDialog(window.importer, window)
    report.set_report(ImportReport(outcomes=[Outcome(tmp_path / "a.pdf", "added", "added as 'A' (a)", "a"),
                                             Outcome(tmp_path / "b.txt", "failed", "not readable", None)]))
    dialogs["import report"] = report
    dialogs["verify report"] = window.integrity.show_report(
        FixityReport(checked=2, problems=[FixityProblem("changed", tmp_path / "x", "doc", "changed since")]))
    dialogs["lightbox"] = window.gallery_panel.open_lightbox(0)
    dialogs["team conflicts"] = window.team.show_conflicts()
    dialogs["team server"] = window.team.edit_preferences()
    for name, dialog in dialogs.items():
        assert dialog is not None, name
        _assert_named(name, dialog)
        dialog.close()
    # nothing else the app opened on its own is left unchecked
    for top in QApplication.topLevelWidgets():
        if top.isVisible() and top is not window:
            _assert_named(f"window {type(top).__name__}", top)
