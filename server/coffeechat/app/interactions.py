"""What the user does with prospects: log an interaction, edit, act on many at once, delete."""

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
    """Add one tag to every selected prospect; returns how many."""
    if not tag.strip():
        raise BadInput("type the tag to add")
    for pid in ids:
        store.patch(pid, {"tags": [*store.get(pid).get("tags", []), tag.strip()]})
    return len(ids)


def delete_all(store: ProspectStore, ids: list[int]) -> int:
    """Delete every selected prospect with their saved pages; returns how many."""
    for pid in ids:
        store.delete(pid)
    return len(ids)
