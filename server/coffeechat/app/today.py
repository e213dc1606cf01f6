"""What the user does from Today: mark a step done (with the draft they sent), snooze it, reschedule a meeting."""

from datetime import date, timedelta
from typing import Any

from coffeechat.app import advice, log
from coffeechat.errors import BadInput
from coffeechat.labels import SENT_ACTIONS
from coffeechat.store import ProspectStore
from coffeechat.timeline import next_meeting

# The rule's step → the interaction that completes it.
DONE_ACTIONS = {"reach_out": "invitation_sent", "follow_up": "follow_up_sent", "thank_you": "thank_you_sent",
                "keep_in_touch": "keep_in_touch_sent", "referral_thanks": "thank_you_sent"}
# A draft kind → the interaction its "Mark as sent" logs.
SNOOZES = {"1": 1, "3": 3, "7": 7}
SNOOZE_LABELS = {"1": "1 day", "3": "3 days", "7": "a week"}


def draft_text(store: ProspectStore, prospect_id: int, kind: str, today: date) -> str:
    """The text the user would send for a draft kind: their saved edit, else the suggested draft."""
    edited = (store.get(prospect_id).get("draft_edits") or {}).get(kind)
    if edited:
        return edited
    found = advice.drafts(store, prospect_id, kind=kind, today=today)["drafts"]
    if not found:
        return ""
    d = found[0]
    return f"{d['subject']}\n\n{d['body']}" if d.get("subject") else d["body"]


def done(store: ProspectStore, prospect_id: int, rule: str, today: date, draft_kind: str | None = None,
         at: str | None = None) -> dict[str, Any]:
    """Log that a step was done, with the draft's text when a draft was used; the stage moves as the step implies."""
    if rule not in DONE_ACTIONS:
        raise BadInput("this step has no “done”: open the person to log what happened")
    data: dict[str, Any] = {"at": at} if at else {}
    action = DONE_ACTIONS[rule]
    if draft_kind:
        if draft_kind not in SENT_ACTIONS:
            raise BadInput(f"there is no draft called {draft_kind!r}")
        data["text"] = draft_text(store, prospect_id, draft_kind, today)
        action = SENT_ACTIONS[draft_kind]  # reaching out to a 1st-degree connection is a message, not an invitation
    return log.record(store, prospect_id, action, data)


def snooze_until(choice: str, typed_date: str | None, today: date) -> date:
    """The day a snooze ends: 1, 3 or 7 days from today, or a date the user picked (after today)."""
    if choice in SNOOZES:
        return today + timedelta(days=SNOOZES[choice])
    try:
        until = date.fromisoformat((typed_date or "").strip())
    except ValueError:
        raise BadInput("pick the date to snooze until") from None
    if until <= today:
        raise BadInput("snooze until a day after today")
    return until


def snooze(store: ProspectStore, prospect_id: int, rule: str, until: date) -> dict[str, Any]:
    """Hide one step of a person from Today until a day (stored on the person, so every page agrees)."""
    if not rule or not rule.replace("_", "").isalpha():
        raise BadInput("choose the step to snooze")
    snoozed = dict(store.get(prospect_id).get("snoozed") or {})
    snoozed[rule] = until.isoformat()
    return store.patch(prospect_id, {"snoozed": snoozed})


def reschedule(store: ProspectStore, prospect_id: int, when: str) -> dict[str, Any]:
    """Move the upcoming meeting to a new time (same place): logged as a new "Meeting scheduled"."""
    meeting = next_meeting(store.get(prospect_id).get("log") or ())
    data = {"when": when, "note": "Rescheduled"}
    if meeting and meeting.get("where"):
        data["where"] = meeting["where"]
    return log.record(store, prospect_id, "meeting_scheduled", data)


def set_priority(store: ProspectStore, prospect_id: int, on: bool) -> dict[str, Any]:
    """Mark (or unmark) a person as a priority: Today lists them first."""
    return store.patch(prospect_id, {"priority": bool(on)})
