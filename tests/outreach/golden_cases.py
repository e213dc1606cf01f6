"""The 16 cases of the hand-written golden drafts: 2 users × 8 kinds, each at the moment it is sent.

The explorer is the teacher moving into UX research, writing to the self-employed consultant who
made that move and shares her school, an employer and her city. The recruiter, who names her
company and the honest reason, writes to the senior data engineer with the very long headline.
"""

from datetime import date, timedelta

from corpus import USERS, people, stamp

KINDS = ("connection_note", "message", "inmail", "email", "follow_up", "thank_you", "referral_thanks",
         "keep_in_touch")
WHO = {"explorer": ("teacher", "consultant-2025"), "recruiter": ("recruiter_company", "long-headline-2025")}
TOOK = {
    "explorer": "your advice to test one real form with five people before designing anything gave me my first "
                "project: our school's enrolment form",
    "recruiter": "your point that most pipeline failures start as unclear ownership of the data is one I'll "
                 "carry into how I talk about the team",
}
NOTE = {"explorer": "Sofia said she'd test with five people first and that she regrets skipping it early on",
        "recruiter": "Marcus thinks ownership is the real problem; he's not looking to move"}


def case(persona: str, kind: str) -> dict:
    """The prospect, user, day and referrer for one golden draft."""
    user, key = WHO[persona]
    base = people()[key]
    captured = date.fromisoformat(base["captures"][0]["at"][:10])
    today = captured + timedelta(days=3)
    referrer = people()["profile-2022-self"]
    log = []
    if kind == "follow_up":
        log = [{"id": 1, "type": "message_sent", "at": stamp(today - timedelta(days=8))}]
    elif kind in ("thank_you", "referral_thanks"):
        met = today - timedelta(days=1)
        log = [{"id": 1, "type": "message_sent", "at": stamp(met - timedelta(days=12))},
               {"id": 2, "type": "reply_received", "at": stamp(met - timedelta(days=10))},
               {"id": 3, "type": "meeting_held", "at": stamp(met), "note": NOTE[persona], "took_away": TOOK[persona]}]
    elif kind == "keep_in_touch":
        met = today - timedelta(days=100)
        log = [{"id": 1, "type": "message_sent", "at": stamp(met - timedelta(days=12))},
               {"id": 2, "type": "reply_received", "at": stamp(met - timedelta(days=10))},
               {"id": 3, "type": "meeting_held", "at": stamp(met), "note": NOTE[persona], "took_away": TOOK[persona]},
               {"id": 4, "type": "thank_you_sent", "at": stamp(met + timedelta(days=1))}]
    prospect = {**base, "log": log, "email": "hello@example.com" if kind in ("email",) else None}
    return {"prospect": prospect, "me": USERS[user], "today": today,
            "referrer": referrer if kind == "referral_thanks" else None}


def render(draft: dict) -> str:
    """A draft as the golden files hold it: the subject line (when any), a blank line, the body."""
    return (f"Subject: {draft['subject']}\n\n" if draft["subject"] else "") + draft["body"] + "\n"
