"""The user's side of a draft: who I am, what I'm after, and (for recruiters) the honest reason."""

import re
from typing import Any

from coffeechat.outreach.names import company_name, fold
from coffeechat.outreach.words import article


def _role(me: dict[str, Any]) -> str:
    """The user's role as typed; the first letter lowered only when the rest is plain lower case."""
    role = (me.get("current_role") or "").strip().rstrip(".")
    head = re.split(r"\s+(?:at|with|for|@)\s+", role)[0]
    rest = head.split()[1:]
    if role and role[:1].isupper() and all(w.islower() for w in rest) and not role.split()[0].isupper():
        role = role[:1].lower() + role[1:]
    return role


def goal_words(goal: str) -> str:
    """The goal after "I'm …": "hoping to move from teaching into UX research"."""
    goal = (goal or "").strip().rstrip(".")
    if not goal:
        return ""
    first, _, rest = goal.partition(" ")
    low = first.lower() if not first.isupper() else first
    if low == "to":
        return f"hoping {goal[:1].lower()}{goal[1:]}"
    if low in {"move", "switch", "transition", "become", "get", "break", "change", "pivot", "go", "shift",
               "grow", "return", "join", "learn", "explore", "find", "build", "work", "land"}:
        return f"hoping to {low} {rest}".rstrip()
    if low.endswith("ing"):
        return f"{low} {rest}".rstrip()
    return f"working toward {goal[:1].lower()}{goal[1:]}"


def company_of(me: dict[str, Any]) -> str:
    """The user's company: the profile's field, else the part of the role after "at"."""
    if me.get("company"):
        return company_name(me["company"])
    m = re.search(r"\s(?:at|@)\s+(.+)$", me.get("current_role") or "")
    return company_name(m.group(1)) if m else ""


def intro(me: dict[str, Any], short: bool = False, goal_said: bool = False) -> str:
    """ "I'm Sam, a math teacher hoping to move into software engineering." ("" with nothing to say)."""
    name = (me.get("name") or "").split()
    role = _role(me)
    company = company_of(me)
    if role and company and fold(company) not in fold(role) and me.get("persona") != "recruiter":
        role = f"{role} at {company}"
    who = f"I'm {name[0]}" if name else ""
    described = f"{article(role)} {role}" if role else ""
    goal = goal_words(me.get("goal") or "") if me.get("persona") != "recruiter" and not goal_said else ""
    if short and goal:
        return f"I'm {goal}."
    if who and described:
        text = f"{who}, {described}"
    else:
        text = who or (f"I'm {described}" if described else "")
    if goal and described:
        # "a registered nurse hoping to move into product management": the role already says where from.
        goal = re.sub(r"\bfrom .+? (into|to) ", r"\1 ", goal, count=1)
    if goal:
        text = f"{text} {goal}" if described else f"{text}, {goal}" if text else f"I'm {goal}"
    return f"{text}." if text else ""


# Fields whose people are not "people in <field>".
_PEOPLE = {"startups": "founders and early teams", "board work": "board members and advisors",
           "your studies": "students"}


def recruiter_reason(me: dict[str, Any], field: str, short: bool = False) -> str:
    """The honest reason a recruiter writes: the company and what they recruit for, no pitch."""
    company = company_of(me)
    purpose = (me.get("recruiting_for") or "").strip().rstrip(".")
    area = _PEOPLE.get(field, f"people in {field}") if field else "people doing work like yours"
    where = f" at {company}" if company else ""
    if short:
        return f"I'm getting to know {area}{where}, with no pitch."
    if purpose:
        purpose = purpose[:1].lower() + purpose[1:] if not purpose.split()[0].isupper() else purpose
        return (f"I recruit{where} for {purpose}, and I'm getting to know {area} well "
                "before anything opens. There's no pitch here.")
    return f"Part of my work{where} is getting to know {area}, with no pitch and no opening in mind."
