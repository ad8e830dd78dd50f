"""The team in the window (docs/team.md): Edit ▸ Team… (Preferences ▸ Team), the sync state in the
status bar (Synced / Offline / N waiting / N conflicts) and the Conflicts window.

``install_team(window)`` is called once the annotations are installed. With no team configured it adds
the menu entry only: no thread, no keyring, no database driver, no connection.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QInputDialog, QLineEdit, QToolButton

from ...core.annotations import open_store
from ...core.team import TeamConfig, load_config
from .conflicts import ConflictsDialog
from .preferences import TeamPreferencesDialog, TeamPreferencesPage
from .service import SyncState, TeamSyncService
from ..i18n import fill, translate

__all__ = ["install_team", "TeamUi", "SyncStatusButton", "ConflictsDialog", "TeamPreferencesPage",
           "TeamPreferencesDialog", "SyncState", "TeamSyncService"]

log = logging.getLogger(__name__)


class SyncStatusButton(QToolButton):
    """The status bar's word on the team sync; click: the Conflicts window (or sync now)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("teamSyncStatus")
        self.setAccessibleName(translate("SyncStatusButton", "Team sync"))
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.hide()

    def show_state(self, state: SyncState) -> None:
        from .. import look
        needs_eye = bool(state.conflicts) or state.phase in ("refused", "stopped")
        self.setIcon(look.icon("triangle-alert") if needs_eye else QIcon())
        self.setText(state.label)
        self.setToolTip(state.message or state.label)
        self.setProperty("phase", state.phase)
        self.setVisible(True)


class TeamUi(QObject):
    """Everything team in one window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.service: TeamSyncService | None = None
        self.status = SyncStatusButton(window)
        self.status.clicked.connect(self._status_clicked)
        window.status.add_permanent(self.status)
        self.conflicts_dialog: ConflictsDialog | None = None
        self.preferences_dialog: TeamPreferencesDialog | None = None
        self._password_dialog: QInputDialog | None = None
        self._unsubscribe = None
        window.installEventFilter(self)
        controller = getattr(window, "annotations", None)
        store = getattr(controller, "store", None)
        if store is not None:  # local saves (this window's store only) wake the sync at once
            self._unsubscribe = store.subscribe(lambda _changes: self.service and self.service.sync_now())
        config = load_config(window.dirs.config)
        if config is not None:
            self.start(config)

    # --- life ------------------------------------------------------------------------------------------
    def start(self, config: TeamConfig, password: str | None = None) -> None:
        self.stop()
        self.status.show_state(SyncState("syncing"))
        if password is None and config.remember_password:
            from ...core.team.secrets import get_password
            password = get_password(config.url, config.user)
        if password is None and not os.environ.get("PGPASSWORD"):
            self._ask_password(config)
            return
        self._run(config, password)

    def _ask_password(self, config: TeamConfig) -> None:
        dialog = QInputDialog(self.window)
        dialog.setObjectName("teamPasswordDialog")
        dialog.setWindowTitle(translate("TeamUi", "Team server"))
        dialog.setLabelText(fill(translate("TeamUi", "Password for %1:"), config.label))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.textValueSelected.connect(lambda text: self._run(config, text or None))
        dialog.rejected.connect(lambda: self.status.show_state(
            SyncState("refused",
                      message=translate("TeamUi", "Team sync is off until the password is given (Edit ▸ Team…)."))))
        dialog.open()
        self._password_dialog = dialog

    def _run(self, config: TeamConfig, password: str | None) -> None:
        self.service = TeamSyncService(self.window.dirs.data, config, password, self)
        self.service.state_changed.connect(self._state)
        self.service.pulled.connect(self._pulled)

    def stop(self) -> None:
        if self.service is not None:
            self.service.stop()
            self.service.deleteLater()
            self.service = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop()
            if self._unsubscribe is not None:
                self._unsubscribe()
                self._unsubscribe = None
        return False

    # --- what the worker says --------------------------------------------------------------------------
    def _state(self, state: SyncState) -> None:
        self.status.show_state(state)
        if state.phase in ("refused", "stopped") and state.message:
            self.window.show_message(state.message, 15000)
        if self.conflicts_dialog is not None and self.conflicts_dialog.isVisible():
            self.conflicts_dialog.reload()

    def _pulled(self, _count: int) -> None:
        controller = getattr(self.window, "annotations", None)
        if controller is not None:
            controller._counts = None
            controller.changed.emit(None)
            controller.sync_search()

    # --- user ------------------------------------------------------------------------------------------
    def _status_clicked(self) -> None:
        state = self.service.state if self.service else None
        if state is not None and not state.conflicts and state.phase != "refused":
            self.service.sync_now()
            return
        if state is not None and state.phase == "refused" and not state.conflicts:
            self.edit_preferences()
            return
        self.show_conflicts()

    def show_conflicts(self) -> ConflictsDialog:
        if self.conflicts_dialog is None:
            controller = getattr(self.window, "annotations", None)
            self.conflicts_dialog = ConflictsDialog(lambda: open_store(self.window.dirs.data),
                                                    lambda: controller.author if controller else "", self.window)
            self.conflicts_dialog.resolved.connect(self._resolved)
        else:
            self.conflicts_dialog.reload()
        self.conflicts_dialog.show()
        self.conflicts_dialog.raise_()
        return self.conflicts_dialog

    def _resolved(self) -> None:
        self._pulled(0)
        if self.service is not None:
            self.service.sync_now()

    def edit_preferences(self) -> TeamPreferencesDialog:
        dialog = TeamPreferencesDialog(self.window.dirs.config, self.window)
        dialog.applied.connect(self._preferences_applied)
        dialog.open()
        self.preferences_dialog = dialog
        return dialog

    def _preferences_applied(self, config: TeamConfig | None, password: str | None) -> None:
        if config is None:
            self.stop()
            self.status.hide()
            self.window.show_message(translate("TeamUi", "Team sync is off; your annotations stay on this computer."),
                                     8000)
            return
        self.start(config, password)


def install_team(window: Any) -> TeamUi:
    """The team sync's window side; the window keeps the returned object (``window.team``)."""
    ui = TeamUi(window)
    window.menus.add("team", translate("team", "&Team…"), ui.edit_preferences, None, None,
                     translate("team",
                               "Preferences ▸ Team: share annotations through a team "
                               "server"), menu="edit", section="preferences")
    window.menus.add("team_conflicts", translate("team", "Team &conflicts…"), ui.show_conflicts, menu="edit",
                     section="preferences")
    page = TeamPreferencesPage(window.dirs.config)  # Edit ▸ Preferences… holds it as a page too
    page.applied.connect(ui._preferences_applied)
    window.preferences.add_page(translate("team", "Team"), page)
    return ui
