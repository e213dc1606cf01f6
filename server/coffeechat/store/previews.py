"""Import previews: an uploaded file kept owner-only between the dashboard's preview and confirm steps.

A preview holds someone's data, so it lives only briefly: it is removed when confirmed or
cancelled, after ``TTL_S`` seconds, on every start, and whenever a prospect is deleted.
"""

import secrets
import threading
import time
from pathlib import Path

from coffeechat.store.private import write_private

PREFIX = "pending-import-"
TTL_S = 15 * 60


class Previews:
    """The pending import previews of one data folder."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, name: str) -> Path | None:
        return self.folder / f"{PREFIX}{name}" if name and name.isalnum() else None

    def write(self, text: str) -> str:
        """Keep ``text`` until it is confirmed, cancelled or abandoned; returns its name."""
        self.drop(older_than=TTL_S)
        name = secrets.token_hex(8)
        write_private(self.folder / f"{PREFIX}{name}", text.encode("utf-8"))
        timer = threading.Timer(TTL_S + 1, self.drop, kwargs={"older_than": TTL_S})
        timer.daemon = True
        timer.start()
        return name

    def read(self, name: str | None) -> str | None:
        """The text of a preview still pending, else None."""
        self.drop(older_than=TTL_S)
        path = self._path(name or "")
        try:
            return path.read_text(encoding="utf-8") if path else None
        except OSError:
            return None

    def remove(self, name: str | None) -> None:
        path = self._path(name or "")
        if path:
            path.unlink(missing_ok=True)

    def drop(self, older_than: float | None = None) -> None:
        """Remove every preview, or only those older than ``older_than`` seconds."""
        limit = time.time() - older_than if older_than is not None else None
        for path in self.folder.glob(f"{PREFIX}*"):
            try:
                if limit is None or path.stat().st_mtime < limit:
                    path.unlink()
            except OSError:
                pass
