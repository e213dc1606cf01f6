"""True facts for a draft: common ground between the user and a prospect, and their specifics.

Every fact is ``{"kind", "text", "common_ground"}`` plus ``phrases``: the context values a
template may print for it. A draft lists a fact in ``facts_used`` only when one of its phrases
appears in the rendered text, so the list never claims more than the draft says.
"""

import re
from datetime import date
from typing import Any

from coffeechat.outreach.about import about_clause, about_topics
from coffeechat.outreach.career import career, function_of, functions_in
from coffeechat.outreach.names import (
    clean_name,
    company_name,
    company_ref,
    first_name,
    fold,
    headline_phrase,
    school_name,
    school_ref,
    span_words,
    strip_emoji,
)
from coffeechat.outreach.reasons import same_entity, same_place

_MONTHS = ("January February March April May June July August September October November "
           "December").split()
# Levels below working proficiency, in the languages the parser reads.
_LIMITED = re.compile(r"\b(elementary|limited|basic|beginner|basico|basica|elementar|iniciante|grundkenntnisse|"
                      r"notions|elementaire|podstawow\w*|ograniczon\w*)\b")
# Sharing English is no common ground in an English note.
_TRIVIAL_LANGUAGES = {"english"}


def same_school(mine: str, theirs: str) -> bool:
    """Whether two school names are the same place (never one name inside another)."""
    return same_entity(school_name(mine), school_name(theirs))


def same_company(mine: str, theirs: str) -> bool:
    """Whether two employers are the same after dropping legal suffixes and taglines."""
    return same_entity(company_name(mine), company_name(theirs))


def same_city(mine: str, location: str) -> bool:
    """Whether the user's city and region are where the prospect lives ("Norwalk, CT" is not Norwalk, California)."""
    return same_place(mine, location or "")


def _language(entry: Any) -> str:
    return (entry.get("language") if isinstance(entry, dict) else entry) or ""


def shared_language(mine: list[str], theirs: list[Any]) -> str:
    """A language both speak, as the prospect writes it; "Mandarin" matches "Chinese (Mandarin)"."""
    for entry in theirs or []:
        level = fold(entry.get("proficiency")) if isinstance(entry, dict) else ""
        if not level or _LIMITED.search(level):
            continue  # only a language they list at a working level is shared ground
        name = _language(entry)
        words = set(re.findall(r"[^\W\d_]+", fold(name)))
        for lang in mine:
            want = set(fold(lang).split())
            if want and want <= words and not want & _TRIVIAL_LANGUAGES:
                return strip_emoji(name)
    return ""


def _skill_key(skill: str) -> str:
    return fold(re.sub(r"\([^)]*\)", "", skill or ""))


def shared_skills(mine: list[str], theirs: list[str], limit: int = 2) -> list[str]:
    """Skills both list, in the user's words ("Python" matches "Python (Programming Language)")."""
    theirs_keys = {_skill_key(s) for s in theirs or [] if isinstance(s, str)}
    return [s for s in mine if _skill_key(s) and _skill_key(s) in theirs_keys][:limit]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _month_year(value: str | None) -> str:
    if value and len(value) == 7:
        return f"{_MONTHS[int(value[5:]) - 1]} {value[:4]}"
    return value or ""


def _fact(kind: str, text: str, common: bool, **phrases: str) -> dict[str, Any]:
    return {"kind": kind, "text": text, "common_ground": common,
            "phrases": {k: v for k, v in phrases.items() if v}}


def common_ground(prospect: dict[str, Any], me: dict[str, Any], path: dict[str, Any],
                  referrer: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """What the user and the prospect truly share, strongest first."""
    found = []
    if referrer and clean_name(referrer.get("full_name")):
        name = clean_name(referrer.get("full_name"))
        found.append(_fact("referrer", name, True, referrer_name=name,
                           referrer_first=first_name(name)))
    schools = [school_name(e.get("school")) for e in prospect.get("education") or []
               if isinstance(e, dict) and e.get("school")]
    for mine in me.get("schools") or []:
        if any(same_school(mine, theirs) for theirs in schools):
            found.append(_fact("shared_school", mine, True, shared_school=school_ref(mine)))
            break
    companies = [r["company"] for r in path["roles"] if r["company"]]
    for mine in me.get("employers") or []:
        if any(same_company(mine, theirs) for theirs in companies):
            found.append(_fact("shared_employer", company_name(mine), True,
                               shared_employer=company_name(mine)))
            break
    goal_functions = functions_in(me.get("goal"))
    my_function = function_of(me.get("current_role"))
    for move in reversed(path["transitions"]):
        if move["to"] in goal_functions and (move["from"] in goal_functions or move["from"] == my_function):
            phrase = f"from {move['from_label']} to {move['to_label']}"
            found.append(_fact("similar_change", phrase, True, similar_change=phrase))
            break
    if me.get("city") and same_city(me["city"], prospect.get("location") or ""):
        city = me["city"].split(",")[0].strip()
        found.append(_fact("same_city", city, True, same_city=city))
    language = shared_language(me.get("languages") or [], prospect.get("languages") or [])
    if language:
        found.append(_fact("shared_language", language, True, shared_language=language))
    skills = shared_skills(me.get("skills") or [], prospect.get("skills") or [])
    if skills:
        found.append(_fact("shared_skills", _and(skills), True, shared_skills=_and(skills)))
    return found


def _education(prospect: dict[str, Any]) -> dict[str, Any] | None:
    """Their most relevant school: a university before a high school, most recent first."""
    rows = [e for e in prospect.get("education") or [] if isinstance(e, dict) and e.get("school")]
    higher = [e for e in rows if not re.search(r"high school|collegiate|secondary|o/l|a/l",
                                               fold(f"{e.get('school')} {e.get('degree')}"))]
    found = higher or rows
    return found[0] if found else None


def specifics(prospect: dict[str, Any], path: dict[str, Any]) -> list[dict[str, Any]]:
    """Facts about the prospect themselves, most telling first."""
    found = []
    now = path["current"]
    if path["transitions"]:
        move = path["transitions"][-1]
        short = f"from {move['from_label']} to {move['to_label']}"
        full = f"{short} in {move['year']}" if move["year"] else short
        found.append(_fact("transition", full, False, transition=full, transition_short=short,
                           transition_to=move["to_label"], transition_year=str(move["year"] or "")))
    if now and (now["title"] or now["company"]):
        company = company_ref(now["company"])
        role_at = " at ".join(p for p in (now["title"], company) if p)
        found.append(_fact("current_role", role_at, False, role_at=role_at, role=now["title"],
                           company=company))
    if path["recent_move"]:
        move = path["recent_move"]
        since, moved_from = _month_year(move["start"]), company_ref(move["from_company"])
        text = f"joined {company_ref(move['to_company'])}" + (f" in {since}" if since else "")
        if moved_from:
            text += f" after {moved_from}"
        found.append(_fact("recent_move", text, False, moved_from=moved_from, move_since=since))
    elif now and path["tenure_months"] and path["tenure_months"] >= 12:
        tenure = span_words(path["tenure_months"])
        found.append(_fact("tenure", f"{tenure} in the current role", False, tenure=tenure,
                           since=_month_year(now["start"])))
    if path["field_months"] and path["field_months"] >= 36 and path["field"]:
        years = span_words(path["field_months"])
        found.append(_fact("years_in_field", f"{years} of {path['field']}", False, field_years=years))
    clause = about_clause(prospect.get("about"))
    if clause:
        found.append(_fact("about", clause, False, about=clause))
    topics = about_topics(prospect.get("about"))
    if topics:
        found.append(_fact("topics", _and(topics), False, topics=_and(topics)))
    school = _education(prospect)
    if school:
        name = school_ref(school["school"])
        study = strip_emoji(school.get("field_of_study") or "")
        found.append(_fact("their_school", name, False, their_school=name, their_study=study))
    if not now:
        headline = headline_phrase(prospect.get("headline"))
        if headline:
            found.append(_fact("headline", headline, False, headline=headline))
    return found


def gather(prospect: dict[str, Any], me: dict[str, Any], today: date,
           referrer: dict[str, Any] | None = None) -> dict[str, Any]:
    """The career, the common ground and the specifics of one prospect for one user."""
    path = career(prospect, today)
    return {"career": path, "common": common_ground(prospect, me, path, referrer),
            "specific": specifics(prospect, path)}
