"""One saved person reduced to what insights count: their roles in order, schools, skills, place, stage."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from coffeechat.outreach.career import career
from coffeechat.outreach.names import company_name, fold, role_title

# Stages at which the user has met the person (a held meeting in the log counts too).
MET_STAGES = ("met", "thanked", "in_touch")


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    company: str
    function: str | None
    start: str | None
    months: int | None
    title_key: str    # folded title: what role words are matched against
    company_key: str  # folded company name


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    stage: str
    met: bool
    tags: tuple[str, ...]
    roles: tuple[Role, ...]  # main roles, oldest first, the current one last when it is known
    current: Role | None
    schools: tuple[str, ...]
    degrees: tuple[str, ...]
    skills: tuple[str, ...]
    location: str
    total_months: int


def _role(row: dict[str, Any]) -> Role:
    title, company = role_title(row.get("title")), company_name(row.get("company"))
    return Role(title, company, row.get("function"), row.get("start"), row.get("months"), fold(title), fold(company))


def _unique(values: Any) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for value in values:
        if isinstance(value, str) and value.strip():
            seen.setdefault(fold(value), " ".join(value.split()))
    return tuple(seen.values())


def _place(location: Any) -> str:
    """The city part of a location ("Lisbon, Portugal" → "Lisbon"): where people are, counted together."""
    return location.split(",")[0].strip() if isinstance(location, str) else ""


def person_of(doc: dict[str, Any], today: date) -> Person:
    """The insight-relevant facts of one stored prospect."""
    path = career(doc, today)
    rows = [r for r in path["roles"] if not r["student"] and not r["side"]]
    now = path["current"]
    roles = [_role(r) for r in rows]
    current = _role(now) if now else None
    if current is not None and not any(r.title_key == current.title_key and r.company_key == current.company_key
                                       for r in roles):
        roles.append(current)  # known from the top card only: still the role they hold now
    log = doc.get("log") or []
    stage = doc.get("stage") or "saved"
    met = stage in MET_STAGES or any(isinstance(e, dict) and e.get("type") == "meeting_held" for e in log)
    education = [e for e in doc.get("education") or [] if isinstance(e, dict)]
    skills = [s.get("name") if isinstance(s, dict) else s for s in doc.get("skills") or []]
    return Person(
        id=int(doc["id"]), name=doc.get("full_name") or "(no name)", stage=stage, met=met,
        tags=tuple(t.lower() for t in doc.get("tags") or [] if isinstance(t, str)),
        roles=tuple(roles), current=current,
        schools=_unique(e.get("school") for e in education), degrees=_unique(e.get("degree") for e in education),
        skills=_unique(skills), location=_place(doc.get("location")), total_months=path["total_months"] or 0,
    )
