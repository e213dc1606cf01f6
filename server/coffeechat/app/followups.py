"""Follow-ups of every stored prospect with the user's rules: computed here, above the store, and cached."""

import threading
import weakref
from datetime import date
from typing import Any, Mapping

from coffeechat import timeline
from coffeechat.errors import BadInput
from coffeechat.store import ProspectStore
from coffeechat.timeline.rules import with_defaults

DUE_FILTERS = ("due", "overdue")
_planners: "weakref.WeakKeyDictionary[ProspectStore, timeline.Planner]" = weakref.WeakKeyDictionary()
_guard = threading.Lock()


def rules(store: ProspectStore) -> dict[str, int]:
    """The user's follow-up rules over the defaults."""
    return with_defaults(store.get_setting("followup_rules"))


def save_rules(store: ProspectStore, data: Mapping[str, Any]) -> dict[str, int]:
    """Validate and keep the user's follow-up rules."""
    new = timeline.validate_rules(dict(data))
    store.put_setting("followup_rules", new)
    return new


def plan(store: ProspectStore, today: date) -> dict[int, list[dict[str, Any]]]:
    """prospect id → open follow-ups (earliest due first), for the prospects that have any."""
    with _guard:
        planner = _planners.get(store)
        if planner is None:
            planner = _planners[store] = timeline.Planner()
    # The store hands out a new timeline object whenever a prospect changes, so the planner only
    # recomputes the prospects that changed since the last call (or everyone on a new day).
    return planner.plan(store.timelines(), today, rules(store))


def of_prospect(store: ProspectStore, prospect: dict[str, Any], today: date) -> list[dict[str, Any]]:
    """One prospect's open follow-ups, referral thanks included, without planning everyone's."""
    current = rules(store)
    timelines = store.timelines_of(store.referred_by(prospect["id"]))
    referred = [{**t, "id": pid} for pid, t in timelines.items()]
    items = timeline.for_prospect(prospect, today, current) + timeline.referral_thanks(prospect, referred, today, current)
    return sorted(items, key=timeline.sort_key)


def due_filter(store: ProspectStore, due: str | None, today: date) -> set[int] | None:
    """Ids with a follow-up due (or overdue) today, for the prospects list's due= filter; None for no filter."""
    if not due:
        return None
    if due not in DUE_FILTERS:
        raise BadInput(f"unknown due filter {due!r}; use due (due or overdue today) or overdue")
    wanted = ("overdue",) if due == "overdue" else ("due", "overdue")
    return {pid for pid, items in plan(store, today).items() if any(i["status"] in wanted for i in items)}


def due_order(store: ProspectStore, today: date) -> dict[int, str]:
    """id → the due date of its next follow-up, for sorting by what is due next."""
    return {pid: items[0]["due"] for pid, items in plan(store, today).items()}


def due_count(store: ProspectStore, today: date) -> int:
    """How many follow-ups are due or overdue today (the extension's badge).

    People saved but not yet contacted are Today's to-do list, not follow-ups: counting them would
    raise the badge with every save.
    """
    return sum(1 for items in plan(store, today).values() for i in items
               if i["status"] in ("due", "overdue") and i["rule"] != "reach_out")
