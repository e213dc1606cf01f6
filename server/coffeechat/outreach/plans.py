"""Sentence plans: every sentence a draft may use, each complete from present facts or empty.

Templates only arrange these sentences, so no template can print half a sentence. A plan has
steps, from fullest to shortest; the drafting loop takes the first that fits and passes the check.
"""

import re
from datetime import date
from typing import Any

from coffeechat.outreach.names import clean_name, company_ref, first_name
from coffeechat.outreach.reasons import goal_field
from coffeechat.outreach.voice import company_of, goal_words, intro, recruiter_reason
from coffeechat.outreach.words import article, day_words

# (second reason, full intro, names ask, short lead, intro kept) from fullest to shortest.
STEPS: tuple[dict[str, bool], ...] = (
    {"second": True, "full_intro": True, "names": True, "short": False, "intro": True},
    {"second": True, "full_intro": False, "names": False, "short": False, "intro": True},
    {"second": False, "full_intro": True, "names": True, "short": False, "intro": True},
    {"second": False, "full_intro": False, "names": False, "short": False, "intro": True},
    {"second": False, "full_intro": False, "names": False, "short": True, "intro": True},
    {"second": False, "full_intro": False, "names": False, "short": True, "intro": False},
)
_THIRD_PERSON = re.compile(r"\b(he|she|they|him|her|his|hers|their|them)\b", re.I)


def took_away(prospect: dict[str, Any]) -> str:
    """The user's own sentence to them about what they took away from the last meeting ("" if none)."""
    for entry in reversed(prospect.get("log") or []):
        if isinstance(entry, dict) and entry.get("type") == "meeting_held":
            text = " ".join(str(entry.get("took_away") or "").split())
            return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".") if text else ""
    return ""


def usable_took_away(text: str, prospect: dict[str, Any]) -> bool:
    """Whether the sentence speaks to them: no third person, not their name."""
    first = first_name(prospect.get("full_name"))
    return bool(text) and not _THIRD_PERSON.search(text) and not (first and re.search(rf"\b{re.escape(first)}\b", text))


def _curious(persona: str, lead_id: str, field: str, goal: str = "") -> str:
    if persona == "recruiter":
        what = f"how you see {field}" if field else "how you see your work"
        return f"I'd like to hear {what} from where you sit, and where you think it's heading."
    if lead_id == "similar_change":
        return "I'd love to hear how you made that move and what you'd do differently."
    if field and field == goal:
        return f"I'd love to hear what {field} is really like day to day and what you'd tell someone coming into it."
    return "I'd love to hear how you got where you are and what you'd tell someone starting out."


def _subject(kind: str, persona: str, reasons: list[dict[str, Any]], field: str, minutes: int,
             me: dict[str, Any]) -> str:
    lead = reasons[0] if reasons else None
    if lead and lead["id"] == "referrer":
        return f"Introduction from {lead['fact']['text']}"
    if persona == "recruiter":
        company = company_of(me)
        about = f"your view on {field}" if field else "your view on your work"
        return f"{about[:1].upper()}{about[1:]}" + (f", from a recruiter at {company}" if company else "")
    if field:
        return f"{minutes} minutes of advice on {field}?"
    return f"A short question from {first_name(me.get('name'))}" if me.get("name") else "A short question"


def sentences(kind: str, p: dict[str, Any], reasons: list[dict[str, Any]], me: dict[str, Any],
              prospect: dict[str, Any], seen: dict[str, Any], today: date, step: dict[str, bool],
              referrer: dict[str, Any] | None, every: list[dict[str, Any]] | None = None) -> dict[str, str]:
    """The sentences for one kind and plan step; keys are always present, values complete or ""."""
    persona = me.get("persona") or "explorer"
    lead = reasons[0] if reasons else None
    second = reasons[1] if len(reasons) > 1 and step["second"] else None
    field = p["field"]
    minutes = me.get("time_ask") or 15
    every = reasons + (every or [])
    role = next((r for r in every if r["id"] == "role"), None)
    topic = next((r["topic"] for r in every if r["topic"]), "")
    took = took_away(prospect)
    met_when = day_words(seen.get("met"), today)
    lead_text = (lead["short"] if step["short"] else lead["lead"]) if lead else ""
    moved = next((r for r in (lead, second) if r and r["id"] == "similar_change"), None)
    if lead and second and moved is second and lead["fact"]["common_ground"]:
        # Shared ground and the move they made read as one reason: "We both …, and you made the move …".
        lead_text = f"{lead_text.rstrip('.')}, and you made the move {moved['fact']['text']} that I'm hoping to make."
        second = None
    out: dict[str, str] = {
        "lead": lead_text,
        "second": second["lead"] if second else "",
        "intro": "", "why": "", "curious": _curious(persona, "similar_change" if moved else (lead["id"] if lead else ""),
                                                     field, goal_field(me.get("goal") or "")),
        "topic": topic, "met_when": met_when, "subject": _subject(kind, persona, reasons, field, minutes, me),
        "took_away": took if usable_took_away(took, prospect) else "[add what you took away]",
        "news": "", "followup_line": "", "referral_line": "", "who_they_are": "", "role_line": role["lead"] if role else "",
    }
    if step["intro"]:
        if persona == "recruiter":
            out["intro"] = intro(me) if step["full_intro"] else ""
            out["why"] = recruiter_reason(me, field, short=not step["full_intro"])
        else:
            said = bool(moved)
            out["intro"] = intro(me, short=not step["full_intro"], goal_said=said) if step["full_intro"] or not said else ""
    elif persona == "recruiter":
        out["why"] = recruiter_reason(me, field, short=True)
    if seen.get("contacted"):
        # Only a logged first message may be referred to; without one these stay empty.
        when = day_words(seen["contacted"], today)
        out["followup_line"] = (f"I wrote to you {when} about a short conversation" if when
                                else "I wrote to you a while ago about a short conversation") + \
            (f" on {field}." if field else ".")
        out["nudge"] = f"A gentle nudge on my note from {when}, in case it got buried." if when else \
            "A gentle nudge on my earlier note, in case it got buried."
        out["only_follow_up"] = "I know your time is full, so this is my only follow-up."
    else:
        out["nudge"] = out["only_follow_up"] = ""
    landed = (me.get("landed") or "").strip().rstrip(".")
    if landed:
        out["news"] = f"Some news: I've landed {landed}." + (
            " Our conversation was part of how I got here, so thank you again." if seen.get("met") else "")
    elif persona != "recruiter" and goal_words(me.get("goal") or ""):
        out["news"] = f"I'm still {goal_words(me['goal'])}, and I'm glad to keep learning from people like you."
        if seen.get("met") and usable_took_away(took, prospect):
            out["news"] = f"I'm still {goal_words(me['goal'])}. {took}"
    now = p["primary"]
    if now and now["title_en"] and now["company"] and now["kind"] == "employee":
        out["who_they_are"] = f"{clean_name(prospect.get('full_name'))}, {article(now['title_en'])} " \
                              f"{now['title_en']} at {company_ref(now['company'])}"
    else:
        out["who_they_are"] = clean_name(prospect.get("full_name")) + (f" about {field}" if field else "")
    them = first_name(prospect.get("full_name")) or "them"
    if seen.get("met"):
        out["referral_line"] = f"{them} and I spoke {met_when}." if met_when else f"{them} and I have now spoken."
    elif seen.get("contacted"):
        out["referral_line"] = f"I wrote to {them} {day_words(seen['contacted'], today) or 'recently'}" \
                               " and hope we can find a time."
    else:
        out["referral_line"] = f"I'll write to {them} this week."
    out.update(_later(p, reasons, me, seen, today, referrer, minutes, topic, bool(out["news"])))
    out["lead_alt"] = lead_alt(lead, out["lead"]) if lead else ""
    return out


def lead_alt(reason: dict[str, Any], text: str) -> str:
    """The same lead sentence worded another way, for the second variant."""
    if reason["id"] == "referrer":
        return f"I'm writing at {reason['fact']['text']}'s suggestion."
    if text.startswith(("We ", "You", "Your")):
        return f"I'm writing because {text[:1].lower()}{text[1:]}"
    return text


def _later(p: dict[str, Any], reasons: list[dict[str, Any]], me: dict[str, Any], seen: dict[str, Any],
           today: date, referrer: dict[str, Any] | None, minutes: int, topic: str, news: bool) -> dict[str, str]:
    """Sentences for the drafts after the first message: follow-up, thanks, keeping in touch."""
    persona = me.get("persona") or "explorer"
    met_when = day_words(seen.get("met"), today)
    ref_first = first_name(referrer.get("full_name")) if referrer else ""
    now = p["primary"]
    company = company_ref(now["company"]) if now and now["company"] and now["kind"] in ("employee", "founder") else ""
    why = "I wanted to share where things stand." if news else "I wanted to check in."
    if seen.get("met"):
        opening = "It's been a while since we talked" + (f" about {topic}" if topic else "") + f", and {why}"
    elif seen.get("replied"):
        opening = f"It's been a while since we were last in touch, and {why}"
    else:
        opening = "I wanted to share a short update from my side." if news else "I wanted to check in."
    # Where a congratulations draft says they went: a real employer only (not "Self-employed", not a club).
    new_company = company
    if company and company in topic:
        company = ""
    return {
        "new_company": new_company,
        "minutes_line": f"Even {minutes} minutes at a time that suits you would mean a lot.",
        "thanks_line": "{thanks} for talking with me" + (f" {met_when}." if met_when else "."),
        "referrer_line": f"I'll let {ref_first} know how helpful it was. " if ref_first else "",
        "offer": ("If a view across the market or an introduction would ever help you, just ask."
                  if persona == "recruiter" else "If there's ever anything I can do in return, I'd be glad to help."),
        "kit_opening": opening,
        "hope_line": f"I hope things are going well at {company}." if company else "I hope things are going well.",
    }


