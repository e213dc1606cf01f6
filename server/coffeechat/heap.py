"""How coffeechat uses memory: one C heap for every thread of the server, and a garbage collector
that waits while a store is opened.

One C heap (glibc's malloc; elsewhere nothing changes):

glibc gives each thread that allocates its own arena, and memory freed in an arena stays reserved
by it. The server's worker threads each parse multi-megabyte LinkedIn pages (lxml allocates
through malloc), so every thread kept tens of megabytes of freed parse trees: at 50,000
prospects, 17 captures raised the server's resident memory by 46 MB with per-thread arenas and
by 9 MB with one (bench/: 310 → 283 MB after a capture, list, search and Today run). The
allocator lock this shares costs nothing that matters for one person's local server.
"""

import ctypes
import gc
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

_M_ARENA_MAX = -8  # from glibc's <malloc.h>


def share_one_heap() -> bool:
    """Ask glibc to serve every thread from one arena; True when it did. Call before threads start."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # a C library without mallopt
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt(_M_ARENA_MAX, 1) == 1


# Python's cyclic collector walks every tracked object each time the long-lived ones have grown by a
# quarter. Opening a 50,000-prospect store builds hundreds of thousands of containers that all stay,
# so it walked them again and again: paused, the open took 9.1-10.0 instead of 9.8-10.8 s of CPU
# (bench/ data, the two opened in turn in one process). Reference counting frees the rest meanwhile.
_pause_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large, long-lived structure is built (nests)."""
    global _pauses, _was_enabled
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()

