"""Questions for one conversation: specific ones drawn from their path, then the general themes."""

from typing import Any

from coffeechat.outreach.names import company_ref, school_ref, strip_emoji
from coffeechat.outreach.reasons import goal_field
from coffeechat.outreach.words import article

MIN_QUESTIONS, MAX_QUESTIONS, TARGET = 8, 12, 10
_MAX_SPECIFIC = 7

# General themes from the domain notes, in the order they tend to come up in a conversation.
# {where} is where their work happens (" at Mayo Clinic", " as a UX researcher", " with Figma"),
# so the themes ask about this person's work, not work in general.
EXPLORER_THEMES = (
    "What does a typical day look like for you{where}, and which part of it do you enjoy most?",
    "If you were starting in {field} today, what would you do differently?",
    "Which training, courses or certifications actually matter for work like yours{where}, and which are overrated?",
    "Which publications, communities or professional groups do you follow to keep up?",
    "Where is {field} growing right now, and what is the hardest problem your work{where} faces?",
    "If your team{where} were handed an unexpected extra budget tomorrow, what would you spend it on?",
    "If you were in my position, how would you approach employers in {field}?",
    "What do people starting out in {field} typically earn, roughly?",
)
RECRUITER_THEMES = (
    "What does a good week look like in your work{where}, and what makes a bad one?",
    "Which skills matter more in {field} now than a few years ago?",
    "What do people outside {field} most often misunderstand about your work{where}?",
    "Where do you go to learn: communities, newsletters, events?",
    "What makes a team{where} a place people want to stay?",
    "If your team{where} were handed an unexpected extra budget, where would it go?",
    "Where do you think {field} is heading over the next couple of years?",
)
STUDENT_THEMES = (
    "Which courses or projects{where} have been most useful so far, and why?",
    "What did your internships show you about the work that classes did not?",
    "How are you deciding what to do after you graduate?",
    "What would you tell someone a year or two behind you{where}?",
    "Which clubs, communities or people{where} have helped you most?",
    "What surprised you most about {field} once you started working in it?",
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


def _where(who: dict[str, Any] | None, prospect: dict[str, Any]) -> str:
    """Where their work happens, to make a general theme theirs ("" when nothing is known)."""
    now = (who or {}).get("primary")
    if who and who.get("student"):
        return f" at {school_ref(who['student']['school'])}"
    if now and now["company"] and now["kind"] in ("employee", "founder", "board", "volunteer"):
        return f" at {company_ref(now['company'])}"
    if now and now["title_en"]:
        return f" as {article(now['title_en'])} {now['title_en']}"
    skills = [s for s in prospect.get("skills") or [] if isinstance(s, str)][:1]
    return f" with {skills[0]}" if skills else ""


def goal_question(who: dict[str, Any], me: dict[str, Any]) -> str:
    """A question linking their path to the user's goal, when a link exists ("" otherwise)."""
    target = goal_field(me.get("goal") or "")
    if me.get("persona") == "recruiter" or not target:
        return ""
    for move in reversed(who["moves"]):
        if move["to_field"] and move["from_field"]:
            return (f"You moved from {move['from_field']} into {move['to_field']}, and I'm hoping to move into "
                    f"{target}. What from your {move['from_field']} years helped most, and what would you do "
                    "first in my place?")
    if who["field"] and who["field"] == target:
        return (f"I'm hoping to move into {target}, the work you do now. If you were in my place, what "
                "would you do in the next three months?")
    return ""


def known_questions(who: dict[str, Any], prospect: dict[str, Any]) -> list[str]:
    """Questions from what a thin profile does show: the headline's role, the company, the school, the skills."""
    asks = []
    now = who["primary"]
    if now and now["title_en"] and now["company"]:
        asks.append(f"What does {article(now['title_en'])} {now['title_en']} at {company_ref(now['company'])} "
                    "actually spend the week on?")
    elif now and now["title_en"]:
        asks.append(f"What does your work as {article(now['title_en'])} {now['title_en']} involve week to week?")
    if now and now["company"]:
        asks.append(f"What is {company_ref(now['company'])} like from the inside, and how is the team organised?")
    if who["student"]:
        study = f" {who['student']['study']}" if who["student"]["study"] else ""
        asks.append(f"What made you choose{study} at {school_ref(who['student']['school'])}, and what would "
                    "you choose again?")
    for entry in prospect.get("education") or []:
        if isinstance(entry, dict) and entry.get("school") and not who["student"]:
            asks.append(f"What from your time at {school_ref(entry['school'])} do you still use?")
            break
    skills = [s for s in prospect.get("skills") or [] if isinstance(s, str)][:2]
    if skills:
        asks.append(f"Your profile lists {_and(skills)}. Where do those skills matter most in your work?")
    if who["topics"]:
        asks.append(f"You invite questions about {_and(who['topics'][:2])}. What do people get wrong about it?")
    if who["last_role"] and who["last_role"]["title_en"]:
        asks.append(f"What did your time as {article(who['last_role']['title_en'])} {who['last_role']['title_en']} "
                    "teach you, and what are you looking for next?")
    return asks


def questions_for(prospect: dict[str, Any], me: dict[str, Any], gathered: dict[str, Any],
                  referrer: dict[str, Any] | None = None, who: dict[str, Any] | None = None) -> list[str]:
    """Between 8 and 12 questions: the goal link and specific ones first, general themes, then the closing."""
    persona = me.get("persona") or "explorer"
    field = (who or {}).get("field") or gathered["career"].get("field") or "this work"
    specific = specific_questions(prospect, gathered, referrer)
    if who:
        link = goal_question(who, me)
        # What they invite questions about comes right after the link to the goal.
        invited = [q for q in specific if q.startswith("You invite people")]
        specific = ([link] if link else []) + invited + [q for q in specific if q not in invited]
        specific += [q for q in known_questions(who, prospect) if q not in specific]
    specific = specific[:_MAX_SPECIFIC]
    table = STUDENT_THEMES if who and who["kind"] == "student" else (
        RECRUITER_THEMES if persona == "recruiter" else EXPLORER_THEMES)
    themes = [q.format(field=field, where=_where(who, prospect)) for q in table]
    general_count = max(TARGET - 1 - len(specific), MIN_QUESTIONS - 1 - len(specific), 0)
    chosen = specific + themes[:general_count]
    chosen.append(CLOSING[persona].format(field=field))
    return chosen[:MAX_QUESTIONS]


def top_questions(questions: list[str], minutes: int) -> list[str]:
    """The three to ask if time runs short: the first specific ones, and the closing ask for names.

    A 15-minute talk leaves room for about three questions after introductions, so the three
    are the two most specific and the closing one (asking who else to talk to is the point).
    """
    return questions[:2] + questions[-1:] if minutes <= 20 and len(questions) >= 3 else questions[:3]
