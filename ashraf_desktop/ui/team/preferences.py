"""Preferences ▸ Team: the server address, the user (database role), and where the password lives.

``TeamPreferencesPage`` is a plain QWidget so a tabbed Preferences dialog can hold it;
``TeamPreferencesDialog`` shows it alone. Saving writes ``<config>/team.toml`` (core.team.config), the
same file the command line reads. Leaving the address empty and saving stops syncing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from ...core.team import TeamConfig, load_config, remove_config, save_config
from ..i18n import fill, translate

__all__ = ["TeamPreferencesPage", "TeamPreferencesDialog", "ConnectionTest"]


class ConnectionTest(QThread):
    """Connect once with what was typed and say, in words, who that is on the server (off the GUI thread:
    an unreachable server takes the connection time-out to answer)."""

    answered = Signal(bool, str)  # ok, what to show

    def __init__(self, config: TeamConfig, password: str | None, parent=None) -> None:
        super().__init__(parent)
        self.config, self.password = config, password

    def run(self) -> None:
        from ...core.team import DriverMissingError, TeamServerError, connect, load_driver, server_info
        try:
            psycopg = load_driver()
            with connect(self.config, self.password) as conn:
                info = server_info(conn)
        except DriverMissingError as error:
            self.answered.emit(False, str(error))
        except TeamServerError as error:
            self.answered.emit(False, fill(translate("ConnectionTest", "Connected, but: %1."), error))
        except psycopg.Error as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else "no answer"
            self.answered.emit(False, fill(translate("ConnectionTest", "Not connected: %1."), first))
        else:
            what = translate("ConnectionTest", "an editor (may change anyone's annotations)") if info.is_editor \
                else translate("ConnectionTest", "an archivist")
            self.answered.emit(True,
                               fill(translate("ConnectionTest", "Connected: %1 is %2 of the team in %3."), info.role,
                                    what, info.database))


class TeamPreferencesPage(QWidget):
    """The page; a Preferences dialog that holds it calls :meth:`apply` on OK (False: keep the dialog open,
    the page shows why). ``applied`` carries the saved config (None: no team) and a typed password."""

    applied = Signal(object, object)

    def __init__(self, config_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPreferences")
        self.config_dir = Path(config_dir)
        config = load_config(self.config_dir)
        intro = QLabel(translate("TeamPreferencesPage",
                                 "Share annotations with your team through a PostgreSQL server (docs/team.md). "
                       "Leave the address empty to work alone: the app then connects to nothing."), self)
        intro.setWordWrap(True)
        self.url = QLineEdit(config.url if config else "", self)
        self.url.setObjectName("teamUrl")
        self.url.setPlaceholderText(translate("TeamPreferencesPage", "postgresql://server.example/archive"))
        self.user = QLineEdit(config.user if config else "", self)
        self.user.setObjectName("teamUser")
        self.user.setPlaceholderText(translate("TeamPreferencesPage", "your user name on the server"))
        self.password = QLineEdit(self)
        self.password.setObjectName("teamPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(translate("TeamPreferencesPage", "unchanged") if config else "")
        self.remember = QCheckBox(translate("TeamPreferencesPage", "Keep the password in the system keyring"), self)
        self.remember.setChecked(config.remember_password if config else True)
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("teamError")
        self.error.setWordWrap(True)
        self.test_button = QPushButton(translate("TeamPreferencesPage", "Test connection"), self)
        self.test_button.setObjectName("teamTest")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("teamTestResult")
        self.test_result.setWordWrap(True)
        self._test: ConnectionTest | None = None
        form = QFormLayout()
        form.addRow(translate("TeamPreferencesPage", "Server:"), self.url)
        form.addRow(translate("TeamPreferencesPage", "User:"), self.user)
        form.addRow(translate("TeamPreferencesPage", "Password:"), self.password)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
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
                self.keyring_note.setText(translate("TeamPreferencesPage",
                                                    "No system keyring is available here: the app will ask for the "
                                          "password once each time it starts."))

    def test_connection(self) -> ConnectionTest | None:
        """Try what is typed (the saved password when none is typed); the answer shows beside the button."""
        try:
            config = TeamConfig(self.url.text().strip(), self.user.text().strip()).check()
        except ValueError as error:
            self.test_result.setText(f"{str(error).capitalize()}.")
            return None
        password = self.typed_password()
        if password is None:
            from ...core.team.secrets import get_password
            password = get_password(config.url, config.user)
        self.test_button.setEnabled(False)
        self.test_result.setText(translate("TeamPreferencesPage", "Connecting…"))
        self._test = ConnectionTest(config, password, self)
        self._test.answered.connect(self._tested)
        self._test.start()
        return self._test

    def _tested(self, ok: bool, text: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(("✓ " if ok else "") + text)

    def finish_test(self) -> None:
        """Let a test still connecting end (at most the connection time-out) before the page can go away."""
        if self._test is not None:
            self._test.wait(10_000)

    def apply(self) -> TeamConfig | None | bool:
        """Save; returns the new config, None for "no team", or False when the input is wrong (shown)."""
        url, user = self.url.text().strip(), self.user.text().strip()
        if not url:
            old = load_config(self.config_dir)
            if old is not None:
                from ...core.team.secrets import delete_password
                delete_password(old.url, old.user)
            remove_config(self.config_dir)
            self.applied.emit(None, None)
            return None
        config = TeamConfig(url, user, self.remember.isChecked() and self.remember.isEnabled())
        try:
            save_config(self.config_dir, config)
        except ValueError as error:
            self.error.setText(fill(translate("TeamPreferencesPage", "Not saved: %1."), error))
            return False
        if self.password.text():
            if config.remember_password:
                from ...core.team.secrets import set_password
                set_password(config.url, config.user, self.password.text())
        self.error.clear()
        self.applied.emit(config, self.typed_password())
        return config

    def typed_password(self) -> str | None:
        return self.password.text() or None


class TeamPreferencesDialog(QDialog):
    """The page alone in a dialog (Edit ▸ Team…)."""

    def __init__(self, config_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPreferencesDialog")
        self.setWindowTitle(translate("TeamPreferencesDialog", "Preferences ▸ Team"))
        self.page = TeamPreferencesPage(config_dir, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _result: self.page.finish_test())
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
        self.resize(520, 300)

    @property
    def applied(self):
        return self.page.applied

    def _save(self) -> None:
        if self.page.apply() is not False:
            self.accept()
