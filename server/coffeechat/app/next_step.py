"""After a save, the next step for this person: which draft to show and why, in plain words.

``pick`` is pure (prospect, day, follow-ups); ``for_saved`` gathers what it needs from the
store and adds the draft itself, for the capture answer the extension shows.
"""

from datetime import date
from typing import Any, Iterable

from coffeechat import timeline
from coffeechat.app import advice, followups
from coffeechat.labels import DRAFT_LABELS as KIND_LABELS
from coffeechat.labels import SENT_ACTIONS
from coffeechat.outreach.kinds import DRAFT_KINDS
from coffeechat.outreach.names import first_name
from coffeechat.store import ProspectStore

SENT_LABELS: dict[str, str] = {
    "invitation_sent": "I sent the invitation", "message_sent": "I sent the message",
    "follow_up_sent": "I sent the follow-up", "thank_you_sent": "I sent the thank-you",
    "keep_in_touch_sent": "I sent it",
}
# When nothing is due: the draft that fits the stage ("what Today would say" for a quiet prospect).
BY_STAGE: dict[str, tuple[str, str]] = {
    "contacted": ("follow_up", "You have written to {first}; nothing is due yet. Here is the follow-up for later."),
    "replied": ("message", "{first} replied: answer and suggest a time to talk."),
    "scheduled": ("message", "Your meeting with {first} is set; a short message can confirm it."),
    "met": ("thank_you", "You met {first}: thank them for their time."),
    "thanked": ("keep_in_touch", "You thanked {first}; keep in touch with some news later."),
    "in_touch": ("keep_in_touch", "You are in touch with {first}; share some news when you have it."),
    "declined": ("keep_in_touch", "{first} said no for now; nothing is due. Here is a friendly note for later."),
    "not_now": ("keep_in_touch", "You set {first} aside for now; nothing is due. Here is a note for later."),
}
CONTACTED_TYPES = ("invitation_sent", "message_sent", "follow_up_sent", "reply_received",
                   "meeting_scheduled", "meeting_held", "thank_you_sent", "keep_in_touch_sent")


def _when(item: dict[str, Any], today: date) -> str:
    due = date.fromisoformat(item["due"])
    if item["status"] == "overdue":
        return "it is overdue"
    if item["status"] == "due":
        return "it is due today" if due == today else "it is due"
    days = (due - today).days
    return "it is due tomorrow" if days == 1 else f"it is due in {days} days"


def pick(prospect: dict[str, Any], today: date, open_follow_ups: Iterable[dict[str, Any]] | None = None,
         rules: dict[str, int] = timeline.DEFAULT_RULES) -> dict[str, str]:
    """The draft kind for this person's stage and relationship, with the reason in plain words."""
    first = first_name(prospect.get("full_name")) or "this person"
    items = list(timeline.for_prospect(prospect, today, rules) if open_follow_ups is None else open_follow_ups)
    # Reaching out first is decided below from the relationship (a message for a 1st-degree connection).
    with_draft = sorted((i for i in items if i.get("draft_kind") and i["rule"] != "reach_out"), key=timeline.sort_key)
    due = [i for i in with_draft if i["status"] in ("due", "overdue")]
    if due:
        return _from_follow_up(due[0], today)
    stage = prospect.get("stage") or "saved"
    contacted = any(e.get("type") in CONTACTED_TYPES for e in prospect.get("log") or ())
    if stage == "saved" and not contacted:
        degree = (prospect.get("connection_degree") or "").strip().lower()
        if degree.startswith("1"):
            return _choice("message", f"You are already connected with {first}, so send a message.")
        words = {"2": "a 2nd-degree connection", "3": "a 3rd-degree connection"}.get(degree[:1])
        who = f"{first} is {words} you have not contacted yet" if words else f"You have not contacted {first} yet"
        return _choice("connection_note", f"{who}: send an invitation with a short note.")
    if with_draft:
        return _from_follow_up(with_draft[0], today)
    kind, reason = BY_STAGE.get(stage, ("message", "Write to {first} when you are ready."))
    return _choice(kind, reason.format(first=first))


def _from_follow_up(item: dict[str, Any], today: date) -> dict[str, Any]:
    step = _choice(item["draft_kind"], f"{item['reason']}: {_when(item, today)}.")
    if item.get("referred_id") is not None:
        step["referred_id"] = item["referred_id"]  # the thanks is drafted from the person they referred
    return step


def _choice(kind: str, reason: str) -> dict[str, Any]:
    action = SENT_ACTIONS[kind]
    return {"kind": kind, "label": KIND_LABELS[kind], "reason": reason, "action": action,
            "action_label": SENT_LABELS[action]}


def choices(picked: str) -> list[dict[str, str]]:
    """Every kind the user may switch to, with its label and what sending it records.

    A referral thanks goes to the person who referred someone, congratulations follow a new job:
    each is offered only when it is the step due."""
    return [{"kind": k, "label": KIND_LABELS[k], "action": SENT_ACTIONS[k], "action_label": SENT_LABELS[SENT_ACTIONS[k]]}
            for k in DRAFT_KINDS if k not in ("referral_thanks", "congratulations") or picked == k]


def for_saved(store: ProspectStore, prospect: dict[str, Any], today: date) -> dict[str, Any]:
    """The next step for a stored prospect: kind, label, reason, the draft and the kinds to switch to."""
    rules = followups.rules(store)
    # Referral thanks need the people they referred: of_prospect looks them up.
    planned = followups.of_prospect(store, prospect, today)
    step = pick(prospect, today, planned, rules)
    source = step.pop("referred_id", prospect["id"])
    draft = advice.drafts(store, source, kind=step["kind"], today=today)["drafts"]
    return {**step, "draft": draft[0] if draft else None, "choices": choices(step["kind"])}
