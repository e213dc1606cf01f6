"""Why write to this person: true reasons, strongest first, each a complete sentence.

Order (the etiquette's): a referrer; a shared school or employer; the move the user plans
that they already made; what they invite people to talk about; something recent; their role.
A reason carries its own fact, so the draft lists exactly what it says.
"""

import re
from typing import Any

from coffeechat.outreach.lexicon import read_title
from coffeechat.outreach.names import clean_name, company_name, company_ref, fold, school_ref
from coffeechat.outreach.words import article, join_and, month_year, ordinal

_GENERIC = {"the", "of", "at", "and", "in", "for"}


def _key(text: str | None) -> str:
    """The form two names are compared in: folded, without "the" or a legal suffix."""
    return " ".join(t for t in fold(company_name(text)).split() if t not in _GENERIC)


def _parts(name: str | None) -> set[str]:
    """The name and its dash-separated parts ("Gies College of Business - University of Illinois")."""
    pieces = [name or ""] + re.split(r"\s+[-–—|]\s+", name or "")
    return {_key(p) for p in pieces if _key(p)}


def same_entity(mine: str | None, theirs: str | None) -> bool:
    """The same school or employer: equal after normalisation, never one inside the other."""
    return bool(_parts(mine) & _parts(theirs))


def _region(location: str) -> tuple[str, str]:
    parts = [fold(p) for p in (location or "").split(",") if fold(p)]
    return (parts[0], parts[1]) if len(parts) >= 2 else (parts[0] if parts else "", "")


def same_place(mine: str, theirs: str) -> bool:
    """Same city only when the region matches too ("Norwalk, CT" is not "Norwalk, California")."""
    a, b = _region(mine), _region(theirs)
    if not a[0] or not a[1] or a[0] != b[0]:
        return False
    return a[1] == b[1] or a[1] in b[1].split() or b[1] in a[1].split() or _abbrev(a[1], b[1])


def _abbrev(a: str, b: str) -> bool:
    """ "ca" matches "california" and "on" matches "ontario": first letters of a region name."""
    short, long = sorted((a, b), key=len)
    return len(short) == 2 and long.startswith(short[0]) and short[1] in long[1:]


def _fact(kind: str, text: str, common: bool, phrase: str) -> dict[str, Any]:
    return {"kind": kind, "text": text, "common_ground": common, "phrases": {kind: phrase}}


def _reason(rid: str, label: str, lead: str, topic: str, fact: dict[str, Any], short: str = "") -> dict[str, Any]:
    return {"id": rid, "label": label, "lead": lead, "short": short or lead, "topic": topic, "fact": fact}


def goal_field(goal: str) -> str:
    """The field the user wants to move into ("move from teaching into UX research" → "UX research")."""
    m = re.search(r"\b(?:into|to|toward|towards)\s+(.+)$", goal or "", re.I)
    return read_title(m.group(1) if m else goal)["field"]


def _schools(prospect: dict[str, Any]) -> list[str]:
    return [e["school"] for e in prospect.get("education") or [] if isinstance(e, dict) and e.get("school")]


def _shared(p: dict[str, Any], prospect: dict[str, Any], me: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for mine in me.get("schools") or []:
        if any(same_entity(mine, theirs) for theirs in _schools(prospect)):
            ref = school_ref(mine)
            found.append(_reason("shared_school", f"You both studied at {mine}", f"We both studied at {ref}.",
                                 "", _fact("shared_school", mine, True, ref)))
            break
    companies = [r["company"] for r in p["positions"] if r["company"]]
    for mine in me.get("employers") or []:
        if any(same_entity(mine, theirs) for theirs in companies):
            name = company_ref(mine)
            found.append(_reason("shared_employer", f"You have both worked at {company_name(mine)}",
                                 f"We've both worked at {name}.", "",
                                 _fact("shared_employer", company_name(mine), True, name)))
            break
    if me.get("city") and same_place(me["city"], prospect.get("location") or ""):
        city = me["city"].split(",")[0].strip()
        found.append(_reason("same_city", f"You both live in {city}", f"We're both based in {city}.", "",
                             _fact("same_city", city, True, city)))
    return found


def _move(p: dict[str, Any], me: dict[str, Any]) -> dict[str, Any] | None:
    """The move the user plans that this person already made: out of the user's function."""
    mine = read_title(me.get("current_role"))["function"]
    target = goal_field(me.get("goal") or "")
    if not mine:
        return None
    for move in reversed(p["moves"]):
        if move["from"] == mine and move["to_field"]:
            when = f" in {move['year']}" if move["year"] else ""
            phrase = f"from {move['from_field']} into {move['to_field']}"
            plan = f" into {target}" if target and target != move["to_field"] else ""
            return _reason("similar_change", f"They moved {phrase}",
                           f"You moved {phrase}{when}, the kind of move I'm hoping to make{plan}.",
                           f"your move {phrase}", _fact("similar_change", phrase, True, phrase),
                           short=f"You moved {phrase}, a move like the one I'm planning.")
    now = p["primary"]
    if mine in p["trained_as"] and now and now["function"] and now["function"] != mine and now["field"]:
        mine_field = read_title(me.get("current_role"))["field"]
        phrase = f"from {mine_field} into {now['field']}"
        plan = f" into {target}" if target and target != now["field"] else ""
        return _reason("similar_change", f"They trained in {mine_field} and moved into {now['field']}",
                       f"You trained in {mine_field} and moved into {now['field']}, the kind of move I'm "
                       f"hoping to make{plan}.", f"your move {phrase}",
                       _fact("similar_change", phrase, True, f"moved into {now['field']}"),
                       short=f"You moved {phrase}, a move like the one I'm planning.")
    return None


def _interests(p: dict[str, Any], me: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    if p["topics"]:
        want = fold(f"{me.get('goal') or ''} {me.get('recruiting_for') or ''}")
        topics = sorted(p["topics"], key=lambda t: not any(w in want for w in fold(t).split() if len(w) > 2))[:2]
        said = join_and(topics)
        found.append(_reason("interests", f"They invite questions about {said}",
                             f"Your profile invites questions about {said}.", f"{said}",
                             _fact("topics", said, False, said)))
    if p["about"]:
        # The short form keeps the main clause: "you support the XBRL team" (in … dropped).
        head = re.split(r",| (?:in|to|for|with|by|through|across|while|and) ", p["about"])[0]
        short = head if len(head.split()) >= 3 else p["about"]
        found.append(_reason("about", "What they write in their About",
                             f"I read that {p['about']}.", "", _fact("about", p["about"], False, short),
                             short=f"I read that {short}."))
    return found


def _recent(p: dict[str, Any]) -> dict[str, Any] | None:
    now = p["primary"]
    if not now or now["months"] is None or now["months"] > 12 or not now["company"] or not now["start"]:
        return None
    since = month_year(now["start"])
    name = company_ref(now["company"])
    if now["kind"] == "founder":
        verb = "co-founded" if re.search(r"\bco ?founder|cofounder", fold(now["title"])) else "started"
        text = f"You {verb} {name} in {since}."
        return _reason("recent", f"They {verb} {name} recently", text,
                       f"building {name}", _fact("recent_move", f"{verb} {name}", False, f"{verb} {name}"))
    earlier = [r for r in p["main"] if r is not now and r["company"] and fold(r["company"]) != fold(now["company"])]
    if now["company_months"] is not None and now["company_months"] > now["months"] + 1:
        return None  # a new role at the same company is not a move to it
    after = f" after {company_ref(earlier[-1]['company'])}" if earlier else ""
    return _reason("recent", f"They joined {name} recently",
                   f"You joined {name} in {since}{after}.", f"your move to {name}",
                   _fact("recent_move", f"joined {name} in {since}", False, f"joined {name}"),
                   short=f"You joined {name} in {since}.")


def role_sentence(p: dict[str, Any], short: bool = False) -> tuple[str, str, str]:
    """(sentence, topic, phrase) for their current position, said the way people say it."""
    now, study, last = p["primary"], p["student"], p["last_role"]
    if p["kind"] == "student" and study:
        year = f"in your {ordinal(study['year'])} year " if study["year"] else ""
        what = f"studying {study['study']} " if study["study"] and not year else ""
        school = school_ref(study["school"])
        interned = [r for r in p["positions"] if r["kind"] == "student" and r["company"] and not r["club"]]
        extra = f", with an internship at {company_ref(interned[-1]['company'])} behind you" if interned and not short \
            else ""
        text = f"You're {year}{what}at {school}{extra}."
        return text, f"your studies at {school}", school
    if not now and last:
        role = last["title_en"]
        at = f" at {company_ref(last['company'])}" if last["company"] else ""
        if role:
            return f"Your most recent role was {article(role)} {role}{at}.", f"your time{at or ' in that role'}", role
    if not now:
        return "", "", ""
    name, role, kind = company_ref(now["company"]), now["title_en"], now["kind"]
    if kind == "founder" and name:
        verb = "co-founded" if re.search(r"\bco ?founder|cofounder", fold(now["title"])) else "started"
        return f"You {verb} {name}.", f"building {name}", name
    if kind == "self_employed":
        field = now["field"] or "independent"
        return (f"You run your own {field} practice.", f"your own {field} practice", f"your own {field} practice")
    if kind == "board" and name:
        return f"You sit on the board of {name}.", f"your board work at {name}", name
    if kind == "volunteer" and name:
        return f"You volunteer with {name}.", f"your work with {name}", name
    if role and name:
        since = now["company_months"] or 0
        if since >= 24 and now["months"] is not None and since > now["months"] + 6 and now["start"]:
            first = min(r["start"] for r in p["positions"] if fold(r["company"]) == fold(now["company"]) and r["start"])
            if short:
                return f"You've been at {name} since {first[:4]}.", f"your work at {name}", name
            return (f"You've been at {name} since {first[:4]}, now as {article(role)} {role}.",
                    f"your work at {name}", name)
        if short:
            return f"You work at {name}.", f"your work at {name}", name
        return f"You're {article(role)} {role} at {name}.", f"your work at {name}", name
    if role:
        return f"You work as {article(role)} {role}.", f"your work as {article(role)} {role}", role
    if name:
        field = f" in {p['field']}" if p["field"] else ""
        return f"You work{field} at {name}.", f"your work at {name}", name
    return "", "", ""


def ranked(p: dict[str, Any], prospect: dict[str, Any], me: dict[str, Any],
           referrer: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Every true reason to write to them, strongest first (empty when nothing is known)."""
    found = []
    if referrer and clean_name(referrer.get("full_name")):
        name = clean_name(referrer.get("full_name"))
        found.append(_reason("referrer", f"Referred by {name}", f"{name} suggested I write to you.", "",
                             _fact("referrer", name, True, name), short=f"{name} suggested I reach out."))
    found += _shared(p, prospect, me)
    if me.get("persona") != "recruiter":
        move = _move(p, me)
        if move:
            found.append(move)
    found += _interests(p, me)
    recent = _recent(p)
    if recent:
        found.append(recent)
    text, topic, phrase = role_sentence(p)
    if text:
        found.append(_reason("role", "Their current work", text, topic, _fact("current_role", phrase, False, phrase),
                             short=role_sentence(p, short=True)[0]))
    skills = [s for s in prospect.get("skills") or [] if isinstance(s, str) and 1 < len(s) <= 40][:2]
    if not text and skills:
        said = join_and(skills)
        found.append(_reason("skills", f"The skills they list ({said})",
                             f"Your profile lists {said} among your skills.", f"your work with {said}",
                             _fact("their_skills", said, False, skills[0]),
                             short=f"Your profile lists {skills[0]} among your skills."))
    if not text:
        for entry in prospect.get("education") or []:
            if isinstance(entry, dict) and entry.get("school"):
                school = school_ref(entry["school"])
                study = f" {entry['field_of_study']}" if entry.get("field_of_study") and \
                    read_title(entry["field_of_study"])["function"] != "" else ""
                found.append(_reason("school", "Where they studied", f"You studied{study} at {school}.",
                                     f"your path since {school}", _fact("their_school", school, False, school)))
                break
    return found
