"""Interactions with a prospect (invitation sent, reply received, meeting held, ...): the log entry and the stage each implies."""

from datetime import datetime
from typing import Any

from coffeechat.errors import BadInput
from coffeechat.model import STAGES
from coffeechat.timeline.days import EARLIEST, latest

# action → (label for people, the stage it implies or None)
ACTIONS: dict[str, tuple[str, str | None]] = {
    "invitation_sent": ("Invitation sent", "contacted"),
    "message_sent": ("Message sent", "contacted"),
    "follow_up_sent": ("Follow-up sent", "contacted"),
    "reply_received": ("Reply received", "replied"),
    "meeting_scheduled": ("Meeting scheduled", "scheduled"),
    "meeting_held": ("Meeting held", "met"),
    "thank_you_sent": ("Thank-you sent", "thanked"),
    "keep_in_touch_sent": ("Kept in touch", "in_touch"),
    "referral_given": ("Referral given", None),
    "note": ("Note", None),
}
# The forward path; declined and not_now sit outside it.
PATH = STAGES[:STAGES.index("in_touch") + 1]
MAX_TEXT = 4000
MAX_SENT_TEXT = 8000  # the text the user sent (a LinkedIn message holds up to 8,000 characters)


def implied_stage(current: str, action: str) -> str | None:
    """The stage an action moves the prospect to, or None when it stays (the pipeline only moves forward)."""
    target = ACTIONS[action][1]
    if target is None or target == current:
        return None
    if current not in PATH:
        # Hearing back from someone parked as declined/not now re-opens them; sending does not.
        return target if action in ("reply_received", "meeting_scheduled", "meeting_held") else None
    return target if PATH.index(target) > PATH.index(current) else None


def _text(data: dict[str, Any], key: str, limit: int = MAX_TEXT) -> str:
    value = data.get(key) or ""
    if not isinstance(value, str):
        raise BadInput(f"{key} must be text")
    value = value.strip()
    if len(value) > limit:
        raise BadInput(f"{key} is too long (at most {limit} characters)")
    return value


def meeting_time(value: Any, key: str = "when") -> str:
    """A date and time as ISO text (minutes precision), between 1950 and ten years ahead.

    Accepts the browser's datetime-local value; ``key`` names the field in the error.
    """
    what = "the meeting's date and time (when)" if key == "when" else f"the date and time ({key})"
    if not isinstance(value, str) or not value.strip():
        raise BadInput(f"give {what}, e.g. 2026-03-04T15:30")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadInput(f"cannot read {what} {value!r}; use YYYY-MM-DDTHH:MM") from None
    if not EARLIEST <= moment.date() <= latest():
        raise BadInput(f"{key}: {moment.date().isoformat()} is out of range; give a date between "
                       f"{EARLIEST.year} and {latest().isoformat()} (a typo in the year?)")
    return moment.isoformat(timespec="minutes")


def log_entry_for(action: str, data: dict[str, Any], exists=lambda _id: True) -> dict[str, Any]:
    """The log entry an interaction adds (validated; the store adds id and timestamp)."""
    if action not in ACTIONS:
        raise BadInput(f"unknown interaction {action!r}; use one of: {', '.join(ACTIONS)}")
    entry: dict[str, Any] = {"type": action}
    if data.get("at"):
        entry["at"] = meeting_time(data["at"], "at")
    if action == "meeting_scheduled":
        entry["when"] = meeting_time(data.get("when"))
        if where := _text(data, "where"):
            entry["where"] = where
    elif action == "referral_given":
        other = data.get("prospect_id")
        if isinstance(other, str) and other.strip().isdigit():
            other = int(other)
        if isinstance(other, bool) or not isinstance(other, int) or not exists(other):
            raise BadInput("a referral names the stored prospect they referred you to (prospect_id)")
        entry["prospect_id"] = other
    elif action == "note" and not _text(data, "note"):
        raise BadInput("a note needs some text")
    if note := _text(data, "note"):
        entry["note"] = note
    if text := _text(data, "text", MAX_SENT_TEXT):
        entry["text"] = text
    # What the user took away, as their own sentence to the person: the thank-you quotes it.
    if action == "meeting_held" and (took := _text(data, "took_away")):
        entry["took_away"] = took
    return entry
