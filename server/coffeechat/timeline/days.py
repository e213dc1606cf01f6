"""The one ISO-date helper: stamps in the log are ISO text, people live in local calendar days."""

from datetime import date, datetime, timedelta
from typing import Any

# Dates people may record: far enough back for an old contact, ten years ahead for a meeting.
# Stored dates outside this range (older versions accepted any) are still read: arithmetic on them
# goes through add_days, which stops at the calendar's ends instead of raising.
EARLIEST = date(1950, 1, 1)
YEARS_AHEAD = 10


def latest(today: date | None = None) -> date:
    """The last day a recorded date may fall on: ten years after today."""
    today = today or date.today()
    return add_days(today, 365 * YEARS_AHEAD + YEARS_AHEAD // 4)


def add_days(day: date, days: int) -> date:
    """``day`` plus ``days`` (negative goes back), stopping at the first or last day of the calendar."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


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
