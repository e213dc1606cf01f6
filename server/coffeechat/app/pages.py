"""What each dashboard page shows, as plain data: the HTML pages and their JSON twins both call these."""

import re
from datetime import date, datetime, timedelta
from typing import Any, Mapping

from coffeechat import timeline
from coffeechat.app import advice, companies, followups, list_filters, prospect_view
from coffeechat.app.insights import bucket_ids
from coffeechat.app.today import SNOOZE_LABELS
from coffeechat.errors import BadInput, CoffeechatError
from coffeechat.model import STAGES
from coffeechat.outreach.kinds import DRAFT_KINDS
from coffeechat.outreach.templates import list_templates
from coffeechat.pipeline import ACTIONS
from coffeechat.store import ProspectStore
from coffeechat.store.companies import company_key
from coffeechat.store.query import snippet

URL = re.compile(r"https?://[^\s<>\"']+")
PAGE_SIZE = 50
LIST_LIMIT = 100  # Today lists at most this many items per section; the prospects page has the rest


def _int(args: Mapping[str, Any], name: str, default: int) -> int:
    raw = args.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise BadInput(f"{name} must be a whole number, got {raw!r}") from None


def summary(p: dict[str, Any]) -> dict[str, Any]:
    """The few fields that name a prospect in a list."""
    current = p.get("current") or {}
    return {"id": p["id"], "full_name": p.get("full_name") or "(no name)", "headline": p.get("headline"),
            "company": current.get("company"), "stage": p.get("stage")}


def prospects_page(store: ProspectStore, args: Mapping[str, Any], today: date) -> dict[str, Any]:
    """One page of the prospects table: filters from ``args`` (q, stage, tag, company, due, changed_since, ids,
    bucket from the insights page, sort, limit, offset)."""
    filters = {k: (args.get(k) or None) for k in ("q", "stage", "tag", "company", "due", "changed_since", "ids",
                                                    "bucket")}
    sort = args.get("sort") or "-updated"
    limit, offset = _int(args, "limit", PAGE_SIZE), _int(args, "offset", 0)
    only = list_filters.narrow(followups.due_filter(store, filters["due"], today),
                               list_filters.changed_since(store, filters["changed_since"]),
                               list_filters.ids(filters["ids"]), bucket_ids(store, args, today))
    order = followups.due_order(store, today) if sort.lstrip("-") == "next_due" else None
    items, total = store.search(q=filters["q"], stage=filters["stage"], tag=filters["tag"], company=filters["company"],
                                sort=sort, limit=limit, offset=offset, only=only, due_order=order)
    plan = followups.plan(store, today)
    saved_companies = companies.links(store)
    for p in items:
        upcoming = plan.get(p["id"])
        p["next_follow_up"] = dict(upcoming[0]) if upcoming else None
        p["last_contact"] = timeline.last_contact(p.get("log") or ())
        p["snippet"] = snippet(p, filters["q"])
        p["company_id"] = saved_companies.get(company_key((p.get("current") or {}).get("company")))
    return {"items": items, "total": total, "filters": filters, "sort": sort, "limit": limit, "offset": offset,
            "first_run": first_run(store) if not total and not any(filters.values()) else None}


def first_run(store: ProspectStore) -> list[dict[str, Any]]:
    """The first-run checklist: what a new user does before the list fills up, and what is done."""
    me = advice.load_me(store)
    return [
        {"step": "Tell coffeechat about yourself (name, goal, schools)", "done": bool(me.get("name")),
         "where": "settings"},
        {"step": "Load the extension in your browser (chrome://extensions, Load unpacked, the extension folder)",
         "done": False, "where": None},
        {"step": "Pair it: paste the pairing token from Settings into the extension's options", "done": False,
         "where": "pairing"},
        {"step": "Save a first person: open a LinkedIn profile and click the coffeechat button", "done": False,
         "where": None},
    ]


def today_page(store: ProspectStore, now: datetime) -> dict[str, Any]:
    """A to-do list: overdue and due follow-ups, people to reach out to, meetings in the next days."""
    today, current_rules = now.date(), followups.rules(store)
    plan = followups.plan(store, today)
    horizon = (today + timedelta(days=current_rules["upcoming_days"])).isoformat()
    sections: dict[str, list[dict[str, Any]]] = {"overdue": [], "due": [], "reach_out": []}
    meetings = []
    for pid, items in plan.items():
        for item in items:
            if item["rule"] == "reach_out":
                if item["status"] != "upcoming":
                    sections["reach_out"].append(dict(item))
            elif item["status"] in sections:
                sections[item["status"]].append(dict(item))
            # Every meeting still ahead has a prep reminder, so the reminders are the meeting list.
            if item["rule"] == "prep" and item["when"][:10] <= horizon:
                meetings.append({"prospect_id": pid, "when": item["when"], "where": item["where"]})
    out: dict[str, Any] = {"date": today.isoformat(), "counts": {k: len(v) for k, v in sections.items()},
                           "snoozes": SNOOZE_LABELS, "reach_out_on": bool(current_rules["reach_out_on"])}
    out["counts"]["meetings"] = len(meetings)
    # What the user marked as a priority first, then the earliest saved.
    sections["reach_out"].sort(key=lambda r: (not r.get("priority"), r["since"], r["prospect_id"]))
    for name in ("overdue", "due"):
        sections[name].sort(key=lambda r: r["due"])
    meetings.sort(key=lambda r: r["when"])
    for name, rows in (*sections.items(), ("meetings", meetings)):
        for row in rows[:LIST_LIMIT]:
            row["prospect"] = summary(store.get(row["prospect_id"]))
            if row.get("referred_id"):
                row["referred"] = summary(store.get(row["referred_id"]))
            if row.get("where"):
                row["where_link"] = link_of(row["where"])
        out[name] = rows[:LIST_LIMIT]
    return out


def link_of(text: Any) -> str | None:
    """The web address in a meeting's place ("Zoom https://…"), so the page can make it a link."""
    found = URL.search(text or "") if isinstance(text, str) else None
    return found.group(0).rstrip(".,);") if found else None


def _safely(make, *args, **kwargs) -> tuple[Any, str | None]:
    """A draft or note, or the reason it could not be made (a broken template must not hide the page)."""
    try:
        return make(*args, **kwargs), None
    except CoffeechatError as exc:
        return None, exc.message


def prospect_page(store: ProspectStore, prospect_id: int, now: datetime,
                  args: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Everything known about one prospect: record, next step, meeting, drafts (next step first), notes."""
    p = store.get(prospect_id)
    today = now.date()
    ref = p.get("referred_by")
    referrer = summary(store.get(ref)) if isinstance(ref, int) and store.find_by_id(ref) else None
    referred = [summary(store.get(pid)) for pid in store.referred_by(prospect_id)]
    drafts, drafts_error = _safely(advice.drafts, store, prospect_id, today=today)
    notes, notes_error = _safely(advice.notes, store, prospect_id, today=today)
    follow_ups = followups.of_prospect(store, p, today)
    meeting = timeline.next_meeting(p.get("log") or ())
    first = prospect_view.next_kind(p, follow_ups)
    company = store.company_named((p.get("current") or {}).get("company"))
    return {"prospect": p, "follow_ups": follow_ups,
            "last_contact": timeline.last_contact(p.get("log") or ()), "referrer": referrer, "referred": referred,
            "meeting": {**meeting, "where_link": link_of(meeting.get("where"))} if meeting else None,
            "drafts": prospect_view.draft_groups(store, p, (drafts or {}).get("drafts", []), args or {}, today, first,
                                                 (drafts or {}).get("reasons")),
            "drafts_error": drafts_error, "next_kind": first, "company": company,
            "notes": prospect_view.notes_view(notes), "notes_error": notes_error,
            "log": list(reversed(p.get("log") or [])), "now_local": now.strftime("%Y-%m-%dT%H:%M")}


def research_notes(store: ProspectStore, prospect_id: int, now: datetime) -> dict[str, Any] | None:
    """Research notes for exports; None when they cannot be made (the export goes on without them)."""
    return _safely(advice.notes, store, prospect_id, today=now.date())[0]


def settings_page(store: ProspectStore, token: str) -> dict[str, Any]:
    """The user's profile, follow-up rules, templates, pairing token and data folder."""
    return {"me": advice.load_me(store), "rules": followups.rules(store), "rule_help": timeline.RULE_HELP,
            "templates": list_templates(advice.templates_dir(store)), "token": token,
            "data_dir": str(store.data_dir), "prospects": store.count()}


def choices() -> dict[str, Any]:
    """Fixed lists the pages offer: stages, interactions, draft kinds."""
    return {"stages": STAGES, "actions": {k: v[0] for k, v in ACTIONS.items()}, "draft_kinds": DRAFT_KINDS}
