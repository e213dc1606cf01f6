"""Owner-only files: the data folder is 0700 and everything in it 0600, whatever the umask or an older version left."""

import os
import stat
from pathlib import Path

# The file helpers live in coffeechat.files (pairing and templates write files too); imported here for the store.
from coffeechat.files import FILE_MODE, append_file, atomic_write_bytes, fsync_dir, open_private, write_private  # noqa: F401

FOLDER_MODE = 0o700


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
