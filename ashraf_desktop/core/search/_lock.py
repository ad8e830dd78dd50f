"""The inter-process writer lock of one archive's index (``writer.lock`` in its home folder).

Only writers take it: a generation's files never change once written and ``CURRENT`` is replaced
atomically, so readers need no lock. An OS lock (``flock`` / ``msvcrt``) is used, so a killed holder never
blocks anyone; the holder's pid is written inside, and finding a dead pid there tells us that a writer was
killed (reported as a notice). A folder where the lock file cannot be created (a read-only disk, no
permission) raises :class:`ReadOnlyHome`: the index is then used read-only.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
import time
from pathlib import Path

from ._types import SearchError

__all__ = ["FileLock", "ReadOnlyHome", "LOCK_TIMEOUT_S", "READ_ONLY_ERRNOS"]

LOCK_TIMEOUT_S = 120.0
#: OS errors that mean "this folder cannot be written here" rather than damage
READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


class ReadOnlyHome(SearchError):
    """The index's folder cannot be written (read-only disk or folder, no permission)."""


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # cannot tell cheaply; the OS lock decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class FileLock:
    """An OS file lock with the holder's pid written inside, re-entrant within one object."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._depth = 0
        self._mutex = threading.RLock()

    def _try_lock(self, fd: int) -> bool:
        if os.name == "posix":
            import fcntl
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                return False
            except OSError:  # a file system without flock: fall back to the pid in the file
                return True
        import msvcrt  # pragma: no cover - Windows
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _open(self) -> int:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            if exc.errno in READ_ONLY_ERRNOS:
                raise ReadOnlyHome(f"the folder {self.path.parent} cannot be written ({exc.strerror})") from exc
            raise

    def acquire(self, timeout: float | None = None) -> bool:
        """Take the lock (re-entrant in this object); True if a dead holder's lock was found and cleared."""
        timeout = LOCK_TIMEOUT_S if timeout is None else timeout
        self._mutex.acquire()
        if self._depth:
            self._depth += 1
            return False
        try:
            fd = self._open()
        except BaseException:
            self._mutex.release()
            raise
        deadline = time.monotonic() + timeout
        while not self._try_lock(fd):
            if time.monotonic() > deadline:
                os.close(fd)
                self._mutex.release()
                raise SearchError("another program has been updating the search index for too long; "
                                  "close it and try again")
            time.sleep(0.05)
        stale = False
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            previous = os.read(fd, 64).decode("ascii", "replace").strip()
            if previous:
                pid = int(previous.split()[0]) if previous.split()[0].isdigit() else -1
                stale = not _pid_alive(pid) or pid == -1
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except OSError:
            pass
        self._fd = fd
        self._depth = 1
        return stale

    def release(self) -> None:
        try:
            if self._depth > 1:
                self._depth -= 1
                return
            fd, self._fd, self._depth = self._fd, None, 0
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
                if os.name == "posix":
                    import fcntl
                    with contextlib.suppress(OSError):
                        fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
        finally:
            self._mutex.release()
