"""The interaction log as the user keeps it: entries dated when things happened, edited, deleted.

Every interaction carries the moment it happened (the form's "when", default now); the stage change
it implies carries the same moment and names it as its cause, so editing or deleting the entry moves
that change too, and the stage is recomputed from the log.
"""

import secrets
from datetime import datetime, timedelta, timezone
from typing import Any

from coffeechat.errors import BadInput, NotFound
from coffeechat.pipeline import ACTIONS, MAX_TEXT, implied_stage, log_entry_for, meeting_time
from coffeechat.store import ProspectStore
from coffeechat.timeline.stages import in_order, moment_key, stage_from_log

EDITABLE = ("at", "note", "where", "when")


def utc_stamp(value: str | None) -> str:
    """A moment as stored in the log: ISO UTC to the second (a naive time is the user's local time)."""
    if not value:
        return datetime.now(timezone.utc).isoformat(timespec="seconds")
    moment = datetime.fromisoformat(meeting_time(value))
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _text(data: dict[str, Any]) -> str | None:
    """The text that was sent (a draft marked as sent), when given."""
    value = data.get("text")
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise BadInput("the text sent must be text")
    value = value.replace("\r\n", "\n").strip()
    if len(value) > MAX_TEXT:
        raise BadInput(f"the text sent is too long (at most {MAX_TEXT} characters)")
    return value or None


def record(store: ProspectStore, prospect_id: int, action: str, data: dict[str, Any]) -> dict[str, Any]:
    """Log an interaction at the moment it happened, move the stage it implies (dated the same), link a referral."""
    entry = log_entry_for(action, data, store.find_by_id)
    if action == "referral_given" and entry["prospect_id"] == prospect_id:
        raise BadInput("a prospect cannot refer you to themself")
    entry["at"] = utc_stamp(entry.get("at"))
    entry["id"] = secrets.token_hex(6)
    if text := _text(data):
        entry["text"] = text

    def add(prospect: dict[str, Any]) -> tuple[list[dict[str, Any]], str]:
        current = prospect.get("stage") or "saved"
        log = [*(prospect.get("log") or ()), entry]
        stage = implied_stage(current, action)
        if stage:
            log.append({"type": "stage_changed", "from": current, "to": stage, "at": entry["at"],
                        "cause": entry["id"]})
        return in_order(log), stage or current

    with store.atomically():  # the referral link is set in step with the entry that names it
        prospect = store.rewrite_log(prospect_id, add)
        if action == "referral_given" and store.get(entry["prospect_id"]).get("referred_by") is None:
            store.patch(entry["prospect_id"], {"referred_by": prospect_id})
    return prospect


def _caused_by(log: list[dict[str, Any]], entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The stage changes an entry brought about (older logs have no cause: the change that followed it)."""
    found = [e for e in log if e.get("type") == "stage_changed" and e.get("cause") == entry.get("id")]
    if found or entry.get("type") not in ACTIONS:
        return found
    target, at = ACTIONS[entry["type"]][1], moment_key(entry.get("at"))
    return [e for e in log if e.get("type") == "stage_changed" and not e.get("cause") and e.get("to") == target
            and timedelta(0) <= moment_key(e.get("at")) - at <= timedelta(seconds=5)][:1]


def _start_stage(log: list[dict[str, Any]], current: str) -> str:
    """The stage before anything logged moved it: the first change's "from" (else the stage as it is)."""
    first = next((e for e in in_order(log) if e.get("type") == "stage_changed"), None)
    return (first.get("from") or "saved") if first else current


def _find(log: list[dict[str, Any]], entry_id: str) -> dict[str, Any]:
    found = next((e for e in log if e.get("id") == entry_id), None)
    if found is None:
        raise NotFound("that log entry does not exist (any more)")
    return found


def _replayed(old: list[dict[str, Any]], new: list[dict[str, Any]], current: str) -> tuple[list[dict[str, Any]], str]:
    return in_order(new), stage_from_log(new, implied_stage, _start_stage(old, current))


def edit_entry(store: ProspectStore, prospect_id: int, entry_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Change when an entry happened, its note, place or meeting time; the stage follows the log."""
    changes = {"at": utc_stamp(data["at"]) if data.get("at") else None}
    for key in ("note", "where"):
        if key in data:
            value = (data.get(key) or "").strip()
            if len(value) > MAX_TEXT:
                raise BadInput(f"{key} is too long (at most {MAX_TEXT} characters)")
            changes[key] = value
    if data.get("when"):
        changes["when"] = meeting_time(data["when"])

    def edit(prospect: dict[str, Any]) -> tuple[list[dict[str, Any]], str]:
        old = [dict(e) for e in prospect.get("log") or ()]
        entry = _find(old, entry_id)
        caused = {c.get("id") for c in _caused_by(old, entry)}
        new = [dict(e) for e in old]
        target = next(e for e in new if e.get("id") == entry_id)
        if changes["at"]:
            target["at"] = changes["at"]
            for change in new:
                if change.get("id") in caused:
                    change["at"], change["cause"] = target["at"], entry_id
        for key in ("note", "where"):
            if key in changes:
                if changes[key]:
                    target[key] = changes[key]
                else:
                    target.pop(key, None)
        if entry.get("type") == "meeting_scheduled" and changes.get("when"):
            target["when"] = changes["when"]
        if entry.get("type") == "note" and not target.get("note"):
            raise BadInput("a note needs some text")
        return _replayed(old, new, prospect.get("stage") or "saved")

    return store.rewrite_log(prospect_id, edit)


def delete_entry(store: ProspectStore, prospect_id: int, entry_id: str) -> dict[str, Any]:
    """Remove an entry and the stage change it brought about; the stage is replayed from what is left."""
    def drop(prospect: dict[str, Any]) -> tuple[list[dict[str, Any]], str]:
        old = [dict(e) for e in prospect.get("log") or ()]
        entry = _find(old, entry_id)
        gone = {id(entry)} | {id(e) for e in _caused_by(old, entry)}
        return _replayed(old, [e for e in old if id(e) not in gone], prospect.get("stage") or "saved")

    return store.rewrite_log(prospect_id, drop)
