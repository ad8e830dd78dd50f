"""The Qt layer: widgets, models, delegates and workers over the core. Holds no data logic of its own.

Importing this package first applies :func:`_guard_none_refcount` (see there): every module that touches Qt
lives under this package, so the guard is in place before any Qt call.
"""

from __future__ import annotations

import ctypes
import sys


def _guard_none_refcount() -> bool:
    """Work around PySide6 6.12.0 on Python < 3.12 releasing a reference to ``None`` on each void call.

    With PySide6 6.12.0 and CPython 3.11, every call of a Qt method that returns nothing (``setText``,
    ``processEvents``, ``setObjectName``…) decrements ``None``'s reference count without having incremented
    it (harmless on 3.12+, where ``None`` is immortal). After some thousands of calls the count reaches zero
    and the interpreter aborts with "Fatal Python error: none_dealloc". The guard measures whether the bug is
    present and, if so, raises ``None``'s count by 2**40 once - what 3.12's immortal objects do - so that it
    can never reach zero (likewise ``True`` and ``False``). Returns True when it had to act.
    """
    if sys.version_info >= (3, 12) or getattr(sys, "_ashraf_none_guard", False):
        return False
    from PySide6.QtCore import QObject
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    leaked = before - sys.getrefcount(None)
    del probe
    sys._ashraf_none_guard = True  # type: ignore[attr-defined]
    if leaked < 8:
        return False
    # None is what the measured bug hits; True and False were seen hit too ("bool_dealloc" at exit)
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    return True


NONE_GUARD_APPLIED = _guard_none_refcount()
