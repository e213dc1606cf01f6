"""Timing warnings on drafts: too early, too late, or once too often.

The dates come from the timeline with the user's rules, the same dates Today shows.
"""

from datetime import date, timedelta
from typing import Any

from coffeechat.timeline import due_dates, when_words

# A capture older than this may show a role the person has left.
STALE_CAPTURE = timedelta(days=180)


def _day(item: dict[str, Any] | None) -> date | None:
    return date.fromisoformat(item["due"]) if item else None


def follow_up_day(seen: dict[str, Any], due: dict[str, dict[str, Any]], rules: dict[str, int]) -> date | None:
    """The day a single follow-up becomes polite: Today's date when it lists one, else the rule from the last message."""
    if not seen["last_outreach"] or seen["replied"] or seen["met"] or \
            len(seen["follow_ups"]) >= rules.get("max_follow_ups", 1):
        return None
    return _day(due.get("follow_up")) or seen["last_outreach"] + timedelta(days=rules["follow_up_after_days"])


def keep_in_touch_day(seen: dict[str, Any], due: dict[str, dict[str, Any]], rules: dict[str, int]) -> date | None:
    """The next update: Today's date once they are thanked, else the rule counted from the meeting."""
    last = seen["kept_in_touch"] or seen["thanked"] or seen["met"]
    return _day(due.get("keep_in_touch")) or (last + timedelta(days=rules["keep_in_touch_days"]) if last else None)


def timing_warnings(kind: str, prospect: dict[str, Any], seen: dict[str, Any], today: date,
                    rules: dict[str, int]) -> list[str]:
    """Warnings when a draft of this kind would be sent too early, too late, or once too often."""
    due = due_dates(prospect, today, rules)
    if kind == "follow_up":
        if seen["replied"] or seen["met"]:
            return ["They have already replied, so a follow-up is not needed."]
        if len(seen["follow_ups"]) >= rules.get("max_follow_ups", 1):
            return [f"You already followed up on {when_words(seen['follow_ups'][-1])}; "
                    "it's kinder to let it rest now."]
        if not seen["contacted"]:
            return ["You haven't logged a first message yet; a follow-up comes about a week after it."]
        day = follow_up_day(seen, due, rules)
        if day and today < day:
            return [f"You wrote on {when_words(seen['last_outreach'])}; wait until {when_words(day)} "
                    "before following up."]
    if kind == "thank_you":
        if not seen["met"]:
            return ["No meeting is logged yet; send this within a day or two after you talk."]
        notes = []
        thanks = due.get("thank_you")
        if thanks and thanks["status"] == "overdue":
            notes.append(f"You met on {when_words(seen['met'])}; a thank-you is best sent within a "
                         "day or two, so send it soon.")
        return notes
    if kind == "keep_in_touch":
        if not (seen["replied"] or seen["met"]):
            return ["They haven't replied or met you yet; an update is for people already in touch with you."]
        day = keep_in_touch_day(seen, due, rules)
        if day and today < day:
            return [f"An update lands best a few months after your last contact: around {when_words(day)}."]
    return []
