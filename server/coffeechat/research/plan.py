"""The practical side of a conversation: agenda, prep checklist, what to avoid, follow-up dates."""

from datetime import date, timedelta
from typing import Any

from coffeechat.outreach.names import company_ref
from coffeechat.outreach.timing import follow_up_day, keep_in_touch_day

# Minutes per agenda item for each time asked; the last column always leaves room to close on time.
_AGENDA = {
    15: (1, 2, 4, 6, 2),
    20: (1, 2, 6, 8, 3),
}


def agenda(me: dict[str, Any], first: str) -> list[dict[str, Any]]:
    """A short agenda that adds up to exactly the minutes asked for."""
    minutes = me["time_ask"] if me.get("time_ask") in _AGENDA else 15
    who = first or "them"
    if me.get("persona") == "recruiter":
        items = ("Thanks and why you asked: learning about their field, nothing to sell",
                 "A few words about you and what you work on",
                 f"{who}'s story: how they got here and what the work is like",
                 "Your questions about the field, trends and what people in it value",
                 "Who else to talk to; thank them and finish on time")
    else:
        items = ("Thanks, and confirm the time you asked for",
                 "Your story in a few sentences: where you are and where you're heading",
                 f"{who}'s story: their path and what the work is really like",
                 "Your questions, most important first",
                 "Ask who else to talk to and whether you may use their name; thank them and finish on time")
    return [{"minutes": m, "item": item} for m, item in zip(_AGENDA[minutes], items)]


def prep_checklist(me: dict[str, Any], path: dict[str, Any]) -> list[str]:
    """What to do before the conversation."""
    company = company_ref((path["current"] or {}).get("company")) if path["current"] else ""
    items = [
        (f"Read up on {company}: what it does, recent news, and where {path['field'] or 'their work'} fits in."
         if company else "Read up on where they work now and the field they work in."),
        "Test the video tool the day before: link, camera, microphone, a quiet spot.",
        "Write your own story in three sentences: where you are, where you want to go, why them.",
        "Pick your three most important questions in case time runs short.",
        "Confirm the time and time zone, and plan to join a few minutes early.",
        "Have somewhere to take notes, so the thank-you can mention what you learned.",
    ]
    if me.get("persona") == "recruiter":
        items.append("Bring one or two things you're seeing across the field, so they get something back.")
    return items


def things_to_avoid(me: dict[str, Any], path: dict[str, Any]) -> list[str]:
    """Pitfalls for this persona, plus any this person's path makes likely."""
    minutes = me.get("time_ask") or 15
    if me.get("persona") == "recruiter":
        items = ["Evaluating them or turning the talk into a screening.",
                 "Pitching a position or the company; stay curious about their field.",
                 "Asking about their salary or whether they would move."]
    else:
        items = ["Asking for a job, or for a referral to an opening.",
                 "Sending your resume unless they offer to look at it.",
                 "Questions the profile already answers."]
    items += [f"Running past {minutes} minutes unless they invite you to keep going.",
              "Cancelling or rescheduling on them."]
    if path["recent_move"]:
        items.append("Expecting them to know everything about their new company yet; "
                     "they joined only recently.")
    return items


def _status(due: date | None, done: date | None, today: date) -> str:
    if done:
        return "done"
    if due is None:
        return "waiting"
    return "overdue" if due < today else "due today" if due == today else "upcoming"


def _step(step: str, due: date | None, done: date | None, today: date, note: str) -> dict[str, Any]:
    return {"step": step, "due": due.isoformat() if due else None,
            "done_on": done.isoformat() if done else None, "status": _status(due, done, today),
            "note": note}


def _due(item: dict[str, Any] | None) -> date | None:
    return date.fromisoformat(item["due"]) if item else None


def follow_up_plan(seen: dict[str, Any], due: dict[str, dict[str, Any]], today: date, rules: dict[str, int],
                   referrer: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The steps from first message to keeping in touch, dated like Today dates them.

    ``due`` is the timeline's open follow-ups by rule; a step Today does not list yet (the
    meeting is not held, say) is dated from the stage history with the same rules.
    """
    steps = [_step("Reach out", None if seen["contacted"] else today, seen["contacted"], today,
                   "A short note: who you are, why them, a small ask.")]
    if seen["replied"] or seen["met"]:
        steps.append({"step": "Follow up once if there is no answer", "due": None, "done_on": None,
                      "status": "not needed", "note": "They replied."})
    else:
        nudge = follow_up_day(seen, due, rules) or (
            seen["last_outreach"] + timedelta(days=rules["follow_up_after_days"]) if seen["last_outreach"] else None)
        steps.append(_step("Follow up once if there is no answer", nudge,
                           seen["follow_ups"][0] if seen["follow_ups"] else None, today,
                           f"About {rules['follow_up_after_days']} days after the first message; "
                           "after that, let it rest."))
    meeting = seen["scheduled_for"]
    prep = _due(due.get("prep")) or (meeting - timedelta(days=rules["prep_days_before"]) if meeting else None)
    steps.append(_step("Prepare: agenda, questions, video tool", prep,
                       seen["met"] if seen["met"] else None, today, "Before the conversation."))
    steps.append(_step("Meet", meeting, seen["met"], today,
                       "Be on time and finish on time." if meeting else "Not scheduled yet."))
    thank_due = _due(due.get("thank_you")) or (
        seen["met"] + timedelta(days=rules["thank_you_due_days"]) if seen["met"] else None)
    steps.append(_step("Send the thank-you", thank_due, seen["thanked"], today,
                       f"Within {rules['thank_you_overdue_days']} days, mentioning something you learned."))
    if referrer:
        referral_due = seen["met"] + timedelta(days=rules["referral_thanks_due_days"]) if seen["met"] else None
        steps.append(_step(f"Thank {referrer.get('full_name') or 'the person who referred you'}",
                           referral_due, None, today, "Tell them how the conversation went."))
    steps.append(_step("Keep in touch with an update", keep_in_touch_day(seen, due, rules), None, today,
                       "Every few months; and tell them when you land somewhere."))
    return steps
