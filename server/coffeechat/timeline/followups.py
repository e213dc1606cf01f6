"""Follow-ups computed from a prospect's log and stage, with rules the user can change.

Pure functions: the clock (``today``) is always passed in, so every rule is testable.
A follow-up is a dict: ``{"prospect_id", "rule", "draft_kind", "due", "overdue_on", "status",
"reason", "since"}``; ``draft_kind`` names the draft for that step (or None when the step is an
action, such as preparing or moving the prospect to ``not_now``).
"""

from datetime import date
from functools import lru_cache
from typing import Any, Callable, Iterable

from coffeechat.timeline.days import add_days, day_of
from coffeechat.timeline.rules import DEFAULT_RULES

OUTREACH = ("invitation_sent", "message_sent")
ANSWERS = ("reply_received", "meeting_scheduled", "meeting_held")
CONTACTS = OUTREACH + ANSWERS + ("follow_up_sent", "thank_you_sent", "keep_in_touch_sent")
CLOSED = ("declined", "not_now")
# Order for "the next follow-up" when two are due the same day: the most time-sensitive first.
RULE_ORDER = ("thank_you", "prep", "referral_thanks", "congratulate", "follow_up", "suggest_not_now",
              "keep_in_touch", "reach_out")


def _last(log: Iterable[dict[str, Any]], types: tuple[str, ...]) -> dict[str, Any] | None:
    found = None
    for entry in log:
        if entry.get("type") in types:
            found = entry
    return found


def _after(log: Iterable[dict[str, Any]], entry: dict[str, Any], types: tuple[str, ...]) -> bool:
    """Whether an entry of these types comes after ``entry`` in the (oldest-first) log."""
    seen = False
    for other in log:
        if other is entry:
            seen = True
        elif seen and other.get("type") in types:
            return True
    return False


# One string per day: the plan of 50,000 prospects holds ~130,000 dates spread over a few thousand days.
_iso: Callable[[date], str] = lru_cache(maxsize=8192)(date.isoformat)


def _item(pid: Any, rule: str, draft_kind: str | None, since: date, due: date, overdue_on: date,
          today: date, reason: str) -> dict[str, Any]:
    status = "overdue" if today >= overdue_on else "due" if today >= due else "upcoming"
    return {"prospect_id": pid, "rule": rule, "draft_kind": draft_kind, "since": _iso(since),
            "due": _iso(due), "overdue_on": _iso(overdue_on), "status": status, "reason": reason}


def next_meeting(log: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The latest scheduled meeting not yet held (or None)."""
    log = list(log)
    meeting = _last(log, ("meeting_scheduled",))
    if meeting is None or _after(log, meeting, ("meeting_held",)) or not day_of(meeting.get("when")):
        return None
    return meeting


def for_prospect(p: dict[str, Any], today: date, rules: dict[str, int] = DEFAULT_RULES) -> list[dict[str, Any]]:
    """Open follow-ups of one prospect from its own log (referral thanks come from ``referral_thanks``)."""
    pid, stage, log = p.get("id"), p.get("stage") or "saved", list(p.get("log") or ())
    if stage in CLOSED:
        return []
    grace = rules["grace_days"]
    out = []
    held = _last(log, ("meeting_held",))
    if held and not _after(log, held, ("thank_you_sent",)) and (since := day_of(held.get("at"))):
        out.append(_item(pid, "thank_you", "thank_you", since, add_days(since, rules["thank_you_due_days"]),
                         add_days(since, rules["thank_you_overdue_days"]), today,
                         "Send a thank-you that mentions something you learned"))
    meeting = next_meeting(log)
    if meeting and (when := day_of(meeting["when"])) and when >= today:
        prep = add_days(when, -rules["prep_days_before"])
        item = _item(pid, "prep", None, day_of(meeting.get("at")) or today, prep, add_days(when, 1), today,
                     "Read the research notes and the agenda before the meeting")
        item.update(when=meeting["when"], where=meeting.get("where"))
        out.append(item)
    outreach = _last(log, OUTREACH)
    if stage == "contacted" and outreach and not _after(log, outreach, ANSWERS):
        nudge = _last(log, ("follow_up_sent",))
        if nudge and _after(log, outreach, ("follow_up_sent",)) and (since := day_of(nudge.get("at"))):
            due = add_days(since, rules["not_now_after_days"])
            out.append(_item(pid, "suggest_not_now", None, since, due, add_days(due, grace), today,
                             "No answer to your follow-up either: let it rest (move to Not now)"))
        elif not _after(log, outreach, ("follow_up_sent",)) and (since := day_of(outreach.get("at"))):
            due = add_days(since, rules["follow_up_after_days"])
            out.append(_item(pid, "follow_up", "follow_up", since, due, add_days(due, grace), today,
                             "No reply yet: send one polite follow-up"))
    if stage in ("thanked", "in_touch"):
        last = _last(log, ("thank_you_sent", "keep_in_touch_sent", "stage_changed"))
        since = day_of(last.get("at")) if last else day_of(p.get("updated_at"))
        if since:
            due = add_days(since, rules["keep_in_touch_days"])
            out.append(_item(pid, "keep_in_touch", "keep_in_touch", since, due, add_days(due, grace), today,
                             "Keep in touch: share an update"))
    if (congrats := congratulate(pid, log, today, rules)) is not None:
        out.append(congrats)
    if rules.get("reach_out_on", 1) and stage == "saved" and not _last(log, CONTACTS):
        since = day_of(p.get("created_at")) or day_of(p.get("updated_at"))
        if since:
            due = add_days(since, rules.get("reach_out_days", 0))
            first_degree = str(p.get("connection_degree") or "").startswith("1")
            item = _item(pid, "reach_out", "message" if first_degree else "connection_note", since, due,
                         add_days(due, rules["grace_days"]), today,
                         "Send a message" if first_degree else "Send a connection note")
            item["priority"] = bool(p.get("priority"))
            out.append(item)
    return sorted(snoozed_out(out, p.get("snoozed"), today), key=sort_key)


def snoozed_out(items: list[dict[str, Any]], snoozed: Any, today: date) -> list[dict[str, Any]]:
    """The items whose rule the user did not snooze past today."""
    if not isinstance(snoozed, dict) or not snoozed:
        return items
    return [i for i in items if not (isinstance(snoozed.get(i["rule"]), str) and snoozed[i["rule"]] > today.isoformat())]


def congratulate(pid: Any, log: list[dict[str, Any]], today: date,
                 rules: dict[str, int] = DEFAULT_RULES) -> dict[str, Any] | None:
    """A new job seen in a re-capture, not yet answered by any message: congratulate them."""
    change = _last(log, ("job_changed",))
    if change is None or _after(log, change, CONTACTS) or not (since := day_of(change.get("at"))):
        return None
    company = change.get("to_company")
    return _item(pid, "congratulate", "congratulations", since, since,
                 add_days(since, rules.get("congratulate_within_days", DEFAULT_RULES["congratulate_within_days"])),
                 today, f"Congratulate on the new role at {company}" if company else "Congratulate on the new role")


def referral_thanks(referrer: dict[str, Any], referred: Iterable[dict[str, Any]], today: date,
                    rules: dict[str, int] = DEFAULT_RULES) -> list[dict[str, Any]]:
    """Thank-yous the referrer is owed: one per referred prospect whose meeting was held since the last thanks."""
    if (referrer.get("stage") or "saved") in CLOSED:
        return []
    thanked = [d for e in referrer.get("log") or () if e.get("type") == "thank_you_sent" and (d := day_of(e.get("at")))]
    out = []
    for other in referred:
        held = _last(other.get("log") or (), ("meeting_held",))
        since = day_of(held.get("at")) if held else None
        if since is None or any(d >= since for d in thanked):
            continue
        item = _item(referrer.get("id"), "referral_thanks", "referral_thanks", since,
                     add_days(since, rules["referral_thanks_due_days"]),
                     add_days(since, rules["referral_thanks_due_days"] + rules["grace_days"]), today,
                     "Thank them for the introduction: you met the person they referred")
        item["referred_id"] = other.get("id")
        out.append(item)
    return out


def sort_key(item: dict[str, Any]) -> tuple[str, int]:
    """Earliest due first; on the same day the most time-sensitive rule first."""
    return item["due"], RULE_ORDER.index(item["rule"])


def last_contact(log: Iterable[dict[str, Any]]) -> str | None:
    """When the user and the prospect last exchanged anything (ISO timestamp or None)."""
    entry = _last(log, CONTACTS)
    return entry.get("at") if entry else None


_NOTHING: list[dict[str, Any]] = []


class Planner:
    """Follow-ups of every prospect; a prospect's own are recomputed only when its track or the day changes."""

    def __init__(self) -> None:
        self._key: tuple = ()  # (day, rules) the cached items were computed for
        # id → (track, items); a prospect with nothing due holds the one shared empty list (never handed out).
        self._cache: dict[int, tuple[dict[str, Any], list[dict[str, Any]]]] = {}

    def plan(self, tracks: dict[int, dict[str, Any]], today: date,
             rules: dict[str, int] = DEFAULT_RULES) -> dict[int, list[dict[str, Any]]]:
        """prospect id → open follow-ups (earliest due first), for prospects that have any."""
        key = (today, tuple(sorted(rules.items())))
        if key != self._key:
            self._key, self._cache = key, {}
        out: dict[int, list[dict[str, Any]]] = {}
        referred: dict[int, list[dict[str, Any]]] = {}
        for pid, t in tracks.items():
            hit = self._cache.get(pid)
            # The index replaces a prospect's track object on every change, so identity means "unchanged".
            if hit is not None and hit[0] is t:
                items = hit[1]
            else:
                items = for_prospect({**t, "id": pid}, today, rules) or _NOTHING
                self._cache[pid] = (t, items)
            if items:
                out[pid] = items
            ref = t.get("referred_by")
            if isinstance(ref, int) and ref in tracks:
                referred.setdefault(ref, []).append({**t, "id": pid})
        for ref, others in referred.items():
            extra = snoozed_out(referral_thanks({**tracks[ref], "id": ref}, others, today, rules),
                                tracks[ref].get("snoozed"), today)
            if extra:
                out[ref] = sorted(out.get(ref, []) + extra, key=sort_key)
        if len(self._cache) > len(tracks) + 1000:
            self._cache = {pid: v for pid, v in self._cache.items() if pid in tracks}
        return out


def due_dates(prospect: dict[str, Any], today: date, rules: dict[str, int] = DEFAULT_RULES) -> dict[str, dict[str, Any]]:
    """A prospect's open follow-ups by rule (the earliest of each), as Today computes them."""
    out: dict[str, dict[str, Any]] = {}
    for item in for_prospect(prospect, today, rules):
        out.setdefault(item["rule"], item)
    return out
