"""Research notes for one prospect: timeline, common ground, questions, agenda and follow-up plan."""

from datetime import date
from typing import Any

from coffeechat.me import DEFAULT_ME
from coffeechat.outreach.facts import gather
from coffeechat.outreach.names import clean_name, company_name, first_name, school_name, span_words, strip_emoji
from coffeechat.outreach.person import person
from coffeechat.research.markdown import to_markdown
from coffeechat.research.plan import agenda, follow_up_plan, prep_checklist, things_to_avoid
from coffeechat.research.questions import questions_for, top_questions
from coffeechat.timeline import DEFAULT_RULES, captured_on, due_dates, key_dates


def duration_text(months: int | None) -> str:
    """A duration in LinkedIn's short form, normalized: "1 yr 4 mos", "8 mos", "3 yrs"."""
    if not months:
        return ""
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} yr" + ("s" if years > 1 else ""))
    if rest:
        parts.append(f"{rest} mo" + ("s" if rest > 1 else ""))
    return " ".join(parts)


def timeline(prospect: dict[str, Any], path: dict[str, Any]) -> dict[str, Any]:
    """Their roles newest first with normalized durations, totals, tenure, moves and schools."""
    now = path["current"]
    roles = [{
        "title": r["title"], "company": r["company"], "start": r["start"], "end": r["end"],
        "months": r["months"], "duration": duration_text(r["months"]), "current": r is now,
        "student_role": r["student"],
    } for r in reversed(path["roles"])]
    education = [{
        "school": school_name(e.get("school")), "degree": strip_emoji(e.get("degree") or ""),
        "field_of_study": strip_emoji(e.get("field_of_study") or ""),
        "start": e.get("start"), "end": e.get("end"),
    } for e in prospect.get("education") or [] if isinstance(e, dict) and e.get("school")]
    return {
        "roles": roles,
        "total_years": round(path["total_months"] / 12, 1) if path["total_months"] else 0,
        "years_in_field": round(path["field_months"] / 12, 1) if path["field_months"] else None,
        "field": path["field"],
        "tenure_months": path["tenure_months"],
        "tenure": span_words(path["tenure_months"]),
        "first_year": path["first_year"],
        "transitions": [{
            "from": m["from_label"], "to": m["to_label"], "year": m["year"],
            "text": f"{m['from_role']['title']} at {m['from_role']['company']} → "
                    f"{m['to_role']['title']} at {m['to_role']['company']} ({m['year']})",
        } for m in path["transitions"]],
        "recent_move": path["recent_move"],
        "education": education,
    }


def notes_for(prospect: dict[str, Any], me: dict[str, Any], *, today: date,
              referrer: dict[str, Any] | None = None, rules: dict[str, int] | None = None) -> dict[str, Any]:
    """Everything to read before the conversation, as sections, a question list and Markdown."""
    me = {**DEFAULT_ME, **(me or {})}
    # Durations count to the day of the capture: an old page keeps its own numbers, not today's.
    gathered = gather(prospect, me, captured_on(prospect) or today, referrer)
    path, seen = gathered["career"], key_dates(prospect)
    rules = rules or DEFAULT_RULES
    now = path["current"] or {}
    first = first_name(prospect.get("full_name"))
    who = person(prospect, today)
    questions = questions_for(prospect, me, gathered, referrer, who)
    sections: dict[str, Any] = {
        "person": {
            "name": clean_name(prospect.get("full_name")), "first_name": first,
            "headline": strip_emoji(prospect.get("headline")), "location": prospect.get("location") or "",
            "current_role": (who["primary"] or {}).get("title_en") or now.get("title") or "",
            "company": company_name((who["primary"] or {}).get("company") or now.get("company")),
            "profile_url": prospect.get("profile_url") or "", "stage": prospect.get("stage") or "saved",
        },
        "timeline": timeline(prospect, path),
        "common_ground": [{"kind": f["kind"], "text": f["text"]} for f in gathered["common"]],
        "about_them": [{"kind": f["kind"], "text": f["text"]} for f in gathered["specific"]],
        "agenda": agenda(me, first),
        "prep": prep_checklist(me, path),
        "avoid": things_to_avoid(me, path),
        "follow_up": follow_up_plan(seen, due_dates(prospect, today, rules), today, rules, referrer),
    }
    if who["stale"]:
        sections["timeline"]["note"] = ("This capture is old: durations are the page's own, as of "
                                        f"{who['captured'].strftime('%B %Y')}. Capture the profile again.")
    top = top_questions(questions, me.get("time_ask") or 15)
    return {"sections": sections, "questions": questions, "top_questions": top,
            "markdown": to_markdown(sections, questions, me, today, top)}
