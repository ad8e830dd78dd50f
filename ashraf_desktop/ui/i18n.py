"""The interface language: which one, installing it, and the numbers and dates that go with it.

Two languages: English (the source strings) and Persian (``translations/ashraf_fa.ts``, compiled to
``resources/translations/ashraf_fa.qm`` by the setup scripts). The choice is stored in the settings
(Preferences ▸ Language); with none stored, the system locale decides. It is applied once, before the first
window is made — translated strings, the mirrored layout and the font all depend on it — so a change in
Preferences takes effect at the next start (the dialog says so and offers to restart).

With Persian: the layout runs right to left, counts and dates use Persian digits (through the default
``QLocale``), dates are Solar Hijri with the Gregorian beside them (``core.calendars``), and the interface
font is the bundled Vazirmatn. Archive texts are never translated: only the app's own words are.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ..core.archive import describe_date
from ..core.calendars import describe_date_fa
from ..paths import resources_dir
from .look import PERSIAN_FAMILY

__all__ = ["LANGUAGES", "SETTING", "system_language", "chosen_language", "save_language", "install_language",
           "current_language", "is_persian", "format_date", "date_words", "format_number", "translations_dir",
           "axis_calendar", "translate", "fill", "range_words", "app_name"]

log = logging.getLogger(__name__)

#: code → the language's own name (how it is listed in Preferences, whatever the current language)
LANGUAGES = {"en": "English", "fa": "فارسی"}
SETTING = "interface/language"
_current = "en"
_installed: list[QTranslator] = []  # removed again when another language is installed (tests switch back)


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_language(locale: QLocale | None = None) -> str:
    """Persian when the system's locale is Persian (fa_IR, fa_AF, …), otherwise English."""
    locale = locale or QLocale.system()
    return "fa" if locale.language() == QLocale.Language.Persian else "en"


def chosen_language(settings: QSettings | None) -> str:
    """The language saved in Preferences, or the system's when none was saved (or it is not one we have)."""
    value = settings.value(SETTING, "") if settings is not None else ""
    return value if value in LANGUAGES else system_language()


def save_language(settings: QSettings, code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"no interface language {code!r} (one of {', '.join(LANGUAGES)})")
    settings.setValue(SETTING, code)
    settings.sync()


def _load(app: QApplication, path: Path | str, name: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, str(path)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def install_language(app: QApplication, code: str) -> str:
    """Make ``code`` the interface language of ``app``; return the language actually installed.

    Persian without its compiled translation (a checkout whose setup did not run) falls back to English,
    logged, rather than a half-translated window.
    """
    global _current
    while _installed:
        app.removeTranslator(_installed.pop())
    if code == "fa":
        if not _load(app, translations_dir(), "ashraf_fa"):
            log.warning("Persian interface not installed: %s is missing (run scripts/bootstrap.sh)",
                        translations_dir() / "ashraf_fa.qm")
            code = "en"
        else:
            # Qt's own words (OK, Cancel, the file dialog); absent from a trimmed bundle: then English
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if not _load(app, translations_dir(), "qtbase_fa"):
                _load(app, qt_dir, "qtbase_fa")
    if code == "fa":
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        font = QFont(app.font())
        font.setFamilies([PERSIAN_FAMILY, *font.families()])
        app.setFont(font)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        font = QFont(app.font())
        font.setFamilies([f for f in font.families() if f != PERSIAN_FAMILY] or [QFont().defaultFamily()])
        app.setFont(font)
    _current = code
    return code


def current_language() -> str:
    return _current


def is_persian() -> bool:
    return _current == "fa"


def app_name() -> str:
    """The app's name in the interface language ("Ashraf Archive", «آرشیو اشرف»)."""
    return translate("app", "Ashraf Archive")


def format_number(value: int | float, decimals: int = 0) -> str:
    """A number in the interface's digits (``1,508`` or ``۱٬۵۰۸``; ``decimals`` places for a fraction)."""
    if decimals:
        return QLocale().toString(float(value), "f", decimals)
    return QLocale().toString(int(value))


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the interface language (``pyside6-lupdate`` finds every call by its literal arguments).

    Called when the text is shown, never at import: the translator is installed after the modules load.
    A module-level constant is marked with ``QT_TRANSLATE_NOOP(context, text)`` and translated where used.
    """
    return QCoreApplication.translate(context, text, disambiguation, n)


_ARG = re.compile(r"%(\d+)")


def fill(template: str, *values: object) -> str:
    """``template`` with ``%1``, ``%2``… replaced by ``values`` in one pass (a value holding ``%2`` stays as
    it is); whole numbers in the interface's digits, not grouped (a year, a page: pass ``format_number(n)``
    for a grouped count). Strings — titles, file names, archive text — are put in
    unchanged: they are the archive's, not the app's."""
    def one(match: re.Match[str]) -> str:
        i = int(match.group(1)) - 1
        if not 0 <= i < len(values):
            return match.group(0)
        value = values[i]
        if isinstance(value, int) and not isinstance(value, bool):
            locale = QLocale()
            locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
            return locale.toString(value)
        return str(value)
    return _ARG.sub(one, template)


def format_date(edtf: str | None) -> str:
    """An archive date for display: as written in English; Solar Hijri with the Gregorian beside in Persian."""
    if not edtf:
        return ""
    return describe_date_fa(edtf) if _current == "fa" else edtf



def date_words(edtf: str | None) -> str:
    """An archive date in words, for tooltips and screen readers ("about April 2003"; in Persian the same
    as :func:`format_date`, which already reads as words)."""
    if not edtf:
        return ""
    return describe_date_fa(edtf) if _current == "fa" else describe_date(edtf)


def range_words(lower: int, upper: int) -> str:
    """An inclusive range of days in words (``core.timeline.format_range``); in Persian, Solar Hijri days
    (years, Gregorian, over a century: days are noise at that scale)."""
    from ..core.timeline import format_range
    if _current != "fa":
        return format_range(lower, upper)
    from ..core.archive.days import MAX_DAY, MIN_DAY, civil_from_day, year_words
    from ..core.calendars.persian import persian_digits, solar_hijri_day
    years_only = upper - lower > 36525

    def one(day: int) -> str:
        if day < MIN_DAY:
            return translate("dates", "the earliest dates")
        if day > MAX_DAY:
            return translate("dates", "the latest dates")
        year = civil_from_day(day)[0]
        if years_only or year < 1:
            return persian_digits(year_words(year))
        return solar_hijri_day(day)
    return one(lower) if lower == upper else f"{one(lower)} – {one(upper)}"


def axis_calendar():
    """The calendar the timeline's axis counts in: Solar Hijri in Persian (``core.timeline.TickCalendar``)."""
    if _current != "fa":
        return None
    from ..core.calendars.ticks import SOLAR_HIJRI
    return SOLAR_HIJRI
