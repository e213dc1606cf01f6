"""Extra filters of the prospects list: people who changed jobs since a day, and a chosen set of ids."""

from datetime import date
from typing import Any

from coffeechat.errors import BadInput
from coffeechat.store import ProspectStore
from coffeechat.timeline import day_of

MAX_IDS = 50_000


def changed_since(store: ProspectStore, since: str | None) -> set[int] | None:
    """Ids whose log has a job change seen on or after ``since`` (YYYY-MM-DD); None for no filter."""
    if not since:
        return None
    try:
        day = date.fromisoformat(since)
    except ValueError:
        raise BadInput(f"changed_since must be a date like 2026-03-01, got {since!r}") from None
    return {pid for pid, t in store.timelines().items()
            if any(e.get("type") == "job_changed" and (d := day_of(e.get("at"))) and d >= day for e in t["log"])}


def ids(raw: str | None) -> set[int] | None:
    """The ids of a comma-separated list (the people behind a number on the insights page)."""
    if not raw:
        return None
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if len(parts) > MAX_IDS or not all(p.isdigit() for p in parts):
        raise BadInput("ids must be prospect numbers separated by commas")
    return {int(p) for p in parts}


def narrow(*sets: Any) -> set[int] | None:
    """The ids every given filter keeps (None filters keep everyone)."""
    out: set[int] | None = None
    for s in sets:
        if s is not None:
            out = set(s) if out is None else out & s
    return out
