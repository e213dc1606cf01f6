"""The one way coffeechat writes a file: owner-only from the start (0600), fsynced, and replaced atomically."""

import errno
import os
from pathlib import Path

FILE_MODE = 0o600


def open_private(path: Path, flags: int) -> int:
    """``os.open`` creating the file 0600 from the start (never readable by others, even briefly)."""
    fd = os.open(path, flags, FILE_MODE)
    fchmod = getattr(os, "fchmod", None)  # not on Windows, where the mode bits mean little
    try:
        if fchmod and os.fstat(fd).st_mode & 0o077:
            fchmod(fd, FILE_MODE)  # a file that existed with looser bits (O_CREAT's mode applies to new files only)
    except OSError:
        pass
    return fd


def append_file(path: Path):
    """A binary file opened for appending, created 0600."""
    return os.fdopen(open_private(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT), "ab")


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to a new or truncated 0600 file and fsync it."""
    with os.fdopen(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
        # A write through a stale file number elsewhere in the process (see webapp.stop_serving) would
        # make this file longer than what was written: refuse it rather than put it in place.
        if os.fstat(f.fileno()).st_size != len(data):
            raise OSError(errno.EIO, f"{path.name} changed while it was being written")


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so a crash leaves the old or the new file, never a torn one."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        write_private(tmp, data)
        os.replace(tmp, path)
    except BaseException:
        # A refused write (disk full, read-only) must not leave half-written temp files behind.
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_dir(path.parent)
