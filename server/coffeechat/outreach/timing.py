"""When each step is due, from the etiquette: follow up once after a week, thank within a day or
two, keep in touch every few months. Drafts warn with these; research notes plan with them."""

from datetime import date, timedelta
from typing import Any

from coffeechat.outreach.history import when_words

FOLLOW_UP_AFTER = timedelta(days=7)
THANK_WITHIN = timedelta(days=2)
KEEP_IN_TOUCH_EVERY = timedelta(days=90)
STALE_CAPTURE = timedelta(days=180)


def follow_up_due(seen: dict[str, Any]) -> date | None:
    """The day a single follow-up becomes polite, or None when there is nothing to follow up."""
    if not seen["contacted"] or seen["replied"] or seen["met"] or seen["follow_ups"]:
        return None
    return seen["contacted"] + FOLLOW_UP_AFTER


def keep_in_touch_due(seen: dict[str, Any]) -> date | None:
    """The next time to share an update: a few months after the last thanks or update."""
    last = seen["kept_in_touch"] or seen["thanked"] or seen["met"]
    return last + KEEP_IN_TOUCH_EVERY if last else None


def timing_warnings(kind: str, seen: dict[str, Any], today: date) -> list[str]:
    """Warnings when a draft of this kind would be sent too early, too late, or once too often."""
    if kind == "follow_up":
        if seen["replied"] or seen["met"]:
            return ["They have already replied, so a follow-up is not needed."]
        if seen["follow_ups"]:
            return [f"You already followed up on {when_words(seen['follow_ups'][-1])}; "
                    "it's kinder to let it rest now."]
        due = follow_up_due(seen)
        if due and today < due:
            return [f"You wrote on {when_words(seen['contacted'])}; wait until {when_words(due)} "
                    "before following up."]
        if not seen["contacted"]:
            return ["You haven't logged a first message yet; a follow-up comes about a week after it."]
    if kind == "thank_you":
        if not seen["met"]:
            return ["No meeting is logged yet; send this within a day or two after you talk."]
        notes = []
        if today - seen["met"] > THANK_WITHIN and not seen["thanked"]:
            notes.append(f"You met on {when_words(seen['met'])}; a thank-you is best sent within a "
                         "day or two, so send it soon.")
        if not seen["meeting_note"]:
            notes.append("Log what you learned in the meeting (\"meeting held\" with a note) so the "
                         "thank-you can mention it.")
        return notes
    if kind == "keep_in_touch":
        due = keep_in_touch_due(seen)
        if due and today < due:
            return [f"An update lands best a few months after your last contact: around {when_words(due)}."]
    return []
