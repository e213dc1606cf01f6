"""What has happened with a prospect so far, read from the stage history in ``prospect["log"]``."""

from datetime import date, datetime
from typing import Any

# Log types that mean "the user reached out first" (stage "contacted" counts too).
_OUTREACH = ("invitation_sent", "message_sent")


def _day(value: Any) -> date | None:
    """The calendar date of an ISO timestamp ("2026-03-02T14:00:00Z") or date; None if unreadable."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None


def _stage_reached(entry: dict[str, Any], stage: str) -> bool:
    return entry.get("type") == "stage_changed" and entry.get("to") == stage


def history(prospect: dict[str, Any]) -> dict[str, Any]:
    """Key dates (first contact, follow-ups, reply, meeting, thanks, last touch) and the meeting note."""
    seen: dict[str, Any] = {"contacted": None, "follow_ups": [], "replied": None, "scheduled_for": None,
                            "met": None, "meeting_note": "", "thanked": None, "kept_in_touch": None,
                            "last_touch": None}
    for entry in prospect.get("log") or []:
        if not isinstance(entry, dict):
            continue
        kind, when = entry.get("type"), _day(entry.get("at"))
        if when is None:
            continue
        if kind in _OUTREACH or _stage_reached(entry, "contacted"):
            seen["contacted"] = seen["contacted"] or when
        elif kind == "follow_up_sent":
            seen["follow_ups"].append(when)
        elif kind == "reply_received" or _stage_reached(entry, "replied"):
            seen["replied"] = seen["replied"] or when
        elif kind == "meeting_scheduled":
            seen["scheduled_for"] = _day(entry.get("when")) or seen["scheduled_for"]
        elif kind == "meeting_held" or _stage_reached(entry, "met"):
            seen["met"] = when
            if kind == "meeting_held" and isinstance(entry.get("note"), str) and entry["note"].strip():
                seen["meeting_note"] = entry["note"].strip()
        elif kind == "thank_you_sent" or _stage_reached(entry, "thanked"):
            seen["thanked"] = seen["thanked"] or when
        elif kind == "keep_in_touch_sent" or _stage_reached(entry, "in_touch"):
            seen["kept_in_touch"] = when
        if kind in _OUTREACH + ("follow_up_sent", "thank_you_sent", "keep_in_touch_sent",
                                "meeting_held", "reply_received"):
            seen["last_touch"] = max(filter(None, (seen["last_touch"], when)))
    return seen


def captured_on(prospect: dict[str, Any]) -> date | None:
    """When the profile was last captured, to tell whether "current role" may be out of date."""
    days = [_day(c.get("at")) for c in prospect.get("captures") or [] if isinstance(c, dict)]
    days = [d for d in days if d]
    return max(days) if days else None


def when_words(day: date) -> str:
    """A date as people write it in a note: "March 2, 2026"."""
    return f"{day.strftime('%B')} {day.day}, {day.year}"
