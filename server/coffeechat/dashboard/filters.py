"""Jinja filters for the dashboard: dates people read, stage names, URLs with changed query arguments."""

from typing import Any

from flask import Flask, request, url_for

from coffeechat.labels import DRAFT_LABELS, STAGE_LABELS
from coffeechat.timeline.days import local_moment

RULE_LABELS = {"thank_you": "Thank-you", "follow_up": "Follow-up", "suggest_not_now": "Let it rest",
               "keep_in_touch": "Keep in touch", "prep": "Prepare", "referral_thanks": "Thank the referrer",
               "congratulate": "Congratulate", "reach_out": "Reach out"}


def when(value: Any) -> str:
    """2026-03-04T15:30:00+00:00 → 4 Mar 2026, 15:30 (date only when there is no time)."""
    if not isinstance(value, str) or not value:
        return ""
    stamp = local_moment(value)  # log times are stored in UTC; people read their local time
    if stamp is None:
        return value
    day = f"{stamp.day} {stamp:%b %Y}"
    return day if len(value) <= 10 else f"{day}, {stamp:%H:%M}"


def day(value: Any) -> str:
    """Just the (local) date, as people read it."""
    return when(value).split(", ")[0]


CHANNEL_LABELS = {"linkedin_invitation": "LinkedIn invitation", "linkedin_message": "LinkedIn message",
                  "inmail": "InMail", "email": "Email", "linkedin_inmail": "LinkedIn InMail"}


def local_input(value: Any) -> str:
    """A stored stamp as the value of a datetime-local field, in the user's time zone."""
    if not isinstance(value, str) or not value:
        return ""
    stamp = local_moment(value)
    return stamp.strftime("%Y-%m-%dT%H:%M") if stamp else ""


def page_url(**changes: Any) -> str:
    """The current page's URL with some query arguments changed (None removes one)."""
    args = {k: v for k, v in request.args.items() if v not in ("", None)}
    args.update({k: v for k, v in changes.items()})
    args = {k: v for k, v in args.items() if v not in ("", None)}
    return url_for(request.endpoint or "", **{**(request.view_args or {}), **args})


def install(app: Flask) -> None:
    """Register the filters and helpers with the app's Jinja environment."""
    app.jinja_env.filters.update(when=when, day=day, local_input=local_input,
                                 channel_label=lambda c: CHANNEL_LABELS.get(c) or (c or "").replace("_", " "),
                                 stage_label=lambda s: STAGE_LABELS.get(s, s),
                                 rule_label=lambda r: RULE_LABELS.get(r, r),
                                 kind_label=lambda k: DRAFT_LABELS.get(k) or (k or "").replace("_", " ").capitalize())
    app.jinja_env.globals.update(page_url=page_url, STAGE_LABELS=STAGE_LABELS)
