"""The stage a prospect is at, recomputed from its log: edits and deletes of entries move it back or forward."""

from datetime import datetime, timezone
from typing import Any, Iterable

from coffeechat.model import STAGES
from coffeechat.timeline.days import moment_of

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def moment_key(stamp: Any) -> datetime:
    """A sort key for a log stamp: aware UTC (a naive stamp is the user's local time); unreadable sorts first."""
    moment = moment_of(stamp)
    if moment is None:
        return _EPOCH
    try:
        return moment.astimezone(timezone.utc)
    except (OverflowError, OSError, ValueError):
        return moment.replace(tzinfo=timezone.utc)


def in_order(log: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The log ordered by when things happened (stable: entries of the same moment keep their order)."""
    return sorted(log, key=lambda e: moment_key(e.get("at")))


def stage_from_log(log: Iterable[dict[str, Any]], implied, start: str = "saved") -> str:
    """The stage after replaying the log in time order: a stage change sets it, an action moves it as it implies.

    ``implied(current, action)`` is the pipeline's rule (None when the action does not move the stage).
    """
    stage = start
    for entry in in_order(log):
        kind = entry.get("type")
        if kind == "stage_changed":
            if entry.get("to") in STAGES:
                stage = entry["to"]
        elif kind:
            try:
                moved = implied(stage, kind)
            except KeyError:  # a type the pipeline does not know moves nothing
                moved = None
            stage = moved or stage
    return stage
