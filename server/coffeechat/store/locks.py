"""File locks of a data folder: flock on Linux and macOS, portalocker (LockFileEx) on Windows.

- ``<name>.lock``: held exclusively by the one process that writes (the server, or a CLI command
  that changes data) for as long as it has the store open;
- ``<name>.readlock``: taken exclusively while the writer replaces the snapshot and empties the
  journal (compaction, delete), and shared by readers in other processes (`coffeechat export`,
  `coffeechat backup`) while they read the snapshot and the journal, so a reader never sees a new
  snapshot with an old journal, or an old snapshot with an emptied one.
"""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from coffeechat.errors import StorageError
from coffeechat.store.private import open_private

if sys.platform != "win32":
    import fcntl

    SHARED, EXCLUSIVE, NOWAIT = fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB
    Busy = BlockingIOError  # what flock raises when another process holds the lock

    def _lock(handle: IO[bytes], mode: int) -> None:
        fcntl.flock(handle, mode)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)
else:  # Windows: the same shared/exclusive semantics through portalocker
    import portalocker

    SHARED, EXCLUSIVE, NOWAIT = portalocker.LOCK_SH, portalocker.LOCK_EX, portalocker.LOCK_NB
    Busy = portalocker.exceptions.LockException  # type: ignore[misc,assignment]
    _lock, _unlock = portalocker.lock, portalocker.unlock  # type: ignore[assignment]


def _open(path: Path, create: bool) -> IO[bytes] | None:
    try:
        return os.fdopen(open_private(path, os.O_RDWR | (os.O_CREAT if create else 0)), "r+b")
    except OSError:
        pass
    try:
        return open(path, "rb")  # a read-only folder: nobody can be writing there either
    except OSError:
        return None


def writer_lock(path: Path) -> IO[bytes]:
    """Take the one-writer lock of a data folder, or raise StorageError saying who holds it."""
    try:
        lockfile = os.fdopen(open_private(path, os.O_RDWR | os.O_CREAT), "r+b")
    except OSError as exc:
        raise StorageError(f"cannot write in {path.parent}: {exc.strerror or exc}") from None
    try:
        _lock(lockfile, EXCLUSIVE | NOWAIT)
    except (OSError, Busy):
        lockfile.close()
        raise StorageError(
            f"another coffeechat process (the server?) is using {path.parent}; "
            "stop it first, or do this through the running server") from None
    return lockfile


class ReadLock:
    """The shared/exclusive lock that keeps readers in other processes off a half-done compaction."""

    def __init__(self, path: Path):
        self.path = path

    @contextmanager
    def shared(self) -> Iterator[None]:
        """Held while another process reads the snapshot and the journal."""
        with self._held(SHARED, create=False):
            yield

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Held by the writer while it replaces the snapshot, empties the journal or removes pages."""
        with self._held(EXCLUSIVE, create=True):
            yield

    @contextmanager
    def _held(self, mode: int, create: bool) -> Iterator[None]:
        handle = _open(self.path, create) or (_open(self.path, True) if not create else None)
        if handle is None:
            yield  # cannot lock in a folder nobody can write: nothing changes there
            return
        try:
            _lock(handle, mode)
            try:
                yield
            finally:
                _unlock(handle)
        finally:
            handle.close()
