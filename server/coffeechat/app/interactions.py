"""What the user does with prospects: log an interaction, edit, act on many at once, delete."""

from typing import Any

from coffeechat.errors import BadInput
from coffeechat.pipeline import implied_stage, log_entry_for
from coffeechat.store import ProspectStore
from coffeechat.store.edits import apply_patch, log_entry
from coffeechat.store.prospects import utcnow


def record(store: ProspectStore, prospect_id: int, action: str, data: dict[str, Any]) -> dict[str, Any]:
    """Log an interaction, move the stage it implies, and link a referral; returns the prospect.

    The stage is read and moved in the same store operation as the log entry, so two interactions
    recorded at once (reply received, meeting held) both count: neither works from a stale stage.
    """
    entry = log_entry_for(action, data, store.find_by_id)
    if action == "referral_given" and entry["prospect_id"] == prospect_id:
        raise BadInput("a prospect cannot refer you to themself")

    def log_and_move(doc: dict[str, Any]) -> None:
        now = utcnow()
        doc["log"].append(log_entry(entry, now))
        stage = implied_stage(doc.get("stage") or "saved", action)
        if stage:
            apply_patch(doc, {"stage": stage}, now, store.find_by_id)

    with store.atomically():  # the referral link is set in step with the entry that names it
        prospect = store.update(prospect_id, log_and_move)
        if action == "referral_given":
            store.update(entry["prospect_id"], _link_referrer(prospect_id))
    return prospect


def _link_referrer(referrer_id: int):
    def link(doc: dict[str, Any]) -> None:
        if doc.get("referred_by") is None:
            doc["referred_by"] = referrer_id
    return link


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


def delete_all(store: ProspectStore, ids: list[int]) -> int:
    """Delete every selected prospect with their saved pages; returns how many."""
    for pid in ids:
        store.delete(pid)
    return len(ids)
