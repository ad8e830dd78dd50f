"""Edit ▸ Preferences…: one dialog, a page per part of the app (Annotations, Team, Language…).

A part adds its page with ``window.preferences.add_page(title, widget)``. The widget shows the current
choices when the dialog opens (``load()``, if it has one) and keeps them on OK (``apply()``); ``apply``
returning ``False`` means the page shows what is wrong, and the dialog stays open on that page. Cancel keeps
nothing. The dialog fits a 1280×720 screen whatever the pages.
"""

from __future__ import annotations

from typing import Callable, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QTabWidget, QVBoxLayout,
                               QWidget)

from .fit import fit_to_screen, scrolling
from .i18n import translate

__all__ = ["Preferences", "PreferencesDialog", "PreferencesPage", "AuthorPage"]


class PreferencesPage(Protocol):
    """What a page may offer besides being a QWidget: ``load()`` and ``apply() -> object``."""

    def apply(self) -> object: ...


class PreferencesDialog(QDialog):
    def __init__(self, pages: list[tuple[str, QWidget]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        self.setObjectName("preferencesDialog")
        self.pages = pages
        self.tabs = QTabWidget(self)
        for title, widget in pages:
            load: Callable[[], object] | None = getattr(widget, "load", None)
            if callable(load):
                load()
            self.tabs.addTab(scrolling(widget, self), title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, (600, 420))

    def accept(self) -> None:
        """Each page keeps its choices; a page that refuses (``apply()`` is False) keeps the dialog open."""
        for n, (_title, widget) in enumerate(self.pages):
            apply: Callable[[], object] | None = getattr(widget, "apply", None)
            if callable(apply) and apply() is False:
                self.tabs.setCurrentIndex(n)
                return
        super().accept()

    def done(self, result: int) -> None:
        for _title, widget in self.pages:  # the pages outlive the dialog: the next one shows them again
            widget.setParent(None)
        super().done(result)


class Preferences(QObject):
    """The window's preferences: the pages the parts added, shown in one dialog."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._pages: list[tuple[str, QWidget]] = []
        self.dialog: PreferencesDialog | None = None

    def add_page(self, title: str, widget: QWidget) -> None:
        self._pages.append((title, widget))

    def titles(self) -> list[str]:
        return [title for title, _ in self._pages]

    def open(self, page: str | None = None) -> PreferencesDialog:
        """Show the dialog (at the page titled ``page``); window-modal, it does not block the caller."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        self.dialog = PreferencesDialog(list(self._pages), self.window)
        if page in self.titles():
            self.dialog.tabs.setCurrentIndex(self.titles().index(page))
        self.dialog.open()
        return self.dialog


class AuthorPage(QWidget):
    """Annotations: the name new annotations are signed with."""

    def __init__(self, get: Callable[[], str], set_: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._get, self._set = get, set_
        self.name = QLineEdit(self)
        self.name.setObjectName("authorName")
        self.name.setPlaceholderText(translate("AuthorPage",
                                               "Your name, as readers of shared annotations should see it"))
        note = QLabel(translate("AuthorPage",
                                "New highlights, notes and regions are signed with this name. It is kept with them "
                                "when "
                      "annotations are exported or shared with a team."), self)
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(translate("AuthorPage", "Author name:"), self.name)
        form.addRow(note)

    def load(self) -> None:
        self.name.setText(self._get())

    def apply(self) -> object:
        self._set(self.name.text())
        return True
