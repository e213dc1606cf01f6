"""The one ISO-date helper: stamps in the log are ISO text, people live in local calendar days."""

from datetime import date, datetime
from typing import Any


def moment_of(stamp: Any) -> datetime | None:
    """An ISO date or date-time ("2026-03-02T14:00:00Z", "2026-03-02") as a datetime; None when unreadable."""
    if not isinstance(stamp, str) or len(stamp) < 10:
        return None
    try:
        return datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def day_of(stamp: Any) -> date | None:
    """The user's local calendar day of an ISO stamp (None when unreadable).

    The store stamps the log in UTC, but "today" and "yesterday" are the user's local days, so an
    aware stamp is converted to local time first; a naive one (a meeting typed in the browser) is
    already local.
    """
    moment = moment_of(stamp)
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.date()
    try:
        return moment.astimezone().date()
    except (OverflowError, OSError, ValueError):  # the far edges of the calendar have no local time
        return moment.date()


def when_words(day: date) -> str:
    """A date as people write it in a note: "March 2, 2026"."""
    return f"{day.strftime('%B')} {day.day}, {day.year}"
