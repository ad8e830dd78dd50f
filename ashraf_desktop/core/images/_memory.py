"""Give the memory of a large decode back to the system, so a gallery scrolled through 10,000 photos stays small.

Decoding a 15 MP progressive JPEG, even in draft mode, makes libjpeg hold every DCT coefficient of the
file (about 3 bytes per pixel: 45 MB) until the end of the decode. Those buffers are freed at once, but
glibc's allocator keeps freed memory in the worker thread's arena for reuse, and raises its mmap threshold
after each large free, so the next large buffer comes from the arena as well. Scrolling through 10,000
photos with two workers measured 290 MB resident, 155 MB of it free memory that ``malloc_trim(0)`` returns
to the system. :func:`release_decode_memory` does that after a decode of a large image, at most every
``interval`` seconds (a trim costs 0.1-0.3 ms); on a C library without ``malloc_trim`` (macOS, Windows, musl) it does nothing.
"""

from __future__ import annotations

import ctypes
import sys
import threading
import time

__all__ = ["release_decode_memory", "TRIM_MIN_PIXELS"]

#: decodes of images at least this large are followed by a trim (a camera photo; not a small PNG)
TRIM_MIN_PIXELS = 2_000_000

_lock = threading.Lock()
_last = 0.0
_trim = None
if sys.platform.startswith("linux"):
    try:
        # the process's own symbols, which hold the C library's: no search for libc (find_library("c") runs
        # `ldconfig -p` in a subprocess at import, before the window is shown)
        _libc = ctypes.CDLL(None)
        _trim = _libc.malloc_trim  # glibc only
        _trim.argtypes = [ctypes.c_size_t]
        _trim.restype = ctypes.c_int
    except (OSError, AttributeError):
        _trim = None


def release_decode_memory(pixels: int, *, interval: float = 0.0) -> bool:
    """Return freed heap memory to the system after decoding ``pixels`` pixels; True when it trimmed."""
    global _last
    if _trim is None or pixels < TRIM_MIN_PIXELS:
        return False
    now = time.monotonic()
    with _lock:
        if now - _last < interval:
            return False
        _last = now
    _trim(0)  # releases the GIL (a ctypes call); takes ~1 ms
    return True
