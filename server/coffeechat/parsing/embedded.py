"""Voyager JSON that logged-in Ember pages (2019–2025) embed in hidden <code> blocks.

Only a block whose profile entity has the page's own slug as publicIdentifier is read: the
same page also embeds the viewer (/voyager/api/me) and other people's mini-profiles. The
blocks are located with str.find and only the matching one is decoded, so reading this
costs about a millisecond even on 2 MB pages.
"""

import html as htmlmod
import json

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.page import Page
from coffeechat.parsing.text import clean, clean_block
from coffeechat.parsing.urls import canonical_profile_url, profile_slug

NAME = "embedded"


def _blocks_about(page: Page, slug: str) -> list[dict]:
    """Decoded <code> blocks that mention a publicIdentifier equal to slug."""
    found, pos, html = [], 0, page.html
    while (at := html.find(sel.VOYAGER_PUBLIC_ID, pos)) >= 0:
        pos = at + len(sel.VOYAGER_PUBLIC_ID)
        value = sel.VOYAGER_ID_VALUE.match(html, pos)
        if not value or value.group(1).lower() != slug:
            continue
        start, end = html.rfind("<code", 0, at), html.find("</code>", at)
        opened = html.find(">", start) + 1 if start >= 0 else 0
        if start < 0 or end < 0 or not 0 < opened <= at:
            continue
        try:
            found.append(json.loads(htmlmod.unescape(html[opened:end])))
        except ValueError:
            continue
        pos = end
    return found


def _entities(block: dict) -> list[dict]:
    """Every entity of a normalized Voyager response."""
    included = block.get("included") if isinstance(block, dict) else None
    data = block.get("data") if isinstance(block, dict) else None
    items = [*(included if isinstance(included, list) else []), data]
    return [e for e in items if isinstance(e, dict)]


def _degree(relationship: dict) -> str | None:
    """1st / 2nd / 3rd+ from a MemberRelationship entity; None for the viewer's own page."""
    union = relationship.get("memberRelationshipUnion") or relationship.get("memberRelationship")
    if not isinstance(union, dict) or "self" in union:
        return None
    if "connection" in union:
        return "1st"
    distance = json.dumps(union)
    if "DISTANCE_2" in distance:
        return "2nd"
    return "3rd+" if sel.VOYAGER_FAR.search(distance) else None


def _photo(profile: dict) -> str | None:
    """The largest display photo: rootUrl + the last artifact's path segment."""
    picture = profile.get("profilePicture") or {}
    image = ((picture.get("displayImageReference") or {}).get("vectorImage") or {})
    artifacts = image.get("artifacts") or []
    if not image.get("rootUrl") or not artifacts:
        return None
    return image["rootUrl"] + (artifacts[-1].get("fileIdentifyingUrlPathSegment") or "")


def _read(entities: list[dict], slug: str) -> dict:
    """Fields of the profile entity with this slug in one response, or {}."""
    by_urn = {e.get("entityUrn"): e for e in entities if e.get("entityUrn")}
    profile = next((e for e in entities
                    if str(e.get("publicIdentifier", "")).lower() == slug), None)
    if profile is None:
        return {}
    geo = by_urn.get((profile.get("geoLocation") or {}).get("*geo")) or {}
    urn = str(profile.get("objectUrn") or "")
    headline = profile.get("headline")
    name = " ".join(filter(None, (profile.get("firstName"), profile.get("lastName"))))
    return {
        **_lists(entities, str(profile.get("entityUrn") or "")),
        "full_name": clean(name),
        "headline": clean(headline) if isinstance(headline, str) else None,
        "location": clean(geo.get("defaultLocalizedName") or profile.get("locationName")),
        "member_urn": urn if urn.startswith("urn:li:member:") else None,
        "profile_url": canonical_profile_url(f"/in/{profile['publicIdentifier']}/"),
        "connection_degree": _degree(by_urn.get(profile.get("*memberRelationship")) or {}),
        "photo_url": _photo(profile),
    }


def _lists(entities: list[dict], profile_urn: str) -> dict:
    """Roles, schools, skills and languages the response holds for this profile.

    A list entity belongs to the profile whose id its urn carries ("urn:li:fsd_skill:(<profile
    id>,12)"); the same response can hold other members' entities.
    """
    member = profile_urn.rsplit(":", 1)[-1]
    if not member:
        return {}
    found: dict[str, list] = {name: [] for name in sel.VOYAGER_LIST_TYPES.values()}
    for entity in entities:
        kind = sel.VOYAGER_LIST_TYPES.get(str(entity.get("$type", "")).rsplit(".", 1)[-1])
        if kind and f"({member}," in str(entity.get("entityUrn", "")):
            item = _LIST_READERS[kind](entity)
            if item:
                found[kind].append(item)
    return {name: items for name, items in found.items() if items}


def _month(date: object) -> str | None:
    """"YYYY-MM" or "YYYY" from a Voyager {month, year}."""
    if not isinstance(date, dict) or not isinstance(date.get("year"), int):
        return None
    month = date.get("month")
    return f"{date['year']}-{month:02d}" if isinstance(month, int) and 1 <= month <= 12 \
        else str(date["year"])


def _dates(entity: dict) -> dict:
    """start, end and a shown range ("Apr 2019 - Present") from dateRange or timePeriod."""
    period = entity.get("dateRange") or entity.get("timePeriod") or {}
    start = _month(period.get("start") or period.get("startDate"))
    end = _month(period.get("end") or period.get("endDate"))
    shown = " - ".join(filter(None, (_shown(start), _shown(end) or ("Present" if start else None))))
    return {"date_range": shown or None, "start": start, "end": end}


def _shown(value: str | None) -> str | None:
    """"2019-04" → "Apr 2019", as LinkedIn's English interface shows it."""
    if not value:
        return None
    year, _, month = value.partition("-")
    return f"{sel.MONTH_ABBREVIATIONS[int(month) - 1]} {year}" if month else year


def _position(entity: dict) -> dict | None:
    """A role in the result's shape."""
    title = clean(entity.get("title"))
    dates = _dates(entity)
    if not title or not dates["start"]:
        return None
    return {"title": title, "company": clean(entity.get("companyName")), "employment_type": None,
            **dates, "duration": None, "location": clean(entity.get("locationName")),
            "description": clean_block(entity.get("description"))}


def _education(entity: dict) -> dict | None:
    """A school in the result's shape."""
    school = clean(entity.get("schoolName"))
    if not school:
        return None
    return {"school": school, "degree": clean(entity.get("degreeName")),
            "field_of_study": clean(entity.get("fieldOfStudy")), **_dates(entity)}


def _language(entity: dict) -> dict | None:
    """A language, its proficiency in LinkedIn's English words."""
    name = clean(entity.get("name"))
    level = sel.VOYAGER_PROFICIENCY.get(str(entity.get("proficiency")))
    return {"language": name, "proficiency": level} if name else None


_LIST_READERS = {"experience": _position, "education": _education,
                 "skills": lambda e: clean(e.get("name")), "languages": _language}


def parse(page: Page) -> dict:
    """Fields from the Voyager entities describing the page's own person, merged."""
    slug = profile_slug(page.url) or profile_slug(page.canonical)
    if not slug or "<code" not in page.html:
        return {}
    out: dict = {}
    for block in _blocks_about(page, slug):
        for key, value in _read(_entities(block), slug).items():
            if out.get(key) is None:
                out[key] = value
    return out
