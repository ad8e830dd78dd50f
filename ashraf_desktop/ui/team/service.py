"""The team sync while the app runs: a worker thread that syncs, then listens for the team's commits
(LISTEN/NOTIFY) or a local change, and syncs again; offline, it retries with a growing pause.

Only created when a team is configured - with none, nothing here runs and nothing connects. The worker
has its own connection to the annotations database (SQLite connections are per thread); the window's own
store sees the pulled changes on its next read, and :attr:`TeamSyncService.pulled` tells it to repaint.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from ...core.team import TeamConfig
from ..i18n import fill, translate

__all__ = ["SyncState", "TeamSyncService"]

log = logging.getLogger(__name__)

#: seconds between retries while the server cannot be reached (then stays at the last)
RETRY_PAUSES = (2, 5, 15, 30, 60, 120)
LISTEN_SLICE = 1.0  # seconds per wait for NOTIFY, so a local change or a stop is seen promptly


@dataclass(frozen=True)
class SyncState:
    """What the status bar shows."""

    phase: str  # "syncing" | "synced" | "offline" | "refused" (bad password, not a member…) | "stopped"
    waiting: int = 0
    conflicts: int = 0
    message: str = ""

    @property
    def label(self) -> str:
        if self.phase == "syncing":
            return translate("SyncState", "Syncing…")
        if self.conflicts:
            return fill(translate("SyncState", "%1 conflict") if self.conflicts == 1 else
                        translate("SyncState", "%1 conflicts"), self.conflicts)
        if self.phase == "offline":
            return fill(translate("SyncState", "Offline · %1 waiting"), self.waiting) if self.waiting else \
                translate("SyncState", "Offline")
        if self.phase == "refused":
            return translate("SyncState", "Team: not connected")
        if self.waiting:
            return fill(translate("SyncState", "%1 waiting"), self.waiting)
        return translate("SyncState", "Synced") if self.phase == "synced" else translate("SyncState", "Team")


class _Worker(QThread):
    state = Signal(object)  # SyncState
    pulled = Signal(int)  # how many changes came in

    def __init__(self, data_dir: Path, config: TeamConfig, password: str | None, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir, self.config, self.password = data_dir, config, password
        self._stop = threading.Event()
        self._poke = threading.Event()

    def stop(self) -> None:
        self._stop.set()
        self._poke.set()

    def poke(self) -> None:
        self._poke.set()

    def _counts(self, store) -> tuple[int, int]:
        from ...core.team import LocalBook
        book = LocalBook(store)
        return book.waiting_count(), book.conflict_count()

    def run(self) -> None:  # noqa: C901 - one loop, read top to bottom
        from ...core.annotations import StoreEnvironmentError, open_store
        from ...core.team import (DriverMissingError, SyncCancelled, TeamServerError, connect, load_driver, sync,
                                  wait_for_change)
        try:
            psycopg = load_driver()
        except DriverMissingError as error:
            self.state.emit(SyncState("stopped", message=fill(translate("_Worker", "Team sync is off: %1"), error)))
            return
        failures = 0
        try:
            store = open_store(self.data_dir)
        except StoreEnvironmentError as error:
            self.state.emit(SyncState("stopped", message=fill(translate("_Worker", "Team sync stopped: %1"), error)))
            return
        try:
            while not self._stop.is_set():
                conn = listener = None
                try:
                    self.state.emit(SyncState("syncing", *self._counts(store)))
                    conn = connect(self.config, self.password)
                    listener = connect(self.config, self.password, autocommit=True)
                    failures = 0
                    while not self._stop.is_set():
                        self._poke.clear()
                        report = sync(store, conn, cancelled=self._stop.is_set)
                        if report.pulled:
                            self.pulled.emit(report.pulled)
                        phase = "synced"
                        message = fill(translate("_Worker", "Synced with %1: %2"), self.config.label, report.summary())
                        if report.refused:
                            message += translate("_Worker", " (the server refused changes to others' annotations: "
                                                            "see Conflicts)")
                        self.state.emit(SyncState(phase, report.waiting, report.conflicts, message))
                        while not self._stop.is_set() and not self._poke.is_set():
                            if wait_for_change(listener, LISTEN_SLICE):
                                break
                except psycopg.OperationalError as error:
                    text = str(error).strip().splitlines()[0] if str(error).strip() else "no answer"
                    bad_login = "password authentication failed" in text or "no password supplied" in text
                    waiting, conflicts = self._counts(store)
                    if bad_login:
                        self.state.emit(SyncState("refused", waiting, conflicts,
                                                  fill(translate("_Worker",
                                                                 "The team server refused the login (%1). Check the "
                                                                 "password in Preferences ▸ Team."), text)))
                        return
                    self.state.emit(SyncState("offline", waiting, conflicts,
                                              fill(translate("_Worker",
                                                             "Team server not reachable (%1); your changes are kept "
                                                             "here and sent when it is back."), text)))
                except (TeamServerError, psycopg.Error) as error:
                    waiting, conflicts = self._counts(store)
                    self.state.emit(SyncState("refused", waiting, conflicts,
                                              fill(translate("_Worker", "Team sync: %1"), error)))
                    if isinstance(error, TeamServerError):
                        return
                except StoreEnvironmentError as error:
                    self.state.emit(SyncState("offline", 0, 0,
                                              fill(translate("_Worker", "Team sync paused: %1"), error)))
                except SyncCancelled:
                    return
                finally:
                    for c in (conn, listener):
                        if c is not None:
                            try:
                                c.close()
                            except Exception:
                                pass
                pause = RETRY_PAUSES[min(failures, len(RETRY_PAUSES) - 1)]
                failures += 1
                self._poke.clear()
                self._poke.wait(pause)
        finally:
            store.close()


_stragglers: set[QThread] = set()  # workers let go by stop(): kept referenced until they finish


class TeamSyncService(QObject):
    """Owns the worker; the window talks to this."""

    state_changed = Signal(object)  # SyncState
    pulled = Signal(int)

    def __init__(self, data_dir: Path, config: TeamConfig, password: str | None, parent: QObject | None = None):
        super().__init__(parent)
        self.config = config
        self.state = SyncState("syncing")
        self._worker = _Worker(Path(data_dir), config, password, self)
        self._worker.state.connect(self._on_state)
        self._worker.pulled.connect(self.pulled)
        self._worker.start()

    def _on_state(self, state: SyncState) -> None:
        self.state = state
        self.state_changed.emit(state)

    def sync_now(self) -> None:
        """A local change was saved, or the user asked: sync as soon as possible."""
        self._worker.poke()

    def stop(self, wait_ms: int = 15000) -> None:
        """Stop syncing; returns once the worker ended (it stops between two batches, or when a connection
        attempt gives up). A worker stuck longer on a dead network is let go, never destroyed running."""
        self._worker.stop()
        if not self._worker.wait(wait_ms):
            log.warning("team sync worker still busy after %d ms; leaving it to finish", wait_ms)
            self._worker.setParent(None)
            _stragglers.add(self._worker)
            self._worker.finished.connect(lambda w=self._worker: _stragglers.discard(w))
