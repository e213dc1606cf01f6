"""Prospects built from the shared LinkedIn fixtures, and user profiles that do or do not share ground.

Imported by the outreach and research tests (a plain module, so both folders can use it)."""

from datetime import date

from coffeechat.me import normalize_me
from coffeechat.model import USER_FIELDS
from coffeechat.parsing.dates import split_date_range
from fixture_pages import ground_truth, page_path

PROFILES = ("profile-2018-self", "profile-2022-self", "profile-2026-first-degree", "public-2023")
# A "today" close to when each page was saved, so "Present" means what it meant then.
TODAY = {
    "profile-2018-self": date(2019, 1, 20),
    "profile-2022-self": date(2022, 4, 12),
    "profile-2026-first-degree": date(2026, 4, 10),
    "public-2023": date(2023, 5, 25),
}
CAPTURED = ("full_name", "headline", "location", "about", "connection_degree", "profile_url",
            "member_urn", "photo_url", "current", "skills", "languages")


def _dated(items: list[dict]) -> list[dict]:
    """Add start/end the way the parser stores them."""
    rows = []
    for item in items or []:
        split = split_date_range(item.get("date_range") or "") or {}
        rows.append({**item, "start": split.get("start"), "end": split.get("end")})
    return rows


def load_prospect(name: str, **extra) -> dict:
    """A stored-prospect dict from a fixture's expected JSON (same field names as the parser)."""
    data = ground_truth(name)
    prospect = {"id": 1, "key": data.get("profile_url") or name}
    prospect.update({field: data.get(field) for field in CAPTURED})
    prospect["experience"] = _dated(data.get("experience"))
    prospect["education"] = _dated(data.get("education"))
    prospect.update({k: (list(v) if isinstance(v, list) else v) for k, v in USER_FIELDS.items()})
    prospect.update({"log": [], "captures": [], "created_at": "2026-01-01T00:00:00Z",
                     "updated_at": "2026-01-01T00:00:00Z"})
    prospect.update(extra)
    return prospect


def load_parsed_prospect(name: str, **extra) -> dict:
    """The same prospect as coffeechat really stores it: the parser's output for the fixture page."""
    from coffeechat import parse_page
    from helpers import PROFILE_URLS
    parsed = parse_page(page_path(name).read_bytes(), PROFILE_URLS[name])
    prospect = {"id": 1, "key": parsed["profile_url"]}
    prospect.update({k: v for k, v in parsed.items() if k not in ("kind", "sources", "warnings")})
    prospect.update({k: (list(v) if isinstance(v, list) else v) for k, v in USER_FIELDS.items()})
    prospect.update({"log": [], "captures": [], "created_at": "2026-01-01T00:00:00Z",
                     "updated_at": "2026-01-01T00:00:00Z"})
    prospect.update(extra)
    return prospect


def stranger(persona: str = "explorer", **extra) -> dict:
    """A user who shares nothing with any fixture person."""
    return normalize_me({
        "name": "Robin Alvarez", "current_role": "High school chemistry teacher",
        "goal": "move from teaching into UX research", "persona": persona,
        "schools": ["University of Lisbon"], "employers": ["Lisbon School District"],
        "city": "Lisbon", "skills": ["Lesson planning"], "languages": ["Portuguese"],
        "signature": "Robin", **extra})


def insider(persona: str = "explorer", **extra) -> dict:
    """A user who shares a school, an employer, a city and skills with the fixture people."""
    return normalize_me({
        "name": "Sam Okafor", "current_role": "Technical recruiter at Northwind" if persona ==
        "recruiter" else "Math teacher", "goal": "move from teaching into software engineering",
        "persona": persona,
        "schools": ["Queen's University", "University of California, Berkeley",
                    "University of Illinois Urbana-Champaign", "National University of Ireland, Galway"],
        "employers": ["Stripe", "Caterpillar", "WSO2", "Pedalheads Bike Camps"],
        "city": "Toronto", "skills": ["Python", "Tableau"], "languages": ["Hindi", "Mandarin", "French"],
        "signature": "Sam", **extra})
