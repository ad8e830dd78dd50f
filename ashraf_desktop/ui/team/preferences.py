"""Preferences ▸ Team: the server address, the user (database role), and where the password lives.

``TeamPreferencesPage`` is a plain QWidget so a tabbed Preferences dialog can hold it;
``TeamPreferencesDialog`` shows it alone. Saving writes ``<config>/team.toml`` (core.team.config), the
same file the command line reads. Leaving the address empty and saving stops syncing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from ...core.team import TeamConfig, load_config, remove_config, save_config

__all__ = ["TeamPreferencesPage", "TeamPreferencesDialog"]


class TeamPreferencesPage(QWidget):
    def __init__(self, config_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPreferences")
        self.config_dir = Path(config_dir)
        config = load_config(self.config_dir)
        intro = QLabel("Share annotations with your team through a PostgreSQL server (docs/team.md). "
                       "Leave the address empty to work alone: the app then connects to nothing.", self)
        intro.setWordWrap(True)
        self.url = QLineEdit(config.url if config else "", self)
        self.url.setObjectName("teamUrl")
        self.url.setPlaceholderText("postgresql://server.example/archive")
        self.user = QLineEdit(config.user if config else "", self)
        self.user.setObjectName("teamUser")
        self.user.setPlaceholderText("your user name on the server")
        self.password = QLineEdit(self)
        self.password.setObjectName("teamPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("unchanged" if config else "")
        self.remember = QCheckBox("Keep the password in the system keyring", self)
        self.remember.setChecked(config.remember_password if config else True)
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("teamError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Server:", self.url)
        form.addRow("User:", self.user)
        form.addRow("Password:", self.password)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._keyring_checked = False

    def showEvent(self, event) -> None:  # the keyring is looked at only when someone opens this page
        super().showEvent(event)
        if not self._keyring_checked:
            from ...core.team.secrets import keyring_available
            self._keyring_checked = True
            if not keyring_available():
                self.remember.setChecked(False)
                self.remember.setEnabled(False)
                self.keyring_note.setText("No system keyring is available here: the app will ask for the "
                                          "password once each time it starts.")

    def apply(self) -> TeamConfig | None | bool:
        """Save; returns the new config, None for "no team", or False when the input is wrong (shown)."""
        url, user = self.url.text().strip(), self.user.text().strip()
        if not url:
            old = load_config(self.config_dir)
            if old is not None:
                from ...core.team.secrets import delete_password
                delete_password(old.url, old.user)
            remove_config(self.config_dir)
            return None
        config = TeamConfig(url, user, self.remember.isChecked() and self.remember.isEnabled())
        try:
            save_config(self.config_dir, config)
        except ValueError as error:
            self.error.setText(f"Not saved: {error}.")
            return False
        if self.password.text():
            if config.remember_password:
                from ...core.team.secrets import set_password
                set_password(config.url, config.user, self.password.text())
        self.error.clear()
        return config

    def typed_password(self) -> str | None:
        return self.password.text() or None


class TeamPreferencesDialog(QDialog):
    applied = Signal(object, object)  # TeamConfig | None, the typed password (None if not typed)

    def __init__(self, config_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPreferencesDialog")
        self.setWindowTitle("Preferences ▸ Team")
        self.page = TeamPreferencesPage(config_dir, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def _save(self) -> None:
        result = self.page.apply()
        if result is False:
            return
        self.applied.emit(result, self.page.typed_password())
        self.accept()
