"""Owner-only files: the data folder is 0700 and everything in it 0600, whatever the umask or an older version left."""

import os
import stat
from pathlib import Path

FOLDER_MODE, FILE_MODE = 0o700, 0o600


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


def secure_folder(folder: Path) -> str | None:
    """Make ``folder`` 0700 and everything in it owner-only; one line saying so when it was looser, else None."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    loose: list[str] = []
    for path in [folder, *folder.rglob("*")]:
        try:
            st = path.lstat()
        except OSError:
            continue
        if stat.S_ISLNK(st.st_mode):
            continue  # chmod would follow the link out of the data folder
        mode = stat.S_IMODE(st.st_mode)
        if mode & 0o077:
            loose.append(f"{mode:04o}")
            try:
                os.chmod(path, mode & 0o700)  # others lose every right; the owner keeps theirs (a read-only folder stays so)
            except OSError:
                return f"{folder} can be read by other users and its permissions could not be tightened"
    if not loose:
        return None
    return (f"{folder} was readable by other users ({len(loose)} item(s), e.g. mode {loose[0]}); "
            "made it owner-only (folder 0700, files 0600)")


def loose_items(folder: Path) -> list[str]:
    """Paths under ``folder`` (itself included) that other users can read or change (for `coffeechat doctor`)."""
    found = []
    for path in [folder, *folder.rglob("*")]:
        try:
            st = path.lstat()
        except OSError:
            continue
        if not stat.S_ISLNK(st.st_mode) and stat.S_IMODE(st.st_mode) & 0o077:
            found.append(f"{path} ({stat.S_IMODE(st.st_mode):04o})")
    return found


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
