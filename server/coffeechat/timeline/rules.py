"""The user's follow-up rules: every delay the timeline uses, with defaults from the etiquette."""

from typing import Any

from coffeechat.errors import BadInput

DEFAULT_RULES: dict[str, int] = {
    "thank_you_due_days": 1,        # a meeting held → thank-you due this many days later
    "thank_you_overdue_days": 2,    # ... and overdue after this many
    "follow_up_after_days": 7,      # contacted, no reply → one follow-up due
    "not_now_after_days": 7,        # followed up, still no reply → suggest not_now
    "keep_in_touch_days": 90,       # thanked → keep-in-touch due
    "prep_days_before": 1,          # a scheduled meeting → prep reminder this many days before
    "referral_thanks_due_days": 1,  # a referred prospect's meeting held → thank the referrer
    "grace_days": 3,                # other follow-ups become overdue this many days after due
    "upcoming_days": 7,             # Today lists meetings within this many days
    "congratulate_within_days": 7,  # a new job seen in a re-capture → congratulate, overdue after this many
    "reach_out_days": 0,            # saved, not yet contacted → reach out this many days after saving
    "reach_out_on": 1,              # 1: Today lists people to reach out to; 0: it does not
    "max_follow_ups": 1,            # nudges after a first message before letting it rest
}
SWITCHES = ("reach_out_on",)  # rules that are on (1) or off (0), not a number of days
RULE_HELP: dict[str, str] = {
    "thank_you_due_days": "Thank-you due, days after a meeting",
    "thank_you_overdue_days": "Thank-you overdue, days after a meeting",
    "follow_up_after_days": "Follow up when a contact is silent for (days)",
    "not_now_after_days": "Suggest 'not now' after a second silence of (days)",
    "keep_in_touch_days": "Keep in touch, days after thanking",
    "prep_days_before": "Prepare, days before a meeting",
    "referral_thanks_due_days": "Thank the referrer, days after the referred meeting",
    "grace_days": "Other follow-ups are overdue after (days)",
    "upcoming_days": "Show meetings in the next (days)",
    "congratulate_within_days": "Congratulate on a new job within (days)",
    "reach_out_days": "Reach out to a saved person after (days)",
    "reach_out_on": "List saved people to reach out to on Today",
    "max_follow_ups": "Follow-ups to send before letting it rest",
}
MAX_DAYS = 3650


def validate_rules(data: Any) -> dict[str, int]:
    """The user's rules merged over the defaults; raise BadInput naming the bad rule."""
    if not isinstance(data, dict):
        raise BadInput("follow-up rules must be an object of rule name → number of days")
    unknown = sorted(set(data) - set(DEFAULT_RULES))
    if unknown:
        raise BadInput(f"unknown follow-up rule {unknown[0]!r}; rules: {', '.join(DEFAULT_RULES)}")
    rules = dict(DEFAULT_RULES)
    for name, value in data.items():
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DAYS:
            raise BadInput(f"{RULE_HELP[name]}: give a whole number of days from 0 to {MAX_DAYS}")
        if name in SWITCHES and value not in (0, 1):
            raise BadInput(f"{RULE_HELP[name]}: on (1) or off (0)")
        rules[name] = value
    if rules["thank_you_overdue_days"] < rules["thank_you_due_days"]:
        raise BadInput("a thank-you cannot be overdue before it is due")
    return rules


def with_defaults(rules: dict[str, int] | None) -> dict[str, int]:
    """Stored rules over the defaults (a rule added in a later version gets its default)."""
    return {**DEFAULT_RULES, **(rules or {})}
