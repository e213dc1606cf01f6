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
from coffeechat.parsing.text import clean
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
        "full_name": clean(name),
        "headline": clean(headline) if isinstance(headline, str) else None,
        "location": clean(geo.get("defaultLocalizedName") or profile.get("locationName")),
        "member_urn": urn if urn.startswith("urn:li:member:") else None,
        "profile_url": canonical_profile_url(f"/in/{profile['publicIdentifier']}/"),
        "connection_degree": _degree(by_urn.get(profile.get("*memberRelationship")) or {}),
        "photo_url": _photo(profile),
    }


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
