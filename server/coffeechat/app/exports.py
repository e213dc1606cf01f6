"""Exports of the whole store, with links back to this server and research notes where they can be made."""

from datetime import datetime

from coffeechat import exporting
from coffeechat.app.pages import research_notes
from coffeechat.store import ProspectStore


def export(store: ProspectStore, fmt: str, port: int, now: datetime) -> tuple[str, str, str]:
    """(content, content type, file name) of one export format."""
    return exporting.export(store, fmt, f"http://127.0.0.1:{port}",
                            notes_for=lambda pid: research_notes(store, pid, now))
