"""Ready-made pieces of wording: the best common ground, the thing about them, and tone phrases.

Templates arrange these pieces; the tone table is what makes warm, concise and formal drafts
read differently. Nothing here invents a fact: every piece is built from a gathered fact.
"""

from typing import Any


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


# Common ground, strongest first: (fact kind, clause with the fact's phrase in it).
_GROUND = (
    ("shared_school", "we both studied at {}"),
    ("shared_employer", "we've both worked at {}"),
    ("similar_change", "you made the kind of move I'm planning, {}"),
    ("same_city", "we're both in {}"),
    ("shared_language", "we both speak {}"),
    ("shared_skills", "we both work with {}"),
)


def ground_clauses(facts: dict[str, dict[str, Any]]) -> list[str]:
    """Common ground as clauses ("we both studied at Queen's University"), strongest first."""
    return [clause.format(facts[kind]["phrases"][kind]) for kind, clause in _GROUND if kind in facts]


def spark_clauses(facts: dict[str, dict[str, Any]]) -> list[str]:
    """Specific things about them as clauses ("you moved from X to Y in 2019"), most telling first."""
    p = {kind: fact["phrases"] for kind, fact in facts.items()}
    clauses = []
    if "transition" in p:
        clauses.append(f"you moved {p['transition']['transition']}")
    if "about" in p:
        clauses.append(p["about"]["about"])
    # One clause naming their company is enough: a move or a tenure says it, else the role does.
    company = p.get("current_role", {}).get("company", "")
    if "recent_move" in p and company:
        move = p["recent_move"]
        since = f" in {move['move_since']}" if move.get("move_since") else ""
        after = f" after {move['moved_from']}" if move.get("moved_from") else ""
        clauses.append(f"you joined {company}{since}{after}")
    elif "tenure" in p and company:
        clauses.append(f"you've spent {p['tenure']['tenure']} at {company}")
    if "years_in_field" in p:
        clauses.append(f"you've spent {p['years_in_field']['field_years']} in this work")
    if "current_role" in p and not ("recent_move" in p or "tenure" in p) or not clauses:
        role = p.get("current_role", {})
        if role.get("role") and role.get("company"):
            clauses.append(f"you're {_article(role['role'])} {role['role']} at {role['company']}")
        elif role:
            clauses.append(f"you work at {role.get('company') or role.get('role')}")
    if "their_school" in p:
        clauses.append(f"you studied at {p['their_school']['their_school']}")
    if "headline" in p:
        clauses.append(f"you describe your work as \"{p['headline']['headline']}\"")
    return clauses


def topic_phrases(facts: dict[str, dict[str, Any]]) -> list[str]:
    """Specific things about them as noun phrases ("your move to Gantry"), most telling first."""
    p = {kind: fact["phrases"] for kind, fact in facts.items()}
    role = p.get("current_role", {})
    topics = []
    if "transition" in p:
        topics.append(f"your move {p['transition']['transition']}")
    if "recent_move" in p and role.get("company"):
        moved_from = p["recent_move"].get("moved_from")
        topics.append(f"your move to {role['company']}" + (f" from {moved_from}" if moved_from else ""))
    if "tenure" in p and role.get("company"):
        topics.append(f"your {_possessive_span(p['tenure']['tenure'])} at {role['company']}")
    if role.get("role") and role.get("company"):
        topics.append(f"your work as {role['role']} at {role['company']}")
    elif role:
        topics.append(f"your work at {role.get('company') or role.get('role')}")
    if "their_school" in p:
        topics.append(f"your path since {p['their_school']['their_school']}")
    if "headline" in p:
        topics.append(f"your work as \"{p['headline']['headline']}\"")
    return topics


def _possessive_span(span: str) -> str:
    """A spoken duration that reads after "your": "over eight years" -> "eight-plus years"."""
    if span.startswith("over a "):
        return span[len("over a "):] + "-plus"
    if span.startswith("over "):
        number, _, unit = span[len("over "):].partition(" ")
        return f"{number}-plus {unit}"
    if span.startswith("about a "):
        return span[len("about a "):]
    if span.startswith("a "):
        return span[len("a "):]
    return span.replace("almost ", "nearly ")


def role_phrase(facts: dict[str, dict[str, Any]]) -> str:
    """Their current role with an article, for a third-person mention ("a Software Engineer at Gantry")."""
    role = facts.get("current_role", {}).get("phrases", {})
    if role.get("role") and role.get("company"):
        return f"{_article(role['role'])} {role['role']} at {role['company']}"
    return f"who works at {role['company']}" if role.get("company") else ""


def my_intro(me: dict[str, Any]) -> str:
    """How the user introduces themself: "I'm Robin, a high school chemistry teacher"."""
    first = (me.get("name") or "").split()
    role = (me.get("current_role") or "").strip().rstrip(".")
    if role and not role[:2].isupper():
        role = role[:1].lower() + role[1:]
    intro = f"I'm {first[0]}" if first else ""
    if role:
        described = f"{_article(role)} {role}"
        return f"{intro}, {described}" if intro else f"I'm {described}"
    return intro or "I'm reaching out on my own behalf"


# (tone) → wording. {m} = minutes asked for, {first} = their first name.
TONE: dict[str, dict[str, str]] = {
    "warm": {
        "hello": "Hi {first},", "hello_note": "Hi {first}!",
        "noticed": "I noticed", "noticed_cap": "I noticed", "ask_chat": "Would you be open to a {m}-minute chat?",
        "ask_chat_long": "Would you be open to a {m}-minute call or coffee sometime in the next few "
                         "weeks? I'm happy to work around your schedule.",
        "ask_names": "And if you can't, I'd be grateful for the names of one or two people you'd "
                     "suggest I talk to.",
        "thanks": "Thank you so much", "thanks_short": "Thanks so much!",
        "sign_off": "Warmly,", "glad": "I'd love to hear",
        "no_pressure": "If now isn't a good time, no worries at all.",
    },
    "concise": {
        "hello": "Hi {first},", "hello_note": "Hi {first}.",
        "noticed": "I saw", "noticed_cap": "I saw", "ask_chat": "Open to a {m}-minute call?",
        "ask_chat_long": "Could we do a {m}-minute call in the next few weeks, at a time that suits you?",
        "ask_names": "If not, one or two names of people I should talk to would help a lot.",
        "thanks": "Thanks", "thanks_short": "Thanks!",
        "sign_off": "Best,", "glad": "I'd like to hear",
        "no_pressure": "If now's not a good time, no problem.",
    },
    "formal": {
        "hello": "Dear {first},", "hello_note": "Hello {first}.",
        "noticed": "I understand that", "noticed_cap": "I understand that",
        "ask_chat": "Might you have {m} minutes for a short call?",
        "ask_chat_long": "Would you be willing to spare {m} minutes for a call in the coming weeks, "
                         "at whatever time is convenient for you?",
        "ask_names": "Should that not be possible, I would be grateful for the names of one or two "
                     "colleagues you would recommend I speak with.",
        "thanks": "Thank you very much", "thanks_short": "Thank you for considering it.",
        "sign_off": "Kind regards,", "glad": "I would very much like to hear",
        "no_pressure": "I fully understand if now is not a good time.",
    },
}


def tone_phrases(tone: str, first: str, minutes: int) -> dict[str, str]:
    """The tone's phrases with the person's first name and the minutes filled in."""
    table = TONE.get(tone, TONE["warm"])
    name = first or "there"
    phrases = {k: v.format(first=name, m=minutes) for k, v in table.items()}
    if not first:
        phrases["hello"] = "Hello," if tone == "formal" else "Hi there,"
        phrases["hello_note"] = "Hello." if tone == "formal" else "Hi there!"
    return phrases


def goal_sentence(goal: str, field: str) -> str:
    """The user's goal as a sentence fragment after "I'm …" ("hoping to move into UX research")."""
    goal = goal.strip().rstrip(".")
    if not goal:
        return f"learning more about {field}" if field else "learning about your field"
    first, _, rest = goal.partition(" ")
    lowered = first.lower() if not first.isupper() else first
    if lowered == "to":
        return f"hoping {goal[:1].lower()}{goal[1:]}"
    if lowered in {"move", "switch", "transition", "become", "get", "break", "change", "pivot",
                   "go", "shift", "grow", "return", "join", "learn", "explore", "find", "build"}:
        return f"hoping to {lowered} {rest}".rstrip()
    if lowered.endswith("ing"):
        return f"{lowered} {rest}".rstrip()
    return f"working toward {goal[:1].lower()}{goal[1:]}" if not first.isupper() else f"working toward {goal}"
