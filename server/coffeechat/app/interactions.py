"""What the user does with prospects: log an interaction, edit, act on many at once, delete."""

from typing import Any

from coffeechat.errors import BadInput
from coffeechat.pipeline import implied_stage, log_entry_for
from coffeechat.store import ProspectStore


def record(store: ProspectStore, prospect_id: int, action: str, data: dict[str, Any]) -> dict[str, Any]:
    """Log an interaction, move the stage it implies, and link a referral; returns the prospect."""
    entry = log_entry_for(action, data, store.find_by_id)
    if action == "referral_given" and entry["prospect_id"] == prospect_id:
        raise BadInput("a prospect cannot refer you to themself")
    prospect = store.add_log(prospect_id, entry)
    stage = implied_stage(prospect.get("stage") or "saved", action)
    if stage:
        prospect = store.patch(prospect_id, {"stage": stage})
    if action == "referral_given" and store.get(entry["prospect_id"]).get("referred_by") is None:
        store.patch(entry["prospect_id"], {"referred_by": prospect_id})
    return prospect


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
