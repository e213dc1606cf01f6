"""Exports of the whole store, with links back to this server and research notes where they can be made."""

from datetime import datetime

from coffeechat import exporting
from coffeechat.app.pages import research_notes
from coffeechat.errors import NotFound
from coffeechat.store import ProspectStore


def export(store: ProspectStore, fmt: str, port: int, now: datetime) -> tuple[str, str, str]:
    """(content, content type, file name) of one export format."""
    return exporting.export(store, fmt, f"http://127.0.0.1:{port}",
                            notes_for=lambda pid: research_notes(store, pid, now), now=now)


def meeting(store: ProspectStore, prospect_id: int, port: int, now: datetime) -> tuple[str, str]:
    """(calendar file, file name) of one prospect's next scheduled meeting."""
    p = store.get(prospect_id)
    content = exporting.meeting_ics(p, f"http://127.0.0.1:{port}", research_notes(store, prospect_id, now))
    if content is None:
        raise NotFound(f"{p.get('full_name') or 'this prospect'} has no meeting scheduled; log one first")
    return content, f"coffeechat-meeting-{prospect_id}.ics"
