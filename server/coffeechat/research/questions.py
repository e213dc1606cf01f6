"""Questions for one conversation: specific ones drawn from their path, then the general themes."""

from typing import Any

from coffeechat.outreach.names import company_ref, strip_emoji

MIN_QUESTIONS, MAX_QUESTIONS, TARGET = 8, 12, 10
_MAX_SPECIFIC = 6

# General themes from the domain notes, in the order they tend to come up in a conversation.
EXPLORER_THEMES = (
    "What does a typical day look like for you, and which part of it do you enjoy most?",
    "If you were starting in {field} today, what would you do differently?",
    "Which training, courses or certifications actually matter in {field}, and which are overrated?",
    "Which publications, communities or professional groups do you follow to keep up?",
    "Where is {field} growing right now, and what is the hardest problem it faces?",
    "If your team were handed an unexpected extra budget tomorrow, what would you spend it on?",
    "If you were in my position, how would you approach employers in {field}?",
    "What do people starting out in {field} typically earn, roughly?",
)
RECRUITER_THEMES = (
    "What does a good week look like in your work, and what makes a bad one?",
    "Which skills matter more in {field} now than a few years ago?",
    "What do people outside {field} most often misunderstand about it?",
    "Where do you go to learn: communities, newsletters, events?",
    "What makes a team in {field} a place people want to stay?",
    "If your team were handed an unexpected extra budget, where would it go?",
    "Where do you think {field} is heading over the next couple of years?",
)
CLOSING = {
    "explorer": "Who else would you suggest I talk to, and may I mention that you sent me?",
    "recruiter": "Who else would you suggest I talk with to understand {field} better?",
}


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _first_in_field(path: dict[str, Any]) -> dict[str, Any] | None:
    """Their first main role in the function they work in now, when it is not the current one."""
    now = path["current"]
    if not now or not now.get("function"):
        return None
    for row in path["roles"]:
        if (row["function"] == now["function"] and not row["student"] and not row["side"]
                and row is not now and row["company"] and row["company"] != now["company"]):
            return row
    return None


def specific_questions(prospect: dict[str, Any], gathered: dict[str, Any],
                       referrer: dict[str, Any] | None) -> list[str]:
    """Questions only this person can answer, built from their roles, moves, school and words."""
    path, facts = gathered["career"], {f["kind"]: f["phrases"] for f in gathered["specific"] + gathered["common"]}
    now = path["current"] or {}
    company = company_ref(now.get("company")) if now.get("company") else ""
    asks = []
    for move in reversed(path["transitions"][-2:]):
        frm, to = move["from_role"], move["to_role"]
        asks.append(f"You moved from {move['from_label']} to {move['to_label']} in {move['year']}, "
                    f"from {frm['title']} at {company_ref(frm['company'])} to {to['title']} at "
                    f"{company_ref(to['company'])}. What made the switch work, and what was harder than expected?")
    if path["recent_move"] and company:
        before = path["recent_move"]["from_company"]
        asks.append(f"What drew you to {company}" + (f" after {company_ref(before)}" if before else "")
                    + ", and how have the first months compared with what you expected?")
    if now.get("title") and company:
        asks.append(f"What does your work as {now['title']} at {company} involve week to week?")
    if path["tenure_months"] and path["tenure_months"] >= 36 and company:
        asks.append(f"You've been at {company} for {facts.get('tenure', {}).get('tenure') or 'years'}. "
                    "What has kept it interesting?")
    if "about" in facts:
        asks.append(f"Your profile mentions that {facts['about']['about']}. What's the story behind that?")
    ongoing = [r for r in path["roles"] if r["ongoing"] and not r["student"] and r["company"]]
    if len(ongoing) >= 2:
        names = _and([company_ref(r["company"]) for r in ongoing[:3]])
        asks.append(f"You're involved with {names} at the same time. How do you split your attention?")
    first = _first_in_field(path)
    if first:
        field = f" in {path['field']}" if path["field"] else ""
        asks.append(f"How did you land your first role{field}, as {first['title']} at "
                    f"{company_ref(first['company'])}?")
    interns = [r for r in path["roles"] if r["student"] and r["company"] and "intern" in r["title"].lower()]
    if interns:
        asks.append(f"What did your internship at {company_ref(interns[-1]['company'])} teach you "
                    "that still matters?")
    if "topics" in facts:
        asks.append(f"You invite people to talk with you about {facts['topics']['topics']}. "
                    "Which of those is changing fastest right now?")
    if "similar_change" in facts:
        asks.append(f"If someone tried the move {facts['similar_change']['similar_change']} today, "
                    "what would you tell them to do first?")
    if "their_school" in facts:
        study = facts["their_school"].get("their_study")
        asks.append(f"How much did your time at {facts['their_school']['their_school']}"
                    + (f" studying {study}" if study else "") + " shape what you do now?")
    if referrer and strip_emoji(referrer.get("full_name")):
        asks.append(f"How do you know {strip_emoji(referrer['full_name']).split()[0]}?")
    return asks


def questions_for(prospect: dict[str, Any], me: dict[str, Any], gathered: dict[str, Any],
                  referrer: dict[str, Any] | None = None) -> list[str]:
    """Between 8 and 12 questions: up to six specific ones first, general themes, then the closing."""
    persona = me.get("persona") or "explorer"
    field = gathered["career"].get("field") or "your field"
    specific = specific_questions(prospect, gathered, referrer)[:_MAX_SPECIFIC]
    themes = [q.format(field=field) for q in (RECRUITER_THEMES if persona == "recruiter" else EXPLORER_THEMES)]
    general_count = max(TARGET - 1 - len(specific), MIN_QUESTIONS - 1 - len(specific), 0)
    chosen = specific + themes[:general_count]
    chosen.append(CLOSING[persona].format(field=field))
    return chosen[:MAX_QUESTIONS]
