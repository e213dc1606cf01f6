"""The one ISO-date helper: stamps in the log are ISO text, people live in local calendar days."""

from datetime import date, datetime, timedelta
from typing import Any

# Dates people may record: far enough back for an old contact, ten years ahead for a meeting.
# A stored date outside this range (older versions accepted any) is still shown as written;
# day_of does not count from the calendar's far ends, and add_days stops there instead of raising.
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


# Days this near the calendar's ends are not counted from: every delay added to a day (rules allow up to
# ten years each, two may add up) then stays inside the calendar, wherever the arithmetic happens.
_MARGIN = timedelta(days=366 * 21)
_COUNTABLE = (date.min + _MARGIN, date.max - _MARGIN)


def moment_of(stamp: Any) -> datetime | None:
    """An ISO date or date-time ("2026-03-02T14:00:00Z", "2026-03-02") as a datetime; None when unreadable."""
    if not isinstance(stamp, str) or len(stamp) < 10:
        return None
    try:
        return datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def local_moment(stamp: Any) -> datetime | None:
    """An ISO stamp in the user's local time (a naive one is already local); as stored at the calendar's far ends."""
    moment = moment_of(stamp)
    if moment is None or moment.tzinfo is None:
        return moment
    try:
        return moment.astimezone()
    except (OverflowError, OSError, ValueError):  # the far edges of the calendar have no local time
        return moment


def day_of(stamp: Any) -> date | None:
    """The user's local calendar day of an ISO stamp (None when unreadable).

    The store stamps the log in UTC, but "today" and "yesterday" are the user's local days, so an
    aware stamp is converted to local time first; a naive one (a meeting typed in the browser) is
    already local. A day within 21 years of the calendar's ends counts as unreadable.
    """
    moment = moment_of(stamp)
    if moment is None:
        return None
    day = moment.date()
    if not _COUNTABLE[0] <= day <= _COUNTABLE[1]:
        return None  # a stamp an older version let through (year 1, 9999): shown as written, not counted from
    return moment.astimezone().date() if moment.tzinfo else day


def when_words(day: date) -> str:
    """A date as people write it in a note: "March 2, 2026"."""
    return f"{day.strftime('%B')} {day.day}, {day.year}"
