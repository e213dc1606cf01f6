"""Counting across saved people: who matches a target, how they got into the role, where they went next.

Every count comes as a bucket ``{"key", "label", "count", "share", "ids"}``: ``ids`` are the people
behind the number, and ``key`` names the bucket so a link can ask for exactly those people again.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from statistics import median
from typing import Any, Callable, Iterable

from coffeechat.insights.people import Person, Role, key_of
from coffeechat.labels import STAGE_LABELS
from coffeechat.model import STAGES
from coffeechat.outreach.career import LABELS, function_of
from coffeechat.outreach.names import fold
from coffeechat.parsing.dates import month_index

MIN_PEOPLE = 5  # below this many people a share says nothing: the page says so instead
TOP = 10        # bars per chart
TOP_SKILLS = 15
BANDS: tuple[tuple[str, int, int], ...] = (  # total experience, in months: [low, high)
    ("under 2 years", 0, 24), ("2 to 5 years", 24, 60), ("5 to 10 years", 60, 120),
    ("10 to 20 years", 120, 240), ("20 years or more", 240, 10**6),
)


@dataclass(frozen=True)
class Target:
    """What the user asks about; every given part must hold."""

    role: str = ""      # title words, as written in the titles
    function: str = ""  # a function key of outreach.career (data, design, teaching, ...)
    company: str = ""
    tag: str = ""
    stage: str = ""

    def words(self, text: str) -> frozenset[str]:
        return _words(key_of(text))


@lru_cache(maxsize=1 << 16)
def _words(key: str) -> frozenset[str]:
    return frozenset(key.split())


def _has(words: frozenset[str], key: str) -> bool:
    return bool(words) and words <= _words(key)


def matcher(target: Target) -> Callable[[Person], int | None]:
    """A function giving, for one person, the index in their roles of the target role (the first one
    held), or None when they do not match; -1 for a tag or stage target when no role is known."""
    role_words, company_words = target.words(target.role), target.words(target.company)
    tag, stage, function = target.tag.lower(), target.stage, target.function
    by_role = bool(role_words or function or company_words)

    def anchor(person: Person) -> int | None:
        if (tag and tag not in person.tags) or (stage and person.stage != stage):
            return None
        if not by_role:
            # A tag or stage alone: the role they hold now (or their latest), when any is known.
            return len(person.roles) - 1 if person.roles else -1
        for i, role in enumerate(person.roles):
            if ((not role_words or _has(role_words, role.title_key)) and (not function or role.function == function)
                    and (not company_words or _has(company_words, role.company_key))):
                return i
        return None
    return anchor


def _months_before(person: Person, role: Role) -> int | None:
    """Months from their first role to this one: experience before the move."""
    first = month_index(person.roles[0].start or "") if person.roles else None
    start = month_index(role.start or "")
    return start - first if first is not None and start is not None and start >= first else None


class Tally:
    """People grouped under labelled keys, in the order first seen."""

    def __init__(self, section: str, base: int):
        self.section, self.base = section, base
        self.groups: dict[str, list[int]] = {}
        self.labels: dict[str, str] = {}
        self.months: dict[str, list[int]] = {}

    def add(self, label: str | None, pid: int, months: int | None = None) -> None:
        key = key_of(label) if label else ""
        if not label or not key:
            return
        ids = self.groups.get(key)
        if ids is None:
            ids = self.groups[key] = []
            self.labels[key] = label
        if not ids or ids[-1] != pid:
            ids.append(pid)
            if months is not None:
                self.months.setdefault(key, []).append(months)

    def people(self) -> int:
        seen: set[int] = set()
        for ids in self.groups.values():
            seen.update(ids)
        return len(seen)

    def bars(self, top: int = TOP, order: Iterable[str] | None = None) -> list[dict[str, Any]]:
        keys = [key_of(k) for k in order] if order is not None else sorted(
            self.groups, key=lambda k: (-len(self.groups[k]), self.labels[k].casefold()))[:top]
        out = []
        for key in keys:
            ids = self.groups.get(key, [])
            if order is not None and not ids:
                continue
            bar = {"key": f"{self.section}/{key}", "label": self.labels[key], "count": len(ids),
                   "share": round(len(ids) / self.base, 4) if self.base else 0.0, "ids": sorted(ids)}
            if key in self.months:
                bar["years"] = round(median(self.months[key]) / 12, 1)
            out.append(bar)
        return out


def _section(tally: Tally, top: int = TOP, order: Iterable[str] | None = None) -> dict[str, Any]:
    counted = tally.people()
    return {"people": counted, "enough": counted >= MIN_PEOPLE, "bars": tally.bars(top, order)}


def report(people: Iterable[Person], target: Target, persona: str = "explorer",
           move: tuple[str, str] | None = None) -> dict[str, Any]:
    """The insights for everyone matching ``target`` (see the module docstring for the bucket shape)."""
    everyone = list(people)
    anchor_of = matcher(target)
    matched = [(p, i) for p in everyone if (i := anchor_of(p)) is not None]
    n = len(matched)
    t = {name: Tally(name, n) for name in (
        "in_function", "in_title", "in_employer", "next_function", "next_title", "next_employer",
        "school", "degree", "skill", "experience", "location", "stage")}
    for p, i in matched:
        anchor = p.roles[i] if i >= 0 else None
        if anchor is not None:
            before = p.roles[i - 1] if i > 0 else None
            months = _months_before(p, anchor)
            if before is not None:
                t["in_function"].add(LABELS.get(before.function or "", "other work"), p.id, months)
                t["in_title"].add(before.title, p.id, months)
                t["in_employer"].add(before.company, p.id, months)
            else:
                t["in_function"].add("no earlier role on record", p.id, months)
            after = p.roles[i + 1] if i + 1 < len(p.roles) else None
            if after is not None:
                t["next_function"].add(LABELS.get(after.function or "", "other work"), p.id)
                t["next_title"].add(after.title, p.id)
                t["next_employer"].add(after.company, p.id)
            else:
                t["next_function"].add("still in that role", p.id)
        for school in p.schools:
            t["school"].add(school, p.id)
        for degree in p.degrees:
            t["degree"].add(degree, p.id)
        for skill in p.skills:
            t["skill"].add(skill, p.id)
        if p.total_months:
            t["experience"].add(next(b for b, lo, hi in BANDS if lo <= p.total_months < hi), p.id)
        t["location"].add(p.location, p.id)
        t["stage"].add(STAGE_LABELS.get(p.stage, p.stage), p.id)  # people read "In touch", not in_touch
    ids = sorted(p.id for p, _ in matched)
    totals = [p.total_months for p, _ in matched if p.total_months]
    out: dict[str, Any] = {
        "people": n, "ids": ids, "enough": n >= MIN_PEOPLE, "min_people": MIN_PEOPLE,
        "paths_in": {name: _section(t[f"in_{name}"]) for name in ("function", "title", "employer")},
        "next": {name: _section(t[f"next_{name}"]) for name in ("function", "title", "employer")},
        "schools": _section(t["school"]), "degrees": _section(t["degree"]),
        "skills": _section(t["skill"], TOP_SKILLS),
        "experience": {**_section(t["experience"], order=[b for b, _, _ in BANDS]),
                       "median_years": round(median(totals) / 12, 1) if totals else None},
        "locations": _section(t["location"]),
        "pool": None, "moves": None,
    }
    if persona == "recruiter":
        out["pool"] = _pool(matched, t)
    elif move:
        out["moves"] = made_the_move(everyone, *move)
    return out


def _pool(matched: list[tuple[Person, int]], t: dict[str, Tally]) -> dict[str, Any]:
    """The pool a recruiter can approach: by stage, and by skill with how many of them were met."""
    met = {p.id for p, _ in matched if p.met}
    skills = []
    for bar in t["skill"].bars(TOP_SKILLS):
        met_ids = [i for i in bar["ids"] if i in met]
        skills.append({**bar, "met": len(met_ids), "met_ids": met_ids, "met_key": f"skill_met/{bar['key'][6:]}"})
    return {"stages": _section(t["stage"], order=[STAGE_LABELS[s] for s in STAGES]), "skills": skills, "met": len(met)}


def made_the_move(people: Iterable[Person], start: str, end: str) -> dict[str, Any]:
    """People who went from one function to another (teaching → design), with the years before the move."""
    movers: list[tuple[Person, int | None]] = []
    for p in people:
        first_from = next((r for r in p.roles if r.function == start), None)
        if first_from is None:
            continue
        later = p.roles[p.roles.index(first_from) + 1:]
        arrival = next((r for r in later if r.function == end), None)
        if arrival is not None:
            a, b = month_index(first_from.start or ""), month_index(arrival.start or "")
            movers.append((p, b - a if a is not None and b is not None and b >= a else None))
    years = [m for _, m in movers if m is not None]
    return {"from": start, "to": end, "from_label": LABELS.get(start, start), "to_label": LABELS.get(end, end),
            "key": f"moved/{start}>{end}", "count": len(movers), "ids": sorted(p.id for p, _ in movers),
            "enough": len(movers) >= MIN_PEOPLE,
            "years": round(median(years) / 12, 1) if years else None,
            "people": [{"id": p.id, "name": p.name} for p, _ in sorted(movers, key=lambda m: m[0].name)[:TOP]]}


_MOVE = re.compile(r"\bfrom (.+?) (?:to|into|towards?) (.+)")
_INTO = re.compile(r"\b(?:to|into|towards?) (.+)")


def goal_move(goal: str, current_role: str, classify: Callable[[str], str | None] = function_of
              ) -> tuple[str, str] | None:
    """The move the user's goal names ("from teaching into UX research" → teaching, design), if any."""
    text = fold(goal)
    m = _MOVE.search(text)
    if m:
        start, end = classify(m.group(1)), classify(m.group(2))
    else:
        into = _INTO.search(text)
        start, end = classify(current_role), classify(into.group(1) if into else text)
    return (start, end) if start and end and start != end else None
