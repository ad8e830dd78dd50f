"""Preferences ▸ Language: English or Persian, applied when the app next starts (it offers to restart now).

The choice is kept in the window's settings (:data:`ui.i18n.SETTING`); with none kept, the system's language
decides (:func:`ui.i18n.chosen_language`). Each language is listed in its own name, so that a reader who does
not read the current one still finds theirs.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtCore import QProcess, QSettings, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QFormLayout, QLabel, QMessageBox, QWidget

from . import i18n
from .i18n import fill, translate

__all__ = ["LanguagePage", "install_language_page", "restart_app"]


def restart_app() -> bool:
    """Start the app again with the same arguments, then close this one (its windows save their state)."""
    if getattr(sys, "frozen", False):
        program, args = sys.executable, sys.argv[1:]
    else:
        program, args = sys.executable, ["-m", "ashraf_desktop", *sys.argv[1:]]
    if not QProcess.startDetached(program, args, os.getcwd())[0]:
        return False
    app = QApplication.instance()
    if app is not None:
        app.closeAllWindows()
        app.quit()
    return True


class LanguagePage(QWidget):
    """The Language page of the Preferences dialog (``load()`` when shown, ``apply()`` on OK)."""

    #: the language kept differs from the one the app runs in (a restart applies it)
    changed = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.combo = QComboBox(self)
        self.combo.setObjectName("languageCombo")
        self.combo.setProperty("ownNames", True)  # each language by its own name, whatever the interface's
        for code, name in i18n.LANGUAGES.items():
            self.combo.addItem(name, code)
        self.combo.setAccessibleName(self.tr("Interface language"))
        label = QLabel(self.tr("Interface &language:"), self)
        label.setBuddy(self.combo)
        note = QLabel(self.tr("The app's own words, the direction of the layout, the digits and the calendar of "
                              "dates follow the language; the archive's texts are never translated. A new "
                              "language applies when the app next starts."), self)
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(label, self.combo)
        form.addRow(note)

    def load(self) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(i18n.chosen_language(self.settings))))

    def apply(self) -> object:
        code = self.combo.currentData()
        i18n.save_language(self.settings, code)
        if code != i18n.current_language():
            self.changed.emit(code)
        return True


def install_language_page(window: Any) -> LanguagePage:
    """Add Preferences ▸ Language to ``window``; a change asks whether to restart now (window-modal)."""
    page = LanguagePage(window.settings)
    window.preferences.add_page(translate("LanguagePage", "Language"), page)

    def changed(code: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, translate("LanguagePage", "Language"),
                          fill(translate("LanguagePage",
                                         "The interface will be in %1 when the app next starts. Restart now?"),
                               i18n.LANGUAGES[code]),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
        box.setObjectName("restartQuestion")
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(translate("LanguagePage", "Restart now"))
        box.button(QMessageBox.StandardButton.No).setText(translate("LanguagePage", "Later"))
        box.finished.connect(lambda _result: box.clickedButton() is yes and restart_app())
        box.finished.connect(box.deleteLater)
        box.open()

    page.changed.connect(changed)
    return page
