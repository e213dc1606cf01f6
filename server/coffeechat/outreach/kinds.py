"""The kinds of draft, the channel each is sent on, and that channel's length limits."""

from typing import Any

from coffeechat.me import NOTE_LIMITS

DRAFT_KINDS: tuple[str, ...] = (
    "connection_note", "message", "inmail", "email", "follow_up", "thank_you",
    "referral_thanks", "keep_in_touch", "congratulations",
)

# LinkedIn's own ceilings; InMail bodies are kept under 1,900 to leave a margin below ~2,000.
INMAIL_SUBJECT_LIMIT, INMAIL_BODY_LIMIT = 200, 1900
MESSAGE_LIMIT = 8000
EMAIL_SUBJECT_LIMIT = 120


def channel_for(kind: str, prospect: dict[str, Any]) -> str:
    """Where a draft of this kind is sent: LinkedIn note, message, InMail, or email."""
    if kind == "connection_note":
        return "linkedin_invitation"
    if kind == "inmail":
        return "linkedin_inmail"
    if kind == "email":
        return "email"
    if kind == "message":
        return "linkedin_message"
    # Later steps go where the conversation already is: email when the user has their address.
    return "email" if prospect.get("email") else "linkedin_message"


def limits_for(kind: str, channel: str, me: dict[str, Any]) -> tuple[int | None, int | None]:
    """(subject limit, body limit) for a draft; None where the channel sets no limit."""
    if channel == "linkedin_invitation":
        return None, NOTE_LIMITS.get(me.get("linkedin_account") or "free", NOTE_LIMITS["free"])
    if channel == "linkedin_inmail":
        return INMAIL_SUBJECT_LIMIT, INMAIL_BODY_LIMIT
    if channel == "linkedin_message":
        return None, MESSAGE_LIMIT
    return EMAIL_SUBJECT_LIMIT, None


def has_subject(channel: str) -> bool:
    """Whether drafts on this channel carry a subject line."""
    return channel in ("linkedin_inmail", "email")
