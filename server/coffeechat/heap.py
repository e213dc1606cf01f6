"""One C heap for every thread of the long-running server (glibc's malloc; elsewhere nothing changes).

glibc gives each thread that allocates its own arena, and memory freed in an arena stays reserved
by it. The server's worker threads each parse multi-megabyte LinkedIn pages (lxml allocates
through malloc), so every thread kept tens of megabytes of freed parse trees: at 50,000
prospects, 17 captures raised the server's resident memory by 46 MB with per-thread arenas and
by 9 MB with one (bench/: 310 → 283 MB after a capture, list, search and Today run). The
allocator lock this shares costs nothing that matters for one person's local server.
"""

import ctypes
import sys

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
