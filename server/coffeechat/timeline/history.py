"""What has happened with a prospect so far: key dates and the stage history, read from its log."""

from datetime import date
from typing import Any

from coffeechat.timeline.days import day_of

# Log types that mean "the user reached out first" (stage "contacted" counts too).
OUTREACH = ("invitation_sent", "message_sent")
_TOUCHES = OUTREACH + ("follow_up_sent", "thank_you_sent", "keep_in_touch_sent", "meeting_held", "reply_received")


def _stage_reached(entry: dict[str, Any], stage: str) -> bool:
    return entry.get("type") == "stage_changed" and entry.get("to") == stage


def key_dates(prospect: dict[str, Any]) -> dict[str, Any]:
    """Key local days (first and last outreach, follow-ups, reply, meeting, thanks, last touch) and the meeting note."""
    seen: dict[str, Any] = {"contacted": None, "last_outreach": None, "follow_ups": [], "replied": None,
                            "scheduled_for": None, "met": None, "meeting_note": "", "thanked": None,
                            "kept_in_touch": None, "last_touch": None}
    for entry in prospect.get("log") or []:
        if not isinstance(entry, dict):
            continue
        kind, when = entry.get("type"), day_of(entry.get("at"))
        if when is None:
            continue
        if kind in OUTREACH or _stage_reached(entry, "contacted"):
            seen["contacted"] = seen["contacted"] or when
            # The stage change an outreach implies may be stamped later than the message itself.
            if kind in OUTREACH or seen["last_outreach"] is None:
                seen["last_outreach"] = when
        elif kind == "follow_up_sent":
            seen["follow_ups"].append(when)
        elif kind == "reply_received" or _stage_reached(entry, "replied"):
            seen["replied"] = seen["replied"] or when
        elif kind == "meeting_scheduled":
            seen["scheduled_for"] = day_of(entry.get("when")) or seen["scheduled_for"]
        elif kind == "meeting_held" or _stage_reached(entry, "met"):
            seen["met"] = when
            if kind == "meeting_held" and isinstance(entry.get("note"), str) and entry["note"].strip():
                seen["meeting_note"] = entry["note"].strip()
        elif kind == "thank_you_sent" or _stage_reached(entry, "thanked"):
            seen["thanked"] = seen["thanked"] or when
        elif kind == "keep_in_touch_sent" or _stage_reached(entry, "in_touch"):
            seen["kept_in_touch"] = when
        if kind in _TOUCHES:
            seen["last_touch"] = max(filter(None, (seen["last_touch"], when)))
    return seen


def stage_history(prospect: dict[str, Any]) -> list[dict[str, Any]]:
    """Every stage change, oldest first: ``{"from", "to", "on"}`` with ``on`` a local day."""
    return [{"from": e.get("from"), "to": e.get("to"), "on": day_of(e.get("at"))}
            for e in prospect.get("log") or [] if isinstance(e, dict) and e.get("type") == "stage_changed"]


def captured_on(prospect: dict[str, Any]) -> date | None:
    """When the profile was last captured, to tell whether "current role" may be out of date."""
    days = [day_of(c.get("at")) for c in prospect.get("captures") or [] if isinstance(c, dict)]
    found = [d for d in days if d]
    return max(found) if found else None
