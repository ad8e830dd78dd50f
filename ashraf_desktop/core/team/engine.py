"""One sync run: settle pushes left in flight, then pull and push until nothing waits.

Every step is one transaction on one side; the order makes any interruption harmless:

1. pushes recorded as in flight by an earlier run are looked up in the server's history by their keys:
   landed ones become the pristine copy, the rest are simply waiting again;
2. pull: the server's rows after the local cursor, in batches; each batch is merged and the cursor moved in
   one local commit (a batch cut short is fetched again);
3. push: waiting changes get keys, recorded locally (commit) *before* the server sees them; the server
   applies the batch in one transaction; the outcomes are recorded locally (commit). Changes the server
   found stale (someone else's revision came first) are merged by the next pull and pushed again.

Killed between any two steps, or with the server gone, the next run starts from step 1 and ends in the
same state: nothing lost, nothing applied twice.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..annotations import AnnotationStore
from .local import LocalBook
from .server import CHANNEL, ServerInfo, fetch_changes, has_revision, landed_keys, push, server_info

if TYPE_CHECKING:
    import psycopg

__all__ = ["SyncReport", "SyncCancelled", "sync", "wait_for_change", "checkpoint", "CHECKPOINT_ENV"]


class SyncCancelled(Exception):
    """The caller asked the run to stop (the window is closing); it stopped between two commits."""

#: Fault-injection points for the crash tests (tests/team): with this variable naming a folder, a run
#: reaching point P writes ``P.reached`` there and waits until ``P.go`` appears. Unset: no effect.
CHECKPOINT_ENV = "ASHRAF_TEAM_CHECKPOINTS"


def checkpoint(name: str) -> None:
    folder = os.environ.get(CHECKPOINT_ENV)
    if not folder:
        return
    base = Path(folder)
    if not (base / f"{name}.armed").exists():
        return
    (base / f"{name}.reached").write_text(str(os.getpid()))
    while not (base / f"{name}.go").exists():
        time.sleep(0.01)


def _now() -> str:
    moment = datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass
class SyncReport:
    server: ServerInfo | None = None
    pushed: int = 0
    pulled: int = 0
    merged: int = 0
    settled: int = 0  # pushes of an interrupted run found landed
    new_conflicts: list[str] = field(default_factory=list)
    refused: int = 0
    waiting: int = 0  # still not on the server after this run (refused ones included)
    conflicts: int = 0  # annotations with alternatives to choose from, or refused changes
    reset: bool = False  # this data folder was tied to another server or role before

    def summary(self) -> str:
        parts = [f"{self.pushed} sent", f"{self.pulled} received"]
        if self.merged:
            parts.append(f"{self.merged} merged")
        if self.conflicts:
            parts.append(f"{self.conflicts} conflict{'s' * (self.conflicts != 1)} to resolve")
        if self.waiting:
            parts.append(f"{self.waiting} waiting")
        return ", ".join(parts)


def sync(store: AnnotationStore, conn: "psycopg.Connection", *, batch: int = 500,
         clock: Callable[[], str] = _now, cancelled: Callable[[], bool] = lambda: False) -> SyncReport:
    """Run one sync of ``store`` with the team database ``conn`` is connected to. ``cancelled`` is asked
    between batches; when it says yes the run ends with :class:`SyncCancelled` (every step before it
    committed, the rest done by the next run)."""
    def check() -> None:
        if cancelled():
            raise SyncCancelled()

    report = SyncReport()
    info = server_info(conn)
    report.server = info
    book = LocalBook(store)
    report.reset = book.bind(info.server_id, info.role)
    mark = book.cursor_mark
    if book.cursor and mark and not has_revision(conn, book.cursor, mark):
        book.forget()  # the server went back in time (restored from a backup): merge everything again by id
        report.reset = True
    in_flight = book.in_flight()
    if in_flight:
        landed = landed_keys(conn, in_flight)
        book.settle(landed)
        report.settled = len(landed)
    rounds = 0
    while True:
        rounds += 1
        _pull(book, conn, report, batch, info.role, clock, check)
        check()
        pending = book.pending(limit=batch)
        if not pending or rounds > 1000:
            break
        outgoing = book.begin_push(pending)
        checkpoint("push-recorded")
        outcome = push(conn, outgoing)
        checkpoint("push-committed")
        book.settle(outcome.landed, refused=outcome.refused, stale=outcome.stale)
        report.pushed += len(outcome.landed)
        report.refused += len(outcome.refused)
    report.waiting = book.waiting_count()
    report.conflicts = book.conflict_count()
    return report


def _pull(book: LocalBook, conn, report: SyncReport, batch: int, role: str, clock: Callable[[], str],
          check: Callable[[], None]) -> None:
    while True:
        check()
        rows = fetch_changes(conn, book.cursor, batch)
        if not rows:
            return
        checkpoint("pull-fetched")
        result = book.apply_pulled(rows, rows[-1].revision, me=role, now=clock())
        report.pulled += result.applied + result.merged
        report.merged += result.merged
        report.new_conflicts += result.conflicts
        checkpoint("pull-applied")
        if len(rows) < batch:
            return


def wait_for_change(conn: "psycopg.Connection", timeout: float) -> bool:
    """Block up to ``timeout`` seconds for another member's commit (LISTEN/NOTIFY on a connection in
    autocommit mode kept for this). True when one arrived."""
    if not getattr(conn, "_ashraf_listening", False):
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        conn._ashraf_listening = True  # type: ignore[attr-defined]
    for _ in conn.notifies(timeout=timeout, stop_after=1):
        return True
    return False
