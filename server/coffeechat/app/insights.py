"""The insights page's data (and its JSON twin): the target from the query, people cached per store.

Reducing a prospect to its insight facts reads its whole document, so it is done once per
prospect and kept until the prospect changes: the store hands out a new timeline object on every
change, and an entry is reused only while its timeline is the very same object.
"""

import threading
import weakref
from datetime import date
from typing import Any, Mapping
from urllib.parse import urlencode

from coffeechat import insights
from coffeechat.app import advice
from coffeechat.errors import BadInput
from coffeechat.model import STAGES
from coffeechat.outreach.career import LABELS
from coffeechat.store import ProspectStore

TARGET_ARGS = ("role", "function", "company", "tag", "stage")
LINK_PREFIX = "in_"  # the prospects list reads the target as in_role, in_company, ... plus bucket=
IDS_SHOWN = 500      # the JSON lists the people behind a number up to this many; the link always has them all
REPORTS_KEPT = 16    # recent reports kept per store, while nobody changes


class _Cache:
    """One store's reduced people, and the last reports computed from them."""

    def __init__(self) -> None:
        self.people: dict[int, tuple[Any, date, insights.Person]] = {}
        self.generation = 0  # goes up whenever any person changes, appears or goes
        self.reports: dict[tuple, tuple[int, dict[str, Any]]] = {}


_caches: "weakref.WeakKeyDictionary[ProspectStore, _Cache]" = weakref.WeakKeyDictionary()
_guard = threading.Lock()


def _refresh(cache: _Cache, store: ProspectStore, today: date) -> None:
    """Reduce the people changed since the last call (every prospect the first time, or on a new day)."""
    tracks = store.timelines()
    stale = [pid for pid, t in tracks.items() if (hit := cache.people.get(pid)) is None or hit[0] is not t
             or hit[1] != today]
    gone = [pid for pid in cache.people if pid not in tracks]
    # One document decoded at a time: the reduced facts are small, the documents are not.
    for pid in stale:
        cache.people[pid] = (tracks[pid], today, insights.person_of(store.get(pid), today))
    for pid in gone:
        del cache.people[pid]
    if stale or gone:
        cache.generation += 1


def _report(store: ProspectStore, target: insights.Target, today: date) -> dict[str, Any]:
    """The report for a target, reused while no prospect (and not the user's profile) has changed."""
    me = advice.load_me(store)
    persona = me.get("persona") or "explorer"
    move = insights.goal_move(me.get("goal") or "", me.get("current_role") or "")
    key = (target, persona, move, today)
    with _guard:
        cache = _caches.setdefault(store, _Cache())
        _refresh(cache, store, today)
        hit = cache.reports.get(key)
        if hit is not None and hit[0] == cache.generation:
            return hit[1]
        result = insights.report([entry[2] for entry in cache.people.values()], target, persona, move)
        result["persona"] = persona
        if len(cache.reports) >= REPORTS_KEPT:
            cache.reports.pop(next(iter(cache.reports)))
        cache.reports[key] = (cache.generation, result)
        return result


def target_of(args: Mapping[str, Any], prefix: str = "") -> insights.Target:
    """The target named by the query (role words, function, company, tag, stage), checked."""
    values = {name: str(args.get(prefix + name) or "").strip() for name in TARGET_ARGS}
    if values["stage"] and values["stage"] not in STAGES:
        raise BadInput(f"unknown stage {values['stage']!r}; stages are: {', '.join(STAGES)}")
    if values["function"] and values["function"] not in LABELS:
        raise BadInput(f"unknown kind of work {values['function']!r}; choose one of: {', '.join(LABELS)}")
    if any(len(v) > 200 for v in values.values()):
        raise BadInput("keep each part of the target under 200 characters")
    return insights.Target(**values)


def _link(target: insights.Target, key: str) -> str:
    query = {LINK_PREFIX + name: getattr(target, name) for name in TARGET_ARGS if getattr(target, name)}
    return "/?" + urlencode({**query, "bucket": key})


def _dress(node: Any, target: insights.Target) -> Any:
    """Give every bucket its link, and keep long id lists out of the JSON (the link has them)."""
    if isinstance(node, list):
        return [_dress(item, target) if isinstance(item, (dict, list)) else item for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _dress(v, target) if isinstance(v, (dict, list)) and k not in ("ids", "met_ids") else v
           for k, v in node.items()}
    for key_name, ids_name, url_name in (("key", "ids", "url"), ("met_key", "met_ids", "met_url")):
        if key_name in out and ids_name in out:
            out[url_name] = _link(target, out[key_name])
            if len(out[ids_name]) > IDS_SHOWN:
                out[ids_name] = None
    return out


def _label(target: insights.Target) -> str:
    parts = [f"“{target.role}”" if target.role else "", LABELS.get(target.function, "") if target.function else "",
             f"at {target.company}" if target.company else "", f"tagged {target.tag}" if target.tag else "",
             f"at the {target.stage.replace('_', ' ')} stage" if target.stage else ""]
    return " ".join(p for p in parts if p) or "everyone you saved"


def insights_page(store: ProspectStore, args: Mapping[str, Any], today: date) -> dict[str, Any]:
    """The insights for the target in ``args``: the page and GET /api/v1/insights show exactly this."""
    target = target_of(args)
    dressed = _dress({**_report(store, target, today), "key": "people"}, target)
    return {"target": {name: getattr(target, name) for name in TARGET_ARGS}, "label": _label(target),
            "functions": LABELS, **dressed}


def bucket_ids(store: ProspectStore, args: Mapping[str, Any], today: date) -> set[int] | None:
    """The people behind one number of the insights page (the prospects list's bucket= filter)."""
    key = str(args.get("bucket") or "")
    if not key:
        return None
    result = _report(store, target_of(args, LINK_PREFIX), today)
    found = set(result["ids"]) if key == "people" else _find(result, key)
    if found is None:
        raise BadInput("that number is no longer on the insights page; open the insights again")
    return found


def _find(node: Any, key: str) -> set[int] | None:
    if isinstance(node, list):
        for item in node:
            if (hit := _find(item, key)) is not None:
                return hit
    elif isinstance(node, dict):
        if node.get("key") == key and isinstance(node.get("ids"), list):
            return set(node["ids"])
        if node.get("met_key") == key:
            return set(node["met_ids"])
        for value in node.values():
            if isinstance(value, (dict, list)) and (hit := _find(value, key)) is not None:
                return hit
    return None
