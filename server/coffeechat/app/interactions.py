"""What the user does with prospects: log an interaction, edit, act on many at once (deletes: app/undo.py)."""

from typing import Any

from coffeechat.app import log
from coffeechat.errors import BadInput
from coffeechat.store import ProspectStore


def record(store: ProspectStore, prospect_id: int, action: str, data: dict[str, Any]) -> dict[str, Any]:
    """Log an interaction, move the stage it implies, and link a referral; returns the prospect."""
    # Dated when it happened, the stage change with it (app/log.py).
    return log.record(store, prospect_id, action, data)


def bulk_stage(store: ProspectStore, ids: list[int], stage: str) -> int:
    """Move every selected prospect to one stage; returns how many."""
    for pid in ids:
        store.patch(pid, {"stage": stage})
    return len(ids)


def bulk_tag(store: ProspectStore, ids: list[int], tag: str) -> int:
    """Add one tag to every selected prospect; returns how many (each read and written as one store operation)."""
    tag = tag.strip()
    if not tag:
        raise BadInput("type the tag to add")

    def add(doc: dict[str, Any]) -> None:
        if tag not in doc.get("tags", []):
            doc["tags"] = [*doc.get("tags", []), tag]
    for pid in ids:
        store.update(pid, add)
    return len(ids)
