"""The quality corpus: every profile page under tests/ as a stored prospect, and four users.

Imported by the outreach and research quality tests. Pages are found by walking tests/ (so
pages added later join the corpus); company, search and feed pages are not people.
"""

import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from coffeechat.me import normalize_me
from coffeechat.model import USER_FIELDS
from coffeechat.outreach.person import page_date
from coffeechat.parsing import ParseError, parse_page

TESTS = Path(__file__).resolve().parents[1]
_NOT_PEOPLE = re.compile(r"^(company|search|feed|not-linkedin|login|authwall|empty)")
_NOT_PEOPLE_FOLDERS = {"company", "refused", "search-results"}

# Four users, as the issue tried them.
USERS = {
    # A science teacher moving into UX research who shares a school, an employer and a city
    # with the consultant (people/consultant-2025), and a school name that is only part of another's.
    "teacher": normalize_me({
        "name": "Robin Alvarez", "current_role": "High school science teacher",
        "goal": "move from teaching into UX research",
        "schools": "University of Lisbon\nUniversity of California", "employers": "Escola Secundária Camões",
        "city": "Lisbon, Portugal", "languages": "Portuguese\nEnglish", "skills": "Lesson planning",
        "signature": "Robin Alvarez\nrobin.alvarez@example.com", "tone": "warm", "time_ask": 15}),
    # A nurse moving into product management who shares nothing with anyone.
    "nurse": normalize_me({
        "name": "Jordan Blake", "current_role": "Registered nurse", "goal": "move from nursing into product management",
        "schools": ["Dalhousie University"], "employers": ["Nova Scotia Health"], "city": "Halifax, Nova Scotia",
        "signature": "Jordan Blake\n(902) 555-0142", "tone": "concise", "time_ask": 20}),
    # A recruiter building a pool for data and ML roles, with no company or reason given.
    "recruiter": normalize_me({
        "name": "Sam Okafor", "current_role": "Technical Recruiter", "persona": "recruiter",
        "signature": "Sam Okafor", "tone": "formal", "time_ask": 20}),
    # A recruiter who names the company and the honest reason.
    "recruiter_company": normalize_me({
        "name": "Dana Whitfield", "current_role": "Senior technical recruiter", "persona": "recruiter",
        "company": "Northwind", "recruiting_for": "our data platform team, likely hiring next year",
        "signature": "Dana Whitfield\nNorthwind Talent\ndana@northwind.example", "tone": "warm",
        "time_ask": 15, "linkedin_account": "premium"}),
}


def page_paths() -> list[Path]:
    """Every saved page under tests/ that shows a person."""
    found = []
    for path in sorted(TESTS.rglob("*.html")):
        if "browser" in path.parts or _NOT_PEOPLE.match(path.stem) or path.parent.name in _NOT_PEOPLE_FOLDERS:
            continue
        found.append(path)
    return found


def _captured(prospect: dict, path: Path) -> date:
    """The capture day: the page's own durations tell it, else the year in its file name."""
    year = re.search(r"(19|20)\d\d", path.stem)
    return page_date(prospect) or (date(int(year.group(0)), 6, 15) if year else date(2026, 1, 15))


@cache
def people() -> dict[str, dict]:
    """Profile pages as stored prospects (parsed like a capture), keyed by a short name."""
    found = {}
    for path in page_paths():
        try:
            parsed = parse_page(path.read_bytes(), f"https://www.linkedin.com/in/{path.stem}/")
        except ParseError:
            continue
        if parsed.get("kind") != "profile" or not (
                parsed.get("experience") or parsed.get("headline") or parsed.get("skills")):
            continue
        key = path.stem  # the file name: it stays when fixture folders are reorganised
        if key in found:
            continue
        prospect = {"id": len(found) + 1, "key": key}
        prospect.update({k: v for k, v in parsed.items() if k not in ("kind", "sources", "warnings")})
        prospect.update({k: (list(v) if isinstance(v, list) else v) for k, v in USER_FIELDS.items()})
        day = _captured(prospect, path)
        prospect.update({"log": [], "captures": [{"id": 1, "at": f"{day.isoformat()}T12:00:00Z"}],
                         "created_at": f"{day.isoformat()}T12:00:00Z", "updated_at": f"{day.isoformat()}T12:00:00Z"})
        found[key] = prospect
    return found


def stamp(day: date, hour: int = 15) -> str:
    return f"{day.isoformat()}T{hour:02d}:00:00"


def after_meeting(prospect: dict, today: date, days_ago: int = 1, took_away: str | None = None,
                  note: str | None = None) -> dict:
    """The prospect with a first message, a reply and a meeting some days before today."""
    met = today - timedelta(days=days_ago)
    held = {"id": 3, "type": "meeting_held", "at": stamp(met)}
    if took_away:
        held["took_away"] = took_away
    if note:
        held["note"] = note
    return {**prospect, "log": [
        {"id": 1, "type": "invitation_sent", "at": stamp(met - timedelta(days=12))},
        {"id": 2, "type": "reply_received", "at": stamp(met - timedelta(days=10))}, held]}


def contacted(prospect: dict, today: date, days_ago: int = 9) -> dict:
    return {**prospect, "log": [{"id": 1, "type": "message_sent", "at": stamp(today - timedelta(days=days_ago))}]}
