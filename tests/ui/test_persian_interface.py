"""With Persian chosen, no English is left in the app's own words: the window with every panel and kind of
tab open, its menus and each dialog are walked, and every text a user sees or hears (labels, buttons, menus,
tooltips, placeholders, column headings, accessible names) is checked for English words.

Words of the archive (titles, tags, places…) are the archive's and stay as written; names kept in Latin
script on purpose (PDF, CSV, key names…) are listed in tests/ui/test_i18n.py. A failure names the widget
and the text: wrap the string with ``translate``/``fill`` (ui/i18n.py), run scripts/update-translations and
translate it in translations/ashraf_fa.ts.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox, QDockWidget, QGroupBox,
                               QLabel, QLineEdit, QMenu, QTabBar, QTextEdit, QWidget)

from ashraf_desktop.ui import i18n

from test_accessibility import _archive  # the same small archive: a document, a record, an event, a photo, a fact
from test_i18n import _KEPT_IN_LATIN

pytestmark = pytest.mark.gui

_WORD = re.compile(r"[A-Za-z]{4,}")


def _plain(text: str) -> str:
    """The text a user reads; example queries (``<code>``) are search syntax, not the app's words."""
    if "<" not in text:
        return text
    return QTextDocumentFragment.fromHtml(re.sub(r"<code>.*?</code>", " ", text)).toPlainText()


def _strings(value, depth: int = 0):
    """Every string held by an archive record (an item, an event, a fact, and what they hold)."""
    if isinstance(value, str):
        yield value
    elif depth > 3 or value is None or isinstance(value, (int, float, bool)):
        return
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _strings(v, depth + 1)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k, depth + 1)
            yield from _strings(v, depth + 1)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name, None), depth + 1)
    elif hasattr(value, "name") and isinstance(getattr(value, "name"), str):  # a path
        yield value.name


def _archive_words(archive) -> set[str]:
    """Every word of the archive's own texts: those stay in the language they were written in."""
    texts = [*_strings(archive.collection), *_strings(list(archive.items))]
    texts += [*_strings(list(getattr(archive, "events", []) or [])), *_strings(list(getattr(archive, "facts", []) or []))]
    return {w.casefold() for t in texts for w in _WORD.findall(t)}


def _texts(widget: QWidget):
    """(where, text) for every text of ``widget`` and its children a user reads or a screen reader speaks."""
    for w in [widget, *widget.findChildren(QWidget)]:
        where = f"{type(w).__name__} {w.objectName() or ''}".strip()
        for kind, text in (("tooltip", w.toolTip()), ("status tip", w.statusTip()),
                           ("accessible name", w.accessibleName()),
                           ("accessible description", w.accessibleDescription())):
            yield f"{where} {kind}", text
        if isinstance(w, QLabel) and not w.property("archiveText"):
            yield where, w.text()
        elif isinstance(w, QAbstractButton):
            yield where, w.text()
        elif isinstance(w, QLineEdit):
            yield f"{where} placeholder", w.placeholderText()
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QDockWidget):
            yield where, w.windowTitle()
        elif isinstance(w, QMenu):
            yield where, w.title()
        elif isinstance(w, QComboBox) and not w.isEditable() and not w.property("ownNames"):
            for i in range(w.count()):
                yield f"{where} item", w.itemText(i)
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{where} tab", w.tabText(i)
                yield f"{where} tab tooltip", w.tabToolTip(i)
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column, no heading shown
                columns = 0
            for col in range(columns):
                yield f"{where} heading", str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        if w.isWindow() and not isinstance(w, QMenu):
            yield f"{where} title", w.windowTitle()
        for action in w.actions():
            for kind, text in (("action", action.text()), ("action tip", action.toolTip()),
                               ("action status tip", action.statusTip())):
                yield f"{where} {kind} {action.objectName()}".strip(), text


def english_left(widget: QWidget, archive_words: set[str]) -> list[str]:
    found = []
    for where, text in _texts(widget):
        if not text or isinstance(widget, QTextEdit):
            continue
        rest = _KEPT_IN_LATIN.sub(" ", _plain(text).replace("&", ""))
        words = [w for w in _WORD.findall(rest) if w.casefold() not in archive_words]
        if words:
            found.append(f"{where}: {text!r}")
    return sorted(set(found))


@pytest.fixture
def persian_window(qapp, make_window, qtbot, tmp_path, shared_testdata):
    if not (i18n.translations_dir() / "ashraf_fa.qm").exists():
        pytest.fail("resources/translations/ashraf_fa.qm is missing: scripts/bootstrap.sh compiles it")
    assert i18n.install_language(qapp, "fa") == "fa"
    try:
        pdfs = sorted((shared_testdata / "pdfs").rglob("*.pdf"))
        w = make_window(_archive(tmp_path / "a", pdfs[0] if pdfs else None))
        w.ensure_panels()
        for name in ("timeline", "gallery", "annotations", "concordance"):
            w.show_panel(name)
        yield w
    finally:
        i18n.install_language(qapp, "en")


def test_the_persian_window_its_panels_menus_and_tabs_have_no_english_left(persian_window, qtbot):
    window = persian_window
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window.open_item("doc", "camp")
    window.open_item("paper") if window.archive.item("paper") is not None else None
    window.open_item("report")
    window.open_item("photo")
    window.open_event("built")
    window.views.open_facts()
    window.views.open_library()
    window.provenance.similar.set_open(True)
    window.concordance.set_query("camp")
    qtbot.waitUntil(lambda: all(p.is_loaded for p in window.tabs.pages()), timeout=30_000)
    words = _archive_words(window.archive)
    left = english_left(window, words)
    for page in window.tabs.pages():
        left += english_left(page, words)
    assert not left, "English left in the Persian interface:\n  " + "\n  ".join(sorted(set(left)))


def test_the_persian_dialogs_have_no_english_left(persian_window, qtbot, tmp_path):
    from ashraf_desktop.core.ingest.report import ImportReport, Outcome
    from ashraf_desktop.core.integrity.fixity import FixityProblem, FixityReport
    from ashraf_desktop.ui.importing.report import ImportReportDialog

    window = persian_window
    words = _archive_words(window.archive)
    left: list[str] = []
    window.action("preferences").trigger()
    prefs = window.preferences.dialog
    for i in range(prefs.tabs.count()):
        prefs.tabs.setCurrentIndex(i)
        left += english_left(prefs, words)
    prefs.reject()
    report = ImportReportDialog(window.importer, window)
    report.set_report(ImportReport(outcomes=[Outcome(tmp_path / "a.pdf", "added", "added as 'A' (a)", "a"),
                                             Outcome(tmp_path / "b.txt", "failed", "not readable", None)]))
    dialogs = {"metadata form": window.importer.edit_metadata(["doc"]), "import report": report,
               "verify report": window.integrity.show_report(
                   FixityReport(checked=2, problems=[FixityProblem("changed", tmp_path / "x", "doc", "changed")])),
               "lightbox": window.gallery_panel.open_lightbox(0), "team conflicts": window.team.show_conflicts(),
               "team server": window.team.edit_preferences()}
    for name, dialog in dialogs.items():
        assert dialog is not None, name
        left += [f"{name}: {line}" for line in english_left(dialog, words)]
        dialog.close()
    for top in QApplication.topLevelWidgets():
        if top.isVisible() and top is not window:
            left += english_left(top, words)
    assert not left, "English left in the Persian dialogs:\n  " + "\n  ".join(sorted(set(left)))


def test_the_help_pages_are_in_persian(persian_window):
    """Help ▸ Query syntax and Keyboard shortcuts have Persian pages (docs/*.fa.md); About is translated."""
    pages = {which: persian_window.show_help(which) for which in ("query-syntax", "shortcuts", "about")}
    try:
        assert pages["query-syntax"].browser.toPlainText().startswith("جستجو در آرشیو")
        assert "میان‌برهای صفحه‌کلید" in pages["shortcuts"].browser.toPlainText()
        about = pages["about"].browser.toPlainText()
        assert "آرشیو اشرف" in about and "مجوزها" in about
        for page in pages.values():
            assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        for page in pages.values():
            page.close()
