"""One saved person reduced to what insights count: their roles in order, schools, skills, place, stage."""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from sys import intern
from typing import Any

# The same tests for student and side roles as the career reading of drafts and notes.
from coffeechat.outreach.career import _CLUB, _SIDE, _STUDENT, function_of
from coffeechat.outreach.names import company_name, fold, role_title
from coffeechat.parsing.dates import month_index, months_between, split_date_range

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
    schools: tuple[str, ...]
    degrees: tuple[str, ...]
    skills: tuple[str, ...]
    location: str
    total_months: int


# Titles, companies and date ranges repeat across thousands of people: each is read once.
_fold = key_of = lru_cache(maxsize=1 << 16)(fold)  # key_of: how labels are told apart in counts
_title = lru_cache(maxsize=1 << 16)(role_title)
_company = lru_cache(maxsize=1 << 16)(company_name)
_split = lru_cache(maxsize=1 << 14)(split_date_range)


# Read apart: a pair of title and company is rarely seen twice, each of them often.
@lru_cache(maxsize=1 << 16)
def _title_kind(title: str) -> tuple[str | None, bool]:
    folded = _fold(title)
    return function_of(title), bool(_STUDENT.search(folded) or _SIDE.search(folded))


@lru_cache(maxsize=1 << 16)
def _company_kind(company: str) -> tuple[str | None, bool]:
    return function_of(company), bool(_CLUB.search(_fold(company)))


def _kind(title: str, company: str) -> tuple[str | None, bool]:
    """(function, whether the role is a student or side role) of a title at a company, as career reads them."""
    (by_title, aside), (by_company, club) = _title_kind(title), _company_kind(company)
    return by_title or by_company, aside or club


def _dates(item: dict[str, Any]) -> tuple[str | None, str | None]:
    if item.get("start"):
        return item["start"], item.get("end")
    split = _split(item.get("date_range") or "") if isinstance(item.get("date_range"), str) else None
    return (split["start"], split["end"]) if split else (None, None)


def _role(title: str, company: str, start: str | None, months: int | None) -> Role:
    function, _ = _kind(title, company)
    return Role(title, company, function, intern(start) if start else None, months, _fold(title), _fold(company))


def _roles(doc: dict[str, Any], today: date) -> list[Role]:
    """Main roles (no student or side roles), oldest first; the role they hold now last when it is known."""
    rows = []
    for item in doc.get("experience") or []:
        if not isinstance(item, dict) or not (item.get("title") or item.get("company")):
            continue
        title, company = _title(item.get("title")), _company(item.get("company"))
        if _kind(title, company)[1]:
            continue
        start, end = _dates(item)
        months = months_between(start, end, today) if start else None
        rows.append((start or "0000", end is None and bool(start), _role(title, company, start, months)))
    rows.sort(key=lambda r: r[0])
    roles = [r for _, _, r in rows]
    current = doc.get("current")
    if not isinstance(current, dict):
        current = {}
    title, company = _title(current.get("title")), _company(current.get("company"))
    ongoing = [r for _, now, r in rows if now]
    held = next((r for r in reversed(ongoing) if not company or r.company_key == _fold(company)), None)
    if held is not None:
        roles.remove(held)
        roles.append(held)
    elif (title or company) and not _kind(title, company)[1]:
        roles.append(_role(title, company, None, None))  # known from the top card only
    return roles


def _total_months(roles: list[Role]) -> int:
    """Months covered by any dated role, overlaps counted once."""
    spans = sorted((s, s + r.months) for r in roles if r.months and (s := month_index(r.start or "")) is not None)
    total, reach = 0, None
    for begin, end in spans:
        if reach is None or begin >= reach:
            total, reach = total + end - begin, end
        elif end > reach:
            total, reach = total + end - reach, end
    return total


def _unique(values: Any) -> tuple[str, ...]:
    # Interned: the same skill or school held by thousands of people is one string in memory.
    seen: dict[str, str] = {}
    for value in values:
        if isinstance(value, str) and value.strip():
            seen.setdefault(_fold(value), intern(value.strip()))
    return tuple(seen.values())


def _place(location: Any) -> str:
    """The city part of a location ("Lisbon, Portugal" → "Lisbon"): where people are, counted together."""
    return intern(location.split(",")[0].strip()) if isinstance(location, str) else ""


def person_of(doc: dict[str, Any], today: date) -> Person:
    """The insight-relevant facts of one stored prospect."""
    roles = _roles(doc, today)
    log = doc.get("log") or []
    stage = doc.get("stage") or "saved"
    met = stage in MET_STAGES or any(isinstance(e, dict) and e.get("type") == "meeting_held" for e in log)
    education = [e for e in doc.get("education") or [] if isinstance(e, dict)]
    skills = [s.get("name") if isinstance(s, dict) else s for s in doc.get("skills") or []]
    return Person(
        id=int(doc["id"]), name=doc.get("full_name") or "(no name)", stage=intern(stage), met=met,
        tags=tuple(intern(t.lower()) for t in doc.get("tags") or [] if isinstance(t, str)),
        roles=tuple(roles),
        schools=_unique(e.get("school") for e in education), degrees=_unique(e.get("degree") for e in education),
        skills=_unique(skills), location=_place(doc.get("location")), total_months=_total_months(roles),
    )
