"""The Persian interface: the translation is complete and consistent, and installing it changes what users see."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt

from ashraf_desktop.ui import i18n

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "translations" / "ashraf_fa.ts"
_PLACEHOLDER = re.compile(r"%\d|%n")
#: what a Persian translation keeps in Latin letters: names of formats, programs and keys, what the user types
#: (dates as YYYY-MM-DD, command-line options, addresses), quoted examples and HTML markup
_KEPT_IN_LATIN = re.compile("|".join((
    r"%\d", r"CSV|PDF|EDTF|JSON-LD|JSON|BagIt|OCR|URL|ID|PNG|SVG|SHA-256|Markdown|PostgreSQL|W3C|Dublin Core",
    r"Tesseract|Vazirmatn|Chicago|APA", r"Ctrl|Shift|Alt|F\d+|Enter|Return|Esc|Escape|Tab|Home|End|Space|Delete|Backspace",
    r"Page Up|Page Down|Down|Up|Left|Right|EXIF|HEIC|DCMI", r"YYYY-MM-DD", r"\b\w+:[\w.]+", r"'[^']*'",
    r"(?:/[\w.-]+)+", r"--archive FOLDER", r"item:[\w-]+", r"--[\w-]+", r"\w+://\S+", r"<[^>]*>", r"\"[^\"]*\"", r"\*\.\w+",
    r"[\w/.-]+\.\w+")))


def _messages(path: Path):
    for ctx in ET.parse(path).getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = [nf.text or "" for nf in tr.findall("numerusform")] or [tr.text or ""]
            yield ctx.findtext("name"), msg.findtext("source"), tr.get("type"), forms


@pytest.fixture
def persian(qapp):
    """The app in Persian for one test, then back to English (the app is shared by the whole session)."""
    if not (i18n.translations_dir() / "ashraf_fa.qm").exists():
        pytest.fail("resources/translations/ashraf_fa.qm is missing: scripts/bootstrap.sh compiles it")
    assert i18n.install_language(qapp, "fa") == "fa"
    yield qapp
    i18n.install_language(qapp, "en")


def test_every_message_is_translated_with_its_placeholders_and_one_shortcut_at_most():
    problems = []
    for ctx, source, kind, forms in _messages(TS):
        for text in forms:
            if kind in ("unfinished", "vanished", "obsolete") or not text.strip():
                problems.append(f"{ctx}: {source!r} is not translated")
                continue
            if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(text)):
                problems.append(f"{ctx}: {source!r} -> {text!r}: placeholders differ")
            if source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
                problems.append(f"{ctx}: {source!r} -> {text!r}: keyboard shortcut (&) missing or doubled")
            if re.search("[A-Za-z]{4,}", _KEPT_IN_LATIN.sub("", text)):
                problems.append(f"{ctx}: {source!r} -> {text!r}: English words left in the translation")
    assert not problems, "\n".join(problems)


def test_the_translation_file_holds_every_string_of_the_interface(tmp_path):
    """A new ``tr()`` string without its Persian fails here: run scripts/update-translations and translate it."""
    lupdate = str(Path(sys.executable).parent / "pyside6-lupdate")  # installed with PySide6 in the venv
    fresh = tmp_path / "fresh_fa.ts"
    sources = sorted(str(p) for p in (REPO / "ashraf_desktop" / "ui").rglob("*.py"))
    subprocess.run([lupdate, "-silent", "-locations", "none", *sources, "-ts", str(fresh)], check=True, timeout=300)
    wanted = {(ctx, src) for ctx, src, _k, _f in _messages(fresh)}
    have = {(ctx, src) for ctx, src, kind, _f in _messages(TS) if kind not in ("vanished", "obsolete")}
    assert not sorted(wanted - have), "not in translations/ashraf_fa.ts: " + repr(sorted(wanted - have)[:20])


def test_the_language_follows_preferences_then_the_system(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.system_language(QLocale("fa_IR")) == "fa"
    assert i18n.system_language(QLocale("fa_AF")) == "fa"
    assert i18n.system_language(QLocale("de_DE")) == "en"
    assert i18n.chosen_language(settings) == i18n.system_language()
    i18n.save_language(settings, "fa")
    assert i18n.chosen_language(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)) == "fa"
    settings.setValue(i18n.SETTING, "xx")  # a value from elsewhere: ignored, not trusted
    assert i18n.chosen_language(settings) == i18n.system_language()
    with pytest.raises(ValueError):
        i18n.save_language(settings, "klingon")


def test_persian_translates_mirrors_and_counts_in_persian_digits(persian):
    from ashraf_desktop.ui.concordance import ConcordancePanel
    assert persian.layoutDirection() == Qt.LayoutDirection.RightToLeft
    panel = ConcordancePanel()
    try:
        assert panel.query_edit.accessibleName() == "پرس‌وجوی واژه‌نما"
        assert panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert panel.font().families()[0] == "Vazirmatn"
    finally:
        panel.deleteLater()
    assert i18n.format_number(1508) == "۱٬۵۰۸"
    assert i18n.format_date("2009-07-01") == "۱۰ تیر ۱۳۸۸ (۱ ژوئیه ۲۰۰۹)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "انصراف"  # Qt's own words too


def test_back_to_english_leaves_nothing_persian_behind(persian):
    i18n.install_language(persian, "en")
    assert persian.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("ConcordancePanel", "Concordance query") == "Concordance query"
    assert i18n.format_number(1508) == "1,508" and i18n.format_date("2009-07-01") == "2009-07-01"
    assert "Vazirmatn" not in persian.font().families()[:1]
