"""File locks of a data folder (portalocker: flock on Linux and macOS, LockFileEx on Windows).

- ``<name>.lock``: held exclusively by the one process that writes (the server, or a CLI command
  that changes data) for as long as it has the store open;
- ``<name>.readlock``: taken exclusively while the writer replaces the snapshot and empties the
  journal (compaction, delete), and shared by readers in other processes (`coffeechat export`,
  `coffeechat backup`) while they read the snapshot and the journal, so a reader never sees a new
  snapshot with an old journal, or an old snapshot with an emptied one.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import portalocker

from coffeechat.errors import StorageError
from coffeechat.store.private import open_private


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
        portalocker.lock(lockfile, portalocker.LOCK_EX | portalocker.LOCK_NB)
    except portalocker.exceptions.LockException:
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
        with self._held(portalocker.LOCK_SH, create=False):
            yield

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Held by the writer while it replaces the snapshot, empties the journal or removes pages."""
        with self._held(portalocker.LOCK_EX, create=True):
            yield

    @contextmanager
    def _held(self, mode: int, create: bool) -> Iterator[None]:
        handle = _open(self.path, create) or (_open(self.path, True) if not create else None)
        if handle is None:
            yield  # cannot lock in a folder nobody can write: nothing changes there
            return
        try:
            portalocker.lock(handle, mode)
            try:
                yield
            finally:
                portalocker.unlock(handle)
        finally:
            handle.close()
