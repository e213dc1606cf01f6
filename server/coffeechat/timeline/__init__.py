"""The one reader of a prospect's interaction log: key dates, stage history and what is due.

Every date here is the user's local calendar day (the log is stamped in UTC), and every delay
comes from the user's follow-up rules: Today, the drafts' timing warnings and the research
notes' follow-up plan all ask this package, so they cannot disagree.
"""

from coffeechat.timeline.days import day_of, moment_of, when_words
from coffeechat.timeline.followups import (
    CLOSED,
    Planner,
    due_dates,
    for_prospect,
    last_contact,
    next_meeting,
    referral_thanks,
    sort_key,
)
from coffeechat.timeline.history import captured_on, key_dates, stage_history
from coffeechat.timeline.rules import DEFAULT_RULES, RULE_HELP, validate_rules

__all__ = [
    "CLOSED", "DEFAULT_RULES", "RULE_HELP", "Planner", "captured_on", "day_of", "due_dates", "for_prospect",
    "key_dates", "last_contact", "moment_of", "next_meeting", "referral_thanks", "sort_key", "stage_history",
    "validate_rules", "when_words",
]
